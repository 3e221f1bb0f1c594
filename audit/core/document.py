"""The document model: an article as paragraphs, sentences and tokens with exact offsets.

Sentences are cut where indic-nlp-library's splitter cuts them (audit.core.sentences) and tokens
by its tokenizer (audit.core.tokens), on the original text, so every offset is a Python str index
into what the user gave us.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from audit.core import cached_property
from itertools import chain
from operator import attrgetter
from pathlib import Path

from audit.core.errors import InputError
from audit.core.lines import LineIndex, byte_line, lf_view
from audit.core.sentences import sentence_spans
# Token and the tokenizer live in audit.core.tokens; the names other modules read from here stay here
from audit.core.tokens import _WORD_KINDS, SentenceTokens, Token, _sentence_tokens, tokenize_phrase, word_spans

__all__ = ["ARTICLE_SUFFIXES", "CMS_SUFFIXES", "PAIR_SUFFIXES", "Article", "Paragraph", "Sentence", "SentenceTokens",
           "Token", "decode_article", "parse_article", "read_article", "tokenize_phrase", "within_size", "word_spans"]

ARTICLE_SUFFIXES = (".txt", ".md")
# read by `check` alone (audit/inputs/pairs.py, cms.py); named to another command, one is refused
PAIR_SUFFIXES = (".tsv", ".jsonl", ".xlf", ".xliff")
CMS_SUFFIXES = (".html", ".htm", ".json")
_CLOSERS = "”’\"')]»"


@dataclass(slots=True)  # no per-sentence __dict__: a 50 MB article has a million sentences
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int
    tokens: list[Token] = field(default_factory=list)
    _words: list[Token] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> list[Token]:
        """The word tokens (not punctuation); computed once, checks ask for them often."""
        if self._words is None or len(self._words) > len(self.tokens):
            self._words = [t for t in self.tokens if t.kind in _WORD_KINDS]
        return self._words


_TOKENS, _TEXT = attrgetter("tokens"), attrgetter("text")


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the file: CMS exports put one paragraph per line."""

    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass
class Article:
    path: str
    text: str
    sentences: list[Sentence]

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.text)  # a lone CR ends a line too, as editors show it

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a str offset."""
        return self.line_index.position(offset)

    @cached_property
    def positions(self):
        """`positions(start, end)`: `position(start) + position(end)`, a finding's line, column, end line
        and end column (`LineIndex.positions` itself: checks make thousands of findings, and a method
        here calling it was a second Python call for each)."""
        return self.line_index.positions

    @cached_property
    def ascii_text(self) -> bytes:
        """The text as one byte per character, each ASCII character itself and any other "?"
        (`encode("ascii", "replace")`): a byte's offset is its character's. Made once per article for the
        scans that look for ASCII characters alone (the conventions' hints, `words.latin_runs`), which
        then read one byte a character with a bytes `find` or pattern."""
        return self.text.encode("ascii", "replace")

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        groups: dict[int, list[Sentence]] = {}
        for sent in self.sentences:
            groups.setdefault(sent.paragraph, []).append(sent)
        return [Paragraph(g[0].start, g[-1].end, tuple(g)) for g in groups.values()]

    @cached_property
    def tokens(self) -> list[Token]:
        return list(chain.from_iterable(map(_TOKENS, self.sentences)))  # no Python step per token

    @cached_property
    def token_texts(self) -> list[str]:
        """Each token's text, in order (one map), for the phrase indexes' encoding and the checks' lookups."""
        return list(map(_TEXT, self.tokens))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 and offset < self.sentences[i].end else None


def parse_article(text: str, path: str = "<string>") -> Article:
    """Segment `text` into sentences and tokens; never modifies `text`."""
    sentences: list[Sentence] = []
    append = sentences.append
    offset = 0
    for p_index, line in enumerate(lf_view(text).split("\n")):  # a lone "\r" ends a paragraph too
        if line and not line.isspace():  # (not `line.strip()`: a copy of every line to test it)
            spans = sentence_spans(line)
            if len(spans) > 1 and any(line[s] in _CLOSERS for s, _ in spans[1:]):
                spans = _closers_kept(line, spans)
            for s, e in spans:
                if s < e:
                    start = offset + s
                    sentence = line[s:e]
                    # a Sentence's slots filled here, not by its dataclass __init__ (a call with seven
                    # arguments, and its default factory's test, for each of an article's 40 sentences)
                    sent = _new(Sentence)
                    sent.start = start; sent.end = offset + e; sent.text = sentence  # noqa: E702
                    sent.index = len(sentences); sent.paragraph = p_index  # noqa: E702
                    sent.tokens = _sentence_tokens(sentence, start); sent._words = None  # noqa: E702
                    append(sent)
        offset += len(line) + 1
    return Article(path=path, text=text, sentences=sentences)


_new = object.__new__


def _closers_kept(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """indic-nlp leaves a closing quote after a danda at the start of the next sentence: it is moved
    to the end of the sentence before (and the spaces after it dropped)."""
    fixed: list[list[int]] = []
    for s, e in spans:
        while fixed and s < e and line[s] in _CLOSERS:
            fixed[-1][1] = s + 1
            s += 1
            while s < e and line[s].isspace():
                s += 1
        if s < e:
            fixed.append([s, e])
    return [(s, e) for s, e in fixed]


def decode_article(raw: bytes, path: str, empty_ok: bool = False) -> str:
    """The file's text. An empty article (empty_ok) has no findings; an empty source or pairs file is an error."""
    if not raw.strip() and not empty_ok:
        raise InputError("file is empty", path, 1)
    # UTF-16 without a byte-order mark is valid UTF-8 all the same: checked, it was a page of
    # control characters with no finding, exit 0
    from audit.core.fileio import refuse_utf16

    refuse_utf16(raw, path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = byte_line(raw, exc.start)
        raise InputError(
            f"cannot decode byte 0x{raw[exc.start]:02x} as UTF-8 (save the file as UTF-8)", path, line
        ) from None
    if text.startswith("\ufeff"):
        # A BOM is an encoding mark, not article text; keep offsets relative to what follows.
        text = text[1:]
    if not text.strip() and not empty_ok:
        raise InputError("file has only whitespace", path, 1)
    return text


def read_article(path: str | Path) -> Article:
    """An article file; an empty one is an article with no sentences (no findings), not an error."""
    from audit.core.fileio import read_bytes

    return parse_article(decode_article(read_bytes(path), str(path), empty_ok=True), str(path))


def within_size(name: str | Path, size: int, max_mb: float | None, read_all: bool = True,
                kind: str = "news article", raise_it: str = "; --max-file-mb raises it") -> None:
    """One InputError for a file of more than `max_mb` MB (`read_all` False: a stream read only
    until it passed the limit); `kind` and `raise_it` say what the file should have been and how
    the limit is raised (a glossary's and a configuration's are fixed: `raise_it` "")."""
    if max_mb is not None and size > max_mb * 1_000_000:
        amount = f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
        amount = amount if read_all else f"more than {max_mb:g} MB"
        raise InputError(f"{amount}, far larger than any {kind} (the limit is {max_mb:g} MB{raise_it})", str(name))
