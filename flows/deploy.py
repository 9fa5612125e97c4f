"""The scheduled deployment of the main flow: ``corpus-pipeline serve`` (see docs/scheduling-and-scale.md).

``serve`` registers the deployment with the Prefect server at ``PREFECT_API_URL`` (a cron schedule and the
flow's parameters) and then runs, in this process, every flow run the server schedules for it or that
someone triggers (from the UI, ``prefect deployment run``, or the API). Each flow run is a subprocess that
loads the flow by module path, so it does not depend on the current directory.
"""

from __future__ import annotations

import os
from typing import Any

from flows.settings import RunSettings
from transforms.errors import CorpusError

DEFAULT_CRON = "0 2 * * *"  # daily at 02:00
DEFAULT_TIMEZONE = "UTC"
DEFAULT_NAME = "daily"
FLOW_NAME = "corpus-pipeline"


def deployment_parameters(settings: RunSettings) -> dict[str, Any]:
    """The flow's parameters for every scheduled run (its settings as JSON); paths are made absolute, as runs
    start elsewhere."""
    return {"settings": settings.absolute().model_dump(mode="json")}


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

    settings = parameters["settings"]
    corpus_pipeline.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=parameters,
        description=f"corpus-pipeline on {settings['raw_dir']} -> {settings['out_dir']}, cron {cron!r} ({timezone})",
        tags=["corpus-pipeline"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
