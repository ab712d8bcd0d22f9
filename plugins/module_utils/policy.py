# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Resource policy statements of Lambda functions, as pure functions.

GetPolicy answers the whole policy as a JSON string; AddPermission takes one statement
as flat parameters (Principal, SourceArn, ...) and AWS stores it in IAM's form
(``{"Service": ...}``, ``{"AWS": "arn:aws:iam::ID:root"}``, ``Condition`` blocks).
:func:`comparable_statement` turns a stored statement back into the flat form, and
``desired_statement`` (resources/permission.py) builds the same form from the options, so the two
compare with ``==`` whatever form AWS (or a local test endpoint) stored.

The comparable form::

    {"Action": "lambda:InvokeFunction",
     "Principal": "s3.amazonaws.com" | "123456789012" | "arn:aws:iam::...:role/x" | "*",
     "Conditions": {"SourceArn": ..., "SourceAccount": ..., "PrincipalOrgID": ...,
                    "EventSourceToken": ..., "FunctionUrlAuthType": ...,
                    "InvokedViaFunctionUrl": True}}   # only those present

A condition AddPermission cannot set is kept in ``Conditions`` as ``"operator:key"`` (lower
case), so a statement carrying one never compares equal to what the options describe.
"""

import json
import re

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import ACCOUNT_ID

# AddPermission parameter -> (condition operator, condition key) AWS stores it under.
CONDITIONS = (
    ("SourceArn", "ArnLike", "AWS:SourceArn"),
    ("SourceAccount", "StringEquals", "AWS:SourceAccount"),
    ("PrincipalOrgID", "StringEquals", "aws:PrincipalOrgID"),
    ("EventSourceToken", "StringEquals", "lambda:EventSourceToken"),
    ("FunctionUrlAuthType", "StringEquals", "lambda:FunctionUrlAuthType"),
    ("InvokedViaFunctionUrl", "Bool", "lambda:InvokedViaFunctionUrl"),
)
# Conditions whose value is a boolean: AWS stores it as the text "true" (AddPermission takes a boolean).
BOOLEAN_CONDITIONS = frozenset(("InvokedViaFunctionUrl",))
# Condition keys are case-insensitive in IAM.
_PARAMETER_BY_KEY = dict((key.lower(), parameter) for parameter, _operator, key in CONDITIONS)

ACCOUNT_ROOT_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:iam::(\d{12}):root$")
IAM_PRINCIPAL_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:(iam|sts)::\d{12}:[\w+=,.@/:-]+$")
SERVICE_PRINCIPAL = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$")
ACTION = re.compile(r"^(?:(lambda):)?([A-Za-z]+|\*)$", re.IGNORECASE)


def principal_kind(principal):
    """``any`` ("*"), ``account`` (ID or root ARN), ``iam`` (another IAM ARN), ``service``, or None (not a principal)."""
    if not isinstance(principal, str):
        return None
    if principal == "*":
        return "any"
    if ACCOUNT_ID.match(principal) or ACCOUNT_ROOT_ARN.match(principal):
        return "account"
    if principal.startswith("arn:"):
        return "iam" if IAM_PRINCIPAL_ARN.match(principal) else None
    if SERVICE_PRINCIPAL.match(principal):
        return "service"
    return None


def canonical_principal(principal):
    """One string per principal: an account's root ARN becomes its bare ID; every other form stays as it is."""
    match = ACCOUNT_ROOT_ARN.match(principal)
    return match.group(1) if match else principal


def principal_of(stored):
    """The canonical principal of a stored statement's ``Principal``, whatever its form.

    ``"*"``, ``{"AWS": "*"}``, ``{"AWS": "arn:aws:iam::ID:root"}``, a bare ``"ID"``,
    ``{"AWS": "arn:aws:iam::ID:role/x"}``, a bare IAM ARN, ``{"Service": "s3.amazonaws.com"}``
    and a bare service name all come out as the string the user would write.
    """
    if isinstance(stored, dict):
        values = []
        for value in stored.values():
            values.extend(value if isinstance(value, list) else [value])
        if len(values) != 1:  # AddPermission never stores more than one; keep them all to compare unequal
            return sorted(canonical_principal(str(v)) for v in values)
        stored = values[0]
    elif isinstance(stored, list):
        if len(stored) != 1:
            return sorted(canonical_principal(str(v)) for v in stored)
        stored = stored[0]
    return canonical_principal(str(stored))


def canonical_action(action):
    """``InvokeFunction`` and ``Lambda:InvokeFunction`` -> ``lambda:InvokeFunction``; ``*`` stays ``*``."""
    if isinstance(action, list) and len(action) == 1:
        action = action[0]
    if not isinstance(action, str):
        return action
    match = ACTION.match(action)
    if not match or (match.group(1) is None and match.group(2) == "*"):
        return action
    return "lambda:" + match.group(2)


def _single(value):
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def conditions_of(statement):
    """The conditions of a stored statement, by AddPermission parameter name.

    Reads AWS's ``Condition`` blocks (keys compared without case; a boolean condition's "true" / "false" as a
    boolean) and the top-level ``FunctionUrlAuthType`` and ``InvokedViaFunctionUrl`` keys that some endpoints
    store instead of the condition. ``InvokedViaFunctionUrl`` false is no condition, as AWS keeps none for it.
    """
    conditions = {}
    for operator, block in (statement.get("Condition") or {}).items():
        for key, value in (block or {}).items():
            parameter = _PARAMETER_BY_KEY.get(key.lower())
            value = _single(value)
            if parameter in BOOLEAN_CONDITIONS and operator.lower() == "bool":
                value = _boolean(value)
            conditions[parameter or ("%s:%s" % (operator, key)).lower()] = value
    for parameter in ("FunctionUrlAuthType", "InvokedViaFunctionUrl"):
        if statement.get(parameter) is not None and parameter not in conditions:
            value = statement[parameter]
            conditions[parameter] = _boolean(value) if parameter in BOOLEAN_CONDITIONS else value
    if conditions.get("InvokedViaFunctionUrl") is False:
        del conditions["InvokedViaFunctionUrl"]
    return conditions


def _boolean(value):
    """A boolean condition's stored value ("true", "false", or a JSON boolean) as a boolean; other values as they are."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def comparable_statement(statement):
    """A stored statement in the comparable form (see the module docstring); None for None."""
    if statement is None:
        return None
    return dict(
        Action=canonical_action(statement.get("Action")),
        Principal=principal_of(statement.get("Principal")),
        Conditions=conditions_of(statement),
    )


def parse_policy(answer):
    """(policy document, RevisionId) of a GetPolicy answer; ({}, None) when there is no policy."""
    if not answer:
        return {}, None
    policy = answer.get("Policy") or "{}"
    document = json.loads(policy) if isinstance(policy, str) else policy
    return document, answer.get("RevisionId")


def parse_statement(answer):
    """The statement of an AddPermission answer (a JSON string), parsed."""
    statement = (answer or {}).get("Statement")
    return json.loads(statement) if isinstance(statement, str) else statement


def statements(document):
    found = document.get("Statement") or []
    return found if isinstance(found, list) else [found]


def find_statement(document, sid):
    """The statement with ``Sid`` ``sid`` in a policy document, or None."""
    for statement in statements(document):
        if statement.get("Sid") == sid:
            return statement
    return None


def add_permission_parameters(desired):
    """The comparable form as AddPermission's parameters (without FunctionName, StatementId, Qualifier)."""
    parameters = dict(Action=desired["Action"], Principal=desired["Principal"])
    parameters.update(desired.get("Conditions") or {})
    return parameters


def stored_form(sid, desired, resource=None):
    """How AWS will store the statement ``desired`` describes: the prediction shown in check mode.

    ``resource``: the ARN the policy's statements apply to, when known (its partition is used
    for an account's root ARN).
    """
    principal = desired["Principal"]
    kind = principal_kind(principal)
    partition = resource.split(":")[1] if resource and resource.startswith("arn:") else "aws"
    if kind == "any":
        stored_principal = "*"
    elif kind == "account":
        stored_principal = {"AWS": "arn:%s:iam::%s:root" % (partition, principal)}
    elif kind == "iam":
        stored_principal = {"AWS": principal}
    else:
        stored_principal = {"Service": principal}
    statement = dict(Sid=sid, Effect="Allow", Principal=stored_principal, Action=desired["Action"])
    if resource:
        statement["Resource"] = resource
    condition = {}
    for parameter, operator, key in CONDITIONS:
        value = (desired.get("Conditions") or {}).get(parameter)
        if value is not None:
            condition.setdefault(operator, {})[key] = ("true" if value else "false") if isinstance(value, bool) else value
    if condition:
        statement["Condition"] = condition
    return statement


def policy_resource(document):
    """The Resource the policy's statements apply to (they all share it), or None when there is none."""
    for statement in statements(document):
        if isinstance(statement.get("Resource"), str):
            return statement["Resource"]
    return None


# ------------------------------------------------------------------ whole documents (PutResourcePolicy)

# The statement elements whose value is one string or a list of them: IAM reads ``"x"`` and ``["x"]`` alike,
# and a list in any order, so they are compared as sets.
VALUE_LIST_ELEMENTS = ("Action", "NotAction", "Resource", "NotResource")
PRINCIPAL_ELEMENTS = ("Principal", "NotPrincipal")
ACTION_ELEMENTS = ("Action", "NotAction")


def _text(value):
    """A policy value as IAM compares it: text as it is, a JSON boolean or number as its text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True)


def _value_set(value, canonical=_text):
    """One value or a list of them as the sorted list of their canonical texts, each once."""
    values = value if isinstance(value, list) else [value]
    return sorted(set(canonical(_text(v)) for v in values))


def _comparable_principal(principal):
    """``"*"`` and ``{"AWS": "*"}`` alike; each kind's values as a set, an account's root ARN as its ID."""
    if principal == "*" or principal == ["*"]:
        principal = {"AWS": "*"}
    if not isinstance(principal, dict):
        return _value_set(principal, canonical_principal)
    return dict((kind, _value_set(values, canonical_principal)) for kind, values in principal.items())


def _comparable_condition_block(block):
    """One operator's conditions: keys without case (IAM compares them so), each key's values as a set."""
    if not isinstance(block, dict):
        return block
    return dict((key.lower(), _value_set(value)) for key, value in block.items())


def _comparable_condition(condition):
    """A Condition element: its operators as they are, each one's block as :func:`_comparable_condition_block`."""
    if not isinstance(condition, dict):
        return condition
    return dict((operator, _comparable_condition_block(block)) for operator, block in condition.items())


def comparable_whole_statement(statement):
    """One statement of a whole policy document in a form that compares with ``==`` as IAM reads it: key order,
    the order of a list and a single value vs a one-item list make no difference; actions and principals are
    canonical as for AddPermission's statements (:func:`canonical_action`, :func:`canonical_principal`)."""
    if not isinstance(statement, dict):
        return statement
    comparable = {}
    for key, value in statement.items():
        if key in ACTION_ELEMENTS:
            value = _value_set(value, canonical_action)
        elif key in VALUE_LIST_ELEMENTS:
            value = _value_set(value)
        elif key in PRINCIPAL_ELEMENTS:
            value = _comparable_principal(value)
        elif key == "Condition":
            value = _comparable_condition(value)
        comparable[key] = value
    return comparable


def comparable_document(document, keys=None):
    """A whole policy document in a form that compares with ``==`` as IAM reads it: its statements in any order
    (each as :func:`comparable_whole_statement`; one statement not in a list is a list of one), its other
    top-level keys (``Version``, ``Id``) as they are. ``keys``: only those top-level keys are kept (the ones a
    desired document gives). None for None."""
    if document is None:
        return None
    comparable = dict((key, value) for key, value in document.items() if keys is None or key in keys)
    if "Statement" in comparable:
        comparable["Statement"] = sorted((comparable_whole_statement(s) for s in statements(document)),
                                         key=lambda s: json.dumps(s, sort_keys=True))
    return comparable


def same_document(current, desired):
    """True when the stored document ``current`` says what ``desired`` says (see :func:`comparable_document`);
    a top-level key the desired document leaves out (AWS may add ``Id`` or ``Version``) is not compared."""
    return comparable_document(current, keys=set(desired)) == comparable_document(desired)
