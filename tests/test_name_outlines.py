"""A name's outline (its consonants read from its letters by one translate) stands in for its consonant
skeleton where TERM003 and TERM005 ask whether two words may be one name: it must be the skeleton's own
outline for every word, and the checks must find the same whether they romanise every word or only
those the outlines let through."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from conftest import SAMPLES, SEEDS

from audit.core.text import skeleton, translit_key
from audit.language.wordstats import _table
from audit.lint.checks import DEFAULT_CHECKS
from audit.lint.checks.terminology import consonants, entity_consistency, latin_name_variant
from audit.lint.engine import Engine

_BLOCK = [chr(c) for c in range(0x900, 0x980)] + ["\u200c", "\u200d"]


def _expected(word: str) -> str:
    return consonants._skeleton_outline(skeleton(translit_key(word)))


def test_outline_is_the_skeletons_outline_for_every_listed_word():
    words, _ = _table("hi")
    assert len(words) > 10_000
    assert [w for w in words if consonants._outline(w) != _expected(w)] == []


def test_outline_is_the_skeletons_outline_for_every_letter_and_random_strings():
    rng = random.Random(7)
    # every character of the block alone and beside a consonant, a halant, ह (प्ह reads as ph -> f)
    odd = [w for c in _BLOCK for w in (c, "क" + c, c + "क", "प" + c + "ह", "प्" + c + "ह", c + "्ह", "ऌ" + c)
           if consonants._outline(w) != _expected(w)]
    assert odd == []
    pool = _BLOCK + list("कखगपफहरलवसशषनमं्ािीुूेैोौँ़ृ") * 3 + ["a", "Z", "1", "-"]
    strings = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 9))) for _ in range(20_000)]
    assert [w for w in strings if consonants._outline(w) != _expected(w)] == []


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]


def _findings(texts: list[str]) -> list[tuple]:
    engine = Engine(checks=[c for c in DEFAULT_CHECKS if c.code in ("TERM003", "TERM005")])
    return [(f.code, f.start, f.end, f.message, tuple(x.replacement for x in f.fixes))
            for text in texts for f in engine.audit_text(text)]


def _forget():
    entity_consistency._SKELETONS.clear()
    latin_name_variant._KEYS.clear()
    latin_name_variant._PASSED_OVER.clear()
    latin_name_variant._NAME_OUTLINES.clear()


@pytest.mark.parametrize("codes", [("TERM003", "TERM005")])
def test_checks_find_the_same_when_every_word_is_romanised(codes, monkeypatch):
    texts = _texts()
    _forget()
    gated = _findings(texts)
    assert {f[0] for f in gated} == set(codes), "the samples must give both checks something to find"
    # one outline for every word and name: nothing is passed over, every word is romanised
    for module in (entity_consistency, latin_name_variant):
        monkeypatch.setattr(module, "outline", lambda word: "")
        monkeypatch.setattr(module, "skeleton_outline", lambda skel: "")
    monkeypatch.setattr(entity_consistency, "OUTLINES", defaultdict(str))
    _forget()
    assert _findings(texts) == gated
    _forget()

