"""The QMK mock with live deviations answers the recorded real requests with the same shape.

Same shape: the same status, the same media type (except on redirects), and the same JSON type
tree (object keys, value types, `null`s). Routes are replayed as recorded; jobs are re-created
on the mock with the mock's trigger for the same outcome and read in the same state.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from kbapi._data import data_file
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.testing import serve

from tests.support.recorded import fixture, fixtures

# Recordings whose answer depends on the machine the real server ran on, not on its code.
NOT_COMPARED = {
    "get_keyboards": "keyboards.qmk.fm was unreachable from the recording machine",
    "kle_raw": "Flask >= 2.3 (unpinned at f5e9a630) 500s on every KLE success; pinned 2.1 did not",
    "kle2qmk_raw": "as kle_raw",
    "seeded_keyboards_planck_rev6_build_log": "the seed had no planck/rev6 entry; the mock has",
    "seeded_keyboards_error_log": "null on a fresh server, a stale array in production and [] "
    "on the mock (the spec allows both)",
    "kle_gist_id": "api.github.com was unreachable; the mock's gist store has this example id",
    "kle2qmk_gist_id": "as kle_gist_id",
}
# Routes whose JSON is a map keyed by keyboard name: compared by the shape of one entry.
MAPS = ("/v1/keyboards/build_status", "/v1/keyboards/build_log", "/v1/keyboards/build_summary")
# Build-result routes on an empty store: the mock's store is always filled (compared seeded).
EMPTY_STORE = "empty_"
# Values that differ by state, not by shape: the ping timestamps are null until the tasks loop
# and a ping job ran, which the mock simulates as always running.
STATE_KEYS = {"last_ping", "tasks_ping"}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def shape(value: Any, keyed_by_keyboard: bool = False) -> Any:
    """The JSON type tree of `value`; a map keyed by keyboard name collapses to one entry."""
    if isinstance(value, dict):
        if keyed_by_keyboard and value:
            return {"<keyboard>": shape(next(iter(value.values())))}
        return {k: shape(v) for k, v in value.items() if k not in STATE_KEYS}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def answer_shape(status: int, headers: Any, body: Any, path: str) -> tuple[Any, ...]:
    media = str(headers.get("content-type", "")).split(";")[0].strip()
    if 300 <= status < 400:
        return status, bool(headers.get("location"))
    return status, media, shape(body, path in MAPS)


def recorded_shape(item: dict[str, Any]) -> tuple[Any, ...]:
    response = item["response"]
    path = item["request"]["path"]
    return answer_shape(response["status"], response["headers"], response.get("json"), path)


def mock_shape(response: httpx.Response) -> tuple[Any, ...]:
    try:
        body = response.json()
    except ValueError:
        body = None
    return answer_shape(response.status_code, response.headers, body, response.url.path)


@pytest.fixture
def mock() -> Iterator[tuple[httpx.Client, Clock]]:
    clock = Clock()
    config = QMKMockConfig(live_deviations=True, queue_seconds=10, run_seconds=10)
    with serve(create_qmk_app(config, clock=clock)) as url, httpx.Client(base_url=url) as client:
        yield client, clock


def send(client: httpx.Client, item: dict[str, Any]) -> httpx.Response:
    request = item["request"]
    if "raw" in request:
        content = request["raw"].encode()
    else:
        content = None if "json" not in request else json.dumps(request["json"]).encode()
    return client.request(request["method"], request["path"], content=content)


ROUTES = [
    f
    for f in fixtures()
    if not f["request"]["path"].startswith("/v1/compile/")
    and not (f["request"]["path"] == "/v1/compile" and f["response"]["status"] == 200)
    and f["name"] not in NOT_COMPARED
    and not f["name"].startswith(EMPTY_STORE)
]


@pytest.mark.parametrize("item", ROUTES, ids=[f["name"] for f in ROUTES])
def test_mock_answers_a_recorded_route_with_the_same_shape(
    mock: tuple[httpx.Client, Clock], item: dict[str, Any]
) -> None:
    client, _ = mock
    assert mock_shape(send(client, item)) == recorded_shape(item)


def clueboard(keymap: str, **changes: Any) -> dict[str, Any]:
    data = json.loads(data_file("qmk_keymaps/clueboard_66_rev3_default.json").read_text())
    return {**data, "keymap": keymap, **changes}


# Recorded job -> the body that gives the same outcome on the mock (the stub and the mock
# choose outcomes by different keymap names).
JOBS: dict[str, dict[str, Any]] = {
    "ok": fixture("compile_ok")["request"]["json"],
    "fail": clueboard("fail", layers=[["KC_A"]]),
    "nofw": clueboard("__nofw__"),
    "unknown_kb": fixture("compile_unknown_keyboard")["request"]["json"],
    "rq_failed": fixture("compile_rq_failed")["request"]["json"],
    "exception": clueboard("__exception__"),
}
DOWNLOADS = ("download", "hex", "keymap", "source")


def submit(client: httpx.Client, body: dict[str, Any]) -> str:
    response = client.post("/v1/compile", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["job_id"])


@pytest.mark.parametrize("name", JOBS, ids=list(JOBS))
def test_mock_job_answers_like_the_recorded_job(
    mock: tuple[httpx.Client, Clock], name: str
) -> None:
    client, clock = mock
    job = submit(client, JOBS[name])
    clock.now += 15  # running
    assert mock_shape(client.get(f"/v1/compile/{job}")) == recorded_shape(
        fixture(f"{name}_status_running")
    )
    clock.now += 10  # done
    done = "failed" if name == "rq_failed" else "finished"
    assert mock_shape(client.get(f"/v1/compile/{job}")) == recorded_shape(
        fixture(f"{name}_status_{done}")
    )
    for route in DOWNLOADS:
        recorded = fixture(f"{name}_after_{route}")
        answer = client.get(f"/v1/compile/{job}/{route}")
        assert mock_shape(answer) == recorded_shape(recorded), route
        if "storage" in recorded:
            stored = httpx.get(str(client.base_url.join(answer.headers["location"])))
            assert stored.status_code == recorded["storage"]["status"], route


def test_mock_queued_job_and_early_downloads_answer_like_the_recorded_ones(
    mock: tuple[httpx.Client, Clock],
) -> None:
    client, _ = mock
    job = submit(client, JOBS["ok"])
    queued = client.get(f"/v1/compile/{job}")
    assert mock_shape(queued) == recorded_shape(fixture("late_status_queued"))
    for route in DOWNLOADS:
        answer = client.get(f"/v1/compile/{job}/{route}")
        assert mock_shape(answer) == recorded_shape(fixture(f"early_{route}")), route


def test_mock_unknown_and_expired_ids_answer_like_the_recorded_ones(
    mock: tuple[httpx.Client, Clock],
) -> None:
    client, clock = mock
    unknown = fixture("unknown_id_status")
    assert mock_shape(client.get(unknown["request"]["path"])) == recorded_shape(unknown)
    for route in DOWNLOADS:
        item = fixture(f"unknown_id_{route}")
        assert mock_shape(client.get(item["request"]["path"])) == recorded_shape(item)
    good, lost = submit(client, JOBS["ok"]), submit(client, JOBS["unknown_kb"])
    clock.now += 2000  # past both jobs' 500 s result TTL
    expired = client.get(f"/v1/compile/{good}")
    assert mock_shape(expired) == recorded_shape(fixture("expired_ok_status"))
    gone = client.get(f"/v1/compile/{lost}")
    assert mock_shape(gone) == recorded_shape(fixture("expired_unknown_kb_status"))
