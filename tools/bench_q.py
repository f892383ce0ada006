"""Das Keyboard Q benchmarks for `make bench`: signal-create overhead, full-keyboard paints and
cloud paging, against the mock."""

from __future__ import annotations

import asyncio
import math
import time
from http.cookiejar import CookieJar
from typing import Any

import httpx
from bench_util import BASELINES, apaired, mock_process, paired, ratio_row
from kbapi.daskeyboard import AsyncQClient, QClient, get_layout
from kbapi.mock.daskeyboard import QMockConfig, create_cloud_app
from kbapi.mock.daskeyboard.store import Light
from kbapi.mock.daskeyboard.validation import signal_input
from kbapi.mock.runner import serve_app as serve

BODY = {"zoneId": "2,2", "color": "#FF0000", "effect": "SET_COLOR", "pid": "DK5QPID", "name": ""}
SIGNALS = "/api/1.0/signals"
# The 104 keys of a US board: every zone but the light pipes, M1-M3 and the Q button.
KEYS = [
    zone.xy
    for zone in get_layout("en-US").zones()
    if not any(part in zone.code for part in ("PIPE", "MACRO", "Q_BUTTON"))
]
PALETTE = ("#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#00FFFF", "#FF00FF")
CREATE_GOAL = 1.10
PAGING_COUNTS = (2_500, 5_000, 10_000)


def create_overhead(rounds: int, per_round: int) -> list[dict[str, Any]]:
    """`send()` against a raw httpx POST of the same body, sync and async (quota off), against
    each of `bench_util.BASELINES`."""
    sync, async_ = [], []
    with mock_process("--quota", "0") as (urls, _):
        url = urls["q_local"]
        with QClient.local(url, rate_limiter=None) as q:
            for label, cookies, goal in BASELINES:
                with httpx.Client(base_url=url, cookies=cookies()) as raw:
                    calls = {
                        "raw": lambda: raw.post(SIGNALS, json=BODY).json(),
                        "kbapi": lambda: q.send("2,2", "#FF0000"),
                    }
                    paired(calls, 2, per_round)
                    times = paired(calls, rounds, per_round)
                sync.append(ratio_row(f"signal create (sync){label}", times, _goal(goal)))
        for label, cookies, goal in BASELINES:
            times = asyncio.run(_async_create(url, rounds, per_round, cookies()))
            async_.append(ratio_row(f"signal create (async){label}", times, _goal(goal)))
    return [*sync, *async_]


def _goal(applies: bool) -> float | None:
    return CREATE_GOAL if applies else None


async def _async_create(
    url: str, rounds: int, per_round: int, cookies: CookieJar | None
) -> dict[str, float]:
    async with (
        httpx.AsyncClient(base_url=url, cookies=cookies) as raw,
        AsyncQClient.local(url, rate_limiter=None) as q,
    ):

        async def raw_call() -> None:
            (await raw.post(SIGNALS, json=BODY)).json()

        async def kbapi_call() -> None:
            await q.send("2,2", "#FF0000")

        calls = {"raw": raw_call, "kbapi": kbapi_call}
        await apaired(calls, 2, per_round)
        return await apaired(calls, rounds, per_round)


def _loop_paint(url: str, per_second: float | None) -> tuple[int, int]:
    """One POST per key on one kept-alive connection; `per_second` paces it. (requests, 429s)"""
    rejected = 0
    with httpx.Client(base_url=url) as raw:
        started = time.perf_counter()
        for n, zone in enumerate(KEYS):
            if per_second is not None:
                time.sleep(max(0.0, started + n / per_second - time.perf_counter()))
            body = BODY | {"zoneId": zone, "color": PALETTE[n % len(PALETTE)]}
            rejected += raw.post(SIGNALS, json=body).status_code == 429
    return len(KEYS), rejected


class _Counting(httpx.HTTPTransport):
    """Counts what kbapi sends (every attempt, retries included) and the 429s it gets."""

    requests = 0
    rejected = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.requests += 1
        self.rejected += response.status_code == 429
        return response


def paint() -> list[dict[str, Any]]:
    """104 keys on the local mock (own process) with its real 50 requests/s quota."""
    from kbapi._core.client import TransportOptions

    colors = {zone: PALETTE[n % len(PALETTE)] for n, zone in enumerate(KEYS)}
    rows = []
    with mock_process() as (urls, _):
        url = urls["q_local"]
        for name, method in (
            ("kbapi paint() (v2: one request)", "v2"),
            ("kbapi paint() (v1)", "v1"),
        ):
            counting = _Counting()
            with QClient.local(url, http_options=TransportOptions(transport=counting)) as q:
                time.sleep(1.1)  # a fresh quota second for each contestant
                started = time.perf_counter()
                q.paint(colors, method=method)  # type: ignore[arg-type]
                elapsed = time.perf_counter() - started
            rows.append(_paint_row(name, elapsed, counting.requests, counting.rejected))
        for name, pace in (
            ("keep-alive loop, no pacing", None),
            ("keep-alive loop, 50 req/s", 50.0),
        ):
            time.sleep(1.1)
            started = time.perf_counter()
            sent, rejected = _loop_paint(url, pace)
            rows.append(_paint_row(name, time.perf_counter() - started, sent, rejected))
    return rows


def _paint_row(name: str, seconds: float, requests: int, rejected: int) -> dict[str, Any]:
    return {
        "paint": name,
        "wall_s": round(seconds, 3),
        "requests": requests,
        "rejected_429": rejected,
        "keys_lit": len(KEYS) - rejected if "loop" in name else len(KEYS),
    }


def paging() -> list[dict[str, Any]]:
    """List every cloud signal of an account (pages of 50) at growing counts; seconds per
    signal stays flat when the total is O(n log n)."""
    rows = []
    for count in PAGING_COUNTS:
        app = create_cloud_app(QMockConfig())
        mock = app.state.mock
        account = mock.config.accounts[0]
        fields = {"zoneId": "2,2", "color": "#FF0000", "pid": "DK5QPID", "name": "bench"}
        for _ in range(count):  # filled directly: the listing is what is measured
            body, zone = mock._signal_body(account, signal_input(fields, form=False))
            light = Light("DK5QPID", "KEY_W", zone, "#FF0000", "SET_COLOR")
            mock.store.add(account.user_id, body, [light])
        with serve(app) as url, QClient.cloud(api_key=account.api_key, base_url=url) as q:
            started = time.perf_counter()
            listed = sum(1 for _ in q.signals())
            elapsed = time.perf_counter() - started
        rows.append(
            {
                "signals": count,
                "listed": listed,
                "seconds": round(elapsed, 3),
                "us_per_signal": round(elapsed / count * 1e6, 1),
            }
        )
    first, last = rows[0], rows[-1]
    exponent = math.log(last["seconds"] / first["seconds"]) / math.log(
        last["signals"] / first["signals"]
    )
    for row in rows:
        row["growth_exponent"] = round(exponent, 2)
    return rows
