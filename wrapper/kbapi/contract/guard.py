"""The safety belt around every request of a contract run: methods, rate, caps and credentials."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from kbapi._core.auth import is_loopback_host
from kbapi._core.ratelimit import RateLimiter

READ_ONLY_METHODS = frozenset({"GET", "HEAD"})
DEFAULT_REMOTE_RATE = 2.0
# The Q desktop app answers 429 "Over quota" beyond 50 requests/s, even on loopback.
Q_LOOPBACK_RATE = 20.0


class StopRun(Exception):
    """The run must stop before sending anything more (request cap or time limit reached)."""


class WriteRefused(Exception):
    """A write method was about to be sent without `allow_writes`."""


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, lower-cased host and effective port of `url`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


def is_loopback_url(url: str) -> bool:
    """True if `url` points at localhost or a loopback address."""
    return is_loopback_host(origin(url)[1])


def default_rate(url: str) -> float | None:
    """Requests per second when the user gave none: unlimited on loopback, gentle elsewhere."""
    return None if is_loopback_url(url) else DEFAULT_REMOTE_RATE


def run_rate(rate: float | None, url: str, api: str) -> float | None:
    """The pace of a run: `rate` if given (0 = unlimited), else the default for `url` and `api`."""
    if rate is not None:
        return rate if rate > 0 else None
    default = default_rate(url)
    return Q_LOOPBACK_RATE if default is None and api == "q" else default


class RequestGuard:
    """Decides whether the next request may go, paces it, and adds credentials for one origin.

    `rate` is requests per second (None = unlimited); `max_requests` and `max_time` (seconds)
    are hard caps: once reached, `admit` raises `StopRun` and nothing more is sent.
    """

    def __init__(
        self,
        base_url: str,
        *,
        rate: float | None,
        max_requests: int,
        max_time: float,
        allow_writes: bool = False,
        credentials: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate is not None and rate <= 0:
            raise ValueError("rate must be positive")
        self.origin = origin(base_url)
        self.rate = rate
        self.max_requests = max_requests
        self.allow_writes = allow_writes
        self._credentials = dict(credentials or {})
        self._clock = clock
        self._sleep = sleep
        self.started = clock()
        self.deadline = self.started + max_time
        self.sent = 0
        self.stop_reason: str | None = None
        # One request per 1/rate seconds: even pacing, also for fractional rates like 0.5/s.
        self._limiter = (
            RateLimiter(rate=1, per=1.0 / rate, clock=clock, sleep=sleep) if rate else None
        )

    def elapsed(self) -> float:
        """Seconds since the guard was created."""
        return self._clock() - self.started

    def admit(self, method: str) -> None:
        """Wait for the next rate-limit slot; raise if the method or the caps forbid sending."""
        if method.upper() not in READ_ONLY_METHODS and not self.allow_writes:
            raise WriteRefused(f"{method.upper()} refused: read-only run (use --allow-writes)")
        if self.sent >= self.max_requests:
            self._stop(f"request cap reached ({self.max_requests} requests)")
        wait = self._limiter.reserve() if self._limiter is not None else 0.0
        if self._clock() + wait >= self.deadline:
            self._stop(f"time limit reached ({self.deadline - self.started:g} s)")
        if wait > 0:
            self._sleep(wait)
        self.sent += 1

    def credentials_for(self, url: str) -> dict[str, str]:
        """The credential headers, but only for requests to the origin under test."""
        if origin(url) != self.origin:
            return {}
        return dict(self._credentials)

    def _stop(self, reason: str) -> None:
        self.stop_reason = reason
        raise StopRun(reason)
