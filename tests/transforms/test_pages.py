from __future__ import annotations

import json

import pytest

from tests.conftest import DATA
from transforms.evaluate import locate
from transforms.pages import LAYOUTS, WRAP_WIDTH, gold_document, lay_out

CAPTURE = sorted((DATA / "pages").glob("*/*.json"))[0]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_keeps_every_line_in_order(layout: str) -> None:
    gold = json.loads(CAPTURE.read_text(encoding="utf-8"))
    text = lay_out(CAPTURE.with_suffix(".txt").read_text(encoding="utf-8"), gold, layout)
    spans = locate(text, [entry["text"] for entry in gold["lines"]])  # raises if a line is lost or out of order
    assert len(spans) == len(gold["lines"])
    lines = text.split("\n")
    if layout == "one_per_line":
        assert "" not in lines[:-1]
    if layout == "wrapped":
        assert all(len(line) <= WRAP_WIDTH or " " not in line for line in lines)
    if layout == "markdown":
        titles = [e["text"].strip() for e in gold["lines"] if e["role"] == "title"]
        assert [line[2:] for line in lines if line.startswith("# ")] == titles


def test_an_unknown_layout_is_refused() -> None:
    gold = json.loads(CAPTURE.read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="unknown layout"):
        lay_out("", gold, "sideways")


def test_the_gold_document_names_only_those_who_wrote_or_signed() -> None:
    gold = {"articles": [{"title": "T", "series": None, "date": None, "paragraphs": [],
                          "authors": [{"name": "A", "as_written": "By A", "role": "author"},
                                      {"name": "E", "as_written": "Editor: E", "role": "editor"},
                                      {"name": "S", "as_written": "S", "role": "signatory"}],
                          "credits": [{"kind": "editor", "text": "Editor: E"}]}],
            "lines": [{"text": "T", "role": "title", "article": 0}]}
    coded = gold_document("x.txt", gold)
    assert coded["articles"][0]["authors"] == ["A", "S"] and coded["articles"][0]["credits"] == ["Editor: E"]
