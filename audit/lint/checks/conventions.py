"""Bracketed asides of any script, for the concept checks.

The document model's conventions (`audit/core/conventions.py`, `ctx.conventions`) tell glosses,
kickers, English lines and chrome apart; the concept checks also need every bracket, Devanagari
ones included, because `चंद्रमा (मून)` names the word the article glosses.
"""

from __future__ import annotations

import re

_BRACKETS = re.compile(r"\([^()\n]{0,120}\)|\[[^\[\]\n]{0,120}\]")


def bracket_spans(text: str) -> list[tuple[int, int]]:
    """Spans of bracketed asides: glosses `(stock market)`, acronyms `(ISRO)`, SEO titles."""
    return [m.span() for m in _BRACKETS.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
