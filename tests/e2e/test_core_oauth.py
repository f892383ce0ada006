"""OAuth2Auth against a small token endpoint on a real loopback socket, through both faces' httpx
clients (`face.http`: the sync flow, or the async one driven from plain code)."""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import pytest
from kbapi._core import build_async_client, build_client, errors
from kbapi._core.auth import ClientCredentials, OAuth2Auth, PasswordGrant
from kbapi._core.calls import check_response, translate_errors
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from tests.support.faces import Face

CLIENT_SECRET = "CSECRET-0000"
PASSWORD = "PW-0000"


@dataclass
class TokenServer:
    """State of the fake Q cloud: issued tokens, counters and switches."""

    expires_in: int = 3600
    reject_refresh: bool = False
    always_401: bool = False
    omit_access_token: bool = False
    access: set[str] = field(default_factory=set)
    refresh: set[str] = field(default_factory=set)
    grants: Counter[str] = field(default_factory=Counter)
    api_hits: int = 0
    seen_tokens: list[str] = field(default_factory=list)
    serial: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def issue(self) -> dict[str, Any]:
        n = next(self.serial)
        access, refresh = f"ACCESS-{n:04d}", f"REFRESH-{n:04d}"
        self.access.add(access)
        self.refresh.add(refresh)
        return {
            "access_token": access,
            "refresh_token": refresh,
            "user_id": 7654,
            "expires_in": self.expires_in,
        }

    async def token(self, request: Request) -> Response:
        if request.headers.get("content-type", "").startswith("application/json"):
            form = dict(await request.json())
        else:
            # python-multipart is not installed; token bodies are flat forms anyway.
            form = dict(parse_qsl((await request.body()).decode()))
        grant = str(form.get("grant_type"))
        self.grants[grant] += 1
        if grant == "client_credentials":
            ok = form.get("client_id") == "cid" and form.get("client_secret") == CLIENT_SECRET
        elif grant == "password":
            ok = form.get("email") == "me@example.com" and form.get("password") == PASSWORD
        elif grant == "refresh_token":
            ok = not self.reject_refresh and form.get("refresh_token") in self.refresh
            if ok:
                self.refresh.discard(str(form["refresh_token"]))
        else:
            ok = False
        if not ok:
            # Echo the request, as careless servers do: our errors must redact it.
            return JSONResponse({"message": "invalid credentials", "echo": form}, 401)
        body = self.issue()
        if self.omit_access_token:
            del body["access_token"]
        return JSONResponse(body)

    async def devices(self, request: Request) -> Response:
        self.api_hits += 1
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        self.seen_tokens.append(token)
        if self.always_401 or token not in self.access:
            return PlainTextResponse("Unauthorized", 401)
        return JSONResponse([{"pid": "DK5QPID"}])

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/oauth/1.4/token", self.token, methods=["POST"]),
                Route("/api/1.0/devices", self.devices),
            ]
        )


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server() -> Iterator[tuple[TokenServer, str]]:
    from kbapi.testing import serve

    state = TokenServer()
    with serve(state.app()) as url:
        yield state, url


def _auth(url: str, clock: Clock, **kwargs: Any) -> OAuth2Auth:
    grant = ClientCredentials("cid", CLIENT_SECRET)
    return OAuth2Auth(f"{url}/oauth/1.4/token", grant, clock=clock, **kwargs)


def test_token_fetched_once_and_refreshed_before_expiry(
    face: Face,
    server: tuple[TokenServer, str],
) -> None:
    state, url = server
    clock = Clock()
    auth = _auth(url, clock)
    with face.http(url, auth=auth) as client:
        assert client.get("/api/1.0/devices").status_code == 200
        assert client.get("/api/1.0/devices").status_code == 200
        assert state.grants == Counter({"client_credentials": 1})
        assert auth.user_id == 7654
        clock.now += 3600 - 60 - 1
        assert client.get("/api/1.0/devices").status_code == 200
        assert state.grants["refresh_token"] == 0
        clock.now += 2  # now inside the refresh margin
        assert client.get("/api/1.0/devices").status_code == 200
    assert state.grants == Counter({"client_credentials": 1, "refresh_token": 1})
    assert state.seen_tokens == ["ACCESS-0001"] * 3 + ["ACCESS-0002"]


def test_401_refreshes_once_and_resends(face: Face, server: tuple[TokenServer, str]) -> None:
    state, url = server
    auth = _auth(url, Clock())
    with face.http(url, auth=auth) as client:
        client.get("/api/1.0/devices")
        state.access.clear()  # the server forgot every token
        response = client.get("/api/1.0/devices")
    assert response.status_code == 200
    assert state.grants == Counter({"client_credentials": 1, "refresh_token": 1})
    assert state.seen_tokens == ["ACCESS-0001", "ACCESS-0001", "ACCESS-0002"]


def test_failed_refresh_falls_back_to_original_grant(
    face: Face, server: tuple[TokenServer, str]
) -> None:
    state, url = server
    auth = _auth(url, Clock())
    with face.http(url, auth=auth) as client:
        client.get("/api/1.0/devices")
        state.access.clear()
        state.reject_refresh = True
        response = client.get("/api/1.0/devices")
    assert response.status_code == 200
    assert state.grants == Counter({"client_credentials": 2, "refresh_token": 1})


def test_persistent_401_is_resent_only_once(face: Face, server: tuple[TokenServer, str]) -> None:
    state, url = server
    state.always_401 = True
    auth = _auth(url, Clock())
    with face.http(url, auth=auth) as client, translate_errors():
        response = client.get("/api/1.0/devices")
        with pytest.raises(errors.AuthenticationError, match="401 Unauthorized"):
            check_response(response)
    assert state.api_hits == 2
    assert state.grants == Counter({"client_credentials": 1, "refresh_token": 1})


def test_secrets_never_shown(
    face: Face, server: tuple[TokenServer, str], caplog: pytest.LogCaptureFixture
) -> None:
    state, url = server
    caplog.set_level(logging.DEBUG)
    auth = _auth(url, Clock())
    with face.http(url, auth=auth) as client:
        client.get("/api/1.0/devices")
    bad = OAuth2Auth(f"{url}/oauth/1.4/token", PasswordGrant("me@example.com", "WRONG-PW-1"))
    with (
        face.http(url, auth=bad) as client,
        pytest.raises(errors.AuthenticationError) as info,
        translate_errors(),
    ):
        client.get("/api/1.0/devices")
    shown = " ".join(
        [repr(auth), repr(auth.token), repr(bad), str(info.value), info.value.body_text]
    )
    shown += repr(info.value.body) + caplog.text
    for secret in ("ACCESS-0001", "REFRESH-0001", CLIENT_SECRET, "WRONG-PW-1"):
        assert secret not in shown
    assert "invalid credentials" in str(info.value)
    assert "/oauth/1.4/token" in str(info.value)
    assert state.grants["password"] == 1


def test_json_body_format_and_password_grant(face: Face, server: tuple[TokenServer, str]) -> None:
    state, url = server
    grant = PasswordGrant("me@example.com", PASSWORD)
    auth = OAuth2Auth(f"{url}/oauth/1.4/token", grant, body_format="json")
    with face.http(url, auth=auth) as client:
        assert client.get("/api/1.0/devices").status_code == 200
    assert state.grants == Counter({"password": 1})


def test_threads_share_one_token_fetch(server: tuple[TokenServer, str]) -> None:
    state, url = server
    auth = _auth(url, Clock())
    statuses: list[int] = []
    with build_client(url, auth=auth) as client:

        def call() -> None:
            statuses.append(client.get("/api/1.0/devices").status_code)

        threads = [threading.Thread(target=call) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert statuses == [200] * 8
    assert state.grants == Counter({"client_credentials": 1})


def test_async_refresh_before_expiry_on_401_and_task_safety(
    server: tuple[TokenServer, str],
) -> None:
    state, url = server
    clock = Clock()
    auth = _auth(url, clock)

    async def run() -> list[int]:
        async with build_async_client(url, auth=auth) as client:
            first = await asyncio.gather(*(client.get("/api/1.0/devices") for _ in range(10)))
            assert state.grants == Counter({"client_credentials": 1})
            clock.now += 3600
            await client.get("/api/1.0/devices")
            assert state.grants["refresh_token"] == 1
            state.access.clear()
            last = await client.get("/api/1.0/devices")
            return [r.status_code for r in first] + [last.status_code]

    assert asyncio.run(run()) == [200] * 11
    assert state.grants == Counter({"client_credentials": 1, "refresh_token": 2})
    assert state.seen_tokens[-2:] == ["ACCESS-0002", "ACCESS-0003"]


def test_bad_credentials_raise_without_showing_them(
    face: Face, server: tuple[TokenServer, str]
) -> None:
    _, url = server
    grant = ClientCredentials("cid", "WRONG-SECRET-9")
    auth = OAuth2Auth(f"{url}/oauth/1.4/token", grant)
    with (
        face.http(url, auth=auth) as client,
        pytest.raises(errors.AuthenticationError) as info,
        translate_errors(),
    ):
        client.get("/api/1.0/devices")
    assert "WRONG-SECRET-9" not in str(info.value) + info.value.body_text


def test_token_response_that_breaks_schema(face: Face, server: tuple[TokenServer, str]) -> None:
    state, url = server

    state.omit_access_token = True
    auth = _auth(url, Clock())
    with (
        face.http(url, auth=auth) as client,
        pytest.raises(errors.APIResponseValidationError, match="token response"),
        translate_errors(),
    ):
        client.get("/api/1.0/devices")


def test_credentials_refused_for_plain_http_remote_host(face: Face) -> None:
    auth = OAuth2Auth("https://q.example/oauth/1.4/token", ClientCredentials("c", "s"))
    with (
        face.http(auth=auth) as client,
        pytest.raises(errors.InputError, match="refusing to send credentials"),
    ):
        client.get("http://q.example/api/1.0/devices")
