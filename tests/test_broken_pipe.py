"""A reader that leaves early (`jaanch check . | head -1`) ends the run with 141, the shell's code
for a SIGPIPE (128 + 13, what `yes | head -1` gives), silently: no traceback, no second message.
It was 0, so under `set -o pipefail` a run with findings passed CI."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

# enough findings that the report is far larger than a pipe's buffer (64 kB)
STORY = "कंपनी ने ₹ 500 में फोन बेचा।उसके कस्टमर्स ने डिसीजन लिया।\n" * 2000  # a warning, so exit 1 if read whole


def _jaanch(article, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.Popen([sys.executable, "-m", "audit.cli.main", "check", str(article)],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, **kwargs)


def test_a_reader_gone_before_the_first_line(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has left before jaanch writes anything
    try:
        proc = _jaanch(article, stdout=write_end)
    finally:
        os.close(write_end)
    _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (141, b"")


def test_a_reader_that_takes_one_line_and_leaves(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    proc = _jaanch(article, stdout=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert b"story.txt:1:" in first
    assert (proc.returncode, err) == (141, b"")


def test_a_reader_that_reads_everything_sees_the_findings_code(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    proc = _jaanch(article, stdout=subprocess.PIPE)
    out, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (1, b"") and len(out) > 64 * 1024
