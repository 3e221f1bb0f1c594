"""A sixth hostile round: options that were taken and ignored, inputs that crashed. Each is one line
naming what is wrong (and the file), exit 2, never an internal error or a traceback."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "नगर निगम ने बुधवार को नई बस सेवा शुरू की। यात्रियों ने इसका स्वागत किया।\n"


def _story(tmp_path, name="story.txt", text=ARTICLE):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_format_with_write_baseline_is_one_line(tmp_path, capsys, fmt):
    """`check --format json --write-baseline b.json` printed no JSON (a baseline run prints no report)
    and said nothing: a CI step reading the report got an empty file."""
    story = _story(tmp_path)
    assert main(["check", "--format", fmt, "--write-baseline", str(tmp_path / "b.json"), str(story)]) == 2
    line = one_line(capsys)
    assert line == (f"jaanch: --format {fmt} is given with --write-baseline, which writes no report in any "
                    "format; give one of them"), line
    assert not (tmp_path / "b.json").exists()
    assert main(["check", "--write-baseline", str(tmp_path / "b.json"), str(story)]) == 0
    assert isinstance(json.loads((tmp_path / "b.json").read_text(encoding="utf-8")), (dict, list))
    capsys.readouterr()
    assert main(["check", "--format", fmt, "--baseline", str(tmp_path / "b.json"), str(story)]) == 0
    assert capsys.readouterr().out  # with --baseline, the report is printed in the format asked


def test_the_default_format_is_still_text(tmp_path, capsys):
    story = _story(tmp_path, text="यह एक टेस्ट है।  दो  स्पेस।\n")
    main(["check", str(story)])
    assert "1 file" in capsys.readouterr().out


def _sparse(tmp_path, name="image.txt", size=101_000_000):
    """A file past the default limit that takes no disk: all NUL bytes, which decode as UTF-8."""
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(size)
    return path


@pytest.mark.parametrize("command", ["compare mt", "compare published", "check --source", "lm train"])
def test_a_file_far_larger_than_an_article_is_refused_before_it_is_read(tmp_path, capsys, command):
    """`compare` and `--source` read a file of any size whole and then parsed it (a 200 MB disk image
    ran for minutes, where `check` refuses it at once); `lm train` had no --max-file-mb to raise the
    limit its corpus is held to."""
    story, image = _story(tmp_path), _sparse(tmp_path)
    argv = {"compare mt": ["compare", str(image), str(story)],
            "compare published": ["compare", str(story), str(image)],
            "check --source": ["check", "--source", str(image), str(story)],
            "lm train": ["lm", "train", str(tmp_path), "-o", str(tmp_path.parent / f"{tmp_path.name}-lm")]}[command]
    assert main(argv) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {image}: 101.0 MB, far larger than any news article"), line
    assert "--max-file-mb" in line
    image.unlink()
    assert main([*argv[:1 + (argv[0] == "lm")], "--max-file-mb", "0.0001", *argv[1 + (argv[0] == "lm"):]]) == 2
    assert "the limit is 0.0001 MB" in one_line(capsys)


@pytest.mark.parametrize("command, where", [("import", "{source}: import reads TBX or CSV by the file's suffix"),
                                            ("export", "-o {target}: export writes TBX or CSV by the output's suffix")])
@pytest.mark.parametrize("suffix", ["", ".xlsx"])
def test_glossary_import_and_export_name_the_file_of_a_wrong_suffix(tmp_path, capsys, command, where, suffix):
    """The line was `export: use a .tbx or .csv file, not no suffix`: no file named, and a double negative."""
    from audit.language.glossary import DEFAULT_GLOSSARY

    source = tmp_path / f"terms{suffix}" if command == "import" else DEFAULT_GLOSSARY
    if command == "import":
        source.write_text("latin,canonical\nLuma,लूमा\n", encoding="utf-8")
    target = tmp_path / (f"desk{suffix}" if command == "export" else "desk.tsv")
    assert main(["glossary", command, str(source), "-o", str(target)]) == 2
    line = one_line(capsys)
    assert line.startswith("jaanch: " + where.format(source=source, target=target)), line
    assert (f"(not {suffix})" if suffix else "(it has none)") in line and "no suffix" not in line
    assert not target.exists()


@pytest.mark.parametrize("suffix", [".tsv", ".parquet"])
def test_glossary_stats_refuses_a_table_name_of_another_format(tmp_path, capsys, suffix):
    """`glossary stats -o table.tsv` wrote CSV into it (as `glossary mine` once did)."""
    (tmp_path / "corpus").mkdir()
    _story(tmp_path / "corpus")
    out = tmp_path / f"table{suffix}"
    assert main(["glossary", "stats", str(tmp_path / "corpus"), "-o", str(out)]) == 2
    assert one_line(capsys) == f"jaanch: -o {out}: the table is written as CSV; name it .csv"
    assert not out.exists()
    assert main(["glossary", "stats", str(tmp_path / "corpus"), "-o", str(out.with_suffix(".csv"))]) == 0
    assert out.with_suffix(".csv").read_text(encoding="utf-8").startswith("latin,")


@pytest.mark.parametrize("toml, key", [('ignore = [""]\n', "ignore"), ('select = ["TERM", "  "]\n', "select"),
                                       ('[tool.jaanch]\nignore = [""]\n', "ignore")])
def test_an_empty_code_in_the_configuration_is_one_line(tmp_path, capsys, monkeypatch, toml, key):
    """`ignore = [""]` is a prefix of every code: it ran no check at all and passed with exit 0, where
    `--ignore ''` on the command line is refused."""
    monkeypatch.chdir(tmp_path)
    name = "pyproject.toml" if toml.startswith("[tool") else "jaanch.toml"
    (tmp_path / name).write_text(toml, encoding="utf-8")
    story = _story(tmp_path, text="यह  लाइन।\n")  # a finding any run of FMT010 reports
    assert main(["check", str(story)]) == 2
    assert one_line(capsys) == (f"jaanch: {tmp_path / name}: '{key}' holds an empty code; give check codes or "
                                "prefixes (TERM, FMT001)")
    (tmp_path / name).write_text(toml.replace('""', '"TERM"').replace('"  "', '"FMT"'), encoding="utf-8")
    assert main(["check", "--fail-on", "info", str(story)]) == 1  # the double space is still found
    assert "FMT010" in capsys.readouterr().out


def test_a_suppression_naming_no_check_says_so(tmp_path, capsys):
    """`ignore TREM001` (a typo) was "matches no finding on line 1; remove it": the editor removed the
    suppression and the finding it was meant for came back."""
    story = _story(tmp_path, "story.md", "बस सेवा शुरू हुई। <!-- jaanch: ignore TREM001, FMT -->\n"
                                          "बस सेवा शुरू हुई। <!-- jaanch: ignore TERM001 -->\n")
    assert main(["check", "--format", "json", str(story)]) == 1
    messages = [(f["line"], f["message"]) for f in json.loads(capsys.readouterr().out) if f["code"] == "SUP001"]
    assert messages == [
        (1, "this suppression names TREM001, which is no check code or prefix (`jaanch rules` lists them); "
            "correct it or remove it"),
        (2, "this suppression (TERM001) matches no finding on line 2; remove it")]


def test_a_missing_house_lm_is_named_as_missing(tmp_path, capsys):
    """`--lm models/hous-lm` (a typo) said "not a jaanch language model (no meta.json)"."""
    story = _story(tmp_path)
    assert main(["check", "--lm", str(tmp_path / "hous-lm"), str(story)]) == 2
    assert one_line(capsys) == f"jaanch: {tmp_path / 'hous-lm'}: no such model folder; build one with `jaanch lm train`"
    (tmp_path / "empty-lm").mkdir()
    assert main(["check", "--lm", str(tmp_path / "empty-lm"), str(story)]) == 2
    assert "(no meta.json)" in one_line(capsys)


@pytest.mark.parametrize("host", ["", "  "])
def test_review_serve_on_an_empty_host_is_one_line(tmp_path, capsys, host):
    """`--host ''` was taken as not given: the app was served on localhost, not where it was asked."""
    assert main(["review", "--serve", "--host", host, str(_story(tmp_path))]) == 2
    assert "argument --host: give an address to listen on" in one_line(capsys)


@pytest.mark.parametrize("link", ["dangling", "loop"])
def test_lm_train_into_a_link_that_leads_nowhere_is_named(tmp_path, capsys, link):
    """A dangling link said the system's "File exists"; a loop named the first table (model/a3.parquet)
    and "Too many levels of symbolic links"."""
    (tmp_path / "corpus").mkdir()
    _story(tmp_path / "corpus")
    out = tmp_path / "model"
    if link == "dangling":
        out.symlink_to(tmp_path / "gone")
    else:
        (tmp_path / "other").symlink_to(out)
        out.symlink_to(tmp_path / "other")
    assert main(["lm", "train", str(tmp_path / "corpus"), "-o", str(out)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: -o {out}: is a symbolic link that leads nowhere (to "), line
    assert out.is_symlink() and not (tmp_path / "gone").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_name_with_a_line_break_keeps_each_finding_on_one_line(tmp_path, capsys, jobs):
    """The text report wrote the name raw: each finding of `new<LF>line.txt` was two lines, the
    second without a path, as grep and editors' quickfix lists read them."""
    for name in ("new\nline.txt", "cr\rname.txt", "plain.txt"):
        _story(tmp_path, name, "नई  बस सेवा शुरू हुई।\n")
    assert main(["check", "--fail-on", "never", "--jobs", jobs, str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    findings = [line for line in lines if ": FMT010 " in line]
    assert [line.split(":")[0].removeprefix(str(tmp_path) + "/") for line in findings] == [
        "cr\\rname.txt", "new\\nline.txt", "plain.txt"]
    assert lines[len(findings)] == "3 findings in 3 files (3 info)"


def test_calibrate_from_a_folder_with_a_line_break_in_its_name_writes_valid_toml(tmp_path, capsys, monkeypatch):
    """The folder's name went raw into the file's first comment: its second half was a line of no
    TOML, and every later `check` there stopped at "not valid TOML"."""
    monkeypatch.chdir(tmp_path)
    archive = tmp_path / "desk\narchive"
    archive.mkdir()
    for n in range(3):
        _story(archive, f"story_{n}.txt", "कंपनी ने नया फीचर अनाउंस किया। उसने प्रोडक्ट लॉन्च किया।\n")
    assert main(["calibrate", str(archive), "-o", "jaanch.toml", "--min-articles", "2"]) == 0
    import tomllib

    text = (tmp_path / "jaanch.toml").read_text(encoding="utf-8")
    assert "desk\\x0aarchive" in text.splitlines()[0]
    tomllib.loads(text)
    capsys.readouterr()
    assert main(["rules"]) == 0
    assert f"house style from {tmp_path / 'jaanch.toml'}" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["check", "rules"])
def test_a_pyproject_without_a_jaanch_table_named_by_config_is_one_line(tmp_path, capsys, command):
    """`--config pyproject.toml` with no [tool.jaanch] was read as no settings at all, silently (the
    upward search passes such a file by; naming it says it holds them); `rules` printed its whole
    list before a bad configuration stopped it."""
    project = tmp_path / "pyproject.toml"
    project.write_text('[project]\nname = "desk"\n', encoding="utf-8")
    argv = [command, "--config", str(project)] + ([str(_story(tmp_path))] if command == "check" else [])
    assert main(argv) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == f"jaanch: {project}: has no [tool.jaanch] table; put jaanch's settings there, or name a jaanch.toml\n"
    project.write_text('[project]\nname = "desk"\n[tool.jaanch]\nfail-on = "never"\n', encoding="utf-8")
    assert main(argv) == 0


def test_a_baseline_beside_the_articles_is_not_read_as_one(tmp_path, capsys, monkeypatch):
    """`baseline = "jaanch-baseline.json"` (as the configuration documents it) beside the articles:
    `check .` listed the baseline among the folder's CMS exports and stopped at "no field 'body'";
    writing it again refused it as one of the files the run reads."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jaanch.toml").write_text('baseline = "jaanch-baseline.json"\n', encoding="utf-8")
    _story(tmp_path, text="नई  बस सेवा शुरू हुई।\n")
    assert main(["check", "--write-baseline", "jaanch-baseline.json", "."]) == 0
    assert main(["check", "--write-baseline", "jaanch-baseline.json", "."]) == 0  # again, over the old one
    capsys.readouterr()
    assert main(["check", "--fail-on", "info", "."]) == 0  # the configured baseline holds the one finding
    assert "0 findings in 1 file" in capsys.readouterr().out
    assert main(["check", "--fail-on", "info", "--baseline", "jaanch-baseline.json", str(tmp_path)]) == 0
    (tmp_path / "other.json").write_text("{}", encoding="utf-8")  # any other JSON: passed over with a note
    assert main(["check", "."]) == 0
    assert "jaanch: note: skipped other.json: no field 'body'" in capsys.readouterr().err
    assert main(["check", "other.json"]) == 2  # named, it is read as a CMS export
    assert "other.json: no field 'body'" in one_line(capsys)


def test_junit_report_of_a_file_name_with_a_control_character_is_xml(tmp_path, capsys):
    """XML 1.0 cannot hold U+0001 even as a character reference: the whole report was "not
    well-formed" to every CI parser because one file name had one."""
    import xml.etree.ElementTree as ET

    _story(tmp_path, "c\x01trl.txt", "नई  बस सेवा\x0b शुरू हुई।\n")
    _story(tmp_path, "plain.txt", "नई  बस सेवा शुरू हुई।\n")
    assert main(["check", "--format", "junit", "--fail-on", "never", str(tmp_path)]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    names = [suite.get("name").removeprefix(str(tmp_path) + "/") for suite in root]
    assert names == ["c\\x01trl.txt", "plain.txt"]
    assert root.get("failures") == str(sum(len(suite.findall("testcase/failure")) for suite in root))
