"""Offline stand-in for the get-pip.py script that `ansible-test --venv` downloads.

ansible-test bootstraps pip into each empty virtual environment it creates by
running ~/.ansible/test/cache/get_pip_<version>.py, which it first downloads
from a host that this project's machines cannot reach; when the file is already
there it is used as is. The Makefile copies this script to that name.

ansible-test runs it as `python get_pip_X_Y.py [pip options] pip==X.Y [...]`
(older versions also ask for setuptools and wheel; newer ones add
--no-setuptools / --no-wheel, which are options of get-pip, not of pip). This
script gives the environment the pip bundled with Python (ensurepip, no network),
then lets that pip install the requested packages from the package index.
"""

import subprocess
import sys

GET_PIP_ONLY_OPTIONS = {"--no-setuptools", "--no-wheel"}


def main(args):
    pip_args = [arg for arg in args if arg not in GET_PIP_ONLY_OPTIONS]
    subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"])
    subprocess.check_call([sys.executable, "-m", "pip", "install", *pip_args])


if __name__ == "__main__":
    main(sys.argv[1:])
