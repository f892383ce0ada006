"""Shared pieces of the benchmarks: a simulated clock, interleaved timing, machine facts."""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any


class Clock:
    """Simulated time shared by a mock server and a client: `sleep` advances it instantly."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def interleaved(
    calls: dict[str, Callable[[], Any]], rounds: int, per_round: int
) -> dict[str, float]:
    """Median seconds per call of each callable, timed in alternating blocks.

    Alternating blocks spread machine noise (other processes, CPU frequency) over all
    contestants instead of letting it land on whichever ran last.
    """
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            for _ in range(per_round):
                call()
            samples[name].append((time.perf_counter() - started) / per_round)
    return {name: statistics.median(values) for name, values in samples.items()}


async def ainterleaved(
    calls: dict[str, Callable[[], Awaitable[Any]]], rounds: int, per_round: int
) -> dict[str, float]:
    """Async twin of `interleaved`: `calls` are coroutine functions."""
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            for _ in range(per_round):
                await call()
            samples[name].append((time.perf_counter() - started) / per_round)
    return {name: statistics.median(values) for name, values in samples.items()}


def ratio_row(name: str, times: dict[str, float]) -> dict[str, Any]:
    """A result row comparing `kbapi` to `raw` per-call times."""
    return {
        "measure": name,
        "raw_us": round(times["raw"] * 1e6, 1),
        "kbapi_us": round(times["kbapi"] * 1e6, 1),
        "ratio": round(times["kbapi"] / times["raw"], 3),
    }


def machine() -> dict[str, Any]:
    """Where the figures come from."""
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
    }


def fresh_process_seconds(code: str, runs: int) -> float:
    """Median wall time of `python -c code` in new processes (interpreter start included)."""
    import subprocess
    import sys

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@contextlib.contextmanager
def mock_process(*args: str) -> Iterator[dict[str, str]]:
    """`kbapi mock` in its own process on free ports; yields {"qmk", "q_local", "q_cloud"} URLs.

    Benchmarks time the client in this process against a server with its own interpreter and
    GIL, as users' programs meet the real services.
    """
    command = [
        str(Path(sys.executable).with_name("kbapi")),
        "mock",
        "--qmk-port",
        "0",
        "--q-local-port",
        "0",
    ]
    command += ["--q-cloud-port", "0", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        urls: dict[str, str] = {}
        assert process.stdout is not None
        for line in process.stdout:
            for name, label in (
                ("qmk", "QMK API mock:"),
                ("q_local", "Q local"),
                ("q_cloud", "Q cloud"),
            ):
                if line.startswith(label):
                    urls[name] = line.split("http://", 1)[1].split("/", 1)[0].join(("http://", ""))
            if line.startswith("Press Ctrl-C"):
                break
        yield urls
    finally:
        process.terminate()
        process.wait(timeout=10)
