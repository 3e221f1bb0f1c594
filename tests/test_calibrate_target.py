"""`jaanch calibrate -o FILE` writes a whole new file: an -o holding a desk's settings (select,
fail-on) or a pyproject.toml was replaced by the learnt [allow] table alone, the settings lost
without a word. It is refused, nothing written; a file of only an [allow] table (calibrate's own
output, learnt again) is replaced as before."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "कंपनी ने इस हफ्ते नया मॉडल जारी किया और कहा कि यह सस्ता है।\n"


@pytest.fixture()
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name, text, held", [
    ("jaanch.toml", 'select = ["TERM"]\r\nfail-on = "error"\r\n', "holds 'fail-on', 'select'"),
    ("pyproject.toml", '[project]\nname = "desk"\n\n[tool.jaanch]\nfail-on = "never"\n', "holds 'project', 'tool'"),
    ("notes.toml", "not = [toml\n", "is no house style calibrate wrote"),
])
def test_an_output_holding_settings_is_refused(archive, tmp_path, capsys, name, text, held):
    target = tmp_path / name
    target.write_bytes(text.encode())
    assert main(["calibrate", str(archive), "-o", str(target)]) == 2
    assert one_line(capsys) == (f"jaanch: -o {target}: the file exists and {held}; calibrate writes a whole new "
                                "file, so nothing was written: name a new file and copy its [allow] table into this one")
    assert target.read_bytes() == text.encode()


def test_its_own_output_is_learnt_again(archive, tmp_path):
    target = tmp_path / "jaanch.toml"
    assert main(["calibrate", str(archive), "-o", str(target)]) == 0
    target.write_text(target.read_text(encoding="utf-8") + 'ANGL001 = ["अनाउंस किया"]\n', encoding="utf-8")
    assert main(["calibrate", str(archive), "-o", str(target)]) == 0
    assert "अनाउंस" not in target.read_text(encoding="utf-8")
