"""Prefect tasks: thin wrappers that call ``transforms`` and the I/O helpers. Only I/O tasks retry."""

from __future__ import annotations

import importlib.metadata
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE

from flows import io, publish, report, runners, shards
from flows.catalog import Catalog, manifest_path
from flows.commit import Checked, Staged, check_run, stage_derived, stage_shards
from flows.io import LoadedTaxonomy
from flows.report import REPORT_FILE, ChartCache
from flows.shards import ShardGroup, ShardSetup, ShardSpec, ShardStore, ShardSummary, peak_rss_mb
from flows.validation import ValidationReport, load_suite
from flows.versions import package_version, suites_version
from transforms.changes import change_markdown, change_report
from transforms.errors import CorpusError
from transforms.escapes import markdown_text
from transforms.inputs import drop_duplicates
from transforms.records import FileRef, Rejection
from transforms.report import Charts, ReportData, ReportTally, chart_keys, draw_charts, theme_labels
from transforms.schema import TABLES
from transforms.shards import cut_shards, groups, shard_key
from transforms.themes import Taxonomy

IO_RETRIES = 2  # only tasks that touch the file system retry, and only on errors that may pass
IO_RETRY_DELAY_SECONDS = 1


def _may_pass(task: Any, task_run: Any, state: Any) -> bool:
    """Retry on an OSError and the like, never on a CorpusError (a missing raw dir stays missing)."""
    try:
        state.result()
    except CorpusError:
        return False
    except Exception:
        return True
    return False


# Tasks that touch the file system retry (on errors that may pass); the pure ones never do.
io_task = task(cache_policy=NONE, retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_SECONDS,
               retry_condition_fn=_may_pass)
compute_task = task(cache_policy=NONE)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%fZ")


@io_task
def discover_files(raw_dir: Path) -> io.Discovery:
    found = io.discover(raw_dir)
    get_run_logger().info("discover: %d files under %s (and %d entries that are not read)", len(found.paths),
                          raw_dir, len(found.rejected))
    return found


@io_task
def fingerprint_files(raw_dir: Path, found: io.Discovery, known: dict[str, tuple[str, str, int]],
                      started: datetime) -> tuple[list[FileRef], list[Rejection], dict[str, str]]:
    """Every file found hashed (one in memory at a time), or rejected with a reason; files with the same bytes
    as another are rejected too, and so are the entries discovery did not list to read. A file ``known`` (by
    ``known_inputs``) whose stat is as recorded is not read again. Also returns the stat of each file read that
    the next run may take as known (``flows.io.settled_stat``; ``started``: this run's start)."""
    refs: list[FileRef] = []
    rejected: list[Rejection] = list(found.rejected)
    stats: dict[str, str] = {}
    started_ns = int(started.timestamp() * 1e9)
    hashed = 0
    for p in found.paths:
        ref = io.known_ref(raw_dir, p, known.get(p))
        if ref is not None:
            stats[p] = known[p][0]
            refs.append(ref)
            continue
        item = io.read_raw(raw_dir, p)
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        hashed += 1
        refs.append(item.ref())
        if (key := io.settled_stat(raw_dir, p, started_ns)) is not None:
            stats[p] = key
    refs, duplicates = drop_duplicates(refs)
    get_run_logger().info("read: %d files, %d bytes (%d read and hashed, %d known by their stat); %d rejected, "
                          "%d duplicates", len(refs), sum(r.n_bytes for r in refs), hashed, len(refs) + len(
                              duplicates) - hashed, len(rejected), len(duplicates))
    return refs, rejected + duplicates, stats


def known_inputs(previous: dict[str, Any] | None) -> dict[str, tuple[str, str, int]]:
    """The documents of the ``previous`` manifest with the stat they had: path -> (stat, sha256, bytes)."""
    if previous is None:
        return {}
    return {i["path"]: (i["stat"], i["sha256"], i["bytes"]) for i in previous.get("inputs", [])
            if i.get("status") == "document" and i.get("stat")}


@dataclass(frozen=True, slots=True)
class Plan:
    """The run's shards (in shard order), and which of them the store holds already."""

    shards: list[ShardSpec]
    stored: dict[str, ShardSummary]  # by key: the stored shards' summaries, read back

    @property
    def todo(self) -> list[ShardSpec]:
        return [s for s in self.shards if s.key not in self.stored]

    @property
    def n_bytes(self) -> int:
        return sum(s.n_bytes for s in self.shards)

    def groups(self, workers: int, most: int) -> list[ShardGroup]:
        """The shards to build, in groups of at most ``most`` bytes, a task each: two or more per worker when
        there are that many shards, so that no worker idles while another has a long queue."""
        return [ShardGroup(tuple(g)) for g in groups(self.todo, parts=2 * workers, most=most)]


@io_task
def plan_shards(catalog: Catalog, files: list[FileRef], taxonomy: LoadedTaxonomy,
                suites: dict[str, dict[str, Any]], version: str, shard_bytes: int) -> Plan:
    """The files cut into shards (``transforms.shards``), each with its key, and the stored ones read back."""
    context = (version, taxonomy.sha256, suites_version(suites), f"csv_bom={catalog.csv_bom}")
    specs = [ShardSpec(s.name, shard_key(s.documents, context), s.documents) for s in cut_shards(files, shard_bytes)]
    store = ShardStore(catalog.shards)
    stored = {spec.key: replace(found, name=spec.name)  # a stored shard may be renamed: see transforms.shards
              for spec in specs if (found := store.summary(spec.key)) is not None}
    plan = Plan(specs, stored)
    todo = plan.todo
    get_run_logger().info("plan: %d shards of %d documents; %d stored, %d to build (%d documents, %.1f MB)",
                          len(specs), len(files), len(stored), len(todo), sum(len(s.files) for s in todo),
                          sum(s.n_bytes for s in todo) / 1e6)
    return plan


@task(cache_policy=NONE, task_run_name="build-shards-{group.name}")
def build_shards(setup: ShardSetup, group: ShardGroup, in_process: bool = False) -> list[ShardSummary]:
    """Read, decode, segment, tag, check and write a group of shards (``flows.shards.build_shards``), here, or
    in one of this machine's worker processes (``in_process``: ``flows.runners``)."""
    built = (runners.in_worker_process(shards.build_shards, setup, group) if in_process
             else shards.build_shards(setup, group))
    logger = get_run_logger()
    for spec, summary in zip(group.shards, built, strict=True):
        rows = ", ".join(f"{k} {v}" for k, v in summary.row_counts.items())
        logger.info("shard %s: %d documents (%.1f MB) built in %.2f s: %s; %d blocking check failures",
                    spec.name, len(spec.files), spec.n_bytes / 1e6, summary.seconds, rows, len(summary.failed))
    return built


@io_task
def load_taxonomy(path: Path) -> LoadedTaxonomy:
    return io.read_taxonomy(path)


@io_task
def load_suites(catalog: Catalog) -> dict[str, dict[str, Any]]:
    return {t.name: load_suite(catalog, t.name) for t in TABLES}


@compute_task
def check_shards(catalog: Catalog, summaries: list[ShardSummary], rejected: list[Rejection],
                 suites: dict[str, dict[str, Any]], taxonomy: Taxonomy, runner: str,
                 previous: dict[str, Any] | None) -> Checked:
    """The run's validation report and totals, from the shards' summaries (``flows.commit.check_run``); with
    the ``processes`` runner, the whole tables' suites run in a worker process (GX is imported there). The
    shards of the ``previous`` snapshot were checked together when it was published."""
    elsewhere = runners.in_worker_process if runner == "processes" else None
    checked = check_run(summaries, ShardStore(catalog.shards), rejected, suites, taxonomy, elsewhere,
                        published=frozenset((previous or {}).get("shards", {})))
    report = checked.report
    built = [s.peak_rss_mb for s in summaries if not s.reused]
    get_run_logger().info("validate: %d checks over %d shards, %d blocking failures, %d warnings; peak RSS: flow "
                          "process %.0f MB, shard builders %.0f MB", len(report.results), len(summaries),
                          len(report.blocking), len(report.warnings),
                          peak_rss_mb(), max(built, default=0))
    return checked


@io_task
def stage_shard_files(catalog: Catalog, staged: Path, summaries: list[ShardSummary],
                      previous: dict[str, Any] | None) -> Staged:
    """The shards' table files and the joined single CSV files in the run's staging dir
    (``flows.commit.stage_shards``)."""
    return stage_shards(catalog, staged, summaries, ShardStore(catalog.shards), previous)


@io_task
def stage_tables(catalog: Catalog, staged: Path, shards: Staged, checked: Checked) -> Staged:
    """The snapshot's table files: the shards' (staged already) and the whole tables
    (``flows.commit.stage_derived``)."""
    return stage_derived(catalog, staged, shards, checked.derived)


@io_task
def previous_manifest(catalog: Catalog) -> dict[str, Any] | None:
    """The manifest of the run ``latest`` points to, or None before the first run."""
    path = manifest_path(catalog.latest)
    if not path.exists():
        return None
    return dict(json.loads(io.read_regular(path)))


@compute_task
def report_artifacts(row_counts: dict[str, int], report: ValidationReport) -> None:
    create_table_artifact(
        key="row-counts", table=[{"table": k, "rows": v} for k, v in row_counts.items()],
        description="Rows per output table in this run",
    )
    create_markdown_artifact(key="validation-summary", markdown=validation_markdown(report),
                             description="Great Expectations suites and code checks")


@compute_task
def change_artifact(changes: dict[str, Any]) -> None:
    create_markdown_artifact(key="change-report", markdown=change_markdown(changes),
                             description="Documents added, changed, removed and row deltas since the last run")


def validation_markdown(report: ValidationReport) -> str:
    status = "passed" if report.success else "FAILED: nothing was published"
    lines = [f"# Validation {status}", "", f"{len(report.results)} checks over {len(report.details)} tables.", ""]
    lines += ["| table | check | severity | result | failing rows | examples |", "|---|---|---|---|---|---|"]
    for r in report.results:
        if not r.success:
            examples = "; ".join(markdown_text(e) for e in r.examples)
            lines.append(f"| {r.table} | {r.check} | {r.severity} | failed | {r.failing_count} | {examples} |")
    if report.success and not report.warnings:
        lines.append("| | every check passed | | | | |")
    return "\n".join(lines) + "\n"


@io_task
def record_failure(catalog: Catalog, run_id: str, report: ValidationReport) -> Path:
    root = catalog.failed / run_id
    for name, details in report.details.items():
        publish.write_json(root / "validation" / f"{name}.json", details)
    publish.write_json(root / "summary.json", report.summary())
    return root


@io_task
def clean_leftovers(catalog: Catalog) -> None:
    """Remove what a killed run left behind (staging dirs, half-made symlinks, shards half built)."""
    removed = publish.clean_stale_staging(catalog) + ShardStore(catalog.shards).remove_leftovers()
    if removed:
        get_run_logger().warning("removed leftovers of an interrupted run: %s", ", ".join(removed))


@compute_task
def draw_report_charts(catalog: Catalog, taxonomy: Taxonomy, tally: ReportTally, version: str) -> Charts:
    """The charts of the run's report: those the last run drew from the same inputs (and code ``version``) are
    taken from the chart cache, the others drawn and cached."""
    themes = theme_labels(taxonomy)
    keys = chart_keys(themes, tally, drawing=f"{version} matplotlib {importlib.metadata.version('matplotlib')}")
    cache = ChartCache(catalog.charts)
    charts = draw_charts(themes, tally, cache.get(keys))
    cache.keep(keys, charts)
    return charts


@io_task
def write_run_report(staged: Path, data: ReportData, charts: Charts) -> Path:
    """The run's visual report, in its staging dir."""
    return report.write_report(staged, data, charts)


@io_task
def publish_run(catalog: Catalog, run_id: str, staged: Path, report: ValidationReport, manifest: dict[str, Any],
                tables: Staged, plan: Plan) -> Path:
    """Finish the staged run (validation results, card, manifest), switch latest to it, link the report as an
    artifact, prune old runs and the stored shards this run does not use."""
    publish.finish_staging(staged, report.details, manifest, tables.digests, tables.durable)
    final = publish.switch_latest(catalog, run_id, staged)
    create_link_artifact(link=(final / REPORT_FILE).resolve().as_uri(), link_text=f"report of run {run_id}",
                         key="corpus-report", description="The run's visual report (self-contained HTML)")
    removed = publish.prune_runs(catalog)
    dropped = ShardStore(catalog.shards).prune(manifest["shards"])
    get_run_logger().info("publish: %s is now latest (%d old runs pruned, %d stored shards dropped)", final,
                          len(removed), dropped)
    return final


def build_manifest(
    *, run_id: str, started: datetime, catalog: Catalog, taxonomy: LoadedTaxonomy, version: str, plan: Plan,
    summaries: list[ShardSummary], checked: Checked, previous: dict[str, Any] | None, joined: dict[str, str],
    stats: dict[str, str],
) -> dict[str, Any]:
    """The snapshot's manifest; its ``files`` (every file with its sha256) are added when it is staged."""
    reused = {d["path"] for s in summaries if s.reused for d in s.documents}
    inputs = [
        {"path": d["path"], "sha256": d["sha256"], "bytes": d["n_bytes"], "encoding": d["encoding"],
         "status": "document", "doc_id": d["doc_id"], "reused": d["path"] in reused, "stat": stats.get(d["path"])}
        for d in checked.documents
    ] + [
        {"path": r.path, "sha256": r.sha256, "bytes": r.n_bytes, "encoding": None, "status": "rejected",
         "reason": r.reason.value, "message": r.message}
        for r in checked.rejected
    ]
    manifest: dict[str, Any] = {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "package": {"name": "corpus-pipeline", "version": package_version(), "code_version": version},
        "raw_dir": str(catalog.raw_dir),
        "taxonomy": {"id": taxonomy.taxonomy.taxonomy_id, "version": taxonomy.taxonomy.version,
                     "path": taxonomy.path, "sha256": taxonomy.sha256},
        "inputs": sorted(inputs, key=lambda i: str(i["path"])),
        "rejected": len(checked.rejected),
        "processed": {"reused": len(reused), "processed": len(checked.documents) - len(reused),
                      "shards": len(summaries), "shards_reused": sum(s.reused for s in summaries)},
        "shards": {s.key: {"name": s.name, "documents": len(s.documents), "reused": s.reused,
                           "seconds": s.seconds} for s in summaries},
        "row_counts": checked.row_counts,
        "validation": checked.report.summary(),
        "joined_csv": joined,
    }
    manifest["changes"] = change_report(previous, manifest)
    return manifest
