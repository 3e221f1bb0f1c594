"""`select = []` in a configuration: it ran every check, where `--select ""` on the command line is
refused. An empty select names no check; running all of them is the opposite of what it says. It is
refused the same way, one line naming the file and the key's line. (`ignore = []` ignores nothing,
which is what running every check is: it stays allowed.)"""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

STORY = "यह  लाइन।\n"  # a double space: FMT010 reports it in any run that includes formatting


@pytest.mark.parametrize("name, toml, line", [
    ("jaanch.toml", "# desk settings\nfail-on = \"info\"\nselect = []\n", 3),
    ("jaanch.toml", "fail-on = \"info\"\n\nselect = [\n]\n[severity]\nFMT010 = \"info\"\n", 3),
    ("pyproject.toml", "[project]\nname = \"x\"\nselect = 1\n\n[tool.jaanch]\nfail-on = \"info\"\n  select=[]\n", 7),
    ("pyproject.toml", "[tool.jaanch]\n\"select\" = []   # none\n", 2),
])
def test_an_empty_select_in_the_configuration_is_refused(tmp_path, capsys, monkeypatch, name, toml, line):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(toml, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main(["check", str(story)]) == 2
    assert one_line(capsys) == (f"jaanch: {tmp_path / name}:{line}: 'select' is an empty list, which names no "
                                "check; give codes or prefixes (TERM, FMT001), or leave 'select' out to run "
                                "every check")


def test_the_command_line_refuses_an_empty_select_too(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main(["check", "--select", "", str(story)]) == 2
    assert "no check code in it" in one_line(capsys)


def test_an_empty_ignore_still_runs_every_check(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jaanch.toml").write_text("ignore = []\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main(["check", "--fail-on", "info", str(story)]) == 1
    assert "FMT010" in capsys.readouterr().out


def test_a_select_given_on_the_command_line_still_wins_over_a_configured_one(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jaanch.toml").write_text("select = [\"TERM\"]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main(["check", "--fail-on", "info", "--select", "FMT", str(story)]) == 1
    assert "FMT010" in capsys.readouterr().out
