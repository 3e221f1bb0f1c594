from __future__ import annotations

import math
import re
from dataclasses import replace
from decimal import Decimal

from audit.core.findings import DISPLAY_ONLY, Fix, Severity
from audit.language.numerals import Numerals, Quantity, describe, in_hindi, load_numerals
from audit.lint.checks.base import AlignedUnit, Check, Context
from audit.lint.checks.bilingual.english import around, masked


class NumberMismatch(Check):
    """A number of the source that the translation gives with another value, another currency, or not at all.

    Anti-pattern:  $6 million -> 6 करोड़ डॉलर      (6 million is 60 लाख; 6 करोड़ is 60 million)
                   in 2024 -> 2023 में;  July 8 -> 8 जून;  $40 -> 40 रुपये
    Fix:           60 लाख डॉलर;  2024 में;  8 जुलाई;  40 डॉलर  (the editor corrects the number; the
                   message gives both values and the conversion)
    Fix safety:    display-only: the source's value as Hindi writes it (60 लाख डॉलर, जुलाई) is shown,
                   never applied; the wrong number may be the source's slip, or need other words changed.
    Digits and number words of both languages, Devanagari digits, decimals, percentages, ordinals,
    years, months, currencies and the scale words are read as values (`glossaries/numerals.tsv`), so
    the same value said another way agrees: 6 million = 60 लाख = 6 मिलियन = 6,000,000;
    2 billion = 2 अरब = 200 करोड़; 10th = दसवीं; 5 percent = 5 फीसदी; 7.30 pm = साढ़े सात बजे = 7:30;
    the 1990s = नब्बे के दशक; 2 1/2 = ढाई; 29/04/2024 = 29 अप्रैल 2024. A source number written as a
    word ("one", "first") counts only when the translation has a different number in its place.
    An amount given in another currency at a plausible rate (`glossaries/lexicon/exchange_rates.tsv`:
    $1.2 billion -> करीब 10,000 करोड़ रुपये) is the desk converting it: info, no hint.
    """

    code = "BIL001"
    name = "number-mismatch"
    category = "bilingual"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        numerals = load_numerals()
        for unit in ctx.aligned:
            # a number inside a URL, an e-mail address, a handle or a hashtag (#Monsoon2024) is part
            # of that entity, which BIL005 follows: blanked out here (same length, offsets kept)
            source = numerals.read(masked(unit.source), "en")
            if not source:
                continue
            target = [replace(q, start=q.start + unit.start, end=q.end + unit.start)
                      for q in numerals.read(masked(ctx.article.text[unit.start : unit.end]), "hi")]
            source = _ratios_as_shares(unit.source, source, target)
            yield from self._compare(ctx, unit, source, target, numerals)

    def _compare(self, ctx: Context, unit: AlignedUnit, source: list[Quantity], target: list[Quantity],
                 numerals: Numerals):
        unmatched: list[Quantity] = []
        taken = [False] * len(target)
        for k, s in enumerate(source):
            # the first translation number not yet taken with the same value, looked for among all of
            # them, or in a long segment among those near where the source's k-th number would fall
            window = _window(k, len(source), len(target))
            j = next((j for j in window if not taken[j] and s.same_value(target[j])), None)
            if j is None:
                unmatched.append(s)
                continue
            taken[j] = True
            match = target[j]
            if s.currency and match.currency and s.currency != match.currency:
                yield ctx.finding(self, match.start, match.end,
                                  f"'{match.text}' is in {match.currency}; the source's '{s.text}' is in {s.currency}")
        left = [t for t, gone in zip(target, taken) if not gone]
        for s, other in self._pairs(unmatched, left):
            rate = _conversion(s, other, ctx.lexicon.exchange_rates) if other is not None else None
            if rate is not None:
                yield ctx.finding(self, other.start, other.end,
                                  f"'{other.text}' converts the source's '{s.text}' into {other.currency} "
                                  f"(1 {s.currency} = {_plain_rate(rate)} {other.currency}); the source's amount "
                                  f"is not in the translation", severity=Severity.INFO, confidence=0.5)
            elif other is not None:
                hint = _hint(s, other, numerals)
                yield ctx.finding(self, other.start, other.end,
                                  f"'{other.text}' is {describe(other)}, but the source's '{s.text}' is {describe(s)}",
                                  [Fix(other.start, other.end, hint, applicability=DISPLAY_ONLY)] if hint else [])
            elif s.digits and s.kind not in ("month", "time"):
                yield ctx.finding(self, unit.start, unit.end,
                                  f"the source's '{s.text}' ({describe(s)}) is not in the translation",
                                  severity=Severity.INFO, confidence=0.6)

    @staticmethod
    def _pairs(unmatched: list[Quantity], left: list[Quantity]) -> list[tuple[Quantity, Quantity | None]]:
        """Each unmatched source number with the translation's number that stands in its place, if any:
        the closest in kind, shape and magnitude ("$6 million" pairs with "6 करोड़ डॉलर", "2024" with "2023")."""
        options = sorted((_distance(s, left[j]), i, j) for i, s in enumerate(unmatched)
                         for j in _window(i, len(unmatched), len(left)) if _comparable(s, left[j]))
        paired: dict[int, Quantity] = {}
        used: set[int] = set()
        for _, i, j in options:
            if i not in paired and j not in used:
                paired[i] = left[j]
                used.add(j)
        return [(s, paired.get(i)) for i, s in enumerate(unmatched)]


# Up to this many source x translation numbers in a segment every pair is compared; beyond it (a
# table or a list pasted as one segment) each source number is compared only with the translation's
# numbers near its own place in the order, so a segment costs time linear in its numbers.
_ALL_PAIRS = 4096
_NEAR = 32


def _window(k: int, n_source: int, n_target: int) -> range:
    """The translation numbers (by index) the source's k-th of `n_source` numbers is compared with."""
    if n_source * n_target <= _ALL_PAIRS:
        return range(n_target)
    return around(k, n_source, n_target, _NEAR, _NEAR + 1)


_RATIO_JOIN = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)


def _ratios_as_shares(source_text: str, source: list[Quantity], target: list[Quantity]) -> list[Quantity]:
    """The source's numbers, with "3 in 10" / "one out of five" read as the share it says (30 %, 20 %)
    where the translation gives a percentage and does not keep both numbers (दस में से तीन):
    करीब 30 फीसदी says what "nearly 3 in 10" says, and 40 फीसदी is compared with 30 %, not with 10.
    A share that rounds to the translation's percentage (1 in 3 -> 33 फीसदी) is the same share."""
    percents = [t.value for t in target if t.kind == "percent"]
    if not percents:
        return source
    out: list[Quantity] = []
    i = 0
    while i < len(source):
        a = source[i]
        b = source[i + 1] if i + 1 < len(source) else None
        if (b is not None and a.kind == b.kind == "cardinal" and not (a.currency or b.currency or a.scaled or b.scaled)
                and 0 < a.value <= b.value <= 1000 and _RATIO_JOIN.fullmatch(source_text, a.end, b.start)
                and not (any(a.same_value(t) for t in target) and any(b.same_value(t) for t in target))):
            share = a.value * 100 / b.value
            near = next((p for p in percents if abs(p - share) <= Decimal("0.5")), None)
            value = near if near is not None else share.quantize(Decimal("0.1")).normalize()
            out.append(Quantity(value, a.start, b.end, source_text[a.start : b.end], kind="percent",
                                digits=a.digits or b.digits))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _conversion(s: Quantity, t: Quantity, rates: dict[str, tuple[float, float]]) -> float | None:
    """The rate at which `t` converts the amount `s` into another currency, when it lies in the band
    of the two currencies' rupee rates (`exchange_rates.tsv`): the desk's way of giving a dollar amount
    in rupees, not a wrong number."""
    if not (s.currency and t.currency and s.currency != t.currency and s.value > 0 and t.value > 0):
        return None
    if s.currency not in rates or t.currency not in rates:
        return None
    (s_low, s_high), (t_low, t_high) = rates[s.currency], rates[t.currency]
    rate = float(t.value / s.value)
    return rate if s_low / t_high <= rate <= s_high / t_low else None


def _plain_rate(rate: float) -> str:
    return f"{rate:.3g}" if rate < 1000 else f"{rate:,.0f}"


def _hint(s: Quantity, t: Quantity, numerals: Numerals) -> str | None:
    """The source's value written the way the translation wrote its own (its currency sign or word kept)."""
    if s.kind == "month":
        return numerals.month(int(s.value))
    if s.kind == "time":
        return s.text
    if s.kind == "ordinal" or t.kind == "ordinal":
        return None  # दसवां / दसवीं / 10वें: the ending follows the noun, which the editor sees
    words = t.text.split()
    if s.currency and t.currency and s.currency != t.currency:  # $40 -> 400 रुपये: 40 डॉलर, not 40 रुपये
        word = numerals.currency_word(s.currency)
        return f"{in_hindi(s.value)} {word}" if word else None
    sign = t.text[0] if t.text[0] in "$₹£€¥" else ""
    tail = ""
    if len(words) > 1 and (numerals.lookup("hi", words[-1]) or ("",))[0] in ("currency", "percent"):
        tail = " " + words[-1]
    elif t.text.endswith("%"):
        tail = "%"
    return f"{sign}{in_hindi(s.value)}{tail}"


def _comparable(s: Quantity, t: Quantity) -> bool:
    """Could `t` be the translation of `s`? Months with months, times with times; never a bare "one"/"एक"."""
    if s.kind in ("month", "time") or t.kind in ("month", "time"):
        return s.kind == t.kind
    if (not s.strong and s.value == 1) or (not t.strong and t.value == 1):
        return False  # "one", "first", "एक": as often a pronoun or an article as a number
    return s.strong or t.strong or s.kind == t.kind


def _year(q: Quantity) -> bool:
    return q.digits and not q.scaled and q.kind == "cardinal" and q.value == int(q.value) and 1000 <= q.value <= 2100


def _distance(s: Quantity, t: Quantity) -> float:
    if s.value > 0 and t.value > 0:
        magnitude = abs(math.log10(float(s.value)) - math.log10(float(t.value)))
        if s.scaled and t.scaled and abs(magnitude - round(magnitude)) < 1e-9:
            magnitude = 0.1  # the same digits with the wrong scale word: 3.9 million -> 3.9 करोड़
    else:
        magnitude = 5.0
    shape = (bool(s.currency) != bool(t.currency)) + (s.scaled != t.scaled) + 2 * ((s.kind == "percent") != (t.kind == "percent"))
    return magnitude + shape + 2 * (_year(s) != _year(t)) + (s.kind != t.kind)
