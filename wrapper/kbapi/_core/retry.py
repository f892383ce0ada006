"""Retry policy and the retry loop, without I/O; `kbapi._core.async_transport` applies them.

Decisions are pure methods on `RetryPolicy`; `RetryPlan.steps` is the loop as a generator, and
the transports only send, sleep and close. The number of retries made is left in
`response.extensions["kbapi_retries"]`.

The transports read each response body inside the loop, so that a connection that drops in the
middle of a body is retried like one that drops before the headers. A request that sets
``extensions={STREAM_EXTENSION: True}`` (a download streamed to disk) is handed over unread;
its caller handles a body that breaks off.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import httpx

from kbapi._core.context import note_request, note_response
from kbapi._core.headers import retry_after_from_headers
from kbapi._core.redact import redact_url

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

Random = Callable[[], float]


@dataclass(frozen=True)
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


SEND: Final = "send"
"""A retry step: send the request (after the rate limiter, if any) and report the outcome."""

Outcome = httpx.Response | httpx.TransportError
"""What one attempt gave: the response (body read), or the transport error it raised."""
Steps = Generator[float | str, Outcome | None, httpx.Response]
"""`RetryPlan.steps`: yields `SEND` or seconds to sleep; returns the final response."""


class RetryPlan:
    """The retry loop without I/O, driven by the sync and async transports alike.

    `steps(request)` is a generator (like the OAuth flows of `kbapi._core.auth`): it yields
    `SEND`, receives the attempt's `Outcome`, then yields the seconds to sleep before the next
    attempt, or returns the final response, or raises the final transport error. It also logs
    each attempt and records the outcome for `translate_errors`.
    """

    def __init__(
        self,
        policy: RetryPolicy | None,
        rand: Random = random.random,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.policy = policy if policy is not None else NO_RETRIES
        self.rand = rand
        self.clock = clock

    def steps(
        self, request: httpx.Request, first: Outcome | None = None, started: float | None = None
    ) -> Steps:
        """The attempts for `request`; see the class docstring. `first` is the outcome of an
        attempt already made (at `started`) that `settled` did not accept."""
        for retries in range(self.policy.max_retries + 1):
            if retries == 0 and first is not None:
                outcome: Outcome | None = first
                begun = self.clock() if started is None else started
            else:
                begun = self.clock()
                outcome = yield SEND
            if isinstance(outcome, httpx.Response):
                delay = self._on_response(request, outcome, retries, begun)
                if delay is None:
                    return outcome
            else:
                assert outcome is not None, "send() the outcome of the attempt"
                delay = self._on_error(request, outcome, retries, begun)
                if delay is None:
                    raise outcome
            yield delay
        raise AssertionError("unreachable: the policy refuses a retry past max_retries")

    def settled(self, request: httpx.Request, response: httpx.Response, started: float) -> bool:
        """True if `response`, a first attempt's, is final: its status is never retried. The
        common case, decided (and logged, and recorded) without starting `steps`."""
        if response.status_code in self.policy.retry_statuses and self.policy.max_retries:
            return False
        self._final(request, response, 0, started)
        return True

    def _on_error(
        self, request: httpx.Request, error: Exception, retries: int, started: float
    ) -> float | None:
        note_request(request)
        delay = self.policy.delay_for_error(request.method, error, retries, self.rand())
        self._log(request, type(error).__name__, retries, started, delay)
        if delay is None and retries:
            error.add_note(f"kbapi: gave up after {retries} retries")
        return delay

    def _on_response(
        self, request: httpx.Request, response: httpx.Response, retries: int, started: float
    ) -> float | None:
        delay = self.policy.delay_for_response(
            request.method, response.status_code, response.headers, retries, self.rand()
        )
        if delay is None:
            self._final(request, response, retries, started)
        else:
            self._log(request, str(response.status_code), retries, started, delay)
        return delay

    def _final(
        self, request: httpx.Request, response: httpx.Response, retries: int, started: float
    ) -> None:
        if LOGGER.isEnabledFor(logging.DEBUG):  # every response passes here: no call, no str
            self._log(request, str(response.status_code), retries, started, None)
        response.extensions[RETRIES_EXTENSION] = retries
        note_response(request, response, retries)

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
