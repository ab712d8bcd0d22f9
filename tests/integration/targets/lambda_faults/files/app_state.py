"""Test set-up and read-back for lambda_faults, straight from the endpoint (never through the fault proxy).

    app_state.py ENDPOINT_URL create-queue NAME      # prints the queue's ARN
    app_state.py ENDPOINT_URL delete FUNCTION LAYER QUEUE_NAME   # mappings of the queue, function, layer, queue
    app_state.py ENDPOINT_URL state FUNCTION LAYER QUEUE_ARN   # prints what exists, as JSON
"""

import json
import sys

import boto3

endpoint_url, action = sys.argv[1:3]
connection = dict(endpoint_url=endpoint_url, region_name="us-east-1", aws_access_key_id="testing",
                  aws_secret_access_key="testing")
sqs = boto3.client("sqs", **connection)
lambda_client = boto3.client("lambda", **connection)


def queue_url(name):
    return sqs.get_queue_url(QueueName=name)["QueueUrl"]


def pages(operation, key, **params):
    items = []
    for page in lambda_client.get_paginator(operation).paginate(**params):
        items.extend(page[key])
    return items


def state(function, layer, queue_arn):
    """Everything the application made, every copy of it: versions, aliases, statements, mappings, layer versions."""
    try:
        configuration = lambda_client.get_function(FunctionName=function)["Configuration"]
    except lambda_client.exceptions.ResourceNotFoundException:
        configuration = None
    # Every mapping of the queue, whichever function spelling it was made with (moto lists by function
    # only those made with the same spelling).
    answer = {"function": None, "versions": [], "aliases": [], "statements": [], "invoke_configs": [],
              "mappings": [{"uuid": mapping["UUID"], "function_arn": mapping["FunctionArn"],
                            "batch_size": mapping["BatchSize"], "state": mapping["State"]}
                           for mapping in pages("list_event_source_mappings", "EventSourceMappings",
                                                EventSourceArn=queue_arn)],
              "layer_versions": sorted(version["Version"] for version in pages(
                  "list_layer_versions", "LayerVersions", LayerName=layer))}
    if configuration is None:
        return answer
    answer["function"] = {"description": configuration["Description"], "code_sha256": configuration["CodeSha256"],
                          "layers": [attached["Arn"] for attached in configuration.get("Layers", [])]}
    answer["versions"] = [{"version": version["Version"], "code_sha256": version["CodeSha256"],
                           "description": version["Description"]}
                          for version in pages("list_versions_by_function", "Versions", FunctionName=function)]
    answer["aliases"] = [{"name": alias["Name"], "function_version": alias["FunctionVersion"]}
                         for alias in pages("list_aliases", "Aliases", FunctionName=function)]
    answer["invoke_configs"] = [{"qualifier": config["FunctionArn"].rsplit(":", 1)[-1],
                                 "maximum_retry_attempts": config.get("MaximumRetryAttempts"),
                                 "maximum_event_age_in_seconds": config.get("MaximumEventAgeInSeconds")}
                                for config in pages("list_function_event_invoke_configs", "FunctionEventInvokeConfigs",
                                                    FunctionName=function)]
    try:
        policy = json.loads(lambda_client.get_policy(FunctionName=function)["Policy"])
    except lambda_client.exceptions.ResourceNotFoundException:
        policy = {"Statement": []}
    answer["statements"] = [{"sid": statement["Sid"], "resource": statement["Resource"],
                             "source_arn": statement.get("Condition", {}).get("ArnLike", {}).get("AWS:SourceArn")}
                            for statement in policy["Statement"]]
    return answer


if action == "create-queue":
    url = sqs.create_queue(QueueName=sys.argv[3])["QueueUrl"]
    print(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"])
elif action == "delete":
    function_name, layer_name, queue_name = sys.argv[3:6]
    try:
        url = queue_url(queue_name)
    except sqs.exceptions.QueueDoesNotExist:
        url = None
    if url:
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        for mapping in pages("list_event_source_mappings", "EventSourceMappings", EventSourceArn=arn):
            lambda_client.delete_event_source_mapping(UUID=mapping["UUID"])
        sqs.delete_queue(QueueUrl=url)
    try:
        lambda_client.delete_function(FunctionName=function_name)
    except lambda_client.exceptions.ResourceNotFoundException:
        pass
    for version in pages("list_layer_versions", "LayerVersions", LayerName=layer_name):
        lambda_client.delete_layer_version(LayerName=layer_name, VersionNumber=version["Version"])
elif action == "state":
    print(json.dumps(state(*sys.argv[3:6])))
else:
    sys.exit("unknown action %s" % action)
