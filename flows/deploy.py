"""The scheduled deployment of the main flow: ``corpus-pipeline serve`` (see README, "Run on a schedule").

``serve`` registers the deployment with the Prefect server at ``PREFECT_API_URL`` (a cron schedule and the
flow's parameters) and then runs, in this process, every flow run the server schedules for it or that
someone triggers (from the UI, ``prefect deployment run``, or the API). Each flow run is a subprocess that
loads the flow by module path, so it does not depend on the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from transforms.errors import CorpusError

DEFAULT_CRON = "0 2 * * *"  # daily at 02:00
DEFAULT_TIMEZONE = "UTC"
DEFAULT_NAME = "daily"
FLOW_NAME = "corpus-pipeline"


def deployment_parameters(raw_dir: Path, out_dir: Path, **options: Any) -> dict[str, Any]:
    """The flow's parameters for every scheduled run; paths are made absolute, as runs start elsewhere."""
    return {"raw_dir": str(raw_dir.resolve()), "out_dir": str(out_dir.resolve()),
            **{k: str(v.resolve()) if isinstance(v, Path) else v for k, v in options.items() if v is not None}}


def serve(name: str, cron: str, timezone: str, parameters: dict[str, Any]) -> None:
    """Register the deployment and run its flow runs until interrupted (Ctrl-C, SIGTERM)."""
    if not os.environ.get("PREFECT_API_URL"):
        raise CorpusError(
            "serve needs a Prefect server: start one (prefect server start --host 127.0.0.1) and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api; without it the schedule would live in a temporary server "
            "that disappears with this process"
        )
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from flows.pipeline import corpus_pipeline

    corpus_pipeline.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=parameters,
        description=f"corpus-pipeline on {parameters['raw_dir']} -> {parameters['out_dir']}, cron {cron!r} "
        f"({timezone})",
        tags=["corpus-pipeline"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
