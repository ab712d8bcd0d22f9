#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_function_url
short_description: Manage the function URL of an AWS Lambda function or alias
version_added: 0.1.0
description:
  - Creates, updates and deletes the function URL of a Lambda function (its unqualified version, V($LATEST)) or
    of one of its aliases. A function URL is an HTTPS endpoint that AWS generates, such as
    C(https://abcdefghij.lambda-url.us-east-1.on.aws/), that invokes the function
    (C(CreateFunctionUrlConfig), C(GetFunctionUrlConfig), C(UpdateFunctionUrlConfig), C(DeleteFunctionUrlConfig)).
  - Options that are not given are not managed. A task that names only O(cors.allow_origins) leaves the auth
    type, the invoke mode and the other CORS settings as they are.
  - A run that changes nothing costs two API calls, C(GetFunctionUrlConfig) and C(GetPolicy) (for the public
    statements below).
  - Before a URL is created the function, or the alias, is read (C(GetFunctionConfiguration)), so a function or
    alias that does not exist fails the task before any change, in check mode too.
  - With O(auth_type=NONE) anyone who knows the URL can invoke the function. AWS then also requires two
    statements in the function's resource policy (of the alias's policy for an alias's URL). For URLs created
    since October 2025 it requires both, and from November 2026 for every URL. The module manages them, and warns
    on every run that the function is public.
  - The statement C(FunctionURLAllowPublicAccess) allows C(lambda:InvokeFunctionUrl) to the principal V(*) with
    the condition C(lambda:FunctionUrlAuthType) V(NONE). The statement C(FunctionURLAllowInvokeAction) allows
    C(lambda:InvokeFunction) to V(*) with the condition C(lambda:InvokedViaFunctionUrl) V(true). These are the
    statement IDs that the Lambda console uses, so a URL made public in the console is taken over as it is.
  - The statements follow the URL's auth type after the task. With V(NONE) they are added, or replaced when they
    differ. With V(AWS_IAM) they are removed, because the second one would let any signed caller of any account
    invoke the function through the URL. With O(state=absent) they are removed together with the URL.
  - The statements are removed before the URL changes and added after it. So the function becomes public only
    when every write has been done, and stops being public with the first write.
  - Other statements of the policy are left alone. Statements for the URL under other statement IDs are not
    recognised; remove them with M(cloudfn.aws_lambda.lambda_policy).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name, partial ARN (C(ACCOUNT:function:NAME)) or ARN of the function, without a version or alias
        qualifier (give the alias as O(qualifier)).
    type: str
    required: true
  qualifier:
    description:
      - The alias whose URL is managed. Each alias has its own URL, independent of the function's.
      - When omitted, or V($LATEST), the URL of the unqualified function.
      - AWS does not put a URL on a published version, so a version number fails the task before any request.
        Point an alias at the version instead (M(cloudfn.aws_lambda.lambda_alias)).
      - Deleting the alias deletes its URL too.
    type: raw
  state:
    description:
      - V(present) creates or updates the URL. V(absent) deletes it, and the public statements with it.
      - Deleting a URL cannot be undone. A URL created again gets another address.
    type: str
    choices: [present, absent]
    default: present
  auth_type:
    description:
      - V(AWS_IAM) - callers sign their requests (Signature Version 4), and their IAM policies must allow
        C(lambda:InvokeFunctionUrl).
      - V(NONE) - the URL is public, and the module manages the two statements it needs (see the description).
      - Required to create a URL. When omitted on an existing URL, its auth type is not managed, and the public
        statements follow the auth type it has.
    type: str
    choices: [NONE, AWS_IAM]
  cors:
    description:
      - The cross-origin resource sharing (CORS) settings that the URL answers browsers with.
      - Each suboption is managed only when given. When one changes, the module sends the whole CORS configuration,
        with the suboptions not given as AWS has them.
      - The lists are compared as sets, so order and repetitions do not matter. Header names are compared without
        case, and are returned in lower case, as AWS stores them. Methods and origins are compared as written.
      - To clear a list give V([]). When omitted, the CORS settings are not managed.
    type: dict
    suboptions:
      allow_credentials:
        description: Whether browsers may send cookies or other credentials. AWS's default is V(false).
        type: bool
      allow_headers:
        description: The HTTP headers that origins may include in requests, for example V(content-type).
        type: list
        elements: str
      allow_methods:
        description: The HTTP methods that origins may use, for example V(GET) and V(POST), or V(*) for all.
        type: list
        elements: str
      allow_origins:
        description: The origins that may call the URL, for example V(https://www.example.com), or V(*) for all.
        type: list
        elements: str
      expose_headers:
        description: The headers of the function's response that browsers may expose to the calling origin.
        type: list
        elements: str
      max_age:
        description:
          - How long, in seconds, browsers may cache the answer to a preflight request, V(0) to V(86400).
            AWS's default is V(0) (no caching).
        type: int
  invoke_mode:
    description:
      - V(BUFFERED) - the function is invoked with C(Invoke), and the answer is sent when it is complete.
        This is AWS's default.
      - V(RESPONSE_STREAM) - the function streams its answer (C(InvokeWithResponseStream)).
      - When omitted, not managed.
    type: str
    choices: [BUFFERED, RESPONSE_STREAM]
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetFunctionUrlConfig), C(GetPolicy), and C(GetFunctionConfiguration)
    when the URL would be created). For a URL that does not exist yet RV(function_url), RV(creation_time) and
    RV(last_modified_time) are null, because AWS chooses the address when it creates the URL. The other keys are
    predicted, RV(function_arn) and RV(public_statements) included.
  - Values out of AWS's limits (O(cors.max_age), the number and length of the CORS values) fail the task before
    any request.
seealso:
  - module: cloudfn.aws_lambda.lambda_policy
  - module: cloudfn.aws_lambda.lambda_alias
  - module: cloudfn.aws_lambda.lambda_info
"""

EXAMPLES = r"""
- name: A URL that only signed callers may invoke
  cloudfn.aws_lambda.lambda_function_url:
    function_name: orders-api
    auth_type: AWS_IAM
  register: url

- name: Show its address
  ansible.builtin.debug:
    msg: "{{ url.function_url }}"

- name: A public URL on the live alias, called from one web site (the two public statements are added too)
  cloudfn.aws_lambda.lambda_function_url:
    function_name: orders-api
    qualifier: live
    auth_type: NONE
    cors:
      allow_origins: [https://www.example.com]
      allow_methods: [GET, POST]
      allow_headers: [content-type]
      max_age: 300

- name: Stream the answer (the auth type and CORS are left as they are)
  cloudfn.aws_lambda.lambda_function_url:
    function_name: orders-api
    qualifier: live
    invoke_mode: RESPONSE_STREAM

- name: No longer public (the public statements are removed)
  cloudfn.aws_lambda.lambda_function_url:
    function_name: orders-api
    qualifier: live
    auth_type: AWS_IAM

- name: Remove the function's URL
  cloudfn.aws_lambda.lambda_function_url:
    function_name: orders-api
    state: absent
"""

RETURN = r"""
function_url:
  description:
    - The URL's address.
    - Null in check mode when the URL would be created, because AWS chooses it.
  returned: when state=present
  type: str
  sample: https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/
function_arn:
  description: ARN of the function, with the alias for an alias's URL.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:orders-api:live
qualifier:
  description: The alias of the URL; V($LATEST) for the function's own URL.
  returned: when state=present
  type: str
  sample: live
auth_type:
  description: V(NONE) or V(AWS_IAM).
  returned: when state=present
  type: str
  sample: AWS_IAM
cors:
  description:
    - The CORS settings, each with AWS's default when it was never set. The lists are sorted, and the header
      names are in lower case.
  returned: when state=present
  type: dict
  sample:
    allow_credentials: false
    allow_headers: [content-type]
    allow_methods: [GET, POST]
    allow_origins: ["https://www.example.com"]
    expose_headers: []
    max_age: 300
invoke_mode:
  description: V(BUFFERED) or V(RESPONSE_STREAM).
  returned: when state=present
  type: str
  sample: BUFFERED
creation_time:
  description: When the URL was created (ISO 8601). Null in check mode when it would be created.
  returned: when state=present
  type: str
  sample: "2025-01-31T12:00:00.123456Z"
last_modified_time:
  description:
    - When the URL was last changed (ISO 8601).
    - Null in check mode when it would be created or changed, and right after it was created
      (C(CreateFunctionUrlConfig) does not return it).
  returned: when state=present
  type: str
  sample: "2025-01-31T12:00:00.123456Z"
public_statements:
  description:
    - The public statements (C(FunctionURLAllowPublicAccess), C(FunctionURLAllowInvokeAction)) of the policy after
      the task, as AWS stores them. Empty when the URL's auth type is V(AWS_IAM).
    - In check mode, the statements as AWS is expected to store them.
  returned: when state=present
  type: list
  elements: dict
  sample:
    - Sid: FunctionURLAllowPublicAccess
      Effect: Allow
      Principal: "*"
      Action: lambda:InvokeFunctionUrl
      Resource: arn:aws:lambda:us-east-1:123456789012:function:orders-api:live
      Condition: {StringEquals: {"lambda:FunctionUrlAuthType": "NONE"}}
    - Sid: FunctionURLAllowInvokeAction
      Effect: Allow
      Principal: "*"
      Action: lambda:InvokeFunction
      Resource: arn:aws:lambda:us-east-1:123456789012:function:orders-api:live
      Condition: {Bool: {"lambda:InvokedViaFunctionUrl": "true"}}
diff:
  description:
    - The changed fields before and after (only with C(--diff)), and under C(public_statements) the public
      statements that are added, replaced or removed, by statement ID. An absent statement is V({}).
  returned: with --diff
  type: dict
  sample:
    before: {auth_type: AWS_IAM, public_statements: {FunctionURLAllowPublicAccess: {}}}
    after:
      auth_type: NONE
      public_statements:
        FunctionURLAllowPublicAccess:
          action: lambda:InvokeFunctionUrl
          principal: "*"
          conditions: {function_url_auth_type: NONE}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function_url import (
    ARGUMENT_SPEC,
    FunctionUrl,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, FunctionUrl.run, validate=FunctionUrl.validate)


if __name__ == "__main__":
    main()
