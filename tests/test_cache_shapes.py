"""A table-cache file is ours, never the user's truth: one whose payload unpacks to something other
than the table's shape (a None, a retyped field, a list cut short, an index past its list) is a miss,
rebuilt and written again whole, exactly as a missing file is; never an internal error."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys

import pytest

from conftest import ROOT

# Every reader of the table cache, each asked something that needs its table.
PROBE = """
from audit.core.text import romanise
from audit.language.concepts import default_concepts
from audit.language.glossary import DEFAULT_GLOSSARY, Glossary
from audit.language.wordstats import english_words, english_zipf, hindi_zipf
glossary = Glossary.load([DEFAULT_GLOSSARY])
concepts = default_concepts()
print(hindi_zipf('भारत'), english_zipf('capacity'), len(english_words()), romanise('कैपेसिटी'))
print(len(glossary.entries), sorted(e.latin for e in glossary.entries)[:3], len(glossary.forms._table))
print(len(concepts.concepts), len(concepts.forms), len(concepts._index_entries), concepts.concepts[-1])
"""
HEADER = b"jaanch-table\n"


def _probe(cache) -> subprocess.CompletedProcess:
    env = dict(os.environ, JAANCH_CACHE_DIR=str(cache), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300)


def _table(file) -> object:
    """A table file's value (its bytes differ between two builds: marshal marks the strings this
    process happened to intern)."""
    raw = file if isinstance(file, bytes) else file.read_bytes()
    assert raw.startswith(HEADER) and int.from_bytes(raw[len(HEADER):len(HEADER) + 8], "little") == len(raw) - len(HEADER) - 8
    return marshal.loads(raw[len(HEADER) + 8:])


def _pack(value) -> bytes:
    payload = marshal.dumps(value)
    return HEADER + len(payload).to_bytes(8, "little") + payload


_OTHER_TYPE = {str: 0, int: "0", float: "x", bool: None}


def _retyped(value, last: bool):
    """The table with its first (or last) leaf of another type: a string where a number was, and so on."""
    if isinstance(value, dict) and value:
        key = list(value)[-1 if last else 0]
        return {**value, key: _retyped(value[key], last)}
    if isinstance(value, (list, tuple)) and value:
        i = len(value) - 1 if last else 0
        items = list(value)
        items[i] = _retyped(items[i], last)
        return type(value)(items)
    return _OTHER_TYPE.get(type(value), 0)


def _cut(value):
    """The table's first list cut to one item, where the rest of the table counts on its length: a
    frequency for each word, entries and concepts that the indexes name by number."""
    if isinstance(value, dict) and ("words" in value or "entries" in value or "concepts" in value):
        key = next(k for k, v in value.items() if isinstance(v, list))
        return {**value, key: value[key][:1]}
    return value


DAMAGE = {
    "zero bytes": lambda whole, table: b"",
    "None": lambda whole, table: _pack(None),
    "an empty dict": lambda whole, table: _pack({}),
    "first leaf retyped": lambda whole, table: _pack(_retyped(table, last=False)),
    "last leaf retyped": lambda whole, table: _pack(_retyped(table, last=True)),
    "a list cut short": lambda whole, table: whole if _cut(table) is table else _pack(_cut(table)),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cache = tmp_path_factory.mktemp("tables")
    clean = _probe(cache)
    assert clean.returncode == 0 and not clean.stderr, clean.stderr
    files = {p.name: p.read_bytes() for p in cache.iterdir()}
    assert len(files) == 6, sorted(files)  # hk, wordfreq hi and en, english words, glossary, concepts
    inodes = {p.name: p.stat().st_ino for p in cache.iterdir()}
    assert _probe(cache).stdout == clean.stdout
    assert {p.name: p.stat().st_ino for p in cache.iterdir()} == inodes  # each table as built reads back
    return clean.stdout, files


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_cache_file_of_the_wrong_shape_is_rebuilt(built, damage, tmp_path):
    clean, files = built
    for name, whole in files.items():
        table = marshal.loads(whole[len(HEADER) + 8:])
        (tmp_path / name).write_bytes(DAMAGE[damage](whole, table))
    again = _probe(tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == clean
    for name, whole in files.items():
        assert _table(tmp_path / name) == _table(whole), name  # written again, whole


def test_the_transliteration_table_with_no_key_length_is_rebuilt(built, tmp_path):
    """A longest-key length of 0 matched no key at all: every word came back untransliterated."""
    clean, files = built
    for name, whole in files.items():
        table = marshal.loads(whole[len(HEADER) + 8:])
        if name.startswith("hk-"):
            whole = _pack({**table, "max_key": 0})
        (tmp_path / name).write_bytes(whole)
    again = _probe(tmp_path)
    assert (again.returncode, again.stderr, again.stdout) == (0, "", clean)


def test_shapes_of_nested_data():
    from audit.core.datacache import conforms

    rows = {"rows": [(("a", "b"), 1, "x"), ((), 2, "y")], "names": {"a": 1.5}}
    shape = {"rows": [((str, ...), int, str)], "names": {str: float}}
    assert conforms(rows, shape)
    for wrong in ({"rows": [(("a", 2), 1, "x")], "names": {}},  # an int among the strings
                  {"rows": [(("a",), True, "x")], "names": {}},  # a bool is no int here
                  {"rows": [(("a",), 1)], "names": {}},  # a field short
                  {"rows": [[("a",), 1, "x"]], "names": {}},  # a list where a tuple was
                  {"rows": [], "names": {"a": "1.5"}},
                  {"rows": [], "names": {1: 1.5}},
                  {"rows": []},
                  {"rows": [], "names": {}, "more": 1}):
        assert not conforms(wrong, shape), wrong


def test_a_named_pipe_in_a_tables_place_is_a_miss_not_a_wait(built, tmp_path):
    """Read with a plain open(), a pipe waited for a writer for ever."""
    clean, files = built
    for name, whole in files.items():
        if name.startswith("hk-"):
            os.mkfifo(tmp_path / name)
        else:
            (tmp_path / name).write_bytes(whole)
    env = dict(os.environ, JAANCH_CACHE_DIR=str(tmp_path), PYTHONIOENCODING="utf-8")
    again = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                           timeout=60)
    assert (again.returncode, again.stderr, again.stdout) == (0, "", clean)
    assert all(_table(tmp_path / name) == _table(whole) for name, whole in files.items())
