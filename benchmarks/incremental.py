"""Full run versus re-run after changing one document, through the real CLI (a Prefect flow each).

    .venv/bin/python -m benchmarks.incremental [--docs 2000] [--repeat 3]

For each case, the median over --repeat runs of: wall-clock seconds of the whole command, and the flow's own
time from the manifest (started_at to finished_at: no interpreter or Prefect server start-up). Cases: one small
document (the fixed start-up: Prefect's temporary server, imports, the suites' fixed cost), a full run over DOCS
documents, a re-run after editing one of them, and a re-run with nothing changed. Then the re-run's work beyond
the fixed start-up as a share of the full run's (target: under 10%).

The default corpus (2,000 documents, ~51 MB) is larger than what the command line prefetches while Prefect
starts (a partition, 32 MB): with 200 documents (5 MB) a full run costs no more than the start-up, and the
share means nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.corpus import scaled_corpus, write_corpus
from flows.catalog import PROJECT_ROOT

TARGET = 0.10


def run(raw: Path, out: Path) -> tuple[float, float, dict[str, Any]]:
    """Wall seconds, in-flow seconds and the manifest of one ``corpus-pipeline run``."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir", str(out)],
        capture_output=True, text=True, check=False, cwd=PROJECT_ROOT,
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"run failed:\n{result.stdout}\n{result.stderr}")
    manifest = json.loads((out / "latest" / "manifest.json").read_text(encoding="utf-8"))
    flow = (datetime.fromisoformat(manifest["finished_at"]) - datetime.fromisoformat(manifest["started_at"]))
    return wall, flow.total_seconds(), manifest


def edit_one(raw: Path, names: list[str], round_: int) -> None:
    victim = raw / names[len(names) // 2]
    victim.write_text(victim.read_text(encoding="utf-8").replace(". ", f". Indeed ({round_}), ", 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    one = scaled_corpus(PROJECT_ROOT / "raw", megabytes=0.01)
    per_doc_mb = len(next(iter(one.values()))) / 1e6
    corpus = scaled_corpus(PROJECT_ROOT / "raw", megabytes=per_doc_mb * args.docs * 1.02)
    files = dict(list(corpus.items())[: args.docs])
    names = sorted(files)
    cases: dict[str, list[tuple[float, float, dict[str, Any]]]] = {
        "fixed start-up (1 document)": [], "full run": [], "re-run, 1 changed": [], "re-run, none changed": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(dict([next(iter(files.items()))]), root / "small")
        write_corpus(files, root / "raw")
        for i in range(args.repeat):
            cases["fixed start-up (1 document)"].append(run(root / "small", root / f"out-small-{i}"))
            shutil.rmtree(root / "out", ignore_errors=True)
            cases["full run"].append(run(root / "raw", root / "out"))
            edit_one(root / "raw", names, i)
            cases["re-run, 1 changed"].append(run(root / "raw", root / "out"))
            cases["re-run, none changed"].append(run(root / "raw", root / "out"))

    mb = sum(len(d) for d in files.values()) / 1e6
    print(f"corpus: {len(files)} documents, {mb:.1f} MB; medians of {args.repeat} runs")
    print(f"{'case':<30} {'wall s':>8} {'in-flow s':>10}   documents processed / reused")
    medians = {}
    for label, results in cases.items():
        wall = statistics.median(r[0] for r in results)
        flow = statistics.median(r[1] for r in results)
        medians[label] = (wall, flow)
        processed = results[-1][2]["processed"]
        print(f"{label:<30} {wall:8.2f} {flow:10.2f}   {processed['processed']} / {processed['reused']}")
    startup, full, rerun = (medians[k] for k in ("fixed start-up (1 document)", "full run", "re-run, 1 changed"))
    for i, kind in enumerate(("wall", "in-flow")):
        share = max(rerun[i] - startup[i], 0.0) / (full[i] - startup[i])
        verdict = "meets" if share < TARGET else "MISSES"
        print(f"re-run work beyond start-up ({kind}): {share:5.1%} of the full run's "
              f"({verdict} the {TARGET:.0%} target)")


if __name__ == "__main__":
    main()
