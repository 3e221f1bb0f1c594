from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import needle_pattern
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import postposition_at
from audit.lint.checks.words import DEVANAGARI, DEVANAGARI_RUN, Reversed

# a clause ends at one of these: the words after it are not read for a verbal noun, nor those before it for बिना
_STOPS = "।|,.!?;:\n\"“”"
_BEFORE, _AFTER = 60, 60  # how far back बिना and forward a verbal noun are looked for (a few words)
_WORDS_AFTER = 5


class MasculineGenitiveBeforeFeminine(Check):
    """The masculine genitive के (or इसके, उनके, अपने) written before a feminine noun that a postposition
    follows.

    Anti-pattern:  सब्जियों के दाम ग्राहकों के जेब पर भारी हैं।   करोड़ों के लागत से बनी सड़क टूटी।   नेता अपने जनसभा को संबोधित कर रहे थे।
    Fix:           सब्जियों के दाम ग्राहकों की जेब पर भारी हैं।   करोड़ों की लागत से बनी सड़क टूटी।   नेता अपनी जनसभा को संबोधित कर रहे थे।

    The nouns are those of `glossaries/lexicon/feminine_nouns.tsv` (kind `noun`): feminine nouns news
    writes often (जेब, लागत, फसल, गिरावट, जांच, कीमत, जनसभा) and their oblique plurals (गाड़ियों,
    गौशालाओं). A genitive agrees with the noun it qualifies, so before a feminine one it is की (इसकी,
    अपनी), whatever noun stands before it. The genitives are the table's kind `genitive`. A noun is read
    only where a postposition follows it (में, से, को, पर, की, के, का, तक): before another noun it may open a
    compound whose head is masculine (मामले के जांच अधिकारी, परीक्षा के परिणाम), which the के agrees with;
    a postposition के is read only where it opens a compound postposition (kind `after_ke`: गिरावट के साथ,
    मृत्यु के बाद), since before a noun it may be that noun's (उपभोक्ताओं के बिजली के बिल: both के are बिल's).
    Not read: a postposition ने after the noun (मामले का पुलिस ने खुलासा किया: the का is खुलासा's); a
    verbal noun in -ने in the next few words of the clause, or रहते (एंबुलेंस के देरी से पहुंचने पर,
    भाजपा के सत्ता में रहते: the genitive is the verb's subject; words in -ने that are no verbal noun,
    kind `not_verbal`, do not count); बिना a few words before (बिना किसी मैसेज के फ्लाइट को); a verb's
    stem before के (kind `verb_stem`: काम कर के); English lines and page chrome.
    Fix safety: unsafe (the genitive is the slip where the noun is its head); only shown, with को beside it,
    where the noun's postposition is one before which a verb's को object stands as often (kind
    `dative_after`: के लिए, के खिलाफ): a writer who typed के for को, लोगों के फिल्म के लिए एक्साइट कर
    दिया, wanted को.
    """

    code = "GRAM007"
    name = "masculine-genitive-before-feminine-noun"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        table = ctx.lexicon.feminine_nouns
        nouns, genitives = table["noun"], table["genitive"]
        conventions = ctx.conventions
        reverse = None
        # each "के जेब", "ने जनसभा" ... found by one search (a genitive's last two letters, a space and a
        # noun of the table); the whole genitive is read back and the noun's end checked after
        for at in [m.start() for m in _needles(nouns, genitives).finditer(text)]:
            genitive_end, noun_start = at + 2, at + 3
            noun_end = DEVANAGARI_RUN.match(text, noun_start).end()
            noun = text[noun_start:noun_end]
            if noun not in nouns or not text.startswith(" ", noun_end):
                continue  # a longer word (के जांचकर्ता), or no space after the noun (दर-दर)
            post = postposition_at(text, noun_end + 1)
            if not post or post == "ने":
                continue  # before another noun (a compound: के जांच अधिकारी), or the ergative's noun
            if post == "के" and _word_at(text, noun_end + 3) not in table["after_ke"]:
                continue  # उपभोक्ताओं के बिजली के बिल: the first के is बिल's; के साथ, के बाद are read
            if reverse is None:
                reverse = Reversed(text)
            start = reverse.run_start(genitive_end)
            genitive = text[start:genitive_end]
            if genitive not in genitives or conventions.kind(start, noun_end) in (ENGLISH_LINE, CHROME):
                continue
            if _genitive_of_another(text, reverse, start, noun_end + 1 + len(post), genitive, table):
                continue
            mended = genitive[:-1] + "ी"
            # before the noun's के लिए, के खिलाफ the verb's को object stands as often as a genitive: the के
            # may be a को typed wrong (लोगों के फिल्म के लिए एक्साइट किया), so neither is written in
            dative = post == "के" and _word_at(text, noun_end + 3) in table["dative_after"]
            fixes = [Fix(start, genitive_end, mended, applicability=DISPLAY_ONLY if dative else UNSAFE)]
            if dative and genitive == "के":
                fixes.append(Fix(start, genitive_end, "को", applicability=DISPLAY_ONLY))
            yield ctx.finding(
                self, start, noun_end,
                f"'{noun}' is feminine: its genitive is '{mended}', not '{genitive}'"
                + (" (or, where the word before is the verb's object, 'को')" if dative and genitive == "के" else ""),
                fixes,
            )


def _word_at(text: str, at: int) -> str:
    """The word after the space at `at` ("" where no space stands there)."""
    if not text.startswith(" ", at):
        return ""
    return text[at + 1:DEVANAGARI_RUN.match(text, at + 1).end()]


def _genitive_of_another(text: str, reverse: Reversed, start: int, after: int, genitive: str, table) -> bool:
    """Whether the genitive at `start` belongs to another word than the noun after it: बिना ... के, a verb's
    stem before के, or a verbal noun in the clause after the noun's postposition (which ends at `after`)."""
    if genitive == "के" and reverse.word_before(start) in table["verb_stem"]:
        return True
    before = text[max(0, start - _BEFORE):start]
    cut = max(before.rfind(stop) for stop in _STOPS)
    if "बिना" in DEVANAGARI.word.findall(before[cut + 1:])[-6:]:
        return True
    clause = text[after:after + _AFTER]
    cut = min((i for i in (clause.find(stop) for stop in _STOPS) if i >= 0), default=len(clause))
    for word in DEVANAGARI.word.findall(clause[:cut])[:_WORDS_AFTER]:
        if word in table["verbal"] or (word.endswith(("ने", "नें")) and word not in table["not_verbal"]):
            return True
    return False


_NEEDLES: list = [None, None, None]  # the table's nouns and genitives, and the search for them


def _needles(nouns: frozenset[str], genitives: frozenset[str]) -> re.Pattern:
    """The search for a genitive's last two letters, a space and a noun (" के" is the end of इसके too), made
    once per table and kept here: `needle_starts` would look it up by its tuple of some 800 needles,
    hashing them all again for every article."""
    if _NEEDLES[0] is not nouns or _NEEDLES[1] is not genitives:
        _NEEDLES[:] = [nouns, genitives, needle_pattern(genitive_needles(nouns, genitives))]
    return _NEEDLES[2]


def genitive_needles(nouns: frozenset[str], genitives: frozenset[str]) -> tuple[str, ...]:
    """The needles themselves (for the test that holds the search to a plain one)."""
    return tuple(sorted({f"{g[-2:]} {n}" for g in genitives for n in nouns}))
