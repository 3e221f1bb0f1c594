"""Normalisation for matching, and transliteration keys for clustering spellings.

Everything here produces *keys*: strings used to compare tokens. Keys are never shown
to the user and never written back; offsets always point into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NUKTA = "\u093c"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# Chandrabindu and anusvara are used interchangeably by MT systems and desks alike.
_MATCH_FOLD = str.maketrans({"\u0901": "\u0902", NUKTA: None})
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _normalizer():
    from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

    return IndicNormalizerFactory().get_normalizer("hi")


# Every character indic-nlp's Hindi normaliser (DevanagariNormalizer, nasals and chandras left
# alone) replaces or starts a replaced sequence with: marks and joiners, curly quotes, dashes and
# the ellipsis, the precomposed nukta letters and Marathi's chandra a, | (a danda), : (a visarga
# after a letter). Its steps are literal replacements and that one colon rule, so a text with none
# of these is what it gives back unchanged (a test asks it for every character).
_NORMALISER_CHANGES = re.compile("[\ufeff\ufffe\u2060\u00ad\u200b\u00a0\u200c\u200d\u201e\u201c\u201d"
                                 "\u2013\u2014\u00b4\u2018\u201a\u2019'\u2026\u0972\u0929\u0931\u0934"
                                 "\u0958-\u095f|:]")


@lru_cache(maxsize=200_000)
def normalize(token: str) -> str:
    """NFC + indic-nlp's Devanagari normalisation (nukta forms, ZWJ/ZWNJ, quotes, danda)."""
    text = unicodedata.normalize("NFC", token)
    if _NORMALISER_CHANGES.search(text) is None:
        # (most words) no zero-width character either, as the class holds them all: the deletion below
        # would give the text back, at a dict lookup per character (str.translate with a dict)
        return text
    text = text.translate(_ZERO_WIDTH)
    if DEVANAGARI.search(text) and _NORMALISER_CHANGES.search(text):
        text = _normalizer().normalize(text)
    return text


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """The key two spellings must share to count as the *same* spelling.

    Nukta and chandrabindu differences are not spelling variants a desk cares about;
    Latin text is compared case-insensitively (casing has its own check).
    """
    folded = unicodedata.normalize("NFD", normalize(token))
    if "\u0901" in folded or NUKTA in folded:  # (a translate reads every character through a dict)
        folded = folded.translate(_MATCH_FOLD)
    return unicodedata.normalize("NFC", folded).casefold()


def is_devanagari(token: str) -> bool:
    return bool(DEVANAGARI.search(token))


def is_latin(token: str) -> bool:
    return bool(LATIN.search(token)) and not DEVANAGARI.search(token)


# --- transliteration keys -------------------------------------------------------------

# sanscript's Harvard-Kyoto scheme has no letters for the English-loan vowels; map them
# to their nearest native vowel first.
_PRE_ROMANISE = str.maketrans({"\u0911": "\u0913", "\u0949": "\u094b", "\u090d": "\u090f", "\u0945": "\u0947"})
_HK_FOLD = [
    ("ph", "f"), ("ai", "e"), ("au", "o"), ("A", "a"), ("I", "i"), ("U", "u"), ("E", "e"), ("O", "o"),
    ("T", "t"), ("D", "d"), ("N", "n"), ("G", "n"), ("J", "n"), ("M", "n"), ("H", ""),
    ("S", "s"), ("z", "s"), ("R", "ri"), ("lR", "li"), ("kS", "ks"),
]
_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def _hk_map() -> dict:
    """indic-transliteration's Devanagari -> Harvard-Kyoto scheme map, as plain tables (cached:
    importing sanscript parses every scheme it knows, a tenth of a second per run)."""
    from audit.core.datacache import cached_table, package_version

    def build() -> dict:
        from indic_transliteration import sanscript

        m = sanscript.SchemeMap(sanscript.SCHEMES[sanscript.DEVANAGARI], sanscript.SCHEMES[sanscript.HK])
        # The port below is sanscript's Brahmic-to-Roman loop; it is exact only without
        # shortcuts and accents, which these two schemes do not have (checked here, not assumed).
        exact = not (m.from_scheme.get("shortcuts") or m.to_scheme.get("shortcuts") or m.accents)
        return {"exact": exact, "vowel_marks": dict(m.vowel_marks), "virama": dict(m.virama),
                "consonants": sorted(m.consonants), "other": dict(m.non_marks_viraama),
                "max_key": m.max_key_length_from_scheme}

    shape = {"exact": bool, "vowel_marks": {str: str}, "virama": {str: str}, "consonants": [str],
             "other": {str: str}, "max_key": int}
    return cached_table("hk-devanagari", (package_version("indic_transliteration"),), build, shape, _hk_tables)


def _hk_tables(table: dict) -> dict:
    if table["max_key"] < 1:  # the transliteration loop steps by it
        raise ValueError("the longest key has a length")
    return {**table, "consonants": frozenset(table["consonants"])}


def _devanagari_to_hk(data: str) -> str:
    """sanscript.transliterate(data, DEVANAGARI, HK), on the cached tables."""
    t = _hk_map()
    if not t["exact"]:
        from indic_transliteration import sanscript

        return sanscript.transliterate(data, sanscript.DEVANAGARI, sanscript.HK)
    vowel_marks, virama, consonants, other, max_key = (
        t["vowel_marks"], t["virama"], t["consonants"], t["other"], t["max_key"])
    buf: list[str] = []
    i, n, had_consonant = 0, len(data), False
    while i <= n:
        token = data[i : i + max_key]
        found = False
        while token:  # the longest scheme key first, as sanscript does
            if len(token) == 1:
                if token in vowel_marks:
                    buf.append(vowel_marks[token])
                elif token in virama:
                    buf.append(virama[token])
                else:
                    if had_consonant:
                        buf.append("a")
                    buf.append(other.get(token, token))
                found = True
            elif token in other:
                if had_consonant:
                    buf.append("a")
                buf.append(other[token])
                found = True
            if found:
                had_consonant = token in consonants
                i += len(token)
                break
            token = token[:-1]
        if not found:
            if had_consonant:
                buf.append(next(iter(virama.values())))
            if i < n:
                buf.append(data[i])
                had_consonant = False
            i += 1
    if had_consonant:
        buf.append("a")
    return "".join(buf)


@lru_cache(maxsize=200_000)
def romanise(token: str) -> str:
    """Harvard-Kyoto romanisation per indic-transliteration (nukta and loan vowels folded)."""
    return _devanagari_to_hk(fold(token).translate(_PRE_ROMANISE))


@lru_cache(maxsize=200_000)
def translit_key(token: str) -> str:
    """A spelling-tolerant key: long/short vowels, retroflex/dental, sibilants folded.

    दीपसेक and डीपसेक share `dipasek`; डीपसीक gives `dipasik` (one vowel apart).
    """
    if not is_devanagari(token):
        return latin_key(token)
    key = romanise(token)
    for src, dst in _HK_FOLD:
        key = key.replace(src, dst)
    key = re.sub(r"[^a-z0-9]", "", key.lower())
    if key.endswith("a") and len(key) > 2:
        key = key[:-1]  # final schwa is not pronounced
    return key


def skeleton(key: str) -> str:
    """Consonants only, aspiration and doubled letters collapsed: the script-neutral core."""
    out: list[str] = []
    for ch in key:
        if ch in _VOWELS or ch == "h" or not ch.isalpha():
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


_LATIN_RULES = [
    ("ph", "f"), ("ck", "k"), ("qu", "kv"), ("q", "k"), ("x", "ks"), ("w", "v"),
    ("ce", "se"), ("ci", "si"), ("cy", "si"), ("c", "k"), ("y", "i"), ("z", "j"),
]


@lru_cache(maxsize=50_000)
def latin_key(word: str) -> str:
    """An approximate phonetic key of a Latin-script name, comparable with `translit_key`."""
    key = re.sub(r"[^a-z0-9]", "", word.lower())
    for src, dst in _LATIN_RULES:
        key = key.replace(src, dst)
    return key


def within_one_edit(a: str, b: str) -> bool:
    """`vowel_distance(a, b) <= 1`, in one pass: past the common prefix, the rest must be equal once
    one character is dropped from the longer (or, at equal length, from both). Asked for many pairs
    of keys per article (a name against every word), where the quadratic DP cost the most."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    for ca, cb in zip(a, b):
        if ca != cb:
            break
        i += 1
    else:
        return True  # one is the other, or the other with one more character at the end
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def vowel_distance(a: str, b: str) -> int:
    """Levenshtein distance; the keys compared are short, so the quadratic DP is fine."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def common_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters `a` and `b` share at the start, and then at the end (the end never reaching
    back into the shared start): a[head:len(a) - tail] and b[head:len(b) - tail] are where they differ."""
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail
