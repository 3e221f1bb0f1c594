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
    A translation that words the question as a statement (an indirect question: कौन जीतेगा, यह वक्त ही
    बताएगा) is info with no fix: a '?' after it would not read.
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
                    tokens = unit.sentences[-1].tokens
                    last = tokens[-1]
                    fixes = [Fix(last.start, last.end, mark, applicability=UNSAFE)] if last.text in ("।", ".") else []
                    message = (f"the source has {wanted} {what} mark{'s' if wanted > 1 else ''} "
                               f"('{mark}'); the translation has {have}")
                    severity = Severity.WARNING if what == "question" else Severity.INFO
                    if what == "question" and not _asks(ctx, tokens):
                        # worded as a statement (मानसून समय पर आएगा या नहीं, यह देखना होगा): a '?' after
                        # it would not read; the editor decides whether the question should stay one
                        fixes, severity = [], Severity.INFO
                        message += ", which words it as a statement"
                    yield ctx.finding(self, last.start, last.end, message, fixes, severity=severity)


def _asks(ctx: Context, tokens) -> bool:
    """The Hindi sentence reads as a direct question: it opens with क्या, or its last clause (after
    its last comma or dash) has a question word (`question_words.tsv`: कौन, कब, क्यों, कितने)."""
    words = [tok for tok in tokens if tok.kind == "deva" or tok.text in _CLAUSE_BREAKS]
    if words and words[0].key == "क्या":
        return True
    cut = max((i for i, tok in enumerate(words) if tok.text in _CLAUSE_BREAKS), default=-1)
    return any(tok.key in ctx.lexicon.question_words for tok in words[cut + 1:])


_CLAUSE_BREAKS = frozenset(",;:-–—")
