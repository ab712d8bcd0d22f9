# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The module boundary: the one place where an exception becomes a task's failure.

A module's ``main()`` is ``run_module(argument_spec, run, ...)``: it builds the AnsibleModule
(connection options added, boto3 checked, the module's local checks run before anything is
sent), the client, and calls ``run(task, client)``. ``run`` returns the task's result, or raises
one of the exceptions of ``errors.py``; this turns that into ``fail_json`` with ``msg``, the
operation, AWS's error code and message, ``changed`` (true once any write was accepted) and
``applied`` (the writes AWS accepted before the failure).
"""

import traceback

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import BOTO3_IMPORT_ERROR, LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError, StaleRevision
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    CONNECTION_MUTUALLY_EXCLUSIVE,
    connection_errors,
    connection_options,
)

# How many times a task plans at most when writes are refused for a stale RevisionId (see run_module).
STALE_PASSES = 3


class Task:
    """What a resource sees of the task that runs it: its options, check and diff mode, and warnings.

    A module's task is one AnsibleModule (:meth:`of_module`); an application (lambda_app) makes one
    per resource with that resource's options, sharing the warnings of the whole task.
    """

    def __init__(self, params, check_mode=False, diff=False, warn=None, planned_versions=None, run_command=None):
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.warnings = []
        self._warn = warn
        # AnsibleModule.run_command (code.py runs pip with it); None outside a module
        self.run_command = run_command
        # function -> (version, function ARN) that an earlier resource of this task would publish (check mode)
        self.planned_versions = {} if planned_versions is None else planned_versions

    @classmethod
    def of_module(cls, module):
        return cls(module.params, module.check_mode, module._diff, module.warn,  # pylint: disable=protected-access
                   run_command=module.run_command)

    def warn(self, text):
        if self._warn is not None:
            self._warn(text)
        else:
            self.warnings.append(text)

    def with_params(self, params):
        """A task for another resource of the same run: other options, the same modes and warnings."""
        return Task(params, self.check_mode, self.diff, self.warn, self.planned_versions, self.run_command)


def lambda_module(argument_spec, mutually_exclusive=(), validate=None, **kwargs):
    """An AnsibleModule with the connection options added, boto3 checked and ``validate(params)`` run.

    ``validate(params)``: the module's own local checks, a list of messages; any message fails the
    task before a client is built or a request sent.
    """
    spec = connection_options()
    spec.update(argument_spec)
    module = AnsibleModule(
        argument_spec=spec,
        mutually_exclusive=list(mutually_exclusive) + CONNECTION_MUTUALLY_EXCLUSIVE,
        **kwargs
    )
    if BOTO3_IMPORT_ERROR:
        module.fail_json(msg=missing_required_lib("boto3 and botocore"), exception=BOTO3_IMPORT_ERROR)
    errors = connection_errors(module.params)
    errors.extend(validate(module.params) if validate else [])
    if errors:
        module.fail_json(**with_actions(module, None, dict(msg=" ".join(errors), errors=errors)))
    return module


def converge_replanning(task, client, run):
    """``run(task, client)``, started again from a fresh read when a write is refused for a stale RevisionId.

    When a write is refused because the resource changed since ``run`` read it (StaleRevision),
    ``run`` starts again, so it plans against what is there now instead of overwriting it. A second
    refusal of a request sent once raises (someone keeps changing it); a refusal of a request
    botocore sent again may be this run's own lost answer and does not count, up to STALE_PASSES
    plans in all. A pass that already changed something leaves the result ``changed``.
    """
    client.replan_on_stale = True
    passes = refusals = 0
    while True:
        changed_before = client.changes_sent > 0
        try:
            result = run(task, client)
            break
        except StaleRevision as stale:
            passes += 1
            # A refused request that botocore had sent again may have met this run's own first try
            # (applied, answer lost): only a refusal of a request sent once is surely someone else.
            refusals += 0 if stale.resent else 1
            if refusals > 1 or passes >= STALE_PASSES:
                raise
            task.warn("%s was refused because the resource changed after this task read it (%s); the task read "
                      "it again and planned its changes against what is there now." % (stale.operation, stale.message))
    result["changed"] = result.get("changed", False) or changed_before
    return result


def failure_result(error, client):
    """The task's failure for ``error``: its msg and details, and what was applied before it."""
    result = error.result()
    applied = list(client.applied) if client is not None else []
    result["changed"] = bool(applied)
    if applied:
        result["applied"] = applied
        result["msg"] = "%s (Applied before this failure: %s.)" % (result["msg"], ", ".join(applied))
    return result


def run_module(argument_spec, run, client_class=None, **kwargs):
    """A module's whole ``main()``: the module (:func:`lambda_module`; check mode supported unless said
    otherwise), its client (``client_class``, default :class:`LambdaClient`), and ``run(task, client)``'s
    answer as the task's result, re-planned after a stale RevisionId (:func:`converge_replanning`).
    """
    kwargs.setdefault("supports_check_mode", True)
    module = lambda_module(argument_spec, **kwargs)
    task = Task.of_module(module)
    client = None
    try:
        client = (client_class or LambdaClient)(task)
        result = converge_replanning(task, client, run)
    except LambdaError as error:
        module.fail_json(**with_actions(module, client, failure_result(error, client)))
    except Exception as error:  # pylint: disable=broad-except
        # A bug of ours, not the user's doing: say so, with the traceback, and what was applied.
        failure = failure_result(LambdaError("Unexpected error in the module (please report it): %s: %s" % (
            type(error).__name__, error)), client)
        module.fail_json(exception=traceback.format_exc(), **with_actions(module, client, failure))
    module.exit_json(**with_actions(module, client, result))


def with_actions(module, client, result):
    """``result`` with ``resource_actions`` (the AWS actions called) when debug_botocore_endpoint_logs is on."""
    if module.params.get("debug_botocore_endpoint_logs"):
        result["resource_actions"] = client.resource_actions() if client is not None else []
    return result
