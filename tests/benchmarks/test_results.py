from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.results import BEGIN, END, machine, publish, record


def test_make_bench_writes_one_table_with_the_machine_and_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    results = tmp_path / "results.jsonl"
    monkeypatch.setenv("BENCH_RESULTS", str(results))
    record("stages, 10 MB", "segment", 12.345, "MB/s")
    record("start-up", "a bare Prefect flow", 1234.5, "ms", "median of 3")
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\nIntro.\n\n{BEGIN}\nold table\n{END}\n\nHow to reproduce.\n", encoding="utf-8")
    publish(results, page, datetime(2030, 1, 2, 3, 4, tzinfo=UTC))
    text = page.read_text(encoding="utf-8")
    assert "old table" not in text and text.startswith("# Performance\n\nIntro.") and "How to reproduce." in text
    assert f"Measured by `make bench` on 2030-01-02 03:04 UTC, on {machine()}." in text
    assert "| stages, 10 MB | segment | 12.35 | MB/s |  |" in text
    assert "| start-up | a bare Prefect flow | 1,234 | ms | median of 3 |" in text
    publish(results, page, datetime(2030, 1, 2, 3, 4, tzinfo=UTC))
    assert page.read_text(encoding="utf-8") == text  # the block is replaced, not added to


def test_without_bench_results_nothing_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BENCH_RESULTS", raising=False)
    monkeypatch.chdir(tmp_path)
    record("x", "y", 1.0, "s")
    assert list(tmp_path.iterdir()) == []
