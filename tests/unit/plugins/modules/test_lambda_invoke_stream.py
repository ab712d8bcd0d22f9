# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_invoke's response_stream: InvokeWithResponseStream, answered at the HTTP level.

Neither endpoint implements InvokeWithResponseStream (moto answers 404, LocalStack 2026.3.0 has no provider for it),
and Stubber cannot answer an event stream (it validates the answer as a plain structure). So a real botocore client
sends each request (its parameters validated against botocore's model and serialized as AWS receives them) to a
``before-send`` hook, which answers with the bytes AWS sends: an ``application/vnd.amazon.eventstream`` body that
botocore's own parser turns into the EventStream the module reads.
"""

import base64
import binascii
import json
import struct
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ParamValidationError
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import invocation
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FUNCTION_ARN, aws_client

STREAM_PATH = "/2021-11-15/functions/%s/response-streaming-invocations"
PENDING = ("The operation cannot be performed at this time. The function is currently in the following state: "
           "Pending")


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in invocation.ARGUMENT_SPEC.items())
    values.update(function_name="hello", aws_config=None, response_stream=True)
    values.update(options)
    return values


# ------------------------------------------------------------------ the event stream's wire format

def _header(name, value):
    name, value = name.encode(), value.encode()
    return struct.pack("!B", len(name)) + name + b"\x07" + struct.pack("!H", len(value)) + value


def message(event_type, payload=b"", content_type="application/octet-stream", message_type="event"):
    """One event stream message as AWS sends it (prelude, headers, payload, both CRCs)."""
    if message_type == "event":
        headers = _header(":event-type", event_type) + _header(":message-type", "event")
    else:  # an error event: its code and message in the headers
        headers = (_header(":error-code", event_type) + _header(":error-message", payload.decode())
                   + _header(":message-type", "error"))
        payload = b""
    headers += _header(":content-type", content_type)
    prelude = struct.pack("!II", 12 + len(headers) + len(payload) + 4, len(headers))
    prelude += struct.pack("!I", binascii.crc32(prelude) & 0xffffffff)
    body = prelude + headers + payload
    return body + struct.pack("!I", binascii.crc32(body) & 0xffffffff)


def chunk(data):
    return message("PayloadChunk", data)


def complete(**fields):
    return message("InvokeComplete", json.dumps(fields).encode(), "application/json")


class RawBody:
    """What botocore reads an event stream from (urllib3's response): ``stream()`` and ``close()``."""

    def __init__(self, data, split=7, broken=None):
        self.data = data
        self.split = split  # bytes per read: messages arrive cut across reads, as over a network
        self.broken = broken  # raised once the data is read: a connection lost before the stream ended
        self.closed = False

    def stream(self, **_kwargs):
        for start in range(0, len(self.data), self.split):
            yield self.data[start:start + self.split]
        if self.broken is not None:
            raise self.broken

    def read(self, *_args, **_kwargs):
        return self.data

    def close(self):
        self.closed = True


class FakeLambda:
    """A boto3 Lambda client whose requests are answered by the queued answers, in order."""

    def __init__(self):
        self.client = aws_client("lambda")
        self.answers = []
        self.requests = []
        self.bodies = []
        self.client.meta.events.register("before-send", self._send)

    def stream(self, data, status=200, version="$LATEST", broken=None):
        headers = {"Content-Type": "application/vnd.amazon.eventstream", "X-Amz-Executed-Version": version}
        self.answers.append((status, headers, data, broken))

    def error(self, code, text, status):
        self.answers.append((status, {"x-amzn-ErrorType": code, "Content-Type": "application/json"},
                             json.dumps({"Type": "User", "message": text}).encode(), None))

    def _send(self, request, **_kwargs):
        url = urlsplit(request.url)
        headers = dict((k.lower(), v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items())
        self.requests.append(dict(
            method=request.method, path=unquote(url.path), query=parse_qs(url.query),
            invocation_type=headers.get("x-amz-invocation-type"), log_type=headers.get("x-amz-log-type"),
            client_context=headers.get("x-amz-client-context"), body=request.body or b""))
        status, headers, data, broken = self.answers.pop(0)
        body = RawBody(data, broken=broken)
        self.bodies.append(body)
        return AWSResponse(request.url, status, headers, body)


@pytest.fixture
def fake():
    fake = FakeLambda()
    yield fake
    assert fake.answers == [], "answers queued but never asked for"


def run(fake, check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode)
    assert invocation.Invocation.validate(task.params) == []
    return invocation.Invocation.run(task, invocation.InvokeClient(task, client=fake.client)), task


# ------------------------------------------------------------------ the model

def test_the_stream_invocation_types_are_the_models():
    assert sorted(model_enum("ResponseStreamingInvocationType")) == sorted(invocation.STREAM_INVOCATION_TYPES)
    assert invocation.stream_invocation_types() == model_enum("ResponseStreamingInvocationType")


def test_every_field_sent_is_in_the_streams_request_shape(fake):
    model = fake.client.meta.service_model.operation_model("InvokeWithResponseStream").input_shape
    request = invocation.invoke_request(params(qualifier="3", payload={"a": 1}, log_type="Tail",
                                               client_context={"c": 1}))
    assert set(request) <= set(model.members)
    # botocore checks names and types before sending: what the model lacks never reaches the endpoint
    with pytest.raises(ParamValidationError):
        fake.client.invoke_with_response_stream(FunctionName="hello", DurableExecutionName="x")
    assert fake.requests == []


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, named", [
    ({"invocation_type": "Event"}, "invocation_type: Event"),
    ({"wait": False}, "wait: false (invocation_type: Event)"),
])
def test_event_with_response_stream_is_refused_before_any_request(options, named):
    errors = invocation.validate(params(**options))
    assert errors == [
        "response_stream: true cannot be combined with %s: InvokeWithResponseStream takes the invocation types "
        "RequestResponse and DryRun only, as a stream answers a synchronous invocation. Leave response_stream out "
        "to queue the invocation, or invoke with invocation_type: RequestResponse." % named]


@pytest.mark.parametrize("options", [
    {}, {"invocation_type": "RequestResponse"}, {"invocation_type": "DryRun"}, {"dry_run": True}, {"wait": True},
    {"response_stream": False, "invocation_type": "Event"}, {"log_type": "Tail"},
])
def test_valid_stream_options(options):
    assert invocation.validate(params(**options)) == []


def test_response_stream_defaults_to_false():
    assert invocation.ARGUMENT_SPEC["response_stream"] == {"type": "bool", "default": False}


# ------------------------------------------------------------------ run: RequestResponse

def test_the_chunks_are_assembled_and_parsed(fake):
    log = base64.b64encode(u"START\nr\u00e9sum\u00e9\nEND\n".encode()).decode()
    fake.stream(chunk(b'{"rows": [1, ') + chunk(b'2, 3], "caf') + chunk(u"\u00e9\": true}".encode())
                + complete(LogResult=log), version="4")
    result, task = run(fake, qualifier="live", payload={"a": 1}, log_type="Tail", client_context={"c": 1})
    assert fake.requests == [dict(
        method="POST", path=STREAM_PATH % "hello", query={"Qualifier": ["live"]}, invocation_type="RequestResponse",
        log_type="Tail", client_context=base64.b64encode(b'{"c":1}').decode(), body=b'{"a": 1}')]
    payload = {"rows": [1, 2, 3], u"caf\u00e9": True}
    text = u"START\nr\u00e9sum\u00e9\nEND\n"
    assert result == {
        "changed": True, "invocation_type": "RequestResponse", "status_code": 200, "payload": payload,
        "function_error": None, "executed_version": "4", "log_result": text,
        "invoke_complete": {"error_code": None, "error_details": None, "log_result": text},
        "result": {"output": payload, "logs": text, "status": 200},
    }
    assert fake.bodies[0].closed
    assert task.warnings == []


@pytest.mark.parametrize("chunks, payload", [
    ([b'{"a": ', b"1}"], {"a": 1}),
    ([b"data: one\n\n", b"data: two\n\n"], "data: one\n\ndata: two\n\n"),  # server-sent events stay text
    ([b"caf\xc3", b"\xa9"], u"caf\u00e9"),  # a character cut across two chunks
    ([b"42"], 42),
    ([], None),
    ([b""], None),
])
def test_answer_forms(fake, chunks, payload):
    fake.stream(b"".join(chunk(c) for c in chunks) + complete())
    result, _task = run(fake)
    assert result["payload"] == payload
    assert result["result"]["output"] == payload
    assert result["invoke_complete"] == {"error_code": None, "error_details": None, "log_result": None}


def test_a_function_arn_goes_in_the_path(fake):
    fake.stream(chunk(b"1") + complete())
    run(fake, function_name=None, function_arn=FUNCTION_ARN + ":3")
    assert fake.requests[0]["path"] == STREAM_PATH % (FUNCTION_ARN + ":3")
    assert fake.requests[0]["query"] == {}


# ------------------------------------------------------------------ run: function errors

ERROR_DETAILS = json.dumps({"errorMessage": "boom", "errorType": "ValueError", "stackTrace": []})


def test_an_error_in_the_completion_event_fails_the_task(fake):
    fake.stream(chunk(b"partial ") + complete(ErrorCode="Unhandled", ErrorDetails=ERROR_DETAILS))
    with pytest.raises(LambdaError) as failed:
        run(fake)
    assert failed.value.msg == (
        "The function hello ran and failed (InvokeComplete ErrorCode Unhandled): ValueError: boom. The whole error "
        "is in the returned invoke_complete, what it streamed before in payload; set fail_on_function_error: false "
        "to get them without failing the task.")
    result = failed.value.result()
    assert result["changed"] is True
    assert result["function_error"] == "Unhandled"
    assert result["payload"] == "partial "
    assert result["invoke_complete"] == {"error_code": "Unhandled", "error_details": ERROR_DETAILS, "log_result": None}


@pytest.mark.parametrize("details, detail", [
    ("Task timed out after 3.00 seconds", ": Task timed out after 3.00 seconds. "),
    (None, ": (no details). "),
    ('{"errorMessage": "no type"}', ": Error: no type. "),
    ("x" * 2000, ": " + "x" * 1000 + ".... "),
])
def test_error_details_in_other_forms(fake, details, detail):
    fields = dict(ErrorCode="Sandbox.Timedout")
    if details is not None:
        fields["ErrorDetails"] = details
    fake.stream(complete(**fields))
    with pytest.raises(LambdaError) as failed:
        run(fake)
    assert "(InvokeComplete ErrorCode Sandbox.Timedout)" + detail in failed.value.msg


def test_the_error_is_returned_when_asked_not_to_fail(fake):
    fake.stream(chunk(b"{}") + complete(ErrorCode="Unhandled", ErrorDetails=ERROR_DETAILS))
    result, _task = run(fake, fail_on_function_error=False)
    assert result["changed"] is True
    assert result["function_error"] == "Unhandled"
    assert result["invoke_complete"]["error_details"] == ERROR_DETAILS


def test_a_stream_cut_short_fails_the_task(fake):
    fake.stream(chunk(b'{"a": '))
    with pytest.raises(LambdaError) as failed:
        run(fake)
    assert failed.value.msg == ("InvokeWithResponseStream of hello: the event stream ended without its "
                                "InvokeComplete event, so the payload may be cut short; invoke again.")
    assert failed.value.result()["payload"] == '{"a": '


def test_an_error_event_in_the_stream_fails_with_its_code(fake):
    fake.stream(chunk(b"x") + message("ServiceException", b"stream broke", message_type="error"))
    with pytest.raises(LambdaError) as failed:
        run(fake)
    assert failed.value.msg == "InvokeWithResponseStream failed: ServiceException: stream broke"
    assert fake.bodies[0].closed


@pytest.mark.parametrize("broken", [ProtocolError("Connection broken: IncompleteRead(3 bytes read)"),
                                    ReadTimeoutError(None, "/", "Read timed out.")])
def test_a_connection_lost_while_streaming_fails_without_a_traceback(fake, broken):
    fake.stream(chunk(b'{"a": '), broken=broken)
    with pytest.raises(LambdaError) as failed:
        run(fake)
    assert failed.value.msg.startswith("InvokeWithResponseStream failed while reading the event stream: ")
    assert failed.value.msg.endswith("; the function may have run. Invoke again, or raise aws_config's read_timeout "
                                     "for a function that streams slowly.")
    assert failed.value.operation == "InvokeWithResponseStream"
    assert fake.bodies[0].closed


# ------------------------------------------------------------------ DryRun and check mode

@pytest.mark.parametrize("options", [{"invocation_type": "DryRun"}, {"dry_run": True}])
def test_dry_run_changes_nothing(fake, options):
    fake.stream(b"", status=204)
    result, _task = run(fake, qualifier="2", payload={"ignored": True}, **options)
    assert fake.requests[0]["invocation_type"] == "DryRun"
    assert fake.requests[0]["body"] == b""
    assert result["changed"] is False
    assert result["status_code"] == 204
    assert result["payload"] is None
    assert result["invoke_complete"] is None


def test_check_mode_sends_a_dry_run_of_the_stream_and_predicts_a_change(fake):
    fake.stream(b"", status=204)
    result, _task = run(fake, check_mode=True, qualifier="live", payload={"a": 1}, log_type="Tail")
    assert fake.requests == [dict(method="POST", path=STREAM_PATH % "hello", query={"Qualifier": ["live"]},
                                  invocation_type="DryRun", log_type=None, client_context=None, body=b"")]
    assert result["changed"] is True
    assert result["invocation_type"] == "DryRun"
    assert result["status_code"] == 204


# ------------------------------------------------------------------ AWS errors and waiting

def test_a_missing_function_fails_clearly(fake):
    fake.error("ResourceNotFoundException", "Function not found: %s" % FUNCTION_ARN, 404)
    with pytest.raises(LambdaError) as failed:
        run(fake, qualifier="9")
    assert failed.value.msg == (
        "Nothing was invoked: function_name hello (qualifier 9) was not found in region us-east-1; check "
        "function_name, the qualifier and the region. InvokeWithResponseStream failed: ResourceNotFoundException: "
        "Function not found: %s" % FUNCTION_ARN)


def test_a_pending_function_is_waited_for_then_invoked(fake):
    fake.error("ResourceConflictException", PENDING, 409)

    def get_function(state, update):
        configuration = {"FunctionName": "hello", "State": state, "LastUpdateStatus": update}
        fake.answers.append((200, {"Content-Type": "application/json"},
                             json.dumps({"Configuration": configuration}).encode(), None))
    get_function("Pending", "InProgress")  # read first
    get_function("Active", "Successful")  # function_active_v2
    get_function("Active", "Successful")  # function_updated_v2
    fake.stream(chunk(b'"ok"') + complete())
    result, _task = run(fake)
    assert [r["path"] for r in fake.requests] == [STREAM_PATH % "hello"] + ["/2015-03-31/functions/hello"] * 3 + [
        STREAM_PATH % "hello"]
    assert result["payload"] == "ok"


def test_without_response_stream_invoke_is_sent(fake):
    fake.answers.append((200, {"X-Amz-Executed-Version": "$LATEST"}, b'{"a": 1}', None))
    result, _task = run(fake, response_stream=False)
    assert fake.requests[0]["path"] == "/2015-03-31/functions/hello/invocations"
    assert "invoke_complete" not in result
