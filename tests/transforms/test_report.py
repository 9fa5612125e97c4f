"""The report's tally and charts (``transforms.report``): a tally gathered a part at a time is the tally of the
whole, and the charts drawn from value counts are those of the values."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CORPORA
from transforms.batches import process_batch
from transforms.records import RawFile
from transforms.report import (
    MAX_HEATMAP_ARTICLES,
    Charts,
    ReportTally,
    _figure_of,
    _histogram,
    chart_keys,
    draw_charts,
    theme_labels,
)
from transforms.tables import concat_document_tables
from transforms.themes import Taxonomy


@pytest.fixture(scope="module")
def parts(taxonomy: Taxonomy) -> list[dict[str, pa.Table]]:
    """Every test corpus's files, copied under eight folders: more articles than the heatmap shows, with
    parse warnings, some without bylines; one part per document, in path order."""
    files = [RawFile(f"{copy}/{corpus.name}/{p.name}", p.read_bytes()) for copy in range(8) for corpus in CORPORA
             for p in sorted((corpus / "raw").rglob("*")) if p.is_file()]
    result = process_batch(files, taxonomy)
    return [result.tables[path] for path in sorted(result.tables)]


def tally_of(parts: list[dict[str, pa.Table]]) -> ReportTally:
    tables = concat_document_tables(parts)
    return ReportTally().add(tables["articles"], tables["theme_tags"], tables["sentences"], tables["lines"])


def test_a_tally_added_a_part_at_a_time_is_the_tally_of_the_whole(parts: list[dict[str, pa.Table]]) -> None:
    whole = tally_of(parts)
    assert whole.n_articles > MAX_HEATMAP_ARTICLES and len(whole.heatmap) == MAX_HEATMAP_ARTICLES
    assert whole.n_flagged > 0 and whole.warnings and len(whole.authors) > 1
    assert sum(whole.sentence_words.values()) == sum(p["sentences"].num_rows for p in parts)
    assert sum(whole.roles.values()) == sum(p["lines"].num_rows for p in parts) and whole.roles["title"] > 0
    for size in (1, 3, 7):
        tally = ReportTally()
        for k in range(0, len(parts), size):
            group = concat_document_tables(parts[k : k + size])
            tally.add(group["articles"], group["theme_tags"], group["sentences"], group["lines"])
        assert tally == whole, size


def test_the_heatmap_shows_the_first_articles_with_their_article_level_scores(
    parts: list[dict[str, pa.Table]], taxonomy: Taxonomy
) -> None:
    tables = concat_document_tables(parts)
    tally = tally_of(parts)
    first = tables["articles"].slice(0, MAX_HEATMAP_ARTICLES).to_pylist()
    assert tally.heatmap == [(a["article_id"], a["title"]) for a in first]
    tags = [t for t in tables["theme_tags"].to_pylist() if t["level"] == "article"]
    shown = {a["article_id"] for a in first}
    expected: dict[str, dict[str, float]] = {}
    for t in tags:
        if t["unit_id"] in shown:
            expected.setdefault(t["unit_id"], {})[t["theme_id"]] = t["score"]
    assert tally.scores == expected
    charts = draw_charts(theme_labels(taxonomy), tally)
    assert all(svg.startswith("<svg") for svg in charts)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=400), max_size=300), st.sampled_from([1, 30, 40]))
def test_a_histogram_of_counted_values_draws_the_bars_of_the_values(values: list[int], bins: int) -> None:
    ours, theirs = _figure_of(4, 3).subplots(), _figure_of(4, 3).subplots()
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    _histogram(ours, counts, bins=bins, color="#000000")
    theirs.hist(np.asarray(values, dtype=np.float64), bins=bins, color="#000000")
    bars = [[(p.get_x(), p.get_width(), p.get_height()) for p in ax.patches] for ax in (ours, theirs)]
    assert bars[0] == bars[1]


def test_a_chart_key_changes_with_what_the_chart_shows_and_only_with_that(parts: list[dict[str, pa.Table]],
                                                                          taxonomy: Taxonomy) -> None:
    themes = theme_labels(taxonomy)
    tally = tally_of(parts)
    keys = chart_keys(themes, tally, drawing="v1")
    assert set(keys) == set(Charts._fields) and len(set(keys.values())) == len(keys)
    assert chart_keys(themes, tally_of(parts), drawing="v1") == keys  # the same inputs, the same keys
    assert set(chart_keys(themes, tally, drawing="v2").values()).isdisjoint(keys.values())
    longer = dataclasses.replace(tally, sentence_words=tally.sentence_words + Counter({7: 1}))
    assert {n for n, k in chart_keys(themes, longer, drawing="v1").items() if k != keys[n]} == {"lengths"}
    later = dataclasses.replace(tally, n_articles=tally.n_articles + 1)  # an article past the heatmap's
    assert chart_keys(themes, later, drawing="v1") == keys
    scored = dataclasses.replace(tally, scores={**tally.scores, tally.heatmap[0][0]: {themes[0][0]: 0.5}})
    assert {n for n, k in chart_keys(themes, scored, drawing="v1").items() if k != keys[n]} == {"heatmap"}
    moved = dataclasses.replace(tally, author_themes=tally.author_themes + Counter({(next(iter(tally.authors)),
                                                                                       None): 1}))
    assert {n for n, k in chart_keys(themes, moved, drawing="v1").items() if k != keys[n]} == {"authors"}
    relabelled = [(themes[0][0], "Another label"), *themes[1:]]
    assert {n for n, k in chart_keys(relabelled, tally, drawing="v1").items() if k != keys[n]} == {
        "heatmap", "authors"}


def test_charts_drawn_before_are_taken_as_they_are(parts: list[dict[str, pa.Table]], taxonomy: Taxonomy) -> None:
    themes, tally = theme_labels(taxonomy), tally_of(parts)
    fresh = draw_charts(themes, tally)
    assert draw_charts(themes, tally, {"heatmap": fresh.heatmap}) == fresh  # the same bytes, drawn or not
    assert draw_charts(themes, tally, {"authors": "<svg>kept</svg>"}).authors == "<svg>kept</svg>"
