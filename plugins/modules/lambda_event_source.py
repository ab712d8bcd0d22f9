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
    O(self_managed_event_source), the Kafka consumer group and the consumption mode cannot be changed on an existing
    mapping. A task that asks for another value fails saying so, unless O(replace=true). The rest of the Kafka
    settings (the schema registry) is updated in place.
  - The rules AWS applies to each kind of source are checked before anything is sent, and a refusal names the
    rule (for example, an SQS batch of more than 10 messages needs a batching window).
  - A run that changes nothing costs one API call (C(GetEventSourceMapping) with O(uuid), else
    C(ListEventSourceMappings)), and one more (C(ListTags)) when O(tags) is given.
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
      - Streams and Kafka - where records that failed are sent (O(destination_config.on_failure)).
    type: dict
    suboptions:
      on_failure:
        description:
          - The on-failure destination, for records that failed every retry.
        type: dict
        suboptions:
          destination:
            description:
              - ARN of an SQS queue, an SNS topic (or, for Kafka, an S3 bucket or a Kafka topic). V("") removes the
                destination.
            type: str
            required: true
      on_success:
        description:
          - Refused for every source, before any request - botocore's service model documents C(OnSuccess) as not
            supported in C(CreateEventSourceMapping) and C(UpdateEventSourceMapping), and AWS's API reference says
            the same. The option is here so that a task asking for one is told why, rather than failing at AWS.
          - The on-success destination of asynchronous invocations is set with
            C(cloudfn.aws_lambda.lambda_event_invoke_config).
        type: dict
        suboptions:
          destination:
            description:
              - ARN of the destination. V("") removes the destination.
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
      - Amazon MSK - settings of the consumer. Only the suboptions given are managed.
    type: dict
    suboptions:
      consumer_group_id:
        description:
          - The Kafka consumer group to join (AWS chooses one when omitted). Cannot be changed on an existing mapping.
        type: str
      schema_registry_config:
        description:
          - The schema registry Lambda validates and filters records with. Changed in place on an existing mapping.
          - Only the suboptions given are managed; the lists are compared as sets and sent whole when they differ.
        type: dict
        suboptions:
          schema_registry_uri:
            description:
              - The registry - the ARN of a Glue schema registry, or the URL of a Confluent one.
            type: str
            required: true
          event_record_format:
            description:
              - V(JSON) delivers each record as a JSON object, V(SOURCE) in its original format (without the schema
                metadata).
            type: str
            choices: [JSON, SOURCE]
          access_configs:
            description:
              - How Lambda authenticates to the registry (a Confluent one). V([]) removes them.
            type: list
            elements: dict
            suboptions:
              type:
                description:
                  - The kind of authentication.
                type: str
                required: true
                choices: [BASIC_AUTH, CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE, OAUTHBEARER_AUTH]
              uri:
                description:
                  - The ARN of the Secrets Manager secret holding the credentials or certificate.
                type: str
                required: true
          schema_validation_configs:
            description:
              - The parts of a record to validate and filter with the registry.
            type: list
            elements: dict
            suboptions:
              attribute:
                description:
                  - V(KEY) or V(VALUE).
                type: str
                required: true
                choices: [KEY, VALUE]
  self_managed_kafka_event_source_config:
    description:
      - Self-managed Kafka - settings of the consumer. Only the suboptions given are managed.
    type: dict
    suboptions:
      consumer_group_id:
        description:
          - The Kafka consumer group to join (AWS chooses one when omitted). Cannot be changed on an existing mapping.
        type: str
      consumption_mode:
        description:
          - V(Stream) (what Lambda uses when omitted) reads with a consumer group, in order within each partition;
            V(Queue) reads with a Kafka share group (Kafka 4.2 or later), without order, and takes no
            O(starting_position), O(starting_position_timestamp) or O(maximum_batching_window_in_seconds).
          - Cannot be changed on an existing mapping.
        type: str
        choices: [Stream, Queue]
      schema_registry_config:
        description:
          - The schema registry Lambda validates and filters records with. Changed in place on an existing mapping.
          - Only the suboptions given are managed; the lists are compared as sets and sent whole when they differ.
        type: dict
        suboptions:
          schema_registry_uri:
            description:
              - The registry - the ARN of a Glue schema registry, or the URL of a Confluent one.
            type: str
            required: true
          event_record_format:
            description:
              - V(JSON) delivers each record as a JSON object, V(SOURCE) in its original format (without the schema
                metadata).
            type: str
            choices: [JSON, SOURCE]
          access_configs:
            description:
              - How Lambda authenticates to the registry (a Confluent one). V([]) removes them.
            type: list
            elements: dict
            suboptions:
              type:
                description:
                  - The kind of authentication.
                type: str
                required: true
                choices: [BASIC_AUTH, CLIENT_CERTIFICATE_TLS_AUTH, SERVER_ROOT_CA_CERTIFICATE, OAUTHBEARER_AUTH]
              uri:
                description:
                  - The ARN of the Secrets Manager secret holding the credentials or certificate.
                type: str
                required: true
          schema_validation_configs:
            description:
              - The parts of a record to validate and filter with the registry.
            type: list
            elements: dict
            suboptions:
              attribute:
                description:
                  - V(KEY) or V(VALUE).
                type: str
                required: true
                choices: [KEY, VALUE]
  metrics_config:
    description:
      - The metrics the mapping sends to CloudWatch. Not managed when omitted.
    type: dict
    suboptions:
      metrics:
        description:
          - V(EventCount) (every source), V(ErrorCount) and V(KafkaMetrics) (Amazon MSK and self-managed Kafka only).
            Compared as a set; V([]) turns the metrics off.
        type: list
        elements: str
        required: true
        choices: [EventCount, ErrorCount, KafkaMetrics]
  logging_config:
    description:
      - Amazon MSK and self-managed Kafka only - the system logs of the mapping's poller. Not managed when omitted.
    type: dict
    suboptions:
      system_log_level:
        description:
          - The most detailed level sent, V(DEBUG), V(INFO) or V(WARN).
        type: str
        required: true
        choices: [DEBUG, INFO, WARN]
  provisioned_poller_config:
    description:
      - SQS, Amazon MSK and self-managed Kafka only - provisioned mode, pollers kept ready for the source.
      - Only the suboptions given are managed (the others keep their values); V({}) turns provisioned mode off.
        Not managed when omitted.
    type: dict
    suboptions:
      minimum_pollers:
        description:
          - The fewest pollers, V(1) to V(200) (AWS takes at least 2 for SQS).
        type: int
      maximum_pollers:
        description:
          - The most pollers, V(1) to V(10000) (SQS from 2, Kafka at most 2000); not below O(provisioned_poller_config.minimum_pollers).
        type: int
      poller_group_name:
        description:
          - Amazon MSK and self-managed Kafka only - a group of mappings (in the source's VPC) that share pollers.
        type: str
  tags:
    description:
      - Tags of the mapping (C(TagResource) and C(UntagResource) on its ARN; C(CreateEventSourceMapping) takes them).
        Values are sent as text.
      - Not managed when omitted (and then not read). V({}) with O(purge_tags=true) removes every tag.
      - A mapping replaced (O(replace=true)) keeps its tags unless O(tags) says otherwise.
    type: dict
    aliases: [resource_tags]
  purge_tags:
    description:
      - With O(tags), remove the tags the mapping has that O(tags) does not name. V(false) only adds and changes.
    type: bool
    default: true
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
      - A mapping already in one of these states is waited for before it is changed or deleted; one that is
        C(Deleting) until it is gone (with O(state=present) the mapping is then created again).
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
  - In check mode the module only reads (C(GetEventSourceMapping) or C(ListEventSourceMappings), and C(ListTags)
    when O(tags) is given).
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

- name: SQS in provisioned mode, with its event count in CloudWatch, tagged
  cloudfn.aws_lambda.lambda_event_source:
    function_name: orders
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    provisioned_poller_config:
      minimum_pollers: 2
      maximum_pollers: 20
    metrics_config:
      metrics: [EventCount]
    tags:
      team: orders

- name: Provisioned mode off again (metrics and tags as they are)
  cloudfn.aws_lambda.lambda_event_source:
    function_name: orders
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    provisioned_poller_config: {}

- name: An Amazon MSK topic validated against a Glue schema registry, successes and failures recorded
  cloudfn.aws_lambda.lambda_event_source:
    function_name: payments
    event_source_arn: arn:aws:kafka:us-east-1:123456789012:cluster/payments/abcd1234-ef56-7890-abcd-ef1234567890-1
    topics: [payments]
    starting_position: LATEST
    amazon_managed_kafka_event_source_config:
      consumer_group_id: payments-lambda
      schema_registry_config:
        schema_registry_uri: arn:aws:glue:us-east-1:123456789012:registry/payments
        event_record_format: JSON
        schema_validation_configs:
          - attribute: VALUE
    destination_config:
      on_failure:
        destination: arn:aws:sqs:us-east-1:123456789012:payments-failed
    metrics_config:
      metrics: [EventCount, ErrorCount, KafkaMetrics]
    logging_config:
      system_log_level: WARN

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
    metrics_config:
      description: The metrics the mapping sends, under C(metrics).
      type: dict
      returned: when the mapping sends metrics
      sample: {metrics: [EventCount]}
    provisioned_poller_config:
      description: Provisioned mode (C(minimum_pollers), C(maximum_pollers), C(poller_group_name)).
      type: dict
      returned: when the mapping is in provisioned mode
      sample: {minimum_pollers: 2, maximum_pollers: 20}
    logging_config:
      description: The system log level of the poller, under C(system_log_level).
      type: dict
      returned: when the mapping has one
      sample: {system_log_level: WARN}
    tags:
      description: The tags of the mapping.
      type: dict
      returned: when O(tags) is given
      sample: {team: orders}
  sample:
    uuid: 1166033c-902d-4b33-9cdd-ceb792575aaf
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:orders
    state: Enabled
    batch_size: 50
    maximum_batching_window_in_seconds: 5
    function_response_types: [ReportBatchItemFailures]
    scaling_config: {maximum_concurrency: 10}
    metrics_config: {metrics: [EventCount]}
    tags: {team: orders}
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {batch_size: 10}
    after: {batch_size: 50}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.event_source import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    REQUIRED_ONE_OF,
    EventSourceMapping,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, EventSourceMapping.run, mutually_exclusive=MUTUALLY_EXCLUSIVE,
               required_one_of=REQUIRED_ONE_OF, validate=EventSourceMapping.validate)


if __name__ == "__main__":
    main()
