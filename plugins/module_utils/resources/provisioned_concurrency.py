# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The provisioned concurrency of one alias or published version (lambda_provisioned_concurrency).

AWS takes it on an alias or a published version only, never on $LATEST. botocore has no waiter for
it: :meth:`ProvisionedConcurrency.settle` reads the configuration until it is READY (or FAILED).
"""

import time

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names, reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, WaitFailed
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    function_options,
    model_bounds,
    state_option,
    wait_options,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource

# The qualifier is ``raw``: a version may be given as a number, and a boolean is refused rather than read as text.
ARGUMENT_SPEC = dict(
    function_options(),
    qualifier=dict(type="raw"),
    provisioned_concurrent_executions=dict(type="int"),
    **dict(state_option(), **wait_options())
)

WAIT_DELAY = 5  # seconds between two reads of a configuration that is still IN_PROGRESS
RETURNED_FIELDS = ("RequestedProvisionedConcurrentExecutions", "AvailableProvisionedConcurrentExecutions",
                   "AllocatedProvisionedConcurrentExecutions", "Status", "StatusReason", "LastModified")


def qualifier_of(value, option):
    """The API form of a qualifier: "3" for 3, "3" or "03", an alias name as it is.

    ``option``: the option it came from, for the message. Raises InvalidInput saying what is wrong.
    """
    kind, text = names.qualifier_form(value)
    if kind == "type":
        raise InvalidInput("%s: %r is not an alias name or version number." % (option, value))
    if kind == "latest":
        raise InvalidInput("%s: AWS does not take provisioned concurrency on $LATEST; give an alias name (for example "
                           "live) or a published version number (1, 2, ...)." % option)
    if kind == "unpublished":
        raise InvalidInput("%s: %s is not a published version; versions are numbered from 1." % (option, text))
    if kind == "invalid":
        raise InvalidInput("%s: %s is not an alias name or version number (an alias name is 1 to 128 letters, digits, "
                           "- and _; a version is a number such as 3)." % (option, text))
    return text


def split_function_name(value):
    """(function, the qualifier function_name ends with or None); InvalidInput when it is not a function name."""
    problem = names.function_name_problem(value, qualified=True)
    if problem is None:
        return names.split_qualified(value)
    # A function followed by something that is no qualifier: say what is wrong with the qualifier.
    function, colon, qualifier = value.rpartition(":") if isinstance(value, str) else ("", "", "")
    if not colon or names.function_name_problem(function):
        raise InvalidInput(problem)
    return function, qualifier


def target_of(params):
    """(function, qualifier): the function_name without its qualifier, and the qualifier to send.

    Raises InvalidInput naming the wrong option.
    """
    function, in_name = split_function_name(params["function_name"])
    if in_name is not None:
        in_name = qualifier_of(in_name, "function_name")
    given = None
    if params.get("qualifier") is not None:
        given = qualifier_of(params["qualifier"], "qualifier")
    if in_name is not None and given is not None and in_name != given:
        raise InvalidInput("qualifier: %s differs from the qualifier %s that function_name ends with; give the alias "
                           "or version once." % (given, in_name))
    qualifier = given if given is not None else in_name
    if qualifier is None:
        raise InvalidInput("qualifier: required, because provisioned concurrency belongs to an alias or a published "
                           "version and function_name %s names none; give qualifier (for example live or 3), or end "
                           "function_name with :ALIAS or :VERSION." % params["function_name"])
    return function, qualifier


def config_view(function, qualifier, config):
    """The configuration as the task returns it (fields AWS left out are null)."""
    result = dict(function_name=function, qualifier=qualifier)
    result.update(reconcile.snake_dict(dict((field, config.get(field)) for field in RETURNED_FIELDS)))
    return result


class ProvisionedConcurrency(Resource):
    """The provisioned concurrency configuration of one alias or version of ``function_name``."""

    kind = "provisioned_concurrency"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.function, self.qualifier = target_of(self.params)
        self.key = dict(FunctionName=self.function, Qualifier=self.qualifier)
        self.label = "%s:%s" % (self.function, self.qualifier)
        self.current = None

    @property
    def wait(self):
        return self.params.get("wait", ARGUMENT_SPEC["wait"]["default"])

    @classmethod
    def validate(cls, params):
        errors = []
        try:
            target_of(params)
        except InvalidInput as e:
            errors.append(e.msg)
        executions = params.get("provisioned_concurrent_executions")
        low, _high = model_bounds("PutProvisionedConcurrencyConfigRequest", "ProvisionedConcurrentExecutions", low=1)
        if params.get("state", "present") == "present" and executions is None:
            errors.append("provisioned_concurrent_executions: required with state=present; give the number of "
                          "execution environments to keep ready (%s or more), or state=absent to remove the "
                          "configuration." % low)
        elif executions is not None and (isinstance(executions, bool) or executions < low):
            errors.append("provisioned_concurrent_executions: %s is not %s or more; to remove the provisioned "
                          "concurrency use state=absent." % (executions, low))
        if params.get("wait_timeout") is not None and params["wait_timeout"] < 1:
            errors.append("wait_timeout: %s is not 1 or more seconds." % params["wait_timeout"])
        return errors

    def read(self):
        """The configuration; when there is none and one is wanted, the alias or version is checked too."""
        self.current = self.client.call("GetProvisionedConcurrencyConfig", missing_ok=True, **self.key)
        if self.present and self.current is None:
            self._check_target()
        return self.current

    def _check_target(self):
        """The alias or version exists and is not $LATEST; InvalidInput, before any change, if not."""
        answer = self.client.call("GetFunctionConfiguration", missing_ok=True, **self.key)
        if answer is None:
            kind = "version" if names.is_version(self.qualifier) else "alias"
            raise InvalidInput("qualifier: the function %s has no %s %s (or does not exist). Create it first (%s), or "
                               "name one it has." % (self.function, kind, self.qualifier,
                                                     "cloudfn.aws_lambda.lambda_function with publish: true"
                                                     if kind == "version" else "cloudfn.aws_lambda.lambda_alias"))
        if answer.get("Version") == names.LATEST:
            raise InvalidInput("qualifier: the alias %s of %s points to $LATEST, and AWS does not take provisioned "
                               "concurrency on $LATEST; point the alias at a published version first "
                               "(cloudfn.aws_lambda.lambda_alias with function_version)." % (self.qualifier, self.function))

    def desired(self):
        """In GetProvisionedConcurrencyConfig's terms. Expects valid options."""
        return dict(RequestedProvisionedConcurrentExecutions=self.params.get("provisioned_concurrent_executions"))

    def apply(self, plan):
        """Put or delete; with state=present, then wait (see :meth:`settle`) for what was put or found."""
        reconcile.apply(plan, create=self._put, update=self._put, delete=self._delete)
        if self.present:
            plan.result = self.settle(plan.result if plan.result is not None else self.current)
        return plan

    def _put(self, fields):
        return self.client.call("PutProvisionedConcurrencyConfig", ProvisionedConcurrentExecutions=fields[
            "RequestedProvisionedConcurrentExecutions"], **self.key)

    def _delete(self):
        return self.client.call("DeleteProvisionedConcurrencyConfig", **self.key)

    def check_status(self, config):
        """A FAILED configuration raises WaitFailed with AWS's reason (a warning without ``wait``)."""
        if config.get("Status") != "FAILED":
            return
        reason = config.get("StatusReason") or "AWS gave no reason"
        message = "The provisioned concurrency of %s is FAILED: %s" % (self.label, reason)
        if not self.wait:
            self.task.warn(message)
            return
        raise WaitFailed(message, status="FAILED", status_reason=config.get("StatusReason"))

    def settle(self, config):
        """The configuration once READY when waiting; WaitFailed on FAILED or when wait_timeout passes.

        ``config``: the configuration as last seen (the Put answer, or the Get answer of a no-op).
        """
        timeout = self.params.get("wait_timeout") or ARGUMENT_SPEC["wait_timeout"]["default"]
        waited = 0
        while True:
            self.check_status(config)
            status = config.get("Status")
            if status != "IN_PROGRESS" or not self.wait or self.task.check_mode:
                return config
            if waited >= timeout:
                raise WaitFailed(
                    "The provisioned concurrency of %s was still IN_PROGRESS after %s seconds (wait_timeout), with %s "
                    "of %s execution environments allocated. AWS goes on allocating them; run the task again to wait "
                    "for it, or raise wait_timeout." % (
                        self.label, timeout, config.get("AllocatedProvisionedConcurrentExecutions", 0),
                        config.get("RequestedProvisionedConcurrentExecutions")),
                    status=status)
            delay = min(WAIT_DELAY, timeout - waited)
            time.sleep(delay)
            waited += delay
            config = self.client.call("GetProvisionedConcurrencyConfig", missing_ok=True, **self.key)
            if config is None:
                raise WaitFailed("The provisioned concurrency of %s disappeared while waiting for it to be READY "
                                 "(it was deleted meanwhile)." % self.label)

    def result(self, plan):
        """The configuration as AWS has it after the run; in check mode what would be asked for (AWS decides the
        rest), or as found."""
        if not self.present:
            return {}
        if not self.task.check_mode:
            config = plan.result
        elif plan.action is None:
            config = self.current
            self.check_status(config)  # check mode does not wait, but a FAILED configuration fails as it would
        else:
            config = dict(RequestedProvisionedConcurrentExecutions=self.params["provisioned_concurrent_executions"])
        return config_view(self.function, self.qualifier, config)
