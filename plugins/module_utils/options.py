# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Options written once: argument-spec factories, each paired with the doc fragment that documents it.

A module, the deploy role and lambda_app take an option group from here, so its name, type,
default and checks are the same everywhere. Each factory returns a fresh dict (callers may add to
it). The fragment a factory goes with is named in its docstring (``plugins/doc_fragments/``).
"""

from ansible.module_utils.basic import env_fallback

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.code import DEFAULT_BUILD_IN, DEFAULT_EXCLUDES


# Choices an argument spec writes out (the documentation must list them even where botocore is missing); the unit
# tests hold each equal to the enum of botocore's service model it stands for (shape Architecture).
ARCHITECTURES = ["x86_64", "arm64"]


def connection_options():
    """The connection options every module takes (fragment ``cloudfn.aws_lambda.connection``)."""
    return dict(
        access_key=dict(type="str", aliases=["aws_access_key_id", "aws_access_key"], no_log=False),
        secret_key=dict(type="str", aliases=["aws_secret_access_key", "aws_secret_key"], no_log=True),
        session_token=dict(type="str", aliases=["aws_session_token", "security_token"], no_log=True),
        profile=dict(type="str", aliases=["aws_profile"]),
        region=dict(type="str", aliases=["aws_region"]),
        endpoint_url=dict(type="str", aliases=["aws_endpoint_url"]),
        validate_certs=dict(type="bool", default=True),
        aws_ca_bundle=dict(type="path"),
        aws_config=dict(type="dict"),
        retry_mode=dict(type="str", choices=["standard", "adaptive", "legacy"], default="standard"),
        retry_max_attempts=dict(type="int", default=10),
        debug_botocore_endpoint_logs=dict(type="bool", default=False,
                                          fallback=(env_fallback, ["ANSIBLE_DEBUG_BOTOCORE_LOGS"])),
    )


CONNECTION_MUTUALLY_EXCLUSIVE = [["profile", "access_key"], ["profile", "secret_key"], ["profile", "session_token"]]


def connection_errors(params):
    """Local checks of the connection options."""
    if params.get("retry_max_attempts") is not None and params["retry_max_attempts"] < 1:
        return ["retry_max_attempts must be 1 or more (the first try counts as one attempt)."]
    return []


def state_option(default="present"):
    """``state``: present or absent (documented by each module, whose meaning of absent differs)."""
    return dict(state=dict(type="str", choices=["present", "absent"], default=default))


def wait_options():
    """``wait`` and ``wait_timeout`` (fragment ``cloudfn.aws_lambda.common.wait``)."""
    return dict(
        wait=dict(type="bool", default=True),
        wait_timeout=dict(type="int", default=600),
    )


def tags_options():
    """``tags`` and ``purge_tags`` (fragment ``cloudfn.aws_lambda.common.tags``)."""
    return dict(
        tags=dict(type="dict", aliases=["resource_tags"]),
        purge_tags=dict(type="bool", default=True),
    )


def zip_source_options():
    """A zip package from the controller or S3: ``src``, ``zip_file``, ``s3_bucket``, ``s3_key``,
    ``s3_object_version``, ``source_code_hash`` (documented by lambda_function and lambda_layer, whose
    descriptions say what the package holds), and how a ``src`` directory is packaged: ``requirements``,
    ``pip_args``, ``build_in``, ``src_exclude`` (fragment ``cloudfn.aws_lambda.common.packaging``; code.py).
    ``s3_bucket`` and ``s3_key`` go together (:data:`ZIP_SOURCE_REQUIRED_TOGETHER`); the sources exclude each other."""
    return dict(
        src=dict(type="path"),
        zip_file=dict(type="path"),
        s3_bucket=dict(type="str"),
        s3_key=dict(type="str", no_log=False),
        s3_object_version=dict(type="str"),
        source_code_hash=dict(type="str"),
        requirements=dict(type="raw"),
        pip_args=dict(type="list", elements="str"),
        build_in=dict(type="path", default=DEFAULT_BUILD_IN),
        src_exclude=dict(type="list", elements="str", default=list(DEFAULT_EXCLUDES)),
    )


ZIP_SOURCE_REQUIRED_TOGETHER = [["s3_bucket", "s3_key"]]
ZIP_SOURCE_REQUIRED_BY = {"s3_object_version": "s3_bucket", "source_code_hash": "s3_bucket"}


def function_options(name="function_name", aliases=None, qualifier=False):
    """The function a resource belongs to (``function_name``, a name or ARN), and with ``qualifier``
    the optional ``qualifier`` (a version or alias); checked by names.function_name_problem."""
    spec = {name: dict(type="str", required=True, aliases=list(aliases or []))}
    if not aliases:
        del spec[name]["aliases"]
    if qualifier:
        spec["qualifier"] = dict(type="str")
    return spec


def spec_defaults(spec):
    """Every option of the argument spec ``spec`` with its default (None where it has none): the options of a
    resource that a caller builds from a plain dict, as AnsibleModule would fill them."""
    return dict((option, definition.get("default")) for option, definition in spec.items())


def range_errors(params, ranges):
    """The messages for the integer options of ``params`` outside their ranges.

    ``ranges``: option -> (low, high), either None for no bound; or option -> (shape, member) to take
    the bounds from botocore's service model (see :func:`model_bounds`).
    """
    errors = []
    for option, (low, high) in ranges.items():
        value = params.get(option)
        if value is None or isinstance(value, bool):
            continue
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                wanted = "%s or more" % low
            elif low is None:
                wanted = "at most %s" % high
            else:
                wanted = "between %s and %s" % (low, high)
            errors.append("%s must be %s, not %s." % (option, wanted, value))
    return errors


def model_bounds(shape_name, member=None, low=None, high=None):
    """(low, high) of a number from botocore's service model; ``low`` / ``high`` where the model has none."""
    model_low, model_high = model_range(shape_name, member)
    return (low if model_low is None else model_low), (high if model_high is None else model_high)


def sub_option(params, option, mapping):
    """A dict option's value with its keys mapped to API names (``mapping``: suboption -> API field; a
    suboption not given is None there); None when the option is not given."""
    value = params.get(option)
    if value is None:
        return None
    return dict((api, value.get(key)) for key, api in mapping.items())
