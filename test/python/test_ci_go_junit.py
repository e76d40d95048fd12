"""CI's converter of `go test -json` output (.ci/go_junit.py): what it counts, and what it fails."""

import importlib.util
import json
import pathlib
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("go_junit", ROOT / ".ci" / "go_junit.py")
assert SPEC is not None and SPEC.loader is not None
go_junit = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(go_junit)

PKG = "example.com/t"


def events(*items):
    return [json.dumps(dict(item, Package=item.get("Package", PKG))) + "\n" for item in items]


def convert(lines, tmp_path):
    source = tmp_path / "go.json"
    target = tmp_path / "go.xml"
    source.write_text("".join(lines))
    code = go_junit.main(["go_junit.py", str(source), str(target)])
    cases = {case.get("name"): [child.tag for child in case] for case in ET.parse(target).getroot().iter("testcase")}
    return code, cases


def test_counts_leaf_tests_and_passes(tmp_path):
    code, cases = convert(events(
        {"Action": "run", "Test": "TestA"},
        {"Action": "pass", "Test": "TestA", "Elapsed": 0.5},
        {"Action": "run", "Test": "TestB"},
        {"Action": "run", "Test": "TestB/one"},
        {"Action": "pass", "Test": "TestB/one", "Elapsed": 0.1},
        {"Action": "run", "Test": "TestB/two"},
        {"Action": "skip", "Test": "TestB/two", "Elapsed": 0},
        {"Action": "pass", "Test": "TestB", "Elapsed": 0.2},
        {"Action": "pass", "Elapsed": 1.0},
    ), tmp_path)
    assert code == 0
    # The parent of subtests is counted through them only.
    assert cases == {"TestA": [], "TestB/one": [], "TestB/two": ["skipped"]}


def test_a_failed_test_fails_with_its_output(tmp_path):
    code, cases = convert(events(
        {"Action": "run", "Test": "TestA"},
        {"Action": "output", "Test": "TestA", "Output": "pool_test.go:9: want 1 role\n"},
        {"Action": "fail", "Test": "TestA", "Elapsed": 0.5},
        {"Action": "fail", "Elapsed": 1.0},
    ), tmp_path)
    assert code == 1
    assert cases == {"TestA": ["failure"]}


def test_a_package_that_does_not_build_is_a_failure(tmp_path):
    code, cases = convert(events(
        {"Action": "output", "Output": "pool.go:20:2: duplicate method Env\n"},
        {"Action": "fail", "Elapsed": 0},
    ), tmp_path)
    assert code == 1
    assert cases == {"(package)": ["failure"], "(no tests ran)": ["failure"]}


def test_a_test_without_result_fails(tmp_path):
    # The test binary died while the test ran: a run event and no end.
    code, cases = convert(events(
        {"Action": "run", "Test": "TestA"},
        {"Action": "output", "Test": "TestA", "Output": "panic: jsii kernel exited\n"},
        {"Action": "fail", "Elapsed": 1.0},
    ), tmp_path)
    assert code == 1
    assert cases == {"TestA": ["failure"]}


def test_no_test_at_all_fails(tmp_path):
    code, cases = convert(events({"Action": "pass", "Elapsed": 0.1}), tmp_path)
    assert code == 1
    assert cases == {"(no tests ran)": ["failure"]}
