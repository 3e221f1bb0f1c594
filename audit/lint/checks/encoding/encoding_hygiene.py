from __future__ import annotations

import re
import unicodedata

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.base import Check, Context

_CONSONANT = "\u0915-\u0939\u0958-\u095f"
_SIGN = "\u093e-\u094c"
_NUKTA = "\u093c"
# A sequence that draws like one letter but is typed as two, and its canonical encoding.
_SEQUENCES = {
    "\u0906\u0945": "\u0911",  # आ + ॅ  -> ऑ
    "\u093e\u0945": "\u0949",  # ा + ॅ  -> ॉ
    "\u0905\u093e\u0945": "\u0911",  # अ + ा + ॅ -> ऑ
    "\u093e\u0947": "\u094b",  # ा + े  -> ो
    "\u093e\u0948": "\u094c",  # ा + ै  -> ौ
    "\u0905\u093e": "\u0906",  # अ + ा  -> आ
    "\u0902\u0902": "\u0902",  # doubled anusvara
    "\u0901\u0901": "\u0901",  # doubled chandrabindu
    _NUKTA * 2: _NUKTA,
}
_INVISIBLE = {"\u200b": "", "\u2060": "", "\ufeff": "", "\u00ad": "", "\u2011": "-", "\u00a0": " "}
_JOINERS = "\u200c\u200d"
_LETTER = r"[\u0900-\u0963\u0971-\u097fA-Za-z]"
_INVISIBLE_CHAR = "[\u200b\u2060\ufeff\u00ad\u2011\u00a0]"
_PATTERN = re.compile(
    "(?P<seq>" + "|".join(sorted(map(re.escape, _SEQUENCES), key=len, reverse=True)) + ")"
    rf"|(?P<nukta>[{_CONSONANT}][{_SIGN}\u0962\u0963]{_NUKTA})"  # ड + ि + ़ -> ड + ़ + ि
    # (the invisible character first, then the look-behind: searched for, not tried at every position)
    rf"|(?P<invisible>{_INVISIBLE_CHAR}(?<={_LETTER}{_INVISIBLE_CHAR}){_INVISIBLE_CHAR}*(?={_LETTER}))"
    rf"|(?P<joiner>[{_JOINERS}](?<=[\u0900-\u0963\u0971-\u097f][{_JOINERS}])(?<!\u094d[{_JOINERS}])"
    rf"[{_JOINERS}]*)"  # ZWJ/ZWNJ not after a halant
    r"|(?P<legacy>\u094d[\u0904-\u0914])"  # र्ई: a legacy-font converter's halant before a vowel letter
)
_PRECOMPOSED = re.compile("[\u0958-\u095f]")
_DECOMPOSED_NUKTA = re.compile(f"[{_CONSONANT}]{_NUKTA}")


class EncodingHygiene(Check):
    """Devanagari that looks right on screen but is encoded wrongly, so search and hyphenation miss it.

    Anti-pattern:  बाॅलीवुड (ा + ॅ)   माेहल्ला (ा + े)   खिलाडि़यों (nukta after ि)   इंंडिया
                   अलग‑अलग (U+2011)   फ़ोन and फ़िल्म (precomposed beside decomposed nukta)
    Fix:           बॉलीवुड   मोहल्ला   खिलाड़ियों   इंडिया   अलग-अलग   one nukta encoding (NFC)

    A zero-width joiner or non-joiner after a halant shapes a conjunct on purpose and passes.
    Fix safety: safe, the fixed text draws the same; a halant before a vowel letter (हुर्ई) is
    reported without a fix, since which letter was meant needs a reader.
    """

    code = "ENC001"
    name = "encoding-hygiene"
    category = "encoding"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        for m in _PATTERN.finditer(text):
            start, end = m.span()
            found = m.group()
            if m.lastgroup == "seq":
                yield self._one(ctx, start, end, _SEQUENCES[found], "typed as two signs")
            elif m.lastgroup == "nukta":
                yield self._one(ctx, start, end, found[0] + _NUKTA + found[1], "nukta typed after the vowel sign")
            elif m.lastgroup == "invisible":
                fixed = "".join(_INVISIBLE[ch] for ch in found)
                what = ", ".join(sorted({unicodedata.name(ch).lower() for ch in found}))
                yield self._one(ctx, start, end, fixed, f"stray {what} inside a word")
            elif m.lastgroup == "joiner":
                yield self._one(ctx, start, end, "", "stray zero-width joiner inside a word")
            else:
                yield ctx.finding(self, start - 1, end, "a halant before a vowel letter: a legacy-font conversion slip")
        if _PRECOMPOSED.search(text) and _DECOMPOSED_NUKTA.search(text):
            for m in _PRECOMPOSED.finditer(text):
                # Invisible on screen and harmless to readers: told, not warned.
                yield self._one(ctx, m.start(), m.end(), unicodedata.normalize("NFD", m.group()),
                                "nukta letter encoded precomposed beside decomposed ones", Severity.INFO)

    def _one(self, ctx: Context, start: int, end: int, fixed: str, why: str, severity: Severity | None = None):
        message = f"{why}: write '{fixed}'" if fixed.strip() else f"{why}: delete it"
        return ctx.finding(self, start, end, message, [Fix(start, end, fixed, applicability=SAFE)], severity=severity)
