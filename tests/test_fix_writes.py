"""`check --fix` never loses or misplaces an edit: one test per hazard a newsroom meets."""

from __future__ import annotations

import os
import stat

import pytest

from audit.cli.main import main
from audit.core import fileio

# FMT002: a space on one side of the hyphen, in a compound the article also writes whole (a safe fix)
BROKEN = "ओपन-सोर्स के दौर में कंपनी ने ओपन -सोर्स मॉडल जारी किया।\n"
FIXED = "ओपन-सोर्स के दौर में कंपनी ने ओपन-सोर्स मॉडल जारी किया।\n"


def _fix(capsys, *paths) -> tuple[int, list[str]]:
    code = main(["check", "--fix", "--jobs", "1", "--fail-on", "never", *map(str, paths)])
    return code, capsys.readouterr().err.strip().splitlines()


def _one_line(err: list[str], *needles: str) -> None:
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    for needle in needles:
        assert needle in err[0], err


def test_plain_fix_writes_and_leaves_no_temp_file(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    assert _fix(capsys, story)[0] == 0
    assert story.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_an_edit_saved_while_fix_runs_is_kept(tmp_path, capsys, monkeypatch):
    from audit.lint.engine import Engine

    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    editor = "संपादक ने यह पंक्ति बदल दी।\n"
    original = Engine.fix_text

    def fix_then_editor_saves(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        story.write_text(editor, encoding="utf-8")  # the desk saves while jaanch is still working
        return result

    monkeypatch.setattr(Engine, "fix_text", fix_then_editor_saves)
    code, err = _fix(capsys, story)
    assert code == 2
    _one_line(err, str(story), "changed on disk")
    assert story.read_text(encoding="utf-8") == editor
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_same_size_same_mtime_edit_is_caught_by_the_hash(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("पहला", encoding="utf-8")
    raw, snapshot = fileio.read_for_update(story)
    info = story.stat()
    story.write_text("दूसर", encoding="utf-8")  # same byte length
    os.utime(story, ns=(info.st_atime_ns, info.st_mtime_ns))
    with pytest.raises(fileio.WriteError, match="changed on disk"):
        fileio.write_atomic(story, "तीसरा", expect=snapshot)
    assert story.read_text(encoding="utf-8") == "दूसर"


def test_symlink_stays_a_link_and_its_target_is_fixed(tmp_path, capsys):
    real = tmp_path / "desk" / "story.txt"
    real.parent.mkdir()
    real.write_text(BROKEN, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert _fix(capsys, link)[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in real.parent.iterdir()) == ["story.txt"]


def test_mode_bom_and_line_endings_are_kept(tmp_path, capsys):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(fileio.BOM + BROKEN.replace("\n", "\r\n").encode() + "दूसरी पंक्ति।\r\n".encode())
    lone_cr = tmp_path / "cr.txt"
    lone_cr.write_bytes(("पहली पंक्ति।\r" + BROKEN.replace("\n", "\r")).encode())
    crlf.chmod(0o640)
    lone_cr.chmod(0o604)
    assert _fix(capsys, crlf, lone_cr)[0] == 0
    assert crlf.read_bytes() == fileio.BOM + FIXED.replace("\n", "\r\n").encode() + "दूसरी पंक्ति।\r\n".encode()
    assert lone_cr.read_bytes() == ("पहली पंक्ति।\r" + FIXED.replace("\n", "\r")).encode()
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o640
    assert stat.S_IMODE(lone_cr.stat().st_mode) == 0o604


def test_read_only_file_is_refused(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    story.chmod(0o444)
    code, err = _fix(capsys, story)
    assert code == 2
    _one_line(err, str(story), "read-only")
    assert story.read_text(encoding="utf-8") == BROKEN


def test_read_only_file_of_another_user_is_refused_even_for_root(tmp_path, capsys):
    """Root may write anything, but a file with no write bit for anyone is a desk's decision."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    os.chown(story, 4321, 4321)
    story.chmod(0o444)
    code, err = _fix(capsys, story)
    assert code == 2
    _one_line(err, str(story), "read-only")
    assert story.read_text(encoding="utf-8") == BROKEN


def test_hard_links_are_refused_not_split(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    other = tmp_path / "copy.md"
    os.link(story, other)
    code, err = _fix(capsys, story)
    assert code == 2
    _one_line(err, str(story), "hard links")
    assert os.stat(story).st_ino == os.stat(other).st_ino
    assert story.read_text(encoding="utf-8") == BROKEN


@pytest.mark.parametrize("bad", ["undecodable", "read-only"])
def test_folder_with_one_bad_file_leaves_every_file_untouched(tmp_path, capsys, bad):
    for name in ("a.txt", "c.txt"):
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    culprit = tmp_path / "b.txt"
    if bad == "undecodable":
        culprit.write_bytes(BROKEN.encode() + b"\xff\n")
    else:
        culprit.write_text(BROKEN, encoding="utf-8")
        culprit.chmod(0o444)
    code, err = _fix(capsys, tmp_path)
    assert code == 2
    _one_line(err, str(culprit))
    for name in ("a.txt", "c.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == BROKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_a_write_refused_midway_names_the_files_already_fixed(tmp_path, capsys, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    real_write = fileio.write_atomic

    def editor_saves_b_first(path, text, expect=None, bom=False):
        if str(path).endswith("b.txt"):
            (tmp_path / "b.txt").write_text("संपादक का संस्करण।\n", encoding="utf-8")
        return real_write(path, text, expect=expect, bom=bom)

    monkeypatch.setattr(fileio, "write_atomic", editor_saves_b_first)
    code, err = _fix(capsys, tmp_path)
    assert code == 2
    _one_line(err, "b.txt", "changed on disk", f"already fixed and written before it: {tmp_path / 'a.txt'}")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "संपादक का संस्करण।\n"


def test_temp_file_is_removed_when_the_rename_fails(tmp_path, capsys, monkeypatch):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")

    def no_space(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", no_space)
    code, err = _fix(capsys, story)
    assert code == 2
    _one_line(err, str(story), "No space left")
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]
    assert story.read_text(encoding="utf-8") == BROKEN


def test_leftover_of_a_killed_run_is_recognised_and_removed(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(BROKEN, encoding="utf-8")
    dead = 2**22 + 12345  # above pid_max's default range: no such process
    leftover = tmp_path / f".story.txt.jaanch-{dead}-0badf00d.tmp"
    leftover.write_text(FIXED, encoding="utf-8")
    alive = tmp_path / f".story.txt.jaanch-{os.getppid()}-0badf00d.tmp"  # a live run's temp file
    alive.write_text(FIXED, encoding="utf-8")
    raw, snapshot = fileio.read_for_update(story)
    fileio.write_atomic(story, FIXED, expect=snapshot)
    assert not leftover.exists() and alive.exists()


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_follow_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        fileio.write_atomic(tmp_path / "desk.tsv", "latin\tcanonical\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "desk.tsv").stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("command", [["check", "--fail-on", "never", "--write-baseline", "{out}", "{story}"],
                                     ["report", "{folder}", "-o", "{out}"]])
def test_an_output_that_is_a_pipe_or_device_is_written_to_not_replaced(tmp_path, capsys, command):
    """`-o /dev/stdout` or `/dev/null`: the atomic save's rename put a plain file where the device was
    (for root, in /dev). A FIFO stands in for the device here: it must stay one, and its reader
    gets the text."""
    import threading

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(BROKEN * 2, encoding="utf-8")
    out = tmp_path / "out"
    os.mkfifo(out)
    got = []
    reader = threading.Thread(target=lambda: got.append(out.read_bytes()), daemon=True)
    reader.start()
    argv = [a.format(out=out, story=folder / "story.txt", folder=folder) for a in command]
    assert main(argv) == 0, capsys.readouterr().err
    reader.join(10)
    assert stat.S_ISFIFO(out.lstat().st_mode)
    assert got and got[0].strip()
