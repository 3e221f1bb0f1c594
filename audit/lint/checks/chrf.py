"""Sentence chrF, the score sacrebleu's `CHRF().sentence_score(hypothesis, [reference]).score` gives
(character n-grams up to 6, beta 2, whitespace dropped, no word n-grams, no epsilon smoothing),
worked out here step for step, the same float operations in the same order.

Why not sacrebleu itself, here: importing it (its package imports its datasets, lxml, logging,
portalocker and every metric) costs about 360 million instructions, four times a bare Python start
and as much as a dozen articles' checks, and every `--jobs` worker that met a near-duplicate paid it
again. sacrebleu stays the reference: tests/test_chrf.py holds this to it, float for float.
"""

from __future__ import annotations

from collections import Counter

_CHAR_ORDER = 6
_FACTOR = 2**2  # beta squared
_EPS = 1e-16


def _ngrams(line: str, n: int) -> Counter:
    return Counter([line[i : i + n] for i in range(len(line) - n + 1)])


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """chrF2 (0-100) of one hypothesis against one reference, as sacrebleu scores it."""
    hyp = "".join(hypothesis.split())
    ref = "".join(reference.split())
    stats: list[int] = []
    for n in range(1, _CHAR_ORDER + 1):
        hyp_ngrams, ref_ngrams = _ngrams(hyp, n), _ngrams(ref, n)
        match_count, hyp_count = 0, 0
        for ngram, count in hyp_ngrams.items():
            hyp_count += count
            if ngram in ref_ngrams:
                match_count += min(count, ref_ngrams[ngram])
        stats += (hyp_count if ref_ngrams else 0, sum(ref_ngrams.values()), match_count)
    return _f_score(stats)


def _f_score(stats: list[int]) -> float:
    score = 0.0
    effective_order = 0
    avg_prec, avg_rec = 0.0, 0.0
    for i in range(_CHAR_ORDER):
        n_hyp, n_ref, n_match = stats[3 * i : 3 * i + 3]
        prec = n_match / n_hyp if n_hyp > 0 else _EPS
        rec = n_match / n_ref if n_ref > 0 else _EPS
        denom = _FACTOR * prec + rec
        score += ((1 + _FACTOR) * prec * rec / denom) if denom > 0 else _EPS
        if n_hyp > 0 and n_ref > 0:
            avg_prec += prec
            avg_rec += rec
            effective_order += 1
    if effective_order == 0:
        avg_prec = avg_rec = 0.0
    else:
        avg_prec /= effective_order
        avg_rec /= effective_order
    if avg_prec + avg_rec:
        score = (1 + _FACTOR) * avg_prec * avg_rec
        score /= (_FACTOR * avg_prec) + avg_rec
        return 100 * score
    return 0.0
