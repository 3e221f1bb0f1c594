"""A review table (`glossary apply`) whose row has more cells than its header, or a quote left open,
is one line naming the file and the line, in jaanch's words: polars said "found more fields than
defined in 'Schema'" or "could not parse `...`", naming no line, and a spreadsheet that adds a tab
after the last cell of one row is common."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

HEADER = "form\trole\taccept\tlatin\tcanonical"
ROW = "ओपनी\tvariant\tyes\tOpenAI\tओपनएआई"
GLOSSARY = "latin\tcanonical\tvariants\nOpenAI\tओपनएआई\tओपनई\n"


@pytest.mark.parametrize("suffix", [".tsv", ".csv"])
@pytest.mark.parametrize("lines, line, reason", [
    ([HEADER, ROW, ROW.replace("ओपनी", "ओपेनी") + "\t"], 3, "6 cells where the header names 5"),
    ([HEADER, "", ROW + "\textra"], 3, "6 cells where the header names 5"),
    ([HEADER, ROW.replace("ओपनी", '"ओपनी'), ROW], 2, "a quote opened on this line is never closed"),
])
def test_a_ragged_or_unquoted_review_table_is_one_line(tmp_path, capsys, suffix, lines, line, reason):
    sep = "\t" if suffix == ".tsv" else ","
    table = tmp_path / f"review{suffix}"
    table.write_text("\n".join(row.replace("\t", sep) for row in lines) + "\n", encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    assert main(["glossary", "apply", str(table), "--glossary", str(glossary)]) == 2
    assert one_line(capsys) == f"jaanch: {table}:{line}: {reason}"
    assert glossary.read_text(encoding="utf-8") == GLOSSARY


def test_a_short_row_is_still_read_as_before(tmp_path, capsys):
    """A row with its last cells left off (a spreadsheet drops empty trailing cells) is no error:
    the missing cells are empty."""
    table = tmp_path / "review.tsv"
    table.write_text("\n".join([HEADER, ROW, "ओपनीं\tvariant"]) + "\n", encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    assert main(["glossary", "apply", str(table), "--glossary", str(glossary)]) == 0
    assert glossary.read_text(encoding="utf-8").endswith("ओपनई|ओपनी\n")
