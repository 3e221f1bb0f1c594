"""`jaanch glossary mine -o TABLE` over a review table a maintainer has been filling in. Mine is rerun
as articles come in; it replaced the table whole, and every answer typed into it was lost. The answers
(accept, latin, canonical) of rows whose form is still a candidate in the same role are kept; the run
says how many were kept and how many dropped (their form no longer a candidate, or in another role)."""

from __future__ import annotations

import csv

import pytest

from audit.cli.main import main
from conftest import one_line

NEW_NAME = {"लूमिनारा": 5, "लुमिनारा": 2}  # a name no glossary lists: the majority form is its canonical
OTHER = {"ज़ेफ़िरो": 4, "ज़ेफीरो": 3}
FILLER = "विशेषज्ञों ने इस फैसले का स्वागत किया।"


def _archive(folder, names):
    folder.mkdir(exist_ok=True)
    count = len(list(folder.iterdir()))
    for forms in names:
        for form, times in forms.items():
            for _ in range(times):
                (folder / f"story_{count:03d}.txt").write_text(f"{form} ने नया उत्पाद पेश किया। {FILLER}\n",
                                                               encoding="utf-8")
                count += 1
    return folder


def _rows(table):
    with open(table, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t" if table.suffix == ".tsv" else ","))


def _write(table, rows):
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), delimiter="\t" if table.suffix == ".tsv" else ",")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_rerun_keeps_the_answers_of_candidates_still_present(tmp_path, capsys, suffix):
    archive = _archive(tmp_path / "archive", [NEW_NAME, OTHER])
    table = tmp_path / f"review{suffix}"
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 0
    capsys.readouterr()
    rows = _rows(table)
    for row in rows:
        if row["form"] == "लुमिनारा":
            row.update(accept="yes", latin="Luminara")
        if row["form"] == "ज़ेफीरो":
            row.update(accept="no")
    _write(table, rows)
    # new articles: the second name's variant is gone from the archive, the first one's grows
    for path in archive.iterdir():
        if "ज़ेफीरो" in path.read_text(encoding="utf-8"):
            path.unlink()
    _archive(archive, [{"लुमिनारा": 1, "लूमिनारा": 1}])
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "kept the answers of 1 row" in out and "dropped 1 answered row" in out, out
    by_form = {row["form"]: row for row in _rows(table)}
    assert by_form["लुमिनारा"]["accept"] == "yes" and by_form["लुमिनारा"]["latin"] == "Luminara"
    assert by_form["लुमिनारा"]["occurrences"] == "3"  # the rest of the row is the new run's
    assert by_form["लूमिनारा"]["accept"] == ""
    assert "ज़ेफीरो" not in by_form


def test_a_rerun_over_an_unanswered_table_says_nothing_of_answers(tmp_path, capsys):
    archive = _archive(tmp_path / "archive", [NEW_NAME])
    table = tmp_path / "review.csv"
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 0
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "kept the answers" not in out and "dropped" not in out, out


def test_a_parquet_table_keeps_its_answers_too(tmp_path, capsys):
    import polars as pl

    archive = _archive(tmp_path / "archive", [NEW_NAME])
    table = tmp_path / "review.parquet"
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 0
    frame = pl.read_parquet(table)
    frame = frame.with_columns(accept=pl.when(pl.col("form") == "लुमिनारा").then(pl.lit("yes")).otherwise(pl.lit("")))
    frame.write_parquet(table)
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 0
    assert "kept the answers of 1 row" in capsys.readouterr().out
    kept = pl.read_parquet(table).filter(pl.col("form") == "लुमिनारा")["accept"].to_list()
    assert kept == ["yes"]


def test_an_existing_file_that_is_no_review_table_is_refused_before_mining(tmp_path, capsys):
    """It was replaced by the table: someone's notes named review.csv were lost."""
    archive = _archive(tmp_path / "archive", [NEW_NAME])
    table = tmp_path / "review.csv"
    table.write_text("name,notes\nDeepSeek,call back\n", encoding="utf-8")
    assert main(["glossary", "mine", str(archive), "-o", str(table), "--jobs", "1"]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {table}:1: the file exists and is not a review table to keep answers from"), line
    assert "nothing was written" in line
    assert table.read_text(encoding="utf-8") == "name,notes\nDeepSeek,call back\n"
