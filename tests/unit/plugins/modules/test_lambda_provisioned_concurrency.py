# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_provisioned_concurrency as module_under_test
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import provisioned_concurrency
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.provisioned_concurrency import (
    ProvisionedConcurrency,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task, failure_result
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    count_calls,
    FUNCTION_ARN,
    function_configuration,
)

KEY = {"FunctionName": "hello", "Qualifier": "live"}
NOT_FOUND = ("ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function")
LAST_MODIFIED = "2024-05-02T10:15:30+0000"


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(function_name="hello", qualifier="live", provisioned_concurrent_executions=10)
    values.update(options)
    return values


def config(requested=10, allocated=None, status="READY", reason=None):
    """A GetProvisionedConcurrencyConfig / PutProvisionedConcurrencyConfig answer."""
    if allocated is None:
        allocated = requested if status == "READY" else 0
    answer = {"RequestedProvisionedConcurrentExecutions": requested,
              "AvailableProvisionedConcurrentExecutions": allocated,
              "AllocatedProvisionedConcurrentExecutions": allocated,
              "Status": status, "LastModified": LAST_MODIFIED}
    if reason is not None:
        answer["StatusReason"] = reason
    return answer


def run(stub, check_mode=False, diff=True, **options):
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    assert ProvisionedConcurrency.validate(task.params) == []
    return ProvisionedConcurrency.run(task, LambdaClient(task, client=stub.client))


def failure(stub, **options):
    """The LambdaError a run raises, and the task's failure the module boundary makes of it (runner.failure_result)."""
    task = Task(params(**options), diff=True)
    client = LambdaClient(task, client=stub.client)
    with pytest.raises(LambdaError) as failed:
        ProvisionedConcurrency.run(task, client)
    return failed.value, failure_result(failed.value, client)


def not_found(stub, code=NOT_FOUND[0], message=NOT_FOUND[1]):
    stub.add_client_error("get_provisioned_concurrency_config", code, message, 404)


def alias_target(version="3"):
    """GetFunctionConfiguration of the alias live: the version it points to."""
    return function_configuration(FunctionArn=FUNCTION_ARN + ":live", Version=version)


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"qualifier": "$LATEST"}, "qualifier: AWS does not take provisioned concurrency on $LATEST"),
    ({"qualifier": None, "function_name": "hello:$LATEST"},
     "function_name: AWS does not take provisioned concurrency on $LATEST"),
    ({"qualifier": None, "function_name": FUNCTION_ARN + ":$LATEST"},
     "function_name: AWS does not take provisioned concurrency on $LATEST"),
    ({"qualifier": None}, "qualifier: required, because provisioned concurrency belongs to an alias or a published"),
    ({"qualifier": None, "function_name": FUNCTION_ARN}, "qualifier: required"),
    ({"qualifier": None, "function_name": "123456789012:function:hello"}, "qualifier: required"),
    ({"qualifier": "prod", "function_name": FUNCTION_ARN + ":live"},
     "qualifier: prod differs from the qualifier live that function_name ends with"),
    ({"qualifier": 2, "function_name": FUNCTION_ARN + ":3"}, "qualifier: 2 differs from the qualifier 3"),
    ({"qualifier": 0}, "qualifier: 0 is not a published version"),
    ({"qualifier": "has space"}, "qualifier: has space is not an alias name or version number"),
    ({"qualifier": "x" * 129}, "qualifier: " + "x" * 129 + " is not an alias name"),
    ({"qualifier": True}, "qualifier: True is not an alias name or version number"),
    ({"qualifier": 1.5}, "qualifier: 1.5 is not an alias name"),
    ({"qualifier": ["live"]}, "qualifier: ['live'] is not"),
    ({"qualifier": None, "function_name": "hello:"}, "function_name:  is not an alias name"),
    ({"function_name": "hello world"}, "function_name: hello world is not a function name or ARN"),
    ({"function_name": FUNCTION_ARN + ":live:extra"}, "function_name: "),
    ({"function_name": "f" * 65}, "function_name: "),
    ({"provisioned_concurrent_executions": None}, "provisioned_concurrent_executions: required with state=present"),
    ({"provisioned_concurrent_executions": 0}, "provisioned_concurrent_executions: 0 is not 1 or more"),
    ({"provisioned_concurrent_executions": -3}, "provisioned_concurrent_executions: -3 is not 1 or more"),
    ({"provisioned_concurrent_executions": True}, "provisioned_concurrent_executions: True is not 1 or more"),
    ({"provisioned_concurrent_executions": 0, "state": "absent"}, "provisioned_concurrent_executions: 0 is not"),
    ({"wait_timeout": 0}, "wait_timeout: 0 is not 1 or more seconds"),
    ({"qualifier": "$LATEST", "state": "absent"}, "qualifier: AWS does not take provisioned concurrency"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = ProvisionedConcurrency.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


def test_validate_reports_every_problem_at_once():
    errors = ProvisionedConcurrency.validate(params(qualifier="$LATEST", provisioned_concurrent_executions=0,
                                                    wait_timeout=-1))
    assert [error.split(":")[0] for error in errors] == ["qualifier", "provisioned_concurrent_executions",
                                                         "wait_timeout"]


@pytest.mark.parametrize("options, target", [
    ({}, ("hello", "live")),
    ({"qualifier": 3}, ("hello", "3")),
    ({"qualifier": "03"}, ("hello", "3")),
    ({"qualifier": " live "}, ("hello", "live")),
    ({"qualifier": "v2-live_1"}, ("hello", "v2-live_1")),
    ({"qualifier": None, "function_name": "hello:live"}, ("hello", "live")),
    ({"qualifier": None, "function_name": FUNCTION_ARN + ":7"}, (FUNCTION_ARN, "7")),
    ({"qualifier": "7", "function_name": FUNCTION_ARN + ":7"}, (FUNCTION_ARN, "7")),
    ({"qualifier": 7, "function_name": FUNCTION_ARN + ":07"}, (FUNCTION_ARN, "7")),
    ({"function_name": FUNCTION_ARN}, (FUNCTION_ARN, "live")),
    ({"function_name": "123456789012:function:hello"}, ("123456789012:function:hello", "live")),
    ({"qualifier": None, "function_name": "123456789012:function:hello:live"},
     ("123456789012:function:hello", "live")),
    ({"function_name": "arn:aws-cn:lambda:cn-north-1:123456789012:function:hello"},
     ("arn:aws-cn:lambda:cn-north-1:123456789012:function:hello", "live")),
])
def test_function_and_qualifier_forms(options, target):
    values = params(**options)
    assert ProvisionedConcurrency.validate(values) == []
    assert provisioned_concurrency.target_of(values) == target


@pytest.mark.parametrize("options", [
    {"state": "absent", "provisioned_concurrent_executions": None},
    {"provisioned_concurrent_executions": 1},
    {"wait": False, "wait_timeout": 1},
])
def test_validate_accepts_valid_options(options):
    assert ProvisionedConcurrency.validate(params(**options)) == []


# ------------------------------------------------------------------ run() against a Stubber

def test_unchanged_config_costs_one_get(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10), expected_params=KEY)
    result = run(lambda_stub)
    assert sent == ["GetProvisionedConcurrencyConfig"]
    assert result == dict(changed=False, function_name="hello", qualifier="live",
                          requested_provisioned_concurrent_executions=10,
                          available_provisioned_concurrent_executions=10,
                          allocated_provisioned_concurrent_executions=10, status="READY", status_reason=None,
                          last_modified=LAST_MODIFIED, diff={"before": {}, "after": {}})
    assert sleeps == []


@pytest.mark.parametrize("code, message", [
    NOT_FOUND,
    ("ResourceNotFoundException", "Function not found: " + FUNCTION_ARN + ":live"),
])
def test_create_checks_the_alias_puts_and_waits_until_ready(lambda_stub, sleeps, code, message):
    sent = count_calls(lambda_stub.client)
    not_found(lambda_stub, code, message)
    lambda_stub.add_response("get_function_configuration", alias_target(), expected_params=KEY)
    lambda_stub.add_response("put_provisioned_concurrency_config", config(10, status="IN_PROGRESS"),
                             expected_params=dict(KEY, ProvisionedConcurrentExecutions=10))
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, allocated=4, status="IN_PROGRESS"),
                             expected_params=KEY)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10), expected_params=KEY)
    result = run(lambda_stub)
    assert sent == ["GetProvisionedConcurrencyConfig", "GetFunctionConfiguration", "PutProvisionedConcurrencyConfig",
                    "GetProvisionedConcurrencyConfig", "GetProvisionedConcurrencyConfig"]
    assert result["changed"]
    assert result["status"] == "READY" and result["allocated_provisioned_concurrent_executions"] == 10
    assert result["diff"] == {"before": {}, "after": {"requested_provisioned_concurrent_executions": 10}}
    assert sleeps == [5, 5]


def test_create_of_a_version_needs_no_wait_when_ready_at_once(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    not_found(lambda_stub)
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="3"),
                             expected_params={"FunctionName": FUNCTION_ARN, "Qualifier": "3"})
    lambda_stub.add_response("put_provisioned_concurrency_config", config(2),
                             expected_params={"FunctionName": FUNCTION_ARN, "Qualifier": "3",
                                              "ProvisionedConcurrentExecutions": 2})
    result = run(lambda_stub, function_name=FUNCTION_ARN + ":3", qualifier=None, provisioned_concurrent_executions=2)
    assert sent == ["GetProvisionedConcurrencyConfig", "GetFunctionConfiguration", "PutProvisionedConcurrencyConfig"]
    assert result["function_name"] == FUNCTION_ARN and result["qualifier"] == "3"
    assert result["status"] == "READY" and sleeps == []


def test_change_puts_only_the_number_and_shows_it_in_the_diff(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(5))
    lambda_stub.add_response("put_provisioned_concurrency_config", config(20, allocated=5, status="IN_PROGRESS"),
                             expected_params=dict(KEY, ProvisionedConcurrentExecutions=20))
    lambda_stub.add_response("get_provisioned_concurrency_config", config(20))
    result = run(lambda_stub, provisioned_concurrent_executions=20)
    assert sent == ["GetProvisionedConcurrencyConfig", "PutProvisionedConcurrencyConfig",
                    "GetProvisionedConcurrencyConfig"]
    assert result["changed"]
    assert result["diff"] == {"before": {"requested_provisioned_concurrent_executions": 5},
                              "after": {"requested_provisioned_concurrent_executions": 20}}
    assert result["requested_provisioned_concurrent_executions"] == 20
    assert result["available_provisioned_concurrent_executions"] == 20
    assert sleeps == [5]


def test_without_wait_the_put_answer_is_returned(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(5))
    lambda_stub.add_response("put_provisioned_concurrency_config", config(20, allocated=5, status="IN_PROGRESS"))
    result = run(lambda_stub, provisioned_concurrent_executions=20, wait=False)
    assert sent == ["GetProvisionedConcurrencyConfig", "PutProvisionedConcurrencyConfig"]
    assert result["changed"] and result["status"] == "IN_PROGRESS"
    assert result["allocated_provisioned_concurrent_executions"] == 5
    assert sleeps == []


def test_unchanged_config_still_in_progress_is_waited_for(lambda_stub, sleeps):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, allocated=2, status="IN_PROGRESS"))
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10))
    result = run(lambda_stub)
    assert not result["changed"] and result["status"] == "READY"
    assert sleeps == [5]


def test_failed_allocation_fails_the_task_with_aws_reason(lambda_stub):
    reason = "FUNCTION_ERROR_INIT_FAILURE: the function failed to initialise"
    lambda_stub.add_response("get_provisioned_concurrency_config", config(5))
    lambda_stub.add_response("put_provisioned_concurrency_config", config(20, allocated=5, status="IN_PROGRESS"))
    lambda_stub.add_response("get_provisioned_concurrency_config", config(20, allocated=5, status="IN_PROGRESS"))
    lambda_stub.add_response("get_provisioned_concurrency_config", config(20, allocated=5, status="FAILED",
                                                                          reason=reason))
    error, failed = failure(lambda_stub, provisioned_concurrent_executions=20)
    assert error.msg == "The provisioned concurrency of hello:live is FAILED: " + reason
    assert failed["changed"] is True
    assert failed["status_reason"] == reason


def test_failed_config_found_unchanged_fails_with_wait(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, status="FAILED", reason="no capacity"))
    error, failed = failure(lambda_stub)
    assert error.msg == "The provisioned concurrency of hello:live is FAILED: no capacity"
    assert sent == ["GetProvisionedConcurrencyConfig"]
    assert failed["changed"] is False


def test_failed_config_without_wait_warns(lambda_stub):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, status="FAILED"))
    task = Task(params(wait=False))
    result = ProvisionedConcurrency.run(task, LambdaClient(task, client=lambda_stub.client))
    assert not result["changed"] and result["status"] == "FAILED"
    assert task.warnings == ["The provisioned concurrency of hello:live is FAILED: AWS gave no reason"]


def test_timeout_fails_saying_how_far_it_got(lambda_stub, sleeps):
    lambda_stub.add_client_error("get_provisioned_concurrency_config", *NOT_FOUND, 404)
    lambda_stub.add_response("get_function_configuration", alias_target())
    lambda_stub.add_response("put_provisioned_concurrency_config", config(10, status="IN_PROGRESS"))
    for allocated in (1, 2, 3):
        lambda_stub.add_response("get_provisioned_concurrency_config", config(10, allocated=allocated,
                                                                              status="IN_PROGRESS"))
    error, failed = failure(lambda_stub, wait_timeout=12)
    assert error.msg == (
        "The provisioned concurrency of hello:live was still IN_PROGRESS after 12 seconds (wait_timeout), with 3 of "
        "10 execution environments allocated. AWS goes on allocating them; run the task again to wait for it, or "
        "raise wait_timeout.")
    assert failed["changed"] is True
    assert sleeps == [5, 5, 2]


def test_config_deleted_while_waiting_fails_clearly(lambda_stub):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, status="IN_PROGRESS"))
    lambda_stub.add_client_error("get_provisioned_concurrency_config", *NOT_FOUND, 404)
    with pytest.raises(LambdaError, match="^The provisioned concurrency of hello:live disappeared while waiting"):
        run(lambda_stub)


def test_delete(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10))
    lambda_stub.add_response("delete_provisioned_concurrency_config", {}, expected_params=KEY)
    result = run(lambda_stub, state="absent", provisioned_concurrent_executions=None)
    assert sent == ["GetProvisionedConcurrencyConfig", "DeleteProvisionedConcurrencyConfig"]
    assert result["changed"]
    assert result["diff"]["after"] == {}
    assert result["diff"]["before"]["requested_provisioned_concurrent_executions"] == 10
    assert "status" not in result and "requested_provisioned_concurrent_executions" not in result


def test_delete_ignores_the_number_and_does_not_wait(lambda_stub, sleeps):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, status="IN_PROGRESS"))
    lambda_stub.add_response("delete_provisioned_concurrency_config", {})
    assert run(lambda_stub, state="absent", provisioned_concurrent_executions=3)["changed"]
    assert sleeps == []


@pytest.mark.parametrize("check_mode", [True, False])
@pytest.mark.parametrize("code, message", [
    NOT_FOUND,
    ("ResourceNotFoundException", "Function not found: " + FUNCTION_ARN + ":live"),
])
def test_absent_when_there_is_none_sends_only_the_get(lambda_stub, check_mode, code, message):
    sent = count_calls(lambda_stub.client)
    not_found(lambda_stub, code, message)
    result = run(lambda_stub, check_mode=check_mode, state="absent")
    assert sent == ["GetProvisionedConcurrencyConfig"]
    assert result == {"changed": False, "diff": {"before": {}, "after": {}}}


def test_check_mode_create_reads_and_predicts(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    not_found(lambda_stub)
    lambda_stub.add_response("get_function_configuration", alias_target(), expected_params=KEY)
    result = run(lambda_stub, check_mode=True)
    assert sent == ["GetProvisionedConcurrencyConfig", "GetFunctionConfiguration"]
    assert result == dict(changed=True, function_name="hello", qualifier="live",
                          requested_provisioned_concurrent_executions=10,
                          available_provisioned_concurrent_executions=None,
                          allocated_provisioned_concurrent_executions=None, status=None, status_reason=None,
                          last_modified=None,
                          diff={"before": {}, "after": {"requested_provisioned_concurrent_executions": 10}})
    assert sleeps == []


def test_check_mode_change_predicts_and_sends_no_put(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(5))
    result = run(lambda_stub, check_mode=True, provisioned_concurrent_executions=20)
    assert sent == ["GetProvisionedConcurrencyConfig"]
    assert result["changed"]
    assert result["requested_provisioned_concurrent_executions"] == 20 and result["status"] is None
    assert result["diff"] == {"before": {"requested_provisioned_concurrent_executions": 5},
                              "after": {"requested_provisioned_concurrent_executions": 20}}
    assert sleeps == []


def test_check_mode_delete_sends_no_delete(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_provisioned_concurrency_config", config(5))
    result = run(lambda_stub, check_mode=True, state="absent")
    assert sent == ["GetProvisionedConcurrencyConfig"]
    assert result["changed"] and result["diff"]["before"]["requested_provisioned_concurrent_executions"] == 5


def test_check_mode_does_not_wait_for_a_config_in_progress(lambda_stub, sleeps):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10, allocated=3, status="IN_PROGRESS"))
    result = run(lambda_stub, check_mode=True)
    assert not result["changed"] and result["status"] == "IN_PROGRESS"
    assert sleeps == []


@pytest.mark.parametrize("check_mode", [True, False])
def test_missing_alias_fails_before_any_change(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_provisioned_concurrency_config", "ResourceNotFoundException",
                                 "Function not found", 404)
    lambda_stub.add_client_error("get_function_configuration", "ResourceNotFoundException", "Function not found", 404)
    with pytest.raises(LambdaError, match=r"^qualifier: the function hello has no alias live \(or does not exist\)\. "
                       r"Create it first \(cloudfn\.aws_lambda\.lambda_alias\)"):
        run(lambda_stub, check_mode=check_mode)
    assert sent == ["GetProvisionedConcurrencyConfig", "GetFunctionConfiguration"]


def test_missing_version_fails_naming_the_version(lambda_stub):
    not_found(lambda_stub)
    lambda_stub.add_client_error("get_function_configuration", "ResourceNotFoundException", "Function not found", 404)
    with pytest.raises(LambdaError, match=r"^qualifier: the function hello has no version 9 .*publish: true"):
        run(lambda_stub, qualifier=9)


@pytest.mark.parametrize("check_mode", [True, False])
def test_alias_on_latest_is_refused_before_any_change(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    not_found(lambda_stub)
    lambda_stub.add_response("get_function_configuration", alias_target(version="$LATEST"))
    with pytest.raises(LambdaError, match=r"^qualifier: the alias live of hello points to \$LATEST, and AWS does "
                       r"not take provisioned concurrency on \$LATEST"):
        run(lambda_stub, check_mode=check_mode)
    assert sent == ["GetProvisionedConcurrencyConfig", "GetFunctionConfiguration"]


def test_aws_refusal_of_the_put_is_reported_with_its_code(lambda_stub):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(5))
    lambda_stub.add_client_error("put_provisioned_concurrency_config", "InvalidParameterValueException",
                                 "Requested Provisioned Concurrency exceeds the account's unreserved concurrency", 400)
    with pytest.raises(LambdaError, match="^PutProvisionedConcurrencyConfig failed: InvalidParameterValueException: "
                       "Requested Provisioned Concurrency exceeds"):
        run(lambda_stub, provisioned_concurrent_executions=5000)


def test_endpoint_without_the_operation_fails_saying_so_after_the_read(lambda_stub):
    """What moto 5.2.5 does: a bare HTTP 404 for every provisioned-concurrency operation."""
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_provisioned_concurrency_config", "404", "Not Found", 404)
    with pytest.raises(LambdaError, match="^GetProvisionedConcurrencyConfig failed: the endpoint does not implement "
                       "this operation"):
        run(lambda_stub)
    assert sent == ["GetProvisionedConcurrencyConfig"]


def test_without_diff_mode_no_diff_is_returned(lambda_stub):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(10))
    assert "diff" not in run(lambda_stub, diff=False)


# ------------------------------------------------------------------ main(), end to end

@pytest.fixture
def main_runner(run_main):
    """Runs the module's main() with the given task arguments (see run_main in tests/unit/conftest.py)."""
    return lambda **args: run_main(module_under_test, **args)


def test_main_create_with_diff_and_wait(main_runner, lambda_stub, sleeps):
    not_found(lambda_stub)
    lambda_stub.add_response("get_function_configuration", alias_target(), expected_params=KEY)
    lambda_stub.add_response("put_provisioned_concurrency_config", config(4, status="IN_PROGRESS"),
                             expected_params=dict(KEY, ProvisionedConcurrentExecutions=4))
    lambda_stub.add_response("get_provisioned_concurrency_config", config(4))
    code, result = main_runner(function_name="hello", qualifier="live", provisioned_concurrent_executions=4,
                               _ansible_diff=True)
    assert code == 0
    assert result["changed"] is True
    assert result["status"] == "READY" and result["requested_provisioned_concurrent_executions"] == 4
    assert result["diff"] == {"before": {}, "after": {"requested_provisioned_concurrent_executions": 4}}
    assert sleeps == [5]


def test_main_no_op_in_check_mode_with_an_integer_qualifier(main_runner, lambda_stub):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(4),
                             expected_params={"FunctionName": "hello", "Qualifier": "3"})
    code, result = main_runner(function_name="hello", qualifier=3, provisioned_concurrent_executions=4,
                               _ansible_check_mode=True)
    assert code == 0
    assert result["changed"] is False and result["qualifier"] == "3"
    assert "diff" not in result
    assert not result.get("warnings")


def test_main_delete_of_a_qualified_name(main_runner, lambda_stub):
    lambda_stub.add_response("get_provisioned_concurrency_config", config(4), expected_params=KEY)
    lambda_stub.add_response("delete_provisioned_concurrency_config", {}, expected_params=KEY)
    code, result = main_runner(function_name="hello:live", state="absent")
    assert code == 0
    assert result["changed"] is True and "status" not in result and "diff" not in result


@pytest.mark.parametrize("args, start", [
    ({"qualifier": "$LATEST", "provisioned_concurrent_executions": 1},
     "qualifier: AWS does not take provisioned concurrency on $LATEST"),
    ({"function_name": FUNCTION_ARN, "provisioned_concurrent_executions": 1}, "qualifier: required"),
    ({"qualifier": "live"}, "provisioned_concurrent_executions: required with state=present"),
    ({"qualifier": "live", "provisioned_concurrent_executions": 0}, "provisioned_concurrent_executions: 0 is not 1"),
])
def test_main_bad_input_fails_before_any_request(main_runner, lambda_stub, args, start):
    sent = count_calls(lambda_stub.client)
    code, result = main_runner(**dict(dict(function_name="hello"), **args))
    assert code == 1
    assert result["failed"] is True and result["msg"].startswith(start)
    assert "exception" not in result
    assert sent == []


def test_main_against_an_endpoint_without_the_operation(main_runner, lambda_stub):
    lambda_stub.add_client_error("get_provisioned_concurrency_config", "404", "Not Found", 404)
    code, result = main_runner(function_name="hello", qualifier="live", provisioned_concurrent_executions=1,
                               endpoint_url="http://127.0.0.1:1")
    assert code == 1
    assert result["msg"] == ("GetProvisionedConcurrencyConfig failed: http://127.0.0.1:1 does not implement this "
                             "operation (it answered HTTP 404); AWS does. Check endpoint_url.")
    assert "exception" not in result
