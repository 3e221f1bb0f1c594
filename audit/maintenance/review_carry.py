"""`jaanch glossary mine -o TABLE` over a review table a maintainer has been filling in: the answers
typed into it (accept, latin, canonical) carry over to the rows of the new run whose form is still a
candidate in the same role. Mine is rerun as articles come in; it replaced the table whole."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from audit.core.errors import InputError, JaanchError
from audit.core.fileio import WriteError, writable

ANSWER_COLUMNS = ("accept", "latin", "canonical")


@dataclass
class Answers:
    by_candidate: dict[tuple[str, str], dict[str, str]]  # (form, role) -> the answer cells
    kept: int = 0
    dropped: int = 0


def earlier_answers(path: Path) -> Answers | None:
    """The answered rows of the table at `path`, read before the archive is mined: None where there
    is no table to keep (no file, an empty one, a folder or a stream, which the write names)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or not info.st_size:
        return None
    if not writable(path, info):  # said now, not after the archive was mined
        raise WriteError("is read-only; nothing was written (make it writable, or name another file)", str(path))
    from audit.maintenance.apply import read_review

    try:
        frame = read_review(path)
    except JaanchError as exc:
        raise InputError(f"the file exists and is not a review table to keep answers from ({exc.reason}); "
                         "nothing was written (name a new file, or move this one)", str(path), exc.line) from None
    entry = frame["entry"].cast(str).to_list() if "entry" in frame.columns else [""] * frame.height
    answers: dict[tuple[str, str], dict[str, str]] = {}
    for row, written in zip(frame.iter_rows(named=True), entry):
        cells = {name: (row[name] or "") for name in ("form", "role", *ANSWER_COLUMNS)}
        # `latin` is mine's own where it names the row's glossary entry; anything else was typed in
        if cells["accept"].strip() or cells["latin"].strip() not in ("", (written or "").strip()):
            answers.setdefault((cells["form"], cells["role"]), {k: cells[k] for k in ANSWER_COLUMNS})
    return Answers(answers)


def carry_answers(table, answers: Answers):
    """`table` (the new run's) with the earlier answers in the rows of the same form and role;
    `answers` counts how many were kept and how many dropped."""
    import polars as pl

    if not answers.by_candidate or not table.height:
        answers.dropped = len(answers.by_candidate)
        return table
    columns = {name: table[name].to_list() for name in ANSWER_COLUMNS}
    found = set()
    for index, (form, role) in enumerate(zip(table["form"].to_list(), table["role"].to_list())):
        cells = answers.by_candidate.get((form, role))
        if cells is not None:
            found.add((form, role))
            for name in ANSWER_COLUMNS:
                columns[name][index] = cells[name]
    answers.kept, answers.dropped = len(found), len(answers.by_candidate) - len(found)
    return table.with_columns(pl.Series(name, values, dtype=pl.String) for name, values in columns.items())


def answers_note(answers: Answers | None) -> str:
    if answers is None or not (answers.kept or answers.dropped):
        return ""
    rows = lambda n: f"{n} row" if n == 1 else f"{n} rows"  # noqa: E731
    note = f"; kept the answers of {rows(answers.kept)} from the table there"
    if answers.dropped:
        note += (f", dropped {rows(answers.dropped).replace('row', 'answered row')} whose form is no longer "
                 "a candidate in that role")
    return note
