"""Documents -> articles -> paragraphs -> sentences, with offsets into the document text.

The layout is read line by line; nothing depends on the sample's wording. Each non-blank line is one of:

- a **byline** (``Writer: Zhang Nan).``, see ``transforms.bylines``): closes the current article, or, right
  after a title, is the article's top byline;
- a **credit line** (``(Editor: Li Wei)``, ``Source: Xinhua``) or an **end marker** (``Enditem``, ``(End)``):
  not body text; a credit is recorded on the article it follows, an end marker closes it;
- a **dash line** (``--``, ``-``, ``–``, ``—``, ``——`` then text): a thesis point, or the article's
  **series** line when it directly follows the title and reads like a heading (short, no closing punctuation);
- a **title-like line** (short, no closing punctuation, not ending in ``,;:``, optionally a Markdown
  ``# heading``): starts a new article, unless it is the last line or is followed by a closing byline
  (then it is the unfinished last line of a paragraph);
- anything else: a **body** paragraph.

Text that comes before any title (a body paragraph or thesis point) opens an article whose title is guessed
from its first sentence; the article then carries the ``title_guessed`` warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from typing import NamedTuple

from transforms import ids
from transforms.bylines import MAX_LINE, is_end_marker, parse_byline, parse_credit
from transforms.records import (
    Article,
    Byline,
    Credit,
    Document,
    Paragraph,
    ParagraphKind,
    Rejection,
    RejectReason,
    Sentence,
    Span,
)
from transforms.sentences import cap_length, glued_capitals, split_sentences, trim

_new_tuple = tuple.__new__
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30

_DASH = re.compile(r"(?P<marker>——|—|–|―|-{1,3})[ \t]*(?=[^\W\d_]|[\"“‘'(（])")
_HEADING = re.compile(r"#{1,6}[ \t]+")
_CLOSERS = "\"'”’»)]）」』*"
_TERMINAL = ".!?。！？…"
_UNFINISHED = ",;:，；：、"
_CLOSERS_OR_SPACE = _CLOSERS + " "
_ENDS_NO_TITLE = _TERMINAL + _UNFINISHED  # a title does not end like a sentence or a clause
_FINISHED = _TERMINAL + ":："  # a paragraph ends like a sentence, or as a lead-in


class LineKind(Enum):
    BYLINE = "byline"
    CREDIT = "credit"  # (Editor: ...), Source: ...
    END = "end"  # Enditem, (End)
    DASH = "dash"
    TITLE = "title"
    BODY = "body"


class Line(NamedTuple):
    """A classified line (a ``NamedTuple``: one per line of every document, and cheaper to make than a frozen
    dataclass)."""

    kind: LineKind
    span: Span  # the content (without a dash marker or heading marks)
    line_start: int  # where the whole line starts, marker included
    marker: str | None = None
    byline: Byline | None = None
    credit: Credit | None = None
    block: int = 0  # lines separated by no blank line share a block
    heading: bool = False  # a Markdown heading: always a title


_CLOSERS_KINDS = frozenset({LineKind.BYLINE, LineKind.CREDIT, LineKind.END})


def _trimmed(text: str, start: int, end: int) -> Span:
    start, end = trim(text, start, end)
    return Span(start, end, text[start:end])


def is_title_like(text: str) -> bool:
    """Short, and does not end like a sentence or a clause."""
    if not 0 < len(text) <= MAX_TITLE_CHARS:
        return False
    core = text.rstrip(_CLOSERS_OR_SPACE)
    return (
        len(text.split()) <= MAX_TITLE_WORDS
        and bool(core)
        and core[-1] not in _ENDS_NO_TITLE
        and any(ch.isalpha() for ch in core)
    )


def _classify(text: str, span: Span, block: int) -> Line:
    if len(span.text) <= MAX_LINE:  # bylines, credits and end markers are short lines
        byline = parse_byline(span.text)
        if byline is not None:
            return Line(LineKind.BYLINE, span, span.char_start, byline=byline, block=block)
        credit = parse_credit(span.text)
        if credit is not None:
            return Line(LineKind.CREDIT, span, span.char_start, credit=Credit(*credit, line=span.text), block=block)
        if is_end_marker(span.text):
            return Line(LineKind.END, span, span.char_start, block=block)
    dash = _DASH.match(text, span.char_start, span.char_end)
    if dash is not None:
        body = Span(dash.end(), span.char_end, text[dash.end() : span.char_end])
        return Line(LineKind.DASH, body, span.char_start, marker=dash.group("marker"), block=block)
    heading = _HEADING.match(text, span.char_start, span.char_end)
    if heading is not None:
        return Line(LineKind.TITLE, _trimmed(text, heading.end(), span.char_end), span.char_start, block=block,
                    heading=True)
    kind = LineKind.TITLE if is_title_like(span.text) else LineKind.BODY
    return Line(kind, span, span.char_start, block=block)


def classify_lines(text: str) -> list[Line]:
    """Classify every non-blank line of ``text`` (hard-wrapped paragraphs joined into one line each)."""
    out: list[Line] = []
    block = 0
    end = -1
    for raw in text.split("\n"):
        start, end = end + 1, end + 1 + len(raw)
        kept = raw.strip()  # str.strip and trim agree on what white space is (str.isspace)
        if kept:
            if raw[0].isspace():
                start += raw.find(kept[0])
            out.append(_classify(text, Span(start, start + len(kept), kept), block))
        else:
            block += 1
    if _is_hard_wrapped(out):
        out = _join_wrapped(text, out)
    # A title-like line that is last, or that is followed only by closing lines (bylines, credits, end
    # markers) before the end or the next title, is the unfinished last line of a paragraph, not a title.
    # Markdown headings stay titles.
    for i, line in enumerate(out):
        if line.kind is not LineKind.TITLE or line.heading:
            continue
        j = i + 1
        while j < len(out) and out[j].kind in _CLOSERS_KINDS:
            j += 1
        closes = j > i + 1 and (j == len(out) or out[j].kind is LineKind.TITLE)
        if j == len(out) or closes:
            out[i] = Line(LineKind.BODY, line.span, line.line_start, block=line.block)
    return out


_TEXT_KINDS = frozenset({LineKind.BODY, LineKind.TITLE, LineKind.DASH})
MAX_WRAPPED_WIDTH = 100


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """Blank lines separate paragraphs, and the lines inside a paragraph break mid-sentence.

    Judged over the whole document: it has blank lines, at least two line breaks inside a block fall
    mid-sentence (the line ends without closing punctuation and the next starts in lower case), and no line in
    a multi-line block is wider than ``MAX_WRAPPED_WIDTH``.
    """
    if not lines or lines[-1].block == lines[0].block:
        return False
    pairs = [
        (a, b) for a, b in pairwise(lines)
        if a.block == b.block and a.kind in _TEXT_KINDS and b.kind in _TEXT_KINDS and not a.heading
    ]
    mid_sentence = sum(
        1 for a, b in pairs
        if a.span.text.rstrip(_CLOSERS_OR_SPACE)[-1:] not in _TERMINAL and b.span.text[:1].islower()
    )
    return mid_sentence >= 2 and max(len(x.span.text) for pair in pairs for x in pair) <= MAX_WRAPPED_WIDTH


def _join_wrapped(text: str, lines: list[Line]) -> list[Line]:
    """Join each run of text lines inside a block into one paragraph line (a dash line starts a new one)."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is None or not (
            prev.block == line.block and prev.kind in _TEXT_KINDS and not prev.heading
            and line.kind in (LineKind.BODY, LineKind.TITLE) and not line.heading
        ):
            out.append(line)
            continue
        kind = LineKind.DASH if prev.kind is LineKind.DASH else LineKind.BODY
        span = Span(prev.span.char_start, line.span.char_end, text[prev.span.char_start : line.span.char_end])
        out[-1] = Line(kind, span, prev.line_start, marker=prev.marker, block=prev.block)
    return out


@dataclass(slots=True)
class _Draft:
    title: Span
    start: int
    series: Span | None = None
    byline: Byline | None = None
    end: int = 0
    body: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)


def _group_articles(lines: list[Line]) -> list[_Draft]:
    drafts: list[_Draft] = []
    cur: _Draft | None = None

    def open_article(title: Span, start: int, warnings: list[str]) -> _Draft:
        nonlocal cur
        cur = _Draft(title=title, start=start, end=title.char_end, warnings=warnings,
                     credits=pending_credits.copy())
        pending_credits.clear()
        drafts.append(cur)
        return cur

    pending_credits: list[Credit] = []
    for line in lines:
        if line.kind in (LineKind.CREDIT, LineKind.END):
            # Credits and end markers belong to the article they follow (or, before any, to the next one).
            owner = cur if cur is not None else (drafts[-1] if drafts else None)
            if owner is None:
                if line.credit is not None:
                    pending_credits.append(line.credit)
                continue
            if line.credit is not None:
                owner.credits.append(line.credit)
            owner.end = max(owner.end, line.span.char_end)
            if line.kind is LineKind.END:
                cur = None
            continue
        if line.kind is LineKind.BYLINE:
            if cur is None:  # a byline above the title: the article that follows is opening
                cur = open_article(Span(line.line_start, line.line_start, ""), line.line_start, [])
                cur.byline, cur.end = line.byline, line.span.char_end
            elif not cur.body and cur.byline is None:
                cur.byline, cur.end = line.byline, line.span.char_end
            else:
                if cur.byline is not None:
                    cur.warnings.append("several_bylines")
                cur.byline, cur.end = line.byline, line.span.char_end
                cur = None
            continue
        if line.kind is LineKind.TITLE:
            if cur is not None and not cur.title.text and not cur.body:
                cur.title, cur.end = line.span, line.span.char_end
            elif cur is not None and not cur.body and cur.series is None:
                cur.series, cur.end = line.span, line.span.char_end  # a subtitle
            else:
                if cur is not None and cur.byline is None:
                    cur.warnings.append("no_byline")
                open_article(line.span, line.line_start, [])
            continue
        if (
            line.kind is LineKind.DASH
            and cur is not None
            and cur.title.text
            and not cur.body
            and cur.series is None
            and is_title_like(line.span.text)
        ):
            cur.series, cur.end = line.span, line.span.char_end
            continue
        if cur is None:
            cur = open_article(Span(0, 0, ""), line.line_start, [])
        cur.body.append(line)
        cur.end = line.span.char_end
    if cur is not None and cur.byline is None and cur.title.text:
        cur.warnings.append("no_byline")
    return drafts


def segment_document(doc: Document) -> tuple[Article, ...]:
    """Split a document into articles, paragraphs and sentences. Returns () when nothing is found."""
    articles: list[Article] = []
    capitals = glued_capitals(doc.text)  # found once for the document; each paragraph gets its own
    seen_titles: dict[str, int] = {}
    for draft in _group_articles(classify_lines(doc.text)):
        if not draft.body and not draft.title.text:
            continue  # a lone byline: nothing to attach it to
        title = draft.title.text
        warnings = list(draft.warnings)
        if not title:
            title = _guess_title(doc.text, draft.body)
            warnings.append("title_guessed")
        if not draft.body:
            warnings.append("no_paragraphs")
        key = " ".join(title.casefold().split())
        seen_titles[key] = seen_titles.get(key, 0) + 1
        article_id = ids.article_id(doc.doc_id, title, seen_titles[key])
        built = [_paragraph(doc, article_id, ordinal, line, capitals) for ordinal, line in enumerate(draft.body)]
        paragraphs = tuple(p for p, _ in built)
        if any(capped for _, capped in built):
            warnings.append("long_sentence_split")
        if any(_unterminated(p.text) for p in paragraphs):
            warnings.append("unterminated_paragraph")
        articles.append(
            Article(
                article_id=article_id,
                doc_id=doc.doc_id,
                ordinal=len(articles),
                title=title,
                series=draft.series.text if draft.series else None,
                byline=draft.byline,
                char_start=draft.start,
                char_end=draft.end,
                paragraphs=paragraphs,
                warnings=tuple(dict.fromkeys(warnings)),
                credits=tuple(draft.credits),
            )
        )
    return tuple(articles)


def _unterminated(text: str) -> bool:
    """A paragraph that stops mid-sentence (a lead-in ending with a colon is finished)."""
    core = text.rstrip(_CLOSERS_OR_SPACE)
    return not core or core[-1] not in _FINISHED


def _guess_title(text: str, body: list[Line]) -> str:
    if not body:
        return "(untitled)"
    first = body[0].span
    spans = split_sentences(first.text)
    s, e = spans[0] if spans else (0, len(first.text))
    guess = first.text[s:e].rstrip(_TERMINAL)
    return guess if len(guess) <= MAX_TITLE_CHARS else guess[: MAX_TITLE_CHARS - 1].rstrip() + "…"


def _paragraph(
    doc: Document, article_id: str, ordinal: int, line: Line, capitals: list[int]
) -> tuple[Paragraph, bool]:
    """The paragraph on ``line``, and whether an over-long sentence in it had to be cut. ``capitals``: the
    document's ``glued_capitals``."""
    paragraph_id = ids.paragraph_id(article_id, ordinal)
    base, end = line.span.char_start, line.span.char_end
    text, doc_id = line.span.text, doc.doc_id
    # Those inside the paragraph, with a letter either side of them in it.
    inside = capitals[bisect_left(capitals, base + 1) : bisect_right(capitals, end - 2)]
    found = split_sentences(text, [c - base for c in inside])
    spans = cap_length(text, found)
    # The hot path: made by tuple.__new__ (a NamedTuple's own __new__ is a Python function that calls it, 2x the
    # cost), so positional (fields: id, paragraph, article, document, ordinal, text, span).
    sentences = tuple([
        _new_tuple(Sentence, (ids.sentence_id(paragraph_id, i), paragraph_id, article_id, doc_id, i, text[s:e],
                              base + s, base + e))
        for i, (s, e) in enumerate(spans)
    ])
    kind = ParagraphKind.THESIS_POINT if line.kind is LineKind.DASH else ParagraphKind.BODY
    paragraph = Paragraph(
        paragraph_id=paragraph_id,
        article_id=article_id,
        doc_id=doc.doc_id,
        ordinal=ordinal,
        kind=kind,
        marker=line.marker,
        text=line.span.text,
        char_start=line.span.char_start,
        char_end=line.span.char_end,
        sentences=sentences,
    )
    return paragraph, len(spans) != len(found)


def segment_or_reject(doc: Document) -> tuple[Article, ...] | Rejection:
    """Segment a document; a document with no recognisable article becomes a rejection."""
    articles = segment_document(doc)
    if articles:
        return articles
    return Rejection(
        doc.path, doc.sha256, doc.n_bytes, RejectReason.NO_ARTICLES,
        "no article found: the text has no title line, paragraph or thesis point",
    )
