"""A CMS export holding a list of articles (several in one .json) said "no field 'body' (set it with
--json-field)", as if the field were misnamed: it says what the file holds and what to do."""

from __future__ import annotations

import json

from audit.cli.main import main
from conftest import one_line


def test_a_list_of_articles_is_named_as_one(tmp_path, capsys):
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{"body": "कंपनी ने कहा।"}, {"body": "बाजार में हलचल है।"}], ensure_ascii=False),
                      encoding="utf-8")
    assert main(["check", str(export)]) == 2
    assert one_line(capsys) == (f"jaanch: {export}: holds a list of 2, not one article's object with a 'body' "
                                "field: export one article per .json file")


def test_in_a_folder_it_is_passed_over_with_a_note(tmp_path, capsys):
    (tmp_path / "export.json").write_text(json.dumps([{"body": "x"}]), encoding="utf-8")
    (tmp_path / "story.txt").write_text("कंपनी ने इस हफ्ते नया मॉडल जारी किया।\n", encoding="utf-8")
    assert main(["check", "--fail-on", "never", str(tmp_path)]) == 0
    assert "holds a list of 1" in capsys.readouterr().err
