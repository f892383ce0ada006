"""Das Keyboard Q benchmarks for `make bench`: signal-create overhead and full-keyboard paints."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from bench_util import ainterleaved, interleaved, ratio_row
from kbapi.daskeyboard import AsyncQClient, QClient, get_layout
from kbapi.mock.daskeyboard import QMockConfig, create_local_app

from tests.support.recorder import Recorder
from tests.support.server import serve

BODY = {"zoneId": "2,2", "color": "#FF0000", "effect": "SET_COLOR", "pid": "DK5QPID", "name": ""}
# The 104 keys of a US board: every zone but the light pipes, M1-M3 and the Q button.
KEYS = [
    zone.xy
    for zone in get_layout("en-US").zones()
    if not any(part in zone.code for part in ("PIPE", "MACRO", "Q_BUTTON"))
]
PALETTE = ("#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#00FFFF", "#FF00FF")


def create_overhead(rounds: int, per_round: int) -> list[dict[str, Any]]:
    """`send()` against a raw httpx POST of the same body, sync and async (quota off)."""
    app = create_local_app(QMockConfig(local_quota_per_second=0))
    with serve(app) as url:
        with httpx.Client(base_url=url) as raw, QClient.local(url, rate_limiter=None) as q:
            sync = interleaved(
                {
                    "raw": lambda: raw.post("/api/1.0/signals", json=BODY).json(),
                    "kbapi": lambda: q.send("2,2", "#FF0000"),
                },
                rounds,
                per_round,
            )
        async_times = asyncio.run(_async_create(url, rounds, per_round))
    return [
        ratio_row("signal create (sync)", sync),
        ratio_row("signal create (async)", async_times),
    ]


async def _async_create(url: str, rounds: int, per_round: int) -> dict[str, float]:
    async with (
        httpx.AsyncClient(base_url=url) as raw,
        AsyncQClient.local(url, rate_limiter=None) as q,
    ):

        async def raw_call() -> None:
            (await raw.post("/api/1.0/signals", json=BODY)).json()

        async def kbapi_call() -> None:
            await q.send("2,2", "#FF0000")

        return await ainterleaved({"raw": raw_call, "kbapi": kbapi_call}, rounds, per_round)


def _naive_paint(url: str) -> int:
    """What the existing clients do: one request per key, each on a new connection."""
    rejected = 0
    for n, zone in enumerate(KEYS):
        body = BODY | {"zoneId": zone, "color": PALETTE[n % len(PALETTE)]}
        response = httpx.post(f"{url}/api/1.0/signals", json=body)
        rejected += response.status_code == 429
    return rejected


def paint() -> list[dict[str, Any]]:
    """104 keys on the local mock with its real 50 requests/s quota."""
    colors = {zone: PALETTE[n % len(PALETTE)] for n, zone in enumerate(KEYS)}
    rows = []
    for name, v2 in (("kbapi paint() (v2)", True), ("kbapi paint() (v1, no v2 route)", False)):
        recorder = Recorder(create_local_app(QMockConfig()), v2=v2)
        with serve(recorder) as url, QClient.local(url) as q:
            started = time.perf_counter()
            result = q.paint(colors)
            rows.append(_paint_row(name, time.perf_counter() - started, recorder, result.zones))
    recorder = Recorder(create_local_app(QMockConfig()))
    with serve(recorder) as url:
        started = time.perf_counter()
        _naive_paint(url)
        elapsed = time.perf_counter() - started
    rows.append(_paint_row("naive loop, new connection per key", elapsed, recorder, KEYS))
    return rows


def _paint_row(name: str, seconds: float, recorder: Recorder, zones: Any) -> dict[str, Any]:
    return {
        "paint": name,
        "keys": len(zones),
        "wall_s": round(seconds, 3),
        "requests": recorder.count(),
        "rejected_429": recorder.count(status=429),
    }
