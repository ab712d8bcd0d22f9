# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The function URL of a function or of one of its aliases (lambda_function_url; lambda_app's ``url:`` items).

A URL belongs to the unqualified function ($LATEST) or to an alias, never to a published version. Its
settings are the auth type, CORS and the invoke mode; options that are not given are not managed, and
CORS is managed key by key (a change sends the whole CORS configuration, the keys not given as read).

A URL with ``auth_type: NONE`` answers anyone only when the function's resource policy (of the alias, for
an alias's URL) also has the two statements AWS requires for a public URL; they are managed here, through
the permission resource (resources/permission.py), under the statement IDs of :data:`PUBLIC_STATEMENTS`:
added when the URL's auth type is NONE after the run, removed when it is AWS_IAM or the URL is removed.
The statements are removed before the URL changes and added after it, so the function is public only once
every write is done, and stops being public with the first write.
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import names, reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_range, service_model
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    function_options,
    spec_defaults,
    state_option,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import comparable_statement, parse_policy
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import permission
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import (
    Resource,
    after_run,
    existing_function_arn,
    function_name_error,
)

# Choices written out for the documentation; the unit tests hold them equal to botocore's service model
# (shapes FunctionUrlAuthType and InvokeMode).
AUTH_TYPES = ["NONE", "AWS_IAM"]
INVOKE_MODES = ["BUFFERED", "RESPONSE_STREAM"]
DEFAULT_INVOKE_MODE = "BUFFERED"  # what AWS applies when a URL is created without InvokeMode

# CORS: option -> Cors member; the lists AWS treats as sets, and those of header names, which HTTP compares
# without case (AWS stores them in lower case).
CORS_MEMBERS = (
    ("allow_credentials", "AllowCredentials"),
    ("allow_headers", "AllowHeaders"),
    ("allow_methods", "AllowMethods"),
    ("allow_origins", "AllowOrigins"),
    ("expose_headers", "ExposeHeaders"),
    ("max_age", "MaxAge"),
)
CORS_LISTS = frozenset(("AllowHeaders", "AllowMethods", "AllowOrigins", "ExposeHeaders"))
CORS_HEADER_LISTS = frozenset(("AllowHeaders", "ExposeHeaders"))
# What AWS applies for a Cors member that was never set.
CORS_DEFAULTS = dict(AllowCredentials=False, AllowHeaders=[], AllowMethods=[], AllowOrigins=[], ExposeHeaders=[],
                     MaxAge=0)

# The options of one URL of a function (lambda_app's ``url:`` items: the function is the item's).
ITEM_SPEC = dict(
    # raw: a version given as a number is refused by name, and a boolean is not read as text
    qualifier=dict(type="raw"),
    auth_type=dict(type="str", choices=AUTH_TYPES),
    cors=dict(type="dict", options=dict(
        allow_credentials=dict(type="bool"),
        allow_headers=dict(type="list", elements="str"),
        allow_methods=dict(type="list", elements="str"),
        allow_origins=dict(type="list", elements="str"),
        expose_headers=dict(type="list", elements="str"),
        max_age=dict(type="int"),
    )),
    invoke_mode=dict(type="str", choices=INVOKE_MODES),
)
ITEM_SPEC.update(state_option())

# The options of module lambda_function_url.
ARGUMENT_SPEC = function_options()
ARGUMENT_SPEC.update(ITEM_SPEC)

# The statements a URL with auth type NONE needs (AWS: for URLs created since October 2025, and for every URL
# from November 2026): (statement ID, action, condition option, its value). The IDs are the ones the Lambda
# console gives them, so a URL made public in the console is adopted as it is.
PUBLIC_STATEMENTS = (
    ("FunctionURLAllowPublicAccess", "lambda:InvokeFunctionUrl", "function_url_auth_type", "NONE"),
    ("FunctionURLAllowInvokeAction", "lambda:InvokeFunction", "invoked_via_function_url", True),
)
PUBLIC_STATEMENT_IDS = tuple(sid for sid, _action, _option, _value in PUBLIC_STATEMENTS)


def qualifier_of(value):
    """The alias a ``qualifier`` value names, or None for the unqualified function (omitted, or $LATEST).

    Raises InvalidInput naming the option.
    """
    if value is None:
        return None
    kind, text = names.qualifier_form(value)
    if kind == "type":
        raise InvalidInput("qualifier: %r is not an alias name; give the name of an alias, or leave qualifier out "
                           "(or give $LATEST) for the function's own URL." % (value,))
    if kind == "latest":
        return None
    if kind in ("version", "unpublished"):
        raise InvalidInput("qualifier: %s is a version number, and AWS puts function URLs on an alias or on the "
                           "unqualified function only, never on a published version. Give an alias that points "
                           "to the version (cloudfn.aws_lambda.lambda_alias), or leave qualifier out for the "
                           "function's own URL." % text)
    if kind == "invalid":
        raise InvalidInput("qualifier: %s is not an alias name (1 to 128 letters, digits, - and _)." % text)
    return text


def _cors_shape(member):
    """botocore's shape of one Cors member (None without botocore)."""
    model = service_model()
    return None if model is None else model.shape_for("Cors").members.get(member)


def cors_problems(cors):
    """The messages for the CORS values outside the limits of botocore's service model."""
    errors = []
    for option, member in CORS_MEMBERS:
        value = (cors or {}).get(option)
        shape = _cors_shape(member)
        if value is None or shape is None:
            continue
        if member == "MaxAge":
            low, high = model_range("Cors", "MaxAge")
            if isinstance(value, bool) or (low is not None and value < low) or (high is not None and value > high):
                errors.append("cors.max_age: %s is out of range; AWS allows %s to %s seconds." % (value, low, high))
            continue
        if member not in CORS_LISTS:
            continue
        most = shape.metadata.get("max")
        if most is not None and len(value) > most:
            errors.append("cors.%s: %d values; AWS takes at most %d." % (option, len(value), most))
        shortest, longest = shape.member.metadata.get("min"), shape.member.metadata.get("max")
        for item in value:
            if (shortest is not None and len(item) < shortest) or (longest is not None and len(item) > longest):
                errors.append("cors.%s: %r is not %s to %s characters long." % (option, item, shortest or 0, longest))
    return errors


def canonical_list(member, values):
    """A CORS list as AWS compares it: a sorted set; header names in lower case."""
    if member in CORS_HEADER_LISTS:
        values = [value.lower() for value in values]
    return sorted(set(values))


def desired_cors(cors):
    """The ``cors`` option in GetFunctionUrlConfig's terms (comparable form); None = not managed, and a member
    that is not given is None."""
    if cors is None:
        return None
    desired = {}
    for option, member in CORS_MEMBERS:
        value = cors.get(option)
        desired[member] = canonical_list(member, value) if member in CORS_LISTS and value is not None else value
    return desired


def desired_url(params):
    """What the options ask for, in GetFunctionUrlConfig's terms (comparable form); None = not managed."""
    return dict(AuthType=params.get("auth_type"), InvokeMode=params.get("invoke_mode"),
                Cors=desired_cors(params.get("cors")))


def current_url(answer):
    """A Get/Create/UpdateFunctionUrlConfig answer in the desired (comparable) shape; None when there is none.

    Every Cors member is there (AWS's default where it left one out), its lists as :func:`canonical_list` makes
    them; a missing InvokeMode is BUFFERED; the times are text.
    """
    if answer is None:
        return None
    config = dict(answer)
    config.pop("ResponseMetadata", None)
    cors = config.get("Cors") or {}
    config["Cors"] = dict(
        (member, canonical_list(member, cors.get(member) or []) if member in CORS_LISTS else
         (cors.get(member) if cors.get(member) is not None else CORS_DEFAULTS[member]))
        for _option, member in CORS_MEMBERS)
    config["InvokeMode"] = config.get("InvokeMode") or DEFAULT_INVOKE_MODE
    for field in ("CreationTime", "LastModifiedTime"):
        if hasattr(config.get(field), "isoformat"):
            config[field] = config[field].isoformat()
    return config


def url_view(config, qualifier, statements):
    """The URL as the task returns it."""
    return dict(
        function_url=config.get("FunctionUrl"),
        function_arn=config.get("FunctionArn"),
        qualifier=qualifier or names.LATEST,
        auth_type=config.get("AuthType"),
        cors=reconcile.snake_dict(config.get("Cors")),
        invoke_mode=config.get("InvokeMode"),
        creation_time=config.get("CreationTime"),
        last_modified_time=config.get("LastModifiedTime"),
        public_statements=statements,
    )


class FunctionUrl(Resource):
    """The function URL of ``function_name`` (or of its alias ``qualifier``), and its public statements."""

    kind = "function_url"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.function = self.params["function_name"]
        self.qualifier = qualifier_of(self.params.get("qualifier"))
        self.key = dict(FunctionName=self.function)
        if self.qualifier is not None:
            self.key["Qualifier"] = self.qualifier
        self.current = None
        self.answer = None  # the URL as AWS answered it (its Cors as AWS has it, for the keys a change keeps)
        self.function_arn = None  # the ARN a URL to be created will have (read with the function)
        self.statements = []  # the permission resources of PUBLIC_STATEMENTS, with their plans
        self.policy = ({}, None)  # the policy (document, RevisionId) as read
        self.policy_read_at = 0  # how many writes this run had sent when the policy was read

    @classmethod
    def validate(cls, params):
        errors = [function_name_error(params["function_name"], "an alias")]
        try:
            qualifier_of(params.get("qualifier"))
        except InvalidInput as e:
            errors.append(e.msg)
        errors.extend(cors_problems(params.get("cors")))
        return [error for error in errors if error]

    @property
    def label(self):
        return self.function + (":" + self.qualifier if self.qualifier else "")

    # ------------------------------------------------------------------ read
    def read(self):
        """The URL (GetFunctionUrlConfig), the function when a URL is to be created, and the policy (GetPolicy)."""
        self.answer = self.client.call("GetFunctionUrlConfig", missing_ok=True, **self.key)
        self.current = current_url(self.answer)
        if self.present and self.current is None:
            self.function_arn = self._function_arn()
        self.policy = self.read_policy()
        return self.current

    def _function_arn(self):
        """The ARN the URL will have; InvalidInput, before any change, when the function or alias does not exist."""
        arn = existing_function_arn(self.client, self.key, (
            "qualifier: the function %s has no alias %s (or the function does not exist). Create it first "
            "(cloudfn.aws_lambda.lambda_alias), or name one it has." % (self.function, self.qualifier)))
        return "%s:%s" % (arn, self.qualifier) if self.qualifier else arn

    def read_policy(self):
        """One GetPolicy for both public statements (of the alias's policy for an alias's URL)."""
        policy = parse_policy(self.client.call("GetPolicy", missing_ok=True, **self.key))
        self.policy_read_at = self.client.changes_sent
        return policy

    def statement(self, sid, action, option, value, wanted, policy):
        """The permission resource of one public statement, present or absent, reading ``policy`` (as read)."""
        params = dict(spec_defaults(permission.ARGUMENT_SPEC), function_name=self.function, qualifier=self.qualifier,
                      statement_id=sid, action=action, principal="*", state="present" if wanted else "absent")
        params[option] = value
        return permission.Permission(self.task.with_params(params), self.client, policy=policy,
                                     resource=(self.current or {}).get("FunctionArn") or self.function_arn)

    # ------------------------------------------------------------------ plan
    def desired(self):
        return desired_url(self.params)

    def public_after(self, desired):
        """True when the URL's auth type is NONE after the run."""
        if not self.present:
            return False
        return (desired.get("AuthType") or (self.current or {}).get("AuthType")) == "NONE"

    def plan(self, current, desired):
        if self.present and current is None and desired.get("AuthType") is None:
            raise InvalidInput("auth_type: required to create the function URL of %s; give AWS_IAM (callers sign "
                               "their requests) or NONE (a public URL)." % self.label)
        outcome = reconcile.plan(current, desired, self.state)
        public = self.public_after(desired)
        if public:
            self.task.warn("The function URL of %s has auth_type NONE: anyone on the internet who knows the URL%s can "
                           "invoke the function without signing the request. Use auth_type AWS_IAM unless the "
                           "function itself checks who calls it." % (
                               self.label, (" (%s)" % current["FunctionUrl"]) if current else ""))
        self.statements = []
        for sid, action, option, value in PUBLIC_STATEMENTS:
            statement = self.statement(sid, action, option, value, public, self.policy)
            statement.outcome = statement.plan(statement.read(), statement.desired())
            self.statements.append(statement)
        return outcome

    # ------------------------------------------------------------------ apply
    def apply(self, plan):
        """Statements removed first, then the URL written, then statements added (see the module docstring)."""
        for statement in self.statements:
            if statement.outcome.action == "delete":
                self.apply_statement(statement)
        reconcile.apply(plan, create=self._create, update=self._update, delete=self._delete)
        for statement in self.statements:
            if statement.outcome.action in ("create", "update"):
                self.apply_statement(statement)
        return plan

    def apply_statement(self, statement):
        """Apply one statement's plan; when this run wrote since the policy was read and the statement is to be
        removed (or replaced), the policy is read again first, so the removal carries its current RevisionId."""
        if statement.outcome.action in ("delete", "update") and self.client.changes_sent > self.policy_read_at:
            statement.prefetched = self.read_policy()
            statement.outcome = statement.plan(statement.read(), statement.desired())
        statement.apply(statement.outcome)

    def request(self, fields):
        """``fields`` (changed, comparable form) as a Create/Update request: the values as the options give them,
        and a Cors complete with the members not given as AWS has them."""
        request = dict((field, fields[field]) for field in ("AuthType", "InvokeMode") if fields.get(field) is not None)
        if fields.get("Cors") is not None:
            cors = dict((member, value) for member, value in ((self.answer or {}).get("Cors") or {}).items())
            for option, member in CORS_MEMBERS:
                if self.params["cors"].get(option) is not None:
                    cors[member] = self.params["cors"][option]
            request["Cors"] = cors
        return dict(self.key, **request)

    def _create(self, fields):
        return current_url(self.client.call("CreateFunctionUrlConfig", **self.request(fields)))

    def _update(self, fields):
        return current_url(self.client.call("UpdateFunctionUrlConfig", **self.request(fields)))

    def _delete(self):
        return self.client.call("DeleteFunctionUrlConfig", missing_ok=True, **self.key)

    # ------------------------------------------------------------------ result
    def statement_changes(self):
        """(before, after) of the public statements that change, by statement ID (comparable form)."""
        before, after = {}, {}
        for statement in self.statements:
            if statement.outcome.action is not None:
                sid = statement.sid
                current = comparable_statement(statement.stored)
                before[sid] = {} if current is None else current
                after[sid] = statement.desired() or {}
        return before, after

    def converge(self):
        """read, plan, apply (not in check mode), result. ``self.outcome`` is the URL's and its statements' together:
        a run that changes only a statement is an update (a delete with state=absent)."""
        current = self.read()
        outcome = self.plan(current, self.desired())
        if not self.task.check_mode:
            self.apply(outcome)
        result = self.result(outcome)
        diff = dict(before=dict(outcome.diff["before"]), after=dict(outcome.diff["after"]))
        before, after = self.statement_changes()
        if before or after:
            diff["before"]["public_statements"] = dict((sid, reconcile.snake_dict(v)) for sid, v in before.items())
            diff["after"]["public_statements"] = dict((sid, reconcile.snake_dict(v)) for sid, v in after.items())
        action = outcome.action or ((("update" if self.present else "delete") if before else None))
        self.outcome = reconcile.Outcome(action, outcome.changes, outcome.result, {}, {})
        self.outcome.diff = diff
        result["changed"] = self.outcome.changed
        if self.task.diff:
            result["diff"] = diff
        return result

    def statements_after(self):
        """The public statements as they are after the run (predicted in check mode)."""
        found = []
        for statement in self.statements:
            stored = statement.result(statement.outcome)["statement"]
            if stored is not None:
                found.append(stored)
        return found

    def result(self, plan):
        """The URL after the run: as AWS answered the change, as read when nothing changed, else predicted (the
        URL itself and its times are null for a URL to be created: AWS chooses the address)."""
        if not self.present:
            return {}
        config = after_run(plan, self.current, dict(FunctionArn=self.function_arn, Cors=dict(CORS_DEFAULTS),
                                                    InvokeMode=DEFAULT_INVOKE_MODE), unknown=["LastModifiedTime"])
        return url_view(config, self.qualifier, self.statements_after())
