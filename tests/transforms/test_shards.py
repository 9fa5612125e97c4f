from __future__ import annotations

import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.records import FileRef
from transforms.shards import cut_shards, ends_shard

_SIZES = st.integers(min_value=1, max_value=400)
_CORPUS = st.lists(_SIZES, min_size=1, max_size=120)


def _corpus(sizes: list[int], prefix: str = "doc") -> list[FileRef]:
    return [FileRef(f"{prefix}/{i:05d}.txt", "", n) for i, n in enumerate(sizes)]


def _changed(old: list[list[FileRef]], new: list[list[FileRef]]) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The shards (as tuples of paths) only in ``old``, and only in ``new``."""
    before = {tuple(f.path for f in s) for s in old}
    after = {tuple(f.path for f in s) for s in new}
    return before - after, after - before


@given(_CORPUS, st.integers(min_value=50, max_value=2000))
def test_shards_hold_every_document_once_in_order(sizes: list[int], target: int) -> None:
    docs = _corpus(sizes)
    shards = cut_shards(docs, target)
    assert [d for s in shards for d in s] == docs and all(shards)
    assert all(len(s) == 1 or sum(d.n_bytes for d in s) <= 4 * target for s in shards)


@settings(max_examples=300)
@given(_CORPUS, st.integers(min_value=0, max_value=119), _SIZES, st.sampled_from(["edit", "add", "remove"]),
       st.integers(min_value=100, max_value=3000))
def test_one_document_changed_changes_at_most_two_shards(sizes: list[int], where: int, size: int, change: str,
                                                        target: int) -> None:
    """Without re-cuts (no maximum), exactly: one or two shards go, one or two come, the rest stay."""
    docs = _corpus(sizes)
    i = where % len(docs)
    if change == "edit":
        changed = [*docs[:i], FileRef(docs[i].path, "", size), *docs[i + 1:]]
    elif change == "add":
        changed = [*docs[:i], FileRef(docs[i].path.replace(".txt", "a.txt"), "", size), *docs[i:]]
    else:
        changed = [*docs[:i], *docs[i + 1:]]
    gone, new = _changed(cut_shards(docs, target, max_factor=float("inf")),
                         cut_shards(changed, target, max_factor=float("inf")))
    assert len(gone) <= 2 and len(new) <= 2


@settings(max_examples=300)
@given(_CORPUS, st.integers(min_value=0, max_value=119), _SIZES, st.integers(min_value=100, max_value=3000))
def test_with_re_cuts_a_change_stays_inside_the_natural_shards_around_it(sizes: list[int], where: int, size: int,
                                                                         target: int) -> None:
    docs = _corpus(sizes)
    i = where % len(docs)
    edited = [*docs[:i], FileRef(docs[i].path, "", size), *docs[i + 1:]]
    gone, new = _changed(cut_shards(docs, target), cut_shards(edited, target))
    natural = cut_shards(docs, target, max_factor=float("inf"))
    around = next(k for k, s in enumerate(natural) if docs[i] in s)
    window = {f.path for s in natural[around:around + 2] for f in s}  # its own, and the next (a merge)
    assert {p for shard in gone | new for p in shard} <= window


def test_shards_average_their_target_and_do_not_depend_on_the_corpus() -> None:
    docs = _corpus([10_000 + (i * 7919) % 40_000 for i in range(20_000)])  # ~600 MB of 10-50 kB documents
    shards = cut_shards(docs, 32_000_000)
    sizes = [sum(d.n_bytes for d in s) for s in shards]
    assert 0.7 * 32e6 < statistics.mean(sizes) < 1.3 * 32e6 and max(sizes) <= 4 * 32e6
    half = cut_shards(docs[: len(docs) // 2], 32_000_000)  # the same documents' shards, in a smaller corpus
    assert [tuple(s) for s in half[:-1]] == [tuple(s) for s in shards[: len(half) - 1]]


def test_a_document_as_large_as_the_target_always_ends_its_shard() -> None:
    assert all(ends_shard(f"d{i}", 100, 100) for i in range(200))
    assert not any(ends_shard(f"d{i}", 0, 100) for i in range(200))
