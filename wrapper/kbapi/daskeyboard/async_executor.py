"""Carry out a paint plan (`kbapi.daskeyboard.paint`) with the client's send functions.

One v2 request when the plan says so, falling back to v1 when the local app answers 404 (no v2
route); otherwise one v1 request per zone, `concurrency` at a time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from kbapi._core.errors import NotFoundError
from kbapi._core.ratelimit import amap_bounded
from kbapi._generated.q_api.models import SignalCreate, V2SignalCreate
from kbapi.daskeyboard.paint import PaintPlan, PaintResult, v1_result


async def arun_paint(
    plan: PaintPlan,
    *,
    send_v2: Callable[[V2SignalCreate], Awaitable[int]],
    send_v1: Callable[[SignalCreate], Awaitable[int]],
    concurrency: int,
) -> PaintResult:
    """Execute `plan` with the client's send functions (each returns the new signal id)."""
    zones = tuple(item.xy for item in plan.items)
    if plan.mode == "v2":
        try:
            signal_id = await send_v2(plan.v2_body())
        except NotFoundError:
            if not plan.fallback:
                raise
        else:
            return PaintResult("v2", zones, (("v2", signal_id),), requests=1)
    ids = await amap_bounded(send_v1, plan.v1_bodies(), concurrency)
    return v1_result(plan, zones, ids)
