"""The helper process that caches, validates and writes a run's partitions (``flows.partitions``), through the
flow's handle on it: what it writes is the flow's tables, row for row; its errors reach the flow; a helper that
died is replaced by the next run."""

from __future__ import annotations

import os
import re
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows import partitions
from flows.cache import DocumentCache
from flows.catalog import Catalog, parquet_path
from flows.partitions import PartitionWriter, Setup
from flows.publish import file_digests
from flows.report import report_data, run_report_data, write_report
from flows.validation import load_suite
from tests.conftest import SAMPLE, WIRE
from transforms.batches import BatchResult, process_batch
from transforms.records import RawFile, Rejection, RejectReason
from transforms.report import ReportTally, draw_charts, render_report
from transforms.schema import TABLES
from transforms.tables import AuthorTally, concat_document_tables, derived_tables
from transforms.themes import Taxonomy


def setup(tmp_path: Path, taxonomy: Taxonomy, run_id: str) -> Setup:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out")
    staged = tmp_path / run_id
    staged.mkdir()
    suites = {t.name: load_suite(catalog, t.name) for t in TABLES}
    return Setup(run_id, staged, tmp_path / "cache", suites, taxonomy, csv_bom=False)


@pytest.fixture(scope="module")
def raws() -> list[RawFile]:
    """The sample's and the wire layout's files."""
    raw = [RawFile(p.name, p.read_bytes()) for corpus in (SAMPLE, WIRE)
           for p in sorted((corpus / "raw").rglob("*")) if p.is_file()]
    assert len(raw) == 3
    return raw


@pytest.fixture(scope="module")
def batches(taxonomy: Taxonomy, raws: list[RawFile]) -> list[BatchResult]:
    """One document per batch."""
    return [process_batch([f], taxonomy) for f in raws]


def test_the_helper_writes_validates_and_caches_what_it_is_handed(
    tmp_path: Path, taxonomy: Taxonomy, raws: list[RawFile], batches: list[BatchResult]
) -> None:
    # Two partitions: the first of two batches (the second's document comes "from the cache"), the second of one,
    # whose files the helper processes itself (with a file that processing rejects, and one the flow rejected).
    first, second, third = batches
    cached = {path: tables for path, tables in second.tables.items()}
    earlier = DocumentCache(tmp_path / "cache")  # an earlier run stored the second batch's document
    earlier.store({f"earlier-{p}": tables for p, tables in cached.items()})
    entries = earlier.find(f"earlier-{p}" for p in cached)
    loading = Rejection("gone.txt", "", 0, RejectReason.UNREADABLE, "vanished")
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-1"), ahead=1)
    messages = writer.add_batch({}, first, {p: f"key-{p}" for p in first.tables}, None, [])
    # Rows processed in the flow's process are stored in the cache there, before the helper is handed them.
    assert set(DocumentCache(tmp_path / "cache").find(f"key-{p}" for p in first.tables)) == \
        {f"key-{p}" for p in first.tables}
    messages += writer.add_batch({p: entries[f"earlier-{p}"] for p in cached}, BatchResult(), {}, 1, [])
    files = [raws[2], RawFile("z.bin", b"\x00\x01" * 50)]
    messages += writer.add_raw_batch({}, files, {f.path: f"key-{f.path}" for f in files}, 2, [loading], final=True)
    messages += writer.handed()
    # The run's last partition is only joined and tallied so far: its checks and writes wait for finish.
    assert [re.sub(r" in \d+\.\d\d s \(.*", "", m) for m in messages] == ["partition 1 validated and written"]
    assert writer.documents == 3 and writer.raw_batches == 1
    assert [(r.path, r.reason) for r in writer.rejected] == [("gone.txt", RejectReason.UNREADABLE),
                                                             ("z.bin", RejectReason.BINARY)]
    more, finished = writer.finish([])
    messages += more
    assert [re.sub(r" in \d+\.\d\d s \(.*", "", m) for m in more] == ["partition 2 validated and written"]

    # What the flow would have built: each partition's documents in path order, partition after partition.
    one, two = concat_document_tables([*first.tables.values(), *cached.values()]), \
        concat_document_tables(list(third.tables.values()))
    expected = {name: pa.concat_tables([one[name], two[name]]) for name in one}
    expected |= derived_tables(AuthorTally().add(expected["articles"]), [], taxonomy)
    staged = tmp_path / "run-1"
    for t in TABLES:
        assert pq.read_table(parquet_path(staged, t.name)).to_pylist() == expected[t.name].to_pylist(), t.name
    assert pq.ParquetFile(parquet_path(staged, "sentences")).num_row_groups == 2  # one per partition
    assert finished.report.success and finished.partitions == 2
    assert finished.row_counts == {t.name: expected[t.name].num_rows for t in TABLES}
    assert [d["path"] for d in finished.documents] == expected["documents"].column("path").to_pylist()
    assert finished.digests == {k: v for k, v in file_digests(staged).items() if k.startswith(("csv/", "parquet/"))}

    # Processed documents are in the cache under their keys (the third batch's stored by the helper, which
    # processed it); the one handed from the cache (its entry: the helper loaded its tables) is not stored again.
    cache = DocumentCache(tmp_path / "cache")
    found = cache.find(f"key-{p}" for b in (first, second, third) for p in b.tables)
    assert set(found) == {f"key-{p}" for b in (first, third) for p in b.tables}
    for batch in (first, third):
        for path, tables in batch.tables.items():
            stored = cache.load(found[f"key-{path}"])
            assert stored is not None and all(stored[n].equals(t) for n, t in tables.items())
    assert len({e.pack for e in found.values()}) == 2  # a pack a batch
    assert len(list((tmp_path / "cache").iterdir())) == 3  # and the earlier run's

    # The report tally the helper gathered partition by partition is that of the tables as written: the run's
    # report (its charts drawn from the tally) is the one rebuilt from the files.
    assert writer.tally == ReportTally().add(expected["articles"], expected["theme_tags"], expected["sentences"])
    manifest = {"run_id": "run-1", "validation": finished.report.summary(), "row_counts": finished.row_counts,
                "inputs": [], "rejected": 0, "changes": {}, "taxonomy": {"id": "t", "version": "1"},
                "package": {"version": "0"}}
    data = run_report_data(manifest, taxonomy, writer.tally, [])
    charts = draw_charts(data.themes, data.tally)
    assert write_report(staged, data, charts) == staged / "report.html"
    written = (staged / "report.html").read_text(encoding="utf-8")
    assert written.count("<svg") == 3 and written == render_report(report_data(staged, manifest))


def test_an_error_in_the_helper_reaches_the_flow(
    tmp_path: Path, taxonomy: Taxonomy, batches: list[BatchResult]
) -> None:
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-2"), ahead=1)
    with pytest.raises(KeyError, match="not-prefetched"):  # the helper holds no prefetched rows for the key
        writer.add_batch({}, BatchResult(), {"a.txt": "not-prefetched"}, None, [], prefetched=["a.txt"])
        writer.finish([])
    writer.abandon()
    # The helper lives on: the next run on it is whole.
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-3"), ahead=1)
    writer.add_batch({}, batches[0], {p: "k" for p in batches[0].tables}, 1, [])
    assert writer.finish([])[1].report.success


def test_a_cache_entry_the_helper_cannot_read_back_fails_the_run_naming_the_file(
    tmp_path: Path, taxonomy: Taxonomy, batches: list[BatchResult]
) -> None:
    (path, tables), = batches[0].tables.items()
    cache = DocumentCache(tmp_path / "cache")
    cache.store({"k": tables})
    entry = cache.find(["k"])["k"]
    (tmp_path / "cache" / entry.pack).unlink()  # gone between the flow's check and the helper's load
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-2b"), ahead=1)
    with pytest.raises(RuntimeError, match=f"entry of {path} .*processes the file again"):
        writer.add_batch({path: entry}, BatchResult(), {}, 1, [], final=True)
        writer.finish([])
    writer.abandon()


def test_a_helper_that_died_fails_its_run_and_the_next_run_starts_a_new_one(
    tmp_path: Path, taxonomy: Taxonomy, batches: list[BatchResult]
) -> None:
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-4"), ahead=1)
    pid = partitions._helper().submit(os.getpid).result()
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(BrokenProcessPool):
        for _ in range(50):  # the pool notices the death within a moment
            writer.add_batch({}, batches[0], {p: "k" for p in batches[0].tables}, None, [])
    writer.abandon()  # quiet: nothing left to close
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-5"), ahead=1)
    assert partitions._helper().submit(os.getpid).result() != pid
    writer.add_batch({}, batches[2], {p: "k" for p in batches[2].tables}, 1, [])
    _, finished = writer.finish([])
    assert finished.report.success
    assert pq.read_table(parquet_path(tmp_path / "run-5", "documents")).num_rows == 1
    assert pa.types.is_string(pq.read_schema(parquet_path(tmp_path / "run-5", "documents")).field("path").type)


def test_a_failed_write_fails_the_run(
    tmp_path: Path, taxonomy: Taxonomy, raws: list[RawFile], batches: list[BatchResult]
) -> None:
    settings = setup(tmp_path, taxonomy, "run-6")
    (tmp_path / "cache").write_text("a file where the cache's folder should be", encoding="utf-8")
    writer = PartitionWriter(settings, ahead=1)
    with pytest.raises(OSError):  # in the flow's process, which stores what it processed
        writer.add_batch({}, batches[0], {p: "k" for p in batches[0].tables}, 1, [])
    writer.abandon()
    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-6b"), ahead=1)
    with pytest.raises(OSError):  # in the helper, which stores what it processed
        writer.add_raw_batch({}, [raws[0]], {raws[0].path: "k"}, 1, [], final=True)
        writer.finish([])
    writer.abandon()


def test_the_helper_wants_a_batch_only_when_it_would_soon_wait(tmp_path: Path, taxonomy: Taxonomy) -> None:
    from concurrent.futures import Future

    from flows.partitions import _Pending

    writer = PartitionWriter(setup(tmp_path, taxonomy, "run-7"), ahead=4)
    assert writer.wants_a_batch()  # nothing queued
    done: Future = Future()
    done.set_result(None)
    storing, checking = Future(), Future()  # not done: a batch being stored, a partition being checked
    writer._pending.extend([_Pending(done, [], True), _Pending(storing, [], False)])
    assert writer.wants_a_batch()  # one batch to store, and a finished partition
    writer._pending.append(_Pending(Future(), [], False))
    assert not writer.wants_a_batch()  # two batches still to store
    writer._pending.clear()
    writer._pending.append(_Pending(checking, [], True))
    assert not writer.wants_a_batch()  # a partition still to check
    writer._pending.clear()
    writer.abandon()
