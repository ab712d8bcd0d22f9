#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_function_scaling_config
short_description: Set how many execution environments a Lambda function version keeps on a capacity provider
version_added: 0.1.0
description:
  - For functions that run on Lambda Managed Instances - created with C(cloudfn.aws_lambda.lambda_function)'s
    C(capacity_provider_config) on a provider of C(cloudfn.aws_lambda.lambda_capacity_provider) - sets the least
    and the most execution environments one published version keeps (C(PutFunctionScalingConfig)).
  - The task compares what was asked for before (C(RequestedFunctionScalingConfig)) with the options, and sends
    the configuration only when they differ. Options that are not given are not managed - the value AWS has is
    sent again with the other one.
  - A run that changes nothing costs one API call (C(GetFunctionScalingConfig)), which also fails the task, before
    any change, when the function or version does not exist.
  - AWS has no operation that removes a scaling configuration, so this module has no O(ignore:state).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function (without a qualifier), for example V(orders) or
        V(arn:aws:lambda:us-east-1:123456789012:function:orders).
    type: str
    required: true
  qualifier:
    description:
      - The published version whose scaling is set - its number (V(3) or V("3")) or V($LATEST.PUBLISHED).
      - An alias or V($LATEST) is refused before any request; AWS takes only these.
    type: raw
    required: true
  min_execution_environments:
    description:
      - The fewest execution environments AWS keeps for the version (0 to 15000). Not managed when omitted.
    type: int
  max_execution_environments:
    description:
      - The most execution environments AWS runs for the version (0 to 15000), not less than
        O(min_execution_environments). Not managed when omitted.
    type: int
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - At least one of O(min_execution_environments) and O(max_execution_environments) must be given.
  - In check mode the module only reads; RV(requested_function_scaling_config) is predicted and
    RV(applied_function_scaling_config) is as read.
  - The local endpoints the collection is tested on (moto, LocalStack) do not implement these operations; the
    module is tested against botocore's service model.
seealso:
  - module: cloudfn.aws_lambda.lambda_capacity_provider
  - module: cloudfn.aws_lambda.lambda_function
"""

EXAMPLES = r"""
- name: Keep between 2 and 20 execution environments for version 3
  cloudfn.aws_lambda.lambda_function_scaling_config:
    function_name: orders
    qualifier: 3
    min_execution_environments: 2
    max_execution_environments: 20

- name: Raise only the maximum of the version published last
  cloudfn.aws_lambda.lambda_function_scaling_config:
    function_name: orders
    qualifier: $LATEST.PUBLISHED
    max_execution_environments: 50
"""

RETURN = r"""
function_name:
  description: The function, as given.
  returned: always
  type: str
  sample: orders
qualifier:
  description: The version, as AWS takes it.
  returned: always
  type: str
  sample: "3"
function_arn:
  description: The version's ARN, as C(GetFunctionScalingConfig) answered it.
  returned: always
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:orders:3
requested_function_scaling_config:
  description:
    - What is asked for after the run (predicted in check mode); null where nothing was ever asked for.
  returned: always
  type: dict
  sample: {min_execution_environments: 2, max_execution_environments: 20}
applied_function_scaling_config:
  description:
    - What AWS applies, as read before the run's change (AWS applies a change after it answers).
  returned: always
  type: dict
  sample: {min_execution_environments: 3, max_execution_environments: 3}
function_state:
  description: The version's state as C(PutFunctionScalingConfig) answered it.
  returned: when the configuration was sent
  type: str
  sample: Active
diff:
  description: The changed settings before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {max_execution_environments: 20}
    after: {max_execution_environments: 50}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function_scaling_config import (
    ARGUMENT_SPEC,
    FunctionScalingConfig,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, FunctionScalingConfig.run, validate=FunctionScalingConfig.validate)


if __name__ == "__main__":
    main()
