"""The theme gold sets (``tests/data/themes/``) hold together: each set names a taxonomy of ``taxonomy/`` and a
split, each raw file is its article in the plain layout (title, then one paragraph a line) exactly as coded, and
every unit codes themes of that taxonomy's codebook with its primary theme among them. The tagger is scored
against this gold; a gold that drifted from its text would score it against nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from flows.io import read_taxonomy

ROOT = Path(__file__).resolve().parents[1]
THEMES = ROOT / "tests" / "data" / "themes"
SETS = sorted(p for p in THEMES.iterdir() if (p / "gold.json").is_file())
TAXONOMIES = {t.taxonomy_id: t for t in (read_taxonomy(p).taxonomy for p in sorted((ROOT / "taxonomy").glob("*.toml")))}
GENRES = {"news", "commentary", "editorial", "speech", "statement", "press release", "feature", "interview"}


def _gold(folder: Path) -> dict[str, Any]:
    return dict(json.loads((folder / "gold.json").read_text(encoding="utf-8")))


def _units(article: dict[str, Any]) -> list[dict[str, Any]]:
    return [article, *article["paragraphs"], *(s for p in article["paragraphs"] for s in p.get("sentences", ()))]


def test_the_sets_hold_enough_real_text_of_several_publishers() -> None:
    em = [_gold(s) for s in SETS if _gold(s)["taxonomy"] == "emergency-management"]
    articles = [a for g in em for d in g["documents"] for a in d["articles"]]
    assert len(articles) >= 40
    assert len({d["source"]["publication"] for g in em for d in g["documents"]}) >= 10
    assert {g["split"] for g in em} == {"tuning", "held_apart"}
    other = [_gold(s) for s in SETS if _gold(s)["taxonomy"] != "emergency-management"]
    assert {g["split"] for g in other} == {"tuning", "held_apart"}


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_a_sets_gold_matches_its_text_and_codebook(folder: Path) -> None:
    gold = _gold(folder)
    assert gold["split"] in {"tuning", "held_apart"}
    taxonomy = TAXONOMIES[gold["taxonomy"]]
    paths = sorted(p.name for p in (folder / "raw").iterdir())
    assert sorted(d["path"] for d in gold["documents"]) == paths
    for document in gold["documents"]:
        source = document["source"]
        assert source["url"].startswith("http") and source["publication"] and source["genre"] in GENRES
        assert source["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["published"])
        text = (folder / "raw" / document["path"]).read_text(encoding="utf-8")
        lines = [line for line in text.split("\n") if line.strip()]
        (article,) = document["articles"]  # one article a file
        assert lines == [article["title"], *(p["text"] for p in article["paragraphs"])], document["path"]
        for unit in _units(article):
            assert set(unit["themes"]) <= set(taxonomy.theme_ids), (document["path"], unit["themes"])
            primary = unit.get("primary_theme", unit["themes"][0] if len(unit["themes"]) == 1 else None)
            if "primary_theme" in unit or len(unit["themes"]) < 2:
                assert (primary is None) == (not unit["themes"]) and (primary is None or primary in unit["themes"])
        for paragraph in article["paragraphs"]:
            if "sentences" in paragraph:
                joined = " ".join(s["text"] for s in paragraph["sentences"])
                assert joined.split() == paragraph["text"].split(), (document["path"], paragraph["text"][:40])


def test_no_article_is_in_two_sets() -> None:
    """A tuning article that is also held apart would spoil the measurement of the held-apart sets."""
    seen: dict[str, str] = {}
    for folder in SETS:
        for document in _gold(folder)["documents"]:
            for key in (document["source"]["url"].rstrip("/").lower(), document["articles"][0]["title"].lower()):
                assert key not in seen or seen[key] == folder.name, (key, seen.get(key), folder.name)
                seen[key] = folder.name
