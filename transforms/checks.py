"""Checks that Great Expectations cannot express, run in code and reported like expectations.

Each check returns a ``CheckResult`` with the same fields the GX results are summarised into, so the flow
reports both kinds in one list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.schema import TABLES

MAX_EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class CheckResult:
    table: str
    check: str
    severity: str  # "critical" blocks publishing; "warning" is recorded
    success: bool
    failing_count: int
    examples: tuple[str, ...]
    source: str = "code"  # "gx" for Great Expectations results

    @property
    def blocking(self) -> bool:
        return self.severity == "critical" and not self.success


def _result(table: str, check: str, failures: list[str], severity: str = "critical", count: int | None = None
            ) -> CheckResult:
    """A check's result from its failures (messages), or from ``count`` failing rows and the first messages."""
    n = len(failures) if count is None else count
    return CheckResult(table, check, severity, not n, n, tuple(failures[:MAX_EXAMPLES]))


def check_offsets(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    """``0 <= char_start < char_end <= n_chars`` and ``documents.text[char_start:char_end] == text``."""
    docs = tables["documents"]
    doc_ids = _flat(docs.column("doc_id"))
    doc_texts = docs.column("text").to_pylist()
    doc_chars = pc.utf8_length(docs.column("text"))
    results = []
    for name in ("articles", "paragraphs", "sentences", "lines"):
        table = tables[name]
        where = pc.index_in(table.column("doc_id"), value_set=doc_ids)
        start, end = table.column("char_start"), table.column("char_end")
        n_chars = pc.take(doc_chars, where)
        inside = pc.and_(pc.and_(pc.greater_equal(start, 0), pc.less(start, end)), pc.less_equal(end, n_chars))
        suspect = pc.invert(pc.fill_null(inside, False)).to_numpy(zero_copy_only=False)
        if "text" in table.schema.names:
            # Texts are compared in Python, only for rows whose offsets are in bounds (one slice per row).
            rows = np.flatnonzero(~suspect)
            texts = table.column("text").take(rows).to_pylist()
            doc_rows = where.take(rows).to_pylist()
            starts, ends = start.take(rows).to_pylist(), end.take(rows).to_pylist()
            differs = [i for i, (d, a, b, t) in enumerate(zip(doc_rows, starts, ends, texts, strict=True))
                       if doc_texts[d][a:b] != t]
            suspect[rows[differs]] = True
        failing = np.flatnonzero(suspect)
        failures = []
        for i in failing[:MAX_EXAMPLES].tolist():  # the examples' messages, row by row
            key, doc_id = table.column(0)[i].as_py(), table.column("doc_id")[i].as_py()
            a, b, d = start[i].as_py(), end[i].as_py(), where[i].as_py()
            if d is None:
                failures.append(f"{key}: document {doc_id} does not exist")
            elif a is None or b is None or not (0 <= a < b <= len(doc_texts[d])):
                failures.append(f"{key}: offsets [{a}, {b}) outside 0..{len(doc_texts[d])}")
            else:
                failures.append(f"{key}: text differs from documents.text[{a}:{b}]")
        results.append(_result(name, "offsets_point_into_document_text", failures, count=len(failing)))
    return results


def check_list_values(tables: Mapping[str, pa.Table], theme_ids: Iterable[str]) -> list[CheckResult]:
    """Every theme id in a ``themes`` list is in the taxonomy, the primary theme comes first, and theme_status is
    ``none`` exactly where there is no primary theme and no theme_margin."""
    allowed_ids = set(theme_ids)
    allowed = pa.array(sorted(allowed_ids), pa.string())
    results = []
    for name in ("articles", "paragraphs", "sentences"):
        table = tables[name]
        themes = _flat(table.column("themes"))
        lengths = pc.fill_null(pc.list_value_length(themes), 0).to_numpy(zero_copy_only=False)
        items = pc.list_flatten(themes)
        # A row is suspect when one of its ids is unknown, or its first id (null for none) is not its primary.
        unknown = pc.invert(pc.is_in(items, value_set=allowed)).to_numpy(zero_copy_only=False)
        suspect = np.zeros(len(lengths), dtype=bool)
        suspect[pc.list_parent_indices(themes).to_numpy()[unknown]] = True
        firsts = np.cumsum(lengths) - lengths
        first = items.take(pa.array(firsts, mask=lengths == 0))
        primary = table.column("primary_theme")
        same = pc.if_else(pc.is_null(first), pc.is_null(primary), pc.fill_null(pc.equal(first, primary), False))
        suspect |= ~same.to_numpy(zero_copy_only=False)
        # theme_status is none exactly when there is no primary theme, and only then is theme_margin null.
        statuses, margins = table.column("theme_status"), table.column("theme_margin")
        none = pc.equal(statuses, "none").to_numpy(zero_copy_only=False)
        suspect |= none != pc.is_null(primary).to_numpy(zero_copy_only=False)
        suspect |= none != pc.is_null(margins).to_numpy(zero_copy_only=False)
        failing = np.flatnonzero(suspect)
        failures = []
        for i in failing[:MAX_EXAMPLES].tolist():  # the examples' messages, row by row
            unit, ids, main = table.column(0)[i].as_py(), themes[i].as_py() or [], primary[i].as_py()
            unknown_ids = [t for t in ids if t not in allowed_ids]
            status, margin = statuses[i].as_py(), margins[i].as_py()
            if unknown_ids:
                failures.append(f"{unit}: unknown theme ids {unknown_ids}")
            elif (status == "none") != (main is None) or (status == "none") != (margin is None):
                failures.append(f"{unit}: theme_status {status!r} does not fit primary_theme {main!r} and "
                                f"theme_margin {margin!r}")
            else:
                failures.append(f"{unit}: primary_theme {main!r} is not the first of {ids}")
        results.append(_result(name, "themes_in_taxonomy_and_primary_first", failures, count=len(failing)))
    return results


def check_counts(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    """Stored child counts match the child rows."""
    specs = [
        ("documents", "doc_id", "n_articles", "articles"),
        ("articles", "article_id", "n_paragraphs", "paragraphs"),
        ("articles", "article_id", "n_sentences", "sentences"),
        ("paragraphs", "paragraph_id", "n_sentences", "sentences"),
    ]
    results = []
    for table, key, column, child in specs:
        parents = _flat(tables[table].column(key))
        counted = pc.value_counts(tables[child].column(key))
        where = pc.index_in(parents, value_set=counted.field("values"))
        actual = pc.fill_null(pc.take(counted.field("counts"), where), 0)
        stored = tables[table].column(column)
        wrong = pc.invert(pc.fill_null(pc.equal(stored, pc.cast(actual, stored.type)), False))
        failures = [
            f"{k}: {column}={n} but {a} {child} rows"
            for k, n, a in zip(*(pc.filter(c, wrong).to_pylist() for c in (parents, stored, actual)), strict=True)
        ]
        results.append(_result(table, f"{column}_matches_{child}", failures))
    return results


def _flat(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One array (compute kernels such as ``value_set`` or list offsets want one)."""
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def _missing(values: pa.Array | pa.ChunkedArray, allowed: pa.Array | pa.ChunkedArray) -> list[str]:
    """The non-null values that are not in ``allowed`` (distinct, in order)."""
    present = pc.is_in(values, value_set=_flat(allowed))
    orphans = pc.filter(values, pc.and_(pc.invert(present), pc.is_valid(values)))
    return [str(v) for v in orphans.to_pylist()]


def check_references(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    """Every id that names a parent row (``Column.references``) exists in the parent table."""
    results = []
    for table in TABLES:
        for column in table.columns:
            if column.references is None:
                continue
            parent, parent_column = column.references.split(".")
            orphans = _missing(tables[table.name].column(column.name), tables[parent].column(parent_column))
            results.append(_result(table.name, f"{column.name}_exists_in_{parent}", orphans))
    tags = tables["theme_tags"]
    orphans = []
    for level, parent, key in (("sentence", "sentences", "sentence_id"), ("paragraph", "paragraphs", "paragraph_id"),
                               ("article", "articles", "article_id")):
        units = pc.filter(tags.column("unit_id"), pc.equal(tags.column("level"), level))
        orphans += [f"{level} {u}" for u in _missing(units, tables[parent].column(key))]
    results.append(_result("theme_tags", "unit_id_exists_at_its_level", orphans))
    return results


def run_code_checks(tables: Mapping[str, pa.Table], theme_ids: Iterable[str]) -> list[CheckResult]:
    return [
        *check_references(tables), *check_offsets(tables), *check_list_values(tables, theme_ids),
        *check_counts(tables),
    ]
