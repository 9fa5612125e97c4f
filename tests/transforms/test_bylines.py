from __future__ import annotations

import pytest

from transforms.bylines import parse_byline


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Writer: Zhang Nan).", "Zhang Nan"),
        ("(Writer: Yang Jinzhong).", "Yang Jinzhong"),
        ("Author: Li Wei", "Li Wei"),
        ("(Author: Chen Jing)", "Chen Jing"),
        ("By Li Wei", "Li Wei"),
        ("Written by Zhang San and Li Si", "Zhang San and Li Si"),
        ("Reporter: Wang Xiaoming.", "Wang Xiaoming"),
        ("(作者：张楠)", "张楠"),
        ("（作者：张伟）", "张伟"),
        ("作者：王小明、李华", "王小明、李华"),
    ],
)
def test_bylines(line: str, name: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.name == name
    assert byline.line == line.strip()
    assert byline.role == "author"


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the country will have a new system.",
        "by the end of the year",
        "The author: is here now for a long time and more words",
        "Writer's block is real.",
        "",
        "Pay more attention to prevention.",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None
