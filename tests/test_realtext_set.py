"""The real-news dev set's tables stay consistent, short and free of page text; the benchmark's
fix read-back ties each changed region to the finding whose fix explains it."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("realtext_eval", ROOT / "benchmarks" / "realtext_eval.py")
realtext_eval = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = realtext_eval  # dataclasses look their module up
spec.loader.exec_module(realtext_eval)


def test_verdict_rows_are_well_formed_and_short():
    rows = realtext_eval.read_tsv(realtext_eval.DATA / "verdicts.tsv")
    pages = {r["id"] for r in realtext_eval.read_tsv(realtext_eval.DATA / "pages.tsv")}
    assert rows
    keys = Counter((r["id"], r["code"], r["start"], r["end"], r["text"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []
    for r in rows:
        assert tuple(r) == realtext_eval.VERDICT_FIELDS
        assert r["id"] in pages
        assert int(r["start"]) <= int(r["end"])
        # the flagged span only, never a page sentence (short() cuts long spans to head…tail)
        assert len(r["text"]) <= realtext_eval.SHORT and len(r["fix"]) <= realtext_eval.SHORT, r
        assert r["verdict"] in (("-",) if r["code"] == "FIX" else ("true", "false")), r
        assert r["fix_ok"] in ("yes", "no", "-"), r
        assert (r["fix_ok"] == "-") == (r["fix"] == "-"), r
        assert r["reason"] and len(r["reason"]) <= 80, r


def test_short_keeps_small_spans_and_cuts_long_ones():
    assert realtext_eval.short("a\tb") == "a\\tb"
    long = "क" * 100
    cut = realtext_eval.short(long)
    assert len(cut) <= realtext_eval.SHORT and "…" in cut
    assert realtext_eval.unescape(realtext_eval.escape("x\\n\ny")) == "x\\n\ny"


def _found(start, end, text, fix, code="TERM001", fix_span=None):
    return realtext_eval.Found("p", code, "warning", start, end, text, "", fix_span or (start, end), fix)


def test_applied_fixes_are_tied_to_the_finding_that_explains_them():
    before = "आज बाइडेन ने कहा और फिर चुप रहे।"
    after = "आज बाइडन ने कहा और फिर चुप रहे।"
    start = before.index("बाइडेन")
    finding = _found(start, start + len("बाइडेन"), "बाइडेन", "बाइडन")
    (applied,) = realtext_eval.applied_fixes("p", before, after, [finding])
    assert applied.key == finding.key and applied.after == "बाइडन"


def test_a_fix_narrower_than_its_finding_shows_the_whole_word_change():
    before = "दाम 50 रु , आज"
    after = "दाम 50 रु, आज"
    space = before.index(" ,")
    finding = _found(space - 2, space + 2, "रु ,", "", code="FMT010", fix_span=(space, space + 1))
    (applied,) = realtext_eval.applied_fixes("p", before, after, [finding])
    assert applied.key == finding.key and (applied.before, applied.after) == ("रु ,", "रु,")


def test_a_deletion_fix_does_not_explain_an_unrelated_change():
    before = "दाम 50 रु , आज बाइडेन आए"
    after = "दाम 50 रु , आज बाइडन आए"
    space = before.index(" ,")
    finding = _found(space, space + 1, " ", "", code="FMT010")
    (applied,) = realtext_eval.applied_fixes("p", before, after, [finding])
    assert applied.code == "FIX" and (applied.before, applied.after) == ("बाइडेन", "बाइडन")


def test_a_change_no_finding_explains_is_reported_as_fix_with_whole_words():
    before = "राष्ट्रपति जो बाइडन (Joe Biden) ने कहा"
    after = "राष्ट्रपति Joe Biden (Joe Biden) ने कहा"
    applied = realtext_eval.applied_fixes("p", before, after, [])
    assert [(a.code, a.before, a.after) for a in applied] == [("FIX", "जो", "Joe"), ("FIX", "बाइडन", "Biden")]


def test_a_fix_that_leaves_a_lone_hyphen_can_be_judged():
    # the fix column writes "-" for "no fix", so an applied fix whose after surface is a lone hyphen
    # (a deleted SEO tail leaving `रेस -`) is written "\-" and still matches its verdict row
    applied = realtext_eval.Applied("p", 5, 9, "टेल", "- टेल", "-", "REP001")
    assert realtext_eval.fix_cell(applied.after) == "\\-"
    row = {"fix": realtext_eval.fix_cell(applied.after), "fix_ok": "no"}
    assert realtext_eval._fix_verdict(applied, {applied.key: row}) == "no"
