"""Shared by the TUI tests and the review benchmark: drive the real app headlessly."""

from __future__ import annotations

import asyncio

from textual.widgets import Input
from textual.worker import WorkerCancelled

from audit.review.items import OPEN


async def settle(pilot) -> None:
    """Wait until workers are done (loading, the whole-article audit) and the screen has refreshed."""
    await pilot.pause()
    await _workers_done(pilot.app)
    while getattr(pilot.app, "refine_pending", False):  # the whole-article audit waits for a pause
        await asyncio.sleep(0.05)
    await _workers_done(pilot.app)
    await pilot.pause()


async def _workers_done(app) -> None:
    # A newer whole-article audit cancels an older one (its text is stale): that is not a failure.
    while True:
        try:
            await app.workers.wait_for_complete([w for w in app.workers if not w.is_cancelled])
            return
        except WorkerCancelled:
            continue


async def select(pilot, code: str, text: str | None = None) -> int:
    """Select the first open finding of `code` (and `text`); returns its item id."""
    app = pilot.app
    item = next(i for i in app.session.items
                if i.state == OPEN and i.finding.code == code and (text is None or i.finding.text == text))
    app.select_item(item.id)
    await pilot.pause()
    return item.id


async def answer(pilot, value: str) -> None:
    """Type an answer into the prompt screen that is showing, and submit it."""
    field = pilot.app.screen.query_one(Input)
    field.value = value
    await pilot.press("enter")
    await settle(pilot)


async def accept_and_save(pilot, code: str) -> None:
    """Accept the first open finding of `code`, then save (ctrl+s), each step settled."""
    await select(pilot, code)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


def error_notes(app) -> list[str]:
    """The messages of the app's error notifications, oldest first."""
    return [n.message for n in app._notifications if n.severity == "error"]
