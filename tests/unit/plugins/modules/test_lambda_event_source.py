# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import datetime

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import MAPPING_WAIT_DELAY, LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import event_source as module_under_test
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    count_calls,
    FUNCTION_ARN,
    FakeModule,
)

QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders"
FIFO = "arn:aws:sqs:us-east-1:123456789012:orders.fifo"
STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
DDB_STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/accounts/stream/2024-05-01T00:00:00.000"
MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/payments/abcd-1"
MQ = "arn:aws:mq:us-east-1:123456789012:broker:jobs:b-1234"
DOCDB = "arn:aws:rds:us-east-1:123456789012:cluster:catalog"
UUID = "11111111-2222-3333-4444-555555555555"
OTHER_UUID = "99999999-2222-3333-4444-555555555555"
SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:broker-AbCdEf"


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(function_name="hello")
    values.update(options)
    return values


def mapping(source=QUEUE, uuid=UUID, state="Enabled", function_arn=FUNCTION_ARN, **fields):
    """A mapping as GetEventSourceMapping answers it."""
    answer = dict(UUID=uuid, EventSourceArn=source, FunctionArn=function_arn, State=state,
                  StateTransitionReason="USER_INITIATED", BatchSize=10,
                  LastModified=datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc),
                  EventSourceMappingArn="arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + uuid)
    if source is None:
        answer.pop("EventSourceArn")
    answer.update(fields)
    return answer


def listed(*mappings):
    return {"EventSourceMappings": list(mappings)}


def run(stub, check_mode=False, diff=True, **options):
    module = FakeModule(check_mode=check_mode, diff=diff, **params(**options))
    task = Task(module.params, check_mode, diff, module.warn)
    assert module_under_test.EventSourceMapping.validate(task.params) == []
    return module_under_test.EventSourceMapping.run(task, LambdaClient(task, client=stub.client))


def fails(stub, match, **options):
    with pytest.raises(LambdaError) as failure:
        run(stub, **options)
    assert failure.value.msg.startswith(match) or match in failure.value.msg, failure.value.msg
    return failure.value


# ------------------------------------------------------------------ validate

@pytest.mark.parametrize("options, start", [
    ({"event_source_arn": "arn:aws:sns:us-east-1:123456789012:t"}, "event_source_arn: "),
    ({"event_source_arn": QUEUE, "bisect_batch_on_function_error": True},
     "bisect_batch_on_function_error: not taken by an SQS queue"),
    ({"event_source_arn": QUEUE, "starting_position": "LATEST"}, "starting_position: not taken by an SQS queue"),
    ({"event_source_arn": QUEUE, "parallelization_factor": 2}, "parallelization_factor: not taken by an SQS queue"),
    ({"event_source_arn": STREAM, "scaling_config": {"maximum_concurrency": 5}}, "scaling_config: not taken by a"),
    ({"event_source_arn": QUEUE, "batch_size": 0}, "batch_size: 0 is out of range"),
    ({"event_source_arn": QUEUE, "filter_criteria": ['{"body": ']}, "filter_criteria[0]: the pattern is not valid JSON"),
    ({"event_source_arn": STREAM, "starting_position_timestamp": "soon"}, "starting_position_timestamp: soon is not"),
    ({"event_source_arn": QUEUE, "version": "latest"}, "version: latest is not a version"),
    ({"function_name": "hello:live", "alias": "dev", "event_source_arn": QUEUE}, "function_name: hello:live already"),
    ({"event_source_arn": QUEUE, "event_source": "stream"}, "event_source: stream does not agree"),
    ({"event_source_arn": STREAM, "event_source": "sqs"}, "event_source: sqs does not agree"),
    ({"event_source_arn": QUEUE, "source_params": {"source_arn": STREAM}}, "source_params: source_arn is given both"),
])
def test_validate_names_the_option(options, start):
    errors = module_under_test.validate(params(**options))
    assert len(errors) == 1 and errors[0].startswith(start), errors


# ------------------------------------------------------------------ desired

def test_omitted_options_are_not_managed():
    desired = module_under_test.desired_event_source(params(event_source_arn=QUEUE))
    assert dict((k, v) for k, v in desired.items() if v is not None) == {"FunctionName": "hello",
                                                                         "EventSourceArn": QUEUE}


def test_qualifier_of_alias_and_version_is_appended():
    assert module_under_test.desired_event_source(params(alias="live"))["FunctionName"] == "hello:live"
    assert module_under_test.desired_event_source(params(version=3))["FunctionName"] == "hello:3"
    assert module_under_test.desired_event_source(params(version=0))["FunctionName"] == "hello"
    assert module_under_test.desired_event_source(params(function_name="hello:live", alias="live"))[
        "FunctionName"] == "hello:live"


def test_amazon_aws_form_is_the_same_mapping_and_enables_it():
    legacy = module_under_test.desired_event_source(params(
        lambda_function_arn=None, event_source="stream",
        source_params=dict(source_arn=STREAM, batch_size=100, starting_position="LATEST", enabled=None,
                           function_response_types=["ReportBatchItemFailures"],
                           maximum_batching_window_in_seconds=None)))
    assert legacy["EventSourceArn"] == STREAM and legacy["StartingPosition"] == "LATEST"
    assert legacy["BatchSize"] == 100 and legacy["Enabled"] is True
    assert legacy["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    paused = module_under_test.desired_event_source(params(enabled=False, source_params=dict(source_arn=STREAM)))
    assert paused["Enabled"] is False


def test_empty_values_are_managed_and_sent_as_aws_clears_them():
    desired = module_under_test.desired_event_source(params(
        event_source_arn=STREAM, filter_criteria=[], function_response_types=[], kms_key_arn="",
        destination_config={"on_failure": {"destination": ""}}))
    assert desired["FilterCriteria"] == {"Filters": []}
    sent = module_under_test.api_form(dict(FilterCriteria=desired["FilterCriteria"],
                                           DestinationConfig=desired["DestinationConfig"]))
    assert sent == {"FilterCriteria": {}, "DestinationConfig": {"OnFailure": {}}}
    sqs = module_under_test.desired_event_source(params(event_source_arn=QUEUE, scaling_config={
        "maximum_concurrency": None}))
    assert sqs["ScalingConfig"] == {}


# ------------------------------------------------------------------ identification

def test_an_unchanged_mapping_by_uuid_costs_one_get(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_event_source_mapping", mapping(BatchSize=5), {"UUID": UUID})
    result = run(lambda_stub, function_name=None, uuid=UUID, batch_size=5, enabled=True)
    assert result["changed"] is False and sent == ["GetEventSourceMapping"]
    assert result["uuid"] == UUID and result["state"] == "Enabled"
    assert result["event_source_mapping"]["batch_size"] == 5
    assert result["event_source_mapping"]["last_modified"] == "2024-05-01T00:00:00+00:00"


def test_an_unchanged_mapping_by_function_and_source_costs_one_list(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(BatchSize=5)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, event_source_arn=QUEUE, batch_size=5,
                 filter_criteria=[])
    assert result["changed"] is False and sent == ["ListEventSourceMappings"]
    assert result["diff"] == {"before": {}, "after": {}}


def test_two_matching_mappings_ask_for_the_uuid(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(), mapping(uuid=OTHER_UUID)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    failure = fails(lambda_stub, "2 event source mappings of hello read from " + QUEUE, event_source_arn=QUEUE,
                    batch_size=5)
    assert "give uuid to say which one" in failure.msg
    assert failure.details["uuids"] == sorted([UUID, OTHER_UUID])


def test_a_mapping_of_another_qualifier_is_not_the_one(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(function_arn=FUNCTION_ARN + ":live")),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("create_event_source_mapping", mapping(uuid=OTHER_UUID),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, event_source_arn=QUEUE)
    assert result["changed"] is True and result["uuid"] == OTHER_UUID


def test_kafka_mappings_are_told_apart_by_topic(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(
        mapping(MSK, Topics=["orders"], StartingPosition="LATEST"),
        mapping(MSK, uuid=OTHER_UUID, Topics=["payments"], StartingPosition="LATEST")),
        {"FunctionName": "hello", "EventSourceArn": MSK})
    result = run(lambda_stub, event_source_arn=MSK, topics=["payments"], starting_position="LATEST")
    assert result["changed"] is False and result["uuid"] == OTHER_UUID


def test_self_managed_kafka_is_found_by_its_servers(lambda_stub):
    servers = {"KAFKA_BOOTSTRAP_SERVERS": ["b2:9092", "b1:9092"]}
    lambda_stub.add_response("list_event_source_mappings", listed(
        mapping(None, Topics=["t"], SelfManagedEventSource={"Endpoints": {"KAFKA_BOOTSTRAP_SERVERS": ["b9:9092"]}}),
        mapping(None, uuid=OTHER_UUID, Topics=["t"],
                SelfManagedEventSource={"Endpoints": {"KAFKA_BOOTSTRAP_SERVERS": ["b1:9092", "b2:9092"]}})),
        {"FunctionName": "hello"})
    result = run(lambda_stub, self_managed_event_source={"endpoints": servers}, topics=["t"])
    assert result["changed"] is False and result["uuid"] == OTHER_UUID
    assert result["event_source_mapping"]["self_managed_event_source"] == {
        "endpoints": {"KAFKA_BOOTSTRAP_SERVERS": ["b1:9092", "b2:9092"]}}


def test_a_uuid_that_does_not_exist_cannot_be_created(lambda_stub):
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404)
    fails(lambda_stub, "uuid: there is no event source mapping " + UUID, function_name=None, uuid=UUID, batch_size=5)


def test_without_uuid_the_source_is_needed(lambda_stub):
    fails(lambda_stub, "event_source_arn: required to find or create a mapping without uuid", batch_size=5)


# ------------------------------------------------------------------ create and update

def test_create_sends_only_the_given_options(lambda_stub):
    sent_params = {"FunctionName": "hello:live", "EventSourceArn": QUEUE, "BatchSize": 50,
                   "MaximumBatchingWindowInSeconds": 5, "FunctionResponseTypes": ["ReportBatchItemFailures"],
                   "ScalingConfig": {"MaximumConcurrency": 5},
                   "FilterCriteria": {"Filters": [{"Pattern": '{"body":{"type":["order"]}}'}]}}
    lambda_stub.add_response("list_event_source_mappings", listed(),
                             {"FunctionName": "hello:live", "EventSourceArn": QUEUE})
    lambda_stub.add_response("create_event_source_mapping", mapping(
        BatchSize=50, MaximumBatchingWindowInSeconds=5, FunctionArn=FUNCTION_ARN + ":live"), sent_params)
    result = run(lambda_stub, alias="live", event_source_arn=QUEUE, batch_size=50,
                 maximum_batching_window_in_seconds=5, function_response_types=["ReportBatchItemFailures"],
                 scaling_config={"maximum_concurrency": 5}, filter_criteria=[{"body": {"type": ["order"]}}])
    assert result["changed"] is True and result["uuid"] == UUID and result["state"] == "Enabled"
    assert result["diff"]["before"] == {}
    assert result["diff"]["after"]["batch_size"] == 50


def test_check_mode_create_sends_nothing_and_predicts(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": DDB_STREAM})
    result = run(lambda_stub, check_mode=True, event_source_arn=DDB_STREAM, starting_position="TRIM_HORIZON",
                 enabled=False, batch_size=200)
    assert sent == ["ListEventSourceMappings"]
    assert result["changed"] is True and result["uuid"] is None and result["state"] == "Disabled"
    assert result["event_source_mapping"]["batch_size"] == 200


def test_update_sends_only_the_changed_fields(lambda_stub):
    current = mapping(DDB_STREAM, BatchSize=100, StartingPosition="TRIM_HORIZON", MaximumRetryAttempts=-1,
                      BisectBatchOnFunctionError=False, FunctionResponseTypes=[],
                      DestinationConfig={"OnFailure": {}}, MaximumBatchingWindowInSeconds=0)
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": DDB_STREAM})
    lambda_stub.add_response("update_event_source_mapping", dict(current, MaximumRetryAttempts=3,
                                                                 MaximumBatchingWindowInSeconds=2, FunctionResponseTypes=["ReportBatchItemFailures"]),
                             {"UUID": UUID, "MaximumRetryAttempts": 3, "MaximumBatchingWindowInSeconds": 2,
                              "FunctionResponseTypes": ["ReportBatchItemFailures"]})
    result = run(lambda_stub, event_source_arn=DDB_STREAM, starting_position="TRIM_HORIZON", batch_size=100,
                 maximum_retry_attempts=3, bisect_batch_on_function_error=False, maximum_batching_window_in_seconds=2,
                 function_response_types=["ReportBatchItemFailures"], destination_config={"on_failure": {
                     "destination": ""}})
    assert result["changed"] is True
    assert result["diff"] == {
        "before": {"maximum_retry_attempts": -1, "maximum_batching_window_in_seconds": 0, "function_response_types": []},
        "after": {"maximum_retry_attempts": 3, "maximum_batching_window_in_seconds": 2,
                  "function_response_types": ["ReportBatchItemFailures"]}}


def test_a_filter_given_as_json_text_matches_the_same_filter_stored(lambda_stub):
    stored = {"Filters": [{"Pattern": '{"body": {"type": ["order"]}}'}]}
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(FilterCriteria=stored)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, event_source_arn=QUEUE, filter_criteria=['{"body":{"type":["order"]}}'])
    assert result["changed"] is False


def test_filters_are_removed_with_an_empty_list(lambda_stub):
    stored = {"Filters": [{"Pattern": '{"body": {"type": ["order"]}}'}]}
    lambda_stub.add_response("get_event_source_mapping", mapping(FilterCriteria=stored), {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(), {"UUID": UUID, "FilterCriteria": {}})
    result = run(lambda_stub, function_name=None, uuid=UUID, filter_criteria=[])
    assert result["changed"] is True and "filter_criteria" not in result["event_source_mapping"]


def test_the_scaling_limit_is_removed_with_an_empty_dict(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(ScalingConfig={"MaximumConcurrency": 5}),
                             {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(), {"UUID": UUID, "ScalingConfig": {}})
    result = run(lambda_stub, function_name=None, uuid=UUID, scaling_config={"maximum_concurrency": None})
    assert result["changed"] is True


def test_check_mode_update_predicts_a_removed_setting(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("get_event_source_mapping", mapping(ScalingConfig={"MaximumConcurrency": 5}),
                             {"UUID": UUID})
    result = run(lambda_stub, check_mode=True, function_name=None, uuid=UUID,
                 scaling_config={"maximum_concurrency": None}, enabled=False)
    assert sent == ["GetEventSourceMapping"]
    assert "scaling_config" not in result["event_source_mapping"] and result["state"] == "Disabled"


def test_disable_and_enable(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(state="Disabled"), {"UUID": UUID,
                                                                                        "Enabled": False})
    assert run(lambda_stub, function_name=None, uuid=UUID, enabled=False)["state"] == "Disabled"
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Disabled"), {"UUID": UUID})
    assert run(lambda_stub, function_name=None, uuid=UUID, enabled=False)["changed"] is False


def test_with_uuid_another_function_moves_the_mapping(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(function_arn=FUNCTION_ARN + ":live"),
                             {"UUID": UUID, "FunctionName": "hello:live"})
    result = run(lambda_stub, uuid=UUID, alias="live")
    assert result["changed"] is True and result["diff"]["after"] == {"function_name": "hello:live"}
    lambda_stub.add_response("get_event_source_mapping", mapping(function_arn=FUNCTION_ARN + ":live"), {"UUID": UUID})
    assert run(lambda_stub, uuid=UUID, function_name=FUNCTION_ARN, alias="live")["changed"] is False


def test_document_db_settings_not_given_are_kept(lambda_stub):
    config = {"DatabaseName": "shop", "CollectionName": "orders", "FullDocument": "Default"}
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(
        DOCDB, DocumentDBEventSourceConfig=config, StartingPosition="LATEST")),
        {"FunctionName": "hello", "EventSourceArn": DOCDB})
    lambda_stub.add_response("update_event_source_mapping", mapping(
        DOCDB, DocumentDBEventSourceConfig=dict(config, FullDocument="UpdateLookup")),
        {"UUID": UUID, "DocumentDBEventSourceConfig": dict(config, FullDocument="UpdateLookup")})
    result = run(lambda_stub, event_source_arn=DOCDB, document_db_event_source_config={
        "database_name": None, "collection_name": None, "full_document": "UpdateLookup"})
    assert result["changed"] is True
    assert result["diff"]["after"] == {"document_db_event_source_config": {"full_document": "UpdateLookup"}}


# ------------------------------------------------------------------ sources the local endpoint does not model

def test_create_an_msk_mapping(lambda_stub):
    sent_params = {"FunctionName": "hello", "EventSourceArn": MSK, "Topics": ["payments"],
                   "StartingPosition": "TRIM_HORIZON",
                   "AmazonManagedKafkaEventSourceConfig": {"ConsumerGroupId": "pay"},
                   "DestinationConfig": {"OnFailure": {"Destination": QUEUE}}}
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": MSK})
    lambda_stub.add_response("create_event_source_mapping", mapping(
        MSK, Topics=["payments"], StartingPosition="TRIM_HORIZON",
        AmazonManagedKafkaEventSourceConfig={"ConsumerGroupId": "pay"}), sent_params)
    result = run(lambda_stub, event_source_arn=MSK, topics=["payments"], starting_position="TRIM_HORIZON",
                 amazon_managed_kafka_event_source_config={"consumer_group_id": "pay"},
                 destination_config={"on_failure": {"destination": QUEUE}})
    assert result["changed"] is True
    assert result["event_source_mapping"]["amazon_managed_kafka_event_source_config"] == {"consumer_group_id": "pay"}


def test_a_kafka_consumer_group_cannot_change(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(
        MSK, Topics=["payments"], StartingPosition="LATEST", AmazonManagedKafkaEventSourceConfig={
            "ConsumerGroupId": "pay"})), {"FunctionName": "hello", "EventSourceArn": MSK})
    failure = fails(lambda_stub, "amazon_managed_kafka_event_source_config.consumer_group_id cannot be changed",
                    event_source_arn=MSK,
                    topics=["payments"], amazon_managed_kafka_event_source_config={"consumer_group_id": "other"})
    assert "replace: true" in failure.msg


def test_create_a_self_managed_kafka_mapping(lambda_stub):
    servers = {"KAFKA_BOOTSTRAP_SERVERS": ["b1:9092"]}
    access = [{"Type": "SASL_SCRAM_512_AUTH", "URI": SECRET}, {"Type": "VPC_SUBNET", "URI": "subnet:subnet-1"}]
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello"})
    lambda_stub.add_response("create_event_source_mapping", mapping(
        None, Topics=["t"], StartingPosition="LATEST", SelfManagedEventSource={"Endpoints": servers},
        SourceAccessConfigurations=access), {
        "FunctionName": "hello", "Topics": ["t"], "StartingPosition": "LATEST",
        "SelfManagedEventSource": {"Endpoints": servers}, "SourceAccessConfigurations": access,
        "SelfManagedKafkaEventSourceConfig": {"ConsumerGroupId": "g"}})
    result = run(lambda_stub, self_managed_event_source={"endpoints": servers}, topics=["t"],
                 starting_position="LATEST", self_managed_kafka_event_source_config={"consumer_group_id": "g"},
                 source_access_configurations=[{"type": "VPC_SUBNET", "uri": "subnet:subnet-1"},
                                               {"type": "SASL_SCRAM_512_AUTH", "uri": SECRET}])
    assert result["changed"] is True


def test_kafka_needs_a_topic_and_a_starting_position(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": MSK})
    failure = fails(lambda_stub, "starting_position: required to create a mapping for an Amazon MSK cluster",
                    event_source_arn=MSK)
    assert "topics: required" in failure.msg


def test_create_an_mq_mapping_and_change_its_access(lambda_stub):
    access = [{"Type": "BASIC_AUTH", "URI": SECRET}]
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": MQ})
    lambda_stub.add_response("create_event_source_mapping", mapping(MQ, Queues=["jobs"],
                                                                    SourceAccessConfigurations=access),
                             {"FunctionName": "hello", "EventSourceArn": MQ, "Queues": ["jobs"],
                              "SourceAccessConfigurations": access})
    assert run(lambda_stub, event_source_arn=MQ, queues=["jobs"],
               source_access_configurations=[{"type": "BASIC_AUTH", "uri": SECRET}])["changed"] is True
    new_access = [{"Type": "BASIC_AUTH", "URI": SECRET + "2"}, {"Type": "VIRTUAL_HOST", "URI": "/jobs"}]
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(MQ, Queues=["jobs"],
                                                                          SourceAccessConfigurations=access)),
                             {"FunctionName": "hello", "EventSourceArn": MQ})
    lambda_stub.add_response("update_event_source_mapping", mapping(MQ, Queues=["jobs"],
                                                                    SourceAccessConfigurations=new_access),
                             {"UUID": UUID, "SourceAccessConfigurations": new_access})
    result = run(lambda_stub, event_source_arn=MQ, queues=["jobs"], source_access_configurations=[
        {"type": "VIRTUAL_HOST", "uri": "/jobs"}, {"type": "BASIC_AUTH", "uri": SECRET + "2"}])
    assert result["changed"] is True


def test_mq_needs_a_queue(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": MQ})
    fails(lambda_stub, "queues: required to create a mapping for an Amazon MQ broker", event_source_arn=MQ)


def test_create_a_document_db_mapping(lambda_stub):
    config = {"DatabaseName": "shop", "CollectionName": "orders", "FullDocument": "UpdateLookup"}
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": DOCDB})
    lambda_stub.add_response("create_event_source_mapping", mapping(DOCDB, DocumentDBEventSourceConfig=config,
                                                                    StartingPosition="LATEST"),
                             {"FunctionName": "hello", "EventSourceArn": DOCDB, "StartingPosition": "LATEST",
                              "DocumentDBEventSourceConfig": config,
                              "SourceAccessConfigurations": [{"Type": "BASIC_AUTH", "URI": SECRET}]})
    result = run(lambda_stub, event_source_arn=DOCDB, starting_position="LATEST",
                 source_access_configurations=[{"type": "BASIC_AUTH", "uri": SECRET}],
                 document_db_event_source_config={"database_name": "shop", "collection_name": "orders",
                                                  "full_document": "UpdateLookup"})
    assert result["changed"] is True


# ------------------------------------------------------------------ rules that need the mapping as it is

def test_an_sqs_batch_above_10_needs_a_window_current_or_given(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping()),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    fails(lambda_stub, "batch_size: an SQS batch of more than 10 messages (20) needs a batching window",
          event_source_arn=QUEUE, batch_size=20)
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(MaximumBatchingWindowInSeconds=3)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("update_event_source_mapping", mapping(BatchSize=20, MaximumBatchingWindowInSeconds=3),
                             {"UUID": UUID, "BatchSize": 20})
    assert run(lambda_stub, event_source_arn=QUEUE, batch_size=20)["changed"] is True


def test_a_fifo_queue_takes_no_window(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": FIFO})
    fails(lambda_stub, "maximum_batching_window_in_seconds: FIFO queues take no batching window",
          event_source_arn=FIFO, maximum_batching_window_in_seconds=1)


def test_a_stream_needs_a_starting_position_to_be_created(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": STREAM})
    fails(lambda_stub, "starting_position: required to create a mapping for a Kinesis stream",
          event_source_arn=STREAM)


def test_options_of_another_kind_are_refused_once_the_uuid_tells_the_kind(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    fails(lambda_stub, "parallelization_factor: not taken by an SQS queue", function_name=None, uuid=UUID,
          parallelization_factor=2)


def test_the_source_cannot_change_without_replace(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    failure = fails(lambda_stub, "event_source_arn cannot be changed on an existing event source mapping",
                    function_name=None, uuid=UUID, event_source_arn=FIFO)
    assert failure.details["fields"] == ["event_source_arn"] and "replace: true" in failure.msg


def test_replace_deletes_and_creates_with_the_settings_kept(lambda_stub, sleeps):
    current = mapping(STREAM, StartingPosition="LATEST", BatchSize=50, ParallelizationFactor=2,
                      FilterCriteria={"Filters": [{"Pattern": '{"a": [1]}'}]})
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": STREAM})
    # The new mapping keeps the tags of the one it replaces (read once, only on a replacement).
    lambda_stub.add_response("list_tags", {"Tags": {"team": "web"}}, {"Resource": current["EventSourceMappingArn"]})
    lambda_stub.add_response("delete_event_source_mapping", dict(current, State="Deleting"), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", dict(current, State="Deleting"), {"UUID": UUID})
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404,
                                 expected_params={"UUID": UUID})
    lambda_stub.add_response("create_event_source_mapping", mapping(STREAM, uuid=OTHER_UUID,
                                                                    StartingPosition="TRIM_HORIZON"), {
        "FunctionName": "hello", "EventSourceArn": STREAM, "StartingPosition": "TRIM_HORIZON", "BatchSize": 50,
        "ParallelizationFactor": 2, "Enabled": True, "FilterCriteria": {"Filters": [{"Pattern": '{"a":[1]}'}]},
        "Tags": {"team": "web"}})
    result = run(lambda_stub, event_source_arn=STREAM, starting_position="TRIM_HORIZON", replace=True)
    assert result["changed"] is True and result["uuid"] == OTHER_UUID
    assert result["diff"]["before"]["uuid"] == UUID and result["diff"]["before"]["starting_position"] == "LATEST"
    assert sleeps == [MAPPING_WAIT_DELAY]


def test_check_mode_replace_sends_nothing(lambda_stub):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(STREAM, StartingPosition="LATEST")),
                             {"FunctionName": "hello", "EventSourceArn": STREAM})
    result = run(lambda_stub, check_mode=True, event_source_arn=STREAM, starting_position="TRIM_HORIZON",
                 replace=True)
    assert sent == ["ListEventSourceMappings"] and result["changed"] is True and result["uuid"] is None


# ------------------------------------------------------------------ waiting

def test_create_waits_until_the_mapping_is_enabled(lambda_stub, sleeps):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": QUEUE})
    lambda_stub.add_response("create_event_source_mapping", mapping(state="Creating"),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Creating"), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Enabling"), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    result = run(lambda_stub, event_source_arn=QUEUE)
    assert result["state"] == "Enabled"
    assert sleeps == [MAPPING_WAIT_DELAY] * 2


def test_without_wait_the_answer_is_returned_as_it_is(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(state="Disabling"), {"UUID": UUID,
                                                                                         "Enabled": False})
    result = run(lambda_stub, function_name=None, uuid=UUID, enabled=False, wait=False)
    assert result["state"] == "Disabling"


def test_a_mapping_that_is_changing_is_waited_for_before_it_is_compared(lambda_stub, sleeps):
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Updating", BatchSize=5), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Updating", BatchSize=5), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", mapping(BatchSize=5), {"UUID": UUID})
    assert run(lambda_stub, function_name=None, uuid=UUID, batch_size=5)["changed"] is False
    assert len(sleeps) == 1


def test_update_waits_for_updating(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(state="Updating", BatchSize=5),
                             {"UUID": UUID, "BatchSize": 5})
    lambda_stub.add_response("get_event_source_mapping", mapping(BatchSize=5), {"UUID": UUID})
    assert run(lambda_stub, function_name=None, uuid=UUID, batch_size=5)["state"] == "Enabled"


def test_delete_waits_until_the_mapping_is_gone(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_event_source_mappings", listed(mapping()),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("delete_event_source_mapping", mapping(state="Deleting"), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Deleting"), {"UUID": UUID})
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, event_source_arn=QUEUE, state="absent")
    assert result["changed"] is True and "uuid" not in result
    assert result["diff"]["before"]["uuid"] == UUID and result["diff"]["after"] == {}
    assert sent == ["ListEventSourceMappings", "DeleteEventSourceMapping", "GetEventSourceMapping",
                    "GetEventSourceMapping"]
    assert len(sleeps) == 1


def test_a_mapping_being_deleted_is_waited_for_and_then_created_again(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(state="Deleting")),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Deleting"), {"UUID": UUID})
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404)
    lambda_stub.add_response("create_event_source_mapping", mapping(uuid=OTHER_UUID),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, event_source_arn=QUEUE)
    assert result["changed"] is True and result["uuid"] == OTHER_UUID and result["state"] == "Enabled"
    assert sent == ["ListEventSourceMappings", "GetEventSourceMapping", "GetEventSourceMapping",
                    "CreateEventSourceMapping"]
    assert len(sleeps) == 1


def test_absent_waits_for_an_update_to_settle_and_then_deletes(lambda_stub, sleeps):
    sent = count_calls(lambda_stub.client)
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(state="Updating")),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Updating"), {"UUID": UUID})
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    lambda_stub.add_response("delete_event_source_mapping", mapping(state="Deleting"), {"UUID": UUID})
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, event_source_arn=QUEUE, state="absent")
    assert result["changed"] is True and result["diff"]["before"]["uuid"] == UUID
    assert sent == ["ListEventSourceMappings", "GetEventSourceMapping", "GetEventSourceMapping",
                    "DeleteEventSourceMapping", "GetEventSourceMapping"]
    assert len(sleeps) == 1


def test_absent_when_there_is_none_is_no_change(lambda_stub):
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404)
    result = run(lambda_stub, function_name=None, uuid=UUID, state="absent")
    assert result["changed"] is False


def test_waiting_too_long_fails_with_the_state(lambda_stub):
    lambda_stub.add_response("get_event_source_mapping", mapping(), {"UUID": UUID})
    lambda_stub.add_response("update_event_source_mapping", mapping(state="Updating"), {"UUID": UUID,
                                                                                        "BatchSize": 5})
    for read in range(3):  # wait_timeout 5 s / 2 s between reads
        lambda_stub.add_response("get_event_source_mapping", mapping(state="Updating", BatchSize=read + 1), {"UUID": UUID})
    failure = fails(lambda_stub, "The event source mapping %s was still Updating after 5 seconds" % UUID,
                    function_name=None, uuid=UUID, batch_size=5, wait_timeout=5)
    assert failure.details["state"] == "Updating"


def test_a_mapping_that_ends_disabled_with_a_problem_fails(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello",
                                                                      "EventSourceArn": QUEUE})
    lambda_stub.add_response("create_event_source_mapping", mapping(state="Creating"),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    reason = "PROBLEM: Function call failed: the execution role cannot receive messages from the queue"
    lambda_stub.add_response("get_event_source_mapping", mapping(state="Disabled", StateTransitionReason=reason),
                             {"UUID": UUID})
    failure = fails(lambda_stub, "The event source mapping %s ended Disabled: PROBLEM" % UUID,
                    event_source_arn=QUEUE)
    assert failure.details["state_transition_reason"] == reason


# ------------------------------------------------------------------ the module boundary

def test_main_converges_and_fails_through_the_runner(run_main, lambda_stub):
    from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_event_source

    lambda_stub.add_response("get_event_source_mapping", mapping(BatchSize=5), {"UUID": UUID})
    code, result = run_main(lambda_event_source, uuid=UUID, batch_size=5)
    assert code == 0 and result["changed"] is False and result["uuid"] == UUID
    lambda_stub.add_client_error("get_event_source_mapping", "ResourceNotFoundException", http_status_code=404)
    code, result = run_main(lambda_event_source, uuid=UUID, batch_size=5)
    assert code == 1 and result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("uuid: there is no event source mapping " + UUID)
    code, result = run_main(lambda_event_source, function_name="hello", event_source_arn=QUEUE, batch_size=0)
    assert code == 1 and result["msg"].startswith("batch_size: 0 is out of range; AWS takes 1 to 10000.")


# ------------------------------------------------------------------ metrics, pollers, logging, tags, schema registry

ESM_ARN = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + UUID
REGISTRY = "arn:aws:glue:us-east-1:123456789012:registry/payments"


@pytest.mark.parametrize("options, start", [
    ({"event_source_arn": QUEUE, "metrics_config": {"metrics": ["ErrorCount"]}},
     "metrics_config: the metric ErrorCount is not produced for an SQS queue"),
    ({"event_source_arn": QUEUE, "logging_config": {"system_log_level": "INFO"}}, "logging_config: not taken by an SQS"),
    ({"event_source_arn": STREAM, "provisioned_poller_config": {"maximum_pollers": 5}},
     "provisioned_poller_config: not taken by a Kinesis stream"),
    ({"event_source_arn": QUEUE, "provisioned_poller_config": {"poller_group_name": "g"}},
     "provisioned_poller_config.poller_group_name: not taken by an SQS queue"),
    ({"event_source_arn": QUEUE, "provisioned_poller_config": {"maximum_pollers": 0}},
     "provisioned_poller_config: maximum_pollers 0 is out of range; AWS takes 1 to 10000"),
    ({"event_source_arn": QUEUE, "provisioned_poller_config": {"minimum_pollers": 300}},
     "provisioned_poller_config: minimum_pollers 300 is out of range; AWS takes 1 to 200"),
    ({"event_source_arn": QUEUE, "provisioned_poller_config": {"minimum_pollers": 9, "maximum_pollers": 3}},
     "provisioned_poller_config: minimum_pollers 9 is more than maximum_pollers 3"),
    ({"event_source_arn": MSK, "provisioned_poller_config": {"poller_group_name": "g" * 129}},
     "provisioned_poller_config.poller_group_name: 129 characters; AWS takes 0 to 128"),
    ({"event_source_arn": STREAM, "destination_config": {"on_success": {"destination": QUEUE}, "on_failure": None}},
     "destination_config.on_success: AWS takes no on-success destination for an event source mapping"),
    ({"event_source_arn": MSK, "topics": ["t"], "destination_config": {"on_success": {"destination": QUEUE},
                                                                       "on_failure": {"destination": QUEUE}}},
     "destination_config.on_success: AWS takes no on-success destination for an event source mapping"),
    ({"event_source_arn": STREAM, "destination_config": {"on_success": None, "on_failure": None}},
     "destination_config: give on_failure"),
    ({"event_source_arn": MSK, "amazon_managed_kafka_event_source_config": {"consumer_group_id": "g" * 201}},
     "amazon_managed_kafka_event_source_config.consumer_group_id: 201 characters; AWS takes 1 to 200"),
    ({"event_source_arn": QUEUE, "tags": {"team": {"name": "web"}}}, "tags: the value of team is a dictionary"),
])
def test_newer_fields_refused_before_any_request_name_the_option(options, start):
    errors = module_under_test.validate(params(**options))
    assert any(error.startswith(start) for error in errors), errors


def test_a_metrics_and_pollers_mapping_is_created_with_its_tags(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("create_event_source_mapping", mapping(
        MetricsConfig={"Metrics": ["EventCount"]}, ProvisionedPollerConfig={"MinimumPollers": 2, "MaximumPollers": 20}),
        {"FunctionName": "hello", "EventSourceArn": QUEUE, "MetricsConfig": {"Metrics": ["EventCount"]},
         "ProvisionedPollerConfig": {"MinimumPollers": 2, "MaximumPollers": 20}, "Tags": {"team": "web", "n": "1"}})
    result = run(lambda_stub, event_source_arn=QUEUE, metrics_config={"metrics": ["EventCount", "EventCount"]},
                 provisioned_poller_config={"minimum_pollers": 2, "maximum_pollers": 20, "poller_group_name": None},
                 tags={"team": "web", "n": 1})
    assert result["changed"] is True
    assert result["event_source_mapping"]["metrics_config"] == {"metrics": ["EventCount"]}
    assert result["event_source_mapping"]["provisioned_poller_config"] == {"minimum_pollers": 2, "maximum_pollers": 20}
    assert result["event_source_mapping"]["tags"] == {"team": "web", "n": "1"}
    assert result["diff"]["after"]["tags"] == {"team": "web", "n": "1"}


def test_check_mode_create_predicts_the_newer_fields(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, check_mode=True, event_source_arn=QUEUE, metrics_config={"metrics": ["EventCount"]},
                 tags={"team": "web"})
    assert result["changed"] is True and result["uuid"] is None
    assert result["event_source_mapping"]["metrics_config"] == {"metrics": ["EventCount"]}
    assert result["event_source_mapping"]["tags"] == {"team": "web"}


def test_tags_are_read_only_when_given(lambda_stub):
    current = mapping()
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, event_source_arn=QUEUE, batch_size=10)
    assert result["changed"] is False and "tags" not in result["event_source_mapping"]
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("list_tags", {"Tags": {"team": "web"}}, {"Resource": ESM_ARN})
    result = run(lambda_stub, event_source_arn=QUEUE, tags={"team": "web"})
    assert result["changed"] is False and result["event_source_mapping"]["tags"] == {"team": "web"}


def test_tags_are_changed_with_tag_and_untag_only(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping()),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("list_tags", {"Tags": {"team": "web", "old": "x"}}, {"Resource": ESM_ARN})
    lambda_stub.add_response("untag_resource", {}, {"Resource": ESM_ARN, "TagKeys": ["old"]})
    lambda_stub.add_response("tag_resource", {}, {"Resource": ESM_ARN, "Tags": {"team": "api"}})
    result = run(lambda_stub, event_source_arn=QUEUE, tags={"team": "api"})
    assert result["changed"] is True and result["event_source_mapping"]["tags"] == {"team": "api"}
    assert result["diff"] == {"before": {"tags": {"team": "web", "old": "x"}}, "after": {"tags": {"team": "api"}}}


def test_tags_without_purge_are_added_to_those_there(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping()),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("list_tags", {"Tags": {"old": "x"}}, {"Resource": ESM_ARN})
    lambda_stub.add_response("tag_resource", {}, {"Resource": ESM_ARN, "Tags": {"team": "api"}})
    result = run(lambda_stub, event_source_arn=QUEUE, tags={"team": "api"}, purge_tags=False)
    assert result["event_source_mapping"]["tags"] == {"old": "x", "team": "api"}


def test_metrics_are_a_set_and_removed_with_an_empty_list(lambda_stub):
    current = mapping(MSK, Topics=["t"], StartingPosition="LATEST",
                      MetricsConfig={"Metrics": ["KafkaMetrics", "EventCount"]})
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": MSK})
    assert run(lambda_stub, event_source_arn=MSK, metrics_config={"metrics": ["EventCount", "KafkaMetrics"]})[
        "changed"] is False
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": MSK})
    lambda_stub.add_response("update_event_source_mapping", mapping(MSK, Topics=["t"], MetricsConfig={"Metrics": []}),
                             {"UUID": UUID, "MetricsConfig": {"Metrics": []}})
    result = run(lambda_stub, event_source_arn=MSK, metrics_config={"metrics": []})
    assert result["changed"] is True and "metrics_config" not in result["event_source_mapping"]


def test_pollers_not_given_are_kept_and_an_empty_config_ends_provisioned_mode(lambda_stub):
    pollers = {"MinimumPollers": 2, "MaximumPollers": 20}
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(ProvisionedPollerConfig=pollers)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("update_event_source_mapping", mapping(ProvisionedPollerConfig=dict(pollers, MaximumPollers=50)),
                             {"UUID": UUID, "ProvisionedPollerConfig": {"MinimumPollers": 2, "MaximumPollers": 50}})
    result = run(lambda_stub, event_source_arn=QUEUE, provisioned_poller_config={"maximum_pollers": 50})
    assert result["diff"] == {"before": {"provisioned_poller_config": {"maximum_pollers": 20}},
                              "after": {"provisioned_poller_config": {"maximum_pollers": 50}}}
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(ProvisionedPollerConfig=pollers)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    result = run(lambda_stub, check_mode=True, event_source_arn=QUEUE, provisioned_poller_config={})
    assert result["changed"] is True and "provisioned_poller_config" not in result["event_source_mapping"]
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(ProvisionedPollerConfig=pollers)),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    lambda_stub.add_response("update_event_source_mapping", mapping(),
                             {"UUID": UUID, "ProvisionedPollerConfig": {}})
    result = run(lambda_stub, event_source_arn=QUEUE, provisioned_poller_config={})
    assert result["diff"] == {"before": {"provisioned_poller_config": {"minimum_pollers": 2, "maximum_pollers": 20}},
                              "after": {"provisioned_poller_config": {}}}
    lambda_stub.add_response("list_event_source_mappings", listed(mapping()),
                             {"FunctionName": "hello", "EventSourceArn": QUEUE})
    assert run(lambda_stub, event_source_arn=QUEUE, provisioned_poller_config={})["changed"] is False


def test_a_kafka_mapping_is_created_with_logging_pollers_and_a_schema_registry(lambda_stub):
    registry = {"SchemaRegistryURI": REGISTRY, "EventRecordFormat": "JSON",
                "AccessConfigs": [{"Type": "BASIC_AUTH", "URI": SECRET}],
                "SchemaValidationConfigs": [{"Attribute": "KEY"}, {"Attribute": "VALUE"}]}
    sent = {"FunctionName": "hello", "EventSourceArn": MSK, "Topics": ["payments"], "StartingPosition": "LATEST",
            "AmazonManagedKafkaEventSourceConfig": {"ConsumerGroupId": "pay", "SchemaRegistryConfig": registry},
            "LoggingConfig": {"SystemLogLevel": "WARN"},
            "ProvisionedPollerConfig": {"MinimumPollers": 1, "PollerGroupName": "payments"},
            "DestinationConfig": {"OnFailure": {"Destination": QUEUE}}}
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello", "EventSourceArn": MSK})
    lambda_stub.add_response("create_event_source_mapping", mapping(
        MSK, Topics=["payments"], StartingPosition="LATEST", LoggingConfig={"SystemLogLevel": "WARN"},
        AmazonManagedKafkaEventSourceConfig={"ConsumerGroupId": "pay", "SchemaRegistryConfig": registry},
        DestinationConfig={"OnFailure": {"Destination": QUEUE}}), sent)
    result = run(lambda_stub, event_source_arn=MSK, topics=["payments"], starting_position="LATEST",
                 logging_config={"system_log_level": "WARN"},
                 provisioned_poller_config={"minimum_pollers": 1, "poller_group_name": "payments"},
                 destination_config={"on_failure": {"destination": QUEUE}},
                 amazon_managed_kafka_event_source_config={"consumer_group_id": "pay", "schema_registry_config": {
                     "schema_registry_uri": REGISTRY, "event_record_format": "JSON",
                     "access_configs": [{"type": "BASIC_AUTH", "uri": SECRET}],
                     "schema_validation_configs": [{"attribute": "VALUE"}, {"attribute": "KEY"}]}})
    assert result["changed"] is True
    shown = result["event_source_mapping"]
    assert shown["destination_config"] == {"on_failure": {"destination": QUEUE}}
    assert shown["logging_config"] == {"system_log_level": "WARN"}
    assert shown["amazon_managed_kafka_event_source_config"]["schema_registry_config"]["schema_registry_uri"] == REGISTRY


def test_a_kafka_schema_registry_is_updated_in_place_and_its_lists_are_sets(lambda_stub):
    registry = {"SchemaRegistryURI": REGISTRY, "EventRecordFormat": "JSON",
                "SchemaValidationConfigs": [{"Attribute": "VALUE"}, {"Attribute": "KEY"}]}
    current = mapping(MSK, Topics=["payments"], StartingPosition="LATEST", AmazonManagedKafkaEventSourceConfig={
        "ConsumerGroupId": "pay", "SchemaRegistryConfig": registry})
    given = {"consumer_group_id": "pay", "schema_registry_config": {
        "schema_registry_uri": REGISTRY, "event_record_format": None, "access_configs": None,
        "schema_validation_configs": [{"attribute": "KEY"}, {"attribute": "VALUE"}]}}
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": MSK})
    assert run(lambda_stub, event_source_arn=MSK, topics=["payments"],
               amazon_managed_kafka_event_source_config=given)["changed"] is False
    # Another record format: UpdateEventSourceMapping with the whole registry and without the consumer group,
    # which AWS never changes.
    changed = dict(given, schema_registry_config=dict(given["schema_registry_config"], event_record_format="SOURCE"))
    lambda_stub.add_response("list_event_source_mappings", listed(current),
                             {"FunctionName": "hello", "EventSourceArn": MSK})
    lambda_stub.add_response("update_event_source_mapping", current, {
        "UUID": UUID, "AmazonManagedKafkaEventSourceConfig": {"SchemaRegistryConfig": {
            "SchemaRegistryURI": REGISTRY, "EventRecordFormat": "SOURCE", "AccessConfigs": [],
            "SchemaValidationConfigs": [{"Attribute": "KEY"}, {"Attribute": "VALUE"}]}}})
    result = run(lambda_stub, event_source_arn=MSK, topics=["payments"],
                 amazon_managed_kafka_event_source_config=changed)
    assert result["changed"] is True
    assert result["diff"]["after"] == {"amazon_managed_kafka_event_source_config": {
        "consumer_group_id": "pay", "schema_registry_config": {
            "schema_registry_uri": REGISTRY, "event_record_format": "SOURCE",
            "schema_validation_configs": [{"attribute": "KEY"}, {"attribute": "VALUE"}]}}}


def test_a_self_managed_kafka_consumption_mode_is_stream_unless_aws_says_otherwise(lambda_stub):
    servers = {"KAFKA_BOOTSTRAP_SERVERS": ["b1:9092"]}
    current = mapping(None, Topics=["t"], StartingPosition="LATEST", SelfManagedEventSource={"Endpoints": servers},
                      SelfManagedKafkaEventSourceConfig={"ConsumerGroupId": "g"})
    lambda_stub.add_response("list_event_source_mappings", listed(current), {"FunctionName": "hello"})
    assert run(lambda_stub, self_managed_event_source={"endpoints": servers}, topics=["t"],
               self_managed_kafka_event_source_config={"consumption_mode": "Stream"})["changed"] is False
    lambda_stub.add_response("list_event_source_mappings", listed(current), {"FunctionName": "hello"})
    fails(lambda_stub, "self_managed_kafka_event_source_config.consumption_mode cannot be changed",
          self_managed_event_source={"endpoints": servers}, topics=["t"],
          self_managed_kafka_event_source_config={"consumption_mode": "Queue"})


def test_a_kafka_share_group_takes_no_starting_position(lambda_stub):
    servers = {"KAFKA_BOOTSTRAP_SERVERS": ["b1:9092"]}
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello"})
    fails(lambda_stub, "starting_position: not taken with self_managed_kafka_event_source_config.consumption_mode Queue",
          self_managed_event_source={"endpoints": servers}, topics=["t"], starting_position="LATEST",
          self_managed_kafka_event_source_config={"consumption_mode": "Queue"})
    lambda_stub.add_response("list_event_source_mappings", listed(), {"FunctionName": "hello"})
    lambda_stub.add_response("create_event_source_mapping", mapping(
        None, Topics=["t"], SelfManagedEventSource={"Endpoints": servers},
        SelfManagedKafkaEventSourceConfig={"ConsumptionMode": "Queue"}), {
        "FunctionName": "hello", "Topics": ["t"], "SelfManagedEventSource": {"Endpoints": servers},
        "SelfManagedKafkaEventSourceConfig": {"ConsumptionMode": "Queue"}})
    assert run(lambda_stub, self_managed_event_source={"endpoints": servers}, topics=["t"],
               self_managed_kafka_event_source_config={"consumption_mode": "Queue"})["changed"] is True


def test_a_stream_destination_update_sends_no_on_success(lambda_stub):
    lambda_stub.add_response("list_event_source_mappings", listed(mapping(STREAM, StartingPosition="LATEST")),
                             {"FunctionName": "hello", "EventSourceArn": STREAM})
    lambda_stub.add_response("update_event_source_mapping", mapping(STREAM), {
        "UUID": UUID, "DestinationConfig": {"OnFailure": {"Destination": QUEUE}}})
    assert run(lambda_stub, event_source_arn=STREAM, destination_config={"on_failure": {"destination": QUEUE}})["changed"]
