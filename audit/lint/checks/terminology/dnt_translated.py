from __future__ import annotations

from audit.core.findings import UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.lint.checks.base import Check, Context, scan_sentences, span_of


class NameTranslated(Check):
    """A do-not-translate name rendered as a common word, where the context is about the name.

    Anti-pattern:  गूगल के मिथुन पर खर्च किए गए अरबों…   (Gemini became the zodiac sign)
    Fix:           गूगल के जेमिनी पर खर्च किए गए अरबों…
    The glossary row lists the wrong rendering and the cues (गूगल, एआई, चैटबॉट…) that
    must appear within one sentence for the word to be read as the name. Not where the word is one
    the senses table suggests for a sense of its own (क्लाउड, cloud computing) and its sentence cues
    that sense (सर्वर) while the name's cue stands only in a neighbouring sentence.
    """

    code = "TERM004"
    name = "name-translated"
    category = "terminology"
    severity = Severity.ERROR

    def run(self, ctx: Context):
        for sent, m in scan_sentences(ctx, ctx.glossary.wrong):
            entry = m.value
            cue = ctx.mentions(entry.cues, sent.index, radius=1)
            if cue is None:
                continue
            start, end = span_of(sent.tokens, m.first, m.last)
            own = ctx.lexicon.sense_cues.get(fold(ctx.article.text[start:end]))
            if own and ctx.mentions(own, sent.index) and ctx.mentions(entry.cues, sent.index) is None:
                continue  # क्लाउड सर्वर a sentence after एंथ्रोपिक: the word in its own sense (cloud), cued there
            yield ctx.finding(
                self, start, end,
                f"'{ctx.article.text[start:end]}' translates the name {entry.latin} as a common word "
                f"(the context mentions '{cue}'); write '{entry.canonical}'",
                [Fix(start, end, entry.canonical, applicability=UNSAFE)],
                confidence=0.9,
            )
