from __future__ import annotations

from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context, scan_sentences, span_of


class KnownAnglicism(Check):
    """An English word or phrase transliterated where Hindi has a word (`lexicon/anglicisms.tsv`).

    Anti-pattern:  यह खोज में एक्सेल करता है।   उन्होंने लागत को नोट किया।   विशाल आउटगो
    Fix:           यह खोज में बेहतर है।         उन्होंने लागत का उल्लेख किया।   विशाल खर्च
    """

    code = "ANGL001"
    name = "known-anglicism"
    category = "anglicism"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        for sent, m in scan_sentences(ctx, ctx.lexicon.anglicisms):
            item = m.value
            start, end = span_of(sent.tokens, m.first, m.last)
            yield ctx.finding(
                self, start, end,
                f"'{ctx.article.text[start:end]}' is English '{item.english}' in Devanagari; "
                f"Hindi has '{item.suggestions[0]}'",
                [Fix(start, end, s, applicability=UNSAFE) for s in item.suggestions],
                severity=item.severity,
            )
