# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Code packages for functions and layers.

A directory (or a single file) is packaged as a deterministic zip: entries sorted
by path, every timestamp set to 1980-01-01, permissions 0644 (0755 for files with
an execute bit), no compression, no directory entries, ``__pycache__`` and ``*.pyc``
left out.  The same tree therefore gives the same bytes, hence the same sha256
(Lambda's ``CodeSha256``), on any machine and after any ``touch``.  Stored
(uncompressed) entries are chosen on purpose: deflate output differs between zlib
builds, which would make two machines disagree about whether the code changed.
An existing ``.zip`` file is used byte for byte as it is.
"""

import base64
import hashlib
import io
import os
import stat
import zipfile

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, NotFound

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
SKIPPED_DIRS = frozenset(("__pycache__",))
SKIPPED_SUFFIXES = (".pyc", ".pyo")


class CodeError(InvalidInput):
    """A code source that cannot be used; the message says which and why."""


class CodePackage:
    """Bytes to upload, with Lambda's base64 sha256 of them."""

    def __init__(self, data, origin):
        self.data = data
        self.origin = origin
        self.sha256 = sha256_b64(data)
        self.size = len(data)


def sha256_b64(data):
    """Base64 of the sha256 digest: the form Lambda reports as CodeSha256."""
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def _mode(path):
    executable = os.stat(path).st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return 0o755 if executable else 0o644


def _files_below(root):
    """(archive name, path) of every file below ``root``, sorted by archive name."""
    found = []
    for directory, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames[:] = [d for d in dirnames if d not in SKIPPED_DIRS]
        for filename in filenames:
            if filename.endswith(SKIPPED_SUFFIXES):
                continue
            path = os.path.join(directory, filename)
            found.append((os.path.relpath(path, root).replace(os.sep, "/"), path))
    return sorted(found)


def deterministic_zip(files):
    """Zip ``(archive name, path)`` pairs into bytes that depend only on names, contents and modes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3  # unix, so that the mode below is honoured
            info.external_attr = (stat.S_IFREG | _mode(path)) << 16
            with open(path, "rb") as handle:
                archive.writestr(info, handle.read())
    return buffer.getvalue()


def is_zip(path):
    return os.path.isfile(path) and zipfile.is_zipfile(path)


def package_path(path, option="src", zip_only=False):
    """The package for a directory, a single file, or a zip file at ``path``.

    Raises CodeError naming ``option`` when the path cannot be used.
    """
    if not path or not os.path.exists(path):
        raise CodeError("%s: %s does not exist. Give the path of a directory, a file or a .zip file."
                        % (option, path))
    if os.path.isdir(path):
        if zip_only:
            raise CodeError("%s: %s is a directory, not a zip file. Use src to package a directory." % (option, path))
        files = _files_below(path)
        if not files:
            raise CodeError("%s: the directory %s holds no file to package. Put the code in it, or give another "
                            "directory, file or .zip." % (option, path))
        return CodePackage(deterministic_zip(files), "directory")
    if path.lower().endswith(".zip") or zip_only:
        if not is_zip(path):
            raise CodeError("%s: %s is not a valid zip file. Give a zip archive, or a directory to package."
                            % (option, path))
        with open(path, "rb") as handle:
            return CodePackage(handle.read(), "zip")
    return CodePackage(deterministic_zip([(os.path.basename(path), path)]), "file")


def code_source(params, package):
    """The ``Code`` parameter of CreateFunction (also the code keys of UpdateFunctionCode and, for a zip,
    a layer's ``Content``) for ``src`` / ``zip_file`` (``package``), S3 or ``image_uri``; None when no code is given."""
    if package is not None:
        return dict(ZipFile=package.data)
    if params.get("s3_bucket"):
        source = dict(S3Bucket=params["s3_bucket"], S3Key=params["s3_key"])
        if params.get("s3_object_version"):
            source["S3ObjectVersion"] = params["s3_object_version"]
        return source
    if params.get("image_uri"):
        return dict(ImageUri=params["image_uri"])
    return None


def plan_code(options):
    """The local package of ``src`` / ``zip_file`` (None for S3 and image code) and the ``Code`` parameter
    to send; a path that cannot be used raises InvalidInput naming the option."""
    package = local_package(options)
    return package, code_source(options, package)


def s3_code_sha256(client, params):
    """Base64 sha256 of the S3 package: S3's own full-object checksum when it has one, else hashed while streamed."""
    location = dict(Bucket=params["s3_bucket"], Key=params["s3_key"])
    if params.get("s3_object_version"):
        location["VersionId"] = params["s3_object_version"]
    head = client.call("HeadObject", service="s3", missing_ok=True, ChecksumMode="ENABLED", **location)
    if head is None:
        raise NotFound("s3_bucket/s3_key: s3://%s/%s was not found. Upload the package first, or give "
                       "the right bucket, key and version." % (params["s3_bucket"], params["s3_key"]))
    checksum = head.get("ChecksumSHA256")
    if checksum and "-" not in checksum and head.get("ChecksumType", "FULL_OBJECT") == "FULL_OBJECT":
        return checksum
    body = client.call("GetObject", service="s3", **location)["Body"]
    digest = hashlib.sha256()
    for chunk in iter(lambda: body.read(1024 * 1024), b""):
        digest.update(chunk)
    return base64.b64encode(digest.digest()).decode("ascii")


def local_package(options):
    """The package of the ``src`` or ``zip_file`` option of ``options`` (None when neither is given).

    Raises CodeError (an InvalidInput) naming the option when the path cannot be used.
    """
    if options.get("src"):
        return package_path(options["src"], "src")
    if options.get("zip_file"):
        return package_path(options["zip_file"], "zip_file", zip_only=True)
    return None
