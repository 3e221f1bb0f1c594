"""Offsets are exact and fixes converge, on random Devanagari/Latin text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.core.findings import apply_fixes

# Words chosen so that checks actually fire: glossary variants, wrong senses, anglicisms,
# currency signs, hyphens, number words, plus plain Hindi, Latin and odd Unicode.
WORDS = [
    "दीपसेक", "डीपसेक", "डीपसीक", "ओपनई", "Openai", "OpenAI", "CHATGPT", "गूगल", "मिथुन", "एआई", "AI",
    "गोद", "लेने", "चटपट", "करता", "है", "नोट", "किया", "आउटगो", "$", "₹", "6", "12", "नौ", "-", "–",
    "ओपन", "सोर्स", "मॉडल", "को", "अपने", "कंपनी", "ने", "।", "?", "“", "”", ",", "दिया-", "ज़\u200dूम",
    "क\u093c", "Microsoft", "माइक्रोसॉफ्ट", "लूमिनारा", "लुमिनारा", "कैपेसिटी", "\u200c", "😀",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", " - ", "-", "\t"]


@st.composite
def articles(draw):
    n = draw(st.integers(min_value=1, max_value=60))
    parts = []
    for _ in range(n):
        parts.append(draw(st.sampled_from(WORDS)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_offsets_are_exact(engine, text):
    for f in engine.audit_text(text):
        assert text[f.start : f.end] == f.text
        assert 0 <= f.start < f.end <= len(text)
        line = text.count("\n", 0, f.start) + 1
        assert f.line == line
        assert f.column == f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        for fix in f.fixes:
            assert 0 <= fix.start <= fix.end <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_fixing_twice_changes_nothing_the_second_time(engine, text):
    once = engine.fix_text(text, unsafe=True).text
    twice, applied, _ = engine.fix_text(once, unsafe=True)
    assert twice == once
    assert applied == 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_a_fix_changes_exactly_the_flagged_span(engine, text):
    for f in engine.audit_text(text):
        for fix in f.fixes:
            fixed = apply_fixes(text, [fix])
            assert fixed[: fix.start] == text[: fix.start]
            assert fixed[fix.start + len(fix.replacement) :] == text[fix.end :]
