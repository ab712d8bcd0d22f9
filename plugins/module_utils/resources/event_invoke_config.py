# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The asynchronous invocation settings of one function, version or alias (lambda_event_invoke_config).

Retries, the maximum event age and the two destinations of invocation records. Options that are not
given are not managed; a destination is managed half by half.
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names, reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    function_options,
    model_bounds,
    state_option,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import (
    Resource,
    existing_function_arn,
    function_name_error,
)


def _destination_side():
    return dict(type="dict", options=dict(destination=dict(type="str", required=True)))


# The qualifier is ``raw``: a version may be given as a number, and a boolean is refused rather than read as text.
ARGUMENT_SPEC = dict(
    function_options(),
    qualifier=dict(type="raw"),
    maximum_retry_attempts=dict(type="int"),
    maximum_event_age_in_seconds=dict(type="int"),
    destination_config=dict(type="dict", options=dict(on_success=_destination_side(),
                                                      on_failure=_destination_side())),
    **state_option()
)

# option -> (request shape and member whose bounds botocore's service model gives, the unit of the message)
RANGES = dict(
    maximum_retry_attempts=("PutFunctionEventInvokeConfigRequest", "MaximumRetryAttempts", "retries"),
    maximum_event_age_in_seconds=("PutFunctionEventInvokeConfigRequest", "MaximumEventAgeInSeconds", "seconds"),
)
SIDES = (("OnSuccess", "on_success"), ("OnFailure", "on_failure"))

# What each service's destination is, and the form of its ARN (names.DESTINATION_RESOURCES has the patterns).
DESTINATION_KINDS = {
    "sqs": ("an SQS queue", "arn:aws:sqs:REGION:ACCOUNT:QUEUE"),
    "sns": ("an SNS topic", "arn:aws:sns:REGION:ACCOUNT:TOPIC"),
    "lambda": ("a Lambda function", "arn:aws:lambda:REGION:ACCOUNT:function:NAME"),
    "events": ("an EventBridge event bus", "arn:aws:events:REGION:ACCOUNT:event-bus/NAME"),
    "s3": ("an S3 bucket", "arn:aws:s3:::BUCKET"),
}
DESTINATIONS_TAKEN = "a standard SQS queue, a standard SNS topic, a Lambda function or an EventBridge event bus"


def qualifier_of(value):
    """The API form of a ``qualifier`` value ("3" for 3 or "03", an alias name, $LATEST); None when omitted.

    Raises InvalidInput saying what is wrong.
    """
    if value is None:
        return None
    kind, text = names.qualifier_form(value)
    if kind == "type":
        raise InvalidInput("qualifier: %r is not a version or alias; give a version number, an alias name or "
                           "$LATEST." % (value,))
    if kind == "unpublished":
        raise InvalidInput("qualifier: %s is not a version; published versions are numbered from 1 (omit "
                           "qualifier, or give $LATEST, for the unpublished function)." % text)
    if kind == "invalid":
        raise InvalidInput("qualifier: %s is not a version number, an alias name (1 to 128 letters, digits, - and _) "
                           "or $LATEST." % text)
    return text


def destination_problem(option, arn, on_failure):
    """Why ``arn`` cannot be the destination ``option`` (None when it can, or when it is "" = none)."""
    if arn == "":
        return None
    match = names.ARN_PARTS.match(arn)
    taken = DESTINATIONS_TAKEN + (" (or an S3 bucket)" if on_failure else "")
    if not match or match.group("service") not in DESTINATION_KINDS:
        return "%s: %s is not the ARN of %s; give \"\" to remove the destination." % (option, arn, taken)
    service, resource = match.group("service"), match.group("resource")
    what, form = DESTINATION_KINDS[service]
    if service == "s3" and not on_failure:
        return ("%s: %s is an S3 bucket, which AWS takes as an on_failure destination only; records of successful "
                "invocations go to %s." % (option, arn, DESTINATIONS_TAKEN))
    if service in ("sqs", "sns") and resource.endswith(".fifo"):
        return ("%s: %s is a FIFO %s; Lambda sends invocation records to standard queues and topics only."
                % (option, arn, "queue" if service == "sqs" else "topic"))
    global_arn = service == "s3"
    if not names.DESTINATION_RESOURCES[service].match(resource) or bool(match.group("region")) == global_arn \
            or bool(match.group("account")) == global_arn:
        return "%s: %s is not a valid ARN of %s (%s)." % (option, arn, what, form)
    return None


def range_problems(params):
    """The messages for the numbers outside the ranges of botocore's service model."""
    errors = []
    for option, (shape, member, unit) in RANGES.items():
        value = params.get(option)
        low, high = model_bounds(shape, member)
        if value is not None and not ((low is None or low <= value) and (high is None or value <= high)):
            errors.append("%s: %s is out of range; AWS allows %s to %s %s." % (option, value, low, high, unit))
    return errors


def desired_config(params):
    """The settings the options ask for, in GetFunctionEventInvokeConfig's terms; None = not managed.

    A destination is ``{"Destination": ARN}``, ``{"Destination": ""}`` for none. Expects valid options.
    """
    destinations = params.get("destination_config")
    return dict(
        MaximumRetryAttempts=params.get("maximum_retry_attempts"),
        MaximumEventAgeInSeconds=params.get("maximum_event_age_in_seconds"),
        DestinationConfig=None if destinations is None else dict(
            (side, None if destinations.get(name) is None else dict(Destination=destinations[name]["destination"]))
            for side, name in SIDES),
    )


def current_config(answer):
    """A GetFunctionEventInvokeConfig (or Put / Update) answer in the desired shape; None when there is none.

    Both destinations are always there, a missing one as ``{"Destination": ""}`` (AWS answers ``{}``, or leaves
    the half out); LastModified is ISO 8601 text.
    """
    if answer is None:
        return None
    config = dict(answer)
    config.pop("ResponseMetadata", None)
    destinations = config.get("DestinationConfig") or {}
    config["DestinationConfig"] = dict(
        (side, dict(Destination=(destinations.get(side) or {}).get("Destination") or "")) for side, _name in SIDES)
    modified = config.get("LastModified")
    if modified is not None and hasattr(modified, "isoformat"):
        config["LastModified"] = modified.isoformat()
    return config


def api_form(fields, current=None):
    """``fields`` as a Put / Update request: a DestinationConfig complete with the destinations it does not
    manage as ``current`` has them, and no destination as ``{}``."""
    request = dict(fields)
    if fields.get("DestinationConfig") is not None:
        known = (current or {}).get("DestinationConfig") or {}
        destinations = {}
        for side, _name in SIDES:
            wanted = fields["DestinationConfig"].get(side)
            wanted = known.get(side) if wanted is None else wanted
            if wanted is not None:
                destinations[side] = dict(Destination=wanted["Destination"]) if wanted["Destination"] else {}
        request["DestinationConfig"] = destinations
    return request


def config_view(config):
    """The settings as the task returns them."""
    return dict(
        function_arn=config.get("FunctionArn"),
        qualifier=names.split_qualified(config.get("FunctionArn") or "")[1] or names.LATEST,
        maximum_retry_attempts=config.get("MaximumRetryAttempts"),
        maximum_event_age_in_seconds=config.get("MaximumEventAgeInSeconds"),
        destination_config=reconcile.snake_dict(config["DestinationConfig"]),
        last_modified=config.get("LastModified"),
    )


class EventInvokeConfig(Resource):
    """The asynchronous invocation settings of ``function_name`` (and ``qualifier``)."""

    kind = "event_invoke_config"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.key = dict(FunctionName=self.params["function_name"])
        qualifier = qualifier_of(self.params.get("qualifier"))
        if qualifier is not None:
            self.key["Qualifier"] = qualifier
        self.current = None
        self.function_arn = None  # the qualified ARN settings to be created will have (read with them)

    @classmethod
    def validate(cls, params):
        errors = [function_name_error(params["function_name"], "a version or alias")]
        try:
            qualifier_of(params.get("qualifier"))
        except InvalidInput as e:
            errors.append(e.msg)
        errors.extend(range_problems(params))
        for _side, name in SIDES:
            side = (params.get("destination_config") or {}).get(name)
            if side is not None:
                problem = destination_problem("destination_config.%s.destination" % name, side["destination"],
                                              on_failure=name == "on_failure")
                errors.append(problem)
        return [error for error in errors if error]

    def read(self):
        """The settings; when there are none and they are wanted, the function is read too (it must exist)."""
        self.current = current_config(self.client.call("GetFunctionEventInvokeConfig", missing_ok=True, **self.key))
        if self.present and self.current is None:
            self.function_arn = self._function_arn()
        return self.current

    def _function_arn(self):
        """The qualified ARN of the function, version or alias; InvalidInput, before any change, when there is none."""
        arn = existing_function_arn(self.client, self.key, (
            "qualifier: the function %s has no version or alias %s (or the function does not exist). Create it first "
            "(cloudfn.aws_lambda.lambda_function with publish: true, or lambda_alias), or name one it has."
            % (self.params["function_name"], self.key.get("Qualifier"))))
        return "%s:%s" % (arn, self.key.get("Qualifier") or names.LATEST)

    def desired(self):
        return desired_config(self.params)

    def apply(self, plan):
        return reconcile.apply(plan, create=self._create, update=self._update, delete=self._delete)

    def _create(self, wanted):
        return current_config(self.client.call("PutFunctionEventInvokeConfig", **dict(self.key, **api_form(wanted))))

    def _update(self, changes):
        request = api_form(changes, self.current)
        return current_config(self.client.call("UpdateFunctionEventInvokeConfig", **dict(self.key, **request)))

    def _delete(self):
        return self.client.call("DeleteFunctionEventInvokeConfig", missing_ok=True, **self.key)

    def result(self, plan):
        """The settings after the run: as AWS answered the change, as read when nothing changed, else predicted."""
        if not self.present:
            return {}
        if plan.result is not None:
            return config_view(plan.result)
        if plan.action is None:
            return config_view(self.current)
        base = self.current or dict(FunctionArn=self.function_arn, DestinationConfig=dict(
            (side, dict(Destination="")) for side, _name in SIDES))
        predicted = reconcile.merged(base, plan.changes)
        predicted["LastModified"] = None
        return config_view(predicted)
