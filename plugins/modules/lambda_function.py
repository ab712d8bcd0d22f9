#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_function
short_description: Create, update and delete AWS Lambda functions
version_added: 0.1.0
description:
  - Converges one Lambda function, that is its code, its configuration, its tags, its reserved
    concurrency, and optionally a published version of it.
  - Options that are not given are not managed. The module never resets a setting the task does not
    mention (unlike C(amazon.aws.lambda), which applies C(timeout=3) and C(memory_size=128) and detaches
    the VPC on every update when they are omitted).
  - Code changes are detected by comparing the package's sha256 with the function's C(CodeSha256);
    unchanged code is never uploaded again.
  - A run that changes nothing costs one API call (C(GetFunction)) when the code is given as a zip or a
    directory and the role as an ARN.
  - Every option name of C(amazon.aws.lambda) is accepted with the same meaning, so a playbook moves
    over by changing the module name.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - Name (or ARN) of the function.
    type: str
    required: true
    aliases: [function_name]
  state:
    description:
      - V(present) creates or updates the function, V(absent) deletes it with all its versions and aliases.
      - AWS keeps the function's event source mappings when it deletes the function; V(absent) reads them
        (C(ListEventSourceMappings)) and warns naming each mapping (UUID and event source ARN) left behind.
        Delete them with M(cloudfn.aws_lambda.lambda_event_source).
      - With C(--diff), the diff of a deletion shows under C(before) the function, its aliases, published
        versions, event source mappings and policy statement ids, and under C(after) the event source
        mappings that stay (this costs C(ListAliases), C(GetPolicy) and C(ListVersionsByFunction)).
    type: str
    choices: [present, absent]
    default: present
  src:
    description:
      - Code from the controller. A directory is packaged as a deterministic zip (sorted entries, fixed
        timestamps and permissions, deflated at a fixed level; O(src_exclude) left out), so the same
        tree always gives the same sha256, after any C(touch).
      - Its Python dependencies (O(requirements), by default C(requirements.txt) in the directory) are installed
        into the package for O(runtime) and O(architecture); see O(requirements).
      - A single file is packaged the same way, at the root of the zip.
      - A path ending in C(.zip) is used as it is, like O(zip_file).
      - Mutually exclusive with O(zip_file), O(s3_bucket) and O(image_uri).
    type: path
  zip_file:
    description:
      - A zip file on the controller, uploaded byte for byte as it is.
    type: path
  s3_bucket:
    description:
      - S3 bucket holding the zip package. Requires O(s3_key).
      - Whether the code changed is decided by O(source_code_hash) when given; otherwise the object's
        SHA-256 checksum is read from S3 when S3 has a full-object one, else the object is streamed and hashed.
    type: str
  s3_key:
    description:
      - S3 key of the zip package.
    type: str
  s3_object_version:
    description:
      - Version of the S3 object, for versioned buckets.
    type: str
  source_code_hash:
    description:
      - Base64 sha256 of the S3 package (the form Lambda reports as C(CodeSha256)).
      - Lets the module decide whether S3 code changed without reading the object.
    type: str
  image_uri:
    description:
      - URI of a container image in Amazon ECR. The function's package type is then C(Image).
    type: str
  package_type:
    description:
      - V(Zip) or V(Image). Inferred from the code source when omitted. It cannot change once the function exists.
    type: str
    choices: [Zip, Image]
  runtime:
    description:
      - Runtime identifier, for example V(python3.12). Required to create a zip function.
      - Checked against the runtimes botocore knows.
    type: str
  handler:
    description:
      - The function's entry point, for example V(app.handler). Required to create a zip function.
    type: str
  role:
    description:
      - Execution role, as an ARN or as a role name (resolved to its ARN through IAM only when it is
        not already the function's role).
      - Required to create the function.
    type: str
  description:
    description:
      - Description of the function. V("") clears it.
    type: str
  timeout:
    description:
      - Maximum run time in seconds, within the range botocore's service model allows (shape C(Timeout);
        botocore 1.44 says 1 to 5400). AWS may refuse more than it currently supports.
    type: int
  memory_size:
    description:
      - Memory in MB, within the range botocore's service model allows (shape C(MemorySize); botocore 1.44
        says 128 to 32768). AWS may refuse more than it currently supports.
    type: int
  environment_variables:
    description:
      - Environment variables, as a dictionary. Values are sent as strings (booleans as V(true)/V(false)).
      - V({}) removes them all. AWS returns them in the function's configuration, so they appear in the
        task result and the diff.
    type: dict
  mask_environment_values:
    description:
      - Show every environment variable's value as V(VALUE_HIDDEN) in what the task returns, so that
        values such as tokens stay out of the task output, C(-vvv) logs and registered variables. The
        variable names stay visible.
      - Masked are RV(configuration), the diff (before and after; a variable whose value changes shows
        V(VALUE_HIDDEN (changed\)) after, so the diff still says which variables change), and the task's
        arguments where ansible-core returns them (the C(invocation) key, always before ansible-core 2.21,
        with C(inject_invocation) from 2.21).
      - Only the output is masked. The real values are compared and sent as usual, so a changed value
        still makes the task changed and a run that changes nothing stays unchanged.
      - Not masked are the arguments of a task that fails (they are returned as given, before ansible-core
        2.21 or with C(inject_invocation)), and what other modules return (M(cloudfn.aws_lambda.lambda_info)
        returns the values too). Use C(no_log) on such tasks; see the collection's C(docs/secrets.md).
      - Anyone allowed C(lambda:GetFunction) or C(lambda:GetFunctionConfiguration) can still read the values
        from AWS; keep real secrets in AWS Secrets Manager or SSM Parameter Store and pass only their names.
    type: bool
    default: false
  vpc_subnet_ids:
    description:
      - Subnets to run the function in. Goes with O(vpc_security_group_ids).
      - V([]) together with O(vpc_security_group_ids=[]) detaches the function from its VPC.
    type: list
    elements: str
  vpc_security_group_ids:
    description:
      - Security groups of the function in its VPC. Goes with O(vpc_subnet_ids).
    type: list
    elements: str
  dead_letter_arn:
    description:
      - ARN of the SQS queue or SNS topic receiving failed asynchronous events. V("") removes it.
    type: str
  tracing_mode:
    description:
      - AWS X-Ray tracing.
    type: str
    choices: [Active, PassThrough]
  kms_key_arn:
    description:
      - KMS key encrypting the environment variables. V("") returns to the AWS managed key.
    type: str
  layers:
    description:
      - Layers of the function, in order.
      - In check mode only, a layer given by name whose version does not exist yet but is exactly one above
        the layer's latest version is taken as the version an earlier M(cloudfn.aws_lambda.lambda_layer)
        task of the same run would publish, with a warning. Each item is a layer version ARN, or a dictionary with
        C(layer_version_arn), or with C(layer_name) (alias C(layer_arn)) and C(version) (alias C(layer_version)),
        as C(amazon.aws.lambda) takes them.
      - V([]) detaches every layer.
    type: list
    elements: raw
  architecture:
    description:
      - Instruction set of the function. Changing it re-sends the code, so the code must be given too.
    type: str
    choices: [x86_64, arm64]
    aliases: [architectures]
  ephemeral_storage:
    description:
      - Size of C(/tmp) in MB, within the range botocore's service model allows (C(EphemeralStorage.Size);
        botocore 1.44 says 512 to 32768). AWS may refuse more than it currently supports.
    type: int
  file_system_configs:
    description:
      - Amazon EFS access points to mount. V([]) removes them.
    type: list
    elements: dict
    suboptions:
      arn:
        description: ARN of the EFS access point.
        type: str
        required: true
      local_mount_path:
        description: Where the file system is mounted, under C(/mnt/).
        type: str
        required: true
  image_config:
    description:
      - Overrides of the container image's settings. Only the keys given are managed.
    type: dict
    suboptions:
      entry_point:
        description: Entry point.
        type: list
        elements: str
      command:
        description: Command.
        type: list
        elements: str
      working_directory:
        description: Working directory.
        type: str
  logging_config:
    description:
      - CloudWatch Logs settings. Only the keys given are managed.
    type: dict
    suboptions:
      log_format:
        description: Format of the logs.
        type: str
        choices: [JSON, Text]
      application_log_level:
        description: Application log level (JSON format only).
        type: str
        choices: [TRACE, DEBUG, INFO, WARN, ERROR, FATAL]
      system_log_level:
        description: System log level (JSON format only).
        type: str
        choices: [DEBUG, INFO, WARN]
      log_group:
        description: Log group to send the logs to.
        type: str
  snap_start:
    description:
      - Lambda SnapStart.
    type: dict
    suboptions:
      apply_on:
        description: V(PublishedVersions) turns it on, V(None) off.
        type: str
        choices: [PublishedVersions, None]
        required: true
  reserved_concurrency:
    description:
      - Reserved concurrent executions of the function (C(PutFunctionConcurrency)).
      - V(0) throttles every invocation.
      - V(-1) removes the reservation (C(DeleteFunctionConcurrency)), so the function uses the account's
        unreserved pool again.
      - Not managed when omitted.
    type: int
  publish:
    description:
      - Publish a version when the code or the version-specific configuration changed, or when no
        published version matches the current code and configuration. A run that changes nothing
        publishes nothing. The version is returned as RV(version); with C(--diff) the diff says
        C(version) after when a new version is (or in check mode would be) published.
      - Finding out whether a published version matches costs one more call (C(ListVersionsByFunction))
        on a run that changed nothing.
    type: bool
    default: false
  keep_versions:
    description:
      - After the rest of the task, delete the published versions beyond the newest O(keep_versions)
        (C(DeleteFunction) with the version as qualifier), counting a version this run publishes.
      - Never deletes a version that an alias points to, by its version or by a routing weight, or that has
        provisioned concurrency; such an older version is kept besides the newest O(keep_versions).
      - Costs C(ListVersionsByFunction) (shared with O(publish)); only when there are more published versions
        than O(keep_versions) also C(ListAliases) and C(ListProvisionedConcurrencyConfigs), then one
        C(DeleteFunction) per version deleted. The deleted versions are returned as RV(deleted_versions).
      - In check mode nothing is deleted and RV(deleted_versions) lists what would be; with C(--diff) the
        diff shows the published versions before and after under C(versions).
      - Not managed when omitted. Ignored with O(state=absent).
    type: int
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.wait
  - cloudfn.aws_lambda.common.tags
  - cloudfn.aws_lambda.common.packaging
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetFunction), and C(GetRole) for a role given by name;
    C(ListVersionsByFunction) to predict the version O(publish) would publish).
  - Tag values, like environment values, are sent as strings (V(42) as V("42"), booleans as V(true)/V(false)).
"""

EXAMPLES = r"""
- name: Deploy a function from a source directory
  cloudfn.aws_lambda.lambda_function:
    name: hello
    src: files/hello/
    runtime: python3.12
    handler: app.handler
    role: arn:aws:iam::123456789012:role/hello-lambda
    memory_size: 256
    timeout: 10
    environment_variables:
      STAGE: prod
    tags:
      team: platform

- name: Change only the memory; everything else is left as it is
  cloudfn.aws_lambda.lambda_function:
    name: hello
    memory_size: 512

- name: Code from S3, published as a new version when it changed
  cloudfn.aws_lambda.lambda_function:
    name: worker
    s3_bucket: my-artifacts
    s3_key: worker/1.4.2.zip
    source_code_hash: "{{ lookup('file', 'worker.zip.sha256') }}"
    runtime: python3.12
    handler: worker.main
    role: worker-lambda
    publish: true
  register: worker

- name: Remove the reserved concurrency and detach every layer
  cloudfn.aws_lambda.lambda_function:
    name: worker
    reserved_concurrency: -1
    layers: []

- name: Point every task of a play at a local test endpoint
  module_defaults:
    group/cloudfn.aws_lambda.aws:
      endpoint_url: http://127.0.0.1:5000
      region: us-east-1
  block:
    - name: Delete the function
      cloudfn.aws_lambda.lambda_function:
        name: hello
        state: absent
"""

RETURN = r"""
configuration:
  description:
    - The function's configuration, with snake_case keys (in check mode, the predicted configuration).
    - A predicted configuration of a changed function has null for what AWS sets on the change
      (C(revision_id), C(last_modified), and C(code_size) when the code changes).
  returned: when state=present
  type: dict
  sample:
    function_name: hello
    function_arn: arn:aws:lambda:us-east-1:123456789012:function:hello
    runtime: python3.12
    handler: app.handler
    role: arn:aws:iam::123456789012:role/hello-lambda
    memory_size: 256
    timeout: 10
    code_sha256: NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4=
    state: Active
    last_update_status: Successful
code:
  description: Where the code is and its hash.
  returned: when state=present
  type: dict
  contains:
    sha256:
      description: Base64 sha256 of the package (C(CodeSha256)).
      type: str
      returned: always
    size:
      description: Size of the package in bytes; null in check mode when the code would change.
      type: int
      returned: always
    location:
      description: Presigned URL of the package, valid 10 minutes.
      type: str
      returned: when the function was read after the last change
    repository_type:
      description: Where AWS stores the code.
      type: str
      returned: when the function was read after the last change
    image_uri:
      description: The container image.
      type: str
      returned: for image functions
package:
  description:
    - The package built from O(src) or read from O(zip_file) on the controller (in check mode too), before any
      request; see the collection's docs/packaging.md.
  returned: when state=present and the code is O(src) or O(zip_file)
  type: dict
  contains:
    sha256:
      description: Base64 sha256 of the zip (what AWS reports as C(CodeSha256) once it is deployed).
      type: str
      returned: always
    size:
      description: Size of the zip in bytes.
      type: int
      returned: always
    built:
      description: True when pip ran in this run; false when there is nothing to install or the cached build was used.
      type: bool
      returned: always
    cache:
      description: The cached build used or written (in O(build_in)); null for a package without dependencies.
      type: str
      returned: always
  sample:
    sha256: NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4=
    size: 48213
    built: false
    cache: /home/me/.cache/cloudfn.aws_lambda/builds/5b0c...e1.zip
tags:
  description: The function's tags.
  returned: when state=present
  type: dict
  sample: {team: platform}
reserved_concurrency:
  description: Reserved concurrent executions, or null when none is reserved.
  returned: when state=present
  type: int
  sample: 10
version:
  description:
    - With O(publish=true), the published version matching the code and configuration (new or found).
    - In check mode, when a new version would be published, the version AWS would give it (one above the
      highest published version, V("1") for a new function), with RV(version_predicted).
  returned: when publish=true
  type: str
  sample: "3"
version_predicted:
  description:
    - True when RV(version) is a prediction (check mode, a new version would be published). AWS numbers
      versions upward from the highest ever published, so a deleted newest version makes the real one higher.
  returned: in check mode, when publish=true and a new version would be published
  type: bool
  sample: true
deleted_versions:
  description:
    - With O(keep_versions), the published versions this run deleted (in check mode, would delete), oldest first.
  returned: when keep_versions is given and state=present
  type: list
  elements: str
  sample: ["1", "2"]
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    REQUIRED_BY,
    REQUIRED_TOGETHER,
    Function,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, Function.run, validate=Function.validate, mutually_exclusive=MUTUALLY_EXCLUSIVE,
               required_together=REQUIRED_TOGETHER, required_by=REQUIRED_BY)


if __name__ == "__main__":
    main()
