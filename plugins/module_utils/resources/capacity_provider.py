# -*- coding: utf-8 -*-
# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A capacity provider of Lambda Managed Instances (lambda_capacity_provider).

A capacity provider is named by the task (CapacityProviderName) and holds the EC2 side of Lambda Managed
Instances: the VPC its instances run in, the role Lambda uses to manage them, the instance requirements, how it
scales, the KMS key, the tags it propagates to the instances and its system logs. A function attaches to one with
lambda_function's ``capacity_provider_config`` when it is created.

UpdateCapacityProvider changes only the scaling configuration, PropagateTags and TelemetryConfig; the VPC, the
permissions, the instance requirements and the KMS key are set once, by CreateCapacityProvider: a change of one
of them is refused before any write, naming it (the provider must be replaced). Update sends each changed
structure whole: the members the task does not give keep the values AWS has.

AWS's states are Pending (being created or updated), Active, Failed and Deleting. botocore has no waiter for a
capacity provider: :meth:`CapacityProvider.settle` reads it until it leaves Pending (or, after a delete, until
it is gone). Tags are read with ListTags, only when the task manages them. The function versions that use the
provider (ListFunctionVersionsByCapacityProvider) are read when the provider exists, and one they use is not
deleted: the task fails naming them before any write (AWS refuses it too).
"""

import time

from ansible_collections.cloudfn.aws_lambda.plugins.module_utils import reconcile
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.client import fits_model_string, model_range
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.errors import (
    Conflict,
    InvalidInput,
    WaitFailed,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.options import (
    ARCHITECTURES,
    model_bounds,
    range_errors,
    state_option,
    tags_options,
    wait_options,
)
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.base import Resource, predicted_arn
from ansible_collections.cloudfn.aws_lambda.plugins.module_utils.resources.tags import (
    desired_tags,
    listed_tags,
    send_tag_changes,
    string_values,
    text_value_problems,
)

# Written out for the documentation; a unit test holds each equal to botocore's service model (the shape named).
SCALING_MODES = ["Auto", "Manual"]  # CapacityProviderScalingMode
METRIC_TYPES = ["LambdaCapacityProviderAverageCPUUtilization",
                "LambdaCapacityProviderAverageGPUUtilization"]  # CapacityProviderPredefinedMetricType
PROPAGATE_TAGS_MODES = ["None", "Explicit"]  # PropagateTagsMode
SYSTEM_LOG_LEVELS = ["DEBUG", "INFO", "WARN"]  # SystemLogLevel

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True, aliases=["capacity_provider_name"]),
    vpc_config=dict(type="dict", options=dict(
        subnet_ids=dict(type="list", elements="str", required=True),
        security_group_ids=dict(type="list", elements="str", required=True),
    )),
    permissions_config=dict(type="dict", options=dict(
        capacity_provider_operator_role_arn=dict(type="str", required=True),
    )),
    instance_requirements=dict(type="dict", options=dict(
        architectures=dict(type="list", elements="str", choices=ARCHITECTURES),
        allowed_instance_types=dict(type="list", elements="str"),
        excluded_instance_types=dict(type="list", elements="str"),
    )),
    capacity_provider_scaling_config=dict(type="dict", options=dict(
        max_v_cpu_count=dict(type="int"),
        scaling_mode=dict(type="str", choices=SCALING_MODES),
        scaling_policies=dict(type="list", elements="dict", options=dict(
            predefined_metric_type=dict(type="str", required=True, choices=METRIC_TYPES),
            target_value=dict(type="float", required=True),
        )),
    )),
    kms_key_arn=dict(type="str", no_log=False),
    propagate_tags=dict(type="dict", options=dict(
        mode=dict(type="str", required=True, choices=PROPAGATE_TAGS_MODES),
        explicit_tags=dict(type="dict"),
    )),
    telemetry_config=dict(type="dict", options=dict(
        logging_config=dict(type="dict", options=dict(
            system_log_level=dict(type="str", choices=SYSTEM_LOG_LEVELS),
            log_group=dict(type="str"),
        )),
    )),
    **dict(tags_options(), **dict(state_option(), **wait_options()))
)

# The fields UpdateCapacityProvider takes, and those only CreateCapacityProvider sets (with their option).
UPDATABLE = ("CapacityProviderScalingConfig", "PropagateTags", "TelemetryConfig")
CREATE_ONLY = (("VpcConfig", "vpc_config"), ("PermissionsConfig", "permissions_config"),
               ("InstanceRequirements", "instance_requirements"), ("KmsKeyArn", "kms_key_arn"))
# Fields compared (and sent) whole, never member by member: user data (tag keys) and lists.
WHOLE = reconcile.USER_KEYED | frozenset(("ExplicitTags",))
# What the task returns of a provider, and how it compares; AWS sets the rest.
MANAGED = tuple(field for field, _option in CREATE_ONLY) + UPDATABLE
ANSWERED = ("CapacityProviderArn", "State", "LastModified")
TRANSITIONAL = "Pending"
WAIT_DELAY = 5  # seconds between two reads of a provider that is Pending or Deleting


def sorted_unique(values):
    return None if values is None else sorted(set(values))


def policies_of(policies):
    """Scaling policies in the comparable form: (metric, target as a float) sorted; None stays None."""
    if policies is None:
        return None
    return sorted((dict(PredefinedMetricType=p["PredefinedMetricType"], TargetValue=float(p["TargetValue"]))
                   for p in policies), key=lambda p: (p["PredefinedMetricType"], p["TargetValue"]))


def desired_provider(params):
    """What the options ask for, comparable with :func:`current_provider`; None = not managed (tags: see
    :meth:`CapacityProvider.desired`)."""
    vpc = params.get("vpc_config")
    permissions = params.get("permissions_config")
    requirements = params.get("instance_requirements")
    scaling = params.get("capacity_provider_scaling_config")
    propagate = params.get("propagate_tags")
    telemetry = params.get("telemetry_config")
    logging = (telemetry or {}).get("logging_config")
    return dict(
        VpcConfig=None if vpc is None else dict(SubnetIds=sorted_unique(vpc["subnet_ids"]),
                                                SecurityGroupIds=sorted_unique(vpc["security_group_ids"])),
        PermissionsConfig=None if permissions is None else dict(
            CapacityProviderOperatorRoleArn=permissions["capacity_provider_operator_role_arn"]),
        InstanceRequirements=None if requirements is None else dict(
            Architectures=requirements.get("architectures"),
            AllowedInstanceTypes=sorted_unique(requirements.get("allowed_instance_types")),
            ExcludedInstanceTypes=sorted_unique(requirements.get("excluded_instance_types"))),
        CapacityProviderScalingConfig=None if scaling is None else dict(
            MaxVCpuCount=scaling.get("max_v_cpu_count"), ScalingMode=scaling.get("scaling_mode"),
            ScalingPolicies=policies_of(None if scaling.get("scaling_policies") is None else [
                dict(PredefinedMetricType=p["predefined_metric_type"], TargetValue=p["target_value"])
                for p in scaling["scaling_policies"]])),
        KmsKeyArn=params.get("kms_key_arn"),
        PropagateTags=None if propagate is None else dict(
            Mode=propagate["mode"], ExplicitTags=string_values(propagate.get("explicit_tags"))),
        TelemetryConfig=None if telemetry is None else dict(
            LoggingConfig=None if logging is None else dict(SystemLogLevel=logging.get("system_log_level"),
                                                            LogGroup=logging.get("log_group"))),
    )


def current_provider(answer, tags=None):
    """A CapacityProvider of an answer in the comparable shape (sets sorted, targets as floats), with ``tags``
    when they were read; None for None."""
    if answer is None:
        return None
    provider = dict((field, answer.get(field)) for field in ANSWERED + MANAGED)
    vpc = provider["VpcConfig"]
    if vpc is not None:
        provider["VpcConfig"] = dict(SubnetIds=sorted_unique(vpc.get("SubnetIds") or []),
                                     SecurityGroupIds=sorted_unique(vpc.get("SecurityGroupIds") or []))
    requirements = provider["InstanceRequirements"]
    if requirements is not None:
        provider["InstanceRequirements"] = dict(
            requirements, **dict((field, sorted_unique(requirements[field]))
                                 for field in ("AllowedInstanceTypes", "ExcludedInstanceTypes") if field in requirements))
    scaling = provider["CapacityProviderScalingConfig"]
    if scaling is not None and "ScalingPolicies" in scaling:
        provider["CapacityProviderScalingConfig"] = dict(scaling, ScalingPolicies=policies_of(scaling["ScalingPolicies"]))
    if tags is not None:
        provider["Tags"] = tags
    return provider


def overlay(current, given):
    """``current`` (a structure AWS has) with the members ``given`` sets (None: left as it is); nested structures
    are overlaid the same way, lists and the fields of WHOLE are replaced. What Update sends for a structure."""
    if not isinstance(given, dict) or not isinstance(current, dict):
        return reconcile.without_none(given)
    result = dict(current)
    for key, value in given.items():
        if value is None:
            continue
        result[key] = value if key in WHOLE else overlay(current.get(key), value)
    return result


def provider_view(provider):
    """A provider (answer or comparable form) as the task and lambda_info return it: snake_case, tag keys kept."""
    return reconcile.snake_dict(dict((k, v) for k, v in provider.items() if v is not None or k in ANSWERED), keep=WHOLE)


def pattern_problem(option, value, shape, what):
    """A message when ``value`` does not match the pattern of the model's shape ``shape``, else None."""
    if value is None or fits_model_string(value, shape, lengths=False):
        return None
    return "%s: %r is not %s." % (option, value, what)


def count_problem(option, values, shape):
    """A message when the list ``values`` is longer or shorter than the model's list shape ``shape`` allows."""
    if values is None:
        return None
    low, high = model_range(shape)
    if (low is not None and len(values) < low) or (high is not None and len(values) > high):
        return "%s: %d given; AWS takes %s to %s." % (option, len(values), low, high)
    return None


def validate(params):
    """Local checks of the options; a list of error messages (empty when all is well)."""
    problems = [pattern_problem("name", params.get("name"), "CapacityProviderName",
                                "a capacity provider name (letters, digits, - and _) or ARN "
                                "(arn:aws:lambda:REGION:ACCOUNT:capacity-provider:NAME)")]
    _low, high = model_range("CapacityProviderName")
    if params.get("name") is not None and high is not None and len(params["name"]) > high:
        problems.append("name: %d characters; AWS takes at most %s." % (len(params["name"]), high))
    vpc = params.get("vpc_config") or {}
    problems.append(count_problem("vpc_config.subnet_ids", vpc.get("subnet_ids"), "CapacityProviderSubnetIds"))
    problems.append(count_problem("vpc_config.security_group_ids", vpc.get("security_group_ids"),
                                  "CapacityProviderSecurityGroupIds"))
    problems.extend(pattern_problem("vpc_config.subnet_ids", subnet, "SubnetId", "a subnet ID (subnet-...)")
                    for subnet in vpc.get("subnet_ids") or [])
    problems.extend(pattern_problem("vpc_config.security_group_ids", group, "SecurityGroupId",
                                    "a security group ID (sg-...)") for group in vpc.get("security_group_ids") or [])
    role = (params.get("permissions_config") or {}).get("capacity_provider_operator_role_arn")
    problems.append(pattern_problem("permissions_config.capacity_provider_operator_role_arn", role, "RoleArn",
                                    "an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)"))
    requirements = params.get("instance_requirements") or {}
    problems.append(count_problem("instance_requirements.architectures", requirements.get("architectures"),
                                  "ArchitecturesList"))
    for option in ("allowed_instance_types", "excluded_instance_types"):
        path = "instance_requirements.%s" % option
        problems.append(count_problem(path, requirements.get(option), "InstanceTypeSet"))
        problems.extend(pattern_problem(path, kind, "InstanceType", "an EC2 instance type (m7g.large, c7i.*)")
                        for kind in requirements.get(option) or [])
    scaling = params.get("capacity_provider_scaling_config") or {}
    problems.extend(range_errors({"capacity_provider_scaling_config.max_v_cpu_count": scaling.get("max_v_cpu_count")},
                                 {"capacity_provider_scaling_config.max_v_cpu_count":
                                  model_bounds("CapacityProviderMaxVCpuCount")}))
    policies = scaling.get("scaling_policies")
    problems.append(count_problem("capacity_provider_scaling_config.scaling_policies", policies,
                                  "CapacityProviderScalingPoliciesList"))
    target_low, target_high = model_bounds("MetricTargetValue")
    for policy in policies or []:
        problems.extend(range_errors(
            {"capacity_provider_scaling_config.scaling_policies.target_value": policy.get("target_value")},
            {"capacity_provider_scaling_config.scaling_policies.target_value": (target_low, target_high)}))
    problems.append(pattern_problem("kms_key_arn", params.get("kms_key_arn"), "KMSKeyArnNonEmpty",
                                    "a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)"))
    propagate = params.get("propagate_tags") or {}
    explicit = propagate.get("explicit_tags")
    problems.extend(text_value_problems("propagate_tags.explicit_tags", explicit))
    if explicit is not None:
        problems.append(count_problem("propagate_tags.explicit_tags", list(explicit), "PropagateTagsExplicitTagsMap"))
    if propagate.get("mode") == "None" and explicit:
        problems.append("propagate_tags: explicit_tags are propagated only with mode=Explicit; give mode: Explicit, "
                        "or leave explicit_tags out with mode: None.")
    logging = (params.get("telemetry_config") or {}).get("logging_config") or {}
    problems.append(pattern_problem("telemetry_config.logging_config.log_group", logging.get("log_group"), "LogGroup",
                                    "a CloudWatch Logs log group name"))
    problems.extend(text_value_problems("tags", params.get("tags")))
    if params.get("wait_timeout") is not None and params["wait_timeout"] < 1:
        problems.append("wait_timeout: %s is not 1 or more seconds." % params["wait_timeout"])
    return [problem for problem in problems if problem]


class CapacityProvider(Resource):
    """The capacity provider ``name``."""

    kind = "capacity_provider"

    def __init__(self, task, client):
        super().__init__(task, client)
        self.name = self.params["name"]
        self.current = None
        self.function_versions = []  # the function versions that use it (as read), each FunctionArn and State

    @property
    def wait(self):
        return self.params.get("wait", ARGUMENT_SPEC["wait"]["default"])

    @classmethod
    def validate(cls, params):
        return validate(params)

    # ------------------------------------------------------------------ read
    def get(self):
        answer = self.client.call("GetCapacityProvider", missing_ok=True, CapacityProviderName=self.name)
        return None if answer is None else answer["CapacityProvider"]

    def read(self):
        """The provider (its tags only when tags are managed) and the function versions that use it; None when
        it does not exist. One that is being deleted is waited for (with ``wait``), then it is gone."""
        answer = self.get()
        if answer is not None and answer.get("State") == "Deleting":
            if not self.present:
                return None  # on its way out already: nothing to delete
            if not self.wait or self.task.check_mode:
                raise Conflict("The capacity provider %s is being deleted (State Deleting); run the task again once "
                               "it is gone, or with wait: true to wait for it." % self.name)
            answer = self.settle(answer)
        if answer is None:
            return None
        tags = None
        if self.present and self.params.get("tags") is not None:
            tags = listed_tags(self.client, answer["CapacityProviderArn"])
        self.function_versions = self.client.paginate("ListFunctionVersionsByCapacityProvider", "FunctionVersions",
                                                      CapacityProviderName=self.name)
        self.current = current_provider(answer, tags)
        return self.current

    # ------------------------------------------------------------------ plan
    def desired(self):
        wanted = desired_provider(self.params)
        tags = self.params.get("tags")
        if tags is not None:
            wanted["Tags"] = desired_tags(tags, (self.current or {}).get("Tags"), self.params.get("purge_tags", True))
        return wanted

    def plan(self, current, desired):
        """Every refusal before a write: a provider to create without its VPC or permissions, a change AWS
        cannot make (a create-only field), a deletion while function versions use it."""
        if self.present and current is None:
            missing = [option for field, option in CREATE_ONLY[:2] if desired.get(field) is None]
            if missing:
                raise InvalidInput("%s: required to create the capacity provider %s (CreateCapacityProvider takes "
                                   "no provider without them)." % (" and ".join(missing), self.name))
        if not self.present and current is not None and self.function_versions:
            listed = ", ".join("%s (%s)" % (v.get("FunctionArn"), v.get("State")) for v in self.function_versions)
            raise InvalidInput(
                "state: the capacity provider %s is used by %d function version(s): %s; AWS deletes only a "
                "capacity provider no function version uses. Delete those versions (or their functions) first."
                % (self.name, len(self.function_versions), listed),
                function_versions=reconcile.snake_dict(self.function_versions))
        outcome = reconcile.plan(current, desired, self.state, exact=WHOLE)
        if outcome.action == "update":
            for field, option in CREATE_ONLY:
                if field in outcome.changes:
                    raise InvalidInput(
                        "%s: the capacity provider %s has %s, and this task asks for %s; AWS sets %s only when it "
                        "creates a capacity provider (UpdateCapacityProvider changes only "
                        "capacity_provider_scaling_config, propagate_tags and telemetry_config). To change it the "
                        "provider must be replaced: delete it (state: absent, once no function version uses it) "
                        "and create it again." % (
                            option, self.name, self._shown(field, current.get(field), desired[field]),
                            self._shown(field, desired[field], desired[field]), option))
        if outcome.action is not None:
            before, after = self._sides(outcome, current)
            outcome.diff = dict(before=reconcile.snake_dict(before, keep=WHOLE),
                                after=reconcile.snake_dict(after, keep=WHOLE))
        return outcome

    @staticmethod
    def _shown(field, value, managed):
        """The managed part of a create-only field's ``value``, as the option writes it (for a message)."""
        part = reconcile.managed_part(value, managed, field, WHOLE)
        if isinstance(part, dict):
            return provider_view(part)
        return repr(part)

    def _sides(self, outcome, current):
        """(before, after) for the diff: the managed fields, without what AWS sets (ARN, State, LastModified)."""
        if outcome.action == "create":
            return {}, reconcile.without_none(outcome.changes)
        if outcome.action == "delete":
            return dict((k, v) for k, v in current.items() if k not in ANSWERED), {}
        before = dict((k, reconcile.managed_part(current.get(k), v, k, WHOLE)) for k, v in outcome.changes.items())
        return before, reconcile.without_none(outcome.changes)

    # ------------------------------------------------------------------ apply
    def apply(self, plan):
        """Create, update or delete; then, with ``wait``, wait for the provider to leave Pending (or be gone)."""
        reconcile.apply(plan, create=self._create, update=self._update, delete=self._delete)
        if plan.action is None and self.present and self.current.get("State") == TRANSITIONAL:
            plan.result = self._settled(self.current, self.current.get("Tags"))
        return plan

    def _settled(self, answer, tags):
        answer = self.settle(answer)
        if answer is None:
            raise WaitFailed("The capacity provider %s disappeared while waiting for it to be Active (it was deleted "
                             "meanwhile)." % self.name)
        return current_provider(answer, tags)

    def _create(self, wanted):
        request = dict(CapacityProviderName=self.name)
        for field in MANAGED:
            if wanted.get(field) is not None:
                request[field] = wanted[field]
        if wanted.get("Tags"):
            request["Tags"] = wanted["Tags"]
        answer = self.client.call("CreateCapacityProvider", already_done=self._already_created, **request)
        return self._settled(answer["CapacityProvider"], wanted.get("Tags"))

    def _already_created(self, _error):
        """A create refused as "already exists": the provider this run asked for (a lost answer), else None."""
        wanted = reconcile.without_none(desired_provider(self.params))
        found = self.get()
        if reconcile.adopted(found, wanted, current_provider, WHOLE) is None:
            return None
        return dict(CapacityProvider=found)

    def _update(self, changes):
        arn = self.current["CapacityProviderArn"]
        request = dict((field, overlay(self.current.get(field), changes[field]))
                       for field in UPDATABLE if field in changes)
        provider = self.current
        if request:
            answer = self.client.call("UpdateCapacityProvider", CapacityProviderName=self.name, **request)
            provider = self._settled(answer["CapacityProvider"], self.current.get("Tags"))
        if changes.get("Tags") is not None:
            send_tag_changes(self.client, arn, self.current.get("Tags"), changes["Tags"])
            provider = dict(provider, Tags=changes["Tags"])
        return provider

    def _delete(self):
        answer = self.client.call("DeleteCapacityProvider", missing_ok=True, CapacityProviderName=self.name)
        if answer and answer.get("CapacityProvider"):
            self.settle(answer["CapacityProvider"])
        return answer

    def settle(self, answer):
        """The provider once it has left Pending (None once a deleted one is gone), reading it every WAIT_DELAY
        seconds, when waiting; Failed raises WaitFailed (a warning without ``wait``), as does wait_timeout."""
        timeout = self.params.get("wait_timeout") or ARGUMENT_SPEC["wait_timeout"]["default"]
        waited = 0
        while True:
            if answer is None:
                return None
            state = answer.get("State")
            if state == "Failed":
                message = "The capacity provider %s is Failed." % self.name
                if not self.wait:
                    self.task.warn(message)
                    return answer
                raise WaitFailed(message + " Read its events in AWS's console or CloudTrail, delete it and create it "
                                 "again.", state=state)
            if state not in (TRANSITIONAL, "Deleting") or not self.wait:
                return answer
            if waited >= timeout:
                raise WaitFailed("The capacity provider %s was still %s after %s seconds (wait_timeout). AWS goes on; "
                                 "run the task again to wait for it, or raise wait_timeout." % (self.name, state, timeout),
                                 state=state)
            delay = min(WAIT_DELAY, timeout - waited)
            time.sleep(delay)
            waited += delay
            answer = self.get()

    # ------------------------------------------------------------------ result
    def predicted_arn(self):
        """The ARN of a provider to be created (see base.predicted_arn)."""
        return predicted_arn(self.task, self.client, self.name, "capacity-provider", "capacity provider",
                             "capacity_provider.capacity_provider_arn")

    def result(self, plan):
        """capacity_provider (as AWS answered, as read, or predicted) and function_versions; {} when absent.

        A prediction is the provider as read with the change overlaid (what UpdateCapacityProvider leaves), or for
        one to be created the fields sent, its ARN (:meth:`predicted_arn`), and State and LastModified null."""
        if not self.present:
            return {}
        if plan.result is not None:
            provider = plan.result
        elif plan.action is None:
            provider = self.current
        elif plan.action == "create":
            provider = dict(reconcile.without_none(plan.changes), CapacityProviderArn=self.predicted_arn(),
                            State=None, LastModified=None)
        else:
            provider = dict(self.current, LastModified=None)
            provider.update((field, value if field in WHOLE else overlay(self.current.get(field), value))
                            for field, value in plan.changes.items())
        return dict(capacity_provider=provider_view(provider),
                    function_versions=reconcile.snake_dict(self.function_versions))
