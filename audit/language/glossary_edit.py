"""Changing a glossary file from the review TUI (and later `jaanch glossary apply`), validated."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Optional

from audit.core.errors import GlossaryError
from audit.core.fileio import write_atomic
from audit.language.glossary import Glossary
from audit.core.lines import LINE_END
from audit.language.tables import LIST_SEPARATOR

LINE_END_KEPT = re.compile(f"({LINE_END.pattern})")  # re.split keeps each line's end

DEFAULT_HEADER = ["latin", "canonical", "variants", "accepted", "casings", "dnt", "wrong_renderings", "cues", "kind", "note"]


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    """The glossary's header and rows; a missing or empty file is a new glossary. A folder, a device,
    a file not in UTF-8: one InputError naming it (they were the system's words, or a crash)."""
    table = _Table.read(path)
    return table.header, table.rows


class _Table:
    """A glossary file as read, for an edit that leaves the rest of it as it was: every line not
    changed keeps its bytes, blank lines included; a new row ends as the file's lines end (CRLF,
    LF or a lone CR: the first line's), and a byte-order mark stays. It was written anew, all LF."""

    def __init__(self, header: list[str], rows: list[list[str]], numbers: list[int], lines: list[list[str]],
                 bom: bool):
        self.header, self.rows, self.numbers, self.lines, self.bom = header, rows, numbers, lines, bom

    @classmethod
    def read(cls, path: Path) -> "_Table":
        from audit.core.errors import MAX_GLOSSARY_MB
        from audit.core.fileio import BOM, decode_text, read_bytes, refuse_oversized

        if not path.exists():
            return cls(list(DEFAULT_HEADER), [], [], [], False)
        refuse_oversized(path, MAX_GLOSSARY_MB, "glossary")
        raw = read_bytes(path)
        pieces = LINE_END_KEPT.split(decode_text(raw, path, "the glossary"))
        lines = [[text, end] for text, end in zip(pieces[::2], pieces[1::2] + [""])]
        if lines and lines[-1] == ["", ""]:
            lines.pop()  # what follows the last line end
        if not lines:
            return cls(list(DEFAULT_HEADER), [], [], [], raw.startswith(BOM))
        numbered = [(n, line[0].split("\t")) for n, line in enumerate(lines[1:], start=2) if line[0].strip()]
        return cls(lines[0][0].split("\t"), [cells for _, cells in numbered], [n for n, _ in numbered], lines,
                   raw.startswith(BOM))

    def text(self) -> str:
        """The file with its rows as they are now: changed lines rewritten, new rows appended."""
        lines = [list(line) for line in self.lines] or [["\t".join(self.header), ""]]
        newline = next((end for _, end in lines if end), "\n")
        for number, cells in zip(self.numbers, self.rows):
            lines[number - 1][0] = "\t".join(cells)
        if len(self.rows) > len(self.numbers) and not lines[-1][1]:
            lines[-1][1] = newline
        lines += [["\t".join(cells), newline] for cells in self.rows[len(self.numbers):]]
        return "".join(text + end for text, end in lines)

    def line_numbers(self) -> list[int]:
        """The line of each row in `text()`: where it was read, a new row after the file's lines."""
        last = len(self.lines) or 1
        return self.numbers + list(range(last + 1, last + 1 + len(self.rows) - len(self.numbers)))

    def write(self, path: Path, origin: Origin | None = None) -> None:
        write_validated(path, self.text(), lambda probe: Glossary.load([probe]), origin, bom=self.bom)


# where each line of a table about to be written came from: the file and line an error names
Origin = Callable[[Optional[int]], tuple[str, Optional[int]]]
# what a line of that table was in its source, where the line alone does not say (a TBX's entry)
RowName = Callable[[int], Optional[str]]


def write_validated(path: Path, text: str, load: Callable[[Path], object], origin: Origin | None = None,
                    bom: bool = False, row_name: RowName | None = None) -> None:
    """Write `text` to `path` once `load` accepts a copy of it: a table the engine cannot load must
    never replace a good one. Its error names `path` and the line, or, for an import, the source
    file and line `origin` gives for that line of `text` (the TSV's line numbers mean nothing in a
    CSV with blank lines or a TBX); a row the error refers to is named the same way, never the copy.
    `row_name` names the source's entry a line came from (a TBX's conceptEntry and its id)."""
    where = origin or (lambda line: (str(path), line))
    name = row_name or (lambda line: None)
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / path.name
        probe.write_text(text, encoding="utf-8", newline="")
        try:
            load(probe)
        except GlossaryError as exc:
            def named(match: re.Match) -> str:
                file, line = where(int(match.group(1)))
                entry = name(int(match.group(1)))
                return (file if line is None else f"{file}:{line}") + (f" ({entry})" if entry else "")

            reason = re.sub(re.escape(str(probe)) + r":(\d+)", named, exc.reason)
            entry = name(exc.line) if exc.line is not None else None
            raise GlossaryError(f"{entry}: {reason}" if entry else reason, *where(exc.line)) from None
    write_atomic(path, text, bom=bom)


def _write_validated(path: Path, header: list[str], rows: list[list[str]], origin: Origin | None = None,
                     row_name: RowName | None = None) -> None:
    write_validated(path, "\n".join("\t".join(r) for r in [header, *rows]) + "\n",
                    lambda probe: Glossary.load([probe]), origin, row_name=row_name)


def add_variant(path: str | Path, latin: str, variant: str) -> None:
    """Record `variant` as a wrong spelling of the entry whose Latin form is `latin`."""
    path = Path(path)
    table = _Table.read(path)
    header, rows = table.header, table.rows
    if "variants" not in header:
        raise GlossaryError("has no 'variants' column", str(path), 1)
    col_latin, col_var = header.index("latin"), header.index("variants")
    for row in rows:
        row.extend([""] * (len(header) - len(row)))
        if row[col_latin].strip() == latin:
            items = [v for v in row[col_var].split(LIST_SEPARATOR) if v.strip()]
            if variant not in items:
                row[col_var] = LIST_SEPARATOR.join(items + [variant])
            table.write(path)
            return
    raise GlossaryError(f"no entry with latin form {latin!r}", str(path))


def add_entry(path: str | Path, latin: str, canonical: str, variants: list[str] = (), kind: str = "") -> None:
    """Append a new entry (the file is created with the standard header when missing)."""
    path = Path(path)
    table = _Table.read(path)
    values = {"latin": latin, "canonical": canonical, "variants": LIST_SEPARATOR.join(variants), "kind": kind}
    table.rows.append([values.get(col, "") for col in table.header])
    table.write(path)


def apply_changes(path: str | Path, variants: list[tuple[str, str, str]],
                  sources: list[tuple[str, int]] | None = None) -> int:
    """Add (latin, canonical, variant) triples in one validated write; unknown latin makes an entry.
    Nothing to add (no triple, or each already there) writes nothing: no header-only glossary.
    `sources`, the file and line each triple came from, is what an error about it names: a new
    entry without its canonical form, or a row the glossary cannot load once the triple is in it."""
    path = Path(path)
    if not variants:
        return 0
    table = _Table.read(path)
    header, rows = table.header, table.rows
    known = len(rows)
    col = {name: header.index(name) for name in ("latin", "canonical", "variants") if name in header}
    if len(col) < 3:
        raise GlossaryError("needs 'latin', 'canonical' and 'variants' columns", str(path), 1)
    by_latin = {}
    for row in rows:
        row.extend([""] * (len(header) - len(row)))
        by_latin[row[col["latin"]].strip()] = row
    added = 0
    sources = sources or [(str(path), None)] * len(variants)
    blamed: dict[int, tuple[str, int | None]] = {}  # id of a row changed or made -> the source that did
    for (latin, canonical, variant), source in zip(variants, sources):
        row = by_latin.get(latin)
        if row is None:
            if not canonical:
                raise GlossaryError(f"{latin!r} is no entry of {path}: a new entry needs its 'canonical' form",
                                    *source)
            row = [""] * len(header)
            row[col["latin"]], row[col["canonical"]] = latin, canonical
            rows.append(row)
            by_latin[latin] = row
        items = [v for v in row[col["variants"]].split(LIST_SEPARATOR) if v.strip()]
        if variant not in items and variant != row[col["canonical"]]:
            row[col["variants"]] = LIST_SEPARATOR.join(items + [variant])
            added += 1
        blamed[id(row)] = source
    if added or len(rows) > known:
        at = {line: blamed[id(row)] for line, row in zip(table.line_numbers(), rows) if id(row) in blamed}
        table.write(path, lambda line: at.get(line, (str(path), line)))
    return added
