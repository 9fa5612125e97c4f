"""One run at a time per output dir: an exclusive ``flock`` on ``OUT/.lock``, held for the whole run.

The kernel drops the lock when the process dies (even by kill -9), so a crashed run never blocks the next.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from transforms.errors import CorpusError

POLL_SECONDS = 0.2


class LockTimeout(CorpusError):
    """Another run kept the output dir locked for longer than we were willing to wait."""


@contextmanager
def run_lock(out_dir: Path, timeout: float, on_wait: Callable[[str], None] = lambda holder: None) -> Iterator[None]:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ".lock"
    with path.open("a+", encoding="utf-8") as f:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                f.seek(0)
                holder = f.read().strip() or "another process"
                if not waited:
                    on_wait(holder)
                    waited = True
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"another run is publishing to {out_dir} ({holder}); gave up waiting for its lock after "
                        f"{timeout:g} s. Try again when it has finished, or raise --lock-timeout."
                    ) from None
                time.sleep(POLL_SECONDS)
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()}, since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        f.flush()
        try:
            yield
        finally:
            f.seek(0)
            f.truncate()
            fcntl.flock(f, fcntl.LOCK_UN)
