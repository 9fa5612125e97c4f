"""The phrase matcher against a plain reference: every rule tried as its own regular expression at every word."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.phrases import PhraseMatcher, parse_rule
from transforms.themes import Taxonomy, score_texts

_VOCABULARY = ["risk", "risks", "grass", "roots", "grassroots", "safe", "safety", "production", "pre", "prevent",
               "prevention", "hidden", "danger", "dangers", "fire", "İstanbul", "emergency", "management"]
_SEPARATORS = [" ", "  ", "-", " - ", "\n", ". ", ", ", "", "'", "“", "\u3000", "中"]
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
