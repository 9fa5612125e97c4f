"""The phrase matcher and the tagger against plain references: every rule tried as its own regular expression at
every word; scores counted text by text in plain Python; paragraph and article scores as plain weighted means."""

from __future__ import annotations

import math
import pickle
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transforms.helpers import articles
from transforms.phrases import _SPACES_BUT_SPACE, PhraseMatcher, parse_rule
from transforms.records import ParagraphKind, Theme, ThemeScore, UnitScores
from transforms.themes import HEADING_WEIGHT, TITLE_WEIGHT, Cue, Taxonomy, score_texts, tag_articles

_VOCABULARY = ["risk", "risks", "grass", "roots", "grassroots", "safe", "safety", "production", "pre", "prevent",
               "prevention", "hidden", "danger", "dangers", "fire", "İstanbul", "emergency", "management",
               "riskéd", "safe中",  # a wildcard's word goes on in a letter of two or three bytes
               "ΟΔΟΣ"]  # a capital sigma lower-cases by what follows it
_SEPARATORS = [" ", "  ", "-", " - ", "\n", ". ", ", ", "", "'", "“", "\u3000", "\xa0", "中"]
_RULE_WORDS = ["risk", "risk*", "grass", "roots", "safe*", "production", "pre", "prevent*", "prevention", "hidden",
               "danger*", "fire", "emergency", "management", "manage*"]


def reference(rules: list[str], text: str) -> list[tuple[int, int, str]]:
    """Each rule (and its one-word spelling) as one case-insensitive regular expression, tried at each word."""
    gap = r"(?:\s+|\s*-\s*)"
    out = []
    for rule in rules:
        words = parse_rule(rule)
        spellings = [[(w.stem, w.wildcard) for w in words]]
        if len(words) > 1 and not any(w.wildcard for w in words[:-1]):
            spellings.append([("".join(w.stem for w in words), words[-1].wildcard)])
        for spelling in spellings:
            rx = re.compile(r"\b" + gap.join(re.escape(s) + (r"\w*\b" if wild else r"\b") for s, wild in spelling),
                            re.IGNORECASE)
            for start in (m.start() for m in re.finditer(r"\b\w", text)):
                m = rx.match(text, start)
                if m:
                    out.append((m.start(), m.end(), rule))
    return sorted(out)


texts = st.lists(st.tuples(st.sampled_from(_VOCABULARY), st.sampled_from(_SEPARATORS)), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)
# ASCII only (the matcher reads an ASCII batch by byte tables), with every kind of white space it must notice.
_ASCII_SEPARATORS = [" ", "  ", "-", " - ", " -", "- ", "--", "\n", "\t", "\r", "\x0b", "\x1f", ". ", ", ", "", "'"]
ascii_texts = st.lists(
    st.tuples(st.sampled_from(["grass", "roots"]), st.sampled_from(_ASCII_SEPARATORS)),
    min_size=1, max_size=4,  # short, so that one odd gap is not hidden behind another (its text goes to find)
).map(lambda parts: "".join(w + s for w, s in parts[:-1]) + parts[-1][0])
rule_sets = st.lists(
    st.lists(st.sampled_from(_RULE_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6, unique=True
)


@settings(max_examples=300, deadline=None)
@given(rule_sets, texts)
def test_matches_are_those_of_each_rule_tried_alone(rules: list[str], text: str) -> None:
    matcher = PhraseMatcher([(r, r) for r in rules])
    found = sorted({(m.start, m.end, m.rule.payload) for m in matcher.find(text)})
    assert found == sorted(set(reference(rules, text)))
    # and once more, now that every key is remembered
    assert sorted({(m.start, m.end, m.rule.payload) for m in matcher.find(text)}) == found


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, max_size=6))
def test_texts_scored_together_score_as_each_alone(taxonomy: Taxonomy, batch: list[str]) -> None:
    # No rule reaches across from one text to the next ("grass" | "roots" is not "grass roots").
    assert score_texts(taxonomy, batch) == [score_texts(taxonomy, [t])[0] for t in batch]


@settings(max_examples=300, deadline=None)
@given(rule_sets, st.lists(texts, max_size=6))
def test_texts_matched_together_match_as_each_alone(rules: list[str], batch: list[str]) -> None:
    # find_all scans literal spellings over all texts at once (and sends texts with unusual white space or
    # characters that grow when lower-cased through find): the same matches as find, text by text.
    _assert_find_all_is_find(rules, batch)


@settings(max_examples=400, deadline=None)
@given(st.lists(ascii_texts, max_size=6))
def test_ascii_texts_matched_together_match_as_each_alone(batch: list[str]) -> None:
    # An ASCII batch is read by byte tables: each kind of white space that the literal spellings do not cover
    # must still send its text through find.
    _assert_find_all_is_find(["grass roots", "roots grass*", "gras* roots", "roots"], batch)


def _assert_find_all_is_find(rules: list[str], batch: list[str]) -> None:
    matcher = PhraseMatcher([(r, r) for r in rules])
    index = {id(rule): k for k, rule in enumerate(matcher.rules)}
    found = matcher.find_all(batch)
    rows = list(zip(found.text.tolist(), found.start.tolist(), found.end.tolist(), found.rule.tolist(), strict=True))
    expected = [(i, m.start, m.end, index[id(m.rule)]) for i, t in enumerate(batch) for m in matcher.find(t)]
    assert rows == sorted(expected, key=lambda r: (r[0], r[1], -r[2], r[3]))


def reference_scores(taxonomy: Taxonomy, text: str) -> tuple[ThemeScore, ...]:
    """score_text as documented, text by text: per theme, matches by start (longest first); an exclusion
    suppresses the matches inside it; a match that starts inside a counted one does not count."""
    matches = sorted(taxonomy.matcher.find(text), key=lambda m: (m.start, -m.end))  # ties: in the rules' order
    exclusions = [(m.start, m.end, m.rule.payload.theme_id) for m in matches if m.rule.payload.weight == 0]
    weight: dict[str, float] = {}
    reached: dict[str, int] = {}
    evidence: dict[str, dict[str, None]] = {}
    for m in matches:
        theme, w = m.rule.payload
        if w == 0 or m.start < reached.get(theme, -1):
            continue
        if any(s <= m.start and m.end <= e and t == theme for s, e, t in exclusions):
            continue
        weight[theme] = weight[theme] + w if theme in weight else w
        reached[theme] = m.end
        source = text.lower() if len(text.lower()) == len(text) else text
        evidence.setdefault(theme, {})[" ".join(source[m.start : m.end].lower().split())] = None
    scores = [ThemeScore(t, 1.0 - math.exp(-w), tuple(evidence[t])) for t, w in weight.items()]
    return tuple(sorted(scores, key=lambda s: (-s.score, taxonomy.rank[s.theme_id])))


cued_rules = st.lists(
    st.tuples(
        st.lists(st.sampled_from(_RULE_WORDS), min_size=1, max_size=3).map(" ".join),
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from([0.0, 0.5, 1.0, 1.5]),  # 0: an exclusion
    ),
    min_size=1, max_size=8, unique_by=lambda r: (r[0], r[1]),
)


def small_taxonomy(rules: list[tuple[str, str, float]]) -> Taxonomy:
    themes = tuple(Theme(t, t, t) for t in ("a", "b", "c"))
    return Taxonomy("test", "1", themes, PhraseMatcher((phrase, Cue(t, w)) for phrase, t, w in rules))


@settings(max_examples=300, deadline=None)
@given(cued_rules, st.lists(texts, max_size=6))
def test_scores_are_those_counted_text_by_text(rules: list[tuple[str, str, float]], batch: list[str]) -> None:
    taxonomy = small_taxonomy(rules)
    assert score_texts(taxonomy, batch) == [reference_scores(taxonomy, t) for t in batch]


def reference_mean(
    taxonomy: Taxonomy, parts: list[tuple[tuple[ThemeScore, ...], float]]
) -> tuple[ThemeScore, ...]:
    total = sum(w for _, w in parts)
    sums: dict[str, float] = {}
    evidence: dict[str, dict[str, None]] = {}
    for scores, w in parts:
        for s in scores:
            sums[s.theme_id] = sums[s.theme_id] + s.score * w if s.theme_id in sums else s.score * w
            evidence.setdefault(s.theme_id, {}).update(dict.fromkeys(s.evidence))
    means = [ThemeScore(t, min(1.0, v / total), tuple(evidence[t])) for t, v in sums.items() if v > 0]
    return tuple(sorted(means, key=lambda s: (-s.score, taxonomy.rank[s.theme_id])))


lines = st.lists(texts.map(lambda t: " ".join(t.split())).filter(bool), min_size=1, max_size=4).map(". ".join)
documents = st.lists(
    st.tuples(st.sampled_from(["Risk", "Safety first", "Grass roots"]), st.lists(
        st.tuples(st.sampled_from(["", "-- "]), lines), min_size=1, max_size=4)),
    min_size=1, max_size=3,
).map(lambda arts: "\n\n".join(
    f"{title} {k}\n" + "\n".join(f"{dash}{line}." for dash, line in paragraphs) + "\nWriter: Zhang Nan)."
    for k, (title, paragraphs) in enumerate(arts)))


@settings(max_examples=100, deadline=None)
@given(cued_rules, st.lists(documents, min_size=1, max_size=3))
def test_paragraph_and_article_scores_are_weighted_means(rules: list[tuple[str, str, float]],
                                                          docs: list[str]) -> None:
    taxonomy = small_taxonomy(rules)
    arts = [a for k, d in enumerate(docs) for a in articles(d, f"doc{k}.txt")]
    scores = tag_articles(taxonomy, arts)  # the articles of several documents, tagged together
    assert isinstance(scores, UnitScores)
    order = []
    for a in arts:
        order.append(a.article_id)
        parts = [(reference_scores(taxonomy, a.title), TITLE_WEIGHT)]
        for p in a.paragraphs:
            order.append(p.paragraph_id)
            sentence_scores = [reference_scores(taxonomy, s.text) for s in p.sentences]
            order += [s.sentence_id for s in p.sentences]
            for s, sc in zip(p.sentences, sentence_scores, strict=True):
                assert scores[s.sentence_id] == sc
                heading = p.kind is ParagraphKind.THESIS_POINT and s.ordinal == 0
                parts.append((sc, HEADING_WEIGHT if heading else 1.0))
            assert scores[p.paragraph_id] == reference_mean(taxonomy, [(sc, 1.0) for sc in sentence_scores])
        assert scores[a.article_id] == reference_mean(taxonomy, parts)
    assert list(scores) == order  # reading order: an article, then each paragraph and its sentences
    assert UnitScores.from_mapping(order, scores) == scores


def test_a_match_inside_a_dropped_one_but_after_the_counted_one_counts() -> None:
    # "risk grass" counts; "grass roots" starts inside it and does not; "roots" starts after "risk grass" ends, so
    # it counts, although it lies inside the dropped "grass roots" (the arrays path must not compare with that).
    taxonomy = small_taxonomy([("risk grass", "a", 1.0), ("grass roots", "a", 1.0), ("roots", "a", 1.0)])
    (score,) = score_texts(taxonomy, ["risk grass roots"])[0]
    assert score == ThemeScore("a", 1.0 - math.exp(-2.0), ("risk grass", "roots"))
    assert score_texts(taxonomy, ["risk grass roots"]) == [reference_scores(taxonomy, "risk grass roots")]


def test_a_used_matcher_pickles_and_matches_the_same() -> None:
    # The automaton is native and cannot be pickled; a taxonomy goes to Dask workers and to local worker processes
    # by pickle after use. Texts with odd white space go through ``find``, whose matches are indexed by rule.
    matcher = PhraseMatcher([(r, r) for r in ["grass roots", "risk*"]])
    texts = ["Grass-roots risks", "no match", "risk grass roots", "grass  roots\trisky"]
    before = matcher.find_all(texts)
    back = pickle.loads(pickle.dumps(matcher)).find_all(texts)
    assert [c.tolist() for c in (back.text, back.start, back.end, back.rule)] == \
        [c.tolist() for c in (before.text, before.start, before.end, before.rule)]
    assert len(before.rule) == 6


def test_the_odd_gaps_cover_every_kind_of_white_space_but_the_space() -> None:
    # A text holding any of them goes through find (the literal spellings have single spaces between words).
    assert sorted(_SPACES_BUT_SPACE) == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and c != 32]


def test_an_odd_gap_after_wide_characters_sends_its_own_text_through_find() -> None:
    # The automaton reports bytes; the text that holds an odd gap is found by characters.
    _assert_find_all_is_find(["grass roots"], ["中“é" * 10, "grass  roots", "roots", "grass"])


def test_a_wildcard_runs_to_the_end_of_a_long_word() -> None:
    # Word ends are looked for in windows that double in width: a word of thousands of letters, ASCII or not.
    _assert_find_all_is_find(["prevent*", "risk"], ["a prevent" + "a" * 5000 + " risk", "preventé" * 700 + " risk"])
