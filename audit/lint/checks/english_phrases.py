"""English phrases run into a Hindi line (`OTT Top Watched Web Series:`, `Bandipore Terrorist Encounter:`):
their Latin words are English, not names the Hindi text uses (TERM003, TERM005)."""

from __future__ import annotations

import re
from bisect import bisect_right
from sys import maxsize

from audit.lint.checks.words import latin_runs

# Four or more Latin words one space apart: an English phrase or title run into a Hindi line
# (`OTT Top Watched Web Series:`), whose words are English, not names the Hindi text uses.
_ENGLISH_PHRASE = re.compile(r"(?<![A-Za-z0-9+])(?:[A-Za-z0-9+]+ ){3,}[A-Za-z0-9+]+(?![A-Za-z0-9+])")
# Two or three capitalised Latin words right before a colon: an English kicker or SEO title (`Bandipore
# Terrorist Encounter: जम्मू-कश्मीर के ...`), wherever on its line it stands (after a site's byline too);
# a colon before a slash is a web address's
_COLON_TITLE = re.compile(r"(?<![A-Za-z0-9+])(?:[A-Z][A-Za-z0-9+]* ){1,2}[A-Z][A-Za-z0-9+]*(?= ?:(?!/))")
_PHRASE_REACH = 120  # how far around a word its phrase is looked for


def in_english_phrase(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a run of four or more Latin words, or of two or three
    capitalised ones before a colon."""
    lo, hi = max(0, start - _PHRASE_REACH), min(len(text), end + _PHRASE_REACH)
    return any(m.start() <= start and end <= m.end()
               for pattern in (_ENGLISH_PHRASE, _COLON_TITLE) for m in pattern.finditer(text, lo, hi))


def english_phrases(ctx) -> list[tuple[int, int]]:
    """(start, end) of every run of Latin words one space apart in the article (each as long as it
    goes) of four words or more, or of two or more before a colon, found once per article from its
    Latin words. A match of `in_english_phrase`'s window is such a run or part of one, so a span in
    none of them is in no phrase; only a span inside one is asked about its window (the patterns
    tried at every character of 240 around it)."""
    spans = ctx.shared.get("english phrases")
    if spans is None:
        text, spans = ctx.article.text, []
        first = last = -2
        words = 0
        for start, end in latin_runs(ctx):  # each a word of _ENGLISH_PHRASE
            if start == last + 1 and text[last] == " ":
                last, words = end, words + 1
                continue
            if words >= 4 or (words >= 2 and _before_colon(text, last)):
                spans.append((first, last))
            first, last, words = start, end, 1
        if words >= 4 or (words >= 2 and _before_colon(text, last)):
            spans.append((first, last))
        ctx.shared["english phrases"] = spans
    return spans


def in_english_phrase_of(ctx, start: int, end: int) -> bool:
    """`in_english_phrase(ctx.article.text, start, end)`, asked only where a run of
    `english_phrases` holds the span."""
    spans = english_phrases(ctx)
    if not spans:
        return False  # (most articles)
    i = bisect_right(spans, (start, maxsize)) - 1
    return i >= 0 and end <= spans[i][1] and in_english_phrase(ctx.article.text, start, end)


def _before_colon(text: str, end: int) -> bool:
    """A colon (not a web address's `://`) stands at `end`, or after one space there."""
    at = end + (text[end:end + 1] == " ")
    return text[at:at + 1] == ":" and text[at + 1:at + 2] != "/"
