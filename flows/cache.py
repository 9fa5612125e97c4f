"""A content-addressed store of per-document tables under ``OUT/cache/``.

A document's rows depend only on its path (ids derive from it), its bytes, the pipeline's code and the
taxonomy, so the key is the sha256 of those four. A re-run looks every document up by key: a hit reuses the
stored rows byte for byte, a miss processes the document and stores its rows. Changing the code (any file of
``transforms/``) or the taxonomy changes every key, so everything is processed again.

Layout: ``OUT/cache/<key>.arrows``, one file per document: a header (a magic string and the byte length of each
table) followed by one Arrow IPC stream per table, memory-mapped on read. One file rather than one per table:
creating files dominated storing (five files and a directory per document, ~1.5 ms in the flow's process). An
entry is written to ``OUT/cache/.tmp-<key>`` and renamed into place, so a killed run never leaves a half-written
entry; an entry that cannot be read is deleted and its document processed again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyarrow as pa

from transforms.tables import DOCUMENT_TABLES

_TMP_PREFIX = ".tmp-"
_SUFFIX = ".arrows"
_MAGIC = b"corpus-pipeline cache 1\n"
_LENGTHS = struct.Struct(f"<{len(DOCUMENT_TABLES)}Q")  # byte length of each table's stream, in DOCUMENT_TABLES order


def document_key(path: str, sha256: str, code_version: str, taxonomy_sha256: str) -> str:
    return hashlib.sha256("\0".join((path, sha256, code_version, taxonomy_sha256)).encode()).hexdigest()


TRANSFORMS = Path(__file__).resolve().parent.parent / "transforms"


def code_version(package_version: str, source: Path = TRANSFORMS) -> str:
    """The package version plus a hash of the transforms' source: any change to the code changes it."""
    root = source
    digest = hashlib.sha256(package_version.encode())
    for path in sorted(root.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{package_version}+{digest.hexdigest()[:16]}"


class DocumentCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / f"{key}{_SUFFIX}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def load(self, key: str) -> dict[str, pa.Table] | None:
        path = self.path(key)
        if not path.is_file():
            return None
        try:
            data = pa.memory_map(str(path)).read_buffer()
            head = len(_MAGIC) + _LENGTHS.size
            if data.size < head or data.slice(0, len(_MAGIC)).to_pybytes() != _MAGIC:
                raise ValueError("not a cache entry")
            lengths = _LENGTHS.unpack(data.slice(len(_MAGIC), _LENGTHS.size).to_pybytes())
            if head + sum(lengths) != data.size:
                raise ValueError("truncated or padded")
            tables, offset = {}, head
            for t, n in zip(DOCUMENT_TABLES, lengths, strict=True):
                tables[t.name] = pa.ipc.open_stream(data.slice(offset, n)).read_all()
                offset += n
            return tables
        except (OSError, ValueError, pa.ArrowInvalid):
            path.unlink(missing_ok=True)  # damaged: process the document again
            return None

    def store(self, key: str, tables: Mapping[str, pa.Table]) -> None:
        streams = []
        for t in DOCUMENT_TABLES:
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, tables[t.name].schema) as writer:
                writer.write_table(tables[t.name])
            streams.append(sink.getvalue())
        tmp = self.root / f"{_TMP_PREFIX}{key}"
        try:
            out = open(tmp, "wb")  # noqa: SIM115 (closed by the with below)
        except FileNotFoundError:  # the first entry
            self.root.mkdir(parents=True, exist_ok=True)
            out = open(tmp, "wb")  # noqa: SIM115
        with out:
            out.write(_MAGIC + _LENGTHS.pack(*(s.size for s in streams)))
            for stream in streams:
                out.write(stream)
        os.replace(tmp, self.path(key))  # a concurrent store of the same key wrote the same bytes

    def remove_leftovers(self) -> list[str]:
        """Delete the temporary entries a killed run left behind; returns their names."""
        leftovers = sorted(self.root.glob(f"{_TMP_PREFIX}*")) if self.root.is_dir() else []
        for entry in leftovers:
            _remove(entry)
        return [entry.name for entry in leftovers]

    def prune(self, keep: Iterable[str]) -> int:
        """Delete every entry (and leftover temporary entry, or entry of an older layout) not in ``keep``;
        returns how many."""
        if not self.root.is_dir():
            return 0
        wanted = {self.path(key).name for key in keep}
        removed = 0
        for entry in self.root.iterdir():
            if entry.name not in wanted:
                _remove(entry)
                removed += 1
        return removed


def _remove(entry: Path) -> None:
    """Delete a file or a directory tree (entries of an older layout were directories)."""
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)
