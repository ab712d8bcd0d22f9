# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A code signing configuration of the account and region (lambda_code_signing_config).

AWS gives a configuration an ARN and an ID (``csc-`` and 17 characters) of its choosing and no name. A task
finds its configuration by ``code_signing_config_arn`` when it is given (GetCodeSigningConfig), else by its
``description``, which must then be unique in the account and region: every page of ListCodeSigningConfigs
is read and the one whose Description is exactly that is the task's; two or more fail the task, naming their
ARNs. Tags are not used to find it: GetCodeSigningConfig and ListCodeSigningConfigs do not answer them, and
reading the tags of every configuration would cost one ListTags per configuration.

Its settings are the allowed publishers (signing profile version ARNs, compared as a set), the policy for
untrusted artifacts (Warn / Enforce) and its tags (ListTags / TagResource / UntagResource; CreateCodeSigningConfig
takes them). The functions that use it (ListFunctionsByCodeSigningConfig) are returned, and a configuration
still used by a function is not deleted: the task fails naming the functions before any write (AWS refuses it
too, with ResourceConflictException).
"""


from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import fits_model_string, model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import InvalidInput, LambdaError
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import state_option, tags_options
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource, after_run
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.tags import (
    desired_tags,
    listed_tags,
    send_tag_changes,
    string_values,
    text_value_problems,
)

# Written out for the documentation; a unit test holds them equal to botocore's service model (CodeSigningPolicy).
UNTRUSTED_ARTIFACT_CHOICES = ["Warn", "Enforce"]
DEFAULT_UNTRUSTED_ARTIFACT = "Warn"  # what AWS applies when a configuration is created without CodeSigningPolicies

ARGUMENT_SPEC = dict(
    code_signing_config_arn=dict(type="str"),
    description=dict(type="str"),
    allowed_publishers=dict(type="list", elements="str"),
    untrusted_artifact_on_deployment=dict(type="str", choices=UNTRUSTED_ARTIFACT_CHOICES),
    **dict(tags_options(), **state_option())
)


def publishers_problems(publishers):
    """Messages for ``allowed_publishers`` outside the limits of botocore's service model."""
    if publishers is None:
        return []
    errors = []
    fewest, most = model_range("SigningProfileVersionArns")
    if (fewest is not None and len(publishers) < fewest) or (most is not None and len(publishers) > most):
        errors.append("allowed_publishers: %d ARNs; AWS takes %s to %s signing profile version ARNs."
                      % (len(publishers), fewest, most))
    for arn in publishers:
        if not fits_model_string(arn, "Arn", lengths=False):
            errors.append("allowed_publishers: %r is not an ARN; give signing profile version ARNs "
                          "(arn:aws:signer:REGION:ACCOUNT:/signing-profiles/NAME/VERSION)." % (arn,))
    return errors


def desired_config(params):
    """What the options ask for, comparable with :func:`current_config`; None = not managed (tags: see
    :meth:`CodeSigningConfig.desired`)."""
    publishers = params.get("allowed_publishers")
    return dict(
        Description=params.get("description"),
        AllowedPublishers=None if publishers is None else sorted(set(publishers)),
        UntrustedArtifactOnDeployment=params.get("untrusted_artifact_on_deployment"),
    )


def current_config(answer, tags=None):
    """A CodeSigningConfig of an answer in the comparable shape (publishers sorted, the policy flattened, a
    missing one as AWS's default), with ``tags`` when they were read; None for None."""
    if answer is None:
        return None
    config = dict(
        CodeSigningConfigArn=answer.get("CodeSigningConfigArn"),
        CodeSigningConfigId=answer.get("CodeSigningConfigId"),
        Description=answer.get("Description") or "",
        AllowedPublishers=sorted(set((answer.get("AllowedPublishers") or {}).get("SigningProfileVersionArns") or [])),
        UntrustedArtifactOnDeployment=((answer.get("CodeSigningPolicies") or {}).get("UntrustedArtifactOnDeployment")
                                       or DEFAULT_UNTRUSTED_ARTIFACT),
        LastModified=answer.get("LastModified"),
    )
    if hasattr(config["LastModified"], "isoformat"):
        config["LastModified"] = config["LastModified"].isoformat()
    if tags is not None:
        config["Tags"] = tags
    return config


def request_fields(fields):
    """Comparable ``fields`` as Create/UpdateCodeSigningConfig's members (tags left out)."""
    request = {}
    if fields.get("Description") is not None:
        request["Description"] = fields["Description"]
    if fields.get("AllowedPublishers") is not None:
        request["AllowedPublishers"] = dict(SigningProfileVersionArns=list(fields["AllowedPublishers"]))
    if fields.get("UntrustedArtifactOnDeployment") is not None:
        request["CodeSigningPolicies"] = dict(UntrustedArtifactOnDeployment=fields["UntrustedArtifactOnDeployment"])
    return request


class CodeSigningConfig(Resource):
    """The code signing configuration named by ``code_signing_config_arn``, or found by ``description``."""

    kind = "code_signing_config"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.arn = self.params.get("code_signing_config_arn")
        self.current = None
        self.functions = []  # the ARNs of the functions using it (as read)

    @classmethod
    def validate(cls, params):
        errors = []
        arn = params.get("code_signing_config_arn")
        if arn is not None and not fits_model_string(arn, "CodeSigningConfigArn", lengths=False):
            errors.append("code_signing_config_arn: %s is not a code signing configuration ARN "
                          "(arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-ID, as this module returns it)." % arn)
        if arn is None and not params.get("description"):
            errors.append("description: required when code_signing_config_arn is not given: AWS gives a code signing "
                          "configuration no name, and the task finds its own by its description (unique in the "
                          "account and region).")
        low, high = model_range("Description")
        description = params.get("description")
        if description is not None and ((low is not None and len(description) < low)
                                        or (high is not None and len(description) > high)):
            errors.append("description: %d characters; AWS takes at most %s." % (len(description), high))
        errors.extend(publishers_problems(params.get("allowed_publishers")))
        errors.extend(text_value_problems("tags", params.get("tags")))
        return errors

    @property
    def label(self):
        return self.arn or "with the description %r" % self.params["description"]

    # ------------------------------------------------------------------ read
    def find(self):
        """The configuration's CodeSigningConfig (by ARN, or the one with the description); None when none."""
        if self.arn is not None:
            answer = self.client.call("GetCodeSigningConfig", missing_ok=True, CodeSigningConfigArn=self.arn)
            return None if answer is None else answer["CodeSigningConfig"]
        description = self.params["description"]
        found = [config for config in self.client.paginate("ListCodeSigningConfigs", "CodeSigningConfigs")
                 if (config.get("Description") or "") == description]
        if len(found) > 1:
            raise LambdaError("description: %d code signing configurations have the description %r (%s); a task "
                              "finds its own by a description unique in the account and region. Give "
                              "code_signing_config_arn to name one." % (
                                  len(found), description, ", ".join(sorted(c["CodeSigningConfigArn"] for c in found))))
        return found[0] if found else None

    def read(self):
        """The configuration, its tags (only when tags are managed) and the functions that use it."""
        answer = self.find()
        if answer is None:
            if self.present and self.arn is not None:
                raise InvalidInput("code_signing_config_arn: %s does not exist (in this account and region). Leave "
                                   "code_signing_config_arn out to create a configuration (the task returns its ARN), "
                                   "or name one that exists." % self.arn)
            return None
        arn = answer["CodeSigningConfigArn"]
        tags = None
        if self.present and self.params.get("tags") is not None:
            tags = listed_tags(self.client, arn)
        self.functions = sorted(self.client.paginate("ListFunctionsByCodeSigningConfig", "FunctionArns",
                                                     CodeSigningConfigArn=arn))
        self.current = current_config(answer, tags)
        return self.current

    # ------------------------------------------------------------------ plan
    def desired(self):
        wanted = desired_config(self.params)
        tags = self.params.get("tags")
        if tags is not None:
            wanted["Tags"] = desired_tags(tags, (self.current or {}).get("Tags"), self.params.get("purge_tags", True))
        return wanted

    def plan(self, current, desired):
        if self.present and current is None and not desired.get("AllowedPublishers"):
            raise InvalidInput("allowed_publishers: required to create the code signing configuration %s; give the "
                               "signing profile version ARNs whose signatures it accepts." % self.label)
        if not self.present and current is not None and self.functions:
            raise InvalidInput("state: the code signing configuration %s is used by %d function(s) (%s), and AWS "
                               "deletes only one no function uses. Remove it from them first "
                               "(cloudfn.aws_lambda.lambda_function with code_signing_config_arn: \"\")."
                               % (current["CodeSigningConfigArn"], len(self.functions), ", ".join(self.functions)))
        outcome = reconcile.plan(current, desired, self.state)
        for side in (outcome.diff["before"], outcome.diff["after"]):
            for field in ("code_signing_config_arn", "code_signing_config_id", "last_modified"):
                side.pop(field, None)
        return outcome

    # ------------------------------------------------------------------ apply
    def apply(self, plan):
        return reconcile.apply(plan, create=self._create, update=self._update, delete=self._delete)

    def _create(self, wanted):
        request = request_fields(wanted)
        if wanted.get("Tags"):
            request["Tags"] = wanted["Tags"]
        answer = self.client.call("CreateCodeSigningConfig", **request)["CodeSigningConfig"]
        return current_config(answer, wanted.get("Tags"))

    def _update(self, changes):
        arn = self.current["CodeSigningConfigArn"]
        request = request_fields(changes)
        config = self.current
        if request:
            answer = self.client.call("UpdateCodeSigningConfig", CodeSigningConfigArn=arn, **request)
            config = current_config(answer["CodeSigningConfig"], self.current.get("Tags"))
        if changes.get("Tags") is not None:
            send_tag_changes(self.client, arn, self.current.get("Tags"), changes["Tags"])
            config = dict(config, Tags=changes["Tags"])
        return config

    def _delete(self):
        return self.client.call("DeleteCodeSigningConfig", missing_ok=True,
                                CodeSigningConfigArn=self.current["CodeSigningConfigArn"])

    # ------------------------------------------------------------------ result
    def result(self, plan):
        """The configuration after the run: as AWS answered the change, as read when nothing changed, else
        predicted (the ARN, the ID and LastModified of one to be created are null: AWS chooses them)."""
        if not self.present:
            return {}
        config = after_run(plan, self.current, dict(CodeSigningConfigArn=None, CodeSigningConfigId=None, Description="",
                                                    UntrustedArtifactOnDeployment=DEFAULT_UNTRUSTED_ARTIFACT),
                           unknown=["LastModified"])
        view = dict(
            code_signing_config_arn=config.get("CodeSigningConfigArn"),
            code_signing_config_id=config.get("CodeSigningConfigId"),
            description=config.get("Description"),
            allowed_publishers=list(config.get("AllowedPublishers") or []),
            untrusted_artifact_on_deployment=config.get("UntrustedArtifactOnDeployment"),
            last_modified=config.get("LastModified"),
            functions=list(self.functions),
        )
        if config.get("Tags") is not None:
            view["tags"] = string_values(config["Tags"])
        return view
