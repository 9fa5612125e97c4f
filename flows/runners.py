"""Where the per-batch work runs: in the flow's own thread, in threads, or on a Dask cluster.

``sequential`` runs each batch in the flow's thread. ``threads`` uses Prefect's thread pool (the work is pure
Python, so threads overlap file I/O and Prefect's API calls, not computation). ``dask`` uses prefect-dask's
``DaskTaskRunner``: on an existing cluster (``--dask-address tcp://HOST:PORT``) or on a local cluster of worker
processes started for the run.

Process-based Dask workers report their task runs to the Prefect API. Point them at a Prefect server
(``PREFECT_API_URL``, set for the scheduler and workers alike): without one, each worker process starts its own
temporary server, which costs ~10 s per worker and shows its task runs nowhere.
"""

from __future__ import annotations

import os
from typing import Any

from transforms.batches import DEFAULT_BATCH_BYTES

RUNNERS = ("sequential", "threads", "dask")
BATCH_BYTES = {"sequential": DEFAULT_BATCH_BYTES, "threads": DEFAULT_BATCH_BYTES, "dask": 16_000_000}


def batch_bytes(runner: str, batch_mb: float | None = None) -> int:
    """Raw bytes per batch: ``batch_mb`` when given, else sized for ``runner``. A task on a Dask worker costs
    ~0.3 s besides its batch (Prefect's task engine opens an API client per task; Dask moves the batch and its
    rows), so Dask batches are 16 MB (a few seconds of work each; 15% faster than 4 MB on 100 MB, 2 workers). In
    the flow's process or its threads a task costs ~30 ms, and 4 MB keeps the batches in flight small."""
    if batch_mb is not None:
        return int(batch_mb * 1e6)
    check_runner(runner)
    return BATCH_BYTES[runner]


def check_runner(runner: str) -> None:
    """Raise ValueError, naming the choices, unless ``runner`` is one of ``RUNNERS``."""
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")


def task_runner(runner: str, dask_address: str | None = None, workers: int | None = None) -> Any:
    """The Prefect task runner for ``runner`` (None for ``sequential``); ``workers`` defaults to the CPU count.

    The flow opens it itself (``with task_runner(...) as r: r.submit(task, parameters)``), from its own
    parameters, so that a deployment's parameters choose the runner too."""
    check_runner(runner)
    n = workers or os.cpu_count() or 1
    if runner == "sequential":
        return None
    if runner == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=n)
    if runner == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": n, "threads_per_worker": 1, "processes": True, "dashboard_address": ":0",
            "config": _local_worker_config(),
        })
    raise AssertionError(f"runner {runner!r} is in RUNNERS but has no task runner")


def _local_worker_config() -> dict[str, Any]:
    """The Dask configuration of the local cluster's workers: this process's, without the statistical profiler
    (it samples every worker's stack every 10 ms, for a dashboard nobody opens here: ~5% of a worker's time).
    A cluster given by address keeps its own configuration."""
    import dask.config
    import distributed  # noqa: F401  (registers the distributed.* defaults)

    return {"distributed": dask.config.merge(dask.config.get("distributed"),
                                             {"worker": {"profile": {"enabled": False}}})}


def in_flight(runner: str, workers: int | None = None, batches_per_partition: int = 1) -> int:
    """How many batches to keep submitted ahead of the one being consumed. Enough to keep every worker busy
    while the flow validates and writes a partition (a partition's batches, plus one per worker), and no more:
    the batches in flight are what a run holds in memory besides the partition."""
    if runner == "sequential":
        return 1
    n = workers or os.cpu_count() or 1
    return max(2 * n, batches_per_partition + n)
