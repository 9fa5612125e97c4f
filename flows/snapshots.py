"""Reading published snapshots back: their manifests, and the list of runs in an output dir."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.catalog import Catalog, manifest_path
from transforms.errors import InputError


def read_manifest(snapshot: Path) -> dict[str, Any]:
    path = manifest_path(snapshot)
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{snapshot} is not a snapshot: cannot read {path} ({exc})") from exc


@dataclass(frozen=True, slots=True)
class Snapshot:
    run_id: str
    status: str  # "valid" (published) or "failed" (validation failed; nothing published)
    latest: bool
    row_counts: dict[str, int] = field(default_factory=dict)

    def count(self, table: str) -> str:
        return str(self.row_counts[table]) if table in self.row_counts else "-"


def list_snapshots(out_dir: Path) -> list[Snapshot]:
    """Published and failed runs, newest first."""
    catalog = Catalog(Path("."), out_dir)
    latest = catalog.latest.resolve().name if catalog.latest.is_symlink() else None
    found = []
    if catalog.runs.is_dir():
        for run in catalog.runs.iterdir():
            try:
                manifest = read_manifest(run)
            except InputError:
                continue  # not a complete run
            status = "valid" if manifest.get("validation", {}).get("success") else "invalid"
            found.append(Snapshot(run.name, status, run.name == latest, manifest.get("row_counts", {})))
    if catalog.failed.is_dir():
        found += [Snapshot(run.name, "failed", False) for run in catalog.failed.iterdir() if run.is_dir()]
    return sorted(found, key=lambda s: s.run_id, reverse=True)
