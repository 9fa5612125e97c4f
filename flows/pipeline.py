"""The main flow: raw files -> records -> tables -> checks -> published files."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from flows.cache import code_version
from flows.catalog import DEFAULT_EXPECTATIONS, DEFAULT_KEEP, DEFAULT_LOCK_TIMEOUT, DEFAULT_TAXONOMY, Catalog
from flows.lock import run_lock
from flows.tasks import (
    build_document_tables,
    build_manifest,
    change_artifact,
    clean_leftovers,
    combine,
    decode_files,
    discover_files,
    load_suites,
    load_taxonomy,
    new_run_id,
    package_version,
    plan_documents,
    previous_manifest,
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
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    csv_bom: bool = False,
) -> dict[str, Any]:
    """Read every file under ``raw_dir``, segment and tag the new or changed ones (the rest come from the
    cache), validate the tables and publish them to ``out_dir/latest``. Publishes nothing when a blocking check
    fails. One run at a time per ``out_dir``: a second run waits up to ``lock_timeout`` seconds."""
    catalog = Catalog(Path(raw_dir), Path(out_dir), Path(taxonomy), Path(expectations_dir), keep, csv_bom)
    started = datetime.now(UTC)
    run_id = new_run_id(started)
    version = code_version(package_version())
    logger = get_run_logger()
    with run_lock(catalog.out_dir, lock_timeout, on_wait=lambda who: logger.info("waiting for %s", who)):
        clean_leftovers(catalog)
        files, rejected = read_files(catalog.raw_dir, discover_files(catalog.raw_dir))
        loaded = load_taxonomy(catalog.taxonomy)
        plan = plan_documents(catalog, files, loaded, version)
        docs, undecodable = decode_files(plan.todo)
        segmented, without_articles = segment(docs)
        rejected = rejected + undecodable + without_articles
        _check_inputs(catalog, rejected, n_documents=len(segmented) + len(plan.cached), strict=strict)
        tagged = tag(segmented, loaded.taxonomy)
        fresh = build_document_tables(catalog, plan, tagged)
        tables = combine(plan, fresh, rejected, loaded.taxonomy)
        report = validate(tables, load_suites(catalog), list(loaded.taxonomy.theme_ids))
        report_artifacts(tables, report)
        if not report.success:
            where = record_failure(catalog, run_id, report)
            raise ValidationFailed(_failure_message(report, where))

        manifest = build_manifest(
            run_id=run_id, started=started, catalog=catalog, taxonomy=loaded, version=version, plan=plan,
            rejected=rejected, tables=tables, report=report, previous=previous_manifest(catalog),
        )
        change_artifact(manifest["changes"])
        published = publish_run(catalog, run_id, tables, report, manifest, plan)
    summary = {"run_id": run_id, "published": str(published), "row_counts": manifest["row_counts"],
               "rejected": len(rejected), "warnings": len(report.warnings), **manifest["processed"]}
    logger.info("done: %s", summary)
    return summary


def _check_inputs(catalog: Catalog, rejected: list[Rejection], n_documents: int, strict: bool) -> None:
    summary = _rejection_summary(rejected)
    if rejected:
        get_run_logger().warning(summary)
    if strict and rejected:
        raise RejectedInputError(f"{summary}. --strict is set, so nothing was published.")
    if n_documents == 0:
        detail = f" ({summary})" if rejected else ""
        raise InputError(f"no document could be read from {catalog.raw_dir}{detail}; nothing was published.")


def _rejection_summary(rejected: list[Rejection], examples: int = 10) -> str:
    by_reason = Counter(r.reason.value for r in rejected)
    ordered = sorted(rejected, key=lambda r: r.path)
    listing = "; ".join(f"{r.path}: {r.reason.value} ({r.message})" for r in ordered[:examples])
    more = f"; and {len(rejected) - examples} more" if len(rejected) > examples else ""
    counts = ", ".join(f"{reason} {n}" for reason, n in by_reason.most_common())
    return f"{len(rejected)} raw files were rejected ({counts}): {listing}{more}"


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
