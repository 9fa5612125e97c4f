from __future__ import annotations

import os
import signal
import socket
import string
from collections.abc import Iterator
from pathlib import Path
from time import time_ns

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows import io
from flows.io import NotARegularFile, discover, known_ref, read_raw, read_regular, read_taxonomy, settled_stat
from flows.shards import SUMMARY, ShardStore
from transforms.errors import InputError, TaxonomyError
from transforms.escapes import unescape_path
from transforms.records import RawFile, Rejection, RejectReason


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Every test here fails within 20 s instead of hanging, should anything open a pipe for a blocking read."""
    def fail(*_: object) -> None:
        raise TimeoutError("blocked: something waited on a pipe")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    (root / "sub dir").mkdir(parents=True)
    (root / "a.txt").write_text("Title\nBody.\n", encoding="utf-8")
    (root / "sub dir" / "ünïcode name.txt").write_text("Title\nBody.\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "a.txt~").write_text("x", encoding="utf-8")
    (root / ".#lock.txt").write_text("x", encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    outside = tmp_path / "secret.txt"
    outside.write_text("Title\nOutside the raw dir.\n", encoding="utf-8")
    os.symlink(outside, root / "link-out.txt")
    os.symlink(root / "a.txt", root / "link-in.txt")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    return root


def _read_all(raw: Path) -> dict[str, RawFile | Rejection]:
    found = discover(raw)
    results: dict[str, RawFile | Rejection] = {r.path: r for r in found.rejected}
    for p in found.paths:
        assert p not in results
        results[p] = read_raw(raw, p)
    return results


def _reasons(results: dict[str, RawFile | Rejection]) -> dict[str, RejectReason]:
    return {p: r.reason for p, r in results.items() if isinstance(r, Rejection)}


def test_discover_lists_every_file_relative_and_sorted(raw: Path) -> None:
    found = discover(raw)
    assert found.paths == [
        ".#lock.txt", ".DS_Store", ".hidden.txt", "a.txt", "a.txt~", "link-in.txt", "sub dir/ünïcode name.txt",
    ]
    assert [(r.path, r.reason) for r in found.rejected] == [
        ("dangling.txt", RejectReason.DANGLING_SYMLINK), ("link-out.txt", RejectReason.OUTSIDE_RAW_DIR),
    ]


def test_missing_raw_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        discover(tmp_path / "nope")


def test_every_file_is_read_or_rejected_with_a_reason(raw: Path) -> None:
    results = _read_all(raw)
    read = sorted(p for p, r in results.items() if isinstance(r, RawFile))
    assert read == ["a.txt", "link-in.txt", "sub dir/ünïcode name.txt"]
    assert _reasons(results) == {
        ".#lock.txt": RejectReason.SKIPPED,
        ".DS_Store": RejectReason.SKIPPED,
        ".hidden.txt": RejectReason.SKIPPED,
        "a.txt~": RejectReason.SKIPPED,
        "dangling.txt": RejectReason.DANGLING_SYMLINK,
        "link-out.txt": RejectReason.OUTSIDE_RAW_DIR,
    }
    out = results["link-out.txt"]
    assert isinstance(out, Rejection) and out.n_bytes == 0  # the target was never read


def test_special_files_and_symlinks_are_rejected_without_being_opened(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "deep" / "deeper").mkdir(parents=True)
    (raw / "good.txt").write_text("Title\nBody.\n", encoding="utf-8")
    os.mkfifo(raw / "pipe.txt")
    os.mkfifo(raw / ".hidden pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(raw / "sock"))
    os.symlink("self.txt", raw / "self.txt")
    os.symlink("loop-b.txt", raw / "loop-a.txt")
    os.symlink("loop-a.txt", raw / "loop-b.txt")
    os.symlink("../..", raw / "deep" / "deeper" / "up")  # a folder loop: never walked into
    os.symlink("pipe.txt", raw / "to-pipe.txt")
    os.symlink("chain-2.txt", raw / "chain-1.txt")
    os.symlink("good.txt", raw / "chain-2.txt")
    os.symlink("/dev/null", raw / "devnull")
    os.symlink("nowhere/at/all.txt", raw / "deep" / "dangling.txt")
    try:
        results = _read_all(raw)
    finally:
        sock.close()
    assert sorted(p for p, r in results.items() if isinstance(r, RawFile)) == ["chain-1.txt", "chain-2.txt",
                                                                             "good.txt"]
    assert _reasons(results) == {
        "pipe.txt": RejectReason.NOT_A_REGULAR_FILE,
        ".hidden pipe": RejectReason.NOT_A_REGULAR_FILE,
        "sock": RejectReason.NOT_A_REGULAR_FILE,
        "self.txt": RejectReason.SYMLINK_LOOP,
        "loop-a.txt": RejectReason.SYMLINK_LOOP,
        "loop-b.txt": RejectReason.SYMLINK_LOOP,
        "deep/deeper/up": RejectReason.SKIPPED,
        "to-pipe.txt": RejectReason.NOT_A_REGULAR_FILE,
        "devnull": RejectReason.OUTSIDE_RAW_DIR,
        "deep/dangling.txt": RejectReason.DANGLING_SYMLINK,
    }
    messages = {p: r.message for p, r in results.items() if isinstance(r, Rejection)}
    assert "named pipe" in messages["pipe.txt"] and "socket" in messages["sock"]
    assert "named pipe" in messages["to-pipe.txt"] and "nowhere/at/all.txt" in messages["deep/dangling.txt"]


ODD_NAMES = [
    b"caf\xe9 latin-1.txt",  # not UTF-8
    b"line\nbreak.txt",
    b"tab\there.txt",
    b"comma, \"quotes\" and 'single'.txt",
    b"-leading-dash.txt",
    b"=SUM(A1).txt",
    b"back\\slash \\x41.txt",
    b"rtl \xe2\x80\xae override.txt",  # U+202E
    b"n" * 251 + b".txt",  # 255 bytes
    "中文 名字.txt".encode(),
]


def test_names_of_every_kind_are_read_and_recorded_losslessly(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path / "raw")
    os.mkdir(raw)
    for i, name in enumerate(ODD_NAMES):
        with open(os.path.join(raw, name), "wb") as f:
            f.write(f"Title {i}\nBody {i}.\n".encode())
    results = _read_all(Path(os.fsdecode(raw)))
    assert all(isinstance(r, RawFile) for r in results.values())
    assert sorted(unescape_path(p) for p in results) == sorted(ODD_NAMES)
    for path, item in results.items():
        assert "\n" not in path and "\t" not in path and "\u202e" not in path
        path.encode("utf-8")  # no lone surrogates: Parquet, CSV and JSON can hold it
        assert isinstance(item, RawFile) and item.data.startswith(b"Title ")
    assert "caf\\xe9 latin-1.txt" in results and "back\\\\slash \\\\x41.txt" in results


def test_a_file_deleted_or_swapped_after_discovery_is_changed_during_run(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("gone.txt", "piped.txt", "folder.txt", "kept.txt"):
        (raw / name).write_text("Title\nBody.\n", encoding="utf-8")
    found = discover(raw)
    (raw / "gone.txt").unlink()
    (raw / "piped.txt").unlink()
    os.mkfifo(raw / "piped.txt")
    (raw / "folder.txt").unlink()
    (raw / "folder.txt").mkdir()
    results = {p: read_raw(raw, p) for p in found.paths}
    assert _reasons(results) == {"gone.txt": RejectReason.CHANGED_DURING_RUN,
                                 "piped.txt": RejectReason.NOT_A_REGULAR_FILE,
                                 "folder.txt": RejectReason.CHANGED_DURING_RUN}
    assert isinstance(results["kept.txt"], RawFile)


def test_an_unexpected_error_on_one_file_is_an_internal_error_rejection(raw: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.io

    def broken(path: object) -> os.stat_result:
        raise ZeroDivisionError("planted")

    monkeypatch.setattr(flows.io.os, "lstat", broken)
    item = read_raw(raw, "a.txt")
    assert isinstance(item, Rejection) and item.reason is RejectReason.INTERNAL_ERROR
    assert item.message.startswith("ZeroDivisionError: planted")


def test_read_regular_refuses_a_pipe_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotARegularFile, match="named pipe"):
        read_regular(tmp_path / "pipe")
    with pytest.raises(NotARegularFile, match="a directory"):
        read_regular(tmp_path)


def test_a_taxonomy_path_that_is_a_pipe_is_a_clear_error(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "taxonomy.toml")
    with pytest.raises(TaxonomyError, match=r"cannot be read: .*named pipe"):
        read_taxonomy(tmp_path / "taxonomy.toml")


def test_a_pipe_in_the_shard_store_is_dropped_not_read(tmp_path: Path) -> None:
    store = tmp_path / "shards"
    (store / "0123abcd").mkdir(parents=True)
    os.mkfifo(store / "0123abcd" / SUMMARY)
    assert ShardStore(store).summary("0123abcd") is None
    assert not (store / "0123abcd").exists()


# --------------------------------------------------------------------------------------- random trees

_NAMES = st.text(alphabet=string.ascii_lowercase + "._- ", min_size=1, max_size=6).filter(
    lambda n: n not in (".", ".."))
_ENTRY = st.one_of(
    st.tuples(st.just("file"), _NAMES),
    st.tuples(st.just("dir"), _NAMES),
    st.tuples(st.just("fifo"), _NAMES),
    st.tuples(st.just("link"), _NAMES, st.integers(0, 30), st.booleans()),  # target: an entry made so far, or ..
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(st.integers(0, 30), _ENTRY), max_size=25))
def test_discovery_terminates_and_accounts_for_every_entry_once(tmp_path_factory: pytest.TempPathFactory,
                                                                entries: list[tuple[int, tuple]]) -> None:
    raw = tmp_path_factory.mktemp("tree") / "raw"
    raw.mkdir()
    made: list[Path] = [raw]
    folders: list[Path] = [raw]
    for where, entry in entries:
        parent = folders[where % len(folders)]
        path = parent / entry[1]
        if path.exists() or path.is_symlink():
            continue
        kind = entry[0]
        if kind == "file":
            path.write_text("Title\nBody.\n", encoding="utf-8")
        elif kind == "dir":
            path.mkdir()
            folders.append(path)
        elif kind == "fifo":
            os.mkfifo(path)
        else:
            target = made[entry[2] % len(made)]
            os.symlink(os.path.relpath(target, parent) if entry[3] else target, path)
        made.append(path)
    expected = set()
    for root, dirs, files in os.walk(raw, followlinks=False):
        expected |= {(Path(root) / n).relative_to(raw).as_posix() for n in files}
        expected |= {(Path(root) / n).relative_to(raw).as_posix() for n in dirs if (Path(root) / n).is_symlink()}
    found = discover(raw)
    listed = found.paths + [r.path for r in found.rejected]
    assert len(listed) == len(set(listed))
    assert set(listed) == expected
    for p in found.paths:
        assert isinstance(read_raw(raw, p), RawFile | Rejection)


# Reads of files the pipeline itself wrote or ships, which no user puts in place: its own source (the code
# version), the staged files it hashes before publishing, the generated files it compares; and the kernel's
# /proc/self/status (the peak memory a shard's summary records).
_OWN_FILES = {("flows/publish.py", "_digest"), ("flows/publish.py", "fsync_tree"), ("flows/cli.py", "_generate"),
              ("flows/shards.py", "peak_rss_mb")}


def test_nothing_reads_a_file_but_through_open_regular() -> None:
    """Every file the pipeline reads that a user could put in place (raw files, the taxonomy, the suites,
    manifests, stored shards, gold files) is opened by ``flows.io.open_regular``, which cannot block on a pipe."""
    import ast

    root = Path(__file__).resolve().parents[2]
    found = []
    for source in sorted([*root.glob("flows/*.py"), *root.glob("transforms/*.py")]):
        relative = source.relative_to(root).as_posix()
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
            for call in [n for n in ast.walk(function) if isinstance(n, ast.Call)]:
                func = call.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                on_os = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "os"
                at = 0 if isinstance(func, ast.Attribute) else 1  # Path.open(mode), open(file, mode)
                mode = next((a.value for a in call.args[at:at + 1] if isinstance(a, ast.Constant)), "r")
                if on_os:  # os.open: a read unless it opens a folder (to fsync it) or never blocks
                    flags = ast.unparse(call)
                    reads = name == "open" and "O_DIRECTORY" not in flags and "O_NONBLOCK" not in flags
                else:
                    reads = name in ("read_bytes", "read_text", "memory_map") or (
                        name == "open" and isinstance(mode, str) and "r" in mode and "+" not in mode)
                if reads and (relative, function.name) not in _OWN_FILES:
                    found.append(f"{relative}:{call.lineno} {function.name}: {name}")
    assert found == [], "\n".join(found)


def test_a_file_is_known_by_its_stat_only_while_size_inode_and_times_stay(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"Title\nBody.\n")
    ref = read_raw(tmp_path, "a.txt")
    assert isinstance(ref, RawFile)
    assert settled_stat(tmp_path, "a.txt", time_ns()) is None  # just written: it may change again unseen
    monkeypatch.setattr(io, "RACY_SECONDS", 0)
    key = settled_stat(tmp_path, "a.txt", time_ns())
    assert key is not None
    known = (key, ref.sha256, ref.n_bytes)
    assert known_ref(tmp_path, "a.txt", known) == ref.ref()
    assert known_ref(tmp_path, "a.txt", None) is None
    before = doc.stat()
    doc.write_bytes(b"Title\nBodY.\n")  # the same size, and the modification time set back
    os.utime(doc, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert known_ref(tmp_path, "a.txt", known) is None  # the change time says it was written
    doc.unlink()
    assert known_ref(tmp_path, "a.txt", known) is None
    (tmp_path / "b.txt").write_bytes(b"x")
    doc.symlink_to(tmp_path / "b.txt")
    assert known_ref(tmp_path, "a.txt", known) is None and settled_stat(tmp_path, "a.txt", time_ns()) is None
