#!/usr/bin/env python3
"""Data tooling for glossaries/concepts.tsv, the one concept table (issue 10, item 1).

Each row is one concept that Hindi news writes either as a transliterated English word
(anglicism) or as a Hindi word.  The Hindi was written by hand, in batches by domain, in a
compact draft notation; this script expands the drafts into the table and reviews it.

Subcommands (stdlib + wordfreq + indic_transliteration only):

  candidates [--top N] [--table T]   English content-word lemmas from wordfreq's English
                                     list (top N by frequency) that the table lacks.
  expand DRAFT... [-o T]             Compact drafts -> concepts.tsv (noun/adjective
                                     inflections generated, overridable per row).
  check [T] [--threshold R] [--verbose]
                                     Review a table: read-back of every transliterated form
                                     (romanised with indic_transliteration) against its
                                     English word, Hindi zipf frequencies of the forms,
                                     slot counts per pos, duplicate keys, a form that is
                                     both a transliteration and a Hindi equivalent, forms
                                     shared by two concepts, coverage of the lexicon files;
                                     then a summary by pos / domain / established.

Draft notation (one concept a line, ';'-separated; '@domain' lines set the domain):
  nouns:      english;n;translit[,variant...];tg;hindi[,alternative...];hg;est[;note]
  v/adj/adv:  english;v|a|d;translit[,variant...];hindi[,alternative...];est[;note]
  A base written 'a/b/c' gives the three noun slots explicitly; a noun base ending in '^'
  is an unmarked -आ masculine (नेता|नेता|नेताओं); an adjective base ending in '~' is an
  inflecting -आ adjective (बड़ा|बड़ी|बड़े).  est is y or n.  Empty hindi is allowed only for
  established loanwords that have no Hindi equivalent in use.
"""
from __future__ import annotations

import argparse
import collections
import csv
import difflib
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
GLOSS = HERE.parent
TABLE = GLOSS / "concepts.tsv"
COLUMNS = ["english", "pos", "translit", "translit_variants", "translit_gender", "hindi",
           "hindi_gender", "hindi_alternatives", "established", "domain", "note", "mixing"]
POS = {"n": "noun", "v": "verb", "a": "adj", "d": "adv"}
DOMAINS = {"general", "nationality", "cricket", "sport", "finance", "business", "tech", "politics", "health",
           "science", "weather", "law", "crime", "film", "auto", "education", "agriculture",
           "defence", "travel", "environment", "space"}

# ---------------------------------------------------------------- inflection
VIRAMA = "\u094d"


def noun_slots(base: str, gender: str) -> list[str]:
    """singular direct | plural direct | plural oblique, for the last word of `base`."""
    if "/" in base:
        parts = base.split("/")
        if len(parts) != 3:
            raise ValueError(f"explicit slots need three forms: {base}")
        return parts
    unmarked = base.endswith("^")
    base = base.rstrip("^")
    head, _, last = base.rpartition(" ")
    pre = head + " " if head else ""

    def out(pd: str, po: str) -> list[str]:
        return [base, pre + pd, pre + po]

    if gender == "m":
        if last.endswith("ा") and not unmarked:
            return out(last[:-1] + "े", last[:-1] + "ों")
        if last.endswith("ा"):
            return out(last, last + "ओं")
        if last.endswith("ी"):
            return out(last, last[:-1] + "ियों")
        if last.endswith("ई"):
            return out(last, last[:-1] + "इयों")
        if last.endswith(("ू", "ु")):
            return out(last, last[:-1] + "ुओं")
        if last.endswith(("ो", "े", "ै", "ौ", "ओ", "ए")):
            return out(last, last)
        return out(last, last + "ों")
    if gender == "f":
        if last.endswith(("ी", "ि")):
            return out(last[:-1] + "ियां", last[:-1] + "ियों")
        if last.endswith("ई"):
            return out(last[:-1] + "इयां", last[:-1] + "इयों")
        if last.endswith("िया"):
            return out(last + "ं", last[:-1] + "ों")
        if last.endswith("ा"):
            return out(last + "एं", last + "ओं")
        if last.endswith(("ू", "ु")):
            return out(last[:-1] + "ुएं", last[:-1] + "ुओं")
        if last.endswith(("ो", "े", "ै", "ौ", "ओ", "ए", "आ")):
            return out(last, last)
        return out(last + "ें", last + "ों")
    return [base, base, base]


def adj_slots(base: str) -> list[str]:
    if base.endswith("~"):
        b = base[:-1]
        if "/" in b:
            return b.split("/")
        return [b, b[:-1] + "ी", b[:-1] + "े"]
    if "/" in base:
        return base.split("/")
    return [base]


def expand_line(line: str, domain: str) -> dict:
    f = [x.strip() for x in line.split(";")]
    eng, p = f[0].lower(), f[1]
    if p not in POS:
        raise ValueError(f"bad pos {p!r}")
    if p == "n":
        if len(f) < 7:
            raise ValueError("noun needs 7 fields")
        tr, tg, hi, hg, est = f[2], f[3], f[4], f[5], f[6]
        note = ";".join(f[7:])
    else:
        if len(f) < 5:
            raise ValueError("v/a/d needs 5 fields")
        tr, hi, est = f[2], f[3], f[4]
        tg = hg = "-"
        note = ";".join(f[5:])
    trs = [x.strip() for x in tr.split(",") if x.strip()]
    his = [x.strip() for x in hi.split(",") if x.strip()]
    if p == "n":
        tslots = noun_slots(trs[0], tg)
        hslots = noun_slots(his[0], hg) if his else []
    elif p == "v":
        tslots, hslots = [trs[0]], his[:1]
    else:
        tslots = adj_slots(trs[0])
        hslots = adj_slots(his[0]) if his else []
        if len(tslots) == 1 and len(hslots) == 3:
            tslots = tslots * 3
        if len(hslots) == 1 and len(tslots) == 3:
            hslots = hslots * 3
    clean = lambda s: s.rstrip("^~")  # noqa: E731
    variants = [clean(x) for x in trs[1:] if clean(x) not in tslots]
    alts = [clean(x) for x in his[1:]]
    return {
        "english": eng, "pos": POS[p], "translit": "|".join(tslots),
        "translit_variants": "|".join(variants), "translit_gender": tg or "-",
        "hindi": "|".join(hslots), "hindi_gender": (hg or "-") if his else "-",
        "hindi_alternatives": "|".join(alts),
        "established": {"y": "yes", "n": "no"}.get(est, est), "domain": domain,
        "note": note,
    }


def cmd_expand(args) -> int:
    rows, bad = [], 0
    for path in args.drafts:
        domain = "general"
        for i, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                domain = line[1:].strip()
                continue
            try:
                rows.append(expand_line(unicodedata.normalize("NFC", line), domain))
            except (ValueError, IndexError) as e:
                bad += 1
                print(f"{path}:{i}: {e}: {line}", file=sys.stderr)
    out = Path(args.output)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n",
                           quoting=csv.QUOTE_NONE, escapechar=None)
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {out} ({bad} draft lines rejected)")
    return 1 if bad else 0


# ---------------------------------------------------------------- reading back
def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def items(s: str) -> list[str]:
    return [x for x in (s or "").split("|") if x]


def romanise(dev: str) -> str:
    from indic_transliteration import sanscript
    iso = sanscript.transliterate(dev, sanscript.DEVANAGARI, sanscript.ISO)
    s = unicodedata.normalize("NFD", iso.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def _skeleton(s: str, english: bool) -> str:
    s = re.sub(r"[^a-z]", "", s.lower())
    if english:
        s = re.sub(r"[sc]ian|tion|sion", "sn", s)
        s = re.sub(r"ture", "cr", s)
        s = s.replace("ck", "k").replace("ph", "f").replace("x", "ks").replace("qu", "kv")
        s = re.sub(r"c(?=[eiy])", "s", s)
        s = s.replace("ch", "C").replace("sh", "S").replace("c", "k").replace("q", "k")
        s = re.sub(r"g(?=[eiy])", "j", s)
        s = re.sub(r"(?<=[aeiou])y|y$", "", s)
    else:
        s = s.replace("ph", "f").replace("ch", "C").replace("sh", "S").replace("ṣ", "S")
        s = re.sub(r"([kgtdpbjc])h", r"\1", s)
    table = str.maketrans({"z": "s", "j": "g", "w": "v", "m": "n", "S": "s", "C": "c",
                           "y": "", "h": ""})
    s = s.translate(table)
    s = re.sub(r"[aeiou]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def readback(english: str, form: str) -> float:
    eng = english.split(" (")[0]
    a, b = _skeleton(eng, True), _skeleton(romanise(form), False)
    if not a or not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def zipf(form: str) -> float:
    from wordfreq import zipf_frequency
    return zipf_frequency(form, "hi")


DEV_ONLY = re.compile(r"^[\u0900-\u097F\u200c\u200d \-]+$")


def cmd_check(args) -> int:
    path = Path(args.table)
    rows = load(path)
    problems = collections.Counter()

    def report(kind: str, msg: str) -> None:
        problems[kind] += 1
        if args.verbose or kind not in {"readback", "zipf0"}:
            print(f"[{kind}] {msg}")

    keys = collections.Counter((r["english"], r["pos"]) for r in rows)
    for k, c in keys.items():
        if c > 1:
            report("duplicate", f"{k} x{c}")
    tforms: dict[str, set] = collections.defaultdict(set)
    hforms: dict[str, set] = collections.defaultdict(set)
    low_read, zero = [], []
    for r in rows:
        key = f"{r['english']}/{r['pos']}"
        if list(r.keys()) != COLUMNS:
            report("columns", f"{key}: {list(r.keys())}")
        t, h = items(r["translit"]), items(r["hindi"])
        want = {"noun": {3}, "verb": {1}, "adj": {1, 3}, "adv": {1, 3}}.get(r["pos"])
        if want is None:
            report("pos", f"{key}: pos {r['pos']!r}")
            continue
        if len(t) not in want or (h and len(h) != len(t)):
            report("slots", f"{key}: translit {len(t)} / hindi {len(h)} items")
        if not h and r["established"] != "yes":
            report("no-hindi", f"{key}: a non-established anglicism needs a Hindi equivalent")
        if r["pos"] == "noun":
            if r["translit_gender"] not in {"m", "f"} or (h and r["hindi_gender"] not in {"m", "f"}):
                report("gender", f"{key}: {r['translit_gender']}/{r['hindi_gender']}")
        elif r["translit_gender"] != "-" or r["hindi_gender"] != "-":
            report("gender", f"{key}: only nouns carry a gender")
        if r["established"] not in {"yes", "no"}:
            report("established", f"{key}: {r['established']!r}")
        if r["domain"] not in DOMAINS:
            report("domain", f"{key}: {r['domain']!r}")
        if r["english"] != r["english"].lower() or not r["english"]:
            report("english", f"{key}: english must be a lower-case lemma")
        allt = t + items(r["translit_variants"])
        allh = h + items(r["hindi_alternatives"])
        for f in allt + allh:
            if not DEV_ONLY.match(f) or f != unicodedata.normalize("NFC", f):
                report("script", f"{key}: {f!r} is not NFC Devanagari")
        for f in set(allt):
            tforms[f].add(key)
        for f in set(allh):
            hforms[f].add(key)
        for f in dict.fromkeys([t[0]] + items(r["translit_variants"])) if t else []:
            ratio = readback(r["english"], f)
            if ratio < args.threshold:
                low_read.append((ratio, key, f, romanise(f)))
        # a rare anglicism is expected; a Hindi equivalent or an "established" form with
        # no frequency at all is suspicious
        if t and r["established"] == "yes" and zipf(t[0]) == 0:
            zero.append((key, t[0]))
        if h and zipf(h[0]) == 0 and zipf(h[0].split(" ")[-1]) == 0:
            zero.append((key, h[0]))
    for ratio, key, f, rom in sorted(low_read):
        report("readback", f"{key}: {f} reads back as {rom!r} ({ratio:.2f})")
    for key, f in zero:
        report("zipf0", f"{key}: {f} has Hindi zipf 0")
    for f in sorted(set(tforms) & set(hforms)):
        report("both", f"{f}: transliteration in {sorted(tforms[f])}, Hindi in {sorted(hforms[f])}")
    for f, ks in sorted(tforms.items()):
        eng = {k.split('/')[0] for k in ks}
        if len(eng) > 1:
            report("shared-translit", f"{f}: {sorted(ks)}")
    # coverage of the lexicon files
    lex = GLOSS / "lexicon"
    light = re.compile(r"\s+(करता है|करती है|करते हैं|करता|करती|करते हुए|किया|की|करने|दिया|करना)$")
    for name, col in (("anglicisms.tsv", "phrase"), ("loanwords.tsv", "word")):
        p = lex / name
        if not p.exists():
            continue
        for lr in load(p):
            w = light.sub("", lr[col])
            if w not in tforms and w not in hforms:
                report("coverage", f"{name}: {lr[col]} ({w}) is in no row")
    # summary
    print(f"\n{path}: {len(rows)} concepts")
    for col in ("pos", "domain", "established"):
        c = collections.Counter(r[col] for r in rows)
        print(f"  by {col}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    est = collections.Counter((r["pos"], r["established"]) for r in rows)
    print("  pos x established: " + ", ".join(f"{p}/{e} {v}" for (p, e), v in sorted(est.items())))
    base_z = [zipf(items(r["translit"])[0]) for r in rows if r["translit"]]
    print(f"  translit base forms with Hindi zipf > 0: {sum(z > 0 for z in base_z)}/{len(base_z)}")
    print(f"  no Hindi equivalent (established loanwords): {sum(1 for r in rows if not r['hindi'])}")
    print("  review items: " + (", ".join(f"{k} {v}" for k, v in problems.most_common()) or "none"))
    hard = {"duplicate", "slots", "gender", "pos", "established", "domain", "columns",
            "script", "no-hindi", "english"}
    return 1 if any(problems[k] for k in hard) else 0


# ---------------------------------------------------------------- candidates
FUNCTION_WORDS = set("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
also may might must shall yet still ever even much many one two three four five six seven
eight nine ten first second last next another every either neither whether though although
however therefore thus hence whose yes oh ok okay its it's i'm don't can't won't let get got
""".split())


def cmd_candidates(args) -> int:
    from wordfreq import top_n_list, zipf_frequency
    have = set()
    if Path(args.table).exists():
        have = {r["english"] for r in load(Path(args.table))}
    words = top_n_list("en", args.top)
    seen = set(words)
    out = []
    for w in words:
        if w in FUNCTION_WORDS or not w.isalpha() or len(w) < 3 or w in have:
            continue
        # crude lemma filter: skip an inflected form whose stem is itself listed
        stem = re.sub(r"(ies|es|s|ed|ing|ly)$", "", w)
        if stem != w and (stem in seen or stem + "e" in seen or stem + "y" in seen):
            continue
        out.append((w, zipf_frequency(w, "en")))
    for w, z in out[: args.show]:
        print(f"{w}\t{z:.2f}")
    print(f"# {len(out)} candidate lemmas in the top {args.top} not in the table", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates")
    c.add_argument("--top", type=int, default=5000)
    c.add_argument("--show", type=int, default=400)
    c.add_argument("--table", default=str(TABLE))
    e = sub.add_parser("expand")
    e.add_argument("drafts", nargs="+")
    e.add_argument("-o", "--output", default=str(TABLE))
    k = sub.add_parser("check")
    k.add_argument("table", nargs="?", default=str(TABLE))
    k.add_argument("--threshold", type=float, default=0.5)
    k.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    return {"candidates": cmd_candidates, "expand": cmd_expand, "check": cmd_check}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
