"""One review of an article at a time: two tabs or terminals on one article would share its journal.

`.<article>.jaanch-lock` beside the article is locked with flock(2) while a review has it open;
the kernel drops the lock when the process ends, however it ends, so a crash never leaves an
article locked.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from audit.core.errors import JaanchError
from audit.core.fileio import describe


class ArticleLocked(JaanchError):
    """Another review session has this article open."""


def lock_path(article: str | Path) -> Path:
    """Beside the real file, as the journal is (`journal_path`): one lock per article, whatever name opened it."""
    article = Path(os.path.realpath(article))
    return article.with_name(f".{article.name}.jaanch-lock")


class ArticleLock:
    def __init__(self, article: str | Path):
        self.article = Path(article)
        self.path = lock_path(article)
        self._fd: int | None = None

    def acquire(self) -> "ArticleLock":
        # the umask decides the mode; a symbolic link in the lock's place is refused (ELOOP): followed,
        # the file it names was truncated to this process's id
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise ArticleLocked(f"is open in another review (process {holder or '?'}); "
                                "close that one first: two reviews would share one journal", str(self.article)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def hold(article: str | Path) -> ArticleLock:
    """The article's lock, taken: ArticleLocked (one line) while another review has it open, and one
    line naming the article when the lock file cannot be made (a folder or a symbolic link in its
    place, a read-only folder), where Python's own words reached the editor."""
    lock = ArticleLock(article)
    try:
        return lock.acquire()
    except OSError as exc:
        why = "a symbolic link is in its place" if lock.path.is_symlink() else describe(exc)
        raise JaanchError(f"cannot make its review lock {lock.path.name} ({why}); it was not opened",
                          str(article)) from None
