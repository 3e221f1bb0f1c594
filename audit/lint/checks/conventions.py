"""Bracketed asides of any script, for the concept checks.

The document model's conventions (`audit/core/conventions.py`, `ctx.conventions`) tell glosses,
kickers, English lines and chrome apart; the concept checks also need every bracket, Devanagari
ones included, because `चंद्रमा (मून)` names the word the article glosses.
"""

from __future__ import annotations

import bisect
import re
import sys

from audit.lint.checks.alternation import char_starts, matches_at

_BRACKETS = re.compile(r"\([^()\n]{0,120}\)|\[[^\[\]\n]{0,120}\]")


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """Spans of bracketed asides: glosses `(stock market)`, acronyms `(ISRO)`, SEO titles. The
    pattern is tried only at an opening bracket (found by `str.find`), where a match can start."""
    return [m.span() for m in matches_at(_BRACKETS, text, char_starts(text, "(["))]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies in one of `spans` (`holding`)."""
    return holding(spans, start, end) is not None


def holding(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The one of `spans` that [start, end) lies in, or None. `spans` as `bracket_spans` gives them:
    in text order and never overlapping, so only the last span starting at or before `start` (or,
    for an empty range, the one ending where it starts) can hold it. A bisection, not a walk over
    every bracket."""
    i = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    while i >= 0 and spans[i][1] >= start:
        if end <= spans[i][1]:
            return spans[i]
        i -= 1
    return None
