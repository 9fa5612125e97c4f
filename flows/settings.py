"""A run's settings (``RunSettings``) and the environment defaults for every run: offline, quiet, and a
project-local Prefect home.

The defaults are applied before Prefect is imported (by the CLI and by the tests); a value already set in the
environment wins, so a deployment can point ``PREFECT_API_URL``/``PREFECT_HOME`` elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flows.catalog import (
    DEFAULT_EXPECTATIONS,
    DEFAULT_KEEP,
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TAXONOMY,
    PROJECT_ROOT,
    Catalog,
)
from transforms.shards import DEFAULT_SHARD_BYTES

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


Runner = Literal["processes", "sequential", "threads", "dask"]  # flows.runners.RUNNERS


class RunSettings(BaseModel):
    """Everything one run is told, as one typed value: built at the edge (the command line, a deployment's
    parameters, a test) and given to the flow as its only parameter. Invalid settings fail when they are made,
    with pydantic's message naming the field."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    raw_dir: Path
    out_dir: Path
    taxonomy: Path = DEFAULT_TAXONOMY
    expectations: Path = DEFAULT_EXPECTATIONS  # one GX suite (JSON) per table
    strict: bool = False  # any rejected raw file fails the run
    rehash: bool = False  # read and hash every raw file, even those whose stat is as the last run recorded it
    keep: int = Field(DEFAULT_KEEP, ge=1)  # published runs kept under OUT/runs/
    lock_timeout: float = Field(DEFAULT_LOCK_TIMEOUT, ge=0)  # seconds to wait for another run on out_dir
    csv_bom: bool = False  # start each CSV file with a UTF-8 byte-order mark
    runner: Runner = "processes"  # where shards are built: flows.runners
    dask_address: str | None = None  # an existing Dask scheduler (runner dask); else a local cluster
    workers: int | None = Field(None, ge=1)  # worker processes, threads or local Dask workers; default: CPU count
    shard_mb: float = Field(DEFAULT_SHARD_BYTES / 1e6, gt=0)  # raw MB a shard holds at most (one document aside)

    @model_validator(mode="after")
    def _dask_address_needs_dask(self) -> RunSettings:
        if self.dask_address and self.runner != "dask":
            raise ValueError("dask_address (--dask-address) needs runner dask (--runner dask)")
        return self

    def absolute(self) -> RunSettings:
        """The same settings with every path absolute (a deployment's runs start in another directory)."""
        return self.model_copy(update={name: getattr(self, name).resolve()
                                       for name in ("raw_dir", "out_dir", "taxonomy", "expectations")})

    def catalog(self) -> Catalog:
        return Catalog(self.raw_dir, self.out_dir, self.taxonomy, self.expectations, self.keep, self.csv_bom)
