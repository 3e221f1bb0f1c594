"""`jaanch glossary stats` and `glossary apply` on the inputs a desk really has: an empty glossary,
a review table saved again by a spreadsheet or a dataframe library, a glossary saved on Windows."""

from __future__ import annotations

import csv

import pytest

from audit.cli.main import main
from conftest import one_line

HEADER = "latin\tcanonical\tvariants\taccepted\tcasings\tdnt\twrong_renderings\tcues\tkind\tnote"
STORY = "केस्ट्रोवा ने आज बेंगलुरु में अपना नया दफ्तर खोला।\n"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "one.txt").write_text(STORY, encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", ["no-house-glossary", "header-only", "config"])
@pytest.mark.parametrize("to_file", [False, True], ids=["summary", "table"])
def test_stats_over_a_glossary_with_no_entries_says_so(tmp_path, archive, capsys, how, to_file):
    """With no entry in force, stats was an internal error (exit 3): polars made a table of no
    columns from no rows. Now the table has its header and no row, and the summary says why."""
    args = ["glossary", "stats", str(archive)]
    if how == "no-house-glossary":
        args.append("--no-house-glossary")
    elif how == "header-only":
        empty = tmp_path / "empty.tsv"
        empty.write_text(HEADER + "\n", encoding="utf-8")
        args += ["--no-house-glossary", "--glossary", str(empty)]
    else:
        (tmp_path / "jaanch.toml").write_text("house-glossary = false\n", encoding="utf-8")
        args += ["--config", str(tmp_path / "jaanch.toml")]
    table = tmp_path / "stats.csv"
    if to_file:
        args += ["-o", str(table)]
    assert main(args) == 0
    out = capsys.readouterr()
    assert "no entries" in out.out and not out.err, out
    if to_file:
        with open(table, encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows == [["latin", "canonical", "kind", "line", "uses", "variant_findings", "casing_findings",
                         "translated_findings", "fired"]]
