# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import copy

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.reconcile import (
    changed_fields,
    differs,
    ensure,
    merged,
    snake_dict,
    tag_changes,
    to_snake,
    without_none,
)
from ansible_collections.cloudfn.aws_lambda.tests.unit.utils.fakes import FakeModule


@pytest.mark.parametrize("name, snake", [
    ("KMSKeyArn", "kms_key_arn"),
    ("CodeSha256", "code_sha256"),
    ("SubnetIds", "subnet_ids"),
    ("UUID", "uuid"),
    ("S3Bucket", "s3_bucket"),
    ("FunctionArn", "function_arn"),
    ("LastUpdateStatusReasonCode", "last_update_status_reason_code"),
    ("ImageConfigResponse", "image_config_response"),
    ("Ipv6AllowedForDualStack", "ipv6_allowed_for_dual_stack"),
    ("memory_size", "memory_size"),
])
def test_to_snake(name, snake):
    assert to_snake(name) == snake


def test_snake_dict_renames_aws_keys_but_not_user_chosen_ones():
    answer = {
        "FunctionName": "hello",
        "Environment": {"Variables": {"LOG_LEVEL": "debug", "MyCamelKey": "x"}},
        "Tags": {"CostCenter": "42", "team": "platform"},
        "VpcConfig": {"SubnetIds": ["subnet-a"], "VpcId": "vpc-1"},
        "Layers": [{"Arn": "arn:layer", "CodeSize": 10}],
    }
    assert snake_dict(answer) == {
        "function_name": "hello",
        "environment": {"variables": {"LOG_LEVEL": "debug", "MyCamelKey": "x"}},
        "tags": {"CostCenter": "42", "team": "platform"},
        "vpc_config": {"subnet_ids": ["subnet-a"], "vpc_id": "vpc-1"},
        "layers": [{"arn": "arn:layer", "code_size": 10}],
    }


def test_snake_dict_leaves_its_input_alone():
    answer = {"Tags": {"A": "1"}, "MemorySize": 128}
    snake_dict(answer)
    assert answer == {"Tags": {"A": "1"}, "MemorySize": 128}


@pytest.mark.parametrize("desired, current, expected", [
    pytest.param(None, {"MemorySize": 128}, False, id="none-is-not-managed"),
    pytest.param({"MemorySize": 128, "Timeout": None}, {"MemorySize": 128, "Timeout": 30}, False, id="none-field-ignored"),
    pytest.param({"MemorySize": 128}, {"MemorySize": 128, "Timeout": 3}, False, id="unmentioned-field-ignored"),
    pytest.param({"MemorySize": 256}, {"MemorySize": 128}, True, id="scalar-differs"),
    pytest.param({"Description": ""}, {"Description": "old"}, True, id="empty-string-is-managed"),
    pytest.param({"Description": ""}, {"Description": ""}, False, id="empty-string-same"),
    pytest.param({"LoggingConfig": {"LogFormat": "JSON", "LogGroup": None}},
                 {"LoggingConfig": {"LogFormat": "JSON", "LogGroup": "/aws/lambda/hello"}}, False, id="nested-partial"),
    pytest.param({"LoggingConfig": {"LogFormat": "Text"}},
                 {"LoggingConfig": {"LogFormat": "JSON"}}, True, id="nested-differs"),
    pytest.param({"LoggingConfig": {"LogFormat": "JSON"}}, {}, True, id="nested-missing"),
    pytest.param({"Environment": {"Variables": {"A": "1"}}},
                 {"Environment": {"Variables": {"A": "1", "B": "2"}}}, True, id="variables-exact-extra-key"),
    pytest.param({"Environment": {"Variables": {}}},
                 {"Environment": {"Variables": {"A": "1"}}}, True, id="variables-emptied"),
    pytest.param({"Environment": {"Variables": {"A": "1"}}},
                 {"Environment": {"Variables": {"A": "1"}}}, False, id="variables-same"),
    pytest.param({"Tags": {"a": "1"}}, {"Tags": {"a": "1", "b": "2"}}, True, id="tags-exact"),
    pytest.param({"Tags": {}}, {"Tags": {}}, False, id="tags-both-empty"),
    pytest.param({"Layers": ["x"]}, {"Layers": ["x", "y"]}, True, id="list-shorter"),
    pytest.param({"Layers": ["a", "b"]}, {"Layers": ["b", "a"]}, True, id="list-order-matters"),
    pytest.param({"Layers": []}, {"Layers": []}, False, id="list-both-empty"),
    pytest.param({"Layers": []}, {"Layers": ["x"]}, True, id="list-emptied"),
])
def test_differs(desired, current, expected):
    assert differs(desired, current) is expected


def test_changed_fields_holds_only_what_differs_with_the_desired_values():
    current = {"MemorySize": 128, "Timeout": 3, "Description": "", "Environment": {"Variables": {"A": "1"}},
               "LoggingConfig": {"LogFormat": "Text", "LogGroup": "/aws/lambda/hello"}}
    desired = {"MemorySize": 256, "Timeout": None, "Description": "", "Environment": {"Variables": {"A": "1"}},
               "LoggingConfig": {"LogFormat": "JSON", "LogGroup": None}}
    changed = changed_fields(desired, current)
    assert sorted(changed) == ["LoggingConfig", "MemorySize"]
    assert changed["MemorySize"] == 256
    assert changed["LoggingConfig"]["LogFormat"] == "JSON"


def test_without_none_drops_unmanaged_fields_at_every_level():
    assert without_none({"A": None, "B": {"C": None, "D": ""}, "E": [], "F": 0}) == {"B": {"D": ""}, "E": [], "F": 0}


def test_merged_predicts_the_resource_after_a_change():
    current = {"MemorySize": 128, "Timeout": 3,
               "LoggingConfig": {"LogFormat": "Text", "LogGroup": "/aws/lambda/hello"},
               "Tags": {"a": "1"}, "Environment": {"Variables": {"A": "1"}}}
    original = copy.deepcopy(current)
    changes = {"MemorySize": 256, "LoggingConfig": {"LogFormat": "JSON", "LogGroup": None},
               "Tags": {"b": "2"}, "Environment": {"Variables": {"B": "2"}}}
    assert merged(current, changes) == {
        "MemorySize": 256, "Timeout": 3,
        "LoggingConfig": {"LogFormat": "JSON", "LogGroup": "/aws/lambda/hello"},
        "Tags": {"b": "2"},
        "Environment": {"Variables": {"B": "2"}},
    }
    assert current == original


@pytest.mark.parametrize("current, desired, to_set, to_remove", [
    ({"a": "1"}, {"a": "1"}, {}, []),
    ({}, {"a": "1"}, {"a": "1"}, []),
    ({"a": "1", "b": "2"}, {"a": "1", "c": "3"}, {"c": "3"}, ["b"]),
    ({"a": "1"}, {"a": "2"}, {"a": "2"}, []),
    ({"b": "2", "a": "1"}, {}, {}, ["a", "b"]),
])
def test_tag_changes(current, desired, to_set, to_remove):
    assert tag_changes(current, desired) == (to_set, to_remove)


class Callbacks:
    """create / update / delete that record what they were called with."""

    def __init__(self):
        self.calls = []

    def create(self, wanted):
        self.calls.append(("create", wanted))
        return "created"

    def update(self, changes):
        self.calls.append(("update", changes))
        return "updated"

    def delete(self):
        self.calls.append(("delete",))
        return "deleted"


def run_ensure(current, desired, state="present", check_mode=False):
    callbacks = Callbacks()
    outcome = ensure(FakeModule(check_mode=check_mode, diff=True), current, desired,
                     create=callbacks.create, update=callbacks.update, delete=callbacks.delete, state=state)
    return outcome, callbacks.calls


CURRENT = {"MemorySize": 128, "Timeout": 3, "Description": "old", "KMSKeyArn": "",
           "Environment": {"Variables": {"A": "1"}}, "Tags": {"team": "platform"}}


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_and_missing_is_unchanged(check_mode):
    outcome, calls = run_ensure(None, {"MemorySize": 128}, state="absent", check_mode=check_mode)
    assert (outcome.changed, outcome.action, calls) == (False, None, [])
    assert outcome.diff == {"before": {}, "after": {}}


def test_absent_and_present_deletes():
    outcome, calls = run_ensure(CURRENT, {"MemorySize": 128}, state="absent")
    assert outcome.changed and outcome.action == "delete"
    assert calls == [("delete",)]
    assert outcome.result == "deleted"
    assert outcome.diff == {"before": snake_dict(CURRENT), "after": {}}


def test_missing_is_created_with_the_managed_fields_only():
    desired = {"MemorySize": 256, "Timeout": None, "Description": "",
               "LoggingConfig": {"LogFormat": "JSON", "LogGroup": None}, "Tags": {"CostCenter": "42"}}
    outcome, calls = run_ensure(None, desired)
    wanted = {"MemorySize": 256, "Description": "", "LoggingConfig": {"LogFormat": "JSON"}, "Tags": {"CostCenter": "42"}}
    assert calls == [("create", wanted)]
    assert outcome.changed and outcome.action == "create" and outcome.result == "created"
    assert outcome.diff == {
        "before": {},
        "after": {"memory_size": 256, "description": "", "logging_config": {"log_format": "JSON"},
                  "tags": {"CostCenter": "42"}},
    }


def test_update_gets_only_the_changed_fields():
    desired = {"MemorySize": 256, "Timeout": 3, "Description": None, "KMSKeyArn": None,
               "Environment": {"Variables": {"A": "1"}}, "Tags": {"team": "platform"}}
    outcome, calls = run_ensure(CURRENT, desired)
    assert calls == [("update", {"MemorySize": 256})]
    assert outcome.changed and outcome.action == "update" and outcome.result == "updated"
    assert outcome.changes == {"MemorySize": 256}


def test_update_diff_holds_exactly_the_changed_fields_in_snake_case():
    desired = {"MemorySize": 256, "Timeout": 3, "KMSKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k",
               "Environment": {"Variables": {"A": "1", "NEW_VAR": "x"}}, "Tags": {"team": "platform"}}
    outcome = run_ensure(CURRENT, desired)[0]
    assert outcome.diff == {
        "before": {"memory_size": 128, "kms_key_arn": "", "environment": {"variables": {"A": "1"}}},
        "after": {"memory_size": 256, "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:key/k",
                  "environment": {"variables": {"A": "1", "NEW_VAR": "x"}}},
    }


@pytest.mark.parametrize("check_mode", [False, True])
def test_nothing_to_change_calls_nothing(check_mode):
    desired = {"MemorySize": 128, "Timeout": None, "Description": "old", "Tags": {"team": "platform"}}
    outcome, calls = run_ensure(CURRENT, desired, check_mode=check_mode)
    assert (outcome.changed, outcome.action, calls) == (False, None, [])
    assert outcome.diff == {"before": {}, "after": {}}


@pytest.mark.parametrize("current, desired, state", [
    pytest.param(None, {"MemorySize": 256, "Timeout": None}, "present", id="create"),
    pytest.param(CURRENT, {"MemorySize": 256, "Tags": {}}, "present", id="update"),
    pytest.param(CURRENT, {}, "absent", id="delete"),
])
def test_check_mode_calls_nothing_but_predicts_the_real_outcome(current, desired, state):
    real, real_calls = run_ensure(current, desired, state=state)
    predicted, calls = run_ensure(current, desired, state=state, check_mode=True)
    assert calls == []
    assert real_calls != []
    assert (predicted.changed, predicted.action, predicted.changes) == (real.changed, real.action, real.changes)
    assert predicted.changed is True
    assert predicted.diff == real.diff
    assert predicted.result is None
