#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_event_invoke_config
short_description: Manage the asynchronous invocation settings of AWS Lambda functions, versions and aliases
version_added: 0.1.0
description:
  - Converges the settings Lambda applies to asynchronous invocations (C(InvocationType=Event), events from S3,
    SNS, EventBridge...) of one function, version or alias - how often a failed event is retried, how long an
    event may wait in the queue, and where a record of each successful or failed invocation is sent.
  - Each qualifier has its own settings. The unqualified function and V($LATEST) share one.
  - Options that are not given are not managed. A task that names only O(maximum_retry_attempts) leaves the
    event age and the destinations as they are.
  - A run that changes nothing costs one API call (C(GetFunctionEventInvokeConfig)).
  - The first creation sends C(PutFunctionEventInvokeConfig) with the options given, after reading the function
    (C(GetFunctionConfiguration)) so that a function, version or alias that does not exist fails the task
    clearly. Later changes send C(UpdateFunctionEventInvokeConfig) with only the fields that differ.
  - Values out of AWS's ranges and destinations that are not the ARN of a resource Lambda can send to fail
    the task before any request.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name, partial ARN (C(ACCOUNT:function:NAME)) or ARN of the function, without a version or alias
        qualifier (give that as O(qualifier)).
    type: str
    required: true
  qualifier:
    description:
      - The version (a number such as V(3)) or alias name whose settings are managed, or V($LATEST).
      - When omitted, the settings of the unqualified function, which are also those of V($LATEST).
        A version or alias has its own settings, independent of the function's.
    type: raw
  state:
    description:
      - V(present) creates or updates the settings, V(absent) deletes them (asynchronous invocations then use
        AWS's defaults, two retries and six hours, and no destinations).
    type: str
    choices: [present, absent]
    default: present
  maximum_retry_attempts:
    description:
      - How many times Lambda retries an event when the function returns an error, V(0) to V(2).
      - Not managed when omitted.
    type: int
  maximum_event_age_in_seconds:
    description:
      - How long an event may wait in the asynchronous queue before Lambda discards it, V(60) to V(21600)
        seconds (six hours).
      - Not managed when omitted.
    type: int
  destination_config:
    description:
      - Where Lambda sends a record of each asynchronous invocation.
      - Each of O(destination_config.on_success) and O(destination_config.on_failure) is managed only when
        given; an omitted one is left as it is.
      - When a destination changes, the module sends the complete destination configuration, with the
        destination that is not managed as it was read, and a removed destination as an empty object
        (V({})), the form in which AWS reports a missing destination.
    type: dict
    suboptions:
      on_success:
        description:
          - The destination of records of invocations that succeeded.
        type: dict
        suboptions:
          destination:
            description:
              - ARN of a standard SQS queue, a standard SNS topic, a Lambda function or an EventBridge event bus.
              - V("") removes the destination.
            type: str
            required: true
      on_failure:
        description:
          - The destination of records of events that failed every attempt or expired in the queue.
        type: dict
        suboptions:
          destination:
            description:
              - ARN of a standard SQS queue, a standard SNS topic, a Lambda function, an EventBridge event bus
                or an S3 bucket (C(arn:aws:s3:::BUCKET)).
              - V("") removes the destination.
            type: str
            required: true
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetFunctionEventInvokeConfig), and C(GetFunctionConfiguration)
    when the settings would be created).
  - AWS checks that the function's execution role may send to a destination when the settings are saved;
    a missing permission fails the task with AWS's message.
  - A dead-letter queue (O(cloudfn.aws_lambda.lambda_function#module:dead_letter_arn)) is part of the function's
    configuration, not of these settings.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
  - module: cloudfn.aws_lambda.lambda_alias
"""

EXAMPLES = r"""
- name: No retries and at most one hour in the queue for asynchronous events of the function
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    maximum_retry_attempts: 0
    maximum_event_age_in_seconds: 3600

- name: Records of failed events of the live alias go to a queue, successes to another function
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    qualifier: live
    destination_config:
      on_failure:
        destination: arn:aws:sqs:us-east-1:123456789012:hello-failures
      on_success:
        destination: arn:aws:lambda:us-east-1:123456789012:function:audit

- name: Stop sending records of successes (the on-failure destination is left as it is)
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    qualifier: live
    destination_config:
      on_success:
        destination: ""

- name: Version 3 keeps its events for ten minutes only
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: arn:aws:lambda:us-east-1:123456789012:function:hello
    qualifier: 3
    maximum_event_age_in_seconds: 600

- name: Back to AWS's defaults for the live alias
  cloudfn.aws_lambda.lambda_event_invoke_config:
    function_name: hello
    qualifier: live
    state: absent
"""

RETURN = r"""
function_arn:
  description:
    - ARN of the function with its qualifier (V($LATEST) for the unqualified function), as AWS reports it.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:hello:live
qualifier:
  description: The version or alias of the settings; V($LATEST) for the unqualified function.
  returned: when state=present
  type: str
  sample: live
maximum_retry_attempts:
  description: How many times a failed event is retried; null when it was never set (AWS then retries twice).
  returned: when state=present
  type: int
  sample: 0
maximum_event_age_in_seconds:
  description: How long, in seconds, an event may wait; null when it was never set (AWS then keeps it six hours).
  returned: when state=present
  type: int
  sample: 3600
destination_config:
  description:
    - The destinations; a missing destination reads as a C(destination) of V("").
  returned: when state=present
  type: dict
  contains:
    on_success:
      description: The destination of records of successful invocations.
      type: dict
      returned: always
      sample: {"destination": "arn:aws:lambda:us-east-1:123456789012:function:audit"}
    on_failure:
      description: The destination of records of failed events.
      type: dict
      returned: always
      sample: {"destination": "arn:aws:sqs:us-east-1:123456789012:hello-failures"}
last_modified:
  description:
    - When the settings were last changed (ISO 8601).
    - Null in check mode when they would be created or changed.
  returned: when state=present
  type: str
  sample: "2025-01-31T12:00:00.123000+00:00"
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {maximum_retry_attempts: 2}
    after: {maximum_retry_attempts: 0}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.event_invoke_config import (
    ARGUMENT_SPEC,
    EventInvokeConfig,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, EventInvokeConfig.run, validate=EventInvokeConfig.validate)


if __name__ == "__main__":
    main()
