"""Text that leaves the pipeline for another reader: raw file names as ``path`` strings, and data shown in
Markdown (the dataset card, Prefect's artifacts). HTML is escaped with ``html.escape`` where it is written.

**Paths.** A file name on a POSIX file system is bytes, not text: it may be invalid UTF-8, and it may hold a
newline, a tab or an invisible format character. ``path`` columns, the manifest, the report and the card carry
every name as a string in which

- ``\\\\`` (two characters) stands for one backslash byte;
- ``\\xNN`` (four characters, lower-case hex) stands for the byte ``NN`` that was not valid UTF-8, or was part
  of a control character (C0, DEL, C1), a format character (zero-width spaces, bidirectional overrides, the
  BOM) or a line or paragraph separator;
- every other character stands for its own UTF-8 bytes.

So a name that is plain UTF-8 text is its own ``path``, every ``path`` is printable on one line, and
``unescape_path`` gives back the exact bytes of the name (``escape_path`` and ``unescape_path`` are inverses).
"""

from __future__ import annotations

import re
import unicodedata

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})  # Cs: undecodable bytes, via surrogateescape
_ESCAPE = re.compile(r"\\(?:\\|x([0-9a-f]{2}))")


def escape_path(name: bytes) -> str:
    """The printable, lossless string for the file name (or relative path) ``name``."""
    text = name.decode("utf-8", "surrogateescape")
    if text.isprintable() and "\\" not in text:  # no Cc, Cf, Cs, Zl or Zp character: nothing to escape
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif unicodedata.category(ch) in _HIDDEN_CATEGORIES:
            out.extend(f"\\x{b:02x}" for b in ch.encode("utf-8", "surrogateescape"))
        else:
            out.append(ch)
    return "".join(out)


def unescape_path(path: str) -> bytes:
    """The exact bytes of the name that ``escape_path`` turned into ``path``. Raises ``ValueError`` on a
    backslash that starts no escape (no ``escape_path`` output holds one)."""
    if "\\" not in path:
        return path.encode("utf-8")
    out = bytearray()
    position = 0
    for match in _ESCAPE.finditer(path):
        plain = path[position:match.start()]
        if "\\" in plain:
            raise ValueError(f"not an escaped path (a lone backslash): {path!r}")
        out += plain.encode("utf-8")
        out += b"\\" if match.group(1) is None else bytes([int(match.group(1), 16)])
        position = match.end()
    rest = path[position:]
    if "\\" in rest:
        raise ValueError(f"not an escaped path (a lone backslash): {path!r}")
    out += rest.encode("utf-8")
    return bytes(out)


_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#!|~$\"'")


def markdown_code(text: object) -> str:
    """``text`` as an inline Markdown code span, shown verbatim (nothing inside a code span is markup): its
    fence longer than any run of backticks in it, line breaks as spaces."""
    shown = " ".join(str(text).splitlines())
    longest = max((len(run) for run in re.findall("`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def markdown_text(text: object) -> str:
    """``text`` as literal inline Markdown: HTML's ``& < >`` as entities, Markdown's punctuation (links,
    images, emphasis, code, table cells, maths) backslash-escaped, line breaks as spaces. Not for the start of a
    line (where ``-``, ``+``, ``1.`` would still start a list)."""
    out: list[str] = []
    for ch in str(text):
        if ch in _MARKDOWN_ENTITIES:
            out.append(_MARKDOWN_ENTITIES[ch])
        elif ch in _MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        elif ch in "\r\n" or unicodedata.category(ch) in ("Zl", "Zp"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)
