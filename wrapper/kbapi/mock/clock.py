"""Simulated time that a mock and a client share, so that tests wait for nothing.

clock = SimClock()
app = create_qmk_app(QMKMockConfig(run_seconds=30), clock=clock)
with serve(app) as url, QMKClient(url, clock=clock, sleep=clock.sleep) as qmk:
    qmk.compile_and_wait(keymap)      # the 30 s build is over at once: the polls' sleeps
                                      # advance the clock the mock reads
"""

from __future__ import annotations

import threading

__all__ = ["SimClock"]


class SimClock:
    """A clock that stands still until something sleeps on it or moves it by hand.

    Call it for the time (seconds, like `time.time`); `sleep` / `asleep` advance it instantly,
    so a client given them as its sleeps moves the time of a mock given the clock. Safe across
    threads: concurrent sleepers each add their wait.
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start
        self.slept: list[float] = []
        """Every wait asked of `sleep`/`asleep`, in order."""
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the time forward by `seconds` (negative values are ignored)."""
        with self._lock:
            self.now += max(0.0, seconds)

    def sleep(self, seconds: float) -> None:
        """Advance the time by `seconds` at once, recording the wait."""
        with self._lock:
            self.slept.append(seconds)
            self.now += max(0.0, seconds)

    async def asleep(self, seconds: float) -> None:
        """`sleep` for async code."""
        self.sleep(seconds)
