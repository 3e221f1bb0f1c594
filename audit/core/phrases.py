"""Longest-match lookup of token sequences (glossary forms, lexicon phrases) in a sentence.

Every distinct token key a phrase uses gets one character of its own; a phrase becomes a short
string of them, and a sentence becomes one character per token (keys no phrase uses share a
filler). One Aho-Corasick automaton per index (ahocorasick-rs, leftmost-longest) then finds
all matches of a sentence in a single pass in compiled code, where a Python loop would try
every phrase length at every token. A match in the encoded string is a match of whole tokens,
so offsets come straight from the tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from typing import Generic, NamedTuple, TypeVar

from audit.core.tokens import SentenceTokens, Token, _token_info, tokenize_phrase

V = TypeVar("V")

_PATTERN = itemgetter(0)  # of an automaton match (pattern, start, end)
_TOKENS = attrgetter("tokens")
# Every code, and the filler (any key no phrase uses), is a character of three UTF-8 bytes, so the
# automaton scans the encoding's UTF-8 bytes and a byte offset divided by 3 is the token's index:
# ahocorasick-rs maps each match's byte offsets in a str back to characters, which cost more than
# the scan itself (about 5 µs per call on a 700-token article, seven indexes scan each article).
# UTF-8 is self-synchronising, so a pattern matches the bytes only where it matches the characters.
_FILLER = "\u0800"
_CODES: dict[str, str] = {}  # token key -> its character, shared by every index
_NARROW = 0xEFFF  # how many codes have three bytes (U+0801 to U+FFFF, less the surrogates)
_DFA_PATTERNS = 2_000
# Patterns no UTF-8 text holds (0xFF is never one of its bytes), added to every bytes automaton after the
# index's own (numbered past them, never found). The library puts a prefilter before the automaton where
# an index's phrases share three rare bytes or fewer; every code's lead byte is one of a few, which an
# article's encoding holds every third byte, so for a small index (the senses' 30 phrases) the prefilter
# stopped at nearly every code and cost twice the scan. Eight more rare bytes leave it none to build.
_NEVER = [bytes((0xFF, b)) for b in range(0xC0, 0xC8)]


def _code(key: str) -> str:
    code = _CODES.get(key)
    if code is None:
        n = 0x801 + len(_CODES)
        code = _CODES[key] = chr(n + 0x800 if n >= 0xD800 else n)  # no surrogates
    return code


_ENCODED: dict[int, tuple[list[Token], int, int, str]] = {}


def encode(tokens: list[Token]) -> str:
    """One character per token: its key's code, or the filler.

    Every index scans the same sentences, so the last few thousand encodings are kept (with
    the list itself, so an id is never mistaken for a reused one)."""
    own = type(tokens) is SentenceTokens
    if own:  # a sentence's own list keeps its encoding (valid while no new key got a code)
        hit = getattr(tokens, "coded", None)
        if hit is not None and hit[0] == len(tokens) and hit[1] == len(_CODES):
            return hit[2]
    else:
        hit = _ENCODED.get(id(tokens))
        if hit is not None and hit[0] is tokens and hit[1] == len(tokens) and hit[2] == len(_CODES):
            return hit[3]
    get = _CODES.get
    coded = "".join([get(t.key, _FILLER) for t in tokens])
    if own:
        tokens.coded = (len(tokens), len(_CODES), coded)
        return coded
    if len(_ENCODED) > 4096:
        _ENCODED.clear()
    _ENCODED[id(tokens)] = (tokens, len(tokens), len(_CODES), coded)
    return coded


class Match(NamedTuple, Generic[V]):
    """A phrase found in a token list (a tuple: a dozen checks make thousands per article)."""

    first: int  # index of the first token in the scanned list
    last: int  # index of the last token (inclusive)
    value: V


class PhraseIndex(Generic[V]):
    def __init__(self) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        self._automaton = None
        self._width = 3  # of a token in what the automaton scans: 3 bytes, or 1 character (see _FILLER)
        self._values: list[V] = []

    def add(self, phrase: str, value: V) -> tuple[str, ...]:
        keys = tokenize_phrase(phrase)
        self.add_keys(keys, value)
        return keys

    def add_keys(self, keys: tuple[str, ...], value: V) -> None:
        """Add a phrase by its token keys (`tokenize_phrase`), worked out before (a table cache)."""
        if keys:
            self._table.setdefault(keys, value)
            self._automaton = None  # rebuilt on the next scan

    def get(self, keys: tuple[str, ...]) -> V | None:
        return self._table.get(keys)

    def __contains__(self, keys: tuple[str, ...]) -> bool:
        return keys in self._table

    def __len__(self) -> int:
        return len(self._table)

    def values(self) -> list[V]:
        """Every phrase's value, in the order the phrases were added."""
        return list(self._table.values())

    def _compile(self):
        import ahocorasick_rs

        patterns = ["".join(_code(k) for k in keys) for keys in self._table]
        self._values = list(self._table.values())
        kind = ahocorasick_rs.MatchKind.LeftmostLongest
        # a DFA takes fewer steps per byte than the library's default NFA (a third fewer on an article),
        # at a few MB for the largest table jaanch ships (540 phrases); a user's table of thousands keeps the NFA
        fast = {"implementation": ahocorasick_rs.Implementation.DFA} if len(patterns) <= _DFA_PATTERNS else {}
        if len(_CODES) <= _NARROW:
            self._automaton = ahocorasick_rs.BytesAhoCorasick([p.encode() for p in patterns] + _NEVER,
                                                              matchkind=kind, **fast)
            self._width = 3
        else:  # codes of four bytes: scanned as characters (tens of thousands of distinct phrase words)
            self._automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=kind, **fast)
            self._width = 1
        return self._automaton

    def _matcher(self):
        """The automaton, compiled once the table is complete (compiling may give new keys codes, so
        before anything is encoded), again once the codes outgrew three bytes."""
        if self._automaton is None or (self._width == 3 and len(_CODES) > _NARROW):
            self._compile()
        return self._automaton

    def scan(self, tokens: list[Token]) -> list[Match[V]]:
        """Non-overlapping matches, longest first at each position, left to right."""
        if not self._table or not tokens:
            return []
        automaton = self._matcher()
        coded, width = encode(tokens), self._width
        found = automaton.find_matches_as_indexes(coded.encode() if width == 3 else coded)
        if not found:
            return []  # most sentences: no list of matches, no generator to resume
        values, make = self._values, tuple.__new__
        return [make(Match, (start // width, end // width - 1, values[pattern])) for pattern, start, end in found]

    def scan_sentences(self, sentences: list, keep: Callable[[set[int], list[V]], Collection[int]] | None = None,
                       texts: list[str] | None = None) -> list[tuple[object, Match[V]]]:
        """(sentence, match) for `scan(sentence.tokens)` of every sentence, in text order.

        One call of the automaton over the sentences' encodings joined by the filler, instead of
        one per sentence: no phrase contains the filler, so no match crosses from one sentence to
        the next and each sentence gets exactly the matches of its own scan. `keep`, where given,
        is shown the phrases matched, by number, and the values by number (one list while the
        index is unchanged), and answers the phrases whose matches are wanted: the others' are
        never made. `texts`, where given, is the text of every token of the sentences, in order
        (`Article.token_texts`): the encoding is then made from it.
        """
        if not self._table or not sentences:
            return []
        automaton = self._matcher()  # before encoding: compiling may add codes
        width = self._width
        found = automaton.find_matches_as_indexes(_encode_sentences(sentences, width == 3, texts))
        values, make = self._values, tuple.__new__
        if keep is not None and found:
            wanted = keep(set(map(_PATTERN, found)), values)
            found = list(compress(found, map(wanted.__contains__, map(_PATTERN, found))))
        if not found:
            return []
        out = []
        # one code per token: sentence i's encoding is tokens base to nxt - 1 of the joined text
        i, base, nxt = 0, 0, len(sentences[0].tokens) + 1
        for pattern, start, end in found:  # in text order, so the sentence only moves forward
            start //= width
            while start >= nxt:
                i += 1
                base, nxt = nxt, nxt + len(sentences[i].tokens) + 1
            out.append((sentences[i], make(Match, (start - base, end // width - base - 1, values[pattern]))))
        return out


_JOINED: list = [None]  # the last article's sentences and their joined encoding


class _TextCodes(dict):
    """A token text's code (its key's, or the filler), worked out once per distinct text while the
    codes stay as they were when the table was made (`size`): a token's key is its text's."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __missing__(self, text: str) -> str:
        if len(self) > 500_000:
            self.clear()  # a bound on memory over an endless stream of new words
        code = self[text] = _CODES.get(_token_info(text)[1], _FILLER)
        return code


_TEXT_CODES = [_TextCodes(0)]


def _encode_sentences(sentences: list, utf8: bool = False, texts: list[str] | None = None) -> str | bytes:
    """The sentences' encodings joined by the filler (`utf8`: as UTF-8 bytes). Kept for the last list
    of sentences: an article is scanned by half a dozen indexes one after another (valid while no new
    key got a code). Coded here, not by `encode` per sentence: its look for a sentence's own
    encoding fails on every sentence of a new article, and a failed attribute read builds an error.

    Where the tokens' texts are given (the article's, read once for several checks) they are coded by
    one map over them and cut at each sentence's end, all in compiled code (the Python loop over the
    tokens, reading each one's key, cost about 240 instructions a token more)."""
    hit = _JOINED[0]
    if not (hit is not None and hit[0] is sentences and hit[1] == len(sentences) and hit[2] == len(_CODES)):
        if texts is None:
            get = _CODES.get
            joined = _FILLER.join(["".join([get(t.key, _FILLER) for t in sent.tokens]) for sent in sentences])
        else:
            table = _TEXT_CODES[0]
            if table.size != len(_CODES):
                table = _TEXT_CODES[0] = _TextCodes(len(_CODES))
            # each sentence's last code takes the filler after it, where the coded text was cut into a
            # copy per sentence and joined again
            codes = list(map(table.__getitem__, texts))
            before = ""  # the fillers after sentences with no token before any token (none in practice)
            for end in accumulate(map(len, map(_TOKENS, sentences[:-1]))):
                if end:
                    codes[end - 1] += _FILLER
                else:
                    before += _FILLER
            joined = before + "".join(codes)
        hit = _JOINED[0] = [sentences, len(sentences), len(_CODES), joined, None]
    if not utf8:
        return hit[3]
    if hit[4] is None:
        hit[4] = hit[3].encode()
    return hit[4]
