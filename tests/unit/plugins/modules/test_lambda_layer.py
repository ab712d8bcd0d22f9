# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import json

import pytest
from botocore.stub import ANY

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import package_path
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import layer as lambda_layer
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import count_calls

LAYER_ARN = "arn:aws:lambda:us-east-1:123456789012:layer:libs"
OLD_SHA = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
ORG = "o-abcdefghij"
OTHER_ACCOUNT = "210987654321"


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in lambda_layer.ARGUMENT_SPEC.items())
    values.update(name="libs")
    values.update(options)
    return values


def permission(sid, principal, organization_id=None, action="lambda:GetLayerVersion"):
    return dict(statement_id=sid, principal=principal, organization_id=organization_id, action=action)


def listed(*versions, **fields):
    """A ListLayerVersions answer (newest first), every version with ``fields``."""
    return {"LayerVersions": [dict(dict(LayerVersionArn="%s:%d" % (LAYER_ARN, v), Version=v,
                                        CreatedDate="2025-01-01T00:00:00.000+0000"), **fields)
                              for v in sorted(versions, reverse=True)]}


def version(number, sha=OLD_SHA, **fields):
    """A GetLayerVersion / PublishLayerVersion answer as AWS gives it: metadata left out when there is none."""
    answer = dict(LayerArn=LAYER_ARN, LayerVersionArn="%s:%d" % (LAYER_ARN, number), Version=number,
                  CreatedDate="2025-01-01T00:00:00.000+0000",
                  Content=dict(Location="https://awslambda.example/snapshot", CodeSha256=sha, CodeSize=10))
    answer.update(fields)
    return answer


def layer_policy(*statements):
    return {"Policy": json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": list(statements)}),
            "RevisionId": "rev-1"}


def aws_statement(sid, principal, organization_id=None, number=3):
    """A statement as AWS stores it: an account as its root ARN, an organisation as a condition."""
    statement = dict(Sid=sid, Effect="Allow", Action="lambda:GetLayerVersion", Resource="%s:%d" % (LAYER_ARN, number),
                     Principal="*" if principal == "*" else {"AWS": "arn:aws:iam::%s:root" % principal})
    if organization_id:
        statement["Condition"] = {"StringEquals": {"aws:PrincipalOrgID": organization_id}}
    return statement


@pytest.fixture
def src(tmp_path):
    (tmp_path / "python").mkdir()
    (tmp_path / "python" / "libs.py").write_text("VALUE = 1\n")
    return str(tmp_path)


def run(stub, check_mode=False, sts=None, **options):
    task = Task(params(**options), check_mode=check_mode, diff=True)
    assert lambda_layer.validate(task.params) == []
    client = LambdaClient(task, client=stub.client)
    if sts is not None:
        client._clients["sts"] = sts.client
    result = lambda_layer.LayerVersion.run(task, client)
    result["warnings"] = task.warnings
    return result


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"name": "has space", "src": "/x"}, "name: "),
    ({"name": LAYER_ARN + ":3", "src": "/x"}, "name: "),
    ({}, "state=present needs the layer's content"),
    ({"src": "/x", "version": 2}, "version: only used with state=absent"),
    ({"state": "absent"}, "version: state=absent needs"),
    ({"state": "absent", "version": 0}, "version: 0 is not a layer version"),
    ({"state": "absent", "version": "latest"}, "version: 'latest' is not a layer version"),
    ({"state": "absent", "version": -2}, "version: -2 is not a layer version"),
    ({"state": "absent", "version": 1, "description": "x"}, "description: only used to publish"),
    ({"src": "/x", "description": "d" * 257}, "description: 257 characters"),
    ({"src": "/x", "license_info": "l" * 513}, "license_info: 513 characters"),
    ({"src": "/x", "compatible_runtimes": ["python2.1"]}, "compatible_runtimes: python2.1 is not a Lambda runtime"),
    ({"src": "/x", "compatible_architectures": ["i386"]}, "compatible_architectures: i386 is not an architecture"),
    ({"src": "/x", "keep_versions": 0}, "keep_versions: must be 1 or more"),
    ({"src": "/x", "source_code_hash": OLD_SHA}, "source_code_hash: only used with S3 content"),
    ({"content": {"s3_bucket": "b", "s3_key": None, "s3_object_version": None, "zip_file": None}},
     "s3_bucket and s3_key go together"),
    ({"src": "/x", "permissions": [permission("bad id", "*")]}, "permissions: statement_id 'bad id'"),
    ({"src": "/x", "permissions": [permission("a", "12345")]}, "permissions: principal '12345' of a"),
    ({"src": "/x", "permissions": [permission("a", "*", "org-1")]}, "permissions: organization_id 'org-1'"),
    ({"src": "/x", "permissions": [permission("a", OTHER_ACCOUNT, ORG)]}, "permissions: organization_id of a needs"),
    ({"src": "/x", "permissions": [permission("a", "*", ORG, "lambda:InvokeFunction")]}, "permissions: action"),
    ({"src": "/x", "permissions": [permission("a", "*", ORG), permission("a", OTHER_ACCOUNT)]},
     "permissions: statement_id a is listed twice"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = lambda_layer.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors


@pytest.mark.parametrize("options", [
    {"src": "/x"},
    {"name": LAYER_ARN, "zip_file": "/x.zip"},
    {"s3_bucket": "b", "s3_key": "k", "source_code_hash": OLD_SHA},
    {"content": {"s3_bucket": "b", "s3_key": "k", "s3_object_version": "v1", "zip_file": None}},
    {"content": {"zip_file": "/x.zip", "s3_bucket": None, "s3_key": None, "s3_object_version": None}},
    {"src": "/x", "description": "", "compatible_runtimes": [], "compatible_architectures": ["arm64", "x86_64"],
     "license_info": "MIT", "keep_versions": 1},
    {"src": "/x", "permissions": [permission("org", "*", ORG), permission("acct", "arn:aws:iam::%s:root" % OTHER_ACCOUNT),
                                  permission("open", "*", action="GetLayerVersion")]},
    {"state": "absent", "version": 3},
    {"state": "absent", "version": "3"},
    {"state": "absent", "version": -1},
    {"state": "absent", "version": "all"},
])
def test_validate_accepts_valid_options(options):
    assert lambda_layer.validate(params(**options)) == []


# ------------------------------------------------------------------ pure functions

def test_omitted_metadata_is_not_managed():
    assert lambda_layer.desired_layer(params(src="/x")) == dict(
        Description=None, CompatibleRuntimes=None, CompatibleArchitectures=None, LicenseInfo=None, CodeSha256=None)


def test_lists_are_compared_as_sets_and_empty_values_are_managed():
    desired = lambda_layer.desired_layer(params(description="", compatible_runtimes=["python3.13", "python3.12"],
                                                compatible_architectures=[], license_info=""))
    assert desired == dict(Description="", CompatibleRuntimes=["python3.12", "python3.13"], CompatibleArchitectures=[],
                           LicenseInfo="", CodeSha256=None)


def test_content_given_the_amazon_aws_way_reads_as_the_top_level_options():
    code = lambda_layer.code_params(params(content=dict(s3_bucket="b", s3_key="k", s3_object_version=None,
                                                        zip_file=None)))
    assert (code["s3_bucket"], code["s3_key"], code["zip_file"]) == ("b", "k", None)


@pytest.mark.parametrize("stored", [
    aws_statement("acct", OTHER_ACCOUNT),
    dict(Sid="acct", Effect="Allow", Action="lambda:GetLayerVersion", Principal=OTHER_ACCOUNT),  # bare ID
])
def test_an_account_reads_the_same_in_every_stored_form(stored):
    desired = lambda_layer.desired_permissions(params(permissions=[permission("acct", OTHER_ACCOUNT)]))
    assert lambda_layer.permission_plan(desired, [stored], purge=True) == ([], [])


@pytest.mark.parametrize("stored", [
    aws_statement("org", "*", ORG),
    dict(Sid="org", Effect="Allow", Action="lambda:GetLayerVersion", Principal="*", OrganizationId=ORG),
])
def test_an_organisation_reads_the_same_as_a_condition_or_a_key(stored):
    desired = lambda_layer.desired_permissions(params(permissions=[permission("org", "*", ORG)]))
    assert lambda_layer.permission_plan(desired, [stored], purge=False) == ([], [])


def test_permission_plan_replaces_a_changed_statement_and_purges_only_when_asked():
    desired = lambda_layer.desired_permissions(params(permissions=[permission("a", "*", ORG)]))
    current = [aws_statement("a", OTHER_ACCOUNT), aws_statement("other", "111122223333")]
    assert lambda_layer.permission_plan(desired, current, purge=False) == (["a"], [desired["a"]])
    assert lambda_layer.permission_plan(desired, current, purge=True) == (["a", "other"], [desired["a"]])


# ------------------------------------------------------------------ run() against a Stubber

def test_identical_run_reads_twice_and_publishes_nothing(lambda_stub, src):
    sha = package_path(src).sha256
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(2, 3, Description="d", CompatibleRuntimes=["python3.12"]),
                             expected_params={"LayerName": "libs"})
    lambda_stub.add_response("get_layer_version", version(3, sha, Description="d", CompatibleRuntimes=["python3.12"]),
                             expected_params={"LayerName": "libs", "VersionNumber": 3})
    result = run(lambda_stub, src=src, description="d", compatible_runtimes=["python3.12"])
    assert sent == ["ListLayerVersions", "GetLayerVersion"]
    assert not result["changed"]
    assert result["diff"] == {"before": {}, "after": {}}
    assert result["version"] == 3 and result["layer_version_arn"] == LAYER_ARN + ":3"
    assert result["code_sha256"] == sha and result["license_info"] == "" and result["compatible_architectures"] == []
    assert result["deleted_versions"] == []


def test_new_content_publishes_with_the_latest_versions_metadata(lambda_stub, src):
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3, Description="kept", LicenseInfo="MIT",
                                                          CompatibleRuntimes=["python3.12"]))
    lambda_stub.add_response("publish_layer_version", version(4, sha, Description="kept", LicenseInfo="MIT",
                                                              CompatibleRuntimes=["python3.12"]),
                             expected_params={"LayerName": "libs", "Content": {"ZipFile": ANY}, "Description": "kept",
                                              "LicenseInfo": "MIT", "CompatibleRuntimes": ["python3.12"]})
    result = run(lambda_stub, src=src)
    assert result["changed"] and result["version"] == 4
    assert result["diff"] == {"before": {"code_sha256": OLD_SHA}, "after": {"code_sha256": sha}}


def test_changed_metadata_publishes_the_same_content_again(lambda_stub, src):
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(1))
    lambda_stub.add_response("get_layer_version", version(1, sha, CompatibleArchitectures=["x86_64"]))
    lambda_stub.add_response("publish_layer_version", version(2, sha, CompatibleArchitectures=["arm64", "x86_64"]),
                             expected_params={"LayerName": "libs", "Content": {"ZipFile": ANY},
                                              "CompatibleArchitectures": ["arm64", "x86_64"]})
    result = run(lambda_stub, src=src, compatible_architectures=["x86_64", "arm64"])
    assert result["changed"] and result["version"] == 2
    assert result["diff"] == {"before": {"compatible_architectures": ["x86_64"]},
                              "after": {"compatible_architectures": ["arm64", "x86_64"]}}


def caller_identity(account="123456789012"):
    return {"Account": account, "Arn": "arn:aws:iam::%s:user/deployer" % account, "UserId": "AIDAEXAMPLE"}


def test_check_mode_predicts_a_new_version_and_sends_only_reads(lambda_stub, sts_stub, src):
    package = package_path(src)
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": []})
    sts_stub.add_response("get_caller_identity", caller_identity(), expected_params={})
    result = run(lambda_stub, check_mode=True, sts=sts_stub, src=src, description="first",
                 permissions=[permission("acct", OTHER_ACCOUNT)])
    assert sent == ["ListLayerVersions"]
    assert result["changed"]
    # The first version of a new layer: its ARN built from the caller's account and the client's region.
    assert result["version"] == 1 and result["layer_version_arn"] == LAYER_ARN + ":1"
    assert result["layer_arn"] == LAYER_ARN and result["version_predicted"] is True
    assert result["code_sha256"] == package.sha256 and result["code_size"] == package.size
    assert result["description"] == "first" and result["compatible_runtimes"] == []
    assert result["permissions"] == [permission("acct", OTHER_ACCOUNT)]
    assert result["policy"]["Statement"][0]["Principal"] == {"AWS": "arn:aws:iam::%s:root" % OTHER_ACCOUNT}


def test_check_mode_predicts_the_version_above_the_highest_one_for_the_next_task(lambda_stub, src):
    """Before the fix, check mode returned layer_version_arn and version null, so a lambda_function task that
    used the registered ARN in its ``layers`` got None under --check."""
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(2, 5, 3))
    lambda_stub.add_response("get_layer_version", version(5))
    result = run(lambda_stub, check_mode=True, src=src)
    assert sent == ["ListLayerVersions", "GetLayerVersion"]  # the ARN of an existing version: no STS
    assert result["changed"] and result["version_predicted"] is True
    assert result["version"] == 6 and result["layer_version_arn"] == LAYER_ARN + ":6"
    assert result["layer_arn"] == LAYER_ARN and result["warnings"] == []


def test_check_mode_prediction_for_a_new_layer_named_by_its_arn_needs_no_sts(lambda_stub, src):
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": []})
    result = run(lambda_stub, check_mode=True, name=LAYER_ARN, src=src)
    assert result["version"] == 1 and result["layer_version_arn"] == LAYER_ARN + ":1"
    assert result["version_predicted"] is True


def test_check_mode_prediction_without_the_account_returns_a_null_arn_with_a_warning(lambda_stub, sts_stub, src):
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": []})
    sts_stub.add_client_error("get_caller_identity", "AccessDenied", "not allowed", http_status_code=403)
    result = run(lambda_stub, check_mode=True, sts=sts_stub, src=src)
    assert result["changed"] and result["version"] == 1 and result["version_predicted"] is True
    assert result["layer_version_arn"] is None and result["layer_arn"] is None
    assert len(result["warnings"]) == 1 and "GetCallerIdentity failed: AccessDenied" in result["warnings"][0]


def test_no_prediction_is_flagged_when_nothing_would_be_published_or_outside_check_mode(lambda_stub, src):
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3, sha))
    assert "version_predicted" not in run(lambda_stub, check_mode=True, src=src)
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3))
    lambda_stub.add_response("publish_layer_version", version(4, sha))
    assert "version_predicted" not in run(lambda_stub, src=src)


def test_missing_layer_answered_as_not_found_publishes_the_first_version(lambda_stub, src):
    lambda_stub.add_client_error("list_layer_versions", "ResourceNotFoundException", http_status_code=404)
    lambda_stub.add_response("publish_layer_version", version(1, package_path(src).sha256))
    result = run(lambda_stub, src=src)
    assert result["changed"] and result["version"] == 1


def test_new_version_is_granted_its_permissions_without_reading_a_policy(lambda_stub, src):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(1))
    lambda_stub.add_response("get_layer_version", version(1))
    lambda_stub.add_response("publish_layer_version", version(2, package_path(src).sha256))
    lambda_stub.add_response("add_layer_version_permission", {
        "Statement": json.dumps(aws_statement("org", "*", ORG, number=2)), "RevisionId": "r"},
        expected_params={"LayerName": "libs", "VersionNumber": 2, "StatementId": "org",
                         "Action": "lambda:GetLayerVersion", "Principal": "*", "OrganizationId": ORG})
    result = run(lambda_stub, src=src, permissions=[permission("org", "*", ORG)])
    assert sent == ["ListLayerVersions", "GetLayerVersion", "PublishLayerVersion", "AddLayerVersionPermission"]
    assert result["permissions"] == [permission("org", "*", ORG)]
    assert result["warnings"] == []


def test_permissions_in_aws_form_are_a_no_op(lambda_stub, src):
    sha = package_path(src).sha256
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3, sha))
    lambda_stub.add_response("get_layer_version_policy", layer_policy(
        aws_statement("acct", OTHER_ACCOUNT), aws_statement("org", "*", ORG)),
        expected_params={"LayerName": "libs", "VersionNumber": 3})
    result = run(lambda_stub, src=src, purge_permissions=True,
                 permissions=[permission("acct", OTHER_ACCOUNT), permission("org", "*", ORG)])
    assert sent == ["ListLayerVersions", "GetLayerVersion", "GetLayerVersionPolicy"]
    assert not result["changed"]
    assert [p["statement_id"] for p in result["permissions"]] == ["acct", "org"]


def test_changed_statement_is_replaced_and_unlisted_ones_purged_with_a_warning_for_public(lambda_stub, src):
    sha = package_path(src).sha256
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3, sha))
    lambda_stub.add_response("get_layer_version_policy", layer_policy(
        aws_statement("share", OTHER_ACCOUNT), aws_statement("old", "111122223333")))
    lambda_stub.add_response("remove_layer_version_permission", {},
                             expected_params={"LayerName": "libs", "VersionNumber": 3, "StatementId": "share"})
    lambda_stub.add_response("add_layer_version_permission", {
        "Statement": json.dumps(aws_statement("share", "*")), "RevisionId": "r"},
        expected_params={"LayerName": "libs", "VersionNumber": 3, "StatementId": "share",
                         "Action": "lambda:GetLayerVersion", "Principal": "*"})
    lambda_stub.add_response("remove_layer_version_permission", {},
                             expected_params={"LayerName": "libs", "VersionNumber": 3, "StatementId": "old"})
    result = run(lambda_stub, src=src, purge_permissions=True, permissions=[permission("share", "*")])
    assert sent[-3:] == ["RemoveLayerVersionPermission", "AddLayerVersionPermission", "RemoveLayerVersionPermission"]
    assert result["changed"]
    assert result["permissions"] == [permission("share", "*")]
    assert [p["statement_id"] for p in result["diff"]["before"]["permissions"]] == ["old", "share"]
    assert len(result["warnings"]) == 1 and "public" in result["warnings"][0]


def test_no_policy_answered_as_not_found_reads_as_no_statement(lambda_stub, src):
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3, package_path(src).sha256))
    lambda_stub.add_client_error("get_layer_version_policy", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, check_mode=True, src=src, permissions=[])
    assert not result["changed"] and result["permissions"] == [] and result["policy"] is None


def test_keep_versions_deletes_the_oldest_after_publishing(lambda_stub, src):
    lambda_stub.add_response("list_layer_versions", listed(2, 4, 5))
    lambda_stub.add_response("get_layer_version", version(5))
    lambda_stub.add_response("publish_layer_version", version(6, package_path(src).sha256))
    for number in (2, 4):
        lambda_stub.add_response("delete_layer_version", {}, expected_params={"LayerName": "libs",
                                                                              "VersionNumber": number})
    result = run(lambda_stub, src=src, keep_versions=2)
    assert result["deleted_versions"] == [2, 4]
    assert result["diff"]["before"]["versions"] == [2, 4, 5] and result["diff"]["after"]["versions"] == [5]


def test_keep_versions_without_publishing_prunes_in_check_mode_by_prediction_only(lambda_stub, src):
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(1, 2, 3))
    lambda_stub.add_response("get_layer_version", version(3, sha))
    result = run(lambda_stub, check_mode=True, src=src, keep_versions=2)
    assert result["changed"] and result["deleted_versions"] == [1] and result["version"] == 3


def test_s3_content_is_compared_with_s3s_checksum(lambda_stub, s3_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(1))
    lambda_stub.add_response("get_layer_version", version(1, OLD_SHA))
    s3_stub.add_response("head_object", {"ChecksumSHA256": OLD_SHA, "ChecksumType": "FULL_OBJECT"},
                         expected_params={"Bucket": "b", "Key": "k", "VersionId": "v1", "ChecksumMode": "ENABLED"})
    task = Task(params(content=dict(s3_bucket="b", s3_key="k", s3_object_version="v1", zip_file=None)), diff=True)
    client = LambdaClient(task, client=lambda_stub.client)
    client._clients["s3"] = s3_stub.client
    result = lambda_layer.LayerVersion.run(task, client)
    assert not result["changed"] and sent == ["ListLayerVersions", "GetLayerVersion"]


def test_s3_content_with_source_code_hash_is_published_from_s3(lambda_stub):
    lambda_stub.add_response("list_layer_versions", listed(1))
    lambda_stub.add_response("get_layer_version", version(1, OLD_SHA))
    lambda_stub.add_response("publish_layer_version", version(2, "B" * 43 + "="), expected_params={
        "LayerName": "libs", "Content": {"S3Bucket": "bkt", "S3Key": "k"}})
    result = run(lambda_stub, s3_bucket="bkt", s3_key="k", source_code_hash="B" * 43 + "=")
    assert result["changed"] and result["code_sha256"] == "B" * 43 + "="


def test_delete_one_version(lambda_stub):
    lambda_stub.add_response("get_layer_version", version(2), expected_params={"LayerName": "libs", "VersionNumber": 2})
    lambda_stub.add_response("delete_layer_version", {}, expected_params={"LayerName": "libs", "VersionNumber": 2})
    result = run(lambda_stub, state="absent", version="2")
    assert result["changed"] and result["deleted_versions"] == [2]
    assert result["diff"] == {"before": {"versions": [2]}, "after": {"versions": []}}


def test_deleting_a_gone_version_changes_nothing(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_layer_version", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, state="absent", version=2)
    assert not result["changed"] and result["deleted_versions"] == [] and sent == ["GetLayerVersion"]


def test_delete_all_versions_in_check_mode_sends_no_delete(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_layer_versions", listed(1, 3))
    result = run(lambda_stub, check_mode=True, state="absent", version=-1)
    assert result["changed"] and result["deleted_versions"] == [1, 3] and sent == ["ListLayerVersions"]


def test_listing_follows_every_page(lambda_stub):
    lambda_stub.add_response("list_layer_versions", dict(listed(5, 4), NextMarker="m"))
    lambda_stub.add_response("list_layer_versions", listed(2), expected_params={"LayerName": "libs", "Marker": "m"})
    for number in (2, 4, 5):
        lambda_stub.add_response("delete_layer_version", {})
    result = run(lambda_stub, state="absent", version="all")
    assert result["deleted_versions"] == [2, 4, 5]


def test_aws_error_fails_with_the_operation_and_code(lambda_stub, src):
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": []})
    lambda_stub.add_client_error("publish_layer_version", "CodeStorageExceededException", "storage full",
                                 http_status_code=400)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, src=src)
    assert failed.value.msg == "PublishLayerVersion failed: CodeStorageExceededException: storage full"


def test_bad_src_fails_before_any_request(lambda_stub, tmp_path):
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, src=str(tmp_path / "missing"))
    assert failed.value.msg.startswith("src: ")


def test_a_copy_published_by_a_lost_answer_is_deleted(lambda_stub, src):
    """The first PublishLayerVersion made version 4, its answer was lost, the retry made 5: 4 goes."""
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3))
    lambda_stub.add_response("publish_layer_version", dict(version(5, sha), ResponseMetadata={"RetryAttempts": 1}))
    lambda_stub.add_response("get_layer_version", version(4, sha), expected_params={"LayerName": "libs", "VersionNumber": 4})
    lambda_stub.add_response("delete_layer_version", {}, expected_params={"LayerName": "libs", "VersionNumber": 4})
    result = run(lambda_stub, src=src)
    assert result["changed"] and result["version"] == 5
    assert "Version 4 of the layer libs was a copy of version 5" in result["warnings"][0]
    lambda_stub.assert_no_pending_responses()


def test_a_retried_publish_keeps_versions_that_differ(lambda_stub, src):
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(3))
    lambda_stub.add_response("get_layer_version", version(3))
    lambda_stub.add_response("publish_layer_version", dict(version(5, sha), ResponseMetadata={"RetryAttempts": 2}))
    lambda_stub.add_response("get_layer_version", version(4, OLD_SHA))
    result = run(lambda_stub, src=src)
    assert result["version"] == 5 and result["warnings"] == []
    lambda_stub.assert_no_pending_responses()


# ------------------------------------------------------------------ amazon.aws.lambda_layer's result keys

def test_published_version_is_in_layer_versions_with_its_content(lambda_stub, src):
    sha = package_path(src).sha256
    lambda_stub.add_response("list_layer_versions", listed(1))
    lambda_stub.add_response("get_layer_version", version(1))
    lambda_stub.add_response("publish_layer_version", version(2, sha, Description="d"))
    result = run(lambda_stub, src=src, description="d")
    assert result["changed"] and "msg" not in result
    [entry] = result["layer_versions"]
    assert entry["version"] == 2 and entry["layer_version_arn"] == LAYER_ARN + ":2" and entry["layer_arn"] == LAYER_ARN
    assert entry["description"] == "d" and entry["created_date"] == "2025-01-01T00:00:00.000+0000"
    assert entry["content"] == {"location": "https://awslambda.example/snapshot", "code_sha256": sha, "code_size": 10}
    assert "permissions" not in entry and "deleted_versions" not in entry


def test_up_to_date_run_returns_the_latest_version_in_layer_versions(lambda_stub, src):
    sha = package_path(src).sha256
    for check_mode in (False, True):
        lambda_stub.add_response("list_layer_versions", listed(1, 3))
        lambda_stub.add_response("get_layer_version", version(3, sha, LicenseInfo="MIT"))
        result = run(lambda_stub, check_mode=check_mode, src=src, license_info="MIT")
        assert not result["changed"]
        [entry] = result["layer_versions"]
        assert entry["version"] == 3 and entry["license_info"] == "MIT" and entry["content"]["code_sha256"] == sha
        if check_mode:
            assert result["msg"] == "No new version to publish - version 3 matches the content and metadata (check mode)"
        else:
            assert "msg" not in result


def test_check_mode_returns_amazon_aws_msg_and_the_prediction(lambda_stub, src):
    lambda_stub.add_response("list_layer_versions", listed(4))
    lambda_stub.add_response("get_layer_version", version(4))
    result = run(lambda_stub, check_mode=True, src=src)
    assert result["changed"] and result["msg"] == "Create operation skipped - running in check mode"
    [entry] = result["layer_versions"]
    assert entry["version"] == 5 and entry["version_predicted"] is True and "content" not in entry
    assert entry["layer_version_arn"] == result["layer_version_arn"] == LAYER_ARN + ":5"


def test_deleted_versions_are_in_layer_versions_newest_first(lambda_stub):
    lambda_stub.add_response("list_layer_versions", listed(1, 3, Description="old"))
    lambda_stub.add_response("delete_layer_version", {}, expected_params={"LayerName": "libs", "VersionNumber": 1})
    lambda_stub.add_response("delete_layer_version", {}, expected_params={"LayerName": "libs", "VersionNumber": 3})
    result = run(lambda_stub, state="absent", version=-1)
    assert result["deleted_versions"] == [1, 3]
    assert [v["version"] for v in result["layer_versions"]] == [3, 1]
    assert result["layer_versions"][0]["layer_version_arn"] == LAYER_ARN + ":3"
    assert result["layer_versions"][0]["description"] == "old" and result["layer_versions"][0]["layer_arn"] == LAYER_ARN


def test_one_deleted_version_is_in_layer_versions_and_a_gone_one_gives_none(lambda_stub):
    lambda_stub.add_response("get_layer_version", version(2, Description="two"))
    result = run(lambda_stub, check_mode=True, state="absent", version=2)
    assert result["changed"] and [v["version"] for v in result["layer_versions"]] == [2]
    assert result["layer_versions"][0]["description"] == "two" and "content" not in result["layer_versions"][0]
    lambda_stub.add_client_error("get_layer_version", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, state="absent", version=2)
    assert not result["changed"] and result["layer_versions"] == []


@pytest.mark.parametrize("value, expected", [(2.0, 2), (-1.0, "all"), ("-1", "all"), (" 7 ", 7)])
def test_version_takes_what_amazon_aws_int_takes(value, expected):
    assert lambda_layer.version_option(value) == expected


def test_version_refuses_a_fraction():
    with pytest.raises(ValueError, match="version: 2.5 is not a layer version"):
        lambda_layer.version_option(2.5)
