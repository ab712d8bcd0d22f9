#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: lambda_policy
short_description: Add, replace and remove statements of a Lambda function's resource policy
version_added: 0.1.0
description:
  - Converges one statement, found by its O(statement_id), of the resource-based policy of a Lambda
    function, or of one of its versions or aliases (C(AddPermission), C(RemovePermission), C(GetPolicy)).
  - The statement AWS stores is compared with the options in one normalised form, so every form AWS stores
    compares equal to what the task asked for. An account ID (stored as C(arn:aws:iam::ID:root)), an IAM ARN,
    a service principal, V(*), an O(action) with or without its C(lambda:) prefix, and each condition
    (C(AWS:SourceArn), C(AWS:SourceAccount), C(aws:PrincipalOrgID), C(lambda:EventSourceToken),
    C(lambda:FunctionUrlAuthType), C(lambda:InvokedViaFunctionUrl)) are all recognised.
  - A run that changes nothing costs one API call (C(GetPolicy)).
  - Only the statement O(statement_id) names is managed; the policy's other statements are left as they are.
    M(cloudfn.aws_lambda.lambda_resource_policy) does the opposite. It puts a whole document that replaces every
    statement, including the ones this module added. Do not manage one function, version or alias with both.
  - The statement is managed whole. A condition the task does not give is not wanted, so a stored statement
    that has one is replaced.
  - AWS has no call that changes a statement in place, so a statement that differs is replaced.
    C(RemovePermission) is sent with the policy's C(RevisionId) as read by C(GetPolicy). If the policy changed
    since it was read, AWS refuses and nothing is removed. C(AddPermission) then follows without a C(RevisionId),
    because the remove moved the policy to a revision that C(RemovePermission) does not return. Reading the policy
    again would only add a call; it would not protect anything more. AWS refuses an C(AddPermission) whose
    statement ID already exists, so a statement that someone else added in between is never overwritten.
  - When the remove succeeded and the add failed, the task fails. Its message says that the old statement
    was removed, and that running the task again adds the new one. The old statement is returned as
    C(removed_statement).
  - A new statement is added without a C(RevisionId), so tasks adding different statements to one function
    at the same time do not make one another fail.
  - Granting an AWS service without O(source_arn) or O(source_account) lets resources of other accounts
    invoke the function (the confused deputy problem). So does V(*) without a condition. In both cases the
    module warns and names the option that fixes it.
  - Every option name of C(amazon.aws.lambda_policy) is accepted with the same meaning, O(action) and O(principal)
    are required in every state as there, and the fact C(lambda_policy_action) that module sets is set too
    (RV(ansible_facts.lambda_policy_action)), so a playbook moves over by changing the module name.
  - What this module does better than C(amazon.aws.lambda_policy) - it recognises every form AWS stores a statement
    in, so an unchanged statement is not replaced on every run (that module replaces a statement for an account
    principal each time); C(changed) is predicted in check mode (that module reports no change there); it takes the
    conditions O(principal_org_id) and O(function_url_auth_type), O(qualifier), and returns the statement.
author:
  - cloudfn.aws_lambda maintainers (@cloudfn)
options:
  function_name:
    description:
      - Name or ARN of the function. A partial ARN (C(ACCOUNT:function:NAME)) works too.
    type: str
    required: true
    aliases: [lambda_function_arn, function_arn]
  qualifier:
    description:
      - Version number or alias name whose policy is managed, instead of the function's own policy.
      - Mutually exclusive with O(alias) and O(version), which are other ways to give it.
    type: str
  alias:
    description:
      - Name of the alias whose policy is managed.
    type: str
  version:
    description:
      - Number of the version whose policy is managed.
    type: int
  statement_id:
    description:
      - ID (C(Sid)) of the statement. Letters, digits, V(-) and V(_).
    type: str
    required: true
    aliases: [sid]
  state:
    description:
      - V(present) adds the statement, or replaces it when it differs. V(absent) removes it.
    type: str
    choices: [present, absent]
    default: present
  action:
    description:
      - The action the statement allows, for example V(lambda:InvokeFunction), V(lambda:InvokeFunctionUrl),
        V(lambda:GetFunction) or V(lambda:*). The C(lambda:) prefix may be left out.
      - Required in every state, as in C(amazon.aws.lambda_policy); with O(state=absent) the statement is removed
        by its O(statement_id) whatever its action.
    type: str
    required: true
  principal:
    description:
      - Who is allowed. This can be an AWS service (for example V(s3.amazonaws.com) or V(sns.amazonaws.com)), an
        account ID (V(123456789012)) or its root ARN, an IAM user or role ARN, or V(*) for anyone.
      - Required in every state, as in C(amazon.aws.lambda_policy); with O(state=absent) the statement is removed
        by its O(statement_id) whatever its principal.
    type: str
    required: true
  source_arn:
    description:
      - Only requests coming from this resource are allowed, for example the ARN of an S3 bucket, an SNS topic
        or an EventBridge rule. Stored as the condition C(ArnLike AWS:SourceArn), so wildcards work.
    type: str
  source_account:
    description:
      - Only requests coming from resources of this account are allowed. Twelve digits, without hyphens.
        Stored as the condition C(StringEquals AWS:SourceAccount).
    type: str
  event_source_token:
    description:
      - Token that the event source must send, for example an Alexa skill ID. Stored as the condition
        C(StringEquals lambda:EventSourceToken).
      - Mutually exclusive with O(source_arn) and O(source_account).
    type: str
  principal_org_id:
    description:
      - Only principals of this AWS Organizations organization (C(o-...)) are allowed. Goes with O(principal=*)
        or an account principal. Stored as the condition C(StringEquals aws:PrincipalOrgID).
    type: str
  function_url_auth_type:
    description:
      - The statement allows only requests to the function URL that uses this auth type. V(NONE) together
        with O(principal=*) and O(action=lambda:InvokeFunctionUrl) makes a public function URL.
      - Stored as the condition C(StringEquals lambda:FunctionUrlAuthType).
    type: str
    choices: [NONE, AWS_IAM]
  invoked_via_function_url:
    description:
      - V(true) - the statement applies only to invocations through a function URL (C(AddPermission)'s
        C(InvokedViaFunctionUrl)). Together with O(principal=*) and O(action=lambda:InvokeFunction) it is the second
        statement AWS requires for a public function URL, beside the C(lambda:InvokeFunctionUrl) one (see
        O(function_url_auth_type)).
      - Stored as the condition C(Bool lambda:InvokedViaFunctionUrl) with the value V("true"), and compared as
        the other conditions are.
      - V(false) is the same as leaving it out. No condition is sent, because AWS keeps none for it.
      - M(cloudfn.aws_lambda.lambda_function_url) adds and removes both statements of a public URL itself.
    type: bool
extends_documentation_fragment:
  - cloudfn.aws_lambda.connection
  - cloudfn.aws_lambda.common.attributes
notes:
  - In check mode the module only reads (C(GetPolicy)). C(changed), the returned statement and the diff are
    predicted for an add, a replacement and a removal.
  - AWS stores a statement for an IAM role or user with the role's or user's ARN. After that role or user is
    deleted, AWS shows its unique ID instead. The next run then replaces the statement, so that it grants the
    role or user that now has that ARN.
seealso:
  - module: cloudfn.aws_lambda.lambda_function
  - module: cloudfn.aws_lambda.lambda_resource_policy
    description: The whole policy document at once (C(PutResourcePolicy)), replacing every statement.
"""

EXAMPLES = r"""
- name: Let one S3 bucket of this account invoke the function
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: s3-uploads
    action: lambda:InvokeFunction
    principal: s3.amazonaws.com
    source_arn: arn:aws:s3:::uploads-bucket
    source_account: "123456789012"

- name: Let another account invoke the live alias
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    alias: live
    sid: partner-account
    action: InvokeFunction
    principal: "210987654321"

- name: Let every account of the organization invoke the function
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: whole-org
    action: lambda:InvokeFunction
    principal: "*"
    principal_org_id: o-a1b2c3d4e5

- name: A public function URL, its first statement (lambda:InvokeFunctionUrl)
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: public-url
    action: lambda:InvokeFunctionUrl
    principal: "*"
    function_url_auth_type: NONE

- name: ... and the second statement AWS requires for it (lambda_function_url manages both itself)
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: public-url-invoke
    action: lambda:InvokeFunction
    principal: "*"
    invoked_via_function_url: true

- name: Remove a statement
  cloudfn.aws_lambda.lambda_policy:
    function_name: thumbnailer
    statement_id: partner-account
    alias: live
    action: lambda:InvokeFunction
    principal: "210987654321"
    state: absent
"""

RETURN = r"""
statement:
  description:
    - The statement as AWS stores it, parsed from its JSON.
    - In check mode, when the statement would be added or replaced, this is the statement as AWS is expected
      to store it.
    - Null when the statement does not exist, or no longer does.
  returned: always
  type: dict
  sample:
    Sid: s3-uploads
    Effect: Allow
    Principal: {Service: s3.amazonaws.com}
    Action: lambda:InvokeFunction
    Resource: arn:aws:lambda:us-east-1:123456789012:function:thumbnailer
    Condition:
      ArnLike: {"AWS:SourceArn": "arn:aws:s3:::uploads-bucket"}
      StringEquals: {"AWS:SourceAccount": "123456789012"}
revision_id:
  description:
    - The C(RevisionId) of the policy as C(GetPolicy) read it at the start of the task.
    - Null when the task changed the policy, because C(AddPermission) and C(RemovePermission) do not return the
      new revision. It is also null when the function has no policy.
  returned: always
  type: str
  sample: 3f7c1a52-9d0e-4b8c-a1e4-0f6b2d9c7e11
ansible_facts:
  description: The fact C(amazon.aws.lambda_policy) sets, for playbooks written for it.
  returned: always
  type: dict
  contains:
    lambda_policy_action:
      description:
        - What the task did (in check mode, would do) - V(added), V(updated) (replaced), V(deleted) or V(none).
      returned: always
      type: str
      sample: added
diff:
  description:
    - The fields that changed, before and after, in the form the options use. Conditions are keyed by option
      name. Only returned with C(--diff).
  returned: with --diff
  type: dict
  sample:
    before: {conditions: {source_arn: "arn:aws:s3:::old-bucket"}}
    after: {conditions: {source_arn: "arn:aws:s3:::uploads-bucket"}}
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.permission import (
    ARGUMENT_SPEC,
    MUTUALLY_EXCLUSIVE,
    Permission,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import run_module


def main():
    run_module(ARGUMENT_SPEC, Permission.run, mutually_exclusive=MUTUALLY_EXCLUSIVE, validate=Permission.validate)


if __name__ == "__main__":
    main()
