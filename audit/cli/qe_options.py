"""Command-line wiring for the model-based parts: `check --qe/--lm/--source`, `lm train`, `compare`."""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from audit.core.errors import InputError, UsageError


def path_name(value: str) -> str:
    """An argparse type for a file or folder argument: an empty name was read as the current folder
    (`check ''` checked every article under it, `lm train DIR -o ''` wrote the model there) or, for an
    option, as not given at all (`--write-baseline ''` wrote no baseline and said nothing)."""
    if not value:
        raise argparse.ArgumentTypeError("give a file or folder name, not an empty one")
    return value


def output_name(value: str) -> str:
    """An argparse type for a file or folder jaanch writes: `-o -` made a file named `-` (where `-`
    means standard input to `check`, and standard output to most tools); `/dev/stdout` writes there."""
    if value == "-":
        raise argparse.ArgumentTypeError("'-': give a file name (/dev/stdout writes to standard output)")
    return path_name(value)


def source_name(value: str) -> str:
    """An argparse type for `--source`: `-` was looked for as a file ("-: no such file"); standard
    input is the article's (`jaanch check --source en.txt -`), never the English original's."""
    if value == "-":
        raise argparse.ArgumentTypeError("'-': the English original is read from a file, not standard input "
                                         "(pipe the Hindi article in instead: --source en.txt -)")
    return path_name(value)


def refuse_without(args: argparse.Namespace, names, partner: str) -> None:
    """An option that only means something beside `--partner`, given without it, is one line (it was
    ignored without a word): the first of `names` (argparse dests, left None when not given) set."""
    for name in names:
        if getattr(args, name, None) is not None:
            raise UsageError(f"--{name.replace('_', '-')} is given without --{partner}")


def _finite(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise argparse.ArgumentTypeError(f"{value!r} is not a finite number")
    return number


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def _discount(value: str) -> float:
    """Kneser-Ney's absolute discount: above 0 and below 1 (nan was written into meta.json as NaN,
    which no JSON reader takes, and a discount of 5 or -1 made no model at all)."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 < number < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a discount above 0 and below 1 (default 0.75)")
    return number


def _count(value: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of 0 or more")
    return int(value)


def add_check_options(check: argparse.ArgumentParser) -> None:
    qe = check.add_argument_group("quality estimation (needs the qe extra and a local model)")
    qe.add_argument("--qe", action="store_true", help="add COMET QE findings (needs --qe-model and source text)")
    qe.add_argument("--qe-model", metavar="NAME_OR_PATH",
                    help="a COMET checkpoint folder or file, or a model name under ~/.cache/jaanch/models")
    # the tuning options default to None, so one given without --qe is told apart from one left out
    # (QE_DEFAULTS fills them in): it was taken silently, as if QE had run with it
    qe.add_argument("--qe-threshold", type=_finite, help="sentence scores below this are findings (default 0.5)")
    qe.add_argument("--qe-device", choices=("cpu", "cuda"), help="default cpu")
    qe.add_argument("--qe-batch-size", type=_positive, help="default 16")
    qe.add_argument("--qe-runtime", choices=("torch", "onnx"),
                    help="onnx: the encoder exported once (cached under ~/.cache/jaanch/onnx) and run int8 on "
                         "ONNX Runtime, CPU only (default torch)")
    qe.add_argument("--qe-quantize", action="store_true", default=None,
                    help="int8 dynamic quantisation of the encoder in torch (CPU; torch deprecates it: "
                         "prefer --qe-runtime onnx)")
    qe.add_argument("--qe-precision", choices=("float32", "bfloat16"),
                    help="bfloat16: the encoder's matrix products in bfloat16 under autocast, for GPUs "
                         "(several times float32's speed there; slower on CPUs without bfloat16 units; default float32)")
    qe.add_argument("--qe-cache", type=path_name, metavar="FILE", help="score cache (default ~/.cache/jaanch/qe-cache.sqlite)")
    qe.add_argument("--no-qe-cache", action="store_true", default=None)
    check.add_argument("--source", type=source_name, metavar="ENGLISH_FILE",
                       help="the English original of a single Hindi article: its sentences are aligned with the "
                            "article's for the bilingual checks (BIL) and QE")
    check.add_argument("--lm", type=path_name, metavar="MODEL", help="a house language model from `jaanch lm train`")


def add_subcommands(sub) -> tuple:
    lm = sub.add_parser("lm", help="the house language model")
    lm_sub = lm.add_subparsers(dest="lm_command", required=True)
    train = lm_sub.add_parser("train", help="train a word trigram model on published articles")
    train.add_argument("corpus", type=path_name, metavar="CORPUS_DIR")
    train.add_argument("-o", "--output", required=True, type=output_name, metavar="MODEL")
    train.add_argument("--discount", type=_discount, default=0.75,
                       help="Kneser-Ney's absolute discount, above 0 and below 1 (default 0.75)")

    compare = sub.add_parser("compare", help="post-edit distance between MT output and the published text")
    compare.add_argument("mt", type=path_name, metavar="MT_FILE")
    compare.add_argument("published", type=path_name, metavar="PUBLISHED_FILE")
    compare.add_argument("--top", type=_count, default=10, help="how many of the most-changed sentences to list")
    compare.add_argument("--format", choices=("text", "json"), default="text")
    return train, compare  # (the caller adds the options they share with `check`)


# the options Models are built from: a worker on another machine rebuilds them from these
MODEL_OPTIONS = ("qe", "qe_model", "qe_threshold", "qe_device", "qe_batch_size", "qe_quantize", "qe_runtime",
                 "qe_precision", "qe_cache", "no_qe_cache", "lm")
# what a QE option means when it is not given; given without --qe, each is an error
QE_DEFAULTS = {"qe_model": None, "qe_threshold": 0.5, "qe_device": "cpu", "qe_batch_size": 16, "qe_quantize": False,
               "qe_runtime": "torch", "qe_precision": "float32", "qe_cache": None, "no_qe_cache": False}


@dataclass
class Models:
    scorer: object | None = None
    threshold: float = 0.5
    lm: object | None = None
    options: dict | None = None

    def __reduce__(self):
        """Pickled as the options they were built from: a model (and its score cache's database
        connection) is loaded by whichever process uses it, once."""
        if self.options is None:
            raise TypeError("Models built in memory cannot travel to another process")
        return (Models.from_options, (self.options,))

    @classmethod
    def from_options(cls, options: dict) -> "Models":
        return cls.from_args(argparse.Namespace(**options))

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> "Models":
        options = {name: getattr(args, name, None) for name in MODEL_OPTIONS}
        if not args.qe:
            refuse_without(args, QE_DEFAULTS, "qe")  # in the order --help lists them
        args = argparse.Namespace(**{**options, **{name: QE_DEFAULTS[name] for name in QE_DEFAULTS
                                                   if options[name] is None}})
        models = cls(threshold=args.qe_threshold, options=options)
        if args.qe:
            if not args.qe_model:
                raise UsageError("--qe needs --qe-model NAME_OR_PATH: a COMET checkpoint on this machine")
            from audit.qe.cache import ScoreCache, default_cache_path
            from audit.qe.comet_backend import CometScorer

            cache = ScoreCache(None if args.no_qe_cache else Path(args.qe_cache) if args.qe_cache else default_cache_path())
            models.scorer = CometScorer(args.qe_model, args.qe_device, args.qe_batch_size, args.qe_quantize, cache,
                                        runtime=args.qe_runtime, precision=args.qe_precision)
        if args.lm:
            from audit.qe.lm import HouseLM

            models.lm = HouseLM(Path(args.lm))
        return models

    def signature(self) -> str:
        parts = []
        if self.scorer is not None:
            parts.append(f"qe:{self.scorer.model_id}|qe-threshold:{self.threshold:g}")
        if self.lm is not None:
            parts.append(f"lm:{self.lm.ident}")
        return "|".join(parts)


def run_lm(args: argparse.Namespace) -> int:
    from audit.qe.lm import train

    meta = train(args.corpus, args.output, args.discount, progress=sys.stderr.isatty(), max_mb=args.max_file_mb)
    print(f"trained {args.output}: {meta['articles']} articles, {meta['tokens']} tokens, "
          f"{meta['vocabulary']} words, {meta['trigrams']} trigrams")
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from audit.qe.compare import compare

    for name in (args.mt, args.published):
        if str(name) == "-":  # a file named "-" is written ./-
            raise InputError("compare reads two files, not standard input; name the MT and the published file", "-")
    from audit.core.document import CMS_SUFFIXES
    from audit.inputs.pairs import PAIR_SUFFIXES

    for name in (args.mt, args.published):  # their raw TSV, JSON or HTML was compared, markup and all, exit 0
        if Path(name).suffix.lower() in PAIR_SUFFIXES + CMS_SUFFIXES:
            raise InputError("compare reads .txt and .md articles, not a pairs file or CMS export; save the "
                             "MT and the published text as plain text", str(name))
    rows, corpus = compare(args.mt, args.published, args.max_file_mb)
    worst = sorted(rows, key=lambda r: (r.chrf, -r.ter))[: args.top]
    if args.format == "json":
        print(json.dumps({"corpus": corpus, "most_changed": [r.__dict__ for r in worst]}, ensure_ascii=False, indent=1))
        return 0
    print(f"{corpus['changed']} of {corpus['sentences']} sentences changed; "
          f"chrF {corpus['chrf']:.1f}, TER {corpus['ter']:.1f}")
    for r in worst:
        if r.mt == r.published:
            continue
        mt = f"MT line {r.mt_line}" if r.mt_line is not None else f"not in the MT (added by the editor, {r.missing_near})"
        published = (f"published line {r.published_line}" if r.published_line is not None
                     else f"not published (removed by the editor, {r.missing_near})")
        print(f"\nchrF {r.chrf:5.1f}  TER {r.ter:5.1f}  {mt} → {published}")
        print(f"  MT:        {r.mt}")
        print(f"  published: {r.published}")
    print(f"\n{corpus['chrf_signature']}\n{corpus['ter_signature']}")
    return 0


def review_source(args: argparse.Namespace, paths: list[Path]) -> str | None:
    """For the review TUI: the text of `--source`, the English original of the one article reviewed."""
    if not args.source:
        return None
    if len(paths) != 1:
        raise UsageError("review --source ENGLISH_FILE pairs one Hindi article with its English original; give one article")
    from audit.core.document import decode_article
    from audit.core.fileio import read_bytes, refuse_oversized

    refuse_oversized(args.source, args.max_file_mb)
    return decode_article(read_bytes(args.source), args.source)  # missing, a folder, a device: as check says


def model_findings(args: argparse.Namespace, paths: list[Path]):
    """For the review TUI: a function giving an article's house-LM and QE findings, or None."""
    models = Models.from_args(args)
    if models.lm is None and models.scorer is None:
        return None
    english = None
    if models.scorer is not None:
        if not args.source or len(paths) != 1:
            raise UsageError("review --qe needs --source ENGLISH_FILE and one article")
        english = review_source(args, paths)

    def findings(article):
        from audit.lint.rules import Surprising

        found = []
        if models.lm is not None:
            found += models.lm.findings(article, Surprising.defaults["z"], Surprising.defaults["min_bits"])
        if english is not None:
            from audit.inputs.pairs import align_article
            from audit.qe.runner import qe_findings

            # the score cache means an accept rescores only the sentence it changed
            found += qe_findings(align_article(article, english), models.scorer, article, models.threshold)
        return found

    return findings
