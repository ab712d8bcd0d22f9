# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import json

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError, NotFound
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import layer_info as lambda_layer_info
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task

LAYER_ARN = "arn:aws:lambda:us-east-1:123456789012:layer:libs"
SHARED_ARN = "arn:aws:lambda:us-east-1:210987654321:layer:tools:7"
SHA = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in lambda_layer_info.ARGUMENT_SPEC.items())
    values.update(options)
    return values


def listed_version(number, arn=LAYER_ARN, **fields):
    return dict(dict(LayerVersionArn="%s:%d" % (arn, number), Version=number,
                     CreatedDate="2025-01-01T00:00:00.000+0000"), **fields)


def full_version(arn, number):
    return dict(listed_version(number, arn), LayerArn=arn,
                Content=dict(Location="https://example/snapshot", CodeSha256=SHA, CodeSize=10))


def run(stub, check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode)
    assert lambda_layer_info.validate(task.params) == []
    return lambda_layer_info.LayerVersions.run(task, LambdaClient(task, client=stub.client))


@pytest.mark.parametrize("options, start", [
    ({"version_number": 2}, "version_number: needs name"),
    ({"name": "libs", "version_number": 0}, "version_number: layer versions start at 1"),
    ({"name": LAYER_ARN + ":2"}, "name: "),
    ({"layer_version_arn": LAYER_ARN}, "layer_version_arn: "),
    ({"compatible_runtime": "python2.1"}, "compatible_runtime: python2.1"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = lambda_layer_info.validate(params(**options))
    assert len(errors) == 1 and errors[0].startswith(start), errors


def test_layers_are_listed_over_every_page_with_their_latest_version(lambda_stub):
    lambda_stub.add_response("list_layers", {"NextMarker": "m", "Layers": [dict(
        LayerName="libs", LayerArn=LAYER_ARN, LatestMatchingVersion=listed_version(3, CompatibleRuntimes=["python3.12"]))]},
        expected_params={"CompatibleRuntime": "python3.12"})
    lambda_stub.add_response("list_layers", {"Layers": [dict(
        LayerName="other", LayerArn=LAYER_ARN + "x", LatestMatchingVersion=listed_version(1, LAYER_ARN + "x"))]},
        expected_params={"CompatibleRuntime": "python3.12", "Marker": "m"})
    result = run(lambda_stub, check_mode=True, compatible_runtime="python3.12")
    assert not result["changed"]
    assert [(v["layer_name"], v["version"]) for v in result["layers_versions"]] == [("libs", 3), ("other", 1)]
    assert result["layers_versions"][1]["compatible_runtimes"] == [] and result["layers_versions"][1]["description"] == ""


def test_an_endpoint_that_ignores_the_filter_still_returns_only_matching_versions(lambda_stub):
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": [
        listed_version(2, CompatibleArchitectures=["x86_64"]), listed_version(1, CompatibleArchitectures=["arm64"])]},
        expected_params={"LayerName": "libs", "CompatibleArchitecture": "arm64"})
    result = run(lambda_stub, name="libs", compatible_architecture="arm64")
    assert [v["version"] for v in result["layers_versions"]] == [1]
    assert result["layers_versions"][0]["layer_arn"] == LAYER_ARN


def test_one_version_by_name_and_number(lambda_stub):
    lambda_stub.add_response("get_layer_version", full_version(LAYER_ARN, 2),
                             expected_params={"LayerName": "libs", "VersionNumber": 2})
    result = run(lambda_stub, name="libs", version_number=2)
    (found,) = result["layers_versions"]
    assert found["code_sha256"] == SHA and found["content"]["location"] == "https://example/snapshot"


def test_a_missing_version_fails_as_amazon_aws_does(lambda_stub):
    lambda_stub.add_client_error("get_layer_version", "ResourceNotFoundException", http_status_code=404)
    with pytest.raises(NotFound, match="Version 9 of the layer libs was not found"):
        run(lambda_stub, name="libs", version_number=9)


def test_one_version_by_arn_with_its_policy(lambda_stub):
    layer = SHARED_ARN.rsplit(":", 1)[0]
    lambda_stub.add_response("get_layer_version_by_arn", full_version(layer, 7), expected_params={"Arn": SHARED_ARN})
    statement = dict(Sid="s", Effect="Allow", Action="lambda:GetLayerVersion", Principal="*", Resource=SHARED_ARN)
    lambda_stub.add_response("get_layer_version_policy", {
        "Policy": json.dumps({"Version": "2012-10-17", "Statement": [statement]}), "RevisionId": "r"},
        expected_params={"LayerName": layer, "VersionNumber": 7})
    result = run(lambda_stub, layer_version_arn=SHARED_ARN, include_policy=True)
    (found,) = result["layers_versions"]
    assert found["version"] == 7 and found["layer_arn"] == layer
    assert found["policy"]["Statement"] == [statement]


def test_versions_without_a_policy_read_as_null(lambda_stub):
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": [listed_version(1)]})
    lambda_stub.add_client_error("get_layer_version_policy", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, name="libs", include_policy=True)
    assert result["layers_versions"][0]["policy"] is None


def test_access_denied_fails_with_the_operation(lambda_stub):
    lambda_stub.add_client_error("get_layer_version_by_arn", "AccessDeniedException", "not shared with you",
                                 http_status_code=403)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, layer_version_arn=SHARED_ARN)
    assert failed.value.msg == "GetLayerVersionByArn failed: AccessDeniedException: not shared with you"
