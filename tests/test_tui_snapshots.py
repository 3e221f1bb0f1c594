"""Snapshots of the review screen and the help screen (pytest-textual-snapshot)."""

from __future__ import annotations

import shutil

import pytest

from audit.lint.engine import Engine
from conftest import SAMPLES
from tui.app import ReviewApp
from tui_helpers import settle

SIZE = (150, 46)


@pytest.fixture()
def app(tmp_path):
    story = tmp_path / "phone_launch_mt.txt"
    shutil.copy(SAMPLES / story.name, story)
    return ReviewApp([story], Engine())


def test_review_screen(snap_compare, app):
    async def loaded(pilot):
        await settle(pilot)
        await pilot.press("n", "n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=loaded)


def test_help_screen(snap_compare, app):
    async def help_open(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=help_open)
