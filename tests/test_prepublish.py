"""The pre-publish lint: configuration, baselines, inline suppressions, CI formats, CMS input, pre-commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import ROOT, SAMPLES, run_cli


def _json(*args, cwd=ROOT):
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout), proc


def test_config_file_found_upwards(tmp_path):
    (tmp_path / "jaanch.toml").write_text(
        'select = ["TERM", "FMT001"]\nfail-on = "error"\n[severity]\nTERM001 = "error"\n', encoding="utf-8")
    desk = tmp_path / "desk" / "today"
    desk.mkdir(parents=True)
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", desk / "story.txt")
    findings, proc = _json(str(desk / "story.txt"))
    assert {f["code"][:4] for f in findings} <= {"TERM", "FMT0"}
    assert all(f["severity"] == "error" for f in findings if f["code"] == "TERM001")
    assert proc.returncode == 1 and "severity:TERM001=error" in proc.stderr.decode()
    only_fmt, proc = _json("--select", "FMT001", "--fail-on", "never", str(desk / "story.txt"))
    assert {f["code"] for f in only_fmt} == {"FMT001"} and proc.returncode == 0


def test_pyproject_tool_section_and_unknown_keys(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.jaanch]\nignore = ["ANGL"]\nslect = ["TERM"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    shutil.copy(SAMPLES / "phone_launch_mt.txt", story)
    proc = run_cli("check", str(story))
    err = proc.stderr.decode().strip()
    assert proc.returncode == 2 and "unknown key 'slect'" in err and "pyproject.toml" in err and "\n" not in err
    (tmp_path / "pyproject.toml").write_text('[tool.jaanch]\nignore = ["ANGL"]\n', encoding="utf-8")
    findings, _ = _json(str(story))
    assert findings and not any(f["code"].startswith("ANGL") for f in findings)


def test_baseline_reports_only_new_findings(tmp_path):
    desk = tmp_path / "archive"
    shutil.copytree(SAMPLES, desk, ignore=shutil.ignore_patterns("english"))
    baseline = tmp_path / "baseline.json"
    proc = run_cli("check", "--write-baseline", str(baseline), str(desk))
    assert proc.returncode == 0 and baseline.exists()
    findings, proc = _json("--baseline", str(baseline), str(desk))
    assert findings == [] and proc.returncode == 0
    clean = desk / "clean_monsoon_economy.txt"
    clean.write_text(clean.read_text(encoding="utf-8").replace("करीब तीन अरब डॉलर", "करीब $ 3 अरब"), encoding="utf-8")
    findings, proc = _json("--baseline", str(baseline), str(desk))
    assert [(f["code"], f["text"]) for f in findings] == [("FMT001", "$ 3")]
    assert proc.returncode == 1


def test_inline_suppressions_and_unused_ones(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(
        "# खबर\n\n"
        "<!-- jaanch: ignore FMT001 -->\n"
        "लागत $ 6 मिलियन रही और दीपसेक ने कहा।\n\n"
        "लागत $ 7 मिलियन रही। <!-- jaanch: ignore TERM -->\n",
        encoding="utf-8",
    )
    findings, _ = _json(str(story))
    text = story.read_text(encoding="utf-8")
    codes = [(f["code"], f["text"]) for f in findings]
    assert ("FMT001", "$ 6") not in codes and ("TERM001", "दीपसेक") in codes
    assert ("FMT001", "$ 7") in codes
    unused = [f for f in findings if f["code"] == "SUP001"]
    assert len(unused) == 1 and unused[0]["text"] == "<!-- jaanch: ignore TERM -->"
    assert text[unused[0]["start"] : unused[0]["end"]] == unused[0]["text"]


def test_a_marker_itself_is_not_article_text(tmp_path):
    """A marker typed with a space before its comma (`FMT010 , SPELL`) is jaanch's own syntax: no
    spacing finding lands on it, and it is still reported as unused when it suppresses nothing."""
    story = tmp_path / "story.md"
    story.write_text("बारिश से फसल खराब हुई।\n<!-- jaanch: ignore FMT010 , SPELL -->\nकिसान परेशान हैं।\n",
                     encoding="utf-8")
    findings, _ = _json(str(story))
    marker = story.read_text(encoding="utf-8").index("<!--")
    assert [f["code"] for f in findings] == ["SUP001"] and findings[0]["start"] == marker


def test_a_malformed_marker_is_reported_and_suppresses_nothing(tmp_path):
    """`ignoreFMT010` (no space) was no marker and said nothing: the editor believed the finding
    suppressed. Now `check` reports the marker (SUP001, saying what is wrong) beside the finding."""
    story = tmp_path / "story.md"
    story.write_text("नई  बस सेवा शुरू हुई। <!-- jaanch: ignoreFMT010 -->\n", encoding="utf-8")
    findings, _ = _json(str(story))
    assert [f["code"] for f in findings] == ["FMT010", "SUP001"]
    assert findings[1]["text"] == "<!-- jaanch: ignoreFMT010 -->" and "no space" in findings[1]["message"]


def test_junit_xml(tmp_path):
    proc = run_cli("check", "--format", "junit", str(SAMPLES))
    root = ET.fromstring(proc.stdout.decode())
    suites = root.findall("testsuite")
    assert len(suites) == 5
    failures = sum(int(s.get("failures")) for s in suites)
    findings, _ = _json(str(SAMPLES))
    assert failures == len(findings) == int(root.get("failures"))
    clean = next(s for s in suites if s.get("name").endswith("clean_monsoon_economy.txt"))
    assert clean.find("testcase").get("name") == "no findings"


def test_html_article_body_with_exact_offsets(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<!doctype html><html><head><title>दीपसेक</title><script>var x = '$ 9';</script></head>\n"
        "<body><nav>मेनू दीपसेक</nav>\n<article><h1>दीपसेक का नया मॉडल</h1>\n"
        "<p>कंपनी ने &quot;मॉडल&quot; को $ 6 मिलियन में <b>ओपन -सोर्स</b> किया।</p>\n"
        "<p>गूगल&nbsp;के मिथुन पर खर्च</p></article><footer>दीपसेक</footer></body></html>\n",
        encoding="utf-8",
    )
    findings, _ = _json(str(page))
    text = page.read_text(encoding="utf-8")
    for f in findings:
        assert text[f["start"] : f["end"]] == f["text"]
    flagged = [(f["code"], f["text"]) for f in findings]
    assert ("FMT001", "$ 6") in flagged and ("TERM004", "मिथुन") in flagged
    assert ("FMT001", "$ 9") not in flagged
    deepseek = [f for f in findings if f["code"] == "TERM001"]
    assert len(deepseek) == 1 and deepseek[0]["line"] == 3  # the <h1> in <article>, not nav/title/footer
    assert ("FMT002", "ओपन -सोर्स") in flagged


def test_json_article_with_a_configurable_field(tmp_path):
    doc = tmp_path / "story.json"
    doc.write_text(json.dumps({"id": 7, "data": {"title": "खबर", "text": "दीपसेक ने $ 6 मिलियन में मॉडल बनाया।"}}),
                   encoding="utf-8")
    findings, _ = _json("--json-field", "data.text", str(doc))
    raw = doc.read_text(encoding="utf-8")
    assert {f["code"] for f in findings} >= {"TERM001", "FMT001"}
    for f in findings:
        assert raw[f["start"] : f["end"]] == f["text"]
    proc = run_cli("check", "--json-field", "data.body", str(doc))
    assert proc.returncode == 2 and "data.body" in proc.stderr.decode()


def test_sarif_github_and_junit_share_the_findings():
    sarif = json.loads(run_cli("check", "--format", "sarif", str(SAMPLES)).stdout)
    github = run_cli("check", "--format", "github", str(SAMPLES)).stdout.decode().splitlines()
    assert len(sarif["runs"][0]["results"]) == len(github)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_blocks_an_artifact_and_passes_clean_text(tmp_path):
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (dev extra)")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the project is not a git checkout")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               GIT_AUTHOR_NAME="desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="desk", GIT_COMMITTER_EMAIL="desk@example.org")
    repo = tmp_path / "newsroom"
    repo.mkdir()

    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)

    git("init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: jaanch-system\n", encoding="utf-8")
    assert subprocess.run([str(pre_commit), "install"], cwd=repo, env=env, capture_output=True).returncode == 0
    git("add", ".pre-commit-config.yaml")
    assert git("commit", "-q", "-m", "hooks").returncode == 0
    shutil.copy(SAMPLES / "clean_monsoon_economy.txt", repo / "clean.txt")
    git("add", "clean.txt")
    clean = git("commit", "-q", "-m", "clean story")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", repo / "mt.txt")
    git("add", "mt.txt")
    blocked = git("commit", "-q", "-m", "MT story")
    assert blocked.returncode != 0
    assert "TERM001" in blocked.stdout + blocked.stderr
    assert git("log", "--oneline").stdout.count("\n") == 2


def test_report_is_one_self_contained_page(tmp_path):
    out = tmp_path / "report.html"
    proc = run_cli("report", str(SAMPLES), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    page = out.read_text(encoding="utf-8")
    findings, _ = _json(str(SAMPLES))
    assert f"{len(findings)} findings" in page and "5 articles" in page and "1 clean articles" in page
    categories = {f["category"] for f in findings}
    assert page.count("<svg") == 2 and page.count("<rect") == len(categories) + len({f["code"] for f in findings})
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "<script" not in page
    assert "phone_launch_mt.txt" in page


def test_fix_leaves_inline_suppressed_text_alone(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("लागत $ 6 रही। <!-- jaanch: ignore FMT001 -->\n\nलागत $ 7 रही।\n", encoding="utf-8")
    run_cli("check", "--fix", str(story))
    assert story.read_text(encoding="utf-8") == "लागत $ 6 रही। <!-- jaanch: ignore FMT001 -->\n\nलागत $7 रही।\n"


def test_config_settings_must_name_a_check_threshold(tmp_path):
    (tmp_path / "jaanch.toml").write_text('[settings]\n"rep002.min_chrf" = 90\n"LM001.z" = 3\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    shutil.copy(SAMPLES / "clean_monsoon_economy.txt", story)
    proc = run_cli("check", str(story))
    err = proc.stderr.decode().strip()
    assert proc.returncode == 2 and "'LM001.z'" in err and "\n" not in err
    (tmp_path / "jaanch.toml").write_text('[settings]\n"rep002.min_chrf" = 90\n', encoding="utf-8")
    proc = run_cli("check", str(story))
    assert proc.returncode == 0 and "settings:REP002.min_chrf=90" in proc.stdout.decode()
