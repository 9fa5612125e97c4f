"""The data dictionary (Markdown), generated from the table declarations in ``transforms.schema``."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from transforms.escapes import markdown_code, markdown_text
from transforms.lines import PATTERNS, ROLE_MEANINGS
from transforms.schema import MAX_CSV_BYTES, MAX_CSV_ROWS, TABLES, Column, Table


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
        f"- Files: `parquet/{table.name}/part-*.parquet` (one dataset), `csv/{table.name}/part-*.csv`, and "
        f"`csv/{table.name}.csv` when the table fits a spreadsheet.",
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
        "with `;`, text cells that start like a formula (`=`, `+`, `-`, `@`, tab, carriage return) or with `'`",
        "prefixed with `'`: drop one leading `'` to get the exact text).",
        "",
        "Offsets: for every article, paragraph and sentence, `documents.text[char_start:char_end]` is the unit's",
        "text (for an article, the stretch from its title line to its byline).",
        "",
    ]
    return "\n".join(head) + "\n" + "\n".join(table_section(t) for t in TABLES) + "\n" + line_roles_section()


def line_roles_section() -> str:
    """The roles a line can have (``lines.role``) and the patterns that recognise page furniture whatever
    surrounds it (``lines.pattern``), from ``transforms.lines``."""
    lines = [
        "## Line roles and furniture patterns",
        "",
        "Every non-blank line of a document has one role (`lines.role`). Most roles come from the line's place in",
        "its article; a line that is page furniture whatever surrounds it is recognised by the first pattern below",
        "that matches the whole line, and `lines.pattern` names it.",
        "",
        "| role | what the line is |",
        "|---|---|",
        *(f"| `{role.value}` | {_cell(meaning)} |" for role, meaning in ROLE_MEANINGS.items()),
        "",
        "| pattern | role | credit kind | example |",
        "|---|---|---|---|",
        *(f"| `{p.name}` | `{p.role.value}` | {p.kind or ''} | `{_cell(p.example)}` |" for p in PATTERNS),
    ]
    return "\n".join(lines) + "\n"


LIMITATIONS = (
    "Segmentation follows layout rules (title lines, dash markers, bylines); unusual layouts are flagged in "
    "`articles.parse_warnings`, not guaranteed right.",
    "Themes come from phrase rules in the taxonomy file, not from a trained model: a unit that discusses a "
    "theme in words the rules do not list is not tagged with it.",
    "The English text is machine-translated; glitches in it (glued sentences, missing punctuation) are handled "
    "where the sentence rules know them.",
    "Offsets count Unicode code points in `documents.text` (the normalised text), not bytes of the raw file.",
)


def render_card(manifest: dict[str, object]) -> str:
    """The dataset card published as ``README.md`` in every snapshot, from its manifest."""
    m: dict[str, Any] = dict(manifest)
    validation, taxonomy, package = m["validation"], m["taxonomy"], m["package"]
    changes = m.get("changes", {}).get("documents", {})
    lines = [
        f"# Dataset card: snapshot {m['run_id']}",
        "",
        "Policy commentary segmented into documents, articles, paragraphs and sentences, tagged by author and "
        "by theme, and validated before publication.",
        "",
        "## This run",
        "",
        f"- Run: `{m['run_id']}`, {m['started_at']} to {m['finished_at']}.",
        f"- Code: corpus-pipeline {package['version']} (`{package.get('code_version', '')}`).",
        f"- Input: {markdown_code(m['raw_dir'])}, {len(m['inputs'])} files, {m['rejected']} rejected (see "
        "`rejected`).",
        f"- Taxonomy: {markdown_code(taxonomy['id'])} version {markdown_text(taxonomy['version'])}, sha256 "
        f"`{taxonomy['sha256'][:16]}...`.",
        f"- Validation: {'passed' if validation['success'] else 'FAILED'}, {validation['expectations_evaluated']} "
        f"checks, {len(validation['warnings'])} warnings (`validation/<table>.json`).",
        f"- Since the previous snapshot: {len(changes.get('added', []))} documents added, "
        f"{len(changes.get('changed', []))} changed, {len(changes.get('removed', []))} removed.",
        "- Report: `report.html` (themes by article and by author, lengths, changes, parse warnings, rejected "
        "files, validation), one self-contained file that opens offline.",
        "",
        "| table | rows |",
        "|---|---:|",
        *(f"| {t} | {n} |" for t, n in m["row_counts"].items()),
        "",
        "## Known limitations",
        "",
        *(f"- {item}" for item in LIMITATIONS),
        "",
        "## How to load",
        "",
        "```python",
        "import pandas as pd",
        'sentences = pd.read_parquet("parquet/sentences", dtype_backend="pyarrow")  # lists as lists',
        "",
        "import pyarrow.parquet as pq",
        'articles = pq.read_table("parquet/articles")',
        "",
        "import duckdb",
        "duckdb.sql(\"SELECT a.title, s.text FROM 'parquet/sentences/*.parquet' s "
        "JOIN 'parquet/articles/*.parquet' a USING (article_id)\")",
        "",
        "import polars as pl",
        'paragraphs = pl.read_parquet("parquet/paragraphs/*.parquet")',
        "```",
        "",
        "Each table is a folder of part files, one per shard of documents (rows in shard order, then path "
        "order), read as one dataset. CSV copies are in `csv/`: a part file per shard, and `csv/<table>.csv` "
        f"for each table that fits a spreadsheet: at most {MAX_CSV_ROWS:,} rows and {MAX_CSV_BYTES / 1e6:g} MB "
        "(UTF-8, header row, list cells joined with `;`, formula-like cells prefixed with `'`).",
        "",
    ]
    tables = "\n".join(table_section(t).replace("## `", "### `", 1) for t in TABLES)
    return "\n".join([*lines, "## Tables", ""]) + "\n" + tables
