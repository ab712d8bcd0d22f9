# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import time

import pytest
from ansible.module_utils.common import warnings as ansible_warnings
from botocore.stub import Stubber

from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import aws_client


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
