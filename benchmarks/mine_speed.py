"""`jaanch glossary mine` on 50,000 generated articles: wall time and peak RSS.

    python benchmarks/mine_speed.py [--articles 50000] [--jobs 2]

Articles are built from the sample paragraphs with planted spelling variants of a few names, so
the miner has real groups to find.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import _jaanch, run_measured, sample_paragraphs  # noqa: E402

VARIANTS = {"डीपसीक": ["दीपसेक", "डीपसेक"], "लूमिनारा": ["लुमिनारा"], "एनवीडिया": ["एनविडिया"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(9)
    paragraphs = sample_paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "archive"
        size = 0
        for i in range(args.articles):
            folder = corpus / f"{i // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            name, variants = rng.choice(list(VARIANTS.items()))
            form = rng.choice([name, name, *variants])
            body = f"{form} ने इस हफ्ते नई घोषणा की।\n" + "\n".join(rng.sample(paragraphs, k=4)) + f"\nलेख {i}।\n"
            data = body.encode("utf-8")
            (folder / f"a{i:05d}.txt").write_bytes(data)
            size += len(data)
        table = Path(tmp) / "review.parquet"
        wall, rss, code, _ = run_measured([*_jaanch(), "glossary", "mine", str(corpus), "-o", str(table),
                                        "--jobs", str(args.jobs)])
        assert code == 0
        import polars as pl

        groups = pl.read_parquet(table)["group"].n_unique()
    # with --jobs 1 all the work happens in one process, so its peak RSS is the whole cost
    print(f"glossary mine: {args.articles} articles ({size / 1e6:.0f} MB), {args.jobs} workers: {wall:.1f} s "
          f"({args.articles / wall:.0f} articles/s), peak RSS of the main process {rss:.0f} MiB; {groups} groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
