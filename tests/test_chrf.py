"""audit.lint.checks.chrf gives sacrebleu's sentence chrF, float for float (REP002 and BIL003 compare
it with thresholds, so a last-bit difference could move a finding)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import CHRF

from audit.core.document import parse_article
from audit.lint.checks.chrf import sentence_chrf
from conftest import SAMPLES, SEEDS

_SCORER = CHRF()


def _reference(hypothesis: str, reference: str) -> float:
    return _SCORER.sentence_score(hypothesis, [reference]).score


# few letters, so n-grams repeat and match; spaces, tabs, newlines and a Devanagari sign or two
TEXT = st.text(alphabet="ab कखा्. \t\nZ", max_size=40)


@settings(max_examples=1500, deadline=None)
@given(TEXT, TEXT)
def test_random_strings_score_as_sacrebleu(hypothesis, reference):
    assert sentence_chrf(hypothesis, reference) == _reference(hypothesis, reference)


def test_article_sentences_score_as_sacrebleu():
    sentences = []
    for path in sorted(SEEDS.glob("*")) + sorted(SAMPLES.glob("*.txt")):
        sentences += [s.text for s in parse_article(path.read_text(encoding="utf-8")).sentences]
    rng = random.Random(13)
    pairs = [(rng.choice(sentences), rng.choice(sentences)) for _ in range(400)]
    # near copies, as REP002 scores them: a word dropped, two swapped
    for sent in sentences:
        words = sent.split()
        if len(words) > 3:
            i = rng.randrange(len(words) - 1)
            pairs.append((sent, " ".join(words[:i] + words[i + 1:])))
            pairs.append((" ".join(words[:i] + [words[i + 1], words[i]] + words[i + 2:]), sent))
    assert len(pairs) > 500
    for hyp, ref in pairs:
        assert sentence_chrf(hyp, ref) == _reference(hyp, ref), (hyp, ref)
