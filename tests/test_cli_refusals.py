"""Commands a user gave something that cannot work: one line naming the file, exit 2, nothing written."""

from __future__ import annotations

from audit.cli.main import main

ARTICLE = "कंपनी ने नया मॉडल पेश किया। बाजार में हलचल है।\n"


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_compare_with_one_empty_file_names_it(tmp_path, capsys):
    """One empty side printed every sentence of the other as changed from "MT line 0", exit 0."""
    story, empty, blank = tmp_path / "story.txt", tmp_path / "empty.txt", tmp_path / "blank.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    empty.write_bytes(b"")
    blank.write_text(" \n\n", encoding="utf-8")
    for mt, published, named in [(empty, story, empty), (story, empty, empty), (story, blank, blank)]:
        for fmt in ("text", "json"):
            assert main(["compare", "--format", fmt, str(mt), str(published)]) == 2
            out = capsys.readouterr()
            assert out.out == "" and len(out.err.strip().splitlines()) == 1, out
            assert out.err.startswith(f"jaanch: {named}: is empty"), out.err
