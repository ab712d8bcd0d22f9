# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's one Lambda client: transport only.

Every resource talks to AWS only through :class:`LambdaClient`: the session comes from the
connection options, botocore's retry modes handle throttling and 5xx answers, "an update is in
progress" conflicts wait for the function to settle and try again, "not found" becomes ``None``
where the caller allows it, and every other error is raised as one of the typed exceptions of
``errors.py`` (never a task failure: that is the module boundary's, ``runner.py``).
"""

import math
import os
import re
import threading
import time
import traceback

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import (
    InvalidInput,
    LambdaError,
    Unsupported,
    WaitFailed,
    aws_error,
)

try:
    import boto3
    import botocore
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError, ProfileNotFound, WaiterError
except ImportError:
    BOTO3_IMPORT_ERROR = traceback.format_exc()
else:
    BOTO3_IMPORT_ERROR = None

COLLECTION_VERSION = "0.1.0"

# How many times an operation refused with "an update is in progress" is tried again.
CONFLICT_RETRIES = 6

# Event source mapping states that are on their way to another; botocore has no waiter for mappings.
MAPPING_TRANSITIONAL_STATES = frozenset(("Creating", "Enabling", "Disabling", "Updating", "Deleting"))
MAPPING_WAIT_DELAY = 2  # seconds between two reads of a mapping that is still changing

NOT_FOUND_CODES = frozenset(("ResourceNotFoundException", "NoSuchEntity", "NoSuchKey", "404", "NotFound",
                             "ProvisionedConcurrencyConfigNotFoundException"))


def error_code(error):
    """The AWS error code of a ClientError."""
    return error.response.get("Error", {}).get("Code", "")


def http_status(error):
    """The HTTP status of a ClientError's answer (0 when botocore has none)."""
    return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)


def endpoint_lacks(error, service="lambda"):
    """True when the endpoint does not know the operation at all, rather than refusing the request.

    AWS's Lambda answers every operation of its model; an endpoint that stands in for it may not: moto's server
    answers a bare HTTP 404 (error code "404", not an AWS error), LocalStack an HTTP 501 (``InternalFailure``,
    "not yet emulated" or "not included in your license"). AWS's Lambda sends no 501.
    """
    if service != "lambda":
        return False
    return error_code(error) == "404" or http_status(error) == 501


def retried(error):
    """How many times botocore sent the request again before this answer (0: the answer to the first try)."""
    return error.response.get("ResponseMetadata", {}).get("RetryAttempts", 0)


def says_already_exists(error):
    """True for AWS's "already exists" refusals (a function, alias, statement or mapping that is there)."""
    if error_code(error) not in ("ResourceConflictException", "ConflictException"):
        return False
    return "already exist" in error.response.get("Error", {}).get("Message", "").lower()


def is_update_in_progress(error):
    """True for the ResourceConflictException AWS sends while a function is still changing."""
    if error_code(error) != "ResourceConflictException":
        return False
    message = error.response.get("Error", {}).get("Message", "").lower()
    return "in progress" in message or "pending" in message


class LambdaClient:
    """boto3's Lambda client, with the collection's retries, waits and error handling."""

    def __init__(self, module, client=None):
        """``module``: anything with ``params`` (the connection options, ``wait_timeout``) and ``warn(text)``:
        an AnsibleModule, or one resource's task inside an application."""
        self.module = module
        self._connection = module.params  # the connection options (a fork's module holds another resource's)
        self._client_lock = threading.Lock()
        self._clients = {}
        self.unsupported = set()  # operations the endpoint answered with a bare 404 (see endpoint_lacks)
        self.last_retry_attempts = 0
        self.replan_on_stale = False  # raise StaleRevision for a PreconditionFailedException (see run_module)
        self.changes_sent = 0  # writes AWS accepted in this run
        self.applied = []  # those writes, in order: (operation, the resource's name or ARN when the request has one)
        self.actions = []  # every request sent, as "service:Operation" (resource_actions; retries and waits included)
        if client is not None:  # an already built client (unit tests hand in a stubbed one)
            self._clients["lambda"] = client
            return
        self._session = self._build_session()
        self._clients["lambda"] = self.service("lambda")

    def fork(self, module):
        """A client for another thread of the same task: the same session and boto3 clients (which are
        thread-safe), its own counters and ``module`` (a Task), and the parent's list of applied writes."""
        clone = LambdaClient.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.module = module
        clone.unsupported = set()
        clone.last_retry_attempts = 0
        clone.changes_sent = 0
        return clone

    # ----------------------------------------------------------------- session
    def _build_session(self):
        params = self._connection
        try:
            session = boto3.session.Session(
                aws_access_key_id=params.get("access_key"),
                aws_secret_access_key=params.get("secret_key"),
                aws_session_token=params.get("session_token"),
                profile_name=params.get("profile"),
                # botocore itself reads AWS_DEFAULT_REGION and the profile; AWS_REGION as the AWS CLI does.
                region_name=params.get("region") or os.environ.get("AWS_REGION") or None,
            )
        except ProfileNotFound as e:
            raise InvalidInput("The AWS profile given in 'profile' was not found: %s. "
                               "Check the name against ~/.aws/config." % e)
        if not session.region_name:
            raise InvalidInput("No AWS region is set: give the 'region' option (or set AWS_REGION or "
                               "AWS_DEFAULT_REGION, or a region in the profile).")
        try:
            credentials = session.get_credentials()
        except BotoCoreError as e:
            raise InvalidInput("AWS credentials could not be loaded: %s" % e)
        if credentials is None:
            raise InvalidInput("No AWS credentials found: give 'access_key' and 'secret_key', or 'profile', "
                               "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an "
                               "instance or container role is available.")
        if bool(params.get("access_key")) != bool(params.get("secret_key")):
            raise InvalidInput("'access_key' and 'secret_key' go together: give both or neither.")
        return session

    def _client_config(self):
        params = self._connection
        options = dict(
            user_agent_extra="cloudfn.aws_lambda/%s" % COLLECTION_VERSION,
            retries={"mode": params.get("retry_mode") or "standard",
                     "total_max_attempts": params.get("retry_max_attempts") or 10},
        )
        options.update(params.get("aws_config") or {})
        try:
            return Config(**options)
        except TypeError as e:
            raise InvalidInput("aws_config holds an option botocore does not know: %s" % e)

    def service(self, name):
        """A boto3 client for ``name`` (lambda, iam, s3) built from the same connection options."""
        with self._client_lock:  # a boto3 session must not build clients in two threads at once
            if name not in self._clients:
                params = self._connection
                verify = params.get("aws_ca_bundle") or params.get("validate_certs", True)
                self._clients[name] = self._session.client(
                    name, endpoint_url=params.get("endpoint_url"), verify=verify, config=self._client_config())
                self._clients[name].meta.events.register("before-call", self._record_action)
        return self._clients[name]

    @property
    def client(self):
        return self._clients["lambda"]

    def _record_action(self, model, **_kwargs):
        """botocore's before-call event: one request about to be sent (by a call, a paginator or a waiter)."""
        self.actions.append("%s:%s" % (model.service_model.endpoint_prefix, model.name))

    def resource_actions(self):
        """The AWS actions this task called, each once, in the order first called (debug_botocore_endpoint_logs)."""
        return list(dict.fromkeys(self.actions))

    # ------------------------------------------------------------------- calls
    def call(self, operation, missing_ok=False, service="lambda", unsupported_ok=False, already_done=None,
             **params):
        """Send one API operation (its PascalCase name) and return the answer.

        ``missing_ok``: a "not found" answer returns ``None`` instead of failing.
        ``unsupported_ok``: an endpoint that does not implement the operation (see :func:`endpoint_lacks`)
        returns ``None`` with a warning, and the operation is added to ``self.unsupported``.
        An "update in progress" conflict waits for the function to settle and tries again.

        Answers lost on the way (the change was made, the answer never came, botocore sent the
        request again): a Delete*/Remove* whose retry finds nothing to delete has done its work and
        returns ``{}``. For a create, ``already_done(error)`` is asked when AWS says the resource
        already exists: it reads the resource and returns it in the create's answer shape when it is
        what this request asked for (made by this request's first try, or by someone else the same
        way), else None, and the refusal fails the task as usual.
        ``self.last_retry_attempts``: how many retries the last answered request took.
        """
        method = getattr(self.service(service), botocore.xform_name(operation))
        resent = 0  # botocore's retries over every try of this call: a lost answer may lie behind any of them
        for attempt in range(CONFLICT_RETRIES + 1):
            try:
                response = method(**params)
                self.last_retry_attempts = resent + response.pop("ResponseMetadata", {}).get("RetryAttempts", 0)
                if not operation.startswith(("Get", "List", "Head")):
                    self.changes_sent += 1
                    self.applied.append(applied_entry(operation, params))
                return response
            except ClientError as e:
                resent += retried(e)
                self.last_retry_attempts = resent
                if endpoint_lacks(e, service):
                    return self._lacking(operation, e, unsupported_ok)
                if missing_ok and error_code(e) in NOT_FOUND_CODES:
                    return None
                if resent and operation.startswith(("Delete", "Remove")) and error_code(e) in NOT_FOUND_CODES:
                    return {}  # the first try deleted it; its answer was lost
                if self.replan_on_stale and error_code(e) == "PreconditionFailedException":
                    raise aws_error(operation, e, resent=resent)
                if already_done is not None and says_already_exists(e):
                    answer = already_done(e)
                    if answer is not None:
                        return answer
                if attempt < CONFLICT_RETRIES and is_update_in_progress(e) and "FunctionName" in params:
                    self.wait_until_settled(params["FunctionName"], params.get("Qualifier"))
                    time.sleep(min(2 ** attempt, 10) * 0.5)
                    continue
                raise aws_error(operation, e, resent=resent)
            except botocore.exceptions.ParamValidationError as e:
                raise InvalidInput("%s was refused before sending: %s" % (operation, e), operation)
            except BotoCoreError as e:
                raise LambdaError("%s failed: %s" % (operation, e), operation)
        return None  # not reached: the last attempt either returns or raises

    def paginate(self, operation, result_key, service="lambda", missing_ok=False, unsupported_ok=False, **params):
        """Every item of ``result_key`` across all pages (boto3's paginator, followed to the end).

        ``missing_ok`` and ``unsupported_ok`` as for :meth:`call`.
        """
        paginator = self.service(service).get_paginator(botocore.xform_name(operation))
        items = []
        try:
            for page in paginator.paginate(**params):
                items.extend(page.get(result_key, []))
        except ClientError as e:
            if endpoint_lacks(e, service):
                return self._lacking(operation, e, unsupported_ok)
            if missing_ok and error_code(e) in NOT_FOUND_CODES:
                return None
            raise aws_error(operation, e)
        except BotoCoreError as e:
            raise LambdaError("%s failed: %s" % (operation, e), operation)
        return items

    def _lacking(self, operation, error, unsupported_ok):
        """An endpoint without ``operation``: None and a warning where the caller can do without it, else fail."""
        endpoint = self._connection.get("endpoint_url") or "the endpoint"
        status = http_status(error) or 404
        if unsupported_ok:
            self.unsupported.add(operation)
            self.module.warn("%s does not implement %s (it answered HTTP %d); what that operation reads was left "
                             "out. AWS answers it." % (endpoint, operation, status))
            return None
        raise Unsupported("%s failed: %s does not implement this operation (it answered HTTP %d); AWS does. "
                          "Check endpoint_url." % (operation, endpoint, status), operation, str(status), "not implemented")

    # ----------------------------------------------------------------- waiting
    def wait(self, waiter_name, timeout=None, **params):
        """Run one of botocore's Lambda waiters; a failure state raises WaitFailed with AWS's reason."""
        waiter = self.client.get_waiter(waiter_name)
        delay = waiter.config.delay
        timeout = timeout or self.module.params.get("wait_timeout") or 600
        config = {"Delay": delay, "MaxAttempts": max(1, int(math.ceil(float(timeout) / delay)))}
        try:
            waiter.wait(WaiterConfig=config, **params)
        except WaiterError as e:
            last = e.last_response or {}
            function_config = last.get("Configuration", last)
            reason = (function_config.get("StateReason") or function_config.get("LastUpdateStatusReason")
                      or last.get("Error", {}).get("Message") or e.kwargs.get("reason", str(e)))
            raise WaitFailed(
                "Waiting for %s (%s) did not succeed: %s" % (params.get("FunctionName"), waiter_name, reason),
                state=function_config.get("State"), last_update_status=function_config.get("LastUpdateStatus"),
                state_reason_code=function_config.get("StateReasonCode") or function_config.get("LastUpdateStatusReasonCode"))

    def wait_for_mapping(self, uuid, gone=False):
        """Read an event source mapping until it leaves the transitional states; ``gone``: until it is deleted.

        Returns the last GetEventSourceMapping answer (None once gone). Raises WaitFailed when
        ``wait_timeout`` passes first.
        """
        timeout = self.module.params.get("wait_timeout") or 600
        attempts = max(1, int(math.ceil(float(timeout) / MAPPING_WAIT_DELAY)))
        answer = None
        for attempt in range(attempts):
            if attempt:
                time.sleep(MAPPING_WAIT_DELAY)
            answer = self.call("GetEventSourceMapping", missing_ok=True, UUID=uuid)
            if answer is None:
                if gone:
                    return None
                raise WaitFailed("The event source mapping %s disappeared while waiting for it to settle." % uuid)
            if not gone and answer.get("State") not in MAPPING_TRANSITIONAL_STATES:
                return answer
        raise WaitFailed("The event source mapping %s was still %s after %s seconds (wait_timeout); it may "
                         "settle later, run the task again to converge." % (
                             uuid, "not deleted" if gone else answer.get("State"), timeout),
                         uuid=uuid, state=(answer or {}).get("State"))

    def wait_until_settled(self, function_name, qualifier=None, configuration=None):
        """Wait until a function is Active (or Inactive) and its last update Successful.

        ``configuration``: the function's configuration as last seen (from a create or update answer);
        when it already shows a settled function no request is sent.  Returns True when it waited.
        """
        if configuration is not None:
            failed_reason = failure_reason(configuration)
            if failed_reason:
                raise WaitFailed("Function %s is in a failed state: %s" % (function_name, failed_reason),
                                 state=configuration.get("State"),
                                 last_update_status=configuration.get("LastUpdateStatus"))
            if is_settled(configuration):
                return False
        params = {"FunctionName": function_name}
        if qualifier and qualifier != "$LATEST":
            params["Qualifier"] = qualifier
            self.wait("published_version_active", **params)
            return True
        if configuration is None:
            # Read first: the waiters know Active and Failed, not Inactive (which takes updates).
            answer = self.call("GetFunction", **params)
            return self.wait_until_settled(function_name, configuration=answer["Configuration"]) or True
        if configuration.get("State") == "Pending":
            self.wait("function_active_v2", **params)
        if configuration.get("LastUpdateStatus") == "InProgress" or configuration.get("State") == "Pending":
            self.wait("function_updated_v2", **params)
        return True


def is_settled(configuration):
    """A function that takes updates: Active or Inactive (or ActiveNonInvocable: a function on a capacity provider
    before a version is published), and no update under way."""
    return (configuration.get("State") in (None, "Active", "Inactive", "ActiveNonInvocable")
            and configuration.get("LastUpdateStatus") in (None, "Successful"))


def failure_reason(configuration):
    """AWS's reason when a function (or its last update) Failed, else None."""
    if configuration.get("State") == "Failed":
        return configuration.get("StateReason") or "State is Failed (%s)" % configuration.get("StateReasonCode")
    if configuration.get("LastUpdateStatus") == "Failed":
        return (configuration.get("LastUpdateStatusReason")
                or "LastUpdateStatus is Failed (%s)" % configuration.get("LastUpdateStatusReasonCode"))
    return None


_SERVICE_MODELS = {}


def service_model(service="lambda"):
    """botocore's service model of ``service``, loaded once per process (None without botocore)."""
    if BOTO3_IMPORT_ERROR:
        return None
    if service not in _SERVICE_MODELS:
        loader = botocore.loaders.create_loader()
        _SERVICE_MODELS[service] = botocore.model.ServiceModel(loader.load_service_model(service, "service-2"))
    return _SERVICE_MODELS[service]


def model_enum(shape_name, service="lambda"):
    """The values botocore's service model allows for an enum shape (empty when unknown)."""
    model = service_model(service)
    try:
        return list(model.shape_for(shape_name).enum) if model else []
    except botocore.model.NoShapeFoundError:
        return []


def model_range(shape_name, member=None, service="lambda"):
    """(min, max) botocore's service model gives a number shape, or a member of a structure shape;
    either is None where the model sets no bound (or botocore is missing)."""
    model = service_model(service)
    if model is None:
        return None, None
    try:
        shape = model.shape_for(shape_name)
    except botocore.model.NoShapeFoundError:
        return None, None
    if member is not None:
        shape = shape.members.get(member)
        if shape is None:
            return None, None
    return shape.metadata.get("min"), shape.metadata.get("max")


def model_pattern(shape_name, service="lambda"):
    """The regular expression botocore's service model gives a string shape (None when it has none, or the
    shape is unknown, or botocore is missing)."""
    model = service_model(service)
    if model is None:
        return None
    try:
        return model.shape_for(shape_name).metadata.get("pattern")
    except botocore.model.NoShapeFoundError:
        return None


def fits_model_string(value, shape_name, lengths=True):
    """True when the text ``value`` matches the pattern botocore's service model gives the string shape
    ``shape_name`` and, with ``lengths``, is within its minimum and maximum length. What the model does not
    give (no pattern, no bound, no such shape, no botocore) is not checked."""
    if lengths:
        low, high = model_range(shape_name)
        if (low is not None and len(value) < low) or (high is not None and len(value) > high):
            return False
    pattern = model_pattern(shape_name)
    return pattern is None or re.fullmatch(pattern, value) is not None


# The request fields that name the resource a write changed, most specific first.
_RESOURCE_FIELDS = ("FunctionName", "LayerName", "UUID", "Resource", "Name", "StatementId", "Qualifier")


def applied_entry(operation, params):
    """How the task's result names one write that AWS accepted: the operation and what it named."""
    named = ["%s=%s" % (field, params[field]) for field in _RESOURCE_FIELDS if params.get(field) not in (None, "")]
    return "%s(%s)" % (operation, ", ".join(named)) if named else operation
