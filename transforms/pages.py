"""Hand-coded captures of real web pages (``tests/data/pages/``) laid out the ways corpora arrive, as gold
documents for ``transforms.evaluate``.

A capture is a page's text as found (``NN.txt``) and its gold (``NN.json``, described in
``tests/data/pages/README.md``): every non-blank line with its role and article, and each article's title,
authors, credits and paragraphs. ``lay_out`` writes the capture's lines in one of ``LAYOUTS``:

- ``as_found``: the capture itself;
- ``one_per_line``: every non-blank line on a line of its own, no blank lines;
- ``blank_lines``: the lines separated by blank lines;
- ``wrapped``: each line hard-wrapped at ``WRAP_WIDTH`` columns, blank lines between them;
- ``markdown``: titles as ``#`` headings, subheadings in bold (``**...**``: in Markdown, every ``#`` heading
  opens an article), blank lines between.

``gold_document`` turns a capture's gold into the gold format ``transforms.evaluate`` scores, with the lines
and their roles (located in whatever layout the text is in: white space does not count).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

LAYOUTS = ("as_found", "one_per_line", "blank_lines", "wrapped", "markdown")
WRAP_WIDTH = 72
AUTHOR_ROLES = frozenset({"author", "signatory", "reporter"})  # an editor or translator is credited, not an author


def lay_out(capture: str, gold: Mapping[str, Any], layout: str) -> str:
    """The capture's text in ``layout`` (one of ``LAYOUTS``)."""
    if layout == "as_found":
        return capture
    lines = [(entry["text"].strip(), entry["role"]) for entry in gold["lines"]]
    if layout == "one_per_line":
        return "\n".join(text for text, _ in lines) + "\n"
    if layout == "blank_lines":
        return "\n\n".join(text for text, _ in lines) + "\n"
    if layout == "wrapped":
        return "\n\n".join(
            textwrap.fill(text, WRAP_WIDTH, break_long_words=False, break_on_hyphens=False) for text, _ in lines
        ) + "\n"
    if layout == "markdown":
        return "\n\n".join(
            f"# {text}" if role == "title" else f"**{text}**" if role == "heading" else text for text, role in lines
        ) + "\n"
    raise ValueError(f"unknown layout {layout!r}; the layouts are {', '.join(LAYOUTS)}")


def gold_document(path: str, gold: Mapping[str, Any]) -> dict[str, Any]:
    """The capture's gold in ``transforms.evaluate``'s format: articles with their authors' names (those who
    wrote or signed it), credit texts and paragraphs, and every line with its role and article."""
    return {
        "path": path,
        "articles": [
            {
                "title": article["title"],
                "series": article["series"],
                "authors": [a["name"] for a in article["authors"] if a["role"] in AUTHOR_ROLES],
                "credits": [c["text"] for c in article["credits"]],
                "paragraphs": [{"kind": p["kind"], "heading": p.get("heading"), "sentences": p["sentences"]}
                               for p in article["paragraphs"]],
            }
            for article in gold["articles"]
        ],
        "lines": [{"text": e["text"], "role": e["role"], "article": e["article"]} for e in gold["lines"]],
    }
