from __future__ import annotations

import re

from audit.core.conventions import CHROME, URL
from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.base import Check, Context, scan_sentences, span_of
from audit.lint.checks.conventions import bracket_spans, holding


class LatinCasing(Check):
    """A known name in Latin script with the wrong capitals.

    Anti-pattern:  Openai के सीईओ ने कहा…   CHATGPT जैसे मॉडल…   Bytedance का ऐप…
    Fix:           OpenAI के सीईओ ने कहा…   ChatGPT जैसे मॉडल…   ByteDance का ऐप…

    A path segment (`news/india/bihar`, a word with a / against it) and a breadcrumb line (short,
    its parts joined by /, > or », as in `Home > India > Bihar`) are page chrome that keeps the
    site's casing: never a casing slip. Nor is a name inside a bracketed English keyword string or
    phrase of six words or more (`(Russian oil import ban in USA president joe biden)`), a gloss by
    convention whose casing is the string's. An acronym's name written in lower case right after a
    number is a unit (`5 sec`: seconds, not SEC), not the name; an acronym written in title case
    throughout the article (Nasa, Nato: how British desks write an acronym said as a word) is a house's
    style; beside another casing of it (Nasa ... NASA) it is flagged.
    """

    code = "TERM002"
    name = "latin-casing"
    category = "terminology"
    severity = Severity.WARNING
    article_wide = True  # an acronym in title case is flagged only where the article writes it otherwise too

    def run(self, ctx: Context):
        text = ctx.article.text
        brackets = None  # the article's bracketed asides, found once a name needs them
        found = scan_sentences(ctx, ctx.glossary.latin)
        # each acronym's casings in this article: one written only in title case (Nasa, Nato) is the
        # British press's house style for an acronym said as a word, not a casing slip
        casings: dict[str, set[str]] = {}
        for sent, m in found:
            if m.value.latin.isupper():
                start, end = span_of(sent.tokens, m.first, m.last)
                casings.setdefault(m.value.latin, set()).add(ctx.article.text[start:end])
        for sent, m in found:
            entry = m.value
            if entry.latin == entry.latin.lower():
                continue  # common nouns (dollar, million): casing follows the sentence
            start, end = span_of(sent.tokens, m.first, m.last)
            if entry.latin in casings and casings[entry.latin] == {text[start:end]} and text[start:end].istitle():
                continue  # Nasa throughout: an acronym said as a word, in a house's title case
            if text[start:end] in entry.latin_forms or ctx.conventions.kind(start, end) in (URL, CHROME):
                continue  # pic.twitter.com/…: an address keeps its own casing
            if _path_or_breadcrumb(text, start, end, ctx.conventions.line_span(start)):
                continue
            if text[start:end].isupper() and _in_capitals_run(text, start, end):
                continue
            if entry.latin.isupper() and text[start:end].islower() and _AFTER_NUMBER.search(text, max(0, start - 12), start):
                continue  # 5 sec, 10 min: a unit after a number, not the acronym (SEC) in lower case
            if brackets is None:
                brackets = bracket_spans(text)
            if _in_keyword_bracket(text, holding(brackets, start, end)):
                continue  # (Russian oil import ban in USA president joe biden): an SEO keyword string
            yield ctx.finding(
                self, start, end,
                f"{text[start:end]!r} is written {entry.latin!r}",
                [Fix(start, end, entry.latin, applicability=SAFE)],
            )


# A number right before a word: a lower-case acronym there is a unit (`Wait 5 sec.`: seconds, not SEC)
_AFTER_NUMBER = re.compile(r"\d[ \t]*$")
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")
_CAPS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Whether a Latin word of two capitals or more stands right before or after [start, end)."""
    return bool(_CAPS_BEFORE.search(text, max(0, start - 40), start) or _CAPS_AFTER.match(text, end))


def _in_keyword_bracket(text: str, bracket: tuple[int, int] | None) -> bool:
    """Whether `bracket` (the bracketed aside a name stands in, as `bracket_spans` finds it, or None)
    is round and holds six words or more of Latin script alone: an English keyword string or phrase
    glossing the sentence, whose casing is the string's, not the article's spelling of the name. A
    name's own gloss is shorter (`चुनाव आयोग (election commission of india)`: its casing is still flagged)."""
    if bracket is None or text[bracket[0]] != "(":
        return False
    inside = text[bracket[0] + 1 : bracket[1] - 1]
    if any("\u0900" <= c <= "\u097f" for c in inside):
        return False
    return len(inside.split()) >= 6


_CRUMB = re.compile(r"[ \t]*(?:/|>|»|›)[ \t]*")


def _path_or_breadcrumb(text: str, start: int, end: int, line: tuple[int, int]) -> bool:
    """Whether [start, end) is a segment of a path (a / right against it: `videos/india/bihar`) or
    stands on a short line (`line`: its span; up to 12 words) whose parts are joined by two separators
    or more (/, >, », ›): a breadcrumb."""
    if text[start - 1:start] == "/" or text[end:end + 1] == "/":
        return True
    words = text[line[0]:line[1]]
    return len(words.split()) <= 12 and len(_CRUMB.findall(words)) >= 2
