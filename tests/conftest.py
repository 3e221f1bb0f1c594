from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "samples"


@pytest.fixture()
def story(tmp_path) -> Path:
    """A copy of the AI-race sample (samples/ai_model_race_mt.txt, an MT article with findings of
    every kind) as story.txt in the test's folder: to check, fix or review without touching the sample."""
    import shutil

    path = tmp_path / "story.txt"
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", path)
    return path


@pytest.fixture(scope="session")
def engine():
    from audit.lint.engine import Engine

    return Engine()


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real console entry point in a fresh interpreter."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "audit.cli.main", *args],
        input=stdin, capture_output=True, cwd=cwd, env=env, timeout=120,
    )


def one_line(capsys) -> str:
    """The one line a refused command wrote to standard error (no traceback): the project's error form."""
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.err, out.err
    return lines[0]
