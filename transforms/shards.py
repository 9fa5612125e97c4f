"""Which documents go together: stable groups (shards) of consecutive documents in path order.

A shard ends after a document with probability ``n_bytes / target``, decided by a hash of the document's path
alone (content-defined boundaries, as in content-defined chunking, with documents for bytes): the expected
number of raw bytes between two boundaries is ``target``, and whether a document ends a shard does not depend
on any other document. So adding, editing or removing one document changes the shard that holds it, and at
most its neighbour (when the document's own boundary appears or goes), whatever the corpus's size; every other
shard keeps exactly its documents. A cut of this kind would rather be right than even: shards vary in size
around ``target``.

A shard of more than ``max_factor * target`` bytes (an unlucky run of documents without a boundary; about 2% of
shards for the default factor) is cut again by the same rule with an independent hash, and so on, so that a
run's memory stays bounded. The cut of such a shard depends on its own documents only, so a change inside it
still leaves every other shard as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol, TypeVar

DEFAULT_SHARD_BYTES = 32_000_000
DEFAULT_MAX_FACTOR = 4.0
_MAX_LEVELS = 16  # re-cuts of an oversized shard before it is cut by size alone (never reached in practice)


class _Document(Protocol):
    @property
    def path(self) -> str: ...

    @property
    def n_bytes(self) -> int: ...


D = TypeVar("D", bound=_Document)


def ends_shard(path: str, n_bytes: int, target: int, level: int = 0) -> bool:
    """Whether a shard ends after the document at ``path`` (of ``n_bytes`` raw bytes): true with probability
    ``n_bytes / target``, the same on every machine and run. ``level`` picks an independent hash (re-cuts)."""
    digest = hashlib.sha256(f"{level}\0{path}".encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") < n_bytes / target * 2**64


def cut_shards(documents: Sequence[D], target: int = DEFAULT_SHARD_BYTES,
               max_factor: float = DEFAULT_MAX_FACTOR) -> list[list[D]]:
    """``documents`` (in the order given: path order) cut into shards; none is empty, together they hold every
    document once, in order."""
    if target <= 0:
        raise ValueError(f"a shard's target size must be positive, not {target}")
    return _cut(list(documents), target, max_factor * target, level=0)


def _cut(documents: list[D], target: int, max_bytes: float, level: int) -> list[list[D]]:
    shards: list[list[D]] = []
    current: list[D] = []
    for d in documents:
        current.append(d)
        if ends_shard(d.path, d.n_bytes, target, level):
            shards.append(current)
            current = []
    if current:
        shards.append(current)
    out: list[list[D]] = []
    for shard in shards:
        if len(shard) > 1 and sum(d.n_bytes for d in shard) > max_bytes:
            out += (_cut(shard, target, max_bytes, level + 1) if level < _MAX_LEVELS
                    else _by_size(shard, int(max_bytes)))
        else:
            out.append(shard)
    return out


def _by_size(documents: list[D], max_bytes: int) -> list[list[D]]:
    out: list[list[D]] = [[]]
    size = 0
    for d in documents:
        if out[-1] and size + d.n_bytes > max_bytes:
            out.append([])
            size = 0
        out[-1].append(d)
        size += d.n_bytes
    return out
