# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""lambda_durable_execution against botocore's Stubber: no local endpoint implements the durable execution
operations (moto 5.2.5: HTTP 404, LocalStack 2026.3.0: HTTP 501)."""

import datetime

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_durable_execution as module_under_test
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import NotFound, Unsupported
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import durable_execution
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.durable_execution import DurableExecution
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import count_calls

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:orders"
EXECUTION = FUNCTION + ":3/durable-execution/order-42/1a2b3c4d"
STARTED = datetime.datetime(2026, 1, 31, 10, 0, tzinfo=datetime.timezone.utc)
ENDED = datetime.datetime(2026, 1, 31, 10, 5, tzinfo=datetime.timezone.utc)
GET = {"DurableExecutionArn": EXECUTION, "IncludeExecutionData": False}
NOT_IMPLEMENTED = dict(service_error_code="InternalFailure", http_status_code=501,
                       service_message="The API for service lambda is either not included in your current license "
                                       "plan or has not yet been emulated by LocalStack.")


def execution(status, **fields):
    """A GetDurableExecution answer (without execution data, as the module asks for it)."""
    answer = {"DurableExecutionArn": EXECUTION, "DurableExecutionName": "order-42", "FunctionArn": FUNCTION,
              "Status": status, "StartTimestamp": STARTED, "Version": "3", "ExecutionDataIncluded": False,
              "DurableConfig": {"ExecutionTimeout": 3600, "RetentionPeriodInDays": 30}}
    if status in ("SUCCEEDED", "FAILED", "TIMED_OUT", "STOPPED"):
        answer["EndTimestamp"] = ENDED
    answer.update(fields)
    return answer


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(durable_execution_arn=EXECUTION)
    values.update(options)
    return values


def run(stub, check_mode=False, diff=True, **options):
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    assert DurableExecution.validate(task.params) == []
    return DurableExecution.run(task, LambdaClient(task, client=stub.client))


def test_every_status_of_the_model_is_stoppable_or_not_and_the_written_out_list_is_the_models():
    assert sorted(durable_execution.EXECUTION_STATUSES) == sorted(model_enum("ExecutionStatus"))
    assert set(durable_execution.STOPPABLE) < set(model_enum("ExecutionStatus"))
    assert durable_execution.STOPPED in model_enum("ExecutionStatus")


@pytest.mark.parametrize("status", ["RUNNING", "PAUSING", "PAUSED"])
def test_a_running_or_paused_execution_is_stopped(lambda_stub, status):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_durable_execution", execution(status), expected_params=GET)
    lambda_stub.add_response("stop_durable_execution", {"StopTimestamp": ENDED},
                             expected_params={"DurableExecutionArn": EXECUTION})
    result = run(lambda_stub)
    assert sent == ["GetDurableExecution", "StopDurableExecution"]
    assert result["changed"] is True
    assert result["status"] == "STOPPED" and result["stop_timestamp"] == ENDED
    assert result["durable_execution_arn"] == EXECUTION and result["durable_execution_name"] == "order-42"
    assert result["function_arn"] == FUNCTION and result["version"] == "3" and result["start_timestamp"] == STARTED
    assert result["durable_config"] == {"execution_timeout": 3600, "retention_period_in_days": 30}
    assert "execution_data_included" not in result
    assert result["diff"] == {"before": {"status": status}, "after": {"status": "STOPPED"}}
    assert result["msg"] == "Stopped the durable execution, which was %s." % status


def test_the_error_is_sent_with_the_fields_given_only(lambda_stub):
    lambda_stub.add_response("get_durable_execution", execution("RUNNING"), expected_params=GET)
    lambda_stub.add_response("stop_durable_execution", {"StopTimestamp": ENDED}, expected_params={
        "DurableExecutionArn": EXECUTION,
        "Error": {"ErrorType": "OperatorStopped", "ErrorMessage": "migration", "StackTrace": ["a", "b"]}})
    result = run(lambda_stub, error=dict(error_type="OperatorStopped", error_message="migration", error_data=None,
                                         stack_trace=["a", "b"]))
    assert result["changed"] is True


@pytest.mark.parametrize("status", ["STOPPED", "SUCCEEDED", "FAILED", "TIMED_OUT"])
def test_an_execution_that_has_ended_is_left_as_it_is_after_one_read(lambda_stub, status):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_durable_execution", execution(status), expected_params=GET)
    result = run(lambda_stub, error=dict(error_type="OperatorStopped", error_message=None, error_data=None,
                                         stack_trace=None))
    assert sent == ["GetDurableExecution"]
    assert result["changed"] is False and result["status"] == status and result["end_timestamp"] == ENDED
    assert "stop_timestamp" not in result
    assert result["diff"] == {"before": {}, "after": {}}
    assert result["msg"] == "The durable execution is %s, it has ended: nothing to stop." % status


def test_an_execution_being_deleted_is_left_as_it_is(lambda_stub):
    lambda_stub.add_response("get_durable_execution", execution("DELETING", EndTimestamp=ENDED), expected_params=GET)
    result = run(lambda_stub)
    assert result["changed"] is False and result["status"] == "DELETING"
    assert result["msg"] == "The durable execution is DELETING, being deleted: nothing to stop."


@pytest.mark.parametrize("status", ["RUNNING", "PAUSED"])
def test_check_mode_sends_only_the_read_and_predicts_stopped(lambda_stub, status):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_durable_execution", execution(status), expected_params=GET)
    result = run(lambda_stub, check_mode=True)
    assert sent == ["GetDurableExecution"]
    assert result["changed"] is True and result["status"] == "STOPPED" and result["stop_timestamp"] is None
    assert result["diff"] == {"before": {"status": status}, "after": {"status": "STOPPED"}}
    assert result["msg"] == "Would stop the durable execution, which was %s." % status


def test_check_mode_on_an_ended_execution_is_no_change(lambda_stub):
    lambda_stub.add_response("get_durable_execution", execution("SUCCEEDED"), expected_params=GET)
    result = run(lambda_stub, check_mode=True)
    assert result["changed"] is False and result["status"] == "SUCCEEDED"


def test_no_diff_without_diff_mode(lambda_stub):
    lambda_stub.add_response("get_durable_execution", execution("SUCCEEDED"), expected_params=GET)
    assert "diff" not in run(lambda_stub, diff=False)


def test_a_missing_execution_fails_clearly_after_the_read(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_durable_execution", "ResourceNotFoundException", "Execution not found",
                                 http_status_code=404, expected_params=GET)
    with pytest.raises(NotFound) as failed:
        run(lambda_stub)
    assert sent == ["GetDurableExecution"]
    assert failed.value.msg.startswith("durable_execution_arn: there is no durable execution %s" % EXECUTION)
    assert failed.value.operation == "GetDurableExecution"


@pytest.mark.parametrize("check_mode", [True, False])
def test_an_endpoint_without_the_operation_fails_saying_so(lambda_stub, check_mode):
    lambda_stub.add_client_error("get_durable_execution", expected_params=GET, **NOT_IMPLEMENTED)
    with pytest.raises(Unsupported) as failed:
        run(lambda_stub, check_mode=check_mode)
    assert failed.value.msg == ("GetDurableExecution failed: the endpoint does not implement this operation (it "
                                "answered HTTP 501); AWS does. Check endpoint_url.")


@pytest.mark.parametrize("arn", [
    "order-42",
    FUNCTION,
    FUNCTION + ":3",
    FUNCTION + ":3/durable-execution/order 42/1a2b",
    "arn:aws:lambda:us-east-1:123456789012:function:orders/durable-execution/order-42/1a2b",
])
def test_validate_refuses_what_is_not_an_execution_arn(arn):
    errors = DurableExecution.validate(params(durable_execution_arn=arn))
    assert errors == ["durable_execution_arn: %s is not the ARN of a durable execution (%s)."
                      % (arn, durable_execution.EXAMPLE_ARN)]


@pytest.mark.parametrize("arn", [EXECUTION, FUNCTION + ":$LATEST/durable-execution/x/y"])
def test_validate_accepts_execution_arns(arn):
    assert DurableExecution.validate(params(durable_execution_arn=arn)) == []


# ------------------------------------------------------------------ main(), end to end

@pytest.fixture
def main_runner(run_main):
    return lambda **args: run_main(module_under_test, **args)


def test_main_stops_with_diff(main_runner, lambda_stub):
    lambda_stub.add_response("get_durable_execution", execution("RUNNING"), expected_params=GET)
    lambda_stub.add_response("stop_durable_execution", {"StopTimestamp": ENDED})
    code, result = main_runner(durable_execution_arn=EXECUTION, _ansible_diff=True)
    assert code == 0
    assert result["changed"] is True and result["status"] == "STOPPED"
    assert result["stop_timestamp"] == "2026-01-31T10:05:00+00:00"
    assert result["diff"] == {"before": {"status": "RUNNING"}, "after": {"status": "STOPPED"}}


def test_main_missing_execution_fails_without_a_traceback(main_runner, lambda_stub):
    lambda_stub.add_client_error("get_durable_execution", "ResourceNotFoundException", "not found", http_status_code=404)
    code, result = main_runner(durable_execution_arn=EXECUTION)
    assert code == 1
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("durable_execution_arn: there is no durable execution")
    assert "Traceback" not in result.get("exception", "")


def test_main_refuses_a_bad_arn_and_an_unknown_state_before_any_request(main_runner, lambda_stub):
    code, result = main_runner(durable_execution_arn="order-42")
    assert code == 1 and result["msg"].startswith("durable_execution_arn: order-42 is not the ARN of a durable execution")
    code, result = main_runner(durable_execution_arn=EXECUTION, state="paused")
    assert code == 1 and "value of state must be one of: stopped" in result["msg"]
