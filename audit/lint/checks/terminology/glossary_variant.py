from __future__ import annotations

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.base import Check, Context, scan_sentences, span_of


class GlossaryVariant(Check):
    """A name spelt in a way the house glossary lists as wrong.

    Anti-pattern:  दीपसेक ने अपना मॉडल जारी किया।
    Fix:           डीपसीक ने अपना मॉडल जारी किया।
    """

    code = "TERM001"
    name = "glossary-variant"
    category = "terminology"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        for sent, m in scan_sentences(ctx, ctx.glossary.forms):
            entry, role = m.value
            if role != "variant":
                continue
            start, end = span_of(sent.tokens, m.first, m.last)
            yield ctx.finding(
                self, start, end,
                f"non-standard spelling of {entry.latin}; the house form is '{entry.canonical}'",
                [Fix(start, end, entry.canonical, applicability=SAFE)],
            )
