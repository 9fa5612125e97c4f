"""Documents in batches: how a run is cut into units of work, and what one unit of work does.

A batch is a run of consecutive files (in path order) of about ``batch_bytes``; it is the unit a task runner
schedules (a thread, a Dask worker). A partition is a run of consecutive batches of about ``partition_bytes``;
it is the unit the flow validates and appends to the output files, so a run holds a partition or two in memory,
not the corpus. Both are cut by path order and size only, so every runner produces the same rows in the same order
and the same Parquet row groups.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import pyarrow as pa

from transforms.decoding import read_document
from transforms.records import Article, Document, RawFile, Rejection, TaggedDocument
from transforms.segment import segment_or_reject
from transforms.tables import documents_tables
from transforms.themes import Taxonomy, tag_articles

DEFAULT_BATCH_BYTES = 4_000_000
# A partition is validated and written (in the flow's helper process) once its last batch is processed. Each
# partition's checks cost ~0.5 s besides their rows (GX building its metric graph for five suites), so fewer,
# larger partitions cost less: 32 MB ran a 100 MB corpus in 0.90x the wall time of 16 MB (medians of 3 by
# turns; a run with its last partition cut small, or its last two tapered to 16 and 8 MB, was not faster: the
# helper is still checking the partition before when the last batch is processed).
DEFAULT_PARTITION_BYTES = 32_000_000


class _Sized(Protocol):
    @property
    def n_bytes(self) -> int: ...


F = TypeVar("F", bound=_Sized)


def cut(files: Iterable[F], max_bytes: int) -> list[list[F]]:
    """Consecutive groups of ``files`` (kept in the given order), each of at most ``max_bytes`` unless a single
    file is larger."""
    groups: list[list[F]] = []
    size = 0
    for f in files:
        if not groups or (size + f.n_bytes > max_bytes and groups[-1]):
            groups.append([])
            size = 0
        groups[-1].append(f)
        size += f.n_bytes
    return groups


@dataclass(slots=True)
class BatchResult:
    """The tables of every document of a batch that became a document (by path), and the files rejected."""

    tables: dict[str, dict[str, pa.Table]] = field(default_factory=dict)
    rejected: list[Rejection] = field(default_factory=list)
    n_bytes: int = 0

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (to and from Dask workers, to the flow's helper process) as one Arrow IPC stream per table name
        plus each document's row counts. A document's tables are slices of the batch's: a pickled slice would
        carry the whole batch's buffers, while IPC writes each slice's rows only; and writing IPC is ~4x faster
        than pickling the tables (24 MB of tables per 4 MB batch). The documents' slices are joined into one
        record batch per table first: writing each slice as a record batch of its own cost twice as much (0.06 s
        against 0.03 s per 4 MB batch, in the flow's process, where the batches are made)."""
        paths = list(self.tables)
        names = list(self.tables[paths[0]]) if paths else []
        streams = [_ipc_stream(pa.concat_tables([self.tables[p][name] for p in paths]).combine_chunks())
                   for name in names]
        counts = [[self.tables[p][name].num_rows for name in names] for p in paths]
        return _unpickle_batch, (paths, names, streams, counts, self.rejected, self.n_bytes)


def _ipc_stream(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _unpickle_batch(paths: list[str], names: list[str], streams: list[bytes], counts: list[list[int]],
                    rejected: list[Rejection], n_bytes: int) -> BatchResult:
    whole = {name: pa.ipc.open_stream(pa.py_buffer(stream)).read_all() for name, stream in zip(names, streams,
                                                                                              strict=True)}
    starts = dict.fromkeys(names, 0)
    tables: dict[str, dict[str, pa.Table]] = {}
    for path, row_counts in zip(paths, counts, strict=True):
        tables[path] = {}
        for name, n in zip(names, row_counts, strict=True):
            tables[path][name] = whole[name].slice(starts[name], n)
            starts[name] += n
    return BatchResult(tables, rejected, n_bytes)


_gc_lock = threading.Lock()
_gc_pauses = 0  # batches being processed now (threads of one process), under _gc_lock
_gc_was_enabled = False  # whether the collector was on when the first of them started


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the block runs (and while any other thread is inside one).

    Processing a batch makes some hundred thousand small records that all stay alive until its tables are built;
    the collector would walk them again and again (about a third of segmenting and tagging's time). They hold
    no reference cycles, so reference counting frees them as before; the collector's own pass comes back when
    the last batch in the process is done. A collector the caller had turned off stays off.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def process_batch(files: Sequence[RawFile], taxonomy: Taxonomy) -> BatchResult:
    """Decode and segment each file, tag the batch's articles together (one matching pass), and build each
    document's rows: the whole per-document pipeline, pure (the cyclic garbage collector paused meanwhile)."""
    with cyclic_gc_paused():
        return _process_batch(files, taxonomy)


def _process_batch(files: Sequence[RawFile], taxonomy: Taxonomy) -> BatchResult:
    """An unexpected error on one file rejects that file (``internal_error``), never the batch."""
    out = BatchResult(n_bytes=sum(f.n_bytes for f in files))
    segmented: list[tuple[Document, tuple[Article, ...]]] = []
    for raw in files:
        try:
            doc = read_document(raw)
            if isinstance(doc, Rejection):
                out.rejected.append(doc)
                continue
            articles = segment_or_reject(doc)
        except Exception as error:
            out.rejected.append(Rejection.of_error(error, raw.path, raw.sha256, raw.n_bytes))
            continue
        if isinstance(articles, Rejection):
            out.rejected.append(articles)
            continue
        segmented.append((doc, articles))
    try:
        out.tables = _tagged_tables(taxonomy, segmented)
    except Exception:  # one document's tags or rows failed: find it by doing each document alone
        for doc, articles in segmented:
            try:
                out.tables.update(_tagged_tables(taxonomy, [(doc, articles)]))
            except Exception as error:
                out.rejected.append(Rejection.of_error(error, doc.path, doc.sha256, doc.n_bytes))
    return out


def _tagged_tables(taxonomy: Taxonomy, segmented: Sequence[tuple[Document, tuple[Article, ...]]]
                   ) -> dict[str, dict[str, pa.Table]]:
    """The documents' tables, their articles tagged together (one matching pass)."""
    scores = tag_articles(taxonomy, (a for _, articles in segmented for a in articles))
    return documents_tables([TaggedDocument(doc, articles, scores) for doc, articles in segmented])
