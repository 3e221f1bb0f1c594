"""A content-addressed score cache: a re-run never scores the same (model, source, target) twice.

The cache is only ever a speed-up, so no state of it may stop a run: a corrupt, truncated or
foreign file (another schema) is replaced by a new one with a one-line warning; a cache the user
cannot write is read, never written; a cache that cannot be opened at all is skipped with a warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

COLUMNS = ("key", "score", "spans")
# A stored error span: its offsets in the target, the model's severity and confidence (a float,
# though an integral one may come back from JSON as an int).
SPAN_FIELDS = {"start": (int,), "end": (int,), "severity": (str,), "confidence": (float, int)}
SCHEMA_VERSION = 1  # PRAGMA user_version; files made before it was set (0) have the same table


def default_cache_path() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "jaanch" / "qe-cache.sqlite"


def cache_key(model_id: str, source: str, target: str) -> str:
    return hashlib.sha256("\0".join((model_id, source, target)).encode("utf-8")).hexdigest()


def _warn(path: Path, message: str) -> None:
    print(f"jaanch: warning: {path}: {message}", file=sys.stderr)


def _writable(path: Path) -> bool:
    try:
        info = path.stat()
    except FileNotFoundError:
        return os.access(path.parent, os.W_OK | os.X_OK)
    own = info.st_mode & stat.S_IWUSR if info.st_uid == os.geteuid() else os.access(path, os.W_OK)
    return bool(own) and os.access(path.parent, os.W_OK | os.X_OK)


class ScoreCache:
    def __init__(self, path: Path | None):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self.read_only = False
        if path is not None:
            self._db = self._open(path)

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _warn(path, f"cannot create its folder ({exc.strerror}); scoring without a cache")
            return None
        self.read_only = path.exists() and not _writable(path)
        try:
            if self.read_only:
                db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            else:
                db = sqlite3.connect(path)
                db.execute("CREATE TABLE IF NOT EXISTS scores (key TEXT PRIMARY KEY, score REAL, spans TEXT)")
            problem = self._schema_problem(db)
        except sqlite3.Error as exc:
            problem = f"not a readable cache ({exc})"
            db = None
        if problem is None:
            if self.read_only:
                _warn(path, "the cache is read-only: using its scores, storing no new ones")
            else:
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return db
        if db is not None:
            db.close()
        return self._rebuild(path, problem)

    @staticmethod
    def _schema_problem(db: sqlite3.Connection) -> str | None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            return f"a cache of another schema (version {version})"
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(scores)"))
        if columns != COLUMNS:
            return f"a cache of another schema (columns {', '.join(columns) or 'none'})"
        db.execute("SELECT key, score, spans FROM scores LIMIT 1").fetchall()
        return None

    def _rebuild(self, path: Path, problem: str) -> sqlite3.Connection | None:
        if self.read_only:
            _warn(path, f"{problem}, and read-only; scoring without a cache")
            return None
        try:
            for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
                leftover.unlink(missing_ok=True)
            db = sqlite3.connect(path)
            db.execute("CREATE TABLE scores (key TEXT PRIMARY KEY, score REAL, spans TEXT)")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.commit()
        except (OSError, sqlite3.Error) as exc:
            _warn(path, f"{problem}; cannot start a new one ({exc}); scoring without a cache")
            return None
        _warn(path, f"{problem}; started a new, empty cache")
        return db

    def _failed(self, exc: sqlite3.Error) -> None:
        """The file broke under us (truncated while open, disk full): carry on without it."""
        _warn(self.path, f"cache stopped working ({exc}); scoring without it for the rest of this run")
        try:
            self._db.close()
        except sqlite3.Error:
            pass
        self._db = None

    def get(self, key: str) -> tuple[float, list[dict]] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT score, spans FROM scores WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        if not row:
            return None
        try:
            score, spans = float(row[0]), json.loads(row[1])
        except (TypeError, ValueError, RecursionError):
            return None  # a damaged row is a miss: it is scored again and overwritten
        return (score, spans) if _all_spans(spans) else None  # and so is a row of some other shape

    def put_many(self, items: list[tuple[str, float, list[dict]]]) -> None:
        if self._db is None or self.read_only or not items:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO scores VALUES (?, ?, ?)",
                                     [(k, s, json.dumps(sp, ensure_ascii=False)) for k, s, sp in items])
        except sqlite3.Error as exc:
            self._failed(exc)


def _all_spans(spans: object) -> bool:
    """Whether a row's spans are what the scorer stores: offsets, a severity, a confidence."""
    return type(spans) is list and all(
        type(s) is dict and s.keys() == SPAN_FIELDS.keys()
        and all(type(s[k]) in types for k, types in SPAN_FIELDS.items()) for s in spans)
