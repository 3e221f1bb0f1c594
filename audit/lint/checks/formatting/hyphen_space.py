from __future__ import annotations

import re

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.base import Check, Context

_WORD = r"[\u0900-\u0963\u0966-\u097FA-Za-z0-9]+"
# "ओपन -सोर्स" and "ओपन- सोर्स": a compound split on one side of its hyphen only.
_PATTERN = re.compile(rf"({_WORD})(?: +-(?=[\u0900-\u097FA-Za-z])|-(?: +)(?=[\u0900-\u097FA-Za-z]))({_WORD})")


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
