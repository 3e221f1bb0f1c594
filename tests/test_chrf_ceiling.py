"""`chrf_ceiling` is a bound REP002 asks before sacrebleu: no pair of sentences scores a higher chrF than
the ceiling its lengths give, so a pair below the bar by the ceiling is below it by sacrebleu too and
skipping sacrebleu there changes no finding. The bound is held to sacrebleu's own scores on random
pairs (copies, cut copies, copies with words added, unrelated strings, whitespace of several kinds)."""

from __future__ import annotations

import random

from audit.lint.checks.chrf import _BETA_SQUARED, _CHAR_ORDER, _scorer, chrf_ceiling, sentence_chrf


def test_ceiling_reads_the_scorers_settings():
    scorer = _scorer()
    assert (scorer.char_order, scorer.word_order, scorer.beta ** 2) == (_CHAR_ORDER, 0, _BETA_SQUARED)
    assert (scorer.whitespace, scorer.lowercase, scorer.eps_smoothing) == (False, False, False)


def test_no_pair_scores_above_its_ceiling():
    rng = random.Random(13)
    letters = "कखगघचजटडतदनपबमयरलवसह" + "ािीुूेैोौंँ्" + "   \t\n" + "abcXYZ.,।?0123"
    for _ in range(6000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 40)))
        pick = rng.random()
        if pick < 0.25:
            b = a
        elif pick < 0.5:
            b = a[: rng.randint(0, len(a))]
        elif pick < 0.75:
            cut = rng.randint(0, len(a))
            b = a[:cut] + "".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) + a[cut:]
        else:
            b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.5:
            a, b = b, a
        assert sentence_chrf(a, b) <= chrf_ceiling(a, b) + 1e-9, (a, b)


def test_ceiling_of_a_copy_is_the_top_score():
    assert chrf_ceiling("कंपनी जांच कर रही है।", "कंपनी  जांच कर रही है।") == 100.0
    assert chrf_ceiling("", "कुछ") == 0.0
