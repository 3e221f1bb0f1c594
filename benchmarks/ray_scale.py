"""`--ray local` against worker processes on one machine: throughput per core on a generated archive.

    python benchmarks/ray_scale.py [--articles 20000]

The archive is built from the sample paragraphs and made-up sentences (planted name variants, so the
miner has groups to find). Every figure comes from the real console script in a child process; the
yardstick is `grep -F -f terms -r` over the same bytes, run in the same script. The Ray run's JSON
must be byte-identical to the single-process run's, or the script fails.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import sample_paragraphs  # noqa: E402

MADE_UP = ["डीपसीक ने इस हफ्ते नया मॉडल पेश किया।", "दीपसेक के मॉडल की बाजार में चर्चा रही।",
           "लूमिनारा ने नई फैक्टरी खोलने की घोषणा की।", "लुमिनारा के शेयर दो प्रतिशत चढ़े।",
           "सरकार ने नई नीति की घोषणा की।", "विशेषज्ञों ने इस फैसले का स्वागत किया।",
           "कंपनी ने कहा कि मांग तेजी से बढ़ रही है।", "मौसम विभाग ने अगले हफ्ते बारिश का अनुमान जताया।"]


def console() -> list[str]:
    """The installed `jaanch` script (it routes --ray runs), else the same entry point as a module."""
    exe = shutil.which("jaanch", path=str(Path(sys.executable).parent))
    return [exe] if exe and "PYTHONPATH" not in os.environ else [sys.executable, "-m", "tui.cli"]


def build_archive(folder: Path, count: int) -> int:
    rng = random.Random(14)
    paragraphs = sample_paragraphs()
    size = 0
    for i in range(count):
        desk = folder / f"{i // 1000:03d}"
        desk.mkdir(parents=True, exist_ok=True)
        lines = [" ".join(rng.sample(MADE_UP, 3)), rng.choice(paragraphs), " ".join(rng.sample(MADE_UP, 2)),
                 f"लेख संख्या {i}।"]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (desk / f"a{i:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def timed(cmd: list[str], out: Path | None = None) -> tuple[float, str]:
    """Wall seconds and the sha256 of stdout (written to `out` when given)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:6])}... exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    if out:
        out.write_bytes(proc.stdout)
    return wall, hashlib.sha256(proc.stdout).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    jaanch, cores = console(), os.cpu_count() or 1
    print(f"machine: {cores} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
    rows: list[tuple[str, float, int]] = []

    def measured(label: str, wall: float, used: int) -> None:
        """Printed as soon as it is known: a long run on a busy machine still reports what it finished."""
        rows.append((label, wall, used))
        print(f"  {label}: {wall:.1f} s", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        size = build_archive(archive, args.articles)
        print(f"archive: {args.articles} articles, {size / 1e6:.1f} MB", flush=True)
        terms = Path(tmp) / "terms.txt"
        terms.write_text("डीपसीक\nदीपसेक\nलुमिनारा\nफैक्टरी\n", encoding="utf-8")
        grep = timed(["grep", "-r", "-c", "-F", "-f", str(terms), str(archive)])[0]
        measured("grep -F -f terms -r (yardstick)", grep, 1)

        check = [*jaanch, "check", "--format", "json", "--fail-on", "never", str(archive)]
        single, single_hash = timed([*check, "--jobs", "1"], Path(tmp) / "single.json")
        measured("check --jobs 1 (one process)", single, 1)
        wall, digest = timed([*check, "--jobs", str(cores)])
        assert digest == single_hash, "--jobs changed the findings"
        measured(f"check --jobs {cores}", wall, cores)
        wall, digest = timed([*check, "--ray", "local"])
        assert digest == single_hash, "--ray changed the findings"
        measured("check --ray local", wall, cores)
        wall, _ = timed([*check, "--ray", "local", "--output-parquet", str(Path(tmp) / "parquet")])
        measured("check --ray local --output-parquet", wall, cores)

        mine = [*jaanch, "glossary", "mine", str(archive)]
        wall, _ = timed([*mine, "-o", str(Path(tmp) / "jobs.csv"), "--jobs", str(cores)])
        measured(f"glossary mine --jobs {cores}", wall, cores)
        wall, _ = timed([*mine, "-o", str(Path(tmp) / "ray.csv"), "--ray", "local"])
        measured("glossary mine --ray local", wall, cores)
        same = (Path(tmp) / "jobs.csv").read_bytes() == (Path(tmp) / "ray.csv").read_bytes()
        assert same, "--ray changed the review table"

    print(f"{'run':40} {'wall s':>8} {'articles/s':>11} {'per core':>9} {'x grep':>8}")
    for label, wall, used in rows:
        rate = args.articles / wall
        print(f"{label:40} {wall:8.1f} {rate:11.0f} {rate / used:9.0f} {wall / grep:8.0f}")
    print("identical: check --jobs and --ray JSON == one-process JSON; mine --ray table == mine --jobs table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
