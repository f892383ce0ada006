"""Sliding-window rate limiter with a fake clock."""

from __future__ import annotations

import asyncio
import threading

import pytest
from kbapi._core.errors import InputError
from kbapi._core.ratelimit import (
    RateLimiter,
    amap_bounded,
    gather_bounded,
    map_bounded,
    shared_limiter,
)


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


def test_a_slot_frees_exactly_one_window_later() -> None:
    fake = FakeTime()
    limiter = _limiter(fake, rate=2, per=1.0)
    assert [limiter.reserve(), limiter.reserve()] == [0.0, 0.0]
    fake.now += 1.0
    assert [limiter.reserve(), limiter.reserve(), limiter.reserve()] == [0.0, 0.0, 1.0]


def test_a_rate_of_one_is_allowed() -> None:
    fake = FakeTime()
    limiter = _limiter(fake, rate=1, per=2.0)
    assert [limiter.reserve(), limiter.reserve()] == [0.0, 2.0]


def test_a_negative_window_is_rejected() -> None:
    with pytest.raises(InputError, match=r"got 5/-1\.0"):
        RateLimiter(5, -1.0)


def test_one_shared_limiter_per_server_and_quota() -> None:
    first = shared_limiter("http://Shared-Host.example:1234/api", 7)
    assert shared_limiter("http://shared-host.example:1234/other", 7) is first
    assert (first.rate, first.per) == (7, 1.0)
    for other in (
        shared_limiter("https://shared-host.example:1234/api", 7),
        shared_limiter("http://shared-host.example:1235/api", 7),
        shared_limiter("http://shared-host.example:1234/api", 8),
        shared_limiter("http://shared-host.example:1234/api", 7, per=2.0),
        shared_limiter("http://other-host.example:1234/api", 7),
    ):
        assert other is not first


def test_map_bounded_keeps_order_and_bounds_threads() -> None:
    threads: set[int] = set()

    def work(i: int) -> int:
        threads.add(threading.get_ident())
        return i * 2

    assert map_bounded(work, list(range(8)), 2) == [i * 2 for i in range(8)]
    assert 1 <= len(threads) <= 2
    assert threading.get_ident() not in threads


@pytest.mark.parametrize(("limit", "items"), [(1, [1, 2, 3]), (4, [1]), (4, [])])
def test_map_bounded_runs_in_the_calling_thread_when_no_concurrency_helps(
    limit: int, items: list[int]
) -> None:
    threads: list[int] = []

    def work(i: int) -> int:
        threads.append(threading.get_ident())
        return -i

    assert map_bounded(work, items, limit) == [-i for i in items]
    assert set(threads) <= {threading.get_ident()}


@pytest.mark.parametrize("limit", [1, 3])
def test_map_bounded_runs_every_call_then_raises_the_first_failure(limit: int) -> None:
    ran: list[int] = []

    def work(i: int) -> int:
        ran.append(i)
        if i in (1, 3):
            raise ValueError(f"item {i}")
        return i

    with pytest.raises(ValueError, match="item 1"):
        map_bounded(work, [0, 1, 2, 3, 4], limit)
    assert sorted(ran) == [0, 1, 2, 3, 4]


def test_amap_bounded_runs_every_call_then_raises_the_first_failure() -> None:
    ran: list[int] = []

    async def work(i: int) -> int:
        ran.append(i)
        await asyncio.sleep(0)
        if i in (1, 3):
            raise ValueError(f"item {i}")
        return i

    with pytest.raises(ValueError, match="item 1"):
        asyncio.run(amap_bounded(work, [0, 1, 2, 3, 4], 2))
    assert sorted(ran) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("limit", [0, -1])
def test_bounded_maps_refuse_a_limit_below_one(limit: int) -> None:
    with pytest.raises(InputError, match=f"concurrency must be >= 1, got {limit}"):
        map_bounded(str, [1], limit)
    with pytest.raises(InputError, match=f"concurrency must be >= 1, got {limit}"):
        asyncio.run(amap_bounded(_echo, [1], limit))


async def _echo(value: int) -> int:
    return value


def test_the_limiter_forgets_slots_a_window_old() -> None:
    # The pruning is what keeps a long-lived limiter's memory at `rate` slots.
    fake = FakeTime()
    limiter = _limiter(fake, rate=2, per=1.0)
    for step in (0.0, 0.0, 1.0, 0.25, 0.75, 3.0, 0.5):
        fake.now += step
        limiter.acquire()
        assert len(limiter._slots) <= 2


def test_two_items_run_on_threads_when_the_limit_allows() -> None:
    threads: set[int] = set()

    def work(i: int) -> int:
        threads.add(threading.get_ident())
        return i

    assert map_bounded(work, [1, 2], 2) == [1, 2]
    assert threading.get_ident() not in threads


def test_the_default_is_45_requests_a_second() -> None:
    # docs/daskeyboard.md: the local app's quota is 50 a second; 45 leaves headroom.
    limiter = RateLimiter()
    assert (limiter.rate, limiter.per) == (45, 1.0)
