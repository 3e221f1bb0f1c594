"""Reading the quantities of an English or Hindi sentence, so that a translation's numbers can be
compared with its source's: digits (ASCII and Devanagari, with international or Indian grouping),
number words in both languages, scale words (thousand, lakh, million, करोड़, अरब, खरब), the
Hindi fractions (डेढ़, ढाई, साढ़े, सवा, पौने), ordinals (10th, दसवीं, first, पहला), percentages,
currencies and month names.

The words and their values are data (`glossaries/numerals.tsv`); this module only combines them:
"6 million" and "60 लाख" both read as 6,000,000, "2 billion", "2 अरब" and "200 करोड़" as
2,000,000,000.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from audit.core.text import fold
from audit.language.tables import file_digest, read_table

NUMERALS = Path(__file__).resolve().parents[2] / "glossaries" / "numerals.tsv"
KINDS = ("cardinal", "ordinal", "multiplier", "scale", "plus", "percent", "currency", "month")
_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_D = "[0-9०-९]"
_TOKEN = re.compile(
    rf"(?P<time>{_D}+(?::{_D}+)+(?:\.{_D}+)?)"  # 4:41.30, 10:30: a time or a score, compared as written
    rf"|(?P<num>{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?|{_D}{{1,2}}(?:,{_D}{{2}})+,{_D}{{3}}(?:\.{_D}+)?|{_D}+(?:\.{_D}+)?)"
    r"|(?P<word>Rs\.|[A-Za-z]+|[\u0900-\u0963\u0971-\u097F\u200c\u200d]+)"
    r"|(?P<sym>\S)"
)
_EN_ORDINAL_SUFFIX = ("st", "nd", "rd", "th")
_HI_ORDINAL_SUFFIX = ("वां", "वाँ", "वीं", "वें", "वा", "वी", "वे")


@dataclass(frozen=True)
class Quantity:
    """A number as written in a sentence, with the span (into the text read) that writes it."""

    value: Decimal
    start: int
    end: int
    text: str
    kind: str = "cardinal"  # cardinal, ordinal, percent, month or time
    currency: str = ""
    digits: bool = False  # written with digits, not only words
    scaled: bool = False  # has a scale word (million, लाख)

    @property
    def strong(self) -> bool:
        """Unambiguous enough that its absence means something ("one" and "first" are often not numbers)."""
        return self.digits or self.scaled or self.kind == "percent" or bool(self.currency)

    def same_value(self, other: "Quantity") -> bool:
        if self.kind in ("month", "time") or other.kind in ("month", "time"):
            return self.kind == other.kind and self.value == other.value
        if self.kind == other.kind == "decade":  # the 1990s = नब्बे का दशक
            low, high = sorted((self.value, other.value))
            return low == high or (low < 100 and low == high % 100)
        if self.value == other.value:
            return True
        # A scaled amount may be rounded in translation ($6.02 million -> करीब 60 लाख): 1 % is the same amount.
        if (self.scaled or other.scaled) and self.value and other.value:
            return abs(self.value - other.value) <= abs(self.value) / 100
        return False


@dataclass(frozen=True)
class _Token:
    kind: str  # num, word, sym
    text: str
    start: int
    end: int


class Numerals:
    """The number words of both languages, by folded form."""

    def __init__(self, path: Path = NUMERALS):
        self.path = Path(path)
        self.words: dict[tuple[str, str], tuple[str, str]] = {}  # (lang, folded form) -> (kind, value)
        for row in read_table(self.path, ("form", "lang", "kind", "value"), unique=("form", "lang")):
            lang, kind = row.get("lang"), row.get("kind")
            if lang not in ("en", "hi"):
                raise row.error(f"'lang' must be en or hi, got {lang!r}")
            if kind not in KINDS:
                raise row.error(f"'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
            self.words[(lang, self._key(lang, row.get("form")))] = (kind, row.get("value"))

    @staticmethod
    def _key(lang: str, form: str) -> str:
        return form if lang == "en" and form[:1].isupper() else fold(form)

    @property
    def digest(self) -> str:
        return file_digest([self.path])

    def month(self, number: int) -> str:
        """The Hindi name of a month (the first form the table lists)."""
        return next(form for (lang, form), (kind, value) in self.words.items()
                    if lang == "hi" and kind == "month" and value == str(number))

    def currency_word(self, code: str) -> str | None:
        """The Hindi word for a currency (the first form the table lists: USD -> डॉलर)."""
        return next((form for (lang, form), (kind, value) in self.words.items()
                     if lang == "hi" and kind == "currency" and value == code and not form.isascii()
                     and "\u0900" <= form[0] <= "\u097f"), None)

    def lookup(self, lang: str, word: str) -> tuple[str, str] | None:
        """(kind, value) of a word; English month names must be capitalised (March the month, not march)."""
        if word.isascii():
            lang = "en"  # an English word left in a Hindi sentence reads as English
        for form in (word, word.rstrip(".")) if word.endswith(".") else (word,):
            hit = self.words.get((lang, form)) or self.words.get((lang, fold(form)))
            if hit and not (hit[0] == "month" and lang == "en" and not form[:1].isupper()):
                return hit
        if lang == "hi":
            for suffix in _HI_ORDINAL_SUFFIX:
                if word.endswith(suffix) and len(word) > len(suffix):
                    base = self.words.get((lang, fold(word[: -len(suffix)])))
                    if base and base[0] == "cardinal":
                        return "ordinal", base[1]
        return None

    def read(self, text: str, lang: str) -> list[Quantity]:
        """The quantities of `text` ("en" or "hi"), left to right, with exact spans."""
        tokens = [_Token(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        found: list[Quantity] = []
        i = 0
        while i < len(tokens):
            if tokens[i].kind == "time":
                tok = tokens[i]
                digits = re.sub(r"\D", "", tok.text.translate(_DEVANAGARI_DIGITS))
                found.append(Quantity(Decimal(digits), tok.start, tok.end, tok.text, "time", digits=True))
                i += 1
                continue
            got = self._quantity(tokens, i, text, lang)
            if got is None:
                i += 1
                continue
            quantity, i = got
            found.append(quantity)
        return _idioms(found, text, lang)

    # --- combining the parts of one quantity ---------------------------------------------------

    def _info(self, tok: _Token, lang: str) -> tuple[str, str] | None:
        if tok.kind == "num":
            return "num", tok.text.translate(_DEVANAGARI_DIGITS).replace(",", "")
        if tok.kind == "sym":
            return self.words.get(("en", tok.text)) or self.words.get(("hi", tok.text))
        return self.lookup(lang, tok.text)

    def _quantity(self, tokens: list[_Token], i: int, text: str, lang: str) -> tuple[Quantity, int] | None:
        first = i
        currency = ""
        info = self._info(tokens[i], lang)
        if info and info[0] == "currency" and tokens[i].kind != "word" or (
                info and info[0] == "currency" and tokens[i].text in ("Rs", "Rs.", "INR", "रु")):
            currency = info[1]
            i += 1
            if i >= len(tokens):
                return None
            info = self._info(tokens[i], lang)
        if info and info[0] == "month":
            if lang == "en" and tokens[i].text == "May" and not _next_to_number(tokens, i):
                return None  # "May" the modal verb
            return Quantity(Decimal(info[1]), tokens[i].start, tokens[i].end, tokens[i].text, "month"), i + 1
        plus = Decimal(0)
        if info and info[0] == "plus":
            plus = Decimal(info[1])
            i += 1
            if i >= len(tokens):
                return None
            info = self._info(tokens[i], lang)
        if not info or info[0] not in ("num", "cardinal", "ordinal", "multiplier", "scale"):
            return None
        if info[0] == "scale" and lang == "en" and not _after_article(tokens, i, text):
            return None  # "thousand" on its own is not a count; "a thousand" is
        total, current, top_scale = Decimal(0), Decimal(0), Decimal(0)
        kind, digits, scaled, last = "cardinal", False, False, None
        end = stop_at = i
        while end < len(tokens):
            tok = tokens[end]
            info = self._info(tok, lang)
            if info is None or info[0] not in ("num", "cardinal", "ordinal", "multiplier", "scale"):
                if (lang == "en" and tok.text in ("-", "and") and last in ("cardinal", "multiplier", "scale")
                        and end + 1 < len(tokens) and (self._info(tokens[end + 1], lang) or ("",))[0]
                        in ("cardinal", "ordinal") and tokens[end + 1].kind == "word"):
                    end += 1
                    continue
                break
            part, value = info[0], Decimal(info[1])
            if part in ("num", "cardinal", "ordinal"):
                if last in ("num", "cardinal") and not (
                        lang == "en" and last == "cardinal" and part != "num" and current % 10 == 0
                        and 20 <= current <= 90 and value < 10):
                    break  # two numbers side by side: 21 20, दो तीन
                if last == "ordinal":
                    break
                current += value + plus
                plus = Decimal(0)  # साढ़े तीन लाख: the half belongs to the three
                digits = digits or part == "num"
                if part == "ordinal":
                    kind = "ordinal"
            elif part == "multiplier":
                if last == "ordinal":
                    break
                current = (current or 1) * value
            else:  # scale
                if last == "ordinal":
                    break
                scaled = True
                if value > top_scale:
                    total, current, top_scale = ((total + current) or 1) * value, Decimal(0), value
                else:
                    total, current = total + (current or 1) * value, Decimal(0)
            last = part
            end += 1
            if part == "num":
                suffix = self._ordinal_suffix(tokens, end, lang)
                if suffix:
                    kind, end, last = "ordinal", suffix, "ordinal"
            stop_at = end
        if last is None or plus:
            return None
        end = stop_at  # not a hyphen or "and" that led nowhere
        value = total + current
        stop = tokens[end - 1].end
        if end < len(tokens):  # a percent sign or word, or a currency word, after the number
            after = self._info(tokens[end], lang)
            if tokens[end].text == "per" and end + 1 < len(tokens) and tokens[end + 1].text == "cent":
                kind, stop, end = "percent", tokens[end + 1].end, end + 2
            elif after and after[0] == "percent":
                kind, stop, end = "percent", tokens[end].end, end + 1
            elif after and after[0] == "currency" and not currency and tokens[end].kind == "word":
                currency, stop, end = after[1], tokens[end].end, end + 1
        start = tokens[first].start
        return Quantity(value, start, stop, text[start:stop], kind, currency, digits, scaled), end

    def _ordinal_suffix(self, tokens: list[_Token], i: int, lang: str) -> int | None:
        """Index after an ordinal suffix glued to (or, in Hindi, beside) a number: 10th, 10वीं, 15 वीं."""
        if i >= len(tokens) or tokens[i].kind != "word":
            return None
        glued = tokens[i].start == tokens[i - 1].end
        word = tokens[i].text
        if lang == "en" and glued and word.lower() in _EN_ORDINAL_SUFFIX:
            return i + 1
        if lang == "hi" and word in _HI_ORDINAL_SUFFIX and (glued or tokens[i].start == tokens[i - 1].end + 1):
            return i + 1
        return None


# Ways of writing a number that the reading above takes apart: a clock time with a dot (7.30 pm,
# साढ़े सात बजे), a decade (the 1990s, नब्बे के दशक), a mixed fraction (2 1/2) and a date in
# figures (29/04/2024: day, month, year; left out where day and month could be either).
_CLOCK_AFTER = {"en": re.compile(r"\s?(?:[ap]\.?m\b\.?|hrs\b|IST\b)", re.IGNORECASE), "hi": re.compile(r"\s+बजे")}
_DOTTED_CLOCK = re.compile(r"[0-9०-९]{1,2}\.[0-9०-९]{2}")
_DECADE_AFTER = {"en": re.compile(r"s(?![A-Za-z])"), "hi": re.compile(r"\s+(?:के|का|की)\s+दशक")}
_MIXED_FRACTION = re.compile(r"(?<![\d/.,])(\d+) ([123])/([234])(?![\d/])")
_SLASH_DATE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")


def _idioms(found: list[Quantity], text: str, lang: str) -> list[Quantity]:
    out = []
    for q in found:
        if q.kind == "cardinal" and not q.currency and not q.scaled:
            q = _clock(q, text, lang) or _decade(q, text, lang) or q
        out.append(q)
    spans: list[tuple[int, int, list[Quantity]]] = []  # (start, end, what the text there says)
    for m in _MIXED_FRACTION.finditer(text):
        whole, num, den = (int(g) for g in m.groups())
        if num < den:
            value = Decimal(whole) + Decimal(num) / Decimal(den)
            spans.append((m.start(), m.end(), [Quantity(value, m.start(), m.end(), m.group(), digits=True)]))
    for m in _SLASH_DATE.finditer(text):
        a, b, year = (int(g) for g in m.groups())
        parts = [Quantity(Decimal(year), m.start(3), m.end(3), m.group(3), digits=True)]
        day = (a, 1, b, 2) if a > 12 >= b else (b, 2, a, 1) if b > 12 >= a else None
        if day is not None:  # 29/04: the 29th of April; 04/29: the same in American order
            d, d_group, month, m_group = day
            parts += [Quantity(Decimal(d), m.start(d_group), m.end(d_group), m.group(d_group), digits=True),
                      Quantity(Decimal(month), m.start(m_group), m.end(m_group), m.group(m_group), "month")]
        spans.append((m.start(), m.end(), parts))
    return _replace(out, spans) if spans else out


def _replace(found: list[Quantity], spans: list[tuple[int, int, list[Quantity]]]) -> list[Quantity]:
    """The quantities outside every span, and each span's parts in place of those inside it, in text
    order. The spans never overlap (a fraction's end and a date's start exclude digits and slashes),
    so one sort and a binary search each replace a sort per span, which grew with the square of a
    segment's dates."""
    spans.sort(key=lambda span: span[0])
    starts = [start for start, _, _ in spans]
    kept = []
    for q in found:
        i = bisect.bisect_left(starts, q.end)  # the spans starting before q ends; the last ends latest
        if i == 0 or spans[i - 1][1] <= q.start:
            kept.append(q)
    return sorted(kept + [part for _, _, parts in spans for part in parts], key=lambda q: q.start)


def _clock(q: Quantity, text: str, lang: str) -> Quantity | None:
    """A time of day: 7.30 before am/pm (English) or बजे (Hindi), and साढ़े सात / सवा / पौने before बजे."""
    if not _CLOCK_AFTER[lang].match(text, q.end):
        return None
    if _DOTTED_CLOCK.fullmatch(q.text):
        hours, minutes = q.text.translate(_DEVANAGARI_DIGITS).split(".")
    elif lang == "hi" and not q.digits and q.value % 1 in (Decimal("0.25"), Decimal("0.5"), Decimal("0.75")):
        hours, minutes = str(int(q.value)), f"{int(q.value % 1 * 60):02d}"
    else:
        return None
    if int(hours) > 24 or int(minutes) > 59:
        return None
    return replace(q, value=Decimal(hours + minutes), kind="time")


def _decade(q: Quantity, text: str, lang: str) -> Quantity | None:
    """A decade: 1990s; 1990 के दशक or नब्बे के दशक in Hindi (compared on the last two digits)."""
    if q.value % 10 or not _DECADE_AFTER[lang].match(text, q.end):
        return None
    if lang == "en":
        if not (q.digits and 1000 <= q.value <= 2100):
            return None
        return replace(q, kind="decade", end=q.end + 1, text=q.text + "s")
    return replace(q, kind="decade")


def _next_to_number(tokens: list[_Token], i: int) -> bool:
    return any(0 <= j < len(tokens) and tokens[j].kind == "num" for j in (i - 1, i + 1))


def _after_article(tokens: list[_Token], i: int, text: str) -> bool:
    return i > 0 and tokens[i - 1].text.lower() in ("a", "an", "one")


@lru_cache(maxsize=1)
def load_numerals() -> Numerals:
    return Numerals()


# --- saying a value both ways -------------------------------------------------------------------

_INDIAN = ((Decimal(10) ** 11, "खरब"), (Decimal(10) ** 9, "अरब"), (Decimal(10) ** 7, "करोड़"),
           (Decimal(10) ** 5, "लाख"), (Decimal(1000), "हज़ार"))
_WESTERN = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _grouped(value: Decimal) -> str:
    whole, _, frac = _plain(value).partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def in_hindi(value: Decimal) -> str:
    """A value as Hindi news writes it: 60 लाख, 200 करोड़, 2 अरब, 5,000."""
    for unit, name in _INDIAN[:4]:
        if value >= unit:
            return f"{_plain(value / unit)} {name}"
    return _plain(value) if value < 10_000 else _grouped(value)  # 2024, not 2,024


def describe(q: Quantity) -> str:
    """The value in digits and in both scale systems: 6,000,000 (6 million = 60 लाख)."""
    if q.kind == "month":
        return f"month {q.value}"
    if q.kind == "time":
        return "a time or score"
    ways = [f"{_plain(q.value / unit)} {name}" for unit, name in _WESTERN if q.value >= unit][:1]
    indian = [f"{_plain(q.value / unit)} {name}" for unit, name in _INDIAN[:4] if q.value >= unit]
    ways += indian[:2] if q.value >= _INDIAN[1][0] else indian[:1]  # 2 अरब = 200 करोड़; 60 लाख
    tail = {"percent": "%", "ordinal": " (ordinal)"}.get(q.kind, "")
    money = f" {q.currency}" if q.currency else ""
    said = f" = {' = '.join(ways)}" if ways else ""
    return f"{_grouped(q.value)}{tail}{money}{said}"
