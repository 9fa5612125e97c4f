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

Every theme with a positive score is kept with its score (``theme_tags``), best first (ties in taxonomy
order). From the scores, ``decide`` makes a unit's calls with the taxonomy's thresholds: its ``primary_theme``
(its best, None when nothing matched or the best is under ``min_score``), its ``themes`` (every theme scoring
at least ``set_share`` of the best), its ``theme_margin`` and whether the call is ``single`` or ``mixed``.

``tag_articles`` works on columns (numpy arrays): the matches of all titles and sentences of a batch of articles
(``PhraseMatcher.find_all``), then per (text, theme) the counted weight, then the means per paragraph and
article by group sums; it returns ``UnitScores``, from which the tables are sliced. Sums are added one by one in
the order a plain Python loop would add them, so the scores are the same to the last bit.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from transforms.columns import lexsort, substring_codes
from transforms.errors import TaxonomyError
from transforms.phrases import PhraseMatcher
from transforms.records import Article, ParagraphKind, Theme, ThemeScore, Thresholds, UnitScores

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
    thresholds: Thresholds = field(default_factory=Thresholds)
    codebook: str | None = None  # the codebook's file, relative to the taxonomy file (``[taxonomy] codebook``)
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


_TAXONOMY_KEYS = {"id", "version", "codebook", *Thresholds.__dataclass_fields__}
_THEME_KEYS = {"id", "label", "description", "phrases", "exclude"}
MAX_WEIGHT = 5.0


class _Lines:
    """Where things stand in the taxonomy's TOML text, for errors that name the line."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.themes = [i for i, line in enumerate(self.lines) if line.strip().replace(" ", "") == "[[theme]]"]

    def of(self, key: str, theme: int | None = None) -> int:
        """The 1-based line on which ``key`` is set (in the ``theme``-th ``[[theme]]``, or before any), or
        the line of that table's header when the key is not found; 0 when nothing is found."""
        if theme is None:
            start, end = 0, self.themes[0] if self.themes else len(self.lines)
        elif theme < len(self.themes):
            start = self.themes[theme]
            end = self.themes[theme + 1] if theme + 1 < len(self.themes) else len(self.lines)
        else:
            return 0
        pattern = re.compile(r"\s*(?:" + re.escape(key) + r"|[\"']" + re.escape(key) + r"[\"'])\s*=")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return i + 1
        return start + 1 if theme is not None else 0


def _error(lines: _Lines, message: str, key: str = "", theme: int | None = None) -> TaxonomyError:
    line = lines.of(key, theme) if key or theme is not None else 0
    return TaxonomyError(f"line {line}: {message}" if line else message)


def codebook_ids(codebook: str) -> dict[str, int]:
    """The theme ids of a codebook in Markdown (the first cell of each row of its table, ``| id | label | ...``),
    with the line each stands on."""
    ids: dict[str, int] = {}
    for number, line in enumerate(codebook.splitlines(), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else []
        if cells and re.fullmatch(r"[a-z][a-z0-9_]*", cells[0]) and cells[0] != "id":
            ids.setdefault(cells[0], number)
    return ids


def parse_taxonomy(source: str, codebook: str | None = None) -> Taxonomy:
    """Parse the taxonomy's TOML text; with the text of its codebook (Markdown, see ``codebook_ids``), also check
    that the two name the same themes. Raises ``TaxonomyError`` naming the line of the first problem."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"not valid TOML: {exc}") from exc
    lines = _Lines(source)
    for key in data.keys() - {"taxonomy", "theme"}:
        raise _error(lines, f"unknown table or key {key!r} (a taxonomy has [taxonomy] and [[theme]] tables)", key)
    meta = data.get("taxonomy", {})
    for key in meta.keys() - _TAXONOMY_KEYS:
        raise _error(lines, f"unknown key {key!r} in [taxonomy] (known: {', '.join(sorted(_TAXONOMY_KEYS))})",
                     key)
    if "id" not in meta:
        raise TaxonomyError("missing [taxonomy] id")
    thresholds = {}
    for key in Thresholds.__dataclass_fields__:
        if key in meta:
            value = meta[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise _error(lines, f"[taxonomy] {key} must be a number from 0 to 1, not {value!r}", key)
            thresholds[key] = float(value)
    themes: list[Theme] = []
    rules: list[tuple[str, Cue]] = []
    entries = data.get("theme", [])
    if not isinstance(entries, list):
        raise _error(lines, "theme must be an array of tables, written [[theme]]", "theme")
    for k, entry in enumerate(entries):
        name = repr(entry.get("id", f"number {k + 1}"))
        for key in entry.keys() - _THEME_KEYS:
            raise _error(lines, f"theme {name}: unknown key {key!r} (known: {', '.join(sorted(_THEME_KEYS))})",
                         key, k)
        for key in ("id", "label", "description"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise _error(lines, f"theme {name} is missing or has a bad field: {key} must be a non-empty "
                             "string", key if key in entry else "", k)
        theme = Theme(entry["id"], entry["label"], entry["description"])
        if not re.fullmatch(r"[a-z][a-z0-9_]*", theme.theme_id):
            raise _error(lines, f"theme id {theme.theme_id!r} must be snake_case (a-z, 0-9, _)", "id", k)
        if theme.theme_id in {t.theme_id for t in themes}:
            raise _error(lines, f"theme id {theme.theme_id!r} appears twice", "id", k)
        phrases = entry.get("phrases")
        if not isinstance(phrases, dict) or not phrases:
            raise _error(lines, f"theme {name} needs phrases with positive weights ([theme.phrases], e.g. "
                         '"flood*" = 1.0)', "", k)
        for phrase, weight in phrases.items():
            if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= MAX_WEIGHT:
                raise _error(lines, f"theme {name}: phrase {phrase!r} has weight {weight!r}; weights are "
                             f"positive numbers up to {MAX_WEIGHT:g} (1.0 an ordinary cue, 2.0 a strong one)",
                             phrase, k)
        exclude = entry.get("exclude", [])
        if not isinstance(exclude, list) or not all(isinstance(e, str) for e in exclude):
            raise _error(lines, f"theme {name}: exclude must be a list of phrases", "exclude", k)
        themes.append(theme)
        rules += [(phrase, Cue(theme.theme_id, float(weight))) for phrase, weight in phrases.items()]
        rules += [(phrase, Cue(theme.theme_id, 0.0)) for phrase in exclude]
    if not themes:
        raise TaxonomyError("the taxonomy defines no [[theme]]")
    try:
        matcher = PhraseMatcher(rules)
    except TaxonomyError as exc:
        bad = next((p for p, _ in rules if str(p) in str(exc)), "")
        theme_of = next((k for k, e in enumerate(entries) if bad in e.get("phrases", {}) or bad in
                         e.get("exclude", [])), None)
        raise _error(lines, str(exc), bad, theme_of) from exc
    named = meta.get("codebook")
    if named is not None and not isinstance(named, str):
        raise _error(lines, f"[taxonomy] codebook must be a file name, not {named!r}", "codebook")
    taxonomy = Taxonomy(str(meta["id"]), str(meta.get("version", "")), tuple(themes), matcher,
                        Thresholds(**thresholds), named)
    if codebook is not None:
        check_codebook(source, taxonomy, codebook)
    return taxonomy


def check_codebook(source: str, taxonomy: Taxonomy, codebook: str) -> None:
    """Raise ``TaxonomyError`` unless the taxonomy (parsed from ``source``) and its codebook name the same
    themes; the error names the taxonomy's line, or the codebook's."""
    coded = codebook_ids(codebook)
    for k, theme in enumerate(taxonomy.themes):
        if theme.theme_id not in coded:
            raise _error(_Lines(source), f"theme id {theme.theme_id!r} is not in the codebook (its table's first "
                         "column); a theme is added to the codebook first", "id", k)
    missing = [(i, line) for i, line in coded.items() if i not in taxonomy.rank]
    if missing:
        i, line = missing[0]
        raise TaxonomyError(f"the codebook's theme {i!r} (its line {line}) has no [[theme]] in the taxonomy")


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
        thresholds=taxonomy.thresholds,
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


class Calls(NamedTuple):
    """A unit's calls from its scores (``decide``): per unit, its primary theme's row (-1: none), its relative
    margin over the second theme (NaN: none) and whether it is mixed; per row, whether the unit carries it."""

    primary: npt.NDArray[np.int64]
    margin: npt.NDArray[np.float64]
    mixed: npt.NDArray[np.bool_]
    carried: npt.NDArray[np.bool_]

    def status(self) -> list[str]:
        """Per unit: ``none``, ``mixed`` or ``single``."""
        return ["none" if p < 0 else "mixed" if m else "single"
                for p, m in zip(self.primary.tolist(), self.mixed.tolist(), strict=True)]


def decide(thresholds: Thresholds, bounds: npt.NDArray[np.int64], score: npt.NDArray[np.float64]) -> Calls:
    """The calls of units whose scores are rows ``bounds[u]:bounds[u + 1]`` of ``score``, best first.

    A unit whose best score is under ``min_score`` (or that matched nothing) has no primary theme and carries
    no theme. Otherwise its primary theme is its best; it carries every theme scoring at least ``set_share`` of
    the best; its margin is ``(best - second) / best`` (1 with one theme); it is mixed when the margin is under
    ``mixed_margin``.
    """
    first, n = bounds[:-1], np.diff(bounds)
    top = np.where(n > 0, score[np.minimum(first, max(len(score) - 1, 0))] if len(score) else 0.0, 0.0)
    second = np.where(n > 1, score[np.minimum(first + 1, max(len(score) - 1, 0))] if len(score) else 0.0, 0.0)
    has = (n > 0) & (top > 0) & (top >= thresholds.min_score)
    primary = np.where(has, first, -1).astype(np.int64)
    margin = np.where(has, (top - second) / np.where(has, top, 1.0), np.nan)
    mixed = has & (margin < thresholds.mixed_margin)
    unit = np.repeat(np.arange(len(n)), n)
    carried = has[unit] & (score >= thresholds.set_share * top[unit]) if len(score) else np.zeros(0, bool)
    return Calls(primary, margin, mixed, carried)
