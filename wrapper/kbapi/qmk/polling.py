"""When to poll a compile job, and what the caller is told: pure decisions, no I/O.

The QMK Configurator polls every 2.5-3.5 s forever. kbapi polls fast at first (unknown keyboards
and bad keymaps finish within a second or two), backs off by `factor` up to `max_interval`,
adds jitter so that many clients do not poll in step, and gives up at a deadline.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from kbapi._core.errors import (
    APIConnectionError,
    APIError,
    InputError,
    InternalServerError,
    RateLimitError,
)
from kbapi.qmk.errors import CompileTimeout
from kbapi.qmk.jobs import JobStatus


@dataclass(frozen=True)
class PollPolicy:
    """The poll schedule: `initial` seconds, times `factor` per poll, capped at `max_interval`.

    Each delay is scaled by a random factor in ``[1 - jitter, 1 + jitter]``. `timeout` is the
    default deadline of `wait()` in seconds (None: no deadline); `queue_interval` how often,
    at most, the service's queue length is fetched while the job is queued (None: never).
    `max_poll_failures`: polls in a row that may fail with a transient error (connection,
    timeout, 429, 5xx, after the transport's own retries) before waiting gives up; the job
    keeps running on the server meanwhile, so a blip must not lose it.
    """

    initial: float = 0.5
    factor: float = 1.5
    max_interval: float = 4.0
    jitter: float = 0.2
    timeout: float | None = 1200.0
    queue_interval: float | None = 10.0
    max_poll_failures: int = 5

    def __post_init__(self) -> None:
        if self.initial <= 0 or self.max_interval < self.initial or self.factor < 1:
            raise InputError("poll policy needs 0 < initial <= max_interval and factor >= 1")
        if not 0 <= self.jitter < 1:
            raise InputError("poll jitter must be in [0, 1)")
        if self.timeout is not None and self.timeout < 0:
            raise InputError("poll timeout must not be negative")
        if self.max_poll_failures < 0:
            raise InputError("max_poll_failures must not be negative")

    def interval(self, poll_number: int, rand: float) -> float:
        """Delay after poll `poll_number` (0-based), with `rand` in [0, 1) as jitter."""
        base = min(self.max_interval, self.initial * self.factor**poll_number)
        return base * (1 - self.jitter + 2 * self.jitter * rand)


DEFAULT_POLL = PollPolicy()
# Default of every `timeout=` parameter of wait(): "the client's `PollPolicy.timeout`" (None
# already means "no deadline").
USE_POLICY: Final[Any] = object()


@dataclass(frozen=True)
class Progress:
    """A change seen while waiting: a new status, or a new queue length while queued."""

    job_id: str
    status: str
    elapsed: float
    polls: int
    queue_length: int | None = None


ProgressCallback = Callable[[Progress], None]


class Poller:
    """Tracks one wait: what changed, when to poll next, when to give up.

    Feed it every status with `observe`; ask `next_delay` before sleeping. `clock` is the same
    monotonic clock the caller uses for `now`.
    """

    def __init__(
        self,
        job_id: str,
        policy: PollPolicy,
        started: float,
        timeout: float | None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.job_id = job_id
        self.policy = policy
        self.started = started
        self.deadline = None if timeout is None else started + timeout
        self.polls = 0
        self.last: JobStatus | None = None
        self._rand = rand
        self._queue_length: int | None = None
        self._queue_checked: float | None = None
        self._failures = 0

    def wants_queue_length(self, status: JobStatus, now: float) -> bool:
        """True if the queue length should be fetched before reporting this queued status."""
        interval = self.policy.queue_interval
        if status.status != "queued" or interval is None:
            return False
        return self._queue_checked is None or now - self._queue_checked >= interval

    def observe(
        self, status: JobStatus, now: float, queue_length: int | None = None
    ) -> Progress | None:
        """Record a poll; return a `Progress` if the status or the known queue length changed."""
        self.polls += 1
        self._failures = 0
        if queue_length is not None:
            self._queue_checked = now
        changed = self.last is None or self.last.status != status.status
        if status.status == "queued" and queue_length is not None:
            changed = changed or queue_length != self._queue_length
            self._queue_length = queue_length
        self.last = status
        if not changed:
            return None
        shown_queue = self._queue_length if status.status == "queued" else None
        return Progress(self.job_id, status.status, now - self.started, self.polls, shown_queue)

    def tolerate(self, error: APIError) -> bool:
        """After a failed poll: True to keep polling, False to give up and raise `error`."""
        transient = isinstance(error, APIConnectionError | RateLimitError | InternalServerError)
        self._failures += 1
        if transient and self._failures <= self.policy.max_poll_failures:
            self.polls += 1
            return True
        return False

    def next_delay(self, now: float) -> float:
        """Seconds to sleep before the next poll; raise `CompileTimeout` past the deadline."""
        delay = self.policy.interval(self.polls - 1, self._rand())
        if self.deadline is None:
            return delay
        left = self.deadline - now
        if left <= 0:
            last = self.last.status if self.last else None
            raise CompileTimeout(self.job_id, now - self.started, last)
        return min(delay, left)
