"""The one place that knows where inputs and outputs live and in which formats.

Layout of the output dir::

    OUT/latest -> runs/<run_id>        (a symlink, switched atomically after a good run)
    OUT/runs/<run_id>/parquet/<table>/part-<shard>.parquet   (a table is a folder of part files: one dataset)
    OUT/runs/<run_id>/csv/<table>/part-<shard>.csv
    OUT/runs/<run_id>/csv/<table>.csv  (the whole table, when it fits a spreadsheet: see flows/commit.py)
    OUT/runs/<run_id>/validation/<table>.json
    OUT/runs/<run_id>/manifest.json
    OUT/failed/<run_id>/validation/     (results of a run whose validation failed; never read as data)
    OUT/.staging/<run_id>/              (a run being written; removed or renamed when it ends)
    OUT/shards/<key>/                   (a built shard's files and summary, by key: see flows/shards.py)
    OUT/charts/<key>.svg                (the last run's report charts, by key: see flows/report.py)
    OUT/.lock                           (held by the run in progress: see flows/lock.py)

A snapshot's part files are hard links to the shard store's files (copies where links cannot be made), so a
shard that did not change is neither written nor copied again.
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
    def failed(self) -> Path:
        return self.out_dir / "failed"

    @property
    def shards(self) -> Path:
        return self.out_dir / "shards"

    @property
    def charts(self) -> Path:
        return self.out_dir / "charts"

    def suite(self, table: str) -> Path:
        return self.expectations / f"{table}.json"


DERIVED_PART = "all"  # the part name of the tables made whole at commit (authors, themes, rejected)


def parquet_path(run_root: Path, table: str) -> Path:
    """The folder of a table's Parquet part files: pandas, pyarrow, DuckDB and polars read it as one dataset."""
    return run_root / "parquet" / table


def parquet_part(run_root: Path, table: str, part: str) -> Path:
    return parquet_path(run_root, table) / f"part-{part}.parquet"


def csv_path(run_root: Path, table: str) -> Path:
    """The table as one CSV file (present when it fits a spreadsheet)."""
    return run_root / "csv" / f"{table}.csv"


def csv_part(run_root: Path, table: str, part: str) -> Path:
    return run_root / "csv" / table / f"part-{part}.csv"


def validation_path(run_root: Path, table: str) -> Path:
    return run_root / "validation" / f"{table}.json"


def manifest_path(run_root: Path) -> Path:
    return run_root / "manifest.json"
