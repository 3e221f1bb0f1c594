"""Shared by the TUI tests and the review benchmark: drive the real app headlessly."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from audit.review.items import OPEN


async def settle(pilot) -> None:
    """Wait until workers are done (loading, the whole-article audit) and the screen has refreshed."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    while getattr(pilot.app, "refine_pending", False):  # the whole-article audit waits for a pause
        await asyncio.sleep(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


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
