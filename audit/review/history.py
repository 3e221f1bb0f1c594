"""A review session's history on disk and in memory: the crash-safe journal it writes each decision to
before the decision returns (and replays after a crash), undo and redo, and the save that writes the
article back only over the bytes it read. `session.ReviewSession` makes the decisions; this is the
record of them, a mixin that reads the session's fields (path, journal, history, future, snapshot)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from audit.core.errors import JaanchError
from audit.core.fileio import WriteError, check_rewritable, read_snapshot, refuse_odd_backup, write_atomic
from audit.review import glossary_step
from audit.review.journal import text_hash

if TYPE_CHECKING:
    from audit.review.session import State


class ConflictError(JaanchError):
    """The article changed on disk since the session opened it."""


class JournaledHistory:
    """The journal, undo/redo and save of a `ReviewSession` (which is a dataclass holding the fields)."""

    # --- the article as read, and the journal ---------------------------------------------

    @property
    def bom(self) -> bool:
        return self.disk_bytes.startswith(b"\xef\xbb\xbf")

    @property
    def disk_text(self) -> str:
        return self.disk_bytes.decode("utf-8").removeprefix("\ufeff")

    def pending_replay(self) -> list[dict]:
        """Decisions a crashed or killed session made and did not save."""
        return self.journal.pending(self.disk_text)[0] if self.journal else []

    def replay_is_stale(self) -> bool:
        """True when the file changed on disk after those decisions were made."""
        return self.journal.pending(self.disk_text)[1] if self.journal else False

    def start(self, replay: bool) -> tuple[int, int]:
        """Begin journaling; replay the unsaved decisions first when asked.

        Returns (replayed, skipped): on a file changed since, a change whose text is no longer
        where it was is skipped, and so is an undo or redo of it.
        """
        from audit.review.replay import replay_pending

        pending = self.pending_replay()
        if replay and pending:
            self._journal_open = True  # keep appending after the replayed decisions
            return replay_pending(self, pending)
        if pending:
            self._log({"event": "discard", "decisions": len(pending), "sha256": text_hash(self.disk_text)})
        return 0, 0

    def _log(self, record: dict) -> None:
        # The journal starts with the first decision: only looking at an article writes nothing.
        if not self._journal_open:
            self.journal.append({"event": "open", "sha256": text_hash(self.disk_text), "file": self.path.name})
            self._journal_open = True
        self.journal.append(record)

    # --- undo ----------------------------------------------------------------------------

    def undo(self, log: bool = True) -> int | None:
        """Undo the last decision; returns the id of the item it was about (the app selects it)."""
        if len(self.history) < 2:
            return None
        if log:
            self._log({"event": "undo"})
        undone = self.history.pop()
        self.future.append(undone)
        self._sync_glossaries(undone, self.state)
        return undone.focus if undone.focus is not None else -1

    def redo(self, log: bool = True) -> int | None:
        if not self.future:
            return None
        if log:
            self._log({"event": "redo"})
        current = self.state
        self.history.append(self.future.pop())
        self._sync_glossaries(current, self.state)
        return self.state.focus if self.state.focus is not None else -1

    def _sync_glossaries(self, old: State, new: State) -> None:
        if (old.glossaries or new.glossaries) and glossary_step.sync(
                self.engine, self.glossary_origin, dict(old.glossaries), dict(new.glossaries)):
            self.refine()

    # --- saving --------------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """True when the file is not the one read (other bytes, or saved again since: mtime, inode)."""
        try:
            return read_snapshot(self.path)[1] != self.snapshot
        except JaanchError:
            return True

    def save(self, force: bool = False) -> Path | None:
        """Write the article atomically, keeping the previous version as `<name>~`.

        The bytes read at open are what "changed on disk" compares, so a BOM or CRLF line ends
        never look like someone else's edit; the BOM is written back."""
        conflict = ConflictError("changed on disk since it was opened; not overwriting it", str(self.path))
        if not force and self.changed_on_disk():
            raise conflict
        backup = None
        if self.text != self.disk_text:
            check_rewritable(self.path)  # read-only, hard-linked: refused as `check --fix` refuses it
            backup = self.path.with_name(self.path.name + "~")
            if backup.is_symlink():  # replaced, not written through: the file it named was overwritten
                backup.unlink()
            refuse_odd_backup(backup, self.path)
            shutil.copy2(self.path, backup)  # the exact bytes and mode of the previous version
            try:
                # The snapshot is checked again just before the rename: a save that lands after
                # the check above is not overwritten either.
                write_atomic(self.path, self.text, expect=None if force else self.snapshot, bom=self.bom)
            except WriteError:
                if not force and self.changed_on_disk():
                    raise conflict from None
                raise
        # The file as written is the one read from now on, before the dismissals are written: when
        # those fail, the next save took the article it had just written for someone else's change.
        self.disk_bytes, self.snapshot = read_snapshot(self.path)
        self.suppressions.merge(self.path, {s.key: s for s in self.state.dismissed})
        self.history = [self.state]
        self.future.clear()
        self._log({"event": "save", "sha256": text_hash(self.text)})
        return backup
