from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, KICKER, URL
from audit.core.findings import DISPLAY_ONLY, SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI_SET, digit_runs, run_starts

# Each pattern opens with its digit and looks behind after it (searched for by the regex engine,
# not tried at every position); tests/test_linear_lookups.py holds them to the look-behind-first originals.
_ASCII = re.compile(r"[0-9](?<![\w.][0-9])[0-9]*(?:[.,][0-9]+)*")  # \d would match Devanagari digits too
_DEVA_DIGITS = re.compile(r"[\u0966-\u096f](?<![\w.][\u0966-\u096f])[\u0966-\u096f]*(?:[.,][\u0966-\u096f]+)*")
_ASCII_DIGITS = frozenset("0123456789")
_DEVA_DIGIT_SET = frozenset("०१२३४५६७८९")
_TO_ASCII = str.maketrans("०१२३४५६७८९", "0123456789")
_TO_DEVA = str.maketrans("0123456789", "०१२३४५६७८९")
_GROUPED = re.compile(r"[0-9](?<![0-9.,][0-9])[0-9]{0,2}(?:,[0-9]{2})*,[0-9]{3}(?![0-9,])")
_UNGROUPED = re.compile(r"[0-9](?<![0-9.,:/₹$-][0-9])[0-9]{4,6}(?![0-9,:/])")
# A four-digit number with its comma (1,756), and one without (4385): a desk that groups the one groups
# the other. Not a decimal (1023.63), not glued to a letter (A1400), not before a Latin word (5000 mAh).
_GROUPED_FOUR = re.compile(r"[1-9](?<![0-9.,][1-9]),[0-9]{3}(?![0-9,]|\.[0-9])")
_UNGROUPED_FOUR = re.compile(r"[1-9](?<![\w.,:/₹$-][1-9])[0-9]{3}(?![\w,:/]|\.[0-9]| ?[A-Za-z])")
# Four digits that are a year (1947, 2024), or a label's number rather than a quantity: after नंबर,
# मॉडल, ट्रेन, सन् (an identifier is never grouped), before a spec unit (5000 एमएएच), or after a Latin
# word (a model: Dimensity 7200).
_YEARS = range(1800, 2100)
_NOT_HINDI = (ENGLISH_LINE, CHROME)
# Where a number is the page's English or its template's, not the article's style: it neither sets the
# grouping nor is regrouped (`Rs 2,700 crore` in an English kicker over a text that writes 2700)
_NOT_ARTICLE = (ENGLISH_LINE, CHROME, KICKER, URL)
_LABELS = frozenset("नंबर नंबरों नं नं. कोड पिन पिनकोड मॉडल सेक्टर वार्ड प्लॉट फ्लैट कमरा रूम ट्रेन रूट सन सन् "
                    "वर्ष साल ईस्वी संवत".split())
_SPEC_UNITS = frozenset("एमएएच एमपी जीबी टीबी एमबी एमएम सीसी आरपीएम एनएम हर्ट्ज निट्स पिक्सल".split())


class NumberStyle(Check):
    """Numbers written two ways in one article: Devanagari and ASCII digits, or big numbers with
    and without thousands separators.

    Anti-pattern:  २५ मई को 22 लोग ...      भाव 47,618 रुपये ... भाव 56600 रुपये   1,756 घर ... 4385 लोग
    Fix:           25 मई को 22 लोग ...      भाव 47,618 रुपये ... भाव 56,600 रुपये   1,756 घर ... 4,385 लोग

    A desk that writes Devanagari digits throughout (२५ मई को २२ वर्षीय) keeps its choice; only the
    minority system is flagged. Separators are read in either system alike (४७,६१८ ... ५६६०० is
    flagged as 47,618 ... 56600 is, and fixed in its own digits); a number in the minority system that
    also lacks the separator gets one finding whose fix does both (५१२० beside 2,340 -> 5,120).
    Years and other numbers under 10,000 never need a separator.
    A day before a month's name written with a leading zero (01 अगस्त) beside one without it
    (1 अगस्त) is one date style broken: the minority is flagged, on a tie the padded day.
    A four-digit number is flagged only where the article groups a four-digit one (1,756 ... 4385);
    years, a label's number (ट्रेन 1400, Dimensity 7200) and a spec (5000 एमएएच) are left alone.
    The digit systems are counted over the Hindi lines only: an English line (a date line, a
    caption) writes ASCII digits by its own language, and page chrome by the site's template, so
    neither votes on the article's style nor is flagged (`Tuesday 3 April 2018` over a page of
    ७० लाख leaves the page's Devanagari digits alone). A zero glued to a Devanagari letter is officialese's
    abbreviation point (यू०पी०, उ०प्र०), not a digit: a notice in ASCII digits that abbreviates so is left.
    Fix safety: safe for the digit system only where the majority is clear (at least twice the
    minority's count); on a close count either system may be the slip, so the fix is unsafe.
    Grouping is fixed only below 1,00,000, where Indian
    and international grouping agree.
    """

    code = "NUM003"
    name = "number-style"
    category = "numbers"
    severity = Severity.WARNING
    article_wide = True  # the article's majority digits and grouping

    def run(self, ctx: Context):
        text = ctx.article.text
        # Each pattern can only start where a run of its digits starts: tried there alone
        runs = digit_runs(ctx)
        ascii_starts = run_starts(text, runs, _ASCII_DIGITS, True)
        deva_starts = run_starts(text, runs, _DEVA_DIGIT_SET, False)
        kind = ctx.conventions.kind
        grouping = _grouping(text, [i for i in ascii_starts if kind(i, i + 1) not in _NOT_ARTICLE],
                             [i for i in deva_starts if kind(i, i + 1) not in _NOT_ARTICLE])  # (start, end) -> (message, grouped form)
        found: list[tuple[int, int, str, list[Fix]]] = []
        ascii_numbers = [m for m in matches_at(_ASCII, text, ascii_starts) if not _mixed_script(text, m)]
        deva_numbers = [m for m in matches_at(_DEVA_DIGITS, text, deva_starts) if not _abbreviation_mark(text, m)]
        if ascii_numbers and deva_numbers:
            # an English line's or chrome's digits are theirs: neither counted nor flagged
            line_kind = ctx.conventions.line_kind
            ascii_numbers = [m for m in ascii_numbers if line_kind(m.start()) not in _NOT_HINDI]
            deva_numbers = [m for m in deva_numbers if line_kind(m.start()) not in _NOT_HINDI]
        if ascii_numbers and deva_numbers:
            minority, majority, table, other = (
                (deva_numbers, ascii_numbers, _TO_ASCII, "ASCII") if len(deva_numbers) <= len(ascii_numbers)
                else (ascii_numbers, deva_numbers, _TO_DEVA, "Devanagari"))
            clear = len(majority) >= 2 * len(minority)  # a close count: either system may be the slip
            for m in minority:
                # one finding and one fix for a number in the minority digits that also lacks the
                # article's grouping (५१२० beside 2,340 -> 5,120): a fix of one leaves the other
                message, grouped = grouping.pop(m.span(), ("", None))
                fixed = (grouped or m.group()).translate(table)
                # A lone digit may be a lookalike, not a number: confirmed by a reader (unsafe), and
                # between two numbers (`113 किमी ७ 157 किमी`: ७ for ×) only shown, as a sign is meant
                safety = (SAFE if clear else UNSAFE) if len(m.group()) > 1 else DISPLAY_ONLY if _between_numbers(text, m) else UNSAFE
                message = f"the article writes its numbers in {other} digits: '{fixed}'" + (
                    f" (and {message.removeprefix('the article ')})" if message else "")
                found.append((m.start(), m.end(), message, [Fix(m.start(), m.end(), fixed, applicability=safety)]))
        for (start, end), (message, grouped) in grouping.items():
            found.append((start, end, message, [Fix(start, end, grouped, applicability=SAFE)] if grouped else []))
        found += _padded_days(text, runs, ctx.conventions.line_kind)
        for start, end, message, fixes in sorted(found, key=lambda f: f[0]):
            yield ctx.finding(self, start, end, message, fixes)


def _as_ascii_digits(text: str) -> str:
    """`text.translate(_TO_ASCII)`, one `str.replace` per Devanagari digit the text holds (a compiled
    scan and copy each), where translate looks every character of the article up in its table: a
    hundred times the time."""
    for deva, ascii_digit in zip("०१२३४५६७८९", "0123456789"):
        if deva in text:
            text = text.replace(deva, ascii_digit)
    return text


def _grouping(text: str, ascii_starts: list[int], deva_starts: list[int]) -> dict[tuple[int, int], tuple[str, str | None]]:
    """The numbers written without the thousands separator the article gives others, with the
    message and the grouped form (in the number's own digits; None above 99,999). Devanagari digits
    are read as ASCII digits are (४७,६१८ ... ५६६०० is the same slip as 47,618 ... 56600): the text
    is read with its Devanagari digits as ASCII ones, one character for one, so offsets hold."""
    if not deva_starts:
        read, starts = text, ascii_starts
    else:
        read, starts = _as_ascii_digits(text), sorted(ascii_starts + deva_starts)
    out: dict[tuple[int, int], tuple[str, str | None]] = {}
    if not any(not _two_systems(text, *m.span()) for m in filter(None, (_GROUPED.match(read, i) for i in starts))):
        return out  # the article groups no number: nothing is missing a separator

    def own(m: re.Match, grouped: str) -> str:  # the grouped form in the digits the number is written in
        return grouped.translate(_TO_DEVA) if text[m.start()] in _DEVA_DIGIT_SET else grouped

    for m in matches_at(_UNGROUPED, read, starts):
        if _two_systems(text, m.start(), m.end()):
            continue  # 29०० is LOOK001's
        value = int(m.group())
        out[m.span()] = ("the article groups big numbers with commas elsewhere",
                         own(m, f"{value:,}") if value < 100_000 else None)
    grouped_four = next((text[m.start():m.end()] for m in matches_at(_GROUPED_FOUR, read, starts)
                         if not _two_systems(text, m.start(), m.end())), None)
    if grouped_four is not None:
        for m in matches_at(_UNGROUPED_FOUR, read, starts):
            if int(m.group()) in _YEARS or _label_number(text, m.start(), m.end()) or _two_systems(text, *m.span()):
                continue
            out[m.span()] = (f"the article groups four-digit numbers with a comma elsewhere ('{grouped_four}')",
                             own(m, f"{int(m.group()):,}"))
    return out


MONTHS = frozenset("जनवरी फरवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर "
                   "दिसंबर दिसम्बर".split())


def _padded_days(text: str, runs: list[tuple[int, int]], line_kind) -> list[tuple[int, int, str, list[Fix]]]:
    """A day before a month's name written with a leading zero (01 अगस्त) where the article writes
    another without (1 अगस्त), or the other way round: the minority is flagged, on a tie the padded
    day (Hindi text writes 1 अगस्त). A day of two digits (12 अगस्त) votes for neither."""
    padded, plain = [], []
    for start, end in runs:
        if end - start > 2 or text[end:end + 1] != " " or text[end - 1] == "0" or not text[end - 1].isascii():
            continue
        if (start and text[start - 1] in ".,:/-") or (end - start == 2 and text[start] != "0"):
            continue
        word_end = end + 1
        while word_end < len(text) and ("\u0900" <= text[word_end] <= "\u0963" or "\u0971" <= text[word_end] <= "\u097f"):
            word_end += 1
        if text[end + 1:word_end] in MONTHS and line_kind(start) not in _NOT_HINDI:
            (padded if end - start == 2 else plain).append((start, end))
    if not (padded and plain):
        return []
    if len(plain) < len(padded):
        return [(s, e, f"the article writes its days with a leading zero elsewhere: '0{text[s:e]}'",
                 [Fix(s, e, "0" + text[s:e], applicability=SAFE)]) for s, e in plain]
    return [(s, e, f"the article writes its days without a leading zero elsewhere: '{text[s + 1:e]}'",
             [Fix(s, e, text[s + 1:e], applicability=SAFE)]) for s, e in padded]


def _between_numbers(text: str, m: re.Match) -> bool:
    """An ASCII number within a word before and after the digit (`113 किमी ७ 157 किमी`, `12 फुट ७ 14`)."""
    before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 6]
    return any(c in _ASCII_DIGITS for c in before) and any(c in _ASCII_DIGITS for c in after)


def _two_systems(text: str, start: int, end: int) -> bool:
    """A number written partly in each digit system."""
    span = text[start:end]
    return any(ch in _DEVA_DIGIT_SET for ch in span) and any(ch in _ASCII_DIGITS for ch in span)


def _label_number(text: str, start: int, end: int) -> bool:
    """Whether the four digits at start..end number a label (ट्रेन 1400, सन् 1526, Dimensity 7200)
    or a spec (5000 एमएएच) rather than count something."""
    before = text[max(0, start - 20):start].rstrip().rsplit(None, 1)
    word = before[-1] if before and start > 0 and text[start - 1] in " \u00a0" else ""
    if word in _LABELS or word.rstrip(":") in _LABELS or (word and word[-1].isascii() and word[-1].isalpha()):
        return True
    after = text[end:end + 20].split(None, 1)
    return bool(after) and text[end:end + 1] == " " and after[0].rstrip("।,.") in _SPEC_UNITS


def _abbreviation_mark(text: str, m: re.Match) -> bool:
    """A Devanagari zero glued to a Devanagari letter or sign: the abbreviation point of officialese
    (यू०पी०, उ०प्र०, डॉ०), not a number, so it neither votes for Devanagari digits nor is flagged."""
    start, end = m.span()
    return m.group() == "\u0966" and (
        (start and text[start - 1] in DEVANAGARI_SET) or (end < len(text) and text[end] in DEVANAGARI_SET))


def _mixed_script(text: str, m: re.Match) -> bool:
    """29०० is LOOK001's: one number in two systems."""
    end = m.end()
    return end < len(text) and "\u0966" <= text[end] <= "\u096f"
