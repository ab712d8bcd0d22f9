"""Create or delete one SQS queue on the local endpoint (test set-up of the targets that need a queue).

    sqs_queue.py ENDPOINT_URL NAME create [REGION]   # prints the queue's ARN; REGION defaults to us-east-1
    sqs_queue.py ENDPOINT_URL NAME delete [REGION]
"""

import sys

import boto3

endpoint_url, name, action = sys.argv[1:4]
region = sys.argv[4] if len(sys.argv) > 4 else "us-east-1"
sqs = boto3.client("sqs", endpoint_url=endpoint_url, region_name=region,
                   aws_access_key_id="testing", aws_secret_access_key="testing")
if action == "delete":
    try:
        sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=name)["QueueUrl"])
    except sqs.exceptions.QueueDoesNotExist:
        pass
else:
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    print(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"])
