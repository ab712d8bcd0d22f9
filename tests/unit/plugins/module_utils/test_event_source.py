# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import datetime

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum, service_model
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import event_source as es

QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders"
FIFO = "arn:aws:sqs:us-east-1:123456789012:orders.fifo"
DDB_STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/accounts/stream/2024-05-01T00:00:00.000"
KINESIS = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
MSK = "arn:aws:kafka:us-east-1:123456789012:cluster/payments/abcd-1"
MQ = "arn:aws:mq:us-east-1:123456789012:broker:jobs:b-1234"
DOCDB = "arn:aws:rds:us-east-1:123456789012:cluster:catalog"


@pytest.mark.parametrize("arn, kind", [
    (QUEUE, es.SQS), (FIFO, es.SQS), (DDB_STREAM, es.DYNAMODB), (KINESIS, es.KINESIS),
    (KINESIS + "/consumer/c1:1700000000", es.KINESIS), (MSK, es.MSK), (MQ, es.MQ), (DOCDB, es.DOCUMENTDB),
])
def test_kind_of_reads_the_service_of_the_arn(arn, kind):
    assert es.kind_of(arn) == kind


def test_a_self_managed_source_is_kafka():
    assert es.kind_of(None, {"endpoints": {"KAFKA_BOOTSTRAP_SERVERS": ["b1:9092"]}}) == es.KAFKA
    assert es.kind_of(None, None) is None


@pytest.mark.parametrize("arn, message", [
    ("arn:aws:sns:us-east-1:123456789012:topic", "is a sns resource, which Lambda does not poll"),
    ("arn:aws:dynamodb:us-east-1:123456789012:table/accounts", "is a DynamoDB table, not its stream"),
    ("orders", "is not an ARN"),
])
def test_kind_of_refuses_what_lambda_does_not_poll(arn, message):
    with pytest.raises(ValueError, match=message):
        es.kind_of(arn)


def test_is_fifo():
    assert es.is_fifo(FIFO) and not es.is_fifo(QUEUE) and not es.is_fifo(None)
    assert not es.is_fifo("arn:aws:kinesis:us-east-1:123456789012:stream/x.fifo")


@pytest.mark.parametrize("given, expected", [
    ("hello", ("hello", None)),
    ("hello:live", ("hello", "live")),
    ("hello:$LATEST", ("hello", None)),
    ("123456789012:function:hello:3", ("hello", "3")),
    ("arn:aws:lambda:us-east-1:123456789012:function:hello", ("hello", None)),
    ("arn:aws:lambda:us-east-1:123456789012:function:hello:live", ("hello", "live")),
])
def test_split_function(given, expected):
    assert es.function_and_qualifier(given) == expected


@pytest.mark.parametrize("alias, version, expected", [
    (None, None, None), ("live", None, "live"), (None, 0, None), (None, "0", None), (None, "$LATEST", None),
    (None, 3, "3"), (None, "03", "3"),
])
def test_qualifier_of(alias, version, expected):
    assert es.qualifier_of(alias, version) == expected


@pytest.mark.parametrize("version", ["latest", -1, True, "1.5"])
def test_qualifier_of_refuses_what_is_not_a_version(version):
    with pytest.raises(ValueError, match="^version: "):
        es.qualifier_of(None, version)


def test_function_matches_name_and_qualifier():
    arn = "arn:aws:lambda:us-east-1:123456789012:function:hello"
    assert es.function_matches(arn, "hello", None)
    assert not es.function_matches(arn, "hello", "live")
    assert es.function_matches(arn + ":live", "hello", "live")
    assert not es.function_matches(arn + ":live", "other", "live")


# ------------------------------------------------------------------ filter criteria

def test_a_pattern_as_dict_and_as_json_text_are_the_same():
    as_dict = es.canonical_filters([{"body": {"type": ["order"], "amount": [{"numeric": [">", 10]}]}}])
    as_text = es.canonical_filters(['{ "body" : { "amount": [{"numeric": [">", 10]}], "type": ["order"] } }'])
    assert as_dict == as_text
    assert as_dict == {"Filters": [{"Pattern": '{"body":{"amount":[{"numeric":[">",10]}],"type":["order"]}}'}]}


def test_the_order_of_the_filters_does_not_count():
    assert es.canonical_filters([{"a": [1]}, {"b": [2]}]) == es.canonical_filters([{"b": [2]}, '{"a": [1]}'])


def test_an_empty_list_is_no_filters():
    assert es.canonical_filters([]) == {"Filters": []}


@pytest.mark.parametrize("pattern, message", [
    ('{"body": ', r"filter_criteria\[1\]: the pattern is not valid JSON"),
    ("[1, 2]", r"filter_criteria\[1\]: a filter pattern is a dictionary .*not list"),
    (42, r"filter_criteria\[1\]: a filter pattern is a dictionary .*not int"),
])
def test_a_pattern_that_is_not_a_json_object_is_refused(pattern, message):
    with pytest.raises(ValueError, match=message):
        es.canonical_filters([{"ok": [1]}, pattern])


def test_current_filters_reads_what_aws_stored_in_any_spelling():
    stored = {"Filters": [{"Pattern": '{"b": [2]}'}, {"Pattern": '{"a":[1]}'}]}
    assert es.current_filters(stored) == es.canonical_filters([{"a": [1]}, {"b": [2]}])
    assert es.current_filters(None) == es.current_filters({}) == {"Filters": []}
    assert es.current_filters({"Filters": [{"Pattern": "not json"}]}) == {"Filters": [{"Pattern": "not json"}]}


# ------------------------------------------------------------------ timestamps

@pytest.mark.parametrize("value", [
    "2024-05-01T12:00:00Z", "2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00", 1714564800, "1714564800",
    datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.timezone.utc),
])
def test_timestamp_forms_are_one_text(value):
    assert es.timestamp_text(value) == "2024-05-01T12:00:00Z"


def test_a_timestamp_that_is_not_a_time_is_refused():
    with pytest.raises(ValueError, match="^starting_position_timestamp: yesterday is not a time"):
        es.timestamp_text("yesterday")


# ------------------------------------------------------------------ rules

@pytest.mark.parametrize("option", ["bisect_batch_on_function_error", "maximum_retry_attempts",
                                    "maximum_record_age_in_seconds", "parallelization_factor",
                                    "tumbling_window_in_seconds", "destination_config", "starting_position",
                                    "topics", "queues", "source_access_configurations"])
def test_stream_and_kafka_options_are_refused_for_sqs(option):
    errors = es.option_errors(es.SQS, [option])
    assert errors == [errors[0]] and errors[0].startswith("%s: not taken by an SQS queue" % option)


@pytest.mark.parametrize("kind, option", [
    (es.KINESIS, "scaling_config"), (es.DYNAMODB, "topics"), (es.MSK, "queues"), (es.MQ, "starting_position"),
    (es.KINESIS, "document_db_event_source_config"), (es.KAFKA, "amazon_managed_kafka_event_source_config"),
    (es.MSK, "self_managed_kafka_event_source_config"), (es.DYNAMODB, "starting_position_timestamp"),
])
def test_options_of_another_kind_are_refused(kind, option):
    assert es.option_errors(kind, [option])[0].startswith(option + ": not taken by")


@pytest.mark.parametrize("kind, options", [
    (es.SQS, ["batch_size", "scaling_config", "filter_criteria", "function_response_types"]),
    (es.KINESIS, ["starting_position", "starting_position_timestamp", "parallelization_factor", "destination_config"]),
    (es.DYNAMODB, ["tumbling_window_in_seconds", "bisect_batch_on_function_error"]),
    (es.MSK, ["topics", "amazon_managed_kafka_event_source_config", "source_access_configurations"]),
    (es.KAFKA, ["topics", "self_managed_kafka_event_source_config", "starting_position"]),
    (es.MQ, ["queues", "source_access_configurations"]),
    (es.DOCUMENTDB, ["document_db_event_source_config", "starting_position"]),
    (None, ["scaling_config", "topics"]),  # kind not known yet: checked once the mapping is read
])
def test_options_of_the_kind_are_taken(kind, options):
    assert es.option_errors(kind, options) == []


@pytest.mark.parametrize("params, start", [
    ({"batch_size": 0}, "batch_size: 0 is out of range; AWS takes 1 to 10000."),
    ({"batch_size": 10001}, "batch_size: 10001 is out of range"),
    ({"maximum_batching_window_in_seconds": 301}, "maximum_batching_window_in_seconds: 301 is out of range"),
    ({"maximum_retry_attempts": -2}, "maximum_retry_attempts: -2 is out of range"),
    ({"maximum_record_age_in_seconds": 59}, "maximum_record_age_in_seconds: 59 is out of range; AWS takes -1"),
    ({"maximum_record_age_in_seconds": 604801}, "maximum_record_age_in_seconds: 604801 is out of range"),
    ({"parallelization_factor": 11}, "parallelization_factor: 11 is out of range"),
    ({"tumbling_window_in_seconds": 901}, "tumbling_window_in_seconds: 901 is out of range"),
    ({"scaling_config": {"maximum_concurrency": 1}}, "scaling_config: maximum_concurrency 1 is out of range"),
    ({"topics": ["a", "b"]}, "topics: a mapping reads exactly one (2 given)."),
    ({"queues": []}, "queues: a mapping reads exactly one (0 given)."),
    ({"wait_timeout": 0}, "wait_timeout: 0 is out of range; AWS takes 1 or more."),
])
def test_range_errors_name_the_option(params, start):
    errors = es.range_errors(params)
    assert len(errors) == 1 and errors[0].startswith(start), errors


@pytest.mark.parametrize("params", [
    {"batch_size": 1}, {"batch_size": 10000}, {"maximum_record_age_in_seconds": -1},
    {"maximum_record_age_in_seconds": 60}, {"maximum_retry_attempts": -1}, {"tumbling_window_in_seconds": 0},
    {"scaling_config": {"maximum_concurrency": None}}, {"scaling_config": {"maximum_concurrency": 1000}},
])
def test_range_limits_are_taken(params):
    assert es.range_errors(params) == []


@pytest.mark.parametrize("kind, fifo, mapping, creating, start", [
    (es.SQS, False, {"BatchSize": 11}, True, "batch_size: an SQS batch of more than 10 messages (11) needs a batching"),
    (es.SQS, False, {"BatchSize": 50, "MaximumBatchingWindowInSeconds": 0}, False, "batch_size: an SQS batch"),
    (es.SQS, True, {"BatchSize": 11}, True, "batch_size: a FIFO queue takes batches of at most 10 messages, not 11"),
    (es.SQS, True, {"MaximumBatchingWindowInSeconds": 1}, True, "maximum_batching_window_in_seconds: FIFO queues"),
    (es.KINESIS, False, {}, True, "starting_position: required to create a mapping for a Kinesis stream"),
    (es.DYNAMODB, False, {}, True, "starting_position: required to create a mapping for a DynamoDB stream"),
    (es.MSK, False, {"Topics": ["t"]}, True, "starting_position: required to create a mapping for an Amazon MSK"),
    (es.DYNAMODB, False, {"StartingPosition": "AT_TIMESTAMP", "StartingPositionTimestamp": "x"}, True,
     "starting_position: DynamoDB streams do not take AT_TIMESTAMP"),
    (es.KINESIS, False, {"StartingPosition": "AT_TIMESTAMP"}, True, "starting_position_timestamp: required with"),
    (es.KINESIS, False, {"StartingPosition": "LATEST", "StartingPositionTimestamp": "x"}, True,
     "starting_position_timestamp: only taken with starting_position AT_TIMESTAMP, not LATEST"),
    (es.KAFKA, False, {"StartingPosition": "LATEST"}, True, "topics: required to create a mapping for a self-managed"),
    (es.MQ, False, {}, True, "queues: required to create a mapping for an Amazon MQ broker"),
])
def test_mapping_errors_name_the_rule(kind, fifo, mapping, creating, start):
    errors = es.mapping_errors(kind, fifo, mapping, creating)
    assert len(errors) == 1 and errors[0].startswith(start), errors


@pytest.mark.parametrize("kind, fifo, mapping, creating", [
    (es.SQS, False, {"BatchSize": 10}, True),
    (es.SQS, False, {"BatchSize": 10000, "MaximumBatchingWindowInSeconds": 1}, True),
    (es.SQS, True, {"BatchSize": 10}, True),
    (es.KINESIS, False, {"BatchSize": 10000}, False),  # an existing stream mapping needs no starting position
    (es.KINESIS, False, {"StartingPosition": "AT_TIMESTAMP", "StartingPositionTimestamp": "x"}, True),
    (es.MSK, False, {"StartingPosition": "TRIM_HORIZON", "Topics": ["t"]}, True),
    (es.MQ, False, {"Queues": ["q"]}, True),
    (es.DOCUMENTDB, False, {}, True),
])
def test_mapping_rules_accept_what_aws_accepts(kind, fifo, mapping, creating):
    assert es.mapping_errors(kind, fifo, mapping, creating) == []


def test_a_fifo_window_aws_already_reports_is_not_the_tasks_doing():
    assert es.mapping_errors(es.SQS, True, {"MaximumBatchingWindowInSeconds": 0}, False, asked={}) == []


def test_create_only_changes():
    current = {"EventSourceArn": KINESIS, "StartingPosition": "LATEST",
               "AmazonManagedKafkaEventSourceConfig": {"ConsumerGroupId": "g1"}}
    assert es.create_only_changes({"EventSourceArn": KINESIS, "StartingPosition": "LATEST", "BatchSize": 5},
                                  current) == {}
    assert es.create_only_changes({"StartingPosition": "TRIM_HORIZON", "StartingPositionTimestamp": None},
                                  current) == {"StartingPosition": ("LATEST", "TRIM_HORIZON")}
    assert es.create_only_changes({"AmazonManagedKafkaEventSourceConfig": {"ConsumerGroupId": "g2"}}, current) == {
        "AmazonManagedKafkaEventSourceConfig.ConsumerGroupId": ("g1", "g2")}
    assert es.create_only_changes({"AmazonManagedKafkaEventSourceConfig": {"ConsumerGroupId": None}}, current) == {}
    # The schema registry is updated in place (UpdateEventSourceMapping takes it): no create-only change.
    registry = {"SchemaRegistryURI": "https://registry.example.com", "EventRecordFormat": "JSON"}
    assert es.create_only_changes({"AmazonManagedKafkaEventSourceConfig": {
        "ConsumerGroupId": "g1", "SchemaRegistryConfig": registry}}, current) == {}
    assert es.create_only_changes({"SelfManagedKafkaEventSourceConfig": {"ConsumptionMode": "Queue"}}, {
        "SelfManagedKafkaEventSourceConfig": {"ConsumptionMode": "Stream"}}) == {
        "SelfManagedKafkaEventSourceConfig.ConsumptionMode": ("Stream", "Queue")}


def test_create_only_fields_are_what_the_update_shape_lacks():
    model = service_model()
    create = set(model.shape_for("CreateEventSourceMappingRequest").members)
    update = set(model.shape_for("UpdateEventSourceMappingRequest").members)
    assert sorted(es.CREATE_ONLY) == sorted(create - update - {"Tags"})
    for field, parts in es.CREATE_ONLY_PARTS.items():
        assert field in update and set(parts) <= set(model.shape_for(field).members)
        for part in parts:  # updatable by the shape, but the model's documentation says AWS never changes them
            assert "cannot" in model.shape_for(field).members[part].documentation


@pytest.mark.parametrize("choices, shape", [
    (es.METRICS, "EventSourceMappingMetric"), (es.SYSTEM_LOG_LEVELS, "EventSourceMappingSystemLogLevel"),
    (es.EVENT_RECORD_FORMATS, "SchemaRegistryEventRecordFormat"), (es.REGISTRY_AUTH_TYPES, "KafkaSchemaRegistryAuthType"),
    (es.VALIDATION_ATTRIBUTES, "KafkaSchemaValidationAttribute"),
    (es.CONSUMPTION_MODES, "KafkaEventSourceMappingConsumptionMode"),
])
def test_written_out_choices_are_the_models(choices, shape):
    assert model_enum(shape) and sorted(choices) == sorted(model_enum(shape))


def test_tags_in_a_mapping_answer_are_not_its_tags():
    # moto answers a mapping with its Tags; AWS answers them only to ListTags, which read() sends when tags are given.
    answer = {"UUID": "u", "EventSourceArn": "arn:aws:sqs:us-east-1:123456789012:q", "State": "Enabled",
              "Tags": {"team": "web"}}
    assert "Tags" not in es.current_mapping(answer)
    assert es.current_mapping(answer, {"team": "api"})["Tags"] == {"team": "api"}


def test_unset_settings_are_not_carried_over_to_a_replacement():
    current = es.current_mapping({"UUID": "u", "EventSourceArn": MSK, "FunctionArn": "f", "State": "Enabled",
                                  "BatchSize": 5, "Topics": ["t"]})
    assert current["DestinationConfig"] == {"OnFailure": {"Destination": ""}}
    assert current["MetricsConfig"] == {"Metrics": []}
    kept = es.replacement({"StartingPosition": "LATEST"}, current)
    assert sorted(kept) == ["BatchSize", "Enabled", "EventSourceArn", "FunctionName", "StartingPosition", "Topics"]
