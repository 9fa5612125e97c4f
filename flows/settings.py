"""Environment defaults for every run: offline, quiet, and a project-local Prefect home.

Applied before Prefect is imported (by the CLI and by the tests); a value already set in the environment
wins, so a deployment can point ``PREFECT_API_URL``/``PREFECT_HOME`` elsewhere.
"""

from __future__ import annotations

import os

from flows.catalog import PROJECT_ROOT

DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "GX_ANALYTICS_ENABLED": "false",
}


def apply_defaults() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
