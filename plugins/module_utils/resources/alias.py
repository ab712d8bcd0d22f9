# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""An alias of a function: the version it points to, its description and an optional weighted split of its
traffic with a second version (module lambda_alias; lambda_app's ``alias:`` items).

Options that are not given are not managed. The function may be given as a qualified ARN (``...:function:NAME:1``,
as amazon.aws.lambda returns ``configuration.function_arn``): an alias belongs to the function, so the qualifier is
dropped. Before the alias is created or pointed at a version it does
not use yet, that version is read (GetFunctionConfiguration), so a version that does not exist fails
before anything changes. Updates carry the alias's RevisionId as read.
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, NotFound, failure_context
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    LATEST,
    alias_name_problem,
    function_name_problem,
    is_version,
    split_qualified,
    unqualified_function_arn,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import function_options, state_option
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource

# The options of one alias of a function (lambda_app's ``alias:`` items: the function is the item's).
ITEM_SPEC = dict(
    name=dict(type="str", required=True, aliases=["alias_name"]),
    function_version=dict(type="raw", aliases=["version"]),
    description=dict(type="str"),
    routing_config=dict(type="dict", options=dict(
        additional_version_weights=dict(type="dict", required=True),
    )),
)
ITEM_SPEC.update(state_option())

# The options of module lambda_alias.
ARGUMENT_SPEC = function_options()
ARGUMENT_SPEC.update(ITEM_SPEC)

# The traffic split is compared (and sent) whole: an empty map must differ from a split.
ALIAS_EXACT = reconcile.USER_KEYED | frozenset(("RoutingConfig", "AdditionalVersionWeights"))


def version_of(value):
    """The API form of a ``function_version`` value: "3" for 3 or "3", "$LATEST" for 0 or "$LATEST".

    Raises ValueError saying what is wrong.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("function_version: %r is not a version; give a version number, 0 or $LATEST." % (value,))
    text = str(value).strip()
    if text == LATEST:
        return LATEST
    if not text.isdigit():
        raise ValueError("function_version: %s is not a version; give a published version number (1, 2, ...), "
                         "0 or $LATEST." % text)
    return str(int(text)) if int(text) > 0 else LATEST


def weights_of(value):
    """The API form of ``routing_config.additional_version_weights``: {"version": float}.

    Raises ValueError saying what is wrong.
    """
    low, high = model_range("Weight")
    low, high = (0 if low is None else low), (1 if high is None else high)
    weights = {}
    for version, weight in value.items():
        text = str(version).strip()
        if isinstance(version, bool) or not text.isdigit() or int(text) < 1:
            raise ValueError("routing_config: %s is not a published version number; the additional version of a "
                             "split is a number such as \"2\" ($LATEST cannot take part in a split)." % text)
        try:
            if isinstance(weight, bool):
                raise ValueError()
            share = float(weight)
        except (TypeError, ValueError):
            share = None
        if share is None or not low <= share <= high:
            raise ValueError("routing_config: the weight of version %s must be a number from %g to %g (0.2 sends "
                             "20%% of the traffic to it), not %s." % (text, low, high, weight))
        weights[str(int(text))] = share
    if len(weights) > 1:
        raise ValueError("routing_config: an alias splits its traffic with one additional version only, not %d (%s)."
                         % (len(weights), ", ".join(sorted(weights))))
    return weights


def split_conflict(version, weights):
    """Why ``version`` cannot be combined with the split ``weights`` (None when it can)."""
    if not weights or version is None:
        return None
    if version == LATEST:
        return ("routing_config: a traffic split needs the alias to point to a published version, not $LATEST; "
                "give function_version as a version number, or additional_version_weights: {}.")
    if version in weights:
        return ("routing_config: version %s is already the alias's function_version; the additional version "
                "of a split must be another one." % version)
    return None


def desired_alias(params):
    """The alias the options ask for, in GetAlias's terms; None = not managed. Expects valid options."""
    version = params.get("function_version")
    routing = params.get("routing_config")
    return dict(
        FunctionVersion=None if version is None else version_of(version),
        Description=params.get("description"),
        RoutingConfig=None if routing is None else dict(
            AdditionalVersionWeights=weights_of(routing["additional_version_weights"])),
    )


def current_alias(answer):
    """A GetAlias (or CreateAlias / UpdateAlias) answer in the desired shape; None when there is none.

    An alias without a split reads as ``RoutingConfig: {AdditionalVersionWeights: {}}`` and without
    a description as ``Description: ""``, whichever way the endpoint leaves them out.
    """
    if answer is None:
        return None
    alias = dict(answer)
    alias.pop("ResponseMetadata", None)
    weights = (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}
    alias["RoutingConfig"] = dict(AdditionalVersionWeights=dict((k, float(v)) for k, v in weights.items()))
    alias["Description"] = alias.get("Description") or ""
    return alias


def alias_view(alias):
    """The alias as the task returns it."""
    return dict(
        alias_arn=alias.get("AliasArn"),
        name=alias.get("Name"),
        function_version=alias.get("FunctionVersion"),
        description=alias.get("Description"),
        routing_config=reconcile.snake_dict(alias.get("RoutingConfig")),
        revision_id=alias.get("RevisionId"),
    )


def planned_changes(desired, current):
    """The fields a run will send: all managed ones for a new alias, else the ones that differ."""
    if current is None:
        return reconcile.without_none(desired)
    return reconcile.changed_fields(desired, current, ALIAS_EXACT)


def versions_to_check(changes, current):
    """The versions a change points the alias at that it does not point at already (so may not exist)."""
    known = set()
    if current is not None:
        known.add(current.get("FunctionVersion"))
        known.update(current["RoutingConfig"]["AdditionalVersionWeights"])
    wanted = []
    if "FunctionVersion" in changes:
        wanted.append(changes["FunctionVersion"])
    if "RoutingConfig" in changes:
        wanted.extend(sorted(changes["RoutingConfig"]["AdditionalVersionWeights"]))
    return [version for version in wanted if version not in known]


def function_of(function_name):
    """The function an alias belongs to: ``function_name`` without the version or alias qualifier it may end with."""
    return split_qualified(function_name)[0]


class Alias(Resource):
    """One alias of a function."""

    kind = "alias"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.key = dict(FunctionName=function_of(self.params["function_name"]), Name=self.params["name"])
        self.current = None
        self.function_arn = None  # the function's ARN, once a version was read (for a predicted alias ARN)

    @classmethod
    def validate(cls, params):
        errors = []
        for problem in (function_name_problem(params["function_name"], qualified=True), alias_name_problem(params["name"])):
            if problem:
                errors.append(problem)
        description = params.get("description")
        longest = model_range("Description")[1]
        if description is not None and longest is not None and len(description) > longest:
            errors.append("description: %d characters, more than the %d AWS allows." % (len(description), longest))
        version = weights = None
        try:
            if params.get("function_version") is not None:
                version = version_of(params["function_version"])
        except ValueError as e:
            errors.append(str(e))
        try:
            if params.get("routing_config") is not None:
                weights = weights_of(params["routing_config"]["additional_version_weights"])
        except ValueError as e:
            errors.append(str(e))
        conflict = split_conflict(version, weights)
        if conflict:
            errors.append(conflict)
        return errors

    def read(self):
        self.current = current_alias(self.client.call("GetAlias", missing_ok=True, **self.key))
        return self.current

    def desired(self):
        return desired_alias(self.params)

    def plan(self, current, desired):
        """The plan; for an alias that stays, the checks that need it as it is: the split against the version,
        and that each version it will point to for the first time exists (read, never written)."""
        if self.present:
            if current is None and desired["FunctionVersion"] is None:
                desired = dict(desired, FunctionVersion=LATEST)
            changes = planned_changes(desired, current)
            if current is not None and changes.get("FunctionVersion") == LATEST:
                # For example the version of a lambda (amazon.aws.lambda) run that published nothing: "$LATEST".
                self.task.warn("The alias %s moves from version %s to $LATEST, the function's unpublished code. If "
                               "function_version came from a task that published nothing (lambda returns version "
                               "$LATEST then), give a published version instead." % (
                                   self.params["name"], current.get("FunctionVersion")))
            self.check(changes, current)
        return reconcile.plan(current, desired, self.state, ALIAS_EXACT)

    def check(self, changes, current):
        """Fail before any change when ``changes`` cannot apply to ``current`` (see :meth:`plan`)."""
        if not changes:
            return
        after = dict(current or {}, **changes)
        conflict = split_conflict(after.get("FunctionVersion"),
                                  (after.get("RoutingConfig") or {}).get("AdditionalVersionWeights"))
        if conflict:
            raise InvalidInput(conflict + " (The alias points to version %s.)" % after.get("FunctionVersion"))
        for version in versions_to_check(changes, current):
            option = "function_version" if version == changes.get("FunctionVersion") else "routing_config"
            answer = self.client.call("GetFunctionConfiguration", missing_ok=True,
                                      FunctionName=self.key["FunctionName"], Qualifier=version)
            if answer is None:
                answer = self.next_version(version, option)
            # A function lambda_app would create has no ARN yet (check mode): the alias ARN is then unknown.
            if answer.get("FunctionArn"):
                self.function_arn = self.function_arn or unqualified_function_arn(answer["FunctionArn"])

    def next_version(self, version, option):
        """In check mode, the version one above the function's latest published one: the version an earlier
        lambda_function task of this run would publish (its configuration as far as known); else fail."""
        function = self.key["FunctionName"]
        planned = self.task.planned_versions.get(function)
        if self.task.check_mode and planned is not None and planned[0] == version:
            return dict(FunctionArn=planned[1])  # the version this very task would publish (lambda_app)
        listed = None
        if self.task.check_mode and is_version(version):
            listed = self.client.paginate("ListVersionsByFunction", "Versions", missing_ok=True, FunctionName=function)
        published = [int(v["Version"]) for v in listed or () if is_version(v.get("Version"))]
        # A function that does not exist yet would get version 1 from an earlier task that creates it.
        if self.task.check_mode and is_version(version) and int(version) == max(published or [0]) + 1:
            self.task.warn("%s: the function %s has no version %s yet; in check mode it is assumed to be published "
                           "by an earlier task of this run (cloudfn.aws_lambda.lambda_function with publish: true), "
                           "and the alias is planned against it." % (option, function, version))
            return listed[-1] if listed else dict(FunctionArn=None)
        raise NotFound("%s: the function %s has no version %s (or does not exist). Publish it first "
                       "(cloudfn.aws_lambda.lambda_function with publish: true), or name a version it has."
                       % (option, function, version))

    def apply(self, plan):
        return reconcile.apply(plan, self.create, self.update, self.delete)

    def create(self, wanted):
        def adopt(_error):
            answer = self.client.call("GetAlias", missing_ok=True, **self.key)
            return reconcile.adopted(answer, wanted, current_alias, ALIAS_EXACT)
        return current_alias(self.client.call("CreateAlias", already_done=adopt, **dict(self.key, **wanted)))

    def update(self, changes):
        params = dict(self.key, **changes)
        if (self.current or {}).get("RevisionId"):
            params["RevisionId"] = self.current["RevisionId"]
        with failure_context("The alias %s of %s was changed by someone else after this task read it, so this change "
                             "was not applied (nothing was overwritten); run the task again to converge from its new "
                             "state. " % (self.key["Name"], self.key["FunctionName"]),
                             codes=["PreconditionFailedException"]):
            return current_alias(self.client.call("UpdateAlias", **params))

    def delete(self):
        return self.client.call("DeleteAlias", **self.key)

    def result(self, plan):
        """The alias after the run: as AWS answered the change, as read when nothing changed, else predicted;
        with state=absent, the alias as it was before it was deleted ({} when there was none)."""
        if not self.present:
            return alias_view(self.current) if self.current is not None else {}
        if plan.result is not None:
            return alias_view(plan.result)
        if plan.action is None:
            return alias_view(self.current)
        predicted = dict(self.current or dict(
            Name=self.key["Name"], Description="", RoutingConfig=dict(AdditionalVersionWeights={}),
            AliasArn="%s:%s" % (self.function_arn, self.key["Name"]) if self.function_arn else None))
        predicted.update(plan.changes)
        predicted["RevisionId"] = None
        return alias_view(predicted)
