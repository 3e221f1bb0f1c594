from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import needle_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI_RUN, word_ends

_KI = "की"


class GenitiveBeforeFeminine(Check):
    """के (or the conjunction कि) written for the genitive की before a feminine noun of a compound
    postposition.

    Anti-pattern:  गूगल के तरफ से नया फीचर आया।   पूरा राज्य गर्मी के चपेट में है।   यह ऐप एक रिमोट कि तरह काम करता है।
    Fix:           गूगल की तरफ से नया फीचर आया।   पूरा राज्य गर्मी की चपेट में है।   यह ऐप एक रिमोट की तरह काम करता है।

    The nouns are those of `glossaries/lexicon/ki_nouns.tsv`: तरफ, तरह, वजह, जगह, बदौलत, चपेट,
    शुरुआत (kind `after_ke`) are feminine, so the genitive before them is की whatever the noun before
    it (इसकी वजह से, अप्रैल की शुरुआत में); the conjunction कि is read only before तरफ, तरह and बदौलत
    (kind `after_ki`), which no clause opens with (कहा कि वजह साफ है, कि जगह खाली है are right).
    Not read: a noun said twice (देश के तरह-तरह के व्यंजन, शहर के जगह जगह: the के belongs to the
    noun after), a longer word (के शुरुआती महीने), ओर (कि ओर is as often a typo of और), English lines
    and page chrome.
    Fix safety: safe for के (the slot takes की and nothing else); unsafe for कि, where the writer may
    have meant a clause and dropped a word.
    """

    code = "GRAM004"
    name = "genitive-before-feminine-noun"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        table = ctx.lexicon.ki_nouns
        conventions = ctx.conventions
        # each " के तरफ", " कि तरह" ... found by one search for a space and क (a few dozen needles, most
        # absent from a page; a place found by two, तरफ and तरफ़, is found once)
        for at in needle_starts(text, _needles(table["after_ke"], table["after_ki"])):
            word_start = at + 1
            written = text[word_start:word_start + 2]
            noun_start = word_start + 3
            noun_end = DEVANAGARI_RUN.match(text, noun_start).end()
            noun = text[noun_start:noun_end]
            if noun not in table["after_ke" if written == "के" else "after_ki"]:
                continue  # a longer word: के तरफदार, के शुरुआती
            if noun_end < len(text) and (text[noun_end] == "-" or _said_again(text, noun_end, noun)):
                continue  # तरह-तरह, जगह जगह: the noun doubled is an adverb or an adjective
            if conventions.kind(word_start, noun_end) in (ENGLISH_LINE, CHROME):
                continue
            yield ctx.finding(
                self, word_start, noun_end,
                f"'{noun}' is feminine: its genitive is 'की', not '{written}'",
                [Fix(word_start, word_start + 2, _KI, applicability=SAFE if written == "के" else UNSAFE)],
            )


def _said_again(text: str, end: int, noun: str) -> bool:
    """Whether the noun that ends at `end` is said again after one space (जगह जगह)."""
    return text.startswith(" " + noun, end) and word_ends(text, end + 1 + len(noun))


_NEEDLES: list = [None, None, ()]  # the table's two kinds, and what to search for


def _needles(after_ke: frozenset[str], after_ki: frozenset[str]) -> tuple[str, ...]:
    """" के X" for each noun of `after_ke` and " कि X" for each of `after_ki`, worked out once per table.
    A needle found is checked for the noun's end by the caller (के तरफदार is another word, read whole
    and not in the table)."""
    if _NEEDLES[0] is not after_ke or _NEEDLES[1] is not after_ki:
        found = tuple(sorted({f" के {n}" for n in after_ke} | {f" कि {n}" for n in after_ki}))
        _NEEDLES[:] = [after_ke, after_ki, found]
    return _NEEDLES[2]
