"""`jaanch check`: the run prepared (options, configuration, targets) and each file read, checked and
fixed, in inputs of every kind (`check_options` reads the options, `check_report` streams the report)."""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from pathlib import Path

from audit.core.errors import UsageError
from audit.core.findings import Severity


@dataclass
class CheckJob:
    """Everything one file's check needs, picklable so worker processes run it too (`--jobs`).

    Called with a target, it returns the file's result plus what its suppression store used,
    so the parent can report stale dismissals exactly as a single-process run would.
    """

    engine: object
    models: object | None = None
    fix: bool = False
    no_suppressions: bool = False
    json_field: str = "body"
    source: str | None = None
    qe: bool = False
    unsafe: bool = False
    max_mb: float | None = None  # standard input is read only this far (files are sized before the run)
    # Set by `report_check` where the format allows: each file's report text is written here (in
    # the worker), so the parent only writes it out; None: the findings are passed back.
    render: object | None = None
    # The paths named on the command line: a pairs or CMS file named there that is no such file is an
    # error; one found in a folder beside the articles (a glossary, notes.json) is skipped.
    named: frozenset = frozenset()
    _stores: dict = field(default_factory=dict, repr=False)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_stores"] = {}
        return state

    def store(self, folder: Path):
        from audit.policy.suppressions import SuppressionStore

        if folder not in self._stores:
            self._stores[folder] = SuppressionStore(folder) if self.no_suppressions else SuppressionStore.load(folder)
        return self._stores[folder]

    def __call__(self, target) -> tuple:
        # (each from its module: an import from a package runs importlib's Python code for its names on
        # every call; what only a fix, a pairs or CMS file or a source needs is imported there)
        from audit.core.document import CMS_SUFFIXES, PAIR_SUFFIXES, Article, decode_article, parse_article, read_article
        from audit.reporters.base import FileResult

        engine = self.engine
        keep = store = None
        path = None if target == "-" else Path(target)  # made once: a Path is parsed again each time
        if path is not None:
            store = self.store(path.parent)
            used_before = set(store.used)
            keep = partial(store.filter, path)  # (the Path made above: filter takes the file's name from it)
        fixed, pairs, segments = 0, None, False
        suffix = "" if path is None else path.suffix.lower()
        if target == "-":
            from audit.core.document import within_size

            raw = _read_stdin(self.max_mb)
            within_size("<stdin>", len(raw), self.max_mb, read_all=False)  # `cat /dev/zero | jaanch check -` ends
            article = parse_article(decode_article(raw, "<stdin>", empty_ok=True), "<stdin>")
            if self.source:
                from audit.inputs.pairs import align_article

                pairs = align_article(article, decode_article(Path(self.source).read_bytes(), self.source))
        elif suffix in PAIR_SUFFIXES or suffix in CMS_SUFFIXES:  # (is_pair_file)
            from audit.core.errors import NotThisKind

            from audit.inputs.cms import read_cms
            from audit.inputs.pairs import read_pairs

            try:
                if suffix in PAIR_SUFFIXES:
                    text, pairs = read_pairs(target)
                else:
                    text, body = read_cms(target, self.json_field)
                    pairs = [body]
            except NotThisKind as exc:
                if str(target) in self.named:
                    raise
                return Skipped(str(target), exc.one_line()), set()
            article, segments = Article(str(target), text, []), True
        elif self.fix:
            from audit.core.fileio import BOM, read_for_update, write_atomic
            from audit.inputs.pairs import read_aligned
            from audit.lint.engine import MAX_FIX_PASSES
            from audit.policy.inline import apply_inline

            # the snapshot taken now is what the file must still be just before the rename
            raw, snapshot = read_for_update(target)
            article = parse_article(decode_article(raw, str(target), empty_ok=True), str(target))

            def fixable(current, found, keep=keep):
                found = keep(found, current.text) if keep else found
                return found if self.no_suppressions else apply_inline(current, found)[0]

            aligned = None
            if self.source:  # realigned on every pass, so the bilingual fixes land where they belong
                from audit.inputs.pairs import align_article

                english = decode_article(Path(self.source).read_bytes(), self.source)
                aligned = lambda current: aligned_sources(align_article(current, english))  # noqa: E731
            new_text, fixed, converged = engine.fix_text(article.text, article.path, fixable, self.unsafe, aligned)
            if not converged:
                print(f"jaanch: warning: {article.path}: fixes did not converge after "
                      f"{MAX_FIX_PASSES} passes (two fixes undo each other); the rest is left as it is",
                      file=sys.stderr)
            if new_text != article.text:
                write_atomic(target, new_text, expect=snapshot, bom=raw.startswith(BOM))
                article = parse_article(new_text, article.path)
            if self.source:
                pairs = read_aligned(target, self.source)[1]
        else:
            article = read_article(target)
            if self.source:
                from audit.inputs.pairs import read_aligned

                pairs = read_aligned(target, self.source)[1]
        findings = _findings(engine, self.models, article, pairs if segments else None, pairs, self.qe)
        findings = keep(findings, article.text) if keep else findings
        # every marker, well-formed or not, opens an HTML comment: an article without one (most) has
        # nothing to suppress and no marker to report
        if not self.no_suppressions and "<!--" in article.text:
            from audit.policy.inline import apply_inline, unused_findings

            findings, unused = apply_inline(article, findings)
            own = unused_findings(article, unused)  # and the malformed markers
            if own:  # (findings are in text order already)
                findings = sorted(findings + engine.restyle(own), key=lambda f: f.start)
        used = (store.used - used_before) if store is not None else set()
        result = FileResult(article.path, findings, fixed)
        return (result if self.render is None else self.render(result)), used


@dataclass
class Skipped:
    """A file found in a folder that is no pairs file or CMS export (`errors.NotThisKind`): noted, not checked."""

    path: str
    why: str  # the reader's one line, naming the file (and line)


def _read_stdin(max_mb: float | None) -> bytes:
    """Standard input, read in chunks until its end or until it is past `max_mb`: asked for the limit
    in one read, a limit as large as --max-file-mb allows (1e12, 1e308) was a MemoryError or an
    OverflowError, exit 3."""
    limit = math.inf if max_mb is None else max_mb * 1e6
    chunks, total = [], 0
    while total <= limit:
        chunk = sys.stdin.buffer.read(1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


@dataclass
class CheckRun:
    """A `jaanch check` ready to go: configuration read, engine loaded, options checked, targets listed."""

    args: argparse.Namespace
    config: object
    engine: object
    models: object
    job: CheckJob
    targets: list
    unsafe: bool
    jobs: int | None

    @property
    def signature(self) -> str:
        return "|".join(filter(None, [self.engine.signature(), self.models.signature()]))

    def exit_code(self, worst: Severity | None) -> int:
        fail_on = self.args.fail_on or self.config.fail_on or "warning"
        if fail_on == "never":
            return 0
        return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


def prepare_check(args: argparse.Namespace) -> CheckRun:
    from audit.cli.check_options import _codes, _configuration, _settings
    from audit.core.document import CMS_SUFFIXES
    from audit.core.document import decode_article
    from audit.core.paths import collect_paths, once_each
    from audit.lint.engine import Engine, select_checks
    from audit.language.glossary import DEFAULT_GLOSSARY
    from audit.cli.qe_options import Models
    from audit.inputs.pairs import PAIR_SUFFIXES

    config = _configuration(args)
    house = config.house_glossary and not args.no_house_glossary
    # one glossary named twice (in jaanch.toml and by --glossary) was "duplicate entry" against itself
    glossaries = once_each(([DEFAULT_GLOSSARY] if house else []) + config.glossaries + [Path(g) for g in args.glossary])
    checks = select_checks(_codes(args.select) or config.select, _codes(args.ignore, "--ignore") or config.ignore)
    engine = Engine(glossaries, checks, _settings(args.set, config.settings, str(config.path or "configuration")),
                    {code: Severity.parse(level) for code, level in config.severity.items()}, config.allow)
    engine.glossary  # load (and validate) before reading any article
    if args.baseline and args.write_baseline:  # the baseline given to filter by was ignored
        raise UsageError("--baseline filters findings by a baseline and --write-baseline records a new one; "
                         "give one of them")
    for partner, given in (("--write-baseline", args.write_baseline),
                           ("--output-parquet", getattr(args, "output_parquet", None))):
        if given and args.format is not None:  # it prints no report: the format was ignored without a word
            raise UsageError(f"--format {args.format} is given with {partner}, which writes no report in any format; "
                             "give one of them")
    if args.fix and "-" in args.paths:
        raise UsageError("--fix rewrites files in place; it cannot fix standard input")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give 1 or more worker processes")
    targets: list[str | Path] = []
    baselines = _own_outputs(args, config)
    for raw in args.paths:
        found = ["-"] if raw == "-" else collect_paths([raw], PAIR_SUFFIXES + CMS_SUFFIXES, args.max_file_mb)
        if baselines and raw != "-" and Path(raw).is_dir():
            found = _without(found, baselines, raw)
        targets.extend(found)
    if len(args.paths) > 1:  # (collect_paths named each file of one path once already)
        targets = once_each(targets)  # a file named twice (or through a folder or a symlink) is checked once
    if args.source and len(targets) != 1:
        raise UsageError("--source pairs one Hindi article with its English original; give one article")
    if args.source and targets[0] != "-" and Path(targets[0]).suffix.lower() in PAIR_SUFFIXES + CMS_SUFFIXES:
        raise UsageError("--source pairs a .txt or .md article with its English original; a pairs file has "
                         "its source inside, and a CMS export cannot be aligned", str(targets[0]))
    unfixable = [t for t in targets if t != "-" and Path(t).suffix.lower() in PAIR_SUFFIXES + CMS_SUFFIXES]
    if args.fix and unfixable:  # named, so that a stray file in a folder can be found and moved
        raise UsageError("--fix works on .txt and .md articles; fix CMS and CAT-tool files where they were made",
                         str(unfixable[0]))
    if args.source:
        from audit.core.fileio import read_bytes, refuse_oversized

        refuse_oversized(args.source, args.max_file_mb)  # sized as the articles are
        decode_article(read_bytes(args.source), args.source)  # a missing or unreadable source: now, not later
    if args.fix:
        _preflight_fix(targets)
    from audit.core.fileio import refuse_overwriting_input

    refuse_overwriting_input(args.write_baseline, [*targets, *([args.source] if args.source else [])], "--write-baseline")
    models = Models.from_args(args)
    unsafe = bool(args.unsafe_fixes or config.unsafe_fixes)
    job = CheckJob(engine, models, args.fix, args.no_suppressions, args.json_field, args.source, args.qe, unsafe,
                   args.max_file_mb, named=frozenset(str(Path(p)) for p in args.paths if p != "-"))
    # Models (QE, house LM) and standard input stay in this process; plain files go to workers.
    single = models.scorer is not None or models.lm is not None or "-" in targets
    jobs = 1 if single else args.jobs
    return CheckRun(args, config, engine, models, job, targets, unsafe, jobs)


def _own_outputs(args: argparse.Namespace, config) -> set[str]:
    """The real paths of the run's baselines (--baseline, --write-baseline, the configuration's): JSON
    files jaanch writes, which a folder beside them lists among its CMS articles. `check .` next to the
    `baseline = "jaanch-baseline.json"` the configuration documents stopped at "no field 'body'", and a
    second `--write-baseline b.json .` refused b.json as one of the files the run reads."""
    import os

    return {os.path.realpath(p) for p in (args.baseline, args.write_baseline, config.baseline) if p}


def _without(found: list, baselines: set[str], folder: str) -> list:
    import os

    from audit.core.errors import InputError

    kept = [p for p in found if os.path.realpath(p) not in baselines]
    if not kept:  # as collect_paths says of a folder with no article
        raise InputError("no articles found in this folder (only the baseline)", folder)
    return kept


def _preflight_fix(targets: list) -> None:
    """Before any file is written, every article of the run must be readable, UTF-8 and writable
    (not read-only, not hard-linked): one bad file in a folder stops the run with nothing changed.
    The targets name each file once (prepare_check), so none is rewritten twice."""
    from audit.core.document import decode_article
    from audit.core.fileio import read_for_update

    for target in targets:
        raw, _ = read_for_update(target)
        decode_article(raw, str(target), empty_ok=True)


def run_check(args: argparse.Namespace, runner=None) -> int:
    """`runner` maps the per-file job over the targets in order (default: worker processes here)."""
    from audit.core.runner import run_ordered

    from audit.cli.check_report import report_check

    run = prepare_check(args)
    if runner is None and len(run.targets) > 1 and run.jobs != 1:
        from audit.lint.checks.chrf import preload

        preload()  # sacrebleu, imported once here instead of once in every worker (see chrf.py)
    return report_check(run, runner or run_ordered)

def _findings(engine, models, article, segments, pairs, qe: bool) -> list:
    """Rule findings, plus QE and house-LM findings when asked, at offsets of the file."""
    if segments is not None:  # a pairs or CMS file: audit each extracted text on its own
        from audit.core.document import parse_article
        from audit.inputs.segments import remap
        from audit.lint.checks.base import SourceSegment

        texts = [(p, parse_article(p.target, article.path)) for p in segments]
        found = [remap(f, p, article) for p, a in texts
                 for f in engine.audit(a, [SourceSegment(p.source, 0, len(p.target))] if p.source else None)]
        lm_found = [remap(f, p, article) for p, a in texts for f in _lm(models, a)]
    else:
        found = engine.audit(article, aligned_sources(pairs))
        lm_found = _lm(models, article)
    if qe:
        if pairs is None or not any(p.source for p in pairs):
            raise UsageError(f"--qe needs the English source of {article.path}: "
                             "a pairs file (TSV, JSONL, XLIFF) or --source ENGLISH_FILE")
        from audit.qe.runner import qe_findings

        found += qe_findings(pairs, models.scorer, article, models.threshold)
    return sorted(engine.restyle(found + lm_found), key=_PLACE)


_PLACE = attrgetter("start", "end", "code")


def aligned_sources(pairs) -> list | None:
    """The English sentences aligned with a `--source` article, as spans of its text (None without one)."""
    if not pairs:
        return None
    from audit.lint.checks.base import SourceSegment

    return [SourceSegment(p.source, p.starts[0], p.ends[-1]) for p in pairs if p.target and p.source]


def _lm(models, article) -> list:
    if models.lm is None:
        return []
    from audit.lint.rules import Surprising

    return models.lm.findings(article, Surprising.defaults["z"], Surprising.defaults["min_bits"])
