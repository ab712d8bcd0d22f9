# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_function's mask_environment_values, and that credentials never reach the task's output.

The function is converged through the module's own ``run()`` (and ``main()`` end to end) against a
Stubber, which checks that the requests still carry the real values while the result shows masks.
"""

import json

import boto3
import pytest
from ansible.module_utils import basic
from ansible.module_utils.common import parameters

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import LambdaClient
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import package_path
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources import function as lambda_function
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.runner import Task
from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_function as lambda_function_module
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import (
    ROLE_ARN,
    function_configuration,
    module_args,
)

HELLO = {"FunctionName": "hello"}
SECRET = "s3cr3t-Value-0123456789"  # an environment value that must never show when masked
NEW_SECRET = "n3w-s3cr3t-Value-0123456789"
HIDDEN = lambda_function.ENVIRONMENT_VALUE_MASK
CHANGED = lambda_function.CHANGED_ENVIRONMENT_VALUE_MASK
SECRET_KEY = "SECRETcloudfnUnit0123456789"
SESSION_TOKEN = "TOKENcloudfnUnit0123456789"


def params(**options):
    """The module's parameters as AnsibleModule hands them over: every option present, None unless given."""
    values = dict((name, spec.get("default")) for name, spec in lambda_function.ARGUMENT_SPEC.items())
    values.update(name="hello", wait=False)
    values.update(options)
    return values


def get_function(variables=None, **configuration):
    """A GetFunction answer; ``variables``: the function's environment variables."""
    if variables is not None:
        configuration["Environment"] = {"Variables": variables}
    return {"Configuration": function_configuration(**configuration),
            "Code": {"RepositoryType": "S3", "Location": "https://awslambda-us-east-1-tasks.s3.amazonaws.com/x"}}


def run(stub, check_mode=False, diff=True, **options):
    """The module's run() (what main() returns as the task's result) against the stubbed client."""
    task = Task(params(**options), check_mode=check_mode, diff=diff)
    return lambda_function.Function.run(task, LambdaClient(task, client=stub.client))


def not_found(stub):
    stub.add_client_error("get_function", "ResourceNotFoundException", "Function not found: hello", 404,
                          expected_params=HELLO)


@pytest.fixture
def src(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_bytes(b"def handler(event, context):\n    return event\n")
    return str(tmp_path / "src")


def create_options(src):
    return dict(src=src, runtime="python3.12", handler="app.handler", role=ROLE_ARN)


def variables_of(section):
    return section["environment"]["variables"]


# ------------------------------------------------------------------ create

def test_create_sends_the_values_and_returns_masks(lambda_stub, src):
    package = package_path(src, "src")
    not_found(lambda_stub)
    lambda_stub.add_response("create_function", function_configuration(
        CodeSha256=package.sha256, Environment={"Variables": {"API_TOKEN": SECRET, "STAGE": "prod"}}),
        expected_params=dict(HELLO, Code={"ZipFile": package.data}, PackageType="Zip", Publish=False, Role=ROLE_ARN,
                             Runtime="python3.12", Handler="app.handler",
                             Environment={"Variables": {"API_TOKEN": SECRET, "STAGE": "prod"}}))
    result = run(lambda_stub, environment_variables={"API_TOKEN": SECRET, "STAGE": "prod"},
                 mask_environment_values=True, **create_options(src))
    assert result["changed"]
    assert variables_of(result["configuration"]) == {"API_TOKEN": HIDDEN, "STAGE": HIDDEN}
    assert result["diff"]["before"] == {}
    assert variables_of(result["diff"]["after"]) == {"API_TOKEN": HIDDEN, "STAGE": HIDDEN}
    assert SECRET not in json.dumps(result) and "prod" not in json.dumps(result)


def test_create_in_check_mode_predicts_masks_and_sends_nothing(lambda_stub, src):
    not_found(lambda_stub)
    result = run(lambda_stub, check_mode=True, environment_variables={"API_TOKEN": SECRET},
                 mask_environment_values=True, **create_options(src))
    assert result["changed"]
    assert variables_of(result["configuration"]) == {"API_TOKEN": HIDDEN}
    assert variables_of(result["diff"]["after"]) == {"API_TOKEN": HIDDEN}
    assert SECRET not in json.dumps(result)


# ------------------------------------------------------------------ update

@pytest.mark.parametrize("check_mode", [False, True])
def test_a_changed_value_is_sent_and_the_diff_says_which_variable_changed(lambda_stub, check_mode):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET, "STAGE": "prod"}),
                             expected_params=HELLO)
    if not check_mode:
        lambda_stub.add_response("update_function_configuration", function_configuration(
            Environment={"Variables": {"API_TOKEN": NEW_SECRET, "STAGE": "prod"}}),
            expected_params=dict(HELLO, RevisionId="r1",
                                 Environment={"Variables": {"API_TOKEN": NEW_SECRET, "STAGE": "prod"}}))
    result = run(lambda_stub, check_mode=check_mode, mask_environment_values=True,
                 environment_variables={"API_TOKEN": NEW_SECRET, "STAGE": "prod"})
    assert result["changed"]
    assert result["diff"] == {"before": {"environment": {"variables": {"API_TOKEN": HIDDEN, "STAGE": HIDDEN}}},
                              "after": {"environment": {"variables": {"API_TOKEN": CHANGED, "STAGE": HIDDEN}}}}
    assert variables_of(result["configuration"]) == {"API_TOKEN": HIDDEN, "STAGE": HIDDEN}
    text = json.dumps(result)
    assert SECRET not in text and NEW_SECRET not in text and "prod" not in text


def test_added_and_removed_variables_show_in_the_diff_by_name(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"OLD": SECRET, "KEPT": "same"}), expected_params=HELLO)
    result = run(lambda_stub, check_mode=True, mask_environment_values=True,
                 environment_variables={"KEPT": "same", "NEW": NEW_SECRET})
    assert result["diff"] == {"before": {"environment": {"variables": {"OLD": HIDDEN, "KEPT": HIDDEN}}},
                              "after": {"environment": {"variables": {"KEPT": HIDDEN, "NEW": HIDDEN}}}}


def test_removing_every_variable_shows_an_empty_after(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    result = run(lambda_stub, check_mode=True, mask_environment_values=True, environment_variables={})
    assert result["diff"] == {"before": {"environment": {"variables": {"API_TOKEN": HIDDEN}}},
                              "after": {"environment": {"variables": {}}}}


@pytest.mark.parametrize("check_mode", [False, True])
def test_same_values_mean_no_change_with_one_read(lambda_stub, check_mode):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    result = run(lambda_stub, check_mode=check_mode, mask_environment_values=True,
                 environment_variables={"API_TOKEN": SECRET})
    assert not result["changed"]
    assert result["diff"] == {"before": {}, "after": {}}
    assert variables_of(result["configuration"]) == {"API_TOKEN": HIDDEN}


def test_an_unmanaged_environment_is_masked_in_the_configuration_too(lambda_stub):
    """A task that does not mention environment_variables still returns the function's values: masked too."""
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    result = run(lambda_stub, mask_environment_values=True, memory_size=128)
    assert variables_of(result["configuration"]) == {"API_TOKEN": HIDDEN}
    assert "invocation" not in result  # no values among the arguments: ansible-core's own copy is right


def test_delete_masks_the_diff_before(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    # What deleting takes with it and leaves behind, read for the warning and the diff.
    lambda_stub.add_response("list_event_source_mappings", {"EventSourceMappings": []}, expected_params={})
    lambda_stub.add_response("list_aliases", {"Aliases": []}, expected_params=HELLO)
    lambda_stub.add_client_error("get_policy", "ResourceNotFoundException", "No policy", 404, expected_params=HELLO)
    lambda_stub.add_response("list_versions_by_function", {"Versions": []}, expected_params=HELLO)
    lambda_stub.add_response("delete_function", {}, expected_params=HELLO)
    result = run(lambda_stub, state="absent", mask_environment_values=True)
    assert result["changed"]
    assert variables_of(result["diff"]["before"]) == {"API_TOKEN": HIDDEN}
    assert SECRET not in json.dumps(result)


def test_without_diff_mode_there_is_no_diff_to_mask(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    result = run(lambda_stub, diff=False, check_mode=True, mask_environment_values=True,
                 environment_variables={"API_TOKEN": NEW_SECRET})
    assert result["changed"] and "diff" not in result
    assert variables_of(result["configuration"]) == {"API_TOKEN": HIDDEN}


# ------------------------------------------------------------------ without the option (the default)

def test_without_the_option_the_values_are_returned_as_aws_answers_them(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    result = run(lambda_stub, check_mode=True, environment_variables={"API_TOKEN": NEW_SECRET})
    assert variables_of(result["configuration"]) == {"API_TOKEN": NEW_SECRET}
    assert result["diff"] == {"before": {"environment": {"variables": {"API_TOKEN": SECRET}}},
                              "after": {"environment": {"variables": {"API_TOKEN": NEW_SECRET}}}}
    assert "invocation" not in result


# ------------------------------------------------------------------ the task's arguments

def test_the_arguments_returned_show_masks_and_keep_every_other_option(lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET, "N": "3"}), expected_params=HELLO)
    result = run(lambda_stub, mask_environment_values=True, environment_variables={"API_TOKEN": SECRET, "N": 3},
                 memory_size=128)
    arguments = result["invocation"]["module_args"]
    assert arguments["environment_variables"] == {"API_TOKEN": HIDDEN, "N": HIDDEN}
    assert arguments == dict(params(mask_environment_values=True, memory_size=128),
                             environment_variables={"API_TOKEN": HIDDEN, "N": HIDDEN})


def test_masking_leaves_the_values_to_send_alone():
    """A second pass of run() (the re-plan after a stale revision) must still send the real values."""
    options = params(mask_environment_values=True, environment_variables={"API_TOKEN": SECRET})
    result = {"configuration": {"environment": {"variables": {"API_TOKEN": SECRET}}}}
    lambda_function.mask_environment_values(result, options)
    assert options["environment_variables"] == {"API_TOKEN": SECRET}
    assert lambda_function.desired_function(options)["Environment"] == {"Variables": {"API_TOKEN": SECRET}}


# ------------------------------------------------------------------ main(), end to end

INJECTS_INVOCATION_ON_REQUEST = "inject_invocation" in parameters.PASS_VARS  # ansible-core 2.21+


@pytest.fixture
def main_runner(lambda_stub, monkeypatch, capsys):
    """main() with the given task arguments (diff mode, the arguments returned as ``invocation``) and the
    credentials given as options; every boto3 client is the stubbed one. Returns the module's printed output."""
    monkeypatch.setattr(boto3.session.Session, "client", lambda self, *args, **kwargs: lambda_stub.client)

    def main(**args):
        args = dict(dict(access_key="AKIDcloudfnUnit", secret_key=SECRET_KEY, session_token=SESSION_TOKEN,
                         region="us-east-1", name="hello", wait=False, _ansible_diff=True), **args)
        if INJECTS_INVOCATION_ON_REQUEST:
            args["_ansible_inject_invocation"] = True
        with module_args(args):
            with pytest.raises(SystemExit):
                lambda_function_module.main()
        return capsys.readouterr().out

    return main


def test_main_returns_masks_and_no_credentials(main_runner, lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    lambda_stub.add_response("update_function_configuration", function_configuration(
        Environment={"Variables": {"API_TOKEN": NEW_SECRET}}),
        expected_params=dict(HELLO, RevisionId="r1", Environment={"Variables": {"API_TOKEN": NEW_SECRET}}))
    output = main_runner(mask_environment_values=True, environment_variables={"API_TOKEN": NEW_SECRET})
    result = json.loads(output)
    assert result["changed"]
    assert result["diff"]["after"] == {"environment": {"variables": {"API_TOKEN": CHANGED}}}
    arguments = result["invocation"]["module_args"]
    assert arguments["environment_variables"] == {"API_TOKEN": HIDDEN}
    assert arguments["secret_key"] == arguments["session_token"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    for hidden in (SECRET, NEW_SECRET, SECRET_KEY, SESSION_TOKEN):
        assert hidden not in output
    assert "********" not in output  # nothing of ours carried a credential that ansible-core had to blank out


def test_main_without_the_option_returns_the_values_but_no_credentials(main_runner, lambda_stub):
    lambda_stub.add_response("get_function", get_function({"API_TOKEN": SECRET}), expected_params=HELLO)
    output = main_runner(environment_variables={"API_TOKEN": SECRET})
    result = json.loads(output)
    assert not result["changed"]
    assert variables_of(result["configuration"]) == {"API_TOKEN": SECRET}
    assert result["invocation"]["module_args"]["environment_variables"] == {"API_TOKEN": SECRET}
    assert SECRET_KEY not in output and SESSION_TOKEN not in output and "********" not in output


def test_main_failing_at_aws_returns_no_credentials(main_runner, lambda_stub):
    lambda_stub.add_client_error("get_function", "AccessDeniedException", "User is not authorized to perform: "
                                 "lambda:GetFunction", 403, expected_params=HELLO)
    output = main_runner(memory_size=256)
    result = json.loads(output)
    assert result["failed"] and result["msg"].startswith("GetFunction failed: AccessDeniedException")
    assert SECRET_KEY not in output and SESSION_TOKEN not in output and "********" not in output


# ------------------------------------------------------------------ the module's own log (syslog / journal)

@pytest.fixture
def logged(monkeypatch):
    """What AnsibleModule writes to the syslog or journal of the host that runs the module."""
    messages = []
    monkeypatch.setattr(basic.AnsibleModule, "log", lambda self, msg, log_args=None: messages.append(msg))
    return messages


def run_refused(args, capsys):
    """main() with arguments refused before any request (memory_size out of range); the printed result."""
    args = dict(dict(name="hello", region="us-east-1", access_key="AKIDcloudfnUnit", secret_key=SECRET_KEY,
                     session_token=SESSION_TOKEN, memory_size=64), **args)
    with module_args(args):
        with pytest.raises(SystemExit):
            lambda_function_module.main()
    return json.loads(capsys.readouterr().out)


def test_the_logged_invocation_never_holds_the_credentials(logged, capsys):
    result = run_refused({"environment_variables": {"API_TOKEN": SECRET}, "mask_environment_values": True}, capsys)
    assert result["failed"] and result["msg"].startswith("memory_size")
    assert len(logged) == 1 and logged[0].startswith("Invoked with ")
    assert "secret_key=NOT_LOGGING_PARAMETER" in logged[0] and "session_token=NOT_LOGGING_PARAMETER" in logged[0]
    assert SECRET_KEY not in logged[0] and SESSION_TOKEN not in logged[0]
    # The module logs its arguments before it reads them: environment values are logged as given, masked or not
    # (docs/secrets.md: no_log on the task, or no_target_syslog, turns that log off).
    assert SECRET in logged[0]


def test_no_log_on_the_task_logs_nothing(logged, capsys):
    run_refused({"environment_variables": {"API_TOKEN": SECRET}, "_ansible_no_log": True}, capsys)
    assert logged == []
