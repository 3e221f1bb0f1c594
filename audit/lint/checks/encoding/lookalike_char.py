from __future__ import annotations

import re

from audit.core.conventions import LINE_KINDS
from audit.core.findings import SAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context

_DEVA = r"[\u0900-\u0963\u0971-\u097f]"
_DIGIT = r"[0-9\u0966-\u096f]"
_DANDA_AFTER = r"(?=[ \t]*(?:\n|$|[\u0900-\u097f\"”’']))"
# Every branch opens with the character it is about and looks behind only after it: a pattern
# that opens with a look-behind is tried at every position of the text, this one only where
# such a character stands (half the CPU on a news article).
_PATTERN = re.compile(
    rf"(?P<danda>[ \t][|l](?<={_DEVA}[ \t][|l]){_DANDA_AFTER}|[|l](?<={_DEVA}[|l]){_DANDA_AFTER})"  # बढ़ी| फिल्म   बढ़ी l
    r"|(?P<virama>\u094d(?=[\u093e-\u094c]))"  # a halant with a vowel sign after it
    rf"|(?P<visarga>\u0903(?<={_DEVA}{{2}}\u0903)(?=[ \t]))"  # उत्तराखण्डः अस्पताल ...
    rf"|(?P<digits>(?:[0-9](?<!{_DIGIT}[0-9])[0-9]*[\u0966-\u096f]"  # a number in two digit systems,
    rf"|[\u0966-\u096f](?<!{_DIGIT}[\u0966-\u096f])[\u0966-\u096f]*[0-9]){_DIGIT}*)"  # from its first digit
    r"|(?P<quote>”(?<=[\s(]”)(?=[\u0900-\u097fA-Za-z]))"  # ने कहा, ”हम ...
)
_WORD_BEFORE = re.compile(rf"{_DEVA}+$")
_TO_LATIN = str.maketrans("०१२३४५६७८९", "0123456789")


class LookalikeChar(Check):
    """A character that looks like the right one but is another: search, sentence splitting and
    screen readers all treat it as what it is.

    Anti-pattern:  कमाई बढ़ी| फिल्म ...   बढ़ी l अब   उत्तराखण्डः अस्पताल   क्‍ा   29००   ने कहा, ”हम
    Fix:           कमाई बढ़ी। फिल्म ...   बढ़ी। अब   उत्तराखण्ड: अस्पताल   का   2900   ने कहा, “हम

    A page with no danda that ends lines with '|' and nowhere else keeps one habit and passes, and so
    does a byline, headline or chrome line that separates its fields with ' | '.
    A visarga is flagged only where the word reads as a common word without it and is rare
    with it (अतः, प्रातः and पुनः pass). Fix safety: safe, the drawn text is kept.
    """

    code = "LOOK001"
    name = "lookalike-char"
    category = "encoding"
    severity = Severity.WARNING
    article_wide = True  # whether the article uses the danda at all

    def run(self, ctx: Context):
        text = ctx.article.text
        matches = list(_PATTERN.finditer(text))
        # A page that never uses the danda and puts '|' only at line ends has one house habit.
        pipe_habit = "।" not in text and all(
            text[m.end():].lstrip(" \t")[:1] in ("", "\n") for m in matches if m.lastgroup == "danda")
        for m in matches:
            start, end = m.span()
            kind = m.lastgroup
            if kind == "danda":
                if pipe_habit or _separator_line(ctx, text, start):
                    continue
                # A pipe glued to the next word (कमाई|फिल्म) also needs the space a danda takes.
                danda = "।" if text[end:end + 1] in ("", " ", "\t", "\n", "\r") else "। "
                yield ctx.finding(self, start, end, f"'{m.group().strip()}' stands for the danda '।'",
                                  [Fix(start, end, danda, applicability=SAFE)])
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
                fixed = m.group().translate(_TO_LATIN)
                yield ctx.finding(self, start, end, f"one number in two digit systems: '{fixed}'",
                                  [Fix(start, end, fixed, applicability=SAFE)])
            else:
                yield ctx.finding(self, start, end, "a closing quote opens the quotation: '“'",
                                  [Fix(start, end, "“", applicability=SAFE)])


def _separator_line(ctx: Context, text: str, at: int) -> bool:
    """A byline, headline or chrome line that uses '|' between fields (`03:15 pm | नाम | विषय`)."""
    if ctx.conventions.line_kind(at) in LINE_KINDS:
        return True
    line_start, line_end = ctx.conventions.line_span(at)
    line = text[line_start:line_end]
    return line.count(" | ") >= 2 and "।" not in line
