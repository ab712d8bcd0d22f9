# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""lambda_app's checks of its input before any request (check_application): an event source must name what it
reads; a layer of state=absent is named only."""

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.app import check_application

QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders"


def application(event_source):
    return dict(name="shop", layers=[], defaults={}, prune=False, max_workers=8, state="present", wait=True,
                wait_timeout=60, functions=[dict(name="worker", runtime="python3.12", handler="app.handler",
                                                 role="arn:aws:iam::123456789012:role/r",
                                                 zip_file="UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==",
                                                 event_sources=[event_source])])


def test_an_event_source_without_event_source_arn_is_refused_naming_the_function_and_the_option():
    errors = check_application(application(dict(batch_size=5)))[2]
    assert len(errors) == 1
    assert errors[0].startswith("functions[worker]: event_sources[0]: event_source_arn: required")


@pytest.mark.parametrize("event_source", [
    dict(event_source_arn=QUEUE, batch_size=5),
    dict(uuid="a1b2c3d4-5678-90ab-cdef-11111EXAMPLE"),
    dict(self_managed_event_source=dict(endpoints=dict(KAFKA_BOOTSTRAP_SERVERS=["broker:9092"])), topics=["t"],
         starting_position="LATEST"),
])
def test_an_event_source_that_names_what_it_reads_is_accepted(event_source):
    functions, errors = check_application(application(event_source))[1:]
    assert errors == []
    assert len(functions[0].event_sources) == 1


def test_state_absent_takes_a_layer_by_its_name_only():
    layers, functions, errors = check_application(dict(application(dict(event_source_arn=QUEUE)), state="absent",
                                                       functions=[], layers=[dict(name="common")]))
    assert errors == []
    assert [(layer["name"], layer["state"], layer["version"]) for layer in layers] == [("common", "absent", "all")]


def test_state_present_still_needs_a_layer_s_content():
    errors = check_application(dict(application(dict(event_source_arn=QUEUE)), layers=[dict(name="common")]))[2]
    assert len(errors) == 1 and errors[0].startswith("layers[common]: state=present needs the layer's content")


def test_an_event_source_takes_the_newer_fields_of_lambda_event_source():
    event_source = dict(event_source_arn=QUEUE, metrics_config=dict(metrics=["EventCount"]),
                        provisioned_poller_config=dict(minimum_pollers=2, maximum_pollers=20),
                        tags=dict(team="orders"), purge_tags=False)
    functions, errors = check_application(application(event_source))[1:]
    assert errors == []
    item = functions[0].event_sources[0]
    assert item["metrics_config"] == {"metrics": ["EventCount"]} and item["tags"] == {"team": "orders"}
    assert item["provisioned_poller_config"]["maximum_pollers"] == 20 and item["purge_tags"] is False


@pytest.mark.parametrize("event_source, start", [
    (dict(event_source_arn=QUEUE, logging_config=dict(system_log_level="WARN")), "logging_config: not taken by an SQS"),
    (dict(event_source_arn="arn:aws:kinesis:us-east-1:123456789012:stream/clicks", starting_position="LATEST",
          destination_config=dict(on_success=dict(destination=QUEUE))),
     "destination_config.on_success: AWS takes no on-success destination for an event source mapping"),
    (dict(event_source_arn=QUEUE, metrics_config=dict(metrics=["KafkaMetrics"])),
     "metrics_config: the metric KafkaMetrics is not produced for an SQS queue"),
])
def test_an_event_source_refuses_the_newer_fields_its_source_does_not_take(event_source, start):
    errors = check_application(application(event_source))[2]
    assert len(errors) == 1 and errors[0].startswith("functions[worker]: event_sources[0]: " + start), errors
