"""URLs, e-mail addresses, @handles and #hashtags: text that is never translated and must survive translation."""

from __future__ import annotations

import re
from operator import itemgetter

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()]+[^\s<>\"'().,;:!?।]")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z_][\w]{1,30}")
HASHTAG = re.compile(r"(?<![\w#&])#[^\W\d_][\w]{1,60}")


def entities(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) of every URL, e-mail address, @handle and #hashtag."""
    found: list[tuple[str, str, int, int]] = []  # in text order, none overlapping another
    for kind, pattern in (("URL", URL), ("e-mail address", EMAIL), ("handle", HANDLE), ("hashtag", HASHTAG)):
        # the matches of one pattern are in order and apart: one walk beside the spans already
        # taken drops those that overlap one (the @ of an e-mail address is not a handle)
        kept, k = [], 0
        for m in pattern.finditer(text):
            start, end = m.span()
            while k < len(found) and found[k][3] <= start:
                k += 1
            if k < len(found) and found[k][2] < end:
                continue
            kept.append((kind, m.group(), start, end))
        if kept:
            found = sorted(found + kept, key=_START)
    return found


_START = itemgetter(2)


def inside_entity(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a URL, e-mail address, handle or hashtag of `text`."""
    return any(a <= start and end <= b for _, _, a, b in entities(text))
