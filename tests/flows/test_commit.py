"""Laying a snapshot out from stored shards (``flows.commit``): links into the store never write through."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from flows.commit import _join_csv, _link


def test_staging_again_over_a_half_staged_dir_leaves_the_stored_files_as_they_are(tmp_path: Path) -> None:
    stored = tmp_path / "shards" / "k1" / "sentences.csv"
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"id\r\n1\r\n")
    stored.chmod(0o444)
    target = tmp_path / "staging" / "csv" / "sentences" / "part-s0.csv"
    assert _link(stored, target)
    assert _link(stored, target)  # a retried staging task links the same file again
    assert os.path.samefile(stored, target)
    assert stored.read_bytes() == b"id\r\n1\r\n"
    other = tmp_path / "shards" / "k2" / "sentences.csv"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"id\r\n2\r\n")
    assert _link(other, target)  # a target left pointing elsewhere is replaced, not written through
    assert stored.read_bytes() == b"id\r\n1\r\n" and target.read_bytes() == b"id\r\n2\r\n"


def test_joined_csv_keeps_one_header_and_bom_and_every_row_byte_for_byte(tmp_path: Path) -> None:
    parts = []
    for i, rows in enumerate((b"1\r\n2\r\n", b"", b"3\r\n")):
        part = tmp_path / f"part-{i}.csv"
        part.write_bytes(codecs.BOM_UTF8 + b'"n"\r\n' + rows)
        parts.append(part)
    digest = _join_csv(parts, tmp_path / "all.csv", bom=True)
    joined = (tmp_path / "all.csv").read_bytes()
    assert joined == codecs.BOM_UTF8 + b'"n"\r\n1\r\n2\r\n3\r\n'
    assert digest["bytes"] == len(joined)
