#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_event
short_description: Manage an event source mapping, with the options and results of amazon.aws.lambda_event
version_added: 0.1.0
description:
  - This module exists for playbooks written for C(amazon.aws.lambda_event). It takes that module's options with
    their defaults and returns the mapping under RV(events) as that module does, so such a task behaves the same
    once its module name is changed to C(cloudfn.aws_lambda.lambda_event).
  - It converges the mapping with the same code as M(cloudfn.aws_lambda.lambda_event_source). New playbooks should
    use M(cloudfn.aws_lambda.lambda_event_source), which manages every setting of a mapping (filters, failure
    destinations, retries, concurrency, Kafka, Amazon MQ and DocumentDB sources, ...), can address a mapping by its
    uuid and replace one whose fixed fields must change, returns the mapping predicted in check mode and with
    O(cloudfn.aws_lambda.lambda_event_source#module:wait=false) does not wait for it, and leaves unmanaged what
    a task does not mention.
  - The mapping is the one of the function (with its O(alias) or O(version)) and O(source_params.source_arn). A
    run that changes nothing sends one request, C(ListEventSourceMappings).
  - Every setting the task gives is compared with the mapping and, when it differs, changed - also
    O(source_params.function_response_types) and O(source_params.maximum_batching_window_in_seconds), which
    C(amazon.aws.lambda_event) left as they were on an existing mapping. The starting position of an existing
    mapping is not compared; AWS cannot change it.
  - AWS's rules for each kind of source (for example, at most 10 messages in a batch of a FIFO queue) are checked
    before anything is sent.
  - After a create, an update or a delete, the task waits (up to 600 seconds) until AWS has finished it.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  lambda_function_arn:
    description:
      - The function, by name, partial ARN or ARN; a qualified ARN (V(arn:aws:lambda:REGION:ACCOUNT:function:NAME:1))
        names the version or alias the mapping invokes.
    type: str
    required: true
    aliases: [function_name, function_arn]
  state:
    description:
      - V(present) creates or updates the mapping, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  alias:
    description:
      - The alias of the function the mapping invokes. Mutually exclusive with O(version).
    type: str
  version:
    description:
      - The published version of the function the mapping invokes; V(0) is the unqualified function.
      - Mutually exclusive with O(alias).
    type: int
    default: 0
  event_source:
    description:
      - The kind of source - V(stream) for a Kinesis stream or a DynamoDB stream, V(sqs) for an SQS queue.
      - Must agree with O(source_params.source_arn).
    type: str
    choices: [stream, sqs]
    default: stream
  source_params:
    description:
      - The source and the mapping's settings.
    type: dict
    required: true
    suboptions:
      source_arn:
        description:
          - The ARN of the SQS queue, the Kinesis stream or the DynamoDB stream (the table's C(LatestStreamArn)).
        type: str
        required: true
      enabled:
        description:
          - V(true) has Lambda poll the source, V(false) pauses the mapping. Compared on every run.
        type: bool
        default: true
      batch_size:
        description:
          - The most records Lambda sends to the function in one batch.
          - A new mapping gets V(100) for O(event_source=stream) and V(10) for O(event_source=sqs) when this is
            omitted; on an existing mapping, an omitted batch size is left as it is.
          - A FIFO queue takes at most V(10).
        type: int
      starting_position:
        description:
          - Where Lambda starts reading a stream; required to create a mapping with O(event_source=stream).
          - Ignored for O(event_source=sqs), and not compared on an existing mapping (AWS cannot change it).
        type: str
        choices: [TRIM_HORIZON, LATEST]
      function_response_types:
        description:
          - V(ReportBatchItemFailures) lets the function report which records of a batch failed.
          - An empty list removes it from an existing mapping.
        type: list
        elements: str
        choices: [ReportBatchItemFailures]
      maximum_batching_window_in_seconds:
        description:
          - How long, V(0) to V(300) seconds, Lambda gathers records before it invokes the function.
          - A new mapping with a batch size of more than 10 and no (or a zero) window gets V(1).
          - V(0) is not sent. FIFO queues take no window.
        type: int
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
attributes:
  check_mode:
    support: full
    description:
      - Check mode only reads (C(ListEventSourceMappings)) and returns the mapping as it is in RV(events).
  diff_mode:
    support: full
  idempotent:
    support: full
notes:
  - A mapping that ends C(Disabled) with a C(PROBLEM) reason (for example, a role that may not read the source) fails
    the task with AWS's reason, unless O(source_params.enabled=false).
seealso:
  - module: cloudfn.aws_lambda.lambda_event_source
    description: The native module for event source mappings, of which this one is a compatible form.
"""

EXAMPLES = r"""
- name: A DynamoDB stream read by the live alias of a function, in batches of 100
  cloudfn.aws_lambda.lambda_event:
    state: present
    event_source: stream
    function_name: audit
    alias: live
    source_params:
      source_arn: arn:aws:dynamodb:us-east-1:123456789012:table/accounts/stream/2024-05-01T00:00:00.000
      enabled: true
      batch_size: 100
      starting_position: TRIM_HORIZON
  register: audit_stream

- name: Show the mapping's uuid
  ansible.builtin.debug:
    var: audit_stream.events.uuid

- name: An SQS queue, with batch item failures reported by the function
  cloudfn.aws_lambda.lambda_event:
    event_source: sqs
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:orders:3
    source_params:
      source_arn: arn:aws:sqs:us-east-1:123456789012:orders
      batch_size: 10
      function_response_types: [ReportBatchItemFailures]

- name: Remove the mapping
  cloudfn.aws_lambda.lambda_event:
    state: absent
    event_source: sqs
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:orders:3
    source_params:
      source_arn: arn:aws:sqs:us-east-1:123456789012:orders
"""

RETURN = r"""
events:
  description:
    - The mapping, with AWS's field names in snake_case.
    - After a create, an update or a delete, AWS's answer to it - one mapping (a dictionary).
    - When nothing was sent (no change, and every run in check mode), the mapping as it was read - a list of
      that one mapping, or an empty list when there is none.
  returned: always
  type: raw
  contains:
    uuid:
      description: The mapping's identifier.
      type: str
      sample: a1b2c3d4-5678-90ab-cdef-11111EXAMPLE
    event_source_arn:
      description: The ARN of the source.
      type: str
      sample: arn:aws:sqs:us-east-1:123456789012:orders
    event_source_mapping_arn:
      description: The ARN of the mapping.
      type: str
      sample: arn:aws:lambda:us-east-1:123456789012:event-source-mapping:a1b2c3d4-5678-90ab-cdef-11111EXAMPLE
    function_arn:
      description: The ARN of the function the mapping invokes, with its version or alias.
      type: str
      sample: arn:aws:lambda:us-east-1:123456789012:function:orders:3
    state:
      description: V(Enabled), V(Disabled), or V(Deleting) after a delete.
      type: str
      sample: Enabled
    state_transition_reason:
      description: Who or what made the last change of state.
      type: str
      sample: USER_INITIATED
    batch_size:
      description: The most records in one batch.
      type: int
      sample: 10
    maximum_batching_window_in_seconds:
      description: How long Lambda gathers records before it invokes the function.
      type: int
      sample: 1
    starting_position:
      description: Where Lambda started reading a stream.
      type: str
      sample: LATEST
    function_response_types:
      description: V(ReportBatchItemFailures) when the function reports the failed records of a batch.
      type: list
      elements: str
      sample: [ReportBatchItemFailures]
    last_modified:
      description: When the mapping was last changed.
      type: str
      sample: "2024-06-06T12:34:21.990000+00:00"
    last_processing_result:
      description: The result of the last invocation (streams).
      type: str
      sample: No records processed
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.event_source import (
    EVENT_ARGUMENT_SPEC,
    EVENT_MUTUALLY_EXCLUSIVE,
    LegacyEventMapping,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(EVENT_ARGUMENT_SPEC, LegacyEventMapping.run, mutually_exclusive=EVENT_MUTUALLY_EXCLUSIVE,
               validate=LegacyEventMapping.validate)


if __name__ == "__main__":
    main()
