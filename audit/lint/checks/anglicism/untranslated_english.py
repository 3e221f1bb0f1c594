from __future__ import annotations

from audit.core.conventions import HEADLINE
from audit.core.findings import Severity
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import Check, Context


class UntranslatedEnglish(Check):
    """English words left in Latin script inside a Hindi sentence.

    Anti-pattern:  कंपनी ने distillation तकनीक का इस्तेमाल किया।
    Fix:           कंपनी ने आसवन (डिस्टिलेशन) तकनीक का इस्तेमाल किया।
    Only lower-case English words count: names and acronyms in Latin script are a house
    style choice (the glossary and TERM002/TERM003 look after them), and Hindi news conventions are
    left alone: bracketed glosses `चांदी का दाम (silver rate today)`, English kickers `Price hike:`,
    English lines (a caption, a byline, a tweet), page chrome, web addresses, and a quoted English
    title or tagline (three or more Latin words opened by a capital: `More than you expect`).
    """

    code = "ANGL003"
    name = "untranslated-english"
    category = "anglicism"
    severity = Severity.WARNING
    defaults = {"min_english_zipf": 2.5, "min_hindi_share": 0.6}

    def run(self, ctx: Context):
        names = ctx.glossary.latin
        min_zipf = ctx.setting(self, "min_english_zipf")
        min_share = ctx.setting(self, "min_hindi_share")
        conventions = ctx.conventions
        for sent in ctx.article.sentences:
            kinds = [t.kind for t in sent.tokens]
            if "latin" not in kinds:
                continue  # only a Latin word is reported: most sentences have none
            words = [t for t in sent.tokens if t.kind in ("deva", "latin")]
            hindi = sum(t.kind == "deva" for t in words)
            if not words or hindi / len(words) < min_share:
                continue
            quoted = _quoted_titles(sent.tokens)
            for i, tok in enumerate(sent.tokens):
                text = tok.text
                if tok.kind != "latin" or not text.isalpha() or not text.islower() or len(text) < 3:
                    continue
                if (tok.key,) in names or english_zipf(text) < min_zipf or i in quoted:
                    continue
                if conventions.kind(tok.start, tok.end) not in (None, HEADLINE):
                    continue
                yield ctx.finding(
                    self, tok.start, tok.end,
                    f"'{text}' is English left untranslated in a Hindi sentence",
                    confidence=0.8,
                )


def _quoted_titles(tokens) -> set[int]:
    """Indices of Latin runs of three or more words opened by a capital: a title or tagline."""
    out: set[int] = set()
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].kind == "latin":
            j += 1
        if j - i >= 3 and tokens[i].text[:1].isupper():
            out.update(range(i, j))
        i = max(j, i + 1)
    return out
