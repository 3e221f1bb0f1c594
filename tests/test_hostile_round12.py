"""A twelfth hostile round (leftovers4): configurations, baselines, odd targets, --fix hazards, glossary
tables and review journals. Each failure is one line naming the file, exit 2; never an internal error."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line


@pytest.mark.parametrize("pattern", ["g/*.tsv", "g/desk?.tsv", "g/[ab].tsv", "missing/*.tsv"])
def test_a_wildcard_in_configured_glossaries_is_named_as_one(tmp_path, capsys, monkeypatch, story, pattern):
    """`glossaries = ["g/*.tsv"]` beside g/desk.tsv said "no such file": names are not expanded, and
    the line now says so, where a user looked for a file that was there."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "desk1.tsv").write_text("latin\tcanonical\nFoo\tफू\n", encoding="utf-8")
    (tmp_path / "jaanch.toml").write_text(f'glossaries = ["{pattern}"]\n', encoding="utf-8")
    assert main(["check", str(story)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {tmp_path / 'jaanch.toml'}: ") and "wildcard" in line and "no such file" not in line, line


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_broken_link_among_a_folders_articles_is_one_line(tmp_path, capsys, story, kind):
    """`check folder/` passed over a .txt link to nothing (or a loop) in silence, exit 1: an article the
    desk listed was never checked. It is refused as the same link named alone is, one line, exit 2."""
    folder = tmp_path / "desk"
    folder.mkdir()
    story.rename(folder / "story.txt")
    link = folder / "moved.txt"
    link.symlink_to("elsewhere.txt" if kind == "dangling" else "moved.txt")
    for argv in (["check", str(folder)], ["check", str(link)]):
        assert main(argv) == 2
        line = one_line(capsys)
        expected = ("is a symbolic link to 'elsewhere.txt', which does not exist" if kind == "dangling"
                    else "a loop of symbolic links")
        assert line == f"jaanch: {link}: {expected}", line


@pytest.mark.parametrize("header", ["latin\tcanonical\tvariants\n", None])
@pytest.mark.parametrize("suffix", [".tbx", ".csv"])
def test_an_export_of_no_entries_is_refused_as_its_import_is(tmp_path, capsys, header, suffix):
    """A header-only glossary or concept table exported to a TBX or CSV, exit 0, that its import then
    refused (no entries): export then import must give the file back, so the export is refused first."""
    from conftest import ROOT

    if header is None:  # the concept table's header
        header = (ROOT / "glossaries" / "concepts.tsv").read_text(encoding="utf-8").splitlines(keepends=True)[0]
    table, output = tmp_path / "desk.tsv", tmp_path / f"desk{suffix}"
    table.write_text(header, encoding="utf-8")
    assert main(["glossary", "export", str(table), "-o", str(output)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {table}:") and "no entries" in line, line
    assert not output.exists()


@pytest.mark.parametrize("start, end", [(-3, -3), (-6, -1), (True, 2), (10, 5)])
def test_a_journaled_change_at_offsets_no_session_writes_is_skipped(story, engine, start, end):
    """A change at a negative offset (or `true` for 1) matched the text there as Python slices it and
    was counted replayed: a record jaanch never wrote, made (or made nothing) as if it were one."""
    import json

    from audit.review.journal import journal_path, text_hash
    from audit.review.session import ReviewSession

    text = story.read_text(encoding="utf-8")
    old = text[start:end]
    journal_path(story).write_text(
        json.dumps({"event": "open", "sha256": text_hash(text), "file": story.name}) + "\n"
        + json.dumps({"event": "edit", "code": "TERM001", "start": start, "end": end, "old": old, "new": "X"}) + "\n",
        encoding="utf-8")
    session = ReviewSession.open(story, engine)
    assert session.start(replay=True) == (0, 1)
    assert session.text == text and not session.dirty


@pytest.mark.parametrize("name", ["red\x1b[31m.txt", "bell\x07.txt", "del\x7f.txt", "csi\x9b2J.txt", "tab\t.txt"])
def test_a_control_character_in_a_file_name_is_printed_escaped(tmp_path, capsys, story, name):
    """A file named with an escape sequence (`\\x1b[31m`) wrote it raw to the terminal in the error
    line and in the text report (a line break was escaped, no other control character): it recoloured
    or rewrote the screen. Each is written as a backslash escape, as a line break already was."""
    bad, good = tmp_path / name, tmp_path / ("ok-" + name)
    bad.write_bytes(b"\xff\xfe\x00")  # UTF-16: refused, named
    story.rename(good)
    assert main(["check", str(bad)]) == 2
    line = one_line(capsys)
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in line), repr(line)
    assert main(["check", "--select", "TERM001", str(good)]) == 1
    out = capsys.readouterr().out
    assert out and not any(ord(c) < 32 and c != "\n" or 127 <= ord(c) < 160 for c in out), repr(out)


def test_the_machines_refusal_names_its_file_escaped(story, capsys):
    """The last OSError line (disk full, a file system limit) wrote the file's name raw."""
    import errno

    def review(*_args):
        raise OSError(errno.ENOSPC, "No space left on device", "red\x1b[31m.txt")

    assert main(["review", str(story)], handlers={"review": review}) == 2
    assert one_line(capsys) == "jaanch: red\\x1b[31m.txt: No space left on device"


@pytest.mark.parametrize("kind", ["dangling", "loop", "folder"])
def test_a_pyproject_that_cannot_be_read_is_named_as_a_jaanch_toml_is(tmp_path, capsys, story, kind):
    """A pyproject.toml linked to nothing (or round a loop, or a folder in its place) was passed over,
    exit 0 with the defaults, where the same jaanch.toml is refused and an unreadable pyproject.toml
    is taken to hold our settings: it is one line naming it, exit 2."""
    project = tmp_path / "pyproject.toml"
    if kind == "folder":
        project.mkdir()
    else:
        project.symlink_to("shared/pyproject.toml" if kind == "dangling" else "pyproject.toml")
    assert main(["check", str(story)]) == 2
    assert one_line(capsys).startswith(f"jaanch: {project}: "), kind


def test_two_sessions_in_one_folder_keep_each_others_dismissals(tmp_path, engine, story):
    """Each session wrote .jaanch-suppressions.json from the copy it read at open: a session on a.txt
    saved after one on b.txt had saved, and b.txt's dismissals were gone (its findings back next run)."""
    import json
    import shutil

    from audit.review.session import ReviewSession

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    story.rename(a)
    shutil.copy(a, b)
    first, second = ReviewSession.open(a, engine), ReviewSession.open(b, engine)
    for session in (second, first):  # both open; b's saved first
        session.start(replay=False)
    for session in (second, first):
        session.dismiss(next(i for i in session.items if i.state == "open"))
        session.save()
    stored = json.loads((tmp_path / ".jaanch-suppressions.json").read_text(encoding="utf-8"))
    assert sorted(e["file"] for e in stored) == ["a.txt", "b.txt"]


def test_a_dismissals_file_broken_since_it_was_read_is_not_written_over(tmp_path, engine, story):
    """Someone's half-written .jaanch-suppressions.json, saved after the session read it, was replaced
    without a word by the session's copy: the save of the dismissals is one line naming it, and the
    file stays as it is."""
    from audit.core.errors import JaanchError
    from audit.review.session import ReviewSession

    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    session.dismiss(next(i for i in session.items if i.state == "open"))
    store = tmp_path / ".jaanch-suppressions.json"
    store.write_text('[{"file": "other.txt", "co', encoding="utf-8")
    with pytest.raises(JaanchError) as caught:
        session.save()
    assert str(store) in str(caught.value) and "\n" not in str(caught.value)
    assert store.read_text(encoding="utf-8") == '[{"file": "other.txt", "co'
