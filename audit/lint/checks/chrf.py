"""Sentence chrF for the checks that compare two sentences (REP002 near-duplicates, BIL003 a target
copied from its source), scored by sacrebleu: `CHRF().sentence_score(hypothesis, [reference])`,
chrF2 over character n-grams up to 6.

Importing sacrebleu is heavy (its package imports its datasets, lxml, logging, portalocker and every
metric: about 360 million instructions, four bare Python starts), so it is imported only when a
pair of sentences survives a check's cheaper filters, once per process; a folder run with several
`--jobs` imports it before its workers fork (`preload`), so that they share one import instead of
each paying for it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _scorer():
    from sacrebleu.metrics import CHRF

    return CHRF()


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """chrF2 (0-100) of one hypothesis against one reference."""
    return _scorer().sentence_score(hypothesis, [reference]).score


# sacrebleu's CHRF() defaults, which `_scorer` keeps: character n-grams of orders 1 to 6, whitespace
# taken out first, no word n-grams, recall weighted by beta = 2 (a test holds the bound to sacrebleu)
_CHAR_ORDER = 6
_BETA_SQUARED = 4


def chrf_ceiling(hypothesis: str, reference: str) -> float:
    """The highest chrF2 (0-100) two sentences of their lengths can score, from the lengths alone: no
    more n-grams of an order can match than the shorter side has, so an order's precision is at most
    the reference's count over the hypothesis's (or 1) and its recall the other way round; sacrebleu
    averages both over the orders both sides have and takes their F-beta, which grows with each.
    A check with a bar asks sacrebleu only where the ceiling reaches it: a sentence much longer or
    shorter than the other (a copy with a clause added or dropped) cannot be a near copy, and its
    score (six n-gram counts of each sentence, matched) is not worked out."""
    h_len, r_len = len("".join(hypothesis.split())), len("".join(reference.split()))
    precision = recall = 0.0
    orders = min(_CHAR_ORDER, h_len, r_len)
    for n in range(1, orders + 1):
        h, r = h_len - n + 1, r_len - n + 1
        precision += min(h, r) / h
        recall += min(h, r) / r
    if not orders:
        return 0.0
    precision /= orders
    recall /= orders
    return 100 * (1 + _BETA_SQUARED) * precision * recall / (_BETA_SQUARED * precision + recall)


def preload() -> None:
    """Import sacrebleu now (in a parent about to fork workers that will need it)."""
    _scorer()
