"""Re-runs after adding, editing and removing raw files: only what changed is processed, unchanged rows stay
byte-identical with the same ids, snapshots are kept and listed, and the change report says what happened."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from flows.catalog import DEFAULT_TAXONOMY, parquet_path
from flows.cli import main
from flows.lock import LockTimeout, run_lock
from flows.pipeline import corpus_pipeline
from flows.settings import RunSettings
from tests.conftest import SAMPLE, WIRE
from transforms.schema import TABLES
from transforms.tables import DOCUMENT_TABLES

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

EXTRA = "Flood season preparations begin\nReservoirs were inspected. Rescue teams were trained.\nWriter: Li Wei).\n"


def run(raw: Path, out: Path, **kwargs: Any) -> dict[str, Any]:
    """A run with a shard per document, so that what is reused is seen document by document."""
    return corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out, shard_mb=0.000_001, **kwargs))


def rows(out: Path, table: str, snapshot: str = "latest") -> list[dict[str, Any]]:
    root = out / snapshot if snapshot == "latest" else out / "runs" / snapshot
    return pq.read_table(parquet_path(root, table)).to_pylist()


def manifest(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8")))


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    for corpus in (SAMPLE, WIRE):
        shutil.copytree(corpus / "raw", raw, dirs_exist_ok=True)
    (raw / "extra.txt").write_text(EXTRA, encoding="utf-8")
    return raw


def test_rerun_reuses_unchanged_documents_byte_for_byte(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(raw, out)
    assert first["reused"] == 0 and first["processed"] == 4
    first_files = manifest(out)["files"]

    second = run(raw, out)
    assert second["reused"] == 4 and second["processed"] == 0
    again = manifest(out)
    data_files = [name for name in first_files if name.startswith(("parquet/", "csv/"))]
    # a Parquet and a CSV part per shard of each per-document table; the whole tables (authors, themes,
    # rejected) in both formats; a single CSV per table
    assert len(data_files) == len(DOCUMENT_TABLES) * 2 * 4 + 3 * 2 + len(TABLES)
    for name in data_files:
        assert again["files"][name] == first_files[name], name  # Parquet and CSV byte-identical
    assert again["changes"]["documents"] == {"added": [], "changed": [], "removed": [], "unchanged": 4}
    assert all(r["delta"] == 0 for r in again["changes"]["rows"].values())


def test_files_whose_stat_is_unchanged_are_not_read_again_and_edits_are_seen_all_the_same(
        raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from flows import io

    monkeypatch.setattr(io, "RACY_SECONDS", 0)  # the fixture's files were written a moment ago
    out = tmp_path / "out"
    run(raw, out)
    assert all(i["stat"] for i in manifest(out)["inputs"] if i["status"] == "document")
    caplog.clear()
    assert run(raw, out)["processed"] == 0
    assert "(0 read and hashed, 4 known by their stat)" in caplog.text
    victim = raw / "extra.txt"
    before = victim.stat()
    victim.write_text(EXTRA.replace("Li Wei", "Li Mei"), encoding="utf-8")  # same size, mtime set back
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))
    caplog.clear()
    edited = run(raw, out)
    assert edited["processed"] == 1 and "(1 read and hashed, 3 known by their stat)" in caplog.text
    assert any(r["author"] == "Li Mei" for r in rows(out, "articles"))
    caplog.clear()
    assert run(raw, out, rehash=True)["processed"] == 0
    assert "(4 read and hashed, 0 known by their stat)" in caplog.text


def test_editing_adding_and_removing_documents(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(raw, out)
    before = {t: rows(out, t) for t in ("articles", "sentences")}
    wire = raw / "2024" / "wire-01.txt"
    text = wire.read_bytes().decode("utf-8-sig")
    edited = text.replace("Drills are held twice a year.", "Drills are held twice a year. Many volunteers join.")
    wire.write_bytes(edited.encode("utf-8"))
    (raw / "extra.txt").unlink()
    (raw / "new.txt").write_text(EXTRA.replace("Flood season", "Typhoon season"), encoding="utf-8")

    summary = run(raw, out)
    assert summary["processed"] == 2 and summary["reused"] == 2
    changes = manifest(out)["changes"]
    assert changes["documents"] == {
        "added": ["new.txt"], "changed": ["2024/wire-01.txt"], "removed": ["extra.txt"], "unchanged": 2,
    }
    assert changes["rows"]["sentences"]["delta"] == 1

    after = {t: rows(out, t) for t in ("articles", "sentences")}
    docs = {d["path"]: d["doc_id"] for d in rows(out, "documents")}
    assert "extra.txt" not in docs
    untouched = {docs["brief.txt"], docs[next(p for p in docs if "emergency" in p)]}
    for table in ("articles", "sentences"):
        old = [r for r in before[table] if r["doc_id"] in untouched]
        new = [r for r in after[table] if r["doc_id"] in untouched]
        assert old == new, table  # unchanged documents: identical rows, same ids
    # in the edited document, the article that was not edited keeps its ids (its offsets move with the text)
    wire_id = docs["2024/wire-01.txt"]
    second = [a["article_id"] for a in before["articles"] if a["doc_id"] == wire_id][1]
    assert second in {a["article_id"] for a in after["articles"]}

    def sentence_ids(table: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(s["sentence_id"], s["text"]) for s in table if s["article_id"] == second]

    assert sentence_ids(before["sentences"]) == sentence_ids(after["sentences"])


def test_changing_the_taxonomy_reprocesses_everything(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(raw, out)
    taxonomy = tmp_path / "taxonomy.toml"
    taxonomy.write_text(DEFAULT_TAXONOMY.read_text(encoding="utf-8").replace('"rescue*" = 1.5', '"rescue*" = 3.0'),
                        encoding="utf-8")
    codebook = shutil.copy(DEFAULT_TAXONOMY.with_name("emergency_management.md"), tmp_path)  # the one it names
    summary = run(raw, out, taxonomy=str(taxonomy))
    assert summary["processed"] == 4 and summary["reused"] == 0
    assert manifest(out)["taxonomy"]["path"] == str(taxonomy)
    with open(codebook, "a", encoding="utf-8") as f:  # the codebook is part of what the outputs were made from
        f.write("\nA note for coders.\n")
    assert run(raw, out, taxonomy=str(taxonomy))["reused"] == 0


def test_snapshots_are_kept_listed_and_diffed(raw: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    ids = [run(raw, out, keep=2)["run_id"]]
    (raw / "extra.txt").unlink()
    ids.append(run(raw, out, keep=2)["run_id"])
    (raw / "new.txt").write_text(EXTRA.replace("Flood season", "Typhoon season"), encoding="utf-8")
    ids.append(run(raw, out, keep=2)["run_id"])
    assert sorted(p.name for p in (out / "runs").iterdir()) == ids[1:]

    capsys.readouterr()
    assert main(["snapshots", "--out-dir", str(out)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].startswith(f"* {ids[2]}") and "valid" in listing[1]
    assert listing[2].startswith(f"  {ids[1]}")

    assert main(["diff", str(out / "runs" / ids[1]), str(out / "latest")]) == 0
    report = capsys.readouterr().out
    assert "Documents: 1 added, 0 changed, 0 removed, 3 unchanged." in report
    assert "- added: `new.txt`" in report
    assert main(["diff", str(out / "runs" / ids[0]), str(out / "latest")]) == 1  # pruned: not a snapshot


def test_a_second_run_waits_for_the_lock_then_gives_up_clearly(raw: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with run_lock(out, timeout=5):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        with pytest.raises(LockTimeout, match=r"another run is publishing to .*gave up waiting for its lock after 1 s"):
            run(raw, out, lock_timeout=1.0)
    finally:
        release.set()
        holder.join()
    assert not (out / "latest").exists()
    assert run(raw, out)["processed"] == 4  # the lock is free again
