# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import base64
import hashlib
import io

import pytest
from botocore.response import StreamingBody

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodePackage, s3_code_sha256
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import code_source as function_code_source
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function import (
    FunctionVersions as PublishedVersions,
    current_function,
    function_view,
    protected_versions,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.versions import versions_beyond
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    FUNCTION_ARN,
    FakeModule,
    function_configuration,
)

LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3"
SHA = "NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4="
OTHER_SHA = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def test_function_view_of_an_empty_configuration_holds_the_aws_defaults():
    assert function_view({}) == dict(
        Role=None, Runtime=None, Handler=None, Description="", Timeout=None, MemorySize=None,
        Environment={"Variables": {}},
        VpcConfig={"SubnetIds": [], "SecurityGroupIds": [], "Ipv6AllowedForDualStack": False},
        DeadLetterConfig={"TargetArn": ""},
        KMSKeyArn="",
        TracingConfig={"Mode": "PassThrough"},
        Layers=[],
        FileSystemConfigs=[],
        ImageConfig={},
        EphemeralStorage={"Size": 512},
        SnapStart={"ApplyOn": "None"},
        LoggingConfig={},
        DurableConfig={},
        CapacityProviderConfig={},
        AcceleratorConfig={},
        RuntimeConfig={},
        TenancyConfig={},
        PackageType="Zip",
        Architectures=["x86_64"],
        CodeSha256=None,
        ImageUri=None,
        SourceKMSKeyArn="",
    )


def test_function_view_reshapes_aws_answers_into_the_desired_shape():
    view = function_view(function_configuration(
        VpcConfig={"SubnetIds": ["subnet-b", "subnet-a"], "SecurityGroupIds": ["sg-2", "sg-1"], "VpcId": "vpc-1"},
        Layers=[{"Arn": LAYER, "CodeSize": 1024}],
        ImageConfigResponse={"ImageConfig": {"Command": ["app.handler"]}},
        FileSystemConfigs=[{"Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1",
                            "LocalMountPath": "/mnt/data"}],
        Environment={"Variables": {"A": "1"}},
    ), code={"ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", "RepositoryType": "ECR"})
    assert view["VpcConfig"] == {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": ["sg-1", "sg-2"],
                                 "Ipv6AllowedForDualStack": False}
    assert view["Layers"] == [LAYER]
    assert view["ImageConfig"] == {"Command": ["app.handler"]}
    assert view["FileSystemConfigs"] == [{"Arn": "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1",
                                          "LocalMountPath": "/mnt/data"}]
    assert view["Environment"] == {"Variables": {"A": "1"}}
    assert view["ImageUri"] == "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"


def test_current_function_of_a_missing_function_is_none():
    assert current_function(None) is None


@pytest.mark.parametrize("answer_extra, tags, reserved", [
    ({}, {}, -1),
    ({"Concurrency": {}}, {}, -1),
    ({"Concurrency": {"ReservedConcurrentExecutions": 0}, "Tags": {"team": "platform"}}, {"team": "platform"}, 0),
    ({"Concurrency": {"ReservedConcurrentExecutions": 25}}, {}, 25),
])
def test_current_function_tags_and_reserved_concurrency(answer_extra, tags, reserved):
    current = current_function(dict({"Configuration": function_configuration()}, **answer_extra))
    assert current["Tags"] == tags
    assert current["ReservedConcurrency"] == reserved
    assert current["MemorySize"] == 128


@pytest.mark.parametrize("params, expected", [
    ({}, None),
    ({"s3_bucket": "b", "s3_key": "k"}, {"S3Bucket": "b", "S3Key": "k"}),
    ({"s3_bucket": "b", "s3_key": "k", "s3_object_version": "v1"}, {"S3Bucket": "b", "S3Key": "k", "S3ObjectVersion": "v1"}),
    ({"image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"},
     {"ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}),
])
def test_function_code_source(params, expected):
    assert function_code_source(params, None) == expected


def test_function_code_source_of_a_local_package_is_its_bytes():
    assert function_code_source({}, CodePackage(b"PK-bytes", "zip")) == {"ZipFile": b"PK-bytes"}


# ------------------------------------------------------------ published versions

@pytest.fixture
def client(lambda_stub):
    return LambdaClient(FakeModule(), client=lambda_stub.client)


def versions_answer(*versions):
    return {"Versions": [function_configuration(Version="$LATEST")] + list(versions)}


def test_newest_published_version_with_the_same_code_and_configuration_is_found(client, lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions_answer(
        function_configuration(Version="9", CodeSha256=OTHER_SHA),
        function_configuration(Version="10", CodeSha256=SHA),
    ), expected_params={"FunctionName": "hello"})
    assert PublishedVersions(client, "hello").matching(function_configuration(CodeSha256=SHA)) == "10"


@pytest.mark.parametrize("newest", [
    function_configuration(Version="2", CodeSha256=OTHER_SHA),
    function_configuration(Version="2", CodeSha256=SHA, MemorySize=256),
    function_configuration(Version="2", CodeSha256=SHA, Architectures=["arm64"]),
    function_configuration(Version="2", CodeSha256=SHA, Environment={"Variables": {"A": "1"}}),
], ids=["code", "memory", "architecture", "environment"])
def test_newest_published_version_that_differs_is_no_match(client, lambda_stub, newest):
    lambda_stub.add_response("list_versions_by_function", versions_answer(
        function_configuration(Version="1", CodeSha256=SHA), newest))
    assert PublishedVersions(client, "hello").matching(function_configuration(CodeSha256=SHA)) is None


def test_only_latest_is_no_match(client, lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions_answer())
    assert PublishedVersions(client, "hello").matching(function_configuration(CodeSha256=SHA)) is None


def test_versions_are_read_once_oldest_first_and_a_new_one_is_noted(client, lambda_stub):
    lambda_stub.add_response("list_versions_by_function", versions_answer(
        function_configuration(Version="10"), function_configuration(Version="9")), expected_params={"FunctionName": "hello"})
    versions = PublishedVersions(client, "hello")
    assert [v["Version"] for v in versions.read()] == ["9", "10"]
    versions.published(function_configuration(Version="11"))
    assert [v["Version"] for v in versions.read()] == ["9", "10", "11"]
    lambda_stub.assert_no_pending_responses()


@pytest.mark.parametrize("numbers, keep, pending, beyond", [
    ([1, 2, 3, 4], 2, False, [1, 2]),
    ([1, 2, 3, 4], 2, True, [1, 2, 3]),
    ([1, 2], 2, False, []),
    ([1, 2], 3, True, []),
    ([3], 1, True, [3]),
    ([], 1, True, []),
])
def test_versions_beyond_the_newest_keep(numbers, keep, pending, beyond):
    assert versions_beyond(numbers, keep, pending) == beyond


def test_versions_aliases_and_provisioned_concurrency_protect(client, lambda_stub):
    lambda_stub.add_response("list_aliases", {"Aliases": [
        {"Name": "live", "FunctionVersion": "3", "AliasArn": FUNCTION_ARN + ":live",
         "RoutingConfig": {"AdditionalVersionWeights": {"4": 0.1}}},
        {"Name": "old", "FunctionVersion": "1", "AliasArn": FUNCTION_ARN + ":old"},
    ]}, expected_params={"FunctionName": "hello"})
    lambda_stub.add_response("list_provisioned_concurrency_configs", {"ProvisionedConcurrencyConfigs": [
        {"FunctionArn": FUNCTION_ARN + ":2", "Status": "READY"},
        {"FunctionArn": FUNCTION_ARN + ":live", "Status": "READY"},
    ]}, expected_params={"FunctionName": "hello"})
    assert protected_versions(client, "hello") == {
        "3": "alias live", "4": "alias live (routing weight)", "1": "alias old", "2": "provisioned concurrency"}


def test_an_endpoint_without_provisioned_concurrency_protects_by_aliases_only_and_warns(client, lambda_stub):
    lambda_stub.add_response("list_aliases", {"Aliases": []})
    lambda_stub.add_client_error("list_provisioned_concurrency_configs", "404", "<html>404 Not Found</html>", 404)
    assert protected_versions(client, "hello") == {}
    assert "does not implement ListProvisionedConcurrencyConfigs" in client.module.warnings[0]


# ------------------------------------------------------------ S3 code hash

@pytest.fixture
def s3_client(lambda_stub, s3_stub):
    client = LambdaClient(FakeModule(), client=lambda_stub.client)
    client._clients["s3"] = s3_stub.client
    return client


LOCATION = {"Bucket": "artifacts", "Key": "hello/1.0.zip"}
PARAMS = {"s3_bucket": "artifacts", "s3_key": "hello/1.0.zip"}


def streamed(data):
    return StreamingBody(io.BytesIO(data), len(data))


def test_s3_full_object_checksum_is_used_without_reading_the_object(s3_client, s3_stub):
    s3_stub.add_response("head_object", {"ChecksumSHA256": SHA, "ChecksumType": "FULL_OBJECT", "ContentLength": 300},
                         expected_params=dict(LOCATION, ChecksumMode="ENABLED"))
    assert s3_code_sha256(s3_client, PARAMS) == SHA


@pytest.mark.parametrize("head", [
    {"ChecksumSHA256": "mpwU/d3QvcbK4gTWVeyAHEMVe9i+6nFBaFQw4UIHkkk=-3", "ChecksumType": "COMPOSITE"},
    {"ChecksumSHA256": "mpwU/d3QvcbK4gTWVeyAHEMVe9i+6nFBaFQw4UIHkkk=", "ChecksumType": "COMPOSITE"},
    {},
], ids=["multipart", "composite-type", "no-checksum"])
def test_s3_object_without_a_full_object_checksum_is_streamed_and_hashed(s3_client, s3_stub, head):
    data = b"PK\x03\x04" + b"x" * 3000000  # more than one 1 MiB read
    s3_stub.add_response("head_object", dict(head, ContentLength=len(data)),
                         expected_params=dict(LOCATION, ChecksumMode="ENABLED"))
    s3_stub.add_response("get_object", {"Body": streamed(data)}, expected_params=LOCATION)
    assert s3_code_sha256(s3_client, PARAMS) == base64.b64encode(hashlib.sha256(data).digest()).decode()


def test_s3_object_version_is_read(s3_client, s3_stub):
    location = dict(LOCATION, VersionId="v7")
    s3_stub.add_response("head_object", {"ContentLength": 2}, expected_params=dict(location, ChecksumMode="ENABLED"))
    s3_stub.add_response("get_object", {"Body": streamed(b"PK")}, expected_params=location)
    assert s3_code_sha256(s3_client, dict(PARAMS, s3_object_version="v7")) == \
        base64.b64encode(hashlib.sha256(b"PK").digest()).decode()


def test_s3_object_missing_fails_naming_the_options(s3_client, s3_stub):
    s3_stub.add_client_error("head_object", "404", "Not Found", 404)
    with pytest.raises(LambdaError) as failed:
        s3_code_sha256(s3_client, PARAMS)
    assert failed.value.msg.startswith("s3_bucket/s3_key: ")
    assert "s3://artifacts/hello/1.0.zip was not found" in failed.value.msg
