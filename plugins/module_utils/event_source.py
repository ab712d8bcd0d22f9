# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Event source mappings: the kind of a source, AWS's rules per kind, and one comparable form.

Pure functions only (no requests): ``lambda_event_source`` uses them to refuse what AWS would
refuse before anything is sent, and to compare a mapping as read with what a task asks for.
"""

import datetime
import json

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import MAPPING_TRANSITIONAL_STATES

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

# Fields AWS sets when the mapping is created and never changes afterwards.
CREATE_ONLY = ("EventSourceArn", "StartingPosition", "StartingPositionTimestamp", "Topics", "Queues",
               "SelfManagedEventSource", "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig")

# option: (lowest, highest, extra rule in words or None)
RANGES = dict(
    batch_size=(1, 10000),
    maximum_batching_window_in_seconds=(0, 300),
    maximum_retry_attempts=(-1, 10000),
    maximum_record_age_in_seconds=(-1, 604800),
    parallelization_factor=(1, 10),
    tumbling_window_in_seconds=(0, 900),
    wait_timeout=(1, None),
)
SCALING_RANGE = (2, 1000)
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
)


def kind_of(event_source_arn=None, self_managed_event_source=None):
    """The kind of source (SQS, KINESIS, ...) from its ARN, KAFKA for a self-managed event source.

    Raises ValueError for an ARN of a service Lambda does not poll.
    """
    if self_managed_event_source is not None and not event_source_arn:
        return KAFKA
    if not event_source_arn:
        return None
    parts = event_source_arn.split(":")
    if len(parts) < 6 or parts[0] != "arn":
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


def split_function(function_name):
    """(name, qualifier or None) of a function given as a name, a partial ARN or an ARN, qualified or not."""
    parts = function_name.split(":")
    if function_name.startswith("arn:"):
        parts = parts[6:]
    elif len(parts) >= 3 and parts[1] == "function":
        parts = parts[2:]
    name = parts[0]
    qualifier = parts[1] if len(parts) > 1 else None
    return name, (None if qualifier == "$LATEST" else qualifier)


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
    if isinstance(version, bool) or not (text.isdigit() or text == "$LATEST"):
        raise ValueError("version: %s is not a version; give a published version number, or 0 (or $LATEST) for the "
                         "unqualified function." % (version,))
    if text == "$LATEST" or int(text) == 0:
        return None
    return str(int(text))


def function_matches(function_arn, name, qualifier):
    """True when a mapping's FunctionArn is the function ``name`` with ``qualifier`` (None = unqualified)."""
    current_name, current_qualifier = split_function(function_arn or "")
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


def range_errors(params):
    """Numbers outside what AWS accepts."""
    errors = []
    for option, (low, high) in sorted(RANGES.items()):
        value = params.get(option)
        if value is None:
            continue
        if value < low or (high is not None and value > high):
            errors.append("%s: %d is out of range; AWS takes %s." % (
                option, value, "%d or more" % low if high is None else "%d to %d" % (low, high)))
    age = params.get("maximum_record_age_in_seconds")
    if age is not None and -1 < age < 60:
        errors.append("maximum_record_age_in_seconds: %d is out of range; AWS takes -1 (no limit) or 60 to 604800."
                      % age)
    scaling = (params.get("scaling_config") or {}).get("maximum_concurrency")
    if scaling is not None and not SCALING_RANGE[0] <= scaling <= SCALING_RANGE[1]:
        errors.append("scaling_config: maximum_concurrency %d is out of range; AWS takes %d to %d." % (
            (scaling,) + SCALING_RANGE))
    for option in ("topics", "queues"):
        if params.get(option) is not None and len(params[option]) != 1:
            errors.append("%s: a mapping reads exactly one (%d given)." % (option, len(params[option])))
    return errors


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
    if creating and position is None and kind in STREAMS | KAFKAS:
        errors.append("starting_position: required to create a mapping for %s; give TRIM_HORIZON (the oldest "
                      "record), LATEST (only new records) or AT_TIMESTAMP." % KIND_NAMES[kind])
    if position == "AT_TIMESTAMP" and kind == DYNAMODB:
        errors.append("starting_position: DynamoDB streams do not take AT_TIMESTAMP; give TRIM_HORIZON or LATEST.")
    if creating and position == "AT_TIMESTAMP" and mapping.get("StartingPositionTimestamp") is None:
        errors.append("starting_position_timestamp: required with starting_position AT_TIMESTAMP.")
    if mapping.get("StartingPositionTimestamp") is not None and position not in (None, "AT_TIMESTAMP"):
        errors.append("starting_position_timestamp: only taken with starting_position AT_TIMESTAMP, not %s." % position)
    if creating and kind in KAFKAS and not mapping.get("Topics"):
        errors.append("topics: required to create a mapping for %s; give the one topic to read." % KIND_NAMES[kind])
    if creating and kind == MQ and not mapping.get("Queues"):
        errors.append("queues: required to create a mapping for an Amazon MQ broker; give the one queue to read.")
    return errors


def create_only_changes(desired, current):
    """The fields AWS cannot change on an existing mapping that the task wants different: {field: (now, wanted)}."""
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
    return changes
