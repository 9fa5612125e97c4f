from __future__ import annotations

import json

import pytest

from flows.catalog import DEFAULT_EXPECTATIONS
from transforms.schema import TABLES, Table
from transforms.suites import suite_for


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_committed_suite_matches_the_declaration(table: Table) -> None:
    committed = json.loads((DEFAULT_EXPECTATIONS / f"{table.name}.json").read_text(encoding="utf-8"))
    assert committed == suite_for(table), "run 'make generate' after editing transforms/schema.py"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_column_is_documented_and_checked(table: Table) -> None:
    suite = suite_for(table)
    checked = {e["kwargs"].get("column") for e in suite["expectations"]}
    for column in table.columns:
        assert column.description.strip() and column.example.strip(), f"{table.name}.{column.name}"
        if not column.nullable:
            assert column.name in checked, f"{table.name}.{column.name} has no expectation"
    ordered = suite["expectations"][0]
    assert ordered["type"] == "expect_table_columns_to_match_ordered_list"
    assert ordered["kwargs"]["column_list"] == list(table.column_names)


def test_run_time_parameters_and_code_checks_are_named_in_the_suites() -> None:
    suites = {t.name: suite_for(t) for t in TABLES}
    params = {
        (name, e["kwargs"]["column"]): e["kwargs"]["value_set"]["$PARAMETER"]
        for name, s in suites.items()
        for e in s["expectations"]
        if isinstance(e["kwargs"].get("value_set"), dict)
    }
    assert params[("theme_tags", "theme_id")] == "theme_ids"
    assert params[("sentences", "primary_theme")] == "theme_ids"
    assert "paragraph_id exists in paragraphs.paragraph_id" in suites["sentences"]["meta"]["checked_in_code"]
    assert "doc_id exists in documents.doc_id" in suites["articles"]["meta"]["checked_in_code"]
