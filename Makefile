# Tests and demo of the cloudfn.aws_lambda collection.
#
# Every target sets up what it needs from a fresh clone (virtual environments,
# the ansible_collections/ copy that ansible-test needs, the local AWS
# endpoint) and can be run again. `make test` is what CI runs (.ci/run).
#
#   make endpoint-check  pytest of the local AWS endpoints (moto, LocalStack) and the request log (tests/utils)
#   make sanity       ansible-test sanity on the newest ansible-core
#   make units        ansible-test units on the newest and the oldest ansible-core
#   make integration  ansible-test integration against the local endpoint (moto), both cores
#   make integration-localstack  the targets moto cannot prove, against LocalStack (docs/testing.md)
#   make lint         ansible-lint --profile production
#   make build-check  build the collection tarball, install it, load lambda_function
#   make docs-check   the generated reference (docs/reference/) and CHANGELOG.rst are current, the docs lint clean
#   make docs         regenerate docs/reference/, docs/api-coverage.md and CHANGELOG.rst (docs/build/docs.sh all)
#   make test         all of the above, then one summary line per step
#   make demo         deploy demo/deploy.yml twice against the local endpoint
#   make benchmark    count the Lambda API calls of each lambda_function scenario (benchmarks/)
#   make benchmark-side-by-side  the same scenarios with amazon.aws's Lambda modules, side by side (docs/benchmarks.md)
#   make amazon-aws-targets AMAZON_AWS_SRC=DIR  amazon.aws's own Lambda targets, as they are and renamed to ours (docs/migrating.md)
#   make endpoint-start / endpoint-stop   a local endpoint in .cache/endpoint for manual runs and benchmarks (ENDPOINT=localstack: LocalStack)
#   make localstack-venv  LocalStack's venv (Python 3.13, from the lock tests/requirements-localstack.txt)
#   make clean        remove .build/ and .cache/ (keeps the venvs); distclean: also .venv/

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

NEWEST_CORE := 2.21
OLDEST_CORE := 2.17
CORES := $(NEWEST_CORE) $(OLDEST_CORE)
TEST_STEPS := endpoint-check sanity units integration integration-localstack lint build-check docs-check

# ansible-core 2.20+ needs Python 3.12+; every venv and ansible-test run uses 3.12.
PYTHON_VERSION := 3.12
comma := ,
ifeq ($(origin PYTHON312),undefined)
PYTHON312 := $(shell for p in python$(PYTHON_VERSION) $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$(PYTHON_VERSION)*/bin/python$(PYTHON_VERSION) /usr/local/bin/python$(PYTHON_VERSION) /usr/bin/python$(PYTHON_VERSION); do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == ($(subst .,$(comma),$(PYTHON_VERSION)))' >/dev/null 2>&1 && { command -v "$$p"; break; }; done)
endif
# LocalStack (the second local endpoint, ENDPOINT=localstack) does not import on 3.12: it has a venv of 3.13.
LOCALSTACK_PYTHON_VERSION := 3.13
ifeq ($(origin PYTHON313),undefined)
PYTHON313 := $(shell for p in python$(LOCALSTACK_PYTHON_VERSION) $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$(LOCALSTACK_PYTHON_VERSION)*/bin/python$(LOCALSTACK_PYTHON_VERSION) /usr/local/bin/python$(LOCALSTACK_PYTHON_VERSION) /usr/bin/python$(LOCALSTACK_PYTHON_VERSION); do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == ($(subst .,$(comma),$(LOCALSTACK_PYTHON_VERSION)))' >/dev/null 2>&1 && { command -v "$$p"; break; }; done)
endif

BUILD_ROOT := $(CURDIR)/.build
COLLECTION := $(BUILD_ROOT)/ansible_collections/cloudfn/aws_lambda
CACHE := $(CURDIR)/.cache
ENDPOINT_STATE := $(CACHE)/endpoint
# Which local endpoint endpoint-start/-stop and integration-* run: moto (the default) or localstack.
ENDPOINT := moto
LOCALSTACK_VENV := $(CURDIR)/.venv/localstack
# What tests/utils/endpoint.py needs for ENDPOINT=localstack: the venv, and the option that names its Python.
ifeq ($(ENDPOINT),localstack)
endpoint_prereqs := $(LOCALSTACK_VENV)/.ready
endpoint_options := --localstack $(LOCALSTACK_VENV)/bin/python
endpoint_suffix := -localstack
else ifeq ($(ENDPOINT),moto)
endpoint_prereqs :=
endpoint_options :=
endpoint_suffix :=
else
$(error ENDPOINT must be moto or localstack, not $(ENDPOINT))
endif
ANSIBLE_TEST_CACHE := $(HOME)/.ansible/test/cache

venv = $(CURDIR)/.venv/core-$(1)
# pip's configuration here names index directories that may not exist: keep its warnings out of the logs.
QUIET_PIP := { grep -v "is ignored: it is neither a file nor a directory" || true; }
# ansible-test looks for `python3.12` on PATH: the venv's comes first (a pyenv shim may not work).
ansible_test = cd $(COLLECTION) && PATH="$(call venv,$(1))/bin:$(dir $(PYTHON312)):$$PATH" $(call venv,$(1))/bin/ansible-test

.PHONY: help
help:
	@sed -n 's/^#   make /make /p' $(MAKEFILE_LIST)

# --- virtual environments ---------------------------------------------------

.PHONY: venv venvs python312 python313 localstack-venv
venv: $(call venv,$(NEWEST_CORE))/.ready
localstack-venv: $(LOCALSTACK_VENV)/.ready
venvs: $(foreach core,$(CORES),$(call venv,$(core))/.ready) .venv/lint/.ready .venv/docs/.ready

python312:
	@test -n "$(PYTHON312)" || { echo "Python $(PYTHON_VERSION) not found (python$(PYTHON_VERSION) on PATH or ~/.pyenv/versions/$(PYTHON_VERSION)*); set PYTHON312=/path/to/python$(PYTHON_VERSION)" >&2; exit 1; }

python313:
	@test -n "$(PYTHON313)" || { echo "Python $(LOCALSTACK_PYTHON_VERSION) not found (python$(LOCALSTACK_PYTHON_VERSION) on PATH or ~/.pyenv/versions/$(LOCALSTACK_PYTHON_VERSION)*); set PYTHON313=/path/to/python$(LOCALSTACK_PYTHON_VERSION)" >&2; exit 1; }

# One venv per ansible-core version.
$(CURDIR)/.venv/core-%/.ready: tests/requirements-%.txt tests/requirements-common.txt | python312
	rm -rf $(@D)
	$(PYTHON312) -m venv $(@D)
	$(@D)/bin/pip install --quiet --disable-pip-version-check -r $< 2>&1 | $(QUIET_PIP)
	$(@D)/bin/python -c 'from ansible.release import __version__ as core; import boto3, moto; print("$(@D): ansible-core", core, "boto3", boto3.__version__, "moto", moto.__version__)'
	touch $@

# `ansible-test --venv` bootstraps pip in the environments it creates with
# ~/.ansible/test/cache/get_pip_<pip version>.py, downloaded from a host we
# cannot reach unless the file is there: put our offline stand-in there, under
# the pip version this ansible-test asks for.
.PHONY: $(addprefix pip-bootstrap-,$(CORES))
$(addprefix pip-bootstrap-,$(CORES)): pip-bootstrap-%: $(call venv,%)/.ready
	@pip_version=$$($(call venv,$*)/bin/python -c 'import types; from ansible_test._internal.python_requirements import get_venv_packages; print(get_venv_packages(types.SimpleNamespace(version="$(PYTHON_VERSION)"))["pip"])'); \
	target=$(ANSIBLE_TEST_CACHE)/get_pip_$${pip_version//./_}.py; \
	mkdir -p $(ANSIBLE_TEST_CACHE); \
	cmp -s tests/utils/get_pip.py $$target || { cp tests/utils/get_pip.py $$target; echo "installed $$target (offline pip bootstrap for ansible-test)"; }

# LocalStack from a full lock (every package pinned): --no-deps, so pip's resolver never picks a newer release.
$(LOCALSTACK_VENV)/.ready: tests/requirements-localstack.txt | python313
	rm -rf $(@D)
	$(PYTHON313) -m venv $(@D)
	$(@D)/bin/pip install --quiet --disable-pip-version-check --no-deps -r $< 2>&1 | $(QUIET_PIP)
	$(@D)/bin/python -c 'from importlib.metadata import version as v; import localstack.services.lambda_.provider; print("$(@D): localstack-core", v("localstack-core"))'
	touch $@

.venv/lint/.ready: tests/requirements-lint.txt | python312
	rm -rf $(@D)
	$(PYTHON312) -m venv $(@D)
	$(@D)/bin/pip install --quiet --disable-pip-version-check -r $< 2>&1 | $(QUIET_PIP)
	touch $@

.venv/docs/.ready: tests/requirements-docs.txt | python312
	rm -rf $(@D)
	$(PYTHON312) -m venv $(@D)
	$(@D)/bin/pip install --quiet --disable-pip-version-check -r $< 2>&1 | $(QUIET_PIP)
	touch $@

# --- documentation ------------------------------------------------------------

.PHONY: docs docs-check
# docs/api-coverage.md is written from botocore's model, with the newest core's venv.
docs: .venv/docs/.ready $(call venv,$(NEWEST_CORE))/.ready
	PYTHON312=$(PYTHON312) docs/build/docs.sh all
docs-check: .venv/docs/.ready $(call venv,$(NEWEST_CORE))/.ready
	PYTHON312=$(PYTHON312) docs/build/docs.sh check

# --- the copy ansible-test runs in ------------------------------------------

# ansible-test needs the collection at .../ansible_collections/NAMESPACE/NAME:
# copy the files git tracks or would track (not ignored), fresh every time.
# ansible-test lists a collection's files with git when it finds a .git in the
# collection or above it: this repository's would list nothing under the
# ignored .build/, so the copy gets an empty repository of its own (its files
# are then listed as untracked, .gitignore still applies).
copy_collection = rm -rf $(1) && mkdir -p $(1) && \
	git ls-files -z --cached --others --exclude-standard \
		| while IFS= read -r -d '' f; do [[ -e "$$f" ]] && printf '%s\0' "$$f"; done \
		| tar --null --files-from=- -cf - | tar -xf - -C $(1) && \
	git -C $(1) -c init.defaultBranch=main init --quiet

.PHONY: collection
collection:
	$(call copy_collection,$(COLLECTION))

# --- test steps ---------------------------------------------------------------

.PHONY: endpoint-check
# LocalStack's venv is built here, so its checks (tests/utils/test_localstack_endpoint.py) are never skipped in CI.
endpoint-check: $(call venv,$(NEWEST_CORE))/.ready $(LOCALSTACK_VENV)/.ready
	CLOUDFN_LOCALSTACK_PYTHON=$(LOCALSTACK_VENV)/bin/python $(call venv,$(NEWEST_CORE))/bin/python -m pytest -p no:cacheprovider tests/utils

.PHONY: sanity
sanity: pip-bootstrap-$(NEWEST_CORE) collection
	$(call ansible_test,$(NEWEST_CORE)) sanity --venv --python $(PYTHON_VERSION) --color no

.PHONY: units $(addprefix units-,$(CORES))
units: $(addprefix units-,$(CORES))
$(addprefix units-,$(CORES)): units-%: pip-bootstrap-% collection
	$(call ansible_test,$*) units --venv --python $(PYTHON_VERSION) --color no

# The endpoint is stopped however the run ends (trap). The modules run on the
# controller (local connection); tests/integration/requirements.txt gives its venv boto3.
# INTEGRATION_TARGETS="lambda_alias lambda_info": only those targets. ENDPOINT=localstack: against LocalStack. Both cores run at once, each in a copy of its own (ansible-test writes tests/output/ and the
# integration config into the copy) against an endpoint of its own; the output of each is shown
# whole when it ends.
integration_copy = $(BUILD_ROOT)/integration-$(1)$(endpoint_suffix)/ansible_collections/cloudfn/aws_lambda
# On LocalStack, without INTEGRATION_TARGETS, each core runs its share of the targets that show what moto cannot
# (AWS's states and waits, revisions, operations moto lacks); docs/testing.md says why these and not the others.
# The two shares run at once and should end together (in the CI run of f610822, with role_deploy and
# lambda_code_signing_config on 2.21: 474 s of tasks there, 260 s on 2.17; so those two moved; docs/testing.md).
LOCALSTACK_TARGETS_$(NEWEST_CORE) := lambda_function lambda_policy lambda_provisioned_concurrency lambda_resource_policy \
  lambda_capacity_provider lambda_durable_execution
LOCALSTACK_TARGETS_$(OLDEST_CORE) := lambda_alias lambda_event_source lambda_invoke lambda_info lambda_function_url \
  role_deploy lambda_code_signing_config
integration_targets = $(or $(INTEGRATION_TARGETS),$(if $(endpoint_suffix),$(LOCALSTACK_TARGETS_$(1))))
.PHONY: integration integration-localstack $(addprefix integration-,$(CORES))
integration: $(addprefix pip-bootstrap-,$(CORES))
	$(MAKE) --no-print-directory --keep-going -j$(words $(CORES)) --output-sync=target $(addprefix integration-,$(CORES))
integration-localstack:
	$(MAKE) --no-print-directory integration ENDPOINT=localstack
$(addprefix integration-,$(CORES)): integration-%: pip-bootstrap-% $(endpoint_prereqs)
	$(call copy_collection,$(call integration_copy,$*))
	state=$(ENDPOINT_STATE)-integration-$*$(endpoint_suffix); copy=$(call integration_copy,$*); \
	endpoint="$(call venv,$*)/bin/python $(CURDIR)/tests/utils/endpoint.py"; \
	trap "$$endpoint stop --state-dir $$state" EXIT; \
	$$endpoint start --state-dir $$state $(endpoint_options); \
	$$endpoint integration-config --state-dir $$state > $$copy/tests/integration/integration_config.yml; \
	cat $$copy/tests/integration/integration_config.yml; \
	cd $$copy && PATH="$(call venv,$*)/bin:$(dir $(PYTHON312)):$$PATH" $(call venv,$*)/bin/ansible-test \
		integration --venv --python $(PYTHON_VERSION) --color no $(call integration_targets,$*)

# Playbooks that use the collection (demo/, the integration targets) resolve it from the .build copy.
.PHONY: lint
lint: .venv/lint/.ready collection
	PATH="$(CURDIR)/.venv/lint/bin:$$PATH" ANSIBLE_COLLECTIONS_PATH=$(BUILD_ROOT) \
		.venv/lint/bin/ansible-lint --nocolor --profile production

# Build the tarball from the clean copy, install it elsewhere, and load the module from there.
BUILD_CHECK := $(CACHE)/build-check
.PHONY: build-check
build-check: $(call venv,$(NEWEST_CORE))/.ready collection
	rm -rf $(BUILD_CHECK) && mkdir -p $(BUILD_CHECK)/dist
	cd $(COLLECTION) && $(call venv,$(NEWEST_CORE))/bin/ansible-galaxy collection build --force --output-path $(BUILD_CHECK)/dist
	ANSIBLE_COLLECTIONS_PATH=$(BUILD_CHECK)/installed $(call venv,$(NEWEST_CORE))/bin/ansible-galaxy collection install \
		--force -p $(BUILD_CHECK)/installed $(BUILD_CHECK)/dist/cloudfn-aws_lambda-*.tar.gz
	ANSIBLE_COLLECTIONS_PATH=$(BUILD_CHECK)/installed $(call venv,$(NEWEST_CORE))/bin/ansible-doc --json cloudfn.aws_lambda.lambda_function \
		> $(BUILD_CHECK)/lambda_function.json
	$(call venv,$(NEWEST_CORE))/bin/python -c 'import json, sys; doc = json.load(open(sys.argv[1]))["cloudfn.aws_lambda.lambda_function"]["doc"]; \
		print("ansible-doc:", doc["collection"] + "." + doc["module"], "-", doc["short_description"])' $(BUILD_CHECK)/lambda_function.json
	cd $(BUILD_CHECK)/installed && $(call venv,$(NEWEST_CORE))/bin/python -c \
		'import ansible_collections.cloudfn.aws_lambda.plugins.modules.lambda_function as module; print("imported:", module.__file__)'

# Run every step (and both cores of a step) even when one fails; then one line per step and a total.
.PHONY: test
test:
	@rm -f $(CACHE)/test-summary; mkdir -p $(CACHE); failed=0; \
	for step in $(TEST_STEPS); do \
		started=$$(date +%s); \
		if $(MAKE) --keep-going --no-print-directory $$step; then result=passed; else result=FAILED; failed=$$((failed + 1)); fi; \
		printf '%-15s %-7s %5ss\n' "$$step" "$$result" "$$(( $$(date +%s) - started ))" >> $(CACHE)/test-summary; \
	done; \
	echo; echo "== make test summary =="; cat $(CACHE)/test-summary; \
	echo "steps: $$(( $(words $(TEST_STEPS)) - failed )) passed, $$failed failed"; \
	exit $$(( failed > 0 ))

# --- demo -------------------------------------------------------------------

# Shell lines that start an endpoint in $(ENDPOINT_STATE)-NAME, stop it however the recipe
# ends, and set $$url and $$role_arn for the lines after them.
with_endpoint = state=$(ENDPOINT_STATE)-$(1); \
	endpoint="$(call venv,$(NEWEST_CORE))/bin/python $(CURDIR)/tests/utils/endpoint.py"; \
	trap "$$endpoint stop --state-dir $$state" EXIT; \
	url=$$($$endpoint start --state-dir $$state); \
	role_arn=$$($(call venv,$(NEWEST_CORE))/bin/python -c 'import json, sys; print(json.load(open(sys.argv[1]))["role_arn"])' $$state/endpoint.json);

# Deploy twice: the first run creates (changed), the second changes nothing (ok).
.PHONY: demo
demo: $(call venv,$(NEWEST_CORE))/.ready collection
	$(call with_endpoint,demo) \
	for run in 1 2; do \
		echo "== demo run $$run of 2 =="; \
		ANSIBLE_COLLECTIONS_PATH=$(BUILD_ROOT) ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
			$(call venv,$(NEWEST_CORE))/bin/ansible-playbook demo/deploy.yml -e endpoint_url=$$url -e lambda_role_arn=$$role_arn \
			| tee $(CACHE)/demo-run-$$run.log; \
	done; \
	for run in 1 2; do \
		echo "== recap of run $$run =="; sed -n '/^PLAY RECAP/,$$p' $(CACHE)/demo-run-$$run.log; \
	done

# For manual runs and benchmarks: tests/utils/requestlog.py finds this one by default.
.PHONY: endpoint-start endpoint-stop
endpoint-start: $(call venv,$(NEWEST_CORE))/.ready $(endpoint_prereqs)
	$(call venv,$(NEWEST_CORE))/bin/python tests/utils/endpoint.py start --state-dir $(ENDPOINT_STATE) $(endpoint_options)
	@cat $(ENDPOINT_STATE)/endpoint.json
endpoint-stop:
	$(call venv,$(NEWEST_CORE))/bin/python tests/utils/endpoint.py stop --state-dir $(ENDPOINT_STATE)

# --- housekeeping -------------------------------------------------------------

.PHONY: clean distclean
clean:
	rm -rf $(BUILD_ROOT) $(CACHE)
distclean: clean
	rm -rf .venv

# --- benchmark ------------------------------------------------------------------

# Lambda API calls per lambda_function scenario, counted from the endpoint's request log.
.PHONY: benchmark
benchmark: $(call venv,$(NEWEST_CORE))/.ready collection
	$(call with_endpoint,benchmark) \
	PATH="$(call venv,$(NEWEST_CORE))/bin:$$PATH" ANSIBLE_COLLECTIONS_PATH=$(BUILD_ROOT) ANSIBLE_LOCALHOST_WARNING=false \
		ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
		$(call venv,$(NEWEST_CORE))/bin/python benchmarks/api_calls.py --endpoint-url $$url --role-arn $$role_arn \
		--markdown benchmarks/results/api-calls.md

# --- side-by-side benchmark with amazon.aws ----------------------------------------

# amazon.aws as the `ansible` package ships it, in a venv of its own.
AMAZON_AWS_VENV := $(CURDIR)/.venv/amazon-aws
$(AMAZON_AWS_VENV)/.ready: benchmarks/requirements-amazon-aws.txt | python312
	rm -rf $(@D)
	$(PYTHON312) -m venv $(@D)
	$(@D)/bin/pip install --quiet --disable-pip-version-check -r $< 2>&1 | $(QUIET_PIP)
	$(@D)/bin/python -c 'from importlib.metadata import version as v; print("$(@D): ansible", v("ansible"), "ansible-core", v("ansible-core"), "boto3", v("boto3"))'
	touch $@

# The same scenarios with this collection and with amazon.aws against one local endpoint:
# writes benchmarks/results/side_by_side.{md,json} and the results section of docs/benchmarks.md.
.PHONY: benchmark-side-by-side
benchmark-side-by-side: $(call venv,$(NEWEST_CORE))/.ready $(AMAZON_AWS_VENV)/.ready collection
	$(call with_endpoint,side-by-side) \
	$(call venv,$(NEWEST_CORE))/bin/python benchmarks/side_by_side.py --endpoint-url $$url --role-arn $$role_arn \
		--ours-venv $(call venv,$(NEWEST_CORE)) --theirs-venv $(AMAZON_AWS_VENV) --collections-path $(BUILD_ROOT) \
		--results benchmarks/results --docs docs/benchmarks.md

# --- amazon.aws's own Lambda integration targets, as they are and migrated ----------------

# AMAZON_AWS_SRC: an amazon.aws checkout (work tree or git directory); its tests are not in the wheel.
# The endpoint runs Python handlers (the targets read what their function returns).
.PHONY: amazon-aws-targets
amazon-aws-targets: $(call venv,$(NEWEST_CORE))/.ready $(AMAZON_AWS_VENV)/.ready collection
	@test -n "$(AMAZON_AWS_SRC)" || { echo "give AMAZON_AWS_SRC=<amazon.aws checkout>"; exit 2; }
	state=$(ENDPOINT_STATE)-amazon-aws-targets; \
	endpoint="$(call venv,$(NEWEST_CORE))/bin/python $(CURDIR)/tests/utils/endpoint.py"; \
	trap "$$endpoint stop --state-dir $$state" EXIT; \
	url=$$($$endpoint start --state-dir $$state --run-python); \
	$(call venv,$(NEWEST_CORE))/bin/python tests/migration/amazon_aws_targets.py --source $(AMAZON_AWS_SRC) \
		--venv $(AMAZON_AWS_VENV) --collections-path $(BUILD_ROOT) --endpoint-url $$url --logs $(CACHE)/amazon-aws-targets
