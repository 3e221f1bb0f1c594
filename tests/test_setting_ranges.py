"""Check thresholds have ranges (glossaries/check_settings.tsv): a value outside one is a usage
error naming the setting and what it may be, from --set and from [settings] alike."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from audit.lint.checks import ALL_CHECKS
from audit.lint.settings import setting_ranges
from conftest import one_line

ARTICLE = "कंपनी ने इस हफ्ते नया मॉडल जारी किया और कहा कि यह सस्ता है।\n"


def test_every_threshold_has_one_range_holding_its_default():
    ranges = setting_ranges()
    declared = {f"{check.code}.{name}": value for check in ALL_CHECKS for name, value in check.defaults.items()}
    assert set(ranges) == set(declared)
    for key, default in declared.items():
        assert ranges[key].admits(default), (key, default, ranges[key])


BAD = [
    ("BIL004.established", "2", "0 or 1"),
    ("REP002.min_chrf", "-50", "from 0 to 100"),
    ("REP002.min_overlap", "1.5", "from 0 to 1"),
    ("REP001.min_words", "2.5", "a whole number 1 or more"),
    ("TERM003.min_skeleton", "0", "a whole number 1 or more"),
]


@pytest.mark.parametrize("key,value,allowed", BAD)
def test_set_out_of_range_is_one_line_exit_2(key, value, allowed, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--set", f"{key}={value}", "story.txt"]) == 2
    line = one_line(capsys)
    assert key in line and allowed in line, line


@pytest.mark.parametrize("key,value,allowed", BAD)
def test_config_setting_out_of_range_names_the_file(key, value, allowed, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "jaanch.toml").write_text(f'[settings]\n"{key.lower()}" = {value}\n', encoding="utf-8")
    assert main(["check", "story.txt"]) == 2
    line = one_line(capsys)
    assert "jaanch.toml" in line and key in line and allowed in line, line


@pytest.mark.parametrize("pair", ["BIL004.established=1", "REP002.min_chrf=100", "REP001.min_content=0",
                                  "REP001.min_words=4.0", "SPELL002.min_zipf_gap=0.5"])
def test_values_in_range_are_taken(pair, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--set", pair, "--format", "json", "story.txt"]) in (0, 1)
    assert "jaanch: " not in capsys.readouterr().err  # no error line (the provenance line is "jaanch:0.1.0|…")
