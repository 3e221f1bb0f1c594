"""`--ray`: check, report and glossary mine on a local Ray (num_cpus=2) give exactly the plain run's output.

One Ray start serves the whole module; the commands find it running and reuse it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

ray = pytest.importorskip("ray", reason="the ray extra is not installed")

FILLER = ["सरकार ने नई नीति की घोषणा की।", "बाजार में आज तेजी रही।", "कंपनी के शेयर दो प्रतिशत चढ़े।",
          "डीपसीक ने नया मॉडल पेश किया।", "दीपसेक के मॉडल की चर्चा रही।", "Openai और OpenAI दोनों लिखे गए।"]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Two desks: the samples, made-up stories, a dismissal and a stale dismissal, a file in a subfolder."""
    root = tmp_path_factory.mktemp("archive")
    rng = random.Random(3)
    for desk in ("business", "tech/2026"):
        folder = root / desk
        folder.mkdir(parents=True)
        for sample in SAMPLES.glob("*.txt"):
            shutil.copy(sample, folder / sample.name)
        for n in range(6):
            (folder / f"story_{n}.txt").write_text(
                "\n".join(" ".join(rng.sample(FILLER, 3)) for _ in range(3)) + "\n", encoding="utf-8")
    (root / "business" / ".jaanch-suppressions.json").write_text(json.dumps([
        {"file": "story_0.txt", "code": "TERM002", "text": "Openai"},
        {"file": "story_1.txt", "code": "FMT001", "text": "no such text"},
    ]), encoding="utf-8")
    return root


def jaanch(capsys, *args: str) -> tuple[int, str, str]:
    from tui.cli import main

    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def plain_check(archive):
    """The plain run's (exit code, stdout, stderr), once for the tests that compare with it (capsys is per test)."""
    from contextlib import redirect_stderr, redirect_stdout
    from io import StringIO

    from tui.cli import main

    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", "--format", "json", str(archive)])
    return code, out.getvalue(), err.getvalue()


def test_check_json_on_ray_is_the_plain_run(local_ray, archive, plain_check, capsys):
    plain = plain_check
    on_ray = jaanch(capsys, "check", "--ray", "local", "--format", "json", str(archive))
    findings = json.loads(plain[1])
    assert plain[0] == 1 and len({f["path"] for f in findings}) >= 10
    assert "TERM002" not in {f["code"] for f in findings if f["path"].endswith("business/story_0.txt")}
    assert on_ray[:2] == plain[:2]
    assert "1 dismissed findings no longer occur" in plain[2]
    assert on_ray[2].splitlines()[-2:] == plain[2].splitlines()  # stale dismissal, then the signature


def test_parquet_holds_every_finding_in_order(local_ray, archive, plain_check, tmp_path, capsys):
    import polars as pl

    plain = json.loads(plain_check[1])
    out = tmp_path / "findings"
    code, stdout, err = jaanch(capsys, "check", "--ray", "local", "--output-parquet", str(out), str(archive))
    assert code == 1 and stdout == "" and f"{len(plain)} findings in" in err
    table = pl.read_parquet(out / "*.parquet").sort("index")
    assert table["index"].to_list() == list(range(table.height)) and table["error"].null_count() == table.height
    rows = table.explode("findings").unnest("findings").drop_nulls("code")
    keep = ["path", "code", "start", "end", "line", "column", "text", "message", "severity"]
    assert rows.select(keep).to_dicts() == [{k: f[k] for k in keep} for f in plain]
    summary = json.loads((out / "_jaanch.json").read_text(encoding="utf-8"))
    assert summary["findings"] == len(plain) and summary["signature"].startswith("jaanch:")


def test_report_on_ray_is_the_plain_report(local_ray, archive, tmp_path, capsys):
    plain, on_ray = tmp_path / "plain.html", tmp_path / "ray.html"
    assert jaanch(capsys, "report", str(archive), "-o", str(plain))[0] == 0
    assert jaanch(capsys, "report", "--ray", "local", str(archive), "-o", str(on_ray))[0] == 0
    assert "articles</span>" in plain.read_text(encoding="utf-8")
    assert on_ray.read_bytes() == plain.read_bytes()


def test_glossary_mine_on_ray_is_the_plain_table(local_ray, archive, tmp_path, capsys):
    plain, on_ray = tmp_path / "plain.csv", tmp_path / "ray.csv"
    assert jaanch(capsys, "glossary", "mine", str(archive), "-o", str(plain), "--jobs", "1")[0] == 0
    assert jaanch(capsys, "glossary", "mine", "--ray", "local", str(archive), "-o", str(on_ray))[0] == 0
    assert "दीपसेक" in plain.read_text(encoding="utf-8")
    assert on_ray.read_bytes() == plain.read_bytes()


def test_an_unreadable_file_is_one_line_exit_2(local_ray, tmp_path, capsys):
    shutil.copy(SAMPLES / "phone_launch_mt.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes("ठीक है\n".encode() + b"\xff\n")
    plain = jaanch(capsys, "check", str(tmp_path))
    on_ray = jaanch(capsys, "check", "--ray", "local", str(tmp_path))
    assert plain[0] == on_ray[0] == 2 and plain[1] == on_ray[1]  # a.txt streamed out, then the stop
    # Ray's daemons log asynchronously to the module's shared stderr (a gcs_server line from an earlier test once
    # landed inside the *plain* run's capture), so compare jaanch's own lines only, on both sides
    def own(err: str) -> list[str]:
        return [line for line in err.splitlines() if line.startswith("jaanch:")]
    assert own(plain[2]) == own(on_ray[2]) and len(own(plain[2])) == 1
    assert "b.txt:2: cannot decode byte 0xff" in plain[2]


@dataclass(frozen=True)
class DyingWork:
    """check's real per-file job, except that the process dies (SIGKILL) the first time it reaches `victim`."""

    inner: object
    victim: str
    marks: str

    def __call__(self, path):
        marks = Path(self.marks)
        with open(marks / "runs.log", "a", encoding="utf-8") as log:
            log.write(Path(path).name + "\n")
        if Path(path).name == self.victim:
            try:
                os.close(os.open(marks / "died", os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                pass
            else:
                os.kill(os.getpid(), signal.SIGKILL)
        return self.inner(path)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(local_ray, archive, tmp_path):
    from audit.cli.check_command import prepare_check
    from audit.cli.main import _parser
    from audit.core.runner import run_ordered
    from scaleout.pipeline import ray_runner

    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    prepared = prepare_check(_parser().parse_args(["check", str(archive)]))
    expected = list(run_ordered(prepared.job, prepared.targets, 1))
    victim = Path(prepared.targets[len(prepared.targets) // 2])
    work = DyingWork(prepared.job, victim.name, str(tmp_path))
    got = list(ray_runner(ray, workers=2)(work, prepared.targets))
    assert (tmp_path / "died").exists(), "the actor was not killed"
    runs = (tmp_path / "runs.log").read_text(encoding="utf-8").split()
    assert runs.count(victim.name) > sum(Path(t).name == victim.name for t in prepared.targets)  # redone
    assert got == expected  # every file once, in order, with the plain run's findings and dismissals
    assert sum(len(result.findings) for result, _ in got) > 20


def test_qe_over_a_folder_of_pairs_on_ray(local_ray, tmp_path, capsys):
    pytest.importorskip("comet", reason="the qe extra is not installed")
    from tiny_comet import build_tiny_comet

    model = tmp_path / "tiny-xcomet"
    build_tiny_comet(model)
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    sentences = [("The company released a new model.", "कंपनी ने नया मॉडल जारी किया।"),
                 ("Analysts said demand would rise.", "विश्लेषकों ने कहा कि मांग बढ़ेगी।"),
                 ("The minister praised the monsoon.", "मंत्री ने मानसून की तारीफ़ की।")]
    for n in range(4):
        rows = "".join(f"{i}\t{s}\t{t}\n" for i, (s, t) in enumerate(sentences[n % 3:] + sentences[: n % 3]))
        (pairs / f"desk_{n}.tsv").write_text("id\tsource\ttarget\n" + rows, encoding="utf-8")
    args = ["check", "--format", "json", "--qe", "--qe-model", str(model), "--no-qe-cache", "--qe-threshold", "5",
            str(pairs)]
    plain = jaanch(capsys, *args)
    on_ray = jaanch(capsys, "check", "--ray", "local", *args[1:])
    assert plain[0] == 1 and {f["code"] for f in json.loads(plain[1])} >= {"QE001"}
    assert on_ray[:2] == plain[:2]


def test_a_cluster_address_from_another_process(local_ray, archive):
    """`--ray HOST:PORT` joins a running cluster as a new driver (here: this module's local Ray)."""
    address = local_ray.get_runtime_context().gcs_address
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONPATH=str(ROOT))
    run = lambda *a: subprocess.run([sys.executable, "-m", "tui.cli", "check", "--format", "json", *a],
                                    capture_output=True, cwd=ROOT, env=env, timeout=300)
    plain, on_ray = run(str(archive / "business")), run("--ray", address, str(archive / "business"))
    assert on_ray.returncode == plain.returncode == 1, on_ray.stderr.decode()[-2000:]
    assert on_ray.stdout == plain.stdout


def test_an_address_where_nothing_listens_is_one_line_at_once(tmp_path):
    """`--ray HOST:PORT` with no Ray there: Ray's client waited minutes, printing its C++ warnings
    every few seconds; now one TCP connection tells, and the run ends with one line, exit 2."""
    import socket

    story = tmp_path / "story.txt"
    shutil.copy(SAMPLES / "phone_launch_mt.txt", story)
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONPATH=str(ROOT))
    with socket.socket() as bound:  # bound, never listening: a connection to it is refused
        bound.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{bound.getsockname()[1]}"
        done = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--ray", address, str(story)],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=100)
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.splitlines() == [f"jaanch: --ray {address}: cannot reach Ray there (connection refused)"]
