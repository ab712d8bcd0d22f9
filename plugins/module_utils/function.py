# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Transitional: what lambda_layer still imports from here. A function is ``resources/function.py``;
code packages and their hashes are ``code.py``. Delete this file once lambda_layer imports from code.py."""

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import code
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import s3_code_sha256  # noqa: F401


def plan_code(_module, options):
    """code.plan_code with the former (module, options) signature."""
    return code.plan_code(options)
