from __future__ import annotations

from collections import defaultdict

from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context, scan_sentences, span_of


class GlossaryVariant(Check):
    """A name spelt in a way the house glossary lists as wrong.

    Anti-pattern:  दीपसेक ने अपना मॉडल जारी किया। … डीपसेक का दावा …
    Fix:           डीपसीक ने अपना मॉडल जारी किया। … डीपसीक का दावा …
    Where the article writes the name in more than one form, the glossary form settles it: a
    warning with a safe fix. A spelling the Hindi press uses besides the house form (the
    glossary's `accepted` column: बाइडेन, एप्पल, व्हाट्सएप) kept throughout is another desk's
    house style and draws nothing; a known wrong spelling kept throughout (बिडेन, दीपसेक) is a
    note (info, the fix unsafe): the article does not contradict itself, but the name is misspelt.
    """

    code = "TERM001"
    name = "glossary-variant"
    category = "terminology"
    severity = Severity.WARNING
    article_wide = True  # an accepted spelling is flagged only where the article writes the name otherwise too

    def run(self, ctx: Context):
        text = ctx.article.text
        hits = [(sent, m) for sent, m in scan_sentences(ctx, ctx.glossary.forms)]
        forms: dict[str, set[str]] = defaultdict(set)  # entry -> the forms this article writes it in
        for sent, m in hits:
            entry, _ = m.value
            start, end = span_of(sent.tokens, m.first, m.last)
            forms[entry.latin].add(text[start:end])
        for sent, m in hits:
            entry, role = m.value
            if role == "canonical":
                continue
            mixed = len(forms[entry.latin]) > 1
            if role == "accepted" and not mixed:
                continue  # another desk's spelling, kept throughout
            start, end = span_of(sent.tokens, m.first, m.last)
            yield ctx.finding(
                self, start, end,
                f"non-standard spelling of {entry.latin}; the house form is '{entry.canonical}'"
                + ("" if mixed else " (this article keeps to this spelling throughout)"),
                [Fix(start, end, entry.canonical, applicability=SAFE if mixed else UNSAFE)],
                severity=None if mixed else Severity.INFO,
            )
