# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Lambda layers as the lambda_layer and lambda_layer_info modules see them.

A layer version is immutable: what can differ between the latest version and the options
is its content (``CodeSha256``) and its metadata (description, compatible runtimes and
architectures, licence).  :func:`current_layer` turns a GetLayerVersion (or
PublishLayerVersion) answer into the shape ``desired_layer`` (in the lambda_layer module)
produces: lists AWS treats as sets sorted, absent metadata given the value AWS means by
its absence.

Layer version permissions are compared in one flat form, whatever form the endpoint
stored them in::

    {"Sid": "share", "Action": "lambda:GetLayerVersion", "Principal": "123456789012" | "*",
     "OrganizationId": "o-..." | None}

AWS stores an account as ``{"AWS": "arn:aws:iam::ID:root"}`` and an organisation as a
``StringEquals aws:PrincipalOrgID`` condition; some endpoints keep the bare account ID
and a top-level ``OrganizationId`` key.  Both read the same.
"""

import json

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (  # noqa: F401 (re-exported)
    LAYER_NAME,
    LAYER_VERSION_ARN,
    layer_arn_of,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import (
    canonical_action,
    conditions_of,
    principal_of,
    statements,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import snake_dict

LAYER_ACTION = "lambda:GetLayerVersion"

METADATA_FIELDS = ("Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo")


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
    view = snake_dict(dict((k, v) for k, v in answer.items() if k not in ("Content", "ResponseMetadata")))
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
            view["content"] = snake_dict(stored)
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


def stored_permission(desired, resource=None):
    """How AWS stores the permission ``desired`` (flat form) describes: the prediction shown in check mode."""
    principal = desired["Principal"]
    partition = resource.split(":")[1] if resource and resource.startswith("arn:") else "aws"
    statement = dict(
        Sid=desired["Sid"], Effect="Allow", Action=desired["Action"],
        Principal="*" if principal == "*" else {"AWS": "arn:%s:iam::%s:root" % (partition, principal)},
    )
    if resource:
        statement["Resource"] = resource
    if desired.get("OrganizationId"):
        statement["Condition"] = {"StringEquals": {"aws:PrincipalOrgID": desired["OrganizationId"]}}
    return statement


def policy_document(stored_statements):
    """A layer version policy holding ``stored_statements``; None when there is none."""
    if not stored_statements:
        return None
    return {"Version": "2012-10-17", "Id": "default", "Statement": list(stored_statements)}


def permission_view(flat):
    """A flat permission as the option that describes it."""
    return dict(statement_id=flat["Sid"], principal=flat["Principal"], organization_id=flat.get("OrganizationId"),
                action=flat["Action"])
