"""Whether a Devanagari word spells out an English word: यार्ड is "yard", रोटेशन is "rotation".

Both sides are reduced to the consonants a listener hears, in classes Hindi spelling does not
keep apart (स/ज for s/z, न/म before a consonant, aspiration, doubled letters). The English side
is first respelled the way Hindi writes its sounds, by the rules in `glossaries/english_sounds.tsv`
(`tch` → च as in मैच, `tion` → शन as in रोटेशन, a soft `g` → ज as in कवरेज; each spelling is a
regular expression, applied in the table's order). The vowels then
decide between words that share consonants (बेहतर is not "better").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from audit.core.text import translit_key
from audit.language.tables import read_table

SOUNDS = Path(__file__).resolve().parents[2] / "glossaries" / "english_sounds.tsv"

# Digraphs of the romanised Hindi (Harvard-Kyoto, folded) that are one consonant.
_DIGRAPHS = (("sh", "s"), ("th", "t"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("ch", "c"), ("bh", "b"),
             ("ph", "f"), ("jh", "j"))
# Consonants Hindi spelling of English words does not keep apart: s/z/j (सीजन "season",
# फेज "phase"), m/n (anusvara: चैंपियन "champion"), w/v.
_CLASS = {"z": "s", "j": "s", "m": "n", "w": "v"}
_NOT_CONSONANT = set("aeiouyh")


@lru_cache(maxsize=1)
def _respellings() -> tuple[tuple[re.Pattern, str], ...]:
    rows = read_table(SOUNDS, ("spelling", "sound"), ("example",), unique=("spelling",))
    out = []
    for row in rows:
        try:
            out.append((re.compile(row.get("spelling")), row.get("sound")))
        except re.error as exc:
            raise row.error(f"'spelling' is not a regular expression: {exc}") from None
    return tuple(out)


@lru_cache(maxsize=20_000)
def english_key(word: str) -> str:
    """The English word respelled as Hindi writes its sounds, in plain letters (lower case)."""
    key = re.sub(r"[^a-z]", "", word.lower())
    if key.startswith("ts"):
        key = key[1:]  # tsunami → सुनामी
    for spelling, sound in _respellings():
        key = spelling.sub(sound, key)
    return key


def skeleton(key: str) -> str:
    """The consonant classes of a key, in order, repeats collapsed."""
    for pair, single in _DIGRAPHS:
        key = key.replace(pair, single)
    out: list[str] = []
    for ch in key:
        if ch in _NOT_CONSONANT or not ch.isalpha():
            continue
        ch = _CLASS.get(ch, ch)
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _vowelled(key: str) -> str:
    return re.sub(r"[^a-z]", "", key.replace("sh", "s").replace("th", "t").replace("ch", "c").replace("z", "j")
                  .replace("w", "v").replace("y", "i"))


# An English vowel letter and the Hindi vowel that often writes its sound: base बेस and wrap रैप
# (a → e), run रन (u → a), cover कवर (o → a, e → a).
_LIKELY_VOWELS = frozenset((("a", "e"), ("u", "a"), ("o", "a"), ("e", "a")))


def _sound_distance(hindi: str, english: str) -> int:
    """Edit distance where an English vowel written as the Hindi vowel that usually renders it is free."""
    prev = list(range(len(english) + 1))
    for i, h in enumerate(hindi, 1):
        cur = [i]
        for j, e in enumerate(english, 1):
            same = h == e or (e, h) in _LIKELY_VOWELS
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (not same)))
        prev = cur
    return prev[-1]


# English vowel spellings as Hindi writes them: levee लेवी, seat सीट, pool पूल; a final silent e.
_ENGLISH_VOWELS = ((re.compile(r"ee|ea|ie"), "i"), (re.compile(r"oo"), "u"), (re.compile(r"(?<=[^aeiou])e$"), ""))


@lru_cache(maxsize=50_000)
def hindi_key(token: str) -> tuple[str, str]:
    """(key, skeleton) of a Devanagari token."""
    key = translit_key(token)
    return key, skeleton(key)


@lru_cache(maxsize=20_000)
def _english_sound(english: str) -> tuple[str, str]:
    """(skeleton, vowelled key) of an English word."""
    other = english_key(english)
    theirs = _vowelled(other)
    for pattern, vowel in _ENGLISH_VOWELS:
        theirs = pattern.sub(vowel, theirs)
    return skeleton(other), theirs


def _distance(token: str, theirs: str, plural: bool) -> int:
    mine = _vowelled(hindi_key(token)[0])
    if plural:  # a plural ending (लेवीज, कारों) is not a difference
        # कारों: the vowel before an oblique plural's nasal goes too (a nasal after m or n is
        # another word glued on: गैरेजमें is गैरेज + में, not a plural)
        mine = mine[:-2] if re.search(r"[^mnaeiou][aeiou]n$", mine) else re.sub(r"[sjn][^sjn]*$", "", mine)
    return _sound_distance(mine, theirs)


def spelling_distance(token: str, english: str) -> int | None:
    """How far apart the vowels are when the Devanagari token spells out the English word (0 is
    exact), or None when their consonants differ. An English plural or a Hindi plural ending on
    the token (स्कीयर्स, कारों) still matches the singular."""
    shape = hindi_key(token)[1]
    other_shape, theirs = _english_sound(english)
    if len(other_shape) < 2 or shape not in (other_shape, other_shape + "s", other_shape + "n"):
        return None
    return _distance(token, theirs, shape != other_shape)


class SpelledWords:
    """The English words of one source segment, found by the consonants of a Devanagari token
    (one dictionary look-up per token, so a check stays linear in the text)."""

    def __init__(self, forms):
        """`forms`: (what, English form) pairs; `matches` hands `what` back, the first given for each
        distinct form: a word the segment repeats (a list of 500 names) is matched once, not once
        per use, which made a token's look-up grow with the segment."""
        self._by_shape: dict[str, list] = {}
        seen: set[str] = set()
        for what, form in forms:
            if form in seen:
                continue
            seen.add(form)
            shape, theirs = _english_sound(form)
            if len(shape) >= 2:
                self._by_shape.setdefault(shape, []).append((what, form, shape, theirs))

    def matches(self, token: str):
        """(what, form, consonant count, distance) of every distinct English form the token spells out."""
        shape = hindi_key(token)[1]
        found = []
        for key, plural in ((shape, False), (shape[:-1], True)):
            if plural and shape[-1:] not in ("s", "n"):
                continue
            for what, form, other_shape, theirs in self._by_shape.get(key, ()):
                found.append((what, form, len(other_shape), _distance(token, theirs, plural)))
        return found
