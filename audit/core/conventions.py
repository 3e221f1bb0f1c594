"""Hindi news conventions the checks must not mistake for artifacts, found once per article.

Hindi news pages gloss a term in English in brackets (`शेयर बाजार (Share Market)`), put an acronym
after the full name (`भारतीय अंतरिक्ष अनुसंधान संगठन (ISRO)`), add SEO titles in brackets
(`(India vs England)`), start paragraphs with an English kicker (`Market Update: सेंसेक्स चढ़ा`),
carry English-only lines (a caption, a byline, an embedded tweet), `label: value` spec lists,
headline and standfirst lines, agency datelines (`पटना, 4 मार्च (भाषा)`) and page chrome
(`ये भी पढ़ें`, `Also Read`, `2 / 6`). Each check asks this model instead of guessing for itself.

Everything here is offsets into the original text; nothing is normalised in place.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from audit.core import cached_property
from itertools import islice

GLOSS = "gloss"  # a bracketed gloss: English, an acronym, a name, an SEO title, an agency
URL = "url"  # a web address, a hashtag or a handle
KICKER = "kicker"  # `Market Update:` / `स्पोर्ट्स डेस्क-` opening a paragraph
ENGLISH_LINE = "english-line"  # a caption, byline, summary or tweet in English
SPEC_LINE = "spec-line"  # `डिस्प्ले: 6.7 इंच` / `- कीमत - 9 लाख रुपए`
HEADLINE = "headline"  # a title, sub-head or standfirst line: no sentence end of its own
CHROME = "chrome"  # related links, slide and view counters, "Don't Miss"
LINE_KINDS = (ENGLISH_LINE, SPEC_LINE, HEADLINE, CHROME)

_DEVA_LETTERS = re.compile(r"[\u0904-\u0939\u0958-\u0961]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")
# A bracket opened after a word (optionally a quote and a space) and closed within 120 characters.
_BRACKET = re.compile(r"\(([^()]{1,120})\)")
_URLISH = re.compile(
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address, before its @domain reads as a handle
    r"|https?://\S+|\b(?:[\w-]+\.){1,4}(?:com|in|org|net|co)(?:/\S*)?|[#@][\w\u0900-\u097F]+"  # bpsc.bih.nic.in
    r"|(?im:^[ \t]*(?:date|updated|published|posted)\b[ \t:]*\d[\d\-/:., ]*)"  # a date stamp opening a line
)
# What every alternative of _URLISH needs to match: an @ or #, "://", a ".co"/".in"/".org"/".net"
# (case as written), or a date-stamp word opening a line. Most articles have none, and the
# pattern itself costs a millisecond per article (its e-mail branch reads every word to its end).
_URL_HINTS = ("@", "#", "://", ".co", ".in", ".org", ".net")
_DOT_HINTS = tuple(hint[1:] for hint in _URL_HINTS if hint.startswith("."))
# matched at each line's start (a line of the text split at "\n": where MULTILINE's ^ matches)
_DATE_STAMP = re.compile(r"(?i:[ \t]*(?:date|updated|published|posted)\b)")
# A kicker: up to five words before a colon, or a spaced or glued hyphen, at a paragraph's start
# (matched from a line's start offset, or from after a date stamp opening the line: `date 2025-10-10 ED raids: ...`)
_KICKER = re.compile(r"[ \t]*(?:[-•*][ \t]*)?([^\n:।.!?]{1,48}?)[ \t]*(?::|\s[-–]\s|[-–]\s|\s[-–](?=\S))")
# A long English kicker, a headline run into its paragraph: up to twelve Latin words (80 characters) and a
# colon, the Hindi text right after it (`ED raids 12 places in three states: ईडी ने ...`)
_LONG_KICKER = re.compile(r"[ \t]*([A-Za-z0-9][^\n:।.!?\u0900-\u097F]{0,79}?)[ \t]*:[ \t]*(?=[\u0900-\u097F])")
# A date stamp opening a line (the page's template), what _URLISH reads as an address: a kicker may follow it
_STAMP_PREFIX = re.compile(_DATE_STAMP.pattern + r"[ \t:]*\d[\d\-/:., ]*")
# An agency dateline's label before its hyphen: a place, a comma and a date (`नई दिल्ली, 13 मई`, `पटना, मई 4`)
_DATELINE = re.compile(r"[^,\d]{1,30},[ \t]*(?:\d{1,2}[ \t]+[\u0900-\u097F]+|[\u0900-\u097F]+[ \t]+\d{1,2})(?:[ \t]+\d{4})?")
# What every kicker (and dateline) opens with: after the kicker's optional bullet and spaces, a run of
# characters none of which ends the label or the sentence, up to a colon or a hyphen or dash (a label's
# end, by each of its ways, is the first of those; none of its characters ends a sentence). Matched first:
# a greedy run of a class, where the kicker's lazy label is tried at each of up to 48 lengths, each four
# ways, on a line that writes a hyphen in a later sentence (most lines that write one).
_KICKER_HEAD = re.compile("[ \t]*(?:[-•*][ \t]*)?[^\n:।.!?\u2013-]*[:\u2013-]")
# A syndication feed's dateline: a place (and edition), a date, then a double hyphen
_SYNDICATED = re.compile(r"[ \t]*[^\n।.!?]{1,50}?\d[^\n।.!?]{0,10}?[ \t]--[ \t]")
_CHROME = re.compile(
    # (ये भी पढ़े: the label with its anusvara dropped, as pages also write it)
    r"^\s*(?:also read|read more|related|don't miss|dont miss|trending|ये भी पढ़ें?|यह भी पढ़ें?|ये भी देखें|"
    r"यह भी देखें|इसे भी पढ़ें?|पढ़ें|देखें|write a comment|share|advertisement|विज्ञापन)(?![\w\u0900-\u097F])"
    r"|^\s*\d+\s*/\s*\d+\s*$|^\s*(?:by|BY)\s*[:-]"
    # a credit line naming where the story came from: `सौजन्य : Example Times – एक्ज़ाम्पल टाइम्स`, `Source: ...`
    r"|^\s*(?:सौजन्य|स्रोत|courtesy|source)\s*[:\-–]"
    # a site's copyright footer: `© 2025 Example News, All Rights Reserved`, `Copyright 2024 ...`
    r"|^\s*(?:©|copyright\s*(?:©|\(c\)|\d{4}))"
    # a line of counters alone (views, comments: `0  17`), no word on it, or a view count in words
    # (`( 2252 बार पढ़ी गयी)`)
    r"|^\s*\d+(?:[ \t]+\d+)+\s*$"
    # the page's English date line alone: `Wednesday , January 15 2025`, `Monday, 3 March, 2025`
    r"|^\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s*(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)(?:\s+\d{1,2})?\s*,?\s*(?:\d{4})?\s*$"
    r"|^\s*\(?\s*[\d,]+\s*बार\s+(?:पढ़ी|पढ़ा|देखी|देखा)\s+(?:गयी|गई|गया)\s*\)?\s*$"
    # a breadcrumb: `Home » बिज़नेस » ...`, or `Home` glued to the category and the title after it
    r"|^\s*home\s*(?:[»>›/|]|(?=[\u0900-\u097F]))"
    # a channel-join line, a site's invitation: `Please Join Whatsapp Channel`, `Whatsapp Group join`
    r"|^\s*(?:please\s+)?(?:join|follow)(?:\s+(?:our|us\s+on|the))?(?:\s+[A-Za-z]+)?\s+(?:channel|group)s?\b"
    r"|^\s*[A-Za-z]+\s+(?:channel|group)\s+join\b"
    # a site's membership appeal, a whole line in brackets: `(Example Hindi, हर खबर पर ... आज ही मेंबर बनें ...)`
    r"|^\s*\([^()\n]{0,300}?(?:मेंबर|मेम्बर|सदस्य)\s+बनें[^()\n]{0,300}\)\s*$"
    # a social-media invitation, a line of its own with no sentence end: `Facebook पे हमारे पेज को लाइक
    # करने के लिए क्लिक करिये`, `ट्विटर पर हमें फॉलो करें`
    r"|^\s*(?:facebook|twitter|instagram|youtube|telegram|फेसबुक|ट्विटर|इंस्टाग्राम|यूट्यूब|टेलीग्राम)"
    r"(?![\w\u0900-\u097F])[^\n।.!?]{0,80}?(?:लाइक|फॉलो|सब्सक्राइब|like|follow|subscribe)[^\n।.!?]*$",
    re.IGNORECASE,
)
_STAMP = re.compile(r"\d:\d\d|\d\d\d\d")  # a clock time or a year in a byline
# A byline's time stamps: `Publish:` or `Updated:` and a date with a clock time after it (the two are
# often the same time by design: the page's template prints both)
_BYLINE_TIMES = re.compile(r"(?i:publish(?:ed)?|updated|posted)(?:\s+on)?\s*:\s*[^\n]{0,30}?\d\d?:\d\d")
# An image credit run into a caption line: `... नारे लगे- Example TV Hindi Image Source : EXAMPLE TV`
# (the site's name before the marker belongs to it, hyphen and all); and `Read More` glued to the
# last sentence of an excerpt. Both are page chrome inside a line of text.
# (any case: captions also write `photo source- Example`)
_CREDIT_MARK = re.compile(r"\b(?i:image|photo|picture|pic)s?\s*(?i:source|credits?|courtesy)\s*[:\-–]\s*")
_CREDIT_BEFORE = re.compile(r"(?:[-–|]\s*)?(?:[A-Z][\w.&']*\s+){1,4}$")
_CREDIT_AFTER = re.compile(r"(?:[A-Za-z][\w.&'-]*(?:[ \t]+|(?=\s)|$)){1,4}")  # `Image Credit : twitter` too
_CREDIT_HINTS = ("Source", "Credit", "Courtesy", "source", "credit", "courtesy", "SOURCE", "CREDIT")
_CREDIT_HINT = re.compile("|".join(_CREDIT_HINTS).encode())  # searched for in `Conventions._latin_words`
# A numbered list item's Latin sub-head run into the paragraph after a sentence end (the CMS
# joined the list): `... देती है। 2. Sample Bike X: सबसे ज्यादा ...` is a kicker, not prose.
# It opens with the digit and looks behind after it (the digit's own place, two characters back),
# so the engine searches for a digit instead of trying the look-behind at every position.
_LIST_KICKER = re.compile(r"\d(?<![\w.]\d)\d?[.)][ \t]+[A-Z][A-Za-z0-9&'-]*(?:[ \t]+[A-Za-z0-9&'-]+){0,4}[ \t]*:")
# What every list kicker holds: its number's point or bracket, the space and the capital after it. Found
# by searching for the point or bracket (few), where the kicker's own search tests every character for a digit;
# one pattern each, as a pattern that opens with one character is searched for by a compiled scan, one that
# opens with a class ([.)]) by testing every character against it
_LIST_ITEM_DOT = re.compile(r"\.[ \t]+[A-Z]")
_LIST_ITEM_BRACKET = re.compile(r"\)[ \t]+[A-Z]")
_READ_MORE = re.compile(r"(?:Read More|Read more|READ MORE|Also Read)[ \t]*$", re.MULTILINE)
# A feed teaser's link after its cut-off excerpt: `... बाकी … Continue reading (next headline)`, anywhere in a
# line (the next teaser's title follows it); a Hindi article never says it in its own voice.
_CONTINUE_READING = re.compile(r"Continue [Rr]eading|CONTINUE READING")
# A related link run into a paragraph after a sentence end, to the line's end:
# `... लॉन्च हुआ है। Also Read - Mi, Redmi के फोन ...` (the start of a line is _CHROME's).
_RELATED_RUN_IN = re.compile(r"(?:Also Read|Read Also|ये भी पढ़ें?|यह भी पढ़ें?|इसे भी पढ़ें?)[ \t]*[-–:][^\n]*")
# A related story's headline in brackets after a sentence end, to the line's end: `... प्रतिक्रिया दी। (नेता ने
# दर्ज किया मुकदमा )`: a teaser the site links there, four words or more with no sentence end of its own.
_BRACKET_TEASER = re.compile(r"\(([^()\r\n।|?!]{8,200})\)[ \t]*(?=[\r\n]|\Z)")
_DESKS = frozenset("डेस्क ब्यूरो न्यूज़ न्यूज".split())
# The last word of a section's label before a colon opening a paragraph (`हेल्थ टिप्स: …`): a kicker
_TOPIC_HEADS = frozenset("टिप्स ट्रिक्स".split())
_SENTENCE_END = "।॥.?!\"'”’)|"
_SENTENCE_ENDS = tuple(_SENTENCE_END)
_SPEC = re.compile(r"^(?:[-•*]\s*)?[^:\n]{1,40}?\s*(?::|\s[-–]\s)\s*\S")  # `label: value`, `label - value`


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def _letters(text: str) -> tuple[int, int]:
    return len(_DEVA_LETTERS.findall(text)), latin_count(text)


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def latin_count(text: str) -> int:
    """`len(_LATIN_LETTERS.findall(text))`: the text's ASCII (encoded, the rest dropped) less its
    letters. Two compiled passes over the bytes, where the regex tests every character of a line
    of Hindi against its class (a tenth of the time; every line of an article is counted)."""
    ascii_part = text.encode("ascii", "ignore")
    return len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))


def _at_most(pattern: re.Pattern, text: str, limit: int) -> bool:
    """Whether `pattern` matches `text` at most `limit` times; stops reading at the one after."""
    return next(islice(pattern.finditer(text), limit, None), None) is None


# What a line of page chrome (_CHROME, each branch anchored at the stripped line's start) can open with
# among the Devanagari characters: ये/यह, इसे, पढ़ें, देखें, विज्ञापन, फेसबुक, ट्विटर/टेलीग्राम, सौजन्य/स्रोत, and a digit (\d).
# A line opening with any other Devanagari character is no chrome line, with no match tried (most lines of a Hindi article).
_CHROME_DEVANAGARI_OPENINGS = frozenset("यइपदवफटस०१२३४५६७८९")
_DOT_HINT_BYTES = tuple(hint.encode() for hint in _DOT_HINTS)
# What a line holding a date stamp opens with: a space or a tab, or the first letter of one of its words
# (no other character matches d, u or p case-insensitively); an empty line is tried too ("" is in any str)
_DATE_STAMP_OPENINGS = " \tdDuUpP"
# every ASCII letter (what _LATIN_LETTERS matches) to "A", every other byte to a space: a line's letters
# are the marks counted in its stretch (`words.sentences_with_latin` finds the letters by the same marks)
LATIN_LETTER_MARKS = bytes(65 if chr(b) in _ASCII_LETTERS.decode() else 32 for b in range(256))
_LETTERS_KEPT = bytes(b if chr(b) in _ASCII_LETTERS.decode() else 32 for b in range(256))  # the rest a space


class Conventions:
    """The convention spans of one text: inline (glosses, addresses) and whole lines."""

    def __init__(self, text: str, ascii_text: bytes | None = None):
        """`ascii_text`: `text.encode("ascii", "replace")`, where the caller has it (the article's)."""
        self.text = text
        self._ascii = ascii_text
        self.lines: list[tuple[int, int]] = []
        self._texts = text.split("\n")  # each line's text (kept: the questions below read lines often)
        pos = 0
        for line in self._texts:
            self.lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        if "\r" in text:  # CRLF: a line's text and span end before its "\r", as a headline's sentence does
            self._texts = [line[:-1] if line[-1:] == "\r" else line for line in self._texts]
            self.lines = [(start, start + len(line)) for (start, _), line in zip(self.lines, self._texts)]
        self._line_starts = [s for s, _ in self.lines]

    @property
    def ascii(self) -> bytes:
        """The text as one byte per character, each ASCII character itself and any other "?": an ASCII
        string is in the text where it is in these bytes, at the same offset, and a bytes search reads
        one byte a character (a str search of a Hindi text reads two)."""
        if self._ascii is None:
            self._ascii = self.text.encode("ascii", "replace")
        return self._ascii

    # --- inline spans --------------------------------------------------------------------

    @cached_property
    def inline(self) -> list[Span]:
        text = self.text
        spans = [Span(m.start(), m.end(), GLOSS) for m in _BRACKET.finditer(text) if self._is_gloss(m)]
        if self._may_have_address():
            # no match runs across a line end (no alternative matches a newline), so the pattern reads
            # only the lines that have what it needs (one or two; its e-mail branch reads every word)
            for start, end in self._address_lines():
                spans += [Span(m.start(), m.end(), URL) for m in _URLISH.finditer(text, start, end)]
        for line_no, (start, end) in enumerate(self.lines):
            kicker = self._kicker(line_no)
            if kicker:
                spans.append(Span(start, kicker, KICKER))
        spans += self._inline_chrome()
        if ":" in text and (_LIST_ITEM_DOT.search(text) or _LIST_ITEM_BRACKET.search(text)):
            spans += [Span(m.start(), m.end(), KICKER) for m in _LIST_KICKER.finditer(text)
                      if self._after_sentence_end(m.start())]
        return sorted(spans, key=lambda s: (s.start, s.end))

    def _after_sentence_end(self, offset: int) -> bool:
        """Whether only spaces stand between `offset` and a sentence end or the line's start."""
        before = self.text[self.line_span(offset)[0] : offset].rstrip(" \t")
        return not before or before.endswith(("।", "?", "!", "."))

    def _inline_chrome(self) -> list[Span]:
        """Image credits, a glued `Read More`, a related link run into a paragraph and a related story's
        headline in brackets closing one (most articles have none of their words: no search)."""
        text, spans = self.text, []
        latin = self._latin_words
        if _CREDIT_HINT.search(latin):  # any(hint in text for hint in _CREDIT_HINTS)
            for m in _CREDIT_MARK.finditer(text):
                line_start, _ = self.line_span(m.start())
                before = _CREDIT_BEFORE.search(text, max(line_start, m.start() - 60), m.start())
                after = _CREDIT_AFTER.match(text, m.end())
                spans.append(Span(before.start() if before else m.start(), after.end() if after else m.end(), CHROME))
        read = latin.find(b"Read") >= 0  # ("Read" in text)
        if read or latin.find(b"READ") >= 0:
            spans += [Span(m.start(), m.end(), CHROME) for m in _READ_MORE.finditer(text)]
        if latin.find(b"Continue") >= 0 or latin.find(b"CONTINUE") >= 0:
            spans += [Span(m.start(), m.end(), CHROME) for m in _CONTINUE_READING.finditer(text)]
        if read or "पढ़े" in text:
            spans += [Span(m.start(), m.end(), CHROME) for m in _RELATED_RUN_IN.finditer(text)
                      if self._after_sentence_end(m.start()) and self.line_span(m.start())[0] != m.start()]
        if ")" in text:
            spans += [Span(m.start(), m.end(), CHROME) for m in _BRACKET_TEASER.finditer(text)
                      if len(m.group(1).split()) >= 4 and self.line_span(m.start())[0] != m.start()
                      and self._after_sentence_end(m.start())]
        return spans

    def _may_have_address(self) -> bool:
        """Whether the text has what some alternative of _URLISH needs (see _URL_HINTS). A search
        for each hint, and for a date stamp from every position, read the whole article seven
        times over; a single character is found at memchr speed, and the stamp is tried at line starts."""
        text, ascii = self.text, self.ascii
        # (in the ASCII bytes, with `find`: a str's `find` of @, # or . stops at every Devanagari letter
        # sharing its low byte, ी, ण, म; a bytes `in` tries its operand as an int first, raising and clearing a TypeError)
        if ascii.find(b"@") >= 0 or ascii.find(b"#") >= 0 or (ascii.find(b"/") >= 0 and ascii.find(b"://") >= 0):
            return True
        dot = ascii.find(b".")
        while dot >= 0:
            if ascii.startswith(_DOT_HINT_BYTES, dot + 1):
                return True
            dot = ascii.find(b".", dot + 1)
        return any(line[:1] in _DATE_STAMP_OPENINGS and _DATE_STAMP.match(text, start)
                   for line, (start, _) in zip(self._texts, self.lines))

    def _address_lines(self) -> list[tuple[int, int]]:
        """(start, end) of each line that has what some alternative of _URLISH needs (`_may_have_address`,
        asked of the line)."""
        found = []
        for line, span in zip(self._texts, self.lines):
            if "@" in line or "#" in line or "://" in line or _DATE_STAMP.match(line):
                found.append(span)
                continue
            dot = line.find(".")
            while dot >= 0:
                if line.startswith(_DOT_HINTS, dot + 1):
                    found.append(span)
                    break
                dot = line.find(".", dot + 1)
        return found

    @cached_property
    def _latin_words(self) -> bytes:
        """The text's runs of ASCII letters, joined by spaces: a Latin word (Source, Read) is in the text
        where it is in these few bytes (a word of letters lies inside one run, and the spaces keep two runs
        apart). A search of a Hindi text for one reads every character: most Devanagari characters pass
        the search's filter for skipping ahead, as they share its low bits with a letter of the word."""
        return b" ".join(self.ascii.translate(_LETTERS_KEPT).split())

    @cached_property
    def _inline_starts(self) -> list[int]:
        return [s.start for s in self.inline]  # built once: a list per question made every check quadratic

    def _is_gloss(self, m: re.Match) -> bool:
        inside = m.group(1)
        if not _DEVA_LETTERS.search(inside):
            # (Share Market), (ISRO), (India vs England), (silver rate today); not (1), (2024): numbering
            return _LATIN_LETTERS.search(inside) is not None
        # (इसरो), (सीपीआई), (भाषा), (एक्स-शोरूम, दिल्ली), (प्रज्ञान): a short gloss or an agency
        return len(inside.split()) <= 4

    def _kicker(self, line_no: int) -> int | None:
        """End offset of a kicker opening this line: English words, or a desk/dateline label."""
        line = self._texts[line_no]
        if ":" not in line and "-" not in line and "–" not in line:
            return None  # each way a kicker ends holds one of them (most lines: no lazy match tried at each letter)
        start, end = self.lines[line_no]
        text = self.text
        stamp = _STAMP_PREFIX.match(text, start, end) if line[:1] in _DATE_STAMP_OPENINGS else None
        if stamp:
            start = stamp.end()  # the kicker after the page's date stamp (which may hold a colon or a point)
        if _KICKER_HEAD.match(text, start, end) is None:
            return None  # (a dateline's -- is two hyphens before any sentence end: it has this opening too)
        # the dateline's lazy runs are tried up to 50 x 10 ways from the line's start: only on a line
        # with the double hyphen it ends in (few)
        m = _SYNDICATED.match(text, start, end) if "--" in line else None
        if m:
            return m.end()  # प्रयागराज - फूलपुर, मई 20 -- : a syndication feed's dateline
        m = _KICKER.match(text, start, end)
        if (m is None or len(m.group(1).split()) > 8) and ":" in line and line.lstrip()[:1].isascii():
            long = _LONG_KICKER.match(text, start, end)
            if long and len(long.group(1).split()) <= 12:
                return long.end()
        if not m or m.end() >= end:
            return None
        label = m.group(1).strip()
        words = label.split()
        if not words or len(words) > 8:
            return None
        deva, latin = _letters(label)
        if latin and not deva:
            # Market Update:  ChatGPT News:  MG ZS EV :  and two SEO titles in one (the pattern caps
            # its length): CUET Result 2024, DU Admissions 2024:
            return m.end()
        if len(words) > 5:
            return None
        hyphen = any(c in "-–" for c in text[m.end(1) : m.end()])
        if deva and not hyphen and len(words) <= 3 and words[-1] in _TOPIC_HEADS:
            return m.end()  # रिलेशनशिप टिप्स: …: a section's label before the lead, as an English kicker is
        if (deva and hyphen and _DEVA_LETTERS.search(text, m.end(), end)
                and ((len(words) <= 3 and (words[-1] in _DESKS or re.search(r"[\d,]", label)))
                     or _DATELINE.fullmatch(label))):
            return m.end()  # स्पोर्ट्स डेस्क- आईपीएल में ...  पटना, 4 मार्च - ...  नई दिल्ली, 13 मई - (a dateline)
        return None

    # --- whole lines ---------------------------------------------------------------------

    @cached_property
    def line_kinds(self) -> list[str | None]:
        # the ASCII letters of each line counted in one marked copy of the text's ASCII bytes (a line's
        # count is its stripped text's: whitespace is no letter)
        letters = self.ascii.translate(LATIN_LETTER_MARKS)
        return [self._line_kind(line, letters.count(b"A", start, end)) if line else None
                for line, (start, end) in zip(self._texts, self.lines)]

    def _line_kind(self, line: str, latin: int) -> str | None:
        """The kind of a line with `latin` ASCII letters."""
        stripped = line.strip()
        if not stripped:
            return None
        first = stripped[0]
        if ("\u0900" > first or first > "\u097f" or first in _CHROME_DEVANAGARI_OPENINGS) and _CHROME.match(stripped):
            return CHROME  # (each branch is anchored at the start: no search along the line)
        if latin and latin + stripped.count(" ") == len(stripped) and stripped.islower() and stripped.count(" ") < 3:
            return CHROME  # `instagram viewer`: a widget's label or a tag, one to three lower-case Latin words alone
        if "|" in stripped and stripped.count(" | ") >= 2 and _STAMP.search(stripped):
            return CHROME  # `Site Admin | जून 28, 2024 8:23 अपराह्न | नागरिक उड्डयन`: a byline's fields
        if ":" in stripped and len(stripped) < 300 and _BYLINE_TIMES.search(stripped):
            return CHROME  # `By Desk Edited By: Publish:Thu, 04 Jun 2020 09:43 AM (IST) Updated:Thu, ...`
        # latin >= 2 * deva, counting the Devanagari letters (most of a Hindi line) only as far as that needs
        if latin and _at_most(_DEVA_LETTERS, stripped, latin // 2):
            return ENGLISH_LINE
        if stripped.endswith(("।", "?")):
            return None  # neither a spec line nor a headline (a body paragraph): no words to count
        words = stripped.split(None, 16)  # only whether there are at most 14 or 16 words matters
        if len(words) <= 14 and _SPEC.match(stripped):
            return SPEC_LINE  # संभावित कीमत: 9 लाख रुपए / अनुमानित लॉन्च डेट - जून में
        if len(words) <= 16 and not stripped.endswith(_SENTENCE_ENDS):
            return HEADLINE
        return None

    # --- questions the checks ask --------------------------------------------------------

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def line_kind(self, offset: int) -> str | None:
        # line_of inlined: the spelling checks ask once per word of an article with English lines
        return self.line_kinds[bisect.bisect_right(self._line_starts, offset) - 1]

    def line_span(self, offset: int) -> tuple[int, int]:
        return self.lines[self.line_of(offset)]

    def inline_at(self, start: int, end: int) -> Span | None:
        """The inline convention span that holds [start, end), if any."""
        spans = self.inline
        i = bisect.bisect_right(self._inline_starts, start)
        for span in reversed(spans[max(0, i - 8) : i]):
            if span.start <= start and end <= span.end:
                return span
        return None

    def kind(self, start: int, end: int) -> str | None:
        """What convention, if any, the span [start, end) sits in: inline first, then its line; but a
        chrome line is chrome throughout (a bracket on it, `( 2252 बार पढ़ी गयी)`, is no gloss)."""
        line_kind = self.line_kinds[bisect.bisect_right(self._line_starts, start) - 1]
        if self.inline and line_kind != CHROME:  # most articles have no inline span: no search for one
            span = self.inline_at(start, end)
            if span is not None:
                return span.kind
        return line_kind

    def is_convention(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> bool:
        kind = self.kind(start, end)
        return kind is not None and (kinds is None or kind in kinds)

    def whole_line(self, start: int, end: int) -> bool:
        """True when [start, end) is all of its line's text (a headline, a pull-quote, a standfirst)."""
        s, e = self.line_span(start)
        return _bare(self.text[s:e]) == _bare(self.text[start:end])


def _bare(text: str) -> str:
    return text.strip(" \t-•*“”\"'।.")


def find_conventions(text: str, ascii_text: bytes | None = None) -> Conventions:
    """The conventions of `text`; `ascii_text` as `Conventions` takes it."""
    return Conventions(text, ascii_text)
