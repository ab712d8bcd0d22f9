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
  - Every option name of C(amazon.aws.lambda_layer) is accepted with the same meaning (O(layer_name), O(content),
    O(version) with V(-1)), so a playbook moves over by changing the module name. The results are returned at the
    top level rather than under C(layer_version).
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
        timestamps and permissions, no compression; C(__pycache__) and C(*.pyc) left out), exactly as
        O(cloudfn.aws_lambda.lambda_function#module:src) packages function code, so the same tree always gives the
        same sha256.
      - Lay the directory out as Lambda expects layers, for example C(python/mylib/__init__.py) for Python.
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
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads. When a version would be published, its number and ARN are returned as null.
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
  description: ARN of the version published or found up to date (null in check mode when one would be published).
  returned: when state=present
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:layer:shared-libs:3
version:
  description: Number of that version (null in check mode when one would be published).
  returned: when state=present
  type: int
  sample: 3
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
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {code_sha256: "AAAA...=", description: old}
    after: {code_sha256: "BBBB...=", description: new}
"""

import json
import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum, run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.function import plan_code, s3_code_sha256
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.layer import (
    LAYER_ACTION,
    LAYER_NAME,
    METADATA_FIELDS,
    comparable_permission,
    current_layer,
    layer_arn_of,
    layer_version_view,
    list_versions,
    parse_layer_policy,
    permission_view,
    policy_document,
    stored_permission,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import canonical_action, canonical_principal
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import ensure, snake_dict

CONTENT_OPTIONS = ("s3_bucket", "s3_key", "s3_object_version", "zip_file")

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True, aliases=["layer_name"]),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    src=dict(type="path"),
    zip_file=dict(type="path"),
    s3_bucket=dict(type="str"),
    s3_key=dict(type="str", no_log=False),
    s3_object_version=dict(type="str"),
    source_code_hash=dict(type="str"),
    content=dict(type="dict", options=dict(
        s3_bucket=dict(type="str"),
        s3_key=dict(type="str", no_log=False),
        s3_object_version=dict(type="str"),
        zip_file=dict(type="path"),
    )),
    description=dict(type="str"),
    compatible_runtimes=dict(type="list", elements="str"),
    compatible_architectures=dict(type="list", elements="str"),
    license_info=dict(type="str"),
    version=dict(type="raw"),
    keep_versions=dict(type="int"),
    permissions=dict(type="list", elements="dict", options=dict(
        statement_id=dict(type="str", required=True),
        principal=dict(type="str", required=True),
        organization_id=dict(type="str"),
        action=dict(type="str", default=LAYER_ACTION),
    )),
    purge_permissions=dict(type="bool", default=False),
)

MUTUALLY_EXCLUSIVE = [["src", "zip_file", "s3_bucket", "content"]]
REQUIRED_TOGETHER = [["s3_bucket", "s3_key"]]

DESCRIPTION_MAX = 256
LICENSE_MAX = 512
RUNTIMES_MAX = 15
ARCHITECTURES = ("x86_64", "arm64")
STATEMENT_ID = re.compile(r"^[a-zA-Z0-9_-]{1,100}$")
ACCOUNT = re.compile(r"^(\d{12}|arn:aws[a-zA-Z-]*:iam::\d{12}:root)$")
ORGANIZATION_ID = re.compile(r"^o-[a-z0-9]{10,32}$")
# Options that describe a version to publish: meaningless when deleting.
PUBLISH_OPTIONS = ("src", "zip_file", "s3_bucket", "content", "description", "compatible_runtimes",
                   "compatible_architectures", "license_info", "keep_versions", "permissions")


def code_params(params):
    """The content options, whether given at the top level or in ``content``, as top-level names."""
    code = dict((key, params.get(key)) for key in ("src", "source_code_hash") + CONTENT_OPTIONS)
    for key, value in (params.get("content") or {}).items():
        if value is not None:
            code[key] = value
    return code


def versions_to_delete(value):
    """``version`` as "all" (for -1 and "all") or a version number. Raises ValueError saying what is wrong."""
    text = str(value).strip().lower()
    if text in ("all", "-1"):
        return "all"
    if isinstance(value, bool) or isinstance(value, float) or not text.isdigit() or int(text) < 1:
        raise ValueError("version: %r is not a layer version; give a version number (1, 2, ...), or -1 or all to "
                         "delete every version." % (value,))
    return int(text)


def validate_permission(item):
    errors = []
    sid = item.get("statement_id")
    if not STATEMENT_ID.match(sid or ""):
        errors.append("permissions: statement_id %r is not valid; use 1 to 100 letters, digits, - and _." % (sid,))
    principal = item.get("principal")
    if principal != "*" and not ACCOUNT.match(principal or ""):
        errors.append("permissions: principal %r of %s is not valid; give a 12-digit account ID, or * for every "
                      "account (with organization_id to limit it to an organisation)." % (principal, sid))
    organization = item.get("organization_id")
    if organization is not None:
        if not ORGANIZATION_ID.match(organization):
            errors.append("permissions: organization_id %r of %s is not an organisation ID (o- and 10 to 32 "
                          "lower-case letters or digits)." % (organization, sid))
        if principal != "*":
            errors.append("permissions: organization_id of %s needs principal: '*' (it grants every account of the "
                          "organisation); remove it to grant the account %s alone." % (sid, principal))
    if canonical_action(item.get("action")) != LAYER_ACTION:
        errors.append("permissions: action %r of %s is not allowed; layer versions grant only %s."
                      % (item.get("action"), sid, LAYER_ACTION))
    return errors


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    if not LAYER_NAME.match(params["name"]):
        errors.append("name: %s is not a layer name or ARN (1 to 140 letters, digits, - and _, or "
                      "arn:aws:lambda:REGION:ACCOUNT:layer:NAME, without a version)." % params["name"])
    code = code_params(params)
    if params["state"] == "absent":
        if params.get("version") is None:
            errors.append("version: state=absent needs the version to delete, a number, or -1 or all for every "
                          "version.")
        given = [option for option in PUBLISH_OPTIONS if params.get(option) is not None]
        if given:
            errors.append("%s: only used to publish (state=present); remove %s to delete a version."
                          % (", ".join(given), "it" if len(given) == 1 else "them"))
    else:
        if params.get("version") is not None:
            errors.append("version: only used with state=absent (to delete a version); the version a present "
                          "layer gets is decided by its content.")
        if not (code.get("src") or code.get("zip_file") or code.get("s3_bucket")):
            errors.append("state=present needs the layer's content: src (a directory or zip), zip_file, "
                          "s3_bucket with s3_key, or content.")
        if bool(code.get("s3_bucket")) != bool(code.get("s3_key")):
            errors.append("s3_bucket and s3_key go together: give both.")
        if code.get("s3_object_version") and not code.get("s3_bucket"):
            errors.append("s3_object_version: needs s3_bucket and s3_key.")
        if code.get("source_code_hash") and not code.get("s3_bucket"):
            errors.append("source_code_hash: only used with S3 content (s3_bucket and s3_key).")
    if params.get("version") is not None:
        try:
            versions_to_delete(params["version"])
        except ValueError as e:
            errors.append(str(e))
    errors.extend(validate_metadata(params))
    if params.get("keep_versions") is not None and params["keep_versions"] < 1:
        errors.append("keep_versions: must be 1 or more (the newest version is always kept), not %s."
                      % params["keep_versions"])
    seen = set()
    for item in params.get("permissions") or []:
        errors.extend(validate_permission(item))
        if item.get("statement_id") in seen:
            errors.append("permissions: statement_id %s is listed twice; each statement needs its own."
                          % item["statement_id"])
        seen.add(item.get("statement_id"))
    return errors


def validate_metadata(params):
    errors = []
    description = params.get("description")
    if description is not None and len(description) > DESCRIPTION_MAX:
        errors.append("description: %d characters, more than the %d AWS allows." % (len(description), DESCRIPTION_MAX))
    license_info = params.get("license_info")
    if license_info is not None and len(license_info) > LICENSE_MAX:
        errors.append("license_info: %d characters, more than the %d AWS allows." % (len(license_info), LICENSE_MAX))
    runtimes = params.get("compatible_runtimes")
    known = model_enum("Runtime")
    if runtimes is not None:
        if len(runtimes) > RUNTIMES_MAX:
            errors.append("compatible_runtimes: %d runtimes, more than the %d AWS allows." % (len(runtimes), RUNTIMES_MAX))
        unknown = [runtime for runtime in runtimes if known and runtime not in known]
        if unknown:
            errors.append("compatible_runtimes: %s is not a Lambda runtime known to this botocore (for example "
                          "python3.13, nodejs22.x, java21); a newer runtime needs a newer botocore." % ", ".join(unknown))
    architectures = params.get("compatible_architectures")
    if architectures is not None:
        wrong = [a for a in architectures if a not in ARCHITECTURES]
        if wrong:
            errors.append("compatible_architectures: %s is not an architecture; use x86_64 and/or arm64."
                          % ", ".join(wrong))
    return errors


def _set(values):
    return None if values is None else sorted(set(values))


def desired_layer(params, package=None):
    """The latest version the options ask for, in ``current_layer``'s terms; None = not managed."""
    return dict(
        Description=params.get("description"),
        CompatibleRuntimes=_set(params.get("compatible_runtimes")),
        CompatibleArchitectures=_set(params.get("compatible_architectures")),
        LicenseInfo=params.get("license_info"),
        CodeSha256=package.sha256 if package is not None else params.get("source_code_hash"),
    )


def desired_permissions(params):
    """The ``permissions`` option in the flat form, by statement ID; None when not managed."""
    if params.get("permissions") is None:
        return None
    return dict((item["statement_id"], dict(
        Sid=item["statement_id"], Action=canonical_action(item.get("action") or LAYER_ACTION),
        Principal=canonical_principal(item["principal"]), OrganizationId=item.get("organization_id")))
        for item in params["permissions"])


def permission_plan(desired, current, purge):
    """(statement IDs to remove, flat statements to add) turning ``current`` (stored form) into ``desired``."""
    current_flat = {}
    for statement in current:
        current_flat.setdefault(statement.get("Sid"), comparable_permission(statement))
    remove = [sid for sid, flat in current_flat.items()
              if (sid in desired and flat != desired[sid]) or (sid not in desired and purge)]
    add = [flat for sid, flat in desired.items() if current_flat.get(sid) != flat]
    return sorted(remove), add


class LayerPublisher:
    """Sends the requests that publish, share and delete versions of one layer."""

    def __init__(self, client, name, code_source, current, latest_version=0):
        self.client = client
        self.name = name
        self.code_source = code_source
        self.current = current
        self.latest_version = latest_version  # the newest version number before this run (0: none)

    def _publish(self, metadata):
        params = dict(LayerName=self.name, Content=self.code_source)
        # Empty values mean "none": AWS stores a version without them.
        params.update((k, v) for k, v in metadata.items() if k in METADATA_FIELDS and v not in (None, "", []))
        answer = self.client.call("PublishLayerVersion", **params)
        if self.client.last_retry_attempts:
            self._drop_lost_copies(answer)
        return answer

    def _drop_lost_copies(self, answer):
        """botocore sent PublishLayerVersion again: a try whose answer was lost may have published a copy.

        Versions between the newest one before this run and the answered one with the same content and
        metadata are such copies: delete them, so one run publishes one version.
        """
        for number in range(self.latest_version + 1, int(answer["Version"])):
            copy = self.client.call("GetLayerVersion", missing_ok=True, LayerName=self.name, VersionNumber=number)
            if copy is not None and current_layer(copy) == current_layer(answer):
                self.delete_version(number)
                self.client.module.warn("Version %s of the layer %s was a copy of version %s published by a retried "
                                        "request whose first answer was lost; it was deleted."
                                        % (number, self.name, answer["Version"]))

    def create(self, wanted):
        return self._publish(wanted)

    def update(self, changes):
        # Metadata the task does not manage is carried over from the latest version.
        return self._publish(dict(self.current, **changes))

    def delete_version(self, version):
        self.client.call("DeleteLayerVersion", LayerName=self.name, VersionNumber=int(version))

    def remove_permission(self, version, sid):
        self.client.call("RemoveLayerVersionPermission", LayerName=self.name, VersionNumber=int(version),
                         StatementId=sid)

    def add_permission(self, version, flat):
        params = dict(LayerName=self.name, VersionNumber=int(version), StatementId=flat["Sid"],
                      Action=flat["Action"], Principal=flat["Principal"])
        if flat.get("OrganizationId"):
            params["OrganizationId"] = flat["OrganizationId"]
        answer = self.client.call("AddLayerVersionPermission", **params)
        statement = answer.get("Statement") or "{}"
        return json.loads(statement) if isinstance(statement, str) else statement


def converge_permissions(module, publisher, version, fresh, resource):
    """Grant and revoke the statements of ``version``; (changed, before, after, policy document).

    ``fresh``: the version was just published (or would be), so it has no policy yet and none is read.
    """
    params = module.params
    desired = desired_permissions(params)
    for flat in desired.values():
        if flat["Principal"] == "*" and not flat["OrganizationId"]:
            module.warn("permissions: %s grants principal '*' without organization_id, which makes version %s of "
                        "the layer %s public (any AWS account can use it)."
                        % (flat["Sid"], version if version is not None else "(new)", params["name"]))
    current = [] if fresh else parse_layer_policy(publisher.client.call(
        "GetLayerVersionPolicy", missing_ok=True, LayerName=params["name"], VersionNumber=int(version)))
    remove, add = permission_plan(desired, current, params["purge_permissions"])
    kept = [statement for statement in current if statement.get("Sid") not in remove]
    added = []
    for flat in add:
        if module.check_mode:
            added.append(stored_permission(flat, resource))
            continue
        if flat["Sid"] in remove:
            publisher.remove_permission(version, flat["Sid"])
            remove.remove(flat["Sid"])
        added.append(publisher.add_permission(version, flat))
    if not module.check_mode:
        for sid in remove:
            publisher.remove_permission(version, sid)
    after_statements = kept + added
    before = sorted_views(current)
    after = sorted_views(after_statements)
    return before != after, before, after, policy_document(after_statements)


def sorted_views(stored):
    views = {}
    for statement in stored:
        views.setdefault(statement.get("Sid"), permission_view(comparable_permission(statement)))
    return [views[sid] for sid in sorted(views, key=str)]


def prune(module, publisher, versions, published, keep):
    """Delete the versions older than the newest ``keep`` (the one published counts); the numbers deleted."""
    old = [int(v["Version"]) for v in versions]
    doomed = sorted(old[keep - 1 if published else keep:])
    if not module.check_mode:
        for version in doomed:
            publisher.delete_version(version)
    return doomed


def run_absent(module, client):
    params = module.params
    publisher = LayerPublisher(client, params["name"], None, None)
    which = versions_to_delete(params["version"])
    if which == "all":
        doomed = sorted(int(v["Version"]) for v in list_versions(client, params["name"]))
    else:
        answer = client.call("GetLayerVersion", missing_ok=True, LayerName=params["name"], VersionNumber=which)
        doomed = [which] if answer is not None else []
    if not module.check_mode:
        for version in doomed:
            publisher.delete_version(version)
    result = dict(changed=bool(doomed), deleted_versions=doomed)
    if module._diff:
        result["diff"] = dict(before=dict(versions=doomed) if doomed else {},
                              after=dict(versions=[]) if doomed else {})
    return result


def run_present(module, client):
    params = module.params
    code = code_params(params)
    package, code_source = plan_code(module, code)
    desired = desired_layer(params, package)
    versions = list_versions(client, params["name"])
    latest = None
    if versions:
        latest = client.call("GetLayerVersion", missing_ok=True, LayerName=params["name"],
                             VersionNumber=int(versions[0]["Version"]))
    current = current_layer(latest)
    if desired["CodeSha256"] is None and code.get("s3_bucket"):
        desired["CodeSha256"] = s3_code_sha256(client, code)
    publisher = LayerPublisher(client, params["name"], code_source, current,
                               max([int(v["Version"]) for v in versions] or [0]))
    outcome = ensure(module, current, desired, create=publisher.create, update=publisher.update, delete=None)
    diff = outcome.diff
    if outcome.result is not None:
        result = layer_version_view(outcome.result, content=False)
    elif outcome.action is None:
        result = layer_version_view(latest, content=False)
    else:
        result = predicted_version(params, latest, dict(current or current_layer({}), **outcome.changes), package)
    result["changed"] = outcome.changed
    published = outcome.action is not None
    if params.get("permissions") is not None:
        changed, before, after, document = converge_permissions(
            module, publisher, result["version"], published, result["layer_version_arn"])
        result.update(permissions=after, policy=document)
        result["changed"] = result["changed"] or changed
        if changed:
            diff["before"]["permissions"], diff["after"]["permissions"] = before, after
    result["deleted_versions"] = []
    if params.get("keep_versions") is not None:
        doomed = prune(module, publisher, versions, published, params["keep_versions"])
        if doomed:
            result["deleted_versions"] = doomed
            result["changed"] = True
            old = sorted(int(v["Version"]) for v in versions)
            diff["before"]["versions"] = old
            diff["after"]["versions"] = [v for v in old if v not in doomed]
    if module._diff:
        result["diff"] = diff
    return result


def predicted_version(params, latest, fields, package):
    """The version a check-mode run would publish, as far as it can be known before publishing."""
    view = snake_dict(dict((k, fields.get(k)) for k in METADATA_FIELDS))
    view.update(
        layer_arn=(latest or {}).get("LayerArn") or layer_arn_of((latest or {}).get("LayerVersionArn")),
        layer_version_arn=None, version=None, created_date=None,
        code_sha256=fields.get("CodeSha256"), code_size=package.size if package is not None else None,
    )
    if view["layer_arn"] is None and params["name"].startswith("arn:"):
        view["layer_arn"] = params["name"]
    return view


def run(module, client):
    """Converge the layer; the task's result."""
    if module.params["state"] == "absent":
        return run_absent(module, client)
    return run_present(module, client)


def main():
    run_module(ARGUMENT_SPEC, run,
               mutually_exclusive=MUTUALLY_EXCLUSIVE, required_together=REQUIRED_TOGETHER, validate=validate)


if __name__ == "__main__":
    main()
