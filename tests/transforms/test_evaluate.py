from __future__ import annotations

import textwrap

from tests.transforms.helpers import document
from transforms.evaluate import (
    PRF,
    Tally,
    against_targets,
    document_errors,
    score_document,
    sentence_boundary,
    sentence_boundary_prf,
)
from transforms.segment import segment_document, segment_lines

TEXT = (
    "First title\nBody one. Body two.\n-- A point. Its reason.\nWriter: Li Wei).\n"
    "Second title\nOnly body here.\n"
)
GOLD = {
    "path": "doc.txt",
    "articles": [
        {"title": "First title", "series": None, "author": "Li Wei", "primary_theme": "risk_prevention",
         "paragraphs": [{"kind": "body", "sentences": ["Body one.", "Body two."]},
                        {"kind": "thesis_point", "sentences": ["A point.", "Its reason."]}]},
        {"title": "Second title", "series": None, "author": None,
         "paragraphs": [{"kind": "body", "sentences": ["Only body here."]}]},
    ],
}


def test_a_perfect_prediction_scores_one() -> None:
    doc = document(TEXT)
    articles = segment_document(doc)
    themes = {articles[0].article_id: "risk_prevention"}
    metrics = score_document(doc.text, articles, themes, GOLD).metrics()
    assert metrics == {
        "article_f1": 1.0, "title_exact": 1.0, "author_exact": 1.0, "paragraph_kind_accuracy": 1.0,
        "sentence_precision": 1.0, "sentence_recall": 1.0, "sentence_f1": 1.0, "primary_theme_accuracy": 1.0,
        "paragraph_count_exact": 1.0, "credit_recall": None, "non_text_in_text": None, "line_role_accuracy": None,
    }


def test_errors_cost_what_they_should() -> None:
    # without the byline, and with a full stop after the second title, the second article is read as more of
    # the first: its boundary is missed, the first loses its author, the title becomes a sentence
    doc = document(TEXT.replace("Writer: Li Wei).\nSecond title\n", "Second title.\n"))
    articles = segment_document(doc)
    assert len(articles) == 1
    metrics = score_document(doc.text, articles, {}, GOLD).metrics()
    assert metrics["article_f1"] == PRF.from_counts(1, 1, 2).f1
    assert (metrics["title_exact"], metrics["author_exact"]) == (0.5, 0.0)
    assert metrics["paragraph_kind_accuracy"] == 1.0
    assert metrics["sentence_recall"] == 1.0 and metrics["sentence_precision"] == 5 / 6
    assert metrics["primary_theme_accuracy"] == 0.0  # coded for one article, predicted none


def test_an_article_whose_byline_stands_above_its_title_is_found_at_its_title() -> None:
    text = "By Li Wei\nFirst title\nBody one. Body two.\n"
    gold = {"path": "doc.txt", "articles": [
        {"title": "First title", "series": None, "author": "Li Wei",
         "paragraphs": [{"kind": "body", "sentences": ["Body one.", "Body two."]}]}]}
    doc = document(text)
    articles = segment_document(doc)
    assert text[articles[0].char_start :].startswith("By Li Wei")  # the article starts at its byline
    metrics = score_document(doc.text, articles, {}, gold).metrics()
    assert (metrics["article_f1"], metrics["title_exact"], metrics["author_exact"]) == (1.0, 1.0, 1.0)


def test_a_title_glued_inside_a_wrapped_gold_line_is_found_at_that_line() -> None:
    # the gold's line (a feed's footer and the next headline glued to it) is wrapped onto two lines of the text:
    # the headline starts on the second, inside the gold line that holds it
    first = "Hay River fire stalls 10 km short of the town"
    glued = ("The post Hay River fire stalls 10 km short of the town first appeared on Cabin Radio.Around 16 "
             "buildings left")
    body = ["A wildfire south of Hay River has been blown within 10 kilometres of the town but did not close any "
            "further on Wednesday.", "The senior administrator of Enterprise says around 80 percent of structures "
            "in the hamlet have been levelled by a wildfire."]
    text = "\n\n".join(textwrap.fill(line, 72) for line in (first, body[0], glued, body[1])) + "\n"
    assert "appeared on\nCabin Radio.Around 16" in text
    gold = {"path": "doc.txt", "lines": [
        {"text": first, "role": "title", "article": 0}, {"text": body[0], "role": "body", "article": 0},
        {"text": glued, "role": "title", "article": 1}, {"text": body[1], "role": "body", "article": 1}],
        "articles": [
            {"title": first, "series": None, "authors": [], "credits": [],
             "paragraphs": [{"kind": "body", "sentences": [body[0]]}]},
            {"title": "Around 16 buildings left", "series": None, "authors": [], "credits": [],
             "paragraphs": [{"kind": "body", "sentences": [body[1]]}]}]}
    doc = document(text)
    articles = segment_document(doc)
    assert [a.title for a in articles] == [first, "Around 16 buildings left"]
    metrics = score_document(doc.text, articles, {}, gold).metrics()
    assert (metrics["article_f1"], metrics["title_exact"]) == (1.0, 1.0)


def test_a_truncation_mark_counts_with_either_side_of_the_boundary() -> None:
    # a listing's teasers, cut off: the mark may be coded with the sentence or left out of it
    text = "Rain fell in recent…\nMore in the response to […]\nThe provinces of … Read more\nIt ended."
    gold = ["Rain fell in recent", "More in the response to", "The provinces of …", "It ended."]
    first, second, third, last = (0, 20), (21, 48), (49, 65), (78, 87)
    assert text[slice(*first)].endswith("…") and text[slice(*second)].endswith("[…]")
    assert sentence_boundary_prf(text, [first, second, third, last], gold).f1 == 1.0
    # but the boundary itself still counts: a teaser merged with the next is one boundary missed
    assert sentence_boundary_prf(text, [(0, 48), third, last], gold).recall == 0.75
    assert sentence_boundary(text, 20) == sentence_boundary(text, 19) == 19
    assert sentence_boundary("...", 3) == 3  # nothing but the mark: no boundary before it
    assert sentence_boundary("He paused. Then", 10) == 10


def test_tallies_add_up() -> None:
    a, b = Tally(article_hits=1, articles_predicted=1, articles_gold=2), Tally(article_hits=1, articles_gold=1)
    a.add(b)
    assert (a.article_hits, a.articles_predicted, a.articles_gold) == (2, 1, 3)
    assert a.metrics()["primary_theme_accuracy"] is None


def test_figures_against_targets_say_which_are_met() -> None:
    line = against_targets({"article_f1": 0.99, "non_text_in_text": 0.1, "sentence_f1": None},
                           {"article_f1": (">=", 0.98), "non_text_in_text": ("<=", 0.0), "sentence_f1": (">=", 0.99)})
    assert line == ("article_f1 >= 0.98: 0.990, met; non_text_in_text <= 0: 0.100, not met; "
                    "sentence_f1 >= 0.99: n/a, not met")


def _lines_gold(text: str, roles: list[tuple[str, int | None]], articles: list[dict[str, object]]) -> dict[str, object]:
    lines = [line for line in text.splitlines() if line.strip()]
    return {"path": "doc.txt", "articles": articles,
            "lines": [{"text": t, "role": r, "article": a} for t, (r, a) in zip(lines, roles, strict=True)]}


def test_document_errors_name_each_miss_with_its_line_and_roles() -> None:
    # a source line closing the first article (gold: its credit) read as the next title, and the second
    # article's real title read as its series: one article missed, one extra, the first loses a paragraph count
    text = ("Floods hit the coast\nRain fell for days. Rivers rose.\nPhoto: Li Wei\nNew plan for dams\n"
            "The ministry spoke. It had a plan.\n")
    gold = _lines_gold(text, [("title", 0), ("body", 0), ("credit", 0), ("title", 1), ("body", 1)], [
        {"title": "Floods hit the coast", "series": None, "authors": [], "credits": ["Photo: Li Wei"],
         "paragraphs": [{"kind": "body", "sentences": ["Rain fell for days.", "Rivers rose."]}]},
        {"title": "New plan for dams", "series": None, "authors": ["Zhang Nan"], "credits": [],
         "paragraphs": [{"kind": "body", "sentences": ["The ministry spoke.", "It had a plan."]}]}])
    doc = document(text)
    articles, lines = segment_lines(doc)
    roles = [(line.char_start, line.char_end, line.role) for line in lines]
    assert [a.title for a in articles] == ["Floods hit the coast", "New plan for dams"]
    assert document_errors(doc.text, articles, gold, roles) == [
        "article at line 3: author None, gold ['Zhang Nan']"]
    # the same prediction against a gold whose second article starts one line later, at the body
    moved = _lines_gold(text, [("title", 0), ("body", 0), ("credit", 0), ("furniture", None), ("title", 1)], [
        gold["articles"][0], {**gold["articles"][1], "title": "The ministry spoke. It had a plan."}])  # type: ignore[index]
    errors = document_errors(doc.text, articles, moved, roles)
    assert errors == [
        "missed article: line 4 (title, read as body) 'The ministry spoke. It had a plan.'",
        "extra article: line 3 (furniture, read as title) 'New plan for dams'",
    ]


def test_document_errors_list_paragraphs_titles_and_non_text_in_the_text() -> None:
    text = "Floods hit the coast\nRain fell for days.\nOur reporters were there too.\nRivers rose.\n"
    gold = _lines_gold(text, [("title", 0), ("body", 0), ("furniture", None), ("body", 0)], [
        {"title": "Floods hit the coasts", "series": None, "authors": [], "credits": [],
         "paragraphs": [{"kind": "body", "sentences": ["Rain fell for days."]},
                        {"kind": "body", "sentences": ["Rivers rose."]}]}])
    doc = document(text)
    articles, lines = segment_lines(doc)
    roles = [(line.char_start, line.char_end, line.role) for line in lines]
    assert len(articles[0].paragraphs) == 3  # the line the gold calls furniture is read as a paragraph
    assert document_errors(doc.text, articles, gold, roles) == [
        "article at line 0: title 'Floods hit the coast', gold 'Floods hit the coasts'",
        "article at line 0: paragraph not in the gold 'Our reporters were there too.'",
        "non-text in a paragraph: line 2 (furniture, read as body) 'Our reporters were there too.'",
    ]
