"""Every runner writes the same files: sequential, threads, and Dask worker processes against a real Prefect
server (a local 2-worker cluster given by address, as an existing cluster would be)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from benchmarks.corpus import scaled_corpus, write_corpus
from flows.catalog import PROJECT_ROOT
from tests.flows.prefect_server import PrefectServer
from transforms.schema import TABLES
from transforms.tables import DOCUMENT_TABLES

pytestmark = pytest.mark.e2e

# Small shards, so that a 1 MB corpus makes several.
SMALL = ["--shard-mb", "0.2"]


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("runners") / "raw"
    write_corpus(scaled_corpus(PROJECT_ROOT / "raw", megabytes=1.0), raw)
    return raw


def run(raw: Path, out: Path, env: dict[str, str], *options: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir", str(out), *SMALL, *options],
        env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def table_files(out: Path) -> dict[str, bytes]:
    latest = out / "latest"
    return {p.relative_to(latest).as_posix(): p.read_bytes() for p in sorted(latest.rglob("*")) if
            p.is_file() and p.relative_to(latest).parts[0] in ("parquet", "csv")}


def test_threads_and_dask_write_byte_identical_tables(
    raw: Path, tmp_path: Path, prefect_server: PrefectServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = prefect_server.env()
    run(raw, tmp_path / "sequential", env, "--runner", "sequential")
    expected = table_files(tmp_path / "sequential")
    shards = len(list((tmp_path / "sequential" / "latest" / "parquet" / "sentences").iterdir()))
    assert shards >= 4 and len(expected) == len(DOCUMENT_TABLES) * 2 * shards + 3 * 2 + len(TABLES)
    assert b"" not in expected.values()

    run(raw, tmp_path / "processes", env)  # the default: local worker processes
    assert table_files(tmp_path / "processes") == expected

    run(raw, tmp_path / "threads", env, "--runner", "threads", "--workers", "2")
    assert table_files(tmp_path / "threads") == expected

    # Worker processes inherit the environment: they report to the same server (no temporary servers).
    monkeypatch.setenv("PREFECT_API_URL", prefect_server.url)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        output = run(raw, tmp_path / "dask", env, "--runner", "dask", "--dask-address", cluster.scheduler_address)
        ran = client.run_on_scheduler(
            lambda dask_scheduler: {k: v.state_counts["memory"] + v.state_counts["released"] + v.state_counts[
                "forgotten"] for k, v in dask_scheduler.task_prefixes.items()}
        )
    assert table_files(tmp_path / "dask") == expected
    assert sum(ran.values()) >= shards, ran  # the shards were built on the cluster's workers
    assert "Starting temporary server" not in output
