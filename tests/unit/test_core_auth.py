"""Pure parts of the auth module: URL safety, reprs, grant fields."""

from __future__ import annotations

import httpx
import pytest
from kbapi._core.auth import (
    ApiKeyAuth,
    AuthorizationCodeGrant,
    BearerTokenAuth,
    ClientCredentials,
    OAuth2Auth,
    PasswordGrant,
    RefreshTokenGrant,
    ensure_secure_url,
)
from kbapi._core.errors import InputError


@pytest.mark.parametrize(
    "url",
    [
        "https://q.daskeyboard.com/oauth/1.4/token",
        "http://127.0.0.1:27302/oauth/1.4/token",
        "http://127.9.9.9/x",
        "http://localhost:27301/api/1.0/signals",
        "http://[::1]:8080/x",
    ],
)
def test_secure_urls_accepted(url: str) -> None:
    assert ensure_secure_url(url) == httpx.URL(url)


@pytest.mark.parametrize(
    "url",
    ["http://q.daskeyboard.com/oauth/1.4/token", "http://192.168.1.5:27301/x", "ftp://x/y"],
)
def test_insecure_urls_rejected(url: str) -> None:
    with pytest.raises(InputError, match="refusing to send credentials"):
        ensure_secure_url(url)


def test_api_key_refused_over_plain_http_to_remote_host() -> None:
    auth = ApiKeyAuth("X-API-KEY", "K-123")
    flow = auth.sync_auth_flow(httpx.Request("GET", "http://example.com/api/1.0/signals"))
    with pytest.raises(InputError, match="refusing to send credentials"):
        next(flow)


def test_api_key_and_bearer_headers_set_and_hidden() -> None:
    request = httpx.Request("GET", "https://example.com/api/1.0/signals")
    next(ApiKeyAuth("X-API-KEY", "K-123").sync_auth_flow(request))
    assert request.headers["X-API-KEY"] == "K-123"
    next(BearerTokenAuth("B-456").sync_auth_flow(request))
    assert request.headers["Authorization"] == "Bearer B-456"
    assert "K-123" not in repr(ApiKeyAuth("X-API-KEY", "K-123"))
    assert "B-456" not in repr(BearerTokenAuth("B-456"))


def test_grants_fields_and_reprs() -> None:
    grants = [
        (ClientCredentials("cid", "S1"), {"client_id": "cid", "client_secret": "S1"}),
        (PasswordGrant("a@b.c", "S2"), {"email": "a@b.c", "password": "S2"}),
        (AuthorizationCodeGrant("cid", "S3"), {"client_id": "cid", "code": "S3"}),
        (RefreshTokenGrant("S4", client_id="cid"), {"client_id": "cid", "refresh_token": "S4"}),
    ]
    for grant, fields in grants:
        assert grant.fields() == fields
        for secret in ("S1", "S2", "S3", "S4"):
            assert secret not in repr(grant)
        auth = OAuth2Auth("https://q.example/oauth/1.4/token", grant)
        assert "S1" not in repr(auth) and "S2" not in repr(auth)


def test_oauth_token_url_must_be_secure() -> None:
    with pytest.raises(InputError, match="refusing to send credentials"):
        OAuth2Auth("http://q.example/oauth/1.4/token", ClientCredentials("c", "s"))
