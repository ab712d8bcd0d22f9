#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_capacity_provider
short_description: Manage AWS Lambda capacity providers (Lambda Managed Instances)
version_added: 0.1.0
description:
  - Converges one capacity provider of Lambda Managed Instances - the EC2 capacity that Lambda runs functions on
    in the account's own VPC - its VPC, the role Lambda manages the instances with, the instance requirements,
    the scaling, the KMS key, the tags it propagates to the instances, its system logs and its tags.
  - A function runs on a capacity provider when it is created with C(cloudfn.aws_lambda.lambda_function)'s
    C(capacity_provider_config), which takes RV(capacity_provider.capacity_provider_arn). How many execution
    environments each published version keeps is set with C(cloudfn.aws_lambda.lambda_function_scaling_config).
  - Options that are not given are not managed. A run that changes nothing costs two calls (C(GetCapacityProvider),
    and C(ListFunctionVersionsByCapacityProvider) for RV(function_versions)), three when O(tags) is given
    (C(ListTags)); one (C(GetCapacityProvider)) when the provider does not exist.
  - AWS sets O(vpc_config), O(permissions_config), O(instance_requirements) and O(kms_key_arn) only when it creates
    a provider. A task that asks for another value of one of them fails before any write, naming the option - the
    provider must be replaced (deleted, then created again).
  - C(UpdateCapacityProvider) changes O(capacity_provider_scaling_config), O(propagate_tags) and
    O(telemetry_config). Each changed structure is sent whole - the members the task does not give keep the values
    AWS has. Tags are changed with C(TagResource) / C(UntagResource).
  - Values outside the limits of AWS's service model fail the task before any request.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  name:
    description:
      - The capacity provider's name (letters, digits, V(-) and V(_)), unique in the account and region, or its ARN
        (C(arn:aws:lambda:REGION:ACCOUNT:capacity-provider:NAME)).
    type: str
    required: true
    aliases: [capacity_provider_name]
  vpc_config:
    description:
      - The subnets and security groups the provider's instances run in. Compared as sets - order and repeats
        do not matter.
      - Required to create a provider. Set once - a provider with other subnets or security groups fails the
        task. Not managed when omitted.
    type: dict
    suboptions:
      subnet_ids:
        description: The subnet IDs (V(subnet-...)), 1 to 16.
        type: list
        elements: str
        required: true
      security_group_ids:
        description: The security group IDs (V(sg-...)), at most 5; V([]) for none.
        type: list
        elements: str
        required: true
  permissions_config:
    description:
      - The IAM role Lambda assumes to launch and manage the provider's EC2 instances.
      - Required to create a provider. Set once - a provider with another role fails the task. Not managed when
        omitted.
    type: dict
    suboptions:
      capacity_provider_operator_role_arn:
        description: The role's ARN (C(arn:aws:iam::ACCOUNT:role/NAME)).
        type: str
        required: true
  instance_requirements:
    description:
      - What the provider's instances are. Set once - a provider created with other requirements fails the task.
      - Each suboption is managed only when given; when omitted at creation, AWS chooses (all compatible
        instance types).
    type: dict
    suboptions:
      architectures:
        description: The instances' architecture, one of them.
        type: list
        elements: str
        choices: [x86_64, arm64]
      allowed_instance_types:
        description: The EC2 instance types the provider may use (V(m7g.large), wildcards such as V(c7i.*)); a set.
        type: list
        elements: str
      excluded_instance_types:
        description: The EC2 instance types the provider must not use; a set.
        type: list
        elements: str
  capacity_provider_scaling_config:
    description:
      - How the provider scales its instances. Changed in place (C(UpdateCapacityProvider)); the suboptions not
        given keep the values AWS has.
    type: dict
    suboptions:
      max_v_cpu_count:
        description: The most vCPUs the provider runs across its instances (2 to 15000).
        type: int
      scaling_mode:
        description: V(Auto) lets Lambda scale; V(Manual) scales by O(capacity_provider_scaling_config.scaling_policies).
        type: str
        choices: [Auto, Manual]
      scaling_policies:
        description:
          - Target tracking policies, 1 to 10. Compared as a set; the list given replaces the one AWS has.
        type: list
        elements: dict
        suboptions:
          predefined_metric_type:
            description: The metric to track.
            type: str
            required: true
            choices: [LambdaCapacityProviderAverageCPUUtilization, LambdaCapacityProviderAverageGPUUtilization]
          target_value:
            description: The value to keep the metric at (0 to 100, a percentage).
            type: float
            required: true
  kms_key_arn:
    description:
      - The KMS key that encrypts the provider's data. Set once - a provider with another key fails the task.
      - When omitted, not managed (a provider created without it uses an AWS managed key).
    type: str
  propagate_tags:
    description:
      - Which tags the provider puts on the instances it launches. Changed in place.
    type: dict
    suboptions:
      mode:
        description: V(Explicit) puts O(propagate_tags.explicit_tags) on them; V(None) puts none.
        type: str
        required: true
        choices: ["None", Explicit]
      explicit_tags:
        description:
          - The tags to put on the instances, at most 40, with O(propagate_tags.mode=Explicit). Compared whole.
          - Not managed when omitted.
        type: dict
  telemetry_config:
    description: Where and what the provider logs. Changed in place; the suboptions not given keep AWS's values.
    type: dict
    suboptions:
      logging_config:
        description: The provider's system logs in CloudWatch Logs.
        type: dict
        suboptions:
          system_log_level:
            description: The most detailed system log level sent (V(DEBUG) is the most detailed, V(WARN) the least).
            type: str
            choices: [DEBUG, INFO, WARN]
          log_group:
            description:
              - The log group. When never set, AWS uses C(/aws/lambda/capacity-provider/NAME).
            type: str
  state:
    description:
      - V(present) creates or updates the provider.
      - V(absent) deletes it. A provider that function versions use is not deleted - the task fails naming them
        (and lists them in its C(function_versions)) before any write, as AWS would refuse it too; delete those
        versions or functions first. A provider that does not exist, or that is already being deleted, is left as
        it is.
    type: str
    choices: [present, absent]
    default: present
  wait:
    description:
      - After a create or update, and when the provider found is still C(Pending), read it every 5 seconds until
        its C(State) is C(Active); after a delete, until it is gone. A provider that is or becomes C(Failed) fails
        the task.
      - With V(false) the task returns as soon as AWS accepted the request (usually with C(State=Pending)), and a
        C(Failed) provider only gives a warning.
      - botocore has no waiter for capacity providers; this is the module's own. Check mode never waits.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long, in seconds, to wait at most, 1 or more. When the time passes first the task fails; AWS goes on,
        and a later run waits again.
    type: int
    default: 600
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.tags
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads. For a provider that does not exist yet, RV(capacity_provider) is what
    would be sent, with the ARN predicted from the caller's account (STS C(GetCallerIdentity)) and the region, and
    C(state) and C(last_modified) null.
  - The local endpoints the collection is tested on (moto, LocalStack) do not implement capacity providers; there
    the task fails saying so. The module is tested against botocore's service model.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
  - module: cloudfn.aws_lambda.lambda_function_scaling_config
  - name: Lambda Managed Instances capacity providers
    description: AWS's guide.
    link: https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-capacity-providers.html
"""

EXAMPLES = r"""
- name: A capacity provider in two subnets, on Graviton instances, scaling on CPU
  cloudfn.aws_lambda.lambda_capacity_provider:
    name: orders-capacity
    vpc_config:
      subnet_ids: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
      security_group_ids: [sg-0123456789abcdef0]
    permissions_config:
      capacity_provider_operator_role_arn: arn:aws:iam::123456789012:role/lambda-capacity-operator
    instance_requirements:
      architectures: [arm64]
    capacity_provider_scaling_config:
      max_v_cpu_count: 64
      scaling_mode: Manual
      scaling_policies:
        - predefined_metric_type: LambdaCapacityProviderAverageCPUUtilization
          target_value: 70
    propagate_tags:
      mode: Explicit
      explicit_tags: {team: orders}
    tags:
      team: orders
  register: orders_capacity

- name: A function that runs on it
  cloudfn.aws_lambda.lambda_function:
    name: orders
    runtime: python3.13
    handler: app.handler
    role: arn:aws:iam::123456789012:role/orders
    zip_file: orders.zip
    publish: true
    capacity_provider_config:
      capacity_provider_arn: "{{ orders_capacity.capacity_provider.capacity_provider_arn }}"

- name: Allow more vCPUs (the rest of the scaling configuration stays as it is)
  cloudfn.aws_lambda.lambda_capacity_provider:
    name: orders-capacity
    capacity_provider_scaling_config:
      max_v_cpu_count: 128

- name: Delete it, once no function version uses it
  cloudfn.aws_lambda.lambda_capacity_provider:
    name: orders-capacity
    state: absent
"""

RETURN = r"""
capacity_provider:
  description:
    - The capacity provider after the run (C(GetCapacityProvider)'s answer in snake_case; tag keys as they are).
    - In check mode, predicted. C(tags) only when O(tags) is given.
  returned: when state=present
  type: dict
  sample:
    capacity_provider_arn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:orders-capacity
    state: Active
    vpc_config: {subnet_ids: [subnet-0123456789abcdef0], security_group_ids: [sg-0123456789abcdef0]}
    permissions_config: {capacity_provider_operator_role_arn: "arn:aws:iam::123456789012:role/lambda-capacity-operator"}
    instance_requirements: {architectures: [arm64]}
    capacity_provider_scaling_config:
      max_v_cpu_count: 64
      scaling_mode: Manual
      scaling_policies: [{predefined_metric_type: LambdaCapacityProviderAverageCPUUtilization, target_value: 70.0}]
    propagate_tags: {mode: Explicit, explicit_tags: {team: orders}}
    last_modified: "2026-01-31T12:00:00.000+0000"
    tags: {team: orders}
  contains:
    capacity_provider_arn:
      description:
        - The provider's ARN, which C(cloudfn.aws_lambda.lambda_function)'s
          C(capacity_provider_config.capacity_provider_arn) takes.
        - In check mode for a provider to be created, predicted (null when STS cannot tell the account).
      type: str
      sample: arn:aws:lambda:us-east-1:123456789012:capacity-provider:orders-capacity
    state:
      description: C(Pending), C(Active), C(Failed) or C(Deleting); null in check mode for a provider to be created.
      type: str
      sample: Active
    last_modified:
      description: When the provider was last changed; null in check mode when it would be created or changed.
      type: str
      sample: "2026-01-31T12:00:00.000+0000"
    tags:
      description: The provider's tags after the run.
      returned: when O(tags) is given
      type: dict
      sample: {team: orders}
function_versions:
  description:
    - The function versions that use the provider (C(ListFunctionVersionsByCapacityProvider), every page), as read
      before the run's changes; empty for a provider to be created.
  returned: when state=present
  type: list
  elements: dict
  sample: [{function_arn: "arn:aws:lambda:us-east-1:123456789012:function:orders:1", state: Active}]
diff:
  description: The changed settings before and after (only with C(--diff)).
  returned: with --diff
  type: dict
  sample:
    before: {capacity_provider_scaling_config: {max_v_cpu_count: 64}}
    after: {capacity_provider_scaling_config: {max_v_cpu_count: 128}}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.capacity_provider import (
    ARGUMENT_SPEC,
    CapacityProvider,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, CapacityProvider.run, validate=CapacityProvider.validate)


if __name__ == "__main__":
    main()
