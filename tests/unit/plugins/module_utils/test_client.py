# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import os
import re

import pytest
from botocore.stub import Stubber

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import (
    CONFLICT_RETRIES,
    LambdaClient,
    model_enum,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import connection_options
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    FUNCTION_ARN,
    FakeModule,
    aws_client,
    error_reply,
    function_configuration,
    reply,
)

IN_PROGRESS = ("The operation cannot be performed at this time. An update is in progress for resource: %s" % FUNCTION_ARN)
HELLO = {"FunctionName": "hello"}


@pytest.fixture
def client(lambda_stub):
    return LambdaClient(FakeModule(wait_timeout=5), client=lambda_stub.client)


def get_function(**fields):
    """A GetFunction answer, as the waiters read it."""
    return {"Configuration": function_configuration(**fields)}


# ------------------------------------------------------------------ errors

def test_not_found_with_missing_ok_is_none(client, lambda_stub):
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found: %s" % FUNCTION_ARN,
                                 404, expected_params=HELLO)
    assert client.call("GetFunction", missing_ok=True, FunctionName="hello") is None


def test_not_found_without_missing_ok_fails_with_operation_code_and_message(client, lambda_stub):
    lambda_stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found: %s" % FUNCTION_ARN,
                                 404, expected_params=HELLO)
    with pytest.raises(LambdaError) as failed:
        client.call("GetFunction", FunctionName="hello")
    assert "GetFunction" in failed.value.msg
    assert "ResourceNotFoundException" in failed.value.msg
    assert "Function not found: %s" % FUNCTION_ARN in failed.value.msg
    assert failed.value.result()["operation"] == "GetFunction"
    assert failed.value.result()["error"] == {"code": "ResourceNotFoundException",
                                              "message": "Function not found: %s" % FUNCTION_ARN}


def test_missing_ok_does_not_hide_other_errors(client, lambda_stub):
    lambda_stub.add_client_error("get_function", "AccessDeniedException", "not authorized to perform lambda:GetFunction",
                                 403, expected_params=HELLO)
    with pytest.raises(LambdaError, match="GetFunction failed: AccessDeniedException: not authorized"):
        client.call("GetFunction", missing_ok=True, FunctionName="hello")


NOT_IMPLEMENTED_PAGE = "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>"


def test_an_operation_the_endpoint_lacks_fails_saying_so_even_with_missing_ok(client, lambda_stub):
    lambda_stub.add_client_error("get_account_settings", "404", NOT_IMPLEMENTED_PAGE, 404)
    with pytest.raises(LambdaError) as failed:
        client.call("GetAccountSettings", missing_ok=True)
    assert failed.value.msg.startswith("GetAccountSettings failed: ")
    assert "does not implement this operation" in failed.value.msg
    assert client.unsupported == set()


def test_an_operation_the_endpoint_lacks_is_none_with_a_warning_when_unsupported_ok(client, lambda_stub):
    lambda_stub.add_client_error("get_account_settings", "404", NOT_IMPLEMENTED_PAGE, 404)
    assert client.call("GetAccountSettings", unsupported_ok=True) is None
    assert client.unsupported == {"GetAccountSettings"}
    assert len(client.module.warnings) == 1
    assert "does not implement GetAccountSettings" in client.module.warnings[0]


def test_paginate_an_operation_the_endpoint_lacks_with_unsupported_ok(client, lambda_stub):
    lambda_stub.add_client_error("list_provisioned_concurrency_configs", "404", NOT_IMPLEMENTED_PAGE, 404)
    assert client.paginate("ListProvisionedConcurrencyConfigs", "ProvisionedConcurrencyConfigs",
                           unsupported_ok=True, FunctionName="hello") is None
    assert client.unsupported == {"ListProvisionedConcurrencyConfigs"}


LOCALSTACK_NOT_EMULATED = ("The API action 'GetFunctionScalingConfig' for service 'lambda' is either not available in "
                           "your current license plan or has not yet been emulated by LocalStack.")


def test_an_http_501_is_an_operation_the_endpoint_lacks(client, lambda_stub):
    # LocalStack answers an operation it does not emulate with HTTP 501 InternalFailure.
    lambda_stub.add_client_error("get_account_settings", "InternalFailure", LOCALSTACK_NOT_EMULATED, 501)
    with pytest.raises(LambdaError) as failed:
        client.call("GetAccountSettings", missing_ok=True)
    assert "does not implement this operation (it answered HTTP 501); AWS does." in failed.value.msg
    lambda_stub.add_client_error("get_account_settings", "InternalFailure", LOCALSTACK_NOT_EMULATED, 501)
    assert client.call("GetAccountSettings", unsupported_ok=True) is None
    assert client.unsupported == {"GetAccountSettings"}
    assert "does not implement GetAccountSettings (it answered HTTP 501)" in client.module.warnings[0]


def test_an_internal_failure_with_another_status_is_an_aws_error(client, lambda_stub):
    lambda_stub.add_client_error("get_account_settings", "ServiceException", "Lambda was unable to do it", 500)
    with pytest.raises(LambdaError) as failed:
        client.call("GetAccountSettings", unsupported_ok=True)
    assert "does not implement" not in failed.value.msg
    assert client.unsupported == set()


# ------------------------------------------------------------ lost answers

def test_a_retried_delete_that_finds_nothing_did_its_work(client, lambda_stub):
    lambda_stub.add_client_error("delete_alias", "ResourceNotFoundException", "Alias not found", 404,
                                 response_meta={"RetryAttempts": 1})
    assert client.call("DeleteAlias", FunctionName="hello", Name="live") == {}
    assert client.last_retry_attempts == 1


def test_a_first_try_delete_that_finds_nothing_still_fails(client, lambda_stub):
    lambda_stub.add_client_error("delete_alias", "ResourceNotFoundException", "Alias not found", 404)
    with pytest.raises(LambdaError, match="DeleteAlias failed: ResourceNotFoundException"):
        client.call("DeleteAlias", FunctionName="hello", Name="live")


def test_a_lost_answer_before_a_conflict_still_counts(client, lambda_stub):
    """Lost (500, retried), then "update in progress" (waited for, sent again), then not found: deleted."""
    lambda_stub.add_client_error("remove_permission", "ResourceConflictException", IN_PROGRESS, 409,
                                 response_meta={"RetryAttempts": 1})
    lambda_stub.add_response("get_function", get_function(), expected_params=HELLO)
    lambda_stub.add_client_error("remove_permission", "ResourceNotFoundException",
                                 "No policy is associated with the given resource.", 404)
    assert client.call("RemovePermission", FunctionName="hello", StatementId="s3") == {}


@pytest.mark.parametrize("adopted", [{"AliasArn": FUNCTION_ARN + ":live"}, None])
def test_already_exists_asks_whether_it_is_the_resource_asked_for(client, lambda_stub, adopted):
    lambda_stub.add_client_error("create_alias", "ResourceConflictException", "Alias already exists: live", 409,
                                 response_meta={"RetryAttempts": 1})
    seen = []

    def already_done(error):
        seen.append(error.response["Error"]["Code"])
        return adopted

    if adopted:
        assert client.call("CreateAlias", already_done=already_done, FunctionName="hello", Name="live",
                           FunctionVersion="1") == adopted
    else:
        with pytest.raises(LambdaError, match="CreateAlias failed: ResourceConflictException: Alias already exists"):
            client.call("CreateAlias", already_done=already_done, FunctionName="hello", Name="live",
                        FunctionVersion="1")
    assert seen == ["ResourceConflictException"]


def test_other_conflicts_do_not_ask(client, lambda_stub):
    lambda_stub.add_client_error("create_alias", "ResourceConflictException", "Something else", 409)
    with pytest.raises(LambdaError):
        client.call("CreateAlias", already_done=lambda error: pytest.fail("asked"), FunctionName="hello",
                    Name="live", FunctionVersion="1")


def test_answer_is_returned_without_response_metadata(client, lambda_stub):
    lambda_stub.add_response("get_function", get_function(MemorySize=256), expected_params=HELLO)
    answer = client.call("GetFunction", FunctionName="hello")
    assert answer == get_function(MemorySize=256)


def test_invalid_parameters_fail_before_anything_is_sent():
    stubber = Stubber(aws_client("lambda"))
    stubber.add_response("get_function", get_function())
    client = LambdaClient(FakeModule(), client=stubber.client)
    with stubber:
        with pytest.raises(LambdaError, match='(?s)GetFunction was refused before sending: .*Unknown parameter .*"FunctionNam"'):
            client.call("GetFunction", FunctionNam="hello")
    with pytest.raises(AssertionError, match="1 responses remaining"):
        stubber.assert_no_pending_responses()  # the answer was never asked for


# -------------------------------------------------- update-in-progress conflicts

def test_update_in_progress_conflict_waits_then_retries(client, lambda_stub):
    request = dict(HELLO, MemorySize=256)
    lambda_stub.add_client_error("update_function_configuration", "ResourceConflictException", IN_PROGRESS, 409,
                                 expected_params=request)
    # What the waiters read while the other update finishes.
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="InProgress"), expected_params=HELLO)
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="Successful"), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration",
                             function_configuration(MemorySize=256, LastUpdateStatus="InProgress"),
                             expected_params=request)
    answer = client.call("UpdateFunctionConfiguration", **request)
    assert answer["MemorySize"] == 256


def test_update_in_progress_conflict_gives_up_after_the_retries():
    lambda_client = aws_client("lambda")
    sent = []

    def answer(model, **kwargs):  # a function that stays busy: every update is refused
        sent.append(model.name)
        if model.name == "GetFunction":
            return reply(200, get_function())
        return error_reply(409, "ResourceConflictException", IN_PROGRESS)

    lambda_client.meta.events.register("before-call.lambda", answer)
    client = LambdaClient(FakeModule(wait_timeout=5), client=lambda_client)
    with pytest.raises(LambdaError, match="UpdateFunctionConfiguration failed: ResourceConflictException"):
        client.call("UpdateFunctionConfiguration", FunctionName="hello", MemorySize=256)
    assert sent.count("UpdateFunctionConfiguration") == CONFLICT_RETRIES + 1


def test_other_conflict_fails_at_once(client, lambda_stub):
    lambda_stub.add_client_error("create_function", "ResourceConflictException", "Function already exist: hello", 409)
    with pytest.raises(LambdaError) as failed:
        client.call("CreateFunction", FunctionName="hello", Role="arn:aws:iam::123456789012:role/x",
                    Code={"ZipFile": b"PK"})
    assert "CreateFunction failed: ResourceConflictException: Function already exist: hello" in failed.value.msg


# ------------------------------------------------------------------ waiting

@pytest.mark.parametrize("configuration", [
    function_configuration(State="Active", LastUpdateStatus="Successful"),
    function_configuration(State="Inactive", LastUpdateStatus="Successful"),
    {"FunctionName": "hello"},  # functions from before states existed
], ids=["active", "inactive", "no-state"])
def test_settled_configuration_sends_no_request(client, configuration):
    assert client.wait_until_settled("hello", configuration=configuration) is False


def test_pending_function_waits_until_active_then_updated(client, lambda_stub, sleeps):
    lambda_stub.add_response("get_function", get_function(State="Pending", LastUpdateStatus="InProgress"),
                             expected_params=HELLO)
    lambda_stub.add_response("get_function", get_function(State="Active", LastUpdateStatus="InProgress"),
                             expected_params=HELLO)
    lambda_stub.add_response("get_function", get_function(State="Active", LastUpdateStatus="Successful"),
                             expected_params=HELLO)
    pending = function_configuration(State="Pending", LastUpdateStatus="InProgress")
    waited = client.wait_until_settled("hello", configuration=pending)
    assert waited is True
    assert sleeps  # the waiter polled again after the Pending answer


def test_update_in_progress_waits_only_for_the_update(client, lambda_stub):
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="InProgress"), expected_params=HELLO)
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="Successful"), expected_params=HELLO)
    assert client.wait_until_settled("hello", configuration=function_configuration(LastUpdateStatus="InProgress"))


def test_failed_configuration_fails_at_once_with_its_reason(client):
    configuration = function_configuration(State="Failed", StateReasonCode="InvalidRole",
                                           StateReason="The role defined for the function cannot be assumed by Lambda.")
    with pytest.raises(LambdaError, match="cannot be assumed by Lambda") as failed:
        client.wait_until_settled("hello", configuration=configuration)
    assert failed.value.result()["state"] == "Failed"


def test_failed_state_while_waiting_fails_with_the_state_reason(client, lambda_stub):
    lambda_stub.add_response("get_function", get_function(
        State="Failed", StateReasonCode="InvalidRole", LastUpdateStatus="Failed",
        StateReason="The role defined for the function cannot be assumed by Lambda."), expected_params=HELLO)
    with pytest.raises(LambdaError) as failed:
        client.wait_until_settled("hello", configuration=function_configuration(State="Pending"))
    assert "hello" in failed.value.msg
    assert "The role defined for the function cannot be assumed by Lambda." in failed.value.msg
    assert failed.value.result()["state"] == "Failed"
    assert failed.value.result()["state_reason_code"] == "InvalidRole"


def test_failed_update_while_waiting_fails_with_the_update_reason(client, lambda_stub):
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="InProgress"), expected_params=HELLO)
    lambda_stub.add_response("get_function", get_function(
        LastUpdateStatus="Failed", LastUpdateStatusReasonCode="SubnetOutOfIPAddresses",
        LastUpdateStatusReason="All subnets have run out of IP addresses."), expected_params=HELLO)
    with pytest.raises(LambdaError) as failed:
        client.wait_until_settled("hello", configuration=function_configuration(LastUpdateStatus="InProgress"))
    assert "All subnets have run out of IP addresses." in failed.value.msg
    assert failed.value.result()["last_update_status"] == "Failed"
    assert failed.value.result()["state_reason_code"] == "SubnetOutOfIPAddresses"


def test_waiting_longer_than_wait_timeout_fails(lambda_stub):
    client = LambdaClient(FakeModule(wait_timeout=2), client=lambda_stub.client)  # waiter delay 1 s: 2 polls
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="InProgress"), expected_params=HELLO)
    lambda_stub.add_response("get_function", get_function(LastUpdateStatus="InProgress"), expected_params=HELLO)
    with pytest.raises(LambdaError) as failed:
        client.wait_until_settled("hello", configuration=function_configuration(LastUpdateStatus="InProgress"))
    assert "Waiting for hello (function_updated_v2) did not succeed" in failed.value.msg
    assert failed.value.result()["last_update_status"] == "InProgress"


def test_published_version_waits_for_that_version(lambda_stub):
    client = LambdaClient(FakeModule(wait_timeout=10), client=lambda_stub.client)  # waiter delay 5 s: 2 polls
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="3", State="Pending"),
                             expected_params=dict(HELLO, Qualifier="3"))
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="3", State="Active"),
                             expected_params=dict(HELLO, Qualifier="3"))
    assert client.wait_until_settled("hello", qualifier="3") is True


def test_inactive_function_is_settled_when_read_by_the_waiters():
    stubber = Stubber(aws_client("lambda"))
    client = LambdaClient(FakeModule(wait_timeout=3), client=stubber.client)
    for answer in [get_function(State="Inactive", LastUpdateStatus="Successful")] * 3:
        stubber.add_response("get_function", answer)
    with stubber:
        client.wait_until_settled("hello")


# ------------------------------------------------------------------ paging

def test_paginate_follows_next_marker(client, lambda_stub):
    lambda_stub.add_response("list_versions_by_function", {
        "Versions": [function_configuration(Version="$LATEST"), function_configuration(Version="1")],
        "NextMarker": "page-2"}, expected_params=HELLO)
    lambda_stub.add_response("list_versions_by_function", {
        "Versions": [function_configuration(Version="2")]}, expected_params=dict(HELLO, Marker="page-2"))
    versions = client.paginate("ListVersionsByFunction", "Versions", FunctionName="hello")
    assert [v["Version"] for v in versions] == ["$LATEST", "1", "2"]


def test_paginate_missing_ok(client, lambda_stub):
    lambda_stub.add_client_error("list_versions_by_function", "ResourceNotFoundException", "Function not found", 404)
    assert client.paginate("ListVersionsByFunction", "Versions", missing_ok=True, FunctionName="hello") is None


# ------------------------------------------------------------ service model

def test_model_enum_reads_botocores_model():
    assert "python3.12" in model_enum("Runtime")
    assert model_enum("Architecture") == ["x86_64", "arm64"]


def test_model_enum_of_an_unknown_shape_is_empty():
    assert model_enum("NoSuchShapeInTheModel") == []


# ------------------------------------------------------- connection options

@pytest.mark.parametrize("option, secret", [
    ("access_key", False), ("secret_key", True), ("session_token", True), ("profile", False),
    ("region", False), ("endpoint_url", False),
])
def test_connection_options_hide_secrets(option, secret):
    assert connection_options()[option].get("no_log", False) is secret


@pytest.mark.parametrize("option, alias", [
    ("access_key", "aws_access_key_id"),
    ("access_key", "aws_access_key"),
    ("secret_key", "aws_secret_access_key"),
    ("secret_key", "aws_secret_key"),
    ("session_token", "aws_session_token"),
    ("session_token", "security_token"),
    ("profile", "aws_profile"),
    ("region", "aws_region"),
    ("endpoint_url", "aws_endpoint_url"),
])
def test_connection_options_take_the_amazon_aws_aliases(option, alias):
    assert alias in connection_options()[option]["aliases"]


# ------------------------------------------------------- session from the connection options

@pytest.fixture
def no_aws_environment(monkeypatch, tmp_path):
    """No AWS settings anywhere: no variables, empty config and credentials files, no instance metadata."""
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return tmp_path


def connection(**options):
    values = dict((name, spec.get("default")) for name, spec in connection_options().items())
    values.update(options)
    return FakeModule(**values)


@pytest.mark.parametrize("options, message", [
    ({"access_key": "AKIDEXAMPLE", "secret_key": "secret"}, "No AWS region is set: give the 'region' option"),
    ({"region": "eu-west-1"}, "No AWS credentials found: give 'access_key' and 'secret_key', or 'profile'"),
    ({"region": "eu-west-1", "profile": "nosuchprofile"}, "The AWS profile given in 'profile' was not found"),
    ({"region": "eu-west-1", "access_key": "AKIDEXAMPLE"}, "'access_key' and 'secret_key' go together"),
    ({"region": "eu-west-1", "access_key": "AKIDEXAMPLE", "secret_key": "s", "aws_config": {"no_such": 1}},
     "aws_config holds an option botocore does not know"),
])
def test_connection_problems_fail_with_a_clear_message(no_aws_environment, options, message):
    with pytest.raises(LambdaError, match=re.escape(message)):
        LambdaClient(connection(**options))


def test_unset_options_fall_back_to_boto3s_own_resolution(no_aws_environment, monkeypatch):
    monkeypatch.setenv("AWS_REGION", "ap-southeast-2")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    client = LambdaClient(connection(endpoint_url="http://127.0.0.1:1", retry_mode="adaptive"))
    assert client.client.meta.region_name == "ap-southeast-2"
    assert client.client.meta.endpoint_url == "http://127.0.0.1:1"
    assert client.client.meta.config.retries["mode"] == "adaptive"


def test_profile_from_the_shared_files(no_aws_environment):
    (no_aws_environment / "config").write_text("[profile deploy]\nregion = eu-north-1\n")
    (no_aws_environment / "credentials").write_text("[deploy]\naws_access_key_id = AKID\naws_secret_access_key = s\n")
    client = LambdaClient(connection(profile="deploy"))
    assert client.client.meta.region_name == "eu-north-1"


def test_stale_revision_id_says_nothing_was_overwritten(client, lambda_stub):
    lambda_stub.add_client_error("update_function_configuration", "PreconditionFailedException",
                                 "The Revision Id provided does not match the latest Revision Id.", 412)
    with pytest.raises(LambdaError) as failure:
        client.call("UpdateFunctionConfiguration", FunctionName="hello", MemorySize=256, RevisionId="r1")
    assert failure.value.msg.startswith("The resource was changed by someone else after this task read it")
    assert "UpdateFunctionConfiguration failed: PreconditionFailedException" in failure.value.msg
