"""Writing a run's files and switching ``OUT/latest`` to them atomically.

A run is written in full under ``OUT/.staging/<run_id>/`` (every file fsynced), then renamed to
``OUT/runs/<run_id>/`` and only then is the ``latest`` symlink replaced (``os.replace`` of a new symlink, an
atomic rename on POSIX). A reader that opened ``latest`` before the switch keeps reading the old run, one
that opens it after sees the new one: never a half-written or mixed set of files. A crash before the switch
leaves ``latest`` as it was; the stale staging dir is removed by the next run.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from flows.catalog import Catalog, csv_path, manifest_path, parquet_path, validation_path
from transforms.dictionary import render_card
from transforms.errors import PublishError
from transforms.tables import csv_table

# RFC 4180: header row, CRLF row ends, quotes only where needed (and doubled inside quoted cells).
CSV_OPTIONS = pa_csv.WriteOptions(include_header=True, eol="\r\n", quoting_style="needed")


def write_table_files(run_root: Path, name: str, table: pa.Table, csv_bom: bool = False) -> None:
    path = parquet_path(run_root, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")
    path = csv_path(run_root, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        if csv_bom:  # so that spreadsheet programs open the file as UTF-8
            f.write(codecs.BOM_UTF8)
        pa_csv.write_csv(csv_table(table), f, write_options=CSV_OPTIONS)


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def file_digests(run_root: Path) -> dict[str, dict[str, Any]]:
    """sha256 and size of every file under ``run_root``, by relative path."""
    out = {}
    for path in sorted(p for p in run_root.rglob("*") if p.is_file()):
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        out[path.relative_to(run_root).as_posix()] = {"sha256": digest.hexdigest(), "bytes": path.stat().st_size}
    return out


def _fsync_tree(root: Path) -> None:
    for path in [*sorted(p for p in root.rglob("*") if p.is_file()), *sorted(root.rglob("*")), root]:
        flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
        fd = os.open(path, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def stage_run(
    catalog: Catalog,
    run_id: str,
    tables: Mapping[str, pa.Table],
    validation_details: Mapping[str, Any],
    manifest: dict[str, Any],
) -> Path:
    """Write every file of the run into its staging dir; returns the staging dir."""
    root = catalog.staging / run_id
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name, table in tables.items():
        write_table_files(root, name, table, catalog.csv_bom)
    for name, details in validation_details.items():
        write_json(validation_path(root, name), details)
    (root / "README.md").write_text(render_card(manifest), encoding="utf-8")
    manifest["files"] = file_digests(root)
    write_json(manifest_path(root), manifest)
    _fsync_tree(root)
    return root


def switch_latest(catalog: Catalog, run_id: str, staged: Path) -> Path:
    """Move the staged run into ``runs/`` and point ``latest`` at it atomically."""
    final = catalog.runs / run_id
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, final)
    if staged.parent.is_dir() and not any(staged.parent.iterdir()):
        staged.parent.rmdir()
    latest = catalog.latest
    if latest.exists() and not latest.is_symlink():
        raise PublishError(
            f"{latest} is a real directory, not a symlink; move it away so that it can be switched atomically"
        )
    tmp = catalog.out_dir / f".latest-{run_id}"
    if tmp.is_symlink():
        tmp.unlink()
    os.symlink(Path("runs") / run_id, tmp)
    os.replace(tmp, latest)
    _fsync_dir(catalog.out_dir)
    return final


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def prune_runs(catalog: Catalog) -> list[str]:
    """Delete published runs beyond the newest ``catalog.keep`` (never the one ``latest`` points to)."""
    if not catalog.runs.is_dir():
        return []
    current = catalog.latest.resolve().name if catalog.latest.is_symlink() else None
    runs = sorted((p for p in catalog.runs.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)
    removed = []
    for old in runs[max(catalog.keep, 1) :]:
        if old.name != current:
            # Renamed first, so a crash mid-delete never leaves a half-deleted run that looks like a snapshot.
            trash = catalog.out_dir / f".trash-{old.name}"
            os.replace(old, trash)
            shutil.rmtree(trash)
            removed.append(old.name)
    return removed


def clean_stale_staging(catalog: Catalog) -> list[str]:
    """Remove what a killed run left in the staging area and any half-made latest symlink."""
    removed = []
    if catalog.staging.is_dir():
        for stale in catalog.staging.iterdir():
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
            removed.append(stale.name)
    for tmp in catalog.out_dir.glob(".latest-*"):
        tmp.unlink()
        removed.append(tmp.name)
    for trash in catalog.out_dir.glob(".trash-*"):
        shutil.rmtree(trash, ignore_errors=True)
        removed.append(trash.name)
    if catalog.cache.is_dir():
        for tmp in catalog.cache.glob(".tmp-*"):
            shutil.rmtree(tmp, ignore_errors=True)
            removed.append(f"cache/{tmp.name}")
    return removed
