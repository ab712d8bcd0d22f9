#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_layer_info
short_description: List AWS Lambda layers, their versions, or one version
version_added: 0.1.0
description:
  - Without O(name), lists the layers of the account and region with their latest version (C(ListLayers)).
  - With O(name), lists the versions of that layer, newest first (C(ListLayerVersions)).
  - With O(name) and O(version_number), or with O(layer_version_arn), returns that one version with its content's
    sha256, size and download location (C(GetLayerVersion), C(GetLayerVersionByArn)).
  - Every page of a listing is read. Deleted versions are not listed.
  - Never changes anything, so it runs in check mode as well.
  - For migration from C(amazon.aws.lambda_layer_info), every option of that module is accepted with the same
    meaning (O(layer_name), O(version_number) and its alias O(layer_version), O(compatible_runtime),
    O(compatible_architecture)), and the result has its key RV(layers_versions) with the same fields, plus the
    layer's ARN and the content's sha256 and size in every item.
  - A version asked for by O(version_number) or O(layer_version_arn) that does not exist fails the task, as
    C(amazon.aws.lambda_layer_info) does; a listing of a layer without versions is an empty list.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - Name or ARN of the layer.
    type: str
    aliases: [layer_name]
  version_number:
    description:
      - One version of the layer O(name). A version that does not exist fails the task.
    type: int
    aliases: [layer_version]
  layer_version_arn:
    description:
      - The ARN of one layer version, for example a version another account shared. Cannot be combined with O(name).
    type: str
  compatible_runtime:
    description:
      - Only layers (their latest version compatible with it) or versions that declare this runtime.
    type: str
  compatible_architecture:
    description:
      - Only layers or versions that declare this architecture.
    type: str
    choices: [x86_64, arm64]
  include_policy:
    description:
      - Also read each version's permission policy (one C(GetLayerVersionPolicy) per version returned).
    type: bool
    default: false
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.read_only
seealso:
  - module: cloudfn.aws_lambda.lambda_layer
    description: Publishes, shares and deletes layer versions.
"""

EXAMPLES = r"""
- name: Every layer with its latest version
  cloudfn.aws_lambda.lambda_layer_info:
  register: layers

- name: Layers whose latest version declares python3.12 on arm64
  cloudfn.aws_lambda.lambda_layer_info:
    compatible_runtime: python3.12
    compatible_architecture: arm64

- name: The versions of one layer, with who may use each
  cloudfn.aws_lambda.lambda_layer_info:
    name: shared-libs
    include_policy: true
  register: shared_libs

- name: One version, by name and number (amazon.aws.lambda_layer_info's option names)
  cloudfn.aws_lambda.lambda_layer_info:
    layer_name: shared-libs
    layer_version: 3

- name: One version shared by another account, by its ARN
  cloudfn.aws_lambda.lambda_layer_info:
    layer_version_arn: arn:aws:lambda:us-east-1:210987654321:layer:tools:7
"""

RETURN = r"""
layers_versions:
  description:
    - The layers (latest version of each) or the layer versions found, newest first for versions.
  returned: always
  type: list
  elements: dict
  contains:
    layer_name:
      description: Name of the layer.
      returned: when listing layers (no O(name))
      type: str
      sample: shared-libs
    layer_arn:
      description: ARN of the layer.
      returned: always
      type: str
      sample: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs
    layer_version_arn:
      description: ARN of the version.
      returned: always
      type: str
      sample: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:3
    version:
      description: Version number.
      returned: always
      type: int
      sample: 3
    description:
      description: Description of the version (V("") when it has none).
      returned: always
      type: str
    created_date:
      description: When the version was published.
      returned: always
      type: str
      sample: "2025-01-31T10:00:00.000+0000"
    compatible_runtimes:
      description: Runtimes the version declares.
      returned: always
      type: list
      elements: str
      sample: [python3.12]
    compatible_architectures:
      description: Architectures the version declares.
      returned: always
      type: list
      elements: str
      sample: [x86_64]
    license_info:
      description: Licence of the version (V("") when it has none).
      returned: always
      type: str
      sample: MIT
    code_sha256:
      description: Base64 sha256 of the version's content.
      returned: for one version (O(version_number) or O(layer_version_arn))
      type: str
    code_size:
      description: Size of the version's zip in bytes.
      returned: for one version
      type: int
    content:
      description: The version's content as AWS describes it; C(location) is a download link valid for 10 minutes.
      returned: for one version
      type: dict
      sample: {location: "https://awslambda-us-east-1-layers.s3.amazonaws.com/snapshots/...", code_sha256: "VLlu...=",
               code_size: 2048}
    policy:
      description: The version's permission policy document, null when it has none.
      returned: with O(include_policy=true)
      type: dict
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.layer_info import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    LayerVersions,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, LayerVersions.run, mutually_exclusive=MUTUALLY_EXCLUSIVE, validate=LayerVersions.validate)


if __name__ == "__main__":
    main()
