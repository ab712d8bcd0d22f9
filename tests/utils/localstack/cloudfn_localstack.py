"""The test tree's additions to LocalStack, for the second local endpoint (tests/utils/endpoint.py --localstack).

Runs inside LocalStack's own process (its venv's Python 3.13), with this directory and tests/utils on
PYTHONPATH; endpoint.py starts LocalStack as ``python cloudfn_localstack.py`` (``main`` below), not as
``python -m localstack.runtime.main``, so that the corrections below are made before LocalStack loads
its Lambda provider.

The runtime executor ``cloudfn-local``
--------------------------------------
LocalStack's stock executor runs every function in a Docker container: preparing a version downloads
LocalStack's runtime init and pulls the runtime's image, so without Docker every function ends
``Failed``. LocalStack loads executors as plugins (entry point group
``localstack.lambda.runtime_executor``, chosen by ``LAMBDA_RUNTIME_EXECUTOR``); the entry point is
declared in ``cloudfn_localstack-0.dist-info/entry_points.txt`` beside this file, which LocalStack's
plugin finder sees because this directory is on the path. This executor prepares nothing (a function
goes ``Pending`` -> ``Active``, an update ``InProgress`` -> ``Successful``, as on AWS) and runs an
invocation of a Zip function with a ``python*`` runtime as a child process of LocalStack's own Python
(3.13, whatever version the runtime names): the handler's return value is the payload, an exception
gives ``FunctionError: Unhandled`` with AWS's error document, what it printed is the log, the timeout
is the function's. The child gets the environment LocalStack gives a function (region, function name
and version, credentials of the execution role, ``AWS_ENDPOINT_URL`` of LocalStack itself) and the
function's own variables, the code's directory as working directory and ``LAMBDA_TASK_ROOT``, and its
layers' ``python/`` directories on ``PYTHONPATH`` (AWS's ``/opt/python``). Any other runtime, or an
image function, gives an ``Unhandled`` function error that says so.

The corrections
---------------
LocalStack 2026.3.0's AddPermission drops ``InvokedViaFunctionUrl``; AWS stores it as the condition
``{"Bool": {"lambda:InvokedViaFunctionUrl": "true"}}`` (and answers the statement with it).
``mend_invoked_via_function_url`` adds it to the stored statement and to the answer.
LocalStack 2026.3.0's UpdateAlias fails every request that sets AdditionalVersionWeights with an
InternalError (a missing argument in its own code): ``mend_update_alias_routing`` passes the version the
alias points to, so the weights are checked and kept as on AWS. Its AddPermission refuses service principals
outside ``*.amazonaws.com`` (AWS takes ``alexa-appkit.amazon.com``): ``mend_service_principals`` stores them
as ``{"Service": PRINCIPAL}``, as AWS does. Its GetFunctionConfiguration does not resolve an alias given as the
qualifier (ResourceNotFound; its GetFunction does): ``mend_configuration_of_alias`` answers as GetFunction.
Its DeleteProvisionedConcurrencyConfig on an alias removes the configuration and then fails with InternalError
(it looks for the alias's ARN among the running versions); botocore sends it again, which answers success, but the
version's environments stay: ``mend_delete_provisioned_concurrency_of_alias`` releases the environments of the
version the alias points to, as for a version. A change of the number of an existing configuration leaves it
READY with the old counts until the new environments are up (AWS: IN_PROGRESS until then), and then says READY
with Allocated and Available the new number plus the old one (it counts the environments it stopped; AWS reports
the ones it keeps ready): ``mend_provisioned_concurrency_update`` makes it IN_PROGRESS at once and stops the old
environments before starting the new ones, so only those are counted. When an UpdateEventSourceMapping replaces
a mapping's poller, the replaced one writes Disabled into the stored mapping as it stops, at times after the new
one wrote Enabled, so the list shows an Enabled mapping as Disabled: ``mend_replaced_mapping_poller`` keeps the
replaced poller from writing. Its CreateFunction ignores CodeSigningConfigArn (``mend_create_function_code_signing``
keeps it, and refuses one that does not exist, as AWS does), and it has no tags for code signing configurations
(CreateCodeSigningConfig drops them, TagResource/UntagResource/ListTags answer HTTP 501 for the configuration's ARN):
``mend_code_signing_config_tags`` keeps them with the other resources' tags. Its CreateFunction and
UpdateFunctionCode ignore the customer managed key of the .zip package (SourceKMSKeyArn), which GetFunction never
answers (AWS keeps the key given with the code and answers it in ``Code.SourceKMSKeyArn``): ``mend_source_kms_key``
keeps it with the code. An operation newer than its botocore
1.42 model is answered HTTP 500 InternalError, which botocore retries ten times: ``mend_unknown_operation`` answers
HTTP 501, as LocalStack does for an operation it knows but does not emulate.
"""

import functools
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from endpoint import PYTHON_BOOTSTRAP  # noqa: E402  pylint: disable=wrong-import-position

EXECUTOR_NAME = "cloudfn-local"


def mend_invoked_via_function_url():
    """AddPermission keeps InvokedViaFunctionUrl as AWS does: a Bool condition on the statement."""
    from localstack.services.lambda_ import api_utils
    from localstack.services.lambda_.provider import LambdaProvider

    original = LambdaProvider.add_permission

    @functools.wraps(original)  # keeps the @handler marks LocalStack dispatches on
    def add_permission(self, context, request):
        answer = original(self, context, request)
        if not request.get("InvokedViaFunctionUrl"):
            return answer
        statement = json.loads(answer["Statement"])
        name, qualifier = api_utils.get_name_and_qualifier(request.get("FunctionName"), request.get("Qualifier"), context)
        account, region = api_utils.get_account_and_region(request.get("FunctionName"), context)
        function = self._get_function(name, account, region)  # pylint: disable=protected-access
        resolved, _arn = self._resolve_fn_qualifier(function, qualifier)  # pylint: disable=protected-access
        for stored in function.permissions[resolved].policy.Statement:
            if stored["Sid"] == statement["Sid"]:
                stored.setdefault("Condition", {}).setdefault("Bool", {})["lambda:InvokedViaFunctionUrl"] = "true"
                statement = stored
        answer["Statement"] = json.dumps(statement)
        return answer

    LambdaProvider.add_permission = add_permission


def mend_configuration_of_alias():
    """GetFunctionConfiguration with an alias as the qualifier answers the configuration of the version the alias
    points to, as AWS (and LocalStack's own GetFunction) does; LocalStack 2026.3.0 answers ResourceNotFound."""
    from localstack.services.lambda_ import api_utils
    from localstack.services.lambda_.provider import LambdaProvider

    original = LambdaProvider.get_function_configuration

    @functools.wraps(original)
    def get_function_configuration(self, context, function_name, qualifier=None, **kwargs):
        _name, resolved = api_utils.get_name_and_qualifier(function_name, qualifier, context)
        if resolved and api_utils.qualifier_is_alias(resolved):
            return self.get_function(context, function_name, qualifier, **kwargs)["Configuration"]
        return original(self, context, function_name, qualifier, **kwargs)

    LambdaProvider.get_function_configuration = get_function_configuration


def mend_service_principals():
    """AddPermission takes a service principal outside ``*.amazonaws.com`` (``alexa-appkit.amazon.com``), as
    AWS does; LocalStack 2026.3.0 refuses it as an invalid principal."""
    from localstack.services.lambda_ import api_utils

    build_statement = api_utils.build_statement

    @functools.wraps(build_statement)
    def build_statement_for_services(*args, **kwargs):
        principal = kwargs.get("principal")
        if not (principal or "").endswith(".amazon.com"):
            return build_statement(*args, **kwargs)
        statement = build_statement(*args, **dict(kwargs, principal="placeholder.amazonaws.com"))
        statement["Principal"] = {"Service": principal}
        return statement

    api_utils.build_statement = build_statement_for_services


def mend_update_alias_routing():
    """UpdateAlias with AdditionalVersionWeights works (LocalStack 2026.3.0 fails it with InternalError: its
    ``_create_routing_config_model`` is called without the alias's target version). The check is made against
    the version the alias points to after the update (the request's FunctionVersion, else the current one)."""
    import threading

    from localstack.services.lambda_ import api_utils
    from localstack.services.lambda_.provider import LambdaProvider

    target = threading.local()
    update_alias, create_model = LambdaProvider.update_alias, LambdaProvider._create_routing_config_model  # pylint: disable=protected-access

    @functools.wraps(update_alias)
    def update_alias_with_target(self, context, function_name, name, function_version=None, *args, **kwargs):
        account, region = api_utils.get_account_and_region(function_name, context)
        try:
            function = self._get_function(api_utils.get_function_name(function_name, context), account, region)  # pylint: disable=protected-access
            alias = function.aliases.get(name)
            target.version = function.versions.get(function_version or (alias.function_version if alias else None))
        except Exception:  # pylint: disable=broad-except
            target.version = None  # LocalStack's own call answers the missing function or alias
        try:
            return update_alias(self, context, function_name, name, function_version, *args, **kwargs)
        finally:
            target.version = None

    def create_routing_config_model(self, routing_config_dict, function_version=None):
        return create_model(self, routing_config_dict, function_version or getattr(target, "version", None))

    LambdaProvider.update_alias = update_alias_with_target
    LambdaProvider._create_routing_config_model = create_routing_config_model  # pylint: disable=protected-access


def mend_delete_provisioned_concurrency_of_alias():
    """DeleteProvisionedConcurrencyConfig of an alias answers success once and releases the environments of the
    version the alias points to, as AWS does; LocalStack 2026.3.0 removes the configuration, then fails with
    InternalError (no running version has the alias's ARN), so botocore's retry answers success and the
    environments stay."""
    from localstack.services.lambda_ import api_utils
    from localstack.services.lambda_.provider import LambdaProvider, lambda_stores

    original = LambdaProvider.delete_provisioned_concurrency_config

    @functools.wraps(original)
    def delete_provisioned_concurrency_config(self, context, function_name, qualifier, **kwargs):
        name, resolved = api_utils.get_name_and_qualifier(function_name, qualifier, context)
        if not (resolved and api_utils.qualifier_is_alias(resolved)):
            return original(self, context, function_name, qualifier, **kwargs)
        config = self._get_provisioned_config(context, name, resolved)  # pylint: disable=protected-access
        if config:
            account, region = api_utils.get_account_and_region(function_name, context)
            function = lambda_stores[account][region].functions[name]
            function.provisioned_concurrency_configs.pop(resolved)
            version_arn = api_utils.qualified_lambda_arn(name, function.aliases[resolved].function_version, account, region)
            self.lambda_service.get_lambda_version_manager(version_arn).update_provisioned_concurrency_config(0)
        return None

    LambdaProvider.delete_provisioned_concurrency_config = delete_provisioned_concurrency_config


def mend_provisioned_concurrency_update():
    """A PutProvisionedConcurrencyConfig that changes the number makes the configuration IN_PROGRESS until the new
    environments are up, and READY with Allocated and Available the new number, as on AWS; LocalStack 2026.3.0
    keeps it READY with the old counts meanwhile, then counts the environments it stopped as well (2 -> 3 gives 5).
    The status is set while LocalStack's lock is held, so its own READY comes after; the old environments are
    stopped (at once: this executor has nothing to tear down) before LocalStack starts the new ones, so its count
    holds only those."""
    from localstack.aws.api.lambda_ import ProvisionedConcurrencyStatusEnum
    from localstack.services.lambda_.invocation.assignment import AssignmentService
    from localstack.services.lambda_.invocation.lambda_models import InitializationType
    from localstack.services.lambda_.invocation.version_manager import LambdaVersionManager

    update, scale = LambdaVersionManager.update_provisioned_concurrency_config, AssignmentService.scale_provisioned_concurrency

    @functools.wraps(update)
    def update_provisioned_concurrency_config(self, provisioned_concurrent_executions):
        with self.provisioned_state_lock:  # an RLock, which LocalStack's own call takes again
            future = update(self, provisioned_concurrent_executions)
            if self.provisioned_state is not None:
                self.provisioned_state.status = ProvisionedConcurrencyStatusEnum.IN_PROGRESS
                self.provisioned_state.status_reason = None
            return future

    @functools.wraps(scale)
    def scale_provisioned_concurrency(self, version_manager_id, function_version, target_provisioned_environments):
        for environment in list(self.environments[version_manager_id].values()):
            if environment.initialization_type == InitializationType.provisioned_concurrency:
                self.stop_environment(environment)
        return scale(self, version_manager_id, function_version, target_provisioned_environments)

    LambdaVersionManager.update_provisioned_concurrency_config = update_provisioned_concurrency_config
    AssignmentService.scale_provisioned_concurrency = scale_provisioned_concurrency


def mend_replaced_mapping_poller():
    """The poller an UpdateEventSourceMapping replaces no longer writes its state into the mapping, so the mapping
    is listed in the state its new poller gives it, as AWS answers it on every read. LocalStack 2026.3.0 stops the
    replaced poller, which writes Disabling and, once its thread ends, Disabled into the stored mapping, at times
    after the new poller wrote Enabled: ListEventSourceMappings then answers Disabled (GetEventSourceMapping the
    new poller's Enabled), and the next update with Enabled false answers Disabled instead of Disabling."""
    from localstack.services.lambda_.event_source_mapping.esm_worker import EsmWorker
    from localstack.services.lambda_.provider import LambdaProvider

    update, store_state = LambdaProvider.update_event_source_mapping_v2, EsmWorker.update_esm_state_in_store

    @functools.wraps(update)
    def update_event_source_mapping(self, context, request):
        replaced = self.esm_workers.get(request.get("UUID"))
        if replaced is not None:
            replaced.cloudfn_replaced = True
        try:
            return update(self, context, request)
        except Exception:
            if replaced is not None:
                replaced.cloudfn_replaced = False  # refused: it is still the mapping's poller
            raise

    @functools.wraps(store_state)
    def update_esm_state_in_store(self, new_state):
        if not getattr(self, "cloudfn_replaced", False):
            store_state(self, new_state)

    LambdaProvider.update_event_source_mapping_v2 = update_event_source_mapping
    EsmWorker.update_esm_state_in_store = update_esm_state_in_store


def mend_create_function_code_signing():
    """CreateFunction keeps CodeSigningConfigArn, as AWS does (LocalStack 2026.3.0 ignores the field: the function
    has no configuration and GetFunctionCodeSigningConfig answers none). A configuration that does not exist is
    refused before the function is made, with the error PutFunctionCodeSigningConfig gives."""
    from localstack.aws.api.lambda_ import CodeSigningConfigNotFoundException
    from localstack.services.lambda_.provider import LambdaProvider, lambda_stores

    original = LambdaProvider.create_function

    @functools.wraps(original)
    def create_function(self, context, request):
        arn = request.get("CodeSigningConfigArn")
        state = lambda_stores[context.account_id][context.region]
        if arn and arn not in state.code_signing_configs:
            raise CodeSigningConfigNotFoundException(
                "The code signing configuration cannot be found. Check that the provided configuration is not "
                "deleted: %s." % arn, Type="User")
        answer = original(self, context, request)
        if arn:
            state.functions[answer["FunctionName"]].code_signing_config_arn = arn
        return answer

    LambdaProvider.create_function = create_function


def mend_source_kms_key():
    """A function's .zip package keeps the customer managed key it is encrypted with, as on AWS: CreateFunction's
    Code.SourceKMSKeyArn and UpdateFunctionCode's SourceKMSKeyArn are kept with the code they came with (an
    UpdateFunctionCode without one goes back to the AWS owned key) and GetFunction answers the key of the version's
    code in Code.SourceKMSKeyArn (absent with the AWS owned key); LocalStack 2026.3.0 ignores the field. A
    published version has the code, so the key, of the version it was published from."""
    from localstack.services.lambda_ import api_utils
    from localstack.services.lambda_.provider import LambdaProvider, lambda_stores

    create, update, get = LambdaProvider.create_function, LambdaProvider.update_function_code, LambdaProvider.get_function
    keys = {}  # the id of a stored code archive -> the key it was given with

    def keep(context, function_name, key):
        account_id, region = api_utils.get_account_and_region(function_name, context)
        name, _qualifier = api_utils.get_name_and_qualifier(function_name, None, context)
        code = lambda_stores[account_id][region].functions[name].versions["$LATEST"].config.code
        if code is not None and key:
            keys[code.id] = key

    @functools.wraps(create)
    def create_function(self, context, request):
        answer = create(self, context, request)
        keep(context, answer["FunctionName"], (request.get("Code") or {}).get("SourceKMSKeyArn"))
        return answer

    @functools.wraps(update)
    def update_function_code(self, context, request):
        answer = update(self, context, request)
        keep(context, request["FunctionName"], request.get("SourceKMSKeyArn"))
        return answer

    @functools.wraps(get)
    def get_function(self, context, function_name, qualifier=None, **kwargs):
        answer = get(self, context, function_name, qualifier, **kwargs)
        account_id, region = api_utils.get_account_and_region(function_name, context)
        configuration = answer["Configuration"]
        function = lambda_stores[account_id][region].functions[configuration["FunctionName"]]
        code = function.versions[configuration["Version"]].config.code
        if code is not None and code.id in keys and answer.get("Code"):
            answer["Code"]["SourceKMSKeyArn"] = keys[code.id]
        return answer

    LambdaProvider.create_function = create_function
    LambdaProvider.update_function_code = update_function_code
    LambdaProvider.get_function = get_function


def mend_code_signing_config_tags():
    """Code signing configurations take tags, as on AWS: CreateCodeSigningConfig's Tags are kept, and TagResource,
    UntagResource and ListTags accept a configuration's ARN (LocalStack 2026.3.0 drops the Tags and answers the
    three with HTTP 501 "not yet implemented"); deleting a configuration drops its tags."""
    from localstack.aws.api.lambda_ import ResourceNotFoundException
    from localstack.services.lambda_.provider import LambdaProvider, lambda_stores
    from localstack.utils.aws.arns import parse_arn

    create = LambdaProvider.create_code_signing_config
    delete = LambdaProvider.delete_code_signing_config
    locate = LambdaProvider._get_account_id_and_region_for_taggable_resource  # pylint: disable=protected-access

    @functools.wraps(create)
    def create_code_signing_config(self, context, allowed_publishers, description=None,
                                   code_signing_policies=None, tags=None, **kwargs):
        answer = create(self, context, allowed_publishers, description, code_signing_policies, tags, **kwargs)
        if tags:
            self._store_tags(answer["CodeSigningConfig"]["CodeSigningConfigArn"], tags)  # pylint: disable=protected-access
        return answer

    @functools.wraps(delete)
    def delete_code_signing_config(self, context, code_signing_config_arn, **kwargs):
        answer = delete(self, context, code_signing_config_arn, **kwargs)
        self._remove_all_resource_tags(code_signing_config_arn, context.account_id, context.region)  # pylint: disable=protected-access
        return answer

    @functools.wraps(locate)
    def taggable_resource(self, resource):
        try:
            parsed = parse_arn(resource)
        except Exception:  # pylint: disable=broad-except
            return locate(self, resource)
        if not parsed.get("resource", "").startswith("code-signing-config:"):
            return locate(self, resource)
        account, region = parsed["account"], parsed["region"]
        if resource not in lambda_stores[account][region].code_signing_configs:
            raise ResourceNotFoundException(
                "The Lambda code signing configuration %s can not be found." % resource, Type="User")
        return account, region

    LambdaProvider.create_code_signing_config = create_code_signing_config
    LambdaProvider.delete_code_signing_config = delete_code_signing_config
    LambdaProvider._get_account_id_and_region_for_taggable_resource = taggable_resource  # pylint: disable=protected-access


def mend_unknown_operation():
    """An operation LocalStack's Lambda model does not have (its botocore 1.42 predates PutResourcePolicy, for one) is
    answered HTTP 501, as an operation it has but does not emulate is; LocalStack 2026.3.0 answers HTTP 500
    InternalError ("exception while calling lambda with unknown operation"), which botocore retries as a server fault
    (ten tries, 14 s) before the task fails with an error AWS never gives."""
    from localstack.aws.handlers.service import ServiceRequestParser
    from localstack.aws.protocol.parser import OperationNotFoundParserError

    original = ServiceRequestParser.parse_and_enrich

    @functools.wraps(original)
    def parse_and_enrich(self, context):
        try:
            return original(self, context)
        except OperationNotFoundParserError as error:
            if context.service.service_name != "lambda":
                raise
            # The 501 answer is built for an operation: any of the model's serves, as LocalStack's own answer
            # to an unknown operation does.
            context.operation = context.service.operation_model(context.service.operation_names[0])
            raise NotImplementedError("LocalStack's Lambda model has no such operation: %s" % error) from error

    ServiceRequestParser.parse_and_enrich = parse_and_enrich


def local_executor():
    """The RuntimeExecutor class (defined on first use: LocalStack is importable only in its own process)."""
    import tempfile

    from localstack import config
    from localstack.services.lambda_.invocation.lambda_models import InvocationResult
    from localstack.services.lambda_.invocation.runtime_executor import RuntimeExecutor

    class LocalExecutor(RuntimeExecutor):
        """Runs a Python handler per invocation in a child process; see the module's docstring."""

        env_vars = None
        logs = ""

        def start(self, env_vars):
            self.env_vars = {key: str(value) for key, value in env_vars.items()}

        def stop(self):
            pass

        def get_address(self):
            return "127.0.0.1"

        def get_endpoint_from_executor(self):
            return "127.0.0.1"

        def get_runtime_endpoint(self):
            return "http://127.0.0.1:%s/_localstack_lambda/%s" % (config.GATEWAY_LISTEN[0].port, self.id)

        def get_logs(self):
            return self.logs

        @classmethod
        def prepare_version(cls, function_version):
            pass

        @classmethod
        def cleanup_version(cls, function_version):
            pass

        def invoke(self, payload):
            settings = self.function_version.config
            request_id = payload["invoke-id"]
            runtime = settings.runtime or ""
            if not runtime.startswith("python") or settings.code is None or not hasattr(settings.code, "prepare_for_execution"):
                what = "runtime %s" % runtime if runtime else "an image function"
                return self.error(request_id, "Runtime.Unsupported",
                                  "the local test endpoint runs Python handlers of Zip functions only, not %s" % what)
            settings.code.prepare_for_execution()
            task_root = str(settings.code.get_unzipped_code_location())
            layer_paths = []
            for layer in settings.layers or []:
                if layer.code is not None:
                    layer.code.prepare_for_execution()
                    layer_paths.append(os.path.join(str(layer.code.get_unzipped_code_location()), "python"))
            env = dict(self.env_vars or {}, PATH=os.environ.get("PATH", ""), LAMBDA_TASK_ROOT=task_root,
                       PYTHONPATH=os.pathsep.join(layer_paths))
            env.update((key, str(value)) for key, value in (settings.environment or {}).items())
            with tempfile.TemporaryDirectory(prefix="cloudfn-invoke-") as scratch:
                result_path = os.path.join(scratch, "result.json")
                try:
                    run = subprocess.run(
                        [sys.executable, "-c", PYTHON_BOOTSTRAP % self.function_version.id.function_name,
                         settings.handler or "", result_path],
                        input=payload.get("payload") or "{}", cwd=task_root, env=env, capture_output=True, text=True,
                        timeout=int(settings.timeout or 3), check=False)
                    self.logs = run.stdout + run.stderr
                    with open(result_path, encoding="utf-8") as handle:
                        answer = json.load(handle)
                except subprocess.TimeoutExpired as expired:
                    self.logs = "%s%s" % (expired.stdout or "", expired.stderr or "")
                    return self.error(request_id, "Sandbox.Timedout", "Task timed out after %s seconds" % settings.timeout)
                except (OSError, ValueError) as error:
                    return self.error(request_id, "Runtime.ExitError", str(error))
            if "error" in answer:
                return InvocationResult(request_id, json.dumps(answer["error"]).encode(), is_error=True, logs=self.logs)
            return InvocationResult(request_id, json.dumps(answer.get("result")).encode(), is_error=False, logs=self.logs)

        def error(self, request_id, kind, message):
            document = {"errorMessage": message, "errorType": kind}
            self.logs = (self.logs or "") + message + "\n"
            return InvocationResult(request_id, json.dumps(document).encode(), is_error=True, logs=self.logs)

    return LocalExecutor


def executor_plugin():
    from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin

    class Plugin(RuntimeExecutorPlugin):
        name = EXECUTOR_NAME

        def load(self, *args, **kwargs):
            return local_executor()

    return Plugin


def __getattr__(name):
    """``LocalExecutorPlugin`` (the entry point) is made when LocalStack's plugin manager asks for it."""
    if name == "LocalExecutorPlugin":
        return executor_plugin()
    raise AttributeError(name)


def main():
    """Start LocalStack in this process (as ``python -m localstack.runtime.main``) with the corrections made."""
    os.environ.setdefault("LAMBDA_RUNTIME_EXECUTOR", EXECUTOR_NAME)
    mend_invoked_via_function_url()
    mend_update_alias_routing()
    mend_service_principals()
    mend_configuration_of_alias()
    mend_delete_provisioned_concurrency_of_alias()
    mend_provisioned_concurrency_update()
    mend_replaced_mapping_poller()
    mend_create_function_code_signing()
    mend_code_signing_config_tags()
    mend_source_kms_key()
    mend_unknown_operation()
    from localstack.runtime.main import main as localstack_main

    localstack_main()


if __name__ == "__main__":
    main()
