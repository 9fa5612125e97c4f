from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.transforms.helpers import document
from transforms.checks import run_code_checks
from transforms.records import Rejection, RejectReason, TaggedDocument
from transforms.schema import TABLES, arrow_schema
from transforms.segment import segment_lines
from transforms.tables import build_tables, csv_cell, csv_table
from transforms.themes import Taxonomy, tag_articles

TEXT = (
    "Build a safer country\n-- On the conference\nThe conference met. Risks were discussed.\n"
    "-- Prevent hidden dangers. Rescue teams must be ready.\nWriter: Zhang Nan).\n"
    "No byline here\n=SUM(A1) looks like a formula. It is text.\n"
)


def build(taxonomy: Taxonomy, rejections: list[Rejection] | None = None) -> dict[str, pa.Table]:
    doc = document(TEXT)
    arts, lines = segment_lines(doc)
    scores = tag_articles(taxonomy, arts)
    return build_tables([TaggedDocument(doc, arts, scores, lines)], rejections or [], taxonomy)


def test_tables_follow_their_declared_schemas(taxonomy: Taxonomy) -> None:
    tables = build(taxonomy)
    assert list(tables) == [t.name for t in TABLES]
    for table in TABLES:
        assert tables[table.name].schema.equals(arrow_schema(table), check_metadata=False), table.name


def test_row_counts_and_links(taxonomy: Taxonomy) -> None:
    tables = build(taxonomy)
    articles = tables["articles"].to_pylist()
    assert [a["author"] for a in articles] == ["Zhang Nan", None]
    assert articles[1]["parse_warnings"] == ["no_byline"]
    assert tables["authors"].to_pylist()[0]["n_articles"] == 1
    paragraphs = tables["paragraphs"].to_pylist()
    assert [p["kind"] for p in paragraphs] == ["body", "thesis_point", "body"]
    assert paragraphs[1]["heading"] == "Prevent hidden dangers."
    tags = tables["theme_tags"].to_pylist()
    assert {t["level"] for t in tags} == {"sentence", "paragraph", "article"}
    assert all(t["rank"] >= 1 and 0 <= t["score"] <= 1 for t in tags)


def test_code_checks_pass_on_built_tables(taxonomy: Taxonomy) -> None:
    results = run_code_checks(build(taxonomy), taxonomy.theme_ids)
    assert results and all(r.success for r in results), [r for r in results if not r.success]


def test_code_checks_catch_broken_offsets_and_counts(taxonomy: Taxonomy) -> None:
    tables = build(taxonomy)
    sentences = tables["sentences"]
    shifted = pa.compute.add(sentences.column("char_start"), 1)
    tables["sentences"] = sentences.set_column(sentences.schema.get_field_index("char_start"), "char_start",
                                               shifted)
    tables["paragraphs"] = tables["paragraphs"].slice(0, 2)
    failed = {(r.table, r.check): r for r in run_code_checks(tables, taxonomy.theme_ids) if not r.success}
    offsets = failed[("sentences", "offsets_point_into_document_text")]
    assert offsets.failing_count == tables["sentences"].num_rows and offsets.blocking
    assert "text differs" in offsets.examples[0]
    assert ("articles", "n_paragraphs_matches_paragraphs") in failed


def test_code_checks_catch_unknown_themes(taxonomy: Taxonomy) -> None:
    results = run_code_checks(build(taxonomy), ["risk_prevention"])
    assert any(r.check == "themes_in_taxonomy_and_primary_first" and not r.success for r in results)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-x", "'-x"), ("@a", "'@a"), ("\tx", "'\tx"), ("ok", "ok")],
)
def test_csv_cells_are_neutralised(value: str, expected: str) -> None:
    assert csv_cell(value) == expected


def test_csv_frame_joins_lists_and_keeps_parquet_text(taxonomy: Taxonomy) -> None:
    tables = build(taxonomy, [Rejection("x.png", "0" * 64, 3, RejectReason.BINARY, "binary")])
    sentences = tables["sentences"]
    shown = csv_table(sentences)
    formula = [t for t in sentences.column("text").to_pylist() if t.startswith("=")]
    assert formula == ["=SUM(A1) looks like a formula."]
    assert shown.column("text").to_pylist() == [csv_cell(t) for t in sentences.column("text").to_pylist()]
    themes = sentences.column("themes").to_pylist()
    assert shown.column("themes").to_pylist() == [";".join(t) for t in themes]
    assert tables["rejected"].num_rows == 1


_cells = st.text(alphabet=st.sampled_from("=+-@\t\rab 中'"), max_size=4)


@given(texts=st.lists(st.none() | _cells, max_size=8),
       lists=st.lists(st.lists(_cells, max_size=3), min_size=8, max_size=8))
def test_csv_table_neutralises_cells_as_csv_cell_does(texts: list[str | None], lists: list[list[str]]) -> None:
    n = len(texts)
    table = pa.table({"text": pa.array(texts, pa.string()), "items": pa.array(lists[:n], pa.list_(pa.string()))})
    shown = csv_table(table)
    assert shown.column("text").to_pylist() == [None if t is None else csv_cell(t) for t in texts]
    assert shown.column("items").to_pylist() == [csv_cell(";".join(items)) for items in lists[:n]]
