# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The few kinds of failure the collection raises.

Nothing below the module boundary fails a task itself: the client and the resources raise one of
these, and :func:`runner.run_module` (the one place that calls ``fail_json``) turns it into the
task's failure with ``msg``, the operation, AWS's error code and message, and whether anything was
applied before it.
"""

from contextlib import contextmanager


class LambdaError(Exception):
    """A failure a user can cause or meet: ``msg`` says what happened and what to do.

    ``operation``: the API operation that failed (None for a local check); ``code`` / ``message``:
    AWS's error code and message; ``details``: more keys for the task's result (for example the
    state a wait ended in).
    """

    def __init__(self, msg, operation=None, code=None, message=None, **details):
        super().__init__(msg)
        self.msg = msg
        self.operation = operation
        self.code = code
        self.message = message
        self.details = details

    def add_context(self, prefix, **details):
        """Put ``prefix`` (what the failure means here, and what to do) before the message; add ``details``.

        A stale revision's generic explanation gives way to the more specific one.
        """
        if isinstance(self, StaleRevision) and self.msg.startswith(STALE_REVISION_HINT):
            self.msg = self.msg[len(STALE_REVISION_HINT):]
        self.msg = prefix + self.msg
        self.args = (self.msg,)
        self.details.update(details)
        return self

    def result(self):
        """The keys this failure adds to the task's result."""
        result = dict(self.details, msg=self.msg)
        if self.operation:
            result["operation"] = self.operation
        if self.code is not None:
            result["error"] = dict(code=self.code, message=self.message)
        return result


class InvalidInput(LambdaError):
    """The options (or what they name) cannot work; refused before any write."""


class NotFound(LambdaError):
    """Something the task needs does not exist."""


class Conflict(LambdaError):
    """AWS refused the change because of the resource's state (ResourceConflictException and the like)."""


class StaleRevision(Conflict):
    """AWS refused a write that carried a RevisionId (PreconditionFailedException): the resource changed
    after this run read it, by someone else, or by this run's own earlier try whose answer was lost.

    ``resent``: how many times botocore had sent the refused request again.
    """

    def __init__(self, msg, operation=None, code=None, message=None, resent=0, **details):
        super().__init__(msg, operation, code, message, **details)
        self.resent = resent


class Unsupported(LambdaError):
    """The endpoint does not implement the operation (moto: a bare HTTP 404, LocalStack: HTTP 501); AWS does."""


class WaitFailed(LambdaError):
    """A resource ended in a failed state, or did not settle before ``wait_timeout``."""


class AwsError(LambdaError):
    """Any other error AWS answered."""


# Which class an AWS error code becomes; codes not named here become AwsError.
_CLASS_OF_CODE = {
    "ResourceNotFoundException": NotFound,
    "NoSuchEntity": NotFound,
    "NoSuchKey": NotFound,
    "NoSuchBucket": NotFound,
    "NotFound": NotFound,
    "ProvisionedConcurrencyConfigNotFoundException": NotFound,
    "ResourceConflictException": Conflict,
    "ResourceInUseException": Conflict,
    "ConflictException": Conflict,
    "PreconditionFailedException": StaleRevision,
    "InvalidParameterValueException": InvalidInput,
    "InvalidRequestContentException": InvalidInput,
    "ValidationException": InvalidInput,
    "PolicyLengthExceededException": InvalidInput,
    "CodeStorageExceededException": InvalidInput,
    "RequestTooLargeException": InvalidInput,
}

STALE_REVISION_HINT = ("The resource was changed by someone else after this task read it, so this change was not "
                       "applied (nothing was overwritten); run the task again to converge from its new state. ")


def aws_error(operation, error, prefix="", resent=0):
    """The LambdaError for botocore's ClientError ``error`` answered to ``operation``.

    ``prefix``: words put before the standard message (what the failure means for this resource).
    """
    details = error.response.get("Error", {})
    code = details.get("Code", "Unknown")
    message = details.get("Message", str(error))
    cls = _CLASS_OF_CODE.get(code, AwsError)
    if cls is StaleRevision and not prefix:
        prefix = STALE_REVISION_HINT
    msg = "%s%s failed: %s: %s" % (prefix, operation, code, message)
    if cls is StaleRevision:
        return StaleRevision(msg, operation, code, message, resent=resent)
    return cls(msg, operation, code, message)


@contextmanager
def failure_context(prefix, codes=None, operations=None, **details):
    """While the block runs, a LambdaError it raises gets ``prefix`` and ``details`` (the one way to say
    what a failure means for the resource at hand). ``codes`` / ``operations``: only errors with one of
    these AWS error codes / from one of these operations."""
    try:
        yield
    except LambdaError as error:
        if (codes is None or error.code in codes) and (operations is None or error.operation in operations):
            error.add_context(prefix, **details)
        raise
