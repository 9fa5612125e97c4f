"""Which documents go together: shards, the unit every stage of a run works on.

A document's shard is found from a 64-bit hash of its path alone, read as a path down a binary tree: the root
holds every document, and a node holding more than one document is split in two by the next bit of the hash
while it holds more than ``target`` raw bytes, or while it is less than ``MIN_DEPTH`` levels deep and holds
more than ``FLOOR_BYTES``. The leaves are the shards. A shard is named by its bits (``s0110``: the documents
whose path hash starts 0110; ``s`` when the corpus is one shard).

The two bounds serve the two ends of a corpus's size. ``target`` (``--shard-mb``) caps a shard, so that a large
corpus is cut into many shards of a size one worker holds in memory at ease. ``MIN_DEPTH`` cuts a corpus of
up to ``2**MIN_DEPTH * target`` bytes into at least ``2**MIN_DEPTH`` shards (none under ``FLOOR_BYTES / 2`` or
so), so that a re-run after one edit rebuilds about ``1 / 2**MIN_DEPTH`` of the corpus, not a half of it
when the corpus is only twice the target. What a small shard would cost in fixed work per task (the suites'
set-up) is paid per group of shards instead: the run builds the shards it needs in ``groups`` of up to
``target`` bytes, one task each.

Why a tree of hashes: the cut is a function of the current corpus alone (no state kept between runs), a
document's edit, addition or removal changes the bytes of only the leaf that holds it, and the leaf splits or
merges with its sibling only when its size crosses ``target`` (or ``FLOOR_BYTES`` above ``MIN_DEPTH``): a
node's cut depends on its own documents and depth alone; so one change rewrites one shard, two when it
tips a split or a merge, whatever the corpus's size. Hashing also spreads the documents evenly: a node's two
halves hold about half its bytes each, so the shards of a corpus are of about the same size (between
``target / 4`` and ``target`` for a large corpus), which keeps the tail of a parallel run short. The price: shards are
not runs of consecutive paths. Rows are in shard order, then path order inside each shard.

A shard's key (``shard_key``) hashes its documents' paths and bytes with everything else that decides its
rows and checks (code version, taxonomy, suites, CSV options): an unchanged key means the stored shard can be
reused as it is.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, Protocol, TypeVar

DEFAULT_SHARD_BYTES = 32_000_000
GROUP_BYTES = 32_000_000  # the least a task's group of shards may hold (``groups``), whatever the shards' cap
MIN_DEPTH = 8  # at least 256 shards, where they would hold more than FLOOR_BYTES each
FLOOR_BYTES = 2_000_000
_BITS = 64  # of the path hash; a node at this depth is a leaf whatever its size


class _Document(Protocol):
    @property
    def path(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def n_bytes(self) -> int: ...


D = TypeVar("D", bound=_Document)


@dataclass(frozen=True, slots=True)
class Shard(Generic[D]):
    """A leaf of the tree: its name (``s`` and the bits of its prefix) and its documents, in path order."""

    name: str
    documents: tuple[D, ...]

    @property
    def n_bytes(self) -> int:
        return sum(d.n_bytes for d in self.documents)


def path_hash(path: str) -> int:
    """The 64-bit hash that places a document in the tree: the first 8 bytes of the sha256 of its path."""
    return int.from_bytes(hashlib.sha256(path.encode("utf-8", "surrogatepass")).digest()[:8], "big")


def cut_shards(documents: Iterable[D], target: int = DEFAULT_SHARD_BYTES, floor: int = FLOOR_BYTES,
               min_depth: int = MIN_DEPTH) -> list[Shard[D]]:
    """The shards of ``documents`` (unique paths), in name order, each with its documents in path order; none is
    empty, and together they hold every document once."""
    if target <= 0:
        raise ValueError(f"a shard's target size must be positive, not {target}")
    placed = sorted(((path_hash(d.path), d) for d in documents), key=lambda hd: hd[0])
    hashes = [h for h, _ in placed]
    ends = list(accumulate((d.n_bytes for _, d in placed), initial=0))  # bytes before each document
    shards: list[Shard[D]] = []

    def split(lo: int, hi: int, depth: int, bits: str) -> None:
        """Leaves of the node ``bits``: the documents ``placed[lo:hi]``, whose hashes start with ``bits``."""
        if lo == hi:
            return
        n_bytes = ends[hi] - ends[lo]
        small = n_bytes <= target and (depth >= min_depth or n_bytes <= floor)
        if hi - lo == 1 or depth == _BITS or small:
            shards.append(Shard("s" + bits, tuple(sorted((d for _, d in placed[lo:hi]), key=lambda d: d.path))))
            return
        # sorted by hash: the documents whose next bit is 0 come first
        prefix = hashes[lo] >> (_BITS - depth) << (_BITS - depth)
        middle = bisect_left(hashes, prefix | 1 << (_BITS - 1 - depth), lo, hi)
        split(lo, middle, depth + 1, bits + "0")
        split(middle, hi, depth + 1, bits + "1")

    split(0, len(placed), 0, "")
    return shards


class _Sized(Protocol):
    @property
    def n_bytes(self) -> int: ...


S = TypeVar("S", bound=_Sized)


def groups(shards: Sequence[S], parts: int, most: int = DEFAULT_SHARD_BYTES) -> list[list[S]]:
    """``shards`` in runs of consecutive ones, a task each: ``parts`` runs of about equal bytes (so that
    ``parts`` workers finish together), or more where that would put over ``most`` bytes in a run (then runs of
    about ``most``, a shard more at most); a run is one shard at least. How shards are grouped changes what a
    task does at once, never a shard's files."""
    total = sum(s.n_bytes for s in shards)
    count = min(len(shards), max(parts, 1, -(-total // max(most, 1))))
    if count == len(shards):
        return [[shard] for shard in shards]
    out: list[list[S]] = []
    held = 0
    for shard in shards:
        # a new run starts where the bytes so far reach the next of ``count`` equal steps
        if not out or (len(out) < count and held + shard.n_bytes / 2 > total * len(out) / count):
            out.append([])
        out[-1].append(shard)
        held += shard.n_bytes
    return out


def shard_key(documents: Iterable[_Document], context: Sequence[str]) -> str:
    """The sha256 of a shard's documents (path and bytes' hash, in path order) and ``context``: whatever else
    decides its files (code version, taxonomy and suites hashes, CSV options)."""
    digest = hashlib.sha256("\0".join(("shard 1", *context)).encode())
    for d in sorted(documents, key=lambda d: d.path):
        digest.update(b"\n" + d.path.encode("utf-8", "surrogatepass") + b"\0" + d.sha256.encode())
    return digest.hexdigest()
