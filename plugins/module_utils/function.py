# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A Lambda function as the reconcile path sees it.

``current_function`` turns a GetFunction answer into the shape ``desired_function``
(in the lambda_function module) produces: UpdateFunctionConfiguration's field
names, lists that AWS treats as sets sorted, absent settings given the value AWS
uses for them, plus the code hash, tags and reserved concurrency.
"""

import base64
import hashlib

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodeError, local_package
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.versions import versions_beyond  # noqa: F401

# Fields set with UpdateFunctionConfiguration; they are part of a published version.
CONFIG_FIELDS = ("Role", "Runtime", "Handler", "Description", "Timeout", "MemorySize", "Environment",
                 "VpcConfig", "DeadLetterConfig", "KMSKeyArn", "TracingConfig", "Layers",
                 "FileSystemConfigs", "ImageConfig", "EphemeralStorage", "SnapStart", "LoggingConfig")
# Fields set with UpdateFunctionCode.
CODE_FIELDS = ("CodeSha256", "ImageUri", "Architectures")


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
                       SecurityGroupIds=sorted(vpc.get("SecurityGroupIds") or [])),
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
        PackageType=c.get("PackageType") or "Zip",
        Architectures=c.get("Architectures") or ["x86_64"],
        CodeSha256=c.get("CodeSha256"),
        ImageUri=(code or {}).get("ImageUri"),
    )


def current_function(answer):
    """The function as read by GetFunction, in the desired shape; None when it does not exist."""
    if answer is None:
        return None
    view = function_view(answer["Configuration"], answer.get("Code"))
    view["Tags"] = answer.get("Tags") or {}
    view["ReservedConcurrency"] = (answer.get("Concurrency") or {}).get("ReservedConcurrentExecutions", -1)
    return view


def function_code_source(params, package):
    """The ``Code`` parameter of CreateFunction (also the code keys of UpdateFunctionCode); None when no code is given."""
    if package is not None:
        return dict(ZipFile=package.data)
    if params.get("s3_bucket"):
        source = dict(S3Bucket=params["s3_bucket"], S3Key=params["s3_key"])
        if params.get("s3_object_version"):
            source["S3ObjectVersion"] = params["s3_object_version"]
        return source
    if params.get("image_uri"):
        return dict(ImageUri=params["image_uri"])
    return None


def plan_code(module, options):
    """The local package of ``src`` / ``zip_file`` (None for S3 and image code) and the ``Code`` parameter
    to send (``Content`` for a layer); a path that cannot be used fails the task naming the option."""
    package = None
    try:
        package = local_package(options)
    except CodeError as e:
        module.fail_json(msg=str(e))
    return package, function_code_source(options, package)


class PublishedVersions:
    """A function's published versions (not $LATEST), oldest first: one ListVersionsByFunction, when first needed."""

    def __init__(self, client, name):
        self.client = client
        self.name = name
        self._versions = None

    def read(self):
        if self._versions is None:
            answer = self.client.paginate("ListVersionsByFunction", "Versions", FunctionName=self.name)
            self._versions = sorted((v for v in answer if v.get("Version", "").isdigit()),
                                    key=lambda v: int(v["Version"]))
        return self._versions

    def published(self, configuration):
        """Note a version this run published (so a list read before it stays right)."""
        if self._versions is not None:
            self._versions.append(configuration)

    def matching(self, configuration):
        """The newest published version when it has the same code and configuration as ``configuration``."""
        versions = self.read()
        if not versions:
            return None
        newest = versions[-1]
        mine, theirs = function_view(configuration), function_view(newest)
        fields = CONFIG_FIELDS + ("CodeSha256", "Architectures")
        if all(mine[k] == theirs[k] for k in fields):
            return newest["Version"]
        return None


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


def s3_code_sha256(client, params):
    """Base64 sha256 of the S3 package: S3's own full-object checksum when it has one, else hashed while streamed."""
    location = dict(Bucket=params["s3_bucket"], Key=params["s3_key"])
    if params.get("s3_object_version"):
        location["VersionId"] = params["s3_object_version"]
    head = client.call("HeadObject", service="s3", missing_ok=True, ChecksumMode="ENABLED", **location)
    if head is None:
        client.module.fail_json(msg="s3_bucket/s3_key: s3://%s/%s was not found. Upload the package first, or give "
                                    "the right bucket, key and version." % (params["s3_bucket"], params["s3_key"]))
    checksum = head.get("ChecksumSHA256")
    if checksum and "-" not in checksum and head.get("ChecksumType", "FULL_OBJECT") == "FULL_OBJECT":
        return checksum
    body = client.call("GetObject", service="s3", **location)["Body"]
    digest = hashlib.sha256()
    for chunk in iter(lambda: body.read(1024 * 1024), b""):
        digest.update(chunk)
    return base64.b64encode(digest.digest()).decode("ascii")
