"""The conventions model asks its cheap questions first: its ASCII hints (image credits, `Read More`,
web addresses, date stamps) in the text's ASCII bytes, a line's kicker marks in the line's own text,
its letters counted in one marked copy of the bytes, the chrome pattern only on a line that can open
one. Each answer must be the one the original asked of the whole text; the original methods are kept
here as the reference and run on the seeds, the samples and random strings of the characters involved.
"""

from __future__ import annotations

import random
import re

from conftest import SAMPLES, SEEDS

from audit.core import conventions as C
from audit.core.document import parse_article
from audit.lint.checks.base import Context


class _Original(C.Conventions):
    """The methods as they were: every hint searched for in the str, every line sliced from the text,
    the address pattern run over the whole text."""

    @property
    def inline(self):
        text = self.text
        spans = [C.Span(m.start(), m.end(), C.GLOSS) for m in C._BRACKET.finditer(text) if self._is_gloss(m)]
        if self._may_have_address():
            spans += [C.Span(m.start(), m.end(), C.URL) for m in C._URLISH.finditer(text)]
        for line_no, (start, end) in enumerate(self.lines):
            kicker = self._kicker(line_no)
            if kicker:
                spans.append(C.Span(start, kicker, C.KICKER))
        spans += self._inline_chrome()
        if ":" in text and (C._LIST_ITEM_DOT.search(text) or C._LIST_ITEM_BRACKET.search(text)):
            spans += [C.Span(m.start(), m.end(), C.KICKER) for m in C._LIST_KICKER.finditer(text)
                      if self._after_sentence_end(m.start())]
        return sorted(spans, key=lambda s: (s.start, s.end))

    def _inline_chrome(self):
        text, spans = self.text, []
        if any(hint in text for hint in C._CREDIT_HINTS):
            for m in C._CREDIT_MARK.finditer(text):
                line_start, _ = self.line_span(m.start())
                before = C._CREDIT_BEFORE.search(text, max(line_start, m.start() - 60), m.start())
                after = C._CREDIT_AFTER.match(text, m.end())
                spans.append(C.Span(before.start() if before else m.start(), after.end() if after else m.end(),
                                    C.CHROME))
        if "Read" in text or "READ" in text:
            spans += [C.Span(m.start(), m.end(), C.CHROME) for m in C._READ_MORE.finditer(text)]
        if "Continue" in text or "CONTINUE" in text:
            spans += [C.Span(m.start(), m.end(), C.CHROME) for m in C._CONTINUE_READING.finditer(text)]
        if "Read" in text or "पढ़े" in text:
            spans += [C.Span(m.start(), m.end(), C.CHROME) for m in C._RELATED_RUN_IN.finditer(text)
                      if self._after_sentence_end(m.start()) and self.line_span(m.start())[0] != m.start()]
        return spans

    def _may_have_address(self):
        text = self.text
        if "@" in text or "#" in text or (":" in text and "://" in text):
            return True
        dot = text.find(".")
        while dot >= 0:
            if text.startswith(C._DOT_HINTS, dot + 1):
                return True
            dot = text.find(".", dot + 1)
        return any(C._DATE_STAMP.match(text, start) for start, _ in self.lines)

    def _kicker(self, line_no):
        start, end = self.lines[line_no]
        text = self.text
        if text.find(":", start, end) < 0 and text.find("-", start, end) < 0 and text.find("–", start, end) < 0:
            return None
        stamp = C._STAMP_PREFIX.match(text, start, end)
        if stamp:
            start = stamp.end()
        m = C._SYNDICATED.match(text, start, end) if text.find("--", start, end) >= 0 else None
        if m:
            return m.end()
        m = C._KICKER.match(text, start, end)
        line = text[self.lines[line_no][0] : end]
        if (m is None or len(m.group(1).split()) > 8) and ":" in line and line.lstrip()[:1].isascii():
            long = C._LONG_KICKER.match(text, start, end)
            if long and len(long.group(1).split()) <= 12:
                return long.end()
        if not m or m.end() >= end:
            return None
        label = m.group(1).strip()
        words = label.split()
        if not words or len(words) > 8:
            return None
        deva, latin = C._letters(label)
        if latin and not deva:
            return m.end()
        if len(words) > 5:
            return None
        hyphen = any(c in "-–" for c in text[m.end(1) : m.end()])
        if (deva and hyphen and C._DEVA_LETTERS.search(text, m.end(), end)
                and ((len(words) <= 3 and (words[-1] in C._DESKS or re.search(r"[\d,]", label)))
                     or C._DATELINE.fullmatch(label))):
            return m.end()
        return None

    @property
    def line_kinds(self):
        return [self._original_kind(self.text[s:e]) for s, e in self.lines]

    def _original_kind(self, line):
        stripped = line.strip()
        if not stripped:
            return None
        if C._CHROME.match(stripped):
            return C.CHROME
        return self._line_kind(line, C.latin_count(stripped))


PIECES = ["क", "य", "इ", "प", "द", "व", "ये भी पढ़ें", "पढ़े", "विज्ञापन", "२", "1", " ", "\t", "\u00a0", "\n", "\r\n",
          ":", "-", "–", " - ", "--", "|", " | ", "।", "?", ".", "@", "#", "://", ".com", ".in", "x.co", "Read",
          "READ", "Read More", "Also Read - ", "Continue reading", "Image Source : ", "Photo credit- ", "Source",
          "courtesy", "CREDIT", "Date", "updated:", "Published", "posted", "poſted", "publıshed", "ted", "By", "home",
          "Home » ", "share", "a@b.co", "@handle", "#टैग", "x.in/y", "https://a.b/c", "bpsc.bih.nic.in", "a.org",
          "Date: 12/5", "\nupdated 4:30", "\n Posted: 5", "me@x.net", ".com", "Join Channel", "Market Update", "12:30", "2024", "a", "Z", "ABC Pvt Ltd", "डेस्क",
          "पटना, 4 मार्च", "2. Bike X: ", "(ISRO)", "(भाषा)", "\u200b", "ſ", "•", "* ", " - ", "- ", " -", "–", " – ",
          "खेल डेस्क- ", "मई 20 -- ", " -- ", "\n- ", "\n• ", "\n  * ", "Market Update: ", "ओपन-सोर्स",
          " date 2025-10-10 ", "ED raids 12 places in three states: ", "नई दिल्ली, 13 मई - "]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    made = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]
    return made + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]


def test_conventions_answer_what_the_original_questions_answered():
    for text in _texts(20_000, 11):
        new, old = C.Conventions(text), _Original(text)
        assert new.inline == old.inline
        assert new.line_kinds == old.line_kinds
        assert new._may_have_address() == old._may_have_address()


def test_the_article_shares_its_ascii_bytes_with_the_conventions():
    for text in _texts(300, 12):
        article = parse_article(text)
        ctx = Context(article, None, None)
        assert ctx.conventions.ascii is article.ascii_text
        assert article.ascii_text == text.encode("ascii", "replace")
        assert ctx.conventions.inline == _Original(text).inline
