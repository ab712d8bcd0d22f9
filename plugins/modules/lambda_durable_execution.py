#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_durable_execution
short_description: Stop a durable execution of an AWS Lambda durable function
version_added: 0.1.0
description:
  - Stops one durable execution of a durable function (a function created with
    O(cloudfn.aws_lambda.lambda_function#module:durable_config)), given by its ARN (C(StopDurableExecution)).
    A stopped execution cannot be resumed, and AWS ends the operations it has in progress.
  - The module reads the execution first (C(GetDurableExecution), without its payloads). An execution that is
    running or paused (status V(RUNNING), V(PAUSING) or V(PAUSED)) is stopped and the task reports C(changed=true).
    An execution that has ended already (V(SUCCEEDED), V(FAILED), V(TIMED_OUT) or V(STOPPED)), or that is being
    deleted (V(DELETING)), is left as it is with C(changed=false), and RV(msg) names its status.
  - So a run that changes nothing costs one API call, and a run that stops an execution two.
  - An execution that does not exist (a wrong ARN, or one whose history has expired after the retention period of
    the function's durable configuration) fails the task, saying so.
  - Pausing, resuming and deleting an execution, and its step-by-step history, are left out. They are one-off
    operator actions, not a state a playbook converges to. Use the AWS CLI or console for them.
    M(cloudfn.aws_lambda.lambda_info) lists a function's executions (O(cloudfn.aws_lambda.lambda_info#module:query)
    V(durable_executions)) and reads one (O(cloudfn.aws_lambda.lambda_info#module:durable_execution_arn)).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  durable_execution_arn:
    description:
      - ARN of the durable execution, as C(lambda_info) or the invocation that started it returns it
        (C(arn:aws:lambda:REGION:ACCOUNT:function:NAME:VERSION/durable-execution/EXECUTION_NAME/EXECUTION_ID)).
      - An ARN that does not have this form (as botocore's service model writes it) fails the task before any
        request.
    type: str
    required: true
  state:
    description:
      - V(stopped) stops the execution unless it has ended already. It is the only state.
    type: str
    choices: [stopped]
    default: stopped
  error:
    description:
      - Why the execution is stopped, recorded as the execution's error (C(StopDurableExecution)'s C(Error)).
      - Each field is sent only when given. When O(error) is omitted, no error is sent.
      - It is sent only when the execution is stopped by this task, and not compared with anything. An execution
        that has ended already keeps its own error.
      - AWS limits the combined size of the fields to 1 MB.
    type: dict
    suboptions:
      error_message:
        description: A message for people.
        type: str
      error_type:
        description: The error type, such as V(OperatorStopped).
        type: str
      error_data:
        description: Machine-readable data about the error, such as a JSON document.
        type: str
      stack_trace:
        description: Stack trace lines.
        type: list
        elements: str
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads the execution (C(GetDurableExecution)) and predicts its status V(STOPPED),
    with RV(stop_timestamp) null.
  - With C(--diff) the diff shows the execution's status before and after, for example V(RUNNING) and
    V(STOPPED); it is empty when nothing is stopped.
  - A local AWS stand-in may not implement these operations (moto 5.2.5 answers HTTP 404, LocalStack 2026.3.0
    HTTP 501). The task then fails, saying that the endpoint does not implement C(GetDurableExecution). AWS
    implements both operations.
seealso:
  - module: cloudfn.aws_lambda.lambda_info
    description: Lists a function's durable executions and reads one of them.
  - module: cloudfn.aws_lambda.lambda_function
    description: Creates a durable function (O(cloudfn.aws_lambda.lambda_function#module:durable_config)).
"""

EXAMPLES = r"""
- name: Find the running executions of the orders function
  cloudfn.aws_lambda.lambda_info:
    function_name: orders
    query: durable_executions
    durable_execution_statuses: [RUNNING, PAUSED]
  register: orders

- name: Stop them, saying why
  cloudfn.aws_lambda.lambda_durable_execution:
    durable_execution_arn: "{{ item.durable_execution_arn }}"
    error:
      error_type: OperatorStopped
      error_message: Stopped during the migration of the orders table
  loop: "{{ orders.functions[0].durable_executions }}"
  loop_control:
    label: "{{ item.durable_execution_name }}"

- name: Stop one execution (nothing happens if it has ended already)
  cloudfn.aws_lambda.lambda_durable_execution:
    durable_execution_arn: arn:aws:lambda:us-east-1:123456789012:function:orders:3/durable-execution/order-42/1a2b3c4d
    state: stopped
  register: stopped

- name: Show what was done
  ansible.builtin.debug:
    msg: "{{ stopped.msg }}"
"""

RETURN = r"""
durable_execution_arn:
  description: ARN of the durable execution.
  returned: always
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:orders:3/durable-execution/order-42/1a2b3c4d
durable_execution_name:
  description: The execution's name (given when it was invoked, or made up by AWS).
  returned: always
  type: str
  sample: order-42
function_arn:
  description: ARN of the function the execution runs.
  returned: always
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:orders
version:
  description: The version of the function the execution runs.
  returned: when AWS gives it
  type: str
  sample: "3"
status:
  description:
    - The execution's status after the task. V(STOPPED) after a stop (in check mode too). Otherwise as read, one
      of V(SUCCEEDED), V(FAILED), V(TIMED_OUT), V(STOPPED) or V(DELETING).
  returned: always
  type: str
  sample: STOPPED
start_timestamp:
  description: When the execution started.
  returned: always
  type: str
  sample: "2026-01-31T10:00:00+00:00"
end_timestamp:
  description: When the execution ended, as read before the task (an execution stopped by this task had none).
  returned: when the execution had ended before the task
  type: str
  sample: "2026-01-31T10:05:00+00:00"
stop_timestamp:
  description:
    - When this task stopped the execution, as C(StopDurableExecution) answered.
    - Null in check mode.
  returned: when the task stops the execution
  type: str
  sample: "2026-01-31T10:05:00+00:00"
durable_config:
  description: The durable configuration the execution runs with (C(execution_timeout), C(retention_period_in_days)).
  returned: when AWS gives it
  type: dict
  sample: {execution_timeout: 3600, retention_period_in_days: 30}
msg:
  description: What the task did, naming the status the execution was in.
  returned: always
  type: str
  sample: Stopped the durable execution, which was RUNNING.
diff:
  description: The status before and after (only with C(--diff)); empty when nothing is stopped.
  returned: with --diff
  type: dict
  sample:
    before: {status: RUNNING}
    after: {status: STOPPED}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.durable_execution import (
    ARGUMENT_SPEC,
    DurableExecution,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, DurableExecution.run, validate=DurableExecution.validate)


if __name__ == "__main__":
    main()
