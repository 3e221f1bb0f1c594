"""`jaanch review --serve`: a browser-like client on localhost connects, presses keys, and the file is saved.

The client is aiohttp's websocket client speaking textual-serve's protocol (["stdin", keys]).
Nothing on the page may come from another site, and a second tab on the same article is told
that it is open elsewhere instead of sharing its journal. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import time

import aiohttp
import pytest

from conftest import ROOT, SAMPLES

DEADLINE = 120  # seconds for the whole exchange on a busy machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def read_until(ws, pattern: str, timeout: float) -> str:
    """Collect the app's screen output (binary frames) until `pattern` shows in it."""
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            break
        if msg.type == aiohttp.WSMsgType.BINARY:
            seen += msg.data.decode("utf-8", "replace")
        elif msg.type == aiohttp.WSMsgType.TEXT:
            seen += msg.data
        elif msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            break
        if re.search(pattern, seen):
            return seen
    raise AssertionError(f"{pattern!r} never came; last output: {seen[-400:]!r}")


@pytest.fixture()
def server(tmp_path):
    story = tmp_path / "story.txt"
    shutil.copy(SAMPLES / "phone_launch_mt.txt", story)
    port = free_port()
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", TMPDIR=str(tmp_path / "tmp"))
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "review", "--serve", "--host", "127.0.0.1",
                             "--port", str(port), str(story)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None:
                raise AssertionError(proc.stdout.read().decode())
            time.sleep(0.3)
    try:
        yield story, port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


async def _session(story, port):
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as http:
        async with http.get(base + "/") as page:
            html = await page.text()
        assert page.status == 200 and "fonts.googleapis" not in html
        assert not re.findall(r"""(?:href|src)\s*=\s*["']https?://(?!127\.0\.0\.1)""", html)  # nothing from outside
        async with http.ws_connect(base + "/ws?width=120&height=40") as ws:
            await read_until(ws, r"\d+/\d+ reviewed", 90)
            await ws.send_json(["stdin", "a"])  # accept the selected finding
            await read_until(ws, r"1/\d+ reviewed", 30)
            # a second tab on the same article is refused while the first has it open
            async with http.ws_connect(base + "/ws?width=120&height=40") as second:
                await read_until(second, r"open in another\s+review", 60)
            await ws.send_json(["stdin", "\x13"])  # ctrl+s
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and story.read_text(encoding="utf-8") == \
                    (SAMPLES / "phone_launch_mt.txt").read_text(encoding="utf-8"):
                await asyncio.sleep(0.2)
            await ws.send_json(["stdin", "q"])


def test_serve_offline_end_to_end(server):
    story, port, proc = server
    asyncio.run(asyncio.wait_for(_session(story, port), DEADLINE))
    saved = story.read_text(encoding="utf-8")
    assert saved != (SAMPLES / "phone_launch_mt.txt").read_text(encoding="utf-8")
    assert (story.parent / (story.name + "~")).exists()  # saved the review's way: previous version kept
    proc.terminate()
    shown = proc.communicate(timeout=20)[0].decode("utf-8", "replace")
    assert f"127.0.0.1:{port}" in shown  # the banner, once it listened
    assert not list((story.parent / "tmp").iterdir())  # its page template folder is removed on the way out


@pytest.mark.parametrize("where", ["host", "port in use"])
def test_a_place_it_cannot_serve_on_is_one_line_naming_it(tmp_path, where):
    """A host that does not resolve or a port already taken: one line saying where (it said only
    'Name or service not known'), exit 2."""
    story = tmp_path / "story.txt"
    shutil.copy(SAMPLES / "phone_launch_mt.txt", story)
    (tmp_path / "tmp").mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", TMPDIR=str(tmp_path / "tmp"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        host, port = ("256.1.1.1", "8000") if where == "host" else ("127.0.0.1", str(taken.getsockname()[1]))
        done = subprocess.run([sys.executable, "-m", "tui.cli", "review", "--serve", "--host", host, "--port", port,
                               str(story)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [done.stderr.strip()] and f"jaanch: cannot serve on {host}:{port}: " in done.stderr
    assert done.stdout == ""  # no "Serving ... on" banner for a server that never listened
    assert not list((tmp_path / "tmp").iterdir())  # nor a page template folder left behind
