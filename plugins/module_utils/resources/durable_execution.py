# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""One durable execution of a durable function (lambda_durable_execution), and its reader (lambda_info).

The only state a task converges an execution to is ``stopped``: an execution that is running or paused is
stopped (StopDurableExecution), one that has already ended (or is being deleted) is left as it is. Pausing,
resuming and deleting are one-off operator actions, left out (docs/build/api-left-out.yml says why).
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import fits_model_string
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import NotFound
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource

# Botocore's ExecutionStatus enum, written out because the documentation lists it (a unit test compares the two).
EXECUTION_STATUSES = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "STOPPED", "DELETING", "PAUSING", "PAUSED"]
# The statuses StopDurableExecution acts on ("stops a running or paused durable execution"): every other one is
# final (SUCCEEDED, FAILED, TIMED_OUT, STOPPED: "the execution has completed") or DELETING (a completed one being
# deleted), and leaves nothing to stop.
STOPPABLE = ("RUNNING", "PAUSING", "PAUSED")
STOPPED = "STOPPED"
EXAMPLE_ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/order-42/1a2b3c4d"

ARGUMENT_SPEC = dict(
    durable_execution_arn=dict(type="str", required=True),
    state=dict(type="str", choices=["stopped"], default="stopped"),
    error=dict(type="dict", options=dict(
        error_message=dict(type="str"),
        error_type=dict(type="str"),
        error_data=dict(type="str"),
        stack_trace=dict(type="list", elements="str"),
    )),
)
ERROR_FIELDS = (("error_message", "ErrorMessage"), ("error_type", "ErrorType"), ("error_data", "ErrorData"),
                ("stack_trace", "StackTrace"))


def _model_problem(option, value, shape, what, example):
    """Why ``value`` does not fit the string shape ``shape`` of botocore's model (its length and pattern)."""
    if fits_model_string(value, shape):
        return None
    return "%s: %s is not %s (%s)." % (option, value, what, example)


def execution_arn_problem(option, value):
    """The message for a ``value`` that is not a durable execution's ARN, else None."""
    return _model_problem(option, value, "DurableExecutionArn", "the ARN of a durable execution", EXAMPLE_ARN)


def execution_name_problem(option, value):
    """The message for a ``value`` that is not a durable execution's name, else None."""
    return _model_problem(option, value, "DurableExecutionName", "a durable execution name",
                          "1 to 64 letters, digits, - and _")


def durable_execution(client, arn, include_execution_data=None):
    """GetDurableExecution's answer for the execution ``arn``; None when there is none. Without
    ``include_execution_data`` AWS's default (true) holds: the input payload, the result and the error are in it."""
    params = dict(DurableExecutionArn=arn)
    if include_execution_data is not None:
        params["IncludeExecutionData"] = include_execution_data
    return client.call("GetDurableExecution", missing_ok=True, **params)


def desired_error(params):
    """StopDurableExecution's Error from the ``error`` option (only the fields given); None when not given."""
    given = params.get("error")
    if given is None:
        return None
    return dict((field, given[option]) for option, field in ERROR_FIELDS if given.get(option) is not None)


class DurableExecution(Resource):
    """The durable execution ``durable_execution_arn``, stopped unless it has ended already."""

    kind = "durable_execution"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.arn = self.params["durable_execution_arn"]
        self.current = None

    @classmethod
    def validate(cls, params):
        return [problem for problem in [execution_arn_problem("durable_execution_arn", params["durable_execution_arn"])]
                if problem]

    def read(self):
        """The execution's metadata (GetDurableExecution without its payloads, which a stop does not need)."""
        self.current = durable_execution(self.client, self.arn, include_execution_data=False)
        if self.current is not None:
            self.current.pop("ExecutionDataIncluded", None)
        return self.current

    def desired(self):
        return dict(Status=STOPPED)

    def plan(self, current, desired):
        """Stop a running or paused execution; an execution that has ended already (or is being deleted) is left
        as it is. NotFound when there is no such execution."""
        if current is None:
            raise NotFound("durable_execution_arn: there is no durable execution %s (a finished execution is kept for "
                           "the retention period of its function's durable_config only). Check the ARN, or list the "
                           "function's executions with cloudfn.aws_lambda.lambda_info (query: durable_executions)."
                           % self.arn, "GetDurableExecution")
        if current["Status"] not in STOPPABLE:
            return reconcile.Outcome(None, {}, None, {}, {})
        return reconcile.Outcome("update", dict(desired), None, dict(Status=current["Status"]), dict(desired))

    def apply(self, plan):
        return reconcile.apply(plan, create=None, update=self._stop, delete=None)

    def _stop(self, changes):
        request = dict(DurableExecutionArn=self.arn)
        error = desired_error(self.params)
        if error is not None:
            request["Error"] = error
        answer = self.client.call("StopDurableExecution", **request)
        return reconcile.merged(self.current, dict(changes, StopTimestamp=answer.get("StopTimestamp")))

    def result(self, plan):
        """The execution after the task (in check mode as it would be: STOPPED, stop_timestamp null), and what was
        done, in ``msg``."""
        if plan.result is not None:
            after = plan.result
        elif plan.action is None:
            after = self.current
        else:
            after = reconcile.merged(self.current, dict(plan.changes, StopTimestamp=None))
        before = self.current["Status"]
        if plan.action is None:
            msg = "The durable execution is %s, %s: nothing to stop." % (
                before, "being deleted" if before == "DELETING" else "it has ended")
        else:
            msg = "%s the durable execution, which was %s." % (
                "Would stop" if self.task.check_mode else "Stopped", before)
        return dict(reconcile.snake_dict(after), msg=msg)
