"""Speed of the review TUI on a long article: open, move, accept.

    python benchmarks/review_speed.py [--words 14000]

Builds an article of about 14,000 words from the MT samples, then drives the real app headlessly
(Textual's run_test): time until the findings are on screen, time for a selection move (UI
only), and time for an accept until its row and line are redrawn (the session re-audits the
lines it touched; the whole-article audit then runs in a worker). A burst of accepts pressed
without waiting checks that no key is lost. The yardstick is one whole-article audit of the
same text in the same process: the time every accept took before it re-audited only its lines.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from audit.lint.engine import Engine  # noqa: E402
from textual.worker import WorkerState  # noqa: E402
from tui.app import REFINE_AFTER, ReviewApp  # noqa: E402
from audit.review.whole_audit import MIN_CHARS  # noqa: E402
from audit.core.document import parse_article  # noqa: E402
from audit.review.items import ACCEPTED, OPEN  # noqa: E402
from tui_helpers import settle  # noqa: E402


def build_article(words: int) -> str:
    def lines(name: str) -> list[str]:
        return [p for p in (ROOT / "samples" / name).read_text(encoding="utf-8").splitlines() if p.strip()]

    # Clean paragraphs between the MT ones keep the density near a real long piece (~300 findings).
    mt = lines("ai_model_race_mt.txt") + lines("phone_launch_mt.txt")
    clean = lines("clean_monsoon_economy.txt")
    paragraphs = [p for i, m in enumerate(mt) for p in (m, clean[i % len(clean)], clean[(i + 1) % len(clean)])]
    out, count, i = [], 0, 0
    while count < words:
        para = paragraphs[i % len(paragraphs)]
        out.append(para)
        count += len(para.split())
        i += 1
    return "\n".join(out) + "\n"


async def measure(path: Path) -> dict:
    engine = Engine()
    engine.glossary, engine.lexicon  # loaded once per process, as in a desk session
    app = ReviewApp([path], engine)
    figures: dict = {}
    async with app.run_test(size=(160, 50)) as pilot:
        start = time.perf_counter()
        await settle(pilot)
        figures["open"] = time.perf_counter() - start
        figures["findings"] = len(app.session.findings)
        idle = []
        for _ in range(20):
            t = time.perf_counter()
            await pilot.press("x")  # unbound: what a keypress costs the test harness itself
            await pilot.pause()
            idle.append(time.perf_counter() - t)
        figures["idle"] = statistics.median(idle)
        moves = []
        for _ in range(20):
            t = time.perf_counter()
            await pilot.press("n")
            await pilot.pause()
            moves.append(time.perf_counter() - t)
        figures["move"] = statistics.median(moves)
        accepts, settled = [], []
        for _ in range(7):
            item = next(i for i in app.session.items if i.state == OPEN and i.finding.fixes)
            app.select_item(item.id)
            await pilot.pause()
            # From the key to the redrawn screen: the decision, the re-audit of its lines, the
            # rows and line updated and painted (the whole-article audit waits for a pause).
            # (Timed inside the app: the pilot's own wait for idle would also wait for that audit.)
            painted = asyncio.Event()
            t = time.perf_counter()
            app.action_accept()  # what the `a` binding runs
            app.call_after_refresh(painted.set)  # after the screen has been redrawn with it
            await painted.wait()
            accepts.append(time.perf_counter() - t)
            assert app.session.item(item.id).state == ACCEPTED
            await settle(pilot)  # the whole-article audit, in its worker
            settled.append(time.perf_counter() - t)
        figures["accept"] = statistics.median(accepts)
        figures["accept_max"] = max(accepts)
        figures["settled"] = statistics.median(settled)
        # An editor who pauses, then accepts again, meets the whole-article audit running in its
        # worker thread: it shares the interpreter (the GIL) with the screen.
        for mode in ("process", "thread"):
            # the long article's audit runs in a child process (warm by now); a thread is how it ran before
            app.auditor.min_chars = MIN_CHARS if mode == "process" else 10**12
            figures[f"busy_{mode}"], figures[f"busy_n_{mode}"] = await busy_accepts(app, pilot)
        # A burst of keys with no waiting: each must land (five accepts in a row of fixable findings).
        app.view = app.view.with_(filter=("code", "TERM001"))
        app.refresh_view()
        app.select_item(next(i.id for i in app.view.apply(app.session.items) if i.state == OPEN))
        await pilot.pause()
        before = sum(i.state == ACCEPTED for i in app.session.items)
        await pilot.press(*"aaaaa")
        await settle(pilot)
        figures["burst"] = sum(i.state == ACCEPTED for i in app.session.items) - before
        text = app.session.text
        audits = []
        for _ in range(3):
            t = time.perf_counter()
            engine.audit(parse_article(text, str(path)))
            audits.append(time.perf_counter() - t)
        figures["audit"] = statistics.median(audits)
    return figures


async def busy_accepts(app, pilot) -> tuple[float | None, int]:
    busy = []
    for _ in range(5):
        item = next(i for i in app.session.items if i.state == OPEN and i.finding.fixes)
        app.select_item(item.id)
        app.after_change(item.id)  # a decision's aftermath: the worker's audit starts after a pause
        await asyncio.sleep(REFINE_AFTER + 0.2)
        running = any(w.group == "refine" and w.state == WorkerState.RUNNING for w in app.workers)
        painted = asyncio.Event()
        t = time.perf_counter()
        app.action_accept()
        app.call_after_refresh(painted.set)
        await painted.wait()
        if running:
            busy.append(time.perf_counter() - t)
        await settle(pilot)
    return (statistics.median(busy) if busy else None), len(busy)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=14000)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long_article.txt"
        text = build_article(args.words)
        path.write_text(text, encoding="utf-8")
        f = asyncio.run(measure(path))
    # The machine may be shared: the load says how far the milliseconds can be trusted.
    print(f"load average (1 min) before / after: {load_before:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    print(f"article: {len(text.split())} words, {f['findings']} findings")
    print(f"open (segment, audit, render): {f['open'] * 1000:.0f} ms")
    print(f"move to the next finding (pilot keypress): {f['move'] * 1000:.0f} ms median of 20 "
          f"(an unbound key costs the harness {f['idle'] * 1000:.0f} ms)")
    print(f"accept, key to redrawn screen (decision, its lines re-audited, rows updated): "
          f"{f['accept'] * 1000:.0f} ms median of 7 (slowest {f['accept_max'] * 1000:.0f} ms)")
    print(f"accept until the whole-article audit in the worker has settled: {f['settled'] * 1000:.0f} ms median")
    for mode in ("process", "thread"):
        if f[f"busy_{mode}"] is not None:
            print(f"accept pressed while that audit runs (in a child {mode}): "
                  f"{f[f'busy_{mode}'] * 1000:.0f} ms median of {f[f'busy_n_{mode}']}")
    print(f"yardstick, one whole-article parse + audit: {f['audit'] * 1000:.0f} ms; "
          f"accept / audit = {f['accept'] / f['audit']:.2f}; the desk's 150 ms is "
          f"{0.150 / f['audit']:.2f} of the yardstick here")
    print(f"burst of 5 accepts pressed without waiting: {f['burst']} accepted")
    print(Engine().signature())
    return 0


if __name__ == "__main__":
    sys.exit(main())
