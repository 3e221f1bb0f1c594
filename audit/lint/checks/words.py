"""Words of one script counted and found by the regex engine and `str.find`, not read one by one.

A word is a maximal run of the script's letters. The article-wide checks (SPELL001, SPELL002)
count every word but look up the places of only the few they report: counting is `findall`
into a Counter (C loops), and the places of a handful of words are `str.find` hits whose
neighbours are not letters. Both answer exactly what a `finditer` over every word answers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import accumulate, chain, repeat
from operator import attrgetter

from audit.core.conventions import CHROME, ENGLISH_LINE, LATIN_LETTER_MARKS
from audit.core.document import Token

_KEY, _TOKENS = attrgetter("key"), attrgetter("tokens")
_CHUNK = 1 << 20  # words are counted a megabyte at a time: a 50 MB article's word list is never held whole
_FIND_AT_MOST = 64  # more words than this are looked up word by word (each `find` reads the whole text)


def runs_of(char_class: str) -> re.Pattern:
    """The pattern for maximal runs of `char_class` (`\\d`, `[A-Z]`) to search a text with:
    `X+` matches what `XX*` matches, but a pattern opening with a repeat is tried at every position
    of the text (the engine's full matching step at each), while one opening with the class is
    searched for by testing each character against it first, about twice as fast."""
    return re.compile(f"{char_class}{char_class}*")


class Words:
    """The words of a script given by a regex character class's body (`"\\u0900-\\u097f"`)."""

    def __init__(self, letters: str):
        self.word = runs_of(f"[{letters}]")
        self._letter = re.compile(f"[{letters}]")
        self._not_letter = re.compile(f"[^{letters}]")

    def counts(self, text: str, spans: Iterable[tuple[int, int]] | None = None) -> Counter:
        """How often each word is written, in order of first use; where `spans` is given, only in
        those (start, end) ranges of the text, in text order, each starting and ending where no
        word runs across (whole lines). Counting is `findall` into a Counter: no word is read in Python."""
        count: Counter = Counter()
        for first, last in [(0, len(text))] if spans is None else spans:
            start = first
            while start < last:
                cut = self._not_letter.search(text, min(start + _CHUNK, last), last)
                end = cut.start() if cut else last
                count.update(self.word.findall(text, start, end))
                start = end
        return count

    def last(self, text: str) -> str | None:
        """The word the text ends in, if it ends in a letter (an excerpt cut mid-word)."""
        if not text or not self._letter.match(text, len(text) - 1):
            return None
        start = len(text) - 1
        while start > 0 and self._letter.match(text, start - 1):
            start -= 1
        return text[start:]

    def places(self, text: str, written: Iterable[str]) -> list[tuple[int, int]]:
        """(start, end) of every whole-word use of the `written` words, in text order."""
        written = list(written)
        if len(written) > _FIND_AT_MOST:
            wanted = set(written)
            return [m.span() for m in self.word.finditer(text) if m.group() in wanted]
        found: list[tuple[int, int]] = []
        for word in written:
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if not self._letter.match(text, end) and not (start and self._letter.match(text, start - 1)):
                    found.append((start, end))
                start = text.find(word, start + 1)
        return sorted(found)


class PerWord(dict):
    """A value per distinct word, worked out when first asked for; `map(memo.__getitem__, words)`
    then looks the known ones up without a Python call each."""

    def __init__(self, work: Callable[[str], object], most: int = 200_000):
        super().__init__()
        self.work, self.most = work, most

    def __missing__(self, word: str):
        if len(self) > self.most:
            self.clear()  # a bound on memory over an endless stream of new words
        got = self[word] = self.work(word)
        return got


DEVANAGARI_LETTERS = "\u0900-\u0963\u0971-\u097f"  # letters and signs, without the joiners (a class body)
DEVANAGARI = Words(DEVANAGARI_LETTERS)
# The same characters as a set, for the checks that walk a word out from one character (a है, a hyphen)
DEVANAGARI_SET = frozenset(map(chr, [*range(0x900, 0x964), *range(0x971, 0x980)]))
# A run of those characters, matched from a place (empty where none stands there)
DEVANAGARI_RUN = re.compile(f"[{DEVANAGARI_LETTERS}]*")


def word_ends(text: str, end: int) -> bool:
    """No Devanagari letter or sign continues the word at `end` (the text ends there, or another
    character comes): a needle found by `str.find` is the whole word, not a longer word's start."""
    return end == len(text) or text[end] not in DEVANAGARI_SET


def word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the Devanagari word holding text[start:end]: walked out from both ends while
    letters and signs of `DEVANAGARI_SET` continue it."""
    while start and text[start - 1] in DEVANAGARI_SET:
        start -= 1
    while end < len(text) and text[end] in DEVANAGARI_SET:
        end += 1
    return start, end


CLAUSE_ENDS = "।.!?|,;:\n"  # a clause ends at one of these (the grammar checks' reading of a clause)
_CLAUSE_BACK = 160  # how far back a clause is read (a clause of a dozen words)


def clause_before(text: str, end: int) -> str:
    """The clause that ends at `end`: the text back to the last mark of CLAUSE_ENDS, at most 160
    characters (GRAM001 reads its subject there, GRAM008 its plural)."""
    window = text[max(0, end - _CLAUSE_BACK):end]
    return window[max(window.rfind(stop) for stop in CLAUSE_ENDS) + 1:]


class Reversed:
    """A text read backwards from a place: the run of `DEVANAGARI_SET` characters that ends there is
    the one `DEVANAGARI_RUN` matches in the reversed text. One match (the text reversed once per
    article that asks), where a walk back made and hashed a one-character string per letter (GRAM001's
    participle before a है, GRAM002's words before a की)."""

    __slots__ = ("text", "reversed")

    def __init__(self, text: str):
        self.text, self.reversed = text, text[::-1]

    def run_start(self, end: int) -> int:
        """Where the run of letters that ends at `end` starts (`end` itself where none does)."""
        back = len(self.text) - end
        return end - (DEVANAGARI_RUN.match(self.reversed, back).end() - back)

    def word_before(self, start: int) -> str:
        """The run of letters that ends one space before `start` ("" where no space stands there)."""
        end = start - 1
        if end <= 0 or self.text[end] != " ":
            return ""
        return self.text[self.run_start(end):end]


# Only spaces or tabs left on the line from a place (matched there: read, not copied): LOOK001's
# pipes at line ends, ANGL003's SEO tags closing a line
LINE_END_AFTER = re.compile(r"[ \t]*(?:[\r\n]|\Z)")  # a lone "\r" ends a line too


# The Devanagari words (`DEVANAGARI`) of a token's text, per distinct text: most tokens are one
# word or none
_TOKEN_WORDS = PerWord(lambda text: tuple(DEVANAGARI.word.findall(text)))


def devanagari_counts(ctx) -> Counter:
    """How often each Devanagari word (`DEVANAGARI`) of the article is written, in order of first
    use: counted once per article for the spelling checks (SPELL001, SPELL002), NUM002 and TERM005.
    Not to be changed.

    Counted from the article's tokens, each distinct token text's words found once: what
    `DEVANAGARI.counts(text)` finds, in the same order, without a regex pass over the whole article.
    Every character of the text but whitespace is in a token (parse_article), and a token ends only at
    whitespace or beside punctuation (indic-nlp's, and the Unicode punctuation peeled off), none of
    which is a Devanagari letter or sign: no word runs across two tokens. A test compares both.
    """
    count = ctx.shared.get("devanagari words")
    if count is None:
        # most tokens are one word, written as the token's whole text, or none (a mark, a number, a Latin
        # word): counted by their texts (`_TOKEN_WORD`: the text, None, or _SEVERAL), without a tuple of
        # words each to chain through; the words of an article with a token of several words (`कि.मी.`,
        # a word and a digit or a joiner), in order of first use, by the tuples
        texts = token_texts(ctx)
        count = Counter(map(_TOKEN_WORD.__getitem__, texts))
        if _SEVERAL in count:
            count = Counter(chain.from_iterable(map(_TOKEN_WORDS.__getitem__, texts)))
        else:
            count.pop(None, None)  # (the other keys keep their order: each word's first use)
        ctx.shared["devanagari words"] = count
    return count


_SEVERAL = "\udffe"  # stands for a token of several words (no word is a lone surrogate)


def _token_word(text: str) -> str | None:
    """The one Devanagari word a token's text is, whole (the text itself); None for a token with no
    word; `_SEVERAL` for any other (several words, or a word with more beside it)."""
    if len(_TOKEN_WORDS) > _TOKEN_WORDS.most:
        _TOKEN_WORDS.clear()  # (its own bound is kept only where it works a word out itself)
    words = _TOKEN_WORDS[text] = tuple(DEVANAGARI.word.findall(text))  # (read where a token has several)
    return None if not words else text if len(words) == 1 and words[0] == text else _SEVERAL


_TOKEN_WORD = PerWord(_token_word)


def outside_english_lines(ctx) -> list[tuple[int, int]]:
    """(start, end) of each run of lines of the article that is not an English line (a caption or
    byline in English): the spelling checks count only the words there. Worked out once per article;
    one range, the whole text, where there is no English line (most articles). Not to be changed."""
    return lines_outside(ctx, (ENGLISH_LINE,))


# An embedded post's attribution line as a page's text keeps it: `— Name (@handle) March 3, 2024`
_POST_BYLINE = re.compile(r"[ \t]*[—–][ \t]*[^\n()@]{1,60}\(@\w")


def embedded_posts(ctx) -> list[tuple[int, int]]:
    """(start, end) of each embedded post (a tweet's block): the line right above a `— Name (@handle)`
    attribution line, and that line. Its words are the poster's, not the desk's: its spelling is neither
    the article's evidence nor the desk's to rewrite. Worked out once per article; none without `(@`."""
    found = ctx.shared.get("embedded posts")
    if found is None:
        found = ctx.shared["embedded posts"] = []
        text = ctx.article.text
        if "(@" in text:
            lines = ctx.conventions.lines
            for i, (start, end) in enumerate(lines):
                if i and _POST_BYLINE.match(text, start, end):
                    found.append((lines[i - 1][0], end))
    return found


def asides(ctx) -> list[tuple[int, int]]:
    """(start, end), in text order, of the embedded posts (`embedded_posts`) and of the page chrome run
    into a line (`Also Read - <another story's headline>` after a paragraph's last sentence, an image
    credit): words that are not the article's own, whose spelling is neither its evidence nor the desk's
    to rewrite. None in most articles."""
    found = ctx.shared.get("asides")
    if found is None:
        chrome = inline_chrome(ctx)
        found = ctx.shared["asides"] = sorted(embedded_posts(ctx) + chrome) if chrome else embedded_posts(ctx)
    return found


def inline_chrome(ctx) -> list[tuple[int, int]]:
    """(start, end), in text order, of the page chrome run into a line (`Conventions.inline`'s CHROME
    spans: a related link after a paragraph's last sentence, an image credit)."""
    return [(span.start, span.end) for span in ctx.conventions.inline if span.kind == CHROME]


def cut_out(ranges: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`ranges` (in text order) less the spans of `cuts` (in text order, none overlapping)."""
    out = []
    for start, end in ranges:
        for cut_start, cut_end in cuts:
            if cut_end <= start or cut_start >= end:
                continue
            if cut_start > start:
                out.append((start, cut_start))
            start = max(start, cut_end)
        if start < end:
            out.append((start, end))
    return out


def lines_outside(ctx, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each run of lines of the article whose kind (`Conventions.line_kinds`) is none
    of `kinds`, adjacent lines joined: worked out once per article and set of kinds. Not to be changed."""
    key = ("lines outside", kinds)
    ranges = ctx.shared.get(key)
    if ranges is None:
        conventions = ctx.conventions
        ranges = []
        for (start, end), kind in zip(conventions.lines, conventions.line_kinds):
            if kind in kinds:
                continue
            if ranges and ranges[-1][1] + 1 == start:  # the line right after the last one kept
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        ctx.shared[key] = ranges
    return ranges


def devanagari_counts_outside_english(ctx) -> Counter:
    """`devanagari_counts` over the lines that are not English lines (`outside_english_lines`), in
    order of first use: counted once per article for SPELL001 and SPELL002. Not to be changed."""
    count = ctx.shared.get("devanagari words outside english lines")
    if count is None:
        count = ctx.shared["devanagari words outside english lines"] = DEVANAGARI.counts(
            ctx.article.text, outside_english_lines(ctx))
    return count


def token_texts(ctx) -> list[str]:
    """The text of each of the article's tokens (`ctx.article.tokens`), in order: read once per
    article (one map) for the checks that look tokens up by text (the word counts, TERM003). Not to
    be changed."""
    return ctx.article.token_texts  # (the article keeps it: the phrase indexes' encoding reads it too)


def token_keys(ctx) -> list[str]:
    """The matching key of each of the article's tokens (`ctx.article.tokens`), in order: read
    once per article (one map, no Python loop) for the checks that look tokens up by key (ANGL001,
    ANGL002). Not to be changed."""
    keys = ctx.shared.get("token keys")
    if keys is None:
        keys = ctx.shared["token keys"] = list(map(_KEY, ctx.article.tokens))
    return keys


class _KeyCodes(dict):
    """One character per word key, the same for the same key, made when first asked for (surrogates
    skipped: a surrogate is never a code); `key_of` reads a code back."""

    def __init__(self):
        super().__init__()
        self.key_of: dict[str, str] = {}

    def __missing__(self, key: str) -> str:
        n = len(self)
        code = self[key] = chr(n + 0x800 if n >= 0xD800 else n)
        self.key_of[code] = key
        return code


_NOT_A_WORD = "\udfff"  # stands for a punctuation token while an article's tokens are coded (never a code)


class _TextCodes(dict):
    """A token text's word code: its key's (`_KeyCodes`) where the token is a word (`Token.is_word`),
    else `_NOT_A_WORD`. A token's key and kind are its text's, so a text answers once."""

    def __init__(self, table: _KeyCodes):
        super().__init__()
        self.table = table

    def __missing__(self, text: str) -> str:
        token = Token.of(0, len(text), text)
        code = self[text] = self.table[token.key] if token.is_word else _NOT_A_WORD
        return code


_WORD_CODES = [_TextCodes(_KeyCodes())]  # the codes given so far; a new table once it holds 500,000 keys


def word_code_table() -> _KeyCodes:
    """The table of word codes (key -> code) that `word_codes` used for the last article."""
    return _WORD_CODES[0].table


def word_codes(ctx) -> list[str]:
    """Each sentence's words (`Sentence.words`) as a string of one character per word, the same
    character for the same key (`word_code_table`), for the checks that compare sentences' words
    (REP001, REP002): n-grams are then string slices and a sentence's words a set of characters.
    Coded once per article, from the token texts (one map and one join, one dict hit per token),
    and cut at each sentence's last token; codes agree within an article. Not to be changed."""
    codes = ctx.shared.get("word codes")
    if codes is None:
        if len(_WORD_CODES[0].table) > 500_000:
            _WORD_CODES[0] = _TextCodes(_KeyCodes())  # between articles only
        coded = "".join(map(_WORD_CODES[0].__getitem__, token_texts(ctx)))
        ends = list(accumulate(map(len, map(_TOKENS, ctx.article.sentences))))
        codes = list(map(coded.__getitem__, map(slice, [0, *ends], ends)))
        if _NOT_A_WORD in coded:
            codes = list(map(str.replace, codes, repeat(_NOT_A_WORD), repeat("")))
        ctx.shared["word codes"] = codes
    return codes


def ascii_text(ctx) -> bytes:
    """The article's text as one byte per character, each ASCII character itself and any other "?"
    (`encode("ascii", "replace")`): a byte's offset is its character's. Made once per article (the
    article's own, `Article.ascii_text`, which the conventions read too) for the scans that look for
    ASCII characters alone (`sentences_with_latin`, `latin_runs`), which then read one byte per
    character with a bytes `find` or pattern. Not to be changed."""
    data = getattr(ctx.article, "ascii_text", None)
    return ctx.article.text.encode("ascii", "replace") if data is None else data  # (None: a stand-in article)


# every ASCII letter, digit and "+" (what [A-Za-z0-9+] matches) to "A", every other byte to a space
_LATIN_RUN_MARKS = bytes(65 if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "+") else 32 for b in range(256))
_MARK_RUN = re.compile(b"AA*")  # (opening with its byte: searched for, as `runs_of` explains)


def latin_runs(ctx) -> list[tuple[int, int]]:
    """(start, end) of every maximal run of `[A-Za-z0-9+]` in the article, in order: what
    `runs_of("[A-Za-z0-9+]").finditer(text)` finds (a test compares them), found once per article for
    TERM003's English phrases and TERM005's Latin words, which each scanned the whole text for them
    (a str pattern tests every character of a Hindi text against its class; here the bytes of
    `ascii_text` are marked by one translate and the runs of marks found). Not to be changed."""
    runs = ctx.shared.get("latin runs")
    if runs is None:
        marks = ascii_text(ctx).translate(_LATIN_RUN_MARKS)
        runs = ctx.shared["latin runs"] = [m.span() for m in _MARK_RUN.finditer(marks)]
    return runs


def sentences_with_latin(ctx) -> list:
    """The article's sentences that hold an ASCII letter (`audit.core.text.LATIN`; a Latin token
    needs one), in order: found once per article for ANGL003 and ANGL005, by one search of the
    text resumed after each sentence it finds one in. Not to be changed."""
    found = ctx.shared.get("sentences with latin")
    if found is None:
        found, article = [], ctx.article
        # one byte per character ("?" for all but ASCII), each ASCII letter made "A": the letters are
        # then found by `bytes.find` (a compiled scan), where LATIN's search tests every character
        marks = ascii_text(ctx).translate(LATIN_LETTER_MARKS)
        at = marks.find(b"A")
        while at >= 0:
            sentence = article.sentence_at(at)
            if sentence is None:  # (a letter outside every sentence: none are)
                at = marks.find(b"A", at + 1)
            else:
                found.append(sentence)
                at = marks.find(b"A", sentence.end)
        ctx.shared["sentences with latin"] = found
    return found


_DIGIT_RUN = runs_of(r"\d")


def digit_runs(ctx) -> list[tuple[int, int]]:
    """(start, end) of every maximal run of digits of any script (`\\d`) in the article, found once
    for the number checks (LOOK001, NUM002, NUM003): each then tries its patterns only where one
    can start, instead of searching the text for digits again. Not to be changed."""
    runs = ctx.shared.get("digit runs")
    if runs is None:
        runs = ctx.shared["digit runs"] = [m.span() for m in _DIGIT_RUN.finditer(ctx.article.text)]
    return runs


def run_starts(text: str, runs: list[tuple[int, int]], digits: frozenset[str], ascii_alone: bool) -> list[int]:
    """Where each maximal run of `digits` (some of `\\d`) starts, read from the maximal runs of any
    digits: a run of ASCII digits alone (most) starts one, at its start, where `ascii_alone`, and
    none where it is not (`digits` holds no ASCII digit, or the caller wants runs of two scripts);
    any other run is read digit by digit."""
    starts: list[int] = []
    for start, end in runs:
        run = text[start:end]
        if run.isascii():
            if ascii_alone:
                starts.append(start)
            continue
        inside = False
        for i, ch in enumerate(run, start):
            if ch in digits:
                if not inside:
                    starts.append(i)
                inside = True
            else:
                inside = False
    return starts
