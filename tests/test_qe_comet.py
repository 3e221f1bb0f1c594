"""The COMET backend on a tiny real model that this test builds itself: nothing is downloaded."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

pytest.importorskip("comet", reason="the qe extra is not installed")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from tiny_comet import build_tiny_comet

    folder = tmp_path_factory.mktemp("tiny-comet") / "tiny-xcomet"
    build_tiny_comet(folder)
    return folder


@pytest.fixture()
def pairs_file(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(
        "id\tsource\ttarget\n"
        "1\tThe company released a new model this week.\tकंपनी ने इस हफ्ते नया मॉडल जारी किया।\n"
        "2\tAnalysts said demand would rise.\tविश्लेषकों ने कहा कि मांग बढ़ेगी।\n"
        "3\tThe minister praised the monsoon.\tमंत्री ने मानसून की तारीफ़ की।\n",
        encoding="utf-8",
    )
    return path


def test_scores_and_spans_through_the_real_loader(tiny_model, pairs_file, tmp_path):
    cache = tmp_path / "cache.sqlite"
    proc = run_cli("check", "--format", "json", "--qe", "--qe-model", str(tiny_model), "--qe-cache", str(cache),
                   "--qe-threshold", "5", "--select", "FMT001", str(pairs_file))
    assert proc.returncode == 1, proc.stderr.decode()
    findings = json.loads(proc.stdout)
    text = pairs_file.read_text(encoding="utf-8")
    low = [f for f in findings if f["code"] == "QE001"]
    assert [f["line"] for f in low] == [2, 3, 4]  # every score is below a threshold of 5
    for f in findings:
        assert text[f["start"] : f["end"]] == f["text"]
        assert f["category"] == "qe" or f["code"] == "FMT001"
    assert text[low[0]["start"] : low[0]["end"]] == "कंपनी ने इस हफ्ते नया मॉडल जारी किया।"
    assert "QE score" in low[0]["message"] and "tiny-xcomet@" in low[0]["message"]
    spans = [f for f in findings if f["code"] == "QE002"]
    assert spans, "the word-level head of the tiny model marks spans"
    for f in spans:  # snapped to whole words inside the target cell
        assert text[f["start"] - 1] in " \t" and f["text"] == f["text"].strip()
        assert text[f["end"]] in " \n।"
        assert f["severity"] in ("info", "warning", "error")
    assert "|qe:tiny-xcomet@" in proc.stderr.decode()


def test_second_run_scores_nothing(tiny_model, tmp_path):
    from audit.qe.cache import ScoreCache
    from audit.qe.comet_backend import CometScorer

    pairs = [("The company released a model.", "कंपनी ने मॉडल जारी किया।"),
             ("Demand will rise.", "मांग बढ़ेगी।")]
    cache_path = tmp_path / "cache.sqlite"
    first = CometScorer(str(tiny_model), cache=ScoreCache(cache_path), batch_size=1)
    scored = first.score(pairs)
    assert (first.hits, first.misses) == (0, 2)
    second = CometScorer(str(tiny_model), cache=ScoreCache(cache_path))
    again = second.score(pairs)
    assert (second.hits, second.misses) == (2, 0)
    assert second._model is None  # all from the cache: the model was never even loaded
    assert [s.score for s in again] == pytest.approx([s.score for s in scored])
    assert [s.spans for s in again] == [s.spans for s in scored]
    # batching and length-sorting do not change the scores
    batched = CometScorer(str(tiny_model), cache=ScoreCache(None), batch_size=8).score(pairs)
    assert [s.score for s in batched] == pytest.approx([s.score for s in scored], abs=1e-5)


def test_matches_comet_own_predict(tiny_model):
    from comet import load_from_checkpoint

    from audit.qe.cache import ScoreCache
    from audit.qe.comet_backend import CometScorer, resolve_checkpoint

    pairs = [("The company released a model.", "कंपनी ने मॉडल जारी किया।"), ("Rise.", "मांग बढ़ेगी।")]
    ours = CometScorer(str(tiny_model), cache=ScoreCache(None)).score(pairs)
    model = load_from_checkpoint(str(resolve_checkpoint(str(tiny_model))), reload_hparams=True, local_files_only=True)
    stock = model.predict([{"src": s, "mt": t} for s, t in pairs], batch_size=2, gpus=0, progress_bar=False)
    assert [r.score for r in ours] == pytest.approx(stock.scores, abs=1e-5)


def test_model_names_resolve_in_the_local_model_folder(tiny_model, tmp_path, monkeypatch):
    from audit.qe.comet_backend import resolve_checkpoint

    monkeypatch.setenv("JAANCH_MODELS", str(tiny_model.parent))
    assert resolve_checkpoint("tiny-xcomet") == tiny_model / "checkpoints" / "model.ckpt"


def test_qe_without_a_model_is_one_line(pairs_file, tmp_path):
    proc = run_cli("check", "--qe", str(pairs_file))
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
    assert "--qe-model" in proc.stderr.decode()
    proc = run_cli("check", "--qe", "--qe-model", "Unbabel/wmt22-cometkiwi-da", str(pairs_file))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1, err
    assert "no QE model 'Unbabel/wmt22-cometkiwi-da'" in err and "downloads nothing" in err


def test_qe_on_a_plain_article_needs_a_source(tiny_model, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("कंपनी ने नया मॉडल जारी किया।\n", encoding="utf-8")
    proc = run_cli("check", "--qe", "--qe-model", str(tiny_model), str(story))
    assert proc.returncode == 2 and "--source" in proc.stderr.decode()
    english = tmp_path / "story.en"
    english.write_text("The company released a new model.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--qe", "--qe-model", str(tiny_model), "--no-qe-cache",
                   "--qe-threshold", "5", "--source", str(english), str(story))
    low = [f for f in json.loads(proc.stdout) if f["code"] == "QE001"]
    assert [f["text"] for f in low] == ["कंपनी ने नया मॉडल जारी किया।"]


def test_bfloat16_scores_stay_close_and_are_cached_apart(tiny_model, tmp_path):
    """--qe-precision bfloat16 runs the matrix products under autocast (on CPU here; the same code
    path a GPU takes): the scores move by bfloat16's rounding only, and the cache never serves a
    float32 score for a bfloat16 run or the reverse."""
    from audit.qe.cache import ScoreCache
    from audit.qe.comet_backend import CometScorer

    pairs = [("The company released a model.", "कंपनी ने मॉडल जारी किया।"), ("Demand will rise.", "मांग बढ़ेगी।")]
    cache = ScoreCache(tmp_path / "cache.sqlite")
    full = CometScorer(str(tiny_model), cache=cache).score(pairs)
    half_scorer = CometScorer(str(tiny_model), cache=cache, precision="bfloat16")
    half = half_scorer.score(pairs)
    assert (half_scorer.hits, half_scorer.misses) == (0, 2)  # filed under the model id + "+bf16"
    assert half_scorer.model_id.endswith("+bf16")
    assert [h.score for h in half] == pytest.approx([f.score for f in full], abs=0.05)
    assert [h.score for h in half] != [f.score for f in full]  # bfloat16 really ran


def test_bfloat16_with_an_int8_path_is_one_line(tiny_model, pairs_file):
    proc = run_cli("check", "--qe", "--qe-model", str(tiny_model), "--no-qe-cache", "--qe-precision", "bfloat16",
                   "--qe-quantize", str(pairs_file))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "--qe-precision bfloat16" in err, err
    proc = run_cli("check", "--format", "json", "--qe", "--qe-model", str(tiny_model), "--no-qe-cache",
                   "--qe-precision", "bfloat16", "--qe-threshold", "5", "--select", "FMT001", str(pairs_file))
    assert proc.returncode == 1, proc.stderr.decode()
    assert [f["line"] for f in json.loads(proc.stdout) if f["code"] == "QE001"] == [2, 3, 4]
    assert "+bf16" in proc.stderr.decode()  # the signature names the precision
