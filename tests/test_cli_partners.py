"""Options that need a partner, outputs that already exist, paths read as names, errors that must
say where they came from: each is one line naming the file (or the option), exit 2, nothing written."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "नगर निगम ने बुधवार को नई बस सेवा शुरू की। यात्रियों ने इसका स्वागत किया।\n"


def _story(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    return story


def test_glossary_import_does_not_replace_an_existing_glossary(tmp_path, capsys):
    """`glossary import terms.csv -o desk.tsv` replaced the desk's curated glossary without a word."""
    terms = tmp_path / "terms.csv"
    terms.write_text("latin,canonical\nKestrova,केस्त्रोवा\n", encoding="utf-8")
    desk = tmp_path / "desk.tsv"
    curated = "latin\tcanonical\nVarnel\tवार्नेल\n"
    desk.write_text(curated, encoding="utf-8")
    link = tmp_path / "link.tsv"
    link.symlink_to(desk)
    for target in (desk, link):
        assert main(["glossary", "import", str(terms), "-o", str(target)]) == 2
        line = one_line(capsys)
        assert line.startswith(f"jaanch: -o {target}: the file exists") and "nothing was written" in line, line
        assert desk.read_text(encoding="utf-8") == curated and link.is_symlink()
    reserved = tmp_path / "reserved.tsv"
    reserved.write_bytes(b"")  # an empty file holds nothing to lose
    for target in (tmp_path / "new.tsv", reserved):
        assert main(["glossary", "import", str(terms), "-o", str(target)]) == 0
        assert "Kestrova\tकेस्त्रोवा" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [["--qe-threshold", "0.2"], ["--qe-device", "cuda"], ["--qe-batch-size", "4"],
                                    ["--qe-runtime", "onnx"], ["--qe-quantize"], ["--qe-precision", "bfloat16"],
                                    ["--qe-cache", "scores.sqlite"], ["--no-qe-cache"], ["--qe-model", "kiwi"]])
def test_a_qe_option_without_qe_isone_line(tmp_path, capsys, option):
    """`check --qe-threshold 0.2 story.txt` ran without QE and said nothing: the threshold was ignored."""
    assert main(["check", *option, str(_story(tmp_path))]) == 2
    assert one_line(capsys) == f"jaanch: {option[0]} is given without --qe"
    assert not (tmp_path / "scores.sqlite").exists()


def test_qe_defaults_still_apply_when_nothing_is_given(tmp_path):
    import argparse

    from audit.cli.qe_options import MODEL_OPTIONS, Models

    args = argparse.Namespace(**{name: None for name in MODEL_OPTIONS})
    args.qe = False
    models = Models.from_args(args)
    assert models.threshold == 0.5 and models.scorer is None and models.lm is None


def _qe(tmp_path, capsys, model: str) -> str:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("source\ttarget\nThe city started a bus.\t" + ARTICLE, encoding="utf-8")
    assert main(["check", "--qe", "--no-qe-cache", "--qe-model", model, str(pairs)]) == 2
    return one_line(capsys)


def test_a_qe_model_folder_is_read_as_a_local_model(tmp_path, capsys, monkeypatch):
    """A folder was taken for a model name: "no QE model 'DIR'; place a checkpoint at ~/.cache/jaanch/models/DIR"."""
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "kiwi"
    empty.mkdir()
    for given in (str(empty), "kiwi", "kiwi/"):
        line = _qe(tmp_path, capsys, given)
        assert line.startswith(f"jaanch: {empty if given == str(empty) else 'kiwi'}") and "no COMET checkpoint" in line, line
        assert ".cache/jaanch/models" not in line
    # the checkpoints/ folder itself, and a Hugging Face cache folder, lead to the same checkpoint
    from audit.qe.comet_backend import resolve_checkpoint

    ckpt = tmp_path / "kiwi" / "checkpoints" / "model.ckpt"
    ckpt.parent.mkdir()
    ckpt.write_bytes(b"x")
    assert resolve_checkpoint(str(empty)) == ckpt
    assert resolve_checkpoint(str(ckpt.parent)) == ckpt
    hub = tmp_path / "models--Org--kiwi" / "snapshots" / "abc" / "checkpoints" / "model.ckpt"
    hub.parent.mkdir(parents=True)
    hub.write_bytes(b"x")
    assert resolve_checkpoint(str(tmp_path / "models--Org--kiwi")) == hub


@pytest.mark.parametrize("given", ["/nowhere/kiwi", "./kiwi", "~/no-such-model-folder-here/kiwi", "models/kiwi",
                                   "kiwi.ckpt", "a/b/c"])
def test_a_missing_qe_model_path_is_named_as_a_path(tmp_path, capsys, monkeypatch, given):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()  # models/kiwi: under a folder that exists here, so a path
    line = _qe(tmp_path, capsys, given)
    assert "no such file or folder" in line and "--qe-model" in line, line
    assert "no QE model" not in line


def test_a_model_name_is_still_looked_up_by_name(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JAANCH_MODELS", str(tmp_path / "models"))
    line = _qe(tmp_path, capsys, "Org/kiwi")
    assert "no QE model 'Org/kiwi' on this machine" in line, line


@pytest.mark.parametrize("toml, name", [('glossaries = ["desk/names.tsv"]\n', "jaanch.toml"),
                                        ('[tool.jaanch]\nglossaries = ["desk/names.tsv"]\n', "pyproject.toml")])
@pytest.mark.parametrize("command", ["check", "report", "rules"])
def test_a_configured_glossary_that_is_missing_names_the_configuration(tmp_path, capsys, monkeypatch, toml, name,
                                                                       command):
    """The error named only desk/names.tsv: the user looked for a --glossary they had never given."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(toml, encoding="utf-8")
    story = _story(tmp_path)
    argv = {"check": ["check", str(story)], "report": ["report", str(tmp_path), "-o", str(tmp_path / "r.html")],
            "rules": ["rules"]}[command]
    assert main(argv) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {tmp_path / name}: 'glossaries'"), line
    assert str(tmp_path / "desk" / "names.tsv") in line and "no such file" in line, line
    (tmp_path / "desk" / "names.tsv").mkdir(parents=True)
    assert main(argv) == 2
    assert "a folder" in one_line(capsys)


def test_compare_names_the_line_of_a_sentence_one_side_lacks(tmp_path, capsys, monkeypatch):
    """A sentence only the MT had (or only the published text) was listed at "line 0"."""
    import audit.qe.compare as compare

    mt, published = tmp_path / "mt.txt", tmp_path / "published.txt"
    mt.write_text("पहली बात।\nदूसरी बात।\nमशीन की जोड़ी बात।\n", encoding="utf-8")
    published.write_text("संपादक की जोड़ी बात।\nपहली बात।\nदूसरी बात।\n", encoding="utf-8")
    # the aligner decides which sentences pair; here it is told, so both one-sided beads occur
    monkeypatch.setattr(compare, "align_edits", lambda a, b: [([], [0]), ([0], [1]), ([1], [2]), ([2], [])])
    assert main(["compare", str(mt), str(published)]) == 0
    out = capsys.readouterr().out
    assert "line 0" not in out
    assert "not in the MT (added by the editor, before MT line 1) → published line 1" in out, out
    assert "MT line 3 → not published (removed by the editor, after published line 3)" in out, out
    assert main(["compare", "--format", "json", str(mt), str(published)]) == 0
    rows = {(r["mt_line"], r["published_line"]): r["missing_near"]
            for r in json.loads(capsys.readouterr().out)["most_changed"]}
    assert rows[(None, 1)] == "before MT line 1" and rows[(3, None)] == "after published line 3"
    assert rows[(1, 2)] == ""
