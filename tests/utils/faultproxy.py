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

Revisions ("revisions": true, off by default). moto 5.2.5 gives functions no RevisionId and ignores the
one a request carries, never changes an alias's RevisionId and accepts a wrong one, and does not move a
policy's revision on RemovePermission. With revisions on, the proxy plays AWS's revision check instead:

  - it gives each function configuration, alias and policy in an answer (CreateFunction,
    GetFunction[Configuration], UpdateFunctionCode/Configuration, PublishVersion, ListFunctions,
    ListVersionsByFunction, Create/Get/UpdateAlias, ListAliases, GetPolicy) a RevisionId of its own: a
    digest of what the endpoint stores for it (for a function, every field but its ARN, version, state
    and LastModified), so any change to it gives a new one;
  - a request that carries a RevisionId (UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion:
    the function's; UpdateAlias: the alias's; AddPermission, RemovePermission: the policy's) is compared
    with the digest of what the endpoint holds now (one read, in the request log) and, when it differs,
    answered as AWS answers it, not forwarded:
        412 PreconditionFailedException "The Revision Id provided does not match the latest Revision Id.
        Call the GetFunction/GetAlias API to retrieve the latest Revision Id"
    when it matches, the request is forwarded without its RevisionId (moto would compare its own);
  - the check and the forwarded request go together: of two writes that carry the same RevisionId,
    the first is applied and the second refused, as on AWS.
Where this differs from AWS: AWS gives a new RevisionId on every update, even one that changes
nothing (here the digest stays); it may move the RevisionId again when an update completes; and on
AWS a policy's RevisionId is reported to be its function's (or alias's) revision, so a permission
change moves the function's too (here the policy has its own). Layer version policies are not checked.

moto already refuses a second CreateFunction for a name ("Function already exist: NAME",
409 ResourceConflictException, as AWS) and answers PublishVersion of an unchanged function
with the existing version, as AWS does; PublishLayerVersion makes a new version every time
on both.

Commands (run with a Python that has botocore, e.g. .venv/core-2.21/bin/python)::

    python tests/utils/faultproxy.py start --upstream URL --state-dir DIR [--seed N] [--throttle 0.2]
        [--unavailable 0.05] [--conflict 0.1] [--lost 0.0] [--no-aws-rules] [--revisions]
        # in the background: prints the URL, writes DIR/url and DIR/pid, logs to DIR/faultproxy.log
    python tests/utils/faultproxy.py stop --state-dir DIR
    python tests/utils/faultproxy.py serve --upstream URL [--port N] [options as for start]

Control path (never faulted): `GET /_faults` answers

    {"config": {"seed": 0, "throttle": 0.2, "unavailable": 0.05, "conflict": 0.1, "lost": 0.0,
                "aws_rules": true, "revisions": false},
     "requests": 42,                                   # Lambda requests since the seed was set
     "faults": {"throttle": {"GetFunction": 3}, ...},  # injected faults per kind and operation
     "injected": [{"n": 3, "operation": "GetFunction", "kind": "throttle"}, ...],
     "aws_rules": {"AddPermission": 1},                # answers given as AWS would, per operation
     "script": [],                                     # the entries not used yet
     "answered": [{"n": 1, "operation": "GetFunction", "status": 200}, ...],  # as the client saw them
     "revisions": {"checked": {"UpdateAlias": 2}, "refused": {"UpdateAlias": 1}},
     "interfered": [{"n": 2, "operation": "UpdateAlias",
                     "changes": [{"operation": "UpdateAlias", "status": "ok"}]}],
     "barriers": [{"operation": "CreateFunction", "parties": 2, "arrived": [2, 3], "met": true}]}

and `POST /_faults` with a JSON object of any of those config keys changes them;
giving "seed" (even the same one) also starts the sequence and the counters afresh.
"script": [{"kind": "lost", "operation": "CreateFunction"}, {"kind": "none"}, ...]
forces the next matching Lambda requests (an entry without "operation" matches any)
instead of the random draw, each entry once ("none": no fault). Two more kinds:

    {"kind": "interfere", "operation": "UpdateAlias",
     "change": {"operation": "UpdateAlias", "params": {"FunctionName": "f", "Name": "live", "FunctionVersion": "2"}}}
        someone else's change, made just before the next UpdateAlias: the proxy sends the change ("change"
        may be a list of them) to the endpoint itself (botocore, the request's access key), then handles
        the request as any other: with "revisions" on, a request that carries the RevisionId read before
        the change is refused with 412 PreconditionFailedException, as AWS refuses it; a request without a
        RevisionId is forwarded and applied over the change, as on AWS. A change the endpoint refuses is
        answered to the request as 400 FaultProxyInterferenceFailed (not forwarded).
    {"kind": "barrier", "operation": "CreateFunction", "parties": 2, "timeout": 60}
        holds the next `parties` matching requests (from concurrent clients) until all of them came (or
        `timeout` seconds passed: "met": false), then lets them through one at a time, in the order they
        came, each after the one before was answered: both clients read before either wrote, and the
        endpoint sees the writes in turn, as AWS orders two writes to one resource.
"""

import argparse
import hashlib
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
SCRIPT_KINDS = KINDS + ("none", "interfere", "barrier")
BARRIER_TIMEOUT = 60.0  # seconds a barrier waits for all its parties before it lets the ones there go
ACCOUNT = "123456789012"  # moto's account for any access key that is not an account ID
USER_AGENT = "cloudfn-faultproxy"
# Headers that belong to one connection, not to the request or answer; Content-Length is recomputed.
HOP_BY_HOP = frozenset(("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
                        "upgrade", "expect", "content-length"))
CREDENTIAL_REGION = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/")
STREAM_SOURCES = {"sqs": "SQS", "kinesis": "Kinesis", "dynamodb": "DynamoDB"}
ACCESS_KEY = re.compile(r"Credential=([^/]+)/")
# Operations that take a RevisionId, and the resource whose revision it names.
REVISION_CHECKS = {"UpdateFunctionCode": "function", "UpdateFunctionConfiguration": "function",
                   "PublishVersion": "function", "UpdateAlias": "alias",
                   "AddPermission": "policy", "RemovePermission": "policy"}
# Answers that carry revisions: operation -> (resource, where: "" the body itself, "Key" one member, "Key[]" a list).
REVISION_ANSWERS = {"CreateFunction": ("function", ""), "GetFunctionConfiguration": ("function", ""),
                    "UpdateFunctionCode": ("function", ""), "UpdateFunctionConfiguration": ("function", ""),
                    "PublishVersion": ("function", ""), "GetFunction": ("function", "Configuration"),
                    "ListFunctions": ("function", "Functions[]"),
                    "ListVersionsByFunction": ("function", "Versions[]"),
                    "CreateAlias": ("alias", ""), "GetAlias": ("alias", ""), "UpdateAlias": ("alias", ""),
                    "ListAliases": ("alias", "Aliases[]"), "GetPolicy": ("policy", "")}
# What a function's revision does not depend on: its identity, its state and the revision itself.
NOT_REVISED = frozenset(("RevisionId", "FunctionArn", "Version", "MasterArn", "LastModified", "State", "StateReason",
                         "StateReasonCode", "LastUpdateStatus", "LastUpdateStatusReason",
                         "LastUpdateStatusReasonCode"))
STALE_REVISION = ("The Revision Id provided does not match the latest Revision Id. "
                  "Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
_MODEL = []


def lambda_model():
    """botocore's model of the Lambda API (loaded once)."""
    if not _MODEL:
        import botocore.session

        _MODEL.append(botocore.session.get_session().get_service_model("lambda"))
    return _MODEL[0]


def revision_of(resource, document):
    """The RevisionId the proxy gives a function configuration, an alias or a policy: a digest of what
    the endpoint stores for it, so any change to it gives a new one."""
    if resource == "function":
        content = {key: value for key, value in document.items() if key not in NOT_REVISED}
    elif resource == "alias":
        weights = (document.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}
        content = dict(name=document.get("Name"), version=document.get("FunctionVersion"),
                       description=document.get("Description") or "", weights=weights)
    else:
        try:
            content = json.loads(document.get("Policy") or "{}")
        except ValueError:
            content = document.get("Policy")
    digest = hashlib.sha256(json.dumps([resource, content], sort_keys=True, default=str).encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


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


def without_revision(request):
    """The request without its RevisionId (the proxy checked it; the endpoint must not compare its own)."""
    body = request.json_body()
    if "RevisionId" in body:
        body.pop("RevisionId")
        return Request(request.method, request.target, request.headers, json.dumps(body).encode())
    pairs = urllib.parse.parse_qsl(request.query, keep_blank_values=True)
    if any(key == "RevisionId" for key, _value in pairs):
        query = urllib.parse.urlencode([(key, value) for key, value in pairs if key != "RevisionId"])
        return Request(request.method, request.path + ("?" + query if query else ""), request.headers, request.body)
    return request


def with_revisions(answer, resource, where):
    """Put the proxy's RevisionId into a successful answer that carries ``resource``(s) at ``where``."""
    if answer.status // 100 != 2:
        return
    try:
        body = json.loads(answer.body or b"{}")
    except ValueError:
        return
    if not isinstance(body, dict):
        return
    if where.endswith("[]"):
        documents = body.get(where[:-2]) or []
    else:
        documents = [body.get(where) if where else body]
    for document in documents:
        if isinstance(document, dict):
            document["RevisionId"] = revision_of(resource, document)
    answer.body = json.dumps(body).encode()


class Barrier:
    """Holds the requests of a scripted "barrier" entry until all its parties came (or the timeout passed),
    then lets them through one at a time, in the order they came, each after the one before was answered."""

    def __init__(self, operation, parties, timeout):
        self.operation = operation
        self.parties = parties
        self.timeout = timeout
        self.condition = threading.Condition()
        self.arrived = []  # the sequence numbers of the requests it held
        self.answered = 0
        self.met = None  # True: all parties came; False: the timeout let the ones there go

    def join(self, number):
        """Called by the plan (under its lock) for each matching request; True when this one was the last."""
        with self.condition:
            self.arrived.append(number)
            self.condition.notify_all()
            return len(self.arrived) == self.parties

    def wait_turn(self, number):
        with self.condition:
            turn = self.arrived.index(number)
            deadline = time.monotonic() + self.timeout
            while len(self.arrived) < self.parties and self.met is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    self.met = False
                    self.condition.notify_all()
                    break
                self.condition.wait(left)
            if self.met is None:
                self.met = True
            while self.answered < turn:
                self.condition.wait()

    def leave(self):
        with self.condition:
            self.answered += 1
            self.condition.notify_all()

    def report(self):
        with self.condition:
            return {"operation": self.operation, "parties": self.parties, "arrived": list(self.arrived),
                    "met": self.met}


def script_error(entry, operations):
    """Why a script entry is not valid, or None."""
    if not isinstance(entry, dict) or entry.get("kind") not in SCRIPT_KINDS:
        return 'each entry is {"kind": one of %s, "operation": NAME, ...}' % list(SCRIPT_KINDS)
    kind = entry["kind"]
    allowed = {"kind", "operation"} | {"interfere": {"change"}, "barrier": {"parties", "timeout"}}.get(kind, set())
    if set(entry) - allowed:
        return "a %s entry takes only %s" % (kind, sorted(allowed))
    if "operation" in entry and entry["operation"] not in operations:
        return "%r is not a Lambda operation" % (entry["operation"],)
    if kind == "interfere":
        changes = entry.get("change")
        changes = changes if isinstance(changes, list) else [changes]
        if "operation" not in entry or not changes or not all(
                isinstance(change, dict) and set(change) <= {"operation", "params"}
                and change.get("operation") in operations and isinstance(change.get("params", {}), dict)
                for change in changes):
            return ('an interfere entry needs "operation" and "change": {"operation": a Lambda operation, '
                    '"params": {its parameters}} or a list of them')
    if kind == "barrier":
        parties, timeout = entry.get("parties", 2), entry.get("timeout", BARRIER_TIMEOUT)
        if "operation" not in entry or isinstance(parties, bool) or not isinstance(parties, int) or parties < 2 \
                or isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            return 'a barrier entry needs "operation", "parties" of 2 or more and a positive "timeout" (seconds)'
    return None


class FaultPlan:
    """The fault configuration, the seeded decisions and what was injected."""

    def __init__(self, seed=0, throttle=0.0, unavailable=0.0, conflict=0.0, lost=0.0, aws_rules=True,
                 revisions=False):
        self.lock = threading.Lock()
        self.config = {"seed": 0, "throttle": 0.0, "unavailable": 0.0, "conflict": 0.0, "lost": 0.0,
                       "aws_rules": True, "revisions": False}
        self.script = []
        self.barriers = {}
        self.update(dict(seed=seed, throttle=throttle, unavailable=unavailable, conflict=conflict, lost=lost,
                         aws_rules=aws_rules, revisions=revisions))

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
        for switch in ("aws_rules", "revisions"):
            if not isinstance(config[switch], bool):
                raise ValueError("%s must be true or false" % switch)
        for kind in KINDS:
            rate = config[kind]
            if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
                raise ValueError("%s must be a number from 0 to 1" % kind)
            config[kind] = float(rate)
        if sum(config[kind] for kind in KINDS) > 1 + 1e-9:
            raise ValueError("the rates add up to more than 1")
        script = changes.get("script", None)
        if script is not None:
            if not isinstance(script, list):
                raise ValueError("script must be a list")
            operations = set(lambda_model().operation_names)
            for entry in script:
                error = script_error(entry, operations)
                if error:
                    raise ValueError("script: %s; not %s" % (error, json.dumps(entry)))
        with self.lock:
            self.config = config
            if script is not None:
                self.script = [dict(entry) for entry in script]
                self.barriers = {}  # id(script entry) -> its Barrier, once a request met it
            if "seed" in changes:
                self.sequence = 0
                self.injected = []
                self.rules_applied = {}
                self.answered = []
                self.revisions = {"checked": {}, "refused": {}}
                self.interfered = []
                self.met_barriers = []

    def decide(self, operation, mutating, conflict_possible):
        """For the next Lambda request: its number in the sequence, the fault (a kind, or None) and, for a
        scripted interfere or barrier, the script entry or the Barrier."""
        with self.lock:
            self.sequence += 1
            number = self.sequence
            kind, scripted = self._scripted(operation, number)
            if kind is None:
                kind = self._drawn(number, mutating, conflict_possible)
            elif kind == "none":
                kind = None
            if kind:
                self.injected.append({"n": number, "operation": operation, "kind": kind})
            return number, kind, scripted

    def _scripted(self, operation, number):
        for index, entry in enumerate(self.script):
            if entry.get("operation") not in (None, operation):
                continue
            if entry["kind"] != "barrier":
                del self.script[index]
                return entry["kind"], entry
            barrier = self.barriers.get(id(entry))
            if barrier is None:
                barrier = self.barriers[id(entry)] = Barrier(operation, entry.get("parties", 2),
                                                             entry.get("timeout", BARRIER_TIMEOUT))
                self.met_barriers.append(barrier)
            if barrier.join(number):
                del self.script[index]
                del self.barriers[id(entry)]
            return "barrier", barrier
        return None, None

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

    def note_answer(self, number, operation, status):
        with self.lock:
            self.answered.append({"n": number, "operation": operation, "status": status})

    def note_revision(self, operation, refused):
        with self.lock:
            for key in ("checked", "refused") if refused else ("checked",):
                self.revisions[key][operation] = self.revisions[key].get(operation, 0) + 1

    def note_interference(self, number, operation, changes):
        with self.lock:
            self.interfered.append({"n": number, "operation": operation, "changes": changes})

    def report(self):
        with self.lock:
            faults = {}
            for entry in self.injected:
                per_operation = faults.setdefault(entry["kind"], {})
                per_operation[entry["operation"]] = per_operation.get(entry["operation"], 0) + 1
            return {"config": dict(self.config), "requests": self.sequence, "faults": faults,
                    "injected": [dict(entry) for entry in self.injected],
                    "aws_rules": dict(self.rules_applied), "script": [dict(entry) for entry in self.script],
                    "answered": [dict(entry) for entry in self.answered],
                    "revisions": {key: dict(value) for key, value in self.revisions.items()},
                    "interfered": [dict(entry) for entry in self.interfered],
                    "barriers": [barrier.report() for barrier in self.met_barriers]}


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
        self.upstream = upstream
        self.plan = plan
        self.classifier = RecordingMiddleware(None, None)
        self.model = lambda_model()
        self.rules_lock = threading.Lock()  # a check and the request it guards go together

    # ------------------------------------------------------------------ answers
    def answer(self, request):
        described = self.classifier.describe(request.environ(), 0, 0)
        operation = described["operation"]
        if described["service"] != "lambda":
            return self.forward(request)
        conflict_possible = self.conflict_possible(operation, described["mutating"])
        label = operation or "%s %s" % (request.method, request.path)
        number, kind, scripted = self.plan.decide(label, described["mutating"], conflict_possible)
        barrier = scripted if kind == "barrier" else None
        if barrier is not None:
            barrier.wait_turn(number)
        try:
            if kind in ("throttle", "unavailable", "conflict"):
                answer = fault_answer(kind, self.function_arn(request, operation))
            else:
                answer = self.interfere(request, number, label, scripted["change"]) if kind == "interfere" else None
                if answer is None:
                    answer = self.answer_as_aws(request, operation)
                if kind == "lost":
                    self.plan.note_upstream_status(number, answer.status)
                    kind = "lost (the endpoint answered %d)" % answer.status
                    answer = fault_answer("lost")
            self.plan.note_answer(number, label, answer.status)
        finally:
            if barrier is not None:
                barrier.leave()
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
        check = getattr(self, "check_" + operation, None) if operation and self.plan.config["aws_rules"] else None
        revised = self.plan.config["revisions"] and operation in REVISION_CHECKS
        if check is None and not revised:
            answer = self.forward(request)
        else:
            with self.rules_lock:
                refusal = self.check_revision(request, operation) if revised else None
                if refusal is None and check is not None:
                    refusal = check(request)
                    if refusal is not None:
                        self.plan.note_rule(operation)
                        refusal.note = "answered as AWS"
                if refusal is not None:
                    return refusal
                answer = self.forward(without_revision(request) if revised else request)
        if check is not None and operation == "CreateAlias" and answer.status == 409 \
                and answer.error_code() == "ConflictException":
            self.plan.note_rule(operation)
            message = json.loads(answer.body or b"{}").get("message", "Alias already exists")
            answer = aws_error(409, "ResourceConflictException", message)
            answer.note = "answered as AWS"
        if self.plan.config["revisions"] and operation in REVISION_ANSWERS:
            with_revisions(answer, *REVISION_ANSWERS[operation])
        return answer

    # ------------------------------------------------------------- revisions
    def check_revision(self, request, operation):
        """AWS's PreconditionFailedException when the request's RevisionId is not the resource's current one."""
        sent = request.json_body().get("RevisionId") or request.query_value("RevisionId")
        if not sent:
            return None  # a write without a RevisionId is applied whatever changed, on AWS too
        resource = REVISION_CHECKS[operation]
        params = self.uri_params(operation, request.path)
        if resource == "function":
            status, current = self.read(request, "GetFunctionConfiguration", dict(FunctionName=params["FunctionName"]))
        elif resource == "alias":
            status, current = self.read(request, "GetAlias", params)
        else:
            qualifier = request.query_value("Qualifier")
            status, current = self.read(request, "GetPolicy", dict(FunctionName=params["FunctionName"]),
                                        {"Qualifier": qualifier} if qualifier else {})
        if status // 100 != 2:
            return None  # the endpoint answers the request itself (not found...)
        refused = sent != revision_of(resource, current)
        self.plan.note_revision(operation, refused)
        if not refused:
            return None
        refusal = aws_error(412, "PreconditionFailedException", STALE_REVISION)
        refusal.note = "the %s's revision moved: answered as AWS" % resource
        return refusal

    # ----------------------------------------------------------- interference
    def interfere(self, request, number, operation, changes):
        """Send someone else's change(s) to the endpoint, as the caller of ``request``'s account, before
        ``request``; None when they were made, else an error answer for ``request`` (not forwarded)."""
        import botocore.session
        from botocore.config import Config
        from botocore.exceptions import BotoCoreError, ClientError

        match = ACCESS_KEY.search(request.header("Authorization") or "")
        client = botocore.session.get_session().create_client(
            "lambda", endpoint_url=self.upstream, region_name=request.region(),
            aws_access_key_id=match.group(1) if match else "testing", aws_secret_access_key="faultproxy",
            config=Config(user_agent_extra=USER_AGENT, retries={"mode": "standard", "total_max_attempts": 1}))
        made = []
        for change in changes if isinstance(changes, list) else [changes]:
            try:
                getattr(client, botocore.xform_name(change["operation"]))(**change.get("params", {}))
                made.append({"operation": change["operation"], "status": "ok"})
            except (BotoCoreError, ClientError) as error:
                made.append({"operation": change["operation"], "status": str(error)})
                self.plan.note_interference(number, operation, made)
                answer = aws_error(400, "FaultProxyInterferenceFailed", "faultproxy: the scripted change %s, made "
                                   "before this request, failed: %s" % (change["operation"], error))
                answer.note = "interference failed; not forwarded"
                return answer
        self.plan.note_interference(number, operation, made)
        return None

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
                     lost=args.lost, aws_rules=args.aws_rules, revisions=args.revisions)


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
    if args.revisions:
        command.append("--revisions")
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
        command.add_argument("--revisions", action="store_true",
                             help="give functions, aliases and policies RevisionIds and check them as AWS does")
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
