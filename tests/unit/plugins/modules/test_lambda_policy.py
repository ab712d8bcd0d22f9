# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import json

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import permission as lambda_policy
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_policy as policy_module
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FUNCTION_ARN

ORG = "o-abcdefghij"
BUCKET = "arn:aws:s3:::uploads"


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in lambda_policy.ARGUMENT_SPEC.items())
    values.update(function_name="hello", statement_id="s1", action="lambda:InvokeFunction",
                  principal="s3.amazonaws.com", source_arn=BUCKET)
    values.update(options)
    return values


def aws_statement(**fields):
    """A statement as AWS stores it."""
    statement = dict(Sid="s1", Effect="Allow", Action="lambda:InvokeFunction", Resource=FUNCTION_ARN,
                     Principal={"Service": "s3.amazonaws.com"}, Condition={"ArnLike": {"AWS:SourceArn": BUCKET}})
    statement.update(fields)
    return dict((k, v) for k, v in statement.items() if v is not None)


def get_policy(*statements, revision="rev-1"):
    return {"Policy": json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": list(statements)}),
            "RevisionId": revision}


def run(lambda_stub, check_mode=False, diff=True, **options):
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    return lambda_policy.Permission.run(task, LambdaClient(task, client=lambda_stub.client))


HELLO = {"FunctionName": "hello"}


# ------------------------------------------------------------------ desired_statement

def test_desired_statement_maps_options_to_the_comparable_form():
    assert lambda_policy.desired_statement(params(
        action="InvokeFunction", principal="arn:aws:iam::111122223333:root", source_arn=None,
        principal_org_id=ORG)) == dict(Action="lambda:InvokeFunction", Principal="111122223333",
                                       Conditions={"PrincipalOrgID": ORG})


def test_desired_statement_with_every_condition():
    desired = lambda_policy.desired_statement(params(
        source_account="123456789012", event_source_token="tok", principal_org_id=ORG,
        function_url_auth_type="AWS_IAM"))
    assert desired["Conditions"] == dict(SourceArn=BUCKET, SourceAccount="123456789012", EventSourceToken="tok",
                                         PrincipalOrgID=ORG, FunctionUrlAuthType="AWS_IAM")


@pytest.mark.parametrize("options, qualifier", [
    ({}, None),
    ({"qualifier": "live"}, "live"),
    ({"alias": "live"}, "live"),
    ({"version": 3}, "3"),
])
def test_qualifier_from_qualifier_alias_or_version(options, qualifier):
    assert lambda_policy.qualifier_of(params(**options)) == qualifier


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, message", [
    ({"principal": "my-role"}, "principal: my-role is not a principal Lambda accepts"),
    ({"principal": "12345"}, "principal: 12345 is not a principal"),
    ({"principal": "arn:aws:s3:::bucket"}, "principal: arn:aws:s3:::bucket is not a principal"),
    ({"source_account": "1234-5678-9012"}, "source_account: 1234-5678-9012 is not a 12-digit AWS account ID"),
    ({"source_account": "12345678901"}, "source_account: 12345678901 is not a 12-digit"),
    ({"source_arn": "uploads"}, "source_arn: uploads is not an ARN"),
    ({"principal_org_id": "org-1"}, "principal_org_id: org-1 is not an AWS Organizations ID"),
    ({"event_source_token": "has space"}, "event_source_token: has space is not a token"),
    ({"action": "s3:GetObject"}, "action: s3:GetObject is not a Lambda action"),
    ({"action": "lambda:Invoke-Function"}, "action: lambda:Invoke-Function is not a Lambda action"),
    ({"statement_id": "has space"}, "statement_id: has space may only hold"),
    ({"version": 0}, "version must be a published version number"),
    ({"qualifier": "a/b"}, "qualifier/alias/version: a/b is neither"),
    ({"function_name": "a/b"}, "function_name: a/b is not a function name or ARN"),
    ({"qualifier": "$LATEST"}, "qualifier/alias/version: AWS keeps no resource policy for $LATEST"),
    ({"function_name": "hello:$LATEST"}, "function_name: AWS keeps no resource policy for $LATEST"),
    ({"function_name": "hello:1", "qualifier": "2"}, "qualifier: 2 differs from the qualifier 1"),
])
def test_bad_input_is_named_with_its_fix(options, message):
    errors = lambda_policy.Permission.validate(params(**options))
    assert len(errors) == 1
    assert errors[0].startswith(message)


@pytest.mark.parametrize("options", [
    {},
    {"function_name": FUNCTION_ARN},
    {"function_name": FUNCTION_ARN + ":live"},
    {"function_name": "123456789012:function:hello"},
    {"function_name": "hello:3"},
    {"action": "InvokeFunction"},
    {"action": "lambda:*"},
    {"action": "*"},
    {"principal": "111122223333"},
    {"principal": "arn:aws:iam::111122223333:role/caller"},
    {"principal": "*", "principal_org_id": ORG},
    {"principal": "alexa-appkit.amazon.com", "source_arn": None, "event_source_token": "amzn1.ask.skill.x-1"},
])
def test_good_input_passes(options):
    assert lambda_policy.Permission.validate(params(**options)) == []


def test_absent_checks_only_what_finds_the_statement():
    assert lambda_policy.Permission.validate(params(state="absent", principal="not valid", action="nope")) == []


# ------------------------------------------------------------------ warnings

@pytest.mark.parametrize("options, needle", [
    ({"source_arn": None}, "confused deputy"),
    ({"principal": "sns.amazonaws.com", "source_arn": None}, "Give source_arn"),
    ({"principal": "*", "source_arn": None}, "principal_org_id"),
])
def test_open_statements_warn_with_the_fix(options, needle):
    warnings = lambda_policy.exposure_warnings(params(**options))
    assert len(warnings) == 1
    assert needle in warnings[0]


@pytest.mark.parametrize("options", [
    {},
    {"source_arn": None, "source_account": "123456789012"},
    {"principal": "alexa-appkit.amazon.com", "source_arn": None, "event_source_token": "amzn1.ask.skill.x"},
    {"principal": "*", "source_arn": None, "principal_org_id": ORG},
    {"principal": "*", "source_arn": None, "function_url_auth_type": "NONE"},
    {"principal": "111122223333", "source_arn": None},
    {"principal": "arn:aws:iam::111122223333:role/caller", "source_arn": None},
])
def test_restricted_statements_do_not_warn(options):
    assert lambda_policy.exposure_warnings(params(**options)) == []


# ------------------------------------------------------------------ unchanged: one call

@pytest.mark.parametrize("stored, options", [
    (aws_statement(), {}),
    (aws_statement(Action="InvokeFunction"), {}),
    (aws_statement(Principal={"AWS": "arn:aws:iam::111122223333:root"}, Condition=None),
     {"principal": "111122223333", "source_arn": None}),
    (aws_statement(Principal={"AWS": "arn:aws:iam::111122223333:root"}, Condition=None),
     {"principal": "arn:aws:iam::111122223333:root", "source_arn": None}),
    (aws_statement(Principal="111122223333", Condition=None), {"principal": "111122223333", "source_arn": None}),
    (aws_statement(Principal={"AWS": "arn:aws:iam::111122223333:role/caller"}, Condition=None),
     {"principal": "arn:aws:iam::111122223333:role/caller", "source_arn": None}),
    (aws_statement(Principal="*", Condition={"StringEquals": {"aws:PrincipalOrgID": ORG}}),
     {"principal": "*", "source_arn": None, "principal_org_id": ORG}),
    (aws_statement(Principal="*", Condition=None), {"principal": "*", "source_arn": None}),
    (aws_statement(Condition={"ArnLike": {"AWS:SourceArn": BUCKET},
                              "StringEquals": {"AWS:SourceAccount": "123456789012"}}),
     {"source_account": "123456789012"}),
    (aws_statement(Principal={"Service": "alexa-appkit.amazon.com"},
                   Condition={"StringEquals": {"lambda:EventSourceToken": "amzn1.ask.skill.x"}}),
     {"principal": "alexa-appkit.amazon.com", "source_arn": None, "event_source_token": "amzn1.ask.skill.x"}),
    (aws_statement(Principal="*", Action="lambda:InvokeFunctionUrl",
                   Condition={"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}}),
     {"principal": "*", "action": "lambda:InvokeFunctionUrl", "source_arn": None, "function_url_auth_type": "NONE"}),
    (aws_statement(Principal="*", Condition={"Bool": {"lambda:InvokedViaFunctionUrl": "true"}}),
     {"principal": "*", "source_arn": None, "invoked_via_function_url": True}),
    (aws_statement(Principal="*", Condition=None), {"principal": "*", "source_arn": None, "invoked_via_function_url": False}),
])
def test_an_unchanged_statement_costs_one_get_policy(lambda_stub, stored, options):
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Sid="other"), stored), HELLO)
    result = run(lambda_stub, **options)
    assert result["changed"] is False
    assert result["statement"] == stored
    assert result["revision_id"] == "rev-1"
    assert result["diff"] == {"before": {}, "after": {}}


# ------------------------------------------------------------------ add

def test_add_sends_add_permission_without_revision(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Sid="other")), HELLO)
    stored = aws_statement()
    lambda_stub.add_response("add_permission", {"Statement": json.dumps(stored)}, dict(
        HELLO, StatementId="s1", Action="lambda:InvokeFunction", Principal="s3.amazonaws.com", SourceArn=BUCKET))
    result = run(lambda_stub)
    assert result["changed"] is True
    assert result["statement"] == stored
    assert result["revision_id"] is None
    assert result["diff"] == {"before": {}, "after": {
        "action": "lambda:InvokeFunction", "principal": "s3.amazonaws.com", "conditions": {"source_arn": BUCKET}}}


def test_invoked_via_function_url_is_sent_as_a_boolean_and_predicted_as_aws_stores_it(lambda_stub):
    stored = aws_statement(Principal="*", Condition={"Bool": {"lambda:InvokedViaFunctionUrl": "true"}})
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Sid="other")), HELLO)
    checked = run(lambda_stub, check_mode=True, principal="*", source_arn=None, invoked_via_function_url=True)
    assert checked["statement"] == stored
    assert checked["diff"]["after"]["conditions"] == {"invoked_via_function_url": True}
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Sid="other")), HELLO)
    lambda_stub.add_response("add_permission", {"Statement": json.dumps(stored)}, dict(
        HELLO, StatementId="s1", Action="lambda:InvokeFunction", Principal="*", InvokedViaFunctionUrl=True))
    result = run(lambda_stub, principal="*", source_arn=None, invoked_via_function_url=True)
    assert result["changed"] is True and result["statement"] == stored == checked["statement"]


def test_invoked_via_function_url_false_sends_no_condition(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Sid="other")), HELLO)
    lambda_stub.add_response("add_permission", {"Statement": json.dumps(aws_statement(Principal="*", Condition=None))},
                             dict(HELLO, StatementId="s1", Action="lambda:InvokeFunction", Principal="*"))
    result = run(lambda_stub, principal="*", source_arn=None, invoked_via_function_url=False,
                 principal_org_id=None)
    assert result["changed"] is True


def test_add_to_a_function_without_policy_with_qualifier(lambda_stub):
    lambda_stub.add_client_error("get_policy", "ResourceNotFoundException", "The resource you requested does not exist.",
                                 404, expected_params=dict(HELLO, Qualifier="live"))
    lambda_stub.add_response("add_permission", {"Statement": json.dumps(aws_statement())}, dict(
        HELLO, Qualifier="live", StatementId="s1", Action="lambda:InvokeFunction", Principal="111122223333"))
    result = run(lambda_stub, alias="live", principal="arn:aws:iam::111122223333:root", action="InvokeFunction",
                 source_arn=None)
    assert result["changed"] is True


def test_check_mode_predicts_the_add_and_sends_nothing_else(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Sid="other")), HELLO)
    result = run(lambda_stub, check_mode=True, principal="111122223333", source_arn=None)
    assert result["changed"] is True
    assert result["statement"] == dict(Sid="s1", Effect="Allow", Action="lambda:InvokeFunction", Resource=FUNCTION_ARN,
                                       Principal={"AWS": "arn:aws:iam::111122223333:root"})
    assert result["diff"]["after"]["principal"] == "111122223333"


# ------------------------------------------------------------------ replace

def test_a_changed_statement_is_removed_with_the_revision_then_added_without(lambda_stub):
    old = aws_statement(Condition={"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::old"}})
    lambda_stub.add_response("get_policy", get_policy(old), HELLO)
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId="s1", RevisionId="rev-1"))
    lambda_stub.add_response("add_permission", {"Statement": json.dumps(aws_statement())}, dict(
        HELLO, StatementId="s1", Action="lambda:InvokeFunction", Principal="s3.amazonaws.com", SourceArn=BUCKET))
    result = run(lambda_stub)
    assert result["changed"] is True
    assert result["statement"] == aws_statement()
    assert result["revision_id"] is None
    assert result["diff"] == {"before": {"conditions": {"source_arn": "arn:aws:s3:::old"}},
                              "after": {"conditions": {"source_arn": BUCKET}}}


@pytest.mark.parametrize("stored, options, changed_key", [
    (aws_statement(Condition={"ArnLike": {"AWS:SourceArn": BUCKET},
                              "StringEquals": {"AWS:SourceAccount": "123456789012"}}), {}, "conditions"),
    (aws_statement(), {"source_account": "123456789012"}, "conditions"),
    (aws_statement(Action="lambda:GetFunction"), {}, "action"),
    (aws_statement(Principal={"Service": "sns.amazonaws.com"}), {}, "principal"),
    (aws_statement(Principal={"AWS": "arn:aws:iam::111122223333:root"}, Condition=None),
     {"principal": "222233334444", "source_arn": None}, "principal"),
    (aws_statement(Principal="*", Condition={"StringEquals": {"aws:PrincipalOrgID": ORG}}),
     {"principal": "*", "source_arn": None, "principal_org_id": "o-klmnopqrst"}, "conditions"),
    (aws_statement(Principal={"Service": "alexa-appkit.amazon.com"}, Condition=None),
     {"principal": "alexa-appkit.amazon.com", "source_arn": None, "event_source_token": "amzn1.ask.skill.x"},
     "conditions"),
    (aws_statement(Condition={"ArnLike": {"AWS:SourceArn": BUCKET}, "Bool": {"lambda:InvokedViaFunctionUrl": "true"}}),
     {}, "conditions"),
    (aws_statement(), {"invoked_via_function_url": True}, "conditions"),
])
def test_check_mode_predicts_a_replacement_and_sends_nothing_else(lambda_stub, stored, options, changed_key):
    lambda_stub.add_response("get_policy", get_policy(stored), HELLO)
    result = run(lambda_stub, check_mode=True, **options)
    assert result["changed"] is True
    assert list(result["diff"]["before"]) == list(result["diff"]["after"]) == [changed_key]
    assert result["statement"]["Sid"] == "s1"
    assert result["statement"]["Resource"] == FUNCTION_ARN


def test_add_failing_after_the_remove_says_so_and_what_to_run(lambda_stub):
    old = aws_statement(Action="lambda:GetFunction")
    lambda_stub.add_response("get_policy", get_policy(old), HELLO)
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId="s1", RevisionId="rev-1"))
    lambda_stub.add_client_error("add_permission", "InvalidParameterValueException",
                                 "The provided principal was invalid.", 400)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub)
    msg = failed.value.msg
    assert msg.startswith("Statement s1 was removed from the policy of hello to be replaced")
    assert "the function has no statement s1 now" in msg
    assert "run the task again" in msg
    assert msg.endswith("AddPermission failed: InvalidParameterValueException: The provided principal was invalid.")
    assert failed.value.details["removed_statement"] == old
    assert failed.value.operation == "AddPermission"


def test_a_refused_remove_says_nothing_was_removed(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement(Action="lambda:GetFunction")), HELLO)
    lambda_stub.add_client_error("remove_permission", "PreconditionFailedException",
                                 "The RevisionId provided does not match the latest RevisionId.", 412)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub)
    assert failed.value.msg.startswith("Statement s1 was not removed from the policy of hello")
    assert "PreconditionFailedException" in failed.value.msg
    assert "removed_statement" not in failed.value.details


# ------------------------------------------------------------------ remove

def test_remove_sends_the_revision(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement(), revision="rev-9"), dict(HELLO, Qualifier="2"))
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, Qualifier="2", StatementId="s1", RevisionId="rev-9"))
    result = run(lambda_stub, state="absent", version=2)
    assert result["changed"] is True
    assert result["statement"] is None
    assert result["revision_id"] is None
    assert result["diff"]["after"] == {}
    assert result["diff"]["before"]["conditions"] == {"source_arn": BUCKET}


def test_check_mode_predicts_the_remove(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement()), HELLO)
    result = run(lambda_stub, check_mode=True, state="absent")
    assert result["changed"] is True
    assert result["statement"] is None


@pytest.mark.parametrize("answer", [None, get_policy(aws_statement(Sid="other"))])
def test_removing_a_missing_statement_changes_nothing(lambda_stub, answer):
    if answer is None:
        lambda_stub.add_client_error("get_policy", "ResourceNotFoundException", "No policy", 404)
    else:
        lambda_stub.add_response("get_policy", answer, HELLO)
    result = run(lambda_stub, state="absent")
    assert result["changed"] is False
    assert result["statement"] is None


def test_no_diff_without_diff_mode(lambda_stub):
    lambda_stub.add_response("get_policy", get_policy(aws_statement()), HELLO)
    assert "diff" not in run(lambda_stub, diff=False)


def test_documentation_options_match_the_argument_spec():
    import yaml

    documented = yaml.safe_load(policy_module.DOCUMENTATION)["options"]
    assert set(documented) == set(lambda_policy.ARGUMENT_SPEC)
    for name, spec in lambda_policy.ARGUMENT_SPEC.items():
        assert sorted(documented[name].get("aliases", [])) == sorted(spec.get("aliases", [])), name


def test_every_option_name_of_amazon_aws_lambda_policy_is_accepted():
    names = set(lambda_policy.ARGUMENT_SPEC)
    for spec in lambda_policy.ARGUMENT_SPEC.values():
        names.update(spec.get("aliases", []))
    assert names >= {"function_name", "lambda_function_arn", "function_arn", "state", "alias", "version",
                     "statement_id", "sid", "action", "principal", "source_arn", "source_account",
                     "event_source_token"}


# ------------------------------------------------------------------ amazon.aws.lambda_policy's habits

@pytest.mark.parametrize("state", ["present", "absent"])
def test_action_and_principal_are_required_in_every_state_naming_the_missing_ones(state):
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

    validator = ArgumentSpecValidator(lambda_policy.ARGUMENT_SPEC, mutually_exclusive=lambda_policy.MUTUALLY_EXCLUSIVE)
    result = validator.validate({"function_name": "hello", "statement_id": "s1", "state": state})
    assert [str(error) for error in result.errors] == ["missing required arguments: action, principal"]
    result = validator.validate({"function_name": "hello", "statement_id": "s1", "state": state,
                                 "action": "lambda:InvokeFunction"})
    assert [str(error) for error in result.errors] == ["missing required arguments: principal"]


@pytest.mark.parametrize("check_mode", [True, False])
@pytest.mark.parametrize("stored, options, action", [
    (None, {}, "added"),
    (aws_statement(Condition={"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::old"}}), {}, "updated"),
    (aws_statement(), {"state": "absent"}, "deleted"),
    (aws_statement(), {}, "none"),
    (None, {"state": "absent"}, "none"),
])
def test_lambda_policy_action_is_set_as_amazon_aws_lambda_policy_sets_it(lambda_stub, check_mode, stored, options, action):
    lambda_stub.add_response("get_policy", get_policy(*([stored] if stored else [aws_statement(Sid="other")])), HELLO)
    if not check_mode and action in ("updated", "deleted"):
        lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId="s1", RevisionId="rev-1"))
    if not check_mode and action in ("added", "updated"):
        lambda_stub.add_response("add_permission", {"Statement": json.dumps(aws_statement())})
    result = run(lambda_stub, check_mode=check_mode, **options)
    assert result["ansible_facts"] == {"lambda_policy_action": action}
    assert result["changed"] is (action != "none")
