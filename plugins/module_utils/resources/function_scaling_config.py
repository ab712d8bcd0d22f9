# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The scaling of one published version of a function on a capacity provider (lambda_function_scaling_config).

A function that runs on Lambda Managed Instances (lambda_function's ``capacity_provider_config``) scales each
published version (a number, or ``$LATEST.PUBLISHED``) between a minimum and a maximum number of execution
environments. GetFunctionScalingConfig answers both what was asked for (RequestedFunctionScalingConfig, what the
task compares) and what AWS applies (AppliedFunctionScalingConfig). PutFunctionScalingConfig sends the whole
configuration: a member the task does not give keeps the value AWS has. AWS has no operation that deletes it.
"""

import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names, reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_pattern
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    function_options,
    model_bounds,
    range_errors,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource

# The qualifier is ``raw``: a version may be given as a number, and a boolean is refused rather than read as text.
ARGUMENT_SPEC = dict(
    function_options(),
    qualifier=dict(type="raw", required=True),
    min_execution_environments=dict(type="int"),
    max_execution_environments=dict(type="int"),
)

FIELDS = (("MinExecutionEnvironments", "min_execution_environments"),
          ("MaxExecutionEnvironments", "max_execution_environments"))


def qualifier_of(value):
    """The API form of ``qualifier`` ("3" for 3); InvalidInput unless it is what the model takes (a version
    number or $LATEST.PUBLISHED)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidInput("qualifier: %r is not a version number or $LATEST.PUBLISHED." % (value,))
    text = str(value)
    pattern = model_pattern("PublishedFunctionQualifier") or r"(\$LATEST\.PUBLISHED|[0-9]+)"
    if not re.fullmatch("(?:%s)" % pattern, text):
        raise InvalidInput("qualifier: %s is not a published version; AWS scales a published version of a function "
                           "on a capacity provider, given as its number (1, 2, ...) or $LATEST.PUBLISHED (an alias "
                           "or $LATEST is not taken)." % text)
    return str(int(text)) if text.isdigit() else text


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    problems = []
    problem = names.function_name_problem(params.get("function_name"))
    if problem:
        problems.append(problem + " Give the version as qualifier.")
    try:
        qualifier_of(params.get("qualifier"))
    except InvalidInput as error:
        problems.append(error.msg)
    bounds = model_bounds("FunctionScalingConfigExecutionEnvironments")
    problems.extend(range_errors(params, dict((option, bounds) for _field, option in FIELDS)))
    low, high = params.get("min_execution_environments"), params.get("max_execution_environments")
    if low is not None and high is not None and low > high:
        problems.append("min_execution_environments: %s is more than max_execution_environments %s." % (low, high))
    if low is None and high is None:
        problems.append("min_execution_environments or max_execution_environments: give at least one (the task "
                        "manages only what is given).")
    return problems


def config_of(config):
    """A FunctionScalingConfig of an answer, both members present (None where AWS gave none)."""
    config = config or {}
    return dict((field, config.get(field)) for field, _option in FIELDS)


class FunctionScalingConfig(Resource):
    """The scaling configuration of one published version of ``function_name``."""

    kind = "function_scaling_config"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.function = self.params["function_name"]
        self.qualifier = qualifier_of(self.params["qualifier"])
        self.key = dict(FunctionName=self.function, Qualifier=self.qualifier)
        self.answer = None
        self.current = None  # RequestedFunctionScalingConfig as read (config_of)

    @classmethod
    def validate(cls, params):
        return validate(params)

    def read(self):
        """RequestedFunctionScalingConfig; InvalidInput, before any change, when the version does not exist."""
        self.answer = self.client.call("GetFunctionScalingConfig", missing_ok=True, **self.key)
        if self.answer is None:
            raise InvalidInput("qualifier: the function %s has no version %s (or does not exist). Publish it first "
                               "(cloudfn.aws_lambda.lambda_function with publish: true), or name one it has."
                               % (self.function, self.qualifier))
        self.current = config_of(self.answer.get("RequestedFunctionScalingConfig"))
        return self.current

    def desired(self):
        return dict((field, self.params.get(option)) for field, option in FIELDS)

    def plan(self, current, desired):
        """The plan; a minimum that would end above the maximum (one given, the other as AWS has it) is refused."""
        outcome = reconcile.plan(current, desired)
        after = self.requested(current, outcome.changes)
        low, high = after["MinExecutionEnvironments"], after["MaxExecutionEnvironments"]
        if outcome.action is not None and low is not None and high is not None and low > high:
            raise InvalidInput("min_execution_environments: %s would be more than max_execution_environments %s "
                               "(one of them as %s:%s has it); give both." % (low, high, self.function, self.qualifier))
        return outcome

    @staticmethod
    def requested(current, changes):
        """What is asked for after the change: ``current`` with the ``changes`` (PutFunctionScalingConfig's body)."""
        return dict(current, **reconcile.without_none(changes))

    def apply(self, plan):
        return reconcile.apply(plan, create=None, update=self._put, delete=None)

    def _put(self, changes):
        wanted = reconcile.without_none(self.requested(self.current, changes))
        return self.client.call("PutFunctionScalingConfig", FunctionScalingConfig=wanted, **self.key)

    def result(self, plan):
        """The configuration asked for after the run (predicted in check mode), and what AWS applies as read
        before the change (AWS applies a change after it answers)."""
        requested = self.requested(self.current, plan.changes)
        result = dict(
            function_name=self.function, qualifier=self.qualifier, function_arn=self.answer.get("FunctionArn"),
            requested_function_scaling_config=reconcile.snake_dict(requested),
            applied_function_scaling_config=reconcile.snake_dict(config_of(
                self.answer.get("AppliedFunctionScalingConfig"))),
        )
        if plan.result is not None:
            result["function_state"] = plan.result.get("FunctionState")
        return result
