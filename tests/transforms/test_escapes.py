from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.escapes import escape_path, markdown_text, unescape_path


@given(st.binary(max_size=80))
def test_escaping_a_name_is_lossless_and_printable(name: bytes) -> None:
    path = escape_path(name)
    assert unescape_path(path) == name
    path.encode("utf-8")  # no lone surrogates
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") for ch in path)


@given(st.text(max_size=40))
def test_unescape_inverts_escape_on_any_text_name(text: str) -> None:
    name = text.encode("utf-8", "surrogatepass")
    assert unescape_path(escape_path(name)) == name


@pytest.mark.parametrize(("name", "path"), [
    (b"plain/name.txt", "plain/name.txt"),
    ("中文 名字/文章.txt".encode(), "中文 名字/文章.txt"),
    (b"caf\xe9.txt", "caf\\xe9.txt"),
    (b"a\nb\tc\x7f", "a\\x0ab\\x09c\\x7f"),
    (b"back\\slash", "back\\\\slash"),
    (b"lit \\x41", "lit \\\\x41"),
    ("rtl \u202e.txt".encode(), "rtl \\xe2\\x80\\xae.txt"),
    (b"comma, \"q\" 'x' -dash", "comma, \"q\" 'x' -dash"),
])
def test_escapes(name: bytes, path: str) -> None:
    assert escape_path(name) == path
    assert unescape_path(path) == name


def test_a_lone_backslash_is_not_an_escaped_path() -> None:
    with pytest.raises(ValueError, match="lone backslash"):
        unescape_path("a\\b")


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</table>", "[x](javascript:alert(1))",
    "![pixel](https://example.com/p.png)", "`code` *em* _u_ | cell", "line\nbreak # heading", "$x^2$ &amp;",
])
def test_markdown_text_leaves_no_live_markup(hostile: str) -> None:
    shown = markdown_text(hostile)
    assert "<" not in shown and ">" not in shown and "\n" not in shown
    for ch in "[]()`*_|#!$":
        assert all(shown[i - 1] == "\\" for i, c in enumerate(shown) if c == ch)
    assert "&amp;amp;" in shown or "&" not in hostile
