"""A raw dir with every file-system oddity and hostile text in it, through the real command line: no entry can
hang or fail the run, each one is accounted for with its reason, the good documents are published, names are
recorded losslessly, and markup in the data stays text in the report and the dataset card."""

from __future__ import annotations

import csv
import html
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import flows.io
from flows.catalog import csv_path, parquet_path
from flows.pipeline import corpus_pipeline
from flows.report import REPORT_FILE
from flows.settings import RunSettings
from tests.flows.browser import Browser
from transforms.decoding import sha256_hex
from transforms.escapes import escape_path, unescape_path
from transforms.records import RawFile, Rejection

pytestmark = [pytest.mark.e2e]

RUN_BOUND_SECONDS = 300  # a hang would be killed here; a run of this tree takes well under a minute

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TITLES = [
    f"Hidden dangers {SCRIPT} must be found",
    f"Rescue teams stand by {IMG}",
    "Safety first [click](javascript:alert(1)) and ![pixel](https://example.com/p.png) </table>",
]


def _article(title: str, author: str, body: str = "Hidden dangers must be found. Rescue teams stand by.") -> str:
    return f"{title}\n{body}\nWriter: {author}).\n"


GOOD: dict[bytes, str] = {  # name -> text: each one a document
    b"plain.txt": _article(HOSTILE_TITLES[0], "Li Wei"),
    b"markup.txt": _article(HOSTILE_TITLES[1], "<b>Zhang</b> Nan"),
    b"links.txt": _article(HOSTILE_TITLES[2], "Chen [Jing](javascript:x)"),
    b"formula.txt": _article("Work safety is the first duty", "Wang Hua", "=HYPERLINK(\"http://x\") is text."),
    b"caf\xe9 latin-1 name.txt": _article("A name that is not UTF-8", "Zhou Ming"),
    b"line\nbreak and\ttab.txt": _article("A name with a newline", "Yang Fan"),
    b"comma, \"quotes\".txt": _article("A name with a comma and quotes", "Liu Yang"),
    b"-leading dash.txt": _article("A name with a leading dash", "Sun Li"),
    b"<img src=x onerror=alert(1)>.txt": _article("A name that is markup", "Guo Jun"),
    b"n" * 251 + b".txt": _article("A name of 255 bytes", "He Ping"),
    # rules of punctuation alone, short and page-wide (a sentence of no word would fail the run's validation)
    b"ruled.txt": _article("Rules across the page", "Ma Lin", "=" * 72 + "\nHidden dangers must be found.\n"
                           + "- " * 36 + "-\n. . .\nRescue teams stand by.\n" + "_" * 72 + "\n"
                           + "=" * 1200 + "\nThe drills go on.\n"),
}


def _tree(root: Path) -> tuple[Path, socket.socket]:
    raw = root / "raw"
    (raw / "nested" / "deeper").mkdir(parents=True)
    for name, text in GOOD.items():
        with open(os.path.join(os.fsencode(raw), name), "wb") as f:
            f.write(text.encode())
    (raw / "<img src=x onerror=alert(1)> empty.txt").write_bytes(b"")
    os.mkfifo(raw / "pipe.txt")
    os.mkfifo(raw / "nested" / "another pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(raw / "nested" / "sock"))
    os.symlink("self.txt", raw / "self.txt")
    os.symlink("../..", raw / "nested" / "deeper" / "loop")
    os.symlink("gone.txt", raw / "dangling.txt")
    os.symlink("pipe.txt", raw / "to-pipe.txt")
    os.symlink("/etc/hostname", raw / "escape.txt")
    return raw, sock


EXPECTED_REJECTED = {
    "<img src=x onerror=alert(1)> empty.txt": "empty",
    "pipe.txt": "not_a_regular_file",
    "nested/another pipe.txt": "not_a_regular_file",
    "nested/sock": "not_a_regular_file",
    "self.txt": "symlink_loop",
    "nested/deeper/loop": "skipped",
    "dangling.txt": "dangling_symlink",
    "to-pipe.txt": "not_a_regular_file",
    "escape.txt": "outside_raw_dir",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, subprocess.CompletedProcess[str], float]]:
    root = tmp_path_factory.mktemp("hostile")
    raw, sock = _tree(root)
    out = root / "out"
    (out / "shards" / "0123456789abcdef").mkdir(parents=True)
    os.mkfifo(out / "shards" / "0123456789abcdef" / "summary.json")  # a pipe where a stored shard has its summary
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir", str(out)],
                              capture_output=True, text=True, timeout=RUN_BOUND_SECONDS, check=False)
    finally:
        sock.close()
    yield out / "latest", done, time.monotonic() - started


def test_the_run_publishes_within_its_bound(run: tuple[Path, subprocess.CompletedProcess[str], float]) -> None:
    _, done, seconds = run
    assert done.returncode == 0, done.stdout + done.stderr
    assert seconds < RUN_BOUND_SECONDS
    assert "published" in done.stdout and f"{len(EXPECTED_REJECTED)} files rejected" in done.stdout


def test_a_pipe_in_the_shard_store_is_dropped(run: tuple[Path, subprocess.CompletedProcess[str], float]) -> None:
    store = run[0].parent / "shards"
    assert not (store / "0123456789abcdef").exists() and any((p / "summary.json").is_file() for p in store.iterdir())


def test_a_taxonomy_that_is_a_pipe_fails_the_run_at_once_with_its_reason(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(_article("Work safety comes first", "Li Wei"), encoding="utf-8")
    os.mkfifo(tmp_path / "taxonomy.toml")
    done = subprocess.run([sys.executable, "-m", "flows", "run", "--raw-dir", str(raw), "--out-dir",
                           str(tmp_path / "out"), "--taxonomy", str(tmp_path / "taxonomy.toml")],
                          capture_output=True, text=True, timeout=RUN_BOUND_SECONDS, check=False)
    assert done.returncode == 1
    assert "taxonomy.toml cannot be read: a named pipe (FIFO), not a regular file" in done.stderr + done.stdout
    assert not (tmp_path / "out" / "latest").exists()


def test_every_entry_is_accounted_for_with_its_reason(run: tuple[Path, subprocess.CompletedProcess[str], float]
                                                      ) -> None:
    latest = run[0]
    documents = pq.read_table(parquet_path(latest, "documents")).to_pylist()
    rejected = pq.read_table(parquet_path(latest, "rejected")).to_pylist()
    assert {r["path"]: r["reason"] for r in rejected} == EXPECTED_REJECTED
    assert all(r["message"] for r in rejected)
    assert sorted(unescape_path(d["path"]) for d in documents) == sorted(GOOD)
    for d in documents:
        assert d["text"] == GOOD[unescape_path(d["path"])]
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    assert {i["path"] for i in manifest["inputs"]} == {d["path"] for d in documents} | set(EXPECTED_REJECTED)


def test_names_survive_in_parquet_csv_and_the_manifest(run: tuple[Path, subprocess.CompletedProcess[str], float]
                                                       ) -> None:
    latest = run[0]
    parquet_paths = sorted(pq.read_table(parquet_path(latest, "documents"), columns=["path"])["path"].to_pylist())
    with open(csv_path(latest, "documents"), newline="", encoding="utf-8") as f:
        csv_paths = sorted(row["path"][1:] if row["path"].startswith("'") else row["path"]
                           for row in csv.DictReader(f))
    assert parquet_paths == csv_paths == sorted(escape_path(name) for name in GOOD)
    assert "caf\\xe9 latin-1 name.txt" in parquet_paths and "line\\x0abreak and\\x09tab.txt" in parquet_paths


def test_markup_in_the_data_is_text_in_the_report_and_the_card(
        run: tuple[Path, subprocess.CompletedProcess[str], float]) -> None:
    latest = run[0]
    titles = set(pq.read_table(parquet_path(latest, "articles"), columns=["title"])["title"].to_pylist())
    assert set(HOSTILE_TITLES) <= titles  # the Parquet keeps the exact text
    report = (latest / REPORT_FILE).read_text(encoding="utf-8")
    for live in ("<script", "<img", "<b>", "onerror=alert(1)>", "</table> "):  # Markdown is inert in HTML
        assert live not in report, live
    assert html.escape("<img src=x onerror=alert(1)> empty.txt") in report  # shown, as text, in the rejected
    assert html.escape(HOSTILE_TITLES[1]) in report  # in the parse warnings (its byline holds no name)
    card = (latest / "README.md").read_text(encoding="utf-8")
    assert "<script" not in card and "<img" not in card and "](javascript:" not in card


def test_the_hostile_report_runs_no_script_and_fetches_nothing(
        run: tuple[Path, subprocess.CompletedProcess[str], float], browser: Browser) -> None:
    url = (run[0] / REPORT_FILE).resolve().as_uri()
    browser.open(url)
    requests = browser.requests()
    assert requests[0] == url and all(r.startswith("data:") for r in requests[1:]), requests
    assert browser.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length") == 0
    assert browser.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    text = browser.evaluate("document.body.innerText")
    assert "<img src=x onerror=alert(1)> empty.txt" in text  # the file name, shown as text
    assert HOSTILE_TITLES[1] in text


# ------------------------------------------------------------------- files that change during the run


@pytest.mark.usefixtures("prefect_harness")
def test_files_deleted_or_edited_mid_run_are_rejected_or_read_consistently(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real flow, with the file system changing at set moments: ``deleted.txt`` goes after discovery,
    ``edited.txt`` changes after it was first hashed and before its batch reads it, ``swapped.txt`` changes
    after discovery and before it is first read."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("kept.txt", "deleted.txt", "edited.txt", "swapped.txt"):
        (raw / name).write_text(_article(f"The {name[:-4]} article", "Li Wei"), encoding="utf-8")
    swapped_text = _article("The swapped article, as read", "Chen Jing")
    real_discover, real_read = flows.io.discover, flows.io.read_raw
    reads: dict[str, int] = {}

    def discover(raw_dir: Path) -> flows.io.Discovery:
        found = real_discover(raw_dir)
        (raw_dir / "deleted.txt").unlink()
        (raw_dir / "swapped.txt").write_text(swapped_text, encoding="utf-8")
        return found

    def read_raw(raw_dir: Path, path: str) -> RawFile | Rejection:
        reads[path] = reads.get(path, 0) + 1
        if path == "edited.txt" and reads[path] == 2:  # the shard's read, after the fingerprint's
            (raw_dir / path).write_text(_article("The edited article, changed", "Wang Hua"), encoding="utf-8")
        return real_read(raw_dir, path)

    monkeypatch.setattr(flows.io, "discover", discover)
    monkeypatch.setattr(flows.io, "read_raw", read_raw)
    out = tmp_path / "out"
    corpus_pipeline(RunSettings(raw_dir=raw, out_dir=out, runner="sequential"))  # read in this process
    latest = out / "latest"
    rejected = {r["path"]: r for r in pq.read_table(parquet_path(latest, "rejected")).to_pylist()}
    assert {p: r["reason"] for p, r in rejected.items()} == {"deleted.txt": "changed_during_run",
                                                            "edited.txt": "changed_during_run"}
    edited_now = (raw / "edited.txt").read_bytes()
    manifest = {i["path"]: i for i in json.loads((latest / "manifest.json").read_text(encoding="utf-8"))["inputs"]}
    assert manifest["edited.txt"]["sha256"] == rejected["edited.txt"]["sha256"] == sha256_hex(edited_now)
    documents = {d["path"]: d for d in pq.read_table(parquet_path(latest, "documents")).to_pylist()}
    assert set(documents) == {"kept.txt", "swapped.txt"}
    assert documents["swapped.txt"]["text"] == swapped_text  # read consistently: the bytes it holds now
    assert manifest["swapped.txt"]["sha256"] == documents["swapped.txt"]["sha256"] == sha256_hex(
        swapped_text.encode())
