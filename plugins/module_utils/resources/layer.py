# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A Lambda layer: its versions, published when the content or metadata change, and their permissions.

A layer version is immutable: what can differ between the latest version and the options is its
content (``CodeSha256``) and its metadata (description, compatible runtimes and architectures,
licence). :func:`current_layer` turns a GetLayerVersion (or PublishLayerVersion) answer into the
shape :func:`desired_layer` produces: lists AWS treats as sets sorted, absent metadata given the
value AWS means by its absence. A change publishes a new version; ``keep_versions`` prunes the
oldest (resources/versions.py, as for functions).

Layer version permissions are compared in one flat form, whatever form the endpoint stored them in::

    {"Sid": "share", "Action": "lambda:GetLayerVersion", "Principal": "123456789012" | "*",
     "OrganizationId": "o-..." | None}

AWS stores an account as ``{"AWS": "arn:aws:iam::ID:root"}`` and an organisation as a
``StringEquals aws:PrincipalOrgID`` condition; some endpoints keep the bare account ID and a
top-level ``OrganizationId`` key. Both read the same (policy.py's statement helpers).
"""

import json

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum, model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import (
    code_source,
    layer_package,
    s3_code_sha256,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    LAYER_NAME,
    ORGANIZATION_ID,
    STATEMENT_ID,
    layer_arn_of,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    ZIP_SOURCE_REQUIRED_TOGETHER,
    state_option,
    zip_source_options,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import (
    canonical_action,
    canonical_principal,
    conditions_of,
    principal_kind,
    principal_of,
    statements,
    stored_form,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource, predicted_arn
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.versions import versions_to_delete

LAYER_ACTION = "lambda:GetLayerVersion"
# The ``msg`` of a check-mode run with state=present: amazon.aws.lambda_layer's text when a version would be
# published (it returns it on every check-mode run), and ours when the latest version already matches.
CHECK_MODE_PUBLISH_MSG = "Create operation skipped - running in check mode"
CHECK_MODE_NOOP_MSG = "No new version to publish - version %s matches the content and metadata (check mode)"

METADATA_FIELDS = ("Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo")
CONTENT_OPTIONS = ("s3_bucket", "s3_key", "s3_object_version", "zip_file")
# How src is packaged (code.py), and the target its requirements are installed for.
PACKAGING_OPTIONS = ("requirements", "pip_args", "build_in", "src_exclude", "compatible_runtimes",
                     "compatible_architectures")
# Options that describe a version to publish: meaningless when deleting.
PUBLISH_OPTIONS = ("src", "zip_file", "s3_bucket", "content", "description", "compatible_runtimes",
                   "compatible_architectures", "license_info", "keep_versions", "permissions")


def argument_spec():
    """lambda_layer's options (also those of an item of lambda_app's ``layers``)."""
    spec = dict(name=dict(type="str", required=True, aliases=["layer_name"]))
    spec.update(state_option())
    spec.update(zip_source_options())
    spec.update(
        # amazon.aws.lambda_layer's form of the content: one zip, from the controller or from S3.
        content=dict(type="dict", options=dict((key, zip_source_options()[key]) for key in CONTENT_OPTIONS),
                     mutually_exclusive=[["s3_bucket", "zip_file"]], required_together=[["s3_bucket", "s3_key"]]),
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
    return spec


ARGUMENT_SPEC = argument_spec()
MUTUALLY_EXCLUSIVE = [["src", "zip_file", "s3_bucket", "content"]]
REQUIRED_TOGETHER = ZIP_SOURCE_REQUIRED_TOGETHER


# ---------------------------------------------------------------- reading AWS's answers

def current_layer(answer):
    """A layer version (GetLayerVersion / PublishLayerVersion answer) in the desired shape; None for None."""
    if answer is None:
        return None
    return dict(
        Description=answer.get("Description") or "",
        CompatibleRuntimes=sorted(answer.get("CompatibleRuntimes") or []),
        CompatibleArchitectures=sorted(answer.get("CompatibleArchitectures") or []),
        LicenseInfo=answer.get("LicenseInfo") or "",
        CodeSha256=(answer.get("Content") or {}).get("CodeSha256"),
    )


def layer_version_view(answer, content=True):
    """One layer version as the modules return it (snake_case; absent metadata as AWS means it).

    ``content``: also return the answer's ``Content`` whole (with its download ``location``).
    """
    view = reconcile.snake_dict(dict((k, v) for k, v in answer.items() if k not in ("Content", "ResponseMetadata")))
    view.setdefault("layer_arn", layer_arn_of(answer.get("LayerVersionArn")))
    for key, empty in (("description", ""), ("compatible_runtimes", []), ("compatible_architectures", []),
                       ("license_info", "")):
        if view.get(key) is None:
            view[key] = empty
    if "Content" in answer:
        stored = answer["Content"] or {}
        view["code_sha256"] = stored.get("CodeSha256")
        view["code_size"] = stored.get("CodeSize")
        if content:
            view["content"] = reconcile.snake_dict(stored)
    return view


def list_versions(client, name, **filters):
    """Every version of layer ``name`` (ListLayerVersions, all pages), newest first; [] when there is none."""
    versions = client.paginate("ListLayerVersions", "LayerVersions", missing_ok=True, LayerName=name,
                               **dict((k, v) for k, v in filters.items() if v is not None)) or []
    return sorted(versions, key=lambda v: -int(v["Version"]))


def declares_compatible(item, runtime=None, architecture=None):
    """False when ``item`` declares compatible runtimes / architectures that leave out the one asked for.

    AWS filters ListLayers and ListLayerVersions itself; this check makes the filter hold with an
    endpoint that ignores it, and never drops what declares nothing.
    """
    runtimes = item.get("CompatibleRuntimes")
    architectures = item.get("CompatibleArchitectures")
    if runtime and runtimes and runtime not in runtimes:
        return False
    if architecture and architectures and architecture not in architectures:
        return False
    return True


# ---------------------------------------------------------------- permissions

def comparable_permission(statement):
    """A stored layer version statement in the flat form (see the module docstring)."""
    conditions = conditions_of(statement)
    organization = conditions.get("PrincipalOrgID") or statement.get("OrganizationId")
    return dict(
        Sid=statement.get("Sid"),
        Action=canonical_action(statement.get("Action")),
        Principal=principal_of(statement.get("Principal")),
        OrganizationId=organization,
    )


def parse_layer_policy(answer):
    """The statements of a GetLayerVersionPolicy answer (the stored form); [] when there is no policy."""
    if not answer:
        return []
    policy = answer.get("Policy") or "{}"
    document = json.loads(policy) if isinstance(policy, str) else policy
    return statements(document)


def stored_permission(flat, resource=None):
    """How AWS stores the permission ``flat`` describes (policy.stored_form): the prediction shown in check mode."""
    conditions = dict(PrincipalOrgID=flat["OrganizationId"]) if flat.get("OrganizationId") else {}
    return stored_form(flat["Sid"], dict(Action=flat["Action"], Principal=flat["Principal"], Conditions=conditions),
                       resource)


def policy_document(stored_statements):
    """A layer version policy holding ``stored_statements``; None when there is none."""
    if not stored_statements:
        return None
    return {"Version": "2012-10-17", "Id": "default", "Statement": list(stored_statements)}


def permission_view(flat):
    """A flat permission as the option that describes it."""
    return dict(statement_id=flat["Sid"], principal=flat["Principal"], organization_id=flat.get("OrganizationId"),
                action=flat["Action"])


def permission_views(stored):
    """The stored statements as the ``permissions`` option describes them, by statement ID."""
    views = {}
    for statement in stored:
        views.setdefault(statement.get("Sid"), permission_view(comparable_permission(statement)))
    return [views[sid] for sid in sorted(views, key=str)]


def desired_permissions(params):
    """The ``permissions`` option in the flat form, by statement ID; None when not managed."""
    if params.get("permissions") is None:
        return None
    return dict((item["statement_id"], dict(
        Sid=item["statement_id"], Action=canonical_action(item.get("action") or LAYER_ACTION),
        Principal=canonical_principal(item["principal"]), OrganizationId=item.get("organization_id")))
        for item in params["permissions"])


def permission_plan(desired, current, purge):
    """(statement IDs to remove, flat statements to add) turning ``current`` (stored form) into ``desired``:
    the one comparison of a version's permissions with the options."""
    current_flat = {}
    for statement in current:
        current_flat.setdefault(statement.get("Sid"), comparable_permission(statement))
    remove = [sid for sid, flat in current_flat.items()
              if (sid in desired and flat != desired[sid]) or (sid not in desired and purge)]
    add = [flat for sid, flat in desired.items() if current_flat.get(sid) != flat]
    return sorted(remove), add


# ---------------------------------------------------------------- the options

def code_params(params):
    """The content options, whether given at the top level or in ``content``, as top-level names."""
    code = dict((key, params.get(key)) for key in ("src", "source_code_hash") + CONTENT_OPTIONS + PACKAGING_OPTIONS)
    for key, value in (params.get("content") or {}).items():
        if value is not None:
            code[key] = value
    return code


def version_option(value):
    """``version`` as "all" (for -1 and "all") or a version number. Raises ValueError saying what is wrong."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # as amazon.aws's type=int takes 2.0
    text = str(value).strip().lower()
    if text in ("all", "-1"):
        return "all"
    if isinstance(value, (bool, float)) or not text.isdigit() or int(text) < 1:
        raise ValueError("version: %r is not a layer version; give a version number (1, 2, ...), or -1 or all to "
                         "delete every version." % (value,))
    return int(text)


def validate_permission(item):
    errors = []
    sid = item.get("statement_id")
    if not STATEMENT_ID.match(sid or ""):
        errors.append("permissions: statement_id %r is not valid; use 1 to 100 letters, digits, - and _." % (sid,))
    principal = item.get("principal")
    if principal_kind(principal) not in ("any", "account"):
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
    if params.get("state") == "absent":
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
            version_option(params["version"])
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


def _too_long(option, value, member, unit):
    """The message for a string or list option longer than PublishLayerVersion's model allows; else None."""
    high = model_range("PublishLayerVersionRequest", member)[1]
    if value is None or high is None or len(value) <= high:
        return None
    return "%s: %d %s, more than the %d AWS allows." % (option, len(value), unit, high)


def validate_metadata(params):
    errors = [message for message in (
        _too_long("description", params.get("description"), "Description", "characters"),
        _too_long("license_info", params.get("license_info"), "LicenseInfo", "characters"),
        _too_long("compatible_runtimes", params.get("compatible_runtimes"), "CompatibleRuntimes", "runtimes"),
    ) if message]
    runtimes = params.get("compatible_runtimes")
    known = model_enum("Runtime")
    unknown = [runtime for runtime in runtimes or [] if known and runtime not in known]
    if unknown:
        errors.append("compatible_runtimes: %s is not a Lambda runtime known to this botocore (for example "
                      "python3.13, nodejs22.x, java21); a newer runtime needs a newer botocore." % ", ".join(unknown))
    architectures = model_enum("Architecture")
    wrong = [a for a in params.get("compatible_architectures") or [] if architectures and a not in architectures]
    if wrong:
        errors.append("compatible_architectures: %s is not an architecture; use %s."
                      % (", ".join(wrong), " and/or ".join(architectures)))
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


# ---------------------------------------------------------------- the resource

class LayerVersion(Resource):
    """The latest version of one layer (``state=present``: published when it differs), its permissions and
    the versions ``keep_versions`` prunes; or (``state=absent``) the versions deleted."""

    kind = "layer"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.name = self.params["name"]
        self.code = code_params(self.params)
        self.package = None
        self.versions = []  # ListLayerVersions, newest first
        self.latest = None  # GetLayerVersion of the newest version

    @classmethod
    def validate(cls, params):
        return validate(params)

    # ------------------------------------------------------------ read / desired / plan
    @property
    def latest_version(self):
        """The newest version number before this run (0: none)."""
        return max([int(v["Version"]) for v in self.versions] or [0])

    def read(self):
        """The latest version in the desired shape (None when the layer has none); the versions are kept."""
        self.versions = list_versions(self.client, self.name)
        self.latest = None
        if self.versions:
            self.latest = self.client.call("GetLayerVersion", missing_ok=True, LayerName=self.name,
                                           VersionNumber=int(self.versions[0]["Version"]))
        return current_layer(self.latest)

    def desired(self):
        """The version the options ask for; the local package is read (a bad path raises InvalidInput)."""
        self.package = layer_package(self.code, self.task.run_command)
        for warning in self.package.warnings if self.package is not None else []:
            self.task.warn(warning)
        return desired_layer(self.params, self.package)

    def content_sha256(self, desired):
        """``desired`` with the sha256 of S3 content filled in (S3's checksum, else the object read)."""
        if desired["CodeSha256"] is None and self.code.get("s3_bucket"):
            desired["CodeSha256"] = s3_code_sha256(self.client, self.code)
        return desired

    # ------------------------------------------------------------ apply
    def apply(self, plan):
        """Publish the version the plan asks for; ``plan.result`` is PublishLayerVersion's answer."""
        current = current_layer(self.latest)
        return reconcile.apply(plan, create=self.publish,
                               # Metadata the task does not manage is carried over from the latest version.
                               update=lambda changes: self.publish(dict(current, **changes)), delete=None)

    def publish(self, metadata):
        params = dict(LayerName=self.name, Content=code_source(self.code, self.package))
        # Empty values mean "none": AWS stores a version without them.
        params.update((k, v) for k, v in metadata.items() if k in METADATA_FIELDS and v not in (None, "", []))
        answer = self.client.call("PublishLayerVersion", **params)
        if self.client.last_retry_attempts:
            self.drop_lost_copies(answer)
        return answer

    def drop_lost_copies(self, answer):
        """botocore sent PublishLayerVersion again: a try whose answer was lost may have published a copy.

        Versions between the newest one before this run and the answered one with the same content and
        metadata are such copies: delete them, so one run publishes one version.
        """
        for number in range(self.latest_version + 1, int(answer["Version"])):
            copy = self.client.call("GetLayerVersion", missing_ok=True, LayerName=self.name, VersionNumber=number)
            if copy is not None and current_layer(copy) == current_layer(answer):
                self.delete_version(number)
                self.task.warn("Version %s of the layer %s was a copy of version %s published by a retried "
                               "request whose first answer was lost; it was deleted."
                               % (number, self.name, answer["Version"]))

    def delete_version(self, version):
        self.client.call("DeleteLayerVersion", LayerName=self.name, VersionNumber=int(version))

    # ------------------------------------------------------------ result
    def result(self, plan):
        """The version published, found up to date, or (check mode) predicted."""
        if plan.result is not None:
            return layer_version_view(plan.result, content=False)
        if plan.action is None:
            return layer_version_view(self.latest, content=False)
        return self.predicted(dict(current_layer(self.latest) or current_layer({}), **plan.changes))

    def version_entry(self, plan, view):
        """The item of ``layer_versions`` (amazon.aws.lambda_layer's result): the version published, or the
        latest one when it already matched, with its ``content`` (download location included); in check mode
        when one would be published, the prediction ``view``."""
        answer = plan.result if plan.result is not None else (self.latest if plan.action is None else None)
        if answer is None:
            return dict(view)
        return layer_version_view(answer)

    def predicted(self, fields):
        """The version a check-mode run would publish: one above the highest that exists (1 for a new layer)."""
        view = reconcile.snake_dict(dict((k, fields.get(k)) for k in METADATA_FIELDS))
        number = self.latest_version + 1
        layer_arn = self.layer_arn()
        view.update(
            layer_arn=layer_arn, layer_version_arn="%s:%d" % (layer_arn, number) if layer_arn else None,
            version=number, version_predicted=True, created_date=None, code_sha256=fields.get("CodeSha256"),
            code_size=self.package.size if self.package is not None else None,
        )
        return view

    def layer_arn(self):
        """The layer's ARN: that of an existing version, the name when it is an ARN, else built from the
        caller's account (STS GetCallerIdentity) and the client's region; None (with a warning) when unknown."""
        existing = (self.latest or {}).get("LayerArn") or layer_arn_of(
            (self.latest or (self.versions or [{}])[0]).get("LayerVersionArn"))
        if existing:
            return existing
        return predicted_arn(self.task, self.client, self.name, "layer", "layer", "layer_version_arn")

    # ------------------------------------------------------------ permissions and pruning
    def converge_permissions(self, result, fresh, diff):
        """Grant and revoke the statements of the version of ``result``; True when that changed them.

        ``fresh``: the version was just published (or would be), so it has no policy yet and none is read.
        """
        version = result["version"]
        desired = desired_permissions(self.params)
        for flat in desired.values():
            if flat["Principal"] == "*" and not flat["OrganizationId"]:
                self.task.warn("permissions: %s grants principal '*' without organization_id, which makes version %s "
                               "of the layer %s public (any AWS account can use it)."
                               % (flat["Sid"], version if version is not None else "(new)", self.name))
        current = [] if fresh else parse_layer_policy(self.client.call(
            "GetLayerVersionPolicy", missing_ok=True, LayerName=self.name, VersionNumber=int(version)))
        remove, add = permission_plan(desired, current, self.params.get("purge_permissions", False))
        kept = [statement for statement in current if statement.get("Sid") not in remove]
        added = []
        for flat in add:
            if self.task.check_mode:
                added.append(stored_permission(flat, result["layer_version_arn"]))
                continue
            if flat["Sid"] in remove:
                self.remove_permission(version, flat["Sid"])
                remove.remove(flat["Sid"])
            added.append(self.add_permission(version, flat))
        if not self.task.check_mode:
            for sid in remove:
                self.remove_permission(version, sid)
        changed = bool(add or remove)
        after = permission_views(kept + added)
        result.update(permissions=after, policy=policy_document(kept + added))
        if changed:
            diff["before"]["permissions"], diff["after"]["permissions"] = permission_views(current), after
        return changed

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

    def prune(self, published, diff):
        """Delete the versions beyond the newest ``keep_versions`` (the one published counts); the numbers deleted."""
        existing = sorted(int(v["Version"]) for v in self.versions)
        doomed = [int(n) for n in versions_to_delete(existing, self.params["keep_versions"], pending=published)]
        if not self.task.check_mode:
            for version in doomed:
                self.delete_version(version)
        if doomed:
            diff["before"]["versions"] = existing
            diff["after"]["versions"] = [v for v in existing if v not in doomed]
        return doomed

    # ------------------------------------------------------------ the whole run
    def converge(self):
        if not self.present:
            return self.converge_absent()
        desired = self.desired()
        current = self.read()
        plan = self.outcome = self.plan(current, self.content_sha256(desired))
        if not self.task.check_mode:
            self.apply(plan)
        result = self.result(plan)
        result["layer_versions"] = [self.version_entry(plan, result)]
        if self.package is not None:
            result["package"] = self.package.view()
        if self.task.check_mode:
            result["msg"] = CHECK_MODE_PUBLISH_MSG if plan.changed else CHECK_MODE_NOOP_MSG % result["version"]
        diff = plan.diff
        result["changed"] = plan.changed
        if self.params.get("permissions") is not None:
            result["changed"] = self.converge_permissions(result, plan.changed, diff) or result["changed"]
        result["deleted_versions"] = []
        if self.params.get("keep_versions") is not None:
            result["deleted_versions"] = self.prune(plan.changed, diff)
            result["changed"] = result["changed"] or bool(result["deleted_versions"])
        if self.task.diff:
            result["diff"] = diff
        return result

    def converge_absent(self):
        """Delete the version named by ``version`` (or every version); what was (or would be) deleted."""
        which = version_option(self.params["version"])
        if which == "all":
            found = list_versions(self.client, self.name)
        else:
            answer = self.client.call("GetLayerVersion", missing_ok=True, LayerName=self.name, VersionNumber=which)
            found = [answer] if answer is not None else []
        doomed = sorted(int(v["Version"]) for v in found)
        if not self.task.check_mode:
            for version in doomed:
                self.delete_version(version)
        # layer_versions: amazon.aws.lambda_layer's key, each version deleted as it was before (newest first).
        result = dict(changed=bool(doomed), deleted_versions=doomed,
                      layer_versions=[layer_version_view(v, content=False) for v in found])
        if self.task.diff:
            result["diff"] = dict(before=dict(versions=doomed) if doomed else {},
                                  after=dict(versions=[]) if doomed else {})
        return result
