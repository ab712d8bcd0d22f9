# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_app's planning: defaults merging, the checks made before any request, the plan's order, and whole
runs through the module's main() against a Stubber (predicted versions, failure isolation, tag ownership)."""

import random

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import app
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_app
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import ROLE_ARN, function_configuration

ACCOUNT_PREFIX = "arn:aws:lambda:us-east-1:123456789012"
QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders"
LAYER_VERSION = ACCOUNT_PREFIX + ":layer:shared:4"
PERMISSION = dict(statement_id="s3", action="lambda:InvokeFunction", principal="s3.amazonaws.com")


def application(**options):
    """lambda_app's parameters as AnsibleModule hands them over: every option present, defaults filled in."""
    values = dict((name, spec.get("default")) for name, spec in app.ARGUMENT_SPEC.items())
    values.update(name="shop")
    values.update(options)
    return values


def function(name="api", **options):
    return dict(dict(name=name), **options)


def checked(**options):
    """check_application's (layers, function entries) for input it must accept."""
    layers, functions, errors = app.check_application(application(**options))
    assert errors == []
    return layers, functions


# ------------------------------------------------------------------ merge_defaults

def test_a_functions_own_value_wins_over_the_default():
    merged = app.merge_defaults(dict(runtime="python3.12", timeout=3, role="shared"), dict(timeout=30))
    assert merged == dict(runtime="python3.12", timeout=30, role="shared")


@pytest.mark.parametrize("option", ["environment_variables", "tags"])
def test_environment_variables_and_tags_merge_key_by_key(option):
    defaults = {option: dict(STAGE="prod", TEAM="orders")}
    merged = app.merge_defaults(defaults, {option: dict(TEAM="payments", QUEUE="q1")})
    assert merged[option] == dict(STAGE="prod", TEAM="payments", QUEUE="q1")
    assert defaults == {option: dict(STAGE="prod", TEAM="orders")}  # the defaults serve the next function unchanged


@pytest.mark.parametrize("option, default, own", [
    ("logging_config", dict(log_format="JSON", application_log_level="INFO"), dict(log_format="Text")),
    ("image_config", dict(command=["app.handler"], working_directory="/app"), dict(command=["other.handler"])),
    ("layers", [LAYER_VERSION, ACCOUNT_PREFIX + ":layer:extra:1"], [ACCOUNT_PREFIX + ":layer:other:2"]),
    ("vpc_subnet_ids", ["subnet-1", "subnet-2"], ["subnet-3"]),
])
def test_every_other_option_is_replaced_whole(option, default, own):
    assert app.merge_defaults({option: default}, {option: own}) == {option: own}


def test_keys_that_are_not_strings_merge_too():
    """YAML reads ``2024: yes`` as a number key; merging must not fail on it (the values are checked later)."""
    merged = app.merge_defaults(dict(tags={"team": "a", 7: "x"}), dict(tags={2024: "yes"}))
    assert merged == dict(tags={"team": "a", 7: "x", 2024: "yes"})


def test_a_default_the_function_does_not_give_is_kept_whole():
    defaults = dict(environment_variables=dict(STAGE="prod"), layers=[LAYER_VERSION])
    assert app.merge_defaults(defaults, dict(name="api")) == dict(defaults, name="api")


# ------------------------------------------------------------------ check_application: refused input

@pytest.mark.parametrize("options, label, words", [
    (dict(functions=[function(colour="red")]), "functions[api]", "colour"),
    (dict(functions=[function(alias=dict(name="live", colour="red"))]), "functions[api]: alias", "colour"),
    (dict(functions=[function(permissions=[dict(PERMISSION, colour="red")])]), "functions[api]: permissions[0]",
     "colour"),
    (dict(functions=[function(event_sources=[dict(event_source_arn=QUEUE, colour="red")])]),
     "functions[api]: event_sources[0]", "colour"),
    (dict(functions=[function(), function(memory_size=256)]), "functions[api]", "listed twice"),
    (dict(layers=[dict(name="shared", src="layer/"), dict(name="shared", src="other/")]), "layers[shared]",
     "listed twice"),
    (dict(functions=[function(state="absent")]), "functions[api]", "state is set by lambda_app"),
    (dict(functions=[function(publish=False, alias=dict(name="live"))]), "functions[api]", "publish: false"),
    (dict(functions=[function(provisioned_concurrency=2)]), "functions[api]", "provisioned_concurrency needs an alias"),
    (dict(defaults=dict(alias=dict(name="live"))), "defaults", "alias cannot be a default"),
    (dict(defaults=dict(permissions=[PERMISSION])), "defaults", "permissions cannot be a default"),
    (dict(functions=[function(layers=["not a layer!"])]), "functions[api]", "layers: not a layer! is neither"),
    (dict(functions=[function(tags={"cloudfn:app": "billing"})]), "functions[api]", "tags: cloudfn:app"),
    (dict(defaults=dict(tags={"cloudfn:app": "billing"}), functions=[function()]), "functions[api]",
     "tags: cloudfn:app"),
    (dict(max_workers=0), "max_workers", "1 or more, not 0"),
    (dict(functions=[function(permissions=[dict(statement_id="s3", action="lambda:InvokeFunction")])]),
     "functions[api]: permissions[0]", "principal"),
    (dict(functions=[function(permissions=[dict(PERMISSION, qualifier="live")])]), "functions[api]: permissions[0]",
     "qualifier is set by lambda_app"),
    (dict(functions=[function(event_sources=[dict(event_source_arn=QUEUE, alias="live")])]),
     "functions[api]: event_sources[0]", "alias is set by lambda_app"),
    (dict(functions=[function(event_sources=[dict(batch_size=5)])]), "functions[api]: event_sources[0]",
     "event_source_arn: required"),
    (dict(functions=[function(alias=dict(name="live", function_version=3))]), "functions[api]: alias",
     "function_version"),
    (dict(functions=[function(memory_size=64)]), "functions[api]", "memory_size"),
    (dict(functions=["api"]), "functions[0]", "must be a dictionary"),
    (dict(functions=[function(url=dict(auth_type="NONE", colour="red"))]), "functions[api]: url", "colour"),
    (dict(functions=[function(url=dict(auth_type="PUBLIC"))]), "functions[api]: url", "auth_type"),
    (dict(functions=[function(url=dict(auth_type="NONE", qualifier=3))]), "functions[api]: url",
     "qualifier: 3 is a version number"),
    (dict(functions=[function(url=dict(cors=dict(max_age=90000)))]), "functions[api]: url", "cors.max_age"),
    (dict(functions=[function(url=dict(auth_type="NONE", function_name="other"))]), "functions[api]: url",
     "function_name"),
    (dict(functions=[function(url=dict(auth_type="NONE"), permissions=[dict(
        statement_id="FunctionURLAllowPublicAccess", action="lambda:InvokeFunctionUrl", principal="*",
        function_url_auth_type="NONE")])]), "functions[api]: permissions[0]", "which url: manages"),
    (dict(defaults=dict(url=dict(auth_type="NONE"))), "defaults", "url cannot be a default"),
])
def test_bad_input_is_refused_naming_the_function_and_the_option(options, label, words):
    """check_application takes no client: every one of these is refused before any request."""
    layers, functions, errors = app.check_application(application(**options))
    assert errors, (layers, functions)
    assert any(message.startswith(label) and words in message for message in errors), errors
    assert lambda_app.Application.validate(application(**options)) == errors


@pytest.mark.parametrize("item, start", [
    (function(colour="red"), "functions[api]: unsupported parameters: colour. Supported parameters include: "),
    (function(alias=dict(name="live", colour="red", size=1)),
     "functions[api]: alias: unsupported parameters: colour, size. Supported parameters include: "),
    (function(event_sources=[dict(event_source_arn=QUEUE, colour="red")]),
     "functions[api]: event_sources[0]: unsupported parameters: colour. Supported parameters include: "),
])
def test_an_unknown_option_is_called_unsupported(item, start):
    errors = app.check_application(application(functions=[item]))[2]
    assert len(errors) == 1 and errors[0].startswith(start), errors


def test_every_bad_item_is_reported_at_once():
    errors = app.check_application(application(max_workers=0, functions=[
        function("api", colour="red"), function("worker", provisioned_concurrency=1)]))[2]
    assert len(errors) == 3
    assert [e.split(":")[0] for e in errors] == ["max_workers must be 1 or more, not 0.", "functions[api]",
                                                 "functions[worker]"]


# ------------------------------------------------------------------ check_application: accepted input

def test_wait_and_wait_timeout_are_inherited_unless_given():
    _layers, functions = checked(wait=False, wait_timeout=45, functions=[
        function("api", event_sources=[dict(event_source_arn=QUEUE)], provisioned_concurrency=1,
                 alias=dict(name="live")),
        function("worker", wait=True, wait_timeout=900)])
    api, worker = functions
    assert (api.params["wait"], api.params["wait_timeout"]) == (False, 45)
    assert (api.event_sources[0]["wait"], api.event_sources[0]["wait_timeout"]) == (False, 45)
    assert (api.provisioned["wait"], api.provisioned["wait_timeout"]) == (False, 45)
    assert (worker.params["wait"], worker.params["wait_timeout"]) == (True, 900)


def test_defaults_are_merged_into_every_function():
    _layers, functions = checked(
        defaults=dict(runtime="python3.12", role=ROLE_ARN, timeout=10, environment_variables=dict(STAGE="prod")),
        functions=[function("api", timeout=30, environment_variables=dict(MODE="http")), function("worker")])
    api, worker = functions
    assert (api.params["runtime"], api.params["role"], api.params["timeout"]) == ("python3.12", ROLE_ARN, 30)
    assert api.params["environment_variables"] == dict(STAGE="prod", MODE="http")
    assert (worker.params["timeout"], worker.params["environment_variables"]) == (10, dict(STAGE="prod"))
    assert api.params["state"] == worker.params["state"] == "present"


@pytest.mark.parametrize("item, publish", [
    (function(alias=dict(name="live")), True),
    (function(), False),
    (function(publish=True), True),
])
def test_publish_defaults_to_true_with_an_alias(item, publish):
    assert checked(functions=[item])[1][0].params["publish"] is publish


def test_a_layer_of_the_application_named_by_its_name_is_kept_for_resolving():
    _layers, functions = checked(layers=[dict(name="shared", src="layer/")],
                                 functions=[function(layers=[LAYER_VERSION, "shared", "someone-elses"])])
    entry = functions[0]
    assert entry.params["layers"] == [LAYER_VERSION, "shared", "someone-elses"]
    assert entry.layer_names == {1: "shared", 2: "someone-elses"}


def test_attachments_hang_on_the_alias():
    _layers, functions = checked(functions=[function(
        alias=dict(name="live"), permissions=[PERMISSION], event_sources=[dict(event_source_arn=QUEUE)],
        event_invoke_config=dict(maximum_retry_attempts=0), provisioned_concurrency=2)])
    entry = functions[0]
    assert entry.qualifier == "live"
    assert entry.alias == dict(name="live", description=None, routing_config=None, function_name="api",
                               state="present", function_version=None)
    assert (entry.permissions[0]["function_name"], entry.permissions[0]["qualifier"]) == ("api", "live")
    assert (entry.event_sources[0]["function_name"], entry.event_sources[0]["alias"]) == ("api", "live")
    assert entry.event_sources[0]["version"] is None
    assert (entry.invoke_config["function_name"], entry.invoke_config["qualifier"]) == ("api", "live")
    assert entry.provisioned["provisioned_concurrent_executions"] == 2
    assert (entry.provisioned["function_name"], entry.provisioned["qualifier"]) == ("api", "live")


@pytest.mark.parametrize("url, qualifier", [
    (dict(auth_type="NONE"), "live"),
    (dict(auth_type="NONE", qualifier="$LATEST"), "$LATEST"),
    (dict(auth_type="AWS_IAM", qualifier="beta"), "beta"),
])
def test_the_url_hangs_on_the_alias_unless_it_names_another(url, qualifier):
    entry = checked(functions=[function(alias=dict(name="live"), url=url)])[1][0]
    assert (entry.url["function_name"], entry.url["qualifier"], entry.url["state"]) == ("api", qualifier, "present")
    assert entry.url["auth_type"] == url["auth_type"]


def test_without_an_alias_the_url_is_the_functions():
    entry = checked(functions=[function(url=dict(auth_type="AWS_IAM", cors=dict(allow_origins=["*"])))])[1][0]
    assert entry.url["qualifier"] is None and entry.url["cors"]["allow_origins"] == ["*"]
    assert app.url_label("api", entry.url) == "api"


def test_without_an_alias_attachments_hang_on_the_function():
    entry = checked(functions=[function(permissions=[PERMISSION], event_sources=[dict(event_source_arn=QUEUE)],
                                        event_invoke_config=dict(maximum_retry_attempts=1))])[1][0]
    assert entry.qualifier is None
    assert entry.permissions[0]["qualifier"] is None
    assert entry.event_sources[0]["alias"] is None
    assert entry.invoke_config["qualifier"] is None


@pytest.mark.parametrize("item", [
    dict(event_source_arn=QUEUE),
    dict(source_params=dict(source_arn=QUEUE)),
    dict(uuid="a1b2c3d4-5678-90ab-cdef-11111EXAMPLE"),
])
def test_an_event_source_is_named_by_its_source_or_its_uuid(item):
    assert len(checked(functions=[function(event_sources=[item])])[1][0].event_sources) == 1


def test_the_applications_own_tag_value_is_accepted():
    entry = checked(functions=[function(tags={"cloudfn:app": "shop", "team": "a"})])[1][0]
    assert entry.params["tags"] == {"cloudfn:app": "shop", "team": "a"}


# ------------------------------------------------------------------ the plan's order

PLAN_ORDER = [
    dict(kind="layer", name="shared", action="create"),
    dict(kind="layer", name="zeta", action="none"),
    dict(kind="function", name="api", action="update"),
    dict(kind="version", name="api:4", action="create", function="api"),
    dict(kind="alias", name="live", action="update", function="api"),
    dict(kind="permission", name="s3", action="none", function="api"),
    dict(kind="event_source", name=QUEUE, action="create", function="api"),
    dict(kind="event_invoke_config", name="live", action="update", function="api"),
    dict(kind="provisioned_concurrency", name="live", action="none", function="api"),
    dict(kind="function", name="worker", action="none"),
    dict(kind="permission", name="apigateway", action="none", function="worker"),
    dict(kind="permission", name="sns", action="create", function="worker"),
]


def test_kind_order_is_the_dependency_order():
    assert app.KIND_ORDER == ("layer", "function", "version", "alias", "permission", "event_source",
                              "event_invoke_config", "provisioned_concurrency", "function_url")


class AppliedNothing:
    applied = []


@pytest.mark.parametrize("seed", range(6))
def test_the_plan_is_in_dependency_order_whatever_order_it_was_made_in(seed):
    """Functions converge in parallel threads: their entries arrive interleaved, the plan comes out in order."""
    application_run = app.Application(Task(application()), AppliedNothing())
    application_run.plan = [dict(entry) for entry in PLAN_ORDER]
    random.Random(seed).shuffle(application_run.plan)
    result = application_run.outcome()
    assert result["plan"] == PLAN_ORDER
    assert (result["created"], result["updated"], result["deleted"], result["unchanged"]) == (4, 3, 0, 5)
    assert result["changed"] is True


def test_a_plan_without_changes_is_not_changed():
    application_run = app.Application(Task(application()), AppliedNothing())
    application_run.plan = [dict(kind="function", name="api", action="none")]
    result = application_run.outcome()
    assert result["changed"] is False and result["unchanged"] == 1


# ------------------------------------------------------------------ whole runs through main()

def get_function(name, tags=None, **configuration):
    """A GetFunction answer for function ``name`` of this account."""
    answer = {"Configuration": function_configuration(FunctionName=name, FunctionArn=arn(name), **configuration),
              "Code": {"RepositoryType": "S3", "Location": "https://awslambda-us-east-1-tasks.s3.amazonaws.com/x"}}
    if tags is not None:
        answer["Tags"] = tags
    return answer


def arn(name, qualifier=None):
    return "%s:function:%s%s" % (ACCOUNT_PREFIX, name, ":" + qualifier if qualifier else "")


def versions(name, *numbers, **configuration):
    """A ListVersionsByFunction answer: $LATEST and the published ``numbers``, with the same configuration."""
    listed = [function_configuration(FunctionName=name, FunctionArn=arn(name, "$LATEST"), **configuration)]
    listed += [function_configuration(FunctionName=name, FunctionArn=arn(name, n), Version=n, **configuration)
               for n in numbers]
    return {"Versions": listed}


def get_alias(name, version, alias="live", revision="a1"):
    return {"AliasArn": arn(name, alias), "Name": alias, "FunctionVersion": version, "Description": "",
            "RevisionId": revision}


def not_found(lambda_stub, operation, expected):
    lambda_stub.add_client_error(operation, "ResourceNotFoundException", "Function not found", 404,
                                 expected_params=expected)


OWN_TAG = {"cloudfn:app": "shop"}


def test_check_mode_predicts_the_new_version_and_the_alias_on_it(run_main, lambda_stub):
    """An existing function whose memory size changes, with an alias on version 3: the plan is the function's
    update, version 4 (one above the highest) and the alias moved to it, with reads only."""
    lambda_stub.add_response("get_function", get_function("api", tags=OWN_TAG), {"FunctionName": "api"})
    lambda_stub.add_response("get_function", get_function("api", Version="3"), {"FunctionName": "api", "Qualifier": "live"})
    lambda_stub.add_response("list_versions_by_function", versions("api", "1", "2", "3"), {"FunctionName": "api"})
    lambda_stub.add_response("get_alias", get_alias("api", "3"), {"FunctionName": "api", "Name": "live"})
    not_found(lambda_stub, "get_function_configuration", {"FunctionName": "api", "Qualifier": "4"})

    code, result = run_main(lambda_app, name="shop", _ansible_check_mode=True,
                            functions=[function("api", memory_size=256, alias=dict(name="live"))])

    assert code == 0, result
    assert result["changed"] is True
    assert result["plan"] == [
        dict(kind="function", name="api", action="update"),
        dict(kind="version", name="api:4", action="create", function="api"),
        dict(kind="alias", name="live", action="update", function="api"),
    ]
    assert (result["created"], result["updated"], result["deleted"], result["unchanged"]) == (1, 2, 0, 0)
    summary = result["functions"]["api"]
    assert summary["version"] == "4"
    assert summary["alias"]["function_version"] == "4"
    assert summary["changes"] == ["function", "version", "alias"]
    assert not any("earlier task" in warning for warning in result.get("warnings", [])), result.get("warnings")


def test_check_mode_of_an_unchanged_function_plans_nothing(run_main, lambda_stub):
    """Same memory size: the version the alias is on (read with GetFunction and the alias as qualifier) matches:
    no version is published, the alias stays, and neither the versions nor the alias are read again: 2 reads."""
    lambda_stub.add_response("get_function", get_function("api", tags=OWN_TAG), {"FunctionName": "api"})
    lambda_stub.add_response("get_function", get_function("api", Version="3"), {"FunctionName": "api", "Qualifier": "live"})

    code, result = run_main(lambda_app, name="shop", _ansible_check_mode=True,
                            functions=[function("api", memory_size=128, alias=dict(name="live"))])

    assert code == 0, result
    assert result["changed"] is False
    assert result["plan"] == [dict(kind="function", name="api", action="none"),
                              dict(kind="alias", name="live", action="none", function="api")]
    assert (result["created"], result["updated"], result["deleted"], result["unchanged"]) == (0, 0, 0, 2)
    assert result["functions"]["api"]["version"] == "3"


def test_a_failing_function_does_not_stop_the_others(run_main, lambda_stub):
    """max_workers 1: bad then good, in order. bad's update is refused; good is updated, published, its alias
    moved; the task fails naming bad and says what was applied."""
    lambda_stub.add_response("get_function", get_function("bad", tags=OWN_TAG), {"FunctionName": "bad"})
    lambda_stub.add_response("get_function", get_function("good", tags=OWN_TAG), {"FunctionName": "good"})
    lambda_stub.add_response("get_function", get_function("good", Version="3"), {"FunctionName": "good", "Qualifier": "live"})
    lambda_stub.add_client_error("update_function_configuration", "AccessDeniedException",
                                 "not authorized to perform lambda:UpdateFunctionConfiguration", 403,
                                 expected_params={"FunctionName": "bad", "MemorySize": 256, "RevisionId": "r1"})
    lambda_stub.add_response("update_function_configuration",
                             function_configuration(FunctionName="good", FunctionArn=arn("good"), MemorySize=256,
                                                    RevisionId="r2"),
                             {"FunctionName": "good", "MemorySize": 256, "RevisionId": "r1"})
    lambda_stub.add_response("publish_version",
                             function_configuration(FunctionName="good", FunctionArn=arn("good", "4"), Version="4",
                                                    MemorySize=256),
                             {"FunctionName": "good", "CodeSha256": function_configuration()["CodeSha256"],
                              "RevisionId": "r2"})
    lambda_stub.add_response("get_alias", get_alias("good", "3"), {"FunctionName": "good", "Name": "live"})
    lambda_stub.add_response("get_function_configuration",
                             function_configuration(FunctionName="good", FunctionArn=arn("good", "4"), Version="4"),
                             {"FunctionName": "good", "Qualifier": "4"})
    lambda_stub.add_response("update_alias", get_alias("good", "4", revision="a2"),
                             {"FunctionName": "good", "Name": "live", "FunctionVersion": "4", "RevisionId": "a1"})

    code, result = run_main(lambda_app, name="shop", max_workers=1, functions=[
        function("bad", memory_size=256), function("good", memory_size=256, alias=dict(name="live"))])

    assert code == 1
    assert result["failed"] is True and result["changed"] is True
    assert result["failures"] == [dict(resource="function bad", msg=(
        "UpdateFunctionConfiguration failed: AccessDeniedException: not authorized to perform "
        "lambda:UpdateFunctionConfiguration"))]
    assert result["msg"].startswith("1 of the application's resources failed: function bad: "
                                    "UpdateFunctionConfiguration failed: AccessDeniedException")
    assert result["applied"] == ["UpdateFunctionConfiguration(FunctionName=good)", "PublishVersion(FunctionName=good)",
                                 "UpdateAlias(FunctionName=good, Name=live)"]
    assert "bad" not in result["functions"]
    assert result["functions"]["good"]["alias"]["function_version"] == "4"
    assert [(e["kind"], e["name"], e["action"]) for e in result["plan"]] == [
        ("function", "good", "update"), ("version", "good:4", "create"), ("alias", "live", "update")]


def test_a_function_of_another_application_is_refused_before_any_write(run_main, lambda_stub):
    lambda_stub.add_response("get_function", get_function("api", tags={"cloudfn:app": "billing"}),
                             {"FunctionName": "api"})

    code, result = run_main(lambda_app, name="shop", functions=[function("api", memory_size=256)])

    assert code == 1
    assert result["changed"] is False and "applied" not in result
    assert result["msg"].startswith("functions[api]: the function belongs to the application billing (tag cloudfn:app)")


def test_bad_input_fails_the_module_before_any_request(run_main, lambda_stub):
    code, result = run_main(lambda_app, name="shop", functions=[function("api"), function("api")])
    assert code == 1
    assert result["msg"] == "functions[api]: the function api is listed twice."
    assert result["errors"] == ["functions[api]: the function api is listed twice."]


def test_a_layer_given_as_layer_name_is_converged_in_check_mode(run_main, lambda_stub, tmp_path):
    """layer_name is the alias of a layer's name; the function names the layer by it and gets its next version."""
    (tmp_path / "lib.py").write_text("VALUE = 1\n")
    layer_version = dict(LayerVersionArn=ACCOUNT_PREFIX + ":layer:shared:1", Version=1,
                         CreatedDate="2024-01-01T00:00:00.000+0000")
    lambda_stub.add_response("get_function", get_function("api", tags=OWN_TAG, Layers=[
        {"Arn": ACCOUNT_PREFIX + ":layer:shared:1", "CodeSize": 10}]), {"FunctionName": "api"})
    lambda_stub.add_response("list_layer_versions", {"LayerVersions": [layer_version]}, {"LayerName": "shared"})
    lambda_stub.add_response("get_layer_version", dict(
        layer_version, LayerArn=ACCOUNT_PREFIX + ":layer:shared", Description="",
        Content=dict(CodeSha256="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", CodeSize=10)),
        {"LayerName": "shared", "VersionNumber": 1})

    code, result = run_main(lambda_app, name="shop", _ansible_check_mode=True,
                            layers=[dict(layer_name="shared", src=str(tmp_path))],
                            functions=[function("api", layers=["shared"])])

    assert code == 0, result
    assert result["plan"] == [dict(kind="layer", name="shared", action="update"),
                              dict(kind="function", name="api", action="update")]
    assert result["layers"]["shared"]["layer_version_arn"] == ACCOUNT_PREFIX + ":layer:shared:2"


@pytest.mark.parametrize("alias, aliased_version, version, stays", [
    (dict(name="live", description=None, routing_config=None), "3", "3", True),
    (dict(name="live", description=None, routing_config=None), "3", "4", False),  # the alias moves
    (dict(name="live", description="prod", routing_config=None), "3", "3", False),  # its description is managed
    (dict(name="live", description=None, routing_config=dict(additional_version_weights={})), "3", "3", False),
    (dict(name="live", description=None, routing_config=None), None, "1", False),  # no alias yet
])
def test_an_alias_already_on_the_version_and_nothing_else_managed_needs_no_request(
        alias, aliased_version, version, stays):
    entry = app.FunctionEntry("api", {}, alias, [], [], None, None, {})
    entry.aliased = None if aliased_version is None else dict(Version=aliased_version, FunctionArn=arn("api", "3"))
    assert app.Application.alias_stays(entry, version) is stays


def test_function_and_layer_items_take_the_packaging_options(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "app.py").write_text("def handler(e, c):\n    return 1\n")
    packaging = dict(requirements="missing.txt", pip_args=["--no-index"], build_in=str(tmp_path / "b"), src_exclude=[])
    layers, functions = checked(layers=[dict(name="shared", src=str(src), compatible_runtimes=["python3.12"], **packaging)],
                                functions=[function(src=str(src), **packaging)])
    assert functions[0].params["pip_args"] == ["--no-index"] and functions[0].params["src_exclude"] == []
    assert layers[0]["requirements"] == "missing.txt"
    # The requirements files are checked before any request (Application.converge, before the reads).
    problems = app.local_code_problems(layers, functions)
    assert [p.split(":")[0] for p in problems] == ["layers[shared]", "functions[api]"]
    assert all("missing.txt does not exist" in p for p in problems)


def test_check_mode_plans_the_url_of_an_existing_function_with_reads_only(run_main, lambda_stub):
    api = {"FunctionName": "api"}
    lambda_stub.add_response("get_function", get_function("api", tags=OWN_TAG), api)
    not_found(lambda_stub, "get_function_url_config", api)
    lambda_stub.add_response("get_function_configuration", function_configuration(
        FunctionName="api", FunctionArn=arn("api")), api)
    not_found(lambda_stub, "get_policy", api)

    code, result = run_main(lambda_app, name="shop", _ansible_check_mode=True, _ansible_diff=True,
                            functions=[function("api", memory_size=128, url=dict(auth_type="NONE"))])

    assert code == 0, result
    assert result["plan"][0] == dict(kind="function", name="api", action="none")
    assert result["plan"][1]["kind"] == "function_url" and result["plan"][1]["action"] == "create"
    assert result["plan"][1]["name"] == "api" and result["plan"][1]["function"] == "api"
    assert result["diff"]["after"]["function_url api:api"]["auth_type"] == "NONE"
    assert set(result["diff"]["after"]["function_url api:api"]["public_statements"]) == {
        "FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"}
    assert result["functions"]["api"]["changes"] == ["function_url"]
    # ansible-core 2.19+ gives each warning as a summary with its message inside
    assert "anyone on the internet" in str(result["warnings"])
