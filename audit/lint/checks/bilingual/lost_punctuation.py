from __future__ import annotations

from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context

_MARKS = {"question": "?？", "exclamation": "!！"}  # with the full-width forms


class LostQuestionMark(Check):
    """A question or exclamation mark of the source that the translation has lost.

    Anti-pattern:  source "Will the bridge open before the monsoon?"  ->  क्या पुल मानसून से पहले खुलेगा।
    Fix:           क्या पुल मानसून से पहले खुलेगा?
    Fix safety:    unsafe: the segment's closing । or . becomes the mark; where the mark belongs
                   elsewhere in a long segment, the editor moves it.
    Counted per aligned segment: the translation needs at least as many '?' (and '!') as its source;
    the flagged text is the mark that ends the segment (or its last word). A lost question mark
    turns a question into a statement (a warning); a lost exclamation mark only flattens the tone (info).
    """

    code = "BIL006"
    name = "lost-question-mark"
    category = "bilingual"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        for unit in ctx.aligned:
            text = ctx.article.text[unit.start : unit.end]
            for what, marks in _MARKS.items():
                mark = marks[0]
                wanted = sum(unit.source.count(m) for m in marks)
                have = sum(text.count(m) for m in marks)
                if wanted > have:
                    last = unit.sentences[-1].tokens[-1]
                    fixes = [Fix(last.start, last.end, mark, applicability=UNSAFE)] if last.text in ("।", ".") else []
                    yield ctx.finding(self, last.start, last.end,
                                      f"the source has {wanted} {what} mark{'s' if wanted > 1 else ''} "
                                      f"('{mark}'); the translation has {have}", fixes,
                                      severity=Severity.WARNING if what == "question" else Severity.INFO)
