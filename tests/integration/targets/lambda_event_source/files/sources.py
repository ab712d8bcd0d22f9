"""Create (or delete) the sources the mappings read from, on the local endpoint (test set-up only).

    sources.py ENDPOINT_URL PREFIX REGION create KIND...   # prints {KIND: ARN, ...}
    sources.py ENDPOINT_URL PREFIX REGION delete KIND...

KIND: sqs (a queue), fifo (a FIFO queue), dlq (a queue for failed records), dynamodb (a table with a
stream; its stream's ARN is printed) or kinesis (a stream). The endpoint must have the services of the
kinds named (the LocalStack endpoint has SQS, not DynamoDB or Kinesis).
"""

import json
import sys

import boto3

endpoint_url, prefix, region, action = sys.argv[1:5]
kinds = sys.argv[5:]
connection = dict(endpoint_url=endpoint_url, region_name=region, aws_access_key_id="testing",
                  aws_secret_access_key="testing")
QUEUES = {"sqs": prefix + "-orders", "fifo": prefix + "-orders.fifo", "dlq": prefix + "-failures"}
TABLE = prefix + "-accounts"
STREAM = prefix + "-clicks"


def create(kind):
    """The ARN of the source of ``kind``, created."""
    if kind in QUEUES:
        sqs = boto3.client("sqs", **connection)
        attributes = {"FifoQueue": "true"} if kind == "fifo" else {}
        url = sqs.create_queue(QueueName=QUEUES[kind], Attributes=attributes)["QueueUrl"]
        return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    if kind == "dynamodb":
        table = boto3.client("dynamodb", **connection).create_table(
            TableName=TABLE, BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
        return table["TableDescription"]["LatestStreamArn"]
    if kind == "kinesis":
        kinesis = boto3.client("kinesis", **connection)
        kinesis.create_stream(StreamName=STREAM, ShardCount=1)
        return kinesis.describe_stream(StreamName=STREAM)["StreamDescription"]["StreamARN"]
    raise SystemExit("sources.py: unknown kind %s" % kind)


def delete(kind):
    """Delete the source of ``kind`` (nothing when there is none)."""
    if kind in QUEUES:
        sqs = boto3.client("sqs", **connection)
        try:
            sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=QUEUES[kind])["QueueUrl"])
        except sqs.exceptions.QueueDoesNotExist:
            pass
    elif kind == "dynamodb":
        dynamodb = boto3.client("dynamodb", **connection)
        try:
            dynamodb.delete_table(TableName=TABLE)
        except dynamodb.exceptions.ResourceNotFoundException:
            pass
    elif kind == "kinesis":
        kinesis = boto3.client("kinesis", **connection)
        try:
            kinesis.delete_stream(StreamName=STREAM)
        except kinesis.exceptions.ResourceNotFoundException:
            pass


if action == "delete":
    for each in kinds:
        delete(each)
else:
    print(json.dumps(dict((each, create(each)) for each in kinds)))
