"""Precision and recall of jaanch's checks against professional MQM annotations (IndicMT Eval, Hindi).

    python benchmarks/indicmt_eval.py [--split val|train] [--data DIR]

Each MT segment is audited on its own. A finding *matches* an annotated error span when
their character ranges overlap (spans are located in the MT output by their text).
Precision counts a finding as right when it overlaps a span of the MQM types mapped to
its category; "any" precision accepts a span of any type. Recall is over the annotated
spans of the mapped types. Prints the jaanch signature so the figures can be reproduced.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.lint.engine import Engine  # noqa: E402

# Which MQM span types each jaanch category is meant to catch.
MAPPING = {
    "anglicism": ("Transliteration",),
    "sense": ("Accuracy_Mistranslation", "Terminology_Inappropriate"),
    "terminology": ("Fluency_Spelling", "Terminology_Inappropriate", "Transliteration", "Accuracy_Mistranslation"),
    "repetition": ("Accuracy_Addition", "Style_Awkward", "Fluency_Grammar"),
    "formatting": ("Fluency_Punctuation", "Fluency_Grammar", "Style_Awkward"),
}


def _spans(segment: dict) -> list[tuple[int, int, str]]:
    text = segment["translation"]
    out = []
    for span in segment["completion"]:
        needle = (span.get("span_text") or "").strip()
        pos = text.find(needle) if needle else -1
        if pos >= 0:
            out.append((pos, pos + len(needle), span["span_type"]))
    return out


def evaluate(path: Path, engine: Engine) -> dict:
    per_cat = defaultdict(Counter)
    per_code = defaultdict(Counter)
    annotated = Counter()
    caught_by_type = Counter()
    segments = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for seg in segments:
        spans = _spans(seg)
        annotated.update(t for _, _, t in spans)
        findings = engine.audit_text(seg["translation"])
        for f in findings:
            hits = [t for s, e, t in spans if s < f.end and f.start < e]
            wanted = MAPPING[f.category]
            for bucket in (per_cat[f.category], per_code[f.code]):
                bucket["findings"] += 1
                bucket["any"] += bool(hits)
                bucket["typed"] += any(t in wanted for t in hits)
        for s, e, t in spans:
            caught = [f for f in findings if f.start < e and s < f.end]
            if caught:
                caught_by_type[t] += 1
            for cat, wanted in MAPPING.items():
                if t in wanted:
                    per_cat[cat]["spans"] += 1
                    per_cat[cat]["recalled"] += any(f.category == cat for f in caught)
    return {"segments": len(segments), "per_cat": per_cat, "per_code": per_code,
            "annotated": annotated, "caught_by_type": caught_by_type}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    –"


def _sweep(path: Path) -> None:
    from audit.lint.checks import BY_CODE

    print("ANGL002 threshold sweep (Transliteration spans):")
    print("| max_hindi_zipf | common_shape_only | findings | typed precision | recall |")
    print("|---:|---:|---:|---:|---:|")
    for zipf in (3.0, 4.0, 5.0, 6.5):
        for shape in (1, 0):
            engine = Engine(checks=[BY_CODE["ANGL002"]],
                            settings={"ANGL002.max_hindi_zipf": zipf, "ANGL002.common_shape_only": shape})
            c = evaluate(path, engine)["per_cat"]["anglicism"]
            print(f"| {zipf:g} | {shape} | {c['findings']} | {_pct(c['typed'], c['findings'])} | "
                  f"{_pct(c['recalled'], c['spans'])} |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("val", "train"), default="val")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indicmt-eval-hi")
    parser.add_argument("--sweep", action="store_true",
                        help="also sweep ANGL002's thresholds (how its defaults were chosen)")
    args = parser.parse_args()
    path = args.data / f"Hin_{args.split}.jsonl"
    if args.sweep:
        _sweep(path)
    engine = Engine()
    r = evaluate(path, engine)
    print(f"IndicMT Eval Hindi, {args.split} split: {r['segments']} MT segments, "
          f"{sum(r['annotated'].values())} located error spans")
    print()
    print("| category | MQM types it targets | findings | precision (typed) | precision (any error) | spans | recall |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for cat, wanted in MAPPING.items():
        c = r["per_cat"][cat]
        print(f"| {cat} | {', '.join(wanted)} | {c['findings']} | {_pct(c['typed'], c['findings'])} | "
              f"{_pct(c['any'], c['findings'])} | {c['spans']} | {_pct(c['recalled'], c['spans'])} |")
    print()
    print("| check | findings | precision (typed) | precision (any error) |")
    print("|---|---:|---:|---:|")
    for code, c in sorted(r["per_code"].items()):
        print(f"| {code} | {c['findings']} | {_pct(c['typed'], c['findings'])} | {_pct(c['any'], c['findings'])} |")
    print()
    print("| MQM type | spans | overlapped by any finding |")
    print("|---|---:|---:|")
    for t, n in r["annotated"].most_common():
        print(f"| {t} | {n} | {_pct(r['caught_by_type'][t], n)} |")
    print()
    print(engine.signature())
    return 0


if __name__ == "__main__":
    sys.exit(main())
