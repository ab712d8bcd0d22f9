# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/build/api_coverage.py: which module sends which Lambda operation, found in the code, and the left-out list.

The scan runs on the real tree (what the page says of GetFunction, lambda_info, lambda_invoke) and on small
trees written here (a service other than Lambda, a waiter, a definition nothing reaches, a parameter that shadows
a reader); the checks of docs/build/api-left-out.yml against the model and the code fail naming the operation.
"""

import importlib.util
import os
import textwrap

import pytest

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))


def _load_generator():
    spec = importlib.util.spec_from_file_location("api_coverage", os.path.join(ROOT, "docs", "build", "api_coverage.py"))
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    return generator


generator = _load_generator()
VERSION, MODEL, WAITERS = generator.load_model()


@pytest.fixture(scope="module")
def real():
    """{operation: {module: places}} of the collection as it is."""
    return generator.Tree(ROOT, MODEL.operation_names, WAITERS).coverage()


def test_get_function_is_sent_by_the_function_and_info_modules(real):
    assert {"lambda_function", "lambda_info", "lambda_app", "lambda"} <= set(real["GetFunction"])
    assert ("plugins/module_utils/resources/info.py", "GetFunction") in real["GetFunction"]["lambda_info"]


def test_a_waiter_stands_for_the_operation_it_polls(real):
    # lambda_function waits with function_updated_v2 (client.wait_until_settled), which polls GetFunction.
    assert ("plugins/module_utils/client.py", "function_updated_v2") in real["GetFunction"]["lambda_function"]
    assert ("plugins/module_utils/client.py", "published_version_active") in \
        real["GetFunctionConfiguration"]["lambda_function"]


def test_modules_send_only_what_their_code_reaches(real):
    sent = {module for modules in real.values() for module in modules}
    by_module = {module: {op for op, modules in real.items() if module in modules} for module in sent}
    assert by_module["lambda_invoke"] == {"Invoke", "InvokeWithResponseStream"}
    assert by_module["lambda_policy"] == {"AddPermission", "GetPolicy", "RemovePermission"}
    # An info module reads: every operation it sends is a GET of the model.
    for module in ("lambda_info", "lambda_layer_info"):
        assert {generator.kind(MODEL, op) for op in by_module[module]} == {"read"}, module
    assert "CreateFunction" not in by_module["lambda_info"]
    # lambda_function uses one reader of layer.py (its list of versions), not the layer resource's writes.
    assert "ListLayerVersions" in by_module["lambda_function"]
    assert "PublishLayerVersion" not in by_module["lambda_function"]


def test_the_real_tree_and_left_out_list_agree():
    page = generator.build(ROOT, loaded=(VERSION, MODEL, WAITERS))
    total = len(MODEL.operation_names)
    assert "**%d operations: " % total in page
    for operation in MODEL.operation_names:
        assert "\n| %s |" % operation in page


def _write(root, path, text):
    path = os.path.join(str(root), *path.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(textwrap.dedent(text))


PACKAGE = "ansible_collections.cloudfn.aws_lambda.plugins.module_utils"


@pytest.fixture
def small_tree(tmp_path):
    _write(tmp_path, "plugins/module_utils/client.py", """\
        class LambdaClient:
            def call(self, operation, **params):
                self.wait_until_settled(params)  # the transport's own retry: not counted

            def paginate(self, operation, key, **params):
                return []

            def wait_until_settled(self, name):
                self.wait("function_updated_v2", FunctionName=name)

            def wait(self, waiter, **params):
                pass
        """)
    _write(tmp_path, "plugins/module_utils/resources/thing.py", """\
        from %s.resources import helpers


        def function(client, name):
            return client.call("GetFunction", FunctionName=name)


        def used(client, function):
            function.get("x")  # a parameter, not the reader above
            client.call("GetPolicy", service="iam", PolicyArn="arn")  # IAM's GetPolicy
            helpers.tag(client)
            return client.paginate("ListAliases", "Aliases")


        def unused(client):
            client.call("DeleteAlias")


        class Thing:
            def apply(self):
                self.client.wait_until_settled("f")
                return used(self.client, None)
        """ % PACKAGE)
    _write(tmp_path, "plugins/module_utils/resources/helpers.py", """\
        def tag(client):
            client.call("TagResource")


        def untag(client):
            client.call("UntagResource")
        """)
    _write(tmp_path, "plugins/modules/lambda_thing.py", """\
        from %s.resources.thing import Thing


        def main():
            Thing().apply()
        """ % PACKAGE)
    _write(tmp_path, "plugins/modules/lambda_other.py", """\
        from %s.resources import thing as thing_resource


        def main():
            thing_resource.unused(None)
        """ % PACKAGE)
    return generator.Tree(str(tmp_path), MODEL.operation_names, WAITERS)


def test_the_scan_follows_uses_not_files(small_tree):
    sent = small_tree.sent_by("lambda_thing")
    assert set(sent) == {"ListAliases", "TagResource", "GetFunction"}
    # GetFunction only through the waiter of wait_until_settled; GetPolicy was IAM's; unused and untag unreached.
    assert sent["GetFunction"] == {("plugins/module_utils/client.py", "function_updated_v2")}
    assert set(small_tree.sent_by("lambda_other")) == {"DeleteAlias"}


def test_check_names_each_problem():
    operations = ["GetFunction", "ListTags", "InvokeAsync"]
    spoken = {"GetFunction": {"lambda_function": set()}, "ListTags": {"lambda_app": set()}}
    assert generator.check(operations, spoken, {"InvokeAsync": "deprecated"}, {"GetFunction": "note"}) == []
    problems = generator.check(operations, spoken, {}, {})
    assert len(problems) == 1 and "InvokeAsync" in problems[0] and "not in" in problems[0]
    problems = generator.check(operations, spoken, {"InvokeAsync": "deprecated", "ListTags": "read elsewhere"}, {})
    assert len(problems) == 1 and "ListTags (lambda_app)" in problems[0] and "sends it now" in problems[0]
    problems = generator.check(operations, spoken, {"InvokeAsync": "deprecated", "GetFunctionFoo": "typo"}, {})
    assert len(problems) == 1 and "GetFunctionFoo" in problems[0] and "not an operation" in problems[0]
    problems = generator.check(operations, spoken, {"InvokeAsync": "deprecated"}, {"InvokeAsync": "a note"})
    assert len(problems) == 1 and "InvokeAsync" in problems[0] and "no module sends" in problems[0]


def test_a_left_out_list_with_an_unknown_operation_fails(tmp_path):
    with open(os.path.join(ROOT, generator.LEFT_OUT), encoding="utf-8") as handle:
        text = handle.read()
    left_out = tmp_path / "left-out.yml"
    left_out.write_text(text.replace("left_out:\n", "left_out:\n  FrobnicateFunction: never heard of it\n"),
                        encoding="utf-8")
    with pytest.raises(generator.CoverageError, match="not an operation of botocore's Lambda model: FrobnicateFunction"):
        generator.build(ROOT, str(left_out), loaded=(VERSION, MODEL, WAITERS))


def test_an_operation_neither_sent_nor_listed_fails(tmp_path):
    left_out = tmp_path / "left-out.yml"
    left_out.write_text("left_out:\n  InvokeAsync: deprecated\n", encoding="utf-8")
    with pytest.raises(generator.CoverageError) as failure:
        generator.build(ROOT, str(left_out), loaded=(VERSION, MODEL, WAITERS))
    assert "GetFunctionConcurrency" in str(failure.value) and "InvokeAsync" not in str(failure.value)


def test_a_reason_must_be_given(tmp_path):
    left_out = tmp_path / "left-out.yml"
    left_out.write_text("left_out:\n  InvokeAsync:\n", encoding="utf-8")
    with pytest.raises(generator.CoverageError, match="without a text: InvokeAsync"):
        generator.load_left_out(str(left_out))
