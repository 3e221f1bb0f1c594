from __future__ import annotations

import re

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.base import Check, Context

_LETTER = r"[\u0900-\u0963\u0966-\u097FA-Za-z0-9]"
_WORD = _LETTER + "++"  # possessive: a word is all of its letters, never a shorter piece of them
# "ओपन -सोर्स" and "ओपन- सोर्स": a compound split on one side of its hyphen only. A match can only start
# where a word starts, and a word is never re-read from a later letter, so a 40,000-letter word
# costs one pass, not 40,000 (the unanchored greedy form backtracked through every suffix).
_PATTERN = re.compile(
    rf"(?<!{_LETTER})({_WORD})(?: +-(?=[\u0900-\u097FA-Za-z])|-(?: +)(?=[\u0900-\u097FA-Za-z]))({_WORD})")


class HyphenSpace(Check):
    """A space on one side of a hyphen inside a compound.

    Anti-pattern:  ओपन -सोर्स एआई       ओपन- सोर्स एआई
    Fix:           ओपन-सोर्स एआई
    """

    code = "FMT002"
    name = "hyphen-space"
    category = "formatting"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        for m in _PATTERN.finditer(ctx.article.text):
            fixed = f"{m.group(1)}-{m.group(2)}"
            yield ctx.finding(
                self, m.start(), m.end(),
                f"a compound's hyphen takes no space: '{fixed}'",
                [Fix(m.start(), m.end(), fixed, applicability=SAFE)],
            )
