"""A jaanch.toml that is no file (a folder, which Docker makes when a missing file is mounted, a
named pipe, a symbolic link to nothing) was passed over: the run went on without the desk's
settings and said nothing. It is one line naming it, exit 2. A link to nothing, wherever jaanch
reads one, says so, where it said "no such file" of a name `ls` lists."""

from __future__ import annotations

import os

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "कंपनी ने इस हफ्ते नया मॉडल जारी किया और कहा कि यह सस्ता है।\n"


@pytest.mark.parametrize("kind, said", [
    ("folder", "is a folder, not a file"),
    ("pipe", "is a named pipe (FIFO), not a file"),
    ("link", "is a symbolic link to 'desk.toml', which does not exist"),
])
def test_a_jaanch_toml_that_is_no_file_is_one_line(tmp_path, capsys, kind, said):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    config = tmp_path / "jaanch.toml"
    {"folder": config.mkdir, "pipe": lambda: os.mkfifo(config), "link": lambda: config.symlink_to("desk.toml")}[kind]()
    assert main(["check", "--fail-on", "never", str(story)]) == 2
    assert one_line(capsys).startswith(f"jaanch: {config}: {said}")


def test_a_glossary_linked_to_nothing_says_so(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    glossary = tmp_path / "desk.tsv"
    glossary.symlink_to("../shared/desk.tsv")
    assert main(["check", "--glossary", str(glossary), str(story)]) == 2
    assert one_line(capsys) == f"jaanch: {glossary}: is a symbolic link to '../shared/desk.tsv', which does not exist"


@pytest.mark.parametrize("name, body", [
    ("jaanch.toml", "a = " + "[" * 3000 + "]" * 3000 + "\n"),
    ("pyproject.toml", "[tool.jaanch]\na = " + "[" * 3000 + "]" * 3000 + "\n"),
])
def test_a_configuration_nested_thousands_deep_is_one_line(tmp_path, capsys, name, body):
    """tomllib recursed past Python's limit: an internal error, exit 3."""
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_text(body, encoding="utf-8")
    assert main(["check", str(story)]) == 2
    assert "nested too deeply to be a real configuration" in one_line(capsys)
