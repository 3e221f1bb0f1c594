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


def preload() -> None:
    """Import sacrebleu now (in a parent about to fork workers that will need it)."""
    _scorer()
