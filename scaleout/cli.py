"""`jaanch check|report|glossary mine --ray ADDRESS`: the same commands, their files spread over Ray.

Everything before the first file (configuration, glossary validation, the file list) and after the
last (dismissal bookkeeping, baseline, reporter, exit code) is the plain command's own code; only
the per-file work runs on the cluster, through a runner shaped like `--jobs`' run_ordered.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from audit.core.errors import JaanchError, UsageError
from scaleout.cluster import ClusterError, connect, pool


def run(args: argparse.Namespace) -> int:
    command = args.command if args.command != "glossary" else f"glossary {args.glossary_command}"
    runners = {"check": _check, "report": _report, "glossary mine": _mine}
    if command not in runners:
        raise UsageError(f"--ray works with check, report and glossary mine, not {command}")
    if getattr(args, "jobs", None) is not None:
        raise UsageError("--jobs and --ray: give one; with --ray, --ray-workers sizes the pool")
    ray, started = connect(args.ray)
    try:
        return runners[command](ray, args)
    except JaanchError:
        raise
    except ray.exceptions.RayError as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
        raise ClusterError(f"a Ray worker failed: {reason}") from None
    finally:
        if started:  # a Ray this command started ends with it; one the caller started is left running
            ray.shutdown()


def _check(ray, args) -> int:
    from audit.cli.check_command import prepare_check
    from audit.cli.check_report import report_check
    from audit.core.findings import Severity
    from scaleout.pipeline import ray_runner

    if args.fix:
        raise UsageError("--fix rewrites files in place; run it without --ray, on the machine that holds them")
    if "-" in args.paths:
        raise UsageError("--ray reads files and folders; standard input stays a plain run")
    if args.output_parquet and (args.baseline or args.write_baseline):
        raise UsageError("--output-parquet writes every finding; filter a baseline in the Parquet reader instead")
    prepared = prepare_check(args)
    qe = prepared.models.scorer is not None
    workers, gpus = pool(ray, args.ray_workers, qe and args.qe_device == "cuda", qe)
    if not args.output_parquet:
        return report_check(prepared, ray_runner(ray, workers, gpus))

    from scaleout.parquet import summarize
    from scaleout.pipeline import write_parquet

    folder = Path(args.output_parquet)
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(f"--output-parquet {folder}: the folder is not empty; give a new one")
    write_parquet(ray, prepared.job, prepared.targets, folder, workers, gpus)
    summary = summarize(folder, prepared.signature)
    print(f"{folder}: {summary['findings']} findings in {summary['files']} files"
          + (f"; {summary['unreadable']} files could not be read (see the error column)"
             if summary["unreadable"] else ""), file=sys.stderr)
    if summary["unreadable"]:
        return 2
    return prepared.exit_code(max((Severity.parse(s) for s in summary["by_severity"]), default=None))


def _report(ray, args) -> int:
    from audit.cli.main import engine_for
    from audit.cli.report import run_report
    from scaleout.pipeline import ray_runner

    engine = engine_for(args)  # the glossary is validated here, before any worker starts
    return run_report(args, engine, ray_runner(ray, *pool(ray, args.ray_workers, False)))


def _mine(ray, args) -> int:
    from audit.cli.glossary_options import glossary_paths, write_mined
    from audit.language.glossary import Glossary
    from audit.maintenance.mine import mine
    from audit.maintenance.review_carry import earlier_answers
    from scaleout.pipeline import ray_runner

    glossary = Glossary.load(glossary_paths(args.glossary))
    answers = earlier_answers(Path(args.output))  # a table being filled in: its answers are kept
    runner = ray_runner(ray, *pool(ray, args.ray_workers, False))
    return write_mined(args, mine(args.corpus, glossary, min_articles=args.min_articles, runner=runner), answers)
