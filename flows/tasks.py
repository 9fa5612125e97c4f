"""Prefect tasks: thin wrappers that call ``transforms`` and the I/O helpers. Only I/O tasks retry."""

from __future__ import annotations

import hashlib
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
from flows.catalog import Catalog
from flows.validation import ValidationReport, load_suite, validate_tables
from transforms.decoding import read_document
from transforms.errors import CorpusError, TaxonomyError
from transforms.records import Document, RawFile, Rejection, TaggedDocument
from transforms.schema import TABLES
from transforms.segment import segment_or_reject
from transforms.tables import build_tables
from transforms.themes import Taxonomy, parse_taxonomy, tag_article

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


@task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS, retry_condition_fn=_may_pass)
def discover_files(raw_dir: Path) -> list[str]:
    paths = io.discover(raw_dir)
    get_run_logger().info("discover: %d files under %s", len(paths), raw_dir)
    return paths


@task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS, retry_condition_fn=_may_pass)
def read_files(raw_dir: Path, paths: list[str]) -> list[RawFile | Rejection]:
    items = [io.read_raw(raw_dir, p) for p in paths]
    size = sum(len(i.data) for i in items if isinstance(i, RawFile))
    get_run_logger().info("read: %d files, %d bytes", len(items), size)
    return items


@task(cache_policy=NONE)
def decode_files(items: list[RawFile | Rejection]) -> tuple[list[Document], list[Rejection]]:
    docs: list[Document] = []
    rejected = [i for i in items if isinstance(i, Rejection)]
    for item in items:
        if isinstance(item, RawFile):
            result = read_document(item)
            (docs if isinstance(result, Document) else rejected).append(result)  # type: ignore[arg-type]
    get_run_logger().info("decode: %d documents, %d rejected", len(docs), len(rejected))
    return docs, rejected


@task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS, retry_condition_fn=_may_pass)
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


@task(cache_policy=NONE)
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


@task(cache_policy=NONE)
def tag(segmented: list[TaggedDocument], taxonomy: Taxonomy) -> list[TaggedDocument]:
    out = []
    for item in segmented:
        scores: dict[str, Any] = {}
        for article in item.articles:
            scores.update(tag_article(taxonomy, article))
        out.append(TaggedDocument(item.document, item.articles, scores))
    get_run_logger().info("tag: %d units scored", sum(len(t.scores) for t in out))
    return out


@task(cache_policy=NONE)
def build(tagged: list[TaggedDocument], rejected: list[Rejection], taxonomy: Taxonomy) -> dict[str, pa.Table]:
    tables = build_tables(tagged, rejected, taxonomy)
    get_run_logger().info("build: %s", ", ".join(f"{k}={v.num_rows}" for k, v in tables.items()))
    return tables


@task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS, retry_condition_fn=_may_pass)
def load_suites(catalog: Catalog) -> dict[str, dict[str, Any]]:
    return {t.name: load_suite(catalog, t.name) for t in TABLES}


@task(cache_policy=NONE)
def validate(
    tables: dict[str, pa.Table], suites: dict[str, dict[str, Any]], theme_ids: list[str]
) -> ValidationReport:
    report = validate_tables(tables, suites, theme_ids)
    get_run_logger().info(
        "validate: %d checks, %d blocking failures, %d warnings",
        len(report.results), len(report.blocking), len(report.warnings),
    )
    return report


@task(cache_policy=NONE)
def report_artifacts(tables: dict[str, pa.Table], report: ValidationReport) -> None:
    create_table_artifact(
        key="row-counts", table=[{"table": k, "rows": v.num_rows} for k, v in tables.items()],
        description="Rows per output table in this run",
    )
    create_markdown_artifact(key="validation-summary", markdown=validation_markdown(report),
                             description="Great Expectations suites and code checks")


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


@task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS, retry_condition_fn=_may_pass)
def record_failure(catalog: Catalog, run_id: str, report: ValidationReport) -> Path:
    root = catalog.failed / run_id
    for name, details in report.details.items():
        publish.write_json(root / "validation" / f"{name}.json", details)
    publish.write_json(root / "summary.json", report.summary())
    return root


@task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS, retry_condition_fn=_may_pass)
def publish_run(
    catalog: Catalog, run_id: str, tables: dict[str, pa.Table], report: ValidationReport,
    manifest: dict[str, Any],
) -> Path:
    publish.clean_stale_staging(catalog)
    staged = publish.stage_run(catalog, run_id, tables, report.details, manifest)
    final = publish.switch_latest(catalog, run_id, staged)
    removed = publish.prune_runs(catalog)
    get_run_logger().info("publish: %s is now latest (%d old runs pruned)", final, len(removed))
    return final


def build_manifest(
    *, run_id: str, started: datetime, catalog: Catalog, taxonomy: LoadedTaxonomy,
    tagged: list[TaggedDocument], rejected: list[Rejection], tables: dict[str, pa.Table],
    report: ValidationReport,
) -> dict[str, Any]:
    inputs = [
        {"path": d.path, "sha256": d.sha256, "bytes": d.n_bytes, "encoding": d.encoding, "status": "document",
         "doc_id": d.doc_id}
        for d in (t.document for t in tagged)
    ] + [
        {"path": r.path, "sha256": r.sha256, "bytes": r.n_bytes, "encoding": None, "status": "rejected",
         "reason": r.reason.value, "message": r.message}
        for r in rejected
    ]
    return {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "package": {"name": "corpus-pipeline", "version": package_version()},
        "raw_dir": str(catalog.raw_dir),
        "taxonomy": {"id": taxonomy.taxonomy.taxonomy_id, "version": taxonomy.taxonomy.version,
                     "path": taxonomy.path, "sha256": taxonomy.sha256},
        "inputs": sorted(inputs, key=lambda i: str(i["path"])),
        "rejected": len(rejected),
        "row_counts": {k: v.num_rows for k, v in tables.items()},
        "validation": report.summary(),
    }
