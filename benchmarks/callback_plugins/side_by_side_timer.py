# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Callback used by benchmarks/side_by_side.py: one JSON line per timed task.

For every task whose name starts with "bench:" it writes the task's wall time (from the
moment the task starts to the moment its result - the last item's for a loop - comes back),
its changed/failed state with the failure messages, and the requests the local endpoint
recorded while the task ran (read from the endpoint's request log before and after).

Not part of the collection: benchmarks/ is left out of the built artifact (galaxy.yml build_ignore).
Enabled by side_by_side.py with ANSIBLE_CALLBACK_PLUGINS and ANSIBLE_CALLBACKS_ENABLED; it reads
SIDE_BY_SIDE_OUTPUT (the JSON-lines file to append to) and SIDE_BY_SIDE_LOG_URL (the /_requestlog URL).
"""

import json
import os
import sys
import time
import urllib.parse
import urllib.request

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = r"""
name: side_by_side_timer
type: aggregate
short_description: Wall time, result and endpoint requests of each benchmarked task
description:
  - Writes one JSON line per task whose name starts with C(bench:) to the file in E(SIDE_BY_SIDE_OUTPUT).
requirements:
  - enabled in ANSIBLE_CALLBACKS_ENABLED
"""

TIMED_PREFIX = "bench:"


def request_log(log_url, since):
    query = urllib.parse.urlencode({"since": since})
    with urllib.request.urlopen("%s?%s" % (log_url, query), timeout=30) as response:
        return json.load(response)


def failure_messages(result):
    """The msg of a failed result, or of each failed item of a loop."""
    items = result.get("results")
    if isinstance(items, list):
        return [str(item.get("msg", "")) for item in items if isinstance(item, dict) and item.get("failed")]
    return [str(result.get("msg", ""))] if result.get("failed") else []


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "side_by_side_timer"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super().__init__()
        self.output = os.environ.get("SIDE_BY_SIDE_OUTPUT")
        self.log_url = os.environ.get("SIDE_BY_SIDE_LOG_URL")
        self.task = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        name = task.get_name()
        if not (self.output and self.log_url and name.startswith(TIMED_PREFIX)):
            self.task = None
            return
        # Read the log first, then start the clock: the read is not part of the task's time.
        before = request_log(self.log_url, sys.maxsize)["count"]
        self.task = {"name": name[len(TIMED_PREFIX):].strip(), "log_before": before, "started": time.perf_counter()}

    def record(self, result, status):
        if self.task is None:
            return
        seconds = time.perf_counter() - self.task["started"]
        task, self.task = self.task, None
        requests = request_log(self.log_url, task["log_before"])["requests"]
        # Callbacks read a task's answer from _result, as ansible-core's own callbacks do.
        answer = result._result  # pylint: disable=protected-access
        entry = {
            "name": task["name"],
            "seconds": round(seconds, 4),
            "status": status,
            "changed": bool(answer.get("changed")),
            "failed": status == "failed",
            "messages": failure_messages(answer),
            "requests": [
                {"service": r["service"], "operation": r["operation"], "status": r["status"], "mutating": r["mutating"]}
                for r in requests
            ],
        }
        with open(self.output, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")

    def v2_runner_on_ok(self, result):
        self.record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self.record(result, "failed")

    def v2_runner_on_skipped(self, result):
        self.record(result, "skipped")

    def v2_runner_on_unreachable(self, result):
        self.record(result, "failed")
