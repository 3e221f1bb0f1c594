from __future__ import annotations

import re

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.alternation import char_starts, matches_at
from audit.lint.checks.base import Check, Context

_SIGNS = "$₹€£¥"
_PATTERN = re.compile(rf"([{_SIGNS}])[ \t\u00a0]+(\d[\d,.]*)")


class CurrencySpace(Check):
    """A space between a currency sign and its amount.

    Anti-pattern:  $ 6 मिलियन से कम
    Fix:           $6 मिलियन से कम
    """

    code = "FMT001"
    name = "currency-space"
    category = "formatting"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        for m in matches_at(_PATTERN, text, char_starts(text, _SIGNS)):  # tried only at a currency sign
            fixed = m.group(1) + m.group(2)
            yield ctx.finding(
                self, m.start(), m.end(),
                f"no space between a currency sign and the amount: '{fixed}'",
                [Fix(m.start(), m.end(), fixed, applicability=SAFE)],
            )
