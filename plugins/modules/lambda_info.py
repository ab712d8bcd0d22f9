#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_info
short_description: Read AWS Lambda functions, with their aliases, versions, policy, mappings and more, and the account's limits
version_added: 0.1.0
description:
  - Reads one function (O(function_name)) or every function of the account and region, and for each the parts
    O(query) names, and, with O(account_settings=true), the account's Lambda limits and usage.
  - Never changes anything, so it runs in check mode as well and always reports C(changed=false).
  - Every listing is followed to its last page.
  - The requests each part costs are listed in the notes. They grow with the number of functions read, never with
    their product, and one answer serves as many parts as it holds (one C(GetFunction) gives the configuration,
    the tags and the reserved concurrency of a function).
  - Every option name and value of C(amazon.aws.lambda_info) is accepted with the same meaning, and the result has
    the same name (RV(functions)). The differences are deliberate - a function that does not exist gives an empty
    list, where C(amazon.aws.lambda_info) (11.4.0) returns one entry with empty parts; RV(functions[].policy) is the
    policy document as AWS writes it, and tag keys are kept as they are, where that module turns both to snake_case
    (C(Statement) becomes C(statement), a tag C(CostCenter) becomes C(cost_center)); the C(function) dictionary of
    older versions of that module is not returned.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name, ARN or partial ARN (C(ACCOUNT:function:NAME)) of one function, without a version or alias qualifier
        (its versions and aliases are parts of O(query)).
      - When omitted, every function of the account and region is read.
      - A function that does not exist gives an empty RV(functions) list, not a failure.
    type: str
    aliases: [name, function]
  query:
    description:
      - What to read of each function, as a list or one value. The configuration is always returned.
      - V(config) - only the configuration.
      - V(aliases) - its aliases (RV(functions[].aliases)).
      - V(versions) - its versions, V($LATEST) included (RV(functions[].versions)).
      - V(policy) - its resource-based policy (RV(functions[].policy)).
      - V(mappings) - its event source mappings (RV(functions[].mappings)); see O(event_source_arn).
      - V(tags) - its tags (RV(functions[].tags)).
      - V(concurrency) - its reserved concurrency (RV(functions[].reserved_concurrency)).
      - V(provisioned_concurrency) - the provisioned concurrency of its versions and aliases
        (RV(functions[].provisioned_concurrency)).
      - V(event_invoke_configs) - its asynchronous invocation settings, per version and alias
        (RV(functions[].event_invoke_configs)).
      - V(all) - every part above.
      - Defaults to V(all) with O(function_name) and to V(config) without it, as in C(amazon.aws.lambda_info).
      - V([]) reads no function at all (RV(functions) is empty), for a task that wants only O(account_settings).
      - A part named here fails the task when the endpoint cannot answer it; a part read because of V(all) is left
        out with a warning instead (see the notes).
    type: list
    elements: str
    choices: [all, config, aliases, versions, policy, mappings, tags, concurrency, provisioned_concurrency,
              event_invoke_configs]
  event_source_arn:
    description:
      - Only the event source mappings that read from this source (a queue, stream or cluster ARN).
      - Needs V(mappings) in O(query) (V(all) included).
    type: str
  account_settings:
    description:
      - Also read the account's Lambda limits and usage in the region (C(GetAccountSettings)) into
        RV(account_settings).
      - An endpoint that cannot answer C(GetAccountSettings) fails the task, saying so.
    type: bool
    default: false
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.read_only
notes:
  - "Requests per part, for one function (O(function_name)): C(GetFunction) always, which also answers V(config),
    V(tags) and V(concurrency); V(aliases) C(ListAliases); V(versions) C(ListVersionsByFunction); V(policy)
    C(GetPolicy); V(mappings) C(ListEventSourceMappings) (with O(function_name), and O(event_source_arn) when given);
    V(event_invoke_configs) C(ListFunctionEventInvokeConfigs); V(provisioned_concurrency)
    C(ListProvisionedConcurrencyConfigs). A function that does not exist costs the one C(GetFunction)."
  - "Requests per part, for every function (no O(function_name)): C(ListFunctions) always, which answers V(config);
    V(tags) and V(concurrency) together one C(GetFunction) per function (whose fuller configuration then replaces
    the listed one); V(mappings) one C(ListEventSourceMappings) for the whole account (with O(event_source_arn)
    when given), each mapping put under the function it invokes; V(aliases), V(versions), V(policy),
    V(event_invoke_configs) and V(provisioned_concurrency) one request per function each, as for one function."
  - Every C(List*) request above is one request per page; a page holds up to 50 functions or versions and up to
    100 mappings. O(account_settings=true) adds one C(GetAccountSettings), sent first.
  - The configuration listed by C(ListFunctions) lacks, on AWS, the C(state), C(state_reason), C(state_reason_code),
    C(last_update_status), C(last_update_status_reason), C(last_update_status_reason_code) and
    C(runtime_version_config) fields; they are there for one function, and for every function when O(query)
    includes V(tags), V(concurrency) or V(all).
  - A function deleted while the task reads it is left out of RV(functions).
  - With V(all), a part whose request the endpoint does not implement (a local AWS stand-in such as moto answers
    C(ListProvisionedConcurrencyConfigs) with HTTP 404) is left out of RV(functions) with one warning, and the request
    is not sent again for the next functions. The same part named in O(query) fails the task, saying so. AWS answers
    every one of them.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
    description: Creates and changes functions, their tags and reserved concurrency, and publishes versions.
  - module: cloudfn.aws_lambda.lambda_alias
    description: Creates and changes aliases.
  - module: cloudfn.aws_lambda.lambda_policy
    description: Adds and removes resource-based policy statements.
  - module: cloudfn.aws_lambda.lambda_event_source
    description: Creates and changes event source mappings.
"""

EXAMPLES = r"""
- name: Everything about one function
  cloudfn.aws_lambda.lambda_info:
    function_name: hello
  register: hello

- name: Its aliases and their versions
  ansible.builtin.debug:
    msg: "{{ hello.functions[0].aliases | items2dict(key_name='name', value_name='function_version') }}"
  when: hello.functions | length > 0

- name: The configuration of every function (one ListFunctions per 50 functions)
  cloudfn.aws_lambda.lambda_info:
  register: every_function

- name: Every function with its tags and reserved concurrency (one GetFunction per function)
  cloudfn.aws_lambda.lambda_info:
    query: [tags, concurrency]
  register: tagged

- name: The functions of team web
  ansible.builtin.debug:
    msg: "{{ tagged.functions | selectattr('tags.team', 'defined') | selectattr('tags.team', '==', 'web')
             | map(attribute='function_name') | list }}"

- name: Which functions read this queue (one ListEventSourceMappings for the whole account)
  cloudfn.aws_lambda.lambda_info:
    query: mappings
    event_source_arn: arn:aws:sqs:us-east-1:123456789012:orders
  register: readers

- name: The account's concurrency limit and code storage, without reading any function
  cloudfn.aws_lambda.lambda_info:
    query: []
    account_settings: true
  register: account

- name: Show how much of the code storage is used
  ansible.builtin.debug:
    msg: "{{ account.account_settings.account_usage.total_code_size }} of {{ account.account_settings.account_limit.total_code_size }} bytes"

- name: amazon.aws.lambda_info's option names
  cloudfn.aws_lambda.lambda_info:
    name: hello
    query: versions
"""

RETURN = r"""
functions:
  description:
    - The functions read, each with its configuration (snake_case keys, as C(GetFunction) or C(ListFunctions) answer
      it) and the parts O(query) asked for.
    - Empty when O(function_name) names a function that does not exist, or with O(query=[]).
  returned: always
  type: list
  elements: dict
  contains:
    function_name:
      description: Name of the function.
      returned: always
      type: str
      sample: hello
    function_arn:
      description: ARN of the function.
      returned: always
      type: str
      sample: arn:aws:lambda:us-east-1:123456789012:function:hello
    runtime:
      description: Runtime, for zip functions.
      returned: for zip functions
      type: str
      sample: python3.12
    role:
      description: ARN of the execution role.
      returned: always
      type: str
      sample: arn:aws:iam::123456789012:role/hello-lambda
    handler:
      description: Handler, for zip functions.
      returned: for zip functions
      type: str
      sample: app.handler
    description:
      description: Description of the function.
      returned: always
      type: str
      sample: Says hello
    timeout:
      description: Timeout in seconds.
      returned: always
      type: int
      sample: 3
    memory_size:
      description: Memory in MB.
      returned: always
      type: int
      sample: 128
    code_sha256:
      description: Base64 sha256 of the code package.
      returned: always
      type: str
      sample: NZX1y+kZ4WDVeh0y+tTq5hCGp26aG/q1ALv4d4UzIU4=
    code_size:
      description: Size of the code package in bytes.
      returned: always
      type: int
      sample: 300
    last_modified:
      description: When the function was last changed.
      returned: always
      type: str
      sample: "2025-01-31T10:00:00.000+0000"
    version:
      description: V($LATEST), the unpublished version the configuration is of.
      returned: always
      type: str
      sample: $LATEST
    environment:
      description: Environment variables (C(variables), names kept as they are).
      returned: when the function has environment variables
      type: dict
      sample: {variables: {GREETING: Hello}}
    package_type:
      description: V(Zip) or V(Image).
      returned: always
      type: str
      sample: Zip
    architectures:
      description: The instruction set architecture.
      returned: always
      type: list
      elements: str
      sample: [x86_64]
    state:
      description: V(Pending), V(Active), V(Inactive) or V(Failed).
      returned: for one function, or when O(query) includes V(tags) or V(concurrency) (AWS's C(ListFunctions) leaves it out)
      type: str
      sample: Active
    last_update_status:
      description: V(InProgress), V(Successful) or V(Failed).
      returned: as RV(functions[].state)
      type: str
      sample: Successful
    aliases:
      description: The function's aliases, as C(ListAliases) answers them.
      returned: when O(query) includes V(aliases)
      type: list
      elements: dict
      sample: [{alias_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello:live", name: live, function_version: "2",
                description: "", revision_id: 4b2e2a8c-4b1c-4d5e-9f3a-1b2c3d4e5f60,
                routing_config: {additional_version_weights: {"1": 0.1}}}]
    versions:
      description: The function's versions, V($LATEST) first, each with its configuration in snake_case.
      returned: when O(query) includes V(versions)
      type: list
      elements: dict
      sample: [{version: $LATEST, function_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello:$LATEST"},
               {version: "1", function_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello:1"}]
    policy:
      description:
        - The function's resource-based policy document, keys as AWS writes them (C(Statement), C(Principal)...).
        - V({}) when the function has no policy.
      returned: when O(query) includes V(policy)
      type: dict
      sample: {Version: "2012-10-17", Id: default, Statement: [{Sid: s3-invoke, Effect: Allow,
               Principal: {Service: s3.amazonaws.com}, Action: "lambda:InvokeFunction",
               Resource: "arn:aws:lambda:us-east-1:123456789012:function:hello",
               Condition: {ArnLike: {"AWS:SourceArn": "arn:aws:s3:::uploads"}}}]}
    mappings:
      description:
        - The event source mappings that invoke the function (of any of its versions or aliases when every function is
          read), as C(ListEventSourceMappings) answers them.
        - Only those reading from O(event_source_arn) when it is given.
      returned: when O(query) includes V(mappings)
      type: list
      elements: dict
      sample: [{uuid: 1f1e0c3c-2a8b-4a9e-9b63-1a2b3c4d5e6f, event_source_arn: "arn:aws:sqs:us-east-1:123456789012:orders",
                function_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello", batch_size: 10, state: Enabled}]
    tags:
      description: The function's tags (keys kept as they are); V({}) when it has none.
      returned: when O(query) includes V(tags), unless AWS could not read them (a warning then says why)
      type: dict
      sample: {team: web}
    reserved_concurrency:
      description:
        - Reserved concurrent executions, null when none is reserved (the same value as the
          O(cloudfn.aws_lambda.lambda_function#module:reserved_concurrency) option and result).
      returned: when O(query) includes V(concurrency)
      type: int
      sample: 10
    provisioned_concurrency:
      description: The provisioned concurrency configured on the function's versions and aliases.
      returned: when O(query) includes V(provisioned_concurrency), and with V(all) when the endpoint answers
      type: list
      elements: dict
      sample: [{function_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello:live",
                requested_provisioned_concurrent_executions: 5, available_provisioned_concurrent_executions: 5,
                allocated_provisioned_concurrent_executions: 5, status: READY,
                last_modified: "2025-01-31T10:00:00+0000"}]
    event_invoke_configs:
      description: The asynchronous invocation settings of the function, per version and alias.
      returned: when O(query) includes V(event_invoke_configs)
      type: list
      elements: dict
      sample: [{function_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello:$LATEST",
                maximum_retry_attempts: 1, maximum_event_age_in_seconds: 3600,
                destination_config: {on_failure: {destination: "arn:aws:sqs:us-east-1:123456789012:failed"}},
                last_modified: "2025-01-31T10:00:00+00:00"}]
account_settings:
  description: The account's Lambda limits and usage in the region (C(GetAccountSettings)).
  returned: when O(account_settings=true)
  type: dict
  contains:
    account_limit:
      description: The limits.
      type: dict
      returned: always
      sample: {total_code_size: 80530636800, code_size_unzipped: 262144000, code_size_zipped: 52428800,
               concurrent_executions: 1000, unreserved_concurrent_executions: 990}
    account_usage:
      description: What is used of them.
      type: dict
      returned: always
      sample: {total_code_size: 1048576, function_count: 12}
"""

import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    QUALIFIED_FUNCTION_NAME,
    function_name_problem,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.policy import parse_policy
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import snake_dict

# The parts of a function a query can ask for, besides its configuration (which is always returned).
PARTS = ("aliases", "versions", "policy", "mappings", "tags", "concurrency", "provisioned_concurrency",
         "event_invoke_configs")
QUERIES = ["all", "config"] + list(PARTS)

ARGUMENT_SPEC = dict(
    function_name=dict(type="str", aliases=["name", "function"]),
    query=dict(type="list", elements="str", choices=QUERIES),
    event_source_arn=dict(type="str"),
    account_settings=dict(type="bool", default=False),
)

ARN = re.compile(r"^arn:aws[a-zA-Z-]*:[a-z0-9-]+:")

PROVISIONED = "ListProvisionedConcurrencyConfigs"
UNSUPPORTED = object()  # what FunctionReader.read gives for an operation the endpoint does not implement
# Parts that one GetFunction answers, besides the configuration.
IN_GET_FUNCTION = frozenset(("tags", "concurrency"))


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
    """Local checks of the options; a list of error messages (empty when all is well)."""
    errors = []
    name = params.get("function_name")
    problem = None if name is None else function_name_problem(name)
    if problem:
        if QUALIFIED_FUNCTION_NAME.match(name):
            problem += " The versions and aliases of a function are read with query: [versions, aliases]."
        errors.append(problem)
    query = asked_query(params)
    if not query:
        if name is not None:
            errors.append("query: [] reads no function, so function_name has nothing to do; name the parts to read "
                          "(for example query: config), or leave function_name out.")
        elif not params.get("account_settings"):
            errors.append("query: [] reads no function; give account_settings: true to read the account's limits, "
                          "or name the parts of the functions to read (for example query: config).")
    source = params.get("event_source_arn")
    if source is not None:
        if not ARN.match(source):
            errors.append("event_source_arn: %s is not an ARN (for example arn:aws:sqs:us-east-1:123456789012:orders)."
                          % source)
        if "mappings" not in parts_of(query):
            errors.append("event_source_arn: filters the event source mappings, which query %s does not read; add "
                          "mappings to query (for example query: [config, mappings])." % ", ".join(query or ["[]"]))
    return errors


def function_arn_of(arn):
    """The unqualified ARN of a function ARN that may carry a version or alias."""
    return ":".join((arn or "").split(":")[:7])


class FunctionReader:
    """Reads functions and the parts of them a query asks for, with as few requests as the answers allow."""

    def __init__(self, module, client):
        self.module = module
        self.client = client
        params = module.params
        query = asked_query(params)
        self.parts = parts_of(query)
        self.named = frozenset(query)
        self.event_source_arn = params.get("event_source_arn")

    # ------------------------------------------------------------------ entry points
    def one(self, name):
        """The function ``name`` (a list of one), or [] when it does not exist."""
        answer = self.client.call("GetFunction", missing_ok=True, FunctionName=name)
        if answer is None:
            return []
        entry = self.entry_from_get_function(answer)
        if not self.read_lists(name, entry):
            return []
        return [entry]

    def every(self):
        """Every function of the account and region."""
        listed = self.client.paginate("ListFunctions", "Functions")
        mappings = self.every_mapping() if "mappings" in self.parts and listed else None
        found = []
        for configuration in listed:
            name = configuration["FunctionName"]
            if self.parts & IN_GET_FUNCTION:
                answer = self.client.call("GetFunction", missing_ok=True, FunctionName=name)
                if answer is None:
                    continue  # deleted since it was listed
                entry = self.entry_from_get_function(answer)
            else:
                entry = snake_dict(configuration)
            if mappings is not None:
                entry["mappings"] = mappings.get(function_arn_of(configuration["FunctionArn"]), [])
            if self.read_lists(name, entry, mappings_read=True):
                found.append(entry)
        return found

    # ------------------------------------------------------------------ parts
    def entry_from_get_function(self, answer):
        """A function's entry from its GetFunction answer: the configuration, with tags and concurrency if asked."""
        entry = snake_dict(answer["Configuration"])
        if "tags" in self.parts:
            if answer.get("TagsError"):
                error = answer["TagsError"]
                self.module.warn("The tags of %s could not be read, so they are left out: %s: %s" % (
                    entry.get("function_name"), error.get("ErrorCode"), error.get("Message")))
            else:
                entry["tags"] = answer.get("Tags") or {}
        if "concurrency" in self.parts:
            entry["reserved_concurrency"] = (answer.get("Concurrency") or {}).get("ReservedConcurrentExecutions")
        return entry

    def read_lists(self, name, entry, mappings_read=False):
        """Add the parts each read by their own request to ``entry``; False when the function turned out to be gone.

        ``mappings_read``: the mappings are in ``entry`` already (read once for every function).
        """
        function = dict(FunctionName=name)
        reads = [("aliases", "ListAliases", "Aliases", function),
                 ("versions", "ListVersionsByFunction", "Versions", function),
                 ("policy", "GetPolicy", None, function),
                 ("mappings", "ListEventSourceMappings", "EventSourceMappings", self.mapping_filter(name)),
                 ("event_invoke_configs", "ListFunctionEventInvokeConfigs", "FunctionEventInvokeConfigs", function),
                 ("provisioned_concurrency", PROVISIONED, "ProvisionedConcurrencyConfigs", function)]
        for part, operation, result_key, params in reads:
            if part not in self.parts or (part == "mappings" and mappings_read):
                continue
            answer = self.read(part, operation, result_key, **params)
            if answer is UNSUPPORTED:
                continue
            if answer is None and part != "policy":
                return False  # "not found": the function was deleted while being read
            # For GetPolicy "not found" means no policy: the function itself was found a moment ago.
            entry[part] = parse_policy(answer)[0] if part == "policy" else snake_dict(answer)
        return True

    def read(self, part, operation, result_key=None, **params):
        """One part's answer (every page of a list); None when not found; UNSUPPORTED when the endpoint lacks it.

        A part the query names must be answered (an endpoint without the operation fails the task); one that only
        "all" asks for is left out with one warning, and not asked for again for the next functions.
        """
        if operation in self.client.unsupported:
            return UNSUPPORTED
        unsupported_ok = part not in self.named
        if result_key is None:
            answer = self.client.call(operation, missing_ok=True, unsupported_ok=unsupported_ok, **params)
        else:
            answer = self.client.paginate(operation, result_key, missing_ok=True, unsupported_ok=unsupported_ok,
                                          **params)
        if answer is None and operation in self.client.unsupported:
            return UNSUPPORTED
        return answer

    def mapping_filter(self, name=None):
        params = {}
        if name is not None:
            params["FunctionName"] = name
        if self.event_source_arn:
            params["EventSourceArn"] = self.event_source_arn
        return params

    def every_mapping(self):
        """Every mapping of the account (of ``event_source_arn`` when given), by the unqualified ARN of its function."""
        mappings = self.read("mappings", "ListEventSourceMappings", "EventSourceMappings", **self.mapping_filter())
        if mappings is UNSUPPORTED:
            return None
        by_function = {}
        for mapping in mappings or []:
            by_function.setdefault(function_arn_of(mapping.get("FunctionArn")), []).append(snake_dict(mapping))
        return by_function


def account_settings(client):
    """GetAccountSettings as the task returns it."""
    answer = client.call("GetAccountSettings")
    return dict(account_limit=snake_dict(answer.get("AccountLimit") or {}),
                account_usage=snake_dict(answer.get("AccountUsage") or {}))


def run(module, client):
    """Read what the options ask for; the task's result."""
    params = module.params
    result = dict(changed=False)
    if params["account_settings"]:
        result["account_settings"] = account_settings(client)
    reader = FunctionReader(module, client)
    if not asked_query(params):
        result["functions"] = []
    elif params.get("function_name"):
        result["functions"] = reader.one(params["function_name"])
    else:
        result["functions"] = reader.every()
    return result


def main():
    run_module(ARGUMENT_SPEC, run, validate=validate)


if __name__ == "__main__":
    main()
