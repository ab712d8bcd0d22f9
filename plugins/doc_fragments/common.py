# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    # Waiting for a function to settle after a change.
    WAIT = r"""
options:
  wait:
    description:
      - After creating or changing the function, wait until its C(State) is C(Active) and its
        C(LastUpdateStatus) is C(Successful), using botocore's Lambda waiters.
      - A function that ends C(Failed) fails the task with the reason AWS gives.
      - With V(false) the task returns as soon as AWS accepted the request.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long, in seconds, to wait at most.
    type: int
    default: 600
"""

    # Tags compared with what AWS already returns.
    TAGS = r"""
options:
  tags:
    description:
      - Tags of the resource, as a dictionary.
      - Not managed when omitted. V({}) with O(purge_tags=true) removes every tag.
    type: dict
    aliases: [resource_tags]
  purge_tags:
    description:
      - Remove the tags that are not listed in O(tags).
      - Only has an effect when O(tags) is given.
    type: bool
    default: true
"""

    # How a src directory is packaged (options.zip_source_options; plugins/module_utils/code.py, docs/packaging.md).
    PACKAGING = r"""
options:
  requirements:
    description:
      - The Python dependencies of a O(src) directory, installed with pip into the package for the platform
        Lambda runs (see O(pip_args) and the collection's docs/packaging.md).
      - A path to a C(requirements.txt)-style file (relative to O(src), or absolute), or a C(pyproject.toml),
        whose C([project] dependencies) are installed.
      - When omitted, C(requirements.txt) in O(src) when there is one, else a C(pyproject.toml) in O(src) with
        C([project] dependencies); without either nothing is installed.
      - V(false) installs nothing, even when O(src) has a C(requirements.txt).
      - 'pip runs as C(python -m pip install --target DIR --no-compile --only-binary=:all: --platform
        manylinux2014_x86_64) (or C(manylinux2014_aarch64) for C(arm64)) C(--implementation cp --python-version X.Y),
        for the Python version of the runtime, so the same wheels are chosen on any controller. Only wheels are
        installed (no source builds).'
      - For a function, the target comes from its C(runtime) and C(architecture) options (when an update omits
        them, from the deployed function's). A runtime that is not Python fails with requirements. Node.js dependencies are not
        installed; C(node_modules) in O(src) are shipped as they are.
      - For a layer, the dependencies go under C(python/), for the one Python version of
        O(cloudfn.aws_lambda.lambda_layer#module:compatible_runtimes) and the one architecture of
        O(cloudfn.aws_lambda.lambda_layer#module:compatible_architectures). A layer for several Python versions,
        both architectures or no architecture named gets only pure-Python wheels (installed for the lowest
        version); a native one fails the task, naming it.
      - The build is cached (O(build_in)); nothing is sent to AWS when it fails.
      - Only applies to a O(src) directory.
    type: raw
  pip_args:
    description:
      - Extra arguments for pip, after the requirements, one list item per word, for example
        V([--no-index, --find-links, /srv/wheels]) for an offline build, or V([--index-url, https://pypi.example.com/simple]).
      - Part of the build's cache key.
    type: list
    elements: str
  build_in:
    description:
      - The build cache. Each build with dependencies is kept as C(KEY.zip) (with C(KEY.json)) in this directory,
        C(KEY) being the sha256 of the sources after O(src_exclude), the requirements, the Python version, the
        platform and O(pip_args). An unchanged input reuses the zip without running pip (the result's
        C(package.built) is V(false)).
      - On the host that runs the module (usually the controller). Delete it to rebuild; a rebuild gives the same bytes.
    type: path
    default: ~/.cache/cloudfn.aws_lambda/builds
  src_exclude:
    description:
      - Glob patterns of files of a O(src) directory left out of the package, each matched against the path
        relative to O(src) (for example V(tests/*)) and against every component of it (so V(.git) leaves out
        the whole C(.git) directory, at any depth).
      - The default leaves out version control directories, bytecode, C(.DS_Store) and C(.env) files (which
        often hold secrets). Giving a list replaces the default; V([]) leaves nothing out.
      - Installed dependencies never have C(__pycache__) or C(*.pyc).
    type: list
    elements: str
    default: [.git, .hg, .svn, __pycache__, '*.pyc', .DS_Store, .env, .env.*]
"""

    # The attributes every resource module declares.
    ATTRIBUTES = r"""
attributes:
  check_mode:
    support: full
    description: Check mode predicts C(changed) and the result, and sends no request that changes anything.
  diff_mode:
    support: full
    description: Diff mode shows the changed fields before and after.
  idempotent:
    support: full
    description: A second run with the same options reports C(changed=false) and changes nothing.
"""

    # The attributes of a module that only reads (the *_info modules).
    READ_ONLY = r"""
attributes:
  check_mode:
    support: full
    description: The module only reads, in check mode as otherwise.
  diff_mode:
    support: none
    description: Nothing changes, so there is nothing to show.
  idempotent:
    support: full
    description: Always reports C(changed=false).
"""
