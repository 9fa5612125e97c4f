"""Records -> the output tables (pyarrow), each with the schema declared in ``transforms.schema``.

Tables are built per document (``document_tables``: the rows that come from one document, which the
incremental cache stores) and then combined (``combine_tables``: concatenated in path order, plus the tables
derived from all documents: authors, themes, rejected).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from transforms import ids
from transforms.records import Rejection, TaggedDocument, TagLevel, ThemeScore
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


class _Tags:
    """The theme_tags rows of one document, and each unit's primary theme and themes, by level."""

    def __init__(self, scores: dict[str, tuple[ThemeScore, ...]]) -> None:
        self.scores = scores
        self.rows: dict[str, list[Any]] = {name: [] for name in THEME_TAGS.column_names}
        self.fields: dict[TagLevel, dict[str, list[Any]]] = {
            level: {"primary_theme": [], "themes": []} for level in TagLevel
        }

    def add(self, level: TagLevel, unit_id: str) -> None:
        unit_scores = self.scores.get(unit_id, ())
        theme_ids = [s.theme_id for s in unit_scores]
        fields = self.fields[level]
        fields["primary_theme"].append(theme_ids[0] if theme_ids else None)
        fields["themes"].append(theme_ids)
        if not unit_scores:
            return
        n = len(unit_scores)
        rows = self.rows
        rows["level"] += [level.value] * n
        rows["unit_id"] += [unit_id] * n
        rows["theme_id"] += theme_ids
        rows["score"] += [s.score for s in unit_scores]
        rows["rank"] += range(1, n + 1)
        rows["evidence"] += [list(s.evidence) for s in unit_scores]


def document_tables(item: TaggedDocument) -> dict[str, pa.Table]:
    """The rows of ``DOCUMENT_TABLES`` that come from one document, keyed by table name.

    Built column by column (the per-document pipeline's hot path): each table's columns are gathered in one pass
    over its records and checked against the schema's column names once."""
    doc = item.document
    articles = item.articles
    paragraphs = [p for a in articles for p in a.paragraphs]
    sentences = [s for p in paragraphs for s in p.sentences]
    tags = _Tags(item.scores)

    for a in articles:  # tag rows in reading order: an article's, then each paragraph's and its sentences'
        tags.add(TagLevel.ARTICLE, a.article_id)
        for p in a.paragraphs:
            tags.add(TagLevel.PARAGRAPH, p.paragraph_id)
            for s in p.sentences:
                tags.add(TagLevel.SENTENCE, s.sentence_id)

    n_words = [s.n_words for s in sentences]
    words_by_article: dict[str, int] = dict.fromkeys((a.article_id for a in articles), 0)
    for s, n in zip(sentences, n_words, strict=True):
        words_by_article[s.article_id] += n
    bylines = [a.byline for a in articles]
    return {
        DOCUMENTS.name: _columns(DOCUMENTS, {
            "doc_id": [doc.doc_id], "path": [doc.path], "sha256": [doc.sha256], "n_bytes": [doc.n_bytes],
            "encoding": [doc.encoding], "n_chars": [doc.n_chars], "n_articles": [len(articles)], "text": [doc.text],
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
