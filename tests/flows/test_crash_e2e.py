"""Real processes: a run killed with SIGKILL at several points never breaks ``latest``, the next run cleans up
and succeeds, and two runs started at once on one output dir do not interleave."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from benchmarks.corpus import scaled_corpus, write_corpus
from flows.catalog import DEFAULT_TAXONOMY, PROJECT_ROOT, parquet_path
from flows.publish import file_digests
from transforms.schema import TABLES

pytestmark = pytest.mark.e2e


class Run:
    """``corpus-pipeline run`` in its own process group (the flow and its temporary Prefect server)."""

    def __init__(self, raw: Path, out: Path, taxonomy: Path = DEFAULT_TAXONOMY) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir", str(out),
             "--taxonomy", str(taxonomy), "--shard-mb", "0.25"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
            cwd=PROJECT_ROOT,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def output(self) -> str:
        return "".join(self.lines)

    def kill_when(self, condition: Callable[[], bool], timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.proc.poll() is None, f"the run ended before the kill point:\n{self.output()}"
            assert time.monotonic() < deadline, f"kill point not reached:\n{self.output()}"
            time.sleep(0.002)
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        self._reader.join(30)

    def wait(self, timeout: float = 300) -> int:
        code = self.proc.wait(timeout)
        self._reader.join(30)
        return code


def assert_latest_is_complete(out: Path, run_id: str) -> None:
    latest = out / "latest"
    assert latest.resolve().name == run_id
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    on_disk = file_digests(latest)
    on_disk.pop("manifest.json")
    assert on_disk == manifest["files"]
    for table in TABLES:
        assert pq.read_table(parquet_path(latest, table.name)).num_rows == manifest["row_counts"][table.name]


def taxonomy_variant(tmp_path: Path, name: str) -> Path:
    """The taxonomy with a different comment: a new hash, so every document is processed again."""
    path = tmp_path / f"taxonomy-{name}.toml"
    path.write_text(DEFAULT_TAXONOMY.read_text(encoding="utf-8") + f"\n# variant {name}\n", encoding="utf-8")
    shutil.copy(DEFAULT_TAXONOMY.with_name("emergency_management.md"), tmp_path)  # the codebook it names
    return path


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("crash") / "raw"
    write_corpus(scaled_corpus(PROJECT_ROOT / "raw", megabytes=1.5), raw)
    return raw


def test_kill_9_at_any_stage_leaves_latest_complete(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = Run(raw, out)
    assert first.wait() == 0, first.output()
    good = (out / "latest").resolve().name

    # Small shards (see Run): each kill lands while some shards are built and others not (the worker processes
    # that build them are in the run's process group, and die with it), or during the commit.
    kill_points: dict[str, Callable[[], Callable[[], bool]]] = {
        "planning": lambda: lambda: "plan: " in run.output(),
        "commit": lambda: lambda: "Task run 'stage_tables" in run.output(),
    }
    for name, condition in kill_points.items():
        run = Run(raw, out, taxonomy_variant(tmp_path, name))
        run.kill_when(condition())
        assert run.proc.returncode == -signal.SIGKILL, name
        assert_latest_is_complete(out, good)

    assert any((out / ".staging").iterdir())  # the last kill left a half-written run behind ...
    final = Run(raw, out, taxonomy_variant(tmp_path, "commit"))  # the taxonomy of the run killed at its commit
    assert final.wait() == 0, final.output()
    assert "removed leftovers of an interrupted run" in final.output()
    assert not (out / ".staging").exists() or not any((out / ".staging").iterdir())  # ... which is gone now
    assert not list(out.glob(".latest-*"))
    assert_latest_is_complete(out, (out / "latest").resolve().name)
    assert (out / "latest").resolve().name != good
    processed = json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8"))["processed"]
    assert processed["shards_reused"] == processed["shards"] > 1  # the killed run had built them all

    # Killed while shards are built: the next run builds only those the killed run had not finished.
    published = (out / "latest").resolve().name
    run = Run(raw, out, taxonomy_variant(tmp_path, "shards"))
    run.kill_when(lambda: " built in " in run.output())
    assert_latest_is_complete(out, published)
    resumed = Run(raw, out, taxonomy_variant(tmp_path, "shards"))
    assert resumed.wait() == 0, resumed.output()
    processed = json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8"))["processed"]
    assert 1 <= processed["shards_reused"] < processed["shards"]
    assert not list((out / "shards").glob(".tmp-*"))
    assert_latest_is_complete(out, (out / "latest").resolve().name)


def test_two_runs_at_once_do_not_interleave(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runs = [Run(raw, out), Run(raw, out)]
    assert [r.wait() for r in runs] == [0, 0], [r.output() for r in runs]
    published = sorted(p.name for p in (out / "runs").iterdir())
    assert len(published) == 2
    manifests = [json.loads((out / "runs" / r / "manifest.json").read_text(encoding="utf-8")) for r in published]
    for run_id, manifest in zip(published, manifests, strict=True):
        on_disk = file_digests(out / "runs" / run_id)
        on_disk.pop("manifest.json")
        assert on_disk == manifest["files"]
    first, second = sorted(manifests, key=lambda m: m["finished_at"])
    waited = sum("waiting for pid" in r.output() for r in runs)
    if second["started_at"] < first["finished_at"]:  # they overlapped: the second must have waited for the lock
        assert waited == 1
    # the run that went second found the first's shards and processed nothing
    assert (first["processed"]["processed"], second["processed"]["processed"]) == (len(list(raw.iterdir())), 0)
