"""Which files a run reads: folders expanded to the articles inside them, each file named once."""

from __future__ import annotations

import os
from pathlib import Path

from audit.core.document import ARTICLE_SUFFIXES, CMS_SUFFIXES, PAIR_SUFFIXES, within_size
from audit.core.errors import MAX_FILE_MB, InputError


def collect_paths(paths: list[str], extra_suffixes: tuple[str, ...] = (),
                  max_mb: float | None = MAX_FILE_MB) -> list[Path]:
    """Expand folders to the article files inside them (sorted, recursive); each is a regular file
    of at most `max_mb` MB (None: any size), and named once (see `once_each`)."""
    from audit.core.fileio import describe, special_kind

    out: list[Path] = []
    suffixes = ARTICLE_SUFFIXES + extra_suffixes
    for raw in paths:
        if raw == "-":
            raise InputError("standard input is read by `jaanch check -` only; name a file or a folder", raw)
        p = Path(raw)
        try:
            mode = p.stat().st_mode
        except FileNotFoundError:
            from audit.core.fileio import broken_link

            raise (broken_link(raw) or InputError("no such file or folder", raw)) from None
        except OSError as exc:
            raise InputError(describe(exc), raw) from None
        if p.is_dir():
            found = articles_in(p, suffixes)
            if not found:
                raise InputError(f"no {' or '.join(ARTICLE_SUFFIXES)} articles found in this folder", raw)
            out.extend(found)
        elif special_kind(mode) is not None:
            from audit.core.fileio import refuse_special

            refuse_special(p)
        elif p.suffix.lower() in PAIR_SUFFIXES + CMS_SUFFIXES and p.suffix.lower() not in suffixes:
            # its raw TSV, JSON or HTML was read as an article's text (review, report, lm train, mine,
            # stats, calibrate), exit 0
            raise InputError("is a pairs file or CMS export, which `jaanch check` reads; this command reads "
                             ".txt and .md articles", raw)
        else:
            out.append(p)
    if max_mb is not None:
        for path in out:
            try:
                size = path.stat().st_size
            except OSError as exc:  # gone since the folder was listed
                raise InputError(describe(exc), str(path)) from None
            within_size(path, size, max_mb)
    return once_each(out)


def articles_in(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files under `folder` (recursive, sorted) whose suffix is one of `suffixes`. A folder in it
    that cannot be listed (permission denied) stops the run, named: Path.rglob passed over it in
    silence, and the articles inside were never checked. Symlinked folders are not entered (as rglob)."""
    from audit.core.fileio import broken_link, describe

    def refuse(exc: OSError) -> None:
        raise unreadable_folder(exc, exc.filename or folder)

    found = []
    for root, _dirs, files in os.walk(folder, onerror=refuse):
        for name in files:
            # dot-files are jaanch's own (.jaanch-suppressions.json) or tools', never articles;
            # is_file() is true of regular files only (a device or pipe in the folder is passed over)
            if name.startswith(".") or Path(name).suffix.lower() not in suffixes:
                continue
            f = Path(root, name)
            try:
                regular = f.is_file()
            except OSError as exc:  # in a folder that can be listed but not entered (mode r--)
                raise InputError(describe(exc), str(f)) from None
            if regular:
                found.append(f)
            elif (broken := broken_link(f)) is not None:  # passed over, the article it was was never checked
                raise broken
    return sorted(found)


def unreadable_folder(exc: OSError, folder) -> InputError:
    """The one error for a folder jaanch cannot read, whether it was walking it for articles or
    looking in it for a jaanch.toml."""
    from audit.core.fileio import describe

    return InputError(f"cannot read this folder ({describe(exc)})", str(folder))


def once_each(paths: list) -> list:
    """`paths` without a file named again: the same path twice, a folder and a file in it, or a
    symlink to a file also named, are one file (kept where first named), checked and reported once.
    "-" (standard input) is kept once too."""
    from audit.core.fileio import real_path

    seen: set[str] = set()
    folders: dict[str, str] = {}
    out = []
    for path in paths:
        key = "-" if path == "-" else real_path(path, folders)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out
