"""Records -> the output tables (pyarrow), each with the schema declared in ``transforms.schema``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa

from transforms import ids
from transforms.records import Rejection, TaggedDocument, TagLevel, ThemeScore
from transforms.schema import (
    ARTICLES,
    AUTHORS,
    DOCUMENTS,
    PARAGRAPHS,
    REJECTED,
    SENTENCES,
    THEME_TAGS,
    THEMES,
    Table,
    arrow_schema,
)
from transforms.themes import Taxonomy


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


def build_tables(
    tagged: Sequence[TaggedDocument], rejections: Iterable[Rejection], taxonomy: Taxonomy
) -> dict[str, pa.Table]:
    """Every output table, keyed by table name; rows in document, article, paragraph, sentence order."""
    documents, articles, paragraphs = _Columns(DOCUMENTS), _Columns(ARTICLES), _Columns(PARAGRAPHS)
    sentences, tags = _Columns(SENTENCES), _Columns(THEME_TAGS)
    authors: dict[str, list[Any]] = {}  # author_id -> [name, n_articles]

    def add_tags(level: TagLevel, unit_id: str, scores: tuple[ThemeScore, ...]) -> None:
        for rank, s in enumerate(scores, start=1):
            tags.add(level=level.value, unit_id=unit_id, theme_id=s.theme_id, score=s.score, rank=rank,
                     evidence=list(s.evidence))

    for item in sorted(tagged, key=lambda t: t.document.path):
        doc, scores = item.document, item.scores
        documents.add(doc_id=doc.doc_id, path=doc.path, sha256=doc.sha256, n_bytes=doc.n_bytes,
                      encoding=doc.encoding, n_chars=doc.n_chars, n_articles=len(item.articles), text=doc.text)
        for article in item.articles:
            author_id = None
            if article.byline is not None:
                author_id = ids.author_id(article.byline.name)
                authors.setdefault(author_id, [article.byline.name, 0])[1] += 1
            article_sentences = article.sentences
            articles.add(
                article_id=article.article_id, doc_id=doc.doc_id, ordinal=article.ordinal, title=article.title,
                series=article.series, author=article.author, author_id=author_id,
                byline=article.byline.line if article.byline else None,
                n_paragraphs=len(article.paragraphs), n_sentences=len(article_sentences),
                n_words=sum(s.n_words for s in article_sentences),
                char_start=article.char_start, char_end=article.char_end,
                **_theme_fields(scores.get(article.article_id, ())),
                parse_warnings=list(article.warnings),
            )
            add_tags(TagLevel.ARTICLE, article.article_id, scores.get(article.article_id, ()))
            for p in article.paragraphs:
                paragraphs.add(
                    paragraph_id=p.paragraph_id, article_id=p.article_id, doc_id=p.doc_id, ordinal=p.ordinal,
                    kind=p.kind.value, marker=p.marker, heading=p.heading, text=p.text,
                    char_start=p.char_start, char_end=p.char_end, n_sentences=len(p.sentences),
                    **_theme_fields(scores.get(p.paragraph_id, ())),
                )
                add_tags(TagLevel.PARAGRAPH, p.paragraph_id, scores.get(p.paragraph_id, ()))
                for s in p.sentences:
                    sentences.add(
                        sentence_id=s.sentence_id, paragraph_id=s.paragraph_id, article_id=s.article_id,
                        doc_id=s.doc_id, ordinal=s.ordinal, text=s.text, char_start=s.char_start,
                        char_end=s.char_end, n_words=s.n_words, **_theme_fields(scores.get(s.sentence_id, ())),
                    )
                    add_tags(TagLevel.SENTENCE, s.sentence_id, scores.get(s.sentence_id, ()))

    author_rows = _Columns(AUTHORS)
    for author_id, (name, n) in sorted(authors.items(), key=lambda kv: kv[1][0].casefold()):
        author_rows.add(author_id=author_id, name=name, n_articles=n)
    theme_rows = _Columns(THEMES)
    for theme in taxonomy.themes:
        theme_rows.add(theme_id=theme.theme_id, label=theme.label, description=theme.description)
    rejected = _Columns(REJECTED)
    for r in sorted(rejections, key=lambda r: r.path):
        rejected.add(path=r.path, sha256=r.sha256, n_bytes=r.n_bytes, reason=r.reason.value, message=r.message)

    built = (documents, articles, paragraphs, sentences, author_rows, theme_rows, tags, rejected)
    return {c.table.name: c.build() for c in built}


# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """Neutralise a text cell for spreadsheets: prefix a formula-like value with a single quote."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_frame(table: pa.Table) -> pd.DataFrame:
    """The table as the CSV files show it: list cells joined with ``;``, formula-like text neutralised.

    The Parquet files keep the exact text; only the CSV files are changed.
    """
    frame = table.to_pandas()
    for field in table.schema:
        column = frame[field.name]
        if pa.types.is_list(field.type):
            frame[field.name] = [";".join(v) if v is not None else None for v in column]
        if pa.types.is_string(field.type) or pa.types.is_list(field.type):
            frame[field.name] = [csv_cell(v) if isinstance(v, str) else v for v in frame[field.name]]
    return frame
