"""Glossary additions from a review session: confirmed, loaded, and undoable.

An addition writes the glossary file at once (so `jaanch check` sees it), and the session keeps
the file's content at every step, so undo and redo put the file back as it was. A glossary
the session had not loaded is loaded from then on, or the addition would have no effect.
"""

from __future__ import annotations

from pathlib import Path

from audit.core.errors import JaanchError
from audit.core.fileio import write_atomic
from audit.language.glossary import DEFAULT_GLOSSARY
from audit.lint.engine import Engine

DESK_GLOSSARY = "desk.tsv"


def read(path: Path) -> str | None:
    """The glossary exactly as it is on disk (its BOM and line ends: undo writes it back byte for
    byte; read with universal newlines, a CRLF glossary came back LF), None where there is none;
    one that cannot be read (UTF-16, a folder, a pipe) is one line naming it."""
    from audit.core.errors import InputError
    from audit.core.fileio import decode_text, describe, refuse_special

    try:
        refuse_special(path)
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read the glossary ({describe(exc)})", str(path)) from None
    decode_text(raw, path, "the glossary")
    return raw.decode("utf-8")


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def is_loaded(engine: Engine, path: Path) -> bool:
    return any(_same(path, p) for p in engine.glossary_paths)


def default_target(engine: Engine, article: Path) -> Path:
    """The last glossary the desk passed (never the installed one), else desk.tsv beside the article."""
    own = [p for p in engine.glossary_paths if not _same(Path(p), DEFAULT_GLOSSARY)]
    return Path(own[-1]) if own else article.parent / DESK_GLOSSARY


def describe(engine: Engine, path: Path, latin: str, canonical: str | None, form: str) -> str:
    what = (f"Add '{form}' as a variant of {latin} to {path}." if canonical is None
            else f"Add a new entry {latin} → {canonical}" + (f" (variant '{form}')" if form != canonical else "")
            + f" to {path}.")
    notes = []
    if not path.exists():
        notes.append(f"{path.name} does not exist yet: it will be created.")
    if _same(path, DEFAULT_GLOSSARY):
        notes.append("This is the glossary installed with jaanch: upgrading jaanch replaces it.")
    if not is_loaded(engine, path):
        notes.append(f"{path.name} is not loaded in this session: it will be loaded now "
                     f"(pass --glossary {path} to `jaanch check` as well).")
    return " ".join([what, *notes, "Undo (u) takes it out again."])


def _reload(engine: Engine) -> None:
    engine.__dict__.pop("glossary", None)
    engine.glossary  # noqa: B018 - load now, so a bad stack fails here and not mid-audit


def add(engine: Engine, path: Path, latin: str, canonical: str | None, form: str) -> bool:
    """Write the addition and make it take effect; returns True when the glossary was newly loaded."""
    from audit.language.glossary_edit import add_entry, add_variant

    before = read(path)
    if canonical is None:
        add_variant(path, latin, form)
    else:
        add_entry(path, latin, canonical, [form] if form != canonical else [])
    newly = not is_loaded(engine, path)
    if newly:
        engine.glossary_paths = [*engine.glossary_paths, path]
    try:
        _reload(engine)
    except JaanchError:
        # The file is valid alone but clashes with the stack: put everything back.
        _restore(path, before)
        if newly:
            engine.glossary_paths = [p for p in engine.glossary_paths if not _same(Path(p), path)]
        _reload(engine)
        raise
    return newly


def _restore(path: Path, content: str | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, content)


def sync(engine: Engine, origin: dict[str, str | None], old: dict[str, str | None],
         new: dict[str, str | None]) -> bool:
    """Make each glossary file hold what state `new` says (its origin where `new` never touched it)."""
    changed = False
    for name in set(old) | set(new):
        path = Path(name)
        want = new.get(name, origin.get(name))
        if read(path) == want:
            continue
        _restore(path, want)
        changed = True
        if want is None:
            engine.glossary_paths = [p for p in engine.glossary_paths if not _same(Path(p), path)]
        elif not is_loaded(engine, path):
            engine.glossary_paths = [*engine.glossary_paths, path]
    if changed:
        _reload(engine)
    return changed
