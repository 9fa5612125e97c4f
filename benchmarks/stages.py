"""Throughput of each pipeline stage, in-process (no Prefect), on a corpus scaled up from raw/.

    .venv/bin/python -m benchmarks.stages [--mb 5] [--raw-dir raw]

Prints, per stage: seconds and MB/s of raw text; then the peak RSS of the process. The scaled corpus varies
titles and bylines per copy, so no cache or dictionary flatters the numbers.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from benchmarks.corpus import scaled_corpus
from flows.catalog import DEFAULT_TAXONOMY, Catalog
from flows.publish import write_table_files
from flows.validation import load_suite, validate_tables
from transforms.decoding import read_document
from transforms.records import Document, RawFile, TaggedDocument
from transforms.schema import TABLES
from transforms.segment import segment_document
from transforms.tables import build_tables
from transforms.themes import parse_taxonomy, tag_articles

T = TypeVar("T")


def timed(label: str, n_bytes: int, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<14} {seconds:8.2f} s {n_bytes / 1e6 / seconds:9.2f} MB/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the scaled corpus in MB")
    parser.add_argument("--raw-dir", type=Path, default=Path("raw"))
    args = parser.parse_args()

    raw = [RawFile(name, data) for name, data in scaled_corpus(args.raw_dir, args.mb).items()]
    n = sum(len(r.data) for r in raw)
    print(f"corpus: {len(raw)} files, {n / 1e6:.1f} MB")
    taxonomy = parse_taxonomy(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    docs = timed("decode", n, lambda: [d for d in map(read_document, raw) if isinstance(d, Document)])
    segmented = timed("segment", n, lambda: [(d, segment_document(d)) for d in docs])

    tagged = timed("tag", n, lambda: [TaggedDocument(d, a, tag_articles(taxonomy, a)) for d, a in segmented])
    tables = timed("build tables", n, lambda: build_tables(tagged, [], taxonomy))
    suites = {t.name: load_suite(Catalog(args.raw_dir, Path(".")), t.name) for t in TABLES}
    timed("validate", n, lambda: validate_tables(tables, suites, list(taxonomy.theme_ids)))
    with tempfile.TemporaryDirectory() as tmp:
        timed("write", n, lambda: [write_table_files(Path(tmp), k, v) for k, v in tables.items()])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS       {peak:8.0f} MB")


if __name__ == "__main__":
    main()
