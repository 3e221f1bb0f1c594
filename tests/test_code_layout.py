"""The code stays readable: no module reaches 500 lines, and pyflakes finds no unused import or
undefined name (ruff's F rules, the one linter the project runs)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

LIMIT = 500
FOLDERS = ("audit", "tui", "tests", "benchmarks")


def _modules():
    for folder in FOLDERS:
        yield from (p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_reaches_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules()
            if (n := p.read_text(encoding="utf-8").count("\n")) >= LIMIT}
    assert long == {}, f"split these modules (the limit is {LIMIT} lines): {long}"


def test_the_layout_test_sees_every_package():
    names = {p.relative_to(ROOT).parts[0] for p in _modules()}
    assert names == set(FOLDERS)
    assert sum(1 for _ in _modules()) > 200


def test_pyflakes_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           *FOLDERS], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
