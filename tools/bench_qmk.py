"""QMK benchmarks for `make bench`: status-call overhead and compile polling, against the mock."""

from __future__ import annotations

import asyncio
import math
import random
import statistics
from http.cookiejar import CookieJar
from typing import Any

import httpx
from bench_util import BASELINES, Clock, apaired, mock_process, paired, ratio_row
from kbapi._data import data_file
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.mock.runner import serve_app as serve
from kbapi.qmk import AsyncQMKClient, Keymap, QMKClient
from kbapi.qmk.history import BuildHistory

from tests.support.recorder import Recorder

KEYMAP = Keymap.load(str(data_file("qmk_keymaps", "1upkeyboards_super16_default.json")))
# Total job durations (queued + running); at most QUEUE_SECONDS of each is queue time.
JOB_SECONDS = (1, 2, 5, 10, 20, 30, 45, 60, 90)
QUEUE_SECONDS = 2.0
SEEDS = 8
# Earlier builds of the same keyboard, before the measured one: how many, and how much their
# durations spread (lognormal sigma) around the measured job's.
WARMUP_BUILDS = 3
BUILD_SPREAD = 0.15
STATUS_GOAL = 1.05


def status_overhead(rounds: int, per_round: int) -> list[dict[str, Any]]:
    """kbapi's `status()` against raw httpx GET + json on one pool, mock in its own process
    (`bench_util.BASELINES`: against httpx as it comes, then keeping no cookies)."""
    sync, async_ = [], []
    with mock_process("--queue-seconds", "0", "--run-seconds", "0") as (urls, _):
        url = urls["qmk"]
        with QMKClient(url, build_history=None) as qmk:
            job_id = qmk.compile(KEYMAP, check=False).id
            path = f"/v1/compile/{job_id}"
            for label, cookies, goal in BASELINES:
                with httpx.Client(base_url=url, cookies=cookies()) as raw:  # one connection each
                    calls = {
                        "raw": lambda: raw.get(path).json(),
                        "kbapi": lambda: qmk.status(job_id),
                    }
                    paired(calls, 2, per_round)  # warm-up
                    times = paired(calls, rounds, per_round)
                sync.append(ratio_row(f"job status GET (sync){label}", times, _goal(goal)))
        for label, cookies, goal in BASELINES:
            times = asyncio.run(_async_status(url, path, job_id, rounds, per_round, cookies()))
            async_.append(ratio_row(f"job status GET (async){label}", times, _goal(goal)))
    return [*sync, *async_]


def _goal(applies: bool) -> float | None:
    return STATUS_GOAL if applies else None


async def _async_status(
    url: str, path: str, job_id: str, rounds: int, per_round: int, cookies: CookieJar | None
) -> dict[str, float]:
    async with (
        AsyncQMKClient(url, build_history=None) as qmk,
        httpx.AsyncClient(base_url=url, cookies=cookies) as raw,
    ):

        async def raw_call() -> None:
            (await raw.get(path)).json()

        async def kbapi_call() -> None:
            await qmk.status(job_id)

        calls = {"raw": raw_call, "kbapi": kbapi_call}
        await apaired(calls, 2, per_round)
        return await apaired(calls, rounds, per_round)


class _Switch:
    """One server for the whole simulation; each simulated job gets a fresh mock app."""

    def __init__(self) -> None:
        self.app: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def _configurator_wait(qmk: QMKClient, job_id: str, clock: Clock, rng: random.Random) -> None:
    """The QMK Configurator's loop: poll at once, then 2.5 s + random(1.0 s), until done."""
    while qmk.status(job_id).status in ("queued", "running"):
        clock.sleep(2.5 + rng.random())


def _one_job(
    url: str,
    switch: _Switch,
    seconds: float,
    strategy: str,
    history: BuildHistory | None,
    seed: int,
) -> tuple[int, float]:
    """Requests sent and detection latency for one job of `seconds`, on a simulated clock."""
    clock = Clock()
    queued = min(QUEUE_SECONDS, seconds / 4)
    config = QMKMockConfig(queue_seconds=queued, run_seconds=seconds - queued)
    log = Recorder(create_qmk_app(config, clock=clock))
    switch.app = log
    random.seed(seed)  # kbapi's poll jitter
    with QMKClient(url, sleep=clock.sleep, clock=clock, build_history=history) as qmk:
        job = qmk.compile(KEYMAP, check=False)
        finish = clock() + seconds
        before = len(log.hits)
        if strategy == "cfg":
            _configurator_wait(qmk, job.id, clock, random.Random(seed))
        else:
            job.wait(timeout=None)
        return len(log.hits) - before, clock() - finish


def _runs(url: str, switch: _Switch, seconds: float, seed: int) -> dict[str, tuple[int, float]]:
    """The Configurator, kbapi with no history, and kbapi after WARMUP_BUILDS earlier builds
    of the keyboard (each of them waited for by kbapi itself: what it remembers is only what
    it saw)."""
    spread = random.Random(seed * 7919 + int(seconds))
    history = BuildHistory(None)  # in memory: one keyboard's past, for this run only
    for n in range(WARMUP_BUILDS):
        earlier = seconds * math.exp(spread.gauss(0, BUILD_SPREAD))
        _one_job(url, switch, earlier, "kbapi", history, seed * 100 + n)
    return {
        "cfg": _one_job(url, switch, seconds, "cfg", None, seed),
        "cold": _one_job(url, switch, seconds, "kbapi", None, seed),
        "warm": _one_job(url, switch, seconds, "kbapi", history, seed),
    }


def polling(seeds: int = SEEDS) -> list[dict[str, Any]]:
    """Per job duration: mean requests and detection latency of each strategy."""
    switch = _Switch()
    rows = []
    with serve(switch) as url:
        for seconds in JOB_SECONDS:
            runs = [_runs(url, switch, seconds, seed) for seed in range(seeds)]
            row: dict[str, Any] = {"job_seconds": seconds}
            for strategy in ("cfg", "cold", "warm"):
                row[f"{strategy}_requests"] = round(
                    statistics.mean(r[strategy][0] for r in runs), 2
                )
                row[f"{strategy}_latency_s"] = round(
                    statistics.mean(r[strategy][1] for r in runs), 3
                )
            rows.append(row)
    return rows


def polling_verdict(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The goal: mean requests <= 0.8x and mean latency <= 0.6x the Configurator's, and at no
    job length worse than 1.2x on either; for kbapi cold and warm."""
    verdict: dict[str, Any] = {}
    for strategy in ("cold", "warm"):
        mean = {
            key: statistics.mean(row[f"{strategy}_{key}"] for row in rows)
            / statistics.mean(row[f"cfg_{key}"] for row in rows)
            for key in ("requests", "latency_s")
        }
        worst = {
            key: max(row[f"{strategy}_{key}"] / row[f"cfg_{key}"] for row in rows)
            for key in ("requests", "latency_s")
        }
        met = mean["requests"] <= 0.8 and mean["latency_s"] <= 0.6 and max(worst.values()) <= 1.2
        verdict[strategy] = {
            "mean_requests_ratio": round(mean["requests"], 3),
            "mean_latency_ratio": round(mean["latency_s"], 3),
            "worst_requests_ratio": round(worst["requests"], 3),
            "worst_latency_ratio": round(worst["latency_s"], 3),
            "met": met,
        }
    return verdict
