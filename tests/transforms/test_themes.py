from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.transforms.helpers import articles
from transforms.errors import TaxonomyError
from transforms.phrases import PhraseMatcher
from transforms.themes import Taxonomy, parse_taxonomy, score_text, tag_article

# The analysts' codebook (THEMES.md in the shared folder): every id must be in the taxonomy.
CODEBOOK_IDS = {
    "risk_prevention", "work_safety", "disaster_management", "emergency_response", "grassroots_capacity",
    "institutions_and_law", "science_and_technology", "social_participation", "party_leadership",
    "cadre_development", "work_style", "development_and_security",
}
SHARED_CODEBOOK = Path(__file__).resolve().parents[3] / "shared" / "THEMES.md"


def test_taxonomy_has_the_codebook_ids(taxonomy: Taxonomy) -> None:
    assert set(taxonomy.theme_ids) == CODEBOOK_IDS
    assert all(t.label and t.description for t in taxonomy.themes)


@pytest.mark.skipif(not SHARED_CODEBOOK.exists(), reason="the shared codebook is not beside this checkout")
def test_codebook_ids_match_the_shared_codebook() -> None:
    ids = set(re.findall(r"^\| ([a-z_]+) \|", SHARED_CODEBOOK.read_text(encoding="utf-8"), re.MULTILINE))
    assert ids - {"id"} == CODEBOOK_IDS


@pytest.mark.parametrize(
    ("phrase", "matches", "misses"),
    [
        ("prevent*", ["prevent", "Prevention", "preventive"], ["unpreventable"]),
        ("grass roots", ["grassroots", "grass-roots", "Grass roots"], ["grassy roots"]),
        ("hidden danger*", ["hidden dangers", "hidden-danger"], ["hidden"]),
        ("fire", ["fire", "Fire."], ["fireworks", "bonfire"]),
        ("safe production", ["Safe   production", "safe-production", "safeproduction"], ["safe and production"]),
    ],
)
def test_phrase_rules(phrase: str, matches: list[str], misses: list[str]) -> None:
    matcher = PhraseMatcher([(phrase, None)])
    assert all(matcher.find(m) for m in matches), [m for m in matches if not matcher.find(m)]
    assert not any(matcher.find(m) for m in misses)


def test_matches_report_their_span_and_rule() -> None:
    matcher = PhraseMatcher([("hidden danger*", "a"), ("danger", "b"), ("risk", "c")])
    found = [(m.start, m.end, m.rule.payload) for m in matcher.find("Hidden  dangers and a risk-free danger.")]
    assert found == [(0, 15, "a"), (22, 26, "c"), (32, 38, "b")]


def test_nested_matches_count_once(taxonomy: Taxonomy) -> None:
    (disaster,) = [s for s in score_text(taxonomy, "disaster prevention") if s.theme_id == "disaster_management"]
    assert disaster.evidence == ("disaster prevention",)


def test_exclusions_suppress_misleading_matches(taxonomy: Taxonomy) -> None:
    scored = {s.theme_id for s in score_text(taxonomy, "The whole emergency management system was praised.")}
    assert "emergency_response" not in scored
    assert "emergency_response" in {s.theme_id for s in score_text(taxonomy, "The rescue teams arrived.")}


def test_sentence_scores(taxonomy: Taxonomy) -> None:
    scores = score_text(taxonomy, "Hidden dangers must be investigated to prevent accidents in mines.")
    ids = [s.theme_id for s in scores]
    assert ids[0] == "risk_prevention"
    assert "work_safety" in ids
    assert all(0 < s.score < 1 for s in scores)
    assert scores == tuple(sorted(scores, key=lambda s: -s.score))
    assert "hidden dangers" in scores[0].evidence
    assert score_text(taxonomy, "The sun and the moon are moving.") == ()


def test_article_paragraph_and_sentence_scores(taxonomy: Taxonomy) -> None:
    (article,) = articles(
        "Prevent risks at the source\n"
        "The weather was fine.\n"
        "-- Rescue teams must be ready. Drills are held often.\n"
    )
    scores = tag_article(taxonomy, article)
    body, thesis = article.paragraphs
    assert scores[body.sentences[0].sentence_id] == ()
    assert scores[body.paragraph_id] == ()
    assert scores[thesis.paragraph_id][0].theme_id == "emergency_response"
    # the title weighs three sentences: it decides the article's primary theme here
    assert scores[article.article_id][0].theme_id == "risk_prevention"
    assert all(0 <= s.score <= 1 for v in scores.values() for s in v)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("not toml [", "not valid TOML"),
        ("[taxonomy]\nversion = '1'\n", "missing [taxonomy] id"),
        ("[taxonomy]\nid = 'x'\n", "defines no [[theme]]"),
        ("[taxonomy]\nid='x'\n[[theme]]\nid='a'\nlabel='A'\n", "missing or has a bad field"),
        ("[taxonomy]\nid='x'\n[[theme]]\nid='a'\nlabel='A'\ndescription='d'\n[theme.phrases]\n'x' = 0\n",
         "positive weights"),
        ("[taxonomy]\nid='x'\n[[theme]]\nid='a'\nlabel='A'\ndescription='d'\n[theme.phrases]\n'*x' = 1\n",
         "bad wildcard"),
    ],
)
def test_bad_taxonomies_say_what_is_wrong(source: str, message: str) -> None:
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        parse_taxonomy(source)
