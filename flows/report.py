"""Writing ``report.html``: a run's (from the tally merged from its shards' summaries) or a
published snapshot's (from the few columns the report shows, read from its Parquet files). See
``transforms/report.py``. ``ChartCache`` keeps the last run's charts, so that a run whose charts show what the
last one's showed does not draw them again."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from flows.io import read_regular
from flows.snapshots import read_table
from transforms.records import Rejection
from transforms.report import (
    ARTICLE_COLUMNS,
    LINE_COLUMNS,
    SENTENCE_COLUMNS,
    TAG_COLUMNS,
    Charts,
    ReportData,
    ReportTally,
    render_report,
    theme_labels,
)
from transforms.themes import Taxonomy

REPORT_FILE = "report.html"


def report_data(run_root: Path, manifest: dict[str, Any]) -> ReportData:
    """What the report shows, read from a run (a staged run or a published snapshot) and its manifest."""
    def read(table: str, columns: list[str], **kwargs: Any) -> Any:
        return read_table(run_root, table, columns, **kwargs)

    tally = ReportTally().add(read("articles", ARTICLE_COLUMNS),
                              read("theme_tags", TAG_COLUMNS, filters=[("level", "=", "article")]),
                              read("sentences", SENTENCE_COLUMNS), read("lines", LINE_COLUMNS))
    themes = read("themes", ["theme_id", "label"])
    return ReportData(
        manifest=manifest,
        themes=list(zip(themes.column("theme_id").to_pylist(), themes.column("label").to_pylist(), strict=True)),
        tally=tally,
        rejected=read("rejected", ["path", "reason", "message"]).to_pylist(),
    )


def run_report_data(manifest: dict[str, Any], taxonomy: Taxonomy, tally: ReportTally,
                    rejected: Iterable[Rejection]) -> ReportData:
    """What the report of a run shows, from what the run has in memory: the same as ``report_data`` once the
    run is published (the themes and rejected tables are made from the same taxonomy and rejections)."""
    return ReportData(
        manifest=manifest,
        themes=theme_labels(taxonomy),
        tally=tally,
        rejected=[{"path": r.path, "reason": r.reason.value, "message": r.message}
                  for r in sorted(rejected, key=lambda r: r.path)],
    )


def write_report(run_root: Path, data: ReportData, charts: Charts | None = None, output: Path | None = None
                 ) -> Path:
    """Render ``data`` (with ``charts`` drawn already, if given) to ``output`` (default
    ``run_root/report.html``), atomically."""
    path = output or run_root / REPORT_FILE
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render_report(data, charts), encoding="utf-8")
    tmp.replace(path)
    return path


class ChartCache:
    """The charts of the last run, one SVG file each, named by key (``transforms.report.chart_keys``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get(self, keys: Mapping[str, str]) -> dict[str, str]:
        """The charts found, by name, of those ``keys`` name (a file that cannot be read is drawn again)."""
        found = {}
        for name, key in keys.items():
            try:
                found[name] = read_regular(self.root / f"{key}.svg").decode("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return found

    def keep(self, keys: Mapping[str, str], charts: Charts) -> None:
        """Store ``charts`` under their ``keys`` (each written whole, then renamed into place) and remove every
        other file: the cache holds one run's charts."""
        self.root.mkdir(parents=True, exist_ok=True)
        names = {f"{key}.svg" for key in keys.values()}
        for name, key in keys.items():
            path = self.root / f"{key}.svg"
            if not path.exists():
                tmp = self.root / f".{key}.svg.{os.getpid()}.tmp"
                tmp.write_text(getattr(charts, name), encoding="utf-8")
                tmp.replace(path)
        for stale in (p for p in self.root.iterdir() if p.name not in names):
            with contextlib.suppress(OSError):
                stale.unlink()
