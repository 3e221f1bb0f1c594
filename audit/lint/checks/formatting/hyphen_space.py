from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, KICKER, SPEC_LINE, URL
from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import CLAUSE_ENDS

_LETTER = r"[\u0900-\u0963\u0966-\u097FA-Za-z0-9]"
_WORD = _LETTER + "++"  # possessive: a word is all of its letters, never a shorter piece of them
# "ओपन -सोर्स" and "ओपन- सोर्स": a compound split on one side of its hyphen only. A match can only start
# where a word starts, and a word is never re-read from a later letter, so a 40,000-letter word
# costs one pass, not 40,000 (the unanchored greedy form backtracked through every suffix).
_PATTERN = re.compile(
    rf"(?<!{_LETTER})({_WORD})(?: +-(?=[\u0900-\u097FA-Za-z])|-(?: +)(?=[\u0900-\u097FA-Za-z]))({_WORD})")


_SPACED_HYPHEN = re.compile("-(?:(?<= -)|(?= ))")  # a hyphen with a space on one side (or both)
_LETTERS = frozenset(map(chr, [*range(0x900, 0x964), *range(0x966, 0x980), *range(0x41, 0x5B), *range(0x61, 0x7B),
                               *range(0x30, 0x3A)]))


def _starts(text: str) -> list[int]:
    """Where a split compound can start: the first letter of the word before a hyphen that has a
    space on one side (spaces between walked over; each word is walked from one hyphen)."""
    starts = []
    for m in _SPACED_HYPHEN.finditer(text):
        end = m.start()
        while end and text[end - 1] == " ":
            end -= 1
        start = end
        while start and text[start - 1] in _LETTERS:
            start -= 1
        if start < end:
            starts.append(start)
    return starts


def _split_compounds(text: str) -> list[re.Match]:
    """What `_PATTERN.finditer(text)` gives, the pattern tried only where a match can start."""
    return matches_at(_PATTERN, text, _starts(text))


class HyphenSpace(Check):
    """A space on one side of a hyphen inside a compound.

    Anti-pattern:  ओपन -सोर्स एआई       ओपन- सोर्स एआई
    Fix:           ओपन-सोर्स एआई
    After a verb that ends a clause (`जरूरी है- यह`) the hyphen is a dash: the fix is ` – `, unsafe.
    A desk or dateline label (`स्पोर्ट्स डेस्क- आईपीएल में …`), a spec list and page chrome are left alone.
    Fix safety: safe for a compound.
    """

    code = "FMT002"
    name = "hyphen-space"
    category = "formatting"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        for m in _split_compounds(text):
            hyphen = text.index("-", m.end(1))
            if ctx.conventions.kind(hyphen, hyphen + 1) in (KICKER, SPEC_LINE, CHROME, URL, ENGLISH_LINE):
                continue
            if m.group(1) in CLAUSE_ENDS:
                fixed = f"{m.group(1)} – {m.group(2)}"
                yield ctx.finding(
                    self, m.start(), m.end(),
                    f"'{m.group(1)}' ends a clause; the hyphen after it is a dash: '{fixed}'",
                    [Fix(m.start(), m.end(), fixed, applicability=UNSAFE)],
                )
                continue
            fixed = f"{m.group(1)}-{m.group(2)}"
            yield ctx.finding(
                self, m.start(), m.end(),
                f"a compound's hyphen takes no space: '{fixed}'",
                [Fix(m.start(), m.end(), fixed, applicability=SAFE)],
            )
