"""Compact lookup tables built once from the libraries' own data, kept in a versioned user cache.

`jaanch check` needs a few facts from large libraries (how common a word is, per wordfreq; how
Devanagari romanises, per indic-transliteration) but not the libraries' start-up: wordfreq reads
and unpacks whole frequency lists, indic-transliteration parses ninety scheme files. Each table
is built by the library itself the first time, stored with marshal (plain data, no code) under
a name that hashes the library versions, Python's version and the table's format, and read back
in milliseconds afterwards. A cache folder that cannot be written only costs the rebuild.

The folder: $JAANCH_CACHE_DIR, else $XDG_CACHE_HOME/jaanch/tables, else ~/.cache/jaanch/tables.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Callable
from itertools import chain
from pathlib import Path

FORMAT = 2  # bump when a table's layout changes
# Each file opens with this and the payload's length: a truncated file, or one that something else
# overwrote, is rebuilt instead of being unpacked into a value of the wrong shape (a crash later).
HEADER = b"jaanch-table\n"


def cache_dir() -> Path:
    if os.environ.get("JAANCH_CACHE_DIR"):
        return Path(os.environ["JAANCH_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "jaanch" / "tables"


def package_version(name: str) -> str:
    """Where a package is installed and when its files last changed: a new version (or an
    edited install) gives a new key. importlib.metadata would cost more than the table saves."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or not spec.origin:
        return "absent"
    folder = Path(spec.origin).parent
    return f"{folder}:{max(p.stat().st_mtime_ns for p in folder.iterdir() if p.name != '__pycache__')}"


def table_path(name: str, sources: tuple[str, ...]) -> Path:
    key = "|".join((name, str(FORMAT), sys.version, *sources))
    return cache_dir() / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def cached_table(name: str, sources: tuple[str, ...], build: Callable[[], object], shape: object,
                 read: Callable[[object], object] = lambda data: data):
    """`read(table)` of the table `build()` returns, the table read from the cache when `sources`
    (versions, file hashes) match what it was built from; built and stored otherwise.

    A cache is ours, never the user's truth: a file that unpacks to data not of `shape` (see
    `conforms`), or that `read` refuses (a LookupError, TypeError or ValueError: an index past
    its list, a count that does not match), is a miss like a missing file, rebuilt and replaced."""
    path = table_path(name, sources)
    raw = _read_file(path)
    if raw is not None:
        # plain data, no cycles: the collector's passes while it is unpacked (tens of thousands of
        # containers) found nothing and cost about a twentieth of a cold start
        enabled = gc.isenabled()
        gc.disable()
        start = len(HEADER) + 8
        try:
            if raw[: len(HEADER)] == HEADER and int.from_bytes(raw[len(HEADER) : start], "little") == len(raw) - start:
                data = marshal.loads(memoryview(raw)[start:])
                if conforms(data, shape):
                    return read(data)
        except (EOFError, LookupError, TypeError, ValueError):
            pass
        finally:
            if enabled:
                gc.enable()
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(temp, "wb") as handle:  # plain open(): the file follows the user's umask
            payload = marshal.dumps(table)
            handle.write(HEADER + len(payload).to_bytes(8, "little") + payload)
        os.replace(temp, path)
    except OSError:
        pass  # read-only home, full disk: the run goes on with the table in memory
    return read(table)


def _read_file(path: Path) -> bytes | None:
    """The cache file's bytes, or None: missing, unreadable, or no regular file. A named pipe in its
    place was waited on for ever (opened without O_NONBLOCK, a pipe waits for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            return handle.read() if stat.S_ISREG(os.fstat(handle.fileno()).st_mode) else None
    except OSError:
        return None


def conforms(value: object, shape: object) -> bool:
    """Whether data unpacked from a cache file has the shape its table is built in. A shape is a type
    (the value's own type: True is no int here); [s] a list, and (s, ...) a tuple, of any length
    whose items are all of shape s; a tuple of shapes a tuple of as many items, each of its shape;
    {type: s} a dict whose keys are of that type and values of shape s; and a dict of names a dict
    with exactly those keys, each of its shape."""
    return _all_of((value,), shape)


def _all_of(values, shape) -> bool:
    """Whether every one of `values` has this shape. Asked of a whole column at once (the items of
    every list, the n-th field of every tuple), so that a table of a hundred thousand strings is
    checked at C speed, not one Python call per item."""
    if isinstance(shape, type):
        return set(map(type, values)) <= {shape}
    if not isinstance(values, (list, tuple)):
        values = list(values)
    if isinstance(shape, list):
        return _all_of(values, list) and _all_of(chain.from_iterable(values), shape[0])
    if isinstance(shape, tuple):
        if not _all_of(values, tuple):
            return False
        if len(shape) == 2 and shape[1] is Ellipsis:
            return _all_of(chain.from_iterable(values), shape[0])
        return set(map(len, values)) <= {len(shape)} and all(map(_all_of, zip(*values), shape))
    if not _all_of(values, dict):
        return False
    ((key, item),) = shape.items() if len(shape) == 1 else ((None, None),)
    if isinstance(key, type):
        return (_all_of(chain.from_iterable(values), key)
                and _all_of(chain.from_iterable(map(dict.values, values)), item))
    return (all(v.keys() == shape.keys() for v in values)
            and all(_all_of([v[k] for v in values], s) for k, s in shape.items()))


def record_shape(cls: type) -> tuple:
    """The shape of a dataclass stored as the tuple of its fields' values: its fields' annotations,
    each a plain type or tuple[t, ...]."""
    import typing
    from dataclasses import fields

    hints = typing.get_type_hints(cls)
    shapes = []
    for field in fields(cls):
        hint = hints[field.name]
        args = typing.get_args(hint)
        shapes.append((args[0], ...) if typing.get_origin(hint) is tuple and args[1:] == (Ellipsis,) else hint)
    return tuple(shapes)
