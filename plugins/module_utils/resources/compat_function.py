# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The function as amazon.aws.lambda manages it: the ``lambda`` module, for playbooks that migrate.

Not a second implementation: :class:`CompatFunction` is the :class:`~.function.Function` resource with

- amazon.aws.lambda's options (:data:`ARGUMENT_SPEC` and its rules), turned into the Function's own by
  :func:`function_params` (pure): the defaults amazon.aws applies on every update (``timeout`` 3,
  ``memory_size`` 128, no VPC when the VPC options are omitted) become managed values, and what amazon.aws
  ignores when empty (``description: ""``, ``kms_key_arn: ""``, ``layers: []``, ``handler``/``runtime`` "")
  becomes "not managed";
- amazon.aws's publishing: a version on every create (CreateFunction with Publish) and every code change
  (PublishVersion after the update), none for a change of configuration or tags only (:func:`publishes`);
- layers compared ignoring their order (:func:`same_layers`), as amazon.aws does;
- amazon.aws's result: ``configuration``, ``code`` and ``tags`` of the version the run published (GetFunction
  with that qualifier, ``$LATEST`` after a configuration-only change, unqualified otherwise), and on an
  existing function ``func_kwargs`` / ``code_kwargs`` (the update requests' parameters, without the zip).

Where amazon.aws re-sends a value on every run (``kms_key_arn``, S3 and image code), this compares like
lambda_function does: a run that changes nothing sends nothing.
"""

from collections import Counter

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import snake_dict
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function import (
    CODE_FIELDS,
    CONFIG_FIELDS,
    Function,
    current_function,
    validate,
)

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    image_uri=dict(type="str"),
    runtime=dict(type="str"),
    role=dict(type="str"),
    handler=dict(type="str"),
    zip_file=dict(type="str", aliases=["src"]),
    s3_bucket=dict(type="str"),
    s3_key=dict(type="str", no_log=False),
    s3_object_version=dict(type="str"),
    description=dict(type="str", default=""),
    timeout=dict(type="int", default=3),
    memory_size=dict(type="int", default=128),
    vpc_subnet_ids=dict(type="list", elements="str"),
    vpc_security_group_ids=dict(type="list", elements="str"),
    environment_variables=dict(type="dict"),
    dead_letter_arn=dict(type="str"),
    kms_key_arn=dict(type="str", no_log=False),
    tracing_mode=dict(type="str", choices=["Active", "PassThrough"]),
    architecture=dict(type="str", choices=["x86_64", "arm64"], aliases=["architectures"]),
    tags=dict(type="dict", aliases=["resource_tags"]),
    purge_tags=dict(type="bool", default=True),
    layers=dict(
        type="list",
        elements="dict",
        options=dict(
            layer_version_arn=dict(type="str"),
            layer_name=dict(type="str", aliases=["layer_arn"]),
            version=dict(type="int", aliases=["layer_version"]),
        ),
        required_together=[["layer_name", "version"]],
        required_one_of=[["layer_version_arn", "layer_name"]],
        mutually_exclusive=[["layer_name", "layer_version_arn"], ["version", "layer_version_arn"]],
    ),
)

MUTUALLY_EXCLUSIVE = [
    ["zip_file", "s3_key"], ["zip_file", "s3_bucket"], ["zip_file", "s3_object_version"],
    ["image_uri", "zip_file"], ["image_uri", "runtime"], ["image_uri", "handler"],
    ["image_uri", "s3_key"], ["image_uri", "s3_bucket"], ["image_uri", "s3_object_version"],
]
REQUIRED_TOGETHER = [["s3_key", "s3_bucket"], ["vpc_subnet_ids", "vpc_security_group_ids"], ["runtime", "handler"]]
# Checked by the argument spec on every state=present task, before any request (as amazon.aws does).
REQUIRED_IF = [
    ["state", "present", ["role"]],
    ["state", "present", ["runtime", "image_uri"], True],
    ["architecture", "x86_64", ["zip_file", "s3_bucket", "image_uri"], True],
    ["architecture", "arm64", ["zip_file", "s3_bucket", "image_uri"], True],
]

# The Function options amazon.aws.lambda has no counterpart for, with the value that leaves them unmanaged
# (publish: CreateFunction publishes version 1; later versions are published by CompatFunction.apply).
NOT_IN_AMAZON_AWS = dict(src=None, package_type=None, source_code_hash=None, mask_environment_values=False,
                         ephemeral_storage=None, file_system_configs=None, image_config=None, logging_config=None,
                         snap_start=None, reserved_concurrency=None, publish=True, keep_versions=None,
                         wait=True, wait_timeout=600, vpc_ipv6_allowed_for_dual_stack=None,
                         code_signing_config_arn=None, recursive_loop=None, runtime_management=None,
                         tenancy_config=None, durable_config=None, capacity_provider_config=None,
                         accelerator_config=None, runtime_config=None, publish_to=None)


def function_params(params):
    """The Function resource's options for amazon.aws.lambda's ``params`` (pure).

    What amazon.aws sends on every update when omitted is managed here with that value (``timeout``,
    ``memory_size`` from their defaults; no VPC when ``vpc_subnet_ids`` is omitted or empty); what it
    ignores when empty is not managed (``description``, ``kms_key_arn``, ``handler``, ``runtime``,
    ``layers: []``).
    """
    translated = dict(params)
    translated.update(NOT_IN_AMAZON_AWS)
    for option in ("description", "kms_key_arn", "handler", "runtime"):
        translated[option] = params.get(option) or None
    if not params.get("vpc_subnet_ids"):
        translated.update(vpc_subnet_ids=[], vpc_security_group_ids=[])
    translated["layers"] = [dict((key, value) for key, value in item.items() if value is not None)
                            for item in params["layers"]] if params.get("layers") else None
    return translated


def same_layers(desired, current):
    """True when two lists of layer version ARNs hold the same layers, in any order."""
    return Counter(desired) == Counter(current)


def publishes(outcome):
    """True when the planned change publishes a version: a create, or a change of the code (or architecture)."""
    return outcome.action == "create" or (outcome.action == "update" and any(k in CODE_FIELDS for k in outcome.changes))


def config_changed(outcome):
    """True when the planned update sends UpdateFunctionConfiguration."""
    return outcome.action == "update" and any(k in CONFIG_FIELDS for k in outcome.changes)


def update_kwargs(name, outcome, current, code_source):
    """(func_kwargs, code_kwargs): the parameters of the configuration and code updates the plan sends, as
    amazon.aws.lambda returns them (``{"FunctionName": ...}`` and ``{}`` when nothing changes; no zip bytes)."""
    changes = outcome.changes if outcome.action == "update" else {}
    func_kwargs = dict(FunctionName=name)
    func_kwargs.update((k, v) for k, v in changes.items() if k in CONFIG_FIELDS)
    code_kwargs = {}
    if any(k in CODE_FIELDS for k in changes):
        code_kwargs = dict((k, v) for k, v in (code_source or {}).items() if k != "ZipFile")
        code_kwargs.update(FunctionName=name, Publish=True,
                           Architectures=changes.get("Architectures") or current.get("Architectures"))
    return func_kwargs, code_kwargs


def qualified(function_arn, qualifier):
    """``function_arn`` (unqualified) with ``qualifier``; None when the ARN is not known."""
    return "%s:%s" % (function_arn, qualifier) if function_arn else None


class CompatFunction(Function):
    """The Function resource with amazon.aws.lambda's options, publishing, layer comparison and result."""

    def __init__(self, task, client, code_source=None, answer=None):
        super().__init__(task.with_params(function_params(task.params)), client, code_source, answer)

    @classmethod
    def validate(cls, params):
        return validate(function_params(params))

    def plan(self, current, desired):
        layers = desired.get("Layers")
        if current is not None and layers is not None and same_layers(layers, current["Layers"]):
            desired["Layers"] = current["Layers"]  # the same layers in another order: no change
        if current is None:
            # What amazon.aws leaves out of CreateFunction when empty.
            if desired.get("VpcConfig") == dict(SubnetIds=[], SecurityGroupIds=[]):
                desired["VpcConfig"] = None
            if (desired.get("DeadLetterConfig") or {}).get("TargetArn") == "":
                desired["DeadLetterConfig"] = None
        return super().plan(current, desired)

    def apply(self, plan):
        super().apply(plan)
        if plan.action == "update" and publishes(plan):
            self.published = self.publish()
        return plan

    def result(self, plan):
        """amazon.aws.lambda's result: after a change, GetFunction of what the run published; else (and in check
        mode, predicted) the function as it is, with the version a change would publish."""
        current = current_view = None
        if self.answer is not None:
            current = self.answer["Configuration"]
            current_view = current_function(self.answer)
        if self.task.check_mode or plan.action is None:
            configuration, code, fresh = self._prediction(plan)
            configuration = dict(configuration)
            if isinstance(configuration.get("Layers"), list):
                configuration["Layers"] = [layer if isinstance(layer, dict) else dict(Arn=layer)
                                           for layer in configuration["Layers"]]
            unqualified = (current or {}).get("FunctionArn")
            if publishes(plan):
                version = "1" if plan.action == "create" else self.versions.next_number()
                configuration.update(Version=version, FunctionArn=qualified(unqualified, version))
            elif config_changed(plan):
                configuration.update(Version="$LATEST", FunctionArn=qualified(unqualified, "$LATEST"))
            tags = fresh.get("Tags") or {}
        else:
            qualifier = self.published if publishes(plan) else ("$LATEST" if config_changed(plan) else None)
            params = dict(FunctionName=self.name)
            if qualifier is not None:
                params["Qualifier"] = qualifier
            answer = self.client.call("GetFunction", **params)
            configuration, code, tags = answer["Configuration"], answer.get("Code") or {}, answer.get("Tags") or {}
        result = dict(configuration=snake_dict(configuration), code=snake_dict(code), tags=tags)
        if current is not None:
            result["func_kwargs"], result["code_kwargs"] = update_kwargs(self.name, plan, current_view, self.code_source)
        return result
