"""Time and peak memory of `jaanch check` on huge inputs: 1, 5 and 50 MB articles, one 40,000-letter word,
source/target pairs of one segment, 0.1 and 0.2 MB of Hindi (a table pasted as one segment), one
line of `1,1,1,…` of 0.2 and 0.4 MB, and one line of 0.2 and 0.4 MB of sentences ended with full stops
and a danda in every fourth (wire copy pasted with its line breaks lost).

    python benchmarks/big_inputs.py [--sizes 1,5,50] [--baseline REV --baseline-sizes 1]

Each article is one file built from the sample paragraphs, every copy numbered, so it is as long
as a desk's worst paste (many repeats for REP001/REP002 to find). Every run is the real command in
a child process (`check --format json`, output streamed to /dev/null); peak RSS comes from wait4.
The yardstick is `grep -c` over the same file, run in this script: the ratio survives a busy machine,
and time per MB across sizes shows whether the work grows linearly.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ROOT, _jaanch, sample_paragraphs  # noqa: E402


def build_article(path: Path, megabytes: float) -> int:
    paragraphs = sample_paragraphs()
    target = int(megabytes * 1_000_000)
    size, copy = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            for para in paragraphs:
                line = f"{para} (अंश {copy})\n"
                out.write(line)
                size += len(line.encode("utf-8"))
            copy += 1
    return size


# Made-up sentences (not from any page) with what the bilingual checks read: numbers, names, a URL,
# capitalised words, a written-out English word; each copy numbered so no two segments' sentences match.
_PAIR_SOURCE = ("In {year} the Delta Power Company sold {units} units for ${price} million, "
                "and its chief executive Mira Sen said the grid would reach {towns} towns by March. "
                "Details are at https://example.org/report-{n}. ")
_PAIR_TARGET = ("{year2} में डेल्टा पावर कंपनी ने {units} यूनिट {price} करोड़ डॉलर में बेचीं, और इसकी मुख्य "
                "कार्यकारी मीरा सेन ने कहा कि ग्रिड मार्च तक {towns} कस्बों तक पहुंचेगा। ")


def build_pair(path: Path, megabytes: float) -> int:
    """A TSV of one pair whose target is about `megabytes` long: every number of the source is
    there to be matched, a tenth of the years are off by one, and the URL is lost."""
    source, target, n, size = [], [], 0, 0
    while size < megabytes * 1_000_000:
        values = {"year": 1990 + n % 30, "units": 100 + n, "price": 2 + n % 90, "towns": 10 + n % 50, "n": n}
        source.append(_PAIR_SOURCE.format(**values))
        target.append(_PAIR_TARGET.format(year2=values["year"] + (n % 10 == 0), **values))
        size += len(target[-1].encode("utf-8"))
        n += 1
    path.write_text("source\ttarget\n" + "".join(source).strip() + "\t" + "".join(target).strip() + "\n",
                    encoding="utf-8")
    return path.stat().st_size


def grep_seconds(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["grep", "-c", "क", str(path)], stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def run_child(cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MiB and exit code of one child process.
    CPU seconds are what a busy shared machine inflates least; wall is what a user waits."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(label: str, path: Path, size: int, old: Path | None = None) -> None:
    """One row; with `old` (a checkout of an earlier revision), that code's run of the same file."""
    cmd = [*_jaanch(), "check", "--format", "json", "--fail-on", "never", str(path)]
    if old is not None:
        wall, cpu, rss, code = run_child(cmd, cwd=old, env=dict(os.environ, PYTHONPATH=str(old)))
    else:  # past the default --max-file-mb on purpose
        at = cmd.index("check") + 1
        wall, cpu, rss, code = run_child(cmd[:at] + ["--max-file-mb", "1000"] + cmd[at:])
    yard = grep_seconds(path)
    print(f"{label:>14}  {size / 1e6:6.2f} MB  wall {wall:7.1f} s  cpu {cpu:7.1f} s  "
          f"{cpu / max(size / 1e6, 1e-9):6.2f} cpu-s/MB  peak RSS {rss:6.0f} MiB  grep {yard:6.3f} s  "
          f"ratio {wall / max(yard, 1e-3):8.0f}x  exit {code}", flush=True)


def _one_line(folder: Path) -> Path:
    tiny = folder / "one_line.txt"
    tiny.write_text("कंपनी ने मॉडल जारी किया।\n", encoding="utf-8")
    return tiny


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,50", help="article sizes in MB, comma-separated")
    parser.add_argument("--baseline", metavar="REV", help="also run the code at this git revision, side by side "
                        "(a busy machine inflates CPU seconds too: compare within one run)")
    parser.add_argument("--baseline-sizes", default="1", help="the article sizes the baseline runs (MB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jaanch-big-") as tmp:
        folder = Path(tmp)
        old = None
        if args.baseline:
            old = folder / "baseline"
            old.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            tiny = _one_line(folder)
            measure(f"{args.baseline} one line", tiny, tiny.stat().st_size, old)
        baseline_sizes = {float(s) for s in args.baseline_sizes.split(",") if s.strip()} if old else set()
        tiny = _one_line(folder)
        measure("one line", tiny, tiny.stat().st_size)  # the cold start every run pays
        word = folder / "one_word.txt"
        word.write_text("क" * 40_000 + "\n", encoding="utf-8")
        measure("'क'*40000", word, word.stat().st_size)
        for mb in (0.1, 0.2):  # the same shape at twice the size: time per MB shows whether it stays linear
            pair = folder / f"pair_{mb:g}mb.tsv"
            measure(f"{mb:g} MB pair", pair, build_pair(pair, mb))
        for mb in (0.2, 0.4):  # one sentence of one number said over and over (5 MB took REP001 minutes)
            ones = folder / f"ones_{mb:g}mb.txt"
            ones.write_text("1," * int(mb * 500_000) + "\n", encoding="utf-8")
            measure(f"{mb:g} MB '1,1,…'", ones, ones.stat().st_size)
        for mb in (0.2, 0.4):  # full stops and dandas on one line (FMT007/FMT012 once searched back to its start at each)
            marks = folder / f"marks_{mb:g}mb.txt"
            unit = "बाजार में आज तेजी रही. " * 3 + "लोग खुश रहे। "
            marks.write_text(unit * int(mb * 1_000_000 / len(unit.encode("utf-8"))) + "\n", encoding="utf-8")
            measure(f"{mb:g} MB one line of marks", marks, marks.stat().st_size)
        for mb in (float(s) for s in args.sizes.split(",") if s.strip()):
            path = folder / f"article_{mb:g}mb.txt"
            size = build_article(path, mb)
            measure(f"{mb:g} MB article", path, size)
            if mb in baseline_sizes:
                measure(f"{args.baseline} {mb:g} MB", path, size, old)
            path.unlink()
    print(f"(cwd {ROOT}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
