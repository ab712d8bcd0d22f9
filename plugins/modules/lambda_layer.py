#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_layer
short_description: Publish AWS Lambda layer versions when their content changes, share and delete them
version_added: 0.1.0
description:
  - Converges one Lambda layer. A layer version cannot change once published, so the module compares the
    layer's latest version with the options and publishes a new version only when the content's sha256
    (C(CodeSha256)) or the metadata (O(description), O(compatible_runtimes), O(compatible_architectures),
    O(license_info)) differ. Running the same task again reports C(changed=false) and publishes nothing
    (C(amazon.aws.lambda_layer) publishes a new version on every run).
  - A run that changes nothing costs two API calls (C(ListLayerVersions) and C(GetLayerVersion) of the latest
    version), plus C(GetLayerVersionPolicy) when O(permissions) is given. Content in S3 is hashed as
    O(cloudfn.aws_lambda.lambda_function#module:s3_bucket) is for functions (S3's checksum, else the object read).
  - Metadata options that are not given are not managed. A new version keeps the latest version's value for them,
    so a task that only changes the content does not drop the description or the runtimes.
  - For migration from C(amazon.aws.lambda_layer), every option of that module is accepted with the same meaning
    (O(layer_name), O(content), O(version) with V(-1) for every version), and the result has its keys as well as
    ours - RV(layer_versions) (the version published, or with O(state=absent) the versions deleted) and, in check
    mode, RV(msg) - so a playbook moves over by changing the module name.
  - The one difference a migrating playbook sees is the one above - C(amazon.aws.lambda_layer) publishes a version
    on every run. When the latest version already matches, this module publishes nothing, reports
    C(changed=false), and returns that version, in RV(layer_versions) as at the top level, so the next tasks use
    the version the layer has.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - Name or ARN of the layer, without a version.
    type: str
    required: true
    aliases: [layer_name]
  state:
    description:
      - V(present) publishes a new version when the latest one differs from the options (or the layer has none).
      - V(absent) deletes the version named by O(version), or every version.
    type: str
    choices: [present, absent]
    default: present
  src:
    description:
      - Layer content from the controller. A directory is packaged as a deterministic zip (sorted entries, fixed
        timestamps and permissions, deflated at a fixed level; O(src_exclude) left out), exactly as
        O(cloudfn.aws_lambda.lambda_function#module:src) packages function code, so the same tree always gives the
        same sha256.
      - Lay the directory out as Lambda expects layers, for example C(python/mylib/__init__.py) for Python.
        Dependencies of O(requirements) (by default C(requirements.txt) in the directory) are installed under C(python/).
      - A single file is packaged the same way, at the root of the zip. A path ending in C(.zip) is used as it is.
      - One of O(src), O(zip_file), O(s3_bucket) or O(content) is required with O(state=present).
    type: path
  zip_file:
    description:
      - A zip file on the controller, uploaded byte for byte as it is.
    type: path
  s3_bucket:
    description:
      - S3 bucket holding the zip of the layer. Requires O(s3_key).
    type: str
  s3_key:
    description:
      - S3 key of the zip of the layer.
    type: str
  s3_object_version:
    description:
      - Version of the S3 object, for versioned buckets.
    type: str
  source_code_hash:
    description:
      - Base64 sha256 of the S3 zip (the form Lambda reports as C(CodeSha256)). Lets the module decide whether the
        content changed without reading S3.
    type: str
  content:
    description:
      - The content in the form C(amazon.aws.lambda_layer) takes it; the same as the top-level options of the same
        names. Cannot be combined with them.
      - Holds one zip, O(content.zip_file) or O(content.s3_bucket) with O(content.s3_key).
    type: dict
    suboptions:
      s3_bucket:
        description:
          - S3 bucket holding the zip. Requires O(content.s3_key).
        type: str
      s3_key:
        description:
          - S3 key of the zip.
        type: str
      s3_object_version:
        description:
          - Version of the S3 object.
        type: str
      zip_file:
        description:
          - A zip file on the controller.
        type: path
  description:
    description:
      - Description of the version, up to 256 characters. V("") publishes a version without one.
    type: str
  compatible_runtimes:
    description:
      - Runtimes the layer works with, for example V(python3.12), up to 15. Compared as a set. V([]) for none.
    type: list
    elements: str
  compatible_architectures:
    description:
      - Instruction set architectures the layer works with (V(x86_64), V(arm64)). Compared as a set. V([]) for none.
    type: list
    elements: str
  license_info:
    description:
      - The layer's licence - an SPDX identifier, a URL or the text of the licence, up to 512 characters.
    type: str
  version:
    description:
      - With O(state=absent), the version to delete, as a number. V(-1) or V(all) deletes every version.
      - Deleting a version that is already gone reports C(changed=false).
      - Functions that use a deleted version keep working, but no function can add it any more.
      - Only used with O(state=absent).
    type: raw
  keep_versions:
    description:
      - Keep only the newest O(keep_versions) versions of the layer (the one this task publishes included) and
        delete the older ones.
      - Functions already using a deleted version keep working (AWS keeps a copy of the version for them), but no
        new function can attach it, and no function can be updated to it.
      - Not managed when omitted.
    type: int
  permissions:
    description:
      - Who may use the layer version this task publishes, or finds up to date (C(AddLayerVersionPermission)).
      - Compared by O(permissions[].statement_id) with the version's policy (C(GetLayerVersionPolicy)). A statement
        with the same identifier but another principal, organisation or action is removed and added again (AWS has
        no call to change a statement).
      - A newly published version starts without permissions, so the statements are granted on it again.
      - Not managed when omitted.
    type: list
    elements: dict
    suboptions:
      statement_id:
        description:
          - Identifier of the statement (letters, digits, C(-) and C(_)).
        type: str
        required: true
      principal:
        description:
          - A 12-digit account ID (or its C(arn:aws:iam::ID:root) ARN), or V(*) for every account.
          - V(*) without O(permissions[].organization_id) makes the layer version public; the task warns.
        type: str
        required: true
      organization_id:
        description:
          - With O(permissions[].principal=*), restricts the grant to the accounts of this AWS Organizations
            organisation (V(o-...)).
        type: str
      action:
        description:
          - The API action granted. Lambda allows only V(lambda:GetLayerVersion).
        type: str
        default: lambda:GetLayerVersion
  purge_permissions:
    description:
      - Remove the statements of the version's policy that O(permissions) does not list.
      - Only has an effect when O(permissions) is given; V([]) with O(purge_permissions=true) removes every statement.
    type: bool
    default: false
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.packaging
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads. When a version would be published, its number and ARN are predicted (one
    above the highest version that exists, 1 for a new layer; C(sts:GetCallerIdentity) gives the account of a new
    layer) and RV(version_predicted) is returned; a task that uses RV(layer_version_arn) then gets the ARN the real
    run publishes (unless a higher version was published and deleted before, as AWS never reuses a number).
  - Diff mode shows the fields of the latest version that differ, the permissions before and after, and under
    C(versions) the version numbers before and after a deletion.
seealso:
  - module: cloudfn.aws_lambda.lambda_layer_info
    description: Lists layers and their versions.
  - module: cloudfn.aws_lambda.lambda_function
    description: Attaches layer versions to a function (O(cloudfn.aws_lambda.lambda_function#module:layers)).
"""

EXAMPLES = r"""
- name: Publish the layer from a directory (python/...); a new version only when something changed
  cloudfn.aws_lambda.lambda_layer:
    name: shared-libs
    src: layers/shared-libs
    description: Helpers shared by the API functions
    compatible_runtimes: [python3.12, python3.13]
    compatible_architectures: [x86_64, arm64]
    license_info: MIT
    keep_versions: 3
  register: shared_libs

- name: Attach that version to a function
  cloudfn.aws_lambda.lambda_function:
    name: api
    layers:
      - "{{ shared_libs.layer_version_arn }}"

- name: Share the version with one account and with an organisation
  cloudfn.aws_lambda.lambda_layer:
    name: shared-libs
    src: layers/shared-libs
    permissions:
      - statement_id: ops-account
        principal: "210987654321"
      - statement_id: whole-org
        principal: "*"
        organization_id: o-a1b2c3d4e5
    purge_permissions: true

- name: A task written for amazon.aws.lambda_layer, content in S3
  cloudfn.aws_lambda.lambda_layer:
    layer_name: shared-libs
    content:
      s3_bucket: artefacts
      s3_key: layers/shared-libs.zip
    compatible_runtimes: [python3.12]

- name: Delete version 4
  cloudfn.aws_lambda.lambda_layer:
    name: shared-libs
    state: absent
    version: 4

- name: Delete every version
  cloudfn.aws_lambda.lambda_layer:
    name: shared-libs
    state: absent
    version: all
"""

RETURN = r"""
layer_arn:
  description: ARN of the layer.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs
layer_version_arn:
  description:
    - ARN of the version published or found up to date.
    - In check mode, when one would be published, the ARN it is predicted to get (see RV(version_predicted)); null,
      with a warning, when the account of a layer that does not exist yet cannot be read.
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:3
version:
  description:
    - Number of that version.
    - In check mode, when one would be published, the number it is predicted to get, one above the highest version
      that exists (1 for a new layer).
  returned: when state=present
  type: int
  sample: 3
version_predicted:
  description:
    - V(true) when RV(version) and RV(layer_version_arn) are a check-mode prediction of the version a run would
      publish, not a version that exists.
  returned: in check mode, when a version would be published
  type: bool
  sample: true
code_sha256:
  description: Base64 sha256 of the version's content.
  returned: when state=present
  type: str
  sample: VLluleJZ3HTwDrdYolSMrS+8iPwEkcoXXaegjXf+dmc=
code_size:
  description: Size of the version's zip in bytes (null when not known, in check mode for S3 content).
  returned: when state=present
  type: int
  sample: 2048
package:
  description:
    - The package built from O(src) or read from O(zip_file) on the controller (in check mode too), before any
      request; see the collection's docs/packaging.md.
  returned: when state=present and the content is O(src) or O(zip_file)
  type: dict
  contains:
    sha256:
      description: Base64 sha256 of the zip (the version's C(code_sha256) once published).
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
    built: true
    cache: /home/me/.cache/cloudfn.aws_lambda/builds/5b0c...e1.zip
description:
  description: Description of the version.
  returned: when state=present
  type: str
  sample: Helpers shared by the API functions
compatible_runtimes:
  description: Runtimes of the version.
  returned: when state=present
  type: list
  elements: str
  sample: [python3.12, python3.13]
compatible_architectures:
  description: Architectures of the version.
  returned: when state=present
  type: list
  elements: str
  sample: [arm64, x86_64]
license_info:
  description: Licence of the version.
  returned: when state=present
  type: str
  sample: MIT
created_date:
  description: When the version was published (null in check mode when one would be published).
  returned: when state=present
  type: str
  sample: "2025-01-31T10:00:00.000+0000"
permissions:
  description: The statements of the version's policy after the run, in the form of the O(permissions) option.
  returned: when permissions is given
  type: list
  elements: dict
  sample: [{statement_id: ops-account, principal: "210987654321", organization_id: null,
            action: lambda:GetLayerVersion}]
policy:
  description: The version's policy document after the run, as AWS stores it (predicted in check mode); null when empty.
  returned: when permissions is given
  type: dict
  sample:
    Version: "2012-10-17"
    Id: default
    Statement:
      - Sid: ops-account
        Effect: Allow
        Principal: {AWS: "arn:aws:iam::210987654321:root"}
        Action: lambda:GetLayerVersion
        Resource: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:3
deleted_versions:
  description: The version numbers deleted (or that would be deleted in check mode), oldest first.
  returned: always
  type: list
  elements: int
  sample: [1, 2]
layer_versions:
  description:
    - The result of C(amazon.aws.lambda_layer), for playbooks that read it.
    - With O(state=present), one item - the version published, or the latest version when it already matched the
      options (nothing published, C(changed=false)); in check mode, when one would be published, its prediction
      (with RV(layer_versions[].version_predicted), without RV(layer_versions[].content)).
    - With O(state=absent), the versions deleted (or that would be deleted in check mode), newest first, as they
      were before; V([]) when there was none to delete.
  returned: always
  type: list
  elements: dict
  contains:
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
      description: Number of the version.
      returned: always
      type: int
      sample: 3
    version_predicted:
      description: V(true) for a check-mode prediction (see RV(version_predicted)).
      returned: in check mode, when a version would be published
      type: bool
    description:
      description: Description of the version (V("") when it has none).
      returned: always
      type: str
    compatible_runtimes:
      description: Runtimes of the version.
      returned: always
      type: list
      elements: str
    compatible_architectures:
      description: Architectures of the version.
      returned: always
      type: list
      elements: str
    license_info:
      description: Licence of the version (V("") when it has none).
      returned: always
      type: str
    created_date:
      description: When the version was published (null for a check-mode prediction).
      returned: always
      type: str
      sample: "2025-01-31T10:00:00.000+0000"
    code_sha256:
      description: Base64 sha256 of the version's content.
      returned: when state=present, and for a version deleted by number
      type: str
    code_size:
      description: Size of the version's zip in bytes.
      returned: when state=present, and for a version deleted by number
      type: int
    content:
      description:
        - The version's content as AWS describes it (C(location), a download link valid for 10 minutes,
          C(code_sha256), C(code_size)).
      returned: when state=present, except for a check-mode prediction
      type: dict
msg:
  description:
    - In check mode with O(state=present) - V(Create operation skipped - running in check mode) (the text of
      C(amazon.aws.lambda_layer)) when a version would be published, else a message naming the version that
      already matches.
  returned: in check mode, when state=present
  type: str
  sample: Create operation skipped - running in check mode
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {code_sha256: "AAAA...=", description: old}
    after: {code_sha256: "BBBB...=", description: new}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.layer import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    REQUIRED_TOGETHER,
    LayerVersion,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, LayerVersion.run, mutually_exclusive=MUTUALLY_EXCLUSIVE,
               required_together=REQUIRED_TOGETHER, validate=LayerVersion.validate)


if __name__ == "__main__":
    main()
