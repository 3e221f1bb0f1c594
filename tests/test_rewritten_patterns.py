"""Regular expressions rewritten to open on their own character (not a lookbehind first), or tried
only where a word or number can start, or as a trie instead of a longest-first alternation, find
exactly what their originals found. Each original is kept here as the reference and run on the seed
articles and on random strings built to hit the edge cases (the other lookups: test_linear_lookups.py).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from lookup_texts import random_texts, seed_texts, text_context

from audit.lint.checks.alternation import matches_at
from audit.lint.checks.words import digit_runs, latin_runs, run_starts


def test_lookalike_pattern_matches_the_lookbehind_first_original():
    """LOOK001 finds each kind by its character (fast to search) and merges them; the original was
    one alternation opening with look-behinds. Both find the same spans of the same kinds."""
    from audit.lint.checks.encoding import lookalike_char

    deva = r"[\u0900-\u0963\u0971-\u097f]"
    original = re.compile(
        rf"(?P<danda>(?<={deva})[ \t]?[|l](?=[ \t]*(?:\n|$|[\u0900-\u097f\"”’'])))"
        r"|(?P<virama>\u094d(?=[\u093e-\u094c]))"
        rf"|(?P<visarga>(?<={deva}{{2}})\u0903(?=[ \t]))"
        r"|(?P<digits>(?<![0-9\u0966-\u096f])(?:[0-9]+[\u0966-\u096f]|[\u0966-\u096f]+[0-9])[0-9\u0966-\u096f]*)"
        r"|(?P<quote>(?<=[\s(])”(?=[\u0900-\u097fA-Za-z]))"
    )
    pieces = ["क", "ख", " ", "\t", "|", "l", "\n", "१", "2", "3", "४", "\u094d", "\u093e", "\u0903", "”", "(", "a",
              "\"", "।", "٣", "৩"]
    found = 0
    for text in seed_texts() + random_texts(pieces, 20000, 6):
        got = lookalike_char._lookalikes(text, digit_runs(text_context(text)))
        assert got == [(*m.span(), m.lastgroup) for m in original.finditer(text)], text
        found += len(got)
    assert found


def test_punctuation_space_patterns_match_the_lookbehind_first_originals():
    """FMT010's patterns open with their character and each is tried only where it can start; the
    originals opened with look-behinds."""
    from audit.lint.checks.formatting import punctuation_space

    dev, word = punctuation_space._DEV, punctuation_space._WORD
    originals = [
        rf"(?<=[{word}\d%)'\"”’])(?P<gap>[ \t\u00a0]+)(?=[,।?!)](?:\s|$|[{word}]))",
        rf"(?<=[{dev}])(?P<gap>[ \t\u00a0]+)(?=\.(?:\s|$))",
        rf"(?<=[{dev}])(?P<gap>[।,])(?=[{dev}])|(?<=[{word}])(?P<gap2>।)(?=[A-Za-z])",
        None,  # a full stop after a closing verb: test_glued_stops_are_the_stops_after_a_closing_verb
        rf"(?P<gap>\))(?=[{dev}])",
        rf"(?<=[{word})'\"’”])(?P<gap>:)(?=[{dev}])",
        rf"(?<=[{dev}])(?P<gap>[ \t\u00a0]+:)(?=[{dev}])",
        rf"(?P<gap>(?<=[{dev}])\((?=[{word}\d])|(?<=[A-Za-z?])\((?=[{word}]))",
        rf"(?<=\()(?P<gap>[ \t\u00a0]+)(?=[{word}\d])",
        rf"(?<![^\s(])[“‘]{{1,2}}(?P<gap>[ \t\u00a0]+)(?=[{word}\d])",
        rf"(?<=[{dev}])(?P<gap>)(?=[A-Z]{{2}})|(?<=[A-Z]{{2}})(?P<gap2>)(?=[{dev}])",
        r"(?<=\S)(?P<gap>[ \t\u00a0]{2,})(?=\S)",
    ]
    pieces = ["क", "ख", " ", "\t", "\u00a0", "\n", "1", "a", "B", "।", ",", "?", "!", ")", "(", "%", "'", "\"", "”",
              "’", ".", "  ", ":"]
    # and the opening curly quotes, spaced from their word or not (kept out of the random pieces: these
    # draw their texts by a fixed seed)
    quoted = [f"{a}{q}{sp}{w}" for a in ("", "क ", "क", "(", "a\n") for q in ("“", "‘", "‘‘", "“‘")
              for sp in ("", " ", "\t ") for w in ("ख", "B", "1", ".")]
    texts = seed_texts() + random_texts(pieces, 20000, 7) + quoted
    for (pattern, _, _, starts), original in zip(punctuation_space._RULES, originals, strict=True):
        if original is None:
            continue
        original = re.compile(original)
        found = 0
        for text in texts:
            if starts is punctuation_space._caps_junctions:  # read from the Latin runs, as the check does
                places = starts(text, latin_runs(SimpleNamespace(article=SimpleNamespace(text=text), shared={})))
            else:
                places = None if starts is None else starts(text)
            matches = pattern.finditer(text) if places is None else matches_at(pattern, text, places)
            got = [(m.span(), m.groupdict()) for m in matches]
            assert got == [(m.span(), m.groupdict()) for m in original.finditer(text)], (original.pattern, text)
            found += len(got)
        assert found, original.pattern


def test_glued_stops_are_the_stops_after_a_closing_verb():
    """FMT010's glued full stop: each stop between two Devanagari letters whose word before is a closing
    verb (है, दिया, a future देगी), read by a walk from the stops, equals a search of the whole text."""
    from audit.lint.checks.formatting import punctuation_space

    dev = punctuation_space._DEV
    word_stop = re.compile(rf"(?<![{dev}])([{dev}]+)\.(?=[{dev}])")
    pieces = ["है", "दिया", "देगी", "होगा", "डॉ", "क", ".", " ", "\n", "ा", "a", "1", "।"]
    found = 0
    for text in seed_texts() + random_texts(pieces, 20000, 8):
        want = [m.end(1) for m in word_stop.finditer(text) if punctuation_space._clause_end(m.group(1))]
        assert punctuation_space._glued_stops(text) == want, text
        found += len(want)
    assert found


def test_patterns_opening_with_their_character_match_the_lookbehind_first_originals():
    """ENC001's kinds of slip are each found by what opens them and merged, and TERM005's Latin word
    opens with its character; the originals were one alternation opening with look-behinds (tried
    at every position)."""
    from audit.lint.checks.encoding import encoding_hygiene
    from audit.lint.checks.terminology import latin_name_variant

    e = encoding_hygiene
    original_encoding = re.compile(
        "(?P<seq>" + "|".join(re.escape(seq) + ("(?=[\u0900-\u0963])" if seq in e._MIDWORD_ONLY else "")
                              for seq in sorted(e._SEQUENCES, key=len, reverse=True)) + ")"
        rf"|(?P<nukta>[{e._CONSONANT}][{e._SIGN}\u0962\u0963]{e._NUKTA})"
        rf"|(?P<invisible>(?<={e._LETTER})[\u200b\u2060\ufeff\u00ad\u2011\u00a0]+(?={e._LETTER}))"
        rf"|(?P<joiner>(?<=[\u0900-\u0963\u0971-\u097f])(?<!\u094d)[{e._JOINERS}]+)"
        r"|(?P<legacy>\u094d[\u0904-\u0914])"
        "|(?P<font>(?s:.)\u094d\u0930\u094d[\u0915-\u0939]|\u0905[\u093f-\u094c]|(?<![\u0900-\u097f])\u094d"
        "|\u0919\u094d\u0915\u094d\u0937)"
        # a nukta on न / र / य slipped off the ड or ढ before it (the stray one dropped where wordfreq knows
        # the word without it is read from wordfreq, not a pattern: the pieces hold no न, र or य)
        "|(?P<slipped>[\u0921\u0922][\u093e-\u094c\u0901\u0902]*(?:[\u0928\u0930\u092f]\u093c|[\u0929\u0931\u095f]))"
    )
    original_latin = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9+]*(?![A-Za-z0-9])")
    pieces = ["क", "ख", " ", "\u200b", "\u00a0", "\u200c", "\u200d", "\u094d", "a", "B", "1", "+", "\u093e",
              "\u0945", "\u0906", "\u0905", "\u093c", "\u093f", "\u0902", "\u0901", "\u0947", "\u0907", "\ufeff", "\n"]
    texts = seed_texts() + random_texts(pieces, 20000, 8) + random_texts(pieces[8:20], 20000, 12)
    found = 0
    for text in texts:  # ENC001's kinds found one by one and merged: what the one alternation finds
        got = e._slips(text)
        assert got == [(*m.span(), m.lastgroup) for m in original_encoding.finditer(text)], text
        found += len(got)
    assert found
    found = 0
    for text in texts:
        got = [(m.span(), m.lastgroup) for m in latin_name_variant._LATIN_WORD.finditer(text)]
        assert got == [(m.span(), m.lastgroup) for m in original_latin.finditer(text)], text
        found += len(got)
    assert found


def test_number_patterns_opening_with_their_character_match_the_originals():
    """NUM001's spacing pattern and NUM002's mixed quantity open with their character; the originals
    opened with look-behinds."""
    from audit.lint.checks.numbers import number_spacing, number_words

    letter = number_spacing._LETTER
    originals = (
        (number_spacing._PATTERN, re.compile(
            rf"(?P<hyphen>(?<={letter})(?: +-|- +)(?=\d))"
            r"|(?P<decimal>(?<=\d)(?: +\.|\. +)(?=\d{1,2}(?![\d,.])\s*"
            r"(?:%|प्रतिशत|करोड़|लाख|अरब|हजार|हज़ार|रुपये|रुपए|डॉलर|फीसदी)))"
            r"|(?P<group>(?<=\d)(?: +,|, +)(?=\d{3}(?!\d)))"
            r"|(?P<ordinal>(?<=\d) (?=(?:वीं|वां|वें|वाँ)(?![\u0900-\u097f])))")),
        (number_words._MIXED, re.compile(
            r"(?<![\d,.])\d+ (?:हजार|हज़ार) \d+ सौ(?: \d+)?(?![\d.,])|(?<![\d,.])\d+ सौ \d+(?![\d.,])")),
    )
    pieces = ["क", "a", " ", "  ", "-", ".", ",", "1", "23", "१", "करोड़", "%", "हजार", "सौ", "\n", "456", "वीं", "वां"]
    texts = seed_texts() + random_texts(pieces, 20000, 9)
    for pattern, original in originals:
        found = 0
        for text in texts:
            got = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
            assert got == [(m.span(), m.lastgroup) for m in original.finditer(text)], (original.pattern, text)
            found += len(got)
        assert found
    for text in texts:  # NUM001 tries its pattern only where a slip can start: the same matches
        got = [(m.span(), m.lastgroup) for m in number_spacing._slips(text, digit_runs(text_context(text)))]
        assert got == [(m.span(), m.lastgroup) for m in originals[0][1].finditer(text)], text


def test_number_style_patterns_opening_with_their_digit_match_the_originals():
    """NUM003's four patterns open with their digit; the originals opened with look-behinds."""
    from audit.lint.checks.numbers import number_style as ns

    originals = (
        (ns._ASCII, r"(?<![\w.])[0-9]+(?:[.,][0-9]+)*"),
        (ns._DEVA_DIGITS, r"(?<![\w.])[\u0966-\u096f]+(?:[.,][\u0966-\u096f]+)*"),
        (ns._GROUPED, r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{2})*,[0-9]{3}(?![0-9,])"),
        (ns._UNGROUPED, r"(?<![0-9.,:/₹$-])[0-9]{5,7}(?![0-9,:/])"),
    )
    pieces = ["क", "a", "_", " ", ".", ",", ":", "/", "₹", "$", "-", "1", "23", "456", "१", "२३", "\n", "٣", "৩"]
    texts = seed_texts() + random_texts(pieces, 20000, 10)
    for pattern, original in originals:
        original, found = re.compile(original), 0
        for text in texts:
            got = [m.span() for m in pattern.finditer(text)]
            assert got == [m.span() for m in original.finditer(text)], (original.pattern, text)
            found += len(got)
        assert found, original.pattern
    # the check tries them only where a run of their digits starts, read from the runs of any digits
    for text in texts:
        runs = digit_runs(text_context(text))
        ascii_starts = run_starts(text, runs, ns._ASCII_DIGITS, True)
        for pattern, starts in ((ns._ASCII, ascii_starts), (ns._GROUPED, ascii_starts), (ns._UNGROUPED, ascii_starts),
                                (ns._DEVA_DIGITS, run_starts(text, runs, ns._DEVA_DIGIT_SET, False))):
            assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
        # separators are read in Devanagari digits too, on the text with those digits made ASCII,
        # from the starts of the runs of either
        read = text.translate(ns._TO_ASCII)
        both = sorted(ascii_starts + run_starts(text, runs, ns._DEVA_DIGIT_SET, False))
        for pattern in (ns._GROUPED, ns._UNGROUPED, ns._GROUPED_FOUR, ns._UNGROUPED_FOUR):
            assert [m.span() for m in matches_at(pattern, read, both)] == [m.span() for m in pattern.finditer(read)]


def test_word_tries_match_the_longest_first_alternations():
    """FMT003's clause ends and FMT004's number words are tries whose words look behind after they
    are read; the originals were look-behind-first alternations, longest word first."""
    from audit.language.lexicon import Lexicon
    from audit.lint.checks.formatting import hyphen_dash, mixed_range

    deva = "\u0900-\u097F"
    numbers = tuple(Lexicon().numbers)
    alt = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    word = rf"(?<![{deva}])(?:{alt})(?![{deva}])"
    originals = (
        (hyphen_dash._GLUED, re.compile(rf"(?<![{deva}])({'|'.join(hyphen_dash._CLAUSE_ENDS)})-(?=[{deva}A-Za-z])")),
        (hyphen_dash._SPACED, re.compile(rf"(?<=[{deva}]) - (?=[{deva}])")),
        (mixed_range._pattern(numbers), re.compile(
            rf"(?P<a>{word}|\d+)(?P<sep>\s*[-–]\s*)(?P<b>{word}|\d+)(?![\d.])"
            rf"|(?P<c>{word})(?P<sep2>\s+से\s+)(?P<d>\d+)")),
    )
    pieces = ["क", "a", " ", "-", "–", "\n", "\t", "5", "१२", "٣", ".", "से", "है", "हैं", "दिया", "की", "ं",
              *sorted(numbers)[:: max(1, len(numbers) // 12)], "दो", "नौ", "तीन"]
    texts = seed_texts() + random_texts(pieces, 20000, 11)
    for pattern, original in originals:
        found = 0
        for text in texts:
            got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in original.finditer(text)], (original.pattern, text)
            found += len(got)
        assert found, original.pattern
    # FMT004 tries its pattern only where a range can start, FMT003 its clause ends only a clause
    # end's length before a hyphen: the same matches as a search
    for text in texts:
        got = [(m.span(), m.groups()) for m in mixed_range._ranges(text, numbers)]
        assert got == [(m.span(), m.groups()) for m in originals[2][1].finditer(text)], text
        got = [(m.span(), m.groups()) for m in hyphen_dash._glued(text)]
        assert got == [(m.span(), m.groups()) for m in originals[0][1].finditer(text)], text
