"""`jaanch review --serve`: the same review app in a web browser, through textual-serve.

Each browser tab runs `jaanch review` with Textual's web driver in its own process; an article
is locked while a review has it open (`audit/review/lock.py`), so a second tab on the same
article says so instead of sharing its journal. textual-serve's page template links Google
Fonts; newsrooms are often offline, so the page is served from a copy of that template without
the link (its own static files, fonts included, come from the server itself).
"""

from __future__ import annotations

import re
import shlex
import sys
import tempfile
from pathlib import Path

from audit.core.errors import UsageError

OUTSIDE = re.compile(r"<link[^>]*https?://[^>]*>\s*", re.S)


def offline_templates(folder: Path) -> Path:
    """textual-serve's index template with every link to another site taken out."""
    import textual_serve

    original = (Path(textual_serve.__file__).parent / "templates" / "app_index.html").read_text(encoding="utf-8")
    page = OUTSIDE.sub("", original)
    if re.search(r"""(href|src)\s*=\s*["']https?://""", page):
        raise RuntimeError("textual-serve's page still loads something from another site")
    (folder / "app_index.html").write_text(page, encoding="utf-8")
    return folder


def review_command(argv: list[str]) -> str:
    """The `jaanch review` command each tab runs: the same arguments, without the serving ones."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--serve":
            continue
        elif arg in ("--host", "--port"):
            skip = True
        elif arg.startswith(("--host=", "--port=")):
            continue
        else:
            out.append(arg)
    return shlex.join([sys.executable, "-m", "tui.cli", *out])


def serve(argv: list[str], host: str, port: int) -> int:
    with tempfile.TemporaryDirectory(prefix="jaanch-serve-") as folder:  # gone when serving ends
        try:
            _server(review_command(argv), host, port, offline_templates(Path(folder))).serve()
        except OSError as exc:  # a host that does not resolve, a port in use: say which
            raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    return 0


def _server(command: str, host: str, port: int, templates: Path):
    """textual-serve's server, announcing itself once it listens: its own banner comes from the
    application's startup, which aiohttp runs before it binds, so a port in use printed the
    banner and then the error."""
    import asyncio
    import signal

    from aiohttp import web
    from textual_serve.server import LOGO, Server

    class Announced(Server):
        async def on_startup(self, app: web.Application) -> None:
            pass  # the banner waits for the bind (`serve` below)

        def _banner(self, *_: object) -> None:
            self.console.print(LOGO, highlight=False)
            self.console.print(f"Serving {self.command!r} on {self.public_url}")
            self.console.print("\n[cyan]Press Ctrl+C to quit")

        def serve(self, debug: bool = False) -> None:
            """Server.serve with aiohttp's after-bind message as the banner."""
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            try:
                loop.add_signal_handler(signal.SIGINT, self.request_exit)
                loop.add_signal_handler(signal.SIGTERM, self.request_exit)
            except NotImplementedError:
                pass
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                         print=self._banner)

    return Announced(command, host=host, port=port, title="jaanch review", templates_path=templates)
