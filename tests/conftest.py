"""Shared fixtures. The environment defaults (offline, quiet, project-local Prefect home) are applied before
anything imports Prefect."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from flows.settings import apply_defaults

apply_defaults()

# The property tests draw the same examples on every run, so a run's result depends on the code alone (``make
# test``, CI); ``make explore`` (profile ``explore``) draws fresh ones to look for new failures.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

from flows.catalog import DEFAULT_TAXONOMY  # noqa: E402
from transforms.themes import Taxonomy, parse_taxonomy  # noqa: E402

DATA = Path(__file__).parent / "data"
CORPORA = sorted(p for p in (DATA / "corpora").iterdir() if (p / "gold.json").exists())
SAMPLE = DATA / "corpora" / "sample_emergency_conference"  # the sample corpus: one document, three articles
WIRE = DATA / "corpora" / "wire_layout"  # two documents, four articles


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return parse_taxonomy(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
