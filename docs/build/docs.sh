#!/usr/bin/env bash
# Documentation tooling of the cloudfn.aws_lambda collection (see docs/build/README.md).
#
#   docs/build/docs.sh reference        write docs/reference/ from the modules' and roles' own documentation
#   docs/build/docs.sh reference-check  fail when docs/reference/ differs from what `reference` would write
#   docs/build/docs.sh api-coverage     write docs/api-coverage.md from botocore's Lambda model and the modules' code
#   docs/build/docs.sh api-coverage-check  fail when docs/api-coverage.md is stale, or an operation is neither sent nor left out
#   docs/build/docs.sh lint             antsibull-docs lint-collection-docs --plugin-docs
#   docs/build/docs.sh changelog        write CHANGELOG.rst (release notes of the unreleased version, from the fragments)
#   docs/build/docs.sh changelog-check  antsibull-changelog lint, and fail when CHANGELOG.rst is stale
#   docs/build/docs.sh all              reference + api-coverage + changelog
#   docs/build/docs.sh check            lint + reference-check + api-coverage-check + changelog-check (what `make test` runs)
#
# Works from a fresh clone: the tools come from the virtual environment .venv/docs
# (tests/requirements-docs.txt), created here with Python 3.12 when it is missing or
# older than that file. The collection is read from the files git tracks or would track
# (not ignored), copied to a scratch directory, so whatever modules and roles exist
# when this runs are documented, and nothing of the working tree is changed except
# docs/reference/, docs/api-coverage.md and CHANGELOG.rst. The API coverage page needs botocore (the
# version tests/requirements-common.txt pins): it is written with the Python of the newest ansible-core
# venv (.venv/core-NEWEST_CORE of the Makefile, `make venv`), or $API_COVERAGE_PYTHON.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAMESPACE=cloudfn
NAME=aws_lambda
VENV=${DOCS_VENV:-$ROOT/.venv/docs}
REQUIREMENTS=$ROOT/tests/requirements-docs.txt
CONFIG=$ROOT/docs/build/antsibull-docs.cfg
REFERENCE=$ROOT/docs/reference

die() { echo "docs.sh: $*" >&2; exit 1; }

find_python312() {
    local candidate
    for candidate in "${PYTHON312:-}" python3.12 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12 \
            /usr/local/bin/python3.12 /usr/bin/python3.12; do
        [[ -n "$candidate" ]] || continue
        if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' >/dev/null 2>&1; then
            command -v "$candidate"
            return
        fi
    done
    die "Python 3.12 not found (python3.12 on PATH or ~/.pyenv/versions/3.12*); set PYTHON312=/path/to/python3.12"
}

# The venv is (re)built when it is missing or older than the requirements (same marker as the Makefile's venvs).
ensure_venv() {
    if [[ -f "$VENV/.ready" && ! "$REQUIREMENTS" -nt "$VENV/.ready" ]]; then
        return
    fi
    local python
    python=$(find_python312)
    echo "docs.sh: creating $VENV from ${REQUIREMENTS#"$ROOT"/}" >&2
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; } >&2
    touch "$VENV/.ready"
}

# A scratch directory, removed however the script ends.
SCRATCH=
scratch() {
    if [[ -z "$SCRATCH" ]]; then
        SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/cloudfn-docs.XXXXXX")
        trap 'rm -rf "$SCRATCH"' EXIT
    fi
}

# Copy the collection (files git tracks or would track, as the Makefile's `collection` does) to
# $SCRATCH/collections/ansible_collections/NAMESPACE/NAME and point Ansible at it and nowhere else.
COLLECTION=
collection_copy() {
    [[ -n "$COLLECTION" ]] && return
    scratch
    COLLECTION=$SCRATCH/collections/ansible_collections/$NAMESPACE/$NAME
    mkdir -p "$COLLECTION" "$SCRATCH/ansible-home"
    git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do [[ -e "$ROOT/$f" ]] && printf '%s\0' "$f"; done \
        | tar -C "$ROOT" --null --files-from=- -cf - | tar -xf - -C "$COLLECTION"
    : > "$SCRATCH/ansible.cfg"
    export ANSIBLE_CONFIG=$SCRATCH/ansible.cfg ANSIBLE_HOME=$SCRATCH/ansible-home \
        ANSIBLE_COLLECTIONS_PATH=$SCRATCH/collections ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false \
        ANSIBLE_NOCOLOR=1 PATH="$VENV/bin:$PATH"
}

# Write the reference into $1: one page per module and role (simplified RST, which GitHub renders),
# and the collection's index as README.rst so that GitHub shows it when the directory is opened.
generate_reference() {
    local dest=$1
    ensure_venv
    collection_copy
    rm -rf "$dest"
    mkdir -p -m 0755 "$dest"
    (cd "$SCRATCH" && antsibull-docs --config-file "$CONFIG" collection --use-current --fail-on-error \
        --output-format simplified-rst --squash-hierarchy --no-add-antsibull-docs-version \
        --dest-dir "$dest" "$NAMESPACE.$NAME") >&2
    mv "$dest/index.rst" "$dest/README.rst"
}

cmd_reference() {
    scratch
    generate_reference "$SCRATCH/reference"
    rm -rf "$REFERENCE"
    cp -R "$SCRATCH/reference" "$REFERENCE"
    echo "docs.sh: wrote ${REFERENCE#"$ROOT"/}/ ($(find "$REFERENCE" -name '*.rst' | wc -l) pages)"
}

cmd_reference_check() {
    scratch
    generate_reference "$SCRATCH/reference"
    if ! diff -ru "$REFERENCE" "$SCRATCH/reference" > "$SCRATCH/reference.diff"; then
        sed -e "s|$SCRATCH/reference|(generated)|" "$SCRATCH/reference.diff" | head -n 60
        die "docs/reference/ is stale: run docs/build/docs.sh reference and commit the result"
    fi
    echo "docs.sh: docs/reference/ is up to date"
}

# The Python that writes docs/api-coverage.md: botocore's model is the page's source.
coverage_python() {
    local core python
    core=$(sed -n 's/^NEWEST_CORE := *//p' "$ROOT/Makefile")
    python=${API_COVERAGE_PYTHON:-$ROOT/.venv/core-$core/bin/python}
    [[ -x "$python" ]] || die "$python not found: run make venv (docs/api-coverage.md is written with botocore), or set API_COVERAGE_PYTHON"
    echo "$python"
}

cmd_api_coverage() {
    local python
    python=$(coverage_python)
    "$python" "$ROOT/docs/build/api_coverage.py" || die "docs/build/api_coverage.py failed (see above)"
}

cmd_api_coverage_check() {
    local python
    python=$(coverage_python)
    "$python" "$ROOT/docs/build/api_coverage.py" --check || die "docs/api-coverage.md: see above"
}

cmd_lint() {
    ensure_venv
    collection_copy
    # Paths in the messages are given relative to the collection root (not the scratch copy).
    (cd "$SCRATCH" && antsibull-docs lint-collection-docs --plugin-docs --output-format simplified-rst \
        --validate-collection-refs all --disallow-unknown-collection-refs --check-extra-docs-refs "$COLLECTION" 2>&1 \
        | sed -e "s|[^ ']*/ansible_collections/$NAMESPACE/$NAME/||g") || die "antsibull-docs lint-collection-docs found the problems above"
    echo "docs.sh: antsibull-docs lint-collection-docs --plugin-docs: no problems"
}

# CHANGELOG.rst for a collection that has not been released: antsibull-changelog only renders
# released versions, so a scratch copy releases the version of galaxy.yml from the fragments (with a
# release summary saying it is not released) and the heading is marked "(unreleased)". Nothing in
# changelogs/ changes: `antsibull-changelog release` is run for real when the version is released.
generate_changelog() {
    local dest=$1 version
    ensure_venv
    collection_copy
    version=$(sed -n 's/^version: *//p' "$COLLECTION/galaxy.yml" | tr -d "\"' ")
    [[ -n "$version" ]] || die "no version in galaxy.yml"
    if "$VENV/bin/python" -c 'import sys, yaml
releases = yaml.safe_load(open(sys.argv[1], encoding="utf-8")).get("releases") or {}
sys.exit(0 if sys.argv[2] in releases else 1)' "$COLLECTION/changelogs/changelog.yaml" "$version"; then
        # Released (the state right after `antsibull-changelog release`): the notes as they are.
        if [[ -d "$COLLECTION/changelogs/fragments" ]] \
                && find "$COLLECTION/changelogs/fragments" -type f -name '*.y*ml' | grep -q .; then
            die "version $version of galaxy.yml is released already but changelogs/fragments/ holds new fragments: raise the version in galaxy.yml"
        fi
        (cd "$COLLECTION" && antsibull-changelog generate) >&2
        cp "$COLLECTION/CHANGELOG.rst" "$dest"
        return
    fi
    cat > "$COLLECTION/changelogs/fragments/zz-unreleased-summary.yml" <<EOF
---
release_summary: >-
  Not released yet. These are the notes of the next release as the fragments in
  \`\`changelogs/fragments/\`\` describe it so far; \`\`docs/build/docs.sh changelog\`\` writes them.
EOF
    (cd "$COLLECTION" && antsibull-changelog release --version "$version" --date 1970-01-01 \
        2> >(grep -v "_protomatter' does not have a MANIFEST.json" >&2)) >&2
    VERSION=$version "$VENV/bin/python" - "$COLLECTION/CHANGELOG.rst" "$dest" <<'EOF'
import os
import sys

source, dest = sys.argv[1:]
heading = "v" + os.environ["VERSION"]
lines = open(source, encoding="utf-8").read().split("\n")
for i, line in enumerate(lines[:-1]):
    if line == heading and set(lines[i + 1]) == {"="}:
        lines[i] = heading + " (unreleased)"
        lines[i + 1] = "=" * len(lines[i])
        break
else:
    sys.exit("docs.sh: no heading %s in the generated changelog" % heading)
with open(dest, "w", encoding="utf-8") as handle:
    handle.write("\n".join(lines))
EOF
}

cmd_changelog() {
    scratch
    generate_changelog "$ROOT/CHANGELOG.rst"
    echo "docs.sh: wrote CHANGELOG.rst"
}

cmd_changelog_check() {
    ensure_venv
    (cd "$ROOT" && "$VENV/bin/antsibull-changelog" lint && "$VENV/bin/antsibull-changelog" lint-changelog-yaml \
        changelogs/changelog.yaml) || die "antsibull-changelog lint found the problems above"
    echo "docs.sh: antsibull-changelog lint: no problems"
    scratch
    generate_changelog "$SCRATCH/CHANGELOG.rst"
    if ! diff -u "$ROOT/CHANGELOG.rst" "$SCRATCH/CHANGELOG.rst" > "$SCRATCH/changelog.diff"; then
        head -n 60 "$SCRATCH/changelog.diff"
        die "CHANGELOG.rst is stale: run docs/build/docs.sh changelog and commit the result"
    fi
    echo "docs.sh: CHANGELOG.rst is up to date"
}

usage() { sed -n 's/^#   docs\/build\/docs.sh /docs\/build\/docs.sh /p' "${BASH_SOURCE[0]}"; }

case "${1:-}" in
    reference) cmd_reference ;;
    reference-check) cmd_reference_check ;;
    api-coverage) cmd_api_coverage ;;
    api-coverage-check) cmd_api_coverage_check ;;
    lint) cmd_lint ;;
    changelog) cmd_changelog ;;
    changelog-check) cmd_changelog_check ;;
    all) cmd_reference; cmd_api_coverage; cmd_changelog ;;
    check)
        # Each check in a process of its own, so that one failing does not hide the others.
        failed=0
        steps=(lint reference-check api-coverage-check changelog-check)
        for step in "${steps[@]}"; do
            "${BASH_SOURCE[0]}" "$step" || failed=$((failed + 1))
        done
        ((failed == 0)) || die "$failed of ${#steps[@]} documentation checks failed"
        ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
esac
