"""Create (or delete) the SQS queue the event source mapping reads from, on the local endpoint (test set-up only).

    sqs_queue.py ENDPOINT_URL NAME create   # prints the queue's ARN
    sqs_queue.py ENDPOINT_URL NAME delete
"""

import sys

import boto3

endpoint_url, name, action = sys.argv[1:4]
sqs = boto3.client("sqs", endpoint_url=endpoint_url, region_name="us-east-1", aws_access_key_id="testing",
                   aws_secret_access_key="testing")
if action == "delete":
    try:
        sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=name)["QueueUrl"])
    except sqs.exceptions.QueueDoesNotExist:
        pass
else:
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    print(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"])
