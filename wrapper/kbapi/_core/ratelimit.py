"""Client-side rate limiting: stay under a server quota instead of collecting 429s.

The Das Keyboard Q desktop app answers 429 "Over quota" past 50 requests in its current 1 s
window. Its window is not aligned with ours, so a sliding window (at most `rate` requests in ANY
`per`-second span) is what keeps us under it; `RateLimiter(rate=45, per=1.0)` leaves headroom.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from kbapi._core.errors import InputError
from kbapi._core.timing import async_default_sleep

T = TypeVar("T")


class RateLimiter:
    """Sliding-window limiter: at most `rate` acquisitions in any `per` seconds.

    Each caller reserves the earliest free slot under a lock, then sleeps until it (FIFO, no
    polling). `acquire()` blocks the thread; `aacquire()` awaits. Safe across threads and tasks.
    """

    def __init__(
        self,
        rate: int = 45,
        per: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = async_default_sleep,
    ) -> None:
        if rate < 1 or per <= 0:
            raise InputError(f"rate limit needs rate >= 1 and per > 0, got {rate}/{per}")
        self.rate = rate
        self.per = per
        self._clock = clock
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._slots: deque[float] = deque()
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Book the next slot and return how many seconds the caller must wait for it."""
        with self._lock:
            now = self._clock()
            while self._slots and self._slots[0] <= now - self.per:
                self._slots.popleft()
            start = now
            if len(self._slots) >= self.rate:
                start = max(now, self._slots[-self.rate] + self.per)
            self._slots.append(start)
            return start - now

    def acquire(self) -> None:
        """Block until a request may be sent."""
        wait = self.reserve()
        if wait > 0:
            self._sleep(wait)

    async def aacquire(self) -> None:
        """Wait (without blocking the event loop) until a request may be sent."""
        wait = self.reserve()
        if wait > 0:
            await self._async_sleep(wait)


async def gather_bounded(aws: Iterable[Awaitable[T]], limit: int) -> list[T]:
    """Await `aws` with at most `limit` running at once; results in input order.

    The first exception propagates, as with `asyncio.gather` (the other awaitables still run).
    """
    if limit < 1:
        raise InputError(f"limit must be >= 1, got {limit}")
    import asyncio  # here: sync users never load the event loop

    semaphore = asyncio.Semaphore(limit)

    async def run(aw: Awaitable[T]) -> T:
        async with semaphore:
            return await aw

    return list(await asyncio.gather(*(run(aw) for aw in aws)))
