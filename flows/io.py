"""Reading the raw dir: every file found ends up as a ``RawFile`` to decode or a ``Rejection``."""

from __future__ import annotations

import os
from pathlib import Path

from transforms.decoding import sha256_hex
from transforms.errors import InputError
from transforms.inputs import skip_reason
from transforms.records import RawFile, Rejection, RejectReason


def discover(raw_dir: Path) -> list[str]:
    """Relative POSIX paths of every file under ``raw_dir`` (symlinks included, not followed), sorted."""
    if not raw_dir.is_dir():
        raise InputError(f"the raw dir {raw_dir} does not exist or is not a directory")
    found = []
    for root, dirs, files in os.walk(raw_dir, followlinks=False):
        for name in dirs:  # symlinked folders are not walked into; report them as files
            if (Path(root) / name).is_symlink():
                files.append(name)
        for name in files:
            found.append((Path(root) / name).relative_to(raw_dir).as_posix())
    return sorted(found)


def read_raw(raw_dir: Path, relative_path: str) -> RawFile | Rejection:
    """Read one file, or say why it was not read."""
    path = raw_dir / relative_path
    skipped = skip_reason(relative_path)
    if skipped is not None:
        return _rejection_for(path, relative_path, *skipped)
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(raw_dir.resolve()):
            return Rejection(relative_path, "", 0, RejectReason.OUTSIDE_RAW_DIR,
                             "a symlink that points outside the raw dir; not followed")
        if target.is_dir():
            return Rejection(relative_path, "", 0, RejectReason.SKIPPED,
                             "a symlink to a folder inside the raw dir; its files are read where they are")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(relative_path, "", 0, RejectReason.UNREADABLE, f"cannot be read: {exc.strerror or exc}")
    return RawFile(relative_path, data)


def _rejection_for(path: Path, relative_path: str, reason: RejectReason, message: str) -> Rejection:
    try:
        data = b"" if path.is_symlink() else path.read_bytes()
    except OSError:
        data = b""
    return Rejection(relative_path, sha256_hex(data) if data else "", len(data), reason, message)
