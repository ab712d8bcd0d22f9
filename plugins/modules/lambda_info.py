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
    the same name (RV(functions)) and, for each query, the same keys. Where C(amazon.aws.lambda_info) (11.4.0) loses
    or invents information, this module does not - a function that does not exist gives an empty list, where that
    module returns one entry for it (with no configuration, empty parts and a C(function) key); RV(functions[].policy)
    is the policy document as AWS writes it, and the names of tags and of the environment variables in
    RV(functions[].versions) are kept as they are, where that module turns them to snake_case (C(Statement) becomes
    C(statement), the condition key C(AWS:SourceArn) C(aws:_source_arn), a tag C(CostCenter) C(cost_center)).
  - What this module does better than C(amazon.aws.lambda_info) - the parts C(concurrency), C(provisioned_concurrency)
    and C(event_invoke_configs) and the account's settings; O(query) as a list; fewer requests (one C(GetFunction)
    for the configuration and the tags; one C(ListEventSourceMappings) for every function); a function ARN of any
    length (that module refuses names and ARNs over 64 characters).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name, ARN or partial ARN (C(ACCOUNT:function:NAME)) of one function.
      - A qualified name or ARN (ending with C(:VERSION) or C(:ALIAS), such as C(configuration.function_arn) of
        C(amazon.aws.lambda)'s result) reads the configuration, the policy and the mappings of that version or
        alias, as C(amazon.aws.lambda_info) does; the aliases, versions and other parts are the function's.
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
      - V(function_urls) - its function URLs, its own and its aliases' (RV(functions[].function_urls)).
      - V(recursion) - its recursive loop detection, V(Allow) or V(Terminate) (RV(functions[].recursive_loop)).
      - V(runtime_management) - its runtime management configuration, when its runtime is updated and to which
        version (RV(functions[].runtime_management)).
      - V(durable_executions) - its durable executions (RV(functions[].durable_executions)); see
        O(durable_execution_statuses), O(durable_execution_name), O(durable_execution_started_after) and
        O(durable_execution_started_before).
      - V(all) - every part above, but V(durable_executions) only for a durable function (one whose
        configuration has RV(functions[].durable_config)). Other functions have no durable executions, and
        V(all) sends no request for them. V(durable_executions) named in O(query) is read for every function.
      - Defaults to V(all) with O(function_name) and to V(config) without it, as in C(amazon.aws.lambda_info).
      - V([]) reads no function at all (RV(functions) is empty), for a task that wants only O(account_settings),
        O(code_signing_configs), O(capacity_providers) or O(durable_execution_arn).
      - A part named here fails the task when the endpoint cannot answer it; a part read because of V(all) is left
        out with a warning instead (see the notes).
    type: list
    elements: str
    choices: [all, config, aliases, versions, policy, mappings, tags, concurrency, provisioned_concurrency,
              event_invoke_configs, function_urls, recursion, runtime_management, durable_executions]
  event_source_arn:
    description:
      - Only the event source mappings that read from this source (a queue, stream or cluster ARN).
      - Needs V(mappings) in O(query) (V(all) included).
    type: str
  durable_execution_statuses:
    description:
      - Only the durable executions in one of these statuses (C(ListDurableExecutionsByFunction)'s C(Statuses)).
      - When omitted, the executions of every status (within the retention period of the function's durable
        configuration).
      - Needs V(durable_executions) in O(query) (V(all) included).
    type: list
    elements: str
    choices: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, STOPPED, DELETING, PAUSING, PAUSED]
  durable_execution_name:
    description:
      - Only the durable executions of this name (C(ListDurableExecutionsByFunction)'s C(DurableExecutionName)).
      - When omitted, the executions of every name.
      - Needs V(durable_executions) in O(query) (V(all) included).
    type: str
  durable_execution_started_after:
    description:
      - Only the durable executions started after this time (C(ListDurableExecutionsByFunction)'s C(StartedAfter)),
        in ISO 8601 - V(2026-12-01T08:00:00Z), V(2026-12-01T09:00:00+01:00), or V(2026-12-01) for its midnight. A
        time without a zone is UTC.
      - When omitted, executions started at any time (up to O(durable_execution_started_before)).
      - Needs V(durable_executions) in O(query) (V(all) included); a time later than
        O(durable_execution_started_before) is refused before any request.
    type: str
  durable_execution_started_before:
    description:
      - Only the durable executions started before this time (C(StartedBefore)), written as for
        O(durable_execution_started_after).
      - When omitted, executions started at any time (from O(durable_execution_started_after)).
      - Needs V(durable_executions) in O(query) (V(all) included).
    type: str
  account_settings:
    description:
      - Also read the account's Lambda limits and usage in the region (C(GetAccountSettings)) into
        RV(account_settings).
      - An endpoint that cannot answer C(GetAccountSettings) fails the task, saying so.
    type: bool
    default: false
  code_signing_configs:
    description:
      - Also list the account's code signing configurations in the region (C(ListCodeSigningConfigs), every page)
        into RV(code_signing_configs).
      - An endpoint that cannot answer C(ListCodeSigningConfigs) fails the task, saying so.
      - C(cloudfn.aws_lambda.lambda_code_signing_config) manages them.
    type: bool
    default: false
  capacity_providers:
    description:
      - Also list the account's capacity providers (Lambda Managed Instances) in the region
        (C(ListCapacityProviders), every page) into RV(capacity_providers).
      - An endpoint that cannot answer C(ListCapacityProviders) fails the task, saying so.
      - C(cloudfn.aws_lambda.lambda_capacity_provider) manages them.
    type: bool
    default: false
  durable_execution_arn:
    description:
      - Also read this one durable execution (C(GetDurableExecution)) into RV(durable_execution), with its input
        payload, result and error unless O(include_execution_data=false).
      - Its ARN is in RV(functions[].durable_executions), or in the answer of the invocation that started it.
      - An ARN that does not have the form of botocore's service model fails the task before any request. An
        execution that does not exist gives a null RV(durable_execution), not a failure.
      - Combine it with O(query=[]) to read no function.
      - M(cloudfn.aws_lambda.lambda_durable_execution) stops one.
    type: str
  include_execution_data:
    description:
      - With O(durable_execution_arn), V(false) leaves the execution's input payload, result and error out of
        RV(durable_execution) (C(GetDurableExecution)'s C(IncludeExecutionData)).
      - When omitted, AWS's default holds, and they are included.
    type: bool
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.read_only
notes:
  - "Requests per part, for one function (O(function_name)): C(GetFunction) always, which also answers V(config),
    V(tags) and V(concurrency); V(aliases) C(ListAliases); V(versions) C(ListVersionsByFunction); V(policy)
    C(GetPolicy); V(mappings) C(ListEventSourceMappings) (with O(function_name), and O(event_source_arn) when given);
    V(event_invoke_configs) C(ListFunctionEventInvokeConfigs); V(provisioned_concurrency)
    C(ListProvisionedConcurrencyConfigs); V(function_urls) C(ListFunctionUrlConfigs); V(recursion)
    C(GetFunctionRecursionConfig); V(runtime_management) C(GetRuntimeManagementConfig); V(durable_executions)
    C(ListDurableExecutionsByFunction) (with O(durable_execution_statuses) and O(durable_execution_name) when given;
    under V(all) for a durable function only). A function that does not exist costs the one C(GetFunction)."
  - "Requests per part, for every function (no O(function_name)): C(ListFunctions) always, which answers V(config);
    V(tags) and V(concurrency) together one C(GetFunction) per function (whose fuller configuration then replaces
    the listed one); V(mappings) one C(ListEventSourceMappings) for the whole account (with O(event_source_arn)
    when given), each mapping put under the function it invokes; V(aliases), V(versions), V(policy),
    V(event_invoke_configs), V(provisioned_concurrency), V(function_urls), V(recursion), V(runtime_management) and
    V(durable_executions) one request per function each, as for one function (V(durable_executions) under V(all)
    for each durable function only)."
  - Every C(List*) request above is one request per page; a page holds up to 50 functions or versions and up to
    100 mappings, a page of durable executions up to 100. O(account_settings=true) adds one C(GetAccountSettings),
    sent first; O(durable_execution_arn) one C(GetDurableExecution).
  - The configuration listed by C(ListFunctions) lacks, on AWS, the C(state), C(state_reason), C(state_reason_code),
    C(last_update_status), C(last_update_status_reason), C(last_update_status_reason_code) and
    C(runtime_version_config) fields; they are there for one function, and for every function when O(query)
    includes V(tags), V(concurrency) or V(all).
  - A function deleted while the task reads it is left out of RV(functions).
  - A qualified O(function_name) reads V(runtime_management) and V(durable_executions) of that version or alias,
    like the policy and the mappings. V(recursion) belongs to the function, whatever the qualifier. An unqualified
    name reads the runtime management of V($LATEST) and the durable executions of every version.
  - With V(all), a part whose request the endpoint does not implement (a local AWS stand-in such as moto answers
    C(ListProvisionedConcurrencyConfigs), C(ListFunctionUrlConfigs), C(GetFunctionRecursionConfig),
    C(GetRuntimeManagementConfig) and C(ListDurableExecutionsByFunction) with HTTP 404; LocalStack answers the last
    two with HTTP 501) is left out of RV(functions) with one warning, and the request
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
  - module: cloudfn.aws_lambda.lambda_durable_execution
    description: Stops a durable execution.
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

- name: The running and paused durable executions of a durable function
  cloudfn.aws_lambda.lambda_info:
    function_name: orders
    query: durable_executions
    durable_execution_statuses: [RUNNING, PAUSED]
    durable_execution_started_after: "2026-12-01T00:00:00Z"
  register: orders

- name: One durable execution, without its payloads (one GetDurableExecution, no function read)
  cloudfn.aws_lambda.lambda_info:
    query: []
    durable_execution_arn: "{{ orders.functions[0].durable_executions[0].durable_execution_arn }}"
    include_execution_data: false
  register: one_execution
  when: orders.functions[0].durable_executions | length > 0

- name: Which functions stop recursive loops, and how their runtimes are updated
  cloudfn.aws_lambda.lambda_info:
    query: [recursion, runtime_management]
  register: settings

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
    function_urls:
      description:
        - The function URLs of the function and of its aliases, as C(ListFunctionUrlConfigs) answers them (see
          M(cloudfn.aws_lambda.lambda_function_url)).
      returned: when O(query) includes V(function_urls), and with V(all) when the endpoint answers
      type: list
      elements: dict
      sample: [{function_url: "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/",
                function_arn: "arn:aws:lambda:us-east-1:123456789012:function:hello:live", auth_type: AWS_IAM,
                cors: {allow_origins: ["https://www.example.com"]}, invoke_mode: BUFFERED,
                creation_time: "2025-01-31T10:00:00.000000Z", last_modified_time: "2025-01-31T10:00:00.000000Z"}]
    durable_config:
      description: The durable configuration of a durable function (part of its configuration).
      returned: for a durable function
      type: dict
      sample: {execution_timeout: 3600, retention_period_in_days: 30}
    recursive_loop:
      description:
        - V(Terminate) when Lambda stops a recursive loop it detects (AWS's default), V(Allow) when it lets it run
          (the same value as the O(cloudfn.aws_lambda.lambda_function#module:recursive_loop) option and result).
      returned: when O(query) includes V(recursion), and with V(all) when the endpoint answers
      type: str
      sample: Terminate
    runtime_management:
      description:
        - When the function's runtime is updated (C(update_runtime_on) V(Auto), V(FunctionUpdate) or V(Manual)) and,
          for V(Manual), the runtime version it is pinned to (C(runtime_version_arn), else null); of the version or
          alias a qualified O(function_name) names. The same shape as the
          O(cloudfn.aws_lambda.lambda_function#module:runtime_management) option and result.
      returned: when O(query) includes V(runtime_management), and with V(all) when the endpoint answers
      type: dict
      sample: {update_runtime_on: Manual,
               runtime_version_arn: "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9"}
    durable_executions:
      description:
        - The durable executions of the function (of every version, or of the version or alias a qualified
          O(function_name) names), newest first, as C(ListDurableExecutionsByFunction) answers them; only those
          O(durable_execution_statuses) and O(durable_execution_name) select.
        - C(durable_execution_arn) is what O(durable_execution_arn) and
          M(cloudfn.aws_lambda.lambda_durable_execution) take.
      returned: >-
        when O(query) includes V(durable_executions), and with V(all) for a durable function when the endpoint answers
      type: list
      elements: dict
      sample: [{durable_execution_arn: "arn:aws:lambda:us-east-1:123456789012:function:orders:3/durable-execution/order-42/1a2b3c4d",
                durable_execution_name: order-42, function_arn: "arn:aws:lambda:us-east-1:123456789012:function:orders:3",
                status: RUNNING, start_timestamp: "2026-01-31T10:00:00+00:00"}]
durable_execution:
  description:
    - The durable execution O(durable_execution_arn) names, as C(GetDurableExecution) answers it (snake_case keys).
    - Null when there is no such execution.
  returned: when O(durable_execution_arn) is given
  type: dict
  sample: {durable_execution_arn: "arn:aws:lambda:us-east-1:123456789012:function:orders:3/durable-execution/order-42/1a2b3c4d",
           durable_execution_name: order-42, function_arn: "arn:aws:lambda:us-east-1:123456789012:function:orders",
           version: "3", status: SUCCEEDED, start_timestamp: "2026-01-31T10:00:00+00:00",
           end_timestamp: "2026-01-31T10:05:00+00:00", input_payload: '{"order": 42}', result: '{"shipped": true}',
           execution_data_included: true, durable_config: {execution_timeout: 3600, retention_period_in_days: 30}}
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
code_signing_configs:
  description: The account's code signing configurations in the region (C(ListCodeSigningConfigs)), as AWS lists them.
  returned: when O(code_signing_configs=true)
  type: list
  elements: dict
  sample:
    - code_signing_config_id: csc-0123456789abcdef0
      code_signing_config_arn: arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0
      description: hello-signing
      allowed_publishers: {signing_profile_version_arns: [arn:aws:signer:us-east-1:123456789012:/signing-profiles/hello/abcdef1234]}
      code_signing_policies: {untrusted_artifact_on_deployment: Enforce}
      last_modified: "2025-01-31T12:00:00.000+0000"
capacity_providers:
  description:
    - The account's capacity providers in the region (C(ListCapacityProviders)), as AWS lists them (tag keys of
      C(propagate_tags.explicit_tags) as they are).
  returned: when O(capacity_providers=true)
  type: list
  elements: dict
  sample:
    - capacity_provider_arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:orders-capacity
      state: Active
      vpc_config: {subnet_ids: [subnet-0123456789abcdef0], security_group_ids: [sg-0123456789abcdef0]}
      permissions_config: {capacity_provider_operator_role_arn: "arn:aws:iam::123456789012:role/lambda-capacity-operator"}
      instance_requirements: {architectures: [arm64]}
      capacity_provider_scaling_config: {max_v_cpu_count: 64, scaling_mode: Auto}
      last_modified: "2026-01-31T12:00:00.000+0000"
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.info import ARGUMENT_SPEC, FunctionInfo
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, FunctionInfo.run, validate=FunctionInfo.validate)


if __name__ == "__main__":
    main()
