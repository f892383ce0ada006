"""Where a Q client talks to (local app, cloud, legacy cloud) and what each target offers. Pure.

    local    http://localhost:27301     no auth; v1 and v2; 50 requests/s quota; no signal list
    cloud    https://q2.daskeyboard.com X-API-KEY (the only method documented since 2024-04)
    legacy   https://q.daskeyboard.com  OAuth2 bearer tokens from /oauth/1.4/token

`legacy` behaves like `cloud` for every operation; only the host and the auth differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

import httpx

from kbapi._core.errors import InputError
from kbapi._core.ratelimit import RateLimiter, shared_limiter
from kbapi._core.redact import redact_url

TargetKind: TypeAlias = Literal["local", "cloud"]

DEFAULT_LOCAL_URL: Final = "http://localhost:27301"
CLOUD_URL: Final = "https://q2.daskeyboard.com"
LEGACY_CLOUD_URL: Final = "https://q.daskeyboard.com"
TOKEN_PATH: Final = "/oauth/1.4/token"
API_KEY_HEADER: Final = "X-API-KEY"
LOCAL_RATE: Final = 45
"""Requests per second a client sends to one local app: under its 50/s quota, with headroom."""
DEFAULT_CONCURRENCY: Final[Mapping[TargetKind, int]] = {"local": 4, "cloud": 8}
API_KEY_PAGE: Final = "https://q2.daskeyboard.com/signup/edit"

_API_SUFFIXES: Final = ("/api/1.0", "/api/2.0")

Operation: TypeAlias = Literal[
    "list_signals",
    "signals_after",
    "update_status",
    "legacy_color",
    "metadata",
    "users",
    "paint_v2",
]
_CLOUD_ONLY: Final[Mapping[Operation, str]] = {
    "list_signals": "the local app has no signal list (GET /signals is cloud only); "
    "use shadows() for what is displayed",
    "signals_after": "GET /signals/after/{epoch} is cloud only",
    "update_status": "signal status (read, archived, muted) exists only in the cloud",
    "legacy_color": "the legacy colour route /signals/{pid}/{zoneId} is cloud only",
    "metadata": "devices, device definitions, colours, zones and effects are cloud only",
    "users": "users and authorized clients are cloud only",
}


class TargetError(InputError):
    """The operation does not exist on this client's target (e.g. listing signals locally)."""


def normalize_base_url(base_url: str | httpx.URL) -> str:
    """The host root of `base_url`: no trailing ``/`` and no ``/api/1.0`` or ``/api/2.0``.

    Generated operations carry the ``/api/x.0`` prefix in their paths, so a base URL copied
    from the docs (``http://localhost:27301/api/1.0``) is trimmed to the root.
    """
    try:
        url = httpx.URL(str(base_url).strip())
    except httpx.InvalidURL as exc:
        raise InputError(f"base URL is not a valid URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InputError(f"base URL {redact_url(url)!r} is not an http(s) URL with a host")
    text = str(url.copy_with(query=None, fragment=None)).rstrip("/")
    for suffix in _API_SUFFIXES:
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)]
    return text.rstrip("/")


def infer_target(explicit: TargetKind | None, has_credentials: bool) -> TargetKind:
    """`explicit`, else cloud when credentials are given and local otherwise."""
    if explicit is not None:
        if explicit not in ("local", "cloud"):
            raise InputError(f"target must be 'local' or 'cloud', got {explicit!r}")
        return explicit
    return "cloud" if has_credentials else "local"


def require(operation: Operation, target: TargetKind) -> None:
    """Raise `TargetError` unless `operation` exists on `target`."""
    if operation == "paint_v2":
        if target != "local":
            raise TargetError("v2 multi-zone signals exist only on the local app")
        return
    if target == "local" and operation in _CLOUD_ONLY:
        raise TargetError(f"not available on the local app: {_CLOUD_ONLY[operation]}")


def auth_hint(auth: httpx.Auth | None) -> str:
    """A line that tells the user what to check after a 401."""
    from kbapi._core.auth import OAuth2Auth

    if auth is None:
        return "kbapi: the server wants credentials; give an API key (KBAPI_Q_API_KEY) or OAuth"
    if isinstance(auth, OAuth2Auth):
        return (
            "kbapi: OAuth credentials were refused even after a token refresh; check the "
            "client id and secret (or the user's password / authorization code)"
        )
    return f"kbapi: the API key was refused; check it (shown at {API_KEY_PAGE})"


def shared_local_limiter(base_url: str) -> RateLimiter:
    """The `RateLimiter` every client of the local app at `base_url` shares (`LOCAL_RATE`/s)."""
    return shared_limiter(base_url, LOCAL_RATE)
