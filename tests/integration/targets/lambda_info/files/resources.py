"""Create (or delete) what the functions of the lambda_info target need besides themselves (test set-up only).

    resources.py ENDPOINT_URL PREFIX create FUNCTION   # an SQS queue and an event invoke config on FUNCTION;
                                                       # prints {"queue": ARN}
    resources.py ENDPOINT_URL PREFIX delete
"""

import json
import sys

import boto3

endpoint_url, prefix, action = sys.argv[1:4]
connection = dict(endpoint_url=endpoint_url, region_name="us-east-1", aws_access_key_id="testing",
                  aws_secret_access_key="testing")
sqs = boto3.client("sqs", **connection)
queue = prefix + "-info-orders"

if action == "delete":
    try:
        sqs.delete_queue(QueueUrl=sqs.get_queue_url(QueueName=queue)["QueueUrl"])
    except sqs.exceptions.QueueDoesNotExist:
        pass
    sys.exit(0)

function = sys.argv[4]
url = sqs.create_queue(QueueName=queue)["QueueUrl"]
queue_arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
boto3.client("lambda", **connection).put_function_event_invoke_config(
    FunctionName=function, MaximumRetryAttempts=1, MaximumEventAgeInSeconds=600)
print(json.dumps({"queue": queue_arn}))
