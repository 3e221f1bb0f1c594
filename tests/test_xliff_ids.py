"""Two XLIFF units with one id in one <file>: both were read. An id names one unit within its <file>
(1.2's trans-unit and 2.x's unit; 2.x's segment within its unit): a CAT tool merging the checked file
back puts one translation in both places, or drops one, and a finding naming the unit points at two.
Refused, one line naming the file and the second unit's line. The same id in two <file> elements (or
a 2.x segment id in two units) is what the standard allows, and is read."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

UNIT = """   <trans-unit id="{id}">
    <source>Prices fell.</source>
    <target>दाम गिरे।</target>
   </trans-unit>
"""


def _xliff12(*files):
    body = "".join(f' <file source-language="en" target-language="hi" datatype="plaintext" original="f{n}">\n'
                   f"  <body>\n{''.join(UNIT.format(id=i) for i in ids)}  </body>\n </file>\n"
                   for n, ids in enumerate(files))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n{body}</xliff>\n')


def _xliff2(units):
    body = "".join(f'  <unit id="{unit}">\n' + "".join(
        f'   <segment id="{seg}">\n    <source>Prices fell.</source>\n    <target>दाम गिरे।</target>\n   </segment>\n'
        for seg in segments) + "  </unit>\n" for unit, segments in units)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
            f'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="hi">\n <file id="f1">\n{body}'
            " </file>\n</xliff>\n")


@pytest.mark.parametrize("text, ident, line, kind", [
    (_xliff12(["u1", "u2", "u1"]), "u1", 13, "trans-unit"),  # the third unit starts on line 13
    (_xliff2([("n1", ["s1"]), ("n1", ["s1"])]), "n1", 10, "unit"),
    (_xliff2([("n1", ["s1", "s1"])]), "s1", 9, "segment"),
])
def test_a_repeated_unit_id_is_one_line(tmp_path, capsys, text, ident, line, kind):
    path = tmp_path / "story.xlf"
    path.write_text(text, encoding="utf-8")
    assert text.splitlines()[line - 1].strip().startswith(f'<{kind} id="{ident}"')
    assert main(["check", str(path)]) == 2
    where = "its unit" if kind == "segment" else "its <file>"
    assert one_line(capsys) == (f"jaanch: {path}:{line}: a second <{kind}> with id {ident!r} in {where}; "
                                "an id names one unit: give each its own")


@pytest.mark.parametrize("text", [_xliff12(["u1"], ["u1"]), _xliff2([("n1", ["1"]), ("n2", ["1"])]),
                                  _xliff12(["u1", "u2"])])
def test_ids_the_standard_allows_are_read(tmp_path, capsys, text):
    path = tmp_path / "story.xlf"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) in (0, 1)
    assert "jaanch:" not in capsys.readouterr().err
