"""A house LM's meta.json that says it is no trigram model (`"order": 9`) or carries a discount
`jaanch lm train` never writes (NaN, 0, 5, a string) was loaded and used as if it were sound. Each is
refused at load: one line naming the meta.json, exit 2."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "नगर निगम ने बुधवार को नई बस सेवा शुरू की। यात्रियों ने इसका स्वागत किया।\n"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    base = tmp_path_factory.mktemp("lm")
    (base / "corpus").mkdir()
    for n in range(3):
        (base / "corpus" / f"story_{n}.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["lm", "train", str(base / "corpus"), "-o", str(base / "lm")]) == 0
    return base / "lm"


def _damaged(trained, tmp_path, key, value):
    import shutil

    model = tmp_path / "lm"
    shutil.copytree(trained, model)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta[key] = value
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")  # NaN is written as NaN, as a hand edit
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return model


@pytest.mark.parametrize("key, value", [("order", 9), ("order", "3"), ("order", True), ("order", None),
                                        ("discount", float("nan")), ("discount", 0), ("discount", 5),
                                        ("discount", "0.75"), ("discount", None)])
def test_a_meta_json_no_trigram_model_has_is_one_line(trained, tmp_path, capsys, key, value):
    capsys.readouterr()
    model = _damaged(trained, tmp_path, key, value)
    assert main(["check", "--lm", str(model), str(tmp_path / "story.txt")]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {model / 'meta.json'}: '{key}' is ") and "retrain" in line, line


def test_a_sound_meta_json_still_loads(trained, tmp_path, capsys):
    capsys.readouterr()
    model = _damaged(trained, tmp_path, "discount", 0.5)  # a discount of its own, as --discount 0.5 writes
    assert main(["check", "--lm", str(model), str(tmp_path / "story.txt")]) in (0, 1)
    assert "jaanch: " not in capsys.readouterr().err


@pytest.mark.parametrize("table", ["p1", "a3", "g2"])
def test_a_model_table_holding_words_twice_is_one_line(trained, tmp_path, capsys, table):
    """A table with a row repeated (edited, or two tables concatenated) matched a word twice in the joins:
    the word was scored twice, in the article's mean and in its findings, without a word."""
    import shutil

    import polars as pl

    model = tmp_path / "lm"
    shutil.copytree(trained, model)
    rows = pl.read_parquet(model / f"{table}.parquet")
    pl.concat([rows, rows]).write_parquet(model / f"{table}.parquet")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--lm", str(model), str(tmp_path / "story.txt")]) == 2
    assert one_line(capsys).startswith(f"jaanch: {model}: a model table holds the same words on two rows")
