"""Retry policy and the httpx transports that apply it to every request (sync and async).

Decisions are pure methods on `RetryPolicy`; the transports only loop, sleep and log. The number
of retries made is left in `response.extensions["kbapi_retries"]`.

The transports read each response body inside the loop, so that a connection that drops in the
middle of a body is retried like one that drops before the headers. A request that sets
``extensions={STREAM_EXTENSION: True}`` (a download streamed to disk) is handed over unread;
its caller handles a body that breaks off.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Final

import anyio
import attrs
import httpx

from kbapi._core.context import note_request, note_response
from kbapi._core.headers import retry_after_from_headers
from kbapi._core.redact import redact_url

if TYPE_CHECKING:
    from kbapi._core.ratelimit import RateLimiter

LOGGER: Final = logging.getLogger("kbapi.http")
RETRIES_EXTENSION: Final = "kbapi_retries"
STREAM_EXTENSION: Final = "kbapi_stream"

IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
RETRY_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})
# The server cannot have seen the request: safe to resend even a POST.
NOT_SENT_ERRORS: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# The request may have reached the server: resend only idempotent requests.
MAYBE_SENT_ERRORS: Final = (
    httpx.ReadError,
    httpx.WriteError,
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.RemoteProtocolError,
)

Sleep = Callable[[float], None]
AsyncSleep = Callable[[float], Awaitable[None]]
Random = Callable[[], float]


@attrs.frozen
class RetryPolicy:
    """When and how long to wait before resending a request.

    `max_retries` extra attempts (so `max_retries + 1` in all); equal-jitter exponential backoff
    `backoff_base * 2**n` capped at `backoff_cap`; a `Retry-After` hint is used as the delay
    unless it exceeds `max_retry_after`, in which case the response is returned unretried.
    Non-idempotent methods are resent only after connect errors and 429, unless `retry_unsafe`.
    """

    max_retries: int = 2
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = RETRY_STATUSES
    retry_unsafe: bool = False

    def is_safe(self, method: str) -> bool:
        """True if `method` may be resent after the server possibly processed it."""
        return self.retry_unsafe or method.upper() in IDEMPOTENT_METHODS

    def backoff(self, retry_number: int, rand: float) -> float:
        """Delay before retry `retry_number` (0-based), with `rand` in [0, 1) as jitter."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0**retry_number)
        return ceiling / 2 + ceiling / 2 * rand

    def delay_for_response(
        self,
        method: str,
        status_code: int,
        headers: Mapping[str, str],
        retry_number: int,
        rand: float,
        now: datetime | None = None,
    ) -> float | None:
        """Seconds to wait before resending after `status_code`, or None to give up."""
        if retry_number >= self.max_retries or status_code not in self.retry_statuses:
            return None
        if status_code != 429 and not self.is_safe(method):
            return None
        hdrs = headers if isinstance(headers, httpx.Headers) else httpx.Headers(headers)
        hint = retry_after_from_headers(hdrs, now=now)
        if hint is None:
            return self.backoff(retry_number, rand)
        return hint if hint <= self.max_retry_after else None

    def delay_for_error(
        self, method: str, error: BaseException, retry_number: int, rand: float
    ) -> float | None:
        """Seconds to wait before resending after a transport `error`, or None to give up."""
        if retry_number >= self.max_retries:
            return None
        if isinstance(error, NOT_SENT_ERRORS):
            return self.backoff(retry_number, rand)
        if isinstance(error, MAYBE_SENT_ERRORS) and self.is_safe(method):
            return self.backoff(retry_number, rand)
        return None


NO_RETRIES: Final = RetryPolicy(max_retries=0)
DEFAULT_POLICY: Final = RetryPolicy()


class _RetryLoop:
    """State shared by the sync and async transports: policy, jitter source, limiter, logging."""

    def __init__(
        self,
        policy: RetryPolicy | None,
        rand: Random,
        limiter: RateLimiter | None,
        clock: Callable[[], float],
    ) -> None:
        self.policy = policy if policy is not None else NO_RETRIES
        self.rand = rand
        self.limiter = limiter
        self.clock = clock

    def on_error(
        self, request: httpx.Request, error: Exception, retries: int, started: float
    ) -> float | None:
        note_request(request)
        delay = self.policy.delay_for_error(request.method, error, retries, self.rand())
        self._log(request, type(error).__name__, retries, started, delay)
        if delay is None and retries:
            error.add_note(f"kbapi: gave up after {retries} retries")
        return delay

    def on_response(
        self, request: httpx.Request, response: httpx.Response, retries: int, started: float
    ) -> float | None:
        delay = self.policy.delay_for_response(
            request.method, response.status_code, response.headers, retries, self.rand()
        )
        self._log(request, str(response.status_code), retries, started, delay)
        if delay is None:
            response.extensions[RETRIES_EXTENSION] = retries
            note_response(request, response, retries)
        return delay

    def _log(
        self,
        request: httpx.Request,
        outcome: str,
        retries: int,
        started: float,
        delay: float | None,
    ) -> None:
        if not LOGGER.isEnabledFor(logging.DEBUG):
            return
        LOGGER.debug(
            "%s %s -> %s in %.3fs (attempt %d)%s",
            request.method,
            redact_url(request.url),
            outcome,
            self.clock() - started,
            retries + 1,
            "" if delay is None else f"; retrying in {delay:.2f}s",
        )


class RetryTransport(httpx.BaseTransport):
    """Wrap `transport` and resend failed requests according to `policy` (None: never resend).

    `sleep` and `rand` are injectable so tests run instantly and deterministically; `limiter`
    (optional) is acquired before every attempt.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport,
        policy: RetryPolicy | None = DEFAULT_POLICY,
        *,
        sleep: Sleep = time.sleep,
        rand: Random = random.random,
        limiter: RateLimiter | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._transport = transport
        self._loop = _RetryLoop(policy, rand, limiter, clock)
        self._sleep = sleep

    @property
    def policy(self) -> RetryPolicy:
        """The policy in force."""
        return self._loop.policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, resending it while the policy says so."""
        loop = self._loop
        for retries in range(loop.policy.max_retries + 1):
            if loop.limiter is not None:
                loop.limiter.acquire()
            started = loop.clock()
            try:
                response = self._receive(request)
            except httpx.TransportError as error:
                delay = loop.on_error(request, error, retries, started)
                if delay is None:
                    raise
            else:
                delay = loop.on_response(request, response, retries, started)
                if delay is None:
                    return response
                response.close()
            self._sleep(delay)
        raise AssertionError("unreachable: the policy refuses a retry past max_retries")

    def _receive(self, request: httpx.Request) -> httpx.Response:
        response = self._transport.handle_request(request)
        if not request.extensions.get(STREAM_EXTENSION):
            try:
                response.read()
            finally:
                response.close()
        return response

    def close(self) -> None:
        """Close the wrapped transport."""
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Async twin of `RetryTransport`; `sleep` is an async callable (default `anyio.sleep`)."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        policy: RetryPolicy | None = DEFAULT_POLICY,
        *,
        sleep: AsyncSleep = anyio.sleep,
        rand: Random = random.random,
        limiter: RateLimiter | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._transport = transport
        self._loop = _RetryLoop(policy, rand, limiter, clock)
        self._sleep = sleep

    @property
    def policy(self) -> RetryPolicy:
        """The policy in force."""
        return self._loop.policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, resending it while the policy says so."""
        loop = self._loop
        for retries in range(loop.policy.max_retries + 1):
            if loop.limiter is not None:
                await loop.limiter.aacquire()
            started = loop.clock()
            try:
                response = await self._receive(request)
            except httpx.TransportError as error:
                delay = loop.on_error(request, error, retries, started)
                if delay is None:
                    raise
            else:
                delay = loop.on_response(request, response, retries, started)
                if delay is None:
                    return response
                await response.aclose()
            await self._sleep(delay)
        raise AssertionError("unreachable: the policy refuses a retry past max_retries")

    async def _receive(self, request: httpx.Request) -> httpx.Response:
        response = await self._transport.handle_async_request(request)
        if not request.extensions.get(STREAM_EXTENSION):
            try:
                await response.aread()
            finally:
                await response.aclose()
        return response

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._transport.aclose()
