"""The visual report of a run: one self-contained HTML file (inline CSS, inline SVG charts, no script, no link
to anything outside the file), so that it opens anywhere, offline, and can be mailed around.

``ReportTally`` holds what the report shows of a run's tables, gathered a part at a time (each shard's tally
is made where the shard is built, kept in its summary and merged in shard order when the run is committed;
``flows/report.py`` adds a published snapshot's few columns), so a large run is never held whole;
``draw_charts`` turns a tally into the report's SVG charts and
``render_report`` the rest into HTML. Charts are drawn with matplotlib's SVG backend (its object API, no pyplot
state), with text kept as text and fixed ids, so the same data always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.lines import Role
from transforms.themes import Taxonomy

MAX_HEATMAP_ARTICLES = 60
MAX_AUTHORS = 12
MAX_LISTED = 50  # rows listed in the HTML tables (warnings, rejected files, changes)

# The columns of each table the tally reads (``ReportTally.add``).
LINE_COLUMNS = ["role"]
ARTICLE_COLUMNS = ["article_id", "title", "author", "n_words", "primary_theme", "parse_warnings"]
TAG_COLUMNS = ["level", "unit_id", "theme_id", "score"]
SENTENCE_COLUMNS = ["n_words"]


@dataclass(slots=True)
class ReportTally:
    """What the report shows of a run's articles and sentences, added a part at a time in path order: the
    first articles with their theme scores (the heatmap), articles per author and primary theme, how many units
    have each length, and the parse warnings. Its size does not grow with the corpus but for the number of
    distinct lengths and authors."""

    n_articles: int = 0
    heatmap: list[tuple[str, str]] = field(default_factory=list)  # (article_id, title) of the first articles
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # heatmap article -> theme -> score
    authors: Counter[str] = field(default_factory=Counter)  # articles per author, in order of first appearance
    author_themes: Counter[tuple[str, str | None]] = field(default_factory=Counter)  # (author, primary theme)
    article_words: Counter[int] = field(default_factory=Counter)  # words -> articles with that many
    sentence_words: Counter[int] = field(default_factory=Counter)  # words -> sentences with that many
    warnings: Counter[str] = field(default_factory=Counter)  # parse warning -> articles, in order of first sight
    flagged: list[tuple[str, str, str]] = field(default_factory=list)  # (title, author, warnings), the first
    n_flagged: int = 0  # articles with a parse warning
    roles: Counter[str] = field(default_factory=Counter)  # line role -> lines (``lines.role``)

    def add(self, articles: pa.Table, theme_tags: pa.Table, sentences: pa.Table, lines: pa.Table) -> ReportTally:
        """The next part of a run's tables (``ARTICLE_COLUMNS``, ``TAG_COLUMNS``, ``SENTENCE_COLUMNS``,
        ``LINE_COLUMNS`` at least), in path order; ``theme_tags`` needs only the article-level rows of the
        part's articles."""
        if lines.num_rows:
            counted = pc.value_counts(lines.column("role")).flatten()
            self.roles.update(dict(zip(counted[0].to_pylist(), counted[1].to_pylist(), strict=True)))
        room = MAX_HEATMAP_ARTICLES - len(self.heatmap)
        if room > 0 and articles.num_rows:
            first = articles.slice(0, room)
            shown = first.column("article_id").to_pylist()
            self.heatmap += zip(shown, first.column("title").to_pylist(), strict=True)
            level = pc.equal(theme_tags.column("level"), "article")
            of_shown = pc.is_in(theme_tags.column("unit_id"), value_set=pa.array(shown, pa.string()))
            tags = theme_tags.filter(pc.and_(level, of_shown))
            for unit, theme, score in zip(*(tags.column(c).to_pylist() for c in ("unit_id", "theme_id", "score")),
                                          strict=True):
                self.scores.setdefault(unit, {})[theme] = score
        self.n_articles += articles.num_rows
        for author, theme in zip(articles.column("author").to_pylist(), articles.column("primary_theme").to_pylist(),
                                 strict=True):
            if author:
                self.authors[author] += 1
                self.author_themes[author, theme] += 1
        _count_values(self.article_words, articles.column("n_words"))
        _count_values(self.sentence_words, sentences.column("n_words"))
        flagged = articles.filter(pc.greater(pc.list_value_length(articles.column("parse_warnings")), 0))
        for title, author, found in zip(*(flagged.column(c).to_pylist() for c in ("title", "author",
                                                                                   "parse_warnings")), strict=True):
            self.warnings.update(found)
            if len(self.flagged) < MAX_LISTED:
                self.flagged.append((title, author or "", ", ".join(found)))
        self.n_flagged += flagged.num_rows
        return self


    def merge(self, other: ReportTally) -> ReportTally:
        """``other``'s parts added after this tally's (the same as adding its tables here, in order)."""
        room = MAX_HEATMAP_ARTICLES - len(self.heatmap)
        if room > 0:
            shown = other.heatmap[:room]
            self.heatmap += shown
            self.scores |= {unit: dict(other.scores[unit]) for unit, _ in shown if unit in other.scores}
        self.n_articles += other.n_articles
        self.authors.update(other.authors)
        self.author_themes.update(other.author_themes)
        self.article_words.update(other.article_words)
        self.sentence_words.update(other.sentence_words)
        self.warnings.update(other.warnings)
        self.roles.update(other.roles)
        self.flagged += other.flagged[: max(MAX_LISTED - len(self.flagged), 0)]
        self.n_flagged += other.n_flagged
        return self

    def to_json(self) -> dict[str, Any]:
        """The tally as JSON values (counters as lists of pairs, in their order), for ``from_json``."""
        return {
            "n_articles": self.n_articles, "heatmap": [list(h) for h in self.heatmap], "scores": self.scores,
            "authors": list(self.authors.items()),
            "author_themes": [[a, t, n] for (a, t), n in self.author_themes.items()],
            "article_words": list(self.article_words.items()), "sentence_words": list(self.sentence_words.items()),
            "warnings": list(self.warnings.items()), "flagged": [list(f) for f in self.flagged],
            "n_flagged": self.n_flagged, "roles": list(self.roles.items()),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReportTally:
        return cls(
            n_articles=int(data["n_articles"]), heatmap=[(a, t) for a, t in data["heatmap"]],
            scores={u: dict(s) for u, s in data["scores"].items()}, authors=Counter(dict(data["authors"])),
            author_themes=Counter({(a, t): n for a, t, n in data["author_themes"]}),
            article_words=Counter({int(k): n for k, n in data["article_words"]}),
            sentence_words=Counter({int(k): n for k, n in data["sentence_words"]}),
            warnings=Counter(dict(data["warnings"])), flagged=[(a, b, c) for a, b, c in data["flagged"]],
            n_flagged=int(data["n_flagged"]), roles=Counter(dict(data["roles"])),
        )


def _count_values(counts: Counter[int], column: pa.ChunkedArray) -> None:
    values, n = np.unique(column.to_numpy(), return_counts=True)
    for value, k in zip(values.tolist(), n.tolist(), strict=True):
        counts[value] += k


class Charts(NamedTuple):
    """The report's charts, as inline SVG."""

    heatmap: str
    authors: str
    lengths: str


@dataclass(slots=True)
class ReportData:
    manifest: dict[str, Any]
    themes: list[tuple[str, str]]  # (theme_id, label), in taxonomy order
    tally: ReportTally
    rejected: list[dict[str, Any]] = field(default_factory=list)  # rows of the rejected table


def theme_labels(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(theme_id, label) of each theme, in taxonomy order: the rows of the themes table the report shows."""
    return [(t.theme_id, t.label) for t in taxonomy.themes]


def draw_charts(themes: list[tuple[str, str]], tally: ReportTally, drawn: Mapping[str, str] | None = None
                ) -> Charts:
    """The charts of the report, which need only the tally and the themes (not the manifest). ``drawn``: charts
    drawn before from the same inputs (by name, as ``chart_keys`` names them), which are not drawn again."""
    drawn = drawn or {}
    return Charts(drawn.get("heatmap") or _heatmap(themes, tally),
                  drawn.get("authors") or _authors_chart(themes, tally),
                  drawn.get("lengths") or _lengths_chart(tally))


def chart_keys(themes: list[tuple[str, str]], tally: ReportTally, drawing: str) -> dict[str, str]:
    """Each chart's key (by the name of its field in ``Charts``): the sha256 of everything its drawing reads
    (the fields of the tally it shows, the themes) and of ``drawing`` (the version of the code that draws it),
    so that a chart of the same key is the same SVG and need not be drawn again."""
    inputs: dict[str, Any] = {
        "heatmap": [themes, tally.heatmap, sorted(tally.scores.items())],
        "authors": [themes, list(tally.authors.items()), [[*k, n] for k, n in tally.author_themes.items()]],
        "lengths": [sorted(tally.article_words.items()), sorted(tally.sentence_words.items())],
    }
    return {name: hashlib.sha256(json.dumps([name, drawing, value], ensure_ascii=False, sort_keys=True)
                                 .encode()).hexdigest() for name, value in inputs.items()}


def render_report(data: ReportData, charts: Charts | None = None) -> str:
    """The report's HTML; ``charts`` as ``draw_charts`` gives them for ``data`` (drawn now if not given)."""
    m = data.manifest
    charts = charts or draw_charts(data.themes, data.tally)
    validation = m["validation"]
    status = "passed" if validation["success"] else "FAILED"
    sections = [
        _section("overview", "Overview", _overview(data)),
        _section("themes-by-article", "Themes by article", _figure("chart-heatmap", charts.heatmap,
                 _heatmap_caption(data.tally))),
        _section("themes-by-author", "Themes by author", _figure("chart-authors", charts.authors,
                 f"Primary theme of each article, for the {MAX_AUTHORS} authors with most articles.")),
        _section("lengths", "Lengths", _figure("chart-lengths", charts.lengths,
                 "Words per article and per sentence (count of units by length).")),
        _section("changes", "Changes since the previous snapshot", _changes(m.get("changes") or {})),
        _section("warnings", "Parse warnings", _warnings(data)),
        _section("line-roles", "Line roles", _line_roles(data.tally)),
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


def _heatmap_caption(tally: ReportTally) -> str:
    shown = len(tally.heatmap)
    scope = f"all {shown} articles" if shown == tally.n_articles else (
        f"the first {shown} of {tally.n_articles} articles (in path order)")
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
    tally = data.tally
    if not tally.warnings:
        return "<p>No article has a parse warning.</p>"
    summary = _table(["warning", "articles"], [[w, n] for w, n in tally.warnings.most_common()], numeric={1})
    listing = _table(["article", "author", "warnings"], [list(row) for row in tally.flagged])
    return f"<p>{tally.n_flagged} of {tally.n_articles} articles.</p>{summary}{listing}{_more(tally.n_flagged)}"


def _line_roles(tally: ReportTally) -> str:
    """How many lines of the input went to each role (``lines.role``): furniture and credits kept out of the
    text are counted here."""
    if not tally.roles:
        return "<p>No lines.</p>"
    order = [r.value for r in Role]
    rows = [[role, f"{tally.roles[role]:,}"] for role in sorted(tally.roles, key=lambda r: (
        order.index(r) if r in order else len(order), r))]
    total = sum(tally.roles.values())
    return f"<p>{total:,} non-blank lines.</p>" + _table(["role", "lines"], rows, numeric={1})


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


def _heatmap(themes: list[tuple[str, str]], tally: ReportTally) -> str:
    theme_ids = [t for t, _ in themes]
    matrix = [[tally.scores.get(article_id, {}).get(t, 0.0) for t in theme_ids] for article_id, _ in tally.heatmap]
    fig = _figure_of(10, 1.6 + 0.28 * max(len(tally.heatmap), 1))
    ax = fig.subplots()
    if tally.heatmap:
        image = ax.imshow(matrix, aspect="auto", cmap="viridis", vmin=0.0, vmax=1.0, interpolation="nearest")
        fig.colorbar(image, ax=ax, fraction=0.025, pad=0.02, label="score")
    ax.set_xticks(range(len(theme_ids)), [label for _, label in themes], rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(len(tally.heatmap)), [_short(title, 48) for _, title in tally.heatmap], fontsize=8)
    return _svg(fig)


def _authors_chart(themes: list[tuple[str, str]], tally: ReportTally) -> str:
    import matplotlib
    from matplotlib.ticker import MaxNLocator

    authors = [name for name, _ in tally.authors.most_common(MAX_AUTHORS)]
    theme_ids = [t for t, _ in themes]
    labels = dict(themes)
    fig = _figure_of(10, 1.4 + 0.38 * max(len(authors), 1))
    ax = fig.subplots()
    left = [0] * len(authors)
    colours = matplotlib.colormaps["tab20"]
    for i, theme in enumerate([*theme_ids, None]):
        widths = [tally.author_themes.get((author, theme), 0) for author in authors]
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


def _lengths_chart(tally: ReportTally) -> str:
    from matplotlib.ticker import MaxNLocator

    fig = _figure_of(10, 3.2)
    left, right = fig.subplots(1, 2)
    _histogram(left, tally.article_words, bins=30, color="#3b6ea5")
    left.set_title("articles", fontsize=10)
    left.set_xlabel("words")
    left.set_ylabel("articles")
    left.yaxis.set_major_locator(MaxNLocator(integer=True))
    _histogram(right, tally.sentence_words, bins=40, color="#5a9e6f")
    right.set_title("sentences", fontsize=10)
    right.set_xlabel("words")
    right.set_ylabel("sentences")
    return _svg(fig)


def _histogram(axes: Any, counts: Mapping[int, int], bins: int, color: str) -> None:
    """``axes.hist`` of the values counted in ``counts`` (value -> how many times): the same bins and bars as of
    the values themselves (the bins span their least to their greatest), without a value per unit (matplotlib's
    hist copies a long sequence value by value, a cost that grows with the corpus)."""
    values = np.fromiter(counts.keys(), np.float64, len(counts))
    n, edges = np.histogram(values, bins=bins, weights=np.fromiter(counts.values(), np.int64, len(counts)))
    axes.hist(edges[:-1], bins=edges, weights=n, color=color)


# text.parse_math off: titles and names are data, and "$...$" in one must not be read as mathtext (it would be
# drawn as formulas, or fail to parse and stop the report).
_RC = {"svg.fonttype": "none", "svg.hashsalt": "corpus-pipeline", "font.size": 9, "text.parse_math": False}


def _figure_of(width: float, height: float) -> Any:
    """A figure of its own (matplotlib's object API: no pyplot, so no state shared between threads) with the
    report's settings (matplotlib is imported the first time, a noticeable cost)."""
    import matplotlib
    from matplotlib.figure import Figure

    params: Any = matplotlib.rcParams
    if any(params[k] != v for k, v in _RC.items()):
        params.update(_RC)
    return Figure(figsize=(width, height))


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # Text stays text (svg.fonttype none): the browser draws CJK titles with its own fonts.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
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
