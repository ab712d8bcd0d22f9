# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_code_signing_config against botocore's Stubber (moto does not implement these operations)."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_code_signing_config as module_under_test
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import code_signing_config
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.code_signing_config import CodeSigningConfig
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task

CSC_ID = "csc-0123456789abcdef0"
ARN = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:" + CSC_ID
OTHER_ARN = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef1"
P1 = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/one/abcdef1234"
P2 = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/two/abcdef5678"
FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:hello"
MODIFIED = "2025-01-31T12:00:00.000+0000"


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(description="hello-signing", allowed_publishers=[P1])
    values.update(options)
    return values


def csc(arn=ARN, description="hello-signing", publishers=(P1,), policy="Warn"):
    config = {"CodeSigningConfigId": arn.rsplit(":", 1)[1], "CodeSigningConfigArn": arn,
              "AllowedPublishers": {"SigningProfileVersionArns": list(publishers)}, "LastModified": MODIFIED}
    if description is not None:
        config["Description"] = description
    if policy is not None:
        config["CodeSigningPolicies"] = {"UntrustedArtifactOnDeployment": policy}
    return config


def run(stub, check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode, diff=True)
    assert CodeSigningConfig.validate(task.params) == []
    return CodeSigningConfig.run(task, LambdaClient(task, client=stub.client))


def listed(stub, *configs):
    stub.add_response("list_code_signing_configs", {"CodeSigningConfigs": list(configs)}, {})


def test_current_config_without_policy_is_awss_default():
    answer = csc()
    del answer["CodeSigningPolicies"]  # LocalStack leaves it out of a configuration created without it
    assert code_signing_config.current_config(answer)["UntrustedArtifactOnDeployment"] == "Warn"


def functions(stub, arns=(), arn=ARN):
    stub.add_response("list_functions_by_code_signing_config", {"FunctionArns": list(arns)},
                      {"CodeSigningConfigArn": arn})


def test_choices_are_the_models():
    assert sorted(code_signing_config.UNTRUSTED_ARTIFACT_CHOICES) == sorted(model_enum("CodeSigningPolicy"))
    assert module_under_test.ARGUMENT_SPEC["untrusted_artifact_on_deployment"]["choices"] == \
        code_signing_config.UNTRUSTED_ARTIFACT_CHOICES


@pytest.mark.parametrize("options, start", [
    ({"description": None}, "description: required when code_signing_config_arn is not given"),
    ({"description": "x" * 257}, "description: 257 characters"),
    ({"allowed_publishers": []}, "allowed_publishers: 0 ARNs; AWS takes 1 to 20"),
    ({"allowed_publishers": [P1 + str(i) for i in range(21)]}, "allowed_publishers: 21 ARNs"),
    ({"allowed_publishers": ["one"]}, "allowed_publishers: 'one' is not an ARN"),
    ({"code_signing_config_arn": "csc-0123"}, "code_signing_config_arn: csc-0123 is not a code signing"),
    ({"tags": {"a": {"b": 1}}}, "tags: the value of a is a dictionary"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = CodeSigningConfig.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


def test_check_mode_create_predicts_without_writing(lambda_stub):
    listed(lambda_stub, csc(OTHER_ARN, description="other"))
    result = run(lambda_stub, check_mode=True, allowed_publishers=[P2, P1, P1], tags={"n": 1})
    assert result["changed"]
    assert result["code_signing_config_arn"] is None and result["code_signing_config_id"] is None
    assert result["allowed_publishers"] == [P1, P2]
    assert result["untrusted_artifact_on_deployment"] == "Warn"
    assert result["tags"] == {"n": "1"} and result["functions"] == []
    assert result["diff"] == {"before": {}, "after": {"description": "hello-signing", "allowed_publishers": [P1, P2],
                                                      "tags": {"n": "1"}}}


def test_create_sends_tags_and_policy(lambda_stub):
    listed(lambda_stub)
    lambda_stub.add_response("create_code_signing_config", {"CodeSigningConfig": csc(policy="Enforce")}, {
        "Description": "hello-signing", "AllowedPublishers": {"SigningProfileVersionArns": [P1]},
        "CodeSigningPolicies": {"UntrustedArtifactOnDeployment": "Enforce"}, "Tags": {"team": "web"}})
    result = run(lambda_stub, untrusted_artifact_on_deployment="Enforce", tags={"team": "web"})
    assert result["changed"]
    assert result["code_signing_config_arn"] == ARN and result["code_signing_config_id"] == CSC_ID
    assert result["untrusted_artifact_on_deployment"] == "Enforce" and result["tags"] == {"team": "web"}


def test_no_change_by_description_costs_two_calls(lambda_stub):
    listed(lambda_stub, csc(OTHER_ARN, description="other"), csc(publishers=(P2, P1)))
    functions(lambda_stub, [FUNCTION])
    result = run(lambda_stub, allowed_publishers=[P1, P2, P2], untrusted_artifact_on_deployment="Warn")
    assert not result["changed"]
    assert result["functions"] == [FUNCTION] and result["code_signing_config_arn"] == ARN
    assert result["diff"] == {"before": {}, "after": {}}


def test_missing_description_is_empty(lambda_stub):
    lambda_stub.add_response("get_code_signing_config", {"CodeSigningConfig": csc(description=None)},
                             {"CodeSigningConfigArn": ARN})
    functions(lambda_stub)
    result = run(lambda_stub, code_signing_config_arn=ARN, description=None, allowed_publishers=None,
                 untrusted_artifact_on_deployment="Warn")
    assert not result["changed"] and result["description"] == ""


def test_update_by_arn_sends_only_what_differs(lambda_stub):
    lambda_stub.add_response("get_code_signing_config", {"CodeSigningConfig": csc()}, {"CodeSigningConfigArn": ARN})
    lambda_stub.add_response("list_tags", {"Tags": {"old": "x", "keep": "1"}}, {"Resource": ARN})
    functions(lambda_stub)
    lambda_stub.add_response("update_code_signing_config", {"CodeSigningConfig": csc(policy="Enforce")}, {
        "CodeSigningConfigArn": ARN, "CodeSigningPolicies": {"UntrustedArtifactOnDeployment": "Enforce"}})
    lambda_stub.add_response("untag_resource", {}, {"Resource": ARN, "TagKeys": ["old"]})
    result = run(lambda_stub, code_signing_config_arn=ARN, description=None, untrusted_artifact_on_deployment="Enforce",
                 tags={"keep": 1})
    assert result["changed"] and result["tags"] == {"keep": "1"}
    assert result["diff"]["before"] == {"untrusted_artifact_on_deployment": "Warn", "tags": {"old": "x", "keep": "1"}}
    assert result["diff"]["after"] == {"untrusted_artifact_on_deployment": "Enforce", "tags": {"keep": "1"}}


def test_purge_tags_false_only_adds(lambda_stub):
    lambda_stub.add_response("get_code_signing_config", {"CodeSigningConfig": csc()}, {"CodeSigningConfigArn": ARN})
    lambda_stub.add_response("list_tags", {"Tags": {"old": "x"}}, {"Resource": ARN})
    functions(lambda_stub)
    lambda_stub.add_response("tag_resource", {}, {"Resource": ARN, "Tags": {"new": "y"}})
    result = run(lambda_stub, code_signing_config_arn=ARN, tags={"new": "y"}, purge_tags=False)
    assert result["changed"] and result["tags"] == {"old": "x", "new": "y"}


def test_two_with_the_description_fail_naming_them(lambda_stub):
    listed(lambda_stub, csc(OTHER_ARN), csc())
    task = Task(params(), diff=True)
    with pytest.raises(LambdaError) as failed:
        CodeSigningConfig.run(task, LambdaClient(task, client=lambda_stub.client))
    assert failed.value.msg.startswith("description: 2 code signing configurations have the description")
    assert ARN in failed.value.msg and OTHER_ARN in failed.value.msg


def test_arn_that_does_not_exist_fails_when_present(lambda_stub):
    lambda_stub.add_client_error("get_code_signing_config", "ResourceNotFoundException", "not found", 404)
    task = Task(params(code_signing_config_arn=ARN), diff=True)
    with pytest.raises(LambdaError) as failed:
        CodeSigningConfig.run(task, LambdaClient(task, client=lambda_stub.client))
    assert failed.value.msg.startswith("code_signing_config_arn: %s does not exist" % ARN)


def test_create_needs_publishers(lambda_stub):
    listed(lambda_stub)
    task = Task(params(allowed_publishers=None), diff=True)
    with pytest.raises(LambdaError) as failed:
        CodeSigningConfig.run(task, LambdaClient(task, client=lambda_stub.client))
    assert failed.value.msg.startswith("allowed_publishers: required to create")


def test_delete_in_use_is_refused_before_any_write(lambda_stub):
    listed(lambda_stub, csc())
    functions(lambda_stub, [FUNCTION])
    task = Task(params(state="absent", allowed_publishers=None), diff=True)
    with pytest.raises(LambdaError) as failed:
        CodeSigningConfig.run(task, LambdaClient(task, client=lambda_stub.client))
    assert "is used by 1 function(s) (%s)" % FUNCTION in failed.value.msg


def test_delete_and_absent_again(lambda_stub):
    listed(lambda_stub, csc())
    functions(lambda_stub)
    lambda_stub.add_response("delete_code_signing_config", {}, {"CodeSigningConfigArn": ARN})
    result = run(lambda_stub, state="absent", allowed_publishers=None)
    assert result["changed"] and result["diff"]["after"] == {}
    assert result["diff"]["before"]["description"] == "hello-signing"
    listed(lambda_stub)
    assert not run(lambda_stub, state="absent", allowed_publishers=None)["changed"]


def test_lambda_info_lists_the_configurations(lambda_stub):
    from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import info
    values = dict((name, spec.get("default")) for name, spec in info.ARGUMENT_SPEC.items())
    values.update(query=[], code_signing_configs=True)
    assert info.validate(values) == []
    lambda_stub.add_response("list_code_signing_configs", {"CodeSigningConfigs": [csc()], "NextMarker": "m"}, {})
    lambda_stub.add_response("list_code_signing_configs", {"CodeSigningConfigs": [csc(OTHER_ARN)]}, {"Marker": "m"})
    task = Task(values)
    result = info.FunctionInfo.run(task, LambdaClient(task, client=lambda_stub.client))
    assert result["functions"] == []
    assert [c["code_signing_config_arn"] for c in result["code_signing_configs"]] == [ARN, OTHER_ARN]
    assert result["code_signing_configs"][0]["code_signing_policies"] == {"untrusted_artifact_on_deployment": "Warn"}
