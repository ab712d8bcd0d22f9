"""Checks of the fault-injecting proxy (tests/utils/faultproxy.py) in front of a real local endpoint."""

import io
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zipfile

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

sys.path.insert(0, os.path.dirname(__file__))

import requestlog  # noqa: E402  pylint: disable=wrong-import-position

HERE = os.path.dirname(__file__)
ENDPOINT = os.path.join(HERE, "endpoint.py")
FAULTPROXY = os.path.join(HERE, "faultproxy.py")
ACCOUNT = "123456789012"
IN_PROGRESS = "The operation cannot be performed at this time. An update is in progress for resource: "
STALE = ("The Revision Id provided does not match the latest Revision Id. "
         "Call the GetFunction/GetAlias API to retrieve the latest Revision Id")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    state_dir = str(tmp_path_factory.mktemp("endpoint"))
    subprocess.run([sys.executable, ENDPOINT, "start", "--state-dir", state_dir], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(state_dir, "endpoint.json"), encoding="utf-8") as handle:
        state = json.load(handle)
    yield state
    subprocess.run([sys.executable, ENDPOINT, "stop", "--state-dir", state_dir], check=True)


def faultproxy_running(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as cmdline:
            return b"faultproxy.py" in cmdline.read()
    except OSError:
        return False


@pytest.fixture(scope="module")
def proxy(endpoint, tmp_path_factory):
    state_dir = str(tmp_path_factory.mktemp("faultproxy"))
    started = subprocess.run(
        [sys.executable, FAULTPROXY, "start", "--upstream", endpoint["url"], "--state-dir", state_dir],
        check=True, stdout=subprocess.PIPE, text=True)
    with open(os.path.join(state_dir, "url"), encoding="utf-8") as handle:
        url = handle.read().strip()
    with open(os.path.join(state_dir, "pid"), encoding="utf-8") as handle:
        pid = int(handle.read())
    assert started.stdout.strip() == url and url.startswith("http://127.0.0.1:")
    assert faultproxy_running(pid)
    yield {"url": url, "pid": pid, "state_dir": state_dir}
    subprocess.run([sys.executable, FAULTPROXY, "stop", "--state-dir", state_dir], check=True)
    assert not faultproxy_running(pid)
    assert not os.path.exists(os.path.join(state_dir, "pid"))


def control(proxy, changes=None, method=None):
    """GET /_faults, or POST the changes; the JSON answer."""
    data = json.dumps(changes).encode() if changes is not None else None
    request = urllib.request.Request(proxy["url"] + "/_faults", data=data, method=method or ("POST" if data else "GET"),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


@pytest.fixture
def faults(proxy):
    """set_faults(**changes): a fresh sequence with the given faults (none by default); none again afterwards."""
    def set_faults(**changes):
        settings = dict(seed=0, throttle=0.0, unavailable=0.0, conflict=0.0, lost=0.0, aws_rules=True,
                        revisions=False, script=[])
        settings.update(changes)
        return control(proxy, settings)

    set_faults()
    yield set_faults
    set_faults()


def client(url, service="lambda", attempts=1):
    return boto3.client(service, endpoint_url=url, region_name="us-east-1", aws_access_key_id="testing",
                        aws_secret_access_key="testing",
                        config=Config(retries={"mode": "standard", "total_max_attempts": attempts}))


@pytest.fixture
def via_proxy(proxy):
    """A Lambda client through the proxy that does not retry: each fault is seen as it is."""
    return client(proxy["url"])


@pytest.fixture
def direct(endpoint):
    return client(endpoint["url"])


def zipped(source="def handler(event, context):\n    return event\n"):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("index.py", source)
    return archive.getvalue()


def create_function(lambda_client, endpoint, name, **extra):
    return lambda_client.create_function(FunctionName=name, Runtime="python3.12", Role=endpoint["role_arn"],
                                         Handler="index.handler", Code={"ZipFile": zipped()}, **extra)


def error_of(call, **kwargs):
    """(HTTP status, AWS error code, message) of a call that must fail."""
    with pytest.raises(ClientError) as raised:
        call(**kwargs)
    error = raised.value.response
    return error["ResponseMetadata"]["HTTPStatusCode"], error["Error"]["Code"], error["Error"]["Message"]


def outcome(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"]
    return "ok"


def test_without_faults_requests_and_answers_pass_unchanged(endpoint, proxy, faults, via_proxy, direct):
    mark = requestlog.count(url=endpoint["url"])
    create_function(via_proxy, endpoint, "fp-plain", Publish=True)
    arn = "arn:aws:lambda:us-east-1:%s:function:fp-plain" % ACCOUNT
    assert via_proxy.get_function(FunctionName=arn)["Configuration"]["FunctionArn"] == arn  # URL-encoded in the path
    assert via_proxy.invoke(FunctionName="fp-plain", Payload=b'{"ping": 1}')["Payload"].read() == b'{"ping": 1}'
    versions = via_proxy.list_versions_by_function(FunctionName="fp-plain", MaxItems=50)["Versions"]
    assert [version["Version"] for version in versions] == ["$LATEST", "1"]
    assert error_of(via_proxy.get_function, FunctionName="fp-missing")[:2] == (404, "ResourceNotFoundException")
    assert client(proxy["url"], "iam").get_role(RoleName="cloudfn-lambda-role")["Role"]["Arn"] == endpoint["role_arn"]
    assert requestlog.lambda_ops(mark, url=endpoint["url"]) == [
        "CreateFunction", "GetFunction", "Invoke", "ListVersionsByFunction", "GetFunction"]
    assert direct.get_function(FunctionName="fp-plain")["Configuration"]["CodeSha256"] == versions[1]["CodeSha256"]
    report = control(proxy)
    assert report["requests"] == 5 and report["injected"] == [] and report["faults"] == {}


def test_throttling_is_too_many_requests_and_not_forwarded(endpoint, proxy, faults, via_proxy):
    faults(throttle=1.0)
    mark = requestlog.count(url=endpoint["url"])
    status, code, message = error_of(via_proxy.list_functions)
    assert (status, code, message) == (429, "TooManyRequestsException", "Rate exceeded")
    assert error_of(create_function, lambda_client=via_proxy, endpoint=endpoint, name="fp-throttled")[1] == \
        "TooManyRequestsException"
    assert requestlog.since(mark, url=endpoint["url"]) == []
    report = control(proxy)
    assert report["faults"] == {"throttle": {"ListFunctions": 1, "CreateFunction": 1}}


def test_throttling_is_retried_by_botocore(endpoint, proxy, faults):
    faults(script=[{"kind": "throttle"}, {"kind": "throttle"}])
    assert client(proxy["url"], attempts=3).list_functions()["Functions"] is not None
    assert [entry["kind"] for entry in control(proxy)["injected"]] == ["throttle", "throttle"]


def test_unavailable_is_service_exception_503(endpoint, proxy, faults, via_proxy):
    faults(unavailable=1.0)
    mark = requestlog.count(url=endpoint["url"])
    assert error_of(via_proxy.get_function, FunctionName="fp-plain")[:2] == (503, "ServiceException")
    assert requestlog.since(mark, url=endpoint["url"]) == []
    assert control(proxy)["faults"] == {"unavailable": {"GetFunction": 1}}


def test_conflict_only_on_mutating_calls_that_name_a_function(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-conflict")
    faults(conflict=1.0)
    mark = requestlog.count(url=endpoint["url"])
    status, code, message = error_of(via_proxy.update_function_configuration, FunctionName="fp-conflict",
                                     Description="changed")
    assert (status, code) == (409, "ResourceConflictException")
    assert message == IN_PROGRESS + "arn:aws:lambda:us-east-1:%s:function:fp-conflict" % ACCOUNT
    assert error_of(via_proxy.publish_version, FunctionName="fp-conflict")[1] == "ResourceConflictException"
    # Not faulted: reads, CreateFunction (no function yet), Invoke, operations without a function in their path.
    assert via_proxy.get_function(FunctionName="fp-conflict")["Configuration"]["Description"] == ""
    create_function(via_proxy, endpoint, "fp-conflict-new")
    via_proxy.invoke(FunctionName="fp-conflict", Payload=b"{}")
    via_proxy.publish_layer_version(LayerName="fp-conflict-layer", Content={"ZipFile": zipped("X = 1\n")})
    assert requestlog.lambda_ops(mark, url=endpoint["url"], mutating=True) == [
        "CreateFunction", "Invoke", "PublishLayerVersion"]
    assert control(proxy)["faults"] == {"conflict": {"UpdateFunctionConfiguration": 1, "PublishVersion": 1}}


def test_a_lost_answer_applies_the_change(endpoint, proxy, faults, via_proxy, direct):
    faults(lost=1.0)
    mark = requestlog.count(url=endpoint["url"])
    status, code, _message = error_of(create_function, lambda_client=via_proxy, endpoint=endpoint, name="fp-lost")
    assert (status, code) == (500, "ServiceException")
    assert direct.get_function(FunctionName="fp-lost")["Configuration"]["FunctionName"] == "fp-lost"
    assert via_proxy.get_function(FunctionName="fp-lost")  # reads are not lost
    assert [(entry["operation"], entry["status"]) for entry in requestlog.since(mark, url=endpoint["url"])] == [
        ("CreateFunction", 201), ("GetFunction", 200), ("GetFunction", 200)]
    assert control(proxy)["injected"] == [
        {"n": 1, "operation": "CreateFunction", "kind": "lost", "upstream_status": 201}]


def test_the_retry_of_a_lost_create_is_refused_as_aws_refuses_it(endpoint, proxy, faults):
    faults(script=[{"kind": "lost", "operation": "CreateFunction"}])
    mark = requestlog.count(url=endpoint["url"])
    status, code, message = error_of(create_function, lambda_client=client(proxy["url"], attempts=3),
                                     endpoint=endpoint, name="fp-lost-retried")
    assert (status, code, message) == (409, "ResourceConflictException", "Function already exist: fp-lost-retried")
    assert [(entry["operation"], entry["status"]) for entry in requestlog.since(mark, url=endpoint["url"])] == [
        ("CreateFunction", 201), ("CreateFunction", 409)]


def test_the_retry_of_a_lost_layer_publish_makes_a_second_version(endpoint, proxy, faults, direct):
    faults(script=[{"kind": "lost", "operation": "PublishLayerVersion"}])
    retrying = client(proxy["url"], attempts=3)
    answer = retrying.publish_layer_version(LayerName="fp-lost-layer", Content={"ZipFile": zipped("X = 1\n")})
    assert answer["Version"] == 2
    versions = direct.list_layer_versions(LayerName="fp-lost-layer")["LayerVersions"]
    assert sorted(version["Version"] for version in versions) == [1, 2]


def test_the_retry_of_a_lost_publish_version_gets_the_same_version(endpoint, proxy, faults, direct):
    create_function(direct, endpoint, "fp-lost-publish")
    faults(script=[{"kind": "lost", "operation": "PublishVersion"}])
    mark = requestlog.count(url=endpoint["url"])
    assert client(proxy["url"], attempts=3).publish_version(FunctionName="fp-lost-publish")["Version"] == "1"
    assert requestlog.lambda_ops(mark, url=endpoint["url"]) == ["PublishVersion", "PublishVersion"]
    versions = direct.list_versions_by_function(FunctionName="fp-lost-publish")["Versions"]
    assert [version["Version"] for version in versions] == ["$LATEST", "1"]  # nothing changed: no new version


def test_the_same_seed_gives_the_same_faults(proxy, faults, via_proxy):
    def run(seed):
        faults(seed=seed, throttle=0.2, unavailable=0.1)
        outcomes = [outcome(via_proxy.list_functions) for _request in range(40)]
        return outcomes, control(proxy)["injected"]

    first, first_report = run(7)
    again, again_report = run(7)
    other, _other_report = run(8)
    assert first == again and first_report == again_report
    assert first != other
    assert {"TooManyRequestsException", "ServiceException", "ok"} == set(first)
    assert [entry["n"] for entry in first_report] == [n + 1 for n, result in enumerate(first) if result != "ok"]


def test_duplicate_create_function_is_refused(endpoint, proxy, faults, via_proxy):
    create_function(via_proxy, endpoint, "fp-twice")
    assert error_of(create_function, lambda_client=via_proxy, endpoint=endpoint, name="fp-twice") == (
        409, "ResourceConflictException", "Function already exist: fp-twice")


def test_duplicates_are_refused_as_aws_refuses_them(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-strict", Publish=True)
    function_arn = "arn:aws:lambda:us-east-1:%s:function:fp-strict" % ACCOUNT

    via_proxy.create_alias(FunctionName="fp-strict", Name="live", FunctionVersion="1")
    assert error_of(via_proxy.create_alias, FunctionName="fp-strict", Name="live", FunctionVersion="1") == (
        409, "ResourceConflictException", "Alias already exists: %s:live" % function_arn)

    grant = dict(FunctionName="fp-strict", StatementId="s3", Action="lambda:InvokeFunction",
                 Principal="s3.amazonaws.com")
    via_proxy.add_permission(**grant)
    assert error_of(via_proxy.add_permission, **grant) == (
        409, "ResourceConflictException", "The statement id (s3) provided already exists. Please provide a new "
        "statement id, or remove the existing statement.")
    by_arn = {**grant, "FunctionName": function_arn}
    assert error_of(via_proxy.add_permission, **by_arn)[1] == "ResourceConflictException"
    via_proxy.add_permission(Qualifier="live", **grant)  # another qualifier has a policy of its own
    qualified_name = {**grant, "FunctionName": "fp-strict:live"}
    assert error_of(via_proxy.add_permission, **qualified_name)[1] == "ResourceConflictException"

    layer = via_proxy.publish_layer_version(LayerName="fp-strict-layer", Content={"ZipFile": zipped("X = 1\n")})
    layer_grant = dict(LayerName="fp-strict-layer", VersionNumber=layer["Version"], StatementId="all",
                       Action="lambda:GetLayerVersion", Principal="*")
    via_proxy.add_layer_version_permission(**layer_grant)
    assert error_of(via_proxy.add_layer_version_permission, **layer_grant)[:2] == (409, "ResourceConflictException")

    sqs = client(endpoint["url"], "sqs")
    queue_url = sqs.create_queue(QueueName="fp-strict-queue")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    mapping = via_proxy.create_event_source_mapping(FunctionName="fp-strict", EventSourceArn=queue_arn)
    assert error_of(via_proxy.create_event_source_mapping, FunctionName=function_arn, EventSourceArn=queue_arn) == (
        409, "ResourceConflictException",
        'An event source mapping with SQS arn (" %s ") and function (" fp-strict ") already exists. Please update or '
        "delete the existing mapping with UUID %s" % (queue_arn, mapping["UUID"]))
    assert len(direct.list_event_source_mappings(EventSourceArn=queue_arn)["EventSourceMappings"]) == 1

    via_proxy.delete_event_source_mapping(UUID=mapping["UUID"])
    assert error_of(via_proxy.delete_event_source_mapping, UUID=mapping["UUID"]) == (
        404, "ResourceNotFoundException", "The resource you requested does not exist.")

    via_proxy.create_function_url_config(FunctionName="fp-strict", AuthType="AWS_IAM")
    assert error_of(via_proxy.create_function_url_config, FunctionName="fp-strict", AuthType="AWS_IAM")[:2] == (
        409, "ResourceConflictException")

    statements = json.loads(direct.get_policy(FunctionName="fp-strict")["Policy"])["Statement"]
    assert sorted(statement["Resource"] for statement in statements) == [function_arn, function_arn + ":live"]
    assert control(proxy)["aws_rules"] == {
        "CreateAlias": 1, "AddPermission": 3, "AddLayerVersionPermission": 1, "CreateEventSourceMapping": 1,
        "DeleteEventSourceMapping": 1, "CreateFunctionUrlConfig": 1}


def test_without_aws_rules_the_endpoint_answers(endpoint, proxy, faults, via_proxy, direct):
    faults(aws_rules=False)
    create_function(direct, endpoint, "fp-lax")
    grant = dict(FunctionName="fp-lax", StatementId="twice", Action="lambda:InvokeFunction",
                 Principal="s3.amazonaws.com")
    via_proxy.add_permission(**grant)
    via_proxy.add_permission(**grant)  # moto 5.2.5 stores the statement twice
    assert len(json.loads(direct.get_policy(FunctionName="fp-lax")["Policy"])["Statement"]) == 2


def test_control_path(proxy, faults, via_proxy):
    report = faults(seed=3, throttle=1.0)
    assert report["config"] == {"seed": 3, "throttle": 1.0, "unavailable": 0.0, "conflict": 0.0, "lost": 0.0,
                                "aws_rules": True, "revisions": False}
    assert report["requests"] == 0 and report["script"] == []
    for _request in range(3):  # the control path itself is never faulted
        assert control(proxy)["config"]["throttle"] == 1.0
    for bad in ({"throttle": 2}, {"throttle": 0.6, "lost": 0.6}, {"seed": "x"}, {"rate": 0.1},
                {"script": [{"kind": "explode"}]}, ["not", "an", "object"], {"revisions": "yes"},
                {"script": [{"kind": "throttle", "operation": "NoSuchOperation"}]},
                {"script": [{"kind": "throttle", "change": {"operation": "UpdateAlias"}}]},
                {"script": [{"kind": "interfere", "operation": "UpdateAlias"}]},
                {"script": [{"kind": "interfere", "operation": "UpdateAlias", "change": {"operation": "Explode"}}]},
                {"script": [{"kind": "interfere", "change": {"operation": "UpdateAlias", "params": {}}}]},
                {"script": [{"kind": "barrier", "operation": "CreateFunction", "parties": 1}]},
                {"script": [{"kind": "barrier", "parties": 2}]}):
        with pytest.raises(urllib.error.HTTPError) as refused:
            control(proxy, bad)
        assert refused.value.code == 400
        assert "error" in json.load(refused.value)
    assert control(proxy)["config"]["throttle"] == 1.0  # a refused change changes nothing
    with pytest.raises(urllib.error.HTTPError) as refused:
        control(proxy, method="DELETE")
    assert refused.value.code == 405

    # Changing rates without a seed keeps the sequence and the counters; a script is used up entry by entry.
    assert outcome(via_proxy.list_functions) == "TooManyRequestsException"
    report = control(proxy, {"throttle": 0.0, "script": [{"kind": "unavailable", "operation": "GetFunction"}]})
    assert report["requests"] == 1 and report["script"] == [{"kind": "unavailable", "operation": "GetFunction"}]
    assert outcome(via_proxy.list_functions) == "ok"
    assert outcome(via_proxy.get_function, FunctionName="fp-missing") == "ServiceException"
    assert outcome(via_proxy.get_function, FunctionName="fp-missing") == "ResourceNotFoundException"
    report = control(proxy)
    assert report["requests"] == 4 and report["script"] == []
    assert report["faults"] == {"throttle": {"ListFunctions": 1}, "unavailable": {"GetFunction": 1}}


def refused_as_stale(call, **kwargs):
    assert error_of(call, **kwargs) == (412, "PreconditionFailedException", STALE)


def test_revisions_are_given_and_checked_as_aws_does(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-revised", Publish=True)
    direct.create_alias(FunctionName="fp-revised", Name="live", FunctionVersion="1")
    direct.add_permission(FunctionName="fp-revised", StatementId="s3", Action="lambda:InvokeFunction",
                          Principal="s3.amazonaws.com")
    assert "RevisionId" not in direct.get_function(FunctionName="fp-revised")["Configuration"]  # moto 5.2.5
    faults(revisions=True)

    # A function's revision: the same from every read, a new one with every change.
    first = via_proxy.get_function(FunctionName="fp-revised")["Configuration"]["RevisionId"]
    assert via_proxy.get_function_configuration(FunctionName="fp-revised")["RevisionId"] == first
    listed = via_proxy.list_functions()["Functions"]
    assert [f["RevisionId"] for f in listed if f["FunctionName"] == "fp-revised"] == [first]
    mark = requestlog.count(url=endpoint["url"])
    second = via_proxy.update_function_configuration(FunctionName="fp-revised", MemorySize=256,
                                                     RevisionId=first)["RevisionId"]
    assert second != first
    assert via_proxy.get_function(FunctionName="fp-revised")["Configuration"]["RevisionId"] == second
    refused_as_stale(via_proxy.update_function_configuration, FunctionName="fp-revised", Timeout=9, RevisionId=first)
    refused_as_stale(via_proxy.update_function_code, FunctionName="fp-revised", ZipFile=zipped("X = 2\n"),
                     RevisionId=first)
    refused_as_stale(via_proxy.publish_version, FunctionName="fp-revised", RevisionId=first)
    # The refused writes never reached the endpoint: it saw only the proxy's reads of the revision.
    assert requestlog.lambda_ops(mark, url=endpoint["url"]) == [
        "GetFunctionConfiguration", "UpdateFunctionConfiguration", "GetFunction"] + ["GetFunctionConfiguration"] * 3
    assert direct.get_function(FunctionName="fp-revised")["Configuration"]["Timeout"] == 3
    # Without a RevisionId a write is applied whatever changed, as on AWS.
    assert via_proxy.update_function_configuration(FunctionName="fp-revised", Timeout=9)["RevisionId"] != second

    # An alias's revision (moto's never changes).
    alias_first = via_proxy.get_alias(FunctionName="fp-revised", Name="live")["RevisionId"]
    assert alias_first != direct.get_alias(FunctionName="fp-revised", Name="live")["RevisionId"]
    alias_second = via_proxy.update_alias(FunctionName="fp-revised", Name="live", Description="ours",
                                          RevisionId=alias_first)["RevisionId"]
    assert alias_second != alias_first
    assert [a["RevisionId"] for a in via_proxy.list_aliases(FunctionName="fp-revised")["Aliases"]] == [alias_second]
    refused_as_stale(via_proxy.update_alias, FunctionName="fp-revised", Name="live", Description="late",
                     RevisionId=alias_first)
    assert direct.get_alias(FunctionName="fp-revised", Name="live")["Description"] == "ours"

    # A policy's revision moves with every statement added or removed (moto's does not move on a remove).
    policy_first = via_proxy.get_policy(FunctionName="fp-revised")["RevisionId"]
    via_proxy.add_permission(FunctionName="fp-revised", StatementId="sns", Action="lambda:InvokeFunction",
                             Principal="sns.amazonaws.com", RevisionId=policy_first)
    policy_second = via_proxy.get_policy(FunctionName="fp-revised")["RevisionId"]
    refused_as_stale(via_proxy.remove_permission, FunctionName="fp-revised", StatementId="s3",
                     RevisionId=policy_first)
    via_proxy.remove_permission(FunctionName="fp-revised", StatementId="s3", RevisionId=policy_second)
    assert via_proxy.get_policy(FunctionName="fp-revised")["RevisionId"] not in (policy_first, policy_second)
    statements = json.loads(direct.get_policy(FunctionName="fp-revised")["Policy"])["Statement"]
    assert [statement["Sid"] for statement in statements] == ["sns"]
    assert control(proxy)["revisions"] == {
        "checked": {"UpdateFunctionConfiguration": 2, "UpdateFunctionCode": 1, "PublishVersion": 1, "UpdateAlias": 2,
                    "AddPermission": 1, "RemovePermission": 2},
        "refused": {"UpdateFunctionConfiguration": 1, "UpdateFunctionCode": 1, "PublishVersion": 1, "UpdateAlias": 1,
                    "RemovePermission": 1}}


def test_without_revisions_the_answers_are_the_endpoints(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-unrevised")
    assert "RevisionId" not in via_proxy.get_function(FunctionName="fp-unrevised")["Configuration"]
    via_proxy.update_function_configuration(FunctionName="fp-unrevised", MemorySize=256, RevisionId="anything")
    assert control(proxy)["revisions"] == {"checked": {}, "refused": {}}


def test_someone_elses_change_in_between_refuses_the_stale_write(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-interfered")
    faults(revisions=True, script=[{"kind": "interfere", "operation": "UpdateFunctionConfiguration", "change": {
        "operation": "UpdateFunctionConfiguration",
        "params": {"FunctionName": "fp-interfered", "Timeout": 42, "Description": "theirs"}}}])
    revision = via_proxy.get_function(FunctionName="fp-interfered")["Configuration"]["RevisionId"]
    mark = requestlog.count(url=endpoint["url"])
    refused_as_stale(via_proxy.update_function_configuration, FunctionName="fp-interfered", MemorySize=256,
                     RevisionId=revision)
    # Their change was made; ours was not forwarded.
    assert requestlog.lambda_ops(mark, url=endpoint["url"]) == ["UpdateFunctionConfiguration",
                                                                "GetFunctionConfiguration"]
    configuration = direct.get_function_configuration(FunctionName="fp-interfered")
    assert (configuration["MemorySize"], configuration["Timeout"], configuration["Description"]) == (128, 42, "theirs")
    # Read again, write again: both changes are there.
    revision = via_proxy.get_function(FunctionName="fp-interfered")["Configuration"]["RevisionId"]
    via_proxy.update_function_configuration(FunctionName="fp-interfered", MemorySize=256, RevisionId=revision)
    configuration = direct.get_function_configuration(FunctionName="fp-interfered")
    assert (configuration["MemorySize"], configuration["Timeout"], configuration["Description"]) == (256, 42, "theirs")
    report = control(proxy)
    assert report["interfered"] == [{"n": 2, "operation": "UpdateFunctionConfiguration",
                                     "changes": [{"operation": "UpdateFunctionConfiguration", "status": "ok"}]}]
    assert report["injected"] == [{"n": 2, "operation": "UpdateFunctionConfiguration", "kind": "interfere"}]
    assert report["answered"] == [
        {"n": 1, "operation": "GetFunction", "status": 200},
        {"n": 2, "operation": "UpdateFunctionConfiguration", "status": 412},
        {"n": 3, "operation": "GetFunction", "status": 200},
        {"n": 4, "operation": "UpdateFunctionConfiguration", "status": 200}]
    assert report["revisions"] == {"checked": {"UpdateFunctionConfiguration": 2},
                                   "refused": {"UpdateFunctionConfiguration": 1}}


def test_a_write_without_revision_id_is_applied_over_the_change(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-blind")
    direct.publish_version(FunctionName="fp-blind")
    direct.create_alias(FunctionName="fp-blind", Name="live", FunctionVersion="1", Description="first")
    faults(revisions=True, script=[{"kind": "interfere", "operation": "UpdateAlias", "change": [
        {"operation": "UpdateAlias", "params": {"FunctionName": "fp-blind", "Name": "live", "Description": "theirs"}},
        {"operation": "UpdateFunctionConfiguration", "params": {"FunctionName": "fp-blind", "Timeout": 7}}]}])
    via_proxy.update_alias(FunctionName="fp-blind", Name="live", Description="ours")
    assert direct.get_alias(FunctionName="fp-blind", Name="live")["Description"] == "ours"  # theirs is lost
    assert direct.get_function_configuration(FunctionName="fp-blind")["Timeout"] == 7
    assert [change["status"] for change in control(proxy)["interfered"][0]["changes"]] == ["ok", "ok"]


def test_a_change_the_endpoint_refuses_is_reported_to_the_request(endpoint, proxy, faults, via_proxy, direct):
    create_function(direct, endpoint, "fp-bad-change")
    faults(revisions=True, script=[{"kind": "interfere", "operation": "UpdateFunctionConfiguration", "change": {
        "operation": "UpdateFunctionConfiguration", "params": {"FunctionName": "fp-no-such-function", "Timeout": 9}}}])
    mark = requestlog.count(url=endpoint["url"])
    status, code, message = error_of(via_proxy.update_function_configuration, FunctionName="fp-bad-change",
                                     MemorySize=256)
    assert (status, code) == (400, "FaultProxyInterferenceFailed")
    assert "UpdateFunctionConfiguration" in message and "ResourceNotFoundException" in message
    assert requestlog.lambda_ops(mark, url=endpoint["url"]) == ["UpdateFunctionConfiguration"]  # theirs only
    assert direct.get_function_configuration(FunctionName="fp-bad-change")["MemorySize"] == 128


def concurrently(*calls):
    """Run the calls at once, each in its own thread; their outcomes, in the order given."""
    outcomes = [None] * len(calls)

    def run(index, call):
        outcomes[index] = outcome(call)

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return outcomes


def test_a_barrier_lets_two_clients_read_before_either_writes(endpoint, proxy, faults, direct):
    create_function(direct, endpoint, "fp-race")
    faults(revisions=True, script=[{"kind": "barrier", "operation": "UpdateFunctionConfiguration", "parties": 2}])

    def writer(**change):
        def write():
            lambda_client = client(proxy["url"])
            revision = lambda_client.get_function(FunctionName="fp-race")["Configuration"]["RevisionId"]
            lambda_client.update_function_configuration(FunctionName="fp-race", RevisionId=revision, **change)
        return write

    assert sorted(concurrently(writer(MemorySize=256), writer(Timeout=30))) == ["PreconditionFailedException", "ok"]
    report = control(proxy)
    assert report["script"] == []
    assert [(b["operation"], b["parties"], len(b["arrived"]), b["met"]) for b in report["barriers"]] == [
        ("UpdateFunctionConfiguration", 2, 2, True)]
    assert report["revisions"] == {"checked": {"UpdateFunctionConfiguration": 2},
                                   "refused": {"UpdateFunctionConfiguration": 1}}
    configuration = direct.get_function_configuration(FunctionName="fp-race")
    assert [configuration["MemorySize"], configuration["Timeout"]] in ([256, 3], [128, 30])


def test_two_creates_held_by_a_barrier_one_is_refused(endpoint, proxy, faults, direct):
    faults(script=[{"kind": "barrier", "operation": "CreateFunction", "parties": 2}])

    def create():
        create_function(client(proxy["url"]), endpoint, "fp-race-create")

    assert sorted(concurrently(create, create)) == ["ResourceConflictException", "ok"]
    report = control(proxy)
    assert [entry["status"] for entry in report["answered"]] == [201, 409]  # one at a time, in arrival order
    assert report["barriers"][0]["met"] is True


def test_a_barrier_whose_parties_do_not_all_come_lets_the_others_go(endpoint, proxy, faults, via_proxy):
    faults(script=[{"kind": "barrier", "operation": "ListFunctions", "parties": 2, "timeout": 1}])
    started = time.monotonic()
    assert outcome(via_proxy.list_functions) == "ok"
    assert time.monotonic() - started >= 1
    report = control(proxy)
    assert report["barriers"] == [{"operation": "ListFunctions", "parties": 2, "arrived": [1], "met": False}]
    assert report["script"] == [{"kind": "barrier", "operation": "ListFunctions", "parties": 2, "timeout": 1}]
