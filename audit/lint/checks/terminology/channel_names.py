"""A Latin run that names a channel, page or account (`… Records Bhojpuri यूट्यूब चैनल`): the name as
its owner writes it, not a word the article spells in another script elsewhere."""

from __future__ import annotations

import re

# right after the run: a platform's name or not, then the word for what it names
_ACCOUNT_AFTER = re.compile(
    "[ \u00a0]+(?:(?:यूट्यूब|यू-ट्यूब|फेसबुक|इंस्टाग्राम|ट्विटर|एक्स|टेलीग्राम|व्हाट्सएप|YouTube|Facebook|Instagram)[ \u00a0]+)?"
    "(?:चैनल|पेज|अकाउंट|एकाउंट|हैंडल|ग्रुप)(?![\u0900-\u097f])")


def names_account(text: str, words: list[tuple[int, int]], gaps: list[str], i: int) -> bool:
    """Whether Latin word i (of `words`, one space between words of a run: `gaps`) is in a run of
    Latin words right before चैनल, पेज, अकाउंट, हैंडल or ग्रुप (a platform's name between or not)."""
    j = i
    while j < len(gaps) and gaps[j] == " ":
        j += 1
    return _ACCOUNT_AFTER.match(text, words[j][1]) is not None
