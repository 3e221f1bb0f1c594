from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from audit.reporters.base import FileResult, Reporter


# what XML 1.0 cannot hold, even as a character reference: a file name with a control character
# in it made the whole report a file no CI parser reads ("not well-formed")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """`text` with each character XML cannot hold written as its Python escape (\\x01)."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class JunitReporter(Reporter):
    """JUnit XML: a test suite per article, a failing test case per finding (a passing one if clean)."""

    name = "junit"

    def render_all(self, results: list[FileResult]) -> str:
        root = ET.Element("testsuites", name="jaanch", tests="0", failures="0")
        total = failures = 0
        for r in results:
            path = _xml(r.path)
            suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(r.findings))),
                                  failures=str(len(r.findings)))
            props = ET.SubElement(suite, "properties")
            ET.SubElement(props, "property", name="signature", value=self.signature)
            if not r.findings:
                ET.SubElement(suite, "testcase", classname=path, name="no findings")
            for f in r.findings:
                case = ET.SubElement(suite, "testcase", classname=path,
                                     name=f"{f.code} {f.rule} at {f.line}:{f.column}")
                failure = ET.SubElement(case, "failure", type=f.severity.label, message=_xml(f.message))
                failure.text = _xml(f"{f.path}:{f.line}:{f.column}: {f.text!r}")
            total += max(1, len(r.findings))
            failures += len(r.findings)
        root.set("tests", str(total))
        root.set("failures", str(failures))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
