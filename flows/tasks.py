"""Prefect tasks: thin wrappers that call ``transforms`` and the I/O helpers. Only I/O tasks retry."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE

from flows import io, publish
from flows.cache import DocumentCache, document_key
from flows.catalog import Catalog, manifest_path
from flows.validation import ValidationReport, load_suite, validate_tables
from transforms.changes import change_markdown, change_report
from transforms.decoding import read_document
from transforms.errors import CorpusError, TaxonomyError
from transforms.inputs import drop_duplicates
from transforms.records import Document, RawFile, Rejection, TaggedDocument
from transforms.schema import TABLES
from transforms.segment import segment_or_reject
from transforms.tables import combine_tables, document_tables
from transforms.themes import Taxonomy, parse_taxonomy, tag_articles

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


def package_version() -> str:
    try:
        return metadata.version("corpus-pipeline")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%fZ")


@dataclass(frozen=True, slots=True)
class LoadedTaxonomy:
    taxonomy: Taxonomy
    path: str
    sha256: str


@io_task
def discover_files(raw_dir: Path) -> list[str]:
    paths = io.discover(raw_dir)
    get_run_logger().info("discover: %d files under %s", len(paths), raw_dir)
    return paths


@io_task
def read_files(raw_dir: Path, paths: list[str]) -> tuple[list[RawFile], list[Rejection]]:
    """Every file read, or rejected with a reason; files with the same bytes as another are rejected too."""
    items = [io.read_raw(raw_dir, p) for p in paths]
    rejected = [i for i in items if isinstance(i, Rejection)]
    files = [i for i in items if isinstance(i, RawFile)]
    files, duplicates = drop_duplicates(files)
    size = sum(len(f.data) for f in files)
    get_run_logger().info("read: %d files, %d bytes; %d rejected, %d duplicates", len(files), size,
                          len(rejected), len(duplicates))
    return files, rejected + duplicates


@dataclass(frozen=True, slots=True)
class Plan:
    """Which documents the cache already holds (their tables) and which must be processed."""

    keys: dict[str, str]  # path -> cache key, for every file read
    cached: dict[str, dict[str, pa.Table]]  # path -> that document's tables, reused as they are
    todo: list[RawFile]


@compute_task
def plan_documents(catalog: Catalog, files: list[RawFile], taxonomy: LoadedTaxonomy, version: str) -> Plan:
    cache = DocumentCache(catalog.cache)
    keys = {f.path: document_key(f.path, f.sha256, version, taxonomy.sha256) for f in files}
    cached: dict[str, dict[str, pa.Table]] = {}
    todo = []
    for f in files:
        hit = cache.load(keys[f.path])
        if hit is None:
            todo.append(f)
        else:
            cached[f.path] = hit
    get_run_logger().info("plan: %d documents reused from the cache, %d to process", len(cached), len(todo))
    return Plan(keys, cached, todo)


@compute_task
def decode_files(files: list[RawFile]) -> tuple[list[Document], list[Rejection]]:
    docs: list[Document] = []
    rejected: list[Rejection] = []
    for raw in files:
        result = read_document(raw)
        if isinstance(result, Document):
            docs.append(result)
        else:
            rejected.append(result)
    get_run_logger().info("decode: %d documents, %d rejected", len(docs), len(rejected))
    return docs, rejected


@io_task
def load_taxonomy(path: Path) -> LoadedTaxonomy:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TaxonomyError(f"the taxonomy file {path} cannot be read: {exc.strerror or exc}") from exc
    try:
        taxonomy = parse_taxonomy(data.decode("utf-8"))
    except (TaxonomyError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"the taxonomy file {path} is invalid: {exc}") from exc
    return LoadedTaxonomy(taxonomy, str(path), hashlib.sha256(data).hexdigest())


@compute_task
def segment(docs: list[Document]) -> tuple[list[TaggedDocument], list[Rejection]]:
    segmented, rejected = [], []
    for doc in docs:
        result = segment_or_reject(doc)
        if isinstance(result, Rejection):
            rejected.append(result)
        else:
            segmented.append(TaggedDocument(doc, result))
    n_articles = sum(len(d.articles) for d in segmented)
    n_paragraphs = sum(len(a.paragraphs) for d in segmented for a in d.articles)
    get_run_logger().info("segment: %d articles, %d paragraphs; %d documents without articles",
                          n_articles, n_paragraphs, len(rejected))
    return segmented, rejected


@compute_task
def tag(segmented: list[TaggedDocument], taxonomy: Taxonomy) -> list[TaggedDocument]:
    out = [TaggedDocument(d.document, d.articles, tag_articles(taxonomy, d.articles)) for d in segmented]
    get_run_logger().info("tag: %d units scored", sum(len(t.scores) for t in out))
    return out


@io_task
def build_document_tables(catalog: Catalog, plan: Plan, tagged: list[TaggedDocument]) -> dict[str, dict[str, pa.Table]]:
    """Each processed document's tables, stored in the cache for the next run."""
    cache = DocumentCache(catalog.cache)
    fresh = {}
    for item in tagged:
        tables = document_tables(item)
        cache.store(plan.keys[item.document.path], tables)
        fresh[item.document.path] = tables
    get_run_logger().info("build: tables for %d documents", len(fresh))
    return fresh


@compute_task
def combine(
    plan: Plan, fresh: dict[str, dict[str, pa.Table]], rejected: list[Rejection], taxonomy: Taxonomy
) -> dict[str, pa.Table]:
    tables = combine_tables([*plan.cached.values(), *fresh.values()], rejected, taxonomy)
    get_run_logger().info("combine: %s", ", ".join(f"{k}={v.num_rows}" for k, v in tables.items()))
    return tables


@io_task
def load_suites(catalog: Catalog) -> dict[str, dict[str, Any]]:
    return {t.name: load_suite(catalog, t.name) for t in TABLES}


@compute_task
def validate(
    tables: dict[str, pa.Table], suites: dict[str, dict[str, Any]], theme_ids: list[str]
) -> ValidationReport:
    report = validate_tables(tables, suites, theme_ids)
    get_run_logger().info(
        "validate: %d checks, %d blocking failures, %d warnings",
        len(report.results), len(report.blocking), len(report.warnings),
    )
    return report


@io_task
def previous_manifest(catalog: Catalog) -> dict[str, Any] | None:
    """The manifest of the run ``latest`` points to, or None before the first run."""
    path = manifest_path(catalog.latest)
    if not path.exists():
        return None
    return dict(json.loads(path.read_text(encoding="utf-8")))


@compute_task
def report_artifacts(tables: dict[str, pa.Table], report: ValidationReport) -> None:
    create_table_artifact(
        key="row-counts", table=[{"table": k, "rows": v.num_rows} for k, v in tables.items()],
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
            examples = "; ".join(e.replace("|", "\\|") for e in r.examples)
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


@io_task
def publish_run(
    catalog: Catalog, run_id: str, tables: dict[str, pa.Table], report: ValidationReport,
    manifest: dict[str, Any], plan: Plan,
) -> Path:
    staged = publish.stage_run(catalog, run_id, tables, report.details, manifest)
    final = publish.switch_latest(catalog, run_id, staged)
    removed = publish.prune_runs(catalog)
    dropped = DocumentCache(catalog.cache).prune(plan.keys.values())
    get_run_logger().info("publish: %s is now latest (%d old runs pruned, %d cache entries dropped)", final,
                          len(removed), dropped)
    return final


def build_manifest(
    *, run_id: str, started: datetime, catalog: Catalog, taxonomy: LoadedTaxonomy, version: str, plan: Plan,
    rejected: list[Rejection], tables: dict[str, pa.Table], report: ValidationReport,
    previous: dict[str, Any] | None,
) -> dict[str, Any]:
    documents = tables["documents"].select(["path", "sha256", "n_bytes", "encoding", "doc_id"]).to_pylist()
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
        "processed": {"reused": len(plan.cached), "processed": len(plan.todo)},
        "row_counts": {k: v.num_rows for k, v in tables.items()},
        "validation": report.summary(),
    }
    manifest["changes"] = change_report(previous, manifest)
    return manifest
