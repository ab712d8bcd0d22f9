# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The module boundary: how an exception becomes the task's failure (runner.run_module)."""

import json

import boto3
import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import runner
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import (
    AwsError,
    Conflict,
    InvalidInput,
    LambdaError,
    NotFound,
    StaleRevision,
    aws_error,
    failure_context,
)
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FUNCTION_ARN, function_configuration, module_args

ARGS = dict(access_key="stub-access-key", secret_key="stub-secret-key", region="us-east-1")


@pytest.fixture
def run(lambda_stub, monkeypatch, capsys):
    """run(task_function, **args): run_module with a one-option spec; (exit code, printed result)."""
    monkeypatch.setattr(boto3.session.Session, "client", lambda self, *args, **kwargs: lambda_stub.client)

    def go(task_function, **args):
        with module_args(dict(ARGS, **args)):
            with pytest.raises(SystemExit) as exited:
                runner.run_module(dict(name=dict(type="str", default="hello")), task_function)
        return exited.value.code, json.loads(capsys.readouterr().out)

    return go


def test_a_failure_after_a_write_is_changed_and_says_what_was_applied(run, lambda_stub):
    lambda_stub.add_response("update_function_configuration", function_configuration(MemorySize=256))

    def task_function(task, client):
        client.call("UpdateFunctionConfiguration", FunctionName="hello", MemorySize=256)
        raise InvalidInput("tags: the value of cost is refused.")

    code, result = run(task_function)
    assert code == 1
    assert result["failed"] is True
    assert result["changed"] is True
    assert result["applied"] == ["UpdateFunctionConfiguration(FunctionName=hello)"]
    assert "tags: the value of cost is refused." in result["msg"]
    assert "UpdateFunctionConfiguration(FunctionName=hello)" in result["msg"]


def test_a_failure_before_any_write_is_not_changed(run, lambda_stub):
    lambda_stub.add_response("get_function", {"Configuration": function_configuration()})

    def task_function(task, client):
        client.call("GetFunction", FunctionName="hello")
        raise InvalidInput("role: needed.")

    code, result = run(task_function)
    assert code == 1 and result["changed"] is False
    assert "applied" not in result
    assert result["msg"] == "role: needed."


def test_an_aws_error_names_operation_code_and_message_without_http_metadata(run, lambda_stub):
    lambda_stub.add_client_error("update_function_configuration", "InvalidParameterValueException",
                                 "Memory size is not valid.", 400)

    def task_function(task, client):
        client.call("UpdateFunctionConfiguration", FunctionName="hello", MemorySize=100000)

    code, result = run(task_function)
    assert code == 1 and result["changed"] is False
    assert result["operation"] == "UpdateFunctionConfiguration"
    assert result["error"] == {"code": "InvalidParameterValueException", "message": "Memory size is not valid."}
    assert result["msg"] == ("UpdateFunctionConfiguration failed: InvalidParameterValueException: "
                             "Memory size is not valid.")
    assert "response_metadata" not in result


def test_an_unexpected_error_is_reported_as_a_bug(run, lambda_stub):
    def task_function(task, client):
        raise KeyError("Configuration")

    code, result = run(task_function)
    assert code == 1 and result["changed"] is False
    assert result["msg"].startswith("Unexpected error in the module (please report it): KeyError")


def test_the_result_of_run_is_the_task_result(run, lambda_stub):
    code, result = run(lambda task, client: dict(changed=False, answer=task.params["name"]))
    assert code == 0 and result["answer"] == "hello" and result["changed"] is False


class _ClientError(Exception):
    def __init__(self, code, message="m"):
        super().__init__(message)
        self.response = {"Error": {"Code": code, "Message": message}, "ResponseMetadata": {"HTTPStatusCode": 400}}


@pytest.mark.parametrize("code, cls", [
    ("ResourceNotFoundException", NotFound),
    ("ResourceConflictException", Conflict),
    ("PreconditionFailedException", StaleRevision),
    ("InvalidParameterValueException", InvalidInput),
    ("TooManyRequestsException", AwsError),
])
def test_aws_errors_become_typed_exceptions(code, cls):
    error = aws_error("UpdateAlias", _ClientError(code))
    assert type(error) is cls  # pylint: disable=unidiomatic-typecheck
    assert error.result()["error"] == {"code": code, "message": "m"}
    assert error.result()["operation"] == "UpdateAlias"


def test_failure_context_prefixes_the_matching_errors_only():
    with pytest.raises(StaleRevision) as raised:
        with failure_context("The alias live of hello was changed by someone else. ",
                             codes=["PreconditionFailedException"], alias="live"):
            raise aws_error("UpdateAlias", _ClientError("PreconditionFailedException"))
    assert raised.value.msg == "The alias live of hello was changed by someone else. UpdateAlias failed: " \
                               "PreconditionFailedException: m"
    assert raised.value.result()["alias"] == "live"
    with pytest.raises(NotFound) as raised:
        with failure_context("Never used. ", codes=["PreconditionFailedException"]):
            raise aws_error("GetAlias", _ClientError("ResourceNotFoundException"))
    assert raised.value.msg == "GetAlias failed: ResourceNotFoundException: m"


def test_a_task_collects_warnings_when_it_has_no_module():
    task = runner.Task(dict(name="a"))
    task.warn("one")
    task.with_params(dict(name="b")).warn("two")
    assert task.warnings == ["one", "two"]


def test_lambda_error_result_keeps_its_details():
    error = LambdaError("Waiting did not succeed.", state="Failed")
    assert error.result() == {"msg": "Waiting did not succeed.", "state": "Failed"}
    assert FUNCTION_ARN.endswith(":hello")
