"""OAuth2Auth's decisions, driven through httpx's auth-flow protocol (sync and async flows).

The flow yields the requests to send and receives the answers; `Endpoint` plays the token
endpoint and the API, and counts what it was sent. The clock is injected.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from kbapi._core.auth import (
    AuthorizationCodeGrant,
    ClientCredentials,
    OAuth2Auth,
    PasswordGrant,
    RefreshTokenGrant,
    ensure_secure_url,
    parse_token_response,
)
from kbapi._core.errors import APIResponseValidationError, BadRequestError, InputError

TOKEN_URL = "https://auth.example/oauth/token"
API_URL = "https://api.example/signals"
FLOWS = ("sync", "async")


@dataclass
class Endpoint:
    """The token endpoint and the API: what they answer, what they were sent."""

    api_status: int = 200
    token_status: int = 200
    expires_in: int | None = 100
    issued: int = 0
    token_bodies: list[dict[str, Any]] = field(default_factory=list)
    api_auth: list[str] = field(default_factory=list)

    def answer(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            return self._token(request)
        self.api_auth.append(request.headers["Authorization"])
        return httpx.Response(self.api_status, json={}, request=request)

    def _token(self, request: httpx.Request) -> httpx.Response:
        body = request.read().decode()
        if request.headers["Content-Type"] == "application/json":
            self.token_bodies.append({"format": "json", **json.loads(body)})
        else:
            self.token_bodies.append({"format": "form", **dict(parse_qsl(body))})
        if self.token_status != 200:
            return httpx.Response(self.token_status, json={"error": "nope"}, request=request)
        self.issued += 1
        token = {"access_token": f"A{self.issued}", "refresh_token": f"R{self.issued}"}
        if self.expires_in is not None:
            token["expires_in"] = self.expires_in  # type: ignore[assignment]
        return httpx.Response(200, json=token, request=request)


def send(auth: OAuth2Auth, endpoint: Endpoint, flow: str) -> None:
    """Send one API request through `auth`'s sync or async flow."""
    request = httpx.Request("GET", API_URL)
    if flow == "sync":
        steps = auth.sync_auth_flow(request)
        outgoing = next(steps)
        while True:
            try:
                outgoing = steps.send(endpoint.answer(outgoing))
            except StopIteration:
                return
    asyncio.run(_send_async(auth, endpoint, request))


async def _send_async(auth: OAuth2Auth, endpoint: Endpoint, request: httpx.Request) -> None:
    steps = auth.async_auth_flow(request)
    outgoing = await steps.__anext__()
    while True:
        try:
            outgoing = await steps.asend(endpoint.answer(outgoing))
        except StopAsyncIteration:
            return


def oauth(clock: Callable[[], float] = lambda: 0.0, **options: Any) -> OAuth2Auth:
    return OAuth2Auth(
        token_url=TOKEN_URL, grant=ClientCredentials("CID", "CSECRET"), clock=clock, **options
    )


@pytest.mark.parametrize("flow", FLOWS)
def test_the_token_is_refreshed_60_seconds_before_it_expires(flow: str) -> None:
    now = [0.0]
    auth, endpoint = oauth(clock=lambda: now[0]), Endpoint(expires_in=100)
    send(auth, endpoint, flow)
    now[0] = 39.9
    send(auth, endpoint, flow)
    assert endpoint.api_auth == ["Bearer A1", "Bearer A1"]
    now[0] = 40.0
    send(auth, endpoint, flow)
    assert endpoint.api_auth[-1] == "Bearer A2"
    refresh = endpoint.token_bodies[-1]
    assert refresh == {
        "format": "form",
        "grant_type": "refresh_token",
        "refresh_token": "R1",
        "client_id": "CID",  # from the grant: no client_id was given to OAuth2Auth
    }


@pytest.mark.parametrize("flow", FLOWS)
@pytest.mark.parametrize("body_format", ["form", "json"])
def test_the_token_request_body_has_the_chosen_format(flow: str, body_format: str) -> None:
    endpoint = Endpoint()
    send(oauth(body_format=body_format), endpoint, flow)
    assert endpoint.token_bodies == [
        {
            "format": body_format,
            "grant_type": "client_credentials",
            "client_id": "CID",
            "client_secret": "CSECRET",
        }
    ]


@pytest.mark.parametrize("flow", FLOWS)
@pytest.mark.parametrize("status", [200, 403, 500])
def test_only_a_401_refreshes_the_token_and_resends(flow: str, status: int) -> None:
    endpoint = Endpoint(api_status=status)
    send(oauth(), endpoint, flow)
    assert (endpoint.api_auth, endpoint.issued) == (["Bearer A1"], 1)


@pytest.mark.parametrize("flow", FLOWS)
def test_a_persistent_401_is_resent_once_with_a_fresh_token(flow: str) -> None:
    endpoint = Endpoint(api_status=401)
    send(oauth(), endpoint, flow)
    assert endpoint.api_auth == ["Bearer A1", "Bearer A2"]
    assert [body["grant_type"] for body in endpoint.token_bodies] == [
        "client_credentials",
        "refresh_token",
    ]


@pytest.mark.parametrize("flow", FLOWS)
def test_a_refresh_that_fails_after_a_401_leaves_no_token_to_reuse(flow: str) -> None:
    auth, endpoint = oauth(), Endpoint(api_status=401, expires_in=None)
    send(auth, endpoint, "sync")  # A1, then A2 after the 401
    endpoint.token_status = 400
    with pytest.raises(BadRequestError, match="400"):
        send(auth, endpoint, flow)
    endpoint.token_status, endpoint.api_status = 200, 200
    send(auth, endpoint, flow)
    assert endpoint.api_auth[-1] == "Bearer A3"


def test_invalidate_before_any_token_is_harmless() -> None:
    auth = oauth()
    auth.invalidate()
    assert auth.token is None


@pytest.mark.parametrize(
    ("body", "refresh", "expires_at", "user_id"),
    [
        ({"access_token": "A", "refresh_token": "R"}, "R", None, None),
        ({"access_token": "A", "refresh_token": 5, "user_id": 7}, None, None, 7),
        ({"access_token": "A", "refresh_token": "", "user_id": "u"}, None, None, "u"),
        ({"access_token": "A", "expires_in": "30", "user_id": 1.5}, None, 40.0, None),
    ],
)
def test_token_response_fields_are_read_leniently(
    body: dict[str, Any], refresh: str | None, expires_at: float | None, user_id: Any
) -> None:
    response = httpx.Response(200, json=body, request=httpx.Request("POST", TOKEN_URL))
    token = parse_token_response(response, now=10.0)
    assert token.access_token.get_secret_value() == "A"
    kept = token.refresh_token.get_secret_value() if token.refresh_token else None
    assert (kept, token.expires_at, token.user_id) == (refresh, expires_at, user_id)


@pytest.mark.parametrize("access", [123, "", None, ["A"]])
def test_a_token_response_without_a_usable_access_token_is_refused(access: Any) -> None:
    response = httpx.Response(
        200, json={"access_token": access}, request=httpx.Request("POST", TOKEN_URL)
    )
    with pytest.raises(APIResponseValidationError, match="token response is not the documented"):
        parse_token_response(response, now=0.0)


@pytest.mark.parametrize("url", ["ws://127.0.0.1/x", "ftp://localhost/x", "file://localhost/x"])
def test_only_http_and_https_carry_credentials_even_to_loopback(url: str) -> None:
    with pytest.raises(InputError, match="refusing to send credentials"):
        ensure_secure_url(url)


def test_a_body_format_made_at_run_time_works_like_the_literal() -> None:
    endpoint = Endpoint()
    send(oauth(body_format="".join(["js", "on"])), endpoint, "sync")  # not the interned literal
    assert endpoint.token_bodies[0]["format"] == "json"


@pytest.mark.parametrize(
    "grant",
    [
        ClientCredentials("CID", "CSECRET"),
        PasswordGrant("me@example.com", "PW"),
        AuthorizationCodeGrant("CID", "CODE"),
        RefreshTokenGrant("R1"),
    ],
)
def test_grants_are_immutable(grant: Any) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        grant.client_id = "other"
