"""Training speed of the house language model: `jaanch lm train` on 10,000 generated articles.

    python benchmarks/lm_speed.py [--articles 10000]

Articles are built by shuffling the sample paragraphs (each numbered), so the vocabulary is
small but the token count is realistic (about 600 words an article).
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(3)
    paragraphs = sample_paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        for i in range(args.articles):
            folder = corpus / f"{i // 1000:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            body = "\n".join(rng.sample(paragraphs, k=min(6, len(paragraphs)))) + f"\nलेख {i}।\n"
            (folder / f"a{i:05d}.txt").write_text(body, encoding="utf-8")
        wall, rss, code, _ = run_measured([*_jaanch(), "lm", "train", str(corpus), "-o", str(Path(tmp) / "lm")])
        assert code == 0
        meta = (Path(tmp) / "lm" / "meta.json").read_text(encoding="utf-8")
    print(f"lm train: {args.articles} articles in {wall:.1f} s ({args.articles / wall:.0f} articles/s), "
          f"peak RSS {rss:.0f} MiB")
    print(meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
