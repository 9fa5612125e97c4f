"""Gathering a run's report data from its Parquet files (only the columns the report shows) and writing
``report.html`` (see ``transforms/report.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flows.snapshots import read_table
from transforms.report import ArticleSummary, ReportData, pyplot, render_report

REPORT_FILE = "report.html"


def report_data(run_root: Path, manifest: dict[str, Any]) -> ReportData:
    """What the report shows, read from the run (a staged run or a published snapshot) and its manifest."""
    def read(table: str, columns: list[str], **kwargs: Any) -> Any:
        return read_table(run_root, table, columns, **kwargs)

    articles = read("articles", ["article_id", "title", "author", "n_words", "primary_theme", "parse_warnings"])
    tags = read("theme_tags", ["unit_id", "theme_id", "score"], filters=[("level", "=", "article")])
    scores: dict[str, dict[str, float]] = {}
    for unit, theme, score in zip(*(tags.column(c).to_pylist() for c in ("unit_id", "theme_id", "score")),
                                  strict=True):
        scores.setdefault(unit, {})[theme] = score
    themes = read("themes", ["theme_id", "label"])
    return ReportData(
        manifest=manifest,
        themes=list(zip(themes.column("theme_id").to_pylist(), themes.column("label").to_pylist(), strict=True)),
        articles=[ArticleSummary(a["article_id"], a["title"], a["author"], a["n_words"], a["primary_theme"],
                                 tuple(a["parse_warnings"])) for a in articles.to_pylist()],
        article_scores=scores,
        sentence_words=read("sentences", ["n_words"]).column("n_words").to_numpy(),
        rejected=read("rejected", ["path", "reason", "message"]).to_pylist(),
    )


def warm_up() -> None:
    """Import what rendering a report imports (matplotlib, ~1 s), ahead of the first report."""
    pyplot()


def write_report(run_root: Path, manifest: dict[str, Any], output: Path | None = None) -> Path:
    """Render the report of the run at ``run_root`` to ``output`` (default ``run_root/report.html``)."""
    path = output or run_root / REPORT_FILE
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render_report(report_data(run_root, manifest)), encoding="utf-8")
    tmp.replace(path)
    return path
