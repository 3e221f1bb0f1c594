"""What a hostile user found on the command line: each ended in a traceback or a wrong exit code."""

from __future__ import annotations

import os

from audit.cli.main import main

ARTICLE = "कंपनी ने ओपन -सोर्स मॉडल जारी किया।\n"  # FMT002: a space before the hyphen


def test_report_names_an_article_whose_file_name_is_not_utf8(tmp_path, capsys):
    (tmp_path / os.fsdecode(b"x\xff.txt")).write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "report.html"
    assert main(["report", "-o", str(page), str(tmp_path)]) == 0, capsys.readouterr().err
    assert "x\\xff.txt" in page.read_text(encoding="utf-8")


def test_a_suppressions_file_of_numbers_is_one_plain_line(tmp_path, capsys):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".jaanch-suppressions.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["check", str(tmp_path / "story.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ".jaanch-suppressions.json" in err[0], err
    assert "dismissal 1 is int" in err[0] and "argument after **" not in err[0], err
