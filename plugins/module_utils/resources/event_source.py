# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The event source mapping resource: Lambda polling a queue or stream and invoking a function.

The kind of a source and AWS's rules per kind (checked before anything is sent), one comparable
form of a mapping as read and as asked for, and :class:`EventSourceMapping`, which finds the
mapping (by uuid, else by function and source), plans the change (an update of what differs, or a
replacement for what AWS cannot change), applies it with waits, and adopts a create whose answer
was lost. ``ARGUMENT_SPEC`` and its rules (``MUTUALLY_EXCLUSIVE``, ``REQUIRED_ONE_OF``) are the
options of ``lambda_event_source``, and of an item of ``lambda_app``'s ``event_sources``
(:func:`item_argument_spec`: without ``function_name``, which the application gives).

:class:`LegacyEventMapping` is the same mapping with amazon.aws.lambda_event's options and results
(``EVENT_ARGUMENT_SPEC``): an adapter that turns its options into lambda_event_source's, adds that
module's defaults on create, and returns the mapping under ``events`` as that module does.
"""

import datetime
import json
import re

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import MAPPING_TRANSITIONAL_STATES
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, NotFound, WaitFailed
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    ANY_ARN,
    LATEST,
    MAPPING_UUID,
    function_name_of,
    function_name_problem,
    split_qualified,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    model_bounds,
    spec_defaults,
    state_option,
    tags_options,
    wait_options,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    USER_KEYED,
    Outcome,
    managed_part,
    merged,
    snake_dict,
    to_snake,
    without_none,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.tags import (
    desired_tags,
    listed_tags,
    send_tag_changes,
    text_value_problems,
)

# The kinds of source Lambda polls, told apart by the service of the source's ARN.
SQS, KINESIS, DYNAMODB, MSK, KAFKA, MQ, DOCUMENTDB = ("sqs", "kinesis", "dynamodb", "msk", "kafka", "mq",
                                                      "documentdb")
SERVICE_KINDS = {"sqs": SQS, "kinesis": KINESIS, "dynamodb": DYNAMODB, "kafka": MSK, "mq": MQ, "rds": DOCUMENTDB}
KIND_NAMES = {SQS: "an SQS queue", KINESIS: "a Kinesis stream", DYNAMODB: "a DynamoDB stream",
              MSK: "an Amazon MSK cluster", KAFKA: "a self-managed Kafka cluster", MQ: "an Amazon MQ broker",
              DOCUMENTDB: "a DocumentDB change stream"}
STREAMS = frozenset((KINESIS, DYNAMODB))
KAFKAS = frozenset((MSK, KAFKA))

# A mapping passes through these states; a change (or another) is only taken once it has left them.
TRANSITIONAL_STATES = MAPPING_TRANSITIONAL_STATES
DELETING = "Deleting"

# Fields AWS sets when the mapping is created and never changes afterwards: the members of
# CreateEventSourceMappingRequest that UpdateEventSourceMappingRequest lacks (Tags aside, which TagResource
# changes; a unit test holds this equal to botocore's service model).
CREATE_ONLY = ("EventSourceArn", "StartingPosition", "StartingPositionTimestamp", "Topics", "Queues",
               "SelfManagedEventSource")
# Parts of the Kafka settings that UpdateEventSourceMapping takes but AWS never changes (the model's
# documentation of ConsumerGroupId and ConsumptionMode says so); the rest of them (the schema registry) is
# updated in place.
CREATE_ONLY_PARTS = dict(
    AmazonManagedKafkaEventSourceConfig=("ConsumerGroupId",),
    SelfManagedKafkaEventSourceConfig=("ConsumerGroupId", "ConsumptionMode"),
)
# What Lambda uses for a self-managed Kafka mapping created without a ConsumptionMode (the model's documentation).
DEFAULT_CONSUMPTION_MODE = "Stream"

# option -> the CreateEventSourceMapping member whose bounds botocore's service model gives.
MODEL_RANGES = dict(
    batch_size="BatchSize",
    maximum_batching_window_in_seconds="MaximumBatchingWindowInSeconds",
    maximum_retry_attempts="MaximumRetryAttempts",
    maximum_record_age_in_seconds="MaximumRecordAgeInSeconds",
    parallelization_factor="ParallelizationFactor",
    tumbling_window_in_seconds="TumblingWindowInSeconds",
)
# A record age limit is -1 (none) or at least this many seconds (the model only knows -1 as its minimum).
RECORD_AGE_LEAST = 60
FIFO_BATCH_MAX = 10
SQS_BATCH_WITHOUT_WINDOW_MAX = 10

# Which kinds of source take an option (None: every kind).
OPTION_KINDS = dict(
    bisect_batch_on_function_error=STREAMS,
    maximum_retry_attempts=STREAMS | KAFKAS,
    maximum_record_age_in_seconds=STREAMS | KAFKAS,
    parallelization_factor=STREAMS,
    tumbling_window_in_seconds=STREAMS,
    destination_config=STREAMS | KAFKAS,
    starting_position=STREAMS | KAFKAS | frozenset((DOCUMENTDB,)),
    starting_position_timestamp=frozenset((KINESIS, DOCUMENTDB)) | KAFKAS,
    scaling_config=frozenset((SQS,)),
    topics=KAFKAS,
    queues=frozenset((MQ,)),
    source_access_configurations=KAFKAS | frozenset((MQ, DOCUMENTDB)),
    amazon_managed_kafka_event_source_config=frozenset((MSK,)),
    self_managed_kafka_event_source_config=frozenset((KAFKA,)),
    document_db_event_source_config=frozenset((DOCUMENTDB,)),
    logging_config=KAFKAS,
    provisioned_poller_config=KAFKAS | frozenset((SQS,)),
)
# Which kinds of source take a suboption (the model's documentation of each): "option.suboption" -> kinds.
SUBOPTION_KINDS = {
    "provisioned_poller_config.poller_group_name": KAFKAS,
}
# botocore's model documents DestinationConfig.OnSuccess as "not supported in CreateEventSourceMapping or
# UpdateEventSourceMapping" (AWS's API reference says the same; LocalStack refuses it for every source), so the
# option is refused for every source before any request rather than left to AWS.
ON_SUCCESS_REFUSED = (
    "destination_config.on_success: AWS takes no on-success destination for an event source mapping (botocore's "
    "service model: OnSuccess is not supported in CreateEventSourceMapping or UpdateEventSourceMapping). Leave it "
    "out; records that failed go to destination_config.on_failure, and the on-success destination of asynchronous "
    "invocations is set with cloudfn.aws_lambda.lambda_event_invoke_config.")
# Which kinds of source produce a metric of metrics_config.metrics (EventCount: every kind).
METRIC_KINDS = dict(ErrorCount=KAFKAS, KafkaMetrics=KAFKAS)


def kind_of(event_source_arn=None, self_managed_event_source=None):
    """The kind of source (SQS, KINESIS, ...) from its ARN, KAFKA for a self-managed event source.

    Raises ValueError for an ARN of a service Lambda does not poll.
    """
    if self_managed_event_source is not None and not event_source_arn:
        return KAFKA
    if not event_source_arn:
        return None
    parts = event_source_arn.split(":")
    if len(parts) < 6 or not ANY_ARN.match(event_source_arn):
        raise ValueError("event_source_arn: %s is not an ARN (arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE)."
                         % event_source_arn)
    kind = SERVICE_KINDS.get(parts[2])
    if kind is None:
        raise ValueError("event_source_arn: %s is a %s resource, which Lambda does not poll; an event source mapping "
                         "reads from SQS, Kinesis, DynamoDB Streams, Amazon MSK, Amazon MQ or DocumentDB (give "
                         "self_managed_event_source for a Kafka cluster of your own)." % (event_source_arn, parts[2]))
    if kind == DYNAMODB and "/stream/" not in event_source_arn:
        raise ValueError("event_source_arn: %s is a DynamoDB table, not its stream; give the table's "
                         "LatestStreamArn (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL)." % event_source_arn)
    return kind


def is_fifo(event_source_arn):
    return bool(event_source_arn) and event_source_arn.split(":")[2] == "sqs" and event_source_arn.endswith(".fifo")


def function_and_qualifier(function_name):
    """(bare name, qualifier or None) of a function given as a name, a partial ARN or an ARN, qualified or not
    ($LATEST is the unqualified function)."""
    function, qualifier = split_qualified(function_name)
    return function_name_of(function), (None if qualifier == LATEST else qualifier)


def qualifier_of(alias=None, version=None):
    """The qualifier the ``alias`` / ``version`` options give (None for the unqualified function).

    ``version`` takes a number (0 means unqualified, as in amazon.aws.lambda_event) or $LATEST.
    Raises ValueError saying what is wrong.
    """
    if alias:
        return alias
    if version is None:
        return None
    text = str(version).strip()
    if isinstance(version, bool) or not (text.isdigit() or text == LATEST):
        raise ValueError("version: %s is not a version; give a published version number, or 0 (or $LATEST) for the "
                         "unqualified function." % (version,))
    if text == LATEST or int(text) == 0:
        return None
    return str(int(text))


def function_matches(function_arn, name, qualifier):
    """True when a mapping's FunctionArn is the function ``name`` with ``qualifier`` (None = unqualified)."""
    current_name, current_qualifier = function_and_qualifier(function_arn or "")
    return current_name == name and current_qualifier == qualifier


# ---------------------------------------------------------------------------------------- filter criteria

def canonical_pattern(pattern, index=None):
    """One filter pattern (a dict or its JSON text) as compact JSON with sorted keys.

    Raises ValueError naming the pattern when it is not a JSON object.
    """
    where = "filter_criteria[%d]" % index if index is not None else "filter_criteria"
    if isinstance(pattern, str):
        try:
            pattern = json.loads(pattern)
        except ValueError as e:
            raise ValueError("%s: the pattern is not valid JSON (%s); give a dictionary or a JSON object such as "
                             "'{\"body\": {\"type\": [\"order\"]}}'." % (where, e))
    if not isinstance(pattern, dict):
        raise ValueError("%s: a filter pattern is a dictionary (or its JSON text), not %s." % (where, type(pattern).__name__))
    return json.dumps(pattern, sort_keys=True, separators=(",", ":"))


def canonical_filters(patterns):
    """FilterCriteria in one comparable form: {"Filters": [{"Pattern": canonical JSON}, ...]} in sorted order.

    Filters are alternatives (an event passes when it matches any), so their order does not count.
    """
    texts = sorted(canonical_pattern(p, i) for i, p in enumerate(patterns))
    return {"Filters": [{"Pattern": text} for text in texts]}


def current_filters(filter_criteria):
    """The FilterCriteria AWS returns, in the form of :func:`canonical_filters` (text that is not JSON kept as is)."""
    texts = []
    for item in (filter_criteria or {}).get("Filters") or []:
        try:
            texts.append(canonical_pattern(item.get("Pattern", "")))
        except ValueError:
            texts.append(item.get("Pattern"))
    return {"Filters": [{"Pattern": text} for text in sorted(texts, key=str)]}


# ------------------------------------------------------------------------------------------- timestamps

def timestamp_text(value):
    """A time (datetime, epoch seconds or ISO 8601 text) as ISO 8601 UTC text, ``2024-05-01T12:00:00Z``.

    Raises ValueError for text that is not a time.
    """
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = datetime.datetime.fromtimestamp(value, tz=datetime.timezone.utc)
    else:
        text = str(value).strip()
        if text.replace(".", "", 1).isdigit():
            return timestamp_text(float(text))
        try:
            moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("starting_position_timestamp: %s is not a time; give ISO 8601 "
                             "(2024-05-01T12:00:00Z) or seconds since the epoch." % text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ------------------------------------------------------------------------------------------- the rules

def option_errors(kind, given):
    """Options (by name) that the kind of source does not take. ``given``: option names the task gives."""
    errors = []
    for option in sorted(given):
        kinds = OPTION_KINDS.get(option)
        if kind is not None and kinds is not None and kind not in kinds:
            errors.append("%s: not taken by %s; it applies to %s only." % (
                option, KIND_NAMES[kind], ", ".join(KIND_NAMES[k] for k in sorted(kinds))))
    return errors


def suboption_errors(kind, params):
    """Suboptions (and metrics) that the kind of source does not take, named as option.suboption."""
    errors = []
    if kind is None:
        return errors
    for path, kinds in sorted(SUBOPTION_KINDS.items()):
        option, suboption = path.split(".")
        if (params.get(option) or {}).get(suboption) is not None and kind not in kinds:
            errors.append("%s: not taken by %s; it applies to %s only." % (
                path, KIND_NAMES[kind], ", ".join(KIND_NAMES[k] for k in sorted(kinds))))
    for metric in sorted(set((params.get("metrics_config") or {}).get("metrics") or [])):
        kinds = METRIC_KINDS.get(metric)
        if kinds is not None and kind not in kinds:
            errors.append("metrics_config: the metric %s is not produced for %s; it applies to %s only (EventCount "
                          "applies to every source)." % (metric, KIND_NAMES[kind],
                                                         ", ".join(KIND_NAMES[k] for k in sorted(kinds))))
    return errors


def length_errors(option, value, shape, member):
    """A text outside the length bounds of botocore's service model, named ``option``."""
    low, high = model_bounds(shape, member)
    if value is None or within(len(value), low, high):
        return []
    return ["%s: %d characters; AWS takes %s." % (option, len(value), bounds_text(low or 0, high))]


def model_field_errors(params):
    """Bounds of the newer settings from botocore's service model: pollers, lengths, the destination."""
    errors = []
    pollers = params.get("provisioned_poller_config")
    if pollers is not None:
        for suboption, member in (("minimum_pollers", "MinimumPollers"), ("maximum_pollers", "MaximumPollers")):
            value = pollers.get(suboption)
            low, high = model_bounds("ProvisionedPollerConfig", member)
            if value is not None and not within(value, low, high):
                errors.append("provisioned_poller_config: %s %d is out of range; AWS takes %s."
                              % (suboption, value, bounds_text(low, high)))
        least, most = pollers.get("minimum_pollers"), pollers.get("maximum_pollers")
        if least is not None and most is not None and least > most:
            errors.append("provisioned_poller_config: minimum_pollers %d is more than maximum_pollers %d."
                          % (least, most))
        errors.extend(length_errors("provisioned_poller_config.poller_group_name", pollers.get("poller_group_name"),
                                    "ProvisionedPollerConfig", "PollerGroupName"))
    metrics = (params.get("metrics_config") or {}).get("metrics")
    fewest, most = model_bounds("EventSourceMappingMetricsConfig", "Metrics")
    if metrics is not None and not within(len(set(metrics)), fewest, most):
        errors.append("metrics_config: %d metrics; AWS takes %s." % (len(set(metrics)), bounds_text(fewest, most)))
    for option in ("amazon_managed_kafka_event_source_config", "self_managed_kafka_event_source_config"):
        config = params.get(option) or {}
        errors.extend(length_errors(option + ".consumer_group_id", config.get("consumer_group_id"),
                                    "AmazonManagedKafkaEventSourceConfig", "ConsumerGroupId"))
        registry = config.get("schema_registry_config")
        if registry is not None:
            errors.extend(length_errors(option + ".schema_registry_config.schema_registry_uri",
                                        registry.get("schema_registry_uri"), "KafkaSchemaRegistryConfig",
                                        "SchemaRegistryURI"))
    destinations = params.get("destination_config")
    if destinations is not None:
        errors.extend(length_errors("destination_config.on_failure.destination",
                                    (destinations.get("on_failure") or {}).get("destination"), "OnFailure", "Destination"))
        if destinations.get("on_success") is not None:
            errors.append(ON_SUCCESS_REFUSED)
        elif destinations.get("on_failure") is None:
            errors.append("destination_config: give on_failure.")
    errors.extend(text_value_problems("tags", params.get("tags")))
    return errors


def range_errors(params):
    """Numbers outside what AWS accepts (the bounds of botocore's service model)."""
    errors = []
    bounds = dict((option, model_bounds("CreateEventSourceMappingRequest", member))
                  for option, member in MODEL_RANGES.items())
    bounds["wait_timeout"] = (1, None)
    for option, (low, high) in sorted(bounds.items()):
        value = params.get(option)
        if value is not None and not within(value, low, high):
            errors.append("%s: %d is out of range; AWS takes %s." % (option, value, bounds_text(low, high)))
    age = params.get("maximum_record_age_in_seconds")
    if age is not None and -1 < age < RECORD_AGE_LEAST:
        errors.append("maximum_record_age_in_seconds: %d is out of range; AWS takes -1 (no limit) or %s."
                      % (age, bounds_text(RECORD_AGE_LEAST, bounds["maximum_record_age_in_seconds"][1])))
    scaling = (params.get("scaling_config") or {}).get("maximum_concurrency")
    low, high = model_bounds("ScalingConfig", "MaximumConcurrency")
    if scaling is not None and not within(scaling, low, high):
        errors.append("scaling_config: maximum_concurrency %d is out of range; AWS takes %s." % (
            scaling, bounds_text(low, high)))
    for option in ("topics", "queues"):
        if params.get(option) is not None and len(params[option]) != 1:
            errors.append("%s: a mapping reads exactly one (%d given)." % (option, len(params[option])))
    return errors


def within(value, low, high):
    """True when ``value`` is within the bounds (either None: no bound)."""
    return (low is None or value >= low) and (high is None or value <= high)


def bounds_text(low, high):
    """``1 to 10000``, ``1 or more``, ``at most 10``."""
    if high is None:
        return "%d or more" % low
    return "at most %d" % high if low is None else "%d to %d" % (low, high)


def mapping_errors(kind, fifo, mapping, creating, asked=None):
    """AWS's rules that depend on several fields, checked on the mapping as it will be after the change.

    ``mapping``: API field names (the current mapping with the task's changes applied);
    ``asked``: the fields the task gives (default: all of ``mapping``).
    """
    errors = []
    asked = mapping if asked is None else asked
    batch = mapping.get("BatchSize")
    window = mapping.get("MaximumBatchingWindowInSeconds")
    if kind == SQS and fifo:
        if batch is not None and batch > FIFO_BATCH_MAX:
            errors.append("batch_size: a FIFO queue takes batches of at most %d messages, not %d."
                          % (FIFO_BATCH_MAX, batch))
        if asked.get("MaximumBatchingWindowInSeconds") is not None:
            errors.append("maximum_batching_window_in_seconds: FIFO queues take no batching window; leave the option "
                          "out.")
    elif kind == SQS and batch is not None and batch > SQS_BATCH_WITHOUT_WINDOW_MAX and not window:
        errors.append("batch_size: an SQS batch of more than %d messages (%d) needs a batching window; set "
                      "maximum_batching_window_in_seconds to 1 or more." % (SQS_BATCH_WITHOUT_WINDOW_MAX, batch))
    position = mapping.get("StartingPosition")
    queue_mode = (mapping.get("SelfManagedKafkaEventSourceConfig") or {}).get("ConsumptionMode") == "Queue"
    if creating and position is None and kind in STREAMS | KAFKAS and not (kind == KAFKA and queue_mode):
        errors.append("starting_position: required to create a mapping for %s; give TRIM_HORIZON (the oldest "
                      "record), LATEST (only new records) or AT_TIMESTAMP." % KIND_NAMES[kind])
    if position == "AT_TIMESTAMP" and kind == DYNAMODB:
        errors.append("starting_position: DynamoDB streams do not take AT_TIMESTAMP; give TRIM_HORIZON or LATEST.")
    if creating and position == "AT_TIMESTAMP" and mapping.get("StartingPositionTimestamp") is None:
        errors.append("starting_position_timestamp: required with starting_position AT_TIMESTAMP.")
    if mapping.get("StartingPositionTimestamp") is not None and position not in (None, "AT_TIMESTAMP"):
        errors.append("starting_position_timestamp: only taken with starting_position AT_TIMESTAMP, not %s." % position)
    if kind == KAFKA and queue_mode:
        for field in ("StartingPosition", "StartingPositionTimestamp", "MaximumBatchingWindowInSeconds"):
            if asked.get(field) is not None:
                errors.append("%s: not taken with self_managed_kafka_event_source_config.consumption_mode Queue "
                              "(a Kafka share group); leave it out." % to_snake(field))
    if creating and kind in KAFKAS and not mapping.get("Topics"):
        errors.append("topics: required to create a mapping for %s; give the one topic to read." % KIND_NAMES[kind])
    if creating and kind == MQ and not mapping.get("Queues"):
        errors.append("queues: required to create a mapping for an Amazon MQ broker; give the one queue to read.")
    return errors


def create_only_changes(desired, current):
    """The fields AWS cannot change on an existing mapping that the task wants different: {name: (now, wanted)}.

    ``name`` is the field, or ``Field.Part`` for a part of the Kafka settings (CREATE_ONLY_PARTS).
    """
    changes = {}
    for field in CREATE_ONLY:
        wanted = desired.get(field)
        if wanted is None:
            continue
        now = current.get(field)
        if isinstance(wanted, dict):
            now_part = dict((k, (now or {}).get(k)) for k in wanted)
            if any(v is not None and now_part[k] != v for k, v in wanted.items()):
                changes[field] = (now, wanted)
        elif wanted != now:
            changes[field] = (now, wanted)
    for field, parts in CREATE_ONLY_PARTS.items():
        for part in parts:
            wanted = (desired.get(field) or {}).get(part)
            now = (current.get(field) or {}).get(part)
            if wanted is not None and wanted != now:
                changes["%s.%s" % (field, part)] = (now, wanted)
    return changes


def option_path(name):
    """``AmazonManagedKafkaEventSourceConfig.ConsumerGroupId`` -> ``amazon_managed_kafka_event_source_config.consumer_group_id``."""
    return ".".join(to_snake(part) for part in name.split("."))


# ----------------------------------------------------------------------------------------------- options

# The options that are one value of a type (option -> type).
_SCALAR_OPTIONS = dict(
    alias="str", version="raw", event_source_arn="str", uuid="str", enabled="bool", batch_size="int",
    maximum_batching_window_in_seconds="int", starting_position_timestamp="raw", bisect_batch_on_function_error="bool",
    maximum_retry_attempts="int", maximum_record_age_in_seconds="int", parallelization_factor="int",
    tumbling_window_in_seconds="int",
)
STARTING_POSITIONS = ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]
RESPONSE_TYPES = ["ReportBatchItemFailures"]
# Choices written out for the documentation; a unit test holds each equal to the enum of botocore's service model
# it stands for (shape named in the comment).
METRICS = ["EventCount", "ErrorCount", "KafkaMetrics"]  # EventSourceMappingMetric
SYSTEM_LOG_LEVELS = ["DEBUG", "INFO", "WARN"]  # EventSourceMappingSystemLogLevel
EVENT_RECORD_FORMATS = ["JSON", "SOURCE"]  # SchemaRegistryEventRecordFormat
REGISTRY_AUTH_TYPES = ["BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE",
                       "OAUTHBEARER_AUTH"]  # KafkaSchemaRegistryAuthType
VALIDATION_ATTRIBUTES = ["KEY", "VALUE"]  # KafkaSchemaValidationAttribute
CONSUMPTION_MODES = ["Stream", "Queue"]  # KafkaEventSourceMappingConsumptionMode


def _schema_registry_option():
    return dict(type="dict", options=dict(
        schema_registry_uri=dict(type="str", required=True),
        event_record_format=dict(type="str", choices=EVENT_RECORD_FORMATS),
        access_configs=dict(type="list", elements="dict", options=dict(
            type=dict(type="str", required=True, choices=REGISTRY_AUTH_TYPES),
            uri=dict(type="str", required=True),
        )),
        schema_validation_configs=dict(type="list", elements="dict", options=dict(
            attribute=dict(type="str", required=True, choices=VALIDATION_ATTRIBUTES),
        )),
    ))


def _argument_spec():
    spec = dict((option, dict(type=kind)) for option, kind in _SCALAR_OPTIONS.items())
    spec.update(
        function_name=dict(type="str", aliases=["lambda_function_arn", "function_arn"]),
        replace=dict(type="bool", default=False),
        starting_position=dict(type="str", choices=STARTING_POSITIONS),
        filter_criteria=dict(type="list", elements="raw"),
        function_response_types=dict(type="list", elements="str", choices=RESPONSE_TYPES),
        destination_config=dict(type="dict", options=dict(
            on_failure=dict(type="dict", options=dict(
                destination=dict(type="str", required=True),
            )),
            on_success=dict(type="dict", options=dict(
                destination=dict(type="str", required=True),
            )),
        )),
        scaling_config=dict(type="dict", options=dict(
            maximum_concurrency=dict(type="int"),
        )),
        topics=dict(type="list", elements="str"),
        queues=dict(type="list", elements="str"),
        source_access_configurations=dict(type="list", elements="dict", options=dict(
            type=dict(type="str", required=True),
            uri=dict(type="str", required=True),
        )),
        self_managed_event_source=dict(type="dict", options=dict(
            endpoints=dict(type="dict", required=True),
        )),
        amazon_managed_kafka_event_source_config=dict(type="dict", options=dict(
            consumer_group_id=dict(type="str"),
            schema_registry_config=_schema_registry_option(),
        )),
        self_managed_kafka_event_source_config=dict(type="dict", options=dict(
            consumer_group_id=dict(type="str"),
            consumption_mode=dict(type="str", choices=CONSUMPTION_MODES),
            schema_registry_config=_schema_registry_option(),
        )),
        metrics_config=dict(type="dict", options=dict(
            metrics=dict(type="list", elements="str", required=True, choices=METRICS),
        )),
        logging_config=dict(type="dict", options=dict(
            system_log_level=dict(type="str", required=True, choices=SYSTEM_LOG_LEVELS),
        )),
        provisioned_poller_config=dict(type="dict", options=dict(
            minimum_pollers=dict(type="int"),
            maximum_pollers=dict(type="int"),
            poller_group_name=dict(type="str"),
        )),
        document_db_event_source_config=dict(type="dict", options=dict(
            database_name=dict(type="str"),
            collection_name=dict(type="str"),
            full_document=dict(type="str", choices=["UpdateLookup", "Default"]),
        )),
        kms_key_arn=dict(type="str", no_log=False),
        event_source=dict(type="str", choices=["stream", "sqs"]),
        source_params=dict(type="dict", options=dict(
            source_arn=dict(type="str", required=True),
            enabled=dict(type="bool"),
            batch_size=dict(type="int"),
            starting_position=dict(type="str", choices=STARTING_POSITIONS),
            function_response_types=dict(type="list", elements="str", choices=RESPONSE_TYPES),
            maximum_batching_window_in_seconds=dict(type="int"),
        )),
    )
    spec.update(tags_options())
    spec.update(state_option())
    spec.update(wait_options())
    return spec


# The options of lambda_event_source (the connection options are added by runner.run_module).
ARGUMENT_SPEC = _argument_spec()
# Rules of the options: MUTUALLY_EXCLUSIVE holds for an item of an application too; REQUIRED_ONE_OF is the
# module's only (an application names the function of every item).
MUTUALLY_EXCLUSIVE = [["alias", "version"], ["event_source_arn", "self_managed_event_source"]]
REQUIRED_ONE_OF = [["function_name", "uuid"]]


def item_argument_spec():
    """The options of one mapping of an application (lambda_app's ``event_sources``): those of the module
    but ``function_name`` (and its aliases), which the application gives for every item."""
    spec = _argument_spec()
    del spec["function_name"]
    return spec


# source_params key -> option
SOURCE_PARAMS = dict(source_arn="event_source_arn", enabled="enabled", batch_size="batch_size",
                     starting_position="starting_position", function_response_types="function_response_types",
                     maximum_batching_window_in_seconds="maximum_batching_window_in_seconds")

# Compared whole: an empty value must differ from a set one.
MAPPING_EXACT = USER_KEYED | frozenset(("FilterCriteria", "ScalingConfig", "SelfManagedEventSource"))
# AWS's refusal of a second mapping for the same source and function names the existing one.
EXISTING_UUID = re.compile(r"UUID\s+(%s)" % MAPPING_UUID.pattern.lstrip("^").rstrip("$"))

# option -> API field, for the options that map one to one
SIMPLE_FIELDS = dict(
    enabled="Enabled", batch_size="BatchSize", maximum_batching_window_in_seconds="MaximumBatchingWindowInSeconds",
    starting_position="StartingPosition", bisect_batch_on_function_error="BisectBatchOnFunctionError",
    maximum_retry_attempts="MaximumRetryAttempts", maximum_record_age_in_seconds="MaximumRecordAgeInSeconds",
    parallelization_factor="ParallelizationFactor", tumbling_window_in_seconds="TumblingWindowInSeconds",
    kms_key_arn="KMSKeyArn",
)

# What a replacement mapping keeps from the one it replaces when the task does not mention it.
CARRIED_OVER = frozenset(SIMPLE_FIELDS.values()) | frozenset((
    "EventSourceArn", "StartingPositionTimestamp", "FilterCriteria", "FunctionResponseTypes", "DestinationConfig",
    "ScalingConfig", "Topics", "Queues", "SourceAccessConfigurations", "SelfManagedEventSource",
    "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig",
    "MetricsConfig", "LoggingConfig", "ProvisionedPollerConfig"))


def merge_source_params(params):
    """The options with amazon.aws.lambda_event's ``source_params`` folded in.

    Raises ValueError when a setting is given both ways.
    """
    merged_params = dict(params)
    given = params.get("source_params")
    if not given:
        return merged_params
    for key, option in SOURCE_PARAMS.items():
        value = given.get(key)
        if value is None:
            continue
        if params.get(option) is not None and params[option] != value:
            raise ValueError("source_params: %s is given both here and as the option %s; give it once." % (key, option))
        merged_params[option] = value
    if merged_params.get("enabled") is None:
        merged_params["enabled"] = True  # amazon.aws.lambda_event enables the mapping unless told otherwise
    return merged_params


def validate(params):
    """Local checks of the options that need no request; a list of error messages (empty when all is well)."""
    errors = []
    try:
        params = merge_source_params(params)
    except ValueError as e:
        return [str(e)]
    if params.get("function_name"):
        errors.extend(problem for problem in [function_name_problem(params["function_name"], qualified=True)] if problem)
    kind = None
    try:
        kind = kind_of(params.get("event_source_arn"), params.get("self_managed_event_source"))
    except ValueError as e:
        errors.append(str(e))
    try:
        qualifier = qualifier_of(params.get("alias"), params.get("version"))
        if params.get("function_name"):
            named = function_and_qualifier(params["function_name"])[1]
            if named and qualifier and named != qualifier:
                errors.append("function_name: %s already names the qualifier %s; alias/version %s says otherwise. "
                              "Give the qualifier once." % (params["function_name"], named, qualifier))
    except ValueError as e:
        errors.append(str(e))
    if params.get("event_source") and kind is not None:
        expected = (SQS,) if params["event_source"] == "sqs" else tuple(STREAMS)
        if kind not in expected:
            errors.append("event_source: %s does not agree with event_source_arn %s (a %s source); leave event_source "
                          "out, the kind is read from the ARN."
                          % (params["event_source"], params["event_source_arn"], kind))
    if params.get("starting_position_timestamp") is not None:
        try:
            timestamp_text(params["starting_position_timestamp"])
        except ValueError as e:
            errors.append(str(e))
    try:
        if params.get("filter_criteria") is not None:
            canonical_filters(params["filter_criteria"])
    except ValueError as e:
        errors.append(str(e))
    errors.extend(range_errors(params))
    errors.extend(model_field_errors(params))
    given = [option for option in params if params.get(option) is not None]
    errors.extend(option_errors(kind, given))
    errors.extend(suboption_errors(kind, params))
    return errors


def function_ref(params):
    """The function as sent to AWS: the name or ARN, with the qualifier of alias / version appended."""
    name = params.get("function_name")
    if not name:
        return None
    qualifier = qualifier_of(params.get("alias"), params.get("version"))
    if qualifier and not function_and_qualifier(name)[1]:
        return "%s:%s" % (name, qualifier)
    return name


# ----------------------------------------------------------------------------------------- the two shapes

def desired_event_source(params):
    """The mapping the options ask for, in GetEventSourceMapping's terms; None = not managed.

    Expects options that passed :func:`validate`.
    """
    params = merge_source_params(params)
    desired = dict((field, params.get(option)) for option, field in SIMPLE_FIELDS.items())
    desired.update(
        FunctionName=function_ref(params),
        EventSourceArn=params.get("event_source_arn"),
        StartingPositionTimestamp=None if params.get("starting_position_timestamp") is None
        else timestamp_text(params["starting_position_timestamp"]),
        FilterCriteria=None if params.get("filter_criteria") is None else canonical_filters(params["filter_criteria"]),
        FunctionResponseTypes=params.get("function_response_types"),
        DestinationConfig=desired_destinations(params.get("destination_config")),
        ScalingConfig=None if params.get("scaling_config") is None else without_none(dict(
            MaximumConcurrency=params["scaling_config"].get("maximum_concurrency"))),
        Topics=None if params.get("topics") is None else sorted(params["topics"]),
        Queues=None if params.get("queues") is None else sorted(params["queues"]),
        SourceAccessConfigurations=None if params.get("source_access_configurations") is None
        else sorted_access(dict(Type=item["type"], URI=item["uri"]) for item in params["source_access_configurations"]),
        SelfManagedEventSource=None if params.get("self_managed_event_source") is None
        else dict(Endpoints=dict((k, sorted(v)) for k, v in params["self_managed_event_source"]["endpoints"].items())),
        AmazonManagedKafkaEventSourceConfig=desired_kafka(params.get("amazon_managed_kafka_event_source_config")),
        SelfManagedKafkaEventSourceConfig=desired_kafka(params.get("self_managed_kafka_event_source_config")),
        MetricsConfig=None if params.get("metrics_config") is None
        else dict(Metrics=sorted(set(params["metrics_config"]["metrics"]))),
        LoggingConfig=_sub(params, "logging_config", dict(system_log_level="SystemLogLevel")),
        ProvisionedPollerConfig=_sub(params, "provisioned_poller_config", dict(
            minimum_pollers="MinimumPollers", maximum_pollers="MaximumPollers", poller_group_name="PollerGroupName")),
        DocumentDBEventSourceConfig=_sub(params, "document_db_event_source_config",
                                         dict(database_name="DatabaseName", collection_name="CollectionName",
                                              full_document="FullDocument")),
    )
    return desired


def desired_destinations(config):
    """DestinationConfig as the task gives it: each of OnFailure / OnSuccess None when not given."""
    if config is None:
        return None
    return dict((field, None if config.get(option) is None else dict(Destination=config[option]["destination"]))
                for option, field in (("on_failure", "OnFailure"), ("on_success", "OnSuccess")))


def desired_kafka(config):
    """A Kafka consumer's settings (Amazon MSK or self-managed) as the task gives them; None = not managed."""
    if config is None:
        return None
    registry = config.get("schema_registry_config")
    return dict(
        ConsumerGroupId=config.get("consumer_group_id"),
        ConsumptionMode=config.get("consumption_mode"),
        SchemaRegistryConfig=None if registry is None else dict(
            SchemaRegistryURI=registry.get("schema_registry_uri"),
            EventRecordFormat=registry.get("event_record_format"),
            AccessConfigs=None if registry.get("access_configs") is None else sorted_access(
                dict(Type=item["type"], URI=item["uri"]) for item in registry["access_configs"]),
            SchemaValidationConfigs=None if registry.get("schema_validation_configs") is None else sorted_attributes(
                dict(Attribute=item["attribute"]) for item in registry["schema_validation_configs"]),
        ),
    )


def sorted_attributes(items):
    """Schema validation configs as a set: one of each attribute, in order."""
    return [dict(Attribute=attribute) for attribute in sorted(set(item.get("Attribute") or "" for item in items))]


def current_kafka(config, self_managed):
    """A Kafka consumer's settings as AWS answers them, comparable with :func:`desired_kafka` (the lists of the
    schema registry as sets; the consumption mode of a self-managed one AWS leaves out is its default)."""
    if config is None and not self_managed:
        return None
    config = dict(config or {})
    if self_managed and not config.get("ConsumptionMode"):
        config["ConsumptionMode"] = DEFAULT_CONSUMPTION_MODE
    registry = config.get("SchemaRegistryConfig")
    if registry is not None:
        registry = dict(registry)
        registry["AccessConfigs"] = sorted_access(registry.get("AccessConfigs") or [])
        registry["SchemaValidationConfigs"] = sorted_attributes(registry.get("SchemaValidationConfigs") or [])
        config["SchemaRegistryConfig"] = registry
    return config


def _sub(params, option, mapping):
    value = params.get(option)
    if value is None:
        return None
    return dict((api, value.get(key)) for key, api in mapping.items())


def sorted_access(items):
    return sorted(items, key=lambda item: (item.get("Type") or "", item.get("URI") or ""))


def current_mapping(answer, tags=None):
    """A mapping as AWS answers it, in the desired shape; None when there is none. ``tags``: its tags, when
    they were read (ListTags), else the mapping has none here.

    Empty settings read the same whichever way AWS leaves them out (no filters, no response types,
    no destination, no concurrency limit, no KMS key), lists that are sets are sorted, and times are text.
    """
    if answer is None:
        return None
    mapping = dict(answer)
    mapping.pop("ResponseMetadata", None)
    mapping["Enabled"] = mapping.get("State") not in ("Disabled", "Disabling")
    mapping["FilterCriteria"] = current_filters(mapping.get("FilterCriteria"))
    mapping["FunctionResponseTypes"] = mapping.get("FunctionResponseTypes") or []
    mapping.pop("Tags", None)  # AWS answers tags only to ListTags (moto adds them here)
    if tags is not None:
        mapping["Tags"] = tags
    try:
        kind = kind_of(mapping.get("EventSourceArn"), mapping.get("SelfManagedEventSource"))
    except ValueError:
        kind = None
    destinations = dict(mapping.get("DestinationConfig") or {})
    on_failure = dict(destinations.get("OnFailure") or {})
    on_failure["Destination"] = on_failure.get("Destination") or ""
    destinations["OnFailure"] = on_failure
    mapping["DestinationConfig"] = destinations
    mapping["ScalingConfig"] = mapping.get("ScalingConfig") or {}
    mapping["KMSKeyArn"] = mapping.get("KMSKeyArn") or ""
    mapping["MetricsConfig"] = dict(Metrics=sorted(set((mapping.get("MetricsConfig") or {}).get("Metrics") or [])))
    mapping["LoggingConfig"] = mapping.get("LoggingConfig") or {}
    mapping["ProvisionedPollerConfig"] = mapping.get("ProvisionedPollerConfig") or {}
    if kind == MSK or mapping.get("AmazonManagedKafkaEventSourceConfig") is not None:
        mapping["AmazonManagedKafkaEventSourceConfig"] = current_kafka(
            mapping.get("AmazonManagedKafkaEventSourceConfig"), False)
    if kind == KAFKA or mapping.get("SelfManagedKafkaEventSourceConfig") is not None:
        mapping["SelfManagedKafkaEventSourceConfig"] = current_kafka(
            mapping.get("SelfManagedKafkaEventSourceConfig"), kind == KAFKA)
    for field in ("Topics", "Queues"):
        if mapping.get(field) is not None:
            mapping[field] = sorted(mapping[field])
    if mapping.get("SourceAccessConfigurations") is not None:
        mapping["SourceAccessConfigurations"] = sorted_access(mapping["SourceAccessConfigurations"])
    if mapping.get("SelfManagedEventSource"):
        endpoints = mapping["SelfManagedEventSource"].get("Endpoints") or {}
        mapping["SelfManagedEventSource"] = dict(Endpoints=dict((k, sorted(v)) for k, v in endpoints.items()))
    if mapping.get("StartingPositionTimestamp") is not None:
        mapping["StartingPositionTimestamp"] = timestamp_text(mapping["StartingPositionTimestamp"])
    return mapping


def mapping_view(mapping):
    """The mapping as the task returns it: AWS's fields in snake_case, times as ISO 8601 text."""
    shown = dict((k, v) for k, v in mapping.items() if k not in ("Enabled", "FunctionName"))
    for key, value in shown.items():
        if isinstance(value, datetime.datetime):
            shown[key] = value.isoformat()
    # What current_mapping() filled in for settings AWS left out is left out again.
    if not (shown.get("FilterCriteria") or {}).get("Filters"):
        shown.pop("FilterCriteria", None)
    if shown.get("DestinationConfig") is not None:
        destinations = dict((k, v) for k, v in shown["DestinationConfig"].items() if (v or {}).get("Destination"))
        if destinations:
            shown["DestinationConfig"] = destinations
        else:
            shown.pop("DestinationConfig")
    if not (shown.get("MetricsConfig") or {}).get("Metrics"):
        shown.pop("MetricsConfig", None)
    for key in ("ScalingConfig", "KMSKeyArn", "LoggingConfig", "ProvisionedPollerConfig"):
        if not shown.get(key):
            shown.pop(key, None)
    return snake_dict(shown, keep=USER_KEYED | frozenset(("Endpoints",)))


def api_form(fields):
    """Fields in the desired shape as the API takes them (an empty filter list clears the filters)."""
    sent = dict(fields)
    if "FilterCriteria" in sent and not sent["FilterCriteria"]["Filters"]:
        sent["FilterCriteria"] = {}
    if sent.get("DestinationConfig") is not None:
        destinations = without_none(sent["DestinationConfig"])
        for field, destination in destinations.items():
            if not destination.get("Destination"):
                destinations[field] = {}
        sent["DestinationConfig"] = destinations
    for field in ("AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig",
                  "DocumentDBEventSourceConfig", "LoggingConfig", "ProvisionedPollerConfig"):
        if field in sent:
            sent[field] = without_none(sent[field])
    return sent


def same_mapping(answer, desired):
    """Whether a listed mapping is the one the task means (the list was already filtered by function and source)."""
    name, qualifier = function_and_qualifier(desired["FunctionName"])
    listed_name, listed_qualifier = function_and_qualifier(answer.get("FunctionArn") or "")
    # A qualified query only lists that qualifier's mappings; trust it when the answer leaves the qualifier out.
    if listed_name != name or (listed_qualifier is not None and listed_qualifier != qualifier):
        return False
    if desired.get("EventSourceArn") and answer.get("EventSourceArn") != desired["EventSourceArn"]:
        return False
    listed = current_mapping(answer)
    if desired.get("SelfManagedEventSource") and listed.get("SelfManagedEventSource") != desired["SelfManagedEventSource"]:
        return False
    if desired.get("Topics") and listed.get("Topics") and listed["Topics"] != desired["Topics"]:
        return False
    return True


# ------------------------------------------------------------------------------------------------ plans

def plan_function(params, desired, current):
    """FunctionName is only compared for a mapping found by uuid, and only sent when it is another function.

    A mapping found by function and source invokes that function by definition.
    """
    if current is None or not desired.get("FunctionName"):
        return
    name, qualifier = function_and_qualifier(desired["FunctionName"])
    if not params.get("uuid") or function_matches(current.get("FunctionArn"), name, qualifier):
        desired["FunctionName"] = None


def unset(value):
    """True for a setting as current_mapping reads one that is not set (no filters, no destination, no metrics)."""
    if value in (None, "", {}, []):
        return True
    if isinstance(value, dict):
        return all(unset(v) or (isinstance(v, dict) and not v.get("Destination")) for v in value.values())
    return False


def replacement(desired, current, function=None):
    """The mapping that replaces ``current``: the task's settings, and the current ones it does not mention.

    ``function``: the function as the task names it (else the one the mapping invokes).
    """
    wanted = dict((k, v) for k, v in current.items() if k in CARRIED_OVER and not unset(v))
    if desired.get("StartingPosition") is not None:
        wanted.pop("StartingPositionTimestamp", None)
    wanted.update(without_none(desired))
    wanted["FunctionName"] = desired.get("FunctionName") or function or current["FunctionArn"]
    return wanted


def check_plan(params, desired, current, function=None):
    """Rules that need the mapping as it is; raises InvalidInput before any change. Returns True to replace it."""
    creating = current is None
    arn = desired.get("EventSourceArn") or (current or {}).get("EventSourceArn")
    kind = kind_of(arn, desired.get("SelfManagedEventSource") or (current or {}).get("SelfManagedEventSource"))
    errors = []
    if creating and not desired.get("FunctionName"):
        errors.append("function_name: required to create a mapping.")
    given = [option for option in params if params.get(option) is not None]
    errors.extend(option_errors(kind, given))
    errors.extend(suboption_errors(kind, params))
    replacing = False
    if not creating:
        fixed = create_only_changes(desired, current)
        if fixed and not params["replace"]:
            raise InvalidInput("%s cannot be changed on an existing event source mapping (%s); give replace: true "
                               "to delete the mapping %s and create it again (a stream is then read again from "
                               "starting_position, so records may be processed twice or skipped)." % (
                                   ", ".join(sorted(option_path(f) for f in fixed)), "; ".join(
                                       "%s is %s, the task asks for %s" % (option_path(field), now, wanted)
                                       for field, (now, wanted) in sorted(fixed.items())), current["UUID"]),
                               fields=sorted(option_path(f) for f in fixed))
        replacing = bool(fixed)
    if replacing:
        after = replacement(desired, current, function)
    else:
        after = merged(current or {}, without_none(desired))
    errors.extend(mapping_errors(kind, is_fifo(arn), after, creating or replacing, asked=without_none(desired)))
    if errors:
        raise InvalidInput(" ".join(errors), errors=errors)
    return replacing


def replacement_plan(current, desired, function=None):
    """The plan that deletes the mapping and creates it again: an Outcome whose action is create."""
    wanted = replacement(desired, current, function)
    before = dict((k, managed_part(current.get(k), v, k, MAPPING_EXACT)) for k, v in wanted.items())
    before["UUID"] = current["UUID"]
    return Outcome("create", wanted, None, before, wanted)


def predicted(outcome, current):
    """The mapping after a check-mode run (or after a run that changed nothing)."""
    if outcome.action is None:
        return current
    base = dict(current or {})
    if outcome.action == "create":
        function = outcome.changes.get("FunctionName") or ""
        base = dict(UUID=None, FunctionArn=function if function.startswith("arn:") else None)
    after = merged(base, dict((k, v) for k, v in outcome.changes.items() if k not in MAPPING_EXACT and v != {}))
    after.update((k, v) for k, v in outcome.changes.items() if k in MAPPING_EXACT or v == {})
    if outcome.action == "create" or "Enabled" in outcome.changes:
        after["State"] = "Enabled" if after.get("Enabled", True) else "Disabled"
    return after


# -------------------------------------------------------------------------------------------- requests

class MappingWriter:
    """Sends the requests that create, update and delete one mapping, and waits for it to settle."""

    def __init__(self, task, client, current):
        self.task = task
        self.client = client
        self.current = current
        self.answer = None

    def create(self, wanted):
        request = api_form(wanted)
        if not request.get("Tags"):
            request.pop("Tags", None)
        self.answer = self.settle(self.client.call("CreateEventSourceMapping",
                                                   already_done=lambda error: self._created(wanted, error),
                                                   **request))
        if wanted.get("Tags") is not None:
            self.answer = dict(self.answer, Tags=wanted["Tags"])
        return self.answer

    def _created(self, wanted, error):
        """The mapping AWS says already exists (its message names the UUID), when it is the one asked for
        (a create whose answer was lost, or another run's identical create); else None."""
        found = EXISTING_UUID.search(error.response.get("Error", {}).get("Message", ""))
        answer = found and self.client.call("GetEventSourceMapping", missing_ok=True, UUID=found.group(1))
        if not answer or not same_mapping(answer, wanted):
            return None
        settings = dict((k, v) for k, v in wanted.items() if k not in ("FunctionName", "EventSourceArn", "Tags"))
        return reconcile.adopted(answer, settings, current_mapping, MAPPING_EXACT)

    def update(self, changes):
        # Sub-options not given keep their current values (the whole setting is sent, so AWS cannot drop them);
        # an empty setting ({}: no provisioned mode) is sent as it is.
        tags = changes.get("Tags")
        changes = dict((k, v) for k, v in changes.items() if k != "Tags")
        whole = dict((k, merged(self.current.get(k) or {}, without_none(v))
                      if isinstance(v, dict) and v and k not in MAPPING_EXACT else v) for k, v in changes.items())
        for field, parts in CREATE_ONLY_PARTS.items():
            if whole.get(field) is not None:
                whole[field] = dict((k, v) for k, v in whole[field].items() if k not in parts)  # AWS never changes them
        if whole:
            params = api_form(whole)
            params["UUID"] = self.current["UUID"]
            self.answer = self.settle(self.client.call("UpdateEventSourceMapping", **params))
        else:
            self.answer = dict(self.current)
        if tags is not None:
            send_tag_changes(self.client, self.current["EventSourceMappingArn"], self.current.get("Tags") or {}, tags)
            self.answer = dict(self.answer, Tags=tags)
        return self.answer

    def delete(self):
        answer = self.client.call("DeleteEventSourceMapping", missing_ok=True, UUID=self.current["UUID"])
        if answer is not None and self.task.params["wait"] and answer.get("State") in TRANSITIONAL_STATES:
            wait_for_mapping(self.task, self.client, self.current["UUID"], gone=True)
        return answer

    def settle(self, answer):
        """The mapping once it left the transitional states (the answer itself when it already has)."""
        if not self.task.params["wait"] or answer.get("State") not in TRANSITIONAL_STATES:
            return answer
        return wait_for_mapping(self.task, self.client, answer["UUID"])


def wait_for_mapping(task, client, uuid, gone=False):
    """Wait for the mapping to settle (``gone``: to be deleted), through the client.

    Returns the last answer (None once gone). Raises WaitFailed when a mapping meant to be enabled
    ends Disabled for a reason AWS gives (a ``PROBLEM``).
    """
    answer = client.wait_for_mapping(uuid, gone=gone)
    if answer is not None:
        reason = answer.get("StateTransitionReason") or ""
        if answer.get("State") == "Disabled" and task.params.get("enabled") is not False \
                and reason.upper().startswith("PROBLEM"):
            raise WaitFailed("The event source mapping %s ended Disabled: %s" % (uuid, reason),
                             uuid=uuid, state=answer.get("State"), state_transition_reason=reason)
    return answer


def find_mapping(client, params, desired, listing=None):
    """The current mapping's answer (None when there is none): by uuid, else by function + source (+ topics).

    ``listing``: every mapping of the account, already read (an application reads it once for all its
    functions); the mapping is then found in it, by the exact function ARN, without a request.
    """
    if params.get("uuid"):
        answer = client.call("GetEventSourceMapping", missing_ok=True, UUID=params["uuid"])
        if answer is None and params["state"] == "present":
            raise NotFound("uuid: there is no event source mapping %s (AWS chooses a mapping's uuid, so it "
                           "cannot be created under one); leave uuid out to create a mapping." % params["uuid"])
        return answer
    if not desired.get("EventSourceArn") and not desired.get("SelfManagedEventSource"):
        raise InvalidInput("event_source_arn: required to find or create a mapping without uuid (or "
                           "self_managed_event_source for a Kafka cluster of your own).")
    query = dict(FunctionName=desired["FunctionName"])
    if desired.get("EventSourceArn"):
        query["EventSourceArn"] = desired["EventSourceArn"]
    if listing is not None:
        name, qualifier = function_and_qualifier(desired["FunctionName"])
        found = [m for m in listing if function_matches(m.get("FunctionArn"), name, qualifier)]
    else:
        found = client.paginate("ListEventSourceMappings", "EventSourceMappings", **query)
    matches = [m for m in found if same_mapping(m, desired)]
    if len(matches) > 1:
        raise InvalidInput("%d event source mappings of %s read from %s (uuid %s); give uuid to say which one to "
                           "manage%s." % (len(matches), desired["FunctionName"],
                                          desired.get("EventSourceArn") or "the same Kafka cluster",
                                          ", ".join(sorted(m["UUID"] for m in matches)),
                                          " (or topics)" if any(m.get("Topics") for m in matches) else ""),
                           uuids=sorted(m["UUID"] for m in matches))
    return matches[0] if matches else None


# -------------------------------------------------------------------------------------------- resource

class EventSourceMapping(Resource):
    """One event source mapping, built from the options of lambda_event_source (ARGUMENT_SPEC)."""

    kind = "event_source"
    listing = None  # every mapping of the account, when the caller read them already (see find_mapping)
    current_tags = None  # the mapping's tags as read (only when the task gives tags)

    @classmethod
    def validate(cls, params):
        return validate(params)

    def options(self):
        """The task's options (defaults where a plain params dict leaves one out) with amazon.aws.lambda_event's
        ``source_params`` folded in."""
        params = spec_defaults(ARGUMENT_SPEC)
        params.update(self.params)
        try:
            return merge_source_params(params)
        except ValueError as e:
            raise InvalidInput(str(e))

    def read(self):
        """The mapping as it is (current_mapping's shape), None when there is none; with its tags (ListTags)
        only when the task gives ``tags``."""
        answer = self.read_answer()
        self.current_tags = self.read_tags(answer)
        return current_mapping(answer, self.current_tags)

    def read_tags(self, answer):
        """The tags of the mapping ``answer`` when the task manages them (else None: no request)."""
        if answer is None or self.params.get("tags") is None or self.options()["state"] != "present":
            return None
        return listed_tags(self.client, answer["EventSourceMappingArn"])

    def read_answer(self):
        """The mapping as AWS answers it, None when there is none; one that is changing is waited for first
        (with ``wait``): one being deleted until it is gone (then there is none, whatever ``state`` asks), any
        other until it settles."""
        params = self.options()
        answer = find_mapping(self.client, params, self.desired(), self.listing)
        if answer is not None and params["wait"] and answer.get("State") in TRANSITIONAL_STATES:
            answer = wait_for_mapping(self.task, self.client, answer["UUID"], gone=answer.get("State") == DELETING)
        return answer

    def desired(self):
        wanted = desired_event_source(self.options())
        if self.params.get("tags") is not None:
            current = getattr(self, "current_tags", None)
            wanted["Tags"] = desired_tags(self.params["tags"], current, self.params.get("purge_tags", True))
        return wanted

    def plan(self, current, desired):
        """The update of what differs, or (``replace``) the replacement of a mapping AWS cannot change so;
        raises InvalidInput for what AWS's rules refuse. The Outcome keeps ``current`` and ``replacing``."""
        params = self.options()
        desired = dict(desired)
        function = desired["FunctionName"]
        replacing = False
        if params["state"] == "present":
            plan_function(params, desired, current)
            replacing = check_plan(params, desired, current, function)
        exact = MAPPING_EXACT
        pollers = desired.get("ProvisionedPollerConfig")
        if pollers is not None and not without_none(pollers):
            desired["ProvisionedPollerConfig"] = {}  # no provisioned mode: compared whole
            exact = exact | frozenset(("ProvisionedPollerConfig",))
        if replacing:
            outcome = replacement_plan(current, desired, function)
        else:
            outcome = reconcile.plan(current, desired, params["state"], exact)
        outcome.current = current
        outcome.replacing = replacing
        return outcome

    def apply(self, plan):
        writer = MappingWriter(self.task, self.client, plan.current)
        if plan.replacing:
            if "Tags" not in plan.changes:  # the new mapping keeps the tags of the one it replaces
                tags = listed_tags(self.client, plan.current["EventSourceMappingArn"])
                if tags:
                    plan.changes["Tags"] = tags
            writer.delete()
            writer.current = None
            plan.result = writer.create(plan.changes)
            return plan
        return reconcile.apply(plan, writer.create, writer.update, writer.delete)

    def result(self, plan):
        result = dict(changed=plan.changed)
        if self.options()["state"] == "present":
            managed_tags = self.params.get("tags") is not None
            mapping = current_mapping(plan.result, plan.result.get("Tags") if managed_tags else None) \
                if plan.result is not None else predicted(plan, plan.current)
            result.update(uuid=mapping.get("UUID"), state=mapping.get("State"),
                          event_source_mapping=mapping_view(mapping))
        return result


# ---------------------------------------------------------------------------- lambda_event (amazon.aws's form)

# The options of lambda_event: amazon.aws.lambda_event's, with its names, defaults and rules.
EVENT_ARGUMENT_SPEC = dict(
    lambda_function_arn=dict(type="str", required=True, aliases=["function_name", "function_arn"]),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    alias=dict(type="str"),
    version=dict(type="int", default=0),
    event_source=dict(type="str", default="stream", choices=["stream", "sqs"]),
    source_params=dict(type="dict", required=True, options=dict(
        source_arn=dict(type="str", required=True),
        enabled=dict(type="bool", default=True),
        batch_size=dict(type="int"),
        starting_position=dict(type="str", choices=["TRIM_HORIZON", "LATEST"]),
        function_response_types=dict(type="list", elements="str", choices=RESPONSE_TYPES),
        maximum_batching_window_in_seconds=dict(type="int"),
    )),
)
EVENT_MUTUALLY_EXCLUSIVE = [["alias", "version"]]

# The batch size a new mapping gets when source_params.batch_size is omitted, by event_source.
EVENT_BATCH_DEFAULTS = dict(sqs=10, stream=100)
# Above this batch size, a new mapping without a batching window gets one of EVENT_BATCHING_WINDOW seconds.
EVENT_WINDOW_BATCH_MIN = 10
EVENT_BATCHING_WINDOW = 1
# lambda_event_source's option -> its name in lambda_event (for the messages).
EVENT_LABELS = dict(
    function_name="lambda_function_arn", event_source_arn="source_params.source_arn",
    enabled="source_params.enabled", batch_size="source_params.batch_size",
    starting_position="source_params.starting_position",
    function_response_types="source_params.function_response_types",
    maximum_batching_window_in_seconds="source_params.maximum_batching_window_in_seconds",
)


def event_source_options(params):
    """lambda_event_source's options for a lambda_event task.

    A zero batching window is not sent (lambda_event never sent one), and a stream's starting position is
    only taken for ``event_source: stream``.
    """
    source = params.get("source_params") or {}
    options = spec_defaults(ARGUMENT_SPEC)
    options.update(
        function_name=params.get("lambda_function_arn"),
        alias=params.get("alias"),
        version=params.get("version") or None,
        state=params.get("state") or "present",
        event_source_arn=source.get("source_arn"),
        enabled=True if source.get("enabled") is None else source["enabled"],
        batch_size=source.get("batch_size"),
        maximum_batching_window_in_seconds=source.get("maximum_batching_window_in_seconds") or None,
        starting_position=source.get("starting_position") if params.get("event_source") != "sqs" else None,
        function_response_types=source.get("function_response_types"),
    )
    return options


def relabeled(message):
    """``message`` (which starts with the option it is about) naming the option as lambda_event does."""
    option, separator, rest = message.partition(": ")
    if separator and option in EVENT_LABELS:
        return EVENT_LABELS[option] + separator + rest
    return message


def event_errors(params):
    """Local checks of lambda_event's options; a list of error messages naming its options."""
    problems = []
    source_arn = (params.get("source_params") or {}).get("source_arn")
    try:
        kind = kind_of(source_arn)
    except ValueError:
        kind = None  # validate() below says what is wrong with the ARN
    wanted = params.get("event_source") or "stream"
    if kind is not None and (kind == SQS) != (wanted == "sqs"):
        problems.append("event_source: %s does not agree with source_params.source_arn %s (%s); give event_source: %s."
                        % (wanted, source_arn, KIND_NAMES[kind], "sqs" if kind == SQS else "stream"))
    problems.extend(relabeled(problem) for problem in validate(event_source_options(params)))
    return problems


def events_view(answer):
    """A mapping as lambda_event returns it: AWS's answer with its keys in snake_case, times as ISO 8601 text."""
    shown = dict((k, v.isoformat() if isinstance(v, datetime.datetime) else v) for k, v in answer.items()
                 if k != "ResponseMetadata")
    return camel_dict_to_snake_dict(shown)


class LegacyEventMapping(EventSourceMapping):
    """One event source mapping with lambda_event's options (EVENT_ARGUMENT_SPEC), converged as an
    :class:`EventSourceMapping`.

    What lambda_event adds: on create, the batch size by ``event_source`` when it is omitted, and a batching
    window of 1 second for a batch of more than 10 without one; an existing mapping's starting position is
    not compared (AWS cannot change it, and lambda_event never did). The result is ``events``: the mapping as
    read (a list of the one mapping found, empty when there is none) when nothing is sent (no change, check
    mode), else AWS's answer to the create, update or delete.
    """

    def __init__(self, task, client):
        super().__init__(task.with_params(event_source_options(task.params)), client)
        self.legacy_params = task.params
        self.found = None  # the mapping as read, AWS's answer

    @classmethod
    def validate(cls, params):
        return event_errors(params)

    def read(self):
        self.found = self.read_answer()
        return current_mapping(self.found)

    def plan(self, current, desired):
        desired = dict(desired)
        if current is None and self.present:
            if desired.get("BatchSize") is None:
                desired["BatchSize"] = EVENT_BATCH_DEFAULTS[self.legacy_params.get("event_source") or "stream"]
            if desired["BatchSize"] > EVENT_WINDOW_BATCH_MIN and not desired.get("MaximumBatchingWindowInSeconds"):
                desired["MaximumBatchingWindowInSeconds"] = EVENT_BATCHING_WINDOW
            if not desired.get("FunctionResponseTypes"):
                desired["FunctionResponseTypes"] = None  # an empty list is not sent on create
        elif current is not None:
            desired["StartingPosition"] = None
        try:
            return super().plan(current, desired)
        except InvalidInput as e:
            problems = [relabeled(problem) for problem in e.details.get("errors") or [e.msg]]
            raise InvalidInput(" ".join(problems), errors=problems) from None

    def result(self, plan):
        if self.task.check_mode or plan.action is None:
            events = [events_view(self.found)] if self.found is not None else []
        else:
            events = events_view(plan.result) if plan.result else []
        return dict(changed=plan.changed, events=events)
