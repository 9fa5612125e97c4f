"""Documents in batches: how a run is cut into units of work, and what one unit of work does.

A batch is a run of consecutive files (in path order) of about ``batch_bytes``; it is the unit a task runner
schedules (a thread, a Dask worker). A partition is a run of consecutive batches of about ``partition_bytes``;
it is the unit the flow validates and appends to the output files, so a run holds one partition in memory, not
the corpus. Both are cut by path order and size only, so every runner produces the same rows in the same order
and the same Parquet row groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import pyarrow as pa

from transforms.decoding import read_document
from transforms.records import RawFile, Rejection, TaggedDocument
from transforms.segment import segment_or_reject
from transforms.tables import document_tables
from transforms.themes import Taxonomy, tag_articles

DEFAULT_BATCH_BYTES = 4_000_000
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


def process_batch(files: Sequence[RawFile], taxonomy: Taxonomy) -> BatchResult:
    """Decode, segment and tag each file and build its rows: the whole per-document pipeline, pure."""
    out = BatchResult(n_bytes=sum(f.n_bytes for f in files))
    for raw in files:
        doc = read_document(raw)
        if isinstance(doc, Rejection):
            out.rejected.append(doc)
            continue
        articles = segment_or_reject(doc)
        if isinstance(articles, Rejection):
            out.rejected.append(articles)
            continue
        out.tables[raw.path] = document_tables(TaggedDocument(doc, articles, tag_articles(taxonomy, articles)))
    return out
