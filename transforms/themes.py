"""Theme tagging with the taxonomy's phrase rules.

The taxonomy (a TOML file, see ``taxonomy/``) lists themes, each with weighted phrase rules and optional
exclusions, matched by ``transforms.phrases`` (case-insensitive, whole words; a space or hyphen in a rule
matches a space, a hyphen or nothing, so ``grass roots`` = ``grass-roots`` = ``grassroots``; a trailing ``*``
on a word matches any ending, so ``prevent*`` = prevent, prevents, prevention, preventive).
An ``exclude`` phrase suppresses every match of the same theme that lies inside it (``fire`` is
emergency_response, but not inside ``fire on all cylinders``).

Scores (all in [0, 1]):

- sentence: ``1 - exp(-w)`` where ``w`` is the summed weight of the theme's matches in the sentence;
- paragraph: the mean of its sentences' scores;
- article: the weighted mean of its sentences' scores and its title's, where the title counts
  ``TITLE_WEIGHT`` sentences and a thesis point's heading counts ``HEADING_WEIGHT``.

A unit's ``themes`` are the themes with a positive score, best first (ties in taxonomy order); the first
is its ``primary_theme``, or None when nothing matched.

``tag_articles`` works on columns (numpy arrays): the matches of all titles and sentences of a batch of articles
(``PhraseMatcher.find_all``), then per (text, theme) the counted weight, then the means per paragraph and
article by group sums; it returns ``UnitScores``, from which the tables are sliced. Sums are added one by one in
the order a plain Python loop would add them, so the scores are the same to the last bit.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from transforms.columns import lexsort, substring_codes
from transforms.errors import TaxonomyError
from transforms.phrases import PhraseMatcher
from transforms.records import Article, ParagraphKind, Theme, ThemeScore, UnitScores

TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0


class Cue(NamedTuple):
    """What a phrase rule says when it matches: a theme, with a weight, or a theme's exclusion."""

    theme_id: str
    weight: float  # 0 for an exclusion



@dataclass(slots=True, frozen=True)
class Taxonomy:
    taxonomy_id: str
    version: str
    themes: tuple[Theme, ...]
    matcher: PhraseMatcher[Cue]
    # Theme id -> its position in the taxonomy (breaks ties between equal scores).
    rank: dict[str, int] = field(init=False, repr=False, compare=False)
    # What each of the matcher's rules says, by its index in ``matcher.rules``: the theme (its index in
    # ``themes``) and the weight (0 for an exclusion).
    rule_theme: npt.NDArray[np.int64] = field(init=False, repr=False, compare=False)
    rule_weight: npt.NDArray[np.float64] = field(init=False, repr=False, compare=False)

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(t.theme_id for t in self.themes)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rank", {t.theme_id: i for i, t in enumerate(self.themes)})
        cues = [r.payload for r in self.matcher.rules]
        object.__setattr__(self, "rule_theme", np.array([self.rank[c.theme_id] for c in cues], np.int64))
        object.__setattr__(self, "rule_weight", np.array([c.weight for c in cues], np.float64))


def parse_taxonomy(source: str) -> Taxonomy:
    """Parse the taxonomy's TOML text."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"not valid TOML: {exc}") from exc
    meta = data.get("taxonomy", {})
    if "id" not in meta:
        raise TaxonomyError("missing [taxonomy] id")
    themes: list[Theme] = []
    rules: list[tuple[str, Cue]] = []
    for entry in data.get("theme", []):
        try:
            theme = Theme(entry["id"], entry["label"], entry["description"])
            phrases: dict[str, float] = {str(k): float(v) for k, v in entry["phrases"].items()}
            exclude = [str(e) for e in entry.get("exclude", [])]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TaxonomyError(f"theme {entry.get('id', '?')!r} is missing or has a bad field: {exc}") from exc
        if theme.theme_id in {t.theme_id for t in themes}:
            raise TaxonomyError(f"theme id {theme.theme_id!r} appears twice")
        if not phrases or any(w <= 0 for w in phrases.values()):
            raise TaxonomyError(f"theme {theme.theme_id!r} needs phrases with positive weights")
        themes.append(theme)
        rules += [(phrase, Cue(theme.theme_id, weight)) for phrase, weight in phrases.items()]
        rules += [(phrase, Cue(theme.theme_id, 0.0)) for phrase in exclude]
    if not themes:
        raise TaxonomyError("the taxonomy defines no [[theme]]")
    return Taxonomy(str(meta["id"]), str(meta.get("version", "")), tuple(themes), PhraseMatcher(rules))


@dataclass(frozen=True, slots=True)
class _Rows:
    """Theme scores as columns: per row a unit (an index), a theme (its index in the taxonomy) and a score, sorted
    by unit then theme; the evidence as (row, evidence id) pairs, sorted by row, each row's in order."""

    unit: npt.NDArray[np.int64]
    theme: npt.NDArray[np.int64]
    score: npt.NDArray[np.float64]
    evidence_row: npt.NDArray[np.int64]
    evidence_id: npt.NDArray[np.int64]


def score_texts(taxonomy: Taxonomy, texts: Sequence[str]) -> list[tuple[ThemeScore, ...]]:
    """``score_text`` of each of ``texts``, matched in one pass (``PhraseMatcher.find_all``)."""
    rows, strings = _text_rows(taxonomy, texts)
    scores = _unit_scores(taxonomy, [str(k) for k in range(len(texts))], [rows], strings)
    return [scores[str(k)] for k in range(len(texts))]


def _text_rows(taxonomy: Taxonomy, texts: Sequence[str]) -> tuple[_Rows, list[str]]:
    """The scores of each text (unit = its index), and the evidence strings their evidence ids point to.

    Per theme and text, the matches in ``find``'s order (by start, longest first): an exclusion suppresses the
    counted matches inside it; a match that starts inside an earlier counted one does not count.
    """
    m = taxonomy.matcher.find_all(texts)
    theme, weight = taxonomy.rule_theme[m.rule], taxonomy.rule_weight[m.rule]
    # Group by (text, theme), keeping find's order inside a group.
    order = lexsort((theme, m.text))
    text, theme, weight, start, end = m.text[order], theme[order], weight[order], m.start[order], m.end[order]
    group = _runs(text, theme)
    kept = _counted(group, weight == 0, start, end)
    text, theme, weight, group = text[kept], theme[kept], weight[kept], group[kept]
    at = m.offsets[text]
    start, end = at + start[kept], at + end[kept]
    # Per (text, theme): the summed weight, added one by one in order as Python would, and the score.
    local = _runs(group)
    first = np.flatnonzero(np.r_[True, local[1:] != local[:-1]]) if len(local) else local
    total = np.bincount(local, weight, len(first))  # adds in row order, one by one (as np.add.at; 10x cheaper)
    distinct, where = np.unique(total, return_inverse=True)
    score = np.array([1.0 - math.exp(-w) for w in distinct.tolist()], np.float64)[where]
    # Evidence: the matched text, lower-cased, white space collapsed; each once per (text, theme), in order.
    # The matched texts are numbered first (in Arrow), and only the distinct ones worked on in Python.
    found, distinct_found = substring_codes(m.source, start, end)
    ids: dict[str, int] = {}  # evidence -> its id, numbered in order of first appearance
    renumber = np.array([ids.setdefault(" ".join(f.lower().split()), len(ids)) for f in distinct_found], np.int64)
    evidence = renumber[found]
    strings = list(ids)
    row, evidence_id = _first_pairs(local, evidence, len(strings))
    return _Rows(text[first], theme[first], score, row, evidence_id), strings


def _counted(group: npt.NDArray[np.int64], exclusion: npt.NDArray[np.bool_], start: npt.NDArray[np.int64],
             end: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which matches count: rows grouped by (text, theme), in ``find``'s order inside a group; ``exclusion`` marks
    the theme's exclusions. A match inside an exclusion does not count, nor one that starts inside a counted one."""
    span = int(end.max(initial=0)) + 2  # group * span + x keeps every group's values above the previous group's
    # Inside an exclusion: one that starts at or before the match (exclusions first at a start) reaches its end.
    by_start = lexsort((~exclusion, start, group))
    reach = np.maximum.accumulate(np.where(exclusion[by_start], end[by_start], -1) + group[by_start] * span)
    excluded = np.empty_like(exclusion)
    excluded[by_start] = reach - group[by_start] * span >= end[by_start]
    counts = ~exclusion & ~excluded
    # Inside an earlier counted match: compared with the furthest end of the counted matches before it. That is
    # exact unless a match dropped this way reaches further than any before it (then those groups go one by one).
    furthest = np.maximum.accumulate(np.where(counts, end, -1) + group * span)
    before = np.r_[-1, furthest[:-1]] - group * span
    inside = counts & (start < before)
    kept: npt.NDArray[np.bool_] = counts & ~inside
    for g in np.unique(group[inside & (end > before)]).tolist():
        reached = -1
        for i in range(*np.searchsorted(group, [g, g + 1]).tolist()):
            if counts[i]:
                kept[i] = start[i] >= reached
                reached = max(reached, int(end[i])) if kept[i] else reached
    return kept


def _runs(*columns: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """For rows sorted by ``columns``: the index of each row's run of equal values (0, 0, 1, 2, 2, ...)."""
    if not len(columns[0]):
        return np.zeros(0, np.int64)
    change = np.zeros(len(columns[0]), bool)
    for c in columns:
        change[1:] |= c[1:] != c[:-1]
    return np.cumsum(change)


def _first_pairs(
    key: npt.NDArray[np.int64], value: npt.NDArray[np.int64], n_values: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The (key, value) pairs sorted by key (stably), each pair only where it first appears."""
    order = np.argsort(key, kind="stable")
    key, value = key[order], value[order]
    _, first = np.unique(key * max(n_values, 1) + value, return_index=True)
    first.sort()
    return key[first], value[first]


def _aggregate(rows: _Rows, to_unit: npt.NDArray[np.int64], weight: npt.NDArray[np.float64], n_units: int,
               n_themes: int, n_strings: int) -> _Rows:
    """Weighted means of part scores: part ``p`` (a unit of ``rows``) counts towards unit ``to_unit[p]`` (none
    when -1) with ``weight[p]``; a part that did not match a theme scores 0 for it. Sums are added in part
    order, as Python would; evidence is each part's, in part order, each once."""
    parts = np.flatnonzero(to_unit >= 0)
    total = np.bincount(to_unit[parts], weight[parts], n_units)
    used = to_unit[rows.unit] >= 0
    target = to_unit[rows.unit[used]]
    keys, key_of = np.unique(target * n_themes + rows.theme[used], return_inverse=True)
    sums = np.bincount(key_of, rows.score[used] * weight[rows.unit[used]], len(keys))
    unit, theme = keys // n_themes, keys % n_themes
    score = np.minimum(1.0, sums / np.where(total[unit] > 0, total[unit], 1.0))
    positive = (sums > 0) & (total[unit] > 0)
    # Evidence: each source row's pairs go to its key, in source order.
    key_of_row = np.full(len(rows.unit), -1, np.int64)
    key_of_row[used] = key_of
    pair_key = key_of_row[rows.evidence_row]
    has = pair_key >= 0
    key, evidence_id = _first_pairs(pair_key[has], rows.evidence_id[has], n_strings)
    renumber = np.cumsum(positive) - 1
    keep = positive[key]
    return _Rows(unit[positive], theme[positive], score[positive], renumber[key[keep]], evidence_id[keep])


def _unit_scores(taxonomy: Taxonomy, unit_ids: list[str], levels: Sequence[_Rows], strings: list[str]) -> UnitScores:
    """Rows of every level (units numbered as ``unit_ids``) as ``UnitScores``: each unit's best first, ties in
    taxonomy order."""
    unit = np.concatenate([r.unit for r in levels])
    theme = np.concatenate([r.theme for r in levels])
    score = np.concatenate([r.score for r in levels])
    firsts = np.cumsum([0, *(len(r.unit) for r in levels)])
    evidence_row = np.concatenate([r.evidence_row + f for r, f in zip(levels, firsts.tolist(), strict=False)])
    evidence_id = np.concatenate([r.evidence_id for r in levels])
    distinct_scores, score_rank = np.unique(score, return_inverse=True)
    order = lexsort((theme, len(distinct_scores) - score_rank, unit))  # best first: highest rank first
    new_row = np.empty_like(order)
    new_row[order] = np.arange(len(order))
    row = new_row[evidence_row]
    by_row = np.argsort(row, kind="stable")
    return UnitScores(
        unit_ids=unit_ids,
        bounds=np.searchsorted(unit[order], np.arange(len(unit_ids) + 1)).astype(np.int64),
        theme_ids=taxonomy.theme_ids,
        theme=theme[order],
        score=score[order],
        evidence_bounds=np.searchsorted(row[by_row], np.arange(len(order) + 1)).astype(np.int64),
        evidence_ids=evidence_id[by_row],
        evidence_strings=strings,
    )


def score_text(taxonomy: Taxonomy, text: str) -> tuple[ThemeScore, ...]:
    """Scores of one sentence-sized text, best first; only themes that matched.

    Within a theme, matches do not overlap: where two rules match at one place the longer one counts
    (``disaster prevention`` and not also ``disaster*``), and a match that starts inside a counted one does not
    count. A match inside one of the theme's exclusions does not count.
    """
    return score_texts(taxonomy, [text])[0]


def tag_articles(taxonomy: Taxonomy, articles: Iterable[Article]) -> UnitScores:
    """Scores for every article, each of its paragraphs and each of its sentences (units in reading order:
    an article, then each paragraph followed by its sentences). The titles and sentences of all the articles are
    matched in one pass; paragraphs and articles are weighted means of their sentences (and title)."""
    unit_ids: list[str] = []
    texts: list[str] = []
    # Per text (a title or a sentence): the unit it is (-1 for a title), its paragraph (-1 for a title), its
    # article, and its weight in the article.
    sentence: list[int] = []
    paragraph: list[int] = []
    article: list[int] = []
    weight: list[float] = []
    for a in articles:
        a_unit = len(unit_ids)
        unit_ids.append(a.article_id)
        texts.append(a.title)
        sentence.append(-1)
        paragraph.append(-1)
        article.append(a_unit)
        weight.append(TITLE_WEIGHT)
        for p in a.paragraphs:
            p_unit = len(unit_ids)
            unit_ids.append(p.paragraph_id)
            sentences = p.sentences
            n = len(sentences)
            sentence += range(p_unit + 1, p_unit + 1 + n)
            unit_ids += [s.sentence_id for s in sentences]
            texts += [s.text for s in sentences]
            paragraph += [p_unit] * n
            article += [a_unit] * n
            weight += [1.0] * n
            if p.kind is ParagraphKind.THESIS_POINT and n:  # its first sentence is the heading
                weight[-n] = HEADING_WEIGHT
    by_text, strings = _text_rows(taxonomy, texts)
    n, n_themes = len(unit_ids), len(taxonomy.themes)
    levels = [
        _own_rows(by_text, np.array(sentence, np.int64)),  # a sentence is the mean of itself alone: its own scores
        _aggregate(by_text, np.array(paragraph, np.int64), np.ones(len(texts)), n, n_themes, len(strings)),
        _aggregate(by_text, np.array(article, np.int64), np.array(weight), n, n_themes, len(strings)),
    ]
    return _unit_scores(taxonomy, unit_ids, levels, strings)


def _own_rows(rows: _Rows, to_unit: npt.NDArray[np.int64]) -> _Rows:
    """What ``_aggregate`` gives when each part is its unit's only part, with weight 1 (``to_unit`` increasing,
    -1 for parts that are no unit): each part's own rows (a positive score and its evidence), renumbered."""
    used = (to_unit[rows.unit] >= 0) & (rows.score > 0)
    renumber = np.cumsum(used) - 1
    keep = used[rows.evidence_row]
    return _Rows(to_unit[rows.unit[used]], rows.theme[used], rows.score[used], renumber[rows.evidence_row[keep]],
                 rows.evidence_id[keep])


def tag_article(taxonomy: Taxonomy, article: Article) -> UnitScores:
    """Scores for the article, each of its paragraphs and each of its sentences, keyed by unit id."""
    return tag_articles(taxonomy, (article,))
