# Copyright: cloudfn.aws_lambda contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Write docs/api-coverage.md: every operation of botocore's Lambda service model, and the modules that send it.

The operations come from botocore's service model (``get_service_model("lambda")``), so a new botocore brings its
new operations onto the page. Which module sends which operation is found in the code, not written by hand:

- every definition (function, class, module-level assignment) of ``plugins/module_utils`` is read with ``ast``;
  a definition *names* an operation when it holds a string that is an operation of the model (the first argument
  of ``client.call``, ``client.paginate``, ``info.read``, ...), or the snake_case name of one of botocore's Lambda
  waiters (``client.wait("function_active_v2")``), which stands for the operation the waiter polls;
  a string that is the first argument of a call with ``service="iam"`` (or any service but Lambda) is not Lambda's;
- a module (``plugins/modules/*.py``) sends what the definitions it reaches name: from its imports, through every
  name a definition uses (an imported name, a module's attribute, a definition of the same file; a class with its
  bases); local variables and parameters are not followed;
- the client (the classes of ``client.py``) is followed method by method: a use of ``.wait_until_settled`` reaches
  that method, whatever object it is called on; ``call`` and ``paginate`` are the transport every operation goes
  through, not followed (their "update in progress" retry, which waits for any function, is not counted).

The operations no module sends are listed in ``docs/build/api-left-out.yml`` with the reason (a reason that starts
with ``planned:`` names the issue that will add it). The run fails, naming them, when an operation of the model is
neither sent nor listed, when the file lists one that a module now sends or that the model no longer has, and
when botocore is not the version ``tests/requirements-common.txt`` pins (the page says which it was made from).

    python docs/build/api_coverage.py          # rewrite docs/api-coverage.md
    python docs/build/api_coverage.py --check  # exit 1 when docs/api-coverage.md is not what it would write

Run it with a Python that has botocore and PyYAML (docs/build/docs.sh uses the newest ansible-core venv's).
The unit test tests/unit/docs/test_api_coverage.py checks the code scan on the real tree.
"""

import argparse
import ast
import os
import re
import sys

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PAGE = os.path.join("docs", "api-coverage.md")
LEFT_OUT = os.path.join("docs", "build", "api-left-out.yml")
REQUIREMENTS = os.path.join("tests", "requirements-common.txt")
MODULE_UTILS = os.path.join("plugins", "module_utils")
MODULES = os.path.join("plugins", "modules")
PACKAGE = "ansible_collections.cloudfn.aws_lambda.plugins.module_utils"
CLIENT_FILE = "client"  # module_utils/client.py: its classes are followed method by method
TRANSPORT = frozenset(("call", "paginate"))  # the client's methods every operation goes through: not followed
PLANNED = "planned:"


class CoverageError(Exception):
    """What makes the page wrong: the message names the operations."""


# ------------------------------------------------------------------ the model

def load_model():
    """botocore's version, the Lambda service model, and {snake_case waiter name: operation it polls}."""
    import botocore
    import botocore.session

    session = botocore.session.get_session()
    model = session.get_service_model("lambda")
    waiters = session.get_waiter_model("lambda")
    polled = {botocore.xform_name(name): waiters.get_waiter(name).operation for name in waiters.waiter_names}
    return botocore.__version__, model, polled


def pinned_botocore(root=ROOT):
    """The botocore version tests/requirements-common.txt pins (None when it pins none)."""
    with open(os.path.join(root, REQUIREMENTS), encoding="utf-8") as handle:
        for line in handle:
            found = re.match(r"\s*botocore\s*==\s*([^\s;#]+)", line)
            if found:
                return found.group(1)
    return None


def kind(model, operation):
    """read (the model's HTTP method is GET), invoke (Invoke*), or write (any other method)."""
    if operation.startswith("Invoke"):
        return "invoke"
    return "read" if model.operation_model(operation).http["method"] == "GET" else "write"


def request_path(model, operation):
    """The operation's HTTP method and path, without the API version and query (``GET /functions/{FunctionName}``)."""
    http = model.operation_model(operation).http
    path = re.sub(r"^/\d{4}-\d{2}-\d{2}", "", http["requestUri"].split("?")[0])
    return http["method"], path


# ------------------------------------------------------------------ the code

class Source:
    """One Python file of the collection: its definitions, and what its names stand for."""

    def __init__(self, key, path):
        self.key = key  # "resources.function" for module_utils/resources/function.py; "module:x" for a module
        self.path = path
        with open(path, encoding="utf-8") as handle:
            self.tree = ast.parse(handle.read(), path)
        self.definitions = {}  # name -> [node whose subtree is the definition]
        self.imports = {}  # local name -> (source key, name or None for the module itself)
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.definitions.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.ClassDef):
                if key == CLIENT_FILE:
                    self.definitions.setdefault(node.name, []).append(_class_without_methods(node))
                    for item in node.body:
                        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            self.definitions.setdefault("%s.%s" % (node.name, item.name), []).append(item)
                else:
                    self.definitions.setdefault(node.name, []).append(node)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name) and node.value is not None:
                            self.definitions.setdefault(name.id, []).append(node.value)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module and (
                    node.module == PACKAGE or node.module.startswith(PACKAGE + ".")):
                base = node.module[len(PACKAGE) + 1:]
                for alias in node.names:
                    local = alias.asname or alias.name
                    submodule = (base + "." if base else "") + alias.name
                    self.imports[local] = (base, alias.name, submodule)


def _class_without_methods(node):
    """A client class's own body but its methods (its bases, decorators and class attributes)."""
    return ast.ClassDef(name=node.name, bases=node.bases, keywords=node.keywords, decorator_list=node.decorator_list,
                        body=[item for item in node.body if not isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))])


class Tree:
    """The collection's module_utils and modules, parsed; :meth:`operations` of a module."""

    def __init__(self, root, operations, waiters):
        self.root = root
        self.operations = frozenset(operations)
        self.waiters = dict(waiters)
        self.sources = {}
        base = os.path.join(root, MODULE_UTILS)
        for directory, _dirs, files in os.walk(base):
            for name in sorted(files):
                if name.endswith(".py") and name != "__init__.py":
                    path = os.path.join(directory, name)
                    key = os.path.relpath(path, base)[:-3].replace(os.sep, ".")
                    self.sources[key] = Source(key, path)
        self.client_methods = frozenset(
            name.split(".", 1)[1] for name in self.sources[CLIENT_FILE].definitions if "." in name) - TRANSPORT
        self.modules = {}
        for name in sorted(os.listdir(os.path.join(root, MODULES))):
            if name.endswith(".py") and name != "__init__.py":
                self.modules[name[:-3]] = Source("module:" + name[:-3], os.path.join(root, MODULES, name))
                self.sources["module:" + name[:-3]] = self.modules[name[:-3]]

    def resolve(self, source, name):
        """What ``name`` used in ``source`` stands for: [(source key, definition name)], or a module key."""
        if name in source.definitions:
            return [(source.key, name)]
        if name in source.imports:
            base, imported, submodule = source.imports[name]
            if submodule in self.sources:
                return submodule  # a module of module_utils, used as module.attribute
            if base in self.sources and imported in self.sources[base].definitions:
                return [(base, imported)]
        return []

    def named_in(self, source, node):
        """The operations a definition names ({operation: set of names it goes by: the operation's own, or the
        waiters that poll it}), and the definitions it uses."""
        named = {}
        used = set()
        foreign = set()  # the string arguments of calls to another service than Lambda
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant):
                for keyword in call.keywords:
                    if keyword.arg == "service" and not (
                            isinstance(keyword.value, ast.Constant) and keyword.value.value == "lambda"):
                        foreign.add(id(call.args[0]))
        self._walk(source, node, set(), named, used, foreign)
        return named, used

    def _walk(self, source, node, local, named, used, foreign):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            local = local | _bound_names(node)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in foreign:
            operation = node.value if node.value in self.operations else self.waiters.get(node.value)
            if operation:
                named.setdefault(operation, set()).add(node.value)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in local:
            found = self.resolve(source, node.id)
            if isinstance(found, list):
                used.update(found)
        elif isinstance(node, ast.Attribute):
            if node.attr in self.client_methods:
                for class_name in self.sources[CLIENT_FILE].definitions:
                    if class_name.endswith("." + node.attr):
                        used.add((CLIENT_FILE, class_name))
            if isinstance(node.value, ast.Name) and node.value.id not in local:
                found = self.resolve(source, node.value.id)
                if isinstance(found, str) and node.attr in self.sources[found].definitions:
                    used.add((found, node.attr))
        for child in ast.iter_child_nodes(node):
            self._walk(source, child, local, named, used, foreign)

    def sent_by(self, module):
        """{operation: {(file relative to the collection, name it goes by there)}} for a module of plugins/modules:
        every operation the module's code can send, where it is named, and how (its own name, or a waiter's)."""
        found = {}
        todo = [("module:" + module, None)]
        seen = set()
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            source = self.sources[key[0]]
            for node in [source.tree] if key[1] is None else source.definitions[key[1]]:
                named, used = self.named_in(source, node)
                for operation, names in named.items():
                    found.setdefault(operation, set()).update(
                        (os.path.relpath(source.path, self.root), name) for name in names)
                todo.extend(used - seen)
        return found

    def coverage(self):
        """{operation: {module: {(file, name it goes by)}}} over every module."""
        spoken = {}
        for module in self.modules:
            for operation, places in self.sent_by(module).items():
                spoken.setdefault(operation, {})[module] = places
        return spoken


def _bound_names(function):
    """The names a function (or lambda) binds itself: its parameters, and whatever its body assigns."""
    args = function.args
    names = {a.arg for a in args.args + args.kwonlyargs + getattr(args, "posonlyargs", [])}
    names.update(a.arg for a in (args.vararg, args.kwarg) if a is not None)
    body = function.body if isinstance(function.body, list) else [function.body]
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                names.add(node.id)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                names.add(node.name)
    return names


# ------------------------------------------------------------------ the left-out list

def load_left_out(path):
    """The data file: ({operation: reason}, {operation: note})."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    unknown = set(data) - {"left_out", "notes"}
    if unknown:
        raise CoverageError("%s: unknown keys %s (left_out and notes only)" % (path, ", ".join(sorted(unknown))))
    left_out = data.get("left_out") or {}
    notes = data.get("notes") or {}
    for section, entries in (("left_out", left_out), ("notes", notes)):
        blank = sorted(op for op, text in entries.items() if not isinstance(text, str) or not text.strip())
        if blank:
            raise CoverageError("%s: %s without a text: %s" % (path, section, ", ".join(blank)))
    return left_out, notes


def check(operations, spoken, left_out, notes):
    """Every problem of the data file against the model and the code, as a list of sentences."""
    operations = set(operations)
    problems = []
    missing = sorted(operations - set(spoken) - set(left_out))
    if missing:
        problems.append("sent by no module and not in %s (add each with the reason it is left out): %s"
                        % (LEFT_OUT, ", ".join(missing)))
    now_sent = sorted(set(left_out) & set(spoken))
    if now_sent:
        problems.append("listed as left out in %s but a module sends it now (remove it from the list): %s"
                        % (LEFT_OUT, ", ".join("%s (%s)" % (op, ", ".join(sorted(spoken[op]))) for op in now_sent)))
    gone = sorted((set(left_out) | set(notes)) - operations)
    if gone:
        problems.append("in %s but not an operation of botocore's Lambda model: %s" % (LEFT_OUT, ", ".join(gone)))
    unsent = sorted(set(notes) & operations - set(spoken))
    if unsent:
        problems.append("a note in %s for an operation no module sends (give it a left_out reason instead): %s"
                        % (LEFT_OUT, ", ".join(unsent)))
    return problems


# ------------------------------------------------------------------ the page

def _cell(text):
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(places):
    """Where an operation is named: each file of module_utils, with the waiters it uses that poll the operation."""
    by_file = {}
    for path, name in places:
        by_file.setdefault(path, set()).add(name)
    cells = []
    for path in sorted(by_file):
        waiters = sorted(name for name in by_file[path] if not name[:1].isupper())
        text = "`%s`" % path.replace(os.sep, "/").replace(MODULE_UTILS.replace(os.sep, "/") + "/", "")
        if waiters:
            text += " (waiter %s)" % ", ".join("`%s`" % name for name in waiters)
        cells.append(text)
    return ", ".join(cells)


def render(version, model, spoken, left_out, notes):
    operations = sorted(model.operation_names, key=lambda op: (request_path(model, op)[1], op))
    planned = {}
    for op, reason in left_out.items():
        if reason.strip().startswith(PLANNED):
            planned.setdefault(_cell(reason.strip()[len(PLANNED):]), []).append(op)
    lines = [
        "# Lambda API coverage",
        "",
        "<!-- Generated by docs/build/api_coverage.py (docs/build/docs.sh api-coverage) from botocore's service",
        "     model, the modules' code and docs/build/api-left-out.yml. Do not edit: edit those and regenerate. -->",
        "",
        "Every operation of the Lambda API as botocore %s's service model has it (API version %s), the"
        % (version, model.api_version),
        "modules that send it, and, for each operation no module sends, why it is left out. The operations come",
        "from botocore's model, and the modules that send each from their code: `docs/build/api_coverage.py`",
        "finds the operations named in what each module reaches in `plugins/module_utils` (a waiter stands for",
        "the operation it polls). The reasons and notes come from `docs/build/api-left-out.yml`;",
        "`docs/build/docs.sh check` fails when an operation is neither sent nor listed there, when the list",
        "names one that a module sends, and when this page is stale.",
        "",
        "**%d operations: %d sent by a module, %d left out (%d of them planned).**" % (
            len(operations), len(spoken), len(left_out), sum(len(ops) for ops in planned.values())),
        "",
        "\"kind\" is `read` for the operations the model sends with GET, `invoke` for Invoke*, `write` for the",
        "others. \"sent by\" lists every module whose code can send the operation; \"code\" the files of",
        "`plugins/module_utils` that name it. The rows are in the order of the request paths, so that the",
        "operations of one resource stand together.",
        "",
        "| operation | kind | request | sent by | code | notes |",
        "|---|---|---|---|---|---|",
    ]
    for op in operations:
        method, path = request_path(model, op)
        if op in spoken:
            modules = ", ".join(sorted(spoken[op]))
            code = _code(set().union(*spoken[op].values()))
            note = notes.get(op, "")
        else:
            modules = "none (planned)" if left_out[op].strip().startswith(PLANNED) else "none"
            code, note = "", left_out[op]
        if model.operation_model(op).deprecated:
            note = "Deprecated in the model. " + note
        lines.append("| %s | %s | `%s %s` | %s | %s | %s |" % (
            op, kind(model, op), method, path, modules, code, _cell(note)))
    lines += ["", "## Left out, planned", ""]
    for plan in sorted(planned):
        lines.append("- %s: %s" % (plan, ", ".join(sorted(planned[plan]))))
    lines += ["", "## Left out, not planned", ""]
    for op in sorted(left_out):
        if not left_out[op].strip().startswith(PLANNED):
            lines.append("- %s: %s" % (op, _cell(left_out[op])))
    return "\n".join(lines) + "\n"


def build(root=ROOT, left_out_path=None, loaded=None):
    """The page's text; raises CoverageError naming what is wrong."""
    version, model, waiters = loaded or load_model()
    tree = Tree(root, model.operation_names, waiters)
    spoken = tree.coverage()
    left_out, notes = load_left_out(left_out_path or os.path.join(root, LEFT_OUT))
    problems = check(model.operation_names, spoken, left_out, notes)
    if problems:
        raise CoverageError("\n".join(problems))
    return render(version, model, spoken, left_out, notes)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", maxsplit=1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the page is not up to date")
    parser.add_argument("--output", default=os.path.join(ROOT, PAGE), help="the page to write or check")
    args = parser.parse_args(argv)
    loaded = load_model()
    pinned = pinned_botocore()
    if loaded[0] != pinned:
        sys.exit("api_coverage.py: botocore is %s here but %s pins %s: run with the Python of the newest ansible-core "
                 "venv (make venv), or set API_COVERAGE_PYTHON" % (loaded[0], REQUIREMENTS, pinned))
    try:
        text = build(loaded=loaded)
    except CoverageError as e:
        sys.exit("api_coverage.py: %s" % e)
    relative = os.path.relpath(args.output, ROOT)
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            sys.exit("api_coverage.py: %s is stale: run docs/build/docs.sh api-coverage and commit the result" % relative)
        print("api_coverage.py: %s is up to date" % relative)
        return
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print("api_coverage.py: wrote %s" % relative)


if __name__ == "__main__":
    main()
