from __future__ import annotations

import re
from functools import lru_cache

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.alternation import matches_at, word_trie
from audit.lint.checks.base import Check, Context


@lru_cache(maxsize=4)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    deva = r"\u0900-\u097F"
    word = rf"{word_trie(words, deva)}(?![{deva}])"  # a number word, whole
    # "दो से 5" is a range; "2024 से एक नया…" is not, so the से form needs the word first.
    return re.compile(
        rf"(?P<a>{word}|\d+)(?P<sep>\s*[-–]\s*)(?P<b>{word}|\d+)(?![\d.])"
        rf"|(?P<c>{word})(?P<sep2>\s+से\s+)(?P<d>\d+)"
    )


# Every range holds a hyphen or dash, or a से between spaces: it is tried only at the starts of the
# number word and the digits right before one (whitespace between), where it can start (`matches_at`).
# Each separator is searched for as itself: one pattern of all three was tried at every letter स.
_SEPARATORS = (re.compile("-"), re.compile("–"), re.compile(r"से(?<=\sसे)(?=\s)"))


def _starts(text: str, words: frozenset[str]) -> list[int]:
    """Where a range can start: the start of the Devanagari run, where it is one of `words`, and of
    the digit run (`\\d`: any decimal digit) that end right before a separator (each run is walked
    from one separator). A number word is a whole run, and a run of digits (Devanagari ones are in
    both) is all digits up to the separator: no range starts at any other run."""
    starts: set[int] = set()
    for separator in _SEPARATORS:
        for m in separator.finditer(text):
            end = m.start()
            while end and text[end - 1].isspace():
                end -= 1
            start = end
            while start and "\u0900" <= text[start - 1] <= "\u097f":
                start -= 1
            if start < end and text[start:end] in words:
                starts.add(start)
            start = end
            while start and text[start - 1].isdecimal():
                start -= 1
            if start < end:
                starts.add(start)
    return sorted(starts)


def _ranges(text: str, words: tuple[str, ...]) -> list[re.Match]:
    """What `_pattern(words).finditer(text)` gives."""
    return matches_at(_pattern(words), text, _starts(text, _word_set(words)))


_word_set = lru_cache(maxsize=4)(frozenset)


class MixedRange(Check):
    """A range that mixes a number word with digits.

    Anti-pattern:  नौ-12 महीने पहले        दो से 5 दिन
    Fix:           9-12 महीने पहले         2 से 5 दिन
    """

    code = "FMT004"
    name = "mixed-range"
    category = "formatting"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        numbers = ctx.lexicon.numbers
        for m in _ranges(ctx.article.text, tuple(numbers)):
            a, sep, b = (m.group("a"), m.group("sep"), m.group("b")) if m.group("a") else m.group("c", "sep2", "d")
            if a.isdigit() == b.isdigit():
                continue
            fixed = f"{numbers.get(a, a)}{sep}{numbers.get(b, b)}"
            yield ctx.finding(
                self, m.start(), m.end(),
                f"the range mixes a number word and digits; write both in digits: '{fixed}'",
                [Fix(m.start(), m.end(), fixed, applicability=SAFE)],
            )
