"""`--qe-runtime onnx`: the COMET encoder exported, quantised to int8 and run on ONNX Runtime,
on a tiny real model that this test builds itself: nothing is downloaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli

os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # before onnxruntime is first imported, as jaanch sets it
pytest.importorskip("comet", reason="the qe extra is not installed")
pytest.importorskip("onnxruntime", reason="the qe extra is not installed")

PAIRS = [("The company released a new model this week.", "कंपनी ने इस हफ्ते नया मॉडल जारी किया।"),
         ("Analysts said demand would rise.", "विश्लेषकों ने कहा कि मांग बढ़ेगी।"),
         ("The minister said the monsoon was better than normal and rural demand would rise.",
          "मंत्री ने कहा कि मानसून सामान्य से बेहतर रहा और ग्रामीण मांग बढ़ेगी।")]
# int8 weights and per-batch int8 activations move a score a little; the benchmark prints the
# change on a CometKiwi-sized encoder, this bounds it on the tiny one
TOLERANCE = 0.01


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from tiny_comet import build_tiny_comet

    folder = tmp_path_factory.mktemp("tiny-comet-onnx") / "tiny-xcomet"
    build_tiny_comet(folder)
    return folder


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _scorer(model, **options):
    from audit.qe.cache import ScoreCache
    from audit.qe.comet_backend import CometScorer

    options.setdefault("cache", ScoreCache(None))
    return CometScorer(str(model), **options)


def test_onnx_scores_match_torch_within_tolerance(tiny_model, cache_home):
    torch_scores = _scorer(tiny_model).score(PAIRS)
    onnx = _scorer(tiny_model, runtime="onnx", batch_size=2)
    onnx_scores = onnx.score(PAIRS)
    assert onnx.model_id.endswith("+onnx-int8")
    diffs = [abs(a.score - b.score) for a, b in zip(torch_scores, onnx_scores)]
    assert max(diffs) <= TOLERANCE, diffs
    assert max(diffs) > 0  # int8 really ran: float32 through the same graph would match to 1e-6
    for (_, target), scored in zip(PAIRS, onnx_scores):  # the word-level head still marks spans
        assert scored.spans and all(0 <= s["start"] < s["end"] <= len(target) for s in scored.spans)
    # the export is kept under the jaanch cache, named by the model id, and follows the umask
    [folder] = (cache_home / "jaanch" / "onnx").glob("tiny-xcomet@*+onnx-int8.v*")
    mask = os.umask(0)
    os.umask(mask)
    for written in folder.iterdir():
        assert written.stat().st_mode & 0o777 == 0o666 & ~mask, written


def test_the_export_is_reused_and_a_damaged_one_rebuilt(tiny_model, cache_home, monkeypatch, capsys):
    import audit.qe.onnx_encoder as onnx_encoder

    first = [s.score for s in _scorer(tiny_model, runtime="onnx").score(PAIRS)]
    real_export = onnx_encoder.export_int8

    def refuse(*_):
        raise AssertionError("exported again although a good export is cached")

    monkeypatch.setattr(onnx_encoder, "export_int8", refuse)
    assert [s.score for s in _scorer(tiny_model, runtime="onnx").score(PAIRS)] == pytest.approx(first, abs=1e-6)

    [model_file] = (cache_home / "jaanch" / "onnx").glob("*/encoder.int8.onnx")
    model_file.write_bytes(model_file.read_bytes()[:500])  # truncated, as by a full disk
    monkeypatch.setattr(onnx_encoder, "export_int8", real_export)
    again = [s.score for s in _scorer(tiny_model, runtime="onnx").score(PAIRS)]
    assert again == pytest.approx(first, abs=1e-6)
    err = capsys.readouterr().err
    assert "unreadable ONNX export" in err and err.count("\n") == 1


def test_the_score_cache_keeps_each_runtime_apart(tiny_model, cache_home, tmp_path):
    from audit.qe.cache import ScoreCache

    path = tmp_path / "scores.sqlite"
    first = _scorer(tiny_model, runtime="onnx", cache=ScoreCache(path))
    first.score(PAIRS)
    second = _scorer(tiny_model, runtime="onnx", cache=ScoreCache(path))
    second.score(PAIRS)
    assert (second.hits, second.misses) == (3, 0) and second._model is None
    plain = _scorer(tiny_model, cache=ScoreCache(path))
    plain.score(PAIRS[:1])
    assert (plain.hits, plain.misses) == (0, 1)  # a float32 score is never served from int8 ones


def test_an_in_memory_model_keeps_its_torch_forward(tiny_model, cache_home):
    from audit.qe.comet_backend import CometScorer

    model = _scorer(tiny_model).model
    before = [s.score for s in CometScorer.in_memory(model, "tiny").score(PAIRS)]
    CometScorer.in_memory(model, "tiny", runtime="onnx").score(PAIRS)
    after = [s.score for s in CometScorer.in_memory(model, "tiny").score(PAIRS)]
    assert after == pytest.approx(before, abs=1e-6)


def test_cli_onnx_runtime_reports_and_sends_nothing(tiny_model, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("id\tsource\ttarget\n" + "".join(f"{i}\t{s}\t{t}\n" for i, (s, t) in enumerate(PAIRS)),
                     encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--qe", "--qe-model", str(tiny_model), "--qe-runtime", "onnx",
                   "--qe-threshold", "5", "--no-qe-cache", "--select", "FMT001", str(pairs))
    assert proc.returncode == 1, proc.stderr.decode()
    low = [f for f in json.loads(proc.stdout) if f["code"] == "QE001"]
    assert len(low) == 3 and "+onnx-int8" in low[0]["message"]
    lines = [line for line in proc.stderr.decode().splitlines() if line != "Encoder model frozen."]  # comet's
    assert len(lines) == 1 and lines[0].startswith("jaanch:")  # the signature: no exporter or quantiser chatter
    # onnxruntime's telemetry client keeps a device id under ~/.cache/Microsoft unless switched off
    assert not list(tmp_path.rglob("Microsoft"))


def test_onnx_runtime_refuses_a_gpu_in_one_line(tiny_model, tmp_path):
    (tmp_path / "any.tsv").write_text("id\tsource\ttarget\n1\tRise.\tमांग बढ़ेगी।\n", encoding="utf-8")
    proc = run_cli("check", "--qe", "--qe-model", str(tiny_model), "--qe-runtime", "onnx", "--qe-device", "cuda",
                   "--no-qe-cache", str(tmp_path / "any.tsv"))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "--qe-runtime onnx runs on the CPU" in err


def test_a_missing_onnxruntime_is_one_line(tiny_model, tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("id\tsource\ttarget\n1\tDemand will rise.\tमांग बढ़ेगी।\n", encoding="utf-8")
    probe = ("import sys\nsys.modules['onnxruntime'] = None\nfrom audit.cli.main import main\n"
             f"sys.exit(main(['check', '--qe', '--qe-model', {str(tiny_model)!r}, '--qe-runtime', 'onnx', "
             f"'--no-qe-cache', {str(pairs)!r}]))")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert "--qe-runtime onnx needs the qe extra's onnxruntime and onnx (onnxruntime is missing)" in proc.stderr


def test_a_first_token_model_exports_only_what_its_score_reads(tmp_path, cache_home):
    """CometKiwi mixes its layers without layer norm and reads the first token only: the export
    mixes first tokens and runs the last layer for the first token alone; the embedding it gives
    is the full encoder's (float32, before int8), on a batch with padding."""
    import torch

    from audit.qe.comet_backend import CometScorer
    from audit.qe.onnx_encoder import _encoder_and_mix, _reads_first_token_only
    from tiny_comet import build_tiny_comet

    model = build_tiny_comet(tmp_path / "kiwi", layers=3, word_level=False, layer_norm=False, save=False).eval()
    with torch.no_grad():  # a mix that weighs the layers unequally, as a trained one does
        for i, weight in enumerate(model.layerwise_attention.scalar_parameters):
            weight.fill_(0.5 * i)
    assert _reads_first_token_only(model)
    [batch] = model.prepare_sample([{"src": s, "mt": m} for s, m in PAIRS], stage="predict")
    assert not batch["attention_mask"].all()  # padded rows: the last layer's mask matters
    with torch.inference_mode():
        layers = model.encoder(batch["input_ids"], batch["attention_mask"])["all_layers"]
        full = model.layerwise_attention(layers, batch["attention_mask"])[:, 0, :]
        first = _encoder_and_mix(model)(batch["input_ids"], batch["attention_mask"])
    assert first.shape == full.shape and torch.allclose(first, full, atol=1e-5)

    torch_scores = [s.score for s in CometScorer.in_memory(model, "kiwi").score(PAIRS)]
    onnx_scores = [s.score for s in CometScorer.in_memory(model, "kiwi", runtime="onnx").score(PAIRS)]
    assert max(abs(a - b) for a, b in zip(torch_scores, onnx_scores)) <= TOLERANCE


def test_models_that_read_every_token_keep_the_full_export(tmp_path):
    from audit.qe.onnx_encoder import _reads_first_token_only
    from tiny_comet import build_tiny_comet

    spans = build_tiny_comet(tmp_path / "xcomet", layers=2, save=False)  # the word tagger reads every token
    normed = build_tiny_comet(tmp_path / "normed", layers=2, word_level=False, save=False)  # mix layer norm: all tokens
    assert not _reads_first_token_only(spans) and not _reads_first_token_only(normed)


def test_the_score_cache_keeps_each_onnx_export_recipe_apart(monkeypatch):
    """Scores cached from an older export recipe are not served for a newer one (int8 scores differ a little)."""
    from types import SimpleNamespace

    import audit.qe.onnx_encoder as onnx_encoder
    from audit.qe.comet_backend import CometScorer

    onnx_scorer = SimpleNamespace(runtime="onnx", model_id="kiwi@abc+onnx-int8")
    now = CometScorer._cache_id(onnx_scorer)
    monkeypatch.setattr(onnx_encoder, "EXPORT_VERSION", onnx_encoder.EXPORT_VERSION + 1)
    assert CometScorer._cache_id(onnx_scorer) != now
    torch_scorer = SimpleNamespace(runtime="torch", model_id="kiwi@abc+int8")
    assert CometScorer._cache_id(torch_scorer) == "kiwi@abc+int8"  # torch paths: as before


def test_a_cached_export_of_another_graph_is_rebuilt(tiny_model, cache_home, capsys):
    """A file that loads as ONNX but is no export of this encoder (other inputs and outputs) loaded as
    the cache and failed at the first batch: it is damaged like a truncated one, and exported again."""
    import onnx
    from onnx import TensorProto, helper

    first = [s.score for s in _scorer(tiny_model, runtime="onnx").score(PAIRS)]
    [model_file] = (cache_home / "jaanch" / "onnx").glob("*/encoder.int8.onnx")
    graph = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "other",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(model_file))
    capsys.readouterr()
    again = [s.score for s in _scorer(tiny_model, runtime="onnx").score(PAIRS)]
    assert again == pytest.approx(first, abs=1e-6)
    err = capsys.readouterr().err
    assert "unreadable ONNX export" in err and "not this model's encoder" in err and err.count("\n") == 1
