"""The chart cache (``flows.report.ChartCache``) and the task that draws the report's charts through it: a chart
is drawn again only when what it shows changed, and the cache holds the last run's charts only."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from flows import tasks
from flows.catalog import Catalog
from flows.report import ChartCache
from tests.transforms.test_tables import build
from transforms import report
from transforms.report import Charts, ReportTally, draw_charts, theme_labels
from transforms.themes import Taxonomy


def _tally(taxonomy: Taxonomy) -> ReportTally:
    tables = build(taxonomy)
    return ReportTally().add(tables["articles"], tables["theme_tags"], tables["sentences"], tables["lines"])


def test_the_cache_keeps_one_runs_charts_and_skips_what_it_cannot_read(tmp_path: Path) -> None:
    cache = ChartCache(tmp_path / "charts")
    charts = Charts("<svg>h</svg>", "<svg>a</svg>", "<svg>l</svg>")
    keys = {"heatmap": "k1", "authors": "k2", "lengths": "k3"}
    assert cache.get(keys) == {}
    cache.keep(keys, charts)
    assert cache.get(keys) == charts._asdict()
    cache.keep({**keys, "lengths": "k4"}, Charts(*charts[:2], "<svg>l2</svg>"))
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == ["k1.svg", "k2.svg", "k4.svg"]
    (tmp_path / "charts" / "k1.svg").write_bytes(b"\xff not text")
    (tmp_path / "charts" / "k2.svg").unlink()
    (tmp_path / "charts" / "k2.svg").mkdir()
    assert cache.get(keys | {"lengths": "k4"}) == {"lengths": "<svg>l2</svg>"}


def test_charts_are_drawn_again_only_where_what_they_show_changed(
        taxonomy: Taxonomy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = Catalog(raw_dir=tmp_path / "raw", out_dir=tmp_path / "out")
    tally = _tally(taxonomy)
    first = tasks.draw_report_charts.fn(catalog, taxonomy, tally, "v1")
    assert first == draw_charts(theme_labels(taxonomy), tally)
    assert len(list(catalog.charts.iterdir())) == 3
    drawn: list[str] = []
    for name in ("_heatmap", "_authors_chart", "_lengths_chart"):
        original = getattr(report, name)
        monkeypatch.setattr(report, name, lambda *a, _n=name, _f=original: drawn.append(_n) or _f(*a))
    assert tasks.draw_report_charts.fn(catalog, taxonomy, tally, "v1") == first
    assert drawn == []
    longer = dataclasses.replace(tally, sentence_words=tally.sentence_words + Counter({99: 1}))
    again = tasks.draw_report_charts.fn(catalog, taxonomy, longer, "v1")
    assert drawn == ["_lengths_chart"] and again[:2] == first[:2] and again.lengths != first.lengths
    tasks.draw_report_charts.fn(catalog, taxonomy, longer, "v2")  # another code version draws them all
    assert drawn == ["_lengths_chart", "_heatmap", "_authors_chart", "_lengths_chart"]
    assert len(list(catalog.charts.iterdir())) == 3
