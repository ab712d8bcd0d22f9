#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_alias
short_description: Create, update and delete aliases of AWS Lambda functions
version_added: 0.1.0
description:
  - Converges one alias of a Lambda function, that is the version it points to, its description and
    an optional weighted split of its traffic with a second version.
  - Options that are not given are not managed. A task that names only O(description) leaves the
    alias's version and traffic split as they are.
  - A run that changes nothing costs one API call (C(GetAlias)).
  - Before the alias is created or pointed at another version, the module reads that version
    (C(GetFunctionConfiguration)), so a version that does not exist fails the task before anything changes.
  - Updates send only the fields that differ, together with the alias's C(RevisionId) as read at the start
    of the task, so an alias changed by someone else in the meantime is reported rather than overwritten.
  - Every option name of C(amazon.aws.lambda_alias) is accepted with the same meaning, and the result has its
    keys (RV(alias_arn), RV(name), RV(function_version), RV(description), RV(revision_id)), so a playbook moves
    over by changing the module name. One difference is deliberate - an omitted O(function_version) leaves an
    existing alias on its version, where C(amazon.aws.lambda_alias) moves it back to V($LATEST).
  - What this module does better than C(amazon.aws.lambda_alias) - it manages a weighted traffic split
    (O(routing_config)), clears a description with V(""), checks that the version exists before anything changes,
    returns in check mode the alias as it would be (not as it was), and sends the alias's C(RevisionId) with updates.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function. A qualified ARN (ending with C(:VERSION) or C(:ALIAS), as
        C(configuration.function_arn) of C(amazon.aws.lambda)'s result) names its function; the qualifier is
        ignored, because an alias belongs to the function, not to a version.
    type: str
    required: true
  name:
    description:
      - Name of the alias. Letters, digits, C(-) and C(_); not only digits.
    type: str
    required: true
    aliases: [alias_name]
  state:
    description:
      - V(present) creates or updates the alias, V(absent) deletes it.
      - Deleting an alias never touches the function or its versions. With V(absent) the task returns the alias
        as it was before it was deleted (in check mode too, as C(amazon.aws.lambda_alias) does in check mode).
    type: str
    choices: [present, absent]
    default: present
  function_version:
    description:
      - The version the alias points to, as a number (V(3) or V("3")) or V($LATEST).
      - V(0) means V($LATEST), as C(amazon.aws.lambda_alias) takes it.
      - When omitted, a new alias points to V($LATEST) and an existing alias keeps its version.
    type: raw
    aliases: [version]
  description:
    description:
      - Description of the alias, up to 256 characters. V("") clears it.
    type: str
  routing_config:
    description:
      - Send part of the alias's traffic to a second version (a weighted alias).
      - Not managed when omitted.
    type: dict
    suboptions:
      additional_version_weights:
        description:
          - >-
            A dictionary of one published version to the share of invocations it receives, from
            V(0) to V(1), for example V({"4": 0.1}). The alias's own version receives the rest.
          - The second version must differ from O(function_version), and a split needs the alias to point
            to a published version, not V($LATEST).
          - V({}) removes the split.
        type: dict
        required: true
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetAlias), and C(GetFunctionConfiguration) for a version the alias
    does not point to yet).
  - In check mode, a version that does not exist yet but is exactly one above the function's latest published
    version (C(ListVersionsByFunction)) is taken as the version an earlier
    M(cloudfn.aws_lambda.lambda_function) task of the run (O(cloudfn.aws_lambda.lambda_function#module:publish=true))
    would publish, so the module warns and plans against it instead of failing; likewise version 1 of a function that
    does not exist yet (an earlier task would create it). Outside check mode a missing version fails.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
    description: Publishes the versions an alias points to (O(cloudfn.aws_lambda.lambda_function#module:publish=true)).
"""

EXAMPLES = r"""
- name: Publish the function's current code and configuration as a version
  cloudfn.aws_lambda.lambda_function:
    name: hello
    publish: true
  register: hello

- name: Point the live alias at that version
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: "{{ hello.version }}"
    description: Production traffic

- name: Canary - send 10% of live's traffic to version 5, the rest stays on version 4
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: 4
    routing_config:
      additional_version_weights:
        "5": 0.1

- name: Promote version 5 and end the split
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: live
    function_version: 5
    routing_config:
      additional_version_weights: {}

- name: A dev alias following $LATEST (0 means $LATEST, as in amazon.aws.lambda_alias)
  cloudfn.aws_lambda.lambda_alias:
    function_name: arn:aws:lambda:us-east-1:123456789012:function:hello
    alias_name: dev
    version: 0

- name: Delete an alias
  cloudfn.aws_lambda.lambda_alias:
    function_name: hello
    name: old
    state: absent
"""

RETURN = r"""
alias_arn:
  description:
    - ARN of the alias.
  returned: with state=present; with state=absent, as it was before the delete (nothing when there was none)
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:hello:live
name:
  description: Name of the alias.
  returned: with state=present; with state=absent, as it was before the delete (nothing when there was none)
  type: str
  sample: live
function_version:
  description: The version the alias points to (in check mode, the version it would point to).
  returned: with state=present; with state=absent, as it was before the delete (nothing when there was none)
  type: str
  sample: "4"
description:
  description: Description of the alias.
  returned: with state=present; with state=absent, as it was before the delete (nothing when there was none)
  type: str
  sample: Production traffic
routing_config:
  description: The traffic split of the alias.
  returned: with state=present; with state=absent, as it was before the delete (nothing when there was none)
  type: dict
  contains:
    additional_version_weights:
      description: The second version and its share of the traffic; V({}) when there is no split.
      type: dict
      returned: always
      sample: {"5": 0.1}
revision_id:
  description:
    - Identifier of the alias's current revision; it changes with every update.
    - Null in check mode when the alias would be created or changed.
  returned: with state=present; with state=absent, as it was before the delete (nothing when there was none)
  type: str
  sample: 4b2e2a8c-4b1c-4d5e-9f3a-1b2c3d4e5f60
diff:
  description: The changed fields before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {function_version: "4"}
    after: {function_version: "5"}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.alias import ARGUMENT_SPEC, Alias
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, Alias.run, validate=Alias.validate)


if __name__ == "__main__":
    main()
