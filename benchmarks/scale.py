"""Throughput, start-up and peak memory at scale: 10, 100 and 1000 MB corpora generated from raw/.

    .venv/bin/python -m benchmarks.scale stages --mb 10 100       # per stage, in-process, streamed
    .venv/bin/python -m benchmarks.scale flow --mb 100 [--rounds 5] [--runner dask --workers 2 --server]  # the CLI
    .venv/bin/python -m benchmarks.scale startup                  # empty raw dir vs a bare Prefect flow

``stages`` runs the flow's own steps without Prefect, shard by shard as the flow cuts them (32 MB), in a
fresh process per size, and prints seconds and MB/s of raw text per stage (read, decode, segment, tag, build
tables, validate, write) and the process's peak RSS. Great Expectations is imported before the clock starts
(its import is part of the start-up, reported by ``startup``).

``flow`` runs ``corpus-pipeline run`` on a generated corpus and prints wall seconds, the flow's own seconds
(from the manifest), MB/s after start-up and in the flow, and the peak RSS of the flow's process and of the
processes that built its shards (the largest; with the default runner, each of ``--workers`` holds one shard).
With ``--rounds N`` it runs N times, each run paired with a run on an empty raw dir just before it (the start-up
subtracted is that round's own, so a slow spell of the machine weighs on both), and prints the median.

``startup`` times, as medians of 3, ``corpus-pipeline run`` on an empty raw dir against a Prefect flow that
does nothing (both start Prefect's temporary server), and prints the ratio (target: at most 1.5).

The corpora vary titles, bylines and paragraph order per copy (benchmarks/corpus.py), so no cache flatters us.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from benchmarks.corpus import iter_scaled_corpus, write_corpus
from benchmarks.results import record
from flows.catalog import DEFAULT_TAXONOMY, PROJECT_ROOT, Catalog
from tests.flows.prefect_server import PrefectServer
from transforms.shards import DEFAULT_SHARD_BYTES

STAGES = ("read", "decode", "segment", "tag", "build tables", "validate", "write")


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def stages(mb: float, shard_mb: float = DEFAULT_SHARD_BYTES / 1e6) -> None:
    """One size, in this process (run it in a fresh one: peak RSS is per process)."""
    import great_expectations  # noqa: F401  (its import is start-up, not throughput)

    from flows.publish import TableFiles
    from flows.validation import Validation, load_suite
    from transforms.batches import DEFAULT_BATCH_BYTES, cut, cyclic_gc_paused
    from transforms.decoding import read_document
    from transforms.records import FileRef, RawFile, Rejection, TaggedDocument
    from transforms.schema import TABLES, arrow_schema
    from transforms.segment import segment_or_reject
    from transforms.shards import cut_shards
    from transforms.tables import AuthorTally, concat_document_tables, derived_tables, documents_tables
    from transforms.themes import parse_taxonomy, tag_articles

    taxonomy = parse_taxonomy(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def clock(stage: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        seconds[stage] += time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        raw_dir, out = Path(tmp) / "raw", Path(tmp) / "out"
        n_bytes = write_corpus(iter_scaled_corpus(PROJECT_ROOT / "raw", mb), raw_dir)
        refs = [FileRef(p.name, "", p.stat().st_size) for p in sorted(raw_dir.iterdir())]
        suites = {t.name: load_suite(Catalog(raw_dir, out), t.name) for t in TABLES}
        validation = Validation(suites, list(taxonomy.theme_ids))
        authors = AuthorTally()
        for shard in cut_shards(refs, int(shard_mb * 1e6)):
            documents = shard.documents
            with clock("read"):
                raws = [RawFile(r.path, (raw_dir / r.path).read_bytes()) for r in documents]
            with cyclic_gc_paused():  # as process_batch runs these stages
                with clock("decode"):
                    docs = [d for d in map(read_document, raws) if not isinstance(d, Rejection)]
                with clock("segment"):
                    segmented = [(d, segment_or_reject(d)) for d in docs]
                with clock("tag"):  # in batches, as the flow does (one matching pass per batch)
                    tagged = []
                    found = {d.path: a for d, a in segmented if not isinstance(a, Rejection)}
                    for batch in cut([d for d in docs if d.path in found], DEFAULT_BATCH_BYTES):
                        scores = tag_articles(taxonomy, (x for d in batch for x in found[d.path].articles))
                        tagged.append([TaggedDocument(d, found[d.path].articles, scores, found[d.path].lines)
                                       for d in batch])
                with clock("build tables"):  # once per batch, as the flow does
                    tables = concat_document_tables([t for batch in tagged for t in documents_tables(batch).values()])
                raws, docs, segmented, tagged = [], [], [], []  # let the shard's records go (as a batch's do)
            authors.add(tables["articles"])
            with clock("validate"):
                validation.add_shard(tables | derived_tables(AuthorTally().add(tables["articles"]), [], taxonomy))
            with clock("write"):
                files = TableFiles(out / shard.name, {name: table.schema for name, table in tables.items()})
                for name, table in tables.items():
                    files.write(name, table)
                files.close()
        derived = derived_tables(authors, [], taxonomy)
        with clock("write"):
            files = TableFiles(out / "all", {t.name: arrow_schema(t) for t in TABLES if t.name in derived})
            for name, table in derived.items():
                files.write(name, table)
            files.close()
        with clock("validate"):
            validation.add_tables(derived)
            validation.finish()
    print(f"corpus {n_bytes / 1e6:.0f} MB ({len(refs)} files), shards of at most {shard_mb:g} MB")
    for stage in STAGES:
        print(f"  {stage:<13} {seconds[stage]:8.2f} s {n_bytes / 1e6 / seconds[stage]:8.1f} MB/s")
    total = sum(seconds.values())
    ours = seconds["segment"] + seconds["tag"]
    print(f"  {'segment+tag':<13} {ours:8.2f} s {n_bytes / 1e6 / ours:8.1f} MB/s")
    print(f"  {'all stages':<13} {total:8.2f} s {n_bytes / 1e6 / total:8.1f} MB/s")
    print(f"  peak RSS      {_peak_rss_mb():8.0f} MB")
    what = f"stages, {n_bytes / 1e6:.0f} MB, one process"
    for stage in STAGES:
        record(what, stage, n_bytes / 1e6 / seconds[stage], "MB/s")
    record(what, "all stages", n_bytes / 1e6 / total, "MB/s")
    record(what, "peak RSS", _peak_rss_mb(), "MB")


def run_cli(raw: Path, out: Path, *options: str, env: dict[str, str] | None = None, cwd: Path = PROJECT_ROOT
            ) -> tuple[float, float | None, float, float]:
    """Wall seconds, the flow's own seconds (None when nothing was published), and the peak RSS (MB) of the flow's
    process and of the processes that built its shards, as the run logs them, of one ``corpus-pipeline run`` (run
    in a fresh child, so the figures are its own; an older revision's run logs its helper process's instead; one
    that logs neither: the largest process of the run, and 0)."""
    code = (
        "import re, resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); w = time.perf_counter() - t; "
        "o = r.stdout + r.stderr; "
        "h = re.findall(r'helper: peak RSS ([0-9.]+) MB', o) or re.findall(r'shard builders ([0-9.]+) MB', o); "
        "f = re.findall(r'flow process:? (?:peak RSS )?([0-9.]+) MB', o); "
        "print(w, f[-1] if f else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, h[-1] if h else 0); "
        "sys.exit(0 if r.returncode == 0 else (print(r.stdout[-3000:], r.stderr[-3000:], file=sys.stderr) or 1))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir",
         str(out), *options], capture_output=True, text=True, cwd=cwd, env=env,
    )
    if done.returncode != 0:
        raise SystemExit(f"run failed:\n{done.stderr}")
    wall, rss, helper_rss = (float(x) for x in done.stdout.split())
    manifest_file = out / "latest" / "manifest.json"
    flow = None
    if manifest_file.exists():
        m = json.loads(manifest_file.read_text(encoding="utf-8"))
        flow = (datetime.fromisoformat(m["finished_at"]) - datetime.fromisoformat(m["started_at"])).total_seconds()
    return wall, flow, rss, helper_rss


def bare_prefect_flow(env: dict[str, str] | None = None) -> float:
    code = "from prefect import flow\n@flow\ndef noop():\n    pass\nnoop()\n"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=PROJECT_ROOT, env=env)
    return time.perf_counter() - start


def startup(repeat: int = 3, env: dict[str, str] | None = None) -> float:
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        empty.mkdir()
        for i in range(repeat):  # interleaved, so that a noisy moment hits both
            ours.append(run_cli(empty, Path(tmp) / f"out-{i}", env=env)[0])
            bare.append(bare_prefect_flow(env))
    o, b = statistics.median(ours), statistics.median(bare)
    verdict = "meets" if o / b <= 1.5 else "MISSES"
    print(f"start-up, medians of {repeat}: corpus-pipeline on an empty raw dir {o:.1f} s; bare Prefect flow "
          f"{b:.1f} s; ratio {o / b:.2f} ({verdict} the 1.5x target)")
    record("start-up", "corpus-pipeline run on an empty raw dir", o, "s", f"median of {repeat}")
    record("start-up", "a bare Prefect flow", b, "s", f"median of {repeat}")
    return o


def flow(mb: float, options: list[str], start_up: float, env: dict[str, str] | None = None, rounds: int = 1) -> None:
    """``rounds`` runs on one generated corpus, each right after a run on an empty raw dir (so that both meet
    the same moment of a noisy machine): every round's wall seconds less its own start-up, and their median."""
    with tempfile.TemporaryDirectory() as tmp:
        raw, empty = Path(tmp) / "raw", Path(tmp) / "empty"
        empty.mkdir()
        n_bytes = write_corpus(iter_scaled_corpus(PROJECT_ROOT / "raw", mb), raw)
        afters, in_flows, start_ups = [], [], []
        for i in range(rounds):
            own_start_up = run_cli(empty, Path(tmp) / f"out-empty-{i}", env=env)[0] if rounds > 1 else start_up
            start_ups.append(own_start_up)
            wall, in_flow, rss, helper_rss = run_cli(raw, Path(tmp) / f"out-{i}", *options, env=env)
            afters.append(wall - own_start_up)
            in_flows.append(in_flow or wall - own_start_up)
            print(f"flow on {n_bytes / 1e6:.0f} MB {' '.join(options)}: wall {wall:.1f} s, "
                  f"in-flow {in_flows[-1]:.1f} s; "
                  f"{n_bytes / 1e6 / afters[-1]:.1f} MB/s after start-up ({own_start_up:.1f} s), "
                  f"{n_bytes / 1e6 / in_flows[-1]:.1f} MB/s in the flow; peak RSS: flow process {rss:.0f} MB, "
                  f"shard builder (or helper) {helper_rss:.0f} MB", flush=True)
    if rounds > 1:
        after = statistics.median(afters)
        verdict = "meets" if n_bytes / 1e6 / after >= 5 else "MISSES"
        print(f"median of {rounds} rounds: {n_bytes / 1e6 / after:.1f} MB/s after start-up ({after:.1f} s beyond "
              f"it; {verdict} the 5 MB/s target on 100 MB), {n_bytes / 1e6 / statistics.median(in_flows):.1f} MB/s "
              "in the flow")
    what = f"whole flow, {n_bytes / 1e6:.0f} MB {' '.join(options)}".rstrip()
    note = f"median of {rounds}" if rounds > 1 else ""
    record(what, "fixed start-up (a run on an empty raw dir)", statistics.median(start_ups), "s", note)
    record(what, "throughput after start-up", n_bytes / 1e6 / statistics.median(afters), "MB/s", note)
    record(what, "throughput in the flow", n_bytes / 1e6 / statistics.median(in_flows), "MB/s", note)
    record(what, "peak RSS, flow process", rss, "MB", "last round")
    record(what, "peak RSS, shard builder", helper_rss, "MB", "last round")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("stages", "flow", "startup", "stages-one"))
    parser.add_argument("--mb", type=float, nargs="+", default=[10.0, 100.0])
    parser.add_argument("--runner", default=None, help="default: the CLI's own")
    parser.add_argument("--workers", default=None)
    parser.add_argument("--rounds", type=int, default=1,
                        help="flow: runs per size, each paired with a run on an empty raw dir right before it "
                        "(its own start-up); prints each and the median")
    parser.add_argument("--server", action="store_true",
                        help="start a real Prefect server on a free loopback port and run against it (what Dask "
                        "worker processes need; without it every run starts a temporary server)")
    args = parser.parse_args()
    if args.what == "stages-one":
        stages(args.mb[0])
    elif args.what == "stages":
        for mb in args.mb:  # a fresh process per size: peak RSS is per size
            subprocess.run([sys.executable, "-m", "benchmarks.scale", "stages-one", "--mb", str(mb)], check=True,
                           cwd=PROJECT_ROOT)
    elif args.what == "startup":
        startup()
    else:
        options = (["--runner", args.runner] if args.runner else []) + (["--workers", args.workers] if args.workers
                                                                        else [])
        with tempfile.TemporaryDirectory() as home:
            server = PrefectServer(Path(home)) if args.server else None
            try:
                env = server.env() if server else None
                start_up = startup(env=env)
                for mb in args.mb:
                    flow(mb, options, start_up, env, args.rounds)
            finally:
                if server:
                    server.stop()


if __name__ == "__main__":
    main()
