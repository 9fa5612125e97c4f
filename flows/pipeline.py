"""The main flow: raw files -> records -> tables -> checks -> published files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.catalog import DEFAULT_EXPECTATIONS, DEFAULT_KEEP, DEFAULT_TAXONOMY, Catalog
from flows.tasks import (
    build,
    build_manifest,
    decode_files,
    discover_files,
    load_suites,
    load_taxonomy,
    new_run_id,
    publish_run,
    read_files,
    record_failure,
    report_artifacts,
    segment,
    tag,
    validate,
)
from transforms.errors import InputError, RejectedInputError, ValidationFailed
from transforms.records import Rejection


@flow(name="corpus-pipeline", validate_parameters=True)
def corpus_pipeline(
    raw_dir: str,
    out_dir: str,
    taxonomy: str = str(DEFAULT_TAXONOMY),
    strict: bool = False,
    expectations_dir: str = str(DEFAULT_EXPECTATIONS),
    keep: int = DEFAULT_KEEP,
) -> dict[str, Any]:
    """Read every file under ``raw_dir``, segment and tag it, validate the tables and publish them to
    ``out_dir/latest``. Fails, publishing nothing, when a blocking check fails."""
    catalog = Catalog(Path(raw_dir), Path(out_dir), Path(taxonomy), Path(expectations_dir), keep)
    started = datetime.now(UTC)
    run_id = new_run_id(started)

    raw = read_files(catalog.raw_dir, discover_files(catalog.raw_dir))
    docs, rejected = decode_files(raw)
    loaded = load_taxonomy(catalog.taxonomy)
    segmented, without_articles = segment(docs)
    rejected = rejected + without_articles
    _check_inputs(catalog, rejected, n_documents=len(segmented), strict=strict)
    tagged = tag(segmented, loaded.taxonomy)
    tables = build(tagged, rejected, loaded.taxonomy)
    report = validate(tables, load_suites(catalog), list(loaded.taxonomy.theme_ids))
    report_artifacts(tables, report)
    if not report.success:
        where = record_failure(catalog, run_id, report)
        raise ValidationFailed(_failure_message(report, where))

    manifest = build_manifest(run_id=run_id, started=started, catalog=catalog, taxonomy=loaded, tagged=tagged,
                              rejected=rejected, tables=tables, report=report)
    published = publish_run(catalog, run_id, tables, report, manifest)
    summary = {"run_id": run_id, "published": str(published), "row_counts": manifest["row_counts"],
               "rejected": len(rejected), "warnings": len(report.warnings)}
    get_run_logger().info("done: %s", summary)
    return summary


def _check_inputs(catalog: Catalog, rejected: list[Rejection], n_documents: int, strict: bool) -> None:
    listing = "; ".join(f"{r.path}: {r.reason.value} ({r.message})" for r in rejected[:10])
    more = f" and {len(rejected) - 10} more" if len(rejected) > 10 else ""
    if rejected:
        get_run_logger().warning("%d files rejected: %s%s", len(rejected), listing, more)
    if strict and rejected:
        raise RejectedInputError(
            f"{len(rejected)} raw files were rejected and --strict is set, so nothing was published: "
            f"{listing}{more}."
        )
    if n_documents == 0:
        detail = f" ({len(rejected)} rejected: {listing}{more})" if rejected else ""
        raise InputError(f"no document could be read from {catalog.raw_dir}{detail}; nothing was published.")


def _failure_message(report: Any, where: Path) -> str:
    parts = [
        f"{r.table}: {r.check} failed for {r.failing_count} rows (e.g. {', '.join(r.examples[:3])})"
        for r in report.blocking
    ]
    return (
        f"validation failed, so nothing was published and the previous latest is unchanged. "
        f"{len(parts)} blocking checks failed: " + "; ".join(parts[:8])
        + ("; ..." if len(parts) > 8 else "") + f". Full results: {where}."
    )
