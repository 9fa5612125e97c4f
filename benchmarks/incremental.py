"""Full run versus re-runs after changing one document, through the real CLI (a Prefect flow each), optionally
side by side with another revision.

    .venv/bin/python -m benchmarks.incremental [--docs 2000 | --mb 1000] [--repeat 3] [--against REV]

For each case, the median over --repeat runs of: wall-clock seconds of the whole command, and the flow's own
time from its log (the flow run's first line to its ``done:`` line: no interpreter or Prefect server start-up;
where a revision logs no ``done:`` line, the manifest's started_at to finished_at); and the peak RSS
of the flow's process and of the largest shard builder, from the run's log. Cases: one small
document (the fixed start-up: Prefect's temporary server, imports, the suites' fixed cost), a full run over the
corpus, a re-run after editing one of its documents, and a re-run with nothing changed. Then each re-run's work
beyond the fixed start-up as a share of the full run's (targets: under 10% after one edit, under 5% with nothing
changed; under 3% on 1,000 MB). With ``--against REV``, REV is checked out in a temporary worktree and every run
is made by both trees by turns (REV first), on the same corpus, and both tables are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.compare import checked_out
from benchmarks.corpus import scaled_corpus, write_corpus
from benchmarks.results import record
from flows.catalog import PROJECT_ROOT

TARGETS = {"re-run, 1 changed": 0.10, "re-run, none changed": 0.05}
LARGE_TARGET = 0.03  # for both re-runs, on 1,000 MB or more
CASES = ("fixed start-up (1 document)", "full run", "re-run, 1 changed", "re-run, none changed")


def run(raw: Path, out: Path, tree: Path = PROJECT_ROOT, options: tuple[str, ...] = ()
        ) -> tuple[float, float, dict[str, Any]]:
    """Wall seconds, in-flow seconds and the manifest of one ``corpus-pipeline run`` of the code in ``tree``."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir", str(out), *options],
        capture_output=True, text=True, check=False, cwd=tree, env=os.environ | {"PYTHONPATH": str(tree)},
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"run failed:\n{result.stdout}\n{result.stderr}")
    manifest = json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8"))
    flow = _logged_flow_time(result.stdout + result.stderr) or (
        datetime.fromisoformat(manifest["finished_at"]) - datetime.fromisoformat(manifest["started_at"]))
    rss = re.findall(r"peak RSS: flow process ([0-9.]+) MB, shard builders ([0-9.]+) MB", result.stdout + result.stderr)
    if rss:  # the log line of this tree's commit; another revision may log none
        manifest["peak_rss_mb"] = tuple(float(v) for v in rss[-1])
    return wall, flow.total_seconds(), manifest


def _logged_flow_time(log: str) -> timedelta | None:
    """From the flow run's first log line to its ``done:`` line (Prefect's HH:MM:SS.mmm stamps)."""
    begun = re.search(r"^(\d\d:\d\d:\d\d\.\d+) \| INFO +\| Flow run '[^']+' - Beginning flow run", log, re.M)
    done = re.search(r"^(\d\d:\d\d:\d\d\.\d+) \| INFO +\| Flow run '[^']+' - done: ", log, re.M)
    if not (begun and done):
        return None
    start, end = (datetime.strptime(m.group(1), "%H:%M:%S.%f") for m in (begun, done))
    return (end - start) % timedelta(days=1)  # a run over midnight


def edit_one(raw: Path, names: list[str], round_: int) -> None:
    victim = raw / names[len(names) // 2]
    victim.write_text(victim.read_text(encoding="utf-8").replace(". ", f". Indeed ({round_}), ", 1), encoding="utf-8")


def report(label: str, cases: dict[str, list[tuple[float, float, dict[str, Any]]]], mb: float) -> None:
    print(f"{label}: {'case':<30} {'wall s':>8} {'in-flow s':>10}   documents processed / reused")
    medians = {}
    for case, results in cases.items():
        wall = statistics.median(r[0] for r in results)
        flow = statistics.median(r[1] for r in results)
        medians[case] = (wall, flow)
        processed = results[-1][2]["processed"]
        rss = results[-1][2].get("peak_rss_mb")
        memory = f"; peak RSS: flow {rss[0]:.0f} MB, a shard builder {rss[1]:.0f} MB" if rss else ""
        counts = f"{processed['processed']} / {processed['reused']}"
        print(f"{label}: {case:<30} {wall:8.2f} {flow:10.2f}   {counts}{memory}")
        record(f"re-runs, {mb:.0f} MB ({label})", f"{case}: wall", wall, "s", f"median of {len(results)}")
    startup, full = medians[CASES[0]], medians["full run"]
    for case, target in TARGETS.items():
        target = LARGE_TARGET if mb >= 1000 else target
        for i, kind in enumerate(("wall", "in-flow")):
            share = max(medians[case][i] - startup[i], 0.0) / (full[i] - startup[i])
            verdict = "meets" if share < target else "MISSES"
            print(f"{label}: {case}: work beyond start-up ({kind}) {share:5.1%} of the full run's "
                  f"({verdict} the {target:.0%} target)")
            record(f"re-runs, {mb:.0f} MB ({label})", f"{case}: work beyond start-up ({kind})", 100 * share,
                   "% of a full run", f"target {target:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--docs", type=int, default=2000)
    size.add_argument("--mb", type=float, help="a corpus of this many MB instead of --docs documents")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", metavar="REV", help="another revision, run by turns on the same corpus")
    parser.add_argument("--shard-mb", help="this tree's runs: --shard-mb (default: the command line's)")
    args = parser.parse_args()
    one = scaled_corpus(PROJECT_ROOT / "raw", megabytes=0.01)
    per_doc_mb = len(next(iter(one.values()))) / 1e6
    docs = int(args.mb / per_doc_mb) if args.mb else args.docs
    corpus = scaled_corpus(PROJECT_ROOT / "raw", megabytes=per_doc_mb * docs * 1.02)
    files = dict(list(corpus.items())[:docs])
    names = sorted(files)
    mb = sum(len(d) for d in files.values()) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        trees = {"this tree" + (f" (--shard-mb {args.shard_mb})" if args.shard_mb else ""): PROJECT_ROOT}
        worktree = checked_out(args.against, root / "old") if args.against else None
        if worktree is not None:
            trees = {args.against: worktree.__enter__(), **trees}
        try:
            cases = {label: {case: [] for case in CASES} for label in trees}
            write_corpus(dict([next(iter(files.items()))]), root / "small")
            for i in range(args.repeat):
                for j, (label, tree) in enumerate(trees.items()):  # the same corpus and edits for each tree
                    raw, out = root / f"raw-{j}", root / f"out-{j}"
                    shutil.rmtree(raw, ignore_errors=True)
                    shutil.rmtree(out, ignore_errors=True)
                    write_corpus(files, raw)
                    got: dict[str, list[tuple[float, float, dict[str, Any]]]] = cases[label]
                    options = ("--shard-mb", args.shard_mb) if args.shard_mb and tree == PROJECT_ROOT else ()
                    got[CASES[0]].append(run(root / "small", root / f"out-small-{j}-{i}", tree, options))
                    got["full run"].append(run(raw, out, tree, options))
                    edit_one(raw, names, i)
                    got["re-run, 1 changed"].append(run(raw, out, tree, options))
                    got["re-run, none changed"].append(run(raw, out, tree, options))
                    print(f"round {i + 1} of {args.repeat} done: {label}", file=sys.stderr, flush=True)
        finally:
            if worktree is not None:
                worktree.__exit__(None, None, None)
    print(f"corpus: {len(files)} documents, {mb:.1f} MB; medians of {args.repeat} runs per case and tree")
    for label, got in cases.items():
        report(label, got, mb)


if __name__ == "__main__":
    main()
