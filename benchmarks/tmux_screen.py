"""Drive the real review app in tmux and check what the terminal shows.

    python benchmarks/tmux_screen.py [--sizes 160x45,80x24] [--cells glibc]

tmux, like xterm and gnome-terminal, draws with glibc's character widths. For each size and
sample article it starts `jaanch review` in a detached tmux session, waits for the findings,
moves through a few of them, and reads the screen back with capture-pane. It checks that:
- every row of the article pane is a run of whole words of one paragraph, and every paragraph
  whose start and end are both on screen is there word for word (no word cut or overprinted);
- the pane's right border stands in one column on every row (nothing overflowed);
- no row starts a Devanagari sign without its consonant (no cell cut mid-character);
- the footer shows Save, Help and Quit, and the progress line (`N/M reviewed`) is there.
It prints one line per screen and exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.cells import terminal_width  # noqa: E402

SAMPLES = ("ai_model_race_mt.txt", "phone_launch_mt.txt")
BOX = "│┃"
SCROLLBAR = "▁▂▃▄▅▆▇█▔▉▊▋▌▍▎▏"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def capture(name: str) -> list[str]:
    return tmux("capture-pane", "-p", "-t", name).splitlines()


def wait_for(name: str, pattern: str, timeout: float = 90) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = capture(name)
        if any(re.search(pattern, row) for row in rows):
            return rows
        time.sleep(0.5)
    raise TimeoutError(f"{pattern!r} never appeared:\n" + "\n".join(capture(name)))


def article_rows(rows: list[str]) -> tuple[list[str], list[int]]:
    """The article pane's rows (text inside its box) and the column of its right border on each."""
    top = next(i for i, r in enumerate(rows) if "╭" in r)
    left = rows[top].index("╭")
    texts, borders = [], []
    for row in rows[top + 1 :]:
        if len(row) <= left or row[left] not in BOX:
            break
        inner = row[left + 1 :]
        end = min((inner.index(c) for c in BOX if c in inner), default=None)
        if end is None:
            texts.append(inner.strip())
            borders.append(-1)
            continue
        texts.append(inner[:end].rstrip(SCROLLBAR + " ").strip())
        borders.append(terminal_width(row[: left + 1 + end]))
    return texts, borders


def check_screen(rows: list[str], words: list[str]) -> list[str]:
    """`words`: the whole article's words in order."""
    problems = []
    texts, borders = article_rows(rows)
    if len(set(borders)) != 1:
        problems.append(f"article border moves: columns {sorted(set(borders))}")
    seen = [w for t in texts for w in t.split()]
    if not seen:
        problems.append("no article text on screen")
    else:
        # What is on screen, read row after row, must be a stretch of the article: nothing cut,
        # overprinted or skipped. (The rows are whole words: a cut word would not match.)
        starts = [k for k, w in enumerate(words) if w == seen[0]]
        if not any(words[k : k + len(seen)] == seen for k in starts):
            for text in texts:
                if text and f" {text} " not in " " + " ".join(words) + " ":
                    problems.append(f"article row is not whole words of the article: {text!r}")
            problems.append("the article on screen is not a stretch of the article, word for word")
    for row in rows:
        for i, ch in enumerate(row):
            if unicodedata.category(ch).startswith("M") and 0x0900 <= ord(ch) <= 0x097F:
                prev = row[i - 1] if i else " "
                if not (0x0900 <= ord(prev) <= 0x097F):
                    problems.append(f"a sign without its consonant (cut mid-character): {row.strip()[:60]!r}")
                    break
    footer = rows[-1]
    for word in ("Save", "Help", "Quit"):
        if word not in footer:
            problems.append(f"footer lacks {word}: {footer.strip()!r}")
    if not any(re.search(r"\d+/\d+ reviewed", r) for r in rows):
        problems.append("no progress line")
    return problems


def run_one(size: str, sample: str, cells: str, tmp: Path) -> list[str]:
    width, height = size.split("x")
    path = tmp / sample
    shutil.copy(ROOT / "samples" / sample, path)
    name = f"jaanch-{os.getpid()}-{width}x{height}"
    python = sys.executable
    env = f"PYTHONPATH={ROOT} JAANCH_CELLS={cells} TERM=xterm-256color"
    tmux("new-session", "-d", "-s", name, "-x", width, "-y", height,
         f"env {env} {python} -m tui.cli review {path}; sleep 30")
    try:
        rows = wait_for(name, r"\d+/\d+ reviewed")
        words = path.read_text(encoding="utf-8").split()
        problems = check_screen(rows, words)
        for key in ("n", "n", "n"):  # move on: the article scrolls to other paragraphs
            tmux("send-keys", "-t", name, key)
        time.sleep(1.5)
        problems += check_screen(capture(name), words)
        tmux("send-keys", "-t", name, "?")
        try:
            wait_for(name, r"jaanch review: keys", timeout=20)
            time.sleep(1.0)
            help_rows = capture(name)
        except TimeoutError:
            help_rows = capture(name)
        if not any("jaanch review: keys" in r for r in help_rows) or not any("quit (asks" in r for r in help_rows):
            problems.append("help box clipped: its title or its last key is off screen")
            print("\n".join(help_rows))
        tmux("send-keys", "-t", name, "Escape")
        time.sleep(0.5)
        tmux("send-keys", "-t", name, "q")
        print(f"{size} {sample} ({cells}): {'ok' if not problems else 'FAILED'}")
        for problem in problems:
            print("   ", problem)
        if problems:
            print("\n".join(rows))
        return problems
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="160x45,80x24")
    parser.add_argument("--cells", default="glibc", choices=("glibc", "merged"))
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed (apt-get install tmux)", file=sys.stderr)
        return 2
    failed = 0
    # An idle session holds the tmux server up for the whole run: killing a run's session can end the
    # server, and the next run's new-session then meets it exiting ("server exited unexpectedly").
    keeper = f"jaanch-{os.getpid()}-keeper"
    tmux("new-session", "-d", "-s", keeper, "sleep 3600")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for size in args.sizes.split(","):
                for sample in SAMPLES:
                    failed += bool(run_one(size, sample, args.cells, Path(tmp)))
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
