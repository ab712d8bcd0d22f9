# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""One invocation of a function, version or alias (lambda_invoke): an action, not a converging resource.

From the options (lambda_invoke's names, which include amazon.aws.lambda_execute's) come one Invoke
request: the invocation type, the log type, the payload (JSON), the client context (base64 JSON) and
the qualifier. Check mode sends a DryRun of the same function, version or alias instead. A function
that AWS is still creating is waited for by the client (its "not ready" conflict), and then invoked.
The answer becomes the task's result: the parsed payload, the decoded log tail, the status code.
With ``response_stream`` the request is an InvokeWithResponseStream instead (RequestResponse or DryRun; the
model has no Event for it): its event stream is read to the end, the PayloadChunk events assembled into the
payload and the InvokeComplete event returned (an ErrorCode in it is the function's error).
:class:`InvokeClient` gives the client a read timeout that outlasts a synchronous invocation.

:class:`Execution` is the same invocation with amazon.aws.lambda_execute's options and results
(``EXECUTE_ARGUMENT_SPEC``): an adapter that turns its options into lambda_invoke's, sends nothing in
check mode and fails on the error a function reports as that module does.
"""

import base64
import binascii
import json

try:
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError
    from urllib3.exceptions import HTTPError as TransportError  # botocore reads an event stream with urllib3
except ImportError:
    pass  # run_module fails the task saying boto3 and botocore are needed

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import errors
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import (
    LambdaClient,
    fits_model_string,
    model_enum,
    model_range,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import INVOKE_FUNCTION_REF, INVOKE_QUALIFIER
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import spec_defaults
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource


# The choices of the argument spec are written out, as the documentation must give them even where botocore is
# missing; a unit test holds them equal to botocore's model (shapes InvocationType and LogType).
INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"]
LOG_TYPES = ["None", "Tail"]
# The invocation types InvokeWithResponseStream takes (shape ResponseStreamingInvocationType; the model's where
# botocore has it, as a unit test holds).
STREAM_INVOCATION_TYPES = ["RequestResponse", "DryRun"]
STREAM_OPERATION = "InvokeWithResponseStream"


ARGUMENT_SPEC = dict(
    function_name=dict(type="str", aliases=["name"]),
    function_arn=dict(type="str"),
    qualifier=dict(type="str", aliases=["version_qualifier"]),
    payload=dict(type="raw"),
    payload_file=dict(type="path"),
    invocation_type=dict(type="str", choices=INVOCATION_TYPES),
    log_type=dict(type="str", choices=LOG_TYPES),
    tail_log=dict(type="bool"),
    client_context=dict(type="dict"),
    fail_on_function_error=dict(type="bool", default=True),
    wait=dict(type="bool"),
    dry_run=dict(type="bool"),
    wait_timeout=dict(type="int", default=600),
    response_stream=dict(type="bool", default=False),
    tenant_id=dict(type="str"),
)
MUTUALLY_EXCLUSIVE = [["function_name", "function_arn"], ["payload", "payload_file"]]
REQUIRED_ONE_OF = [["function_name", "function_arn"]]

CLIENT_CONTEXT_MAX = 3583  # bytes, base64-encoded (AWS's limit; botocore's model does not carry it)
# A synchronous invocation may last up to 30 minutes, and AWS advises a client read timeout longer than the
# function's timeout with TCP keep-alive on; botocore's own read timeout is 60 seconds.
READ_TIMEOUT = 1860
ERROR_DETAIL_MAX = 1000  # characters of a non-standard error payload quoted in the failure message


def function_option(params):
    """The option that names the function (function_name or function_arn) and its value."""
    if params.get("function_arn") is not None:
        return "function_arn", params["function_arn"]
    return "function_name", params.get("function_name")


def function_ref_match(value):
    """The match of ``value`` as a function AWS can invoke (names.INVOKE_FUNCTION_REF), None when it is not one."""
    longest = model_range("NamespacedFunctionName")[1]
    if value is None or (longest is not None and len(value) > longest):
        return None
    return INVOKE_FUNCTION_REF.match(value)


def function_ref_error(option, value):
    """Why ``value`` is not a function AWS can invoke (None when it is)."""
    if function_ref_match(value):
        return None
    hint = " ARNs say function:NAME, not function/NAME." if value and "function/" in value else ""
    return ("%s: %s is not a function name or ARN (NAME, ACCOUNT:function:NAME or "
            "arn:aws:lambda:REGION:ACCOUNT:function:NAME, with a name of 1 to 64 letters, digits, - and _, optionally "
            "followed by :VERSION or :ALIAS).%s" % (option, value, hint))


def invocation_type_of(params):
    """(the InvocationType the options ask for, the errors of contradicting options)."""
    explicit, wait, dry_run = params.get("invocation_type"), params.get("wait"), params.get("dry_run")
    errors_found = []
    if dry_run and explicit not in (None, "DryRun"):
        errors_found.append("dry_run: true contradicts invocation_type: %s; give only one of them." % explicit)
    if dry_run is False and explicit == "DryRun":
        errors_found.append("dry_run: false contradicts invocation_type: DryRun; give only one of them.")
    if wait is not None and explicit in ("RequestResponse", "Event") and wait != (explicit == "RequestResponse"):
        errors_found.append("wait: %s contradicts invocation_type: %s (wait: true means RequestResponse, wait: false "
                            "means Event); give only one of them." % (str(wait).lower(), explicit))
    if explicit:
        return explicit, errors_found
    if dry_run:
        return "DryRun", errors_found
    return ("Event" if wait is False else "RequestResponse"), errors_found


def log_type_of(params, invocation_type):
    """(the LogType to send, None for none; the errors)."""
    log_type, tail_log = params.get("log_type"), params.get("tail_log")
    errors_found = []
    if log_type is not None and tail_log is not None and tail_log != (log_type == "Tail"):
        errors_found.append("tail_log: %s contradicts log_type: %s (tail_log: true means log_type: Tail); give only "
                            "one of them." % (str(tail_log).lower(), log_type))
    wanted = log_type or ({True: "Tail", False: "None"}.get(tail_log))
    if wanted == "Tail" and invocation_type != "RequestResponse":
        errors_found.append("log_type: Tail (tail_log: true) needs a RequestResponse invocation, and this one is %s: "
                            "AWS returns the log of synchronous invocations only. Leave the log out, or invoke with "
                            "invocation_type: RequestResponse (wait: true)." % invocation_type)
    return wanted, errors_found


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


def label_of(option, labels=None):
    """The name the user wrote for ``option``: ``labels`` maps an option of lambda_invoke to its name in another
    module over the same invocation (lambda_execute's ``name`` and ``version_qualifier``)."""
    return (labels or {}).get(option, option)


def qualifier_of(params, labels=None):
    """(the Qualifier to send, None for none; the errors). The qualifier may be given in the function's name."""
    option, function = function_option(params)
    option, qualifier_option = label_of(option, labels), label_of("qualifier", labels)
    qualifier = params.get("qualifier")
    if qualifier is not None and not INVOKE_QUALIFIER.match(qualifier):
        return None, ["%s: %s is not a version or alias (a version number, $LATEST, or an alias name of 1 to "
                      "128 letters, digits, - and _)." % (qualifier_option, qualifier)]
    match = function_ref_match(function)
    in_name = match.group("qualifier") if match else None
    if in_name is not None and qualifier is not None:
        if in_name != qualifier:
            return None, ["%s: %s differs from the qualifier %s that %s ends in; give the version or alias in "
                          "one place." % (qualifier_option, qualifier, in_name, option)]
        return None, []  # the name carries it already
    return qualifier, []


def tenant_id_error(value):
    """Why ``value`` is not a tenant identifier AWS accepts (shape TenantId of botocore's model), None when it is."""
    if value is None:
        return None
    if fits_model_string(value, "TenantId"):
        return None
    low, high = model_range("TenantId")
    return ("tenant_id: %r is not a tenant identifier AWS accepts (%s to %s characters: letters, digits, spaces "
            "and . _ : / = + - @)." % (value, low, high))


def validate(params, labels=None):
    """Local checks of the options; a list of error messages (empty when all is well).

    ``labels``: the names the messages give options (see :func:`label_of`)."""
    errors_found = []
    option, function = function_option(params)
    problem = function_ref_error(label_of(option, labels), function)
    if problem:
        errors_found.append(problem)
    else:
        errors_found.extend(qualifier_of(params, labels)[1])
    invocation_type, type_errors = invocation_type_of(params)
    errors_found.extend(type_errors)
    errors_found.extend(log_type_of(params, invocation_type)[1])
    for check, value in ((payload_of, params), (client_context_of, params.get("client_context"))):
        try:
            check(value)
        except ValueError as e:
            errors_found.append(str(e))
    if params.get("wait_timeout") is not None and params["wait_timeout"] < 1:
        errors_found.append("wait_timeout: %s seconds; give 1 or more." % params["wait_timeout"])
    errors_found.extend(stream_errors(params, invocation_type))
    problem = tenant_id_error(params.get("tenant_id"))
    if problem:
        errors_found.append(problem)
    return errors_found


def stream_invocation_types():
    """The invocation types InvokeWithResponseStream takes: botocore's model's, else the written-out list."""
    return model_enum("ResponseStreamingInvocationType") or STREAM_INVOCATION_TYPES


def stream_errors(params, invocation_type):
    """Why ``response_stream`` cannot go with the invocation type asked for (empty when it can)."""
    if not params.get("response_stream") or invocation_type in stream_invocation_types():
        return []
    asked = ("invocation_type: %s" % invocation_type if params.get("invocation_type")
             else "wait: false (invocation_type: %s)" % invocation_type)
    return ["response_stream: true cannot be combined with %s: InvokeWithResponseStream takes the invocation types "
            "%s only, as a stream answers a synchronous invocation. Leave response_stream out to queue the "
            "invocation, or invoke with invocation_type: RequestResponse." % (asked, " and ".join(
                stream_invocation_types()))]


def invoke_request(params):
    """The Invoke request the options ask for. Expects valid options."""
    invocation_type = invocation_type_of(params)[0]
    request = dict(FunctionName=function_option(params)[1], InvocationType=invocation_type)
    qualifier = qualifier_of(params)[0]
    if qualifier is not None:
        request["Qualifier"] = qualifier
    if params.get("tenant_id") is not None:
        request["TenantId"] = params["tenant_id"]
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
    checked = dict((k, v) for k, v in request.items() if k in ("FunctionName", "Qualifier", "TenantId"))
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


def stream_result(answer, invocation_type):
    """The task's result keys from an InvokeWithResponseStream answer, its event stream read to the end.

    The PayloadChunk events are joined into the payload (parsed as :func:`invocation_result` parses Invoke's);
    the InvokeComplete event becomes ``invoke_complete`` (None when the stream ended without one: a DryRun, or a
    stream cut short), its ErrorCode ``function_error`` and its decoded LogResult ``log_result``."""
    chunks, complete = [], None
    stream = answer.get("EventStream")
    if stream is not None:
        try:
            for event in stream:
                if "PayloadChunk" in event:
                    chunks.append(event["PayloadChunk"].get("Payload") or b"")
                elif "InvokeComplete" in event:
                    complete = event["InvokeComplete"]
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
    data = b"".join(chunks)
    payload = parse_payload(data) if invocation_type == "RequestResponse" else None
    invoke_complete = None
    if complete is not None:
        invoke_complete = dict(error_code=complete.get("ErrorCode"), error_details=complete.get("ErrorDetails"),
                               log_result=decode_log(complete.get("LogResult")))
    log = invoke_complete["log_result"] if invoke_complete else None
    status = answer.get("StatusCode")
    return dict(
        invocation_type=invocation_type,
        status_code=status,
        payload=payload,
        function_error=invoke_complete["error_code"] if invoke_complete else None,
        executed_version=answer.get("ExecutedVersion"),
        log_result=log,
        invoke_complete=invoke_complete,
        result=dict(output=payload if invocation_type == "RequestResponse" else "", logs=log or "", status=status),
    )


def stream_error_message(function, result):
    """The task's failure message for a function whose stream ended with an error (InvokeComplete's ErrorCode)."""
    complete = result["invoke_complete"]
    details = complete.get("error_details")
    try:
        parsed = json.loads(details) if details else None
    except ValueError:
        parsed = None
    if isinstance(parsed, dict) and (parsed.get("errorType") or parsed.get("errorMessage")):
        detail = "%s: %s" % (parsed.get("errorType") or "Error", parsed.get("errorMessage") or "")
    else:
        detail = details or "(no details)"
        if len(detail) > ERROR_DETAIL_MAX:
            detail = detail[:ERROR_DETAIL_MAX] + "..."
    return ("The function %s ran and failed (InvokeComplete ErrorCode %s): %s. The whole error is in the returned "
            "invoke_complete, what it streamed before in payload; set fail_on_function_error: false to get them "
            "without failing the task." % (function, complete["error_code"], detail))


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


def not_found_prefix(params, region, labels=None):
    """What a ResourceNotFoundException answered to Invoke means: the function, version or alias is not there."""
    option, function = function_option(params)
    option = label_of(option, labels)
    qualifier = params.get("qualifier")
    return ("Nothing was invoked: %s %s%s was not found in region %s; check %s, the %s and the region. "
            % (option, function, " (%s %s)" % (label_of("qualifier", labels), qualifier) if qualifier else "", region,
               option, label_of("qualifier", labels)))


def warnings_for(params, request):
    """What the user should know about the request, though it is valid."""
    warnings = []
    if params.get("client_context") is not None and request["InvocationType"] == "Event":
        warnings.append("client_context: AWS passes the client context to the function for RequestResponse "
                        "invocations only; this Event invocation's function will not see it.")
    return warnings


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
    """The collection's client, with a read timeout that outlasts a synchronous invocation."""

    def _client_config(self):
        config = super()._client_config()
        options = read_timeout_options(self._connection.get("aws_config"))
        return config.merge(Config(**options)) if options else config


class Invocation(Resource):
    """One Invoke of the function, version or alias the options name (a DryRun in check mode).

    Built from a task with lambda_invoke's options; the client should be an :class:`InvokeClient`.
    """

    kind = "invocation"
    labels = None  # the names another module gives the options, in the messages (see label_of)

    @classmethod
    def validate(cls, params):
        return validate(params)

    def converge(self):
        """Invoke (in check mode: a DryRun); the task's result. An invocation is never idempotent: changed
        unless it is a DryRun. A function that failed raises, with the result, unless fail_on_function_error
        is false."""
        params = self.params
        request = invoke_request(params)
        for warning in warnings_for(params, request):
            self.task.warn(warning)
        send = dry_run_request(request) if self.task.check_mode else request
        region = self.client.client.meta.region_name
        streamed = bool(params.get("response_stream"))
        operation = STREAM_OPERATION if streamed else "Invoke"
        with errors.failure_context(not_found_prefix(params, region, self.labels), codes=["ResourceNotFoundException"],
                                    operations=[operation]):
            answer = self.client.call(operation, **send)
            if streamed:
                result = self.read_stream(answer, send["InvocationType"])
            else:
                result = invocation_result(answer, send["InvocationType"])
        result["changed"] = request["InvocationType"] != "DryRun"
        if streamed and send["InvocationType"] == "RequestResponse" and result["invoke_complete"] is None:
            message = ("%s of %s: the event stream ended without its InvokeComplete event, so the payload may be cut "
                       "short; invoke again." % (STREAM_OPERATION, request["FunctionName"]))
            raise errors.LambdaError(message, STREAM_OPERATION, **result)
        if result["function_error"] and params["fail_on_function_error"]:
            message = (stream_error_message if streamed else function_error_message)(request["FunctionName"], result)
            raise errors.LambdaError(message, **result)
        return result

    @staticmethod
    def read_stream(answer, invocation_type):
        """:func:`stream_result`, with an error AWS sends inside the stream (or a broken connection) raised as the
        collection's errors."""
        try:
            return stream_result(answer, invocation_type)
        except ClientError as e:  # botocore's EventStreamError: an error event in the stream
            raise errors.aws_error(STREAM_OPERATION, e) from None
        except (BotoCoreError, TransportError) as e:  # a connection lost or timed out while the stream came
            raise errors.LambdaError("%s failed while reading the event stream: %s; the function may have run. "
                                     "Invoke again, or raise aws_config's read_timeout for a function that streams "
                                     "slowly." % (STREAM_OPERATION, e), STREAM_OPERATION) from None


# ------------------------------------------------------------------------- lambda_execute (amazon.aws's form)

# The options of lambda_execute: amazon.aws.lambda_execute's, with its names and defaults.
EXECUTE_ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    function_arn=dict(type="str"),
    wait=dict(type="bool", default=True),
    tail_log=dict(type="bool", default=False),
    dry_run=dict(type="bool", default=False),
    version_qualifier=dict(type="str"),
    payload=dict(type="dict", default={}),
)
EXECUTE_MUTUALLY_EXCLUSIVE = [["name", "function_arn"]]
EXECUTE_REQUIRED_ONE_OF = [["name", "function_arn"]]
# lambda_invoke's option -> its name in lambda_execute (for the messages of validate)
EXECUTE_LABELS = dict(function_name="name", qualifier="version_qualifier")


def invoke_options(params):
    """lambda_invoke's options for the invocation a lambda_execute task asks for.

    dry_run wins over wait; the log is asked for only for a synchronous invocation; an empty payload is not
    sent (the function gets AWS's empty event, as with amazon.aws.lambda_execute). A function's error does not
    raise here: :meth:`Execution.converge` fails on it the way lambda_execute does.
    """
    if params.get("dry_run"):
        invocation_type = "DryRun"
    else:
        invocation_type = "RequestResponse" if params.get("wait", True) else "Event"
    options = spec_defaults(ARGUMENT_SPEC)
    options.update(
        function_name=params.get("name"),
        function_arn=params.get("function_arn"),
        qualifier=params.get("version_qualifier"),
        payload=params.get("payload") or None,
        invocation_type=invocation_type,
        log_type="Tail" if params.get("tail_log") and invocation_type == "RequestResponse" else None,
        fail_on_function_error=False,
    )
    return options


def execute_errors(params):
    """Local checks of lambda_execute's options; a list of error messages naming its options."""
    problems = []
    if params.get("tail_log") and not params.get("wait", True):
        problems.append("tail_log: AWS returns the log of an invocation only when the task waits for the function "
                        "(wait: true); set wait: true or leave tail_log out.")
    problems.extend(validate(invoke_options(params), EXECUTE_LABELS))
    return problems


def reported_error(output, function_error=None):
    """Whether an answer is a function's error: AWS said so (FunctionError), or the output carries an
    ``errorMessage`` or ``stackTrace`` (what lambda_execute has always failed on)."""
    if function_error:
        return True
    return isinstance(output, dict) and bool(output.get("errorMessage") or output.get("stackTrace"))


def execute_error_message(function, output):
    """lambda_execute's failure message for a function's error: its message, type and stack trace."""
    output = output if isinstance(output, dict) else {"errorMessage": output}
    trace = output.get("stackTrace") or []
    if isinstance(trace, list):
        trace = "\n".join(str(line) for line in trace)
    return ("The function %s ran, and returned an error. Message: %s, Type: %s, Stack Trace: %s"
            % (function, output.get("errorMessage"), output.get("errorType"), trace))


class Execution(Resource):
    """One invocation with lambda_execute's options (EXECUTE_ARGUMENT_SPEC), sent as an :class:`Invocation`.

    Check mode sends nothing and returns no ``result``, as amazon.aws.lambda_execute does; every invocation
    is a change, the dry run too. The client should be an :class:`InvokeClient`.
    """

    kind = "invocation"

    @classmethod
    def validate(cls, params):
        return execute_errors(params)

    def converge(self):
        if self.task.check_mode:
            return dict(changed=True)
        options = invoke_options(self.params)
        invocation = Invocation(self.task.with_params(options), self.client)
        invocation.labels = EXECUTE_LABELS
        answered = invocation.converge()
        shown = answered["result"]
        if reported_error(shown["output"], answered["function_error"]):
            raise errors.LambdaError(execute_error_message(function_option(options)[1], shown["output"]),
                                     result=shown)
        return dict(changed=True, result=shown)
