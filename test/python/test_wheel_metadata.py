"""The wheel as PyPI shows it: its README (the METADATA description) and its classifiers.

The README's examples are TypeScript in the repository; the wheel must carry jsii-rosetta's Python
translations in its ```python fences, never the TypeScript (which pacmak labels python when it has
no translation), and its classifiers must say what the release is.
"""

import pathlib
import re
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
# String literals and comments go first: Python may hold JavaScript in a string (an inline Lambda).
STRING_OR_COMMENT = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|#[^\n]*')
TYPESCRIPT_ONLY = {
    "a const, let or var declaration": re.compile(r"^\s*(const|let|var)\s+\w+", re.M),
    "a declare statement": re.compile(r"^\s*declare\s+(const|let)\b", re.M),
    "an ES import": re.compile(r"^\s*import\s+(\{|\*\s+as\b|type\b)", re.M),
    "an arrow function": re.compile(r"=>"),
    "a new expression": re.compile(r"\bnew\s+[A-Za-z_][\w.]*\s*\("),
    "this.": re.compile(r"\bthis\."),
    "a statement ending in ;": re.compile(r";\s*$", re.M),
    "a type annotation": re.compile(r"\w\s*:\s*(string|number|boolean|any)\b"),
    "a TypeScript cast": re.compile(r"\)?\s+as\s+[a-z]\w*\.[A-Z]\w*"),
}


def typescript_in(code):
    """The TypeScript-only constructs found in a snippet's code (outside strings and comments)."""
    bare = STRING_OR_COMMENT.sub('""', code)
    return [name for name, pattern in TYPESCRIPT_ONLY.items() if pattern.search(bare)]


def python_fences(markdown):
    return [code for language, code in FENCE.findall(markdown) if language == "python"]


def wheel():
    wheels = sorted((ROOT / "dist" / "python").glob("cdk_identity_pool-*.whl"))
    assert len(wheels) == 1, f"expected one built wheel in dist/python, found {wheels}"
    return wheels[0]


def metadata():
    with zipfile.ZipFile(wheel()) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return archive.read(name).decode("utf-8")


def headers_and_readme():
    headers, _, readme = metadata().partition("\n\n")
    return headers.splitlines(), readme


def test_the_detector_flags_typescript_and_passes_python():
    typescript = (
        "import { IdentityPool } from 'cdk-identity-pool';\n"
        "declare const table: dynamodb.Table;\n"
        "const pool = new IdentityPool(this, 'Pool', { identityPoolName: this.stackName });\n"
    )
    python = (
        "from cdk_identity_pool import IdentityPool\n"
        "pool = IdentityPool(self, \"Pool\")  # like new IdentityPool(this, 'Pool');\n"
        "code = lambda_.Code.from_inline(\"exports.handler = async () => ({});\")\n"
        "table.grant_read_data(pool.authenticated_role)\n"
    )
    assert typescript_in(typescript) == [
        "a const, let or var declaration", "a declare statement", "an ES import", "a new expression",
        "this.", "a statement ending in ;",
    ]
    assert typescript_in(python) == []
    for name, snippet in {
        "an arrow function": "f = items.map(x => x)",
        "a type annotation": "def f(name: string): pass",
        "a TypeScript cast": "cfn = (pool.node.default_child) as cognito.CfnIdentityPool",
    }.items():
        assert typescript_in(snippet) == [name]


def test_every_python_fence_of_the_wheel_readme_is_python():
    _, readme = headers_and_readme()
    fences = python_fences(readme)
    # As many python fences as the repository's README has TypeScript ones: none was left out.
    source = (ROOT / "README.md").read_text(encoding="utf-8")
    typescript_fences = [code for language, code in FENCE.findall(source) if language in ("ts", "typescript")]
    assert len(fences) == len(typescript_fences) > 30
    offenders = [(found, code[:300]) for code in fences if (found := typescript_in(code))]
    assert offenders == [], f"TypeScript in python fences of the wheel's README: {offenders}"


def test_the_wheel_readme_starts_with_the_install_commands():
    _, readme = headers_and_readme()
    assert readme.startswith("# cdk-identity-pool")
    assert "pip install cdk-identity-pool" in readme


def classifiers():
    headers, _ = headers_and_readme()
    return [line.split(": ", 1)[1] for line in headers if line.startswith("Classifier: ")]


def test_the_classifiers_say_beta_for_a_0x_release():
    headers, _ = headers_and_readme()
    [version] = [line.split(": ", 1)[1] for line in headers if line.startswith("Version: ")]
    found = classifiers()
    status = [c for c in found if c.startswith("Development Status ::")]
    if version.split(".")[0] == "0":
        assert status == ["Development Status :: 4 - Beta"]
    else:
        pytest.fail(f"version {version}: decide the release state and update this test")
    assert "Development Status :: 5 - Production/Stable" not in found
    assert "License :: OSI Approved" in found
