from __future__ import annotations

import re
from operator import methodcaller

from audit.core.conventions import LINE_KINDS
from audit.core.findings import DISPLAY_ONLY, SAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import CLAUSE_ENDS
from audit.lint.checks.words import DEVANAGARI_SET as _DEVA_SET, LINE_END_AFTER, digit_runs, run_starts

_DEVA = r"[\u0900-\u0963\u0971-\u097f]"
_DIGIT = r"[0-9\u0966-\u096f]"
_DANDA_AFTER = r"(?=[ \t]*(?:[\r\n]|$|[\u0900-\u097f\"”’']))"
# Each kind is found on its own by the character it is about (searched for, never tried at every
# position), and the kinds are merged as the one alternation `danda|virama|visarga|digits|quote`
# would find them: the leftmost first, none inside another (no two kinds open with one character).
_PIPE = re.compile(rf"[|l]{_DANDA_AFTER}")  # बढ़ी| फिल्म   बढ़ी l: after a letter, or a letter and a space
_VIRAMA = re.compile("\u094d(?=[\u093e-\u094c])")  # a halant with a vowel sign after it
_VISARGA = re.compile(rf"\u0903(?<={_DEVA}{{2}}\u0903)(?=[ \t])")  # उत्तराखण्डः अस्पताल ...
_MIXED_DIGITS = re.compile(  # a number in two digit systems, from its first digit
    rf"[0-9\u0966-\u096f](?:(?<=[0-9])(?<!{_DIGIT}[0-9])[0-9]*[\u0966-\u096f]"
    rf"|(?<=[\u0966-\u096f])(?<!{_DIGIT}[\u0966-\u096f])[\u0966-\u096f]*[0-9]){_DIGIT}*")
_QUOTE = re.compile(r"”(?<=[\s(]”)(?=[\u0900-\u097fA-Za-z])")  # ने कहा, ”हम ...
_BAR, _ELL, _START = re.compile(r"\|"), re.compile("l"), methodcaller("start")
_DIGIT_SET = frozenset("0123456789०१२३४५६७८९")
_KINDS = ((_VIRAMA, "virama"), (_VISARGA, "visarga"), (_MIXED_DIGITS, "digits"), (_QUOTE, "quote"))


def _pipe_starts(text: str) -> list[int]:
    """Where a '|' or an 'l' stands (each searched for as one character)."""
    return sorted([*map(_START, _BAR.finditer(text)), *map(_START, _ELL.finditer(text))])


def _lookalikes(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every lookalike, in text order; `runs`: the text's runs of digits
    (`digit_runs`), where a number in two digit systems can only be."""
    found: list[tuple[int, int, str]] = []
    for m in matches_at(_PIPE, text, _pipe_starts(text)):
        at = m.start()
        if at >= 2 and text[at - 1] in " \t" and text[at - 2] in _DEVA_SET:
            found.append((at - 1, at + 1, "danda"))  # the space before the pipe goes with it
        elif at >= 1 and text[at - 1] in _DEVA_SET:
            found.append((at, at + 1, "danda"))
    for pattern, kind in _KINDS:
        if pattern is _MIXED_DIGITS:  # it opens a run of ASCII and Devanagari digits, in a run of two scripts
            matches = matches_at(pattern, text, run_starts(text, runs, _DIGIT_SET, False))
        else:
            matches = pattern.finditer(text)
        found += [(m.start(), m.end(), kind) for m in matches]
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, kind in sorted(found):
        if start >= pos:
            out.append((start, end, kind))
            pos = end
    return out


_WORD_BEFORE = re.compile(rf"{_DEVA}+$")
# What a finite Hindi verb ends in: a vowel sign or a vowel letter (गई, दिए), the anusvara or the candrabindu
_VERB_FINALS = frozenset("\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c\u0902\u0901") | frozenset(
    map(chr, range(0x0905, 0x0915)))
_TO_LATIN = str.maketrans("०१२३४५६७८९", "0123456789")


class LookalikeChar(Check):
    """A character that looks like the right one but is another: search, sentence splitting and
    screen readers all treat it as what it is.

    Anti-pattern:  कमाई बढ़ी| फिल्म ...   बढ़ी l अब   उत्तराखण्डः अस्पताल   क्‍ा   29००   ने कहा, ”हम
    Fix:           कमाई बढ़ी। फिल्म ...   बढ़ी। अब   उत्तराखण्ड: अस्पताल   का   2900   ने कहा, “हम

    A page with no danda that ends its lines with ' |' (and has '|' nowhere else) keeps one habit, but
    the mark is still ASCII (search, sentence splitting and screen readers see no sentence end; on the
    dev pages each such pipe was a gold slip): an info. A byline, headline or chrome line that
    separates its fields with ' | ' passes.
    A visarga is flagged only where the word reads as a common word without it and is rare
    with it (अतः, प्रातः and पुनः pass). Fix safety: safe, the drawn text is kept; but a pipe after a
    word that no verb ends like (a consonant: `मेले की शुरुआत | आधिकारिक …`) may be stray rather than a
    sentence end, and a danda there would split the sentence: the danda is a guess, display-only.
    """

    code = "LOOK001"
    name = "lookalike-char"
    category = "encoding"
    severity = Severity.WARNING
    article_wide = True  # whether the article uses the danda at all

    def run(self, ctx: Context):
        text = ctx.article.text
        matches = _lookalikes(text, digit_runs(ctx))
        # A page that never uses the danda and puts '|' only at line ends keeps one habit: an info.
        pipe_habit = "।" not in text and all(
            LINE_END_AFTER.match(text, end) for _, end, kind in matches if kind == "danda")
        separators: dict[int, bool] = {}  # per line (by its start): one look at a line, however many pipes
        dandas = None  # how many dandas the article types, counted at its first pipe
        for start, end, kind in matches:
            if kind == "danda":
                if _separator_line(ctx, text, start, separators):
                    continue
                if dandas is None:
                    dandas = text.count("।")
                if dandas >= 3 and _dateline_pipe(text, start, end, ctx.conventions.line_span(start)):
                    continue  # वाशिंगटन | अमेरिकी राष्ट्रपति ने ...: the page's dateline separator
                # A pipe glued to the next word (कमाई|फिल्म) also needs the space a danda takes.
                danda = "।" if text[end:end + 1] in ("", " ", "\t", "\n", "\r") else "। "
                # A Hindi clause ends in a verb, and a finite verb ends in a vowel sign or nasal (है,
                # गई, बढ़ी, करेंगे): a pipe after a word that does not (`मेले की शुरुआत | आधिकारिक …`)
                # may be stray, not a sentence end (deleting it may be meant): the danda is only shown.
                last = text[start - 1:start]  # the last letter of the word before (read back, not searched)
                safe = not ("\u0900" <= last <= "\u097f") or last in _VERB_FINALS
                yield ctx.finding(self, start, end, f"'{text[start:end].strip()}' stands for the danda '।'",
                                  [Fix(start, end, danda, applicability=SAFE if safe else DISPLAY_ONLY)],
                                  severity=Severity.INFO if pipe_habit else None)
            elif kind == "virama":
                yield ctx.finding(self, start, end, "a halant followed by a vowel sign: drop the halant",
                                  [Fix(start, end, "", applicability=SAFE)])
            elif kind == "visarga":
                word = _WORD_BEFORE.search(text, 0, start).group()
                # -तः adverbs (अतः, मुख्यतः) are real; a name with ः is far rarer than without it.
                if not word.endswith("त") and hindi_zipf(word) - hindi_zipf(word + "\u0903") >= 2.0:
                    yield ctx.finding(self, start, end, "a visarga 'ः' used as a colon ':'",
                                      [Fix(start, end, ":", applicability=SAFE)])
            elif kind == "digits":
                fixed = text[start:end].translate(_TO_LATIN)
                yield ctx.finding(self, start, end, f"one number in two digit systems: '{fixed}'",
                                  [Fix(start, end, fixed, applicability=SAFE)])
            else:
                yield ctx.finding(self, start, end, "a closing quote opens the quotation: '“'",
                                  [Fix(start, end, "“", applicability=SAFE)])


def _separator_line(ctx: Context, text: str, at: int, known: dict[int, bool]) -> bool:
    """A byline, headline or chrome line that uses '|' between fields (`03:15 pm | नाम | विषय`)."""
    if ctx.conventions.line_kind(at) in LINE_KINDS:
        return True
    line_start, line_end = ctx.conventions.line_span(at)
    verdict = known.get(line_start)
    if verdict is None:
        verdict = known[line_start] = (text.count(" | ", line_start, line_end) >= 2
                                       and text.find("।", line_start, line_end) < 0)
    return verdict


def _dateline_pipe(text: str, start: int, end: int, line: tuple[int, int]) -> bool:
    """A spaced pipe closing a dateline: one to three words (a place, with a date or not) opening a line
    that goes on after ` | ` (`वाशिंगटन | अमेरिकी राष्ट्रपति ने ...`, `नई दिल्ली, 5 मई | ...`), none of them
    a verb that ends a clause. Asked only of an article that types the danda for its sentences (three
    or more): the pipe there is a portal's separator by choice, not an ASCII stand-in for the danda
    (`सीधी| एक सप्ताह ...` on a page with no danda is one)."""
    line_start, line_end = line
    if start - line_start > 40 or line_end - end < 20 or text[start:start + 1] != " " or text[end:end + 1] != " ":
        return False
    words = [w for w in text[line_start:start].replace(",", " ").split() if not w.isdigit()]
    return 1 <= len(words) <= 3 and not any(w in CLAUSE_ENDS or w.startswith(("|", "l")) for w in words)
