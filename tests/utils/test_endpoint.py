"""Checks of the local endpoint and its request log (`make endpoint-check`)."""

import base64
import io
import json
import os
import subprocess
import sys
import urllib.request
import zipfile

import boto3
import botocore.exceptions
import pytest

sys.path.insert(0, os.path.dirname(__file__))

import requestlog  # noqa: E402  pylint: disable=wrong-import-position

ENDPOINT = os.path.join(os.path.dirname(__file__), "endpoint.py")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    state_dir = str(tmp_path_factory.mktemp("endpoint"))
    subprocess.run([sys.executable, ENDPOINT, "start", "--state-dir", state_dir], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(state_dir, "endpoint.json"), encoding="utf-8") as handle:
        state = json.load(handle)
    state["state_dir"] = state_dir
    yield state
    subprocess.run([sys.executable, ENDPOINT, "stop", "--state-dir", state_dir], check=True)
    assert not os.path.exists(os.path.join(state_dir, "endpoint.json"))


@pytest.fixture(scope="module")
def lambda_client(endpoint):
    return boto3.client(
        "lambda",
        endpoint_url=endpoint["url"],
        region_name=endpoint["region"],
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def zipped_handler():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("index.py", "def handler(event, context):\n    return event\n")
    return archive.getvalue()


def test_start_writes_state_and_creates_role(endpoint):
    assert endpoint["url"].startswith("http://127.0.0.1:")
    assert endpoint["region"] == "us-east-1"
    assert endpoint["role_arn"].endswith(":role/cloudfn-lambda-role")
    first = requestlog.since(0, url=endpoint["url"])[0]
    assert (first["seq"], first["service"], first["method"], first["mutating"]) == (1, "iam", "POST", True)


def test_lambda_operations_are_named_and_classified(endpoint, lambda_client):
    url = endpoint["url"]
    mark = requestlog.count(url=url)
    lambda_client.create_function(
        FunctionName="probe",
        Runtime="python3.12",
        Role=endpoint["role_arn"],
        Handler="index.handler",
        Code={"ZipFile": zipped_handler()},
    )
    arn = lambda_client.get_function(FunctionName="probe")["Configuration"]["FunctionArn"]
    lambda_client.tag_resource(Resource=arn, Tags={"team": "a"})
    lambda_client.list_tags(Resource=arn)
    lambda_client.publish_version(FunctionName="probe")
    lambda_client.list_versions_by_function(FunctionName="probe")
    assert lambda_client.invoke(FunctionName="probe", Payload=b'{"ping": 1}')["Payload"].read() == b'{"ping": 1}'
    assert lambda_client.invoke(FunctionName="probe", InvocationType="DryRun")["StatusCode"] == 204
    with pytest.raises(lambda_client.exceptions.ResourceNotFoundException):
        lambda_client.get_function(FunctionName="missing")
    lambda_client.delete_function(FunctionName=arn)

    assert requestlog.lambda_ops(mark, url=url) == [
        "CreateFunction", "GetFunction", "TagResource", "ListTags", "PublishVersion",
        "ListVersionsByFunction", "Invoke", "Invoke", "GetFunction", "DeleteFunction",
    ]
    assert requestlog.lambda_ops(mark, url=url, mutating=True) == [
        "CreateFunction", "TagResource", "PublishVersion", "Invoke", "DeleteFunction",
    ]
    entries = requestlog.since(mark, url=url)
    assert [entry["seq"] for entry in entries] == list(range(mark + 1, mark + 11))
    assert entries[-2]["status"] == 404
    assert requestlog.count(url=url) == mark + 10


def test_an_operation_whose_label_holds_a_slash_is_named(endpoint, lambda_client):
    # A durable execution's ARN has "/" in it, sent as %2F; moto has no durable executions (a bare 404).
    url = endpoint["url"]
    mark = requestlog.count(url=url)
    execution = "arn:aws:lambda:us-east-1:123456789012:function:probe:1/durable-execution/run-1/0a1b"
    with pytest.raises(botocore.exceptions.ClientError):
        lambda_client.get_durable_execution(DurableExecutionArn=execution)
    with pytest.raises(botocore.exceptions.ClientError):
        lambda_client.stop_durable_execution(DurableExecutionArn=execution)
    assert requestlog.lambda_ops(mark, url=url) == ["GetDurableExecution", "StopDurableExecution"]
    assert requestlog.lambda_ops(mark, url=url, mutating=True) == ["StopDurableExecution"]


def test_a_streaming_dry_run_is_logged_as_not_mutating(endpoint, lambda_client):
    # moto has no InvokeWithResponseStream (a bare 404); the log still names it, and its DryRun changes nothing.
    url = endpoint["url"]
    mark = requestlog.count(url=url)
    for invocation_type in ("DryRun", "RequestResponse"):
        with pytest.raises(botocore.exceptions.ClientError):
            lambda_client.invoke_with_response_stream(FunctionName="probe-stream", InvocationType=invocation_type)
    assert requestlog.lambda_ops(mark, url=url) == ["InvokeWithResponseStream", "InvokeWithResponseStream"]
    assert requestlog.lambda_ops(mark, url=url, mutating=True) == ["InvokeWithResponseStream"]


def test_log_is_served_and_mirrored_to_jsonl(endpoint):
    with urllib.request.urlopen(endpoint["url"] + "/_requestlog?since=0") as response:
        answer = json.load(response)
    assert set(answer) == {"count", "requests"}
    assert answer["count"] == len(answer["requests"])
    assert set(answer["requests"][0]) == {
        "seq", "time", "method", "path", "query", "service", "operation", "status", "mutating",
    }
    with open(os.path.join(endpoint["state_dir"], "requests.jsonl"), encoding="utf-8") as jsonl:
        assert [json.loads(line) for line in jsonl] == answer["requests"]


def test_moto_api_and_log_reads_are_not_recorded(endpoint):
    url = endpoint["url"]
    before = requestlog.count(url=url)
    urllib.request.urlopen(url + "/moto-api/config").close()
    requestlog.since(0, url=url)
    assert requestlog.count(url=url) == before


def event_invoke_config(client, **params):
    """GetFunctionEventInvokeConfig's answer without the metadata and LastModified (None when absent)."""
    try:
        answer = client.get_function_event_invoke_config(**params)
    except client.exceptions.ResourceNotFoundException:
        return None
    answer.pop("ResponseMetadata")
    assert answer.pop("LastModified")
    return answer


@pytest.fixture(scope="module")
def async_function(endpoint, lambda_client):
    """A function with version 1 and an alias live on it, for the event invoke config checks."""
    arn = lambda_client.create_function(
        FunctionName="async-probe", Runtime="python3.12", Role=endpoint["role_arn"], Handler="index.handler",
        Code={"ZipFile": zipped_handler()})["FunctionArn"]
    lambda_client.publish_version(FunctionName="async-probe")
    lambda_client.create_alias(FunctionName="async-probe", Name="live", FunctionVersion="1")
    yield arn
    lambda_client.delete_function(FunctionName="async-probe")


def test_event_invoke_config_put_replaces_and_update_merges(lambda_client, async_function):
    name, latest = "async-probe", async_function + ":$LATEST"
    assert event_invoke_config(lambda_client, FunctionName=name) is None
    with pytest.raises(lambda_client.exceptions.ResourceNotFoundException):
        lambda_client.update_function_event_invoke_config(FunctionName=name, MaximumRetryAttempts=1)
    assert event_invoke_config(lambda_client, FunctionName=name) is None  # Update created nothing

    lambda_client.put_function_event_invoke_config(FunctionName=name, MaximumRetryAttempts=1,
                                                   MaximumEventAgeInSeconds=600)
    put = lambda_client.put_function_event_invoke_config(
        FunctionName=name, MaximumRetryAttempts=0,
        DestinationConfig={"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:failed"}})
    replaced = {"FunctionArn": latest, "MaximumRetryAttempts": 0, "DestinationConfig": {
        "OnSuccess": {}, "OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:failed"}}}
    assert {k: put[k] for k in replaced} == replaced and "MaximumEventAgeInSeconds" not in put
    assert event_invoke_config(lambda_client, FunctionName=name) == replaced  # the second Put shows, whole

    update = lambda_client.update_function_event_invoke_config(FunctionName=name, MaximumEventAgeInSeconds=120)
    merged = dict(replaced, MaximumEventAgeInSeconds=120)
    assert {k: update[k] for k in merged} == merged
    assert event_invoke_config(lambda_client, FunctionName=name) == merged
    lambda_client.update_function_event_invoke_config(FunctionName=name, DestinationConfig={"OnFailure": {}})
    assert event_invoke_config(lambda_client, FunctionName=name) == dict(
        merged, DestinationConfig={"OnSuccess": {}, "OnFailure": {}})

    # Unqualified and $LATEST name the same configuration.
    assert event_invoke_config(lambda_client, FunctionName=name, Qualifier="$LATEST")["MaximumEventAgeInSeconds"] == 120
    with pytest.raises(lambda_client.exceptions.ClientError, match="less than or equal to 2"):
        lambda_client.update_function_event_invoke_config(FunctionName=name, MaximumRetryAttempts=3)
    lambda_client.delete_function_event_invoke_config(FunctionName=name, Qualifier="$LATEST")
    assert event_invoke_config(lambda_client, FunctionName=name) is None


def test_event_invoke_config_per_qualifier(lambda_client, async_function):
    name = "async-probe"
    lambda_client.put_function_event_invoke_config(FunctionName=name, MaximumRetryAttempts=0)
    lambda_client.put_function_event_invoke_config(FunctionName=name, Qualifier="live", MaximumRetryAttempts=1)
    lambda_client.put_function_event_invoke_config(FunctionName=name + ":1", MaximumRetryAttempts=2)

    assert event_invoke_config(lambda_client, FunctionName=name) == {
        "FunctionArn": async_function + ":$LATEST", "MaximumRetryAttempts": 0,
        "DestinationConfig": {"OnSuccess": {}, "OnFailure": {}}}
    assert event_invoke_config(lambda_client, FunctionName=async_function, Qualifier="live") == {
        "FunctionArn": async_function + ":live", "MaximumRetryAttempts": 1,
        "DestinationConfig": {"OnSuccess": {}, "OnFailure": {}}}
    assert event_invoke_config(lambda_client, FunctionName=async_function + ":1")["MaximumRetryAttempts"] == 2
    listed = lambda_client.list_function_event_invoke_configs(FunctionName=name)["FunctionEventInvokeConfigs"]
    assert sorted((c["FunctionArn"], c["MaximumRetryAttempts"]) for c in listed) == [
        (async_function + ":$LATEST", 0), (async_function + ":1", 2), (async_function + ":live", 1)]

    lambda_client.delete_function_event_invoke_config(FunctionName=name, Qualifier="live")
    assert event_invoke_config(lambda_client, FunctionName=name, Qualifier="live") is None
    assert event_invoke_config(lambda_client, FunctionName=name)["MaximumRetryAttempts"] == 0
    assert event_invoke_config(lambda_client, FunctionName=name, Qualifier="1")["MaximumRetryAttempts"] == 2
    with pytest.raises(lambda_client.exceptions.ResourceNotFoundException):
        lambda_client.delete_function_event_invoke_config(FunctionName=name, Qualifier="live")
    with pytest.raises(lambda_client.exceptions.ResourceNotFoundException):  # no such alias
        lambda_client.put_function_event_invoke_config(FunctionName=name, Qualifier="nope", MaximumRetryAttempts=1)
    lambda_client.delete_function_event_invoke_config(FunctionName=name)
    lambda_client.delete_function_event_invoke_config(FunctionName=name, Qualifier="1")
    assert lambda_client.list_function_event_invoke_configs(FunctionName=name)["FunctionEventInvokeConfigs"] == []


def test_version_numbers_are_never_reused(endpoint, lambda_client):
    """AWS counts versions up from the highest the function ever had; the endpoint does too."""
    lambda_client.create_function(FunctionName="numbered", Runtime="python3.12", Role=endpoint["role_arn"],
                                  Handler="index.handler", Code={"ZipFile": zipped_handler()}, Publish=True)
    for memory in (256, 384):
        lambda_client.update_function_configuration(FunctionName="numbered", MemorySize=memory)
        lambda_client.publish_version(FunctionName="numbered")
    lambda_client.delete_function(FunctionName="numbered", Qualifier="1")
    lambda_client.delete_function(FunctionName="numbered", Qualifier="3")
    lambda_client.update_function_configuration(FunctionName="numbered", MemorySize=512)
    assert lambda_client.publish_version(FunctionName="numbered")["Version"] == "4"
    versions = lambda_client.list_versions_by_function(FunctionName="numbered")["Versions"]
    assert [v["Version"] for v in versions] == ["$LATEST", "2", "4"]
    assert lambda_client.get_function(FunctionName="numbered", Qualifier="4")["Configuration"]["MemorySize"] == 512
    lambda_client.delete_function(FunctionName="numbered")


def test_invoke_finds_the_function_version_or_alias(lambda_client, endpoint):
    lambda_client.create_function(FunctionName="runs", Runtime="python3.12", Role=endpoint["role_arn"],
                                  Handler="index.handler", Code={"ZipFile": zipped_handler()}, Publish=True)
    lambda_client.create_alias(FunctionName="runs", Name="live", FunctionVersion="1")
    assert lambda_client.invoke(FunctionName="runs", Payload=b"1")["ExecutedVersion"] == "$LATEST"
    assert lambda_client.invoke(FunctionName="runs", Qualifier="live", Payload=b"1")["ExecutedVersion"] == "1"
    assert lambda_client.invoke(FunctionName="123456789012:function:runs:1", Payload=b"1")["ExecutedVersion"] == "1"
    assert "ExecutedVersion" not in lambda_client.invoke(FunctionName="runs", InvocationType="Event", Payload=b"1")
    for params in ({"FunctionName": "never-made"}, {"FunctionName": "runs", "Qualifier": "9"},
                   {"FunctionName": "runs:nope"}, {"FunctionName": "never-made", "InvocationType": "DryRun"}):
        with pytest.raises(lambda_client.exceptions.ResourceNotFoundException):
            lambda_client.invoke(**params)
    lambda_client.delete_function(FunctionName="runs")


def test_a_mapping_for_an_alias_keeps_the_alias(endpoint, lambda_client):
    """AWS keeps NAME:ALIAS in a mapping's FunctionArn (moto 5.2.5 put the aliased version there)."""
    sqs = boto3.client("sqs", endpoint_url=endpoint["url"], region_name="us-east-1",
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    url = sqs.create_queue(QueueName="aliased")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    lambda_client.create_function(FunctionName="aliased", Runtime="python3.12", Role=endpoint["role_arn"],
                                  Handler="index.handler", Code={"ZipFile": zipped_handler()}, Publish=True)
    lambda_client.create_alias(FunctionName="aliased", Name="live", FunctionVersion="1")
    mapping = lambda_client.create_event_source_mapping(FunctionName="aliased:live", EventSourceArn=queue_arn)
    assert mapping["FunctionArn"].endswith(":function:aliased:live")
    listed = lambda_client.list_event_source_mappings(EventSourceArn=queue_arn)["EventSourceMappings"]
    assert [m["FunctionArn"] for m in listed] == [mapping["FunctionArn"]]
    lambda_client.delete_event_source_mapping(UUID=mapping["UUID"])
    lambda_client.delete_function(FunctionName="aliased")


def test_update_function_configuration_keeps_every_setting(endpoint, lambda_client):
    """moto drops these on update (and the dead-letter target and logging settings on create); AWS keeps them."""
    lambda_client.create_function(FunctionName="cloudfn-endpoint-settings", Runtime="python3.12", Handler="index.handler",
                                  Role=endpoint["role_arn"], Code={"ZipFile": zipped_handler()},
                                  LoggingConfig={"LogFormat": "JSON"})
    created = lambda_client.get_function(FunctionName="cloudfn-endpoint-settings")["Configuration"]
    assert "DeadLetterConfig" not in created and "KMSKeyArn" not in created
    assert created["LoggingConfig"] == {"LogFormat": "JSON", "LogGroup": "/aws/lambda/cloudfn-endpoint-settings"}
    key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    queue = "arn:aws:sqs:us-east-1:123456789012:dlq"
    lambda_client.update_function_configuration(
        FunctionName="cloudfn-endpoint-settings", TracingConfig={"Mode": "Active"}, KMSKeyArn=key,
        EphemeralStorage={"Size": 1024}, DeadLetterConfig={"TargetArn": queue})
    updated = lambda_client.get_function(FunctionName="cloudfn-endpoint-settings")["Configuration"]
    assert (updated["TracingConfig"], updated["KMSKeyArn"], updated["EphemeralStorage"], updated["DeadLetterConfig"]) \
        == ({"Mode": "Active"}, key, {"Size": 1024}, {"TargetArn": queue})
    lambda_client.update_function_configuration(FunctionName="cloudfn-endpoint-settings",
                                                DeadLetterConfig={"TargetArn": ""}, KMSKeyArn="")
    cleared = lambda_client.get_function(FunctionName="cloudfn-endpoint-settings")["Configuration"]
    assert "DeadLetterConfig" not in cleared and "KMSKeyArn" not in cleared
    lambda_client.delete_function(FunctionName="cloudfn-endpoint-settings")


def test_the_code_keeps_its_source_kms_key(endpoint, lambda_client):
    """moto drops Code.SourceKMSKeyArn; AWS keeps the last key given with the code and answers it in GetFunction."""
    name, key = "cloudfn-endpoint-code-key", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    other = key.replace("1234abcd", "5678efab")
    lambda_client.create_function(FunctionName=name, Runtime="python3.12", Handler="index.handler", Role=endpoint["role_arn"],
                                  Code={"ZipFile": zipped_handler(), "SourceKMSKeyArn": key}, Publish=True)
    assert lambda_client.get_function(FunctionName=name)["Code"]["SourceKMSKeyArn"] == key
    lambda_client.update_function_code(FunctionName=name, ZipFile=zipped_handler(), SourceKMSKeyArn=other, DryRun=True)
    assert lambda_client.get_function(FunctionName=name)["Code"]["SourceKMSKeyArn"] == key
    lambda_client.update_function_code(FunctionName=name, ZipFile=zipped_handler(), SourceKMSKeyArn=other)
    assert lambda_client.get_function(FunctionName=name)["Code"]["SourceKMSKeyArn"] == other
    lambda_client.update_function_code(FunctionName=name, ZipFile=zipped_handler())
    assert "SourceKMSKeyArn" not in lambda_client.get_function(FunctionName=name)["Code"]
    assert lambda_client.get_function(FunctionName=name, Qualifier="1")["Code"]["SourceKMSKeyArn"] == key
    lambda_client.create_function(FunctionName=name + "-plain", Runtime="python3.12", Handler="index.handler",
                                  Role=endpoint["role_arn"], Code={"ZipFile": zipped_handler()})
    assert "SourceKMSKeyArn" not in lambda_client.get_function(FunctionName=name + "-plain")["Code"]
    for function in (name, name + "-plain"):
        lambda_client.delete_function(FunctionName=function)


def test_dynamodb_tables_have_an_id(endpoint):
    dynamodb = boto3.client("dynamodb", endpoint_url=endpoint["url"], region_name=endpoint["region"],
                            aws_access_key_id="testing", aws_secret_access_key="testing")
    created = dynamodb.create_table(TableName="cloudfn-endpoint-table", BillingMode="PAY_PER_REQUEST",
                                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])["TableDescription"]
    described = dynamodb.describe_table(TableName="cloudfn-endpoint-table")["Table"]
    assert created["TableId"] == described["TableId"] and len(described["TableId"]) == 36
    dynamodb.delete_table(TableName="cloudfn-endpoint-table")


def test_python_handlers_run_only_when_asked(tmp_path, endpoint, lambda_client):
    """Without --run-python Invoke echoes the payload (moto); with it the handler runs."""
    code = ("import os\n\ndef handler(event, context):\n    print('got', event)\n"
            "    if event.get('fail'):\n        raise ValueError('asked to fail')\n"
            "    return {'greeting': os.environ['GREETING'] + ' ' + event['name'], 'function': context.function_name}\n")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("app.py", code)
    spec = dict(FunctionName="cloudfn-endpoint-runs", Runtime="python3.12", Handler="app.handler",
                Code={"ZipFile": archive.getvalue()}, Environment={"Variables": {"GREETING": "hello"}})
    lambda_client.create_function(Role=endpoint["role_arn"], **spec)
    echoed = lambda_client.invoke(FunctionName="cloudfn-endpoint-runs", Payload=b'{"name": "x"}')
    assert json.loads(echoed["Payload"].read()) == {"name": "x"}

    state_dir = str(tmp_path / "running")
    subprocess.run([sys.executable, ENDPOINT, "start", "--state-dir", state_dir, "--run-python"], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        with open(os.path.join(state_dir, "endpoint.json"), encoding="utf-8") as handle:
            state = json.load(handle)
        client = boto3.client("lambda", endpoint_url=state["url"], region_name=state["region"],
                              aws_access_key_id="testing", aws_secret_access_key="testing")
        client.create_function(Role=state["role_arn"], **spec)
        ran = client.invoke(FunctionName="cloudfn-endpoint-runs", Payload=b'{"name": "Ansible"}', LogType="Tail")
        assert json.loads(ran["Payload"].read()) == {"greeting": "hello Ansible", "function": "cloudfn-endpoint-runs"}
        assert "FunctionError" not in ran
        assert "got {'name': 'Ansible'}" in base64.b64decode(ran["LogResult"]).decode()
        failed = client.invoke(FunctionName="cloudfn-endpoint-runs", Payload=b'{"fail": true}')
        assert failed["FunctionError"] == "Unhandled"
        error = json.loads(failed["Payload"].read())
        assert (error["errorType"], error["errorMessage"]) == ("ValueError", "asked to fail")
        assert client.invoke(FunctionName="cloudfn-endpoint-runs", InvocationType="DryRun")["StatusCode"] == 204
        layer_zip = io.BytesIO()
        with zipfile.ZipFile(layer_zip, "w") as package:
            package.writestr("python/shared.py", "NAME = 'from the layer'\n")
        layer = client.publish_layer_version(LayerName="cloudfn-endpoint-shared", Content={"ZipFile": layer_zip.getvalue()})
        user_zip = io.BytesIO()
        with zipfile.ZipFile(user_zip, "w") as package:
            package.writestr("app.py", "import shared\n\ndef handler(event, context):\n    return shared.NAME\n")
        client.create_function(FunctionName="cloudfn-endpoint-layered", Runtime="python3.12", Handler="app.handler",
                               Role=state["role_arn"], Code={"ZipFile": user_zip.getvalue()},
                               Layers=[layer["LayerVersionArn"]])
        layered = client.invoke(FunctionName="cloudfn-endpoint-layered")
        assert json.loads(layered["Payload"].read()) == "from the layer"
    finally:
        subprocess.run([sys.executable, ENDPOINT, "stop", "--state-dir", state_dir], check=True)


def test_layer_versions_listed_by_layer_arn(lambda_client):
    published = lambda_client.publish_layer_version(LayerName="cloudfn-endpoint-layer", Content={"ZipFile": zipped_handler()})
    by_name = lambda_client.list_layer_versions(LayerName="cloudfn-endpoint-layer")["LayerVersions"]
    by_arn = lambda_client.list_layer_versions(LayerName=published["LayerArn"])["LayerVersions"]
    assert [v["Version"] for v in by_arn] == [v["Version"] for v in by_name] == [published["Version"]]
    lambda_client.delete_layer_version(LayerName="cloudfn-endpoint-layer", VersionNumber=published["Version"])
