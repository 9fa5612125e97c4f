"""The main flow: raw files -> records -> tables -> checks -> published files.

A run is cut into batches (the unit of work a task runner schedules) and partitions (consecutive batches, the
unit that is validated and appended to the staged output files), so memory grows with the partition size, not
with the corpus. Batches are submitted a few ahead and handed on in path order, so every runner writes the same
rows in the same order. The flow's process reads and processes batches (or waits for its runner's workers);
a helper process stores them in the cache, validates and writes the partitions (``flows.partitions``), so the
two halves of a run overlap. With the sequential runner the helper also processes a batch itself whenever it
would otherwise soon wait for work (``PartitionWriter.wants_a_batch``), beside the flow's next one.
"""

# No postponed annotations here: a deployment's flow run builds a pydantic model of the flow's parameters from
# its signature, and cannot resolve the string "RunSettings" there.
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote

from flows import publish
from flows.cache import code_version, package_version
from flows.catalog import Catalog
from flows.io import LoadedTaxonomy
from flows.lock import run_lock
from flows.partitions import PartitionWriter, Prefetched, Setup
from flows.progress import Progress
from flows.report import import_charting_soon, run_report_data
from flows.runners import batch_bytes, in_flight, task_runner
from flows.settings import RunSettings
from flows.tasks import (
    Batch,
    LoadedBatch,
    Plan,
    build_manifest,
    change_artifact,
    clean_leftovers,
    discover_files,
    draw_report_charts,
    fingerprint_files,
    finish_partitions,
    load_batch,
    load_suites,
    load_taxonomy,
    new_run_id,
    plan_documents,
    previous_manifest,
    process,
    publish_run,
    record_failure,
    report_artifacts,
    write_run_report,
)
from transforms.batches import BatchResult
from transforms.errors import InputError, RejectedInputError, ValidationFailed
from transforms.records import Rejection, RejectReason


@flow(name="corpus-pipeline", validate_parameters=True)
def corpus_pipeline(settings: RunSettings) -> dict[str, Any]:
    """Read every file under ``settings.raw_dir``, segment and tag the new or changed ones (the rest come from
    the cache), validate the tables and publish them to ``settings.out_dir/latest``. Publishes nothing when a
    blocking check fails. One run at a time per output dir: a second run waits up to ``lock_timeout`` seconds.

    ``runner`` says where batches are processed (``sequential``: in the flow's thread; ``threads``; ``dask``: on
    the cluster at ``dask_address``, or on a local cluster of ``workers`` processes): see ``flows.runners``.
    ``batch_mb`` (raw MB per batch, the unit a runner schedules) defaults to a size for the runner
    (``flows.runners.batch_bytes``)."""
    s = settings
    catalog = s.catalog()
    started = datetime.now(UTC)
    run_id = new_run_id(started)
    logger = get_run_logger()
    with run_lock(catalog.out_dir, s.lock_timeout, on_wait=lambda who: logger.info("waiting for %s", who)):
        clean_leftovers(catalog)
        files, rejected = fingerprint_files(catalog.raw_dir, discover_files(catalog.raw_dir))
        if not files and not rejected:
            logger.warning("the raw dir %s holds no files: nothing to do, latest is unchanged", catalog.raw_dir)
            return {"run_id": run_id, "published": None, "row_counts": {}, "rejected": 0, "warnings": 0,
                    "reused": 0, "processed": 0, "prefetched": 0}
        loaded = load_taxonomy(catalog.taxonomy)
        version = code_version(package_version())
        plan = plan_documents(catalog, _unwalked(files), loaded, version, batch_bytes(s.runner, s.batch_mb),
                              int(s.partition_mb * 1e6))
        staged = publish.open_staging(catalog, run_id)
        per_partition = max((len(p) for p in plan.partitions), default=1)  # batches
        writer = PartitionWriter(Setup(run_id, staged, catalog.cache, load_suites(catalog), loaded.taxonomy,
                                       catalog.csv_bom), ahead=per_partition)
        progress = Progress(plan.n_bytes, f"corpus-pipeline {run_id}")
        try:
            held = _prefetched(plan, writer.prefetched())
            with _opened(task_runner(s.runner, s.dask_address, s.workers)) as pool:
                ahead = in_flight(s.runner, s.workers, per_partition)
                batches = _processed(catalog, plan, loaded, pool, ahead, writer.wants_a_batch, held)
                _hand_over(plan, batches, writer, progress)
            rejected += writer.rejected
            _check_inputs(catalog, rejected, n_documents=writer.documents, strict=s.strict)
            writer.begin_finish(rejected)  # the last partition's checks, in the helper, while the charts are drawn
            charts = draw_report_charts(_unwalked(loaded.taxonomy), _unwalked(writer.tally))
            finished = finish_partitions(_unwalked(writer), rejected)
            report, counts = finished.report, finished.row_counts
            report_artifacts(counts, _unwalked(report))
            if not report.success:
                where = record_failure(catalog, run_id, _unwalked(report))
                raise ValidationFailed(_failure_message(report, where))
            manifest = build_manifest(
                run_id=run_id, started=started, catalog=catalog, taxonomy=loaded, version=version, plan=plan,
                rejected=rejected, documents=finished.documents, row_counts=counts, report=report,
                previous=previous_manifest(catalog),
            )
            change_artifact(_unwalked(manifest["changes"]))
            write_run_report(staged, _unwalked(run_report_data(manifest, loaded.taxonomy, writer.tally, rejected)),
                             _unwalked(charts))
            published = publish_run(catalog, run_id, staged, _unwalked(finished), _unwalked(manifest),
                                    _unwalked(plan))
        except BaseException:
            writer.abandon()
            publish.discard_staging(staged)
            raise
        finally:
            progress.close()
    summary = {"run_id": run_id, "published": str(published), "row_counts": counts,
               "rejected": len(rejected), "warnings": len(report.warnings), **manifest["processed"],
               "prefetched": len(held)}
    logger.info("done: %s", summary)
    return summary


T = TypeVar("T")


def _hand_over(
    plan: Plan, batches: Iterator[tuple[LoadedBatch, BatchResult | None]], writer: PartitionWriter,
    progress: Progress,
) -> None:
    """Hand every batch to the helper, in order, marking each partition's last: processed, or (``None`` for a
    result) as files for the helper to process itself; then wait for all of them (the documents and files
    rejected on the way are then in ``writer.documents`` and ``writer.rejected``, the report's tally in
    ``writer.tally``; the last partition is checked and written by ``writer.finish``)."""
    logger = get_run_logger()
    for number, partition in enumerate(plan.partitions, start=1):
        for i, batch in enumerate(partition, start=1):
            loaded_batch, result = next(batches)
            last = i == len(partition)
            if last:
                logger.info("validate and write: partition %d (up to %d documents)", number,
                            sum(len(b.files) for b in partition))
            closes = number if last else None
            final = last and number == len(plan.partitions)  # its checks wait for writer.finish
            made = [f.path for f in loaded_batch.raw] if result is None else list(result.tables)
            keys = {path: plan.keys[path] for path in [*made, *loaded_batch.prefetched]}  # what the cache stores
            if result is None:
                messages = writer.add_raw_batch(loaded_batch.cached, loaded_batch.raw, keys, closes,
                                                loaded_batch.rejected, final, loaded_batch.prefetched)
            else:
                messages = writer.add_batch(loaded_batch.cached, result, keys, closes, loaded_batch.rejected, final,
                                            loaded_batch.prefetched)
            for message in messages:
                logger.info("helper: %s", message)
            progress.advance(batch.n_bytes)
    import_charting_soon()  # while the helper catches up: the report's charts are drawn next
    for message in writer.handed():
        logger.info("helper: %s", message)
    if writer.raw_batches:
        logger.info("processed in the helper: %d of %d batches", writer.raw_batches,
                    sum(len(p) for p in plan.partitions))


def _unwalked(value: T) -> T:
    """``value``, marked so that Prefect passes it to a task without walking it (it would look at every file of
    a plan, for every task call: a run became quadratic in the number of documents; and at every document of a
    manifest, every item of a batch, every rule of a taxonomy)."""
    return cast(T, quote(value))


def _opened(pool: TaskRunner[Any] | None) -> AbstractContextManager[TaskRunner[Any] | None]:
    return pool if pool is not None else nullcontext()


def _prefetched(plan: Plan, prefetched: Prefetched) -> frozenset[str]:
    """The paths of the plan's documents to process whose rows the helper made before the run began (their keys
    are the plan's: the same bytes, code and taxonomy)."""
    logger = get_run_logger()
    if prefetched.error is not None:
        logger.warning("prefetching stopped early (%s); the run processes those documents itself", prefetched.error)
    held = frozenset(p for p, k in plan.keys.items() if k in prefetched.keys and p not in plan.cached)
    if prefetched.keys:
        logger.info("prefetch: %d documents (%.1f MB) processed by the helper while Prefect started; %d of them "
                    "in this run's plan", len(prefetched.keys), prefetched.n_bytes / 1e6, len(held))
    return held


def _processed(
    catalog: Catalog, plan: Plan, loaded: LoadedTaxonomy, pool: TaskRunner[Any] | None, ahead: int,
    helper_wants: Callable[[], bool], prefetched: frozenset[str] = frozenset(),
) -> Iterator[tuple[LoadedBatch, BatchResult | None]]:
    """Every batch of the plan, loaded and processed, in order (the files in ``prefetched`` only listed: the
    helper holds their rows; a batch left with nothing to process gets an empty result, without a task). With a
    task runner (``pool``), up to ``ahead`` batches are submitted before the one being consumed, so the workers
    stay busy while memory stays bounded. Without one, each batch is processed here when it is reached, unless
    ``helper_wants`` it: then it comes unprocessed (``None``), for the helper process to process beside this
    process's next batch."""
    todo: Iterator[Batch] = (b for p in plan.partitions for b in p)

    def load(batch: Batch) -> LoadedBatch:
        return load_batch(catalog, _unwalked(plan), _unwalked(batch), _unwalked(prefetched))

    if pool is None:
        for batch in todo:
            loaded_batch = load(batch)
            if not loaded_batch.raw:
                yield loaded_batch, BatchResult()
            elif helper_wants():
                yield loaded_batch, None
            else:  # unwalked: Prefect would look into every file and the taxonomy's matcher (~60 ms a task)
                yield loaded_batch, process(_unwalked(loaded_batch.raw), _unwalked(loaded.taxonomy))
        return
    pending: deque[tuple[LoadedBatch, PrefectFuture[BatchResult] | None]] = deque()

    def submit() -> bool:
        batch = next(todo, None)
        if batch is None:
            return False
        loaded_batch = load(batch)
        # plain values (a Dask worker does not unwrap unwalked ones), walked by Prefect once per batch
        future = (pool.submit(process, {"files": loaded_batch.raw, "taxonomy": loaded.taxonomy})
                  if loaded_batch.raw else None)
        pending.append((loaded_batch, future))
        return True

    while len(pending) < max(ahead, 1) and submit():
        pass
    while pending:
        loaded_batch, future = pending.popleft()
        result = future.result() if future is not None else BatchResult()
        submit()
        yield loaded_batch, result


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
