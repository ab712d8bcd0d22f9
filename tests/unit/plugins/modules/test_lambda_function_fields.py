# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_function's settings added to Lambda after the module's first release, against botocore's service model
(Stubber checks every request's parameters against it): code_signing_config_arn, recursive_loop,
runtime_management, tenancy_config, vpc_ipv6_allowed_for_dual_stack, durable_config, capacity_provider_config,
accelerator_config, runtime_config and publish_to. Each: create, update, no-op (no extra read when not given),
removal where AWS has one, create-only refusal, bad input before any request."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodePackage
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import compat_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import function as lambda_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import ROLE_ARN, function_configuration

HELLO = {"FunctionName": "hello"}
CSC = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0"
OTHER_CSC = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0fedcba98765432100"[:-1]
RUNTIME_VERSION = "arn:aws:lambda:us-east-1::runtime:8eeff65f6809a3ce81507fe733fe09b835899b99481ba22fd75b5a7338290ec1"
PROVIDER = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:fleet"
CUSTOM_RUNTIME = "arn:aws:lambda:us-east-1:123456789012:runtime/my-runtime"
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in lambda_function.ARGUMENT_SPEC.items())
    values.update(name="hello")
    values.update(options)
    return values


def get_function(**configuration):
    return {"Configuration": function_configuration(**configuration), "Code": {"RepositoryType": "S3"}}


def run(client, check_mode=False, diff=True, code_source=None, package=None, **options):
    """Function.run with a Task of these options; (result, task)."""
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    function = lambda_function.Function(task, LambdaClient(task, client=client))
    if package is not None:
        function.plan_code = lambda: setattr(function, "package", package) or setattr(
            function, "code_source", code_source)
    return function.converge(), task


def new_function_stub(stub, package, **create_fields):
    stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404, expected_params=HELLO)
    stub.add_response("create_function", function_configuration(CodeSha256=package.sha256, **create_fields.pop("answer", {})),
                      expected_params=dict(HELLO, Code={"ZipFile": package.data}, PackageType="Zip", Publish=False,
                                           Role=ROLE_ARN, Runtime="python3.12", Handler="app.handler", **create_fields))


@pytest.fixture
def package():
    return CodePackage(b"PK\x05\x06" + b"\x00" * 18, "/src")


CREATE = dict(runtime="python3.12", handler="app.handler", role=ROLE_ARN)


def create(stub, package, **options):
    return run(stub.client, code_source={"ZipFile": package.data}, package=package, wait=False,
               src="/src", **dict(CREATE, **options))[0]


# ------------------------------------------------------------------ choices come from the model

@pytest.mark.parametrize("option, suboption, shape", [
    ("recursive_loop", None, "RecursiveLoop"),
    ("runtime_management", "update_runtime_on", "UpdateRuntimeOn"),
    ("tenancy_config", "tenant_isolation_mode", "TenantIsolationMode"),
    ("publish_to", None, "FunctionVersionLatestPublished"),
])
def test_written_out_choices_are_the_models(option, suboption, shape):
    spec = lambda_function.ARGUMENT_SPEC[option]
    if suboption:
        spec = spec["options"][suboption]
    assert model_enum(shape)
    assert sorted(spec["choices"]) == sorted(model_enum(shape))


def test_every_create_and_update_field_of_the_model_is_an_option_or_said_to_be_left_out():
    """CreateFunction's and UpdateFunctionConfiguration's fields: the resource sends each (or says why not)."""
    from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import service_model
    model = service_model()
    sent = set(lambda_function.CONFIG_FIELDS + lambda_function.CREATE_ONLY_FIELDS) | {
        "FunctionName", "Code", "PackageType", "Publish", "PublishTo", "Architectures", "Tags", "CodeSigningConfigArn",
        "RevisionId"}
    for operation in ("CreateFunction", "UpdateFunctionConfiguration"):
        assert set(model.operation_model(operation).input_shape.members) <= sent, operation


# ------------------------------------------------------------------ no option given: no extra read

def test_a_no_op_without_the_new_options_sends_only_get_function(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    result, _task = run(lambda_stub.client, memory_size=128)
    assert not result["changed"]
    for key in ("code_signing_config_arn", "recursive_loop", "runtime_management"):
        assert key not in result


# ------------------------------------------------------------------ code_signing_config_arn

def test_code_signing_config_is_sent_with_create(lambda_stub, package):
    new_function_stub(lambda_stub, package, CodeSigningConfigArn=CSC)
    result = create(lambda_stub, package, code_signing_config_arn=CSC)
    assert result["changed"] and result["code_signing_config_arn"] == CSC
    assert result["diff"]["after"]["code_signing_config_arn"] == CSC


def test_empty_code_signing_config_on_create_sends_nothing_for_it(lambda_stub, package):
    new_function_stub(lambda_stub, package)
    assert create(lambda_stub, package, code_signing_config_arn="")["code_signing_config_arn"] == ""


@pytest.mark.parametrize("current, desired, operation, request_params", [
    (None, CSC, "put_function_code_signing_config", dict(HELLO, CodeSigningConfigArn=CSC)),
    (OTHER_CSC, CSC, "put_function_code_signing_config", dict(HELLO, CodeSigningConfigArn=CSC)),
    (CSC, "", "delete_function_code_signing_config", HELLO),
], ids=["set", "changed", "removed with ''"])
def test_code_signing_config_is_read_compared_and_changed(lambda_stub, current, desired, operation, request_params):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_code_signing_config",
                             dict(HELLO, CodeSigningConfigArn=current or ""), expected_params=HELLO)
    answer = {} if operation.startswith("delete") else dict(HELLO, CodeSigningConfigArn=desired)
    lambda_stub.add_response(operation, answer, expected_params=request_params)
    result, _task = run(lambda_stub.client, code_signing_config_arn=desired)
    assert result["changed"] and result["code_signing_config_arn"] == desired
    assert result["diff"] == {"before": {"code_signing_config_arn": current or ""},
                              "after": {"code_signing_config_arn": desired}}


@pytest.mark.parametrize("current, desired", [(CSC, CSC), (None, "")])
def test_same_code_signing_config_is_a_no_op_with_one_extra_read(lambda_stub, current, desired):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_code_signing_config",
                             dict(HELLO, CodeSigningConfigArn=current or ""), expected_params=HELLO)
    result, _task = run(lambda_stub.client, code_signing_config_arn=desired)
    assert not result["changed"] and result["code_signing_config_arn"] == desired


def test_check_mode_predicts_the_code_signing_config_and_sends_only_reads(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_code_signing_config", dict(HELLO, CodeSigningConfigArn=""), expected_params=HELLO)
    result, _task = run(lambda_stub.client, check_mode=True, code_signing_config_arn=CSC)
    assert result["changed"] and result["code_signing_config_arn"] == CSC


def test_code_signing_config_goes_before_the_code(lambda_stub, package):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_code_signing_config", dict(HELLO, CodeSigningConfigArn=""), expected_params=HELLO)
    lambda_stub.add_response("put_function_code_signing_config", dict(HELLO, CodeSigningConfigArn=CSC),
                             expected_params=dict(HELLO, CodeSigningConfigArn=CSC))
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=package.sha256),
                             expected_params=dict(HELLO, ZipFile=package.data, RevisionId="r1"))
    result, _task = run(lambda_stub.client, code_source={"ZipFile": package.data}, package=package, wait=False,
                        src="/src", code_signing_config_arn=CSC)
    assert result["changed"]


# ------------------------------------------------------------------ recursive_loop

def test_recursive_loop_allow_is_sent_after_create(lambda_stub, package):
    new_function_stub(lambda_stub, package)
    lambda_stub.add_response("put_function_recursion_config", {"RecursiveLoop": "Allow"},
                             expected_params=dict(HELLO, RecursiveLoop="Allow"))
    assert create(lambda_stub, package, recursive_loop="Allow")["recursive_loop"] == "Allow"


def test_recursive_loop_terminate_on_create_is_aws_default_and_sends_nothing(lambda_stub, package):
    new_function_stub(lambda_stub, package)
    assert create(lambda_stub, package, recursive_loop="Terminate")["recursive_loop"] == "Terminate"


@pytest.mark.parametrize("current, desired", [("Terminate", "Allow"), ("Allow", "Terminate")])
def test_recursive_loop_is_read_compared_and_changed(lambda_stub, current, desired):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_recursion_config", {"RecursiveLoop": current}, expected_params=HELLO)
    lambda_stub.add_response("put_function_recursion_config", {"RecursiveLoop": desired},
                             expected_params=dict(HELLO, RecursiveLoop=desired))
    result, _task = run(lambda_stub.client, recursive_loop=desired)
    assert result["changed"] and result["recursive_loop"] == desired
    assert result["diff"] == {"before": {"recursive_loop": current}, "after": {"recursive_loop": desired}}


def test_same_recursive_loop_is_a_no_op(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_recursion_config", {"RecursiveLoop": "Allow"}, expected_params=HELLO)
    result, _task = run(lambda_stub.client, recursive_loop="Allow")
    assert not result["changed"] and result["recursive_loop"] == "Allow"


def test_recursive_loop_in_check_mode_sends_only_reads(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_function_recursion_config", {"RecursiveLoop": "Terminate"}, expected_params=HELLO)
    result, _task = run(lambda_stub.client, check_mode=True, recursive_loop="Allow")
    assert result["changed"] and result["recursive_loop"] == "Allow"


# ------------------------------------------------------------------ runtime_management

def manual(arn=RUNTIME_VERSION):
    return dict(update_runtime_on="Manual", runtime_version_arn=arn)


def test_runtime_management_is_sent_after_create(lambda_stub, package):
    new_function_stub(lambda_stub, package)
    lambda_stub.add_response("put_runtime_management_config", {"UpdateRuntimeOn": "FunctionUpdate", "FunctionArn": "x"},
                             expected_params=dict(HELLO, UpdateRuntimeOn="FunctionUpdate"))
    result = create(lambda_stub, package, runtime_management=dict(update_runtime_on="FunctionUpdate", runtime_version_arn=None))
    assert result["runtime_management"] == {"update_runtime_on": "FunctionUpdate", "runtime_version_arn": None}


def test_runtime_management_auto_on_create_sends_nothing(lambda_stub, package):
    new_function_stub(lambda_stub, package)
    create(lambda_stub, package, runtime_management=dict(update_runtime_on="Auto", runtime_version_arn=None))


@pytest.mark.parametrize("current, desired, sent", [
    ({"UpdateRuntimeOn": "Auto"}, manual(), dict(UpdateRuntimeOn="Manual", RuntimeVersionArn=RUNTIME_VERSION)),
    ({"UpdateRuntimeOn": "Manual", "RuntimeVersionArn": RUNTIME_VERSION[:-1] + "0"}, manual(),
     dict(UpdateRuntimeOn="Manual", RuntimeVersionArn=RUNTIME_VERSION)),
    ({"UpdateRuntimeOn": "Manual", "RuntimeVersionArn": RUNTIME_VERSION},
     dict(update_runtime_on="Auto", runtime_version_arn=None), dict(UpdateRuntimeOn="Auto")),
], ids=["to Manual", "another version", "back to Auto"])
def test_runtime_management_is_read_compared_and_changed(lambda_stub, current, desired, sent):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_runtime_management_config", dict(current, FunctionArn="x"), expected_params=HELLO)
    lambda_stub.add_response("put_runtime_management_config", dict(sent, FunctionArn="x"),
                             expected_params=dict(HELLO, **sent))
    result, _task = run(lambda_stub.client, runtime_management=desired)
    assert result["changed"]
    assert result["runtime_management"] == dict(update_runtime_on=sent["UpdateRuntimeOn"],
                                                runtime_version_arn=sent.get("RuntimeVersionArn"))


def test_same_runtime_management_is_a_no_op(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("get_runtime_management_config",
                             {"UpdateRuntimeOn": "Manual", "RuntimeVersionArn": RUNTIME_VERSION}, expected_params=HELLO)
    result, _task = run(lambda_stub.client, runtime_management=manual())
    assert not result["changed"]


# ------------------------------------------------------------------ tenancy_config (create-only)

TENANT = dict(tenant_isolation_mode="PER_TENANT")


def test_tenancy_config_is_sent_with_create_and_predicted(lambda_stub, package):
    new_function_stub(lambda_stub, package, TenancyConfig={"TenantIsolationMode": "PER_TENANT"},
                      answer=dict(TenancyConfig={"TenantIsolationMode": "PER_TENANT"}))
    result = create(lambda_stub, package, tenancy_config=TENANT)
    assert result["configuration"]["tenancy_config"] == {"tenant_isolation_mode": "PER_TENANT"}


def test_tenancy_config_in_check_mode_create_is_predicted(lambda_stub, package):
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404)
    result, _task = run(lambda_stub.client, check_mode=True, code_source={"ZipFile": package.data}, package=package,
                        src="/src", tenancy_config=TENANT, **CREATE)
    assert result["configuration"]["tenancy_config"] == {"tenant_isolation_mode": "PER_TENANT"}


def test_same_tenancy_config_is_a_no_op(lambda_stub):
    lambda_stub.add_response("get_function", get_function(TenancyConfig={"TenantIsolationMode": "PER_TENANT"}))
    result, _task = run(lambda_stub.client, tenancy_config=TENANT)
    assert not result["changed"]


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_tenancy_config_change_is_refused_before_any_write(lambda_stub, check_mode):
    lambda_stub.add_response("get_function", get_function())
    with pytest.raises(InvalidInput, match="tenancy_config cannot change after the function is created"):
        run(lambda_stub.client, check_mode=check_mode, tenancy_config=TENANT, memory_size=256)


# ------------------------------------------------------------------ vpc_ipv6_allowed_for_dual_stack

VPC = {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}


def test_ipv6_is_sent_with_the_current_vpc(lambda_stub):
    lambda_stub.add_response("get_function", get_function(VpcConfig=VPC))
    lambda_stub.add_response("update_function_configuration", function_configuration(
        VpcConfig=dict(VPC, Ipv6AllowedForDualStack=True)), expected_params=dict(
            HELLO, RevisionId="r1",
            VpcConfig={"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "Ipv6AllowedForDualStack": True}))
    result, _task = run(lambda_stub.client, wait=False, vpc_ipv6_allowed_for_dual_stack=True)
    assert result["diff"] == {"before": {"vpc_config": {"ipv6_allowed_for_dual_stack": False}},
                              "after": {"vpc_config": {"ipv6_allowed_for_dual_stack": True}}}


def test_ipv6_not_given_is_not_sent_with_a_subnet_change(lambda_stub):
    lambda_stub.add_response("get_function", get_function(VpcConfig=VPC))
    lambda_stub.add_response("update_function_configuration", function_configuration(), expected_params=dict(
        HELLO, RevisionId="r1", VpcConfig={"SubnetIds": ["subnet-b"], "SecurityGroupIds": ["sg-1"]}))
    run(lambda_stub.client, wait=False, vpc_subnet_ids=["subnet-b"], vpc_security_group_ids=["sg-1"])


def test_same_ipv6_is_a_no_op(lambda_stub):
    lambda_stub.add_response("get_function", get_function(VpcConfig=dict(VPC, Ipv6AllowedForDualStack=True)))
    assert not run(lambda_stub.client, vpc_ipv6_allowed_for_dual_stack=True)[0]["changed"]


def test_ipv6_on_a_function_without_subnets_is_refused_before_any_write(lambda_stub):
    lambda_stub.add_response("get_function", get_function())
    with pytest.raises(InvalidInput, match="vpc_ipv6_allowed_for_dual_stack: the function has no VPC subnets"):
        run(lambda_stub.client, vpc_ipv6_allowed_for_dual_stack=True)


def test_ipv6_on_create_is_sent_in_the_vpc_config(lambda_stub, package):
    vpc = {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "Ipv6AllowedForDualStack": True}
    new_function_stub(lambda_stub, package, VpcConfig=vpc)
    create(lambda_stub, package, vpc_subnet_ids=["subnet-a"], vpc_security_group_ids=["sg-1"],
           vpc_ipv6_allowed_for_dual_stack=True)


# ------------------------------------------------------------------ durable_config, capacity_provider_config

DURABLE = dict(kms_key_arn=None, retention_period_in_days=14, execution_timeout=3600)
ON_PROVIDER = dict(capacity_provider_arn=PROVIDER, per_execution_environment_max_concurrency=None,
                   execution_environment_memory_gib_per_vcpu=4.0)


def test_durable_config_is_sent_with_create(lambda_stub, package):
    new_function_stub(lambda_stub, package, DurableConfig={"RetentionPeriodInDays": 14, "ExecutionTimeout": 3600})
    create(lambda_stub, package, durable_config=DURABLE)


def test_durable_config_changes_in_place_keeping_what_is_not_given(lambda_stub):
    lambda_stub.add_response("get_function", get_function(DurableConfig={"RetentionPeriodInDays": 14, "ExecutionTimeout": 60}))
    lambda_stub.add_response("update_function_configuration", function_configuration(), expected_params=dict(
        HELLO, RevisionId="r1", DurableConfig={"RetentionPeriodInDays": 30, "ExecutionTimeout": 60}))
    result, _task = run(lambda_stub.client, wait=False, durable_config=dict(DURABLE, retention_period_in_days=30,
                                                                            execution_timeout=None))
    assert result["diff"] == {"before": {"durable_config": {"retention_period_in_days": 14}},
                              "after": {"durable_config": {"retention_period_in_days": 30}}}


def test_same_durable_config_is_a_no_op(lambda_stub):
    lambda_stub.add_response("get_function", get_function(DurableConfig={"RetentionPeriodInDays": 14, "ExecutionTimeout": 3600}))
    assert not run(lambda_stub.client, durable_config=DURABLE)[0]["changed"]


def test_durable_config_on_a_function_created_without_it_is_refused(lambda_stub):
    lambda_stub.add_response("get_function", get_function())
    with pytest.raises(InvalidInput, match="durable execution is enabled only when a function is created"):
        run(lambda_stub.client, durable_config=DURABLE)


def test_capacity_provider_config_is_sent_with_create(lambda_stub, package):
    new_function_stub(lambda_stub, package, CapacityProviderConfig={"LambdaManagedInstancesCapacityProviderConfig": {
        "CapacityProviderArn": PROVIDER, "ExecutionEnvironmentMemoryGiBPerVCpu": 4.0}})
    create(lambda_stub, package, capacity_provider_config=ON_PROVIDER)


def test_capacity_provider_config_changes_in_place(lambda_stub):
    current = {"LambdaManagedInstancesCapacityProviderConfig": {
        "CapacityProviderArn": PROVIDER, "ExecutionEnvironmentMemoryGiBPerVCpu": 2.0, "PerExecutionEnvironmentMaxConcurrency": 16}}
    lambda_stub.add_response("get_function", get_function(CapacityProviderConfig=current, State="ActiveNonInvocable"))
    lambda_stub.add_response("update_function_configuration", function_configuration(), expected_params=dict(
        HELLO, RevisionId="r1", CapacityProviderConfig={"LambdaManagedInstancesCapacityProviderConfig": {
            "CapacityProviderArn": PROVIDER, "ExecutionEnvironmentMemoryGiBPerVCpu": 4.0,
            "PerExecutionEnvironmentMaxConcurrency": 16}}))
    assert run(lambda_stub.client, capacity_provider_config=ON_PROVIDER)[0]["changed"]


def test_capacity_provider_config_on_a_default_function_is_refused(lambda_stub):
    lambda_stub.add_response("get_function", get_function())
    with pytest.raises(InvalidInput, match="capacity_provider_config: a function runs on a capacity provider only"):
        run(lambda_stub.client, capacity_provider_config=ON_PROVIDER)


# ------------------------------------------------------------------ accelerator_config, runtime_config (botocore 1.44)

def test_accelerator_and_runtime_config_are_compared_and_updated(lambda_stub):
    lambda_stub.add_response("get_function", get_function(AcceleratorConfig={"AcceleratorMemorySize": 16}))
    lambda_stub.add_response("update_function_configuration", function_configuration(), expected_params=dict(
        HELLO, RevisionId="r1", AcceleratorConfig={"AcceleratorMemorySize": 32},
        RuntimeConfig={"RuntimeArn": CUSTOM_RUNTIME, "RuntimeAlias": "live"}))
    result, _task = run(lambda_stub.client, wait=False, accelerator_config=dict(accelerator_memory_size=32),
                        runtime_config=dict(runtime_arn=CUSTOM_RUNTIME, runtime_alias="live"))
    assert sorted(result["diff"]["after"]) == ["accelerator_config", "runtime_config"]


# ------------------------------------------------------------------ publish_to

def test_publish_to_latest_published_on_create(lambda_stub, package):
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404)
    lambda_stub.add_response("create_function", function_configuration(CodeSha256=package.sha256, Version="$LATEST.PUBLISHED"),
                             expected_params=dict(HELLO, Code={"ZipFile": package.data}, PackageType="Zip", Publish=True,
                                                  PublishTo="LATEST_PUBLISHED", Role=ROLE_ARN, Runtime="python3.12",
                                                  Handler="app.handler"))
    result = create(lambda_stub, package, publish=True, publish_to="LATEST_PUBLISHED")
    assert result["version"] == "$LATEST.PUBLISHED" and result["changed"]


def test_publish_to_republishes_latest_published_after_a_change(lambda_stub):
    lambda_stub.add_response("get_function", get_function())
    lambda_stub.add_response("update_function_configuration", function_configuration(MemorySize=256, RevisionId="r2"))
    lambda_stub.add_response("publish_version", function_configuration(MemorySize=256, Version="$LATEST.PUBLISHED"),
                             expected_params=dict(HELLO, CodeSha256=function_configuration()["CodeSha256"],
                                                  PublishTo="LATEST_PUBLISHED", RevisionId="r2"))
    result, _task = run(lambda_stub.client, wait=False, memory_size=256, publish=True, publish_to="LATEST_PUBLISHED")
    assert result["changed"] and result["version"] == "$LATEST.PUBLISHED"


def test_publish_to_without_a_change_reuses_latest_published_that_matches(lambda_stub):
    lambda_stub.add_response("get_function", get_function())
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="$LATEST.PUBLISHED"),
                             expected_params=dict(HELLO, Qualifier="$LATEST.PUBLISHED"))
    result, _task = run(lambda_stub.client, memory_size=128, publish=True, publish_to="LATEST_PUBLISHED")
    assert not result["changed"] and result["version"] == "$LATEST.PUBLISHED"


def test_publish_to_in_check_mode_predicts_latest_published(lambda_stub):
    lambda_stub.add_response("get_function", get_function())
    result, _task = run(lambda_stub.client, check_mode=True, memory_size=256, publish=True, publish_to="LATEST_PUBLISHED")
    assert result["version"] == "$LATEST.PUBLISHED" and result["version_predicted"] is True


# ------------------------------------------------------------------ bad input, before any request

@pytest.mark.parametrize("options, fragment", [
    (dict(code_signing_config_arn="csc-1"), "code_signing_config_arn: csc-1 is not a code signing configuration ARN"),
    (dict(code_signing_config_arn=CSC, image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"),
     "code_signing_config_arn: code signing applies to Zip functions"),
    (dict(runtime_management=dict(update_runtime_on="Manual", runtime_version_arn=None)),
     "update_runtime_on=Manual needs runtime_version_arn"),
    (dict(runtime_management=dict(update_runtime_on="Auto", runtime_version_arn=RUNTIME_VERSION)),
     "runtime_version_arn applies only to update_runtime_on=Manual"),
    (dict(runtime_management=manual("python3.12")), "runtime_management.runtime_version_arn: python3.12 is not"),
    (dict(runtime_management=dict(update_runtime_on="Auto", runtime_version_arn=None), package_type="Image"),
     "runtime_management does not apply to an Image function"),
    (dict(vpc_ipv6_allowed_for_dual_stack=True, vpc_subnet_ids=[], vpc_security_group_ids=[]),
     "vpc_ipv6_allowed_for_dual_stack: a function without VPC subnets"),
    (dict(durable_config=dict(DURABLE, retention_period_in_days=365)),
     "durable_config.retention_period_in_days must be between 1 and 90, not 365"),
    (dict(durable_config=dict(DURABLE, execution_timeout=0)), "durable_config.execution_timeout must be between 1 and"),
    (dict(durable_config=dict(DURABLE, kms_key_arn="alias/mine")), "durable_config.kms_key_arn: alias/mine is not a KMS key ARN"),
    (dict(capacity_provider_config=dict(ON_PROVIDER, capacity_provider_arn="fleet")),
     "capacity_provider_config.capacity_provider_arn: fleet is not a capacity provider ARN"),
    (dict(capacity_provider_config=dict(ON_PROVIDER, execution_environment_memory_gib_per_vcpu=1.0)),
     "capacity_provider_config.execution_environment_memory_gib_per_vcpu must be between 2 and 8, not 1.0"),
    (dict(capacity_provider_config=dict(ON_PROVIDER, per_execution_environment_max_concurrency=0)),
     "capacity_provider_config.per_execution_environment_max_concurrency must be between 1 and 1600"),
    (dict(runtime_config=dict(runtime_arn="my-runtime", runtime_alias="live")),
     "runtime_config.runtime_arn: my-runtime is not a customer-managed runtime ARN"),
    (dict(publish_to="LATEST_PUBLISHED"), "publish_to: it says where publish=true publishes; set publish: true"),
])
def test_bad_input_names_the_option(options, fragment):
    errors = lambda_function.validate(params(**options))
    assert any(fragment in error for error in errors), errors


def test_ipv6_on_create_without_subnets_is_refused_before_create(lambda_stub, package):
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404)
    with pytest.raises(InvalidInput, match="vpc_ipv6_allowed_for_dual_stack needs vpc_subnet_ids"):
        create(lambda_stub, package, vpc_ipv6_allowed_for_dual_stack=True)


@pytest.mark.parametrize("option", ["code_signing_config_arn", "recursive_loop", "runtime_management", "tenancy_config",
                                    "vpc_ipv6_allowed_for_dual_stack", "durable_config", "capacity_provider_config",
                                    "accelerator_config", "runtime_config", "publish_to"])
def test_the_compat_module_leaves_the_new_options_unmanaged(option):
    assert option not in compat_function.ARGUMENT_SPEC
    assert compat_function.function_params(dict(name="hello", layers=None))[option] is None
