from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from transforms.changes import change_markdown
from transforms.dictionary import render_card
from transforms.escapes import markdown_code, markdown_text

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</table>", "[x](javascript:alert(1))",
    "![pixel](https://example.com/p.png)", "`tick` ``two``", "line\n# heading", "<https://example.com/auto>",
    "*em* _u_ | cell", "&lt;script&gt; entity",
]
_RENDER = MarkdownIt("commonmark", {"html": True})  # raw HTML on: what a permissive renderer would let through


def _live(markdown: str) -> list[str]:
    """What in the rendered Markdown is live: tags other than the plain ones a card uses, links, images."""
    rendered = _RENDER.render(markdown)
    return [tag for tag in ("<script", "<img", "<a ", "</table>", "<h1>", "<em>", "<strong>") if tag in rendered]


def _manifest(raw_dir: str, taxonomy_id: str, version: str) -> dict[str, object]:
    return {
        "run_id": "20260101T000000000000Z", "started_at": "2026-01-01T00:00:00", "finished_at": "2026-01-01T00:01:00",
        "package": {"version": "1.0", "code_version": "1.0+abc"}, "raw_dir": raw_dir, "inputs": [], "rejected": 0,
        "taxonomy": {"id": taxonomy_id, "version": version, "sha256": "0" * 64},
        "validation": {"success": True, "expectations_evaluated": 3, "warnings": []},
        "row_counts": {"documents": 1}, "changes": {"documents": {"added": [], "changed": [], "removed": []}},
    }


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_card_shows_hostile_names_as_text(hostile: str) -> None:
    card = render_card(_manifest(f"/data/{hostile}", hostile, hostile))
    rendered = _RENDER.render(card)
    assert not [t for t in ("<script", "<img", "href=", "src=\"", "</table>", "<a ") if t in rendered]
    assert "<h1>" not in rendered.split("</h1>", 1)[1]  # one heading: the card's own


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_change_artifact_shows_hostile_paths_as_text(hostile: str) -> None:
    report = {"previous_run_id": "r1", "documents": {"added": [hostile], "changed": [], "removed": [],
                                                     "unchanged": 0}, "rows": {}}
    assert _live(change_markdown(report)) == ["<h1>"]  # "# Changes since ...", its own


@given(st.text(max_size=30))
def test_a_code_span_shows_any_text_verbatim(text: str) -> None:
    rendered = MarkdownIt("commonmark").renderInline(f"x {markdown_code(text)} y")
    assert rendered.startswith("x <code>") and rendered.endswith("</code> y")
    assert rendered.count("<code>") == 1


@given(st.text(max_size=30))
def test_markdown_text_renders_as_plain_text(text: str) -> None:
    rendered = _RENDER.renderInline(f"x {markdown_text(text)}")
    assert "<" not in rendered.replace("<br />", "")
