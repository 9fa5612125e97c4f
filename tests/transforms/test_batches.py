from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from transforms.batches import _process_batch, cut, cyclic_gc_paused, process_batch
from transforms.records import FileRef, RawFile, RejectReason
from transforms.themes import Taxonomy


@given(st.lists(st.integers(min_value=0, max_value=50)), st.integers(min_value=1, max_value=100))
def test_cut_keeps_order_and_bounds_each_group(sizes: list[int], limit: int) -> None:
    files = [FileRef(f"{i:03d}.txt", "", n) for i, n in enumerate(sizes)]
    groups = cut(files, limit)
    assert [f for g in groups for f in g] == files
    assert all(g for g in groups)
    for g in groups:  # over the limit only when one file alone is larger
        assert sum(f.n_bytes for f in g) <= limit or len(g) == 1


def test_a_batch_keeps_documents_and_rejections_apart(taxonomy: Taxonomy) -> None:
    text = (SAMPLE / "raw" / "emergency_management_work_conference_commentary_en.txt").read_bytes()
    result = process_batch([RawFile("a.txt", text), RawFile("b.bin", b"\x00\x01\x02" * 100),
                            RawFile("c.txt", b"   \n")], taxonomy)
    assert list(result.tables) == ["a.txt"]
    assert result.tables["a.txt"]["articles"].num_rows == 3
    assert {r.path: r.reason for r in result.rejected} == {"b.bin": RejectReason.BINARY,
                                                            "c.txt": RejectReason.EMPTY}
    assert result.n_bytes == len(text) + 300 + 4


def test_a_batch_builds_each_documents_tables_as_alone(taxonomy: Taxonomy) -> None:
    # The batch's tables are built once and sliced per document, and the batch is tagged in one pass: each
    # document's rows must be what it gives alone.
    text = (SAMPLE / "raw" / "emergency_management_work_conference_commentary_en.txt").read_bytes()
    files = [RawFile(f"{k}.txt", text.replace(b"Zhang Nan", f"Writer {k}".encode())) for k in range(6)]
    result = process_batch(files, taxonomy)
    for raw in files:
        alone = process_batch([raw], taxonomy)
        assert {n: t.to_pylist() for n, t in result.tables[raw.path].items()} == \
            {n: t.to_pylist() for n, t in alone.tables[raw.path].items()}


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations the cyclic garbage collector collects, as it collects them, with a low threshold (so that
    processing one document would set it off many times), and the collector's settings restored after."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    enabled, threshold = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.set_threshold(50)
    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)
        gc.set_threshold(*threshold)
        (gc.enable if enabled else gc.disable)()


def test_a_batch_runs_without_the_cyclic_collector(taxonomy: Taxonomy, collections: list[int]) -> None:
    text = (SAMPLE / "raw" / "emergency_management_work_conference_commentary_en.txt").read_bytes()
    files = [RawFile(f"{k}.txt", text) for k in range(20)]
    _process_batch(files, taxonomy)  # the same work with the collector on: it runs many times
    unpaused = len(collections)
    collections.clear()
    process_batch(files, taxonomy)
    assert unpaused > 20
    assert len(collections) <= 1  # at most the one due when it is turned back on, as the batch returns
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_last_of_several_threads_is_done() -> None:
    inside, leave = threading.Barrier(2), threading.Event()
    states: list[bool] = []

    def batch() -> None:
        with cyclic_gc_paused():
            inside.wait()
            leave.wait()

    assert gc.isenabled()
    worker = threading.Thread(target=batch)
    worker.start()
    with cyclic_gc_paused():
        inside.wait()
        leave.set()
        worker.join()
        states.append(gc.isenabled())  # the other thread is done, this one is not
    states.append(gc.isenabled())
    assert states == [False, True]


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def _article(title: str) -> bytes:
    return f"{title}\nHidden dangers must be found. Rescue teams stand by.\nWriter: Li Wei).\n".encode()


def test_an_unexpected_error_in_one_file_rejects_that_file_only(taxonomy: Taxonomy,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import transforms.batches as batches

    real = batches.segment_or_reject

    def segment(doc):  # type: ignore[no-untyped-def]
        if doc.path == "bad.txt":
            raise KeyError("planted segmentation bug")
        return real(doc)

    monkeypatch.setattr(batches, "segment_or_reject", segment)
    files = [RawFile("a.txt", _article("First")), RawFile("bad.txt", _article("Second")),
             RawFile("c.txt", _article("Third"))]
    result = process_batch(files, taxonomy)
    assert list(result.tables) == ["a.txt", "c.txt"]
    (rejection,) = result.rejected
    assert (rejection.path, rejection.reason) == ("bad.txt", RejectReason.INTERNAL_ERROR)
    assert rejection.sha256 == files[1].sha256 and rejection.n_bytes == files[1].n_bytes
    assert rejection.message.startswith("KeyError: 'planted segmentation bug' (at test_batches.py:")


def test_an_error_tagging_one_document_rejects_it_and_keeps_the_others_rows(taxonomy: Taxonomy,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import transforms.batches as batches

    real = batches.tag_articles

    def tag(tax, articles):  # type: ignore[no-untyped-def]
        articles = list(articles)
        if any(a.title == "Poison" for a in articles):
            raise ValueError("planted tagging bug")
        return real(tax, articles)

    monkeypatch.setattr(batches, "tag_articles", tag)
    files = [RawFile("a.txt", _article("First")), RawFile("bad.txt", _article("Poison")),
             RawFile("c.txt", _article("Third"))]
    result = process_batch(files, taxonomy)
    alone = {f.path: process_batch([f], taxonomy).tables[f.path] for f in (files[0], files[2])}
    assert list(result.tables) == ["a.txt", "c.txt"]
    for path, tables in alone.items():
        assert {n: t.to_pylist() for n, t in result.tables[path].items()} == {n: t.to_pylist()
                                                                              for n, t in tables.items()}
    assert [(r.path, r.reason) for r in result.rejected] == [("bad.txt", RejectReason.INTERNAL_ERROR)]
