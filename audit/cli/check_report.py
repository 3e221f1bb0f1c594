"""`jaanch check`'s report: each file's findings streamed to the reporter in input order, the
suppression and baseline bookkeeping around them, and the exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from audit.core.errors import JaanchError

if TYPE_CHECKING:  # check_command imports this module: the name only, for the annotation
    from audit.cli.check_command import CheckRun


def report_check(run: CheckRun, runner) -> int:
    """Stream each file's findings to the reporter as they come, in input order; then the exit code."""
    from audit.core.fileio import WriteError
    from audit.policy.baseline import Baseline, write_baseline
    from audit.reporters import REPORTERS

    args, config, job, targets, jobs, unsafe = run.args, run.config, run.job, run.targets, run.jobs, run.unsafe
    stores = {}
    for target in targets:
        if target != "-" and Path(target).parent not in stores:
            stores[Path(target).parent] = job.store(Path(target).parent)
    signature = run.signature
    reporter = REPORTERS[args.format or "text"](signature, unsafe_fixes=unsafe)
    baseline_path = None if args.write_baseline else Path(args.baseline) if args.baseline else config.baseline
    baseline = Baseline(baseline_path) if baseline_path else None
    everything = []  # kept only to write a baseline
    # Each file's text is written where it is checked, unless the parent must see its findings
    # (a baseline to filter or to write) or the format is one document built at the end (JUnit).
    job.render = None if args.write_baseline or baseline is not None else reporter.file_renderer()
    worst = None
    out = ReportWriter(sys.stdout)
    if not args.write_baseline:
        out.write(reporter.start())
    from audit.cli.check_command import Skipped

    written: list[str] = []  # --fix: files already rewritten, named if a later write is refused
    skipped: list[Skipped] = []
    try:
        for target, (result, used) in zip(targets, runner(job, targets, jobs, desc="check")):
            if isinstance(result, Skipped):
                skipped.append(result)
                continue
            if result.fixed:
                written.append(result.path)
            worst = _report_one(args, stores, target, result, used, everything, baseline, reporter, out, worst)
    except JaanchError as exc:
        if not (args.fix and written):
            raise
        raise WriteError(f"{exc.reason}; already fixed and written before it: {', '.join(written)}",
                         exc.path, exc.line) from None
    _note_skipped(skipped, len(targets), args.paths)

    for store in stores.values():
        stale = store.unused()
        if stale:
            print(f"{store.path}: {len(stale)} dismissed findings no longer occur "
                  f"(first: {stale[0].code} {stale[0].text!r} in {stale[0].file})", file=sys.stderr)
    if args.write_baseline:
        count = write_baseline(Path(args.write_baseline), everything)
        print(f"wrote {count} findings to the baseline {args.write_baseline}", file=sys.stderr)
        return 0
    out.write(reporter.finish())
    if baseline is not None and baseline.unused():
        print(f"{baseline.unused()} baseline entries match nothing any more; "
              f"refresh it with --write-baseline {baseline_path}", file=sys.stderr)
    if not reporter.prints_signature:
        print(signature, file=sys.stderr)
    return run.exit_code(worst)


def _note_skipped(skipped: list, total: int, paths: list[str]) -> None:
    """One stderr note per file passed over (`check_command.Skipped`); a run that checked nothing else
    is the error a folder with no article is (`paths.collect_paths`), in one line, not notes and an
    empty report."""
    from audit.core.errors import InputError

    if skipped and len(skipped) == total:
        raise InputError(f"no articles found in {' or '.join(paths)}: {len(skipped)} .tsv/.jsonl/.xlf/.json "
                         f"{'file is' if len(skipped) == 1 else 'files are'} not pairs files or CMS exports "
                         f"(first: {skipped[0].why})")
    for skip in skipped:
        print(f"jaanch: note: skipped {skip.why}; not a pairs file or CMS export", file=sys.stderr)


class ReportWriter:
    """Writes a report's parts in order: text through the stream, a rendered file's UTF-8 bytes
    (`reporters.base.utf8`) straight into its binary buffer where the stream encodes UTF-8 and
    turns no line ends (the text written before is flushed first, so the order holds), else
    decoded and written as text, by the stream's own encoding and error handler."""

    def __init__(self, stream):
        self.stream = stream
        self.raw = _utf8_buffer(stream)
        self.flush_raw = bool(getattr(stream, "line_buffering", False))  # a terminal: each file as it comes
        self.text_pending = False

    def write(self, part) -> None:
        if part.__class__ is str:
            if part:
                self.stream.write(part)
                self.text_pending = True
            return
        if self.raw is None:
            self.stream.write(part.decode())
            return
        if self.text_pending:
            self.stream.flush()
            self.text_pending = False
        try:
            self.raw.write(part)
            if self.flush_raw:
                self.raw.flush()
        except OSError as exc:  # named as the text stream's errors are (cli.main._NamedStdout)
            exc.filename = exc.filename or "standard output"
            raise


def _utf8_buffer(stream):
    import codecs
    import os

    try:
        raw, encoding = stream.buffer, codecs.lookup(stream.encoding).name
    except (AttributeError, LookupError, TypeError):
        return None
    return raw if encoding == "utf-8" and os.linesep == "\n" else None


def _report_one(args, stores, target, result, used, everything, baseline, reporter, out, worst):
    """One file's result: suppression bookkeeping, baseline, the reporter; returns the worst severity."""
    from audit.reporters.base import RenderedResult

    if target != "-":
        path = Path(target)
        store = stores[path.parent]
        store.used |= used
        store.checked.add(path.name)
    if isinstance(result, RenderedResult):
        if result.worst is not None and (worst is None or result.worst > worst):
            worst = result.worst
        for part in reporter.take(result):
            out.write(part)
        return worst
    if args.write_baseline:
        everything.extend(result.findings)
        return worst
    if baseline is not None:
        result.findings = baseline.filter(result.findings)
    for f in result.findings:
        worst = f.severity if worst is None or f.severity > worst else worst
    for part in reporter.parts(result):
        out.write(part)
    return worst
