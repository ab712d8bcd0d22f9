"""Upload a file to the local endpoint's S3 with a SHA-256 checksum (test set-up only).

    s3_upload.py ENDPOINT_URL BUCKET KEY PATH
"""

import sys

import boto3

endpoint_url, bucket, key, path = sys.argv[1:5]
s3 = boto3.client("s3", endpoint_url=endpoint_url, region_name="us-east-1",
                  aws_access_key_id="testing", aws_secret_access_key="testing")
if bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]:
    s3.create_bucket(Bucket=bucket)
with open(path, "rb") as handle:
    answer = s3.put_object(Bucket=bucket, Key=key, Body=handle.read(), ChecksumAlgorithm="SHA256")
print(answer["ChecksumSHA256"])
