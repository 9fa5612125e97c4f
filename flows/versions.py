"""What a shard's files depend on besides its documents: the code's version, and the hash of the suites."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from flows.io import read_regular

ROOT = Path(__file__).resolve().parent.parent
TRANSFORMS = ROOT / "transforms"
# The flows modules that shape a shard's files and summary, beside every module of transforms/.
SHARD_MODULES = tuple(ROOT / "flows" / name for name in ("shards.py", "validation.py", "publish.py"))


def package_version() -> str:
    try:
        return metadata.version("corpus-pipeline")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def code_version(package_version: str, source: Path = TRANSFORMS, more: Iterable[Path] = SHARD_MODULES) -> str:
    """The package version plus a hash of the source that makes a shard (every module of ``source`` and
    ``more``): any change to that code changes it, so every shard is built again."""
    digest = hashlib.sha256(package_version.encode())
    for path in [*sorted(source.glob("*.py")), *more]:
        digest.update(path.name.encode() + b"\0" + read_regular(path))
    return f"{package_version}+{digest.hexdigest()[:16]}"


def suites_version(suites: Mapping[str, dict[str, Any]]) -> str:
    """A hash of the expectation suites as loaded (key order aside)."""
    return hashlib.sha256(json.dumps(suites, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
