#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_event_invoke_config
short_description: Manage the asynchronous invocation settings of AWS Lambda functions, versions and aliases
version_added: 0.1.0
description:
  - Converges the settings Lambda applies to asynchronous invocations (C(InvocationType=Event), events from S3,
    SNS, EventBridge...) of one function, version or alias - how often a failed event is retried, how long an
    event may wait in the queue, and where a record of each successful or failed invocation is sent.
  - Each qualifier has its own settings. The unqualified function and V($LATEST) share one.
  - Options that are not given are not managed. A task that names only O(maximum_retry_attempts) leaves the
    event age and the destinations as they are.
  - A run that changes nothing costs one API call (C(GetFunctionEventInvokeConfig)).
  - The first creation sends C(PutFunctionEventInvokeConfig) with the options given, after reading the function
    (C(GetFunctionConfiguration)) so that a function, version or alias that does not exist fails the task
    clearly. Later changes send C(UpdateFunctionEventInvokeConfig) with only the fields that differ.
  - Values out of AWS's ranges and destinations that are not the ARN of a resource Lambda can send to fail
    the task before any request.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name, partial ARN (C(ACCOUNT:function:NAME)) or ARN of the function, without a version or alias
        qualifier (give that as O(qualifier)).
    type: str
    required: true
  qualifier:
    description:
      - The version (a number such as V(3)) or alias name whose settings are managed, or V($LATEST).
      - When omitted, the settings of the unqualified function, which are also those of V($LATEST).
        A version or alias has its own settings, independent of the function's.
    type: raw
  state:
    description:
      - V(present) creates or updates the settings, V(absent) deletes them (asynchronous invocations then use
        AWS's defaults, two retries and six hours, and no destinations).
    type: str
    choices: [present, absent]
    default: present
  maximum_retry_attempts:
    description:
      - How many times Lambda retries an event when the function returns an error, V(0) to V(2).
      - Not managed when omitted.
    type: int
  maximum_event_age_in_seconds:
    description:
      - How long an event may wait in the asynchronous queue before Lambda discards it, V(60) to V(21600)
        seconds (six hours).
      - Not managed when omitted.
    type: int
  destination_config:
    description:
      - Where Lambda sends a record of each asynchronous invocation.
      - Each of O(destination_config.on_success) and O(destination_config.on_failure) is managed only when
        given; an omitted one is left as it is.
      - When a destination changes, the module sends the complete destination configuration, with the
        destination that is not managed as it was read, and a removed destination as an empty object
        (V({})), the form in which AWS reports a missing destination.
    type: dict
    suboptions:
      on_success:
        description:
          - The destination of records of invocations that succeeded.
        type: dict
        suboptions:
          destination:
            description:
              - ARN of a standard SQS queue, a standard SNS topic, a Lambda function or an EventBridge event bus.
              - V("") removes the destination.
            type: str
            required: true
      on_failure:
        description:
          - The destination of records of events that failed every attempt or expired in the queue.
        type: dict
        suboptions:
          destination:
            description:
              - ARN of a standard SQS queue, a standard SNS topic, a Lambda function, an EventBridge event bus
                or an S3 bucket (C(arn:aws:s3:::BUCKET)).
              - V("") removes the destination.
            type: str
            required: true
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetFunctionEventInvokeConfig), and C(GetFunctionConfiguration)
    when the settings would be created).
  - AWS checks that the function's execution role may send to a destination when the settings are saved;
    a missing permission fails the task with AWS's message.
  - A dead-letter queue (O(cloudfn.aws_lambda.lambda_function#module:dead_letter_arn)) is part of the function's
    configuration, not of these settings.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
  - module: cloudfn.aws_lambda.lambda_alias
"""

EXAMPLES = r"""
- name: No retries and at most one hour in the queue for asynchronous events of the function
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    maximum_retry_attempts: 0
    maximum_event_age_in_seconds: 3600

- name: Records of failed events of the live alias go to a queue, successes to another function
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    qualifier: live
    destination_config:
      on_failure:
        destination: arn:aws:sqs:us-east-1:123456789012:hello-failures
      on_success:
        destination: arn:aws:lambda:us-east-1:123456789012:function:audit

- name: Stop sending records of successes (the on-failure destination is left as it is)
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    qualifier: live
    destination_config:
      on_success:
        destination: ""

- name: Version 3 keeps its events for ten minutes only
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: arn:aws:lambda:us-east-1:123456789012:function:hello
    qualifier: 3
    maximum_event_age_in_seconds: 600

- name: Back to AWS's defaults for the live alias
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    qualifier: live
    state: absent
"""

RETURN = r"""
function_arn:
  description:
    - ARN of the function with its qualifier (V($LATEST) for the unqualified function), as AWS reports it.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:hello:live
qualifier:
  description: The version or alias of the settings; V($LATEST) for the unqualified function.
  returned: when state=present
  type: str
  sample: live
maximum_retry_attempts:
  description: How many times a failed event is retried; null when it was never set (AWS then retries twice).
  returned: when state=present
  type: int
  sample: 0
maximum_event_age_in_seconds:
  description: How long, in seconds, an event may wait; null when it was never set (AWS then keeps it six hours).
  returned: when state=present
  type: int
  sample: 3600
destination_config:
  description:
    - The destinations; a missing destination reads as a C(destination) of V("").
  returned: when state=present
  type: dict
  contains:
    on_success:
      description: The destination of records of successful invocations.
      type: dict
      returned: always
      sample: {"destination": "arn:aws:lambda:us-east-1:123456789012:function:audit"}
    on_failure:
      description: The destination of records of failed events.
      type: dict
      returned: always
      sample: {"destination": "arn:aws:sqs:us-east-1:123456789012:hello-failures"}
last_modified:
  description:
    - When the settings were last changed (ISO 8601).
    - Null in check mode when they would be created or changed.
  returned: when state=present
  type: str
  sample: "2025-01-31T12:00:00.123000+00:00"
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {maximum_retry_attempts: 2}
    after: {maximum_retry_attempts: 0}
"""

import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import ensure, merged, snake_dict

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", required=True),
    qualifier=dict(type="raw"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    maximum_retry_attempts=dict(type="int"),
    maximum_event_age_in_seconds=dict(type="int"),
    destination_config=dict(type="dict", options=dict(
        on_success=dict(type="dict", options=dict(destination=dict(type="str", required=True))),
        on_failure=dict(type="dict", options=dict(destination=dict(type="str", required=True))),
    )),
)

LATEST = "$LATEST"
# A function name, a partial ARN (ACCOUNT:function:NAME) or a full ARN, without a qualifier.
FUNCTION_NAME = re.compile(r"^((arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:)?\d{12}:function:)?[a-zA-Z0-9_-]{1,64}$")
ALIAS_NAME = re.compile(r"^(?!\d+$)[a-zA-Z0-9_-]{1,128}$")
RETRY_RANGE = (0, 2)
EVENT_AGE_RANGE = (60, 21600)
SIDES = (("OnSuccess", "on_success"), ("OnFailure", "on_failure"))

DESTINATION_ARN = re.compile(
    r"^arn:aws[a-zA-Z-]*:(?P<service>[a-z0-9-]+):(?P<region>[a-z0-9-]*):(?P<account>\d{12}|):(?P<resource>.+)$")
# The resources Lambda sends invocation records to: service -> (resource part of the ARN, what it is).
DESTINATIONS = {
    "sqs": (re.compile(r"^[a-zA-Z0-9_-]{1,80}$"), "an SQS queue"),
    "sns": (re.compile(r"^[a-zA-Z0-9_-]{1,256}$"), "an SNS topic"),
    "lambda": (re.compile(r"^function:[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$"), "a Lambda function"),
    "events": (re.compile(r"^event-bus/[a-zA-Z0-9._/-]{1,256}$"), "an EventBridge event bus"),
    "s3": (re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"), "an S3 bucket"),
}
DESTINATION_KINDS = "a standard SQS queue, a standard SNS topic, a Lambda function or an EventBridge event bus"


def qualifier_of(value):
    """The API form of a ``qualifier`` value ("3" for 3 or "03", an alias name, $LATEST); None when omitted.

    Raises ValueError saying what is wrong.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("qualifier: %r is not a version or alias; give a version number, an alias name or $LATEST."
                         % (value,))
    text = str(value).strip()
    if text == LATEST:
        return LATEST
    if text.isdigit():
        if int(text) < 1:
            raise ValueError("qualifier: %s is not a version; published versions are numbered from 1 (omit "
                             "qualifier, or give $LATEST, for the unpublished function)." % text)
        return str(int(text))
    if not ALIAS_NAME.match(text):
        raise ValueError("qualifier: %s is not a version number, an alias name (1 to 128 letters, digits, - and _) "
                         "or $LATEST." % text)
    return text


def destination_problem(option, arn, on_failure):
    """Why ``arn`` cannot be the destination ``option`` (None when it can, or when it is "" = none)."""
    if arn == "":
        return None
    match = DESTINATION_ARN.match(arn)
    kinds = DESTINATION_KINDS + (" (or an S3 bucket)" if on_failure else "")
    if not match or match.group("service") not in DESTINATIONS:
        return "%s: %s is not the ARN of %s; give \"\" to remove the destination." % (option, arn, kinds)
    service, resource = match.group("service"), match.group("resource")
    pattern, what = DESTINATIONS[service]
    if service == "s3" and not on_failure:
        return ("%s: %s is an S3 bucket, which AWS takes as an on_failure destination only; records of successful "
                "invocations go to %s." % (option, arn, DESTINATION_KINDS))
    if service in ("sqs", "sns") and resource.endswith(".fifo"):
        return ("%s: %s is a FIFO %s; Lambda sends invocation records to standard queues and topics only."
                % (option, arn, "queue" if service == "sqs" else "topic"))
    global_arn = service == "s3"
    if not pattern.match(resource) or bool(match.group("region")) == global_arn \
            or bool(match.group("account")) == global_arn:
        form = ("arn:aws:s3:::BUCKET" if global_arn else "arn:aws:%s:REGION:ACCOUNT:%s" % (
            service, {"sqs": "QUEUE", "sns": "TOPIC", "lambda": "function:NAME", "events": "event-bus/NAME"}[service]))
        return "%s: %s is not a valid ARN of %s (%s)." % (option, arn, what, form)
    return None


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    if not FUNCTION_NAME.match(params["function_name"]):
        errors.append("function_name: %s is not a function name or ARN (letters, digits, - and _, or "
                      "arn:aws:lambda:REGION:ACCOUNT:function:NAME); give a version or alias as qualifier."
                      % params["function_name"])
    try:
        qualifier_of(params.get("qualifier"))
    except ValueError as e:
        errors.append(str(e))
    for option, (low, high), unit in (("maximum_retry_attempts", RETRY_RANGE, "retries"),
                                      ("maximum_event_age_in_seconds", EVENT_AGE_RANGE, "seconds")):
        value = params.get(option)
        if value is not None and not low <= value <= high:
            errors.append("%s: %s is out of range; AWS allows %d to %d %s." % (option, value, low, high, unit))
    for _side, name in SIDES:
        side = (params.get("destination_config") or {}).get(name)
        if side is not None:
            problem = destination_problem("destination_config.%s.destination" % name, side["destination"],
                                          on_failure=name == "on_failure")
            if problem:
                errors.append(problem)
    return errors


def desired_config(params):
    """The settings the options ask for, in GetFunctionEventInvokeConfig's terms; None = not managed.

    A destination is ``{"Destination": ARN}``, ``{"Destination": ""}`` for none. Expects valid options.
    """
    destinations = params.get("destination_config")
    return dict(
        MaximumRetryAttempts=params.get("maximum_retry_attempts"),
        MaximumEventAgeInSeconds=params.get("maximum_event_age_in_seconds"),
        DestinationConfig=None if destinations is None else dict(
            (side, None if destinations.get(name) is None else dict(Destination=destinations[name]["destination"]))
            for side, name in SIDES),
    )


def current_config(answer):
    """A GetFunctionEventInvokeConfig (or Put / Update) answer in the desired shape; None when there is none.

    Both destinations are always there, a missing one as ``{"Destination": ""}`` (AWS answers ``{}``, or leaves
    the half out); LastModified is ISO 8601 text.
    """
    if answer is None:
        return None
    config = dict(answer)
    config.pop("ResponseMetadata", None)
    destinations = config.get("DestinationConfig") or {}
    config["DestinationConfig"] = dict(
        (side, dict(Destination=(destinations.get(side) or {}).get("Destination") or "")) for side, _name in SIDES)
    modified = config.get("LastModified")
    if modified is not None and hasattr(modified, "isoformat"):
        config["LastModified"] = modified.isoformat()
    return config


def api_form(fields, current=None):
    """``fields`` as a Put / Update request: a DestinationConfig complete with the destinations it does not
    manage as ``current`` has them, and no destination as ``{}``."""
    request = dict(fields)
    if fields.get("DestinationConfig") is not None:
        known = (current or {}).get("DestinationConfig") or {}
        destinations = {}
        for side, _name in SIDES:
            wanted = fields["DestinationConfig"].get(side)
            wanted = known.get(side) if wanted is None else wanted
            if wanted is not None:
                destinations[side] = dict(Destination=wanted["Destination"]) if wanted["Destination"] else {}
        request["DestinationConfig"] = destinations
    return request


def qualifier_in(function_arn):
    """The qualifier at the end of a FunctionArn; $LATEST for an unqualified one."""
    parts = (function_arn or "").split(":")
    return parts[7] if len(parts) > 7 else LATEST


def config_view(config):
    """The settings as the task returns them."""
    return dict(
        function_arn=config.get("FunctionArn"),
        qualifier=qualifier_in(config.get("FunctionArn")),
        maximum_retry_attempts=config.get("MaximumRetryAttempts"),
        maximum_event_age_in_seconds=config.get("MaximumEventAgeInSeconds"),
        destination_config=snake_dict(config["DestinationConfig"]),
        last_modified=config.get("LastModified"),
    )


class EventInvokeConfigWriter:
    """Sends the requests that create, update and delete the settings of one function or qualifier."""

    def __init__(self, client, key, current):
        self.client = client
        self.key = key
        self.current = current

    def create(self, wanted):
        return current_config(self.client.call("PutFunctionEventInvokeConfig", **dict(self.key, **api_form(wanted))))

    def update(self, changes):
        request = api_form(changes, self.current)
        return current_config(self.client.call("UpdateFunctionEventInvokeConfig", **dict(self.key, **request)))

    def delete(self):
        return self.client.call("DeleteFunctionEventInvokeConfig", missing_ok=True, **self.key)


def function_arn_of(module, client, key):
    """Read the function (with the qualifier) before creating its settings: the qualified ARN they will have.

    Fails the task, before any change, when the function, version or alias does not exist.
    """
    answer = client.call("GetFunctionConfiguration", missing_ok=True, **key)
    if answer is None and "Qualifier" in key:
        module.fail_json(msg="qualifier: the function %s has no version or alias %s (or the function does not exist). "
                             "Create it first (cloudfn.aws_lambda.lambda_function with publish: true, or lambda_alias), "
                             "or name one it has." % (module.params["function_name"], key["Qualifier"]))
    if answer is None:
        module.fail_json(msg="function_name: the function %s does not exist. Create it first "
                             "(cloudfn.aws_lambda.lambda_function), or name one that exists."
                             % module.params["function_name"])
    return "%s:%s" % (":".join(answer["FunctionArn"].split(":")[:7]), key.get("Qualifier") or LATEST)


def config_result(outcome, current, function_arn):
    """The settings after the run: as AWS answered the change, as read when nothing changed, else predicted."""
    if outcome.result is not None:
        return config_view(outcome.result)
    if outcome.action is None:
        return config_view(current)
    base = current or dict(FunctionArn=function_arn, DestinationConfig=dict(
        (side, dict(Destination="")) for side, _name in SIDES))
    predicted = merged(base, outcome.changes)
    predicted["LastModified"] = None
    return config_view(predicted)


def run(module, client):
    """Converge the settings; the task's result."""
    params = module.params
    key = dict(FunctionName=params["function_name"])
    qualifier = qualifier_of(params.get("qualifier"))
    if qualifier is not None:
        key["Qualifier"] = qualifier
    desired = desired_config(params)
    current = current_config(client.call("GetFunctionEventInvokeConfig", missing_ok=True, **key))
    function_arn = None
    if params["state"] == "present" and current is None:
        function_arn = function_arn_of(module, client, key)
    writer = EventInvokeConfigWriter(client, key, current)
    outcome = ensure(module, current, desired, create=writer.create, update=writer.update, delete=writer.delete,
                     state=params["state"])
    result = dict(changed=outcome.changed)
    if params["state"] == "present":
        result.update(config_result(outcome, current, function_arn))
    if module._diff:
        result["diff"] = outcome.diff
    return result


def main():
    run_module(ARGUMENT_SPEC, run, validate=validate)


if __name__ == "__main__":
    main()
