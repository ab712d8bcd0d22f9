# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Code packages for functions and layers.

A directory (or a single file) is packaged as a deterministic zip: entries sorted by path, every
timestamp set to 1980-01-01, permissions 0644 (0755 for files with an execute bit), deflated at a fixed
level, no directory entries, the ``src_exclude`` patterns left out (by default VCS directories,
``__pycache__``, ``*.pyc``, ``.DS_Store`` and ``.env`` files). The same tree therefore gives the same
bytes, hence the same sha256 (Lambda's ``CodeSha256``), after any ``touch``. An existing ``.zip`` file
is used byte for byte as it is.

A ``src`` directory with a ``requirements.txt`` (or a ``pyproject.toml`` with ``[project]
dependencies``) gets its dependencies installed by pip for the target Lambda runs (``--platform
manylinux2014_x86_64`` / ``manylinux2014_aarch64``, ``--python-version`` of the runtime,
``--only-binary=:all:``) and pip's varying metadata normalized. Such a build is cached in ``build_in``
under a sha256 of everything it depends on (:func:`build_key`): an unchanged input reuses the zip
without running pip. See docs/packaging.md.
"""

import base64
import fnmatch
import hashlib
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import zipfile

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, NotFound

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 9
# Bumped whenever the bytes a build gives for the same input change (the cache key includes it).
FORMAT_VERSION = 1
# Lambda's quotas (the service model has none): a zip sent in the request, and the code unzipped.
DIRECT_UPLOAD_LIMIT = 52428800  # 50 MB
UNZIPPED_LIMIT = 262144000  # 250 MB
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", "__pycache__", "*.pyc", ".DS_Store", ".env", ".env.*")
DEFAULT_BUILD_IN = "~/.cache/cloudfn.aws_lambda/builds"
PLATFORMS = dict(x86_64="manylinux2014_x86_64", arm64="manylinux2014_aarch64")
# pip's files that differ between two installs of the same wheel (or name the build machine).
VARYING_METADATA = ("direct_url.json", "REQUESTED")
# What pip writes that is never part of a package: bytecode (pip runs with --no-compile; a wheel may hold some).
NEVER_INSTALLED = ("__pycache__", "*.pyc", "*.pyo")
PYTHON_RUNTIME = re.compile(r"^python(\d+)\.(\d+)$")


class CodeError(InvalidInput):
    """A code source that cannot be used; the message says which and why."""


class CodePackage:
    """Bytes to upload, with Lambda's base64 sha256 of them, and how they were made.

    ``built``: pip ran for this package in this run; ``cache``: the cached build used or written (None when the
    package has no dependencies to install); ``warnings``: what the task should warn about.
    """

    def __init__(self, data, origin, built=False, cache=None, warnings=None):
        self.data = data
        self.origin = origin
        self.sha256 = sha256_b64(data)
        self.size = len(data)
        self.built = built
        self.cache = cache
        self.warnings = list(warnings or [])

    def view(self):
        """The ``package`` a task returns."""
        return dict(sha256=self.sha256, size=self.size, built=self.built, cache=self.cache)


class Target:
    """What pip installs for: one Python version and one platform; ``pure_only`` when the package must run on
    more than one (a layer for several architectures or Python versions), so a native wheel is refused."""

    def __init__(self, python_version, platform, pure_only=False, prefix="", label=""):
        self.python_version = python_version
        self.platform = platform
        self.pure_only = pure_only
        self.prefix = prefix  # where the dependencies go in the zip: "" for a function, "python/" for a layer
        self.label = label

    def key(self):
        return [self.python_version, self.platform, self.pure_only, self.prefix]


def sha256_b64(data):
    """Base64 of the sha256 digest: the form Lambda reports as CodeSha256."""
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


# ------------------------------------------------------------------ targets

def python_version_of(runtime):
    """The Python version of a runtime (3.12 for python3.12); None for a runtime that is not Python."""
    match = PYTHON_RUNTIME.match(runtime or "")
    return "%s.%s" % match.groups() if match else None


def function_target(runtime, architecture):
    """The Target of a function's dependencies; CodeError for a runtime that is not Python."""
    version = python_version_of(runtime)
    if version is None:
        raise CodeError("requirements: dependencies are installed with pip for Python runtimes only, and the runtime "
                        "is %s. Set requirements: false, or use a Python runtime." % runtime)
    architecture = architecture or "x86_64"
    return Target(version, PLATFORMS[architecture], label="%s %s" % (runtime, architecture))


def layer_target(runtimes, architectures):
    """The Target of a layer's dependencies from its compatible runtimes and architectures.

    One Python version and one architecture: wheels for that platform. Several Python versions, both
    architectures or none named: only pure-Python wheels (installed for the lowest version), since the layer
    must work on each.
    """
    runtimes = sorted(set(runtimes or []))
    if not runtimes:
        raise CodeError("requirements: give compatible_runtimes (the Python runtimes the layer is for), so that pip "
                        "installs the dependencies for them; or set requirements: false.")
    other = [r for r in runtimes if python_version_of(r) is None]
    if other:
        raise CodeError("requirements: dependencies are installed with pip for Python runtimes only; "
                        "compatible_runtimes also has %s. Set requirements: false, or list Python runtimes only."
                        % ", ".join(other))
    versions = sorted(set(python_version_of(r) for r in runtimes), key=lambda v: tuple(int(p) for p in v.split(".")))
    architectures = sorted(set(architectures or []))
    single_architecture = len(architectures) == 1
    pure_only = len(versions) > 1 or not single_architecture
    platform = PLATFORMS[architectures[0] if single_architecture else "x86_64"]
    label = "%s %s" % ("/".join(runtimes), " and ".join(architectures) if architectures else "on any architecture")
    return Target(versions[0], platform, pure_only=pure_only, prefix="python/", label=label)


# ------------------------------------------------------------------ the files of a source

def excluded(relative, patterns):
    """True when the path ``relative`` (``/``-separated, below src) or one of its components matches a pattern."""
    parts = relative.split("/")
    return any(fnmatch.fnmatchcase(relative, p) or any(fnmatch.fnmatchcase(part, p) for part in parts)
               for p in patterns)


def _mode(path):
    executable = os.stat(path).st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return 0o755 if executable else 0o644


def _files_below(root, patterns=DEFAULT_EXCLUDES, prefix=""):
    """(archive name, path) of every file below ``root`` not matching ``patterns``, sorted by archive name."""
    found = []
    for directory, dirnames, filenames in os.walk(root, followlinks=True):
        below = os.path.relpath(directory, root).replace(os.sep, "/")
        below = "" if below == "." else below + "/"
        dirnames[:] = sorted(d for d in dirnames if not excluded(below + d, patterns))
        for filename in filenames:
            if excluded(below + filename, patterns):
                continue
            found.append((prefix + below + filename, os.path.join(directory, filename)))
    return sorted(found)


def deterministic_zip(files):
    """Zip ``(archive name, path)`` pairs into bytes that depend only on names, contents and modes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
        for name, path in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3  # unix, so that the mode below is honoured
            info.external_attr = (stat.S_IFREG | _mode(path)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as handle:
                archive.writestr(info, handle.read(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()


def is_zip(path):
    return os.path.isfile(path) and zipfile.is_zipfile(path)


# ------------------------------------------------------------------ requirements

def _false(value):
    return value is False or (isinstance(value, str) and value.strip().lower() in ("false", "no", "off"))


def pyproject_dependencies(path):
    """The ``[project] dependencies`` of a pyproject.toml (a list, maybe empty); CodeError when unreadable."""
    try:
        import tomllib
    except ImportError:
        raise CodeError("requirements: %s is a pyproject.toml, and reading it needs Python 3.11 or later (tomllib) "
                        "on the host running the module. Give a requirements.txt instead." % path)
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except (OSError, ValueError) as e:
        raise CodeError("requirements: %s cannot be read as TOML: %s" % (path, e))
    dependencies = (document.get("project") or {}).get("dependencies") or []
    if not isinstance(dependencies, list) or not all(isinstance(d, str) for d in dependencies):
        raise CodeError("requirements: [project] dependencies of %s must be a list of strings." % path)
    return dependencies


def find_requirements(src, value):
    """(path, requirement lines or None) of the requirements of the directory ``src``: ``value`` (a path, relative
    to src or absolute) or, when None, requirements.txt in src, else a pyproject.toml with dependencies;
    (None, None) when there are none or ``value`` is false. The lines are given for a pyproject.toml."""
    if _false(value):
        return None, None
    if value is not None and not isinstance(value, str):
        raise CodeError("requirements: give the path of a requirements file (relative to src, or absolute) or false, "
                        "not %r." % (value,))
    if value:
        path = value if os.path.isabs(value) else os.path.join(src, value)
        if not os.path.isfile(path):
            raise CodeError("requirements: %s does not exist (a relative path is relative to src, %s)." % (path, src))
        if os.path.basename(path) == "pyproject.toml":
            return path, pyproject_dependencies(path)
        return path, None
    path = os.path.join(src, "requirements.txt")
    if os.path.isfile(path):
        return path, None
    path = os.path.join(src, "pyproject.toml")
    if os.path.isfile(path):
        dependencies = pyproject_dependencies(path)
        if dependencies:
            return path, dependencies
    return None, None


def node_warnings(src, runtime):
    """A warning when ``src`` has a package.json with dependencies but no node_modules (nothing runs npm)."""
    manifest = os.path.join(src, "package.json")
    if not os.path.isfile(manifest) or (runtime and not runtime.startswith("nodejs")):
        return []
    try:
        with open(manifest, "rb") as handle:
            dependencies = (json.loads(handle.read().decode("utf-8")) or {}).get("dependencies")
    except (OSError, ValueError, AttributeError):
        dependencies = None
    if not dependencies or os.path.isdir(os.path.join(src, "node_modules")):
        return []
    return ["src: %s has a package.json with dependencies but no node_modules directory. This module does not run "
            "npm: install the dependencies beforehand (npm ci --omit=dev in src); node_modules in src are shipped "
            "as they are." % src]


# ------------------------------------------------------------------ pip

def pip_command(target, requirements_file, directory, pip_args):
    command = [sys.executable, "-m", "pip", "install", "--target", directory, "--no-compile",
               "--disable-pip-version-check", "--only-binary=:all:", "--platform", target.platform,
               "--implementation", "cp", "--python-version", target.python_version, "-r", requirements_file]
    return command + list(pip_args or [])


UNREACHABLE = ("Failed to establish a new connection", "Temporary failure in name resolution", "Name or service not known",
               "Network is unreachable", "Connection refused", "ProxyError", "Max retries exceeded", "timed out",
               "Could not fetch URL", "SSLError")


def pip_failure(target, output, returncode):
    """The CodeError for a failed pip run, from what pip printed."""
    if "No module named pip" in output:
        return CodeError("requirements: pip is not installed for the Python that runs the module (%s): install it "
                         "(python -m ensurepip, or the python3-pip package), or set requirements: false."
                         % sys.executable)
    missing = re.findall(r"No matching distribution found for (\S+)", output)
    unreachable = [marker for marker in UNREACHABLE if marker in output]
    if unreachable:
        return CodeError("requirements: the package index could not be reached (%s). Check the network or proxy, or "
                         "build offline with pip_args [--no-index, --find-links, DIR] and a directory of wheels."
                         % _last_error_line(output, unreachable[0]))
    if missing:
        return CodeError("requirements: no wheel of %s for the target %s (Python %s, %s). Dependencies are installed "
                         "with --only-binary=:all:, which needs a wheel built for that platform: vendor the package "
                         "into src, or build the wheel on Linux for this target and give it with --find-links."
                         % (", ".join(missing), target.label, target.python_version, target.platform))
    return CodeError("requirements: pip failed (exit code %s): %s" % (returncode, _last_error_line(output)))


def _last_error_line(output, marker=None):
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    if marker:
        lines = [line for line in lines if marker in line] or lines
    errors = [line for line in lines if line.startswith("ERROR")]
    return (errors or lines or ["no output"])[-1][:500]


def run_pip(target, requirements_file, directory, pip_args, run_command):
    """Install the requirements into ``directory`` with ``run_command`` (AnsibleModule.run_command's signature);
    CodeError saying why when pip fails."""
    if run_command is None:
        raise CodeError("requirements: installing dependencies needs a module to run pip (no command runner given).")
    try:
        returncode, stdout, stderr = run_command(pip_command(target, requirements_file, directory, pip_args),
                                                 environ_update=dict(PIP_NO_INPUT="1", PYTHONDONTWRITEBYTECODE="1"))
    except OSError as e:
        raise CodeError("requirements: pip could not be run with %s: %s" % (sys.executable, e))
    if returncode != 0:
        raise pip_failure(target, "%s\n%s" % (stdout or "", stderr or ""), returncode)


def normalize_installed(directory):
    """Remove what differs between two pip installs of the same wheels: installer metadata (direct_url.json,
    REQUESTED), console scripts (bin/, whose first line names the build machine's Python) and bytecode; RECORD
    is rewritten without the lines of the removed files."""
    shutil.rmtree(os.path.join(directory, "bin"), ignore_errors=True)
    for entry in sorted(os.listdir(directory)):
        if not entry.endswith(".dist-info"):
            continue
        info = os.path.join(directory, entry)
        removed = set()
        for name in VARYING_METADATA:
            if os.path.exists(os.path.join(info, name)):
                os.remove(os.path.join(info, name))
                removed.add("%s/%s" % (entry, name))
        record = os.path.join(info, "RECORD")
        if os.path.isfile(record):
            with open(record, "rb") as handle:
                lines = handle.read().decode("utf-8").splitlines()
            kept = [line for line in lines if line.split(",", 1)[0] not in removed
                    and not line.startswith(("../", "bin/")) and not excluded(line.split(",", 1)[0], NEVER_INSTALLED)]
            with open(record, "wb") as handle:
                handle.write(("\n".join(kept) + "\n").encode("utf-8"))


def native_distributions(directory):
    """The installed distributions (name-version) whose wheel is not pure Python (a WHEEL Tag not ``*-none-any``)."""
    native = []
    for entry in sorted(os.listdir(directory)):
        wheel = os.path.join(directory, entry, "WHEEL")
        if not entry.endswith(".dist-info") or not os.path.isfile(wheel):
            continue
        with open(wheel, "rb") as handle:
            tags = [line.split(":", 1)[1].strip() for line in handle.read().decode("utf-8").splitlines()
                    if line.startswith("Tag:")]
        if any(not tag.endswith("-none-any") for tag in tags):
            native.append("%s (%s)" % (entry[:-len(".dist-info")], ", ".join(tags)))
    return native


# ------------------------------------------------------------------ a source directory

class Source:
    """A ``src`` directory and how to package it: its files after ``src_exclude``, its requirements (checked
    when built), ``pip_args`` and the cache directory ``build_in``."""

    def __init__(self, options):
        self.path = options["src"]
        patterns = options.get("src_exclude")
        self.patterns = tuple(DEFAULT_EXCLUDES if patterns is None else patterns)
        self.requirements, self.dependencies = find_requirements(self.path, options.get("requirements"))
        self.pip_args = [str(a) for a in options.get("pip_args") or []]
        self.build_in = os.path.expanduser(options.get("build_in") or DEFAULT_BUILD_IN)
        self.files = _files_below(self.path, self.patterns)
        if not self.files:
            raise CodeError("src: the directory %s holds no file to package (after src_exclude). Put the code in it, "
                            "or give another directory, file or .zip." % self.path)

    @property
    def needs_target(self):
        """True when the package depends on the runtime and architecture (there are requirements to install)."""
        return self.requirements is not None

    def requirement_bytes(self):
        if self.dependencies is not None:
            return ("\n".join(self.dependencies) + "\n").encode("utf-8")
        with open(self.requirements, "rb") as handle:
            return handle.read()

    def package(self, target=None, warnings=None, run_command=None):
        """The CodePackage: the files alone, or (with requirements, for ``target``) the cached or a new build."""
        if not self.needs_target:
            return checked_size(CodePackage(deterministic_zip(self.files), "directory", warnings=warnings))
        key = build_key(self.files, self.requirement_bytes(), target, self.pip_args)
        cached = os.path.join(self.build_in, key + ".zip")
        data = read_cached(cached)
        if data is not None:
            return checked_size(CodePackage(data, "directory", built=False, cache=cached, warnings=warnings))
        files, data = self.build(target, run_command)
        package = checked_size(CodePackage(data, "directory", built=True, cache=cached, warnings=warnings))
        write_cached(cached, package, dict(format=FORMAT_VERSION, src=self.path, requirements=self.requirements,
                                           target=target.label, python_version=target.python_version,
                                           platform=target.platform, pure_only=target.pure_only,
                                           pip_args=self.pip_args, files=len(files)))
        return package

    def build(self, target, run_command):
        """(files, zip bytes) of the sources with the requirements installed for ``target``, in a scratch directory."""
        scratch = tempfile.mkdtemp(prefix="cloudfn-build-")
        try:
            installed = os.path.join(scratch, "installed")
            requirements_file = self.requirements
            if self.dependencies is not None:
                requirements_file = os.path.join(scratch, "requirements.txt")
                with open(requirements_file, "wb") as handle:
                    handle.write(self.requirement_bytes())
            run_pip(target, os.path.abspath(requirements_file), installed, self.pip_args, run_command)
            os.makedirs(installed, exist_ok=True)
            normalize_installed(installed)
            if target.pure_only:
                native = native_distributions(installed)
                if native:
                    raise CodeError("requirements: %s %s native code, and the layer is for %s: only pure-Python "
                                    "wheels (py3-none-any) work on every target. Give one Python runtime in "
                                    "compatible_runtimes and one architecture in compatible_architectures."
                                    % (", ".join(native), "holds" if len(native) == 1 else "hold", target.label))
            files = dict(_files_below(installed, NEVER_INSTALLED, prefix=target.prefix))
            files.update(self.files)  # a file of src wins over an installed file of the same name
            files = sorted(files.items())
            return files, deterministic_zip(files)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def build_key(files, requirements, target, pip_args):
    """The sha256 (hex) of everything a build's bytes depend on."""
    digest = hashlib.sha256()
    digest.update(json.dumps(dict(format=FORMAT_VERSION, target=target.key(), pip_args=list(pip_args),
                                  compresslevel=COMPRESS_LEVEL), sort_keys=True).encode("utf-8"))
    digest.update(b"\0requirements\0" + requirements)
    for name, path in files:
        with open(path, "rb") as handle:
            content = handle.read()
        digest.update(("\0file\0%s\0%o\0%d\0" % (name, _mode(path), len(content))).encode("utf-8"))
        digest.update(content)
    return digest.hexdigest()


def read_cached(path):
    """The bytes of a cached build when it is there and matches its record; else None."""
    try:
        with open(path[:-len(".zip")] + ".json", "rb") as handle:
            record = json.loads(handle.read().decode("utf-8"))
        with open(path, "rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return None
    return data if isinstance(record, dict) and record.get("sha256") == sha256_b64(data) else None


def write_cached(path, package, record):
    """Store a build (zip, then its json record) atomically; a cache that cannot be written only costs a rebuild."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        for target, data in ((path, package.data),
                             (path[:-len(".zip")] + ".json",
                              json.dumps(dict(record, sha256=package.sha256, size=package.size), indent=1,
                                         sort_keys=True).encode("utf-8"))):
            handle, scratch = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(scratch, target)
    except OSError as e:
        package.warnings.append("build_in: the build could not be cached in %s (%s); the next run builds again."
                                % (os.path.dirname(path), e))
        package.cache = None


def checked_size(package):
    """``package`` when Lambda takes it in a request; CodeError naming the limit otherwise."""
    if package.size > DIRECT_UPLOAD_LIMIT:
        raise CodeError("The package is %d bytes zipped, more than the %d bytes (50 MB) Lambda takes in a request. "
                        "Move dependencies into a layer, or upload the zip to S3 and give s3_bucket and s3_key."
                        % (package.size, DIRECT_UPLOAD_LIMIT))
    with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
        unzipped = sum(info.file_size for info in archive.infolist())
    if unzipped > UNZIPPED_LIMIT:
        raise CodeError("The package is %d bytes unzipped, more than the %d bytes (250 MB) Lambda allows for a "
                        "function's code and layers. Leave files out (src_exclude), move dependencies into a layer, "
                        "or use a container image." % (unzipped, UNZIPPED_LIMIT))
    return package


# ------------------------------------------------------------------ the code options

def package_path(path, option="src", zip_only=False, options=None, target=None, run_command=None):
    """The package for a directory, a single file, or a zip file at ``path``.

    ``options``: the packaging options of a directory (src_exclude, requirements, pip_args, build_in); with
    requirements, ``target`` says what pip installs for. Raises CodeError naming ``option`` when the path
    cannot be used.
    """
    source = source_of(path, option, zip_only, options)
    if isinstance(source, Source):
        return source.package(target, run_command=run_command)
    return source


def source_of(path, option="src", zip_only=False, options=None):
    """A Source for a directory (checked, not yet built), else the CodePackage of a file or zip file."""
    if not path or not os.path.exists(path):
        raise CodeError("%s: %s does not exist. Give the path of a directory, a file or a .zip file."
                        % (option, path))
    if os.path.isdir(path):
        if zip_only:
            raise CodeError("%s: %s is a directory, not a zip file. Use src to package a directory." % (option, path))
        return Source(dict(options or {}, src=path))
    if path.lower().endswith(".zip") or zip_only:
        if not is_zip(path):
            raise CodeError("%s: %s is not a valid zip file. Give a zip archive, or a directory to package."
                            % (option, path))
        with open(path, "rb") as handle:
            return checked_size(CodePackage(handle.read(), "zip"))
    return checked_size(CodePackage(deterministic_zip([(os.path.basename(path), path)]), "file"))


def code_source(params, package):
    """The ``Code`` parameter of CreateFunction (also the code keys of UpdateFunctionCode and, for a zip,
    a layer's ``Content``) for ``src`` / ``zip_file`` (``package``), S3 or ``image_uri``; None when no code is given.

    A zip package (local or S3) carries ``source_kms_key_arn`` (``SourceKMSKeyArn``; ``""`` sends none: the AWS
    owned key) and S3 code ``s3_object_storage_mode`` (``S3ObjectStorageMode``), when the options give them."""
    if package is not None:
        source = dict(ZipFile=package.data)
    elif params.get("s3_bucket"):
        source = dict(S3Bucket=params["s3_bucket"], S3Key=params["s3_key"])
        if params.get("s3_object_version"):
            source["S3ObjectVersion"] = params["s3_object_version"]
        if params.get("s3_object_storage_mode"):
            source["S3ObjectStorageMode"] = params["s3_object_storage_mode"]
    elif params.get("image_uri"):
        return dict(ImageUri=params["image_uri"])
    else:
        return None
    if params.get("source_kms_key_arn"):
        source["SourceKMSKeyArn"] = params["source_kms_key_arn"]
    return source


def local_source(options):
    """The Source (a src directory, built later) or CodePackage (a file or zip) of ``options``; None without a
    local path. Raises CodeError naming the option when the path cannot be used."""
    if options.get("src"):
        return source_of(options["src"], "src", options=options)
    if options.get("zip_file"):
        return source_of(options["zip_file"], "zip_file", zip_only=True)
    return None


def plan_code(options, runtime=None, architecture=None, run_command=None):
    """The local package of ``src`` / ``zip_file`` of a function (None for S3 and image code) and the ``Code``
    parameter to send; ``runtime`` / ``architecture`` stand in for the options' when those are omitted (the
    deployed function's); ``run_command`` runs pip (AnsibleModule.run_command). A path that cannot be used raises
    InvalidInput naming the option."""
    package = function_package(local_source(options), options, runtime, architecture, run_command)
    return package, code_source(options, package)


def function_package(source, options, runtime=None, architecture=None, run_command=None):
    """The CodePackage of a function's ``source`` (local_source's answer), for the runtime and architecture of the
    options, else ``runtime`` / ``architecture``."""
    if not isinstance(source, Source):
        return source
    runtime = options.get("runtime") or runtime
    warnings = node_warnings(source.path, runtime)
    if not source.needs_target:
        return source.package(warnings=warnings)
    if not runtime:
        raise CodeError("requirements: installing %s needs the function's runtime: give runtime." % source.requirements)
    return source.package(function_target(runtime, options.get("architecture") or architecture), warnings, run_command)


def layer_package(options, run_command=None):
    """The CodePackage of a layer's ``src`` / ``zip_file`` (None for S3 content), dependencies under python/."""
    source = local_source(options)
    if not isinstance(source, Source):
        return source
    if not source.needs_target:
        return source.package()
    return source.package(layer_target(options.get("compatible_runtimes"), options.get("compatible_architectures")),
                          run_command=run_command)


def source_problems(params, layer=False):
    """What is wrong with the local code options without building anything (the paths, the requirements file,
    a runtime that is not Python): messages, for a resource's validate."""
    try:
        source = local_source(params)
    except CodeError as e:
        return [str(e)]
    if not isinstance(source, Source) or not source.needs_target:
        return []
    try:
        if layer:
            layer_target(params.get("compatible_runtimes"), params.get("compatible_architectures"))
        elif params.get("runtime"):
            function_target(params["runtime"], params.get("architecture"))
    except CodeError as e:
        return [str(e)]
    return []


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
