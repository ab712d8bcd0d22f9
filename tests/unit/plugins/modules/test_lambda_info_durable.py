# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""lambda_info's recursion, runtime_management and durable_executions parts and durable_execution_arn, against
botocore's Stubber: moto 5.2.5 implements none of their operations (HTTP 404), LocalStack 2026.3.0 only
GetFunctionRecursionConfig (HTTP 501 for the others; the integration target reads recursion there)."""

import datetime

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import Unsupported
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import info
from ansible_collections.cloudfn.aws_lambda.tests.unit.plugins.modules.test_lambda_info import (
    NOT_IMPLEMENTED,
    RUNTIME_VERSION_ARN,
    arn,
    get_function,
    listed,
    params,
    run,
)
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import count_calls

STARTED = datetime.datetime(2026, 1, 31, 10, 0, tzinfo=datetime.timezone.utc)
DURABLE = {"RetentionPeriodInDays": 30, "ExecutionTimeout": 3600}
EXECUTION = arn("hello", "3") + "/durable-execution/order-42/1a2b3c4d"
LOCALSTACK_501 = dict(service_error_code="InternalFailure", http_status_code=501,
                      service_message="The API for service lambda is either not included in your current license plan "
                                      "or has not yet been emulated by LocalStack.")


def listed_execution(name, status="RUNNING", qualifier="3"):
    return {"DurableExecutionArn": arn("hello", qualifier) + "/durable-execution/%s/0f0f" % name,
            "DurableExecutionName": name, "FunctionArn": arn("hello", qualifier), "Status": status,
            "StartTimestamp": STARTED}


def test_the_written_out_status_choices_are_the_models():
    assert sorted(info.ARGUMENT_SPEC["durable_execution_statuses"]["choices"]) == sorted(model_enum("ExecutionStatus"))


# ------------------------------------------------------------------ recursion and runtime management

def test_recursion_is_the_function_s_for_a_qualified_name_and_runtime_management_the_version_s(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function", get_function("hello", FunctionArn=arn("hello", "3"), Version="3"),
                             expected_params={"FunctionName": "hello:3"})
    lambda_stub.add_response("get_function_recursion_config", {"RecursiveLoop": "Terminate"},
                             expected_params={"FunctionName": "hello"})
    runtime = {"UpdateRuntimeOn": "Manual", "FunctionArn": arn("hello", "3"), "RuntimeVersionArn": RUNTIME_VERSION_ARN}
    lambda_stub.add_response("get_runtime_management_config", runtime, expected_params={"FunctionName": "hello:3"})
    result, warnings = run(lambda_stub, function_name="hello:3", query=["recursion", "runtime_management"])
    assert sent == ["GetFunction", "GetFunctionRecursionConfig", "GetRuntimeManagementConfig"] and warnings == []
    (found,) = result["functions"]
    assert found["recursive_loop"] == "Terminate"
    assert found["runtime_management"] == {"update_runtime_on": "Manual", "runtime_version_arn": RUNTIME_VERSION_ARN}
    assert "recursion" not in found and "durable_executions" not in found


def test_runtime_management_auto_has_no_runtime_version(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_response("get_runtime_management_config", {"UpdateRuntimeOn": "Auto", "FunctionArn": arn("hello")})
    result, _warnings = run(lambda_stub, function_name="hello", query=["runtime_management"])
    assert result["functions"][0]["runtime_management"] == {"update_runtime_on": "Auto", "runtime_version_arn": None}


@pytest.mark.parametrize("query, operation, method", [
    ("recursion", "GetFunctionRecursionConfig", "get_function_recursion_config"),
    ("runtime_management", "GetRuntimeManagementConfig", "get_runtime_management_config"),
    ("durable_executions", "ListDurableExecutionsByFunction", "list_durable_executions_by_function"),
])
@pytest.mark.parametrize("lacking", [NOT_IMPLEMENTED, LOCALSTACK_501], ids=["moto", "localstack"])
def test_a_part_named_fails_on_an_endpoint_without_its_operation(lambda_stub, query, operation, method, lacking):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_client_error(method, **lacking)
    with pytest.raises(Unsupported) as failed:
        run(lambda_stub, function_name="hello", query=[query])
    assert failed.value.operation == operation
    assert failed.value.msg == ("%s failed: the endpoint does not implement this operation (it answered HTTP %d); AWS "
                                "does. Check endpoint_url." % (operation, lacking["http_status_code"]))


def test_a_function_deleted_before_its_recursion_was_read_is_left_out(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_client_error("get_function_recursion_config", "ResourceNotFoundException", http_status_code=404)
    result, _warnings = run(lambda_stub, function_name="hello", query=["recursion"])
    assert result["functions"] == []


# ------------------------------------------------------------------ durable executions

def test_durable_executions_named_are_read_over_every_page_with_the_filters(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function", get_function("hello"))  # not durable: asked for by name, read anyway
    key = {"FunctionName": "hello", "Statuses": ["RUNNING", "PAUSED"], "DurableExecutionName": "order-42"}
    lambda_stub.add_response("list_durable_executions_by_function",
                             {"DurableExecutions": [listed_execution("order-42")], "NextMarker": "d2"}, expected_params=key)
    lambda_stub.add_response("list_durable_executions_by_function",
                             {"DurableExecutions": [listed_execution("order-42", "PAUSED", "2")]},
                             expected_params=dict(key, Marker="d2"))
    result, _warnings = run(lambda_stub, function_name="hello", query=["durable_executions"],
                            durable_execution_statuses=["RUNNING", "PAUSED"], durable_execution_name="order-42")
    assert sent == ["GetFunction", "ListDurableExecutionsByFunction", "ListDurableExecutionsByFunction"]
    executions = result["functions"][0]["durable_executions"]
    assert [(e["status"], e["function_arn"]) for e in executions] == [
        ("RUNNING", arn("hello", "3")), ("PAUSED", arn("hello", "2"))]
    assert executions[0]["durable_execution_name"] == "order-42" and executions[0]["start_timestamp"] == STARTED


def test_durable_executions_started_between_two_times(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    key = {"FunctionName": "hello",
           "StartedAfter": datetime.datetime(2026, 12, 1, 0, 0, tzinfo=datetime.timezone.utc),
           "StartedBefore": datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.timezone.utc)}
    lambda_stub.add_response("list_durable_executions_by_function",
                             {"DurableExecutions": [listed_execution("order-42")]}, expected_params=key)
    result, _warnings = run(lambda_stub, function_name="hello", query=["durable_executions"],
                            durable_execution_started_after="2026-12-01",
                            durable_execution_started_before="2026-12-01T09:00:00+01:00")
    assert [e["durable_execution_name"] for e in result["functions"][0]["durable_executions"]] == ["order-42"]


def test_durable_executions_of_a_qualified_name_are_that_version_s(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello", FunctionArn=arn("hello", "3"), Version="3"))
    lambda_stub.add_response("list_durable_executions_by_function", {"DurableExecutions": []},
                             expected_params={"FunctionName": "hello:3"})
    result, _warnings = run(lambda_stub, function_name="hello:3", query=["durable_executions"])
    assert result["functions"][0]["durable_executions"] == []


def queue_all_but_settings(stub, name, durable):
    """The answers of query all for one function before recursion: no aliases, versions, policy and so on."""
    key = {"FunctionName": name}
    fields = {"DurableConfig": DURABLE} if durable else {}
    stub.add_response("get_function", get_function(name, **fields), expected_params=key)
    for method, result_key in (("list_aliases", "Aliases"), ("list_versions_by_function", "Versions")):
        stub.add_response(method, {result_key: []}, expected_params=key)
    stub.add_client_error("get_policy", "ResourceNotFoundException", http_status_code=404, expected_params=key)


def queue_rest_of_all(stub, name, executions_error=None, durable=True, lacking=()):
    """From ListEventSourceMappings on (one function) or from ListFunctionEventInvokeConfigs (every function)."""
    key = {"FunctionName": name}
    for method, result_key in (("list_function_event_invoke_configs", "FunctionEventInvokeConfigs"),
                               ("list_provisioned_concurrency_configs", "ProvisionedConcurrencyConfigs"),
                               ("list_function_url_configs", "FunctionUrlConfigs")):
        if method not in lacking:
            stub.add_response(method, {result_key: []}, expected_params=key)
    if "get_function_recursion_config" not in lacking:
        stub.add_response("get_function_recursion_config", {"RecursiveLoop": "Terminate"}, expected_params=key)
    if "get_runtime_management_config" not in lacking:
        stub.add_response("get_runtime_management_config", {"UpdateRuntimeOn": "Auto"}, expected_params=key)
    if not durable:
        return
    if executions_error:
        stub.add_client_error("list_durable_executions_by_function", expected_params=key, **executions_error)
    else:
        stub.add_response("list_durable_executions_by_function", {"DurableExecutions": [listed_execution("a")]},
                          expected_params=key)


def test_all_reads_the_durable_executions_of_a_durable_function(lambda_stub):
    sent = count_calls(lambda_stub.client)
    queue_all_but_settings(lambda_stub, "hello", durable=True)
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []}, expected_params={"FunctionName": "hello"})
    queue_rest_of_all(lambda_stub, "hello")
    result, warnings = run(lambda_stub, function_name="hello")
    assert sent[-3:] == ["GetFunctionRecursionConfig", "GetRuntimeManagementConfig", "ListDurableExecutionsByFunction"]
    assert warnings == []
    (found,) = result["functions"]
    assert found["durable_config"] == {"retention_period_in_days": 30, "execution_timeout": 3600}
    assert [e["durable_execution_name"] for e in found["durable_executions"]] == ["a"]


def test_all_on_an_endpoint_without_durable_executions_leaves_them_out_with_a_warning(lambda_stub):
    queue_all_but_settings(lambda_stub, "hello", durable=True)
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []}, expected_params={"FunctionName": "hello"})
    queue_rest_of_all(lambda_stub, "hello", executions_error=NOT_IMPLEMENTED)
    result, warnings = run(lambda_stub, function_name="hello", query=["all"])
    assert "durable_executions" not in result["functions"][0]
    assert warnings == ["the endpoint does not implement ListDurableExecutionsByFunction (it answered HTTP 404); what "
                        "that operation reads was left out. AWS answers it."]


def test_every_function_all_asks_for_durable_executions_of_the_durable_ones_only(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_functions", {"Functions": [listed("plain"), listed("hello")]})
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []})
    queue_all_but_settings(lambda_stub, "plain", durable=False)
    queue_rest_of_all(lambda_stub, "plain", durable=False)
    queue_all_but_settings(lambda_stub, "hello", durable=True)
    queue_rest_of_all(lambda_stub, "hello")
    result, warnings = run(lambda_stub, query=["all"])
    assert sent.count("ListDurableExecutionsByFunction") == 1 and sent[-1] == "ListDurableExecutionsByFunction"
    assert warnings == []
    plain, durable = result["functions"]
    assert "durable_executions" not in plain and len(durable["durable_executions"]) == 1
    assert plain["recursive_loop"] == durable["recursive_loop"] == "Terminate"


# ------------------------------------------------------------------ durable_execution_arn

@pytest.mark.parametrize("include, expected", [(None, {}), (False, {"IncludeExecutionData": False}),
                                               (True, {"IncludeExecutionData": True})])
def test_one_durable_execution_by_its_arn_without_any_function(lambda_stub, include, expected):
    sent = count_calls(lambda_stub.client)
    answer = dict(listed_execution("order-42"), DurableExecutionArn=EXECUTION, InputPayload='{"order": 42}',
                  Version="3", DurableConfig=DURABLE, ExecutionDataIncluded=True)
    lambda_stub.add_response("get_durable_execution", answer, expected_params=dict(expected, DurableExecutionArn=EXECUTION))
    result, _warnings = run(lambda_stub, query=[], durable_execution_arn=EXECUTION, include_execution_data=include)
    assert sent == ["GetDurableExecution"]
    assert result["functions"] == []
    execution = result["durable_execution"]
    assert execution["durable_execution_arn"] == EXECUTION and execution["status"] == "RUNNING"
    assert execution["input_payload"] == '{"order": 42}' and execution["version"] == "3"
    assert execution["durable_config"] == {"retention_period_in_days": 30, "execution_timeout": 3600}


def test_a_missing_durable_execution_reads_as_null(lambda_stub):
    lambda_stub.add_client_error("get_durable_execution", "ResourceNotFoundException", http_status_code=404)
    result, _warnings = run(lambda_stub, query=[], durable_execution_arn=EXECUTION)
    assert result["durable_execution"] is None


def test_a_durable_execution_fails_on_an_endpoint_without_the_operation(lambda_stub):
    lambda_stub.add_client_error("get_durable_execution", **LOCALSTACK_501)
    with pytest.raises(Unsupported) as failed:
        run(lambda_stub, query=[], durable_execution_arn=EXECUTION)
    assert failed.value.operation == "GetDurableExecution"


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, message", [
    ({"durable_execution_statuses": ["RUNNING"]},
     "durable_execution_statuses: filters the durable executions, which query config does not read; add "
     "durable_executions to query (for example query: [config, durable_executions])."),
    ({"durable_execution_name": "order-42", "function_name": "hello", "query": ["recursion"]},
     "durable_execution_name: filters the durable executions, which query recursion does not read"),
    ({"durable_execution_statuses": [], "query": ["durable_executions"]}, "durable_execution_statuses: [] matches no "),
    ({"durable_execution_name": "order 42", "query": ["durable_executions"]},
     "durable_execution_name: order 42 is not a durable execution name (1 to 64 letters, digits, - and _)."),
    ({"durable_execution_arn": "order-42", "query": []}, "durable_execution_arn: order-42 is not the ARN of a durable"),
    ({"durable_execution_started_after": "yesterday", "query": ["durable_executions"]},
     "durable_execution_started_after: yesterday is not an ISO 8601 date and time"),
    ({"durable_execution_started_after": "2026-12-02T00:00:00Z", "durable_execution_started_before": "2026-12-01",
      "query": ["durable_executions"]},
     "durable_execution_started_after: 2026-12-02T00:00:00Z is later than durable_execution_started_before 2026-12-01"),
    ({"durable_execution_started_before": "2026-12-01", "function_name": "hello", "query": ["config"]},
     "durable_execution_started_before: filters the durable executions, which query config does not read"),
    ({"include_execution_data": True, "query": [], "account_settings": True},
     "include_execution_data: applies to the execution durable_execution_arn names"),
])
def test_validate_names_the_wrong_option(options, message):
    errors = info.validate(params(**options))
    assert len(errors) == 1 and errors[0].startswith(message), errors


@pytest.mark.parametrize("options", [
    {"query": [], "durable_execution_arn": EXECUTION},
    {"query": [], "durable_execution_arn": EXECUTION, "include_execution_data": False},
    {"query": ["all"], "durable_execution_statuses": ["RUNNING"], "durable_execution_name": "order-42"},
    {"function_name": "hello", "query": ["durable_executions"], "durable_execution_statuses": ["SUCCEEDED"]},
])
def test_validate_accepts(options):
    assert info.validate(params(**options)) == []
