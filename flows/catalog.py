"""The one place that knows where inputs and outputs live and in which formats.

Layout of the output dir::

    OUT/latest -> runs/<run_id>        (a symlink, switched atomically after a good run)
    OUT/runs/<run_id>/parquet/<table>.parquet
    OUT/runs/<run_id>/csv/<table>.csv
    OUT/runs/<run_id>/validation/<table>.json
    OUT/runs/<run_id>/manifest.json
    OUT/failed/<run_id>/validation/     (results of a run whose validation failed; never read as data)
    OUT/.staging/<run_id>/              (a run being written; removed or renamed when it ends)
    OUT/cache/<key>.arrows              (per-document tables, content-addressed: see flows/cache.py)
    OUT/.lock                           (held by the run in progress: see flows/lock.py)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TAXONOMY = PROJECT_ROOT / "taxonomy" / "emergency_management.toml"
DEFAULT_EXPECTATIONS = PROJECT_ROOT / "expectations"
DEFAULT_DICTIONARY = PROJECT_ROOT / "docs" / "data_dictionary.md"
DEFAULT_KEEP = 10
DEFAULT_LOCK_TIMEOUT = 600.0  # seconds a run waits for another run on the same output dir


@dataclass(frozen=True, slots=True)
class Catalog:
    raw_dir: Path
    out_dir: Path
    taxonomy: Path = DEFAULT_TAXONOMY
    expectations: Path = DEFAULT_EXPECTATIONS
    keep: int = DEFAULT_KEEP  # published runs kept under runs/
    csv_bom: bool = False  # start each CSV file with a UTF-8 byte-order mark

    @property
    def latest(self) -> Path:
        return self.out_dir / "latest"

    @property
    def runs(self) -> Path:
        return self.out_dir / "runs"

    @property
    def staging(self) -> Path:
        return self.out_dir / ".staging"

    @property
    def cache(self) -> Path:
        return self.out_dir / "cache"

    @property
    def failed(self) -> Path:
        return self.out_dir / "failed"

    def suite(self, table: str) -> Path:
        return self.expectations / f"{table}.json"


def parquet_path(run_root: Path, table: str) -> Path:
    return run_root / "parquet" / f"{table}.parquet"


def csv_path(run_root: Path, table: str) -> Path:
    return run_root / "csv" / f"{table}.csv"


def validation_path(run_root: Path, table: str) -> Path:
    return run_root / "validation" / f"{table}.json"


def manifest_path(run_root: Path) -> Path:
    return run_root / "manifest.json"
