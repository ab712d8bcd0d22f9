# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The amazon.aws-compatible ``lambda`` module: its options turned into the function resource's, its publishing,
its layer comparison and its result, end to end through main() against a stubbed Lambda client."""

import importlib
import zipfile

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import sha256_b64
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import Outcome
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import compat_function
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    FUNCTION_ARN,
    ROLE_ARN,
    count_calls,
    function_configuration,
)

# "lambda" is a Python keyword: the module is imported by its dotted name.
lambda_module = importlib.import_module("ansible_collections.cloudfn.aws_lambda.plugins.modules.lambda")

LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:%s:%d"
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
HELLO = {"FunctionName": "hello"}
REQUIRED = dict(name="hello", role=ROLE_ARN, runtime="python3.12", handler="app.handler")


def params(**options):
    """amazon.aws.lambda's parameters as AnsibleModule hands them over: every option, its default unless given."""
    values = dict((name, spec.get("default")) for name, spec in compat_function.ARGUMENT_SPEC.items())
    values.update(REQUIRED)
    values.update(options)
    return values


def get_function(tags=None, code=None, **configuration):
    answer = {"Configuration": function_configuration(**configuration),
              "Code": code or {"RepositoryType": "S3", "Location": "https://awslambda-us-east-1-tasks.s3.amazonaws.com/x"}}
    answer["Tags"] = tags or {}
    return answer


@pytest.fixture
def package(tmp_path):
    path = tmp_path / "hello.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("app.py", "def handler(event, context):\n    return 1\n")
    return str(path), sha256_b64(path.read_bytes())


# ------------------------------------------------------------------ the options as the function resource takes them

def test_omitted_options_take_amazon_aws_values_on_update():
    translated = compat_function.function_params(params())
    assert translated["timeout"] == 3 and translated["memory_size"] == 128
    assert translated["vpc_subnet_ids"] == [] and translated["vpc_security_group_ids"] == []
    # What amazon.aws ignores when empty is not managed.
    assert translated["description"] is None and translated["kms_key_arn"] is None and translated["layers"] is None
    assert translated["publish"] is True and translated["keep_versions"] is None and translated["src"] is None


@pytest.mark.parametrize("option, value", [("description", ""), ("kms_key_arn", ""), ("handler", ""),
                                           ("runtime", ""), ("layers", [])])
def test_empty_values_amazon_aws_ignores_are_not_managed(option, value):
    assert compat_function.function_params(params(**{option: value}))[option] is None


def test_given_vpc_and_layers_are_passed_on():
    translated = compat_function.function_params(params(
        vpc_subnet_ids=["subnet-b", "subnet-a"], vpc_security_group_ids=["sg-1"],
        layers=[dict(layer_version_arn=LAYER % ("a", 1), layer_name=None, version=None),
                dict(layer_version_arn=None, layer_name="b", version=2)]))
    assert translated["vpc_subnet_ids"] == ["subnet-b", "subnet-a"]
    assert translated["layers"] == [dict(layer_version_arn=LAYER % ("a", 1)), dict(layer_name="b", version=2)]


@pytest.mark.parametrize("desired, current, same", [
    ([LAYER % ("a", 1), LAYER % ("b", 2)], [LAYER % ("b", 2), LAYER % ("a", 1)], True),
    ([LAYER % ("a", 1)], [LAYER % ("a", 1), LAYER % ("a", 1)], False),
    ([LAYER % ("a", 2)], [LAYER % ("a", 1)], False),
    ([], [], True),
])
def test_layers_are_compared_in_any_order(desired, current, same):
    assert compat_function.same_layers(desired, current) is same


@pytest.mark.parametrize("action, changes, publishes, configures", [
    ("create", {"Role": ROLE_ARN}, True, False),
    ("update", {"CodeSha256": "x"}, True, False),
    ("update", {"Architectures": ["arm64"], "Timeout": 5}, True, True),
    ("update", {"Timeout": 5}, False, True),
    ("update", {"Tags": {"a": "b"}}, False, False),
    (None, {}, False, False),
])
def test_a_version_is_published_on_create_and_code_change_only(action, changes, publishes, configures):
    outcome = Outcome(action, changes, None, {}, {})
    assert compat_function.publishes(outcome) is publishes
    assert compat_function.config_changed(outcome) is configures


def test_update_kwargs_leave_the_zip_bytes_out():
    outcome = Outcome("update", {"CodeSha256": "x", "MemorySize": 256}, None, {}, {})
    func_kwargs, code_kwargs = compat_function.update_kwargs(
        "hello", outcome, {"Architectures": ["arm64"]}, {"ZipFile": b"PK\x03\x04"})
    assert func_kwargs == {"FunctionName": "hello", "MemorySize": 256}
    assert code_kwargs == {"FunctionName": "hello", "Publish": True, "Architectures": ["arm64"]}


def test_update_kwargs_of_s3_code_name_the_object():
    outcome = Outcome("update", {"CodeSha256": "x"}, None, {}, {})
    _func_kwargs, code_kwargs = compat_function.update_kwargs(
        "hello", outcome, {"Architectures": ["x86_64"]}, {"S3Bucket": "b", "S3Key": "k"})
    assert code_kwargs == {"FunctionName": "hello", "Publish": True, "Architectures": ["x86_64"], "S3Bucket": "b",
                           "S3Key": "k"}


# ------------------------------------------------------------------ main(): refused by the argument spec, nothing sent

@pytest.mark.parametrize("args, message", [
    (dict(name="hello", runtime="python3.12", handler="app.handler"), "state is present but all of the following are missing: role"),
    (dict(name="hello", role=ROLE_ARN), "state is present but any of the following are missing: runtime, image_uri"),
    (dict(REQUIRED, handler=None), "parameters are required together: runtime, handler"),
    (dict(REQUIRED, layers=[dict(layer_version_arn=LAYER % ("a", 1), version=2)]),
     "parameters are mutually exclusive: version|layer_version_arn found in layers"),
    (dict(REQUIRED, layers=[dict(layer_name="a")]), "parameters are required together: layer_name, version found in layers"),
    (dict(REQUIRED, architecture="arm64"), "architecture is arm64 but any of the following are missing: zip_file, s3_bucket, image_uri"),
])
def test_amazon_aws_rules_refuse_the_task_before_any_request(run_main, lambda_stub, args, message):
    sent = count_calls(lambda_stub.client)
    args = dict((k, v) for k, v in args.items() if v is not None)
    code, result = run_main(lambda_module, **args)
    assert code == 1 and result["failed"] and not result.get("changed")
    assert result["msg"] == message
    assert sent == []


# ------------------------------------------------------------------ main(): requests and result

def test_create_publishes_version_1_and_returns_it(run_main, lambda_stub, package):
    path, sha = package
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404)
    created = function_configuration(CodeSha256=sha, Version="1", FunctionArn=FUNCTION_ARN + ":1")
    lambda_stub.add_response("create_function", created)
    lambda_stub.add_response("get_function", get_function(tags={"Owner": "ci"}, **created),
                             expected_params=dict(HELLO, Qualifier="1"))
    code, result = run_main(lambda_module, zip_file=path, tags={"Owner": "ci"}, environment_variables={"MyVar": "x"},
                            **REQUIRED)
    assert code == 0 and result["changed"]
    assert result["configuration"]["function_arn"] == FUNCTION_ARN + ":1" and result["configuration"]["version"] == "1"
    assert result["tags"] == {"Owner": "ci"}
    assert "func_kwargs" not in result


def test_create_sends_publish_and_amazon_aws_defaults(run_main, lambda_stub, package):
    path, sha = package
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404)
    created = function_configuration(CodeSha256=sha, Version="1", FunctionArn=FUNCTION_ARN + ":1")
    with open(path, "rb") as handle:
        data = handle.read()
    lambda_stub.add_response("create_function", created, expected_params=dict(
        HELLO, Code={"ZipFile": data}, PackageType="Zip", Publish=True, Role=ROLE_ARN, Runtime="python3.12",
        Handler="app.handler", Timeout=3, MemorySize=128, Environment={"Variables": {"MyVar": "x"}}))
    lambda_stub.add_response("get_function", get_function(**created), expected_params=dict(HELLO, Qualifier="1"))
    code, _result = run_main(lambda_module, zip_file=path, environment_variables={"MyVar": "x"}, **REQUIRED)
    assert code == 0


def test_no_change_costs_one_get_function_and_returns_the_unqualified_function(run_main, lambda_stub, package):
    path, sha = package
    lambda_stub.add_response("get_function", get_function(CodeSha256=sha, KMSKeyArn=KMS), expected_params=HELLO)
    code, result = run_main(lambda_module, zip_file=path, kms_key_arn=KMS, **REQUIRED)
    assert code == 0 and not result["changed"]
    assert result["configuration"]["function_arn"] == FUNCTION_ARN and result["configuration"]["version"] == "$LATEST"
    assert result["func_kwargs"] == HELLO and result["code_kwargs"] == {}


def test_layers_in_another_order_change_nothing(run_main, lambda_stub):
    layers = [{"Arn": LAYER % ("a", 1), "CodeSize": 10}, {"Arn": LAYER % ("b", 2), "CodeSize": 10}]
    lambda_stub.add_response("get_function", get_function(Layers=layers), expected_params=HELLO)
    code, result = run_main(lambda_module, layers=[dict(layer_version_arn=LAYER % ("b", 2)),
                                                   dict(layer_name="arn:aws:lambda:us-east-1:123456789012:layer:a",
                                                        version=1)], **REQUIRED)
    assert code == 0 and not result["changed"]


def test_configuration_change_publishes_nothing_and_returns_latest(run_main, lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration", function_configuration(Timeout=10, RevisionId="r2"),
                             expected_params=dict(HELLO, Timeout=10, RevisionId="r1"))
    latest = get_function(Timeout=10, FunctionArn=FUNCTION_ARN + ":$LATEST")
    lambda_stub.add_response("get_function", latest, expected_params=dict(HELLO, Qualifier="$LATEST"))
    code, result = run_main(lambda_module, timeout=10, **REQUIRED)
    assert code == 0 and result["changed"]
    assert result["configuration"]["function_arn"] == FUNCTION_ARN + ":$LATEST"
    assert result["func_kwargs"] == dict(HELLO, Timeout=10) and result["code_kwargs"] == {}


def test_omitted_timeout_memory_and_vpc_are_reset_as_amazon_aws_does(run_main, lambda_stub):
    vpc = {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}
    lambda_stub.add_response("get_function", get_function(Timeout=30, MemorySize=512, VpcConfig=vpc,
                                                          Description="kept"), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration", function_configuration(RevisionId="r2"),
                             expected_params=dict(HELLO, Timeout=3, MemorySize=128, RevisionId="r1",
                                                  VpcConfig={"SubnetIds": [], "SecurityGroupIds": []}))
    lambda_stub.add_response("get_function", get_function(), expected_params=dict(HELLO, Qualifier="$LATEST"))
    code, result = run_main(lambda_module, **REQUIRED)
    assert code == 0 and result["changed"]


def test_code_change_publishes_the_next_version_and_returns_it(run_main, lambda_stub, package):
    path, sha = package
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=sha, RevisionId="r2"))
    lambda_stub.add_response("publish_version", function_configuration(CodeSha256=sha, Version="2", RevisionId="r3"),
                             expected_params=dict(HELLO, CodeSha256=sha, RevisionId="r2"))
    published = get_function(CodeSha256=sha, Version="2", FunctionArn=FUNCTION_ARN + ":2")
    lambda_stub.add_response("get_function", published, expected_params=dict(HELLO, Qualifier="2"))
    code, result = run_main(lambda_module, zip_file=path, **REQUIRED)
    assert code == 0 and result["changed"]
    assert result["configuration"]["version"] == "2" and result["configuration"]["function_arn"] == FUNCTION_ARN + ":2"
    assert result["code_kwargs"] == dict(HELLO, Publish=True, Architectures=["x86_64"])


def test_check_mode_predicts_the_next_version_without_writing(run_main, lambda_stub, package):
    path, _sha = package
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("list_versions_by_function", {"Versions": [
        function_configuration(Version="$LATEST"), function_configuration(Version="1")]})
    code, result = run_main(lambda_module, zip_file=path, _ansible_check_mode=True, **REQUIRED)
    assert code == 0 and result["changed"]
    assert result["configuration"]["version"] == "2" and result["configuration"]["function_arn"] == FUNCTION_ARN + ":2"
    assert sent == ["GetFunction", "ListVersionsByFunction"]


def test_image_code_with_the_same_uri_is_not_sent_again(run_main, lambda_stub):
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
    answer = get_function(PackageType="Image", code={"RepositoryType": "ECR", "ImageUri": image})
    del answer["Configuration"]["Runtime"], answer["Configuration"]["Handler"]
    lambda_stub.add_response("get_function", answer, expected_params=HELLO)
    code, result = run_main(lambda_module, name="hello", role=ROLE_ARN, image_uri=image)
    assert code == 0 and not result["changed"]


def test_environment_variable_names_keep_their_case(run_main, lambda_stub):
    lambda_stub.add_response("get_function", get_function(Environment={"Variables": {"MyVar": "x"}}),
                             expected_params=HELLO)
    code, result = run_main(lambda_module, environment_variables={"MyVar": "x"}, **REQUIRED)
    assert code == 0 and not result["changed"]
    assert result["configuration"]["environment"] == {"variables": {"MyVar": "x"}}


def test_state_absent_deletes_and_returns_only_changed(run_main, lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []})
    lambda_stub.add_response("delete_function", {}, expected_params=HELLO)
    code, result = run_main(lambda_module, name="hello", state="absent")
    assert code == 0 and result["changed"]
    assert "configuration" not in result
