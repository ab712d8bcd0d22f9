#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_invoke
short_description: Invoke an AWS Lambda function
version_added: 0.1.0
description:
  - Invokes a function, one of its versions or an alias, once per task run, with one C(Invoke) request.
  - V(RequestResponse) runs the function and returns its answer; V(Event) queues the invocation and returns at
    once (asynchronous invocation; C(InvokeAsync), which AWS deprecated, is never used); V(DryRun) only checks
    that the function exists and that the caller may invoke it.
  - A function that AWS is still creating (C(State) V(Pending)), also a published version or the version an alias
    points to, is waited for and then invoked. Nothing is read before the invocation; the module waits only
    when AWS answers that the function is not ready yet, so an invocation normally costs exactly one request.
  - A function that fails (AWS sets C(FunctionError) in its answer) fails the task with the error type and message
    the function gave, unless O(fail_on_function_error=false).
  - Every option name of C(amazon.aws.lambda_execute) is accepted with the same meaning, and its result
    (RV(result)) is returned besides this module's own keys, so a playbook moves over by changing the module name.
    Two differences are deliberate. In check mode this module sends a C(DryRun) invocation (which fails the task
    for a function that does not exist or may not be invoked), where C(amazon.aws.lambda_execute) sends nothing.
    O(tail_log=true) together with O(dry_run=true) is refused, as it is with O(wait=false), since AWS returns no
    log then.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - The function to invoke, by name (V(my-function)), full ARN (V(arn:aws:lambda:us-east-1:123456789012:function:my-function))
        or partial ARN (V(123456789012:function:my-function)).
      - A version or alias may follow after a colon (V(my-function:live)), or be given in O(qualifier).
      - One of O(function_name) and O(function_arn) is required.
    type: str
    aliases: [name]
  function_arn:
    description:
      - The function to invoke, as C(amazon.aws.lambda_execute) names it; takes the same forms as O(function_name).
      - Cannot be combined with O(function_name).
    type: str
  qualifier:
    description:
      - The version (V(3), V($LATEST)) or alias (V(live)) to invoke.
      - When omitted, the unpublished version V($LATEST) runs, unless O(function_name) ends in a qualifier.
      - When O(function_name) ends in a qualifier too, both must name the same one.
    type: str
    aliases: [version_qualifier]
  payload:
    description:
      - The event the function receives, as any JSON value - a dictionary, a list, a string, a number or a boolean.
        It is sent as JSON.
      - A string that starts with C({) or C([) is taken as a JSON document and sent as it is (so
        V("{{ lookup('file', 'event.json') }}") works, as with C(amazon.aws.lambda_execute)); it must be valid JSON.
        Any other string is sent as a JSON string. To send a string that itself starts with C({) or C([), write it
        as a JSON string in a file and use O(payload_file).
      - When neither O(payload) nor O(payload_file) is given, the invocation carries no payload.
      - AWS accepts up to 6 MB for V(RequestResponse) and 1 MB for V(Event) invocations.
    type: raw
  payload_file:
    description:
      - Path of a file holding the payload as a JSON document, sent as it is. The file must exist and hold valid
        JSON (checked before anything is sent).
      - The file is read where the module runs (the controller when the task runs on C(localhost)).
      - Cannot be combined with O(payload).
    type: path
  invocation_type:
    description:
      - V(RequestResponse) runs the function and waits for its answer.
      - V(Event) queues the invocation (asynchronous invocation); AWS answers with status code 202 and no payload,
        and retries a failing function by itself.
      - V(DryRun) checks that the function, version or alias exists and that the caller may invoke it; nothing
        runs and the task reports C(changed=false).
      - When omitted, V(RequestResponse), or what O(wait) and O(dry_run) ask for.
    type: str
    choices: [RequestResponse, Event, DryRun]
  log_type:
    description:
      - V(Tail) returns the last 4 KB of the function's execution log in RV(log_result).
      - AWS returns the log of V(RequestResponse) invocations only, so V(Tail) with any other invocation type
        fails the task before anything is sent.
    type: str
    choices: ["None", Tail]
  tail_log:
    description:
      - C(amazon.aws.lambda_execute)'s name for O(log_type) - V(true) is O(log_type=Tail), V(false) is
        O(log_type=None). Must agree with O(log_type) when both are given.
    type: bool
  client_context:
    description:
      - Data about the calling client, as a dictionary, that the function receives in its context object
        (C(context.client_context) in Python); AWS's mobile SDKs send C(client), C(custom) and C(env) keys.
      - Sent as base64-encoded JSON; AWS accepts up to 3583 bytes once encoded, checked before sending.
      - AWS passes it to the function for V(RequestResponse) invocations only (a warning says so for V(Event)).
    type: dict
  fail_on_function_error:
    description:
      - Fail the task when the function itself fails (an exception, a timeout, running out of memory), with the
        error type and message from its answer.
      - With V(false) the task succeeds and returns the error in RV(function_error) and RV(payload).
    type: bool
    default: true
  wait:
    description:
      - C(amazon.aws.lambda_execute)'s way to choose the invocation type - V(true) is V(RequestResponse) and V(false) is
        V(Event).
      - Must agree with O(invocation_type) when both are given (either is fine with V(DryRun)).
      - This is not about waiting for a function that is being created; see O(wait_timeout) for that.
    type: bool
  dry_run:
    description:
      - C(amazon.aws.lambda_execute)'s way to ask for a V(DryRun) invocation - V(true) is O(invocation_type=DryRun),
        whatever O(wait) says.
      - Must agree with O(invocation_type) when both are given.
    type: bool
  wait_timeout:
    description:
      - How long, in seconds, to wait at most for a function (or the version or alias invoked) that AWS is still
        creating before invoking it. AWS refuses to invoke a function in C(State) V(Pending).
    type: int
    default: 600
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
attributes:
  check_mode:
    support: full
    description:
      - Check mode sends a C(DryRun) invocation instead, which checks that the function exists and that the caller
        may invoke it, runs nothing, and reports C(changed=true) as the real run would (C(changed=false) when the
        task itself asks for V(DryRun)).
  diff_mode:
    support: none
    description: An invocation changes no resource, so there is nothing to show.
  idempotent:
    support: none
    description:
      - Every run invokes the function again and reports C(changed=true); the module cannot know what the function
        does. Only V(DryRun) invocations report C(changed=false).
notes:
  - The answer of a V(RequestResponse) invocation comes when the function has finished, which can take as long as
    its timeout. Unless O(aws_config) sets C(read_timeout), the module waits up to 1860 seconds for it (AWS's
    longest synchronous invocation, 30 minutes, and one more minute) with TCP keep-alive on, instead of
    botocore's 60 seconds.
  - A payload may hold secrets; the module does not hide it. Use C(no_log) on the task if it does.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
    description: Creates the function and publishes the versions O(qualifier) names.
  - module: cloudfn.aws_lambda.lambda_alias
    description: Creates the aliases O(qualifier) names.
"""

EXAMPLES = r"""
- name: Run a function and use its answer
  cloudfn.aws_lambda.lambda_invoke:
    function_name: resize-images
    payload:
      bucket: uploads
      keys: [a.png, b.png]
  register: resized

- name: Show what the function returned
  ansible.builtin.debug:
    var: resized.payload

- name: Run the version the live alias points to, with the end of its log
  cloudfn.aws_lambda.lambda_invoke:
    function_name: arn:aws:lambda:eu-west-1:123456789012:function:resize-images
    qualifier: live
    payload: {warmup: true}
    log_type: Tail
  register: warm

- name: Queue an invocation and return at once (asynchronous invocation)
  cloudfn.aws_lambda.lambda_invoke:
    function_name: send-report
    invocation_type: Event
    payload_file: files/report-event.json

- name: Check that this account may invoke a function in another account, without running it
  cloudfn.aws_lambda.lambda_invoke:
    function_name: arn:aws:lambda:eu-west-1:210987654321:function:shared-api
    invocation_type: DryRun

- name: Tell the function who calls it
  cloudfn.aws_lambda.lambda_invoke:
    function_name: audit
    payload: {action: rotate-keys}
    client_context:
      custom:
        caller: ansible
        run: "{{ ansible_date_time.iso8601 | default('now') }}"

- name: Keep going when the function fails, and look at the error
  cloudfn.aws_lambda.lambda_invoke:
    function_name: migrate-db
    payload: {dry: false}
    fail_on_function_error: false
  register: migration

- name: Report a failed migration
  ansible.builtin.debug:
    msg: "{{ migration.payload.errorType }}: {{ migration.payload.errorMessage }}"
  when: migration.function_error is not none

- name: A task written for amazon.aws.lambda_execute runs unchanged
  cloudfn.aws_lambda.lambda_invoke:
    name: resize-images
    version_qualifier: "3"
    payload: {bucket: uploads}
    wait: true
    tail_log: true
  register: response   # response.result.output, response.result.logs, response.result.status
"""

RETURN = r"""
invocation_type:
  description:
    - The invocation type sent. V(DryRun) in check mode.
  returned: always
  type: str
  sample: RequestResponse
status_code:
  description:
    - The HTTP status code of AWS's answer - 200 for V(RequestResponse), 202 for V(Event), 204 for V(DryRun).
    - A function that fails still answers 200; see RV(function_error).
  returned: always
  type: int
  sample: 200
payload:
  description:
    - What the function returned (V(RequestResponse) only), parsed when it is JSON, else as text.
    - When the function failed, the error it reported, usually with C(errorType), C(errorMessage) and C(stackTrace).
    - Null for V(Event) and V(DryRun) invocations, which AWS answers without a body.
  returned: always
  type: raw
  sample: {"statusCode": 200, "body": "resized 2 images"}
function_error:
  description:
    - Set when the function failed - V(Unhandled) for an exception, a timeout or too little memory, V(Handled) for an
      error the runtime reported; null when it succeeded.
    - Only returned by a successful task when O(fail_on_function_error=false); with the default the task fails.
  returned: always
  type: str
  sample: Unhandled
executed_version:
  description:
    - The version that ran; for an alias, the version it points to. Null when AWS does not say (V(Event) and
      V(DryRun) invocations).
  returned: always
  type: str
  sample: "3"
log_result:
  description:
    - The last 4 KB of the function's execution log, decoded to text, when O(log_type=Tail); else null.
  returned: always
  type: str
  sample: "START RequestId: 8f5c... Version: 3\nEND RequestId: 8f5c...\n"
result:
  description:
    - The result as C(amazon.aws.lambda_execute) returns it.
  returned: always
  type: dict
  contains:
    output:
      description: What the function returned (as RV(payload)) for V(RequestResponse) invocations, else V("").
      returned: always
      type: raw
      sample: {"statusCode": 200}
    logs:
      description: The decoded log (as RV(log_result)) when O(log_type=Tail), else V("").
      returned: always
      type: str
    status:
      description: The HTTP status code of AWS's answer (as RV(status_code)).
      returned: always
      type: int
      sample: 200
"""

import base64
import binascii
import json
import re

try:
    from botocore.config import Config
except ImportError:
    pass  # lambda_module() fails the task saying boto3 and botocore are needed

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import (
    LambdaClient,
    error_code,
    run_module,
)

INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"]

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", aliases=["name"]),
    function_arn=dict(type="str"),
    qualifier=dict(type="str", aliases=["version_qualifier"]),
    payload=dict(type="raw"),
    payload_file=dict(type="path"),
    invocation_type=dict(type="str", choices=INVOCATION_TYPES),
    log_type=dict(type="str", choices=["None", "Tail"]),
    tail_log=dict(type="bool"),
    client_context=dict(type="dict"),
    fail_on_function_error=dict(type="bool", default=True),
    wait=dict(type="bool"),
    dry_run=dict(type="bool"),
    wait_timeout=dict(type="int", default=600),
)
MUTUALLY_EXCLUSIVE = [["function_name", "function_arn"], ["payload", "payload_file"]]
REQUIRED_ONE_OF = [["function_name", "function_arn"]]

# AWS's forms of a function to invoke: NAME, ACCOUNT:function:NAME or arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME,
# each optionally followed by :QUALIFIER (a version, $LATEST or an alias).
QUALIFIER_PATTERN = r"\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_-]{1,128}"
FUNCTION_REF = re.compile(
    r"^(?:(?:arn:aws[a-zA-Z-]*:lambda:(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d:)?\d{12}:function:)?"
    r"(?P<name>[a-zA-Z0-9_-]{1,64})(?::(?P<qualifier>" + QUALIFIER_PATTERN + r"))?$")
QUALIFIER = re.compile(r"^(?:" + QUALIFIER_PATTERN + r")$")
FUNCTION_REF_MAX = 256
CLIENT_CONTEXT_MAX = 3583  # bytes, base64-encoded
# A synchronous invocation may last up to 30 minutes, and AWS advises a client read timeout longer than the
# function's timeout with TCP keep-alive on; botocore's own read timeout is 60 seconds.
READ_TIMEOUT = 1860
ERROR_DETAIL_MAX = 1000  # characters of a non-standard error payload quoted in the failure message


def function_option(params):
    """The option that names the function (function_name or function_arn) and its value."""
    if params.get("function_arn") is not None:
        return "function_arn", params["function_arn"]
    return "function_name", params.get("function_name")


def function_ref_error(option, value):
    """Why ``value`` is not a function AWS can invoke (None when it is)."""
    if value is not None and len(value) <= FUNCTION_REF_MAX and FUNCTION_REF.match(value):
        return None
    hint = " ARNs say function:NAME, not function/NAME." if value and "function/" in value else ""
    return ("%s: %s is not a function name or ARN (NAME, ACCOUNT:function:NAME or "
            "arn:aws:lambda:REGION:ACCOUNT:function:NAME, with a name of 1 to 64 letters, digits, - and _, optionally "
            "followed by :VERSION or :ALIAS).%s" % (option, value, hint))


def invocation_type_of(params):
    """(the InvocationType the options ask for, the errors of contradicting options)."""
    explicit, wait, dry_run = params.get("invocation_type"), params.get("wait"), params.get("dry_run")
    errors = []
    if dry_run and explicit not in (None, "DryRun"):
        errors.append("dry_run: true contradicts invocation_type: %s; give only one of them." % explicit)
    if dry_run is False and explicit == "DryRun":
        errors.append("dry_run: false contradicts invocation_type: DryRun; give only one of them.")
    if wait is not None and explicit in ("RequestResponse", "Event") and wait != (explicit == "RequestResponse"):
        errors.append("wait: %s contradicts invocation_type: %s (wait: true means RequestResponse, wait: false means "
                      "Event); give only one of them." % (str(wait).lower(), explicit))
    if explicit:
        return explicit, errors
    if dry_run:
        return "DryRun", errors
    return ("Event" if wait is False else "RequestResponse"), errors


def log_type_of(params, invocation_type):
    """(the LogType to send, None for none; the errors)."""
    log_type, tail_log = params.get("log_type"), params.get("tail_log")
    errors = []
    if log_type is not None and tail_log is not None and tail_log != (log_type == "Tail"):
        errors.append("tail_log: %s contradicts log_type: %s (tail_log: true means log_type: Tail); give only one of "
                      "them." % (str(tail_log).lower(), log_type))
    wanted = log_type or ({True: "Tail", False: "None"}.get(tail_log))
    if wanted == "Tail" and invocation_type != "RequestResponse":
        errors.append("log_type: Tail (tail_log: true) needs a RequestResponse invocation, and this one is %s: AWS "
                      "returns the log of synchronous invocations only. Leave the log out, or invoke with "
                      "invocation_type: RequestResponse (wait: true)." % invocation_type)
    return wanted, errors


def read_payload_file(path):
    """The bytes of ``payload_file``, checked to be a JSON document. Raises ValueError saying what is wrong."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise ValueError("payload_file: %s does not exist (it is read where the module runs)." % path) from None
    except OSError as e:
        raise ValueError("payload_file: %s cannot be read: %s." % (path, e.strerror or e)) from None
    try:
        json.loads(data)
    except ValueError as e:  # json.JSONDecodeError and UnicodeDecodeError
        raise ValueError("payload_file: %s is not a JSON document (%s); the file must hold the payload as JSON."
                         % (path, e)) from None
    return data


def payload_of(params):
    """The bytes sent as the payload, None for none. Raises ValueError saying what is wrong."""
    if params.get("payload_file") is not None:
        return read_payload_file(params["payload_file"])
    value = params.get("payload")
    if value is None:
        return None
    if isinstance(value, str) and value.lstrip().startswith(("{", "[")):
        try:
            json.loads(value)
        except ValueError as e:
            raise ValueError("payload: the string given starts like a JSON document but is not valid JSON (%s). Give "
                             "the payload as YAML data, fix the JSON, or put a JSON string in a file and use "
                             "payload_file." % e) from None
        return value.encode("utf-8")
    try:
        return json.dumps(value).encode("utf-8")
    except (TypeError, ValueError) as e:
        raise ValueError("payload: cannot be sent as JSON: %s." % e) from None


def client_context_of(value):
    """The ClientContext header value (base64 of the JSON), None for none. Raises ValueError when too big."""
    if value is None:
        return None
    encoded = base64.b64encode(json.dumps(value, separators=(",", ":")).encode("utf-8")).decode("ascii")
    if len(encoded) > CLIENT_CONTEXT_MAX:
        raise ValueError("client_context: %d bytes once sent as base64-encoded JSON, more than the %d AWS accepts; "
                         "send less, or pass the data in the payload." % (len(encoded), CLIENT_CONTEXT_MAX))
    return encoded


def qualifier_of(params):
    """(the Qualifier to send, None for none; the errors). The qualifier may be given in the function's name."""
    option, function = function_option(params)
    qualifier = params.get("qualifier")
    errors = []
    if qualifier is not None and not QUALIFIER.match(qualifier):
        errors.append("qualifier: %s is not a version or alias (a version number, $LATEST, or an alias name of 1 to "
                      "128 letters, digits, - and _)." % qualifier)
        return None, errors
    match = FUNCTION_REF.match(function or "") if function and len(function) <= FUNCTION_REF_MAX else None
    in_name = match.group("qualifier") if match else None
    if in_name is not None and qualifier is not None:
        if in_name != qualifier:
            errors.append("qualifier: %s differs from the qualifier %s that %s ends in; give the version or alias in "
                          "one place." % (qualifier, in_name, option))
        return None, errors  # the name carries it already
    return qualifier, errors


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    option, function = function_option(params)
    problem = function_ref_error(option, function)
    if problem:
        errors.append(problem)
    else:
        errors.extend(qualifier_of(params)[1])
    invocation_type, type_errors = invocation_type_of(params)
    errors.extend(type_errors)
    errors.extend(log_type_of(params, invocation_type)[1])
    for check, value in ((payload_of, params), (client_context_of, params.get("client_context"))):
        try:
            check(value)
        except ValueError as e:
            errors.append(str(e))
    if params.get("wait_timeout") is not None and params["wait_timeout"] < 1:
        errors.append("wait_timeout: %s seconds; give 1 or more." % params["wait_timeout"])
    return errors


def invoke_request(params):
    """The Invoke request the options ask for. Expects valid options."""
    invocation_type = invocation_type_of(params)[0]
    request = dict(FunctionName=function_option(params)[1], InvocationType=invocation_type)
    qualifier = qualifier_of(params)[0]
    if qualifier is not None:
        request["Qualifier"] = qualifier
    if invocation_type == "DryRun":
        return request  # checks the function and the permission: nothing runs, so nothing else is needed
    log_type = log_type_of(params, invocation_type)[0]
    if log_type is not None:
        request["LogType"] = log_type
    payload = payload_of(params)
    if payload is not None:
        request["Payload"] = payload
    context = client_context_of(params.get("client_context"))
    if context is not None:
        request["ClientContext"] = context
    return request


def dry_run_request(request):
    """The DryRun invocation check mode sends in place of ``request``: the same function, version or alias."""
    checked = dict((k, v) for k, v in request.items() if k in ("FunctionName", "Qualifier"))
    checked["InvocationType"] = "DryRun"
    return checked


def parse_payload(data):
    """A function's answer: the parsed JSON, else the text; None when there is none."""
    if not data:
        return None
    text = data.decode("utf-8", "replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def decode_log(value):
    """The text of a base64-encoded LogResult (as it is when it is not base64); None when there is none."""
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return value


def invocation_result(answer, invocation_type):
    """The task's result keys from an Invoke answer."""
    body = answer.get("Payload")
    data = body.read() if body is not None else b""
    payload = parse_payload(data) if invocation_type == "RequestResponse" else None
    log = decode_log(answer.get("LogResult"))
    status = answer.get("StatusCode")
    return dict(
        invocation_type=invocation_type,
        status_code=status,
        payload=payload,
        function_error=answer.get("FunctionError"),
        executed_version=answer.get("ExecutedVersion"),
        log_result=log,
        result=dict(output=payload if invocation_type == "RequestResponse" else "", logs=log or "", status=status),
    )


def function_error_message(function, result):
    """The task's failure message for a function that failed."""
    payload = result["payload"]
    if isinstance(payload, dict) and (payload.get("errorType") or payload.get("errorMessage")):
        detail = "%s: %s" % (payload.get("errorType") or "Error", payload.get("errorMessage") or "")
    else:
        detail = payload if isinstance(payload, str) else json.dumps(payload)
        if len(detail) > ERROR_DETAIL_MAX:
            detail = detail[:ERROR_DETAIL_MAX] + "..."
    return ("The function %s ran and failed (FunctionError %s): %s. The whole error is in the returned payload; "
            "set fail_on_function_error: false to get it without failing the task."
            % (function, result["function_error"], detail))


def read_timeout_options(aws_config):
    """The botocore client options an invocation needs that ``aws_config`` does not set itself."""
    aws_config = aws_config or {}
    options = {}
    if "read_timeout" not in aws_config:
        options["read_timeout"] = READ_TIMEOUT
    if "tcp_keepalive" not in aws_config:
        options["tcp_keepalive"] = True
    return options


class InvokeClient(LambdaClient):
    """The collection's client, with a read timeout that outlasts a synchronous invocation and a plain
    explanation for a function, version or alias that does not exist."""

    def _client_config(self):
        config = super()._client_config()
        options = read_timeout_options(self.module.params.get("aws_config"))
        return config.merge(Config(**options)) if options else config

    def fail_aws(self, operation, error, prefix=""):
        if operation == "Invoke" and error_code(error) == "ResourceNotFoundException":
            option, function = function_option(self.module.params)
            qualifier = self.module.params.get("qualifier")
            prefix = ("Nothing was invoked: %s %s%s was not found in region %s; check %s, the qualifier and the "
                      "region. " % (option, function, " (qualifier %s)" % qualifier if qualifier else "",
                                    self.client.meta.region_name, option))
        super().fail_aws(operation, error, prefix)


def warnings_for(params, request):
    """What the user should know about the request, though it is valid."""
    warnings = []
    if params.get("client_context") is not None and request["InvocationType"] == "Event":
        warnings.append("client_context: AWS passes the client context to the function for RequestResponse "
                        "invocations only; this Event invocation's function will not see it.")
    return warnings


def run(module, client):
    """Invoke the function (in check mode: a DryRun); the task's result."""
    params = module.params
    request = invoke_request(params)
    for warning in warnings_for(params, request):
        module.warn(warning)
    send = request
    if module.check_mode:
        send = dry_run_request(request)
    answer = client.call("Invoke", **send)
    result = invocation_result(answer, send["InvocationType"])
    result["changed"] = request["InvocationType"] != "DryRun"
    if result["function_error"] and params["fail_on_function_error"]:
        module.fail_json(msg=function_error_message(request["FunctionName"], result), **result)
    return result


def main():
    run_module(ARGUMENT_SPEC, run, client_class=InvokeClient, mutually_exclusive=MUTUALLY_EXCLUSIVE,
               required_one_of=REQUIRED_ONE_OF, validate=validate)


if __name__ == "__main__":
    main()
