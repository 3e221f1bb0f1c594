"""Do the human references say which loans to flag? A held-out test on IndicMT's train split only.

    python benchmarks/reference_loans.py [--data DIR] [--min-sources N]

Issue 11, point 4 in data form: for each English word of a source, does the professional reference
keep the loan (कार for "car") or write a Hindi word? A word every reference translates while the MT
output writes it out would be a slip the default BIL004 leaves alone (an established loan, a lexicon
loanword, an unlisted word). The evidence is derived from the references of two thirds of train's
sources (split by source, so one source's seven MT outputs stay on one side) and tried on the MT
outputs of the other third, each third in turn; the in-sample figure (evidence from every train
reference, tried on every train output) is printed beside it as the upper bound. A candidate is a
Devanagari token that spells out a non-name word of its own source (`audit.language.soundalike`)
and that no aim check (`indicmt_eval.AIM_CODES`) already covers; it "fires" when the references
gave the word at least `--min-sources` times and never kept it. Printed: how many fire, how many of
those overlap an aim span (Transliteration, Untranslated, Terminology), how many aim spans are new.
Only train is read; val is for the lead to measure. No sentence is printed, only counts and words.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from audit.core.text import fold  # noqa: E402
from audit.language.lexicon import Lexicon  # noqa: E402
from audit.language.soundalike import SpelledWords  # noqa: E402
from audit.language.wordstats import english_zipf  # noqa: E402
from audit.lint.checks.bilingual.english import lemmas, source_words  # noqa: E402
from audit.lint.checks.bilingual.english_words import FUNCTION_WORD_ZIPF  # noqa: E402
from audit.lint.checks.bilingual.transliterated import _spelled_source_word  # noqa: E402
from audit.lint.engine import Engine  # noqa: E402
from indicmt_eval import AIM_CODES, AIM_TYPES, _spans  # noqa: E402

_DEVA = re.compile(r"[\u0900-\u0963\u0966-\u097f]+")
_FOLDS = 3


def _fold(source: str) -> int:
    return int(hashlib.md5(source.encode("utf-8")).hexdigest(), 16) % _FOLDS


def _written_out(text: str, source: str, lexicon: Lexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, token, base lemma) of each Devanagari token that spells a non-name source word,
    not a function word (and, but, were: एंड is a name's part, वर्ष and नष्ट are Hindi words)."""
    words = [w for w in source_words(source) if not w.name and english_zipf(w.lower) < FUNCTION_WORD_ZIPF]
    spelled = SpelledWords((w, lemma) for w in words for lemma in lemmas(w.text))
    out = []
    for m in _DEVA.finditer(text):
        key = fold(m.group())
        if len(m.group()) < 2 or key in lexicon.stopwords or key in lexicon.soundalikes:
            continue
        hit = _spelled_source_word(m.group(), spelled, 2.0)
        if hit is not None:
            out.append((m.start(), m.end(), m.group(), lemmas(hit[0].text)[0]))
    return out


def _one_to_one(rows) -> list[tuple[str, str]]:
    """(source, reference) where the source has one reference and the reference one source (as
    tests/test_bilingual.py reads them: other rows are misaligned in the data)."""
    refs, srcs = collections.defaultdict(set), collections.defaultdict(set)
    for row in rows:
        refs[row["src"]].add(row["ref"])
        srcs[row["ref"]].add(row["src"])
    return [(s, next(iter(r))) for s, r in refs.items() if len(r) == 1 and len(srcs[next(iter(r))]) == 1]


def _evidence(pairs, lexicon: Lexicon) -> tuple[collections.Counter, collections.Counter]:
    """Per English base lemma: in how many references' sources it is said, in how many the reference keeps it."""
    said, kept = collections.Counter(), collections.Counter()
    for source, ref in pairs:
        keeps = {lemma for *_, lemma in _written_out(ref, source, lexicon)}
        for lemma in {lemmas(w.text)[0] for w in source_words(source) if not w.name}:
            said[lemma] += 1
            kept[lemma] += lemma in keeps
    return said, kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "indicmt-eval-hi")
    parser.add_argument("--min-sources", type=int, default=1)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.data / "Hin_train.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    lexicon = Lexicon()
    pairs = _one_to_one(rows)
    held = {k: _evidence([p for p in pairs if _fold(p[0]) != k], lexicon) for k in range(_FOLDS)}
    everything = _evidence(pairs, lexicon)
    engine = Engine()
    tally = {"held out": collections.Counter(), "in sample": collections.Counter()}
    words = {"held out": collections.Counter(), "in sample": collections.Counter()}
    for row in rows:
        text = row["translation"].replace("\u00a0", " ")
        row = dict(row, translation=text)
        aim_spans = [(s, e) for s, e, t in _spans(row) if t in AIM_TYPES]
        covered = [f for f in engine.audit_text(text, source=row["src"]) if f.code in AIM_CODES]
        recalled = {(s, e) for s, e in aim_spans if any(f.start < e and s < f.end for f in covered)}
        for label, (said, kept) in (("held out", held[_fold(row["src"])]), ("in sample", everything)):
            new: set[tuple[int, int]] = set()
            for start, end, token, lemma in _written_out(text, row["src"], lexicon):
                if any(f.start < end and start < f.end for f in covered):
                    continue
                c = tally[label]
                c["candidates"] += 1
                c["seen"] += said[lemma] > 0
                if said[lemma] < args.min_sources or kept[lemma]:
                    continue
                on = [(s, e) for s, e in aim_spans if s < end and start < e]
                c["fire"] += 1
                c["on a span"] += bool(on)
                new.update(span for span in on if span not in recalled)
                words[label][f"{lemma} {token} {'+' if on else '-'}"] += 1
            tally[label]["new spans"] += len(new)
    print(f"IndicMT train: {len(rows)} MT segments, {len(pairs)} one-to-one (source, reference) pairs, "
          f"{_FOLDS} folds by source; a word fires when references gave it >= {args.min_sources} times, kept it never")
    print()
    print("| evidence | candidates | word seen in the references | fire | on an aim span | new aim spans |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, c in tally.items():
        share = f"{100 * c['on a span'] / c['fire']:.0f} %" if c["fire"] else "–"
        print(f"| {label} | {c['candidates']} | {c['seen']} | {c['fire']} | {c['on a span']} ({share}) | "
              f"{c['new spans']} |")
    for label, counter in words.items():
        print(f"\n{label}, what fires (lemma, token, + on an aim span):",
              ", ".join(f"{w} ×{n}" for w, n in counter.most_common(30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
