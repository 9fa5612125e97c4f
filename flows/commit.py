"""Committing a run: from its shards' summaries to a staged snapshot, without reading a row of the shards.

``check_run`` merges what the shards checked (``flows.shards``) with what spans them: the row counts, the uniqueness
of keys across shards (from the hashes each shard stored), and the tables made whole only now (authors, themes,
rejected), checked with their whole suites. The snapshot is laid out in the staging dir in two steps.
``stage_shards``, which needs nothing the checks find and so runs while they do: every shard's files hard-linked
as ``parquet/<table>/part-<shard>.parquet`` and ``csv/<table>/part-<shard>.csv`` (copied where the file system
cannot link), and each table's single CSV file when the table fits a spreadsheet (``fits_spreadsheet``), made
by joining the shard CSV files byte for byte (each one's header and byte-order mark dropped but the first's),
or linked from the previous snapshot when it was joined from the same parts (the manifest's ``joined_csv`` keeps
what each was joined from). ``stage_derived``, once the checks passed: the whole tables
written as part ``all``. ``flows.publish`` then adds the card, the manifest and the validation results, and
switches ``latest``; a run whose checks fail discards the staging dir.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import shutil
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from flows.catalog import DERIVED_PART, Catalog, csv_part, csv_path, parquet_part
from flows.io import open_regular
from flows.publish import HashedFile, write_table_files
from flows.shards import ShardStore, ShardSummary
from flows.validation import Validation, ValidationReport
from transforms.records import Rejection
from transforms.report import ReportTally
from transforms.schema import fits_spreadsheet
from transforms.tables import DOCUMENT_TABLES, AuthorTally, derived_tables
from transforms.themes import Taxonomy


@dataclass(frozen=True, slots=True)
class Checked:
    """A run's shards taken together."""

    report: ValidationReport
    row_counts: dict[str, int]  # every table's
    derived: dict[str, pa.Table]  # authors, themes, rejected
    tally: ReportTally  # the report's, in shard order
    documents: list[dict[str, Any]]  # the manifest's rows of every document, in shard order
    rejected: list[Rejection]  # every file the run rejected


def check_run(summaries: Sequence[ShardSummary], store: ShardStore, rejected: Sequence[Rejection],
              suites: Mapping[str, dict[str, Any]], taxonomy: Taxonomy,
              elsewhere: Callable[..., Any] | None = None, published: Collection[str] = ()) -> Checked:
    """The run's validation report and totals, from its shards' summaries (in shard order) and ``rejected``, the
    files rejected before any shard was built. ``elsewhere(fn, *args)``, when given, runs the whole tables'
    suites (in a worker process, so that this one need not import Great Expectations). ``published``: the keys
    of the shards of the snapshot published last, whose keys are known to be unique across them."""
    validation = Validation(suites, list(taxonomy.theme_ids))
    authors, tally = AuthorTally(), ReportTally()
    everything = list(rejected)
    documents: list[dict[str, Any]] = []
    held = Validation.held_within([s.within_documents for s in summaries])  # their hashes are not read
    for s in summaries:
        validation.add_checked(s.checks, s.row_counts, store.hashes(s, skip=held), published=s.key in published,
                               within=s.within_documents)
        authors.merge(s.authors)
        tally.merge(s.tally)
        everything += s.rejected
        documents += s.documents
    derived = derived_tables(authors, everything, taxonomy)
    validation.add_tables(derived, elsewhere)
    rows = validation.row_counts | {name: table.num_rows for name, table in derived.items()}
    counts = {name: rows.get(name, 0) for name in suites}
    return Checked(validation.finish(), counts, derived, tally, documents, everything)


def failing_shards(report: ValidationReport, summaries: Sequence[ShardSummary], examples: int = 3) -> list[str]:
    """For each blocking check that failed inside shards, the shards it failed in and some of their documents."""
    lines = []
    for r in report.blocking:
        where = [s for s in summaries if any(c.table == r.table and c.check == r.check and c.blocking
                                             for c in s.checks)]
        if where:
            named = "; ".join(
                f"shard {s.name} ({len(s.documents)} documents, e.g. "
                f"{', '.join(d['path'] for d in s.documents[:examples])})" for s in where[:examples])
            more = f"; and {len(where) - examples} more shards" if len(where) > examples else ""
            lines.append(f"{r.table}: {r.check} failed in {named}{more}")
    return lines


@dataclass(frozen=True, slots=True)
class Staged:
    """A snapshot's table files, staged."""

    digests: dict[str, dict[str, Any]]  # every file's, by path relative to the staging dir
    joined: dict[str, str]  # each single CSV file's path -> the key of its parts (``_parts_key``)
    durable: frozenset[str]  # the files fsynced already: hard links to the shard store or ``latest``, joined CSVs


def stage_shards(catalog: Catalog, staged: Path, summaries: Sequence[ShardSummary], store: ShardStore,
                 previous: Mapping[str, Any] | None = None) -> Staged:
    """The shards' table files in the staging dir ``staged``, and each per-document table's single CSV file. A
    single CSV file whose parts are those of the ``previous`` snapshot's (``latest``) is linked from it rather
    than joined again; one joined is fsynced by the thread that joined it, so that the tables' joins and flushes
    overlap. Reads nothing but the shards' files: it may run while the run's checks do."""
    digests: dict[str, dict[str, Any]] = {}
    joined: dict[str, str] = {}
    durable: set[str] = set()
    to_join: list[tuple[list[Path], Path]] = []
    for t in DOCUMENT_TABLES:
        parts: list[Path] = []
        for s in summaries:
            for name, target in ((f"{t.name}.parquet", parquet_part(staged, t.name, s.name)),
                                 (f"{t.name}.csv", csv_part(staged, t.name, s.name))):
                if _link(store.file(s.key, name), target):
                    durable.add(target.relative_to(staged).as_posix())
                digests[target.relative_to(staged).as_posix()] = s.files[name]
            parts.append(csv_part(staged, t.name, s.name))
        whole = csv_path(staged, t.name).relative_to(staged).as_posix()
        if not fits_spreadsheet(sum(s.row_counts[t.name] for s in summaries),
                                sum(s.files[f"{t.name}.csv"]["bytes"] for s in summaries)):
            continue
        if len(parts) == 1:
            if _link(parts[0], csv_path(staged, t.name)) and parts[0].relative_to(staged).as_posix() in durable:
                durable.add(whole)
            digests[whole] = summaries[0].files[f"{t.name}.csv"]
            continue
        joined[whole] = _parts_key([s.files[f"{t.name}.csv"]["sha256"] for s in summaries])
        reused = _previous_file(catalog, previous, whole, joined[whole])
        if reused is not None:
            if _link(catalog.latest / whole, csv_path(staged, t.name)):
                durable.add(whole)
            digests[whole] = reused
        else:
            to_join.append((parts, csv_path(staged, t.name)))
    # Joining is reading, hashing, writing and flushing, each of which lets other threads run: tables in parallel.
    with ThreadPoolExecutor(max_workers=max(1, min(len(to_join), os.cpu_count() or 1))) as pool:
        done = pool.map(lambda job: _join_csv(job[0], job[1], catalog.csv_bom), to_join)
        for (_, target), digest in zip(to_join, list(done), strict=True):
            digests[target.relative_to(staged).as_posix()] = digest
            durable.add(target.relative_to(staged).as_posix())
    return Staged(digests, joined, frozenset(durable))


def stage_derived(catalog: Catalog, staged: Path, shards: Staged, derived: Mapping[str, pa.Table]) -> Staged:
    """``shards`` (``stage_shards``) with the tables made whole at commit (authors, themes, rejected) written as
    part ``all`` beside them, and as single CSV files where they fit a spreadsheet."""
    digests = shards.digests | write_table_files(staged, derived, catalog.csv_bom, part=DERIVED_PART)
    for name, table in derived.items():
        part = csv_part(staged, name, DERIVED_PART)
        if fits_spreadsheet(table.num_rows, digests[part.relative_to(staged).as_posix()]["bytes"]):
            _link(part, csv_path(staged, name))
            digests[csv_path(staged, name).relative_to(staged).as_posix()] = digests[
                part.relative_to(staged).as_posix()]
    return replace(shards, digests=digests)


def _parts_key(part_digests: Sequence[str]) -> str:
    """What a single CSV file is joined from: the sha256 of its parts' sha256s, in order."""
    return hashlib.sha256("\n".join(part_digests).encode()).hexdigest()


def _previous_file(catalog: Catalog, previous: Mapping[str, Any] | None, path: str, key: str
                   ) -> dict[str, Any] | None:
    """The digest of the previous snapshot's file ``path`` when it was joined from the same parts (``key``) and
    is still there at its size; else None."""
    if previous is None or previous.get("joined_csv", {}).get(path) != key or path not in previous["files"]:
        return None
    digest: dict[str, Any] = previous["files"][path]
    try:
        same = (catalog.latest / path).stat().st_size == digest["bytes"]
    except OSError:
        same = False
    return digest if same else None


def _link(source: Path, target: Path) -> bool:
    """``target`` made the same file as ``source``: a hard link (returns True), or a copy where one cannot be
    made (False: the copy is a new file, to be fsynced with the snapshot)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except FileExistsError:
        # left by a try of this staging that failed part way (its task is retried): a copy onto it would write
        # through the link into the stored file
        target.unlink()
        return _link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copyfile(source, target)
        return False
    return True


def _join_csv(parts: Sequence[Path], target: Path, bom: bool) -> dict[str, Any]:
    """One CSV file of ``parts`` (CSV files of one schema) joined byte for byte: the first whole, the others
    without their byte-order mark and header line. Returns the file's digest."""
    if not parts:
        raise ValueError(f"no CSV parts to join into {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    out = HashedFile(target)
    try:
        for i, part in enumerate(parts):
            with open_regular(part) as f:
                if i:
                    head = f.read(len(codecs.BOM_UTF8)) if bom else b""
                    line = f.readline()  # the header: column names only, so one line
                    if (bom and head != codecs.BOM_UTF8) or not line.endswith(b"\n"):
                        raise ValueError(f"{part} does not start with the CSV header this run writes")
                while chunk := f.read(1 << 20):
                    out.write(chunk)
        out.sync()
    finally:
        out.close()
    target.chmod(0o444)  # the next snapshot may link it (``stage_shards``): nobody may edit it in place
    return {"sha256": out.sha256.hexdigest(), "bytes": out.n_bytes}
