from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import char_starts, matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import AUXILIARIES, LIGHT_VERBS, POSTPOSITIONS
from audit.lint.checks.words import DEVANAGARI, devanagari_counts, digit_runs

_SCALES = {"सौ": 100, "हजार": 1000, "हज़ार": 1000}
# 9 सौ 31, 70 हजार 5 सौ 6: digits and scale words in one quantity, ending in bare digits.
# (the first digit, then the look-behind: searched for, not tried at every position)
_MIXED = re.compile(r"\d(?<![\d,.]\d)\d* (?:हजार|हज़ार) \d+ सौ(?: \d+)?(?![\d.,])|\d(?<![\d,.]\d)\d* सौ \d+(?![\d.,])")
_DEVA = "\u0900-\u0963\u0971-\u097f"
# One quantity with its unit said twice: a sign and its word (₹1 लाख रुपये, 12% प्रतिशत, $5 डॉलर), or a
# figure written out to the thousand before हजार (55,000 हजार: 55,000 or 55 हजार). Searched for from the
# sign (found by str.find) or from a run of digits, never tried at every position.
_SCALE_WORD = "(?: (?:लाख|करोड़|हजार|हज़ार|अरब|मिलियन|बिलियन))?"
_SIGN_TWICE = re.compile(rf"(?:₹ ?[\d,.]*\d{_SCALE_WORD} (?:रुपये|रुपए|रूपये|रूपए|रुपया|रुपयों)"
                         rf"|\$ ?[\d,.]*\d{_SCALE_WORD} (?:डॉलर|डालर))(?![{_DEVA}])")
_PERCENT_WORDS = ("प्रतिशत", "फीसद", "फ़ीसद")  # फीसदी and फ़ीसदी start with these
_WORD_TWICE = re.compile(rf"\d(?<![\d,.]\d)[\d,.]*% ?(?:प्रतिशत|फीसदी|फ़ीसदी|फीसद)(?![{_DEVA}])"
                         rf"|\d(?<![\d,.]\d)\d?\d?,000 (?:हजार|हज़ार)(?![{_DEVA}])")


@lru_cache(maxsize=4)
def _quantity(words: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    # दस ग्राम / 10 ग्राम: a count and the word it counts
    return re.compile(rf"(?<![{_DEVA}\d.,])(?P<n>{alt}|\d+)(?![{_DEVA}\d.,]) (?P<unit>[{_DEVA}]+)")


_COUNTED: list = [None, {}]  # the lexicon's numbers, and those a count compares


def _counted(numbers: dict[str, int]) -> dict[str, int]:
    """The number words a count is written with (not एक, not a scale word), once per lexicon."""
    if _COUNTED[0] is not numbers:
        _COUNTED[:] = [numbers, {w: v for w, v in numbers.items() if w != "एक" and w not in _SCALES}]
    return _COUNTED[1]


def _quantities(ctx: Context, numbers: dict[str, int], digits: list[int]) -> list[re.Match]:
    """What `_quantity(numbers).finditer(text)` finds, tried only where a count can start: a count is
    a whole run of Devanagari letters or of digits, so at a number word the article writes (its
    words are counted once for the spelling checks) or where a run of `digits` starts."""
    text = ctx.article.text
    written = devanagari_counts(ctx)
    starts = [start for start, _ in DEVANAGARI.places(text, [w for w in numbers if w in written])]
    return matches_at(_quantity(tuple(numbers)), text, sorted(starts + digits))


def _value(quantity: str) -> int:
    total, current = 0, 0
    for part in quantity.split():
        if part in _SCALES:
            scale = _SCALES[part]
            if scale == 1000:
                total += (current or 1) * 1000
                current = 0
            else:
                current = (current or 1) * 100
        else:
            current += int(part)
    return total + current


# Words that say nothing of what is counted: the auxiliaries, the light verbs and the particles that
# follow any predicate (दस जवान शहीद हो गए, 10 जवान घायल हो गए: शहीद and घायल are the context).
_BLAND = AUXILIARIES | LIGHT_VERBS | frozenset("गया गई गए भी ही तो और व या".split())
_NEXT = re.compile(rf"[ \t]+([{_DEVA}]+|\d+)")
_PREVIOUS = re.compile(rf"([{_DEVA}]+)[ \t]+$")
_CONTEXT_WORDS = 4


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """The word before a count that qualifies it (अगले 2 दिन; not a postposition) and up to four words
    after the counted noun on its line (its postposition or the predicate told of it: 10 ग्राम तक, दस
    जवान शहीद), the bland ones left out."""
    before = _PREVIOUS.search(text, max(0, start - 40), start)
    words = [before.group(1)] if before and before.group(1) not in POSTPOSITIONS else []
    for _ in range(_CONTEXT_WORDS):
        m = _NEXT.match(text, end)
        if not m:
            break
        words.append(m.group(1))
        end = m.end()
    return frozenset(words) - _BLAND


class NumberWords(Check):
    """Number words mixed with digits: inside one quantity, or for one quantity across the article.

    Anti-pattern:  कुल 9 सौ 31 वोट   70 हजार 5 सौ 6 रुपये   दस ग्राम सोना ... 10 ग्राम सोना
    Fix:           कुल 931 वोट       70506 रुपये          10 ग्राम सोना ... 10 ग्राम सोना

    Scale words before a unit (65 हजार रुपये, 2 लाख 50 हजार) are how Hindi news writes amounts and
    pass; एक is also the article "a" and is never compared. Across the article, words are flagged
    for 10 and above (news style writes those in digits), else the less used form (on a tie, the digits:
    news style writes one to nine in words). One quantity is one count of one thing: the same noun
    told of the same (the words around share one: अगले 2 दिन / अगले दो दिन, 10 ग्राम तक / दस ग्राम तक, not दस जवान
    शहीद / 10 जवान जख्मी, the dead and the injured). Fix safety: the digits of one quantity are safe.

    A quantity whose unit is said twice, its sign and its word (₹1 लाख रुपये, 12% प्रतिशत) or a figure
    written out to the thousand before हजार (55,000 हजार), is flagged too: the word after a sign goes
    (unsafe: a desk may keep the word and drop the sign); for 55,000 हजार which was meant needs a reader.
    """

    code = "NUM002"
    name = "number-words-digits"
    category = "numbers"
    severity = Severity.WARNING
    article_wide = True  # one quantity written as words and as digits anywhere in the article

    def run(self, ctx: Context):
        text = ctx.article.text
        digits = [start for start, _ in digit_runs(ctx)]  # where each run of digits starts
        for m in matches_at(_MIXED, text, digits):  # a mixed quantity opens a run of digits
            fixed = str(_value(m.group()))
            yield ctx.finding(self, m.start(), m.end(), f"one number in digits and words: write '{fixed}'",
                              [Fix(m.start(), m.end(), fixed, applicability=SAFE)])
        yield from self._unit_twice(ctx, text, digits)
        numbers = _counted(ctx.lexicon.numbers)
        seen: dict[tuple[int, str], dict[bool, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
        for m in _quantities(ctx, numbers, digits):
            n, unit = m.group("n"), m.group("unit")
            if unit in numbers or unit in _SCALES or unit in ("से", "या", "और", "-"):
                continue  # a range or a compound number, not a count of something
            value = int(n) if n.isdigit() else numbers[n]
            seen[(value, unit)][n.isdigit()].append((m.start(), m.end(), m.group()))
        for (value, unit), forms in seen.items():
            if len(forms) < 2:
                continue
            # the words around a count are read only for a quantity written both ways (a few per
            # article), not for every count of the article
            digits, words = ([(start, end, found, _context(text, start, end)) for start, end, found in forms[side]]
                             for side in (True, False))
            # House style writes 10 and above in digits and below that in words: there the article's
            # majority wins, and on a tie the words (दो दिनों over 2 दिनों).
            if value >= 10 or len(words) < len(digits):
                minority, other = words, digits
            else:
                minority, other = digits, words
            for start, end, found, context in minority:
                # one quantity needs one context too: दस जवान शहीद and 10 जवान जख्मी count the dead and the
                # injured (the same noun, told of different things); a form with nothing after it on its
                # line (a headline's दो दिन) is compared with any
                if context and all(c and context.isdisjoint(c) for *_, c in other):
                    continue
                yield ctx.finding(
                    self, start, end,
                    f"'{found}' and '{other[0][2]}' ({len(other)}x): one quantity in words and in digits",
                    [Fix(start, end, other[0][2], applicability=UNSAFE)],
                )

    def _unit_twice(self, ctx: Context, text: str, digits: list[int]):
        # _WORD_TWICE is tried at each run of digits (dozens an article) but needs a '%' and its word, or a
        # ',000 ' before हजार: a few C scans say whether it can match at all
        word_starts = digits if (",000 ह" in text or "%" in text and any(map(text.__contains__, _PERCENT_WORDS))) else ()
        for m in sorted([*matches_at(_SIGN_TWICE, text, char_starts(text, "₹$")), *matches_at(_WORD_TWICE, text, word_starts)],
                        key=lambda m: m.start()):
            found = m.group()
            if found.endswith(("हजार", "हज़ार")):
                yield ctx.finding(self, m.start(), m.end(),
                                  f"'{found}': the thousand said twice, in the figure and in words")
                continue
            cut = found.rindex(" ") if found[0] in "₹$" or " " in found.split("%")[-1] else found.index("%") + 1
            word = found[cut:].strip()
            yield ctx.finding(self, m.start(), m.end(), f"'{found}': the unit said twice, as a sign and as '{word}'",
                              [Fix(m.start() + cut, m.end(), "", applicability=UNSAFE)])
