from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.io import read_taxonomy
from tests.transforms.helpers import articles
from transforms.errors import TaxonomyError
from transforms.phrases import PhraseMatcher
from transforms.themes import Taxonomy, codebook_ids, parse_taxonomy, score_text, tag_article

# The analysts' codebook (THEMES.md in the shared folder; the project keeps a copy beside the taxonomy file).
CODEBOOK_IDS = {
    "risk_prevention", "work_safety", "disaster_management", "emergency_response", "grassroots_capacity",
    "institutions_and_law", "science_and_technology", "social_participation", "party_leadership",
    "cadre_development", "work_style", "development_and_security",
}
_THEME = "[[theme]]\nid='a'\nlabel='A'\ndescription='d'\n"
ROOT = Path(__file__).resolve().parents[2]
SHARED_CODEBOOK = ROOT.parent / "shared" / "THEMES.md"


def test_taxonomy_has_the_codebook_ids(taxonomy: Taxonomy) -> None:
    assert set(taxonomy.theme_ids) == CODEBOOK_IDS
    assert all(t.label and t.description for t in taxonomy.themes)
    codebook = (ROOT / "taxonomy" / "emergency_management.md").read_text(encoding="utf-8")
    assert set(codebook_ids(codebook)) == CODEBOOK_IDS


@pytest.mark.skipif(not SHARED_CODEBOOK.exists(), reason="the shared codebook is not beside this checkout")
def test_the_codebook_is_the_shared_codebook() -> None:
    copy = (ROOT / "taxonomy" / "emergency_management.md").read_text(encoding="utf-8")
    assert copy == SHARED_CODEBOOK.read_text(encoding="utf-8")


def test_every_taxonomy_file_agrees_with_its_codebook() -> None:
    for path in sorted((ROOT / "taxonomy").glob("*.toml")):
        loaded = read_taxonomy(path)
        assert loaded.taxonomy.themes, path


def test_a_taxonomy_naming_a_missing_codebook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("[taxonomy]\nid='x'\ncodebook='none.md'\n" + _THEME + "phrases = {x = 1}\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"invalid: its codebook .*none.md cannot be read"):
        read_taxonomy(path)


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
        ("[taxonomy]\nid='x'\n[[theme]]\nid='a'\nlabel='A'\n", "line 3: theme 'a' is missing or has a bad field: "
         "description"),
        ("[taxonomy]\nid='x'\n" + _THEME + "[theme.phrases]\n'x' = 0\n",
         "line 8: theme 'a': phrase 'x' has weight 0; weights are positive"),
        ("[taxonomy]\nid='x'\n" + _THEME + "[theme.phrases]\n'x' = 1\n'y' = 'heavy'\n",
         "line 9: theme 'a': phrase 'y' has weight 'heavy'"),
        ("[taxonomy]\nid='x'\n" + _THEME + "[theme.phrases]\n'x' = 9\n", "line 8: theme 'a': phrase 'x' has weight 9"),
        ("[taxonomy]\nid='x'\n" + _THEME + "[theme.phrases]\n'*x' = 1\n", "line 8: bad phrase rule '*x'"),
        ("[taxonomy]\nid='x'\n" + _THEME + "phrase = {x = 1}\n", "line 7: theme 'a': unknown key 'phrase'"),
        ("[taxonomy]\nid='x'\nmixed_margin = 2\n" + _THEME + "phrases = {x = 1}\n",
         "line 3: [taxonomy] mixed_margin must be a number from 0 to 1"),
        ("[taxonomy]\nid='x'\nversoin='1'\n" + _THEME + "phrases = {x = 1}\n", "line 3: unknown key 'versoin' in "
         "[taxonomy]"),
        ("[taxonomy]\nid='x'\n" + _THEME + "phrases = {x = 1}\n" + _THEME.replace("'a'", "'b'") + "phrases = {}\n",
         "line 8: theme 'b' needs phrases"),
        ("[taxonomy]\nid='x'\n" + _THEME + "phrases = {x = 1}\n" + _THEME + "phrases = {y = 1}\n",
         "line 9: theme id 'a' appears twice"),
        ("[taxonomy]\nid='x'\n" + _THEME.replace("'a'", "'Big Theme'") + "phrases = {x = 1}\n",
         "line 4: theme id 'Big Theme' must be snake_case"),
    ],
)
def test_bad_taxonomies_say_what_is_wrong_and_where(source: str, message: str) -> None:
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        parse_taxonomy(source)


_CODEBOOK = "# Codebook\n\n| id | label | about |\n|---|---|---|\n| a | A | things |\n| b | B | more |\n"


def test_a_taxonomy_is_checked_against_its_codebook() -> None:
    one = "[taxonomy]\nid='x'\n" + _THEME + "phrases = {x = 1}\n"
    with pytest.raises(TaxonomyError, match=re.escape("the codebook's theme 'b' (its line 6) has no [[theme]]")):
        parse_taxonomy(one, codebook=_CODEBOOK)
    other = one + _THEME.replace("'a'", "'c'") + "phrases = {y = 1}\n"
    with pytest.raises(TaxonomyError, match=re.escape("line 9: theme id 'c' is not in the codebook")):
        parse_taxonomy(other, codebook=_CODEBOOK)
    both = one + _THEME.replace("'a'", "'b'") + "phrases = {y = 1}\n"
    assert parse_taxonomy(both, codebook=_CODEBOOK).theme_ids == ("a", "b")
