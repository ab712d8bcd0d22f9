# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A Lambda function: its code, configuration, tags, reserved concurrency and published versions.

``read()`` is one GetFunction, turned by :func:`current_function` into the shape :func:`desired_function`
gives the options: UpdateFunctionConfiguration's field names, lists that AWS treats as sets sorted,
absent settings given the value AWS uses for them, plus the code hash, tags and reserved concurrency.
``plan`` resolves what needs a request (a role or layer given by name, an S3 package's hash) and checks
every value before the first write; ``apply`` creates or updates (code, configuration, tags, reserved
concurrency) with the RevisionId read, waiting for the function to settle in between; then the
function may publish a version and prune old ones (``keep_versions``).

:data:`ARGUMENT_SPEC` (with :data:`MUTUALLY_EXCLUSIVE`, :data:`REQUIRED_TOGETHER`, :data:`REQUIRED_BY`) is
the lambda_function module's, for every caller that takes the same definition of a function.
"""


from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import (
    fits_model_string,
    model_enum,
    service_model,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import (
    CodeError,
    Source,
    code_source as code_parameter,
    function_package,
    local_source,
    s3_code_sha256,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, NotFound
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.layer import list_versions
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    KMS_KEY_ARN,
    LAYER_ARN,
    LAYER_VERSION_ARN,
    QUEUE_OR_TOPIC_ARN,
    ROLE_ARN,
    ROLE_NAME,
    function_name_of,
    function_name_problem,
    layer_arn_of,
    unqualified_function_arn,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    ARCHITECTURES,
    ZIP_SOURCE_REQUIRED_BY,
    ZIP_SOURCE_REQUIRED_TOGETHER,
    function_options,
    model_bounds,
    range_errors,
    state_option,
    sub_option,
    tags_options,
    wait_options,
    zip_source_options,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import parse_policy, statements
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    USER_KEYED,
    merged,
    snake_dict,
    without_none,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.tags import (
    desired_tags,
    send_tag_changes,
    string_values,
    text_value_problems,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.versions import (
    PublishedVersions,
    next_version,
    prune,
    pruning_diff,
)

ARGUMENT_SPEC = function_options("name", aliases=["function_name"])
ARGUMENT_SPEC.update(state_option())
ARGUMENT_SPEC.update(zip_source_options())
ARGUMENT_SPEC.update(
    # FunctionCode's members besides the code itself (sent with it: code_source); the choices of
    # s3_object_storage_mode are botocore's enum S3ObjectStorageMode (checked in validate).
    source_kms_key_arn=dict(type="str", no_log=False),
    s3_object_storage_mode=dict(type="str"),
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
    architecture=dict(type="str", choices=ARCHITECTURES, aliases=["architectures"]),
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
    vpc_ipv6_allowed_for_dual_stack=dict(type="bool"),
    code_signing_config_arn=dict(type="str"),
    recursive_loop=dict(type="str", choices=["Allow", "Terminate"]),
    runtime_management=dict(type="dict", options=dict(
        update_runtime_on=dict(type="str", choices=["Auto", "FunctionUpdate", "Manual"], required=True),
        runtime_version_arn=dict(type="str"),
    )),
    tenancy_config=dict(type="dict", options=dict(
        tenant_isolation_mode=dict(type="str", choices=["PER_TENANT"], required=True),
    )),
    durable_config=dict(type="dict", options=dict(
        kms_key_arn=dict(type="str", no_log=False),
        retention_period_in_days=dict(type="int"),
        execution_timeout=dict(type="int"),
    )),
    capacity_provider_config=dict(type="dict", options=dict(
        capacity_provider_arn=dict(type="str", required=True),
        per_execution_environment_max_concurrency=dict(type="int"),
        execution_environment_memory_gib_per_vcpu=dict(type="float"),
    )),
    accelerator_config=dict(type="dict", options=dict(
        accelerator_memory_size=dict(type="int", required=True),
    )),
    runtime_config=dict(type="dict", options=dict(
        runtime_arn=dict(type="str", required=True),
        runtime_alias=dict(type="str", required=True),
    )),
)
ARGUMENT_SPEC.update(tags_options())
ARGUMENT_SPEC.update(
    reserved_concurrency=dict(type="int"),
    publish=dict(type="bool", default=False),
    publish_to=dict(type="str", choices=["LATEST_PUBLISHED"]),
    keep_versions=dict(type="int", no_log=False),
)
ARGUMENT_SPEC.update(wait_options())

MUTUALLY_EXCLUSIVE = [["src", "zip_file", "s3_bucket", "image_uri"]]
REQUIRED_TOGETHER = ZIP_SOURCE_REQUIRED_TOGETHER + [["vpc_subnet_ids", "vpc_security_group_ids"]]
REQUIRED_BY = dict(ZIP_SOURCE_REQUIRED_BY)


def ranges():
    """option -> (low, high): the numbers botocore's service model allows, and the collection's own bounds."""
    return dict(timeout=model_bounds("Timeout", low=1), memory_size=model_bounds("MemorySize", low=128),
                ephemeral_storage=model_bounds("EphemeralStorage", "Size", low=512),
                reserved_concurrency=(-1, None), wait_timeout=(1, None), keep_versions=(1, None))


# Sub-options with a range in botocore's service model: "option.suboption" -> (shape, member).
SUB_OPTION_RANGES = {
    "durable_config.retention_period_in_days": ("DurableConfig", "RetentionPeriodInDays"),
    "durable_config.execution_timeout": ("DurableConfig", "ExecutionTimeout"),
    "capacity_provider_config.per_execution_environment_max_concurrency": (
        "LambdaManagedInstancesCapacityProviderConfig", "PerExecutionEnvironmentMaxConcurrency"),
    "capacity_provider_config.execution_environment_memory_gib_per_vcpu": (
        "LambdaManagedInstancesCapacityProviderConfig", "ExecutionEnvironmentMemoryGiBPerVCpu"),
    "accelerator_config.accelerator_memory_size": ("AcceleratorConfig", "AcceleratorMemorySize"),
}


def sub_option_range_errors(params):
    """The messages for the numeric sub-options outside the range botocore's service model gives them."""
    values, bounds = {}, {}
    for path, (shape, member) in SUB_OPTION_RANGES.items():
        option, suboption = path.split(".")
        values[path] = (params.get(option) or {}).get(suboption)
        bounds[path] = model_bounds(shape, member)
    return range_errors(values, bounds)


def model_pattern_problem(option, value, shape, what, example):
    """A message when ``value`` does not match the pattern botocore's service model gives the string shape
    ``shape`` (None when it matches, or when the model has no such pattern)."""
    if value is None or fits_model_string(value, shape, lengths=False):
        return None
    return "%s: %s is not %s (%s)." % (option, value, what, example)


# Fields set with UpdateFunctionConfiguration; they are part of a published version.
CONFIG_FIELDS = ("Role", "Runtime", "Handler", "Description", "Timeout", "MemorySize", "Environment",
                 "VpcConfig", "DeadLetterConfig", "KMSKeyArn", "TracingConfig", "Layers",
                 "FileSystemConfigs", "ImageConfig", "EphemeralStorage", "SnapStart", "LoggingConfig",
                 "DurableConfig", "CapacityProviderConfig", "AcceleratorConfig", "RuntimeConfig")
# Fields only CreateFunction takes: they cannot change afterwards (plan refuses a change before any write).
CREATE_ONLY_FIELDS = ("TenancyConfig",)
# Settings of their own operations, read only when their option is given (Function.read_settings):
# field -> (the read, the write). CreateFunction takes CodeSigningConfigArn; the others are sent after it.
SETTING_FIELDS = dict(
    CodeSigningConfigArn=("GetFunctionCodeSigningConfig", "PutFunctionCodeSigningConfig"),
    RecursiveLoop=("GetFunctionRecursionConfig", "PutFunctionRecursionConfig"),
    RuntimeManagement=("GetRuntimeManagementConfig", "PutRuntimeManagementConfig"),
)
# What a new function has when nothing is sent for a setting (no request for it after CreateFunction).
SETTING_DEFAULTS = dict(CodeSigningConfigArn="", RecursiveLoop="Terminate",
                        RuntimeManagement=dict(UpdateRuntimeOn="Auto"))
# Fields set with UpdateFunctionCode (SourceKMSKeyArn: GetFunction's Code.SourceKMSKeyArn, "" for the AWS owned key).
CODE_FIELDS = ("CodeSha256", "ImageUri", "Architectures", "SourceKMSKeyArn")
# The version publish_to=LATEST_PUBLISHED publishes (again) instead of a numbered one.
LATEST_PUBLISHED = "$LATEST.PUBLISHED"
# What a change makes AWS set anew: unknown before it (null in a check-mode prediction).
CHANGE_FIELDS = ("RevisionId", "LastModified")

# What mask_environment_values shows instead of an environment variable's value; after a change, the diff's
# "after" side shows the second for a variable whose value changes, so the diff still tells which ones change.
ENVIRONMENT_VALUE_MASK = "VALUE_HIDDEN"
CHANGED_ENVIRONMENT_VALUE_MASK = "VALUE_HIDDEN (changed)"


# ------------------------------------------------------------------ the shape

def function_view(configuration, code=None):
    """The comparable fields of one function configuration (of $LATEST or of a published version)."""
    c = configuration
    vpc = c.get("VpcConfig") or {}
    return dict(
        Role=c.get("Role"),
        Runtime=c.get("Runtime"),
        Handler=c.get("Handler"),
        Description=c.get("Description", ""),
        Timeout=c.get("Timeout"),
        MemorySize=c.get("MemorySize"),
        Environment=dict(Variables=(c.get("Environment") or {}).get("Variables") or {}),
        VpcConfig=dict(SubnetIds=sorted(vpc.get("SubnetIds") or []),
                       SecurityGroupIds=sorted(vpc.get("SecurityGroupIds") or []),
                       Ipv6AllowedForDualStack=bool(vpc.get("Ipv6AllowedForDualStack"))),
        DeadLetterConfig=dict(TargetArn=(c.get("DeadLetterConfig") or {}).get("TargetArn") or ""),
        KMSKeyArn=c.get("KMSKeyArn") or "",
        TracingConfig=dict(Mode=(c.get("TracingConfig") or {}).get("Mode") or "PassThrough"),
        Layers=[layer["Arn"] for layer in c.get("Layers") or []],
        FileSystemConfigs=[dict(Arn=fs.get("Arn"), LocalMountPath=fs.get("LocalMountPath"))
                           for fs in c.get("FileSystemConfigs") or []],
        ImageConfig=(c.get("ImageConfigResponse") or {}).get("ImageConfig") or {},
        EphemeralStorage=dict(Size=(c.get("EphemeralStorage") or {}).get("Size", 512)),
        SnapStart=dict(ApplyOn=(c.get("SnapStart") or {}).get("ApplyOn") or "None"),
        LoggingConfig=c.get("LoggingConfig") or {},
        DurableConfig=c.get("DurableConfig") or {},
        CapacityProviderConfig=c.get("CapacityProviderConfig") or {},
        AcceleratorConfig=c.get("AcceleratorConfig") or {},
        RuntimeConfig=c.get("RuntimeConfig") or {},
        TenancyConfig=c.get("TenancyConfig") or {},
        PackageType=c.get("PackageType") or "Zip",
        Architectures=c.get("Architectures") or ["x86_64"],
        CodeSha256=c.get("CodeSha256"),
        ImageUri=(code or {}).get("ImageUri"),
        SourceKMSKeyArn=(code or {}).get("SourceKMSKeyArn") or "",
    )


def runtime_management_view(answer):
    """A GetRuntimeManagementConfig answer (or a desired runtime_management) in one shape: AWS gives the runtime
    version ARN only for Manual."""
    answer = answer or {}
    return dict(UpdateRuntimeOn=answer.get("UpdateRuntimeOn") or "Auto", RuntimeVersionArn=answer.get("RuntimeVersionArn"))


def current_function(answer):
    """The function as read by GetFunction, in the desired shape; None when it does not exist."""
    if answer is None:
        return None
    view = function_view(answer["Configuration"], answer.get("Code"))
    view["Tags"] = answer.get("Tags") or {}
    view["ReservedConcurrency"] = (answer.get("Concurrency") or {}).get("ReservedConcurrentExecutions", -1)
    return view


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
    errors.extend(range_errors(params, ranges()))
    errors.extend(text_value_problems("tags", params.get("tags")))
    errors.extend(text_value_problems("environment_variables", params.get("environment_variables")))
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
    errors.extend(sub_option_range_errors(params))
    errors.extend(new_setting_problems(params, package_type))
    errors.extend(code_setting_problems(params, package_type))
    return errors


def function_code_members():
    """The members of botocore's FunctionCode shape (CreateFunction's Code); empty without botocore."""
    model = service_model()
    return set(model.shape_for("FunctionCode").members) if model else set()


def code_setting_problems(params, package_type):
    """Local checks of source_kms_key_arn and s3_object_storage_mode (FunctionCode's SourceKMSKeyArn and
    S3ObjectStorageMode, sent with the code)."""
    errors = []
    members = function_code_members()
    key = params.get("source_kms_key_arn")
    if key is not None and members and "SourceKMSKeyArn" not in members:
        errors.append("source_kms_key_arn needs a newer botocore: this one's Lambda model has no FunctionCode.SourceKMSKeyArn.")
    elif key:
        if not KMS_KEY_ARN.match(key) or not fits_model_string(key, "KMSKeyArn", lengths=False):
            errors.append("source_kms_key_arn: %s is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID; '' returns "
                          "the deployment package to the AWS owned key)." % key)
        if package_type == "Image":
            errors.append("source_kms_key_arn: a customer managed key encrypts a .zip deployment package; an Image "
                          "function's code is its container image (leave source_kms_key_arn out).")
    mode = params.get("s3_object_storage_mode")
    if mode is not None:
        modes = model_enum("S3ObjectStorageMode")
        if members and not modes:
            errors.append("s3_object_storage_mode needs a newer botocore: this one's Lambda model has no S3ObjectStorageMode.")
        elif modes and mode not in modes:
            errors.append("s3_object_storage_mode: %s is not one of %s." % (mode, ", ".join(modes)))
        if not params.get("s3_bucket"):
            errors.append("s3_object_storage_mode: it says how Lambda keeps code from S3, so it goes with s3_bucket and "
                          "s3_key (src, zip_file and image_uri are not stored from S3).")
    return errors


def new_setting_problems(params, package_type):
    """Local checks of the settings added to Lambda after the first release of the module."""
    errors = []
    signing = params.get("code_signing_config_arn")
    if signing:
        errors.append(model_pattern_problem(
            "code_signing_config_arn", signing, "CodeSigningConfigArn", "a code signing configuration ARN",
            "arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-ID; '' removes it"))
        if package_type == "Image":
            errors.append("code_signing_config_arn: code signing applies to Zip functions, not to an Image function.")
    runtime = params.get("runtime_management")
    if runtime is not None:
        arn = runtime.get("runtime_version_arn")
        if runtime["update_runtime_on"] == "Manual" and not arn:
            errors.append("runtime_management: update_runtime_on=Manual needs runtime_version_arn (the runtime "
                          "version to stay on; the function's configuration.runtime_version_config shows its current one).")
        elif runtime["update_runtime_on"] != "Manual" and arn is not None:
            errors.append("runtime_management: runtime_version_arn applies only to update_runtime_on=Manual, "
                          "not %s; leave it out." % runtime["update_runtime_on"])
        errors.append(model_pattern_problem(
            "runtime_management.runtime_version_arn", arn, "RuntimeVersionArn", "a runtime version ARN",
            "arn:aws:lambda:REGION::runtime:ID"))
        if package_type == "Image":
            errors.append("runtime_management does not apply to an Image function: its runtime is in the image.")
    if params.get("vpc_ipv6_allowed_for_dual_stack") and params.get("vpc_subnet_ids") == []:
        errors.append("vpc_ipv6_allowed_for_dual_stack: a function without VPC subnets (vpc_subnet_ids: []) has "
                      "no IPv6 traffic to allow; leave it out or give the dual-stack subnets.")
    durable_kms = (params.get("durable_config") or {}).get("kms_key_arn")
    if durable_kms and not KMS_KEY_ARN.match(durable_kms):
        errors.append("durable_config.kms_key_arn: %s is not a KMS key ARN ('' uses an AWS owned key)." % durable_kms)
    provider = (params.get("capacity_provider_config") or {}).get("capacity_provider_arn")
    errors.append(model_pattern_problem(
        "capacity_provider_config.capacity_provider_arn", provider, "CapacityProviderArn", "a capacity provider ARN",
        "arn:aws:lambda:REGION:ACCOUNT:capacity-provider:NAME"))
    errors.append(model_pattern_problem(
        "runtime_config.runtime_arn", (params.get("runtime_config") or {}).get("runtime_arn"), "FunctionRuntimeArn",
        "a customer-managed runtime ARN", "arn:aws:lambda:REGION:ACCOUNT:runtime/NAME"))
    if params.get("publish_to") is not None and not params.get("publish"):
        errors.append("publish_to: it says where publish=true publishes; set publish: true (or leave publish_to out).")
    return [error for error in errors if error]


def desired_function(params, package=None, resolve_layer=None):
    """The function the options ask for, in GetFunction's terms (see ``current_function``); None = not managed.

    Every value is in the form AWS takes (environment and tag values as strings), so nothing is
    refused halfway through the writes for its type.
    """
    image = params.get("image_uri")
    package_type = params.get("package_type") or ("Image" if image else None)
    if package_type is None and (package is not None or params.get("s3_bucket")):
        package_type = "Zip"
    env = params.get("environment_variables")
    subnets = params.get("vpc_subnet_ids")
    vpc = None if subnets is None else dict(
        SubnetIds=sorted(subnets), SecurityGroupIds=sorted(params.get("vpc_security_group_ids") or []))
    if params.get("vpc_ipv6_allowed_for_dual_stack") is not None:
        vpc = dict(vpc or {}, Ipv6AllowedForDualStack=params["vpc_ipv6_allowed_for_dual_stack"])
    capacity = sub_option(params, "capacity_provider_config", dict(
        capacity_provider_arn="CapacityProviderArn",
        per_execution_environment_max_concurrency="PerExecutionEnvironmentMaxConcurrency",
        execution_environment_memory_gib_per_vcpu="ExecutionEnvironmentMemoryGiBPerVCpu"))
    return dict(
        Role=params.get("role"),
        Runtime=params.get("runtime"),
        Handler=params.get("handler"),
        Description=params.get("description"),
        Timeout=params.get("timeout"),
        MemorySize=params.get("memory_size"),
        Environment=None if env is None else dict(Variables=string_values(env)),
        VpcConfig=vpc,
        DeadLetterConfig=None if params.get("dead_letter_arn") is None else dict(TargetArn=params["dead_letter_arn"]),
        KMSKeyArn=params.get("kms_key_arn"),
        TracingConfig=None if params.get("tracing_mode") is None else dict(Mode=params["tracing_mode"]),
        Layers=None if params.get("layers") is None else [layer_arn(item, resolve_layer) for item in params["layers"]],
        FileSystemConfigs=None if params.get("file_system_configs") is None else [
            dict(Arn=fs["arn"], LocalMountPath=fs["local_mount_path"]) for fs in params["file_system_configs"]],
        ImageConfig=sub_option(params, "image_config", dict(
            entry_point="EntryPoint", command="Command", working_directory="WorkingDirectory")),
        EphemeralStorage=None if params.get("ephemeral_storage") is None else dict(Size=params["ephemeral_storage"]),
        SnapStart=sub_option(params, "snap_start", dict(apply_on="ApplyOn")),
        LoggingConfig=sub_option(params, "logging_config", dict(
            log_format="LogFormat", application_log_level="ApplicationLogLevel",
            system_log_level="SystemLogLevel", log_group="LogGroup")),
        DurableConfig=sub_option(params, "durable_config", dict(
            kms_key_arn="KMSKeyArn", retention_period_in_days="RetentionPeriodInDays",
            execution_timeout="ExecutionTimeout")),
        CapacityProviderConfig=None if capacity is None else dict(LambdaManagedInstancesCapacityProviderConfig=capacity),
        AcceleratorConfig=sub_option(params, "accelerator_config", dict(accelerator_memory_size="AcceleratorMemorySize")),
        RuntimeConfig=sub_option(params, "runtime_config", dict(runtime_arn="RuntimeArn", runtime_alias="RuntimeAlias")),
        TenancyConfig=sub_option(params, "tenancy_config", dict(tenant_isolation_mode="TenantIsolationMode")),
        SourceKMSKeyArn=params.get("source_kms_key_arn"),
        CodeSigningConfigArn=params.get("code_signing_config_arn"),
        RecursiveLoop=params.get("recursive_loop"),
        RuntimeManagement=sub_option(params, "runtime_management", dict(
            update_runtime_on="UpdateRuntimeOn", runtime_version_arn="RuntimeVersionArn")),
        PackageType=package_type,
        Architectures=None if params.get("architecture") is None else [params["architecture"]],
        CodeSha256=package.sha256 if package is not None else params.get("source_code_hash"),
        ImageUri=image,
        Tags=desired_tags(params.get("tags")),
        ReservedConcurrency=params.get("reserved_concurrency"),
    )


# ------------------------------------------------------------------ checks that need the current function

def check_creatable(task, desired, code_source):
    """The options a new function needs, checked before CreateFunction."""
    vpc = desired.get("VpcConfig") or {}
    if vpc.get("Ipv6AllowedForDualStack") and not vpc.get("SubnetIds"):
        raise InvalidInput("vpc_ipv6_allowed_for_dual_stack needs vpc_subnet_ids and vpc_security_group_ids "
                           "(the function's dual-stack subnets) when the function is created.")
    missing = []
    if code_source is None:
        missing.append("code (one of src, zip_file, s3_bucket + s3_key, image_uri)")
    if desired.get("Role") is None:
        missing.append("role")
    if desired.get("PackageType") != "Image":
        missing.extend(option for option in ("runtime", "handler") if desired.get(option.capitalize()) is None)
    if missing:
        raise InvalidInput("Creating function %s needs: %s." % (task.params["name"], ", ".join(missing)))


def check_updatable(task, desired, current, changes_code_source):
    if desired.get("PackageType") and desired["PackageType"] != current.get("PackageType"):
        raise InvalidInput("package_type cannot change from %s to %s on an existing function: delete it and "
                           "create it again." % (current.get("PackageType"), desired["PackageType"]))
    if desired.get("Architectures") and desired["Architectures"] != current.get("Architectures") \
            and not changes_code_source:
        raise InvalidInput("architecture: changing it re-sends the code, so give the code too "
                           "(src, zip_file, s3_bucket + s3_key or image_uri).")
    key = desired.get("SourceKMSKeyArn")
    if key and current.get("PackageType") == "Image":
        raise InvalidInput("source_kms_key_arn: function %s is an Image function; a customer managed key encrypts a "
                           ".zip deployment package only (leave source_kms_key_arn out)." % task.params["name"])
    if key is not None and key != current.get("SourceKMSKeyArn") and not changes_code_source:
        raise InvalidInput("source_kms_key_arn: changing the key that encrypts the deployment package re-sends the "
                           "code (UpdateFunctionCode), so give the code too (src, zip_file or s3_bucket + s3_key); "
                           "the function's key is %s." % (current.get("SourceKMSKeyArn") or "the AWS owned key ('')"))
    check_create_only(desired, current)


def check_create_only(desired, current):
    """Settings AWS takes only when a function is created: a change of one fails before any write, naming it."""
    tenancy = desired.get("TenancyConfig")
    if tenancy is not None and reconcile.differs(tenancy, current.get("TenancyConfig")):
        raise InvalidInput("tenancy_config cannot change after the function is created (it is %s, the task asks for %s): "
                           "leave tenancy_config out, or delete the function and create it again." % (
                               (current.get("TenancyConfig") or {}).get("TenantIsolationMode") or "not set",
                               tenancy.get("TenantIsolationMode")))
    if desired.get("DurableConfig") is not None and not current.get("DurableConfig"):
        raise InvalidInput("durable_config: durable execution is enabled only when a function is created, and "
                           "this function was created without it: leave durable_config out, or delete the function "
                           "and create it again with durable_config.")
    if desired.get("CapacityProviderConfig") is not None and not current.get("CapacityProviderConfig"):
        raise InvalidInput("capacity_provider_config: a function runs on a capacity provider only when it is created "
                           "with one, and this function was not: leave capacity_provider_config out, or delete the "
                           "function and create it again with capacity_provider_config.")
    vpc = desired.get("VpcConfig") or {}
    subnets = vpc["SubnetIds"] if "SubnetIds" in vpc else (current.get("VpcConfig") or {}).get("SubnetIds")
    if vpc.get("Ipv6AllowedForDualStack") and not subnets:
        raise InvalidInput("vpc_ipv6_allowed_for_dual_stack: the function has no VPC subnets; give vpc_subnet_ids "
                           "and vpc_security_group_ids (dual-stack subnets) with it.")
    if desired.get("RuntimeManagement") is not None and current.get("PackageType") == "Image":
        raise InvalidInput("runtime_management does not apply to an Image function: its runtime is in the image.")


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
        raise NotFound("role: the IAM role %s was not found. Give an existing role name or ARN." % role)
    desired["Role"] = answer["Role"]["Arn"]


def layer_version_arn(client, name, version, check_mode=False, function_arn=None):
    """The ARN of layer ``name`` version ``version`` (GetLayerVersion), for layers given by name.

    In check mode a version exactly one above the layer's latest (1 for a layer without versions, in the
    account and region of ``function_arn``) is taken as the one an earlier lambda_layer task of this run
    would publish, with a warning.
    """
    answer = client.call("GetLayerVersion", missing_ok=True, LayerName=name, VersionNumber=int(version))
    if answer is not None:
        return answer["LayerVersionArn"]
    if check_mode:
        arn = next_layer_version_arn(client, name, version, function_arn)
        if arn is not None:
            return arn
    raise NotFound("layers: version %s of the layer %s was not found. Publish it first "
                   "(cloudfn.aws_lambda.lambda_layer), or give a version the layer has "
                   "(cloudfn.aws_lambda.lambda_layer_info lists them)." % (version, name))


def next_layer_version_arn(client, name, version, function_arn=None):
    """The ARN of layer ``name``'s version ``version`` when it is exactly the next one the layer will publish,
    with a warning (check mode only); else None."""
    versions = list_versions(client, name)
    if next_version([v["Version"] for v in versions]) != str(version):
        return None
    if versions:
        layer = layer_arn_of(versions[0]["LayerVersionArn"])
    elif function_arn and not LAYER_ARN.match(name):
        layer = "%s:layer:%s" % (function_arn.split(":function:")[0], name)
    else:
        return None
    client.module.warn("layers: version %s of the layer %s does not exist yet; check mode takes it as the version "
                       "an earlier lambda_layer task of this run would publish." % (version, name))
    return "%s:%s" % (layer, version)


# ------------------------------------------------------------------ versions

class FunctionVersions(PublishedVersions):
    """A function's published versions (not $LATEST), oldest first: one ListVersionsByFunction, when first needed."""

    def list_versions(self):
        return self.client.paginate("ListVersionsByFunction", "Versions", FunctionName=self.name)

    def matching(self, configuration):
        """The newest published version when it has the same code and configuration as ``configuration``."""
        versions = self.read()
        if not versions:
            return None
        newest = versions[-1]
        return newest["Version"] if same_version_content(configuration, newest) else None


def same_version_content(configuration, version):
    """True when the published ``version`` (its configuration) has the code and configuration of ``configuration``."""
    mine, theirs = function_view(configuration), function_view(version)
    return all(mine[k] == theirs[k] for k in CONFIG_FIELDS + ("CodeSha256", "Architectures"))


def protected_versions(client, name):
    """{version: why} for the versions an alias points to (by version or routing weight) or that have
    provisioned concurrency: version pruning never deletes those."""
    protected = {}
    for alias in client.paginate("ListAliases", "Aliases", FunctionName=name):
        protected.setdefault(alias["FunctionVersion"], "alias %s" % alias["Name"])
        for version in ((alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}):
            protected.setdefault(version, "alias %s (routing weight)" % alias["Name"])
    configs = client.paginate("ListProvisionedConcurrencyConfigs", "ProvisionedConcurrencyConfigs",
                              unsupported_ok=True, FunctionName=name)
    for config in configs or []:
        qualifier = config["FunctionArn"].rsplit(":", 1)[-1]
        if qualifier.isdigit():
            protected.setdefault(qualifier, "provisioned concurrency")
    return protected


def publish_if_needed(task, client, function, outcome):
    """(version, published?) for publish=true: publish after a versioned change, else reuse a matching version.

    In check mode the version a change would publish is None here (see Function.predicted_version).
    """
    versioned_change = outcome.action == "create" or any(
        k in CONFIG_FIELDS or k in CODE_FIELDS for k in outcome.changes)
    if outcome.action == "create":
        return (None if task.check_mode else function.published), True
    if not versioned_change and function.params.get("publish_to"):
        latest = client.call("GetFunctionConfiguration", missing_ok=True, FunctionName=function.name,
                             Qualifier=LATEST_PUBLISHED)
        if latest is not None and same_version_content(function.configuration, latest):
            return LATEST_PUBLISHED, False
    elif not versioned_change:
        candidate = function.candidate_version
        if candidate is not None and same_version_content(function.configuration, candidate):
            return candidate["Version"], False
        match = function.versions.matching(function.configuration)
        if match is not None:
            return match, False
    if task.check_mode:
        return None, True
    return function.publish(), True


def prune_versions(task, client, function, existed, pending):
    """Delete the published versions beyond the newest keep_versions that nothing protects; the deleted ones.

    ``pending``: check mode predicts a new version that does not exist yet, which will be the newest.
    """
    if task.check_mode and not existed:
        return []
    name = task.params["name"]
    numbers = function.versions.numbers()
    delete = None if task.check_mode else (
        lambda version: client.call("DeleteFunction", FunctionName=name, Qualifier=version))
    doomed = prune(numbers, task.params["keep_versions"], lambda: protected_versions(client, name), delete, pending)
    if doomed:
        function.pruned = pruning_diff(numbers, doomed)
    return doomed


# ------------------------------------------------------------------ reserved concurrency

def set_reserved_concurrency(client, name, reserved, creating=False):
    """PutFunctionConcurrency, or DeleteFunctionConcurrency for -1; nothing for None (or -1 on a new function)."""
    if reserved is None or (creating and reserved < 0):
        return
    if reserved < 0:
        client.call("DeleteFunctionConcurrency", FunctionName=name)
    else:
        client.call("PutFunctionConcurrency", FunctionName=name, ReservedConcurrentExecutions=reserved)


# ------------------------------------------------------------------ masking

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


# ------------------------------------------------------------------ the resource

def mappings_of(mappings, name):
    """The event source mappings (of a ListEventSourceMappings listing) of function ``name``, its versions and
    its aliases. AWS filters a listing by the exact function ARN, qualifier included, so a listing filtered by
    the function's name leaves out the mappings of its aliases: list them all and keep the function's."""
    return [m for m in mappings
            if function_name_of(unqualified_function_arn(m.get("FunctionArn") or ":function:")) == name]


class Function(Resource):
    """One Lambda function; ``code_source`` / ``answer`` may be handed in (else planned from the options / read)."""

    kind = "function"

    def __init__(self, task, client, code_source=None, answer=None):
        super().__init__(task, client)
        self.name = self.params["name"]
        self.versions = FunctionVersions(client, self.name)
        self.package = None  # code.CodePackage of src / zip_file
        self.source = None  # code.local_source's answer
        self.code_source = code_source  # the Code parameter of CreateFunction / UpdateFunctionCode
        self.pruned = None  # published versions before and after keep_versions deleted some
        self.published = None  # the version CreateFunction published (publish=true)
        self.settled_answer = None  # GetFunction's answer after the last wait, when there was one
        self.settings = {}  # the settings read_settings read (those the options manage)
        self._remember(answer)
        self.prefetched = answer is not None  # converge() uses ``answer`` instead of reading (lambda_app read it)
        self.publishing = None
        # A published version's configuration the caller read already (lambda_app: the one the function's alias
        # points to): when it matches, publish=true reuses it without listing the versions.
        self.candidate_version = None

    def _remember(self, answer):
        self.answer = answer  # the GetFunction answer read at the start
        self.configuration = answer["Configuration"] if answer else None

    @classmethod
    def validate(cls, params):
        return validate(params)

    # ---------------------------------------------------------------- read / desired / plan
    def read(self):
        self._remember(self.client.call("GetFunction", missing_ok=True, FunctionName=self.name))
        return self._current()

    def _current(self):
        """The GetFunction answer in the desired shape, with the settings of their own operations that the options
        manage (read_settings)."""
        current = current_function(self.answer)
        if current is not None:
            current.update(self.read_settings())
        return current

    def read_settings(self):
        """The settings GetFunction does not hold, each read only when its option is given (and the function exists):
        GetFunctionCodeSigningConfig for code_signing_config_arn, GetFunctionRecursionConfig for recursive_loop,
        GetRuntimeManagementConfig for runtime_management. A task without them sends none of these reads."""
        self.settings = {}
        if self.answer is None or not self.present:
            return {}
        params = self.params
        if params.get("code_signing_config_arn") is not None:
            answer = self.client.call(SETTING_FIELDS["CodeSigningConfigArn"][0], FunctionName=self.name)
            self.settings["CodeSigningConfigArn"] = answer.get("CodeSigningConfigArn") or ""
        if params.get("recursive_loop") is not None:
            answer = self.client.call(SETTING_FIELDS["RecursiveLoop"][0], FunctionName=self.name)
            self.settings["RecursiveLoop"] = answer.get("RecursiveLoop") or SETTING_DEFAULTS["RecursiveLoop"]
        if params.get("runtime_management") is not None:
            answer = self.client.call(SETTING_FIELDS["RuntimeManagement"][0], FunctionName=self.name)
            self.settings["RuntimeManagement"] = runtime_management_view(answer)
        return dict(self.settings)

    def plan_code(self):
        """The package of src / zip_file (read from the controller) and the Code parameter; local, no request.

        A src with requirements whose runtime or architecture the options omit is checked here and built by
        :meth:`finish_code` once the function is read (the deployed function's runtime and architecture).
        """
        self.source = local_source(self.params)
        self.package = None
        if self.waits_for_target():
            self.code_source = None
            return
        self._package()

    def waits_for_target(self):
        source, params = self.source, self.params
        return isinstance(source, Source) and source.needs_target and not (params.get("runtime") and params.get("architecture"))

    def finish_code(self):
        """Build the package that waited for the read (plan_code), for the deployed runtime and architecture."""
        if self.package is None and self.waits_for_target():
            configuration = self.configuration or {}
            self._package(configuration.get("Runtime"), (configuration.get("Architectures") or [None])[0])

    def _package(self, runtime=None, architecture=None):
        self.package = function_package(self.source, self.params, runtime, architecture, self.task.run_command)
        self.code_source = code_parameter(self.params, self.package)
        for warning in self.package.warnings if self.package is not None else []:
            self.task.warn(warning)

    def desired(self):
        """What the options ask for; layers given by name are looked up (GetLayerVersion)."""
        try:
            return desired_function(self.params, self.package, resolve_layer=self._layer_version_arn)
        except CodeError as e:
            raise InvalidInput(str(e))

    def _layer_version_arn(self, name, version):
        return layer_version_arn(self.client, name, version, self.task.check_mode,
                                 (self.configuration or {}).get("FunctionArn"))

    def plan(self, current, desired):
        params = self.params
        if params["state"] == "present":
            if current is None:
                check_creatable(self.task, desired, self.code_source)
            else:
                check_updatable(self.task, desired, current, self.code_source is not None)
                desired["Tags"] = desired_tags(params.get("tags"), current["Tags"], params["purge_tags"])
            if desired["CodeSha256"] is None and params.get("s3_bucket"):
                desired["CodeSha256"] = s3_code_sha256(self.client, params)
            resolve_role(self.client, desired, current)
        outcome = reconcile.plan(current, desired, params["state"])
        if outcome.action == "delete":
            self._plan_delete(outcome)
        return outcome

    def _plan_delete(self, outcome):
        """What deleting the function takes with it (aliases, versions, policy) and leaves behind (event source
        mappings): a warning for each mapping; with --diff, all of it in the diff."""
        listing = self.client.paginate("ListEventSourceMappings", "EventSourceMappings", unsupported_ok=True)
        mappings = [dict(uuid=m["UUID"], event_source_arn=m.get("EventSourceArn"))
                    for m in mappings_of(listing or [], self.name)]
        for mapping in mappings:
            self.task.warn("Deleting function %s leaves its event source mapping %s (%s) behind: AWS keeps it. "
                           "Delete it with cloudfn.aws_lambda.lambda_event_source state=absent." % (
                               self.name, mapping["uuid"], mapping["event_source_arn"]))
        if not self.task.diff:
            return
        aliases = self.client.paginate("ListAliases", "Aliases", FunctionName=self.name)
        document, _revision = parse_policy(self.client.call("GetPolicy", missing_ok=True, FunctionName=self.name))
        outcome.diff["before"].update(
            aliases=sorted(alias["Name"] for alias in aliases), versions=self.versions.numbers(),
            event_source_mappings=mappings,
            policy_statements=[statement.get("Sid") for statement in statements(document)])
        outcome.diff["after"] = dict(event_source_mappings=mappings) if mappings else {}

    # ---------------------------------------------------------------- apply
    def apply(self, plan):
        return reconcile.apply(plan, self.create, self.update, self.delete)

    def _settle(self, configuration):
        """Remember the latest configuration; with wait, wait until the function settles and read it again.

        The read after a wait also gives the RevisionId AWS moves to when an update completes,
        which the next request of this run must carry.
        """
        self.configuration = configuration
        if self.params["wait"] and self.client.wait_until_settled(self.name, configuration=configuration):
            self.settled_answer = self.client.call("GetFunction", FunctionName=self.name)
            self.configuration = self.settled_answer["Configuration"]

    def _revision(self):
        return dict(RevisionId=self.configuration["RevisionId"]) if self.configuration.get("RevisionId") else {}

    def create(self, wanted):
        params = dict(FunctionName=self.name, Code=self.code_source, PackageType=wanted.get("PackageType", "Zip"),
                      Publish=self.params["publish"])
        params.update((k, v) for k, v in wanted.items() if k in CONFIG_FIELDS + CREATE_ONLY_FIELDS)
        if wanted.get("CodeSigningConfigArn"):
            params["CodeSigningConfigArn"] = wanted["CodeSigningConfigArn"]
        if self.params["publish"] and self.params.get("publish_to"):
            params["PublishTo"] = self.params["publish_to"]
        if "Architectures" in wanted:
            params["Architectures"] = wanted["Architectures"]
        if wanted.get("Tags"):
            params["Tags"] = wanted["Tags"]
        configuration = self.client.call("CreateFunction", already_done=lambda error: self._created(wanted),
                                         **params)
        self.published = configuration.get("Version") if params["Publish"] else None
        # With Publish the answer describes the new version; the function itself is $LATEST.
        self._settle(dict(configuration, Version="$LATEST"))
        set_reserved_concurrency(self.client, self.name, wanted.get("ReservedConcurrency"), creating=True)
        self._send_settings(wanted, SETTING_DEFAULTS)
        return configuration

    def _send_settings(self, changes, current):
        """PutFunctionRecursionConfig / PutRuntimeManagementConfig for the settings of ``changes`` that differ from
        ``current`` (for a new function: what AWS gives it, so a default asked for sends nothing)."""
        loop = changes.get("RecursiveLoop")
        if loop is not None and loop != current.get("RecursiveLoop"):
            self.client.call(SETTING_FIELDS["RecursiveLoop"][1], FunctionName=self.name, RecursiveLoop=loop)
        runtime = changes.get("RuntimeManagement")
        if runtime is not None and reconcile.differs(runtime, current.get("RuntimeManagement")):
            self.client.call(SETTING_FIELDS["RuntimeManagement"][1], FunctionName=self.name, **without_none(runtime))

    def _send_code_signing(self, arn):
        """PutFunctionCodeSigningConfig, or DeleteFunctionCodeSigningConfig for ''."""
        if arn:
            self.client.call(SETTING_FIELDS["CodeSigningConfigArn"][1], FunctionName=self.name, CodeSigningConfigArn=arn)
        else:
            self.client.call("DeleteFunctionCodeSigningConfig", FunctionName=self.name)

    def _created(self, wanted):
        """The function AWS says already exists, when it is the one this create asked for (code and every
        setting sent), in CreateFunction's answer shape; else None (reconcile.adopted).

        With publish the version that create published is looked up with PublishVersion, which answers
        the existing version when the code and configuration are those of a published one.
        """
        # Reserved concurrency and the settings of their own operations are set after the create.
        sent = dict((k, v) for k, v in wanted.items() if k != "ReservedConcurrency" and k not in SETTING_FIELDS)
        answer = reconcile.adopted(self.client.call("GetFunction", missing_ok=True, FunctionName=self.name),
                                   sent, current_function)
        if answer is None:
            return None
        self.answer = answer
        configuration = answer["Configuration"]
        if self.params["publish"]:
            return self.client.call("PublishVersion", FunctionName=self.name, CodeSha256=configuration["CodeSha256"])
        return configuration

    def update(self, changes):
        if "CodeSigningConfigArn" in changes:
            # First: the code signing configuration applies to the code deployed after it (below, or later).
            self._send_code_signing(changes["CodeSigningConfigArn"])
        current = current_function(self.answer)
        code_changes = dict((k, v) for k, v in changes.items() if k in CODE_FIELDS)
        if code_changes:
            params = dict(FunctionName=self.name, **self.code_source)
            if "Architectures" in changes:
                params["Architectures"] = changes["Architectures"]
            if self.params.get("source_kms_key_arn") is None and current.get("SourceKMSKeyArn"):
                # UpdateFunctionCode without SourceKMSKeyArn encrypts the new package with the AWS owned key: a key
                # the task does not manage stays the function's.
                params["SourceKMSKeyArn"] = current["SourceKMSKeyArn"]
            params.update(self._revision())
            self._settle(self.client.call("UpdateFunctionCode", **params))
        # Sub-options not given keep their current values (the whole setting is sent, so AWS cannot drop them).
        config_changes = dict((k, merged(current[k], without_none(v)) if isinstance(v, dict) and k not in USER_KEYED else v)
                              for k, v in changes.items() if k in CONFIG_FIELDS)
        vpc = config_changes.get("VpcConfig")
        if vpc is not None and "Ipv6AllowedForDualStack" not in changes["VpcConfig"] and not vpc["Ipv6AllowedForDualStack"]:
            del vpc["Ipv6AllowedForDualStack"]  # not managed and not set: sent only by a task that asks for it
        if config_changes:
            params = dict(FunctionName=self.name, **config_changes)
            params.update(self._revision())
            self._settle(self.client.call("UpdateFunctionConfiguration", **params))
        if "Tags" in changes:
            send_tag_changes(self.client, unqualified_function_arn(self.configuration["FunctionArn"]),
                             self.answer.get("Tags"), changes["Tags"])
        if "ReservedConcurrency" in changes:
            set_reserved_concurrency(self.client, self.name, changes["ReservedConcurrency"])
        self._send_settings(changes, self.settings)
        return self.configuration

    def delete(self):
        return self.client.call("DeleteFunction", FunctionName=self.name)

    def publish(self):
        """Publish $LATEST as a version; returns the version number."""
        params = dict(FunctionName=self.name, CodeSha256=self.configuration["CodeSha256"])
        if self.params.get("publish_to"):
            params["PublishTo"] = self.params["publish_to"]
        params.update(self._revision())
        version = self.client.call("PublishVersion", **params)
        if str(version.get("Version")).isdigit():
            self.versions.published(version)
        if self.params["wait"] and version.get("State") == "Pending":
            self.client.wait_until_settled(self.name, qualifier=version["Version"])
        return version["Version"]

    # ---------------------------------------------------------------- converge
    def converge(self):
        """code, read, desired, plan, apply (not in check mode), publish, prune, result."""
        self.plan_code()  # a path that cannot be used fails before any request
        current = self._current() if self.prefetched else self.read()
        self.finish_code()  # a package that needed the deployed runtime or architecture: before any write
        outcome = self.outcome = self.plan(current, self.desired())
        if not self.task.check_mode:
            self.apply(outcome)
        result = dict()
        if self.params["state"] == "present":
            result.update(self.result(outcome))
        result["changed"] = outcome.changed or bool(result.get("deleted_versions"))
        if self.task.diff:
            result["diff"] = outcome.diff
            if self.pruned:
                result["diff"]["before"]["versions"] = self.pruned["before"]
                result["diff"]["after"]["versions"] = self.pruned["after"]
            if result.get("version") is not None and result.get("published"):
                result["diff"]["after"]["version"] = result["version"]
        self.publishing = result.pop("published", None)  # this run publishes (or would publish) ``version``
        if self.params["mask_environment_values"]:
            mask_environment_values(result, self.params)
        return result

    def predicted_version(self, outcome):
        """In check mode, the version publishing would give: 1 for a new function, else one above the newest."""
        if self.params.get("publish_to"):
            return LATEST_PUBLISHED
        if outcome.action == "create" or self.answer is None:
            return "1"
        return self.versions.next_number()

    def result(self, plan):
        """configuration, code, tags, reserved_concurrency and version as the task returns them (published and
        pruned first); in check mode predicted, with null where a value cannot be known before the change."""
        params = self.params
        version = published = predicted = None
        if params["publish"]:
            version, published = publish_if_needed(self.task, self.client, self, plan)
            plan.changed = plan.changed or published
            if version is None and self.task.check_mode:
                version, predicted = self.predicted_version(plan), True
        if self.task.check_mode or plan.action is None:
            configuration, code, fresh = self._prediction(plan)
        else:
            configuration = self.configuration
            code = dict((self.settled_answer or {}).get("Code", {}))
            code.update(Sha256=configuration.get("CodeSha256"), Size=configuration.get("CodeSize"))
            fresh = merged(current_function(self.answer) or {}, plan.changes)
        if params.get("source_kms_key_arn") is not None and "SourceKMSKeyArn" not in code:
            # As GetFunction gives it after the change when this run read it again (wait), else as sent.
            code["SourceKMSKeyArn"] = fresh.get("SourceKMSKeyArn") or ""
        reserved = fresh.get("ReservedConcurrency")
        result = dict(configuration=snake_dict(configuration), code=snake_dict(code), tags=fresh.get("Tags") or {},
                      reserved_concurrency=None if reserved is None or reserved < 0 else reserved)
        if params["publish"]:
            result.update(version=version, published=published)
            if predicted:
                result["version_predicted"] = True
        if self.package is not None:
            result["package"] = self.package.view()
        if params["keep_versions"] is not None:
            # A predicted version is a new numbered one, unless publish_to republishes $LATEST.PUBLISHED.
            result["deleted_versions"] = prune_versions(
                self.task, self.client, self, self.answer is not None,
                pending=params["publish"] and predicted is not None and not params.get("publish_to"))
        result.update(self._settings_result(plan))
        return result

    def _settings_result(self, plan):
        """code_signing_config_arn, recursive_loop and runtime_management as they are after the task (predicted in
        check mode), each only when its option is given."""
        result = {}
        for field, option in (("CodeSigningConfigArn", "code_signing_config_arn"), ("RecursiveLoop", "recursive_loop"),
                              ("RuntimeManagement", "runtime_management")):
            if self.params.get(option) is None or not self.present:
                continue
            value = plan.changes[field] if field in plan.changes else self.settings.get(field)
            if field == "RuntimeManagement":
                value = snake_dict(runtime_management_view(value))
            result[option] = value
        return result

    def _prediction(self, outcome):
        """(configuration, code, function view) after the planned change, without sending it; values the change
        makes AWS set anew (code size of new code, revision id, last modified) are None."""
        answer = self.answer
        predicted = merged(current_function(answer) or {}, outcome.changes)
        changes = outcome.changes
        configuration = dict(answer["Configuration"]) if answer else dict(
            FunctionName=self.name, PackageType=predicted.get("PackageType"))
        configuration = merged(configuration, dict((k, v) for k, v in changes.items()
                                                   if k in CONFIG_FIELDS + CREATE_ONLY_FIELDS))
        code = dict(answer.get("Code", {})) if answer else {}
        size = configuration.get("CodeSize")
        if outcome.action is not None:
            configuration.update(dict.fromkeys(CHANGE_FIELDS))
            configuration.update((k, predicted[k]) for k in ("CodeSha256", "Architectures") if predicted.get(k))
            if outcome.action == "create" or any(k in changes for k in CODE_FIELDS):
                size = configuration["CodeSize"] = None
                code.pop("Location", None)
        code.update(Sha256=predicted.get("CodeSha256"), Size=size)
        if "SourceKMSKeyArn" in changes:
            code["SourceKMSKeyArn"] = changes["SourceKMSKeyArn"]
        return configuration, code, predicted
