"""Prefetching (``flows.prefetch``): the rows made while Prefect starts are the rows the run would make, keyed as
the run keys them; a run takes exactly those its plan gives and its files are the same as without them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows import partitions
from flows.cache import DocumentCache, code_version, document_key, package_version
from flows.catalog import DEFAULT_TAXONOMY, Catalog, parquet_path
from flows.pipeline import corpus_pipeline
from flows.prefetch import Prefetcher, Request
from flows.settings import RunSettings
from tests.conftest import SAMPLE, WIRE
from transforms.batches import process_batch
from transforms.records import RawFile, Rejection, RejectReason
from transforms.schema import TABLES
from transforms.themes import Taxonomy


def key_of(path: str, data: bytes) -> str:
    taxonomy_sha = hashlib.sha256(DEFAULT_TAXONOMY.read_bytes()).hexdigest()
    return document_key(path, hashlib.sha256(data).hexdigest(), code_version(package_version()), taxonomy_sha)


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    """The sample's and the wire layout's files, an edited sample in a folder, a binary file, a dangling link."""
    raw = tmp_path / "raw"
    for corpus in (SAMPLE, WIRE):
        shutil.copytree(corpus / "raw", raw, dirs_exist_ok=True)
    (raw / "deeper").mkdir()
    sample = (SAMPLE / "raw" / "emergency_management_work_conference_commentary_en.txt").read_bytes()
    (raw / "deeper" / "copy.txt").write_bytes(sample.replace(b"Zhang Nan", b"Wang Wu"))  # not a duplicate
    (raw / "image.bin").write_bytes(b"\x00\x01\x02" * 100)
    (raw / "dangling").symlink_to(tmp_path / "nowhere")
    return raw


def files_of(raw: Path) -> dict[str, bytes]:
    return {p.relative_to(raw).as_posix(): p.read_bytes() for p in sorted(raw.rglob("*")) if p.is_file()}


def test_the_prefetcher_makes_the_rows_the_run_would_make_keyed_as_the_run_keys_them(
    raw: Path, tmp_path: Path, taxonomy: Taxonomy
) -> None:
    files = files_of(raw)
    cached_path = "deeper/copy.txt"  # already in the cache: skipped
    DocumentCache(tmp_path / "cache").store(
        {key_of(cached_path, files[cached_path]): process_batch([RawFile(cached_path, files[cached_path])],
                                                                taxonomy).tables[cached_path]})
    prefetcher = Prefetcher(Request(raw, tmp_path / "cache", DEFAULT_TAXONOMY, budget=10**9))
    prefetcher.start()
    assert prefetcher.wait(timeout=120)
    rows = prefetcher.stop()
    assert prefetcher.error is None

    expected = {path: data for path, data in files.items() if path != cached_path}  # the symlink is not read
    assert set(rows) == {key_of(path, data) for path, data in expected.items()}
    assert prefetcher.n_bytes == sum(len(d) for d in expected.values())
    for path, data in expected.items():
        made = rows[key_of(path, data)]
        alone = process_batch([RawFile(path, data)], taxonomy)
        if path == "image.bin":
            assert isinstance(made, Rejection) and made.reason == RejectReason.BINARY
            assert made == alone.rejected[0]
        else:
            assert not isinstance(made, Rejection)
            assert {n: t.to_pylist() for n, t in made.items()} == \
                {n: t.to_pylist() for n, t in alone.tables[path].items()}


def test_the_prefetcher_stops_at_its_budget_and_when_stopped(raw: Path, tmp_path: Path) -> None:
    first = sorted(files_of(raw))[0]
    small = Prefetcher(Request(raw, tmp_path / "cache", DEFAULT_TAXONOMY, budget=1))
    small.start()
    assert small.wait(timeout=120)
    assert [key_of(first, (raw / first).read_bytes())] == list(small.stop())  # the first file, then the budget

    stopped = Prefetcher(Request(raw, tmp_path / "cache", DEFAULT_TAXONOMY, budget=10**9))
    stopped.stop()  # before it started: it makes nothing
    stopped.start()
    assert stopped.wait(timeout=120) and stopped.stop() == {} and stopped.n_bytes == 0


def test_a_prefetcher_that_fails_says_why_and_keeps_what_it_made(raw: Path, tmp_path: Path) -> None:
    broken = Prefetcher(Request(raw, tmp_path / "cache", tmp_path / "no-such-taxonomy.md", budget=10**9))
    broken.start()
    assert broken.wait(timeout=120)
    assert broken.stop() == {}
    assert broken.error is not None and "no-such-taxonomy.md" in broken.error


@pytest.mark.e2e
@pytest.mark.usefixtures("prefect_harness")
def test_a_run_takes_the_prefetched_rows_of_its_plan_and_writes_the_same_files(raw: Path, tmp_path: Path) -> None:
    # Prefetched from a copy of the raw dir where one file differs: its key is not the run's, so the run
    # processes that file itself; the others' rows it takes.
    other = tmp_path / "other"
    shutil.copytree(raw, other, symlinks=True)
    edited = other / "deeper" / "copy.txt"
    edited.write_bytes(edited.read_bytes().replace(b"Wang Wu", b"Li Si"))
    out = tmp_path / "prefetched"
    partitions.prefetch(Request(other, Catalog(raw, out).cache, DEFAULT_TAXONOMY, budget=10**9))
    assert partitions.prefetch_done(timeout=120)
    summary = corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out))
    readable = [p for p in files_of(raw) if p != "image.bin"]
    assert summary["prefetched"] == len(readable)  # every document but the edited one; and the binary file
    assert summary["processed"] == len(readable) + 1 and summary["rejected"] == 2  # binary, dangling symlink
    names = pq.read_table(parquet_path(out / "latest", "authors")).column("name").to_pylist()
    assert "Wang Wu" in names and "Li Si" not in names  # the run's own bytes, not the prefetched copy's

    plain = corpus_pipeline(RunSettings(raw_dir=raw, out_dir=tmp_path / "plain"))
    assert plain["prefetched"] == 0  # the prefetch was the first run's
    for table in TABLES:
        got = pq.read_table(parquet_path(out / "latest", table.name))
        assert got.equals(pq.read_table(parquet_path(tmp_path / "plain" / "latest", table.name))), table.name

    again = corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out))  # nothing prefetched: the cache serves it all
    assert again["prefetched"] == 0 and again["reused"] == len(readable)  # a rejected file is read again
