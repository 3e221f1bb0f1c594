"""The document model: an article as paragraphs, sentences and tokens with exact offsets.

Segmentation uses indic-nlp-library on the original text; its outputs are aligned back
to the file text so every offset is a Python str index into what the user gave us.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import attrgetter
from pathlib import Path

from audit.core.errors import InputError
from audit.core.lines import LineIndex, byte_line, lf_view
from audit.core.sentences import sentence_spans
from audit.core.text import fold, is_devanagari, is_latin, normalize

ARTICLE_SUFFIXES = (".txt", ".md")
# read by `check` alone (audit/inputs/pairs.py, cms.py); named to another command, one is refused
PAIR_SUFFIXES = (".tsv", ".jsonl", ".xlf", ".xliff")
CMS_SUFFIXES = (".html", ".htm", ".json")
_CLOSERS = "”’\"')]»"


_NUMBER = re.compile(r"\d+([.,:/]\d+)*")


def _kind(text: str) -> str:
    if text.isdigit() or _NUMBER.fullmatch(text):
        return "num"
    if text in ("\u0964", "\u0965"):
        return "punct"  # danda and double danda end sentences; they are not words
    if is_devanagari(text):
        return "deva"
    if is_latin(text):
        return "latin"
    return "punct"


_INFO: dict[str, tuple[str, str, str]] = {}


def _token_info(text: str) -> tuple[str, str, str]:
    """(norm, key, kind) of a token text, worked out once per distinct text: an article
    repeats its words, and an archive repeats them a million times."""
    info = _INFO.get(text)
    if info is None:
        if len(_INFO) > 500_000:
            _INFO.clear()  # a bound on memory over an endless stream of new words
        info = _INFO[text] = (normalize(text), fold(text), _kind(text))
    return info


_TEXTS: dict[str, str] = {}


def _text_info(text: str) -> tuple[str, tuple[str, str, str]]:
    """One shared copy of a token text, and its (norm, key, kind)."""
    shared = _TEXTS.get(text)
    if shared is None:
        if len(_TEXTS) > 500_000:
            _TEXTS.clear()
        shared = _TEXTS[text] = text
    return shared, _token_info(shared)


_WORD_KINDS = frozenset(("deva", "latin", "num"))


class Token:
    """A token: exact offsets into the file text, its text, and its matching keys.

    Plain slots, filled from a per-text memo when the token is made: reading `key` in a
    check's inner loop is an attribute read, not a cached_property lookup. No __init__: the
    tokenizer makes hundreds per article with `Token()` and fills the slots itself (a Python
    __init__, or object.__new__ called by name, costs a third more per token); `Token.of` makes one.
    """

    __slots__ = ("start", "end", "text", "norm", "key", "kind")

    @classmethod
    def of(cls, start: int, end: int, text: str) -> "Token":
        tok = cls()
        tok.start, tok.end, tok.text = start, end, text
        tok.norm, tok.key, tok.kind = _token_info(text)
        return tok

    @property
    def is_word(self) -> bool:
        return self.kind in _WORD_KINDS

    def __eq__(self, other) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"


class SentenceTokens(list):
    """A sentence's tokens, with room for their phrase-index encoding (`audit.core.phrases.encode`):
    a dozen checks scan every sentence, and a big article has more sentences than any cache holds."""

    __slots__ = ("coded",)


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


def _align(pieces: list[str], text: str, base: int) -> list[tuple[int, int]]:
    """Find each piece in `text` in order, ignoring whitespace differences.

    Segmenters may strip, collapse or re-join whitespace; non-space characters are kept
    in order, so matching them one by one recovers exact spans.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        if piece and not piece[0].isspace() and not piece[-1].isspace():
            # The common case, the piece as it stands in the text: no character walk needed.
            skip = pos
            while skip < len(text) and text[skip].isspace():
                skip += 1
            if text.startswith(piece, skip):
                pos = skip + len(piece)
                spans.append((base + skip, base + pos))
                continue
        chars = [c for c in piece if not c.isspace()]
        if not chars:
            continue
        while pos < len(text) and text[pos].isspace():
            pos += 1
        start = pos
        for ch in chars:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos >= len(text) or text[pos] != ch:
                raise AssertionError(f"segmenter changed the text near offset {base + pos}")
            pos += 1
        spans.append((base + start, base + pos))
    return spans


def _is_punct(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] == "P" or cat == "So"


def _is_edge(ch: str) -> bool:
    """Whether a token cannot start or end with `ch`: whitespace (`_align` steps over it) or
    punctuation (`_peel` splits it off)."""
    return ch.isspace() or _is_punct(ch)


def _peel(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Split leading/trailing Unicode punctuation (curly quotes, dashes) off a token."""
    out: list[tuple[int, int]] = []
    lead = start
    while lead < end - 1 and _is_punct(text[lead]):
        out.append((lead, lead + 1))
        lead += 1
    trail: list[tuple[int, int]] = []
    tail = end
    while tail - 1 > lead and _is_punct(text[tail - 1]):
        trail.append((tail - 1, tail))
        tail -= 1
    out.append((lead, tail))
    out.extend(reversed(trail))
    return out


def _tokenize(sentence: str, inner: bool = False) -> list[str]:
    """indic-nlp's trivial tokenizer (trivial_tokenize_indic), with its digit-group rule ("1 , 000"
    -> "1,000") searched only from the start of a run of digits. Its own search backtracks through a
    run from every digit of it, so a 20,000-digit run took a second and 80,000 digits 16 (quadratic);
    a match can only start where a run starts, so the results are the same (a test compares them on
    random text), in linear time. Its punctuation split is its own pattern. `inner`: the text is a
    chunk after the first of a sentence, where a group at the chunk's start is joined too."""
    # its pattern is one group, a single punctuation character: sub(r" \1 ") puts a space either
    # side of each, which is the split on them joined by spaces (no Python call per match)
    spaced = " ".join((_PUNCT[0] or _punct()).split(sentence.replace("\t", " ")))
    text = _SPACES.sub(" ", spaced).strip(" ")
    if _NUMBER_GROUP.search(sentence) is None:  # the rule cannot fire: the split alone
        return text.split(" ")
    out, prev = [], 0
    for m in _NUMBER_RUN.finditer(text):
        if m.start() > prev or inner:  # as indic-nlp: a group at the very start is left as it is
            out += (text[prev:m.start()], m.group().replace(" ", ""))
            prev = m.end()
    out.append(text[prev:])
    return "".join(out).split(" ")


_PUNCT: list[re.Pattern | None] = [None]  # indic-nlp's trivial tokenizer's punctuation pattern, once loaded


def _punct() -> re.Pattern:
    from indicnlp.tokenize import indic_tokenize

    _PUNCT[0] = indic_tokenize.triv_tokenizer_indic_pat
    return _PUNCT[0]


_SPACES = re.compile("[ ]+")
# indic-nlp's pat_num_seq, tried only where a run of digits starts
_NUMBER_RUN = re.compile(r"(?<![0-9])([0-9]+ [,.:/] )+[0-9]+")


# Where indic-nlp's digit-group rule ("1 , 000" -> "1,000") can fire: ASCII digits on both sides
# of one of , . : / with only spaces or tabs between (its pattern, before its own spacing).
_NUMBER_GROUP = re.compile(r"[0-9][ \t]*[,.:/][ \t]*[0-9]")
# A group the rule may join across a space ("1, 000", "1,000, 2" as "1 , 000 , 2"): such a
# sentence is tokenized whole; without one, every group lies inside one chunk.
_SPACED_GROUP = re.compile(r"[0-9][ \t]+[,.:/][ \t]*[0-9]|[0-9][ \t]*[,.:/][ \t]+[0-9]")
_Rows = tuple[tuple[int, int, str, str, str, str], ...]
# Chunks with no ASCII digit, where no digit group can start; the empty chunk between two spaces
# has no tokens. A sentence whose chunks are all here is tokenized without looking for groups.
_CHUNKS: dict[str, _Rows] = {"": ()}
_DIGIT_CHUNKS: dict[str, _Rows] = {}  # chunks with an ASCII digit, tokenized as the first chunk
_INNER_CHUNKS: dict[str, _Rows] = {}  # groups joined at the start
_ASCII_DIGIT = re.compile("[0-9]")


def _chunk_tokens(chunk: str, inner: bool = False) -> _Rows:
    """(start, end, text, norm, key, kind) of each token of one space-delimited chunk, relative
    to it, worked out once per distinct chunk (`inner`: a chunk after a sentence's first)."""
    memo = _INNER_CHUNKS if inner else _DIGIT_CHUNKS if _ASCII_DIGIT.search(chunk) else _CHUNKS
    got = memo.get(chunk)
    if got is None:
        if len(memo) > 500_000:
            memo.clear()
            _CHUNKS[""] = ()
        if chunk and " " not in chunk and "\t" not in chunk and _NUMBER_GROUP.search(chunk) is None:
            # most new chunks are a word, or words and the tokenizer's punctuation (`मध्यप्रदेश,`, `(RBSE)`):
            # with no space, tab or digit group the tokenizer cuts at its punctuation alone, each mark a
            # token; a piece between with nothing at either end for `_align` to step over or `_peel` to
            # split off is one token (what the general path below gives it, a test says)
            pieces = (_PUNCT[0] or _punct()).split(chunk)
            if all(not p or not (_is_edge(p[0]) or _is_edge(p[-1])) for p in pieces[::2]):
                rows, at = [], 0
                for piece in pieces:
                    if piece:
                        rows.append((at, at + len(piece), piece, *_token_info(piece)))
                        at += len(piece)
                memo[chunk] = got = tuple(rows)
                return got
        got = memo[chunk] = tuple(
            (a, b, chunk[a:b], *_token_info(chunk[a:b]))
            for s, e in _align(_tokenize(chunk, inner), chunk, 0) for a, b in _peel(s, e, chunk))
    return got


def _sentence_tokens(sentence: str, base: int) -> SentenceTokens:
    """indic-nlp's trivial tokenizer, then curly punctuation peeled off, at file offsets.

    The tokenizer splits on spaces and tabs and around punctuation, all of which is local to
    a space-delimited chunk, so each distinct chunk is tokenized once. Its one rule that
    looks across chunks, rejoining digit groups ("1 , 000"), needs ASCII digits around , . : or /,
    so a sentence is first read chunk by chunk from the memo of chunks without a digit; at the
    first chunk not there (a digit, or a chunk not met before) the sentence is searched for a
    group. The rule skips a group at the very start of the sentence, so a later chunk holding
    one is tokenized as an inner chunk (a group at its start joined too). A sentence where a group
    has a space inside it ("1, 000") takes the whole-sentence path. Tokens are made in the loop,
    slot by slot, not by a call per token: an article has hundreds of them and this is most of its parse.
    """
    tokens = SentenceTokens()
    append = tokens.append
    spaced = sentence.replace("\t", " ") if "\t" in sentence else sentence  # chunks end at tabs too
    known = _CHUNKS.get
    group: re.Match | None | bool = False  # False until the sentence is searched for a digit group
    at = base
    for chunk in spaced.split(" "):  # a str split, not a regex match per chunk
        rows = known(chunk)
        if rows is None:  # a digit, or a chunk not met before (a chunk in _CHUNKS has no digit)
            if group is False:
                group = _NUMBER_GROUP.search(sentence)
                if group is not None and _SPACED_GROUP.search(sentence, group.start()):
                    return _whole_sentence_tokens(sentence, base)
            # no digit group in the sentence: a chunk with a digit met before is read from its memo (what
            # _chunk_tokens(chunk, False) reads, after a call and a search of the chunk for a digit)
            rows = _DIGIT_CHUNKS.get(chunk) if group is None else None
            if rows is None:
                inner = group is not None and at > base and _NUMBER_GROUP.search(chunk) is not None
                rows = _chunk_tokens(chunk, inner)
        for a, b, text, norm, key, kind in rows:
            tok = Token()
            tok.start = at + a; tok.end = at + b; tok.text = text  # noqa: E702
            tok.norm = norm; tok.key = key; tok.kind = kind  # noqa: E702
            append(tok)
        at += len(chunk) + 1
    return tokens


def _whole_sentence_tokens(sentence: str, base: int) -> SentenceTokens:
    """A sentence with a space inside a digit group ("1, 000"): indic-nlp's tokenizer over all of it."""
    tokens = SentenceTokens()
    append = tokens.append
    for ts, te in _align(_tokenize(sentence), sentence, 0):
        for a, b in _peel(ts, te, sentence):
            # each token's text is the memo's copy: the slice is dropped, not held once per token
            text, (norm, key, kind) = _text_info(sentence[a:b])
            tok = Token()
            tok.start = base + a; tok.end = base + b; tok.text = text  # noqa: E702
            tok.norm = norm; tok.key = key; tok.kind = kind  # noqa: E702
            append(tok)
    return tokens


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
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("is UTF-16 (it opens with a UTF-16 byte-order mark); save the file as UTF-8", path, 1)
    nul = raw.find(b"\x00")
    if nul >= 0:
        # valid UTF-8 all the same when it is UTF-16 of ASCII or Devanagari without a byte-order
        # mark: checked, it was a page of control characters with no finding, exit 0
        raise InputError("has a NUL byte, so it is not UTF-8 text (UTF-16 or a binary file?); "
                         "save the file as UTF-8", path, byte_line(raw, nul))
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


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """Fold a glossary or lexicon phrase into the token keys the matcher compares."""
    keys: list[str] = []
    for s, e in _align(_tokenize(phrase), phrase, 0):
        keys.extend(fold(phrase[a:b]) for a, b in _peel(s, e, phrase))
    return tuple(keys)


def word_spans(line: str) -> list[tuple[int, int]]:
    """Token spans of one line, without sentence splitting (fast path for archive-wide mining)."""
    return [span for s, e in _align(_tokenize(line), line, 0) for span in _peel(s, e, line)]
