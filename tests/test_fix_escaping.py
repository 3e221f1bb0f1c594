"""A fix found in a pairs or CMS file points into the file, so its replacement is written the way the
file writes text: XML-escaped in XLIFF, a JSON string's escapes in JSONL. Applied as reported, it
leaves the file well-formed and the target reading the replacement."""

from __future__ import annotations

import json

import defusedxml.ElementTree as SafeET

from audit.cli.main import main
from audit.core.findings import Fix, apply_fixes

# A made-up desk glossary row whose canonical spelling holds characters the container escapes.
HEADER = "latin\tcanonical\tvariants\tcasings\tdnt\twrong_renderings\tcues\tkind\tnote\n"
TARGET = "एटीएंडटी ने इस हफ्ते नया प्लान पेश किया।"
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="hi" datatype="plaintext" original="x"><body>
<trans-unit id="1"><source>AT&amp;T launched a new plan this week.</source><target>{}</target></trans-unit>
</body></file></xliff>
"""


def _fixed(tmp_path, capsys, canonical: str, name: str, content: str) -> tuple[str, list[str]]:
    """The file with every reported fix of TERM001 applied, and the replacements reported."""
    (tmp_path / "desk.tsv").write_text(HEADER + f"AT&T\t{canonical}\tएटीएंडटी\t\tyes\t\t\tcompany\t\n", encoding="utf-8")
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["check", "--glossary", str(tmp_path / "desk.tsv"), "--select", "TERM001", "--format", "json",
                 str(path)]) in (0, 1)  # TERM001 is an info
    found = json.loads(capsys.readouterr().out)
    fixes = [Fix(x["start"], x["end"], x["replacement"], applicability=x["applicability"]) for f in found for x in f["fixes"][:1]]
    assert fixes, found
    return apply_fixes(content, fixes), [fix.replacement for fix in fixes]


def test_an_xliff_fix_holding_markup_characters_is_escaped(tmp_path, capsys):
    content = XLIFF.format(TARGET)
    fixed, replacements = _fixed(tmp_path, capsys, "एटी&टी<एक्स>", "story.xlf", content)
    assert replacements == ["एटी&amp;टी&lt;एक्स&gt;"]
    target = next(el for el in SafeET.fromstring(fixed.encode()).iter() if el.tag == "target")
    assert target.text == TARGET.replace("एटीएंडटी", "एटी&टी<एक्स>")


def test_a_jsonl_fix_holding_a_quote_is_escaped(tmp_path, capsys):
    content = json.dumps({"source": "AT&T launched a new plan this week.", "target": TARGET}, ensure_ascii=False) + "\n"
    fixed, replacements = _fixed(tmp_path, capsys, 'एटी"टी\\', "pairs.jsonl", content)
    assert replacements == ['एटी\\"टी\\\\']
    assert json.loads(fixed)["target"] == TARGET.replace("एटीएंडटी", 'एटी"टी\\')


def test_a_plain_article_fix_is_written_as_it_is(tmp_path, capsys):
    fixed, replacements = _fixed(tmp_path, capsys, "एटी&टी", "story.txt", TARGET + "\n")
    assert replacements == ["एटी&टी"] and fixed.startswith("एटी&टी ने")
