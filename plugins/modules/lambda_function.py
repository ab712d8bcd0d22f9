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
    type: str
    choices: [present, absent]
    default: present
  src:
    description:
      - Code from the controller. A directory is packaged as a deterministic zip (sorted entries, fixed
        timestamps and permissions, no compression; C(__pycache__) and C(*.pyc) left out), so the same
        tree always gives the same sha256, on any machine and after any C(touch).
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
      - Maximum run time in seconds, 1 to 900.
    type: int
  memory_size:
    description:
      - Memory in MB, 128 to 10240.
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
      - Layers of the function, in order. Each item is a layer version ARN, or a dictionary with
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
      - Size of C(/tmp) in MB, 512 to 10240.
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
        publishes nothing. The version is returned as RV(version).
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
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetFunction), and C(GetRole) for a role given by name).
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
      description: Size of the package in bytes.
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
    - Null in check mode when a new version would be published.
  returned: when publish=true
  type: str
  sample: "3"
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

import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum, run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodeError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.function import (
    CODE_FIELDS,
    CONFIG_FIELDS,
    current_function,
    plan_code,
    PublishedVersions,
    protected_versions,
    versions_beyond,
    s3_code_sha256,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import LAYER_VERSION_ARN
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import function_name_problem
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    USER_KEYED,
    changed_fields,
    ensure,
    merged,
    snake_dict,
    tag_changes,
    without_none,
)

ROLE_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")
ROLE_NAME = re.compile(r"^[\w+=,.@-]{1,64}$")
LAYER_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[a-zA-Z0-9_-]+$")
QUEUE_OR_TOPIC_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:(sqs|sns):[a-z0-9-]+:\d{12}:.+$")
KMS_KEY_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:\d{12}:.+$")

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True, aliases=["function_name"]),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    src=dict(type="path"),
    zip_file=dict(type="path"),
    s3_bucket=dict(type="str"),
    s3_key=dict(type="str", no_log=False),
    s3_object_version=dict(type="str"),
    source_code_hash=dict(type="str"),
    image_uri=dict(type="str"),
    package_type=dict(type="str", choices=["Zip", "Image"]),
    runtime=dict(type="str"),
    handler=dict(type="str"),
    role=dict(type="str"),
    description=dict(type="str"),
    timeout=dict(type="int"),
    memory_size=dict(type="int"),
    environment_variables=dict(type="dict"),
    mask_environment_values=dict(type="bool", default=False),
    vpc_subnet_ids=dict(type="list", elements="str"),
    vpc_security_group_ids=dict(type="list", elements="str"),
    dead_letter_arn=dict(type="str"),
    tracing_mode=dict(type="str", choices=["Active", "PassThrough"]),
    kms_key_arn=dict(type="str", no_log=False),
    layers=dict(type="list", elements="raw"),
    architecture=dict(type="str", choices=["x86_64", "arm64"], aliases=["architectures"]),
    ephemeral_storage=dict(type="int"),
    file_system_configs=dict(type="list", elements="dict", options=dict(
        arn=dict(type="str", required=True),
        local_mount_path=dict(type="str", required=True),
    )),
    image_config=dict(type="dict", options=dict(
        entry_point=dict(type="list", elements="str"),
        command=dict(type="list", elements="str"),
        working_directory=dict(type="str"),
    )),
    logging_config=dict(type="dict", options=dict(
        log_format=dict(type="str", choices=["JSON", "Text"]),
        application_log_level=dict(type="str", choices=["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]),
        system_log_level=dict(type="str", choices=["DEBUG", "INFO", "WARN"]),
        log_group=dict(type="str"),
    )),
    snap_start=dict(type="dict", options=dict(
        apply_on=dict(type="str", choices=["PublishedVersions", "None"], required=True),
    )),
    tags=dict(type="dict", aliases=["resource_tags"]),
    purge_tags=dict(type="bool", default=True),
    reserved_concurrency=dict(type="int"),
    publish=dict(type="bool", default=False),
    keep_versions=dict(type="int", no_log=False),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
)

MUTUALLY_EXCLUSIVE = [["src", "zip_file", "s3_bucket", "image_uri"]]
REQUIRED_TOGETHER = [["s3_bucket", "s3_key"], ["vpc_subnet_ids", "vpc_security_group_ids"]]
REQUIRED_BY = {"s3_object_version": "s3_bucket", "source_code_hash": "s3_bucket"}

RANGES = dict(timeout=(1, 900), memory_size=(128, 10240), ephemeral_storage=(512, 10240),
              reserved_concurrency=(-1, None), wait_timeout=(1, None), keep_versions=(1, None))


def _env_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _sub(params, key, mapping):
    """A sub-dictionary option mapped to API names; None when not given."""
    value = params.get(key)
    if value is None:
        return None
    return dict((api, value.get(option)) for option, api in mapping.items())


def layer_arn(item, resolve=None):
    """The layer version ARN of one ``layers`` item, or a CodeError saying what is wrong.

    A layer given by name and version is looked up with ``resolve(name, version)``; without
    ``resolve`` (local checks only) such an item gives None.
    """
    if isinstance(item, str):
        arn = item
    elif isinstance(item, dict):
        arn = item.get("layer_version_arn")
        name = item.get("layer_name") or item.get("layer_arn")
        version = item.get("version", item.get("layer_version"))
        if arn is None and (not name or version is None):
            raise CodeError("layers: %r must give layer_version_arn, or layer_name (or layer_arn) with version." % item)
        if arn is None and LAYER_ARN.match(name):
            arn = "%s:%s" % (name, version)
        elif arn is None:
            if resolve is None:
                return None
            arn = resolve(name, version)
    else:
        raise CodeError("layers: each item is a layer version ARN or a dictionary, not %r." % (item,))
    if not LAYER_VERSION_ARN.match(str(arn)):
        raise CodeError("layers: %s is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)." % arn)
    return arn


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = [problem for problem in [function_name_problem(params["name"], "name")] if problem]
    for option, (low, high) in RANGES.items():
        value = params.get(option)
        if value is not None and (value < low or (high is not None and value > high)):
            errors.append("%s must be %s, not %s." % (
                option, "%s or more" % low if high is None else "between %s and %s" % (low, high), value))
    role = params.get("role")
    if role is not None and not (ROLE_ARN.match(role) if role.startswith("arn:") else ROLE_NAME.match(role)):
        errors.append("role: %s is neither an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME) nor a role name." % role)
    runtime = params.get("runtime")
    runtimes = model_enum("Runtime")
    if runtime is not None and runtimes and runtime not in runtimes:
        close = sorted(r for r in runtimes if r.rstrip("0123456789.x") == runtime.rstrip("0123456789.x"))
        errors.append("runtime: %s is not a Lambda runtime known to this botocore (%s); a runtime newer than "
                      "botocore needs a newer botocore." % (runtime, "known: " + ", ".join(close) if close
                                                            else "for example python3.13, nodejs22.x, java21"))
    dlq = params.get("dead_letter_arn")
    if dlq and not QUEUE_OR_TOPIC_ARN.match(dlq):
        errors.append("dead_letter_arn: %s is not an SQS queue or SNS topic ARN ('' removes the dead-letter target)." % dlq)
    kms = params.get("kms_key_arn")
    if kms and not KMS_KEY_ARN.match(kms):
        errors.append("kms_key_arn: %s is not a KMS key ARN ('' returns to the AWS managed key)." % kms)
    package_type = params.get("package_type") or ("Image" if params.get("image_uri") else None)
    if package_type == "Image":
        for option in ("runtime", "handler", "src", "zip_file", "s3_bucket"):
            if params.get(option) is not None:
                errors.append("%s does not apply to an Image function (image_uri / package_type=Image)." % option)
    elif package_type == "Zip" and params.get("image_uri"):
        errors.append("image_uri needs package_type=Image, not Zip.")
    for item in params.get("layers") or []:
        try:
            layer_arn(item)
        except CodeError as e:
            errors.append(str(e))
    return errors


def desired_function(params, package=None, resolve_layer=None):
    """The function the options ask for, in GetFunction's terms (see ``current_function``); None = not managed."""
    image = params.get("image_uri")
    package_type = params.get("package_type") or ("Image" if image else None)
    if package_type is None and (package is not None or params.get("s3_bucket")):
        package_type = "Zip"
    env = params.get("environment_variables")
    subnets = params.get("vpc_subnet_ids")
    reserved = params.get("reserved_concurrency")
    return dict(
        Role=params.get("role"),
        Runtime=params.get("runtime"),
        Handler=params.get("handler"),
        Description=params.get("description"),
        Timeout=params.get("timeout"),
        MemorySize=params.get("memory_size"),
        Environment=None if env is None else dict(Variables=dict((k, _env_value(v)) for k, v in env.items())),
        VpcConfig=None if subnets is None else dict(
            SubnetIds=sorted(subnets), SecurityGroupIds=sorted(params.get("vpc_security_group_ids") or [])),
        DeadLetterConfig=None if params.get("dead_letter_arn") is None else dict(TargetArn=params["dead_letter_arn"]),
        KMSKeyArn=params.get("kms_key_arn"),
        TracingConfig=None if params.get("tracing_mode") is None else dict(Mode=params["tracing_mode"]),
        Layers=None if params.get("layers") is None else [layer_arn(item, resolve_layer) for item in params["layers"]],
        FileSystemConfigs=None if params.get("file_system_configs") is None else [
            dict(Arn=fs["arn"], LocalMountPath=fs["local_mount_path"]) for fs in params["file_system_configs"]],
        ImageConfig=_sub(params, "image_config", dict(
            entry_point="EntryPoint", command="Command", working_directory="WorkingDirectory")),
        EphemeralStorage=None if params.get("ephemeral_storage") is None else dict(Size=params["ephemeral_storage"]),
        SnapStart=_sub(params, "snap_start", dict(apply_on="ApplyOn")),
        LoggingConfig=_sub(params, "logging_config", dict(
            log_format="LogFormat", application_log_level="ApplicationLogLevel",
            system_log_level="SystemLogLevel", log_group="LogGroup")),
        PackageType=package_type,
        Architectures=None if params.get("architecture") is None else [params["architecture"]],
        CodeSha256=package.sha256 if package is not None else params.get("source_code_hash"),
        ImageUri=image,
        Tags=params.get("tags"),
        ReservedConcurrency=reserved,
    )


class FunctionDeployer:
    """Sends the requests that create, update and delete one function."""

    def __init__(self, module, client, name, code_source, answer=None):
        self.module = module
        self.client = client
        self.name = name
        self.versions = PublishedVersions(client, name)
        self.pruned = None  # published versions before and after keep_versions deleted some
        self.code_source = code_source  # the Code parameter of CreateFunction / UpdateFunctionCode
        self.answer = answer  # the GetFunction answer read at the start
        self.configuration = answer["Configuration"] if answer else None
        self.settled_answer = None  # GetFunction's answer after the last wait, when there was one

    def _settle(self, configuration):
        """Remember the latest configuration; with wait, wait until the function settles and read it again.

        The read after a wait also gives the RevisionId AWS moves to when an update completes,
        which the next request of this run must carry.
        """
        self.configuration = configuration
        if self.module.params["wait"] and self.client.wait_until_settled(self.name, configuration=configuration):
            self.settled_answer = self.client.call("GetFunction", FunctionName=self.name)
            self.configuration = self.settled_answer["Configuration"]

    def _revision(self):
        return dict(RevisionId=self.configuration["RevisionId"]) if self.configuration.get("RevisionId") else {}

    def create(self, wanted):
        params = dict(FunctionName=self.name, Code=self.code_source, PackageType=wanted.get("PackageType", "Zip"),
                      Publish=self.module.params["publish"])
        params.update((k, v) for k, v in wanted.items() if k in CONFIG_FIELDS)
        if "Architectures" in wanted:
            params["Architectures"] = wanted["Architectures"]
        if wanted.get("Tags"):
            params["Tags"] = wanted["Tags"]
        configuration = self.client.call("CreateFunction", already_done=lambda error: self._created(wanted),
                                         **params)
        self.published = configuration.get("Version") if params["Publish"] else None
        # With Publish the answer describes the new version; the function itself is $LATEST.
        self._settle(dict(configuration, Version="$LATEST"))
        self._set_concurrency(wanted.get("ReservedConcurrency"), creating=True)
        return configuration

    def _created(self, wanted):
        """The function AWS says already exists, when it is the one this create asked for (code and every
        setting sent), in CreateFunction's answer shape; else None.

        That is what a create whose answer was lost leaves behind (botocore sent it again and AWS refused
        the second one), or another run creating the same function the same way at the same time.
        With publish the version that create published is looked up with PublishVersion, which answers
        the existing version when the code and configuration are those of a published one.
        """
        answer = self.client.call("GetFunction", missing_ok=True, FunctionName=self.name)
        sent = dict((k, v) for k, v in wanted.items() if k != "ReservedConcurrency")  # set after the create
        if answer is None or changed_fields(sent, current_function(answer), USER_KEYED):
            return None
        self.answer = answer
        configuration = answer["Configuration"]
        if self.module.params["publish"]:
            return self.client.call("PublishVersion", FunctionName=self.name, CodeSha256=configuration["CodeSha256"])
        return configuration

    def update(self, changes):
        code_changes = dict((k, v) for k, v in changes.items() if k in CODE_FIELDS)
        if code_changes:
            params = dict(FunctionName=self.name, **self.code_source)
            if "Architectures" in changes:
                params["Architectures"] = changes["Architectures"]
            params.update(self._revision())
            self._settle(self.client.call("UpdateFunctionCode", **params))
        current = current_function(self.answer)
        # Sub-options not given keep their current values (the whole setting is sent, so AWS cannot drop them).
        config_changes = dict((k, merged(current[k], without_none(v)) if isinstance(v, dict) and k not in USER_KEYED else v)
                              for k, v in changes.items() if k in CONFIG_FIELDS)
        if config_changes:
            params = dict(FunctionName=self.name, **config_changes)
            params.update(self._revision())
            self._settle(self.client.call("UpdateFunctionConfiguration", **params))
        if "Tags" in changes:
            add, remove = tag_changes(self.answer.get("Tags") or {}, changes["Tags"])
            arn = self.configuration["FunctionArn"].split(":function:")[0] + ":function:" + \
                self.configuration["FunctionName"]
            if remove:
                self.client.call("UntagResource", Resource=arn, TagKeys=remove)
            if add:
                self.client.call("TagResource", Resource=arn, Tags=add)
        if "ReservedConcurrency" in changes:
            self._set_concurrency(changes["ReservedConcurrency"])
        return self.configuration

    def _set_concurrency(self, reserved, creating=False):
        if reserved is None or (creating and reserved < 0):
            return
        if reserved < 0:
            self.client.call("DeleteFunctionConcurrency", FunctionName=self.name)
        else:
            self.client.call("PutFunctionConcurrency", FunctionName=self.name, ReservedConcurrentExecutions=reserved)

    def delete(self):
        return self.client.call("DeleteFunction", FunctionName=self.name)

    def publish(self):
        """Publish $LATEST as a version; returns the version number."""
        params = dict(FunctionName=self.name, CodeSha256=self.configuration["CodeSha256"])
        params.update(self._revision())
        version = self.client.call("PublishVersion", **params)
        self.versions.published(version)
        if self.module.params["wait"] and version.get("State") == "Pending":
            self.client.wait_until_settled(self.name, qualifier=version["Version"])
        return version["Version"]


def resolve_role(client, desired, current):
    """Turn a role name into its ARN: the current role when it has that name, else IAM's answer."""
    role = desired.get("Role")
    if role is None or role.startswith("arn:"):
        return
    if current and current.get("Role", "").split("/")[-1] == role:
        desired["Role"] = current["Role"]
        return
    answer = client.call("GetRole", service="iam", missing_ok=True, RoleName=role)
    if answer is None:
        client.module.fail_json(msg="role: the IAM role %s was not found. Give an existing role name or ARN." % role)
    desired["Role"] = answer["Role"]["Arn"]


def layer_version_arn(client, name, version):
    """The ARN of layer ``name`` version ``version`` (GetLayerVersion), for layers given by name."""
    answer = client.call("GetLayerVersion", missing_ok=True, LayerName=name, VersionNumber=int(version))
    if answer is None:
        client.module.fail_json(msg="layers: version %s of the layer %s was not found. Publish it first "
                                    "(cloudfn.aws_lambda.lambda_layer), or give a version the layer has "
                                    "(cloudfn.aws_lambda.lambda_layer_info lists them)." % (version, name))
    return answer["LayerVersionArn"]


def check_creatable(module, desired, code_source):
    """The options a new function needs, checked before CreateFunction."""
    missing = []
    if code_source is None:
        missing.append("code (one of src, zip_file, s3_bucket + s3_key, image_uri)")
    if desired.get("Role") is None:
        missing.append("role")
    if desired.get("PackageType") != "Image":
        missing.extend(option for option in ("runtime", "handler") if desired.get(option.capitalize()) is None)
    if missing:
        module.fail_json(msg="Creating function %s needs: %s." % (module.params["name"], ", ".join(missing)))


def check_updatable(module, desired, current, changes_code_source):
    if desired.get("PackageType") and desired["PackageType"] != current.get("PackageType"):
        module.fail_json(msg="package_type cannot change from %s to %s on an existing function: delete it and "
                             "create it again." % (current.get("PackageType"), desired["PackageType"]))
    if desired.get("Architectures") and desired["Architectures"] != current.get("Architectures") \
            and not changes_code_source:
        module.fail_json(msg="architecture: changing it re-sends the code, so give the code too "
                             "(src, zip_file, s3_bucket + s3_key or image_uri).")


def run(module, client):
    """Converge the function; the task's result."""
    params = module.params
    package, code_source = plan_code(module, params)
    desired = desired_function(params, package, resolve_layer=lambda name, version: layer_version_arn(client, name, version))
    answer = client.call("GetFunction", missing_ok=True, FunctionName=params["name"])
    current = current_function(answer)
    deployer = FunctionDeployer(module, client, params["name"], code_source, answer)

    if params["state"] == "present":
        if current is None:
            check_creatable(module, desired, code_source)
        else:
            check_updatable(module, desired, current, code_source is not None)
            if params.get("tags") is not None and not params["purge_tags"]:
                desired["Tags"] = dict(current["Tags"], **params["tags"])
        if desired["CodeSha256"] is None and params.get("s3_bucket"):
            desired["CodeSha256"] = s3_code_sha256(client, params)
        resolve_role(client, desired, current)

    outcome = ensure(module, current, desired, create=deployer.create, update=deployer.update,
                     delete=deployer.delete, state=params["state"])
    result = dict()
    if params["state"] == "present":
        result.update(function_result(module, client, deployer, outcome, answer))
    result["changed"] = outcome.changed or bool(result.get("deleted_versions"))
    if module._diff:
        result["diff"] = outcome.diff
        if deployer.pruned:
            result["diff"]["before"]["versions"] = deployer.pruned["before"]
            result["diff"]["after"]["versions"] = deployer.pruned["after"]
    if params["mask_environment_values"]:
        mask_environment_values(result, params)
    return result


def main():
    run_module(ARGUMENT_SPEC, run, mutually_exclusive=MUTUALLY_EXCLUSIVE, required_together=REQUIRED_TOGETHER,
               required_by=REQUIRED_BY, validate=validate)


def function_result(module, client, deployer, outcome, answer):
    """configuration, code, tags, reserved_concurrency and version as the task returns them."""
    params = module.params
    version = None
    if params["publish"]:
        version, published = publish_if_needed(module, client, deployer, outcome)
        outcome.changed = outcome.changed or published
    if module.check_mode or outcome.action is None:
        base = current_function(answer) or {}
        predicted = merged(base, outcome.changes)
        configuration = merged(answer["Configuration"], dict(
            (k, v) for k, v in outcome.changes.items() if k in CONFIG_FIELDS)) if answer \
            else dict((k, v) for k, v in outcome.changes.items() if k in CONFIG_FIELDS)
        if not answer:
            configuration.update(FunctionName=params["name"], PackageType=predicted.get("PackageType"))
        code = dict(answer.get("Code", {})) if answer else {}
        code.update(Sha256=predicted.get("CodeSha256"), Size=(answer or {}).get("Configuration", {}).get("CodeSize"))
        tags, reserved = predicted.get("Tags") or {}, predicted.get("ReservedConcurrency")
    else:
        configuration = deployer.configuration
        code = dict((deployer.settled_answer or {}).get("Code", {}))
        code.update(Sha256=configuration.get("CodeSha256"), Size=configuration.get("CodeSize"))
        fresh = merged(current_function(answer) or {}, outcome.changes)
        tags, reserved = fresh.get("Tags") or {}, fresh.get("ReservedConcurrency")
    result = dict(configuration=snake_dict(configuration), code=snake_dict(code), tags=tags,
                  reserved_concurrency=None if reserved is None or reserved < 0 else reserved)
    if params["publish"]:
        result["version"] = version
    if params["keep_versions"] is not None:
        result["deleted_versions"] = prune_versions(module, client, deployer, answer is not None,
                                                    pending=params["publish"] and version is None)
    return result


# What mask_environment_values shows instead of an environment variable's value; after a change, the diff's
# "after" side shows the second for a variable whose value changes, so the diff still tells which ones change.
ENVIRONMENT_VALUE_MASK = "VALUE_HIDDEN"
CHANGED_ENVIRONMENT_VALUE_MASK = "VALUE_HIDDEN (changed)"


def mask_environment_values(result, params):
    """Replace every environment variable value in the task's result (configuration, diff, arguments) by a mask.

    Only what the task returns changes: the comparison and the requests used the real values before.
    """
    configuration = result.get("configuration") or {}
    _mask_variables(configuration.get("environment"))
    diff = result.get("diff") or {}
    before = (diff.get("before") or {}).get("environment") or {}
    after = (diff.get("after") or {}).get("environment") or {}
    old_values = dict(before.get("variables") or {})
    _mask_variables(before)
    _mask_variables(after, changed_from=old_values if "variables" in before else None)
    if params.get("environment_variables") is not None:
        # The task's arguments, as ansible-core returns them in the result (its "invocation" key).
        result["invocation"] = dict(module_args=dict(params, environment_variables=dict.fromkeys(
            params["environment_variables"], ENVIRONMENT_VALUE_MASK)))


def _mask_variables(environment, changed_from=None):
    """Mask the values of ``environment["variables"]`` in place; with ``changed_from`` (the values before),
    a variable whose value differs from its old one gets CHANGED_ENVIRONMENT_VALUE_MASK."""
    variables = (environment or {}).get("variables")
    if not isinstance(variables, dict):
        return
    environment["variables"] = dict(
        (name, CHANGED_ENVIRONMENT_VALUE_MASK if changed_from is not None and name in changed_from
         and changed_from[name] != value else ENVIRONMENT_VALUE_MASK)
        for name, value in variables.items())


def publish_if_needed(module, client, deployer, outcome):
    """(version, published?) for publish=true: publish after a versioned change, else reuse a matching version."""
    versioned_change = outcome.action == "create" or any(
        k in CONFIG_FIELDS or k in CODE_FIELDS for k in outcome.changes)
    if outcome.action == "create":
        return (None if module.check_mode else deployer.published), True
    if not versioned_change:
        match = deployer.versions.matching(deployer.configuration)
        if match is not None:
            return match, False
    if module.check_mode:
        return None, True
    return deployer.publish(), True


def prune_versions(module, client, deployer, existed, pending):
    """Delete the published versions beyond the newest keep_versions that nothing protects; the deleted ones.

    ``pending``: check mode predicts a new version that does not exist yet, which will be the newest.
    """
    if module.check_mode and not existed:
        return []
    versions = deployer.versions.read()
    numbers = [int(v["Version"]) for v in versions]
    candidates = versions_beyond(numbers, module.params["keep_versions"], pending)
    if not candidates:
        return []
    protected = protected_versions(client, module.params["name"])
    doomed = [str(n) for n in candidates if str(n) not in protected]
    if not module.check_mode:
        for version in doomed:
            client.call("DeleteFunction", FunctionName=module.params["name"], Qualifier=version)
    if doomed:
        deployer.pruned = dict(before=[v["Version"] for v in versions],
                               after=[v["Version"] for v in versions if v["Version"] not in doomed])
    return doomed


if __name__ == "__main__":
    main()
