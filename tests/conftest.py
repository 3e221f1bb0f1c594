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


def _not_beside(path: Path) -> str | None:
    """Why a test of data in ../shared (the seeds, IndicMT, the SARIF schema: not in the repository)
    cannot run here; None when it can (the file, or a folder with something in it, is there)."""
    if path.is_file() or (path.is_dir() and any(path.iterdir())):
        return None
    where = path.relative_to(SHARED) if path.is_relative_to(SHARED) else path.name
    return f"../shared/{where} is not beside the project (the data kept outside the repository)"


def needs_shared(path: Path):
    """A mark that skips a test, or a module (`pytestmark = needs_shared(...)`), without `path`."""
    reason = _not_beside(path)
    return pytest.mark.skipif(reason is not None, reason=reason or "")


def shared(path: Path) -> Path:
    """`path`, for a test or a fixture that reads it: the test is skipped where it is absent (a test
    that read an absent folder's files drew a sample from none of them and failed)."""
    reason = _not_beside(path)
    if reason is not None:
        pytest.skip(reason)
    return path


def seed_paths() -> list[Path]:
    """The real MT articles in ../shared/seeds, sorted (the test is skipped where they are absent)."""
    return sorted(shared(SEEDS).glob("*.txt"))


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
