"""Type-checks the Python tests and the README's Python translations with pyright and mypy.

Run it with the Python of a virtualenv that has the built wheel, aws-cdk-lib, pyright and mypy
installed (``npx projen test:python`` does): ``<venv>/bin/python test/python/typecheck.py``.
Both checkers read their settings from ``test/python/pyproject.toml``; the README's translations
are written by ``readme_snippets.py`` first.

It fails on any error, with one narrow exception, for the README translations only (generated
code, where no workaround can be written): aws-cdk-lib's own classes that pyright does not take
for aws-cdk-lib's own interfaces, because their methods name a parameter differently from the
interface (``Role.grant_assume_role(identity)`` vs ``IRole.grant_assume_role(grantee)``; its
principals' ``add_to_principal_policy(_statement)`` vs ``IPrincipal``'s ``statement``; its events
targets' ``bind(_rule, _id)`` vs ``IRuleTarget``'s ``rule``, ``id``). Those are
listed, not counted. The Python tests work around them in code, each with a comment.
"""

import ast
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, FrozenSet, List

HERE = Path(__file__).resolve().parent
SNIPPETS = HERE / "readme_translations"


def our_names() -> FrozenSet[str]:
    """The names cdk_identity_pool exports, read from its source (importing it would start node)."""
    spec = importlib.util.find_spec("cdk_identity_pool")
    if spec is None or spec.origin is None:
        raise SystemExit("cdk_identity_pool is not installed in this Python")
    for node in ast.parse(Path(spec.origin).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return frozenset(ast.literal_eval(node.value))
    raise SystemExit(f"{spec.origin} has no __all__")


OURS = our_names()

# aws-cdk-lib's parameter-name mismatches, as pyright words them: (protocol, mismatch).
UPSTREAM_MISMATCHES = {
    ("IPrincipal", 'Parameter name mismatch: "statement" versus "_statement"'),
    ("IRole", 'Parameter name mismatch: "grantee" versus "identity"'),
    # every events target's bind(_rule, _id), against IRuleTarget.bind(rule, id)
    ("IRuleTarget", 'Parameter name mismatch: "rule" versus "_rule"'),
    ("IRuleTarget", 'Parameter name mismatch: "id" versus "_id"'),
}

_ARGUMENT = re.compile(r'^Argument of type "(?:list\[)?(\w+)\]?" cannot be assigned to parameter "\w+" of type "([^"]+)"')
_PROTOCOL = re.compile(r'is incompatible with protocol "(\w+)"')


def is_upstream_mismatch(diagnostic: Dict[str, Any]) -> bool:
    """An error in a README translation caused by aws-cdk-lib's classes, as described above."""
    if diagnostic.get("rule") != "reportArgumentType" or SNIPPETS not in Path(diagnostic["file"]).parents:
        return False
    message: str = diagnostic["message"]
    argument = _ARGUMENT.match(message)
    if argument is None or argument.group(1) in OURS:
        return False
    if any(name in OURS for name in re.findall(r"\w+", argument.group(2))):
        return False
    protocols = set(_PROTOCOL.findall(message))
    mismatches = {line.strip() for line in message.splitlines() if "Parameter name mismatch" in line}
    return (len(protocols) == 1 and len(mismatches) > 0
            and all((protocol, mismatch) in UPSTREAM_MISMATCHES for protocol in protocols for mismatch in mismatches))


def run_pyright() -> int:
    command = [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, "--project", str(HERE)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stdout, result.stderr, sep="\n")
        print("pyright: no report")
        return 1
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    upstream = [d for d in errors if is_upstream_mismatch(d)]
    ours = [d for d in errors if d not in upstream]
    for diagnostic in upstream:
        first_line = diagnostic["message"].splitlines()[0]
        print(f"pyright, aws-cdk-lib's (not counted): {location(diagnostic)}: {first_line}")
    for diagnostic in ours:
        print(f"pyright error: {location(diagnostic)}: {diagnostic['message']} ({diagnostic.get('rule', '')})")
    summary = report["summary"]
    print(f"pyright {report['version']}: {summary['filesAnalyzed']} files, {len(ours)} errors, "
          f"{len(upstream)} of aws-cdk-lib's parameter-name mismatches in README translations")
    return 1 if ours or result.returncode not in (0, 1) else 0


def location(diagnostic: Dict[str, Any]) -> str:
    line = diagnostic["range"]["start"]["line"] + 1
    return f"{Path(diagnostic['file']).relative_to(HERE)}:{line}"


def run_mypy() -> int:
    command = [sys.executable, "-m", "mypy", "--config-file", str(HERE / "pyproject.toml"), str(HERE)]
    result = subprocess.run(command, cwd=HERE, check=False)
    return result.returncode


def main() -> int:
    failures: List[str] = []
    if run_pyright() != 0:
        failures.append("pyright")
    if run_mypy() != 0:
        failures.append("mypy")
    if failures:
        print(f"type checks failed: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
