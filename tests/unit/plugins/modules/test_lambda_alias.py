# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import re

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import alias as lambda_alias
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    count_calls,
    FUNCTION_ARN,
    function_configuration,
)

ALIAS_ARN = FUNCTION_ARN + ":live"
KEY = {"FunctionName": "hello", "Name": "live"}


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in lambda_alias.ARGUMENT_SPEC.items())
    values.update(function_name="hello", name="live")
    values.update(options)
    return values


def split(weights):
    return {"additional_version_weights": weights}


def alias(version="1", description="", weights=None, revision="r1"):
    """A GetAlias / UpdateAlias answer as AWS gives it: no RoutingConfig when there is no split."""
    answer = {"AliasArn": ALIAS_ARN, "Name": "live", "FunctionVersion": version, "Description": description,
              "RevisionId": revision}
    if weights is not None:
        answer["RoutingConfig"] = {"AdditionalVersionWeights": weights}
    return answer


def run(stub, check_mode=False, diff=True, task=None, **options):
    task = task or Task(params(**options), check_mode=check_mode, diff=diff)
    assert lambda_alias.Alias.validate(task.params) == []
    return lambda_alias.Alias.run(task, LambdaClient(task, client=stub.client))


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"function_name": "hello world"}, "function_name: "),
    ({"function_name": "arn:aws:lambda:us-east-1:123456789012:function:hello:a.b"}, "function_name: "),
    ({"name": "42"}, "name: "),
    ({"name": "has space"}, "name: "),
    ({"name": "x" * 129}, "name: "),
    ({"description": "d" * 257}, "description: "),
    ({"function_version": -1}, "function_version: "),
    ({"function_version": "latest"}, "function_version: "),
    ({"function_version": "1.5"}, "function_version: "),
    ({"function_version": True}, "function_version: "),
    ({"function_version": 1.0}, "function_version: "),
    ({"routing_config": split({"1": 1.5})}, "routing_config: the weight of version 1 must be a number from 0 to 1"),
    ({"routing_config": split({"1": -0.1})}, "routing_config: the weight of version 1"),
    ({"routing_config": split({"1": "lots"})}, "routing_config: the weight of version 1"),
    ({"routing_config": split({"1": True})}, "routing_config: the weight of version 1"),
    ({"routing_config": split({"$LATEST": 0.5})}, "routing_config: $LATEST is not a published version number"),
    ({"routing_config": split({"0": 0.5})}, "routing_config: 0 is not a published version number"),
    ({"routing_config": split({"1": 0.1, "2": 0.1})}, "routing_config: an alias splits its traffic with one"),
    ({"function_version": 2, "routing_config": split({"2": 0.1})}, "routing_config: version 2 is already"),
    ({"function_version": 0, "routing_config": split({"2": 0.1})}, "routing_config: a traffic split needs"),
])
def test_validate_names_the_wrong_option(options, start):
    errors = lambda_alias.Alias.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start)


@pytest.mark.parametrize("options", [
    {},
    {"function_name": "arn:aws:lambda:us-east-1:123456789012:function:hello"},
    {"function_name": "123456789012:function:hello"},
    {"function_name": "arn:aws-cn:lambda:cn-north-1:123456789012:function:hello"},
    {"name": "v2-live_1"},
    {"description": ""},
    {"description": "d" * 256},
    {"function_version": 0},
    {"function_version": "$LATEST"},
    {"function_version": 7},
    {"function_version": "7"},
    {"routing_config": split({})},
    {"routing_config": split({"1": 0})},
    {"routing_config": split({"1": 1})},
    {"routing_config": split({2: "0.25"})},
    {"function_version": 3, "routing_config": split({"2": 0.2})},
    {"function_version": 0, "routing_config": split({})},
])
def test_validate_accepts_valid_options(options):
    assert lambda_alias.Alias.validate(params(**options)) == []


# ------------------------------------------------------------------ desired_alias

def test_omitted_options_are_not_managed():
    assert lambda_alias.desired_alias(params()) == {"FunctionVersion": None, "Description": None, "RoutingConfig": None}


@pytest.mark.parametrize("given, version", [(0, "$LATEST"), ("0", "$LATEST"), ("$LATEST", "$LATEST"), (3, "3"),
                                            ("3", "3"), ("03", "3"), (" 12 ", "12")])
def test_function_version_forms(given, version):
    assert lambda_alias.desired_alias(params(function_version=given))["FunctionVersion"] == version


def test_empty_values_are_managed():
    desired = lambda_alias.desired_alias(params(description="", routing_config=split({})))
    assert desired == {"FunctionVersion": None, "Description": "", "RoutingConfig": {"AdditionalVersionWeights": {}}}


def test_weights_are_sent_with_string_versions_and_float_shares():
    desired = lambda_alias.desired_alias(params(function_version=2, routing_config=split({1: "0.2"})))
    assert desired["RoutingConfig"] == {"AdditionalVersionWeights": {"1": 0.2}}


@pytest.mark.parametrize("answer", [alias(), alias(weights={})])
def test_no_split_reads_the_same_whether_aws_leaves_it_out_or_sends_it_empty(answer):
    current = lambda_alias.current_alias(answer)
    assert current["RoutingConfig"] == {"AdditionalVersionWeights": {}}
    desired = lambda_alias.desired_alias(params(function_version=1, description="", routing_config=split({})))
    assert lambda_alias.planned_changes(desired, current) == {}


def test_empty_split_differs_from_a_split():
    current = lambda_alias.current_alias(alias(version="2", weights={"1": 0.2}))
    desired = lambda_alias.desired_alias(params(routing_config=split({})))
    assert lambda_alias.planned_changes(desired, current) == {"RoutingConfig": {"AdditionalVersionWeights": {}}}


@pytest.mark.parametrize("changes, current, versions", [
    ({"FunctionVersion": "2"}, None, ["2"]),
    ({"FunctionVersion": "2"}, alias(version="1"), ["2"]),
    ({"FunctionVersion": "1"}, alias(version="2", weights={"1": 0.5}), []),  # already in the split
    ({"RoutingConfig": {"AdditionalVersionWeights": {"1": 0.2}}}, alias(version="2"), ["1"]),
    ({"RoutingConfig": {"AdditionalVersionWeights": {"1": 0.3}}}, alias(version="2", weights={"1": 0.2}), []),
    ({"RoutingConfig": {"AdditionalVersionWeights": {}}}, alias(version="2", weights={"1": 0.2}), []),
    ({"Description": "x"}, alias(), []),
])
def test_only_versions_the_alias_does_not_use_yet_are_read(changes, current, versions):
    assert lambda_alias.versions_to_check(changes, lambda_alias.current_alias(current)) == versions


# ------------------------------------------------------------------ run() against a Stubber

def test_unchanged_alias_costs_one_call(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="2", description="prod", weights={"1": 0.2}),
                             expected_params=KEY)
    result = run(lambda_stub, function_version=2, description="prod", routing_config=split({"1": 0.2}))
    assert sent == ["GetAlias"]
    assert not result["changed"]
    assert result["diff"] == {"before": {}, "after": {}}
    assert result["function_version"] == "2"
    assert result["routing_config"] == {"additional_version_weights": {"1": 0.2}}
    assert result["revision_id"] == "r1"


def test_omitted_options_leave_the_alias_alone(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="5", description="kept", weights={"4": 0.5}))
    assert not run(lambda_stub)["changed"]
    assert sent == ["GetAlias"]


def test_description_change_sends_only_it_with_the_revision(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="2", description="old"))
    lambda_stub.add_response("update_alias", alias(version="2", description="", revision="r2"),
                             expected_params=dict(KEY, Description="", RevisionId="r1"))
    result = run(lambda_stub, function_version=2, description="")
    assert sent == ["GetAlias", "UpdateAlias"]
    assert result["changed"]
    assert result["diff"] == {"before": {"description": "old"}, "after": {"description": ""}}
    assert result["description"] == "" and result["revision_id"] == "r2"


def test_move_reads_the_new_version_then_sends_only_the_version(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="1", description="d"))
    lambda_stub.add_response("get_function_configuration", function_configuration(
        Version="2", FunctionArn=FUNCTION_ARN + ":2"), expected_params={"FunctionName": "hello", "Qualifier": "2"})
    lambda_stub.add_response("update_alias", alias(version="2", description="d", revision="r2"),
                             expected_params=dict(KEY, FunctionVersion="2", RevisionId="r1"))
    result = run(lambda_stub, function_version="2", description="d")
    assert result["diff"] == {"before": {"function_version": "1"}, "after": {"function_version": "2"}}


def test_adding_a_split_sends_the_routing_config(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="2"))
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="1"),
                             expected_params={"FunctionName": "hello", "Qualifier": "1"})
    lambda_stub.add_response("update_alias", alias(version="2", weights={"1": 0.2}, revision="r2"),
                             expected_params=dict(KEY, RoutingConfig={"AdditionalVersionWeights": {"1": 0.2}},
                                                  RevisionId="r1"))
    result = run(lambda_stub, routing_config=split({"1": 0.2}))
    assert result["diff"] == {"before": {"routing_config": {"additional_version_weights": {}}},
                              "after": {"routing_config": {"additional_version_weights": {"1": 0.2}}}}
    assert result["routing_config"] == {"additional_version_weights": {"1": 0.2}}


def test_removing_the_split_sends_an_empty_map_and_reads_nothing(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="2", weights={"1": 0.2}))
    lambda_stub.add_response("update_alias", alias(version="2", revision="r2"),
                             expected_params=dict(KEY, RoutingConfig={"AdditionalVersionWeights": {}}, RevisionId="r1"))
    result = run(lambda_stub, routing_config=split({}))
    assert sent == ["GetAlias", "UpdateAlias"]
    assert result["routing_config"] == {"additional_version_weights": {}}


def test_stale_revision_fails_saying_the_alias_changed_meanwhile(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="1"))
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException",
                                 "The Revision Id provided does not match the latest Revision Id. Call the GetAlias "
                                 "API to retrieve the latest Revision Id", 412,
                                 expected_params=dict(KEY, Description="new", RevisionId="r1"))
    with pytest.raises(LambdaError) as failed:
        run(lambda_stub, description="new")
    msg = failed.value.msg
    assert msg.startswith("The alias live of hello was changed by someone else after this task read it")
    assert "nothing was overwritten" in msg and "run the task again" in msg
    assert "UpdateAlias failed: PreconditionFailedException" in msg
    assert failed.value.result()["error"]["code"] == "PreconditionFailedException"


def test_other_aws_errors_keep_the_client_message(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="1"))
    lambda_stub.add_client_error("update_alias", "InvalidParameterValueException", "bad", 400)
    with pytest.raises(LambdaError, match="^UpdateAlias failed: InvalidParameterValueException: bad$"):
        run(lambda_stub, description="new")


def test_create_reads_the_version_and_sends_the_managed_options(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Cannot find alias arn", 404)
    lambda_stub.add_response("get_function_configuration", function_configuration(
        Version="1", FunctionArn=FUNCTION_ARN + ":1"))
    lambda_stub.add_response("create_alias", alias(version="1", description="live one"),
                             expected_params=dict(KEY, FunctionVersion="1", Description="live one"))
    result = run(lambda_stub, function_version=1, description="live one")
    assert sent == ["GetAlias", "GetFunctionConfiguration", "CreateAlias"]
    assert result["diff"] == {"before": {}, "after": {"function_version": "1", "description": "live one"}}
    assert result["alias_arn"] == ALIAS_ARN


@pytest.mark.parametrize("check_mode", [True, False])
def test_create_without_version_points_to_latest(lambda_stub, check_mode):
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Cannot find alias arn", 404)
    lambda_stub.add_response("get_function_configuration", function_configuration(), expected_params={
        "FunctionName": "hello", "Qualifier": "$LATEST"})
    if not check_mode:
        lambda_stub.add_response("create_alias", alias(version="$LATEST"),
                                 expected_params=dict(KEY, FunctionVersion="$LATEST"))
    result = run(lambda_stub, check_mode=check_mode)
    assert result["changed"] and result["function_version"] == "$LATEST"


def test_check_mode_create_predicts_the_alias_and_sends_only_reads(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Cannot find alias arn", 404)
    lambda_stub.add_response("get_function_configuration", function_configuration(
        Version="1", FunctionArn=FUNCTION_ARN + ":1"))
    result = run(lambda_stub, check_mode=True, function_version=1)
    assert sent == ["GetAlias", "GetFunctionConfiguration"]
    assert result["changed"]
    assert result == dict(changed=True, alias_arn=ALIAS_ARN, name="live", function_version="1", description="",
                          routing_config={"additional_version_weights": {}}, revision_id=None,
                          diff={"before": {}, "after": {"function_version": "1"}})


def test_check_mode_update_predicts_and_sends_no_update(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="2", weights={"1": 0.2}))
    result = run(lambda_stub, check_mode=True, description="new", routing_config=split({}))
    assert sent == ["GetAlias"]
    assert result["changed"]
    assert result["description"] == "new" and result["routing_config"] == {"additional_version_weights": {}}
    assert result["function_version"] == "2" and result["revision_id"] is None


@pytest.mark.parametrize("check_mode", [True, False])
def test_missing_version_fails_before_any_change(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="1"))
    lambda_stub.add_client_error("get_function_configuration", "ResourceNotFoundException",
                                 "Function not found: " + FUNCTION_ARN + ":9", 404)
    if check_mode:  # 9 is not the version an earlier task of the run would publish next (2)
        lambda_stub.add_response("list_versions_by_function", versions("1"))
    with pytest.raises(LambdaError, match=r"^function_version: the function hello has no version 9 \(or does not "
                       r"exist\)\. Publish it first"):
        run(lambda_stub, check_mode=check_mode, function_version=9)
    assert sent == ["GetAlias", "GetFunctionConfiguration"] + (["ListVersionsByFunction"] if check_mode else [])


def versions(*published):
    """A ListVersionsByFunction answer: $LATEST and the ``published`` versions."""
    return {"Versions": [function_configuration(Version=v, FunctionArn=FUNCTION_ARN + ":" + v)
                         for v in ("$LATEST",) + published]}


def missing(stub, version):
    stub.add_client_error("get_function_configuration", "ResourceNotFoundException",
                          "Function not found: " + FUNCTION_ARN + ":" + version, 404,
                          expected_params={"FunctionName": "hello", "Qualifier": version})


def test_check_mode_takes_the_next_version_as_published_by_an_earlier_task(lambda_stub):
    """lambda_function with publish: true before this task publishes nothing in check mode: the version it
    would publish (one above the latest) is planned against, with a warning, instead of failing."""
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="1"))
    missing(lambda_stub, "2")
    lambda_stub.add_response("list_versions_by_function", versions("1"), expected_params={"FunctionName": "hello"})
    task = Task(params(function_version=2), check_mode=True, diff=True)
    result = run(lambda_stub, task=task)
    assert sent == ["GetAlias", "GetFunctionConfiguration", "ListVersionsByFunction"]
    assert result["changed"] and result["function_version"] == "2" and result["revision_id"] is None
    assert result["diff"] == {"before": {"function_version": "1"}, "after": {"function_version": "2"}}
    assert len(task.warnings) == 1
    assert task.warnings[0].startswith("function_version: the function hello has no version 2 yet")
    assert "assumed to be published by an earlier task" in task.warnings[0]


def test_check_mode_create_with_the_next_version_predicts_the_alias(lambda_stub):
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Cannot find alias arn", 404)
    missing(lambda_stub, "1")
    lambda_stub.add_response("list_versions_by_function", versions())
    task = Task(params(function_version=1), check_mode=True)
    result = run(lambda_stub, task=task)
    assert result["changed"] and result["function_version"] == "1" and result["alias_arn"] == ALIAS_ARN
    assert len(task.warnings) == 1


def test_check_mode_alias_of_a_function_that_lambda_app_would_create(lambda_stub):
    """lambda_app in check mode plans the alias of a function it would create: the version is the one it would
    publish, the function has no ARN yet, so the alias is planned as a create without an ARN (not a crash)."""
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Function not found", 404)
    missing(lambda_stub, "1")
    task = Task(params(function_version=1), check_mode=True, diff=True)
    task.planned_versions = {"hello": ("1", None)}
    result = run(lambda_stub, task=task)
    assert sent == ["GetAlias", "GetFunctionConfiguration"]
    assert result["changed"] and result["function_version"] == "1" and result["alias_arn"] is None
    assert result["name"] == "live"


def test_check_mode_takes_the_next_version_in_a_split_naming_routing_config(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="2"))
    missing(lambda_stub, "3")
    lambda_stub.add_response("list_versions_by_function", versions("1", "2"))
    task = Task(params(routing_config=split({"3": 0.1})), check_mode=True)
    result = run(lambda_stub, task=task)
    assert result["changed"] and result["routing_config"] == {"additional_version_weights": {"3": 0.1}}
    assert task.warnings[0].startswith("routing_config: the function hello has no version 3 yet")


@pytest.mark.parametrize("version, published", [("3", ("1",)), ("5", ("1", "2", "3")), ("2", ("1", "3"))])
def test_check_mode_still_fails_for_a_version_no_earlier_task_publishes(lambda_stub, version, published):
    lambda_stub.add_response("get_alias", alias(version="1"))
    missing(lambda_stub, version)
    lambda_stub.add_response("list_versions_by_function", versions(*published))
    with pytest.raises(LambdaError, match="^function_version: the function hello has no version %s " % version):
        run(lambda_stub, check_mode=True, function_version=version)


def test_check_mode_plans_version_1_of_a_function_an_earlier_task_would_create(lambda_stub):
    """lambda_function (publish: true) creating the function in check mode predicts version 1: the alias task
    after it plans against that version instead of failing (the documented chaining of tasks)."""
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Function not found", 404)
    missing(lambda_stub, "1")
    lambda_stub.add_client_error("list_versions_by_function", "ResourceNotFoundException", "Function not found", 404)
    task = Task(params(function_version=1), check_mode=True)
    result = run(lambda_stub, task=task)
    assert result["changed"] is True and result["function_version"] == "1"
    assert "assumed to be published by an earlier task" in task.warnings[0]


def test_check_mode_still_fails_when_the_function_does_not_exist_and_the_version_is_not_its_first(lambda_stub):
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Function not found", 404)
    missing(lambda_stub, "2")
    lambda_stub.add_client_error("list_versions_by_function", "ResourceNotFoundException", "Function not found", 404)
    with pytest.raises(LambdaError, match="^function_version: the function hello has no version 2 "):
        run(lambda_stub, check_mode=True, function_version=2)


def test_outside_check_mode_the_next_version_still_fails(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="1"))
    missing(lambda_stub, "2")
    with pytest.raises(LambdaError, match="^function_version: the function hello has no version 2 "):
        run(lambda_stub, function_version=2)
    assert sent == ["GetAlias", "GetFunctionConfiguration"]


def test_missing_additional_version_fails_naming_routing_config(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="2"))
    lambda_stub.add_client_error("get_function_configuration", "ResourceNotFoundException", "Function not found", 404)
    with pytest.raises(LambdaError, match="^routing_config: the function hello has no version 7"):
        run(lambda_stub, routing_config=split({"7": 0.1}))


@pytest.mark.parametrize("answer, options, match", [
    (alias(version="2"), {"routing_config": split({"2": 0.1})}, "version 2 is already the alias's function_version"),
    (alias(version="$LATEST"), {"routing_config": split({"1": 0.1})}, "needs the alias to point to a published"),
    (alias(version="2", weights={"1": 0.1}), {"function_version": 1}, "version 1 is already"),
    (alias(version="2", weights={"1": 0.1}), {"function_version": 0}, "needs the alias to point to a published"),
])
def test_split_conflicting_with_the_current_version_fails_after_one_read(lambda_stub, answer, options, match):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", answer)
    with pytest.raises(LambdaError, match="^routing_config: .*" + re.escape(match)):
        run(lambda_stub, **options)
    assert sent == ["GetAlias"]


def test_delete(lambda_stub):
    lambda_stub.add_response("get_alias", alias(version="2"))
    lambda_stub.add_response("delete_alias", {}, expected_params=KEY)
    result = run(lambda_stub, state="absent", function_version=5)
    assert result["changed"]
    assert result["diff"]["after"] == {} and result["diff"]["before"]["function_version"] == "2"
    # The alias as it was, as amazon.aws.lambda_alias returns it in check mode.
    assert result["alias_arn"] == ALIAS_ARN and result["function_version"] == "2" and result["revision_id"] == "r1"


def test_delete_in_check_mode_returns_the_alias_and_sends_only_the_read(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="2", description="prod"))
    result = run(lambda_stub, check_mode=True, state="absent")
    assert sent == ["GetAlias"]
    assert result["changed"] and result["name"] == "live" and result["description"] == "prod"


@pytest.mark.parametrize("check_mode", [True, False])
@pytest.mark.parametrize("qualifier", ["1", "live", "$LATEST"])
def test_a_qualified_function_arn_names_the_function_of_the_alias(lambda_stub, check_mode, qualifier):
    function_arn = "arn:aws:lambda:us-east-1:123456789012:function:hello"
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_alias", alias(version="1"), expected_params={"FunctionName": function_arn, "Name": "live"})
    result = run(lambda_stub, check_mode=check_mode, function_name=function_arn + ":" + qualifier, function_version=1)
    assert sent == ["GetAlias"] and not result["changed"]


@pytest.mark.parametrize("check_mode", [True, False])
def test_deleting_a_missing_alias_sends_only_the_read(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_client_error("get_alias", "ResourceNotFoundException", "Function not found", 404)
    assert not run(lambda_stub, check_mode=check_mode, state="absent")["changed"]
    assert sent == ["GetAlias"]


def test_without_diff_mode_no_diff_is_returned(lambda_stub):
    lambda_stub.add_response("get_alias", alias())
    assert "diff" not in run(lambda_stub, diff=False, function_version=1)


def test_moving_a_published_alias_to_latest_warns(lambda_stub):
    """amazon.aws.lambda (and cloudfn's lambda) return version $LATEST for a run that published nothing: an alias
    pointed at it moves to unpublished code, which the task does (it was asked) but says."""
    lambda_stub.add_response("get_alias", alias(version="1"))
    lambda_stub.add_response("get_function_configuration", function_configuration(Version="$LATEST"),
                             expected_params={"FunctionName": "hello", "Qualifier": "$LATEST"})
    lambda_stub.add_response("update_alias", alias(version="$LATEST", revision="r2"),
                             expected_params=dict(KEY, FunctionVersion="$LATEST", RevisionId="r1"))
    task = Task(params(function_version="$LATEST"), diff=True)
    result = run(lambda_stub, task=task)
    assert result["changed"] and result["function_version"] == "$LATEST"
    assert len(task.warnings) == 1 and task.warnings[0].startswith("The alias live moves from version 1 to $LATEST")
