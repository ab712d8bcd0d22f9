# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.names import (
    function_name_problem,
    qualifier_problem,
    split_qualified,
)

ARN = "arn:aws:lambda:us-east-1:123456789012:function:hello"


@pytest.mark.parametrize("value", ["hello", "my_function-2", "a" * 64, "123456789012:function:hello", ARN,
                                   "arn:aws-cn:lambda:cn-north-1:123456789012:function:hello"])
def test_function_names_aws_accepts(value):
    assert function_name_problem(value) is None


@pytest.mark.parametrize("value", ["", "my.function", "hello world", "a" * 65, ARN + ":3", "hello:live",
                                   "arn:aws:lambda:us-east-1:1234:function:hello", "arn:aws:s3:::bucket"])
def test_function_names_aws_refuses_name_the_option(value):
    problem = function_name_problem(value, "name")
    assert problem.startswith("name: %s is not a function name or ARN" % value)
    assert "without a version or alias" in problem


@pytest.mark.parametrize("value, split", [
    ("hello", ("hello", None)),
    ("hello:3", ("hello", "3")),
    ("hello:$LATEST", ("hello", "$LATEST")),
    (ARN + ":live", (ARN, "live")),
    ("123456789012:function:hello:7", ("123456789012:function:hello", "7")),
])
def test_qualified_names_split_into_function_and_qualifier(value, split):
    assert function_name_problem(value, qualified=True) is None
    assert split_qualified(value) == split


def test_qualified_name_problem_says_a_qualifier_may_end_it():
    assert "optionally ending with :VERSION or :ALIAS" in function_name_problem("a:b:c", qualified=True)


@pytest.mark.parametrize("value, problem", [("3", False), ("live", False), ("$LATEST", False), ("", True),
                                            ("a.b", True), ("x" * 129, True)])
def test_qualifiers(value, problem):
    assert bool(qualifier_problem(value, "version")) is problem
