"""Small builders shared by the transform tests."""

from __future__ import annotations

from transforms.decoding import read_document
from transforms.records import Article, Document, RawFile
from transforms.segment import segment_document


def document(text: str, path: str = "doc.txt") -> Document:
    doc = read_document(RawFile(path, text.encode("utf-8")))
    assert isinstance(doc, Document), doc
    return doc


def articles(text: str, path: str = "doc.txt") -> tuple[Article, ...]:
    return segment_document(document(text, path))


def assert_offsets(doc: Document, arts: tuple[Article, ...]) -> None:
    for a in arts:
        assert 0 <= a.char_start < a.char_end <= doc.n_chars
        for p in a.paragraphs:
            assert doc.text[p.char_start : p.char_end] == p.text
            assert a.char_start <= p.char_start and p.char_end <= a.char_end
            for s in p.sentences:
                assert doc.text[s.char_start : s.char_end] == s.text
                assert p.char_start <= s.char_start and s.char_end <= p.char_end


def checked_articles(text: str) -> tuple[Article, ...]:
    """``articles(text)``, with every offset checked against the text (``assert_offsets``)."""
    doc = document(text)
    arts = segment_document(doc)
    assert_offsets(doc, arts)
    return arts
