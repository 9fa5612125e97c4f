from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.io import discover, read_raw
from transforms.errors import InputError
from transforms.records import RawFile, Rejection, RejectReason


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    (root / "sub dir").mkdir(parents=True)
    (root / "a.txt").write_text("Title\nBody.\n", encoding="utf-8")
    (root / "sub dir" / "ünïcode name.txt").write_text("Title\nBody.\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "a.txt~").write_text("x", encoding="utf-8")
    (root / ".#lock.txt").write_text("x", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    outside = tmp_path / "secret.txt"
    outside.write_text("Title\nOutside the raw dir.\n", encoding="utf-8")
    os.symlink(outside, root / "link-out.txt")
    os.symlink(root / "a.txt", root / "link-in.txt")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    return root


def test_discover_lists_every_file_relative_and_sorted(raw: Path) -> None:
    assert discover(raw) == [
        ".#lock.txt", ".DS_Store", ".hidden.txt", "a.txt", "a.txt~", "dangling.txt", "link-in.txt",
        "link-out.txt", "sub dir/ünïcode name.txt",
    ]


def test_missing_raw_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        discover(tmp_path / "nope")


def test_every_file_is_read_or_rejected_with_a_reason(raw: Path) -> None:
    results = {p: read_raw(raw, p) for p in discover(raw)}
    read = sorted(p for p, r in results.items() if isinstance(r, RawFile))
    assert read == ["a.txt", "link-in.txt", "sub dir/ünïcode name.txt"]
    reasons = {p: r.reason for p, r in results.items() if isinstance(r, Rejection)}
    assert reasons == {
        ".#lock.txt": RejectReason.SKIPPED,
        ".DS_Store": RejectReason.SKIPPED,
        ".hidden.txt": RejectReason.SKIPPED,
        "a.txt~": RejectReason.SKIPPED,
        "dangling.txt": RejectReason.UNREADABLE,
        "link-out.txt": RejectReason.OUTSIDE_RAW_DIR,
    }
    out = results["link-out.txt"]
    assert isinstance(out, Rejection) and out.n_bytes == 0  # the target was never read
