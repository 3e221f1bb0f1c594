"""Summary lines read as English: one article, one file, one problem (not "1 problems in 1 files")."""

from __future__ import annotations

from audit.reporters.text import counted
from conftest import run_cli


def test_counted_agrees_with_its_number():
    assert counted(1, "problem") == "1 problem"
    assert counted(0, "finding") == "0 findings"
    assert counted(2, "hidden fix", "hidden fixes") == "2 hidden fixes"


def test_report_summary_names_one_article_in_the_singular(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "story.txt").write_text("मौसम विभाग ने आज बारिश की चेतावनी दी है।\n", encoding="utf-8")
    out = tmp_path / "r.html"
    done = run_cli("report", str(folder), "-o", str(out))
    assert done.returncode == 0, done.stderr
    said = done.stdout.decode()
    assert "in 1 article\n" in said and "articles" not in said
