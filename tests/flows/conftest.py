from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from prefect.testing.utilities import prefect_test_harness

from tests.flows.browser import Browser, chromium_path
from tests.flows.prefect_server import PrefectServer


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server (with its own database) for every end-to-end test in the session."""
    with prefect_test_harness(server_startup_timeout=None):  # PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS
        yield


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectServer]:
    """A real ``prefect server start`` on a free 127.0.0.1 port, stopped (with its process group) at the end."""
    server = PrefectServer(tmp_path_factory.mktemp("prefect-server"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium (``tests/flows/browser.py``); skipped when none is installed, unless
    CORPUS_PIPELINE_REQUIRE_BROWSER=1 (``.ci/run`` sets it and installs Debian's chromium)."""
    binary = chromium_path()
    if binary is None:
        if os.environ.get("CORPUS_PIPELINE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed, and CORPUS_PIPELINE_REQUIRE_BROWSER=1 (see .ci/run)")
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    b = Browser(binary)
    try:
        yield b
    finally:
        b.close()
