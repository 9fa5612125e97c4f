"""The shard store (``OUT/shards/``) and the work of one shard, start to end, wherever it runs.

``build_shards`` is the whole per-shard pipeline, for a group of shards (one task): read the shard's raw files
(checking that their bytes are the ones the run planned with), decode, segment, tag, build the per-document tables,
check them (the GX suites without the row counts, and the code checks: offsets, parent links; a shard holds its
documents and all their children), and write the shard's Parquet and CSV files with a small summary: row counts, the
checks' results, the key columns' hashes (for the uniqueness checks across shards, done at commit), the report's and
the authors' tallies, the manifest's rows of its documents and the files' digests. Nothing per row goes back to the
flow's process: it reads summaries.

A shard is stored under its key (``transforms.shards.shard_key``): ``OUT/shards/<key>/`` holds
``<table>.parquet`` and ``<table>.csv`` for each per-document table, ``keys.npz`` (the hashes) and
``summary.json``, written last. It is built in ``OUT/shards/.tmp-<key>-<pid>/``, every file fsynced, made
read-only and renamed into place, so a stored shard is always whole, a killed build leaves only a temporary dir
(removed by the next run) and the shards a killed run finished are reused by the next one. A shard whose key is
stored is not built again: ``ShardStore.summary`` reads its summary back (after checking that its files are
there, at their sizes; a damaged shard is removed and built again).

Workers read the raw files by path, and write to the store by path: with a Dask cluster on other machines, the
raw dir and the output dir must be on storage every worker mounts at the same path.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from flows import io as raw_io
from flows.publish import TableFiles, digest_bytes, fsync_dir, fsync_tree
from flows.validation import Validation, validate_shards
from transforms.batches import DEFAULT_BATCH_BYTES, cut, process_batch
from transforms.checks import CheckResult
from transforms.records import FileRef, RawFile, Rejection, RejectReason
from transforms.report import ARTICLE_COLUMNS, LINE_COLUMNS, SENTENCE_COLUMNS, TAG_COLUMNS, ReportTally
from transforms.schema import arrow_schema
from transforms.tables import DOCUMENT_TABLES, AuthorTally, concat_document_tables, derived_tables
from transforms.themes import Taxonomy

SUMMARY = "summary.json"
HASHES = "keys.npz"
_FORMAT = 1  # of summary.json; a summary of another format is not read (its shard is built again)
_TMP_PREFIX = ".tmp-"
MANIFEST_DOCUMENT_COLUMNS = ["path", "sha256", "n_bytes", "encoding", "doc_id"]


@dataclass(frozen=True, slots=True)
class ShardSpec:
    """A shard as a run plans it: its name (``transforms.shards``), its key and its files, in path order."""

    name: str
    key: str
    files: tuple[FileRef, ...]

    @property
    def n_bytes(self) -> int:
        return sum(f.n_bytes for f in self.files)


@dataclass(frozen=True, slots=True)
class ShardGroup:
    """Shards built by one task (``transforms.shards.groups``), in shard order."""

    shards: tuple[ShardSpec, ...]

    @property
    def name(self) -> str:
        first, last = self.shards[0].name, self.shards[-1].name
        return first if first == last else f"{first}..{last}"

    @property
    def n_bytes(self) -> int:
        return sum(s.n_bytes for s in self.shards)


@dataclass(frozen=True, slots=True)
class ShardSetup:
    """What every shard of a run is built with."""

    raw_dir: Path
    store: Path  # OUT/shards
    suites: dict[str, dict[str, Any]]
    taxonomy: Taxonomy
    csv_bom: bool


@dataclass(frozen=True, slots=True)
class ShardSummary:
    """What a built shard adds up to: all the run's commit needs of it."""

    name: str
    key: str
    row_counts: dict[str, int]  # of the per-document tables
    checks: list[CheckResult]
    hash_labels: list[tuple[str, str]]  # (table, uniqueness check) of each array in keys.npz, in order
    within_documents: dict[tuple[str, str], int]  # the keys held within documents (``Validation``): doc_id length
    documents: list[dict[str, Any]]  # the manifest's rows (MANIFEST_DOCUMENT_COLUMNS)
    rejected: list[Rejection]  # files the shard's processing rejected
    authors: AuthorTally
    tally: ReportTally
    files: dict[str, dict[str, Any]]  # file name in the shard's dir -> {"sha256", "bytes"}
    seconds: float  # the build's wall time
    peak_rss_mb: float = 0.0  # the building process's peak resident memory when it had built the shard
    reused: bool = False  # read back from the store by this run, not built by it

    @property
    def failed(self) -> list[CheckResult]:
        return [r for r in self.checks if r.blocking]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _FORMAT, "name": self.name, "key": self.key, "row_counts": self.row_counts,
            "checks": [_check_json(r) for r in self.checks], "hash_labels": [list(h) for h in self.hash_labels],
            "within_documents": [[*label, length] for label, length in self.within_documents.items()],
            "documents": self.documents,
            "rejected": [{"path": r.path, "sha256": r.sha256, "n_bytes": r.n_bytes, "reason": r.reason.value,
                          "message": r.message} for r in self.rejected],
            "authors": self.authors.to_json(), "tally": self.tally.to_json(), "files": self.files,
            "seconds": round(self.seconds, 3), "peak_rss_mb": round(self.peak_rss_mb, 1),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ShardSummary:
        if data.get("format") != _FORMAT:
            raise ValueError(f"summary format {data.get('format')!r}, not {_FORMAT}")
        return cls(
            name=data["name"], key=data["key"], row_counts=dict(data["row_counts"]),
            checks=[CheckResult(c["table"], c["check"], c["severity"], c["success"], c["failing_count"],
                                tuple(c["examples"]), c["source"]) for c in data["checks"]],
            hash_labels=[(t, label) for t, label in data["hash_labels"]],
            within_documents={(t, label): int(n) for t, label, n in data["within_documents"]},
            documents=list(data["documents"]),
            rejected=[Rejection(r["path"], r["sha256"], r["n_bytes"], RejectReason(r["reason"]), r["message"])
                      for r in data["rejected"]],
            authors=AuthorTally.from_json(data["authors"]), tally=ReportTally.from_json(data["tally"]),
            files=dict(data["files"]), seconds=float(data["seconds"]), peak_rss_mb=float(data["peak_rss_mb"]),
        )


def _check_json(r: CheckResult) -> dict[str, Any]:
    return {"table": r.table, "check": r.check, "severity": r.severity, "success": r.success,
            "failing_count": r.failing_count, "examples": list(r.examples), "source": r.source}


class ShardStore:
    """Built shards by key, under ``root`` (``OUT/shards``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / key

    def file(self, key: str, name: str) -> Path:
        return self.root / key / name

    def summary(self, key: str) -> ShardSummary | None:
        """The stored shard's summary, or None when the shard is not stored whole (a damaged one is removed)."""
        path = self.file(key, SUMMARY)
        if not path.exists():
            if self.path(key).exists():
                shutil.rmtree(self.path(key), ignore_errors=True)
            return None
        try:
            summary = ShardSummary.from_json(json.loads(raw_io.read_regular(path)))
            whole = summary.key == key and all(
                self.file(key, name).stat().st_size == digest["bytes"] for name, digest in summary.files.items())
        except (OSError, ValueError, KeyError, TypeError):
            whole = False
        if not whole:
            shutil.rmtree(self.path(key), ignore_errors=True)
            return None
        return replace(summary, reused=True)

    def hashes(self, summary: ShardSummary, skip: Collection[tuple[str, str]] = ()
               ) -> dict[tuple[str, str], np.ndarray]:
        """The shard's key-column hashes, by (table, uniqueness check), but those of the keys in ``skip``."""
        if all(label in skip for label in summary.hash_labels):
            return {}
        with raw_io.open_regular(self.file(summary.key, HASHES)) as f, np.load(f, allow_pickle=False) as npz:
            return {label: npz[f"h{i}"] for i, label in enumerate(summary.hash_labels) if label not in skip}

    def begin(self, key: str) -> Path:
        tmp = self.root / f"{_TMP_PREFIX}{key}-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        return tmp

    def put(self, tmp: Path, key: str) -> None:
        """Move a fully written shard (its files fsynced) into place; a shard another build stored first wins."""
        for path in tmp.iterdir():
            path.chmod(0o444)  # the snapshots hard-link these files: nobody may edit them in place
        fsync_tree(tmp)
        try:
            os.rename(tmp, self.path(key))
        except OSError:
            if not self.file(key, SUMMARY).exists():
                raise
            shutil.rmtree(tmp, ignore_errors=True)
        fsync_dir(self.root)

    def keys(self) -> set[str]:
        if not self.root.is_dir():
            return set()
        return {p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(_TMP_PREFIX)}

    def prune(self, keep: Iterable[str]) -> int:
        """Remove the stored shards not in ``keep``; how many. Snapshots that link their files keep them."""
        removed = 0
        for key in self.keys() - set(keep):
            shutil.rmtree(self.path(key), ignore_errors=True)
            removed += 1
        return removed

    def remove_leftovers(self) -> list[str]:
        """Remove the temporary dirs of builds a killed run left; their names."""
        if not self.root.is_dir():
            return []
        stale = [p for p in self.root.iterdir() if p.name.startswith(_TMP_PREFIX)]
        for p in stale:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink()
        return [f"shards/{p.name}" for p in stale]


def build_shards(setup: ShardSetup, group: ShardGroup) -> list[ShardSummary]:
    """Build and store the shards (a group of them: ``transforms.shards.groups``); their summaries, in order.
    Each shard is read, processed, checked and written on its own; only the GX suite runs are shared by the
    group where they pass (``flows.validation.validate_shards``). (The run's plan reads back the shards the
    store holds already, and asks for the others only.)"""
    specs = group.shards
    built = [_process(setup, spec) for spec in specs]
    started = time.perf_counter()
    validations = validate_shards(setup.suites, list(setup.taxonomy.theme_ids), [b.checked for b in built])
    checking = time.perf_counter() - started
    total = sum(spec.n_bytes for spec in specs) or 1
    for spec, shard in zip(specs, built, strict=True):  # the group's checks, shared out by size
        shard.seconds += checking * spec.n_bytes / total
    return [_store(setup, spec, shard, validation)
            for spec, shard, validation in zip(specs, built, validations, strict=True)]


@dataclass(slots=True)
class _Built:
    key: str
    tables: dict[str, pa.Table]  # the per-document tables
    checked: dict[str, pa.Table]  # those and the tables derived from them: what the code checks see
    rejected: list[Rejection]
    authors: AuthorTally
    seconds: float  # spent on this shard so far


def _process(setup: ShardSetup, spec: ShardSpec) -> _Built:
    started = time.perf_counter()
    raw, rejected = _read(setup.raw_dir, spec.files)
    # A file that could not be read again as planned is rejected this once; the shard is kept under a key no
    # later plan asks for (its files still serve this run's commit), so the next run builds it anew.
    key = spec.key if not rejected else f"{spec.key}-unread-{os.getpid()}-{time.time_ns()}"
    parts: list[dict[str, pa.Table]] = []
    for batch in cut(raw, DEFAULT_BATCH_BYTES):  # the collector is paused per batch: memory stays bounded
        result = process_batch(batch, setup.taxonomy)
        parts += result.tables.values()
        rejected += result.rejected
    tables = concat_document_tables(parts)
    authors = AuthorTally().add(tables["articles"])
    return _Built(key, tables, tables | derived_tables(authors, [], setup.taxonomy), rejected, authors,
                  time.perf_counter() - started)



def peak_rss_mb() -> float:
    """This process's peak resident memory in MB: ``VmHWM`` from /proc where there is one (it starts afresh at
    exec), else ``ru_maxrss``, which a process forked from a large one inherits."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def _store(setup: ShardSetup, spec: ShardSpec, shard: _Built, validation: Validation) -> ShardSummary:
    started = time.perf_counter()
    store, tables, key = ShardStore(setup.store), shard.tables, shard.key
    hashes = validation.hashes()
    tally = ReportTally().add(tables["articles"].select(ARTICLE_COLUMNS), tables["theme_tags"].select(TAG_COLUMNS),
                              tables["sentences"].select(SENTENCE_COLUMNS), tables["lines"].select(LINE_COLUMNS))
    tmp = store.begin(key)
    try:
        files = TableFiles(tmp, {t.name: arrow_schema(t) for t in DOCUMENT_TABLES}, setup.csv_bom)
        try:
            for t in DOCUMENT_TABLES:
                files.write(t.name, tables[t.name])
        finally:
            digests = files.close()
        buffer = io.BytesIO()
        arrays: dict[str, Any] = {f"h{i}": array for i, array in enumerate(hashes.values())}
        np.savez(buffer, **arrays)
        (tmp / HASHES).write_bytes(buffer.getvalue())
        digests[HASHES] = digest_bytes(buffer.getvalue())
        summary = ShardSummary(
            name=spec.name, key=key, row_counts={t.name: tables[t.name].num_rows for t in DOCUMENT_TABLES},
            checks=validation.results(), hash_labels=list(hashes),
            within_documents=validation.within_documents(), rejected=shard.rejected,
            documents=tables["documents"].select(MANIFEST_DOCUMENT_COLUMNS).to_pylist(),
            authors=shard.authors, tally=tally, files=dict(sorted(digests.items())),
            seconds=shard.seconds + time.perf_counter() - started,
            peak_rss_mb=peak_rss_mb(),
        )
        (tmp / SUMMARY).write_text(json.dumps(summary.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
        store.put(tmp, key)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary


def _read(raw_dir: Path, refs: Iterable[FileRef]) -> tuple[list[RawFile], list[Rejection]]:
    """The shard's files, read again; one that changed since the run hashed it is rejected (``changed_during_run``)
    and the next run reads it."""
    raw: list[RawFile] = []
    rejected: list[Rejection] = []
    for ref in refs:
        item = raw_io.read_raw(raw_dir, ref.path)
        if isinstance(item, Rejection):
            rejected.append(item)
        elif item.sha256 != ref.sha256:
            rejected.append(Rejection(ref.path, item.sha256, item.n_bytes, RejectReason.CHANGED_DURING_RUN,
                                      "changed while the run was reading it; the next run reads it"))
        else:
            raw.append(item)
    return raw, rejected
