from __future__ import annotations

import re

import pytest

from transforms.errors import TaxonomyError
from transforms.records import ThemeScore
from transforms.theme_eval import CodedUnit
from transforms.theme_tools import coverage, kwic, suggest
from transforms.themes import Taxonomy, parse_taxonomy

SOURCE = """[taxonomy]
id = "t"
set_share = 0.5
[[theme]]
id = "floods"
label = "Floods"
description = "Floods."
exclude = ["flood of complaints"]
phrases = {"flood*" = 1.0, "levee*" = 1.5, "grass roots" = 1.0}
[[theme]]
id = "law"
label = "Law"
description = "Law."
phrases = {"law*" = 1.0, "statute*" = 1.0}
"""


@pytest.fixture()
def small() -> Taxonomy:
    return parse_taxonomy(SOURCE)


def test_kwic_shows_each_rule_of_a_theme_in_context(small: Taxonomy) -> None:
    texts = ["The river flooded the town.", "A flood of complaints reached the council.", "No match here."]
    rows = kwic(small, "floods", texts, ["s1", "s2", "s3"], width=10)
    assert [(r.rule, r.exclusion, r.unit_id, r.match) for r in rows] == [
        ("flood*", False, "s1", "flooded"), ("flood of complaints", True, "s2", "flood of complaints"),
        ("flood*", False, "s2", "flood")]
    assert (rows[0].left, rows[0].right) == ("The river", "the town.")


def test_kwic_reads_a_query_that_is_no_theme_as_a_phrase_rule(small: Taxonomy) -> None:
    rows = kwic(small, "town*", ["The river flooded the town.", "Towns and townships."], ["s1", "s2"])
    assert [(r.unit_id, r.match) for r in rows] == [("s1", "town"), ("s2", "Towns"), ("s2", "townships")]
    with pytest.raises(TaxonomyError, match=re.escape("'*town' is neither a theme id of t nor a phrase rule")):
        kwic(small, "*town", ["x"], ["s1"])


def test_coverage_counts_units_rules_and_disagreements(small: Taxonomy) -> None:
    sentences = ["Floods hit.", "The levee held.", "Nothing.", "The law changed."]
    themes = [["floods"], ["floods"], [], ["law"]]
    coded = [CodedUnit("sentence", "a", frozenset({"law"}), "law",
                       (ThemeScore("law", 0.6, ("law",)), ThemeScore("floods", 0.5, ("floods", "levee"))), True)]
    c = coverage(small, sentences, themes, ["Floods and law"], ["floods"], [["floods", "law"]], coded)
    assert (c.sentences, c.sentences_untagged, c.articles, c.articles_untagged) == (4, 1, 1, 0)
    assert c.per_theme == {"floods": (1, 1, 2), "law": (0, 1, 1)}
    assert c.rule_matches["flood* (floods)"] == 2 and c.rule_matches["levee* (floods)"] == 1
    assert "statute* (law)" in c.never_matched and "grass roots (floods)" in c.never_matched
    assert c.never_matched.count("grass roots (floods)") == 1  # one phrase, however many spellings it has
    assert dict(c.disagreed) == {"flood* (floods)": 1, "levee* (floods)": 1}


def test_suggest_finds_the_collocations_of_untagged_text() -> None:
    texts = [f"The drainage pipes of district {k} were cleared before the storm season began." for k in range(6)]
    texts += ["Officials met again.", "The weather was mild.", "Pipes were old."]
    found = suggest(texts, top=9, min_count=3)
    phrases = [c.phrase for c in found]
    multi = [p for p in phrases if " " in p]
    assert {"drainage pipes", "storm season", "storm season began"} <= set(multi)
    assert phrases[len(multi)] == "pipes" and "officials" not in phrases  # then single words, most frequent first
    assert all(not p.startswith(("the ", "of ")) for p in phrases)
    pipes = next(c for c in found if c.phrase == "drainage pipes")
    assert (pipes.count, pipes.sentences) == (6, 6) and pipes.score > 0
