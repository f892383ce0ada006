"""httpx authentication flows: API key, bearer token (`kbapi._core.credentials`, re-exported)
and OAuth2 with refresh.

Credentials travel only over https, or plain http to a loopback host (`ensure_secure_url`).
Every credential is held as a `Secret`, so no repr, log line or error ever shows it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import threading
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import ClassVar, Final, Literal

import httpx

from kbapi._core.credentials import ApiKeyAuth as ApiKeyAuth
from kbapi._core.credentials import BearerTokenAuth as BearerTokenAuth
from kbapi._core.credentials import Flow, ensure_secure_url
from kbapi._core.credentials import is_loopback_host as is_loopback_host
from kbapi._core.errors import APIResponseValidationError, error_for_response
from kbapi._core.redact import Secret, as_secret, redact_url

LOGGER: Final = logging.getLogger("kbapi.auth")


class _Grant:
    """What the grants share: the credential named `secret` is held as a `Secret` from the
    start (a `str` is wrapped), and `fields()` unwraps it only for the token request."""

    __slots__ = ()
    grant_type: ClassVar[str]
    secret: ClassVar[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, self.secret, as_secret(getattr(self, self.secret)))

    def fields(self) -> dict[str, str]:
        """Form fields of the token request, in declaration order, unset ones left out
        (secrets unwrapped: only for sending)."""
        found: dict[str, str] = {}
        for spec in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, spec.name)
            if value is not None:
                found[spec.name] = value.get_secret_value() if isinstance(value, Secret) else value
        return found


@dataclass(frozen=True, slots=True)
class ClientCredentials(_Grant):
    """``grant_type=client_credentials`` (Das Keyboard Q: the recommended grant)."""

    grant_type: ClassVar[str] = "client_credentials"
    secret: ClassVar[str] = "client_secret"
    client_id: str
    client_secret: str | Secret


@dataclass(frozen=True, slots=True)
class PasswordGrant(_Grant):
    """``grant_type=password`` with the account's email and password."""

    grant_type: ClassVar[str] = "password"
    secret: ClassVar[str] = "password"
    email: str
    password: str | Secret
    client_id: str | None = None


@dataclass(frozen=True, slots=True)
class AuthorizationCodeGrant(_Grant):
    """``grant_type=authorization_code`` with a code from the browser redirect (single use)."""

    grant_type: ClassVar[str] = "authorization_code"
    secret: ClassVar[str] = "code"
    client_id: str
    code: str | Secret


@dataclass(frozen=True, slots=True)
class RefreshTokenGrant(_Grant):
    """``grant_type=refresh_token``; also usable as the starting grant."""

    grant_type: ClassVar[str] = "refresh_token"
    secret: ClassVar[str] = "refresh_token"
    refresh_token: str | Secret
    client_id: str | None = None


Grant = ClientCredentials | PasswordGrant | AuthorizationCodeGrant | RefreshTokenGrant


@dataclass(frozen=True, slots=True)
class Token:
    """A cached access token. `expires_at` is on the auth's clock; None means unknown."""

    access_token: Secret
    refresh_token: Secret | None = None
    expires_at: float | None = None
    user_id: int | str | None = None


def parse_token_response(response: httpx.Response, now: float) -> Token:
    """Read a token endpoint's 200 body into a `Token`, or raise `APIResponseValidationError`."""
    try:
        data = json.loads(response.content)
        access = data["access_token"]
        if not isinstance(access, str) or not access:
            raise TypeError("access_token is not a non-empty string")
        refresh = data.get("refresh_token")
        expires_in = data.get("expires_in")
        user_id = data.get("user_id")
        if not isinstance(user_id, int | str) or isinstance(user_id, bool):
            user_id = None  # never used by kbapi; kept for the caller when it is an id
        return Token(
            access_token=Secret(access),
            refresh_token=Secret(refresh) if isinstance(refresh, str) and refresh else None,
            expires_at=now + _seconds(expires_in) if expires_in is not None else None,
            user_id=user_id,
        )
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError) as exc:
        # The body holds tokens: report the failure kind only, never the body. (A ValueError,
        # not `type(exc)`: JSONDecodeError and UnicodeDecodeError take more than a message.)
        raise APIResponseValidationError(
            "token response is not the documented object",
            status_code=response.status_code,
            error=ValueError(f"{type(exc).__name__} while reading the token response"),
            request_method="POST",
            request_url=response.request.url,
        ) from None


def _seconds(expires_in: object) -> float:
    """`expires_in` as seconds: a number, or a number in a string as some servers send it."""
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float | str):
        raise TypeError("expires_in is not a number")
    seconds = float(expires_in)
    if not math.isfinite(seconds):
        raise ValueError("expires_in is not a finite number")
    return seconds


class OAuth2Auth(httpx.Auth):
    """OAuth2 bearer auth that obtains, caches and refreshes its own access token.

    The token is fetched with `grant` on first use, refreshed with the refresh_token grant
    `refresh_margin` seconds before `expires_in` runs out and once when a request gets 401 (the
    request is then resent once); a failed refresh falls back to `grant`. One refresh at a time
    per auth object, across threads (sync) and tasks (async). Token requests go through the
    same httpx client (and so its retry and timeout policy).
    """

    def __init__(
        self,
        token_url: str | httpx.URL,
        grant: Grant,
        *,
        refresh_margin: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        body_format: Literal["form", "json"] = "form",
        client_id: str | None = None,
    ) -> None:
        self.token_url = ensure_secure_url(token_url)
        self.grant = grant
        self.refresh_margin = refresh_margin
        self.body_format = body_format
        self._clock = clock
        self._client_id = client_id or getattr(grant, "client_id", None)
        self._token: Token | None = None
        self._lock = threading.Lock()
        import asyncio  # here: only OAuth users pay for the event loop module

        self._async_lock = asyncio.Lock()

    @property
    def user_id(self) -> int | str | None:
        """The account id the token endpoint returned, once a token was obtained."""
        return self._token.user_id if self._token else None

    @property
    def token(self) -> Token | None:
        """The cached token (its fields are `Secret`s), or None before the first request."""
        return self._token

    def invalidate(self) -> None:
        """Forget the cached access token (keeps the refresh token for the next request)."""
        if self._token is not None:
            self._token = dataclasses.replace(self._token, expires_at=float("-inf"))

    def __repr__(self) -> str:
        return f"OAuth2Auth(token_url={redact_url(self.token_url)!r}, grant={self.grant!r})"

    def _is_fresh(self) -> bool:
        token = self._token
        if token is None:
            return False
        return token.expires_at is None or self._clock() < token.expires_at - self.refresh_margin

    def _token_request(self, grant: Grant) -> httpx.Request:
        fields = {"grant_type": grant.grant_type, **grant.fields()}
        headers = {"Accept": "application/json"}
        if self.body_format == "json":
            return httpx.Request("POST", self.token_url, json=fields, headers=headers)
        return httpx.Request("POST", self.token_url, data=fields, headers=headers)

    def _refresh_grant(self) -> RefreshTokenGrant | None:
        token = self._token
        if token is None or token.refresh_token is None:
            return None
        return RefreshTokenGrant(refresh_token=token.refresh_token, client_id=self._client_id)

    def _accept(self, response: httpx.Response) -> bool:
        if response.status_code != 200:
            LOGGER.debug("token endpoint answered %d", response.status_code)
            return False
        self._token = parse_token_response(response, self._clock())
        LOGGER.debug("obtained an access token (user id %s)", self._token.user_id)
        return True

    def _authorize(self, request: httpx.Request) -> Token:
        token = self._token
        assert token is not None  # set by _obtain before any caller gets here
        request.headers["Authorization"] = f"Bearer {token.access_token.get_secret_value()}"
        return token

    def _obtain_steps(self) -> Flow:
        """Token requests to send, in order; each receives its response with the body read."""
        refresh = self._refresh_grant()
        if refresh is not None:
            response = yield self._token_request(refresh)
            if self._accept(response):
                return
        response = yield self._token_request(self.grant)
        if not self._accept(response):
            raise error_for_response(response)

    def _obtain(self) -> Flow:
        steps = self._obtain_steps()
        token_request = _next_step(steps, None)
        while token_request is not None:
            token_response = yield token_request
            token_response.read()
            token_request = _next_step(steps, token_response)

    def sync_auth_flow(self, request: httpx.Request) -> Flow:
        """Authorize `request`, fetching or refreshing the token first when needed."""
        ensure_secure_url(request.url)
        with self._lock:
            if not self._is_fresh():
                yield from self._obtain()
            used = self._authorize(request)
        response = yield request
        if response.status_code != 401:
            return
        with self._lock:
            if self._token is used:
                self.invalidate()
                yield from self._obtain()
            self._authorize(request)
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Async twin of `sync_auth_flow` (async generators cannot delegate, hence the loops)."""
        ensure_secure_url(request.url)
        used: Token | None = None
        for attempt in range(2):
            async with self._async_lock:
                must_fetch = not self._is_fresh() if attempt == 0 else self._token is used
                if attempt == 1 and must_fetch:
                    self.invalidate()
                steps = self._obtain_steps() if must_fetch else None
                token_request = _next_step(steps, None) if steps else None
                while steps is not None and token_request is not None:
                    token_response = yield token_request
                    await token_response.aread()
                    token_request = _next_step(steps, token_response)
                used = self._authorize(request)
            response = yield request
            if response.status_code != 401:
                return


def _next_step(steps: Flow, response: httpx.Response | None) -> httpx.Request | None:
    try:
        return next(steps) if response is None else steps.send(response)
    except StopIteration:
        return None
