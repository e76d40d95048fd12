"""Turns integ-runner's output into a JUnit XML report: one testcase per integ test.

Usage: python3 .ci/integ_junit.py <integ-runner log> <report.xml>

A test passes when integ-runner reports it UNCHANGED (its snapshot matches) or SUCCESS (a deploy
run); NEW, CHANGED, ERROR, FAILED and ASSERT fail it, with integ-runner's message. When the log
does not end with integ-runner's `Tests: ... N total` line, or reports fewer tests than that
line counts, the run itself is one failed testcase (the runner crashed, or lost a test).
"""
import re
import sys
import xml.etree.ElementTree as ET

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RESULT = re.compile(r"^  (UNCHANGED|SUCCESS|NEW|CHANGED|ERROR|FAILED|ASSERT) +(\S+) ([\d.]+)s")
TOTAL = re.compile(r"^Tests: .*?(\d+) total")
PASSING = {"UNCHANGED", "SUCCESS"}


def parse(lines):
    """(results, total): results maps a test name to (status, seconds, message lines)."""
    results = {}
    total = None
    current = None
    for raw in lines:
        line = ANSI.sub("", raw.rstrip("\n"))
        match = RESULT.match(line)
        if match:
            status, name, seconds = match.groups()
            results[name] = (status, float(seconds), [])
            current = name
            continue
        total_match = TOTAL.match(line)
        if total_match:
            total = int(total_match.group(1))
            current = None
        elif current is not None and line.startswith("      "):
            results[current][2].append(line[6:])
        else:
            current = None
    return results, total


def main(log_path, report_path):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        results, total = parse(log)
    suite = ET.Element("testsuite", name="integ-runner")
    failures = 0
    for name, (status, seconds, message) in sorted(results.items()):
        case = ET.SubElement(suite, "testcase", classname="integ", name=name, time=f"{seconds:.3f}")
        if status not in PASSING:
            failures += 1
            failure = ET.SubElement(case, "failure", message=f"{name}: {status}")
            failure.text = "\n".join(message) or status
    if total is None or len(results) < total:
        failures += 1
        case = ET.SubElement(suite, "testcase", classname="integ", name="integ-runner")
        failure = ET.SubElement(case, "failure", message="integ-runner did not report every test")
        failure.text = f"{len(results)} results in the log, integ-runner's total: {total}"
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(report_path, encoding="utf-8", xml_declaration=True)
    passed = len(results) - sum(1 for status, _, _ in results.values() if status not in PASSING)
    print(f"integ: {passed} of {len(results)} integ tests unchanged, report in {report_path}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
