# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

import io
import os
import stat
import zipfile

import pytest

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import code
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import CodeError, package_path, sha256_b64

TREE = {
    "app.py": b"def handler(event, context):\n    return {'ok': True}\n",
    "lib/util.py": b"ANSWER = 42\n",
    "lib/data/config.json": b'{"stage": "prod"}\n',
    "README.txt": b"hello\n",
}


def make_tree(root, files):
    """Write ``files`` (archive name -> bytes) below ``root``, in the order given."""
    for name, content in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def entries(data):
    """{name: ZipInfo} of a zip held in memory, in the archive's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return dict((info.filename, info) for info in archive.infolist())


def contents(data):
    """{name: bytes} of a zip held in memory."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return dict((name, archive.read(name)) for name in archive.namelist())


@pytest.fixture
def tree(tmp_path):
    return make_tree(tmp_path / "src", TREE)


def test_same_tree_packaged_twice_gives_the_same_bytes(tree):
    first, second = package_path(str(tree)), package_path(str(tree))
    assert first.data == second.data
    assert first.sha256 == second.sha256


def test_touching_every_file_keeps_the_sha(tree):
    before = package_path(str(tree)).sha256
    for path in tree.rglob("*"):
        os.utime(str(path), (1700000000, 1700000000))
    assert package_path(str(tree)).sha256 == before


def test_editing_one_file_changes_the_sha(tree):
    before = package_path(str(tree)).sha256
    (tree / "lib" / "util.py").write_bytes(b"ANSWER = 43\n")
    assert package_path(str(tree)).sha256 != before


def test_adding_a_file_changes_the_sha(tree):
    before = package_path(str(tree)).sha256
    (tree / "extra.py").write_bytes(b"")
    assert package_path(str(tree)).sha256 != before


def test_file_creation_order_does_not_matter(tmp_path):
    forward = make_tree(tmp_path / "forward", TREE)
    backward = make_tree(tmp_path / "backward", dict(reversed(list(TREE.items()))))
    assert package_path(str(forward)).data == package_path(str(backward)).data


def test_directory_listing_order_does_not_matter(tree, monkeypatch):
    expected = package_path(str(tree)).data
    real_walk = os.walk

    def reversed_walk(top, *args, **kwargs):  # the file system lists names in the opposite order
        for directory, dirnames, filenames in real_walk(top, *args, **kwargs):
            dirnames.reverse()
            filenames.reverse()
            yield directory, dirnames, filenames

    monkeypatch.setattr(os, "walk", reversed_walk)
    assert package_path(str(tree)).data == expected


def test_entries_are_sorted_files_only_with_fixed_dates_and_deflated(tree):
    infos = list(entries(package_path(str(tree)).data).values())
    names = [info.filename for info in infos]
    assert names == sorted(TREE)
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in infos)
    assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in infos)


def test_contents_round_trip(tree):
    package = package_path(str(tree))
    assert contents(package.data) == TREE
    assert package.size == len(package.data)
    assert package.origin == "directory"


@pytest.mark.parametrize("mode, zipped_mode", [
    (0o755, 0o755),
    (0o700, 0o755),
    (0o744, 0o755),
    (0o644, 0o644),
    (0o600, 0o644),
    (0o666, 0o644),
])
def test_execute_bit_decides_the_mode_in_the_zip(tmp_path, mode, zipped_mode):
    root = make_tree(tmp_path / "src", {"bootstrap": b"#!/bin/sh\n"})
    os.chmod(str(root / "bootstrap"), mode)
    info = entries(package_path(str(root)).data)["bootstrap"]
    assert info.create_system == 3
    assert stat.S_ISREG(info.external_attr >> 16)
    assert stat.S_IMODE(info.external_attr >> 16) == zipped_mode


def test_mode_change_changes_the_sha(tree):
    before = package_path(str(tree)).sha256
    os.chmod(str(tree / "app.py"), 0o755)
    assert package_path(str(tree)).sha256 != before


def test_bytecode_is_left_out(tree):
    without_bytecode = package_path(str(tree))
    make_tree(tree, {
        "__pycache__/app.cpython-312.pyc": b"\x00bytecode",
        "lib/__pycache__/util.cpython-312.pyc": b"\x00bytecode",
        "lib/old.pyc": b"\x00bytecode",
    })
    package = package_path(str(tree))
    assert sorted(entries(package.data)) == sorted(TREE)
    assert package.sha256 == without_bytecode.sha256


def test_single_file_is_packaged_at_the_zip_root(tmp_path):
    make_tree(tmp_path, {"deep/down/handler.py": b"def handler(e, c):\n    pass\n"})
    package = package_path(str(tmp_path / "deep" / "down" / "handler.py"))
    assert list(entries(package.data)) == ["handler.py"]
    assert contents(package.data) == {"handler.py": b"def handler(e, c):\n    pass\n"}
    assert package.origin == "file"


def test_single_file_gives_the_same_sha_as_a_directory_holding_only_it(tmp_path):
    make_tree(tmp_path / "only", {"handler.py": b"x = 1\n"})
    assert package_path(str(tmp_path / "only" / "handler.py")).sha256 == package_path(str(tmp_path / "only")).sha256


@pytest.mark.parametrize("option, zip_only", [("src", False), ("zip_file", True)])
def test_zip_file_is_used_byte_for_byte(tmp_path, option, zip_only):
    path = tmp_path / "built.zip"
    with zipfile.ZipFile(str(path), "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("app.py", b"print('hi')\n" * 50)
    package = package_path(str(path), option, zip_only=zip_only)
    assert package.data == path.read_bytes()
    assert package.sha256 == sha256_b64(path.read_bytes())
    assert package.origin == "zip"


@pytest.mark.parametrize("option, zip_only, filename", [
    ("src", False, "broken.zip"),
    ("src", False, "BROKEN.ZIP"),
    ("zip_file", True, "broken.zip"),
    ("zip_file", True, "package.bin"),
])
def test_file_that_is_not_a_zip_is_refused(tmp_path, option, zip_only, filename):
    path = tmp_path / filename
    path.write_bytes(b"this is not a zip archive")
    with pytest.raises(CodeError, match=r"^%s: .*not a valid zip file" % option):
        package_path(str(path), option, zip_only=zip_only)


@pytest.mark.parametrize("option, zip_only", [("src", False), ("zip_file", True)])
def test_missing_path_is_refused_naming_the_option(tmp_path, option, zip_only):
    missing = str(tmp_path / "nowhere")
    with pytest.raises(CodeError) as error:
        package_path(missing, option, zip_only=zip_only)
    assert str(error.value).startswith("%s: " % option)
    assert missing in str(error.value)


@pytest.mark.parametrize("files", [{}, {"__pycache__/app.cpython-312.pyc": b"\x00"}], ids=["empty", "bytecode-only"])
def test_directory_without_files_to_package_is_refused(tmp_path, files):
    root = make_tree(tmp_path / "src", files)
    root.mkdir(exist_ok=True)
    (root / "empty_subdirectory").mkdir()
    with pytest.raises(CodeError, match=r"^src: .*holds no file"):
        package_path(str(root), "src")


def test_directory_given_where_only_a_zip_is_taken_is_refused(tree):
    with pytest.raises(CodeError, match=r"^zip_file: .*is a directory"):
        package_path(str(tree), "zip_file", zip_only=True)


@pytest.mark.parametrize("data, expected", [
    (b"", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
    (b"hello", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="),
])
def test_sha256_b64_is_lambdas_code_sha256_form(data, expected):
    assert sha256_b64(data) == expected


def test_package_sha_is_the_sha_of_its_bytes(tree):
    package = package_path(str(tree))
    assert package.sha256 == sha256_b64(package.data)
    assert isinstance(package, code.CodePackage)
