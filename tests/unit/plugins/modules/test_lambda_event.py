# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_event: amazon.aws.lambda_event's options and ``events`` over the event source mapping resource."""

import datetime
import json

import pytest
from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import client as client_module
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_event
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FUNCTION_ARN, module_args

QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders"
FIFO = "arn:aws:sqs:us-east-1:123456789012:orders.fifo"
STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
UUID = "11111111-2222-3333-4444-555555555555"
VERSION_ARN = FUNCTION_ARN + ":1"


def mapping(source=QUEUE, state="Enabled", function_arn=VERSION_ARN, **fields):
    answer = dict(UUID=UUID, EventSourceArn=source, FunctionArn=function_arn, State=state,
                  StateTransitionReason="USER_INITIATED", BatchSize=10,
                  LastModified=datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc),
                  EventSourceMappingArn="arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + UUID)
    answer.update(fields)
    return answer


def as_amazon_aws_returns(answer):
    """AWS's answer as amazon.aws.lambda_event returns it (camel_dict_to_snake_dict, times as ISO text)."""
    return json.loads(json.dumps(camel_dict_to_snake_dict(answer), default=lambda value: value.isoformat()))


def run_main(capsys, monkeypatch, args, client=None, check_mode=False):
    """main() with the given task arguments; its JSON result. Without ``client``, building one fails the test."""
    if client is not None:
        original = client_module.LambdaClient
        monkeypatch.setattr("ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner.LambdaClient",
                            lambda module: original(module, client=client))
    else:
        monkeypatch.setattr("ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner.LambdaClient",
                            lambda module: pytest.fail("no client may be built"))
    args = dict(args, region="us-east-1", access_key="AKIDEXAMPLE", secret_key="wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",
                _ansible_check_mode=check_mode)
    with module_args(args):
        with pytest.raises(SystemExit):
            lambda_event.main()
    return json.loads(capsys.readouterr().out)


def sqs_task(**source_params):
    return dict(function_arn=VERSION_ARN, event_source="sqs", source_params=dict(dict(source_arn=QUEUE), **source_params))


def expect_listing(stub, *mappings, function=VERSION_ARN, source=QUEUE):
    stub.add_response("list_event_source_mappings", {"EventSourceMappings": list(mappings)},
                      dict(FunctionName=function, EventSourceArn=source))


# ------------------------------------------------------------------ options, before any client

@pytest.mark.parametrize("args, message", [
    ({"function_name": "hello"}, "missing required arguments: source_params"),
    ({"source_params": {"source_arn": QUEUE}}, "missing required arguments: lambda_function_arn"),
    ({"function_name": "hello", "source_params": {"batch_size": 5}}, "missing required arguments: source_arn found in "
                                                                     "source_params"),
    ({"function_name": "hello", "alias": "live", "version": 2, "source_params": {"source_arn": QUEUE}},
     "parameters are mutually exclusive: alias|version"),
    ({"function_name": "hello", "source_params": {"source_arn": QUEUE}},
     "event_source: stream does not agree with source_params.source_arn %s (an SQS queue); give event_source: sqs."
     % QUEUE),
    ({"function_name": "hello", "event_source": "sqs", "source_params": {"source_arn": STREAM}},
     "give event_source: stream."),
    ({"function_name": "hello", "event_source": "sqs", "source_params": {"source_arn": QUEUE, "batch_size": 0}},
     "source_params.batch_size: 0 is out of range"),
    ({"function_name": "hello", "source_params": {"source_arn": "arn:aws:sns:us-east-1:123456789012:t"}},
     "source_params.source_arn: "),
    ({"function_name": "hello world", "event_source": "sqs", "source_params": {"source_arn": QUEUE}},
     "lambda_function_arn: "),
    ({"function_name": "hello", "version": -1, "event_source": "sqs", "source_params": {"source_arn": QUEUE}},
     "version: -1 is not a version"),
    ({"function_name": "hello", "source_params": {"source_arn": STREAM, "starting_position": "AT_TIMESTAMP"}},
     "value of starting_position must be one of: TRIM_HORIZON, LATEST"),
])
def test_bad_input_fails_before_any_client_is_built(capsys, monkeypatch, args, message):
    result = run_main(capsys, monkeypatch, args)
    assert result["failed"] is True
    assert message in result["msg"], result["msg"]


def test_alias_with_the_default_version_is_accepted(capsys, monkeypatch, lambda_stub):
    expect_listing(lambda_stub, mapping(function_arn=FUNCTION_ARN + ":live"), function="hello:live")
    result = run_main(capsys, monkeypatch, dict(function_name="hello", alias="live", event_source="sqs", source_params=dict(source_arn=QUEUE)),
                      client=lambda_stub.client)
    assert result.get("failed") is not True, result["msg"]
    assert result["changed"] is False


@pytest.mark.parametrize("task, function", [
    (dict(function_name="hello", version=3), "hello:3"),
    (dict(function_name="hello", version=0), "hello"),
    (dict(lambda_function_arn=VERSION_ARN), VERSION_ARN),
    (dict(function_arn=VERSION_ARN, version=1), VERSION_ARN),
])
def test_the_function_and_its_qualifier(capsys, monkeypatch, lambda_stub, task, function):
    expect_listing(lambda_stub, mapping(function_arn=FUNCTION_ARN + ":" + function.split(":")[-1]
                                        if ":" in function else FUNCTION_ARN), function=function)
    args = dict(event_source="sqs", source_params=dict(source_arn=QUEUE), **task)
    assert run_main(capsys, monkeypatch, args, client=lambda_stub.client)["changed"] is False


# ------------------------------------------------------------------ create

@pytest.mark.parametrize("args, sent", [
    # amazon.aws.lambda_event's defaults: batch size by event_source, a 1 s window above 10 records.
    (sqs_task(), dict(BatchSize=10)),
    (sqs_task(batch_size=50), dict(BatchSize=50, MaximumBatchingWindowInSeconds=1)),
    (sqs_task(batch_size=50, maximum_batching_window_in_seconds=0), dict(BatchSize=50, MaximumBatchingWindowInSeconds=1)),
    (sqs_task(batch_size=50, maximum_batching_window_in_seconds=20),
     dict(BatchSize=50, MaximumBatchingWindowInSeconds=20)),
    (sqs_task(batch_size=5, maximum_batching_window_in_seconds=0), dict(BatchSize=5)),
    (sqs_task(enabled=False, function_response_types=["ReportBatchItemFailures"]),
     dict(BatchSize=10, Enabled=False, FunctionResponseTypes=["ReportBatchItemFailures"])),
    (sqs_task(function_response_types=[]), dict(BatchSize=10)),
    (sqs_task(starting_position="LATEST"), dict(BatchSize=10)),  # not taken for an SQS queue
    (dict(function_arn=VERSION_ARN, source_params=dict(source_arn=STREAM, starting_position="LATEST")),
     dict(EventSourceArn=STREAM, BatchSize=100, MaximumBatchingWindowInSeconds=1, StartingPosition="LATEST")),
])
def test_create_sends_amazon_aws_defaults(capsys, monkeypatch, lambda_stub, args, sent):
    source = sent.get("EventSourceArn", QUEUE)
    expect_listing(lambda_stub, source=source)
    request = dict(dict(FunctionName=VERSION_ARN, EventSourceArn=source, Enabled=True), **sent)
    created = mapping(source=source, BatchSize=request["BatchSize"])
    lambda_stub.add_response("create_event_source_mapping", created, request)
    result = run_main(capsys, monkeypatch, args, client=lambda_stub.client)
    assert result["changed"] is True
    assert result["events"] == as_amazon_aws_returns(created)
    assert result["events"]["uuid"] == UUID


def test_create_of_a_stream_without_starting_position_fails_before_any_write(capsys, monkeypatch, lambda_stub):
    expect_listing(lambda_stub, source=STREAM)
    result = run_main(capsys, monkeypatch, dict(function_arn=VERSION_ARN, source_params=dict(source_arn=STREAM)),
                      client=lambda_stub.client)
    assert result["failed"] is True
    assert result["msg"].startswith("source_params.starting_position: required to create a mapping for a Kinesis")


def test_a_fifo_queue_refuses_a_big_batch_before_any_write(capsys, monkeypatch, lambda_stub):
    expect_listing(lambda_stub, source=FIFO)
    args = dict(function_arn=VERSION_ARN, event_source="sqs", source_params=dict(source_arn=FIFO, batch_size=20))
    result = run_main(capsys, monkeypatch, args, client=lambda_stub.client)
    assert result["failed"] is True
    assert result["msg"].startswith("source_params.batch_size: a FIFO queue takes batches of at most 10 messages")


def test_check_mode_create_only_lists_and_returns_the_empty_listing(capsys, monkeypatch, lambda_stub):
    expect_listing(lambda_stub)
    result = run_main(capsys, monkeypatch, sqs_task(batch_size=5), client=lambda_stub.client, check_mode=True)
    assert result["changed"] is True
    assert result["events"] == []


# ------------------------------------------------------------------ an existing mapping

@pytest.mark.parametrize("params, current", [
    ({}, {}),
    ({"batch_size": 10, "enabled": True}, {}),
    # The window amazon.aws.lambda_event set on create is not compared when the task leaves it out.
    ({"batch_size": 50}, {"BatchSize": 50, "MaximumBatchingWindowInSeconds": 5}),
    ({"batch_size": 50, "maximum_batching_window_in_seconds": 0}, {"BatchSize": 50, "MaximumBatchingWindowInSeconds": 1}),
    ({"function_response_types": ["ReportBatchItemFailures"]}, {"FunctionResponseTypes": ["ReportBatchItemFailures"]}),
])
def test_no_change_is_one_listing_returned_as_a_list(capsys, monkeypatch, lambda_stub, params, current):
    listed = mapping(**current)
    expect_listing(lambda_stub, listed)
    result = run_main(capsys, monkeypatch, sqs_task(**params), client=lambda_stub.client)
    assert result["changed"] is False
    assert result["events"] == [as_amazon_aws_returns(listed)]


def test_the_starting_position_of_a_stream_mapping_is_not_compared(capsys, monkeypatch, lambda_stub):
    listed = mapping(source=STREAM, BatchSize=100, StartingPosition="TRIM_HORIZON")
    expect_listing(lambda_stub, listed, source=STREAM)
    args = dict(function_arn=VERSION_ARN, source_params=dict(source_arn=STREAM, batch_size=100, starting_position="LATEST"))
    assert run_main(capsys, monkeypatch, args, client=lambda_stub.client)["changed"] is False


@pytest.mark.parametrize("params, current, sent", [
    ({"batch_size": 7}, {}, {"BatchSize": 7}),
    ({"enabled": False}, {}, {"Enabled": False}),
    ({}, {"State": "Disabled"}, {"Enabled": True}),  # enabled defaults to true, as in amazon.aws.lambda_event
    ({"function_response_types": ["ReportBatchItemFailures"]}, {}, {"FunctionResponseTypes": ["ReportBatchItemFailures"]}),
    ({"function_response_types": []}, {"FunctionResponseTypes": ["ReportBatchItemFailures"]}, {"FunctionResponseTypes": []}),
    ({"batch_size": 50, "maximum_batching_window_in_seconds": 5}, {"BatchSize": 50, "MaximumBatchingWindowInSeconds": 1},
     {"MaximumBatchingWindowInSeconds": 5}),
])
def test_an_update_sends_what_differs_and_returns_the_answer(capsys, monkeypatch, lambda_stub, params, current, sent):
    expect_listing(lambda_stub, mapping(**current))
    updated = mapping(**dict(current, State="Disabled" if sent.get("Enabled") is False else "Enabled"))
    lambda_stub.add_response("update_event_source_mapping", updated, dict(sent, UUID=UUID))
    result = run_main(capsys, monkeypatch, sqs_task(**params), client=lambda_stub.client)
    assert result["changed"] is True
    assert result["events"] == as_amazon_aws_returns(updated)


def test_check_mode_update_returns_the_mapping_as_read(capsys, monkeypatch, lambda_stub):
    listed = mapping()
    expect_listing(lambda_stub, listed)
    result = run_main(capsys, monkeypatch, sqs_task(batch_size=7), client=lambda_stub.client, check_mode=True)
    assert result["changed"] is True
    assert result["events"] == [as_amazon_aws_returns(listed)]


# ------------------------------------------------------------------ state absent

def test_delete_returns_the_delete_answer(capsys, monkeypatch, lambda_stub):
    expect_listing(lambda_stub, mapping())
    deleting = mapping(State="Deleting")
    lambda_stub.add_response("delete_event_source_mapping", deleting, dict(UUID=UUID))
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", "gone", 404,
                                 expected_params=dict(UUID=UUID))
    result = run_main(capsys, monkeypatch, dict(sqs_task(), state="absent"), client=lambda_stub.client)
    assert result["changed"] is True
    assert result["events"] == as_amazon_aws_returns(deleting)
    assert result["events"]["state"] == "Deleting"


@pytest.mark.parametrize("check_mode", [True, False])
def test_delete_of_nothing_is_no_change(capsys, monkeypatch, lambda_stub, check_mode):
    expect_listing(lambda_stub)
    result = run_main(capsys, monkeypatch, dict(sqs_task(), state="absent"), client=lambda_stub.client,
                      check_mode=check_mode)
    assert result["changed"] is False
    assert result["events"] == []


def test_check_mode_delete_returns_the_mapping_as_read(capsys, monkeypatch, lambda_stub):
    listed = mapping()
    expect_listing(lambda_stub, listed)
    result = run_main(capsys, monkeypatch, dict(sqs_task(), state="absent"), client=lambda_stub.client, check_mode=True)
    assert result["changed"] is True
    assert result["events"] == [as_amazon_aws_returns(listed)]
