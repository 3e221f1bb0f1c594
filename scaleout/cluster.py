"""Connecting to Ray: `local` starts one on this machine, anything else is a cluster address."""

from __future__ import annotations

import logging
import os
import re
import socket
import sys
import warnings
from contextlib import contextmanager

from audit.core.errors import JaanchError, UsageError


class ClusterError(JaanchError):
    """Ray could not be reached, or a Ray worker failed in a way no retry mends."""


def import_ray():
    try:
        import ray
    except ImportError:
        raise UsageError("--ray needs the ray extra: pip install 'jaanch[ray]'") from None
    return ray


def connect(address: str):
    """(the ray module, whether this call started it): a Ray already running in this process is reused."""
    ray = import_ray()
    started = not ray.is_initialized()
    if started:
        # jaanch's one-line messages are the user's interface: Ray's own notes (its daemons' and workers'
        # log lines, its security advice) stay in Ray's log folder, not on the user's stderr. A unit's
        # failure comes back as a result, not as a worker's log line, so nothing of jaanch's is lost.
        options = {"include_dashboard": False, "logging_level": logging.ERROR, "log_to_driver": False}
        # The same for the C++ core worker of this process, which writes its errors to stderr too (that
        # an actor's constructor arguments sit in the object store, say), and for Ray Data's advice on
        # sizing the pool, given as Python warnings. A level the user set is theirs, and so is its output.
        ours = "RAY_BACKEND_LOG_LEVEL" not in os.environ
        if ours:
            os.environ["RAY_BACKEND_LOG_LEVEL"] = "fatal"
        warnings.filterwarnings("ignore", category=UserWarning, module=r"ray(\.|$)")
        unreachable = _unreachable(address)
        if unreachable:
            raise ClusterError(f"--ray {address}: cannot reach Ray there ({unreachable})")
        try:
            with _stderr_aside(ours):
                if address == "local":
                    ray.init(num_cpus=os.cpu_count() or 1, **options)
                else:
                    ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ClusterError(f"--ray {address}: cannot start or reach Ray: {str(exc).splitlines()[0]}") from None
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results come back in input order
    context.enable_progress_bars = sys.stderr.isatty()
    context.print_on_execution_start = False
    # Ray Data's notes (progress bars off, execution plans) would bury jaanch's one-line messages
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return ray, started


@contextmanager
def _stderr_aside(aside: bool):
    """Standard error (the file descriptor: Ray's C++ core writes to it) pointed at /dev/null while Ray
    starts in this process: the core says there, whatever its level, that it read its level from
    RAY_BACKEND_LOG_LEVEL. A failed start is still jaanch's one line (the exception, raised after)."""
    if not aside:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


# HOST:PORT or ray://HOST:PORT (a bracketed IPv6 host too); `local`, `auto` and the rest are Ray's to read
_ADDRESS = re.compile(r"(?:ray://)?(?:\[([^\]]+)\]|([^:/\[\]]+)):(\d+)/?")
REACH_TIMEOUT = 10.0  # seconds to wait for a TCP answer from the address


def _unreachable(address: str) -> str | None:
    """Why nothing answers at a HOST:PORT address, or None (answered, or not such an address).

    Ray itself waits minutes on an address where nothing listens, printing its C++ client's warnings
    every few seconds; one TCP connection says in a moment whether anything is there."""
    m = _ADDRESS.fullmatch(address)
    if m is None:
        return None
    host, port = m.group(1) or m.group(2), int(m.group(3))
    if not 0 < port < 65536:
        return f"port {port} is not from 1 to 65535"
    try:
        socket.create_connection((host, port), timeout=REACH_TIMEOUT).close()
    except socket.gaierror:
        return f"no such host {host}"
    except TimeoutError:
        return f"no answer in {REACH_TIMEOUT:g} s"
    except OSError as exc:
        return (exc.strerror or str(exc)).lower()
    return None


def pool(ray, workers: int | None, gpus: bool, qe: bool = False) -> tuple[int, float]:
    """(actors, GPUs per actor): one actor per CPU, or per GPU when the QE model runs on GPUs."""
    resources = ray.cluster_resources()
    if gpus:
        available = int(resources.get("GPU", 0))
        if available < 1:
            raise UsageError("--qe-device cuda: the Ray cluster has no GPUs")
        return workers or available, 1.0
    if qe and resources.get("GPU", 0) >= 1:
        print(f"jaanch: the Ray cluster has {int(resources['GPU'])} GPUs; pass --qe-device cuda to score on them",
              file=sys.stderr)
    return workers or max(1, int(resources.get("CPU", 1))), 0.0
