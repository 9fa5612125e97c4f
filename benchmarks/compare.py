"""Per-stage throughput of the working tree against an earlier revision, interleaved in one run.

    .venv/bin/python -m benchmarks.compare REV [--mb 10] [--rounds 3]
    .venv/bin/python -m benchmarks.compare REV --flow [--mb 100] [--rounds 2]

The machines are noisy (up to 2x between minutes), so figures taken at different times cannot show a 20%
change. This checks REV out into a temporary git worktree and runs ``benchmarks.scale stages-one`` on the same
generated corpus in REV and in the working tree by turns (old, new, old, new, ...), each in a fresh process
with the same virtualenv, then prints the best seconds of each stage for both and their ratio. REV must have
``benchmarks.scale stages-one`` (any revision since the benchmarks were added).

With ``--flow``, each turn is instead a whole ``corpus-pipeline run`` (the real CLI and Prefect flow, a fresh
output dir) on one generated corpus: wall seconds and the flow's own seconds (from the manifest). Each side runs
with its own default runner unless ``--runner R [--workers N]`` names one for both; ``--server`` runs both sides
against one real Prefect server on a free loopback port (what Dask worker processes need).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.corpus import iter_scaled_corpus, write_corpus
from benchmarks.scale import run_cli
from flows.catalog import PROJECT_ROOT
from tests.flows.prefect_server import PrefectServer

_STAGE_LINE = re.compile(r"^  (?P<stage>[a-z+ ]+?)\s+(?P<seconds>[\d.]+) s\s+[\d.]+ MB/s$")


def stage_seconds(tree: Path, mb: float) -> dict[str, float]:
    """Seconds per stage of one ``stages-one`` run of the code in ``tree``."""
    env = os.environ | {"PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-m", "benchmarks.scale", "stages-one", "--mb", str(mb)], cwd=tree,
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the benchmark failed in {tree}:\n{done.stderr[-3000:]}")
    found = {m["stage"]: float(m["seconds"]) for m in map(_STAGE_LINE.match, done.stdout.splitlines()) if m}
    if not found:
        raise SystemExit(f"no stage figures in the output of {tree}:\n{done.stdout}")
    return found


@contextmanager
def checked_out(rev: str, where: Path) -> Iterator[Path]:
    """``rev`` checked out at ``where`` as a temporary git worktree of this repository (removed afterwards)."""
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(where), rev], cwd=PROJECT_ROOT, check=True)
    try:
        yield where
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(where)], cwd=PROJECT_ROOT, check=False)


def flow_seconds(tree: Path, raw: Path, out: Path, options: list[str], env: dict[str, str] | None = None
                 ) -> dict[str, float]:
    """Wall and in-flow seconds of one ``corpus-pipeline run`` of the code in ``tree``."""
    env = (env or dict(os.environ)) | {"PYTHONPATH": str(tree)}
    shutil.rmtree(out, ignore_errors=True)
    wall, in_flow, _, _ = run_cli(raw, out, *options, env=env, cwd=tree)
    return {"wall": wall, "in-flow": in_flow if in_flow is not None else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the git revision to compare against (a commit, tag or branch)")
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--flow", action="store_true", help="time whole runs of the CLI instead of the stages")
    parser.add_argument("--runner", help="with --flow: the runner of both sides (default: each side's default)")
    parser.add_argument("--workers", help="with --flow --runner dask: local worker processes")
    parser.add_argument("--server", action="store_true", help="with --flow: run against one real Prefect server")
    args = parser.parse_args()
    options = (["--runner", args.runner] if args.runner else []) + (["--workers", args.workers] if args.workers
                                                                    else [])
    with tempfile.TemporaryDirectory() as tmp, checked_out(args.rev, Path(tmp) / "old") as old:
        server = PrefectServer(Path(tmp) / "prefect") if args.flow and args.server else None
        try:
            if args.flow:
                raw = Path(tmp) / "raw"
                write_corpus(iter_scaled_corpus(PROJECT_ROOT / "raw", args.mb), raw)
            best: dict[str, dict[str, float]] = {"old": {}, "new": {}}
            every: dict[str, dict[str, list[float]]] = {"old": {}, "new": {}}
            for _ in range(args.rounds):
                for side, tree in (("old", old), ("new", PROJECT_ROOT)):
                    figures = (flow_seconds(tree, raw, Path(tmp) / "out", options, server.env() if server else None)
                               if args.flow else stage_seconds(tree, args.mb))
                    print(f"  {side}: " + ", ".join(f"{k} {v:.2f} s" for k, v in figures.items() if args.flow or
                                                     k == "all stages"), flush=True)
                    for stage, seconds in figures.items():
                        best[side][stage] = min(best[side].get(stage, float("inf")), seconds)
                        every[side].setdefault(stage, []).append(seconds)
        finally:
            if server is not None:
                server.stop()
    runner = (f", --runner {args.runner or 'default'}" + (f" --workers {args.workers}" if args.workers else "")
              if args.flow else "")
    print(f"{args.mb:g} MB{runner}, best of {args.rounds} interleaved rounds; {args.rev} (old) against the working "
          "tree (new)")
    print(f"  {'what':<13} {'old s':>8} {'new s':>8} {'speed-up':>8}   medians: old, new, speed-up")
    for stage, old_s in best["old"].items():
        new_s = best["new"].get(stage)
        if new_s is not None:
            ratio = f"{old_s / new_s:7.2f}x" if new_s > 0 else "      -"
            old_m, new_m = statistics.median(every["old"][stage]), statistics.median(every["new"][stage])
            median = f"{old_m:8.2f} {new_m:8.2f} {old_m / new_m:7.2f}x" if new_m > 0 else ""
            print(f"  {stage:<13} {old_s:8.2f} {new_s:8.2f} {ratio}   {median}")


if __name__ == "__main__":
    main()
