"""Make or delete a code signing configuration on the local endpoint (test set-up only: no module makes one yet).

    code_signing_config.py ENDPOINT_URL create PREFIX   prints the new configuration's ARN
    code_signing_config.py ENDPOINT_URL delete ARN
"""

import sys

import boto3

endpoint_url, action, argument = sys.argv[1:4]
client = boto3.client("lambda", endpoint_url=endpoint_url, region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing")
if action == "create":
    answer = client.create_code_signing_config(
        Description="%s lambda_function target" % argument,
        AllowedPublishers={"SigningProfileVersionArns": [
            "arn:aws:signer:us-east-1:000000000000:/signing-profiles/cloudfn/abcdefghij"]},
        CodeSigningPolicies={"UntrustedArtifactOnDeployment": "Warn"})
    print(answer["CodeSigningConfig"]["CodeSigningConfigArn"])
else:
    client.delete_code_signing_config(CodeSigningConfigArn=argument)
