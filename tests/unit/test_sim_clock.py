"""kbapi.testing.SimClock: simulated time that sleeps move, for a mock and a client at once."""

from __future__ import annotations

import asyncio
import threading

from kbapi.testing import SimClock


def test_the_time_stands_still_until_moved() -> None:
    clock = SimClock(start=100.0)
    assert clock() == clock() == 100.0
    clock.advance(2.5)
    clock.advance(-7)  # time never runs backwards
    assert clock() == 102.5
    assert clock.slept == []  # moving by hand is not a sleep


def test_sleeps_advance_at_once_and_are_recorded() -> None:
    clock = SimClock(start=0.0)
    clock.sleep(1.5)
    asyncio.run(clock.asleep(0.25))
    clock.sleep(-1)
    assert clock() == 1.75
    assert clock.slept == [1.5, 0.25, -1]


def test_concurrent_sleepers_each_add_their_wait() -> None:
    clock = SimClock(start=0.0)
    threads = [
        threading.Thread(target=lambda: [clock.sleep(0.5) for _ in range(200)]) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock() == 400.0
    assert len(clock.slept) == 800
