"""Checks that Great Expectations cannot express, run in code and reported like expectations.

Each check returns a ``CheckResult`` with the same fields the GX results are summarised into, so the flow
reports both kinds in one list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

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


def _result(table: str, check: str, failures: list[str], severity: str = "critical") -> CheckResult:
    return CheckResult(table, check, severity, not failures, len(failures), tuple(failures[:MAX_EXAMPLES]))


def check_offsets(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    """``0 <= char_start < char_end <= n_chars`` and ``documents.text[char_start:char_end] == text``."""
    docs = tables["documents"].select(["doc_id", "text"]).to_pydict()
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    results = []
    for name in ("articles", "paragraphs", "sentences"):
        key = tables[name].schema.names[0]
        has_text = "text" in tables[name].schema.names
        needed = [key, "doc_id", "char_start", "char_end", *(["text"] if has_text else [])]
        cols = tables[name].select(needed).to_pydict()
        failures = []
        for i, doc_id in enumerate(cols["doc_id"]):
            start, end = cols["char_start"][i], cols["char_end"][i]
            doc_text = texts.get(doc_id)
            if doc_text is None:
                failures.append(f"{cols[key][i]}: document {doc_id} does not exist")
            elif not (0 <= start < end <= len(doc_text)):
                failures.append(f"{cols[key][i]}: offsets [{start}, {end}) outside 0..{len(doc_text)}")
            elif has_text and doc_text[start:end] != cols["text"][i]:
                failures.append(f"{cols[key][i]}: text differs from documents.text[{start}:{end}]")
        results.append(_result(name, "offsets_point_into_document_text", failures))
    return results


def check_list_values(tables: Mapping[str, pa.Table], theme_ids: Iterable[str]) -> list[CheckResult]:
    """Every theme id in a ``themes`` list is in the taxonomy, and the primary theme comes first."""
    allowed = set(theme_ids)
    results = []
    for name in ("articles", "paragraphs", "sentences"):
        key = tables[name].schema.names[0]
        cols = tables[name].select([key, "themes", "primary_theme"]).to_pydict()
        failures = []
        for unit, themes, primary in zip(cols[key], cols["themes"], cols["primary_theme"], strict=True):
            unknown = [t for t in themes if t not in allowed]
            if unknown:
                failures.append(f"{unit}: unknown theme ids {unknown}")
            elif (themes[0] if themes else None) != primary:
                failures.append(f"{unit}: primary_theme {primary!r} is not the first of {themes}")
        results.append(_result(name, "themes_in_taxonomy_and_primary_first", failures))
    return results


def check_counts(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    """Stored child counts match the child rows."""

    def counts(table: str, parent: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in tables[table].column(parent).to_pylist():
            out[v] = out.get(v, 0) + 1
        return out

    specs: list[tuple[str, str, str, str, Callable[[], dict[str, int]]]] = [
        ("documents", "doc_id", "n_articles", "articles", lambda: counts("articles", "doc_id")),
        ("articles", "article_id", "n_paragraphs", "paragraphs", lambda: counts("paragraphs", "article_id")),
        ("articles", "article_id", "n_sentences", "sentences", lambda: counts("sentences", "article_id")),
        ("paragraphs", "paragraph_id", "n_sentences", "sentences", lambda: counts("sentences", "paragraph_id")),
    ]
    results = []
    for table, key, column, child, actual_counts in specs:
        actual = actual_counts()
        keys, stored = tables[table].column(key).to_pylist(), tables[table].column(column).to_pylist()
        failures = [
            f"{k}: {column}={n} but {actual.get(k, 0)} {child} rows"
            for k, n in zip(keys, stored, strict=True)
            if actual.get(k, 0) != n
        ]
        results.append(_result(table, f"{column}_matches_{child}", failures))
    return results


def _missing(values: pa.Array | pa.ChunkedArray, allowed: pa.Array | pa.ChunkedArray) -> list[str]:
    """The non-null values that are not in ``allowed`` (distinct, in order)."""
    if isinstance(allowed, pa.ChunkedArray):
        allowed = allowed.combine_chunks()
    present = pc.is_in(values, value_set=allowed)
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
