"""A check that keeps answers per distinct window of words across articles (ANGL001's established-phrase
windows) finds the same when its memo is cleared every few entries as when it holds everything:
clearing between articles loses no answer."""

from __future__ import annotations

import pytest

from conftest import SAMPLES, SEEDS

from audit.lint.checks.anglicism import known_anglicism
from audit.lint.checks import DEFAULT_CHECKS
from audit.lint.engine import Engine


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    # each text, then again with a sentence of its own added (an article of sentences met before and
    # one new one: the memo is full when the new one is read), then its halves
    added = "\nइस खबर में एक नया वाक्य जोड़ा गया है जो पहले कहीं नहीं लिखा गया था।"
    return [t for text in texts for t in (text, text + added, text[: len(text) // 2], text[len(text) // 2 :])]


def _findings(engine: Engine, texts: list[str]) -> list[tuple]:
    return [(f.code, f.start, f.end, f.message) for text in texts for f in engine.audit_text(text)]


@pytest.mark.parametrize("code", ["ANGL001"])
def test_findings_do_not_depend_on_when_the_memo_is_cleared(code, monkeypatch):
    engine = Engine(checks=[c for c in DEFAULT_CHECKS if c.code == code])
    texts = _texts()
    roomy = _findings(engine, texts)
    assert roomy, f"{code} finds nothing on the samples: the comparison would hold for any memo"
    monkeypatch.setattr(known_anglicism, "_MAX_WINDOWS", 3)
    known_anglicism._ESTABLISHED[0] = None
    assert _findings(engine, texts) == roomy
