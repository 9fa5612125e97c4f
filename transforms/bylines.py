"""Bylines: the line that names an article's writer.

Recognised forms (the whole line must be the byline, optionally wrapped in brackets and closed by a full
stop): ``Writer: Zhang Nan).``, ``(Author: Li Wei)``, ``By Li Wei``, ``Written by Li Wei``,
``Reporter: Li Wei``, ``(作者：张楠)``, ``作者：张楠``. Several names joined by ``and``/``,``/``、`` are kept
together as written.
"""

from __future__ import annotations

import re

from transforms.records import Byline

_CAP_WORD = r"(?-i:[A-Z])[\w'’.\-]*"  # a capitalised name word: Li, O'Neil, Jean-Paul, J.
_NAME = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,4}}"
_LATIN_NAMES = rf"{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
_CJK_NAMES = r"[\u3400-\u9fff·]{2,8}(?:[、，,\s]+[\u3400-\u9fff·]{2,8})*"

_BYLINE = re.compile(
    r"^[(\[（【]?\s*"
    r"(?:"
    rf"(?:writer|authors?|reporter|text)\s*[:：]\s*(?P<name>{_LATIN_NAMES}|{_CJK_NAMES})"
    rf"|(?:written\s+)?by\s*[:：]?\s+(?P<by_name>{_LATIN_NAMES})"
    rf"|(?:作者|文|撰稿)\s*[:：]?\s*(?P<cjk_name>{_CJK_NAMES}|{_LATIN_NAMES})"
    r")"
    r"\s*[)\]）】]?\s*[.。]?\s*$",
    re.IGNORECASE,
)


def parse_byline(line: str) -> Byline | None:
    """Return the byline on ``line``, or None when the line is not a byline."""
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    m = _BYLINE.match(stripped)
    if m is None:
        return None
    name = m.group("name") or m.group("by_name") or m.group("cjk_name")
    name = " ".join(name.split()).rstrip(".")
    return Byline(line=stripped, name=name, role="author")
