from __future__ import annotations

import codecs
import json
import os
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.catalog import DERIVED_PART, Catalog, csv_part, manifest_path, parquet_path
from flows.publish import (
    TableFiles,
    clean_stale_staging,
    file_digests,
    json_text,
    prune_runs,
    stage_run,
    switch_latest,
)
from flows.shards import ShardStore
from transforms.errors import PublishError


def tables(n: int) -> dict[str, pa.Table]:
    return {"numbers": pa.table({"n": pa.array(range(n), pa.int64())})}


def manifest(run_id: str) -> dict:
    return {
        "run_id": run_id, "started_at": "2024-01-01T00:00:00+00:00", "finished_at": "2024-01-01T00:00:09+00:00",
        "package": {"version": "0.1.0"}, "raw_dir": "raw", "inputs": [], "rejected": 0,
        "taxonomy": {"id": "t", "version": "1", "sha256": "0" * 64}, "row_counts": {"numbers": 3},
        "validation": {"success": True, "expectations_evaluated": 1, "warnings": []},
    }


def publish(catalog: Catalog, run_id: str, n: int) -> Path:
    staged = stage_run(catalog, run_id, tables(n), {"numbers": {"success": True}}, manifest(run_id))
    return switch_latest(catalog, run_id, staged)


def test_publish_writes_a_run_and_points_latest_at_it(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out")
    publish(catalog, "20240101T000000000000Z", 3)
    assert catalog.latest.is_symlink()
    assert os.readlink(catalog.latest) == "runs/20240101T000000000000Z"
    assert pq.read_table(parquet_path(catalog.latest, "numbers")).num_rows == 3
    published = json.loads(manifest_path(catalog.latest).read_text())
    assert set(published["files"]) == {
        "parquet/numbers/part-all.parquet", "csv/numbers/part-all.csv", "validation/numbers.json", "README.md",
    }
    assert not catalog.staging.exists()


def test_a_new_run_replaces_latest_and_keeps_the_old_run(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out")
    publish(catalog, "20240101T000000000000Z", 3)
    publish(catalog, "20240102T000000000000Z", 5)
    assert pq.read_table(parquet_path(catalog.latest, "numbers")).num_rows == 5
    assert pq.read_table(parquet_path(catalog.runs / "20240101T000000000000Z", "numbers")).num_rows == 3


def test_a_crash_before_the_switch_leaves_latest_alone_and_is_cleaned_up(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out")
    publish(catalog, "20240101T000000000000Z", 3)
    stage_run(catalog, "20240102T000000000000Z", tables(5), {}, manifest("x"))  # ... and the process dies here
    (catalog.out_dir / ".latest-20240102T000000000000Z").symlink_to("runs/nowhere")
    (catalog.shards / ".tmp-0123-99").mkdir(parents=True)
    (catalog.shards / ".tmp-0123-99" / "sentences.parquet").write_bytes(b"half a shard")
    (catalog.shards / "4567").mkdir()
    assert pq.read_table(parquet_path(catalog.latest, "numbers")).num_rows == 3
    assert sorted(clean_stale_staging(catalog)) == [".latest-20240102T000000000000Z", "20240102T000000000000Z"]
    assert ShardStore(catalog.shards).remove_leftovers() == ["shards/.tmp-0123-99"]
    assert not any(catalog.staging.iterdir())
    assert [p.name for p in catalog.shards.iterdir()] == ["4567"]


def test_prune_keeps_the_newest_runs(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out", keep=2)
    for day in range(1, 5):
        publish(catalog, f"2024010{day}T000000000000Z", day)
    assert prune_runs(catalog) == ["20240102T000000000000Z", "20240101T000000000000Z"]
    assert sorted(p.name for p in catalog.runs.iterdir()) == ["20240103T000000000000Z", "20240104T000000000000Z"]
    for _ in range(500):  # the pruned runs are deleted in the background ...
        if not list(catalog.out_dir.glob(".trash-*")):
            break
        time.sleep(0.01)
    assert not list(catalog.out_dir.glob(".trash-*"))
    (catalog.out_dir / ".trash-20231231T000000000000Z" / "parquet").mkdir(parents=True)  # ... or by the next run
    assert clean_stale_staging(catalog) == [".trash-20231231T000000000000Z"]
    assert not list(catalog.out_dir.glob(".trash-*"))


def test_json_is_laid_out_an_item_a_line_and_reads_back_as_written() -> None:
    data = {"run_id": "r1", "inputs": [{"path": "a.txt", "bytes": 3}, {"path": "b/ü.txt", "bytes": None}],
            "files": {"x.csv": {"sha256": "ab", "bytes": 1}}, "empty": [], "nested": {"a": {"b": [1, {"c": 2}]}},
            "when": Path("p")}
    text = json_text(data)
    assert json.loads(text) == {**data, "when": "p"}
    assert '\n    {"path": "a.txt", "bytes": 3},\n' in text and '"b/ü.txt"' in text  # an input a line, as UTF-8
    assert '\n    "a": {"b": [1, {"c": 2}]}\n' in text  # deeper values on their item's line
    assert json_text([]) == "[]" and json_text({"k": {}}) == '{\n  "k": {}\n}'


def test_latest_as_a_real_directory_is_refused(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out")
    (catalog.latest / "parquet").mkdir(parents=True)
    staged = stage_run(catalog, "20240101T000000000000Z", tables(1), {}, manifest("x"))
    with pytest.raises(PublishError, match="real directory"):
        switch_latest(catalog, "20240101T000000000000Z", staged)


def test_csv_files_can_start_with_a_bom(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "raw", tmp_path / "out", csv_bom=True)
    publish(catalog, "20240101T000000000000Z", 2)
    data = csv_part(catalog.latest, "numbers", DERIVED_PART).read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig").split("\r\n")[:3] == ['"n"', "0", "1"]  # header names are quoted
    plain = Catalog(tmp_path / "raw", tmp_path / "plain")
    publish(plain, "20240101T000000000000Z", 2)
    assert csv_part(plain.latest, "numbers", DERIVED_PART).read_bytes() == data[len(codecs.BOM_UTF8) :]


@pytest.mark.parametrize("csv_bom", [False, True])
def test_table_files_hash_what_they_write(tmp_path: Path, csv_bom: bool) -> None:
    # The CSV files are hashed as they are written, part by part; the digests must be the files'.
    files = TableFiles(tmp_path, {"numbers": tables(0)["numbers"].schema, "empty": pa.schema([("x", pa.string())])},
                       csv_bom)
    for n in (3, 0, 100_000):
        files.write("numbers", tables(n)["numbers"])
    digests = files.close()
    assert digests == file_digests(tmp_path)
    assert set(digests) == {"numbers.parquet", "numbers.csv", "empty.parquet", "empty.csv"}  # a shard's layout
    assert digests["numbers.csv"]["bytes"] > 100_000
    assert files.close() == {}  # closing again finishes nothing
    assert file_digests(tmp_path, known={"empty.csv": {"sha256": "x", "bytes": 0}})["empty.csv"] == \
        {"sha256": "x", "bytes": 0}


def test_fsync_tree_flushes_every_file_and_directory_but_the_durable_links(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from flows import publish as publishing

    root = tmp_path / "run"
    (root / "csv" / "t").mkdir(parents=True)
    for name in ("manifest.json", "csv/t.csv", "csv/t/part-a.csv", "csv/t/part-b.csv"):
        (root / name).write_text(name, encoding="utf-8")
    flushed: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(publishing.os, "fsync", lambda fd: (flushed.append(os.fstat(fd).st_ino), real_fsync(fd)))
    publishing.fsync_tree(root, durable={"csv/t/part-a.csv"})
    inodes = {p.relative_to(root).as_posix(): p.stat().st_ino for p in [root, *root.rglob("*")]}
    assert sorted(flushed) == sorted(ino for name, ino in inodes.items() if name != "csv/t/part-a.csv")
