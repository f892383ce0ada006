"""Sliding-window rate limiter with a fake clock."""

from __future__ import annotations

import asyncio

import pytest
from kbapi._core.errors import InputError
from kbapi._core.ratelimit import RateLimiter, gather_bounded


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def _limiter(fake: FakeTime, rate: int = 3, per: float = 1.0) -> RateLimiter:
    return RateLimiter(rate, per, clock=fake.clock, sleep=fake.sleep, async_sleep=fake.async_sleep)


def test_burst_up_to_rate_then_waits() -> None:
    fake = FakeTime()
    limiter = _limiter(fake)
    for _ in range(3):
        limiter.acquire()
    assert fake.sleeps == []
    limiter.acquire()
    assert fake.sleeps == [1.0]


def test_no_window_ever_holds_more_than_rate() -> None:
    fake = FakeTime()
    limiter = _limiter(fake, rate=5, per=1.0)
    stamps = []
    for i in range(40):
        fake.now += 0.03 * (i % 4)
        limiter.acquire()
        stamps.append(fake.now)
    for start in stamps:
        in_window = [t for t in stamps if start <= t < start + 1.0]
        assert len(in_window) <= 5


def test_reservations_are_fifo_without_sleeping_twice() -> None:
    fake = FakeTime()
    limiter = _limiter(fake, rate=2, per=1.0)
    waits = [limiter.reserve() for _ in range(6)]
    assert waits == [0.0, 0.0, 1.0, 1.0, 2.0, 2.0]


def test_async_acquire_uses_async_sleep() -> None:
    fake = FakeTime()
    limiter = _limiter(fake, rate=1, per=0.5)

    async def run() -> None:
        await limiter.aacquire()
        await limiter.aacquire()

    asyncio.run(run())
    assert fake.sleeps == [0.5]


def test_bad_configuration_rejected() -> None:
    with pytest.raises(InputError, match=r"got 0/1\.0"):
        RateLimiter(0, 1.0)
    with pytest.raises(InputError, match="got 1/0"):
        RateLimiter(1, 0)


def test_gather_bounded_limits_concurrency_and_keeps_order() -> None:
    running = 0
    peak = 0

    async def work(i: int) -> int:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0)
        running -= 1
        return i * 10

    result = asyncio.run(gather_bounded([work(i) for i in range(10)], limit=3))
    assert result == [i * 10 for i in range(10)]
    assert peak == 3
