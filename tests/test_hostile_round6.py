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
