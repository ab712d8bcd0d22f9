# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A whole Lambda application in one task (lambda_app): the resources of ``resources/`` in dependency order.

No resource logic lives here: every layer, function, alias, permission, event source mapping, event
invoke config and provisioned concurrency is converged by its own resource class, built from an item's
options exactly as its module would build it. This file checks every item before any request, reads
the listed functions in parallel (who owns them), converges the layers, then each function with what
hangs on it (its alias follows the version this task publishes; permissions, event sources, the invoke
config, provisioned concurrency and the function URL attach to the alias when there is one), functions in parallel with
at most ``max_workers`` requests in flight, and finally prunes what the application no longer lists.

Ownership is a tag: every function of application NAME carries ``cloudfn:app: NAME``. Pruning and
``state: absent`` only ever delete functions that carry it.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.errors import UnsupportedError

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import source_problems
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import spec_defaults, state_option, wait_options
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import parse_policy, statements
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import (
    alias as alias_resource,
    event_invoke_config as invoke_config_resource,
    event_source as event_source_resource,
    function as function_resource,
    function_url as url_resource,
    layer as layer_resource,
    permission as permission_resource,
    provisioned_concurrency as provisioned_resource,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function import ENVIRONMENT_VALUE_MASK

APP_TAG = "cloudfn:app"

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True),
    layers=dict(type="list", elements="dict", default=[]),
    functions=dict(type="list", elements="dict", default=[]),
    defaults=dict(type="dict", default={}),
    prune=dict(type="bool", default=False),
    max_workers=dict(type="int", default=8),
)
ARGUMENT_SPEC.update(state_option())
ARGUMENT_SPEC.update(wait_options())

# Options of a function item that are the application's, not lambda_function's.
FUNCTION_PARTS = ("alias", "permissions", "event_sources", "event_invoke_config", "provisioned_concurrency", "url")
# Options merged key by key from ``defaults`` (any other option of a function replaces the default whole).
MERGED_KEY_BY_KEY = ("environment_variables", "tags")
# The application decides these for its resources.
NOT_IN_ITEMS = dict(
    function=("state",),
    layer=("state", "version"),
    alias=("state", "function_version"),
    permission=("qualifier", "alias", "version"),
    event_source=("alias", "version"),
)
APP_NAME_LONGEST = 256  # a tag value's limit


def _without(spec, keys):
    return dict((k, v) for k, v in spec.items() if k not in keys)


def _spec_errors(label, spec, values, **rules):
    """(validated values with defaults, messages) of ``values`` checked against the argument spec ``spec``."""
    if not isinstance(values, dict):
        return None, ["%s: must be a dictionary of options, not %r." % (label, values)]
    result = ArgumentSpecValidator(spec, **rules).validate(dict(values))
    # An unknown option's message is only its name and the supported ones: say what is wrong, as AnsibleModule does.
    messages = ["%s: %s%s" % (label, "unsupported parameters: " if isinstance(error, UnsupportedError) else "",
                              error.msg) for error in result.errors.errors]
    return result.validated_parameters, messages


def merge_defaults(defaults, item):
    """A function's options: ``item`` over ``defaults``; environment_variables and tags merged key by key."""
    merged = dict(defaults)
    for key, value in item.items():
        if key in MERGED_KEY_BY_KEY and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = dict(merged[key])
            merged[key].update(value)  # not dict(a, **b): a key may be a number (YAML's 2024: x)
        else:
            merged[key] = value
    return merged


class FunctionEntry:
    """One function of the application: its lambda_function options and the parts that hang on it."""

    def __init__(self, name, params, alias, permissions, event_sources, invoke_config, provisioned, layer_names,
                 url=None):
        self.name = name
        self.params = params
        self.alias = alias
        self.permissions = permissions
        self.event_sources = event_sources
        self.invoke_config = invoke_config
        self.provisioned = provisioned
        self.url = url  # the function URL's options (lambda_function_url's), or None
        self.layer_names = layer_names  # index in params["layers"] -> name of a layer resolved by this task
        self.answer = None  # GetFunction's answer, read first
        self.aliased = None  # the configuration of the version the alias points to, read first

    @property
    def qualifier(self):
        return self.alias["name"] if self.alias else None


def check_application(params):
    """(layer params, function entries, messages): every item checked and filled with its defaults, no request.

    Messages name the function (or layer) and the option.
    """
    errors = []
    app = params["name"]
    if not app or len(app) > APP_NAME_LONGEST:
        errors.append("name: the application's name is 1 to %d characters (it is the value of the tag %s)."
                      % (APP_NAME_LONGEST, APP_TAG))
    if params.get("max_workers") is not None and params["max_workers"] < 1:
        errors.append("max_workers must be 1 or more, not %s." % params["max_workers"])
    common = dict(wait=params["wait"], wait_timeout=params["wait_timeout"])
    layers, layer_names = [], set()
    for index, item in enumerate(params.get("layers") or []):
        label = "layers[%s]" % ((item or {}).get("name") if isinstance(item, dict) and item.get("name") else index)
        found = _not_here(label, item, NOT_IN_ITEMS["layer"])
        values, messages = _spec_errors(label, _without(layer_resource.ARGUMENT_SPEC, NOT_IN_ITEMS["layer"]),
                                        _with_defaults(item, common, layer_resource.ARGUMENT_SPEC),
                                        mutually_exclusive=layer_resource.MUTUALLY_EXCLUSIVE,
                                        required_together=layer_resource.REQUIRED_TOGETHER)
        errors.extend(found + messages)
        if values is None or messages:
            continue
        # With state=absent a layer is named only (every version of it is deleted): its content is not needed.
        values = dict(values, state="absent", version="all") if params.get("state") == "absent" else \
            dict(values, state="present", version=None)
        errors.extend("%s: %s" % (label, m) for m in layer_resource.LayerVersion.validate(values))
        if values["name"] in layer_names:
            errors.append("%s: the layer %s is listed twice." % (label, values["name"]))
        layer_names.add(values["name"])
        layers.append(values)
    functions, seen = [], set()
    defaults = params.get("defaults") or {}
    for key in set(defaults) & set(FUNCTION_PARTS + NOT_IN_ITEMS["function"]):
        errors.append("defaults: %s cannot be a default (give it per function)." % key)
    for index, item in enumerate(params.get("functions") or []):
        entry, messages = check_function(app, index, item, defaults, common, layer_names)
        errors.extend(messages)
        raw = item.get("name") or item.get("function_name") if isinstance(item, dict) else None
        name = names.function_name_of(raw) if isinstance(raw, str) else None
        if name is not None and name in seen:
            errors.append("functions[%s]: the function %s is listed twice." % (name, name))
        seen.add(name)
        if entry is not None:
            functions.append(entry)
    return layers, functions, errors


def local_code_problems(layers, functions):
    """What is wrong with the src directories of the checked items (paths, requirements files, a runtime that is
    not Python), read from the controller before any request; the packages are built when each converges."""
    errors = []
    for params in layers:
        if params.get("src"):
            errors.extend("layers[%s]: %s" % (params["name"], m)
                          for m in source_problems(layer_resource.code_params(params), layer=True))
    for entry in functions:
        if entry.params.get("src"):
            errors.extend("functions[%s]: %s" % (entry.name, m) for m in source_problems(entry.params))
    return errors


def _not_here(label, item, keys):
    return ["%s: %s is set by lambda_app, not per item." % (label, key)
            for key in keys if isinstance(item, dict) and key in item]


def _with_defaults(item, common, spec):
    """``item`` with the application-wide ``wait`` / ``wait_timeout`` where the item has not its own."""
    if not isinstance(item, dict):
        return item
    return dict(dict((k, v) for k, v in common.items() if k in spec), **item)


def check_function(app, index, item, defaults, common, layer_names):
    """(FunctionEntry, messages) of one ``functions`` item."""
    if not isinstance(item, dict):
        return None, ["functions[%d]: must be a dictionary of lambda_function's options, not %r." % (index, item)]
    label = "functions[%s]" % (item.get("name") or item.get("function_name") or index)
    merged = merge_defaults(defaults, item)
    parts = dict((key, merged.pop(key, None)) for key in FUNCTION_PARTS)
    errors = _not_here(label, item, NOT_IN_ITEMS["function"])
    merged.pop("state", None)
    layer_names_used = {}
    if isinstance(merged.get("layers"), list):
        merged["layers"] = list(merged["layers"])
        for position, layer in enumerate(merged["layers"]):
            if isinstance(layer, str) and not names.LAYER_VERSION_ARN.match(layer):
                if not names.LAYER_NAME.match(layer):
                    errors.append("%s: layers: %s is neither a layer version ARN nor the name of a layer." % (label, layer))
                    continue
                layer_names_used[position] = layer
                # A placeholder while checking: the real ARN is the version this task publishes or finds.
                merged["layers"][position] = (layer if layer.startswith("arn:") else
                                              "arn:aws:lambda:us-east-1:000000000000:layer:" + layer) + ":1"
    if parts["alias"] is not None:
        merged.setdefault("publish", True)
    merged = _with_defaults(merged, common, function_resource.ARGUMENT_SPEC)
    values, messages = _spec_errors(label, _without(function_resource.ARGUMENT_SPEC, NOT_IN_ITEMS["function"]),
                                    merged, mutually_exclusive=function_resource.MUTUALLY_EXCLUSIVE,
                                    required_together=function_resource.REQUIRED_TOGETHER,
                                    required_by=function_resource.REQUIRED_BY)
    errors.extend(messages)
    if values is not None and not messages:
        values["state"] = "present"
        errors.extend("%s: %s" % (label, m) for m in function_resource.Function.validate(values))
    else:
        values = dict(name=str(merged.get("name") or merged.get("function_name") or "function%d" % index))
    name = names.function_name_of(values["name"])
    if parts["alias"] is not None and values.get("publish") is False:
        errors.append("%s: publish: false does not go with alias: the alias follows the version this task "
                      "publishes." % label)
    if values.get("tags") is not None and values["tags"].get(APP_TAG, app) != app:
        errors.append("%s: tags: %s is lambda_app's own tag; it is always %s here." % (label, APP_TAG, app))
    for position, layer in layer_names_used.items():
        if isinstance(values.get("layers"), list):
            values["layers"][position] = layer
    alias, messages = check_alias(label, name, parts["alias"])
    errors.extend(messages)
    qualifier = alias["name"] if alias else None
    permissions, messages = check_items(
        label + ": permissions", parts["permissions"], name, qualifier, "permission",
        _without(permission_resource.ITEM_SPEC, NOT_IN_ITEMS["permission"]),
        permission_resource.Permission.validate, dict(required_if=permission_resource.REQUIRED_IF,
                                                      mutually_exclusive=permission_resource.MUTUALLY_EXCLUSIVE[1:]))
    errors.extend(messages)
    event_sources, messages = check_items(
        label + ": event_sources", parts["event_sources"], name, qualifier, "event_source",
        _without(event_source_resource.item_argument_spec(), NOT_IN_ITEMS["event_source"]),
        event_source_resource.EventSourceMapping.validate,
        dict(mutually_exclusive=event_source_resource.MUTUALLY_EXCLUSIVE[1:]), common=common)
    errors.extend(messages)
    invoke_config, messages = check_single(label + ": event_invoke_config", parts["event_invoke_config"], name,
                                           qualifier, invoke_config_resource.EventInvokeConfig,
                                           invoke_config_resource.ARGUMENT_SPEC, common)
    errors.extend(messages)
    provisioned, messages = check_single(label + ": provisioned_concurrency", parts["provisioned_concurrency"],
                                         name, qualifier, provisioned_resource.ProvisionedConcurrency,
                                         provisioned_resource.ARGUMENT_SPEC, common)
    errors.extend(messages)
    url, messages = check_url(label + ": url", parts["url"], name, qualifier)
    errors.extend(messages)
    for index, item in enumerate(permissions):
        if item["statement_id"] in url_resource.PUBLIC_STATEMENT_IDS:
            errors.append("%s: permissions[%d]: statement_id %s is one of the statements of a public function URL, "
                          "which url: manages (give url: with auth_type: NONE instead)." % (
                              label, index, item["statement_id"]))
    if errors:
        return None, errors
    return FunctionEntry(name, values, alias, permissions, event_sources, invoke_config, provisioned,
                         layer_names_used, url), []


def check_alias(label, function, item):
    if item is None:
        return None, []
    values, messages = _spec_errors(label + ": alias", _without(alias_resource.ITEM_SPEC, NOT_IN_ITEMS["alias"]), item)
    if messages:
        return None, messages
    values = dict(values, function_name=function, state="present", function_version=None)
    return values, ["%s: alias: %s" % (label, m) for m in alias_resource.Alias.validate(values)]


def check_items(label, items, function, qualifier, kind, spec, validate, rules, common=None):
    """The items of a list part (permissions, event_sources): each filled and checked."""
    if items is None:
        return [], []
    if not isinstance(items, list):
        return [], ["%s: must be a list, not %r." % (label, items)]
    checked, errors = [], []
    for index, item in enumerate(items):
        item_label = "%s[%d]" % (label, index)
        errors.extend(_not_here(item_label, item, NOT_IN_ITEMS[kind]))
        values, messages = _spec_errors(item_label, spec, _with_defaults(item, common or {}, spec), **rules)
        errors.extend(messages)
        if values is None or messages:
            continue
        values = attach(values, function, qualifier, kind)
        problems = validate(values)
        if kind == "event_source" and not problems and not mapping_named(values):
            problems = ["event_source_arn: required to find or create a mapping without uuid (or "
                        "self_managed_event_source for a Kafka cluster of your own)."]
        errors.extend("%s: %s" % (item_label, m) for m in problems)
        checked.append(values)
    return checked, errors


def mapping_named(values):
    """True when an event_sources item says which mapping it is (its source, or its uuid): the mapping is
    found (or created) by it, so without it the item would fail only after the function's writes."""
    values = event_source_resource.merge_source_params(values)
    return any(values.get(key) for key in ("event_source_arn", "self_managed_event_source", "uuid"))


def check_single(label, item, function, qualifier, resource_class, spec, common):
    """The one item of a dict part (event_invoke_config, provisioned_concurrency), filled and checked."""
    if item is None:
        return None, []
    provisioned = resource_class is provisioned_resource.ProvisionedConcurrency
    if provisioned and isinstance(item, int) and not isinstance(item, bool):
        item = dict(provisioned_concurrent_executions=item)
    spec = _without(spec, ("function_name", "qualifier"))
    values, messages = _spec_errors(label, spec, _with_defaults(item, common, spec))
    if messages:
        return None, messages
    if provisioned and qualifier is None:
        return None, ["%s needs an alias (AWS sets it on an alias or a version, never on $LATEST): give alias too."
                      % label]
    values = dict(values, function_name=function, qualifier=qualifier)
    return values, ["%s: %s" % (label, m) for m in resource_class.validate(values)]


def check_url(label, item, function, qualifier):
    """The ``url`` item (lambda_function_url's options but the function), filled and checked; its qualifier is the
    function's alias unless the item names another (or $LATEST, the function's own URL)."""
    if item is None:
        return None, []
    values, messages = _spec_errors(label, _without(url_resource.ARGUMENT_SPEC, ("function_name",)), item)
    if messages:
        return None, messages
    values = dict(values, function_name=function)
    if values.get("qualifier") is None:
        values["qualifier"] = qualifier
    return values, ["%s: %s" % (label, m) for m in url_resource.FunctionUrl.validate(values)]


def attach(values, function, qualifier, kind):
    """An item's options with the function (and its alias) it hangs on."""
    values = dict(values, function_name=function)
    if kind == "permission":
        values.update(qualifier=qualifier, alias=None, version=None)
    elif kind == "event_source":
        values.update(alias=qualifier, version=None)
    return values


# The order of a function's resources in the plan (the order they are converged in).
KIND_ORDER = ("layer", "function", "version", "alias", "permission", "event_source", "event_invoke_config",
              "provisioned_concurrency", "function_url")


def masked_arguments(params):
    """The task's arguments with the environment values of every function (and of ``defaults``) masked, as
    lambda_function's mask_environment_values masks its own."""
    def masked(item):
        if not isinstance(item, dict) or not isinstance(item.get("environment_variables"), dict):
            return item
        return dict(item, environment_variables=dict.fromkeys(item["environment_variables"], ENVIRONMENT_VALUE_MASK))
    return dict(params, defaults=masked(params.get("defaults")),
                functions=[masked(item) for item in params.get("functions") or []])


def url_label(function, params):
    """How the plan names a function URL: by its alias, or by the function for the function's own URL."""
    return url_resource.qualifier_of(params.get("qualifier")) or function


def plan_entry(kind, name, action, function=None, diff=None):
    """One resource of the plan; ``diff`` (before/after) is kept for a resource that changes."""
    entry = dict(kind=kind, name=name, action=action or "none")
    if function is not None:
        entry["function"] = function
    if diff is not None and action:
        entry["diff"] = diff
    return entry


def resource_label(entry):
    """How the task's diff names a resource: ``alias orders-api:live``, ``function orders-api``."""
    if entry.get("function") and entry["kind"] != "version":
        return "%s %s:%s" % (entry["kind"], entry["function"], entry["name"])
    return "%s %s" % (entry["kind"], entry["name"])


class Application:
    """Converges one application; ``converge()`` is lambda_app's whole run."""

    def __init__(self, task, client):
        self.task = task
        self.client = client
        self.params = task.params
        self.name = self.params["name"]
        self.plan = []  # every resource, in the order it was converged: kind, name, action (, function, diff)
        self.failures = []  # (resource, message)
        self.layers = {}  # name -> result
        self.functions = {}  # name -> result
        # function -> (version this run publishes, function ARN): the version its alias is planned against
        self.planned_versions = task.planned_versions
        self._mappings = None  # every event source mapping of the account, once read (see mappings_of)
        self._mappings_lock = threading.Lock()

    @classmethod
    def validate(cls, params):
        return check_application(params)[2]

    @classmethod
    def run(cls, task, client):
        return cls(task, client).converge()

    # ----------------------------------------------------------------- helpers
    def _parallel(self, work, items):
        """``work(item)`` for every item, at most max_workers at a time; the answers in order."""
        items = list(items)
        if len(items) <= 1 or self.params["max_workers"] == 1:
            return [work(item) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.params["max_workers"], len(items))) as pool:
            return list(pool.map(work, items))

    def _converge(self, resource_class, params, function=None, label=None):
        """Converge one resource with a client of its own; (its result, its action), or (None, None) when it
        failed (recorded in ``failures``)."""
        task = self.task.with_params(params)
        resource = resource_class(task, self.client.fork(task))
        if resource_class is event_source_resource.EventSourceMapping and not params.get("uuid"):
            resource.listing = self.all_mappings()  # one listing of the account's mappings for every function
        label = label or params.get("name") or params.get("statement_id")
        try:
            result = resource.converge()
        except LambdaError as error:
            # Named as the diff names it (``event_source FUNCTION:QUEUE_ARN``): a queue ARN or a statement id
            # alone does not say which function's resource failed.
            self.failures.append((resource_label(dict(kind=resource_class.kind, name=label, function=function)),
                                  error.msg))
            return None, None
        # A resource that records no outcome (a layer's versions deleted) is planned by its state.
        action = resource.outcome.action if resource.outcome is not None else (
            ("delete" if params.get("state") == "absent" else "update") if result.get("changed") else None)
        self.plan.append(plan_entry(resource_class.kind, label, action, function,
                                    result.get("diff") if self.task.diff else None))
        return result, action

    # ----------------------------------------------------------------- the run
    def converge(self):
        layers, functions, errors = check_application(self.params)
        if errors:
            raise InvalidInput(" ".join(errors), errors=errors)
        if self.params["state"] == "absent":
            return self.converge_absent(layers)
        errors = local_code_problems(layers, functions)
        if errors:
            raise InvalidInput(" ".join(errors), errors=errors)
        self.read_functions(functions, layers)
        for layer, result in zip(layers, self._parallel(self.converge_layer, layers)):
            if result is not None:
                self.layers[layer["name"]] = result
        self._parallel(self.converge_function, functions)
        if self.params["prune"]:
            listed = set(entry.name for entry in functions)
            self._parallel(self.delete_function, self.owned_functions(known=listed))
        return self.outcome()

    def read_functions(self, functions, layers=()):
        """GetFunction for every listed function (in parallel), before any write: a function another
        application owns, or a layer named that nobody has, fails the task here."""
        def read(entry):
            client = self.client.fork(self.task)
            entry.answer = client.call("GetFunction", missing_ok=True, FunctionName=entry.name)
            if entry.answer is not None and entry.alias is not None:
                # The version the alias points to (its configuration): the version publish reuses when it matches.
                aliased = client.call("GetFunction", missing_ok=True, FunctionName=entry.name, Qualifier=entry.qualifier)
                entry.aliased = (aliased or {}).get("Configuration")
            return entry
        errors = []
        for entry in self._parallel(read, functions):
            owner = ((entry.answer or {}).get("Tags") or {}).get(APP_TAG)
            if owner not in (None, self.name):
                errors.append("functions[%s]: the function belongs to the application %s (tag %s); a function "
                              "belongs to one application. Rename it, or remove it from %s first."
                              % (entry.name, owner, APP_TAG, owner))
        listed = set(layer["name"] for layer in layers)  # as checked: an item may say layer_name instead
        for entry in functions:
            for position, layer in entry.layer_names.items():
                if layer in listed:
                    continue
                versions = layer_resource.list_versions(self.client, layer)
                if not versions:
                    errors.append("functions[%s]: layers: %s is neither a layer of this application's layers nor "
                                  "an existing layer." % (entry.name, layer))
                else:
                    entry.params["layers"][position] = versions[0]["LayerVersionArn"]
        if errors:
            raise InvalidInput(" ".join(errors), errors=errors)

    def converge_layer(self, params):
        result = self._converge(layer_resource.LayerVersion, params)[0]
        if result is not None:
            result = dict(layer_version_arn=result.get("layer_version_arn"), version=result.get("version"),
                          changed=result.get("changed", False))
        return result

    def converge_function(self, entry):
        """The function, then its alias (following the version published), then what hangs on the alias."""
        params = self.function_params(entry)
        if params is None:
            return
        task = self.task.with_params(params)
        function = function_resource.Function(task, self.client.fork(task), answer=entry.answer)
        function.prefetched = True
        function.candidate_version = entry.aliased
        try:
            result = function.converge()
        except LambdaError as error:
            self.failures.append(("function %s" % entry.name, error.msg))
            return
        self.plan.append(plan_entry("function", entry.name, function.outcome.action, diff=(
            result.get("diff") if self.task.diff else None)))
        configuration = result.get("configuration") or {}
        version = result.get("version")
        summary = dict(arn=configuration.get("function_arn"), version=version,
                       changed=result.get("changed", False), changes=[])
        if result.get("changed"):
            summary["changes"].append("function")
        self.functions[entry.name] = summary
        if version is not None and function.publishing:
            self.plan.append(plan_entry("version", "%s:%s" % (entry.name, version), "create", entry.name))
            summary["changes"].append("version")
        new_function = function.outcome.action == "create"
        if entry.alias is not None and self.alias_stays(entry, version):
            # The alias already points to the version (read first) and nothing else of it is managed: no request.
            self.plan.append(plan_entry("alias", entry.qualifier, None, entry.name, dict(before={}, after={})))
            summary["alias"] = dict(name=entry.qualifier, function_version=version, arn="%s:%s" % (
                names.unqualified_function_arn(entry.aliased["FunctionArn"]), entry.qualifier))
        elif entry.alias is not None:
            arn = configuration.get("function_arn")
            self.planned_versions[entry.name] = (version, arn)
            alias, action = self._converge(alias_resource.Alias, dict(entry.alias, function_version=version),
                                           entry.name, entry.alias["name"])
            if alias is None:
                return  # what hangs on the alias waits for it
            summary["alias"] = dict(name=alias.get("name"), arn=alias.get("alias_arn"),
                                    function_version=alias.get("function_version"))
            if alias.get("changed"):
                summary["changes"].append("alias")
            new_function = new_function or action == "create"
        self.converge_attachments(entry, summary, predicted_only=self.task.check_mode and new_function)
        if self.params["prune"] and not new_function:
            self.prune_parts(entry, summary)

    @staticmethod
    def alias_stays(entry, version):
        """True when the alias needs no request: it points to ``version`` already (as read first) and its
        description and traffic split are not managed by the entry."""
        alias = entry.alias
        return (entry.aliased is not None and version is not None and entry.aliased.get("Version") == version
                and alias.get("description") is None and alias.get("routing_config") is None)

    def function_params(self, entry):
        """The function's options with the layers this task published (or found) and the application's tag."""
        params = dict(entry.params)
        if params.get("layers"):
            params["layers"] = list(params["layers"])
            for position, layer in entry.layer_names.items():
                if not names.LAYER_VERSION_ARN.match(params["layers"][position]):
                    found = self.layers.get(layer)
                    if found is None or not found.get("layer_version_arn"):
                        self.failures.append(("function %s" % entry.name, "not converged: its layer %s failed or "
                                              "has no version ARN." % layer))
                        return None
                    params["layers"][position] = found["layer_version_arn"]
        if params.get("tags") is None:
            params.update(tags={APP_TAG: self.name}, purge_tags=False)
        else:
            params["tags"] = dict(params["tags"], **{APP_TAG: self.name})
        return params

    def converge_attachments(self, entry, summary, predicted_only):
        """Permissions, event sources, the invoke config and provisioned concurrency of a function (on its alias).

        ``predicted_only``: in check mode, for a function or alias that does not exist yet: each is planned
        as a create without asking AWS about a resource it cannot know.
        """
        parts = [(permission_resource.Permission, item, item["statement_id"]) for item in entry.permissions]
        parts += [(event_source_resource.EventSourceMapping, item,
                   item.get("event_source_arn") or item.get("uuid") or "mapping") for item in entry.event_sources]
        if entry.invoke_config is not None:
            parts.append((invoke_config_resource.EventInvokeConfig, entry.invoke_config, entry.qualifier or entry.name))
        if entry.provisioned is not None:
            parts.append((provisioned_resource.ProvisionedConcurrency, entry.provisioned, entry.qualifier))
        if entry.url is not None:
            parts.append((url_resource.FunctionUrl, entry.url, url_label(entry.name, entry.url)))
        for resource_class, params, label in parts:
            if predicted_only:
                self.plan.append(plan_entry(resource_class.kind, label, "create", entry.name))
                summary["changes"].append(resource_class.kind)
                summary["changed"] = True
                continue
            result = self._converge(resource_class, params, entry.name, label)[0]
            if result is not None and result.get("changed"):
                summary["changes"].append(resource_class.kind)
                summary["changed"] = True

    def prune_parts(self, entry, summary):
        """With prune: the aliases, permissions (on the function or its alias), event source mappings and function URL
        (of its alias, or of the function) of a listed function that its entry no longer lists. The statements of a
        public URL (url_resource.PUBLIC_STATEMENT_IDS) are the URL's: removed with it, never as permissions."""
        client = self.client.fork(self.task)
        doomed = []
        for alias in client.paginate("ListAliases", "Aliases", FunctionName=entry.name):
            if alias["Name"] != entry.qualifier:
                doomed.append((alias_resource.Alias, dict(spec_defaults(alias_resource.ARGUMENT_SPEC),
                                                          function_name=entry.name, name=alias["Name"],
                                                          state="absent"), alias["Name"]))
        listed = set(item["statement_id"] for item in entry.permissions)
        query = dict(FunctionName=entry.name, **({"Qualifier": entry.qualifier} if entry.qualifier else {}))
        document = parse_policy(client.call("GetPolicy", missing_ok=True, **query))[0]
        public = set(url_resource.PUBLIC_STATEMENT_IDS)
        for statement in statements(document):
            if statement.get("Sid") and statement["Sid"] not in listed | public:
                doomed.append((permission_resource.Permission, dict(
                    spec_defaults(permission_resource.ARGUMENT_SPEC), function_name=entry.name,
                    qualifier=entry.qualifier, statement_id=statement["Sid"], state="absent"), statement["Sid"]))
        if entry.url is None and (client.call("GetFunctionUrlConfig", missing_ok=True, **query) is not None
                                  or any(statement.get("Sid") in public for statement in statements(document))):
            params = dict(spec_defaults(url_resource.ARGUMENT_SPEC), function_name=entry.name,
                          qualifier=entry.qualifier, state="absent")
            doomed.append((url_resource.FunctionUrl, params, url_label(entry.name, params)))
        sources = set(item.get("event_source_arn") or item.get("uuid") for item in entry.event_sources)
        for mapping in self.mappings_of(entry.name):
            if mapping.get("EventSourceArn") not in sources and mapping["UUID"] not in sources:
                doomed.append((event_source_resource.EventSourceMapping, dict(
                    self._mapping_params(), uuid=mapping["UUID"], state="absent"),
                    mapping.get("EventSourceArn") or mapping["UUID"]))
        for resource_class, params, label in doomed:
            result = self._converge(resource_class, params, entry.name, label)[0]
            if result is not None and result.get("changed"):
                summary["changes"].append("pruned " + resource_class.kind)
                summary["changed"] = True

    # ----------------------------------------------------------------- ownership, pruning, absent
    def owned_functions(self, known=()):
        """The names of the functions that carry this application's tag (ListFunctions, then their tags), but
        ``known`` (functions whose tags this task read already)."""
        listed = [f for f in self.client.paginate("ListFunctions", "Functions") if f["FunctionName"] not in known]

        def owner(function):
            tags = self.client.fork(self.task).call("ListTags", missing_ok=True, Resource=function["FunctionArn"])
            return function["FunctionName"] if ((tags or {}).get("Tags") or {}).get(APP_TAG) == self.name else None
        return sorted(name for name in self._parallel(owner, listed) if name)

    def mappings_of(self, name):
        """The event source mappings of function ``name`` and of its versions and aliases (one listing of the
        account's mappings, read once per task: AWS filters by the exact function ARN, qualifier included)."""
        return function_resource.mappings_of(self.all_mappings(), name)

    def all_mappings(self):
        """Every event source mapping of the account and region: one paginated listing per task."""
        with self._mappings_lock:
            if self._mappings is None:
                self._mappings = self.client.paginate("ListEventSourceMappings", "EventSourceMappings")
        return self._mappings

    def delete_function(self, name):
        """Delete a function of this application with its event source mappings (AWS would keep them)."""
        for mapping in self.mappings_of(name):
            self._converge(event_source_resource.EventSourceMapping,
                           dict(self._mapping_params(), uuid=mapping["UUID"], state="absent"), name,
                           mapping.get("EventSourceArn") or mapping["UUID"])
        if self.task.check_mode:
            self.plan.append(plan_entry("function", name, "delete", diff=dict(before=dict(name=name), after={})
                                        if self.task.diff else None))
        else:
            self._converge(function_resource.Function, self._function_absent_params(name))
        self.functions.setdefault(name, dict(arn=None, version=None, changed=True, changes=["deleted"]))

    def _mapping_params(self):
        return dict(spec_defaults(event_source_resource.ARGUMENT_SPEC), function_name=None,
                    wait=self.params["wait"], wait_timeout=self.params["wait_timeout"])

    def _function_absent_params(self, name):
        return dict(spec_defaults(function_resource.ARGUMENT_SPEC), name=name, state="absent",
                    wait=self.params["wait"], wait_timeout=self.params["wait_timeout"])

    def converge_absent(self, layers):
        self._parallel(self.delete_function, self.owned_functions())
        for layer in layers:
            self._converge(layer_resource.LayerVersion, dict(layer, state="absent", version="all"))
        return self.outcome()

    # ----------------------------------------------------------------- result
    def outcome(self):
        counts = dict(created=0, updated=0, deleted=0, unchanged=0)
        for entry in self.plan:
            counts[dict(create="created", update="updated", delete="deleted").get(entry["action"], "unchanged")] += 1
        changed = counts["created"] + counts["updated"] + counts["deleted"] > 0 or bool(self.client.applied)
        plan = sorted(self.plan, key=lambda e: (e["kind"] != "layer", e.get("function") or e["name"],
                                                KIND_ORDER.index(e["kind"]), e["name"]))
        result = dict(changed=changed, functions=self.functions, layers=self.layers, plan=plan, **counts)
        if self.task.diff:
            changes = [entry for entry in plan if entry["action"] != "none" and "diff" in entry]
            result["diff"] = dict(
                before=dict((resource_label(entry), entry["diff"].get("before", {})) for entry in changes),
                after=dict((resource_label(entry), entry["diff"].get("after", {})) for entry in changes))
        if any(isinstance(item, dict) and item.get("mask_environment_values")
               for item in [self.params.get("defaults") or {}] + list(self.params.get("functions") or [])):
            result["invocation"] = dict(module_args=masked_arguments(self.params))
        if self.failures:
            raise LambdaError("%d of the application's resources failed: %s" % (
                len(self.failures), "; ".join("%s: %s" % failure for failure in self.failures)),
                failures=[dict(resource=r, msg=m) for r, m in self.failures], **result)
        return result
