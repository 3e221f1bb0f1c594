"""The byte forms of the phrase scans and of the JSON report answer what their str forms answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.core.findings import Applicability, Finding, Fix, Severity

WORDS = ["ओपन", "एआई", "सोर्स", "मॉडल", "गूगल", "के", "मिथुन"]
FIX = st.builds(lambda start, end, replacement, applicability: Fix(start, end, replacement, applicability=applicability),
                st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=6), st.sampled_from(list(Applicability)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), max_size=8),
       st.lists(st.sampled_from(WORDS + ["और", "।", "\n"]), max_size=20))
def test_scans_of_characters_match_scans_of_bytes(phrases, words):
    """Past 61,439 distinct phrase words the codes need four UTF-8 bytes and the automaton scans
    characters (offsets as they are), not bytes (offsets divided by 3): both answer the same. An index
    compiled for bytes is compiled again for characters once the codes outgrow three bytes."""
    from unittest import mock

    from audit.core.document import parse_article
    from audit.core.phrases import PhraseIndex

    index: PhraseIndex[int] = PhraseIndex()
    for n, phrase in enumerate(phrases):
        index.add(" ".join(phrase), n)
    sentences = parse_article(" ".join(words)).sentences
    tokens = [t for s in sentences for t in s.tokens]
    narrow = (index.scan(tokens), [(s.index, m) for s, m in index.scan_sentences(sentences)])
    assert not (phrases and tokens) or index._width == 3
    with mock.patch("audit.core.phrases._NARROW", 0):
        wide = (index.scan(tokens), [(s.index, m) for s, m in index.scan_sentences(sentences)])
        assert not (phrases and tokens) or index._width == 1
    assert wide == narrow


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8) | st.sampled_from(["मॉडल", "a\udcffb"]), st.text(max_size=8), st.integers(0, 10**6),
       st.lists(FIX, max_size=2), st.floats() | st.integers(-2, 2) | st.sampled_from([0.0, -0.0, 0.9, True]),
       st.sampled_from([1, 2, 3]), st.sampled_from(["dir/\"x\".txt", "कहा.txt", "a\udcff.txt"]))
def test_finding_bytes_are_finding_json_encoded(text, message, start, fixes, confidence, severity, path):
    """The JSON report's worker side writes UTF-8 bytes directly; it must be the str form, encoded
    (twice: the second time from its kept heads and leaves), or fail to encode exactly where it does."""
    from audit.reporters.json_reporter import finding_bytes, finding_json

    f = Finding(code="TERM001", rule="a-rule", category="terminology\u0964", severity=Severity(severity),
                start=start, end=start + len(text), line=2, column=3, text=text, message=message,
                fixes=tuple(fixes), confidence=confidence, path=path, end_line=2, end_column=9)
    try:
        expected = finding_json(f).encode()
    except UnicodeEncodeError:
        for _ in range(2):
            with pytest.raises(UnicodeEncodeError):
                finding_bytes(f)
        return
    assert finding_bytes(f) == expected
    assert finding_bytes(f) == expected
