"""Where shards are built: in this machine's worker processes, in the flow's own thread, in threads, or on a
Dask cluster. The flow hands a ``ShardRunner`` its shards and gets their summaries back, in order.

``processes`` (the default) builds each shard in one of ``workers`` local processes (spawned once per Python
process and kept for its later runs; ``warm_up`` starts them early), each shard a Prefect task run whose thread
waits for its process: shards are pure CPU work, and a process each is what uses every core. ``sequential``
builds each shard in the flow's thread. ``threads`` uses Prefect's thread pool (the work is pure Python, so
threads overlap file I/O only). ``dask`` uses prefect-dask's ``DaskTaskRunner``: on an existing cluster
(``--dask-address tcp://HOST:PORT``) or on a local cluster of worker processes started for the run.

Workers read the raw files and write the shard store by path (``flows.shards``): a cluster on other machines
needs the raw and output dirs on shared storage. Process-based Dask workers report their task runs to the
Prefect API. Point them at a Prefect server (``PREFECT_API_URL``, set for the scheduler and workers alike):
without one, each worker process starts its own temporary server, which adds a server's start-up to every
worker and shows its task runs nowhere.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, TypeVar

RUNNERS = ("processes", "sequential", "threads", "dask")
DEFAULT_RUNNER = "processes"

R = TypeVar("R")


def check_runner(runner: str) -> None:
    """Raise ValueError, naming the choices, unless ``runner`` is one of ``RUNNERS``."""
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")


def worker_count(workers: int | None = None) -> int:
    return workers or os.cpu_count() or 1


class ShardRunner:
    """``with ShardRunner(runner, ...) as r: r.map(task, setup, groups)``: the task's result for each group of
    shards, in order. ``task`` is a Prefect task taking ``(setup, group, in_process)``; with ``processes`` it
    is run in a thread that hands the work to a local worker process (``in_worker_process``)."""

    def __init__(self, runner: str, dask_address: str | None = None, workers: int | None = None) -> None:
        check_runner(runner)
        self.runner = runner
        self.workers = worker_count(workers)
        self._pool = _task_runner(runner, dask_address, self.workers)

    def __enter__(self) -> ShardRunner:
        if self._pool is not None:
            self._pool.__enter__()
        if self.runner == "processes":
            _local_pool(self.workers)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.__exit__(kind, error, tb)

    def map(self, task: Any, setup: Any, groups: Sequence[Any], done: Callable[[Any], None] = lambda group: None
            ) -> list[Any]:
        """``task(setup, group)`` for every group of shards, on the runner; ``done(group)`` as each result is
        taken, in order."""
        from prefect.utilities.annotations import quote

        results = []
        if self._pool is None:  # quoted: Prefect would walk every file of the shard and rule of the taxonomy
            for group in groups:
                results.append(task(quote(setup), quote(group)))
                done(group)
            return results
        in_process = self.runner == "processes"
        # a Dask worker does not unwrap quoted values: plain ones there, walked by Prefect once per shard
        wrap = (lambda v: v) if self.runner == "dask" else quote
        futures = [self._pool.submit(task, {"setup": wrap(setup), "group": wrap(group), "in_process": in_process})
                   for group in groups]
        for group, future in zip(groups, futures, strict=True):
            results.append(future.result())
            done(group)
        return results


def _task_runner(runner: str, dask_address: str | None, workers: int) -> Any:
    if runner == "sequential":
        return None
    if runner in ("threads", "processes"):
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": ":0",
            "config": _local_worker_config(),
        })
    raise AssertionError(f"runner {runner!r} is in RUNNERS but has no task runner")


def _local_worker_config() -> dict[str, Any]:
    """The Dask configuration of the local cluster's workers: this process's, without the statistical profiler
    (it samples every worker's stack every 10 ms, for a dashboard nobody opens here, at a cost to every worker).
    A cluster given by address keeps its own configuration."""
    import dask.config
    import distributed  # noqa: F401  (registers the distributed.* defaults)

    return {"distributed": dask.config.merge(dask.config.get("distributed"),
                                             {"worker": {"profile": {"enabled": False}}})}


_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _local_pool(workers: int) -> ProcessPoolExecutor:
    """This process's pool of worker processes, of ``workers`` processes (made again when the size changes or
    a worker died). Spawned, never forked: the flow's process runs Prefect's threads."""
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_worker_started)
            _pool_size = workers
        return _pool


def _worker_started() -> None:
    from flows.validation import warm_up

    warm_up()  # imports Great Expectations (seconds) once per worker, before its first shard


def _ready() -> int:
    return os.getpid()


def warm_up(workers: int | None = None) -> None:
    """Start the worker processes now, without waiting: the command line calls this before Prefect starts its
    temporary server (seconds, mostly waiting), so the workers' imports are done by the time the first shard
    comes."""
    pool = _local_pool(worker_count(workers))
    for _ in range(worker_count(workers)):
        pool.submit(_ready)


def in_worker_process(fn: Callable[..., R], *args: Any) -> R:
    """``fn(*args)`` in a local worker process (the pool of the last ``ShardRunner`` of runner ``processes``, or
    of ``warm_up``). A worker that died (killed, out of memory) fails this call; the pool is made again for the
    next one."""
    global _pool
    pool = _pool if _pool is not None else _local_pool(worker_count())
    try:
        return pool.submit(fn, *args).result()
    except BrokenProcessPool:
        with _lock:
            if _pool is pool:
                _pool = None
        raise
