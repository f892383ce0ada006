"""Retries, timeouts, size caps and logging over real loopback sockets, through both faces'
httpx clients (`face.http`: `build_client`, or `build_async_client` driven from plain code)."""

from __future__ import annotations

import logging
import socket
import threading
from collections import Counter
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
from kbapi._core import errors
from kbapi._core.calls import check_response, translate_errors
from kbapi._core.http import user_agent
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.retry import RetryPolicy
from kbapi.testing import free_port, serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.support.faces import Face, async_of

HITS: Counter[str] = Counter()


def _key(request: Request) -> str:
    return f"{request.url.path}:{request.query_params.get('id', '')}"


async def flaky(request: Request) -> Response:
    """Fail `fails` times with `status` (and Retry-After `ra` if given), then succeed."""
    key = _key(request)
    HITS[key] += 1
    fails = int(request.query_params.get("fails", "0"))
    if HITS[key] <= fails:
        headers = {}
        if "ra" in request.query_params:
            headers["Retry-After"] = request.query_params["ra"]
        status = int(request.query_params.get("status", "503"))
        return PlainTextResponse("try later", status_code=status, headers=headers)
    return JSONResponse({"ok": True, "hits": HITS[key], "ua": request.headers["user-agent"]})


HUNG = threading.Condition()  # notified at each request /hang receives


async def hang(request: Request) -> Response:
    with HUNG:
        HITS[_key(request)] += 1
        HUNG.notify_all()
    await anyio.sleep(1.0)  # far past the client's timeout: never waited for by a test
    return PlainTextResponse("late")


def hung(key: str, expected: int) -> int:
    """How many requests /hang saw for `key`, once it saw `expected` (or after 10 s at most).

    The client gives up on each attempt after its timeout, possibly before a loaded server
    even read the request: the count is taken when the server has caught up.
    """
    with HUNG:
        HUNG.wait_for(lambda: HITS[key] >= expected, timeout=10)
        return HITS[key]


async def huge(request: Request) -> Response:
    size = int(request.query_params.get("size", "0"))
    if request.query_params.get("declared") == "1":
        return Response(b"x" * size)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(size // 4096):
            yield b"x" * 4096

    return StreamingResponse(chunks())


async def cookie(request: Request) -> Response:
    """Echo the Cookie header received, and set a session cookie on every answer."""
    response = JSONResponse({"cookie": request.headers.get("cookie")})
    response.set_cookie("session", "from-the-server")
    return response


APP = Starlette(
    routes=[
        Route("/cookie", cookie),
        Route("/flaky", flaky, methods=["GET", "POST", "PUT"]),
        Route("/hang", hang, methods=["GET", "POST"]),
        Route("/huge", huge),
    ]
)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve(APP) as url:
        yield url


class Sleeps:
    """Injected sleep: records delays, never waits."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def _id(request: pytest.FixtureRequest) -> str:
    return request.node.name


def test_get_retried_on_503_honouring_retry_after(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    with face.http(base_url, sleep=sleeps, rand=lambda: 0.5) as client:
        response = client.get("/flaky", params={"id": _id(request), "fails": 2, "ra": "3"})
    assert response.status_code == 200
    assert response.json()["hits"] == 3
    assert response.extensions["kbapi_retries"] == 2
    assert sleeps.calls == [3.0, 3.0]
    assert response.json()["ua"] == user_agent()


def test_backoff_used_without_retry_after(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    with face.http(base_url, sleep=sleeps, rand=lambda: 1.0) as client:
        response = client.get("/flaky", params={"id": _id(request), "fails": 2, "status": 502})
    assert response.status_code == 200
    assert sleeps.calls == [0.5, 1.0]


def test_retries_exhausted_returns_last_error_response(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    with face.http(base_url, sleep=sleeps) as client, translate_errors():
        response = client.get("/flaky", params={"id": _id(request), "fails": 9})
        assert response.extensions["kbapi_retries"] == 2
        with pytest.raises(errors.InternalServerError, match="503 Service Unavailable"):
            check_response(response)
    assert len(sleeps.calls) == 2
    assert HITS[f"/flaky:{_id(request)}"] == 3


def test_long_retry_after_not_retried_and_raises_rate_limit(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    params = {"id": _id(request), "fails": 5, "status": 429, "ra": "3600"}
    with face.http(base_url, sleep=sleeps) as client:
        response = client.get("/flaky", params=params)
    assert sleeps.calls == []
    with pytest.raises(errors.RateLimitError) as info:
        check_response(response)
    assert info.value.retry_after == 3600.0


def test_post_not_retried_after_500(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    params = {"id": _id(request), "fails": 1, "status": 500}
    with face.http(base_url, sleep=sleeps) as client:
        response = client.post("/flaky", params=params, json={"a": 1})
    assert response.status_code == 500
    assert response.extensions["kbapi_retries"] == 0
    assert sleeps.calls == []


def test_post_retried_after_500_when_opted_in(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    params = {"id": _id(request), "fails": 1, "status": 500}
    policy = RetryPolicy(retry_unsafe=True)
    with face.http(base_url, retries=policy, sleep=sleeps) as client:
        response = client.post("/flaky", params=params, json={"a": 1})
    assert response.status_code == 200
    assert len(sleeps.calls) == 1


def test_post_retried_after_429(face: Face, base_url: str, request: pytest.FixtureRequest) -> None:
    sleeps = Sleeps()
    params = {"id": _id(request), "fails": 1, "status": 429, "ra": "1"}
    with face.http(base_url, sleep=sleeps) as client:
        response = client.post("/flaky", params=params, json={"a": 1})
    assert response.status_code == 200
    assert sleeps.calls == [1.0]


def test_cookies_a_server_sets_are_not_sent_back(face: Face, base_url: str) -> None:
    # Neither API uses cookies and their official clients keep none (kbapi._core.http).
    with face.http(base_url) as client:
        first = client.get("/cookie")
        assert "session=from-the-server" in first.headers["set-cookie"]
        assert client.get("/cookie").json() == {"cookie": None}
        assert not client.cookies


def test_cookies_set_by_hand_are_sent(face: Face, base_url: str) -> None:
    with face.http(base_url) as client:
        client.cookies.set("mine", "1")
        assert client.get("/cookie").json() == {"cookie": "mine=1"}
        assert client.get("/cookie").json() == {"cookie": "mine=1"}


def test_no_retries_policy(face: Face, base_url: str, request: pytest.FixtureRequest) -> None:
    sleeps = Sleeps()
    with face.http(base_url, retries=None, sleep=sleeps) as client:
        response = client.get("/flaky", params={"id": _id(request), "fails": 1})
    assert response.status_code == 503
    assert sleeps.calls == []


class DroppingServer:
    """Raw TCP server: closes the first `drops` connections after reading, then answers 200.

    With `cut_body`, a dropped connection first sends the headers and half of the body.
    """

    def __init__(self, drops: int, port: int | None = None, *, cut_body: bool = False) -> None:
        self.drops = drops
        self.cut_body = cut_body
        self.port = port or free_port()
        self.connections = 0
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(8)
        sock.settimeout(5.0)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        assert self._sock is not None
        for _ in range(self.drops + 1):
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5.0)
                conn.recv(65536)
                self.connections += 1
                if self.connections > self.drops:
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    )
                elif self.cut_body:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no")

    def stop(self) -> None:
        if self._sock is not None:
            # shutdown() wakes a thread blocked in accept() (Linux); close() alone leaves it there.
            self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def test_get_retried_after_dropped_connection(face: Face) -> None:
    server = DroppingServer(drops=2)
    server.start()
    sleeps = Sleeps()
    try:
        with face.http(server.url, sleep=sleeps) as client:
            response = client.get("/x")
    finally:
        server.stop()
    assert response.text == "ok"
    assert response.extensions["kbapi_retries"] == 2
    assert server.connections == 3


def test_get_retried_when_the_body_breaks_off(face: Face) -> None:
    server = DroppingServer(drops=1, cut_body=True)
    server.start()
    try:
        with face.http(server.url, sleep=Sleeps()) as client:
            response = client.get("/x")
    finally:
        server.stop()
    assert response.text == "ok" and server.connections == 2


def test_post_not_retried_when_the_body_breaks_off(face: Face) -> None:
    server = DroppingServer(drops=1, cut_body=True)
    server.start()
    try:
        with (
            face.http(server.url, sleep=Sleeps()) as client,
            pytest.raises(errors.APIConnectionError, match="connection failed"),
            translate_errors(),
        ):
            client.post("/signals", json={"zoneId": "KEY_A"})
    finally:
        server.stop()
    assert server.connections == 1


def test_post_not_retried_after_dropped_connection(face: Face) -> None:
    server = DroppingServer(drops=1)
    server.start()
    sleeps = Sleeps()
    try:
        with (
            face.http(server.url, sleep=sleeps) as client,
            pytest.raises(errors.APIConnectionError) as info,
            translate_errors(),
        ):
            client.post("/signals", json={"zoneId": "KEY_A"})
    finally:
        server.stop()
    assert server.connections == 1
    assert sleeps.calls == []
    assert "POST http://127.0.0.1" in str(info.value)


def test_post_retried_after_connect_error(face: Face) -> None:
    port = free_port()
    server = DroppingServer(drops=0, port=port)
    sleeps: list[float] = []

    def start_server_then_continue(seconds: float) -> None:
        sleeps.append(seconds)
        server.start()  # nothing listened during the first attempt: connection refused

    try:
        with face.http(server.url, sleep=start_server_then_continue) as client:
            response = client.post("/signals", json={"zoneId": "KEY_A"})
    finally:
        server.stop()
    assert response.text == "ok"
    assert response.extensions["kbapi_retries"] == 1
    assert len(sleeps) == 1


def test_connect_errors_exhaust_and_translate(face: Face) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    sleeps = Sleeps()
    with (
        face.http(url, sleep=sleeps) as client,
        pytest.raises(errors.APIConnectionError) as info,
        translate_errors(),
    ):
        client.post("/x", content=b"{}")
    assert len(sleeps.calls) == 2
    assert any("gave up after 2 retries" in note for note in info.value.__cause__.__notes__)


def test_timeout_raises_api_timeout_error(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    with (
        face.http(base_url, timeout=httpx.Timeout(0.1), sleep=sleeps) as client,
        pytest.raises(errors.APITimeoutError, match="request timed out"),
        translate_errors(),
    ):
        client.get("/hang", params={"id": _id(request)})
    assert len(sleeps.calls) == 2  # three attempts, two waits between them
    assert hung(f"/hang:{_id(request)}", 3) == 3


def test_post_timeout_not_retried(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    sleeps = Sleeps()
    with (
        face.http(base_url, timeout=httpx.Timeout(0.1), sleep=sleeps) as client,
        pytest.raises(errors.APITimeoutError, match="request timed out"),
        translate_errors(),
    ):
        client.post("/hang", params={"id": _id(request)})
    assert sleeps.calls == []  # one attempt: a POST that may have been applied is not resent
    assert hung(f"/hang:{_id(request)}", 1) == 1


@pytest.mark.parametrize("declared", ["0", "1"])
def test_oversize_body_raises(face: Face, base_url: str, declared: str) -> None:
    params = {"size": 256 * 1024, "declared": declared}
    with (
        face.http(base_url, max_response_bytes=64 * 1024) as client,
        pytest.raises(errors.ResponseTooLargeError) as info,
        translate_errors(),
    ):
        client.get("/huge", params=params)
    assert info.value.limit == 64 * 1024
    assert "/huge" in str(info.value)


def test_body_under_cap_is_fine(face: Face, base_url: str) -> None:
    with face.http(base_url, max_response_bytes=64 * 1024) as client:
        response = client.get("/huge", params={"size": 32 * 1024})
    assert len(response.content) == 32 * 1024


def test_logs_attempts_without_secrets(
    face: Face,
    base_url: str,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="kbapi.http")
    params = {"id": _id(request), "fails": 1, "apiKey": "SECRET-KEY-1"}
    headers = {"X-API-KEY": "SECRET-KEY-2"}
    with face.http(base_url, headers=headers, sleep=Sleeps()) as client:
        client.get("/flaky", params=params)
    lines = [r.getMessage() for r in caplog.records if r.name == "kbapi.http"]
    assert len(lines) == 2
    assert "(attempt 1); retrying in" in lines[0]
    assert "-> 200" in lines[1] and "(attempt 2)" in lines[1]
    assert "SECRET-KEY" not in caplog.text


def test_rate_limiter_is_acquired_per_attempt(
    face: Face, base_url: str, request: pytest.FixtureRequest
) -> None:
    slept: list[float] = []
    now = [0.0]

    def limiter_sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(
        2, 1.0, clock=lambda: now[0], sleep=limiter_sleep, async_sleep=async_of(limiter_sleep)
    )
    with face.http(base_url, rate_limiter=limiter, sleep=Sleeps()) as client:
        for _ in range(2):
            client.get("/flaky", params={"id": _id(request), "fails": 1})
    assert slept == [1.0]  # 3 attempts in all: the third waits for the window
