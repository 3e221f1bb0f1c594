"""A file saved as UTF-16 is named one way by every reader: articles, pairs and CMS exports, the
English source, glossaries and review tables, TBX and CSV imports, jaanch.toml and pyproject.toml,
dismissals and baselines. With a byte-order mark the articles said "is UTF-16 ...; save the file as
UTF-8" and the rest "not UTF-8" or "configuration is not UTF-8 (byte 0xff)"; without one (which
decodes as UTF-8, a NUL after every ASCII letter) the rest said whatever their parser made of it
("unknown column 'l\\x00a\\x00...'", "not valid JSON"), a TBX import wrote an empty glossary and
exit 0, and a pyproject.toml holding [tool.jaanch] was passed over, its settings unused."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import one_line

ART = "कंपनी ने इस हफ्ते नया मॉडल जारी किया और कहा कि यह सस्ता है।\n"
GLOSSARY = "latin\tcanonical\tvariants\nOpenAI\tओपनएआई\tओपनई\n"
TABLE = "form\trole\taccept\tlatin\tcanonical\nओपनी\tvariant\tyes\tOpenAI\tओपनएआई\n"
WITH_BOM = "is UTF-16 (it opens with a UTF-16 byte-order mark); save the file as UTF-8"
WITHOUT = "has a NUL byte, so it is not UTF-8 text (UTF-16 or a binary file?); save the file as UTF-8"

# name: (the files, the one in UTF-16, the command; D/ is the case's folder)
CASES = {
    "article": ({"a.txt": ART}, "a.txt", ["check", "D/a.txt"]),
    "English source": ({"a.txt": ART, "en.txt": "The company.\n"}, "en.txt", ["check", "--source", "D/en.txt", "D/a.txt"]),
    "pairs file": ({"p.tsv": "source\ttarget\nThe company.\t" + ART}, "p.tsv", ["check", "D/p.tsv"]),
    "CMS export": ({"c.jsonl": json.dumps({"id": "1", "body": ART}, ensure_ascii=False) + "\n"}, "c.jsonl",
                   ["check", "D/c.jsonl"]),
    "glossary": ({"a.txt": ART, "g.tsv": GLOSSARY}, "g.tsv", ["check", "--glossary", "D/g.tsv", "D/a.txt"]),
    "glossary exported": ({"g.tsv": GLOSSARY}, "g.tsv", ["glossary", "export", "D/g.tsv", "-o", "D/o.tbx"]),
    "jaanch.toml": ({"a.txt": ART, "jaanch.toml": 'select = ["TERM"]\n'}, "jaanch.toml", ["check", "D/a.txt"]),
    "pyproject.toml": ({"a.txt": ART, "pyproject.toml": '[tool.jaanch]\nselect = ["TERM"]\n'}, "pyproject.toml",
                       ["check", "D/a.txt"]),
    "dismissals": ({"a.txt": ART, ".jaanch-suppressions.json": '{"version": 1, "suppressions": []}\n'},
                   ".jaanch-suppressions.json", ["check", "D/a.txt"]),
    "baseline": ({"a.txt": ART, "b.json": '{"version": 1, "findings": []}\n'}, "b.json",
                 ["check", "--baseline", "D/b.json", "D/a.txt"]),
    "TBX import": ({"t.tbx": "<tbx></tbx>\n"}, "t.tbx", ["glossary", "import", "D/t.tbx", "-o", "D/o.tsv"]),
    "CSV import": ({"t.csv": "latin,canonical\nA,ए\n"}, "t.csv", ["glossary", "import", "D/t.csv", "-o", "D/o.tsv"]),
    "review table": ({"r.tsv": TABLE, "g.tsv": GLOSSARY}, "r.tsv", ["glossary", "apply", "D/r.tsv", "--glossary", "D/g.tsv"]),
    "glossary applied to": ({"r.tsv": TABLE, "g.tsv": GLOSSARY}, "g.tsv",
                            ["glossary", "apply", "D/r.tsv", "--glossary", "D/g.tsv"]),
}


@pytest.mark.parametrize("bom", [True, False], ids=["with a BOM", "without"])
@pytest.mark.parametrize("case", list(CASES))
def test_utf16_is_one_wording_everywhere(tmp_path, capsys, case, bom):
    files, wide, argv = CASES[case]
    for name, text in files.items():
        data = ("\ufeff" + text if bom and name == wide else text).encode("utf-16-le" if name == wide else "utf-8")
        (tmp_path / name).write_bytes(data)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main([a.replace("D/", f"{tmp_path}/") for a in argv]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {tmp_path / wide}:1: ") and line.endswith(WITH_BOM if bom else WITHOUT), line
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing written


def test_glossary_lint_lists_it_in_the_same_words(tmp_path, capsys):
    glossary = tmp_path / "g.tsv"
    glossary.write_bytes(GLOSSARY.encode("utf-16-le"))
    assert main(["glossary", "lint", str(glossary)]) == 1
    assert f"{glossary}:1: {WITHOUT}" in capsys.readouterr().out
