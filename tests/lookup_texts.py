"""Texts the lookup-equivalence tests run an original search and its replacement on: the seed
articles, and random strings of pieces chosen to hit each search's edge cases."""

from __future__ import annotations

import random
from types import SimpleNamespace

from conftest import seed_paths


def random_texts(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [''.join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(count)]


def text_context(text: str) -> SimpleNamespace:
    """All that the shared word and digit lookups (`audit/lint/checks/words.py`) read of a Context."""
    return SimpleNamespace(article=SimpleNamespace(text=text), shared={})


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths()]
