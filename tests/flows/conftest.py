from __future__ import annotations

from collections.abc import Iterator

import pytest
from prefect.testing.utilities import prefect_test_harness

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
