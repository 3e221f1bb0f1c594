from __future__ import annotations

from audit.core.findings import Severity
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import Check, Context
from audit.language.entities import inside_entity
from audit.lint.checks.bilingual.english import masked, source_words


class UntranslatedSegment(Check):
    """A translation that is its English source, or mostly a copy of it; or an English word of the source left in Latin script.

    Anti-pattern:  source "The council will meet on Monday to vote on the budget."
                   target "The council will meet on Monday to vote on the budget."
                   target "परिषद सोमवार को budget पर vote करेगी।"   (source words copied into a Hindi sentence)
    Fix:           परिषद सोमवार को बजट पर मतदान करेगी।   (the editor translates it)
    A segment is a copy when most of its letters are Latin and its chrF against the source is high
    (sacrebleu). Names, acronyms, URLs, e-mail addresses, handles, code and short English kickers
    (fewer than `min_words` lower-case English words) are not translated anyway and are left alone.
    """

    code = "BIL003"
    name = "untranslated-segment"
    category = "bilingual"
    severity = Severity.WARNING
    defaults = {"min_latin_share": 0.5, "min_chrf": 55.0, "min_words": 4, "min_word_length": 4}

    def run(self, ctx: Context):
        min_share = ctx.setting(self, "min_latin_share")
        for unit in ctx.aligned:
            text = ctx.article.text[unit.start : unit.end]
            latin = sum(ch.isascii() and ch.isalpha() for ch in masked(text))
            deva = sum("\u0900" <= ch <= "\u097f" for ch in text)
            if latin + deva == 0:
                continue
            if latin / (latin + deva) >= min_share:
                finding = self._copy(ctx, unit.source, text, unit.start, unit.end)
                if finding is not None:
                    yield finding
            else:
                yield from self._copied_words(ctx, unit)

    def _copy(self, ctx: Context, source: str, text: str, start: int, end: int):
        from sacrebleu.metrics import CHRF

        words = [w for w in source_words(text) if not w.name and w.text.islower()
                 and english_zipf(w.text) >= 3.0]
        if len(words) < ctx.setting(self, "min_words") or _is_code(text):
            return None  # a name, a product line, a short English kicker, a code listing
        chrf = CHRF().sentence_score(text, [source]).score
        if chrf < ctx.setting(self, "min_chrf"):
            return None
        same = text.strip() == source.strip()
        what = "is its English source, untranslated" if same else f"is mostly its English source (chrF {chrf:.0f})"
        return ctx.finding(self, start, end, f"this segment {what}", confidence=0.95 if same else 0.8)

    def _copied_words(self, ctx: Context, unit):
        """Lower-case English words of the source left in Latin script inside a Hindi sentence."""
        source = {w.lower for w in source_words(unit.source) if not w.name}
        min_length = ctx.setting(self, "min_word_length")
        for sent in unit.sentences:
            for i, tok in enumerate(sent.tokens):
                text = tok.text
                if tok.kind != "latin" or not text.isalpha() or not text.islower() or len(text) < min_length:
                    continue
                if text not in source or _beside_number(sent.tokens, i):
                    continue
                if inside_entity(sent.text, tok.start - sent.start, tok.end - sent.start):
                    continue
                yield ctx.finding(self, tok.start, tok.end,
                                  f"'{text}' is the source's English word left untranslated", confidence=0.85)


def _is_code(text: str) -> bool:
    return "`" in text or text.count("(") + text.count("{") + text.count("=") + text.count(";") > len(text) / 20


def _beside_number(tokens, i: int) -> bool:
    """Units written the English way (5 km, 2.4 GHz) are a style choice, not an untranslated word."""
    return any(0 <= j < len(tokens) and tokens[j].kind == "num" for j in (i - 1, i + 1))
