"""Pure paint planning, the executors with plain callables, and the paging loop."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest
from kbapi._core.errors import InputError, NotFoundError
from kbapi._core.ratelimit import amap_bounded, map_bounded
from kbapi._generated.q_api.models import SignalCreate, V2SignalCreate
from kbapi.daskeyboard import EmptyCellError, Signal, SignalPage, get_layout
from kbapi.daskeyboard.async_executor import arun_paint
from kbapi.daskeyboard.async_pager import AsyncSignalPager
from kbapi.daskeyboard.executor import run_paint
from kbapi.daskeyboard.pager import SignalPager
from kbapi.daskeyboard.paging import next_page
from kbapi.daskeyboard.paint import DuplicateZoneError, plan_paint
from kbapi.daskeyboard.signals import SignalSpec

US = get_layout("en-US")
SPEC = SignalSpec(pid="DK5QPID", layout=US)


def test_local_plan_is_one_v2_body_with_a_json_string() -> None:
    plan = plan_paint({"KEY_Q": "red", 75: "#00F", "(4, 2)": (0, 255, 0)}, SPEC, local=True)
    assert (plan.mode, plan.fallback) == ("v2", True)
    body = plan.v2_body().to_dict()
    assert isinstance(body["actionValue"], str)
    assert json.loads(body["actionValue"]) == [
        {"zoneId": "2,2", "effect": "SET_COLOR", "color": "#FF0000"},
        {"zoneId": "3,2", "effect": "SET_COLOR", "color": "#0000FF"},
        {"zoneId": "4,2", "effect": "SET_COLOR", "color": "#00FF00"},
    ]
    assert (body["action"], body["pid"], body["isMuted"], body["clientName"]) == (
        "DRAW", "DK5QPID", True, "kbapi",
    )  # fmt: skip


def test_cloud_plan_is_v1_bodies_in_the_zone_format() -> None:
    spec = SignalSpec(pid="DK5QPID", layout=US, zone_format="code", effect="BLINK")
    plan = plan_paint({"2,2": "red", 75: "blue"}, spec, local=False)
    assert (plan.mode, plan.fallback) == ("v1", False)
    assert [(b.zone_id, b.color, b.effect) for b in plan.v1_bodies()] == [
        ("KEY_Q", "#FF0000", "BLINK"), ("KEY_W", "#0000FF", "BLINK"),
    ]  # fmt: skip
    with pytest.raises(InputError, match="only on the local app"):
        plan_paint({"2,2": "red"}, spec, local=False, method="v2")


def test_plan_method_choices() -> None:
    colors = {"KEY_Q": "red"}
    assert plan_paint(colors, SPEC, local=True, method="v1").mode == "v1"
    forced = plan_paint(colors, SPEC, local=True, method="v2")
    assert (forced.mode, forced.fallback) == ("v2", False)
    known = plan_paint(colors, SPEC, local=True, v2_known_missing=True)
    assert (known.mode, known.fallback) == ("v1", False)
    with pytest.raises(InputError, match="method must be"):
        plan_paint(colors, SPEC, local=True, method="v3")  # type: ignore[arg-type]


def test_plan_refuses_bad_input_before_anything_is_sent() -> None:
    with pytest.raises(EmptyCellError, match="no key at cell 2,4"):
        plan_paint({"KEY_Q": "red", "2,4": "red"}, SPEC, local=True)
    with pytest.raises(InputError, match="empty"):
        plan_paint({}, SPEC, local=True)
    with pytest.raises(InputError, match="mapping"):
        plan_paint([("KEY_Q", "red")], SPEC, local=True)  # type: ignore[arg-type]
    with pytest.raises(DuplicateZoneError, match="zone 2,2 is painted twice"):
        plan_paint({"KEY_Q": "red", 74: "blue"}, SPEC, local=True)
    same = plan_paint({"KEY_Q": "red", 74: "#F00"}, SPEC, local=True)
    assert len(same.items) == 1


def test_plan_without_validation_keeps_unknown_zones() -> None:
    spec = SignalSpec(pid="DK5QPID", layout=US, validate=False)
    plan = plan_paint({"2,4": "red", "KEY_NOPE": "red"}, spec, local=True)
    assert [(i.zone_id, i.xy) for i in plan.items] == [("2,4", "2,4"), ("KEY_NOPE", "KEY_NOPE")]


class Sender:
    """Send functions that record what they got; v2 can be made to 404."""

    def __init__(self, v2_missing: bool = False) -> None:
        self.v2_missing = v2_missing
        self.v1: list[str] = []
        self.v2 = 0
        self.lock = threading.Lock()

    def send_v2(self, body: V2SignalCreate) -> int:
        self.v2 += 1
        if self.v2_missing:
            raise NotFoundError(404, body_text="Cannot POST /api/2.0/signals")
        return -100

    def send_v1(self, body: SignalCreate) -> int:
        with self.lock:
            self.v1.append(body.zone_id)
            return -len(self.v1)


def test_run_paint_v2_and_fallback() -> None:
    plan = plan_paint({"KEY_Q": "red", "KEY_W": "red"}, SPEC, local=True)
    sender = Sender()
    result = run_paint(plan, send_v2=sender.send_v2, send_v1=sender.send_v1, concurrency=4)
    assert (result.mode, result.signals, result.requests, result.v2_missing) == (
        "v2", (("v2", -100),), 1, False,
    )  # fmt: skip
    missing = Sender(v2_missing=True)
    result = run_paint(plan, send_v2=missing.send_v2, send_v1=missing.send_v1, concurrency=4)
    assert (result.mode, result.requests, result.v2_missing) == ("v1", 3, True)
    assert sorted(missing.v1) == ["2,2", "3,2"]
    assert sorted(result.signal_ids) == [-2, -1]


def test_run_paint_forced_v2_does_not_fall_back() -> None:
    plan = plan_paint({"KEY_Q": "red"}, SPEC, local=True, method="v2")
    missing = Sender(v2_missing=True)
    with pytest.raises(NotFoundError, match=r"Cannot POST /api/2\.0/signals"):
        run_paint(plan, send_v2=missing.send_v2, send_v1=missing.send_v1, concurrency=1)
    assert missing.v1 == []


def test_arun_paint_fallback() -> None:
    plan = plan_paint({"KEY_Q": "red", "KEY_W": "red", "KEY_E": "red"}, SPEC, local=True)
    missing = Sender(v2_missing=True)

    async def send_v2(body: V2SignalCreate) -> int:
        return missing.send_v2(body)

    async def send_v1(body: SignalCreate) -> int:
        await asyncio.sleep(0)
        return missing.send_v1(body)

    result = asyncio.run(arun_paint(plan, send_v2=send_v2, send_v1=send_v1, concurrency=2))
    assert (result.mode, result.requests, len(result.signals)) == ("v1", 4, 3)


def _amap(fn: Any, items: list[int], limit: int) -> list[Any]:
    async def call(item: int) -> Any:
        return fn(item)

    return asyncio.run(amap_bounded(call, items, limit))


@pytest.mark.parametrize("bounded", [map_bounded, _amap], ids=["threads", "tasks"])
def test_map_bounded_keeps_order_runs_everything_and_raises_the_first_error(bounded: Any) -> None:
    assert bounded(lambda n: n * 2, list(range(20)), 5) == [n * 2 for n in range(20)]
    assert bounded(lambda n: n, [], 3) == []
    seen: list[int] = []

    def flaky(n: int) -> int:
        seen.append(n)
        if n in (3, 7):
            raise ValueError(f"bad {n}")
        return n

    with pytest.raises(ValueError, match="bad 3"):
        bounded(flaky, list(range(10)), 4)
    assert sorted(seen) == list(range(10))
    with pytest.raises(InputError, match="concurrency must be >= 1"):
        bounded(flaky, [1], 0)


# --- paging ---------------------------------------------------------------------------------


def _page(number: int, count: int, *, has_next: bool, total_pages: int = 3) -> SignalPage:
    content = [
        Signal(id=number * 10 + i, name="", pid="DK5QPID", zone_id="2,2", color="#F00",
               created_at=0, updated_at=0)
        for i in range(count)
    ]  # fmt: skip
    return SignalPage(content=content, size=count, sort="", has_next_page=has_next, page=number,
                      total_elements=count * total_pages, total_pages=total_pages)  # fmt: skip


def test_next_page_decisions() -> None:
    assert next_page(_page(0, 2, has_next=True), 0) == 1
    assert next_page(_page(2, 2, has_next=False), 2) is None
    assert next_page(_page(0, 0, has_next=True), 0) is None  # empty page: stop
    assert next_page(_page(0, 2, has_next=True), 1) is None  # server ignored `page`: stop
    assert next_page(_page(2, 2, has_next=True, total_pages=3), 2) is None  # past totalPages


def test_pager_fetches_lazily_and_stops() -> None:
    fetched: list[int] = []

    def fetch(number: int) -> SignalPage:
        fetched.append(number)
        return _page(number, 2, has_next=number < 2)

    pager = SignalPager(fetch)
    iterator = iter(pager)
    assert next(iterator).id == 0
    assert fetched == [0]
    assert [s.id for s in iterator] == [1, 10, 11, 20, 21]
    assert fetched == [0, 1, 2]
    assert [p.page for p in SignalPager(fetch, start_page=1).pages()] == [1, 2]
    assert len(list(SignalPager(fetch, max_pages=2))) == 4


def test_pager_survives_a_server_that_ignores_the_page_number() -> None:
    calls: list[int] = []

    def fetch(number: int) -> SignalPage:
        calls.append(number)
        return _page(0, 1, has_next=True, total_pages=0)

    assert [s.id for s in SignalPager(fetch)] == [0]  # page 0 again is not repeated
    assert calls == [0, 1]


def test_async_pager() -> None:
    async def fetch(number: int) -> SignalPage:
        return _page(number, 1, has_next=number < 2)

    async def run() -> tuple[list[int], list[int]]:
        pager = AsyncSignalPager(fetch)
        ids = [s.id for s in await pager.to_list()]
        return ids, [p.page async for p in AsyncSignalPager(fetch, max_pages=2).pages()]

    assert asyncio.run(run()) == ([0, 10, 20], [0, 1])


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"start_page": -1}, "start_page"), ({"max_pages": 0}, "max_pages"),
])  # fmt: skip
def test_pager_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        SignalPager(lambda n: _page(n, 1, has_next=False), **kwargs)
