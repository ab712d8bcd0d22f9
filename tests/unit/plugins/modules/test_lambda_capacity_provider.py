# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_capacity_provider against botocore's Stubber: neither moto nor LocalStack implements capacity providers,
so the requests are checked against botocore's service model (Stubber refuses a parameter the model lacks)."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError, WaitFailed
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import capacity_provider
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.capacity_provider import CapacityProvider
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_capacity_provider as module_under_test


NAME = "orders-capacity"
ARN = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:" + NAME
ROLE = "arn:aws:iam::123456789012:role/capacity-operator"
SUBNETS = ["subnet-0a", "subnet-0b"]
GROUPS = ["sg-01"]
VERSION = "arn:aws:lambda:us-east-1:123456789012:function:orders:1"
CPU = "LambdaCapacityProviderAverageCPUUtilization"
MODIFIED = "2026-01-31T12:00:00.000+0000"

VPC = {"SubnetIds": SUBNETS, "SecurityGroupIds": GROUPS}
PERMISSIONS = {"CapacityProviderOperatorRoleArn": ROLE}


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(name=NAME, vpc_config=dict(subnet_ids=list(SUBNETS), security_group_ids=list(GROUPS)),
                  permissions_config=dict(capacity_provider_operator_role_arn=ROLE))
    values.update(options)
    return values


def answer(state="Active", **fields):
    provider = {"CapacityProviderArn": ARN, "State": state, "VpcConfig": dict(VPC),
                "PermissionsConfig": dict(PERMISSIONS), "InstanceRequirements": {"Architectures": ["x86_64"]},
                "CapacityProviderScalingConfig": {"MaxVCpuCount": 64, "ScalingMode": "Manual",
                                                  "ScalingPolicies": [{"PredefinedMetricType": CPU, "TargetValue": 70.0}]},
                "KmsKeyArn": "", "LastModified": MODIFIED}
    provider.update(fields)
    return provider


def got(stub, provider=None, **fields):
    stub.add_response("get_capacity_provider", {"CapacityProvider": provider or answer(**fields)},
                      {"CapacityProviderName": NAME})


def missing(stub):
    stub.add_client_error("get_capacity_provider", "ResourceNotFoundException", "not found", 404,
                          expected_params={"CapacityProviderName": NAME})


def versions(stub, *items):
    stub.add_response("list_function_versions_by_capacity_provider",
                      {"CapacityProviderArn": ARN, "FunctionVersions": list(items)}, {"CapacityProviderName": NAME})


def client_of(task, stub, sts=None):
    client = LambdaClient(task, client=stub.client)
    if sts is not None:
        # A stubbed STS client, where LambdaClient keeps the clients it built.
        client._clients["sts"] = sts.client  # pylint: disable=protected-access
    return client


def run(stub, check_mode=False, sts=None, **options):
    task = Task(params(**options), check_mode=check_mode, diff=True)
    assert CapacityProvider.validate(task.params) == []
    result = CapacityProvider.run(task, client_of(task, stub, sts))
    return result, task


def refused(stub, **options):
    task = Task(params(**options), diff=True)
    assert CapacityProvider.validate(task.params) == []
    with pytest.raises(LambdaError) as failed:
        CapacityProvider.run(task, client_of(task, stub))
    return failed.value


@pytest.mark.parametrize("choices, shape", [
    (capacity_provider.SCALING_MODES, "CapacityProviderScalingMode"),
    (capacity_provider.METRIC_TYPES, "CapacityProviderPredefinedMetricType"),
    (capacity_provider.PROPAGATE_TAGS_MODES, "PropagateTagsMode"),
    (capacity_provider.SYSTEM_LOG_LEVELS, "SystemLogLevel"),
    (module_under_test.ARGUMENT_SPEC["instance_requirements"]["options"]["architectures"]["choices"], "Architecture"),
])
def test_choices_are_the_models(choices, shape):
    assert model_enum(shape) and sorted(choices) == sorted(model_enum(shape))


def test_the_states_are_the_models():
    assert {capacity_provider.TRANSITIONAL, "Active", "Failed", "Deleting"} == set(model_enum("CapacityProviderState"))


@pytest.mark.parametrize("options, start", [
    ({"name": "orders capacity"}, "name: 'orders capacity' is not a capacity provider name"),
    ({"name": "x" * 141}, "name: 141 characters; AWS takes at most 140."),
    ({"vpc_config": {"subnet_ids": [], "security_group_ids": []}}, "vpc_config.subnet_ids: 0 given; AWS takes 1 to 16."),
    ({"vpc_config": {"subnet_ids": ["net-1"], "security_group_ids": []}}, "vpc_config.subnet_ids: 'net-1' is not a subnet ID"),
    ({"vpc_config": {"subnet_ids": SUBNETS, "security_group_ids": ["sg-%d" % i for i in range(6)]}},
     "vpc_config.security_group_ids: 6 given; AWS takes 0 to 5."),
    ({"vpc_config": {"subnet_ids": SUBNETS, "security_group_ids": ["group"]}},
     "vpc_config.security_group_ids: 'group' is not a security group ID"),
    ({"permissions_config": {"capacity_provider_operator_role_arn": "operator"}},
     "permissions_config.capacity_provider_operator_role_arn: 'operator' is not an IAM role ARN"),
    ({"instance_requirements": {"architectures": ["x86_64", "arm64"]}},
     "instance_requirements.architectures: 2 given; AWS takes 1 to 1."),
    ({"instance_requirements": {"allowed_instance_types": ["m7g large"]}},
     "instance_requirements.allowed_instance_types: 'm7g large' is not an EC2 instance type"),
    ({"capacity_provider_scaling_config": {"max_v_cpu_count": 1}},
     "capacity_provider_scaling_config.max_v_cpu_count must be between 2 and 15000, not 1."),
    ({"capacity_provider_scaling_config": {"scaling_policies": []}},
     "capacity_provider_scaling_config.scaling_policies: 0 given; AWS takes 1 to 10."),
    ({"capacity_provider_scaling_config": {"scaling_policies": [{"predefined_metric_type": CPU, "target_value": 101}]}},
     "capacity_provider_scaling_config.scaling_policies.target_value must be between 0 and 100, not 101."),
    ({"kms_key_arn": "alias/mine"}, "kms_key_arn: 'alias/mine' is not a KMS key ARN"),
    ({"propagate_tags": {"mode": "None", "explicit_tags": {"a": "b"}}}, "propagate_tags: explicit_tags are propagated only"),
    ({"propagate_tags": {"mode": "Explicit", "explicit_tags": {"a": ["b"]}}},
     "propagate_tags.explicit_tags: the value of a is a list"),
    ({"propagate_tags": {"mode": "Explicit", "explicit_tags": dict(("k%d" % i, "v") for i in range(41))}},
     "propagate_tags.explicit_tags: 41 given; AWS takes 0 to 40."),
    ({"telemetry_config": {"logging_config": {"log_group": "my logs"}}},
     "telemetry_config.logging_config.log_group: 'my logs' is not a CloudWatch Logs log group name"),
    ({"tags": {"a": {"b": 1}}}, "tags: the value of a is a dictionary"),
    ({"wait_timeout": 0}, "wait_timeout: 0 is not 1 or more seconds."),
])
def test_validate_names_the_wrong_option(options, start):
    errors = CapacityProvider.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


def test_an_arn_is_a_name():
    assert CapacityProvider.validate(params(name=ARN)) == []


def test_check_mode_create_predicts_the_arn_and_sends_nothing(lambda_stub, sts_stub):
    missing(lambda_stub)
    sts_stub.add_response("get_caller_identity", {"Account": "123456789012", "UserId": "AIDA",
                                                  "Arn": "arn:aws:iam::123456789012:user/deployer"}, {})
    result, _task = run(lambda_stub, check_mode=True, sts=sts_stub, tags={"team": "orders"},
                        vpc_config=dict(subnet_ids=["subnet-0b", "subnet-0a", "subnet-0b"], security_group_ids=GROUPS))
    assert result["changed"]
    provider = result["capacity_provider"]
    assert provider["capacity_provider_arn"] == ARN
    assert provider["state"] is None and provider["last_modified"] is None
    assert provider["vpc_config"] == {"subnet_ids": SUBNETS, "security_group_ids": GROUPS}
    assert provider["tags"] == {"team": "orders"}
    assert result["function_versions"] == []
    assert result["diff"] == {"before": {}, "after": {
        "vpc_config": {"subnet_ids": SUBNETS, "security_group_ids": GROUPS},
        "permissions_config": {"capacity_provider_operator_role_arn": ROLE}, "tags": {"team": "orders"}}}


def test_check_mode_create_by_arn_needs_no_sts(lambda_stub):
    lambda_stub.add_client_error("get_capacity_provider", "ResourceNotFoundException", "not found", 404,
                                 expected_params={"CapacityProviderName": ARN})
    result, _task = run(lambda_stub, check_mode=True, name=ARN)
    assert result["capacity_provider"]["capacity_provider_arn"] == ARN


def test_check_mode_create_without_sts_warns_and_leaves_the_arn_null(lambda_stub, sts_stub):
    missing(lambda_stub)
    sts_stub.add_client_error("get_caller_identity", "AccessDenied", "no", 403)
    result, task = run(lambda_stub, check_mode=True, sts=sts_stub)
    assert result["capacity_provider"]["capacity_provider_arn"] is None
    assert "could not be predicted" in task.warnings[0]


def test_create_sends_every_given_field_and_waits_for_active(lambda_stub, sleeps):
    missing(lambda_stub)
    lambda_stub.add_response("create_capacity_provider", {"CapacityProvider": answer("Pending")}, {
        "CapacityProviderName": NAME, "VpcConfig": VPC, "PermissionsConfig": PERMISSIONS,
        "InstanceRequirements": {"Architectures": ["arm64"], "AllowedInstanceTypes": ["c7g.*", "m7g.large"]},
        "CapacityProviderScalingConfig": {"MaxVCpuCount": 64, "ScalingMode": "Manual",
                                          "ScalingPolicies": [{"PredefinedMetricType": CPU, "TargetValue": 70.0}]},
        "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k1",
        "PropagateTags": {"Mode": "Explicit", "ExplicitTags": {"CostCenter": "42"}},
        "TelemetryConfig": {"LoggingConfig": {"SystemLogLevel": "INFO"}},
        "Tags": {"team": "orders"}})
    got(lambda_stub, state="Pending")
    got(lambda_stub, state="Active")
    result, _task = run(
        lambda_stub, instance_requirements=dict(architectures=["arm64"], allowed_instance_types=["m7g.large", "c7g.*"]),
        capacity_provider_scaling_config=dict(max_v_cpu_count=64, scaling_mode="Manual", scaling_policies=[
            dict(predefined_metric_type=CPU, target_value=70)]),
        kms_key_arn="arn:aws:kms:us-east-1:123456789012:key/k1",
        propagate_tags=dict(mode="Explicit", explicit_tags={"CostCenter": 42}),
        telemetry_config=dict(logging_config=dict(system_log_level="INFO")), tags={"team": "orders"})
    assert result["changed"]
    assert result["capacity_provider"]["state"] == "Active"
    assert result["capacity_provider"]["tags"] == {"team": "orders"}
    assert sleeps == [capacity_provider.WAIT_DELAY, capacity_provider.WAIT_DELAY]
    # Tag keys are the user's: never snake_cased.
    assert result["diff"]["after"]["propagate_tags"] == {"mode": "Explicit", "explicit_tags": {"CostCenter": "42"}}


def test_create_needs_the_vpc_and_the_role(lambda_stub):
    missing(lambda_stub)
    error = refused(lambda_stub, vpc_config=None, permissions_config=None)
    assert error.msg.startswith("vpc_config and permissions_config: required to create the capacity provider")


def test_create_that_fails_raises_without_wait(lambda_stub):
    missing(lambda_stub)
    lambda_stub.add_response("create_capacity_provider", {"CapacityProvider": answer("Pending")},
                             {"CapacityProviderName": NAME, "VpcConfig": VPC, "PermissionsConfig": PERMISSIONS})
    got(lambda_stub, state="Failed")
    error = refused(lambda_stub)
    assert isinstance(error, WaitFailed) and error.msg.startswith("The capacity provider %s is Failed." % NAME)


def test_create_without_wait_returns_pending(lambda_stub, sleeps):
    missing(lambda_stub)
    lambda_stub.add_response("create_capacity_provider", {"CapacityProvider": answer("Pending")},
                             {"CapacityProviderName": NAME, "VpcConfig": VPC, "PermissionsConfig": PERMISSIONS})
    result, _task = run(lambda_stub, wait=False)
    assert result["capacity_provider"]["state"] == "Pending" and sleeps == []


def test_wait_timeout(lambda_stub):
    missing(lambda_stub)
    lambda_stub.add_response("create_capacity_provider", {"CapacityProvider": answer("Pending")},
                             {"CapacityProviderName": NAME, "VpcConfig": VPC, "PermissionsConfig": PERMISSIONS})
    got(lambda_stub, state="Pending")
    error = refused(lambda_stub, wait_timeout=5)
    assert "was still Pending after 5 seconds (wait_timeout)" in error.msg


def test_lost_create_answer_is_adopted(lambda_stub):
    missing(lambda_stub)
    lambda_stub.add_client_error("create_capacity_provider", "ResourceConflictException",
                                 "Capacity provider already exists", 409)
    got(lambda_stub)
    result, _task = run(lambda_stub)
    assert result["changed"] and result["capacity_provider"]["capacity_provider_arn"] == ARN


def test_another_provider_with_the_name_is_not_adopted(lambda_stub):
    missing(lambda_stub)
    lambda_stub.add_client_error("create_capacity_provider", "ResourceConflictException",
                                 "Capacity provider already exists", 409)
    got(lambda_stub, PermissionsConfig={"CapacityProviderOperatorRoleArn": ROLE + "-other"})
    error = refused(lambda_stub)
    assert error.code == "ResourceConflictException"


def test_second_identical_run_is_two_reads(lambda_stub):
    got(lambda_stub)
    versions(lambda_stub, {"FunctionArn": VERSION, "State": "Active"})
    result, _task = run(lambda_stub, vpc_config=dict(subnet_ids=list(reversed(SUBNETS)), security_group_ids=GROUPS),
                        instance_requirements=dict(architectures=["x86_64"]),
                        capacity_provider_scaling_config=dict(scaling_policies=[
                            dict(predefined_metric_type=CPU, target_value=70)]))
    assert not result["changed"]
    assert result["diff"] == {"before": {}, "after": {}}
    assert result["function_versions"] == [{"function_arn": VERSION, "state": "Active"}]
    assert result["capacity_provider"]["capacity_provider_scaling_config"]["max_v_cpu_count"] == 64
    assert result["capacity_provider"]["last_modified"] == MODIFIED


def test_update_of_the_scaling_sends_the_whole_structure(lambda_stub):
    got(lambda_stub)
    versions(lambda_stub)
    scaled = dict(answer()["CapacityProviderScalingConfig"], MaxVCpuCount=128)
    lambda_stub.add_response("update_capacity_provider", {"CapacityProvider": answer(
        "Active", CapacityProviderScalingConfig=scaled)}, {
        "CapacityProviderName": NAME, "CapacityProviderScalingConfig": scaled})
    result, _task = run(lambda_stub, vpc_config=None, permissions_config=None,
                        capacity_provider_scaling_config=dict(max_v_cpu_count=128))
    assert result["changed"]
    assert result["capacity_provider"]["capacity_provider_scaling_config"]["max_v_cpu_count"] == 128
    assert result["diff"] == {"before": {"capacity_provider_scaling_config": {"max_v_cpu_count": 64}},
                              "after": {"capacity_provider_scaling_config": {"max_v_cpu_count": 128}}}


def test_check_mode_update_predicts_and_sends_nothing(lambda_stub):
    got(lambda_stub)
    versions(lambda_stub)
    result, _task = run(lambda_stub, check_mode=True, telemetry_config=dict(logging_config=dict(log_group="/cp/orders")),
                        propagate_tags=dict(mode="Explicit", explicit_tags={"Team": "orders"}))
    assert result["changed"]
    provider = result["capacity_provider"]
    assert provider["telemetry_config"] == {"logging_config": {"log_group": "/cp/orders"}}
    assert provider["propagate_tags"] == {"mode": "Explicit", "explicit_tags": {"Team": "orders"}}
    assert provider["state"] == "Active" and provider["last_modified"] is None
    assert result["diff"]["before"] == {"propagate_tags": None, "telemetry_config": None}
    assert result["diff"]["after"] == {"propagate_tags": {"mode": "Explicit", "explicit_tags": {"Team": "orders"}},
                                       "telemetry_config": {"logging_config": {"log_group": "/cp/orders"}}}


def test_update_of_propagated_tags_replaces_them_and_keeps_the_other_structures(lambda_stub):
    got(lambda_stub, PropagateTags={"Mode": "Explicit", "ExplicitTags": {"Old": "1", "Team": "x"}},
        TelemetryConfig={"LoggingConfig": {"SystemLogLevel": "WARN", "LogGroup": "/cp/orders"}})
    versions(lambda_stub)
    lambda_stub.add_response("update_capacity_provider", {"CapacityProvider": answer()}, {
        "CapacityProviderName": NAME,
        "PropagateTags": {"Mode": "Explicit", "ExplicitTags": {"Team": "orders"}},
        "TelemetryConfig": {"LoggingConfig": {"SystemLogLevel": "DEBUG", "LogGroup": "/cp/orders"}}})
    result, _task = run(lambda_stub, propagate_tags=dict(mode="Explicit", explicit_tags={"Team": "orders"}),
                        telemetry_config=dict(logging_config=dict(system_log_level="DEBUG")))
    assert result["changed"]


@pytest.mark.parametrize("options, start, shown", [
    ({"vpc_config": {"subnet_ids": ["subnet-0c"], "security_group_ids": GROUPS}}, "vpc_config: the capacity provider",
     "subnet-0c"),
    ({"permissions_config": {"capacity_provider_operator_role_arn": ROLE + "-2"}}, "permissions_config: the capacity",
     ROLE + "-2"),
    ({"instance_requirements": {"architectures": ["arm64"]}}, "instance_requirements: the capacity provider", "arm64"),
    ({"kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k2"}, "kms_key_arn: the capacity provider", "key/k2"),
])
def test_a_create_only_change_is_refused_before_any_write(lambda_stub, options, start, shown):
    got(lambda_stub)
    versions(lambda_stub)
    error = refused(lambda_stub, capacity_provider_scaling_config=dict(max_v_cpu_count=128), **options)
    assert error.msg.startswith(start), error.msg
    assert shown in error.msg
    assert "the provider must be replaced: delete it (state: absent" in error.msg


def test_tags_are_read_and_changed_only_when_given(lambda_stub):
    got(lambda_stub)
    lambda_stub.add_response("list_tags", {"Tags": {"old": "x", "keep": "1"}}, {"Resource": ARN})
    versions(lambda_stub)
    lambda_stub.add_response("untag_resource", {}, {"Resource": ARN, "TagKeys": ["old"]})
    lambda_stub.add_response("tag_resource", {}, {"Resource": ARN, "Tags": {"new": "true"}})
    result, _task = run(lambda_stub, tags={"keep": 1, "new": True})
    assert result["changed"] and result["capacity_provider"]["tags"] == {"keep": "1", "new": "true"}
    assert result["diff"] == {"before": {"tags": {"old": "x", "keep": "1"}}, "after": {"tags": {"keep": "1", "new": "true"}}}


def test_purge_tags_false_only_adds(lambda_stub):
    got(lambda_stub)
    lambda_stub.add_response("list_tags", {"Tags": {"old": "x"}}, {"Resource": ARN})
    versions(lambda_stub)
    lambda_stub.add_response("tag_resource", {}, {"Resource": ARN, "Tags": {"new": "y"}})
    result, _task = run(lambda_stub, tags={"new": "y"}, purge_tags=False)
    assert result["capacity_provider"]["tags"] == {"old": "x", "new": "y"}


def test_delete_while_versions_use_it_is_refused_naming_them(lambda_stub):
    got(lambda_stub)
    lambda_stub.add_response("list_function_versions_by_capacity_provider", {
        "CapacityProviderArn": ARN, "FunctionVersions": [{"FunctionArn": VERSION, "State": "Active"}],
        "NextMarker": "m"}, {"CapacityProviderName": NAME})
    lambda_stub.add_response("list_function_versions_by_capacity_provider", {
        "CapacityProviderArn": ARN, "FunctionVersions": [{"FunctionArn": VERSION[:-1] + "2", "State": "Pending"}]},
        {"CapacityProviderName": NAME, "Marker": "m"})
    error = refused(lambda_stub, state="absent")
    assert error.msg.startswith("state: the capacity provider %s is used by 2 function version(s): %s (Active), %s2 "
                                "(Pending)" % (NAME, VERSION, VERSION[:-1]))
    assert error.details["function_versions"][1] == {"function_arn": VERSION[:-1] + "2", "state": "Pending"}


def test_delete_waits_until_gone_and_a_second_run_finds_nothing(lambda_stub, sleeps):
    got(lambda_stub)
    versions(lambda_stub)
    lambda_stub.add_response("delete_capacity_provider", {"CapacityProvider": answer("Deleting")},
                             {"CapacityProviderName": NAME})
    got(lambda_stub, state="Deleting")
    missing(lambda_stub)
    result, _task = run(lambda_stub, state="absent", vpc_config=None, permissions_config=None)
    assert result["changed"] and result["diff"]["after"] == {}
    assert result["diff"]["before"]["vpc_config"] == {"subnet_ids": SUBNETS, "security_group_ids": GROUPS}
    assert "state" not in result["diff"]["before"] and sleeps == [5, 5]
    missing(lambda_stub)
    result, _task = run(lambda_stub, state="absent")
    assert not result["changed"] and result == {"changed": False, "diff": {"before": {}, "after": {}}}


def test_absent_while_already_deleting_changes_nothing(lambda_stub):
    got(lambda_stub, state="Deleting")
    result, _task = run(lambda_stub, state="absent")
    assert not result["changed"]


def test_check_mode_delete_sends_nothing(lambda_stub):
    got(lambda_stub)
    versions(lambda_stub)
    result, _task = run(lambda_stub, check_mode=True, state="absent")
    assert result["changed"] and result["diff"]["after"] == {}


def test_a_pending_provider_found_is_waited_for(lambda_stub, sleeps):
    got(lambda_stub, state="Pending")
    versions(lambda_stub)
    got(lambda_stub, state="Active")
    result, _task = run(lambda_stub)
    assert not result["changed"] and result["capacity_provider"]["state"] == "Active" and sleeps == [5]


def test_the_module_fails_before_any_request_on_bad_input(run_main):
    code, result = run_main(module_under_test, name=NAME, vpc_config=dict(subnet_ids=["net"], security_group_ids=[]))
    assert code == 1 and result["failed"]
    assert result["msg"].startswith("vpc_config.subnet_ids: 'net' is not a subnet ID")


def test_the_module_reports_an_endpoint_without_the_operation(lambda_stub, run_main):
    lambda_stub.add_client_error("get_capacity_provider", "404", "Not Found", 404, expected_params={
        "CapacityProviderName": NAME})
    code, result = run_main(module_under_test, name=NAME, endpoint_url="http://127.0.0.1:5000")
    assert code == 1 and not result["changed"]
    assert result["msg"] == ("GetCapacityProvider failed: http://127.0.0.1:5000 does not implement this operation (it "
                             "answered HTTP 404); AWS does. Check endpoint_url.")


def test_lambda_info_lists_the_providers(lambda_stub):
    from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import info
    values = dict((name, spec.get("default")) for name, spec in info.ARGUMENT_SPEC.items())
    values.update(query=[], capacity_providers=True)
    assert info.validate(values) == []
    other = answer(CapacityProviderArn=ARN + "-2", PropagateTags={"Mode": "Explicit", "ExplicitTags": {"CostCenter": "1"}})
    lambda_stub.add_response("list_capacity_providers", {"CapacityProviders": [answer()], "NextMarker": "m"}, {})
    lambda_stub.add_response("list_capacity_providers", {"CapacityProviders": [other]}, {"Marker": "m"})
    task = Task(values)
    result = info.FunctionInfo.run(task, LambdaClient(task, client=lambda_stub.client))
    assert result["functions"] == []
    assert [p["capacity_provider_arn"] for p in result["capacity_providers"]] == [ARN, ARN + "-2"]
    assert result["capacity_providers"][0]["capacity_provider_scaling_config"]["max_v_cpu_count"] == 64
    assert result["capacity_providers"][1]["propagate_tags"] == {"mode": "Explicit", "explicit_tags": {"CostCenter": "1"}}


def test_lambda_info_with_nothing_to_read_names_the_option():
    from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import info
    values = dict((name, spec.get("default")) for name, spec in info.ARGUMENT_SPEC.items())
    values.update(query=[])
    assert "capacity_providers: true for its capacity providers" in info.validate(values)[0]
