"""Word frequencies from wordfreq: how common a word is in Hindi, and in English."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def hindi_zipf(word: str) -> float:
    """Zipf frequency in Hindi (0 for unknown, 3 = once per million words, 6+ = function words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "hi")


@lru_cache(maxsize=1)
def english_words(min_zipf: float = 3.0, min_length: int = 4) -> frozenset[str]:
    """English words at least as common as `min_zipf` (wordfreq's list is sorted by frequency)."""
    from wordfreq import top_n_list, zipf_frequency

    ranked = top_n_list("en", 60_000)
    lo, hi = 0, len(ranked)
    while lo < hi:  # binary search for the frequency cut-off: a few lookups, not 60,000
        mid = (lo + hi) // 2
        if zipf_frequency(ranked[mid], "en") >= min_zipf:
            lo = mid + 1
        else:
            hi = mid
    return frozenset(w for w in ranked[:lo] if len(w) >= min_length and w.isascii() and w.isalpha())


@lru_cache(maxsize=100_000)
def english_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
