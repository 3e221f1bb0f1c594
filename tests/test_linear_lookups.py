"""The lookups that replaced whole-text searches (SPELL001, SPELL002, ANGL004, TERM005) answer exactly
what the searches answered. Each original is kept here as the reference and run on real seed text and
on random strings built to hit the edge cases (hyphen joins, brackets, newlines before a word).
The regular expressions rewritten the same way: test_rewritten_patterns.py.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import defaultdict
from types import SimpleNamespace

import pytest

from lookup_texts import random_texts, seed_texts

from audit.core.conventions import ENGLISH_LINE
from audit.core.document import parse_article
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.anglicism.concept_consistency import _whole_gloss
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Context
from audit.lint.checks.conventions import bracket_spans, inside
from audit.lint.checks.spelling import edit_neighbours, near_miss, spelling_variant
from audit.lint.checks.words import digit_runs
from audit.lint.checks.terminology.latin_name_variant import _deva_before


def _reference_forms(text: str):
    """SPELL001's original: `f"{w1}-{w2}" in text` searched the whole text for every pair of words
    (a spaced pair with a hyphen on its outer side is that hyphened compound's, not a spaced one)."""
    words = [(m.start(), m.end(), m.group()) for m in spelling_variant._WORDS.word.finditer(text)]
    singles = {w for _, _, w in words}
    covered: set[int] = set()
    for (s1, e1, w1), (s2, e2, w2) in zip(words, words[1:]):
        gap = text[e1:s2]
        hyphened_outside = (s1 and text[s1 - 1] in "-\u2010") or text[e2:e2 + 1] in ("-", "\u2010")
        if gap in ("-", "\u2010") or (gap == " " and not hyphened_outside
                                         and (w1 + w2 in singles or f"{w1}-{w2}" in text)):
            if s1 not in covered:
                covered.update((s1, s2))
                yield s1, e2, text[s1:e2]
    for s, e, w in words:
        if s not in covered:
            yield s, e, w


def _reference_spelling_variants(ctx: Context):
    """SPELL001's original: every word and compound read in Python (`_reference_forms`), grouped by key."""
    groups = defaultdict(lambda: defaultdict(list))
    for start, end, form in _reference_forms(ctx.article.text):
        if ctx.conventions.line_kind(start) != ENGLISH_LINE:
            key, nfc = spelling_variant.keyed(form)
            groups[key][nfc].append((start, end))
    for forms in groups.values():
        if len(forms) < 2:
            continue
        ranked = sorted(forms, key=lambda f: (len(forms[f]), hindi_zipf(f.replace("-", " ").split()[0])))
        kept = ranked[-1]
        tied = [f for f in ranked if len(forms[f]) == len(forms[kept])]
        if len(tied) > 1:  # the tie rule (the table's spelling, a spaced loan), as the check applies it
            settled = spelling_variant._table_form(ctx, tied) or spelling_variant._spaced_loan(ctx, tied)
            if settled:
                kept = settled
            elif not (len({spelling_variant._zipf(f) for f in tied}) == 1 or spelling_variant._joined_and_hyphened(tied)):
                # a joined form wordfreq does not know beside its spaced pair: the closed compound is kept
                kept = spelling_variant._unknown_joined(tied, ctx.lexicon.stopwords) or kept
        for form in [f for f in ranked if f != kept]:
            for start, end in forms[form]:
                yield start, end, f"'{form}' ({len(forms[form])}x) and '{kept}' ({len(forms[kept])}x)", kept


def test_spelling_variants_match_the_whole_text_search():
    """SPELL001 counts words by regex and looks up only the compounds and spellings it reports: it
    reports what reading every word and every pair of words in Python reported."""
    from audit.language.glossary import Glossary
    from audit.language.lexicon import Lexicon

    pieces = ["शीत", "लहर", "शीतलहर", "त", "ल", "शीत-लहर", "लहर-शीत", " ", " ", "-", "\u2010", "\n", "a",
              "नये", "नए", "कम्पनी", "कंपनी", "\nEnglish words on a line of their own\n"]
    made_up = random_texts(pieces, 3000, 1)
    check = spelling_variant.SpellingVariant()
    reported = 0
    for text in seed_texts() + made_up:
        ctx = Context(parse_article(text), Glossary.load([]), Lexicon())
        found = [(f.start, f.end, f.message.split(": ")[0], f.fixes[0].replacement) for f in check.run(ctx)]
        assert sorted(found) == sorted(_reference_spelling_variants(ctx)), text
        reported += len(found)
    assert reported  # the comparison is not of empty lists


def test_brackets_and_glosses_match_the_original_scans():
    rng = random.Random(2)
    for text in random_texts(["क", "a", "\n", " ", "(", ")", "[", "]", "ख", "\t", "।"], 5000, 3):
        spans = bracket_spans(text)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert inside(spans, start, end) == any(s <= start and end <= e for s, e in spans)
        assert _whole_gloss(text, start, end) == (
            text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")"))


def test_devanagari_before_a_word_matches_the_regex_on_the_prefix():
    rng = random.Random(4)
    for text in random_texts(["क", "ख", "a", "\n", " ", "।", "ॲ"], 5000, 5):
        end = rng.randint(0, len(text))
        m = re.search("[\u0900-\u0963\u0971-\u097f]+$", text[:end])
        start, run = _deva_before(text, end)
        assert run == (m.group() if m else "")
        assert not m or start == m.start()


@pytest.mark.parametrize("seed", range(3))
def test_near_miss_skips_only_words_no_other_key_can_meet(seed, monkeypatch):
    """SPELL002 without the length shortcut (every word's deletions listed) finds the same slips."""
    from audit.language.glossary import Glossary
    from audit.language.lexicon import Lexicon

    rng = random.Random(seed)
    words = [w for text in seed_texts() for w in text.split() if len(w) > 2]
    slips = [w[:i] + w[i + 1:] for w in rng.sample(words, 40) for i in [rng.randrange(len(w))]]
    text = " ".join(rng.sample(words, 400) + slips + ["क" * 300]) + "।\n"
    ctx = lambda: Context(parse_article(text), Glossary.load([]), Lexicon())  # noqa: E731
    check = near_miss.NearMissSpelling()
    fast = [(f.start, f.end, f.message) for f in check.run(ctx())]
    monkeypatch.setattr(edit_neighbours, "_has_peer", lambda key, lengths: True)
    assert fast == [(f.start, f.end, f.message) for f in check.run(ctx())]
    assert fast  # the made-up slips are found: the comparison is not of two empty lists


def test_hyphen_pairs_match_the_word_first_pattern():
    """SPELL001 finds a hyphen pair by its hyphen and reads the words out; the original pattern
    opened with the first word. Both give the same pairs, chains (अ-ब-स) and joiners included."""
    letters = "\u0900-\u0963\u0971-\u097f\u200c\u200d"
    original = re.compile(f"(?<![{letters}])([{letters}]+)[-\u2010](?=([{letters}]+))")
    pieces = ["क", "ख", "\u094d", "\u200d", "-", "\u2010", "--", " ", "a", "।", "\n", "ॲ", "\u0970"]
    for text in random_texts(pieces, 20000, 6) + seed_texts():
        expected = [(m.start(), m.end(1), m.end(), m.end() + len(m.group(2))) for m in original.finditer(text)]
        assert spelling_variant._hyphen_pairs(text) == expected


@pytest.mark.parametrize("seed", range(3))
def test_near_miss_neighbours_by_type_match_the_articles_own_index(seed):
    """SPELL002's neighbours from the per-type links (kept from article to article) are the ones
    the article's own deletion index gives, for every flaggable word of every article."""
    rng = random.Random(seed)
    words = sorted({w for text in seed_texts() for w in spelling_variant._WORDS.word.findall(text) if len(w) < 40})
    found = 0
    for _ in range(6):  # one article after another: links made for earlier ones stay
        chosen = rng.sample(words, 300)
        slips = []
        for w in rng.sample(chosen, 80):
            i, ch = rng.randrange(len(w)), rng.choice(w)
            slips += [w[:i] + w[i + 1:], w[:i] + ch + w[i:], w[:i] + ch + w[i + 1:], w[:i] + w[i:i + 2][::-1] + w[i + 2:]]
        by_key = {key: [key] for key in chosen + slips if key}
        able = {key for key in by_key if rng.random() < 0.5}
        flaggable = [(key, forms) for key, forms in by_key.items() if rng.random() < 0.4]
        by_type = edit_neighbours.near_by_type(by_key, able, flaggable)
        assert by_type == edit_neighbours.near_in_article(by_key, able, flaggable)
        found += sum(map(len, by_type.values()))
    assert found > 100  # the slips are found: the comparison is not of empty sets


def test_split_compounds_are_tried_only_where_they_can_start():
    """FMT002 tries its pattern only at the word before a hyphen with a space beside it: the same
    matches as a search of every position."""
    from audit.lint.checks.formatting import hyphen_space

    pieces = ["क", "ख", "a", "Z", "7", "१", "ॐ", " ", "  ", "-", "--", "–", "\n", ".", "है"]
    found = 0
    for text in seed_texts() + random_texts(pieces, 20000, 13):
        got = [(m.span(), m.groups()) for m in hyphen_space._split_compounds(text)]
        assert got == [(m.span(), m.groups()) for m in hyphen_space._PATTERN.finditer(text)], text
        found += len(got)
    assert found


@pytest.mark.parametrize("seed", range(3))
def test_split_pairs_walk_matches_every_split_of_every_word(seed):
    """SPELL001's split pairs from a walk over the sorted words are every (w1, w2) of two words
    whose join is a word too, as every split of every word finds them (long pasted runs included)."""
    rng = random.Random(seed)
    words = sorted({w for text in seed_texts() for w in spelling_variant._WORDS.word.findall(text)})
    found = 0
    for _ in range(6):
        singles = set(rng.sample(words, 300))
        parts = list(singles)
        singles |= {rng.choice(parts) + rng.choice(parts) for _ in range(60)}  # joins that split
        singles |= {"क" * n for n in rng.sample(range(1, 90), 12)}  # runs, some over 40 letters
        expected = {(w[:n], w[n:]) for w in singles for n in range(1, len(w)) if w[:n] in singles and w[n:] in singles}
        assert spelling_variant._split_pairs(singles) == expected
        found += len(expected)
    assert found > 100


def test_number_words_tried_where_a_count_can_start_match_the_search():
    """NUM002 tries its quantity pattern only at the number words the article writes and where a run
    of digits starts, and the mixed quantity only at a run of digits: the same matches as a search
    of the whole text (Devanagari and other scripts' digits, number words inside longer words)."""
    from audit.language.lexicon import Lexicon
    from audit.lint.checks.numbers import number_words

    numbers = number_words._counted(Lexicon().numbers)
    pattern = number_words._quantity(tuple(numbers))
    pieces = ["दो", "तीन", "दस", "सौ", "हजार", "बीस", "क", "दोनों", "ग्राम", " ", " ", "  ", ".", ",", "-", "1",
              "23", "१०", "٣", "\n", "से", "a"]
    found = mixed = 0
    for text in seed_texts() + random_texts(pieces, 20000, 11):
        # the article's words are counted from its tokens (words.devanagari_counts): a parsed article
        ctx = SimpleNamespace(article=parse_article(text), shared={})
        digits = [start for start, _ in digit_runs(ctx)]
        got = [(m.span(), m.group("n"), m.group("unit")) for m in number_words._quantities(ctx, numbers, digits)]
        assert got == [(m.span(), m.group("n"), m.group("unit")) for m in pattern.finditer(text)], text
        got_mixed = [m.span() for m in matches_at(number_words._MIXED, text, digits)]
        assert got_mixed == [m.span() for m in number_words._MIXED.finditer(text)], text
        found, mixed = found + len(got), mixed + len(got_mixed)
    assert found and mixed


def test_latin_names_sound_alikes_by_key_match_every_pair(monkeypatch):
    """TERM005 looks a Latin name's Devanagari sound-alikes up by key and deletions where there are
    many names and words: the same words, in the same order, as comparing every pair; and the check
    reports the same either way."""
    from audit.language.glossary import Glossary
    from audit.language.lexicon import Lexicon
    from audit.lint.checks.terminology import latin_name_variant as variant
    from audit.lint.checks.terminology.entity_consistency import _spell_acronym

    rng = random.Random(5)
    letters, signs, latin_letters = "कखगचजटडतदनपबमरलसहए", ["ा", "ि", "", "ो"], "bcdfgklmnprstvai"
    matched = 0
    for _ in range(200):
        deva = list(dict.fromkeys("".join(rng.choice(letters) + rng.choice(signs) for _ in range(rng.randint(2, 4)))
                                  for _ in range(rng.randint(5, 80))))
        deva = [w for w in deva if len(w) >= 3] + ["एआई", "नाटो"]
        latin = list(dict.fromkeys("".join(rng.choice(latin_letters) + rng.choice("aeiou")
                                           for _ in range(rng.randint(1, 4))).capitalize() for _ in range(30)))
        latin += ["AI", "NATO"]
        pairwise = {w: [d for d in deva if d == _spell_acronym(w) or variant._sounds_like(d, w)] for w in latin}
        assert variant._sounding(latin, deva) == pairwise
        matched += sum(map(len, pairwise.values()))
    assert matched > 100  # the random words do sound alike often enough to test something
    text = " ".join(f"{rng.choice(letters)}ा{rng.choice(letters)}ा{rng.choice(letters)}ा "
                    f"{''.join(rng.choice(latin_letters) + rng.choice('aeiou') for _ in range(3)).capitalize()} है।"
                    for _ in range(400))
    text += " नाटो ने कहा। NATO ने कहा। NATO का बयान। पोलारिस आया। Polaris गया। Polaris फिर।"
    check = variant.LatinNameVariant()

    def found():
        ctx = Context(parse_article(text), Glossary.load([]), Lexicon())
        return [(f.start, f.end, f.message) for f in check.run(ctx)]

    monkeypatch.setattr(variant, "_PAIRS_COMPARED", 10**9)
    every_pair = found()
    monkeypatch.setattr(variant, "_PAIRS_COMPARED", 0)
    assert found() == every_pair and every_pair


# BIL's source words: the original searched all the text before every capitalised word with this
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(]\s*|\s[-–—]\s)$")


def test_sentence_start_read_back_agrees_with_the_search_it_replaced():
    from audit.lint.checks.bilingual.english import _opens_sentence

    rng = random.Random(11)
    alphabet = list('ab .!?:;"“‘(-–—\n\t\u00a0\u2003')
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        for pos in range(len(text) + 1):
            assert _opens_sentence(text, pos) == bool(_SENTENCE_START.search(text[:pos])), (text, pos)



def _reference_listed_beside(text: str, start: int, end: int, kept) -> bool:
    """ANGL004's original: every minority word compared with every occurrence of the kept word, which
    grew with the square of a long article's mentions (a 1.2 M-character article: 74 s in this loop)."""
    for s, e, _ in kept:
        between = text[e:start] if e <= start else text[end:s]
        if len(between) <= 5 and between.strip() in {",", "और", "या", "व", "/"}:
            return True
    return False


def test_words_listed_beside_match_comparing_every_pair():
    from audit.lint.checks.anglicism.concept_consistency import _Neighbours

    rng = random.Random(7)
    for text in random_texts(["सुरक्षा", "सेफ्टी", ", ", " और ", " या ", "/", " व ", " ", "  ", "\n", "x", "।"], 400, 11):
        spans = [(a, b) for a in range(len(text)) for b in range(a + 1, min(len(text), a + 9) + 1)]
        for _ in range(5):
            kept = sorted((s, e, 0) for s, e in rng.sample(spans, min(len(spans), rng.randint(1, 6))))
            beside = _Neighbours(kept)
            for start, end in rng.sample(spans, min(len(spans), 10)):
                assert beside.listed(text, start, end) == _reference_listed_beside(text, start, end, kept), (
                    text, start, end, kept)


def _reference_spelling_key(word: str, chandra: bool = True) -> str:
    """SPELL001's spelling key as first written: every step run on every word."""
    key = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(spelling_variant._FOLD))
    key = spelling_variant._NASAL_HALANT.sub("\u0902", key)
    key = spelling_variant._YE.sub(lambda m: spelling_variant._YE_VOWEL[m.group(1)], key)
    if chandra and len(key) >= 4:
        key = key.replace("\u0949", "\u093e")
    return re.sub("[-\u2010 ]", "", key)


def test_spelling_key_steps_taken_only_where_needed_match_every_step_taken():
    """`spelling_key` runs a step only where the word has a character it changes: the same keys."""
    pieces = ["क", "न", "म", "\u094d", "य", "\u0947", "\u0940", "\u0901", "\u0902", "\u093c", "\u0958",
              "\u0929", "\u200c", "\u200d", "\u0949", "ा", "-", "\u2010", " ", "a"]
    words = random_texts(pieces, 20000, 17) + [w for text in seed_texts() for w in text.split()]
    for word in words:
        for chandra in (True, False):
            assert spelling_variant.spelling_key(word, chandra) == _reference_spelling_key(word, chandra), word


def test_a_currency_variant_asks_about_its_sentence_once(monkeypatch):
    """TERM001 reads a currency variant's sentence for a sum of money (डोलर, a fairground ride, is no
    dollar); asked per variant, a long sentence full of them was read once per variant (quadratic:
    33 s for 4,000 of them). Each sentence is read once; the verdict is the same."""
    from audit.lint.checks.terminology import glossary_variant
    from audit.lint.engine import Engine

    engine = Engine()  # the house glossary, where डोलर is a variant of dollar
    ctx = lambda text: Context(parse_article(text), engine.glossary, engine.lexicon, engine.settings, None)  # noqa: E731

    asked = []
    original = glossary_variant._money_sentence
    monkeypatch.setattr(glossary_variant, "_money_sentence", lambda ctx, sent: asked.append(sent) or original(ctx, sent))
    check = glossary_variant.GlossaryVariant()
    rides = "मेले में झूला, चकरी व डोलर " * 50 + "सब थे।"
    assert list(check.run(ctx(rides + "\n"))) == []
    assert len(asked) == 1
    money = rides + " एक डोलर की कीमत 90 रुपये है।\n"
    found = list(check.run(ctx(money)))
    assert [f.text for f in found] == ["डोलर"]  # the money sentence's variant, not the ride's


def test_other_heads_key_each_word_once_and_match_every_pair(monkeypatch):
    """SPELL001's other spellings of a spaced pair's first word: the text's words grouped by spelling
    key once, where every pair was compared with every word of a head's key (quadratic in a long
    article: 1.4 s of SPELL001 over 600 pages pasted as one). The same pairs as that comparison."""
    key = spelling_variant.spelling_key
    joined = [f"{a}म्प{b}" for a in "कखगघचछजझ" for b in "तथदधनपफबभ"]  # सम्पत्ति's spelling
    singles = joined + [f"{a}ंप{b}" for a in "कखगघ" for b in "तथद"]  # and संपत्ति's, for 12 of them
    pairs = {(w, tail) for w in joined for tail in ("कर", "दर")}
    reference = pairs | {(w, tail) for head, tail in pairs for w in singles
                         if key(w) in {key(h) for h, _ in pairs} and key(w) == key(head)}
    calls = []
    monkeypatch.setattr(spelling_variant, "spelling_key", lambda word: calls.append(word) or key(word))
    assert spelling_variant._with_other_heads(pairs, singles) == reference
    assert len(reference) > len(pairs)  # the other spellings are there to find
    assert len(calls) <= 2 * len(pairs) + len(singles)
