"""`jaanch`: the command line. Kept import-light: heavy modules load only for the command run."""

from __future__ import annotations

import argparse
import enum
import sys
from functools import partial
from pathlib import Path

from . import __version__
from .errors import JaanchError, UsageError
from .maintenance.options import add_subcommands as add_glossary_subcommands
from .qe.options import add_check_options, add_subcommands


class ExitCode(enum.IntEnum):
    OK = 0  # no finding at or above --fail-on
    FINDINGS = 1
    USAGE = 2  # bad options or unreadable input


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="jaanch", description="Audit machine-translated Hindi news articles.")
    parser.add_argument("--version", action="version", version=f"jaanch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="audit articles and report findings")
    check.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders; - reads stdin")
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="warning",
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--select", action="append", default=[], metavar="CODES",
                       help="only these check codes or prefixes, comma-separated (TERM,FMT001)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help="skip these check codes or prefixes, comma-separated")
    check.add_argument("--glossary", action="append", default=[], metavar="FILE",
                       help="an extra glossary TSV (repeatable); added to the house glossary")
    check.add_argument("--no-house-glossary", action="store_true",
                       help="do not load glossaries/house.tsv")
    check.add_argument("--set", action="append", default=[], metavar="CODE.NAME=VALUE",
                       help="change a check threshold, e.g. REP002.min_chrf=90")
    check.add_argument("--no-suppressions", action="store_true",
                       help="report findings an editor dismissed in the review TUI too")
    check.add_argument("--fix", action="store_true",
                       help="apply the first suggestion of every fixable finding, in place, atomically")
    add_check_options(check)

    review = sub.add_parser("review", help="walk through findings in the review TUI (accept, edit, dismiss)")
    review.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    review.add_argument("--glossary", action="append", default=[], metavar="FILE",
                        help="an extra glossary TSV (repeatable); glossary additions go to the last one")
    review.add_argument("--no-house-glossary", action="store_true")

    add_subcommands(sub)
    add_glossary_subcommands(sub)
    sub.add_parser("rules", help="list the checks with their codes")
    return parser


def _engine(args: argparse.Namespace, checks=None, settings=None):
    from .engine import Engine
    from .glossary import DEFAULT_GLOSSARY

    glossaries = ([] if args.no_house_glossary else [DEFAULT_GLOSSARY]) + [Path(g) for g in args.glossary]
    engine = Engine(glossaries) if checks is None else Engine(glossaries, checks, settings or {})
    engine.glossary  # load (and validate) before reading any article
    return engine


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _settings(pairs: list[str]) -> dict[str, float]:
    from .checks import BY_CODE

    out: dict[str, float] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        code, dot, name = key.partition(".")
        check = BY_CODE.get(code.upper())
        if not sep or not dot or check is None or name not in check.defaults:
            raise UsageError(f"--set {pair!r}: expected CODE.NAME=VALUE with a name `jaanch rules` lists")
        try:
            out[f"{check.code}.{name}"] = float(value)
        except ValueError:
            raise UsageError(f"--set {pair!r}: {value!r} is not a number") from None
    return out


def _rules() -> int:
    from .rules import ALL_RULES

    for c in ALL_RULES:
        tweaks = " ".join(f"{k}={v:g}" for k, v in c.defaults.items())
        print(f"{c.code:9} {c.category:12} {c.severity.label:8} {c.name:20} {c.summary()}"
              + (f"  [{tweaks}]" if tweaks else ""))
    return ExitCode.OK


def _check(args: argparse.Namespace) -> int:
    from .document import Article, collect_paths, decode_article, parse_article, read_article
    from .engine import select_checks
    from .qe.options import Models
    from .qe.pairs import PAIR_SUFFIXES, is_pair_file, read_aligned, read_pairs
    from .fileio import write_atomic
    from .findings import Severity
    from .reporters import REPORTERS, FileResult
    from .suppressions import SuppressionStore

    engine = _engine(args, select_checks(_codes(args.select), _codes(args.ignore)), _settings(args.set))
    if args.fix and "-" in args.paths:
        raise UsageError("--fix rewrites files in place; it cannot fix standard input")
    targets: list[str | Path] = []
    for raw in args.paths:
        targets.extend(["-"] if raw == "-" else collect_paths([raw], PAIR_SUFFIXES))
    if args.source and len(targets) != 1:
        raise UsageError("--source pairs one Hindi article with its English original; give one article")
    if args.fix and any(t != "-" and is_pair_file(t) for t in targets):
        raise UsageError("--fix works on article files; fix TSV, JSONL and XLIFF files in the tool that made them")
    models = Models.from_args(args)
    results: list[FileResult] = []
    stores: dict[Path, SuppressionStore] = {}
    for target in targets:
        keep = None
        if target != "-":
            folder = Path(target).parent
            if folder not in stores:
                stores[folder] = SuppressionStore(folder) if args.no_suppressions else SuppressionStore.load(folder)
            keep = partial(stores[folder].filter, target)
        fixed, pairs = 0, None
        if target == "-":
            article = parse_article(decode_article(sys.stdin.buffer.read(), "<stdin>"), "<stdin>")
        elif is_pair_file(target):
            text, pairs = read_pairs(target)
            article = Article(str(target), text, [])
        else:
            article = read_article(target)
            if args.fix:
                new_text, fixed = engine.fix_text(article.text, article.path, keep)
                if new_text != article.text:
                    write_atomic(target, new_text)
                    article = parse_article(new_text, article.path)
            if args.source:
                pairs = read_aligned(target, args.source)[1]
        findings = _findings(engine, models, article, pairs, args.qe)
        results.append(FileResult(article.path, keep(findings) if keep else findings, fixed))
    signature = "|".join(filter(None, [engine.signature(), models.signature()]))
    reporter = REPORTERS[args.format](signature)
    sys.stdout.write(reporter.render(results))
    if not reporter.prints_signature:
        print(signature, file=sys.stderr)
    if args.fail_on == "never":
        return ExitCode.OK
    threshold = Severity.parse(args.fail_on)
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return ExitCode.FINDINGS if worst is not None and worst >= threshold else ExitCode.OK


def _findings(engine, models, article, pairs, qe: bool) -> list:
    """Rule findings, plus QE and house-LM findings when asked, at offsets of the file."""
    from .document import parse_article
    from .qe.segments import remap

    if pairs is not None and not article.sentences:  # a pairs file: audit each target on its own
        targets = [(p, parse_article(p.target, article.path)) for p in pairs]
        found = [remap(f, p, article) for p, a in targets for f in engine.audit(a)]
        lm_found = [remap(f, p, article) for p, a in targets for f in _lm(models, a)]
    else:
        found = engine.audit(article)
        lm_found = _lm(models, article)
    if qe:
        if pairs is None:
            raise UsageError(f"--qe needs the English source of {article.path}: "
                             "a pairs file (TSV, JSONL, XLIFF) or --source ENGLISH_FILE")
        from .qe.runner import qe_findings

        found += qe_findings(pairs, models.scorer, article, models.threshold)
    return sorted(found + lm_found, key=lambda f: (f.start, f.end, f.code))


def _lm(models, article) -> list:
    if models.lm is None:
        return []
    from .rules import Surprising

    return models.lm.findings(article, Surprising.defaults["z"], Surprising.defaults["min_bits"])


def main(argv: list[str] | None = None, handlers: dict | None = None) -> int:
    """`handlers` supplies commands implemented outside the engine (the TUI's `review`)."""
    try:
        args = _parser().parse_args(argv)
        if args.command == "rules":
            return _rules()
        if args.command == "check":
            return _check(args)
        if args.command == "lm":
            from .qe.options import run_lm

            return run_lm(args)
        if args.command == "glossary":
            from .maintenance.options import run as run_glossary

            return run_glossary(args)
        if args.command == "compare":
            from .qe.options import run_compare

            return run_compare(args)
        handler = (handlers or {}).get(args.command)
        if handler is None:
            raise UsageError(f"`jaanch {args.command}` needs the tui package; run the installed `jaanch` script")
        from .document import collect_paths

        return handler(args, _engine(args), collect_paths(args.paths))
    except JaanchError as exc:
        print(f"jaanch: {exc.one_line()}", file=sys.stderr)
        return ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
