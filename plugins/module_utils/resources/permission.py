# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""One statement of a function's resource policy (module lambda_policy; lambda_app's ``permissions:`` items).

The statement is compared in the flat form of ``module_utils/policy.py``: unchanged costs one GetPolicy;
a new one is added (AddPermission), a changed one removed (with the policy's RevisionId) and added again,
an unwanted one removed.
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import failure_context
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    ACCOUNT_ID,
    EVENT_SOURCE_TOKEN,
    LATEST,
    ORGANIZATION_ID,
    SOURCE_ARN,
    STATEMENT_ID,
    function_name_problem,
    qualifier_problem,
    split_qualified,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import function_options, state_option
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import (
    ACTION,
    add_permission_parameters,
    canonical_action,
    canonical_principal,
    comparable_statement,
    find_statement,
    parse_policy,
    parse_statement,
    policy_resource,
    principal_kind,
    stored_form,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource

# option -> AddPermission parameter, for the conditions.
CONDITION_OPTIONS = (
    ("source_arn", "SourceArn"),
    ("source_account", "SourceAccount"),
    ("principal_org_id", "PrincipalOrgID"),
    ("event_source_token", "EventSourceToken"),
    ("function_url_auth_type", "FunctionUrlAuthType"),
    ("invoked_via_function_url", "InvokedViaFunctionUrl"),
)
# The conditions are compared as a whole: one that is stored but not asked for is a difference.
COMPARED_WHOLE = reconcile.USER_KEYED | frozenset(("Conditions",))

# The options of one statement of a function's policy (lambda_app's ``permissions:`` items: the function is
# the item's); ``qualifier``, ``alias`` or ``version`` name the version or alias whose policy it is in.
ITEM_SPEC = dict(
    qualifier=dict(type="str"),
    alias=dict(type="str"),
    version=dict(type="int"),
    statement_id=dict(type="str", required=True, aliases=["sid"]),
    action=dict(type="str"),
    principal=dict(type="str"),
    source_arn=dict(type="str"),
    source_account=dict(type="str"),
    event_source_token=dict(type="str", no_log=False),
    principal_org_id=dict(type="str"),
    function_url_auth_type=dict(type="str", choices=["NONE", "AWS_IAM"]),
    invoked_via_function_url=dict(type="bool"),
)
ITEM_SPEC.update(state_option())

# The options of module lambda_policy: action and principal are required in every state, as amazon.aws.lambda_policy
# requires them (lambda_app's items need them only to add a statement: REQUIRED_IF).
ARGUMENT_SPEC = function_options(aliases=["lambda_function_arn", "function_arn"])
ARGUMENT_SPEC.update(ITEM_SPEC)
ARGUMENT_SPEC.update(action=dict(ITEM_SPEC["action"], required=True), principal=dict(ITEM_SPEC["principal"], required=True))

MUTUALLY_EXCLUSIVE = [
    ["qualifier", "alias", "version"],
    ["event_source_token", "source_arn"],
    ["event_source_token", "source_account"],
]
REQUIRED_IF = [["state", "present", ["action", "principal"]]]

# What amazon.aws.lambda_policy reports in ``ansible_facts.lambda_policy_action``, by the plan's action.
POLICY_ACTIONS = {"create": "added", "update": "updated", "delete": "deleted", None: "none"}

# option, its pattern, what it must be
CONDITION_CHECKS = (
    ("source_arn", SOURCE_ARN, "an ARN (arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE, for example arn:aws:s3:::bucket)"),
    ("source_account", ACCOUNT_ID, "a 12-digit AWS account ID (digits only, no hyphens; quote it in YAML "
                                   "so a leading zero is kept)"),
    ("principal_org_id", ORGANIZATION_ID, "an AWS Organizations ID (o- and 10 to 32 lowercase letters or digits)"),
    ("event_source_token", EVENT_SOURCE_TOKEN, "a token of letters, digits, '.', '_' and '-' (at most 256)"),
)


def qualifier_of(params):
    """The Qualifier to send (qualifier, alias or version), or None for the function's own policy."""
    if params.get("version") is not None:
        return str(params["version"])
    return params.get("qualifier") or params.get("alias") or None


def desired_statement(params):
    """The statement the options ask for, in the comparable form (see module_utils/policy.py)."""
    return dict(
        Action=canonical_action(params["action"]),
        Principal=canonical_principal(params["principal"]),
        # invoked_via_function_url: false is no condition (AWS keeps the condition only for true)
        Conditions=dict((parameter, params[option]) for option, parameter in CONDITION_OPTIONS
                        if params.get(option) not in (None, False)),
    )


def exposure_warnings(params):
    """Warnings for statements that let more callers in than the task probably means (confused deputy)."""
    kind = principal_kind(params.get("principal"))
    given = set(option for option, _parameter in CONDITION_OPTIONS if params.get(option) not in (None, False))
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


class Permission(Resource):
    """One statement of the resource policy of a function, version or alias."""

    kind = "permission"

    def __init__(self, task, client, policy=None, resource=None):
        """``policy``: the policy (document, RevisionId) as the caller read it with GetPolicy, so that several
        statements of one policy cost one read (resources/function_url.py); None: :meth:`read` sends GetPolicy.
        ``resource``: the ARN the policy applies to, when the caller knows it (for the check-mode prediction of a
        statement of a policy that has none yet)."""
        super().__init__(task, client)
        self.prefetched = policy
        self.resource = resource
        self.sid = self.params["statement_id"]
        self.target = dict(FunctionName=self.params["function_name"])  # and, for a version or alias, Qualifier
        qualifier = qualifier_of(self.params)
        if qualifier is not None:
            self.target["Qualifier"] = qualifier
        self.document, self.revision, self.stored = {}, None, None  # the policy, its RevisionId, the statement

    @classmethod
    def validate(cls, params):
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
            errors.append("qualifier: %s differs from the qualifier %s that function_name ends with; give the version "
                          "or alias once." % (qualifier, named))
        for option, value in (("qualifier/alias/version", qualifier), ("function_name", named)):
            if value == LATEST:
                errors.append("%s: AWS keeps no resource policy for $LATEST (AddPermission refuses it); leave $LATEST "
                              "out to manage the function's own policy, which covers $LATEST, or give a published "
                              "version or an alias." % option)
        if params.get("version") is not None and params["version"] < 1:
            errors.append("version must be a published version number (1 or more), not %s." % params["version"])
        if not STATEMENT_ID.match(params["statement_id"]):
            errors.append("statement_id: %s may only hold letters, digits, - and _ (at most 100)."
                          % params["statement_id"])
        if params.get("state", "present") == "absent":
            return errors
        action = params.get("action")
        if action is not None and not ACTION.match(action):
            errors.append("action: %s is not a Lambda action. Give lambda:ACTION, for example lambda:InvokeFunction, "
                          "lambda:InvokeFunctionUrl or lambda:* (the lambda: prefix may be left out)." % action)
        principal = params.get("principal")
        if principal is not None and principal_kind(principal) is None:
            errors.append("principal: %s is not a principal Lambda accepts. Give an AWS service (s3.amazonaws.com), "
                          "a 12-digit account ID, an IAM ARN (arn:aws:iam::ACCOUNT:role/NAME) or *." % principal)
        for option, pattern, what in CONDITION_CHECKS:
            value = params.get(option)
            if value is not None and not pattern.match(value):
                errors.append("%s: %s is not %s." % (option, value, what))
        return errors

    def _where(self):
        return self.target["FunctionName"] + (":" + self.target["Qualifier"] if "Qualifier" in self.target else "")

    def read(self):
        if self.prefetched is not None:
            self.document, self.revision = self.prefetched
        else:
            self.document, self.revision = parse_policy(self.client.call("GetPolicy", missing_ok=True, **self.target))
        self.stored = find_statement(self.document, self.sid)
        return comparable_statement(self.stored)

    def desired(self):
        return desired_statement(self.params) if self.present else None

    def plan(self, current, desired):
        """The plan; warns about what a statement to add or keep lets in."""
        if self.present:
            for warning in exposure_warnings(self.params):
                self.task.warn(warning)
        return reconcile.plan(current, desired, self.state, COMPARED_WHOLE)

    def apply(self, plan):
        wanted = self.desired()
        return reconcile.apply(plan, lambda changes: self.add(wanted), lambda changes: self.replace(wanted),
                               self.remove)

    def add(self, desired):
        def adopt(_error):
            document, _revision = parse_policy(self.client.call("GetPolicy", missing_ok=True, **self.target))
            stored = reconcile.adopted(find_statement(document, self.sid), desired, comparable_statement,
                                       COMPARED_WHOLE)
            return None if stored is None else dict(Statement=stored)
        answer = self.client.call("AddPermission", StatementId=self.sid, already_done=adopt,
                                  **dict(self.target, **add_permission_parameters(desired)))
        return parse_statement(answer)

    def remove(self):
        revision = dict(RevisionId=self.revision) if self.revision else {}
        with failure_context("Statement %s was not removed from the policy of %s (if the policy changed since it was "
                             "read, run the task again): " % (self.sid, self._where())):
            self.client.call("RemovePermission", StatementId=self.sid, **dict(self.target, **revision))

    def replace(self, desired):
        self.remove()
        with failure_context("Statement %s was removed from the policy of %s to be replaced, but adding the new "
                             "statement failed, so the function has no statement %s now. Fix the cause below and "
                             "run the task again: it will add the statement. " % (self.sid, self._where(), self.sid),
                             removed_statement=self.stored):
            return self.add(desired)

    def result(self, plan):
        if plan.action is None:
            statement = self.stored
        elif not self.present:
            statement = None
        elif self.task.check_mode:
            statement = stored_form(self.sid, self.desired(), (self.stored or {}).get("Resource")
                                    or policy_resource(self.document) or self.resource)
        else:
            statement = plan.result
        return dict(statement=statement, revision_id=None if plan.changed else self.revision,
                    ansible_facts=dict(lambda_policy_action=POLICY_ACTIONS[plan.action]))
