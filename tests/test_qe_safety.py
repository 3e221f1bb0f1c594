"""QE models and their cache can never run code or stop a run: crafted checkpoints are refused in one
line (even with TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1); a broken, foreign or read-only cache is survived."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from audit.cli.main import main
from audit.qe.cache import ScoreCache, cache_key

PAIRS = "source\ttarget\nThe company released a model.\tकंपनी ने मॉडल जारी किया।\n"


class _Payload:
    """Unpickling this runs a command: what a crafted model.ckpt does."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture()
def crafted_model(tmp_path):
    torch = pytest.importorskip("torch")
    folder = tmp_path / "evil-kiwi"
    (folder / "checkpoints").mkdir(parents=True)
    (folder / "hparams.yaml").write_text("class_identifier: unified_metric\n", encoding="utf-8")
    marker = tmp_path / "code-ran"
    torch.save({"state_dict": {}, "hyper_parameters": {}, "payload": _Payload(marker)},
               folder / "checkpoints" / "model.ckpt")
    return folder, marker


def test_crafted_checkpoint_really_runs_code_without_weights_only(crafted_model, monkeypatch):
    """The control: the file is dangerous, so the refusal below means something."""
    import torch

    folder, marker = crafted_model
    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    torch.load(folder / "checkpoints" / "model.ckpt")
    assert marker.exists()


def test_crafted_checkpoint_is_refused_even_when_torch_is_told_not_to(crafted_model, tmp_path, capsys, monkeypatch):
    pytest.importorskip("comet")
    folder, marker = crafted_model
    monkeypatch.setenv("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(PAIRS, encoding="utf-8")
    code = main(["check", "--qe", "--no-qe-cache", "--qe-model", str(folder), str(pairs)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and "model.ckpt" in err[0] and "refused" in err[0] and "run code" in err[0], err
    assert not marker.exists()


def test_weights_only_is_passed_explicitly():
    """Every place that reads a checkpoint says weights_only=True itself, not through torch's default."""
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "audit" / "qe" / "comet_backend.py").read_text(encoding="utf-8")
    assert "weights_only=True" in source
    assert "load_from_checkpoint(str(" not in source  # comet's own loader passes no weights_only


SPAN = {"start": 0, "end": 1, "severity": "minor", "confidence": 0.5}


def _cache_with_one_score(path):
    cache = ScoreCache(path)
    cache.put_many([(cache_key("m", "s", "t"), 0.25, [SPAN])])
    cache._db.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other schema", "other version", "empty file"])
def test_a_damaged_cache_is_rebuilt_with_a_warning(tmp_path, capsys, damage):
    path = tmp_path / "qe-cache.sqlite"
    _cache_with_one_score(path)
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "other schema":
        path.unlink()
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE scores (model TEXT, sentence TEXT, value REAL)")
        db.commit()
        db.close()
    elif damage == "other version":
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version = 7")
        db.commit()
        db.close()
    else:
        path.write_bytes(b"")
    cache = ScoreCache(path)
    err = capsys.readouterr().err
    key = cache_key("m", "s", "t")
    if damage != "empty file":  # sqlite takes an empty file as a new database: nothing to warn about
        assert len(err.strip().splitlines()) == 1 and str(path) in err and "new" in err, err
    assert cache.get(key) is None
    cache.put_many([(key, 0.5, [])])
    assert cache.get(key) == (0.5, [])


def test_a_read_only_cache_is_read_and_not_written(tmp_path, capsys):
    path = tmp_path / "qe-cache.sqlite"
    _cache_with_one_score(path)
    before = path.read_bytes()
    path.chmod(0o444)
    cache = ScoreCache(path)
    assert "read-only" in capsys.readouterr().err
    assert cache.get(cache_key("m", "s", "t")) == (0.25, [SPAN])
    cache.put_many([(cache_key("m", "s", "u"), 0.9, [])])  # silently not stored
    assert cache.get(cache_key("m", "s", "u")) is None
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def _damage(path, statement: str, *params) -> None:
    """Rewrite the cache's rows behind its back, as a crash or another program might."""
    db = sqlite3.connect(path)
    db.execute(statement, params)
    db.commit()
    db.close()


def test_a_damaged_row_is_a_miss(tmp_path):
    path = tmp_path / "qe-cache.sqlite"
    _cache_with_one_score(path)
    _damage(path, "UPDATE scores SET spans = '{not json'")
    assert ScoreCache(path).get(cache_key("m", "s", "t")) is None


@pytest.mark.parametrize("spans", [
    '{"start": 0}', '[1, 2]', '[{"start": 0, "end": 1}]', '[{"start": "0", "end": 1, "severity": "minor", "confidence": 0.5}]',
    '[{"start": 0.5, "end": 1, "severity": "minor", "confidence": 0.5}]',
    '[{"start": 0, "end": 1, "severity": null, "confidence": 0.5}]',
    '[{"start": 0, "end": 1, "severity": "minor", "confidence": "high"}]',
    '[{"start": 0, "end": 1, "severity": "minor", "confidence": 0.5, "more": 1}]'])
def test_a_row_of_another_shape_is_a_miss(tmp_path, spans):
    """A row that parses but is not what the scorer stores (a dict, offsets as text or fractions, a
    field missing or of another type) is scored again, never handed to the findings code (a crash there)."""
    path = tmp_path / "qe-cache.sqlite"
    _cache_with_one_score(path)
    assert ScoreCache(path).get(cache_key("m", "s", "t")) == (0.25, [SPAN])
    _damage(path, "UPDATE scores SET spans = ?", spans)
    assert ScoreCache(path).get(cache_key("m", "s", "t")) is None


def test_a_score_that_is_no_number_is_a_miss(tmp_path):
    path = tmp_path / "qe-cache.sqlite"
    _cache_with_one_score(path)
    _damage(path, "UPDATE scores SET score = 'high'")
    assert ScoreCache(path).get(cache_key("m", "s", "t")) is None
