"""Whole-text regex scans replaced by cheaper ones (FMT001, FMT003, FMT010, ENC001, ANGL003-005, SPELL001,
the shared digit runs and Latin runs, REP001, TERM003/TERM005, the conventions' kickers) find exactly
what the original scans found: a pattern tried only at the characters `str.find` finds, a run pattern
opening with its class (`runs_of`), one search for the sentences with a Latin letter. Each original is
kept here as the reference and run on the seeds, the samples and random strings built from the
characters involved.
"""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

from conftest import SAMPLES, SEEDS

from audit.core.document import parse_article
from audit.core.text import LATIN
from audit.lint.checks import conventions as bracket_conventions
from audit.lint.checks.alternation import char_starts, matches_at, needle_starts
from audit.lint.checks.encoding import encoding_hygiene
from audit.lint.checks.formatting import currency_space, hyphen_dash, punctuation_space
from audit.lint.checks.words import runs_of, sentences_with_latin

PIECES = ["क", "ख़", "क़", "ि", "ं", "\u095f", "\u0958", "।", ",", "?", "!", "(", ")", "[", "]", " ", "  ", "\t",
          "\u00a0", "\n", "-", "\u2010", "$", "₹", "€", "£", "¥", "1", "1,000", "२०", "٣", "a", "Z", "C++", "5G",
          "+", ".", "बाइडन", "(ISRO)", "[1]", "$ 6", "₹ 1,200.50", " - ", "क - ख", " - - "]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    made = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]
    return made + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]


def test_needle_starts_are_every_place_char_starts_finds_once():
    """One search for needles finds each place any needle starts at, overlapping ones and those two
    needles share included: the checks' own needles, and random ones that open each other or overlap."""
    from audit.lint.checks.formatting.run_on import _FINITE_WORDS
    from audit.lint.checks.grammar.direct_before_postposition import _NEEDLES

    rng = random.Random(7)
    letters = ["क", "े", "ा", " ", "ि", "त", "र", "फ", "़", "ह", "ै", "ं"]
    sets = [_NEEDLES, _FINITE_WORDS, (" के तरफ", " के तरफ़", " कि तरह", " के जगह"), ("ा ", " क", "क "), ("कक", "ककक")]
    sets += [tuple({"".join(rng.choice(letters) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))})
             for _ in range(300)]
    # many needles sharing long openings, as GRAM007's genitive-and-noun pairs do: the nested lookahead
    sets += [tuple({"".join(rng.choice(letters[:6]) for _ in range(rng.randint(1, 7))) for _ in range(rng.randint(8, 40))})
             for _ in range(60)]
    sets.append(_genitive_needles())
    texts = _texts(300, 3) + ["".join(rng.choice(letters) for _ in range(rng.randint(0, 60))) for _ in range(300)]
    for needles in sets:
        for text in texts:
            assert needle_starts(text, needles) == sorted(set(char_starts(text, needles))), (needles, text)


def _genitive_needles() -> tuple[str, ...]:
    from audit.language.lexicon import Lexicon
    from audit.lint.checks.grammar.masculine_genitive import genitive_needles

    table = Lexicon().feminine_nouns
    return genitive_needles(table["noun"], table["genitive"])


def test_char_starts_are_where_the_class_matches():
    for text in _texts(3000, 1):
        for chars in ("।,", ",।?!)", "([", "-\u2010", "$₹€£¥", "("):
            assert char_starts(text, chars) == [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]


def test_patterns_tried_at_their_opening_characters_match_the_whole_text_scans():
    old_marks = re.compile("[,।?!)](?<=[ \t\u00a0][,।?!)])")
    for text in _texts(3000, 2):
        assert bracket_conventions.bracket_spans(text) == [m.span() for m in bracket_conventions._BRACKETS.finditer(text)]
        pattern = currency_space._PATTERN
        assert ([m.span() for m in matches_at(pattern, text, char_starts(text, currency_space._SIGNS))]
                == [m.span() for m in pattern.finditer(text)])
        spaced = hyphen_dash._SPACED
        assert ([m.span() for m in matches_at(spaced, text, char_starts(text, (" - ",)))]
                == [m.span() for m in spaced.finditer(text)])
        marks = []
        for m in old_marks.finditer(text):
            start = m.start() - 1
            while start > 0 and text[start - 1] in " \t\u00a0":
                start -= 1
            marks.append(start)
        assert punctuation_space._runs_before_marks(text) == marks
        assert (any(map(text.__contains__, encoding_hygiene._PRECOMPOSED_LETTERS))
                == bool(encoding_hygiene._PRECOMPOSED.search(text)))


def test_run_patterns_opening_with_their_class_match_the_repeats():
    classes = [r"\d", "[A-Za-z0-9+]", "[\u0900-\u0963\u0971-\u097f]", "[\u0900-\u0963\u0971-\u097f\u200c\u200d]"]
    for text in _texts(3000, 3):
        for char_class in classes:
            runs = runs_of(char_class)
            assert [m.span() for m in runs.finditer(text)] == [m.span() for m in re.finditer(f"{char_class}+", text)]
            assert runs.findall(text) == re.findall(f"{char_class}+", text)
            assert runs.sub("", text) == re.sub(f"{char_class}+", "", text)


def test_sentences_with_a_latin_letter_are_those_the_search_of_each_finds():
    for text in _texts(3000, 4):
        if not text.strip():
            continue
        article = parse_article(text)
        ctx = SimpleNamespace(article=article, shared={})
        assert sentences_with_latin(ctx) == [s for s in article.sentences if LATIN.search(s.text)]


def test_conventions_list_kicker_and_line_kickers_match_the_original_scans():
    from audit.core import conventions

    old_list = re.compile(r"(?<![\w.])\d{1,2}[.)][ \t]+[A-Z][A-Za-z0-9&'-]*(?:[ \t]+[A-Za-z0-9&'-]+){0,4}[ \t]*:")
    pieces = PIECES + ["2.", "12)", "१.", "3. ", "x1.", ".4.", ": ", ":", "– ", " –", "-", "Model", "Bike X",
                       "डेस्क", "पटना, 4 मार्च", "•", "* ", "\n"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        assert ([m.span() for m in conventions._LIST_KICKER.finditer(text)]
                == [m.span() for m in old_list.finditer(text)])
        found = conventions.Conventions(text)
        for line_no, (start, end) in enumerate(found.lines):
            # the original: the pattern tried on every line, whatever the line holds
            m = conventions._KICKER.match(text, start, end)
            if m is None or m.end() >= end:
                assert found._kicker(line_no) is None


def test_run_on_stretches_passed_over_hold_fewer_than_two_boundaries():
    from audit.lint.checks.formatting import run_on

    pieces = ["है ", "हैं ", "था ", "थे ", "थी ", "थीं ", "है", "हैं।", "कहा ", "गए ", "कि ", "जो ", "आज ", "लोग ",
              "दिए ", "राम", "a ", "5 ", ", ", "। ", "\n", "ं", " "]
    rng = random.Random(6)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(20_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        for stretch in run_on._STRETCH.finditer(text):
            s, e = stretch.span()
            found = len(list(run_on._FINITE.finditer(text, s, e)))
            assert run_on._finite_words(text, s, e) >= found
            assert len(list(run_on._boundaries(text, s, e, frozenset({"कि"}), frozenset({"जो"}), frozenset({"आज"})))) <= found


def test_run_on_finite_places_count_what_str_count_counts_on_lines_and_stretches():
    """FMT006 counts a line's and a stretch's है/था by bisecting the article's places of them
    (`_finite_places`); the reference is `_finite_words`, six `str.count` calls over the range."""
    from bisect import bisect_left

    from audit.core.conventions import Conventions
    from audit.lint.checks.formatting import run_on

    pieces = ["है ", "हैं ", "था ", "थे ", "थी ", "थीं ", "है", "हैं।", "थीं।", "ह", "ै", "ं ", "कहा ", "कि ", "। ",
              "|", "?", "!", ".", ":", "॥", "\n", "\r\n", " ", "a ", "5 ", "हैहै ", "थीथीं "]
    rng = random.Random(16)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(20_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        places = run_on._finite_places(text)
        assert len(places) == run_on._finite_words(text, 0, len(text))
        for start, end in Conventions(text).lines:
            assert (bisect_left(places, end) - bisect_left(places, start)
                    == run_on._finite_words(text, start, end))
            for stretch in run_on._STRETCH.finditer(text, start, end):
                s, e = stretch.span()
                assert bisect_left(places, e) - bisect_left(places, s) == run_on._finite_words(text, s, e)


def test_loan_nukta_searched_by_its_openings_matches_the_alternation():
    from audit.lint.checks.terminology import glossary_variant

    pieces = ["क", "ख", "ग", "ज", "फ", "य", "ड", "ढ", "\u093c", "\u0958", "\u095b", "\u095c", "\u095e", "\u095f",
              "ा", " ", "a", "़़"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        assert glossary_variant._has_loan_nukta(text) == (glossary_variant._LOAN_NUKTA.search(text) is not None)


def test_a_list_kicker_holds_its_item_head():
    from audit.core import conventions

    pieces = ["2.", "12)", "3. ", ". ", ") ", ".\t", "Model", "Bike X", "a", "Z", ":", " ", "क", "1", "x1.", "\n"]
    rng = random.Random(8)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        if conventions._LIST_KICKER.search(text):
            assert conventions._LIST_ITEM_DOT.search(text) or conventions._LIST_ITEM_BRACKET.search(text)


def test_latin_count_counts_what_the_letter_pattern_finds():
    from audit.core import conventions

    pieces = ["a", "Z", "m", "क", "ा", " ", "?", "1", "é", "ß", "\u0130", "\U0001d400", "\ud800", "\t", "\n", "@", "[", "`", "{"]
    rng = random.Random(9)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        assert conventions.latin_count(text) == len(conventions._LATIN_LETTERS.findall(text))


def test_acronyms_found_by_text_are_those_the_walk_over_every_token_finds():
    from audit.language.lexicon import Lexicon
    from audit.lint.checks.anglicism import acronym_runs as cc

    concepts = Lexicon().concepts
    pieces = ["ISRO", "SSLV1", "AB", "एसएसएलवी", "आरबीआई", "एआई", "(", ")", "।", " ", "\n", "योजना", "स्कीम",
              "पेंशन", "कर्मचारी", "NASA", "isro"]
    rng = random.Random(10)
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        if not text.strip():
            continue
        article = parse_article(text)
        expected: dict[str, bool] = {}  # the walk over every token of every sentence that _acronyms replaced
        for sent in article.sentences:
            tokens = sent.tokens
            for i, token in enumerate(tokens):
                letters = cc._acronym_letters(token.text)
                if letters is None:
                    continue
                before = tokens[i - 2] if i >= 2 and tokens[i - 1].text == "(" else None
                in_hindi = (before is not None and before.kind == "deva" and cc._SPELLED[before.text] is None
                            and cc._initial(concepts, before) is None)
                expected[letters] = expected.get(letters, False) or in_hindi
        ctx = SimpleNamespace(article=article, shared={}, lexicon=SimpleNamespace(concepts=concepts))
        assert cc._acronyms(ctx) == expected


def test_number_junctions_read_from_the_digit_runs_are_where_the_pattern_matches():
    from audit.lint.checks.formatting import number_glued

    digit_run = runs_of(r"\d")
    extra = ["क1", "5जी", "जुलाई2019", "9मई", "१2", "2१", "ॲ7", "7।", "\u09667", "x9"]
    rng = random.Random(11)
    texts = _texts(3000, 12) + ["".join(rng.choice(PIECES + extra) for _ in range(rng.randint(0, 30)))
                                for _ in range(3000)]
    for text in texts:
        runs = [m.span() for m in digit_run.finditer(text)]
        assert number_glued._junctions(text, runs) == [m.start() for m in number_glued._JUNCTION.finditer(text)]


def test_compounds_written_whole_found_from_their_hyphens_are_those_findall_finds():
    from audit.lint.checks.formatting import hyphen_space

    extra = ["ओपन-सोर्स", "-", "--", "a-b-c", "क-ख-ग-घ", " -", "- ", "1-2", "क़-", "-ख"]
    rng = random.Random(13)
    texts = _texts(3000, 14) + ["".join(rng.choice(PIECES + extra) for _ in range(rng.randint(0, 30)))
                                for _ in range(3000)]
    for text in texts:
        found = [m.group() for m in matches_at(hyphen_space._WHOLE, text, hyphen_space._whole_starts(text))]
        assert found == hyphen_space._WHOLE.findall(text)


def test_devanagari_digits_read_as_ascii_by_replace_are_what_translate_gives():
    from audit.lint.checks.numbers import number_style

    rng = random.Random(15)
    pieces = PIECES + ["०", "१२", "३४५", "६,७८९", "९०"]
    texts = _texts(1000, 16) + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert number_style._as_ascii_digits(text) == text.translate(number_style._TO_ASCII)


def test_latin_runs_and_words_read_from_the_ascii_bytes_are_what_the_text_scans_find():
    from audit.lint.checks.terminology import latin_name_variant
    from audit.lint.checks.words import latin_runs

    # "?" is both a character of its own and what every non-ASCII character becomes in the bytes
    extra = ["+", "++", "a+b", "+5G", "C++", "?", "a?b", "é", "\ud800", "\U0001f600", "x\u00a0y", "Poco F5", "+क"]
    rng = random.Random(17)
    texts = _texts(3000, 18) + ["".join(rng.choice(PIECES + extra) for _ in range(rng.randint(0, 30)))
                                for _ in range(3000)]
    run = runs_of("[A-Za-z0-9+]")
    for text in texts:
        ctx = SimpleNamespace(article=SimpleNamespace(text=text), shared={})
        runs = latin_runs(ctx)
        assert runs == [m.span() for m in run.finditer(text)]
        words = matches_at(latin_name_variant._LATIN_WORD, text, latin_name_variant._word_starts(text, runs))
        assert [m.span() for m in words] == [m.span() for m in latin_name_variant._LATIN_WORD.finditer(text)]
        assert latin_name_variant._word_spans(text, runs) == [m.span() for m in words]


def test_words_before_read_by_matches_are_those_the_walks_found():
    """GRAM001's participles and GRAM002's words (words.Reversed, DEVANAGARI_RUN)."""
    from audit.lint.checks.words import DEVANAGARI_RUN, DEVANAGARI_SET, Reversed

    def run_start(text: str, end: int) -> int:  # the walks the matches replaced
        start = end
        while start and text[start - 1] in DEVANAGARI_SET:
            start -= 1
        return start

    def run_end(text: str, start: int) -> int:
        while start < len(text) and text[start] in DEVANAGARI_SET:
            start += 1
        return start

    def word_before(text: str, start: int) -> str:
        end = start - 1
        begin = end
        while begin > 0 and text[begin - 1] in DEVANAGARI_SET:
            begin -= 1
        return text[begin:end] if end > 0 and text[end] == " " else ""

    extra = [" की ", "की", "कहा गया", "ने माना", "करते है", " है", "\u0964", "\u0970", "\u0971", "\u200c", "ॲ", "\U0001f600"]
    rng = random.Random(21)
    texts = _texts(2000, 22) + ["".join(rng.choice(PIECES + extra) for _ in range(rng.randint(0, 30)))
                                for _ in range(2000)]
    for text in texts:
        reverse = Reversed(text)
        for at in range(len(text) + 1):
            assert reverse.run_start(at) == run_start(text, at)
            assert reverse.word_before(at) == word_before(text, at)
            assert DEVANAGARI_RUN.match(text, at).end() == run_end(text, at)


def test_plural_endings_asked_by_one_endswith_are_what_each_ending_answers():
    from audit.lint.checks.grammar import plural_auxiliary

    rng = random.Random(23)
    pieces = ["ते", "त", "े", "कर", "रहे", "क", "ा", ""]
    for endings in [frozenset(), frozenset(["ते"]), frozenset(["ते", "रहे"]), frozenset(["े", "ते", "रहे"])]:
        ends = plural_auxiliary._ends_in(endings)
        for _ in range(2000):
            word = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
            assert ends(word) == any(word.endswith(e) and word != e for e in endings)


def test_caps_junctions_read_from_the_latin_runs_are_where_the_glue_pattern_matches():
    """FMT010's Hindi word run into Latin capitals (either way round), found from the shared Latin runs."""
    from audit.lint.checks.words import latin_runs

    extra = ["IMD", "BJP", "Ab", "aB", "AB1", "A+B", "X", "XY", "अलर्टIMD", "BJPसांसद", "कAB", "ABक", "\u0964AB", "AB\u0965",
             "\u0970AB", "\u097fAB", "AB\u0900", "क5G", "+AB", "AB+", "?"]
    rng = random.Random(31)
    texts = _texts(2000, 32) + ["".join(rng.choice(PIECES + extra) for _ in range(rng.randint(0, 30)))
                                for _ in range(4000)]
    glue = punctuation_space._CAPS_GLUE
    for text in texts:
        ctx = SimpleNamespace(article=SimpleNamespace(text=text), shared={})
        want = [m.start() + (1 if m.group() >= "\u0900" else 2) for m in glue.finditer(text)]
        assert punctuation_space._caps_junctions(text, latin_runs(ctx)) == want


def test_run_on_next_word_reads_what_the_finite_pattern_matches_in_a_stretch():
    """FMT006 reads the word after each है/था of a stretch at the article's places of them
    (`_next_word`); the reference is `_FINITE.finditer` over the stretch, its group 1 at each match."""
    from bisect import bisect_left

    from audit.lint.checks.formatting import run_on

    pieces = ["है ", "हैं ", "था ", "थे ", "थी ", "थीं ", "है", "हैं।", "थीं।", "ह", "ै", "ं ", "रहता ", "वहीं ",
              "कि ", "। ", "|", "?", ".", "\n", " ", "a ", "5 ", "हैहै ", "थीथीं ", "़", "्", "ॐ "]
    rng = random.Random(26)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(20_000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        places = run_on._finite_places(text)
        for stretch in run_on._STRETCH.finditer(text):
            s, e = stretch.span()
            expected = {m.start(): m.group(1) for m in run_on._FINITE.finditer(text, s, e)}
            read = {at: run_on._next_word(text, at, e) for at in places[bisect_left(places, s):bisect_left(places, e)]}
            assert {at: w for at, w in read.items() if w is not None} == expected
