"""Scoring segmentation and tagging against a hand-checked gold file.

A gold file (JSON) lists a corpus's documents and, for each, its articles in reading order::

    {"documents": [{"path": str, "encoding": str,
                    "articles": [{"title": str, "series": str | null, "author": str | null,
                                  "primary_theme": str | null (optional: omit when not coded),
                                  "paragraphs": [{"kind": "body" | "thesis_point",
                                                  "sentences": [str, ...]}, ...]}, ...]}, ...]}

Units are aligned by where they start in the normalised text, so that one missed or extra boundary costs only
the units around it:

- article boundaries: the line on which each article's title stands (precision, recall, F1);
- title, author and primary-theme exact match: over gold articles, against the predicted article whose title
  stands on the same line (none: a miss);
- paragraph kind: over gold paragraphs, against the predicted paragraph that starts at the same offset;
- sentence boundaries: the offsets where sentences end (precision, recall, F1); a truncation mark that ends a
  sentence (``…``, ``...``, ``[…]``, ``[...]``: a teaser cut off) counts with either side of the boundary, so a
  sentence ending ``recent…`` and one ending ``recent`` before the mark end at the same boundary.

A gold document may also list its non-blank ``lines`` (``{"text", "role", "article"}``, as the real pages'
gold does, ``transforms.pages``), and its articles ``authors`` (names) and ``credits`` (texts) in place of
``author``. Then the title lines are those the gold names, and four more figures are scored:

- authors exact: the set of names in the predicted byline equals the gold's;
- paragraph count exact: over gold articles, the predicted article has as many paragraphs;
- credit recall: gold credits found on a credit line of the predicted article (as the line's text, or as the
  credit's ``role: name``);
- non-text in text: the share of the gold's credit, date, signature, byline and furniture lines that the
  prediction publishes inside a paragraph (the target is none);
- line-role accuracy, where the prediction gives a role to each line: gold lines whose role it gives.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transforms.bylines import names_in
from transforms.records import Article


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, predicted: set[Any], gold: set[Any]) -> PRF:
        return cls.from_counts(len(predicted & gold), len(predicted), len(gold))

    @classmethod
    def from_counts(cls, hits: int, predicted: int, gold: int) -> PRF:
        p = hits / predicted if predicted else float(not gold)
        r = hits / gold if gold else float(not predicted)
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def locate(text: str, pieces: Iterable[str], start: int = 0) -> list[tuple[int, int]]:
    """Offsets of each piece in ``text``, searched in order, any run of white space in a piece matching any
    run in the text (a wrapped line break included); raises ValueError for a piece not found."""
    spans, pos = [], start
    for piece in pieces:
        pattern = re.compile(r"\s+".join(re.escape(word) for word in piece.split()))
        found = pattern.search(text, pos)
        if found is None:
            raise ValueError(f"gold text not found after offset {pos}: {piece[:60]!r}")
        spans.append(found.span())
        pos = found.end()
    return spans


def gold_sentences(gold_document: Mapping[str, Any]) -> list[str]:
    return [s for a in gold_document["articles"] for p in a["paragraphs"] for s in p["sentences"]]


# A truncation mark, with the space before it, at the end of a sentence: a teaser cut off (``... in recent…``,
# ``... the nation's response to […]``).
_TRUNCATION = re.compile(r"(?:\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\]))+\Z")
_MAX_TRUNCATION = 24  # how far back from a sentence's end its truncation marks may start


def sentence_boundary(text: str, end: int) -> int:
    """The boundary a sentence ending at ``end`` marks: its end, before a truncation mark that ends it."""
    mark = _TRUNCATION.search(text, max(0, end - _MAX_TRUNCATION), end)
    return mark.start() if mark is not None and mark.start() > 0 else end


def _boundaries(text: str, ends: Iterable[int]) -> set[int]:
    return {sentence_boundary(text, end) for end in ends}


def sentence_boundary_prf(text: str, predicted: Sequence[tuple[int, int]], gold: Sequence[str]) -> PRF:
    gold_ends = _boundaries(text, (end for _, end in locate(text, gold)))
    return PRF.of(_boundaries(text, (end for _, end in predicted)), gold_ends)


@dataclass(slots=True)
class Tally:
    """Counts over one or more documents; the metrics are computed from them."""

    article_hits: int = 0
    articles_predicted: int = 0
    articles_gold: int = 0
    titles_right: int = 0
    authors_right: int = 0
    themes_right: int = 0
    themes_coded: int = 0
    kinds_right: int = 0
    paragraphs_gold: int = 0
    sentence_hits: int = 0
    sentences_predicted: int = 0
    sentences_gold: int = 0
    counts_right: int = 0  # articles whose paragraph count is the gold's
    counts_gold: int = 0
    credits_found: int = 0
    credits_gold: int = 0
    non_text_in_text: int = 0  # gold non-text lines published inside a paragraph
    non_text_gold: int = 0
    roles_right: int = 0
    roles_gold: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | None]:
        """Every metric by name; None where there is nothing to score (e.g. no primary themes coded)."""

        def share(n: int, d: int) -> float | None:
            return n / d if d else None

        articles = PRF.from_counts(self.article_hits, self.articles_predicted, self.articles_gold)
        sentences = PRF.from_counts(self.sentence_hits, self.sentences_predicted, self.sentences_gold)
        return {
            "article_f1": articles.f1,
            "title_exact": share(self.titles_right, self.articles_gold),
            "author_exact": share(self.authors_right, self.articles_gold),
            "paragraph_kind_accuracy": share(self.kinds_right, self.paragraphs_gold),
            "sentence_precision": sentences.precision,
            "sentence_recall": sentences.recall,
            "sentence_f1": sentences.f1,
            "primary_theme_accuracy": share(self.themes_right, self.themes_coded),
            "paragraph_count_exact": share(self.counts_right, self.counts_gold),
            "credit_recall": share(self.credits_found, self.credits_gold),
            "non_text_in_text": share(self.non_text_in_text, self.non_text_gold),
            "line_role_accuracy": share(self.roles_right, self.roles_gold),
        }


# What the structural parser aims at on pages it was not tuned to (``evaluate --pages`` prints them under the
# held-out figures): metric -> (">=" or "<=", the target).
PAGE_TARGETS: dict[str, tuple[str, float]] = {
    "article_f1": (">=", 0.98),
    "author_exact": (">=", 0.95),
    "paragraph_count_exact": (">=", 0.95),
    "sentence_f1": (">=", 0.99),
    "non_text_in_text": ("<=", 0.0),
}


def against_targets(metrics: Mapping[str, float | None], targets: Mapping[str, tuple[str, float]]) -> str:
    """One line: each target, the figure now, and whether it is met (``article_f1 >= 0.98: 0.649, not met``)."""
    parts = []
    for name, (op, target) in targets.items():
        value = metrics.get(name)
        met = value is not None and (value >= target if op == ">=" else value <= target)
        shown = f"{value:.3f}" if value is not None else "n/a"
        parts.append(f"{name} {op} {target:g}: {shown}, {'met' if met else 'not met'}")
    return "; ".join(parts)


def _credits_found(got: Article, gold: Mapping[str, Any]) -> int:
    """How many of the gold article's credits the predicted article has: a gold credit is the text of a credit
    line (the pages' gold) or its ``role: name`` (the corpora's gold)."""
    credit_lines = [" ".join(c.line.split()) for c in got.credits]
    credit_names = {f"{c.role}: {c.name}" for c in got.credits}
    return sum(" ".join(c.split()) in credit_names or any(" ".join(c.split()) in line for line in credit_lines)
               for c in gold.get("credits", ()))


def _title_start(text: str, article: Article) -> int:
    """Where ``article``'s title stands in ``text`` (an article whose byline is printed above its title starts
    at the byline), or its start when the title is not found in its span."""
    at = text.find(article.title, article.char_start, article.char_end) if article.title else -1
    return at if at >= 0 else article.char_start


def _line_of(text: str, offset: int, gold_starts: list[int] | None) -> int:
    """The line of ``text`` that ``offset`` is on: the gold's line that holds it, where the gold gives its lines
    (starting at ``gold_starts``; one line of the page, wrapped onto several lines of the text or not)."""
    if gold_starts is not None:
        return bisect_right(gold_starts, offset) - 1
    return text.count("\n", 0, offset)


NON_TEXT_ROLES = frozenset({"credit", "date", "signature", "byline", "furniture"})



@dataclass(frozen=True, slots=True)
class Alignment:
    """A document's gold and predicted articles keyed by the line their title stands on, and the gold's lines
    with where each stands in the text (empty where the gold does not give its lines)."""

    gold: dict[int, Mapping[str, Any]]
    predicted: dict[int, Article]
    lines: list[Mapping[str, Any]]
    spans: list[tuple[int, int]]


def align(text: str, articles: Sequence[Article], gold_document: Mapping[str, Any]) -> Alignment:
    """Pair ``articles`` with ``gold_document``'s by the line their titles stand on (see the module's notes)."""
    gold_articles = gold_document["articles"]
    lines = gold_document.get("lines") or []
    line_spans = locate(text, (e["text"] for e in lines)) if lines else []
    if lines:
        firsts: dict[int, int] = {}
        for (s, _), e in zip(line_spans, lines, strict=True):
            if e["role"] == "title" and e["article"] is not None:
                firsts.setdefault(e["article"], s)
        title_starts = [firsts[i] for i in range(len(gold_articles))]
    else:
        title_starts = [s for s, _ in locate(text, (a["title"] for a in gold_articles))]
    gold_starts = [s for s, _ in line_spans] or None
    gold_by_line = {_line_of(text, s, gold_starts): a for s, a in zip(title_starts, gold_articles, strict=True)}
    predicted_by_line = {_line_of(text, _title_start(text, a), gold_starts): a for a in articles}
    return Alignment(gold_by_line, predicted_by_line, list(lines), line_spans)


def _roles_read(aligned: Alignment, roles: Sequence[tuple[int, int, str]]) -> list[str | None]:
    """The role predicted for each of the gold's lines (``roles``: ``(char_start, char_end, role)`` in order):
    that of the predicted line the gold line starts in, or None where it starts in none."""
    role_starts = [r[0] for r in roles]
    read: list[str | None] = []
    for s, _ in aligned.spans:
        i = bisect_right(role_starts, s) - 1
        read.append(roles[i][2] if i >= 0 and roles[i][1] > s else None)
    return read


def _non_text_in_text(aligned: Alignment, articles: Sequence[Article]) -> list[int]:
    """The gold's non-text lines (``NON_TEXT_ROLES``) that the prediction publishes inside a paragraph, by their
    index among the gold's lines."""
    paragraphs = sorted((p.char_start, p.char_end) for a in articles for p in a.paragraphs)
    paragraph_starts = [start for start, _ in paragraphs]
    inside = []
    for n, ((s, e), entry) in enumerate(zip(aligned.spans, aligned.lines, strict=True)):
        if entry["role"] in NON_TEXT_ROLES:
            i = bisect_right(paragraph_starts, e - 1) - 1  # the last paragraph that starts before the line ends
            if i >= 0 and paragraphs[i][1] > s:
                inside.append(n)
    return inside


def authors_right(got: Article, gold: Mapping[str, Any]) -> bool:
    """The predicted article names the gold article's writers (the set of names, or the byline as written)."""
    if "authors" in gold:
        return names_in(got.author) == set(gold["authors"])
    return bool(got.author == gold["author"])


def score_document(
    text: str, articles: Sequence[Article], primary_themes: Mapping[str, str | None],
    gold_document: Mapping[str, Any], roles: Sequence[tuple[int, int, str]] | None = None,
) -> Tally:
    """Compare one document's predicted articles (and their primary themes, by article id; and the role of
    each line, as ``(char_start, char_end, role)`` in order, when given) with its gold."""
    tally = Tally()
    gold_articles = gold_document["articles"]
    aligned = align(text, articles, gold_document)
    lines = aligned.lines
    tally.articles_gold, tally.articles_predicted = len(aligned.gold), len(aligned.predicted)
    for line, gold in aligned.gold.items():
        got = aligned.predicted.get(line)
        tally.counts_gold += 1
        tally.credits_gold += len(gold.get("credits", ()))
        if got is None:
            continue
        tally.article_hits += 1
        tally.titles_right += got.title == gold["title"]
        tally.authors_right += authors_right(got, gold)
        tally.counts_right += len(got.paragraphs) == len(gold["paragraphs"])
        tally.credits_found += _credits_found(got, gold)
        if "primary_theme" in gold:
            tally.themes_right += primary_themes.get(got.article_id) == gold["primary_theme"]
    tally.themes_coded = sum("primary_theme" in a for a in gold_articles)
    if lines:
        tally.non_text_gold = sum(entry["role"] in NON_TEXT_ROLES for entry in lines)
        tally.non_text_in_text = len(_non_text_in_text(aligned, articles))
        if roles is not None:
            read = _roles_read(aligned, roles)
            tally.roles_gold = len(lines)
            tally.roles_right = sum(got == entry["role"] for got, entry in zip(read, lines, strict=True))

    predicted_kinds = {p.char_start: p.kind.value for a in articles for p in a.paragraphs}
    starts = locate(text, (p["sentences"][0] for a in gold_articles for p in a["paragraphs"]))
    kinds = [p["kind"] for a in gold_articles for p in a["paragraphs"]]
    tally.paragraphs_gold = len(kinds)
    tally.kinds_right = sum(predicted_kinds.get(s) == kind for (s, _), kind in zip(starts, kinds, strict=True))

    predicted_ends = _boundaries(text, (s.char_end for a in articles for s in a.sentences))
    gold_ends = _boundaries(text, (e for _, e in locate(text, gold_sentences(gold_document))))
    tally.sentence_hits = len(predicted_ends & gold_ends)
    tally.sentences_predicted, tally.sentences_gold = len(predicted_ends), len(gold_ends)
    return tally


def _clip(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


def document_errors(text: str, articles: Sequence[Article], gold_document: Mapping[str, Any],
                    roles: Sequence[tuple[int, int, str]]) -> list[str]:
    """What the prediction gets wrong against a gold that gives its lines, one readable line each: articles
    missed or found in excess (by the line the title stands on, with the role the gold gives it and the one
    predicted), and for each article found, a wrong title, wrong authors, paragraphs in excess or missing, and
    the gold's non-text lines published inside its paragraphs. ``evaluate --pages --errors`` prints them."""
    aligned = align(text, articles, gold_document)
    read = _roles_read(aligned, roles)

    def line(n: int) -> str:
        return f"line {n} ({aligned.lines[n]['role']}, read as {read[n] or 'none'}) {_clip(aligned.lines[n]['text'])}"

    errors = [f"missed article: {line(n)}" for n in sorted(aligned.gold.keys() - aligned.predicted.keys())]
    errors += [f"extra article: {line(n)}" for n in sorted(aligned.predicted.keys() - aligned.gold.keys())]
    for n in sorted(aligned.gold.keys() & aligned.predicted.keys()):
        gold, got = aligned.gold[n], aligned.predicted[n]
        where = f"article at line {n}"
        if got.title != gold["title"]:
            errors.append(f"{where}: title {_clip(got.title)}, gold {_clip(gold['title'])}")
        if not authors_right(got, gold):
            errors.append(f"{where}: author {got.author!r}, gold {gold.get('authors', gold.get('author'))!r}")
        predicted = {" ".join(p.text.split())[:60] for p in got.paragraphs}
        coded = {" ".join(" ".join(p["sentences"]).split())[:60] for p in gold["paragraphs"]}
        errors += [f"{where}: paragraph not in the gold {_clip(t)}" for t in sorted(predicted - coded)]
        errors += [f"{where}: gold paragraph not found {_clip(t)}" for t in sorted(coded - predicted)]
    errors += [f"non-text in a paragraph: {line(n)}" for n in _non_text_in_text(aligned, articles)]
    return errors
