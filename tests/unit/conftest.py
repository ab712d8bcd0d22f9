# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import json
import time

import boto3
import pytest
from ansible.module_utils.common import warnings as ansible_warnings
from botocore.stub import Stubber

from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import aws_client, module_args


@pytest.fixture(autouse=True)
def sleeps(monkeypatch):
    """time.sleep made instant for every test (botocore's waiters wait 1 s or more between polls).

    Returns the list of the delays that were asked for.
    """
    asked = []
    monkeypatch.setattr(time, "sleep", asked.append)
    return asked


@pytest.fixture(autouse=True)
def no_warnings_left_over():
    """AnsibleModule.warn() keeps warnings in a process-wide list: start every test with none."""
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access


def _stubbed(service):
    stubber = Stubber(aws_client(service))
    stubber.activate()
    yield stubber
    stubber.deactivate()
    # Every answer queued by the test was asked for: the requests it expects were all sent.
    stubber.assert_no_pending_responses()


@pytest.fixture
def lambda_stub():
    """A Stubber on a real Lambda client (``lambda_stub.client``); unsent expected requests fail the test."""
    yield from _stubbed("lambda")


@pytest.fixture
def s3_stub():
    yield from _stubbed("s3")


@pytest.fixture
def iam_stub():
    yield from _stubbed("iam")


@pytest.fixture
def sts_stub():
    yield from _stubbed("sts")


@pytest.fixture
def run_main(lambda_stub, monkeypatch, capsys):
    """Runs a module's real main() with the given task arguments; every boto3 client is the stubbed one.

    ``run_main(module, **args)`` returns (exit code, the JSON the module printed).
    """
    monkeypatch.setattr(boto3.session.Session, "client", lambda self, *args, **kwargs: lambda_stub.client)

    def run(module, **args):
        args = dict(dict(access_key="stub-access-key", secret_key="stub-secret-key", region="us-east-1"), **args)
        with module_args(args):
            with pytest.raises(SystemExit) as exited:
                module.main()
        return exited.value.code, json.loads(capsys.readouterr().out)

    return run
