"""Longest-match lookup of token sequences (glossary forms, lexicon phrases) in a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from audit.core.document import Token, tokenize_phrase

V = TypeVar("V")


@dataclass(frozen=True)
class Match(Generic[V]):
    first: int  # index of the first token in the scanned list
    last: int  # index of the last token (inclusive)
    value: V


class PhraseIndex(Generic[V]):
    def __init__(self) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        self._longest = 0
        self._heads: set[str] = set()

    def add(self, phrase: str, value: V) -> tuple[str, ...]:
        keys = tokenize_phrase(phrase)
        if keys:
            self._table.setdefault(keys, value)
            self._longest = max(self._longest, len(keys))
            self._heads.add(keys[0])
        return keys

    def get(self, keys: tuple[str, ...]) -> V | None:
        return self._table.get(keys)

    def __contains__(self, keys: tuple[str, ...]) -> bool:
        return keys in self._table

    def __len__(self) -> int:
        return len(self._table)

    def scan(self, tokens: list[Token]) -> Iterator[Match[V]]:
        """Non-overlapping matches, longest first at each position, left to right."""
        i = 0
        n = len(tokens)
        while i < n:
            if tokens[i].key in self._heads:
                for length in range(min(self._longest, n - i), 0, -1):
                    value = self._table.get(tuple(t.key for t in tokens[i : i + length]))
                    if value is not None:
                        yield Match(i, i + length - 1, value)
                        i += length
                        break
                else:
                    i += 1
            else:
                i += 1
