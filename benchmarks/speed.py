"""Speed of `jaanch check`: throughput on a 2,000-article corpus, peak memory, cold start.

    python benchmarks/speed.py [--articles 2000] [--runs 5]

The corpus is built from samples/ (each copy numbered so no two files are identical).
Every figure comes from running the real console script in a child process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _jaanch() -> list[str]:
    exe = shutil.which("jaanch", path=str(Path(sys.executable).parent)) or shutil.which("jaanch")
    return [exe] if exe else [sys.executable, "-m", "audit.cli.main"]


def sample_paragraphs() -> list[str]:
    """The long paragraphs of the sample articles: the material generated corpora are built from."""
    return [p for f in sorted((ROOT / "samples").glob("*.txt"))
            for p in f.read_text(encoding="utf-8").splitlines() if len(p) > 80]


def build_corpus(folder: Path, count: int) -> int:
    samples = sorted((ROOT / "samples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    total = 0
    for i in range(count):
        body = texts[i % len(texts)] + f"\nलेख संख्या {i}।\n"
        path = folder / f"{i // 500:02d}" / f"article_{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        data = body.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def run_measured(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB and exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    jaanch = _jaanch()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        size = build_corpus(corpus, args.articles)
        wall, rss, code = run_measured([*jaanch, "check", "--format", "json", "--fail-on", "never", str(corpus)])
        assert code == 0, f"jaanch exited {code}"
        print(f"corpus: {args.articles} articles, {size / 1e6:.2f} MB")
        print(f"check --format json: {wall:.2f} s, {args.articles / wall:.1f} articles/s, "
              f"{size / 1e6 / wall:.3f} MB/s, peak RSS {rss:.0f} MiB")
    small = ROOT / "samples" / "clean_monsoon_economy.txt"
    for label, cmd in [
        ("cold start, check one small file", [*jaanch, "check", "--fail-on", "never", str(small)]),
        ("cold start, jaanch rules", [*jaanch, "rules"]),
        ("cold start, python -c 'import audit.cli.main'", [sys.executable, "-c", "import audit.cli.main"]),
    ]:
        times = [run_measured(cmd)[0] for _ in range(args.runs)]
        print(f"{label}: median {statistics.median(times) * 1000:.0f} ms over {args.runs} runs "
              f"(min {min(times) * 1000:.0f} ms)")
    from audit.lint.engine import Engine

    print(Engine().signature())
    return 0


if __name__ == "__main__":
    sys.exit(main())
