from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest

from flows.cache import TRANSFORMS, DocumentCache, code_version, document_key
from tests.transforms.helpers import document
from transforms.records import TaggedDocument
from transforms.segment import segment_document
from transforms.tables import DOCUMENT_TABLES, document_tables


def tables() -> dict[str, pa.Table]:
    doc = document("Title\nBody one. Body two.\nWriter: Li Wei).\n")
    return document_tables(TaggedDocument(doc, segment_document(doc)))


def test_the_key_changes_with_each_of_its_parts() -> None:
    base = ("a.txt", "0" * 64, "0.1.0+abc", "f" * 64)
    keys = {document_key(*base)}
    for i in range(4):
        changed = list(base)
        changed[i] += "x"
        keys.add(document_key(*changed))
    assert len(keys) == 5
    assert document_key(*base) == document_key(*base)


def test_code_version_changes_with_the_transforms_source(tmp_path: Path) -> None:
    copy = tmp_path / "transforms"
    shutil.copytree(TRANSFORMS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_version("1.0", copy) == code_version("1.0", TRANSFORMS)
    assert code_version("1.1", copy) != code_version("1.0", copy)
    (copy / "segment.py").write_text((copy / "segment.py").read_text() + "\n# changed\n")
    assert code_version("1.0", copy) != code_version("1.0", TRANSFORMS)


def test_store_and_load_give_back_the_same_tables(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "cache")
    assert cache.load("k") is None
    cache.store("k", tables())
    loaded = cache.load("k")
    assert loaded is not None
    assert set(loaded) == {t.name for t in DOCUMENT_TABLES}
    assert all(loaded[name].equals(table) for name, table in tables().items())
    assert not list((tmp_path / "cache").glob(".tmp-*"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not arrow",
        lambda data: data[:-10],  # truncated
        lambda data: data + b"\0" * 8,  # padded
        lambda data: data[:64] + bytes(len(data) - 64),  # the header kept, the streams zeroed
        lambda data: b"",
    ],
)
def test_a_damaged_entry_is_dropped(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    cache = DocumentCache(tmp_path / "cache")
    cache.store("k", tables())
    cache.path("k").write_bytes(damage(cache.path("k").read_bytes()))
    assert cache.load("k") is None
    assert not cache.path("k").exists() and not cache.has("k")


def test_prune_keeps_only_the_keys_in_use(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "cache")
    for key in ("a", "b", "c"):
        cache.store(key, tables())
    (tmp_path / "cache" / ".tmp-d").write_bytes(b"half written")
    (tmp_path / "cache" / "e").mkdir()  # an entry of the older layout (a directory of Arrow files)
    (tmp_path / "cache" / "e" / "documents.arrow").write_bytes(b"")
    assert cache.prune(["a"]) == 4
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["a.arrows"]
    assert cache.load("a") is not None
