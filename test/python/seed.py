"""Runs the Python examples of the seed, the documentation our users migrate from.

The seed (``test/python/seeds/000_a0fbd54e3c63d0eb.txt``, a copy of ``shared/seeds/`` beside the
repository) documents aws-cdk-lib's
identity pool module in Python. Each test quotes one of its examples word for word, runs it
against ``cdk_identity_pool`` and checks the synthesized template. The only edits a test may make
to an example are:

- the import path, ``aws_cdk.aws_cognito_identitypool`` -> ``cdk_identity_pool`` (always);
- a named ``Difference``, where our API deliberately differs from the seed's;
- definitions of the inputs the seed leaves declared (``# table: dynamodb.Table``), given by the
  test's ``declare`` function.

Like the rosetta fixture the seed was translated with, an example runs as the body of a stack's
constructor: ``self`` is a ``Stack``, and ``Stack``, ``iam``, ``cognito`` and every name this
library exports are in scope without an import.
"""

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

import aws_cdk
import aws_cdk.aws_cognito as cognito
import aws_cdk.aws_iam as iam
from aws_cdk.assertions import Annotations, Match, Template

import cdk_identity_pool

SEED_FILE = "000_a0fbd54e3c63d0eb.txt"
SEED_MODULE = "aws_cdk.aws_cognito_identitypool"
OUR_MODULE = "cdk_identity_pool"

# A line of Python in the seed; every other non-blank line there is prose. Checked against the
# whole seed by test_seed_coverage.py, which also pins how many examples this finds.
_CODE_LINE = re.compile(r"^(\s+\S|from \w|import \w|#|[\w.]+\(|\w+ = |[)\]])")


def seed_path() -> Path:
    """The seed file: `$CDK_IDENTITY_POOL_SEED`, else the copy kept beside these tests."""
    override = os.environ.get("CDK_IDENTITY_POOL_SEED")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent / "seeds" / SEED_FILE


def shared_seed_path() -> Path:
    """Where the project's shared seeds live, beside the repository, when they are there."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / SEED_FILE


@functools.lru_cache(maxsize=None)
def seed_text() -> str:
    path = seed_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"the seed {path} is missing: these tests run its examples, so they need it "
            "(set CDK_IDENTITY_POOL_SEED to its path)"
        )
    return path.read_text(encoding="utf-8")


def normalize(code: str) -> str:
    """An example without blank lines or trailing spaces, for comparing with the seed."""
    return "\n".join(line.rstrip() for line in code.splitlines() if line.strip())


def seed_examples(text: str) -> List[str]:
    """The seed's code examples, in order: runs of Python lines between paragraphs of prose."""
    examples: List[str] = []
    current: List[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _CODE_LINE.match(line):
            current.append(line)
        elif current:
            examples.append(normalize("\n".join(current)))
            current = []
    if current:
        examples.append(normalize("\n".join(current)))
    return examples


@dataclass(frozen=True)
class Difference:
    """A place where our API deliberately differs from the seed: its text there, and ours."""

    name: str
    seed: str
    ours: str


@dataclass(frozen=True)
class SeedExample:
    """One example of the seed, quoted word for word."""

    title: str
    code: str

    @property
    def key(self) -> str:
        return normalize(self.code)


@dataclass
class SeedRun:
    """What running an example left behind: the stack it ran in and the names it defined."""

    stack: aws_cdk.Stack
    names: Dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.names[name]

    def template(self) -> Template:
        return Template.from_stack(self.stack)

    def assert_no_errors(self) -> None:
        """Synthesis reports no error (warnings are allowed)."""
        Annotations.from_stack(self.stack).has_no_error("*", Match.any_value())


# Which tests claim each example (filled at import); which examples ran in the current test, and
# in the whole session.
_claims: Dict[str, List[str]] = {}
_ran: set = set()
_ran_in_session: set = set()


def example(title: str, code: str) -> SeedExample:
    return SeedExample(title, code)


def runs(seed_example: SeedExample) -> Callable:
    """Marks a test as the one that runs `seed_example`, and fails it if it never does."""

    def decorate(test: Callable) -> Callable:
        _claims.setdefault(seed_example.key, []).append(f"{test.__module__}.{test.__name__}")

        @functools.wraps(test)
        def checked(*args: Any, **kwargs: Any) -> Any:
            _ran.discard(seed_example.key)
            result = test(*args, **kwargs)
            assert seed_example.key in _ran, (
                f"{test.__name__} claims the seed example '{seed_example.title}' but never runs it"
            )
            return result

        return checked

    return decorate


def claims() -> Mapping[str, Sequence[str]]:
    return _claims


def ran_in_session() -> frozenset:
    return frozenset(_ran_in_session)


def new_stack(stack_id: str = "SeedExample") -> aws_cdk.Stack:
    return aws_cdk.Stack(aws_cdk.App(), stack_id)


def fixture_names(scope: aws_cdk.Stack) -> Dict[str, Any]:
    """The names an example can use without importing them, as in the seed's own fixture."""
    names: Dict[str, Any] = {name: getattr(cdk_identity_pool, name) for name in cdk_identity_pool.__all__}
    names.update({"self": scope, "Stack": aws_cdk.Stack, "iam": iam, "cognito": cognito})
    return names


def run(
    seed_example: SeedExample,
    *,
    declare: Optional[Callable[[aws_cdk.Stack], Mapping[str, Any]]] = None,
    differences: Sequence[Difference] = (),
    lines: Optional[slice] = None,
    stack: Optional[aws_cdk.Stack] = None,
) -> SeedRun:
    """Runs an example (or the given `lines` of it) in a new stack, or in `stack`.

    `declare(stack)` defines the inputs the seed leaves declared; each of `differences` must
    occur in the example, and is replaced by our form.
    """
    assert seed_example.key in seed_examples(seed_text()), (
        f"'{seed_example.title}' is not an example of the seed, word for word"
    )
    code = seed_example.code
    if lines is not None:
        code = "\n".join(code.strip("\n").splitlines()[lines])
    for difference in differences:
        assert difference.seed in code, f"{difference.name}: the example has no {difference.seed!r}"
        code = code.replace(difference.seed, difference.ours)
    code = code.replace(SEED_MODULE, OUR_MODULE)

    scope = stack if stack is not None else new_stack()
    names = fixture_names(scope)
    if declare is not None:
        names.update(declare(scope))
    _ran.add(seed_example.key)
    _ran_in_session.add(seed_example.key)
    exec(compile(code, f"<seed example: {seed_example.title}>", "exec"), names)
    return SeedRun(scope, names)
