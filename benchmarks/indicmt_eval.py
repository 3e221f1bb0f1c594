"""Precision and recall of jaanch's checks against professional MQM annotations (IndicMT Eval, Hindi).

    python benchmarks/indicmt_eval.py [--split val|train] [--data DIR] [--set BIL004.established=1]

Each MT segment is audited on its own, twice: without its English source (the rule checks alone,
as before the bilingual checks) and with it (`src`, as a pairs file gives it), which adds the
bilingual checks. A finding *matches* an annotated error span when their character ranges overlap
(spans are located in the MT output by their text). Precision counts a finding as right when it
overlaps a span of the MQM types mapped to its category (or, for the bilingual checks, to its
code); "any" precision accepts a span of any type. Recall is over the annotated spans of the
mapped types. The "aim" row takes the checks meant for Transliteration, Untranslated and
Terminology together. Prints the jaanch signature so the figures can be reproduced.

The MT output of IndicMT Eval has no-break spaces between words in 69 % of its segments (left by
its annotation tool); they are read as spaces (same length, so span offsets are unchanged).
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
    "spelling": ("Fluency_Spelling",),
    "bilingual": ("Transliteration", "Accuracy_Untranslated_text", "Terminology_Inappropriate",
                  "Accuracy_Mistranslation", "Accuracy_Omission", "Accuracy_Addition", "Fluency_Punctuation"),
}
# The bilingual checks each target fewer types than their category as a whole.
CODE_MAPPING = {
    "BIL001": ("Accuracy_Mistranslation", "Accuracy_Omission"),
    "BIL002": ("Terminology_Inappropriate", "Accuracy_Mistranslation", "Transliteration"),
    "BIL003": ("Accuracy_Untranslated_text",),
    "BIL004": ("Transliteration",),
    "BIL005": ("Accuracy_Omission", "Accuracy_Untranslated_text", "Accuracy_Addition"),
    "BIL006": ("Fluency_Punctuation", "Accuracy_Mistranslation"),
    "BIL007": ("Terminology_Inappropriate", "Accuracy_Mistranslation"),
    "BIL008": ("Terminology_Inappropriate", "Transliteration", "Accuracy_Mistranslation"),
    "BIL009": ("Terminology_Inappropriate", "Transliteration", "Accuracy_Mistranslation"),
}
AIM_TYPES = ("Transliteration", "Accuracy_Untranslated_text", "Terminology_Inappropriate")
AIM_CODES = ("ANGL001", "ANGL002", "ANGL003", "TERM004", "BIL002", "BIL003", "BIL004", "BIL007", "BIL008",
             "BIL009")
AIM_BILINGUAL = ("BIL002", "BIL003", "BIL004", "BIL007", "BIL008", "BIL009")


def _spans(segment: dict) -> list[tuple[int, int, str]]:
    """Each span located by its text; a text marked twice in a segment (Ghz ... Ghz) is its next
    occurrence the second time, not the first one again (the token offsets are unreliable)."""
    text = segment["translation"]
    out = []
    after: dict[str, int] = {}  # where the next search for a text already located starts
    for span in segment["completion"]:
        needle = (span.get("span_text") or "").replace("\u00a0", " ").strip()
        pos = text.find(needle, after.get(needle, 0)) if needle else -1
        if pos < 0 and needle in after:
            pos = text.find(needle)  # marked more often than written: as before
        if pos >= 0:
            out.append((pos, pos + len(needle), span["span_type"]))
            after[needle] = pos + len(needle)
    return out


def evaluate(path: Path, engine: Engine, with_source: bool = False) -> dict:
    per_cat = defaultdict(Counter)
    per_code = defaultdict(Counter)
    annotated = Counter()
    caught_by_type = Counter()
    aim, aim_bilingual = Counter(), Counter()
    segments = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for seg in segments:
        seg["translation"] = seg["translation"].replace("\u00a0", " ")
        spans = _spans(seg)
        annotated.update(t for _, _, t in spans)
        findings = engine.audit_text(seg["translation"], source=seg["src"] if with_source else None)
        for f in findings:
            hits = [t for s, e, t in spans if s < f.end and f.start < e]
            wanted_types = MAPPING.get(f.category, ())  # a category no MQM type maps to is never "typed"
            for bucket, wanted in ((per_cat[f.category], wanted_types),
                                   (per_code[f.code], CODE_MAPPING.get(f.code, wanted_types))):
                bucket["findings"] += 1
                bucket["any"] += bool(hits)
                bucket["typed"] += any(t in wanted for t in hits)
            for bucket, codes in ((aim, AIM_CODES), (aim_bilingual, AIM_BILINGUAL)):
                if f.code in codes:
                    bucket["findings"] += 1
                    bucket["typed"] += any(t in AIM_TYPES for t in hits)
        for s, e, t in spans:
            caught = [f for f in findings if f.start < e and s < f.end]
            if caught:
                caught_by_type[t] += 1
            for cat, wanted in MAPPING.items():
                if t in wanted:
                    per_cat[cat]["spans"] += 1
                    per_cat[cat]["recalled"] += any(f.category == cat for f in caught)
            if t in AIM_TYPES:
                for bucket, codes in ((aim, AIM_CODES), (aim_bilingual, AIM_BILINGUAL)):
                    bucket["spans"] += 1
                    bucket["recalled"] += any(f.code in codes for f in caught)
                aim[f"spans {t}"] += 1
                aim[f"recalled {t}"] += any(f.code in AIM_CODES for f in caught)
    return {"segments": len(segments), "per_cat": per_cat, "per_code": per_code,
            "annotated": annotated, "caught_by_type": caught_by_type, "aim": aim,
            "aim_bilingual": aim_bilingual}


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


def report(title: str, r: dict) -> None:
    print(f"### {title}")
    print()
    print("| category | MQM types it targets | findings | precision (typed) | precision (any error) | spans | recall |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for cat, wanted in MAPPING.items():
        c = r["per_cat"][cat]
        print(f"| {cat} | {', '.join(wanted)} | {c['findings']} | {_pct(c['typed'], c['findings'])} | "
              f"{_pct(c['any'], c['findings'])} | {c['spans']} | {_pct(c['recalled'], c['spans'])} |")
    for key, codes in (("aim", AIM_CODES), ("aim_bilingual", AIM_BILINGUAL)):
        a = r[key]
        print(f"| **aim** ({', '.join(codes)}) | {', '.join(AIM_TYPES)} | {a['findings']} | "
              f"{_pct(a['typed'], a['findings'])} | – | {a['spans']} | {_pct(a['recalled'], a['spans'])} |")
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("val", "train"), default="val")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indicmt-eval-hi")
    parser.add_argument("--sweep", action="store_true",
                        help="also sweep ANGL002's thresholds (how its defaults were chosen)")
    parser.add_argument("--set", action="append", default=[], metavar="CODE.NAME=VALUE",
                        help="a check threshold, as `jaanch check --set` takes it")
    args = parser.parse_args()
    path = args.data / f"Hin_{args.split}.jsonl"
    if args.sweep:
        _sweep(path)
    settings = {key: float(value) for key, _, value in (s.partition("=") for s in args.set)}
    engine = Engine(settings=settings)
    before = evaluate(path, engine)
    after = evaluate(path, engine, with_source=True)
    print(f"IndicMT Eval Hindi, {args.split} split: {before['segments']} MT segments, "
          f"{sum(before['annotated'].values())} located error spans")
    print()
    report("without the English source (the rule checks alone)", before)
    report("with the English source (the bilingual checks too)", after)
    print("### the aim checks per MQM type, before (no source) and after (with it)")
    print()
    print("| MQM type | spans | recall before | recall after |")
    print("|---|---:|---:|---:|")
    for t in AIM_TYPES:
        a, b = before["aim"], after["aim"]
        print(f"| {t} | {a[f'spans {t}']} | {_pct(a[f'recalled {t}'], a[f'spans {t}'])} | "
              f"{_pct(b[f'recalled {t}'], b[f'spans {t}'])} |")
    print()
    print(engine.signature())
    return 0


if __name__ == "__main__":
    sys.exit(main())
