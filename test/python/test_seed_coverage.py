"""Every Python example of the seed is run by a test, word for word."""

import importlib
from pathlib import Path

import seed

# How many Python examples the seed has, counted by hand; pins the parser in seed.py, which
# finds them as runs of code between paragraphs of prose.
SEED_EXAMPLE_COUNT = 17


def load_seed_test_modules():
    for path in sorted(Path(__file__).parent.glob("test_seed_*.py")):
        if path.stem != Path(__file__).stem:
            importlib.import_module(path.stem)


def test_the_seed_is_found_and_its_examples_are_counted():
    examples = seed.seed_examples(seed.seed_text())

    assert len(examples) == SEED_EXAMPLE_COUNT, "\n\n".join(examples)
    assert len(set(examples)) == SEED_EXAMPLE_COUNT


def test_every_seed_example_is_claimed_by_a_test():
    load_seed_test_modules()
    examples = seed.seed_examples(seed.seed_text())
    claimed = seed.claims()

    unclaimed = [example for example in examples if example not in claimed]
    assert unclaimed == [], "seed examples no test runs:\n\n" + "\n\n".join(unclaimed)
    not_in_seed = {example: tests for example, tests in claimed.items() if example not in examples}
    assert not_in_seed == {}, f"tests quote examples the seed does not have: {not_in_seed}"


def test_prose_is_not_taken_for_code():
    text = "\n".join([
        "Identity Pools",
        "A basic Identity Pool with minimal configuration has no required props:",
        "",
        'IdentityPool(self, "a")',
        "",
        "Authenticated identities belong to users (Amazon Cognito user pools, Login with Amazon).",
        "# table: dynamodb.Table",
        "table.grant_read_data(role)",
        "See here for more information.",
    ])

    assert seed.seed_examples(text) == [
        'IdentityPool(self, "a")',
        "# table: dynamodb.Table\ntable.grant_read_data(role)",
    ]


def test_the_copy_of_the_seed_is_the_shared_one():
    # The suite runs the copy in test/python/seeds, so that a clone alone can run it; where the
    # project's shared seeds sit beside the repository (as in CI), the copy must not have drifted.
    shared = seed.shared_seed_path()
    if not shared.is_file():
        return
    assert seed.seed_path().read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
