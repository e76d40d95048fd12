"""Shared set-up for the Python tests: quiet the jsii runtime, and report how much of the seed ran."""

import os

# Must be set before the jsii kernel (a node process) starts, i.e. before importing aws_cdk.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1")


def pytest_terminal_summary(terminalreporter):
    """One line for CI: how many of the seed's examples this session ran."""
    import seed

    try:
        examples = seed.seed_examples(seed.seed_text())
    except OSError as error:
        terminalreporter.write_line(f"seed examples: none run ({error})")
        return
    ran = [example for example in examples if example in seed.ran_in_session()]
    terminalreporter.write_line(
        f"seed examples: {len(ran)} of {len(examples)} run, from {seed.seed_path().name}")
