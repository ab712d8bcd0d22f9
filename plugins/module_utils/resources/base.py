# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The surface every resource kind has (one file per kind in this folder).

A resource is built from a task (its options, check/diff mode, warnings: runner.Task) and the
client, and converges in five steps, each of which a caller (a module, lambda_app) may also run on
its own:

- ``read()``: the resource as it is, in one normalized shape, or None when it does not exist;
- ``desired()``: what the options ask for, in the same shape; pure (no client), None = not managed;
- ``plan(current, desired)``: pure: a reconcile.Outcome (action create / update / delete / None,
  the changes to send, before/after for the diff), and every check that needs ``current`` (a
  LambdaError raised here is raised before any write);
- ``apply(plan)``: the requests (waits after a write, RevisionId, adopting a create whose answer was
  lost); fills ``plan.result``;
- ``result(plan)``: what the task returns (in check mode, the prediction).

``converge()`` runs them in order; ``validate(params)`` (a class method) lists what is wrong with the
options without any request, and is what the module runs before it builds a client.
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names, reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, LambdaError


def function_name_error(function_name, qualifier_hint):
    """The message for a ``function_name`` that is neither a function's name nor its ARN, else None. A resource
    of a version or alias takes it as ``qualifier``: ``qualifier_hint`` says which (``a version or alias``)."""
    if not names.function_name_problem(function_name):
        return None
    return ("function_name: %s is not a function name or ARN (letters, digits, - and _, or "
            "arn:aws:lambda:REGION:ACCOUNT:function:NAME); give %s as qualifier." % (function_name, qualifier_hint))


def after_run(plan, current, new, unknown):
    """A resource as it is after the run: as AWS answered the change (``plan.result``), as read (``current``)
    when nothing changed, else predicted: ``current`` (or ``new``, what a resource to be created starts from)
    with the plan's changes, and the ``unknown`` fields AWS sets anew on a write (a time) as None."""
    if plan.result is not None:
        return plan.result
    if plan.action is None:
        return current
    predicted = reconcile.merged(current or new, plan.changes)
    predicted.update((field, None) for field in unknown)
    return predicted


def predicted_arn(task, client, name, resource_type, what, returned):
    """The ARN of a resource to be created: ``name`` when it is an ARN, else
    arn:PARTITION:lambda:REGION:ACCOUNT:``resource_type``:``name``, from the caller's account and partition (STS
    GetCallerIdentity) and the client's region. None, with a warning naming ``what`` and the ``returned`` key that
    stays null, when STS cannot answer (check mode still sends no write)."""
    if name.startswith("arn:"):
        return name
    try:
        identity = client.call("GetCallerIdentity", service="sts")
    except LambdaError as error:
        task.warn("The ARN of the %s %s (which does not exist yet) could not be predicted, so %s is null: %s"
                  % (what, name, returned, error.msg))
        return None
    partition = identity["Arn"].split(":")[1]
    region = client.client.meta.region_name
    return "arn:%s:lambda:%s:%s:%s:%s" % (partition, region, identity["Account"], resource_type, name)


def existing_function_arn(client, key, missing_qualifier):
    """The unqualified ARN of the function ``key`` names (GetFunctionConfiguration, with its Qualifier if any), for
    a resource to be created on it. InvalidInput, before any change, when the function does not exist, or (with
    ``missing_qualifier``, the message) its version or alias does not."""
    answer = client.call("GetFunctionConfiguration", missing_ok=True, **key)
    if answer is None and "Qualifier" in key:
        raise InvalidInput(missing_qualifier)
    if answer is None:
        raise InvalidInput("function_name: the function %s does not exist. Create it first "
                           "(cloudfn.aws_lambda.lambda_function), or name one that exists." % key["FunctionName"])
    return names.unqualified_function_arn(answer["FunctionArn"])


class Resource:
    """One resource of a kind; subclasses implement read / desired / plan / apply / result."""

    kind = None  # "function", "alias", ... as lambda_app's plan names it

    def __init__(self, task, client):
        self.task = task
        self.client = client
        self.params = task.params
        self.outcome = None  # the plan converge() made (its action: create, update, delete or None)

    @property
    def state(self):
        """The ``state`` option: present or absent (an item without ``state`` is present)."""
        return self.params.get("state") or "present"

    @property
    def present(self):
        """True unless the options ask for state=absent."""
        return self.state == "present"

    @classmethod
    def validate(cls, params):
        """Messages for what is wrong with ``params``, found without any request (empty: all is well)."""
        return []

    def read(self):
        raise NotImplementedError

    def desired(self):
        raise NotImplementedError

    def plan(self, current, desired):
        return reconcile.plan(current, desired, self.state)

    def apply(self, plan):
        raise NotImplementedError

    def result(self, plan):
        raise NotImplementedError

    def converge(self):
        """read, desired, plan, apply (not in check mode), result; the task's result with changed and diff."""
        current = self.read()
        outcome = self.outcome = self.plan(current, self.desired())
        if not self.task.check_mode:
            self.apply(outcome)
        result = self.result(outcome)
        result.setdefault("changed", outcome.changed)
        if self.task.diff:
            result.setdefault("diff", outcome.diff)
        return result

    @classmethod
    def run(cls, task, client):
        """The ``run`` a module hands to runner.run_module."""
        return cls(task, client).converge()
