"""The `jaanch` console script: `review` is handled here, everything else by `audit.cli.main`.

Keeping the entry point in `tui/` lets `audit/` stay free of textual; `jaanch check` imports
`audit.cli.main` only, and textual loads when `jaanch review` runs.
"""

from __future__ import annotations

import sys

from audit.cli.main import main as audit_main


def _review(args, engine, paths) -> int:
    from audit.cli.qe_options import model_findings

    from tui.app import run

    return run(paths, engine, model_findings(args, paths))


def main(argv: list[str] | None = None) -> int:
    return audit_main(argv, handlers={"review": _review})


if __name__ == "__main__":
    sys.exit(main())
