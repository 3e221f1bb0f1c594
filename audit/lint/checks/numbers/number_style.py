from __future__ import annotations

import re

from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import digit_runs, run_starts

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


class NumberStyle(Check):
    """Numbers written two ways in one article: Devanagari and ASCII digits, or big numbers with
    and without thousands separators.

    Anti-pattern:  २५ मई को 22 लोग ...      भाव 47,618 रुपये ... भाव 56600 रुपये
    Fix:           25 मई को 22 लोग ...      भाव 47,618 रुपये ... भाव 56,600 रुपये

    A desk that writes Devanagari digits throughout (२५ मई को २२ वर्षीय) keeps its choice; only the
    minority system is flagged. Years and other numbers under 10,000 never need a separator.
    Fix safety: safe for the digit system; grouping is fixed only below 1,00,000, where Indian
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
        ascii_numbers = [m for m in matches_at(_ASCII, text, ascii_starts) if not _mixed_script(text, m)]
        deva_numbers = matches_at(_DEVA_DIGITS, text, run_starts(text, runs, _DEVA_DIGIT_SET, False))
        if ascii_numbers and deva_numbers:
            minority, table, other = ((deva_numbers, _TO_ASCII, "ASCII") if len(deva_numbers) <= len(ascii_numbers)
                                      else (ascii_numbers, _TO_DEVA, "Devanagari"))
            for m in minority:
                fixed = m.group().translate(table)
                # A lone Devanagari digit may be a lookalike, not a number (`113 किमी ७ 157 किमी`: ७ for ×).
                safety = UNSAFE if len(m.group()) == 1 else SAFE
                yield ctx.finding(self, m.start(), m.end(),
                                  f"the article writes its numbers in {other} digits: '{fixed}'",
                                  [Fix(m.start(), m.end(), fixed, applicability=safety)])
        if any(_GROUPED.match(text, start) for start in ascii_starts):  # _GROUPED.search(text)
            for m in matches_at(_UNGROUPED, text, ascii_starts):
                value = int(m.group())
                fixes = [Fix(m.start(), m.end(), f"{value:,}", applicability=SAFE)] if value < 100_000 else []
                yield ctx.finding(self, m.start(), m.end(),
                                  "the article groups big numbers with commas elsewhere", fixes)


def _mixed_script(text: str, m: re.Match) -> bool:
    """29०० is LOOK001's: one number in two systems."""
    end = m.end()
    return end < len(text) and "\u0966" <= text[end] <= "\u096f"
