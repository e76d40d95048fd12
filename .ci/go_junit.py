"""Turns `go test -json` output into a JUnit XML report: one testcase per test that has no subtests.

Usage: python3 .ci/go_junit.py <go test -json output> <report.xml>
Exits 1 when the report holds a failure.

A test with subtests is counted through its subtests only (its own pass or fail follows from
theirs). A package that fails without a failing test (it did not compile, or the test binary
crashed) is one failed testcase holding its output, and so is a run with no test at all: a Go
suite that ran zero tests must not pass.
"""
import json
import sys
import xml.etree.ElementTree as ET


def parse(lines):
    """(tests, packages): tests maps (package, test) to [action, seconds, output]."""
    tests = {}
    packages = {}
    for raw in lines:
        raw = raw.strip()
        if not raw.startswith("{"):
            continue
        event = json.loads(raw)
        package = event.get("Package", "")
        name = event.get("Test")
        action = event.get("Action")
        if name is None:
            entry = packages.setdefault(package, [None, 0.0, []])
        else:
            entry = tests.setdefault((package, name), [None, 0.0, []])
        if action == "output":
            entry[2].append(event.get("Output", ""))
        elif action in ("pass", "fail", "skip"):
            entry[0] = action
            entry[1] = float(event.get("Elapsed", 0.0))
    return tests, packages


def leaves(tests):
    """The tests that have no subtests."""
    names = {key for key in tests}
    return {
        key: value for key, value in tests.items()
        if not any(other[0] == key[0] and other[1].startswith(key[1] + "/") for other in names)
    }


def report(tests, packages):
    suite = ET.Element("testsuite", name="go test")
    counts = {"tests": 0, "failures": 0, "skipped": 0}

    def case(classname, name, seconds, failure=None, skipped=False):
        element = ET.SubElement(suite, "testcase", classname=classname, name=name, time=f"{seconds:.3f}")
        counts["tests"] += 1
        if failure is not None:
            ET.SubElement(element, "failure", message=failure.splitlines()[0] if failure else "failed").text = failure
            counts["failures"] += 1
        elif skipped:
            ET.SubElement(element, "skipped")
            counts["skipped"] += 1

    chosen = leaves(tests)
    for (package, name), (action, seconds, output) in sorted(chosen.items()):
        if action == "pass":
            case(package, name, seconds)
        elif action == "skip":
            case(package, name, seconds, skipped=True)
        else:
            # fail, or no end event at all (the binary died while it ran)
            case(package, name, seconds, failure="".join(output) or f"{name}: no result")
    failed_leaf_packages = {package for (package, _), value in chosen.items() if value[0] != "pass" and value[0] != "skip"}
    for package, (action, seconds, output) in sorted(packages.items()):
        if action == "fail" and package not in failed_leaf_packages:
            case(package, "(package)", seconds, failure="".join(output) or f"{package}: failed")
    if not chosen:
        case("go test", "(no tests ran)", 0.0, failure="go test ran no test")
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite, counts


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as stream:
        tests, packages = parse(stream)
    suite, counts = report(tests, packages)
    ET.ElementTree(suite).write(argv[2], encoding="utf-8", xml_declaration=True)
    print(f"go test: {counts['tests']} tests, {counts['failures']} failed, {counts['skipped']} skipped -> {argv[2]}")
    # The report decides: a failed test, a package that failed, or no test at all fails the step.
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
