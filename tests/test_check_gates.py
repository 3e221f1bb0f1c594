"""Checks that skip the places where their rule cannot fire (GRAM001's है after no participle's last
letter, GRAM002's word before the word before की where no two-word row ends) flag exactly what the
loops that read every place flagged. Each original loop is kept here as the reference and run on the
seeds, the samples and random texts built from the words involved."""

from __future__ import annotations

import random

import pytest
from conftest import SAMPLES, SEEDS

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.document import parse_article
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix
from audit.lint.checks.base import Context
from audit.lint.checks.grammar import ki_conjunction, plural_auxiliary
from audit.lint.checks.words import DEVANAGARI_RUN, Reversed


def _reference_gram001(check, ctx):
    """GRAM001 reading every है of the text."""
    text = ctx.article.text
    table = ctx.lexicon.plural_participles
    words, endings, unless = table["word"], table["ending"], table["unless"]
    ending = plural_auxiliary._ends_in(endings)
    hai = text.find("है", 1)
    while hai >= 0:
        end = hai + 2
        if text[hai - 1] == " " and end < len(text) and text[end] not in plural_auxiliary._LETTERS:
            start = Reversed(text).run_start(hai - 1)
            participle = text[start:hai - 1]
            if participle in plural_auxiliary._HUE:
                start, agrees = plural_auxiliary._before_hue(Reversed(text), start, words)
                participle = text[start:hai - 1]
            else:
                agrees = participle in words or ending(participle)
            if (agrees and participle not in unless and not plural_auxiliary._named(text, start)
                    and ctx.conventions.kind(start, end) not in (ENGLISH_LINE, CHROME)):
                singular = plural_auxiliary._singular_subject(text, start, ctx.lexicon)
                yield ctx.finding(check, start, end, "plural",
                                  [Fix(hai, end, "हैं", applicability=DISPLAY_ONLY if singular else UNSAFE)])
        hai = text.find("है", end)


def _reference_gram002(check, ctx):
    """GRAM002 reading both words around every की."""
    text = ctx.article.text
    table = ctx.lexicon.ki_conjunction
    before, unless, after_participle = table["before"], table["unless"], table["after_participle"]
    reverse = Reversed(text)
    at = text.find(" की ")
    while at >= 0:
        ki, end = at + 1, at + 3
        start = reverse.run_start(at)
        word, next_word = text[start:at], text[end + 1:DEVANAGARI_RUN.match(text, end + 1).end()]
        if word in after_participle or word not in before:
            previous = reverse.word_before(start)
            if word in after_participle and ki_conjunction._after_participle(previous):
                word = f"{previous} {word}"
            elif word not in before and f"{previous} {word}" in before:
                word = f"{previous} {word}"
        if ((word in before or " " in word) and next_word and next_word not in unless
                and ctx.conventions.kind(ki, end) not in (ENGLISH_LINE, CHROME)):
            yield ctx.finding(check, ki, end, "ki", [Fix(ki, end, "कि", applicability=UNSAFE)])
        at = text.find(" की ", end)


PIECES = ["है", "हैं", " है", " है।", "रहे", "करते", "गए", "गये", "चुके", "लगे", "वाले", "आए", "हुए", "लिए",
          "वास्ते", "रही", "नाम", "की", " की ", "कि", "माना", "ने", "उसने", "कहते", "बताया", "कहा", "गया",
          "बिहार", "के", "जो", "जा", "किसान", "फसल", "Also Read", "\n", " ", "  ", "।", ",", "ए", "े", "ते", "गई", "दी", "बने", "घायल", "बनाए"]


def _texts() -> list[str]:
    rng = random.Random(41)
    made = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(1500)]
    made += ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))) for _ in range(1500)]
    return made + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("code", ["GRAM001", "GRAM002"])
def test_gated_grammar_checks_flag_what_reading_every_place_flagged(code):
    from audit.lint.engine import Engine

    engine = Engine()
    check = next(c for c in engine._instances if c.code == code)
    reference = _reference_gram001 if code == "GRAM001" else _reference_gram002
    flagged = 0
    for text in _texts():
        if not text.strip():
            continue
        ctx = Context(parse_article(text), engine.glossary, engine.lexicon)
        got = [(f.start, f.end, f.fixes) for f in check.run(ctx)]
        assert got == [(f.start, f.end, f.fixes) for f in reference(check, ctx)], text
        flagged += len(got)
    assert flagged > 50  # the random texts hold the rule's cases, not only texts where nothing fires


def test_spell002_picks_a_keys_most_written_form_as_a_count_of_every_form_would():
    """SPELL002 counts forms by NFC only for the keys written more than once (`edit_neighbours.grouped`); the form it
    offers (`edit_neighbours.most_written`) is the one a count of every word's NFC picks."""
    from collections import Counter

    from audit.lint.checks.spelling import edit_neighbours, near_miss

    # one key written several ways: the nukta, its precomposed letter, the chandrabindu and the anusvara
    pieces = ["ज़रूर", "जरूर", "ज\u093cरूर", "\u095bरूर", "फ़ोन", "फोन", "\u095eोन", "हँसी", "हंसी", "किसान", "मंडी"]
    rng = random.Random(43)
    for _ in range(2000):
        written = Counter({word: rng.randint(1, 4) for word in rng.sample(pieces, rng.randint(1, len(pieces)))})
        typed = list(map(near_miss._TYPES.__getitem__, written))
        at, counts, _, zipfs, nfc_count, _ = edit_neighbours.grouped(written, typed)
        by_nfc: Counter = Counter()
        for (nfc, *_), n in zip(typed, written.values()):
            by_nfc[nfc] += n
        # by key: its count, its first form's zipf and its forms in order of first use, as one walk gives them
        count: Counter = Counter()
        zipf: dict = {}
        forms_of: dict = {}
        for (nfc, key, word_zipf, _), n in zip(map(near_miss._TYPES.__getitem__, written), written.values()):
            count[key] += n
            zipf.setdefault(key, word_zipf)
            if nfc not in forms_of.setdefault(key, []):
                forms_of[key].append(nfc)
        assert list(at) == list(forms_of)
        assert {key: (counts[at[key]], zipfs[at[key]], list(typed[at[key]][3])) for key in at} == \
            {key: (count[key], zipf[key], forms_of[key]) for key in forms_of}
        for forms in (typed[place][3] for place in at.values()):
            assert edit_neighbours.most_written(forms, nfc_count) == max(forms, key=by_nfc.__getitem__)
