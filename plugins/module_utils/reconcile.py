# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How any resource of the collection converges.

A module reads the resource (``current``, ``None`` when it does not exist) and
states what the user asked for (``desired``: the API's field names, ``None``
meaning "not managed"), both in the same shape.  :func:`ensure` compares them,
calls the module's create / update / delete with only what differs (or, in check
mode, calls nothing and predicts), and returns the outcome with a before/after
diff of the same shape.
"""

import re

_FIRST_CAP = re.compile(r"(.)([A-Z][a-z]+)")
_ALL_CAP = re.compile(r"([a-z0-9])([A-Z])")

# Keys whose values are user data (names chosen by the user), never renamed.
USER_KEYED = frozenset(("Tags", "Variables"))


def to_snake(name):
    """``KMSKeyArn`` -> ``kms_key_arn``, ``CodeSha256`` -> ``code_sha256``."""
    return _ALL_CAP.sub(r"\1_\2", _FIRST_CAP.sub(r"\1_\2", name)).lower()


def snake_dict(value, keep=USER_KEYED):
    """A copy of an AWS answer with snake_case keys; the keys of ``keep`` fields are left as they are."""
    if isinstance(value, dict):
        return dict((to_snake(k), v if k in keep else snake_dict(v, keep)) for k, v in value.items())
    if isinstance(value, list):
        return [snake_dict(v, keep) for v in value]
    return value


def without_none(value):
    """``desired`` with the unmanaged (None) fields left out, recursively."""
    if isinstance(value, dict):
        return dict((k, without_none(v)) for k, v in value.items() if v is not None)
    return value


def differs(desired, current, exact=USER_KEYED, key=None):
    """True when ``desired`` asks for something ``current`` does not have.

    Dicts are compared on the keys ``desired`` manages (a None value is not managed),
    except the fields named in ``exact``, compared whole; lists and scalars are compared whole.
    """
    if desired is None:
        return False
    if isinstance(desired, dict) and key not in exact:
        current = current if isinstance(current, dict) else {}
        return any(differs(v, current.get(k), exact, k) for k, v in desired.items())
    return desired != current


def changed_fields(desired, current, exact=USER_KEYED):
    """The top-level fields of ``desired`` that differ from ``current``, with their desired values."""
    return dict((k, v) for k, v in desired.items() if differs(v, current.get(k), exact, k))


def merged(current, changes):
    """``current`` with ``changes`` applied: what a change will leave behind (for check mode)."""
    result = dict(current)
    for k, v in changes.items():
        if isinstance(v, dict) and isinstance(result.get(k), dict) and k not in USER_KEYED:
            result[k] = merged(result[k], without_none(v))
        else:
            result[k] = v
    return result


class Outcome:
    """What ensure() did: ``changed``, the ``action`` taken (create, update, delete or None),
    the fields that differed, the value the create/update/delete callback returned, and the diff."""

    def __init__(self, action, changes, result, before, after):
        self.action = action
        self.changed = action is not None
        self.changes = changes
        self.result = result
        self.diff = dict(before=snake_dict(before), after=snake_dict(after))


def plan(current, desired, state="present", exact=USER_KEYED):
    """What converging ``current`` to ``desired`` takes, without sending anything (pure).

    An Outcome whose ``result`` is None: ``action`` create, update, delete or None, ``changes`` the
    fields to send, and the diff.
    """
    if state == "absent":
        if current is None:
            return Outcome(None, {}, None, {}, {})
        return Outcome("delete", {}, None, current, {})
    if current is None:
        wanted = without_none(desired)
        return Outcome("create", wanted, None, {}, wanted)
    changes = changed_fields(desired, current, exact)
    if not changes:
        return Outcome(None, {}, None, {}, {})
    before = dict((k, managed_part(current.get(k), v, k, exact)) for k, v in changes.items())
    return Outcome("update", changes, None, before, without_none(changes))


def apply(outcome, create, update, delete):
    """Send what the plan ``outcome`` says: ``create(changes)``, ``update(changes)`` or ``delete()``;
    their answer becomes ``outcome.result``."""
    if outcome.action == "create":
        outcome.result = create(outcome.changes)
    elif outcome.action == "update":
        outcome.result = update(outcome.changes)
    elif outcome.action == "delete":
        outcome.result = delete()
    return outcome


def ensure(task, current, desired, create, update, delete, state="present", exact=USER_KEYED):
    """Converge one resource: :func:`plan`, then (not in check mode) :func:`apply`.

    ``create(desired)``, ``update(changes)`` and ``delete()`` send the requests; in check mode none
    of them is called.  ``desired`` is compared with ``current`` field by field (see :func:`differs`).
    """
    outcome = plan(current, desired, state, exact)
    if task.check_mode:
        return outcome
    return apply(outcome, create, update, delete)


def managed_part(current, desired, key=None, exact=USER_KEYED):
    """The part of ``current`` that ``desired`` manages: for a partly managed dict, only the keys it gives."""
    if isinstance(desired, dict) and isinstance(current, dict) and key not in exact:
        return dict((k, managed_part(current.get(k), v, k, exact)) for k, v in desired.items() if v is not None)
    return current


def tag_changes(current, desired):
    """(tags to set, keys to remove) to turn ``current`` tags into ``desired``."""
    add = dict((k, v) for k, v in desired.items() if current.get(k) != v)
    remove = sorted(k for k in current if k not in desired)
    return add, remove


def adopted(answer, wanted, normalize, exact=USER_KEYED):
    """What a create refused as "already exists" found, when it is what this run asked for; else None.

    That is what a create whose answer was lost leaves behind (botocore sent it again and AWS refused
    the second one), or another run's identical create. ``answer``: the resource read back (None when
    there is none); ``normalize(answer)``: its form comparable with ``wanted`` (the fields sent).
    """
    if answer is None or changed_fields(wanted, normalize(answer), exact):
        return None
    return answer
