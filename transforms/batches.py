"""Documents in batches: what one unit of processing does to raw files.

A shard (``flows.shards``) is processed a batch of ``DEFAULT_BATCH_BYTES`` at a time: each batch's records are
made with the cyclic garbage collector paused (see ``cyclic_gc_paused``) and become tables, so the records of
one batch, not of the whole shard, are alive at once.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import pyarrow as pa

from transforms.decoding import read_document
from transforms.records import Document, RawFile, Rejection, Segmented, TaggedDocument
from transforms.segment import segment_or_reject
from transforms.tables import documents_tables
from transforms.themes import Taxonomy, tag_articles

DEFAULT_BATCH_BYTES = 4_000_000


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
    segmented: list[tuple[Document, Segmented]] = []
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


def _tagged_tables(taxonomy: Taxonomy, segmented: Sequence[tuple[Document, Segmented]]
                   ) -> dict[str, dict[str, pa.Table]]:
    """The documents' tables, their articles tagged together (one matching pass)."""
    scores = tag_articles(taxonomy, (a for _, parts in segmented for a in parts.articles))
    return documents_tables([TaggedDocument(doc, parts.articles, scores, parts.lines) for doc, parts in segmented])
