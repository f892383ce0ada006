# Generated from wrapper/kbapi/_core/async_transport.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""The httpx transport stack every kbapi client sends through: retries and a response size cap.

    http = build_client(url, retries=RetryPolicy(max_retries=3))

`RetryTransport` drives `RetryPlan.steps` (the retry loop without I/O) and reads each
response body inside the loop, so that a connection that drops in the middle of a body is
retried like one that drops before the headers. A request that sets
``extensions={STREAM_EXTENSION: True}`` (a download streamed to disk) is handed over unread; its
caller handles a body that breaks off. `SizeLimitTransport` raises `ResponseTooLargeError`
once a body passes its limit, so a hostile or broken server cannot exhaust memory.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping

import httpx

from kbapi._core.http import (
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    ServerCookiesIgnored,
    merged_headers,
)
from kbapi._core.limits import (
    DEFAULT_MAX_RESPONSE_BYTES,
    LIMIT_EXTENSION,
    declared_length,
    too_large,
)
from kbapi._core.ratelimit import RateLimiter
from kbapi._core.retry import (
    DEFAULT_POLICY,
    SEND,
    STREAM_EXTENSION,
    Outcome,
    RetryPlan,
    RetryPolicy,
)
from kbapi._core.timing import Clock, Sleep, default_sleep


class _LimitedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, limit: int, request: httpx.Request) -> None:
        self._inner = inner
        self._limit = limit
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                self._inner.close()
                raise too_large(self._request, self._limit)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class SizeLimitTransport(httpx.BaseTransport):
    """Raise `ResponseTooLargeError` once a response body (as sent on the wire) passes `limit`."""

    def __init__(
        self, transport: httpx.BaseTransport, limit: int = DEFAULT_MAX_RESPONSE_BYTES
    ) -> None:
        self._transport = transport
        self._limit = limit

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`; wrap the body stream in a byte counter."""
        response = self._transport.handle_request(request)
        limit = request.extensions.get(LIMIT_EXTENSION, self._limit)
        declared = declared_length(response)
        if declared is not None and declared > limit:
            response.close()
            raise too_large(request, limit)
        if declared is not None or not isinstance(response.stream, httpx.SyncByteStream):
            # A declared length within the cap: httpcore stops at it (h11 refuses more).
            return response
        # No length: count the chunks. The stream is swapped in place, not wrapped in a new
        # Response (a second Response per call was a tenth of kbapi's overhead).
        response.stream = _LimitedStream(response.stream, limit, request)
        return response

    def close(self) -> None:
        """Close the wrapped transport."""
        self._transport.close()


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
        sleep: Sleep = default_sleep,
        rand: Callable[[], float] = random.random,
        limiter: RateLimiter | None = None,
        clock: Clock = time.perf_counter,
    ) -> None:
        self._transport = transport
        self._plan = RetryPlan(policy, rand, clock)
        self._sleep = sleep
        self._limiter = limiter

    @property
    def policy(self) -> RetryPolicy:
        """The policy in force."""
        return self._plan.policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, resending it while the policy says so."""
        started = self._plan.clock()
        first = self._attempt(request)
        if isinstance(first, httpx.Response) and self._plan.settled(request, first, started):
            return first  # the common case: no retry wanted, no generator started
        steps = self._plan.steps(request, first, started)
        latest: Outcome = first  # the attempt to close before a sleep
        outcome: Outcome | None = None
        while True:
            try:
                step = steps.send(outcome)
            except StopIteration as done:
                response: httpx.Response = done.value
                return response
            if step == SEND:
                outcome = latest = self._attempt(request)
                continue
            if isinstance(latest, httpx.Response):
                latest.close()
            outcome = None
            self._sleep(float(step))

    def _attempt(self, request: httpx.Request) -> Outcome:
        if self._limiter is not None:
            self._limiter.acquire()
        try:
            response = self._transport.handle_request(request)
            if not request.extensions.get(STREAM_EXTENSION):
                try:
                    response.read()
                finally:
                    response.close()
        except httpx.TransportError as error:
            return error
        return response

    def close(self) -> None:
        """Close the wrapped transport."""
        self._transport.close()


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
    sleep: Sleep = default_sleep,
    rand: Callable[[], float] = random.random,
) -> httpx.Client:
    """A configured `httpx.Client`: retrying, size-capped, logged (logger ``kbapi.http``),
    keeping no cookie a server sets (`ServerCookiesIgnored`).

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
        headers=merged_headers(headers),
        auth=auth,
        cookies=ServerCookiesIgnored(),
        follow_redirects=follow_redirects,
        transport=stack,
    )
