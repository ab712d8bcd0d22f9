# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one grammar of what AWS accepts as a name or an ARN, checked before any request.

Lambda takes a function as a name (``hello``), a partial ARN (``123456789012:function:hello``)
or a full ARN (``arn:aws:lambda:us-east-1:123456789012:function:hello``); some operations
also take a qualifier (``:3``, ``:live``, ``:$LATEST``) at the end of it. Layers are named by a
name or a layer ARN, and their versions by a layer version ARN (``...:layer:NAME:3``).
Every module and resource takes its patterns and its splitting from here.
"""

import re

LATEST = "$LATEST"

_PARTITION = r"arn:aws[a-zA-Z-]*"
_REGION = r"[a-z0-9-]+"
_ACCOUNT = r"\d{12}"
_FUNCTION_PART = r"[a-zA-Z0-9_-]{1,64}"
_FUNCTION = r"((%s:lambda:%s:)?%s:function:)?%s" % (_PARTITION, _REGION, _ACCOUNT, _FUNCTION_PART)
_QUALIFIER = r"(\$LATEST|[a-zA-Z0-9_-]{1,128})"
_ALIAS = r"(?!\d+$)[a-zA-Z0-9_-]{1,128}"
_LAYER_ARN = r"%s:lambda:%s:%s:layer:[a-zA-Z0-9_-]+" % (_PARTITION, _REGION, _ACCOUNT)

FUNCTION_NAME = re.compile(r"^%s$" % _FUNCTION)
QUALIFIED_FUNCTION_NAME = re.compile(r"^(?P<function>%s)(:(?P<qualifier>%s))?$" % (_FUNCTION, _QUALIFIER))
QUALIFIER = re.compile(r"^%s$" % _QUALIFIER)
# An alias name: not only digits, which would read as a version.
ALIAS_NAME = re.compile(r"^%s$" % _ALIAS)
VERSION_NUMBER = re.compile(r"^[1-9]\d*$")

# A layer name, or a layer ARN without a version.
LAYER_NAME = re.compile(r"^(%s:lambda:%s:%s:layer:)?[a-zA-Z0-9_-]{1,140}$" % (_PARTITION, _REGION, _ACCOUNT))
LAYER_ARN = re.compile(r"^%s$" % _LAYER_ARN)
LAYER_VERSION_ARN = re.compile(r"^(?P<layer>%s):(?P<version>[1-9]\d*)$" % _LAYER_ARN)

ROLE_ARN = re.compile(r"^%s:iam::%s:role/[\w+=,.@/-]+$" % (_PARTITION, _ACCOUNT))
ROLE_NAME = re.compile(r"^[\w+=,.@-]{1,64}$")
QUEUE_OR_TOPIC_ARN = re.compile(r"^%s:(sqs|sns):%s:%s:.+$" % (_PARTITION, _REGION, _ACCOUNT))
KMS_KEY_ARN = re.compile(r"^%s:kms:%s:%s:.+$" % (_PARTITION, _REGION, _ACCOUNT))
ANY_ARN = re.compile(r"^%s:[a-z0-9-]+:" % _PARTITION)
ACCOUNT_ID = re.compile(r"^%s$" % _ACCOUNT)
ORGANIZATION_ID = re.compile(r"^o-[a-z0-9]{10,32}$")
STATEMENT_ID = re.compile(r"^[a-zA-Z0-9_-]{1,100}$")


def function_name_problem(value, option="function_name", qualified=False):
    """Why ``value`` is not a function name or ARN AWS accepts (``qualified``: may end with :QUALIFIER); else None."""
    pattern = QUALIFIED_FUNCTION_NAME if qualified else FUNCTION_NAME
    if isinstance(value, str) and pattern.match(value):
        return None
    return ("%s: %s is not a function name or ARN. Give the name (1 to 64 letters, digits, - and _), or its ARN "
            "(arn:aws:lambda:REGION:ACCOUNT:function:NAME%s)." % (
                option, value, ", optionally ending with :VERSION or :ALIAS" if qualified else
                ", without a version or alias"))


def qualifier_problem(value, option="qualifier"):
    """Why ``value`` is not a version number, an alias name or $LATEST; else None."""
    if isinstance(value, str) and QUALIFIER.match(value):
        return None
    return ("%s: %s is neither a version number, an alias name (letters, digits, - and _, at most 128) nor $LATEST."
            % (option, value))


def alias_name_problem(value, option="name"):
    """Why ``value`` is not an alias name; else None."""
    if isinstance(value, str) and ALIAS_NAME.match(value):
        return None
    return ("%s: %s is not an alias name (1 to 128 letters, digits, - and _, and not only digits, which would read "
            "as a version)." % (option, value))


def split_qualified(value):
    """(function, qualifier) of a checked function name or ARN; the qualifier is None when it has none."""
    match = QUALIFIED_FUNCTION_NAME.match(value)
    if not match:
        return value, None
    return match.group("function"), match.group("qualifier")


def function_name_of(value):
    """The bare function name of a name, partial ARN or full ARN (qualifier dropped)."""
    function, _qualifier = split_qualified(value)
    return function.rsplit(":function:", 1)[-1]


def is_version(qualifier):
    """True for a published version number ("3"), not $LATEST nor an alias."""
    return bool(qualifier) and bool(VERSION_NUMBER.match(str(qualifier)))


def split_layer_version_arn(value):
    """(layer ARN, version number as int) of a layer version ARN; (None, None) when it is not one."""
    match = LAYER_VERSION_ARN.match(value or "")
    if not match:
        return None, None
    return match.group("layer"), int(match.group("version"))


def layer_arn_of(version_arn):
    """``arn:...:layer:NAME:3`` -> ``arn:...:layer:NAME``."""
    return version_arn.rsplit(":", 1)[0] if version_arn else None


def unqualified_function_arn(function_arn):
    """A function ARN without its version or alias."""
    head, rest = function_arn.partition(":function:")[::2]
    return "%s:function:%s" % (head, rest.split(":", 1)[0])


# Invoke's grammar: its qualifier may also be $LATEST.PUBLISHED (the newest published version).
_INVOKE_QUALIFIER = r"(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9_-]{1,128})"
INVOKE_QUALIFIER = re.compile(r"^%s$" % _INVOKE_QUALIFIER)
# A function to invoke: a name, partial or full ARN, optionally ending with :QUALIFIER (group "qualifier").
INVOKE_FUNCTION_REF = re.compile(r"^(?P<function>%s)(:(?P<qualifier>%s))?$" % (_FUNCTION, _INVOKE_QUALIFIER))

# An event source mapping's identifier (AWS chooses it when the mapping is created).
MAPPING_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# The ARN of the resource a permission is granted for (AddPermission's SourceArn): any service, region and
# account optional (an S3 bucket's ARN has neither).
SOURCE_ARN = re.compile(r"^arn:aws[a-zA-Z0-9-]*:[a-zA-Z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$")
# AddPermission's EventSourceToken (an Alexa skill ID, for example).
EVENT_SOURCE_TOKEN = re.compile(r"^[a-zA-Z0-9._-]{1,256}$")


def qualifier_form(value):
    """What a qualifier option's value (a number or text, as a ``raw`` option takes it) is: (kind, text).

    ``kind``: "latest", "version" or "alias"; "unpublished" for a version number below 1, "invalid" for
    text that is none of these, "type" for a value that is neither a number nor text. ``text``: its API
    form (stripped; "3" for 3 or "03"), None for "type". Each caller words its own message.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return "type", None
    text = str(value).strip()
    if text == LATEST:
        return "latest", text
    if text.isdigit():
        return ("version", str(int(text))) if int(text) >= 1 else ("unpublished", text)
    return ("alias" if ALIAS_NAME.match(text) else "invalid"), text


# An ARN in its parts; region and account may be empty (an S3 bucket's ARN has neither).
ARN_PARTS = re.compile(r"^%s:(?P<service>[a-z0-9-]+):(?P<region>[a-z0-9-]*):(?P<account>%s|):(?P<resource>.+)$"
                       % (_PARTITION, _ACCOUNT))
# The resource part of the ARN of each kind of resource Lambda sends invocation records to, by service.
DESTINATION_RESOURCES = {
    "sqs": re.compile(r"^[a-zA-Z0-9_-]{1,80}$"),
    "sns": re.compile(r"^[a-zA-Z0-9_-]{1,256}$"),
    "lambda": re.compile(r"^function:%s(:%s)?$" % (_FUNCTION_PART, _QUALIFIER)),
    "events": re.compile(r"^event-bus/[a-zA-Z0-9._/-]{1,256}$"),
    "s3": re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"),
}
