"""The main flow: discover the raw files, plan shards, build the new ones on the runner, commit.

A shard (``transforms.shards``) is the unit every stage works on: one task reads, segments, tags, checks and
writes it, wherever the runner puts it (``flows.runners``), and stores it by key (``flows.shards``); a shard
whose key is stored already is not built again. The commit (``flows.commit``) checks what spans shards from
their summaries while the shards' files are laid out in the staging dir, adds the whole tables, and switches
``latest`` (``flows.publish``); a run whose checks fail discards its staging dir.
"""

# No postponed annotations here: a deployment's flow run builds a pydantic model of the flow's parameters from
# its signature, and cannot resolve the string "RunSettings" there.
import importlib
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from prefect import flow, get_run_logger
from prefect.utilities.annotations import quote

from flows import publish
from flows.catalog import Catalog
from flows.commit import failing_shards
from flows.lock import run_lock
from flows.progress import Progress
from flows.report import run_report_data
from flows.runners import ShardRunner
from flows.settings import RunSettings
from flows.shards import ShardSetup, ShardSummary
from flows.tasks import (
    Plan,
    build_manifest,
    build_shards,
    change_artifact,
    check_shards,
    clean_leftovers,
    discover_files,
    draw_report_charts,
    fingerprint_files,
    known_inputs,
    load_suites,
    load_taxonomy,
    new_run_id,
    plan_shards,
    previous_manifest,
    publish_run,
    record_failure,
    report_artifacts,
    stage_shard_files,
    stage_tables,
    write_run_report,
)
from flows.validation import warm_up
from flows.versions import code_version, package_version
from transforms.errors import InputError, RejectedInputError, ValidationFailed
from transforms.records import Rejection, RejectReason
from transforms.shards import GROUP_BYTES


@flow(name="corpus-pipeline", validate_parameters=True)
def corpus_pipeline(settings: RunSettings) -> dict[str, Any]:
    """Read every file under ``settings.raw_dir``, build the shards that are new or changed (the rest are
    stored already), check them and what spans them, and publish them to ``settings.out_dir/latest``.
    Publishes nothing when a blocking check fails. One run at a time per output dir: a second run waits up to
    ``lock_timeout`` seconds. ``runner`` says where shards are built (``flows.runners``)."""
    s = settings
    cpu = time.process_time()
    catalog = s.catalog()
    started = datetime.now(UTC)
    run_id = new_run_id(started)
    logger = get_run_logger()
    with run_lock(catalog.out_dir, s.lock_timeout, on_wait=lambda who: logger.info("waiting for %s", who)):
        clean_leftovers(catalog)
        previous = previous_manifest(catalog)
        files, rejected, stats = fingerprint_files(catalog.raw_dir, _unwalked(discover_files(catalog.raw_dir)),
                                                   _unwalked({} if s.rehash else known_inputs(previous)), started)
        if not files and not rejected:
            logger.warning("the raw dir %s holds no files: nothing to do, latest is unchanged", catalog.raw_dir)
            return {"run_id": run_id, "published": None, "row_counts": {}, "rejected": 0, "warnings": 0,
                    "reused": 0, "processed": 0, "shards": 0, "shards_reused": 0}
        import_soon(great_expectations=s.runner != "processes")
        taxonomy, suites = load_taxonomy(catalog.taxonomy), load_suites(catalog)
        version = code_version(package_version())
        plan = plan_shards(catalog, _unwalked(files), _unwalked(taxonomy), suites, version, int(s.shard_mb * 1e6))
        setup = ShardSetup(catalog.raw_dir, catalog.shards, suites, taxonomy.taxonomy, catalog.csv_bom)
        progress = Progress(sum(spec.n_bytes for spec in plan.todo), f"corpus-pipeline {run_id}")
        try:
            with ShardRunner(s.runner, s.dask_address, s.workers) as runner:
                groups = plan.groups(runner.workers, most=max(int(s.shard_mb * 1e6), GROUP_BYTES))
                built = runner.map(build_shards, setup, groups, done=lambda group: progress.advance(group.n_bytes))
        finally:
            progress.close()
        summaries = _in_order(plan, [summary for group in built for summary in group])
        staged = publish.open_staging(catalog, run_id)
        shard_files = stage_shard_files.submit(catalog, staged, _unwalked(summaries), _unwalked(previous))
        try:  # the shards' files are staged while the checks run and the charts are drawn
            checked = check_shards(catalog, _unwalked(summaries), rejected, suites, _unwalked(taxonomy.taxonomy),
                                   s.runner, _unwalked(previous))
            _check_inputs(catalog, checked.rejected, n_documents=len(checked.documents), strict=s.strict)
            report = checked.report
            report_artifacts(checked.row_counts, _unwalked(report))
            if not report.success:
                where = record_failure(catalog, run_id, _unwalked(report))
                raise ValidationFailed(_failure_message(report, where, summaries))
            charts = draw_report_charts(catalog, _unwalked(taxonomy.taxonomy), _unwalked(checked.tally), version)
            tables = stage_tables(catalog, staged, _unwalked(shard_files.result()), _unwalked(checked))
            manifest = build_manifest(run_id=run_id, started=started, catalog=catalog, taxonomy=taxonomy,
                                      version=version, plan=plan, summaries=summaries, checked=checked,
                                      previous=previous, joined=tables.joined, stats=stats)
            change_artifact(_unwalked(manifest["changes"]))
            write_run_report(staged, _unwalked(run_report_data(manifest, taxonomy.taxonomy, checked.tally,
                                                               checked.rejected)), _unwalked(charts))
            published = publish_run(catalog, run_id, staged, _unwalked(report), _unwalked(manifest),
                                    _unwalked(tables), _unwalked(plan))
        except BaseException:
            shard_files.wait()  # nothing may write into the staging dir while it is removed
            publish.discard_staging(staged)
            raise
    summary = {"run_id": run_id, "published": str(published), "row_counts": checked.row_counts,
               "rejected": len(checked.rejected), "warnings": len(report.warnings), **manifest["processed"],
               "flow_cpu_seconds": round(time.process_time() - cpu, 3)}  # this process's: the driver's cost
    logger.info("done: %s", summary)
    return summary


T = TypeVar("T")


def _unwalked(value: T) -> T:
    """``value``, marked so that Prefect passes it to a task without walking it (it would look at every file of
    a plan, every document of a manifest, every rule of a taxonomy, for every task call)."""
    return cast(T, quote(value))


def import_soon(great_expectations: bool = True) -> None:
    """Import matplotlib and, unless told not to, Great Expectations (seconds) in a thread, while the
    shards are built: the commit draws the report's charts in this process, and checks the whole tables with GX
    here unless a worker process does (runner ``processes``). The command line calls this before the flow too,
    so the imports overlap Prefect's start."""
    def imports() -> None:
        importlib.import_module("matplotlib.figure")
        if great_expectations:
            warm_up()

    threading.Thread(target=imports, name="import-soon", daemon=True).start()


def _in_order(plan: Plan, built: list[ShardSummary]) -> list[ShardSummary]:
    """Every shard's summary, in shard order: the stored ones' and the ones just built."""
    made = {spec.key: summary for spec, summary in zip(plan.todo, built, strict=True)}
    return [plan.stored[spec.key] if spec.key in plan.stored else made[spec.key] for spec in plan.shards]


def _check_inputs(catalog: Catalog, rejected: list[Rejection], n_documents: int, strict: bool) -> None:
    logger = get_run_logger()
    summary = _rejection_summary(rejected)
    if rejected:
        logger.warning(summary)
    errors = [r for r in rejected if r.reason is RejectReason.INTERNAL_ERROR]
    for r in errors:  # a bug met on one file: the file is rejected, the run goes on
        logger.warning("internal error on %s, which is rejected: %s", r.path, r.message)
    if strict and rejected:
        raise RejectedInputError(f"{summary}. --strict is set, so nothing was published.")
    if n_documents == 0:
        if errors and len(errors) == len(rejected):
            raise InputError(f"every file of {catalog.raw_dir} failed with an internal error (a bug in the "
                             f"pipeline, not in the input), e.g. {errors[0].path}: {errors[0].message}; nothing "
                             "was published.")
        detail = f" ({summary})" if rejected else ""
        raise InputError(f"no document could be read from {catalog.raw_dir}{detail}; nothing was published.")


def _rejection_summary(rejected: list[Rejection], examples: int = 10) -> str:
    by_reason = Counter(r.reason.value for r in rejected)
    ordered = sorted(rejected, key=lambda r: r.path)
    listing = "; ".join(f"{r.path}: {r.reason.value} ({r.message})" for r in ordered[:examples])
    more = f"; and {len(rejected) - examples} more" if len(rejected) > examples else ""
    counts = ", ".join(f"{reason} {n}" for reason, n in sorted(by_reason.items(), key=lambda rn: (-rn[1], rn[0])))
    return f"{len(rejected)} raw files were rejected ({counts}): {listing}{more}"


def _failure_message(report: Any, where: Path, summaries: list[ShardSummary]) -> str:
    parts = [
        f"{r.table}: {r.check} failed for {r.failing_count} rows (e.g. {', '.join(r.examples[:3])})"
        for r in report.blocking
    ]
    shards = failing_shards(report, summaries)
    return (
        f"validation failed, so nothing was published and the previous latest is unchanged. "
        f"{len(parts)} blocking checks failed: " + "; ".join(parts[:8])
        + ("; ..." if len(parts) > 8 else "") + ". Where: " + ("; ".join(shards[:8]) if shards else "across shards")
        + f". Full results: {where}."
    )
