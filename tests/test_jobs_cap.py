"""`--jobs N` far past the cores: the pool is cut to JOBS_PER_CORE workers per core (one line on stderr
says so), and never holds a worker with no chunk of the work to do. `--jobs 1000` on 2 cores forked
hundreds of workers and ran 5.5x slower than `--jobs 2`; the output stays that of `--jobs 1`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from audit.core import runner
from conftest import ROOT, SAMPLES


@pytest.fixture(autouse=True)
def fresh_warning(monkeypatch):
    monkeypatch.setattr(runner, "_WARNED", [], raising=False)


def test_the_count_is_cut_to_the_work_and_the_cores(capsys):
    assert runner.worker_count(1000, 3, cores=2) == 3  # three items: three workers at most, no word
    assert runner.worker_count(None, 1500, cores=2) == 2  # the default: one per core
    assert runner.worker_count(3, 1500, cores=2) == 3  # a few past the cores is the user's call
    assert capsys.readouterr().err == ""
    assert runner.worker_count(1000, 1500, cores=2) == 2 * runner.JOBS_PER_CORE
    assert runner.worker_count(1000, 1500, cores=2) == 2 * runner.JOBS_PER_CORE
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("jaanch: --jobs 1000: using 4 worker processes"), err


def test_the_pool_started_holds_no_more_workers_than_chunks(monkeypatch):
    started = []
    real = runner._pool_class

    def recording():
        base = real()

        class Recorded(base):
            def __init__(self, processes, *args, **kwargs):
                started.append(processes)
                super().__init__(processes, *args, **kwargs)

        return Recorded

    monkeypatch.setattr(runner, "_pool_class", recording)
    monkeypatch.setattr(runner, "default_jobs", lambda: 1)
    items = list(range(7))
    assert list(runner.run_ordered(abs, [-i for i in items], jobs=1000, progress=False)) == items
    assert started == [2]  # 1 core x 2, not 6 (the items left once the first was worked here), not 1000


def _one_core():
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def test_a_huge_jobs_prints_what_jobs_1_prints(tmp_path):
    for n in range(3):
        for sample in SAMPLES.glob("*.txt"):
            shutil.copy(sample, tmp_path / f"{n}_{sample.name}")
    env = dict(os.environ, PYTHONIOENCODING="utf-8")

    def check(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "audit.cli.main", "check", "--format", "json", "--jobs", jobs,
                               str(tmp_path)], capture_output=True, cwd=ROOT, env=env, timeout=300,
                              preexec_fn=_one_core)

    one, many = check("1"), check("1000")
    assert one.returncode == many.returncode == 1
    assert one.stdout == many.stdout
    assert many.stderr.decode().splitlines() == [
        "jaanch: --jobs 1000: using 2 worker processes (2 for each of the 1 cores this process may run on); "
        "more would only take turns on them"] + one.stderr.decode().splitlines()  # (and the run's stamp)
