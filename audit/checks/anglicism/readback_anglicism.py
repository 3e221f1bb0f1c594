from __future__ import annotations

from ...findings import Severity
from ...readback import english_reading
from ...wordstats import hindi_zipf
from ..base import Check, Context


class EnglishReadback(Check):
    """A rare Devanagari word that reads back as an English word: likely transliterated, not translated.

    Anti-pattern:  लोअर-कैपबिलिटी चिप्स       (capability)
    Fix:           कम क्षमता वाले चिप्स        (the editor chooses the Hindi word)
    Spares words common in Hindi (wordfreq), the loanword list, glossary names and the
    phrases ANGL001 already knows; it only informs, since names also read as English.
    """

    code = "ANGL002"
    name = "english-readback"
    category = "anglicism"
    severity = Severity.INFO
    defaults = {"max_hindi_zipf": 3.0, "min_length": 5}

    def run(self, ctx: Context):
        names = ctx.glossary_spans()
        known = {(f.start, f.end) for f in _known(ctx)}
        max_zipf = ctx.setting(self, "max_hindi_zipf")
        min_length = int(ctx.setting(self, "min_length"))
        for tok in ctx.article.tokens:
            if tok.kind != "deva" or (tok.start, tok.end) in names or len(tok.key) < 4:
                continue
            if tok.key in ctx.lexicon.loanwords or tok.key in ctx.lexicon.stopwords:
                continue
            if any(s <= tok.start and tok.end <= e for s, e in known):
                continue
            if hindi_zipf(tok.norm) >= max_zipf:
                continue
            english = english_reading(tok.key, min_length)
            if english:
                yield ctx.finding(
                    self, tok.start, tok.end,
                    f"'{tok.text}' reads as English '{english}'; use the Hindi word if there is one",
                    confidence=0.5,
                )


def _known(ctx: Context):
    from .known_anglicism import KnownAnglicism

    return KnownAnglicism().run(ctx)
