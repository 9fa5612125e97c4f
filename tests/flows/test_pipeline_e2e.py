"""The real flow, end to end: Prefect (test harness server), Great Expectations, Parquet read back."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from prefect.artifacts import Artifact

from flows.catalog import DEFAULT_EXPECTATIONS, PROJECT_ROOT, csv_path, parquet_path
from flows.evaluation import load_gold
from flows.pipeline import corpus_pipeline
from flows.publish import file_digests
from flows.settings import RunSettings
from tests.conftest import CORPORA, SAMPLE, WIRE
from transforms.errors import InputError, RejectedInputError, ValidationFailed
from transforms.evaluate import gold_sentences, sentence_boundary_prf
from transforms.schema import TABLES, arrow_schema
from transforms.tables import csv_cell

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


def run(raw: Path, out: Path, **kwargs: Any) -> dict[str, Any]:
    return corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out, **kwargs))


def read(out: Path, table: str) -> pa.Table:
    return pq.read_table(parquet_path(out / "latest", table))


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_corpus_end_to_end(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run(corpus / "raw", out)
    gold = load_gold(corpus / "gold.json")
    tables = {t.name: read(out, t.name) for t in TABLES}
    for table in TABLES:  # the declared schema, exactly: no drift to large_string or dictionary types
        assert tables[table.name].schema.equals(arrow_schema(table), check_metadata=False), table.name
    assert summary["row_counts"] == {k: v.num_rows for k, v in tables.items()}

    gold_articles = [a for d in gold["documents"] for a in d["articles"]]
    articles = tables["articles"].to_pylist()
    assert [(a["title"], a["series"], a["author"], a["author_role"], a["credits"]) for a in articles] == [
        (a["title"], a["series"], a["author"], a["author_role"], a.get("credits", [])) for a in gold_articles
    ]
    paragraphs = tables["paragraphs"].to_pylist()
    assert [p["kind"] for p in paragraphs] == [p["kind"] for a in gold_articles for p in a["paragraphs"]]

    documents = {d["doc_id"]: d for d in tables["documents"].to_pylist()}
    sentences = tables["sentences"].to_pylist()
    for gold_doc in gold["documents"]:
        (doc,) = [d for d in documents.values() if d["path"] == gold_doc["path"]]
        spans = [(s["char_start"], s["char_end"]) for s in sentences if s["doc_id"] == doc["doc_id"]]
        assert sentence_boundary_prf(doc["text"], spans, gold_sentences(gold_doc)).f1 >= 0.99

    for name in ("articles", "paragraphs", "sentences"):
        key = TABLES[[t.name for t in TABLES].index(name)].key
        rows = tables[name].to_pylist()
        assert len({r[key] for r in rows}) == len(rows)
        for r in rows:
            text = documents[r["doc_id"]]["text"]
            assert 0 <= r["char_start"] < r["char_end"] <= len(text)
            if "text" in r:
                assert text[r["char_start"] : r["char_end"]] == r["text"]
    paragraph_ids = {p["paragraph_id"] for p in paragraphs}
    assert all(s["paragraph_id"] in paragraph_ids for s in sentences)

    assert_csv_matches_parquet(out, tables)
    assert_manifest(out, corpus / "raw", tables)


def assert_csv_matches_parquet(out: Path, tables: dict[str, pa.Table]) -> None:
    for name, table in tables.items():
        with csv_path(out / "latest", name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == table.schema.names
        assert len(rows) - 1 == table.num_rows, name
        for field, column in zip(table.schema, zip(*rows[1:], strict=True) if rows[1:] else [], strict=False):
            values = table.column(field.name).to_pylist()
            for cell, value in zip(column, values, strict=True):
                if value is None:
                    assert cell == ""
                elif pa.types.is_list(field.type):
                    assert cell == csv_cell(";".join(value))
                elif pa.types.is_string(field.type):
                    assert cell == csv_cell(value)
                elif pa.types.is_floating(field.type):
                    assert float(cell) == value
                else:
                    assert int(cell) == value


def assert_manifest(out: Path, raw: Path, tables: dict[str, pa.Table]) -> None:
    latest = out / "latest"
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["run_id"] == latest.resolve().name
    assert manifest["row_counts"] == {k: v.num_rows for k, v in tables.items()}
    assert {i["path"] for i in manifest["inputs"]} == {
        p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()
    }
    on_disk = file_digests(latest)
    on_disk.pop("manifest.json")
    assert manifest["files"] == on_disk
    assert manifest["validation"]["success"] is True
    assert manifest["validation"]["expectations_evaluated"] > 100
    assert len(manifest["taxonomy"]["sha256"]) == 64
    assert (latest / "validation" / "sentences.json").exists()
    card = (latest / "README.md").read_text(encoding="utf-8")
    assert f"# Dataset card: snapshot {manifest['run_id']}" in card
    assert f"| sentences | {tables['sentences'].num_rows} |" in card
    for table in TABLES:  # every column of every table is described in the card
        assert all(f"| `{c.name}` |" in card for c in table.columns), table.name


def test_sample_corpus_in_raw(tmp_path: Path) -> None:
    """The acceptance numbers for the committed sample corpus."""
    out = tmp_path / "out"
    run(PROJECT_ROOT / "raw", out)
    articles = read(out, "articles").to_pylist()
    assert [a["author"] for a in articles] == ["Zhang Nan", "Yang Jinzhong", "Yan Jing"]
    paragraphs = read(out, "paragraphs").to_pylist()
    assert len(paragraphs) == 30
    assert sum(p["kind"] == "thesis_point" for p in paragraphs) == 14
    assert all(a["primary_theme"] for a in articles)


def test_run_creates_prefect_artifacts(tmp_path: Path) -> None:
    summary = run(SAMPLE / "raw", tmp_path / "out")
    counts = Artifact.get("row-counts")
    assert counts is not None and counts.type == "table"
    data = counts.data if isinstance(counts.data, list) else json.loads(counts.data)
    assert {row["table"]: row["rows"] for row in data} == summary["row_counts"]
    validation = Artifact.get("validation-summary")
    assert validation is not None and validation.type == "markdown"
    assert "# Validation passed" in str(validation.data)
    changes = Artifact.get("change-report")
    assert changes is not None and changes.type == "markdown"
    assert "Documents: 1 added, 0 changed, 0 removed, 0 unchanged." in str(changes.data)


def test_failed_validation_publishes_nothing_and_keeps_latest(tmp_path: Path) -> None:
    corpus = SAMPLE / "raw"
    out = tmp_path / "out"
    run(corpus, out)
    before_target = os.readlink(out / "latest")
    before_files = file_digests(out / "latest")

    strict_suites = tmp_path / "expectations"
    shutil.copytree(DEFAULT_EXPECTATIONS, strict_suites)
    suite_file = strict_suites / "sentences.json"
    suite = json.loads(suite_file.read_text(encoding="utf-8"))
    suite["expectations"].append({
        "type": "expect_column_values_to_be_between", "kwargs": {"column": "n_words", "max_value": 5},
        "severity": "critical", "meta": {},
    })
    suite_file.write_text(json.dumps(suite), encoding="utf-8")

    with pytest.raises(ValidationFailed) as failure:
        run(corpus, out, expectations=strict_suites)
    message = str(failure.value)
    assert "nothing was published" in message
    assert "sentences: expect_column_values_to_be_between(n_words) failed for" in message

    assert os.readlink(out / "latest") == before_target
    assert file_digests(out / "latest") == before_files
    assert len(list((out / "runs").iterdir())) == 1
    (failed,) = (out / "failed").iterdir()
    summary = json.loads((failed / "summary.json").read_text(encoding="utf-8"))
    assert summary["success"] is False
    assert summary["failures"][0]["table"] == "sentences"


def test_rejected_files_are_published_with_their_reasons(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE / "raw", raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (raw / "notes.txt~").write_text("backup", encoding="utf-8")
    out = tmp_path / "out"
    summary = run(raw, out)
    assert summary["rejected"] == 3
    rejected = {r["path"]: r["reason"] for r in read(out, "rejected").to_pylist()}
    assert rejected == {"empty.txt": "empty", "scan.png": "binary", "notes.txt~": "skipped"}
    manifest = json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rejected"] == 3
    assert {i["path"] for i in manifest["inputs"]} == {
        p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()
    }

    strict_out = tmp_path / "strict-out"
    with pytest.raises(RejectedInputError, match="3 raw files were rejected"):
        run(raw, strict_out, strict=True)
    assert not (strict_out / "latest").exists()


def test_an_empty_raw_dir_is_a_completed_run_that_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(SAMPLE / "raw", out)
    good = (out / "latest").resolve()
    empty = tmp_path / "empty"
    empty.mkdir()
    summary = run(empty, out)
    assert summary["published"] is None and summary["row_counts"] == {}
    assert (out / "latest").resolve() == good


def test_many_small_shards_hold_the_same_rows_as_one(tmp_path: Path) -> None:
    corpus = WIRE
    run(corpus / "raw", tmp_path / "one")
    summary = run(corpus / "raw", tmp_path / "many", shard_mb=0.000_001)  # a document each
    n_documents = summary["row_counts"]["documents"]
    assert n_documents > 1 and summary["shards"] == n_documents
    validation = json.loads((tmp_path / "many" / "latest" / "validation" / "sentences.json").read_text())
    assert validation["shards"] == n_documents and validation["success"]
    for table in TABLES:
        one = pq.read_table(parquet_path(tmp_path / "one" / "latest", table.name))
        many = pq.read_table(parquet_path(tmp_path / "many" / "latest", table.name))
        assert many.schema == one.schema, table.name
        assert sorted(map(repr, many.to_pylist())) == sorted(map(repr, one.to_pylist())), table.name
        if table.name in ("documents", "articles"):  # a part file per shard
            assert len(list(parquet_path(tmp_path / "many" / "latest", table.name).iterdir())) == n_documents


def test_a_raw_dir_of_rejected_files_only_fails_and_names_them(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / ".hidden.txt").write_text("Title\nBody.\n", encoding="utf-8")
    (raw / "notes.txt~").write_text("Title\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no document could be read .*\.hidden\.txt: skipped"):
        run(raw, tmp_path / "out")
    assert not (tmp_path / "out" / "latest").exists()
    assert not (tmp_path / "out" / ".staging").exists() or not any((tmp_path / "out" / ".staging").iterdir())
