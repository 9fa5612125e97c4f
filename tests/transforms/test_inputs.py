"""Which raw files are read, by name."""

from __future__ import annotations

import pytest

from transforms.inputs import skip_reason
from transforms.records import RejectReason


@pytest.mark.parametrize(("path", "why"), [
    ("a.txt", None),
    ("2024.03/notes.v2.txt", None),
    ("sub dir/ünïcode name.txt", None),
    (".hidden.txt", "a hidden file, or a file in a hidden folder"),
    (".git/config", "a hidden file, or a file in a hidden folder"),
    ("a/.cache/b/c.txt", "a hidden file, or a file in a hidden folder"),
    ("a/b/.c.txt", "a hidden file, or a file in a hidden folder"),
    ("notes.txt~", "an editor backup or lock file"),
    ("a/.#notes.txt", "an editor backup or lock file"),
    ("#notes.txt#", "an editor backup or lock file"),
    ("a/.DS_Store", ".DS_Store is an operating-system file"),
])
def test_a_file_is_skipped_by_its_name(path: str, why: str | None) -> None:
    reason = skip_reason(path)
    assert (reason[1] if reason else None) == why
    assert reason is None or reason[0] is RejectReason.SKIPPED
