"""The local AWS endpoint used by the integration tests, the demo and the benchmarks.

It is moto's standalone server (moto[server] 5.2.5) on 127.0.0.1, wrapped in a
small WSGI middleware that records every AWS request it answers, so that a test
can assert which API calls a module made (or did not make).

Commands (run with a Python that has moto[server] and boto3, e.g. .venv/core-2.21/bin/python)::

    python tests/utils/endpoint.py start --state-dir DIR   # start in the background, print the URL
    python tests/utils/endpoint.py stop --state-dir DIR    # stop the server that `start` left in DIR
    python tests/utils/endpoint.py serve --port N [--state-dir DIR]   # run in the foreground
    python tests/utils/endpoint.py integration-config --state-dir DIR  # print integration_config.yml

`start` picks a free port, launches `serve` detached (its output goes to
DIR/server.log), waits until it answers, turns off Docker for Lambda
(POST /moto-api/config {"lambda": {"use_docker": false}}), creates the IAM role
`cloudfn-lambda-role` that functions run as, and writes DIR/endpoint.json::

    {"url": "http://127.0.0.1:PORT", "pid": 1234,
     "role_arn": "arn:aws:iam::123456789012:role/cloudfn-lambda-role",
     "region": "us-east-1"}

The request log
---------------
`GET /_requestlog?since=N` on the same port answers::

    {"count": TOTAL, "requests": [ENTRY, ...]}   # entries with seq > N, oldest first

and each ENTRY (also appended as one JSON line to DIR/requests.jsonl) is::

    {"seq": 7, "time": 1732476000.123, "method": "PUT",
     "path": "/2015-03-31/functions/demo/configuration", "query": "",
     "service": "lambda", "operation": "UpdateFunctionConfiguration",
     "status": 200, "mutating": true}

`service` comes from the credential scope of the Authorization header (or the
first label of the Host header). `operation` is the Lambda operation whose
method and requestUri (from botocore's service model) match the request, the
X-Amz-Target of JSON-protocol services, the `Action` query parameter, or null.
`mutating` is false for Lambda operations named Get*/List* and DryRun invocations and, for other
services (or unresolved Lambda paths), for GET and HEAD requests. Requests to
/moto-api/ and /_requestlog are not recorded. tests/utils/requestlog.py reads
the log from Python.
"""

import argparse
import io
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HOST = "127.0.0.1"
REGION = "us-east-1"
ROLE_NAME = "cloudfn-lambda-role"
LOG_PATH = "/_requestlog"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
LAMBDA_TRUST_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
# The endpoints' own control paths (moto's /moto-api/, LocalStack's health and internal Lambda routes): not recorded.
UNRECORDED_PREFIXES = ("/moto-api/", "/_localstack/", "/_localstack_lambda/")
CREDENTIAL_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request")


def lambda_routes():
    """(method, path regex, required query pairs, operation) for every Lambda operation.

    More specific routes (query requirements, more literal characters) come first.
    """
    import botocore.session

    model = botocore.session.get_session().get_service_model("lambda")
    routes = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        path, query = (http["requestUri"].split("?", 1) + [""])[:2]
        pattern = re.sub(r"\\{[^}]+\\\+\\}", ".+", re.escape(path.rstrip("/")))
        pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", pattern)
        literal = len(re.sub(r"{[^}]+}", "", path))
        required = urllib.parse.parse_qsl(query)
        routes.append((len(required), literal, http["method"], re.compile(pattern + "/?"), required, name))
    routes.sort(key=lambda route: (-route[0], -route[1]))
    return [route[2:] for route in routes]


class RequestLog:
    """Thread-safe, append-only list of request entries, mirrored to a JSON-lines file."""

    def __init__(self, jsonl_path=None):
        self.entries = []
        self.jsonl_path = jsonl_path
        self.lock = threading.Lock()

    def append(self, entry):
        with self.lock:
            entry = {"seq": len(self.entries) + 1, **entry}
            self.entries.append(entry)
            if self.jsonl_path:
                with open(self.jsonl_path, "a", encoding="utf-8") as jsonl:
                    jsonl.write(json.dumps(entry) + "\n")

    def since(self, seq):
        with self.lock:
            return len(self.entries), self.entries[max(seq, 0):]


class RecordingMiddleware:
    """WSGI middleware: serves /_requestlog, records every other request (but the UNRECORDED_PREFIXES)."""

    def __init__(self, app, log):
        self.app = app
        self.log = log
        self.routes = lambda_routes()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == LOG_PATH:
            return self.serve_log(environ, start_response)
        if path.startswith(UNRECORDED_PREFIXES):
            return self.app(environ, start_response)

        started = time.time()

        def recording_start_response(status, headers, exc_info=None):
            self.log.append(self.describe(environ, started, int(status.split()[0])))
            return start_response(status, headers, exc_info)

        return self.app(environ, recording_start_response)

    def describe(self, environ, started, status):
        method = environ.get("REQUEST_METHOD", "")
        path = environ.get("PATH_INFO", "")
        query = environ.get("QUERY_STRING", "")
        scope = CREDENTIAL_SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
        service = scope.group(1) if scope else environ.get("HTTP_HOST", "").split(".")[0] or None
        operation = None
        if service == "lambda":
            # The path as sent, before the server decoded it: a label such as a durable execution's ARN holds an
            # encoded "/" (%2F), which the decoded PATH_INFO turns into segments no route matches.
            raw_path = (environ.get("RAW_URI") or environ.get("REQUEST_URI") or path).split("?", 1)[0]
            operation = self.lambda_operation(method, raw_path, query) or self.lambda_operation(method, path, query)
        elif environ.get("HTTP_X_AMZ_TARGET"):
            operation = environ["HTTP_X_AMZ_TARGET"].rpartition(".")[2]
        else:
            operation = dict(urllib.parse.parse_qsl(query)).get("Action")
        if service == "lambda" and operation:
            # A DryRun invocation only checks the function and the caller's permission: it runs nothing.
            dry_run = operation in ("Invoke", "InvokeWithResponseStream") and environ.get("HTTP_X_AMZ_INVOCATION_TYPE") == "DryRun"
            mutating = not operation.startswith(("Get", "List")) and not dry_run
        else:
            mutating = method not in ("GET", "HEAD")
        return {
            "time": round(started, 3),
            "method": method,
            "path": path,
            "query": query,
            "service": service,
            "operation": operation,
            "status": status,
            "mutating": mutating,
        }

    def lambda_operation(self, method, path, query):
        params = urllib.parse.parse_qsl(query)
        for route_method, pattern, required, name in self.routes:
            if route_method == method and pattern.fullmatch(path) and all(pair in params for pair in required):
                return name
        return None

    def serve_log(self, environ, start_response):
        since = urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("since", ["0"])[0]
        try:
            count, requests = self.log.since(int(since))
        except ValueError:
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"since must be an integer\n"]
        body = json.dumps({"count": count, "requests": requests}).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def fix_remove_permission_revision_id():
    """Make moto 5.2.5's RemovePermission honour a RevisionId as AWS does.

    moto reads the RevisionId query parameter as a list and compares that list with the
    policy's revision string, so every RemovePermission carrying the right RevisionId is
    refused with PreconditionFailedException. Hand it the single value instead. This corrects
    the stand-in for AWS; the collection's own code is not touched.
    """
    from moto.awslambda.responses import LambdaResponse

    original = LambdaResponse.remove_permission

    def remove_permission(self):
        revision = self.querystring.get("RevisionId")
        if isinstance(revision, list):
            self.querystring["RevisionId"] = revision[0] if revision else ""
        return original(self)

    LambdaResponse.remove_permission = remove_permission


def fix_event_invoke_configs():
    """Make moto 5.2.5 keep asynchronous invocation settings per function and qualifier, as AWS does.

    moto keeps one list of configurations per function: PutFunctionEventInvokeConfig appends to it,
    GetFunctionEventInvokeConfig answers the first entry (so a second Put never shows),
    UpdateFunctionEventInvokeConfig appends the given fields alone (and creates a configuration where
    there is none), the Qualifier is ignored by every operation, and Delete empties the whole list.

    AWS keeps one configuration per function and qualifier (none or ``$LATEST``: the unpublished
    version; a version number; an alias name, also when given in the function name or ARN): Put replaces
    that configuration whole, Update merges the given top-level fields into it and fails with
    ResourceNotFoundException when there is none, Get and Delete read or remove only that qualifier's
    (ResourceNotFoundException when absent), List answers every qualifier's. Answers carry the qualified
    FunctionArn (``...:function:NAME:$LATEST`` for the unqualified one), LastModified, the fields set,
    and a DestinationConfig with both halves (``{}`` for a half without destination), as in AWS's
    examples. moto's own checks of the values (ranges, destination ARN pattern) are kept.
    """
    from moto.awslambda.exceptions import UnknownEventConfig
    from moto.awslambda.models import EventInvokeConfig
    from moto.awslambda.responses import LambdaResponse

    path_name = re.compile(r"/functions/([^/]+)/event-invoke-config")

    def target(response):
        """(the configurations of the function by qualifier, the qualifier, the qualified ARN)."""
        name = urllib.parse.unquote(path_name.search(response.path).group(1))
        qualifier = response.querystring.get("Qualifier", [None])[0]
        tail = name.split(":function:")[-1]
        if ":" in tail:  # name:QUALIFIER or an ARN ending in :QUALIFIER
            qualifier = tail.split(":", 1)[1]
        # Fails with ResourceNotFoundException for a function, version or alias that does not exist.
        function = response.backend.get_function(name, qualifier)
        latest = response.backend.get_function(function.function_name)
        if not hasattr(latest, "event_invoke_configs_by_qualifier"):
            latest.event_invoke_configs_by_qualifier = {}
        qualifier = qualifier or "$LATEST"
        return latest.event_invoke_configs_by_qualifier, qualifier, "%s:%s" % (latest.function_arn, qualifier)

    def answer(arn, config, status=200):
        destinations = config.get("DestinationConfig") or {}
        body = dict(config, FunctionArn=arn, DestinationConfig={
            "OnSuccess": destinations.get("OnSuccess") or {}, "OnFailure": destinations.get("OnFailure") or {}})
        return status, {"Content-Type": "application/json"}, json.dumps(body)

    def store(configs, qualifier, config):
        config = {key: value for key, value in config.items() if key not in ("FunctionName", "Qualifier")}
        EventInvokeConfig("", "", config)  # moto's checks of the values
        configs[qualifier] = dict(config, LastModified=time.time())
        return configs[qualifier]

    def put_function_event_invoke_config(self):
        configs, qualifier, arn = target(self)
        return answer(arn, store(configs, qualifier, json.loads(self.body or "{}")))

    def update_function_event_invoke_config(self):
        configs, qualifier, arn = target(self)
        if qualifier not in configs:
            raise UnknownEventConfig(arn)
        current = {key: value for key, value in configs[qualifier].items() if key != "LastModified"}
        return answer(arn, store(configs, qualifier, dict(current, **json.loads(self.body or "{}"))))

    def get_function_event_invoke_config(self):
        configs, qualifier, arn = target(self)
        if qualifier not in configs:
            raise UnknownEventConfig(arn)
        return answer(arn, configs[qualifier])

    def delete_function_event_invoke_config(self):
        configs, qualifier, arn = target(self)
        if configs.pop(qualifier, None) is None:
            raise UnknownEventConfig(arn)
        return 204, {}, ""

    def list_function_event_invoke_configs(self):
        configs, _qualifier, arn = target(self)
        base = arn.rsplit(":", 1)[0]
        listed = [json.loads(answer("%s:%s" % (base, qualifier), config)[2]) for qualifier, config in configs.items()]
        return 200, {"Content-Type": "application/json"}, json.dumps({"FunctionEventInvokeConfigs": listed})

    for handler in (put_function_event_invoke_config, update_function_event_invoke_config,
                    get_function_event_invoke_config, delete_function_event_invoke_config,
                    list_function_event_invoke_configs):
        setattr(LambdaResponse, handler.__name__, handler)


def fix_version_numbers():
    """Make moto 5.2.5 number published versions as AWS does: never reusing a number.

    moto numbers a new version "how many versions are there, plus one", so once an old
    version is deleted the next PublishVersion repeats the number of a version that still
    exists. AWS counts up from the highest number the function ever had. Renumber what moto
    publishes from a high-water mark kept with the function (a function deleted and made
    again starts from 1, as on AWS). This corrects the stand-in; the collection is not touched.
    """
    from moto.awslambda.models import LambdaStorage

    original = LambdaStorage.publish_version

    def publish_version(self, name_or_arn, description=""):
        before = None
        function = self.get_function_by_name_or_arn_forbid_qualifier(name_or_arn)
        group = self._functions.get(function.function_name)
        if group is not None:
            before = list(group["versions"])
        published = original(self, name_or_arn, description)
        if published is None or group is None or any(published is version for version in before):
            return published  # nothing new was published
        highest = max([group.get("highest_version", 0)] + [int(v.version) for v in before])
        if int(published.version) <= highest:
            # moto filed the new version under the ARN of an existing one: give that ARN back.
            reused = published.function_arn
            owner = [version for version in before if version.function_arn == reused]
            if owner:
                self._arns[reused] = owner[0]
            else:
                self._arns.pop(reused, None)
            published.set_version(highest + 1)
            self._arns[published.function_arn] = published
        group["highest_version"] = int(published.version)
        return published

    LambdaStorage.publish_version = publish_version


def fix_invoke():
    """Make moto 5.2.5's Invoke find the function, version or alias it runs, as AWS does.

    Without Docker, moto answers every invocation (RequestResponse, Event, DryRun) by echoing the
    payload, also for a function, version or alias that does not exist, and it reads the qualifier from
    a ``qualifier`` query parameter (botocore sends ``Qualifier``), so it never says which version ran.
    AWS answers ResourceNotFoundException (HTTP 404) for a missing function, version or alias, and the
    answer of a synchronous invocation carries the version that ran in X-Amz-Executed-Version (for an
    alias, the version it points to). Look the function up first, with the qualifier from the function
    name or ARN (full or partial) or from the Qualifier parameter, and add that header. This corrects
    the stand-in for AWS; the collection's own code is not touched.
    """
    from moto.awslambda.responses import LambdaResponse

    original = LambdaResponse.invoke

    def invoke(self):
        name = urllib.parse.unquote(self.path.rsplit("/", 2)[-2])
        # Split on ":function:" here: moto's own lookup fails (HTTP 500) on a partial ARN.
        name, qualifier = (name.split(":function:")[-1].split(":", 1) + [None])[:2]
        qualifier = qualifier or self.querystring.get("Qualifier", [None])[0]
        # UnknownFunctionException (ResourceNotFoundException, 404) for a missing function, version or alias.
        function = self.backend.get_function(name, qualifier)
        status, headers, body = original(self)
        if status == 200:
            headers["x-amz-executed-version"] = function.version
        return status, headers, body

    LambdaResponse.invoke = invoke


def fix_event_source_mapping_alias():
    """Make moto 5.2.5 keep the alias in the FunctionArn of a mapping made or moved for an alias, as AWS does.

    A mapping created (or updated) with FunctionName NAME:ALIAS (or an ARN ending in :ALIAS) gets,
    from moto, the ARN of the version the alias points to at that moment (unqualified for $LATEST). AWS
    keeps the alias (arn:...:function:NAME:ALIAS), so the mapping follows the alias to every later
    version, and ListEventSourceMappings lists it with that ARN. Put the alias back after moto's
    create and update. This corrects the stand-in; the collection is not touched.
    """
    from moto.awslambda.models import LambdaBackend

    def alias_arn(functions, function_name):
        """The ARN AWS gives a mapping of NAME:ALIAS (None for a version, $LATEST or no qualifier)."""
        name, separator, qualifier = function_name.split(":function:")[-1].partition(":")
        if not separator or qualifier.isdigit() or qualifier == "$LATEST":
            return None
        function = functions.get_function_by_name_or_arn_with_qualifier(name)
        return "%s:%s" % (function.function_arn.split(":$LATEST")[0], qualifier)

    original_create = LambdaBackend.create_event_source_mapping
    original_update = LambdaBackend.update_event_source_mapping

    def create_event_source_mapping(self, spec):
        mapping = original_create(self, spec)
        arn = alias_arn(self._lambdas, spec.get("FunctionName") or "")
        if arn:
            mapping.function_arn = arn
        return mapping

    def update_event_source_mapping(self, uuid, spec):
        mapping = original_update(self, uuid, spec)
        arn = alias_arn(self._lambdas, spec.get("FunctionName") or "") if mapping else None
        if arn:
            mapping.function_arn = arn
        return mapping

    LambdaBackend.create_event_source_mapping = create_event_source_mapping
    LambdaBackend.update_event_source_mapping = update_event_source_mapping


def fix_function_configuration():
    """Keep every setting UpdateFunctionConfiguration is given, and the dead-letter target and logging settings of
    CreateFunction, as AWS does.

    moto 5.2.5's UpdateFunctionConfiguration keeps only the description, handler, memory, role, runtime, timeout,
    VPC, environment and layers: TracingConfig, KMSKeyArn, EphemeralStorage, DeadLetterConfig, LoggingConfig and
    ImageConfig are answered as before, and DeadLetterConfig and LoggingConfig are not kept at all. AWS keeps
    them and returns them in the configuration (DeadLetterConfig only when set; LoggingConfig always, with
    LogFormat Text and the log group /aws/lambda/NAME by default).
    """
    from moto.awslambda.models import ImageConfig, LambdaFunction

    create, update, configuration = LambdaFunction.__init__, LambdaFunction.update_configuration, \
        LambdaFunction.get_configuration

    def keep(self, spec):
        if "TracingConfig" in spec:
            self.tracing_config = spec["TracingConfig"] or {"Mode": "PassThrough"}
        if "KMSKeyArn" in spec:
            self.kms_key_arn = spec["KMSKeyArn"] or None
        if "EphemeralStorage" in spec:
            self.ephemeral_storage = spec["EphemeralStorage"]["Size"]
        if "DeadLetterConfig" in spec:
            self.cloudfn_dead_letter = (spec["DeadLetterConfig"] or {}).get("TargetArn") or None
        if "LoggingConfig" in spec:
            self.cloudfn_logging = dict(getattr(self, "cloudfn_logging", None) or {}, **spec["LoggingConfig"])
        if "ImageConfig" in spec:
            self.image_config = ImageConfig(spec["ImageConfig"] or {})

    def init(self, account_id, spec, region, *args, **kwargs):
        create(self, account_id, spec, region, *args, **kwargs)
        keep(self, dict((k, v) for k, v in spec.items() if k in ("DeadLetterConfig", "LoggingConfig")))

    def update_configuration(self, config_updates):
        keep(self, config_updates)
        return update(self, config_updates)

    def get_configuration(self, on_create=False):
        answer = configuration(self, on_create)
        if getattr(self, "cloudfn_dead_letter", None):
            answer["DeadLetterConfig"] = dict(TargetArn=self.cloudfn_dead_letter)
        answer["LoggingConfig"] = dict(dict(LogFormat="Text", LogGroup="/aws/lambda/%s" % self.function_name),
                                       **(getattr(self, "cloudfn_logging", None) or {}))
        if not answer.get("KMSKeyArn"):
            answer.pop("KMSKeyArn", None)
        return answer

    LambdaFunction.__init__ = init
    LambdaFunction.update_configuration = update_configuration
    LambdaFunction.get_configuration = get_configuration


def fix_function_code_key():
    """Keep the customer managed key that encrypts a function's .zip package (Code.SourceKMSKeyArn), as AWS does.

    moto 5.2.5 takes SourceKMSKeyArn with the Code of CreateFunction and with UpdateFunctionCode but never answers
    it. AWS keeps the key CreateFunction or the last UpdateFunctionCode gave (an UpdateFunctionCode without one
    goes back to the AWS owned key) and answers it in GetFunction's Code (absent with the AWS owned key); a
    published version keeps the key its code had. The key is kept in an attribute of the function, which a
    version copies (moto's versions share the Code dictionary of CreateFunction with the unpublished function).
    """
    from moto.awslambda.models import LambdaFunction

    update, code = LambdaFunction.update_function_code, LambdaFunction.get_code

    def update_function_code(self, updated_spec):
        if not updated_spec.get("DryRun"):
            self.cloudfn_source_key = updated_spec.get("SourceKMSKeyArn") or None
        return update(self, updated_spec)

    def get_code(self):
        answer = code(self)
        key = getattr(self, "cloudfn_source_key", self.code.get("SourceKMSKeyArn"))
        if key and "Code" in answer:
            answer["Code"]["SourceKMSKeyArn"] = key
        return answer

    LambdaFunction.update_function_code = update_function_code
    LambdaFunction.get_code = get_code


def fix_layer_versions_by_arn():
    """ListLayerVersions finds a layer given by its ARN, as AWS does (LayerName takes a name or an ARN);
    moto 5.2.5 looks the ARN up as a name (still URL-encoded) and answers an empty list."""
    from moto.awslambda.models import LambdaBackend

    listing = LambdaBackend.list_layer_versions

    def list_layer_versions(self, layer_name):
        return listing(self, urllib.parse.unquote(layer_name).split(":layer:")[-1])

    LambdaBackend.list_layer_versions = list_layer_versions


def fix_dynamodb_table_id():
    """DescribeTable (and CreateTable, UpdateTable, DeleteTable) answer a TableId, as AWS does; moto leaves it out
    (amazon.aws.dynamodb_table, which amazon.aws's lambda_event target uses, reads it)."""
    import uuid

    from moto.dynamodb.models.table import Table

    describe = Table.describe

    def describe_with_id(self, base_key="TableDescription"):
        if not hasattr(self, "_cloudfn_table_id"):
            self._cloudfn_table_id = str(uuid.uuid4())
        answer = describe(self, base_key)
        answer[base_key].setdefault("TableId", self._cloudfn_table_id)
        return answer

    Table.describe = describe_with_id


# Runs one Python handler in a child process: argv handler, result file; the event on stdin.
PYTHON_BOOTSTRAP = """
import importlib, json, sys, traceback
sys.path.insert(0, ".")
handler, result_path = sys.argv[1], sys.argv[2]
class Context:
    function_name = %r
    def get_remaining_time_in_millis(self):
        return 60000
try:
    module_name, function_name = handler.rsplit(".", 1)
    answer = dict(result=getattr(importlib.import_module(module_name), function_name)(json.load(sys.stdin), Context()))
except Exception as error:
    traceback.print_exc()
    answer = dict(error=dict(errorMessage=str(error), errorType=type(error).__name__,
                             stackTrace=traceback.format_tb(error.__traceback__)))
with open(result_path, "w") as f:
    json.dump(answer, f)
"""


def run_python_handlers():
    """With ``--run-python``: Invoke runs a Zip function's Python handler, as AWS does, in a child process of the
    endpoint's own Python (whatever Python version the function's runtime names), with the function's environment
    variables and its timeout, its layers' ``python/`` directories on the path (as under /opt); its return
    value is the answer's payload, an exception gives FunctionError
    Unhandled with AWS's error document, and the printed output is the log tail (LogType Tail). Without it
    (the default) moto answers every invocation by echoing the payload. DryRun never runs anything; an Event
    invocation runs before the 202 answer. Functions of other runtimes or images keep moto's echo.
    """
    import base64
    import subprocess
    import tempfile
    import zipfile

    from moto.awslambda_simple.models import LambdaSimpleBackend

    echo = LambdaSimpleBackend.invoke

    def invoke(self, function_name, qualifier, body, headers, response_headers):
        function = self.get_function(function_name, qualifier)
        kind = headers.get("X-Amz-Invocation-Type", "RequestResponse")
        if kind == "DryRun" or not (function.run_time or "").startswith("python") or not function.code_bytes:
            return echo(self, function_name, qualifier, body, headers, response_headers)
        with tempfile.TemporaryDirectory(prefix="cloudfn-invoke-") as root:
            with zipfile.ZipFile(io.BytesIO(function.code_bytes)) as package:
                package.extractall(root)
            # The layers, in order, into one directory (AWS's /opt); its python/ directory is on the path.
            opt = os.path.join(root, ".opt")
            os.makedirs(opt)
            for layer in function.layers or []:
                version = self.layers_versions_by_arn(layer["Arn"])
                if version is not None and getattr(version, "code_bytes", None):
                    with zipfile.ZipFile(io.BytesIO(version.code_bytes)) as package:
                        package.extractall(opt)
            result_path = os.path.join(root, ".result.json")
            env = dict(PATH=os.environ.get("PATH", ""), PYTHONPATH=os.path.join(opt, "python"),
                       AWS_LAMBDA_FUNCTION_NAME=function.function_name,
                       AWS_LAMBDA_FUNCTION_VERSION=str(function.version), AWS_REGION=self.region_name,
                       AWS_DEFAULT_REGION=self.region_name)
            env.update((k, str(v)) for k, v in (function.environment_vars or {}).items())
            try:
                run = subprocess.run([sys.executable, "-c", PYTHON_BOOTSTRAP % function.function_name,
                                      function.handler or "", result_path], input=body or "{}", cwd=root, env=env,
                                     capture_output=True, text=True, timeout=int(function.timeout or 3), check=False)
                logs = run.stdout + run.stderr
                with open(result_path) as f:
                    answer = json.load(f)
            except subprocess.TimeoutExpired as expired:
                logs = "%s%s" % (expired.stdout or "", expired.stderr or "")
                answer = dict(error=dict(errorMessage="Task timed out after %s seconds" % function.timeout,
                                         errorType="Sandbox.Timedout"))
            except (OSError, ValueError) as error:
                logs, answer = str(error), dict(error=dict(errorMessage=str(error), errorType="Runtime.ExitError"))
        if "error" in answer:
            response_headers["x-amz-function-error"] = "Unhandled"
        tail = ("START Version: %s\n%sEND\n" % (function.version, logs)).encode("utf-8")[-4096:]
        response_headers["x-amz-log-result"] = base64.b64encode(tail).decode("ascii")
        return json.dumps(answer.get("result", answer.get("error"))).encode("utf-8")

    LambdaSimpleBackend.invoke = invoke


HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade", "content-length"}


class Forwarder:
    """WSGI application that sends each request as it came (method, path, query, headers, body) to
    ``upstream`` (LocalStack) and answers what it answered: the request log's middleware goes in front."""

    def __init__(self, upstream):
        parsed = urllib.parse.urlsplit(upstream)
        self.host, self.port = parsed.hostname, parsed.port

    def __call__(self, environ, start_response):
        import http.client

        if environ.get("wsgi.input_terminated"):  # a chunked request: werkzeug gives the whole body
            body = environ["wsgi.input"].read()
        else:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        target = urllib.parse.quote(environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ["PATH_INFO"], "/%:@!$&'()*+,;=?~-._")
        if not (environ.get("RAW_URI") or environ.get("REQUEST_URI")) and environ.get("QUERY_STRING"):
            target += "?" + environ["QUERY_STRING"]
        connection = http.client.HTTPConnection(self.host, self.port, timeout=900)
        try:
            connection.putrequest(environ["REQUEST_METHOD"], target, skip_host=True, skip_accept_encoding=True)
            for key, value in environ.items():
                if key.startswith("HTTP_") and key[5:].replace("_", "-").lower() not in HOP_BY_HOP:
                    connection.putheader(key[5:].replace("_", "-").title(), value)
            if environ.get("CONTENT_TYPE"):
                connection.putheader("Content-Type", environ["CONTENT_TYPE"])
            if body or environ["REQUEST_METHOD"] in ("POST", "PUT", "PATCH"):
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body or None)
            response = connection.getresponse()
            answer = response.read()
            headers = [(key, value) for key, value in response.getheaders() if key.lower() not in HOP_BY_HOP]
            status = "%d %s" % (response.status, response.reason)
        finally:
            connection.close()
        start_response(status, headers + [("Content-Length", str(len(answer)))])
        return [answer]


LOCALSTACK_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "localstack")
LOCALSTACK_SERVICES = "lambda,iam,sqs,s3,sts"


def localstack_environment(port, state_dir):
    """The environment LocalStack runs in: a plain process on 127.0.0.1:port, everything it writes under state_dir."""
    root = os.path.join(state_dir, "localstack")
    dirs = {name: os.path.join(root, name) for name in ("filesystem", "tmp", "cache")}
    for path in dirs.values():
        os.makedirs(path, exist_ok=True)
    env = dict(os.environ)
    for key in ("PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(key, None)
    env.update(
        OVERRIDE_IN_DOCKER="0",  # this machine may have /.dockerenv; LocalStack runs on the host here
        GATEWAY_LISTEN="%s:%d" % (HOST, port),
        SERVICES=LOCALSTACK_SERVICES,
        PERSISTENCE="0",
        DISABLE_EVENTS="1",
        LOCALSTACK_TELEMETRY_DISABLED="1",
        DNS_ADDRESS="0",
        SKIP_SSL_CERT_DOWNLOAD="1",
        LAMBDA_RUNTIME_EXECUTOR="cloudfn-local",  # tests/utils/localstack/cloudfn_localstack.py
        FILESYSTEM_ROOT=dirs["filesystem"],
        TMPDIR=dirs["tmp"],  # Lambda's unzipped code and S3's objects live under the temporary directory
        XDG_CACHE_HOME=dirs["cache"],
        PYTHONPATH=os.pathsep.join([LOCALSTACK_DIR, os.path.dirname(os.path.abspath(__file__))]),
    )
    return env


def serve_localstack(port, state_dir, localstack_python):
    """Start LocalStack on another port and serve it through the request log on ``port`` until SIGTERM/SIGINT."""
    from werkzeug.serving import WSGIRequestHandler, run_simple

    state_dir = os.path.abspath(state_dir or ".")
    upstream_port = free_port()
    upstream = "http://%s:%d" % (HOST, upstream_port)
    env = localstack_environment(upstream_port, state_dir)
    with open(os.path.join(state_dir, "localstack.log"), "ab") as log, open(os.devnull, "rb") as devnull:
        child = subprocess.Popen(  # pylint: disable=consider-using-with
            [localstack_python, os.path.join(LOCALSTACK_DIR, "cloudfn_localstack.py")],
            stdin=devnull, stdout=log, stderr=subprocess.STDOUT, cwd=os.path.join(state_dir, "localstack"), env=env)

    def finish(*_args):
        if child.poll() is None:
            child.terminate()
            try:  # LocalStack's shutdown often hangs in "Stopping all services"; it keeps nothing (PERSISTENCE=0)
                child.wait(timeout=3)
            except subprocess.TimeoutExpired:
                child.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    deadline = time.monotonic() + 300
    while True:  # ready when the Lambda provider answers (LocalStack loads each service on its first request)
        if child.poll() is not None:
            sys.exit("LocalStack exited with status %s (see localstack.log)" % child.returncode)
        try:
            with urllib.request.urlopen(upstream + "/2015-03-31/functions/", timeout=30):
                break
        except urllib.error.HTTPError:
            break  # it answered
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                finish()
            time.sleep(0.5)
    jsonl_path = os.path.join(state_dir, "requests.jsonl")
    app = RecordingMiddleware(Forwarder(upstream), RequestLog(jsonl_path))
    WSGIRequestHandler.protocol_version = "HTTP/1.1"
    try:
        run_simple(HOST, port, app, threaded=True)
    finally:
        finish()


def serve(port, state_dir=None, python_handlers=False, localstack=None):
    """Run moto's server with the request log in this process until SIGTERM/SIGINT (with ``localstack``, the
    path of LocalStack's venv Python: LocalStack behind the request log, see ``serve_localstack``)."""
    if localstack:
        serve_localstack(port, state_dir, localstack)
        return
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
    from werkzeug.serving import run_simple

    fix_remove_permission_revision_id()
    fix_version_numbers()
    fix_event_invoke_configs()
    fix_invoke()
    fix_event_source_mapping_alias()
    fix_dynamodb_table_id()
    fix_function_configuration()
    fix_function_code_key()
    fix_layer_versions_by_arn()
    if python_handlers:
        run_python_handlers()

    # AWS's managed IAM policies (arn:aws:iam::aws:policy/...) exist, as in AWS; moto loads them only when asked.
    os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    os.environ.setdefault("MOTO_PORT", str(port))  # moto builds some URLs (e.g. S3 presigned) from it
    jsonl_path = os.path.join(state_dir, "requests.jsonl") if state_dir else None
    app = RecordingMiddleware(DomainDispatcherApplication(create_backend_app), RequestLog(jsonl_path))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run_simple(HOST, port, app, threaded=True, request_handler=MotoRequestHandler)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_answering(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the endpoint exited with status %s" % process.returncode)
        try:
            with urllib.request.urlopen(url + LOG_PATH, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError("the endpoint did not answer within %ss" % timeout)


def configure(url, kind="moto"):
    """Turn off Docker for Lambda (moto; LocalStack's executor is set when it starts) and create the role
    functions run as; return its ARN."""
    if kind == "moto":
        request = urllib.request.Request(
            url + "/moto-api/config",
            data=json.dumps({"lambda": {"use_docker": False}}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        urllib.request.urlopen(request, timeout=30).close()

    import boto3

    iam = boto3.client("iam", endpoint_url=url, region_name=REGION, **CREDENTIALS)
    role = iam.create_role(RoleName=ROLE_NAME, AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST_POLICY))
    return role["Role"]["Arn"]


def start(state_dir, python_handlers=False, localstack=None):
    state_dir = os.path.abspath(state_dir)
    os.makedirs(state_dir, exist_ok=True)
    stop(state_dir)  # at most one endpoint per state directory
    jsonl = os.path.join(state_dir, "requests.jsonl")
    if os.path.exists(jsonl):
        os.remove(jsonl)
    port = free_port()
    url = "http://%s:%d" % (HOST, port)
    kind = "localstack" if localstack else "moto"
    localstack = os.path.abspath(localstack) if localstack else None  # LocalStack runs in a directory of its own
    started = time.monotonic()
    log_path = os.path.join(state_dir, "server.log")
    with open(log_path, "ab") as log, open(os.devnull, "rb") as devnull:
        process = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "serve", "--port", str(port), "--state-dir", state_dir]
            + (["--run-python"] if python_handlers else []) + (["--localstack", localstack] if localstack else []),
            stdin=devnull,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_answering(url, process, timeout=360 if localstack else 60)
        role_arn = configure(url, kind)
    except Exception as error:
        terminate_group(process.pid)
        tails = []
        for path in (log_path, os.path.join(state_dir, "localstack.log")):
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as log:
                    tails.append("--- %s ---\n%s" % (path, log.read()[-3000:]))
        sys.exit("endpoint failed to start: %s\n%s" % (error, "\n".join(tails)))
    state = {"url": url, "pid": process.pid, "role_arn": role_arn, "region": REGION, "kind": kind,
             "account_id": role_arn.split(":")[4], "started_in": round(time.monotonic() - started, 1)}
    with open(os.path.join(state_dir, "endpoint.json"), "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=2)
        handle.write("\n")
    print(url)


def running(pid, script="endpoint.py"):
    """True while pid is a live process of ``script`` (a zombie's or a reused pid's cmdline does not match)."""
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as cmdline:
            return script.encode() in cmdline.read()
    except OSError:
        return False


def terminate(pid, script="endpoint.py", wait=5):
    """Stop the process of ``script`` with this pid: SIGTERM, then SIGKILL after ``wait`` seconds."""
    if not running(pid, script):
        return
    os.kill(pid, signal.SIGTERM)
    for _attempt in range(wait * 10):
        time.sleep(0.1)
        if not running(pid, script):
            return
    os.kill(pid, signal.SIGKILL)


def terminate_group(pid):
    """Stop the endpoint process ``pid`` (``start`` made it a session leader) and what it started (LocalStack):
    SIGTERM to it (it stops LocalStack, up to three seconds), SIGKILL to its process group after fifteen."""
    terminate(pid, wait=15)
    try:
        os.killpg(pid, signal.SIGKILL)  # whatever is left of the group start made (nothing, normally)
    except OSError:
        pass


def stop(state_dir):
    state_path = os.path.join(os.path.abspath(state_dir), "endpoint.json")
    try:
        with open(state_path, encoding="utf-8") as handle:
            pid = json.load(handle)["pid"]
    except (OSError, ValueError, KeyError):
        return
    terminate_group(pid)
    os.remove(state_path)


def integration_config(state_dir):
    """Print tests/integration/integration_config.yml for the endpoint that `start` left in state_dir."""
    with open(os.path.join(os.path.abspath(state_dir), "endpoint.json"), encoding="utf-8") as handle:
        state = json.load(handle)
    variables = {
        "endpoint_url": state["url"],
        "aws_region": state["region"],
        "aws_access_key": CREDENTIALS["aws_access_key_id"],
        "aws_secret_key": CREDENTIALS["aws_secret_access_key"],
        "lambda_role_arn": state["role_arn"],
        "aws_account_id": state["role_arn"].split(":")[4],
        "endpoint_kind": state.get("kind", "moto"),
        "request_log_url": state["url"] + LOG_PATH,
        "resource_prefix": "cloudfn-%s" % secrets.token_hex(4),
    }
    for name, value in variables.items():
        print("%s: %s" % (name, json.dumps(value)))  # a JSON string is a YAML string


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "stop", "integration-config"):
        commands.add_parser(name).add_argument("--state-dir", required=True)
    serve_parser = commands.add_parser("serve")
    serve_parser.add_argument("--port", type=int, required=True)
    serve_parser.add_argument("--state-dir")
    for command in (commands.choices["start"], serve_parser):
        command.add_argument("--run-python", action="store_true",
                             help="Invoke runs Python handlers of Zip functions (see run_python_handlers)")
        command.add_argument("--localstack", metavar="PYTHON",
                             help="LocalStack instead of moto: the Python of its venv (.venv/localstack/bin/python)")
    args = parser.parse_args(argv)
    if args.command == "start":
        start(args.state_dir, args.run_python, args.localstack)
    elif args.command == "stop":
        stop(args.state_dir)
    elif args.command == "integration-config":
        integration_config(args.state_dir)
    else:
        serve(args.port, args.state_dir, args.run_python, args.localstack)


if __name__ == "__main__":
    main()
