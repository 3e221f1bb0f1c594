"""Hindi news conventions the new recall checks must leave alone, found on the raw text.

Kept small and in one place so that the checks can switch to the document model's convention
spans (bracketed glosses, English lines, spec lists) once those exist.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.core.text import DEVANAGARI

_BRACKETS = re.compile(r"\([^()\n]{0,120}\)|\[[^\[\]\n]{0,120}\]")
_LATIN = re.compile(r"[A-Za-z]")


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """Spans of bracketed asides: glosses `(stock market)`, acronyms `(ISRO)`, SEO titles."""
    return [m.span() for m in _BRACKETS.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


@lru_cache(maxsize=4096)
def english_line_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Lines written mostly in Latin script: captions, English summaries, kickers, bylines, tweets."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        latin, deva = len(_LATIN.findall(line)), len(DEVANAGARI.findall(line))
        if latin and latin >= 2 * deva:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return tuple(spans)


def kicker_span(text: str, line_start: int) -> tuple[int, int] | None:
    """An English kicker before a colon at the start of a line (`Market Update: ...`)."""
    m = re.match(r"[A-Za-z][A-Za-z0-9 &'.-]{1,40}\s?:", text[line_start : line_start + 45])
    return (line_start, line_start + m.end()) if m else None


_CHROME = re.compile(r"(?m)(?:Also Read|Read More|Related|Don't Miss|ये भी पढ़ें|यह भी पढ़ें|ये भी देखें|यह भी देखें)\b.*$")


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Page chrome lines: related-link and 'read also' lines are not article text."""
    return [m.span() for m in _CHROME.finditer(text)]


def kicker_spans(text: str) -> list[tuple[int, int]]:
    """English kickers at the start of each line (`Market Update:`, `City News:`)."""
    spans, offset = [], 0
    for line in text.split("\n"):
        span = kicker_span(text, offset)
        if span:
            spans.append(span)
        offset += len(line) + 1
    return spans
