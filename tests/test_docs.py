"""The README and the pages of docs/ hold together: every relative link resolves, and every command line they
show is one the command-line parser accepts (the Python examples are run by tests/flows/test_loading_e2e.py)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from flows.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "outputs" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_the_documentation_has_its_pages() -> None:
    names = {_name(p) for p in PAGES if p.exists()}
    assert {"README.md", "CHANGELOG.md", "docs/usage.md", "docs/outputs.md", "docs/scheduling-and-scale.md",
            "docs/architecture.md", "docs/performance.md", "docs/accuracy.md", "docs/contributing.md",
            "docs/data_dictionary.md"} <= names
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 160


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_relative_link_resolves(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:|#", target):
            continue  # a web address, mail address or an anchor of the same page
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.exists(), f"{_name(page)} links to {target}, which does not exist"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_command_line_shown_parses(page: Path) -> None:
    parser = _parser()
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
    lines = [line for block in blocks for line in _joined(block) if line.startswith("corpus-pipeline ")]
    for line in lines:
        words = shlex.split(line.split("  #")[0], comments=True)[1:]
        if any(w in {"...", "|"} or re.fullmatch(r"[A-Z][A-Z|_]*|\[.*|.*\]", w) for w in words):
            continue  # a synopsis (placeholders, optional parts), not an invocation
        try:
            parser.parse_args(words)
        except SystemExit as exc:
            pytest.fail(f"{_name(page)}: {line!r} does not parse (exit {exc.code})")


def _joined(block: str) -> list[str]:
    """The block's lines, a line ending with a backslash joined to the next."""
    return [" ".join(part.strip() for part in line.split("\\\n")) for line in re.split(r"(?<!\\)\n", block)]
