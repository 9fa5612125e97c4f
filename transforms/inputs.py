"""Which files under the raw dir are candidates for reading, decided from their names alone."""

from __future__ import annotations

from transforms.records import RejectReason

# Editor and OS droppings: never corpus text.
_BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".tmp", ".orig")
_OS_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def skip_reason(relative_path: str) -> tuple[RejectReason, str] | None:
    """Why a file should not be read, or None when it should be."""
    parts = relative_path.split("/")
    name = parts[-1]
    if name in _OS_FILES:
        return RejectReason.SKIPPED, f"skipped: {name} is an operating-system file"
    if name.startswith(".#") or name.endswith(_BACKUP_SUFFIXES) or (name.startswith("#") and name.endswith("#")):
        return RejectReason.SKIPPED, "skipped: an editor backup or lock file"
    if any(part.startswith(".") for part in parts):
        return RejectReason.SKIPPED, "skipped: a hidden file or a file in a hidden folder"
    return None
