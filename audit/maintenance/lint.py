"""`jaanch glossary lint`: every problem in glossary files at once, as `file:line: reason`."""

from __future__ import annotations

from pathlib import Path

from audit.core.errors import GlossaryError
from audit.language.glossary import OPTIONAL, REQUIRED, _entry
from audit.language.tables import LIST_SEPARATOR, read_table
from audit.core.text import fold

LIST_COLUMNS = ("variants", "casings", "wrong_renderings", "cues")


def lint(paths: list[str | Path]) -> list[str]:
    problems: list[str] = []
    canonical_at: dict[str, tuple[str, str, int]] = {}  # folded canonical → (latin, path, line)
    variant_at: dict[str, tuple[str, str, int]] = {}
    latin_at: dict[str, tuple[str, int]] = {}
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
                entry = _entry(row)
            except GlossaryError as exc:
                problems.append(exc.one_line())
                continue
            key = entry.latin.casefold()
            if key in latin_at:
                problems.append(f"{where}: duplicate entry {entry.latin!r} (also {latin_at[key][0]}:{latin_at[key][1]})")
            latin_at.setdefault(key, (row.path, row.line))
            canon = fold(entry.canonical)
            if canon in variant_at and variant_at[canon][0] != entry.latin:
                other = variant_at[canon]
                problems.append(f"{where}: canonical form {entry.canonical!r} is listed as a variant of "
                                f"{other[0]!r} ({other[1]}:{other[2]})")
            canonical_at.setdefault(canon, (entry.latin, row.path, row.line))
            for variant in entry.variants:
                v = fold(variant)
                if v in variant_at and variant_at[v][0] != entry.latin:
                    other = variant_at[v]
                    problems.append(f"{where}: variant {variant!r} is also listed under {other[0]!r} ({other[1]}:{other[2]})")
                if v in canonical_at and canonical_at[v][0] != entry.latin and fold(entry.canonical) != v:
                    other = canonical_at[v]
                    problems.append(f"{where}: variant {variant!r} is the canonical form of {other[0]!r} ({other[1]}:{other[2]})")
                variant_at.setdefault(v, (entry.latin, row.path, row.line))
    return problems
