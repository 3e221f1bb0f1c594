"""Every failure a user can cause is exit 2 and ONE stderr line naming the file; never a traceback.

A table of hostile inputs and flags, in the classes a newsroom meets them: configuration, paths,
unreadable inputs, malformed data files, baselines and suppressions, glossaries, QE and LM models.
Each row builds its files under tmp_path and returns the command line and the name the message
must contain.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from audit.cli.main import main

ARTICLE = "कंपनी ने इस हफ्ते नया मॉडल जारी किया और कहा कि यह सस्ता है।\n"
HEADER = "latin\tcanonical\tvariants\tcasings\tdnt\twrong_renderings\tcues\tkind\tnote\n"
UNREADABLE = "/proc/self/mem"  # reading it fails with EIO even for root, unlike a chmod 000 file


def _story(tmp: Path, name: str = "story.txt") -> Path:
    path = tmp / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _config(tmp: Path, body: str | bytes, name: str = "jaanch.toml"):
    cfg = tmp / name
    cfg.write_bytes(body if isinstance(body, bytes) else body.encode())
    return ["check", str(_story(tmp))], name


def _pairs(tmp: Path) -> Path:
    path = tmp / "pairs.tsv"
    path.write_text("source\ttarget\nThe company released a model.\t" + ARTICLE, encoding="utf-8")
    return path


def _link_to(tmp: Path, name: str, target: str) -> Path:
    link = tmp / name
    link.symlink_to(target)
    return link


def _deep_json(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


def _model_dir(tmp: Path, checkpoint: bytes | None = b"not a pickle", hparams: str = "class_identifier: unified_metric\n") -> Path:
    folder = tmp / "model"
    (folder / "checkpoints").mkdir(parents=True)
    (folder / "hparams.yaml").write_text(hparams, encoding="utf-8")
    if checkpoint is not None:
        (folder / "checkpoints" / "model.ckpt").write_bytes(checkpoint)
    return folder


def _qe(tmp: Path, *extra: str) -> list[str]:
    return ["check", "--qe", "--no-qe-cache", str(_pairs(tmp)), *extra]


ROWS = {
    # --- configuration ------------------------------------------------------------------------
    "config missing": lambda t: (["check", "--config", str(t / "nope.toml"), str(_story(t))], "nope.toml"),
    "config is a folder": lambda t: (["check", "--config", str(t), str(_story(t))], str(t)),
    "config not UTF-8": lambda t: _config(t, b'select = ["\xff"]\n'),
    "config not TOML": lambda t: _config(t, "select = [\n"),
    "config severity is a string": lambda t: _config(t, 'severity = "info"\n'),
    "config settings is a number": lambda t: _config(t, "settings = 5\n"),
    "config select is a string": lambda t: _config(t, 'select = "TERM"\n'),
    "config glossaries not strings": lambda t: _config(t, "glossaries = [5]\n"),
    "config house-glossary 'no'": lambda t: _config(t, 'house-glossary = "no"\n'),
    "config fail-on a number": lambda t: _config(t, "fail-on = 5\n"),
    "config baseline a number": lambda t: _config(t, "baseline = 5\n"),
    "config baseline a folder": lambda t: _config(t, 'baseline = "."\n'),
    "config unknown code in select": lambda t: _config(t, 'select = ["TERM", "XYZ"]\n'),
    "config unknown code in ignore": lambda t: _config(t, 'ignore = ["[bad"]\n'),
    "config unknown code in severity": lambda t: _config(t, '[severity]\nXYZ123 = "info"\n'),
    "config bad level in severity": lambda t: _config(t, '[severity]\nTERM001 = "fatal"\n'),
    "config threshold true": lambda t: _config(t, '[settings]\n"REP002.min_chrf" = true\n'),
    "config threshold nan": lambda t: _config(t, '[settings]\n"REP002.min_chrf" = nan\n'),
    "config threshold inf": lambda t: _config(t, '[settings]\n"REP002.min_chrf" = inf\n'),
    "config threshold a string": lambda t: _config(t, '[settings]\n"REP002.min_chrf" = "90"\n'),
    "config unknown threshold": lambda t: _config(t, '[settings]\n"REP002.colour" = 3\n'),
    "config unknown key": lambda t: _config(t, "colour = 3\n"),
    "pyproject tool.jaanch a number": lambda t: _config(t, "[tool]\njaanch = 5\n", "pyproject.toml"),
    "pyproject malformed": lambda t: _config(t, "[tool.jaanch\nselect = []\n", "pyproject.toml"),
    "pyproject not UTF-8": lambda t: _config(t, b"[tool.jaanch]\nselect = [\"\xff\"]\n", "pyproject.toml"),
    # --- options --------------------------------------------------------------------------------
    # every check ran, as if no --select had been given
    "--select ''": lambda t: (["check", "--select", "", str(_story(t))], "--select"),
    "--ignore ' , '": lambda t: (["check", "--ignore", " , ", str(_story(t))], "--ignore"),
    "--set nan": lambda t: (["check", "--set", "REP002.min_chrf=nan", str(_story(t))], "REP002.min_chrf"),
    "--set inf": lambda t: (["check", "--set", "REP002.min_words=inf", str(_story(t))], "REP002.min_words"),
    "--set not a number": lambda t: (["check", "--set", "REP002.min_chrf=high", str(_story(t))], "REP002"),
    "--qe-threshold nan": lambda t: (["check", "--qe-threshold", "nan", str(_story(t))], "--qe-threshold"),
    "--qe-batch-size 0": lambda t: (_qe(t, "--qe-model", str(t), "--qe-batch-size", "0"), "--qe-batch-size"),
    "--qe-batch-size -3": lambda t: (_qe(t, "--qe-model", str(t), "--qe-batch-size=-3"), "--qe-batch-size"),
    "--json-field missing": lambda t: (["check", "--json-field", "data.text", str(_json_file(t, {"body": ARTICLE}))],
                                       "article.json"),
    "--fix on a pairs file": lambda t: (["check", "--fix", str(_pairs(t))], "--fix"),
    # taken as an abbreviation of --output-parquet, with a message about --ray
    "--output to check (no abbreviations)": lambda t: (["check", "--output", "x", str(_story(t))],
                                                      "unrecognized arguments: --output ("),
    "glossary import --out (no abbreviations)": lambda t: (["glossary", "import", str(_story(t)), "--out", "x.tsv", "-o", "y.tsv"],
                                                           "unrecognized arguments: --out"),
    # --- paths ------------------------------------------------------------------------------------
    "missing article": lambda t: (["check", str(t / "nope.txt")], "nope.txt"),
    # read for ever (a device) or waited for a writer for ever (a FIFO); stdin is `-`
    "a device as the article": lambda t: (["check", "/dev/zero"], "/dev/zero: is a device, not a file"),
    "a FIFO as the article": lambda t: (["check", str(_fifo(t))], "in.txt: is a named pipe (FIFO), not a file"),
    "a device as --source": lambda t: (["check", "--source", "/dev/zero", str(_story(t))], "/dev/zero: is a device"),
    "a device as --glossary": lambda t: (["check", "--glossary", "/dev/zero", str(_story(t))], "/dev/zero: is a device"),
    "a device as --config": lambda t: (["check", "--config", "/dev/zero", str(_story(t))], "/dev/zero: is a device"),
    "a device as --baseline": lambda t: (["check", "--baseline", "/dev/zero", str(_story(t))], "/dev/zero: is a device"),
    "report of a device": lambda t: (["report", "/dev/zero", "-o", str(t / "r.html")], "/dev/zero: is a device"),
    "glossary mine of a device": lambda t: (["glossary", "mine", "/dev/zero", "-o", str(t / "m.tsv")], "/dev/zero: is a device"),
    # far larger than any news article: refused before it is read, not checked for minutes
    "an article over --max-file-mb": lambda t: (["check", "--max-file-mb", "0.001", str(_bytes(t, "big.txt", "क".encode() * 700))],
                                                "big.txt: 2,100 bytes, far larger than any news article (the limit is 0.001 MB"),
    "an article in a folder over the default limit": lambda t: (["check", str(_folder_with(t, "huge.txt", None, 100_000_001))],
                                                                "huge.txt: 100.0 MB, far larger than any news article"),
    "report of a folder with an article over --max-file-mb": lambda t: (["report", "--max-file-mb", "0.0001", str(_folder_with(
        t, "a.txt", None)), "-o", str(t / "r.html")], "a.txt: "),
    # a glossary or configuration is read whole: a fixed limit far above any real one (valid files
    # padded with blank lines, which were read and passed over before)
    "--glossary over 10 MB": lambda t: (["check", "--glossary", str(_bytes(t, "desk.tsv", (
        HEADER + "Luma\tलूमा\t\t\tyes\t\t\t\t\n").encode() + b"\n" * 10_000_000)), str(_story(t))],
        "desk.tsv: 10.0 MB, far larger than any glossary (the limit is 10 MB)"),
    "glossary lint of one over 10 MB": lambda t: (["glossary", "lint", str(_bytes(t, "desk.tsv", (
        HEADER + "Luma\tलूमा\t\t\tyes\t\t\t\t\n").encode() + b"\n" * 10_000_000))], "desk.tsv: 10.0 MB"),
    "--config over 1 MB": lambda t: (["check", "--config", str(_bytes(t, "big.toml", b'fail-on = "never"\n' + b"\n" * 1_000_000)),
                                      str(_story(t))], "big.toml: 1.0 MB, far larger than any configuration (the limit is 1 MB)"),
    "a found pyproject.toml over 1 MB": lambda t: _config(t, "[tool.jaanch]\n" + "\n" * 1_000_000, "pyproject.toml"),
    "--max-file-mb 0": lambda t: (["check", "--max-file-mb", "0", str(_story(t))], "--max-file-mb"),
    "symlink loop as a path": lambda t: (["check", str(_loop(t))], "loop.txt"),
    "dangling symlink as a path": lambda t: (["check", str(_link_to(t, "gone.txt", str(t / "missing.txt")))],
                                             "gone.txt"),
    "unreadable .txt": lambda t: (["check", str(_link_to(t, "a.txt", UNREADABLE))], "a.txt"),
    "unreadable .tsv": lambda t: (["check", str(_link_to(t, "a.tsv", UNREADABLE))], "a.tsv"),
    "unreadable .jsonl": lambda t: (["check", str(_link_to(t, "a.jsonl", UNREADABLE))], "a.jsonl"),
    "unreadable .xlf": lambda t: (["check", str(_link_to(t, "a.xlf", UNREADABLE))], "a.xlf"),
    "unreadable .html": lambda t: (["check", str(_link_to(t, "a.html", UNREADABLE))], "a.html"),
    "unreadable .json": lambda t: (["check", str(_link_to(t, "a.json", UNREADABLE))], "a.json"),
    "unreadable article in a folder": lambda t: (["check", str(_folder_with(t, "b.md", UNREADABLE))], "b.md"),
    "unreadable --source": lambda t: (["check", "--source", str(_link_to(t, "en.txt", UNREADABLE)), str(_story(t))],
                                      "en.txt"),
    "--source missing": lambda t: (["check", "--source", str(t / "en.txt"), str(_story(t))], "en.txt"),
    "--source a folder": lambda t: (["check", "--source", str(t), str(_story(t))], str(t)),
    "--source not UTF-8": lambda t: (["check", "--source", str(_bytes(t, "en.txt", b"\xff\xfe")), str(_story(t))],
                                     "en.txt"),
    # --source was silently ignored for these: the run said nothing of the source it never read
    "--source with a pairs file": lambda t: (["check", "--source", str(_story(t, "en.txt")), str(_pairs(t))], "pairs.tsv"),
    "--source with a CMS export": lambda t: (["check", "--source", str(_story(t, "en.txt")),
                                              str(_bytes(t, "a.json", '{"body": "कंपनी"}'.encode()))], "a.json"),
    # out of range, the server announced a port it never listened on and hung
    "review --port 99999": lambda t: (["review", "--serve", "--port", "99999", str(_story(t))], "--port"),
    "review --port -1": lambda t: (["review", "--serve", "--port", "-1", str(_story(t))], "--port"),
    "review --port ²": lambda t: (["review", "--serve", "--port", "²", str(_story(t))], "--port"),
    "bad file with a line break in its name": lambda t: (["check", str(_bytes(t, "a\nb.txt", b"\xff"))], "a\\nb.txt"),
    # taken silently before: a share of 5 or nan learnt nothing, -5 articles everything
    "calibrate --min-share 5": lambda t: (["calibrate", str(_story(t).parent), "-o", str(t / "j.toml"), "--min-share", "5"],
                                          "--min-share"),
    "calibrate --min-share nan": lambda t: (["calibrate", str(_story(t).parent), "-o", str(t / "j.toml"), "--min-share", "nan"],
                                            "--min-share"),
    "calibrate --min-articles -5": lambda t: (["calibrate", str(_story(t).parent), "-o", str(t / "j.toml"),
                                               "--min-articles", "-5"], "--min-articles"),
    "--fix in a read-only folder": lambda t: (["check", "--fix", str(_read_only_folder(t))], "story.txt"),
    # --- malformed data files ---------------------------------------------------------------------
    "JSON nested 100k deep": lambda t: (["check", str(_bytes(t, "a.json", _deep_json().encode()))], "a.json"),
    "JSON 5,000-digit integer": lambda t: (["check", str(_bytes(t, "a.json", ('{"n": ' + "9" * 5000 + ', "body": "x"}').encode()))],
                                           "a.json"),
    "JSON not an object": lambda t: (["check", str(_bytes(t, "a.json", b"[1, 2]"))], "a.json"),
    "JSON body not text": lambda t: (["check", str(_json_file(t, {"body": 5}))], "article.json"),
    "JSONL nested 100k deep": lambda t: (["check", str(_bytes(t, "a.jsonl", _deep_json().encode()))], "a.jsonl"),
    "JSONL 5,000-digit integer": lambda t: (["check", str(_bytes(t, "a.jsonl", ('{"source": "a", "target": "b", "n": ' + "1" * 5000 + "}").encode()))],
                                            "a.jsonl"),
    "JSONL bad escape": lambda t: (["check", str(_bytes(t, "a.jsonl", b'{"source": "a", "target": "\\uZZZZ"}'))], "a.jsonl"),
    "TSV without header": lambda t: (["check", str(_bytes(t, "a.tsv", "a\tb\n".encode()))], "a.tsv"),
    "TSV with lone-CR line ends, a row ragged": lambda t: (
        ["check", str(_bytes(t, "a.tsv", "source\ttarget\rA.\tए।\rB.\tबी।\tx\r".encode()))],
        "a.tsv:3: expected 2 tab-separated fields, found 3"),
    "XLIFF malformed": lambda t: (["check", str(_bytes(t, "a.xlf", b"<xliff version='1.2'><file>"))], "a.xlf"),
    "XLIFF with an entity bomb": lambda t: (["check", str(_bytes(t, "a.xlf", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff version="1.2">&b;</xliff>'))],
                                            "a.xlf"),
    "HTML with no text": lambda t: (["check", str(_bytes(t, "a.html", b"<html><script>x</script></html>"))], "a.html"),
    # --- baselines and suppressions ---------------------------------------------------------------
    "--baseline missing": lambda t: (["check", "--baseline", str(t / "b.json"), str(_story(t))], "b.json"),
    "--baseline a folder": lambda t: (["check", "--baseline", str(t), str(_story(t))], str(t)),
    "--baseline nested deep": lambda t: (["check", "--baseline", str(_bytes(t, "b.json", _deep_json().encode())), str(_story(t))],
                                         "b.json"),
    "--baseline wrong shape": lambda t: (["check", "--baseline", str(_bytes(t, "b.json", b'{"findings": 5}')), str(_story(t))],
                                         "b.json"),
    "--baseline count 1e999": lambda t: (["check", "--baseline", str(_bytes(t, "b.json", (
        '{"findings": [{"path": "story.txt", "code": "ANGL001", "text": "x", "count": 1e999}]}').encode())), str(_story(t))],
        "b.json"),
    "--baseline count true": lambda t: (["check", "--baseline", str(_bytes(t, "b.json", (
        '{"findings": [{"path": "story.txt", "code": "ANGL001", "text": "x", "count": true}]}').encode())), str(_story(t))],
        "b.json"),
    "--baseline not UTF-8": lambda t: (["check", "--baseline", str(_bytes(t, "b.json", b'{"findings": ["\xff"]}')), str(_story(t))],
                                       "b.json"),
    "--write-baseline into a missing folder": lambda t: (["check", "--write-baseline", str(t / "nodir" / "b.json"), str(_story(t))],
                                                         "b.json"),
    "--write-baseline onto a folder": lambda t: (["check", "--write-baseline", str(t), str(_story(t))], str(t)),
    "suppressions file is a folder": lambda t: (["check", str(_beside(t, ".jaanch-suppressions.json", None))],
                                                ".jaanch-suppressions.json"),
    "suppressions nested deep": lambda t: (["check", str(_beside(t, ".jaanch-suppressions.json", _deep_json()))],
                                           ".jaanch-suppressions.json"),
    "suppressions wrong shape": lambda t: (["check", str(_beside(t, ".jaanch-suppressions.json", '{"a": 1}'))],
                                           ".jaanch-suppressions.json"),
    "suppressions with wrong types": lambda t: (["check", str(_beside(t, ".jaanch-suppressions.json", '[{"file": 5, "code": [], "text": null}]'))],
                                                ".jaanch-suppressions.json"),
    # --- glossaries -------------------------------------------------------------------------------
    "--glossary missing": lambda t: (["check", "--glossary", str(t / "desk.tsv"), str(_story(t))], "desk.tsv"),
    "--glossary a folder": lambda t: (["check", "--glossary", str(t), str(_story(t))], str(t)),
    "--glossary unreadable": lambda t: (["check", "--glossary", str(_link_to(t, "desk.tsv", UNREADABLE)), str(_story(t))],
                                        "desk.tsv"),
    "--glossary name twice, two canonicals": lambda t: (["check", "--no-house-glossary", "--glossary", str(_bytes(
        t, "desk.tsv", (HEADER + "Luminara\tलूमिनारा\t\t\tyes\t\t\t\t\nLuminara\tल्यूमिनारा\t\t\tyes\t\t\t\t\n").encode())),
        str(_story(t))], "desk.tsv:3"),
    "--glossary duplicates a house entry": lambda t: (["check", "--glossary", str(_bytes(
        t, "desk.tsv", (HEADER + "OpenAI\tओपनऐआई\t\t\tyes\t\t\t\t\n").encode())), str(_story(t))], "desk.tsv:2"),
    "--glossary variant of two names": lambda t: (["check", "--no-house-glossary", "--glossary", str(_bytes(
        t, "desk.tsv", (HEADER + "Luma\tलूमा\tलुमा\t\tyes\t\t\t\t\nLumo\tलूमो\tलुमा\t\tyes\t\t\t\t\n").encode())),
        str(_story(t))], "desk.tsv:3"),
    "glossary import CSV with an unclosed quote": lambda t: (["glossary", "import", str(_bytes(t, "terms.csv", b'latin,canonical\n"OpenAI,x\n')),
                                                              "-o", str(t / "desk.tsv")], "terms.csv"),
    "glossary import CSV not UTF-8": lambda t: (["glossary", "import", str(_bytes(t, "terms.csv", b"latin,canonical\n\xff,x\n")),
                                                 "-o", str(t / "desk.tsv")], "terms.csv:2"),
    "glossary import TBX not UTF-8": lambda t: (["glossary", "import", str(_bytes(t, "terms.tbx", b"<tbx>\xff</tbx>")),
                                                 "-o", str(t / "desk.tsv")], "terms.tbx:1"),
    # named the output file (the TSV it was about to write) with the output's line
    "glossary import CSV of other columns": lambda t: (["glossary", "import", str(_bytes(t, "terms.csv", b"foo,bar\nA,x\n")),
                                                        "-o", str(t / "desk.tsv")], "terms.csv:1: unknown column 'foo'"),
    "glossary import CSV, a line break in a field": lambda t: (["glossary", "import", str(_bytes(
        t, "terms.csv", 'latin,canonical,note\n"Luma",लूमा,"two\nlines"\n'.encode())), "-o", str(t / "desk.tsv")],
        "terms.csv:2: a field holds a tab or a line break"),
    "glossary import CSV, a name twice": lambda t: (["glossary", "import", str(_bytes(
        t, "terms.csv", "latin,canonical\nLuma,लूमा\n\nLuma,लुमा\n".encode())), "-o", str(t / "desk.tsv")], f"terms.csv:4: duplicate entry 'Luma' (also {t / 'terms.csv'}:2)"),
    "glossary import CSV, a ragged row": lambda t: (["glossary", "import", str(_bytes(
        t, "terms.csv", "latin,canonical\nLuma,लूमा,x\n".encode())), "-o", str(t / "desk.tsv")], "terms.csv:2:"),
    "glossary import CSV, a tab in a field": lambda t: (["glossary", "import", str(_bytes(
        t, "terms.csv", "latin,canonical\nLuma,\"लू\tमा\"\n".encode())), "-o", str(t / "desk.tsv")], "terms.csv:2:"),
    "glossary import TBX of other columns": lambda t: (["glossary", "import", str(_bytes(t, "terms.tbx", (
        '<tbx><tbxHeader><encodingDesc><p type="jaanch-columns">foo\tbar</p></encodingDesc></tbxHeader>'
        '<text><body><conceptEntry/></body></text></tbx>').encode())), "-o", str(t / "desk.tsv")], "terms.tbx: unknown column 'foo'"),
    # polars' own message, not naming the file first ("No such file or directory (os error 2): …")
    "glossary stats -o into a missing folder": lambda t: (["glossary", "stats", str(_folder_with(t, "a.txt", None)), "-o",
                                                          str(t / "no" / "s.csv")], "s.csv: no such folder"),
    "glossary stats -o onto a folder": lambda t: (["glossary", "stats", str(_folder_with(t, "a.txt", None)), "-o", str(t)],
                                                  f"{t}: is a folder"),
    # taken silently as one worker (`check --jobs 0` is refused)
    "report --jobs 0": lambda t: (["report", str(_folder_with(t, "a.txt", None)), "-o", str(t / "r.html"), "--jobs", "0"],
                                  "--jobs"),
    "glossary mine --jobs -2": lambda t: (["glossary", "mine", str(_folder_with(t, "a.txt", None)), "-o", str(t / "m.csv"),
                                           "--jobs", "-2"], "--jobs"),
    "glossary mine --min-articles 0": lambda t: (["glossary", "mine", str(_folder_with(t, "a.txt", None)), "-o",
                                                  str(t / "m.csv"), "--min-articles", "0"], "--min-articles"),
    "glossary lint on a folder": lambda t: (["glossary", "lint", str(t)], str(t)),
    # --- QE and LM models -------------------------------------------------------------------------
    "--qe without torch and comet": lambda t: (_qe(t, "--qe-model", str(_model_dir(t))), "comet"),
    "--qe-model hparams.yaml": lambda t: (_qe(t, "--qe-model", str(_model_dir(t) / "hparams.yaml")), "hparams.yaml"),
    "--qe-model a folder without a checkpoint": lambda t: (_qe(t, "--qe-model", str(_model_dir(t, None))), "model"),
    "--qe-model a corrupt checkpoint": lambda t: (_qe(t, "--qe-model", str(_model_dir(t))), "model.ckpt"),
    "--qe-model hparams.yaml nested thousands deep": lambda t: (_qe(t, "--qe-model", str(_model_dir(
        t, hparams="a: " + "[" * 100_000 + "]" * 100_000 + "\n"))), "hparams.yaml: refused hparams.yaml: nested too deeply"),
    "--qe-model unsafe hparams.yaml": lambda t: (_qe(t, "--qe-model", str(_model_dir(
        t, hparams="class_identifier: !!python/object/apply:os.system ['true']\n"))), "hparams.yaml"),
    "--qe-model hparams.yaml not a mapping": lambda t: (_qe(t, "--qe-model", str(_model_dir(t, hparams="- 1\n"))), "hparams.yaml"),
    "--qe-model unknown model class": lambda t: (_qe(t, "--qe-model", str(_model_dir(t, hparams="class_identifier: nope\n"))),
                                                 "hparams.yaml"),
    "--lm missing": lambda t: (["check", "--lm", str(t / "house-lm"), str(_story(t))], "house-lm"),
    "--lm corrupt meta.json": lambda t: (["check", "--lm", str(_lm_dir(t, "{")), str(_story(t))], "meta.json"),
    # --- other commands -------------------------------------------------------------------------
    "report into a missing folder": lambda t: (["report", str(_folder_with(t, "a.txt", None)), "-o", str(t / "no" / "r.html")],
                                               "r.html"),
    "report corpus missing": lambda t: (["report", str(t / "corpus"), "-o", str(t / "r.html")], "corpus"),
    "compare a missing file": lambda t: (["compare", str(_story(t)), str(t / "published.txt")], "published.txt"),
    "lm train on a missing folder": lambda t: (["lm", "train", str(t / "corpus"), "-o", str(t / "lm")], "corpus"),
    # taken: nan was written into meta.json as NaN (no JSON), 5 and -1 made no model at all
    "lm train --discount nan": lambda t: (["lm", "train", str(_folder_with(t, "a.txt", None)), "-o", str(t / "lm"),
                                           "--discount", "nan"], "--discount"),
    "lm train --discount 5": lambda t: (["lm", "train", str(_folder_with(t, "a.txt", None)), "-o", str(t / "lm"),
                                         "--discount", "5"], "--discount"),
    "lm train --discount 0": lambda t: (["lm", "train", str(_folder_with(t, "a.txt", None)), "-o", str(t / "lm"),
                                         "--discount", "0"], "--discount"),
    "compare --top -3": lambda t: (["compare", "--top", "-3", str(_story(t)), str(_story(t, "published.txt"))], "--top"),
    # sacrebleu's corpus score raised IndexError: an internal error, exit 3
    "compare two empty files": lambda t: (["compare", str(_bytes(t, "mt.txt", b"")), str(_bytes(t, "published.txt", b""))],
                                          "mt.txt: both files are empty"),
    # skipped without a word (0 names, exit 0), and a read error named no file
    "glossary mine over an undecodable article": lambda t: (["glossary", "mine", str(_folder_with(t, "b.txt", None, data=b"\xff\n")),
                                                             "-o", str(t / "m.csv")], "b.txt:1: cannot decode"),
    "glossary mine over an unreadable article": lambda t: (["glossary", "mine", str(_folder_with(t, "b.txt", UNREADABLE)),
                                                            "-o", str(t / "m.csv")], "b.txt"),
    # written as CSV under any name
    "glossary mine -o an .xlsx": lambda t: (["glossary", "mine", str(_folder_with(t, "a.txt", None)), "-o", str(t / "m.xlsx")],
                                            "m.xlsx"),
    # polars read a folder as a table: "found more fields than defined in 'Schema'"
    "glossary apply of a folder": lambda t: (["glossary", "apply", str(t), "--glossary", str(t / "desk.tsv")],
                                             f"{t}: is a folder"),
}


def _bytes(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


def _json_file(tmp: Path, data) -> Path:
    return _bytes(tmp, "article.json", json.dumps(data, ensure_ascii=False).encode())


def _loop(tmp: Path) -> Path:
    (tmp / "loop.txt").symlink_to(tmp / "loop2.txt")
    (tmp / "loop2.txt").symlink_to(tmp / "loop.txt")
    return tmp / "loop.txt"


def _folder_with(tmp: Path, name: str, link: str | None, size: int = 0, data: bytes | None = None) -> Path:
    folder = tmp / "corpus"
    folder.mkdir(exist_ok=True)
    _story(folder, "a.txt")
    if link is not None:
        (folder / name).symlink_to(link)
    if data is not None:
        (folder / name).write_bytes(data)
    if size:
        with open(folder / name, "wb") as big:
            big.truncate(size)  # sparse: its size is all that is read
    return folder


def _fifo(tmp: Path) -> Path:
    os.mkfifo(tmp / "in.txt")
    return tmp / "in.txt"


def _beside(tmp: Path, name: str, content: str | None) -> Path:
    if content is None:
        (tmp / name).mkdir()
    else:
        (tmp / name).write_text(content, encoding="utf-8")
    return _story(tmp)


def _lm_dir(tmp: Path, meta: str) -> Path:
    folder = tmp / "house-lm"
    folder.mkdir()
    (folder / "meta.json").write_text(meta, encoding="utf-8")
    return folder


def _read_only_folder(tmp: Path) -> Path:
    folder = tmp / "desk"
    folder.mkdir()
    (folder / "story.txt").write_text("कंपनी ने ओपन -सोर्स मॉडल जारी किया।\n", encoding="utf-8")
    folder.chmod(0o555)
    return folder


@pytest.fixture()
def no_models(monkeypatch):
    """The documented install without the qe extra: torch and comet cannot be imported."""
    for name in ("torch", "comet"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize("row", list(ROWS))
def test_user_error_is_one_line_exit_2(row, tmp_path, capsys, monkeypatch, request):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JAANCH_DEBUG", raising=False)
    if row == "--qe without torch and comet":
        request.getfixturevalue("no_models")
    argv, name = ROWS[row](tmp_path)
    code = main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2, (row, err)
    assert len(err) == 1, (row, err)
    assert "Traceback" not in err[0] and "internal error" not in err[0], err
    assert err[0].startswith("jaanch: ") and name in err[0], (row, err)


def test_a_bug_is_exit_3_with_one_please_report_line(monkeypatch, tmp_path, capsys):
    from audit.lint.engine import Engine

    def broken(self, article):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(Engine, "audit", broken)
    monkeypatch.delenv("JAANCH_DEBUG", raising=False)
    assert main(["check", str(_story(tmp_path))]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error" in err[0] and "please report" in err[0], err
    monkeypatch.setenv("JAANCH_DEBUG", "1")
    assert main(["check", str(_story(tmp_path))]) == 3
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_a_lone_surrogate_in_a_flagged_sentence_is_reported_not_fatal(fmt, tmp_path, capsys):
    """A JSON escape like \\ud800 decodes to a lone surrogate; every format still prints (escaped)."""
    sentence = "कंपनी ने आज \\ud800 नया मॉडल जारी किया और कहा।"
    export = tmp_path / "article.json"
    export.write_text('{"body": "पहली पंक्ति। ' + sentence + " " + sentence + '"}', encoding="utf-8")
    assert main(["check", "--format", fmt, str(export)]) == 1
    captured = capsys.readouterr()
    assert "internal error" not in captured.err
    out = captured.out
    assert "\\ud800" in out  # written as an escape, never an encoding crash
    if fmt in ("json", "sarif"):
        parsed = json.loads(out)
        messages = ([f["message"] for f in parsed] if fmt == "json"
                    else [r["message"]["text"] for r in parsed["runs"][0]["results"]])
        assert any("\ud800" in m for m in messages)  # the escape reads back as the character decoded


def test_lone_cr_files_get_their_line_numbers(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_bytes("पहली पंक्ति।\rदूसरी पंक्ति।\rकंपनी ने ओपन -सोर्स मॉडल जारी किया।\r".encode())
    assert main(["check", "--format", "json", "--select", "FMT002", str(story)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["line"], f["column"]) for f in found] == [(3, 10)]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device that is always full")
@pytest.mark.parametrize("command", [["check", "--format", "json"], ["check", "--jobs", "2"], ["rules"]])
def test_a_full_disk_behind_standard_output_is_named(command, tmp_path):
    """`jaanch check … > report.json` on a full disk: one line that says standard output is what
    could not be written (the write names no file of its own), exit 2, no traceback."""
    import subprocess

    article = tmp_path / "article.txt"
    article.write_text("डीपसेक ने नया मॉडल जारी किया। " * 400, encoding="utf-8")
    args = [*command, str(article), str(article)] if command[0] == "check" else command
    root = Path(__file__).resolve().parent.parent
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "audit.cli.main", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, env=dict(os.environ, PYTHONPATH=str(root)), timeout=120)
    assert (done.returncode, done.stderr) == (2, "jaanch: standard output: No space left on device\n")


def test_no_parser_of_the_cli_takes_an_abbreviated_option():
    import argparse

    from audit.cli.main import _parser

    def walk(parser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    yield from walk(child)

    parsers = list(walk(_parser()))
    assert len(parsers) > 10  # check, review, report, glossary's and lm's own subcommands...
    assert [p.prog for p in parsers if p.allow_abbrev] == []
