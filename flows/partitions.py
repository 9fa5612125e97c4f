"""The consuming half of a run, in a process of its own: caching, validating and writing partitions.

The flow's process reads raw files, segments and tags them (or waits for its task runner's workers) and stores
the processed documents in the cache; what comes next for each batch and partition (validate the partition
with the GX suites and the code checks, append it to the staged Parquet and CSV files), then the tables
complete only at the end, runs in one helper process, so on two cores the two halves overlap. The helper also
tallies what the run's report shows as it writes each partition; the checks of a run's last partition wait for
``finish``, so that the flow can draw the report's charts from the tally meanwhile.
The helper keeps the run's ``Validation`` and ``TableFiles`` and receives batches in order; the flow waits
whenever a partition's worth of batches is queued, so a run holds about two partitions in memory.

The helper is spawned (never forked: the flow's process runs Prefect's threads) on first use (the command line
starts it early: ``warm_up``, then ``prefetch``, which has it process the first documents while Prefect starts:
``flows.prefetch``) and kept for the process's later runs, its state keyed by run id, so a test session or a
long-lived process pays its start-up (importing Great Expectations, ~4 s) once. It
imports neither Prefect nor the flow: only ``transforms`` and the I/O helpers. An error in the helper is
raised in the flow at its next call (the original traceback as the cause); a helper that died (killed, out of
memory) fails its run and is replaced by the next. The helper's files are in the run's staging dir, so a
failed run's are discarded with it.
"""

from __future__ import annotations

import multiprocessing
import resource
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from flows import validation
from flows.cache import CacheEntry, DocumentCache
from flows.prefetch import Prefetcher, Request, Rows
from flows.publish import TableFiles
from flows.validation import Validation, ValidationReport
from transforms.batches import BatchResult, process_batch
from transforms.records import RawFile, Rejection
from transforms.report import ARTICLE_COLUMNS, SENTENCE_COLUMNS, TAG_COLUMNS, ReportTally
from transforms.schema import TABLES, arrow_schema
from transforms.tables import AuthorTally, concat_document_tables, derived_tables
from transforms.themes import Taxonomy

MANIFEST_DOCUMENT_COLUMNS = ["path", "sha256", "n_bytes", "encoding", "doc_id"]


@dataclass(frozen=True, slots=True)
class Setup:
    """What the helper needs to know about a run."""

    run_id: str
    staged: Path  # the run's staging dir, where its table files go
    cache: Path  # the document cache's root
    suites: dict[str, dict[str, Any]]
    taxonomy: Taxonomy
    csv_bom: bool


@dataclass(frozen=True, slots=True)
class Finished:
    """What a run's partitions added up to."""

    report: ValidationReport
    partitions: int
    row_counts: dict[str, int]  # every table's
    documents: list[dict[str, Any]]  # the manifest's rows of the documents table (MANIFEST_DOCUMENT_COLUMNS)
    digests: dict[str, dict[str, Any]]  # of the table files, by path relative to the staging dir
    helper_peak_rss_mb: float  # the helper process's peak resident memory so far


@dataclass(frozen=True, slots=True)
class Added:
    """What the helper made of one batch: the message of the partition it closed (if any), the files processing
    rejected, how many documents it added, and (when it was the last batch of the run's last partition) the
    run's report tally, complete."""

    message: str | None
    rejected: list[Rejection]
    documents: int
    tally: ReportTally | None = None


@dataclass(slots=True)
class _Run:
    """A run's state in the helper."""

    setup: Setup
    validation: Validation
    files: TableFiles
    parts: list[dict[str, pa.Table]] = field(default_factory=list)  # per-document tables of the open partition
    authors: AuthorTally = field(default_factory=AuthorTally)
    tally: ReportTally = field(default_factory=ReportTally)
    documents: list[dict[str, Any]] = field(default_factory=list)
    last: tuple[int, dict[str, pa.Table]] | None = None  # the run's last partition, joined, its checks to come
    prefetched: dict[str, Rows] = field(default_factory=dict)  # by document key: rows made before the run began

    def add_batch(self, cached: dict[str, CacheEntry], result: BatchResult, keys: dict[str, str],
                  partition: int | None, final: bool, prefetched: list[str], stored: bool) -> Added:
        """A batch's documents, from the cache (``cached``: where each one's tables are, loaded here from the
        packs), from processing and (``prefetched``: their paths) from what was processed before the run began.
        The prefetched ones are stored in the cache here, and the processed ones unless ``stored`` (the flow's
        process stored them: ``PartitionWriter.add_batch``). When ``partition`` is given the batch is its last,
        and the partition is validated and written, or, when it is the run's last (``final``), joined and
        tallied only: its checks and writes wait for ``finish``."""
        made = dict(result.tables)
        to_store = {} if stored else dict(made)
        rejected = list(result.rejected)
        for path in prefetched:
            rows = self.prefetched.pop(keys[path])
            if isinstance(rows, Rejection):
                rejected.append(rows)
            else:
                made[path] = to_store[path] = rows
        cache = DocumentCache(self.setup.cache)  # its packs stay mapped while their tables are held
        cache.store({keys[path]: tables for path, tables in to_store.items()})
        self.parts += [_load(cache, path, entry) for path, entry in cached.items()]
        self.parts += made.values()
        message, tally = None, None
        if partition is not None:
            tables = self._join_partition()
            if final:
                self.last, tally = (partition, tables), self.tally
            else:
                message = self._write_partition(partition, tables)
        return Added(message, rejected, len(cached) + len(made), tally)

    def _join_partition(self) -> dict[str, pa.Table]:
        """The open partition's tables, in path order, with its authors and report data tallied."""
        tables = concat_document_tables(self.parts)
        self.parts = []
        self.authors.add(tables["articles"])
        self.tally.add(tables["articles"].select(ARTICLE_COLUMNS), tables["theme_tags"].select(TAG_COLUMNS),
                       tables["sentences"].select(SENTENCE_COLUMNS))
        return tables

    def _write_partition(self, number: int, tables: dict[str, pa.Table]) -> str:
        started = time.perf_counter()
        # The partition's own authors, themes and rejected, so that the code checks see every table.
        own = derived_tables(AuthorTally().add(tables["articles"]), [], self.setup.taxonomy)
        self.validation.add_partition(tables | own)
        for name, table in tables.items():
            self.files.write(name, table)
        self.documents += tables["documents"].select(MANIFEST_DOCUMENT_COLUMNS).to_pylist()
        rows = ", ".join(f"{k} {v.num_rows}" for k, v in tables.items())
        return f"partition {number} validated and written in {time.perf_counter() - started:.2f} s ({rows})"

    def finish(self, rejected: list[Rejection]) -> tuple[list[str], Finished]:
        """The last partition validated and written, then the tables complete only now (authors, themes,
        rejected); the files closed. Returns the last partition's message too."""
        messages = []
        if self.last is not None:
            messages.append(self._write_partition(*self.last))
            self.last = None
        derived = derived_tables(self.authors, rejected, self.setup.taxonomy)
        for name, table in derived.items():
            self.files.write(name, table)
        digests = self.files.close()
        self.validation.add_tables(derived)
        results = self.validation.finish()
        rows = self.validation.row_counts | {k: v.num_rows for k, v in derived.items()}
        return messages, Finished(results, self.validation.partitions, {t.name: rows[t.name] for t in TABLES},
                                  self.documents, digests, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


@dataclass(frozen=True, slots=True)
class Prefetched:
    """What the helper processed before a run began (``prefetch``): the documents' keys, their raw bytes, and
    what went wrong, if something stopped the prefetching early."""

    keys: frozenset[str] = frozenset()
    n_bytes: int = 0
    error: str | None = None


_runs: dict[str, _Run] = {}  # in the helper: runs begun and not yet finished or abandoned
_prefetcher: Prefetcher | None = None  # in the helper: the prefetching not yet taken by a run


def _warm_up() -> None:
    validation.warm_up()


def _start_prefetch(request: Request) -> None:
    global _prefetcher
    if _prefetcher is not None:
        _prefetcher.stop()
    _prefetcher = Prefetcher(request)
    _prefetcher.start()


def _prefetch_done(timeout: float | None) -> bool:
    return _prefetcher is None or _prefetcher.wait(timeout)


def _begin(setup: Setup) -> Prefetched:
    """The run's state, with the rows prefetched for it (the prefetching stopped now: the run has begun)."""
    global _prefetcher
    _warm_up()
    files = TableFiles(setup.staged, {t.name: arrow_schema(t) for t in TABLES}, setup.csv_bom)
    run = _runs[setup.run_id] = _Run(setup, Validation(setup.suites, list(setup.taxonomy.theme_ids)), files)
    if _prefetcher is None:
        return Prefetched()
    prefetcher, _prefetcher = _prefetcher, None
    run.prefetched = prefetcher.stop()
    return Prefetched(frozenset(run.prefetched), prefetcher.n_bytes, prefetcher.error)


def _load(cache: DocumentCache, path: str, entry: CacheEntry) -> dict[str, pa.Table]:
    tables = cache.load(entry)
    if tables is None:  # the flow read it moments ago, and one run at a time writes to a cache
        raise RuntimeError(f"the cache's entry of {path} (pack {entry.pack}) could not be read back; the next run "
                           "processes the file again")
    return tables


def _add_batch(run_id: str, cached: dict[str, CacheEntry], result: BatchResult, keys: dict[str, str],
               partition: int | None, final: bool, prefetched: list[str]) -> Added:
    return _runs[run_id].add_batch(cached, result, keys, partition, final, prefetched, stored=True)


def _process_and_add(run_id: str, cached: dict[str, CacheEntry], files: list[RawFile],
                     keys: dict[str, str], partition: int | None, final: bool, prefetched: list[str]) -> Added:
    run = _runs[run_id]
    result = process_batch(files, run.setup.taxonomy)
    return run.add_batch(cached, result, keys, partition, final, prefetched, stored=False)


def _finish(run_id: str, rejected: list[Rejection]) -> tuple[list[str], Finished]:
    return _runs.pop(run_id).finish(rejected)


def _abandon(run_id: str) -> None:
    run = _runs.pop(run_id, None)
    if run is not None:
        run.files.close()


_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None


def _helper() -> ProcessPoolExecutor:
    """The process's helper, started on first use (or again after the last one broke)."""
    global _executor
    with _lock:
        if _executor is None:
            _executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return _executor


_prefetch_requested = False  # in the flow's process: whether the next run takes rows from prefetch()


def warm_up() -> None:
    """Start the helper and its imports (~5 s of CPU) now, without waiting: the command line calls this before
    Prefect starts its temporary server (~10 s, mostly waiting), so that the first partition is not processed
    beside the helper's start-up."""
    _helper().submit(_warm_up)


def prefetch(request: Request) -> None:
    """Have the helper, once warmed up, process the first documents of ``request.raw_dir`` until the next run
    begins (``flows.prefetch``): the command line calls this with ``warm_up``, so that the time Prefect takes to
    start is not lost. The next run (``PartitionWriter``) takes the rows whose keys its plan gives."""
    global _prefetch_requested
    _helper().submit(_start_prefetch, request)
    _prefetch_requested = True


def prefetch_done(timeout: float | None = None) -> bool:
    """Wait until the helper has done the prefetch asked for (its budget, or every file), or ``timeout`` seconds;
    whether it has (for tests and benchmarks: a run never waits for it, it stops it)."""
    return bool(_helper().submit(_prefetch_done, timeout).result())


def _forget(broken: ProcessPoolExecutor) -> None:
    global _executor
    with _lock:
        if _executor is broken:
            _executor = None
    broken.shutdown(wait=False, cancel_futures=True)


@dataclass(frozen=True, slots=True)
class _Pending:
    """A batch handed over and not yet collected."""

    future: Future[Added]
    rejected: list[Rejection]  # the files the flow rejected while loading the batch
    closes_partition: bool


class PartitionWriter:
    """The flow's handle on its run in the helper: what the helper prefetched for it (``prefetched``), every batch
    in plan order (``add_batch`` for a processed one, ``add_raw_batch`` for one the helper processes itself; both
    with the paths of the batch's prefetched files), then ``handed``, then ``finish`` (or ``abandon``).

    Both ``add_*`` return the messages of the partitions the helper has finished meanwhile; they block while more
    than ``ahead`` batches wait in the helper, and raise the helper's error, if any. ``wants_a_batch`` says
    whether the helper has the time to process the next batch itself (see ``add_raw_batch``). ``handed`` waits
    for every batch and gives what they added up to: the files rejected (those the flow rejected on loading and
    those processing rejected, in plan order), the number of documents, and the run's report tally (``tally``,
    once the last batch, marked ``final``, is handed). ``begin_finish`` starts the last partition's checks and
    writes and returns at once, so the flow can draw the report's charts meanwhile; ``finish`` waits for them."""

    def __init__(self, setup: Setup, ahead: int) -> None:
        self.run_id = setup.run_id
        self.ahead = max(ahead, 1)
        self.rejected: list[Rejection] = []
        self.documents = 0
        self.raw_batches = 0  # batches the helper processed itself
        self.tally = ReportTally()  # the helper's, complete once the final batch is handed
        self._finishing: Future[tuple[list[str], Finished]] | None = None
        self._pool = _helper()
        self._pending: deque[_Pending] = deque()
        self._cache = setup.cache
        global _prefetch_requested
        self._prefetch_requested, _prefetch_requested = _prefetch_requested, False
        try:
            self._started: Future[Prefetched] = self._pool.submit(_begin, setup)
        except BrokenProcessPool:  # the helper of an earlier run died: start a new one
            _forget(self._pool)
            self._pool = _helper()
            self._started = self._pool.submit(_begin, setup)

    def prefetched(self) -> Prefetched:
        """What the helper processed for this run before it began (waits for the helper to take it, when the
        process asked for a prefetch; else nothing, at once)."""
        return self._wait(self._started) if self._prefetch_requested else Prefetched()

    def add_batch(self, cached: dict[str, CacheEntry], result: BatchResult, keys: dict[str, str],
                  partition: int | None, rejected: list[Rejection], final: bool = False,
                  prefetched: list[str] | None = None) -> list[str]:
        """``partition``: the partition's number when this batch is its last; ``rejected``: the files the flow
        rejected while loading the batch; ``final``: the batch is the run's last (its partition's checks wait
        for ``finish``); ``prefetched``: the batch's files whose rows the helper holds (``prefetched()``), their
        keys in ``keys``. The processed rows are stored in the cache first, here in the flow's process: the
        helper, which checks and writes every partition, is the busier of the two (storing them there cost it ~1 s
        of CPU per 100 MB, and the run ~5% of its wall time)."""
        DocumentCache(self._cache).store({keys[path]: tables for path, tables in result.tables.items()})
        return self._queue(_add_batch, cached, result, keys, partition, rejected, final, prefetched or [])

    def add_raw_batch(self, cached: dict[str, CacheEntry], files: list[RawFile], keys: dict[str, str],
                      partition: int | None, rejected: list[Rejection], final: bool = False,
                      prefetched: list[str] | None = None) -> list[str]:
        """As ``add_batch``, for a batch whose files the helper processes itself: the same ``process_batch``, so
        the same rows. ``keys``: the cache key of every file."""
        self.raw_batches += 1
        return self._queue(_process_and_add, cached, files, keys, partition, rejected, final, prefetched or [])

    def _queue(self, fn: Any, cached: dict[str, CacheEntry], batch: BatchResult | list[RawFile],
               keys: dict[str, str], partition: int | None, rejected: list[Rejection], final: bool,
               prefetched: list[str]) -> list[str]:
        if final and partition is None:
            raise ValueError("the run's last batch closes its partition")
        future = self._call(fn, self.run_id, cached, batch, keys, partition, final, prefetched)
        self._pending.append(_Pending(future, rejected, partition is not None and not final))
        return self._collect(self.ahead)

    def wants_a_batch(self) -> bool:
        """Whether the helper would otherwise wait for work soon: it has at most one batch still to store and no
        partition still to check. On two cores the helper's checks and writes take less time than the
        processing, so between partitions it has time to spare; a batch given to it then is processed beside
        the flow's next one. Asked before each batch by the sequential runner, so the share balances itself: a
        helper that falls behind is given nothing until it catches up."""
        waiting = [p for p in self._pending if not p.future.done()]
        return len(waiting) <= 1 and not any(p.closes_partition for p in waiting)

    def handed(self) -> list[str]:
        """Wait for every batch handed over; their rejected files and documents are then in ``rejected`` and
        ``documents``. Returns the messages of the partitions finished meanwhile."""
        return self._collect(0)

    def begin_finish(self, rejected: list[Rejection]) -> Future[tuple[list[str], Finished]]:
        """Start ``finish`` in the helper, without waiting for it."""
        if self._finishing is None:
            self._finishing = self._call(_finish, self.run_id, rejected)
        return self._finishing

    def finish(self, rejected: list[Rejection]) -> tuple[list[str], Finished]:
        """The last partition validated and written, then the tables complete only at the end; ``rejected``: every
        file the run rejected (as given to ``begin_finish``, if that was called)."""
        messages = self._collect(0)
        more, finished = self._wait(self.begin_finish(rejected))
        return messages + more, finished

    def abandon(self) -> None:
        """Close the run's files in the helper (the flow discards its staging dir); quiet if the helper is gone."""
        try:
            self._pool.submit(_abandon, self.run_id).result()
        except BrokenProcessPool:
            _forget(self._pool)
        except Exception:  # closing failed too: the run's own error is the one to raise
            pass

    def _call(self, fn: Any, *args: Any) -> Future[Any]:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:
            self._wait(self._started)  # raises what broke it, if the start did
            raise

    def _collect(self, keep: int) -> list[str]:
        messages = []
        self._wait(self._started)
        while len(self._pending) > keep or (self._pending and self._pending[0].future.done()):
            pending = self._pending.popleft()
            added: Added = self._wait(pending.future)
            self.rejected += pending.rejected + added.rejected
            self.documents += added.documents
            if added.tally is not None:
                self.tally = added.tally
            if added.message is not None:
                messages.append(added.message)
        return messages

    def _wait(self, future: Future[Any]) -> Any:
        try:
            return future.result()
        except BrokenProcessPool:
            _forget(self._pool)
            raise
