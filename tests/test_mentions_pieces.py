"""Context.mentions compares the first pieces of a cue list with its window's pieces before it searches:
it must answer what the original, a search of the window for each phrase in turn, answered."""

from __future__ import annotations

import random

from conftest import SAMPLES, SEEDS

from audit.core.document import parse_article, tokenize_phrase
from audit.lint.checks.base import Context


def _original_mentions(article, phrases, sentence, radius=0):
    sentences = article.sentences
    first, last = max(0, sentence - radius), min(len(sentences), sentence + radius + 1)
    window = "".join(" " + " ".join(t.key for t in sentences[i].tokens) + " " for i in range(first, last))
    for phrase in phrases:
        if f" {' '.join(tokenize_phrase(phrase))} " in window:
            return phrase
    return None


WORDS = ["बाजार", "शेयर", "मैच", "रन", "बल्ले", "से", "।", ",", "क़ीमत", "कीमत", "Market", "market", "\u200d", "1,000",
         "(", ")", "गेंद", "टीम", "ने", "की"]


def test_mentions_answer_what_a_search_for_each_phrase_answered():
    rng = random.Random(31)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))) for _ in range(1_500)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    asked = 0
    for text in texts:
        article = parse_article(text)
        if not article.sentences:
            continue
        ctx = Context(article, None, None)
        for _ in range(20):
            phrases = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(0, 6))]
            if rng.random() < 0.5:
                phrases = tuple(phrases)
            sentence, radius = rng.randrange(len(article.sentences)), rng.choice([0, 1, 2])
            asked += 1
            assert ctx.mentions(phrases, sentence, radius) == _original_mentions(article, phrases, sentence, radius)
    assert asked > 20_000
