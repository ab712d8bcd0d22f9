# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_resource_policy against botocore's Stubber (neither moto nor LocalStack 2026.3.0 has these operations)."""

import json

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_resource_policy as module_under_test
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.resource_policy import (
    ResourcePolicy,
    policy_text,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:hello"
ALIAS = FUNCTION + ":live"
R1 = "11111111-2222-4333-8444-555555555555"
R2 = "66666666-7777-4888-8999-aaaaaaaaaaaa"
PARTNER = {"Sid": "partner", "Effect": "Allow", "Principal": {"AWS": "210987654321"},
           "Action": ["lambda:InvokeFunction"], "Resource": ALIAS}
S3 = {"Sid": "s3", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "lambda:InvokeFunction",
      "Resource": ALIAS, "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::uploads"}}}
DOCUMENT = {"Version": "2012-10-17", "Statement": [PARTNER, S3]}
# DOCUMENT as AWS might store it: statements and keys in another order, single values for one-item lists, the
# account as its root ARN, the condition key in another case, and an Id AWS added.
STORED = {"Id": "default", "Statement": [
    {"Resource": ALIAS, "Condition": {"ArnLike": {"aws:sourcearn": ["arn:aws:s3:::uploads"]}}, "Action": ["lambda:InvokeFunction"],
     "Principal": {"Service": ["s3.amazonaws.com"]}, "Effect": "Allow", "Sid": "s3"},
    {"Sid": "partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
     "Action": "lambda:InvokeFunction", "Resource": [ALIAS]}], "Version": "2012-10-17"}


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(resource_arn=ALIAS, policy=json.dumps(DOCUMENT))
    values.update(options)
    return values


def run(stub, check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode, diff=True)
    assert ResourcePolicy.validate(task.params) == []
    return ResourcePolicy.run(task, LambdaClient(task, client=stub.client))


def stored(stub, document, revision=R1, arn=ALIAS):
    stub.add_response("get_resource_policy", {"Policy": json.dumps(document), "RevisionId": revision},
                      {"ResourceArn": arn})


def no_policy(stub, arn=ALIAS):
    stub.add_client_error("get_resource_policy", "ResourceNotFoundException", "No policy is associated with the "
                          "given resource.", 404, expected_params={"ResourceArn": arn})


def put(stub, document, revision=None, answer_revision=R2, arn=ALIAS):
    expected = {"ResourceArn": arn, "Policy": policy_text(document)}
    if revision:
        expected["RevisionId"] = revision
    stub.add_response("put_resource_policy", {"Policy": json.dumps(document), "RevisionId": answer_revision},
                      expected)


# ------------------------------------------------------------------ bad input, before any request

@pytest.mark.parametrize("options, start", [
    ({"policy": "{not json"}, "policy: not JSON (Expecting property name"),
    ({"policy": "[1, 2]"}, "policy: a JSON list, not a policy document"),
    ({"policy": json.dumps({"Version": "2012-10-17"})}, "policy: its Statement must be a list of statement objects"),
    ({"policy": json.dumps({"Statement": PARTNER})}, "policy: its Statement must be a list of statement objects"),
    ({"policy": json.dumps({"Statement": ["x"]})}, "policy: its Statement must be a list of statement objects"),
    ({"policy": json.dumps({"Statement": []})},
     "policy: its Statement list is empty; to remove the whole policy use state=absent."),
    ({"policy": json.dumps({"Statement": [dict(PARTNER, Sid="x" * 20480)]})}, "policy: 20"),
    ({"policy": None}, "policy: required with state=present"),
    ({"state": "absent"}, "policy: not taken with state=absent"),
    ({"resource_arn": FUNCTION + ":*"}, "resource_arn: %s:* is not the ARN of a Lambda function" % FUNCTION),
    ({"resource_arn": "hello"}, "resource_arn: hello is not the ARN of a Lambda function"),
    ({"resource_arn": "arn:aws:s3:::uploads"}, "resource_arn: arn:aws:s3:::uploads is not the ARN"),
    ({"resource_arn": None, "function_name": "hello world"}, "function_name: hello world is not a function name"),
    ({"resource_arn": None, "function_name": "hello", "qualifier": 0}, "qualifier: 0 is not a version"),
    ({"resource_arn": None, "function_name": "hello", "qualifier": True}, "qualifier: True is not a version or alias"),
    ({"resource_arn": None, "function_name": "hello", "qualifier": "a b"}, "qualifier: a b is not a version number"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = ResourcePolicy.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


@pytest.mark.parametrize("arn", [FUNCTION, ALIAS, FUNCTION + ":3", FUNCTION + ":$LATEST", FUNCTION + ":$LATEST.PUBLISHED",
                                 "arn:aws:lambda:us-east-1:123456789012:runtime/my-runtime",
                                 "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:hello"])
def test_validate_takes_the_arns_of_the_models_pattern(arn):
    assert ResourcePolicy.validate(params(resource_arn=arn)) == []


def test_bad_input_fails_before_any_request(run_main):
    """No answer is queued: a request would fail the test (the Stubber refuses it)."""
    code, result = run_main(module_under_test, resource_arn=ALIAS, policy='{"Statement": "nope"}')
    assert code == 1 and result["failed"] and not result.get("changed")
    assert result["msg"].startswith("policy: its Statement must be a list")


def test_both_or_neither_resource_arn_and_function_name_are_refused(run_main):
    code, result = run_main(module_under_test, resource_arn=ALIAS, function_name="hello", policy=DOCUMENT)
    assert code == 1 and "mutually exclusive" in result["msg"]
    code, result = run_main(module_under_test, policy=DOCUMENT)
    assert code == 1 and "one of the following is required: resource_arn, function_name" in result["msg"]
    code, result = run_main(module_under_test, resource_arn=ALIAS, qualifier="live", policy=DOCUMENT)
    assert code == 1 and "missing parameter(s) required by 'qualifier': function_name" in result["msg"]


# ------------------------------------------------------------------ converging

def test_create_puts_without_revision(lambda_stub):
    no_policy(lambda_stub)
    put(lambda_stub, DOCUMENT)
    result = run(lambda_stub)
    assert result["changed"]
    assert result["policy"] == DOCUMENT and result["revision_id"] == R2 and result["resource_arn"] == ALIAS
    assert result["diff"] == {"before": {}, "after": {"policy": DOCUMENT}}


def test_policy_given_as_a_dictionary_is_the_same(run_main, lambda_stub):
    no_policy(lambda_stub)
    put(lambda_stub, DOCUMENT)
    code, result = run_main(module_under_test, resource_arn=ALIAS, policy=DOCUMENT)
    assert code == 0 and result["changed"] and result["policy"] == DOCUMENT


def test_same_document_in_another_form_is_one_get(lambda_stub):
    stored(lambda_stub, STORED)
    result = run(lambda_stub)
    assert not result["changed"]
    assert result["policy"] == STORED and result["revision_id"] == R1
    assert result["diff"] == {"before": {}, "after": {}}


def test_changed_statement_puts_with_the_revision_read(lambda_stub):
    before = dict(STORED, Statement=[STORED["Statement"][1]])
    stored(lambda_stub, before)
    put(lambda_stub, DOCUMENT, revision=R1)
    result = run(lambda_stub)
    assert result["changed"] and result["revision_id"] == R2 and result["policy"] == DOCUMENT
    assert result["diff"] == {"before": {"policy": before}, "after": {"policy": DOCUMENT}}


@pytest.mark.parametrize("change", [
    {"Effect": "Deny"},
    {"Action": ["lambda:InvokeFunction", "lambda:GetFunction"]},
    {"Principal": {"AWS": "111122223333"}},
    {"Resource": FUNCTION},
    {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}},
])
def test_any_other_difference_is_a_put(lambda_stub, change):
    wanted = dict(DOCUMENT, Statement=[dict(PARTNER, **change), S3])
    stored(lambda_stub, STORED)
    put(lambda_stub, wanted, revision=R1)
    assert run(lambda_stub, policy=json.dumps(wanted))["changed"]


def test_a_statement_added_elsewhere_is_replaced(lambda_stub):
    """A statement lambda_policy (AddPermission) added is not in the document: the Put removes it."""
    added = {"Sid": "added-by-lambda-policy", "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
             "Action": "lambda:InvokeFunction", "Resource": ALIAS}
    stored(lambda_stub, dict(STORED, Statement=STORED["Statement"] + [added]))
    put(lambda_stub, DOCUMENT, revision=R1)
    assert run(lambda_stub)["changed"]


def test_a_version_given_is_compared(lambda_stub):
    stored(lambda_stub, STORED)
    wanted = dict(DOCUMENT, Version="2008-10-17")
    put(lambda_stub, wanted, revision=R1)
    assert run(lambda_stub, policy=json.dumps(wanted))["changed"]


def test_check_mode_sends_only_the_get(lambda_stub):
    no_policy(lambda_stub)
    stored(lambda_stub, dict(STORED, Statement=[STORED["Statement"][0]]))
    stored(lambda_stub, STORED)
    created = run(lambda_stub, check_mode=True)
    assert created["changed"] and created["policy"] == DOCUMENT and created["revision_id"] is None
    assert created["diff"] == {"before": {}, "after": {"policy": DOCUMENT}}
    updated = run(lambda_stub, check_mode=True)
    assert updated["changed"] and updated["policy"] == DOCUMENT and updated["revision_id"] is None
    assert updated["diff"]["before"] == {"policy": dict(STORED, Statement=[STORED["Statement"][0]])}
    removed = run(lambda_stub, check_mode=True, state="absent", policy=None)
    assert removed["changed"] and removed["policy"] is None and removed["revision_id"] is None
    assert removed["diff"] == {"before": {"policy": STORED}, "after": {}}


def test_absent_deletes_with_the_revision_read(lambda_stub):
    stored(lambda_stub, STORED)
    lambda_stub.add_response("delete_resource_policy", {}, {"ResourceArn": ALIAS, "RevisionId": R1})
    result = run(lambda_stub, state="absent", policy=None)
    assert result["changed"] and result["policy"] is None and result["revision_id"] is None
    assert result["diff"] == {"before": {"policy": STORED}, "after": {}}


def test_absent_without_a_policy_is_no_change(lambda_stub):
    no_policy(lambda_stub)
    result = run(lambda_stub, state="absent", policy=None)
    assert not result["changed"] and result["policy"] is None
    assert result["diff"] == {"before": {}, "after": {}}


def test_function_name_reads_the_functions_arn(lambda_stub):
    lambda_stub.add_response("get_function_configuration", {"FunctionName": "hello", "FunctionArn": ALIAS},
                             {"FunctionName": "hello", "Qualifier": "live"})
    stored(lambda_stub, STORED)
    result = run(lambda_stub, resource_arn=None, function_name="hello", qualifier="live")
    assert not result["changed"] and result["resource_arn"] == ALIAS


def test_function_name_with_a_version_number(lambda_stub):
    lambda_stub.add_response("get_function_configuration", {"FunctionName": "hello", "FunctionArn": FUNCTION + ":3"},
                             {"FunctionName": "hello", "Qualifier": "3"})
    no_policy(lambda_stub, arn=FUNCTION + ":3")
    put(lambda_stub, DOCUMENT, arn=FUNCTION + ":3")
    assert run(lambda_stub, resource_arn=None, function_name="hello", qualifier=3)["resource_arn"] == FUNCTION + ":3"


def test_missing_function_fails_before_any_change(lambda_stub):
    lambda_stub.add_client_error("get_function_configuration", "ResourceNotFoundException", "Function not found", 404,
                                 expected_params={"FunctionName": "hello"})
    with pytest.raises(InvalidInput) as refused:
        run(lambda_stub, resource_arn=None, function_name="hello")
    assert refused.value.msg.startswith("function_name: the function hello does not exist.")


def test_put_on_a_resource_that_does_not_exist_says_so(lambda_stub):
    no_policy(lambda_stub)
    lambda_stub.add_client_error("put_resource_policy", "ResourceNotFoundException", "Function not found", 404)
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub)
    assert failed.value.msg.startswith("resource_arn: AWS has no %s to put the policy on" % ALIAS)


@pytest.mark.parametrize("state, operation", [("present", "put_resource_policy"), ("absent", "delete_resource_policy")])
def test_a_policy_changed_meanwhile_fails_saying_so(run_main, lambda_stub, state, operation):
    """412: someone changed the policy after the read; the task fails (it does not read again and overwrite)."""
    stored(lambda_stub, dict(STORED, Statement=[STORED["Statement"][0]]))
    lambda_stub.add_client_error(operation, "PreconditionFailedException", "The Revision Id provided does not match "
                                 "the latest Revision Id.", 412)
    args = dict(resource_arn=ALIAS, state=state, retry_max_attempts=1)
    if state == "present":
        args["policy"] = DOCUMENT
    code, result = run_main(module_under_test, **args)
    name = "PutResourcePolicy" if state == "present" else "DeleteResourcePolicy"
    assert code == 1 and not result["changed"]
    assert result["msg"].startswith("The resource policy of %s was changed by someone else while this task ran "
                                    "(after it read revision %s), so %s was refused and nothing was overwritten."
                                    % (ALIAS, R1, name)), result["msg"]
    assert result["operation"] == name and result["error"]["code"] == "PreconditionFailedException"
    assert "exception" not in result
