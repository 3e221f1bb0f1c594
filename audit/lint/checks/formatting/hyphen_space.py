from __future__ import annotations

import re
from itertools import islice

from audit.core.conventions import CHROME, ENGLISH_LINE, KICKER, SPEC_LINE, URL
from audit.core.findings import DISPLAY_ONLY, SAFE, UNSAFE, Fix, Severity
from audit.language.numerals import load_numerals
from audit.lint.checks.alternation import matches_at
from audit.lint.checks.base import Check, Context
from audit.core.text import fold
from audit.lint.checks.slots import AUXILIARIES, CLAUSE_ENDS

_LETTER = r"[\u0900-\u0963\u0966-\u097FA-Za-z0-9]"
_WORD = _LETTER + "++"  # possessive: a word is all of its letters, never a shorter piece of them
# "ओपन -सोर्स" and "ओपन- सोर्स": a compound split on one side of its hyphen only. A match can only start
# where a word starts, and a word is never re-read from a later letter, so a 40,000-letter word
# costs one pass, not 40,000 (the unanchored greedy form backtracked through every suffix).
_PATTERN = re.compile(
    rf"(?<!{_LETTER})({_WORD})(?: +-(?=[\u0900-\u097FA-Za-z])|-(?: +)(?=[\u0900-\u097FA-Za-z]))({_WORD})")


_WHOLE = re.compile(rf"(?<!{_LETTER}){_WORD}-{_WORD}")  # a compound written whole: ओपन-सोर्स
_SPACED_HYPHEN = re.compile("-(?:(?<= -)|(?= ))")  # a hyphen with a space on one side (or both)
_LETTERS = frozenset(map(chr, [*range(0x900, 0x964), *range(0x966, 0x980), *range(0x41, 0x5B), *range(0x61, 0x7B),
                               *range(0x30, 0x3A)]))


def _whole_starts(text: str) -> list[int]:
    """Where a compound written whole (`_WHOLE`) can start: the first letter of the word before each
    hyphen that follows a letter, in text order. `matches_at` then gives what `_WHOLE.findall` gives
    (a chain अ-ब-स included: अ-ब, then a match from स on), where the pattern's search tried its
    look-behind at every character of the article."""
    starts = []
    hyphen = text.find("-")
    while hyphen >= 0:
        start = hyphen
        while start and text[start - 1] in _LETTERS:
            start -= 1
        if start < hyphen:
            starts.append(start)
        hyphen = text.find("-", hyphen + 1)
    return starts


def _starts(text: str) -> list[int]:
    """Where a split compound can start: the first letter of the word before a hyphen that has a
    space on one side (spaces between walked over; each word is walked from one hyphen)."""
    starts = []
    for m in _SPACED_HYPHEN.finditer(text):
        end = m.start()
        while end and text[end - 1] == " ":
            end -= 1
        start = end
        while start and text[start - 1] in _LETTERS:
            start -= 1
        if start < end:
            starts.append(start)
    return starts


# A speaker tag: a verb of saying glued to the hyphen, the quote after it (`मंत्री बोले- काम जल्द
# होगा`, `BJP बोली- …`, `उन्होंने कहा- …`, `विशेषज्ञ कहते हैं- …`): Hindi news house style in any line,
# headline or body (conventions, item 16), not a compound and not a slip.
_SAYS = frozenset("बोले बोली बोलीं बोला कहा कही कहीं कहे बताया लिखा पूछा".split())
_SAYING = frozenset("कहते कहती कहतीं कहना बोलते बोलती बोलतीं बताते बताती मानना".split())  # before है/हैं/था/थे/थी
# Words after which a hyphen is a dash or a colon, never a compound's: a verb ending a clause or of saying
# (`जरूरी है- यह`) or a word that opens a list or a quote (`जैसे- नेटफ्लिक्स`, `यानी- …`).
# A polite imperative ends its clause too (`कौन-सा कार्य करें- गेहूं में …`: a colon before the list it opens).
_DASH_BEFORE = CLAUSE_ENDS | _SAYS | frozenset("जैसे यानी यानि अर्थात निम्न निम्नलिखित".split()) \
    | frozenset("करें रखें जानें देखें पढ़ें अपनाएं अपनाएँ बनाएं बनाएँ चुनें".split())
_WORD_BEFORE = re.compile(r"(\S+) +$")
# A finite form of a verb of saying (कहती, कहते, बोलता, कहेंगे, बताती): before a hyphen it tags a
# quote where the page tags its quotes so elsewhere (`आलिया ने कहा- …` ... `वह कहती- हिम्मत …`)
_SAYING_FORM = re.compile(r"(?:कह|बोल|बता|पूछ|लिख)(?:ता|ती|तीं|ते|ेगा|ेगी|ेंगे|ेंगी|ूंगा|ूंगी|ो|ें|ना)")
# The page's own speaker-tag hyphen: a verb of saying glued to a hyphen and a space, a word after
_TAG_HABIT = re.compile(r"(?<![\u0900-\u097F])(?:%s)- +[\u0900-\u097F\"“']" % "|".join(sorted(_SAYS)))
# A future verb always ends a clause (स्कूल खुलेंगे -इंदिरा …): the hyphen after it is a dash too
_FUTURE = ("ेंगे", "ेंगी", "ेगा", "ेगी", "ूंगा", "ूंगी", "ोगे", "ोगी")


def _speaker_tag(text: str, start: int, word: str, hyphen: int) -> bool:
    """`word`, starting at `start` and glued to the hyphen at `hyphen`, ends a speaker tag."""
    if text[hyphen - 1 : hyphen] == " ":
        return False  # `बोले -काम`: a tag's hyphen is glued to its verb
    if word in _SAYS:
        return True
    if word not in AUXILIARIES:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) in _SAYING
_LABEL_REACH = 80  # a label of at most four words starts this near its hyphen
_LIST_NUMBER = re.compile(r"[ \t]*(?:[-•*][ \t]*)?\d{1,2}[.)][ \t]*")  # a list item's number opening the line
_LABEL_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097F]+")
# A label names a thing; a phrase with one of these in it is running text (`यह ओपन- सोर्स मॉडल`).
_NOT_IN_LABEL = frozenset("यह ये वह वे इस उस इन उन एक नया नई नए ने को".split())


def _label_hyphen(text: str, start: int, hyphen: int) -> bool:
    """The words before the hyphen are a label opening their line: `आयु सीमा- 18 से 25 वर्ष`,
    `रिक्तियों की संख्या- बाद में`, `• नेता प्रतिपक्ष बोले- …`. Two to four Hindi words and nothing
    else before them on the line (a bullet aside), or one to four after a list item's number (`3. मिथुन-
    …`): the hyphen stands for the label's colon. One
    word alone (`ओपन- सोर्स`), a phrase with a determiner or an agent (`यह ओपन- सोर्स`, `कंपनी ने
    ओपन- सोर्स`), a clause ending in its verb (`जरूरी है- यह`) or a hyphen spaced before (`ओपन
    -सोर्स`) is not a label."""
    if text[hyphen - 1 : hyphen] == " ":
        return False  # `ओपन -सोर्स`: a label's hyphen is glued to it, with the space after
    line = text.rfind("\n", max(0, start - _LABEL_REACH), start) + 1
    if line == 0 and start > _LABEL_REACH:
        return False
    number = _LIST_NUMBER.match(text, line, hyphen)  # `2. वृष राशि- …`, `3. मिथुन- …`: a numbered item's label
    words = text[number.end() if number else line : hyphen].strip(" \t•*-").split()
    return ((1 if number else 2) <= len(words) <= 4
            and all(_LABEL_WORD.fullmatch(w) and w not in _NOT_IN_LABEL for w in words)
            and words[-1] not in CLAUSE_ENDS)


# Nouns that name what follows them as a label does (`अभिनेता का नाम- …`, `इसका जवाब- …`)
_LABEL_NOUNS = frozenset("नाम उम्र पता जवाब उत्तर".split())
_GENITIVE_BEFORE = re.compile(r"(?:का|की|के)[ \t]+$")


def _genitive_label(text: str, start: int, word: str, hyphen: int) -> bool:
    """`word`, glued to the hyphen at `hyphen`, is a label noun after a genitive (`अभिनेता का नाम- …`,
    `सवाल का जवाब- …`) inside a line: the hyphen stands for a colon before its value, no compound's."""
    return (word in _LABEL_NOUNS and text[hyphen - 1 : hyphen] != " "
            and _GENITIVE_BEFORE.search(text, max(0, start - 8), start) is not None)


# A list item's number after a line's start or a sentence's end (`… है। 2- गुजरात में …`): a marker
_MARKER_BEFORE = re.compile(r"(?:^|\n|(?<!\d)[।?!.|])[ \t]*$")
# One word opening its line with a hyphen glued to it (`सिंह- सूर्य का …`, a horoscope's sign)
_LINE_LABEL = re.compile(r"^[ \t•*]*[\u0900-\u0963\u0966-\u097F]+- +\S", re.MULTILINE)


def _list_marker(text: str, start: int, word: str, hyphen: int) -> bool:
    """`word` is a list item's number (1 to 99) glued to the hyphen at `hyphen`, opening its line or
    its sentence (`… होता है। 3- केरल का …`): the hyphen marks the item, no compound's."""
    return (word.isdigit() and len(word) <= 2 and text[hyphen - 1 : hyphen] != " "
            and _MARKER_BEFORE.search(text, max(0, start - 4), start) is not None)


def _line_label(lines: str, start: int, hyphen: int, habit: bool) -> bool:
    """The one word from `start` opens its line, the hyphen glued to it, on a page that opens three or more
    lines so (`सिंह- …`, `कन्या- …`: signs or items labelled with a hyphen for a colon): the page's labels.
    One or two such lines are read as split compounds (`सह- संस्थापक …`), as is a compound the article
    writes whole elsewhere (the caller's test)."""
    return (habit and lines[hyphen - 1 : hyphen] != " "
            and lines[lines.rfind("\n", 0, start) + 1 : start].strip(" \t•*") == "")


_OBLIQUE_PLURAL = ("ों", "ओं")  # कंपनियों, नेताओं: a noun in the oblique plural, a postposition's or a list's


def _plural_before_dash(before: str, after: str) -> bool:
    """The word before the hyphen is an oblique plural (कंपनियों, नेताओं) and the word after neither
    repeats its stem nor is a plural too (सालों-साल, दिनों-दिन, हजारों-लाखों are compounds): no compound
    starts so, and the hyphen is a dash before what the plural names (`दो तेल कंपनियों- रोसनेफ्ट और …`),
    which joining would glue into one word. Where a dash or a colon fits is the writer's call: a hint."""
    if not before.endswith(_OBLIQUE_PLURAL) or after.endswith(_OBLIQUE_PLURAL):
        return False
    stem = before[:-2]
    return not (len(stem) >= 2 and after.startswith(stem[:2]))


# A determiner or pronoun that opens a clause (`घायल- एक की मौत`, `गिरफ्तार- यह मामला …`)
_DETERMINERS = frozenset("यह ये वह वे इस उस इन उन".split())


def _clause_opens_after(before: str, after: str) -> bool:
    """The word after the hyphen is a number word or a determiner (एक, दो, यह, उस) and the word before
    is neither: no compound ends so (दो-तीन, एक-एक are the number's own), so the hyphen is a dash
    between two clauses (`28 यात्री घायल- एक की मौत`), which joining would glue into one word. A dash
    or a colon: the writer's call, a hint."""
    def opens(word: str) -> bool:
        return word in _DETERMINERS or ("hi", fold(word)) in load_numerals().words
    return opens(after) and not opens(before)


def _written_whole(text: str) -> frozenset[str]:
    """The compounds the article writes whole (ओपन-सोर्स)."""
    return frozenset(m.group() for m in matches_at(_WHOLE, text, _whole_starts(text)))


def _split_compounds(text: str) -> list[re.Match]:
    """What `_PATTERN.finditer(text)` gives, the pattern tried only where a match can start."""
    return matches_at(_PATTERN, text, _starts(text))


class HyphenSpace(Check):
    """A space on one side of a hyphen inside a compound.

    Anti-pattern:  ओपन -सोर्स एआई       ओपन- सोर्स एआई
    Fix:           ओपन-सोर्स एआई
    After a verb that ends a clause (`जरूरी है- यह`, a future `स्कूल खुलेंगे -इंदिरा …`) or a word
    that opens a list (`जैसे- …`) the hyphen is a dash: the fix is ` – `, unsafe; after a place the
    glossary lists (`नई दिल्ली- पीवी …`) it is a dateline's colon: the fix is `: `, unsafe. A desk or dateline label (`स्पोर्ट्स डेस्क- आईपीएल
    में …`), a label of two to four words opening its line (`आयु सीमा- 18 से 25 वर्ष`, a speaker tag
    in any line: `नेता बोले- …`, `विशेषज्ञ कहते हैं- …`), a label noun after a genitive in any line
    (`अभिनेता का नाम- …`: the hyphen a colon before the name), a list item's number opening its line or
    sentence (`… है। 3- केरल …`), one word opening its line where the page opens three or more lines so
    (`सिंह- …`, `कन्या- …`: a horoscope's signs), a spec list and page chrome are left alone;
    so is any finite form of a verb of saying before the hyphen (`वह कहती- हिम्मत है तो …`) on a page
    that tags its quotes with a hyphen elsewhere (`ने कहा- …`): the page's habit, a colon before speech.
    After an oblique plural (`दो तेल कंपनियों- रोसनेफ्ट और …`) no compound starts: the hyphen is a dash
    before what the plural names, and the dash is only shown (a colon may fit as well); so it is before
    a number word or a determiner after a word that is neither (`28 यात्री घायल- एक की मौत`: two clauses).
    Fix safety: safe where the article writes the compound whole elsewhere (its own spelling);
    unsafe otherwise, since a hyphen spaced on one side is also a dash after a clause or a dateline
    (`स्कूल खुलेंगे -इंदिरा गांधी …`, `नई दिल्ली- पीवी …`), which joining would make a compound.
    """

    code = "FMT002"
    name = "hyphen-space"
    category = "formatting"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        written = None  # the compounds the article writes whole, read once when first needed
        habit = None  # whether the page tags a quote with a hyphen after a verb of saying
        labels = None  # whether the page opens three or more lines with one word and a hyphen
        for m in _split_compounds(text):
            hyphen = text.index("-", m.end(1))
            if ctx.conventions.kind(hyphen, hyphen + 1) in (KICKER, SPEC_LINE, CHROME, URL, ENGLISH_LINE):
                continue
            if (_label_hyphen(ctx.line_view, m.start(), hyphen) or _speaker_tag(text, m.start(), m.group(1), hyphen)
                    or _genitive_label(text, m.start(), m.group(1), hyphen)
                    or _list_marker(text, m.start(), m.group(1), hyphen)):
                continue
            if labels is None:
                labels = next(islice(_LINE_LABEL.finditer(ctx.line_view), 2, None), None) is not None
            if _line_label(ctx.line_view, m.start(), hyphen, labels):
                if written is None:
                    written = _written_whole(text)
                if f"{m.group(1)}-{m.group(2)}" not in written:
                    continue  # a compound the article writes whole elsewhere (सर्दी-जुकाम) is still read
            if text[hyphen - 1] != " " and _SAYING_FORM.fullmatch(m.group(1)):
                if habit is None:
                    habit = _TAG_HABIT.search(text) is not None
                if habit:
                    continue  # वह कहती- हिम्मत …: a tag like the page's others, not a compound
            if m.group(1) in _DASH_BEFORE or m.group(1).endswith(_FUTURE):
                fixed = f"{m.group(1)} – {m.group(2)}"
                yield ctx.finding(
                    self, m.start(), m.end(),
                    f"no compound ends in '{m.group(1)}'; the hyphen after it is a dash: '{fixed}'",
                    [Fix(m.start(), m.end(), fixed, applicability=UNSAFE)],
                )
                continue
            if fold(m.group(1)) in ctx.glossary.place_keys and text[hyphen - 1:hyphen] != " ":
                fixed = f"{m.group(1)}: {m.group(2)}"  # नई दिल्ली- पीवी …: a dateline's colon, no compound
                yield ctx.finding(
                    self, m.start(), m.end(),
                    f"after the place '{m.group(1)}' the hyphen stands for a dateline's colon: '{fixed}'",
                    [Fix(m.start(), m.end(), fixed, applicability=UNSAFE)],
                )
                continue
            # A hyphen no compound can take is a dash, shown: before the names after an oblique plural
            # (तेल कंपनियों- रोसनेफ्ट और …), or between two clauses (28 यात्री घायल- एक की मौत)
            if _plural_before_dash(m.group(1), m.group(2)):
                why = f"no compound starts with the oblique plural '{m.group(1)}'; the hyphen after it is a dash"
            elif _clause_opens_after(m.group(1), m.group(2)):
                why = (f"no compound ends in a number or a determiner ('{m.group(2)}'); the hyphen before it "
                       "is a dash between clauses")
            else:
                why = ""
            if why:
                fixed = f"{m.group(1)} – {m.group(2)}"
                yield ctx.finding(self, m.start(), m.end(), f"{why}: '{fixed}'",
                                  [Fix(m.start(), m.end(), fixed, applicability=DISPLAY_ONLY)])
                continue
            fixed = f"{m.group(1)}-{m.group(2)}"
            # Safe only where the article itself writes the compound whole: a spaced hyphen is also
            # a dash between a clause and a name (`स्कूल खुलेंगे -इंदिरा …`) or after a dateline
            # (`नई दिल्ली- पीवी …`), where joining the words makes a compound nobody wrote.
            if written is None:
                written = _written_whole(text)
            attested = fixed in written
            yield ctx.finding(
                self, m.start(), m.end(),
                f"a compound's hyphen takes no space: '{fixed}'",
                [Fix(m.start(), m.end(), fixed, applicability=SAFE if attested else UNSAFE)],
            )
