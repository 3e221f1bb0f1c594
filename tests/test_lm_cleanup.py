"""A `jaanch lm train` that fails part way (a full disk, Ctrl-C) takes away what it made: the model
folder (and any parent folders) it created, never a folder that was there before it ran."""

from __future__ import annotations

import errno

import pytest

import audit.core.fileio as fileio
from audit.cli.main import main
from conftest import one_line


def _corpus(tmp_path):
    corpus = tmp_path / "published"
    corpus.mkdir()
    (corpus / "one.txt").write_text("सरकार ने नई योजना शुरू की। बाजार में हलचल रही।\n", encoding="utf-8")
    (corpus / "two.txt").write_text("बैंक ने ब्याज दर घटाई। शेयर बाजार में तेजी रही।\n", encoding="utf-8")
    return corpus


def _failing_after(monkeypatch, writes: int, error: BaseException):
    """write_atomic writes `writes` files, then raises `error`."""
    real, done = fileio.write_atomic, []

    def write_atomic(*args, **kwargs):
        if len(done) == writes:
            raise error
        done.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(fileio, "write_atomic", write_atomic)
    return done


@pytest.mark.parametrize("writes", [0, 2])
def test_a_full_disk_leaves_no_new_model_folder(tmp_path, monkeypatch, capsys, writes):
    corpus = _corpus(tmp_path)
    model = tmp_path / "models" / "desk" / "house-lm"
    done = _failing_after(monkeypatch, writes, OSError(errno.ENOSPC, "No space left on device"))
    assert main(["lm", "train", str(corpus), "-o", str(model)]) == 2
    assert "No space left" in one_line(capsys)
    assert len(done) == writes
    assert not (tmp_path / "models").exists()  # the run made models/desk/house-lm: all three go
    assert sorted(p.name for p in tmp_path.iterdir()) == ["published"]


def test_ctrl_c_leaves_no_new_model_folder(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path)
    _failing_after(monkeypatch, 1, KeyboardInterrupt())
    assert main(["lm", "train", str(corpus), "-o", str(tmp_path / "house-lm")]) == 130
    assert not (tmp_path / "house-lm").exists()


def test_a_folder_that_was_there_stays(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path)
    model = tmp_path / "models" / "house-lm"
    model.mkdir(parents=True)
    (model / "notes.txt").write_text("the desk's own file\n", encoding="utf-8")
    _failing_after(monkeypatch, 2, OSError(errno.ENOSPC, "No space left on device"))
    assert main(["lm", "train", str(corpus), "-o", str(model)]) == 2
    one_line(capsys)
    assert (model / "notes.txt").read_text(encoding="utf-8") == "the desk's own file\n"
    assert not (model / "meta.json").exists()  # (as before: no meta.json over a mix of tables)


def test_a_new_folder_under_an_existing_one_goes_and_the_parent_stays(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path)
    (tmp_path / "models").mkdir()
    _failing_after(monkeypatch, 3, OSError(errno.ENOSPC, "No space left on device"))
    assert main(["lm", "train", str(corpus), "-o", str(tmp_path / "models" / "house-lm")]) == 2
    one_line(capsys)
    assert (tmp_path / "models").is_dir() and list((tmp_path / "models").iterdir()) == []
