"""The whole-article audit that settles a review, in a process of its own for a long article.

The review screen runs every decision on its own thread. A whole-article audit in a thread
beside it shares the interpreter lock: a key pressed while a 14,000-word article was audited
took about twice as long to answer. In a child process it takes the other core instead.

The child keeps its engine (glossary, lexicon) between audits and loads it again only when the
configuration or a glossary file changed (an editor's glossary addition). Articles with model
findings (house LM, QE) or an English source are audited in the caller's thread as before: their
models and alignment live in this process.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from audit.core.document import parse_article
from audit.core.findings import Finding
from audit.lint.engine import Engine
from audit.policy.inline import apply_inline

# Below this many characters a whole-article audit is short enough to share the interpreter.
MIN_CHARS = 20_000

_ENGINE: dict[tuple, Engine] = {}  # in the child: the engine for the last configuration seen


def _start_child(parent: int) -> None:
    """In the child: yield the processor to the screen (a lower priority: the audit is background
    work), and leave when the review that started it is gone, even after a kill -9 (a pool child
    would otherwise wait on its queue for ever, holding the tables in memory)."""
    try:
        os.nice(10)
    except OSError:
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="jaanch-parent-watch").start()


def _audit_in_child(key: tuple, config: bytes, text: str, path: str) -> list[Finding]:
    engine = _ENGINE.get(key)
    if engine is None:
        _ENGINE.clear()
        engine = _ENGINE[key] = pickle.loads(config)
    article = parse_article(text, path)
    return apply_inline(article, engine.audit(article))[0]


def _stamp(engine: Engine) -> tuple:
    """What says a glossary file changed: its size and modification time."""
    out = []
    for path in engine.glossary_paths:
        try:
            info = os.stat(path)
            out.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError:
            out.append((str(path), None, None))
    return tuple(out)


class WholeArticleAuditor:
    """`audit(session, text)`: what `session.full_audit(text)` returns, off the interpreter when it can."""

    def __init__(self, min_chars: int = MIN_CHARS):
        self.min_chars = min_chars
        self._pool: ProcessPoolExecutor | None = None

    def in_child(self, session, text: str) -> bool:
        return session.extra is None and session.english is None and len(text) >= self.min_chars

    def audit(self, session, text: str) -> list[Finding]:
        if not self.in_child(session, text):
            return session.full_audit(text)
        config = pickle.dumps(session.engine)
        key = (config, _stamp(session.engine))
        try:
            # Starting the child passes it stderr's descriptor; a UI that captures stderr (Textual
            # does) gives a stand-in without one, so the real stream is put back for the start.
            captured, sys.stderr = sys.stderr, sys.__stderr__ or sys.stderr
            try:
                if self._pool is None:
                    # spawned, not forked: the screen's threads are not copied half-alive into the child
                    self._pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_start_child,
                                                     initargs=(os.getpid(),))
                future = self._pool.submit(_audit_in_child, key, config, text, str(session.path))
            finally:
                sys.stderr = captured
            return future.result()
        except BrokenProcessPool:  # the child died (killed, out of memory): audit here instead
            self._pool = None
            return session.full_audit(text)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
