from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, URL
from audit.core.findings import DISPLAY_ONLY, SAFE, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.language.numerals import load_numerals
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.letters import letters_spelled
from audit.lint.checks.words import digit_runs

# Where a Devanagari letter or sign (not a Devanagari digit) meets an ASCII digit: digits are rare
# in Hindi text, so the regex engine finds the few junctions and the words are read from them.
_DEVA = "\u0900-\u0963\u0970-\u097F"
_JUNCTION = re.compile(rf"[{_DEVA}](?=[0-9])|[0-9](?=[{_DEVA}])")
_WORD_CHARS = frozenset(chr(c) for c in range(0x0900, 0x0964)) | frozenset(chr(c) for c in range(0x0970, 0x0980))
# A number may carry these glued on by design: an ordinal (10वीं, 5वां), a G of a mobile network (5जी)
_SUFFIXES = frozenset("वां वीं वें वा वी वे जी".split())
# and the irregular ordinals' own endings, each only after its digit: 1ला/1ली (पहला), 2रा/3री
# (दूसरा, तीसरा), 4था/4थी (चौथा); after any other number these are words (था, ली) glued on
_ORDINAL_ENDINGS = {"1": frozenset("ला ली ले".split()), "2": frozenset("रा री रे".split()),
                    "3": frozenset("रा री रे".split()), "4": frozenset("था थी थे".split())}
# The forms of the passive and modal auxiliaries (जाना, सकना, चुकना), which follow a verb and never a count:
# one digit glued before one (`लिया 1जाता है`) is a stray keystroke, and a space keeps the digit
_AUXILIARIES = frozenset("जा जाता जाती जाते जाएगा जाएगी जाएंगे गया गई गयी गए सकता सकती सकते सका सकी सके "
                         "चुका चुकी चुके".split())
_COUNTER = re.compile(r"\d[ \t]*/[ \t]*$")  # a slide counter `1 / 5` run into the caption after it


def _junctions(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where `_JUNCTION.finditer(text)` matches (each match one character), in text order, read from
    the article's runs of digits (`digit_runs`, shared with the number checks): the letter before
    each run of ASCII digits and the run's last digit where a letter follows it. The pattern's search
    tried its lookahead at every Devanagari letter of the article."""
    found: list[int] = []
    for start, end in runs:
        i = start
        while i < end:
            if "0" <= text[i] <= "9":
                j = i + 1
                while j < end and "0" <= text[j] <= "9":
                    j += 1
                if i and text[i - 1] in _WORD_CHARS:  # (a digit of another script is no letter)
                    found.append(i - 1)
                if j < len(text) and text[j] in _WORD_CHARS:
                    found.append(j - 1)
                i = j
            else:
                i += 1
    return found


def _inside_word(text: str, end: int, min_zipf: float) -> bool:
    """Whether the number ending its digits at `end` (a decimal part read on) runs into letters that are
    no word (`का2023.24र्यालयों`: a figure pasted into कार्यालयों), so the space is no fix."""
    while end < len(text) and (text[end].isdigit() or (text[end] in ".,:" and text[end + 1 : end + 2].isdigit())):
        end += 1
    tail = end
    while tail < len(text) and text[tail] in _WORD_CHARS:
        tail += 1
    word = text[end:tail]
    return bool(word) and word not in _SUFFIXES and letters_spelled(word) is None and hindi_zipf(word) < min_zipf


class NumberGlued(Check):
    """A number written against a Hindi word with no space between them.

    Anti-pattern:  22 जुलाई2019 को   मैच 9मई को होगा   टीम ने मैच को10 विकेट से जीता
    Fix:           22 जुलाई 2019 को   मैच 9 मई को होगा   टीम ने मैच को 10 विकेट से जीता

    The word must be a Hindi word (wordfreq zipf at least `min_zipf`, default 3.0) or a month's
    name (`glossaries/numerals.tsv`), or a product the glossary lists before its version (एंड्रॉयड14 ->
    एंड्रॉयड 14, as Android 14). Not read: a Latin letter's name before a number, which is a
    model or format name (एक्स3, टी20, पोको एफ1, पीएसएलवी-सी43); an ordinal or network suffix after
    one (10वीं, 5वां, 5जी), or an ordinal 1 to 4's own ending after its digit (1ला, 3री, 4थी); a
    letter's name after a number, a format (4के, 3डी, 1080पी, 10एक्स; के, also the postposition,
    only after one digit); a unit's symbol after one (100मी, 5किमी: `unit_symbols.tsv`, as 100km);
    any other one-word glossary name (not a word of a longer one: चुनाव of चुनाव
    आयोग) or a loan of the concept table (a brand, न्यूज़11); a slide counter run into its caption
    (`1 / 5स्थानीय`) or a count closing a line (`… बजे0`); English lines, web addresses and page chrome.
    Fix safety: safe where the number comes first (9 मई, 2.5 करोड़) or the word is a month or a function
    word (जुलाई 2019, को 10), unless letters that are no word follow the number too (`का2023.24र्यालयों`: a
    figure pasted into a word, shown only); unsafe after a product the glossary lists (its version); display-only
    after any other word, where the space is one guess of three: the number may be part of a name that
    takes a hyphen (कोविड-19) or a sub-head may have been run into the text (अभयारण्य, then a line
    that opens with a year: a line break meant); display-only too for a lone digit glued before an auxiliary
    of जाना, सकना or चुकना (`लिया 1जाता है`): no count stands there, the digit is a stray key to delete;
    and for a one-letter word after a number (`3न`): no count's noun, a number word typed wrong maybe.
    """

    code = "FMT011"
    name = "number-glued-to-word"
    category = "formatting"
    severity = Severity.WARNING
    defaults = {"min_zipf": 3.0}

    def run(self, ctx: Context):
        text = ctx.article.text
        if not any(d in text for d in "0123456789"):
            return
        min_zipf = ctx.setting(self, "min_zipf")
        conventions, names = ctx.conventions, ctx.glossary.single_token_forms
        concepts, numerals = ctx.lexicon.concepts, load_numerals().words
        stopwords, units, products = ctx.lexicon.stopwords, ctx.lexicon.unit_symbols, ctx.glossary.product_keys
        for junction in _junctions(text, digit_runs(ctx)):
            at = junction + 1  # the space goes here
            number_first = text[junction] not in _WORD_CHARS
            if not number_first:  # word, then number
                start = junction
                while start and text[start - 1] in _WORD_CHARS:
                    start -= 1
                word = text[start:at]
                if letters_spelled(word) is not None:
                    continue
                end = at
                while end < len(text) and text[end].isdigit():
                    end += 1
                if end == len(text) or text[end] in "\r\n":
                    continue  # a count closing a page's line (comments, views: `बजे0`), not a number in prose
                inside = _inside_word(text, end, min_zipf)
            else:  # number, then word
                inside = False
                end = at
                while end < len(text) and text[end] in _WORD_CHARS:
                    end += 1
                word = text[at:end]
                start = at
                while start and (text[start - 1].isdigit()
                                 or (start > 1 and text[start - 1] in ".,:" and text[start - 2].isdigit())):
                    start -= 1  # the whole number: 15,999, 2.5, 10:30
                if word in _SUFFIXES or (start and text[start - 1] in ".,:/") \
                        or _COUNTER.search(text, max(0, start - 12), start):
                    continue  # 10वीं; a decimal or a time's last digits; a slide counter `1 / 5`
                if word in _ORDINAL_ENDINGS.get(text[start:at], ()):
                    continue  # 4थी कक्षा, 3रा स्थान: an ordinal abbreviated
                if letters_spelled(word) is not None and (word != "के" or at - start == 1):
                    continue  # a format's letter after its number (4के, 3डी, 1080पी, 10एक्स); के only after one digit (2के, 8के), else the postposition
                if fold(word) in units:
                    continue  # a unit's symbol, as in 100km: 100मी, 5किमी
                # a lone digit before an auxiliary (`1जाता`): a stray key, so the space is no fix (shown only);
                # a one-letter word after a number (`3न स्टार`: न is no count's noun, a number word typed
                # wrong): what was meant is a guess, shown only
                inside = (at - start == 1 and word in _AUXILIARIES) or len(word) == 1
            key = fold(word)
            month = numerals.get(("hi", key), ("",))[0] == "month"
            version = not number_first and key in products  # एंड्रॉयड14: Android 14
            if not month and not version and (
                    hindi_zipf(word) < min_zipf or key in names
                    or any(hit.side == "translit" for hit in concepts.lookup(word))):
                continue
            if conventions.kind(start, end) in (CHROME, ENGLISH_LINE, URL):
                continue
            yield ctx.finding(
                self, start, end,
                f"no space between the number and '{word}'",
                [Fix(start, end, f"{text[start:at]} {text[at:end]}",
                     applicability=DISPLAY_ONLY if inside else SAFE if number_first or month or key in stopwords
                     else UNSAFE if version else DISPLAY_ONLY)],
            )
