"""A pairs TSV or JSONL saved with lone CRs (classic Mac) or CRLF reads as the LF file does: the same
findings on the same lines and columns, each finding's text the file's own characters at its offsets.
The TSV was refused ('its lines end in a lone CR'), and the JSONL read as one line: 'not valid JSON:
Extra data', though a raw CR can stand in no JSON string or TSV cell, so it is only ever a line end."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import SAMPLES


def _pairs(kind: str) -> bytes:
    targets = [line for line in (SAMPLES / "ai_model_race_mt.txt").read_text(encoding="utf-8").split("\n") if line]
    if kind == "jsonl":
        rows = [json.dumps({"id": str(i), "source": f"Sentence {i}.", "target": t}, ensure_ascii=False)
                for i, t in enumerate(targets)]
    else:
        rows = ["id\tsource\ttarget"] + [f"{i}\tSentence {i}.\t{t}" for i, t in enumerate(targets)]
    return ("\n".join(rows) + "\n").encode("utf-8")


def _findings(path, capsys) -> list[dict]:
    assert main(["check", "--format", "json", "--fail-on", "never", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("kind", ["tsv", "jsonl"])
@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_a_pairs_file_reads_the_same_whatever_its_line_ends(tmp_path, capsys, kind, end):
    lf = tmp_path / f"lf.{kind}"
    lf.write_bytes(_pairs(kind))
    other = tmp_path / f"other.{kind}"
    other.write_bytes(_pairs(kind).replace(b"\n", end.encode()))
    want, got = _findings(lf, capsys), _findings(other, capsys)
    assert want and len(got) == len(want)
    place = ("code", "line", "column", "end_line", "end_column", "text", "message")
    assert [{k: f[k] for k in place} for f in got] == [{k: f[k] for k in place} for f in want]
    text = other.read_bytes().decode("utf-8")
    assert all(text[f["start"]:f["end"]] == f["text"] for f in got)


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_a_configuration_saved_with_other_line_ends_reads_the_same(tmp_path, capsys, end):
    """TOML knows LF and CRLF only: a jaanch.toml with lone CRs was 'not valid TOML (... at line 1)'."""
    for name, ends in (("lf", "\n"), ("other", end)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "story.txt").write_bytes((SAMPLES / "ai_model_race_mt.txt").read_bytes())
        (folder / "jaanch.toml").write_bytes(ends.join(['select = ["TERM"]', 'fail-on = "error"', ""]).encode())
    outs = []
    for name in ("lf", "other"):
        code = main(["check", "--format", "json", str(tmp_path / name / "story.txt")])
        outs.append((code, [(f["code"], f["line"], f["column"]) for f in json.loads(capsys.readouterr().out)]))
    assert outs[0] == outs[1] and outs[0][0] in (0, 1) and {c[:4] for c, _, _ in outs[0][1]} == {"TERM"}
