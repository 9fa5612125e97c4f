"""Great Expectations suites, generated from the table declarations in ``transforms.schema``.

The suites are kept as JSON in ``expectations/`` (``corpus-pipeline generate --write`` regenerates them, and a
test fails when they drift from the declarations). Severity ``critical`` blocks publishing; ``warning`` is
recorded in the validation summary.
"""

from __future__ import annotations

from typing import Any

from transforms.schema import Column, Table

CRITICAL = "critical"
WARNING = "warning"


def _expect(kind: str, severity: str = CRITICAL, **kwargs: Any) -> dict[str, Any]:
    return {"type": f"expect_{kind}", "kwargs": kwargs, "severity": severity, "meta": {}}


def _column_expectations(c: Column) -> list[dict[str, Any]]:
    out = []
    col = c.name
    if not c.nullable:
        out.append(_expect("column_values_to_not_be_null", column=col))
    if c.unique:
        out.append(_expect("column_values_to_be_unique", column=col))
    if c.values is not None:
        out.append(_expect("column_values_to_be_in_set", column=col, value_set=list(c.values)))
    if c.values_param is not None:
        out.append(
            _expect("column_values_to_be_in_set", column=col, value_set={"$PARAMETER": c.values_param})
        )
    if c.min_value is not None or c.max_value is not None:
        out.append(
            _expect("column_values_to_be_between", column=col, min_value=c.min_value, max_value=c.max_value)
        )
    if c.min_length is not None or c.max_length is not None:
        out.append(
            _expect(
                "column_value_lengths_to_be_between", column=col, min_value=c.min_length,
                max_value=c.max_length,
            )
        )
    if c.regex is not None:
        out.append(_expect("column_values_to_match_regex", column=col, regex=c.regex))
    return out


def suite_for(table: Table) -> dict[str, Any]:
    """The GX 1.x suite (as its JSON dict) for one table."""
    expectations = [
        _expect("table_columns_to_match_ordered_list", column_list=list(table.column_names)),
        _expect("table_row_count_to_be_between", min_value=table.min_rows, max_value=None),
    ]
    for column in table.columns:
        expectations.extend(_column_expectations(column))
    expectations.extend(dict(e) for e in table.expectations)
    return {
        "name": table.name,
        "expectations": expectations,
        "meta": {
            "generated_from": f"transforms/schema.py ({table.name.upper()})",
            "regenerate_with": "corpus-pipeline generate --write",
            "checked_in_code": code_checks_for(table),
        },
    }


def code_checks_for(table: Table) -> list[str]:
    """The table's checks that run in code (``transforms.checks``), listed in the suite for the reader."""
    checks = [f"{c.name} exists in {c.references}" for c in table.columns if c.references]
    if "char_start" in table.column_names:
        checks.append(
            "0 <= char_start < char_end <= documents.n_chars, and text == documents.text[char_start:char_end]"
        )
    if "themes" in table.column_names:
        checks.append("every id in themes is a taxonomy theme, primary_theme is the first, and theme_status is none "
                      "exactly where primary_theme and theme_margin are null")
    if table.name == "theme_tags":
        checks.append("unit_id exists in the table its level names (sentences, paragraphs or articles)")
    return checks
