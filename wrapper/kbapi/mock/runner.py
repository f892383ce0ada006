"""Run the QMK mock and the Das Keyboard Q local and cloud mocks in one process.

`running_mocks(settings)` is a context manager for tests and demos: it binds the three sockets
(port 0 = a free port), serves each app with uvicorn in a background thread and yields the
base URLs. `run_mocks(settings)` does the same in the foreground, prints the URLs and stops on
Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TextIO

import uvicorn
from starlette.types import ASGIApp

from kbapi.mock.faults import FaultConfig, FaultInjector, with_faults
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_QMK_PORT = 5001
DEFAULT_Q_LOCAL_PORT = 27301
DEFAULT_Q_CLOUD_PORT = 27302
_CREDENTIAL_FIELD = re.compile(r"client_id|client_secret|email|user|password|api_key")


@dataclass(frozen=True)
class MockSettings:
    """Where and how to run the mocks.

    `q` is a `kbapi.mock.daskeyboard.config.QMockConfig` (None = its defaults); `include_q=False`
    runs the QMK mock alone. Port 0 = a free port.
    """

    host: str = DEFAULT_HOST
    qmk_port: int = DEFAULT_QMK_PORT
    q_local_port: int = DEFAULT_Q_LOCAL_PORT
    q_cloud_port: int = DEFAULT_Q_CLOUD_PORT
    qmk: QMKMockConfig = field(default_factory=QMKMockConfig)
    q: Any = None
    faults: FaultConfig = field(default_factory=FaultConfig)
    allow_remote: bool = False
    include_q: bool = True


@dataclass
class RunningMocks:
    """Base URLs of the running mocks, their fault injectors and the cloud demo credentials."""

    qmk: str
    q_local: str | None = None
    q_cloud: str | None = None
    credentials: dict[str, str] = field(default_factory=dict)
    injectors: dict[str, FaultInjector] = field(default_factory=dict)


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _q_apps(config: Any) -> tuple[ASGIApp, ASGIApp, Any]:
    # Imported here so that the QMK mock works even while the Q mock is absent or broken.
    from kbapi.mock.daskeyboard import create_cloud_app, create_local_app
    from kbapi.mock.daskeyboard.config import QMockConfig

    q_config = config if config is not None else QMockConfig()
    return create_local_app(q_config), create_cloud_app(q_config), q_config


def demo_credentials(q_config: Any) -> dict[str, str]:
    """String fields that look like demo credentials (client id, secret...) of the Q config and of
    its first cloud account."""
    if not dataclasses.is_dataclass(q_config):
        return {}
    found: dict[str, str] = {}
    for source in (q_config, *tuple(getattr(q_config, "accounts", ()))[:1]):
        if not dataclasses.is_dataclass(source):
            continue
        for item in dataclasses.fields(source):
            value = getattr(source, item.name)
            if isinstance(value, str) and _CREDENTIAL_FIELD.search(item.name):
                found[item.name] = value
    return found


def bind_listener(host: str, port: int) -> socket.socket:
    """A listening TCP socket on (host, port) with Nagle's algorithm off.

    `proto=IPPROTO_TCP` matters: asyncio sets TCP_NODELAY on accepted connections only when
    the socket says it is TCP, and accepted sockets copy the listener's proto. Without it a
    kept-alive connection stalls ~40 ms per request (Nagle plus delayed ACK). The option is
    also set on the listener itself, which Linux passes on to accepted sockets.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def http_parser() -> str:
    """uvicorn's HTTP implementation for the mocks: httptools (C, about half the CPU per
    request of h11) when installed, as the mock extra does, else h11."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return "httptools"


@contextmanager
def _serve(app: ASGIApp, sock: socket.socket, startup_timeout: float) -> Iterator[None]:
    # No access log: at "warning" it never prints, but uvicorn formats each entry's parts.
    config = uvicorn.Config(
        app, log_level="warning", lifespan="off", http=http_parser(), access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"mock server on {sock.getsockname()} did not start")
        time.sleep(0.01)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextmanager
def serve_app(
    app: ASGIApp, host: str = DEFAULT_HOST, *, startup_timeout: float = 10.0
) -> Iterator[str]:
    """Serve any ASGI `app` on a free port of `host` in a background thread; yield its base
    URL. The server stops when the block ends (bounded wait)."""
    sock = bind_listener(host, 0)
    url = _url(host, sock)
    with _serve(app, sock, startup_timeout):
        yield url


@contextmanager
def running_mocks(
    settings: MockSettings | None = None, *, startup_timeout: float = 10.0
) -> Iterator[RunningMocks]:
    """Start the QMK, Q local and Q cloud mocks; yield their URLs; stop them on exit."""
    cfg = settings or MockSettings()
    if not cfg.allow_remote and not is_loopback(cfg.host):
        raise ValueError(f"refusing to listen on non-loopback host {cfg.host!r} (allow_remote)")
    apps: dict[str, ASGIApp] = {"qmk": create_qmk_app(cfg.qmk)}
    q_config = None
    if cfg.include_q:
        apps["q_local"], apps["q_cloud"], q_config = _q_apps(cfg.q)
    ports = {"qmk": cfg.qmk_port, "q_local": cfg.q_local_port, "q_cloud": cfg.q_cloud_port}
    injectors = {name: with_faults(app, cfg.faults) for name, app in apps.items()}
    with ExitStack() as stack:
        urls: dict[str, str] = {}
        for name, injector in injectors.items():
            sock = bind_listener(cfg.host, ports[name])
            urls[name] = _url(cfg.host, sock)
            stack.enter_context(_serve(injector, sock, startup_timeout))
        yield RunningMocks(
            qmk=urls["qmk"],
            q_local=urls.get("q_local"),
            q_cloud=urls.get("q_cloud"),
            credentials=demo_credentials(q_config),
            injectors=injectors,
        )


def describe(mocks: RunningMocks, faults: FaultConfig) -> str:
    """The banner `kbapi mock` prints: base URLs exactly as kbapi (and its env vars) take them."""
    lines = [f"QMK API mock:       {mocks.qmk}  (serves /v1/...; metadata: {mocks.qmk}/metadata)"]
    if mocks.q_local and mocks.q_cloud:
        lines += [
            f"Q local API mock:   {mocks.q_local}  (serves /api/1.0 and /api/2.0)",
            f"Q cloud API mock:   {mocks.q_cloud}  (serves /api/1.0 and /oauth/1.4/token)",
        ]
    lines += [f"  demo {name}: {value}" for name, value in mocks.credentials.items()]
    lines += ["Point kbapi at them:", f"  export KBAPI_QMK_URL={mocks.qmk}"]
    if mocks.q_local and mocks.q_cloud:
        lines.append(f"  export KBAPI_Q_URL={mocks.q_local}")
        key = mocks.credentials.get("api_key")
        if key:
            lines.append(f"  (cloud: KBAPI_Q_URL={mocks.q_cloud} KBAPI_Q_API_KEY={key})")
    if faults.enabled:
        lines.append(f"Fault injection:    {faults}")
    lines.append("Press Ctrl-C to stop.")
    return "\n".join(lines)


def run_mocks(
    settings: MockSettings | None = None,
    *,
    out: TextIO | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Run the mocks in the foreground until Ctrl-C / SIGTERM (or until `stop` is set)."""
    cfg = settings or MockSettings()
    stop_event = stop or threading.Event()
    restore = _install_signal_handlers(lambda: stop_event.set())
    try:
        with running_mocks(cfg) as mocks:
            print(describe(mocks, cfg.faults), file=out or sys.stdout, flush=True)
            while not stop_event.wait(0.5):
                pass
    finally:
        restore()


def _install_signal_handlers(on_signal: Callable[[], None]) -> Callable[[], None]:
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: FrameType | None) -> None:
        on_signal()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
