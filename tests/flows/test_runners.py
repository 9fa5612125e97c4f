from __future__ import annotations

import os

import dask.config
import pytest

from flows.runners import _local_worker_config, _task_runner, check_runner, in_worker_process, warm_up


def test_an_unknown_runner_is_a_clear_error() -> None:
    check_runner("processes")
    with pytest.raises(ValueError, match="unknown runner 'gpu': choose one of processes, sequential"):
        check_runner("gpu")


def test_local_dask_workers_run_without_the_profiler_and_otherwise_as_configured() -> None:
    config = _local_worker_config()["distributed"]
    assert config["worker"]["profile"]["enabled"] is False
    assert config["worker"]["profile"]["interval"] == dask.config.get("distributed.worker.profile.interval")
    assert config["worker"]["memory"] == dask.config.get("distributed.worker.memory")
    assert config["scheduler"] == dask.config.get("distributed.scheduler")
    runner = _task_runner("dask", None, workers=2)
    assert runner.cluster_kwargs["config"] == {"distributed": config}
    assert _task_runner("dask", "tcp://127.0.0.1:8786", workers=2).cluster_kwargs.get("config") is None
    assert _task_runner("sequential", None, workers=2) is None


def test_work_given_to_a_worker_process_runs_there_and_errors_come_back() -> None:
    warm_up(1)
    assert in_worker_process(os.getpid) != os.getpid()
    with pytest.raises(FileNotFoundError):
        in_worker_process(os.stat, "/no/such/file")


def test_peak_rss_is_this_processs_own_not_its_forking_parents() -> None:
    import subprocess
    import sys

    from flows.shards import peak_rss_mb

    here = peak_rss_mb()
    assert 10 < here < 100_000
    ballast = bytearray(300 * 2**20)  # the parent holds 300 MB more; a child started from it does not
    ballast[::4096] = b"x" * len(ballast[::4096])
    child = subprocess.run([sys.executable, "-c", "from flows.shards import peak_rss_mb; print(peak_rss_mb())"],
                           capture_output=True, text=True, check=True)
    assert float(child.stdout) < peak_rss_mb() - 200
    del ballast
