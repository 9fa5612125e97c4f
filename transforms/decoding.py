"""Raw bytes -> a normalised ``Document``, or a ``Rejection`` that says why not.

Decoding order: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); otherwise strict UTF-8;
otherwise GB18030 when the result is mostly CJK; otherwise Windows-1252 when it has no control characters.
Anything else is rejected as undecodable. Files with NUL bytes (and no UTF-16/32 BOM) or with a known binary
signature are rejected as binary.

Normalisation, applied before any offset is taken (offsets point into the normalised text): Unicode NFC;
CRLF and lone CR become LF; a BOM and zero-width spaces are removed; trailing white space on each line is
dropped; the text ends with exactly one newline.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from transforms import ids
from transforms.records import Document, RawFile, Rejection, RejectReason

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh", b"7z\xbc\xaf",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRAILING_SPACE = " \t\u00a0\u3000"  # dropped at the end of every line
_INVISIBLE = ("\ufeff", "\u200b")  # removed everywhere


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, str] | RejectReason:
    """Return ``(text, encoding)``, or the reason the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                return RejectReason.UNDECODABLE
            return text, encoding
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data:
        return RejectReason.BINARY
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        non_ascii = [ch for ch in text if ord(ch) > 127]
        cjk = sum(1 for ch in non_ascii if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        if non_ascii and cjk / len(non_ascii) >= 0.9:
            return text, "gb18030"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return RejectReason.UNDECODABLE
    if _CONTROL.search(text):
        return RejectReason.UNDECODABLE
    return text, "cp1252"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for invisible in _INVISIBLE:
        text = text.replace(invisible, "")
    # Line by line rather than one MULTILINE regex: the regex tries its class at every character of the text.
    text = "\n".join(line.rstrip(_TRAILING_SPACE) for line in text.split("\n"))
    return text.strip("\n") + "\n"


def read_document(raw: RawFile) -> Document | Rejection:
    """Decode and normalise one raw file."""
    digest = raw.sha256

    def reject(reason: RejectReason, message: str) -> Rejection:
        return Rejection(raw.path, digest, len(raw.data), reason, message)

    if not raw.data.strip():
        return reject(RejectReason.EMPTY, "the file is empty or holds only white space")
    decoded = decode(raw.data)
    if decoded is RejectReason.BINARY:
        return reject(decoded, "the file is binary (NUL bytes or a binary file signature), not text")
    if isinstance(decoded, RejectReason):
        return reject(decoded, "the bytes are not valid UTF-8, UTF-16/32 with a BOM, GB18030 or Windows-1252")
    text, encoding = decoded
    text = normalise(text)
    if not text.strip():
        return reject(RejectReason.EMPTY, "the file holds only white space once decoded")
    return Document(
        doc_id=ids.document_id(raw.path),
        path=raw.path,
        sha256=digest,
        n_bytes=len(raw.data),
        encoding=encoding,
        text=text,
    )
