# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Tags of any taggable Lambda resource (functions, event source mappings...): one conversion of the
values, one way of sending the difference.

AWS takes tag values (and environment values) only as strings: ``42`` is sent as ``"42"``, a boolean
as ``"true"`` / ``"false"``, and a missing value as ``""``. Converting them before the first request
means a task never fails halfway, after some writes, because of a value type.
"""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import tag_changes


def string_value(value):
    """A tag or environment value as AWS stores it: a string (booleans as true/false, None as "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def string_values(values):
    """A dict of tags (or variables) with every value a string; None stays None (not managed)."""
    if values is None:
        return None
    return dict((str(k), string_value(v)) for k, v in values.items())


def text_value_problems(option, values):
    """Messages for the values of ``values`` (tags, environment variables) that are no text: a dictionary or a
    list would be sent as its Python form, which is never what was meant."""
    return ["%s: the value of %s is a %s; AWS takes only text here (quote it, or turn it into JSON with "
            "the to_json filter)." % (option, key, "dictionary" if isinstance(value, dict) else "list")
            for key, value in sorted((values or {}).items(), key=lambda kv: str(kv[0]))
            if isinstance(value, (dict, list))]


def desired_tags(tags, current=None, purge=True):
    """The tags to have: ``tags`` as strings, added to ``current`` unless ``purge``; None when not managed."""
    wanted = string_values(tags)
    if wanted is None or purge or current is None:
        return wanted
    return dict(current, **wanted)


def listed_tags(client, arn):
    """The tags of the resource ``arn`` (ListTags; {} for none), for a resource whose own read answers none."""
    return client.call("ListTags", Resource=arn).get("Tags") or {}


def send_tag_changes(client, arn, current, desired):
    """UntagResource / TagResource for what turns ``current`` into ``desired`` on the resource ``arn``."""
    add, remove = tag_changes(current or {}, desired)
    if remove:
        client.call("UntagResource", Resource=arn, TagKeys=remove)
    if add:
        client.call("TagResource", Resource=arn, Tags=add)
