from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, URL
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context

# Two full stops, or four and more, after a Hindi word: never three (an ellipsis). The pattern
# opens with the full stop it is about and looks behind after it, so it is searched for only
# where a full stop stands.
_RUN = re.compile(r"\.(?<=[\u0900-\u0963\u0971-\u097f'\"’”]\.)(?:\.(?!\.)|\.{3,})")
# Two commas after a Hindi word, a space between them or none (`चीफ,,जयदीप`, `लोग, , जनपद`): never a
# convention (a number's group separators stand between digits, not after a letter)
_COMMAS = re.compile(r",(?<=[\u0900-\u0963\u0971-\u097f'\"’”],)[ \t]*,")
# Two dandas between two Hindi words with no space after them (`गर्मी है।।कुल मिलाकर`): a key struck
# twice in prose (verse's `।।` for `॥` closes a line, or stands apart before a couplet's number)
_DANDAS = re.compile("।(?<=[\u0900-\u0963\u0971-\u097f]।)।(?=[\u0900-\u0963\u0971-\u097f])")


# A verse line is short: a run of at most this many words closed by its own `।।`
_VERSE_WORDS = 8


def _verse_line(text: str, start: int, end: int) -> bool:
    """Whether the `।।` at start..end closes or opens, on its line, a short run of words that another
    `।।` bounds (`सुखिनः।।सर्वे सन्तु निरामयाः।।`: a quoted couplet run into one line, each line closed so;
    `।।श्री राधे।।`, a devotional heading). Prose that types `।।` for every danda has long sentences
    between them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    after = text[end : len(text) if line_end < 0 else line_end]
    before = text[line_start:start]
    runs = []
    if "।।" in after:
        runs.append(after[: after.find("।।")])
    if "।।" in before:
        runs.append(before[before.rfind("।।") + 2 :])
    return any(len(run.split()) <= _VERSE_WORDS and not any(mark in run for mark in "।.?!") for run in runs)


# What opens a quotation on a line: a dash or colon and a space (`लिखा है- `, `कहा था: `) or a quote mark
_INTRODUCER = re.compile("[-\u2013\u2014:] |[\u201c\u2018\"']")
# Prose sentences end on these; a verse's half-line (a charan) does not
_PROSE_ENDS = frozenset(["है", "हैं", "था", "थे", "थी"])
_HALF_LINE_WORDS = 8  # a charan of a chaupai or a doha's half is some 4-8 words


def _quoted_verse(text: str, start: int) -> bool:
    """Whether the `।।` at `start` closes a verse quoted in prose (`रामचरितमानस में लिखा है- होइहि सोइ जो
    राम रचि राखा। को करि तर्क बढ़ावै साखा।।इसके बाद`): the run back to what opens the quotation (a dash
    or colon and a space, a quote mark, another `।।`) is two to four short half-lines split by `।` or
    `,`, none ending as a prose sentence does (है, हैं, था, थे, थी), with no other sentence mark; at a
    line's start, with nothing opening a quotation, a couplet needs two half-lines at least. Prose
    glued on by a `।।` typed for `।` runs a long sentence, or ends one on an auxiliary."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    cut, opened = 0, False
    for m in _INTRODUCER.finditer(before):
        cut, opened = m.end(), True
    if "।।" in before[cut:]:
        cut, opened = before.rfind("।।") + 2, True
    run = before[cut:]
    if any(mark in run for mark in ".?!|"):
        return False
    halves = run.replace(",", "।").split("।")
    if not (2 if not opened else 1) <= len(halves) <= 4:
        return False
    for half in halves:
        words = half.split()
        if not 1 <= len(words) <= _HALF_LINE_WORDS or words[-1] in _PROSE_ENDS:
            return False
    return True


class StopRun(Check):
    """Two full stops, or a run of four or more, after a Hindi word; two commas after one.

    Anti-pattern:  हे राम.. अब क्या होगा   बाजार में बड़ी गिरावट.....
    Fix:           हे राम... अब क्या होगा  बाजार में बड़ी गिरावट...   (or a full stop: the editor decides)
    Anti-pattern:  ब्यूरो चीफ,,जयदीप गुप्ता   छह और लोग, , जनपद में
    Fix:           one comma (unsafe: a list item may have been lost between the two)
    An ellipsis of three is the convention and passes; so do English lines, web addresses and
    page chrome. Two dandas (`।।`) are left alone where they stand apart or end a line: devotional and
    verse text types them for the double danda `॥` that closes a couplet or a mantra; glued to the next
    Hindi word (`गर्मी है।।कुल मिलाकर`) they are a key struck twice in prose (fix: one danda and a space),
    but not before a short run closed by another `।।` (verse lines run into one line: `सुखिनः।।सर्वे
    सन्तु निरामयाः।।`), nor closing a quoted verse glued to the next sentence (`लिखा है- होइहि सोइ जो राम रचि
    राखा। को करि तर्क बढ़ावै साखा।।इसके बाद`: short half-lines, none ending on है/था, after a dash, colon
    or quote mark), whose double danda the fix would drop; prose that types `।।` for each danda has long
    sentences between them.
    Fix safety: display-only (a trailing-off ellipsis or one full stop: only the editor knows).
    """

    code = "FMT005"
    name = "stop-run"
    category = "formatting"
    # Info: typography, as FMT010; a desk that wants it enforced raises it in jaanch.toml.
    severity = Severity.INFO

    def run(self, ctx: Context):
        text = ctx.article.text
        conventions = ctx.conventions
        if ",," in text or ", ," in text:
            for m in _COMMAS.finditer(text):
                start, end = m.span()
                if conventions.kind(start, end) in (ENGLISH_LINE, URL, CHROME):
                    continue
                yield ctx.finding(self, start, end, "two commas: one is enough",
                                  [Fix(start, end, ",", applicability=UNSAFE)])
        if "।।" in text:
            for m in _DANDAS.finditer(text):
                start, end = m.span()
                if conventions.kind(start, end) in (ENGLISH_LINE, URL, CHROME) or _verse_line(ctx.line_view, start, end) \
                        or _quoted_verse(ctx.line_view, start):
                    continue
                yield ctx.finding(self, start, end, "two dandas run into the next word: one danda and a space",
                                  [Fix(start, end, "। ", applicability=UNSAFE)])
        if ".." not in text:
            return
        for m in _RUN.finditer(text):
            start, end = m.span()
            if conventions.kind(start, end) in (ENGLISH_LINE, URL, CHROME):
                continue
            what = "two full stops" if end - start == 2 else f"a run of {end - start} full stops"
            yield ctx.finding(
                self, start, end,
                f"{what}: an ellipsis is three ('...'), a sentence ends with one",
                [Fix(start, end, "...", applicability=DISPLAY_ONLY)],
            )
