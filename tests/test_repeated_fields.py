"""A field given twice is refused, not settled by the parser: json.loads keeps an object's last value
for a key and drops the first without a word, and the XLIFF reader took a unit's first <source> and
first <target> and passed over the rest. Which one the writer meant is a guess, so each is one line
naming the file and the line (or unit), exit 2, as a pairs TSV naming a column twice already is. A
JSON or JSONL file of some other kind beside the articles is still passed over with a note."""

from __future__ import annotations

import json
import shutil

import pytest

from audit.cli.main import main
from conftest import SAMPLES, one_line

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="hi" datatype="plaintext" original="story">
  <body>
   <trans-unit id="u1">
    <source>The market rose.</source>
    <target>बाजार चढ़ा।</target>
   </trans-unit>
   <trans-unit id="u2">
    {unit}
   </trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="hi">
 <file id="f1">
  <unit id="n1">
   <segment id="s1">
    <source>Prices fell.</source>
    <target>कीमतें गिरीं।</target>
    <target>दाम गिरे।</target>
   </segment>
  </unit>
 </file>
</xliff>
"""


def _refused(capsys, path, *args) -> str:
    assert main(["check", *args, str(path)]) == 2
    return one_line(capsys)


@pytest.mark.parametrize("lines, number, key", [
    (['{"source": "Prices fell.", "target": "कीमतें गिरीं।", "target": "दाम गिरे।"}'], 1, "target"),
    (['{"source": "The market rose.", "target": "बाजार चढ़ा।"}',
      '{"id": "u2", "source": "Prices fell.", "target": "दाम गिरे।", "source": "Rates fell."}'], 2, "source"),
    (['{"source": "A", "target": "बाजार चढ़ा।", "meta": {"desk": "x", "desk": "y"}}'], 1, "desk"),
])
def test_a_jsonl_pair_naming_a_field_twice_is_one_line(tmp_path, capsys, lines, number, key):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _refused(capsys, path) == f"jaanch: {path}:{number}: a JSON object names {key!r} twice; keep one"


@pytest.mark.parametrize("unit, part, line", [
    ("<source>Prices fell.</source>\n    <target>कीमतें गिरीं।</target>\n    <target>दाम गिरे।</target>", "target", 12),
    ("<source>Prices fell.</source>\n    <source>Rates fell.</source>\n    <target>दाम गिरे।</target>", "source", 12),
])
def test_an_xliff_unit_with_two_sources_or_targets_is_one_line(tmp_path, capsys, unit, part, line):
    path = tmp_path / "story.xlf"
    path.write_text(XLIFF.format(unit=unit), encoding="utf-8")
    assert _refused(capsys, path) == f"jaanch: {path}:{line}: unit 'u2' has 2 <{part}> elements; keep one"


def test_an_xliff2_segment_with_two_targets_is_one_line(tmp_path, capsys):
    path = tmp_path / "story.xlf"
    path.write_text(XLIFF2, encoding="utf-8")
    assert _refused(capsys, path) == f"jaanch: {path}:8: unit 's1' has 2 <target> elements; keep one"


def test_a_unit_with_alternative_translations_is_still_read(tmp_path, capsys):
    """1.2's <alt-trans> holds a source and a target of its own: they are not the unit's second ones."""
    path = tmp_path / "story.xlf"
    unit = ("<source>Prices fell.</source>\n    <target>दाम गिरे।</target>\n"
            "    <alt-trans><source>Prices fell.</source><target>कीमतें गिरीं।</target></alt-trans>")
    path.write_text(XLIFF.format(unit=unit), encoding="utf-8")
    assert main(["check", str(path)]) in (0, 1)
    assert "jaanch:" not in capsys.readouterr().err


def test_a_cms_export_naming_its_body_twice_is_one_line(tmp_path, capsys):
    path = tmp_path / "story.json"
    path.write_text('{"title": "x",\n "body": "नगर निगम ने सेवा शुरू की।",\n "body": "बस सेवा शुरू हुई।"}\n',
                    encoding="utf-8")
    assert _refused(capsys, path) == f"jaanch: {path}:1: a JSON object names 'body' twice; keep one"


def test_json_of_another_kind_beside_the_articles_is_still_passed_over(tmp_path, capsys):
    shutil.copy(SAMPLES / "clean_monsoon_economy.txt", tmp_path)
    (tmp_path / "notes.json").write_text('{"owner": "a", "owner": "b"}\n', encoding="utf-8")
    (tmp_path / "log.jsonl").write_text('{"event": "a", "event": "b"}\n', encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    notes = capsys.readouterr().err
    assert "skipped" in notes and "notes.json" in notes and "log.jsonl" in notes


def test_a_dismissal_naming_a_field_twice_is_one_line(tmp_path, capsys):
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", tmp_path)
    path = tmp_path / ".jaanch-suppressions.json"
    entries = [{"file": "ai_model_race_mt.txt", "code": "TERM002", "text": "Openai", "scope": "text"}] * 2
    text = json.dumps(entries, indent=1)
    # the second dismissal (opening on line 8) says "occurrence" and then "text": which did the editor mean?
    at = text.rindex('"scope"')
    path.write_text(text[:at] + '"scope": "occurrence",\n  ' + text[at:], encoding="utf-8")
    assert _refused(capsys, tmp_path) == f"jaanch: {path}:8: a JSON object names 'scope' twice; keep one"


def test_a_baseline_naming_a_field_twice_is_one_line(tmp_path, capsys):
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", tmp_path)
    baseline = tmp_path / "base.json"
    assert main(["check", "--write-baseline", str(baseline), str(tmp_path)]) == 0
    capsys.readouterr()
    text = baseline.read_text(encoding="utf-8")
    at = text.index('"count"')
    baseline.write_text(text[:at] + '"count": 9,\n  ' + text[at:], encoding="utf-8")
    line = text[:at].count("\n") + 1
    opening = text[:text.rindex("{", 0, at)].count("\n") + 1
    assert line > opening
    assert _refused(capsys, tmp_path, "--baseline", str(baseline)) == (
        f"jaanch: {baseline}:{opening}: a JSON object names 'count' twice; keep one")


@pytest.mark.parametrize("table, entry, extra, shown", [
    ("house.tsv", '<conceptEntry id="c1">', '<descrip type="jaanch-kind">person</descrip>', "<descrip type='jaanch-kind'>"),
    ("house.tsv", '<conceptEntry id="c1">', "<note>one</note><note>two</note>", "<note>"),
    ("concepts.tsv", '<conceptEntry id="k1">', '<descrip type="jaanch-pos">verb</descrip>', "<descrip type='jaanch-pos'>"),
])
def test_a_tbx_entry_giving_a_column_twice_is_one_line(tmp_path, capsys, table, entry, extra, shown):
    """The import kept the last of two and dropped the other without a word."""
    from conftest import ROOT

    tbx = tmp_path / "terms.tbx"
    assert main(["glossary", "export", str(ROOT / "glossaries" / table), "-o", str(tbx)]) == 0
    text = tbx.read_text(encoding="utf-8")
    assert entry in text and (extra.startswith("<note>") or extra.split(">")[0] + ">" in text.split(entry, 1)[1][:400])
    tbx.write_text(text.replace(entry, entry + extra, 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["glossary", "import", str(tbx), "-o", str(tmp_path / "out.tsv")]) == 2
    line = text[:text.index(entry)].count("\n") + 1  # the entry's start tag
    assert one_line(capsys) == (f"jaanch: {tbx}:{line}: conceptEntry {entry.split(chr(34))[1]!r} has {shown} twice; "
                                "keep one")
    assert not (tmp_path / "out.tsv").exists()


def test_a_qe_models_hparams_giving_a_key_twice_is_one_line(tmp_path):
    """yaml.safe_load kept the last of two keys without a word: which encoder the model meant is a guess."""
    from audit.core.errors import JaanchError
    from audit.qe.comet_backend import read_hparams

    hparams = tmp_path / "hparams.yaml"
    hparams.write_text("class_identifier: unified_metric\npretrained_model: xlm-roberta-large\n"
                       "layer: mix\npretrained_model: xlm-roberta-base\n", encoding="utf-8")
    with pytest.raises(JaanchError) as refused:
        read_hparams(hparams)
    assert refused.value.one_line() == f"{hparams}:4: refused hparams.yaml: 'pretrained_model' is given twice; keep one"
    merged = tmp_path / "merged.yaml"  # a merge key's values, overridden below it, are YAML's own
    merged.write_text("base: &b {layer: mix}\nmodel:\n  <<: *b\n  layer: 24\n", encoding="utf-8")
    assert read_hparams(merged)["model"] == {"layer": 24}
