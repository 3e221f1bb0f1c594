"""Rule test cases kept as data: each TOML file holds pass/fail/fix strings for one check.

A case with a `source` gives the English original of its text (one segment, as a pairs file
would), which the bilingual checks (BIL) need; a case without one audits the text alone.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from audit.core.findings import UNSAFE, apply_fixes, first_fixes
from audit.lint.checks import ALL_CHECKS, BY_CODE
from audit.lint.engine import Engine

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        code = path.stem
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(code, case, id=f"{code}: {case['name']}")


_ENGINES: dict[str, Engine] = {}


def _engine(code: str) -> Engine:
    if code not in _ENGINES:
        _ENGINES[code] = Engine(checks=[BY_CODE[code]])
    return _ENGINES[code]


def _suppression_findings(text: str) -> list:
    """What SUP001 reports of a text: the markers that covered none of every check's findings, and
    the malformed ones, as `jaanch check` reports them."""
    from audit.core.document import parse_article
    from audit.policy.inline import apply_inline, unused_findings

    if "all" not in _ENGINES:
        _ENGINES["all"] = Engine()
    article = parse_article(text)
    unused = apply_inline(article, _ENGINES["all"].audit(article))[1]
    return unused_findings(article, unused)


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_case(code, case):
    if code == "SUP001":  # a model rule over the other checks' findings (tests/rule_cases/SUP001.toml)
        findings = _suppression_findings(case["text"])
        assert [f.text for f in findings] == case["flags"]
        for f, said in zip(findings, case.get("says", [""] * len(findings)), strict=True):
            assert f.code == code and case["text"][f.start : f.end] == f.text and not f.fixes
            assert said in f.message, f.message
        return
    engine = _engine(code)
    findings = engine.audit_text(case["text"], source=case.get("source"))
    assert [f.text for f in findings] == case["flags"]
    for f in findings:
        assert f.code == code
        assert case["text"][f.start : f.end] == f.text
    if "severity" in case:  # info, warning or error, one per finding
        assert [f.severity.label for f in findings] == case["severity"]
    if "applicability" in case:  # of each finding's first fix: safe, unsafe, display-only, or "" (none)
        assert [f.applicability.label if f.fixes else "" for f in findings] == case["applicability"]
    if "fixed" in case:
        assert _fix_all(engine, case["text"], case.get("source")) == case["fixed"]
    else:
        assert _fix_all(engine, case["text"], case.get("source")) == case["text"], \
            "a case with no `fixed` must not change"


def _fix_all(engine: Engine, text: str, source: str | None = None) -> str:
    """Every safe and unsafe first fix, info included: what an editor accepting them all would get
    (`--fix` itself applies less: see test_cli's fix-safety tests)."""
    for _ in range(10):
        fixes = first_fixes(engine.audit_text(text, source=source), UNSAFE)
        new = apply_fixes(text, fixes) if fixes else text
        if new == text:
            return text
        text = new
    return text


def test_every_check_has_cases_that_pass_and_fail():
    for check in ALL_CHECKS:
        path = CASES_DIR / f"{check.code}.toml"
        assert path.exists(), f"no rule cases for {check.code}"
        cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
        assert any(c["flags"] for c in cases), f"{check.code} has no failing case"


def test_bilingual_checks_need_a_source():
    """Without the English original the bilingual checks have nothing to compare and stay silent."""
    for path in sorted(CASES_DIR.glob("BIL*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            assert "source" in case, f"{path.name}: {case['name']} has no source"
            assert _engine(path.stem).audit_text(case["text"]) == [], f"{path.name}: {case['name']}"


def test_every_check_documents_anti_pattern_and_fix():
    for check in ALL_CHECKS:
        doc = check.__doc__ or ""
        assert "Anti-pattern" in doc and "Fix" in doc, check.code
