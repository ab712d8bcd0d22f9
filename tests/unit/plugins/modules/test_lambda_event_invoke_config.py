# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import datetime
import json

import boto3
import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import event_invoke_config as eic
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.event_invoke_config import EventInvokeConfig
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_event_invoke_config
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    module_args,
    count_calls,
    FUNCTION_ARN,
    function_configuration,
)

QUEUE = "arn:aws:sqs:us-east-1:123456789012:failures"
TOPIC = "arn:aws:sns:us-east-1:123456789012:successes"
AUDIT = "arn:aws:lambda:us-east-1:123456789012:function:audit"
BUS = "arn:aws:events:us-east-1:123456789012:event-bus/default"
BUCKET = "arn:aws:s3:::failed-events"
MODIFIED = datetime.datetime(2025, 1, 31, 12, 0, tzinfo=datetime.timezone.utc)
NOT_FOUND = "The function %s:$LATEST doesn't have an EventInvokeConfig" % FUNCTION_ARN


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in eic.ARGUMENT_SPEC.items())
    values.update(function_name="hello")
    values.update(options)
    return values


def destinations(on_success=None, on_failure=None):
    """The destination_config option: each side given as an ARN ("" = none) or left out (None)."""
    config = {}
    for name, arn in (("on_success", on_success), ("on_failure", on_failure)):
        config[name] = None if arn is None else {"destination": arn}
    return config


def answer(qualifier="$LATEST", retries=None, age=None, on_success=None, on_failure=None, halves=True):
    """A GetFunctionEventInvokeConfig answer as AWS gives it: both destination halves, {} for none."""
    config = {"FunctionArn": "%s:%s" % (FUNCTION_ARN, qualifier), "LastModified": MODIFIED}
    if retries is not None:
        config["MaximumRetryAttempts"] = retries
    if age is not None:
        config["MaximumEventAgeInSeconds"] = age
    if halves:
        config["DestinationConfig"] = {"OnSuccess": {"Destination": on_success} if on_success else {},
                                       "OnFailure": {"Destination": on_failure} if on_failure else {}}
    return config


def run(stub, check_mode=False, diff=True, **options):
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    assert EventInvokeConfig.validate(task.params) == []
    return EventInvokeConfig.run(task, LambdaClient(task, client=stub.client))


def missing(stub, operation="get_function_event_invoke_config", message=NOT_FOUND):
    stub.add_client_error(operation, "ResourceNotFoundException", message, 404)


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"function_name": "hello world"}, "function_name: hello world is not a function name or ARN"),
    ({"function_name": FUNCTION_ARN + ":live"}, "function_name: "),
    ({"function_name": "hello:3"}, "function_name: "),
    ({"qualifier": 0}, "qualifier: 0 is not a version; published versions are numbered from 1"),
    ({"qualifier": "has space"}, "qualifier: has space is not a version number, an alias name"),
    ({"qualifier": "latest!"}, "qualifier: latest! is not"),
    ({"qualifier": True}, "qualifier: True is not a version or alias"),
    ({"qualifier": 1.5}, "qualifier: 1.5 is not a version or alias"),
    ({"maximum_retry_attempts": 3}, "maximum_retry_attempts: 3 is out of range; AWS allows 0 to 2 retries."),
    ({"maximum_retry_attempts": -1}, "maximum_retry_attempts: -1 is out of range"),
    ({"maximum_event_age_in_seconds": 59}, "maximum_event_age_in_seconds: 59 is out of range; AWS allows 60 to 21600"),
    ({"maximum_event_age_in_seconds": 21601}, "maximum_event_age_in_seconds: 21601 is out of range"),
    ({"destination_config": destinations(on_failure="failures")},
     "destination_config.on_failure.destination: failures is not the ARN of a standard SQS queue"),
    ({"destination_config": destinations(on_success="arn:aws:dynamodb:us-east-1:123456789012:table/t")},
     "destination_config.on_success.destination: arn:aws:dynamodb:us-east-1:123456789012:table/t is not the ARN"),
    ({"destination_config": destinations(on_success=BUCKET)},
     "destination_config.on_success.destination: arn:aws:s3:::failed-events is an S3 bucket, which AWS takes as an "
     "on_failure destination only"),
    ({"destination_config": destinations(on_failure=QUEUE + ".fifo")},
     "destination_config.on_failure.destination: %s.fifo is a FIFO queue" % QUEUE),
    ({"destination_config": destinations(on_success=TOPIC + ".fifo")}, "destination_config.on_success.destination: "),
    ({"destination_config": destinations(on_failure="arn:aws:sqs::123456789012:q")},
     "destination_config.on_failure.destination: arn:aws:sqs::123456789012:q is not a valid ARN of an SQS queue "
     "(arn:aws:sqs:REGION:ACCOUNT:QUEUE)."),
    ({"destination_config": destinations(on_failure="arn:aws:s3:us-east-1:123456789012:bucket")},
     "destination_config.on_failure.destination: arn:aws:s3:us-east-1:123456789012:bucket is not a valid ARN of an "
     "S3 bucket (arn:aws:s3:::BUCKET)."),
    ({"destination_config": destinations(on_success="arn:aws:lambda:us-east-1:123456789012:layer:x:1")},
     "destination_config.on_success.destination: "),
    ({"destination_config": destinations(on_success="arn:aws:events:us-east-1:123456789012:rule/r")},
     "destination_config.on_success.destination: "),
])
def test_validate_names_the_wrong_option(options, start):
    errors = EventInvokeConfig.validate(params(**options))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


@pytest.mark.parametrize("options", [
    {},
    {"function_name": FUNCTION_ARN},
    {"function_name": "123456789012:function:hello"},
    {"qualifier": "live"},
    {"qualifier": 3},
    {"qualifier": "$LATEST"},
    {"maximum_retry_attempts": 0, "maximum_event_age_in_seconds": 60},
    {"maximum_retry_attempts": 2, "maximum_event_age_in_seconds": 21600},
    {"destination_config": destinations(on_success="", on_failure="")},
    {"destination_config": destinations(on_success=TOPIC, on_failure=QUEUE)},
    {"destination_config": destinations(on_success=AUDIT + ":live", on_failure=BUS)},
    {"destination_config": destinations(on_failure=BUCKET)},
    {"destination_config": destinations(on_failure="arn:aws-cn:sqs:cn-north-1:123456789012:q")},
])
def test_validate_accepts_valid_options(options):
    assert EventInvokeConfig.validate(params(**options)) == []


def test_every_problem_is_reported_at_once():
    errors = EventInvokeConfig.validate(params(qualifier=0, maximum_retry_attempts=9, destination_config=destinations(on_success="x")))
    assert [e.split(":")[0] for e in errors] == ["qualifier", "maximum_retry_attempts",
                                                 "destination_config.on_success.destination"]


@pytest.mark.parametrize("given, qualifier", [(None, None), (3, "3"), ("03", "3"), (" live ", "live"),
                                              ("$LATEST", "$LATEST")])
def test_qualifier_forms(given, qualifier):
    assert eic.qualifier_of(given) == qualifier


# ------------------------------------------------------------------ desired / current mapping

def test_omitted_options_are_not_managed():
    assert eic.desired_config(params()) == {"MaximumRetryAttempts": None, "MaximumEventAgeInSeconds": None,
                                            "DestinationConfig": None}


def test_only_the_given_destination_is_managed_and_empty_means_none():
    desired = eic.desired_config(params(maximum_retry_attempts=0, destination_config=destinations(on_success="")))
    assert desired == {"MaximumRetryAttempts": 0, "MaximumEventAgeInSeconds": None,
                       "DestinationConfig": {"OnSuccess": {"Destination": ""}, "OnFailure": None}}


@pytest.mark.parametrize("reply", [
    answer(retries=1),
    answer(retries=1, halves=False),
    dict(answer(retries=1), DestinationConfig={"OnSuccess": {"Destination": ""}}),
])
def test_no_destination_reads_the_same_however_aws_leaves_it_out(reply):
    current = eic.current_config(reply)
    assert current["DestinationConfig"] == {"OnSuccess": {"Destination": ""}, "OnFailure": {"Destination": ""}}
    assert current["LastModified"] == "2025-01-31T12:00:00+00:00"


def test_api_form_completes_the_destinations_and_sends_none_as_empty_object():
    current = eic.current_config(answer(on_success=TOPIC, on_failure=QUEUE))
    fields = {"DestinationConfig": {"OnSuccess": {"Destination": ""}, "OnFailure": None}}
    assert eic.api_form(fields, current) == {"DestinationConfig": {"OnSuccess": {}, "OnFailure": {"Destination": QUEUE}}}
    assert eic.api_form({"DestinationConfig": {"OnFailure": {"Destination": BUS}}}) == {
        "DestinationConfig": {"OnFailure": {"Destination": BUS}}}
    assert eic.api_form({"MaximumRetryAttempts": 0}, current) == {"MaximumRetryAttempts": 0}


# ------------------------------------------------------------------ run() against a Stubber

def test_unchanged_settings_cost_one_call(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_event_invoke_config", answer(retries=0, age=600, on_failure=QUEUE),
                             expected_params={"FunctionName": "hello"})
    result = run(lambda_stub, maximum_retry_attempts=0, maximum_event_age_in_seconds=600,
                 destination_config=destinations(on_success="", on_failure=QUEUE))
    assert sent == ["GetFunctionEventInvokeConfig"]
    assert result == dict(
        changed=False, function_arn=FUNCTION_ARN + ":$LATEST", qualifier="$LATEST", maximum_retry_attempts=0,
        maximum_event_age_in_seconds=600, last_modified="2025-01-31T12:00:00+00:00",
        destination_config={"on_success": {"destination": ""}, "on_failure": {"destination": QUEUE}},
        diff={"before": {}, "after": {}})
    json.dumps(result)  # what the task returns is plain data


def test_omitted_options_leave_the_settings_alone(lambda_stub):
    lambda_stub.add_response("get_function_event_invoke_config", answer(retries=2, age=60, on_success=TOPIC))
    assert not run(lambda_stub)["changed"]


def test_create_reads_the_function_then_puts_the_given_options(lambda_stub):
    sent = count_calls(lambda_stub.client)
    missing(lambda_stub)
    lambda_stub.add_response("get_function_configuration", function_configuration(),
                             expected_params={"FunctionName": "hello"})
    lambda_stub.add_response(
        "put_function_event_invoke_config", answer(retries=1, on_failure=QUEUE),
        expected_params={"FunctionName": "hello", "MaximumRetryAttempts": 1,
                         "DestinationConfig": {"OnFailure": {"Destination": QUEUE}}})
    result = run(lambda_stub, maximum_retry_attempts=1, destination_config=destinations(on_failure=QUEUE))
    assert sent == ["GetFunctionEventInvokeConfig", "GetFunctionConfiguration", "PutFunctionEventInvokeConfig"]
    assert result["changed"]
    assert result["diff"] == {"before": {}, "after": {"maximum_retry_attempts": 1,
                                                      "destination_config": {"on_failure": {"destination": QUEUE}}}}
    assert result["destination_config"] == {"on_success": {"destination": ""}, "on_failure": {"destination": QUEUE}}
    assert result["maximum_event_age_in_seconds"] is None


def test_check_mode_create_predicts_the_settings_and_sends_only_reads(lambda_stub):
    sent = count_calls(lambda_stub.client)
    missing(lambda_stub)
    lambda_stub.add_response("get_function_configuration", function_configuration(
        Version="3", FunctionArn=FUNCTION_ARN + ":3"), expected_params={"FunctionName": "hello", "Qualifier": "3"})
    result = run(lambda_stub, check_mode=True, qualifier=3, maximum_event_age_in_seconds=120,
                 destination_config=destinations(on_success=AUDIT))
    assert sent == ["GetFunctionEventInvokeConfig", "GetFunctionConfiguration"]
    assert result == dict(
        changed=True, function_arn=FUNCTION_ARN + ":3", qualifier="3", maximum_retry_attempts=None,
        maximum_event_age_in_seconds=120, last_modified=None,
        destination_config={"on_success": {"destination": AUDIT}, "on_failure": {"destination": ""}},
        diff={"before": {}, "after": {"maximum_event_age_in_seconds": 120,
                                      "destination_config": {"on_success": {"destination": AUDIT}}}})


@pytest.mark.parametrize("check_mode", [True, False])
def test_create_for_a_missing_function_or_alias_fails_before_any_change(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    missing(lambda_stub, message="Function not found: %s:nope" % FUNCTION_ARN)
    missing(lambda_stub, "get_function_configuration", "Function not found: %s:nope" % FUNCTION_ARN)
    with pytest.raises(LambdaError, match=r"^qualifier: the function hello has no version or alias nope"):
        run(lambda_stub, check_mode=check_mode, qualifier="nope", maximum_retry_attempts=0)
    assert sent == ["GetFunctionEventInvokeConfig", "GetFunctionConfiguration"]


@pytest.mark.parametrize("options, fields, before, after", [
    ({"maximum_retry_attempts": 0}, {"MaximumRetryAttempts": 0},
     {"maximum_retry_attempts": 2}, {"maximum_retry_attempts": 0}),
    ({"maximum_event_age_in_seconds": 300, "maximum_retry_attempts": 2}, {"MaximumEventAgeInSeconds": 300},
     {"maximum_event_age_in_seconds": 3600}, {"maximum_event_age_in_seconds": 300}),
    ({"destination_config": destinations(on_failure=BUS)},
     {"DestinationConfig": {"OnSuccess": {"Destination": TOPIC}, "OnFailure": {"Destination": BUS}}},
     {"destination_config": {"on_failure": {"destination": QUEUE}}},
     {"destination_config": {"on_failure": {"destination": BUS}}}),
    ({"destination_config": destinations(on_success="")},
     {"DestinationConfig": {"OnSuccess": {}, "OnFailure": {"Destination": QUEUE}}},
     {"destination_config": {"on_success": {"destination": TOPIC}}},
     {"destination_config": {"on_success": {"destination": ""}}}),
    ({"destination_config": destinations(on_success="", on_failure="")},
     {"DestinationConfig": {"OnSuccess": {}, "OnFailure": {}}},
     {"destination_config": {"on_success": {"destination": TOPIC}, "on_failure": {"destination": QUEUE}}},
     {"destination_config": {"on_success": {"destination": ""}, "on_failure": {"destination": ""}}}),
])
def test_update_sends_only_the_changed_fields(lambda_stub, options, fields, before, after):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_event_invoke_config",
                             answer(retries=2, age=3600, on_success=TOPIC, on_failure=QUEUE))
    changed = dict(retries=2, age=3600, on_success=TOPIC, on_failure=QUEUE)
    changed.update(retries=fields.get("MaximumRetryAttempts", 2), age=fields.get("MaximumEventAgeInSeconds", 3600))
    if "DestinationConfig" in fields:
        changed.update(on_success=fields["DestinationConfig"]["OnSuccess"].get("Destination"),
                       on_failure=fields["DestinationConfig"]["OnFailure"].get("Destination"))
    lambda_stub.add_response("update_function_event_invoke_config", answer(**changed),
                             expected_params=dict(fields, FunctionName="hello"))
    result = run(lambda_stub, **options)
    assert sent == ["GetFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig"]
    assert result["changed"]
    assert result["diff"] == {"before": before, "after": after}


def test_check_mode_update_predicts_and_sends_no_update(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_event_invoke_config",
                             answer(qualifier="live", retries=2, on_success=TOPIC, on_failure=QUEUE),
                             expected_params={"FunctionName": "hello", "Qualifier": "live"})
    result = run(lambda_stub, check_mode=True, qualifier="live", maximum_retry_attempts=1,
                 destination_config=destinations(on_success=""))
    assert sent == ["GetFunctionEventInvokeConfig"]
    assert result == dict(
        changed=True, function_arn=FUNCTION_ARN + ":live", qualifier="live", maximum_retry_attempts=1,
        maximum_event_age_in_seconds=None, last_modified=None,
        destination_config={"on_success": {"destination": ""}, "on_failure": {"destination": QUEUE}},
        diff={"before": {"maximum_retry_attempts": 2, "destination_config": {"on_success": {"destination": TOPIC}}},
              "after": {"maximum_retry_attempts": 1, "destination_config": {"on_success": {"destination": ""}}}})


def test_an_unset_field_is_set_with_an_update(lambda_stub):
    lambda_stub.add_response("get_function_event_invoke_config", answer(retries=1))
    lambda_stub.add_response("update_function_event_invoke_config", answer(retries=1, age=60),
                             expected_params={"FunctionName": "hello", "MaximumEventAgeInSeconds": 60})
    result = run(lambda_stub, maximum_event_age_in_seconds=60)
    assert result["diff"] == {"before": {"maximum_event_age_in_seconds": None},
                              "after": {"maximum_event_age_in_seconds": 60}}


def test_aws_errors_keep_the_operation_and_message(lambda_stub):
    lambda_stub.add_response("get_function_event_invoke_config", answer(retries=1))
    lambda_stub.add_client_error(
        "update_function_event_invoke_config", "InvalidParameterValueException",
        "The function's execution role does not have permissions to call SendMessage on " + QUEUE, 400)
    with pytest.raises(LambdaError, match="^UpdateFunctionEventInvokeConfig failed: InvalidParameterValueException: "
                       "The function's execution role does not have permissions"):
        run(lambda_stub, destination_config=destinations(on_failure=QUEUE))


@pytest.mark.parametrize("qualifier, key", [(None, {"FunctionName": "hello"}),
                                            ("live", {"FunctionName": "hello", "Qualifier": "live"})])
def test_delete(lambda_stub, qualifier, key):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_event_invoke_config", answer(qualifier=qualifier or "$LATEST", retries=0),
                             expected_params=key)
    lambda_stub.add_response("delete_function_event_invoke_config", {}, expected_params=key)
    result = run(lambda_stub, state="absent", qualifier=qualifier, maximum_retry_attempts=2)
    assert sent == ["GetFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig"]
    assert result["changed"]
    assert result["diff"]["after"] == {} and result["diff"]["before"]["maximum_retry_attempts"] == 0
    assert "function_arn" not in result


def test_check_mode_delete_sends_only_the_read(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_function_event_invoke_config", answer(retries=0))
    assert run(lambda_stub, check_mode=True, state="absent")["changed"]
    assert sent == ["GetFunctionEventInvokeConfig"]


@pytest.mark.parametrize("check_mode", [True, False])
def test_deleting_missing_settings_sends_only_the_read(lambda_stub, check_mode):
    sent = count_calls(lambda_stub.client)
    missing(lambda_stub)
    result = run(lambda_stub, check_mode=check_mode, state="absent")
    assert not result["changed"] and result["diff"] == {"before": {}, "after": {}}
    assert sent == ["GetFunctionEventInvokeConfig"]


def test_without_diff_mode_no_diff_is_returned(lambda_stub):
    lambda_stub.add_response("get_function_event_invoke_config", answer(retries=0))
    assert "diff" not in run(lambda_stub, diff=False, maximum_retry_attempts=0)


# ------------------------------------------------------------------ main(): bad input fails before any client

def test_main_fails_on_bad_input_without_building_a_client(monkeypatch, capsys):
    built = []
    monkeypatch.setattr(boto3.session.Session, "client", lambda self, *args, **kwargs: built.append(args))
    with module_args({"function_name": "hello", "maximum_retry_attempts": 5, "region": "us-east-1"}):
        with pytest.raises(SystemExit) as exited:
            lambda_event_invoke_config.main()
    assert exited.value.code == 1
    output = json.loads(capsys.readouterr().out)
    assert output["failed"] and output["msg"] == "maximum_retry_attempts: 5 is out of range; AWS allows 0 to 2 retries."
    assert built == []
