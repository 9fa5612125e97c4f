"""Reading the run's inputs: every file found in the raw dir ends up as a ``RawFile`` to decode or a
``Rejection``; the taxonomy file becomes a ``LoadedTaxonomy``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from transforms.decoding import sha256_hex
from transforms.errors import InputError, TaxonomyError
from transforms.inputs import skip_reason
from transforms.records import RawFile, Rejection, RejectReason
from transforms.themes import Taxonomy, parse_taxonomy


@dataclass(frozen=True, slots=True)
class LoadedTaxonomy:
    taxonomy: Taxonomy
    path: str
    sha256: str  # of the file's bytes: part of every document's cache key


def read_taxonomy(path: Path) -> LoadedTaxonomy:
    """The taxonomy file, parsed, or a ``TaxonomyError`` that says why it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TaxonomyError(f"the taxonomy file {path} cannot be read: {exc.strerror or exc}") from exc
    try:
        taxonomy = parse_taxonomy(data.decode("utf-8"))
    except (TaxonomyError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"the taxonomy file {path} is invalid: {exc}") from exc
    return LoadedTaxonomy(taxonomy, str(path), sha256_hex(data))


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
