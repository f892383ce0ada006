"""Explicit JSON nulls in Q request bodies, as real clients send them (issue 11).

Every optional request field may be `null` (= left out) on cloud v1, local v1 and local v2, a
signal read back from the mock can be posted again, and `PATCH .../status` applies the three
flags of a whole-signal body and ignores the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from kbapi._generated.q_api.models import SignalCreate, SignalStatusPatch, V2SignalCreate
from kbapi.mock.daskeyboard import (
    DEMO_API_KEY,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    QMockConfig,
    create_cloud_app,
    create_local_app,
)
from kbapi.testing import serve

SIGNAL = {"name": "Build", "pid": "DK5QPID", "zoneId": "KEY_Q", "color": "#FF0000"}
V1_OPTIONALS = (
    "action",
    "message",
    "effect",
    "clientName",
    "isRead",
    "isMuted",
    "isArchived",
    "shouldNotify",
)
V2_OPTIONALS = ("action", "clientName", "data", "link", "errors", "isMuted", "message", "name")
ZONES = '[{"zoneId":"1,0","effect":"BLINK","color":"#00FF00"}]'
V2_SIGNAL = {"pid": "Q_MATRIX", "actionValue": ZONES}
CLOUD_APP = create_cloud_app()
LOCAL_APP = create_local_app(QMockConfig(local_quota_per_second=0))


@pytest.fixture(scope="module")
def urls() -> Iterator[dict[str, str]]:
    with serve(CLOUD_APP) as cloud, serve(LOCAL_APP) as local:
        yield {"cloud": cloud, "local": local}


@pytest.fixture
def cloud(urls: dict[str, str]) -> Iterator[httpx.Client]:
    CLOUD_APP.state.mock.reset()
    headers = {"X-API-KEY": DEMO_API_KEY}
    with httpx.Client(base_url=urls["cloud"], headers=headers, timeout=10) as client:
        yield client


@pytest.fixture
def local(urls: dict[str, str]) -> Iterator[httpx.Client]:
    LOCAL_APP.state.mock.reset()
    with httpx.Client(base_url=urls["local"], timeout=10) as client:
        yield client


def ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("field", V1_OPTIONALS)
def test_cloud_v1_accepts_each_optional_field_as_null(cloud: httpx.Client, field: str) -> None:
    body = ok(cloud.post("/api/1.0/signals", json={**SIGNAL, field: None}))
    assert body["effect"] == "SET_COLOR" and body["message"] == ""
    assert body["isRead"] is False and body["isMuted"] is False and body["isArchived"] is False
    assert body["action"] is None and body["readAt"] is None


@pytest.mark.parametrize("field", V1_OPTIONALS)
def test_local_v1_accepts_each_optional_field_as_null(local: httpx.Client, field: str) -> None:
    body = ok(local.post("/api/1.0/signals", json={**SIGNAL, field: None}))
    assert body["effect"] == "SET_COLOR" and body["message"] == "" and body["clientName"] is None
    shadow = ok(local.get("/api/1.0/signals/pid/DK5QPID/zoneId/2,2"))
    assert shadow["id"] == body["id"] and shadow["color"] == "#FF0000"


def test_local_v2_accepts_every_optional_field_as_null(local: httpx.Client) -> None:
    nulls = dict.fromkeys(V2_OPTIONALS)
    body = ok(local.post("/api/2.0/signals", json={**V2_SIGNAL, **nulls}))
    assert body["action"] == "DRAW" and body["isMuted"] is True and body["errors"] == []
    assert body["clientName"] is None and body["name"] == "" and body["message"] == ""
    shadows = ok_list(local.get("/api/2.0/signals/shadows"))
    assert [(s["id"], s["zoneId"], s["effect"]) for s in shadows] == [(body["id"], "1,0", "BLINK")]


def test_local_v2_zone_effect_null_or_missing_is_set_color(local: httpx.Client) -> None:
    zones = '[{"zoneId":"1,0","effect":null,"color":"#00FF00"},{"zoneId":"2,0","color":"#0000FF"}]'
    body = ok(local.post("/api/2.0/signals", json={**V2_SIGNAL, "actionValue": zones}))
    shadows = ok_list(local.get("/api/2.0/signals/shadows"))
    assert {(s["id"], s["zoneId"], s["effect"]) for s in shadows} == {
        (body["id"], "1,0", "SET_COLOR"),
        (body["id"], "2,0", "SET_COLOR"),
    }
    mistyped = '[{"zoneId":"1,0","effect":7,"color":"#00FF00"}]'
    refused = local.post("/api/2.0/signals", json={**V2_SIGNAL, "actionValue": mistyped})
    assert refused.status_code == 400 and "effect" in refused.json()["message"]


def ok_list(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


def test_null_does_not_excuse_a_required_field(cloud: httpx.Client, local: httpx.Client) -> None:
    for field in ("name", "pid", "zoneId", "color"):
        refused = cloud.post("/api/1.0/signals", json={**SIGNAL, field: None})
        assert refused.status_code == 422 and refused.json()["message"].startswith(f"{field}:")
    refused = local.post("/api/2.0/signals", json={**V2_SIGNAL, "pid": None})
    assert refused.status_code == 422 and refused.json()["message"].startswith("pid:")
    mistyped = local.post("/api/2.0/signals", json={**V2_SIGNAL, "clientName": 7})
    assert mistyped.status_code == 422 and mistyped.json()["message"].startswith("clientName:")


def test_what_the_mocks_answer_can_be_posted_back(cloud: httpx.Client, local: httpx.Client) -> None:
    cloud_signal = ok(cloud.post("/api/1.0/signals", json=SIGNAL))
    assert cloud_signal["action"] is None and cloud_signal["readAt"] is None
    again = ok(cloud.post("/api/1.0/signals", json=cloud_signal))
    assert again["id"] != cloud_signal["id"] and again["zoneId"] == cloud_signal["zoneId"]
    local_signal = ok(local.post("/api/1.0/signals", json=SIGNAL))
    assert local_signal["clientName"] is None and local_signal["userId"] is None
    assert ok(local.post("/api/1.0/signals", json=local_signal))["id"] < local_signal["id"]
    v2 = ok(local.post("/api/2.0/signals", json=V2_SIGNAL))
    assert v2["clientName"] is None and v2["link"] is None and v2["data"] is None
    read = ok(local.get(f"/api/2.0/signals/{v2['id']}"))
    assert ok(local.post("/api/2.0/signals", json=read))["actionValue"] == ZONES


def test_patch_status_applies_the_flags_of_a_whole_signal(cloud: httpx.Client) -> None:
    signal = ok(cloud.post("/api/1.0/signals", json=SIGNAL))
    path = f"/api/1.0/signals/{signal['id']}/status"
    # The PHP client's body: the signal as read back, plus its own writes.
    whole = {**signal, "isRead": True, "isArchived": True, "name": "other", "zoneId": "KEY_A"}
    patched = ok(cloud.patch(path, json=whole))
    assert patched["isRead"] is True and patched["isArchived"] is True
    assert patched["readAt"] is not None and patched["updatedAt"] >= signal["updatedAt"]
    assert {k: patched[k] for k in ("name", "zoneId", "color")} == {
        k: signal[k] for k in ("name", "zoneId", "color")
    }
    # The C# client's body: every member written, the unset ones as null.
    csharp = {**dict.fromkeys(signal), "isMuted": True, "isRead": False, "isArchived": None}
    muted = ok(cloud.patch(path, json=csharp))
    assert (muted["isMuted"], muted["isRead"], muted["isArchived"]) == (True, False, True)
    assert muted["readAt"] is None and muted["name"] == "Build"
    bad = cloud.patch(path, json={**signal, "isMuted": "yes"})
    assert bad.status_code == 422 and bad.json()["message"].startswith("isMuted:")


def test_token_accepts_nulls_for_the_other_grants_fields(urls: dict[str, str]) -> None:
    fields = {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}
    nulls = dict.fromkeys(("email", "password", "code", "refresh_token"))
    body = {"grant_type": "client_credentials", **fields, **nulls}
    issued = httpx.post(f"{urls['cloud']}/oauth/1.4/token", json=body, timeout=10)
    assert issued.status_code == 200 and issued.json()["access_token"]
    missing = {**body, "client_secret": None}
    refused = httpx.post(f"{urls['cloud']}/oauth/1.4/token", json=missing, timeout=10)
    assert refused.status_code == 400 and "client_secret" in refused.json()["message"]


def test_generated_models_carry_nulls_both_ways() -> None:
    v1 = {**SIGNAL, **dict.fromkeys(V1_OPTIONALS)}
    parsed = SignalCreate.from_dict(v1)
    assert parsed.client_name is None and parsed.is_read is None and parsed.effect is None
    assert parsed.to_dict() == v1
    patch = SignalStatusPatch.from_dict({"isRead": None, "isMuted": True})
    assert patch.is_read is None and patch.to_dict() == {"isRead": None, "isMuted": True}
    v2 = {**V2_SIGNAL, **dict.fromkeys(V2_OPTIONALS)}
    parsed_v2 = V2SignalCreate.from_dict(v2)
    assert parsed_v2.client_name is None and parsed_v2.errors is None
    assert json.loads(json.dumps(parsed_v2.to_dict())) == v2
