# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the same Lambda scenarios with cloudfn.aws_lambda and with amazon.aws, side by side.

Both sides run real ansible-playbook tasks against one local endpoint (tests/utils/endpoint.py)
in the same run, each from its own virtual environment, on resources of their own, with the
same code packages and the same desired state. For every scenario it reports the Lambda API
calls (by operation name, from the endpoint's request log), the median wall time of the task
over --runs runs (the sides alternate which goes first), and the correctness differences:
`changed` not what the scenario expects, a task that fails, a field the endpoint does not hold
afterwards. `make benchmark-side-by-side` starts the endpoint and the venvs and runs this.

Then the application scenarios (issue 14): an application of --app-size functions, each with an
alias, a permission and an SQS event source, converged by one lambda_app task, against the same
functions as one loop task per resource kind with amazon.aws's modules and with ours; lambda_app
with 1 function against --app-size; first deploy, no-op, and a code change of one function.

    side_by_side.py --endpoint-url URL --role-arn ARN --ours-venv DIR --theirs-venv DIR
                    --collections-path DIR [--runs 3] [--fleet-size 20] [--fleet-runs 0]
                    [--app-size 20] [--app-runs 3] [--loop-noops 2]
                    [--results DIR] [--docs docs/benchmarks.md]
"""

import argparse
import base64
import datetime
import hashlib
import json
import os
import platform
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
REGION = "us-east-1"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}
DOCS_BEGIN = "<!-- side-by-side results: begin (written by benchmarks/side_by_side.py, do not edit by hand) -->"
DOCS_END = "<!-- side-by-side results: end -->"
APP_DOCS_BEGIN = "<!-- application results: begin (written by benchmarks/side_by_side.py, do not edit by hand) -->"
APP_DOCS_END = "<!-- application results: end -->"

# (key, label, changed expected). One playbook per side and run holds them all, in this order.
SCENARIOS = [
    ("create", "function: create (zip, role ARN)", True),
    ("noop", "function: no-op re-run", False),
    ("update", "function: one-field update (memory_size)", True),
    ("code", "function: code update (another zip)", True),
    ("layer", "layer: publish", True),
    ("layer_rerun", "layer: publish re-run (same content)", False),
    ("alias", "alias: create", True),
    ("alias_noop", "alias: no-op re-run", False),
    ("policy", "policy: add a statement", True),
    ("policy_noop", "policy: no-op re-run", False),
    ("event", "event source (SQS): create", True),
    ("event_noop", "event source (SQS): no-op re-run", False),
    ("fleet_create", "{fleet} functions: create (one loop task)", True),
    ("fleet_rerun", "{fleet} functions: no-op re-run", False),
]


# --- what each side is asked to do ---------------------------------------------------------


def function_args(ctx, name, zip_file, memory_size):
    return {
        "name": name,
        "zip_file": zip_file,
        "runtime": "python3.12",
        "handler": "app.handler",
        "role": ctx["role"],
        "memory_size": memory_size,
        "timeout": 3,
    }


def policy_args(ctx):
    return {
        "function_name": ctx["function"],
        "statement_id": "allow-s3",
        "action": "lambda:InvokeFunction",
        "principal": "s3.amazonaws.com",
        "source_arn": "arn:aws:s3:::%s-bucket" % ctx["prefix"],
    }


def ours_tasks(ctx):
    """cloudfn.aws_lambda, written the way its documentation shows."""
    layer = {"name": ctx["layer"], "zip_file": ctx["zips"]["layer"], "compatible_runtimes": ["python3.12"]}
    alias = {"function_name": ctx["function"], "name": "live", "function_version": "$LATEST"}
    event = {"function_name": ctx["function"], "event_source_arn": ctx["queue_arn"], "batch_size": 10, "enabled": True}
    return module_tasks(ctx, {
        "function": "cloudfn.aws_lambda.lambda_function",
        "layer": ("cloudfn.aws_lambda.lambda_layer", layer),
        "alias": ("cloudfn.aws_lambda.lambda_alias", alias),
        "policy": ("cloudfn.aws_lambda.lambda_policy", policy_args(ctx)),
        "event": ("cloudfn.aws_lambda.lambda_event_source", event),
    })


def theirs_tasks(ctx):
    """amazon.aws, written the way its documentation shows (same desired state)."""
    layer = {"name": ctx["layer"], "content": {"zip_file": ctx["zips"]["layer"]}, "compatible_runtimes": ["python3.12"]}
    alias = {"function_name": ctx["function"], "name": "live", "function_version": 0}  # 0 is $LATEST there
    event = {
        "lambda_function_arn": ctx["function"],
        "event_source": "sqs",
        "source_params": {"source_arn": ctx["queue_arn"], "batch_size": 10, "enabled": True},
    }
    return module_tasks(ctx, {
        "function": "amazon.aws.lambda",
        "layer": ("amazon.aws.lambda_layer", layer),
        "alias": ("amazon.aws.lambda_alias", alias),
        "policy": ("amazon.aws.lambda_policy", policy_args(ctx)),
        "event": ("amazon.aws.lambda_event", event),
    })


def module_tasks(ctx, modules):
    connection = {"endpoint_url": ctx["url"], "region": REGION, **CREDENTIALS}
    function = modules["function"]
    zips = ctx["zips"]

    def task(key, module, args, **extra):
        return {"name": "bench: %s" % key, module: {**args, **connection}, "ignore_errors": True, **extra}

    fleet_name = "%s-many-{{ item }}" % ctx["prefix"]
    fleet_loop = {"loop": "{{ range(%d) | list }}" % ctx["fleet"]}
    tasks = [
        task("create", function, function_args(ctx, ctx["function"], zips["v1"], 128)),
        task("noop", function, function_args(ctx, ctx["function"], zips["v1"], 128)),
        task("update", function, function_args(ctx, ctx["function"], zips["v1"], 256)),
        task("code", function, function_args(ctx, ctx["function"], zips["v2"], 256)),
        task("layer", *modules["layer"]),
        task("layer_rerun", *modules["layer"]),
        task("alias", *modules["alias"]),
        task("alias_noop", *modules["alias"]),
        task("policy", *modules["policy"]),
        task("policy_noop", *modules["policy"]),
        task("event", *modules["event"]),
        task("event_noop", *modules["event"]),
        task("fleet_create", function, function_args(ctx, fleet_name, zips["v1"], 128), **fleet_loop),
        task("fleet_rerun", function, function_args(ctx, fleet_name, zips["v1"], 128), **fleet_loop),
    ]
    return tasks if ctx["fleet_run"] else [t for t in tasks if not t["name"].startswith("bench: fleet_")]


SIDES = {
    "ours": {"label": "cloudfn.aws_lambda", "short": "cloudfn", "tasks": ours_tasks},
    "theirs": {"label": "amazon.aws", "short": "amazon.aws", "tasks": theirs_tasks},
}


# --- fixtures: code packages, the queue, read-back, clean-up ----------------------------------


def write_zip(path, files):
    """A deterministic zip (fixed timestamps and order), like a build would make."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return path


def make_zips(workdir):
    handler = "def handler(event, context):\n    return {'version': %d, 'event': event}\n"
    return {
        "v1": write_zip(os.path.join(workdir, "code-v1.zip"), {"app.py": handler % 1}),
        "v2": write_zip(os.path.join(workdir, "code-v2.zip"), {"app.py": handler % 2}),
        "layer": write_zip(os.path.join(workdir, "layer.zip"), {"python/shared.py": "GREETING = 'hello'\n"}),
    }


def code_sha256(path):
    with open(path, "rb") as handle:
        return base64.b64encode(hashlib.sha256(handle.read()).digest()).decode()


def clients(url):
    options = {"endpoint_url": url, "region_name": REGION, "aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    return boto3.client("lambda", **options), boto3.client("sqs", **options)


def read_back(ctx, lam):
    """What the endpoint holds after the playbook, checked against the desired state: {scenario: [problems]}."""
    problems = {}

    def problem(scenario, text):
        problems.setdefault(scenario, []).append(text)

    try:
        config = lam.get_function(FunctionName=ctx["function"])["Configuration"]
    except lam.exceptions.ResourceNotFoundException:
        problem("create", "function %s does not exist" % ctx["function"])
        config = None
    if config:
        for field, want in (("Runtime", "python3.12"), ("Handler", "app.handler"), ("Role", ctx["role"]), ("Timeout", 3)):
            if config.get(field) != want:
                problem("create", "%s is %r, not %r" % (field, config.get(field), want))
        if config.get("MemorySize") != 256:
            problem("update", "MemorySize is %r, not 256" % config.get("MemorySize"))
        if config.get("CodeSha256") != code_sha256(ctx["zips"]["v2"]):
            problem("code", "CodeSha256 is not the second zip's")
        try:
            alias = lam.get_alias(FunctionName=ctx["function"], Name="live")
            if alias["FunctionVersion"] != "$LATEST":
                problem("alias", "alias live points to %s, not $LATEST" % alias["FunctionVersion"])
        except lam.exceptions.ResourceNotFoundException:
            problem("alias", "alias live does not exist")
        try:
            statements = json.loads(lam.get_policy(FunctionName=ctx["function"])["Policy"])["Statement"]
        except lam.exceptions.ResourceNotFoundException:
            statements = []
        if [s.get("Sid") for s in statements] != ["allow-s3"]:
            problem("policy", "policy statements are %s, not [allow-s3]" % [s.get("Sid") for s in statements])
        mappings = mappings_of(lam, ctx["function"])
        if len(mappings) != 1:
            problem("event", "%d event source mappings, not 1" % len(mappings))
        elif (mappings[0]["EventSourceArn"], mappings[0].get("BatchSize")) != (ctx["queue_arn"], 10):
            problem("event", "mapping is %s batch %s" % (mappings[0]["EventSourceArn"], mappings[0].get("BatchSize")))
    versions = lam.list_layer_versions(LayerName=ctx["layer"])["LayerVersions"]
    if len(versions) != 1:
        problem("layer_rerun", "the layer has %d versions, not 1" % len(versions))
    fleet = [f for f in list_functions(lam) if f.startswith(ctx["prefix"] + "-many-")]
    if ctx["fleet_run"] and len(fleet) != ctx["fleet"]:
        problem("fleet_create", "%d of the %d functions exist" % (len(fleet), ctx["fleet"]))
    return problems


def list_functions(lam):
    names = []
    for page in lam.get_paginator("list_functions").paginate():
        names += [f["FunctionName"] for f in page["Functions"]]
    return names


def mappings_of(lam, function_name):
    """Every mapping of the function. Not listed with FunctionName=: the local endpoint matches that
    against the spelling (name or ARN) the mapping was created with, and the two sides spell it differently."""
    mappings = []
    for page in lam.get_paginator("list_event_source_mappings").paginate():
        mappings += [m for m in page["EventSourceMappings"] if m.get("FunctionArn", "").split(":")[6:7] == [function_name]]
    return mappings


def clean_up(ctx, lam, sqs):
    for name in [n for n in list_functions(lam) if n.startswith(ctx["prefix"] + "-")]:
        for mapping in mappings_of(lam, name):
            lam.delete_event_source_mapping(UUID=mapping["UUID"])
        lam.delete_function(FunctionName=name)
    for version in lam.list_layer_versions(LayerName=ctx["layer"])["LayerVersions"]:
        lam.delete_layer_version(LayerName=ctx["layer"], VersionNumber=version["Version"])
    sqs.delete_queue(QueueUrl=ctx["queue_url"])


# --- one side, one run ---------------------------------------------------------------------------


def run_side(side, run, args, workdir, zips, token):
    lam, sqs = clients(args.endpoint_url)
    prefix = "sbs-%s-%s-r%d" % (token, side, run)
    queue_url = sqs.create_queue(QueueName=prefix + "-queue")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    ctx = {
        "url": args.endpoint_url, "role": args.role_arn, "prefix": prefix, "function": prefix + "-fn",
        "layer": prefix + "-layer", "queue_url": queue_url, "queue_arn": queue_arn, "zips": zips, "fleet": args.fleet_size,
        "fleet_run": run <= args.fleet_runs,
    }
    play_tasks = SIDES[side]["tasks"](ctx)
    venv = args.ours_venv if side == "ours" else args.theirs_venv
    tasks, elapsed, cpu = run_play(side, venv, play_tasks, {}, prefix, args, workdir)
    problems = read_back(ctx, lam)
    clean_up(ctx, lam, sqs)
    print("  %-6s run %d: %5.1fs for the playbook (%.1fs CPU), %d tasks timed%s" % (
        side, run, elapsed, cpu, len(tasks), "; read-back: %s" % problems if problems else ""), flush=True)
    return {"playbook_seconds": round(elapsed, 3), "playbook_cpu_seconds": round(cpu, 3), "tasks": tasks, "read_back": problems}


def playbook_environment(side, venv, args, workdir, output):
    config = os.path.join(workdir, "ansible.cfg")  # empty: no user or system configuration leaks in
    open(config, "a", encoding="utf-8").close()
    collections = args.collections_path if side == "ours" else os.path.join(workdir, "no-collections")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("ANSIBLE_", "AWS_"))}
    env.update({
        "PATH": os.path.join(venv, "bin") + os.pathsep + env.get("PATH", ""),
        "ANSIBLE_CONFIG": config,
        "ANSIBLE_COLLECTIONS_PATH": collections,  # amazon.aws: only the copy the `ansible` package installed
        "ANSIBLE_CALLBACK_PLUGINS": os.path.join(HERE, "callback_plugins"),
        "ANSIBLE_CALLBACKS_ENABLED": "side_by_side_timer",
        "ANSIBLE_LOCALHOST_WARNING": "false",
        "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false",
        "ANSIBLE_RETRY_FILES_ENABLED": "false",
        "ANSIBLE_NOCOLOR": "true",
        "SIDE_BY_SIDE_OUTPUT": output,
        "SIDE_BY_SIDE_LOG_URL": args.endpoint_url.rstrip("/") + "/_requestlog",
    })
    return env


# --- applications: lambda_app against one loop task per resource kind ------------------------------

# The loops' alias points at version 1, the version the create pass publishes: the state lambda_app
# converges to (its alias follows the version it publishes), so every side converges the same thing.
LOOP_KINDS = ("function", "alias", "policy", "event")
STATEMENT = {"statement_id": "allow-s3", "action": "lambda:InvokeFunction", "principal": "s3.amazonaws.com"}


def app_function(ctx, name, queue_arn, zip_file):
    return dict(function_args(ctx, name, zip_file, 128),
                alias={"name": "live"},
                permissions=[dict(STATEMENT, source_arn="arn:aws:s3:::%s-bucket" % name)],
                event_sources=[{"event_source_arn": queue_arn, "batch_size": 10, "enabled": True}])


def app_tasks(ctx):
    """lambda_app: 1 function (create, no-op), then the application (create, no-op, one function's code)."""
    connection = {"endpoint_url": ctx["url"], "region": REGION, **CREDENTIALS}

    def task(key, app, items):
        return {"name": "bench: %s" % key, "cloudfn.aws_lambda.lambda_app": {"name": app, "functions": items, **connection},
                "ignore_errors": True}

    one = [app_function(ctx, ctx["one"][0][0], ctx["one"][0][1], ctx["zips"]["v1"])]
    many = [app_function(ctx, name, queue, ctx["zips"]["v1"]) for name, queue in ctx["many"]]
    changed = [dict(many[0], zip_file=ctx["zips"]["v2"])] + many[1:]
    return [
        task("app1_create", ctx["prefix"] + "-one", one),
        task("app1_noop", ctx["prefix"] + "-one", one),
        task("app_create", ctx["prefix"] + "-many", many),
        task("app_noop", ctx["prefix"] + "-many", many),
        task("app_code", ctx["prefix"] + "-many", changed),
    ]


def loop_tasks(ctx, side):
    """One loop task per resource kind over the functions, a create pass then --loop-noops no-op passes."""
    connection = {"endpoint_url": ctx["url"], "region": REGION, **CREDENTIALS}
    function = function_args(ctx, "{{ item.name }}", ctx["zips"]["v1"], 128)
    policy = dict(STATEMENT, function_name="{{ item.name }}", alias="live", source_arn="arn:aws:s3:::{{ item.name }}-bucket")
    if side == "ours":
        modules = {
            "function": ("cloudfn.aws_lambda.lambda_function", dict(function, publish=True)),
            "alias": ("cloudfn.aws_lambda.lambda_alias", {"function_name": "{{ item.name }}", "name": "live", "function_version": "1"}),
            "policy": ("cloudfn.aws_lambda.lambda_policy", policy),
            "event": ("cloudfn.aws_lambda.lambda_event_source", {
                "function_name": "{{ item.name }}", "alias": "live", "event_source_arn": "{{ item.queue }}",
                "batch_size": 10, "enabled": True}),
        }
    else:
        modules = {
            "function": ("amazon.aws.lambda", function),  # publishes a version at create, always
            "alias": ("amazon.aws.lambda_alias", {"function_name": "{{ item.name }}", "name": "live", "function_version": 1}),
            "policy": ("amazon.aws.lambda_policy", policy),
            "event": ("amazon.aws.lambda_event", {
                "lambda_function_arn": "{{ item.name }}", "alias": "live", "event_source": "sqs",
                "source_params": {"source_arn": "{{ item.queue }}", "batch_size": 10, "enabled": True}}),
        }
    tasks = []
    for attempt in ["create"] + ["noop%d" % n for n in range(1, ctx["noops"] + 1)]:
        for kind in LOOP_KINDS:
            module, args = modules[kind]
            tasks.append({"name": "bench: loop_%s_%s" % (attempt, kind), module: {**args, **connection},
                          "loop": "{{ bench_functions }}", "ignore_errors": True})
    return tasks


def make_queues(sqs, prefix, count):
    queues = []
    for number in range(count):
        url = sqs.create_queue(QueueName="%s-q%d" % (prefix, number))["QueueUrl"]
        queues.append((url, sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]))
    return queues


def check_app_state(lam, functions, versions):
    """Problems of functions (names) against the desired state: alias live on versions.get(name, "1"), the
    statement allow-s3 on the alias, one SQS mapping (on the alias)."""
    problems = []
    mappings = {}
    for page in lam.get_paginator("list_event_source_mappings").paginate():
        for mapping in page["EventSourceMappings"]:
            mappings.setdefault(mapping.get("FunctionArn", "").split(":")[6], []).append(mapping)
    for name in functions:
        want = versions.get(name, "1")
        try:
            alias = lam.get_alias(FunctionName=name, Name="live")["FunctionVersion"]
        except lam.exceptions.ResourceNotFoundException:
            alias = None
        if alias != want:
            problems.append("%s: alias live on %s, not %s" % (name, alias, want))
        try:
            policy = json.loads(lam.get_policy(FunctionName=name, Qualifier="live")["Policy"])["Statement"]
        except lam.exceptions.ResourceNotFoundException:
            policy = []
        if [s.get("Sid") for s in policy] != ["allow-s3"]:
            problems.append("%s: statements on live are %s" % (name, [s.get("Sid") for s in policy]))
        if len(mappings.get(name, [])) != 1:
            problems.append("%s: %d event source mappings, not 1" % (name, len(mappings.get(name, []))))
    return problems


def clean_up_application(lam, sqs, prefix, queues):
    for name in [n for n in list_functions(lam) if n.startswith(prefix + "-")]:
        for mapping in mappings_of(lam, name):
            lam.delete_event_source_mapping(UUID=mapping["UUID"])
        lam.delete_function(FunctionName=name)
    for url, _arn in queues:
        sqs.delete_queue(QueueUrl=url)


def run_play(side, venv, play_tasks, play_vars, prefix, args, workdir):
    """One playbook: (the callback's task entries by name, wall seconds, CPU seconds)."""
    play = [{"hosts": "localhost", "connection": "local", "gather_facts": False, "vars": play_vars, "tasks": play_tasks}]
    playbook = os.path.join(workdir, "%s.yml" % prefix)
    with open(playbook, "w", encoding="utf-8") as handle:
        json.dump(play, handle, indent=1)
    output = os.path.join(workdir, "%s.jsonl" % prefix)
    started, cpu_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [os.path.join(venv, "bin", "ansible-playbook"), "-i", "localhost,", playbook,
         "-e", "ansible_python_interpreter=%s" % os.path.join(venv, "bin", "python")],
        env=playbook_environment(side, venv, args, workdir, output),
        cwd=workdir, capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    with open(os.path.join(workdir, "%s.log" % prefix), "w", encoding="utf-8") as handle:
        handle.write(done.stdout + done.stderr)
    tasks = {}
    if os.path.exists(output):
        with open(output, encoding="utf-8") as handle:
            for line in handle:
                entry = json.loads(line)
                tasks[entry.pop("name")] = entry
    if done.returncode != 0 or len(tasks) != len(play_tasks):
        sys.exit("%s: ansible-playbook exited %d with %d of %d tasks timed:\n%s\n%s"
                 % (prefix, done.returncode, len(tasks), len(play_tasks), done.stdout[-4000:], done.stderr[-4000:]))
    return tasks, round(elapsed, 3), round(cpu, 3)


def app_phase(args, workdir, zips, token):
    """The application scenarios: one loop playbook per side, then --app-runs lambda_app playbooks."""
    lam, sqs = clients(args.endpoint_url)
    size = args.app_size
    out = {"size": size, "loops": {}, "app_runs": []}
    print("applications: %d functions, each with an alias, a permission and an SQS event source" % size, flush=True)
    for side in ("theirs", "ours"):
        prefix = "sbs-%s-loop-%s" % (token, side)
        queues = make_queues(sqs, prefix, size)
        functions = [{"name": "%s-f%02d" % (prefix, n), "queue": queues[n][1]} for n in range(size)]
        ctx = {"url": args.endpoint_url, "role": args.role_arn, "zips": zips, "noops": args.loop_noops}
        venv = args.ours_venv if side == "ours" else args.theirs_venv
        tasks, wall, cpu = run_play(side, venv, loop_tasks(ctx, side), {"bench_functions": functions}, prefix, args, workdir)
        problems = check_app_state(lam, [f["name"] for f in functions], {})
        clean_up_application(lam, sqs, prefix, queues)
        out["loops"][side] = {"tasks": tasks, "playbook_seconds": wall, "playbook_cpu_seconds": cpu, "read_back": problems}
        print("  %-6s loops: %5.1fs for the playbook (%.1fs CPU)%s" % (
            side, wall, cpu, "; read-back: %s" % problems[:3] if problems else ""), flush=True)
    for run in range(1, args.app_runs + 1):
        prefix = "sbs-%s-app-r%d" % (token, run)
        queues = make_queues(sqs, prefix, size + 1)
        ctx = {"url": args.endpoint_url, "role": args.role_arn, "zips": zips, "prefix": prefix,
               "one": [("%s-one-f00" % prefix, queues[size][1])],
               "many": [("%s-many-f%02d" % (prefix, n), queues[n][1]) for n in range(size)]}
        tasks, wall, cpu = run_play("ours", args.ours_venv, app_tasks(ctx), {}, prefix, args, workdir)
        names = [name for name, _queue in ctx["many"]] + [ctx["one"][0][0]]
        problems = check_app_state(lam, names, {ctx["many"][0][0]: "2"})
        clean_up_application(lam, sqs, prefix, queues)
        out["app_runs"].append({"tasks": tasks, "playbook_seconds": wall, "playbook_cpu_seconds": cpu, "read_back": problems})
        print("  lambda_app run %d: %5.1fs for the playbook (%.1fs CPU)%s" % (
            run, wall, cpu, "; read-back: %s" % problems[:3] if problems else ""), flush=True)
    return out


def app_summary(app):
    """Medians, calls and notes of the application scenarios."""
    def loop_pass(side, attempt):
        tasks = app["loops"][side]["tasks"]
        entries = [tasks["loop_%s_%s" % (attempt, kind)] for kind in LOOP_KINDS]
        return {"seconds": sum(e["seconds"] for e in entries), "requests": [r for e in entries for r in e["requests"]],
                "changed": [e["changed"] for e in entries], "failed": [e["messages"] for e in entries if e["failed"]]}

    noops = ["noop%d" % n for n in range(1, len([k for k in app["loops"]["ours"]["tasks"] if k.endswith("_function")]))]
    scenarios = {}
    for side in ("theirs", "ours"):
        scenarios["loop_create_" + side] = [loop_pass(side, "create")]
        scenarios["loop_noop_" + side] = [loop_pass(side, attempt) for attempt in noops]
    for key in ("app1_create", "app1_noop", "app_create", "app_noop", "app_code"):
        scenarios[key] = [{"seconds": run["tasks"][key]["seconds"], "requests": run["tasks"][key]["requests"],
                           "changed": [run["tasks"][key]["changed"]],
                           "failed": [run["tasks"][key]["messages"]] if run["tasks"][key]["failed"] else []}
                          for run in app["app_runs"]]
    summary = {}
    for key, passes in scenarios.items():
        summary[key] = {
            "seconds": [round(p["seconds"], 3) for p in passes],
            "median_seconds": round(statistics.median(p["seconds"] for p in passes), 3),
            "lambda_calls": operation_names(passes[0]["requests"], True),
            "writes": [r["operation"] for r in passes[0]["requests"] if r["service"] == "lambda" and r["mutating"]],
            "changed": [c for p in passes for c in p["changed"]],
            "failed": [m for p in passes for m in p["failed"]],
            # Sorted: lambda_app's threads send the same calls in another order from run to run.
            "calls_differ": any(sorted(operation_names(p["requests"], True)) != sorted(operation_names(passes[0]["requests"], True))
                                for p in passes),
        }
    return summary


def app_markdown(app, meta, args):
    size = app["size"]
    s = app_summary(app)
    app["summary"] = s

    def med(key):
        return s[key]["median_seconds"]

    def per_function(key, count):
        return "%.1f" % (len(s[key]["lambda_calls"]) / float(count))

    noop_reads = sorted(s["app_noop"]["lambda_calls"])
    code_calls = list(s["app_code"]["lambda_calls"])
    for name in noop_reads:
        if name in code_calls:
            code_calls.remove(name)
    ratios = [
        ("%d-function no-op: lambda_app / amazon.aws loops" % size, med("app_noop"), med("loop_noop_theirs"), "at most 0.1"),
        ("%d-function no-op: lambda_app / cloudfn loops" % size, med("app_noop"), med("loop_noop_ours"), "-"),
        ("%d-function no-op: cloudfn loops / amazon.aws loops" % size, med("loop_noop_ours"), med("loop_noop_theirs"), "-"),
        ("lambda_app no-op: %d functions / 1 function" % size, med("app_noop"), med("app1_noop"), "at most 1.5"),
        ("lambda_app first deploy: %d functions / 1 function" % size, med("app_create"), med("app1_create"), "at most 2"),
        ("%d-function first deploy: lambda_app / amazon.aws loops" % size, med("app_create"), med("loop_create_theirs"), "-"),
        ("%d-function first deploy: lambda_app / cloudfn loops" % size, med("app_create"), med("loop_create_ours"), "-"),
    ]
    lines = [
        "Measured %s on %s, in the same run as the scenarios above. %d functions, each with an alias `live`, one "
        "permission and one SQS event source on the alias (one queue each). lambda_app: %d runs of one playbook, each on "
        "new resources (1 function: create, no-op; %d functions: create, no-op, one function's code). Loops: one playbook "
        "per side, 4 loop tasks (function with publish, alias, policy, event source) run once to create and %d more times "
        "as no-ops; a pass's time is the sum of its 4 tasks. Times are medians (s); ratios are ratios of medians."
        % (meta["date"], meta["machine"], size, args.app_runs, size, args.loop_noops),
        "",
        "| comparison | median (s) | median (s) | ratio | target (issue 14) |",
        "|---|---|---|---|---|",
    ]
    for label, a, b, target in ratios:
        lines.append("| %s | %.2f | %.2f | %.3f | %s |" % (label, a, b, a / b if b else 0, target))
    lines += [
        "",
        "| scenario | Lambda calls | per function | writes | changed | task times (s) | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    labels = [
        ("loop_create_theirs", "amazon.aws loops: create %d" % size, size),
        ("loop_noop_theirs", "amazon.aws loops: no-op", size),
        ("loop_create_ours", "cloudfn loops: create %d" % size, size),
        ("loop_noop_ours", "cloudfn loops: no-op", size),
        ("app1_create", "lambda_app: create 1", 1),
        ("app1_noop", "lambda_app: no-op, 1 function", 1),
        ("app_create", "lambda_app: create %d" % size, size),
        ("app_noop", "lambda_app: no-op, %d functions" % size, size),
        ("app_code", "lambda_app: one function's code, %d functions" % size, size),
    ]
    for key, label, count in labels:
        row = s[key]
        notes = []
        if row["failed"]:
            notes.append("fails: " + shorten(" | ".join(str(m) for m in row["failed"][0])))
        if row["calls_differ"]:
            notes.append("calls differ between passes")
        lines.append("| %s | %d | %s | %s | %s | %s | %s |" % (
            label, len(row["lambda_calls"]), per_function(key, count), compact(row["writes"]),
            "/".join(str(c).lower() for c in sorted(set(row["changed"]))),
            " ".join("%.2f" % x for x in row["seconds"]), escape("; ".join(notes)) or "none"))
    problems = [p for side in app["loops"].values() for p in side["read_back"]]
    problems += [p for run in app["app_runs"] for p in run["read_back"]]
    lines += [
        "",
        "Calls by operation: lambda_app no-op of %d functions: %s. One function's code changed: %d writes (%s); "
        "calls beyond the no-op's: %s (every call: %s). amazon.aws loops, no-op: %s. cloudfn loops, no-op: %s."
        % (size, compact(s["app_noop"]["lambda_calls"]), len(s["app_code"]["writes"]), compact(s["app_code"]["writes"]),
           compact(code_calls) if code_calls else "nothing",
           compact(s["app_code"]["lambda_calls"]), compact(s["loop_noop_theirs"]["lambda_calls"]),
           compact(s["loop_noop_ours"]["lambda_calls"])),
        "",
        "Read back after each playbook (alias on the version, the statement on the alias, one mapping): %s."
        % ("; ".join(problems[:10]) if problems else "every function as desired, on every side"),
        "",
        "| playbook | wall time (s) | CPU time of ansible-playbook and its modules (s) |",
        "|---|---|---|",
    ]
    for side in ("theirs", "ours"):
        loop = app["loops"][side]
        lines.append("| %s loops (create + %d no-op passes) | %.1f | %.1f |" % (
            SIDES[side]["short"], args.loop_noops, loop["playbook_seconds"], loop["playbook_cpu_seconds"]))
    for number, run in enumerate(app["app_runs"], 1):
        lines.append("| lambda_app run %d | %.1f | %.1f |" % (number, run["playbook_seconds"], run["playbook_cpu_seconds"]))
    return "\n".join(lines) + "\n"


# --- summary ---------------------------------------------------------------------------------------


def operation_names(requests, lambda_calls):
    """Lambda operation names (lambda_calls=True), or "service:Operation" of every other request."""
    if lambda_calls:
        return [r["operation"] or "?" for r in requests if r["service"] == "lambda"]
    return ["%s:%s" % (r["service"], r["operation"]) for r in requests if r["service"] != "lambda"]


def compact(names):
    """['GetFunction', 'GetFunction', 'CreateFunction'] -> 'GetFunction x2, CreateFunction' (first-seen order)."""
    counts = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(name if n == 1 else "%s x%d" % (name, n) for name, n in counts.items()) or "none"


def summarise(runs, fleet):
    """Per scenario and side: calls, median time, and the correctness notes."""
    rows = []
    for key, label, expected_changed in SCENARIOS:
        row = {"key": key, "scenario": label.format(fleet=fleet), "expected_changed": expected_changed}
        paired = [run for run in runs if key in run["ours"]["tasks"] and key in run["theirs"]["tasks"]]
        if not paired:
            continue  # e.g. the many-functions scenarios with --fleet-runs 0
        # Both sides of one run ran within a minute of each other: their ratio is less exposed to the
        # machine's load drifting between runs than the ratio of two medians.
        row["time_ratio"] = round(statistics.median(
            run["ours"]["tasks"][key]["seconds"] / run["theirs"]["tasks"][key]["seconds"] for run in paired), 3)
        for side in SIDES:
            results = [run[side] for run in runs if key in run[side]["tasks"]]
            tasks = [result["tasks"][key] for result in results]
            lambda_calls = [operation_names(t["requests"], True) for t in tasks]
            other_calls = [operation_names(t["requests"], False) for t in tasks]
            notes = []
            changed = [t["changed"] for t in tasks]
            failed = [t for t in tasks if t["failed"]]
            if failed:
                messages = sorted({m for t in failed for m in t["messages"]})
                notes.append("fails (%d/%d runs): %s" % (len(failed), len(tasks), " | ".join(shorten(m) for m in messages)))
            wrong = [c for t, c in zip(tasks, changed) if not t["failed"] and c != expected_changed]
            if wrong:
                notes.append("reports changed=%s (%d/%d runs), expected %s"
                             % (str(wrong[0]).lower(), len(wrong), len(tasks), str(expected_changed).lower()))
            not_converged = sorted({p for result in results for p in result["read_back"].get(key, [])})
            if not_converged:
                notes.append("read back: " + "; ".join(not_converged))
            if any(calls != lambda_calls[0] for calls in lambda_calls):
                notes.append("calls differ between runs (%s)" % ", ".join(str(len(c)) for c in lambda_calls))
            row[side] = {
                "seconds": [t["seconds"] for t in tasks],
                "median_seconds": round(statistics.median(t["seconds"] for t in tasks), 3),
                "lambda_calls": lambda_calls[0],
                "other_calls": other_calls[0],
                "changed": changed,
                "notes": notes,
            }
        rows.append(row)
    return rows


def shorten(text, limit=160):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def ratio(ours, theirs):
    return "%.2f" % (ours / theirs) if theirs else "-"


def markdown(rows, runs, meta):
    ours, theirs = SIDES["ours"]["short"], SIDES["theirs"]["short"]
    lines = [
        "| scenario | Lambda calls %s / %s (ratio) | median task time (s) %s / %s | time ratio %s/%s (median of runs) | correctness differences |"
        % (ours, theirs, ours, theirs, ours, theirs),
        "|---|---|---|---|---|",
    ]
    for row in rows:
        a, b = row["ours"], row["theirs"]
        notes = ["%s: %s" % (SIDES[side]["short"], note) for side in SIDES for note in row[side]["notes"]]
        lines.append("| %s | %d / %d (%s) | %.2f / %.2f | %s | %s |" % (
            row["scenario"], len(a["lambda_calls"]), len(b["lambda_calls"]), ratio(len(a["lambda_calls"]), len(b["lambda_calls"])),
            a["median_seconds"], b["median_seconds"],
            "%.2f" % row["time_ratio"], "<br>".join(escape(n) for n in notes) or "none"))
    summary = "\n".join(lines)
    detail = [
        "| scenario | side | Lambda calls (by operation) | other AWS calls | task times (s), run by run |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        for side in SIDES:
            data = row[side]
            detail.append("| %s | %s | %s | %s | %s |" % (
                row["scenario"], SIDES[side]["short"], compact(data["lambda_calls"]), compact(data["other_calls"]),
                " ".join("%.2f" % s for s in data["seconds"])))
    totals = [
        "| run | side | scenarios | playbook wall time (s) | CPU time of ansible-playbook and its modules (s) |",
        "|---|---|---|---|---|",
    ]
    for number, run in enumerate(runs, 1):
        for side, result in run.items():
            totals.append("| %d | %s | %d | %.1f | %.1f |" % (
                number, SIDES[side]["short"], len(result["tasks"]), result["playbook_seconds"], result["playbook_cpu_seconds"]))
    header = ((
        "Measured %(date)s on %(machine)s, a shared and noisy machine: times are medians of %(runs)d runs per side"
        + (" (%(fleet_runs)d for the %(fleet)d-function scenarios), " if meta["fleet_runs"] else ", ") +
        "the sides alternating which goes first; the time ratio "
        "is the median of the runs' ratios (both sides of a run ran within a minute of each other). "
        "Endpoint: moto %(moto)s (tests/utils/endpoint.py). "
        "cloudfn.aws_lambda %(ours_version)s on ansible-core %(ours_core)s, boto3 %(ours_boto3)s; "
        "amazon.aws %(theirs_version)s (from the ansible %(ansible)s package) on ansible-core %(theirs_core)s, boto3 %(theirs_boto3)s. "
        "Total run time %(total)ss; 1-minute load average %(load)s.") % meta
    )
    text = "%s\n\n%s\n\nCalls by operation, per side, and every run's task time:\n\n%s\n\n" \
        "Whole playbooks (CPU time is less sensitive to the machine's load than wall time):\n\n%s\n" % (
            header, summary, "\n".join(detail), "\n".join(totals))
    return text, summary


def escape(text):
    return text.replace("|", "\\|")


def venv_versions(venv, collection=None):
    code = (
        "import importlib.metadata as m, importlib.util, json, os\n"
        "out = {'core': m.version('ansible-core'), 'boto3': m.version('boto3'), 'botocore': m.version('botocore')}\n"
        "try:\n    out['ansible'] = m.version('ansible')\nexcept m.PackageNotFoundError:\n    pass\n"
        "if %r:\n"
        "    spec = importlib.util.find_spec(%r)\n"
        "    with open(os.path.join(list(spec.submodule_search_locations)[0], 'MANIFEST.json')) as f:\n"
        "        out['collection'] = json.load(f)['collection_info']['version']\n"
        "print(json.dumps(out))\n" % (collection, collection)
    )
    done = subprocess.run([os.path.join(venv, "bin", "python"), "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def galaxy_version():
    with open(os.path.join(HERE, "..", "galaxy.yml"), encoding="utf-8") as handle:
        return next(line.split(":", 1)[1].strip() for line in handle if line.startswith("version:"))


def write_docs(path, text, begin=DOCS_BEGIN, end=DOCS_END):
    with open(path, encoding="utf-8") as handle:
        page = handle.read()
    if begin not in page or end not in page:
        sys.exit("%s has no %r ... %r markers to write the results between" % (path, begin, end))
    head, rest = page.split(begin, 1)
    tail = rest.split(end, 1)[1]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("%s%s\n%s\n%s%s" % (head, begin, text.strip(), end, tail))


def rewrite(args):
    """The markdown of a saved run (side_by_side.json), written again to --results and --docs."""
    with open(args.rewrite_from, encoding="utf-8") as handle:
        saved = json.load(handle)
    meta, runs, app = saved["meta"], saved["runs"], saved.get("application")
    args.app_runs, args.loop_noops = len(app["app_runs"]) if app else 0, meta.get("loop_noops", 2)
    text, _summary = markdown(summarise(runs, meta["fleet"]), runs, meta)
    app_text = app_markdown(app, meta, args) if app else ""
    if args.results:
        with open(os.path.join(args.results, "side_by_side.md"), "w", encoding="utf-8") as handle:
            handle.write(text + ("\n## Applications\n\n" + app_text if app_text else ""))
    if args.docs:
        write_docs(args.docs, text)
        if app_text:
            write_docs(args.docs, app_text, APP_DOCS_BEGIN, APP_DOCS_END)
    print(text + "\n" + app_text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--role-arn", required=True)
    parser.add_argument("--ours-venv", required=True, help="venv with ansible-core and boto3 (e.g. .venv/core-2.21)")
    parser.add_argument("--theirs-venv", required=True, help="venv with the ansible package (amazon.aws) and boto3")
    parser.add_argument("--collections-path", required=True, help="a directory holding ansible_collections/cloudfn/aws_lambda")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fleet-size", type=int, default=20, help="functions in the many-functions scenarios")
    parser.add_argument("--fleet-runs", type=int, default=0, help="runs (the first ones) that include the many-functions scenarios")
    parser.add_argument("--app-size", type=int, default=20, help="functions of the application scenarios (0: none)")
    parser.add_argument("--app-runs", type=int, default=3, help="runs of the lambda_app playbook (each on new resources)")
    parser.add_argument("--loop-noops", type=int, default=2, help="no-op passes of each loop playbook (after one create pass)")
    parser.add_argument("--results", help="write side_by_side.json and side_by_side.md into this directory")
    parser.add_argument("--docs", help="replace the results section of this page (docs/benchmarks.md)")
    parser.add_argument("--keep-workdir", help="work in this directory and keep it (playbooks, logs, timings)")
    parser.add_argument("--rewrite-from", help="run nothing: write the results of this side_by_side.json again")
    args = parser.parse_args()
    if args.rewrite_from:
        return rewrite(args)
    args.ours_venv, args.theirs_venv, args.collections_path = (
        os.path.abspath(path) for path in (args.ours_venv, args.theirs_venv, args.collections_path))
    for venv in (args.ours_venv, args.theirs_venv):
        if not os.path.exists(os.path.join(venv, "bin", "ansible-playbook")):
            sys.exit("%s has no ansible-playbook: make benchmark-side-by-side creates the virtual environments" % venv)
    meta_versions = {
        "ours": venv_versions(args.ours_venv),
        "theirs": venv_versions(args.theirs_venv, "ansible_collections.amazon.aws"),
    }
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    runs = []
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as scratch:
        workdir = os.path.abspath(args.keep_workdir) if args.keep_workdir else scratch
        os.makedirs(workdir, exist_ok=True)
        zips = make_zips(workdir)
        token = secrets.token_hex(3)  # names of this invocation's resources: sbs-TOKEN-SIDE-rRUN-...
        for run in range(1, args.runs + 1):
            order = ["ours", "theirs"] if run % 2 else ["theirs", "ours"]
            print("run %d of %d (%s first)" % (run, args.runs, SIDES[order[0]]["label"]), flush=True)
            runs.append({side: run_side(side, run, args, workdir, zips, token) for side in order})
        app = app_phase(args, workdir, zips, token) if args.app_size else None
    rows = summarise(runs, args.fleet_size)
    import moto  # the endpoint's version: it runs from the same venv as this script

    meta = {
        "date": datetime.date.today().isoformat(),
        "machine": "%s, %d CPU cores" % (platform.system(), os.cpu_count() or 0),
        "runs": args.runs,
        "fleet": args.fleet_size,
        "fleet_runs": min(args.fleet_runs, args.runs),
        "loop_noops": args.loop_noops,
        "moto": moto.__version__,
        "ours_version": galaxy_version(),
        "ours_core": meta_versions["ours"]["core"],
        "ours_boto3": meta_versions["ours"]["boto3"],
        "theirs_version": meta_versions["theirs"]["collection"],
        "ansible": meta_versions["theirs"].get("ansible", "?"),
        "theirs_core": meta_versions["theirs"]["core"],
        "theirs_boto3": meta_versions["theirs"]["boto3"],
        "total": int(time.monotonic() - started),
        "load": "%.1f before, %.1f after" % (load_before, os.getloadavg()[0]),
    }
    text, summary = markdown(rows, runs, meta)
    app_text = app_markdown(app, meta, args) if app else ""
    print("\n" + text + "\n" + app_text)
    if args.results:
        os.makedirs(args.results, exist_ok=True)
        with open(os.path.join(args.results, "side_by_side.md"), "w", encoding="utf-8") as handle:
            handle.write(text + ("\n## Applications\n\n" + app_text if app_text else ""))
        with open(os.path.join(args.results, "side_by_side.json"), "w", encoding="utf-8") as handle:
            json.dump({"meta": meta, "versions": meta_versions, "scenarios": rows, "runs": runs, "application": app},
                      handle, indent=1)
            handle.write("\n")
    if args.docs:
        write_docs(args.docs, text)
        if app_text:
            write_docs(args.docs, app_text, APP_DOCS_BEGIN, APP_DOCS_END)
    return summary


if __name__ == "__main__":
    main()
