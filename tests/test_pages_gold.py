"""The hand-coded gold of real web pages (``tests/data/pages/``) holds together: each capture's coded lines are
its non-blank lines in order, each with one role of the table, and every title, credit and sentence coded is
text of the capture. The structural parser is scored against this gold; a gold that drifted from its capture
would score it against nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

PAGES = Path(__file__).parent / "data" / "pages"
ROLES = {"title", "series", "byline", "dateline", "heading", "body", "thesis_point", "credit", "signature", "date",
         "furniture"}
AUTHOR_ROLES = {"author", "signatory", "editor", "translator", "reporter"}
CREDIT_KINDS = {"source", "editor", "updated", "timestamp", "photo", "translator", "copyright", "date", "other"}
CAPTURES = sorted(PAGES.glob("*/*.json"))


def _load(path: Path) -> tuple[str, dict[str, Any]]:
    return path.with_suffix(".txt").read_text(encoding="utf-8"), json.loads(path.read_text(encoding="utf-8"))


def test_there_are_captures_from_several_publications() -> None:
    if not CAPTURES:
        pytest.skip("no captures yet")
    publications = {_load(p)[1]["source"]["publication"] for p in CAPTURES}
    assert len(publications) >= 6, publications


@pytest.mark.parametrize("path", CAPTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_captures_gold_matches_its_text(path: Path) -> None:
    text, gold = _load(path)
    source = gold["source"]
    assert source["url"].startswith("http") and source["publication"]
    lines = [line for line in text.split("\n") if line.strip()]
    assert [entry["text"] for entry in gold["lines"]] == lines
    articles = gold["articles"]
    for entry in gold["lines"]:
        assert entry["role"] in ROLES, entry
        assert entry["article"] is None or 0 <= entry["article"] < len(articles), entry
    flat = text.replace("\n", " ")
    for i, article in enumerate(articles):
        assert article["title"] in flat, article["title"]
        assert [e for e in gold["lines"] if e["article"] == i and e["role"] == "title"], f"article {i} has no title line"
        for field in ("series",):
            assert article[field] is None or article[field] in text
        for author in article["authors"]:
            assert author["role"] in AUTHOR_ROLES and author["as_written"] in text, author
        for credit in article["credits"]:
            assert credit["kind"] in CREDIT_KINDS and credit["text"] in text, credit
        at = 0
        for paragraph in article["paragraphs"]:
            assert paragraph["kind"] in {"body", "thesis_point"}
            assert paragraph.get("heading") is None or paragraph["heading"] in text
            haystack = flat if paragraph.get("wrapped") else text
            for sentence in paragraph["sentences"]:
                found = haystack.find(sentence, at)
                assert found >= 0, sentence
                at = found + len(sentence)
