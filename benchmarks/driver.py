"""The flow's own process (the driver) per shard: CPU seconds to plan, submit and commit one more shard.

    .venv/bin/python -m benchmarks.driver [--shards 20 200] [--server]

Whatever builds the shards (local processes, a Dask cluster), the flow's process plans the run, submits a task
per shard, reads the shards' summaries and commits the snapshot: its work grows with the number of shards, and it
sets the ceiling of a scaled-out run. This builds corpora of tiny documents cut into about N shards each (one
document a shard), runs the real CLI once to build them, then re-runs it with one document changed, and reads
the flow process's CPU seconds of that re-run from its log (``flow_cpu_seconds``). The slope between the two
sizes is the driver's CPU per shard; its inverse is the most shards a second one driver core can plan and commit.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.results import record
from flows.catalog import PROJECT_ROOT
from tests.flows.prefect_server import PrefectServer

TEXT = "Drill {i} in the county\nCounty {i} held a flood drill ({v}). Rescue teams were trained.\nWriter: Li Wei).\n"


def driver_cpu(n: int, root: Path, env: dict[str, str] | None) -> tuple[int, float, float]:
    """Shards, and the driver's CPU seconds of a full run (every shard built) and of a re-run with one document
    changed (every shard but one reused), over ``n`` one-document shards."""
    raw, out = root / f"raw-{n}", root / f"out-{n}"
    raw.mkdir()
    for i in range(n):
        (raw / f"doc-{i:05d}.txt").write_text(TEXT.format(i=i, v=0), encoding="utf-8")
    command = [sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir", str(out),
               "--shard-mb", "0.000001"]
    first = subprocess.run(command, check=True, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    full = float(re.findall(r"'flow_cpu_seconds': ([0-9.]+)", first.stdout + first.stderr)[-1])
    (raw / "doc-00000.txt").write_text(TEXT.format(i=0, v=1), encoding="utf-8")
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    log = done.stdout + done.stderr
    cpu = float(re.findall(r"'flow_cpu_seconds': ([0-9.]+)", log)[-1])
    shards = int(re.findall(r"'shards': ([0-9]+)", log)[-1])
    return shards, full, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shards", type=int, nargs=2, default=[20, 200])
    parser.add_argument("--server", action="store_true", help="run against a real Prefect server on loopback")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = PrefectServer(Path(tmp) / "prefect") if args.server else None
        try:
            env = server.env() if server else None
            (small, small_full, small_rerun), (large, large_full, large_rerun) = (
                driver_cpu(n, Path(tmp), env) for n in args.shards)
        finally:
            if server is not None:
                server.stop()
    for label, a, b in (("full run (every shard built)", small_full, large_full),
                        ("re-run (every shard but one reused)", small_rerun, large_rerun)):
        per_shard = (b - a) / (large - small)
        print(f"{label}: driver CPU {a:.2f} s for {small} shards, {b:.2f} s for {large}; per shard "
              f"{per_shard * 1000:.1f} ms, fixed {a - small * per_shard:.2f} s; ceiling "
              f"{1 / per_shard:.0f} shards per second of one core")
        record("driver (the flow's own CPU)", f"{label}: per shard", per_shard * 1000, "ms")


if __name__ == "__main__":
    main()
