from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, HEADLINE, KICKER, SPEC_LINE, URL
from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.lint.checks.alternation import char_starts, matches_at, word_trie
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import CLAUSE_ENDS

# A finite verb or auxiliary ends a clause; a hyphen glued to it is a dash in disguise.
_DEVANAGARI = "\u0900-\u097F"
# Verbs of saying too: a speaker tag glued to its quote (`कोच बोले-हमें जीत चाहिए`) wants a dash;
# बोली (a bid, a dialect) and कहे make set compounds of hyphen_compounds.tsv (बोली-भाषा, कहे-सुने).
_CLAUSE_ENDS = sorted(CLAUSE_ENDS | frozenset("बोला बोली बोले बोलीं कहे".split()))
# Both open with a letter or the space they are about and look behind after it (searched for by
# the regex engine, not tried at every position; see audit/lint/checks/alternation.py).
_GLUED = re.compile(rf"({word_trie(_CLAUSE_ENDS, _DEVANAGARI)})-(?=[\u0900-\u097FA-Za-z])")
_SPACED = re.compile(r" (?<=[\u0900-\u097F] )- (?=[\u0900-\u097F])")
_WORD_AFTER = re.compile(r"[\u0900-\u097F]+")
_END_LENGTHS = sorted({len(word) for word in _CLAUSE_ENDS})


def _glued(text: str) -> list[re.Match]:
    """What `_GLUED.finditer(text)` gives, tried only where a match can start: a clause end's
    length before a hyphen (a text without a hyphen is not searched at all)."""
    if "-" not in text:
        return []
    starts = sorted({hyphen - n for hyphen in char_starts(text, "-")
                     for n in _END_LENGTHS if hyphen >= n})
    return matches_at(_GLUED, text, starts)


def _word_before(text: str, end: int) -> str:
    """The Devanagari run ending at `end`, read backwards from it: searching from the start of the
    text for every spaced hyphen made long articles quadratic."""
    start = end
    while start > 0 and "\u0900" <= text[start - 1] <= "\u097f":
        start -= 1
    return text[start:end]


def _speaker_tag(text: str, end: int, line: tuple[int, int]) -> bool:
    """The spaced hyphen ending at `end` sets off a speaker tag closing a headline: one to three words
    with no verb after it to the line's end (`... के लिए तैयार - पीएम मोदी`), on a line with no sentence
    end in it, which a body paragraph has. Looked at only when the line ends within 40 characters."""
    start, stop = line
    if stop - end > 40:
        return False
    tail = text[end:stop].split()
    if not 1 <= len(tail) <= 3 or any(word in CLAUSE_ENDS for word in tail):
        return False
    return not any(mark in text[start:stop] for mark in "।?!|.")


_BULLET_LABEL = re.compile(r"[ \t]*[•*][ \t]*[\u0900-\u097F]+(?:[ \t]+[\u0900-\u097F]+){0,3}[ \t]*")


def _bullet_label(text: str, line_start: int, hyphen_space: int, stopwords) -> bool:
    """A bulleted line opens with one to four Hindi words, none a function word or a verb ending a
    clause, right before the spaced hyphen at `hyphen_space` (its space): a label naming a thing and its
    value (`• देसी चना - …`), a spec line whose value list is too long for the line kind's count of words
    (`• बुवाई समय पर करें - …` is a clause, its hyphen a dash)."""
    m = _BULLET_LABEL.match(text, line_start, hyphen_space + 1)
    return m is not None and m.end() == hyphen_space + 1 and not any(
        w in CLAUSE_ENDS or w in stopwords for w in text[line_start:hyphen_space].strip(" \t•*").split())


_LABEL_AFTER_COMMA = re.compile(r",[ \t]*([\u0900-\u097F]+(?:[ \t]+[\u0900-\u097F]+){0,3})[ \t]*$")


def _next_label(text: str, line_start: int, hyphen_space: int, stopwords) -> bool:
    """A later label of a bulleted `label - value` line: the line's first spaced hyphen sets off a label
    (`_bullet_label`), and one to four Hindi words after the last comma, none a function word or a verb
    ending a clause, stand right before this one (`• देसी चना - जे.जी. 315, …, काबुली - जे.जी.के. 1`)."""
    first = text.find(" - ", line_start, hyphen_space)
    if first < 0 or not _bullet_label(text, line_start, first, stopwords):
        return False
    m = _LABEL_AFTER_COMMA.search(text, first, hyphen_space)
    return m is not None and not any(w in CLAUSE_ENDS or w in stopwords for w in m.group(1).split())


# An English prefix written in Devanagari, never a word of its own: a hyphen after it, spaced or not, is the
# compound's (`प्री - इंस्टाल्ड`, `नॉन - स्टॉप`), closed up, not a dash between clauses
_PREFIXES = frozenset("प्री नॉन सेमी मल्टी एंटी एन्टी री सेल्फ अल्ट्रा माइक्रो मेगा इंटर".split())

# Where a hyphen separates by convention: a label from its value, a kicker, a related link.
_SEPARATOR_KINDS = (SPEC_LINE, KICKER, CHROME, URL, ENGLISH_LINE)
# and, spaced, between a title's parts (`आग में जलीं 27 गाड़ियां, देखें वीडियो - थाने में लगी आग`)
_TITLE_SEPARATOR_KINDS = (*_SEPARATOR_KINDS, HEADLINE)


class HyphenAsDash(Check):
    """A hyphen standing for a dash between clauses.

    Anti-pattern:  मॉडल को प्रशिक्षित करके झटका दिया-ओपनएआई के अरबों से कम।
    Fix:           मॉडल को प्रशिक्षित करके झटका दिया – ओपनएआई के अरबों से कम।
    So is one glued to a verb of saying before its quote (`कोच बोले-हमें जीत चाहिए`: `बोले – हमें`).
    A spaced hyphen between words ("कहा - यह") is reported as info: a dash reads better;
    between two number words ("दो - तीन") it is a range and left alone, and so it is where it is a
    separator by convention: a `label - value` spec line (`अनुमानित कीमत - 8 लाख रुपए`, or a bulleted
    label before a value list of any length: `• देसी चना - जे.जी. 315, …`, and a label after a comma
    later in that line: `…, काबुली - जे.जी.के. 1`), a kicker,
    an English line, a web address and page chrome (`ये भी पढ़ें - ...`); spaced, also between the parts
    of a title or headline line (`... देखें वीडियो - थाने में लगी आग`). A spaced hyphen after an English
    prefix (`प्री - इंस्टाल्ड`) is a compound's, and its fix closes it up (`प्री-इंस्टाल्ड`), not a dash. Glued, a set compound of
    `glossaries/lexicon/hyphen_compounds.tsv` is one word, not two clauses: a pair whose first part is a
    verb form (कहा-सुनी हुई, रहा-सहा सामान, गई-गुजरी) or the English key (की-बोर्ड, की-पैड).
    """

    code = "FMT003"
    name = "hyphen-as-dash"
    category = "formatting"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        conventions = ctx.conventions
        compounds = ctx.lexicon.hyphen_compounds
        for m in _glued(text):
            start, end = m.start(), m.end()
            if conventions.kind(end - 1, end) in _SEPARATOR_KINDS:
                continue
            after = _WORD_AFTER.match(text, end)
            if after and fold(f"{m.group(1)}-{after.group()}") in compounds:
                continue  # कहा-सुनी, रहा-सहा, की-बोर्ड: a set compound, one word
            yield ctx.finding(
                self, start, end,
                f"'{m.group(1)}' ends a clause; the hyphen after it should be a dash: '{m.group(1)} –'",
                [Fix(start, end, f"{m.group(1)} – ", applicability=SAFE)],
            )
        numbers = ctx.lexicon.numbers
        for m in matches_at(_SPACED, text, char_starts(text, (" - ",))):  # tried only at a " - "
            before = _word_before(text, m.start())
            after = _WORD_AFTER.match(text, m.end())
            if before and after and before in numbers and after.group() in numbers:
                continue  # "दो - तीन" is a loose range, not a clause break
            if conventions.kind(m.start() + 1, m.start() + 2) in _TITLE_SEPARATOR_KINDS:
                continue
            if _speaker_tag(text, m.end(), conventions.line_span(m.start())):
                continue  # ... स्वागत के लिए तैयार - पीएम मोदी: a headline's attribution, set off by convention
            line_start = conventions.line_span(m.start())[0]
            if _bullet_label(text, line_start, m.start(), ctx.lexicon.stopwords) or _next_label(
                    text, line_start, m.start(), ctx.lexicon.stopwords):
                continue  # • देसी चना - जे.जी. 315, …, काबुली - …: a bulleted item's labels and their values
            if before in _PREFIXES:
                yield ctx.finding(
                    self, m.start(), m.end(),
                    f"a compound's hyphen written with spaces: '{before}-{after.group() if after else ''}'",
                    [Fix(m.start(), m.end(), "-", applicability=UNSAFE)], severity=Severity.INFO,
                )
                continue
            yield ctx.finding(
                self, m.start(), m.end(),
                "a spaced hyphen between clauses reads better as a dash (–)",
                [Fix(m.start(), m.end(), " – ", applicability=UNSAFE)],
                severity=Severity.INFO,
            )
