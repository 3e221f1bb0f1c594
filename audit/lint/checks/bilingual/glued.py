"""A space lost between two Hindi words (गैरेजमें, वालेगर्व): which tokens may be two words glued,
and which part may be the Hindi word beside the one a check is looking for. Shared by BIL004
(a transliteration glued on), BIL007 (a wrong-sense word glued on) and BIL009 (a neighbouring word
glued on)."""

from __future__ import annotations

import re
from typing import NamedTuple

from audit.core.text import fold
from audit.language.concepts import default_concepts
from audit.language.wordstats import hindi_zipf

# The word glued on must be common Hindi (के, पर, ऊपर, यानी, वाले), not a fragment.
GLUED_ZIPF = 3.0
# Two words glued are seldom longer (ड्राइविंगके is 11, वालेगर्व 8): a longer token (a run whose spaces
# are zero-width ones, a pasted blob) is not cut, where every cut would copy it (quadratic in its length).
GLUED_LONGEST = 30


def may_be_glued(token: str) -> bool:
    """Short enough to be two words, and unknown to Hindi as a whole: a Hindi word that merely ends
    in के or a listed form is never cut."""
    return len(token) <= GLUED_LONGEST and hindi_zipf(token) <= 0


def common_hindi(ctx, part: str) -> bool:
    """The part beside the word looked for is a Hindi word of its own: a function word, a common one,
    or the Hindi the concept table gives for a concept (उत्परिवर्तन "mutation", rare in wordfreq but
    the desk's word: उत्परिवर्तनसेल is उत्परिवर्तन + सेल)."""
    if fold(part) in ctx.lexicon.stopwords or hindi_zipf(part) >= GLUED_ZIPF:
        return True
    return len(part) >= _LISTED_HINDI_LETTERS and any(h.side == "hindi" for h in default_concepts().lookup(part))


# A listed Hindi word glued on has at least this many letters: a two-letter form (कम, पर) is a
# fragment as often as a word, and the common ones pass by frequency anyway.
_LISTED_HINDI_LETTERS = 3


# Where a Devanagari word may begin: an independent vowel or a consonant, not a vowel sign or virama.
_WORD_INITIAL = re.compile(r"[\u0905-\u0914\u0915-\u0939\u0958-\u095F]")


class Glue(NamedTuple):
    """The part of a token that is the word looked for, and the Hindi word glued to it."""

    word: str
    other: str  # "" when nothing is glued
    offset: int  # of the word in the token; 0 when the Hindi word comes after it


def unglue(ctx, token: str, word_test, beside=None):
    """(glue, what `word_test` answered) when the token is a word glued to a Hindi word (ड्राइविंगके,
    गैरेजमें, मानेप्राइम: a space lost), else (None, None). The whole token must be unknown to Hindi
    and the other part a function word or a common Hindi word (or what `beside` accepts), so that a
    Hindi word that happens to end in के or में is never cut. Of several cuts the one leaving the
    shortest word wins: in लेवीओवरटॉप both ले + वीओवरटॉप and लेवी + ओवरटॉप pass (the test allows a
    vowel more), and the word is ओवरटॉप."""
    if not may_be_glued(token):
        return None, None
    best = None, None
    for m in _WORD_INITIAL.finditer(token, 2):
        head, tail = token[: m.start()], token[m.start():]
        if head.endswith("\u094d"):
            continue
        for word, other, offset in ((head, tail, 0), (tail, head, len(head))):
            if (len(word) < 3 or (best[0] is not None and len(word) >= len(best[0].word))
                    or not (beside(other) if beside else common_hindi(ctx, other))):
                continue
            hit = word_test(word)
            if hit is not None:
                best = Glue(word, other, offset), hit
    return best


def space_note(glue: Glue | None) -> str:
    if glue is None or not glue.other:
        return ""
    return f"; a space is missing {'after' if glue.offset else 'before'} '{glue.other}'"


def respaced(hindi: str, glue: Glue | None) -> str:
    """The Hindi word, with the lost space put back on the side the other word was glued."""
    if glue is None or not glue.other:
        return hindi
    return " " + hindi if glue.offset else hindi + " "
