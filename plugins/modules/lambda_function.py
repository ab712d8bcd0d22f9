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
  s3_object_storage_mode:
    description:
      - How Lambda keeps code from S3 (C(S3ObjectStorageMode) of the code, one of the values of botocore's enum
        C(S3ObjectStorageMode); botocore 1.44 has V(COPY) and V(REFERENCE)). V(COPY), what AWS does when it is
        omitted, copies the package into Lambda's own storage; V(REFERENCE) makes Lambda run the code from the
        S3 object itself, which must then stay there (AWS needs a versioned bucket and the Lambda service
        principal allowed C(s3:GetObject) and C(s3:GetObjectVersion) on the object).
      - Only with O(s3_bucket) and O(s3_key); refused with O(src), O(zip_file) or O(image_uri) before any request.
      - A request flag, like O(publish_to), not a setting the module compares. AWS's answers do not say in
        which mode a function's code is kept, so the module sends it with the code when it sends the code (a
        new function, or code whose hash differs from the function's) and never sends the code only to change
        the mode. To move a function from one mode to the other, deploy a new package (or another
        O(s3_object_version)) with it.
      - Needs a botocore whose Lambda model has it (1.44 has); an older one is refused before any request.
    type: str
  source_kms_key_arn:
    description:
      - ARN of the customer managed KMS key that encrypts the function's .zip deployment package (the code's
        C(SourceKMSKeyArn)); V("") returns it to the AWS owned key. Omitted, the key is not managed, and a code
        update keeps the key the function has (the module sends it again with the new code, since
        C(UpdateFunctionCode) without it encrypts the package with the AWS owned key).
      - Compared with C(Code.SourceKMSKeyArn) of the C(GetFunction) the module reads anyway (no extra request).
        AWS sets the key only with the code, so changing it re-sends the code (C(UpdateFunctionCode)); give the
        code (O(src), O(zip_file) or O(s3_bucket) and O(s3_key)) with it, as for O(architecture); a change
        of the key without the code is refused before any request. With C(--diff) the key shows as
        C(source_kms_key_arn).
      - Zip functions only, so it is refused for an Image function (O(image_uri), O(package_type=Image), or an existing
        Image function) before any request.
      - The key policy must let Lambda use the key (C(kms:Decrypt), C(kms:GenerateDataKey)); see AWS's
        "Encrypting Lambda .zip deployment packages". Not the same as O(kms_key_arn), which encrypts the
        environment variables.
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
  vpc_ipv6_allowed_for_dual_stack:
    description:
      - Allow outbound IPv6 traffic from a function in dual-stack subnets (C(VpcConfig.Ipv6AllowedForDualStack)).
      - Sent with the function's VPC settings (the current subnets and security groups when O(vpc_subnet_ids)
        is not given); a function without VPC subnets is refused before any request.
      - Not managed when omitted.
    type: bool
  code_signing_config_arn:
    description:
      - ARN of the code signing configuration that checks every code package deployed after it (Zip functions
        only). On a new function it is sent with C(CreateFunction); on an existing one it is read with
        C(GetFunctionCodeSigningConfig) and changed with C(PutFunctionCodeSigningConfig), before any code
        update of the same task.
      - V("") removes it (C(DeleteFunctionCodeSigningConfig)).
      - Returned as RV(code_signing_config_arn). Not managed when omitted, and then not read.
      - Costs one more call (C(GetFunctionCodeSigningConfig)) on every run on an existing function.
      - The code signing configuration itself is made with C(cloudfn.aws_lambda.lambda_code_signing_config).
    type: str
  recursive_loop:
    description:
      - What Lambda does when it detects the function in a recursive loop (an SQS queue, SNS topic or S3 bucket
        that the function writes to and is invoked from) - V(Terminate) (AWS's default) stops the
        invocations, V(Allow) lets them run.
      - Read with C(GetFunctionRecursionConfig) (one more call on every run on an existing function) and changed
        with C(PutFunctionRecursionConfig); a new function gets C(PutFunctionRecursionConfig) after
        C(CreateFunction) only for V(Allow).
      - Applies to the function, all its versions. Returned as RV(recursive_loop). Not managed when omitted.
    type: str
    choices: [Allow, Terminate]
  runtime_management:
    description:
      - When the function's runtime moves to a new runtime version (runtime management of C($LATEST); Zip
        functions only).
      - Read with C(GetRuntimeManagementConfig) (one more call on every run on an existing function) and changed
        with C(PutRuntimeManagementConfig); a new function gets C(PutRuntimeManagementConfig) after
        C(CreateFunction) unless V(Auto) is asked for. A version that O(publish) publishes in the same
        C(CreateFunction) has AWS's default (V(Auto)).
      - Returned as RV(runtime_management). Not managed when omitted.
    type: dict
    suboptions:
      update_runtime_on:
        description:
          - V(Auto) (AWS's default) - Lambda moves the function to new runtime versions itself.
          - V(FunctionUpdate) - on the next update of the function's code or configuration.
          - V(Manual) - stays on O(runtime_management.runtime_version_arn).
        type: str
        choices: [Auto, FunctionUpdate, Manual]
        required: true
      runtime_version_arn:
        description:
          - The runtime version to stay on; required with V(Manual), refused otherwise. RV(configuration) shows
            the function's current one as C(runtime_version_config.runtime_version_arn).
        type: str
  tenancy_config:
    description:
      - Tenant isolation of a multi-tenant function (C(TenancyConfig)). AWS takes it only in C(CreateFunction) -
        on an existing function a different value (or one on a function created without it) fails before any
        request, naming this option; the same value is no change.
      - Not managed when omitted.
    type: dict
    suboptions:
      tenant_isolation_mode:
        description: V(PER_TENANT) sends each tenant's invocations to execution environments of its own.
        type: str
        choices: [PER_TENANT]
        required: true
  durable_config:
    description:
      - Durable execution (C(DurableConfig)) - a function that keeps its state across interruptions and waits.
      - AWS enables it only when a function is created; on a function created without it the option fails before
        any request. The settings of a durable function change in place (C(UpdateFunctionConfiguration));
        sub-options not given keep their values.
      - Not managed when omitted.
    type: dict
    suboptions:
      execution_timeout:
        description: Seconds a durable execution may run in all, from 1 to 31622400 (botocore's model).
        type: int
      retention_period_in_days:
        description: Days the history of a finished execution is kept, from 1 to 90 (botocore's model).
        type: int
      kms_key_arn:
        description: KMS key that encrypts the execution's payloads; V("") uses an AWS owned key.
        type: str
  capacity_provider_config:
    description:
      - Runs the function on a capacity provider (Lambda Managed Instances, C(CapacityProviderConfig)).
      - AWS attaches a function to a capacity provider only when it is created; on a function created without
        one the option fails before any request. The settings of an attached function change in place; sub-options
        not given keep their values.
      - Such a function is invoked through a published version; see O(publish_to).
      - Not managed when omitted.
    type: dict
    suboptions:
      capacity_provider_arn:
        description: ARN of the capacity provider.
        type: str
        required: true
      per_execution_environment_max_concurrency:
        description: Concurrent invocations one execution environment takes, from 1 to 1600 (botocore's model).
        type: int
      execution_environment_memory_gib_per_vcpu:
        description: Memory in GiB per vCPU of the execution environments, from 2 to 8 (botocore's model).
        type: float
  accelerator_config:
    description:
      - Accelerator devices of the execution environment (C(AcceleratorConfig); botocore 1.44 or later).
      - Not managed when omitted.
    type: dict
    suboptions:
      accelerator_memory_size:
        description: Least memory in GB of each accelerator device.
        type: int
        required: true
  runtime_config:
    description:
      - A customer-managed runtime for the function (C(RuntimeConfig); botocore 1.44 or later).
      - Not managed when omitted.
    type: dict
    suboptions:
      runtime_arn:
        description: ARN of the customer-managed runtime.
        type: str
        required: true
      runtime_alias:
        description: The runtime alias (a name pointing to a runtime version) the function uses.
        type: str
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
  publish_to:
    description:
      - Where O(publish=true) publishes (C(PublishTo) of C(CreateFunction) and C(PublishVersion)).
      - V(LATEST_PUBLISHED) creates or publishes again the version C($LATEST.PUBLISHED) instead of a new numbered
        version (functions on a capacity provider, see O(capacity_provider_config), are invoked through it when no
        qualifier is given). RV(version) is then V($LATEST.PUBLISHED); a run that changes nothing compares it
        with C(GetFunctionConfiguration) instead of listing the numbered versions.
      - Needs O(publish=true). A request flag, nothing to compare; not managed when omitted.
    type: str
    choices: [LATEST_PUBLISHED]
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
  - O(code_signing_config_arn), O(recursive_loop) and O(runtime_management) are settings of their own operations,
    read (one call each) only on a task that gives them; a task without them reads only C(GetFunction).
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

- name: Code run from its S3 object (versioned bucket), its package encrypted with a customer managed key
  cloudfn.aws_lambda.lambda_function:
    name: worker
    s3_bucket: my-artifacts
    s3_key: worker.zip
    s3_object_version: 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY
    s3_object_storage_mode: REFERENCE
    source_kms_key_arn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab

- name: Back to the AWS owned key for the package (the code is sent again with it)
  cloudfn.aws_lambda.lambda_function:
    name: worker
    src: files/worker/
    source_kms_key_arn: ""

- name: Remove the reserved concurrency and detach every layer
  cloudfn.aws_lambda.lambda_function:
    name: worker
    reserved_concurrency: -1
    layers: []

- name: Stop recursive loops being cut off, sign the code and pin the runtime version
  cloudfn.aws_lambda.lambda_function:
    name: fan-out
    recursive_loop: Allow
    code_signing_config_arn: arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0
    runtime_management:
      update_runtime_on: Manual
      runtime_version_arn: arn:aws:lambda:us-east-1::runtime:8eeff65f6809a3ce81507fe733fe09b835899b99481ba22fd75b5a7338290ec1

- name: Remove the code signing configuration and let the runtime update itself again
  cloudfn.aws_lambda.lambda_function:
    name: fan-out
    code_signing_config_arn: ""
    runtime_management:
      update_runtime_on: Auto

- name: A durable, tenant-isolated function (both only at creation)
  cloudfn.aws_lambda.lambda_function:
    name: orders
    src: files/orders/
    runtime: python3.13
    handler: app.handler
    role: orders-lambda
    tenancy_config:
      tenant_isolation_mode: PER_TENANT
    durable_config:
      execution_timeout: 86400
      retention_period_in_days: 7

- name: A function on Lambda Managed Instances, published to $LATEST.PUBLISHED
  cloudfn.aws_lambda.lambda_function:
    name: batch
    src: files/batch/
    runtime: python3.13
    handler: app.handler
    role: batch-lambda
    capacity_provider_config:
      capacity_provider_arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:fleet
      execution_environment_memory_gib_per_vcpu: 4
    publish: true
    publish_to: LATEST_PUBLISHED

- name: Allow IPv6 from the function's dual-stack subnets
  cloudfn.aws_lambda.lambda_function:
    name: worker
    vpc_ipv6_allowed_for_dual_stack: true

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
    source_kms_key_arn:
      description:
        - The customer managed KMS key that encrypts the .zip deployment package, V("") for the AWS owned key
          (after the task; in check mode as predicted).
      type: str
      returned: when O(source_kms_key_arn) is given, or AWS gives it
      sample: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
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
code_signing_config_arn:
  description:
    - The function's code signing configuration after the task (predicted in check mode); V("") when it has none.
  returned: when code_signing_config_arn is given and state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0
recursive_loop:
  description: The function's recursive loop setting after the task (predicted in check mode).
  returned: when recursive_loop is given and state=present
  type: str
  sample: Allow
runtime_management:
  description: The runtime management of C($LATEST) after the task (predicted in check mode).
  returned: when runtime_management is given and state=present
  type: dict
  contains:
    update_runtime_on:
      description: V(Auto), V(FunctionUpdate) or V(Manual).
      type: str
      returned: always
    runtime_version_arn:
      description: The runtime version the function stays on with V(Manual); null otherwise.
      type: str
      returned: always
  sample:
    update_runtime_on: Manual
    runtime_version_arn: arn:aws:lambda:us-east-1::runtime:8eeff65f6809a3ce81507fe733fe09b835899b99481ba22fd75b5a7338290ec1
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
