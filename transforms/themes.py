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
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field

from transforms.errors import TaxonomyError
from transforms.phrases import Match, PhraseMatcher
from transforms.records import Article, Theme, ThemeScore

TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0


@dataclass(slots=True, frozen=True)
class Cue:
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

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(t.theme_id for t in self.themes)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rank", {t.theme_id: i for i, t in enumerate(self.themes)})


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


def score_text(taxonomy: Taxonomy, text: str) -> tuple[ThemeScore, ...]:
    """Scores of one sentence-sized text, best first; only themes that matched.

    Within a theme, matches do not overlap: where two rules match at one place the longer one counts
    (``disaster prevention`` and not also ``disaster*``).
    """
    by_theme: dict[str, list[Match[Cue]]] = {}
    for m in taxonomy.matcher.find(text):
        by_theme.setdefault(m.rule.payload.theme_id, []).append(m)
    scores = []
    for theme_id, matches in by_theme.items():
        excluded = [(m.start, m.end) for m in matches if m.rule.payload.weight == 0]
        weight, evidence, taken_until = 0.0, dict[str, None](), -1
        for m in sorted(matches, key=lambda m: (m.start, -m.end)):
            if m.rule.payload.weight == 0 or m.start < taken_until:
                continue
            if any(s <= m.start and m.end <= e for s, e in excluded):
                continue
            weight += m.rule.payload.weight
            evidence[" ".join(text[m.start : m.end].lower().split())] = None
            taken_until = m.end
        if weight > 0:
            scores.append(ThemeScore(theme_id, 1.0 - math.exp(-weight), tuple(evidence)))
    return _ranked(taxonomy, scores)


def aggregate(
    taxonomy: Taxonomy, parts: Iterable[tuple[tuple[ThemeScore, ...], float]]
) -> tuple[ThemeScore, ...]:
    """Weighted mean of part scores (a part that did not match a theme scores 0 for it)."""
    total_weight = 0.0
    sums: dict[str, float] = {}
    evidence: dict[str, dict[str, None]] = {}
    for scores, weight in parts:
        total_weight += weight
        for s in scores:
            sums[s.theme_id] = sums.get(s.theme_id, 0.0) + s.score * weight
            evidence.setdefault(s.theme_id, {}).update(dict.fromkeys(s.evidence))
    if total_weight <= 0:
        return ()
    return _ranked(
        taxonomy,
        [ThemeScore(t, min(1.0, v / total_weight), tuple(evidence[t])) for t, v in sums.items() if v > 0],
    )


def _ranked(taxonomy: Taxonomy, scores: list[ThemeScore]) -> tuple[ThemeScore, ...]:
    if len(scores) < 2:
        return tuple(scores)
    order = taxonomy.rank
    return tuple(sorted(scores, key=lambda s: (-s.score, order[s.theme_id])))


def tag_articles(taxonomy: Taxonomy, articles: Iterable[Article]) -> dict[str, tuple[ThemeScore, ...]]:
    """Scores for every unit of every article, keyed by unit id."""
    scores: dict[str, tuple[ThemeScore, ...]] = {}
    for article in articles:
        scores.update(tag_article(taxonomy, article))
    return scores


def tag_article(taxonomy: Taxonomy, article: Article) -> dict[str, tuple[ThemeScore, ...]]:
    """Scores for the article, each of its paragraphs and each of its sentences, keyed by unit id."""
    out: dict[str, tuple[ThemeScore, ...]] = {}
    article_parts: list[tuple[tuple[ThemeScore, ...], float]] = [
        (score_text(taxonomy, article.title), TITLE_WEIGHT)
    ]
    for paragraph in article.paragraphs:
        sentence_scores = []
        for sentence in paragraph.sentences:
            scores = score_text(taxonomy, sentence.text)
            out[sentence.sentence_id] = scores
            sentence_scores.append(scores)
            is_heading = paragraph.heading is not None and sentence.ordinal == 0
            article_parts.append((scores, HEADING_WEIGHT if is_heading else 1.0))
        out[paragraph.paragraph_id] = aggregate(taxonomy, ((s, 1.0) for s in sentence_scores))
    out[article.article_id] = aggregate(taxonomy, article_parts)
    return out
