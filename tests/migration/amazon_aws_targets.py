#!/usr/bin/env python
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run amazon.aws's own Lambda integration targets twice against the local endpoint: once as they are, once
with the Lambda modules renamed to cloudfn.aws_lambda (the migration docs/migrating.md describes), and
compare the outcomes.

amazon.aws's tests are not in the wheel the ``ansible`` package installs, so this takes an amazon.aws
checkout (``--source``: a work tree, or a git directory whose HEAD is read with ``git archive``). It runs
each target as a role of a one-play playbook with ``ansible-playbook`` of the venv given (which must have
amazon.aws and community.general, as the ``ansible`` package does), our collection first on
ANSIBLE_COLLECTIONS_PATH, and the endpoint through AWS_ENDPOINT_URL (the targets set no endpoint).

The rename is the one docs/migrating.md asks of a user: ``amazon.aws.<lambda module>`` becomes
``cloudfn.aws_lambda.<lambda module>`` and every ``module_defaults`` that has ``group/aws`` gets the same
values under ``group/cloudfn.aws_lambda.aws``. Nothing else in the targets changes. Not part of ``make test``:
amazon.aws's sources are not available on a clean machine.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

import yaml

LAMBDA_MODULES = ("lambda", "lambda_alias", "lambda_event", "lambda_execute", "lambda_info", "lambda_layer",
                  "lambda_layer_info", "lambda_policy")
TARGETS = ("lambda", "lambda_alias", "lambda_event", "lambda_layer", "lambda_policy")
HELPER_ROLES = ("setup_remote_tmp_dir",)
# The documented differences (docs/migrating.md) that amazon.aws's targets assert, each with the edit a migrating
# user makes for it. Applied to the migrated side only, and printed, so a run shows exactly what the migration had
# to change. Text edits: (target, pattern, replacement, why).
DOCUMENTED_DIFFERENCES = [
    ("lambda", r"\.environment\.variables\.extra_message\b", ".environment.variables.EXTRA_MESSAGE",
     "environment variable names keep their case in results"),
]


def latest_given(task):
    """lambda_alias without function_version moves an existing alias to $LATEST in amazon.aws only: give it."""
    options = task.get("cloudfn.aws_lambda.lambda_alias")
    if isinstance(options, dict) and "function_version" not in options and "version" not in options \
            and options.get("state", "present") == "present":
        options["function_version"] = 0
        return True
    return False


# Edits of tasks (target, the edit: task -> whether it changed it, why), on the parsed tasks.
DOCUMENTED_TASK_EDITS = [
    ("lambda_alias", latest_given, "an omitted function_version leaves an existing alias on its version: give 0 "
     "($LATEST) where the alias exists"),
]


def tasks_of(node):
    """Every task dictionary below ``node`` (blocks, rescue and always included)."""
    if isinstance(node, list):
        for item in node:
            yield from tasks_of(item)
    elif isinstance(node, dict):
        yield node
        for key in ("block", "rescue", "always"):
            yield from tasks_of(node.get(key))


MODULE_NAME = re.compile(r"\bamazon\.aws\.(%s)(?=\s*:)" % "|".join(sorted(LAMBDA_MODULES, key=len, reverse=True)))


def extract(source, into):
    """amazon.aws's integration targets from ``source`` (a work tree, or a git directory: HEAD) into ``into``."""
    wanted = ["tests/integration/targets/%s" % t for t in TARGETS + HELPER_ROLES]
    if os.path.isdir(os.path.join(source, "tests", "integration", "targets")):
        for path in wanted:
            shutil.copytree(os.path.join(source, path), os.path.join(into, os.path.basename(path)))
        return
    archive = os.path.join(into, "targets.tar")
    subprocess.run(["git", "--git-dir", source, "archive", "-o", archive, "HEAD"] + wanted, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, **(dict(filter="data") if hasattr(tarfile, "data_filter") else {}))
    for path in wanted:
        shutil.move(os.path.join(into, path), os.path.join(into, os.path.basename(path)))
    shutil.rmtree(os.path.join(into, "tests"))
    os.remove(archive)


def add_group(node):
    """Add group/cloudfn.aws_lambda.aws beside every group/aws of module_defaults, recursively."""
    if isinstance(node, list):
        for item in node:
            add_group(item)
    elif isinstance(node, dict):
        defaults = node.get("module_defaults")
        if isinstance(defaults, dict) and "group/aws" in defaults:
            defaults.setdefault("group/cloudfn.aws_lambda.aws", defaults["group/aws"])
        for value in node.values():
            add_group(value)


def rename(role_dir):
    """The migration of one target: module names, and the action group beside group/aws."""
    renamed = 0
    for root, _dirs, files in os.walk(os.path.join(role_dir, "tasks")):
        for name in files:
            if not name.endswith((".yml", ".yaml")):
                continue
            path = os.path.join(root, name)
            with open(path) as f:
                text = f.read()
            text, count = MODULE_NAME.subn(r"cloudfn.aws_lambda.\1", text)
            renamed += count
            for target, pattern, replacement, why in DOCUMENTED_DIFFERENCES:
                if target == os.path.basename(role_dir):
                    text, edits = re.subn(pattern, replacement, text)
                    if edits:
                        print("%-14s %s: %d edit(s) for a documented difference: %s" % (target, name, edits, why))
            data = yaml.safe_load(text)
            add_group(data)
            for target, edit, why in DOCUMENTED_TASK_EDITS:
                if target == os.path.basename(role_dir):
                    edits = sum(1 for task in list(tasks_of(data)) if edit(task))
                    if edits:
                        print("%-14s %s: %d edit(s) for a documented difference: %s" % (target, name, edits, why))
            with open(path, "w") as f:
                yaml.safe_dump(data, f, sort_keys=False, width=1000)
    return renamed


def run_target(venv, roles_dir, target, env, workdir, log_path):
    """ansible-playbook over the target as a role: rc, tasks run, the first task that failed, seconds."""
    playbook = os.path.join(workdir, "play-%s.yml" % target)
    prefix = "cfm%d" % (int(time.time() * 1000) % 10 ** 8)
    with open(playbook, "w") as f:
        yaml.safe_dump([dict(hosts="localhost", gather_facts=False, connection="local", vars=dict(
            aws_access_key="testing", aws_secret_key="testing", aws_region="us-east-1",
            tiny_prefix=prefix, resource_prefix=prefix, ansible_python_interpreter=os.path.join(venv, "bin", "python"),
            output_dir=os.path.join(workdir, "out-" + target)),
            roles=[target])], f, sort_keys=False)
    os.makedirs(os.path.join(workdir, "out-" + target), exist_ok=True)
    run_env = dict(env, ANSIBLE_ROLES_PATH=roles_dir, ANSIBLE_NOCOLOR="1", ANSIBLE_CALLBACK_RESULT_FORMAT="json",
                   ANSIBLE_CALLBACK_FORMAT_PRETTY="false")
    started = time.time()
    proc = subprocess.run([os.path.join(venv, "bin", "ansible-playbook"), "-i", "localhost,", playbook],
                          env=run_env, capture_output=True, text=True, check=False)
    seconds = time.time() - started
    with open(log_path, "w") as f:
        f.write(proc.stdout)
        f.write(proc.stderr)
    return dict(rc=proc.returncode, seconds=round(seconds, 1), **summarize(proc.stdout + proc.stderr))


def summarize(output):
    """Counts of task outcomes and the first task that failed without ignore_errors (default callback's text)."""
    task = failed_task = failure = None
    tasks = 0
    lines = output.splitlines()
    for number, line in enumerate(lines):
        header = re.match(r"^TASK \[(.*)\] \*+$", line)
        if header:
            task, tasks = header.group(1), tasks + 1
        elif line.startswith("fatal: ") and failed_task is None:
            if number + 1 < len(lines) and lines[number + 1].startswith("...ignoring"):
                continue
            failed_task = task
            detail = line.split("=> ", 1)[-1]
            try:
                failure = json.loads(detail).get("msg", detail)
            except ValueError:
                failure = detail
    return dict(tasks=tasks, failed_task=failed_task, failure=failure)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--source", required=True, help="amazon.aws checkout (work tree or git directory)")
    parser.add_argument("--venv", required=True, help="venv with ansible-playbook, amazon.aws, community.general")
    parser.add_argument("--collections-path", required=True, help="the directory holding ansible_collections/cloudfn")
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--targets", nargs="*", default=list(TARGETS))
    parser.add_argument("--sides", nargs="*", default=["amazon.aws", "cloudfn"])
    parser.add_argument("--logs", default="tests/output/amazon-aws-targets")
    args = parser.parse_args()
    args.venv = os.path.abspath(args.venv)

    os.makedirs(args.logs, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="amazon-aws-targets-")
    env = dict(os.environ, AWS_ENDPOINT_URL=args.endpoint_url, AWS_ACCESS_KEY_ID="testing",
               AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1",
               ANSIBLE_COLLECTIONS_PATH=os.path.abspath(args.collections_path),
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
               ANSIBLE_DEBUG_BOTOCORE_LOGS="true", HOME=workdir)
    rows = []
    for side in args.sides:
        roles_dir = os.path.join(workdir, side)
        os.makedirs(roles_dir)
        extract(args.source, roles_dir)
        for target in args.targets:
            renamed = rename(os.path.join(roles_dir, target)) if side == "cloudfn" else 0
            outcome = run_target(args.venv, roles_dir, target, env, workdir,
                                 os.path.join(args.logs, "%s-%s.log" % (target, side)))
            outcome.update(side=side, target=target, renamed=renamed)
            rows.append(outcome)
            verdict = "passed" if outcome["rc"] == 0 else "FAILED at %r: %s" % (
                outcome["failed_task"], str(outcome["failure"])[:300])
            print("%-14s %-11s rc=%d tasks=%-4d %5.1fs %s" % (
                target, side, outcome["rc"], outcome["tasks"], outcome["seconds"], verdict))
            sys.stdout.flush()
    with open(os.path.join(args.logs, "summary.json"), "w") as f:
        json.dump(rows, f, indent=1)
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(row["rc"] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
