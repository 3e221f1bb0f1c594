"""Speed of `jaanch check`, as ratios against yardsticks run side by side in the same script.

    python benchmarks/speed.py [--articles 2000] [--runs 7] [--baseline REV --baseline-articles 300] [--real DIR]

* throughput: `jaanch check --format json` over a generated corpus of seed-sized articles
  (benchmarks/corpus.py), single-process and with --jobs 2, against `grep -F -f TERMS -r` over
  the same bytes (TERMS: every glossary form and lexicon phrase the checks look for), five grep
  runs before and after each jaanch run, each set against the ten around it;
* peak RSS of each run (the largest process: the parent or one worker);
* cold start: `jaanch check` on one small article against `python -c "import polars"`, paired
  runs, medians;
* with --baseline REV: the same check, single-process, by the code at REV (git archive), on the
  first --baseline-articles articles, against today's code on the same articles;
* with --real DIR: the same over a folder of real articles (the real-news pages, kept outside the
  repository): the generated corpus is built from the samples' paragraphs, so its sentences repeat
  across articles as real news does not, and a memo per sentence gains there what it would not here.

Wall times on a shared machine are noisy, so CPU seconds (user + system, children included)
are printed beside them; the ratios are what to compare between machines.
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
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import build_corpus  # noqa: E402


def _jaanch() -> list[str]:
    return [sys.executable, "-m", "audit.cli.main"]


def sample_paragraphs() -> list[str]:
    """The long paragraphs of the sample articles: the material generated corpora are built from."""
    return [p for f in sorted((ROOT / "samples").glob("*.txt"))
            for p in f.read_text(encoding="utf-8").splitlines() if len(p) > 80]


# A pip install writes the package's bytecode once and every later run reads it. Some environments
# (this project's sandbox among them) set PYTHONDONTWRITEBYTECODE, which makes every run compile all of
# jaanch's modules again: a third of a cold start's instructions. The children run as installed, so the
# first (warm-up) run of each code base writes its bytecode and the timed runs read it.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(cmd: list[str], cwd: Path = ROOT, env: dict | None = None,
                 stderr: Path | None = None) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MiB, exit code and CPU seconds of one child process (its standard
    error kept in `stderr` where given)."""
    err = open(stderr, "wb") if stderr is not None else subprocess.DEVNULL  # noqa: SIM115
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd, env=env or CHILD_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        if stderr is not None:
            err.close()
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def write_terms(path: Path) -> int:
    """Every surface form the checks look up in tables: what `grep -F -f` gets to search for."""
    from audit.language.tables import read_table

    terms: set[str] = set()
    gloss = ROOT / "glossaries" / "house.tsv"
    for row in read_table(gloss, ("latin", "canonical"), ("variants", "accepted", "casings", "dnt",
                                                          "wrong_renderings", "cues", "kind", "note")):
        terms.update([row.get("latin"), row.get("canonical"), *row.items("variants"), *row.items("accepted"),
                      *row.items("wrong_renderings")])
    for name, column in [("senses.tsv", "phrase"), ("anglicisms.tsv", "phrase")]:
        for line in (ROOT / "glossaries" / "lexicon" / name).read_text(encoding="utf-8").splitlines()[1:]:
            terms.add(line.split("\t")[0].strip())
    terms.discard("")
    path.write_text("\n".join(sorted(terms)) + "\n", encoding="utf-8")
    return len(terms)


def _signature_checks(stderr: str) -> list[str]:
    """The check codes of a `jaanch` signature line (`...|checks:TERM001,TERM002|...`), if printed."""
    for line in stderr.splitlines():
        for part in line.split("|"):
            if part.startswith("checks:"):
                return [code for code in part[len("checks:"):].split(",") if code]
    return []


def _fmt(wall: float, cpu: float) -> str:
    return f"{wall:6.2f} s wall, {cpu:6.2f} s CPU"


def _real_text(folder: Path, check: list[str], terms: Path, baseline: str | None, tmp: Path) -> None:
    """Throughput over a folder of real articles against grep over the same bytes (and, with a
    baseline, that revision's single process on them), as for the generated corpus."""
    real = tmp / "real"  # the .txt files only (the cache may hold other files), as one folder
    real.mkdir()
    for path in sorted(folder.rglob("*.txt")):
        shutil.copy(path, real / path.name)
    count, size = len(list(real.iterdir())), sum(p.stat().st_size for p in real.iterdir())
    if not count:
        raise SystemExit(f"speed.py: --real {folder}: no .txt articles there")
    grep = ["grep", "-r", "-c", "-F", "-f", str(terms), str(real)]
    greps = [run_measured(grep) for _ in range(5)]
    print(f"real articles: {count} from {folder}, {size / 1e6:.2f} MB")
    timed = {}
    for jobs in ("1", "2"):
        wall, rss, code, cpu = timed[jobs] = run_measured([*check, "--jobs", jobs, str(real)])
        assert code == 0, f"jaanch exited {code}"
        greps += [run_measured(grep) for _ in range(5)]
        g_wall = statistics.median(g[0] for g in greps)
        print(f"  jaanch check --jobs {jobs}:     {_fmt(wall, cpu)}, {count / wall:6.1f} articles/s, peak RSS "
              f"{rss:.0f} MiB; {wall / g_wall:.0f}x grep ({g_wall:.3f} s, median of {len(greps)} runs so far)")
    if baseline:
        old = tmp / "baseline"  # (extracted by the generated corpus's baseline run)
        env = dict(CHILD_ENV, PYTHONPATH=str(old))
        err = tmp / "baseline-real.err"
        o_wall, _, o_code, o_cpu = run_measured([*check, str(real)], cwd=old, env=env, stderr=err)
        said = err.read_text(encoding="utf-8", errors="replace")
        # the code before this work stopped at the first page it could not read, with a traceback (exit 1,
        # which is also its exit for findings)
        if o_code not in (0, 1) or "Traceback (most recent call last)" in said:
            last = (said.strip().splitlines() or ["?"])[-1]
            print(f"  baseline {baseline}: exited {o_code} after {o_wall:.2f} s ({last[:100]}): no ratio")
            return
        n_wall, _, _, n_cpu = timed["1"]  # today's single process on the same pages, timed above
        print(f"  baseline {baseline}, one process: {_fmt(o_wall, o_cpu)}; today {_fmt(n_wall, n_cpu)}: "
              f"{o_wall / n_wall:.1f}x wall, {o_cpu / n_cpu:.1f}x CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7, help="paired cold-start runs")
    parser.add_argument("--baseline", metavar="REV", help="also time the check of this git revision")
    parser.add_argument("--baseline-articles", type=int, default=300)
    parser.add_argument("--real", metavar="DIR", type=Path,
                        help="also a folder of real articles (the real-news pages: benchmarks/realtext/), measured the "
                             "same way: the generated corpus repeats the samples' sentences, real news does not")
    args = parser.parse_args()
    jaanch = _jaanch()
    from machine import cpu_line

    print(f"machine: {cpu_line()}; load {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}")
    check = [*jaanch, "check", "--format", "json", "--fail-on", "never"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, terms = Path(tmp) / "corpus", Path(tmp) / "terms.txt"
        size = build_corpus(corpus, args.articles)
        n_terms = write_terms(terms)
        print(f"corpus: {args.articles} generated articles, {size / 1e6:.2f} MB; {n_terms} terms for grep -F")
        run_measured([*check, "--jobs", "1", str(ROOT / "samples")])  # build the table cache, warm the disk
        # grep takes a few hundredths of a second, where one run's noise is a third of it, and this
        # machine's speed drifts over minutes: each jaanch run is set against the median of the 10 grep
        # runs just before and just after it
        grep = ["grep", "-r", "-c", "-F", "-f", str(terms), str(corpus)]
        blocks = [[run_measured(grep) for _ in range(5)]]
        rows = []
        for jobs in ("1", "2"):
            wall, rss, code, cpu = run_measured([*check, "--jobs", jobs, str(corpus)])
            assert code == 0, f"jaanch exited {code}"
            rows.append((jobs, wall, rss, cpu))
            blocks.append([run_measured(grep) for _ in range(5)])
        every = [g for block in blocks for g in block]
        g_wall, g_cpu = statistics.median(g[0] for g in every), statistics.median(g[3] for g in every)
        g_range = f"{min(g[0] for g in every):.3f}-{max(g[0] for g in every):.3f} s"
        print(f"grep -F -f terms:            {g_wall:6.3f} s wall, {g_cpu:6.3f} s CPU (median of {len(every)} runs, "
              f"{g_range} wall)")
        for k, (jobs, wall, rss, cpu) in enumerate(rows):
            around = statistics.median(g[0] for g in blocks[k] + blocks[k + 1])
            print(f"jaanch check --jobs {jobs}:       {_fmt(wall, cpu)}, {args.articles / wall:6.1f} articles/s "
                  f"({args.articles / cpu:6.1f} per CPU second), {size / 1e6 / wall:.2f} MB/s, peak RSS {rss:.0f} MiB; "
                  f"{wall / around:.0f}x the median of the 10 grep runs around it ({around:.3f} s), "
                  f"{wall / g_wall:.0f}x all runs' median")
        if args.baseline:
            subset = Path(tmp) / "subset"
            for path in sorted(corpus.rglob("*.txt"))[: args.baseline_articles]:
                (subset / path.parent.name).mkdir(parents=True, exist_ok=True)
                shutil.copy(path, subset / path.parent.name / path.name)
            old = Path(tmp) / "baseline"
            old.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            env = dict(CHILD_ENV, PYTHONPATH=str(old))
            run_measured([*check, str(ROOT / "samples")], cwd=old, env=env)  # its bytecode, as for today's code
            signature = Path(tmp) / "baseline.err"
            o_wall, o_rss, _, o_cpu = run_measured([*check, str(subset)], cwd=old, env=env, stderr=signature)
            n_wall, n_rss, _, n_cpu = run_measured([*check, "--jobs", "1", str(subset)])
            # the baseline ran fewer checks than today's code: today's on the baseline's checks alone
            # tells the speed-up of the same work apart from the cost of the checks added since
            codes = _signature_checks(signature.read_text(encoding="utf-8", errors="replace"))
            n = args.baseline_articles
            print(f"baseline {args.baseline} on {n} articles: {_fmt(o_wall, o_cpu)}, {n / o_wall:.1f} articles/s, "
                  f"peak RSS {o_rss:.0f} MiB, {len(codes)} checks")
            print(f"today, --jobs 1, same articles:  {_fmt(n_wall, n_cpu)}, {n / n_wall:.1f} articles/s, "
                  f"peak RSS {n_rss:.0f} MiB")
            print(f"single-process speed-up: {o_wall / n_wall:.1f}x wall, {o_cpu / n_cpu:.1f}x CPU")
            if codes:
                s_wall, _, _, s_cpu = run_measured([*check, "--jobs", "1", "--select", ",".join(codes), str(subset)])
                print(f"today, --jobs 1, the baseline's {len(codes)} checks only: {_fmt(s_wall, s_cpu)}, "
                      f"{n / s_wall:.1f} articles/s; speed-up on the same checks {o_wall / s_wall:.1f}x wall, "
                      f"{o_cpu / s_cpu:.1f}x CPU")

        if args.real:
            _real_text(args.real, check, terms, args.baseline, Path(tmp))

    small = ROOT / "samples" / "clean_monsoon_economy.txt"
    pairs = []
    for _ in range(args.runs):  # paired: each check run next to a polars import, same load
        c = run_measured([*jaanch, "check", "--fail-on", "never", str(small)])
        p = run_measured([sys.executable, "-c", "import polars"])
        pairs.append((c[0], p[0], c[3], p[3]))
    cw, pw = statistics.median(x[0] for x in pairs), statistics.median(x[1] for x in pairs)
    cc, pc = statistics.median(x[2] for x in pairs), statistics.median(x[3] for x in pairs)
    print(f"cold start, check one small file: median {cw * 1000:.0f} ms wall, {cc * 1000:.0f} ms CPU over {args.runs} runs")
    print(f"python -c 'import polars':        median {pw * 1000:.0f} ms wall, {pc * 1000:.0f} ms CPU")
    print(f"cold start ratio: {cw / pw:.2f}x import polars (wall), {cc / pc:.2f}x (CPU); "
          f"median of paired ratios {statistics.median(x[0] / x[1] for x in pairs):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
