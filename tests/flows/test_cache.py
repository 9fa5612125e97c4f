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
    assert cache.find(["k"]) == {}
    stored = {"k": tables(), "j": tables()}
    cache.store(stored)
    found = DocumentCache(tmp_path / "cache").find(["k", "j", "absent"])
    assert set(found) == {"k", "j"} and found["k"].pack == found["j"].pack  # one pack per store
    for key in ("k", "j"):
        loaded = cache.load(found[key])
        assert loaded is not None
        assert set(loaded) == {t.name for t in DOCUMENT_TABLES}
        assert all(loaded[name].equals(table) for name, table in stored[key].items())
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [found["k"].pack]  # no temporary file left


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not arrow",
        lambda data: data[:-10],  # truncated
        lambda data: data + b"\0" * 8,  # padded
        lambda data: data[:40] + bytes(len(data) - 40),  # the magic kept, the rest zeroed
        lambda data: b"",
    ],
)
def test_a_damaged_pack_is_dropped(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    cache = DocumentCache(tmp_path / "cache")
    cache.store({"k": tables()})
    (pack,) = (tmp_path / "cache").iterdir()
    pack.write_bytes(damage(pack.read_bytes()))
    assert cache.find(["k"]) == {}
    assert not pack.exists()


def test_a_pack_whose_streams_are_damaged_is_dropped_on_loading(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "cache")
    cache.store({"k": tables()})
    entry = cache.find(["k"])["k"]
    pack = tmp_path / "cache" / entry.pack
    data = bytearray(pack.read_bytes())
    data[entry.offset : entry.offset + sum(entry.lengths)] = bytes(sum(entry.lengths))  # the index intact
    pack.write_bytes(bytes(data))
    assert DocumentCache(tmp_path / "cache").load(entry) is None
    assert not pack.exists() and cache.find(["k"]) == {}


def test_prune_keeps_the_keys_in_use_and_rewrites_packs_mostly_unused(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "cache")
    cache.store({"a": tables(), "b": tables(), "c": tables()})  # a third in use: rewritten
    cache.store({"d": tables(), "e": tables()})  # half in use: kept as it is
    cache.store({"f": tables()})  # none in use: deleted
    (tmp_path / "cache" / ".tmp-g").write_bytes(b"half written")
    (tmp_path / "cache" / "h.arrows").write_bytes(b"")  # an entry of an older layout (a file per document)
    (tmp_path / "cache" / "i").mkdir()  # and of the one before (a directory of Arrow files)
    (tmp_path / "cache" / "i" / "documents.arrow").write_bytes(b"")
    before = cache.find("abcdef")
    assert cache.prune(["a", "d"]) == 3 + 2 + 1  # three other files, b and c, f
    after = DocumentCache(tmp_path / "cache").find("abcdef")
    assert set(after) == {"a", "d", "e"}
    assert after["d"] == before["d"] and after["a"].pack != before["a"].pack
    assert len(list((tmp_path / "cache").iterdir())) == 2
    loaded = DocumentCache(tmp_path / "cache").load(after["a"])
    assert loaded is not None and all(loaded[name].equals(table) for name, table in tables().items())
