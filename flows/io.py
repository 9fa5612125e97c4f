"""Reading the run's inputs: every entry found under the raw dir ends up as a ``RawFile`` to decode or a
``Rejection``; the taxonomy file becomes a ``LoadedTaxonomy``.

Only regular files are ever opened, and never in a way that can block: discovery classifies every entry with
``lstat`` before anything opens it (named pipes, sockets, devices, symlink loops, dangling links and links out
of the raw dir become rejections), and every file this package reads is opened with ``O_NONBLOCK`` and checked
with ``fstat`` once open (``open_regular``), in case an entry was swapped for a pipe in between. Names are walked
as bytes, so a name that is not valid UTF-8 is read like any other; its ``path`` is the escaped string of
``transforms.escapes``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from transforms.decoding import sha256_hex
from transforms.errors import InputError, TaxonomyError
from transforms.escapes import escape_path, unescape_path
from transforms.inputs import skip_reason
from transforms.records import FileRef, RawFile, Rejection, RejectReason
from transforms.themes import Taxonomy, check_codebook, parse_taxonomy


class NotARegularFile(OSError):
    """Raised by ``open_regular`` for a named pipe, socket, device or directory."""


def kind_of(mode: int) -> str:
    """What an ``st_mode`` is, in words."""
    for test, name in ((stat.S_ISREG, "a regular file"), (stat.S_ISDIR, "a directory"),
                       (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISLNK, "a symlink")):
        if test(mode):
            return name
    return "a special file"


def open_regular(path: str | bytes | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading if it is a regular file (a symlink to one is followed); else
    ``NotARegularFile``. The open never blocks: ``O_NONBLOCK`` keeps a named pipe from waiting for a writer."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, f"{kind_of(mode)}, not a regular file", os.fsdecode(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | bytes | os.PathLike[str]) -> bytes:
    """The bytes of the regular file at ``path`` (``open_regular``), or an ``OSError`` that says why not."""
    with open_regular(path) as f:
        return f.read()


@dataclass(frozen=True, slots=True)
class LoadedTaxonomy:
    taxonomy: Taxonomy
    path: str
    sha256: str  # of the file's bytes and its codebook's: part of every shard's key


def read_taxonomy(path: Path) -> LoadedTaxonomy:
    """The taxonomy file, parsed, or a ``TaxonomyError`` that says why it cannot be used."""
    try:
        data = read_regular(path)
    except OSError as exc:
        raise TaxonomyError(f"the taxonomy file {path} cannot be read: {exc.strerror or exc}") from exc
    try:
        source = data.decode("utf-8")
        taxonomy = parse_taxonomy(source)
        if taxonomy.codebook is not None:
            codebook_path = path.parent / taxonomy.codebook
            try:
                codebook_data = read_regular(codebook_path)
                codebook = codebook_data.decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise TaxonomyError(f"its codebook {codebook_path} cannot be read: "
                                    f"{getattr(exc, 'strerror', None) or exc}") from exc
            check_codebook(source, taxonomy, codebook)
            data += codebook_data  # the codebook is part of what the outputs were made from
    except (TaxonomyError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"the taxonomy file {path} is invalid: {exc}") from exc
    return LoadedTaxonomy(taxonomy, str(path), sha256_hex(data))


@dataclass(frozen=True, slots=True)
class Discovery:
    """What is under a raw dir: the entries to read (regular files, and symlinks to regular files inside the raw
    dir) by escaped path, sorted, and every other entry that is not a folder walked into, rejected with the
    reason (never opened). Every entry is in exactly one of the two."""

    paths: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def discover(raw_dir: Path) -> Discovery:
    """Walk ``raw_dir`` (symlinks are never followed into; a folder reached twice is walked once)."""
    if not raw_dir.is_dir():
        raise InputError(f"the raw dir {raw_dir} does not exist or is not a directory")
    root = os.fsencode(raw_dir)
    real_root = os.path.realpath(root)
    found = Discovery()
    walked: set[tuple[int, int]] = set()
    folders = [b""]
    while folders:
        folder = folders.pop()
        where = os.path.join(root, folder) if folder else root
        try:
            here = os.stat(where)
            if (here.st_dev, here.st_ino) in walked:  # only a bind mount can do this: symlinks are not followed
                found.rejected.append(_rejected(folder + b"/", RejectReason.SKIPPED,
                                                "a folder already walked under another name"))
                continue
            walked.add((here.st_dev, here.st_ino))
            with os.scandir(where) as it:
                entries = _listed(it)
        except OSError as exc:
            found.rejected.append(_rejected(folder + b"/", RejectReason.UNREADABLE,
                                            f"a folder that cannot be listed: {exc.strerror or exc}"))
            continue
        for name, st in entries:
            relative = os.path.join(folder, name) if folder else name
            if st is None:
                found.rejected.append(_rejected(relative, RejectReason.CHANGED_DURING_RUN,
                                                "deleted while the raw dir was being listed"))
            elif stat.S_ISDIR(st.st_mode):
                folders.append(relative)
            else:
                rejection = classify(root, relative, st, real_root)
                if rejection is None:
                    found.paths.append(escape_path(relative))
                else:
                    found.rejected.append(rejection)
    found.paths.sort()  # the walk's order is the file system's
    found.rejected.sort(key=lambda r: r.path)
    return found


def _listed(it: Iterator[os.DirEntry[bytes]]) -> list[tuple[bytes, os.stat_result | None]]:
    """Each entry's name and ``lstat`` (None for an entry deleted since the folder was read)."""
    out: list[tuple[bytes, os.stat_result | None]] = []
    for entry in it:
        try:
            out.append((entry.name, entry.stat(follow_symlinks=False)))
        except FileNotFoundError:
            out.append((entry.name, None))
    return out


def classify(root: bytes, relative: bytes, st: os.stat_result, real_root: bytes | None = None) -> Rejection | None:
    """Why the entry at ``relative`` (not a folder; ``st`` its ``lstat``) is not read, or None when it is a
    regular file, or a symlink (or chain of them) to a regular file inside the raw dir (``real_root``: the raw
    dir's real path, worked out here when not given)."""
    if stat.S_ISREG(st.st_mode):
        return None
    if not stat.S_ISLNK(st.st_mode):
        return _rejected(relative, RejectReason.NOT_A_REGULAR_FILE,
                         f"{kind_of(st.st_mode)}, not a regular file; never opened")
    path = os.path.join(root, relative)
    try:
        target = os.stat(path)  # follows the whole chain
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _rejected(relative, RejectReason.SYMLINK_LOOP, "a symlink that leads back to itself")
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return _rejected(relative, RejectReason.DANGLING_SYMLINK,
                             f"a symlink to {escape_path(_link_text(path))}, which does not exist")
        return _rejected(relative, RejectReason.UNREADABLE, f"a symlink that cannot be followed: {exc.strerror}")
    resolved = os.path.realpath(path)
    real_root = os.path.realpath(root) if real_root is None else real_root
    if os.path.commonpath([real_root, resolved]) != real_root:
        return _rejected(relative, RejectReason.OUTSIDE_RAW_DIR,
                         "a symlink that points outside the raw dir; not followed")
    if stat.S_ISDIR(target.st_mode):
        return _rejected(relative, RejectReason.SKIPPED,
                         "a symlink to a folder inside the raw dir; its files are read where they are")
    if not stat.S_ISREG(target.st_mode):
        return _rejected(relative, RejectReason.NOT_A_REGULAR_FILE,
                         f"a symlink to {kind_of(target.st_mode)}, not a regular file; never opened")
    return None


# A file changed this recently (seconds before the run started) may change again within the file system's
# timestamp granularity without its stat showing it: it is not taken as known by the next run.
RACY_SECONDS = 2


def stat_key(st: os.stat_result) -> str:
    """What says that a file is as it was: its size, inode, modification and change times. The change time
    (ctime) cannot be set back by tools that keep a modification time (``cp -p``, ``rsync -a``)."""
    return f"{st.st_size}:{st.st_ino}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def settled_stat(raw_dir: Path, path: str, started_ns: int) -> str | None:
    """The ``stat_key`` of the regular file at ``path`` when it last changed ``RACY_SECONDS`` or more before
    ``started_ns`` (the run's start, before it read the file), else None."""
    try:
        st = os.lstat(os.path.join(os.fsencode(raw_dir), unescape_path(path)))
    except OSError:
        return None
    settled = max(st.st_mtime_ns, st.st_ctime_ns) < started_ns - RACY_SECONDS * 1_000_000_000
    return stat_key(st) if stat.S_ISREG(st.st_mode) and settled else None


def known_ref(raw_dir: Path, path: str, known: tuple[str, str, int] | None) -> FileRef | None:
    """The file's identity without reading it, when ``known`` (its ``stat_key``, sha256 and size when the last
    run hashed it) still matches its stat; else None (and the file is read)."""
    if known is None or skip_reason(path) is not None:
        return None
    try:
        st = os.lstat(os.path.join(os.fsencode(raw_dir), unescape_path(path)))
    except OSError:
        return None
    key, sha256, n_bytes = known
    if not stat.S_ISREG(st.st_mode) or stat_key(st) != key or st.st_size != n_bytes:
        return None
    return FileRef(path, sha256, n_bytes)


def read_raw(raw_dir: Path, path: str) -> RawFile | Rejection:
    """Read the file at the escaped ``path`` under ``raw_dir``, or say why it was not read. Any error is a
    rejection of this one file: an ``OSError`` as ``unreadable``, a file deleted, swapped or edited since it was
    listed as ``changed_during_run``, anything else as ``internal_error``."""
    try:
        return _read_raw(raw_dir, path)
    except Exception as exc:  # one file's problem, never the run's
        return Rejection.of_error(exc, path)


def _read_raw(raw_dir: Path, path: str) -> RawFile | Rejection:
    root = os.fsencode(raw_dir)
    relative = unescape_path(path)
    full = os.path.join(root, relative)
    try:
        st = os.lstat(full)
    except FileNotFoundError:
        return _rejected(relative, RejectReason.CHANGED_DURING_RUN, "deleted after the raw dir was listed")
    if stat.S_ISDIR(st.st_mode):
        return _rejected(relative, RejectReason.CHANGED_DURING_RUN, "replaced by a folder after the raw dir was listed")
    rejection = classify(root, relative, st)
    if rejection is not None:
        return rejection
    skipped = skip_reason(path)
    if skipped is not None:  # recorded with its size and hash when it can be read, a symlink never
        data = b""
        if not stat.S_ISLNK(st.st_mode):
            with contextlib.suppress(OSError):
                data = read_regular(full)
        return Rejection(path, sha256_hex(data) if data else "", len(data), *skipped)
    try:
        with open_regular(full) as f:
            before = os.fstat(f.fileno())
            data = f.read()
            after = os.fstat(f.fileno())
    except FileNotFoundError:
        return _rejected(relative, RejectReason.CHANGED_DURING_RUN, "deleted after the raw dir was listed")
    except NotARegularFile as exc:
        return _rejected(relative, RejectReason.CHANGED_DURING_RUN,
                         f"replaced by {exc.strerror} after the raw dir was listed; never read")
    except OSError as exc:
        return _rejected(relative, RejectReason.UNREADABLE, f"cannot be read: {exc.strerror or exc}")
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or len(data) != after.st_size:
        return Rejection(path, sha256_hex(data), len(data), RejectReason.CHANGED_DURING_RUN,
                         "changed while it was being read; the next run reads it")
    return RawFile(path, data)


def _rejected(relative: bytes, reason: RejectReason, message: str) -> Rejection:
    return Rejection(escape_path(relative), "", 0, reason, message)


def _link_text(path: bytes) -> bytes:
    try:
        return os.readlink(path)
    except OSError:
        return b"?"
