"""Prefect tasks: thin wrappers that call ``transforms`` and the I/O helpers. Only I/O tasks retry."""

from __future__ import annotations

import json
import resource
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE

from flows import io, publish, report
from flows.cache import CacheEntry, DocumentCache, document_key, package_version
from flows.catalog import Catalog, manifest_path
from flows.io import LoadedTaxonomy
from flows.partitions import Finished, PartitionWriter
from flows.report import REPORT_FILE
from flows.validation import ValidationReport, load_suite
from transforms.batches import BatchResult, cut, process_batch
from transforms.changes import change_markdown, change_report
from transforms.errors import CorpusError
from transforms.escapes import markdown_text
from transforms.inputs import drop_duplicates
from transforms.records import FileRef, RawFile, Rejection, RejectReason
from transforms.report import Charts, ReportData, ReportTally, draw_charts, theme_labels
from transforms.schema import TABLES
from transforms.themes import Taxonomy

IO_RETRIES = 2  # only tasks that touch the file system retry, and only on errors that may pass
IO_RETRY_DELAY_SECONDS = 1


def _may_pass(task: Any, task_run: Any, state: Any) -> bool:
    """Retry on an OSError and the like, never on a CorpusError (a missing raw dir stays missing)."""
    try:
        state.result()
    except CorpusError:
        return False
    except Exception:
        return True
    return False


# Tasks that touch the file system retry (on errors that may pass); the pure ones never do.
io_task = task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS,
               retry_condition_fn=_may_pass)
compute_task = task(cache_policy=NONE)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%fZ")


@io_task
def discover_files(raw_dir: Path) -> io.Discovery:
    found = io.discover(raw_dir)
    get_run_logger().info("discover: %d files under %s (and %d entries that are not read)", len(found.paths),
                          raw_dir, len(found.rejected))
    return found


@io_task
def fingerprint_files(raw_dir: Path, found: io.Discovery) -> tuple[list[FileRef], list[Rejection]]:
    """Every file found hashed (one in memory at a time), or rejected with a reason; files with the same bytes
    as another are rejected too, and so are the entries discovery did not list to read."""
    refs: list[FileRef] = []
    rejected: list[Rejection] = list(found.rejected)
    for p in found.paths:
        item = io.read_raw(raw_dir, p)
        if isinstance(item, Rejection):
            rejected.append(item)
        else:
            refs.append(item.ref())
    refs, duplicates = drop_duplicates(refs)
    get_run_logger().info("read: %d files, %d bytes; %d rejected, %d duplicates", len(refs),
                          sum(r.n_bytes for r in refs), len(rejected), len(duplicates))
    return refs, rejected + duplicates


@dataclass(frozen=True, slots=True)
class Batch:
    files: tuple[FileRef, ...]

    @property
    def n_bytes(self) -> int:
        return sum(f.n_bytes for f in self.files)


@dataclass(frozen=True, slots=True)
class Plan:
    """Which documents the cache already holds, and how the run is cut into batches and partitions."""

    keys: dict[str, str]  # path -> cache key, for every file read
    cached: dict[str, CacheEntry]  # path -> where the cache holds its tables, reused as they are
    partitions: list[list[Batch]]  # consecutive batches, in path order

    @property
    def n_todo(self) -> int:
        return len(self.keys) - len(self.cached)

    @property
    def n_bytes(self) -> int:
        return sum(b.n_bytes for p in self.partitions for b in p)


@compute_task
def plan_documents(
    catalog: Catalog, files: list[FileRef], taxonomy: LoadedTaxonomy, version: str, batch_bytes: int,
    partition_bytes: int,
) -> Plan:
    keys = {f.path: document_key(f.path, f.sha256, version, taxonomy.sha256) for f in files}
    found = DocumentCache(catalog.cache).find(keys.values())
    cached = {f.path: found[keys[f.path]] for f in files if keys[f.path] in found}
    batches = [Batch(tuple(group)) for group in cut(files, batch_bytes)]
    plan = Plan(keys, cached, cut(batches, partition_bytes))
    get_run_logger().info("plan: %d documents reused from the cache, %d to process; %d batches in %d partitions",
                          len(cached), plan.n_todo, len(batches), len(plan.partitions))
    return plan


@dataclass(slots=True)
class LoadedBatch:
    raw: list[RawFile]  # files to process
    cached: dict[str, CacheEntry]  # path -> where the cache holds its tables (read back here: they can be)
    rejected: list[Rejection]
    prefetched: list[str] = field(default_factory=list)  # paths whose rows the helper made before the run began


@io_task
def load_batch(catalog: Catalog, plan: Plan, batch: Batch, prefetched: frozenset[str] = frozenset()) -> LoadedBatch:
    """Read the batch's files that must be processed, and check that the cache's entries of the others can be
    read (a damaged pack is deleted by ``DocumentCache.load``, and its files read and processed instead); the
    files in ``prefetched`` (their rows are in the helper already) are only listed. The cached tables are not
    kept: the helper loads them from the same packs (``flows.partitions``), so they are not pickled through the
    pipe (on a 50 MB re-run that cost ~4.5 s of CPU in the flow's process and ~3.8 s in the helper)."""
    cache = DocumentCache(catalog.cache)
    out = LoadedBatch([], {}, [])
    for ref in batch.files:
        entry = plan.cached.get(ref.path)
        if entry is not None and cache.load(entry) is not None:
            out.cached[ref.path] = entry
            continue
        if ref.path in prefetched:
            out.prefetched.append(ref.path)
            continue
        item = io.read_raw(catalog.raw_dir, ref.path)
        if isinstance(item, Rejection):
            out.rejected.append(item)
        elif item.sha256 != ref.sha256:
            out.rejected.append(Rejection(ref.path, item.sha256, item.n_bytes, RejectReason.CHANGED_DURING_RUN,
                                          "changed while the run was reading it; the next run reads it"))
        else:
            out.raw.append(item)
    return out


@compute_task
def process(files: list[RawFile], taxonomy: Taxonomy) -> BatchResult:
    """Decode, segment, tag and build the rows of a batch of documents (runs on the flow's task runner: a
    thread, or a Dask worker)."""
    return process_batch(files, taxonomy)


@io_task
def load_taxonomy(path: Path) -> LoadedTaxonomy:
    return io.read_taxonomy(path)


@io_task
def load_suites(catalog: Catalog) -> dict[str, dict[str, Any]]:
    return {t.name: load_suite(catalog, t.name) for t in TABLES}


@compute_task
def finish_partitions(writer: PartitionWriter, rejected: list[Rejection]) -> Finished:
    """Wait for the helper to validate and write the last partitions, then the tables complete only at the end
    (authors, themes, rejected), and to check the totals."""
    logger = get_run_logger()
    messages, finished = writer.finish(rejected)
    for message in messages:
        logger.info("helper: %s", message)
    report = finished.report
    logger.info(
        "validate: %d checks over %d partitions, %d blocking failures, %d warnings",
        len(report.results), finished.partitions, len(report.blocking), len(report.warnings),
    )
    flow_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    logger.info("flow process: peak RSS %.0f MB; helper: peak RSS %.0f MB", flow_rss, finished.helper_peak_rss_mb)
    return finished


@io_task
def previous_manifest(catalog: Catalog) -> dict[str, Any] | None:
    """The manifest of the run ``latest`` points to, or None before the first run."""
    path = manifest_path(catalog.latest)
    if not path.exists():
        return None
    return dict(json.loads(io.read_regular(path)))


@compute_task
def report_artifacts(row_counts: dict[str, int], report: ValidationReport) -> None:
    create_table_artifact(
        key="row-counts", table=[{"table": k, "rows": v} for k, v in row_counts.items()],
        description="Rows per output table in this run",
    )
    create_markdown_artifact(key="validation-summary", markdown=validation_markdown(report),
                             description="Great Expectations suites and code checks")


@compute_task
def change_artifact(changes: dict[str, Any]) -> None:
    create_markdown_artifact(key="change-report", markdown=change_markdown(changes),
                             description="Documents added, changed, removed and row deltas since the last run")


def validation_markdown(report: ValidationReport) -> str:
    status = "passed" if report.success else "FAILED: nothing was published"
    lines = [f"# Validation {status}", "", f"{len(report.results)} checks over {len(report.details)} tables.", ""]
    lines += ["| table | check | severity | result | failing rows | examples |", "|---|---|---|---|---|---|"]
    for r in report.results:
        if not r.success:
            examples = "; ".join(markdown_text(e) for e in r.examples)
            lines.append(f"| {r.table} | {r.check} | {r.severity} | failed | {r.failing_count} | {examples} |")
    if report.success and not report.warnings:
        lines.append("| | every check passed | | | | |")
    return "\n".join(lines) + "\n"


@io_task
def record_failure(catalog: Catalog, run_id: str, report: ValidationReport) -> Path:
    root = catalog.failed / run_id
    for name, details in report.details.items():
        publish.write_json(root / "validation" / f"{name}.json", details)
    publish.write_json(root / "summary.json", report.summary())
    return root


@io_task
def clean_leftovers(catalog: Catalog) -> None:
    """Remove what a killed run left behind (staging dirs, half-made symlinks and cache entries)."""
    removed = publish.clean_stale_staging(catalog)
    if removed:
        get_run_logger().warning("removed leftovers of an interrupted run: %s", ", ".join(removed))


@compute_task
def draw_report_charts(taxonomy: Taxonomy, tally: ReportTally) -> Charts:
    """The charts of the run's report (drawn here while the helper checks and writes the last partition)."""
    return draw_charts(theme_labels(taxonomy), tally)


@io_task
def write_run_report(staged: Path, data: ReportData, charts: Charts) -> Path:
    """The run's visual report, in its staging dir."""
    return report.write_report(staged, data, charts)


@io_task
def publish_run(catalog: Catalog, run_id: str, staged: Path, finished: Finished, manifest: dict[str, Any],
                plan: Plan) -> Path:
    """Finish the staged run (validation results, card, manifest), switch latest to it, link the report as an
    artifact, prune old runs and cache entries no file uses any more."""
    publish.finish_staging(staged, finished.report.details, manifest, finished.digests)
    final = publish.switch_latest(catalog, run_id, staged)
    create_link_artifact(link=(final / REPORT_FILE).resolve().as_uri(), link_text=f"report of run {run_id}",
                         key="corpus-report", description="The run's visual report (self-contained HTML)")
    removed = publish.prune_runs(catalog)
    dropped = DocumentCache(catalog.cache).prune(plan.keys.values())
    get_run_logger().info("publish: %s is now latest (%d old runs pruned, %d cache entries dropped)", final,
                          len(removed), dropped)
    return final


def build_manifest(
    *, run_id: str, started: datetime, catalog: Catalog, taxonomy: LoadedTaxonomy, version: str, plan: Plan,
    rejected: list[Rejection], documents: list[dict[str, Any]], row_counts: dict[str, int],
    report: ValidationReport, previous: dict[str, Any] | None,
) -> dict[str, Any]:
    """``documents``: rows of the documents table (``flows.partitions.MANIFEST_DOCUMENT_COLUMNS``)."""
    inputs = [
        {"path": d["path"], "sha256": d["sha256"], "bytes": d["n_bytes"], "encoding": d["encoding"],
         "status": "document", "doc_id": d["doc_id"], "reused": d["path"] in plan.cached}
        for d in documents
    ] + [
        {"path": r.path, "sha256": r.sha256, "bytes": r.n_bytes, "encoding": None, "status": "rejected",
         "reason": r.reason.value, "message": r.message}
        for r in rejected
    ]
    manifest: dict[str, Any] = {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "package": {"name": "corpus-pipeline", "version": package_version(), "code_version": version},
        "raw_dir": str(catalog.raw_dir),
        "taxonomy": {"id": taxonomy.taxonomy.taxonomy_id, "version": taxonomy.taxonomy.version,
                     "path": taxonomy.path, "sha256": taxonomy.sha256},
        "inputs": sorted(inputs, key=lambda i: str(i["path"])),
        "rejected": len(rejected),
        "processed": {"reused": len(plan.cached), "processed": plan.n_todo},
        "row_counts": row_counts,
        "validation": report.summary(),
    }
    manifest["changes"] = change_report(previous, manifest)
    return manifest
