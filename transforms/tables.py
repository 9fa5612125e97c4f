"""Records -> the output tables (pyarrow), each with the schema declared in ``transforms.schema``.

Tables are built per document (``document_tables``, or ``documents_tables`` for a batch: the rows that come
from one document) and then combined (``combine_tables``: concatenated in path order, plus the tables derived
from all documents: authors, themes, rejected). A shard keeps its per-document tables; the derived ones are
made at the commit (``derived_tables``: authors from the shards' tallies, themes from the taxonomy).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from transforms import ids
from transforms.records import (
    Article,
    LineRole,
    Paragraph,
    Rejection,
    Sentence,
    TaggedDocument,
    TagLevel,
    ThemeScore,
    UnitScores,
    count_words_each,
)
from transforms.schema import (
    ARTICLES,
    AUTHORS,
    DOCUMENTS,
    LINES,
    PARAGRAPHS,
    REJECTED,
    SENTENCES,
    TABLES,
    THEME_TAGS,
    THEMES,
    Table,
    arrow_schema,
)
from transforms.themes import Taxonomy, decide

DOCUMENT_TABLES: tuple[Table, ...] = (DOCUMENTS, ARTICLES, PARAGRAPHS, SENTENCES, THEME_TAGS, LINES)


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


def _columns(table: Table, data: Mapping[str, Sequence[Any]]) -> pa.Table:
    """A table from whole columns, which must be exactly the table's columns."""
    if data.keys() != set(table.column_names):
        missing, extra = set(table.column_names) - data.keys(), data.keys() - set(table.column_names)
        raise ValueError(f"{table.name}: columns do not match the schema: {missing=} {extra=}")
    return pa.Table.from_pydict({name: data[name] for name in table.column_names}, schema=arrow_schema(table))


def _transposed(fields: tuple[str, ...], records: Sequence[tuple[Any, ...]]) -> dict[str, Sequence[Any]]:
    """Columns of named tuples, by field name."""
    columns = list(zip(*records, strict=True)) if records else [() for _ in fields]
    return dict(zip(fields, columns, strict=True))


def _attributes(records: Sequence[Any], *names: str) -> dict[str, list[Any]]:
    """Columns that are the records' attributes of the same name."""
    return {name: [getattr(r, name) for r in records] for name in names}


_LEVELS = pa.array([level.value for level in TagLevel])
_LEVEL_CODE = {level: k for k, level in enumerate(TagLevel)}
_STATUS = ("none", "mixed", "single")  # ``theme_status`` values


def _tag_columns(
    scores: Mapping[str, tuple[ThemeScore, ...]], unit_ids: list[str], levels: list[TagLevel]
) -> _TagColumns:
    """The theme_tags rows of ``unit_ids`` (units in reading order, with their levels), and each unit's primary
    theme and themes, by level: sliced from ``scores`` when it is ``UnitScores`` holding those units in that
    order (as ``tag_articles`` gives them), else gathered from the mapping."""
    u0 = scores.position(unit_ids[0]) if isinstance(scores, UnitScores) and unit_ids else None
    if u0 is None or not isinstance(scores, UnitScores) or scores.unit_ids[u0 : u0 + len(unit_ids)] != unit_ids:
        scores, u0 = UnitScores.from_mapping(unit_ids, scores, getattr(scores, "thresholds", None)), 0
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
    calls = decide(scores.thresholds, bounds - first, scores.score[first:last])
    status = pa.array(np.array(_STATUS)[np.where(calls.primary < 0, 0, np.where(calls.mixed, 1, 2))])
    carried_rows = np.flatnonzero(calls.carried)
    carried_per_unit = np.bincount(unit_of_row[carried_rows], minlength=len(unit_ids))
    carried_at = np.r_[0, np.cumsum(carried_per_unit)]
    fields: dict[TagLevel, dict[str, Any]] = {}
    for lv, code in _LEVEL_CODE.items():
        units = np.flatnonzero(level == code)
        n = carried_per_unit[units]
        at = carried_at[units]
        theme_rows = carried_rows[np.repeat(at - np.cumsum(n) + n, n) + np.arange(int(n.sum()))]
        primary = calls.primary[units]
        fields[lv] = {
            "primary_theme": themes.take(pa.array(np.where(primary >= 0, primary, 0), mask=primary < 0)),
            "themes": pa.ListArray.from_arrays(pa.array(np.r_[0, np.cumsum(n)].astype(np.int32)),
                                               themes.take(pa.array(theme_rows, pa.int64()))),
            "theme_margin": pa.array(calls.margin[units], pa.float64(), from_pandas=True),
            "theme_status": status.take(pa.array(units, pa.int64())),
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
    articles: list[Article] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    unit_ids: list[str] = []  # tag rows in reading order: an article's, then each paragraph's and its sentences'
    levels: list[TagLevel] = []
    ends: list[tuple[int, ...]] = []  # per document: where its articles, paragraphs, sentences, units, lines end
    lines: list[LineRole] = []
    for item in items:
        lines += item.lines
        for a in item.articles:
            articles.append(a)
            unit_ids.append(a.article_id)
            levels.append(TagLevel.ARTICLE)
            for p in a.paragraphs:
                paragraphs.append(p)
                sentences += p.sentences
                unit_ids += (p.paragraph_id, *(s.sentence_id for s in p.sentences))
                levels += (TagLevel.PARAGRAPH, *(TagLevel.SENTENCE,) * len(p.sentences))
        ends.append((len(articles), len(paragraphs), len(sentences), len(unit_ids), len(lines)))
    scores = items[0].scores
    if not all(item.scores is scores for item in items):  # not tagged together: merge (not the pipeline's path)
        scores = UnitScores.from_mapping(unit_ids, {unit: s for item in items for unit, s in item.scores.items()},
                                         getattr(items[0].scores, "thresholds", None))
    tags = _tag_columns(scores, unit_ids, levels)

    # Columns of the sentences and paragraphs (named tuples), transposed at once rather than attribute by attribute.
    sentence_columns = _transposed(Sentence._fields, sentences)
    paragraph_columns = _transposed(Paragraph._fields, paragraphs)
    n_words = count_words_each(sentence_columns["text"])
    # Sentences are in article order: an article's words are the sum over its run of sentences.
    sentences_per_article = [sum(len(p.sentences) for p in a.paragraphs) for a in articles]
    words_before = np.r_[0, np.cumsum(n_words, dtype=np.int64)]
    sentence_bounds = np.r_[0, np.cumsum(sentences_per_article, dtype=np.int64)]
    words_per_article = words_before[sentence_bounds[1:]] - words_before[sentence_bounds[:-1]]
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
            "n_sentences": sentences_per_article,
            "n_words": words_per_article,
            **_attributes(articles, "char_start", "char_end"),
            **tags.fields[TagLevel.ARTICLE],
            "parse_warnings": [list(a.warnings) for a in articles],
        }),
        PARAGRAPHS.name: _columns(PARAGRAPHS, {
            **{name: paragraph_columns[name] for name in ("paragraph_id", "article_id", "doc_id", "ordinal")},
            "kind": [kind.value for kind in paragraph_columns["kind"]],
            "marker": paragraph_columns["marker"],
            "heading": [p.heading for p in paragraphs],
            "subheading": paragraph_columns["subheading"],
            **{name: paragraph_columns[name] for name in ("text", "char_start", "char_end")},
            "n_sentences": [len(ss) for ss in paragraph_columns["sentences"]],
            **tags.fields[TagLevel.PARAGRAPH],
        }),
        SENTENCES.name: _columns(SENTENCES, {
            **sentence_columns,
            "n_words": n_words,
            **tags.fields[TagLevel.SENTENCE],
        }),
        THEME_TAGS.name: _columns(THEME_TAGS, tags.rows),
        LINES.name: _columns(LINES, {
            "line_id": [ids.line_id(line.doc_id, line.ordinal) for line in lines],
            **_transposed(("doc_id", "article_id", "ordinal", "role", "pattern", "char_start", "char_end"),
                          [(x.doc_id, x.article_id, x.ordinal, x.role, x.pattern, x.char_start, x.char_end)
                           for x in lines]),
        }),
    }
    # Each document's rows run from where the previous document's end to where its own end, in every table
    # (DOCUMENT_TABLES order: documents, articles, paragraphs, sentences, theme_tags, lines).
    tag_rows = np.r_[0, np.cumsum(tags.rows_per_unit)]
    stops = [(k + 1, *e[:3], int(tag_rows[e[3]]), e[4]) for k, e in enumerate(ends)]
    starts = [(0, 0, 0, 0, 0, 0), *stops[:-1]]
    return {
        item.document.path: {t.name: tables[t.name].slice(a, b - a)
                             for t, a, b in zip(DOCUMENT_TABLES, start, stop, strict=True)}
        for item, start, stop in zip(items, starts, stops, strict=True)
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

    def merge(self, other: AuthorTally) -> AuthorTally:
        """``other``'s articles added after this tally's (a name as first written stays the first one seen)."""
        for author_id, (name, n) in other._authors.items():
            self._authors.setdefault(author_id, [name, 0])[1] += n
        return self

    def to_json(self) -> list[list[Any]]:
        return [[author_id, name, n] for author_id, (name, n) in self._authors.items()]

    @classmethod
    def from_json(cls, rows: Iterable[Sequence[Any]]) -> AuthorTally:
        tally = cls()
        tally._authors = {str(author_id): [str(name), int(n)] for author_id, name, n in rows}
        return tally

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


# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), and the quote that
# neutralises them: a cell that starts with one gets a quote in front, so that dropping one leading quote from
# every cell that has one gives back the exact text.
_FORMULA_START = "=+-@\t\r'"
_FORMULA_CHARS = pa.array(list(_FORMULA_START), pa.string())


def csv_cell(value: str) -> str:
    """Neutralise a text cell for spreadsheets: prefix a formula-like value (or one that starts with a quote)
    with a single quote."""
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
            column = _neutralised(column)
        columns.append(column)
    return pa.table(columns, names=table.schema.names)


def _neutralised(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """``csv_cell`` on every cell. Only the cells' first characters are looked at; the cells are copied only
    when one starts like a formula (a regex replace would copy every text of every column)."""
    risky = pc.is_in(pc.utf8_slice_codeunits(column, 0, 1), value_set=_FORMULA_CHARS)
    if not pc.any(risky).as_py():
        return column
    return pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)
