#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_event_source
short_description: Create, update and delete event source mappings of AWS Lambda functions
version_added: 0.1.0
description:
  - Converges one event source mapping, that is Lambda polling a queue or stream (SQS, Kinesis, DynamoDB Streams,
    Amazon MSK, self-managed Kafka, Amazon MQ or DocumentDB) and invoking a function with batches of records.
  - The mapping is found by O(uuid) when given. Otherwise it is the mapping of the function (with its O(alias) or
    O(version)) and O(event_source_arn) (and O(topics) for Kafka); when two mappings match, the task fails and asks
    for O(uuid).
  - Options that are not given are not managed. Every option AWS can change on an existing mapping is compared and,
    when it differs, sent alone with C(UpdateEventSourceMapping); nothing else is sent.
  - O(event_source_arn), O(starting_position), O(starting_position_timestamp), O(topics), O(queues),
    O(self_managed_event_source) and the Kafka consumer group cannot be changed on an existing mapping. A task that
    asks for another value fails saying so, unless O(replace=true).
  - The rules AWS applies to each kind of source are checked before anything is sent, and a refusal names the
    rule (for example, an SQS batch of more than 10 messages needs a batching window).
  - A run that changes nothing costs one API call (C(GetEventSourceMapping) with O(uuid), else
    C(ListEventSourceMappings)).
  - The options of C(amazon.aws.lambda_event) are accepted with the same meaning (O(lambda_function_arn),
    O(event_source), O(source_params)), so a playbook moves over by changing the module name. Unlike that module,
    changes of O(source_params.function_response_types) and of the batching window are applied to an existing
    mapping.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name, ARN or partial ARN of the function. A qualifier may be part of it (V(hello:live)), or given with
        O(alias) or O(version).
      - Required unless O(uuid) is given. With O(uuid), a different function moves the mapping to it.
    type: str
    aliases: [lambda_function_arn, function_arn]
  alias:
    description:
      - The alias of the function the mapping invokes. Mutually exclusive with O(version).
    type: str
  version:
    description:
      - The published version of the function the mapping invokes.
      - V(0) (or V($LATEST)) means the unqualified function, as in C(amazon.aws.lambda_event).
    type: raw
  event_source_arn:
    description:
      - ARN of the source - an SQS queue, a Kinesis stream (or stream consumer), a DynamoDB stream
        (the table's C(LatestStreamArn)), an Amazon MSK cluster, an Amazon MQ broker or a DocumentDB cluster.
      - Required to create a mapping, except for a self-managed Kafka cluster (O(self_managed_event_source)).
    type: str
  uuid:
    description:
      - The identifier of an existing mapping, to address exactly that one.
      - A mapping that does not exist cannot be created under a given O(uuid) (AWS chooses it).
    type: str
  state:
    description:
      - V(present) creates or updates the mapping, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  enabled:
    description:
      - V(false) pauses the mapping (Lambda stops polling), V(true) resumes it.
      - A new mapping is enabled unless V(false) is given.
    type: bool
  replace:
    description:
      - When the task asks for another value of a field AWS cannot change (O(event_source_arn),
        O(starting_position), O(starting_position_timestamp), O(topics), O(queues), O(self_managed_event_source),
        the Kafka consumer group), delete the mapping and create it again with the task's options.
      - B(Replay risk) - the new mapping starts reading from O(starting_position) again, so a stream's records may
        be processed a second time (V(TRIM_HORIZON)) or skipped (V(LATEST)), and its O(uuid) changes.
    type: bool
    default: false
  batch_size:
    description:
      - The most records Lambda sends to the function in one batch, V(1) to V(10000).
      - SQS - more than 10 needs O(maximum_batching_window_in_seconds) of 1 or more; a FIFO queue takes at most 10.
    type: int
  maximum_batching_window_in_seconds:
    description:
      - How long Lambda gathers records before invoking the function, V(0) to V(300) seconds.
      - FIFO queues take no batching window.
    type: int
  starting_position:
    description:
      - Where Lambda starts reading a stream or Kafka topic. Required to create a mapping for a stream or Kafka.
      - Not taken by SQS or Amazon MQ. Cannot be changed on an existing mapping (see O(replace)).
    type: str
    choices: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]
  starting_position_timestamp:
    description:
      - With O(starting_position=AT_TIMESTAMP), the time to start reading from, as ISO 8601
        (V(2024-05-01T12:00:00Z)) or seconds since the epoch.
    type: raw
  filter_criteria:
    description:
      - Event filter patterns; Lambda invokes the function only with records that match at least one.
      - Each pattern is a dictionary or its JSON text. Patterns are compared by meaning, not text, so a
        dictionary and the same pattern as JSON are the same, whatever the key order or spacing.
      - V([]) removes every filter.
    type: list
    elements: raw
  function_response_types:
    description:
      - V([ReportBatchItemFailures]) lets the function report which records of a batch failed. V([]) turns it off.
    type: list
    elements: str
    choices: [ReportBatchItemFailures]
  bisect_batch_on_function_error:
    description:
      - Streams - when the function fails, split the batch in two and retry each half.
    type: bool
  maximum_retry_attempts:
    description:
      - Streams and Kafka - how many times a failed batch is retried, V(-1) (until the record expires) to V(10000).
    type: int
  maximum_record_age_in_seconds:
    description:
      - Streams and Kafka - records older than this are discarded, V(-1) (never) or V(60) to V(604800).
    type: int
  parallelization_factor:
    description:
      - Streams - how many batches of each shard are processed at the same time, V(1) to V(10).
    type: int
  tumbling_window_in_seconds:
    description:
      - Streams - the length of a tumbling window for aggregations, V(0) (none) to V(900) seconds.
    type: int
  destination_config:
    description:
      - Streams and Kafka - where records that failed every retry are sent.
    type: dict
    suboptions:
      on_failure:
        description:
          - The on-failure destination.
        type: dict
        required: true
        suboptions:
          destination:
            description:
              - ARN of an SQS queue, an SNS topic (or, for Kafka, an S3 bucket). V("") removes the destination.
            type: str
            required: true
  scaling_config:
    description:
      - SQS - the most concurrent invocations the mapping starts.
      - V({}) removes the limit.
    type: dict
    suboptions:
      maximum_concurrency:
        description:
          - V(2) to V(1000).
        type: int
  topics:
    description:
      - Kafka - the one topic to read. Required for Kafka; identifies the mapping with the function and source.
    type: list
    elements: str
  queues:
    description:
      - Amazon MQ - the one queue to read. Required for Amazon MQ.
    type: list
    elements: str
  source_access_configurations:
    description:
      - Kafka, Amazon MQ and DocumentDB - how Lambda authenticates to the source and reaches its network.
      - Compared as a set; the whole list is sent when it differs.
    type: list
    elements: dict
    suboptions:
      type:
        description:
          - The kind of access, for example V(BASIC_AUTH), V(SASL_SCRAM_512_AUTH), V(VPC_SUBNET).
        type: str
        required: true
      uri:
        description:
          - The secret, subnet or security group, for example a Secrets Manager secret ARN or V(subnet:subnet-0abc).
        type: str
        required: true
  self_managed_event_source:
    description:
      - A Kafka cluster of your own, given instead of O(event_source_arn).
    type: dict
    suboptions:
      endpoints:
        description:
          - The brokers, as C(KAFKA_BOOTSTRAP_SERVERS) and a list of C(host:port) addresses.
        type: dict
        required: true
  amazon_managed_kafka_event_source_config:
    description:
      - Amazon MSK - settings of the consumer.
    type: dict
    suboptions:
      consumer_group_id:
        description:
          - The Kafka consumer group to join. Cannot be changed on an existing mapping.
        type: str
  self_managed_kafka_event_source_config:
    description:
      - Self-managed Kafka - settings of the consumer.
    type: dict
    suboptions:
      consumer_group_id:
        description:
          - The Kafka consumer group to join. Cannot be changed on an existing mapping.
        type: str
  document_db_event_source_config:
    description:
      - DocumentDB - which change stream to read.
    type: dict
    suboptions:
      database_name:
        description:
          - The database.
        type: str
      collection_name:
        description:
          - The collection; all collections of the database when omitted.
        type: str
      full_document:
        description:
          - V(UpdateLookup) sends the whole document with each update, V(Default) only the change.
        type: str
        choices: [UpdateLookup, Default]
  kms_key_arn:
    description:
      - The KMS key Lambda encrypts the filter criteria with. V("") goes back to an AWS owned key.
    type: str
  event_source:
    description:
      - C(amazon.aws.lambda_event)'s kind of source, V(stream) (Kinesis or DynamoDB) or V(sqs).
      - Not needed (the kind is read from the source's ARN); when given, it must agree with the ARN.
    type: str
    choices: [stream, sqs]
  source_params:
    description:
      - C(amazon.aws.lambda_event)'s form of the options. Each key means the same as the option of the same name;
        give each setting once, either here or as an option.
      - As in C(amazon.aws.lambda_event), a task with O(source_params) enables the mapping unless
        O(source_params.enabled) or O(enabled) says V(false).
    type: dict
    suboptions:
      source_arn:
        description:
          - Same as O(event_source_arn).
        type: str
        required: true
      enabled:
        description:
          - Same as O(enabled). V(true) when neither this nor O(enabled) is given.
        type: bool
      batch_size:
        description:
          - Same as O(batch_size).
        type: int
      starting_position:
        description:
          - Same as O(starting_position).
        type: str
        choices: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]
      function_response_types:
        description:
          - Same as O(function_response_types).
        type: list
        elements: str
        choices: [ReportBatchItemFailures]
      maximum_batching_window_in_seconds:
        description:
          - Same as O(maximum_batching_window_in_seconds).
        type: int
  wait:
    description:
      - After creating, changing or deleting the mapping, wait until it has left the C(Creating), C(Enabling),
        C(Disabling), C(Updating) and C(Deleting) states (or, after a delete, is gone).
      - A mapping already in one of these states is waited for before it is changed.
      - With V(false) the task returns as soon as AWS accepted the request.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long, in seconds, to wait at most.
    type: int
    default: 600
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetEventSourceMapping) or C(ListEventSourceMappings)).
  - A mapping whose function, source or permissions are wrong can end C(Disabled) with a C(PROBLEM) reason; with
    O(wait=true) and O(enabled) not V(false), the task then fails with AWS's reason.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
    description: The function a mapping invokes; its role needs permission to read the source.
  - module: cloudfn.aws_lambda.lambda_alias
    description: An alias to point a mapping at (O(alias)).
"""

EXAMPLES = r"""
- name: Process an SQS queue in batches of up to 50 messages, gathered for at most 5 seconds
  cloudfn.aws_lambda.lambda_event_source:
    function_name: orders
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    batch_size: 50
    maximum_batching_window_in_seconds: 5
    function_response_types: [ReportBatchItemFailures]
    scaling_config:
      maximum_concurrency: 10
  register: orders_mapping

- name: Only order messages, given as a dictionary (the same pattern as JSON text is no change)
  cloudfn.aws_lambda.lambda_event_source:
    function_name: orders
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    filter_criteria:
      - body:
          type: [order]

- name: A DynamoDB stream read from the oldest record by the live alias, failures to a queue
  cloudfn.aws_lambda.lambda_event_source:
    function_name: audit
    alias: live
    event_source_arn: arn:aws:dynamodb:us-east-1:123456789012:table/accounts/stream/2024-05-01T00:00:00.000
    starting_position: TRIM_HORIZON
    batch_size: 200
    bisect_batch_on_function_error: true
    maximum_retry_attempts: 3
    maximum_record_age_in_seconds: 3600
    destination_config:
      on_failure:
        destination: arn:aws:sqs:us-east-1:123456789012:audit-failures

- name: Pause a mapping, addressed by its UUID
  cloudfn.aws_lambda.lambda_event_source:
    uuid: "{{ orders_mapping.uuid }}"
    enabled: false

- name: Read a Kinesis stream from another position (a new mapping; records may be processed again)
  cloudfn.aws_lambda.lambda_event_source:
    function_name: clicks
    event_source_arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
    starting_position: AT_TIMESTAMP
    starting_position_timestamp: "2024-05-01T12:00:00Z"
    replace: true

- name: An Amazon MSK topic
  cloudfn.aws_lambda.lambda_event_source:
    function_name: payments
    event_source_arn: arn:aws:kafka:us-east-1:123456789012:cluster/payments/abcd1234-ef56-7890-abcd-ef1234567890-1
    topics: [payments]
    starting_position: LATEST
    amazon_managed_kafka_event_source_config:
      consumer_group_id: payments-lambda

- name: A playbook written for amazon.aws.lambda_event runs as it is
  cloudfn.aws_lambda.lambda_event_source:
    lambda_function_arn: audit
    event_source: stream
    source_params:
      source_arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
      batch_size: 100
      starting_position: LATEST

- name: Delete the mapping
  cloudfn.aws_lambda.lambda_event_source:
    function_name: orders
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    state: absent
"""

RETURN = r"""
uuid:
  description:
    - Identifier of the mapping. Null in check mode when the mapping would be created.
  returned: when state=present
  type: str
  sample: 1166033c-902d-4b33-9cdd-ceb792575aaf
state:
  description:
    - The state of the mapping, C(Enabled) or C(Disabled) (a C(Creating), C(Enabling), C(Disabling) or C(Updating)
      state only with O(wait=false)); in check mode, the state it would have.
  returned: when state=present
  type: str
  sample: Enabled
event_source_mapping:
  description:
    - The mapping with snake_case keys, as AWS answered the change, as read when nothing changed, or (in check
      mode) as it would be.
  returned: when state=present
  type: dict
  contains:
    uuid:
      description: Identifier of the mapping.
      type: str
      returned: always
    event_source_arn:
      description: ARN of the source.
      type: str
      returned: when the source has one
    function_arn:
      description: ARN of the function (with its qualifier) the mapping invokes.
      type: str
      returned: always
    state:
      description: The state of the mapping.
      type: str
      returned: always
    state_transition_reason:
      description: Why the mapping is in its state, for example C(USER_INITIATED).
      type: str
      returned: when AWS gives it
    batch_size:
      description: The most records in one batch.
      type: int
      returned: always
    filter_criteria:
      description: The filter patterns, each as JSON text under C(filters[].pattern).
      type: dict
      returned: when the mapping has filters
    last_modified:
      description: When the mapping last changed, ISO 8601.
      type: str
      returned: always
  sample:
    uuid: 1166033c-902d-4b33-9cdd-ceb792575aaf
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:orders
    state: Enabled
    batch_size: 50
    maximum_batching_window_in_seconds: 5
    function_response_types: [ReportBatchItemFailures]
    scaling_config: {maximum_concurrency: 10}
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {batch_size: 10}
    after: {batch_size: 50}
"""

import datetime
import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.event_source import (
    SQS,
    STREAMS,
    TRANSITIONAL_STATES,
    canonical_filters,
    create_only_changes,
    current_filters,
    function_matches,
    is_fifo,
    kind_of,
    mapping_errors,
    option_errors,
    qualifier_of,
    range_errors,
    split_function,
    timestamp_text,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import function_name_problem
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    USER_KEYED,
    Outcome,
    changed_fields,
    ensure,
    managed_part,
    merged,
    snake_dict,
    to_snake,
    without_none,
)

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", aliases=["lambda_function_arn", "function_arn"]),
    alias=dict(type="str"),
    version=dict(type="raw"),
    event_source_arn=dict(type="str"),
    uuid=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    enabled=dict(type="bool"),
    replace=dict(type="bool", default=False),
    batch_size=dict(type="int"),
    maximum_batching_window_in_seconds=dict(type="int"),
    starting_position=dict(type="str", choices=["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]),
    starting_position_timestamp=dict(type="raw"),
    filter_criteria=dict(type="list", elements="raw"),
    function_response_types=dict(type="list", elements="str", choices=["ReportBatchItemFailures"]),
    bisect_batch_on_function_error=dict(type="bool"),
    maximum_retry_attempts=dict(type="int"),
    maximum_record_age_in_seconds=dict(type="int"),
    parallelization_factor=dict(type="int"),
    tumbling_window_in_seconds=dict(type="int"),
    destination_config=dict(type="dict", options=dict(
        on_failure=dict(type="dict", required=True, options=dict(
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
    )),
    self_managed_kafka_event_source_config=dict(type="dict", options=dict(
        consumer_group_id=dict(type="str"),
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
        starting_position=dict(type="str", choices=["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]),
        function_response_types=dict(type="list", elements="str", choices=["ReportBatchItemFailures"]),
        maximum_batching_window_in_seconds=dict(type="int"),
    )),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
)

MUTUALLY_EXCLUSIVE = [["alias", "version"], ["event_source_arn", "self_managed_event_source"]]
REQUIRED_ONE_OF = [["function_name", "uuid"]]

# source_params key -> option
SOURCE_PARAMS = dict(source_arn="event_source_arn", enabled="enabled", batch_size="batch_size",
                     starting_position="starting_position", function_response_types="function_response_types",
                     maximum_batching_window_in_seconds="maximum_batching_window_in_seconds")

# Compared whole: an empty value must differ from a set one.
MAPPING_EXACT = USER_KEYED | frozenset(("FilterCriteria", "ScalingConfig", "SelfManagedEventSource"))
# AWS's refusal of a second mapping for the same source and function names the existing one.
EXISTING_UUID = re.compile(r"UUID\s+([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")

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
    "AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig", "DocumentDBEventSourceConfig"))


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
            named = split_function(params["function_name"])[1]
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
    given = [option for option in params if params.get(option) is not None]
    errors.extend(option_errors(kind, given))
    return errors


def function_ref(params):
    """The function as sent to AWS: the name or ARN, with the qualifier of alias / version appended."""
    name = params.get("function_name")
    if not name:
        return None
    qualifier = qualifier_of(params.get("alias"), params.get("version"))
    if qualifier and not split_function(name)[1]:
        return "%s:%s" % (name, qualifier)
    return name


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
        DestinationConfig=None if params.get("destination_config") is None else dict(
            OnFailure=dict(Destination=params["destination_config"]["on_failure"]["destination"])),
        ScalingConfig=None if params.get("scaling_config") is None else without_none(dict(
            MaximumConcurrency=params["scaling_config"].get("maximum_concurrency"))),
        Topics=None if params.get("topics") is None else sorted(params["topics"]),
        Queues=None if params.get("queues") is None else sorted(params["queues"]),
        SourceAccessConfigurations=None if params.get("source_access_configurations") is None
        else sorted_access(dict(Type=item["type"], URI=item["uri"]) for item in params["source_access_configurations"]),
        SelfManagedEventSource=None if params.get("self_managed_event_source") is None
        else dict(Endpoints=dict((k, sorted(v)) for k, v in params["self_managed_event_source"]["endpoints"].items())),
        AmazonManagedKafkaEventSourceConfig=_sub(params, "amazon_managed_kafka_event_source_config",
                                                 dict(consumer_group_id="ConsumerGroupId")),
        SelfManagedKafkaEventSourceConfig=_sub(params, "self_managed_kafka_event_source_config",
                                               dict(consumer_group_id="ConsumerGroupId")),
        DocumentDBEventSourceConfig=_sub(params, "document_db_event_source_config",
                                         dict(database_name="DatabaseName", collection_name="CollectionName",
                                              full_document="FullDocument")),
    )
    return desired


def _sub(params, option, mapping):
    value = params.get(option)
    if value is None:
        return None
    return dict((api, value.get(key)) for key, api in mapping.items())


def sorted_access(items):
    return sorted(items, key=lambda item: (item.get("Type") or "", item.get("URI") or ""))


def current_mapping(answer):
    """A mapping as AWS answers it, in the desired shape; None when there is none.

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
    on_failure = dict((mapping.get("DestinationConfig") or {}).get("OnFailure") or {})
    on_failure["Destination"] = on_failure.get("Destination") or ""
    mapping["DestinationConfig"] = dict(mapping.get("DestinationConfig") or {}, OnFailure=on_failure)
    mapping["ScalingConfig"] = mapping.get("ScalingConfig") or {}
    mapping["KMSKeyArn"] = mapping.get("KMSKeyArn") or ""
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
    if shown.get("DestinationConfig") == {"OnFailure": {"Destination": ""}}:
        shown.pop("DestinationConfig")
    for key in ("ScalingConfig", "KMSKeyArn"):
        if not shown.get(key):
            shown.pop(key, None)
    return snake_dict(shown, keep=USER_KEYED | frozenset(("Endpoints",)))


def api_form(fields):
    """Fields in the desired shape as the API takes them (an empty filter list clears the filters)."""
    sent = dict(fields)
    if "FilterCriteria" in sent and not sent["FilterCriteria"]["Filters"]:
        sent["FilterCriteria"] = {}
    on_failure = (sent.get("DestinationConfig") or {}).get("OnFailure")
    if on_failure is not None and not on_failure.get("Destination"):
        sent["DestinationConfig"] = dict(sent["DestinationConfig"], OnFailure={})
    for field in ("AmazonManagedKafkaEventSourceConfig", "SelfManagedKafkaEventSourceConfig",
                  "DocumentDBEventSourceConfig"):
        if field in sent:
            sent[field] = without_none(sent[field])
    return sent


class MappingWriter:
    """Sends the requests that create, update and delete one mapping, and waits for it to settle."""

    def __init__(self, module, client, current):
        self.module = module
        self.client = client
        self.current = current
        self.answer = None

    def create(self, wanted):
        self.answer = self.settle(self.client.call("CreateEventSourceMapping",
                                                   already_done=lambda error: self._created(wanted, error),
                                                   **api_form(wanted)))
        return self.answer

    def _created(self, wanted, error):
        """The mapping AWS says already exists (its message names the UUID), when it is the one asked for
        (a create whose answer was lost, or another run's identical create); else None."""
        found = EXISTING_UUID.search(error.response.get("Error", {}).get("Message", ""))
        answer = found and self.client.call("GetEventSourceMapping", missing_ok=True, UUID=found.group(1))
        if not answer or not same_mapping(answer, wanted):
            return None
        settings = dict((k, v) for k, v in wanted.items() if k not in ("FunctionName", "EventSourceArn"))
        if changed_fields(settings, current_mapping(answer), MAPPING_EXACT):
            return None
        return answer

    def update(self, changes):
        # Sub-options not given keep their current values (the whole setting is sent, so AWS cannot drop them).
        whole = dict((k, merged(self.current.get(k) or {}, without_none(v))
                      if isinstance(v, dict) and k not in MAPPING_EXACT else v) for k, v in changes.items())
        params = api_form(whole)
        params["UUID"] = self.current["UUID"]
        self.answer = self.settle(self.client.call("UpdateEventSourceMapping", **params))
        return self.answer

    def delete(self):
        answer = self.client.call("DeleteEventSourceMapping", missing_ok=True, UUID=self.current["UUID"])
        if answer is not None and self.module.params["wait"] and answer.get("State") in TRANSITIONAL_STATES:
            wait_for_mapping(self.module, self.client, self.current["UUID"], gone=True)
        return answer

    def settle(self, answer):
        """The mapping once it left the transitional states (the answer itself when it already has)."""
        if not self.module.params["wait"] or answer.get("State") not in TRANSITIONAL_STATES:
            return answer
        return wait_for_mapping(self.module, self.client, answer["UUID"])


def wait_for_mapping(module, client, uuid, gone=False):
    """Wait for the mapping to settle (``gone``: to be deleted), through the client.

    Returns the last answer (None once gone). Fails the task when a mapping meant to be enabled
    ends Disabled for a reason AWS gives (a ``PROBLEM``).
    """
    answer = client.wait_for_mapping(uuid, gone=gone)
    if answer is not None:
        reason = answer.get("StateTransitionReason") or ""
        if answer.get("State") == "Disabled" and module.params.get("enabled") is not False \
                and reason.upper().startswith("PROBLEM"):
            module.fail_json(msg="The event source mapping %s ended Disabled: %s" % (uuid, reason),
                             uuid=uuid, state=answer.get("State"), state_transition_reason=reason)
    return answer


def find_mapping(module, client, params, desired):
    """The current mapping's answer (None when there is none): by uuid, else by function + source (+ topics)."""
    if params.get("uuid"):
        answer = client.call("GetEventSourceMapping", missing_ok=True, UUID=params["uuid"])
        if answer is None and params["state"] == "present":
            module.fail_json(msg="uuid: there is no event source mapping %s (AWS chooses a mapping's uuid, so it "
                                 "cannot be created under one); leave uuid out to create a mapping." % params["uuid"])
        return answer
    if not desired.get("EventSourceArn") and not desired.get("SelfManagedEventSource"):
        module.fail_json(msg="event_source_arn: required to find or create a mapping without uuid (or "
                             "self_managed_event_source for a Kafka cluster of your own).")
    query = dict(FunctionName=desired["FunctionName"])
    if desired.get("EventSourceArn"):
        query["EventSourceArn"] = desired["EventSourceArn"]
    found = client.paginate("ListEventSourceMappings", "EventSourceMappings", **query)
    matches = [m for m in found if same_mapping(m, desired)]
    if len(matches) > 1:
        module.fail_json(msg="%d event source mappings of %s read from %s (uuid %s); give uuid to say which one to "
                             "manage%s." % (len(matches), desired["FunctionName"],
                                            desired.get("EventSourceArn") or "the same Kafka cluster",
                                            ", ".join(sorted(m["UUID"] for m in matches)),
                                            " (or topics)" if any(m.get("Topics") for m in matches) else ""),
                         uuids=sorted(m["UUID"] for m in matches))
    return matches[0] if matches else None


def same_mapping(answer, desired):
    """Whether a listed mapping is the one the task means (the list was already filtered by function and source)."""
    name, qualifier = split_function(desired["FunctionName"])
    listed_name, listed_qualifier = split_function(answer.get("FunctionArn") or "")
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


def plan_function(params, desired, current):
    """FunctionName is only compared for a mapping found by uuid, and only sent when it is another function.

    A mapping found by function and source invokes that function by definition.
    """
    if current is None or not desired.get("FunctionName"):
        return
    name, qualifier = split_function(desired["FunctionName"])
    if not params.get("uuid") or function_matches(current.get("FunctionArn"), name, qualifier):
        desired["FunctionName"] = None


def replacement(desired, current, function=None):
    """The mapping that replaces ``current``: the task's settings, and the current ones it does not mention.

    ``function``: the function as the task names it (else the one the mapping invokes).
    """
    wanted = dict((k, v) for k, v in current.items() if k in CARRIED_OVER and v not in (None, "", {}, [])
                  and v != {"Filters": []} and v != {"OnFailure": {"Destination": ""}})
    if desired.get("StartingPosition") is not None:
        wanted.pop("StartingPositionTimestamp", None)
    wanted.update(without_none(desired))
    wanted["FunctionName"] = desired.get("FunctionName") or function or current["FunctionArn"]
    return wanted


def check_plan(module, params, desired, current, function=None):
    """Rules that need the mapping as it is; fails the task before any change. Returns True to replace it."""
    creating = current is None
    arn = desired.get("EventSourceArn") or (current or {}).get("EventSourceArn")
    kind = kind_of(arn, desired.get("SelfManagedEventSource") or (current or {}).get("SelfManagedEventSource"))
    errors = []
    if creating and not desired.get("FunctionName"):
        errors.append("function_name: required to create a mapping.")
    given = [option for option in params if params.get(option) is not None]
    errors.extend(option_errors(kind, given))
    replacing = False
    if not creating:
        fixed = create_only_changes(desired, current)
        if fixed and not params["replace"]:
            module.fail_json(msg="%s cannot be changed on an existing event source mapping (%s); give replace: true "
                                 "to delete the mapping %s and create it again (a stream is then read again from "
                                 "starting_position, so records may be processed twice or skipped)." % (
                                     ", ".join(sorted(to_snake(f) for f in fixed)), "; ".join(
                                         "%s is %s, the task asks for %s" % (to_snake(field), now, wanted)
                                         for field, (now, wanted) in sorted(fixed.items())), current["UUID"]),
                             fields=sorted(to_snake(f) for f in fixed))
        replacing = bool(fixed)
    if replacing:
        after = replacement(desired, current, function)
    else:
        after = merged(current or {}, without_none(desired))
    errors.extend(mapping_errors(kind, is_fifo(arn), after, creating or replacing, asked=without_none(desired)))
    if errors:
        module.fail_json(msg=" ".join(errors), errors=errors)
    return replacing


def predicted(module, outcome, current, desired):
    """The mapping after a check-mode run (or after a run that changed nothing)."""
    if outcome.action is None:
        return current
    base = dict(current or {})
    if outcome.action == "create":
        function = outcome.changes.get("FunctionName") or ""
        base = dict(UUID=None, FunctionArn=function if function.startswith("arn:") else None)
    after = merged(base, dict((k, v) for k, v in outcome.changes.items() if k not in MAPPING_EXACT))
    after.update((k, v) for k, v in outcome.changes.items() if k in MAPPING_EXACT)
    if outcome.action == "create" or "Enabled" in outcome.changes:
        after["State"] = "Enabled" if after.get("Enabled", True) else "Disabled"
    return after


def replace_mapping(module, writer, current, desired, function=None):
    """Delete the mapping and create it again (check mode: only predict). An Outcome like ensure()'s."""
    wanted = replacement(desired, current, function)
    result = None
    if not module.check_mode:
        writer.delete()
        writer.current = None
        result = writer.create(wanted)
    before = dict((k, managed_part(current.get(k), v, k, MAPPING_EXACT)) for k, v in wanted.items())
    before["UUID"] = current["UUID"]
    return Outcome("create", wanted, result, before, wanted)


def run(module, client):
    """Converge the mapping; the task's result."""
    params = merge_source_params(module.params)
    desired = desired_event_source(params)
    answer = find_mapping(module, client, params, desired)
    if answer is not None and module.params["wait"] and answer.get("State") in TRANSITIONAL_STATES:
        answer = wait_for_mapping(module, client, answer["UUID"], gone=params["state"] == "absent")
    current = current_mapping(answer)
    writer = MappingWriter(module, client, current)
    replacing = False
    function = desired["FunctionName"]
    if params["state"] == "present":
        plan_function(params, desired, current)
        replacing = check_plan(module, params, desired, current, function)
    if replacing:
        outcome = replace_mapping(module, writer, current, desired, function)
    else:
        outcome = ensure(module, current, desired, create=writer.create, update=writer.update, delete=writer.delete,
                         state=params["state"], exact=MAPPING_EXACT)
    result = dict(changed=outcome.changed)
    if params["state"] == "present":
        mapping = current_mapping(outcome.result) if outcome.result is not None \
            else predicted(module, outcome, current, desired)
        result.update(uuid=mapping.get("UUID"), state=mapping.get("State"), event_source_mapping=mapping_view(mapping))
    if module._diff:
        result["diff"] = outcome.diff
    return result


def main():
    run_module(ARGUMENT_SPEC, run,
               mutually_exclusive=MUTUALLY_EXCLUSIVE, required_one_of=REQUIRED_ONE_OF, validate=validate)


if __name__ == "__main__":
    main()
