# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The whole resource-based policy of one Lambda resource (module lambda_resource_policy).

PutResourcePolicy replaces the whole document, statements added by AddPermission (lambda_policy,
lambda_function_url, the console) included; GetResourcePolicy reads it with its RevisionId, which the
Put and the DeleteResourcePolicy carry. The documents are compared as IAM reads them
(policy.same_document): unchanged costs one GetResourcePolicy.
"""

import json

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names, reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import fits_model_string, model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import (
    Conflict,
    StaleRevision,
    failure_context,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import state_option
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import same_document
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import (
    Resource,
    existing_function_arn,
    function_name_error,
)

# The qualifier is ``raw``: a version may be given as a number, and a boolean is refused rather than read as text.
ARGUMENT_SPEC = dict(
    resource_arn=dict(type="str"),
    function_name=dict(type="str"),
    qualifier=dict(type="raw"),
    policy=dict(type="json"),
    **state_option()
)
MUTUALLY_EXCLUSIVE = [["resource_arn", "function_name"]]
REQUIRED_ONE_OF = [["resource_arn", "function_name"]]
REQUIRED_BY = {"qualifier": "function_name"}

# The qualifiers the API's ARN pattern takes besides versions and aliases.
LATEST_QUALIFIERS = (names.LATEST, names.LATEST + ".PUBLISHED")
RESOURCE_ARN_FORM = ("arn:aws:lambda:REGION:ACCOUNT:function:NAME, optionally ending with :VERSION, :ALIAS or "
                     ":$LATEST, or arn:aws:lambda:REGION:ACCOUNT:runtime/NAME")


def resource_arn_problem(arn):
    """Why ``arn`` is not an ARN PutResourcePolicy takes (its pattern in botocore's service model), else None."""
    if fits_model_string(arn, "PolicyResourceArn", lengths=False):
        return None
    return ("resource_arn: %s is not the ARN of a Lambda function, version, alias or runtime that AWS keeps a "
            "resource policy for (%s; complete, without wildcards)." % (arn, RESOURCE_ARN_FORM))


def qualifier_problem(value):
    """Why the ``qualifier`` option's value is not a version, alias or $LATEST, else None."""
    if value is None or (isinstance(value, str) and value.strip() in LATEST_QUALIFIERS):
        return None
    kind, text = names.qualifier_form(value)
    if kind == "type":
        return "qualifier: %r is not a version or alias; give a version number or an alias name." % (value,)
    if kind == "unpublished":
        return ("qualifier: %s is not a version; published versions are numbered from 1 (omit qualifier for the "
                "function's own policy)." % text)
    if kind == "invalid":
        return ("qualifier: %s is not a version number, an alias name (1 to 128 letters, digits, - and _), $LATEST "
                "or $LATEST.PUBLISHED." % text)
    return None


def parse_document(value):
    """(the policy option's document, None) or (None, why it is not a policy document)."""
    try:
        document = json.loads(value)
    except ValueError as e:
        return None, "policy: not JSON (%s). Give the document as a dictionary or as JSON text." % e
    if not isinstance(document, dict):
        return None, ("policy: a JSON %s, not a policy document; give an object with a Statement list, "
                      "{\"Version\": \"2012-10-17\", \"Statement\": [...]}." % type(document).__name__)
    found = document.get("Statement")
    if not isinstance(found, list) or not all(isinstance(statement, dict) for statement in found):
        return None, ("policy: its Statement must be a list of statement objects ({\"Effect\": ..., \"Principal\": "
                      "..., \"Action\": ...}), not %s." % json.dumps(found))
    if not found:
        return None, "policy: its Statement list is empty; to remove the whole policy use state=absent."
    return document, None


def policy_text(document):
    """The document as PutResourcePolicy's Policy: compact JSON."""
    return json.dumps(document, separators=(",", ":"))


def document_problems(params):
    """The messages for what is wrong with the ``policy`` option in the ``state`` given."""
    state = params.get("state") or "present"
    if params.get("policy") is None:
        return ["policy: required with state=present (the whole document; to remove it use state=absent)."] \
            if state == "present" else []
    if state == "absent":
        return ["policy: not taken with state=absent, which removes the whole policy whatever it holds; leave "
                "policy out."]
    document, problem = parse_document(params["policy"])
    if problem:
        return [problem]
    low, high = model_range("ResourcePolicy")
    length = len(policy_text(document))
    if high is not None and length > high:
        return ["policy: %d characters as compact JSON; AWS takes at most %d." % (length, high)]
    return []


def stored_document(answer):
    """(document, RevisionId) of a GetResourcePolicy or PutResourcePolicy answer; (None, None) for None."""
    if answer is None:
        return None, None
    policy = answer.get("Policy")
    return (json.loads(policy) if isinstance(policy, str) else policy), answer.get("RevisionId")


class ResourcePolicy(Resource):
    """The whole resource-based policy of a function, version, alias or runtime."""

    kind = "resource_policy"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.arn = self.params.get("resource_arn")  # with function_name: learnt by read()
        self.document, self.revision = None, None

    @classmethod
    def validate(cls, params):
        errors = []
        if params.get("resource_arn") is not None:
            errors.append(resource_arn_problem(params["resource_arn"]))
        if params.get("function_name") is not None:
            errors.append(function_name_error(params["function_name"], "a version or alias"))
        errors.append(qualifier_problem(params.get("qualifier")))
        errors.extend(document_problems(params))
        return [error for error in errors if error]

    def _qualifier(self):
        value = self.params.get("qualifier")
        if value is None:
            return None
        return value.strip() if isinstance(value, str) and value.strip() in LATEST_QUALIFIERS \
            else names.qualifier_form(value)[1]

    def _resolved_arn(self):
        """The ARN of function_name (and qualifier), read with GetFunctionConfiguration; InvalidInput when the
        function, version or alias does not exist."""
        key = dict(FunctionName=self.params["function_name"])
        qualifier = self._qualifier()
        if qualifier is not None:
            key["Qualifier"] = qualifier
        arn = existing_function_arn(self.client, key, (
            "qualifier: the function %s has no version or alias %s (or the function does not exist). Create it first "
            "(cloudfn.aws_lambda.lambda_function with publish: true, or lambda_alias), or name one it has."
            % (self.params["function_name"], qualifier)))
        return arn if qualifier is None else "%s:%s" % (arn, qualifier)

    def read(self):
        if self.arn is None:
            self.arn = self._resolved_arn()
        self.document, self.revision = stored_document(
            self.client.call("GetResourcePolicy", missing_ok=True, ResourceArn=self.arn))
        return self.document

    def desired(self):
        return parse_document(self.params["policy"])[0] if self.present else None

    def plan(self, current, desired):
        """Replace the whole document unless it says the same as the stored one; the diff shows both documents."""
        if not self.present:
            action = None if current is None else "delete"
        elif current is None:
            action = "create"
        else:
            action = None if same_document(current, desired) else "update"
        outcome = reconcile.Outcome(action, {} if action in (None, "delete") else desired, None, {}, {})
        if action is not None:
            outcome.diff = dict(before={} if current is None else dict(policy=current),
                                after={} if desired is None else dict(policy=desired))
        return outcome

    def apply(self, plan):
        return reconcile.apply(plan, create=self._put, update=self._put, delete=self._delete)

    def _revision(self):
        return dict(RevisionId=self.revision) if self.revision else {}

    def _put(self, document):
        with failure_context("resource_arn: AWS has no %s to put the policy on; create the function, version or "
                             "alias first. " % self.arn, codes=("ResourceNotFoundException",)):
            answer = self._guarded("PutResourcePolicy", ResourceArn=self.arn, Policy=policy_text(document),
                                   **self._revision())
        return stored_document(answer)

    def _delete(self):
        self._guarded("DeleteResourcePolicy", missing_ok=True, ResourceArn=self.arn, **self._revision())
        return None, None

    def _guarded(self, operation, **request):
        """A write carrying the RevisionId read: refused because the policy changed since (someone else changed it
        while this task ran), it fails saying so, rather than being planned again over the other change."""
        try:
            return self.client.call(operation, **request)
        except StaleRevision as stale:
            if stale.resent:  # possibly this run's own first try, its answer lost: the runner reads and plans again
                raise
            raise Conflict(
                "The resource policy of %s was changed by someone else while this task ran (after it read revision "
                "%s), so %s was refused and nothing was overwritten. Something else manages this policy too (another "
                "task, cloudfn.aws_lambda.lambda_policy, lambda_function_url or the console): let one of them manage "
                "it, then run the task again. (%s failed: %s: %s)"
                % (self.arn, self.revision, operation, operation, stale.code, stale.message),
                operation, stale.code, stale.message)

    def result(self, plan):
        """The policy after the run: as AWS answered the Put, as read when nothing changed, else predicted
        (the desired document, its revision unknown)."""
        if plan.action is None:
            document, revision = self.document, self.revision
        elif plan.result is not None:
            document, revision = plan.result
        else:  # check mode
            document, revision = self.desired(), None
        return dict(resource_arn=self.arn, policy=document, revision_id=revision)
