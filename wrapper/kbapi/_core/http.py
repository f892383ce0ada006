"""Build the httpx clients every kbapi API client uses: timeouts, retries, size cap, User-Agent.

Hand the result to a generated client: ``Client(base_url=url).set_httpx_client(build_client(url))``.
"""

from __future__ import annotations

import platform
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Final

import anyio
import httpx

from kbapi import __version__
from kbapi._core.limits import (
    DEFAULT_MAX_RESPONSE_BYTES,
    AsyncSizeLimitTransport,
    SizeLimitTransport,
)
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.retry import DEFAULT_POLICY, AsyncRetryTransport, RetryPolicy, RetryTransport

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_RETRIES: Final = DEFAULT_POLICY


def user_agent() -> str:
    """``kbapi/<version> python/<x.y> httpx/<version>``."""
    py = ".".join(platform.python_version_tuple()[:2])
    return f"kbapi/{__version__} python/{py} httpx/{httpx.__version__}"


def _headers(headers: Mapping[str, str] | None) -> httpx.Headers:
    merged = httpx.Headers({"User-Agent": user_agent()})
    merged.update(headers or {})
    return merged


def build_client(
    base_url: str | httpx.URL = "",
    *,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    retries: RetryPolicy | None = DEFAULT_RETRIES,
    headers: Mapping[str, str] | None = None,
    auth: httpx.Auth | None = None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    follow_redirects: bool = False,
    transport: httpx.BaseTransport | None = None,
    rate_limiter: RateLimiter | None = None,
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
) -> httpx.Client:
    """A configured `httpx.Client`: retrying, size-capped, logged (logger ``kbapi.http``).

    `retries=None` disables retries. `transport` replaces the network transport at the bottom of
    the stack (tests); `sleep`/`rand` make backoff instant and deterministic in tests.
    """
    stack = RetryTransport(
        SizeLimitTransport(transport or httpx.HTTPTransport(), max_response_bytes),
        retries,
        sleep=sleep,
        rand=rand,
        limiter=rate_limiter,
    )
    return httpx.Client(
        base_url=base_url,
        timeout=timeout,
        headers=_headers(headers),
        auth=auth,
        follow_redirects=follow_redirects,
        transport=stack,
    )


def build_async_client(
    base_url: str | httpx.URL = "",
    *,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    retries: RetryPolicy | None = DEFAULT_RETRIES,
    headers: Mapping[str, str] | None = None,
    auth: httpx.Auth | None = None,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    follow_redirects: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    rate_limiter: RateLimiter | None = None,
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    rand: Callable[[], float] = random.random,
) -> httpx.AsyncClient:
    """Async twin of `build_client`, returning an `httpx.AsyncClient`."""
    stack = AsyncRetryTransport(
        AsyncSizeLimitTransport(transport or httpx.AsyncHTTPTransport(), max_response_bytes),
        retries,
        sleep=sleep,
        rand=rand,
        limiter=rate_limiter,
    )
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=timeout,
        headers=_headers(headers),
        auth=auth,
        follow_redirects=follow_redirects,
        transport=stack,
    )
