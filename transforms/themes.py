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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from transforms.errors import TaxonomyError
from transforms.phrases import MAX_REMEMBERED_KEYS, PhraseMatcher
from transforms.records import Article, ParagraphKind, Theme, ThemeScore

TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0


@dataclass(slots=True, frozen=True)
class Cue:
    """What a phrase rule says when it matches: a theme, with a weight, or a theme's exclusion."""

    theme_id: str
    weight: float  # 0 for an exclusion


# What the rules that match at a key say, worked out once per key: the counted matches (end relative to the
# key, theme, weight, evidence), longest first, and the exclusions (theme, end).
_Cues = tuple[tuple[tuple[int, str, float, str], ...], tuple[tuple[str, int], ...]]


class CueCache:
    """What the rules say at each key met so far (see ``score_texts``).

    A plain object on purpose, not a mapping or a dataclass: Prefect walks mappings and dataclasses among a
    task's parameters to find futures, and a taxonomy is a parameter of tasks that run on other threads, which
    add keys while Prefect would be walking them ("dictionary changed size during iteration").
    """

    __slots__ = ("by_key",)

    def __init__(self) -> None:
        self.by_key: dict[str, _Cues] = {}


@dataclass(slots=True, frozen=True)
class Taxonomy:
    taxonomy_id: str
    version: str
    themes: tuple[Theme, ...]
    matcher: PhraseMatcher[Cue]
    # Theme id -> its position in the taxonomy (breaks ties between equal scores).
    rank: dict[str, int] = field(init=False, repr=False, compare=False)
    # What the rules say at each key the matcher has met (see ``score_texts``), remembered per taxonomy.
    cues: CueCache = field(init=False, repr=False, compare=False, default_factory=CueCache)

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


_SEPARATOR = "\x00"  # between units scanned together: neither a word, a space nor a hyphen, so no rule spans it

def _cues(taxonomy: Taxonomy, key: str) -> _Cues:
    """What the rules that match at ``key`` say, worked out and remembered (for a key not yet remembered)."""
    matches = sorted(taxonomy.matcher.at(key), key=lambda m: -m[0])  # stable: ties keep the rules' order
    found = (
        tuple((end, r.payload.theme_id, r.payload.weight, " ".join(key[:end].lower().split()))
              for end, r in matches if r.payload.weight > 0),
        tuple((r.payload.theme_id, end) for end, r in matches if r.payload.weight == 0),
    )
    if len(taxonomy.cues.by_key) < MAX_REMEMBERED_KEYS:
        taxonomy.cues.by_key[key] = found
    return found


def score_texts(taxonomy: Taxonomy, texts: Sequence[str]) -> list[tuple[ThemeScore, ...]]:
    """``score_text`` of each of ``texts``, scanned in one pass."""
    joined = _SEPARATOR.join(texts)
    ends = list(accumulate(len(t) + 1 for t in texts))  # where the text after each one starts
    out: list[tuple[ThemeScore, ...]] = [()] * len(texts)
    unit = 0
    # Per theme, in the current text: [weight, where the last counted match ends, evidence]; exclusions' spans.
    counted: dict[str, list[Any]] = {}
    excluded: dict[str, list[tuple[int, int]]] = {}
    remembered = taxonomy.cues.by_key
    for start, key in taxonomy.matcher.scan(joined):
        if start >= ends[unit]:
            if counted:
                out[unit] = _scores(taxonomy, counted)
                counted = {}
            excluded.clear()
            while start >= ends[unit]:
                unit += 1
        matches, exclusions = remembered.get(key) or _cues(taxonomy, key)
        for theme_id, end in exclusions:
            excluded.setdefault(theme_id, []).append((start, start + end))
        for end, theme_id, weight, evidence in matches:
            state = counted.get(theme_id)
            if state is not None and start < state[1]:
                continue  # inside a longer match of the same theme
            end += start
            if theme_id in excluded and any(s <= start and end <= e for s, e in excluded[theme_id]):
                continue
            if state is None:
                counted[theme_id] = [weight, end, {evidence: None}]
            else:
                state[0] += weight
                state[1] = end
                state[2][evidence] = None
    if counted:
        out[unit] = _scores(taxonomy, counted)
    return out


def _scores(taxonomy: Taxonomy, counted: dict[str, list[Any]]) -> tuple[ThemeScore, ...]:
    return _ranked(taxonomy, [
        ThemeScore(theme_id, 1.0 - math.exp(-weight), tuple(evidence))
        for theme_id, (weight, _, evidence) in counted.items()
    ])


def score_text(taxonomy: Taxonomy, text: str) -> tuple[ThemeScore, ...]:
    """Scores of one sentence-sized text, best first; only themes that matched.

    Within a theme, matches do not overlap: where two rules match at one place the longer one counts
    (``disaster prevention`` and not also ``disaster*``), and a match that starts inside a counted one does not
    count. A match inside one of the theme's exclusions does not count.
    """
    return score_texts(taxonomy, [text])[0]


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
            theme_id = s.theme_id
            if theme_id in sums:
                sums[theme_id] += s.score * weight
                evidence[theme_id].update(dict.fromkeys(s.evidence))
            else:
                sums[theme_id] = s.score * weight
                evidence[theme_id] = dict.fromkeys(s.evidence)
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
    """Scores for the article, each of its paragraphs and each of its sentences, for every article, keyed by
    unit id. The titles and sentences of all the articles are scanned in one pass."""
    articles = tuple(articles)
    texts = [t for a in articles for t in (a.title, *(s.text for p in a.paragraphs for s in p.sentences))]
    scored = iter(score_texts(taxonomy, texts))
    out: dict[str, tuple[ThemeScore, ...]] = {}
    for article in articles:
        article_parts: list[tuple[tuple[ThemeScore, ...], float]] = [(next(scored), TITLE_WEIGHT)]
        for paragraph in article.paragraphs:
            sentence_scores = []
            for sentence in paragraph.sentences:
                scores = next(scored)
                out[sentence.sentence_id] = scores
                sentence_scores.append(scores)
                is_heading = paragraph.kind is ParagraphKind.THESIS_POINT and sentence.ordinal == 0
                article_parts.append((scores, HEADING_WEIGHT if is_heading else 1.0))
            out[paragraph.paragraph_id] = (
                sentence_scores[0] if len(sentence_scores) == 1  # the mean of one part is that part
                else aggregate(taxonomy, [(s, 1.0) for s in sentence_scores])
            )
        out[article.article_id] = aggregate(taxonomy, article_parts)
    return out


def tag_article(taxonomy: Taxonomy, article: Article) -> dict[str, tuple[ThemeScore, ...]]:
    """Scores for the article, each of its paragraphs and each of its sentences, keyed by unit id."""
    return tag_articles(taxonomy, (article,))
