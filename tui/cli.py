"""The `jaanch` console script: `review` is handled here, `--ray` runs by `scaleout`, the rest by `audit.cli.main`.

Keeping the entry point in `tui/` lets `audit/` stay free of textual and ray; `jaanch check` imports
`audit.cli.main` only, textual loads when `jaanch review` runs, and ray when a command is given `--ray`.
"""

from __future__ import annotations

import sys

from audit.cli.main import leave, main as audit_main


_ARGV: list[str] = []


def _review(args, engine, paths) -> int:
    _partners(args)
    _readable(paths)
    _cell_mode(args.cells)
    if args.serve:
        from tui.serve import serve

        return serve(_ARGV, args.host or "localhost", args.port or 8000)
    from audit.cli.qe_options import model_findings, review_source

    english = review_source(args, paths)  # a usage error comes before the lock (no lock file made for it)
    locks = _first_lock(paths)
    try:
        from tui.app import run

        return run(paths, engine, model_findings(args, paths), cell_widths=args.cells, english=english, locks=locks)
    finally:
        for lock in locks.values():
            lock.release()  # the app releases them as it ends; this covers an error before it started


def _first_lock(paths) -> dict:
    """The lock of the article the app opens first, taken before the app takes the terminal (and
    before any model loads): an article open in another review is one line, exit 2, where an empty
    app showed that line in its title. A browser tab (textual-serve's web driver) has no terminal
    to give back and would only see its connection close, so there the app says it, as before."""
    import os

    from audit.review.lock import hold

    if os.environ.get("TEXTUAL_DRIVER", "").startswith("textual.drivers.web_driver"):
        return {}
    return {paths[0]: hold(paths[0])}


def _partners(args) -> None:
    """--host and --port given without --serve were ignored and the app took the terminal: one line,
    as --qe-model without --qe has it."""
    from audit.cli.qe_options import refuse_without

    if not args.serve:
        refuse_without(args, ("host", "port"), "serve")


def _cell_mode(given: str | None) -> None:
    """A JAANCH_CELLS the app cannot use is one line before it starts (it was an internal error);
    --cells, which argparse checks, wins over it."""
    import os

    from audit.core.errors import UsageError
    from tui.cells import ENV, MODES, chosen_mode

    if given is None:
        try:
            chosen_mode()  # the environment's choice, read as the app will read it
        except ValueError:
            raise UsageError(f"{ENV}={os.environ[ENV]!r}: give one of {', '.join(MODES)} (or --cells)") from None


def _readable(paths) -> None:
    """Every article decodes before the app takes the terminal: one that does not is one line naming
    it, exit 2, as `check` has it (the app showed the error in its title instead)."""
    from audit.core.document import decode_article
    from audit.core.fileio import read_bytes

    for path in paths:
        decode_article(read_bytes(path), str(path), empty_ok=True)


def _ray(args) -> int:
    from scaleout.cli import run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    """The console script (argv None: this process's own command line, which exits next)."""
    _ARGV[:] = sys.argv[1:] if argv is None else argv
    code = audit_main(argv, handlers={"review": _review, "ray": _ray})
    return leave(code) if argv is None else code


if __name__ == "__main__":
    sys.exit(main())
