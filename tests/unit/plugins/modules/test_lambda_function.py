# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import itertools

import pytest
from botocore.stub import Stubber

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodeError, package_path, plan_code, sha256_b64
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import code_source as function_code_source
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import Outcome, changed_fields, ensure
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import function as lambda_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function import current_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_function as lambda_function_module
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    FUNCTION_ARN,
    ROLE_ARN,
    FakeModule,
    aws_client,
    error_reply,
    function_configuration,
    reply,
)

LAYER_ARN = "arn:aws:lambda:us-east-1:123456789012:layer:deps"
HELLO = {"FunctionName": "hello"}


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in lambda_function.ARGUMENT_SPEC.items())
    values.update(name="hello")
    values.update(options)
    return values


def logging_config(**given):
    return dict(dict.fromkeys(("log_format", "application_log_level", "system_log_level", "log_group")), **given)


def image_config(**given):
    return dict(dict.fromkeys(("entry_point", "command", "working_directory")), **given)


def get_function(tags=None, reserved=None, **configuration):
    """A GetFunction answer."""
    answer = {"Configuration": function_configuration(**configuration),
              "Code": {"RepositoryType": "S3", "Location": "https://awslambda-us-east-1-tasks.s3.amazonaws.com/x"}}
    if tags is not None:
        answer["Tags"] = tags
    if reserved is not None:
        answer["Concurrency"] = {"ReservedConcurrentExecutions": reserved}
    return answer


@pytest.fixture
def package(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_bytes(b"def handler(event, context):\n    return 'hello'\n")
    return package_path(str(tmp_path / "src"), "src")


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, option", [
    ({"memory_size": 64}, "memory_size"),
    ({"memory_size": model_range("MemorySize")[1] + 1}, "memory_size"),  # the model's bound (was 20000 > 10240)
    ({"timeout": 0}, "timeout"),
    ({"timeout": model_range("Timeout")[1] + 1}, "timeout"),  # the model's bound (was 901 > 900)
    ({"ephemeral_storage": 100}, "ephemeral_storage"),
    ({"ephemeral_storage": model_range("EphemeralStorage", "Size")[1] + 1}, "ephemeral_storage"),  # was 10241
    ({"reserved_concurrency": -2}, "reserved_concurrency"),
    ({"keep_versions": 0}, "keep_versions"),
    ({"name": "my.function"}, "name"),
    ({"name": "arn:aws:lambda:us-east-1:123456789012:function:hello:3"}, "name"),
    ({"role": "arn:aws:iam::12:role/x"}, "role"),
    ({"role": "arn:aws:iam::123456789012:user/x"}, "role"),
    ({"role": "my role"}, "role"),
    ({"runtime": "python2.0"}, "runtime"),
    ({"layers": ["arn:aws:lambda:us-east-1:123456789012:function:hello"]}, "layers"),
    ({"layers": [LAYER_ARN]}, "layers"),
    ({"layers": [{"layer_name": LAYER_ARN}]}, "layers"),
    ({"layers": [{"layer_version_arn": LAYER_ARN}]}, "layers"),
    ({"layers": [42]}, "layers"),
    ({"dead_letter_arn": "arn:aws:lambda:us-east-1:123456789012:function:dlq"}, "dead_letter_arn"),
    ({"kms_key_arn": "alias/lambda"}, "kms_key_arn"),
    ({"runtime": "python3.12", "image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}, "runtime"),
    ({"handler": "app.handler", "package_type": "Image"}, "handler"),
    ({"image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", "package_type": "Zip"}, "image_uri"),
])
def test_validate_names_the_wrong_option(options, option):
    errors = lambda_function.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(option)


@pytest.mark.parametrize("options", [
    {},
    {"role": "hello-lambda"},
    {"role": "arn:aws:iam::123456789012:role/service-role/hello-lambda"},
    {"role": "arn:aws-cn:iam::123456789012:role/hello-lambda"},
    {"runtime": "python3.12", "handler": "app.handler"},
    {"memory_size": 128, "timeout": 1, "ephemeral_storage": 512},
    {"memory_size": 10240, "timeout": 900, "ephemeral_storage": 10240},
    {"reserved_concurrency": -1},
    {"reserved_concurrency": 0},
    {"layers": []},
    {"layers": [LAYER_ARN + ":3"]},
    {"layers": [{"layer_version_arn": LAYER_ARN + ":3"}]},
    {"layers": [{"layer_name": LAYER_ARN, "version": 3}]},
    {"layers": [{"layer_arn": LAYER_ARN, "layer_version": 2}]},
    {"dead_letter_arn": "arn:aws:sqs:us-east-1:123456789012:dlq"},
    {"dead_letter_arn": "arn:aws:sns:us-east-1:123456789012:failures"},
    {"dead_letter_arn": ""},
    {"kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
    {"kms_key_arn": ""},
    {"image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"},
    {"image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", "package_type": "Image"},
])
def test_validate_accepts_valid_options(options):
    assert lambda_function.validate(params(**options)) == []


@pytest.mark.parametrize("item, arn", [
    (LAYER_ARN + ":3", LAYER_ARN + ":3"),
    ({"layer_version_arn": LAYER_ARN + ":3"}, LAYER_ARN + ":3"),
    ({"layer_name": LAYER_ARN, "version": 3}, LAYER_ARN + ":3"),
    ({"layer_arn": LAYER_ARN, "layer_version": 2}, LAYER_ARN + ":2"),
])
def test_layer_arn_of_each_accepted_form(item, arn):
    assert lambda_function.layer_arn(item) == arn


def test_layer_arn_refuses_a_name_without_version():
    with pytest.raises(CodeError, match="^layers: "):
        lambda_function.layer_arn({"layer_name": LAYER_ARN})


# ------------------------------------------------------------------ desired_function

def test_omitted_options_are_not_managed():
    desired = lambda_function.desired_function(params())
    assert [field for field, value in desired.items() if value is not None] == []


@pytest.mark.parametrize("options, field, value", [
    ({"description": ""}, "Description", ""),
    ({"layers": []}, "Layers", []),
    ({"environment_variables": {}}, "Environment", {"Variables": {}}),
    ({"dead_letter_arn": ""}, "DeadLetterConfig", {"TargetArn": ""}),
    ({"kms_key_arn": ""}, "KMSKeyArn", ""),
    ({"vpc_subnet_ids": [], "vpc_security_group_ids": []}, "VpcConfig", {"SubnetIds": [], "SecurityGroupIds": []}),
    ({"reserved_concurrency": 0}, "ReservedConcurrency", 0),
    ({"tags": {}}, "Tags", {}),
    ({"file_system_configs": []}, "FileSystemConfigs", []),
])
def test_empty_values_are_managed(options, field, value):
    assert lambda_function.desired_function(params(**options))[field] == value


def test_environment_values_are_sent_as_strings():
    desired = lambda_function.desired_function(params(environment_variables={
        "DEBUG": True, "DRY_RUN": False, "WORKERS": 5, "RATIO": 0.5, "NAME": "hello"}))
    assert desired["Environment"] == {"Variables": {
        "DEBUG": "true", "DRY_RUN": "false", "WORKERS": "5", "RATIO": "0.5", "NAME": "hello"}}


def test_vpc_ids_are_sorted():
    desired = lambda_function.desired_function(params(vpc_subnet_ids=["subnet-b", "subnet-a"],
                                                      vpc_security_group_ids=["sg-2", "sg-1"]))
    assert desired["VpcConfig"] == {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": ["sg-1", "sg-2"]}


def test_layers_keep_their_order():
    layers = [LAYER_ARN + ":3", {"layer_name": "arn:aws:lambda:us-east-1:123456789012:layer:aaa", "version": 1}]
    assert lambda_function.desired_function(params(layers=layers))["Layers"] == [
        LAYER_ARN + ":3", "arn:aws:lambda:us-east-1:123456789012:layer:aaa:1"]


@pytest.mark.parametrize("options, with_package, package_type", [
    ({}, False, None),
    ({"image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}, False, "Image"),
    ({"s3_bucket": "artifacts", "s3_key": "hello.zip"}, False, "Zip"),
    ({"src": "/somewhere"}, True, "Zip"),
    ({"package_type": "Image"}, False, "Image"),
])
def test_package_type_is_inferred_from_the_code(package, options, with_package, package_type):
    desired = lambda_function.desired_function(params(**options), package if with_package else None)
    assert desired["PackageType"] == package_type


def test_code_hash_comes_from_the_package_or_source_code_hash(package):
    assert lambda_function.desired_function(params(src="/src"), package)["CodeSha256"] == package.sha256
    s3 = params(s3_bucket="artifacts", s3_key="hello.zip", source_code_hash="NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4=")
    assert lambda_function.desired_function(s3)["CodeSha256"] == "NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4="


def test_sub_options_map_to_api_names_with_unmentioned_keys_not_managed():
    desired = lambda_function.desired_function(params(
        logging_config=logging_config(log_format="JSON"),
        snap_start={"apply_on": "PublishedVersions"},
        architecture="arm64", tracing_mode="Active", ephemeral_storage=1024,
    ))
    assert desired["LoggingConfig"] == {"LogFormat": "JSON", "ApplicationLogLevel": None, "SystemLogLevel": None,
                                        "LogGroup": None}
    assert desired["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    assert desired["Architectures"] == ["arm64"]
    assert desired["TracingConfig"] == {"Mode": "Active"}
    assert desired["EphemeralStorage"] == {"Size": 1024}


def test_same_settings_as_the_function_mean_no_change(package):
    """The second run of a task: what desired_function asks for reads back from AWS as the same."""
    answer = get_function(
        tags={"team": "platform"}, reserved=5, CodeSha256=package.sha256, Architectures=["arm64"],
        Description="", MemorySize=256, Timeout=10,
        Environment={"Variables": {"DEBUG": "true", "WORKERS": "4"}},
        VpcConfig={"SubnetIds": ["subnet-b", "subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"},
        Layers=[{"Arn": LAYER_ARN + ":3", "CodeSize": 100}],
        DeadLetterConfig={"TargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq"},
        LoggingConfig={"LogFormat": "JSON", "ApplicationLogLevel": "INFO", "SystemLogLevel": "WARN",
                       "LogGroup": "/aws/lambda/hello"},
    )
    desired = lambda_function.desired_function(params(
        src="/src", runtime="python3.12", handler="app.handler", role=ROLE_ARN, description="", memory_size=256,
        timeout=10, environment_variables={"DEBUG": True, "WORKERS": 4}, vpc_subnet_ids=["subnet-a", "subnet-b"],
        vpc_security_group_ids=["sg-1"], layers=[{"layer_name": LAYER_ARN, "version": 3}],
        dead_letter_arn="arn:aws:sqs:us-east-1:123456789012:dlq", tracing_mode="PassThrough", kms_key_arn="",
        architecture="arm64", ephemeral_storage=512, logging_config=logging_config(log_format="JSON"),
        tags={"team": "platform"}, reserved_concurrency=5,
    ), package)
    assert changed_fields(desired, current_function(answer)) == {}


# ------------------------------------------------------------------ check_creatable / check_updatable

def test_creating_without_code_role_runtime_handler_fails_listing_them():
    with pytest.raises(LambdaError) as failed:
        lambda_function.check_creatable(FakeModule(), lambda_function.desired_function(params()), None)
    for needed in ("code (", "role", "runtime", "handler"):
        assert needed in failed.value.msg


def test_creating_a_zip_function_with_everything_passes(package):
    options = params(src="/src", role=ROLE_ARN, runtime="python3.12", handler="app.handler")
    desired = lambda_function.desired_function(options, package)
    assert lambda_function.check_creatable(FakeModule(), desired, function_code_source(options, package)) is None


def test_creating_an_image_function_needs_no_runtime_or_handler():
    options = params(image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", role=ROLE_ARN)
    desired = lambda_function.desired_function(options)
    assert lambda_function.check_creatable(FakeModule(), desired, function_code_source(options, None)) is None


def test_package_type_cannot_change():
    current = current_function(get_function(PackageType="Zip"))
    desired = lambda_function.desired_function(params(image_uri="123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"))
    with pytest.raises(LambdaError, match="package_type cannot change from Zip to Image"):
        lambda_function.check_updatable(FakeModule(), desired, current, True)


@pytest.mark.parametrize("with_code, fails", [(False, True), (True, False)])
def test_architecture_change_needs_the_code(with_code, fails):
    current = current_function(get_function(Architectures=["x86_64"]))
    desired = lambda_function.desired_function(params(architecture="arm64"))
    if fails:
        with pytest.raises(LambdaError, match="^architecture: "):
            lambda_function.check_updatable(FakeModule(), desired, current, with_code)
    else:
        assert lambda_function.check_updatable(FakeModule(), desired, current, with_code) is None


def test_same_architecture_needs_no_code():
    current = current_function(get_function(Architectures=["arm64"]))
    desired = lambda_function.desired_function(params(architecture="arm64"))
    assert lambda_function.check_updatable(FakeModule(), desired, current, False) is None


# ------------------------------------------------------------------ plan_code / resolve_role

def test_plan_code_fails_naming_the_option(tmp_path):
    with pytest.raises(LambdaError, match="^zip_file: "):
        plan_code(params(zip_file=str(tmp_path / "missing.zip")))


def test_plan_code_of_s3_code_has_no_local_package():
    package, code_source = plan_code(params(s3_bucket="artifacts", s3_key="hello.zip"))
    assert package is None
    assert code_source == {"S3Bucket": "artifacts", "S3Key": "hello.zip"}


@pytest.fixture
def iam_client(lambda_stub, iam_stub):
    client = LambdaClient(FakeModule(), client=lambda_stub.client)
    client._clients["iam"] = iam_stub.client
    return client


@pytest.mark.parametrize("role, current_role", [
    (ROLE_ARN, None),
    ("arn:aws:iam::123456789012:role/other", ROLE_ARN),
    ("hello-lambda", ROLE_ARN),  # the function's role already has that name
    (None, ROLE_ARN),
])
def test_role_needing_no_lookup_sends_nothing(iam_client, role, current_role):
    desired = {"Role": role}
    current = None if current_role is None else {"Role": current_role}
    lambda_function.resolve_role(iam_client, desired, current)
    assert desired["Role"] == (ROLE_ARN if role == "hello-lambda" else role)


def test_role_name_is_resolved_through_iam(iam_client, iam_stub):
    arn = "arn:aws:iam::123456789012:role/service-role/other-lambda"
    role = {"Path": "/service-role/", "RoleName": "other-lambda", "RoleId": "AROAEXAMPLEEXAMPLE01", "Arn": arn,
            "CreateDate": "2024-01-01T00:00:00Z"}
    iam_stub.add_response("get_role", {"Role": role}, expected_params={"RoleName": "other-lambda"})
    desired = {"Role": "other-lambda"}
    lambda_function.resolve_role(iam_client, desired, {"Role": ROLE_ARN})
    assert desired["Role"] == arn


def test_role_name_not_found_fails_naming_the_option(iam_client, iam_stub):
    iam_stub.add_client_error("get_role", "NoSuchEntity", "The role with name nobody cannot be found.", 404)
    with pytest.raises(LambdaError, match="^role: the IAM role nobody was not found"):
        lambda_function.resolve_role(iam_client, {"Role": "nobody"}, None)


# ------------------------------------------------------------------ FunctionDeployer against a Stubber

def deploy(client, answer, package=None, check_mode=False, **options):
    """main()'s reconcile step: desired vs the GetFunction answer, through FunctionDeployer.

    Returns the outcome and the deployer."""
    options = params(**options)
    module = FakeModule(check_mode=check_mode, **options)
    lambda_client = LambdaClient(module, client=client)
    deployer = lambda_function.Function(module, lambda_client, function_code_source(options, package), answer)
    outcome = ensure(module, current_function(answer), lambda_function.desired_function(options, package),
                     create=deployer.create, update=deployer.update, delete=deployer.delete, state=options["state"])
    return outcome, deployer


def converge(client, answer, package=None, check_mode=False, **options):
    """The outcome of deploy()."""
    return deploy(client, answer, package, check_mode, **options)[0]


CONFIGURED = dict(runtime="python3.12", handler="app.handler", role=ROLE_ARN, description="", timeout=3)


def test_memory_change_sends_only_that_field(lambda_stub):
    lambda_stub.add_response("update_function_configuration",
                             function_configuration(MemorySize=256, LastUpdateStatus="InProgress", RevisionId="r2"),
                             expected_params=dict(HELLO, MemorySize=256, RevisionId="r1"))
    outcome = converge(lambda_stub.client, get_function(), wait=False, memory_size=256, **CONFIGURED)
    assert outcome.changed
    assert outcome.diff == {"before": {"memory_size": 128}, "after": {"memory_size": 256}}


@pytest.mark.parametrize("check_mode", [False, True])
def test_nothing_to_change_sends_nothing(lambda_stub, check_mode):
    outcome = converge(lambda_stub.client, get_function(), check_mode=check_mode, memory_size=128, **CONFIGURED)
    assert not outcome.changed


def test_check_mode_sends_nothing(lambda_stub, package):
    outcome = converge(lambda_stub.client, get_function(tags={"a": "1"}, reserved=3), package, check_mode=True,
                       memory_size=1024, tags={}, reserved_concurrency=-1, architecture="arm64", src="/src")
    assert outcome.changed
    assert sorted(outcome.changes) == ["Architectures", "CodeSha256", "MemorySize", "ReservedConcurrency", "Tags"]


def test_code_change_uploads_the_zip(lambda_stub, package):
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=package.sha256, RevisionId="r2"),
                             expected_params=dict(HELLO, ZipFile=package.data, RevisionId="r1"))
    outcome = converge(lambda_stub.client, get_function(), package, src="/src", **CONFIGURED)
    assert outcome.changes == {"CodeSha256": package.sha256}


def test_unchanged_code_is_not_uploaded(lambda_stub, package):
    outcome = converge(lambda_stub.client, get_function(CodeSha256=package.sha256), package, src="/src", **CONFIGURED)
    assert not outcome.changed


def test_architecture_change_resends_the_code_with_it(lambda_stub, package):
    lambda_stub.add_response("update_function_code", function_configuration(Architectures=["arm64"]),
                             expected_params=dict(HELLO, ZipFile=package.data, Architectures=["arm64"], RevisionId="r1"))
    outcome = converge(lambda_stub.client, get_function(CodeSha256=package.sha256), package, src="/src",
                       architecture="arm64")
    assert outcome.changes == {"Architectures": ["arm64"]}


def test_s3_code_change_points_the_function_at_the_object(lambda_stub):
    lambda_stub.add_response("update_function_code", function_configuration(),
                             expected_params=dict(HELLO, S3Bucket="artifacts", S3Key="hello/2.zip",
                                                  S3ObjectVersion="v2", RevisionId="r1"))
    converge(lambda_stub.client, get_function(), s3_bucket="artifacts", s3_key="hello/2.zip", s3_object_version="v2",
             source_code_hash="NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4=")


@pytest.mark.parametrize("current, desired, untag, tag", [
    ({"team": "platform", "old": "x", "stage": "dev"}, {"team": "platform", "stage": "prod", "new": "y"},
     ["old"], {"stage": "prod", "new": "y"}),
    ({"team": "platform", "old": "x"}, {}, ["old", "team"], None),
    ({}, {"team": "platform"}, None, {"team": "platform"}),
])
def test_tag_changes_send_tag_and_untag_with_the_right_keys(lambda_stub, current, desired, untag, tag):
    if untag:
        lambda_stub.add_response("untag_resource", {}, expected_params={"Resource": FUNCTION_ARN, "TagKeys": untag})
    if tag:
        lambda_stub.add_response("tag_resource", {}, expected_params={"Resource": FUNCTION_ARN, "Tags": tag})
    outcome = converge(lambda_stub.client, get_function(tags=current), tags=desired)
    assert outcome.changes == {"Tags": desired}


@pytest.mark.parametrize("current, desired, operation, request_params", [
    (5, -1, "delete_function_concurrency", HELLO),
    (None, 10, "put_function_concurrency", dict(HELLO, ReservedConcurrentExecutions=10)),
    (5, 0, "put_function_concurrency", dict(HELLO, ReservedConcurrentExecutions=0)),
])
def test_reserved_concurrency(lambda_stub, current, desired, operation, request_params):
    answer = {} if operation == "delete_function_concurrency" else {"ReservedConcurrentExecutions": desired}
    lambda_stub.add_response(operation, answer, expected_params=request_params)
    outcome = converge(lambda_stub.client, get_function(reserved=current), reserved_concurrency=desired)
    assert outcome.changed


def test_no_reservation_asked_and_none_present_sends_nothing(lambda_stub):
    outcome = converge(lambda_stub.client, get_function(), reserved_concurrency=-1)
    assert not outcome.changed


def test_create_sends_the_managed_options(lambda_stub, package):
    lambda_stub.add_response("create_function", function_configuration(State="Pending", MemorySize=256),
                             expected_params=dict(
                                 HELLO, Code={"ZipFile": package.data}, PackageType="Zip", Publish=False,
                                 Role=ROLE_ARN, Runtime="python3.12", Handler="app.handler", Description="",
                                 MemorySize=256, Layers=[], Tags={"team": "platform"}))
    outcome = converge(lambda_stub.client, None, package, wait=False, src="/src", runtime="python3.12",
                       handler="app.handler", role=ROLE_ARN, description="", memory_size=256, layers=[],
                       tags={"team": "platform"})
    assert outcome.action == "create"


def test_delete(lambda_stub):
    lambda_stub.add_response("delete_function", {}, expected_params=HELLO)
    outcome = converge(lambda_stub.client, get_function(), state="absent")
    assert outcome.action == "delete"


@pytest.mark.parametrize("options, answer_fields", [
    ({"logging_config": logging_config(log_format="JSON")},
     {"LoggingConfig": {"LogFormat": "Text", "LogGroup": "/aws/lambda/hello"}}),
    ({"image_config": image_config(command=["app.handler"])},
     {"PackageType": "Image", "ImageConfigResponse": {"ImageConfig": {"EntryPoint": ["/entry.sh"]}}}),
], ids=["logging_config", "image_config"])
def test_partial_sub_option_update_sends_only_given_keys(options, answer_fields):
    stubber = Stubber(aws_client("lambda"))
    sent = []
    stubber.client.meta.events.register(
        "before-parameter-build.lambda.UpdateFunctionConfiguration", lambda params, **kwargs: sent.append(dict(params)))
    stubber.add_response("update_function_configuration", function_configuration())
    with stubber:
        converge(stubber.client, get_function(**answer_fields), wait=False, **options)
    field = "LoggingConfig" if "logging_config" in options else "ImageConfig"
    assert len(sent) == 1 and None not in sent[0][field].values()
    assert sent[0][field].get("LogFormat", "JSON") == "JSON"
    assert sent[0][field].get("Command", ["app.handler"]) == ["app.handler"]


# ------------------------------------------------------------------ publish_if_needed

def deployer_for(client, answer, check_mode=False, **options):
    module = FakeModule(check_mode=check_mode, **params(publish=True, **options))
    deployer = lambda_function.Function(module, LambdaClient(module, client=client), None, answer)
    return module, deployer


def versions(*numbers_and_shas):
    return {"Versions": [function_configuration(Version="$LATEST")] + [
        function_configuration(Version=number, CodeSha256=sha) for number, sha in numbers_and_shas]}


SAME = function_configuration()["CodeSha256"]
OLD = sha256_b64(b"old code")
NO_CHANGE = Outcome(None, {}, None, {}, {})


def test_create_with_publish_returns_the_version_created_with_it(lambda_stub, package):
    lambda_stub.add_response("create_function", function_configuration(Version="1"))
    outcome, deployer = deploy(lambda_stub.client, None, package, src="/src", publish=True, wait=False, **CONFIGURED)
    assert lambda_function.publish_if_needed(deployer.task, deployer.client, deployer, outcome) == ("1", True)


def test_create_in_check_mode_predicts_a_version(lambda_stub):
    module, deployer = deployer_for(lambda_stub.client, None, check_mode=True)
    outcome = Outcome("create", {"MemorySize": 128}, None, {}, {})
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, outcome) == (None, True)


def test_no_change_reuses_the_matching_version(lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions(("1", OLD), ("2", SAME)), expected_params=HELLO)
    module, deployer = deployer_for(lambda_stub.client, get_function())
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, NO_CHANGE) == ("2", False)


@pytest.mark.parametrize("check_mode, expected", [(False, ("3", True)), (True, (None, True))])
def test_no_change_and_no_matching_version_publishes(lambda_stub, check_mode, expected):
    lambda_stub.add_response("list_versions_by_function", versions(("1", SAME), ("2", OLD)), expected_params=HELLO)
    if not check_mode:
        lambda_stub.add_response("publish_version", function_configuration(Version="3", State="Active"),
                                 expected_params=dict(HELLO, CodeSha256=SAME, RevisionId="r1"))
    module, deployer = deployer_for(lambda_stub.client, get_function(), check_mode=check_mode)
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, NO_CHANGE) == expected


@pytest.mark.parametrize("check_mode, expected", [(False, ("4", True)), (True, (None, True))])
def test_versioned_change_publishes_without_looking_for_a_match(lambda_stub, check_mode, expected):
    if not check_mode:
        lambda_stub.add_response("publish_version", function_configuration(Version="4", State="Active"),
                                 expected_params=dict(HELLO, CodeSha256=SAME, RevisionId="r1"))
    module, deployer = deployer_for(lambda_stub.client, get_function(), check_mode=check_mode)
    outcome = Outcome("update", {"MemorySize": 256}, None, {}, {})
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, outcome) == expected


def test_tags_only_change_does_not_publish_when_a_version_matches(lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions(("7", SAME)), expected_params=HELLO)
    module, deployer = deployer_for(lambda_stub.client, get_function())
    outcome = Outcome("update", {"Tags": {"team": "platform"}}, None, {}, {})
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, outcome) == ("7", False)


def test_pending_new_version_is_waited_for(lambda_stub):
    lambda_stub.add_response("publish_version", function_configuration(Version="4", State="Pending"))
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="4", State="Active"),
                             expected_params=dict(HELLO, Qualifier="4"))
    module, deployer = deployer_for(lambda_stub.client, get_function())
    outcome = Outcome("update", {"Timeout": 30}, None, {}, {})
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, outcome) == ("4", True)


# ------------------------------------------------------------------ RevisionId across waits

class RevisionKeepingLambda:
    """Answers Lambda requests as AWS does about RevisionId and updates in progress.

    An update answers LastUpdateStatus=InProgress with a new RevisionId, and the RevisionId changes once more
    when the update completes (https://github.com/aws/aws-sdk/issues/377). A request carrying another RevisionId
    is refused with PreconditionFailedException; a request during an update with ResourceConflictException.
    """

    def __init__(self, client, configuration):
        self.configuration = configuration
        self.requests = []
        self._revisions = ("r%d" % n for n in itertools.count(2))
        client.meta.events.register("before-parameter-build.lambda", self._keep_params)
        client.meta.events.register("before-call.lambda", self._answer)

    @staticmethod
    def _keep_params(params, context, **kwargs):
        context["api_params"] = dict(params)

    def _answer(self, model, context, **kwargs):
        operation, request = model.name, context["api_params"]
        self.requests.append(operation)
        config = self.configuration
        if operation == "GetFunction":
            if config["LastUpdateStatus"] == "InProgress":
                config.update(LastUpdateStatus="Successful", RevisionId=next(self._revisions))
            return reply(200, {"Configuration": dict(config)})
        if request.get("RevisionId", config["RevisionId"]) != config["RevisionId"]:
            return error_reply(412, "PreconditionFailedException",
                               "The Revision Id provided does not match the latest Revision Id.")
        if config["LastUpdateStatus"] == "InProgress":
            return error_reply(409, "ResourceConflictException", "An update is in progress for resource: " + FUNCTION_ARN)
        if operation == "PublishVersion":
            return reply(201, dict(config, Version="1", State="Active"))
        if operation == "UpdateFunctionCode":
            config["CodeSha256"] = sha256_b64(request["ZipFile"])
        else:
            config.update((k, v) for k, v in request.items() if k not in ("FunctionName", "RevisionId"))
        config.update(LastUpdateStatus="InProgress", RevisionId=next(self._revisions))
        return reply(200, dict(config))


def test_code_and_configuration_change_in_one_run(package):
    client = aws_client("lambda")
    aws = RevisionKeepingLambda(client, function_configuration())
    converge(client, {"Configuration": dict(aws.configuration)}, package, src="/src", memory_size=256)
    assert aws.configuration["MemorySize"] == 256
    assert aws.configuration["CodeSha256"] == package.sha256


def test_publish_after_an_update():
    client = aws_client("lambda")
    aws = RevisionKeepingLambda(client, function_configuration())
    outcome, deployer = deploy(client, {"Configuration": dict(aws.configuration)}, memory_size=256, publish=True)
    assert lambda_function.publish_if_needed(deployer.task, deployer.client, deployer, outcome) == ("1", True)


def test_configuration_change_waits_for_the_update_to_complete():
    client = aws_client("lambda")
    aws = RevisionKeepingLambda(client, function_configuration())
    outcome, deployer = deploy(client, {"Configuration": dict(aws.configuration)}, memory_size=256, timeout=30)
    assert outcome.changed
    assert (aws.configuration["MemorySize"], aws.configuration["Timeout"]) == (256, 30)
    assert aws.requests.count("UpdateFunctionConfiguration") == 1
    assert aws.configuration["LastUpdateStatus"] == "Successful"  # read back by the waiter
    assert deployer.settled_answer["Configuration"]["LastUpdateStatus"] == "Successful"


# ------------------------------------------------------------------ review follow-ups

def test_layer_given_by_name_is_looked_up(lambda_stub):
    lambda_stub.add_response("get_layer_version", {"LayerVersionArn": LAYER_ARN + ":7", "Version": 7},
                             expected_params={"LayerName": "deps", "VersionNumber": 7})
    client = LambdaClient(FakeModule(**params()), client=lambda_stub.client)
    assert lambda_function.layer_arn({"layer_name": "deps", "version": 7},
                                     lambda name, version: lambda_function.layer_version_arn(client, name, version)) \
        == LAYER_ARN + ":7"


def test_layer_given_by_name_that_does_not_exist_fails_naming_layers(lambda_stub):
    lambda_stub.add_client_error("get_layer_version", "ResourceNotFoundException", "Layer version not found", 404)
    client = LambdaClient(FakeModule(**params()), client=lambda_stub.client)
    with pytest.raises(LambdaError, match="layers: version 7 of the layer deps was not found"):
        lambda_function.layer_version_arn(client, "deps", 7)


def test_a_layer_name_passes_the_local_checks():
    assert lambda_function.validate(params(layers=[{"layer_name": "deps", "version": 7}])) == []


def test_empty_environment_value_is_an_empty_string():
    desired = lambda_function.desired_function(params(environment_variables={"EMPTY": None}))
    assert desired["Environment"] == {"Variables": {"EMPTY": ""}}


def test_create_without_reservation_sends_no_concurrency_call(lambda_stub, package):
    lambda_stub.add_response("create_function", function_configuration())
    outcome = converge(lambda_stub.client, None, package, wait=False, src="/src", runtime="python3.12",
                       handler="app.handler", role=ROLE_ARN, reserved_concurrency=-1)
    assert outcome.action == "create"  # the Stubber fails on any further, unexpected call


def test_diff_of_a_partly_given_setting_shows_only_the_given_keys(lambda_stub):
    lambda_stub.add_response("update_function_configuration", function_configuration())
    outcome = converge(lambda_stub.client, get_function(LoggingConfig={"LogFormat": "Text", "LogGroup": "/aws/x"}),
                       wait=False, logging_config=logging_config(log_format="JSON"))
    assert outcome.diff == {"before": {"logging_config": {"log_format": "Text"}},
                            "after": {"logging_config": {"log_format": "JSON"}}}


def test_partly_given_setting_keeps_the_other_keys_in_the_request(lambda_stub):
    lambda_stub.add_response("update_function_configuration", function_configuration(), expected_params=dict(
        HELLO, RevisionId="r1", LoggingConfig={"LogFormat": "JSON", "LogGroup": "/aws/x"}))
    converge(lambda_stub.client, get_function(LoggingConfig={"LogFormat": "Text", "LogGroup": "/aws/x"}),
             wait=False, logging_config=logging_config(log_format="JSON"))


# ------------------------------------------------------------ keep_versions

def aliases(*pairs):
    return {"Aliases": [dict(Name=name, FunctionVersion=version, AliasArn=FUNCTION_ARN + ":" + name, **extra)
                        for name, version, extra in pairs]}


NO_PROVISIONED = {"ProvisionedConcurrencyConfigs": []}


@pytest.mark.parametrize("check_mode", [False, True])
def test_keep_versions_deletes_the_oldest_unprotected_versions(lambda_stub, check_mode):
    lambda_stub.add_response("list_versions_by_function", versions(*((str(n), SAME) for n in range(1, 7))),
                             expected_params=HELLO)
    lambda_stub.add_response("list_aliases", aliases(("live", "2", {}),
                                                     ("canary", "5", {"RoutingConfig": {"AdditionalVersionWeights": {"3": 0.1}}})),
                             expected_params=HELLO)
    lambda_stub.add_response("list_provisioned_concurrency_configs", NO_PROVISIONED, expected_params=HELLO)
    if not check_mode:
        for version in ("1", "4"):
            lambda_stub.add_response("delete_function", {}, expected_params=dict(HELLO, Qualifier=version))
    module, deployer = deployer_for(lambda_stub.client, get_function(), check_mode=check_mode, keep_versions=2)
    assert lambda_function.prune_versions(module, deployer.client, deployer, existed=True, pending=False) == ["1", "4"]
    assert deployer.pruned == {"before": ["1", "2", "3", "4", "5", "6"], "after": ["2", "3", "5", "6"]}
    lambda_stub.assert_no_pending_responses()


def test_keep_versions_with_no_more_versions_than_kept_reads_only_the_versions(lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions(("1", SAME), ("2", SAME)), expected_params=HELLO)
    module, deployer = deployer_for(lambda_stub.client, get_function(), keep_versions=2)
    assert lambda_function.prune_versions(module, deployer.client, deployer, existed=True, pending=False) == []
    assert deployer.pruned is None
    lambda_stub.assert_no_pending_responses()


def test_keep_versions_counts_the_version_check_mode_would_publish(lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions(("1", OLD), ("2", OLD)), expected_params=HELLO)
    lambda_stub.add_response("list_aliases", aliases(), expected_params=HELLO)
    lambda_stub.add_response("list_provisioned_concurrency_configs", NO_PROVISIONED, expected_params=HELLO)
    module, deployer = deployer_for(lambda_stub.client, get_function(), check_mode=True, keep_versions=2)
    assert lambda_function.prune_versions(module, deployer.client, deployer, existed=True, pending=True) == ["1"]


def test_keep_versions_reuses_the_list_read_for_publish_and_counts_the_new_version(lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions(("1", OLD), ("2", OLD)), expected_params=HELLO)
    lambda_stub.add_response("publish_version", function_configuration(Version="3", State="Active"))
    lambda_stub.add_response("list_aliases", aliases(), expected_params=HELLO)
    lambda_stub.add_response("list_provisioned_concurrency_configs", NO_PROVISIONED, expected_params=HELLO)
    lambda_stub.add_response("delete_function", {}, expected_params=dict(HELLO, Qualifier="1"))
    module, deployer = deployer_for(lambda_stub.client, get_function(), keep_versions=2)
    assert lambda_function.publish_if_needed(module, deployer.client, deployer, NO_CHANGE) == ("3", True)
    assert lambda_function.prune_versions(module, deployer.client, deployer, existed=True, pending=False) == ["1"]
    assert deployer.pruned == {"before": ["1", "2", "3"], "after": ["2", "3"]}
    lambda_stub.assert_no_pending_responses()


def test_keep_versions_never_deletes_a_version_with_provisioned_concurrency(lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions(("1", SAME), ("2", SAME), ("3", SAME)))
    lambda_stub.add_response("list_aliases", aliases())
    lambda_stub.add_response("list_provisioned_concurrency_configs", {"ProvisionedConcurrencyConfigs": [
        {"FunctionArn": FUNCTION_ARN + ":1", "Status": "READY", "RequestedProvisionedConcurrentExecutions": 2}]})
    lambda_stub.add_response("delete_function", {}, expected_params=dict(HELLO, Qualifier="2"))
    module, deployer = deployer_for(lambda_stub.client, get_function(), keep_versions=1)
    assert lambda_function.prune_versions(module, deployer.client, deployer, existed=True, pending=False) == ["2"]
    lambda_stub.assert_no_pending_responses()


def test_keep_versions_for_a_function_check_mode_would_create_reads_nothing(lambda_stub):
    module, deployer = deployer_for(lambda_stub.client, None, check_mode=True, keep_versions=1)
    assert lambda_function.prune_versions(module, deployer.client, deployer, existed=False, pending=True) == []


# ------------------------------------------------------------ lost create answers

ALREADY = "Function already exist: hello"


@pytest.mark.parametrize("publish", [False, True])
def test_a_create_whose_answer_was_lost_finds_its_own_function(lambda_stub, package, publish):
    lambda_stub.add_client_error("create_function", "ResourceConflictException", ALREADY, 409,
                                 response_meta={"RetryAttempts": 1})
    lambda_stub.add_response("get_function", get_function(CodeSha256=package.sha256, Runtime="python3.12",
                                                          Handler="app.handler", Role=ROLE_ARN), expected_params=HELLO)
    if publish:
        lambda_stub.add_response("publish_version", function_configuration(Version="1", CodeSha256=package.sha256),
                                 expected_params=dict(HELLO, CodeSha256=package.sha256))
    outcome, deployer = deploy(lambda_stub.client, None, package, wait=False, src="/src", publish=publish, **CONFIGURED)
    assert outcome.action == "create"
    assert deployer.published == ("1" if publish else None)
    lambda_stub.assert_no_pending_responses()


def test_a_function_that_exists_with_other_code_is_not_taken_for_ours(lambda_stub, package):
    lambda_stub.add_client_error("create_function", "ResourceConflictException", ALREADY, 409)
    lambda_stub.add_response("get_function", get_function(Runtime="python3.12", Handler="app.handler", Role=ROLE_ARN))
    with pytest.raises(LambdaError, match="CreateFunction failed: ResourceConflictException: Function already exist"):
        deploy(lambda_stub.client, None, package, wait=False, src="/src", **CONFIGURED)


# ------------------------------------------------------------ the resource, end to end (fixes of issue 13)

def run_function(client, check_mode=False, diff=False, **options):
    """Function.run (what main() hands to run_module) with a Task of these options; (result, task)."""
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    return lambda_function.Function.run(task, LambdaClient(task, client=client)), task


def test_tag_values_are_sent_as_strings():
    desired = lambda_function.desired_function(params(tags={"cost": 42, "on": True, "off": False, "ratio": 0.5}))
    assert desired["Tags"] == {"cost": "42", "on": "true", "off": "false", "ratio": "0.5"}


def test_a_number_tag_is_sent_as_a_string_after_the_configuration_update(lambda_stub):
    """Before: UpdateFunctionConfiguration was sent, then TagResource was refused locally (42 is no string)."""
    lambda_stub.add_response("get_function", get_function(tags={}), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration", function_configuration(MemorySize=256),
                             expected_params=dict(HELLO, MemorySize=256, RevisionId="r1"))
    lambda_stub.add_response("tag_resource", {}, expected_params={"Resource": FUNCTION_ARN, "Tags": {"cost": "42"}})
    result, _task = run_function(lambda_stub.client, wait=False, memory_size=256, tags={"cost": 42})
    assert result["changed"] and result["tags"] == {"cost": "42"}


def test_a_failure_after_an_accepted_write_reports_changed_and_applied(run_main, lambda_stub):
    lambda_stub.add_response("get_function", get_function(tags={}), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration", function_configuration(MemorySize=256))
    lambda_stub.add_client_error("tag_resource", "AccessDeniedException", "not allowed to tag", 403)
    code, result = run_main(lambda_function_module, name="hello", wait=False, memory_size=256, tags={"cost": 42})
    assert code == 1 and result["failed"]
    assert result["changed"] is True
    assert result["applied"] == ["UpdateFunctionConfiguration(FunctionName=hello)"]
    assert result["operation"] == "TagResource"


def test_check_mode_publish_predicts_one_above_the_newest_version(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("list_versions_by_function", versions(("1", OLD), ("4", OLD)), expected_params=HELLO)
    result, _task = run_function(lambda_stub.client, check_mode=True, diff=True, memory_size=256, publish=True)
    assert result["changed"]
    assert result["version"] == "5" and result["version_predicted"] is True
    assert result["diff"]["after"] == {"memory_size": 256, "version": "5"}


def test_check_mode_publish_of_a_new_function_predicts_version_1(lambda_stub, package, tmp_path):
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404)
    result, _task = run_function(lambda_stub.client, check_mode=True, diff=True, publish=True,
                                 src=str(tmp_path / "src"), **CONFIGURED)
    assert result["version"] == "1" and result["version_predicted"] is True
    assert result["diff"]["after"]["version"] == "1"


def test_a_real_publish_is_no_prediction(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration", function_configuration(MemorySize=256, RevisionId="r2"))
    lambda_stub.add_response("publish_version", function_configuration(Version="5", State="Active"))
    result, _task = run_function(lambda_stub.client, wait=False, memory_size=256, publish=True)
    assert result["version"] == "5" and "version_predicted" not in result


def test_check_mode_result_shows_the_new_code_and_null_for_what_the_change_sets(lambda_stub, package, tmp_path):
    """Before: configuration.code_sha256 and code.size were the old ones, code.sha256 the new one."""
    lambda_stub.add_response("get_function", get_function(LastModified="2024-01-01T00:00:00.000+0000"),
                             expected_params=HELLO)
    result, _task = run_function(lambda_stub.client, check_mode=True, src=str(tmp_path / "src"))
    assert result["changed"]
    assert result["configuration"]["code_sha256"] == result["code"]["sha256"] == package.sha256
    assert result["code"]["size"] is None and result["configuration"]["code_size"] is None
    assert result["configuration"]["revision_id"] is None and result["configuration"]["last_modified"] is None


def test_check_mode_result_without_a_code_change_keeps_the_code_size(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    result, _task = run_function(lambda_stub.client, check_mode=True, memory_size=256)
    assert result["configuration"]["memory_size"] == 256
    assert result["code"]["size"] == 300 and result["configuration"]["revision_id"] is None


def test_check_mode_takes_the_next_layer_version_as_published_by_an_earlier_task(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_client_error("get_layer_version", "ResourceNotFoundException", "not found", 404,
                                 expected_params={"LayerName": "deps", "VersionNumber": 4})
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": [
        {"LayerVersionArn": LAYER_ARN + ":3", "Version": 3}]}, expected_params={"LayerName": "deps"})
    result, task = run_function(lambda_stub.client, check_mode=True, layers=[{"layer_name": "deps", "version": 4}])
    assert result["changed"] and result["configuration"]["layers"] == [LAYER_ARN + ":4"]
    assert any("version 4 of the layer deps does not exist yet" in warning for warning in task.warnings)


@pytest.mark.parametrize("check_mode, version", [(True, 5), (False, 4)])
def test_a_missing_layer_version_fails_unless_check_mode_and_the_next_one(lambda_stub, check_mode, version):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_client_error("get_layer_version", "ResourceNotFoundException", "not found", 404)
    if check_mode:
        lambda_stub.add_response("list_layer_versions", {"LayerVersions": [
            {"LayerVersionArn": LAYER_ARN + ":3", "Version": 3}]})
    with pytest.raises(LambdaError, match="layers: version %s of the layer deps was not found" % version):
        run_function(lambda_stub.client, check_mode=check_mode, layers=[{"layer_name": "deps", "version": version}])


MAPPING_UUID = "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE"
QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:jobs"


@pytest.mark.parametrize("check_mode", [True, False])
def test_delete_warns_of_the_mappings_left_behind_and_diffs_what_goes(lambda_stub, check_mode):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    # The whole listing: AWS filters by the exact function ARN, which would leave out the mappings of an alias.
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": [
        {"UUID": MAPPING_UUID, "EventSourceArn": QUEUE_ARN, "FunctionArn": FUNCTION_ARN + ":live"},
        {"UUID": "a1b2c3d4-5678-90ab-cdef-22222EXAMPLE", "EventSourceArn": QUEUE_ARN,
         "FunctionArn": FUNCTION_ARN.replace(":hello", ":hello2")}]}, expected_params={})
    lambda_stub.add_response("list_aliases", aliases(("live", "2", {})), expected_params=HELLO)
    lambda_stub.add_response("get_policy", {"Policy": '{"Version": "2012-10-17", "Statement": [{"Sid": "s3-invoke"}]}',
                                            "RevisionId": "p1"}, expected_params=HELLO)
    lambda_stub.add_response("list_versions_by_function", versions(("1", OLD), ("2", SAME)), expected_params=HELLO)
    if not check_mode:
        lambda_stub.add_response("delete_function", {}, expected_params=HELLO)
    result, task = run_function(lambda_stub.client, check_mode=check_mode, diff=True, state="absent")
    assert result["changed"]
    mapping = {"uuid": MAPPING_UUID, "event_source_arn": QUEUE_ARN}
    before, after = result["diff"]["before"], result["diff"]["after"]
    assert (before["aliases"], before["versions"], before["policy_statements"]) == (["live"], ["1", "2"], ["s3-invoke"])
    assert before["event_source_mappings"] == [mapping] and before["handler"] == "app.handler"
    assert after == {"event_source_mappings": [mapping]}
    assert len(task.warnings) == 1 and MAPPING_UUID in task.warnings[0] and QUEUE_ARN in task.warnings[0]


def test_delete_without_diff_reads_only_the_mappings(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []}, expected_params={})
    lambda_stub.add_response("delete_function", {}, expected_params=HELLO)
    result, task = run_function(lambda_stub.client, state="absent")
    assert result["changed"] and task.warnings == [] and "diff" not in result


@pytest.mark.parametrize("option, shape, member", [
    ("timeout", "Timeout", None), ("memory_size", "MemorySize", None), ("ephemeral_storage", "EphemeralStorage", "Size")])
def test_ranges_are_the_service_models(option, shape, member):
    low, high = model_range(shape, member)
    assert lambda_function.validate(params(**{option: high})) == []
    assert lambda_function.validate(params(**{option: high + 1})) == [
        "%s must be between %s and %s, not %s." % (option, low, high, high + 1)]


def test_a_code_path_that_cannot_be_used_fails_before_any_request(lambda_stub, tmp_path):
    with pytest.raises(LambdaError, match="^src: "):
        run_function(lambda_stub.client, src=str(tmp_path / "missing"))  # the Stubber has no answer queued


@pytest.mark.parametrize("option, value, kind", [
    ("tags", {"owner": {"team": "web"}}, "dictionary"),
    ("environment_variables", {"HOSTS": ["a", "b"]}, "list"),
])
def test_a_value_that_is_no_text_is_refused_before_any_request(option, value, kind):
    errors = lambda_function.validate(dict(name="hello", **{option: value}))
    assert errors == ["%s: the value of %s is a %s; AWS takes only text here (quote it, or turn it into JSON with "
                      "the to_json filter)." % (option, list(value)[0], kind)]
