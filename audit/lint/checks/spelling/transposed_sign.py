from __future__ import annotations

import re
import unicodedata

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.language.wordstats import hindi_frequencies
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI, PerWord, devanagari_counts

# The word the swap gives must be one Hindi text uses (wordfreq zipf 3.85: about seven times per
# million words), and the only such swap of the word; a word of three characters swapped is as often
# a short form or dialect (नपा for a municipal council, गवा for गया in a quoted villager).
_RIGHT_ZIPF = 3.85
_MIN_LENGTH = 4
# The signs one may have typed too few: a word one of them added to reads better than the swap
# (कमार: कमरा swapped, कुमार with its ु) gets no fix to apply.
_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0943\u0947\u0948\u094b\u094c\u0902\u0901\u093c\u094d"


# The Devanagari combining signs: the vowel signs, the anusvara and candrabindu, the nukta, the virama
# (a word here is Devanagari letters and signs only)
_COMBINING = frozenset(ch for ch in map(chr, range(0x0900, 0x0980)) if unicodedata.category(ch) in ("Mn", "Mc"))


def _swapped(word: str) -> tuple[str, str | None] | None:
    """(the word with two neighbours swapped, one of them a sign, a commoner word with one sign more
    or None) where wordfreq knows no `word` and knows that swap, and that swap alone (`_RIGHT_ZIPF`);
    else None."""
    known = hindi_frequencies().get
    if len(word) < _MIN_LENGTH or known(word, 0.0) > 0:
        return None
    found, zipf = None, 0.0
    for i in range(len(word) - 1):
        a, b = word[i], word[i + 1]
        if a == b or not (a in _COMBINING or b in _COMBINING) or (i == 0 and b in _COMBINING):
            continue  # two letters swapped (बोलत) are as often another word; no word opens with a sign
        if i == len(word) - 2 and b in _COMBINING:
            continue  # a final sign is an ending (बदलवा, a causative; समरी, a loan): not moved inward
        right = word[:i] + b + a + word[i + 2:]
        z = known(right, 0.0)
        if z >= _RIGHT_ZIPF:
            if found is not None:
                return None  # two readings: not one slip
            found, zipf = right, z
    if found is None:
        return None
    longer = max(((known(w, 0.0), w) for i in range(1, len(word) + 1) for sign in _SIGNS
                  if (w := word[:i] + sign + word[i:])), default=(0.0, ""))
    return found, longer[1] if longer[0] >= zipf else None


_SWAPS = PerWord(_swapped)


# A word next to one of these is the name they classify: जनजाति कमार, कमार जनजाति, ग्राम मोंगरागहन
_NAMED_BY = frozenset("जनजाति जनजातियों जाति समुदाय समाज गोत्र वंश कबीला कबीले ग्राम गांव गाँव".split())
_NEXT_WORD = re.compile(r"[ \t]+([\u0900-\u097F]+)")
_LAST_WORD = re.compile(r"([\u0900-\u097F]+)[ \t]+$")


# A place name's last part (रामपुर, शिवनगर, अलीगढ़, हजरतगंज, मुरादाबाद): a word right before such a name is
# the name's first word (मिलक नारायणपुर, a town), which no word list holds
_PLACE_ENDINGS = ("पुर", "नगर", "गढ़", "गंज", "बाद")


def _named(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) stands right after or before a word that classifies a name
    (`_NAMED_BY`): a tribe's, a caste's, a community's or a village's name, which no word list holds;
    or right before a place name's last part (`_PLACE_ENDINGS`: मिलक नारायणपुर), the place's first word."""
    before = _LAST_WORD.search(text, max(0, start - 20), start)
    after = _NEXT_WORD.match(text, end)
    if after is not None and len(after.group(1)) > 4 and after.group(1).endswith(_PLACE_ENDINGS):
        return True
    return (before is not None and before.group(1) in _NAMED_BY) or (after is not None and after.group(1) in _NAMED_BY)


class TransposedSign(Check):
    """A word typed with a sign and a letter swapped, that is no word, where the swap back is a common word.

    Anti-pattern:  सरकार ने आकंड़ों की स्थिति साफ की और प्रगित का ब्योरा दिया।
    Fix:           सरकार ने आंकड़ों की स्थिति साफ की और प्रगति का ब्योरा दिया।

    A Devanagari word wordfreq does not know at all, where swapping two neighbouring characters, one of
    them a vowel sign, the anusvara, the nukta or the virama (अतंर्गत, भूंकप, प्रगित, पीडि़त), gives a word
    Hindi text uses (zipf 3.85 or more), and only one such swap does; a word of four characters or more.
    A word's final vowel sign is not moved inward: it is an ending, and a verb's causative (बदलवा
    लें) or a loan (रिटर्न समरी) that wordfreq lacks would read as बदलाव or समीर swapped. Two letters
    swapped (वहज for वजह) are left: such a swap is as often another rare word or a name (बोलत, नपा),
    and so is a word next to one that classifies a name (जनजाति कमार, ग्राम …: a tribe's or a village's),
    which only the article's own other spelling can tell (SPELL002 reads that), and a word right before
    a place name's last part (मिलक नारायणपुर: -पुर, -नगर, -गढ़, -गंज, -बाद), the place's first word. A name the house glossary holds, English lines
    and page chrome are left, and so is a word the text ends in with nothing after it (an excerpt cut
    mid-word). Where the article also writes the right form, SPELL002's finding is kept instead.
    A swap back that gives a spelling `misspellings.tsv` lists as nonstandard (रूपेय -> रूपये) is
    offered in the table's standard form (रुपये).
    Fix safety: unsafe (the swap back is the likeliest word, not a certain one); display-only where
    one sign added gives a commoner word than the swap (कमार: कुमार, or कमरा swapped?).
    """

    code = "SPELL006"
    name = "transposed-sign"
    category = "spelling"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        swaps = _SWAPS
        flagged = {word: got for word in devanagari_counts(ctx) if (got := swaps[word]) is not None}
        if not flagged:
            return  # most articles
        house = ctx.glossary.house_keys
        if house:
            flagged = {word: got for word, got in flagged.items() if fold(word) not in house}
        text = ctx.article.text
        cut = len(text) if DEVANAGARI.last(text) is not None else -1  # the end of a word cut short
        conventions = ctx.conventions
        # a swap back can give a form common in print and still nonstandard (रूपेय -> रूपये): a fix
        # writes the standard form SPELL004's table gives it (रुपये), never a listed misspelling
        standard = ctx.lexicon.misspellings
        for start, end in DEVANAGARI.places(text, flagged):
            if end == cut or conventions.kind(start, end) in (ENGLISH_LINE, CHROME):
                continue
            if _named(text, start, end):
                continue  # विशेष पिछड़ी जनजाति कमार: a tribe's, a caste's or a village's name
            word = text[start:end]
            right, longer = flagged[word]
            right = standard[right][0] if right in standard else right
            longer = standard[longer][0] if longer in standard else longer
            if longer is None:
                yield ctx.finding(
                    self, start, end, f"'{word}' is no word: '{right}' with two characters swapped?",
                    [Fix(start, end, right, applicability=UNSAFE)])
            else:
                yield ctx.finding(
                    self, start, end, f"'{word}' is no word: '{longer}' with a sign dropped, or "
                    f"'{right}' with two characters swapped?",
                    [Fix(start, end, longer, applicability=DISPLAY_ONLY),
                     Fix(start, end, right, applicability=DISPLAY_ONLY)])
