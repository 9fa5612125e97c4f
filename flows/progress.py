"""Progress of a long run: a bar on the terminal (when stderr is one) and a Prefect progress artifact."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from prefect.artifacts import create_progress_artifact, update_progress_artifact
from tqdm import tqdm  # type: ignore[import-untyped]

PROGRESS_KEY = "corpus-pipeline-progress"


class Progress:
    """Counts raw bytes done out of ``total``; updates the artifact at most every ``step`` percent."""

    def __init__(self, total: int, description: str, step: float = 1.0) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.step = step
        self._reported = 0.0
        # disable=None: a bar only when stderr is a terminal, so logs and CI stay clean.
        self._bar: Any = tqdm(total=total, unit="B", unit_scale=True, desc=description, disable=None, leave=False)
        self._artifact = cast(UUID, create_progress_artifact(progress=0.0, key=PROGRESS_KEY, description=description))

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total

    def advance(self, n_bytes: int) -> None:
        self.done += n_bytes
        self._bar.update(n_bytes)
        if self.percent - self._reported >= self.step or self.done >= self.total:
            self._reported = self.percent
            update_progress_artifact(self._artifact, progress=min(self.percent, 100.0))

    def close(self) -> None:
        self._bar.close()
