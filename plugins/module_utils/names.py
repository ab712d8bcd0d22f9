# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What AWS accepts as a function name and a qualifier, checked before any request.

Lambda takes a function as a name (``hello``), a partial ARN (``123456789012:function:hello``)
or a full ARN (``arn:aws:lambda:us-east-1:123456789012:function:hello``); some operations
also take a qualifier (``:3``, ``:live``, ``:$LATEST``) at the end of it.
"""

import re

_FUNCTION = r"((arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:)?\d{12}:function:)?[a-zA-Z0-9_-]{1,64}"
_QUALIFIER = r"(\$LATEST|[a-zA-Z0-9_-]{1,128})"

FUNCTION_NAME = re.compile(r"^%s$" % _FUNCTION)
QUALIFIED_FUNCTION_NAME = re.compile(r"^(?P<function>%s)(:(?P<qualifier>%s))?$" % (_FUNCTION, _QUALIFIER))
QUALIFIER = re.compile(r"^%s$" % _QUALIFIER)


def function_name_problem(value, option="function_name", qualified=False):
    """Why ``value`` is not a function name or ARN AWS accepts (``qualified``: may end with :QUALIFIER); else None."""
    pattern = QUALIFIED_FUNCTION_NAME if qualified else FUNCTION_NAME
    if pattern.match(value):
        return None
    return ("%s: %s is not a function name or ARN. Give the name (1 to 64 letters, digits, - and _), or its ARN "
            "(arn:aws:lambda:REGION:ACCOUNT:function:NAME%s)." % (
                option, value, ", optionally ending with :VERSION or :ALIAS" if qualified else
                ", without a version or alias"))


def qualifier_problem(value, option="qualifier"):
    """Why ``value`` is not a version number, an alias name or $LATEST; else None."""
    if QUALIFIER.match(value):
        return None
    return ("%s: %s is neither a version number, an alias name (letters, digits, - and _, at most 128) nor $LATEST."
            % (option, value))


def split_qualified(value):
    """(function, qualifier) of a checked function name or ARN; the qualifier is None when it has none."""
    match = QUALIFIED_FUNCTION_NAME.match(value)
    if not match:
        return value, None
    return match.group("function"), match.group("qualifier")
