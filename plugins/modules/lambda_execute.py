#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_execute
short_description: Invoke an AWS Lambda function, with the options and results of amazon.aws.lambda_execute
version_added: 0.1.0
description:
  - This module exists for playbooks written for C(amazon.aws.lambda_execute). It takes that module's options with
    their defaults and returns its RV(result), including in check mode, so such a task behaves the same once
    its module name is changed to C(cloudfn.aws_lambda.lambda_execute).
  - It sends the same C(Invoke) request as M(cloudfn.aws_lambda.lambda_invoke), through the same code. New playbooks
    should use M(cloudfn.aws_lambda.lambda_invoke), which also returns the version that ran, the function's error
    kind and the decoded log under their own names, takes a client context and a payload file, can return a
    function's error without failing the task, reports a dry run as no change, and checks in check mode (with a
    C(DryRun) invocation) that the function exists and may be invoked.
  - Nothing is read before the invocation; a function that AWS is still creating is waited for, up to 600 seconds,
    when AWS answers that it is not ready yet.
  - A function's error fails the task with the error's message, type and stack trace, and the task's result still
    carries RV(result). As with C(amazon.aws.lambda_execute), an output holding C(errorMessage) or C(stackTrace)
    counts as an error too.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - The function to invoke, by name, partial ARN or ARN; a version or alias may follow after a colon.
      - Exactly one of O(name) and O(function_arn) is required.
    type: str
  function_arn:
    description:
      - The function to invoke, by ARN (a function of another account needs its ARN); takes the same forms as O(name).
    type: str
  wait:
    description:
      - V(true) invokes synchronously (V(RequestResponse)) and returns the function's answer in RV(result.output).
      - V(false) queues the invocation (V(Event)) and returns at once, with an empty RV(result.output).
    type: bool
    default: true
  tail_log:
    description:
      - Return the last 4 KB of the function's execution log in RV(result.logs).
      - Needs O(wait=true), since AWS returns the log of synchronous invocations only; with O(wait=false) the task
        fails before anything is sent.
    type: bool
    default: false
  dry_run:
    description:
      - Send a C(DryRun) invocation, which checks that the function exists and that the caller may invoke it, and
        runs nothing. It wins over O(wait).
    type: bool
    default: false
  version_qualifier:
    description:
      - The version or alias to invoke; the unqualified function (V($LATEST)) when omitted.
    type: str
  payload:
    description:
      - The event passed to the function, sent as JSON. An empty payload is not sent.
    type: dict
    default: {}
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
attributes:
  check_mode:
    support: full
    description:
      - Check mode sends nothing (no C(DryRun) either), reports C(changed=true) and returns no RV(result), as
        C(amazon.aws.lambda_execute) does.
  diff_mode:
    support: none
    description: An invocation changes no resource, so there is nothing to show.
  idempotent:
    support: none
    description: Every run invokes the function again and reports C(changed=true), a dry run too.
seealso:
  - module: cloudfn.aws_lambda.lambda_invoke
    description: The native module for invocations, of which this one is a compatible form.
"""

EXAMPLES = r"""
- name: Invoke a function and read what it returned
  cloudfn.aws_lambda.lambda_execute:
    name: resize-images
    payload:
      bucket: photos
      keys: [a.jpg, b.jpg]
  register: resized

- name: Show the answer
  ansible.builtin.debug:
    var: resized.result.output

- name: Invoke the live alias and return the end of its log
  cloudfn.aws_lambda.lambda_execute:
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:resize-images
    version_qualifier: live
    tail_log: true
    payload:
      bucket: photos
  register: resized_live

- name: Queue an invocation without waiting for it
  cloudfn.aws_lambda.lambda_execute:
    name: nightly-report
    wait: false

- name: Check that the function of another account may be invoked, running nothing
  cloudfn.aws_lambda.lambda_execute:
    function_arn: arn:aws:lambda:us-east-1:210987654321:function:shared-tool
    dry_run: true
"""

RETURN = r"""
result:
  description:
    - What the invocation returned. Not returned in check mode.
    - A task that failed because the function returned an error returns it too.
  returned: success and when the function returned an error
  type: dict
  contains:
    output:
      description:
        - What the function returned (parsed when it is JSON) for a synchronous invocation (O(wait=true)).
        - V("") for O(wait=false) and O(dry_run=true), which AWS answers without a body.
      returned: always
      type: raw
      sample: {"resized": 2}
    logs:
      description: The last 4 KB of the function's execution log, decoded, with O(tail_log=true); else V("").
      returned: always
      type: str
      sample: "START RequestId: 8f5c... Version: $LATEST\nEND RequestId: 8f5c...\n"
    status:
      description: The HTTP status code of AWS's answer - 200 for O(wait=true), 202 for O(wait=false), 204 for O(dry_run=true).
      returned: always
      type: int
      sample: 200
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.invocation import (
    EXECUTE_ARGUMENT_SPEC,
    EXECUTE_MUTUALLY_EXCLUSIVE,
    EXECUTE_REQUIRED_ONE_OF,
    Execution,
    InvokeClient,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(EXECUTE_ARGUMENT_SPEC, Execution.run, client_class=InvokeClient,
               mutually_exclusive=EXECUTE_MUTUALLY_EXCLUSIVE, required_one_of=EXECUTE_REQUIRED_ONE_OF,
               validate=Execution.validate)


if __name__ == "__main__":
    main()
