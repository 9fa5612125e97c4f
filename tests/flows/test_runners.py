from __future__ import annotations

import dask.config
import pytest

from flows.runners import _local_worker_config, batch_bytes, in_flight, task_runner


def test_batches_are_sized_for_the_runner_unless_given() -> None:
    assert batch_bytes("sequential") == batch_bytes("threads") == 4_000_000
    assert batch_bytes("dask") == 16_000_000  # a Dask task costs more besides its batch
    assert batch_bytes("dask", 0.5) == batch_bytes("sequential", 0.5) == 500_000
    with pytest.raises(ValueError, match="unknown runner"):
        batch_bytes("processes")


def test_local_dask_workers_run_without_the_profiler_and_otherwise_as_configured() -> None:
    config = _local_worker_config()["distributed"]
    assert config["worker"]["profile"]["enabled"] is False
    assert config["worker"]["profile"]["interval"] == dask.config.get("distributed.worker.profile.interval")
    assert config["worker"]["memory"] == dask.config.get("distributed.worker.memory")
    assert config["scheduler"] == dask.config.get("distributed.scheduler")
    runner = task_runner("dask", workers=2)
    assert runner.cluster_kwargs["config"] == {"distributed": config}
    assert task_runner("dask", dask_address="tcp://127.0.0.1:8786").cluster_kwargs.get("config") is None


def test_batches_in_flight_cover_a_partition_and_every_worker() -> None:
    assert in_flight("sequential") == 1
    assert in_flight("dask", workers=2, batches_per_partition=2) == 4
    assert in_flight("threads", workers=2, batches_per_partition=8) == 10
