"""Precision: clean Hindi must stay (almost) silent, or desks switch the lint off."""

from __future__ import annotations

import json
from collections import Counter


from audit.core.findings import Severity
from conftest import SAMPLES, SHARED, needs_shared

DATA = SHARED / "data" / "indicmt-eval-hi"
REFERENCES = DATA / "Hin_val.jsonl"


def test_clean_sample_has_no_warning(engine):
    from audit.core.document import read_article

    article = read_article(SAMPLES / "clean_monsoon_economy.txt")
    loud = [f for f in engine.audit(article) if f.severity >= Severity.WARNING]
    assert loud == []


def test_artifact_samples_show_every_check(engine):
    from audit.lint.checks import DEFAULT_CHECKS
    from audit.core.document import read_article

    codes = set()
    for path in SAMPLES.glob("*_mt.txt"):
        codes.update(f.code for f in engine.audit(read_article(path)))
    # the bilingual checks need an English source: tests/test_bilingual.py and their rule cases cover them
    assert codes == {c.code for c in DEFAULT_CHECKS if c.category != "bilingual"}


# The checks the reference test was first written for; the recall checks (issue 10) flag real
# typographic slips that human references do contain (a space before the danda, one word spelt
# two ways), so each of those is held to the bar on its own instead.
ORIGINAL_CHECKS = ("TERM001", "TERM002", "TERM003", "TERM004", "SENSE001", "ANGL001", "ANGL002", "ANGL003",
                   "REP001", "REP002", "FMT001", "FMT002", "FMT003", "FMT004", "FMT010")


def _references() -> list[str]:
    refs = [
        json.loads(line)["ref"]
        for split in ("Hin_train.jsonl", "Hin_val.jsonl")
        for line in (DATA / split).read_text(encoding="utf-8").splitlines()
    ]
    return list(dict.fromkeys(refs))  # several MT systems share one source and reference


@needs_shared(REFERENCES)
def test_human_reference_translations_rarely_warn(engine):
    """The annotators' human references are published-quality Hindi; few should trip a warning:
    under 2% from the original checks together, and under 2% from any one check."""
    refs = _references()
    noisy, any_check, by_code = 0, 0, Counter()
    for ref in refs:
        loud = {f.code for f in engine.audit_text(ref) if f.severity >= Severity.WARNING}
        noisy += bool(loud & set(ORIGINAL_CHECKS))
        any_check += bool(loud)
        by_code.update(loud)
    # Every check together: 14 today, each a real slip in the reference (benchmarks/indicmt_references.py);
    # GRAM001 brought two (both train): 'प्रमाण देते है.' beside 'बनाते हैं' twice, and 'आकर्षित करते है.'
    # GRAM002 two more (train), both real: की for the conjunction after है, and after थे (with a कि
    # doubled after it). SPELL004 one more (train), real: '1990 मे' for में. SPELL006 one more (val), real:
    # आवेदन typed with its े after the द. GRAM007 two more (train), both real: 'प्रभाव के तलाश में' and
    # 'विस्तार के पहचान का' (की before the feminine noun). SPELL004's new rows one more (train), real:
    # 'घनिष्ट' for घनिष्ठ; their 'ईवेंट' for इवेंट falls on a reference FMT001 already warned on (¥ 2,500).
    assert any_check <= 14, f"{any_check} of {len(refs)} references got a warning from some check"
    assert len(refs) >= 250 and noisy / len(refs) < 0.02, f"{noisy} of {len(refs)} clean references got a warning"
    loudest = by_code.most_common(1)
    assert not loudest or loudest[0][1] / len(refs) < 0.02, f"{loudest} of {len(refs)} references"
