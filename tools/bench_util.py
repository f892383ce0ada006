"""Shared pieces of the benchmarks: mock servers in their own process, paired client-CPU
ratios, a simulated clock, machine facts, and the shape of a named figure."""

from __future__ import annotations

import contextlib
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from kbapi._core.http import ServerCookiesIgnored

KBAPI = Path(sys.executable).with_name("kbapi")


def figure(
    value: Any, unit: str, how: str, goal: str | None = None, met: bool | None = None
) -> dict[str, Any]:
    """A named figure of results.json: the value, its unit, how it was measured, the goal."""
    found: dict[str, Any] = {"value": value, "unit": unit, "how": how}
    if goal is not None:
        found.update(goal=goal, met=met)
    return found


class Clock:
    """Simulated time shared by a mock server and a client: `sleep` advances it instantly."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)

    async def asleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def _ratio_summary(cpu: dict[str, list[float]], per_round: int) -> dict[str, float]:
    ratios = [k / r for k, r in zip(cpu["kbapi"], cpu["raw"], strict=True) if r > 0]
    low, high = median_interval(ratios)
    return {
        "raw_us": statistics.median(cpu["raw"]) / per_round * 1e6,
        "kbapi_us": statistics.median(cpu["kbapi"]) / per_round * 1e6,
        "ratio": statistics.median(ratios),
        "ci_low": low,
        "ci_high": high,
    }


def median_interval(values: list[float], draws: int = 2000) -> tuple[float, float]:
    """A 95 % bootstrap interval of the median of `values` (seeded: the same data, the same
    interval), so a reader sees how far the noise of the run could move a ratio."""
    rng = random.Random(20261206)
    medians = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(draws))
    return medians[int(draws * 0.025)], medians[int(draws * 0.975) - 1]


def paired(calls: dict[str, Callable[[], Any]], rounds: int, per_round: int) -> dict[str, float]:
    """Client CPU of `calls["kbapi"]` over `calls["raw"]`: the median of per-round ratios.

    Each round times a block of `per_round` calls of each (alternating which goes first) with
    `time.process_time`, which counts this process only: the server runs in its own.
    """
    cpu: dict[str, list[float]] = {"raw": [], "kbapi": []}
    for n in range(rounds):
        for name in ("raw", "kbapi") if n % 2 == 0 else ("kbapi", "raw"):
            started = time.process_time()
            for _ in range(per_round):
                calls[name]()
            cpu[name].append(time.process_time() - started)
    return _ratio_summary(cpu, per_round)


async def apaired(
    calls: dict[str, Callable[[], Awaitable[Any]]], rounds: int, per_round: int
) -> dict[str, float]:
    """Async twin of `paired`: `calls` are coroutine functions."""
    cpu: dict[str, list[float]] = {"raw": [], "kbapi": []}
    for n in range(rounds):
        for name in ("raw", "kbapi") if n % 2 == 0 else ("kbapi", "raw"):
            started = time.process_time()
            for _ in range(per_round):
                await calls[name]()
            cpu[name].append(time.process_time() - started)
    return _ratio_summary(cpu, per_round)


# The raw httpx clients of the overhead figures: (label, its cookie jar, whether the goal
# applies). httpx as it comes carries the goal; httpx keeping no cookies, as kbapi does, shows
# what kbapi's own code costs.
BASELINES: tuple[tuple[str, Callable[[], ServerCookiesIgnored | None], bool], ...] = (
    ("", lambda: None, True),
    (", httpx without cookies", ServerCookiesIgnored, False),
)


def ratio_row(name: str, times: dict[str, float], goal: float | None) -> dict[str, Any]:
    """A result row comparing kbapi to raw httpx per-call client CPU (`goal` None: a row that
    shows where the overhead goes, with no goal of its own)."""
    return {
        "measure": name,
        "raw_us": round(times["raw_us"], 1),
        "kbapi_us": round(times["kbapi_us"], 1),
        "ratio": round(times["ratio"], 3),
        "ci95": f"{times['ci_low']:.3f}-{times['ci_high']:.3f}",
        "goal": "-" if goal is None else f"<= {goal}",
        "met": "-" if goal is None else times["ratio"] <= goal,
    }


def machine() -> dict[str, Any]:
    """Where the figures come from (the load average says how busy the machine was)."""
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            names = (line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line)
            model = next(names, "")
    except OSError:
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def mock_process(*args: str) -> Iterator[tuple[dict[str, str], int]]:
    """`kbapi mock` in its own process on free ports; yields its URLs and its pid.

    URLs: {"qmk", "q_local", "q_cloud"}. Benchmarks time the client in this process against a
    server with its own interpreter and GIL, as users' programs meet the real services.
    """
    ports = ("--qmk-port", "0", "--q-local-port", "0", "--q-cloud-port", "0")
    process = subprocess.Popen(
        [str(KBAPI), "mock", *ports, *args], stdout=subprocess.PIPE, text=True
    )
    labels = {"QMK API mock:": "qmk", "Q local": "q_local", "Q cloud": "q_cloud"}
    try:
        urls: dict[str, str] = {}
        assert process.stdout is not None
        for line in process.stdout:
            for label, name in labels.items():
                if line.startswith(label):
                    urls[name] = re.findall(r"http://[^\s/]+", line)[0]
            if len(urls) == len(labels) or line.startswith("Press Ctrl-C"):
                break
        yield urls, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)
