"""Reading and writing files so that no failure loses an edit or leaves a half-written file.

Reads: `read_bytes` turns every refusal of the operating system into one InputError naming the file.

Writes (`write_atomic`): the text goes to a temp file beside the real file (through a symlink, beside
its target), is fsynced, and is renamed over it, so a reader sees the old file or the new one, never
half of either. When the caller passes the `Snapshot` taken when the file was read, the file is
checked again just before the rename (size, mtime, inode and a SHA-256 of its bytes) and nothing is
written if an editor saved it meanwhile. The original's permission bits are kept; a file created
new gets the user's umask (never mkstemp's 0600). A file with several hard links is refused, not
split: a rename would leave the other names pointing at the old text.

Temp files are named `.NAME.jaanch-PID-RANDOM.tmp`. They are removed on any error; after a
`kill -9` one may stay behind, and the next write beside it removes it once its PID is gone.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from audit.core.errors import InputError, JaanchError, UsageError
from audit.core.lines import byte_line

BOM = b"\xef\xbb\xbf"


class WriteError(JaanchError):
    """A file could not be written safely; nothing was written to it."""


def describe(exc: OSError) -> str:
    """A few words for a refusal of the operating system, without the path (the caller names it)."""
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


_SPECIAL = ((stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
            (stat.S_ISSOCK, "a socket"))


def special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is ("a device"), or None."""
    return next((kind for test, kind in _SPECIAL if test(mode)), None)


def refuse_special(path: str | Path) -> None:
    """One InputError for a path that names no file to read: a device (/dev/zero read for ever),
    a named pipe (its open() waits for a writer that may never come), a socket. Standard input is
    `-`, read by `check` alone (`producer | jaanch check -`). Other refusals are left to the read."""
    try:
        kind = special_kind(os.stat(path).st_mode)
    except OSError:
        return
    if kind is not None:
        raise InputError(f"is {kind}, not a file: jaanch reads files and folders (`-` reads standard input "
                         "in `check`)", str(path))


def broken_link(path: str | Path) -> InputError | None:
    """The one error for a symbolic link that leads to no file (to nothing, or round a loop), named
    as `ls` lists it; None for any other path."""
    if not os.path.islink(path) or os.path.exists(path):
        return None
    try:
        os.stat(path)
    except FileNotFoundError:
        return InputError(f"is a symbolic link to {os.readlink(path)!r}, which does not exist", str(path))
    except OSError as exc:
        return InputError(describe(exc), str(path))
    return None


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, or one InputError naming it (missing, a folder, unreadable, a link loop, a
    device or pipe)."""
    refuse_special(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise (broken_link(path) or InputError(describe(exc), str(path))) from None  # (a link: not "no such file")
    except OSError as exc:
        raise InputError(describe(exc), str(path)) from None


def refuse_oversized(path: str | Path, max_mb: float | None, kind: str = "news article") -> None:
    """`document.within_size` for one named file, by its size on disk before it is read (a file that
    cannot be sized is left to the read, which names what is wrong with it). An article's limit is
    --max-file-mb; any other `kind` (glossary, configuration) has a fixed one."""
    from audit.core.document import within_size

    try:
        size = os.stat(path).st_size
    except (OSError, ValueError):
        return
    if kind == "news article":
        within_size(path, size, max_mb)
    else:
        within_size(path, size, max_mb, kind=kind, raise_it="")


def read_text(path: str | Path, what: str = "file") -> str:
    """A UTF-8 text file (a leading BOM dropped), or one InputError naming it and the line."""
    return decode_text(read_bytes(path), path, what)


def refuse_utf16(raw: bytes, path: str | Path, error: type[JaanchError] = InputError) -> None:
    """The one wording, for every file jaanch reads as text, of one saved as UTF-16 (Windows
    editors' "Unicode"): with its byte-order mark, and without one, when it decodes as UTF-8 all
    the same with a NUL beside every ASCII letter (a binary file has NULs too). Readers used to
    say it each in their own words, or read the NULs into a column name or a JSON error."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise error("is UTF-16 (it opens with a UTF-16 byte-order mark); save the file as UTF-8", str(path), 1)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise error("has a NUL byte, so it is not UTF-8 text (UTF-16 or a binary file?); save the file as UTF-8",
                    str(path), byte_line(raw, nul))


def decode_text(raw: bytes, path: str | Path, what: str = "file") -> str:
    """`read_text` of bytes already read (a caller that rewrites the file keeps its BOM)."""
    refuse_utf16(raw, path)
    body = raw.removeprefix(BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:  # exc.start counts in `body`, after the BOM
        raise InputError(f"{what} is not UTF-8 (byte 0x{body[exc.start]:02x})", str(path),
                         byte_line(body, exc.start)) from None


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: `write_atomic` refuses to replace anything else."""

    path: Path  # the real file, symlinks resolved
    size: int
    mtime_ns: int
    inode: int
    device: int
    digest: str

    @classmethod
    def of(cls, path: Path, raw: bytes, info: os.stat_result) -> "Snapshot":
        return cls(path, info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev, hashlib.sha256(raw).hexdigest())


def read_for_update(path: str | Path) -> tuple[bytes, Snapshot]:
    """Bytes of a file about to be rewritten, and its snapshot; refuses what cannot be rewritten safely."""
    raw, snapshot, info = _read_with_stat(path)
    check_writable(snapshot.path, info, str(path))
    return raw, snapshot


def read_snapshot(path: str | Path) -> tuple[bytes, Snapshot]:
    """A file's bytes and its snapshot, for a later `write_atomic(..., expect=snapshot)`; unlike
    `read_for_update` it does not refuse a file that cannot be rewritten (a reviewer may read one)."""
    raw, snapshot, _ = _read_with_stat(path)
    return raw, snapshot


def _read_with_stat(path: str | Path) -> tuple[bytes, Snapshot, os.stat_result]:
    """The bytes and the stat of the one open file (no race between the two), through symlinks."""
    real = resolve(path)
    refuse_special(real)
    try:
        with open(real, "rb") as handle:
            info = os.fstat(handle.fileno())
            raw = handle.read()
    except OSError as exc:
        raise InputError(describe(exc), str(path)) from None
    return raw, Snapshot.of(real, raw, info), info


def resolve(path: str | Path) -> Path:
    """The file a path names, through any symlinks (a loop or a dangling link is an InputError)."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        raise InputError(describe(exc), str(path)) from None


def writable(path: Path, info: os.stat_result) -> bool:
    """Whether the user may write `path`, by its permission bits even for root: a file or folder
    someone made read-only is a decision jaanch respects, as editors do. Root, whom `os.access`
    lets write anything, is held to the bits: no write bit for anyone means read-only."""
    if info.st_uid == os.geteuid():
        return bool(info.st_mode & stat.S_IWUSR)
    if os.geteuid() == 0:
        return bool(info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return os.access(path, os.W_OK)


def check_writable(real: Path, info: os.stat_result, shown: str) -> None:
    """Refuse read-only and hard-linked files, and folders we cannot create a temp file in."""
    if not stat.S_ISREG(info.st_mode):
        raise WriteError("not a regular file; jaanch rewrites only regular files", shown)
    if not writable(real, info):
        raise WriteError("is read-only; nothing was written (make it writable to let jaanch change it)", shown)
    if info.st_nlink > 1:
        raise WriteError(f"has {info.st_nlink} hard links; replacing it would split them, so nothing was "
                         "written (fix one copy and link it again)", shown)
    try:
        folder_writable = writable(real.parent, os.stat(real.parent))
    except OSError:
        folder_writable = False
    if not folder_writable:
        raise WriteError(f"its folder {real.parent} is read-only; nothing was written", shown)


def refuse_overwriting_input(output: str | Path | None, inputs, option: str = "-o") -> None:
    """Refuse, before anything is computed, an output that is one of the files the run reads (`report
    archive -o archive/story.txt`, `--write-baseline story.txt story.txt`): it was replaced by the
    report, the article lost. Compared by device and inode, so another name for the file counts."""
    if output is None or str(output) == "-":
        return
    try:
        out = os.stat(output)
    except OSError:
        return  # a file still to be made is no input
    if not stat.S_ISREG(out.st_mode):
        return
    for path in inputs:
        if str(path) == "-":
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (out.st_dev, out.st_ino):
            which = "one of the files" if str(path) == str(output) else f"{path}, one of the files"
            raise UsageError(f"{option} {output}: is {which} this run reads; nothing was written (name another file)")


def check_rewritable(path: str | Path) -> None:
    """Refuse, before anything is written, a file `check --fix` would refuse (read-only, hard-linked,
    in a read-only folder): a review saves under the same rules."""
    real = resolve(path)
    try:
        info = os.stat(real)
    except OSError as exc:
        raise WriteError(describe(exc), str(path)) from None
    check_writable(real, info, str(path))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_LEFTOVER = re.compile(r"\.jaanch-(\d+)-[0-9a-f]+\.tmp$")


def _remove_leftovers(folder: Path, name: str) -> None:
    """Temp files of runs killed with -9: theirs is the only process that could still use them."""
    try:
        entries = list(folder.glob(f".{glob_escape(name)}.jaanch-*.tmp"))
    except OSError:
        return
    for entry in entries:
        m = _LEFTOVER.search(entry.name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(m.group(1)), 0)
        except ProcessLookupError:
            entry.unlink(missing_ok=True)
        except OSError:
            continue


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def write_atomic(path: str | Path, text: str | bytes, expect: Snapshot | None = None, bom: bool = False) -> None:
    """Replace (or create) `path` with `text` in UTF-8, atomically, keeping what `expect` guards.

    Line endings are written exactly as they are in `text` (CRLF and lone CR survive); `bom` puts
    back a UTF-8 byte-order mark that the reader removed. Bytes (a Parquet table) are written as they are.
    """
    shown = str(path)
    # a lone surrogate (from a JSON escape in a CMS export) becomes a visible \\udXXX escape, which in a
    # JSON file is exactly the escape it came from
    data = text if isinstance(text, bytes) else (BOM if bom else b"") + text.encode("utf-8", "backslashreplace")
    if expect is None and _is_stream(path):
        return _write_through(path, data, shown)
    target = expect.path if expect is not None else _write_target(Path(path))
    folder, name = target.parent, target.name
    _remove_leftovers(folder, name)
    tmp = folder / f".{name}.jaanch-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise WriteError(describe(exc), shown) from None
    if expect is None and existing is not None and stat.S_ISDIR(existing.st_mode):
        raise WriteError("is a folder; give a file name", shown)
    # a report, table or baseline made read-only (or put in a read-only folder) was replaced all the
    # same when run as root, whom the system lets write anything: held to the bits, as --fix is
    if existing is not None and stat.S_ISREG(existing.st_mode) and not writable(target, existing):
        raise WriteError("is read-only; nothing was written (make it writable, or name another file)", shown)
    try:
        folder_writable = writable(folder, os.stat(folder))
    except OSError:
        folder_writable = True  # a missing folder is named below, when the temp file cannot be made
    if not folder_writable:
        raise WriteError(f"its folder {folder} is read-only; nothing was written", shown)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileNotFoundError:
        raise WriteError(f"no such folder {folder}", shown) from None
    except OSError as exc:
        raise WriteError(f"cannot create a file in {folder}: {describe(exc)}", shown) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        if expect is not None:
            _unchanged(expect, shown)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, JaanchError):
            raise WriteError(f"nothing written: {describe(exc)}", shown) from None
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _is_stream(path: str | Path) -> bool:
    """A device or a pipe (`-o /dev/stdout`, `/dev/null`, a FIFO): a rename onto it would put a
    plain file in its place (for root, in /dev), so it is written to as a stream instead."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: str | Path, data: bytes, shown: str) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise WriteError(f"nothing written: {describe(exc)}", shown) from None


def _write_target(path: Path) -> Path:
    """Through a symlink to its target, so the link stays a link and the target gets the text."""
    if path.is_symlink():
        return resolve(path)
    return path


def _unchanged(expect: Snapshot, shown: str) -> None:
    try:
        with open(expect.path, "rb") as handle:
            info = os.fstat(handle.fileno())
            same = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev) == (
                expect.size, expect.mtime_ns, expect.inode, expect.device)
            if same:
                same = hashlib.sha256(handle.read()).hexdigest() == expect.digest
    except FileNotFoundError:
        same = False
    if not same:
        raise WriteError("changed on disk since jaanch read it (an editor saved it?); nothing was written: "
                         "run again", shown)


def real_path(path, folders: dict[str, str]) -> str:
    """`os.path.realpath(path)`, its folder's worked out once (`folders`: a folder as named -> its
    real path). realpath reads every component of a path (an lstat each) and a corpus names
    thousands of files in a few folders; a name that is not a symlink resolves to itself, in its
    folder's real path (a test holds this to realpath, symlinks, `..` and relative paths included)."""
    head, name = os.path.split(os.fspath(path))
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real = folders.get(head)
    if real is None:
        real = folders[head] = os.path.realpath(head)
    return os.path.join(real, name)


def refuse_odd_backup(backup: Path, article: Path) -> None:
    """A folder in the backup's place took the copy inside it (`NAME~/NAME`) while the editor was told
    the previous version was `NAME~`; a named pipe made the copy wait. Nothing is saved: one line."""
    try:
        mode = os.stat(backup).st_mode
    except OSError:
        return
    kind = "a folder" if stat.S_ISDIR(mode) else special_kind(mode)
    if kind is not None:
        raise WriteError(f"not saved: {kind} is in the place of the previous version's copy {backup.name}; "
                         "move it away; the decisions are kept", str(article))
