#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_provisioned_concurrency
short_description: Set, change and remove the provisioned concurrency of AWS Lambda aliases and versions
version_added: 0.1.0
description:
  - Converges the provisioned concurrency configuration of one alias or one published version of a function,
    that is the number of execution environments AWS keeps initialised for it.
  - AWS takes provisioned concurrency on an alias or a published version only, never on V($LATEST). The module
    refuses V($LATEST), and a function name without a qualifier, before any request; an alias that points to
    V($LATEST) is refused before anything changes.
  - A run that changes nothing costs one API call (C(GetProvisionedConcurrencyConfig)). The configuration is
    sent (C(PutProvisionedConcurrencyConfig)) only when its number differs from O(provisioned_concurrent_executions).
  - Before a configuration is created, the alias or version is read (C(GetFunctionConfiguration)), so one that does
    not exist fails the task with a message naming it and nothing is changed.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function, for example V(hello), V(123456789012:function:hello) or
        V(arn:aws:lambda:us-east-1:123456789012:function:hello).
      - It may end with the qualifier (V(hello:live), V(arn:aws:lambda:us-east-1:123456789012:function:hello:3));
        O(qualifier) can then be left out, or must name the same alias or version.
    type: str
    required: true
  qualifier:
    description:
      - The alias name (V(live)) or published version number (V(3) or V("3")) whose provisioned concurrency is
        managed.
      - Required unless O(function_name) ends with the qualifier.
      - V($LATEST) is refused, because AWS does not take provisioned concurrency on it.
    type: raw
  provisioned_concurrent_executions:
    description:
      - How many execution environments AWS keeps initialised for the alias or version, 1 or more.
      - Required with O(state=present); not used with O(state=absent).
      - They count against the account's concurrency and, when the function has reserved concurrency, against that;
        AWS refuses a number above what is left.
    type: int
  state:
    description:
      - V(present) creates or changes the configuration, V(absent) deletes it.
      - Deleting the configuration never touches the function, its versions or its aliases.
    type: str
    choices: [present, absent]
    default: present
  wait:
    description:
      - With O(state=present), after creating or changing the configuration, and when the configuration found is
        still being allocated, read it every 5 seconds until its C(Status) is C(READY).
      - A configuration whose C(Status) is or becomes C(FAILED) fails the task with the C(StatusReason) AWS gives.
      - With V(false) the task returns as soon as AWS accepted the request, usually with RV(status=IN_PROGRESS), and
        a C(FAILED) configuration only gives a warning.
      - botocore has no waiter for provisioned concurrency; this is the module's own.
      - Check mode never waits.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long, in seconds, to wait at most for C(READY), 1 or more.
      - Allocating many execution environments can take several minutes. When the time passes first, the task fails;
        AWS goes on allocating, and a later run waits again.
    type: int
    default: 600
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetProvisionedConcurrencyConfig), and C(GetFunctionConfiguration) when
    the configuration would be created).
  - A C(ProvisionedConcurrencyConfigNotFoundException) or C(ResourceNotFoundException) answer means there is no
    configuration; with O(state=absent) the task then changes nothing.
seealso:
  - module: cloudfn.aws_lambda.lambda_alias
    description: The aliases that provisioned concurrency is usually set on.
  - module: cloudfn.aws_lambda.lambda_function
    description: Publishes versions (O(cloudfn.aws_lambda.lambda_function#module:publish=true)) and sets the
      function's reserved concurrency.
"""

EXAMPLES = r"""
- name: Keep 10 execution environments ready for the live alias
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: hello
    qualifier: live
    provisioned_concurrent_executions: 10

- name: Provisioned concurrency on version 3, given in the ARN, without waiting for it to be ready
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: arn:aws:lambda:us-east-1:123456789012:function:hello:3
    provisioned_concurrent_executions: 5
    wait: false
  register: hello_v3

- name: Larger allocations can take longer than the default 600 seconds
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: hello
    qualifier: live
    provisioned_concurrent_executions: 200
    wait_timeout: 1200

- name: Remove the provisioned concurrency of the live alias
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: hello
    qualifier: live
    state: absent
"""

RETURN = r"""
function_name:
  description: The function, as given in O(function_name) without its qualifier.
  returned: when state=present
  type: str
  sample: hello
qualifier:
  description: The alias name or version number the configuration belongs to.
  returned: when state=present
  type: str
  sample: live
requested_provisioned_concurrent_executions:
  description: The number of execution environments asked for.
  returned: when state=present
  type: int
  sample: 10
available_provisioned_concurrent_executions:
  description:
    - The number of execution environments available to the alias or version.
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: int
  sample: 10
allocated_provisioned_concurrent_executions:
  description:
    - The number of execution environments allocated so far. While C(status) is C(IN_PROGRESS) it can be lower than
      the requested number.
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: int
  sample: 10
status:
  description:
    - C(READY), C(IN_PROGRESS) (only with O(wait=false)) or C(FAILED) (only with O(wait=false)).
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: str
  sample: READY
status_reason:
  description: Why the allocation failed, as AWS says; null when AWS gives no reason.
  returned: when state=present
  type: str
  sample: null
last_modified:
  description:
    - When the configuration was last changed (ISO 8601).
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: str
  sample: "2024-05-02T10:15:30+0000"
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {requested_provisioned_concurrent_executions: 5}
    after: {requested_provisioned_concurrent_executions: 10}
"""

import re
import time

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    ensure,
    snake_dict,
)

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", required=True),
    qualifier=dict(type="raw"),
    provisioned_concurrent_executions=dict(type="int"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
)

LATEST = "$LATEST"
# A function name, a partial ARN (ACCOUNT:function:NAME) or a full ARN, each optionally ending with :QUALIFIER.
FUNCTION_NAME = re.compile(r"^(?P<function>((arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:)?\d{12}:function:)?"
                           r"[a-zA-Z0-9_-]{1,64})(:(?P<qualifier>[^:]*))?$")
ALIAS_NAME = re.compile(r"^(?!\d+$)[a-zA-Z0-9_-]{1,128}$")
WAIT_DELAY = 5  # seconds between two reads of a configuration that is still IN_PROGRESS
RETURNED_FIELDS = ("RequestedProvisionedConcurrentExecutions", "AvailableProvisionedConcurrentExecutions",
                   "AllocatedProvisionedConcurrentExecutions", "Status", "StatusReason", "LastModified")


def qualifier_of(value, option):
    """The API form of a qualifier: "3" for 3, "3" or "03", an alias name as it is.

    ``option``: the option it came from, for the message. Raises ValueError saying what is wrong.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("%s: %r is not an alias name or version number." % (option, value))
    text = str(value).strip()
    if text == LATEST:
        raise ValueError("%s: AWS does not take provisioned concurrency on $LATEST; give an alias name (for example "
                         "live) or a published version number (1, 2, ...)." % option)
    if text.isdigit():
        if int(text) < 1:
            raise ValueError("%s: %s is not a published version; versions are numbered from 1." % (option, text))
        return str(int(text))
    if not ALIAS_NAME.match(text):
        raise ValueError("%s: %s is not an alias name or version number (an alias name is 1 to 128 letters, digits, "
                         "- and _; a version is a number such as 3)." % (option, text))
    return text


def target_of(params):
    """(function, qualifier): the function_name without its qualifier, and the qualifier to send.

    Raises ValueError naming the wrong option.
    """
    match = FUNCTION_NAME.match(params["function_name"])
    if not match:
        raise ValueError("function_name: %s is not a function name or ARN (letters, digits, - and _, or "
                         "arn:aws:lambda:REGION:ACCOUNT:function:NAME, optionally ending with :ALIAS or :VERSION)."
                         % params["function_name"])
    function = match.group("function")
    in_name = None
    if match.group("qualifier") is not None:
        in_name = qualifier_of(match.group("qualifier"), "function_name")
    given = None
    if params.get("qualifier") is not None:
        given = qualifier_of(params["qualifier"], "qualifier")
    if in_name is not None and given is not None and in_name != given:
        raise ValueError("qualifier: %s differs from the qualifier %s that function_name ends with; give the alias or "
                         "version once." % (given, in_name))
    qualifier = given if given is not None else in_name
    if qualifier is None:
        raise ValueError("qualifier: required, because provisioned concurrency belongs to an alias or a published "
                         "version and function_name %s names none; give qualifier (for example live or 3), or end "
                         "function_name with :ALIAS or :VERSION." % params["function_name"])
    return function, qualifier


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    try:
        target_of(params)
    except ValueError as e:
        errors.append(str(e))
    executions = params.get("provisioned_concurrent_executions")
    if params["state"] == "present" and executions is None:
        errors.append("provisioned_concurrent_executions: required with state=present; give the number of execution "
                      "environments to keep ready (1 or more), or state=absent to remove the configuration.")
    elif executions is not None and (isinstance(executions, bool) or executions < 1):
        errors.append("provisioned_concurrent_executions: %s is not 1 or more; to remove the provisioned concurrency "
                      "use state=absent." % executions)
    if params.get("wait_timeout") is not None and params["wait_timeout"] < 1:
        errors.append("wait_timeout: %s is not 1 or more seconds." % params["wait_timeout"])
    return errors


def desired_config(params):
    """The configuration the options ask for, in GetProvisionedConcurrencyConfig's terms. Expects valid options."""
    return dict(RequestedProvisionedConcurrentExecutions=params.get("provisioned_concurrent_executions"))


def config_view(function, qualifier, config):
    """The configuration as the task returns it (fields AWS left out are null)."""
    result = dict(function_name=function, qualifier=qualifier)
    result.update(snake_dict(dict((field, config.get(field)) for field in RETURNED_FIELDS)))
    return result


def describe(function, qualifier):
    return "%s:%s" % (function, qualifier)


class ConfigWriter:
    """Sends the requests that set and delete one provisioned concurrency configuration."""

    def __init__(self, client, function, qualifier):
        self.client = client
        self.key = dict(FunctionName=function, Qualifier=qualifier)

    def put(self, fields):
        return self.client.call("PutProvisionedConcurrencyConfig", ProvisionedConcurrentExecutions=fields[
            "RequestedProvisionedConcurrentExecutions"], **self.key)

    def delete(self):
        return self.client.call("DeleteProvisionedConcurrencyConfig", **self.key)


def check_target(module, client, function, qualifier):
    """Before a configuration is created: the alias or version exists and is not $LATEST. Fails the task if not."""
    answer = client.call("GetFunctionConfiguration", missing_ok=True, FunctionName=function, Qualifier=qualifier)
    kind = "version" if qualifier.isdigit() else "alias"
    if answer is None:
        module.fail_json(msg="qualifier: the function %s has no %s %s (or does not exist). Create it first (%s), or "
                             "name one it has." % (function, kind, qualifier,
                                                   "cloudfn.aws_lambda.lambda_function with publish: true"
                                                   if kind == "version" else "cloudfn.aws_lambda.lambda_alias"))
    if answer.get("Version") == LATEST:
        module.fail_json(msg="qualifier: the alias %s of %s points to $LATEST, and AWS does not take provisioned "
                             "concurrency on $LATEST; point the alias at a published version first "
                             "(cloudfn.aws_lambda.lambda_alias with function_version)." % (qualifier, function))


def settle(module, client, function, qualifier, config, changed):
    """The configuration once READY when waiting; fails the task on FAILED or when wait_timeout passes.

    ``config``: the configuration as last seen (the Put answer, or the Get answer of a no-op).
    """
    label = describe(function, qualifier)
    params = module.params
    timeout = params["wait_timeout"]
    waited = 0
    while True:
        status = config.get("Status")
        if status == "FAILED":
            reason = config.get("StatusReason") or "AWS gave no reason"
            if not params["wait"]:
                module.warn("The provisioned concurrency of %s is FAILED: %s" % (label, reason))
                return config
            module.fail_json(msg="The provisioned concurrency of %s is FAILED: %s" % (label, reason),
                             changed=changed, status=status, status_reason=config.get("StatusReason"))
        if status != "IN_PROGRESS" or not params["wait"] or module.check_mode:
            return config
        if waited >= timeout:
            module.fail_json(
                msg="The provisioned concurrency of %s was still IN_PROGRESS after %s seconds (wait_timeout), with %s "
                    "of %s execution environments allocated. AWS goes on allocating them; run the task again to wait "
                    "for it, or raise wait_timeout." % (
                        label, timeout, config.get("AllocatedProvisionedConcurrentExecutions", 0),
                        config.get("RequestedProvisionedConcurrentExecutions")),
                changed=changed, status=status)
        delay = min(WAIT_DELAY, timeout - waited)
        time.sleep(delay)
        waited += delay
        answer = client.call("GetProvisionedConcurrencyConfig", missing_ok=True, FunctionName=function,
                             Qualifier=qualifier)
        if answer is None:
            module.fail_json(msg="The provisioned concurrency of %s disappeared while waiting for it to be READY "
                                 "(it was deleted meanwhile)." % label, changed=changed)
        config = answer


def run(module, client):
    """Converge the provisioned concurrency configuration; the task's result."""
    params = module.params
    function, qualifier = target_of(params)
    current = client.call("GetProvisionedConcurrencyConfig", missing_ok=True, FunctionName=function,
                          Qualifier=qualifier)
    present = params["state"] == "present"
    if present and current is None:
        check_target(module, client, function, qualifier)
    writer = ConfigWriter(client, function, qualifier)
    outcome = ensure(module, current, desired_config(params), create=writer.put, update=writer.put,
                     delete=writer.delete, state=params["state"])
    result = dict(changed=outcome.changed)
    if present:
        if outcome.result is not None:
            config = outcome.result
        elif outcome.action is None:
            config = current
        else:  # check mode: what would be asked for; AWS decides the rest
            config = dict(RequestedProvisionedConcurrentExecutions=params["provisioned_concurrent_executions"])
        config = settle(module, client, function, qualifier, config, outcome.changed)
        result.update(config_view(function, qualifier, config))
    if module._diff:
        result["diff"] = outcome.diff
    return result


def main():
    run_module(ARGUMENT_SPEC, run, validate=validate)


if __name__ == "__main__":
    main()
