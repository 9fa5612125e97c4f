"""Processing a run's first documents while Prefect starts, in the helper process.

A command-line run spends its first ~10 s starting Prefect's temporary server, with one of two cores mostly
idle; the helper imports Great Expectations meanwhile (~4 s) and is then idle too. ``Prefetcher`` uses that
time: it reads the raw files in path order (the order a run processes them), keys each as the run will
(``flows.cache.document_key``: path, bytes, code version, taxonomy), skips those the cache holds, and processes
the others with ``process_batch``, in small batches, until it is stopped (the run has begun: ``stop``) or has
processed ``budget`` bytes. A document's rows depend only on its key, so the run takes the prefetched rows of
every document whose key its own plan gives (a file edited since has another key, and is processed again);
what the run does not take is dropped with it.

It reads only: the raw files, the taxonomy, the cache's index. It never writes, so it needs no lock, and a file
it cannot read or key is simply left to the run, which reports it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from flows import io
from flows.cache import DocumentCache, code_version, document_key, package_version
from transforms.batches import process_batch
from transforms.records import RawFile, Rejection
from transforms.themes import Taxonomy

PREFETCH_BATCH_BYTES = 1_000_000  # how often the prefetcher looks whether it was stopped (~0.15 s of work)

Rows = dict[str, pa.Table] | Rejection  # a document's tables, or why processing rejected its file


@dataclass(frozen=True, slots=True)
class Request:
    """What to prefetch: the run's raw dir, its cache, its taxonomy file, and at most how many raw bytes."""

    raw_dir: Path
    cache: Path
    taxonomy: Path
    budget: int


class Prefetcher:
    """Processes the request's documents in a thread of its own (``start``) until ``stop``; ``stop`` returns
    the rows made, by document key. An error ends the prefetching (``error`` says what it was); the rows made
    until then stand."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.rows: dict[str, Rows] = {}
        self.n_bytes = 0  # raw bytes processed
        self.error: str | None = None  # what stopped the prefetcher, when something went wrong
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="corpus-pipeline-prefetch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the prefetcher has done its budget (or the raw dir) or ``timeout`` seconds; whether it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def stop(self) -> dict[str, Rows]:
        """Stop after the batch being processed (if any); the rows made so far, by document key."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        return self.rows

    def _run(self) -> None:
        try:
            self._prefetch()
        except Exception as exc:  # the run processes the documents itself, and logs this
            self.error = f"{type(exc).__name__}: {exc}"

    def _prefetch(self) -> None:
        r = self.request
        loaded = io.read_taxonomy(r.taxonomy)
        version = code_version(package_version())
        cache = DocumentCache(r.cache)
        cached: set[str] | None = None
        batch: list[tuple[str, RawFile]] = []
        batch_bytes = 0
        for path in io.discover(r.raw_dir).paths:
            if self._stopped.is_set() or self.n_bytes + batch_bytes >= r.budget:
                break
            item = io.read_raw(r.raw_dir, path)
            if isinstance(item, Rejection):  # not read: the run reads it and reports why
                continue
            if cached is None:  # the cache's index, once (after the first file: nothing to read in an empty dir)
                cached = cache.keys()
            key = document_key(path, item.sha256, version, loaded.sha256)
            if key in cached:
                continue
            batch.append((key, item))
            batch_bytes += item.n_bytes
            if batch_bytes >= PREFETCH_BATCH_BYTES:
                self._process(batch, loaded.taxonomy)
                batch, batch_bytes = [], 0
        if batch and not self._stopped.is_set():
            self._process(batch, loaded.taxonomy)

    def _process(self, batch: list[tuple[str, RawFile]], taxonomy: Taxonomy) -> None:
        result = process_batch([f for _, f in batch], taxonomy)
        rejected = {r.path: r for r in result.rejected}
        for key, f in batch:
            self.rows[key] = result.tables[f.path] if f.path in result.tables else rejected[f.path]
            self.n_bytes += f.n_bytes
