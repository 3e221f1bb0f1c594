"""URLs, e-mail addresses, @handles and #hashtags: text that is never translated and must survive translation."""

from __future__ import annotations

import re

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()]+[^\s<>\"'().,;:!?।]")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z_][\w]{1,30}")
HASHTAG = re.compile(r"(?<![\w#&])#[^\W\d_][\w]{1,60}")


def entities(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) of every URL, e-mail address, @handle and #hashtag."""
    found: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in (("URL", URL), ("e-mail address", EMAIL), ("handle", HANDLE), ("hashtag", HASHTAG)):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # the @ of an e-mail address is not a handle
            taken.append(m.span())
            found.append((kind, m.group(), m.start(), m.end()))
    return sorted(found, key=lambda e: e[2])


def inside_entity(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a URL, e-mail address, handle or hashtag of `text`."""
    return any(a <= start and end <= b for _, _, a, b in entities(text))
