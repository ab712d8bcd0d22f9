"""Create (or delete) the sources the mappings read from, on the local endpoint (test set-up only).

    sources.py ENDPOINT_URL PREFIX create   # prints {"sqs": ARN, "fifo": ARN, "dlq": ARN, "dynamodb": ARN, "kinesis": ARN}
    sources.py ENDPOINT_URL PREFIX delete
"""

import json
import sys

import boto3

endpoint_url, prefix, action = sys.argv[1:4]
connection = dict(endpoint_url=endpoint_url, region_name="us-east-1", aws_access_key_id="testing",
                  aws_secret_access_key="testing")
sqs = boto3.client("sqs", **connection)
dynamodb = boto3.client("dynamodb", **connection)
kinesis = boto3.client("kinesis", **connection)
queues = {"sqs": prefix + "-orders", "fifo": prefix + "-orders.fifo", "dlq": prefix + "-failures"}

if action == "delete":
    for name in queues.values():
        try:
            sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=name)["QueueUrl"])
        except sqs.exceptions.QueueDoesNotExist:
            pass
    for call, kwargs in ((dynamodb.delete_table, dict(TableName=prefix + "-accounts")),
                         (kinesis.delete_stream, dict(StreamName=prefix + "-clicks"))):
        try:
            call(**kwargs)
        except (dynamodb.exceptions.ResourceNotFoundException, kinesis.exceptions.ResourceNotFoundException):
            pass
    sys.exit(0)

arns = {}
for key, name in queues.items():
    attributes = {"FifoQueue": "true"} if name.endswith(".fifo") else {}
    url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    arns[key] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
table = dynamodb.create_table(
    TableName=prefix + "-accounts", BillingMode="PAY_PER_REQUEST",
    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
arns["dynamodb"] = table["TableDescription"]["LatestStreamArn"]
kinesis.create_stream(StreamName=prefix + "-clicks", ShardCount=1)
arns["kinesis"] = kinesis.describe_stream(StreamName=prefix + "-clicks")["StreamDescription"]["StreamARN"]
print(json.dumps(arns))
