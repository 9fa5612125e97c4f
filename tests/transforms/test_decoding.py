from __future__ import annotations

import codecs
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.decoding import normalise, read_document
from transforms.records import Document, RawFile, Rejection, RejectReason

TEXT = "Title ç ü — ‘quoted’\nBody line.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.replace("—", "-").encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    doc = read_document(RawFile("a.txt", data))
    assert isinstance(doc, Document)
    assert doc.encoding == encoding
    assert doc.text.startswith("Title ç ü")
    assert doc.n_bytes == len(data)


def test_gb18030() -> None:
    text = "加强应急管理\n我们要加强预防。\n"
    doc = read_document(RawFile("zh.txt", text.encode("gb18030")))
    assert isinstance(doc, Document)
    assert (doc.encoding, doc.text) == ("gb18030", text)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", RejectReason.EMPTY),
        (b"  \n\t\r\n ", RejectReason.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", RejectReason.BINARY),
        (b"text with a \x00 NUL byte", RejectReason.BINARY),
        (b"caf\xe9 au lait \x81", RejectReason.UNDECODABLE),
    ],
)
def test_rejections(data: bytes, reason: RejectReason) -> None:
    result = read_document(RawFile("bad.bin", data))
    assert isinstance(result, Rejection)
    assert result.reason is reason
    assert result.path == "bad.bin" and result.n_bytes == len(data) and result.message


def test_normalise_line_ends_and_spaces() -> None:
    assert normalise("\ufeffa  \r\nb\rc\u200b \n\n") == "a\nb\nc\n"
    assert normalise("e\u0301") == "é\n"  # NFC


def _normalise_by_regex(text: str) -> str:
    """The normalisation as the module documents it, one regex per rule (the reference)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\ufeff\u200b]", "", text)
    text = re.sub(r"[ \t\u00a0\u3000]+$", "", text, flags=re.MULTILINE)
    return text.strip("\n") + "\n"


@given(st.text(alphabet=st.sampled_from("ab é\u0301\t\u00a0\u3000\ufeff\u200b\r\n\u2028\x0b中"), max_size=40))
def test_normalise_equals_the_documented_rules(text: str) -> None:
    assert normalise(text) == _normalise_by_regex(text)
