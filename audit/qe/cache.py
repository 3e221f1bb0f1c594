"""A content-addressed score cache: a re-run never scores the same (model, source, target) twice."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path


def default_cache_path() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "jaanch" / "qe-cache.sqlite"


def cache_key(model_id: str, source: str, target: str) -> str:
    return hashlib.sha256("\0".join((model_id, source, target)).encode("utf-8")).hexdigest()


class ScoreCache:
    def __init__(self, path: Path | None):
        self.path = path
        self._db = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("CREATE TABLE IF NOT EXISTS scores (key TEXT PRIMARY KEY, score REAL, spans TEXT)")

    def get(self, key: str) -> tuple[float, list[dict]] | None:
        if self._db is None:
            return None
        row = self._db.execute("SELECT score, spans FROM scores WHERE key = ?", (key,)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def put_many(self, items: list[tuple[str, float, list[dict]]]) -> None:
        if self._db is None or not items:
            return
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO scores VALUES (?, ?, ?)",
                                 [(k, s, json.dumps(sp, ensure_ascii=False)) for k, s, sp in items])
