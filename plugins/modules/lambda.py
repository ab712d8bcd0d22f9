#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda
short_description: Manage Lambda functions as amazon.aws.lambda does (for migrating playbooks)
version_added: 0.1.0
description:
  - The entry point for playbooks written for C(amazon.aws.lambda) (11.4.0). Replace the module name by
    C(cloudfn.aws_lambda.lambda) and the task keeps its meaning, its options, defaults and result keys.
    For new playbooks use M(cloudfn.aws_lambda.lambda_function), built on the same function resource.
  - "Kept from C(amazon.aws.lambda), because migrating playbooks rely on them:"
  - O(role) and O(runtime) (or O(image_uri)) are required on every O(state=present) task, also on an
    existing function, and O(runtime) needs O(handler). A task without them fails before any request.
  - A version is published on every create and on every code change (a new package, or a new
    O(architecture)); a change of configuration or tags only publishes none. There is no C(publish) option.
  - On update, an omitted O(timeout) resets the function to 3 seconds and an omitted O(memory_size) to
    128 MB, and omitting O(vpc_subnet_ids) (or giving V([])) takes a VPC function out of its VPC.
    An empty O(description), O(kms_key_arn), O(handler) or O(runtime), and an empty O(layers) list, leave
    the current value. The order of O(layers) is ignored when comparing.
  - The result's RV(configuration) is the one of the version the run published (C(function_arn) qualified
    with it, C(version) its number), of C($LATEST) after a configuration-only change, otherwise of the
    unqualified function.
  - Not kept, because they are bugs of C(amazon.aws.lambda) that make every run report a change,
    O(kms_key_arn) is compared (amazon.aws sends it on every run), code from S3 is compared by the object's
    sha256 and an image by its URI (amazon.aws updates the code, and publishes a version, on every run).
    A second identical run reports no change and sends one C(GetFunction).
  - Environment variable names keep their case in RV(configuration.environment.variables)
    (C(amazon.aws.lambda) snake-cases them, which loses the real names).
  - "What M(cloudfn.aws_lambda.lambda_function) does better, the reasons to move on after the migration:"
  - Options not given are not managed, so no setting reverts because the task left it out (no
    C(timeout), C(memory_size) or VPC defaults on update), and V("") and V([]) mean empty (for example
    C(layers=[]) removes every layer).
  - Publishing is chosen (O(cloudfn.aws_lambda.lambda_function#module:publish)), happens only after a
    change and reuses a matching version, and old versions are pruned with
    O(cloudfn.aws_lambda.lambda_function#module:keep_versions).
  - Its C(src) packages a directory deterministically, so the same tree gives the same sha256 on any machine.
  - It has every setting of a function (ephemeral storage, file systems, image configuration, logging,
    SnapStart, reserved concurrency), needs O(role), O(runtime) and O(handler) only to create, and keeps
    layers in the order AWS applies them.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - Name of the function.
    type: str
    required: true
  state:
    description:
      - V(present) creates or updates the function, V(absent) deletes it (with its versions and aliases).
    type: str
    choices: [present, absent]
    default: present
  runtime:
    description:
      - The runtime, for example V(python3.12).
      - With O(state=present), one of O(runtime) and O(image_uri) is required, on every task.
      - Requires O(handler). Mutually exclusive with O(image_uri).
    type: str
  role:
    description:
      - The IAM role of the function, as an ARN or a role name (looked up with C(GetRole) when it is not
        the function's current role).
      - Required when O(state=present), on every task.
    type: str
  handler:
    description:
      - The function in the code that Lambda calls. Requires O(runtime).
    type: str
  zip_file:
    description:
      - A zip file on the controller, uploaded as it is when its sha256 differs from the function's code.
      - Mutually exclusive with O(s3_bucket), O(s3_key), O(s3_object_version) and O(image_uri).
    type: str
    aliases: [src]
  s3_bucket:
    description:
      - S3 bucket of the zip package; requires O(s3_key).
      - The code is updated when the object's sha256 (S3's checksum, else the object read) differs from the
        function's.
    type: str
  s3_key:
    description:
      - S3 key of the zip package; requires O(s3_bucket).
    type: str
  s3_object_version:
    description:
      - Version of the S3 object.
    type: str
  image_uri:
    description:
      - Container image URI (Amazon ECR) of an image function. Updated when it differs from the function's.
      - Mutually exclusive with O(runtime), O(handler), O(zip_file) and the S3 options.
    type: str
  description:
    description:
      - Description of the function. V("") (the default) leaves the current description.
    type: str
    default: ""
  timeout:
    description:
      - Maximum run time in seconds. Applied on every update (an omitted value sets 3).
    type: int
    default: 3
  memory_size:
    description:
      - Memory in MB. Applied on every update (an omitted value sets 128).
    type: int
    default: 128
  vpc_subnet_ids:
    description:
      - Subnets of the function's VPC configuration (compared in any order). Requires O(vpc_security_group_ids).
      - Omitted or V([]), a function in a VPC is taken out of it.
    type: list
    elements: str
  vpc_security_group_ids:
    description:
      - Security groups of the function's VPC configuration. Requires O(vpc_subnet_ids).
    type: list
    elements: str
  environment_variables:
    description:
      - Environment variables (all of them; V({}) removes every variable). Not managed when omitted.
      - Values are sent as strings.
    type: dict
  dead_letter_arn:
    description:
      - ARN of the SQS queue or SNS topic for failed asynchronous invocations; V("") removes it.
    type: str
  tracing_mode:
    description:
      - X-Ray tracing mode.
    type: str
    choices: [Active, PassThrough]
  kms_key_arn:
    description:
      - KMS key ARN that encrypts the environment variables. V("") leaves the current key.
    type: str
  architecture:
    description:
      - Instruction set architecture. Changing it re-sends the code, so it requires one of O(zip_file),
        O(s3_bucket) and O(image_uri).
    type: str
    choices: [x86_64, arm64]
    aliases: [architectures]
  layers:
    description:
      - The function's layers, compared in any order. V([]) leaves the current layers (use
        M(cloudfn.aws_lambda.lambda_function) with C(layers=[]) to remove them all).
    type: list
    elements: dict
    suboptions:
      layer_version_arn:
        description:
          - ARN of a layer version. Mutually exclusive with O(layers[].layer_name) and O(layers[].version).
        type: str
      layer_name:
        description:
          - Name or ARN of the layer; requires O(layers[].version).
        type: str
        aliases: [layer_arn]
      version:
        description:
          - Version of the layer O(layers[].layer_name) names.
        type: int
        aliases: [layer_version]
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.tags
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetFunction); C(ListVersionsByFunction) to predict the version a
    code change would publish; C(GetRole) for a role given by a name that is not the function's).
  - The result has no C(response_metadata) (the HTTP metadata of amazon.aws's last request).
"""

EXAMPLES = r"""
- name: Create or update a function; a create or code change publishes a version
  cloudfn.aws_lambda.lambda:
    name: hello
    runtime: python3.12
    handler: app.handler
    role: arn:aws:iam::123456789012:role/hello-lambda
    zip_file: build/hello.zip
    environment_variables:
      STAGE: prod
    tags:
      team: platform
  register: hello

- name: Point an alias at the version the task published
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: "{{ hello.configuration.version }}"

- name: Layers given by version ARN or by name and version, in any order
  cloudfn.aws_lambda.lambda:
    name: hello
    runtime: python3.12
    handler: app.handler
    role: hello-lambda
    layers:
      - layer_version_arn: arn:aws:lambda:us-east-1:123456789012:layer:common:3
      - layer_name: tools
        version: 7

- name: Delete the function
  cloudfn.aws_lambda.lambda:
    name: hello
    state: absent
"""

RETURN = r"""
configuration:
  description:
    - The function's configuration (GetFunction's, snake_case keys; environment variable names as they are).
    - After a create or a code change, the configuration of the version published then (C(function_arn)
      qualified with it, C(version) its number); after a configuration-only change, of C($LATEST)
      (C(function_arn) ending in C(:$LATEST)); otherwise of the unqualified function (C(version) C($LATEST)).
    - In check mode the prediction of the same, with the version a change would publish, and null for what
      AWS sets on a change (C(revision_id), C(last_modified), C(code_size) of new code).
  returned: when state=present
  type: dict
  sample:
    function_name: hello
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:hello:1
    version: "1"
    runtime: python3.12
    handler: app.handler
    role: arn:aws:iam::123456789012:role/hello-lambda
    memory_size: 128
    timeout: 3
    description: ""
    tracing_config: {mode: PassThrough}
    architectures: [x86_64]
    environment: {variables: {STAGE: prod}}
    layers: [{arn: "arn:aws:lambda:us-east-1:123456789012:layer:common:3", code_size: 1024}]
  contains:
    function_arn:
      description: The function's ARN, qualified with the version published (or C($LATEST)) as said above.
      type: str
      returned: always
      sample: arn:aws:lambda:us-east-1:123456789012:function:hello:1
    version:
      description: The version published by the run, or C($LATEST).
      type: str
      returned: always
      sample: "1"
    environment:
      description: The function's environment.
      type: dict
      returned: when the function has environment variables
      contains:
        variables:
          description: The environment variables, their names as they are (not snake-cased).
          type: dict
          returned: when the function has environment variables
          sample: {STAGE: prod}
code:
  description: Where the code is (GetFunction's C(Code), snake_case keys).
  returned: when state=present
  type: dict
  contains:
    location:
      description: Presigned URL of the package, valid 10 minutes.
      type: str
      returned: when the function has zip code and was read
    repository_type:
      description: Where AWS stores the code.
      type: str
      returned: when the function was read
    image_uri:
      description: The container image of an image function.
      type: str
      returned: for image functions
    sha256:
      description: Base64 sha256 of the package.
      type: str
      returned: when the result was not read after a change (no change, check mode)
    size:
      description: Size of the package in bytes.
      type: int
      returned: when the result was not read after a change (no change, check mode)
tags:
  description: The function's tags.
  returned: when state=present
  type: dict
  sample: {team: platform}
func_kwargs:
  description:
    - The parameters of the configuration update (C(UpdateFunctionConfiguration)), C(FunctionName) alone
      when the configuration does not change. In check mode, what the update would send.
  returned: when state=present and the function existed
  type: dict
  sample: {FunctionName: hello, Timeout: 10}
code_kwargs:
  description:
    - The parameters of the code update (C(UpdateFunctionCode), without the zip's bytes), V({}) when the
      code does not change. In check mode, what the update would send.
  returned: when state=present and the function existed
  type: dict
  sample: {FunctionName: hello, Publish: true, Architectures: [x86_64]}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.compat_function import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    REQUIRED_IF,
    REQUIRED_TOGETHER,
    CompatFunction,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, CompatFunction.run, validate=CompatFunction.validate,
               mutually_exclusive=MUTUALLY_EXCLUSIVE, required_together=REQUIRED_TOGETHER, required_if=REQUIRED_IF)


if __name__ == "__main__":
    main()
