"""Input a user names more than once, and outputs a user points at the input: what each command does."""

from __future__ import annotations

import json

from audit.cli.main import main

ARTICLE = "कंपनी ने ओपन -सोर्स मॉडल जारी किया।\n"  # FMT002: a space before the hyphen


def test_a_file_named_twice_is_checked_once_where_first_named(tmp_path, capsys):
    """The same file twice, a folder with a file inside also named, a symlink to a named file:
    each file's findings came as often as it was named."""
    folder = tmp_path / "desk"
    folder.mkdir()
    first, second = folder / "a.txt", folder / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(second)
    link = tmp_path / "link.txt"
    for argv, paths in [
        ([first, first], [first]),
        ([second, folder], [second, first]),  # b first, as named; the folder adds only a
        ([folder, link, second], [first, second]),
        ([link, second], [link]),
    ]:
        assert main(["check", "--format", "json", "--select", "FMT002", *map(str, argv)]) == 1
        found = [f["path"] for f in json.loads(capsys.readouterr().out)]
        assert found == [str(p) for p in paths], argv


def test_standard_input_named_twice_is_read_once(tmp_path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["check", "--select", "FMT002", "-", "-"]) == 1
    assert "1 finding in 1 file" in capsys.readouterr().out


def test_a_path_resolves_as_realpath_resolves_it(tmp_path, monkeypatch):
    """once_each resolves a name in its folder's real path, the folder resolved once: the same as
    os.path.realpath for links to files and folders, dangling links, `..`, `.` and relative paths."""
    import os

    from audit.core.fileio import real_path

    (tmp_path / "desk" / "sub").mkdir(parents=True)
    (tmp_path / "desk" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "desk" / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "to_desk").symlink_to(tmp_path / "desk")
    (tmp_path / "desk" / "to_a.txt").symlink_to("a.txt")
    (tmp_path / "desk" / "sub" / "up.txt").symlink_to("../a.txt")
    (tmp_path / "desk" / "gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "desk" / "loop.txt").symlink_to("loop.txt")
    monkeypatch.chdir(tmp_path / "desk")
    names = ["a.txt", "to_a.txt", "sub/b.txt", "sub/up.txt", "sub/../a.txt", "./a.txt", "gone.txt", "loop.txt",
             "missing.txt", "sub/missing/x.txt", "..", ".", "sub/", "../to_desk/a.txt", "../to_desk/sub/up.txt",
             "../to_desk/to_a.txt", str(tmp_path / "to_desk" / "sub" / "b.txt"), "/", "//x.txt"]
    folders: dict[str, str] = {}
    for _ in range(2):  # the second time from the folders kept
        for name in names:
            assert real_path(name, folders) == os.path.realpath(name), name
