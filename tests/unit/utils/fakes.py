# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Small stand-ins shared by the unit tests: a module object and real (stubbed) boto3 clients."""

import contextlib
import json

import boto3
from botocore.awsrequest import AWSResponse

FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:hello"
ROLE_ARN = "arn:aws:iam::123456789012:role/hello-lambda"


class ModuleFailed(Exception):
    """What FakeModule.fail_json raises: the keyword arguments the task would have failed with."""

    def __init__(self, kwargs):
        super().__init__(kwargs.get("msg"))
        self.kwargs = kwargs

    @property
    def msg(self):
        return self.kwargs.get("msg", "")


class FakeModule:
    """The few AnsibleModule attributes the collection's helpers use."""

    def __init__(self, check_mode=False, diff=False, **params):
        self.params = dict(name="hello", wait=True, wait_timeout=5, publish=False)
        self.params.update(params)
        self.check_mode = check_mode
        self._diff = diff
        self.warnings = []

    def fail_json(self, **kwargs):
        raise ModuleFailed(kwargs)

    def warn(self, warning):
        self.warnings.append(warning)


def aws_client(service):
    """A real boto3 client that never reaches AWS as long as a Stubber (or a before-call hook) answers."""
    return boto3.client(service, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")


def function_configuration(**fields):
    """A FunctionConfiguration as GetFunction / UpdateFunctionConfiguration answer it."""
    configuration = dict(
        FunctionName="hello", FunctionArn=FUNCTION_ARN, Runtime="python3.12", Role=ROLE_ARN,
        Handler="app.handler", CodeSize=300, Description="", Timeout=3, MemorySize=128,
        CodeSha256="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", Version="$LATEST",
        TracingConfig={"Mode": "PassThrough"}, RevisionId="r1", State="Active",
        LastUpdateStatus="Successful", PackageType="Zip", Architectures=["x86_64"],
        EphemeralStorage={"Size": 512},
    )
    configuration.update(fields)
    return configuration


def reply(status, parsed):
    """What a ``before-call`` event handler returns to answer a request in AWS's place."""
    return AWSResponse("https://aws.invalid", status, {}, None), parsed


def error_reply(status, code, message):
    return reply(status, {"Error": {"Code": code, "Message": message}, "ResponseMetadata": {"HTTPStatusCode": status}})


def count_calls(client):
    """The operation names ``client`` sends, in order (the list fills as the test runs)."""
    sent = []
    client.meta.events.register("before-parameter-build.lambda", lambda model, **kwargs: sent.append(model.name))
    return sent


@contextlib.contextmanager
def module_args(args):
    """The task's arguments for AnsibleModule: patch_module_args on ansible-core 2.19+, else the old global."""
    try:
        from ansible.module_utils.testing import patch_module_args
    except ImportError:  # ansible-core before 2.19
        from ansible.module_utils import basic

        saved = basic._ANSIBLE_ARGS
        basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode()
        try:
            yield
        finally:
            basic._ANSIBLE_ARGS = saved
    else:
        with patch_module_args(args):
            yield
