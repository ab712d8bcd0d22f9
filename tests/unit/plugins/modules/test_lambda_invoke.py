# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import base64
import io
import json

import pytest
from botocore.response import StreamingBody

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import invocation
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_invoke
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    module_args,
    count_calls,
    FUNCTION_ARN,
    FakeModule,
    function_configuration,
)

PENDING = ("The operation cannot be performed at this time. The function is currently in the following state: "
           "Pending")


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in invocation.ARGUMENT_SPEC.items())
    values.update(function_name="hello", aws_config=None)
    values.update(options)
    return values


def answer(body=b"", status=200, **headers):
    """An Invoke answer as botocore gives it: the payload as a stream, the headers as fields."""
    response = {"StatusCode": status, "Payload": StreamingBody(io.BytesIO(body), len(body))}
    response.update(headers)
    return response


def task_for(check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode)
    assert invocation.Invocation.validate(task.params) == []
    return task


def run(stub, check_mode=False, **options):
    task = task_for(check_mode=check_mode, **options)
    return invocation.Invocation.run(task, invocation.InvokeClient(task, client=stub.client))


def expect_invoke(stub, response, **request):
    stub.add_response("invoke", response, dict(dict(FunctionName="hello", InvocationType="RequestResponse"),
                                               **request))


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"function_name": "hello world"}, "function_name: hello world is not a function name or ARN"),
    ({"function_name": "x" * 65}, "function_name: "),
    ({"function_name": "hello:"}, "function_name: "),
    ({"function_name": "hello:live:2"}, "function_name: "),
    ({"function_name": "hello.py"}, "function_name: "),
    ({"function_name": "arn:aws:lambda:us-east-1:123456789012:function/hello"}, "function_name: "),
    ({"function_name": "arn:aws:s3:us-east-1:123456789012:function:hello"}, "function_name: "),
    ({"function_name": "arn:aws:lambda:us-east-1:12345:function:hello"}, "function_name: "),
    ({"function_name": None, "function_arn": "arn:aws:lambda:us-east-1:123456789012:hello"}, "function_arn: "),
    ({"qualifier": "has space"}, "qualifier: has space is not a version or alias"),
    ({"qualifier": "1.5"}, "qualifier: 1.5 is not a version or alias"),
    ({"qualifier": "$latest"}, "qualifier: "),
    ({"qualifier": "q" * 129}, "qualifier: "),
    ({"function_name": "hello:live", "qualifier": "2"}, "qualifier: 2 differs from the qualifier live that function_name"),
    ({"wait": False, "invocation_type": "RequestResponse"}, "wait: false contradicts invocation_type: RequestResponse"),
    ({"wait": True, "invocation_type": "Event"}, "wait: true contradicts invocation_type: Event"),
    ({"dry_run": True, "invocation_type": "Event"}, "dry_run: true contradicts invocation_type: Event"),
    ({"dry_run": True, "invocation_type": "RequestResponse"}, "dry_run: true contradicts invocation_type: "),
    ({"dry_run": False, "invocation_type": "DryRun"}, "dry_run: false contradicts invocation_type: DryRun"),
    ({"log_type": "Tail", "invocation_type": "Event"}, "log_type: Tail (tail_log: true) needs a RequestResponse "
                                                       "invocation, and this one is Event"),
    ({"log_type": "Tail", "invocation_type": "DryRun"}, "log_type: Tail (tail_log: true) needs a RequestResponse"),
    ({"tail_log": True, "wait": False}, "log_type: Tail (tail_log: true) needs a RequestResponse invocation, and "
                                        "this one is Event"),
    ({"tail_log": True, "dry_run": True}, "log_type: Tail (tail_log: true) needs a RequestResponse invocation, and "
                                          "this one is DryRun"),
    ({"tail_log": False, "log_type": "Tail"}, "tail_log: false contradicts log_type: Tail"),
    ({"tail_log": True, "log_type": "None"}, "tail_log: true contradicts log_type: None"),
    ({"payload": "{broken"}, "payload: the string given starts like a JSON document but is not valid JSON"),
    ({"payload": "  [1, 2"}, "payload: the string given starts like a JSON document"),
    ({"client_context": {"custom": {"blob": "x" * 2700}}}, "client_context: 3632 bytes once sent as base64-encoded "
                                                           "JSON, more than the 3583 AWS accepts"),
    ({"wait_timeout": 0}, "wait_timeout: 0 seconds; give 1 or more."),
])
def test_validate_names_the_wrong_option(options, start):
    errors = invocation.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


def test_an_arn_with_a_slash_gets_a_hint():
    error = invocation.validate(params(function_name="arn:aws:lambda:us-east-1:123456789012:function/hello"))[0]
    assert "ARNs say function:NAME, not function/NAME." in error


def test_every_problem_is_reported_at_once():
    errors = invocation.validate(params(qualifier="a b", wait=False, invocation_type="RequestResponse",
                                        payload="{x", wait_timeout=-1))
    assert [e.split(":")[0] for e in errors] == ["qualifier", "wait", "payload", "wait_timeout"]


@pytest.mark.parametrize("options", [
    {},
    {"function_name": FUNCTION_ARN},
    {"function_name": FUNCTION_ARN + ":live"},
    {"function_name": FUNCTION_ARN + ":$LATEST"},
    {"function_name": "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:hello"},
    {"function_name": "arn:aws-cn:lambda:cn-north-1:123456789012:function:hello:7"},
    {"function_name": "123456789012:function:hello"},
    {"function_name": "123456789012:function:hello:live"},
    {"function_name": "hello:live"},
    {"function_name": "hello:live", "qualifier": "live"},
    {"function_name": None, "function_arn": FUNCTION_ARN},
    {"function_name": None, "function_arn": "hello"},
    {"qualifier": "$LATEST"},
    {"qualifier": "$LATEST.PUBLISHED"},
    {"qualifier": "12"},
    {"qualifier": "blue-green_2"},
    {"wait": True, "invocation_type": "RequestResponse"},
    {"wait": False, "invocation_type": "Event"},
    {"wait": True, "invocation_type": "DryRun"},
    {"wait": False, "invocation_type": "DryRun"},
    {"dry_run": True, "wait": False},
    {"dry_run": True, "invocation_type": "DryRun"},
    {"dry_run": False, "wait": False},
    {"log_type": "Tail"},
    {"tail_log": True, "wait": True},
    {"tail_log": True, "log_type": "Tail"},
    {"tail_log": False, "invocation_type": "Event"},
    {"log_type": "None", "invocation_type": "Event"},
    {"payload": {}},
    {"payload": "plain text"},
    {"payload": ' {"a": [1, 2]}'},
    {"client_context": {"custom": {"blob": "x" * 2600}}},
])
def test_validate_accepts_valid_options(options):
    assert invocation.validate(params(**options)) == []


# ------------------------------------------------------------------ payload_file

def test_payload_file_is_sent_as_it_is(tmp_path):
    path = tmp_path / "event.json"
    path.write_bytes(b'{\n  "order": 7\n}\n')
    assert invocation.validate(params(payload_file=str(path))) == []
    assert invocation.invoke_request(params(payload_file=str(path)))["Payload"] == b'{\n  "order": 7\n}\n'


@pytest.mark.parametrize("content, problem", [
    (b"order: 7\n", "is not a JSON document"),
    (b"", "is not a JSON document"),
    (b'{"a": 1', "is not a JSON document"),
    (b'\xff\xfe\x00{', "is not a JSON document"),
])
def test_payload_file_that_is_not_json_is_refused(tmp_path, content, problem):
    path = tmp_path / "event.json"
    path.write_bytes(content)
    errors = invocation.validate(params(payload_file=str(path)))
    assert len(errors) == 1
    assert errors[0].startswith("payload_file: %s %s" % (path, problem)), errors[0]
    assert errors[0].endswith("the file must hold the payload as JSON.")


def test_payload_file_missing(tmp_path):
    path = tmp_path / "nope.json"
    assert invocation.validate(params(payload_file=str(path))) == [
        "payload_file: %s does not exist (it is read where the module runs)." % path]


def test_payload_file_that_is_a_directory(tmp_path):
    errors = invocation.validate(params(payload_file=str(tmp_path)))
    assert errors[0].startswith("payload_file: %s cannot be read: " % tmp_path), errors


# ------------------------------------------------------------------ invoke_request

@pytest.mark.parametrize("payload, sent", [
    ({"a": 1, "b": [True, None]}, b'{"a": 1, "b": [true, null]}'),
    ({}, b"{}"),
    ([1, "two"], b'[1, "two"]'),
    ([], b"[]"),
    ("hello", b'"hello"'),
    ("", b'""'),
    ("42", b'"42"'),
    (42, b"42"),
    (0, b"0"),
    (1.5, b"1.5"),
    (True, b"true"),
    (False, b"false"),
    ('{"a": 1}', b'{"a": 1}'),  # a JSON document given as text (a file lookup) is sent as it is
    (' [1,2] ', b' [1,2] '),
    (u"caf\u00e9", b'"caf\\u00e9"'),
])
def test_payload_forms(payload, sent):
    assert invocation.invoke_request(params(payload=payload))["Payload"] == sent


def test_no_payload_sends_none():
    assert invocation.invoke_request(params()) == {"FunctionName": "hello", "InvocationType": "RequestResponse"}


@pytest.mark.parametrize("options, invocation_type", [
    ({}, "RequestResponse"),
    ({"invocation_type": "Event"}, "Event"),
    ({"invocation_type": "DryRun"}, "DryRun"),
    ({"wait": True}, "RequestResponse"),
    ({"wait": False}, "Event"),
    ({"dry_run": True}, "DryRun"),
    ({"dry_run": True, "wait": False}, "DryRun"),
    ({"dry_run": False}, "RequestResponse"),
    ({"dry_run": False, "wait": False}, "Event"),
    ({"wait": False, "invocation_type": "DryRun"}, "DryRun"),
])
def test_invocation_type_from_the_options(options, invocation_type):
    assert invocation.invoke_request(params(**options))["InvocationType"] == invocation_type


@pytest.mark.parametrize("options, log_type", [
    ({}, None),
    ({"log_type": "Tail"}, "Tail"),
    ({"log_type": "None"}, "None"),
    ({"tail_log": True}, "Tail"),
    ({"tail_log": False}, "None"),
    ({"tail_log": True, "log_type": "Tail"}, "Tail"),
])
def test_log_type_from_the_options(options, log_type):
    assert invocation.invoke_request(params(**options)).get("LogType") == log_type


def test_client_context_is_base64_json():
    request = invocation.invoke_request(params(client_context={"custom": {"caller": "ansible"}}))
    assert json.loads(base64.b64decode(request["ClientContext"])) == {"custom": {"caller": "ansible"}}


def test_client_context_at_the_limit_is_accepted():
    # {"c":"xx..."} is 8 bytes + n; base64 of 2685 bytes is 3580 characters, of 2686 bytes 3584.
    assert invocation.validate(params(client_context={"c": "x" * 2677})) == []
    assert len(invocation.client_context_of({"c": "x" * 2677})) == 3580
    assert invocation.validate(params(client_context={"c": "x" * 2678}))[0].startswith("client_context: 3584 bytes")


@pytest.mark.parametrize("options, function, qualifier", [
    ({"qualifier": "live"}, "hello", "live"),
    ({"qualifier": "7"}, "hello", "7"),
    ({"function_name": "hello:live"}, "hello:live", None),
    ({"function_name": "hello:live", "qualifier": "live"}, "hello:live", None),  # said once is enough
    ({"function_name": None, "function_arn": FUNCTION_ARN, "qualifier": "3"}, FUNCTION_ARN, "3"),
    ({"function_name": FUNCTION_ARN + ":3", "qualifier": "3"}, FUNCTION_ARN + ":3", None),
])
def test_function_and_qualifier(options, function, qualifier):
    request = invocation.invoke_request(params(**options))
    assert request["FunctionName"] == function
    assert request.get("Qualifier") == qualifier


def test_dry_run_sends_only_the_function_and_qualifier():
    request = invocation.invoke_request(params(invocation_type="DryRun", qualifier="live", payload={"a": 1},
                                               client_context={"c": 1}))
    assert request == {"FunctionName": "hello", "Qualifier": "live", "InvocationType": "DryRun"}


# ------------------------------------------------------------------ run: RequestResponse

def test_request_response_returns_the_parsed_answer(lambda_stub):
    expect_invoke(lambda_stub, answer(b'{"echo": {"a": 1}}', ExecutedVersion="$LATEST"), Payload=b'{"a": 1}')
    result = run(lambda_stub, payload={"a": 1})
    assert result == {
        "changed": True, "invocation_type": "RequestResponse", "status_code": 200, "payload": {"echo": {"a": 1}},
        "function_error": None, "executed_version": "$LATEST", "log_result": None,
        "result": {"output": {"echo": {"a": 1}}, "logs": "", "status": 200},
    }


@pytest.mark.parametrize("body, payload", [
    (b"[1, 2]", [1, 2]),
    (b'"done"', "done"),
    (b"42", 42),
    (b"4.5", 4.5),
    (b"true", True),
    (b"null", None),
    (b"not json at all", "not json at all"),
    (b"caf\xc3\xa9", u"caf\u00e9"),
    (b"\xff\xfe", u"\ufffd\ufffd"),
    (b"", None),
])
def test_answer_forms(lambda_stub, body, payload):
    expect_invoke(lambda_stub, answer(body))
    result = run(lambda_stub)
    assert result["payload"] == payload
    assert result["result"]["output"] == payload


def test_amazon_aws_option_names_make_the_same_request(lambda_stub):
    log = base64.b64encode(b"START\nhello\nEND\n").decode()
    expect_invoke(lambda_stub, answer(b'{"ok": true}', ExecutedVersion="3", LogResult=log), FunctionName=FUNCTION_ARN,
                  Qualifier="3", LogType="Tail", Payload=b'{"foo": "bar", "value": 8}')
    result = run(lambda_stub, function_name=None, function_arn=FUNCTION_ARN, version_qualifier=None, qualifier="3",
                 wait=True, tail_log=True, dry_run=False, payload={"foo": "bar", "value": 8})
    assert result["result"] == {"output": {"ok": True}, "logs": "START\nhello\nEND\n", "status": 200}
    assert result["executed_version"] == "3"


def test_tail_log_is_decoded(lambda_stub):
    log = base64.b64encode(u"START RequestId: 1\nr\u00e9sum\u00e9\nEND RequestId: 1\n".encode()).decode()
    expect_invoke(lambda_stub, answer(b"{}", LogResult=log), LogType="Tail")
    result = run(lambda_stub, log_type="Tail")
    assert result["log_result"] == u"START RequestId: 1\nr\u00e9sum\u00e9\nEND RequestId: 1\n"
    assert result["result"]["logs"] == result["log_result"]


def test_a_log_that_is_not_base64_is_returned_as_it_is(lambda_stub):
    expect_invoke(lambda_stub, answer(b"{}", LogResult="not base64!"), LogType="Tail")
    assert run(lambda_stub, log_type="Tail")["log_result"] == "not base64!"


def test_alias_reports_the_version_it_resolved_to(lambda_stub):
    expect_invoke(lambda_stub, answer(b"1", ExecutedVersion="4"), Qualifier="live", Payload=b"1")
    result = run(lambda_stub, qualifier="live", payload=1)
    assert result["executed_version"] == "4"


def test_client_context_and_payload_file_are_sent(lambda_stub, tmp_path):
    path = tmp_path / "event.json"
    path.write_bytes(b'["from", "file"]')
    context = base64.b64encode(b'{"custom":{"k":"v"}}').decode()
    expect_invoke(lambda_stub, answer(b'["from", "file"]'), Payload=b'["from", "file"]', ClientContext=context)
    result = run(lambda_stub, payload_file=str(path), client_context={"custom": {"k": "v"}})
    assert result["payload"] == ["from", "file"]


# ------------------------------------------------------------------ run: function errors

ERROR_BODY = json.dumps({"errorMessage": "boom", "errorType": "ValueError",
                         "stackTrace": ["  File \"/var/task/app.py\", line 2, in handler\n"]}).encode()


@pytest.mark.parametrize("kind", ["Unhandled", "Handled"])
def test_function_error_fails_the_task_with_its_type_and_message(lambda_stub, kind):
    expect_invoke(lambda_stub, answer(ERROR_BODY, FunctionError=kind, ExecutedVersion="$LATEST"))
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub)
    assert failed.value.msg.startswith("The function hello ran and failed (FunctionError %s): ValueError: boom. "
                                       % kind)
    assert "fail_on_function_error: false" in failed.value.msg
    kwargs = failed.value.result()
    assert kwargs["function_error"] == kind
    assert kwargs["payload"]["errorType"] == "ValueError"
    assert kwargs["changed"] is True  # the function ran
    assert kwargs["result"]["status"] == 200


def test_function_error_is_returned_when_asked_not_to_fail(lambda_stub):
    expect_invoke(lambda_stub, answer(ERROR_BODY, FunctionError="Unhandled"))
    result = run(lambda_stub, fail_on_function_error=False)
    assert result["changed"] is True
    assert result["function_error"] == "Unhandled"
    assert result["payload"]["errorMessage"] == "boom"


@pytest.mark.parametrize("body, detail", [
    (b"Task timed out after 3.00 seconds", ": Task timed out after 3.00 seconds. "),
    (b'{"errorType": "Runtime.ExitError"}', ": Runtime.ExitError: . "),
    (b'{"errorMessage": "out of memory"}', ": Error: out of memory. "),
    (b'["odd"]', ': ["odd"]. '),
    (b"x" * 2000, ": " + "x" * 1000 + ".... "),
])
def test_function_error_without_the_usual_fields(lambda_stub, body, detail):
    expect_invoke(lambda_stub, answer(body, FunctionError="Unhandled"))
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub)
    assert detail in failed.value.msg


def test_an_answer_that_looks_like_an_error_is_not_one_without_function_error(lambda_stub):
    # A handler may return {"errorMessage": ...} as data; only AWS's FunctionError marks a failure.
    expect_invoke(lambda_stub, answer(ERROR_BODY))
    assert run(lambda_stub)["function_error"] is None


# ------------------------------------------------------------------ run: Event and DryRun

def test_event_invocation_queues_and_returns_no_payload(lambda_stub):
    expect_invoke(lambda_stub, answer(b"", status=202), InvocationType="Event", Payload=b'{"a": 1}')
    result = run(lambda_stub, invocation_type="Event", payload={"a": 1})
    assert result == {
        "changed": True, "invocation_type": "Event", "status_code": 202, "payload": None, "function_error": None,
        "executed_version": None, "log_result": None, "result": {"output": "", "logs": "", "status": 202},
    }


def test_event_ignores_a_body_the_endpoint_sends_anyway(lambda_stub):
    expect_invoke(lambda_stub, answer(b'{"a": 1}', status=202), InvocationType="Event")
    assert run(lambda_stub, wait=False)["payload"] is None


def test_event_with_client_context_warns(lambda_stub):
    context = base64.b64encode(b'{"c":1}').decode()
    expect_invoke(lambda_stub, answer(b"", status=202), InvocationType="Event", ClientContext=context)
    task = task_for(invocation_type="Event", client_context={"c": 1})
    invocation.Invocation.run(task, invocation.InvokeClient(task, client=lambda_stub.client))
    assert task.warnings == ["client_context: AWS passes the client context to the function for RequestResponse "
                             "invocations only; this Event invocation's function will not see it."]


@pytest.mark.parametrize("options", [{"invocation_type": "DryRun"}, {"dry_run": True}])
def test_dry_run_changes_nothing(lambda_stub, options):
    expect_invoke(lambda_stub, answer(b"", status=204), InvocationType="DryRun", Qualifier="2")
    result = run(lambda_stub, qualifier="2", payload={"ignored": True}, **options)
    assert result["changed"] is False
    assert result["status_code"] == 204
    assert result["invocation_type"] == "DryRun"
    assert result["result"] == {"output": "", "logs": "", "status": 204}


# ------------------------------------------------------------------ check mode

@pytest.mark.parametrize("options", [
    {"payload": {"a": 1}, "log_type": "Tail", "client_context": {"c": 1}},
    {"invocation_type": "Event", "payload": [1]},
    {"wait": False},
])
def test_check_mode_sends_one_dry_run_and_predicts_a_change(lambda_stub, options):
    sent = count_calls(lambda_stub.client)
    expect_invoke(lambda_stub, answer(b"", status=204), InvocationType="DryRun", Qualifier="live")
    result = run(lambda_stub, check_mode=True, qualifier="live", **options)
    assert sent == ["Invoke"]
    assert result["changed"] is True
    assert result["invocation_type"] == "DryRun"
    assert result["status_code"] == 204
    assert result["payload"] is None


def test_check_mode_of_a_dry_run_reports_no_change(lambda_stub):
    expect_invoke(lambda_stub, answer(b"", status=204), InvocationType="DryRun")
    assert run(lambda_stub, check_mode=True, dry_run=True)["changed"] is False


def test_check_mode_fails_for_a_missing_function(lambda_stub):
    lambda_stub.add_client_error("invoke", "ResourceNotFoundException",
                                 "Function not found: %s" % FUNCTION_ARN, 404,
                                 expected_params={"FunctionName": "hello", "InvocationType": "DryRun"})
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, check_mode=True, payload={"a": 1})
    assert failed.value.msg.startswith("Nothing was invoked: function_name hello was not found in region us-east-1")


# ------------------------------------------------------------------ AWS errors

def test_missing_function_fails_clearly(lambda_stub):
    lambda_stub.add_client_error("invoke", "ResourceNotFoundException",
                                 "Function not found: %s:9" % FUNCTION_ARN, 404)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, qualifier="9")
    assert failed.value.msg == (
        "Nothing was invoked: function_name hello (qualifier 9) was not found in region us-east-1; check "
        "function_name, the qualifier and the region. Invoke failed: ResourceNotFoundException: Function not "
        "found: %s:9" % FUNCTION_ARN)
    assert failed.value.result()["error"]["code"] == "ResourceNotFoundException"


def test_other_aws_errors_keep_the_client_message(lambda_stub):
    lambda_stub.add_client_error("invoke", "AccessDeniedException", "not authorized to perform lambda:InvokeFunction",
                                 403)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, function_name=None, function_arn=FUNCTION_ARN)
    assert failed.value.msg == ("Invoke failed: AccessDeniedException: not authorized to perform "
                                "lambda:InvokeFunction")


def test_a_conflict_that_is_not_about_readiness_fails_at_once(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("invoke", "ResourceConflictException", "Something else conflicts", 409)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub)
    assert sent == ["Invoke"]
    assert failed.value.msg == "Invoke failed: ResourceConflictException: Something else conflicts"


# ------------------------------------------------------------------ waiting for a function that is not ready

def get_function(state="Active", update="Successful", **fields):
    return {"Configuration": function_configuration(State=state, LastUpdateStatus=update, **fields)}


def test_a_pending_function_is_waited_for_then_invoked(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("invoke", "ResourceConflictException", PENDING, 409,
                                 expected_params={"FunctionName": "hello", "InvocationType": "RequestResponse",
                                                  "Payload": b"{}"})
    lambda_stub.add_response("get_function", get_function("Pending", "InProgress"), {"FunctionName": "hello"})
    lambda_stub.add_response("get_function", get_function("Pending", "InProgress"), {"FunctionName": "hello"})
    lambda_stub.add_response("get_function", get_function(), {"FunctionName": "hello"})  # function_active_v2
    lambda_stub.add_response("get_function", get_function(), {"FunctionName": "hello"})  # function_updated_v2
    expect_invoke(lambda_stub, answer(b"{}"), Payload=b"{}")
    result = run(lambda_stub, payload={})
    assert sent == ["Invoke", "GetFunction", "GetFunction", "GetFunction", "GetFunction", "Invoke"]
    assert result["status_code"] == 200
    assert sleeps  # the waiter paused between its reads


def test_a_pending_version_behind_an_alias_is_waited_for_then_invoked(lambda_stub):
    sent = count_calls(lambda_stub.client)
    key = {"FunctionName": "hello", "Qualifier": "live"}
    lambda_stub.add_client_error("invoke", "ResourceConflictException", PENDING, 409,
                                 expected_params=dict(key, InvocationType="RequestResponse", Payload=b'"go"'))
    lambda_stub.add_response("get_function_configuration", function_configuration(State="Pending", Version="5"), key)
    lambda_stub.add_response("get_function_configuration", function_configuration(State="Active", Version="5"), key)
    expect_invoke(lambda_stub, answer(b'"went"', ExecutedVersion="5"), Qualifier="live", Payload=b'"go"')
    result = run(lambda_stub, qualifier="live", payload="go")
    assert sent == ["Invoke", "GetFunctionConfiguration", "GetFunctionConfiguration", "Invoke"]
    assert result["payload"] == "went"
    assert result["executed_version"] == "5"


def test_a_pending_function_is_waited_for_in_check_mode_too(lambda_stub):
    sent = count_calls(lambda_stub.client)
    key = {"FunctionName": "hello", "Qualifier": "3"}
    lambda_stub.add_client_error("invoke", "ResourceConflictException", PENDING, 409,
                                 expected_params=dict(key, InvocationType="DryRun"))
    lambda_stub.add_response("get_function_configuration", function_configuration(State="Active", Version="3"), key)
    expect_invoke(lambda_stub, answer(b"", status=204), InvocationType="DryRun", Qualifier="3")
    result = run(lambda_stub, check_mode=True, qualifier="3")
    assert sent == ["Invoke", "GetFunctionConfiguration", "Invoke"]
    assert result["changed"] is True


def test_a_qualifier_in_the_name_is_waited_for_through_the_name(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("invoke", "ResourceConflictException", PENDING, 409)
    lambda_stub.add_response("get_function", get_function("Active", Version="2"), {"FunctionName": "hello:2"})
    expect_invoke(lambda_stub, answer(b"1"), FunctionName="hello:2")
    assert run(lambda_stub, function_name="hello:2")["payload"] == 1
    assert sent == ["Invoke", "GetFunction", "Invoke"]


def test_a_function_that_fails_to_become_active_fails_the_task(lambda_stub):
    key = {"FunctionName": "hello", "Qualifier": "live"}
    lambda_stub.add_client_error("invoke", "ResourceConflictException", PENDING, 409)
    lambda_stub.add_response("get_function_configuration", function_configuration(
        State="Failed", StateReason="The role cannot be assumed", StateReasonCode="InvalidConfiguration"), key)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, qualifier="live")
    assert failed.value.msg == ("Waiting for hello (published_version_active) did not succeed: The role cannot be "
                                "assumed")


# ------------------------------------------------------------------ the client's read timeout

@pytest.mark.parametrize("aws_config, options", [
    (None, {"read_timeout": 1860, "tcp_keepalive": True}),
    ({}, {"read_timeout": 1860, "tcp_keepalive": True}),
    ({"read_timeout": 30}, {"tcp_keepalive": True}),
    ({"read_timeout": 30, "tcp_keepalive": False}, {}),
])
def test_read_timeout_options(aws_config, options):
    assert invocation.read_timeout_options(aws_config) == options


@pytest.mark.parametrize("aws_config, read_timeout, keepalive", [
    (None, 1860, True),
    ({"read_timeout": 5, "connect_timeout": 2}, 5, True),
    ({"tcp_keepalive": False}, 1860, False),
])
def test_the_client_waits_long_enough_for_an_answer(aws_config, read_timeout, keepalive):
    client = invocation.InvokeClient.__new__(invocation.InvokeClient)
    client.module = FakeModule(aws_config=aws_config, retry_mode="standard", retry_max_attempts=3)
    client._connection = client.module.params  # pylint: disable=protected-access
    config = client._client_config()  # pylint: disable=protected-access
    assert config.read_timeout == read_timeout
    assert config.tcp_keepalive is keepalive
    assert config.retries == {"mode": "standard", "total_max_attempts": 3}


# ------------------------------------------------------------------ main(): AnsibleModule's own checks

def run_main(capsys, monkeypatch, args, client=None):
    """main() with the given task arguments; its JSON result (failed or not)."""
    if client is not None:
        original = lambda_invoke.InvokeClient
        monkeypatch.setattr(lambda_invoke, "InvokeClient", lambda module: original(module, client=client))
    else:
        monkeypatch.setattr(lambda_invoke, "InvokeClient", lambda module: pytest.fail("no client may be built"))
    with module_args(dict(args, region="us-east-1", access_key="AKIDEXAMPLE", secret_key="wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY")):
        with pytest.raises(SystemExit):
            lambda_invoke.main()
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("args, message", [
    ({"function_name": "hello", "payload": {"a": 1}, "payload_file": "/tmp/event.json"},
     "parameters are mutually exclusive: payload|payload_file"),
    ({"name": "hello", "function_arn": FUNCTION_ARN}, "parameters are mutually exclusive: function_name|function_arn"),
    ({"payload": {"a": 1}}, "one of the following is required: function_name, function_arn"),
    ({"function_name": "hello", "invocation_type": "Async"}, "value of invocation_type must be one of: "
                                                             "RequestResponse, Event, DryRun, got: Async"),
    ({"function_name": "hello", "log_type": "Full"}, "value of log_type must be one of: None, Tail, got: Full"),
    ({"function_name": "hello", "client_context": "not a dict"}, "client_context"),
    ({"function_name": "hello", "client_context": ["a"]}, "client_context"),
    ({"function_name": "hello", "wait": False, "invocation_type": "RequestResponse"},
     "wait: false contradicts invocation_type: RequestResponse"),
    ({"function_name": "hello", "wait": False, "tail_log": True},
     "log_type: Tail (tail_log: true) needs a RequestResponse invocation, and this one is Event"),
    ({"function_name": "hello", "response_stream": True, "invocation_type": "Event"},
     "response_stream: true cannot be combined with invocation_type: Event: InvokeWithResponseStream takes"),
    ({"function_name": "hello", "response_stream": "maybe"}, "response_stream"),
])
def test_bad_input_fails_before_any_client_is_built(capsys, monkeypatch, args, message):
    result = run_main(capsys, monkeypatch, args)
    assert result["failed"] is True
    assert message in result["msg"], result["msg"]


def test_main_with_amazon_aws_options(capsys, monkeypatch, lambda_stub):
    expect_invoke(lambda_stub, answer(b'{"value": 8}', ExecutedVersion="2"), Qualifier="2",
                  InvocationType="RequestResponse", LogType="None", Payload=b'{"value": 8}')
    result = run_main(capsys, monkeypatch, {"name": "hello", "version_qualifier": 2, "wait": True, "tail_log": False,
                                            "payload": {"value": 8}}, client=lambda_stub.client)
    assert result["changed"] is True
    assert result["result"] == {"output": {"value": 8}, "logs": "", "status": 200}
    assert result["payload"] == {"value": 8}


def test_main_payload_string_from_a_file_lookup(capsys, monkeypatch, lambda_stub):
    expect_invoke(lambda_stub, answer(b'{"k": [1]}'), Payload=b'{"k": [1]}\n')
    result = run_main(capsys, monkeypatch, {"function_name": "hello", "payload": '{"k": [1]}\n'},
                      client=lambda_stub.client)
    assert result["payload"] == {"k": [1]}


def test_main_function_error(capsys, monkeypatch, lambda_stub):
    expect_invoke(lambda_stub, answer(ERROR_BODY, FunctionError="Unhandled"))
    result = run_main(capsys, monkeypatch, {"function_name": "hello"}, client=lambda_stub.client)
    assert result["failed"] is True
    assert result["msg"].startswith("The function hello ran and failed (FunctionError Unhandled): ValueError: boom.")
    assert result["payload"]["errorType"] == "ValueError"


# ------------------------------------------------------------------ tenant_id

def test_tenant_id_is_sent(lambda_stub):
    expect_invoke(lambda_stub, answer(b'"ok"'), TenantId="blue")
    assert run(lambda_stub, tenant_id="blue")["payload"] == "ok"


def test_check_mode_dry_run_carries_the_tenant_id(lambda_stub):
    sent = count_calls(lambda_stub.client)
    expect_invoke(lambda_stub, answer(b"", status=204), InvocationType="DryRun", TenantId="blue")
    assert run(lambda_stub, check_mode=True, tenant_id="blue", payload={"a": 1})["changed"] is True
    assert sent == ["Invoke"]


@pytest.mark.parametrize("value", ["", "x" * 257, "no#hash", "tab\there"])
def test_a_bad_tenant_id_is_refused_before_any_request(value):
    problems = invocation.Invocation.validate(params(tenant_id=value))
    assert len(problems) == 1 and problems[0].startswith("tenant_id: ")


@pytest.mark.parametrize("value", ["blue", "x" * 256, "a.b_c:d/e=f+g-h@i j"])
def test_a_valid_tenant_id_is_accepted(value):
    assert invocation.Invocation.validate(params(tenant_id=value)) == []


def test_lambda_execute_does_not_take_tenant_id():
    assert "tenant_id" not in invocation.EXECUTE_ARGUMENT_SPEC
