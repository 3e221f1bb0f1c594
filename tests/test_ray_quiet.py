"""`--ray local` in a fresh process: standard error holds jaanch's lines only. Ray's C++ core wrote
its own log lines there as it started (the level it read, an actor's arguments in the object store),
and Ray Data a UserWarning on sizing the pool, before or among jaanch's one-line messages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

pytest.importorskip("ray", reason="the ray extra is not installed")


def test_a_local_ray_run_writes_nothing_of_rays_on_stderr(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", folder)  # one file: fewer blocks than workers
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_")}
    env.update(PYTHONIOENCODING="utf-8")
    plain = subprocess.run([sys.executable, "-m", "tui.cli", "check", str(folder)],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    on_ray = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--ray", "local", "--ray-workers", "4",
                             str(folder)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert on_ray.stderr == ""
    assert (on_ray.returncode, on_ray.stdout) == (plain.returncode, plain.stdout) == (1, plain.stdout)
