"""The poll schedule of compile jobs: `PollPolicy` and its defaults.

Apart from the poller (`kbapi.qmk.polling`) because a client's signature needs these, while the
poller is loaded on the first wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from kbapi._core.errors import InputError


@dataclass(frozen=True)
class PollPolicy:
    """The poll schedule.

    Without history: poll at once, then after `initial` seconds, times `factor` per poll,
    capped at `max_interval`; each delay scaled by a random factor in
    ``[1 - jitter, 1 + jitter]``. With remembered builds of the keyboard: `margin` widens
    the remembered durations (fraction); inside the window they span, polls are
    `window_interval` apart (at most half the window, at least `min_interval`).
    `timeout` is the default deadline of `wait()` in seconds (None: no deadline);
    `queue_interval` how often, at most, the service's queue length is fetched while the job
    has been queued longer than that (None: never). `max_poll_failures`: polls in a row that
    may fail with a transient error (connection, timeout, 429, 5xx, after the transport's own
    retries) before waiting gives up; the job keeps running on the server meanwhile.
    """

    initial: float = 3.0
    factor: float = 1.0
    max_interval: float = 3.0
    jitter: float = 0.15
    timeout: float | None = 1200.0
    queue_interval: float | None = 10.0
    max_poll_failures: int = 5
    margin: float = 0.1
    window_interval: float = 1.0
    min_interval: float = 0.25

    def __post_init__(self) -> None:
        if self.initial <= 0 or self.max_interval < self.initial or self.factor < 1:
            raise InputError("poll policy needs 0 < initial <= max_interval and factor >= 1")
        if not 0 <= self.jitter < 1:
            raise InputError("poll jitter must be in [0, 1)")
        if self.timeout is not None and self.timeout < 0:
            raise InputError("poll timeout must not be negative")
        if self.max_poll_failures < 0:
            raise InputError("max_poll_failures must not be negative")
        if self.margin < 0 or not 0 < self.min_interval <= self.window_interval:
            raise InputError("poll policy needs margin >= 0, 0 < min_interval <= window_interval")

    def interval(self, poll_number: int, rand: float) -> float:
        """Delay after poll `poll_number` (0-based) without history, `rand` in [0, 1)."""
        base = min(self.max_interval, self.initial * self.factor**poll_number)
        return base * (1 - self.jitter + 2 * self.jitter * rand)


DEFAULT_POLL = PollPolicy()
# Default of every `timeout=` parameter of wait(): "the client's `PollPolicy.timeout`" (None
# already means "no deadline").
USE_POLICY: Final[Any] = object()
