"""A space lost between two Hindi words (गैरेजमें, वालेगर्व): which tokens may be two words glued,
and which part may be the Hindi word beside the one a check is looking for. Shared by BIL004
(a transliteration glued on) and BIL007 (a wrong-sense word glued on)."""

from __future__ import annotations

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
