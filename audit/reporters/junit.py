from __future__ import annotations

from xml.etree import ElementTree as ET

from audit.reporters.base import FileResult, Reporter


class JunitReporter(Reporter):
    """JUnit XML: a test suite per article, a failing test case per finding (a passing one if clean)."""

    name = "junit"

    def render_all(self, results: list[FileResult]) -> str:
        root = ET.Element("testsuites", name="jaanch", tests="0", failures="0")
        total = failures = 0
        for r in results:
            suite = ET.SubElement(root, "testsuite", name=r.path, tests=str(max(1, len(r.findings))),
                                  failures=str(len(r.findings)))
            props = ET.SubElement(suite, "properties")
            ET.SubElement(props, "property", name="signature", value=self.signature)
            if not r.findings:
                ET.SubElement(suite, "testcase", classname=r.path, name="no findings")
            for f in r.findings:
                case = ET.SubElement(suite, "testcase", classname=r.path,
                                     name=f"{f.code} {f.rule} at {f.line}:{f.column}")
                failure = ET.SubElement(case, "failure", type=f.severity.label, message=f.message)
                failure.text = f"{f.path}:{f.line}:{f.column}: {f.text!r}"
            total += max(1, len(r.findings))
            failures += len(r.findings)
        root.set("tests", str(total))
        root.set("failures", str(failures))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
