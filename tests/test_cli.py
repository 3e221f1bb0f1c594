"""The command line as the publishing pipeline uses it: formats, exit codes, --fix, signatures."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT, SAMPLES, SHARED, run_cli, shared

SCHEMA = SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json"
REQUIRED = {"path", "code", "rule", "category", "severity", "start", "end", "line", "column",
            "text", "message", "suggestions", "confidence"}


def test_json_is_one_array_of_findings(story):
    proc = run_cli("check", "--format", "json", str(story))
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)
    assert isinstance(findings, list) and findings
    text = story.read_text(encoding="utf-8")
    for f in findings:
        assert REQUIRED <= set(f)
        assert text[f["start"] : f["end"]] == f["text"]
    assert "jaanch:0.1.0|glossary:" in proc.stderr.decode()


def test_text_format_prints_positions_and_signature(story):
    out = run_cli("check", str(story)).stdout.decode()
    assert f"{story}:1:16: TERM001 warning" in out
    assert out.rstrip().splitlines()[-1].startswith("jaanch:0.1.0|glossary:")
    assert "|checks:TERM001,TERM002" in out


def test_github_annotations(story):
    out = run_cli("check", "--format", "github", str(story)).stdout.decode().splitlines()
    assert out and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out)
    assert any(f"file={story},line=1,col=16" in line for line in out)


def test_sarif_is_valid_against_the_schema(story):
    jsonschema = pytest.importorskip("jsonschema")
    shared(SCHEMA)
    proc = run_cli("check", "--format", "sarif", str(story))
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    text = story.read_text(encoding="utf-8")
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]


def test_fail_on_thresholds():
    clean = str(SAMPLES / "clean_monsoon_economy.txt")
    assert run_cli("check", clean).returncode == 0
    noisy = str(SAMPLES / "phone_launch_mt.txt")
    assert run_cli("check", noisy).returncode == 1
    assert run_cli("check", "--fail-on", "never", noisy).returncode == 0
    assert run_cli("check", "--fail-on", "error", "--select", "FMT001", noisy).returncode == 0
    assert run_cli("check", "--fail-on", "warning", "--select", "FMT001", noisy).returncode == 1


def test_select_and_ignore(story):
    only = json.loads(run_cli("check", "--format", "json", "--select", "TERM,FMT001", str(story)).stdout)
    assert only and {f["code"] for f in only} <= {"TERM001", "TERM002", "TERM003", "TERM004", "FMT001"}
    rest = json.loads(run_cli("check", "--format", "json", "--ignore", "TERM", str(story)).stdout)
    assert rest and not any(f["code"].startswith("TERM") for f in rest)


def test_a_check_off_by_default_runs_only_where_its_code_is_selected():
    from audit.lint.engine import select_checks

    noisy = str(SAMPLES / "phone_launch_mt.txt")
    codes = lambda *args: {f["code"] for f in json.loads(run_cli("check", "--format", "json", *args, noisy).stdout)}  # noqa: E731
    assert "ANGL002" not in codes()  # ऑप्टिमाइज किया is still there to find
    assert "ANGL002" not in codes("--select", "ANGL")  # a prefix does not switch it on
    assert "ANGL002" in codes("--select", "ANGL,ANGL002")
    assert "ANGL002" not in {c.code for c in select_checks(["ANGL002", "TERM001"], ["ANGL"])}  # ignore still wins
    assert "ANGL002" in run_cli("rules").stdout.decode().split("off by default", 1)[0].splitlines()[-1]


def test_stdin(story):
    proc = run_cli("check", "--format", "json", "-", stdin=story.read_bytes())
    findings = json.loads(proc.stdout)
    assert findings and {f["path"] for f in findings} == {"<stdin>"}


def test_fix_rewrites_in_place_and_converges(story):
    before = story.read_text(encoding="utf-8")
    first = run_cli("check", "--fix", "--format", "json", str(story))
    after = story.read_text(encoding="utf-8")
    assert after != before
    assert "डीपसीक" in after and "दीपसेक" not in after and "$5" in after
    remaining = json.loads(first.stdout)
    # what is left fixable is an editor's call: unsafe, display-only, or an info hint
    assert all(f["applicability"] != "safe" or f["severity"] == "info" for f in remaining if f["suggestions"])
    second = run_cli("check", "--fix", str(story))
    assert story.read_text(encoding="utf-8") == after
    assert "applied" not in second.stdout.decode()
    assert not list(story.parent.glob(".*.tmp"))


def test_extra_glossary_adds_entries(tmp_path):
    glossary = tmp_path / "desk.tsv"
    glossary.write_text("latin\tcanonical\tvariants\nLuminara\tलूमिनारा\tलुमिनारा\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("लुमिनारा ने मॉडल दिखाया।\n", encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", "--glossary", str(glossary), str(story)).stdout)
    assert [(f["code"], f["text"], f["suggestions"]) for f in findings] == [("TERM001", "लुमिनारा", ["लूमिनारा"])]


def test_rules_lists_every_check():
    from audit.lint.checks import ALL_CHECKS

    out = run_cli("rules").stdout.decode()
    for check in ALL_CHECKS:
        assert check.code in out and check.name in out


def test_console_script_is_installed():
    import subprocess
    import sys
    from pathlib import Path

    exe = shutil.which("jaanch", path=str(Path(sys.executable).parent))
    assert exe, "the jaanch console script is not installed beside this Python: pip install -e ."

    proc = subprocess.run([exe, "check", str(SAMPLES)], capture_output=True, cwd=ROOT)
    assert proc.returncode == 1 and b"findings in 5 files" in proc.stdout


def test_a_folder_with_dismissals_checks_its_articles_only(story):
    """The review TUI leaves .jaanch-suppressions.json beside the articles; it is not a CMS article."""
    (story.parent / ".jaanch-suppressions.json").write_text(
        json.dumps([{"file": "story.txt", "code": "TERM001", "text": "no such text"}]), encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(story.parent))
    assert proc.returncode == 1, proc.stderr.decode()
    assert {f["path"] for f in json.loads(proc.stdout)} == {str(story)}
    assert "1 dismissed findings no longer occur" in proc.stderr.decode()
