"""Count the Lambda API calls each lambda_function scenario costs.

Runs real ansible-playbook tasks against the local endpoint (tests/utils/endpoint.py)
and counts, from the endpoint's request log, the Lambda requests each one sent.
`make benchmark` starts the endpoint and runs this; the table it prints goes in the README.

    api_calls.py --endpoint-url URL --role-arn ARN [--markdown FILE]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "utils"))

import requestlog  # noqa: E402  (a test utility beside this tree, found through sys.path)

# (scenario, module options as YAML). Each runs once, in order, on one function.
SCENARIOS = [
    ("create (src directory, role ARN)", "src: '{src}'\nruntime: python3.12\nhandler: app.handler\nrole: '{role}'"),
    ("no-op re-run", "src: '{src}'\nruntime: python3.12\nhandler: app.handler\nrole: '{role}'"),
    ("no-op re-run, check mode", "src: '{src}'\nruntime: python3.12\nhandler: app.handler\nrole: '{role}'\n# check"),
    ("one-field update (memory_size)", "src: '{src}'\nmemory_size: 256"),
    ("code update (one file edited)", "src: '{src}'\n# edit"),
    ("publish: true on a function with no published version", "publish: true"),
    ("no-op re-run with publish: true", "publish: true"),
    ("delete", "state: absent"),
    ("delete again (absent)", "state: absent"),
]

PLAYBOOK = """\
- hosts: localhost
  connection: local
  gather_facts: false
  tasks:
    - cloudfn.aws_lambda.lambda_function:
        name: bench-fn
        endpoint_url: '{url}'
        region: us-east-1
        access_key: testing
        secret_key: testing
{options}
"""


def run_scenario(workdir, url, role, options):
    src = os.path.join(workdir, "src")
    if "# edit" in options:
        with open(os.path.join(src, "app.py"), "a", encoding="utf-8") as handle:
            handle.write("# edited\n")
    body = textwrap.indent(options.format(src=src, role=role), " " * 8)
    path = os.path.join(workdir, "play.yml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(PLAYBOOK.format(url=url, options=body))
    command = ["ansible-playbook", path] + (["--check"] if "# check" in options else [])
    before = requestlog.count(url)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit("scenario failed:\n%s\n%s" % (done.stdout, done.stderr))
    changed = "changed=1" in done.stdout
    return requestlog.lambda_ops(before, url), changed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--role-arn", required=True)
    parser.add_argument("--markdown", help="also write the table to this file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        os.makedirs(os.path.join(workdir, "src"))
        with open(os.path.join(workdir, "src", "app.py"), "w", encoding="utf-8") as handle:
            handle.write("def handler(event, context):\n    return event\n")
        for name, options in SCENARIOS:
            ops, changed = run_scenario(workdir, args.endpoint_url, args.role_arn, options)
            rows.append((name, changed, ops))
    lines = ["| scenario | changed | Lambda API calls | calls |", "|---|---|---|---|"]
    lines += ["| %s | %s | %d | %s |" % (name, str(changed).lower(), len(ops), ", ".join(ops) or "none")
              for name, changed, ops in rows]
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(table + "\n")
    print(json.dumps(dict((row[0], len(row[2])) for row in rows)))


if __name__ == "__main__":
    main()
