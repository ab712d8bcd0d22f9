#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_policy
short_description: Add, replace and remove statements of a Lambda function's resource policy
version_added: 0.1.0
description:
  - Converges one statement, found by its O(statement_id), of the resource-based policy of a Lambda
    function, or of one of its versions or aliases (C(AddPermission), C(RemovePermission), C(GetPolicy)).
  - The statement AWS stores is compared with the options in one normalised form, so every form AWS stores
    compares equal to what the task asked for. An account ID (stored as C(arn:aws:iam::ID:root)), an IAM ARN,
    a service principal, V(*), an O(action) with or without its C(lambda:) prefix, and each condition
    (C(AWS:SourceArn), C(AWS:SourceAccount), C(aws:PrincipalOrgID), C(lambda:EventSourceToken),
    C(lambda:FunctionUrlAuthType)) are all recognised.
  - A run that changes nothing costs one API call (C(GetPolicy)).
  - The statement is managed whole. A condition the task does not give is not wanted, so a stored statement
    that has one is replaced.
  - AWS has no call that changes a statement in place, so a statement that differs is replaced.
    C(RemovePermission) is sent with the policy's C(RevisionId) as read by C(GetPolicy). If the policy changed
    since it was read, AWS refuses and nothing is removed. C(AddPermission) then follows without a C(RevisionId),
    because the remove moved the policy to a revision that C(RemovePermission) does not return. Reading the policy
    again would only add a call; it would not protect anything more. AWS refuses an C(AddPermission) whose
    statement ID already exists, so a statement that someone else added in between is never overwritten.
  - When the remove succeeded and the add failed, the task fails. Its message says that the old statement
    was removed, and that running the task again adds the new one. The old statement is returned as
    C(removed_statement).
  - A new statement is added without a C(RevisionId), so tasks adding different statements to one function
    at the same time do not make one another fail.
  - Granting an AWS service without O(source_arn) or O(source_account) lets resources of other accounts
    invoke the function (the confused deputy problem). So does V(*) without a condition. In both cases the
    module warns and names the option that fixes it.
  - Every option name of C(amazon.aws.lambda_policy) is accepted with the same meaning. Unlike that module, it
    does not set C(ansible_facts).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function. A partial ARN (C(ACCOUNT:function:NAME)) works too.
    type: str
    required: true
    aliases: [lambda_function_arn, function_arn]
  qualifier:
    description:
      - Version number or alias name whose policy is managed, instead of the function's own policy.
      - Mutually exclusive with O(alias) and O(version), which are other ways to give it.
    type: str
  alias:
    description:
      - Name of the alias whose policy is managed.
    type: str
  version:
    description:
      - Number of the version whose policy is managed.
    type: int
  statement_id:
    description:
      - ID (C(Sid)) of the statement. Letters, digits, V(-) and V(_).
    type: str
    required: true
    aliases: [sid]
  state:
    description:
      - V(present) adds the statement, or replaces it when it differs. V(absent) removes it.
    type: str
    choices: [present, absent]
    default: present
  action:
    description:
      - The action the statement allows, for example V(lambda:InvokeFunction), V(lambda:InvokeFunctionUrl),
        V(lambda:GetFunction) or V(lambda:*). The C(lambda:) prefix may be left out.
      - Required with O(state=present).
    type: str
  principal:
    description:
      - Who is allowed. This can be an AWS service (for example V(s3.amazonaws.com) or V(sns.amazonaws.com)), an
        account ID (V(123456789012)) or its root ARN, an IAM user or role ARN, or V(*) for anyone.
      - Required with O(state=present).
    type: str
  source_arn:
    description:
      - Only requests coming from this resource are allowed, for example the ARN of an S3 bucket, an SNS topic
        or an EventBridge rule. Stored as the condition C(ArnLike AWS:SourceArn), so wildcards work.
    type: str
  source_account:
    description:
      - Only requests coming from resources of this account are allowed. Twelve digits, without hyphens.
        Stored as the condition C(StringEquals AWS:SourceAccount).
    type: str
  event_source_token:
    description:
      - Token that the event source must send, for example an Alexa skill ID. Stored as the condition
        C(StringEquals lambda:EventSourceToken).
      - Mutually exclusive with O(source_arn) and O(source_account).
    type: str
  principal_org_id:
    description:
      - Only principals of this AWS Organizations organization (C(o-...)) are allowed. Goes with O(principal=*)
        or an account principal. Stored as the condition C(StringEquals aws:PrincipalOrgID).
    type: str
  function_url_auth_type:
    description:
      - The statement allows only requests to the function URL that uses this auth type. V(NONE) together
        with O(principal=*) and O(action=lambda:InvokeFunctionUrl) makes a public function URL.
      - Stored as the condition C(StringEquals lambda:FunctionUrlAuthType).
    type: str
    choices: [NONE, AWS_IAM]
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetPolicy)). C(changed), the returned statement and the diff are
    predicted for an add, a replacement and a removal.
  - AWS stores a statement for an IAM role or user with the role's or user's ARN. After that role or user is
    deleted, AWS shows its unique ID instead. The next run then replaces the statement, so that it grants the
    role or user that now has that ARN.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
"""

EXAMPLES = r"""
- name: Let one S3 bucket of this account invoke the function
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: s3-uploads
    action: lambda:InvokeFunction
    principal: s3.amazonaws.com
    source_arn: arn:aws:s3:::uploads-bucket
    source_account: "123456789012"

- name: Let another account invoke the live alias
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    alias: live
    sid: partner-account
    action: InvokeFunction
    principal: "210987654321"

- name: Let every account of the organization invoke the function
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: whole-org
    action: lambda:InvokeFunction
    principal: "*"
    principal_org_id: o-a1b2c3d4e5

- name: A public function URL
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: public-url
    action: lambda:InvokeFunctionUrl
    principal: "*"
    function_url_auth_type: NONE

- name: Remove a statement
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: partner-account
    alias: live
    state: absent
"""

RETURN = r"""
statement:
  description:
    - The statement as AWS stores it, parsed from its JSON.
    - In check mode, when the statement would be added or replaced, this is the statement as AWS is expected
      to store it.
    - Null when the statement does not exist, or no longer does.
  returned: always
  type: dict
  sample:
    Sid: s3-uploads
    Effect: Allow
    Principal: {Service: s3.amazonaws.com}
    Action: lambda:InvokeFunction
    Resource: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer
    Condition:
      ArnLike: {"AWS:SourceArn": "arn:aws:s3:::uploads-bucket"}
      StringEquals: {"AWS:SourceAccount": "123456789012"}
revision_id:
  description:
    - The C(RevisionId) of the policy as C(GetPolicy) read it at the start of the task.
    - Null when the task changed the policy, because C(AddPermission) and C(RemovePermission) do not return the
      new revision. It is also null when the function has no policy.
  returned: always
  type: str
  sample: 3f7c1a52-9d0e-4b8c-a1e4-0f6b2d9c7e11
diff:
  description:
    - The fields that changed, before and after, in the form the options use. Conditions are keyed by option
      name. Only returned with C(--diff).
  returned: with --diff
  type: dict
  sample:
    before: {conditions: {source_arn: "arn:aws:s3:::old-bucket"}}
    after: {conditions: {source_arn: "arn:aws:s3:::uploads-bucket"}}
"""

import json
import re
from contextlib import contextmanager

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import (
    ACTION,
    add_permission_parameters,
    canonical_action,
    canonical_principal,
    comparable_statement,
    find_statement,
    parse_policy,
    policy_resource,
    principal_kind,
    stored_form,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    function_name_problem,
    qualifier_problem,
    split_qualified,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import USER_KEYED, changed_fields, ensure

STATEMENT_ID = re.compile(r"^[a-zA-Z0-9_-]{1,100}$")
SOURCE_ARN = re.compile(r"^arn:aws[a-zA-Z0-9-]*:[a-zA-Z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$")
SOURCE_ACCOUNT = re.compile(r"^\d{12}$")
PRINCIPAL_ORG_ID = re.compile(r"^o-[a-z0-9]{10,32}$")
EVENT_SOURCE_TOKEN = re.compile(r"^[a-zA-Z0-9._-]{1,256}$")

# option -> AddPermission parameter, for the conditions.
CONDITION_OPTIONS = (
    ("source_arn", "SourceArn"),
    ("source_account", "SourceAccount"),
    ("principal_org_id", "PrincipalOrgID"),
    ("event_source_token", "EventSourceToken"),
    ("function_url_auth_type", "FunctionUrlAuthType"),
)
# The conditions are compared as a whole: one that is stored but not asked for is a difference.
COMPARED_WHOLE = USER_KEYED | frozenset(("Conditions",))

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", required=True, aliases=["lambda_function_arn", "function_arn"]),
    qualifier=dict(type="str"),
    alias=dict(type="str"),
    version=dict(type="int"),
    statement_id=dict(type="str", required=True, aliases=["sid"]),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    action=dict(type="str"),
    principal=dict(type="str"),
    source_arn=dict(type="str"),
    source_account=dict(type="str"),
    event_source_token=dict(type="str", no_log=False),
    principal_org_id=dict(type="str"),
    function_url_auth_type=dict(type="str", choices=["NONE", "AWS_IAM"]),
)

MUTUALLY_EXCLUSIVE = [
    ["qualifier", "alias", "version"],
    ["event_source_token", "source_arn"],
    ["event_source_token", "source_account"],
]
REQUIRED_IF = [["state", "present", ["action", "principal"]]]


def qualifier_of(params):
    """The Qualifier to send (qualifier, alias or version), or None for the function's own policy."""
    if params.get("version") is not None:
        return str(params["version"])
    return params.get("qualifier") or params.get("alias") or None


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    name = params["function_name"]
    problem = function_name_problem(name, qualified=True)
    if problem:
        errors.append(problem)
    qualifier = qualifier_of(params)
    problem = qualifier is not None and qualifier_problem(qualifier, "qualifier/alias/version")
    if problem:
        errors.append(problem)
    named = split_qualified(name)[1]
    if qualifier is not None and named is not None and str(qualifier) != named:
        errors.append("qualifier: %s differs from the qualifier %s that function_name ends with; give the version or "
                      "alias once." % (qualifier, named))
    for option, value in (("qualifier/alias/version", qualifier), ("function_name", named)):
        if value == "$LATEST":
            errors.append("%s: AWS keeps no resource policy for $LATEST (AddPermission refuses it); leave $LATEST out "
                          "to manage the function's own policy, which covers $LATEST, or give a published version or "
                          "an alias." % option)
    if params.get("version") is not None and params["version"] < 1:
        errors.append("version must be a published version number (1 or more), not %s." % params["version"])
    if not STATEMENT_ID.match(params["statement_id"]):
        errors.append("statement_id: %s may only hold letters, digits, - and _ (at most 100)." % params["statement_id"])
    if params["state"] == "absent":
        return errors
    action = params.get("action")
    if action is not None and not ACTION.match(action):
        errors.append("action: %s is not a Lambda action. Give lambda:ACTION, for example lambda:InvokeFunction, "
                      "lambda:InvokeFunctionUrl or lambda:* (the lambda: prefix may be left out)." % action)
    principal = params.get("principal")
    if principal is not None and principal_kind(principal) is None:
        errors.append("principal: %s is not a principal Lambda accepts. Give an AWS service (s3.amazonaws.com), "
                      "a 12-digit account ID, an IAM ARN (arn:aws:iam::ACCOUNT:role/NAME) or *." % principal)
    checks = (
        ("source_arn", SOURCE_ARN, "an ARN (arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE, for example arn:aws:s3:::bucket)"),
        ("source_account", SOURCE_ACCOUNT, "a 12-digit AWS account ID (digits only, no hyphens; quote it in YAML "
                                           "so a leading zero is kept)"),
        ("principal_org_id", PRINCIPAL_ORG_ID, "an AWS Organizations ID (o- and 10 to 32 lowercase letters or digits)"),
        ("event_source_token", EVENT_SOURCE_TOKEN, "a token of letters, digits, '.', '_' and '-' (at most 256)"),
    )
    for option, pattern, what in checks:
        value = params.get(option)
        if value is not None and not pattern.match(value):
            errors.append("%s: %s is not %s." % (option, value, what))
    return errors


def desired_statement(params):
    """The statement the options ask for, in the comparable form (see module_utils/policy.py)."""
    return dict(
        Action=canonical_action(params["action"]),
        Principal=canonical_principal(params["principal"]),
        Conditions=dict((parameter, params[option]) for option, parameter in CONDITION_OPTIONS
                        if params.get(option) is not None),
    )


def exposure_warnings(params):
    """Warnings for statements that let more callers in than the task probably means (confused deputy)."""
    kind = principal_kind(params.get("principal"))
    given = set(option for option, _parameter in CONDITION_OPTIONS if params.get(option) is not None)
    if kind == "service" and not given & {"source_arn", "source_account", "event_source_token"}:
        return ["principal %s is an AWS service and neither source_arn nor source_account is given, so resources "
                "in any AWS account can make that service invoke the function (confused deputy). Give source_arn "
                "(the ARN of the bucket, topic, rule...) and/or source_account (the account that owns it)."
                % params["principal"]]
    if kind == "any" and not given:
        return ["principal '*' without a condition lets anyone invoke the function. Give principal_org_id to allow "
                "only your organization, source_arn or source_account to allow only one resource or account, or "
                "function_url_auth_type for a function URL."]
    return []


@contextmanager
def failure_context(client, prefix, **details):
    """While the block runs, a failure of ``client`` starts with ``prefix`` and carries ``details``."""
    module = client.module

    class _Explained:
        def __getattr__(self, name):
            return getattr(module, name)

        def fail_json(self, msg="", **kwargs):
            kwargs.update(details)
            module.fail_json(msg=prefix + msg, **kwargs)

    client.module = _Explained()
    try:
        yield
    finally:
        client.module = module


class PolicyEditor:
    """Sends the requests that add, replace and remove one statement."""

    def __init__(self, client, target, sid, revision, stored):
        self.client = client
        self.target = target  # FunctionName and, for a version or alias, Qualifier
        self.sid = sid
        self.revision = revision  # RevisionId of the policy as GetPolicy read it
        self.stored = stored  # the statement as GetPolicy read it, or None

    def _where(self):
        return self.target["FunctionName"] + (":" + self.target["Qualifier"] if "Qualifier" in self.target else "")

    def _revision(self):
        return dict(RevisionId=self.revision) if self.revision else {}

    def add(self, desired):
        answer = self.client.call("AddPermission", StatementId=self.sid, already_done=lambda error: self._added(desired),
                                  **dict(self.target, **add_permission_parameters(desired)))
        return parse_statement(answer)

    def _added(self, desired):
        """The statement AWS says already exists, in AddPermission's answer shape, when it is the one asked
        for (an add whose answer was lost, or another run's identical add); else None."""
        document, _revision = parse_policy(self.client.call("GetPolicy", missing_ok=True, **self.target))
        stored = find_statement(document, self.sid)
        if stored is None or changed_fields(desired, comparable_statement(stored), COMPARED_WHOLE):
            return None
        return dict(Statement=stored)

    def remove(self):
        prefix = ("Statement %s was not removed from the policy of %s (if the policy changed since it was read, "
                  "run the task again): " % (self.sid, self._where()))
        with failure_context(self.client, prefix):
            self.client.call("RemovePermission", StatementId=self.sid, **dict(self.target, **self._revision()))

    def replace(self, desired):
        self.remove()
        prefix = ("Statement %s was removed from the policy of %s to be replaced, but adding the new statement "
                  "failed, so the function has no statement %s now. Fix the cause below and run the task again: it "
                  "will add the statement. " % (self.sid, self._where(), self.sid))
        with failure_context(self.client, prefix, removed_statement=self.stored):
            return self.add(desired)


def parse_statement(answer):
    """The statement of an AddPermission answer (a JSON string), parsed."""
    statement = (answer or {}).get("Statement")
    return json.loads(statement) if isinstance(statement, str) else statement


def converge(module, client):
    """Read the policy, converge the statement, and return the task's result."""
    params = module.params
    target = dict(FunctionName=params["function_name"])
    qualifier = qualifier_of(params)
    if qualifier is not None:
        target["Qualifier"] = qualifier
    document, revision = parse_policy(client.call("GetPolicy", missing_ok=True, **target))
    stored = find_statement(document, params["statement_id"])
    present = params["state"] == "present"
    desired = desired_statement(params) if present else None
    editor = PolicyEditor(client, target, params["statement_id"], revision, stored)
    outcome = ensure(module, comparable_statement(stored), desired, create=editor.add,
                     update=lambda changes: editor.replace(desired), delete=editor.remove,
                     state=params["state"], exact=COMPARED_WHOLE)
    if outcome.action is None:
        statement = stored
    elif not present:
        statement = None
    elif module.check_mode:
        statement = stored_form(params["statement_id"], desired,
                                (stored or {}).get("Resource") or policy_resource(document))
    else:
        statement = outcome.result
    result = dict(changed=outcome.changed, statement=statement, revision_id=None if outcome.changed else revision)
    if module._diff:
        result["diff"] = outcome.diff
    return result


def run(module, client):
    """Warn about what the statement exposes, then converge it; the task's result."""
    if module.params["state"] == "present":
        for warning in exposure_warnings(module.params):
            module.warn(warning)
    return converge(module, client)


def main():
    run_module(ARGUMENT_SPEC, run, mutually_exclusive=MUTUALLY_EXCLUSIVE, required_if=REQUIRED_IF, validate=validate)


if __name__ == "__main__":
    main()
