"""Regexes the engine tries cheaply: a trie of fixed words, and a pattern tried only where it can start.

A regex alternation of fixed words, each at a word start:

`(?<![B])(?:w1|w2|...)` tries a look-behind and then every word in turn at every position of the
text: with a hundred number words, a hundred comparisons per character (FMT004 spent most of its
time there). The same words as a trie try only the few letters a word can open with, and each word
checks its start after it is read: `w(?<![B].{len(w)})` holds exactly where `(?<![B])w` does (`.`
is the word itself, which holds no newline). At each letter the longer words are tried first and a
word ending there last, so of the words that match at a position the longest is tried first, as in
the longest-first alternation it replaces.
"""

from __future__ import annotations

import re


def word_trie(words, not_after: str) -> str:
    """The regex for one of `words` not preceded by a character of the class body `not_after`."""
    trie: dict = {}
    for word in words:
        if "\n" in word or not word:
            raise ValueError(f"not a word for an alternation: {word!r}")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = len(word)
    return _node(trie, not_after)


def _node(node: dict, not_after: str) -> str:
    options = [re.escape(ch) + _node(child, not_after) for ch, child in node.items() if ch]
    if "" in node:  # a word ends here: tried after every longer word through this letter
        options.append(f"(?<![{not_after}].{{{node['']}}})")
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def matches_at(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """What `pattern.finditer(text)` gives, for a pattern that matches no empty string and can
    only start at one of `starts` (ascending): the leftmost match at or after the last one's end
    is the first candidate there that matches, since a match is tried at a place as a search
    tries it there (look-behinds see the text before it)."""
    found: list[re.Match] = []
    pos = 0
    for start in starts:
        if start >= pos:
            m = pattern.match(text, start)
            if m is not None:
                found.append(m)
                pos = m.end()
    return found


def char_starts(text: str, chars) -> list[int]:
    """Where each of `chars` (characters, or strings) stands in the text, ascending: found by
    `str.find` (a compiled scan that skips to each one) where a regex opening with their class tests
    every character of the text against it. For what a text holds a few dozen of (dandas, commas,
    brackets, a spaced hyphen)."""
    found: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    if len(chars) > 1:
        found.sort()
    return found
