from __future__ import annotations

import re

from audit.core.findings import Severity
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.chrf import sentence_chrf
from audit.language.entities import inside_entity
from audit.lint.checks.bilingual.english import masked, source_words


class UntranslatedSegment(Check):
    """A translation that is its English source, or mostly a copy of it; or an English word of the source left in Latin script.

    Anti-pattern:  source "The council will meet on Monday to vote on the budget."
                   target "The council will meet on Monday to vote on the budget."
                   target "परिषद सोमवार को budget पर vote करेगी।"   (source words copied into a Hindi sentence)
    Fix:           परिषद सोमवार को बजट पर मतदान करेगी।   (the editor translates it)
    A segment is a copy when most of its letters are Latin and its chrF against the source is high
    (sacrebleu). Acronyms, URLs, e-mail addresses, handles, code and short English kickers
    (fewer than `min_words` lower-case English words) are not translated anyway and are left alone.

    A name of the source left in Latin script inside running Hindi (कोच Marlowe ने ...) is info:
    Hindi news writes names in Devanagari (कोच मार्लो ने), except the forms desks keep in Latin: an
    acronym, a brand or name the glossary lists, a bracketed gloss `हबल (Hubble)`, a product line
    with a model number (Galaxy S24), a unit beside a number. A word glued to the Hindi after it
    (कोच Marloweने, a space lost) counts by its Latin letters alone. So is a capitalised word that
    opens a source sentence and is copied as it stands (Baker और ओसेई ने ...): whether a name or a
    word, English does not say there, but Latin script in the Hindi is wrong either way. A unit
    beside a number stays as written (5 km, 2.4 GHz), but a rate copied from the source with its
    slash (120 km/h, 54 Mbit/s) is info: Hindi says it with प्रति.
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
        words = [w for w in source_words(text) if not w.name and w.text.islower()
                 and english_zipf(w.text) >= 3.0]
        if len(words) < ctx.setting(self, "min_words") or _is_code(text):
            return None  # a name, a product line, a short English kicker, a code listing
        chrf = sentence_chrf(text, source)
        if chrf < ctx.setting(self, "min_chrf"):
            return None
        same = text.strip() == source.strip()
        what = "is its English source, untranslated" if same else f"is mostly its English source (chrF {chrf:.0f})"
        return ctx.finding(self, start, end, f"this segment {what}", confidence=0.95 if same else 0.8)

    def _copied_words(self, ctx: Context, unit):
        """English words of the source left in Latin script inside a Hindi sentence: a lower-case word
        (a warning), or a name (info: Hindi news writes names in Devanagari)."""
        said = source_words(unit.source)
        source = {w.lower for w in said if not w.name}
        names = {w.text for w in said if w.name}
        # a capitalised word opening a source sentence is a name or a word (Hershey, Bread): copied
        # into the Hindi as it stands, it is left in Latin script either way
        openers = {w.text for w in said if not w.name and w.text[:1].isupper()} - names
        min_length = ctx.setting(self, "min_word_length")
        for sent in unit.sentences:
            known = {j for m in ctx.glossary.latin.scan(sent.tokens) for j in range(m.first, m.last + 1)}
            for i, tok in enumerate(sent.tokens):
                # a word glued to the Hindi after it (Carpanedoने: a space lost) counts by its Latin part
                text = tok.text if tok.kind == "latin" else _glued_latin(tok.text)
                per = _per_unit(sent.tokens, i) if tok.kind == "latin" else None
                if per is not None and ctx.article.text[per[0] : per[1]].lower() in unit.source.lower():
                    rate = ctx.article.text[per[0] : per[1]]
                    yield ctx.finding(self, *per, f"'{rate}' is the source's unit left in English; Hindi says a "
                                      "rate per unit with प्रति (किमी प्रति घंटा)", severity=Severity.INFO, confidence=0.6)
                    continue
                if not text or not text.isalpha() or len(text) < min_length:
                    continue
                start, end = tok.start, tok.start + len(text)
                if _beside_number(sent.tokens, i) or inside_entity(sent.text, start - sent.start, end - sent.start):
                    continue
                if text.islower() and text in source:
                    yield ctx.finding(self, start, end,
                                      f"'{text}' is the source's English word left untranslated", confidence=0.85)
                elif text in names and i not in known and _plain_name(sent, i, text):
                    yield ctx.finding(self, start, end,
                                      f"the name '{text}' is left in Latin script; Hindi news writes names in "
                                      "Devanagari", severity=Severity.INFO, confidence=0.6)
                elif text in openers and i not in known and _plain_name(sent, i, text):
                    yield ctx.finding(self, start, end,
                                      f"'{text}', which opens the source's sentence, is left in Latin script; "
                                      "Hindi news writes a name in Devanagari and translates a word",
                                      severity=Severity.INFO, confidence=0.5)


def _glued_latin(token: str) -> str:
    """The Latin letters a token starts with when Devanagari follows them at once, else ""."""
    m = _GLUED_LATIN.match(token)
    return m.group(1) if m else ""


_GLUED_LATIN = re.compile(r"([^\W\d_\u0900-\u097F]+)[\u0900-\u097F]")


def _plain_name(sent, i: int, text: str) -> bool:
    """A capitalised name in running Hindi text, not one of the forms desks keep in Latin: an
    acronym (ISRO), a name the glossary knows in Latin (brands, do-not-translate names), a
    bracketed gloss `(Hubble)`, or a product line with a model number (Galaxy S24)."""
    if text.isupper() or not text[:1].isupper() or not text[1:].islower():
        return False  # ISRO, iPhone, McLaren: house styles differ
    before = sent.text[: sent.tokens[i].start - sent.start]
    if before.count("(") > before.count(")"):
        return False
    run = _latin_run(sent.tokens, i)
    if any(any(ch.isdigit() for ch in t.text) for t in run):
        return False
    return any(t.kind == "deva" for t in sent.tokens)


def _latin_run(tokens, i: int):
    """The tokens of the Latin-script stretch around token i (words, digits, hyphens between)."""
    def latinish(t):
        return t.kind in ("latin", "num") or t.text in ("-", "&", ".")
    lo = i
    while lo > 0 and latinish(tokens[lo - 1]):
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and latinish(tokens[hi + 1]):
        hi += 1
    return tokens[lo : hi + 1]


def _is_code(text: str) -> bool:
    return "`" in text or text.count("(") + text.count("{") + text.count("=") + text.count(";") > len(text) / 20


def _per_unit(tokens, i: int) -> tuple[int, int] | None:
    """(start, end) of a unit per unit after a number, in Latin letters with a slash (120 km/h,
    54 Mbit/s, 54Mbit/s), else None. A single unit beside a number (5 km, 2.4 GHz) is a style choice,
    but a rate is something Hindi says in words, with प्रति (किमी प्रति घंटा, मेगाबिट प्रति सेकंड)."""
    glued = _NUMBER_THEN_LETTERS.fullmatch(tokens[i].text)
    if glued is None and (i == 0 or tokens[i - 1].kind != "num"):
        return None
    if i + 2 >= len(tokens):
        return None
    slash, per = tokens[i + 1], tokens[i + 2]
    if slash.text != "/" or per.kind != "latin" or not per.text.isalpha() or slash.start != tokens[i].end \
            or per.start != slash.end:
        return None
    return tokens[i].start + (glued.start(1) if glued else 0), per.end


_NUMBER_THEN_LETTERS = re.compile(r"[0-9][0-9.,]*([A-Za-z]+)")


def _beside_number(tokens, i: int) -> bool:
    """Units written the English way (5 km, 2.4 GHz) are a style choice, not an untranslated word."""
    return any(0 <= j < len(tokens) and tokens[j].kind == "num" for j in (i - 1, i + 1))
