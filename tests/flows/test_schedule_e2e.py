"""The scheduled deployment, for real: ``prefect server start`` on a free loopback port, ``corpus-pipeline serve``
in its own process, runs triggered through the Prefect API, their final states and artifacts read back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    DeploymentFilter,
    DeploymentFilterId,
)
from prefect.deployments import run_deployment
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.catalog import PROJECT_ROOT
from tests.flows.prefect_server import PrefectServer

pytestmark = pytest.mark.e2e

DEPLOYMENT = "corpus-pipeline/test-schedule"


@pytest.fixture
def served(prefect_server: PrefectServer, tmp_path: Path) -> Iterator[Path]:
    """``corpus-pipeline serve`` on the sample corpus, until the test ends; yields its output dir."""
    out = tmp_path / "out"
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows", "serve", "--raw-dir", str(PROJECT_ROOT / "raw"), "--out-dir", str(out),
         "--name", "test-schedule", "--cron", "30 3 * * 1", "--timezone", "Europe/Berlin"],
        env=prefect_server.env(), cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        with temporary_settings({PREFECT_API_URL: prefect_server.url}):
            yield out
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
        log.close()


def wait_for_deployment(timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            try:
                return client.read_deployment_by_name(DEPLOYMENT)
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)


def finished(flow_run_id: UUID, timeout: float = 300) -> Any:
    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            run = client.read_flow_run(flow_run_id)
            if run.state is not None and run.state.is_final():
                return run
            assert time.monotonic() < deadline, f"flow run still {run.state}"
            time.sleep(1)


def test_a_served_deployment_runs_on_schedule_and_on_demand(
    served: Path, tmp_path: Path, prefect_server: PrefectServer
) -> None:
    deployment = wait_for_deployment()
    (schedule,) = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == ("30 3 * * 1", "Europe/Berlin",
                                                                                       True)
    assert deployment.parameters["settings"]["out_dir"] == str(served)  # absolute: runs start in another directory

    # A run triggered by hand, with the command the README gives, completes and publishes.
    triggered = subprocess.run(
        [str(Path(sys.executable).parent / "prefect"), "deployment", "run", DEPLOYMENT, "--watch"],
        env=prefect_server.env(), capture_output=True, text=True, timeout=600,
    )
    assert triggered.returncode == 0, triggered.stdout + triggered.stderr
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])))
    # The schedule has also created future runs (state Scheduled); the triggered one has ended.
    (run,) = [r for r in runs if r.state is not None and r.state.is_final()]
    run = finished(run.id)
    assert run.state.is_completed(), run.state
    manifest = json.loads((served / "latest" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["validation"]["success"] and manifest["row_counts"]["articles"] == 3
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(
            any_=[run.id])))
    by_key = {a.key: a for a in artifacts}
    assert {"row-counts", "validation-summary", "change-report", "corpus-pipeline-progress"} <= set(by_key)
    assert float(by_key["corpus-pipeline-progress"].data) == 100.0

    # A run that fails shows as FAILED, with the reason, and leaves latest alone.
    good = (served / "latest").resolve()
    missing = tmp_path / "no-such-dir"
    settings = {**deployment.parameters["settings"], "raw_dir": str(missing)}  # one setting changed for one run
    run = finished(run_deployment(DEPLOYMENT, parameters={"settings": settings}, timeout=0).id)
    assert run.state.is_failed(), run.state
    assert "does not exist" in (run.state.message or ""), run.state.message
    assert (served / "latest").resolve() == good
