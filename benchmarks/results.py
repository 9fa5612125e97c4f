"""The benchmarks' results table: each benchmark records its figures, and ``make bench`` writes them as one table,
with the machine's description and the date of the run, into docs/performance.md.

A benchmark calls ``record`` for each figure it prints; when ``BENCH_RESULTS`` names a file, the figure is
appended to it as a JSON line. ``python -m benchmarks.results FILE PAGE`` then replaces the part of PAGE between
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` with the table of FILE's figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def record(benchmark: str, measure: str, value: float, unit: str, note: str = "") -> None:
    """One figure of a benchmark (e.g. ``record("scale stages, 100 MB", "segment", 12.3, "MB/s")``)."""
    path = os.environ.get("BENCH_RESULTS")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"benchmark": benchmark, "measure": measure, "value": value, "unit": unit,
                                "note": note}) + "\n")


def machine() -> str:
    """The machine the figures were measured on: CPU model, logical CPUs, memory, OS and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
        kib = int(next(x for x in meminfo if x.startswith("MemTotal")).split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB memory"
    except (OSError, StopIteration, ValueError):
        pass
    return (f"{cpu}, {os.cpu_count()} logical CPUs{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def table(rows: list[dict[str, object]], when: datetime, where: str) -> str:
    lines = [f"Measured by `make bench` on {when:%Y-%m-%d %H:%M} UTC, on {where}.", "",
             "| benchmark | measure | value | unit | note |", "|---|---|---:|---|---|"]
    for r in rows:
        value = float(r["value"])  # type: ignore[arg-type]
        shown = f"{value:,.0f}" if value >= 100 else f"{value:.2f}"
        lines.append(f"| {r['benchmark']} | {r['measure']} | {shown} | {r['unit']} | {r['note']} |")
    return "\n".join(lines)


def publish(results: Path, page: Path, when: datetime | None = None) -> None:
    """Write the figures of ``results`` into ``page``, between its markers."""
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = page.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{page} has no {BEGIN} ... {END} block to fill")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    body = table(rows, when or datetime.now(UTC), machine())
    page.write_text(f"{head}{BEGIN}\n{body}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, help="the JSON lines the benchmarks recorded")
    parser.add_argument("page", type=Path, help="the page to write the table into, e.g. docs/performance.md")
    args = parser.parse_args()
    if not args.results.exists():
        sys.exit(f"{args.results} does not exist: run the benchmarks with BENCH_RESULTS={args.results}")
    publish(args.results, args.page)
    print(f"wrote the results table into {args.page}")


if __name__ == "__main__":
    main()
