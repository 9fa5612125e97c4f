"""Shards through the real flow (Prefect, GX, Parquet): a change rebuilds only its shards and the other files
keep their inodes; after any sequence of edits the published files equal a from-scratch run's, byte for byte;
a shard that fails validation blocks publishing and is named with its documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from flows.catalog import DEFAULT_EXPECTATIONS, parquet_path
from flows.pipeline import corpus_pipeline
from flows.settings import RunSettings
from transforms import schema
from transforms.decoding import sha256_hex
from transforms.errors import ValidationFailed
from transforms.records import FileRef
from transforms.schema import TABLES
from transforms.shards import cut_shards

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

SHARD_MB = 0.0004  # a few of these documents a shard


def text(i: int, version: int = 0) -> str:
    return (f"Drill {i} in the county\nCounty {i} held a flood drill on day {version}. Rescue teams were trained "
            f"and reservoirs were inspected.\nWriter: Li Wei).\n")


def write(raw: Path, i: int, version: int = 0) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    (raw / f"doc-{i:03d}.txt").write_text(text(i, version), encoding="utf-8")


def run(raw: Path, out: Path, **kwargs: Any) -> dict[str, Any]:
    return corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out, shard_mb=SHARD_MB, runner="sequential", **kwargs))


def manifest(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8")))


def part_inodes(out: Path) -> dict[str, int]:
    """The shards' part files of ``latest`` (Parquet and CSV), by path, with their inodes."""
    latest = out / "latest"
    return {p.relative_to(latest).as_posix(): p.stat().st_ino
            for p in [*latest.glob("parquet/*/part-s*.parquet"), *latest.glob("csv/*/part-s*.csv")]}


def shard_names(raw: Path) -> dict[str, frozenset[FileRef]]:
    """What the flow should cut ``raw`` into: shard name -> its documents."""
    refs = [FileRef(p.name, sha256_hex(p.read_bytes()), p.stat().st_size) for p in sorted(raw.iterdir())]
    return {s.name: frozenset(s.documents) for s in cut_shards(refs, int(SHARD_MB * 1e6))}


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_one_change_rewrites_only_its_shards(tmp_path: Path, change: str) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(16):
        write(raw, i)
    run(raw, out)
    before_shards, before = shard_names(raw), part_inodes(out)
    assert len(before_shards) >= 4
    if change == "edit":
        write(raw, 7, version=1)
    elif change == "add":
        write(raw, 99)
    else:
        (raw / "doc-007.txt").unlink()
    summary = run(raw, out)

    after_shards = shard_names(raw)
    # a shard is rebuilt when its documents are new; one with the documents of a shard before is reused, even
    # renamed (a removal can merge a leaf into its parent: ``transforms.shards``)
    rebuilt = {name for name, docs in after_shards.items() if docs not in set(before_shards.values())}
    assert (0 if change == "remove" else 1) <= len(rebuilt) <= 2
    assert summary["shards_reused"] == len(after_shards) - len(rebuilt)
    new_inodes = {path for path, inode in part_inodes(out).items() if inode not in set(before.values())}
    per_table = len(TABLES) - 3  # authors, themes and rejected are whole tables, written by every run
    assert len(new_inodes) == 2 * per_table * len(rebuilt)  # a Parquet and a CSV file per table and shard
    assert {p.rsplit("part-", 1)[1].split(".")[0] for p in new_inodes} == rebuilt
    assert summary["processed"] == sum(len(after_shards[name]) for name in rebuilt)


class EditsThenRerun(RuleBasedStateMachine):
    """Random adds, edits and removals, each followed by a run on the same output dir; after each, the
    published data files must be byte for byte those of a run from scratch on the same raw files."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(self._tmp.mktemp("shards"))
        self.raw = self.root / "raw"
        self.versions: dict[int, int] = {}
        self.runs = 0
        for i in range(4):
            self.versions[i] = 0
            write(self.raw, i)

    _tmp: pytest.TempPathFactory

    @rule(i=st.integers(0, 30))
    def add(self, i: int) -> None:
        if i not in self.versions:
            self.versions[i] = 0
            write(self.raw, i)

    @precondition(lambda self: self.versions)
    @rule(data=st.data())
    def edit(self, data: st.DataObject) -> None:
        i = data.draw(st.sampled_from(sorted(self.versions)))
        self.versions[i] += 1
        write(self.raw, i, self.versions[i])

    @precondition(lambda self: len(self.versions) > 1)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        i = data.draw(st.sampled_from(sorted(self.versions)))
        del self.versions[i]
        (self.raw / f"doc-{i:03d}.txt").unlink()

    @invariant()
    def published_equals_a_run_from_scratch(self) -> None:
        self.runs += 1
        run(self.raw, self.root / "out")
        clean = self.root / f"clean-{self.runs}"
        run(self.raw, clean)
        data = {k: v for k, v in manifest(self.root / "out")["files"].items() if k.startswith(("parquet/", "csv/"))}
        fresh = {k: v for k, v in manifest(clean)["files"].items() if k.startswith(("parquet/", "csv/"))}
        assert data == fresh
        for table in TABLES:
            assert pq.read_table(parquet_path(self.root / "out" / "latest", table.name)).equals(
                pq.read_table(parquet_path(clean / "latest", table.name)))
        shutil.rmtree(clean)


def test_published_tables_equal_a_run_from_scratch_after_any_edits(tmp_path_factory: pytest.TempPathFactory
                                                                   ) -> None:
    EditsThenRerun._tmp = tmp_path_factory
    machine = EditsThenRerun.TestCase
    machine.settings = settings(max_examples=2, stateful_step_count=3, deadline=None,
                                suppress_health_check=[HealthCheck.too_slow])
    machine().runTest()


def test_a_shard_that_fails_validation_blocks_publishing_and_is_named(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(12):
        write(raw, i)
    good = run(raw, out)["run_id"]
    suites = tmp_path / "expectations"
    shutil.copytree(DEFAULT_EXPECTATIONS, suites)
    articles = json.loads((suites / "articles.json").read_text(encoding="utf-8"))
    articles["expectations"].append({"type": "expect_column_values_to_not_match_regex",
                                     "kwargs": {"column": "title", "regex": "^Drill 5 "},
                                     "severity": "critical", "meta": {}})
    (suites / "articles.json").write_text(json.dumps(articles), encoding="utf-8")
    with pytest.raises(ValidationFailed) as failed:
        run(raw, out, expectations=suites)
    (name,) = [n for n, docs in shard_names(raw).items() if "doc-005.txt" in {d.path for d in docs}]
    assert f"failed in shard {name} (" in str(failed.value) and "doc-005.txt" in str(failed.value)
    assert (out / "latest").resolve().name == good  # nothing published
    # the shards' files were staged while the checks ran: the failed run's staging dir is gone, and latest's files
    # (some of which the staging dir linked) are as they were
    assert not (out / ".staging").exists() or not any((out / ".staging").iterdir())
    assert sorted(p.name for p in (out / "runs").iterdir()) == [good]
    manifest = json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8"))
    assert all((out / "latest" / name).stat().st_size == digest["bytes"] for name, digest in manifest["files"].items())


def test_a_table_too_large_for_a_spreadsheet_has_its_part_files_only(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    for i in range(12):
        write(raw, i)
    run(raw, out)
    latest = out / "latest"
    sizes = {t.name: sum(p.stat().st_size for p in (latest / "csv" / t.name).glob("part-s*.csv"))
             for t in TABLES if list((latest / "csv" / t.name).glob("part-s*.csv"))}
    assert all((latest / "csv" / f"{name}.csv").is_file() for name in sizes)  # all fit the default budget
    cap = sorted(sizes.values())[len(sizes) // 2]
    monkeypatch.setattr(schema, "MAX_CSV_BYTES", cap)
    write(raw, 0, version=1)
    run(raw, out)
    listed = manifest(out)["files"]
    for name, n_bytes in sizes.items():
        single = f"csv/{name}.csv"
        assert (latest / single).is_file() == (single in listed), name
        assert (latest / single).is_file() == (n_bytes <= cap), (name, n_bytes, cap)
