"""The fast paths of a finding's output give exactly what the plain serialisers give: the streamed JSON
report and each finding's JSON (json.dumps), SARIF results written from a template (the dict json.dumps
wrote), and the pickling that brings findings back from --jobs workers (equal values, equal types)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.core.findings import Applicability, Finding, Fix, Severity


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(JSON)
def test_streamed_json_layout_matches_json_dumps(value):
    import json

    from audit.reporters.json_reporter import _indented

    expected = json.dumps([value], ensure_ascii=False, indent=1)
    assert "[\n " + _indented(value, 1) + "\n]" == expected


FIX = st.builds(lambda start, end, replacement, applicability: Fix(start, end, replacement, applicability=applicability),
                st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=6), st.sampled_from(list(Applicability)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8), st.text(max_size=8), st.integers(0, 10**6), st.integers(0, 10**6),
       st.lists(FIX, max_size=3), st.floats() | st.integers(-2, 2) | st.sampled_from([0.0, -0.0, 0.9]),
       st.sampled_from([1, 2, 3]))
def test_finding_json_matches_json_dumps(text, message, start, line, fixes, confidence, severity):
    import json

    from audit.reporters.json_reporter import finding_json

    f = Finding(code="TERM001", rule="a-rule", category="terminology\u0964", severity=Severity(severity),
                start=start, end=start + len(text), line=line, column=3, text=text, message=message,
                fixes=tuple(fixes), confidence=confidence, path="dir/\"x\".txt", end_line=line, end_column=9)
    expected = json.dumps([f.to_dict()], ensure_ascii=False, indent=1)
    assert "[\n " + finding_json(f) + "\n]" == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=8), st.integers(0, 10**6), st.lists(FIX, max_size=3), st.floats(0, 1),
       st.sampled_from(list(Severity)), st.lists(st.tuples(st.text(max_size=3), st.text(max_size=3)), max_size=2))
def test_findings_pickle_to_equal_values(text, start, fixes, confidence, severity, extra):
    """Findings travel back from --jobs workers pickled as their field values: nothing may change."""
    import pickle
    from dataclasses import fields

    f = Finding(code="TERM001", rule="a-rule", category="terminology", severity=severity, start=start,
                end=start + len(text), line=2, column=3, text=text, message="m", fixes=tuple(fixes),
                confidence=confidence, path="a.txt", end_line=2, end_column=9, extra=tuple(extra))
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(f, protocol=protocol))
        for name in (x.name for x in fields(Finding)):
            assert getattr(back, name) == getattr(f, name)
            assert type(getattr(back, name)) is type(getattr(f, name))
        assert [type(x.applicability) for x in back.fixes] == [Applicability] * len(fixes)


def _sarif_result_dict(f, uri: str, rule_index: int) -> dict:
    """A SARIF result as a dict, as the reporter built it before it wrote each from a template."""
    from audit.core.findings import DISPLAY_ONLY

    levels = {"error": "error", "warning": "warning", "info": "note"}
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
              "charOffset": f.start, "charLength": f.end - f.start, "snippet": {"text": f.text}}
    item = {"ruleId": f.code, "ruleIndex": rule_index, "level": levels[f.severity.label],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
            "properties": {"confidence": round(f.confidence, 3), "category": f.category}}
    if f.fixes:
        item["properties"]["applicability"] = f.applicability.label
        item["properties"]["suggestions"] = f.suggestions
    applicable = [fix for fix in f.fixes if fix.applicability != DISPLAY_ONLY]
    if applicable:
        item["fixes"] = [{
            "description": {"text": f"replace with '{fix.replacement}'" if fix.replacement else "delete"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                "deletedRegion": {"charOffset": fix.start, "charLength": fix.end - fix.start},
                "insertedContent": {"text": fix.replacement}}]}],
            "properties": {"applicability": fix.applicability.label}} for fix in applicable]
    return item


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8), st.text(max_size=8), st.integers(0, 10**6), st.lists(FIX, max_size=3),
       st.floats(0, 1) | st.integers(0, 1), st.sampled_from([1, 2, 3]), st.text(max_size=6))
def test_sarif_results_match_json_dumps(text, message, start, fixes, confidence, severity, path):
    """Each SARIF result is written from a template: the bytes json.dumps(indent=1) gives the dict at
    its place in the log (results at depth 4)."""
    import json

    from audit.reporters.base import FileResult
    from audit.reporters.sarif import SarifReporter, result_json

    f = Finding(code="TERM001", rule="a-rule", category="terminology", severity=Severity(severity), start=start,
                end=start + len(text), line=2, column=3, text=text, message=message, fixes=tuple(fixes),
                confidence=confidence, path=path or "a.txt", end_line=2, end_column=9)
    expected = json.dumps([[[[_sarif_result_dict(f, path, 7)]]]], ensure_ascii=False, indent=1)
    written = result_json(f, json.dumps(path, ensure_ascii=False), 7)
    assert expected == "[\n [\n  [\n   [\n    " + written + "\n   ]\n  ]\n ]\n]"
    whole = SarifReporter("sig").render([FileResult(f.path, [f, f])])
    assert whole == json.dumps(json.loads(whole), ensure_ascii=False, indent=1) + "\n"


# A fix of part of the flagged span is shown as the flagged text it leaves, in the text report and the
# review screen: `['रहे है' → 'हैं']` read as the whole flagged text replaced by one word.
def test_fixed_text_applies_a_fix_inside_the_span_and_leaves_others_alone():
    from audit.core.findings import SAFE, UNSAFE, Fix, Finding, Severity

    def finding(start, end, text, fix):
        return Finding("GRAM001", "rule", "grammar", Severity.WARNING, start, end, 1, start + 1, text, "message",
                       (fix,))

    inside = finding(10, 16, "रहे है", Fix(14, 16, "हैं", applicability=UNSAFE))
    assert inside.fixed_text(inside.fixes[0]) == "रहे हैं"
    repeat = finding(20, 33, "के लिए के लिए", Fix(26, 33, "", applicability=SAFE))
    assert repeat.fixed_text(repeat.fixes[0]) == "के लिए"
    whole = finding(0, 6, "दीपसेक", Fix(0, 6, "डीपसीक", applicability=SAFE))
    assert whole.fixed_text(whole.fixes[0]) == "डीपसीक"
    elsewhere = finding(0, 4, "abcd", Fix(40, 44, "", applicability=UNSAFE))
    assert elsewhere.fixed_text(elsewhere.fixes[0]) == ""


def test_text_report_shows_a_partial_fix_as_the_text_it_leaves(tmp_path):
    from conftest import run_cli

    path = tmp_path / "story.txt"
    path.write_text("वे काम कर रहे है और हम के लिए के लिए आए।\n", encoding="utf-8")
    out = run_cli("check", "--select", "GRAM001,REP003", str(path)).stdout.decode()
    assert "['रहे है' → 'रहे हैं' (unsafe fix)]" in out
    assert "['के लिए के लिए' → 'के लिए']" in out
