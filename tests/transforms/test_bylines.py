from __future__ import annotations

import pytest

from transforms.bylines import is_end_marker, parse_byline, parse_credit


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Writer: Zhang Nan).", "Zhang Nan", "writer"),
        ("(Writer: Yang Jinzhong).", "Yang Jinzhong", "writer"),
        ("Author: Li Wei", "Li Wei", "author"),
        ("(Author: Chen Jing)", "Chen Jing", "author"),
        ("By Li Wei", "Li Wei", "author"),
        ("Written by Zhang San and Li Si", "Zhang San and Li Si", "author"),
        ("Reporter: Wang Xiaoming.", "Wang Xiaoming", "reporter"),
        ("(作者：张楠)", "张楠", "author"),
        ("（作者：张伟）", "张伟", "author"),
        ("作者：王小明、李华", "王小明、李华", "author"),
        ("By Li Wei, Zhang San", "Li Wei, Zhang San", "author"),
        ("Author: Ding Dou, Peking University", "Ding Dou", "author"),
        ("By Anna Lee, Zhang San, Asia Society Policy Institute", "Anna Lee, Zhang San", "author"),
    ],
)
def test_bylines(line: str, name: str, role: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.name, byline.role, byline.line) == (name, role, line.strip())


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the country will have a new system.",
        "by the end of the year",
        "The author: is here now for a long time and more words",
        "Writer's block is real.",
        "",
        "Pay more attention to prevention.",
        "By The Way We Go",  # a title-case heading, not a name
        "By Working Together, We Win",
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("(Editor: Li Wei)", ("editor", "Li Wei")),
        ("Responsible editor: Zhao Min.", ("responsible editor", "Zhao Min")),
        ("Source: Xinhua", ("source", "Xinhua")),
        ("(Source: People's Daily)", ("source", "People's Daily")),
        ("Translated by Wang Fang", ("translator", "Wang Fang")),
        ("Photo: Xinhua", ("photographer", "Xinhua")),
        ("（责任编辑：李伟）", ("responsible editor", "李伟")),
        ("Source of the problem is deep.", None),
        ("Editorial boards met on Monday.", None),
    ],
)
def test_credits(line: str, credit: tuple[str, str] | None) -> None:
    assert parse_credit(line) == credit


@pytest.mark.parametrize(("line", "end"), [("Enditem", True), ("(End)", True), ("[END]", True), ("(完)", True),
                                           ("The end is near.", False), ("Endless", False)])
def test_end_markers(line: str, end: bool) -> None:
    assert is_end_marker(line) is end
