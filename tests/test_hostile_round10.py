"""Probe 10: inputs a hostile user can hand jaanch that were still taken for something they are not."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "पुल पर आज सुबह से यातायात बंद रहा। प्रशासन ने वैकल्पिक मार्ग सुझाया।\n"


@pytest.mark.parametrize("raw, line", [
    (ARTICLE.encode("utf-16-le"), 1),  # UTF-16 with no byte-order mark is valid UTF-8, byte by byte
    (ARTICLE.encode("utf-8") + b"\x00\x00 and garbage", 2),  # a binary tail after a real first line
], ids=["utf16-without-bom", "binary-tail"])
def test_a_file_with_a_nul_byte_is_refused_not_read_as_control_characters(tmp_path, capsys, raw, line):
    """A NUL byte decoded as UTF-8 without complaint: a UTF-16 article with no BOM was checked as a run
    of control characters, no finding, exit 0."""
    story = tmp_path / "story.txt"
    story.write_bytes(raw)
    for command in (["check"], ["check", "--format", "json"], ["compare", str(story)]):
        assert main([*command, str(story)]) == 2, command
        said = one_line(capsys)
        assert said.startswith(f"jaanch: {story}:{line}: has a NUL byte") and "UTF-8" in said, said


def test_a_utf16_byte_order_mark_is_named_as_utf16(tmp_path, capsys):
    """It said "cannot decode byte 0xff as UTF-8", which leaves the editor to guess the file's encoding."""
    story = tmp_path / "story.txt"
    story.write_bytes(ARTICLE.encode("utf-16"))  # with its byte-order mark
    assert main(["check", str(story)]) == 2
    assert "story.txt:1: is UTF-16" in one_line(capsys)


@pytest.mark.parametrize("name, body", [
    ("pairs.tsv", "id\tsource\ttarget\n1\tThe bridge closed.\tपुल बंद हुआ।\n"),
    ("story.json", '{"body": "पुल बंद हुआ।"}'),
    ("story.xlf", '<xliff version="1.2"><file><body></body></file></xliff>'),
], ids=["tsv", "json", "xlf"])
def test_review_refuses_a_pairs_file_or_cms_export_named_on_its_own(tmp_path, capsys, monkeypatch, name, body):
    """Named by itself, a .tsv, .json or .xlf opened in the app as if its raw text were an article, and a
    save wrote the accepted edits into the TSV, JSON or XML (check --fix refuses those files)."""
    import tui.app
    from tui.cli import main as jaanch

    opened = []
    monkeypatch.setattr(tui.app, "run", lambda *args, **kwargs: opened.append(args) or 0)
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    assert jaanch(["review", str(path)]) == 2
    assert one_line(capsys) == (f"jaanch: {path}: is a pairs file or CMS export, which `jaanch check` reads; "
                                "this command reads .txt and .md articles")
    assert opened == [] and path.read_text(encoding="utf-8") == body
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    assert jaanch(["review", str(story)]) == 0 and len(opened) == 1  # an article still opens


@pytest.mark.parametrize("name, body", [
    ("pairs.jsonl", '{"source": "The bridge closed.", "target": "पुल बंद हुआ।", "n": ' + "7" * 5000 + "}\n"),
    ("story.json", '{"body": "पुल बंद हुआ।", "views": ' + "7" * 5000 + "}"),
], ids=["jsonl", "json"])
def test_a_huge_json_number_is_named_without_python_advice(tmp_path, capsys, name, body):
    """The line ended in Python's own advice, "use sys.set_int_max_str_digits() to increase the limit",
    which a desk editor cannot act on."""
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    said = one_line(capsys)
    assert "a number of 5,000 digits" in said and "sys." not in said and str(path) in said, said


@pytest.mark.parametrize("answer", ["maybe", "ys", "yes please"])
def test_glossary_apply_names_an_accept_answer_it_cannot_read(tmp_path, capsys, answer):
    """An answer that was neither yes nor no was read as no: that row was left out of the glossary and
    the run ended 0 with the rows around it folded in."""
    review, desk = tmp_path / "review.tsv", tmp_path / "desk.tsv"
    review.write_text("form\trole\taccept\tlatin\tcanonical\n"
                      "नोवारा\tvariant\tyes\tNovara\tनोवाड़ा\n"
                      f"नोवारो\tvariant\t{answer}\tNovara\tनोवाड़ा\n"
                      "नोबारा\tvariant\tno\tNovara\tनोवाड़ा\n", encoding="utf-8")
    assert main(["glossary", "apply", str(review), "--glossary", str(desk)]) == 2
    assert one_line(capsys) == f"jaanch: {review}:3: 'accept' must be yes or no (or left empty), got {answer!r}"
    assert not desk.exists()  # nothing folded in before the stop
    review.write_text(review.read_text(encoding="utf-8").replace(answer, ""), encoding="utf-8")
    assert main(["glossary", "apply", str(review), "--glossary", str(desk)]) == 0  # left empty: a no
    assert "नोवारा" in desk.read_text(encoding="utf-8") and "नोवारो" not in desk.read_text(encoding="utf-8")


def test_lm_train_refuses_a_folder_of_other_files(tmp_path, capsys):
    """`-o` naming a folder of the user's own files wrote the model's tables among them, exit 0; the
    help says to name a new folder or an old model. An old model, or one a stopped run left without
    its meta.json, is still written over."""
    corpus = tmp_path / "archive"
    corpus.mkdir()
    (corpus / "one.txt").write_text(ARTICLE * 3, encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "plan.txt").write_text("keep me\n", encoding="utf-8")
    assert main(["lm", "train", str(corpus), "-o", str(notes)]) == 2
    said = one_line(capsys)
    assert said.startswith(f"jaanch: -o {notes}: is a folder of other files (plan.txt)"), said
    assert sorted(p.name for p in notes.iterdir()) == ["plan.txt"]
    model = tmp_path / "model"
    assert main(["lm", "train", str(corpus), "-o", str(model)]) == 0
    (model / "meta.json").unlink()  # as a run stopped before its last write leaves it
    assert main(["lm", "train", str(corpus), "-o", str(model)]) == 0 and (model / "meta.json").exists()


@pytest.mark.parametrize("name, body", [
    ("mt.json", '{"body": "पुल बंद हुआ। सड़क खुली।"}'),
    ("mt.tsv", "id\tsource\ttarget\n1\tThe bridge closed.\tपुल बंद हुआ।\n"),
    ("mt.html", "<html><body><p>पुल बंद हुआ।</p></body></html>"),
], ids=["json", "tsv", "html"])
def test_compare_refuses_a_cms_export_or_pairs_file(tmp_path, capsys, name, body):
    """compare read a CMS export or pairs file as plain text: its braces, tabs and tags were scored as
    the article's words and a sentence opened with '{"body":"', exit 0."""
    mt, published = tmp_path / name, tmp_path / "published.txt"
    mt.write_text(body, encoding="utf-8")
    published.write_text("पुल बंद रहा। सड़क खुली।\n", encoding="utf-8")
    for pair in ([mt, published], [published, mt]):
        assert main(["compare", *map(str, pair)]) == 2
        assert one_line(capsys).startswith(f"jaanch: {mt}: compare reads .txt and .md articles")


@pytest.mark.parametrize("command", [
    lambda t, f: ["report", f, "-o", str(t / "r.html")],
    lambda t, f: ["lm", "train", f, "-o", str(t / "model")],
    lambda t, f: ["glossary", "mine", f, "-o", str(t / "m.csv")],
    lambda t, f: ["glossary", "stats", f],
    lambda t, f: ["calibrate", f, "-o", str(t / "house.toml")],
], ids=["report", "lm-train", "mine", "stats", "calibrate"])
def test_commands_of_articles_refuse_a_cms_export_named_on_its_own(tmp_path, capsys, command):
    """A .json CMS export named by itself was read as an article's text: a report of findings on its
    braces, a language model trained on '{"body":', exit 0. Only check reads CMS exports."""
    export = tmp_path / "story.json"
    export.write_text('{"body": "पुल बंद हुआ। सड़क खुली।"}', encoding="utf-8")
    assert main(command(tmp_path, str(export))) == 2
    assert one_line(capsys).startswith(f"jaanch: {export}: is a pairs file or CMS export")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.json"]  # nothing written


@pytest.mark.parametrize("option, code, rules", [("--select", "LM001", "LM001"), ("--ignore", "QE", "QE001, QE002"),
                                                 ("--ignore", "sup001", "SUP001")])
def test_a_model_rule_given_to_select_or_ignore_is_named_as_one(tmp_path, capsys, option, code, rules):
    """--ignore LM001 said "unknown check code 'LM001'; `jaanch rules` lists them", and `jaanch rules`
    lists LM001; in jaanch.toml, which accepted the code, the same line came without the file's name."""
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", option, code, str(story)]) == 2
    said = one_line(capsys)
    assert said == (f"jaanch: {code.upper()!r} names {rules}, not a check but a rule that --qe, --lm or an inline "
                    "suppression adds: --select and --ignore choose among the checks"), said
    config = tmp_path / "jaanch.toml"
    config.write_text(f'{option.removeprefix("--")} = ["{code}"]\n', encoding="utf-8")
    assert main(["check", str(story)]) == 2
    assert one_line(capsys).startswith(f"jaanch: {config}: {code.upper()!r} names {rules}, not a check")


def test_a_glossary_named_in_jaanch_toml_and_by_glossary_is_read_once(tmp_path, capsys):
    """The desk glossary jaanch.toml lists, named again with --glossary (or twice, or by another path),
    stopped the run with "duplicate entry 'X' (also desk.tsv:2)": the file against itself."""
    desk = tmp_path / "desk.tsv"
    desk.write_text("latin\tcanonical\tvariants\nNovara\tनोवाड़ा\tनोवारा\n", encoding="utf-8")
    (tmp_path / "jaanch.toml").write_text('glossaries = ["desk.tsv"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("नोवारा ने आज नई कार पेश की। नोवाड़ा की कार सस्ती है।\n", encoding="utf-8")
    for extra in ([str(desk)], [str(tmp_path / "." / "desk.tsv")], [str(desk), str(desk)]):
        argv = ["check", "--format", "json", *[a for g in extra for a in ("--glossary", g)], str(story)]
        assert main(argv) == 1, extra
        out = capsys.readouterr()
        assert "duplicate" not in out.err and '"नोवारा"' in out.out, out.err  # its variant found, once


def test_ignoring_every_chosen_check_is_refused_not_a_clean_pass(tmp_path, capsys):
    """--select TERM --ignore TERM ran no check at all: "0 findings", exit 0, which CI reads as clean."""
    story = tmp_path / "story.txt"
    story.write_text("नोवारा ने कहा कि  कार सस्ती है ।\n", encoding="utf-8")
    assert main(["check", "--select", "TERM", "--ignore", "TERM", str(story)]) == 2
    assert one_line(capsys) == ("jaanch: ignoring TERM leaves no check to run (it covers all 5 checks chosen: "
                                "TERM001, TERM002, TERM003, TERM004, TERM005)")
    config = tmp_path / "jaanch.toml"
    config.write_text('select = ["FMT001"]\nignore = ["FMT"]\n', encoding="utf-8")
    assert main(["check", str(story)]) == 2
    assert one_line(capsys) == (f"jaanch: {config}: ignoring FMT leaves no check to run (it covers the one check "
                                "chosen: FMT001)")
    config.unlink()
    assert main(["check", "--fail-on", "info", "--select", "TERM,FMT", "--ignore", "TERM", str(story)]) == 1  # FMT runs
