"""A folder jaanch cannot read (mode 000, or --x: entered but not listed) is one error naming it,
exit 2, whichever command meets it first: walking a corpus for its articles, or looking in it for a
jaanch.toml. Before, a locked subfolder was passed over in silence (its articles never checked, exit 1)
and a locked folder named directly was blamed on a jaanch.toml nobody had made.

Root reads any folder, so under root the kernel's refusal is played by os.scandir and os.stat."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from audit.cli.main import main
from conftest import one_line

STORY = "कंपनी ने नया फोन लॉन्च किया। ग्राहकों ने इसे पसंद किया।\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    nb = tmp_path / "nb"
    (nb / "locked").mkdir(parents=True)
    (nb / "open.txt").write_text(STORY, encoding="utf-8")
    (nb / "locked" / "inside.txt").write_text(STORY, encoding="utf-8")
    locked = nb / "locked"
    locked.chmod(0)
    if os.geteuid() == 0:
        real_scandir, real_stat = os.scandir, os.stat

        def refused(path) -> bool:
            path = Path(os.fsdecode(path)).absolute()
            return path == locked or locked in path.parents

        def scandir(path="."):
            if refused(path):
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
            return real_scandir(path)

        def stat(path, *args, **kwargs):
            if not isinstance(path, int) and refused(path) and Path(os.fsdecode(path)).absolute() != locked:
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "stat", stat)
    monkeypatch.chdir(tmp_path)
    yield nb
    locked.chmod(0o755)


def test_a_locked_subfolder_stops_the_check_named(corpus, capsys):
    assert main(["check", "nb"]) == 2
    assert one_line(capsys) == "jaanch: nb/locked: cannot read this folder (permission denied)"


@pytest.mark.parametrize("command", [
    ["check", "nb/locked"],
    ["check", "--config", "cfg.toml", "nb/locked"],
    ["report", "nb/locked", "-o", "r.html"],
    ["glossary", "mine", "nb/locked", "-o", "g.tsv"],
    ["lm", "train", "nb/locked", "-o", "lm"],
])
def test_a_locked_folder_named_directly_is_one_line(corpus, capsys, command):
    Path("cfg.toml").write_text("", encoding="utf-8")
    assert main(command) == 2
    assert one_line(capsys) == "jaanch: nb/locked: cannot read this folder (permission denied)"
    assert not Path("r.html").exists() and not Path("g.tsv").exists() and not Path("lm").exists()


def test_a_file_inside_a_locked_folder(corpus, capsys):
    assert main(["check", "nb/locked/inside.txt"]) == 2
    assert one_line(capsys) == "jaanch: nb/locked/inside.txt: permission denied"


def test_a_readable_folder_is_walked_as_before(tmp_path):
    from audit.core.paths import collect_paths

    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    for name in ("a/b.txt", "a/.dot.txt", "a/.hidden/c.md", "z.md", "a/skip.tsv", "a/up.TXT"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)  # not entered
    (tmp_path / "a" / "to_z.txt").symlink_to(tmp_path / "z.md")  # a symlinked file is read
    from audit.core.paths import articles_in

    suffixes = (".txt", ".md")
    # the files, and their order, that Path.rglob gave before (dot-files out, symlinked folders not entered)
    assert articles_in(tmp_path, suffixes) == sorted(
        f for f in tmp_path.rglob("*") if f.is_file() and f.suffix.lower() in suffixes and not f.name.startswith("."))
    found = [str(p.relative_to(tmp_path)) for p in collect_paths([str(tmp_path)])]
    assert found == ["a/.hidden/c.md", "a/b.txt", "a/to_z.txt", "a/up.TXT"]  # z.md: named once, through its link
