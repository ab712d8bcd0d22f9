#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_alias
short_description: Create, update and delete aliases of AWS Lambda functions
version_added: 0.1.0
description:
  - Converges one alias of a Lambda function, that is the version it points to, its description and
    an optional weighted split of its traffic with a second version.
  - Options that are not given are not managed. A task that names only O(description) leaves the
    alias's version and traffic split as they are.
  - A run that changes nothing costs one API call (C(GetAlias)).
  - Before the alias is created or pointed at another version, the module reads that version
    (C(GetFunctionConfiguration)), so a version that does not exist fails the task before anything changes.
  - Updates send only the fields that differ, together with the alias's C(RevisionId) as read at the start
    of the task, so an alias changed by someone else in the meantime is reported rather than overwritten.
  - Every option name of C(amazon.aws.lambda_alias) is accepted with the same meaning, so a playbook moves
    over by changing the module name. One difference is deliberate - an omitted O(function_version) leaves an
    existing alias on its version, where C(amazon.aws.lambda_alias) moves it back to V($LATEST).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function, without a version or alias qualifier.
    type: str
    required: true
  name:
    description:
      - Name of the alias. Letters, digits, C(-) and C(_); not only digits.
    type: str
    required: true
    aliases: [alias_name]
  state:
    description:
      - V(present) creates or updates the alias, V(absent) deletes it.
      - Deleting an alias never touches the function or its versions.
    type: str
    choices: [present, absent]
    default: present
  function_version:
    description:
      - The version the alias points to, as a number (V(3) or V("3")) or V($LATEST).
      - V(0) means V($LATEST), as C(amazon.aws.lambda_alias) takes it.
      - When omitted, a new alias points to V($LATEST) and an existing alias keeps its version.
    type: raw
    aliases: [version]
  description:
    description:
      - Description of the alias, up to 256 characters. V("") clears it.
    type: str
  routing_config:
    description:
      - Send part of the alias's traffic to a second version (a weighted alias).
      - Not managed when omitted.
    type: dict
    suboptions:
      additional_version_weights:
        description:
          - >-
            A dictionary of one published version to the share of invocations it receives, from
            V(0) to V(1), for example V({"4": 0.1}). The alias's own version receives the rest.
          - The second version must differ from O(function_version), and a split needs the alias to point
            to a published version, not V($LATEST).
          - V({}) removes the split.
        type: dict
        required: true
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetAlias), and C(GetFunctionConfiguration) for a version the alias
    does not point to yet).
seealso:
  - module: cloudfn.aws_lambda.lambda_function
    description: Publishes the versions an alias points to (O(cloudfn.aws_lambda.lambda_function#module:publish=true)).
"""

EXAMPLES = r"""
- name: Publish the function's current code and configuration as a version
  cloudfn.aws_lambda.lambda_function:
    name: hello
    publish: true
  register: hello

- name: Point the live alias at that version
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: "{{ hello.version }}"
    description: Production traffic

- name: Canary - send 10% of live's traffic to version 5, the rest stays on version 4
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: 4
    routing_config:
      additional_version_weights:
        "5": 0.1

- name: Promote version 5 and end the split
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: 5
    routing_config:
      additional_version_weights: {}

- name: A dev alias following $LATEST (0 means $LATEST, as in amazon.aws.lambda_alias)
  cloudfn.aws_lambda.lambda_alias:
    function_name: arn:aws:lambda:us-east-1:123456789012:function:hello
    alias_name: dev
    version: 0

- name: Delete an alias
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: old
    state: absent
"""

RETURN = r"""
alias_arn:
  description:
    - ARN of the alias.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:hello:live
name:
  description: Name of the alias.
  returned: when state=present
  type: str
  sample: live
function_version:
  description: The version the alias points to (in check mode, the version it would point to).
  returned: when state=present
  type: str
  sample: "4"
description:
  description: Description of the alias.
  returned: when state=present
  type: str
  sample: Production traffic
routing_config:
  description: The traffic split of the alias.
  returned: when state=present
  type: dict
  contains:
    additional_version_weights:
      description: The second version and its share of the traffic; V({}) when there is no split.
      type: dict
      returned: always
      sample: {"5": 0.1}
revision_id:
  description:
    - Identifier of the alias's current revision; it changes with every update.
    - Null in check mode when the alias would be created or changed.
  returned: when state=present
  type: str
  sample: 4b2e2a8c-4b1c-4d5e-9f3a-1b2c3d4e5f60
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {function_version: "4"}
    after: {function_version: "5"}
"""

import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, error_code, run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import function_name_problem
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    USER_KEYED,
    changed_fields,
    ensure,
    snake_dict,
    without_none,
)

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", required=True),
    name=dict(type="str", required=True, aliases=["alias_name"]),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    function_version=dict(type="raw", aliases=["version"]),
    description=dict(type="str"),
    routing_config=dict(type="dict", options=dict(
        additional_version_weights=dict(type="dict", required=True),
    )),
)

LATEST = "$LATEST"
ALIAS_NAME = re.compile(r"^(?!\d+$)[a-zA-Z0-9_-]{1,128}$")
DESCRIPTION_MAX = 256
# The traffic split is compared (and sent) whole: an empty map must differ from a split.
ALIAS_EXACT = USER_KEYED | frozenset(("RoutingConfig", "AdditionalVersionWeights"))


def version_of(value):
    """The API form of a ``function_version`` value: "3" for 3 or "3", "$LATEST" for 0 or "$LATEST".

    Raises ValueError saying what is wrong.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("function_version: %r is not a version; give a version number, 0 or $LATEST." % (value,))
    text = str(value).strip()
    if text == LATEST:
        return LATEST
    if not text.isdigit():
        raise ValueError("function_version: %s is not a version; give a published version number (1, 2, ...), "
                         "0 or $LATEST." % text)
    return str(int(text)) if int(text) > 0 else LATEST


def weights_of(value):
    """The API form of ``routing_config.additional_version_weights``: {"version": float}.

    Raises ValueError saying what is wrong.
    """
    weights = {}
    for version, weight in value.items():
        text = str(version).strip()
        if isinstance(version, bool) or not text.isdigit() or int(text) < 1:
            raise ValueError("routing_config: %s is not a published version number; the additional version of a "
                             "split is a number such as \"2\" ($LATEST cannot take part in a split)." % text)
        try:
            if isinstance(weight, bool):
                raise ValueError()
            share = float(weight)
        except (TypeError, ValueError):
            share = None
        if share is None or not 0 <= share <= 1:
            raise ValueError("routing_config: the weight of version %s must be a number from 0 to 1 (0.2 sends 20%% "
                             "of the traffic to it), not %s." % (text, weight))
        weights[str(int(text))] = share
    if len(weights) > 1:
        raise ValueError("routing_config: an alias splits its traffic with one additional version only, not %d (%s)."
                         % (len(weights), ", ".join(sorted(weights))))
    return weights


def split_conflict(version, weights):
    """Why ``version`` cannot be combined with the split ``weights`` (None when it can)."""
    if not weights or version is None:
        return None
    if version == LATEST:
        return ("routing_config: a traffic split needs the alias to point to a published version, not $LATEST; "
                "give function_version as a version number, or additional_version_weights: {}.")
    if version in weights:
        return ("routing_config: version %s is already the alias's function_version; the additional version "
                "of a split must be another one." % version)
    return None


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    problem = function_name_problem(params["function_name"])
    if problem:
        errors.append(problem)
    if not ALIAS_NAME.match(params["name"]):
        errors.append("name: %s is not an alias name (1 to 128 letters, digits, - and _, and not only digits, "
                      "which would read as a version)." % params["name"])
    description = params.get("description")
    if description is not None and len(description) > DESCRIPTION_MAX:
        errors.append("description: %d characters, more than the %d AWS allows." % (len(description), DESCRIPTION_MAX))
    version = weights = None
    try:
        if params.get("function_version") is not None:
            version = version_of(params["function_version"])
    except ValueError as e:
        errors.append(str(e))
    try:
        if params.get("routing_config") is not None:
            weights = weights_of(params["routing_config"]["additional_version_weights"])
    except ValueError as e:
        errors.append(str(e))
    conflict = split_conflict(version, weights)
    if conflict:
        errors.append(conflict)
    return errors


def desired_alias(params):
    """The alias the options ask for, in GetAlias's terms; None = not managed. Expects valid options."""
    version = params.get("function_version")
    routing = params.get("routing_config")
    return dict(
        FunctionVersion=None if version is None else version_of(version),
        Description=params.get("description"),
        RoutingConfig=None if routing is None else dict(
            AdditionalVersionWeights=weights_of(routing["additional_version_weights"])),
    )


def current_alias(answer):
    """A GetAlias (or CreateAlias / UpdateAlias) answer in the desired shape; None when there is none.

    An alias without a split reads as ``RoutingConfig: {AdditionalVersionWeights: {}}`` and without
    a description as ``Description: ""``, whichever way the endpoint leaves them out.
    """
    if answer is None:
        return None
    alias = dict(answer)
    alias.pop("ResponseMetadata", None)
    weights = (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}
    alias["RoutingConfig"] = dict(AdditionalVersionWeights=dict((k, float(v)) for k, v in weights.items()))
    alias["Description"] = alias.get("Description") or ""
    return alias


def alias_view(alias):
    """The alias as the task returns it."""
    return dict(
        alias_arn=alias.get("AliasArn"),
        name=alias.get("Name"),
        function_version=alias.get("FunctionVersion"),
        description=alias.get("Description"),
        routing_config=snake_dict(alias.get("RoutingConfig")),
        revision_id=alias.get("RevisionId"),
    )


class AliasClient(LambdaClient):
    """The collection's client, with a plain explanation for a stale RevisionId."""

    def fail_aws(self, operation, error, prefix=""):
        if error_code(error) == "PreconditionFailedException":
            prefix = ("The alias %s of %s was changed by someone else after this task read it, so this change was "
                      "not applied (nothing was overwritten); run the task again to converge from its new state. "
                      % (self.module.params["name"], self.module.params["function_name"]))
        super().fail_aws(operation, error, prefix)


class AliasWriter:
    """Sends the requests that create, update and delete one alias."""

    def __init__(self, client, function_name, name, current):
        self.client = client
        self.key = dict(FunctionName=function_name, Name=name)
        self.current = current

    def create(self, wanted):
        return current_alias(self.client.call("CreateAlias", already_done=lambda error: self._created(wanted),
                                              **dict(self.key, **wanted)))

    def _created(self, wanted):
        """The alias AWS says already exists, when it is the one asked for (a create whose answer was lost,
        or another run's identical create); else None."""
        answer = self.client.call("GetAlias", missing_ok=True, **self.key)
        if answer is None or changed_fields(wanted, current_alias(answer), ALIAS_EXACT):
            return None
        return answer

    def update(self, changes):
        params = dict(self.key, **changes)
        if self.current.get("RevisionId"):
            params["RevisionId"] = self.current["RevisionId"]
        return current_alias(self.client.call("UpdateAlias", **params))

    def delete(self):
        return self.client.call("DeleteAlias", **self.key)


def planned_changes(desired, current):
    """The fields a run will send: all managed ones for a new alias, else the ones that differ."""
    if current is None:
        return without_none(desired)
    return changed_fields(desired, current, ALIAS_EXACT)


def versions_to_check(changes, current):
    """The versions a change points the alias at that it does not point at already (so may not exist)."""
    known = set()
    if current is not None:
        known.add(current.get("FunctionVersion"))
        known.update(current["RoutingConfig"]["AdditionalVersionWeights"])
    wanted = []
    if "FunctionVersion" in changes:
        wanted.append(changes["FunctionVersion"])
    if "RoutingConfig" in changes:
        wanted.extend(sorted(changes["RoutingConfig"]["AdditionalVersionWeights"]))
    return [version for version in wanted if version not in known]


def check_plan(module, client, desired, current):
    """Checks that need the alias as it is: the split against the version, and that new versions exist.

    Fails the task before any change. Returns the ARN of the function when a version was read (else None).
    """
    changes = planned_changes(desired, current)
    if not changes:
        return None
    after = dict(current or {}, **changes)
    conflict = split_conflict(after.get("FunctionVersion"),
                              (after.get("RoutingConfig") or {}).get("AdditionalVersionWeights"))
    if conflict:
        module.fail_json(msg=conflict + " (The alias points to version %s.)" % after.get("FunctionVersion"))
    function_arn = None
    for version in versions_to_check(changes, current):
        answer = client.call("GetFunctionConfiguration", missing_ok=True,
                             FunctionName=module.params["function_name"], Qualifier=version)
        if answer is None:
            option = "function_version" if version == changes.get("FunctionVersion") else "routing_config"
            module.fail_json(msg="%s: the function %s has no version %s (or does not exist). Publish it first "
                                 "(cloudfn.aws_lambda.lambda_function with publish: true), or name a version it has."
                                 % (option, module.params["function_name"], version))
        function_arn = function_arn or ":".join(answer["FunctionArn"].split(":")[:7])
    return function_arn


def alias_result(module, outcome, current, function_arn):
    """The alias after the run: as AWS answered the change, as read when nothing changed, else predicted."""
    if outcome.result is not None:
        return alias_view(outcome.result)
    if outcome.action is None:
        return alias_view(current)
    predicted = dict(current or dict(
        Name=module.params["name"], Description="", RoutingConfig=dict(AdditionalVersionWeights={}),
        AliasArn="%s:%s" % (function_arn, module.params["name"]) if function_arn else None))
    predicted.update(outcome.changes)
    predicted["RevisionId"] = None
    return alias_view(predicted)


def run(module, client):
    """Converge the alias; the task's result."""
    params = module.params
    desired = desired_alias(params)
    current = current_alias(client.call("GetAlias", missing_ok=True, FunctionName=params["function_name"],
                                        Name=params["name"]))
    function_arn = None
    if params["state"] == "present":
        if current is None and desired["FunctionVersion"] is None:
            desired["FunctionVersion"] = LATEST
        function_arn = check_plan(module, client, desired, current)
    writer = AliasWriter(client, params["function_name"], params["name"], current)
    outcome = ensure(module, current, desired, create=writer.create, update=writer.update, delete=writer.delete,
                     state=params["state"], exact=ALIAS_EXACT)
    result = dict(changed=outcome.changed)
    if params["state"] == "present":
        result.update(alias_result(module, outcome, current, function_arn))
    if module._diff:
        result["diff"] = outcome.diff
    return result


def main():
    run_module(ARGUMENT_SPEC, run, client_class=AliasClient, validate=validate)


if __name__ == "__main__":
    main()
