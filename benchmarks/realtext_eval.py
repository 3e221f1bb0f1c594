"""Precision, recall and fix quality of `jaanch check` on the real-news dev set (benchmarks/realtext/).

    python benchmarks/realtext_eval.py [--cache DIR] [--judge FILE] [--list-missed] [--quiet]

The page texts live outside the repository (default /work/realtext/cache/<id>.txt) and cannot be
rebuilt by a script; each is checked against cache_manifest.tsv and a missing or changed page is
reported and skipped with its slips. jaanch runs as a user runs it: one `check --format json` over
a temporary folder of the texts, then `--fix` (and `--fix --unsafe-fixes` where the CLI has it) on
copies; each applied fix is read back as a before/after pair from the rewritten files.

Precision needs a verdict per finding, kept in realtext/verdicts.tsv and keyed by page id, code,
start, end and the (shortened) flagged text, so a verdict survives engine changes that keep the
finding; findings without a verdict are listed as unjudged (`--judge FILE` writes them, with
context, to a file that must lie outside the repository). A gold slip counts as found when any
finding overlaps its span.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from audit.core.text import common_ends  # (jaanch is installed: the benchmark runs it)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "realtext"
DEFAULT_CACHE = Path("/work/realtext/cache")
# The slip kinds issue 10 asks jaanch to catch (new checks) or says it already covers; `other`
# (typos with no right form nearby, grammar, garbled word order) is outside its reach.
CLAIMED_KINDS = ("latin_name_variant", "encoding", "concept_two_languages", "near_miss_spelling",
                 "spelling_variant", "lookalike_char", "number_format", "english_word", "anglicism",
                 "name_variant", "wrong_sense", "duplication", "formatting")
SHORT = 40  # flagged text longer than this is kept as head…tail (never a page sentence)
VERDICT_FIELDS = ("id", "code", "start", "end", "text", "verdict", "reason", "fix", "fix_ok")


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def short(text: str) -> str:
    """The flagged text as kept in verdicts.tsv: escaped, and cut to head…tail when long."""
    text = escape(text)
    return text if len(text) <= SHORT else f"{text[:18]}…{text[-18:]}"


def fix_cell(after: str) -> str:
    """An applied fix's surface as the `fix` column holds it: short(), and a lone "-" (the column's
    "no fix") written "\\-"."""
    text = short(after)
    return "\\-" if text == "-" else text


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True)
class Found:
    page: str
    code: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    fix_span: tuple[int, int] | None  # where the first suggestion goes (may be wider or narrower than the finding)
    fix: str | None  # the first suggestion, if any

    @property
    def key(self) -> tuple:
        return (self.page, self.code, self.start, self.end, short(self.text))


@dataclass(frozen=True)
class Applied:
    """One change a fix run made: keyed like the finding it fixes (or as a FIX region), with
    whole-word before/after surfaces."""

    page: str
    start: int
    end: int
    text: str  # the finding's flagged text (a FIX region: its before surface)
    before: str
    after: str
    code: str  # the finding whose first fix explains it, or FIX when none does

    @property
    def key(self) -> tuple:
        return (self.page, self.code, self.start, self.end, short(self.text))


def load_cache(cache: Path) -> tuple[dict[str, str], list[str], list[str]]:
    texts, missing, changed = {}, [], []
    for row in read_tsv(DATA / "cache_manifest.tsv"):
        path = cache / f"{row['id']}.txt"
        if not path.is_file():
            missing.append(row["id"])
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        if hashlib.sha1(raw).hexdigest() != row["sha1"] or len(text) != int(row["length"]):
            changed.append(row["id"])
            continue
        texts[row["id"]] = text
    return texts, missing, changed


def cli_flags() -> str:
    return subprocess.run(_jaanch() + ["check", "--help"], capture_output=True, text=True, env=_env()).stdout


def _jaanch() -> list[str]:
    return [sys.executable, "-m", "audit.cli.main"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_check(folder: Path, extra: list[str]) -> tuple[list[dict], str]:
    proc = subprocess.run(_jaanch() + ["check", "--format", "json", *extra, str(folder)],
                          capture_output=True, text=True, env=_env(), cwd=folder)
    if proc.returncode not in (0, 1):
        sys.exit(f"jaanch check {' '.join(extra)} failed (exit {proc.returncode}): {proc.stderr.strip()[-800:]}")
    signature = next((line for line in proc.stderr.splitlines() if line.startswith("jaanch:")), "")
    return json.loads(proc.stdout or "[]"), signature


def to_found(items: list[dict]) -> list[Found]:
    out = []
    for item in items:
        fixes = item.get("fixes") or []
        first = fixes[0] if fixes else None
        out.append(Found(Path(item["path"]).stem, item["code"], item["severity"], item["start"], item["end"],
                         item["text"], item["message"], (first["start"], first["end"]) if first else None,
                         first["replacement"] if first else None))
    return out


def applied_fixes(page: str, before: str, after: str, findings: list[Found]) -> list[Applied]:
    """The changes a fix run made, as whole-word before/after surfaces.

    Each finding's first fix, in text order, is taken as applied when applying it brings the text
    closer to what the CLI wrote (so an ambiguous diff, such as which copy of a repeat went, cannot
    mislead); those changes are keyed like their finding, so its verdict row carries the fix. What is
    left over (a later fix pass) is reported region by region with code FIX.
    """
    out, sim, delta, taken_end = [], before, 0, -1
    distance = _distance(sim, after)
    for f in sorted((f for f in findings if f.page == page and f.fix_span is not None), key=lambda f: f.fix_span):
        fs, fe = f.fix_span
        if distance == 0 or fs < taken_end:
            continue
        candidate = sim[:fs + delta] + f.fix + sim[fe + delta:]
        closer = _distance(candidate, after)
        if closer >= distance:
            continue
        ws, we = _word_bounds(sim, fs + delta, fe + delta)  # surfaces as the text stood just before and after
        cs, ce = _word_bounds(candidate, fs + delta, fs + delta + len(f.fix))
        out.append(Applied(page, f.start, f.end, f.text, sim[ws:we], candidate[cs:ce], f.code))
        sim, distance, delta, taken_end = candidate, closer, delta + len(f.fix) - (fe - fs), fe
    return out + _leftover(page, sim, after)


def _distance(a: str, b: str) -> int:
    """Characters in the regions where a and b differ (common ends trimmed first: fast when close)."""
    head, tail = common_ends(a, b)
    a, b = a[head:len(a) - tail], b[head:len(b) - tail]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def _leftover(page: str, before: str, after: str) -> list[Applied]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    regions: list[list[int]] = []  # [i1, i2, j1, j2]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if regions and i1 - regions[-1][1] < 3 and not before[regions[-1][1]:i1].isspace():
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    out = []
    for i1, i2, j1, j2 in regions:
        ws, we = _word_bounds(before, i1, i2)
        surface = before[ws:we]
        out.append(Applied(page, i1, i2, surface, surface, after[ws + (j1 - i1):we + (j2 - i2)], "FIX"))
    return out


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def load_verdicts() -> dict[tuple, dict[str, str]]:
    path = DATA / "verdicts.tsv"
    if not path.exists():
        return {}
    return {(r["id"], r["code"], int(r["start"]), int(r["end"]), r["text"]): r for r in read_tsv(path)}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "    – (0/0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="folder of <id>.txt page texts")
    parser.add_argument("--judge", type=Path, help="write the unjudged findings, with context, to this file")
    parser.add_argument("--list-missed", action="store_true", help="print every gold slip no finding overlaps")
    parser.add_argument("--list-false", action="store_true", help="print every finding judged false, worst first")
    parser.add_argument("--quiet", action="store_true", help="do not print the unjudged findings")
    args = parser.parse_args()
    if args.judge and args.judge.resolve().is_relative_to(ROOT):
        sys.exit(f"--judge {args.judge}: the page text must stay outside the repository ({ROOT})")

    texts, missing, changed = load_cache(args.cache)
    pages = {r["id"]: r for r in read_tsv(DATA / "pages.tsv")}
    print(f"pages: {len(texts)} of {len(pages)} loaded from {args.cache}")
    for label, ids in (("missing", missing), ("changed", changed)):
        if ids:
            print(f"  {label} ({len(ids)}): {' '.join(ids)}")

    with tempfile.TemporaryDirectory(prefix="jaanch-realtext-") as tmp:
        base = Path(tmp) / "check"
        base.mkdir()
        for page, text in texts.items():
            (base / f"{page}.txt").write_bytes(text.encode("utf-8"))
        items, signature = run_check(base, [])
        findings = to_found(items)
        help_text = cli_flags()
        modes = [("--fix", ["--fix"])]
        if "--unsafe-fixes" in help_text:
            modes.append(("--fix --unsafe-fixes", ["--fix", "--unsafe-fixes"]))
        fixes: dict[str, list[Applied]] = {}
        for label, flags in modes:
            folder = Path(tmp) / label.replace(" ", "").replace("-", "")
            shutil.copytree(base, folder)
            run_check(folder, flags)
            fixes[label] = [a for page, text in texts.items()
                            for a in applied_fixes(page, text, (folder / f"{page}.txt").read_text(encoding="utf-8"),
                                                   findings)]
    print(signature)
    verdicts = load_verdicts()
    report_precision(findings, verdicts, pages)
    report_fixes(fixes, verdicts)
    report_recall(findings, texts, args.list_missed)
    if args.list_false:
        rank = {"error": 0, "warning": 1, "info": 2}
        print("\nfindings judged false:")
        for f in sorted(findings, key=lambda f: (rank.get(f.severity, 3), f.code, f.page, f.start)):
            row = verdicts.get(f.key)
            if row is not None and row["verdict"] == "false":
                print(f"  {f.severity:7} {f.code:8} {f.page} {f.start}-{f.end} {short(f.text)!r}: {row['reason']}")
    unjudged = [f for f in findings if f.key not in verdicts]
    unjudged_fixes = sorted({a for applied in fixes.values() for a in applied
                             if _fix_verdict(a, verdicts) is None}, key=lambda a: (a.page, a.start))
    print(f"\nunjudged: {len(unjudged)} findings, {len(unjudged_fixes)} applied fixes")
    if not args.quiet:
        for f in unjudged:
            print(f"  {f.page} {f.code} {f.severity} {f.start}-{f.end} {short(f.text)!r} fix={f.fix!r}")
        for a in unjudged_fixes:
            print(f"  fix {a.page} {a.code} {a.start}-{a.end} {a.before!r} -> {a.after!r}")
    if args.judge:
        write_judge(args.judge, unjudged, unjudged_fixes, texts, gold_slips(texts), verdicts)
        print(f"wrote {len(unjudged)} findings and {len(unjudged_fixes)} fixes to judge to {args.judge}")


def report_precision(findings: list[Found], verdicts: dict, pages: dict) -> None:
    groups = {"warnings+errors": [f for f in findings if f.severity in ("warning", "error")], "all findings": findings}
    print(f"\nfindings: {len(findings)} ({Counter(f.severity for f in findings)})")
    print("precision (true / judged):")
    for label, group in groups.items():
        judged = [verdicts[f.key]["verdict"] == "true" for f in group if f.key in verdicts]
        print(f"  {label:16} {pct(sum(judged), len(judged))}   unjudged {len(group) - len(judged)}")
    for quality in ("edited", "careless"):
        group = [f for f in groups["warnings+errors"] if pages.get(f.page, {}).get("quality") == quality]
        judged = [verdicts[f.key]["verdict"] == "true" for f in group if f.key in verdicts]
        print(f"  w+e on {quality:9} {pct(sum(judged), len(judged))}")
    print("per code (severity counts; precision of judged):")
    by_code = defaultdict(list)
    for f in findings:
        by_code[f.code].append(f)
    for code in sorted(by_code):
        group = by_code[code]
        judged = [verdicts[f.key]["verdict"] == "true" for f in group if f.key in verdicts]
        severities = ", ".join(f"{k} {v}" for k, v in sorted(Counter(f.severity for f in group).items()))
        print(f"  {code:8} {pct(sum(judged), len(judged)):22} [{severities}]")


def _fix_verdict(a: Applied, verdicts: dict) -> str | None:
    row = verdicts.get(a.key)
    # a finding whose fix reads differently in the two runs (another fix changed a word beside it, under
    # --unsafe-fixes only) lists both results, " ‖ " between them, judged by one fix_ok
    if row is None or fix_cell(a.after) not in row.get("fix", "-").split(" ‖ ") or row.get("fix_ok", "-") not in ("yes", "no"):
        return None
    return row["fix_ok"]


def report_fixes(fixes: dict[str, list[Applied]], verdicts: dict) -> None:
    print("\napplied fixes (right / wrong / unjudged):")
    for label, applied in fixes.items():
        judged = Counter(_fix_verdict(a, verdicts) for a in applied)
        print(f"  {label:22} {len(applied):3} applied: right {judged['yes']}, wrong {judged['no']}, "
              f"unjudged {judged[None]}")
        wrong = Counter((a.code, a.before, a.after) for a in applied if _fix_verdict(a, verdicts) == "no")
        for (code, before, after), n in wrong.most_common(12):
            print(f"    wrong: {code} {short(before)!r} -> {short(after)!r}" + (f"  ×{n}" if n > 1 else ""))
        if len(wrong) > 12:
            print(f"    … and {len(wrong) - 12} more kinds of wrong fix")


def report_recall(findings: list[Found], texts: dict[str, str], list_missed: bool) -> None:
    spans = defaultdict(list)
    for f in findings:
        spans[f.page].append((f.start, f.end))
    found, total, missed = Counter(), Counter(), []
    for row in read_tsv(DATA / "slips.tsv"):
        if row["id"] not in texts:
            continue
        start, end = int(row["start"]), int(row["end"])
        assert texts[row["id"]][start:end] == unescape(row["surface"]), row
        hit = any(s < end and start < e if start < end else s <= start <= e for s, e in spans[row["id"]])
        total[row["kind"]] += 1
        found[row["kind"]] += hit
        if not hit:
            missed.append(row)
    print("\nrecall (gold slips overlapped by a finding):")
    for kind, n in total.most_common():
        print(f"  {kind:22} {pct(found[kind], n)}")
    claimed = [k for k in total if k in CLAIMED_KINDS]
    print(f"  {'overall':22} {pct(sum(found.values()), sum(total.values()))}")
    print(f"  {'claimed kinds':22} {pct(sum(found[k] for k in claimed), sum(total[k] for k in claimed))}"
          "   (all kinds but `other`)")
    if list_missed:
        print("missed slips:")
        for row in missed:
            print(f"  {row['id']} {row['kind']:20} {row['start']}-{row['end']} {row['surface']!r} {row['note']}")


def gold_slips(texts: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    out = defaultdict(list)
    for row in read_tsv(DATA / "slips.tsv"):
        if row["id"] in texts:
            out[row["id"]].append(row)
    return out


def write_judge(path: Path, unjudged: list[Found], fixes: list[Applied], texts: dict[str, str],
                slips: dict[str, list[dict[str, str]]], verdicts: dict) -> None:
    """Each unjudged finding with ±60 characters of context, the gold slips it overlaps, and
    earlier verdicts on the same flagged text (same page first) as a hint."""
    earlier = defaultdict(list)
    for (page, code, _, _, text), row in verdicts.items():
        earlier[text].append((page, code, row["verdict"], row["reason"]))
    lines = []
    for n, f in enumerate(unjudged):
        text = texts[f.page]
        context = text[max(0, f.start - 60):f.start] + "⟦" + text[f.start:f.end] + "⟧" + text[f.end:f.end + 60]
        gold = [f"{s['kind']}: {s['surface']} ({s['note']})" for s in slips[f.page]
                if int(s["start"]) < f.end and f.start < int(s["end"])]
        lines.append(f"#{n}\t" + "\t".join([f.page, f.code, str(f.start), str(f.end), short(f.text)]))
        lines.append(f"  severity {f.severity}; fix {f.fix!r}; {f.message}" + (f"; GOLD {gold}" if gold else ""))
        seen = sorted(earlier.get(short(f.text), []), key=lambda e: (e[0] != f.page, e[1] != f.code))
        if seen:
            page, code, verdict, reason = seen[0]
            where = ("same page" if page == f.page else "other page") + ("" if code == f.code else f", {code}")
            lines.append(f"  HINT {verdict} ({where}, {len(seen)} rows): {reason}")
        lines.append("  " + escape(context))
    for n, a in enumerate(fixes):
        text = texts[a.page]
        context = text[max(0, a.start - 60):a.start] + "⟦" + text[a.start:a.end] + "⟧" + text[a.end:a.end + 60]
        lines.append(f"F{n}\t" + "\t".join([a.page, a.code, str(a.start), str(a.end), short(a.text)]))
        lines.append(f"  applied fix: {a.before!r} -> {a.after!r}")
        lines.append("  " + escape(context))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
