"""Where credentials may go, and the header auths that need no token endpoint.

`ensure_secure_url`: credentials travel only over https, or plain http to a loopback host.
`ApiKeyAuth` and `BearerTokenAuth` check it before adding their header. Apart from the OAuth2
flows of `kbapi._core.auth` (which re-exports these) so that an API-key or local client never
loads them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Generator

import httpx

from kbapi._core.errors import InputError
from kbapi._core.redact import Secret, as_secret, redact_url

Flow = Generator[httpx.Request, httpx.Response, None]


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` (and ``*.localhost``), 127.0.0.0/8 and ::1."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def ensure_secure_url(url: str | httpx.URL) -> httpx.URL:
    """Return `url` as an `httpx.URL` if credentials may be sent to it, else raise `InputError`.

    Allowed: https anywhere; http only to a loopback host (local Q desktop app, mock servers).
    """
    parsed = httpx.URL(str(url))
    if parsed.scheme == "https" or (parsed.scheme == "http" and is_loopback_host(parsed.host)):
        return parsed
    raise InputError(
        f"refusing to send credentials to {redact_url(parsed)}: use https "
        "(plain http is allowed only for 127.0.0.0/8, ::1 and localhost)"
    )


class ApiKeyAuth(httpx.Auth):
    """Send an API key in a header, e.g. ``ApiKeyAuth("X-API-KEY", key)`` for the Q cloud."""

    def __init__(self, header_name: str, key: str | Secret) -> None:
        self.header_name = header_name
        self._key = as_secret(key)

    def auth_flow(self, request: httpx.Request) -> Flow:
        """Add the key header after checking the URL is safe for credentials."""
        ensure_secure_url(request.url)
        request.headers[self.header_name] = self._key.get_secret_value()
        yield request

    def __repr__(self) -> str:
        return f"ApiKeyAuth(header_name={self.header_name!r}, key={self._key!r})"


class BearerTokenAuth(httpx.Auth):
    """Send ``Authorization: Bearer <token>``."""

    def __init__(self, token: str | Secret) -> None:
        self._token = as_secret(token)

    def auth_flow(self, request: httpx.Request) -> Flow:
        """Add the bearer header after checking the URL is safe for credentials."""
        ensure_secure_url(request.url)
        request.headers["Authorization"] = f"Bearer {self._token.get_secret_value()}"
        yield request

    def __repr__(self) -> str:
        return f"BearerTokenAuth(token={self._token!r})"
