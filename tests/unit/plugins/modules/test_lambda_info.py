# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import datetime
import json

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import info
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    count_calls,
    FUNCTION_ARN,
    function_configuration,
)

ACCOUNT = "123456789012"
QUEUE_ARN = "arn:aws:sqs:us-east-1:%s:orders" % ACCOUNT
WHEN = datetime.datetime(2025, 1, 31, 10, 0, tzinfo=datetime.timezone.utc)
STATEMENT = {"Sid": "s3-invoke", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
             "Action": "lambda:InvokeFunction", "Resource": FUNCTION_ARN,
             "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::uploads"}}}
TAGS_DENIED = ("User: arn:aws:sts::123456789012:assumed-role/reader/x is not authorized to perform: "
               "lambda:ListTags on resource: " + FUNCTION_ARN)
RUNTIME_VERSION_ARN = ("arn:aws:lambda:us-east-1::runtime:"
                       "0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9")
NOT_IMPLEMENTED = dict(service_error_code="404", service_message="<h1>Not Found</h1>", http_status_code=404)


def arn(name, qualifier=None):
    return "arn:aws:lambda:us-east-1:%s:function:%s%s" % (ACCOUNT, name, ":" + qualifier if qualifier else "")


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in info.ARGUMENT_SPEC.items())
    values.update(options)
    return values


def run(stub, check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode)
    assert info.FunctionInfo.validate(task.params) == []
    result = info.FunctionInfo.run(task, LambdaClient(task, client=stub.client))
    return result, task.warnings


def configuration(name, **fields):
    return function_configuration(**dict(dict(FunctionName=name, FunctionArn=arn(name)), **fields))


def listed(name):
    """A function as ListFunctions gives it on AWS: without the state fields."""
    answer = configuration(name)
    for field in ("State", "LastUpdateStatus"):
        answer.pop(field)
    return answer


def get_function(name, tags=None, reserved=None, **fields):
    answer = {"Configuration": configuration(name, **fields), "Code": {"RepositoryType": "S3", "Location": "https://x"},
              "Tags": tags or {}}
    if reserved is not None:
        answer["Concurrency"] = {"ReservedConcurrentExecutions": reserved}
    return answer


def alias(name, version, function="hello"):
    return {"AliasArn": arn(function, name), "Name": name, "FunctionVersion": version, "Description": "",
            "RevisionId": "r-" + name}


def version(number, function="hello"):
    return configuration(function, FunctionArn=arn(function, number), Version=number)


def mapping(uuid, function_arn, source=QUEUE_ARN):
    """A mapping as ListEventSourceMappings gives it; ``uuid`` "m1" stands for a full UUID ending in it."""
    return {"UUID": uuid_of(uuid), "EventSourceArn": source, "FunctionArn": function_arn, "BatchSize": 10, "State": "Enabled",
            "LastModified": WHEN}


def uuid_of(short):
    return "00000000-0000-4000-8000-0000000000" + short


def invoke_config(qualifier, retries):
    return {"FunctionArn": arn("hello", qualifier), "MaximumRetryAttempts": retries, "LastModified": WHEN,
            "DestinationConfig": {"OnFailure": {"Destination": QUEUE_ARN}}}


def provisioned(qualifier, count):
    return {"FunctionArn": arn("hello", qualifier), "RequestedProvisionedConcurrentExecutions": count,
            "AvailableProvisionedConcurrentExecutions": count, "AllocatedProvisionedConcurrentExecutions": count,
            "Status": "READY", "LastModified": "2025-01-31T10:00:00+0000"}


def policy(*statements):
    return {"Policy": json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": list(statements)}),
            "RevisionId": "p1"}


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"function_name": "hello world"}, "function_name: hello world is not a function name"),
    ({"function_name": "hello:a/b"}, "function_name: hello:a/b is not a function name"),
    ({"function_name": "f" * 65}, "function_name: "),
    ({"query": []}, "query: [] reads no function; give account_settings: true"),
    ({"query": [], "function_name": "hello", "account_settings": True}, "query: [] reads no function, so function_name"),
    ({"event_source_arn": QUEUE_ARN}, "event_source_arn: filters the event source mappings, which query config"),
    ({"event_source_arn": QUEUE_ARN, "query": ["aliases"], "function_name": "hello"}, "event_source_arn: filters"),
    ({"event_source_arn": "orders", "query": ["mappings"]}, "event_source_arn: orders is not an ARN"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = info.validate(params(**options))
    assert len(errors) == 1 and errors[0].startswith(start), errors


@pytest.mark.parametrize("options", [
    {},
    {"function_name": "hello"},
    {"function_name": arn("hello")},
    {"function_name": ACCOUNT + ":function:hello"},
    {"query": ["all"], "event_source_arn": QUEUE_ARN},
    {"function_name": "hello", "event_source_arn": QUEUE_ARN},  # the default query of one function is all
    {"query": [], "account_settings": True},
])
def test_validate_accepts(options):
    assert info.validate(params(**options)) == []


@pytest.mark.parametrize("options, parts", [
    ({}, set()),
    ({"function_name": "hello"}, set(info.PARTS)),
    ({"query": ["config"], "function_name": "hello"}, set()),
    ({"query": ["tags", "all"]}, set(info.PARTS)),
    ({"query": ["config", "tags", "policy"]}, {"tags", "policy"}),
])
def test_the_default_query_is_amazon_aws_lambda_info_s(options, parts):
    assert info.parts_of(info.asked_query(params(**options))) == parts


# ------------------------------------------------------------------ one function

def test_one_function_config_tags_and_concurrency_cost_one_get_function(lambda_stub):
    sent = count_calls(lambda_stub.client)
    answer = get_function("hello", tags={"team": "web", "Cost_Center": "7"}, reserved=5,
                          Environment={"Variables": {"GREETING": "Hi"}})
    lambda_stub.add_response("get_function", answer, expected_params={"FunctionName": "hello"})
    result, warnings = run(lambda_stub, function_name="hello", query=["config", "tags", "concurrency"])
    assert sent == ["GetFunction"] and warnings == []
    assert result["changed"] is False
    (found,) = result["functions"]
    assert found["function_name"] == "hello" and found["function_arn"] == FUNCTION_ARN
    assert found["state"] == "Active" and found["memory_size"] == 128
    assert found["environment"] == {"variables": {"GREETING": "Hi"}}  # variable names kept as they are
    assert found["tags"] == {"team": "web", "Cost_Center": "7"}  # tag keys kept as they are
    assert found["reserved_concurrency"] == 5
    assert not set(found) & {"aliases", "versions", "policy", "mappings", "event_invoke_configs",
                             "provisioned_concurrency", "code"}


def test_config_alone_returns_only_the_configuration(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello", tags={"a": "b"}, reserved=1))
    result, _warnings = run(lambda_stub, function_name="hello", query=["config"])
    (found,) = result["functions"]
    assert "tags" not in found and "reserved_concurrency" not in found
    assert found["code_sha256"] == configuration("hello")["CodeSha256"]


def test_no_reserved_concurrency_reads_as_null_and_no_tags_as_empty(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    result, _warnings = run(lambda_stub, function_name="hello", query="tags,concurrency".split(","))
    assert result["functions"][0]["reserved_concurrency"] is None
    assert result["functions"][0]["tags"] == {}


def test_tags_aws_could_not_read_are_left_out_with_a_warning(lambda_stub):
    answer = get_function("hello")
    del answer["Tags"]
    answer["TagsError"] = {"ErrorCode": "AccessDeniedException", "Message": TAGS_DENIED}
    lambda_stub.add_response("get_function", answer)
    result, warnings = run(lambda_stub, function_name="hello", query=["tags"])
    assert "tags" not in result["functions"][0]
    assert warnings == ["The tags of hello could not be read, so they are left out: AccessDeniedException: "
                        + TAGS_DENIED]


def url_config(qualifier=None, auth="AWS_IAM"):
    """One item of a ListFunctionUrlConfigs answer."""
    return dict(FunctionUrl="https://abcdefghijklmnopqrstuvwxyz%s.lambda-url.us-east-1.on.aws/" % (qualifier or "latest"),
                FunctionArn=arn("hello", qualifier) if qualifier else arn("hello"), AuthType=auth,
                CreationTime="2025-01-31T10:00:00.000000Z", LastModifiedTime="2025-01-31T10:00:00.000000Z",
                Cors={"AllowOrigins": ["https://www.example.com"]}, InvokeMode="BUFFERED")


def queue_function_urls(stub, name, error=None):
    """ListFunctionUrlConfigs of one function over two pages (or ``error``)."""
    if error:
        stub.add_client_error("list_function_url_configs", expected_params={"FunctionName": name}, **error)
        return
    stub.add_response("list_function_url_configs", {"FunctionUrlConfigs": [url_config()], "NextMarker": "u2"},
                      expected_params={"FunctionName": name})
    stub.add_response("list_function_url_configs", {"FunctionUrlConfigs": [url_config("live", "NONE")]},
                      expected_params={"FunctionName": name, "Marker": "u2"})


def queue_settings(stub, name, recursion_error=None, runtime_error=None):
    """GetFunctionRecursionConfig and GetRuntimeManagementConfig of one function (or their ``..._error``)."""
    if recursion_error:
        stub.add_client_error("get_function_recursion_config", expected_params={"FunctionName": name}, **recursion_error)
    else:
        stub.add_response("get_function_recursion_config", {"RecursiveLoop": "Allow"}, expected_params={"FunctionName": name})
    if runtime_error:
        stub.add_client_error("get_runtime_management_config", expected_params={"FunctionName": name}, **runtime_error)
    else:
        stub.add_response("get_runtime_management_config", {"UpdateRuntimeOn": "Manual", "FunctionArn": arn("hello"),
                                                            "RuntimeVersionArn": RUNTIME_VERSION_ARN},
                          expected_params={"FunctionName": name})


def queue_one_function_all(stub, name="hello", provisioned_error=None, urls_error=None, **settings_errors):
    """Every answer of query all for one (not durable) function, each list over two pages."""
    stub.add_response("get_function", get_function("hello", tags={"team": "web"}, reserved=3),
                      expected_params={"FunctionName": name})
    stub.add_response("list_aliases", {"Aliases": [alias("live", "2")], "NextMarker": "a2"},
                      expected_params={"FunctionName": name})
    stub.add_response("list_aliases", {"Aliases": [alias("dev", "$LATEST")]},
                      expected_params={"FunctionName": name, "Marker": "a2"})
    stub.add_response("list_versions_by_function", {"Versions": [version("$LATEST"), version("1")], "NextMarker": "v2"},
                      expected_params={"FunctionName": name})
    stub.add_response("list_versions_by_function", {"Versions": [version("2")]},
                      expected_params={"FunctionName": name, "Marker": "v2"})
    stub.add_response("get_policy", policy(STATEMENT), expected_params={"FunctionName": name})
    stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m1", arn("hello"))],
                                                     "NextMarker": "e2"},
                      expected_params={"FunctionName": name})
    stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m2", arn("hello", "live"))]},
                      expected_params={"FunctionName": name, "Marker": "e2"})
    stub.add_response("list_function_event_invoke_configs",
                      {"FunctionEventInvokeConfigs": [invoke_config("$LATEST", 1)], "NextMarker": "i2"},
                      expected_params={"FunctionName": name})
    stub.add_response("list_function_event_invoke_configs", {"FunctionEventInvokeConfigs": [invoke_config("live", 0)]},
                      expected_params={"FunctionName": name, "Marker": "i2"})
    if provisioned_error:
        stub.add_client_error("list_provisioned_concurrency_configs", expected_params={"FunctionName": name},
                              **provisioned_error)
    else:
        stub.add_response("list_provisioned_concurrency_configs",
                          {"ProvisionedConcurrencyConfigs": [provisioned("live", 5)], "NextMarker": "p2"},
                          expected_params={"FunctionName": name})
        stub.add_response("list_provisioned_concurrency_configs",
                          {"ProvisionedConcurrencyConfigs": [provisioned("2", 1)]},
                          expected_params={"FunctionName": name, "Marker": "p2"})
    queue_function_urls(stub, name, urls_error)
    queue_settings(stub, name, **settings_errors)


ONE_FUNCTION_ALL_CALLS = ["GetFunction", "ListAliases", "ListAliases", "ListVersionsByFunction",
                          "ListVersionsByFunction", "GetPolicy", "ListEventSourceMappings", "ListEventSourceMappings",
                          "ListFunctionEventInvokeConfigs", "ListFunctionEventInvokeConfigs",
                          "ListProvisionedConcurrencyConfigs", "ListProvisionedConcurrencyConfigs",
                          "ListFunctionUrlConfigs", "ListFunctionUrlConfigs", "GetFunctionRecursionConfig",
                          "GetRuntimeManagementConfig"]


@pytest.mark.parametrize("check_mode", [False, True])
def test_one_function_all_reads_every_part_over_every_page(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    queue_one_function_all(lambda_stub)
    result, warnings = run(lambda_stub, check_mode=check_mode, function_name="hello")  # query defaults to all
    assert sent == ONE_FUNCTION_ALL_CALLS and warnings == []
    assert result["changed"] is False
    (found,) = result["functions"]
    assert found["tags"] == {"team": "web"} and found["reserved_concurrency"] == 3
    assert [(a["name"], a["function_version"]) for a in found["aliases"]] == [("live", "2"), ("dev", "$LATEST")]
    assert found["aliases"][0]["alias_arn"] == arn("hello", "live")
    assert [v["version"] for v in found["versions"]] == ["$LATEST", "1", "2"]
    assert found["versions"][2]["function_arn"] == arn("hello", "2")
    assert found["policy"] == {"Version": "2012-10-17", "Id": "default", "Statement": [STATEMENT]}
    assert [m["uuid"][-2:] for m in found["mappings"]] == ["m1", "m2"]
    assert found["mappings"][0]["event_source_arn"] == QUEUE_ARN and found["mappings"][0]["batch_size"] == 10
    assert [(c["function_arn"], c["maximum_retry_attempts"]) for c in found["event_invoke_configs"]] == [
        (arn("hello", "$LATEST"), 1), (arn("hello", "live"), 0)]
    assert found["event_invoke_configs"][0]["destination_config"] == {"on_failure": {"destination": QUEUE_ARN}}
    assert [(p["function_arn"], p["requested_provisioned_concurrent_executions"], p["status"])
            for p in found["provisioned_concurrency"]] == [(arn("hello", "live"), 5, "READY"), (arn("hello", "2"), 1, "READY")]
    assert [(u["function_arn"], u["auth_type"]) for u in found["function_urls"]] == [
        (arn("hello"), "AWS_IAM"), (arn("hello", "live"), "NONE")]
    assert found["function_urls"][0]["cors"] == {"allow_origins": ["https://www.example.com"]}
    assert found["recursive_loop"] == "Allow"
    assert found["runtime_management"] == {"update_runtime_on": "Manual", "runtime_version_arn": RUNTIME_VERSION_ARN}
    assert "durable_executions" not in found  # not a durable function: no request for them


def test_one_function_by_arn_is_read_by_its_arn(lambda_stub):
    queue_one_function_all(lambda_stub, name=FUNCTION_ARN)
    result, _warnings = run(lambda_stub, function_name=FUNCTION_ARN, query=["all"])
    assert result["functions"][0]["function_name"] == "hello"


@pytest.mark.parametrize("name", ["hello:1", arn("hello", "1"), arn("hello", "live")])
def test_validate_accepts_a_qualified_name_as_amazon_aws_lambda_info_does(name):
    assert info.validate(params(function_name=name)) == []


def test_a_qualified_name_reads_that_version_s_configuration_policy_and_mappings_and_the_function_s_other_parts(
        lambda_stub):
    qualified = arn("hello", "1")
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function", get_function("hello", FunctionArn=qualified, Version="1"),
                             expected_params={"FunctionName": qualified})
    lambda_stub.add_response("list_aliases", {"Aliases": [alias("live", "1")]}, expected_params={"FunctionName": arn("hello")})
    lambda_stub.add_response("list_versions_by_function", {"Versions": [version("$LATEST"), version("1")]},
                             expected_params={"FunctionName": arn("hello")})
    lambda_stub.add_response("get_policy", policy(STATEMENT), expected_params={"FunctionName": qualified})
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m1", qualified)]},
                             expected_params={"FunctionName": qualified})
    result, _warnings = run(lambda_stub, function_name=qualified, query=["aliases", "versions", "policy", "mappings"])
    assert sent == ["GetFunction", "ListAliases", "ListVersionsByFunction", "GetPolicy", "ListEventSourceMappings"]
    (found,) = result["functions"]
    assert found["version"] == "1" and found["function_arn"] == qualified
    assert [v["version"] for v in found["versions"]] == ["$LATEST", "1"]
    assert found["policy"]["Statement"] == [STATEMENT]


@pytest.mark.parametrize("query, calls, keys", [
    (["aliases"], ["GetFunction", "ListAliases"], {"aliases"}),
    (["versions"], ["GetFunction", "ListVersionsByFunction"], {"versions"}),
    (["policy"], ["GetFunction", "GetPolicy"], {"policy"}),
    (["mappings"], ["GetFunction", "ListEventSourceMappings"], {"mappings"}),
    (["tags"], ["GetFunction"], {"tags"}),
    (["concurrency"], ["GetFunction"], {"reserved_concurrency"}),
    (["event_invoke_configs"], ["GetFunction", "ListFunctionEventInvokeConfigs"], {"event_invoke_configs"}),
    (["provisioned_concurrency"], ["GetFunction", "ListProvisionedConcurrencyConfigs"], {"provisioned_concurrency"}),
    (["function_urls"], ["GetFunction", "ListFunctionUrlConfigs"], {"function_urls"}),
    (["config", "policy", "aliases"], ["GetFunction", "ListAliases", "GetPolicy"], {"aliases", "policy"}),
])
def test_each_query_of_one_function_sends_its_own_call_only(lambda_stub, query, calls, keys):
    sent = count_calls(lambda_stub.client)
    answers = {
        "GetFunction": ("get_function", get_function("hello", tags={"a": "1"}, reserved=2)),
        "ListAliases": ("list_aliases", {"Aliases": [alias("live", "1")]}),
        "ListVersionsByFunction": ("list_versions_by_function", {"Versions": [version("$LATEST")]}),
        "GetPolicy": ("get_policy", policy(STATEMENT)),
        "ListEventSourceMappings": ("list_event_source_mappings", {"EventSourceMappings": [mapping("m1", FUNCTION_ARN)]}),
        "ListFunctionEventInvokeConfigs": ("list_function_event_invoke_configs",
                                           {"FunctionEventInvokeConfigs": [invoke_config("$LATEST", 2)]}),
        "ListProvisionedConcurrencyConfigs": ("list_provisioned_concurrency_configs",
                                              {"ProvisionedConcurrencyConfigs": [provisioned("live", 1)]}),
        "ListFunctionUrlConfigs": ("list_function_url_configs", {"FunctionUrlConfigs": [url_config("live")]}),
    }
    for call in calls:
        method, answer = answers[call]
        lambda_stub.add_response(method, answer, expected_params={"FunctionName": "hello"})
    result, _warnings = run(lambda_stub, function_name="hello", query=query)
    assert sent == calls
    (found,) = result["functions"]
    assert set(found) & (set(info.PARTS) | {"reserved_concurrency"}) == keys


def test_mappings_of_one_function_from_one_source(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m1", FUNCTION_ARN)]},
                             expected_params={"FunctionName": "hello", "EventSourceArn": QUEUE_ARN})
    result, _warnings = run(lambda_stub, function_name="hello", query=["mappings"], event_source_arn=QUEUE_ARN)
    assert [m["uuid"][-2:] for m in result["functions"][0]["mappings"]] == ["m1"]


def test_a_function_without_a_policy_has_an_empty_one(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_client_error("get_policy", "ResourceNotFoundException", "The resource you requested does not exist.",
                                 http_status_code=404)
    result, _warnings = run(lambda_stub, function_name="hello", query=["policy"])
    assert result["functions"][0]["policy"] == {}


@pytest.mark.parametrize("query", [None, ["config"], ["aliases", "versions"]])
def test_a_missing_function_gives_an_empty_list_after_one_call(lambda_stub, query):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found: " + arn("nope"),
                                 http_status_code=404)
    result, warnings = run(lambda_stub, function_name="nope", query=query)
    assert result == {"changed": False, "functions": []}
    assert sent == ["GetFunction"] and warnings == []


def test_a_function_deleted_while_it_is_read_is_left_out(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_client_error("list_aliases", "ResourceNotFoundException", http_status_code=404)
    result, _warnings = run(lambda_stub, function_name="hello", query=["aliases", "versions"])
    assert result["functions"] == []


def test_with_all_an_endpoint_without_provisioned_concurrency_leaves_it_out_with_a_warning(lambda_stub):
    queue_one_function_all(lambda_stub, provisioned_error=NOT_IMPLEMENTED)
    result, warnings = run(lambda_stub, function_name="hello", query=["all"])
    (found,) = result["functions"]
    assert "provisioned_concurrency" not in found and len(found["aliases"]) == 2
    assert len(found["function_urls"]) == 2
    assert warnings == ["the endpoint does not implement ListProvisionedConcurrencyConfigs (it answered HTTP 404); "
                        "what that operation reads was left out. AWS answers it."]


def test_with_all_an_endpoint_without_function_url_listing_leaves_it_out_with_a_warning(lambda_stub):
    # moto 5.2.5 has Create/Get/Update/DeleteFunctionUrlConfig, not ListFunctionUrlConfigs
    queue_one_function_all(lambda_stub, urls_error=NOT_IMPLEMENTED)
    result, warnings = run(lambda_stub, function_name="hello", query=["all"])
    (found,) = result["functions"]
    assert "function_urls" not in found and len(found["provisioned_concurrency"]) == 2
    assert warnings == ["the endpoint does not implement ListFunctionUrlConfigs (it answered HTTP 404); "
                        "what that operation reads was left out. AWS answers it."]


def test_function_urls_asked_by_name_fail_on_an_endpoint_without_them(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_client_error("list_function_url_configs", **NOT_IMPLEMENTED)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, function_name="hello", query=["function_urls"])
    assert failed.value.msg.startswith("ListFunctionUrlConfigs failed: the endpoint does not implement this operation")


@pytest.mark.parametrize("query", [["provisioned_concurrency"], ["all", "provisioned_concurrency"]])
def test_provisioned_concurrency_asked_by_name_fails_on_an_endpoint_without_it(lambda_stub, query):
    lambda_stub.add_response("get_function", get_function("hello"))
    if "all" in query:
        for method in ("list_aliases", "list_versions_by_function"):
            lambda_stub.add_response(method, {"Aliases": []} if method == "list_aliases" else {"Versions": []})
        lambda_stub.add_response("get_policy", policy(STATEMENT))
        lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []})
        lambda_stub.add_response("list_function_event_invoke_configs", {"FunctionEventInvokeConfigs": []})
    lambda_stub.add_client_error("list_provisioned_concurrency_configs", **NOT_IMPLEMENTED)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, function_name="hello", query=query)
    assert failed.value.msg == ("ListProvisionedConcurrencyConfigs failed: the endpoint does not implement this "
                                "operation (it answered HTTP 404); AWS does. Check endpoint_url.")


def test_access_denied_fails_with_the_operation(lambda_stub):
    lambda_stub.add_response("get_function", get_function("hello"))
    lambda_stub.add_client_error("list_aliases", "AccessDeniedException", "not allowed to lambda:ListAliases",
                                 http_status_code=403)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, function_name="hello", query=["aliases"])
    assert failed.value.msg == "ListAliases failed: AccessDeniedException: not allowed to lambda:ListAliases"


# ------------------------------------------------------------------ every function

def test_every_function_config_is_one_list_functions_per_page(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_functions", {"Functions": [listed("a"), listed("b")], "NextMarker": "f2"},
                             expected_params={})
    lambda_stub.add_response("list_functions", {"Functions": [listed("c")]}, expected_params={"Marker": "f2"})
    result, warnings = run(lambda_stub)  # query defaults to config
    assert sent == ["ListFunctions", "ListFunctions"] and warnings == []
    assert [f["function_name"] for f in result["functions"]] == ["a", "b", "c"]
    assert result["functions"][2]["function_arn"] == arn("c") and "state" not in result["functions"][2]
    assert not set(result["functions"][0]) & set(info.PARTS)


def test_no_function_at_all(lambda_stub):
    lambda_stub.add_response("list_functions", {"Functions": []})
    assert run(lambda_stub, query=["all"])[0] == {"changed": False, "functions": []}


def test_every_function_tags_and_concurrency_cost_one_get_function_each(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_functions", {"Functions": [listed("a"), listed("b")]})
    lambda_stub.add_response("get_function", get_function("a", tags={"team": "web"}, reserved=4),
                             expected_params={"FunctionName": "a"})
    lambda_stub.add_response("get_function", get_function("b"), expected_params={"FunctionName": "b"})
    result, _warnings = run(lambda_stub, query=["tags", "concurrency"])
    assert sent == ["ListFunctions", "GetFunction", "GetFunction"]
    a, b = result["functions"]
    assert (a["tags"], a["reserved_concurrency"], b["tags"], b["reserved_concurrency"]) == ({"team": "web"}, 4, {}, None)
    assert a["state"] == "Active"  # GetFunction's fuller configuration replaces the listed one


def test_every_function_mappings_are_one_listing_grouped_by_function(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_functions", {"Functions": [listed("a"), listed("b"), listed("c")]})
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [
        mapping("m1", arn("a")), mapping("m2", arn("b", "live")), mapping("m3", arn("gone"))], "NextMarker": "e2"},
        expected_params={})
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m4", arn("a", "3"))]},
                             expected_params={"Marker": "e2"})
    result, _warnings = run(lambda_stub, query=["mappings"])
    assert sent == ["ListFunctions", "ListEventSourceMappings", "ListEventSourceMappings"]
    by_name = dict((f["function_name"], [m["uuid"][-2:] for m in f["mappings"]]) for f in result["functions"])
    assert by_name == {"a": ["m1", "m4"], "b": ["m2"], "c": []}
    assert result["functions"][1]["mappings"][0]["function_arn"] == arn("b", "live")


def test_every_function_mappings_of_one_source(lambda_stub):
    lambda_stub.add_response("list_functions", {"Functions": [listed("a")]})
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m1", arn("a"))]},
                             expected_params={"EventSourceArn": QUEUE_ARN})
    result, _warnings = run(lambda_stub, query=["mappings"], event_source_arn=QUEUE_ARN)
    assert result["functions"][0]["mappings"][0]["uuid"] == uuid_of("m1")


def test_every_function_all_is_linear_and_asks_an_endpoint_without_provisioned_concurrency_once(lambda_stub):
    sent = count_calls(lambda_stub.client)
    names = ["a", "b", "c"]
    lambda_stub.add_response("list_functions", {"Functions": [listed(n) for n in names]})
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [mapping("m1", arn("b"))]})
    for index, name in enumerate(names):
        key = {"FunctionName": name}
        lambda_stub.add_response("get_function", get_function(name, tags={"n": name}), expected_params=key)
        lambda_stub.add_response("list_aliases", {"Aliases": [alias("live", "1", name)]}, expected_params=key)
        lambda_stub.add_response("list_versions_by_function", {"Versions": [version("$LATEST", name)]},
                                 expected_params=key)
        if name == "a":
            lambda_stub.add_response("get_policy", policy(STATEMENT), expected_params=key)
        else:
            lambda_stub.add_client_error("get_policy", "ResourceNotFoundException", http_status_code=404,
                                         expected_params=key)
        lambda_stub.add_response("list_function_event_invoke_configs", {"FunctionEventInvokeConfigs": []},
                                 expected_params=key)
        if index == 0:
            lambda_stub.add_client_error("list_provisioned_concurrency_configs", expected_params=key, **NOT_IMPLEMENTED)
            lambda_stub.add_client_error("list_function_url_configs", expected_params=key, **NOT_IMPLEMENTED)
        lambda_stub.add_response("get_function_recursion_config", {"RecursiveLoop": "Allow"}, expected_params=key)
        if index == 0:  # not asked again once the endpoint said it does not implement it
            lambda_stub.add_client_error("get_runtime_management_config", expected_params=key, **NOT_IMPLEMENTED)
    result, warnings = run(lambda_stub, query="all".split(","))
    per_function = ["GetFunction", "ListAliases", "ListVersionsByFunction", "GetPolicy", "ListFunctionEventInvokeConfigs"]
    assert sent == (["ListFunctions", "ListEventSourceMappings"] + per_function + ["ListProvisionedConcurrencyConfigs",
                                                                                   "ListFunctionUrlConfigs"]
                    + ["GetFunctionRecursionConfig", "GetRuntimeManagementConfig"]
                    + (per_function + ["GetFunctionRecursionConfig"]) * 2)
    assert len(warnings) == 3 and "ListProvisionedConcurrencyConfigs" in warnings[0]
    assert "ListFunctionUrlConfigs" in warnings[1] and "GetRuntimeManagementConfig" in warnings[2]
    assert [f["recursive_loop"] for f in result["functions"]] == ["Allow"] * 3
    assert all("runtime_management" not in f for f in result["functions"])
    assert [f["function_name"] for f in result["functions"]] == names
    assert [f["tags"] for f in result["functions"]] == [{"n": "a"}, {"n": "b"}, {"n": "c"}]
    assert [f["policy"] for f in result["functions"]][1:] == [{}, {}]
    assert result["functions"][0]["policy"]["Statement"] == [STATEMENT]
    assert [len(f["mappings"]) for f in result["functions"]] == [0, 1, 0]
    assert result["functions"][2]["aliases"][0]["alias_arn"] == arn("c", "live")
    assert all("provisioned_concurrency" not in f for f in result["functions"])


def test_every_function_provisioned_concurrency_by_name_is_read_for_each(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_functions", {"Functions": [listed("a"), listed("b")]})
    lambda_stub.add_response("list_provisioned_concurrency_configs", {"ProvisionedConcurrencyConfigs": [
        provisioned("live", 2)]}, expected_params={"FunctionName": "a"})
    lambda_stub.add_response("list_provisioned_concurrency_configs", {"ProvisionedConcurrencyConfigs": []},
                             expected_params={"FunctionName": "b"})
    result, _warnings = run(lambda_stub, query=["provisioned_concurrency"])
    assert sent == ["ListFunctions", "ListProvisionedConcurrencyConfigs", "ListProvisionedConcurrencyConfigs"]
    assert [len(f["provisioned_concurrency"]) for f in result["functions"]] == [1, 0]


def test_functions_deleted_after_the_listing_are_left_out(lambda_stub):
    lambda_stub.add_response("list_functions", {"Functions": [listed("a"), listed("b"), listed("c")]})
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", http_status_code=404)
    lambda_stub.add_response("get_function", get_function("b"))
    lambda_stub.add_response("list_aliases", {"Aliases": []})
    lambda_stub.add_response("get_function", get_function("c"))
    lambda_stub.add_client_error("list_aliases", "ResourceNotFoundException", http_status_code=404)
    result, _warnings = run(lambda_stub, query=["tags", "aliases"])
    assert [f["function_name"] for f in result["functions"]] == ["b"]


# ------------------------------------------------------------------ account settings

ACCOUNT_SETTINGS = {
    "AccountLimit": {"TotalCodeSize": 80530636800, "CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800,
                     "ConcurrentExecutions": 1000, "UnreservedConcurrentExecutions": 990},
    "AccountUsage": {"TotalCodeSize": 1048576, "FunctionCount": 12},
}


@pytest.mark.parametrize("check_mode", [False, True])
def test_account_settings_alone_cost_one_call(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_account_settings", ACCOUNT_SETTINGS, expected_params={})
    result, _warnings = run(lambda_stub, check_mode=check_mode, query=[], account_settings=True)
    assert sent == ["GetAccountSettings"]
    assert result == {"changed": False, "functions": [], "account_settings": {
        "account_limit": {"total_code_size": 80530636800, "code_size_unzipped": 262144000,
                          "code_size_zipped": 52428800, "concurrent_executions": 1000,
                          "unreserved_concurrent_executions": 990},
        "account_usage": {"total_code_size": 1048576, "function_count": 12}}}


def test_account_settings_come_first_then_the_functions(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_account_settings", ACCOUNT_SETTINGS)
    lambda_stub.add_response("get_function", get_function("hello"))
    result, _warnings = run(lambda_stub, function_name="hello", query=["config"], account_settings=True)
    assert sent == ["GetAccountSettings", "GetFunction"]
    assert result["account_settings"]["account_usage"]["function_count"] == 12
    assert result["functions"][0]["function_name"] == "hello"


def test_account_settings_fail_clearly_on_an_endpoint_without_them(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_account_settings", **NOT_IMPLEMENTED)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, function_name="hello", account_settings=True)
    assert sent == ["GetAccountSettings"]
    assert failed.value.msg == ("GetAccountSettings failed: the endpoint does not implement this operation (it "
                                "answered HTTP 404); AWS does. Check endpoint_url.")


# ------------------------------------------------------------------ the readers, for other modules

def test_readers_return_aws_answers_over_every_page(lambda_stub):
    task = Task(params())
    client = LambdaClient(task, client=lambda_stub.client)
    lambda_stub.add_response("list_aliases", {"Aliases": [alias("live", "2")], "NextMarker": "a2"},
                             expected_params={"FunctionName": "hello"})
    lambda_stub.add_response("list_aliases", {"Aliases": [alias("dev", "1")]},
                             expected_params={"FunctionName": "hello", "Marker": "a2"})
    lambda_stub.add_client_error("get_policy", "ResourceNotFoundException", http_status_code=404,
                                 expected_params={"FunctionName": "hello"})
    lambda_stub.add_client_error("list_versions_by_function", "ResourceNotFoundException", http_status_code=404,
                                 expected_params={"FunctionName": "gone"})
    assert info.aliases(client, "hello") == [alias("live", "2"), alias("dev", "1")]
    assert info.policy(client, "hello") == {}
    assert info.versions(client, "gone") is None


def test_tags_and_concurrency_readers_take_a_get_function_answer(lambda_stub):
    task = Task(params())
    client = LambdaClient(task, client=lambda_stub.client)
    answer = get_function("hello", tags={"team": "web"}, reserved=7)
    assert info.tags(client, "hello", answer) == {"team": "web"}
    assert info.reserved_concurrency(client, "hello", answer) == 7
    del answer["Tags"]
    answer["TagsError"] = {"ErrorCode": "AccessDeniedException", "Message": TAGS_DENIED}
    assert info.tags(client, "hello", answer) is info.LEFT_OUT
    assert task.warnings == ["The tags of hello could not be read, so they are left out: AccessDeniedException: "
                             + TAGS_DENIED]
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", http_status_code=404,
                                 expected_params={"FunctionName": "nope"})
    assert info.tags(client, "nope") is None
