# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Readers of functions and of what belongs to them, and lambda_info's query over them.

The readers are functions of ``(client, function_name, ...)`` that any module or lambda_app can use;
they return AWS's answers as they are (every page of a listing), ``None`` when the function does not
exist, and :data:`LEFT_OUT` for what could not be read but may be done without (an operation the
endpoint does not implement, with ``unsupported_ok``; tags AWS could not read), with a warning.

:class:`FunctionInfo` is lambda_info's read: one function or every function, the parts its query
names (snake_case, as the task returns them), with as few requests as the answers allow, and the
account's settings.
"""

import datetime

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    ANY_ARN,
    function_name_problem,
    split_qualified,
    unqualified_function_arn,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import parse_policy
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import snake_dict
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.capacity_provider import provider_view
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.durable_execution import (
    EXECUTION_STATUSES,
    durable_execution,
    execution_arn_problem,
    execution_name_problem,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function import (
    SETTING_DEFAULTS,
    runtime_management_view,
)

LEFT_OUT = object()  # what a reader gives for what it could not read and a warning explained

# ------------------------------------------------------------------ readers


def read(client, operation, result_key=None, unsupported_ok=False, **params):
    """One read: the answer (every item of ``result_key`` over all pages when given); None when not found.

    ``unsupported_ok``: an operation the endpoint does not implement gives LEFT_OUT with one warning (the
    client's), and is not sent again by this client; without it, it fails.
    """
    if operation in client.unsupported:
        return LEFT_OUT
    if result_key is None:
        answer = client.call(operation, missing_ok=True, unsupported_ok=unsupported_ok, **params)
    else:
        answer = client.paginate(operation, result_key, missing_ok=True, unsupported_ok=unsupported_ok, **params)
    if answer is None and operation in client.unsupported:
        return LEFT_OUT
    return answer


def function(client, function_name):
    """The function's GetFunction answer (configuration, code, tags, concurrency); None when it does not exist."""
    return client.call("GetFunction", missing_ok=True, FunctionName=function_name)


def functions(client):
    """The configuration of every function of the account and region (ListFunctions, every page)."""
    return client.paginate("ListFunctions", "Functions")


def aliases(client, function_name, unsupported_ok=False):
    """The function's aliases."""
    return read(client, "ListAliases", "Aliases", unsupported_ok, FunctionName=function_name)


def versions(client, function_name, unsupported_ok=False):
    """The function's versions, $LATEST included."""
    return read(client, "ListVersionsByFunction", "Versions", unsupported_ok, FunctionName=function_name)


def policy(client, function_name, unsupported_ok=False):
    """The function's resource-based policy document as AWS writes it; {} when it has none (GetPolicy's
    "not found" means no policy, so this never says the function is missing)."""
    answer = read(client, "GetPolicy", None, unsupported_ok, FunctionName=function_name)
    return answer if answer is LEFT_OUT else parse_policy(answer)[0]


def mappings(client, function_name=None, event_source_arn=None, unsupported_ok=False):
    """The event source mappings of the function (of every function without ``function_name``), of the source
    ``event_source_arn`` only when given."""
    params = {}
    if function_name is not None:
        params["FunctionName"] = function_name
    if event_source_arn:
        params["EventSourceArn"] = event_source_arn
    return read(client, "ListEventSourceMappings", "EventSourceMappings", unsupported_ok, **params)


def event_invoke_configs(client, function_name, unsupported_ok=False):
    """The function's asynchronous invocation settings, per version and alias."""
    return read(client, "ListFunctionEventInvokeConfigs", "FunctionEventInvokeConfigs", unsupported_ok,
                FunctionName=function_name)


def provisioned_concurrency(client, function_name, unsupported_ok=False):
    """The provisioned concurrency configured on the function's versions and aliases."""
    return read(client, "ListProvisionedConcurrencyConfigs", "ProvisionedConcurrencyConfigs", unsupported_ok,
                FunctionName=function_name)


def function_urls(client, function_name, unsupported_ok=False):
    """The function's URLs: its own and those of its aliases."""
    return read(client, "ListFunctionUrlConfigs", "FunctionUrlConfigs", unsupported_ok, FunctionName=function_name)


def recursion(client, function_name, unsupported_ok=False):
    """The function's recursive loop detection, Allow or Terminate (GetFunctionRecursionConfig)."""
    answer = read(client, "GetFunctionRecursionConfig", None, unsupported_ok, FunctionName=function_name)
    if answer is None or answer is LEFT_OUT:
        return answer
    return answer.get("RecursiveLoop") or SETTING_DEFAULTS["RecursiveLoop"]


def runtime_management(client, function_name, unsupported_ok=False):
    """The runtime management configuration of the function (of the version or alias a qualified name names):
    UpdateRuntimeOn and RuntimeVersionArn (None unless Manual), as lambda_function returns them."""
    answer = read(client, "GetRuntimeManagementConfig", None, unsupported_ok, FunctionName=function_name)
    if answer is None or answer is LEFT_OUT:
        return answer
    return runtime_management_view(answer)


def parsed_time(value):
    """An ISO 8601 date and time (``2026-12-01T08:00:00Z``; a date alone is its midnight; no zone is UTC) as an aware
    datetime; ValueError when it is not one."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment


def time_problems(params):
    """The messages for durable_execution_started_after / _before that are not times, or after > before."""
    problems, moments = [], {}
    for option in ("durable_execution_started_after", "durable_execution_started_before"):
        value = params.get(option)
        if value is None:
            continue
        try:
            moments[option] = parsed_time(value)
        except ValueError:
            problems.append("%s: %s is not an ISO 8601 date and time (for example 2026-12-01T08:00:00Z, or "
                            "2026-12-01 for its midnight in UTC)." % (option, value))
    after, before = params.get("durable_execution_started_after"), params.get("durable_execution_started_before")
    if len(moments) == 2 and moments["durable_execution_started_after"] > moments["durable_execution_started_before"]:
        problems.append("durable_execution_started_after: %s is later than durable_execution_started_before %s, so no "
                        "execution matches; swap them." % (after, before))
    return problems


def durable_executions(client, function_name, statuses=None, execution_name=None, started_after=None,
                       started_before=None, unsupported_ok=False):
    """The durable executions of the function, of every version (of the version or alias a qualified name names),
    newest first; only those in ``statuses``, named ``execution_name`` and started in the times given."""
    params = dict(FunctionName=function_name)
    if statuses:
        params["Statuses"] = list(statuses)
    if execution_name is not None:
        params["DurableExecutionName"] = execution_name
    if started_after is not None:
        params["StartedAfter"] = parsed_time(started_after)
    if started_before is not None:
        params["StartedBefore"] = parsed_time(started_before)
    return read(client, "ListDurableExecutionsByFunction", "DurableExecutions", unsupported_ok, **params)


def tags(client, function_name, answer=None):
    """The function's tags (keys as they are; {} for none), from its GetFunction ``answer`` (read when not given);
    None when it does not exist; LEFT_OUT, with a warning, when AWS could not read them."""
    answer = function(client, function_name) if answer is None else answer
    if answer is None:
        return None
    if answer.get("TagsError"):
        error = answer["TagsError"]
        client.module.warn("The tags of %s could not be read, so they are left out: %s: %s" % (
            function_name, error.get("ErrorCode"), error.get("Message")))
        return LEFT_OUT
    return answer.get("Tags") or {}


def reserved_concurrency(client, function_name, answer=None):
    """The function's reserved concurrent executions, from its GetFunction ``answer`` (read when not given); None
    when none is reserved (or the function does not exist)."""
    answer = function(client, function_name) if answer is None else answer
    return ((answer or {}).get("Concurrency") or {}).get("ReservedConcurrentExecutions")


def account_settings(client):
    """The account's Lambda limits and usage in the region, as the task returns them."""
    answer = client.call("GetAccountSettings")
    return dict(account_limit=snake_dict(answer.get("AccountLimit") or {}),
                account_usage=snake_dict(answer.get("AccountUsage") or {}))


# ------------------------------------------------------------------ lambda_info

# The parts of a function a query can ask for, besides its configuration (which is always returned).
PARTS = ("aliases", "versions", "policy", "mappings", "tags", "concurrency", "provisioned_concurrency",
         "event_invoke_configs", "function_urls", "recursion", "runtime_management", "durable_executions")
QUERIES = ["all", "config"] + list(PARTS)
# Parts that one GetFunction answers, besides the configuration.
IN_GET_FUNCTION = frozenset(("tags", "concurrency"))
# The parts AWS keeps per version or alias: read for the version or alias a qualified function_name names (the
# others belong to the function, and are read for the function whatever the qualifier).
PER_QUALIFIER = frozenset(("policy", "mappings", "runtime_management", "durable_executions"))
# The parts read by a request of their own, in the order they are read.
LISTED_PARTS = (("aliases", aliases), ("versions", versions), ("policy", policy), ("mappings", mappings),
                ("event_invoke_configs", event_invoke_configs), ("provisioned_concurrency", provisioned_concurrency),
                ("function_urls", function_urls), ("recursion", recursion), ("runtime_management", runtime_management),
                ("durable_executions", durable_executions))
# The key of a function's entry that holds a part, where it is not the part's name.
PART_KEYS = dict(concurrency="reserved_concurrency", recursion="recursive_loop")
# Parts that ``all`` reads only for a durable function (whose configuration has DurableConfig): the others have no
# durable executions, and cost no request for them.
DURABLE_ONLY = frozenset(("durable_executions",))

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", aliases=["name", "function"]),
    query=dict(type="list", elements="str", choices=QUERIES),
    event_source_arn=dict(type="str"),
    durable_execution_statuses=dict(type="list", elements="str", choices=EXECUTION_STATUSES),
    durable_execution_name=dict(type="str"),
    durable_execution_started_after=dict(type="str"),
    durable_execution_started_before=dict(type="str"),
    account_settings=dict(type="bool", default=False),
    code_signing_configs=dict(type="bool", default=False),
    capacity_providers=dict(type="bool", default=False),
    durable_execution_arn=dict(type="str"),
    include_execution_data=dict(type="bool"),
)
# Options that filter a part, each with the part (and the keyword of its reader) it filters.
FILTERS = dict(event_source_arn=("mappings", "event_source_arn"),
               durable_execution_statuses=("durable_executions", "statuses"),
               durable_execution_name=("durable_executions", "execution_name"),
               durable_execution_started_after=("durable_executions", "started_after"),
               durable_execution_started_before=("durable_executions", "started_before"))
# What a filtered part is, for the messages.
FILTERED = dict(mappings="event source mappings", durable_executions="durable executions")


def asked_query(params):
    """The query as given, or amazon.aws.lambda_info's default: all for one function, config for every function."""
    if params.get("query") is not None:
        return list(params["query"])
    return ["all"] if params.get("function_name") else ["config"]


def parts_of(query):
    """The parts (see PARTS) a query reads besides the configuration."""
    if "all" in query:
        return frozenset(PARTS)
    return frozenset(query) - {"config"}


def validate(params):
    """Local checks of lambda_info's options; a list of error messages (empty when all is well)."""
    problems = []
    name = params.get("function_name")
    problem = None if name is None else function_name_problem(name, qualified=True)
    if problem:
        problems.append(problem)
    query = asked_query(params)
    if not query:
        if name is not None:
            problems.append("query: [] reads no function, so function_name has nothing to do; name the parts to read "
                            "(for example query: config), or leave function_name out.")
        elif not any(params.get(option) for option in ("account_settings", "code_signing_configs", "capacity_providers")) \
                and params.get("durable_execution_arn") is None:
            problems.append("query: [] reads no function; give account_settings: true to read the account's limits "
                            "(or code_signing_configs: true for its code signing configurations, capacity_providers: "
                            "true for its capacity providers, durable_execution_arn for one durable execution), or "
                            "name the parts of the functions to read (for example query: config).")
    source = params.get("event_source_arn")
    if source is not None and not ANY_ARN.match(source):
        problems.append("event_source_arn: %s is not an ARN (for example arn:aws:sqs:us-east-1:123456789012:orders)."
                        % source)
    if params.get("durable_execution_statuses") == []:
        problems.append("durable_execution_statuses: [] matches no execution; leave it out for executions of every "
                        "status, or name the statuses (for example [RUNNING, PAUSED]).")
    problems.extend(time_problems(params))
    execution_name = params.get("durable_execution_name")
    if execution_name is not None:
        problems.extend(p for p in [execution_name_problem("durable_execution_name", execution_name)] if p)
    for option, (part, _keyword) in sorted(FILTERS.items()):
        if params.get(option) is not None and part not in parts_of(query):
            problems.append("%s: filters the %s, which query %s does not read; add %s to query (for example query: "
                            "[config, %s])." % (option, FILTERED[part], ", ".join(query or ["[]"]), part, part))
    execution = params.get("durable_execution_arn")
    if execution is not None:
        problems.extend(p for p in [execution_arn_problem("durable_execution_arn", execution)] if p)
    elif params.get("include_execution_data") is not None:
        problems.append("include_execution_data: applies to the execution durable_execution_arn names; give "
                        "durable_execution_arn too, or leave include_execution_data out.")
    return problems


class FunctionInfo(Resource):
    """lambda_info's read: functions and the parts of them a query asks for, and the account's settings.

    A part the query names must be answered (an endpoint without its operation fails the task); one that only
    "all" asks for is left out with one warning, and not asked for again for the next functions.
    """

    kind = "info"

    def __init__(self, task, client):
        super().__init__(task, client)
        query = asked_query(self.params)
        self.query = query
        self.parts = parts_of(query)
        self.named = frozenset(query)
        self.filters = {}  # part -> the keywords its reader takes from the options that filter it (FILTERS)
        for option, (part, keyword) in FILTERS.items():
            if self.params.get(option) is not None:
                self.filters.setdefault(part, {})[keyword] = self.params[option]

    @classmethod
    def validate(cls, params):
        return validate(params)

    def converge(self):
        """Read what the options ask for (nothing is ever changed); the task's result."""
        result = dict(changed=False)
        if self.params["account_settings"]:
            result["account_settings"] = account_settings(self.client)
        if self.params.get("code_signing_configs"):
            result["code_signing_configs"] = snake_dict(
                self.client.paginate("ListCodeSigningConfigs", "CodeSigningConfigs"))
        if self.params.get("capacity_providers"):
            result["capacity_providers"] = [provider_view(provider) for provider in self.client.paginate(
                "ListCapacityProviders", "CapacityProviders")]
        if self.params.get("durable_execution_arn") is not None:
            result["durable_execution"] = snake_dict(durable_execution(
                self.client, self.params["durable_execution_arn"], self.params.get("include_execution_data")))
        if not self.query:
            result["functions"] = []
        elif self.params.get("function_name"):
            result["functions"] = self.one(self.params["function_name"])
        else:
            result["functions"] = self.every()
        return result

    def one(self, name):
        """The function ``name`` (a list of one), or [] when it does not exist.

        A qualified ``name`` (``NAME:1``, ``ARN:live``, as amazon.aws.lambda_info takes it) gives the configuration,
        policy and mappings of that version or alias; its aliases, versions and other parts are the function's.
        """
        answer = function(self.client, name)
        if answer is None:
            return []
        entry = self.entry_from_get_function(answer)
        if not self.read_parts(name, entry, function_name=split_qualified(name)[0]):
            return []
        return [entry]

    def every(self):
        """Every function of the account and region."""
        listed = functions(self.client)
        by_function = self.every_mapping() if "mappings" in self.parts and listed else None
        found = []
        for configuration in listed:
            name = configuration["FunctionName"]
            if self.parts & IN_GET_FUNCTION:
                answer = function(self.client, name)
                if answer is None:
                    continue  # deleted since it was listed
                entry = self.entry_from_get_function(answer)
            else:
                entry = snake_dict(configuration)
            if by_function is not None:
                entry["mappings"] = by_function.get(unqualified_function_arn(configuration["FunctionArn"]), [])
            if self.read_parts(name, entry, mappings_read=True):
                found.append(entry)
        return found

    def entry_from_get_function(self, answer):
        """A function's entry from its GetFunction answer: the configuration, with tags and concurrency if asked."""
        entry = snake_dict(answer["Configuration"])
        name = entry.get("function_name")
        if "tags" in self.parts:
            found = tags(self.client, name, answer)
            if found is not LEFT_OUT:
                entry["tags"] = found
        if "concurrency" in self.parts:
            entry[PART_KEYS["concurrency"]] = reserved_concurrency(self.client, name, answer)
        return entry

    def read_parts(self, name, entry, mappings_read=False, function_name=None):
        """Add the parts each read by their own request to ``entry``; False when the function turned out to be gone.

        ``mappings_read``: the mappings are in ``entry`` already (read once for every function). ``function_name``:
        the function ``name`` is a version or alias of (the parts not in PER_QUALIFIER are read for it).
        """
        for part, reader in LISTED_PARTS:
            if part not in self.parts or (part == "mappings" and mappings_read):
                continue
            if part in DURABLE_ONLY and part not in self.named and not entry.get("durable_config"):
                continue  # all: only a durable function has durable executions
            target = name if part in PER_QUALIFIER or function_name is None else function_name
            answer = reader(self.client, target, unsupported_ok=part not in self.named, **self.filters.get(part, {}))
            if answer is LEFT_OUT:
                continue
            if answer is None:
                return False  # "not found": the function was deleted while being read
            entry[PART_KEYS.get(part, part)] = answer if part == "policy" else snake_dict(answer)
        return True

    def every_mapping(self):
        """Every mapping of the account (of ``event_source_arn`` when given), by the unqualified ARN of its function."""
        found = mappings(self.client, unsupported_ok="mappings" not in self.named, **self.filters.get("mappings", {}))
        if found is LEFT_OUT:
            return None
        by_function = {}
        for mapping in found or []:
            by_function.setdefault(unqualified_function_arn(mapping.get("FunctionArn") or ""), []).append(
                snake_dict(mapping))
        return by_function
