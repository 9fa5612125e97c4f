"""A content-addressed store of per-document tables under ``OUT/cache/``.

A document's rows depend only on its path (ids derive from it), its bytes, the pipeline's code and the
taxonomy, so the key is the sha256 of those four. A re-run looks every document up by key: a hit reuses the
stored rows byte for byte, a miss processes the document and stores its rows. Changing the code (any file of
``transforms/``) or the taxonomy changes every key, so everything is processed again.

Layout: ``OUT/cache/<key>/<table>.arrow`` (Arrow IPC files, memory-mapped on read). An entry is written to
``OUT/cache/.tmp-<key>/`` and renamed into place, so a killed run never leaves a half-written entry.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyarrow as pa

from transforms.tables import DOCUMENT_TABLES

_TMP_PREFIX = ".tmp-"


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

    def has(self, key: str) -> bool:
        return (self.root / key).is_dir()

    def load(self, key: str) -> dict[str, pa.Table] | None:
        entry = self.root / key
        if not entry.is_dir():
            return None
        try:
            return {
                t.name: pa.ipc.open_file(pa.memory_map(str(entry / f"{t.name}.arrow"))).read_all()
                for t in DOCUMENT_TABLES
            }
        except (OSError, pa.ArrowInvalid):
            shutil.rmtree(entry, ignore_errors=True)  # damaged: process the document again
            return None

    def store(self, key: str, tables: Mapping[str, pa.Table]) -> None:
        tmp = self.root / f"{_TMP_PREFIX}{key}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for name, table in tables.items():
            with pa.OSFile(str(tmp / f"{name}.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema) as w:
                w.write_table(table)
        final = self.root / key
        if final.exists():
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, final)

    def prune(self, keep: Iterable[str]) -> int:
        """Delete every entry (and leftover temporary entry) not in ``keep``; returns how many."""
        if not self.root.is_dir():
            return 0
        wanted = set(keep)
        removed = 0
        for entry in self.root.iterdir():
            if entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed
