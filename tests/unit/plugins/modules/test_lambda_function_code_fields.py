# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_function's options for the members of botocore's FunctionCode shape besides the code itself:
source_kms_key_arn (SourceKMSKeyArn, read back as GetFunction's Code.SourceKMSKeyArn) and s3_object_storage_mode
(S3ObjectStorageMode, a request flag sent with the code). Neither endpoint keeps them (moto 5.2.5 and LocalStack
2026.3.0 drop both; LocalStack's botocore 1.42 has no S3ObjectStorageMode), so the requests are checked here
against the service model (Stubber): create, update, removal, no-op, check mode, diff, bad input."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import app
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_enum, service_model
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodePackage, code_source
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import compat_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import function as lambda_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import ROLE_ARN, function_configuration

HELLO = {"FunctionName": "hello"}
KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
OTHER_KMS = "arn:aws:kms:us-east-1:123456789012:key/0000abcd-12ab-34cd-56ef-1234567890ab"
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
S3 = dict(s3_bucket="artifacts", s3_key="app.zip")
DEPLOYED_SHA = function_configuration()["CodeSha256"]
NEW_SHA = "NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4="
CREATE = dict(runtime="python3.12", handler="app.handler", role=ROLE_ARN)


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in lambda_function.ARGUMENT_SPEC.items())
    values.update(name="hello")
    values.update(options)
    return values


def get_function(code=None, **configuration):
    return {"Configuration": function_configuration(**configuration), "Code": dict({"RepositoryType": "S3"}, **(code or {}))}


def run(client, check_mode=False, diff=True, package=None, **options):
    """Function.converge with a Task of these options (the code_source the module would build from them); the result."""
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    function = lambda_function.Function(task, LambdaClient(task, client=client))
    function.plan_code = lambda: setattr(function, "package", package) or setattr(
        function, "code_source", code_source(task.params, package))
    return function.converge()


@pytest.fixture
def package():
    return CodePackage(b"PK\x05\x06" + b"\x00" * 18, "/src")


def not_found(stub):
    stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found", 404, expected_params=HELLO)


# ------------------------------------------------------------------ the model

def test_every_function_code_member_of_the_model_is_sent_by_an_option(package):
    """FunctionCode's members (CreateFunction's Code) are each built by code_source from an option."""
    members = set(service_model().shape_for("FunctionCode").members)
    zip_code = code_source(params(source_kms_key_arn=KMS), package)
    s3_code = code_source(params(s3_object_version="v1", s3_object_storage_mode="REFERENCE", source_kms_key_arn=KMS,
                                 **S3), None)
    image_code = code_source(params(image_uri=IMAGE), None)
    assert set(zip_code) | set(s3_code) | set(image_code) == members


def test_update_function_code_takes_what_code_source_builds():
    members = set(service_model().operation_model("UpdateFunctionCode").input_shape.members)
    assert {"SourceKMSKeyArn", "S3ObjectStorageMode"} <= members


@pytest.mark.parametrize("mode", model_enum("S3ObjectStorageMode"))
def test_every_storage_mode_of_the_model_is_accepted(mode):
    assert model_enum("S3ObjectStorageMode")
    assert lambda_function.validate(params(s3_object_storage_mode=mode, **S3)) == []


def test_a_storage_mode_the_model_lacks_is_refused_listing_the_models():
    errors = lambda_function.validate(params(s3_object_storage_mode="LINK", **S3))
    assert errors == ["s3_object_storage_mode: LINK is not one of %s." % ", ".join(model_enum("S3ObjectStorageMode"))]


# ------------------------------------------------------------------ create

def test_the_key_is_sent_with_create_and_returned(lambda_stub, package):
    not_found(lambda_stub)
    lambda_stub.add_response("create_function", function_configuration(CodeSha256=package.sha256), expected_params=dict(
        HELLO, Code={"ZipFile": package.data, "SourceKMSKeyArn": KMS}, PackageType="Zip", Publish=False,
        Role=ROLE_ARN, Runtime="python3.12", Handler="app.handler"))
    result = run(lambda_stub.client, package=package, wait=False, src="/src", source_kms_key_arn=KMS, **CREATE)
    assert result["changed"] and result["code"]["source_kms_key_arn"] == KMS
    assert result["diff"]["after"]["source_kms_key_arn"] == KMS


def test_an_empty_key_on_create_sends_none(lambda_stub, package):
    not_found(lambda_stub)
    lambda_stub.add_response("create_function", function_configuration(CodeSha256=package.sha256), expected_params=dict(
        HELLO, Code={"ZipFile": package.data}, PackageType="Zip", Publish=False, Role=ROLE_ARN,
        Runtime="python3.12", Handler="app.handler"))
    result = run(lambda_stub.client, package=package, wait=False, src="/src", source_kms_key_arn="", **CREATE)
    assert result["code"]["source_kms_key_arn"] == ""


def test_s3_code_with_a_storage_mode_is_created_with_it(lambda_stub):
    not_found(lambda_stub)
    lambda_stub.add_response("create_function", function_configuration(CodeSha256=NEW_SHA), expected_params=dict(
        HELLO, Code={"S3Bucket": "artifacts", "S3Key": "app.zip", "S3ObjectVersion": "v1",
                     "S3ObjectStorageMode": "REFERENCE", "SourceKMSKeyArn": KMS},
        PackageType="Zip", Publish=False, Role=ROLE_ARN, Runtime="python3.12", Handler="app.handler"))
    result = run(lambda_stub.client, wait=False, source_code_hash=NEW_SHA, s3_object_version="v1",
                 s3_object_storage_mode="REFERENCE", source_kms_key_arn=KMS, **dict(S3, **CREATE))
    assert result["changed"]


def test_check_mode_create_predicts_the_key_and_sends_only_the_read(lambda_stub, package):
    not_found(lambda_stub)
    result = run(lambda_stub.client, check_mode=True, package=package, src="/src", source_kms_key_arn=KMS, **CREATE)
    assert result["changed"] and result["code"]["source_kms_key_arn"] == KMS


# ------------------------------------------------------------------ update

@pytest.mark.parametrize("current, desired, sent", [
    (None, KMS, dict(SourceKMSKeyArn=KMS)),
    (OTHER_KMS, KMS, dict(SourceKMSKeyArn=KMS)),
    (KMS, "", {}),
], ids=["set", "changed", "back to the AWS owned key with ''"])
def test_a_key_change_re_sends_the_code_with_the_key(lambda_stub, package, current, desired, sent):
    code = {"SourceKMSKeyArn": current} if current else {}
    lambda_stub.add_response("get_function", get_function(code, CodeSha256=package.sha256), expected_params=HELLO)
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=package.sha256),
                             expected_params=dict(HELLO, ZipFile=package.data, RevisionId="r1", **sent))
    result = run(lambda_stub.client, package=package, wait=False, src="/src", source_kms_key_arn=desired)
    assert result["changed"] and result["code"]["source_kms_key_arn"] == desired
    assert result["diff"] == {"before": {"source_kms_key_arn": current or ""}, "after": {"source_kms_key_arn": desired}}


def test_a_key_change_with_s3_code_re_sends_the_s3_location(lambda_stub):
    lambda_stub.add_response("get_function", get_function(CodeSha256=NEW_SHA), expected_params=HELLO)
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=NEW_SHA), expected_params=dict(
        HELLO, S3Bucket="artifacts", S3Key="app.zip", SourceKMSKeyArn=KMS, RevisionId="r1"))
    assert run(lambda_stub.client, wait=False, source_code_hash=NEW_SHA, source_kms_key_arn=KMS, **S3)["changed"]


@pytest.mark.parametrize("current, desired", [(KMS, KMS), (None, "")])
def test_the_same_key_is_a_no_op_with_no_extra_request(lambda_stub, package, current, desired):
    code = {"SourceKMSKeyArn": current} if current else {}
    lambda_stub.add_response("get_function", get_function(code, CodeSha256=package.sha256), expected_params=HELLO)
    result = run(lambda_stub.client, package=package, src="/src", source_kms_key_arn=desired)
    assert not result["changed"] and result["code"]["source_kms_key_arn"] == desired


def test_check_mode_predicts_a_key_change_and_sends_only_the_read(lambda_stub, package):
    lambda_stub.add_response("get_function", get_function(CodeSha256=package.sha256), expected_params=HELLO)
    result = run(lambda_stub.client, check_mode=True, package=package, src="/src", source_kms_key_arn=KMS)
    assert result["changed"] and result["code"]["source_kms_key_arn"] == KMS
    assert result["diff"] == {"before": {"source_kms_key_arn": ""}, "after": {"source_kms_key_arn": KMS}}


def test_a_code_update_keeps_a_key_the_task_does_not_manage(lambda_stub, package):
    """UpdateFunctionCode without SourceKMSKeyArn would encrypt the new package with the AWS owned key."""
    lambda_stub.add_response("get_function", get_function({"SourceKMSKeyArn": KMS}), expected_params=HELLO)
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=package.sha256),
                             expected_params=dict(HELLO, ZipFile=package.data, SourceKMSKeyArn=KMS, RevisionId="r1"))
    result = run(lambda_stub.client, package=package, wait=False, src="/src")
    assert result["changed"] and "source_kms_key_arn" not in result["diff"]["after"]


def test_a_code_update_of_a_function_without_a_key_sends_none(lambda_stub, package):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=package.sha256),
                             expected_params=dict(HELLO, ZipFile=package.data, RevisionId="r1"))
    run(lambda_stub.client, package=package, wait=False, src="/src")


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_key_change_without_the_code_is_refused_before_any_write(lambda_stub, check_mode):
    lambda_stub.add_response("get_function", get_function({"SourceKMSKeyArn": OTHER_KMS}), expected_params=HELLO)
    with pytest.raises(InvalidInput, match=r"source_kms_key_arn: changing the key .* give the code too \(src, zip_file "
                                           r"or s3_bucket \+ s3_key\); the function's key is " + OTHER_KMS):
        run(lambda_stub.client, check_mode=check_mode, source_kms_key_arn=KMS)


def test_the_same_key_without_the_code_is_a_no_op(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"SourceKMSKeyArn": KMS}), expected_params=HELLO)
    assert not run(lambda_stub.client, source_kms_key_arn=KMS)["changed"]


def test_a_key_for_an_existing_image_function_is_refused_before_any_write(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"ImageUri": IMAGE}, PackageType="Image"),
                             expected_params=HELLO)
    with pytest.raises(InvalidInput, match="source_kms_key_arn: function hello is an Image function"):
        run(lambda_stub.client, source_kms_key_arn=KMS, memory_size=256)


# ------------------------------------------------------------------ s3_object_storage_mode: a request flag

def test_the_storage_mode_is_sent_with_changed_s3_code(lambda_stub):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_response("update_function_code", function_configuration(CodeSha256=NEW_SHA), expected_params=dict(
        HELLO, S3Bucket="artifacts", S3Key="app.zip", S3ObjectVersion="v2", S3ObjectStorageMode="REFERENCE",
        RevisionId="r1"))
    result = run(lambda_stub.client, wait=False, source_code_hash=NEW_SHA, s3_object_version="v2",
                 s3_object_storage_mode="REFERENCE", **S3)
    assert result["changed"] and sorted(result["diff"]["after"]) == ["code_sha256"]


@pytest.mark.parametrize("mode", model_enum("S3ObjectStorageMode"))
def test_the_storage_mode_alone_is_not_compared_and_sends_nothing(lambda_stub, mode):
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    result = run(lambda_stub.client, source_code_hash=DEPLOYED_SHA, s3_object_storage_mode=mode, **S3)
    assert not result["changed"]


# ------------------------------------------------------------------ bad input, before any request

@pytest.mark.parametrize("options, fragment", [
    (dict(source_kms_key_arn="alias/lambda-code", src="/src"), "source_kms_key_arn: alias/lambda-code is not a KMS key ARN"),
    (dict(source_kms_key_arn="arn:aws:s3:::artifacts", src="/src"), "source_kms_key_arn: arn:aws:s3:::artifacts is not a KMS key ARN"),
    (dict(source_kms_key_arn=KMS, image_uri=IMAGE), "source_kms_key_arn: a customer managed key encrypts a .zip"),
    (dict(source_kms_key_arn=KMS, package_type="Image"), "source_kms_key_arn: a customer managed key encrypts a .zip"),
    (dict(s3_object_storage_mode="REFERENCE", src="/src"), "s3_object_storage_mode: it says how Lambda keeps code from S3"),
    (dict(s3_object_storage_mode="COPY", image_uri=IMAGE), "s3_object_storage_mode: it says how Lambda keeps code from S3"),
    (dict(s3_object_storage_mode="COPY"), "so it goes with s3_bucket and s3_key"),
    (dict(s3_object_storage_mode="reference", **S3), "s3_object_storage_mode: reference is not one of"),
])
def test_bad_input_names_the_option(options, fragment):
    errors = lambda_function.validate(params(**options))
    assert any(fragment in error for error in errors), errors


def test_an_empty_key_is_not_checked_as_an_arn():
    assert lambda_function.validate(params(source_kms_key_arn="", src="/src")) == []


def test_an_old_botocore_without_the_members_is_refused(monkeypatch):
    monkeypatch.setattr(lambda_function, "function_code_members", lambda: {"ZipFile", "S3Bucket", "S3Key", "ImageUri"})
    monkeypatch.setattr(lambda_function, "model_enum", lambda shape: [] if shape == "S3ObjectStorageMode" else ["x"])
    errors = lambda_function.code_setting_problems(params(source_kms_key_arn=KMS, s3_object_storage_mode="COPY", **S3), "Zip")
    assert errors == [
        "source_kms_key_arn needs a newer botocore: this one's Lambda model has no FunctionCode.SourceKMSKeyArn.",
        "s3_object_storage_mode needs a newer botocore: this one's Lambda model has no S3ObjectStorageMode."]


def test_the_compat_module_leaves_the_new_options_unmanaged():
    for option in ("source_kms_key_arn", "s3_object_storage_mode"):
        assert option not in compat_function.ARGUMENT_SPEC
        assert compat_function.function_params(dict(name="hello", layers=None)).get(option) is None


# ------------------------------------------------------------------ lambda_app takes them per function and as defaults

def application(**options):
    values = dict((name, spec.get("default")) for name, spec in app.ARGUMENT_SPEC.items())
    values.update(name="shop")
    values.update(options)
    return values


def test_lambda_app_passes_the_options_to_the_function():
    item = dict(name="api", source_code_hash=NEW_SHA, s3_object_storage_mode="REFERENCE", **S3)
    _layers, functions, errors = app.check_application(application(functions=[item], defaults=dict(source_kms_key_arn=KMS)))
    assert errors == []
    assert functions[0].params["source_kms_key_arn"] == KMS and functions[0].params["s3_object_storage_mode"] == "REFERENCE"


@pytest.mark.parametrize("item, words", [
    (dict(name="api", src="/src", s3_object_storage_mode="REFERENCE"), "s3_object_storage_mode: it says how Lambda"),
    (dict(name="api", image_uri=IMAGE, source_kms_key_arn=KMS), "source_kms_key_arn: a customer managed key"),
    (dict(name="api", source_kms_key_arn="key/1"), "source_kms_key_arn: key/1 is not a KMS key ARN"),
])
def test_lambda_app_refuses_bad_input_naming_the_function_and_the_option(item, words):
    errors = app.check_application(application(functions=[item]))[2]
    assert any(error.startswith("functions[api]: ") and words in error for error in errors), errors
