#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_provisioned_concurrency
short_description: Set, change and remove the provisioned concurrency of AWS Lambda aliases and versions
version_added: 0.1.0
description:
  - Converges the provisioned concurrency configuration of one alias or one published version of a function,
    that is the number of execution environments AWS keeps initialised for it.
  - AWS takes provisioned concurrency on an alias or a published version only, never on V($LATEST). The module
    refuses V($LATEST), and a function name without a qualifier, before any request; an alias that points to
    V($LATEST) is refused before anything changes.
  - A run that changes nothing costs one API call (C(GetProvisionedConcurrencyConfig)). The configuration is
    sent (C(PutProvisionedConcurrencyConfig)) only when its number differs from O(provisioned_concurrent_executions).
  - Before a configuration is created, the alias or version is read (C(GetFunctionConfiguration)), so one that does
    not exist fails the task with a message naming it and nothing is changed.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function, for example V(hello), V(123456789012:function:hello) or
        V(arn:aws:lambda:us-east-1:123456789012:function:hello).
      - It may end with the qualifier (V(hello:live), V(arn:aws:lambda:us-east-1:123456789012:function:hello:3));
        O(qualifier) can then be left out, or must name the same alias or version.
    type: str
    required: true
  qualifier:
    description:
      - The alias name (V(live)) or published version number (V(3) or V("3")) whose provisioned concurrency is
        managed.
      - Required unless O(function_name) ends with the qualifier.
      - V($LATEST) is refused, because AWS does not take provisioned concurrency on it.
    type: raw
  provisioned_concurrent_executions:
    description:
      - How many execution environments AWS keeps initialised for the alias or version, 1 or more.
      - Required with O(state=present); not used with O(state=absent).
      - They count against the account's concurrency and, when the function has reserved concurrency, against that;
        AWS refuses a number above what is left.
    type: int
  state:
    description:
      - V(present) creates or changes the configuration, V(absent) deletes it.
      - Deleting the configuration never touches the function, its versions or its aliases.
    type: str
    choices: [present, absent]
    default: present
  wait:
    description:
      - With O(state=present), after creating or changing the configuration, and when the configuration found is
        still being allocated, read it every 5 seconds until its C(Status) is C(READY).
      - A configuration whose C(Status) is or becomes C(FAILED) fails the task with the C(StatusReason) AWS gives.
      - With V(false) the task returns as soon as AWS accepted the request, usually with RV(status=IN_PROGRESS), and
        a C(FAILED) configuration only gives a warning.
      - botocore has no waiter for provisioned concurrency; this is the module's own.
      - Check mode never waits.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long, in seconds, to wait at most for C(READY), 1 or more.
      - Allocating many execution environments can take several minutes. When the time passes first, the task fails;
        AWS goes on allocating, and a later run waits again.
    type: int
    default: 600
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetProvisionedConcurrencyConfig), and C(GetFunctionConfiguration) when
    the configuration would be created).
  - A C(ProvisionedConcurrencyConfigNotFoundException) or C(ResourceNotFoundException) answer means there is no
    configuration; with O(state=absent) the task then changes nothing.
seealso:
  - module: cloudfn.aws_lambda.lambda_alias
    description: The aliases that provisioned concurrency is usually set on.
  - module: cloudfn.aws_lambda.lambda_function
    description: Publishes versions (O(cloudfn.aws_lambda.lambda_function#module:publish=true)) and sets the
      function's reserved concurrency.
"""

EXAMPLES = r"""
- name: Keep 10 execution environments ready for the live alias
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: hello
    qualifier: live
    provisioned_concurrent_executions: 10

- name: Provisioned concurrency on version 3, given in the ARN, without waiting for it to be ready
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: arn:aws:lambda:us-east-1:123456789012:function:hello:3
    provisioned_concurrent_executions: 5
    wait: false
  register: hello_v3

- name: Larger allocations can take longer than the default 600 seconds
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: hello
    qualifier: live
    provisioned_concurrent_executions: 200
    wait_timeout: 1200

- name: Remove the provisioned concurrency of the live alias
  cloudfn.aws_lambda.lambda_provisioned_concurrency:
    function_name: hello
    qualifier: live
    state: absent
"""

RETURN = r"""
function_name:
  description: The function, as given in O(function_name) without its qualifier.
  returned: when state=present
  type: str
  sample: hello
qualifier:
  description: The alias name or version number the configuration belongs to.
  returned: when state=present
  type: str
  sample: live
requested_provisioned_concurrent_executions:
  description: The number of execution environments asked for.
  returned: when state=present
  type: int
  sample: 10
available_provisioned_concurrent_executions:
  description:
    - The number of execution environments available to the alias or version.
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: int
  sample: 10
allocated_provisioned_concurrent_executions:
  description:
    - The number of execution environments allocated so far. While C(status) is C(IN_PROGRESS) it can be lower than
      the requested number.
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: int
  sample: 10
status:
  description:
    - C(READY), C(IN_PROGRESS) (only with O(wait=false)) or C(FAILED) (only with O(wait=false)).
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: str
  sample: READY
status_reason:
  description: Why the allocation failed, as AWS says; null when AWS gives no reason.
  returned: when state=present
  type: str
  sample: null
last_modified:
  description:
    - When the configuration was last changed (ISO 8601).
    - Null in check mode when the configuration would be created or changed.
  returned: when state=present
  type: str
  sample: "2024-05-02T10:15:30+0000"
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {requested_provisioned_concurrent_executions: 5}
    after: {requested_provisioned_concurrent_executions: 10}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.provisioned_concurrency import (
    ARGUMENT_SPEC,
    ProvisionedConcurrency,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, ProvisionedConcurrency.run, validate=ProvisionedConcurrency.validate)


if __name__ == "__main__":
    main()
