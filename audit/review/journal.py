"""The decision journal: every accept, edit, dismissal and glossary addition, appended as it happens.

`.<article>.jaanch-journal.jsonl` beside the article holds one JSON object per line. Each line is
flushed and fsynced before the UI moves on, so a crash or a kill loses nothing: reopening the
article replays the decisions made since the last save.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def journal_path(article: str | Path) -> Path:
    """Beside the real file: reviewed through a symlink and then by its own name (or through two
    links), an article has one journal, not one per name with decisions split between them."""
    article = Path(os.path.realpath(article))
    return article.with_name(f".{article.name}.jaanch-journal.jsonl")


class Journal:
    def __init__(self, article: str | Path):
        self.path = journal_path(article)

    def append(self, record: dict) -> None:
        record = {"time": now(), **record}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        from audit.core.fileio import WriteError, describe

        if self.path.is_symlink():  # jaanch's own file: a link planted there had the decisions appended to its target
            raise WriteError("cannot write the review journal (a symbolic link is in its place; move it away); "
                             "the decision was not made", str(self.path))
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o666)
            if _cut_short(fd):
                # a crash cut the last line: glued to it, this record (and every one after) was
                # unreadable, so a later session's decisions were lost and discarded ones came back
                line = "\n" + line
            with open(fd, "a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:  # (a traceback through the app): the decision is not made unjournaled
            raise WriteError(f"cannot write the review journal ({describe(exc)}); the decision was not made",
                             str(self.path)) from None

    def records(self) -> list[dict]:
        from audit.core.errors import InputError
        from audit.core.fileio import describe, special_kind

        try:
            kind = special_kind(os.stat(self.path).st_mode)
            if kind is not None:  # a named pipe: reading it waited for a writer, and the app never opened
                raise InputError(f"cannot read the review journal ({kind} is in its place); move it away to "
                                 "review the article afresh", str(self.path))
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:  # a folder or a loop in its place ended the app in a traceback
            raise InputError(f"cannot read the review journal ({describe(exc)}); move it away to review the "
                             "article afresh", str(self.path)) from None
        out = []
        # jaanch writes no byte-order mark, but an editor that opened the journal may have added one:
        # read with it, the first line was no JSON and nothing was replayed
        for line in raw.removeprefix(codecs.BOM_UTF8).splitlines():
            try:
                record = json.loads(line.decode("utf-8"))
            except (ValueError, RecursionError):  # (a line of 100,000 brackets: RecursionError, exit 3)
                continue  # a line cut short by a crash: the lines after it are a later session's
            if not isinstance(record, dict):
                break  # not a line jaanch wrote: nothing after it is trusted either
            out.append(record)
        return out

    def pending(self, file_text: str) -> tuple[list[dict], bool]:
        """Decisions made since the last open/save/discard and not saved, and whether they are stale.

        Stale: the file on disk is no longer the text they were made on (someone changed it after
        the crash). They are still returned, so the session can say so and replay what still fits.
        """
        records = self.records()
        digest = text_hash(file_text)
        for i in range(len(records) - 1, -1, -1):
            if records[i].get("event") in MARKERS:
                decisions = [r for r in records[i + 1 :] if r.get("event") not in MARKERS]
                return decisions, bool(decisions) and records[i].get("sha256") != digest
        return [], False


MARKERS = ("open", "save", "discard")


def _cut_short(fd: int) -> bool:
    """Whether the journal open at `fd` ends inside a line (a crash cut its last record short)."""
    size = os.fstat(fd).st_size
    return size > 0 and os.pread(fd, 1, size - 1) not in (b"\n", b"\r")
