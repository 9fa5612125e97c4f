from __future__ import annotations

import random
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.records import FileRef
from transforms.shards import (
    DEFAULT_SHARD_BYTES,
    FLOOR_BYTES,
    MIN_DEPTH,
    Shard,
    cut_shards,
    groups,
    path_hash,
    shard_key,
)

_SIZES = st.integers(min_value=1, max_value=400)
_CORPUS = st.dictionaries(st.text(min_size=1, max_size=8), _SIZES, max_size=60)


def refs(corpus: dict[str, int], digest: str = "0") -> list[FileRef]:
    return [FileRef(path, digest * 64, n) for path, n in corpus.items()]


def bits(path: str) -> str:
    return format(path_hash(path), "064b")


def contents(shards: list[Shard[FileRef]]) -> set[tuple[str, tuple[FileRef, ...]]]:
    return {(s.name, s.documents) for s in shards}


_FLOOR = st.integers(min_value=1, max_value=1000)
_DEPTH = st.integers(min_value=0, max_value=4)


@given(_CORPUS, st.integers(min_value=1, max_value=1000), _FLOOR, _DEPTH)
def test_every_document_is_in_the_shard_its_path_hash_names_and_shards_are_bounded(
        corpus: dict[str, int], target: int, floor: int, min_depth: int) -> None:
    shards = cut_shards(refs(corpus), target, floor, min_depth)
    placed = [d for s in shards for d in s.documents]
    assert sorted(d.path for d in placed) == sorted(corpus)  # every document once
    assert [s.name for s in shards] == sorted(s.name for s in shards)
    for s in shards:
        assert s.documents and [d.path for d in s.documents] == sorted(d.path for d in s.documents)
        assert all(bits(d.path).startswith(s.name[1:]) for d in s.documents)
        assert s.n_bytes <= target or len(s.documents) == 1
        assert len(s.name) - 1 >= min_depth or s.n_bytes <= floor or len(s.documents) == 1  # split deep enough
    names = [s.name[1:] for s in shards]  # leaves of one tree: no name is a prefix of another
    assert not any(a != b and b.startswith(a) for a in names for b in names)


@given(_CORPUS, st.integers(min_value=1, max_value=1000), _FLOOR, _DEPTH, st.data())
def test_one_change_rebuilds_only_shards_on_the_changed_documents_path(
        corpus: dict[str, int], target: int, floor: int, min_depth: int, data: st.DataObject) -> None:
    """Adding, editing or removing one document leaves every shard off its path down the tree as it was: a
    shard that is new is the changed document's leaf, or a sibling on its path (a split or a merge)."""
    before = cut_shards(refs(corpus), target, floor, min_depth)
    kind = data.draw(st.sampled_from(["add", "edit", "remove"] if corpus else ["add"]))
    changed = dict(corpus)
    if kind == "add":
        path = data.draw(st.text(min_size=1, max_size=8).filter(lambda p: p not in corpus))
        changed[path] = data.draw(_SIZES)
    else:
        path = data.draw(st.sampled_from(sorted(corpus)))
        if kind == "edit":
            changed[path] = data.draw(_SIZES)
        else:
            del changed[path]
    after = cut_shards(refs(changed), target, floor, min_depth)
    new = contents(after) - contents(before)
    for name, _ in new:
        assert bits(path).startswith(name[1:-1])


def test_on_a_realistic_corpus_one_change_rebuilds_one_shard_and_rarely_two() -> None:
    rng = random.Random(7)
    corpus = {f"commentary/{i:05d}.txt": rng.randint(5_000, 60_000) for i in range(4_000)}  # ~130 MB
    target = 8_000_000  # shards cut by the cap alone (no least depth): of 2-8 MB
    before = cut_shards(refs(corpus), target, min_depth=0)
    sizes = [s.n_bytes for s in before]
    assert max(sizes) <= target and min(sizes) > target / 4  # even shards: a short tail for parallel runs
    assert statistics.pstdev(sizes) < 0.35 * statistics.mean(sizes)
    rebuilt = []
    for trial in range(200):
        changed = dict(corpus)
        victim = rng.choice(sorted(corpus))
        if trial % 3 == 0:
            changed[f"commentary/new-{trial}.txt"] = rng.randint(5_000, 60_000)
        elif trial % 3 == 1:
            changed[victim] += rng.randint(-2_000, 2_000)
        else:
            del changed[victim]
        rebuilt.append(len(contents(cut_shards(refs(changed), target, min_depth=0)) - contents(before)))
    assert max(rebuilt) <= 2 and statistics.mean(rebuilt) <= 1.1


@pytest.mark.parametrize(("megabytes", "fewest", "most", "largest_mb"), [
    (0.5, 1, 1, 1),  # under the floor: one shard
    (50, 24, 64, 2 * FLOOR_BYTES / 1e6),  # halved while over the floor: shards of 1-2 MB
    (1000, 2 ** MIN_DEPTH, 2 ** (MIN_DEPTH + 1), 8),  # a re-run after one edit rebuilds ~1/256 of it
    (10_000, 2 ** MIN_DEPTH, 2 ** (MIN_DEPTH + 2), DEFAULT_SHARD_BYTES / 1e6),  # capped at the target
])
def test_the_default_cut_gives_small_corpora_many_shards_and_caps_large_ones(
        megabytes: float, fewest: int, most: int, largest_mb: float) -> None:
    rng = random.Random(3)
    corpus: dict[str, int] = {}
    total = 0
    while total < megabytes * 1e6:
        total += (size := rng.randint(5_000, 45_000))
        corpus[f"commentary/{len(corpus):06d}.txt"] = size
    shards = cut_shards(refs(corpus))
    assert fewest <= len(shards) <= most
    assert max(s.n_bytes for s in shards) <= largest_mb * 1e6


def test_groups_are_runs_of_shards_that_keep_every_worker_busy_and_stay_bounded() -> None:
    sizes = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    shards = cut_shards(refs({f"{i}.txt": n for i, n in enumerate(sizes)}), 1)  # one document a shard
    for parts, most in ((1, 100), (4, 100), (4, 8), (100, 100)):
        got = groups(shards, parts, most)
        assert [s for g in got for s in g] == shards and all(got)
        assert len(got) >= min(parts, len(shards))
    rng = random.Random(5)
    many = cut_shards(refs({f"{i}.txt": rng.randint(50, 150) for i in range(400)}), 1)
    for parts in (2, 4, 8):
        sizes = [sum(s.n_bytes for s in g) for g in groups(many, parts, most=10**9)]
        assert len(sizes) == parts and max(sizes) < 1.05 * min(sizes)  # workers finish together
    assert all(sum(s.n_bytes for s in g) <= 2_000 + 150 for g in groups(many, 2, most=2_000))
    assert len(groups(shards, 1, 100)) == 1
    assert groups([], 4) == []


def test_the_key_covers_the_documents_bytes_and_the_context() -> None:
    docs = refs({"a.txt": 10, "b.txt": 20})
    key = shard_key(docs, ("1.0+abc", "taxonomy", "suites"))
    assert key == shard_key(list(reversed(docs)), ("1.0+abc", "taxonomy", "suites"))
    assert key != shard_key(refs({"a.txt": 10, "b.txt": 20}, digest="1"), ("1.0+abc", "taxonomy", "suites"))
    assert key != shard_key(docs[:1], ("1.0+abc", "taxonomy", "suites"))
    assert key != shard_key(docs, ("1.0+abd", "taxonomy", "suites"))
    assert key != shard_key(docs, ("1.0+abc", "taxonomy", "suites 2"))


def test_a_target_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        cut_shards([], 0)
    assert cut_shards([], 1) == []
