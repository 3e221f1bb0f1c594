"""`jaanch`: the command line. Kept import-light: heavy modules load only for the command run."""

from __future__ import annotations

import argparse
import enum
import math
import os
import sys
from pathlib import Path

from audit import __version__
from audit.core.errors import MAX_FILE_MB, JaanchError, UsageError
from audit.cli.glossary_options import add_subcommands as add_glossary_subcommands
from audit.cli.qe_options import add_check_options, add_subcommands, output_name, path_name
from audit.cli.scaleout_options import add_ray_options, wants_ray


class ExitCode(enum.IntEnum):
    OK = 0  # no finding at or above --fail-on
    FINDINGS = 1
    USAGE = 2  # bad options or unreadable input: one line on stderr naming the file
    INTERNAL = 3  # a bug in jaanch: never 1, so CI can tell a crash from findings
    PIPE_CLOSED = 141  # the reader of standard output left early (`| head`): 128 + SIGPIPE, as `yes | head`


_INNERMOST = "_jaanch_innermost_parser"


class _Parser(argparse.ArgumentParser):
    """No abbreviations: `--output x` was taken as `--output-parquet x`, and an option added later
    would silently change what an abbreviation a script relies on means. Subcommands' parsers are
    of this class too (add_subparsers passes it on)."""

    def __init__(self, *args, **kwargs):
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see `{self.prog} --help`)")

    def parse_known_args(self, args=None, namespace=None):
        # the innermost parser finishes first and its namespace is copied into its parent's: the first
        # set is the subcommand's own parser, whose help lists the options a stray one was meant as
        parsed, extras = super().parse_known_args(args, namespace)
        if not hasattr(parsed, _INNERMOST):
            setattr(parsed, _INNERMOST, self)
        return parsed, extras

    def parse_args(self, args=None, namespace=None):
        """An unknown option is named with the help of the subcommand it was given to: `jaanch lm train
        --bogus` pointed at `jaanch --help`, which does not list lm train's options."""
        parsed, extras = self.parse_known_args(args, namespace)
        innermost = vars(parsed).pop(_INNERMOST, self)
        if extras:
            innermost.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def _port(value: str) -> int:
    # out of range, the server announced itself on a port it never listened on and hung
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r}: give a port from 1 to 65535")
    return int(value)


def _host(value: str) -> str:
    # an empty one was taken as not given: the app was served on localhost, not where it was asked
    if not value.strip():
        raise argparse.ArgumentTypeError("give an address to listen on (localhost, 0.0.0.0, a host name)")
    return value


def _at_least_one(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of 1 or more")
    return int(value)


def _number_in(low: float, high: float, hint: str):
    """An argparse type: a number above `low` and at most `high` (nan fails, and inf past any float)."""
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not low < number <= high:
            raise argparse.ArgumentTypeError(f"{value!r}: {hint}")
        return number

    return parse


_share = _number_in(0, 1, "give a share above 0 and at most 1 (0.3 is 30 %)")
_megabytes = _number_in(0, sys.float_info.max, "give a size in MB above 0 (2.5 is 2.5 MB)")


def _add_max_file_mb(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-file-mb", type=_megabytes, default=MAX_FILE_MB, metavar="MB",
                        help=f"refuse a file larger than this (default {MAX_FILE_MB:g} MB, far above any news "
                             "article: it is no article, and a check of it would run for many minutes)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="jaanch", description="Audit machine-translated Hindi news articles.")
    parser.add_argument("--version", action="version", version=f"jaanch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="audit articles and report findings")
    check.add_argument("paths", nargs="+", type=path_name, metavar="PATH", help="article files or folders; - reads stdin")
    # None when not given, so one given beside --write-baseline (which prints no report) is told apart
    check.add_argument("--format", choices=("text", "json", "sarif", "github", "junit"),
                       help="the report's format (default text)")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                       help="lowest severity that makes the exit code 1 (default: warning, or the config's)")
    check.add_argument("--select", action="append", default=[], metavar="CODES",
                       help="only these check codes or prefixes, comma-separated (TERM,FMT001)")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES",
                       help="skip these check codes or prefixes, comma-separated")
    check.add_argument("--glossary", action="append", default=[], type=path_name, metavar="FILE",
                       help="an extra glossary TSV (repeatable); added to the house glossary")
    check.add_argument("--no-house-glossary", action="store_true",
                       help="do not load glossaries/house.tsv")
    check.add_argument("--set", action="append", default=[], metavar="CODE.NAME=VALUE",
                       help="change a check threshold, e.g. REP002.min_chrf=90")
    check.add_argument("--no-suppressions", action="store_true",
                       help="report findings an editor dismissed in the review TUI too")
    check.add_argument("--baseline", type=path_name, metavar="FILE", help="report only findings not in this baseline")
    check.add_argument("--write-baseline", type=output_name, metavar="FILE", help="record today's findings as the baseline")
    check.add_argument("--config", type=path_name, metavar="FILE",
                       help="a jaanch.toml or pyproject.toml (default: found upwards from the first path)")
    check.add_argument("--json-field", default="body", metavar="FIELD",
                       help="the text field of JSON articles from the CMS (dotted: data.body)")
    check.add_argument("--fix", action="store_true",
                       help="apply the safe fixes of warnings and errors in place, atomically (info is never fixed)")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix, also apply unsafe fixes (anglicism -> Hindi, deleting a repeat); "
                            "without --fix, show them as available")
    check.add_argument("--jobs", type=int, metavar="N",
                       help="worker processes for folders (default: this machine's cores); output is the same")
    _add_max_file_mb(check)
    add_check_options(check)
    add_ray_options(check, parquet=True)

    review = sub.add_parser("review", help="walk through findings in the review TUI (accept, edit, dismiss)")
    review.add_argument("paths", nargs="+", type=path_name, metavar="PATH", help="article files or folders")
    review.add_argument("--glossary", action="append", default=[], type=path_name, metavar="FILE",
                        help="an extra glossary TSV (repeatable); glossary additions go to the last one")
    review.add_argument("--no-house-glossary", action="store_true")
    review.add_argument("--cells", choices=("glibc", "merged"), default=None,
                        help="how the terminal draws Devanagari: glibc (tmux, xterm, gnome-terminal; the default) "
                             "or merged (Ghostty, kitty, wezterm: conjuncts in one cell); env JAANCH_CELLS")
    review.add_argument("--serve", action="store_true",
                        help="serve the review app to a web browser (textual-serve; nothing fetched from outside)")
    # None when not given, so one given without --serve is told apart (it was ignored without a word)
    review.add_argument("--host", type=_host, help="with --serve: the address to listen on (default localhost)")
    review.add_argument("--port", type=_port, help="with --serve: the port (1 to 65535; default 8000)")
    _add_max_file_mb(review)
    add_check_options(review)

    for reads_articles in add_subcommands(sub):  # lm train, compare: a disk image was read whole
        _add_max_file_mb(reads_articles)
    add_glossary_subcommands(sub)
    report = sub.add_parser("report", help="one self-contained HTML page of findings over a corpus")
    report.add_argument("corpus", type=path_name, metavar="CORPUS_DIR")
    report.add_argument("-o", "--output", required=True, type=output_name, metavar="HTML")
    report.add_argument("--glossary", action="append", default=[], type=path_name, metavar="FILE")
    report.add_argument("--no-house-glossary", action="store_true")
    report.add_argument("--jobs", type=_at_least_one, metavar="N", help="worker processes (default: this machine's cores)")
    _add_max_file_mb(report)
    add_ray_options(report)
    rules = sub.add_parser("rules", help="list the checks with their codes, and the house style in force")
    rules.add_argument("--config", type=path_name, metavar="FILE", help="a jaanch.toml (default: found upwards from here)")
    calibrate = sub.add_parser("calibrate", help="learn a desk's house style from its edited articles")
    calibrate.add_argument("archive", type=path_name, metavar="ARCHIVE_DIR", help="a folder of the desk's published articles")
    calibrate.add_argument("-o", "--output", required=True, type=output_name, metavar="TOML", help="where to write jaanch.toml")
    calibrate.add_argument("--glossary", action="append", default=[], type=path_name, metavar="FILE")
    calibrate.add_argument("--min-articles", type=_at_least_one, default=3, metavar="N",
                           help="a form must appear in at least N articles (default 3)")
    calibrate.add_argument("--min-share", type=_share, default=0.3, metavar="F",
                           help="and in at least this share of them (default 0.3)")
    return parser


def _project_config(paths: list[str], explicit: str | None = None):
    """The jaanch.toml (or [tool.jaanch]) that governs these paths: `check`, `review`, `report` and
    `rules` all read the same one, found upwards from the first path."""
    from audit.policy.config import Config, find_config, load_config

    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    found = Path(explicit) if explicit else find_config(start)  # named as given in an error
    return load_config(found) if found else Config()


def engine_for(args: argparse.Namespace):
    """The engine for `review`, `report` and `glossary stats`, configured as `check` configures it
    (the jaanch.toml found upwards from the first path, or the one `--config` names)."""
    from audit.cli.check_options import _settings
    from audit.core.findings import Severity
    from audit.core.paths import once_each
    from audit.language.glossary import DEFAULT_GLOSSARY
    from audit.lint.engine import Engine, select_checks

    config = _project_config(getattr(args, "paths", None) or [getattr(args, "corpus", ".")],
                             getattr(args, "config", None))
    house = config.house_glossary and not args.no_house_glossary
    glossaries = once_each(([DEFAULT_GLOSSARY] if house else []) + config.glossaries + [Path(g) for g in args.glossary])
    engine = Engine(glossaries, select_checks(config.select, config.ignore),
                    _settings([], config.settings, str(config.path or "configuration")),
                    {code: Severity.parse(level) for code, level in config.severity.items()}, config.allow)
    engine.glossary  # load (and validate) before reading any article
    return engine


def _rules(args: argparse.Namespace) -> int:
    from audit.lint.rules import ALL_RULES

    config = _project_config([], args.config)  # a bad one stops the run before the list, not after it
    for c in ALL_RULES:
        tweaks = " ".join(f"{k}={v:g}" for k, v in c.defaults.items())
        print(f"{c.code:9} {c.category:12} {c.severity.label:8} {c.name:20} {c.summary()}"
              + (f"  [{tweaks}]" if tweaks else "")
              + ("" if c.on_by_default else f"  (off by default: select {c.code} to run it)"))
    if config.path is not None:
        print(f"\nhouse style from {config.path}:")
        for code, level in sorted(config.severity.items()):
            print(f"  {code:9} severity {level}")
        for code, forms in sorted(config.allow.items()):
            print(f"  {code:9} allowed ({len(forms)}): {', '.join(forms)}")
        if config.select or config.ignore:
            print(f"  select {config.select or 'all'}, ignore {config.ignore or 'none'}")
    return ExitCode.OK


def _calibrate(args: argparse.Namespace) -> int:
    from audit.core.paths import collect_paths
    from audit.core.fileio import refuse_overwriting_input, write_atomic
    from audit.language.glossary import DEFAULT_GLOSSARY
    from audit.lint.engine import Engine
    from audit.policy.calibrate import learn, refuse_replacing_settings, render

    paths = collect_paths([args.archive])
    refuse_overwriting_input(args.output, paths)
    refuse_replacing_settings(args.output)
    engine = Engine([DEFAULT_GLOSSARY] + [Path(g) for g in args.glossary])
    allowed = learn(paths, engine, args.min_share, args.min_articles)
    write_atomic(args.output, render(allowed, len(paths), args.archive))
    forms = sum(len(v) for v in allowed.values())
    print(f"{args.output}: {forms} house-style forms learnt from {len(paths)} articles")
    return ExitCode.OK


class _ClosedStream:
    """Standard output or input the process was started without (`jaanch check x >&-`, `<&-`):
    Python sets it to None, and the first write or read was an internal error (AttributeError).
    Using one fails as on a closed descriptor, which names it: one line, exit 2."""

    def __init__(self, name: str):
        self.name = name

    def _closed(self, *_args):
        import errno

        raise OSError(errno.EBADF, "closed (the command was started without it)", self.name)

    write = read = readline = _closed

    def flush(self):  # nothing is ever held back; the interpreter flushes at exit
        pass

    @property
    def buffer(self):
        self._closed()


def _tolerant_streams() -> None:
    """Text that cannot be encoded (a lone surrogate from a JSON escape, Devanagari on an ASCII
    terminal) is written as a backslash escape instead of ending the run: JSON stays valid."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream("standard output")
    if sys.stdin is None:
        sys.stdin = _ClosedStream("standard input")
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _debug_traceback() -> None:
    if os.environ.get("JAANCH_DEBUG") == "1":
        import traceback

        traceback.print_exc()


# commands whose screen is not a stream of lines: standard output is left as it is
_INTERACTIVE = frozenset({"review"})


class _NamedStdout:
    """While a command runs, an error writing standard output (a full disk or quota behind
    `> report.json`) names it as the file it failed on: such a write raises OSError without a
    file name, and the user's one line would not say where the disk was full."""

    def __enter__(self):
        self.stream = sys.stdout
        sys.stdout = _StreamNamingErrors(self.stream)

    def __exit__(self, *exc):
        sys.stdout = self.stream


class _StreamNamingErrors:
    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        return _naming_stdout(self._stream.write, text)

    def flush(self):
        return _naming_stdout(self._stream.flush)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _naming_stdout(call, *args):
    try:
        return call(*args)
    except OSError as exc:
        exc.filename = exc.filename or "standard output"
        raise


def _dispatch(args, handlers: dict | None) -> int:
    """Run the parsed command; its exit code."""
    if wants_ray(args):
        handler = (handlers or {}).get("ray")
        if handler is None:
            raise UsageError("--ray needs the scaleout package; run the installed `jaanch` script")
        return handler(args)
    if args.command == "rules":
        return _rules(args)
    if args.command == "calibrate":
        return _calibrate(args)
    if args.command == "check":
        from contextlib import nullcontext

        from audit.core.runner import collector_paused

        # not around models (QE, the house LM): their libraries' garbage is theirs to collect
        with nullcontext() if args.qe or args.lm else collector_paused():
            from audit.cli.check_command import run_check

            return run_check(args)
    if args.command == "lm":
        from audit.cli.qe_options import run_lm

        return run_lm(args)
    if args.command == "report":
        from audit.cli.report import run_report

        return run_report(args, engine_for(args))
    if args.command == "glossary":
        from audit.cli.glossary_options import run as run_glossary

        return run_glossary(args)
    if args.command == "compare":
        from audit.cli.qe_options import run_compare

        return run_compare(args)
    handler = (handlers or {}).get(args.command)
    if handler is None:
        raise UsageError(f"`jaanch {args.command}` needs the tui package; run the installed `jaanch` script")
    from audit.core.paths import collect_paths

    return handler(args, engine_for(args), collect_paths(args.paths, max_mb=args.max_file_mb))


def main(argv: list[str] | None = None, handlers: dict | None = None) -> int:
    """`handlers` supplies what is implemented outside the engine: the TUI's `review`, and `ray` runs.

    Exit codes: 0 clean, 1 findings, 2 a failure the user can fix (one line on stderr naming the
    file), 3 a bug in jaanch (one "please report" line; JAANCH_DEBUG=1 shows the traceback).
    """
    _tolerant_streams()
    try:
        args = _parser().parse_args(argv)
        if args.command in _INTERACTIVE:  # the TUI owns the terminal
            return _dispatch(args, handlers)
        with _NamedStdout():
            return _dispatch(args, handlers)
    except JaanchError as exc:
        print(f"jaanch: {exc.one_line()}", file=sys.stderr)
        return ExitCode.USAGE
    except BrokenPipeError:
        # Not 0: under `set -o pipefail` a run with findings piped to `head` passed CI. Nothing is
        # printed (the shell's own `yes | head` is silent), and the interpreter's last flush of the
        # text still buffered goes nowhere instead of raising again ("Exception ignored ...").
        _stdout_to_devnull()
        return ExitCode.PIPE_CLOSED
    except KeyboardInterrupt:  # Ctrl-C: one line, and the shell's code for a SIGINT (128 + 2)
        print("jaanch: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        # The machine refused something (disk full, a permission, a file system limit) in a place
        # that had no more specific message: still the user's environment, not a bug.
        _debug_traceback()
        from audit.core.errors import printable_name

        where = f"{printable_name(str(exc.filename))}: " if exc.filename else ""
        print(f"jaanch: {where}{exc.strerror or exc}".replace("\n", " "), file=sys.stderr)
        return ExitCode.USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, reported as one
        _debug_traceback()
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        print(f"jaanch: internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
              "please report it, with the output of the same run under JAANCH_DEBUG=1", file=sys.stderr)
        return ExitCode.INTERNAL


def _stdout_to_devnull() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor (a test's capture): nothing to flush
        pass


def leave(code: int) -> int:
    """`code`, for a process that exits next: everything it made is frozen out of the collector,
    so the interpreter's last collection does not walk the loaded tables (a tenth of a CPU second
    after every `jaanch check`, more than the check of five articles). Files are closed and
    streams flushed as ever; only cyclic garbage is left to the operating system."""
    import gc

    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(leave(main()))
