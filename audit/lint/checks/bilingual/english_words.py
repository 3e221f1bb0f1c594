"""Which English words of a source Hindi has a word of its own for, as BIL004 asks before it flags
one written out in Devanagari: a common word (not a function word), a compound of two common words,
a regular verb's -ed form before a light verb, but not re- or un- on a loan Hindi writes."""

from __future__ import annotations

from audit.language.wordstats import english_zipf, hindi_zipf
from audit.lint.checks.bilingual.english import lemmas


def common_english(word: str, min_zipf: float) -> bool:
    """A common English word (one a Hindi reader has a word for), not a function word (and, for)
    nor a rare or technical one (carotenoid, proton), which Hindi has no word of its own for."""
    # a function word is one as written: a stem cut off an inflected word (notes -> not) is not
    return max(english_zipf(lemma) for lemma in lemmas(word)) >= min_zipf and english_zipf(word.lower()) < FUNCTION_WORD_ZIPF


FUNCTION_WORD_ZIPF = 6.0


def regular_past(word: str) -> bool:
    """A regular English verb's -ed form (overtopped, wrecked, demolished): its stem is about as
    common as the word or more (within `_PAST_STEM_MARGIN`). Written out before a light verb
    (ओवरटॉप हो गया, डिमॉलिश किया) it is the English verb made a Hindi conjunct, however rare the
    verb: Hindi has a verb of its own for it. Not an adjective in -ed whose cut-off stem is a rarer
    word or none (sacred, naked, wicked, hundred, speed)."""
    w = word.lower()
    if not w.endswith("ed"):
        return False
    zipf = english_zipf(w) - _PAST_STEM_MARGIN
    return any(english_zipf(stem) >= zipf for stem in lemmas(w)[1:])


# demolished (3.52) is commoner than demolish (3.18); wicked (3.99) than wick (3.34) by much more
_PAST_STEM_MARGIN = 0.5


def prefixed_loan(word: str, said: str, floor: float) -> bool:
    """retweeted -> रीट्वीट, relaunched -> रीलॉन्च, unfollowed -> अनफॉलो: re- or un- on a regular verb
    whose loan Hindi text writes (ट्वीट, लॉन्च, फॉलो: zipf `floor` or more) is that loan with its
    prefix, the desk's conjunct as the plain one is (रीट्वीट किया beside ट्वीट किया). Not a prefix
    on a loan Hindi seldom writes (reinstated -> रीइंस्टेट, where the desk writes बहाल), nor a word
    that only opens like one (retained -> रिटेन: "tained" is no verb)."""
    w = said.lower()
    for english, written in _PREFIXES:
        rest = w[len(english):]
        if w.startswith(english) and english_zipf(rest) >= _PREFIXED_VERB_ZIPF and regular_past(rest):
            return any(word.startswith(p) and len(word) > len(p) + 1 and hindi_zipf(word[len(p):]) >= floor
                       for p in written)
    return False


_PREFIXES = (("re", ("री", "रि")), ("un", ("अन",)))
_PREFIXED_VERB_ZIPF = 3.0  # tweeted 4.09, booted 3.20 are English words; "tained" 1.19, "lated" 1.62 are not


def english_compound(word: str) -> bool:
    """A rare word made of two common ones (backcountry, overground, doorbell): Hindi has words for
    both parts, so writing the whole out is a transliteration, unlike a technical word of one piece
    (proton, plasma). Both parts have at least four letters: pro + ton, chest + nut are not compounds."""
    for lemma in lemmas(word):
        for cut in range(_COMPOUND_PART, len(lemma) - _COMPOUND_PART + 1):
            if min(english_zipf(lemma[:cut]), english_zipf(lemma[cut:])) >= _COMPOUND_PART_ZIPF:
                return True
    return False


_COMPOUND_PART = 4
_COMPOUND_PART_ZIPF = 4.0
