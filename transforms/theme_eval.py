"""Scoring theme tags against hand coding, as a dictionary is validated against coders in content analysis.

A theme gold set (``tests/data/themes/README.md``) codes articles, and their paragraphs and sentences, with the
set of themes each is about and its primary theme. Each coded unit is aligned with the predicted unit that starts
where it starts (an article on its title's line; a paragraph or sentence at the offset of its text), and scored
by level (article, paragraph, sentence):

- theme-set precision, recall and F1, micro-averaged over (unit, theme) pairs, and per theme;
- primary-theme accuracy: the predicted primary is the coder's (both none counts as right);
- top-2 accuracy: the coder's primary is one of the two best-scoring themes (none: the prediction has none);
- primary-theme accuracy apart for units the tagger calls ``single`` and ``mixed`` (``transforms.themes.decide``),
  which shows whether the margin says how sure a call is.

The gold sets are small, so each figure comes with a 95% bootstrap interval: articles are resampled with
replacement (a paragraph or sentence goes with its article), ``ROUNDS`` times from a fixed seed, and the
interval is the 2.5th to 97.5th percentile of the figure over the resamples.

Where a set was coded twice, by two coders working apart (``second_coder.json``), ``agreement`` measures how
far the coders agree at the article level (primary-theme agreement, Cohen's kappa on the primary, and the
theme-set F1 of one coder's sets against the other's): the ceiling for the tagger's figures against either one.

``choose_thresholds`` picks a taxonomy's thresholds on its tuning sets: ``min_score`` and ``set_share`` for the
best article-level theme-set F1, then the ``mixed_margin`` that best tells right primary calls from wrong ones:
the one with the widest gap in primary-theme accuracy between the units it calls ``single`` and those it calls
``mixed`` (all levels together), among those that leave at least ``MIN_GROUP_SHARE`` of the units in each.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from transforms.evaluate import PRF, locate
from transforms.records import Article, ThemeScore, Thresholds
from transforms.themes import decide

LEVELS = ("article", "paragraph", "sentence")
ROUNDS = 1000
SEED = 20261205
MIN_GROUP_SHARE = 0.1
MIN_SCORES = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2)
SET_SHARES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
MIXED_MARGINS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7)
# What the tagger aims at on held-apart text, article level (``evaluate --themes`` prints them).
THEME_TARGETS: dict[str, tuple[str, float]] = {"set_f1": (">=", 0.75), "primary": (">=", 0.80)}


@dataclass(frozen=True, slots=True)
class CodedUnit:
    """One hand-coded unit beside what the tagger said of the unit that starts where it starts."""

    level: str  # article, paragraph or sentence
    cluster: str  # the article it belongs to: the unit of resampling
    gold: frozenset[str]
    gold_primary: str | None
    ranked: tuple[ThemeScore, ...]  # the predicted unit's themes, best first; () when none starts there
    aligned: bool  # a predicted unit starts where the coded one does


def coded_units(text: str, articles: Sequence[Article], scores: Mapping[str, tuple[ThemeScore, ...]],
                gold_document: Mapping[str, Any], cluster: str) -> list[CodedUnit]:
    """The coded units of one document (``cluster`` names the document; an article's units are its clusters)."""
    by_line = {text.count("\n", 0, a.char_start): a for a in articles}
    paragraphs = {p.char_start: p.paragraph_id for a in articles for p in a.paragraphs}
    sentences = {s.char_start: s.sentence_id for a in articles for s in a.sentences}
    units: list[CodedUnit] = []
    pos = 0
    for k, coded in enumerate(gold_document["articles"]):
        (start, end), = locate(text, [coded["title"]], pos)
        pos = end
        name = f"{cluster}#{k}"
        got = by_line.get(text.count("\n", 0, start))
        units.append(_unit("article", name, coded, got.article_id if got else None, scores))
        for paragraph in coded.get("paragraphs", ()):
            (p_start, p_end), = locate(text, [paragraph["text"]], pos)
            units.append(_unit("paragraph", name, paragraph, paragraphs.get(p_start), scores))
            s_pos = p_start
            for sentence in paragraph.get("sentences", ()):
                (s_start, s_pos), = locate(text, [sentence["text"]], s_pos)
                units.append(_unit("sentence", name, sentence, sentences.get(s_start), scores))
            pos = p_end
    return units


def _unit(level: str, cluster: str, coded: Mapping[str, Any], unit_id: str | None,
          scores: Mapping[str, tuple[ThemeScore, ...]]) -> CodedUnit:
    gold = frozenset(coded["themes"])
    primary = coded.get("primary_theme")
    if primary is None and len(gold) == 1:
        primary = next(iter(gold))
    return CodedUnit(level, cluster, gold, primary, tuple(scores.get(unit_id, ())) if unit_id else (),
                     unit_id is not None)


@dataclass(frozen=True, slots=True)
class Predicted:
    """The tagger's calls on coded units (``decide`` with given thresholds)."""

    themes: list[frozenset[str]]
    primary: list[str | None]
    top2: list[tuple[str, ...]]
    mixed: list[bool]


def predict(units: Sequence[CodedUnit], thresholds: Thresholds) -> Predicted:
    counts = np.array([len(u.ranked) for u in units], np.int64)
    bounds = np.r_[0, np.cumsum(counts)].astype(np.int64)
    score = np.array([s.score for u in units for s in u.ranked], np.float64)
    calls = decide(thresholds, bounds, score)
    themes = [s.theme_id for u in units for s in u.ranked]
    carried = calls.carried.tolist()
    return Predicted(
        themes=[frozenset(t for t, c in zip(themes[a:b], carried[a:b], strict=True) if c)
                for a, b in itertools.pairwise(bounds.tolist())],
        primary=[themes[p] if p >= 0 else None for p in calls.primary.tolist()],
        top2=[tuple(themes[a:min(b, a + 2)]) if p >= 0 else () for a, b, p in
              zip(bounds[:-1].tolist(), bounds[1:].tolist(), calls.primary.tolist(), strict=True)],
        mixed=calls.mixed.tolist(),
    )


@dataclass(frozen=True, slots=True)
class Figure:
    value: float | None
    low: float | None
    high: float | None
    n: int

    def __str__(self) -> str:
        if self.value is None:
            return "n/a"
        if self.low is None or self.high is None:
            return f"{self.value:.3f}"
        return f"{self.value:.3f} [{self.low:.2f}, {self.high:.2f}]"


@dataclass(frozen=True, slots=True)
class LevelScores:
    """The figures of one level of one group of sets."""

    level: str
    units: int
    unaligned: int
    set_prf: PRF
    set_f1: Figure
    primary: Figure
    top2: Figure
    single: Figure  # primary-theme accuracy of the units called single
    mixed: Figure  # ... and of those called mixed
    per_theme: dict[str, tuple[PRF, int]]  # theme -> P/R/F1 of the theme, and the units coded with it


def score_level(units: Sequence[CodedUnit], thresholds: Thresholds, level: str, rounds: int = ROUNDS,
                seed: int = SEED) -> LevelScores:
    """Every figure of ``level`` over ``units`` (those of other levels are left out)."""
    units = [u for u in units if u.level == level]
    got = predict(units, thresholds)
    clusters = {c: k for k, c in enumerate(dict.fromkeys(u.cluster for u in units))}
    cluster = np.array([clusters[u.cluster] for u in units], np.int64)
    tp = np.array([len(u.gold & t) for u, t in zip(units, got.themes, strict=True)], np.float64)
    fp = np.array([len(t - u.gold) for u, t in zip(units, got.themes, strict=True)], np.float64)
    fn = np.array([len(u.gold - t) for u, t in zip(units, got.themes, strict=True)], np.float64)
    right = np.array([u.gold_primary == p for u, p in zip(units, got.primary, strict=True)], np.float64)
    in_top2 = np.array([u.gold_primary in t if u.gold_primary is not None else p is None
                        for u, t, p in zip(units, got.top2, got.primary, strict=True)], np.float64)
    mixed = np.array(got.mixed, bool)
    single = np.array([p is not None for p in got.primary], bool) & ~mixed
    resample = _resampler(cluster, len(clusters), rounds, seed)

    def f1(tp_: npt.NDArray[np.float64], fp_: npt.NDArray[np.float64], fn_: npt.NDArray[np.float64]
           ) -> npt.NDArray[np.float64]:
        d = 2 * tp_ + fp_ + fn_
        return np.where(d > 0, 2 * tp_ / np.where(d > 0, d, 1), 1.0)

    def figure(hits: npt.NDArray[np.float64], where: npt.NDArray[np.bool_]) -> Figure:
        n = int(where.sum())
        if not n:
            return Figure(None, None, None, 0)
        h, w = resample(hits * where), resample(where.astype(np.float64))
        return Figure(float(hits[where].sum() / n), *_interval(h[w > 0] / w[w > 0]), n)

    everything = np.ones(len(units), bool)
    set_f1 = f1(resample(tp), resample(fp), resample(fn))
    prf = PRF.from_counts(int(tp.sum()), int(tp.sum() + fp.sum()), int(tp.sum() + fn.sum()))
    per_theme: dict[str, tuple[PRF, int]] = {}
    for theme in sorted({t for u in units for t in u.gold} | {t for p in got.themes for t in p}):
        coded = sum(theme in u.gold for u in units)
        hits = sum(theme in u.gold and theme in p for u, p in zip(units, got.themes, strict=True))
        per_theme[theme] = (PRF.from_counts(hits, sum(theme in p for p in got.themes), coded), coded)
    low, high = _interval(set_f1)
    return LevelScores(
        level=level,
        units=len(units),
        unaligned=sum(not u.aligned for u in units),
        set_prf=prf,
        set_f1=Figure(prf.f1 if units else None, low, high, len(units)),
        primary=figure(right, everything),
        top2=figure(in_top2, everything),
        single=figure(right, single),
        mixed=figure(right, mixed),
        per_theme=per_theme,
    )


Sums = Callable[[npt.NDArray[np.float64]], npt.NDArray[np.float64]]


def _interval(values: npt.NDArray[np.float64]) -> tuple[float | None, float | None]:
    """The 95% interval of a figure's values over the bootstrap resamples."""
    if not len(values):
        return None, None
    low, high = np.percentile(values, [2.5, 97.5]).tolist()
    return float(low), float(high)


def _resampler(cluster: npt.NDArray[np.int64], n_clusters: int, rounds: int, seed: int) -> Sums:
    """A function from per-unit values to their sums over ``rounds`` cluster bootstrap resamples."""
    rng = np.random.default_rng(seed)
    if not n_clusters or rounds <= 0:
        return lambda values: np.zeros(0)
    draws = rng.integers(0, n_clusters, size=(rounds, n_clusters))
    weights = np.stack([np.bincount(d, minlength=n_clusters) for d in draws]).astype(np.float64)  # rounds x C

    def sums(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        per_cluster = np.bincount(cluster, values, n_clusters)
        return weights @ per_cluster

    return sums


@dataclass(frozen=True, slots=True)
class Agreement:
    """How far two coders agree on the same articles."""

    articles: int
    primary: Figure  # share of articles given the same primary theme (both none counts as agreeing)
    kappa: float | None  # Cohen's kappa on the primary theme (agreement beyond what chance would give)
    set_f1: Figure  # F1 of one coder's theme sets against the other's, over (article, theme) pairs (symmetric)


def agreement(first: Sequence[CodedUnit], second: Sequence[CodedUnit], rounds: int = ROUNDS,
              seed: int = SEED) -> Agreement:
    """The agreement of two codings of the same articles, paired in order (``first[k]`` and ``second[k]`` code
    the same article; other levels are left out)."""
    pairs = [(a, b) for a, b in zip([u for u in first if u.level == "article"],
                                    [u for u in second if u.level == "article"], strict=True)]
    for a, b in pairs:
        if a.cluster != b.cluster:
            raise ValueError(f"the codings are not of the same articles: {a.cluster} and {b.cluster}")
    n = len(pairs)
    if not n:
        return Agreement(0, Figure(None, None, None, 0), None, Figure(None, None, None, 0))
    same = np.array([a.gold_primary == b.gold_primary for a, b in pairs], np.float64)
    tp = np.array([len(a.gold & b.gold) for a, b in pairs], np.float64)
    sizes = np.array([len(a.gold) + len(b.gold) for a, b in pairs], np.float64)
    resample = _resampler(np.arange(n, dtype=np.int64), n, rounds, seed)

    observed = float(same.mean())
    firsts, seconds = Counter(a.gold_primary for a, _ in pairs), Counter(b.gold_primary for _, b in pairs)
    chance = sum(firsts[t] / n * seconds[t] / n for t in firsts)
    kappa = (observed - chance) / (1 - chance) if chance < 1 else None
    size_sums = resample(sizes)
    f1s = np.where(size_sums > 0, 2 * resample(tp) / np.where(size_sums > 0, size_sums, 1), 1.0)
    total = float(sizes.sum())
    return Agreement(
        articles=n,
        primary=Figure(observed, *_interval(resample(same) / n), n),
        kappa=kappa,
        set_f1=Figure(2 * float(tp.sum()) / total if total else 1.0, *_interval(f1s), n),
    )


def choose_thresholds(units: Sequence[CodedUnit]) -> Thresholds:
    """Thresholds for a taxonomy from its tuning units (see the module's docstring); ties go to the earlier
    grid values (the smaller floor, share and margin)."""
    best: tuple[float, float] | None = None
    chosen = Thresholds()
    for min_score, set_share in itertools.product(MIN_SCORES, SET_SHARES):
        t = Thresholds(min_score, set_share, chosen.mixed_margin)
        s = score_level(units, t, "article", rounds=0)
        key = (s.set_prf.f1, s.primary.value or 0.0)
        if best is None or key > best:
            best, chosen = key, t
    best_gap, margin_chosen = None, chosen.mixed_margin
    for margin in MIXED_MARGINS:
        t = Thresholds(chosen.min_score, chosen.set_share, margin)
        got = [score_level(units, t, level, rounds=0) for level in LEVELS if any(u.level == level for u in units)]
        single = sum(s.single.n for s in got)
        mixed = sum(s.mixed.n for s in got)
        if min(single, mixed) < MIN_GROUP_SHARE * (single + mixed):
            continue
        right_single = sum((s.single.value or 0.0) * s.single.n for s in got) / single
        right_mixed = sum((s.mixed.value or 0.0) * s.mixed.n for s in got) / mixed
        if best_gap is None or right_single - right_mixed > best_gap:
            best_gap, margin_chosen = right_single - right_mixed, margin
    return Thresholds(chosen.min_score, chosen.set_share, margin_chosen)


def score_levels(units: Iterable[CodedUnit], thresholds: Thresholds, rounds: int = ROUNDS
                 ) -> dict[str, LevelScores]:
    every = list(units)
    return {level: score_level(every, thresholds, level, rounds) for level in LEVELS
            if any(u.level == level for u in every)}
