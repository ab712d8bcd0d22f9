#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_code_signing_config
short_description: Manage AWS Lambda code signing configurations
version_added: 0.1.0
description:
  - Converges one code signing configuration of the account and region - the signing profiles whose signatures
    Lambda accepts on a function's code, and what Lambda does with code that fails the check.
  - A function uses a configuration through C(cloudfn.aws_lambda.lambda_function)'s C(code_signing_config_arn)
    option, which takes this module's RV(code_signing_config_arn).
  - AWS gives a configuration an ARN and an ID of its own choosing, and no name. The task finds its configuration
    by O(code_signing_config_arn) when it is given (C(GetCodeSigningConfig)), else by O(description), which must
    then be unique in the account and region (every page of C(ListCodeSigningConfigs) is read; two or more
    configurations with that exact description fail the task, naming their ARNs).
  - Options that are not given are not managed. A run that changes nothing costs two calls (C(GetCodeSigningConfig)
    or C(ListCodeSigningConfigs), and C(ListFunctionsByCodeSigningConfig) for RV(functions)), three when O(tags)
    is given (C(ListTags)).
  - The first creation sends C(CreateCodeSigningConfig) with the options given (tags included). Later changes send
    C(UpdateCodeSigningConfig) with only the fields that differ, and C(TagResource) / C(UntagResource) for tags.
  - Values outside the limits of AWS's service model fail the task before any request.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  code_signing_config_arn:
    description:
      - The ARN of the configuration to manage (C(arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-ID)), as
        RV(code_signing_config_arn) returns it.
      - When given, O(description) is a setting like the others. With O(state=present) the configuration must
        exist (a configuration AWS has not created has no ARN yet); with O(state=absent) one that does not exist
        is left as it is.
      - When omitted, the configuration is the one whose description is O(description).
    type: str
  description:
    description:
      - The configuration's description (at most 256 characters).
      - Without O(code_signing_config_arn) it is how the task finds its configuration, and required. It must be
        unique in the account and region.
      - With O(code_signing_config_arn), changed when it differs; not managed when omitted.
    type: str
  allowed_publishers:
    description:
      - The signing profile version ARNs (of AWS Signer, C(arn:aws:signer:REGION:ACCOUNT:/signing-profiles/NAME/VERSION))
        whose signatures the configuration accepts; 1 to 20 of them.
      - Compared as a set - order and repeats do not matter, and the list given replaces the one AWS has.
      - Required to create a configuration; not managed when omitted.
    type: list
    elements: str
  untrusted_artifact_on_deployment:
    description:
      - What Lambda does when a deployment's code fails the signature check - V(Warn) deploys it and logs a
        warning in CloudWatch, V(Enforce) refuses the deployment.
      - When omitted, not managed; a configuration created without it has AWS's default, V(Warn).
    type: str
    choices: [Warn, Enforce]
  state:
    description:
      - V(present) creates or updates the configuration.
      - V(absent) deletes it. A configuration that one or more functions use is not deleted - the task fails
        naming them before any write (AWS would refuse it too); remove it from them first with
        C(cloudfn.aws_lambda.lambda_function)'s O(ignore:code_signing_config_arn=""). A configuration that does not
        exist is left as it is.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.tags
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads. For a configuration that does not exist yet RV(code_signing_config_arn),
    RV(code_signing_config_id) and RV(last_modified) are null, because AWS chooses them when it creates it; the other
    keys are predicted.
  - Tags are not used to find a configuration - AWS answers them only through one C(ListTags) per configuration.
"""

EXAMPLES = r"""
- name: A code signing configuration that refuses unsigned code
  cloudfn.aws_lambda.lambda_code_signing_config:
    description: hello-signing
    allowed_publishers:
      - arn:aws:signer:us-east-1:123456789012:/signing-profiles/hello/abcdef1234
    untrusted_artifact_on_deployment: Enforce
    tags:
      team: web
  register: hello_signing

- name: The function checks its code against it
  cloudfn.aws_lambda.lambda_function:
    name: hello
    runtime: python3.12
    handler: hello.handler
    role: arn:aws:iam::123456789012:role/hello
    zip_file: hello.zip
    code_signing_config_arn: "{{ hello_signing.code_signing_config_arn }}"

- name: Only warn on unsigned code, the configuration named by its ARN
  cloudfn.aws_lambda.lambda_code_signing_config:
    code_signing_config_arn: "{{ hello_signing.code_signing_config_arn }}"
    untrusted_artifact_on_deployment: Warn

- name: Remove it from the function, then delete it
  cloudfn.aws_lambda.lambda_function:
    name: hello
    code_signing_config_arn: ""

- name: Delete the configuration
  cloudfn.aws_lambda.lambda_code_signing_config:
    description: hello-signing
    state: absent
"""

RETURN = r"""
code_signing_config_arn:
  description:
    - The configuration's ARN, which C(cloudfn.aws_lambda.lambda_function)'s C(code_signing_config_arn) takes.
    - Null in check mode for a configuration to be created.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0
code_signing_config_id:
  description:
    - The configuration's ID. Null in check mode for a configuration to be created.
  returned: when state=present
  type: str
  sample: csc-0123456789abcdef0
description:
  description: The configuration's description (V("") when it has none).
  returned: when state=present
  type: str
  sample: hello-signing
allowed_publishers:
  description: The signing profile version ARNs the configuration accepts, sorted.
  returned: when state=present
  type: list
  elements: str
  sample: [arn:aws:signer:us-east-1:123456789012:/signing-profiles/hello/abcdef1234]
untrusted_artifact_on_deployment:
  description: What Lambda does with code that fails the signature check.
  returned: when state=present
  type: str
  sample: Enforce
last_modified:
  description:
    - When the configuration was last changed (ISO 8601).
    - Null in check mode when it would be created or changed.
  returned: when state=present
  type: str
  sample: "2025-01-31T12:00:00.123+0000"
functions:
  description:
    - The ARNs of the functions that use the configuration (C(ListFunctionsByCodeSigningConfig)), as read before
      the run's changes; empty for one to be created.
  returned: when state=present
  type: list
  elements: str
  sample: [arn:aws:lambda:us-east-1:123456789012:function:hello]
tags:
  description: The configuration's tags after the run.
  returned: when state=present and tags is given
  type: dict
  sample: {team: web}
diff:
  description: The changed settings before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {untrusted_artifact_on_deployment: Warn}
    after: {untrusted_artifact_on_deployment: Enforce}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.code_signing_config import (
    ARGUMENT_SPEC,
    CodeSigningConfig,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, CodeSigningConfig.run, validate=CodeSigningConfig.validate)


if __name__ == "__main__":
    main()
