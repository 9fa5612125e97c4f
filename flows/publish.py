"""Writing a run's files and switching ``OUT/latest`` to them atomically.

A run is written in full under ``OUT/.staging/<run_id>/`` (its tables hard-linked from the shard store, every file
fsynced at the end), then renamed to ``OUT/runs/<run_id>/``, and only then is the ``latest`` symlink replaced
(``os.replace`` of a new symlink, an atomic rename on POSIX). A reader that opened ``latest`` before the switch
keeps reading the old run, one that opens it after sees the new one: never a half-written or mixed set of files. A
crash before the switch leaves ``latest`` as it was; the stale staging dir is removed by the next run.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
import threading
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from flows.catalog import DERIVED_PART, Catalog, csv_part, manifest_path, parquet_part, validation_path
from transforms.dictionary import render_card
from transforms.errors import PublishError
from transforms.tables import csv_table

# RFC 4180: header row, CRLF row ends, quotes only where needed (and doubled inside quoted cells).
CSV_OPTIONS = pa_csv.WriteOptions(include_header=True, eol="\r\n", quoting_style="needed")


class HashedFile:
    """A file written once, front to back, that keeps the sha256 and length of what was written."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("wb")
        self.sha256 = hashlib.sha256()
        self.n_bytes = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)  # hashlib lets other threads run while it hashes more than 2 KB
        self.n_bytes += len(data)
        return self.file.write(data)

    def sync(self) -> None:
        """Flush what was written to the disk (``fsync``)."""
        self.file.flush()
        os.fsync(self.file.fileno())

    @property
    def closed(self) -> bool:
        return self.file.closed

    def close(self) -> None:
        self.file.close()


class TableFiles:
    """One Parquet file and one CSV file per table, written a part at a time (``write`` may be called again).

    ``part`` names the files in a snapshot's layout (``parquet/<table>/part-<part>.parquet``,
    ``csv/<table>/part-<part>.csv``); without it they are ``<table>.parquet`` and ``<table>.csv`` in ``root``
    (a shard in the store). Every table's files are opened up front, so a table that gets no rows still has its
    header and schema. The CSV files are hashed as they are written (reading them again for the manifest cost
    as much as writing them); ``close`` gives every file's digest, as ``file_digests`` would.
    """

    def __init__(self, root: Path, schemas: Mapping[str, pa.Schema], csv_bom: bool = False,
                 part: str | None = None) -> None:
        self.run_root = root
        self._parquet: dict[str, tuple[Path, pq.ParquetWriter]] = {}
        self._csv: dict[str, tuple[Path, HashedFile, pa_csv.CSVWriter]] = {}
        for name, schema in schemas.items():
            path = root / f"{name}.parquet" if part is None else parquet_part(root, name, part)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._parquet[name] = (path, pq.ParquetWriter(path, schema, compression="zstd"))
            path = root / f"{name}.csv" if part is None else csv_part(root, name, part)
            path.parent.mkdir(parents=True, exist_ok=True)
            f = HashedFile(path)
            if csv_bom:  # so that spreadsheet programs open the file as UTF-8
                f.write(codecs.BOM_UTF8)
            csv_schema = csv_table(schema.empty_table()).schema
            self._csv[name] = (path, f, pa_csv.CSVWriter(f, csv_schema, write_options=CSV_OPTIONS))

    def write(self, name: str, table: pa.Table) -> None:
        if table.num_rows:
            self._parquet[name][1].write_table(table)
            self._csv[name][2].write_table(csv_table(table))

    def close(self) -> dict[str, dict[str, Any]]:
        """Finish every file (idempotent: the flow closes again when it discards a failed run); returns the
        digests of the files finished by this call, by path relative to the run root."""
        digests = {}
        for path, writer in self._parquet.values():
            writer.close()
            digests[path.relative_to(self.run_root).as_posix()] = _digest(path)
        for path, f, csv_writer in self._csv.values():
            if not f.closed:
                csv_writer.close()
                f.close()
                digests[path.relative_to(self.run_root).as_posix()] = {"sha256": f.sha256.hexdigest(),
                                                                       "bytes": f.n_bytes}
        self._parquet.clear()
        self._csv.clear()
        return dict(sorted(digests.items()))


def write_table_files(run_root: Path, tables: Mapping[str, pa.Table], csv_bom: bool = False,
                      part: str | None = DERIVED_PART) -> dict[str, dict[str, Any]]:
    """Write whole tables in one go (in a snapshot's layout, as part ``part``); returns the files' digests."""
    files = TableFiles(run_root, {name: table.schema for name, table in tables.items()}, csv_bom, part)
    try:
        for name, table in tables.items():
            files.write(name, table)
    except BaseException:
        files.close()
        raise
    return files.close()


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(data) + "\n", encoding="utf-8")


_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, default=str).encode


def json_text(data: Any, depth: int = 2, indent: str = "") -> str:
    """``data`` as JSON, laid out for reading: the items of the outer ``depth`` levels of objects and arrays one
    a line, each deeper value on the line of its item (a manifest's input, file or shard a line). Python's own
    indented output comes from its pure-Python encoder, about ten times slower than the C one used here for
    each line: seconds for the manifest of a corpus of 40,000 documents."""
    compact = _COMPACT_JSON
    if depth <= 0 or not isinstance(data, (dict, list)) or not data:
        return compact(data)
    inner = indent + "  "
    if isinstance(data, dict):
        items = [f"{inner}{compact(str(k))}: {json_text(v, depth - 1, inner)}" for k, v in data.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    return "[\n" + ",\n".join(f"{inner}{json_text(v, depth - 1, inner)}" for v in data) + f"\n{indent}]"


def file_digests(run_root: Path, known: Mapping[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """sha256 and size of every file under ``run_root``, by relative path; ``known`` digests (of files that
    were hashed as they were written) are taken as they are."""
    known = known or {}
    out = {}
    for path in sorted(p for p in run_root.rglob("*") if p.is_file()):
        name = path.relative_to(run_root).as_posix()
        out[name] = known[name] if name in known else _digest(path)
    return out


def _digest(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return {"sha256": digest.hexdigest(), "bytes": path.stat().st_size}


def digest_bytes(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def fsync_tree(root: Path, durable: Collection[str] = ()) -> None:
    """Flush every file under ``root`` but those named in ``durable`` (paths relative to ``root`` of files fsynced
    already: hard links to files fsynced where they were written, files fsynced by their writer), then every
    directory, ``root`` last."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.relative_to(root).as_posix() not in durable)
    for path in [*files, *sorted(p for p in root.rglob("*") if p.is_dir()), root]:
        flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
        fd = os.open(path, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def open_staging(catalog: Catalog, run_id: str) -> Path:
    """A fresh staging dir for the run: nothing in it is visible to readers until ``switch_latest``."""
    root = catalog.staging / run_id
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    return root


def discard_staging(root: Path) -> None:
    """Remove a staged run that will not be published (its validation failed, or the run stopped)."""
    shutil.rmtree(root, ignore_errors=True)
    if root.parent.is_dir() and not any(root.parent.iterdir()):
        root.parent.rmdir()


def stage_run(
    catalog: Catalog, run_id: str, tables: Mapping[str, pa.Table], validation_details: Mapping[str, Any],
    manifest: dict[str, Any],
) -> Path:
    """Stage a run whose tables are whole in memory (``open_staging``, ``write_table_files``, ``finish_staging``)."""
    root = open_staging(catalog, run_id)
    digests = write_table_files(root, tables, catalog.csv_bom)
    return finish_staging(root, validation_details, manifest, digests)


def finish_staging(root: Path, validation_details: Mapping[str, Any], manifest: dict[str, Any],
                   known_digests: Mapping[str, dict[str, Any]] | None = None, durable: Collection[str] = ()
                   ) -> Path:
    """Add the validation results, the dataset card and the manifest (with every file's hash; ``known_digests``
    are those of files hashed as they were written) to a staged run whose tables are written, and fsync it all
    (but the ``durable`` files: ``fsync_tree``); returns the staging dir."""
    for name, details in validation_details.items():
        write_json(validation_path(root, name), details)
    (root / "README.md").write_text(render_card(manifest), encoding="utf-8")
    manifest["files"] = file_digests(root, known_digests)
    write_json(manifest_path(root), manifest)
    fsync_tree(root, durable)
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
    fsync_dir(catalog.out_dir)
    return final


def fsync_dir(path: Path) -> None:
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
    removed, trash = [], []
    for old in runs[max(catalog.keep, 1) :]:
        if old.name != current:
            # Renamed first, so a crash mid-delete never leaves a half-deleted run that looks like a snapshot.
            trash.append(catalog.out_dir / f".trash-{old.name}")
            os.replace(old, trash[-1])
            removed.append(old.name)
    if trash:  # deleted beside what follows (a run's hundreds of links take a while); the next run ends the job
        threading.Thread(target=_delete, args=(trash,), name="prune-runs", daemon=True).start()
    return removed


def _delete(paths: list[Path]) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


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
    return removed
