"""A pairs TSV whose header names 'source' (or 'target') twice was read from the first such column,
the other passed over without a word: which column holds the English is the user's to say. Refused:
one line naming the file and line 1, exit 2."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

ROW = "The council opened a new bus service.\tनगर निगम ने नई बस सेवा शुरू की।\tThe council's new bus service.\n"


@pytest.mark.parametrize("header, column, places", [("source\ttarget\tsource", "source", "1, 3"),
                                                     ("target\tsource\ttarget", "target", "1, 3")])
def test_a_column_named_twice_is_one_line(tmp_path, capsys, header, column, places):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(header + "\n" + ROW, encoding="utf-8")
    assert main(["check", str(pairs)]) == 2
    assert one_line(capsys) == (f"jaanch: {pairs}:1: the header names '{column}' more than once "
                                f"(columns {places}); keep one")


def test_other_columns_may_repeat(tmp_path, capsys):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("source\ttarget\tnote\tnote\n" + ROW.replace("\n", "\tsecond note\n"), encoding="utf-8")  # unread
    assert main(["check", str(pairs)]) in (0, 1)
    assert "jaanch: " not in capsys.readouterr().err
