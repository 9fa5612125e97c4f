"""The data dictionary (Markdown), generated from the table declarations in ``transforms.schema``."""

from __future__ import annotations

import pyarrow as pa

from transforms.schema import TABLES, Column, Table


def _type(t: pa.DataType) -> str:
    return f"list<{t.value_type}>" if pa.types.is_list(t) else str(t)


def _rules(c: Column) -> str:
    rules = []
    if c.unique:
        rules.append("unique")
    if c.values:
        rules.append("one of " + ", ".join(f"`{v}`" for v in c.values))
    if c.values_param:
        rules.append(f"in `{c.values_param}` (run time)")
    if c.references:
        rules.append(f"exists in `{c.references}`")
    if c.min_value is not None and c.max_value is not None:
        rules.append(f"between {c.min_value:g} and {c.max_value:g}")
    elif c.min_value is not None:
        rules.append(f">= {c.min_value:g}")
    elif c.max_value is not None:
        rules.append(f"<= {c.max_value:g}")
    if c.min_length:
        rules.append("non-empty")
    if c.regex:
        rules.append(f"matches `{c.regex}`")
    return "; ".join(rules)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_section(table: Table) -> str:
    lines = [
        f"## `{table.name}`",
        "",
        table.description,
        "",
        f"- Grain: {table.grain}.",
        f"- Key: `{table.key}`.",
        *(f"- Joins: `{j}`." for j in table.joins),
        f"- Files: `parquet/{table.name}.parquet`, `csv/{table.name}.csv`.",
        "",
        "| column | type | nullable | meaning | example | checked |",
        "|---|---|---|---|---|---|",
    ]
    for c in table.columns:
        lines.append(
            f"| `{c.name}` | {_type(c.type)} | {'yes' if c.nullable else 'no'} | {_cell(c.description)} "
            f"| `{_cell(c.example)}` | {_cell(_rules(c))} |"
        )
    return "\n".join(lines) + "\n"


def render() -> str:
    head = [
        "# Data dictionary",
        "",
        "Generated from `transforms/schema.py` by `corpus-pipeline generate --write`; do not edit by hand.",
        "Every table is published as Parquet (exact types below) and CSV (UTF-8, header row, list cells joined",
        "with `;`, formula-like text cells prefixed with `'`).",
        "",
        "Offsets: for every article, paragraph and sentence, `documents.text[char_start:char_end]` is the unit's",
        "text (for an article, the stretch from its title line to its byline).",
        "",
    ]
    return "\n".join(head) + "\n" + "\n".join(table_section(t) for t in TABLES)
