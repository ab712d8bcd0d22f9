# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Packages with dependencies: pip installs from a wheelhouse the tests write (offline, --no-index)."""

import importlib.util
import io
import os
import pathlib
import shutil
import subprocess
import zipfile

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import code
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodeError, source_problems

MAKE_WHEELS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "integration", "targets", "setup_wheelhouse",
                           "files", "make_wheels.py")

HANDLER = b"import tinypure\n\ndef handler(event, context):\n    return tinypure.VALUE\n"
PURE_FILES = ["tinypure-1.0.dist-info/INSTALLER", "tinypure-1.0.dist-info/METADATA", "tinypure-1.0.dist-info/RECORD",
              "tinypure-1.0.dist-info/WHEEL", "tinypure/__init__.py"]


def native_files(arch):
    return ["tinynative-1.0.dist-info/INSTALLER", "tinynative-1.0.dist-info/METADATA",
            "tinynative-1.0.dist-info/RECORD", "tinynative-1.0.dist-info/WHEEL", "tinynative/__init__.py",
            "tinynative/_%s.so" % arch]


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("make_wheels", MAKE_WHEELS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    directory = str(tmp_path_factory.mktemp("wheelhouse"))
    module.make_wheelhouse(directory)
    return directory


def write(root, files):
    for name, content in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def names(package):
    with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
        return archive.namelist()


def read(package, name):
    with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
        return archive.read(name)


@pytest.fixture
def options(tmp_path, wheelhouse):
    """A function's options: src with app.py and a requirements.txt, installed offline from the wheelhouse."""
    src = write(tmp_path / "src", {"app.py": HANDLER, "requirements.txt": b"tinypure==1.0\ntinynative\n"})
    return dict(src=str(src), runtime="python3.12", architecture="x86_64", build_in=str(tmp_path / "builds"),
                pip_args=["--no-index", "--find-links", wheelhouse])


PIP_RUNS = []  # the platform of each pip run of the current test


def run_command(args, environ_update=None):
    """AnsibleModule.run_command's answer (rc, stdout, stderr) for ``args``, as the module would run pip."""
    if "--platform" in args:
        PIP_RUNS.append(args[args.index("--platform") + 1])
    answer = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False,
                            env=dict(os.environ, **(environ_update or {})))
    return answer.returncode, answer.stdout.decode(), answer.stderr.decode()


def plan_code(options, **more):
    return code.plan_code(options, run_command=run_command, **more)


def layer_package(options):
    return code.layer_package(options, run_command=run_command)


@pytest.fixture
def pip_runs():
    del PIP_RUNS[:]
    return PIP_RUNS


@pytest.mark.parametrize("architecture, arch", [("x86_64", "x86_64"), ("arm64", "aarch64")])
def test_the_zip_holds_the_wheels_of_the_architecture(options, architecture, arch):
    package, code_parameter = plan_code(dict(options, architecture=architecture))
    assert names(package) == sorted(["app.py", "requirements.txt"] + PURE_FILES + native_files(arch))
    assert read(package, "tinynative/__init__.py") == ("ARCH = %r\n" % arch).encode()
    assert code_parameter == {"ZipFile": package.data}
    assert package.built is True


def test_pip_metadata_that_varies_is_left_out_and_record_rewritten(options):
    package = plan_code(options)[0]
    assert not [n for n in names(package) if n.endswith(("direct_url.json", "REQUESTED")) or n.endswith(".pyc")]
    record = read(package, "tinypure-1.0.dist-info/RECORD").decode()
    assert "REQUESTED" not in record and "direct_url.json" not in record
    assert "tinypure/__init__.py,sha256=" in record


def test_a_rebuild_without_the_cache_gives_the_same_bytes(options, pip_runs):
    first = plan_code(options)[0]
    shutil.rmtree(options["build_in"])
    second = plan_code(options)[0]
    assert len(pip_runs) == 2
    assert second.built is True
    assert second.data == first.data
    assert second.sha256 == first.sha256


def test_an_unchanged_input_reuses_the_cached_build_without_pip(options, pip_runs):
    first = plan_code(options)[0]
    second = plan_code(options)[0]
    assert pip_runs == ["manylinux2014_x86_64"]
    assert (first.built, second.built) == (True, False)
    assert second.data == first.data
    assert second.cache == first.cache and os.path.isfile(second.cache)
    assert second.view() == dict(sha256=first.sha256, size=first.size, built=False, cache=first.cache)


@pytest.mark.parametrize("change", ["source", "requirements", "architecture", "runtime", "pip_args"])
def test_a_changed_input_builds_again(options, pip_runs, change, wheelhouse):
    first = plan_code(options)[0]
    src = options["src"]
    if change == "source":
        write(pathlib.Path(src), {"app.py": HANDLER + b"# changed\n"})
    elif change == "requirements":
        write(pathlib.Path(src), {"requirements.txt": b"tinypure==1.0\n"})
    elif change == "architecture":
        options["architecture"] = "arm64"
    elif change == "runtime":
        options["runtime"] = "python3.12"
        options["pip_args"] = options["pip_args"] + ["--no-deps"]
    else:
        options["pip_args"] = ["--no-index", "--find-links=" + wheelhouse]
    second = plan_code(options)[0]
    assert len(pip_runs) == 2
    assert second.built is True and second.cache != first.cache


def test_a_requirement_without_a_wheel_for_the_target_is_named(options):
    with pytest.raises(CodeError) as error:
        plan_code(dict(options, runtime="python3.11"))
    message = str(error.value)
    assert message.startswith("requirements: no wheel of tinynative for the target python3.11 x86_64")
    assert "--only-binary" in message and "vendor" in message
    assert not os.path.exists(options["build_in"])


def test_an_unknown_requirement_is_named(options):
    write(pathlib.Path(options["src"]), {"requirements.txt": b"nosuchthing==2.0\n"})
    with pytest.raises(CodeError, match=r"^requirements: no wheel of nosuchthing==2.0 "):
        plan_code(options)


def test_missing_pip_is_said(options):
    def python_without_pip(args, environ_update=None):  # what -m pip answers on such a Python
        return 1, "", "/usr/bin/python3: No module named pip\n"
    with pytest.raises(CodeError, match=r"^requirements: pip is not installed for the Python that runs the module"):
        code.plan_code(options, run_command=python_without_pip)


def test_an_unreachable_index_is_said(options):
    options["pip_args"] = ["--index-url", "http://127.0.0.1:9/simple", "--retries", "1", "--timeout", "1"]
    with pytest.raises(CodeError, match=r"^requirements: the package index could not be reached"):
        plan_code(options)


def test_requirements_false_installs_nothing(options, pip_runs):
    package = plan_code(dict(options, requirements=False))[0]
    assert names(package) == ["app.py", "requirements.txt"]
    assert pip_runs == [] and package.built is False and package.cache is None


def test_a_requirements_path_relative_to_src(options, pip_runs):
    write(pathlib.Path(options["src"]), {"deps/prod.txt": b"tinypure\n"})
    package = plan_code(dict(options, requirements="deps/prod.txt"))[0]
    assert "tinypure/__init__.py" in names(package) and "tinynative/__init__.py" not in names(package)


def test_a_missing_requirements_file_is_refused(options):
    with pytest.raises(CodeError, match=r"^requirements: .*nowhere.txt does not exist"):
        plan_code(dict(options, requirements="nowhere.txt"))


def test_pyproject_dependencies_are_installed(options, tmp_path):
    src = write(tmp_path / "py", {"app.py": HANDLER, "pyproject.toml":
                                  b'[project]\nname = "fn"\nversion = "1"\ndependencies = ["tinypure==1.0"]\n'})
    package = plan_code(dict(options, src=str(src)))[0]
    assert names(package) == sorted(["app.py", "pyproject.toml"] + PURE_FILES)


def test_a_runtime_that_is_not_python_with_requirements_is_refused(options):
    with pytest.raises(CodeError, match=r"^requirements: dependencies are installed with pip for Python runtimes only, "
                                        r"and the runtime is nodejs22.x"):
        plan_code(dict(options, runtime="nodejs22.x"))


def test_a_package_json_without_node_modules_warns(tmp_path):
    src = write(tmp_path / "node", {"index.mjs": b"export const handler = async () => 1;\n",
                                    "package.json": b'{"dependencies": {"left-pad": "1.3.0"}}'})
    package = plan_code(dict(src=str(src), runtime="nodejs22.x"))[0]
    assert len(package.warnings) == 1 and "install the dependencies beforehand" in package.warnings[0]
    write(src, {"node_modules/left-pad/index.js": b"module.exports = 1;\n"})
    package = plan_code(dict(src=str(src), runtime="nodejs22.x"))[0]
    assert package.warnings == [] and "node_modules/left-pad/index.js" in names(package)


# ------------------------------------------------------------------ excludes

SECRETS = {"app.py": HANDLER, ".git/HEAD": b"ref: refs/heads/main\n", ".git/objects/ab/cd": b"x",
           ".env": b"TOKEN=secret\n", ".env.local": b"TOKEN=other\n", "sub/.DS_Store": b"\0",
           "lib/__pycache__/m.cpython-312.pyc": b"\0", "lib/m.py": b"X = 1\n", "lib/old.pyc": b"\0",
           "tests/test_app.py": b"def test(): pass\n"}


def test_the_default_excludes_leave_out_vcs_bytecode_and_env_files(tmp_path):
    src = write(tmp_path / "src", SECRETS)
    assert names(plan_code(dict(src=str(src)))[0]) == ["app.py", "lib/m.py", "tests/test_app.py"]


def test_an_empty_exclude_list_keeps_everything(tmp_path):
    src = write(tmp_path / "src", SECRETS)
    assert names(plan_code(dict(src=str(src), src_exclude=[]))[0]) == sorted(SECRETS)


def test_patterns_match_the_relative_path_and_each_component(tmp_path):
    src = write(tmp_path / "src", SECRETS)
    assert names(plan_code(dict(src=str(src), src_exclude=["tests/*", "lib"]))[0]) == sorted(
        ["app.py", ".git/HEAD", ".git/objects/ab/cd", ".env", ".env.local", "sub/.DS_Store"])


def test_excluded_files_do_not_change_the_build_key(options, pip_runs):
    first = plan_code(options)[0]
    write(pathlib.Path(options["src"]), {".env": b"TOKEN=new\n", ".git/HEAD": b"x"})
    second = plan_code(options)[0]
    assert (first.built, second.built) == (True, False) and second.data == first.data


# ------------------------------------------------------------------ limits

def test_a_package_over_the_upload_limit_is_refused(options, monkeypatch):
    monkeypatch.setattr(code, "DIRECT_UPLOAD_LIMIT", 1000)
    with pytest.raises(CodeError, match=r"more than the 1000 bytes \(50 MB\) Lambda takes in a request.*layer.*S3"):
        plan_code(options)


def test_a_package_over_the_unzipped_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(code, "UNZIPPED_LIMIT", 100)
    src = write(tmp_path / "src", {"app.py": b"#" * 101})
    with pytest.raises(CodeError, match=r"is 101 bytes unzipped, more than the 100 bytes \(250 MB\)"):
        plan_code(dict(src=str(src)))


# ------------------------------------------------------------------ layers

def layer_options(options, **more):
    return dict(options, compatible_runtimes=["python3.12"], compatible_architectures=["arm64"], **more)


def test_a_layer_gets_its_dependencies_under_python(options):
    package = layer_package(layer_options(options))
    layer_files = ["python/" + n for n in PURE_FILES + native_files("aarch64")]
    assert names(package) == sorted(["app.py", "requirements.txt"] + layer_files)


@pytest.mark.parametrize("runtimes, architectures", [
    (["python3.12"], ["x86_64", "arm64"]),
    (["python3.12"], None),
    (["python3.11", "python3.12"], ["x86_64"]),
])
def test_a_layer_for_several_targets_refuses_a_native_wheel(options, runtimes, architectures):
    with pytest.raises(CodeError) as error:
        layer_package(dict(options, compatible_runtimes=runtimes, compatible_architectures=architectures))
    if runtimes == ["python3.12"]:
        assert "tinynative-1.0 (cp312-cp312-manylinux2014_x86_64) holds native code" in str(error.value)
    else:
        assert "no wheel of tinynative" in str(error.value)  # installed for the lowest version, 3.11


def test_a_layer_for_several_targets_takes_pure_wheels(options):
    write(pathlib.Path(options["src"]), {"requirements.txt": b"tinypure\n"})
    package = layer_package(dict(options, compatible_runtimes=["python3.11", "python3.12"],
                                 compatible_architectures=["x86_64", "arm64"]))
    assert names(package) == sorted(["app.py", "requirements.txt"] + ["python/" + n for n in PURE_FILES])


def test_a_layer_with_requirements_needs_python_runtimes(options):
    with pytest.raises(CodeError, match=r"^requirements: give compatible_runtimes"):
        layer_package(dict(options, compatible_runtimes=None))
    with pytest.raises(CodeError, match=r"compatible_runtimes also has nodejs22.x"):
        layer_package(dict(options, compatible_runtimes=["python3.12", "nodejs22.x"]))


# ------------------------------------------------------------------ checks before any request

def test_source_problems_are_found_without_building(options, pip_runs):
    assert source_problems(options) == []
    assert source_problems(dict(options, requirements="missing.txt"))[0].startswith("requirements: ")
    assert "nodejs22.x" in source_problems(dict(options, runtime="nodejs22.x"))[0]
    assert source_problems(dict(options, runtime=None)) == []  # the deployed runtime is used, once read
    assert "compatible_runtimes" in source_problems(options, layer=True)[0]
    assert pip_runs == []
