"""Theme tagging with the taxonomy's phrase rules.

The taxonomy (a TOML file, see ``taxonomy/``) lists themes, each with weighted phrase rules and optional
exclusions. Matching is case-insensitive and on word boundaries; inside a phrase a space or hyphen matches
a space, a hyphen or nothing (``grass roots`` = ``grass-roots`` = ``grassroots``), and a trailing ``*``
on a word matches any ending (``prevent*`` = prevent, prevents, prevention, preventive).
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
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from transforms.errors import TaxonomyError
from transforms.records import Article, Theme, ThemeScore

TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0


@dataclass(slots=True, frozen=True)
class ThemeRules:
    theme: Theme
    pattern: re.Pattern[str]
    weights: Mapping[str, float]  # phrase rule -> weight, looked up by the matching group name
    group_rules: tuple[str, ...]  # group index - 1 -> phrase rule
    exclude: re.Pattern[str] | None


@dataclass(slots=True, frozen=True)
class Taxonomy:
    taxonomy_id: str
    version: str
    rules: tuple[ThemeRules, ...]

    @property
    def themes(self) -> tuple[Theme, ...]:
        return tuple(r.theme for r in self.rules)

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(r.theme.theme_id for r in self.rules)


def phrase_regex(phrase: str) -> str:
    """Regex source for one phrase rule."""
    words = [w for w in re.split(r"[\s\-]+", phrase.strip().lower()) if w]
    if not words:
        raise TaxonomyError(f"empty phrase rule {phrase!r}")
    parts = []
    for word in words:
        stem, wildcard = (word[:-1], True) if word.endswith("*") else (word, False)
        if not stem or "*" in stem:
            raise TaxonomyError(f"bad wildcard in phrase rule {phrase!r}: only a trailing * is allowed")
        parts.append(re.escape(stem) + (r"\w*" if wildcard else ""))
    return r"(?<!\w)" + r"(?:\s+|-)?".join(parts) + r"(?!\w)"


def _compile_alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    groups = "|".join(f"({phrase_regex(p)})" for p in phrases)
    return re.compile(groups, re.IGNORECASE)


def parse_taxonomy(source: str) -> Taxonomy:
    """Parse the taxonomy's TOML text."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"not valid TOML: {exc}") from exc
    meta = data.get("taxonomy", {})
    if "id" not in meta:
        raise TaxonomyError("missing [taxonomy] id")
    rules = []
    seen: set[str] = set()
    for entry in data.get("theme", []):
        try:
            theme = Theme(entry["id"], entry["label"], entry["description"])
            phrases: dict[str, float] = {str(k): float(v) for k, v in entry["phrases"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TaxonomyError(f"theme {entry.get('id', '?')!r} is missing or has a bad field: {exc}") from exc
        if theme.theme_id in seen:
            raise TaxonomyError(f"theme id {theme.theme_id!r} appears twice")
        if not phrases or any(w <= 0 for w in phrases.values()):
            raise TaxonomyError(f"theme {theme.theme_id!r} needs phrases with positive weights")
        seen.add(theme.theme_id)
        # Longer phrases first, so that "disaster prevention" wins over "disaster" at the same place.
        ordered = sorted(phrases, key=lambda p: (-len(p), p))
        exclude = entry.get("exclude", [])
        rules.append(
            ThemeRules(
                theme=theme,
                pattern=_compile_alternation(ordered),
                weights=phrases,
                group_rules=tuple(ordered),
                exclude=_compile_alternation(exclude) if exclude else None,
            )
        )
    if not rules:
        raise TaxonomyError("the taxonomy defines no [[theme]]")
    return Taxonomy(str(meta["id"]), str(meta.get("version", "")), tuple(rules))


@dataclass(slots=True, frozen=True)
class _Hits:
    weight: float
    evidence: tuple[str, ...]


def _match(rules: ThemeRules, text: str) -> _Hits:
    blocked = [m.span() for m in rules.exclude.finditer(text)] if rules.exclude else []
    weight = 0.0
    evidence: dict[str, None] = {}
    for m in rules.pattern.finditer(text):
        s, e = m.span()
        if any(bs <= s and e <= be for bs, be in blocked):
            continue
        rule = rules.group_rules[(m.lastindex or 1) - 1]
        weight += rules.weights[rule]
        evidence[" ".join(m.group(0).lower().split())] = None
    return _Hits(weight, tuple(evidence))


def score_text(taxonomy: Taxonomy, text: str) -> tuple[ThemeScore, ...]:
    """Scores of one sentence-sized text, best first; only themes that matched."""
    scores = []
    for rules in taxonomy.rules:
        hits = _match(rules, text)
        if hits.weight > 0:
            scores.append(ThemeScore(rules.theme.theme_id, 1.0 - math.exp(-hits.weight), hits.evidence))
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
    order = {t: i for i, t in enumerate(taxonomy.theme_ids)}
    return tuple(sorted(scores, key=lambda s: (-s.score, order[s.theme_id])))


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
