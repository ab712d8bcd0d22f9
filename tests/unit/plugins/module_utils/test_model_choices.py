# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Choices that argument specs write out (their documentation must list them) are botocore's service model's."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_enum
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import (
    function,
    invocation,
    layer_info,
)


@pytest.mark.parametrize("spec, option, shape", [
    (function.ARGUMENT_SPEC, "architecture", "Architecture"),
    (function.ARGUMENT_SPEC, "package_type", "PackageType"),
    (function.ARGUMENT_SPEC, "tracing_mode", "TracingMode"),
    (layer_info.ARGUMENT_SPEC, "compatible_architecture", "Architecture"),
    (invocation.ARGUMENT_SPEC, "invocation_type", "InvocationType"),
    (invocation.ARGUMENT_SPEC, "log_type", "LogType"),
])
def test_written_out_choices_are_the_models(spec, option, shape):
    assert model_enum(shape), shape
    assert sorted(spec[option]["choices"]) == sorted(model_enum(shape))


@pytest.mark.parametrize("suboption, shape", [
    ("log_format", "LogFormat"), ("application_log_level", "ApplicationLogLevel"), ("system_log_level", "SystemLogLevel"),
])
def test_logging_choices_are_the_models(suboption, shape):
    choices = function.ARGUMENT_SPEC["logging_config"]["options"][suboption]["choices"]
    assert sorted(choices) == sorted(model_enum(shape))
