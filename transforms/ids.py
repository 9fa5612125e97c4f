"""Deterministic ids.

Ids are hierarchical and derived from stable inputs only, so they are the same on every run and machine:

- document:  ``d-`` + 12 hex digits of sha256(relative path)          e.g. ``d-3f2a9c81b0e4``
- article:   document id + ``-a`` + 8 hex of sha256(normalised title)  e.g. ``d-3f2a9c81b0e4-a9c1e22f0``
             (+ ``.2``, ``.3`` ... for a repeated title in one document)
- paragraph: article id + ``-p`` + 3-digit ordinal                      e.g. ``...-a9c1e22f0-p003``
- sentence:  paragraph id + ``-s`` + 3-digit ordinal                    e.g. ``...-p003-s001``
- author:    ``au-`` + 12 hex of sha256(casefolded name)

Keying articles on their title rather than their position means that inserting or editing one article in a
document leaves the ids of the other articles (and their paragraphs and sentences) unchanged.
"""

from __future__ import annotations

import hashlib
import unicodedata


def _hex(value: str, n: int) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:n]


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def document_id(relative_path: str) -> str:
    return f"d-{_hex(relative_path, 12)}"


def article_id(doc_id: str, title: str, occurrence: int) -> str:
    base = f"{doc_id}-a{_hex(_fold(title), 8)}"
    return base if occurrence <= 1 else f"{base}.{occurrence}"


def line_id(doc_id_: str, ordinal: int) -> str:
    return doc_id_ + (_LINE_SUFFIXES[ordinal] if ordinal < _MADE else _suffix("l", ordinal, 5))


def paragraph_id(article_id_: str, ordinal: int) -> str:
    return article_id_ + (PARAGRAPH_SUFFIXES[ordinal] if ordinal < _MADE else _suffix("p", ordinal))


def sentence_id(paragraph_id_: str, ordinal: int) -> str:
    return paragraph_id_ + sentence_suffix(ordinal)


def sentence_suffix(ordinal: int) -> str:
    """What a sentence's id adds to its paragraph's (``-s004``)."""
    return SENTENCE_SUFFIXES[ordinal] if ordinal < _MADE else _suffix("s", ordinal)


def _suffix(level: str, ordinal: int, digits: int = 3) -> str:
    return f"-{level}{ordinal:0{digits}d}"


# The suffixes of the first ordinals, made once: ids are made on hot paths (one a sentence, one a line), and
# joining two strings costs a fifth of formatting the ordinal.
_MADE = 1000
PARAGRAPH_SUFFIXES = tuple(_suffix("p", ordinal) for ordinal in range(_MADE))  # (the segmenter joins them too)
SENTENCE_SUFFIXES = tuple(_suffix("s", ordinal) for ordinal in range(_MADE))  # (the segmenter joins them itself)
_LINE_SUFFIXES = tuple(_suffix("l", ordinal, 5) for ordinal in range(_MADE))


def author_id(name: str) -> str:
    return f"au-{_hex(_fold(name), 12)}"
