"""parse_article fills each Sentence's slots itself and moves a closing quote only on a line where a later
sentence opens with one; the sentences must be those the original loop made (a Sentence by its dataclass
__init__, every span passed through the closing-quote fix)."""

from __future__ import annotations

import random
from dataclasses import fields

from conftest import SAMPLES, SEEDS

from audit.core import document
from audit.core.document import Sentence, parse_article
from audit.core.tokens import _sentence_tokens
from audit.core.sentences import sentence_spans


def _original_parse(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for p_index, line in enumerate(text.split("\n")):
        if line.strip():
            spans = [(offset + s, offset + e) for s, e in sentence_spans(line)]
            fixed: list[list[int]] = []
            for s, e in spans:
                while fixed and s < e and text[s] in document._CLOSERS:
                    fixed[-1][1] = s + 1
                    s += 1
                    while s < e and text[s].isspace():
                        s += 1
                if s < e:
                    fixed.append([s, e])
            for s, e in fixed:
                sentence = text[s:e]
                sentences.append(Sentence(s, e, sentence, len(sentences), p_index, _sentence_tokens(sentence, s)))
        offset += len(line) + 1
    return sentences


PIECES = ["राम", "ने", "कहा", "।", "?", "!", ".", "॥", "”", "’", "\"", "'", ")", "]", "»", " ", "  ", "\t", "\u00a0",
          "\n", "\r\n", "\n \n", "1", "2024", "1,000", "ए.", "X.", "word", "(", "“", "\u200b", "\u3000"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    made = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]
    return made + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]


def _slots(sentence: Sentence) -> tuple:
    return tuple(getattr(sentence, f.name) for f in fields(Sentence))


def test_the_parse_makes_the_sentences_the_original_loop_made():
    for text in _texts(20_000, 21):
        assert [_slots(s) for s in parse_article(text).sentences] == [_slots(s) for s in _original_parse(text)]


def test_every_slot_of_a_sentence_is_filled_by_the_parse():
    """parse_article sets these slots one by one: a field added to Sentence must be set there too."""
    assert Sentence.__slots__ == ("start", "end", "text", "index", "paragraph", "tokens", "_words")
    assert [f.name for f in fields(Sentence)] == list(Sentence.__slots__)
    first, second = parse_article("राम ने कहा।” फिर गए।").sentences  # the quote moved to the first sentence
    assert _slots(first)[:5] == (0, 12, "राम ने कहा।”", 0, 0)
    assert _slots(second)[:5] == (13, 20, "फिर गए।", 1, 0)
    assert second.words == [t for t in second.tokens if t.is_word] and second._words is not None
