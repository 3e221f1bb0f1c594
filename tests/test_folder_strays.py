"""A folder of articles with other .tsv/.json files beside them (a glossary, someone's notes): the
articles are checked and each stray is passed over with one note, where the run used to stop at the
first, read as a pairs file or CMS export. Named on the command line, such a file is still an error."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import one_line

STORY = "नई  बस सेवा शुरू हुई।\n"  # one finding: the double space
STRAYS = {
    "desk.tsv": "latin\tcanonical\nLuma\tलूमा\n",  # a glossary
    "notes.json": '{"title": "बस सेवा", "todo": ["फोटो"]}\n',
    "log.jsonl": '{"when": "सुबह", "who": "डेस्क"}\n',
    "memory.xlf": "<tmx><body/></tmx>\n",
}


def _desk(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    for name, text in STRAYS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_articles_are_checked_and_each_stray_noted(tmp_path, capsys, jobs):
    folder = _desk(tmp_path)
    assert main(["check", "--format", "json", "--fail-on", "info", "--jobs", jobs, str(folder)]) == 1
    out = capsys.readouterr()
    assert [f["path"] for f in json.loads(out.out)] == [str(folder / "story.txt")]
    notes = [line for line in out.err.splitlines() if line.startswith("jaanch: note: skipped ")]
    assert len(notes) == len(STRAYS)
    for name in STRAYS:
        assert sum(str(folder / name) in note for note in notes) == 1, name
    assert "Traceback" not in out.err


def test_a_stray_named_on_the_command_line_is_an_error(tmp_path, capsys):
    folder = _desk(tmp_path)
    assert main(["check", str(folder / "notes.json")]) == 2
    assert one_line(capsys).startswith(f"jaanch: {folder / 'notes.json'}: no field 'body'")
    assert main(["check", str(folder / "desk.tsv"), str(folder)]) == 2  # named, and in the folder too
    assert f"{folder / 'desk.tsv'}:1: a pairs TSV needs 'source' and 'target'" in one_line(capsys)


def test_a_folder_of_strays_only_has_no_articles(tmp_path, capsys):
    folder = _desk(tmp_path)
    (folder / "story.txt").unlink()
    assert main(["check", str(folder)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: no articles found in {folder}: 4 ") and "not pairs files or CMS exports" in line


def test_a_broken_pairs_file_or_export_in_a_folder_still_stops_the_run(tmp_path, capsys):
    """A file of the right shape with a fault in it is not a stray: passed over, its findings would
    be lost without a word."""
    folder = _desk(tmp_path)
    (folder / "pairs.tsv").write_text("source\ttarget\nBus.\tबस।\nonly one field\n", encoding="utf-8")
    assert main(["check", str(folder)]) == 2
    assert f"{folder / 'pairs.tsv'}:3: expected 2 tab-separated fields" in one_line(capsys)
    (folder / "pairs.tsv").unlink()
    (folder / "pairs.jsonl").write_text('{"source": "Bus.", "target": "बस।"}\n{"source": "Rain."}\n', encoding="utf-8")
    assert main(["check", str(folder)]) == 2
    assert f"{folder / 'pairs.jsonl'}:2: each line needs string fields" in one_line(capsys)


def test_real_pairs_and_exports_beside_the_strays_are_still_checked(tmp_path, capsys):
    folder = _desk(tmp_path)
    (folder / "pairs.tsv").write_text("source\ttarget\nThe bus.\tनई  बस।\n", encoding="utf-8")
    (folder / "export.json").write_text(json.dumps({"body": "नई  बस।"}, ensure_ascii=False), encoding="utf-8")
    assert main(["check", "--format", "json", "--fail-on", "info", str(folder)]) == 1
    paths = {f["path"] for f in json.loads(capsys.readouterr().out)}
    assert paths == {str(folder / name) for name in ("story.txt", "pairs.tsv", "export.json")}


def test_fix_on_a_folder_with_a_stray_names_the_stray(tmp_path, capsys):
    """--fix refuses a folder holding a .json or .tsv (it rewrites only .txt and .md), and the one
    line names the file, so the editor knows which to move; the article is left as it was."""
    folder = tmp_path
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "notes.json").write_text(STRAYS["notes.json"], encoding="utf-8")
    assert main(["check", "--fix", str(folder)]) == 2
    line = one_line(capsys)
    assert str(folder / "notes.json") in line and "--fix" in line
    assert (folder / "story.txt").read_text(encoding="utf-8") == STORY
