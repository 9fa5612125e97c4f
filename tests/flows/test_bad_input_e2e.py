"""Every kind of bad or unusual input, in one raw dir, through the real flow: each file ends up in exactly one
place (documents or rejected) with the right encoding or reason, and nothing is lost."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.catalog import parquet_path
from flows.pipeline import corpus_pipeline
from flows.settings import RunSettings
from transforms.errors import RejectedInputError

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

ARTICLE = "Work safety comes first\n-- On the conference\nHidden dangers must be found. Rescue teams stand by.\nWriter: Li Wei).\n"
GB_ARTICLE = "加强应急管理\n我们要加强预防。隐患排查要到位！\n（作者：张楠）\n"
CP1252_ARTICLE = "Café owners’ safety pledge\nThe owners signed a pledge – all of them.\n"
LONG_LINE = "The situation is grim and complex and the risks are many " * 60_000  # one 3.4 MB line, no full stop

# path -> (expected table, encoding or reason)
EXPECTED = {
    "copy of utf8.txt": ("documents", "utf-8"),  # the first by path of two identical files is read
    "utf8 bom.txt": ("documents", "utf-8-sig"),
    "utf16.txt": ("documents", "utf-16-le"),
    "gb18030.txt": ("documents", "gb18030"),
    "cp1252.txt": ("documents", "cp1252"),
    "crlf.txt": ("documents", "utf-8"),
    "cr only.txt": ("documents", "utf-8"),
    "中文 名字/文章.txt": ("documents", "utf-8"),
    "long line.txt": ("documents", "utf-8"),
    "utf8.txt": ("rejected", "duplicate"),
    "empty.txt": ("rejected", "empty"),
    "blank.txt": ("rejected", "empty"),
    "nul.bin": ("rejected", "binary"),
    "photo.png": ("rejected", "binary"),
    "latin garbage.txt": ("rejected", "undecodable"),
    "byline only.txt": ("rejected", "no_articles"),
    ".hidden.txt": ("rejected", "skipped"),
    ".#utf8.txt": ("rejected", "skipped"),
    "utf8.txt~": ("rejected", "skipped"),
    ".DS_Store": ("rejected", "skipped"),
    "escape.txt": ("rejected", "outside_raw_dir"),
}


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad-input")
    raw = root / "raw"
    (raw / "中文 名字").mkdir(parents=True)
    files: dict[str, bytes] = {
        "utf8.txt": ARTICLE.encode(),
        "copy of utf8.txt": ARTICLE.encode(),
        "utf8 bom.txt": codecs.BOM_UTF8 + ARTICLE.replace("Li Wei", "Chen Jing").encode(),
        "utf16.txt": codecs.BOM_UTF16_LE + ARTICLE.replace("Li Wei", "Wang Hua").encode("utf-16-le"),
        "gb18030.txt": GB_ARTICLE.encode("gb18030"),
        "cp1252.txt": CP1252_ARTICLE.encode("cp1252"),
        "crlf.txt": ARTICLE.replace("Li Wei", "Zhou Ming").replace("\n", "\r\n").encode(),
        "cr only.txt": ARTICLE.replace("Li Wei", "Yang Fan").replace("\n", "\r").encode(),
        "中文 名字/文章.txt": GB_ARTICLE.replace("张楠", "李华").encode(),
        "long line.txt": LONG_LINE.encode(),
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n  ",
        "nul.bin": b"text\x00with NUL bytes" * 10,
        "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "latin garbage.txt": b"caf\xe9 au lait \x81\x8d",
        "byline only.txt": b"Writer: Li Wei).\n",
        ".hidden.txt": ARTICLE.encode(),
        ".#utf8.txt": b"lock",
        "utf8.txt~": ARTICLE.encode() + b"old",
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
    secret = root / "secret.txt"
    secret.write_text("Outside title\nThis file is outside the raw dir.\n", encoding="utf-8")
    os.symlink(secret, raw / "escape.txt")
    return raw


@pytest.fixture(scope="module")
def published(prefect_harness: None, raw: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("bad-input-out")
    return out, corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out))


def test_every_file_lands_in_exactly_one_place(published: tuple[Path, dict]) -> None:
    out, summary = published
    documents = pq.read_table(parquet_path(out / "latest", "documents")).to_pylist()
    rejected = pq.read_table(parquet_path(out / "latest", "rejected")).to_pylist()
    landed = {d["path"]: ("documents", d["encoding"]) for d in documents}
    for r in rejected:
        assert r["path"] not in landed
        landed[r["path"]] = ("rejected", r["reason"])
        assert r["message"]
    assert landed == EXPECTED
    assert summary["rejected"] == sum(1 for table, _ in EXPECTED.values() if table == "rejected")


def test_the_symlink_target_was_never_read(published: tuple[Path, dict]) -> None:
    out, _ = published
    rejected = pq.read_table(parquet_path(out / "latest", "rejected")).to_pylist()
    (escape,) = [r for r in rejected if r["path"] == "escape.txt"]
    assert (escape["n_bytes"], escape["sha256"]) == (0, "")


def test_duplicates_name_the_file_that_is_read(published: tuple[Path, dict]) -> None:
    out, _ = published
    rejected = pq.read_table(parquet_path(out / "latest", "rejected")).to_pylist()
    (copy,) = [r for r in rejected if r["reason"] == "duplicate"]
    assert copy["path"] == "utf8.txt" and "copy of utf8.txt" in copy["message"]


def test_decoded_text_and_line_ends(published: tuple[Path, dict]) -> None:
    out, _ = published
    texts = {d["path"]: d["text"] for d in pq.read_table(parquet_path(out / "latest", "documents")).to_pylist()}
    assert texts["gb18030.txt"] == GB_ARTICLE
    assert texts["cp1252.txt"] == CP1252_ARTICLE
    assert texts["crlf.txt"] == texts["cr only.txt"].replace("Yang Fan", "Zhou Ming")
    assert "\r" not in texts["crlf.txt"]
    authors = {a["name"] for a in pq.read_table(parquet_path(out / "latest", "authors")).to_pylist()}
    assert {"Li Wei", "Chen Jing", "Wang Hua", "Zhou Ming", "Yang Fan", "张楠", "李华"} <= authors


def test_a_several_megabyte_line_is_segmented_with_warnings(published: tuple[Path, dict]) -> None:
    out, _ = published
    articles = pq.read_table(parquet_path(out / "latest", "articles")).to_pylist()
    (long_article,) = [a for a in articles if a["doc_id"] in {
        d["doc_id"] for d in pq.read_table(parquet_path(out / "latest", "documents")).to_pylist()
        if d["path"] == "long line.txt"
    }]
    assert {"title_guessed", "long_sentence_split"} <= set(long_article["parse_warnings"])
    sentences = pq.read_table(parquet_path(out / "latest", "sentences"), columns=["article_id", "text"])
    lengths = [len(s["text"]) for s in sentences.to_pylist() if s["article_id"] == long_article["article_id"]]
    assert max(lengths) <= 2000 and sum(lengths) > 3_000_000


def test_strict_mode_fails_and_names_the_rejections(raw: Path, tmp_path: Path) -> None:
    with pytest.raises(RejectedInputError) as failure:
        corpus_pipeline(RunSettings(raw_dir=raw, out_dir=tmp_path / "out", strict=True))
    message = str(failure.value)
    assert message.startswith("12 raw files were rejected (skipped 4, binary 2, empty 2, ")
    assert "--strict is set" in message and ".DS_Store: skipped (.DS_Store is an operating-system file)" in message
    assert not (tmp_path / "out" / "latest").exists()
