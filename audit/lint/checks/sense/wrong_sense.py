from __future__ import annotations

from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.slots import before_postposition
from audit.lint.checks.base import Check, Context, scan_sentences, span_of


class WrongSense(Check):
    """A word MT picked in the wrong sense, from the sense lexicon (`glossaries/lexicon/senses.tsv`).

    Anti-pattern:  इस ऐप में गोद लेने की कमी है।       (adoption → adopting a child)
                   यह मॉडल प्रदर्शन में चटपट करता है।   (stutters → "quickly")
    Fix:           इस ऐप में अपनाने की कमी है।
                   यह मॉडल प्रदर्शन में लड़खड़ाता है।
    A row fires when one of its cues is within one sentence and none of its anticues is in
    the sentence itself (अग्रिम stays right next to भुगतान).
    A phrase that stands alone in quotation marks (“घरेलू नामों”) is the writer marking a literal
    rendering or quoting someone's words: an info with the fix shown, never applied.
    Fix safety: unsafe (the sense is a judgement). Before a postposition the row's `oblique` form
    is used (सूट का -> मुकदमे का); a noun in -आ with no oblique form known is only a hint.
    """

    code = "SENSE001"
    name = "wrong-sense"
    category = "sense"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        for sent, m in scan_sentences(ctx, ctx.lexicon.senses):
            sense = m.value
            if sense.anticues and ctx.mentions(sense.anticues, sent.index) is not None:
                continue
            cue = ctx.mentions(sense.cues, sent.index, radius=1) if sense.cues else ""
            if cue is None:
                continue
            start, end = span_of(sent.tokens, m.first, m.last)
            suggestions, applicability = list(sense.suggestions), UNSAFE
            if before_postposition(sent.tokens, m.last):
                if sense.oblique:
                    suggestions[0] = sense.oblique
                elif suggestions[0].endswith("\u093e"):  # मुकदमा का: the direct case does not fit here
                    applicability = DISPLAY_ONLY
            quoted = _quoted(ctx.article.text, start, end)
            if quoted:
                applicability = DISPLAY_ONLY  # words inside a quotation are the quoted person's
            why = f" ({sense.note})" if sense.note else ""
            where = f" (context: '{cue}')" if cue else ""
            yield ctx.finding(
                self, start, end,
                f"'{ctx.article.text[start:end]}' reads as '{sense.english}' in the wrong sense{why}; "
                f"write '{suggestions[0]}'{where}"
                + (" unless the quotation marks mean a literal rendering" if quoted else ""),
                [Fix(start, end, s, applicability=applicability) for s in suggestions],
                severity=Severity.INFO if quoted else self.severity,
                confidence=0.8 if cue else 0.9,
            )


_OPENING = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}


def _quoted(text: str, start: int, end: int) -> bool:
    """The span is all that stands between a pair of quotation marks."""
    opening = text[start - 1 : start] if start else ""
    return opening in _OPENING and text[end : end + 1] == _OPENING[opening]
