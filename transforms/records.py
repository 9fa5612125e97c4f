"""Every record type the pipeline produces, in one place.

Data flows one way: raw bytes -> ``Document`` -> ``Article`` -> ``Paragraph`` -> ``Sentence``, with
``ThemeTag`` rows attached to sentences, paragraphs and articles. Every record carries its own id and the id
of its parent, and every span carries ``char_start``/``char_end`` offsets into ``Document.text`` (the
normalised text), so ``document.text[span.char_start:span.char_end] == span.text`` always holds.

Ids are deterministic strings built from stable inputs (see ``transforms.ids``): the same input gives the
same ids on every run and every machine.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

import numpy as np
import numpy.typing as npt


class ParagraphKind(StrEnum):
    BODY = "body"
    THESIS_POINT = "thesis_point"


class TagLevel(StrEnum):
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    ARTICLE = "article"


class RejectReason(StrEnum):
    """Why a raw file did not become a document. Codes are stable: analysts filter on them."""

    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    NO_ARTICLES = "no_articles"
    UNREADABLE = "unreadable"
    DUPLICATE = "duplicate"  # the same bytes as another file, which is read instead
    SKIPPED = "skipped"  # hidden files and editor backups
    OUTSIDE_RAW_DIR = "outside_raw_dir"  # a symlink that points outside the raw dir (never followed)
    NOT_A_REGULAR_FILE = "not_a_regular_file"  # a named pipe, socket or device (never opened for reading)
    SYMLINK_LOOP = "symlink_loop"  # a symlink that leads back to itself, directly or through others
    DANGLING_SYMLINK = "dangling_symlink"  # a symlink whose target does not exist
    CHANGED_DURING_RUN = "changed_during_run"  # edited, replaced or deleted while the run was reading it
    INTERNAL_ERROR = "internal_error"  # an unexpected error while processing this one file (a bug: report it)


@dataclass(slots=True, frozen=True)
class RawFile:
    """A file found under the raw directory, read as bytes (the only input the transforms see)."""

    path: str  # relative to the raw dir, POSIX separators, escaped (``transforms.escapes.escape_path``)
    data: bytes
    sha256: str = field(init=False)  # of ``data``, computed once: dedup, cache keys and documents all use it

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())

    @property
    def n_bytes(self) -> int:
        return len(self.data)

    def ref(self) -> FileRef:
        return FileRef(self.path, self.sha256, self.n_bytes)


@dataclass(slots=True, frozen=True)
class FileRef:
    """A raw file's identity without its bytes: what a run plans with before it reads files batch by batch."""

    path: str  # relative to the raw dir, POSIX separators
    sha256: str
    n_bytes: int


@dataclass(slots=True, frozen=True)
class Rejection:
    """A raw file that was not turned into a document, with the reason. Rejected input is data."""

    path: str
    sha256: str
    n_bytes: int
    reason: RejectReason
    message: str

    @classmethod
    def of_error(cls, error: BaseException, path: str, sha256: str = "", n_bytes: int = 0) -> Rejection:
        """The file at ``path`` rejected for an unexpected error while it was read or processed
        (``internal_error``): the exception's type and message, and the line of code it came from."""
        where = ""
        tb = error.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            code = tb.tb_frame.f_code
            where = f" (at {code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno} in {code.co_name})"
        return cls(path, sha256, n_bytes, RejectReason.INTERNAL_ERROR, f"{type(error).__name__}: {error}{where}")


@dataclass(slots=True, frozen=True)
class Document:
    doc_id: str
    path: str
    sha256: str  # of the raw bytes
    n_bytes: int
    encoding: str
    text: str  # normalised text; every offset points into it

    @property
    def n_chars(self) -> int:
        return len(self.text)


class Span(NamedTuple):
    """A stretch of ``Document.text``: ``text == document.text[char_start:char_end]``. (A ``NamedTuple``, like
    ``Sentence``: segmentation makes a few per line.)"""

    char_start: int
    char_end: int
    text: str


class Sentence(NamedTuple):
    """(A ``NamedTuple``, like ``ThemeScore``: made by the hundred thousand, and 6x cheaper to create than a frozen
    dataclass; just as immutable.)"""

    sentence_id: str
    paragraph_id: str
    article_id: str
    doc_id: str
    ordinal: int  # 0-based within the paragraph
    text: str
    char_start: int
    char_end: int

    @property
    def n_words(self) -> int:
        return count_words(self.text)


class Paragraph(NamedTuple):
    """(A ``NamedTuple``, like ``Sentence``: one per line of text, and 3x cheaper to create than a frozen
    dataclass.)"""

    paragraph_id: str
    article_id: str
    doc_id: str
    ordinal: int  # 0-based within the article
    kind: ParagraphKind
    marker: str | None  # as written: a thesis point's dash marker, a list item's bullet, a number, a salutation
    text: str  # without the marker
    char_start: int
    char_end: int
    sentences: tuple[Sentence, ...]
    subheading: str | None = None  # the subheading standing above it in the article, as written

    @property
    def heading(self) -> str | None:
        """A thesis point's first sentence: the point it makes."""
        if self.kind is ParagraphKind.THESIS_POINT and self.sentences:
            return self.sentences[0].text
        return None


@dataclass(slots=True, frozen=True)
class Byline:
    line: str  # the raw byline line as written
    name: str  # the person named
    role: str  # what the label calls them: "writer", "reporter" or "author"; "signatory" for a signature


@dataclass(slots=True, frozen=True)
class Credit:
    """Someone or something credited besides the author: an editor, a source, a translator."""

    role: str  # "editor", "responsible editor", "source", "translator", "photographer", "proofreader"
    name: str
    line: str  # the raw credit line as written


class LineRole(NamedTuple):
    """The role of one non-blank line of a document (``transforms.lines.Role``), and the article it belongs to
    (None: page furniture outside any article)."""

    doc_id: str
    ordinal: int  # 0-based among the document's non-blank lines (a hard-wrapped paragraph or headline counts once)
    char_start: int
    char_end: int
    role: str
    article_id: str | None
    pattern: str | None  # the ``transforms.lines`` pattern that recognised it, if one did


class Segmented(NamedTuple):
    """A document's articles and the role of each of its lines."""

    articles: tuple[Article, ...]
    lines: tuple[LineRole, ...]


@dataclass(slots=True, frozen=True)
class Article:
    article_id: str
    doc_id: str
    ordinal: int  # 0-based within the document
    title: str
    series: str | None
    byline: Byline | None
    char_start: int
    char_end: int
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[str, ...] = ()
    credits: tuple[Credit, ...] = ()

    @property
    def author(self) -> str | None:
        return self.byline.name if self.byline else None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)


@dataclass(slots=True, frozen=True)
class Theme:
    theme_id: str
    label: str
    description: str


class ThemeScore(NamedTuple):
    theme_id: str
    score: float  # 0..1
    evidence: tuple[str, ...]  # the phrases that matched, in order of first appearance


@dataclass(slots=True, frozen=True)
class ThemeTag:
    """One (unit, theme) pair with its score and rank within the unit (1 = primary)."""

    level: TagLevel
    unit_id: str
    theme_id: str
    score: float
    rank: int
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How scores become a unit's calls (``decide``); set per taxonomy in its ``[taxonomy]`` table, chosen on
    the taxonomy's tuning gold (``corpus-pipeline evaluate --themes``).

    - ``min_score``: below this best score a unit has no primary theme and no themes (status ``none``);
    - ``set_share``: a unit carries every theme scoring at least this share of its best score;
    - ``mixed_margin``: a unit whose second theme is within this relative margin of its best,
      ``(best - second) / best < mixed_margin``, is ``mixed``: its primary theme is a close call.
    """

    min_score: float = 0.0
    set_share: float = 0.5
    mixed_margin: float = 0.25


@dataclass(frozen=True, eq=False)
class UnitScores(Mapping[str, tuple[ThemeScore, ...]]):
    """The theme scores of many units, as columns; also a mapping of unit id -> ``ThemeScore``s, best first.

    Row ``r`` scores unit ``unit_ids[u]`` (the rows of unit ``u`` are ``bounds[u]:bounds[u + 1]``, best first) for
    theme ``theme_ids[theme[r]]``; its evidence is ``evidence_strings[i]`` for ``i`` in
    ``evidence_ids[evidence_bounds[r]:evidence_bounds[r + 1]]``. The tables are built from the columns; the
    mapping makes ``ThemeScore`` tuples on demand (for tests and small tools).
    """

    unit_ids: list[str]
    bounds: npt.NDArray[np.int64]
    theme_ids: tuple[str, ...]
    theme: npt.NDArray[np.int64]
    score: npt.NDArray[np.float64]
    evidence_bounds: npt.NDArray[np.int64]
    evidence_ids: npt.NDArray[np.int64]
    evidence_strings: list[str]
    thresholds: Thresholds = field(default_factory=Thresholds)
    _positions: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def from_mapping(cls, unit_ids: Sequence[str], scores: Mapping[str, tuple[ThemeScore, ...]],
                     thresholds: Thresholds | None = None) -> UnitScores:
        """The scores of ``unit_ids`` (in that order) in ``scores``."""
        rows = [s for u in unit_ids for s in scores.get(u, ())]
        themes: dict[str, int] = {}
        strings: dict[str, int] = {}
        theme = [themes.setdefault(s.theme_id, len(themes)) for s in rows]
        evidence = [strings.setdefault(e, len(strings)) for s in rows for e in s.evidence]
        return cls(
            unit_ids=list(unit_ids),
            bounds=np.cumsum([0, *(len(scores.get(u, ())) for u in unit_ids)], dtype=np.int64),
            theme_ids=tuple(themes),
            theme=np.array(theme, np.int64),
            score=np.array([s.score for s in rows], np.float64),
            evidence_bounds=np.cumsum([0, *(len(s.evidence) for s in rows)], dtype=np.int64),
            evidence_ids=np.array(evidence, np.int64),
            evidence_strings=list(strings),
            thresholds=thresholds or Thresholds(),
        )

    def position(self, unit_id: str) -> int | None:
        """Where ``unit_id`` is in ``unit_ids``, or None."""
        if not self._positions and self.unit_ids:
            self._positions.update((u, k) for k, u in enumerate(self.unit_ids))
        return self._positions.get(unit_id)

    def __getitem__(self, unit_id: str) -> tuple[ThemeScore, ...]:
        u = self.position(unit_id)
        if u is None:
            raise KeyError(unit_id)
        return tuple(
            ThemeScore(self.theme_ids[self.theme[r]], float(self.score[r]), tuple(
                self.evidence_strings[i]
                for i in self.evidence_ids[self.evidence_bounds[r] : self.evidence_bounds[r + 1]].tolist()))
            for r in range(int(self.bounds[u]), int(self.bounds[u + 1]))
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self.unit_ids)

    def __len__(self) -> int:
        return len(self.unit_ids)


@dataclass(slots=True, frozen=True)
class TaggedDocument:
    """A segmented document with theme scores for each of its units (keyed by unit id)."""

    document: Document
    articles: tuple[Article, ...]
    scores: Mapping[str, tuple[ThemeScore, ...]] = field(default_factory=dict)
    lines: tuple[LineRole, ...] = ()  # every non-blank line's role (``transforms.segment.segment_lines``)


_CJK = re.compile("[\u3400-\u9fff]")
# A whitespace-separated token with at least one letter or digit that is not CJK.
_WORD_WITH_ALNUM = re.compile("(?<!\\S)\\S*?[^\\W_\u3400-\u9fff]\\S*")


# For ASCII text: white space becomes a plain space, and every other character that is not a letter or digit is
# deleted, so that the tokens left are exactly those that held a letter or digit (3-4x faster than the regex).
_ASCII_SPACES = bytes(0x20 if chr(c).isspace() else c for c in range(256))
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum() and not chr(c).isspace())


def count_words(text: str) -> int:
    """Whitespace-separated tokens that hold a letter or digit; each CJK character counts as a word of its own
    (and a token of CJK characters only adds no other word)."""
    if text.isascii():
        return len(text.encode("ascii").translate(_ASCII_SPACES, _ASCII_NOT_ALNUM).split())
    return len(_CJK.findall(text)) + len(_WORD_WITH_ALNUM.findall(text))


# For ``count_words_each``: as above, and every letter or digit becomes "a" (a word is then a run of "a"s) while
# NUL, which joins the texts, stays.
_ASCII_WORD_MAP = bytes(0 if c == 0 else 0x20 if chr(c).isspace() else 0x61 if chr(c).isalnum() and c < 128 else c
                        for c in range(256))
_ASCII_DELETE_BUT_NUL = bytes(c for c in _ASCII_NOT_ALNUM if c != 0)


def count_words_each(texts: Sequence[str]) -> list[int]:
    """``count_words`` of each text, at a third of the cost for many short ASCII texts: they are joined by NUL
    and translated once (each word becomes a run of "a"s), and each text's words are its count of " a" (plus
    one if it starts with a word), with no token made."""
    joined = "\x00".join(texts)
    if not joined.isascii() or joined.count("\x00") != len(texts) - 1:  # NUL or non-ASCII in a text
        return [count_words(t) for t in texts]
    if not texts:
        return []
    parts = joined.encode("ascii").translate(_ASCII_WORD_MAP, _ASCII_DELETE_BUT_NUL).split(b"\x00")
    return [part.count(b" a") + part.startswith(b"a") for part in parts]
