"""A fault-injecting HTTP proxy in front of the local AWS endpoint (tests only).

It forwards every request as it came (method, path, query, headers and body: the
Host header and the SigV4 signature are left alone; moto does not check
signatures) to the upstream endpoint that tests/utils/endpoint.py started, and
on Lambda requests it injects, from a seeded random sequence, the faults AWS
shows under load:

    throttle     429 TooManyRequestsException "Rate exceeded", not forwarded
    unavailable  503 ServiceException, not forwarded
    conflict     409 ResourceConflictException "An update is in progress for
                 resource: ARN", not forwarded; only on mutating operations that
                 name a function in their path (not CreateFunction, not Invoke)
    lost         forwarded (the change IS applied), then 500 ServiceException to
                 the client instead of the answer; only on mutating operations.
                 botocore retries a 500, so the endpoint sees the request twice.

Which Lambda operation a request is, and whether it changes anything, is decided
as the endpoint's request log decides it (endpoint.RecordingMiddleware).
Requests to other services (IAM, S3, SQS...) are forwarded untouched.

Request n (counting the Lambda requests since start or since the last seed was
set) draws one number from random.Random("SEED:n"); the rates are consecutive
bands of [0, 1): throttle, unavailable, conflict, lost. The same seed and the
same requests give the same faults, whatever the timing.

Where moto 5.2.5 is laxer than AWS in ways a retried request runs into, the
proxy answers as AWS does (unless "aws_rules" is false), reading the endpoint
first where it must (those reads carry `User-Agent: cloudfn-faultproxy` and show
in the endpoint's request log):

    AddPermission             a statement ID already in the policy of that function and
                              qualifier -> 409 ResourceConflictException (moto adds a duplicate)
    AddLayerVersionPermission the same for a layer version's policy
    CreateEventSourceMapping  a second mapping of the same SQS queue, Kinesis or DynamoDB stream
                              for the same function -> 409 ResourceConflictException naming the
                              existing mapping's UUID (moto creates a second mapping)
    DeleteEventSourceMapping  a UUID that does not exist -> 404 ResourceNotFoundException (moto: 200)
    CreateFunctionUrlConfig   a function (qualifier) that has one -> 409 ResourceConflictException
    CreateAlias               moto's 409 ConflictException is answered as ResourceConflictException

moto already refuses a second CreateFunction for a name ("Function already exist: NAME",
409 ResourceConflictException, as AWS) and answers PublishVersion of an unchanged function
with the existing version, as AWS does; PublishLayerVersion makes a new version every time
on both.

Commands (run with a Python that has botocore, e.g. .venv/core-2.21/bin/python)::

    python tests/utils/faultproxy.py start --upstream URL --state-dir DIR [--seed N] [--throttle 0.2]
        [--unavailable 0.05] [--conflict 0.1] [--lost 0.0] [--no-aws-rules]
        # in the background: prints the URL, writes DIR/url and DIR/pid, logs to DIR/faultproxy.log
    python tests/utils/faultproxy.py stop --state-dir DIR
    python tests/utils/faultproxy.py serve --upstream URL [--port N] [options as for start]

Control path (never faulted): `GET /_faults` answers

    {"config": {"seed": 0, "throttle": 0.2, "unavailable": 0.05, "conflict": 0.1, "lost": 0.0,
                "aws_rules": true},
     "requests": 42,                                   # Lambda requests since the seed was set
     "faults": {"throttle": {"GetFunction": 3}, ...},  # injected faults per kind and operation
     "injected": [{"n": 3, "operation": "GetFunction", "kind": "throttle"}, ...],
     "aws_rules": {"AddPermission": 1},                # answers given as AWS would, per operation
     "script": []}

and `POST /_faults` with a JSON object of any of those config keys changes them;
giving "seed" (even the same one) also starts the sequence and the counters afresh.
"script": [{"kind": "lost", "operation": "CreateFunction"}, {"kind": "none"}, ...]
forces the next matching Lambda requests (an entry without "operation" matches any)
instead of the random draw, each entry once ("none": no fault).
"""

import argparse
import http.client
import http.server
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from email.utils import formatdate

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from endpoint import HOST, RecordingMiddleware, free_port, terminate  # noqa: E402  pylint: disable=wrong-import-position

CONTROL_PATH = "/_faults"
KINDS = ("throttle", "unavailable", "conflict", "lost")
ACCOUNT = "123456789012"  # moto's account for any access key that is not an account ID
USER_AGENT = "cloudfn-faultproxy"
# Headers that belong to one connection, not to the request or answer; Content-Length is recomputed.
HOP_BY_HOP = frozenset(("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
                        "upgrade", "expect", "content-length"))
CREDENTIAL_REGION = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/")
STREAM_SOURCES = {"sqs": "SQS", "kinesis": "Kinesis", "dynamodb": "DynamoDB"}


class Answer:
    """An HTTP answer: status, reason, header pairs, body."""

    def __init__(self, status, headers=(), body=b"", reason=None):
        self.status = status
        self.reason = reason or http.HTTPStatus(status).phrase
        self.headers = list(headers)
        self.body = body
        self.note = ""  # for the proxy's log line: the operation and what the proxy did

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def error_code(self):
        """The AWS error code, read as botocore reads a rest-json error."""
        code = self.header("x-amzn-ErrorType")
        if not code:
            try:
                body = json.loads(self.body or b"{}")
            except ValueError:
                return None
            code = (body.get("code") or body.get("Code") or body.get("__type")) if isinstance(body, dict) else None
        return code.split(":", 1)[0].rsplit("#", 1)[-1] if code else None


def aws_error(status, code, message, fault_type="User"):
    """An error answer as Lambda sends it: the code in x-amzn-ErrorType, a JSON body."""
    key = "Message" if code == "ServiceException" else "message"
    body = json.dumps({"Type": fault_type, key: message}).encode()
    headers = [("Date", formatdate(usegmt=True)), ("Content-Type", "application/json"),
               ("x-amzn-RequestId", str(uuid.uuid4())), ("x-amzn-ErrorType", code)]
    return Answer(status, headers, body)


def fault_answer(kind, resource_arn=None):
    if kind == "throttle":
        return aws_error(429, "TooManyRequestsException", "Rate exceeded")
    if kind == "unavailable":
        return aws_error(503, "ServiceException", "The service is unavailable. Try again later.", "Service")
    if kind == "conflict":
        return aws_error(409, "ResourceConflictException", "The operation cannot be performed at this time. "
                         "An update is in progress for resource: %s" % resource_arn)
    return aws_error(500, "ServiceException", "An internal error occurred in the service.", "Service")


def function_parts(function_name, qualifier=None):
    """(name, qualifier) of a FunctionName as Lambda takes it: a name, name:qualifier, an ARN or a partial ARN."""
    rest = function_name.split(":function:", 1)[1] if ":function:" in function_name else function_name
    name, _sep, inline = rest.partition(":")
    return name, inline or qualifier or None


class FaultPlan:
    """The fault configuration, the seeded decisions and what was injected."""

    def __init__(self, seed=0, throttle=0.0, unavailable=0.0, conflict=0.0, lost=0.0, aws_rules=True):
        self.lock = threading.Lock()
        self.config = {"seed": 0, "throttle": 0.0, "unavailable": 0.0, "conflict": 0.0, "lost": 0.0,
                       "aws_rules": True}
        self.script = []
        self.update(dict(seed=seed, throttle=throttle, unavailable=unavailable, conflict=conflict, lost=lost,
                         aws_rules=aws_rules))

    def update(self, changes):
        """Apply a POST /_faults body; raise ValueError (nothing changed) when it is not valid."""
        if not isinstance(changes, dict):
            raise ValueError("the body must be a JSON object")
        unknown = sorted(set(changes) - set(self.config) - {"script"})
        if unknown:
            raise ValueError("unknown keys %s; known: %s" % (unknown, sorted(self.config) + ["script"]))
        config = dict(self.config, **{key: value for key, value in changes.items() if key != "script"})
        if not isinstance(config["seed"], int) or isinstance(config["seed"], bool):
            raise ValueError("seed must be an integer")
        if not isinstance(config["aws_rules"], bool):
            raise ValueError("aws_rules must be true or false")
        for kind in KINDS:
            rate = config[kind]
            if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
                raise ValueError("%s must be a number from 0 to 1" % kind)
            config[kind] = float(rate)
        if sum(config[kind] for kind in KINDS) > 1 + 1e-9:
            raise ValueError("the rates add up to more than 1")
        script = changes.get("script", None)
        if script is not None:
            if not isinstance(script, list) or not all(
                    isinstance(entry, dict) and entry.get("kind") in KINDS + ("none",)
                    and set(entry) <= {"kind", "operation"} for entry in script):
                raise ValueError('script must be a list of {"kind": one of %s or "none", "operation": NAME}'
                                 % list(KINDS))
        with self.lock:
            self.config = config
            if script is not None:
                self.script = [dict(entry) for entry in script]
            if "seed" in changes:
                self.sequence = 0
                self.injected = []
                self.rules_applied = {}

    def decide(self, operation, mutating, conflict_possible):
        """The fault for the next Lambda request (a kind, or None), and its number in the sequence."""
        with self.lock:
            self.sequence += 1
            number = self.sequence
            kind = self._scripted(operation)
            if kind is None:
                kind = self._drawn(number, mutating, conflict_possible)
            elif kind == "none":
                kind = None
            if kind:
                self.injected.append({"n": number, "operation": operation, "kind": kind})
            return number, kind

    def _scripted(self, operation):
        for index, entry in enumerate(self.script):
            if entry.get("operation") in (None, operation):
                del self.script[index]
                return entry["kind"]
        return None

    def _drawn(self, number, mutating, conflict_possible):
        draw = random.Random("%d:%d" % (self.config["seed"], number)).random()
        upper = 0.0
        for kind in KINDS:
            lower, upper = upper, upper + self.config[kind]
            if lower <= draw < upper:
                if kind == "conflict" and not conflict_possible or kind == "lost" and not mutating:
                    return None
                return kind
        return None

    def note_rule(self, operation):
        with self.lock:
            self.rules_applied[operation] = self.rules_applied.get(operation, 0) + 1

    def note_upstream_status(self, number, status):
        with self.lock:
            for entry in reversed(self.injected):
                if entry["n"] == number:
                    entry["upstream_status"] = status
                    break

    def report(self):
        with self.lock:
            faults = {}
            for entry in self.injected:
                per_operation = faults.setdefault(entry["kind"], {})
                per_operation[entry["operation"]] = per_operation.get(entry["operation"], 0) + 1
            return {"config": dict(self.config), "requests": self.sequence, "faults": faults,
                    "injected": [dict(entry) for entry in self.injected],
                    "aws_rules": dict(self.rules_applied), "script": [dict(entry) for entry in self.script]}


class Request:
    """One client request, as received."""

    def __init__(self, method, target, headers, body):
        self.method = method
        self.target = target  # path and query, exactly as sent
        split = urllib.parse.urlsplit(target)
        self.path = split.path
        self.query = split.query
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def environ(self):
        """The WSGI environ the endpoint's middleware would see (enough for RecordingMiddleware.describe)."""
        environ = {"REQUEST_METHOD": self.method, "PATH_INFO": urllib.parse.unquote(self.path),
                   "QUERY_STRING": self.query}
        for key, value in self.headers:
            environ.setdefault("HTTP_" + key.upper().replace("-", "_"), value)
        return environ

    def json_body(self):
        try:
            body = json.loads(self.body or b"{}")
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}

    def query_value(self, name):
        return dict(urllib.parse.parse_qsl(self.query)).get(name)

    def region(self):
        match = CREDENTIAL_REGION.search(self.header("Authorization") or "")
        return match.group(1) if match else "us-east-1"


class FaultProxy:
    """Forwards requests to the upstream endpoint, injecting faults and answering as AWS where moto is lax."""

    def __init__(self, upstream, plan):
        split = urllib.parse.urlsplit(upstream)
        if split.scheme != "http" or not split.hostname:
            raise ValueError("the upstream must be an http:// URL, not %r" % upstream)
        self.upstream_host = split.hostname
        self.upstream_port = split.port or 80
        self.plan = plan
        self.classifier = RecordingMiddleware(None, None)
        import botocore.session

        self.model = botocore.session.get_session().get_service_model("lambda")
        self.rules_lock = threading.Lock()  # a check and the request it guards go together

    # ------------------------------------------------------------------ answers
    def answer(self, request):
        described = self.classifier.describe(request.environ(), 0, 0)
        operation = described["operation"]
        if described["service"] != "lambda":
            return self.forward(request)
        conflict_possible = self.conflict_possible(operation, described["mutating"])
        label = operation or "%s %s" % (request.method, request.path)
        number, kind = self.plan.decide(label, described["mutating"], conflict_possible)
        if kind in ("throttle", "unavailable", "conflict"):
            answer = fault_answer(kind, self.function_arn(request, operation))
        else:
            answer = self.answer_as_aws(request, operation)
            if kind == "lost":
                self.plan.note_upstream_status(number, answer.status)
                kind = "lost (the endpoint answered %d)" % answer.status
                answer = fault_answer("lost")
        answer.note = "#%d %s%s" % (number, label, "".join(": " + note for note in (kind, answer.note) if note))
        return answer

    def conflict_possible(self, operation, mutating):
        """Mutating operations on an existing function (named in the path), as AWS refuses while it updates."""
        if not operation or not mutating or operation == "CreateFunction" or operation.startswith("Invoke"):
            return False
        members = self.model.operation_model(operation).input_shape.members
        return "FunctionName" in members and members["FunctionName"].serialization.get("location") == "uri"

    def function_arn(self, request, operation):
        params = self.uri_params(operation, request.path) if operation else {}
        function_name = params.get("FunctionName", "")
        if function_name.startswith("arn:"):
            return function_name
        name, qualifier = function_parts(function_name)
        suffix = ":" + qualifier if qualifier else ""
        return "arn:aws:lambda:%s:%s:function:%s%s" % (request.region(), ACCOUNT, name, suffix)

    def answer_as_aws(self, request, operation):
        """The endpoint's answer, or AWS's refusal where the endpoint would accept what AWS refuses."""
        check = getattr(self, "check_" + operation, None) if operation else None
        if check is None or not self.plan.config["aws_rules"]:
            return self.forward(request)
        with self.rules_lock:
            refusal = check(request)
            if refusal is not None:
                self.plan.note_rule(operation)
                refusal.note = "answered as AWS"
                return refusal
            answer = self.forward(request)
        if operation == "CreateAlias" and answer.status == 409 and answer.error_code() == "ConflictException":
            self.plan.note_rule(operation)
            message = json.loads(answer.body or b"{}").get("message", "Alias already exists")
            answer = aws_error(409, "ResourceConflictException", message)
            answer.note = "answered as AWS"
        return answer

    # --------------------------------------------------- AWS's rules, per operation
    def check_CreateAlias(self, request):  # pylint: disable=invalid-name,unused-argument
        return None  # the endpoint refuses the duplicate itself; only its error code is corrected

    def check_AddPermission(self, request):  # pylint: disable=invalid-name
        params = self.uri_params("AddPermission", request.path)
        name, qualifier = function_parts(params["FunctionName"], request.query_value("Qualifier"))
        statement_id = request.json_body().get("StatementId")
        status, policy = self.read(request, "GetPolicy", dict(FunctionName=params["FunctionName"]),
                                   {"Qualifier": qualifier} if qualifier else {})
        if status // 100 != 2 or not statement_id:
            return None
        resource_end = ":function:%s%s" % (name, ":" + qualifier if qualifier else "")
        statements = json.loads(policy.get("Policy") or "{}").get("Statement", [])
        if any(statement.get("Sid") == statement_id and str(statement.get("Resource", "")).endswith(resource_end)
               for statement in statements):
            return self.statement_exists(statement_id)
        return None

    def check_AddLayerVersionPermission(self, request):  # pylint: disable=invalid-name
        params = self.uri_params("AddLayerVersionPermission", request.path)
        statement_id = request.json_body().get("StatementId")
        status, policy = self.read(request, "GetLayerVersionPolicy", params)
        if status // 100 != 2 or not statement_id:
            return None
        statements = json.loads(policy.get("Policy") or "{}").get("Statement", [])
        if any(statement.get("Sid") == statement_id for statement in statements):
            return self.statement_exists(statement_id)
        return None

    @staticmethod
    def statement_exists(statement_id):
        return aws_error(409, "ResourceConflictException", "The statement id (%s) provided already exists. Please "
                         "provide a new statement id, or remove the existing statement." % statement_id)

    def check_CreateEventSourceMapping(self, request):  # pylint: disable=invalid-name
        body = request.json_body()
        source = body.get("EventSourceArn") or ""
        service = source.split(":")[2] if source.count(":") >= 5 else None
        if service not in STREAM_SOURCES or not body.get("FunctionName"):
            return None
        name, qualifier = function_parts(body["FunctionName"])
        status, answer = self.read(request, "ListEventSourceMappings", {}, {"EventSourceArn": source})
        if status // 100 != 2:
            return None
        for mapping in answer.get("EventSourceMappings", []):
            if mapping.get("EventSourceArn") != source:
                continue
            mapped_name, mapped_qualifier = function_parts(mapping.get("FunctionArn") or "")
            # moto stores the function ARN without the alias it was given: then only the names can be compared.
            if mapped_name == name and (mapped_qualifier is None or mapped_qualifier == qualifier):
                if service == "sqs":
                    message = ('An event source mapping with SQS arn (" %s ") and function (" %s ") already exists. '
                               % (source, name))
                else:
                    message = ('The event source arn (" %s ") and function (" %s ") provided mapping already exists. '
                               % (source, name))
                return aws_error(409, "ResourceConflictException", message + "Please update or delete the existing "
                                 "mapping with UUID %s" % mapping.get("UUID"))
        return None

    def check_DeleteEventSourceMapping(self, request):  # pylint: disable=invalid-name
        params = self.uri_params("DeleteEventSourceMapping", request.path)
        status, _answer = self.read(request, "GetEventSourceMapping", params)
        if status == 404:
            return aws_error(404, "ResourceNotFoundException", "The resource you requested does not exist.")
        return None

    def check_CreateFunctionUrlConfig(self, request):  # pylint: disable=invalid-name
        params = self.uri_params("CreateFunctionUrlConfig", request.path)
        qualifier = request.query_value("Qualifier")
        status, answer = self.read(request, "GetFunctionUrlConfig", params, {"Qualifier": qualifier} if qualifier else {})
        if status // 100 != 2:
            return None
        return aws_error(409, "ResourceConflictException", "Failed to create function url config for [functionArn = "
                         "%s]. Error message:  FunctionUrlConfig exists for this Lambda function"
                         % answer.get("FunctionArn", self.function_arn(request, "CreateFunctionUrlConfig")))

    # ---------------------------------------------------------------- upstream
    def uri_params(self, operation, path):
        """The path parameters of a request for `operation` (from botocore's requestUri), decoded."""
        template = self.model.operation_model(operation).http["requestUri"].split("?", 1)[0].rstrip("/").split("/")
        segments = path.rstrip("/").split("/")
        if len(template) != len(segments):
            return {}
        return {part.strip("{}+"): urllib.parse.unquote(segment)
                for part, segment in zip(template, segments) if part.startswith("{")}

    def read(self, request, operation, path_params, query=None):
        """Send a read of `operation` to the upstream with the client's credentials: (status, JSON answer)."""
        path = self.model.operation_model(operation).http["requestUri"].split("?", 1)[0]
        for key, value in path_params.items():
            path = path.replace("{%s}" % key, urllib.parse.quote(str(value), safe=""))
        target = path + ("?" + urllib.parse.urlencode(query) if query else "")
        headers = [(key, value) for key, value in request.headers
                   if key.lower() in ("authorization", "host", "x-amz-date", "x-amz-security-token")]
        headers.append(("User-Agent", USER_AGENT))
        answer = self.forward(Request("GET", target, headers, b""))
        try:
            return answer.status, json.loads(answer.body or b"{}")
        except ValueError:
            return answer.status, {}

    def forward(self, request):
        headers = [(key, value) for key, value in request.headers if key.lower() not in HOP_BY_HOP]
        has_body = request.body or request.method in ("POST", "PUT", "PATCH")
        connection = http.client.HTTPConnection(self.upstream_host, self.upstream_port, timeout=300)
        try:
            connection.putrequest(request.method, request.target, skip_host=True, skip_accept_encoding=True)
            for key, value in headers:
                connection.putheader(key, value)
            if has_body:
                connection.putheader("Content-Length", str(len(request.body)))
            connection.endheaders(request.body if has_body else None)
            response = connection.getresponse()
            body = response.read()
            answer_headers = [(key, value) for key, value in response.getheaders() if key.lower() not in HOP_BY_HOP]
            return Answer(response.status, answer_headers, body, response.reason)
        except OSError as error:
            return aws_error(502, "ServiceException", "faultproxy could not reach the endpoint: %s" % error, "Service")
        finally:
            connection.close()


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "faultproxy"

    def do_GET(self):  # pylint: disable=invalid-name
        self.handle_request()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def handle_request(self):
        body = self.read_body()
        request = Request(self.command, self.path, self.headers.items(), body)
        if request.path == CONTROL_PATH:
            answer = self.control(request)
        else:
            answer = self.server.proxy.answer(request)
        self.send_answer(answer)

    def read_body(self):
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if not size:
                    while self.rfile.readline().strip():  # trailers
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def control(self, request):
        plan = self.server.proxy.plan
        if request.method == "POST":
            try:
                plan.update(json.loads(request.body or b"{}"))
            except ValueError as error:
                return Answer(400, [("Content-Type", "application/json")],
                              json.dumps({"error": str(error)}).encode())
        elif request.method != "GET":
            return Answer(405, [("Content-Type", "application/json"), ("Allow", "GET, POST")],
                          json.dumps({"error": "GET or POST"}).encode())
        return Answer(200, [("Content-Type", "application/json")], json.dumps(plan.report()).encode())

    def send_answer(self, answer):
        self.send_response_only(answer.status, answer.reason)
        for key, value in answer.headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if self.command != "HEAD" and answer.body:
            self.wfile.write(answer.body)
        self.log_request(answer.status)
        if answer.note:
            self.log_message("  %s", answer.note)

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        sys.stderr.write("%s %s\n" % (time.strftime("%H:%M:%S"), format % args))


class ProxyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, proxy):
        super().__init__(address, ProxyHandler)
        self.proxy = proxy


# ---------------------------------------------------------------------- commands
def plan_from(args):
    return FaultPlan(seed=args.seed, throttle=args.throttle, unavailable=args.unavailable, conflict=args.conflict,
                     lost=args.lost, aws_rules=args.aws_rules)


def serve(args):
    server = ProxyServer((HOST, args.port or free_port()), FaultProxy(args.upstream, plan_from(args)))
    url = "http://%s:%d" % server.server_address[:2]
    if args.state_dir:
        write_state(args.state_dir, url, os.getpid())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    sys.stderr.write("faultproxy %s -> %s\n" % (url, args.upstream))
    sys.stderr.flush()
    try:
        server.serve_forever()
    finally:
        server.server_close()


def write_state(state_dir, url, pid):
    for name, value in (("url", url), ("pid", str(pid))):
        with open(os.path.join(state_dir, name), "w", encoding="utf-8") as handle:
            handle.write(value + "\n")


def start(args):
    state_dir = os.path.abspath(args.state_dir)
    os.makedirs(state_dir, exist_ok=True)
    stop(state_dir)  # at most one proxy per state directory
    plan_from(args)  # bad rates fail here, in the foreground
    port = free_port()
    url = "http://%s:%d" % (HOST, port)
    command = [sys.executable, os.path.abspath(__file__), "serve", "--upstream", args.upstream, "--port", str(port),
               "--seed", str(args.seed)]
    for kind in KINDS:
        command += ["--" + kind, str(getattr(args, kind))]
    if not args.aws_rules:
        command.append("--no-aws-rules")
    log_path = os.path.join(state_dir, "faultproxy.log")
    with open(log_path, "ab") as log, open(os.devnull, "rb") as devnull:
        process = subprocess.Popen(command, stdin=devnull, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + CONTROL_PATH, timeout=2):
                break
        except (urllib.error.URLError, OSError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                with open(log_path, encoding="utf-8", errors="replace") as log:
                    sys.exit("faultproxy failed to start\n--- %s ---\n%s" % (log_path, log.read()[-3000:]))
            time.sleep(0.1)
    write_state(state_dir, url, process.pid)
    print(url)


def stop(state_dir):
    pid_path = os.path.join(os.path.abspath(state_dir), "pid")
    try:
        with open(pid_path, encoding="utf-8") as handle:
            pid = int(handle.read())
    except (OSError, ValueError):
        return
    terminate(pid, "faultproxy.py")
    for name in ("pid", "url"):
        try:
            os.remove(os.path.join(os.path.abspath(state_dir), name))
        except FileNotFoundError:
            pass


def rate(text):
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("a rate is a number from 0 to 1")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "serve"):
        command = commands.add_parser(name)
        command.add_argument("--upstream", required=True, help="the endpoint's URL, e.g. http://127.0.0.1:5000")
        command.add_argument("--state-dir", required=name == "start")
        command.add_argument("--seed", type=int, default=0)
        for kind in KINDS:
            command.add_argument("--" + kind, type=rate, default=0.0)
        command.add_argument("--no-aws-rules", dest="aws_rules", action="store_false",
                             help="forward what moto accepts and AWS refuses")
        if name == "serve":
            command.add_argument("--port", type=int, default=0)
    commands.add_parser("stop").add_argument("--state-dir", required=True)
    args = parser.parse_args(argv)
    if args.command == "stop":
        stop(args.state_dir)
        return
    try:
        plan_from(args)
    except ValueError as error:
        parser.error(str(error))
    if args.command == "start":
        start(args)
    else:
        serve(args)


if __name__ == "__main__":
    main()
