# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_function_url: the function URL resource against botocore's Stubber (every request and answer is checked
against the service model), and its local checks."""

import json

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient, model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import function_url
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function_url import FunctionUrl
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_function_url as module_under_test
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    FUNCTION_ARN,
    count_calls,
    function_configuration,
)

URL = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/"
CREATED = "2025-01-31T12:00:00.123456Z"
MODIFIED = "2025-02-01T08:30:00.654321Z"
HELLO = {"FunctionName": "hello"}
LIVE = {"FunctionName": "hello", "Qualifier": "live"}
NOT_FOUND = ("ResourceNotFoundException", "The resource you requested does not exist.")
PUBLIC_ACCESS = "FunctionURLAllowPublicAccess"
INVOKE_ACTION = "FunctionURLAllowInvokeAction"


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(function_name="hello")
    values.update(options)
    return values


def url_config(arn=FUNCTION_ARN, auth="AWS_IAM", cors=None, invoke_mode="BUFFERED", modified=MODIFIED):
    """A GetFunctionUrlConfig / UpdateFunctionUrlConfig answer."""
    answer = dict(FunctionUrl=URL, FunctionArn=arn, AuthType=auth, CreationTime=CREATED, LastModifiedTime=modified)
    if cors is not None:
        answer["Cors"] = cors
    if invoke_mode is not None:
        answer["InvokeMode"] = invoke_mode
    return answer


def created(arn=FUNCTION_ARN, auth="NONE", cors=None, invoke_mode="BUFFERED"):
    """A CreateFunctionUrlConfig answer (it has no LastModifiedTime)."""
    answer = url_config(arn, auth, cors, invoke_mode)
    del answer["LastModifiedTime"]
    return answer


def public_statements(resource=FUNCTION_ARN):
    """The two statements of a public URL as AWS stores them."""
    return [
        dict(Sid=PUBLIC_ACCESS, Effect="Allow", Principal="*", Action="lambda:InvokeFunctionUrl", Resource=resource,
             Condition={"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}}),
        dict(Sid=INVOKE_ACTION, Effect="Allow", Principal="*", Action="lambda:InvokeFunction", Resource=resource,
             Condition={"Bool": {"lambda:InvokedViaFunctionUrl": "true"}}),
    ]


OTHER = dict(Sid="s3-uploads", Effect="Allow", Principal={"Service": "s3.amazonaws.com"},
             Action="lambda:InvokeFunction", Resource=FUNCTION_ARN,
             Condition={"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::uploads"}})


def get_policy(*statements, revision="rev-1"):
    return {"Policy": json.dumps({"Version": "2012-10-17", "Id": "default", "Statement": list(statements)}),
            "RevisionId": revision}


def no_url(stub, key=None):
    stub.add_client_error("get_function_url_config", NOT_FOUND[0], NOT_FOUND[1], 404, expected_params=key or HELLO)


def no_policy(stub, key=None):
    stub.add_client_error("get_policy", NOT_FOUND[0], NOT_FOUND[1], 404, expected_params=key or HELLO)


def add_permission(stub, statement, key=None, **conditions):
    request = dict(key or HELLO, StatementId=statement["Sid"], Action=statement["Action"], Principal="*", **conditions)
    stub.add_response("add_permission", {"Statement": json.dumps(statement)}, request)


def add_public_statements(stub, key=None, resource=FUNCTION_ARN):
    access, invoke = public_statements(resource)
    add_permission(stub, access, key, FunctionUrlAuthType="NONE")
    add_permission(stub, invoke, key, InvokedViaFunctionUrl=True)


def make_task(check_mode=False, diff=True, **options):
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    assert FunctionUrl.validate(task.params) == []
    return task


def run(stub, check_mode=False, diff=True, **options):
    task = make_task(check_mode, diff, **options)
    return FunctionUrl.run(task, LambdaClient(task, client=stub.client)), task.warnings


# ------------------------------------------------------------------ options

def test_documentation_options_match_the_argument_spec():
    import yaml

    documented = yaml.safe_load(module_under_test.DOCUMENTATION)["options"]
    assert set(documented) == set(function_url.ARGUMENT_SPEC)
    assert set(documented["cors"]["suboptions"]) == set(function_url.ARGUMENT_SPEC["cors"]["options"])
    for name in ("auth_type", "invoke_mode", "state"):
        assert documented[name]["choices"] == function_url.ARGUMENT_SPEC[name]["choices"]


@pytest.mark.parametrize("option, shape", [("auth_type", "FunctionUrlAuthType"), ("invoke_mode", "InvokeMode")])
def test_written_out_choices_are_the_models(option, shape):
    assert model_enum(shape)
    assert sorted(function_url.ARGUMENT_SPEC[option]["choices"]) == sorted(model_enum(shape))


def test_the_cors_members_are_the_models():
    from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import service_model

    members = set(service_model().shape_for("Cors").members)
    assert members == set(member for _option, member in function_url.CORS_MEMBERS) == set(function_url.CORS_DEFAULTS)


@pytest.mark.parametrize("options, start", [
    ({"qualifier": 3}, "qualifier: 3 is a version number, and AWS puts function URLs on an alias"),
    ({"qualifier": "3"}, "qualifier: 3 is a version number"),
    ({"qualifier": "03"}, "qualifier: 3 is a version number"),
    ({"qualifier": 0}, "qualifier: 0 is a version number"),
    ({"qualifier": True}, "qualifier: True is not an alias name"),
    ({"qualifier": ["live"]}, "qualifier: ['live'] is not an alias name"),
    ({"qualifier": "has space"}, "qualifier: has space is not an alias name"),
    ({"qualifier": "x" * 129}, "qualifier: " + "x" * 129 + " is not an alias name"),
    ({"qualifier": 3, "state": "absent"}, "qualifier: 3 is a version number"),
    ({"function_name": "hello:live"}, "function_name: hello:live is not a function name or ARN"),
    ({"function_name": FUNCTION_ARN + ":live"}, "function_name: "),
    ({"function_name": "hello world"}, "function_name: hello world is not"),
    ({"cors": {"max_age": 86401}}, "cors.max_age: 86401 is out of range; AWS allows 0 to 86400 seconds."),
    ({"cors": {"max_age": -1}}, "cors.max_age: -1 is out of range"),
    ({"cors": {"allow_methods": ["GET", "PUT", "HEAD", "POST", "PATCH", "DELETE", "*"]}},
     "cors.allow_methods: 7 values; AWS takes at most 6."),
    ({"cors": {"allow_methods": ["OPTIONS"]}}, "cors.allow_methods: 'OPTIONS' is not 0 to 6 characters long."),
    ({"cors": {"allow_origins": [""]}}, "cors.allow_origins: '' is not 1 to 253 characters long."),
    ({"cors": {"allow_origins": ["https://" + "a" * 250]}}, "cors.allow_origins: "),
    ({"cors": {"allow_headers": ["h%d" % n for n in range(101)]}}, "cors.allow_headers: 101 values; AWS takes at most 100"),
    ({"cors": {"expose_headers": ["x" * 1025]}}, "cors.expose_headers: "),
])
def test_validate_names_the_wrong_option(options, start):
    errors = FunctionUrl.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


@pytest.mark.parametrize("value, alias", [(None, None), ("$LATEST", None), (" $LATEST ", None), ("live", "live"),
                                          ("v2-live_1", "v2-live_1")])
def test_qualifier_forms(value, alias):
    assert FunctionUrl.validate(params(qualifier=value)) == []
    assert function_url.qualifier_of(value) == alias


@pytest.mark.parametrize("options", [
    {"function_name": FUNCTION_ARN}, {"function_name": "123456789012:function:hello"},
    {"cors": {"max_age": 0, "allow_methods": ["*"], "allow_origins": ["*"], "allow_headers": []}},
    {"cors": {"max_age": 86400}},
])
def test_validate_accepts_valid_options(options):
    assert FunctionUrl.validate(params(**options)) == []


def test_cors_lists_compare_as_sets_and_header_names_without_case():
    desired = function_url.desired_cors(dict(allow_headers=["X-Custom", "Content-Type", "x-custom"], allow_methods=[
        "POST", "GET"], allow_origins=["https://b.example", "https://a.example"], expose_headers=None,
        allow_credentials=None, max_age=None))
    assert desired == dict(AllowHeaders=["content-type", "x-custom"], AllowMethods=["GET", "POST"],
                           AllowOrigins=["https://a.example", "https://b.example"], ExposeHeaders=None,
                           AllowCredentials=None, MaxAge=None)
    # methods and origins are compared as written
    assert function_url.canonical_list("AllowMethods", ["get"]) != function_url.canonical_list("AllowMethods", ["GET"])


@pytest.mark.parametrize("answer", [{}, {"Cors": {}}, {"Cors": {"AllowOrigins": []}}])
def test_a_url_without_cors_reads_as_awss_defaults(answer):
    current = function_url.current_url(dict(url_config(invoke_mode=None), **answer))
    assert current["Cors"] == dict(AllowCredentials=False, AllowHeaders=[], AllowMethods=[], AllowOrigins=[],
                                   ExposeHeaders=[], MaxAge=0)
    assert current["InvokeMode"] == "BUFFERED"


# ------------------------------------------------------------------ unchanged

def test_an_unchanged_private_url_costs_two_reads(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(), HELLO)
    lambda_stub.add_response("get_policy", get_policy(OTHER), HELLO)
    result, warnings = run(lambda_stub, auth_type="AWS_IAM", invoke_mode="BUFFERED")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy"]
    assert result == dict(changed=False, function_url=URL, function_arn=FUNCTION_ARN, qualifier="$LATEST",
                          auth_type="AWS_IAM", invoke_mode="BUFFERED", creation_time=CREATED,
                          last_modified_time=MODIFIED, public_statements=[], diff={"before": {}, "after": {}},
                          cors=dict(allow_credentials=False, allow_headers=[], allow_methods=[], allow_origins=[],
                                    expose_headers=[], max_age=0))
    assert warnings == []


def test_an_unchanged_public_url_costs_two_reads_and_warns(lambda_stub):
    sent = count_calls(lambda_stub.client)
    stored_cors = dict(AllowHeaders=["content-type", "x-custom"], AllowMethods=["GET", "POST"],
                       AllowOrigins=["https://www.example.com"], MaxAge=300)
    lambda_stub.add_response("get_function_url_config", url_config(auth="NONE", cors=stored_cors), HELLO)
    lambda_stub.add_response("get_policy", get_policy(OTHER, *public_statements()), HELLO)
    result, warnings = run(lambda_stub, auth_type="NONE", cors=dict(
        allow_headers=["X-Custom", "Content-Type"], allow_methods=["POST", "GET", "GET"],
        allow_origins=["https://www.example.com"], max_age=300, allow_credentials=False))
    assert sent == ["GetFunctionUrlConfig", "GetPolicy"]
    assert result["changed"] is False
    assert result["public_statements"] == public_statements()
    assert result["cors"]["allow_headers"] == ["content-type", "x-custom"]
    assert len(warnings) == 1
    assert warnings[0].startswith("The function URL of hello has auth_type NONE: anyone on the internet who knows the "
                                  "URL (%s) can invoke the function" % URL)


def test_statements_stored_as_moto_stores_them_are_unchanged(lambda_stub):
    # moto 5.2.5 keeps FunctionUrlAuthType and InvokedViaFunctionUrl as top-level keys
    moto = [dict(Sid=PUBLIC_ACCESS, Effect="Allow", Principal="*", Action="lambda:InvokeFunctionUrl",
                 Resource=FUNCTION_ARN + ":$LATEST", FunctionUrlAuthType="NONE"),
            dict(Sid=INVOKE_ACTION, Effect="Allow", Principal="*", Action="lambda:InvokeFunction",
                 Resource=FUNCTION_ARN + ":$LATEST", InvokedViaFunctionUrl=True)]
    lambda_stub.add_response("get_function_url_config", url_config(auth="NONE"), HELLO)
    lambda_stub.add_response("get_policy", get_policy(*moto), HELLO)
    result, _warnings = run(lambda_stub)
    assert result["changed"] is False and result["auth_type"] == "NONE"


# ------------------------------------------------------------------ create

def test_create_public_reads_the_function_creates_then_adds_both_statements(lambda_stub):
    sent = count_calls(lambda_stub.client)
    no_url(lambda_stub)
    lambda_stub.add_response("get_function_configuration", function_configuration(), HELLO)
    no_policy(lambda_stub)
    lambda_stub.add_response("create_function_url_config", created(cors=dict(AllowHeaders=["X-Custom"])), dict(
        HELLO, AuthType="NONE", Cors=dict(AllowHeaders=["X-Custom"])))
    add_public_statements(lambda_stub)
    result, warnings = run(lambda_stub, auth_type="NONE", cors=dict(allow_headers=["X-Custom"]))
    assert sent == ["GetFunctionUrlConfig", "GetFunctionConfiguration", "GetPolicy", "CreateFunctionUrlConfig",
                    "AddPermission", "AddPermission"]
    assert result["changed"] is True
    assert result["function_url"] == URL and result["creation_time"] == CREATED
    assert result["last_modified_time"] is None
    assert result["cors"]["allow_headers"] == ["x-custom"]
    assert result["public_statements"] == public_statements()
    access = dict(action="lambda:InvokeFunctionUrl", principal="*", conditions={"function_url_auth_type": "NONE"})
    invoke = dict(action="lambda:InvokeFunction", principal="*", conditions={"invoked_via_function_url": True})
    assert result["diff"] == {
        "before": {"public_statements": {PUBLIC_ACCESS: {}, INVOKE_ACTION: {}}},
        "after": {"auth_type": "NONE", "cors": {"allow_headers": ["x-custom"]},
                  "public_statements": {PUBLIC_ACCESS: access, INVOKE_ACTION: invoke}}}
    assert len(warnings) == 1 and "anyone on the internet" in warnings[0]


def test_check_mode_predicts_the_create_and_sends_only_reads(lambda_stub):
    sent = count_calls(lambda_stub.client)
    no_url(lambda_stub, LIVE)
    lambda_stub.add_response("get_function_configuration", function_configuration(
        FunctionArn=FUNCTION_ARN + ":live", Version="3"), LIVE)
    no_policy(lambda_stub, LIVE)
    result, _warnings = run(lambda_stub, check_mode=True, qualifier="live", auth_type="NONE",
                            invoke_mode="RESPONSE_STREAM", cors=dict(allow_origins=["*"]))
    assert sent == ["GetFunctionUrlConfig", "GetFunctionConfiguration", "GetPolicy"]
    assert result["changed"] is True
    assert result["function_url"] is None and result["creation_time"] is None and result["last_modified_time"] is None
    assert result["function_arn"] == FUNCTION_ARN + ":live"
    assert result["qualifier"] == "live" and result["auth_type"] == "NONE" and result["invoke_mode"] == "RESPONSE_STREAM"
    assert result["cors"] == dict(allow_credentials=False, allow_headers=[], allow_methods=[], allow_origins=["*"],
                                  expose_headers=[], max_age=0)
    assert result["public_statements"] == public_statements(FUNCTION_ARN + ":live")


def test_create_on_an_alias_sends_the_qualifier_everywhere(lambda_stub):
    arn = FUNCTION_ARN + ":live"
    no_url(lambda_stub, LIVE)
    lambda_stub.add_response("get_function_configuration", function_configuration(FunctionArn=arn), LIVE)
    no_policy(lambda_stub, LIVE)
    lambda_stub.add_response("create_function_url_config", created(arn), dict(LIVE, AuthType="NONE"))
    add_public_statements(lambda_stub, LIVE, arn)
    result, _warnings = run(lambda_stub, qualifier="live", auth_type="NONE")
    assert result["function_arn"] == arn and result["qualifier"] == "live"


@pytest.mark.parametrize("qualifier", [None, "$LATEST"])
def test_private_create_adds_no_statement(lambda_stub, qualifier):
    sent = count_calls(lambda_stub.client)
    no_url(lambda_stub)
    lambda_stub.add_response("get_function_configuration", function_configuration(), HELLO)
    lambda_stub.add_response("get_policy", get_policy(OTHER), HELLO)
    lambda_stub.add_response("create_function_url_config", created(auth="AWS_IAM"), dict(HELLO, AuthType="AWS_IAM"))
    result, warnings = run(lambda_stub, qualifier=qualifier, auth_type="AWS_IAM")
    assert sent[-1] == "CreateFunctionUrlConfig" and "AddPermission" not in sent
    assert result["public_statements"] == [] and warnings == []
    assert result["diff"] == {"before": {}, "after": {"auth_type": "AWS_IAM"}}


def test_create_needs_auth_type_and_fails_before_any_write(lambda_stub):
    sent = count_calls(lambda_stub.client)
    no_url(lambda_stub)
    lambda_stub.add_response("get_function_configuration", function_configuration(), HELLO)
    no_policy(lambda_stub)
    with pytest.raises(InvalidInput) as failed:
        run(lambda_stub, invoke_mode="BUFFERED")
    assert failed.value.msg.startswith("auth_type: required to create the function URL of hello; give AWS_IAM")
    assert sent == ["GetFunctionUrlConfig", "GetFunctionConfiguration", "GetPolicy"]


@pytest.mark.parametrize("options, key, start", [
    ({}, HELLO, "function_name: the function hello does not exist."),
    ({"qualifier": "live"}, LIVE, "qualifier: the function hello has no alias live"),
])
def test_a_missing_function_or_alias_fails_before_any_write(lambda_stub, options, key, start):
    no_url(lambda_stub, key)
    lambda_stub.add_client_error("get_function_configuration", "ResourceNotFoundException", "Function not found",
                                 404, expected_params=key)
    with pytest.raises(InvalidInput) as failed:
        run(lambda_stub, auth_type="AWS_IAM", **options)
    assert failed.value.msg.startswith(start)


# ------------------------------------------------------------------ update

def test_moving_to_aws_iam_removes_the_statements_first_each_with_its_revision(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(auth="NONE"), HELLO)
    lambda_stub.add_response("get_policy", get_policy(*public_statements()), HELLO)
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId=PUBLIC_ACCESS, RevisionId="rev-1"))
    lambda_stub.add_response("get_policy", get_policy(public_statements()[1], revision="rev-2"), HELLO)
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId=INVOKE_ACTION, RevisionId="rev-2"))
    lambda_stub.add_response("update_function_url_config", url_config(auth="AWS_IAM"), dict(HELLO, AuthType="AWS_IAM"))
    result, warnings = run(lambda_stub, auth_type="AWS_IAM")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy", "RemovePermission", "GetPolicy", "RemovePermission",
                    "UpdateFunctionUrlConfig"]
    assert result["changed"] is True and result["public_statements"] == [] and warnings == []
    assert result["diff"]["before"]["auth_type"] == "NONE" and result["diff"]["after"]["auth_type"] == "AWS_IAM"
    assert result["diff"]["after"]["public_statements"] == {PUBLIC_ACCESS: {}, INVOKE_ACTION: {}}
    assert set(result["diff"]["before"]["public_statements"]) == {PUBLIC_ACCESS, INVOKE_ACTION}


def test_check_mode_predicts_the_move_to_aws_iam(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(auth="NONE"), HELLO)
    lambda_stub.add_response("get_policy", get_policy(*public_statements()), HELLO)
    result, _warnings = run(lambda_stub, check_mode=True, auth_type="AWS_IAM")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy"]
    assert result["changed"] is True and result["public_statements"] == [] and result["auth_type"] == "AWS_IAM"
    assert result["function_url"] == URL and result["last_modified_time"] is None


def test_moving_to_none_updates_first_then_adds_the_statements(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(auth="AWS_IAM"), HELLO)
    lambda_stub.add_response("get_policy", get_policy(OTHER), HELLO)
    lambda_stub.add_response("update_function_url_config", url_config(auth="NONE"), dict(HELLO, AuthType="NONE"))
    add_public_statements(lambda_stub)
    result, _warnings = run(lambda_stub, auth_type="NONE")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy", "UpdateFunctionUrlConfig", "AddPermission", "AddPermission"]
    assert result["public_statements"] == public_statements()


def test_a_missing_statement_of_a_public_url_is_added_without_touching_the_url(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(auth="NONE"), HELLO)
    lambda_stub.add_response("get_policy", get_policy(public_statements()[0]), HELLO)  # made public before 2025-10
    add_permission(lambda_stub, public_statements()[1], InvokedViaFunctionUrl=True)
    result, _warnings = run(lambda_stub)  # auth_type not given: the statements follow the URL's
    assert sent == ["GetFunctionUrlConfig", "GetPolicy", "AddPermission"]
    assert result["changed"] is True
    assert result["diff"] == {"before": {"public_statements": {INVOKE_ACTION: {}}}, "after": {"public_statements": {
        INVOKE_ACTION: dict(action="lambda:InvokeFunction", principal="*",
                            conditions={"invoked_via_function_url": True})}}}


def test_a_statement_that_differs_is_replaced_with_the_revision_read(lambda_stub):
    wrong = dict(public_statements()[1], Condition=None)
    del wrong["Condition"]
    lambda_stub.add_response("get_function_url_config", url_config(auth="NONE"), HELLO)
    lambda_stub.add_response("get_policy", get_policy(public_statements()[0], wrong), HELLO)
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId=INVOKE_ACTION, RevisionId="rev-1"))
    add_permission(lambda_stub, public_statements()[1], InvokedViaFunctionUrl=True)
    result, _warnings = run(lambda_stub, auth_type="NONE")
    assert result["changed"] is True and result["public_statements"] == public_statements()


def test_a_cors_change_sends_the_whole_cors_with_what_is_not_given_as_aws_has_it(lambda_stub):
    stored = dict(AllowOrigins=["https://www.example.com"], AllowHeaders=["content-type"], MaxAge=60)
    lambda_stub.add_response("get_function_url_config", url_config(cors=stored), HELLO)
    lambda_stub.add_response("get_policy", get_policy(OTHER), HELLO)
    # the members given as the task gives them (AWS lowers header names itself), the others as AWS has them
    lambda_stub.add_response("update_function_url_config", url_config(cors=dict(stored, MaxAge=300, AllowMethods=[
        "GET"])), dict(HELLO, Cors=dict(stored, MaxAge=300, AllowMethods=["GET"], AllowHeaders=["Content-Type"])))
    result, _warnings = run(lambda_stub, cors=dict(max_age=300, allow_methods=["GET"], allow_headers=["Content-Type"]))
    # the diff shows the CORS members the task manages (header names as AWS compares them)
    assert result["diff"] == {"before": {"cors": {"max_age": 60, "allow_methods": [], "allow_headers": ["content-type"]}},
                              "after": {"cors": {"max_age": 300, "allow_methods": ["GET"],
                                                 "allow_headers": ["content-type"]}}}
    assert result["cors"]["max_age"] == 300 and result["cors"]["allow_origins"] == ["https://www.example.com"]


def test_an_invoke_mode_change_sends_only_it(lambda_stub):
    lambda_stub.add_response("get_function_url_config", url_config(invoke_mode=None), HELLO)
    no_policy(lambda_stub)
    lambda_stub.add_response("update_function_url_config", url_config(invoke_mode="RESPONSE_STREAM"), dict(
        HELLO, InvokeMode="RESPONSE_STREAM"))
    result, _warnings = run(lambda_stub, invoke_mode="RESPONSE_STREAM", auth_type="AWS_IAM")
    assert result["diff"] == {"before": {"invoke_mode": "BUFFERED"}, "after": {"invoke_mode": "RESPONSE_STREAM"}}


# ------------------------------------------------------------------ absent

def test_absent_removes_the_statements_then_the_url(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(FUNCTION_ARN + ":live", auth="NONE"), LIVE)
    lambda_stub.add_response("get_policy", get_policy(*public_statements(FUNCTION_ARN + ":live")), LIVE)
    lambda_stub.add_response("remove_permission", {}, dict(LIVE, StatementId=PUBLIC_ACCESS, RevisionId="rev-1"))
    lambda_stub.add_response("get_policy", get_policy(public_statements()[1], revision="rev-2"), LIVE)
    lambda_stub.add_response("remove_permission", {}, dict(LIVE, StatementId=INVOKE_ACTION, RevisionId="rev-2"))
    lambda_stub.add_response("delete_function_url_config", {}, LIVE)
    result, warnings = run(lambda_stub, qualifier="live", state="absent")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy", "RemovePermission", "GetPolicy", "RemovePermission",
                    "DeleteFunctionUrlConfig"]
    assert result["changed"] is True and warnings == []
    assert result["diff"]["before"]["function_url"] == URL


def test_absent_of_a_private_url_deletes_it_only(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_url_config", url_config(), HELLO)
    lambda_stub.add_response("get_policy", get_policy(OTHER), HELLO)
    lambda_stub.add_response("delete_function_url_config", {}, HELLO)
    result, _warnings = run(lambda_stub, state="absent")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy", "DeleteFunctionUrlConfig"]
    assert result["changed"] is True


def test_absent_when_there_is_nothing_costs_two_reads(lambda_stub):
    sent = count_calls(lambda_stub.client)
    no_url(lambda_stub)
    no_policy(lambda_stub)
    result, _warnings = run(lambda_stub, state="absent")
    assert sent == ["GetFunctionUrlConfig", "GetPolicy"]
    assert result == {"changed": False, "diff": {"before": {}, "after": {}}}


def test_absent_removes_statements_left_without_a_url(lambda_stub):
    no_url(lambda_stub)
    lambda_stub.add_response("get_policy", get_policy(public_statements()[1]), HELLO)
    lambda_stub.add_response("remove_permission", {}, dict(HELLO, StatementId=INVOKE_ACTION, RevisionId="rev-1"))
    result, _warnings = run(lambda_stub, state="absent")
    assert result["changed"] is True


def test_no_diff_without_diff_mode(lambda_stub):
    lambda_stub.add_response("get_function_url_config", url_config(), HELLO)
    no_policy(lambda_stub)
    result, _warnings = run(lambda_stub, diff=False)
    assert "diff" not in result
