# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_execute: amazon.aws.lambda_execute's options and results over the invocation resource."""

import base64
import io
import json

import pytest
from botocore.response import StreamingBody

from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_execute
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FUNCTION_ARN, module_args

ERROR = {"errorMessage": "boom", "errorType": "ValueError",
         "stackTrace": ["  File \"/var/task/app.py\", line 2, in handler", "    raise ValueError(\"boom\")"]}


def answer(body=b"", status=200, **headers):
    response = {"StatusCode": status, "Payload": StreamingBody(io.BytesIO(body), len(body))}
    response.update(headers)
    return response


def run_main(capsys, monkeypatch, args, client=None, check_mode=False):
    """main() with the given task arguments; its JSON result. Without ``client``, building one fails the test."""
    if client is not None:
        original = lambda_execute.InvokeClient
        monkeypatch.setattr(lambda_execute, "InvokeClient", lambda module: original(module, client=client))
    else:
        monkeypatch.setattr(lambda_execute, "InvokeClient", lambda module: pytest.fail("no client may be built"))
    args = dict(args, region="us-east-1", access_key="AKIDEXAMPLE", secret_key="wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",
                _ansible_check_mode=check_mode)
    with module_args(args):
        with pytest.raises(SystemExit):
            lambda_execute.main()
    return json.loads(capsys.readouterr().out)


# ------------------------------------------------------------------ bad input, before any client

@pytest.mark.parametrize("args, message", [
    ({}, "one of the following is required: name, function_arn"),
    ({"name": "hello", "function_arn": FUNCTION_ARN}, "parameters are mutually exclusive: name|function_arn"),
    ({"name": "hello", "wait": False, "tail_log": True}, "tail_log: AWS returns the log of an invocation only when the "
                                                         "task waits for the function (wait: true)"),
    ({"name": "hello world"}, "name: hello world is not a function name or ARN"),
    ({"function_arn": "arn:aws:lambda:us-east-1:123456789012:function/hello"}, "function_arn: "),
    ({"name": "hello", "version_qualifier": "a b"}, "version_qualifier: a b is not a version or alias"),
    ({"name": "hello:live", "version_qualifier": "2"}, "version_qualifier: 2 differs from the qualifier live that "
                                                       "name ends in"),
    ({"name": "hello", "payload": "not a dict"}, "payload"),
])
def test_bad_input_fails_before_any_client_is_built(capsys, monkeypatch, args, message):
    result = run_main(capsys, monkeypatch, args)
    assert result["failed"] is True
    assert message in result["msg"], result["msg"]


# ------------------------------------------------------------------ the request sent

@pytest.mark.parametrize("args, request_sent", [
    ({"name": "hello", "payload": {"value": 8}},
     dict(FunctionName="hello", InvocationType="RequestResponse", Payload=b'{"value": 8}')),
    ({"name": "hello"}, dict(FunctionName="hello", InvocationType="RequestResponse")),  # an empty payload is not sent
    ({"function_arn": FUNCTION_ARN, "wait": False, "payload": {"a": 1}},
     dict(FunctionName=FUNCTION_ARN, InvocationType="Event", Payload=b'{"a": 1}')),
    ({"name": "hello", "tail_log": True, "version_qualifier": "live"},
     dict(FunctionName="hello", InvocationType="RequestResponse", LogType="Tail", Qualifier="live")),
    ({"name": "hello", "dry_run": True, "tail_log": True, "payload": {"a": 1}},
     dict(FunctionName="hello", InvocationType="DryRun")),
    ({"name": "hello", "dry_run": True, "wait": False}, dict(FunctionName="hello", InvocationType="DryRun")),
    ({"name": "hello:7"}, dict(FunctionName="hello:7", InvocationType="RequestResponse")),
])
def test_the_invoke_request(capsys, monkeypatch, lambda_stub, args, request_sent):
    status = {"RequestResponse": 200, "Event": 202, "DryRun": 204}[request_sent["InvocationType"]]
    lambda_stub.add_response("invoke", answer(b"{}" if status == 200 else b"", status=status), request_sent)
    result = run_main(capsys, monkeypatch, args, client=lambda_stub.client)
    assert result["changed"] is True
    assert result["result"]["status"] == status


def test_a_synchronous_invocation_returns_the_output_and_the_log(capsys, monkeypatch, lambda_stub):
    log = "START RequestId: 1\nhello\nEND RequestId: 1\n"
    lambda_stub.add_response("invoke", answer(b'{"message": "hello Ann"}', LogResult=base64.b64encode(log.encode()).decode(),
                                              ExecutedVersion="$LATEST"),
                             dict(FunctionName="hello", InvocationType="RequestResponse", LogType="Tail",
                                  Payload=b'{"name": "Ann"}'))
    result = run_main(capsys, monkeypatch, {"name": "hello", "tail_log": True, "payload": {"name": "Ann"}},
                      client=lambda_stub.client)
    assert result["result"] == {"output": {"message": "hello Ann"}, "logs": log, "status": 200}
    # lambda_invoke's own keys are not returned (ansible-core 2.17 adds "invocation", the module arguments)
    assert sorted(key for key in result if key != "invocation") == ["changed", "result"]


@pytest.mark.parametrize("args, status", [({"wait": False}, 202), ({"dry_run": True}, 204)])
def test_event_and_dry_run_return_an_empty_output_and_are_a_change(capsys, monkeypatch, lambda_stub, args, status):
    lambda_stub.add_response("invoke", answer(status=status))
    result = run_main(capsys, monkeypatch, dict(args, name="hello"), client=lambda_stub.client)
    assert result["changed"] is True
    assert result["result"] == {"output": "", "logs": "", "status": status}


def test_check_mode_sends_nothing_and_returns_no_result(capsys, monkeypatch, lambda_stub):
    # The stub has no answer queued: any request would fail the test.
    result = run_main(capsys, monkeypatch, {"name": "hello", "payload": {"a": 1}}, client=lambda_stub.client,
                      check_mode=True)
    assert result["changed"] is True
    assert "result" not in result
    assert result.get("failed") is not True


# ------------------------------------------------------------------ failures

@pytest.mark.parametrize("headers", [{"FunctionError": "Unhandled"}, {}])
def test_a_function_error_fails_with_its_message_type_and_trace(capsys, monkeypatch, lambda_stub, headers):
    # AWS marks the error (FunctionError); an output carrying errorMessage/stackTrace counts as one too, as it
    # does for amazon.aws.lambda_execute.
    lambda_stub.add_response("invoke", answer(json.dumps(ERROR).encode(), **headers))
    result = run_main(capsys, monkeypatch, {"name": "hello"}, client=lambda_stub.client)
    assert result["failed"] is True
    assert result["msg"].startswith("The function hello ran, and returned an error. Message: boom, Type: ValueError, "
                                    "Stack Trace:   File \"/var/task/app.py\", line 2, in handler\n    raise")
    assert result["result"] == {"output": ERROR, "logs": "", "status": 200}


def test_an_output_without_an_error_does_not_fail(capsys, monkeypatch, lambda_stub):
    lambda_stub.add_response("invoke", answer(b'{"errorMessage": "", "statusCode": 500}'))
    result = run_main(capsys, monkeypatch, {"name": "hello"}, client=lambda_stub.client)
    assert result.get("failed") is not True
    assert result["result"]["output"] == {"errorMessage": "", "statusCode": 500}


def test_a_missing_function_names_lambda_execute_options(capsys, monkeypatch, lambda_stub):
    lambda_stub.add_client_error("invoke", "ResourceNotFoundException", "Function not found: %s:3" % FUNCTION_ARN, 404)
    result = run_main(capsys, monkeypatch, {"name": "hello", "version_qualifier": "3"}, client=lambda_stub.client)
    assert result["failed"] is True
    assert result["msg"].startswith("Nothing was invoked: name hello (version_qualifier 3) was not found in region "
                                    "us-east-1; check name, the version_qualifier and the region.")
    assert "result" not in result
