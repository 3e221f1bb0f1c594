"""Reading the TSV tables editors keep in a spreadsheet (glossary and lexicons).

Errors name the file and the line a spreadsheet user would look at (the header is line 1).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from audit.core.errors import GlossaryError

LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Row:
    """One data row: its 1-based line in the file and its cells by column name."""

    path: str
    line: int
    cells: dict

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def items(self, column: str) -> list[str]:
        return [v.strip() for v in self.get(column).split(LIST_SEPARATOR) if v.strip()]

    def error(self, reason: str) -> GlossaryError:
        return GlossaryError(reason, self.path, self.line)


def read_table(path: str | Path, required: tuple[str, ...], optional: tuple[str, ...] = (),
               unique: tuple[str, ...] = ()) -> list[Row]:
    """Read a UTF-8 TSV with a header row; unknown or missing columns are errors.

    `unique`: the columns that key a row; a second row with the same cells there is an error
    naming its line and the first's (a spreadsheet takes a currency twice without a word, and
    the loader would keep one of them silently).

    The tables have no quoting (a cell is everything between two tabs, as polars read them
    with quote_char=None before), so splitting each line on tabs parses them exactly, and
    `jaanch check` no longer pays polars' import for tables this size.
    """
    name = str(path)
    from audit.core.errors import MAX_GLOSSARY_MB
    from audit.core.fileio import read_bytes, refuse_oversized, refuse_utf16
    from audit.core.lines import LINE_END, byte_line

    refuse_oversized(path, MAX_GLOSSARY_MB, "glossary")  # (a table is read whole)
    raw = read_bytes(path)  # an unreadable file is an InputError: a usage problem, not a table problem
    refuse_utf16(raw, name, GlossaryError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError("not UTF-8", name, byte_line(raw, exc.start)) from None
    lines = LINE_END.split(text)  # a lone CR ends a line too, as everywhere in jaanch (audit/core/lines.py)
    if not lines[0].strip():
        raise GlossaryError("missing header row", name, 1)
    header = [h.strip() for h in lines[0].split("\t")]
    known = set(required) | set(optional)
    for col in header:
        if col not in known:
            raise GlossaryError(f"unknown column {col!r} (known: {', '.join(sorted(known))})", name, 1)
    for col in required:
        if col not in header:
            raise GlossaryError(f"missing column {col!r}", name, 1)
    if len(set(header)) != len(header):
        raise GlossaryError("a column name appears twice", name, 1)
    # This pass gives a malformed row its line number before any parsing.
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() and line.count("\t") != len(header) - 1:
            got = line.count("\t") + 1
            raise GlossaryError(f"expected {len(header)} tab-separated fields, found {got}", name, number)
    rows = [
        Row(name, number, dict(zip(header, line.split("\t"))))
        for number, line in enumerate(lines[1:], start=2)
        if line.strip()
    ]
    if unique:
        _refuse_duplicates(rows, unique)
    return rows


def _refuse_duplicates(rows: list[Row], columns: tuple[str, ...]) -> None:
    first: dict[tuple[str, ...], int] = {}
    for row in rows:
        key = tuple(row.get(column) for column in columns)
        if not all(key):
            continue  # an empty key is the loader's to refuse, with its own reason
        if key in first:
            shown = ", ".join(f"{column} {value!r}" for column, value in zip(columns, key))
            raise row.error(f"duplicate row: {shown} is already on line {first[key]}")
        first[key] = row.line


def file_digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:12]
