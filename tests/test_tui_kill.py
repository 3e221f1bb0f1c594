"""Kill the review app mid-session (SIGKILL): the journal replays every decision made before it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from audit.lint.engine import Engine
from audit.review.session import ReviewSession
from conftest import ROOT

CHILD = textwrap.dedent("""
    import asyncio, sys
    from pathlib import Path
    sys.path.insert(0, "tests")
    from audit.lint.engine import Engine
    from tui.app import ReviewApp
    from tui_helpers import answer, select, settle

    async def main(path):
        app = ReviewApp([Path(path)], Engine())
        async with app.run_test(size=(140, 44)) as pilot:
            await settle(pilot)
            await select(pilot, "FMT001")
            await pilot.press("a")
            await settle(pilot)
            await select(pilot, "TERM002", "CHATGPT")
            await pilot.press("e")
            await answer(pilot, "चैटजीपीटी")
            await select(pilot, "TERM003", "Microsoft")
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await answer(pilot, "house style")
            print("DECIDED", flush=True)
            await asyncio.sleep(120)  # the parent kills us here, mid-session, unsaved

    asyncio.run(main(sys.argv[1]))
""")


def test_sigkill_loses_no_decision(story):
    original = story.read_text(encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(story)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    try:
        line = proc.stdout.readline()
        assert line.strip() == "DECIDED", proc.stderr.read() if proc.poll() is not None else line
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert story.read_text(encoding="utf-8") == original  # nothing was saved

    session = ReviewSession.open(story, Engine())
    assert [r["event"] for r in session.pending_replay()] == ["accept", "edit", "dismiss"]
    assert session.start(replay=True) == (3, 0)
    assert "$5 मिलियन" in session.text and "चैटजीपीटी बनाने वाली" in session.text
    assert ("TERM003", "Microsoft") in {(s.code, s.text) for s in session.state.dismissed}
    assert not any(f.code == "TERM003" and f.text == "Microsoft" for f in session.findings)
