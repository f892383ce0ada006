"""Client-side rate limiting: stay under a server quota instead of collecting 429s.

The Das Keyboard Q desktop app answers 429 "Over quota" past 50 requests in its current 1 s
window. Its window is not aligned with ours, so a sliding window (at most `rate` requests in ANY
`per`-second span) is what keeps us under it; `RateLimiter(rate=45, per=1.0)` leaves headroom.
`shared_limiter` keeps one limiter per server per process (the quota is the server's, not a
client's). `map_bounded` / `amap_bounded` run a function over items with bounded concurrency
(threads / tasks): the executors of batch paints and clears.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from kbapi._core.errors import InputError
from kbapi._core.timing import async_default_sleep

T = TypeVar("T")
R = TypeVar("R")


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

    Every awaitable runs even if one fails; the first failure is then raised (`amap_bounded`).
    """
    return await amap_bounded(_awaited, list(aws), limit)


async def _awaited(aw: Awaitable[T]) -> T:
    return await aw


_SHARED: dict[tuple[str, str, int | None, int, float], RateLimiter] = {}
_SHARED_LOCK = threading.Lock()


def shared_limiter(base_url: str, rate: int, per: float = 1.0) -> RateLimiter:
    """One `RateLimiter` per server (scheme, host, port) and quota, per process.

    A quota belongs to the server, not to a client: two clients of the same server share the
    limiter, so together they still stay under it.
    """
    url = urlsplit(base_url)
    key = (url.scheme, (url.hostname or "").lower(), url.port, rate, per)
    with _SHARED_LOCK:
        limiter = _SHARED.get(key)
        if limiter is None:
            limiter = _SHARED[key] = RateLimiter(rate=rate, per=per)
        return limiter


def map_bounded(fn: Callable[[T], R], items: Sequence[T], limit: int) -> list[R]:
    """`fn` over `items` on at most `limit` threads; results in order.

    Every call runs even if one fails; the first failure is then raised.
    """
    if limit < 1:
        raise InputError(f"concurrency must be >= 1, got {limit}")
    if limit == 1 or len(items) <= 1:
        return _in_order([_capture(fn, item) for item in items])
    from concurrent.futures import ThreadPoolExecutor  # here: most calls need no threads

    with ThreadPoolExecutor(max_workers=min(limit, len(items))) as pool:
        outcomes = list(pool.map(lambda item: _capture(fn, item), items))
    return _in_order(outcomes)


async def amap_bounded(fn: Callable[[T], Awaitable[R]], items: Sequence[T], limit: int) -> list[R]:
    """`fn` over `items` with at most `limit` running at once; results in order.

    Every call runs even if one fails; the first failure is then raised.
    """
    if limit < 1:
        raise InputError(f"concurrency must be >= 1, got {limit}")
    import asyncio  # here: sync users never load the event loop

    semaphore = asyncio.Semaphore(limit)

    async def run(item: T) -> tuple[R | None, BaseException | None]:
        async with semaphore:
            try:
                return await fn(item), None
            except Exception as exc:
                return None, exc

    return _in_order(await asyncio.gather(*(run(item) for item in items)))


def _capture(fn: Callable[[T], R], item: T) -> tuple[R | None, BaseException | None]:
    try:
        return fn(item), None
    except Exception as exc:
        return None, exc


def _in_order(outcomes: Iterable[tuple[R | None, BaseException | None]]) -> list[R]:
    results: list[R] = []
    for value, error in outcomes:
        if error is not None:
            raise error
        results.append(value)  # type: ignore[arg-type]  # None only alongside an error
    return results
