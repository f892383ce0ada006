"""kbapi's pytest plugin: the mock servers as fixtures, to test your own code offline.

Installed with ``pip install 'kbapi[mock]'``; pytest finds it through its ``pytest11`` entry
point, so there is nothing to import or register. Each fixture is a `MockServer`:

- ``qmk_mock``: the QMK compile API (``/v1/...``) with its keyboard metadata (``/metadata``);
- ``q_local_mock``: Das Keyboard Q Desktop's local API (``/api/1.0``, ``/api/2.0``);
- ``q_cloud_mock``: the Q cloud (``X-API-KEY: q_cloud_mock.api_key``, or OAuth).

The servers start once per test session on free 127.0.0.1 ports and stop with it. Before each
test that uses one, its state (jobs, signals, shadows, tokens) is forgotten and its faults are
turned off, so tests cannot see each other. ``kbapi_mocks`` is the session's `Mocks` itself, for
session-scoped fixtures of your own (nothing is reset for them). Override the
``kbapi_mock_settings`` fixture (session scope) to configure the mocks.

    def test_dashboard_lights_the_build_key(q_local_mock):
        run_my_dashboard(base_url=q_local_mock.url)
        assert [s["zoneId"] for s in q_local_mock.signals()] == ["2,2"]

`SimClock` is simulated time that a mock app and a client share (`create_qmk_app(...,
clock=clock)` and ``QMKClient(url, clock=clock, sleep=clock.sleep)``), so a 30 s build or a
rate-limit window passes at once.

Nothing here imports the mocks until a fixture is used, so the plugin is harmless where the
``mock`` extra is not installed.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from kbapi.mock.clock import SimClock

if TYPE_CHECKING:
    from kbapi.mock.faults import FaultConfig, FaultInjector
    from kbapi.mock.runner import MockSettings, RunningMocks

__all__ = ["MockServer", "Mocks", "SimClock", "free_port", "serve"]


@dataclass
class MockServer:
    """One running mock: where it listens, its state and its fault injection."""

    url: str
    """Base URL, exactly as kbapi's clients, the CLI and ``KBAPI_*_URL`` take it."""
    injector: FaultInjector
    api_key: str | None = None
    """The cloud mock's demo API key (None for the other mocks)."""

    @property
    def state(self) -> Any:
        """The mock's own state object (``QMKMock``, ``LocalMock`` or ``CloudMock``)."""
        return _app_state(self.injector).mock

    def signals(self) -> list[dict[str, Any]]:
        """Every signal the Q mock stores, as the JSON bodies it would answer."""
        return list(_app_state(self.injector).store.snapshot())

    def set_faults(self, faults: FaultConfig | str | None) -> None:
        """Inject faults from now on: a `FaultConfig`, its text form (as in
        ``KBAPI_MOCK_FAULTS``, e.g. ``"error=0.2,seed=1"``) or None for none."""
        from kbapi.mock.faults import FaultConfig

        if isinstance(faults, str):
            faults = FaultConfig.parse(faults)
        self.injector.configure(faults or FaultConfig())

    def reset(self) -> None:
        """Forget all state and turn faults off, as a fresh server."""
        self.state.reset()
        self.set_faults(None)


@dataclass
class Mocks:
    """The session's three mocks."""

    qmk: MockServer
    q_local: MockServer
    q_cloud: MockServer


def _app_state(injector: FaultInjector) -> Any:
    return injector.app.state  # type: ignore[attr-defined]


def _mocks_from(running: RunningMocks) -> Mocks:
    assert running.q_local and running.q_cloud, "the Q mocks are part of the session"
    return Mocks(
        qmk=MockServer(running.qmk, running.injectors["qmk"]),
        q_local=MockServer(running.q_local, running.injectors["q_local"]),
        q_cloud=MockServer(
            running.q_cloud, running.injectors["q_cloud"], running.credentials.get("api_key")
        ),
    )


@pytest.fixture(scope="session")
def kbapi_mock_settings() -> MockSettings:
    """How the session's mocks run: free loopback ports, default data, no faults, and compile
    jobs that finish at once (a test should not wait for a simulated build)."""
    from kbapi.mock.qmk import QMKMockConfig
    from kbapi.mock.runner import MockSettings

    instant = QMKMockConfig(queue_seconds=0, run_seconds=0)
    return MockSettings(qmk_port=0, q_local_port=0, q_cloud_port=0, qmk=instant)


@pytest.fixture(scope="session")
def kbapi_mocks(kbapi_mock_settings: MockSettings) -> Iterator[Mocks]:
    """All three mocks for the whole session (shared state, nothing reset)."""
    from kbapi.mock.runner import running_mocks

    with running_mocks(kbapi_mock_settings) as running:
        yield _mocks_from(running)


@pytest.fixture
def qmk_mock(kbapi_mocks: Mocks) -> MockServer:
    """The QMK compile API mock, fresh for this test."""
    kbapi_mocks.qmk.reset()
    return kbapi_mocks.qmk


@pytest.fixture
def q_local_mock(kbapi_mocks: Mocks) -> MockServer:
    """The Das Keyboard Q local (Q Desktop) mock, fresh for this test."""
    kbapi_mocks.q_local.reset()
    return kbapi_mocks.q_local


@pytest.fixture
def q_cloud_mock(kbapi_mocks: Mocks) -> MockServer:
    """The Das Keyboard Q cloud mock, fresh for this test."""
    kbapi_mocks.q_cloud.reset()
    return kbapi_mocks.q_cloud


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(app: Any, *, startup_timeout: float = 10.0) -> AbstractContextManager[str]:
    """Serve any ASGI `app` on a free 127.0.0.1 port in a background thread, as a context
    manager that gives its base URL ``http://127.0.0.1:PORT`` and stops the server at the end."""
    from kbapi.mock.runner import serve_app

    return serve_app(app, startup_timeout=startup_timeout)
