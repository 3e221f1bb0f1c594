"""A name's consonants in order, read from its Devanagari letters by one `str.translate`: a cheap
stand-in for its consonant skeleton (`skeleton(translit_key(word))`), which romanises the word
letter by letter in Python (some 17 µs a word: a quarter of TERM003's instructions on unseen pages
of news, whose new words keep coming, and a seventh of TERM005's).

`outline(word)` is the skeleton with ph read as p (f and p one letter) and a letter written twice
in a row once, worked out without romanising: each consonant letter gives the skeleton's letter
its romanisation gives (ख kh -> k, श z -> s, ण N -> n, ऋ R -> ri -> r, ं M -> n; a nukta, a vowel,
ह and the visarga give none). So two words of one skeleton have one outline (`skeleton_outline`
gives the same of any skeleton, a Latin name's too): where no two outlines meet, no two skeletons
do, and neither needs working out. A word with a character outside the Devanagari block (and the
zero-width joiners `fold` drops) has its skeleton worked out. A test compares both over every word
of the Hindi word list, every letter of the block in context and random letter strings.
"""

from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter

from audit.core.text import skeleton, translit_key
from audit.lint.checks.words import PerWord

# Each letter's consonants in the skeleton (f read as p): फ/फ़ ph -> f; प्ह also romanises as ph -> f.
_LETTERS = {
    "क": "k", "ख": "k", "ग": "g", "घ": "g", "ङ": "n", "च": "c", "छ": "c", "ज": "j", "झ": "j", "ञ": "n",
    "ट": "t", "ठ": "t", "ड": "d", "ढ": "d", "ण": "n", "त": "t", "थ": "t", "द": "d", "ध": "d", "न": "n",
    "प": "p", "फ": "p", "ब": "b", "भ": "b", "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "s",
    "ष": "s", "स": "s", "ळ": "l",
    # the nukta letters, precomposed: `fold` takes their nukta off
    "\u0929": "n", "\u0931": "r", "\u0934": "l", "\u0958": "k", "\u0959": "k", "\u095a": "g", "\u095b": "j",
    "\u095c": "d", "\u095d": "d", "\u095e": "p", "\u095f": "y",
    "\u0901": "n", "\u0902": "n",  # chandrabindu (folded to) and anusvara: M -> n
    "\u090b": "r", "\u0960": "r", "\u0943": "r", "\u0944": "r",  # vocalic r: R -> ri
    "\u090c": "lr", "\u0961": "lr", "\u0962": "lr", "\u0963": "lr",  # vocalic l: lR -> lri
    "\u0950": "n",  # om: OM -> on
}
# every other character of the block, and the joiners `fold` removes, gives no consonant
_TABLE = {c: None for c in [*range(0x900, 0x980), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]}
_TABLE.update({ord(c): v for c, v in _LETTERS.items()})
_PLAIN = re.compile("[\u0900-\u097f\u200b-\u200d\u2060\ufeff]*")
_TWICE = re.compile(r"(.)\1+")
_FIRST = itemgetter(0)  # of a (letter, run) pair from groupby


def _collapse(letters: str) -> str:
    # a run of one letter is read once: asked first by a search (most outlines have none), then each
    # run's letter taken by groupby in C (re.sub with a template goes through re's Python code per call)
    if len(letters) < 2 or _TWICE.search(letters) is None:
        return letters
    return "".join(map(_FIRST, groupby(letters))) if "\n" not in letters else _TWICE.sub(r"\1", letters)


def _outline(word: str) -> str:
    if _PLAIN.fullmatch(word):
        return _collapse(word.translate(_TABLE))
    return _skeleton_outline(skeleton(translit_key(word)))  # a Latin letter, a digit, a sign: romanised


def _skeleton_outline(skel: str) -> str:
    return _collapse(skel.replace("f", "p"))


OUTLINES = PerWord(_outline)  # per distinct word
outline = OUTLINES.__getitem__
# The outline of a skeleton (a Devanagari word's, or a Latin name's `skeleton(latin_key(name))`), per distinct skeleton
skeleton_outline = PerWord(_skeleton_outline).__getitem__
