"""`jaanch glossary lint`: every problem in glossary files at once, as `file:line: reason`."""

from __future__ import annotations

from pathlib import Path

from audit.core.errors import GlossaryError
from audit.language.glossary import OPTIONAL, REQUIRED, _entry, conflicts
from audit.language.tables import LIST_SEPARATOR, read_table

LIST_COLUMNS = ("variants", "accepted", "casings", "wrong_renderings", "cues")


def lint(paths: list[str | Path]) -> list[str]:
    problems: list[str] = []
    entries = []
    for path in paths:
        try:
            rows = read_table(path, REQUIRED, OPTIONAL)
        except GlossaryError as exc:
            problems.append(exc.one_line())
            continue
        for row in rows:
            where = f"{row.path}:{row.line}"
            for column in LIST_COLUMNS:
                raw = row.get(column)
                if raw and any(not item.strip() for item in raw.split(LIST_SEPARATOR)):
                    problems.append(f"{where}: empty item in '{column}' ({raw!r})")
            try:
                entries.append(_entry(row))
            except GlossaryError as exc:
                problems.append(exc.one_line())
    found = problems + [f"{entry.path}:{entry.line}: {problem}" for entry, problem in conflicts(entries)]
    order = {path: i for i, path in enumerate(map(str, paths))}
    return sorted(found, key=lambda line: _position(line, order))


def _position(line: str, order: dict[str, int]) -> tuple[int, int]:
    """Problems in file order, then line order, as a spreadsheet user reads them."""
    for path, index in order.items():
        if line.startswith(path + ":"):
            number = line[len(path) + 1 :].split(":", 1)[0]
            return index, int(number) if number.isdigit() else 0
    return len(order), 0
