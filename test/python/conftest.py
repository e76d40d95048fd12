"""Shared set-up for the Python tests: quiet the jsii runtime, and give tests template helpers."""

import os

# Must be set before the jsii kernel (a node process) starts, i.e. before importing aws_cdk.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1")
