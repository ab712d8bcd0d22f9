"""Create (or delete) the SQS queue the worker reads, on the local endpoint (test set-up and clean-up only).

    queues.py ENDPOINT_URL PREFIX create   # prints {"orders": QUEUE ARN}
    queues.py ENDPOINT_URL PREFIX delete   # the queue, and any event source mapping still reading it
"""

import json
import sys

import boto3

endpoint_url, prefix, action = sys.argv[1:4]
connection = dict(endpoint_url=endpoint_url, region_name="us-east-1", aws_access_key_id="testing",
                  aws_secret_access_key="testing")
sqs = boto3.client("sqs", **connection)
queues = {"orders": prefix + "-shop-orders"}

if action == "delete":
    for name in queues.values():
        try:
            url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
        except sqs.exceptions.QueueDoesNotExist:
            continue
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        # A function deleted while a mapping read the queue leaves the mapping behind (AWS keeps it too).
        lambda_client = boto3.client("lambda", **connection)
        for mapping in lambda_client.list_event_source_mappings(EventSourceArn=arn)["EventSourceMappings"]:
            lambda_client.delete_event_source_mapping(UUID=mapping["UUID"])
        try:
            sqs.delete_queue(QueueUrl=url)
        except sqs.exceptions.QueueDoesNotExist:
            pass
    sys.exit(0)

arns = {}
for key, name in queues.items():
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arns[key] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
print(json.dumps(arns))
