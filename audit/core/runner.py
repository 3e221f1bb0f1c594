"""Run one piece of work per input in worker processes, results streamed back in input order.

`run_ordered(work, items, jobs)` is the one shape every corpus command uses (`check`, `report`,
`glossary mine`): `work` is a picklable callable sent to each worker once, `items` are small
(paths), and results come back in the order of `items` as soon as each is ready, so a caller
that writes them out as they come keeps its memory flat however large the corpus is.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from audit.core.errors import JaanchError

T = TypeVar("T")
R = TypeVar("R")

_WORK: Callable | None = None


def default_jobs() -> int:
    """The cores this process may run on (what `--jobs` defaults to)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Workers past the cores only take turns on them: each costs a fork, its share of the heap's pages
# and its place in the queue (`--jobs 1000` on 2 cores forked hundreds and ran 5.5x slower than
# `--jobs 2`). Two per core are allowed, for files slow to come off a network disk; past that the
# count is cut, with one line on stderr saying so. (300 articles on a busy 2-core machine: 4 workers
# ran 1.0-1.9x the time of 2, 8 workers 1.4-2.7x.)
JOBS_PER_CORE = 2
_WARNED: list[int] = []


def worker_count(jobs: int | None, items: int, cores: int | None = None) -> int:
    """The processes for `items` items when `jobs` are asked for (None: one per core): never more
    than the items, nor than JOBS_PER_CORE per core this process may run on."""
    cores = cores or default_jobs()
    wanted = max(1, min(jobs or cores, items))
    cap = JOBS_PER_CORE * cores
    if wanted <= cap:
        return wanted
    if not _WARNED:  # once a process: `report` and `mine` may run more than one pass
        _WARNED.append(wanted)
        print(f"jaanch: --jobs {jobs}: using {cap} worker processes ({JOBS_PER_CORE} for each of the {cores} "
              f"cores this process may run on); more would only take turns on them", file=sys.stderr)
    return cap


class Failed:
    """A user-facing error raised in a worker, carried back as a value (exceptions with
    keyword-style constructors do not survive pickling) and raised again in the parent."""

    def __init__(self, error: JaanchError):
        self.kind, self.reason, self.path, self.line = type(error), error.reason, error.path, error.line

    def raise_again(self):
        raise self.kind(self.reason, self.path, self.line)


def _start_worker(work: Callable) -> None:
    global _WORK, _SETTLED
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: see _WorkersIgnoreCtrlC
    if hasattr(signal, "pthread_sigmask"):  # born with it blocked; one pressed meanwhile is dropped now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _WORK = work
    _SETTLED = gc.get_freeze_count() > 0  # a forked worker inherits its parent's settled heap


_SETTLED = True  # in a worker: whether its heap was settled after its first item


_PAUSED = [False]  # the collector was switched off by collector_paused() and is not back on yet


@contextmanager
def collector_paused():
    """A command's start-up (imports, tables) and its first item run without the cyclic collector:
    they make next to no cyclic garbage (a few dozen objects over 40 articles) while its passes over
    the growing heap of tables cost about 7 % of a cold start's instructions. It is back on when
    the heap is settled after the first item (before any worker is forked) or when the block ends."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    _PAUSED[0] = True
    try:
        yield
    finally:
        _resume_collector()


def _resume_collector() -> None:
    if _PAUSED[0]:
        _PAUSED[0] = False
        if not gc.get_freeze_count():
            # what the pause made joins the oldest generation as it is: switched back on with a
            # count of a million new objects, the collector would at once walk them all (a tenth of
            # a cold start). A heap someone froze is left as they froze it.
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def _settle_heap() -> tuple[int, ...] | None:
    """After the first item, when the tables it needed are loaded: those are frozen out of the
    cyclic collector's scans, and a young collection waits for 10,000 new objects instead of 700.
    An article makes thousands of objects that reference counting frees; the collector's passes
    over them and over the tables cost about 1 ms per seed-sized article (a twentieth), and a forked
    worker that never scans the frozen tables never copies their pages."""
    if gc.get_freeze_count():
        _resume_collector()
        return None  # the caller manages its heap (the review TUI freezes its own)
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, *before[1:])
    _resume_collector()
    return before


def _unsettle_heap(before: tuple[int, ...] | None) -> None:
    """The caller's collector as it was, once the run is over (a test suite or a TUI runs on)."""
    if before is not None:
        gc.unfreeze()
        gc.set_threshold(*before)


def call_safely(work: Callable[[T], R], item: T) -> R | Failed:
    """`work(item)`, or the user-facing error it raised as a value (what any other process sends back)."""
    try:
        return work(item)
    except JaanchError as exc:
        return Failed(exc)


def _call(item):
    global _SETTLED
    result = call_safely(_WORK, item)
    if not _SETTLED:
        _settle_heap()
        _SETTLED = True
    return result


def _call_chunk(items: list) -> list:
    return [_call(item) for item in items]


def _progress_bar(total: int, desc: str, progress: bool | None):
    show = progress if progress is not None else (sys.stderr.isatty() and total > 1)
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="file", file=sys.stderr, leave=False)


def _single_threaded() -> bool:
    """Whether this process runs one thread, native ones included (a library's thread pool is not
    in `threading`'s count): only then may it fork, as no lock can be held by a thread that
    the child would not have."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: not Linux
        return False


class _WorkersIgnoreCtrlC:
    """While the pool starts its workers, this process holds SIGINT blocked, so forked workers are
    born with it held (a child keeps the signal mask); each worker then ignores SIGINT and lets it
    through (_start_worker). A spawned worker's mask is cleared at exec, so for those the parent
    ignores SIGINT meanwhile, which exec keeps.

    Ctrl-C reaches every process of the terminal's group. A worker that took it died with a
    traceback on the user's screen, and one that died inside the task queue's get() left the
    queue's lock held, so the parent's Pool.terminate() waited on it for ever. Now only the parent
    takes it: KeyboardInterrupt leaves the run, which terminates the workers.

    Blocking leaves the parent's handler as it was, and a Ctrl-C pressed while the workers start
    is delivered when this block ends, not lost. A handler a C library installed (signal.getsignal()
    says None) cannot be put back from Python, so it is never swapped; then only a Ctrl-C in a
    spawned worker's first moments can reach it."""

    def __init__(self, method: str):
        self.method = method

    def __enter__(self):
        self.mask = self.before = None
        if hasattr(signal, "pthread_sigmask"):
            self.mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        if ((self.method != "fork" or self.mask is None)
                and threading.current_thread() is threading.main_thread()  # signal() works there only
                and signal.getsignal(signal.SIGINT) is not None):
            self.before = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def __exit__(self, *exc):
        if self.before is not None:
            signal.signal(signal.SIGINT, self.before)
        if self.mask is not None:  # after the handler is back: a Ctrl-C held meanwhile goes to it
            signal.pthread_sigmask(signal.SIG_SETMASK, self.mask)


def _pool_class():
    """multiprocessing's Pool, less one wake-up: its worker-minding thread waits on the pipe results
    come back through as well as on the workers' exits, so while a result waits there (most of a
    run) it loops, checking every worker's exit status, until the result thread has read it: 12
    rounds per article, about 1.1 CPU s of this process per 2,000 articles, taken from the cores
    the workers need. It only has to replace a worker that exited (the pool sets no task limit
    per worker, so one exits only if it dies), and each worker's exit still wakes it."""
    from multiprocessing.pool import Pool

    class _Pool(Pool):
        born = 0  # worker processes started: past the pool's size, one died and was replaced

        def _get_sentinels(self):
            return [self._change_notifier._reader]

        def Process(self, ctx, *args, **kwds):  # noqa: N802 - multiprocessing's name
            self.born += 1
            return ctx.Process(*args, **kwds)

        @property
        def lost_a_worker(self) -> bool:
            return self.born > self._processes

    return _Pool


_WATCH_S = 1.0  # how often a wait for the next result looks for a dead worker


def _watched(pool, rest: list, chunk: int) -> Iterator:
    """The results of `rest`, worked in chunks by the pool, unless a worker dies: the pool then
    starts another, but the items the dead one held are never done, and the run waited for them for
    ever (a worker the kernel's out-of-memory killer took left `jaanch check --jobs` hanging). Then
    the run stops, naming the first file whose result had not come. (The chunks are made here, not
    by imap's chunksize, because only an iterator of single tasks can wait with a timeout.)"""
    from multiprocessing import TimeoutError as Waited

    chunks = [rest[i : i + chunk] for i in range(0, len(rest), chunk)]
    results = pool.imap(_call_chunk, chunks)
    for items in chunks:
        while True:
            try:
                done = results.next(timeout=_WATCH_S)
                break
            except Waited:
                if pool.lost_a_worker:
                    raise JaanchError("a worker process died (killed by the system: out of memory?) while checking "
                                      "this file or one after it; try fewer --jobs", str(items[0])) from None
        yield from done


def run_ordered(work: Callable[[T], R], items: Iterable[T], jobs: int | None = None,
                progress: bool | None = None, desc: str = "jaanch") -> Iterator[R]:
    """Yield `work(item)` for every item, in input order, using up to `jobs` processes.

    jobs=1 runs in this process; the output is the same either way. A progress bar goes to
    stderr when it is a terminal (progress=None) or when asked.

    On Linux, from a process with a single thread, the first item is worked here and the workers
    are then forked: they start with every table the first item loaded (a spawned worker spent
    about 0.8 CPU s importing and loading them before its first article) and nothing is pickled to
    them. Elsewhere, or where a library has started threads, workers are spawned: nothing running
    in this process is inherited half-alive.
    """
    items = list(items)
    jobs = worker_count(jobs, len(items))
    bar = settled = None
    try:
        if jobs == 1:
            bar = _progress_bar(len(items), desc, progress)
            for n, item in enumerate(items):
                yield work(item)
                if n == 0 and len(items) > 1:
                    settled = _settle_heap()
                if bar is not None:
                    bar.update(1)
            return
        from multiprocessing import get_context

        done = 0
        method = "fork" if _single_threaded() else "spawn"
        if method == "fork":
            first = call_safely(work, items[0])
            if isinstance(first, Failed):
                first.raise_again()
            yield first
            settled = _settle_heap()  # before the fork, so the workers inherit it
            done = 1  # (multiprocessing flushes stdout before it forks: the child has none of it to write again)
            if not _single_threaded():  # the first item, or its consumer, started a thread: no fork now
                method = "spawn"
        rest = items[done:]
        jobs = min(jobs, len(rest))
        _resume_collector()  # spawned workers from the start: this process only waits for results now
        # Small chunks keep the head of the queue moving, so results stream out steadily, and at
        # the end one worker waits out at most the other's last chunk (16 articles: a third of a
        # second); the pipe costs about 10 µs of the parent's CPU per item in chunks of 4, 40 µs alone.
        chunk = max(1, min(4, len(rest) // (jobs * 8)))
        jobs = min(jobs, -(-len(rest) // chunk))  # never a worker with no chunk to work
        pool = None
        try:
            with _WorkersIgnoreCtrlC(method):
                pool = _pool_class()(jobs, initializer=_start_worker, initargs=(work,), context=get_context(method))
        except BaseException:  # a Ctrl-C held while they started arrives as the block ends
            if pool is not None:
                pool.terminate()
            raise
        with pool:
            bar = _progress_bar(len(items), desc, progress)  # after the fork: its monitor is a thread
            if bar is not None:
                bar.update(done)
            for result in _watched(pool, rest, chunk):
                if isinstance(result, Failed):
                    result.raise_again()
                yield result
                if bar is not None:
                    bar.update(1)
    finally:
        _unsettle_heap(settled)
        if bar is not None:
            bar.close()
