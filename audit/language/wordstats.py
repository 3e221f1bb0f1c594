"""Word frequencies from wordfreq: how common a word is in Hindi, and in English.

wordfreq's own start-up (its imports, then unpacking a whole frequency list) would cost every
`jaanch check` a quarter of a second, so its data is read once into compact tables (see
audit.core.datacache) and looked up here: a plain word (letters only, as wordfreq would
tokenise it to itself) is answered from the table with exactly wordfreq's figure; anything
else is handed to wordfreq itself.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from audit.core.datacache import cached_table, package_version

# Words wordfreq's tokenizer leaves whole: Devanagari letters and signs (no danda, no digits),
# and lower-case ASCII letters.
# A word starting with a vowel sign is broken text, which wordfreq splits: not plain.
_PLAIN = {"hi": re.compile(r"[\u0904-\u0939\u093d\u0950\u0958-\u0961\u0972-\u097f][\u0900-\u0963\u0971-\u097f]*"),
          "en": re.compile(r"[a-z]+")}


def _build(lang: str) -> dict:
    from wordfreq import get_frequency_list, lossy_tokenize, zipf_frequency

    words: list[str] = []
    buckets: list[int] = []
    zipf_of_bucket: dict[int, float] = {}
    plain = _PLAIN[lang]
    for index, bucket in enumerate(get_frequency_list(lang)):
        for word in bucket:
            if plain.fullmatch(word) and unicodedata.is_normalized("NFC", word) and (
                    lang == "en" or lossy_tokenize(word, lang) == [word]):
                words.append(word)
                buckets.append(index)
                if index not in zipf_of_bucket:  # every word of a bucket has one frequency
                    zipf_of_bucket[index] = zipf_frequency(word, lang)
    order = sorted(range(len(words)), key=words.__getitem__)
    return {"words": "\n".join(words[i] for i in order),
            "zipf": [zipf_of_bucket[buckets[i]] for i in order]}


@lru_cache(maxsize=2)
def _table(lang: str) -> tuple[list[str], list[float]]:
    return cached_table(f"wordfreq-{lang}", (package_version("wordfreq"),), lambda: _build(lang),
                        {"words": str, "zipf": [float]}, _frequency_table)


def _frequency_table(data: dict) -> tuple[list[str], list[float]]:
    words = data["words"].split("\n")
    if len(words) != len(data["zipf"]):
        raise ValueError("a frequency for each word")
    return words, data["zipf"]


def _zipf(word: str, lang: str) -> float:
    if _PLAIN[lang].fullmatch(word) and unicodedata.is_normalized("NFC", word):
        words, zipfs = _table(lang)
        i = bisect.bisect_left(words, word)
        return zipfs[i] if i < len(words) and words[i] == word else 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


@lru_cache(maxsize=200_000)
def hindi_zipf(word: str) -> float:
    """Zipf frequency in Hindi (0 for unknown, 3 = once per million words, 6+ = function words)."""
    return _zipf(word, "hi")


@lru_cache(maxsize=1)
def hindi_frequencies() -> dict[str, float]:
    """Every plain Hindi word wordfreq lists (letters only, NFC), with its zipf: `.get(word, 0.0)` is
    `hindi_zipf` for a plain word and 0 for anything else, in one hash lookup and never through
    wordfreq itself (whose import costs a quarter of a second), for checks that ask about many made-up
    spellings, most of them no word at all."""
    words, zipfs = _table("hi")
    return dict(zip(words, zipfs))


@lru_cache(maxsize=100_000)
def english_zipf(word: str) -> float:
    return _zipf(word, "en")


def _english_words(min_zipf: float, min_length: int) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    ranked = top_n_list("en", 60_000)
    lo, hi = 0, len(ranked)
    while lo < hi:  # binary search for the frequency cut-off: a few lookups, not 60,000
        mid = (lo + hi) // 2
        if zipf_frequency(ranked[mid], "en") >= min_zipf:
            lo = mid + 1
        else:
            hi = mid
    return sorted(w for w in ranked[:lo] if len(w) >= min_length and w.isascii() and w.isalpha())


@lru_cache(maxsize=1)
def english_words(min_zipf: float = 3.0, min_length: int = 4) -> frozenset[str]:
    """English words at least as common as `min_zipf` (wordfreq's list is sorted by frequency)."""
    name = f"english-words-{min_zipf:g}-{min_length}"
    return cached_table(name, (package_version("wordfreq"),), lambda: _english_words(min_zipf, min_length),
                        [str], frozenset)
