"""Ray Data over a list of files: a pool of actors, each holding one copy of the work (one loaded engine).

The work is the very callable `--jobs` sends to its worker processes (check's CheckJob, report's
per-article rows, mine's name scan), so a Ray run and a plain run cannot drift apart. Files are listed
by the plain command's own code (the same set, the same order), fed to Ray Data as (index, path) rows,
and read by jaanch's own readers inside the actors: offsets and error lines are those of a plain run.

Ray Data's actor pool restarts an actor whose process dies and retries its batch (max_restarts and
max_task_retries are -1 there by default; a test kills one). A unit writes nothing (--fix is refused
here), so a retried batch gives the same results, and the reorder below keeps one copy of each.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from audit.core.runner import Failed, call_safely

BATCH = 16  # files per call: small enough that a retry redoes little and the pool stays balanced


class UnitActor:
    """One copy of the work per actor; its engine and models load on the first file and stay loaded."""

    def __init__(self, work: Callable, as_rows: bool = False):
        self.work, self.as_rows = work, as_rows

    def __call__(self, batch: dict) -> dict:
        indexes, paths = [int(i) for i in batch["index"]], [str(p) for p in batch["path"]]
        outcomes = [call_safely(self.work, Path(path)) for path in paths]
        if self.as_rows:
            from scaleout.parquet import file_row, rows_table

            return rows_table([file_row(i, p, o) for i, p, o in zip(indexes, paths, outcomes)])
        import numpy as np

        payload = np.empty(len(outcomes), dtype=object)
        payload[:] = [pickle.dumps(o) for o in outcomes]
        return {"index": np.array(indexes, dtype=np.int64), "payload": payload}


def _dataset(ray, work: Callable, paths: list, workers: int, gpus: float, as_rows: bool):
    items = [{"index": i, "path": str(p)} for i, p in enumerate(paths)]
    blocks = max(1, min(len(items), workers * 8))
    # no more actors than blocks to hand them: each loads an engine (or a model) for nothing else
    return ray.data.from_items(items, override_num_blocks=blocks).map_batches(
        UnitActor, fn_constructor_args=(work, as_rows), batch_size=BATCH, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(workers, blocks)), num_cpus=1, num_gpus=gpus or None)


def ray_runner(ray, workers: int, gpus: float = 0.0):
    """A drop-in for audit.core.runner.run_ordered that maps the work on the Ray cluster."""

    def run(work: Callable, items: Iterable, jobs: int | None = None, progress: bool | None = None,
            desc: str = "jaanch") -> Iterator:
        paths = list(items)
        pending: dict[int, object] = {}
        expected = 0
        for batch in _dataset(ray, work, paths, workers, gpus, False).iter_batches(batch_size=None,
                                                                                batch_format="numpy"):
            for index, payload in zip(batch["index"], batch["payload"]):
                index = int(index)
                if index >= expected and index not in pending:  # a second copy of a unit adds nothing
                    pending[index] = pickle.loads(payload)
            while expected in pending:
                outcome = pending.pop(expected)
                if isinstance(outcome, Failed):
                    outcome.raise_again()
                yield outcome
                expected += 1
        if expected != len(paths):
            from scaleout.cluster import ClusterError

            raise ClusterError(f"Ray returned {expected} of {len(paths)} files")

    return run


def write_parquet(ray, work: Callable, paths: list, folder: Path, workers: int, gpus: float = 0.0) -> None:
    """Workers write the rows themselves: nothing of the archive passes through this process."""
    _dataset(ray, work, paths, workers, gpus, True).write_parquet(str(folder))
