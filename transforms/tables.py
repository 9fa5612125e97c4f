"""Records -> the output tables (pyarrow), each with the schema declared in ``transforms.schema``.

Tables are built per document (``document_tables``: the rows that come from one document, which the
incremental cache stores) and then combined (``combine_tables``: concatenated in path order, plus the tables
derived from all documents: authors, themes, rejected).
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from transforms import ids
from transforms.records import Rejection, TaggedDocument, TagLevel, UnitScores
from transforms.schema import (
    ARTICLES,
    AUTHORS,
    DOCUMENTS,
    PARAGRAPHS,
    REJECTED,
    SENTENCES,
    TABLES,
    THEME_TAGS,
    THEMES,
    Table,
    arrow_schema,
)
from transforms.themes import Taxonomy

DOCUMENT_TABLES: tuple[Table, ...] = (DOCUMENTS, ARTICLES, PARAGRAPHS, SENTENCES, THEME_TAGS)


class _Columns:
    """Column-wise accumulator for one table."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.data: dict[str, list[Any]] = {name: [] for name in table.column_names}

    def add(self, **row: Any) -> None:
        if row.keys() != self.data.keys():
            missing, extra = self.data.keys() - row.keys(), row.keys() - self.data.keys()
            raise ValueError(f"{self.table.name}: row does not match the schema: {missing=} {extra=}")
        for name, value in row.items():
            self.data[name].append(value)

    def build(self) -> pa.Table:
        return pa.Table.from_pydict(self.data, schema=arrow_schema(self.table))


def _columns(table: Table, data: dict[str, list[Any]]) -> pa.Table:
    """A table from whole columns, which must be exactly the table's columns."""
    if data.keys() != set(table.column_names):
        missing, extra = set(table.column_names) - data.keys(), data.keys() - set(table.column_names)
        raise ValueError(f"{table.name}: columns do not match the schema: {missing=} {extra=}")
    return pa.Table.from_pydict({name: data[name] for name in table.column_names}, schema=arrow_schema(table))


def _attributes(records: Sequence[Any], *names: str) -> dict[str, list[Any]]:
    """Columns that are the records' attributes of the same name."""
    return {name: [getattr(r, name) for r in records] for name in names}


_LEVELS = pa.array([level.value for level in TagLevel])
_LEVEL_CODE = {level: k for k, level in enumerate(TagLevel)}


def _tag_columns(scores: UnitScores, unit_ids: list[str], levels: list[TagLevel]) -> _TagColumns:
    """The theme_tags rows of ``unit_ids`` (a document's units in reading order, with their levels), and each
    unit's primary theme and themes, by level: sliced from ``scores`` where it holds those units in that order."""
    u0 = scores.position(unit_ids[0]) if unit_ids else None
    if u0 is None or scores.unit_ids[u0 : u0 + len(unit_ids)] != unit_ids:
        scores, u0 = UnitScores.from_mapping(unit_ids, scores), 0
    bounds = scores.bounds[u0 : u0 + len(unit_ids) + 1]
    first, last = int(bounds[0]), int(bounds[-1])
    counts = np.diff(bounds)
    unit_of_row = np.repeat(np.arange(len(unit_ids)), counts)
    level = np.array([_LEVEL_CODE[lv] for lv in levels], np.int64)
    themes = pa.array(scores.theme_ids, pa.string()).take(pa.array(scores.theme[first:last]))
    evidence_bounds = scores.evidence_bounds[first : last + 1]
    evidence = pa.array(scores.evidence_strings, pa.string()).take(
        pa.array(scores.evidence_ids[evidence_bounds[0] : evidence_bounds[-1]]))
    rows = {
        "level": _LEVELS.take(pa.array(level[unit_of_row])),
        "unit_id": pa.array(unit_ids, pa.string()).take(pa.array(unit_of_row)),
        "theme_id": themes,
        "score": pa.array(scores.score[first:last]),
        "rank": pa.array((np.arange(last - first) - (bounds[:-1] - first)[unit_of_row] + 1).astype(np.int32)),
        "evidence": pa.ListArray.from_arrays(pa.array((evidence_bounds - evidence_bounds[0]).astype(np.int32)),
                                             evidence),
    }
    fields: dict[TagLevel, dict[str, Any]] = {}
    for lv, code in _LEVEL_CODE.items():
        units = np.flatnonzero(level == code)
        n = counts[units]
        at = bounds[units] - first
        theme_rows = np.repeat(at - np.cumsum(n) + n, n) + np.arange(int(n.sum()))
        fields[lv] = {
            "primary_theme": themes.take(pa.array(np.where(n > 0, at, 0), mask=n == 0)),
            "themes": pa.ListArray.from_arrays(pa.array(np.r_[0, np.cumsum(n)].astype(np.int32)),
                                               themes.take(pa.array(theme_rows))),
        }
    return _TagColumns(rows, fields, counts)


class _TagColumns(NamedTuple):
    rows: dict[str, Any]  # theme_tags
    fields: dict[TagLevel, dict[str, Any]]  # per level: primary_theme and themes of the units of that level
    rows_per_unit: npt.NDArray[np.int64]  # how many theme_tags rows each unit has


def document_tables(item: TaggedDocument) -> dict[str, pa.Table]:
    """The rows of ``DOCUMENT_TABLES`` that come from one document, keyed by table name."""
    return documents_tables([item])[item.document.path]


def documents_tables(items: Sequence[TaggedDocument]) -> dict[str, dict[str, pa.Table]]:
    """``document_tables`` of each of ``items`` (by path): each table is built once for all of them, column by
    column (the pipeline's hot path: one Arrow table per document and table cost more than its rows), and each
    document's rows are a slice of it."""
    if not items:
        return {}
    articles = [a for item in items for a in item.articles]
    paragraphs = [p for a in articles for p in a.paragraphs]
    sentences = [s for p in paragraphs for s in p.sentences]
    unit_ids: list[str] = []  # tag rows in reading order: an article's, then each paragraph's and its sentences'
    levels: list[TagLevel] = []
    for a in articles:
        unit_ids.append(a.article_id)
        levels.append(TagLevel.ARTICLE)
        for p in a.paragraphs:
            unit_ids += (p.paragraph_id, *(s.sentence_id for s in p.sentences))
            levels += (TagLevel.PARAGRAPH, *(TagLevel.SENTENCE,) * len(p.sentences))
    scores = items[0].scores
    if not all(item.scores is scores for item in items):
        scores = ChainMap(*(dict(item.scores) for item in items))
    tags = _tag_columns(scores if isinstance(scores, UnitScores) else UnitScores.from_mapping(unit_ids, scores),
                        unit_ids, levels)

    n_words = [s.n_words for s in sentences]
    words_by_article: dict[str, int] = dict.fromkeys((a.article_id for a in articles), 0)
    for s, n in zip(sentences, n_words, strict=True):
        words_by_article[s.article_id] += n
    bylines = [a.byline for a in articles]
    docs = [item.document for item in items]
    tables = {
        DOCUMENTS.name: _columns(DOCUMENTS, {
            **_attributes(docs, "doc_id", "path", "sha256", "n_bytes", "encoding", "n_chars"),
            "n_articles": [len(item.articles) for item in items],
            "text": [d.text for d in docs],
        }),
        ARTICLES.name: _columns(ARTICLES, {
            **_attributes(articles, "article_id", "doc_id", "ordinal", "title", "series"),
            "author": [b.name if b else None for b in bylines],
            "author_role": [b.role if b else None for b in bylines],
            "author_id": [ids.author_id(b.name) if b else None for b in bylines],
            "byline": [b.line if b else None for b in bylines],
            "credits": [[f"{c.role}: {c.name}" for c in a.credits] for a in articles],
            "n_paragraphs": [len(a.paragraphs) for a in articles],
            "n_sentences": [sum(len(p.sentences) for p in a.paragraphs) for a in articles],
            "n_words": list(words_by_article.values()),
            **_attributes(articles, "char_start", "char_end"),
            **tags.fields[TagLevel.ARTICLE],
            "parse_warnings": [list(a.warnings) for a in articles],
        }),
        PARAGRAPHS.name: _columns(PARAGRAPHS, {
            **_attributes(paragraphs, "paragraph_id", "article_id", "doc_id", "ordinal"),
            "kind": [p.kind.value for p in paragraphs],
            **_attributes(paragraphs, "marker", "heading", "text", "char_start", "char_end"),
            "n_sentences": [len(p.sentences) for p in paragraphs],
            **tags.fields[TagLevel.PARAGRAPH],
        }),
        SENTENCES.name: _columns(SENTENCES, {
            **_attributes(sentences, "sentence_id", "paragraph_id", "article_id", "doc_id", "ordinal", "text",
                          "char_start", "char_end"),
            "n_words": n_words,
            **tags.fields[TagLevel.SENTENCE],
        }),
        THEME_TAGS.name: _columns(THEME_TAGS, tags.rows),
    }
    # Each document's rows: its count of rows in each table, in order.
    per_doc = {
        DOCUMENTS.name: [1] * len(items),
        ARTICLES.name: [len(item.articles) for item in items],
        PARAGRAPHS.name: [sum(len(a.paragraphs) for a in item.articles) for item in items],
        SENTENCES.name: [sum(len(p.sentences) for a in item.articles for p in a.paragraphs) for item in items],
    }
    units = [sum(1 + len(a.paragraphs) + sum(len(p.sentences) for p in a.paragraphs) for a in item.articles)
             for item in items]
    rows_before_unit = np.r_[0, np.cumsum(tags.rows_per_unit)]
    rows_before_doc = rows_before_unit[np.r_[0, np.cumsum(units)]]
    per_doc[THEME_TAGS.name] = np.diff(rows_before_doc).tolist()
    return {item.document.path: {name: tables[name].slice(start, n) for name, (start, n) in where.items()}
            for item, where in zip(items, _slices(per_doc, len(items)), strict=True)}


def _slices(per_doc: dict[str, list[int]], n_docs: int) -> list[dict[str, tuple[int, int]]]:
    """(start, length) of each document's rows in each table, from its row counts."""
    out: list[dict[str, tuple[int, int]]] = [{} for _ in range(n_docs)]
    for name, counts in per_doc.items():
        start = 0
        for k, n in enumerate(counts):
            out[k][name] = (start, int(n))
            start += int(n)
    return out


class AuthorTally:
    """Authors and their article counts, gathered from ``articles`` tables one part at a time."""

    def __init__(self) -> None:
        self._authors: dict[str, list[Any]] = {}  # author_id -> [name as first written, n_articles]

    def add(self, articles: pa.Table) -> AuthorTally:
        ids_, names = articles.column("author_id").to_pylist(), articles.column("author").to_pylist()
        for author_id, name in zip(ids_, names, strict=True):
            if author_id is not None:
                self._authors.setdefault(author_id, [name, 0])[1] += 1
        return self

    def table(self) -> pa.Table:
        rows = _Columns(AUTHORS)
        for author_id, (name, n) in sorted(self._authors.items(), key=lambda kv: (kv[1][0].casefold(), kv[0])):
            rows.add(author_id=author_id, name=name, n_articles=n)
        return rows.build()


def concat_document_tables(parts: Sequence[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """The per-document parts of ``DOCUMENT_TABLES`` in path order, one table each."""
    ordered = sorted(parts, key=lambda p: p["documents"].column("path")[0].as_py())
    return {
        t.name: (pa.concat_tables([p[t.name] for p in ordered]) if ordered else arrow_schema(t).empty_table())
        .combine_chunks()
        for t in DOCUMENT_TABLES
    }


def derived_tables(authors: AuthorTally, rejections: Iterable[Rejection], taxonomy: Taxonomy) -> dict[str, pa.Table]:
    """The tables that are not per document: authors, themes and rejected."""
    theme_rows = _Columns(THEMES)
    for theme in taxonomy.themes:
        theme_rows.add(theme_id=theme.theme_id, label=theme.label, description=theme.description)
    rejected = _Columns(REJECTED)
    for r in sorted(rejections, key=lambda r: r.path):
        rejected.add(path=r.path, sha256=r.sha256, n_bytes=r.n_bytes, reason=r.reason.value, message=r.message)
    return {"authors": authors.table(), "themes": theme_rows.build(), "rejected": rejected.build()}


def combine_tables(
    parts: Sequence[dict[str, pa.Table]], rejections: Iterable[Rejection], taxonomy: Taxonomy
) -> dict[str, pa.Table]:
    """Every output table: the per-document parts in path order, then authors, themes and rejected."""
    tables = concat_document_tables(parts)
    tables |= derived_tables(AuthorTally().add(tables["articles"]), rejections, taxonomy)
    return {t.name: tables[t.name] for t in TABLES}


def build_tables(
    tagged: Sequence[TaggedDocument], rejections: Iterable[Rejection], taxonomy: Taxonomy
) -> dict[str, pa.Table]:
    """Every output table, built from scratch (no cache)."""
    return combine_tables([document_tables(t) for t in tagged], rejections, taxonomy)


# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_START = "=+-@\t\r"
_FORMULA_PATTERN = "^([" + re.escape(_FORMULA_START) + "])"


def csv_cell(value: str) -> str:
    """Neutralise a text cell for spreadsheets: prefix a formula-like value with a single quote."""
    return "'" + value if value and value[0] in _FORMULA_START else value


def csv_table(table: pa.Table) -> pa.Table:
    """The table as the CSV files show it: list cells joined with ``;``, formula-like text neutralised
    (the same rule as ``csv_cell``). The Parquet files keep the exact text; only the CSV files change."""
    columns = []
    for field in table.schema:
        column = table.column(field.name)
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, ";")
        if pa.types.is_string(field.type) or pa.types.is_list(field.type):
            column = pc.replace_substring_regex(column, pattern=_FORMULA_PATTERN, replacement="'\\1")
        columns.append(column)
    return pa.table(columns, names=table.schema.names)
