# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Layers and layer versions as lambda_layer_info lists them (read only)."""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    LAYER_NAME,
    LAYER_VERSION_ARN,
    split_layer_version_arn,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import ARCHITECTURES
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import NotFound
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.layer import (
    declares_compatible,
    layer_version_view,
    list_versions,
    parse_layer_policy,
    policy_document,
)

ARGUMENT_SPEC = dict(
    name=dict(type="str", aliases=["layer_name"]),
    version_number=dict(type="int", aliases=["layer_version"]),
    layer_version_arn=dict(type="str"),
    compatible_runtime=dict(type="str"),
    compatible_architecture=dict(type="str", choices=ARCHITECTURES),
    include_policy=dict(type="bool", default=False),
)

MUTUALLY_EXCLUSIVE = [["layer_version_arn", "name"], ["layer_version_arn", "version_number"]]


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    if params.get("name") is not None and not LAYER_NAME.match(params["name"]):
        errors.append("name: %s is not a layer name or ARN (letters, digits, - and _, or "
                      "arn:aws:lambda:REGION:ACCOUNT:layer:NAME without a version; give a version's ARN as "
                      "layer_version_arn)." % params["name"])
    if params.get("version_number") is not None:
        if params.get("name") is None:
            errors.append("version_number: needs name, the layer it is a version of (or give layer_version_arn).")
        if params["version_number"] < 1:
            errors.append("version_number: layer versions start at 1, not %s." % params["version_number"])
    arn = params.get("layer_version_arn")
    if arn is not None and not LAYER_VERSION_ARN.match(arn):
        errors.append("layer_version_arn: %s is not a layer version ARN "
                      "(arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)." % arn)
    runtime = params.get("compatible_runtime")
    known = model_enum("Runtime")
    if runtime is not None and known and runtime not in known:
        errors.append("compatible_runtime: %s is not a Lambda runtime known to this botocore (for example "
                      "python3.13, nodejs22.x, java21)." % runtime)
    return errors


def filters(params):
    return dict(CompatibleRuntime=params.get("compatible_runtime"),
                CompatibleArchitecture=params.get("compatible_architecture"))


class LayerVersions(Resource):
    """The layers of the account, the versions of one layer, or one version: what lambda_layer_info returns."""

    kind = "layer_versions"

    @classmethod
    def validate(cls, params):
        return validate(params)

    def list_layers(self):
        """ListLayers, every page: each layer with its latest matching version, flattened."""
        wanted = filters(self.params)
        layers = self.client.paginate("ListLayers", "Layers",
                                      **dict((k, v) for k, v in wanted.items() if v is not None))
        found = []
        for layer in layers:
            latest = layer.get("LatestMatchingVersion") or {}
            if not declares_compatible(latest, self.params.get("compatible_runtime"),
                                       self.params.get("compatible_architecture")):
                continue
            view = layer_version_view(latest)
            view.update(layer_name=layer.get("LayerName"), layer_arn=layer.get("LayerArn"))
            found.append(view)
        return found

    def one_version(self):
        """The version asked for by name and number or by ARN, as a list of one; a version that does not exist
        fails the task (NotFound), as amazon.aws.lambda_layer_info does."""
        if self.params.get("layer_version_arn"):
            which = "The layer version %s" % self.params["layer_version_arn"]
            answer = self.client.call("GetLayerVersionByArn", missing_ok=True, Arn=self.params["layer_version_arn"])
        else:
            which = "Version %s of the layer %s" % (self.params["version_number"], self.params["name"])
            answer = self.client.call("GetLayerVersion", missing_ok=True, LayerName=self.params["name"],
                                      VersionNumber=self.params["version_number"])
        if answer is None:
            raise NotFound("%s was not found (deleted, or never published). List the layer's versions with name "
                           "alone." % which, "GetLayerVersionByArn" if self.params.get("layer_version_arn")
                           else "GetLayerVersion")
        return [layer_version_view(answer)]

    def read(self):
        """The versions asked for; the task's ``layers_versions``."""
        params = self.params
        if params.get("layer_version_arn") or params.get("version_number") is not None:
            return self.one_version()
        if params.get("name") is None:
            return self.list_layers()
        versions = list_versions(self.client, params["name"], **filters(params))
        return [layer_version_view(v) for v in versions
                if declares_compatible(v, params.get("compatible_runtime"), params.get("compatible_architecture"))]

    def add_policies(self, found):
        """Each version's permission policy (GetLayerVersionPolicy) as its ``policy``."""
        for view in found:
            layer, number = split_layer_version_arn(view.get("layer_version_arn"))
            answer = self.client.call("GetLayerVersionPolicy", missing_ok=True, LayerName=layer, VersionNumber=number)
            view["policy"] = policy_document(parse_layer_policy(answer))

    def converge(self):
        found = self.read()
        if self.params.get("include_policy"):
            self.add_policies(found)
        return dict(changed=False, layers_versions=found)
