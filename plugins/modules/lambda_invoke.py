#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_invoke
short_description: Invoke an AWS Lambda function
version_added: 0.1.0
description:
  - Invokes a function, one of its versions or an alias, once per task run, with one C(Invoke) request (or one
    C(InvokeWithResponseStream), see O(response_stream)).
  - V(RequestResponse) runs the function and returns its answer; V(Event) queues the invocation and returns at
    once (asynchronous invocation; C(InvokeAsync), which AWS deprecated, is never used); V(DryRun) only checks
    that the function exists and that the caller may invoke it.
  - A function that AWS is still creating (C(State) V(Pending)), also a published version or the version an alias
    points to, is waited for and then invoked. Nothing is read before the invocation; the module waits only
    when AWS answers that the function is not ready yet, so an invocation normally costs exactly one request.
  - A function that fails (AWS sets C(FunctionError) in its answer) fails the task with the error type and message
    the function gave, unless O(fail_on_function_error=false).
  - With O(response_stream=true) the request is C(InvokeWithResponseStream) instead of C(Invoke), for functions
    that stream their answer; the chunks are assembled into RV(payload) and the stream's completion event is
    returned in RV(invoke_complete).
  - Every option name of C(amazon.aws.lambda_execute) is accepted with the same meaning, and its result
    (RV(result)) is returned besides this module's own keys, so a playbook moves over by changing the module name.
    Two differences are deliberate. In check mode this module sends a C(DryRun) invocation (which fails the task
    for a function that does not exist or may not be invoked), where C(amazon.aws.lambda_execute) sends nothing.
    O(tail_log=true) together with O(dry_run=true) is refused, as it is with O(wait=false), since AWS returns no
    log then.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - The function to invoke, by name (V(my-function)), full ARN (V(arn:aws:lambda:us-east-1:123456789012:function:my-function))
        or partial ARN (V(123456789012:function:my-function)).
      - A version or alias may follow after a colon (V(my-function:live)), or be given in O(qualifier).
      - One of O(function_name) and O(function_arn) is required.
    type: str
    aliases: [name]
  function_arn:
    description:
      - The function to invoke, as C(amazon.aws.lambda_execute) names it; takes the same forms as O(function_name).
      - Cannot be combined with O(function_name).
    type: str
  qualifier:
    description:
      - The version (V(3), V($LATEST)) or alias (V(live)) to invoke.
      - When omitted, the unpublished version V($LATEST) runs, unless O(function_name) ends in a qualifier.
      - When O(function_name) ends in a qualifier too, both must name the same one.
    type: str
    aliases: [version_qualifier]
  payload:
    description:
      - The event the function receives, as any JSON value - a dictionary, a list, a string, a number or a boolean.
        It is sent as JSON.
      - A string that starts with C({) or C([) is taken as a JSON document and sent as it is (so
        V("{{ lookup('file', 'event.json') }}") works, as with C(amazon.aws.lambda_execute)); it must be valid JSON.
        Any other string is sent as a JSON string. To send a string that itself starts with C({) or C([), write it
        as a JSON string in a file and use O(payload_file).
      - When neither O(payload) nor O(payload_file) is given, the invocation carries no payload.
      - AWS accepts up to 6 MB for V(RequestResponse) and 1 MB for V(Event) invocations.
    type: raw
  payload_file:
    description:
      - Path of a file holding the payload as a JSON document, sent as it is. The file must exist and hold valid
        JSON (checked before anything is sent).
      - The file is read where the module runs (the controller when the task runs on C(localhost)).
      - Cannot be combined with O(payload).
    type: path
  invocation_type:
    description:
      - V(RequestResponse) runs the function and waits for its answer.
      - V(Event) queues the invocation (asynchronous invocation); AWS answers with status code 202 and no payload,
        and retries a failing function by itself.
      - V(DryRun) checks that the function, version or alias exists and that the caller may invoke it; nothing
        runs and the task reports C(changed=false).
      - When omitted, V(RequestResponse), or what O(wait) and O(dry_run) ask for.
    type: str
    choices: [RequestResponse, Event, DryRun]
  log_type:
    description:
      - V(Tail) returns the last 4 KB of the function's execution log in RV(log_result).
      - AWS returns the log of V(RequestResponse) invocations only, so V(Tail) with any other invocation type
        fails the task before anything is sent.
    type: str
    choices: ["None", Tail]
  tail_log:
    description:
      - C(amazon.aws.lambda_execute)'s name for O(log_type) - V(true) is O(log_type=Tail), V(false) is
        O(log_type=None). Must agree with O(log_type) when both are given.
    type: bool
  client_context:
    description:
      - Data about the calling client, as a dictionary, that the function receives in its context object
        (C(context.client_context) in Python); AWS's mobile SDKs send C(client), C(custom) and C(env) keys.
      - Sent as base64-encoded JSON; AWS accepts up to 3583 bytes once encoded, checked before sending.
      - AWS passes it to the function for V(RequestResponse) invocations only (a warning says so for V(Event)).
    type: dict
  fail_on_function_error:
    description:
      - Fail the task when the function itself fails (an exception, a timeout, running out of memory), with the
        error type and message from its answer.
      - With V(false) the task succeeds and returns the error in RV(function_error) and RV(payload).
    type: bool
    default: true
  wait:
    description:
      - C(amazon.aws.lambda_execute)'s way to choose the invocation type - V(true) is V(RequestResponse) and V(false) is
        V(Event).
      - Must agree with O(invocation_type) when both are given (either is fine with V(DryRun)).
      - This is not about waiting for a function that is being created; see O(wait_timeout) for that.
    type: bool
  dry_run:
    description:
      - C(amazon.aws.lambda_execute)'s way to ask for a V(DryRun) invocation - V(true) is O(invocation_type=DryRun),
        whatever O(wait) says.
      - Must agree with O(invocation_type) when both are given.
    type: bool
  wait_timeout:
    description:
      - How long, in seconds, to wait at most for a function (or the version or alias invoked) that AWS is still
        creating before invoking it. AWS refuses to invoke a function in C(State) V(Pending).
    type: int
    default: 600
  response_stream:
    description:
      - V(true) invokes with C(InvokeWithResponseStream), which a function written to stream its answer (a Node.js
        handler wrapped in C(awslambda.streamifyResponse), a custom runtime or the Lambda Web Adapter) needs to send
        more than 6 MB or to send it as it is produced. The module reads the stream to its end and returns it at
        once; nothing is shown while it streams.
      - The chunks (C(PayloadChunk) events) are joined into RV(payload) and parsed as with C(Invoke) - as JSON
        when they are JSON, else as text. The stream's last event, C(InvokeComplete), is returned in
        RV(invoke_complete); an error code in it is the function's error - RV(function_error) - and fails the task
        unless O(fail_on_function_error=false). A stream that ends without C(InvokeComplete) fails the task, as its
        payload may be cut short.
      - AWS streams synchronous invocations only - V(RequestResponse) and V(DryRun) - so O(response_stream=true)
        with O(invocation_type=Event) (or O(wait=false)) fails the task before anything is sent.
      - Every other option means what it means for C(Invoke); O(log_type=Tail) returns the log in
        RV(invoke_complete) and RV(log_result).
      - A function that does not stream answers the whole payload in one chunk.
      - V(false), the default, sends C(Invoke).
    type: bool
    default: false
  tenant_id:
    description:
      - The identifier of the tenant to invoke a multi-tenant function for (C(TenantId), sent as the
        C(X-Amz-Tenant-Id) header of C(Invoke) or C(InvokeWithResponseStream)).
      - AWS requires it to invoke a function created with tenant isolation (C(TenancyConfig) with
        C(TenantIsolationMode) V(PER_TENANT)); Lambda runs the invocation in an execution environment dedicated to
        that tenant, and the function reads it from its context object.
      - Checked against botocore's model (1 to 256 letters, digits, spaces, and the characters C(._:/=+-@))
        before anything is sent; check mode's C(DryRun) carries it too.
      - Omitted, no tenant is sent, as an ordinary function is invoked.
    type: str
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
attributes:
  check_mode:
    support: full
    description:
      - Check mode sends a C(DryRun) invocation instead, which checks that the function exists and that the caller
        may invoke it, runs nothing, and reports C(changed=true) as the real run would (C(changed=false) when the
        task itself asks for V(DryRun)).
      - With O(response_stream=true) that is a C(DryRun) of C(InvokeWithResponseStream), which checks the same
        C(lambda:InvokeFunction) permission.
  diff_mode:
    support: none
    description: An invocation changes no resource, so there is nothing to show.
  idempotent:
    support: none
    description:
      - Every run invokes the function again and reports C(changed=true); the module cannot know what the function
        does. Only V(DryRun) invocations report C(changed=false).
notes:
  - The answer of a V(RequestResponse) invocation comes when the function has finished, which can take as long as
    its timeout. Unless O(aws_config) sets C(read_timeout), the module waits up to 1860 seconds for it (AWS's
    longest synchronous invocation, 30 minutes, and one more minute) with TCP keep-alive on, instead of
    botocore's 60 seconds.
  - A payload may hold secrets; the module does not hide it. Use C(no_log) on the task if it does.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
    description: Creates the function and publishes the versions O(qualifier) names.
  - module: cloudfn.aws_lambda.lambda_alias
    description: Creates the aliases O(qualifier) names.
"""

EXAMPLES = r"""
- name: Run a function and use its answer
  cloudfn.aws_lambda.lambda_invoke:
    function_name: resize-images
    payload:
      bucket: uploads
      keys: [a.png, b.png]
  register: resized

- name: Show what the function returned
  ansible.builtin.debug:
    var: resized.payload

- name: Run the version the live alias points to, with the end of its log
  cloudfn.aws_lambda.lambda_invoke:
    function_name: arn:aws:lambda:eu-west-1:123456789012:function:resize-images
    qualifier: live
    payload: {warmup: true}
    log_type: Tail
  register: warm

- name: Queue an invocation and return at once (asynchronous invocation)
  cloudfn.aws_lambda.lambda_invoke:
    function_name: send-report
    invocation_type: Event
    payload_file: files/report-event.json

- name: Check that this account may invoke a function in another account, without running it
  cloudfn.aws_lambda.lambda_invoke:
    function_name: arn:aws:lambda:eu-west-1:210987654321:function:shared-api
    invocation_type: DryRun

- name: Tell the function who calls it
  cloudfn.aws_lambda.lambda_invoke:
    function_name: audit
    payload: {action: rotate-keys}
    client_context:
      custom:
        caller: ansible
        run: "{{ ansible_date_time.iso8601 | default('now') }}"

- name: Keep going when the function fails, and look at the error
  cloudfn.aws_lambda.lambda_invoke:
    function_name: migrate-db
    payload: {dry: false}
    fail_on_function_error: false
  register: migration

- name: Report a failed migration
  ansible.builtin.debug:
    msg: "{{ migration.payload.errorType }}: {{ migration.payload.errorMessage }}"
  when: migration.function_error is not none

- name: Invoke a function that streams its answer, and get all of it
  cloudfn.aws_lambda.lambda_invoke:
    function_name: render-report
    qualifier: live
    payload: {month: "2026-11"}
    response_stream: true
    log_type: Tail
  register: report

- name: Save what it streamed
  ansible.builtin.copy:
    content: "{{ report.payload if report.payload is string else report.payload | to_json }}"
    dest: /tmp/report.txt
    mode: "0644"

- name: Look at a streaming function's error instead of failing
  cloudfn.aws_lambda.lambda_invoke:
    function_name: render-report
    response_stream: true
    fail_on_function_error: false
  register: streamed

- name: Report the error the stream ended with
  ansible.builtin.debug:
    msg: "{{ streamed.invoke_complete.error_code }}: {{ streamed.invoke_complete.error_details }}"
  when: streamed.function_error is not none

- name: A task written for amazon.aws.lambda_execute runs unchanged
  cloudfn.aws_lambda.lambda_invoke:
    name: resize-images
    version_qualifier: "3"
    payload: {bucket: uploads}
    wait: true
    tail_log: true
  register: response   # response.result.output, response.result.logs, response.result.status
"""

RETURN = r"""
invocation_type:
  description:
    - The invocation type sent. V(DryRun) in check mode.
  returned: always
  type: str
  sample: RequestResponse
status_code:
  description:
    - The HTTP status code of AWS's answer - 200 for V(RequestResponse), 202 for V(Event), 204 for V(DryRun).
    - A function that fails still answers 200; see RV(function_error).
  returned: always
  type: int
  sample: 200
payload:
  description:
    - What the function returned (V(RequestResponse) only), parsed when it is JSON, else as text.
    - With O(response_stream=true), every chunk it streamed, joined, then parsed the same way; when the stream ended
      with an error, what the function streamed before it.
    - When the function failed, the error it reported, usually with C(errorType), C(errorMessage) and C(stackTrace).
    - Null for V(Event) and V(DryRun) invocations, which AWS answers without a body.
  returned: always
  type: raw
  sample: {"statusCode": 200, "body": "resized 2 images"}
function_error:
  description:
    - Set when the function failed - V(Unhandled) for an exception, a timeout or too little memory, V(Handled) for an
      error the runtime reported; null when it succeeded.
    - With O(response_stream=true), the error code of the stream's completion event (RV(invoke_complete.error_code)).
    - Only returned by a successful task when O(fail_on_function_error=false); with the default the task fails.
  returned: always
  type: str
  sample: Unhandled
executed_version:
  description:
    - The version that ran; for an alias, the version it points to. Null when AWS does not say (V(Event) and
      V(DryRun) invocations).
  returned: always
  type: str
  sample: "3"
log_result:
  description:
    - The last 4 KB of the function's execution log, decoded to text, when O(log_type=Tail); else null.
    - With O(response_stream=true), the log of the stream's completion event (as RV(invoke_complete.log_result)).
  returned: always
  type: str
  sample: "START RequestId: 8f5c... Version: 3\nEND RequestId: 8f5c...\n"
invoke_complete:
  description:
    - The event that ends the stream of an O(response_stream=true) invocation (C(InvokeComplete)).
    - Null for a V(DryRun), whose answer has no stream.
  returned: when O(response_stream=true)
  type: dict
  contains:
    error_code:
      description: The function's error, null when it succeeded. A set code fails the task unless O(fail_on_function_error=false).
      returned: always
      type: str
      sample: Unhandled
    error_details:
      description: What AWS says about the error, as it sent it (often a JSON document with C(errorType) and C(errorMessage)).
      returned: always
      type: str
      sample: '{"errorType": "Error", "errorMessage": "render failed"}'
    log_result:
      description: The last 4 KB of the execution log, decoded to text, when O(log_type=Tail); else null.
      returned: always
      type: str
      sample: "START RequestId: 8f5c... Version: 3\nEND RequestId: 8f5c...\n"
result:
  description:
    - The result as C(amazon.aws.lambda_execute) returns it.
  returned: always
  type: dict
  contains:
    output:
      description: What the function returned (as RV(payload)) for V(RequestResponse) invocations, else V("").
      returned: always
      type: raw
      sample: {"statusCode": 200}
    logs:
      description: The decoded log (as RV(log_result)) when O(log_type=Tail), else V("").
      returned: always
      type: str
    status:
      description: The HTTP status code of AWS's answer (as RV(status_code)).
      returned: always
      type: int
      sample: 200
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.invocation import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    REQUIRED_ONE_OF,
    Invocation,
    InvokeClient,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, Invocation.run, client_class=InvokeClient, mutually_exclusive=MUTUALLY_EXCLUSIVE,
               required_one_of=REQUIRED_ONE_OF, validate=Invocation.validate)


if __name__ == "__main__":
    main()
