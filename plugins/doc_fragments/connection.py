# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # Connection options shared by every module of the collection.
    DOCUMENTATION = r"""
options:
  access_key:
    description:
      - AWS access key ID.
      - When not given, boto3 resolves credentials itself (environment variables,
        the shared credentials and config files, the container or instance role).
    type: str
    aliases: [aws_access_key_id, aws_access_key]
  secret_key:
    description:
      - AWS secret access key. Never logged.
      - When not given, boto3 resolves credentials itself.
    type: str
    aliases: [aws_secret_access_key, aws_secret_key]
  session_token:
    description:
      - AWS session token for temporary credentials. Never logged.
    type: str
    aliases: [aws_session_token, security_token]
  profile:
    description:
      - Named profile of the shared AWS config and credentials files.
      - Cannot be combined with O(access_key), O(secret_key) or O(session_token).
    type: str
    aliases: [aws_profile]
  region:
    description:
      - AWS region, for example V(eu-west-1).
      - When not given, boto3 resolves it (E(AWS_REGION), E(AWS_DEFAULT_REGION), the profile).
        A task with no region anywhere fails with a message saying so.
    type: str
    aliases: [aws_region]
  endpoint_url:
    description:
      - URL of the Lambda endpoint to talk to instead of AWS's own, for example a local
        test endpoint such as V(http://127.0.0.1:5000).
      - Also used for the IAM and S3 calls some modules make.
    type: str
    aliases: [aws_endpoint_url]
  validate_certs:
    description:
      - Whether to verify the endpoint's TLS certificate.
    type: bool
    default: true
  aws_ca_bundle:
    description:
      - Path to a CA bundle used to verify the endpoint's TLS certificate.
    type: path
  aws_config:
    description:
      - Extra botocore client configuration, as the keyword arguments of C(botocore.config.Config),
        for example C(connect_timeout) and C(read_timeout) in seconds.
      - A C(retries) key here overrides O(retry_mode) and O(retry_max_attempts).
    type: dict
  retry_mode:
    description:
      - botocore's retry mode for throttling and server errors.
      - V(standard) retries with exponential back-off; V(adaptive) also rate-limits the client
        when AWS throttles it, which suits many parallel tasks against one account; V(legacy) is
        botocore's older retry handler, which retries fewer kinds of errors.
    type: str
    choices: [standard, adaptive, legacy]
    default: standard
  retry_max_attempts:
    description:
      - Maximum number of attempts per API call (the first try included) for throttling and
        server errors.
    type: int
    default: 10
  debug_botocore_endpoint_logs:
    description:
      - Return C(resource_actions), the AWS actions the task called (C(service:Operation), for
        example C(lambda:GetFunction)), each once, in the order first called; on failure too.
      - As amazon.aws's modules return it, so playbooks and tests written for them read the same key.
      - The E(ANSIBLE_DEBUG_BOTOCORE_LOGS) environment variable may also be used.
    type: bool
    default: false
requirements:
  - python >= 3.10
  - boto3 >= 1.34.0
  - botocore >= 1.34.0
notes:
  - When AWS refuses a request that names a function because an update of that function is still
    in progress (C(ResourceConflictException)), the module waits for the function to settle and
    sends the request again, up to six times. Requests that name no function, such as those of
    the layer modules, are not retried this way.
"""
