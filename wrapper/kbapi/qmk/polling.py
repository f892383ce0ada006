"""When to poll a compile job, and what the caller is told: pure decisions, no I/O.

The QMK Configurator polls at once, then every 2.5-3.5 s until the job is done. kbapi polls
like that for a keyboard it has never built on that service (`PollPolicy.initial` ..
`max_interval`). For one it has built, the durations it remembers (`kbapi.qmk.history`,
from submission to the end, and from the start of running to the end) bound when this build
ends: no poll before the earliest plausible end, then one every `window_interval` (at most
half the window) until the latest, then the plain schedule if the build overruns. What the
API says moves the window: a job still `queued` at a poll cannot end before that poll plus
the shortest run, and while `queue_length` shows other jobs ahead the start is not near.

`watch_steps` is the whole wait as a generator (like the OAuth flows of `kbapi._core.auth`):
the clients' `watch()` only carry out its steps (poll, fetch the queue length, sleep, report).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Final

from kbapi._core.errors import (
    APIConnectionError,
    APIError,
    InternalServerError,
    RateLimitError,
)
from kbapi.qmk.errors import CompileTimeout
from kbapi.qmk.jobs import JobStatus
from kbapi.qmk.policy import DEFAULT_POLL as DEFAULT_POLL
from kbapi.qmk.policy import USE_POLICY as USE_POLICY
from kbapi.qmk.policy import PollPolicy as PollPolicy


@dataclass(frozen=True)
class Forecast:
    """What earlier builds of this keyboard on this service took, in seconds.

    `totals`: submission to end; `runs`: start of running to end (when the start was seen).
    """

    totals: tuple[float, ...] = ()
    runs: tuple[float, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.totals or self.runs)


@dataclass(frozen=True)
class Measured:
    """What one wait saw of its job: seconds from submission to the end, and of running."""

    total: float
    run: float | None


@dataclass(frozen=True)
class Progress:
    """A change seen while waiting: a new status, or a new queue length while queued."""

    job_id: str
    status: str
    elapsed: float
    polls: int
    queue_length: int | None = None


ProgressCallback = Callable[[Progress], None]

POLL: Final = "poll"
"""A watch step: fetch the job's status once; send() the `JobStatus`, or the `APIError` raised."""
QUEUE: Final = "queue"
"""A watch step: fetch the service's queue length; send() it (an int, or None)."""
WatchStep = str | float | Progress
"""`POLL`, `QUEUE`, seconds to sleep, or a `Progress` to hand to the caller."""
WatchReply = JobStatus | APIError | int | None
WatchSteps = Generator[WatchStep, WatchReply, JobStatus]


def resume_hint(job_id: str) -> str:
    """The note added to errors raised while waiting for a job."""
    return f"kbapi: job {job_id} may still be running; resume with client.job({job_id!r})"


def _bounds(values: Sequence[float], margin: float) -> tuple[float, float] | None:
    if not values:
        return None
    return min(values) * (1 - margin), max(values) * (1 + margin)


def _close(width: float, span: float) -> bool:
    """True if a bracket of `width` seconds pins down a duration of `span` well enough."""
    return width <= max(2.0, span / 5)


class _Seen:
    """Poll times that bracket the job's start and end (None: not seen yet)."""

    def __init__(self, started: float) -> None:
        self.queued_last = started  # the job was pending (queued) at this time at the latest
        self.running_first: float | None = None
        self.pending_last = started
        self.done_first: float | None = None

    def record(self, status: str, now: float) -> None:
        if status == "queued":
            self.queued_last = now
        elif status == "running" and self.running_first is None:
            self.running_first = now
        if status in ("queued", "running"):
            self.pending_last = now
        elif self.done_first is None:
            self.done_first = now


class Poller:
    """Tracks one wait: what changed, when to poll next, when to give up.

    Sleep `first_delay()` before the first poll; feed every status to `observe`; ask
    `next_delay` before each further sleep; read `measured()` once done. `clock` is the same
    monotonic clock the caller uses for `now`; `started` is when the job was submitted (or
    when waiting began, for a job resumed by id: then pass no `forecast`).
    """

    def __init__(
        self,
        job_id: str,
        policy: PollPolicy,
        started: float,
        timeout: float | None,
        rand: Callable[[], float] = random.random,
        forecast: Forecast | None = None,
    ) -> None:
        self.job_id = job_id
        self.policy = policy
        self.started = started
        self.deadline = None if timeout is None else started + timeout
        self.polls = 0
        self.last: JobStatus | None = None
        self.forecast = forecast or Forecast()
        self._rand = rand
        self._queue_length: int | None = None
        self._queue_checked: float | None = None
        self._failures = 0
        self._cold_polls = 0
        self._seen = _Seen(started)
        self._totals = _bounds(self.forecast.totals, policy.margin)
        self._runs = _bounds(self.forecast.runs or self.forecast.totals, policy.margin)

    # -- what the caller is told ------------------------------------------------------------

    def wants_queue_length(self, status: JobStatus, now: float) -> bool:
        """True if the queue length should be fetched before reporting this queued status.

        Only once the job has been queued for `queue_interval`: a short queue is the normal
        case and not worth a request.
        """
        interval = self.policy.queue_interval
        if status.status != "queued" or interval is None:
            return False
        if now - self.started < interval:
            return False
        return self._queue_checked is None or now - self._queue_checked >= interval

    def observe(
        self, status: JobStatus, now: float, queue_length: int | None = None
    ) -> Progress | None:
        """Record a poll; return a `Progress` if the status or the known queue length changed."""
        self.polls += 1
        self._failures = 0
        self._seen.record(status.status, now)
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

    def measured(self) -> Measured | None:
        """Durations of this job as the polls bracketed them, once it is done.

        The end is the midpoint of the last pending and the first done poll when they are
        close (a fifth of the total, or 2 s); when they are not (the first poll already found
        the job done), the first done poll, an upper bound: the next wait then starts
        earlier. `run` is None unless the start was bracketed as closely.
        """
        seen = self._seen
        if seen.done_first is None:
            return None
        end = seen.done_first
        if _close(seen.done_first - seen.pending_last, seen.done_first - self.started):
            end = (seen.pending_last + seen.done_first) / 2
        run = None
        if seen.running_first is not None:
            start = (seen.queued_last + seen.running_first) / 2
            if end > start and _close(seen.running_first - seen.queued_last, end - start):
                run = end - start
        return Measured(total=end - self.started, run=run)

    # -- when to poll -----------------------------------------------------------------------

    def first_delay(self, now: float) -> float:
        """Seconds to wait before the first poll: 0 unless history says the job takes longer."""
        if self._totals is None:
            return 0.0
        return self._clip(max(0.0, self.started + self._totals[0] - now), now)

    def next_delay(self, now: float) -> float:
        """Seconds to sleep before the next poll; raise `CompileTimeout` past the deadline."""
        status = self.last.status if self.last is not None else None
        if self._runs is None or status not in ("queued", "running"):
            return self._clip(self._cold(), now)
        if status == "queued":
            return self._clip(self._queued_delay(self._runs[0]), now)
        return self._clip(self._running_delay(now, self._runs), now)

    def _cold(self) -> float:
        delay = self.policy.interval(self._cold_polls, self._rand())
        self._cold_polls += 1
        return delay

    def _queued_delay(self, shortest_run: float) -> float:
        # It cannot end sooner than the shortest build after it starts; others ahead of it in
        # the queue mean the start is not near either.
        if self._queue_length is not None and self._queue_length > 1:
            return self.policy.max_interval
        return max(self.policy.min_interval, min(shortest_run, self._cold()))

    def _running_delay(self, now: float, runs: tuple[float, float]) -> float:
        # The end lies after the last time it was seen queued plus the shortest run, and
        # probably (it started soon after that) before that time plus the longest run; the
        # totals seen since submission bound it too.
        queued = self._seen.queued_last
        earliest = latest = -math.inf
        if queued > self.started or self._totals is None:
            earliest, latest = queued + runs[0], queued + runs[1]
        if self._totals is not None:
            earliest = max(earliest, self.started + self._totals[0])
            latest = max(latest, self.started + self._totals[1])
        if now >= latest:
            return self._cold()  # longer than any build seen: the plain schedule
        spacing = min(self.policy.window_interval, (latest - earliest) / 2)
        return max(earliest - now, self.policy.min_interval, spacing)

    def _clip(self, delay: float, now: float) -> float:
        if self.deadline is None:
            return delay
        left = self.deadline - now
        if left <= 0:
            last = self.last.status if self.last else None
            raise CompileTimeout(self.job_id, now - self.started, last)
        return min(delay, left)


def watch_steps(poller: Poller, clock: Callable[[], float]) -> WatchSteps:
    """The steps of one wait, driven by `CompileJob.watch` (sync or async); returns the last status.

    First sleeps `poller.first_delay()` (no poll before the earliest plausible end). Raises
    `CompileTimeout` past the deadline, and a failed poll's `APIError` (with a note on how to
    resume) once `poller` no longer tolerates it.
    """
    yield poller.first_delay(clock())
    unknown_seen = False
    while True:
        reply = yield POLL
        if isinstance(reply, APIError):
            if not poller.tolerate(reply):
                reply.add_note(resume_hint(poller.job_id))
                raise reply
            yield poller.next_delay(clock())
            continue
        if not isinstance(reply, JobStatus):
            raise TypeError(f"send() the JobStatus of a POLL step, got {type(reply).__name__}")
        queue = None
        if poller.wants_queue_length(reply, clock()):
            answer = yield QUEUE
            queue = answer if isinstance(answer, int) else None
        change = poller.observe(reply, clock(), queue)
        if change is not None:
            yield change
        if reply.done:
            if reply.status != "unknown" or unknown_seen:
                return reply
            # Between `running` and `finished` the live service answers `unknown` for a moment
            # (recorded: tests/fixtures/recorded/qmk/unknown_kb_status_unknown.json): look again.
            unknown_seen = True
        yield poller.next_delay(clock())
