"""Tools for the taxonomy's keepers, after the tools of dictionary-based content analysis (quanteda's ``kwic``,
``textstat_frequency`` and ``textstat_collocations``): keyword in context for a theme's rules, the coverage of a
snapshot by the taxonomy, and candidate rules from the sentences no rule matched.

Everything here is pure: it takes texts and a ``Taxonomy`` and returns rows; ``corpus-pipeline themes`` reads a
snapshot and prints them. The statistics of ``suggest`` are NLTK's (counts and the log-likelihood ratio of
collocations, ``nltk.collocations``), not ours.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from transforms.errors import TaxonomyError
from transforms.phrases import PhraseMatcher, Rule
from transforms.theme_eval import CodedUnit, predict
from transforms.themes import Cue, Taxonomy


@dataclass(frozen=True, slots=True)
class InContext:
    """One match of a rule, with the text around it."""

    rule: str
    exclusion: bool  # the rule is one of the theme's exclusions
    unit_id: str
    left: str
    match: str
    right: str


def kwic(taxonomy: Taxonomy, query: str, texts: Sequence[str], unit_ids: Sequence[str], width: int = 40
         ) -> list[InContext]:
    """Every match in ``texts`` of the rules of theme ``query`` (its phrases and its exclusions), or of
    ``query`` read as a phrase rule when it is not a theme id; in text order, then rule order."""
    if query in taxonomy.theme_ids:
        matcher = taxonomy.matcher
        wanted = {k for k, r in enumerate(matcher.rules) if r.payload.theme_id == query}
        exclusion = {k for k in wanted if matcher.rules[k].payload.weight == 0}
        rules = [r.text for r in matcher.rules]
    else:
        try:
            matcher = PhraseMatcher([(query, Cue(query, 1.0))])
        except TaxonomyError as exc:
            raise TaxonomyError(f"{query!r} is neither a theme id of {taxonomy.taxonomy_id} nor a phrase rule: "
                                f"{exc}") from exc
        wanted, exclusion, rules = {0}, set(), [query]
    found = matcher.find_all(texts)
    rows = []
    for t, start, end, rule in zip(found.text.tolist(), found.start.tolist(), found.end.tolist(),
                                   found.rule.tolist(), strict=True):
        if rule in wanted:
            text = texts[t]
            rows.append(InContext(rules[rule], rule in exclusion, unit_ids[t],
                                  " ".join(text[max(0, start - width):start].split()), text[start:end],
                                  " ".join(text[end:end + width].split())))
    return rows


@dataclass(frozen=True, slots=True)
class Coverage:
    sentences: int
    sentences_untagged: int
    articles: int
    articles_untagged: int
    per_theme: dict[str, tuple[int, int, int]]  # theme -> (articles primary, articles carrying, sentences carrying)
    rule_matches: dict[str, int]  # rule (as written, with its theme) -> matches in titles and sentences
    never_matched: list[str]
    disagreed: list[tuple[str, int]]  # rules behind themes the coder did not give, most often first


def coverage(taxonomy: Taxonomy, sentence_texts: Sequence[str], sentence_themes: Sequence[Sequence[str]],
             titles: Sequence[str], article_primary: Sequence[str | None],
             article_themes: Sequence[Sequence[str]], coded: Sequence[CodedUnit] = ()) -> Coverage:
    """How a snapshot's units are covered by the taxonomy; with hand-coded units (``coded``), also which rules
    matched where the tagger gave a theme that the coder did not."""
    per_theme = {}
    for theme in taxonomy.theme_ids:
        per_theme[theme] = (sum(p == theme for p in article_primary), sum(theme in t for t in article_themes),
                            sum(theme in t for t in sentence_themes))
    rules = _rule_labels(taxonomy)
    found = taxonomy.matcher.find_all([*titles, *sentence_texts])
    counts: Counter[str] = Counter(dict.fromkeys(rules, 0))  # a rule's spellings ("grass roots", "grassroots") as one
    for k, c in enumerate(np.bincount(found.rule, minlength=len(rules)).tolist()):
        counts[rules[k]] += c
    return Coverage(
        sentences=len(sentence_texts),
        sentences_untagged=sum(not t for t in sentence_themes),
        articles=len(titles),
        articles_untagged=sum(p is None for p in article_primary),
        per_theme=per_theme,
        rule_matches={rule: c for rule, c in counts.items() if c},
        never_matched=[rule for rule, c in counts.items() if not c],
        disagreed=_disagreed(taxonomy, coded),
    )


def _rule_labels(taxonomy: Taxonomy) -> list[str]:
    """Per rule of the matcher (a phrase may be there under several spellings): the phrase and its theme."""
    return [_label(r) for r in taxonomy.matcher.rules]


def _label(rule: Rule[Cue]) -> str:
    return f"{rule.text} ({rule.payload.theme_id}{', exclusion' if rule.payload.weight == 0 else ''})"


def _disagreed(taxonomy: Taxonomy, coded: Sequence[CodedUnit]) -> list[tuple[str, int]]:
    """Per rule, the coded units in which it gave evidence for a theme the tagger carried and the coder did not."""
    if not coded:
        return []
    got = predict(coded, taxonomy.thresholds)
    tally: Counter[str] = Counter()
    for unit, themes in zip(coded, got.themes, strict=True):
        for score in unit.ranked:
            if score.theme_id in themes and score.theme_id not in unit.gold:
                tally.update({_label(m.rule) for e in score.evidence for m in taxonomy.matcher.find(e)
                              if m.start == 0 and m.end == len(e) and m.rule.payload.theme_id == score.theme_id})
    return tally.most_common()


# Function words: a candidate rule neither starts nor ends with one (a list, not a statistic).
STOP_WORDS = frozenset({
    "a", "about", "above", "after", "again", "as", "of", "against", "all", "also", "am", "an", "and", "any",
    "are", "at", "be", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me",
    "might", "more", "most", "must", "my", "no", "nor", "not", "now", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "said", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your", "it's", "well", "one", "two",
    "three", "new", "year", "years", "per", "cent", "percent", "mr", "ms",
})


@dataclass(frozen=True, slots=True)
class Candidate:
    phrase: str
    count: int  # occurrences in the untagged sentences
    sentences: int  # untagged sentences holding it
    score: float  # log-likelihood ratio of the collocation (0 for single words)


def suggest(texts: Sequence[str], top: int = 30, min_count: int = 3) -> list[Candidate]:
    """Candidate phrase rules from ``texts`` (sentences no rule matched): about two thirds of ``top`` are the two-
    and three-word collocations that occur at least ``min_count`` times, by log-likelihood ratio, the rest the
    most frequent single words; none starting or ending with a function word or holding anything but letters."""
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )
    from nltk.probability import FreqDist
    from nltk.tokenize import wordpunct_tokenize

    documents = [[w.lower() for w in wordpunct_tokenize(t)] for t in texts]

    def unfit(*words: str) -> bool:
        return (words[0] in STOP_WORDS or words[-1] in STOP_WORDS
                or not all(w.isalpha() and len(w) > 1 for w in words))

    found: list[tuple[tuple[str, ...], float]] = []
    for finder, measure in ((BigramCollocationFinder.from_documents(documents), BigramAssocMeasures.likelihood_ratio),
                            (TrigramCollocationFinder.from_documents(documents),
                             TrigramAssocMeasures.likelihood_ratio)):
        finder.apply_freq_filter(min_count)
        finder.apply_ngram_filter(unfit)
        found += finder.score_ngrams(measure)
    found.sort(key=lambda item: -item[1])
    n_multi = top - top // 3
    words = FreqDist(w for d in documents for w in d if not unfit(w) and len(w) > 3)
    singles = [((w,), 0.0) for w, c in words.most_common(top) if c >= min_count]
    chosen = found[:n_multi] + singles[: top - min(n_multi, len(found))]
    candidates = []
    for phrase, score in chosen:
        holding = [d for d in documents if _occurrences(d, phrase)]
        candidates.append(Candidate(" ".join(phrase), sum(_occurrences(d, phrase) for d in holding), len(holding),
                                    float(score)))
    return candidates


def _occurrences(words: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    return sum(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))

