"""The loading examples in the README and in every snapshot's dataset card, run against a real snapshot, and
list columns loading as lists in pandas, pyarrow, DuckDB and polars."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.catalog import PROJECT_ROOT
from flows.cli import main
from flows.pipeline import corpus_pipeline
from flows.settings import RunSettings
from tests.conftest import SAMPLE

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, re.DOTALL)


@pytest.fixture(scope="module")
def root(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``outputs/latest``, as the README's examples expect."""
    root = tmp_path_factory.mktemp("loading")
    corpus_pipeline(RunSettings(raw_dir=SAMPLE / "raw", out_dir=root / "outputs"))
    return root


@pytest.mark.parametrize("source", ["README.md", "docs/outputs.md", "snapshot card"])
def test_examples_run(root: Path, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if source != "snapshot card":  # run from a folder holding outputs/latest, as the page says
        blocks, where = python_blocks((PROJECT_ROOT / source).read_text(encoding="utf-8")), root
    else:
        where = root / "outputs" / "latest"
        blocks = python_blocks((where / "README.md").read_text(encoding="utf-8"))
    assert blocks
    monkeypatch.chdir(where)
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, source, "exec"), namespace)
    if source == "docs/outputs.md":
        return  # its examples ran; what they load is the page's own choice
    assert len(namespace["sentences"]) > 0  # pandas
    assert namespace["articles"].num_rows > 0  # pyarrow
    assert namespace["paragraphs"].height > 0  # polars
    assert isinstance(namespace["sentences"]["themes"].iloc[0], list)


def test_list_columns_load_as_lists(root: Path) -> None:
    path = root / "outputs" / "latest" / "parquet" / "articles"
    themes = {
        "pandas": pd.read_parquet(path, dtype_backend="pyarrow")["themes"].iloc[0],
        "pyarrow": pq.read_table(path).column("themes").to_pylist()[0],
        "duckdb": duckdb.sql(f"SELECT themes FROM '{path}/*.parquet'").fetchall()[0][0],
        "polars": pl.read_parquet(f"{path}/*.parquet")["themes"].to_list()[0],
    }
    assert all(isinstance(v, list) for v in themes.values()), {k: type(v) for k, v in themes.items()}
    assert len({tuple(v) for v in themes.values()}) == 1 and themes["pyarrow"]


def test_duckdb_joins_sentences_to_articles(root: Path) -> None:
    latest = root / "outputs" / "latest" / "parquet"
    rows = duckdb.sql(
        f"SELECT a.author, count(*) FROM '{latest / 'sentences' / '*.parquet'}' s "
        f"JOIN '{latest / 'articles' / '*.parquet'}' a USING (article_id) GROUP BY a.author ORDER BY a.author"
    ).fetchall()
    assert sum(n for _, n in rows) == pq.read_table(latest / "sentences").num_rows


def test_describe_prints_counts_and_top_themes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["describe", str(root / "outputs" / "latest")]) == 0
    out = capsys.readouterr().out
    assert "sentences" in out and "Zhang Nan" in out and "cadre_development" in out


def test_validate_passes_a_good_snapshot_and_fails_a_damaged_one(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latest = root / "outputs" / "latest"
    assert main(["validate", str(latest)]) == 0
    damaged = tmp_path / "damaged"
    shutil.copytree(latest, damaged)
    (path,) = (damaged / "parquet" / "sentences").iterdir()
    sentences = pq.read_table(path)
    path.unlink()  # a published part file is read-only (a hard link to the shard store's)
    i = sentences.schema.get_field_index("paragraph_id")
    orphaned = pa.array(["nowhere"] * sentences.num_rows, pa.string())
    pq.write_table(sentences.set_column(i, sentences.schema.field(i), orphaned), path)
    capsys.readouterr()
    assert main(["validate", str(damaged)]) == 1
    assert "critical: sentences: paragraph_id_exists_in_paragraphs failed for" in capsys.readouterr().out


def test_validate_refuses_a_snapshot_with_other_columns(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old"
    shutil.copytree(root / "outputs" / "latest", old)
    (path,) = (old / "parquet" / "articles").iterdir()
    articles = pq.read_table(path)
    path.unlink()
    pq.write_table(articles.drop_columns(["credits"]), path)
    assert main(["validate", str(old)]) == 1
    assert "other columns than this version declares (in articles)" in capsys.readouterr().err.replace("\n", " ")


def test_themes_kwic_shows_a_themes_rules_in_context(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latest = str(root / "outputs" / "latest")
    assert main(["themes", "kwic", "work_safety", latest, "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\d+ matches of work_safety in \d+ titles and \d+ sentences", out)
    assert re.search(r"^safe production: \d+$", out, re.MULTILINE)
    assert re.search(r"\[safe production\] .* d-[0-9a-f]{12}-\S+-p\d{3}-s\d{3}$", out, re.MULTILINE)
    assert main(["themes", "kwic", "hidden danger*", latest]) == 0
    assert "[hidden dangers]" in capsys.readouterr().out
    assert main(["themes", "kwic", "*bad", latest]) == 1
    assert "neither a theme id" in capsys.readouterr().err


def test_themes_coverage_and_suggest(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latest = str(root / "outputs" / "latest")
    sentences = pq.read_table(root / "outputs" / "latest" / "parquet" / "sentences").to_pydict()
    untagged = sum(not t for t in sentences["themes"])
    assert main(["themes", "coverage", latest, "--gold", str(PROJECT_ROOT / "tests" / "data" / "themes")]) == 0
    out = capsys.readouterr().out
    assert f"sentences with no theme: {untagged} of {len(sentences['themes'])}" in out
    assert re.search(r"^work_safety\s+\d+\s+\d+\s+\d+$", out, re.MULTILINE)
    assert "rules that never matched" in out
    assert re.search(r"rules behind themes the coders did not give .*\n\s+\d+\s+\S", out)
    assert main(["themes", "suggest", latest, "--min-count", "2"]) == 0
    out = capsys.readouterr().out
    assert f"candidate rules from the {untagged} sentences with no theme" in out
    assert re.search(r"^\s+[a-z]+ [a-z]+(?: [a-z]+)?\s+\d+\s+\d+\s+\d+\.\d$", out, re.MULTILINE)
