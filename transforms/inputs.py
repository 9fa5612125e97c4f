"""Which files under the raw dir are read: by name (hidden files, editor backups) and by content (duplicates)."""

from __future__ import annotations

from collections.abc import Iterable

from transforms.records import FileRef, Rejection, RejectReason

# Editor and OS droppings: never corpus text.
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".tmp", ".orig")
_OS_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def skip_reason(relative_path: str) -> tuple[RejectReason, str] | None:
    """Why a file should not be read, or None when it should be."""
    name = relative_path.rpartition("/")[2]
    if name in _OS_FILES:
        return RejectReason.SKIPPED, f"{name} is an operating-system file"
    if name.startswith(".#") or name.endswith(_BACKUP_SUFFIXES) or (name.startswith("#") and name.endswith("#")):
        return RejectReason.SKIPPED, "an editor backup or lock file"
    if relative_path.startswith(".") or "/." in relative_path:  # a name in the path starts with a dot
        return RejectReason.SKIPPED, "a hidden file, or a file in a hidden folder"
    return None


def drop_duplicates(files: Iterable[FileRef]) -> tuple[list[FileRef], list[Rejection]]:
    """Keep the first file (by path) of each set with the same bytes; reject the others, naming the one kept."""
    kept: dict[str, FileRef] = {}
    rejected = []
    for raw in sorted(files, key=lambda f: f.path):
        digest = raw.sha256
        first = kept.get(digest)
        if first is None:
            kept[digest] = raw
        else:
            rejected.append(Rejection(raw.path, digest, raw.n_bytes, RejectReason.DUPLICATE,
                                      f"the same content as {first.path}, which is read instead"))
    return list(kept.values()), rejected
