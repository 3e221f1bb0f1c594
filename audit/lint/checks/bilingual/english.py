"""What the bilingual checks read in the English source: its words, which of them are names, its entities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.language.entities import entities

# Latin letters with their accented forms (Ürümqi, Gyöngyi, Cochamó are one word each), not digits
_WORD = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f][A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'’]*")
_START_AFTER = frozenset(".!?:;\"“‘(")


def _opens_sentence(text: str, pos: int) -> bool:
    """The word at `pos` opens a sentence: nothing before it, or (after any spaces) a sentence's or a
    clause's closing mark, an opening quote or bracket, or a spaced dash (" - "); a newline just before
    the word counts as nothing. Read back from `pos`, not by searching all the text before every
    capitalised word, which made a long segment cost the square of its length."""
    for stop in {pos, pos - 1 if pos and text[pos - 1] == "\n" else pos}:
        if stop == 0 or (stop >= 3 and text[stop - 1].isspace() and text[stop - 2] in "-–—"
                         and text[stop - 3].isspace()):
            return True
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j > 0 and text[j - 1] in _START_AFTER


@dataclass(frozen=True)
class SourceWord:
    text: str
    start: int
    end: int
    name: bool  # a proper name or an acronym, not a word to translate

    @property
    def lower(self) -> str:
        return self.text.lower()


def masked(text: str) -> str:
    """The text with URLs, e-mail addresses, handles and hashtags blanked out (same length)."""
    pieces, at = [], 0
    for _, _, a, b in entities(text):
        pieces += (text[at:a], " " * (b - a))
        at = b
    return "".join(pieces) + text[at:] if pieces else text


@lru_cache(maxsize=4096)
def source_words(text: str) -> tuple[SourceWord, ...]:
    """The English words of a source segment; names are capitalised words not at a sentence start
    (and capitalised words at a start that English does not write in lower case), and acronyms."""
    from audit.language.wordstats import english_zipf

    blanked = masked(text)
    out: list[SourceWord] = []
    for m in _WORD.finditer(blanked):
        word = m.group().rstrip("'’")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        name = False
        if word[:1].isupper():
            if len(word) > 1 and word.isupper():
                name = True
            elif _opens_sentence(blanked, m.start()):
                name = english_zipf(word.lower()) < 3.0 or english_zipf(word) > english_zipf(word.lower())
            else:
                name = True
        out.append(SourceWord(word, m.start(), m.start() + len(word), name))
    # A capitalised word opening a sentence is a name when a name follows it (Maria Okafor, Customer Street,
    # Real Madrid, Young Boys), unless it is a word that opens sentences (The, Since, Last: `english_openers.tsv`).
    openers = _openers()
    for i in range(len(out) - 2, -1, -1):
        here, after = out[i], out[i + 1]
        if (not here.name and here.text[:1].isupper() and after.name and blanked[here.end : after.start] == " "
                and (english_zipf(here.lower) < 5.0 or here.lower not in openers)):
            out[i] = SourceWord(here.text, here.start, here.end, True)
    return tuple(out)


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """`glossaries/lexicon/english_openers.tsv`: words that open a sentence before a name without
    being part of it (determiners, prepositions, conjunctions, time words)."""
    from audit.language.lexicon import LEXICON_DIR
    from audit.language.tables import read_table

    return frozenset(row.get("word").lower() for row in read_table(LEXICON_DIR / "english_openers.tsv", ("word",), ("note",))
                     if row.get("word"))


# A classical noun's singular and plural endings, each way (bacterium / bacteria, fungus / fungi,
# phenomenon / phenomena): the source may say one where the concept table lists the other.
_CLASSICAL_NUMBER = (("um", "a"), ("us", "i"), ("on", "a"), ("ia", "ium"), ("i", "us"), ("na", "non"))


@lru_cache(maxsize=20_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The word and the forms an inflected English word may come from (skiers -> skier, driving -> drive,
    and a classical noun's other number: bacterium -> bacteria)."""
    w = word.lower()
    forms = [w, *_singulars(w, four_letter_ies=False)]
    if len(w) > 4:  # a Latin or Greek noun: Hindi writes बैक्टीरिया for "bacterium" too
        forms += [w[: -len(a)] + b for a, b in _CLASSICAL_NUMBER if w.endswith(a)]
    if w.endswith("ly") and len(w) > 5:
        forms.append(w[:-2])  # virtually -> virtual
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=4096)
def source_lemmas(text: str) -> frozenset[str]:
    """Every word of a source segment and the forms it may come from (`lemmas`), capitalised words
    too: what a cue or an `unless` word of a table is looked up in (by BIL004 and BIL007 alike)."""
    return frozenset(lemma for w in source_words(text) for lemma in lemmas(w.text))


def hyphenated_compounds(source: str) -> set[str]:
    """The hyphenated compounds of a source segment, lower case (a cue may be one: up-bow, cell-death)."""
    return {m.group().lower() for m in _COMPOUND.finditer(source)}


_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def to_translate(words, k: int, nationalities: frozenset[str]) -> bool:
    """The k-th source word is one to translate: not a name, or a nationality adjective the table
    lists (French, Spanish: English capitalises them) where no capitalised word goes on after it
    (French Open, Indian Express)."""
    word = words[k]
    if not word.name:
        return True
    if word.lower not in nationalities:
        return False
    after = words[k + 1] if k + 1 < len(words) else None
    return after is None or not after.text[:1].isupper() or after.start - word.end > 1


def capitalised_groups(words, by_english, cues: dict[str, frozenset[str]]) -> set[str]:
    """The source words that are a capitalised plural standing alone whose singular is a word the
    table translates (the Crusaders, the Pilgrims: a people or a group named by a common noun,
    धर्मयोद्धा), not part of a longer name (Crusaders Rugby, Maria Pilgrims) and not a very common
    word, which English uses for surnames and teams (Waters, Woods, Banks, Kings, Giants). None
    where the source speaks of a side (`side_cues.tsv`: the Crusaders beat the Hurricanes, the Greens
    won seats: a team, a party), and not one after a place word and 'the' (across the Highlands)."""
    from audit.language.wordstats import english_zipf

    side = cues.get("side", frozenset())
    if any(not w.name and not side.isdisjoint(lemmas(w.text)) for w in words):
        return set()  # asked once per segment, not once per capitalised word
    place = cues.get("place", ())
    out: set[str] = set()
    for k, word in enumerate(words):
        if not word.name or not word.text[:1].isupper() or word.text.isupper():
            continue
        if any(0 <= j < len(words) and words[j].name for j in (k - 1, k + 1)):
            continue
        if k >= 2 and words[k - 1].lower == "the" and words[k - 2].lower in place:
            continue
        if any(english_zipf(singular) < _GROUP_MAX_ZIPF
               and any(c.pos == "noun" and c.hindi for c in by_english.get(singular, ()))
               for singular in _singulars(word.lower)):
            out.add(word.text)
    return out


def _singulars(plural: str, four_letter_ies: bool = True) -> list[str]:
    """The singulars a lower-case English plural may have, the most particular ending undone first
    (allies -> ally, classes -> class, crusaders -> crusader); none for a word not in -s, in -ss or
    of under four letters. `four_letter_ies` False: not -ies -> -y in a word of four letters (ties,
    lies: `lemmas` leaves them)."""
    if not plural.endswith("s") or plural.endswith("ss") or len(plural) < 4:
        return []
    out = []
    if plural.endswith("ies") and (four_letter_ies or len(plural) > 4):
        out.append(plural[:-3] + "y")
    if plural.endswith("es"):
        out.append(plural[:-2])
    out.append(plural[:-1])
    return out


# A capitalised plural as common as water or king (zipf 4.5 and up) is a surname or a team's name
# as often as a group of people: Waters said, the Kings won.
_GROUP_MAX_ZIPF = 4.5


def around(at: int, extent: int, count: int, before: int, after: int) -> range:
    """The indices of `count` translation items from `before` ahead of to `after` past (exclusive)
    the place that `at` of `extent` in the source holds in proportion: what a long segment (a table
    or a list pasted as one) compares a source item with, so that it costs time linear in its length."""
    middle = at * count // max(extent, 1)
    return range(max(0, middle - before), min(count, middle + after))
