"""Read the local endpoint's request log (see endpoint.py) from tests and benchmarks.

    from requestlog import count, since, lambda_ops

    before = count()
    ...  # run a module or a playbook against the endpoint
    assert lambda_ops(before) == ["GetFunction"]          # a no-op run reads once
    assert not [r for r in since(before) if r["mutating"]]

Every function takes an optional `url`: the endpoint's base URL or its
/_requestlog URL. Without it the URL is taken from $CLOUDFN_REQUEST_LOG_URL,
else from $CLOUDFN_ENDPOINT_URL, else from endpoint.json in
$CLOUDFN_ENDPOINT_STATE_DIR (default: .cache/endpoint at the repository root).
Only the standard library is used.
"""

import json
import os
import sys
import urllib.parse
import urllib.request

LOG_PATH = "/_requestlog"
DEFAULT_STATE_DIR = os.path.join(os.path.dirname(__file__), "..", "..", ".cache", "endpoint")


def log_url(url=None):
    """The /_requestlog URL of the endpoint to read."""
    url = url or os.environ.get("CLOUDFN_REQUEST_LOG_URL") or os.environ.get("CLOUDFN_ENDPOINT_URL")
    if not url:
        state_dir = os.environ.get("CLOUDFN_ENDPOINT_STATE_DIR", DEFAULT_STATE_DIR)
        with open(os.path.join(state_dir, "endpoint.json"), encoding="utf-8") as handle:
            url = json.load(handle)["url"]
    url = url.rstrip("/")
    return url if url.endswith(LOG_PATH) else url + LOG_PATH


def fetch(since=0, url=None):
    """The raw answer: {"count": total, "requests": [entries with seq > since]}."""
    query = urllib.parse.urlencode({"since": int(since)})
    with urllib.request.urlopen("%s?%s" % (log_url(url), query), timeout=30) as response:
        return json.load(response)


def count(url=None):
    """How many requests the endpoint has recorded so far (the seq of the latest)."""
    return fetch(since=sys.maxsize, url=url)["count"]  # asks for no entries, only the count


def since(n, url=None):
    """Entries recorded after seq n, oldest first."""
    return fetch(since=n, url=url)["requests"]


def lambda_ops(since=0, url=None, mutating=None):
    """Lambda operation names recorded after seq `since`, in order.

    mutating=True keeps only changing calls, mutating=False only reads.
    """
    return [
        entry["operation"] or "%s %s" % (entry["method"], entry["path"])
        for entry in fetch(since=since, url=url)["requests"]
        if entry["service"] == "lambda" and (mutating is None or entry["mutating"] == mutating)
    ]
