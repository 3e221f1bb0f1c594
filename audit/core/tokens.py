"""Tokens: a sentence cut into words, numbers and marks, each with exact offsets and its matching keys.

indic-nlp-library's tokenizer cuts the text; its pieces are aligned back to the text, so every
offset is a Python str index into what the user gave us. Each distinct token text is normalised,
folded and classified once, and each distinct space-delimited chunk tokenized once (the memos
below): an article repeats its words, and an archive repeats them a million times.
"""

from __future__ import annotations

import re
import unicodedata

from audit.core.text import fold, is_devanagari, is_latin, normalize

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


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """Fold a glossary or lexicon phrase into the token keys the matcher compares."""
    keys: list[str] = []
    for s, e in _align(_tokenize(phrase), phrase, 0):
        keys.extend(fold(phrase[a:b]) for a, b in _peel(s, e, phrase))
    return tuple(keys)


def word_spans(line: str) -> list[tuple[int, int]]:
    """Token spans of one line, without sentence splitting (fast path for archive-wide mining)."""
    return [span for s, e in _align(_tokenize(line), line, 0) for span in _peel(s, e, line)]
