from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, URL
from audit.core.findings import DISPLAY_ONLY, SAFE, Fix, Severity
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.numbers.number_style import MONTHS
from audit.lint.checks.words import digit_runs

_LETTER = r"[\u0900-\u0963\u0971-\u097fA-Za-z]"
_ORDINALS = "(?:वीं|वां|वें|वाँ)"
# Each branch opens with the space, hyphen, point or comma it is about and looks behind after it:
# searched for, not tried at every position of the text.
_PATTERN = re.compile(
    # चंद्रयान -3 / चंद्रयान- 3: a name's number after a hyphen with a space on one side
    rf"(?P<hyphen>(?: (?<={_LETTER} ) *-|-(?<={_LETTER}-) +)(?=\d))"
    # 55 .72 करोड़ / 50. 61: a space on one side of a decimal point
    r"|(?P<decimal>(?: (?<=\d ) *\.|\.(?<=\d\.) +)"
    r"(?=\d{1,2}(?![\d,.])\s*(?:%|प्रतिशत|करोड़|लाख|अरब|हजार|हज़ार|रुपये|रुपए|डॉलर|फीसदी)))"
    # 1, 250 / 1 ,250: a space inside a thousands separator
    r"|(?P<group>(?: (?<=\d ) *,|,(?<=\d,) +)(?=\d{3}(?!\d)))"
    # 10 वीं: a space between a number and its ordinal suffix (10वीं, 20वां)
    rf"|(?P<ordinal> (?<=\d )(?={_ORDINALS}(?![\u0900-\u097f])))"
)


_ORDINAL = re.compile(_ORDINALS)
# A day's number before the month that ends a dateline's date (कज़ान, 23 अक्टूबर- ...)
_DAY_BEFORE = re.compile(r"\d[ \t]+$")


def _dash_before_number(text: str, start: int, end: int) -> bool:
    """The hyphen of a match at text[start:end] (the word before it ends at `start`) is a dash, not
    the one in a name's number: the number after it takes an ordinal suffix (`- 16वें सम्मेलन`: no
    name's number does), or a day and its month stand before it (`कज़ान, 23 अक्टूबर- 16 देशों ...`:
    a dateline's closing hyphen). Closed up, either would become one word (`अक्टूबर-16वें`)."""
    digits = end
    while digits < len(text) and text[digits].isdigit():
        digits += 1
    if _ORDINAL.match(text, digits):
        return True
    word = start
    while word and "\u0900" <= text[word - 1] <= "\u097f":
        word -= 1
    return text[word:start] in MONTHS and _DAY_BEFORE.search(text, max(0, word - 4), word) is not None


# What follows a negative figure: a unit or a rate's word (दर -5.74 फीसदी, तापमान -4 डिग्री).
_MINUS_UNITS = re.compile(r"[ \t]*(?:%|°|प्रतिशत|फीसदी|फ़ीसदी|फीसद|डिग्री|अंक|पॉइंट|प्वाइंट)")


def _minus_sign(text: str, start: int, end: int) -> bool:
    """The hyphen of a match ` -` (a space before it, none after) is a minus sign: the figure after it
    has a decimal part or a unit (`महंगाई दर -5.74 फीसदी`, `तापमान -4 डिग्री`). A name's number
    (चंद्रयान -3, कोविड -19) is a whole number with no unit; closed up, a negative rate would become a
    compound with the word before it (`दर-5.74`)."""
    if text[start] != " " or text[end - 1] != "-":
        return False
    digits = end
    while digits < len(text) and text[digits].isdigit():
        digits += 1
    if text[digits:digits + 1] in (".", ",") and text[digits + 1:digits + 2].isdigit():
        return True
    return _MINUS_UNITS.match(text, digits) is not None


# An amount's word after a figure: no name's number takes one (चंद्रयान-3, कोविड-19)
_AMOUNT = re.compile(r"[\d.,]*[ \t]*(?:करोड़|करोड़|लाख|हजार|हज़ार|अरब|खरब|मिलियन|बिलियन|रुपये|रुपए|रुपया|रूपये|रूपए|डॉलर)")


def _amount_after(text: str, end: int) -> bool:
    """The figure after a hyphen (at `end`) is an amount (`- 200 करोड़ रुपये`): the hyphen separates a
    name from its figure (a list of earnings), a dash, which the name's-number fix would glue
    (`नायक-200`)."""
    return _AMOUNT.match(text, end) is not None


def _starts(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where a spacing slip can start. Each ends right before a digit that starts a run of digits
    (`runs`, from `digit_runs`), after a mark with spaces before it (from the first of them) or
    after spaces with a mark before them (from the mark): walked back from each run of digits."""
    starts = []
    ordinal = "व" in text  # 10 वीं: the space after a run of digits
    for run_start, run_end in runs:
        if ordinal and text[run_end:run_end + 1] == " ":
            starts.append(run_end)
        at = run_start - 1
        if at < 0:
            continue
        if text[at] in "-.,":  # " -3", " .72", " ,250"
            start = at
            while start and text[start - 1] == " ":
                start -= 1
            if start < at:
                starts.append(start)
        elif text[at] == " ":  # "- 3", ". 61", ", 250"
            while at and text[at - 1] == " ":
                at -= 1
            if at and text[at - 1] in "-.,":
                starts.append(at - 1)
    return sorted(starts) if ordinal else starts  # a run's end may come after the next run's walk back


def _slips(text: str, runs: list[tuple[int, int]]) -> list[re.Match]:
    """What `_PATTERN.finditer(text)` gives, trying the pattern only where a match can start."""
    return matches_at(_PATTERN, text, _starts(text, runs))


class NumberSpacing(Check):
    """A space inside a number: around the hyphen before a name's number, beside a decimal point, or
    before an ordinal suffix.

    Anti-pattern:  चंद्रयान -3 की लैंडिंग   चंद्रयान- 3   सेंसेक्स 55 .72 अंक   कीमत 50. 61 करोड़   10 वीं जीत
    Fix:           चंद्रयान-3 की लैंडिंग    चंद्रयान-3    सेंसेक्स 55.72 अंक     कीमत 50.61 करोड़    10वीं जीत

    A spaced hyphen between two numbers is a range (10 - 12) and passes; a decimal point is
    read as one only before a unit or amount word, so a list's "1. 2." passes. A line written in
    English (a scoreboard `Australia- 42`, a caption), page chrome and web addresses are not the
    article's Hindi text: their hyphen may be a `label- value` separator, which the fix would glue.
    A hyphen with a space before it and none after, before a figure with a decimal part or a unit, is
    a minus sign (`महंगाई दर -5.74 फीसदी`, `तापमान -4 डिग्री`) and passes.
    The spaced ordinal (17 वीं शताब्दी) is nonstandard but widespread in print, published translations
    included: an info.
    A hyphen before an amount (`भीमला नायक- 200 करोड़ रुपये`, a list's name and its figure) is a dash:
    the spaced dash is only shown, never the join.
    Fix safety: safe, only the space goes.
    """

    code = "NUM001"
    name = "number-spacing"
    category = "numbers"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        conventions = ctx.conventions
        for m in _slips(ctx.article.text, digit_runs(ctx)):
            if (conventions.kind(m.start(), m.end()) in (ENGLISH_LINE, CHROME, URL)
                    or conventions.line_kind(m.start()) in (ENGLISH_LINE, CHROME)):
                continue  # (a kicker span may hold it: `Lions- 31` reads as a label, in an English line)
            kind = m.lastgroup
            if kind == "hyphen" and (_dash_before_number(ctx.article.text, m.start(), m.end())
                                     or _minus_sign(ctx.article.text, m.start(), m.end())):
                continue
            fixed = m.group().strip()
            if kind == "ordinal":
                text, first = ctx.article.text, m.start()
                while first and text[first - 1].isdigit():  # walked back over the number alone
                    first -= 1
                number = text[first:m.start()]
                suffix = _ORDINAL.match(text, m.end()).group()
                yield ctx.finding(self, m.start(), m.end(),
                                  f"no space between a number and its ordinal suffix: '{number}{suffix}'",
                                  [Fix(m.start(), m.end(), "", applicability=SAFE)], severity=Severity.INFO)
                continue
            if kind == "hyphen" and _amount_after(ctx.article.text, m.end()):
                # भीमला नायक- 200 करोड़ रुपये: a list's name and its figure, the hyphen a dash between them
                yield ctx.finding(self, m.start(), m.end(),
                                  "a hyphen spaced on one side before an amount: a dash between a name and "
                                  "its figure is written ' – '",
                                  [Fix(m.start(), m.end(), " – ", applicability=DISPLAY_ONLY)])
                continue
            what = {"hyphen": "the hyphen before a number", "decimal": "a decimal point",
                    "group": "a thousands separator"}[kind]
            yield ctx.finding(self, m.start(), m.end(), f"no space around {what}: '{fixed}'",
                              [Fix(m.start(), m.end(), fixed, applicability=SAFE)])
