# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import json

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import (
    add_permission_parameters,
    canonical_action,
    comparable_statement,
    conditions_of,
    find_statement,
    parse_policy,
    policy_resource,
    principal_kind,
    principal_of,
    same_document,
    stored_form,
)

RESOURCE = "arn:aws:lambda:us-east-1:123456789012:function:hello"
ROLE = "arn:aws:iam::111122223333:role/caller"


def statement(**fields):
    """A statement as GetPolicy holds it (AWS's form unless the test says otherwise)."""
    base = dict(Sid="s1", Effect="Allow", Action="lambda:InvokeFunction", Resource=RESOURCE,
                Principal={"Service": "s3.amazonaws.com"})
    base.update(fields)
    return base


# ------------------------------------------------------------------ principals

@pytest.mark.parametrize("stored, expected", [
    # AWS's forms
    ({"Service": "s3.amazonaws.com"}, "s3.amazonaws.com"),
    ({"Service": "alexa-appkit.amazon.com"}, "alexa-appkit.amazon.com"),
    ({"AWS": "arn:aws:iam::111122223333:root"}, "111122223333"),
    ({"AWS": "arn:aws-cn:iam::111122223333:root"}, "111122223333"),
    ({"AWS": ROLE}, ROLE),
    ({"AWS": "arn:aws:iam::111122223333:user/ops"}, "arn:aws:iam::111122223333:user/ops"),
    ("*", "*"),
    ({"AWS": "*"}, "*"),
    ({"AWS": ["arn:aws:iam::111122223333:root"]}, "111122223333"),
    # the local endpoint's (moto 5.2.5) forms
    ("111122223333", "111122223333"),
    (ROLE, ROLE),
    ("alexa-appkit.amazon.com", "alexa-appkit.amazon.com"),
    (["s3.amazonaws.com"], "s3.amazonaws.com"),
])
def test_every_stored_principal_form_gives_the_string_a_user_writes(stored, expected):
    assert principal_of(stored) == expected


def test_account_id_and_its_root_arn_compare_equal_in_either_direction():
    as_id = comparable_statement(statement(Principal="111122223333"))
    as_arn = comparable_statement(statement(Principal={"AWS": "arn:aws:iam::111122223333:root"}))
    assert as_id == as_arn


def test_several_principals_never_equal_one():
    assert principal_of({"AWS": ["111122223333", "222233334444"]}) == ["111122223333", "222233334444"]


@pytest.mark.parametrize("principal, kind", [
    ("*", "any"),
    ("111122223333", "account"),
    ("arn:aws:iam::111122223333:root", "account"),
    (ROLE, "iam"),
    ("arn:aws:sts::111122223333:assumed-role/caller/session", "iam"),
    ("s3.amazonaws.com", "service"),
    ("alexa-appkit.amazon.com", "service"),
    ("my-role", None),
    ("12345", None),
    ("1234567890123", None),
    ("arn:aws:s3:::bucket", None),
    ("arn:aws:iam::12345:role/x", None),
    ("S3.AMAZONAWS.COM", None),
    ("", None),
    (None, None),
])
def test_principal_kind(principal, kind):
    assert principal_kind(principal) == kind


# ------------------------------------------------------------------ actions

@pytest.mark.parametrize("action, expected", [
    ("lambda:InvokeFunction", "lambda:InvokeFunction"),
    ("InvokeFunction", "lambda:InvokeFunction"),
    ("Lambda:InvokeFunction", "lambda:InvokeFunction"),
    ("lambda:InvokeFunctionUrl", "lambda:InvokeFunctionUrl"),
    ("lambda:*", "lambda:*"),
    ("*", "*"),
    (["lambda:InvokeFunction"], "lambda:InvokeFunction"),
])
def test_action_forms(action, expected):
    assert canonical_action(action) == expected


def test_short_and_long_action_compare_equal():
    assert comparable_statement(statement(Action="InvokeFunction")) == comparable_statement(statement())


# ------------------------------------------------------------------ conditions

@pytest.mark.parametrize("condition, expected", [
    ({"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::b"}}, {"SourceArn": "arn:aws:s3:::b"}),
    ({"StringEquals": {"AWS:SourceAccount": "123456789012"}}, {"SourceAccount": "123456789012"}),
    ({"StringEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}}, {"PrincipalOrgID": "o-abcdefghij"}),
    ({"StringEquals": {"lambda:EventSourceToken": "amzn1.ask.skill.x"}}, {"EventSourceToken": "amzn1.ask.skill.x"}),
    ({"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}}, {"FunctionUrlAuthType": "NONE"}),
    # condition keys are case-insensitive, single values may come as one-item lists
    ({"ArnLike": {"aws:sourcearn": ["arn:aws:s3:::b"]}}, {"SourceArn": "arn:aws:s3:::b"}),
    ({"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::b"}, "StringEquals": {"AWS:SourceAccount": "123456789012"}},
     {"SourceArn": "arn:aws:s3:::b", "SourceAccount": "123456789012"}),
    ({"StringEquals": {"AWS:SourceAccount": "123456789012", "aws:PrincipalOrgID": "o-abcdefghij"}},
     {"SourceAccount": "123456789012", "PrincipalOrgID": "o-abcdefghij"}),
    # AWS stores InvokedViaFunctionUrl as the text "true" under Bool; read as a boolean, false as no condition
    ({"Bool": {"lambda:InvokedViaFunctionUrl": "true"}}, {"InvokedViaFunctionUrl": True}),
    ({"Bool": {"lambda:invokedviafunctionurl": ["TRUE"]}}, {"InvokedViaFunctionUrl": True}),
    ({"Bool": {"lambda:InvokedViaFunctionUrl": "false"}}, {}),
    # under another operator it is not the condition AddPermission sets
    ({"StringEquals": {"lambda:InvokedViaFunctionUrl": "true"}}, {"InvokedViaFunctionUrl": "true"}),
    # a condition AddPermission cannot set is kept, so such a statement never equals the options
    ({"Bool": {"aws:SecureTransport": "true"}}, {"bool:aws:securetransport": "true"}),
    (None, {}),
])
def test_every_condition_is_read_by_option_name(condition, expected):
    fields = {} if condition is None else {"Condition": condition}
    assert conditions_of(statement(**fields)) == expected


def test_function_url_auth_type_as_the_local_endpoint_stores_it():
    # moto 5.2.5 keeps it as a top-level key instead of a condition
    moto = statement(Principal="*", Action="lambda:InvokeFunctionUrl", FunctionUrlAuthType="NONE")
    aws = statement(Principal="*", Action="lambda:InvokeFunctionUrl",
                    Condition={"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}})
    assert comparable_statement(moto) == comparable_statement(aws) == dict(
        Action="lambda:InvokeFunctionUrl", Principal="*", Conditions={"FunctionUrlAuthType": "NONE"})


def test_invoked_via_function_url_as_the_local_endpoint_stores_it():
    # moto 5.2.5 keeps it as a top-level JSON boolean instead of a condition
    moto = statement(Principal="*", Action="lambda:InvokeFunction", InvokedViaFunctionUrl=True)
    aws = statement(Principal="*", Action="lambda:InvokeFunction",
                    Condition={"Bool": {"lambda:InvokedViaFunctionUrl": "true"}})
    assert comparable_statement(moto) == comparable_statement(aws) == dict(
        Action="lambda:InvokeFunction", Principal="*", Conditions={"InvokedViaFunctionUrl": True})
    assert comparable_statement(statement(Principal="*", InvokedViaFunctionUrl=False))["Conditions"] == {}


def test_comparable_statement_of_none_is_none():
    assert comparable_statement(None) is None


# ------------------------------------------------------------------ policy documents

def test_parse_policy_reads_the_json_string_and_the_revision():
    document = {"Version": "2012-10-17", "Statement": [statement()]}
    assert parse_policy({"Policy": json.dumps(document), "RevisionId": "r1"}) == (document, "r1")


def test_no_policy_is_an_empty_document_without_revision():
    assert parse_policy(None) == ({}, None)


def test_find_statement_by_sid():
    document = {"Statement": [statement(Sid="a"), statement(Sid="b", Action="lambda:GetFunction")]}
    assert find_statement(document, "b")["Action"] == "lambda:GetFunction"
    assert find_statement(document, "c") is None
    assert find_statement({}, "a") is None
    assert find_statement({"Statement": statement(Sid="only")}, "only")["Sid"] == "only"


def test_policy_resource():
    assert policy_resource({"Statement": [statement()]}) == RESOURCE
    assert policy_resource({}) is None


# ------------------------------------------------------------------ requests and predictions

def test_add_permission_parameters_are_flat():
    desired = dict(Action="lambda:InvokeFunction", Principal="s3.amazonaws.com",
                   Conditions={"SourceArn": "arn:aws:s3:::b", "SourceAccount": "123456789012"})
    assert add_permission_parameters(desired) == dict(
        Action="lambda:InvokeFunction", Principal="s3.amazonaws.com",
        SourceArn="arn:aws:s3:::b", SourceAccount="123456789012")


@pytest.mark.parametrize("principal, stored", [
    ("s3.amazonaws.com", {"Service": "s3.amazonaws.com"}),
    ("111122223333", {"AWS": "arn:aws:iam::111122223333:root"}),
    (ROLE, {"AWS": ROLE}),
    ("*", "*"),
])
def test_stored_form_predicts_awss_form_and_reads_back_equal(principal, stored):
    desired = dict(Action="lambda:InvokeFunction", Principal=principal, Conditions={
        "SourceArn": "arn:aws:s3:::b", "SourceAccount": "123456789012", "PrincipalOrgID": "o-abcdefghij",
        "EventSourceToken": "t", "FunctionUrlAuthType": "AWS_IAM", "InvokedViaFunctionUrl": True})
    predicted = stored_form("s1", desired, RESOURCE)
    assert predicted["Principal"] == stored
    assert predicted["Resource"] == RESOURCE
    assert predicted["Condition"] == {
        "ArnLike": {"AWS:SourceArn": "arn:aws:s3:::b"},
        "StringEquals": {"AWS:SourceAccount": "123456789012", "aws:PrincipalOrgID": "o-abcdefghij",
                         "lambda:EventSourceToken": "t", "lambda:FunctionUrlAuthType": "AWS_IAM"},
        "Bool": {"lambda:InvokedViaFunctionUrl": "true"}}
    assert comparable_statement(predicted) == desired


def test_stored_form_takes_the_partition_from_the_resource_and_leaves_out_what_is_unknown():
    desired = dict(Action="lambda:InvokeFunction", Principal="111122223333", Conditions={})
    predicted = stored_form("s1", desired, "arn:aws-cn:lambda:cn-north-1:123456789012:function:hello")
    assert predicted["Principal"] == {"AWS": "arn:aws-cn:iam::111122223333:root"}
    assert "Condition" not in predicted
    assert "Resource" not in stored_form("s1", desired)


# ------------------------------------------------------------------ whole documents (lambda_resource_policy)

WHOLE = {"Version": "2012-10-17", "Statement": [
    {"Sid": "a", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "lambda:InvokeFunction",
     "Resource": RESOURCE},
    {"Sid": "b", "Effect": "Allow", "Principal": "*", "Action": ["lambda:InvokeFunctionUrl"], "Resource": RESOURCE,
     "Condition": {"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}}},
]}


def _with(index, **fields):
    document = json.loads(json.dumps(WHOLE))
    document["Statement"][index].update(fields)
    return document


@pytest.mark.parametrize("current", [
    WHOLE,
    dict(WHOLE, Statement=list(reversed(WHOLE["Statement"]))),
    _with(0, Principal={"AWS": ["arn:aws:iam::111122223333:root"]}),
    _with(0, Action=["lambda:InvokeFunction"], Resource=[RESOURCE]),
    _with(0, Action="Lambda:InvokeFunction"),
    _with(1, Principal={"AWS": "*"}),
    _with(1, Condition={"StringEquals": {"Lambda:FunctionUrlAuthType": ["NONE"]}}),
    dict(WHOLE, Id="default"),
    {"Statement": WHOLE["Statement"], "Id": "default", "Version": "2012-10-17"},
])
def test_same_document_reads_as_iam_does(current):
    assert same_document(current, WHOLE)


@pytest.mark.parametrize("current", [
    _with(0, Effect="Deny"),
    _with(0, Sid="other"),
    _with(0, Principal={"Service": "111122223333"}),
    _with(0, Action=["lambda:InvokeFunction", "lambda:GetFunction"]),
    _with(0, Resource=RESOURCE + ":live"),
    _with(1, Condition={"StringLike": {"lambda:FunctionUrlAuthType": "NONE"}}),
    _with(1, Condition={"StringEquals": {"lambda:FunctionUrlAuthType": "AWS_IAM"}}),
    dict(WHOLE, Statement=WHOLE["Statement"][:1]),
    dict(WHOLE, Statement=WHOLE["Statement"] + [dict(WHOLE["Statement"][0], Sid="c")]),
    dict(WHOLE, Version="2008-10-17"),
])
def test_other_documents_differ(current):
    assert not same_document(current, WHOLE)


def test_boolean_condition_values_compare_with_their_text():
    desired = _with(1, Condition={"Bool": {"lambda:InvokedViaFunctionUrl": True}})
    assert same_document(_with(1, Condition={"Bool": {"lambda:InvokedViaFunctionUrl": "true"}}), desired)
    assert not same_document(_with(1, Condition={"Bool": {"lambda:InvokedViaFunctionUrl": "false"}}), desired)
