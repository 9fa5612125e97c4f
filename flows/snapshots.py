"""Reading published snapshots back: their manifests, and the list of runs in an output dir."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.catalog import Catalog, manifest_path, parquet_path
from flows.io import read_regular
from transforms.errors import InputError
from transforms.schema import TABLES


def read_manifest(snapshot: Path) -> dict[str, Any]:
    path = manifest_path(snapshot)
    try:
        return dict(json.loads(read_regular(path)))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
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


def read_table(snapshot: Path, name: str, columns: list[str] | None = None, filters: Any = None) -> pa.Table:
    """One table of a snapshot (or of a staged run), or only some of its columns and rows."""
    path = parquet_path(snapshot, name)
    try:
        return pq.read_table(path, columns=columns, filters=filters)
    except (OSError, pa.ArrowInvalid) as exc:
        raise InputError(f"{snapshot} is not a complete snapshot: cannot read {path} ({exc})") from exc


def read_tables(snapshot: Path) -> dict[str, pa.Table]:
    """Every table of a published snapshot, read back from its Parquet files."""
    return {table.name: read_table(snapshot, table.name) for table in TABLES}


def describe(snapshot: Path, width: int = 100) -> str:
    """Row counts and, per article, its author and top themes, as plain-text tables."""
    tables = read_tables(snapshot)
    manifest = read_manifest(snapshot)
    lines = [f"snapshot {manifest['run_id']} ({snapshot})", "", f"{'table':<12} {'rows':>8}"]
    lines += [f"{name:<12} {table.num_rows:>8}" for name, table in tables.items()]
    tags = tables["theme_tags"].filter(pc.equal(tables["theme_tags"].column("level"), "article")).to_pylist()
    top: dict[str, list[str]] = {}
    for tag in sorted(tags, key=lambda t: t["rank"]):
        top.setdefault(tag["unit_id"], []).append(f"{tag['theme_id']} {tag['score']:.2f}")
    title_width = max(20, width - 62)
    lines += ["", f"{'article':<{title_width}} {'author':<16} top themes"]
    for article in tables["articles"].select(["article_id", "title", "author"]).to_pylist():
        title = article["title"] if len(article["title"]) <= title_width else article["title"][: title_width - 1] + "…"
        themes = ", ".join(top.get(article["article_id"], [])[:3]) or "-"
        lines.append(f"{title:<{title_width}} {article['author'] or '-':<16} {themes}")
    return "\n".join(lines) + "\n"
