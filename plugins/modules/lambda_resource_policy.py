#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_resource_policy
short_description: Put or remove the whole resource-based policy of a Lambda function, version or alias
version_added: 0.1.0
description:
  - Converges the whole resource-based policy document of one Lambda resource (C(PutResourcePolicy),
    C(GetResourcePolicy), C(DeleteResourcePolicy)) - a function (its unqualified ARN, which also covers
    V($LATEST)), a published version, an alias, or, as the API's ARN pattern allows, V($LATEST.PUBLISHED) or a
    customer-managed runtime (C(arn:aws:lambda:REGION:ACCOUNT:runtime/NAME)).
  - B(The document replaces every statement of the policy.) That includes statements that
    M(cloudfn.aws_lambda.lambda_policy), M(cloudfn.aws_lambda.lambda_function_url) (the statements of a public URL),
    C(lambda_app)'s permissions, other tools or the console added with C(AddPermission). A statement the document
    does not hold is gone after the run. O(state=absent) removes them all.
  - Do not manage one resource with both this module and M(cloudfn.aws_lambda.lambda_policy) (or the public
    statements of M(cloudfn.aws_lambda.lambda_function_url)). M(cloudfn.aws_lambda.lambda_policy) adds and removes one
    statement and leaves the others alone; this module puts the whole document. Each run would undo the other's
    change. Use this module when one document should be the whole truth, M(cloudfn.aws_lambda.lambda_policy) when
    several tasks or tools each own a statement.
  - The stored document and O(policy) are compared as IAM reads them. The order of the statements, the order of
    the keys, the order of the values of a list, and a single value against a one-item list (of C(Action),
    C(NotAction), C(Resource), C(NotResource), the C(Principal) and the condition values) make no difference;
    nor do an account ID against its root ARN (C(arn:aws:iam::ID:root)), V(*) against C({"AWS":"*"}), an
    action's C(lambda:) prefix in either case, the case of a condition key, or a JSON boolean or number against
    its text. A top-level key that O(policy) leaves out (C(Id), C(Version)) is not compared, as AWS may add one.
  - A run that changes nothing costs one API call (C(GetResourcePolicy)) with O(resource_arn); with
    O(function_name) the function is read first (C(GetFunctionConfiguration)) to learn its ARN, so two.
  - C(PutResourcePolicy) and C(DeleteResourcePolicy) carry the C(RevisionId) that C(GetResourcePolicy) answered.
    When the policy changed after the task read it, AWS refuses the write (C(PreconditionFailedException)).
    The task then fails, saying that someone else changed the policy while it ran, and nothing is overwritten.
    It does not read again and put its document over the other change.
  - The document is checked before any request. It must be JSON (or a dictionary) with a non-empty
    C(Statement) list of statement objects, and at most as long as botocore's service model allows
    (20480 characters as compact JSON). AWS checks the grammar of the statements and refuses a policy that would
    make the resource public where that is blocked (C(PublicPolicyException)).
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  resource_arn:
    description:
      - The complete ARN of the resource whose policy is managed, sent as it is, for example
        C(arn:aws:lambda:us-east-1:123456789012:function:hello) (the function and V($LATEST)),
        C(...:function:hello:3) (version 3) or C(...:function:hello:live) (an alias). No wildcards.
      - The form is checked against the API's ARN pattern in botocore's service model before any request.
      - Exactly one of O(resource_arn) and O(function_name) is required.
    type: str
  function_name:
    description:
      - Name, partial ARN (C(ACCOUNT:function:NAME)) or ARN of the function, without a version or alias (give that
        as O(qualifier)). The task reads the function (C(GetFunctionConfiguration)) to learn its ARN, so a function,
        version or alias that does not exist fails the task clearly before any change.
      - Exactly one of O(resource_arn) and O(function_name) is required.
    type: str
  qualifier:
    description:
      - With O(function_name), the version (a number such as V(3)) or alias name whose policy is managed, or
        V($LATEST) or V($LATEST.PUBLISHED).
      - When omitted, the policy of the unqualified function, which also applies to V($LATEST).
        A version or alias has its own policy, independent of the function's.
    type: raw
  policy:
    description:
      - The whole policy document, as a dictionary or as JSON text (for example from a C(file) lookup).
      - It must hold a C(Statement) list. Each statement is sent as given. Give each a C(Sid) and a C(Resource)
        (the ARN of the resource), as AWS's own statements have.
      - Required with O(state=present); not taken with O(state=absent).
    type: json
  state:
    description:
      - V(present) puts O(policy) as the whole document, replacing every statement there was.
      - V(absent) removes the whole policy, every statement it holds. No policy is no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetResourcePolicy), and C(GetFunctionConfiguration) with
    O(function_name)). C(changed), the returned O(policy) and the diff are predicted; RV(revision_id) is null there
    when the policy would change.
  - With C(--diff), C(before) and C(after) hold the whole documents under C(policy), as stored and as given.
  - moto's server and LocalStack 2026.3.0 do not implement these operations (the botocore that LocalStack bundles
    predates them); the module's behaviour is tested with botocore's Stubber against the service model.
seealso:
  - module: cloudfn.aws_lambda.lambda_policy
    description: One statement at a time (C(AddPermission), C(RemovePermission)), leaving the others alone.
  - module: cloudfn.aws_lambda.lambda_function_url
  - module: cloudfn.aws_lambda.lambda_info
  - name: Resource-based policies in Lambda
    description: AWS's guide to the policies this module writes.
    link: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
"""

EXAMPLES = r"""
- name: The whole policy of the live alias - one partner account may invoke it, nothing else
  cloudfn.aws_lambda.lambda_resource_policy:
    resource_arn: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer:live
    policy:
      Version: "2012-10-17"
      Statement:
        - Sid: partner-account
          Effect: Allow
          Principal:
            AWS: arn:aws:iam::210987654321:root
          Action: lambda:InvokeFunction
          Resource: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer:live

- name: The function's policy from a file, found by name (one more read, GetFunctionConfiguration)
  cloudfn.aws_lambda.lambda_resource_policy:
    function_name: thumbnailer
    policy: "{{ lookup('ansible.builtin.file', 'policies/thumbnailer.json') }}"

- name: Version 3's policy, S3 uploads of this account only
  cloudfn.aws_lambda.lambda_resource_policy:
    function_name: thumbnailer
    qualifier: 3
    policy:
      Version: "2012-10-17"
      Statement:
        - Sid: s3-uploads
          Effect: Allow
          Principal:
            Service: s3.amazonaws.com
          Action: lambda:InvokeFunction
          Resource: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer:3
          Condition:
            ArnLike:
              AWS:SourceArn: arn:aws:s3:::uploads-bucket
            StringEquals:
              AWS:SourceAccount: "123456789012"

- name: Remove the whole policy of the function, every statement it holds
  cloudfn.aws_lambda.lambda_resource_policy:
    resource_arn: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer
    state: absent
"""

RETURN = r"""
resource_arn:
  description: The ARN whose policy was managed (O(resource_arn), or the one learnt from O(function_name)).
  returned: always
  type: str
  sample: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer:live
policy:
  description:
    - The policy document after the run, parsed from AWS's JSON (its keys as AWS writes them, not snake_case).
    - As AWS answered the C(PutResourcePolicy), as read when nothing changed, or (in check mode) O(policy).
    - Null when the resource has no policy (after O(state=absent)).
  returned: always
  type: dict
  sample:
    Version: "2012-10-17"
    Statement:
      - Sid: partner-account
        Effect: Allow
        Principal:
          AWS: arn:aws:iam::210987654321:root
        Action: lambda:InvokeFunction
        Resource: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer:live
revision_id:
  description:
    - The policy's C(RevisionId) after the run; null when there is no policy, and in check mode when the policy
      would change.
  returned: always
  type: str
  sample: 4ec4e5f4-1b8a-4f7c-9b61-2c1f5e0d8a3b
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.resource_policy import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    REQUIRED_BY,
    REQUIRED_ONE_OF,
    ResourcePolicy,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, ResourcePolicy.run, validate=ResourcePolicy.validate,
               mutually_exclusive=MUTUALLY_EXCLUSIVE, required_one_of=REQUIRED_ONE_OF, required_by=REQUIRED_BY)


if __name__ == "__main__":
    main()
