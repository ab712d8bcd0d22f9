#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_app
short_description: Converge a whole AWS Lambda application - layers, functions, aliases and what invokes them - in one task
version_added: 0.1.0
description:
  - Converges an application, that is a list of layers and a list of functions, each function with its
    alias, resource policy statements, event source mappings, asynchronous invocation settings and
    provisioned concurrency, in one task and one process.
  - Every resource is converged exactly as its own module converges it (the same options, the same
    comparison, the same requests), so C(changed), check mode and C(--diff) mean what they mean there.
  - Every item is checked before the first request; then the listed functions are read in parallel, the
    layers are converged, then every function with what hangs on it, functions in parallel with at most
    O(max_workers) at a time. A failure of one function does not stop the others; the task then fails
    naming each failed resource, and says what was applied.
  - Each function the application manages carries the tag C(cloudfn:app) with the application's O(name).
    The tag is added to a listed function that lacks it and never removed by a function's C(purge_tags).
    A listed function tagged for another application is refused. O(prune) and O(state=absent) delete only
    functions that carry this application's tag. There is no state file.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - Name of the application; the value of the C(cloudfn:app) tag of its functions (at most 256 characters).
    type: str
    required: true
  state:
    description:
      - V(present) converges the application.
      - V(absent) deletes every function tagged with this application's name, with its event source mappings
        (AWS would keep them), aliases, versions and policy, and every version of the layers listed in O(layers).
    type: str
    choices: [present, absent]
    default: present
  layers:
    description:
      - Layers to converge before the functions, each a dictionary of the options of
        M(cloudfn.aws_lambda.lambda_layer) (O(cloudfn.aws_lambda.lambda_layer#module:name),
        O(cloudfn.aws_lambda.lambda_layer#module:src), ...) but C(state) and C(version).
      - A function's C(layers) may name a layer of this list by its name; it then gets the version
        this task publishes (or finds up to date), in check mode the version it would publish.
    type: list
    elements: dict
    default: []
  functions:
    description:
      - The functions of the application. Each item is a dictionary of the options of
        M(cloudfn.aws_lambda.lambda_function) (but C(state)), and these, all optional
      - C(alias) - a dictionary with C(name), and optionally C(description) and C(routing_config) (as
        M(cloudfn.aws_lambda.lambda_alias) takes them). The alias follows the version this task publishes, so
        C(publish) defaults to V(true) for a function with an alias.
      - C(permissions) - a list, each item the options of M(cloudfn.aws_lambda.lambda_policy) without the
        function and its qualifier.
      - C(event_sources) - a list, each item the options of M(cloudfn.aws_lambda.lambda_event_source) without the
        function, its alias and version.
      - C(event_invoke_config) - a dictionary of the options of M(cloudfn.aws_lambda.lambda_event_invoke_config)
        without the function and its qualifier.
      - C(provisioned_concurrency) - a number (the provisioned concurrent executions), or a dictionary of the
        options of M(cloudfn.aws_lambda.lambda_provisioned_concurrency) without the function and its qualifier;
        it needs C(alias).
      - C(url) - a dictionary of the options of M(cloudfn.aws_lambda.lambda_function_url) without the function
        (C(auth_type), C(cors), C(invoke_mode), C(state)). Its C(qualifier) defaults to the function's alias;
        V($LATEST) gives the function's own URL instead. With C(auth_type=NONE) the two statements of a public URL
        are managed with it, so C(permissions) may not use their statement IDs.
      - Permissions, event sources, the invoke config, provisioned concurrency and the URL attach to the function's
        alias when it has one, else to the function.
      - C(layers) may name a layer of O(layers), or an existing layer by its name (its latest version is used).
      - An unknown option, a function listed twice, or an item without what it needs fails the task before any
        request, naming the function and the option.
    type: list
    elements: dict
    default: []
  defaults:
    description:
      - Options merged under every function of O(functions). A function's own value wins; C(environment_variables)
        and C(tags) are merged key by key, every other option is replaced whole.
    type: dict
    default: {}
  prune:
    description:
      - Delete the functions tagged with this application's name that O(functions) no longer lists, with their
        event source mappings, aliases, versions and permissions.
      - On a listed function, delete the aliases, the permission statements (of its alias when it has one, else of
        the function) and the event source mappings that its entry no longer lists, and its function URL (of the
        alias, or of the function) when the entry has no C(url), with the URL's public statements. Those two
        statements (C(FunctionURLAllowPublicAccess), C(FunctionURLAllowInvokeAction)) are the URL's, and are
        never pruned as permissions.
      - Never touches a function without the tag, or tagged for another application.
    type: bool
    default: false
  max_workers:
    description:
      - How many resources are converged at once (functions in parallel, each with what hangs on it in order).
      - V(1) converges one after the other.
    type: int
    default: 8
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.wait
  - cloudfn.aws_lambda.common.attributes
notes:
  - The identity running the task needs, besides what each resource's module needs,
    C(lambda:ListFunctions) and C(lambda:ListTags) for O(prune) and O(state=absent), which find the
    application's functions by their tag.
  - In check mode nothing is written. The plan uses predicted values across resources - a function that would
    publish gives its alias the version it would publish; a function or alias that does not exist yet has its
    permissions, event sources and settings planned as C(create).
  - See C(docs/lambda-app.md) for a complete example and when to use lambda_app rather than the single modules.
"""

EXAMPLES = r"""
- name: Deploy the orders application
  cloudfn.aws_lambda.lambda_app:
    name: orders
    prune: true
    defaults:
      runtime: python3.12
      role: orders-lambda
      architecture: arm64
      environment_variables:
        STAGE: prod
      tags:
        team: orders
    layers:
      - name: orders-common
        src: layers/common/
        compatible_runtimes: [python3.12]
    functions:
      - name: orders-api
        src: functions/api/
        handler: app.handler
        layers: [orders-common]
        alias:
          name: live
        permissions:
          - statement_id: apigateway
            action: lambda:InvokeFunction
            principal: apigateway.amazonaws.com
            source_arn: arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/*
      - name: orders-worker
        src: functions/worker/
        handler: worker.handler
        timeout: 60
        environment_variables:
          QUEUE: orders
        alias:
          name: live
        event_sources:
          - event_source_arn: arn:aws:sqs:eu-west-1:123456789012:orders
            batch_size: 10
        event_invoke_config:
          maximum_retry_attempts: 0
      - name: orders-status
        src: functions/status/
        handler: status.handler
        alias:
          name: live
        url:
          auth_type: NONE
          cors:
            allow_origins: [https://shop.example.com]
            allow_methods: [GET]
  register: orders

- name: Show what would change, without changing anything
  cloudfn.aws_lambda.lambda_app:
    name: orders
    functions: "{{ orders_functions }}"
  check_mode: true
  diff: true
  register: orders_plan

- name: Delete the whole application
  cloudfn.aws_lambda.lambda_app:
    name: orders
    state: absent
    layers:
      - name: orders-common
"""

RETURN = r"""
functions:
  description:
    - Per function name, what the task did with it.
  returned: always
  type: dict
  sample:
    orders-api:
      arn: arn:aws:lambda:eu-west-1:123456789012:function:orders-api
      version: "3"
      alias: {name: live, arn: "arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live", function_version: "3"}
      changed: true
      changes: [function, version, alias]
layers:
  description: Per layer name, the version ARN and number the functions use (in check mode, predicted), and C(changed).
  returned: always
  type: dict
  sample:
    orders-common: {layer_version_arn: "arn:aws:lambda:eu-west-1:123456789012:layer:orders-common:2", version: 2, changed: false}
plan:
  description:
    - Every resource of the application, in dependency order per function, with its C(kind) (layer, function,
      version, alias, permission, event_source, event_invoke_config, provisioned_concurrency, function_url),
      C(name), the C(function) it belongs to, and C(action) (create, update, delete or none); with C(--diff) its C(diff)
      (before and after, environment values masked for a function with C(mask_environment_values)).
    - Returned outside check mode as well, as what was done.
  returned: always
  type: list
  elements: dict
  sample:
    - {kind: function, name: orders-api, action: update}
    - {kind: version, name: "orders-api:3", function: orders-api, action: create}
    - {kind: alias, name: live, function: orders-api, action: update}
    - {kind: permission, name: apigateway, function: orders-api, action: none}
created:
  description: How many resources of the plan were (or would be) created.
  returned: always
  type: int
updated:
  description: How many resources of the plan were (or would be) updated.
  returned: always
  type: int
deleted:
  description: How many resources of the plan were (or would be) deleted.
  returned: always
  type: int
unchanged:
  description: How many resources of the plan needed no change.
  returned: always
  type: int
failures:
  description: When the task fails because resources failed, each failed resource and its error.
  returned: on failure
  type: list
  elements: dict
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.app import ARGUMENT_SPEC, Application
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, Application.run, validate=Application.validate)


if __name__ == "__main__":
    main()
