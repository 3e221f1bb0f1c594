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
from os.path import commonprefix


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


_NEEDLE_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


def needle_starts(text: str, needles: tuple[str, ...]) -> list[int]:
    """Where any of `needles` (strings of a few characters, none empty) starts in the text, ascending,
    each place once (what `sorted(set(char_starts(text, needles)))` gives: overlapping ones too).

    One compiled search (`needle_pattern`) where `char_starts` reads the text once per needle: for
    needles that open with a pair of characters the text writes seldom together (ा + a space before a
    postposition, a space and के before a noun) a quarter of the time and half the instructions; for
    single characters, a single needle or needles opening with a common letter alone (है, था: twice
    the instructions), `char_starts` is the cheaper."""
    pattern = _NEEDLE_PATTERNS.get(needles)
    if pattern is None:
        if len(_NEEDLE_PATTERNS) > 100:
            _NEEDLE_PATTERNS.clear()
        pattern = _NEEDLE_PATTERNS[needles] = needle_pattern(needles)
    return [m.start() for m in pattern.finditer(text)]


def needle_pattern(needles) -> re.Pattern:
    """A pattern whose matches start where a needle does, one match per place: per first character, the
    needles' common opening is matched (the search skips to it) and the rest looked ahead for. The
    opening is matched only as far as no needle could start inside it (a match resumes after its end,
    and a place inside it would not be tried): up to the first offset whose rest of the opening agrees
    with the start of some needle."""
    groups: dict[str, list[str]] = {}
    for needle in needles:
        groups.setdefault(needle[0], []).append(needle)
    alternatives = []
    for group in groups.values():
        opening = commonprefix(group)
        keep = next((k for k in range(1, len(opening)) if any(_agree(opening[k:], n) for n in needles)), len(opening))
        rests = {needle[keep:] for needle in group}
        head = re.escape(opening[:keep])
        ahead = _trie(rests)
        alternatives.append(f"{head}(?={ahead})" if ahead else head)
    return re.compile("|".join(alternatives))


def _trie(rests: set[str]) -> str:
    """A pattern for a lookahead that succeeds where one of `rests` follows, nested by shared openings
    (ज(?:ेब|ांच)|ल…): the regex engine tries each alternative of a flat list in turn, some 200 nouns at
    every `के `, and here only the branches of the next character. "" where one of them is empty (the
    lookahead then always succeeds)."""
    if "" in rests:
        return ""
    groups: dict[str, set[str]] = {}
    for rest in rests:
        groups.setdefault(rest[0], set()).add(rest[1:])
    parts = []
    for first in sorted(groups):
        parts.append(re.escape(first) + _trie(groups[first]))  # each result can be appended as it is
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


def _agree(a: str, b: str) -> bool:
    """Whether one of `a` and `b` opens the other."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]
