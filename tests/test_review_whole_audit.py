"""The whole-article audit of a long article runs in a child process: same findings, glossary edits seen."""

from __future__ import annotations


from audit.lint.engine import Engine
from audit.review.items import OPEN
from audit.review.session import ReviewSession
from audit.review.whole_audit import WholeArticleAuditor


def _keys(found):
    return [(f.code, f.start, f.end, f.message) for f in found]


def test_the_child_audits_as_the_session_does_and_sees_a_glossary_addition(story):
    engine = Engine()
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    auditor = WholeArticleAuditor(min_chars=0)  # every article goes to the child here
    try:
        assert auditor.in_child(session, session.text)
        assert _keys(auditor.audit(session, session.text)) == _keys(session.full_audit(session.text))
        # a glossary the editor adds to changes what the child must find
        item = next(i for i in session.items if i.state == OPEN and i.finding.code == "TERM003"
                    and i.finding.text == "लुमिनारा")
        session.add_to_glossary(item, session.glossary_target(), "Luminara", "लूमिनारा")
        found = auditor.audit(session, session.text)
        assert _keys(found) == _keys(session.full_audit(session.text))
        assert any(f.code == "TERM001" and f.text == "लुमिनारा" for f in found)
    finally:
        auditor.close()


def test_articles_with_models_or_a_source_stay_in_this_process(story):
    session = ReviewSession.open(story, Engine(), english="The race for AI models.")
    auditor = WholeArticleAuditor(min_chars=0)
    assert not auditor.in_child(session, session.text)
    assert not WholeArticleAuditor().in_child(ReviewSession.open(story, Engine()), "short text")


CHILD = """
import os, signal, sys
from audit.lint.engine import Engine
from audit.review.session import ReviewSession
from audit.review.whole_audit import WholeArticleAuditor
if __name__ == "__main__":
    session = ReviewSession.open(sys.argv[1], Engine())
    auditor = WholeArticleAuditor(min_chars=0)
    auditor.audit(session, session.text)
    print(*[p.pid for p in auditor._pool._processes.values()], flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # a review killed mid-session
"""


def test_the_child_leaves_when_the_review_is_killed(tmp_path, story):
    import os
    import subprocess
    import sys
    import time

    from conftest import ROOT

    script = tmp_path / "review.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, str(script), str(story)], capture_output=True, text=True, env=env,
                         timeout=300)
    pids = [int(p) for p in out.stdout.split()]
    assert pids, out.stderr

    def alive(pid):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        with open(f"/proc/{pid}/stat") as stat:  # a zombie has left already
            return stat.read().split(")")[-1].split()[0] != "Z"

    deadline = time.monotonic() + 30
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in pids)
