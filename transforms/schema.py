"""One declaration per output table.

Each ``Table`` below is the single source for three things: the pyarrow schema the Parquet writer uses
(``arrow_schema``), the Great Expectations suite kept in ``expectations/`` (``transforms.suites``), and the
data dictionary analysts read (``transforms.dictionary``). Adding a column is one edit here.

Run-time value sets (the taxonomy's theme ids) are named by ``values_param``; the validator passes them to
the suite as parameters. Links to a parent table (``references``) are checked in code over the whole tables
(``transforms.checks``), since a value set of every parent id would make GX slow on large corpora.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from transforms.lines import Role
from transforms.records import RejectReason

STRING = pa.string()
INT32 = pa.int32()
INT64 = pa.int64()
FLOAT64 = pa.float64()
STRING_LIST = pa.list_(pa.string())

THEME_IDS = "theme_ids"  # run-time parameter: the taxonomy's theme ids
MAX_SENTENCE_CHARS = 5000
MAX_SENTENCE_WORDS_EXPECTED = 150  # a longer sentence is recorded as a warning
# A table's single CSV file (beside its part files) is written when the table fits a spreadsheet: its rows and
# header within a spreadsheet's 1,048,576 rows, and its bytes within what spreadsheet programs open at ease. The
# byte cap also keeps a re-run of a large corpus from joining and rewriting a whole large table for one edit.
MAX_CSV_ROWS = 1_048_575
MAX_CSV_BYTES = 100_000_000


def fits_spreadsheet(rows: int, n_bytes: int) -> bool:
    """Whether a table of ``rows`` rows in ``n_bytes`` of CSV gets a single CSV file beside its part files."""
    return rows <= MAX_CSV_ROWS and n_bytes <= MAX_CSV_BYTES


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    example: str
    nullable: bool = False
    unique: bool = False
    values: tuple[str, ...] | None = None  # the only values allowed
    values_param: str | None = None  # allowed values, passed to the suite at run time
    references: str | None = None  # "table.column" every (non-null) value must exist in
    min_value: float | None = None
    max_value: float | None = None
    min_length: int | None = None  # strings: 1 means non-empty
    max_length: int | None = None
    regex: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    grain: str
    description: str
    key: str
    columns: tuple[Column, ...]
    joins: tuple[str, ...] = ()
    min_rows: int = 1
    # Table-level expectations beyond the per-column ones, in GX 1.x JSON form.
    expectations: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema(
        [pa.field(c.name, c.type, nullable=c.nullable) for c in table.columns],
        metadata={"table": table.name, "grain": table.grain},
    )


def _id(name: str, what: str, example: str) -> Column:
    return Column(name, STRING, what, example, unique=True, min_length=1)


def _ref(name: str, table: str, what: str, example: str, nullable: bool = False) -> Column:
    return Column(name, STRING, what, example, nullable=nullable, references=f"{table}.{name}")


def _count(name: str, what: str, example: str, minimum: int = 0) -> Column:
    return Column(name, INT32, what, example, min_value=minimum)


def _offsets(unit: str) -> tuple[Column, Column]:
    return (
        Column("char_start", INT64, f"Offset of the {unit}'s first character in documents.text.", "1204",
               min_value=0),
        Column("char_end", INT64, f"Offset just past the {unit}'s last character in documents.text "
               "(text == documents.text[char_start:char_end]).", "1391", min_value=1),
    )


def _start_before_end() -> dict[str, Any]:
    return {
        "type": "expect_column_pair_values_a_to_be_greater_than_b",
        "kwargs": {"column_A": "char_end", "column_B": "char_start", "or_equal": False},
        "severity": "critical",
        "meta": {"why": "every span is non-empty: char_start < char_end"},
    }


def _themes(unit: str) -> tuple[Column, ...]:
    return (
        Column("primary_theme", STRING, f"The {unit}'s best-scoring theme (themes.theme_id); null when no "
               "phrase rule matched or its best score is under the taxonomy's min_score.", "risk_prevention",
               nullable=True, values_param=THEME_IDS),
        Column("themes", STRING_LIST, f"The themes the {unit} carries, best first (a list of theme ids): every "
               "theme scoring at least the taxonomy's set_share of its best score. theme_tags has every theme "
               "that scored, with its evidence.", "[risk_prevention, work_safety]"),
        Column("theme_margin", FLOAT64, "How far the primary theme leads: (best score - second score) / best "
               "score, 1 when one theme scored; null when there is no primary theme.", "0.42", nullable=True,
               min_value=0.0, max_value=1.0),
        Column("theme_status", STRING, "single: one primary theme; mixed: the second theme is within the "
               "taxonomy's mixed_margin of the best (theme_margin < mixed_margin), so the primary is a close "
               "call; none: no primary theme.", "single", values=("single", "mixed", "none")),
    )


_PATH_ESCAPES = ("A backslash, and the bytes of a name that are not valid UTF-8 or are control or format characters, "
                 "are written as `\\\\` and `\\xNN`; `transforms.escapes.unescape_path` gives the exact bytes.")

DOCUMENTS = Table(
    name="documents",
    grain="one row per raw file that was read as text",
    description="The raw files, decoded and normalised. `text` is what every offset in the other tables "
    "points into.",
    key="doc_id",
    columns=(
        _id("doc_id", "Document id, derived from the file's path under the raw dir.", "d-8a6dcb9c9836"),
        Column("path", STRING, "Path of the raw file, relative to the raw dir (POSIX separators). " + _PATH_ESCAPES,
               "commentary/2024-01.txt", unique=True, min_length=1),
        Column("sha256", STRING, "SHA-256 of the raw file's bytes.", "871bbb33...", regex=r"^[0-9a-f]{64}$"),
        Column("n_bytes", INT64, "Size of the raw file in bytes.", "25426", min_value=1),
        Column("encoding", STRING, "The encoding the bytes were decoded with.", "utf-8",
               values=("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be",
                       "gb18030", "cp1252")),
        Column("n_chars", INT64, "Length of `text` in characters.", "25310", min_value=1),
        _count("n_articles", "Number of articles found in the document.", "3", minimum=1),
        Column("text", STRING, "The normalised text (NFC, LF line ends, no trailing spaces).",
               "Strengthen the foundation ...", min_length=1),
    ),
    joins=("articles.doc_id, paragraphs.doc_id, sentences.doc_id -> documents.doc_id",),
)

ARTICLES = Table(
    name="articles",
    grain="one row per article",
    description="Articles with their title, series line, byline and theme summary.",
    key="article_id",
    columns=(
        _id("article_id", "Article id: document id + hash of the title (stable when other articles change).",
            "d-8a6dcb9c9836-a6462cb1a"),
        _ref("doc_id", "documents", "The document the article is in.", "d-8a6dcb9c9836"),
        _count("ordinal", "Position of the article in its document, from 0.", "0"),
        Column("title", STRING, "The article's title line (guessed from the first sentence when there is "
               "none: see parse_warnings).", "Strengthen the foundation ...", min_length=1),
        Column("series", STRING, "The series line under the title, without its dash marker.",
               "On studying and implementing the spirit of ...", nullable=True, min_length=1),
        Column("author", STRING, "The writer named in the byline.", "Zhang Nan", nullable=True, min_length=1),
        Column("author_role", STRING, "What the byline calls the author: writer, reporter or author; signatory for "
               "the signer of a letter, statement or speech.", "writer", nullable=True,
               values=("writer", "reporter", "author", "signatory")),
        _ref("author_id", "authors", "The writer's id (authors.author_id).", "au-5f0c2e1d7a9b", nullable=True),
        Column("byline", STRING, "The byline line as written.", "Writer: Zhang Nan).", nullable=True,
               min_length=1),
        Column("credits", STRING_LIST, "Others credited, as role: name (editor, responsible editor, source, "
               "translator, photographer, proofreader, photo: the credit that ends a photo's caption); never the "
               "author. A source may also be the tag that opens the lead (BEIJING, July 3 (Xinhua) -- ...) or the "
               "publication after the writer's name in the byline (By Jane Doe, Reuters); affiliation: the "
               "institution there (Kevin Tolhurst, University of Melbourne).",
               "[editor: Li Wei, source: Xinhua]"),
        _count("n_paragraphs", "Number of paragraphs (body and thesis points).", "11"),
        _count("n_sentences", "Number of sentences.", "36"),
        _count("n_words", "Number of words in the article's sentences.", "1650"),
        *_offsets("article (title line to byline)"),
        *_themes("article"),
        Column("parse_warnings", STRING_LIST, "What the segmenter was unsure of: no_byline, title_guessed, "
               "no_paragraphs, several_bylines, long_sentence_split, unterminated_paragraph, subheading_inferred "
               "(a short line inside the body read as a subheading), signature_inferred (a name after the body "
               "read as the signatory), furniture_above_title (a line above the title read as page "
               "furniture: a section name, the text of a page's header above its first Markdown heading or above "
               "the page's article, or a header above a listing's first item). The lines table shows the role "
               "each line was given.", "[no_byline]"),
    ),
    joins=("articles.author_id -> authors.author_id", "paragraphs.article_id -> articles.article_id"),
    expectations=(_start_before_end(),),
)

PARAGRAPHS = Table(
    name="paragraphs",
    grain="one row per paragraph (a body paragraph or a thesis point)",
    description="Paragraphs; a thesis point is a paragraph introduced by a dash marker, whose first sentence "
    "is its heading.",
    key="paragraph_id",
    columns=(
        _id("paragraph_id", "Paragraph id: article id + ordinal.", "d-8a6dcb9c9836-a6462cb1a-p004"),
        _ref("article_id", "articles", "The article the paragraph is in.", "d-8a6dcb9c9836-a6462cb1a"),
        _ref("doc_id", "documents", "The document the paragraph is in.", "d-8a6dcb9c9836"),
        _count("ordinal", "Position of the paragraph in its article, from 0.", "4"),
        Column("kind", STRING, "body, or thesis_point (a paragraph introduced by a dash marker).",
               "thesis_point", values=("body", "thesis_point")),
        Column("marker", STRING, "A thesis point's dash marker (--, -, –, —, ——), a list item's bullet (•), a "
               "paragraph's number (12.) or a letter's salutation (Sir, –), as written; null for none.", "--",
               nullable=True, min_length=1),
        Column("heading", STRING, "A thesis point's first sentence: the point it makes.",
               "Pay more attention to prevention.", nullable=True, min_length=1),
        Column("subheading", STRING, "The subheading standing above the paragraph inside its article (a short "
               "line between paragraphs, or a bold line), as written; null for none.", "Background",
               nullable=True, min_length=1),
        Column("text", STRING, "The paragraph's text, without its marker or a teaser's link to the rest "
               "(`Read more`).", "Pay more attention ...",
               min_length=1),
        *_offsets("paragraph"),
        _count("n_sentences", "Number of sentences.", "3", minimum=1),
        *_themes("paragraph"),
    ),
    joins=("sentences.paragraph_id -> paragraphs.paragraph_id",),
    expectations=(_start_before_end(),),
)

SENTENCES = Table(
    name="sentences",
    grain="one row per sentence",
    description="Sentences, the smallest unit that is tagged.",
    key="sentence_id",
    columns=(
        _id("sentence_id", "Sentence id: paragraph id + ordinal.", "d-8a6dcb9c9836-a6462cb1a-p004-s000"),
        _ref("paragraph_id", "paragraphs", "The paragraph the sentence is in.", "d-8a6dcb9c9836-a6462cb1a-p004"),
        _ref("article_id", "articles", "The article the sentence is in.", "d-8a6dcb9c9836-a6462cb1a"),
        _ref("doc_id", "documents", "The document the sentence is in.", "d-8a6dcb9c9836"),
        _count("ordinal", "Position of the sentence in its paragraph, from 0.", "0"),
        Column("text", STRING, "The sentence's text.", "Prevention is the most cost-effective strategy.",
               min_length=1, max_length=MAX_SENTENCE_CHARS),
        *_offsets("sentence"),
        _count("n_words", "Number of words (white-space separated; a CJK character counts as one).", "6",
               minimum=1),
        *_themes("sentence"),
    ),
    expectations=(
        _start_before_end(),
        {
            "type": "expect_column_values_to_be_between",
            "kwargs": {"column": "n_words", "min_value": 1, "max_value": MAX_SENTENCE_WORDS_EXPECTED},
            "severity": "warning",
            "meta": {"why": "a sentence this long usually means a missed boundary"},
        },
    ),
)

LINES = Table(
    name="lines",
    grain="one row per non-blank line of a document (a hard-wrapped paragraph counts as one line)",
    description="What every line of the input is: its role (title, series, byline, dateline, heading, body, "
    "thesis_point, credit, signature, date, furniture), the article it belongs to, and the furniture pattern "
    "that recognised it, so that it can be seen why a line went where it did. The line's text is "
    "documents.text[char_start:char_end].",
    key="line_id",
    columns=(
        _id("line_id", "Line id: document id + ordinal.", "d-8a6dcb9c9836-l00007"),
        _ref("doc_id", "documents", "The document the line is in.", "d-8a6dcb9c9836"),
        _ref("article_id", "articles", "The article the line belongs to; null for page furniture outside any "
             "article.", "d-8a6dcb9c9836-a6462cb1a", nullable=True),
        _count("ordinal", "Position of the line among the document's non-blank lines, from 0 (a hard-wrapped "
               "paragraph, or a headline broken over two lines, is one line).", "7"),
        Column("role", STRING, "What the line is (see the line roles in transforms/lines.py): title, series, "
               "byline, dateline, heading, body, thesis_point, credit, signature, date or furniture.", "credit",
               values=tuple(r.value for r in Role)),
        Column("pattern", STRING, "The name of the furniture pattern that recognised the line "
               "(transforms/lines.py PATTERNS, or credit_line, end_marker, dateline, photo_caption, bold_heading, "
               "speaker_label, letter_reference, letter_topic, page_title, title_date_prefix, title_bullet, "
               "source_field, repeated_line, day_heading, numbered_heading, readers_comment); null when the line's "
               "role came from its context.",
               "update_stamp", nullable=True, min_length=1),
        *_offsets("line"),
    ),
    expectations=(_start_before_end(),),
)

AUTHORS = Table(
    name="authors",
    grain="one row per distinct writer",
    description="Writers named in bylines.",
    key="author_id",
    columns=(
        _id("author_id", "Author id, derived from the case-folded name.", "au-5f0c2e1d7a9b"),
        Column("name", STRING, "The writer's name as first written.", "Zhang Nan", unique=True, min_length=1),
        _count("n_articles", "Number of articles bylined to the writer.", "1", minimum=1),
    ),
    min_rows=0,  # a corpus without bylines has no authors
)

THEMES = Table(
    name="themes",
    grain="one row per theme in the taxonomy",
    description="The taxonomy's themes (the analysts' codebook).",
    key="theme_id",
    columns=(
        Column("theme_id", STRING, "Theme id.", "risk_prevention", unique=True, values_param=THEME_IDS),
        Column("label", STRING, "Short label.", "Prevention and risk governance", min_length=1),
        Column("description", STRING, "What a unit is about when it carries the theme.",
               "Preventing accidents and disasters before they happen ...", min_length=1),
    ),
)

THEME_TAGS = Table(
    name="theme_tags",
    grain="one row per (unit, theme) with a positive score",
    description="Theme scores of every sentence, paragraph and article, with the phrases that matched.",
    key="level, unit_id, theme_id",
    columns=(
        Column("level", STRING, "The kind of unit: sentence, paragraph or article.", "sentence",
               values=("sentence", "paragraph", "article")),
        Column("unit_id", STRING, "sentence_id, paragraph_id or article_id, as level says.",
               "d-8a6dcb9c9836-a6462cb1a-p004-s001", min_length=1),
        Column("theme_id", STRING, "The theme (themes.theme_id).", "risk_prevention", values_param=THEME_IDS),
        Column("score", FLOAT64, "Strength of the theme in the unit, 0..1 (see the taxonomy file).", "0.63",
               min_value=0.0, max_value=1.0),
        Column("rank", INT32, "Rank of the theme within the unit; 1 is the primary theme.", "1", min_value=1),
        Column("evidence", STRING_LIST, "The phrases that matched, lower-cased, in order of appearance.",
               "[prevention, risk]"),
    ),
    joins=("theme_tags.unit_id -> sentences.sentence_id | paragraphs.paragraph_id | articles.article_id",),
    expectations=(
        {
            "type": "expect_compound_columns_to_be_unique",
            "kwargs": {"column_list": ["level", "unit_id", "theme_id"]},
            "severity": "critical",
            "meta": {"why": "one score per unit and theme"},
        },
    ),
)

REJECTED = Table(
    name="rejected",
    grain="one row per raw file that did not become a document",
    description="Raw files that were not read as documents, each with the reason. Every file under the raw "
    "dir is in exactly one of documents and rejected.",
    key="path",
    columns=(
        Column("path", STRING, "Path of the raw file, relative to the raw dir, escaped as in `documents.path`.",
               "scans/page1.png",
               unique=True, min_length=1),
        Column("sha256", STRING, "SHA-256 of the file's bytes (empty when it could not be read).", "9f86d08...",
               regex=r"^(?:[0-9a-f]{64})?$"),
        Column("n_bytes", INT64, "Size of the file in bytes.", "48213", min_value=0),
        Column("reason", STRING, "Why the file was rejected (a stable code).", "binary",
               values=tuple(r.value for r in RejectReason)),
        Column("message", STRING, "The reason in words.", "the file is binary ...", min_length=1),
    ),
    min_rows=0,
)

TABLES: tuple[Table, ...] = (
    DOCUMENTS, ARTICLES, PARAGRAPHS, SENTENCES, LINES, AUTHORS, THEMES, THEME_TAGS, REJECTED,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
