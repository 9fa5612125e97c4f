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


def _theme_fields(scores: tuple[ThemeScore, ...]) -> dict[str, Any]:
    return {
        "primary_theme": scores[0].theme_id if scores else None,
        "themes": [s.theme_id for s in scores],
    }


def document_tables(item: TaggedDocument) -> dict[str, pa.Table]:
    """The rows of ``DOCUMENT_TABLES`` that come from one document, keyed by table name."""
    documents, articles, paragraphs = _Columns(DOCUMENTS), _Columns(ARTICLES), _Columns(PARAGRAPHS)
    sentences, tags = _Columns(SENTENCES), _Columns(THEME_TAGS)
    doc, scores = item.document, item.scores

    def add_tags(level: TagLevel, unit_id: str) -> dict[str, Any]:
        unit_scores = scores.get(unit_id, ())
        for rank, s in enumerate(unit_scores, start=1):
            tags.add(level=level.value, unit_id=unit_id, theme_id=s.theme_id, score=s.score, rank=rank,
                     evidence=list(s.evidence))
        return _theme_fields(unit_scores)

    documents.add(doc_id=doc.doc_id, path=doc.path, sha256=doc.sha256, n_bytes=doc.n_bytes,
                  encoding=doc.encoding, n_chars=doc.n_chars, n_articles=len(item.articles), text=doc.text)
    for article in item.articles:
        article_sentences = article.sentences
        n_words = {s.sentence_id: s.n_words for s in article_sentences}  # counted once per sentence
        articles.add(
            article_id=article.article_id, doc_id=doc.doc_id, ordinal=article.ordinal, title=article.title,
            series=article.series, author=article.author,
            author_role=article.byline.role if article.byline else None,
            author_id=ids.author_id(article.byline.name) if article.byline else None,
            byline=article.byline.line if article.byline else None,
            credits=[f"{c.role}: {c.name}" for c in article.credits],
            n_paragraphs=len(article.paragraphs), n_sentences=len(article_sentences),
            n_words=sum(n_words.values()),
            char_start=article.char_start, char_end=article.char_end,
            **add_tags(TagLevel.ARTICLE, article.article_id),
            parse_warnings=list(article.warnings),
        )
        for p in article.paragraphs:
            paragraphs.add(
                paragraph_id=p.paragraph_id, article_id=p.article_id, doc_id=p.doc_id, ordinal=p.ordinal,
                kind=p.kind.value, marker=p.marker, heading=p.heading, text=p.text,
                char_start=p.char_start, char_end=p.char_end, n_sentences=len(p.sentences),
                **add_tags(TagLevel.PARAGRAPH, p.paragraph_id),
            )
            for s in p.sentences:
                sentences.add(
                    sentence_id=s.sentence_id, paragraph_id=s.paragraph_id, article_id=s.article_id,
                    doc_id=s.doc_id, ordinal=s.ordinal, text=s.text, char_start=s.char_start,
                    char_end=s.char_end, n_words=n_words[s.sentence_id], **add_tags(TagLevel.SENTENCE, s.sentence_id),
                )
    return {c.table.name: c.build() for c in (documents, articles, paragraphs, sentences, tags)}


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
