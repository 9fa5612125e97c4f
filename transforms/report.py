"""The visual report of a run: one self-contained HTML file (inline CSS, inline SVG charts, no script, no link
to anything outside the file), so that it opens anywhere, offline, and can be mailed around.

``ReportData`` holds what the report shows, gathered from a run's tables (``flows/report.py`` reads the few
columns it needs from the Parquet files, so a large run is never loaded whole); ``render_report`` turns it into
HTML. Charts are drawn with matplotlib's SVG backend, with text kept as text and fixed ids, so the same data
always gives the same bytes.
"""

from __future__ import annotations

import html
import io
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MAX_HEATMAP_ARTICLES = 60
MAX_AUTHORS = 12
MAX_LISTED = 50  # rows listed in the HTML tables (warnings, rejected files, changes)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    article_id: str
    title: str
    author: str | None
    n_words: int
    primary_theme: str | None
    parse_warnings: tuple[str, ...]


@dataclass(slots=True)
class ReportData:
    manifest: dict[str, Any]
    themes: list[tuple[str, str]]  # (theme_id, label), in taxonomy order
    articles: list[ArticleSummary]
    article_scores: dict[str, dict[str, float]]  # article_id -> theme_id -> score
    sentence_words: Sequence[int]
    rejected: list[dict[str, Any]] = field(default_factory=list)  # rows of the rejected table


def render_report(data: ReportData) -> str:
    m = data.manifest
    validation = m["validation"]
    status = "passed" if validation["success"] else "FAILED"
    sections = [
        _section("overview", "Overview", _overview(data)),
        _section("themes-by-article", "Themes by article", _figure("chart-heatmap", _heatmap(data),
                 _heatmap_caption(data))),
        _section("themes-by-author", "Themes by author", _figure("chart-authors", _authors_chart(data),
                 f"Primary theme of each article, for the {MAX_AUTHORS} authors with most articles.")),
        _section("lengths", "Lengths", _figure("chart-lengths", _lengths_chart(data),
                 "Words per article and per sentence (count of units by length).")),
        _section("changes", "Changes since the previous snapshot", _changes(m.get("changes") or {})),
        _section("warnings", "Parse warnings", _warnings(data)),
        _section("rejected", "Rejected files", _rejected(data.rejected)),
        _section("validation", "Validation", _validation(validation)),
    ]
    return _PAGE.format(
        title=html.escape(f"corpus-pipeline report: {m['run_id']}"),
        run_id=html.escape(m["run_id"]),
        status=status,
        status_class="ok" if validation["success"] else "bad",
        finished=html.escape(str(m.get("finished_at", ""))),
        body="\n".join(sections),
    )


# ---------------------------------------------------------------------------------------------- sections


def _overview(data: ReportData) -> str:
    m = data.manifest
    taxonomy = m["taxonomy"]
    facts = [
        ("run", m["run_id"]),
        ("started / finished", f"{m.get('started_at', '')} / {m.get('finished_at', '')}"),
        ("raw dir", m.get("raw_dir", "")),
        ("input files", f"{len(m.get('inputs', []))} ({m.get('rejected', 0)} rejected)"),
        ("taxonomy", f"{taxonomy['id']} {taxonomy.get('version', '')}"),
        ("code", f"corpus-pipeline {m['package'].get('version', '')}"),
    ]
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in facts)
    counts = _table(["table", "rows"], [[k, f"{v:,}"] for k, v in m["row_counts"].items()], numeric={1})
    return f'<div class="cols"><table class="facts">{rows}</table>{counts}</div>'


def _heatmap_caption(data: ReportData) -> str:
    shown = min(len(data.articles), MAX_HEATMAP_ARTICLES)
    scope = f"all {shown} articles" if shown == len(data.articles) else (
        f"the first {shown} of {len(data.articles)} articles (in path order)")
    return f"Article-level theme scores (0 to 1) for {scope}."


def _changes(changes: dict[str, Any]) -> str:
    docs = changes.get("documents", {})
    previous = changes.get("previous_run_id")
    since = f"snapshot <code>{html.escape(str(previous))}</code>" if previous else "nothing (the first snapshot)"
    counts = [[kind, len(docs.get(kind, []))] for kind in ("added", "changed", "removed")]
    counts.append(["unchanged", docs.get("unchanged", 0)])
    parts = [f"<p>Since {since}.</p>", _table(["documents", "count"], counts, numeric={1})]
    listed = [[kind, path] for kind in ("added", "changed", "removed") for path in docs.get(kind, [])]
    if listed and previous:
        parts.append(_table(["change", "path"], listed[:MAX_LISTED]) + _more(len(listed)))
    rows = changes.get("rows") or {}
    if rows:
        parts.append(_table(["table", "before", "after", "delta"],
                            [[t, f"{r['before']:,}", f"{r['after']:,}", f"{r['delta']:+,}"] for t, r in rows.items()],
                            numeric={1, 2, 3}))
    return "\n".join(parts)


def _warnings(data: ReportData) -> str:
    counts = Counter(w for a in data.articles for w in a.parse_warnings)
    if not counts:
        return "<p>No article has a parse warning.</p>"
    flagged = [a for a in data.articles if a.parse_warnings]
    summary = _table(["warning", "articles"], [[w, n] for w, n in counts.most_common()], numeric={1})
    listing = _table(["article", "author", "warnings"],
                     [[a.title, a.author or "", ", ".join(a.parse_warnings)] for a in flagged[:MAX_LISTED]])
    return f"<p>{len(flagged)} of {len(data.articles)} articles.</p>{summary}{listing}{_more(len(flagged))}"


def _rejected(rejected: list[dict[str, Any]]) -> str:
    if not rejected:
        return "<p>Every raw file was read as a document.</p>"
    rows = [[r["path"], r["reason"], r["message"]] for r in rejected[:MAX_LISTED]]
    return f"<p>{len(rejected)} files.</p>" + _table(["path", "reason", "message"], rows) + _more(len(rejected))


def _validation(v: dict[str, Any]) -> str:
    head = (f'<p class="{"ok" if v["success"] else "bad"}">{"Passed" if v["success"] else "FAILED"}: '
            f'{v["expectations_evaluated"]} checks (Great Expectations suites and code checks) over '
            f'{len(v.get("suites", []))} tables; {len(v.get("failures", []))} blocking failures, '
            f'{len(v.get("warnings", []))} warnings.</p>')
    rows = [[f["table"], f["check"], f["severity"], f["failing_count"], "; ".join(f.get("examples", [])[:3])]
            for f in [*v.get("failures", []), *v.get("warnings", [])]]
    return head + (_table(["table", "check", "severity", "failing rows", "examples"], rows, numeric={3})
                   if rows else "")


# ------------------------------------------------------------------------------------------------ charts


def _heatmap(data: ReportData) -> str:
    plt = pyplot()
    articles = data.articles[:MAX_HEATMAP_ARTICLES]
    theme_ids = [t for t, _ in data.themes]
    matrix = [[data.article_scores.get(a.article_id, {}).get(t, 0.0) for t in theme_ids] for a in articles]
    fig, ax = plt.subplots(figsize=(10, 1.6 + 0.28 * max(len(articles), 1)))
    if articles:
        image = ax.imshow(matrix, aspect="auto", cmap="viridis", vmin=0.0, vmax=1.0, interpolation="nearest")
        fig.colorbar(image, ax=ax, fraction=0.025, pad=0.02, label="score")
    ax.set_xticks(range(len(theme_ids)), [label for _, label in data.themes], rotation=40, ha="right",
                  fontsize=8)
    ax.set_yticks(range(len(articles)), [_short(a.title, 48) for a in articles], fontsize=8)
    return _svg(fig)


def _authors_chart(data: ReportData) -> str:
    plt = pyplot()
    from matplotlib.ticker import MaxNLocator

    by_author = Counter(a.author for a in data.articles if a.author)
    authors = [name for name, _ in by_author.most_common(MAX_AUTHORS)]
    theme_ids = [t for t, _ in data.themes]
    labels = dict(data.themes)
    counts = Counter((a.author, a.primary_theme) for a in data.articles if a.author in authors)
    fig, ax = plt.subplots(figsize=(10, 1.4 + 0.38 * max(len(authors), 1)))
    left = [0] * len(authors)
    colours = plt.get_cmap("tab20")
    for i, theme in enumerate([*theme_ids, None]):
        widths = [counts.get((author, theme), 0) for author in authors]
        if any(widths):
            ax.barh(range(len(authors)), widths, left=left, color=colours(i % 20),
                    label=labels.get(theme, "no theme") if theme else "no theme")
            left = [x + w for x, w in zip(left, widths, strict=True)]
    ax.set_yticks(range(len(authors)), authors, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("articles")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if authors:
        ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    else:
        ax.text(0.5, 0.5, "no bylines in this corpus", ha="center", va="center", transform=ax.transAxes)
    return _svg(fig)


def _lengths_chart(data: ReportData) -> str:
    plt = pyplot()
    from matplotlib.ticker import MaxNLocator

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.2))
    _histogram(left, [a.n_words for a in data.articles], bins=30, color="#3b6ea5")
    left.set_title("articles", fontsize=10)
    left.set_xlabel("words")
    left.set_ylabel("articles")
    left.yaxis.set_major_locator(MaxNLocator(integer=True))
    _histogram(right, data.sentence_words, bins=40, color="#5a9e6f")
    right.set_title("sentences", fontsize=10)
    right.set_xlabel("words")
    right.set_ylabel("sentences")
    return _svg(fig)


def _histogram(axes: Any, values: Sequence[int], bins: int, color: str) -> None:
    """``axes.hist(values)``, counted by numpy first: matplotlib's hist copies a long sequence value by value
    (1.5 s for a million sentences); given the counts as weights of one value per bin it draws the same bars."""
    counts, edges = np.histogram(np.asarray(values, dtype=np.float64), bins=bins)
    axes.hist(edges[:-1], bins=edges, weights=counts, color=color)


def pyplot() -> Any:
    """matplotlib's pyplot, set up for the report's SVG (importing it takes ~1 s, the first time)."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "corpus-pipeline", "font.size": 9})
    return plt


def _svg(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    with warnings.catch_warnings():
        # Text stays text (svg.fonttype none): the browser draws CJK titles with its own fonts.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]  # inline: no XML declaration or DOCTYPE
    return re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)  # RDF boilerplate


# ------------------------------------------------------------------------------------------------- html


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{html.escape(title)}</h2>\n{body}\n</section>'


def _figure(chart_id: str, svg: str, caption: str) -> str:
    return f'<figure id="{chart_id}" class="chart">{svg}<figcaption>{html.escape(caption)}</figcaption></figure>'


def _table(header: list[str], rows: list[list[Any]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{html.escape(h)}</th>' for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=num" if i in numeric else ""}>{html.escape(str(c))}</td>'
                         for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _more(n: int) -> str:
    return f"<p class=note>and {n - MAX_LISTED} more (see the tables).</p>" if n > MAX_LISTED else ""


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #1d232a; }}
h1 {{ font-size: 1.5rem; margin-bottom: .2rem; }}
h2 {{ font-size: 1.15rem; border-bottom: 1px solid #d6dbe1; padding-bottom: .2rem; margin-top: 2rem; }}
nav a {{ margin-right: .8rem; }}
table {{ border-collapse: collapse; margin: .6rem 0; }}
th, td {{ border: 1px solid #d6dbe1; padding: .2rem .5rem; text-align: left; vertical-align: top; }}
thead th {{ background: #f1f3f6; }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.facts th {{ background: #f1f3f6; font-weight: 600; }}
.cols {{ display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }}
.chart svg {{ max-width: 100%; height: auto; }}
figure {{ margin: .5rem 0; }}
figcaption, .note {{ color: #5b6672; font-size: .9rem; }}
.ok {{ color: #1f7a3a; font-weight: 600; }}
.bad {{ color: #b3261e; font-weight: 600; }}
</style>
</head>
<body>
<h1>corpus-pipeline report</h1>
<p>Snapshot <code>{run_id}</code>, finished {finished}. Validation: <span class="{status_class}">{status}</span>.</p>
<nav><a href="#overview">Overview</a><a href="#themes-by-article">Themes by article</a>
<a href="#themes-by-author">Themes by author</a><a href="#lengths">Lengths</a><a href="#changes">Changes</a>
<a href="#warnings">Parse warnings</a><a href="#rejected">Rejected files</a><a href="#validation">Validation</a></nav>
{body}
</body>
</html>
"""
