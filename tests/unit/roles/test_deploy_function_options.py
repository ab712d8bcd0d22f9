# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The role cloudfn.aws_lambda.deploy takes, for each function, every option of lambda_function.

roles/deploy/meta/argument_specs.yml must describe each function option as lambda_function's DOCUMENTATION does
(names, types, elements, choices, aliases, required, defaults, suboptions), vars/main.yml must hand each to
lambda_app under its own name and rename each alias. docs/build/deploy_function_options.py
regenerates the two files when the module changes.
"""

import importlib.util
import os

import pytest
import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
ROLE = os.path.join(ROOT, "roles", "deploy")
# The options of a function that are the role's own, not lambda_function's.
ROLE_KEYS = {"alias", "alias_description", "strategy", "canary_weight", "verify", "event_sources", "permissions",
             "invoke_config", "provisioned_concurrency"}
COMPARED = ("type", "elements", "choices", "required", "default", "no_log")


def _load_generator():
    spec = importlib.util.spec_from_file_location("deploy_function_options",
                                                  os.path.join(ROOT, "docs", "build", "deploy_function_options.py"))
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    return generator


generator = _load_generator()


def _yaml(*path):
    with open(os.path.join(ROLE, *path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _role_variable(variable):
    return _yaml("meta", "argument_specs.yml")["argument_specs"]["main"]["options"][variable]


def _role_function_options(variable):
    options = _role_variable(variable)["options"]
    return {key: value for key, value in options.items() if key not in ROLE_KEYS}


def _differences(module, role, where, alias=False):
    """What differs between a module option (and its suboptions) and the role's (or the role's option of an alias)."""
    found = []
    for key in COMPARED:
        wanted = None if alias and key in ("required", "default") else module.get(key)
        if wanted != role.get(key):
            found.append("%s: %s is %r in the module, %r in the role" % (where, key, wanted, role.get(key)))
    if "aliases" in role:
        found.append("%s: has aliases, which ansible-lint's schema of role argument specs refuses" % where)
    module_subs = module.get("suboptions") or module.get("options") or {}
    role_subs = role.get("options") or role.get("suboptions") or {}
    if sorted(module_subs) != sorted(role_subs):
        found.append("%s: suboptions are %s in the module, %s in the role" % (where, sorted(module_subs), sorted(role_subs)))
    for key in sorted(set(module_subs) & set(role_subs)):
        if module_subs[key].get("aliases"):
            found.append("%s.%s: a suboption with aliases" % (where, key))
        found.extend(_differences(module_subs[key], role_subs[key], "%s.%s" % (where, key)))
    return found


def _aliases(name, spec):
    return list(spec.get("aliases") or []) + generator.ROLE_ALIASES.get(name, [])


def test_the_module_documents_the_options_the_role_relies_on():
    options = generator.module_options()
    # state and publish are the role's to decide; the connection options come from deploy_aws.
    assert {"name", "state", "publish", "environment_variables", "tags", "purge_tags", "wait", "layers"} <= set(options)
    assert "region" not in options
    assert generator.ROLE_ALIASES == {"environment_variables": ["environment"]}


@pytest.mark.parametrize("variable", ["deploy_defaults", "deploy_functions"])
def test_function_options_are_the_modules(variable):
    """Each option of lambda_function, and each of its aliases as an option of its own, with the module's spec."""
    module = generator.forwarded_options()
    if variable == "deploy_functions":
        module = dict(module, name=dict(generator.module_options()["name"], required=None))  # see required_one_of
    role = _role_function_options(variable)
    wanted = dict((key, (key, spec, False)) for key, spec in module.items())
    for key, spec in module.items():
        for alias in _aliases(key, spec):
            wanted[alias] = (key, spec, True)
    assert sorted(role) == sorted(wanted), "options only in the module: %s; only in the role: %s" % (
        sorted(set(wanted) - set(role)), sorted(set(role) - set(wanted)))
    differences = []
    for key in sorted(wanted):
        name, spec, alias = wanted[key]
        differences.extend(_differences(spec, role[key], "%s[].%s" % (variable, key), alias=alias))
    assert differences == []


@pytest.mark.parametrize("variable", ["deploy_defaults", "deploy_functions"])
def test_an_option_and_its_alias_are_mutually_exclusive(variable):
    spec = _role_variable(variable)
    module = generator.module_options()
    names = [key for key in module if key not in ("state", "publish") and (variable == "deploy_functions" or key != "name")]
    pairs = sorted([name, alias] for name in names for alias in _aliases(name, module[name]))
    assert sorted(spec.get("mutually_exclusive") or []) == pairs
    if variable == "deploy_functions":
        assert spec.get("required_one_of") == [["name"] + _aliases("name", module["name"])]
        assert "required" not in spec["options"]["name"]


def test_state_and_publish_are_the_roles():
    for variable in ("deploy_defaults", "deploy_functions"):
        assert not {"state", "publish"} & set(_role_function_options(variable))


def test_every_option_goes_to_lambda_app_under_its_name():
    """vars/main.yml gives lambda_app every key of a function but the role's own (deploy__role_keys), so each
    option of lambda_function reaches it under its own name; none of the module's options may be held back."""
    role_vars = _yaml("vars", "main.yml")
    held_back = set(role_vars["deploy__role_keys"])
    assert held_back == ROLE_KEYS | {"has_verify"}
    assert not held_back & set(generator.module_options())
    assert "rejectattr('key', 'in', deploy__role_keys)" in role_vars["deploy__app_bare"]
    assert "{'publish': true}" in role_vars["deploy__app_bare"]


def test_every_alias_is_renamed_to_its_option():
    aliases = _yaml("vars", "main.yml")["deploy__option_aliases"]
    wanted = {}
    for key, spec in generator.module_options().items():
        if key in ("state", "publish"):
            continue
        for alias in list(spec.get("aliases") or []) + generator.ROLE_ALIASES.get(key, []):
            wanted[alias] = key
    assert aliases == wanted


def test_generated_files_are_up_to_date():
    """What docs/build/deploy_function_options.py would write is what the files hold (descriptions included)."""
    for path, generate in ((generator.ARGUMENT_SPECS, generator.generated_argument_specs),
                           (generator.ROLE_VARS, generator.generated_vars)):
        with open(path, encoding="utf-8") as handle:
            current = handle.read()
        assert generate(current) == current, "run python docs/build/deploy_function_options.py: %s is stale" % path
