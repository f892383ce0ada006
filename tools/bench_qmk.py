"""QMK benchmarks for `make bench`: status-call overhead and compile polling, against the mock."""

from __future__ import annotations

import asyncio
import random
import statistics
from typing import Any

import httpx
from bench_util import Clock, ainterleaved, interleaved, ratio_row
from kbapi._data import data_file
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.qmk import AsyncQMKClient, Keymap, QMKClient

from tests.support.recorder import Recorder
from tests.support.server import serve

KEYMAP = Keymap.load(str(data_file("qmk_keymaps", "1upkeyboards_super16_default.json")))
# Total job durations (queued + running); at most QUEUE_SECONDS of each is queue time.
JOB_SECONDS = (1, 2, 5, 10, 20, 30, 45, 60, 90)
QUEUE_SECONDS = 2.0
SEEDS = 5


def status_overhead(rounds: int, per_round: int) -> list[dict[str, Any]]:
    """kbapi's `status()` against raw httpx GET + json on the same mock, sync and async."""
    with serve(create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0))) as url:
        with QMKClient(url) as qmk:
            job_id = qmk.compile(KEYMAP, check=False).id
            path = f"/v1/compile/{job_id}"
            with httpx.Client(base_url=url) as raw:
                sync = interleaved(
                    {"raw": lambda: raw.get(path).json(), "kbapi": lambda: qmk.status(job_id)},
                    rounds,
                    per_round,
                )
        async_times = asyncio.run(_async_status(url, path, job_id, rounds, per_round))
    return [
        ratio_row("job status GET (sync)", sync),
        ratio_row("job status GET (async)", async_times),
    ]


async def _async_status(
    url: str, path: str, job_id: str, rounds: int, per_round: int
) -> dict[str, float]:
    async with httpx.AsyncClient(base_url=url) as raw, AsyncQMKClient(url) as qmk:

        async def raw_call() -> None:
            (await raw.get(path)).json()

        async def kbapi_call() -> None:
            await qmk.status(job_id)

        return await ainterleaved({"raw": raw_call, "kbapi": kbapi_call}, rounds, per_round)


def _configurator_wait(qmk: QMKClient, job_id: str, clock: Clock, rng: random.Random) -> None:
    """The QMK Configurator's loop: poll, then sleep 2.5-3.5 s, until not queued/running."""
    while qmk.status(job_id).status in ("queued", "running"):
        clock.sleep(2.5 + rng.random())


def _simulate(seconds: float, seed: int, strategy: str) -> tuple[int, float]:
    """Requests sent and detection latency for one job of `seconds`, on a simulated clock."""
    clock = Clock()
    queued = min(QUEUE_SECONDS, seconds / 4)
    config = QMKMockConfig(queue_seconds=queued, run_seconds=seconds - queued)
    log = Recorder(create_qmk_app(config, clock=clock))
    with serve(log) as url, QMKClient(url, sleep=clock.sleep, clock=clock) as qmk:
        random.seed(seed)
        job = qmk.compile(KEYMAP, check=False)
        finish = clock() + seconds
        before = len(log.hits)
        if strategy == "kbapi":
            job.wait(timeout=None)
        else:
            _configurator_wait(qmk, job.id, clock, random.Random(seed))
        return len(log.hits) - before, clock() - finish


def polling(seeds: int = SEEDS) -> list[dict[str, Any]]:
    """Per job duration: mean requests and detection latency, kbapi vs the Configurator."""
    rows = []
    for seconds in JOB_SECONDS:
        row: dict[str, Any] = {"job_seconds": seconds}
        for strategy in ("kbapi", "cfg"):  # cfg: the QMK Configurator's loop
            runs = [_simulate(seconds, seed, strategy) for seed in range(seeds)]
            row[f"{strategy}_requests"] = round(statistics.mean(r for r, _ in runs), 1)
            row[f"{strategy}_latency_s"] = round(statistics.mean(lat for _, lat in runs), 2)
        rows.append(row)
    return rows
