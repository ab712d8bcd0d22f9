# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Write a small wheelhouse for offline installs: python make_wheels.py DIR.

- tinypure 1.0: pure Python (py3-none-any), module tinypure;
- tinynative 1.0: two wheels tagged cp312-cp312-manylinux2014_x86_64 and cp312-cp312-manylinux2014_aarch64,
  whose module tinynative says which architecture it was built for (``tinynative.ARCH``), plus a file that only
  the build of each architecture has (``tinynative/_x86_64.so`` or ``tinynative/_aarch64.so``).

A wheel is a zip of the package and its NAME-VERSION.dist-info (METADATA, WHEEL, RECORD); pip installs it as it is.
"""

import base64
import hashlib
import os
import sys
import zipfile


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def write_wheel(directory, name, version, tag, files, pure):
    info = "%s-%s.dist-info" % (name, version)
    files = dict(files)
    files[info + "/METADATA"] = ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: a test wheel\n"
                                 % (name, version)).encode("ascii")
    files[info + "/WHEEL"] = ("Wheel-Version: 1.0\nGenerator: make_wheels.py\nRoot-Is-Purelib: %s\nTag: %s\n"
                              % ("true" if pure else "false", tag)).encode("ascii")
    record = [_record_line(n, d) for n, d in sorted(files.items())] + [info + "/RECORD,,"]
    files[info + "/RECORD"] = ("\n".join(record) + "\n").encode("ascii")
    path = os.path.join(directory, "%s-%s-%s.whl" % (name, version, tag))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        for entry, data in sorted(files.items()):
            wheel.writestr(zipfile.ZipInfo(entry, date_time=(2020, 1, 1, 0, 0, 0)), data)
    return path


def make_wheelhouse(directory):
    """Write the wheels into ``directory``; their paths."""
    if not os.path.isdir(directory):
        os.makedirs(directory)
    paths = [write_wheel(directory, "tinypure", "1.0", "py3-none-any",
                         {"tinypure/__init__.py": b"VALUE = 'pure'\n"}, pure=True)]
    for arch in ("x86_64", "aarch64"):
        paths.append(write_wheel(directory, "tinynative", "1.0", "cp312-cp312-manylinux2014_" + arch, {
            "tinynative/__init__.py": ("ARCH = %r\n" % arch).encode("ascii"),
            "tinynative/_%s.so" % arch: b"\x7fELF not really\n",
        }, pure=False))
    return paths


if __name__ == "__main__":
    for wheel_path in make_wheelhouse(sys.argv[1]):
        print(wheel_path)
