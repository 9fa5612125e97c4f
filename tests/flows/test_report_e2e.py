"""The run's report, rendered for real in headless Chromium: its charts are drawn and it asks the network for
nothing. ``.ci/run`` installs Debian's chromium and sets CORPUS_PIPELINE_REQUIRE_BROWSER=1, so CI always runs
this test; elsewhere it is skipped when no chromium is installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.cli import main
from flows.pipeline import corpus_pipeline
from flows.report import REPORT_FILE
from flows.settings import RunSettings
from tests.conftest import WIRE
from tests.flows.browser import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

CHARTS = ("chart-heatmap", "chart-authors", "chart-lengths")
FIGURES = """JSON.stringify(Array.from(document.querySelectorAll('figure.chart')).map(f => {
  const svg = f.querySelector('svg'); const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const style = getComputedStyle(f);
  return {id: f.id, width: box.width, height: box.height, visible: style.display !== 'none' &&
          style.visibility !== 'hidden', marks: svg ? svg.querySelectorAll('path, rect, use, text').length : 0};
}))"""


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "out"
    corpus_pipeline(RunSettings(raw_dir=WIRE / "raw", out_dir=out))
    return out / "latest"


def test_the_report_draws_its_charts_and_makes_no_network_request(published: Path, browser: Browser,
                                                                  tmp_path: Path) -> None:
    report = published / REPORT_FILE
    manifest = json.loads((published / "manifest.json").read_text(encoding="utf-8"))
    assert REPORT_FILE in manifest["files"]  # published with the run, hashed in its manifest
    url = report.resolve().as_uri()
    browser.open(url)
    requests = browser.requests()
    # The page itself, and images inlined as data: URLs; nothing from a network: no CDN, no font, no image.
    assert requests[0] == url and all(r.startswith("data:") for r in requests[1:]), requests
    figures = {f["id"]: f for f in json.loads(browser.evaluate(FIGURES))}
    assert set(figures) == set(CHARTS)
    for chart in figures.values():
        assert chart["visible"] and chart["width"] > 300 and chart["height"] > 100 and chart["marks"] > 20, chart
    headings = browser.evaluate("Array.from(document.querySelectorAll('h2')).map(h => h.textContent)")
    assert headings == ["Overview", "Themes by article", "Themes by author", "Lengths",
                        "Changes since the previous snapshot", "Parse warnings", "Line roles", "Rejected files",
                        "Validation"]
    text = browser.evaluate("document.body.innerText")
    assert manifest["run_id"] in text and "Passed" in text
    browser.screenshot(tmp_path / "report.png")
    assert (tmp_path / "report.png").stat().st_size > 20_000  # a rendered page, not a blank one


def test_the_report_command_rebuilds_a_snapshot_report(published: Path, tmp_path: Path) -> None:
    output = tmp_path / "again.html"
    assert main(["report", str(published), "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == (published / REPORT_FILE).read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nothing-here")]) == 1
