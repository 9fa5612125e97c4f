"""Scaled corpora for benchmarks and load tests, generated from the files of a raw dir.

Each copy gets distinct titles and bylines and a shuffled order of body paragraphs, so that no cache keyed on
content or phrase can flatter a measurement.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from pathlib import Path

NAMES = ["Zhang Nan", "Li Wei", "Chen Jing", "Wang Hua", "Yang Jinzhong", "Zhou Ming", "Yan Jing", "Liu Yang"]


def _vary(text: str, copy: int, rng: random.Random) -> str:
    out: list[str] = []
    body: list[str] = []

    def flush() -> None:
        rng.shuffle(body)
        out.extend(body)
        body.clear()

    for line in text.splitlines():
        if line.startswith("Writer:"):
            flush()
            out.append(f"Writer: {rng.choice(NAMES)}).")
        elif line and len(line) < 150 and not line.endswith((".", "?", "!")) and line[0] not in "-–—":
            flush()
            out.append(f"{line} ({copy})")  # a title: made distinct per copy
        elif line.startswith(("-", "–", "—")) or not out:
            flush()
            out.append(line)
        else:
            body.append(line)
    flush()
    return "\n".join(out) + "\n"


def iter_scaled_corpus(raw_dir: Path, megabytes: float, seed: int = 7) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) pairs, about ``megabytes`` MB in all, made one at a time."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(raw_dir.rglob("*.txt"))]
    if not sources:
        raise ValueError(f"no .txt files under {raw_dir}")
    size = n = 0
    while size < megabytes * 1_000_000:
        data = _vary(sources[n % len(sources)], n, rng).encode("utf-8")
        yield f"doc-{n:06d}.txt", data
        size += len(data)
        n += 1


def scaled_corpus(raw_dir: Path, megabytes: float, seed: int = 7) -> dict[str, bytes]:
    """File name -> bytes, about ``megabytes`` MB in all."""
    return dict(iter_scaled_corpus(raw_dir, megabytes, seed))


def write_corpus(files: dict[str, bytes] | Iterable[tuple[str, bytes]], raw_dir: Path) -> int:
    """Write the files under ``raw_dir``; returns the bytes written."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, data in files.items() if isinstance(files, dict) else files:
        (raw_dir / name).write_bytes(data)
        total += len(data)
    return total
