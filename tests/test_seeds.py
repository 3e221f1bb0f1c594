"""The real MT articles in ../shared/seeds: the artifacts a desk editor must see, at exact offsets."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, needs_shared, run_cli

SEED = SEEDS / "000_2fc1de6ee5d3fb5e.txt"
pytestmark = needs_shared(SEED)


@pytest.fixture(scope="module")
def seed():
    proc = run_cli("check", "--format", "json", str(SEED))
    assert proc.returncode == 1, proc.stderr.decode()
    findings = json.loads(proc.stdout)
    return SEED.read_text(encoding="utf-8"), findings


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.index(needle, pos + 1)
    return pos


def _at(findings, code, start, text):
    return [f for f in findings if f["code"] == code and f["start"] == start and f["text"] == text]


def test_every_offset_points_at_its_text(seed):
    text, findings = seed
    assert findings
    for f in findings:
        assert text[f["start"] : f["end"]] == f["text"]


def test_wrong_casing_openai(seed):
    text, findings = seed
    start = text.index("Openai")
    hit = _at(findings, "TERM002", start, "Openai")
    assert hit and hit[0]["suggestions"] == ["OpenAI"] and hit[0]["end"] == start + 6


def test_stutters_as_chatpat(seed):
    text, findings = seed
    start = text.index("चटपट")
    assert _at(findings, "SENSE001", start, "चटपट करता")


def test_repeated_phrase(seed):
    text, findings = seed
    phrase = "अपने ओपन-सोर्स आर 1 मॉडल को"
    second = _nth(text, phrase, 2)
    hit = _at(findings, "REP001", second, phrase)
    assert hit and hit[0]["end"] == second + len(phrase)
    assert not _at(findings, "REP001", _nth(text, phrase, 1), phrase)


def test_repeated_sentence_about_microsoft(seed):
    text, findings = seed
    sentence = "Microsoft डीपसेक से जुड़े एक समूह द्वारा OpenAI डेटा तक संभव अनधिकृत पहुंच की जांच कर रहा है।"
    assert text.count(sentence) == 2  # the first copy is preceded by "अब"
    hit = _at(findings, "REP002", _nth(text, sentence, 2), sentence)
    assert hit and hit[0]["severity"] == "error"


def test_mixed_deepseek_spellings(seed):
    text, findings = seed
    for form in ("दीपसेक", "डीपसेक"):
        starts = [i for i in range(len(text)) if text.startswith(form, i)]
        flagged = {f["start"] for f in findings if f["text"] == form and f["code"] in ("TERM001", "TERM003")}
        assert set(starts) <= flagged, form
        assert all(s in flagged for s in starts)


def test_gemini_as_zodiac(seed):
    text, findings = seed
    hit = _at(findings, "TERM004", text.index("मिथुन"), "मिथुन")
    assert hit and hit[0]["suggestions"] == ["जेमिनी"]


def test_currency_space(seed):
    text, findings = seed
    for n in (1, 2):
        start = _nth(text, "$ 6", n)
        hit = _at(findings, "FMT001", start, "$ 6")
        assert hit and hit[0]["suggestions"] == ["$6"]


def test_all_seeds_audit_cleanly_in_one_run():
    proc = run_cli("check", "--format", "json", str(SEEDS))
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)
    assert {f["path"] for f in findings} >= {str(p) for p in SEEDS.glob("*.txt")}
