# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A write refused because the resource changed since it was read: the module reads again and plans again once.

Run through lambda_alias's real main(), with boto3's client answered by a Stubber.
"""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.modules import lambda_alias
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FUNCTION_ARN

KEY = {"FunctionName": "hello", "Name": "live"}
STALE = "The Revision Id provided does not match the latest Revision Id. Call the GetAlias API to retrieve the latest."


def alias(version, description, revision):
    return {"AliasArn": FUNCTION_ARN + ":live", "Name": "live", "FunctionVersion": version,
            "Description": description, "RevisionId": revision}


@pytest.fixture
def main(run_main):
    return lambda **args: run_main(lambda_alias, **args)


def test_a_change_made_in_between_is_not_overwritten(main, lambda_stub):
    """Someone moved the alias to version 2 between our read and our write: our description change is
    applied on top of it, their version stays."""
    lambda_stub.add_response("get_alias", alias("1", "old", "r1"), expected_params=KEY)
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException", STALE, 412,
                                 expected_params=dict(KEY, Description="new", RevisionId="r1"))
    lambda_stub.add_response("get_alias", alias("2", "old", "r2"), expected_params=KEY)
    lambda_stub.add_response("update_alias", alias("2", "new", "r3"),
                             expected_params=dict(KEY, Description="new", RevisionId="r2"))
    code, result = main(function_name="hello", name="live", description="new")
    assert code == 0
    assert result["changed"] is True
    assert result["function_version"] == "2" and result["description"] == "new"
    warning = result["warnings"][0]  # ansible-core 2.19+ gives a warning as a dict with its message under event.msg
    assert "UpdateAlias was refused because the resource changed after this task read it" in (
        warning if isinstance(warning, str) else warning["event"]["msg"])
    lambda_stub.assert_no_pending_responses()


def test_when_the_fresh_read_already_shows_the_wish_nothing_more_is_sent(main, lambda_stub):
    """Our own earlier try (whose answer was lost) or someone else already made the change."""
    lambda_stub.add_response("get_alias", alias("1", "old", "r1"))
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException", STALE, 412)
    lambda_stub.add_response("get_alias", alias("1", "new", "r2"))
    code, result = main(function_name="hello", name="live", description="new")
    assert code == 0 and result["changed"] is False
    lambda_stub.assert_no_pending_responses()


def test_a_second_refusal_fails_saying_nothing_was_overwritten(main, lambda_stub):
    lambda_stub.add_response("get_alias", alias("1", "old", "r1"))
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException", STALE, 412)
    lambda_stub.add_response("get_alias", alias("1", "older", "r2"))
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException", STALE, 412)
    code, result = main(function_name="hello", name="live", description="new")
    assert code == 1
    assert "changed by someone else after this task read it" in result["msg"]
    assert "nothing was overwritten" in result["msg"]
    assert "UpdateAlias failed: PreconditionFailedException" in result["msg"]
    lambda_stub.assert_no_pending_responses()


def test_a_refusal_of_a_resent_request_may_be_our_own_lost_answer_and_does_not_count(main, lambda_stub):
    """Our first UpdateAlias was applied but its answer lost; botocore's resend met our own new revision."""
    lambda_stub.add_response("get_alias", alias("1", "old", "r1"))
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException", STALE, 412,
                                 response_meta={"RetryAttempts": 1})
    lambda_stub.add_response("get_alias", alias("1", "older", "r2"))
    lambda_stub.add_client_error("update_alias", "PreconditionFailedException", STALE, 412)
    lambda_stub.add_response("get_alias", alias("1", "oldest", "r3"))
    lambda_stub.add_response("update_alias", alias("1", "new", "r4"))
    code, result = main(function_name="hello", name="live", description="new")
    assert code == 0 and result["changed"] is True and result["warnings"]  # 2.19+ shows a repeated warning once
    lambda_stub.assert_no_pending_responses()
