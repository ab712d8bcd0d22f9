# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_function_scaling_config against botocore's Stubber: neither moto nor LocalStack implements
Put/GetFunctionScalingConfig, so the requests are checked against botocore's service model."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.function_scaling_config import (
    FunctionScalingConfig,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_function_scaling_config as module_under_test

VERSION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders:3"
KEY = {"FunctionName": "orders", "Qualifier": "3"}


def params(**options):
    values = dict((name, spec.get("default")) for name, spec in module_under_test.ARGUMENT_SPEC.items())
    values.update(function_name="orders", qualifier=3)
    values.update(options)
    return values


def got(stub, requested=None, applied=None, key=None):
    answer = {"FunctionArn": VERSION_ARN}
    if requested is not None:
        answer["RequestedFunctionScalingConfig"] = requested
    if applied is not None:
        answer["AppliedFunctionScalingConfig"] = applied
    stub.add_response("get_function_scaling_config", answer, key or KEY)


def run(stub, check_mode=False, **options):
    task = Task(params(**options), check_mode=check_mode, diff=True)
    assert FunctionScalingConfig.validate(task.params) == []
    return FunctionScalingConfig.run(task, LambdaClient(task, client=stub.client))


@pytest.mark.parametrize("options, start", [
    ({"qualifier": "live"}, "qualifier: live is not a published version"),
    ({"qualifier": "$LATEST"}, "qualifier: $LATEST is not a published version"),
    ({"qualifier": True}, "qualifier: True is not a version number"),
    ({"function_name": "orders:3"}, "function_name: orders:3 is not a function name or ARN"),
    ({"min_execution_environments": -1, "max_execution_environments": 3},
     "min_execution_environments must be between 0 and 15000, not -1."),
    ({"max_execution_environments": 15001}, "max_execution_environments must be between 0 and 15000, not 15001."),
    ({"min_execution_environments": 5, "max_execution_environments": 2},
     "min_execution_environments: 5 is more than max_execution_environments 2."),
    ({"min_execution_environments": None, "max_execution_environments": None},
     "min_execution_environments or max_execution_environments: give at least one"),
])
def test_validate_names_the_wrong_option(options, start):
    values = dict(dict(min_execution_environments=1), **options)
    errors = FunctionScalingConfig.validate(params(**values))
    assert len(errors) == 1, errors
    assert errors[0].startswith(start), errors[0]


@pytest.mark.parametrize("qualifier, sent", [(3, "3"), ("03", "3"), ("$LATEST.PUBLISHED", "$LATEST.PUBLISHED")])
def test_the_qualifier_as_aws_takes_it(lambda_stub, qualifier, sent):
    got(lambda_stub, {"MinExecutionEnvironments": 1}, key={"FunctionName": "orders", "Qualifier": sent})
    result = run(lambda_stub, qualifier=qualifier, min_execution_environments=1)
    assert not result["changed"] and result["qualifier"] == sent


def test_put_sends_the_whole_configuration_with_what_aws_has(lambda_stub):
    got(lambda_stub, {"MinExecutionEnvironments": 3, "MaxExecutionEnvironments": 3},
        {"MinExecutionEnvironments": 3, "MaxExecutionEnvironments": 3})
    lambda_stub.add_response("put_function_scaling_config", {"FunctionState": "Active"}, dict(
        KEY, FunctionScalingConfig={"MinExecutionEnvironments": 3, "MaxExecutionEnvironments": 20}))
    result = run(lambda_stub, max_execution_environments=20)
    assert result["changed"] and result["function_state"] == "Active"
    assert result["requested_function_scaling_config"] == {"min_execution_environments": 3,
                                                           "max_execution_environments": 20}
    assert result["applied_function_scaling_config"] == {"min_execution_environments": 3, "max_execution_environments": 3}
    assert result["diff"] == {"before": {"max_execution_environments": 3}, "after": {"max_execution_environments": 20}}


def test_a_first_configuration_sends_only_what_is_given(lambda_stub):
    got(lambda_stub)
    lambda_stub.add_response("put_function_scaling_config", {"FunctionState": "Pending"}, dict(
        KEY, FunctionScalingConfig={"MinExecutionEnvironments": 2}))
    result = run(lambda_stub, min_execution_environments=2)
    assert result["changed"]
    assert result["requested_function_scaling_config"] == {"min_execution_environments": 2,
                                                           "max_execution_environments": None}


def test_second_identical_run_is_one_read(lambda_stub):
    got(lambda_stub, {"MinExecutionEnvironments": 2, "MaxExecutionEnvironments": 20})
    result = run(lambda_stub, min_execution_environments=2, max_execution_environments=20)
    assert not result["changed"] and result["diff"] == {"before": {}, "after": {}}
    assert result["function_arn"] == VERSION_ARN and "function_state" not in result


def test_check_mode_predicts_and_sends_nothing(lambda_stub):
    got(lambda_stub, {"MinExecutionEnvironments": 2, "MaxExecutionEnvironments": 20},
        {"MinExecutionEnvironments": 2, "MaxExecutionEnvironments": 20})
    result = run(lambda_stub, check_mode=True, min_execution_environments=5)
    assert result["changed"]
    assert result["requested_function_scaling_config"] == {"min_execution_environments": 5,
                                                           "max_execution_environments": 20}
    assert result["applied_function_scaling_config"]["min_execution_environments"] == 2


def test_a_minimum_above_the_maximum_aws_has_is_refused_before_the_put(lambda_stub):
    got(lambda_stub, {"MinExecutionEnvironments": 2, "MaxExecutionEnvironments": 20})
    task = Task(params(min_execution_environments=30), diff=True)
    with pytest.raises(LambdaError) as failed:
        FunctionScalingConfig.run(task, LambdaClient(task, client=lambda_stub.client))
    assert failed.value.msg.startswith("min_execution_environments: 30 would be more than max_execution_environments 20")


def test_a_version_that_does_not_exist_fails_naming_it(lambda_stub):
    lambda_stub.add_client_error("get_function_scaling_config", "ResourceNotFoundException", "not found", 404,
                                 expected_params=KEY)
    task = Task(params(min_execution_environments=1), diff=True)
    with pytest.raises(LambdaError) as failed:
        FunctionScalingConfig.run(task, LambdaClient(task, client=lambda_stub.client))
    assert failed.value.msg.startswith("qualifier: the function orders has no version 3 (or does not exist).")


def test_the_module_fails_before_any_request_on_bad_input(run_main):
    code, result = run_main(module_under_test, function_name="orders", qualifier="live", min_execution_environments=1)
    assert code == 1 and result["msg"].startswith("qualifier: live is not a published version")
