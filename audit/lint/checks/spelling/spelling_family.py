from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import compress

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import UNSAFE, Fix, Severity
from audit.language.lexicon import SpellingFamily as Family
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.alternation import char_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.conventions import inside
from audit.lint.checks.words import (DEVANAGARI, DEVANAGARI_LETTERS, DEVANAGARI_SET, PerWord, devanagari_counts,
                                     devanagari_counts_outside_english, outside_english_lines)

_HYPHENS = "-\u2010"
# नई, नए (new): the adjective opens place names (नई दिल्ली, नई टिहरी) and keeps its ई/ए in the text of
# writers who spell their verbs the ये way: it is no sign that the article chose ए for them
_NEW = frozenset(("नई", "नए"))
# A standard sequence after these vowel signs is spelt so in both styles: the ये style writes हुई, छुई (its
# glide य follows a vowel अ, आ or इ: गयी, आयी), so हुई is evidence of neither style
_ALIKE_AFTER = {"ई": "\u0941\u0942"}


class _Sides:
    """A family's two spellings as patterns: each sequence after a letter of the same word (ये in गये,
    not the pronoun ये), and the word it gives with every such sequence swapped to the other side."""

    def __init__(self, family: Family):
        self.family = family
        self.label = f"{family.pairs[0][0]}/{family.pairs[0][1]}"  # ये/ए
        self.to_standard = dict(family.pairs)
        self.to_written = {standard: written for written, standard in family.pairs}
        # an unless phrase (नयी दिल्ली, a city's name as agencies write it) spares its words there only
        self.phrases = tuple(sorted(p for p in family.unless if " " in p))
        self._written = self._pattern(self.to_standard)
        self._standard = self._pattern(self.to_written, _ALIKE_AFTER)
        # (standard form, or None) of a word written the family's other way; and whether a word is
        # written the standard way where the other way is written too (its ये form is a word)
        self.odd = PerWord(self._odd)
        self.standard = PerWord(self._standard_side)

    @staticmethod
    def _pattern(table: dict[str, str], alike: dict[str, str] | None = None) -> re.Pattern:
        """Each sequence of `table` after a letter, but not after the signs `alike` gives for it."""
        alike = alike or {}
        alternatives = "|".join(
            (f"(?<![{alike[seq]}])" if seq in alike else "") + re.escape(seq)
            for seq in sorted(table, key=len, reverse=True))
        return re.compile(f"(?<=[{DEVANAGARI_LETTERS}])(?:{alternatives})")

    def _odd(self, word: str) -> str | None:
        """The standard spelling of a word written the other way, where that spelling is the more
        common one in Hindi text: स्थायी (more common than स्थाई), गायें (cows) and रुपये keep theirs."""
        if word in self.family.unless or not self._written.search(word):
            return None
        standard = self._written.sub(lambda m: self.to_standard[m.group()], word)
        return standard if hindi_zipf(standard) > hindi_zipf(word) else None

    def _standard_side(self, word: str) -> bool:
        """Whether a word is written the standard way and its other spelling is written too (गए: गये),
        not a word that only looks so (कई, पढ़ाई: nobody writes कयी, पढ़ायी)."""
        if not self._standard.search(word):
            return False
        other = self._standard.sub(lambda m: self.to_written[m.group()], word)
        if other in self.family.unless:
            return False
        rare = hindi_zipf(other)
        return 0 < rare < hindi_zipf(word)


@lru_cache(maxsize=4)
def _sides(families: tuple[Family, ...]) -> tuple[_Sides, ...]:
    return tuple(map(_Sides, families))


class SpellingFamily(Check):
    """One spelling choice made both ways across the words of one article: गये beside लिए.

    Anti-pattern:  बच्चों के लिए नए खिलौने लाये गये, पर दाम नहीं बताए।
    Fix:           बच्चों के लिए नए खिलौने लाए गए, पर दाम नहीं बताए।

    The families are `glossaries/lexicon/spelling_families.tsv`: ये/ए and यी/ई after a letter of the same
    word (गये / गए, लिये / लिए, नयी / नई, दिखायी / दिखाई, जायेगा / जाएगा), where the Central Hindi
    Directorate's standard writes ए and ई. A word counts on the ये side only where its ए spelling is the
    more common one in Hindi text (स्थायी, अनुयायी, गायें, रुपये keep theirs), and on the ए side only where
    its ये spelling is written at all (कई, पढ़ाई have none), not for an ई after उ or ऊ (हुई, which the ये
    style spells so too: its glide follows अ, आ or इ), and not for the adjective नई, नए (a town's
    नई टिहरी, and the new of writers who spell their verbs गये, हुये). An article written the ये way throughout
    is a desk's choice and is not flagged; the ये forms of an article that also writes ए forms are, as an
    info: many writers, careful ones too, treat the two as free variants across different words (the
    real-news gold notes the mix on few of the pages that have it). The same word both ways (गये and गए)
    is SPELL001's warning.
    Fix safety: unsafe (the standard spelling of the same word; a desk may keep ये).
    """

    code = "SPELL003"
    name = "spelling-family"
    category = "spelling"
    severity = Severity.INFO
    article_wide = True  # the article's other spellings may be anywhere

    def run(self, ctx: Context):
        families = ctx.lexicon.spelling_families
        if not families:
            return
        english = ENGLISH_LINE in ctx.conventions.line_kinds
        count = devanagari_counts_outside_english(ctx) if english else devanagari_counts(ctx)
        text = ctx.article.text
        joined = ranges = None  # read once, for the first family with words on both sides
        for sides in _sides(families):
            # each word's standard spelling where it is written the other way (None where not), read in C
            standards = list(map(sides.odd.__getitem__, count))
            if not any(standards):
                continue  # most articles: nothing written the family's other way
            odd = dict(compress(zip(count, standards), standards))
            standard_words = [word for word in count if sides.standard[word] and word not in _NEW]
            if not standard_words:
                continue  # written the other way throughout: the desk's choice
            odd_uses = sum(count[word] for word in odd)
            standard_uses = sum(count[word] for word in standard_words)
            example = max(standard_words, key=count.__getitem__)
            # a word whose standard spelling the article also writes on its own is SPELL001's pair
            if joined is None:
                joined = _joined_counts(text)
                ranges = outside_english_lines(ctx) if english else None
            flagged = [word for word, standard in odd.items() if count[standard] <= joined[standard]]
            for start, end in DEVANAGARI.places(text, flagged):
                if ranges is not None and not inside(ranges, start, end):  # a bisection per word
                    continue
                if sides.phrases and _in_phrase(text, start, end, sides.phrases):
                    continue
                if ctx.conventions.line_kind(start) == CHROME:
                    continue  # a site's template line (a "like our page" invitation) is not the article's spelling
                word = text[start:end]
                standard = odd[word]
                yield ctx.finding(
                    self, start, end,
                    f"'{word}': the article spells {sides.label} both ways ({odd_uses}x like '{word}', "
                    f"{standard_uses}x like '{example}'); the standard spelling is '{standard}'",
                    [Fix(start, end, standard, applicability=UNSAFE)],
                )


def _in_phrase(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    """Whether the word at start..end is a word of one of the phrases, as written there."""
    word = text[start:end]
    for phrase in phrases:
        at = phrase.find(word)
        while at >= 0:
            if text.startswith(phrase, start - at):
                return True
            at = phrase.find(word, at + 1)
    return False


def _joined_counts(text: str) -> Counter:
    """How often each Devanagari word stands beside a hyphen (one half of नए-नए): each hyphen's
    neighbours are read out from it, each word once (a letter is walked over at most twice)."""
    starts: dict[int, str] = {}
    for hyphen in char_starts(text, _HYPHENS):
        start = hyphen
        while start and text[start - 1] in DEVANAGARI_SET:
            start -= 1
        if start < hyphen and start not in starts:
            starts[start] = text[start:hyphen]
        end = hyphen + 1
        while end < len(text) and text[end] in DEVANAGARI_SET:
            end += 1
        if end > hyphen + 1 and hyphen + 1 not in starts:
            starts[hyphen + 1] = text[hyphen + 1:end]
    return Counter(starts.values())
