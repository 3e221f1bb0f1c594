"""Shared by the TUI tests and the review benchmark: drive the real app headlessly."""

from __future__ import annotations

from textual.widgets import Input


async def settle(pilot) -> None:
    """Wait until engine workers are done and the screen has refreshed."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def select(pilot, code: str, text: str | None = None) -> int:
    app = pilot.app
    index = next(i for i, f in enumerate(app.session.findings)
                 if f.code == code and (text is None or f.text == text))
    app.action_select_finding(index)
    await pilot.pause()
    return index


async def answer(pilot, value: str) -> None:
    """Type an answer into the prompt screen that is showing, and submit it."""
    field = pilot.app.screen.query_one(Input)
    field.value = value
    await pilot.press("enter")
    await settle(pilot)
