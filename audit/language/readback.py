"""Does a Devanagari word read back as an English word?  (आउटगो → outgo, कैपबिलिटी → capability)

The word is romanised with indic-transliteration (Harvard-Kyoto), then each romanised
unit is expanded into the English spellings it usually stands for, walking a trie of
common English words (sorted, searched by bisection) so only spellings that can still
become a word are explored.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from audit.core.text import romanise
from audit.language.wordstats import english_words

# Inherent vowels are ambiguous in loanwords (डेवलपमेंट: devel-o-p-ment), so schwa may be
# any short English vowel or nothing.
_OPTIONS: dict[str, tuple[str, ...]] = {
    "a*": ("", "a", "e", "o", "u", "i"),  # inherent vowel after a consonant
    "a": ("a", "u", "o", "e"), "A": ("a", "ar", "o", "au"), "i": ("i", "e", "y"),
    "I": ("ee", "i", "ea", "y", "e", "ie", "ey"), "u": ("u", "oo", "o"), "U": ("oo", "u", "ew", "o", "ou"),
    "e": ("e", "a", "ai", "ay", "ea", "ei"), "ai": ("a", "ai", "e", "i", "ea"),
    "o": ("o", "oa", "ow", "ou", "au", "a", "aw", "oe", "u"), "au": ("au", "ou", "ow", "o"),
    "R": ("ri", "r"), "M": ("n", "m", "ng"), "H": ("",),
    "k": ("k", "c", "ck", "ch", "q", "cc"), "kh": ("kh", "k"), "g": ("g", "gg", "gh"), "gh": ("gh", "g"),
    "G": ("n", "ng"), "c": ("ch", "c", "tch"), "ch": ("ch",), "j": ("j", "g", "dg", "ge", "z", "s"),
    "jh": ("jh", "j"), "J": ("n",), "T": ("t", "tt"), "Th": ("th", "t"), "D": ("d", "dd"),
    "Dh": ("dh", "d"), "N": ("n",), "t": ("t", "th"), "th": ("th",), "d": ("d", "th"),
    "dh": ("dh", "th"), "n": ("n", "nn"), "p": ("p", "pp"), "ph": ("f", "ph", "ff"), "b": ("b", "bb"),
    "bh": ("bh", "b"), "m": ("m", "mm"), "y": ("y", "i", "e", ""), "r": ("r", "rr"),
    "l": ("l", "ll"), "v": ("v", "w"), "z": ("sh", "ti", "ci", "s"), "S": ("sh",),
    "s": ("s", "ss", "c", "z", "sc"), "h": ("h", ""), "kS": ("x", "ks"), "ks": ("x", "xc", "ks", "cs", "kes", "ques"), "Ai": ("i", "ai", "y", "igh", "ie"),
}
_UNIT = re.compile(r"kS|ks|Ai|kh|gh|ch|jh|Th|Dh|th|dh|ph|bh|ai|au|[aAiIuUeoRMHkgGcjJTDNtdnpbmyrlvzSsh]")
_CONSONANTS = {u for u in _OPTIONS if u[0] not in "aAiIuUeoRMH" or u in ("h",)} - {"a*"}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[list[str], frozenset[str]]:
    """Sorted words for prefix tests by bisection: no trie to build, so cold start stays short."""
    words = english_words()
    return sorted(words), words


def _has_prefix(prefix: str, ordered: list[str]) -> bool:
    i = bisect.bisect_left(ordered, prefix)
    return i < len(ordered) and ordered[i].startswith(prefix)


def _units(hk: str) -> list[str] | None:
    units: list[str] = []
    pos = 0
    while pos < len(hk):
        m = _UNIT.match(hk, pos)
        if m is None:
            return None  # digits or symbols: not a plain word
        unit = m.group()
        if unit == "a" and units and units[-1] in _CONSONANTS:
            unit = "a*"
        units.append(unit)
        pos = m.end()
    return units


@lru_cache(maxsize=100_000)
def english_reading(word: str, min_length: int = 5) -> str | None:
    """The English word `word` spells in Devanagari, or None (the first reading found)."""
    units = _units(romanise(word))
    if not units:
        return None
    ordered, words = _lexicon()
    found: list[str] = []
    budget = [20_000]  # bounded search: a pathological word must not stall the run

    def walk(i: int, prefix: str) -> None:
        if budget[0] <= 0 or found:
            return
        budget[0] -= 1
        if i == len(units):
            if len(prefix) >= min_length and prefix in words:
                found.append(prefix)
            return
        for option in _OPTIONS[units[i]]:
            candidate = prefix + option
            if not option or _has_prefix(candidate, ordered):
                walk(i + 1, candidate)

    walk(0, "")
    return found[0] if found else None
