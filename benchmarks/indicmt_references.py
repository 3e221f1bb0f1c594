"""Which IndicMT human reference translations get a warning, with every check on.

    python benchmarks/indicmt_references.py [--data DIR]

The 300 distinct references of IndicMT Eval (train and val) are published-quality Hindi: a
warning on one is either a slip in the reference or a false alarm. Prints each warning with its
context (the data stays outside the repository), then the count and the jaanch signature.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.core.findings import Severity  # noqa: E402
from audit.lint.engine import Engine  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indicmt-eval-hi")
    args = parser.parse_args()
    rows = [json.loads(line) for split in ("Hin_train.jsonl", "Hin_val.jsonl")
            for line in (args.data / split).read_text(encoding="utf-8").splitlines()]
    references = list(dict.fromkeys(row["ref"] for row in rows))
    engine = Engine()
    loud_refs = 0
    for i, ref in enumerate(references):
        loud = [f for f in engine.audit_text(ref) if f.severity >= Severity.WARNING]
        loud_refs += bool(loud)
        for f in loud:
            context = ref[max(0, f.start - 30) : f.end + 30].replace("\n", " ")
            print(f"{i:4d} {f.code} …{context}… | {f.message}")
    print(f"\n{loud_refs} of {len(references)} references get a warning ({100 * loud_refs / len(references):.1f} %)")
    print(engine.signature())
    return 0


if __name__ == "__main__":
    sys.exit(main())
