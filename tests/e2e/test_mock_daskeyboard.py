"""The Das Keyboard Q mocks (cloud and local) over real loopback sockets."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from kbapi.mock.daskeyboard import (
    DEMO_ACCOUNT,
    DEMO_API_KEY,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_CODE,
    DEMO_EMAIL,
    DEMO_LOGIN_TOKEN,
    DEMO_PASSWORD,
    OTHER_ACCOUNT,
    QMockConfig,
    create_cloud_app,
    create_local_app,
)
from kbapi.testing import SimClock, serve

DEMO = {"X-API-KEY": DEMO_API_KEY}
OTHER = {"X-API-KEY": OTHER_ACCOUNT.api_key}
SIGNAL = {"name": "Build", "pid": "DK5QPID", "zoneId": "KEY_Q", "color": "#FF0000"}
CLOUD_APP = create_cloud_app()
LOCAL_APP = create_local_app(QMockConfig(local_quota_per_second=0))


@pytest.fixture(scope="module")
def cloud_url() -> Iterator[str]:
    with serve(CLOUD_APP) as url:
        yield url


@pytest.fixture(scope="module")
def local_url() -> Iterator[str]:
    with serve(LOCAL_APP) as url:
        yield url


@pytest.fixture
def cloud(cloud_url: str) -> Iterator[httpx.Client]:
    CLOUD_APP.state.mock.reset()
    CLOUD_APP.state.mock.store.clock = time.time
    with httpx.Client(base_url=f"{cloud_url}/api/1.0", headers=DEMO, timeout=10) as client:
        yield client


@pytest.fixture
def local(local_url: str) -> Iterator[httpx.Client]:
    LOCAL_APP.state.mock.reset()
    with httpx.Client(base_url=local_url, timeout=10) as client:
        yield client


def token(base: str, **fields: Any) -> httpx.Response:
    return httpx.post(f"{base}/oauth/1.4/token", json=fields, timeout=10)


def create(client: httpx.Client, **fields: Any) -> dict[str, Any]:
    response = client.post("/signals", json={**SIGNAL, **fields})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# --- cloud: authentication -----------------------------------------------------------------


def test_cloud_requires_credentials(cloud: httpx.Client) -> None:
    missing = cloud.get("/devices", headers={"X-API-KEY": ""})
    assert missing.status_code == 401
    assert missing.json()["code"] == 401 and "X-API-KEY" in missing.json()["message"]
    wrong = cloud.get("/devices", headers={"X-API-KEY": "nope"})
    assert wrong.status_code == 401 and wrong.json() == {"code": 401, "message": "invalid API key"}
    bearer = cloud.get("/devices", headers={"X-API-KEY": "", "Authorization": "Bearer nope"})
    assert bearer.status_code == 401 and "invalid access token" in bearer.json()["message"]
    assert cloud.get("/devices").status_code == 200


@pytest.mark.parametrize(
    "fields",
    [
        {"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID,
         "client_secret": DEMO_CLIENT_SECRET},
        {"grant_type": "password", "email": DEMO_EMAIL, "password": DEMO_PASSWORD},
        {"grant_type": "authorization_code", "client_id": DEMO_CLIENT_ID, "code": DEMO_CODE},
    ],
)  # fmt: skip
def test_each_grant_issues_a_working_token(cloud_url: str, fields: dict[str, str]) -> None:
    issued = token(cloud_url, **fields)
    assert issued.status_code == 200, issued.text
    body = issued.json()
    assert set(body) == {"access_token", "refresh_token", "user_id", "expires_in"}
    assert body["user_id"] == DEMO_ACCOUNT.user_id and body["expires_in"] == 86400
    me = httpx.get(
        f"{cloud_url}/api/1.0/users/me",
        headers={"Authorization": f"Bearer {body['access_token']}"},
    )
    assert me.json() == {"id": DEMO_ACCOUNT.user_id, "email": DEMO_EMAIL}


def test_token_accepts_form_encoding_and_query(cloud_url: str) -> None:
    form = httpx.post(
        f"{cloud_url}/oauth/1.4/token",
        data={"grant_type": "password", "email": DEMO_EMAIL, "password": DEMO_PASSWORD},
    )
    assert form.status_code == 200 and form.json()["user_id"] == 1
    query = httpx.post(
        f"{cloud_url}/oauth/1.4/token",
        params={"grant_type": "authorization_code", "client_id": DEMO_CLIENT_ID, "code": DEMO_CODE},
    )
    assert query.status_code == 200 and query.json()["user_id"] == 1


def test_token_errors(cloud_url: str) -> None:
    bad_grant = token(cloud_url, grant_type="implicit")
    assert bad_grant.status_code == 400 and "grant_type" in bad_grant.json()["message"]
    missing = token(cloud_url, grant_type="password", email=DEMO_EMAIL)
    assert missing.status_code == 400 and "password" in missing.json()["message"]
    wrong = token(cloud_url, grant_type="password", email=DEMO_EMAIL, password="x")
    assert wrong.status_code == 401 and wrong.json()["code"] == 401
    bad_json = httpx.post(f"{cloud_url}/oauth/1.4/token", content=b"{nope")
    assert bad_json.status_code == 400 and bad_json.json()["code"] == 400


def test_refresh_rotates_the_refresh_token(cloud_url: str) -> None:
    first = token(
        cloud_url,
        grant_type="client_credentials",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    ).json()
    refreshed = token(
        cloud_url,
        grant_type="refresh_token",
        client_id=DEMO_CLIENT_ID,
        refresh_token=first["refresh_token"],
    )
    assert refreshed.status_code == 200
    assert refreshed.json()["access_token"] != first["access_token"]
    reused = token(
        cloud_url,
        grant_type="refresh_token",
        client_id=DEMO_CLIENT_ID,
        refresh_token=first["refresh_token"],
    )
    assert reused.status_code == 401
    foreign = token(
        cloud_url,
        grant_type="refresh_token",
        client_id=OTHER_ACCOUNT.client_id,
        refresh_token=refreshed.json()["refresh_token"],
    )
    assert foreign.status_code == 401


def test_access_token_expires() -> None:
    clock = SimClock()
    app = create_cloud_app(QMockConfig(token_lifetime=1), clock=clock)
    with serve(app) as url:
        issued = token(url, grant_type="password", email=DEMO_EMAIL, password=DEMO_PASSWORD)
        assert issued.json()["expires_in"] == 1
        headers = {"Authorization": f"Bearer {issued.json()['access_token']}"}
        clock.advance(0.9)
        assert httpx.get(f"{url}/api/1.0/colors", headers=headers).status_code == 200
        clock.advance(0.1)
        expired = httpx.get(f"{url}/api/1.0/colors", headers=headers)
        assert expired.status_code == 401
        assert expired.json() == {"code": 401, "message": "access token expired"}


def test_revoking_a_client_drops_its_tokens(cloud: httpx.Client, cloud_url: str) -> None:
    access = token(
        cloud_url,
        grant_type="client_credentials",
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
    ).json()["access_token"]
    names = [item["name"] for item in cloud.get("/users/authorized_clients").json()]
    assert names == ["User_1", "Desktop App"]
    assert cloud.post("/users/revoke_client", json={"name": "User_1"}).status_code == 200
    assert [c["name"] for c in cloud.get("/users/authorized_clients").json()] == ["Desktop App"]
    bearer = {"X-API-KEY": "", "Authorization": f"Bearer {access}"}
    assert cloud.get("/colors", headers=bearer).status_code == 401
    assert cloud.post("/users/revoke_client", json={"name": "User_1"}).status_code == 404


def test_api_key_from_one_time_login_token(cloud: httpx.Client) -> None:
    got = cloud.post("/users/api_key", json={"oneTimeLoginToken": DEMO_LOGIN_TOKEN}, headers={})
    assert got.json() == {"value": DEMO_API_KEY}
    assert cloud.post("/users/api_key", json={"oneTimeLoginToken": "x"}).status_code == 401


# --- cloud: signals ------------------------------------------------------------------------


def test_create_json_rewrites_key_code_with_notice(cloud: httpx.Client) -> None:
    body = create(cloud, clientName="CI")
    assert body["id"] >= 1 and body["userId"] == 1
    assert body["zoneId"] == "74"
    assert body["clientName"] == (
        f"NOTICE: zoneId automatically converted from KEY_Q to 74. 1 {DEMO_EMAIL} CI"
    )
    assert body["createdAt"] == body["updatedAt"] > 1_500_000_000_000
    assert body["isRead"] is False and body["readAt"] is None and body["effect"] == "SET_COLOR"


def test_create_form_encoded_and_ids_increase(cloud: httpx.Client) -> None:
    first = create(cloud, zoneId="2,2")
    form = cloud.post("/signals", data={**SIGNAL, "zoneId": "3,3", "isMuted": "true", "x": "1"})
    assert form.status_code == 200, form.text
    assert form.json()["isMuted"] is True and form.json()["zoneId"] == "3,3"
    assert form.json()["id"] > first["id"] > 0


def test_key_codes_are_kept_when_rewriting_is_off() -> None:
    with serve(create_cloud_app(QMockConfig(rewrite_key_codes=False))) as url:
        response = httpx.post(f"{url}/api/1.0/signals", json=SIGNAL, headers=DEMO)
        assert response.json()["zoneId"] == "KEY_Q" and response.json()["clientName"] is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": None}, "name"),
        ({"pid": None}, "pid"),
        ({"zoneId": None}, "zoneId"),
        ({"color": None}, "color"),
        ({"color": "red"}, "color"),
        ({"color": "#FF00"}, "color"),
        ({"color": "#FFF\n"}, "color"),
        ({"zoneId": "Q"}, "zoneId"),
        ({"zoneId": 74}, "zoneId"),
        ({"action": "no action"}, "action"),
        ({"isRead": "yes"}, "isRead"),
        ({"name": ["x"]}, "name"),
        ({"pid": "nope"}, "pid"),
    ],
)
def test_create_validation(cloud: httpx.Client, change: dict[str, Any], field: str) -> None:
    payload = {k: v for k, v in {**SIGNAL, **change}.items() if v is not None}
    response = cloud.post("/signals", json=payload)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == 422 and response.json()["message"].startswith(f"{field}:")


def test_create_for_an_unknown_device_is_not_found(cloud: httpx.Client) -> None:
    # A well-formed pid of no device: 404, as for a pid in the path or the query.
    response = cloud.post("/signals", json={**SIGNAL, "pid": "NOPE"})
    assert response.status_code == 404 and response.json()["code"] == 404


@pytest.mark.parametrize(
    "content", [b"", b"{bad", b"[1, 2]", b'"text"', b'{"name": NaN}', b"[" * 60_000]
)
def test_create_rejects_bad_bodies(cloud: httpx.Client, content: bytes) -> None:
    response = cloud.post("/signals", content=content, headers={"content-type": "application/json"})
    assert response.status_code in (400, 413)
    assert response.json()["code"] == response.status_code


def test_create_rejects_huge_bodies_and_survives_unicode(cloud: httpx.Client) -> None:
    huge = cloud.post("/signals", json={**SIGNAL, "message": "x" * 100_000})
    assert huge.status_code == 413 and huge.json()["code"] == 413
    unicode = create(cloud, name="Строка ✓ 🎹", message="é\u0000", extra={"unknown": True})
    assert unicode["name"] == "Строка ✓ 🎹" and "extra" not in unicode
    assert cloud.get("/signals/pid/DK5QPID/zoneId/KÉY/color").status_code == 400


def test_signals_are_per_user(cloud: httpx.Client) -> None:
    mine = create(cloud)
    assert cloud.get("/signals", headers=OTHER).json()["totalElements"] == 0
    assert cloud.get("/signals/shadows", headers=OTHER).json() == []
    patch = cloud.patch(f"/signals/{mine['id']}/status", json={"isRead": True}, headers=OTHER)
    assert patch.status_code == 404 and patch.json()["code"] == 404
    assert cloud.delete(f"/signals/{mine['id']}", headers=OTHER).status_code == 404
    assert cloud.delete("/signals/pid/DK5QPID/zoneId/KEY_Q", headers=OTHER).status_code == 200
    assert cloud.get("/signals").json()["totalElements"] == 1


def test_list_envelope_paging_and_sorting(cloud: httpx.Client) -> None:
    ids = [create(cloud, zoneId=f"{x},1")["id"] for x in range(1, 6)]
    first = cloud.get("/signals", params={"pid": "DK5QPID", "page": 0, "size": 2})
    assert first.json() == {
        "content": first.json()["content"],
        "size": 2,
        "sort": "createdAt: ASC,zoneId: ASC",
        "hasNextPage": True,
        "page": 0,
        "totalElements": 5,
        "totalPages": 3,
    }
    assert [s["id"] for s in first.json()["content"]] == ids[:2]
    last = cloud.get("/signals", params={"page": 2, "size": 2}).json()
    assert last["hasNextPage"] is False and [s["id"] for s in last["content"]] == ids[4:]
    newest = cloud.get("/signals", params={"sort": "createdAt,DESC", "size": 50}).json()
    assert newest["sort"] == "createdAt: DESC"
    created = [s["createdAt"] for s in newest["content"]]
    assert created == sorted(created, reverse=True)
    by_id = cloud.get("/signals", params={"sort": "id,DESC"}).json()
    assert [s["id"] for s in by_id["content"]] == ids[::-1]
    assert cloud.get("/signals", params={"pid": "NOPE"}).status_code == 404


@pytest.mark.parametrize(
    "params", [{"page": -1}, {"page": "x"}, {"size": 0}, {"size": 5000}, {"sort": "bogus,ASC"}]
)
def test_list_rejects_bad_paging(cloud: httpx.Client, params: dict[str, Any]) -> None:
    response = cloud.get("/signals", params=params)
    assert response.status_code == 400 and response.json()["code"] == 400


def test_signals_after_epoch(cloud: httpx.Client) -> None:
    clock = CLOUD_APP.state.mock.store.clock = SimClock()  # the cloud fixture restores it
    old = create(cloud)
    clock.advance(0.01)
    new = create(cloud, zoneId="KEY_W")
    after = cloud.get(f"/signals/after/{old['createdAt']}").json()
    assert [s["id"] for s in after["content"]] == [new["id"]]
    assert cloud.get("/signals/after/0").json()["totalElements"] == 2
    assert cloud.get("/signals/after/yesterday").status_code == 400


def test_status_patch(cloud: httpx.Client) -> None:
    signal = create(cloud)
    # A body without flags (or with null flags) changes nothing.
    for body in ({}, {"isRead": None, "name": "x"}):
        same = cloud.patch(f"/signals/{signal['id']}/status", json=body)
        assert same.status_code == 200 and same.json() == signal
    # Only the three flags are applied; the other fields of a whole signal are ignored.
    whole = {**signal, "isRead": True, "name": "renamed", "color": "not a colour", "id": None}
    read = cloud.patch(f"/signals/{signal['id']}/status", json=whole)
    assert read.status_code == 200
    assert read.json()["isRead"] is True and read.json()["readAt"] >= signal["createdAt"]
    assert read.json()["name"] == "Build" and read.json()["color"] == signal["color"]
    archived = cloud.patch(f"/signals/{signal['id']}/status", data={"isArchived": "true"})
    assert archived.json()["isArchived"] is True
    assert cloud.get("/signals/shadows").json() == []
    assert cloud.get("/signals").json()["totalElements"] == 1
    bad = cloud.patch(f"/signals/{signal['id']}/status", json={"isMuted": "maybe"})
    assert bad.status_code == 422 and bad.json()["message"].startswith("isMuted:")
    assert cloud.patch("/signals/999/status", json={"isRead": True}).status_code == 404


def test_delete_by_id(cloud: httpx.Client) -> None:
    signal = create(cloud)
    deleted = cloud.delete(f"/signals/{signal['id']}")
    assert deleted.status_code == 200 and deleted.content == b""
    assert cloud.delete(f"/signals/{signal['id']}").status_code == 404
    assert CLOUD_APP.state.store.snapshot() == []


def test_shadows_compare_zone_forms_on_en_us(cloud: httpx.Client) -> None:
    create(cloud, zoneId="KEY_Q", color="#F00")
    create(cloud, zoneId="2,2", color="#0F0")
    latest = create(cloud, zoneId="74", color="#00F")
    create(cloud, zoneId="0,3", color="#FFF")
    create(cloud, zoneId="KEY_LIGHT_PIPE_LEFT", color="#ABC")
    shadows = cloud.get("/signals/shadows").json()
    assert [(s["zoneId"], s["color"]) for s in shadows] == [("74", "#00F"), ("24", "#ABC")]
    assert cloud.get("/signals/pid/DK5QPID/shadows").json() == shadows
    assert cloud.get("/signals/pid/X50QPID/shadows").json() == []
    legacy = cloud.get("/signals/shadows/DK5QPID").json()
    assert legacy["content"] == shadows and legacy["sort"] == "" and legacy["totalElements"] == 2
    for zone in ("KEY_Q", "2,2", "74"):
        assert cloud.get(f"/signals/pid/DK5QPID/zoneId/{zone}").json()["id"] == latest["id"]
        assert cloud.get(f"/signals/pid/DK5QPID/zoneId/{zone}/color").text == "#00F"
    assert cloud.get("/signals/pid/DK5QPID/zoneId/0,5/color").text == "#ABC"
    assert cloud.get("/signals/pid/NOPE/shadows").status_code == 404


def test_shadows_compare_zone_forms_on_fr_fr() -> None:
    with serve(create_cloud_app(QMockConfig(layout="fr-FR"))) as url:
        base = f"{url}/api/1.0"
        created = httpx.post(f"{base}/signals", json=SIGNAL, headers=DEMO).json()
        assert created["zoneId"] == "99"
        for zone in ("KEY_Q", "3,3", "99"):
            got = httpx.get(f"{base}/signals/pid/DK5QPID/zoneId/{zone}", headers=DEMO)
            assert got.json()["id"] == created["id"]
        assert httpx.get(f"{base}/signals/pid/DK5QPID/zoneId/2,2", headers=DEMO).status_code == 404
        layout = httpx.get(f"{base}/device_definitions", headers=DEMO).json()[0]["languageLayout"]
        assert layout["languageTag"] == "fr-FR" and layout["languageId"] == 1036


def test_by_zone_get_color_and_delete(cloud: httpx.Client) -> None:
    missing = cloud.get("/signals/pid/DK5QPID/zoneId/KEY_Q")
    assert missing.status_code == 404 and missing.json()["code"] == 404
    empty = cloud.get("/signals/pid/DK5QPID/zoneId/KEY_Q/color")
    assert empty.text == "#000000" and empty.headers["content-type"].startswith("text/plain")
    assert cloud.get("/signals/DK5QPID/KEY_Q").json() == {"color": "#000000"}
    create(cloud, color="#FF0000")
    assert cloud.get("/signals/DK5QPID/2,2").json() == {"color": "#FF0000"}
    deleted = cloud.delete("/signals/pid/DK5QPID/zoneId/2,2")
    assert deleted.status_code == 200 and deleted.content == b""
    assert cloud.get("/signals/pid/DK5QPID/zoneId/74/color").text == "#000000"
    assert cloud.get("/signals").json()["totalElements"] == 0


def test_unknown_cloud_route_is_json_404(cloud: httpx.Client) -> None:
    response = cloud.get("/nope/at/all")
    assert response.status_code == 404 and response.json() == {"code": 404, "message": "Not Found"}
    assert cloud.put("/signals").status_code == 405


# --- cloud: metadata -----------------------------------------------------------------------


def test_metadata_endpoints(cloud: httpx.Client) -> None:
    definitions = cloud.get("/device_definitions").json()
    five_q = next(d for d in definitions if d["pid"] == "DK5QPID")
    layout = five_q["languageLayout"]
    assert layout["languageTag"] == "en-US" and len(layout["zones"]) == 110
    assert {"ledIds": [74], "id": 74, "code": "KEY_Q", "description": "Q"} in layout["zones"]
    devices = cloud.get("/devices").json()
    assert len(devices) == 1 and devices[0]["pid"] == "DK5QPID" and devices[0]["userId"] == 1
    assert cloud.get("/devices", headers=OTHER).json()[0]["userId"] == 2
    colors = cloud.get("/colors").json()
    assert {"code": "#F00", "name": "Red"} in colors
    assert all(len(c["code"]) == 4 and c["code"].startswith("#") for c in colors)
    zones = cloud.get("/DK5QPID/zones").json()
    assert {"id": 74, "code": "KEY_Q", "name": "Q"} in zones and len(zones) == 110
    effects = cloud.get("/DK5QPID/effects").json()
    assert len(effects) == 9 and {"code": "RIPPLE", "label": "Ripple"} in effects
    assert cloud.get("/NOPE/zones").status_code == 404
    assert cloud.get("/NOPE/effects").json()["code"] == 404


# --- local ---------------------------------------------------------------------------------


def test_local_health_and_express_404(local: httpx.Client) -> None:
    assert local.get("/api/1.0/").text == "Local api v1 running..."
    assert local.get("/api/2.0/").text == "Local api v2 running..."
    listing = local.get("/api/1.0/signals")
    assert listing.status_code == 404 and listing.headers["content-type"].startswith("text/html")
    assert "<pre>Cannot GET /api/1.0/signals</pre>" in listing.text
    assert "Cannot PUT /api/1.0/nope" in local.put("/api/1.0/nope").text


def test_local_signals_have_negative_ids(local: httpx.Client) -> None:
    first = local.post("/api/1.0/signals", json=SIGNAL).json()
    second = local.post("/api/1.0/signals", json={**SIGNAL, "pid": "Q_MATRIX"}).json()
    assert first["id"] < 0 and second["id"] < first["id"]
    assert first["userId"] is None and first["isComingFromPublicApiOnly"] is True
    assert first["zoneId"] == "KEY_Q" and "isRead" not in first
    assert first["zoneConfiguration"]["passiveEffect"] == {"name": 0, "color": "#FF0000"}
    assert second["pid"] == "Q_MATRIX"
    shadows = local.get("/api/1.0/signals/shadows").json()
    assert [s["id"] for s in shadows] == [second["id"]]
    assert local.get("/api/1.0/signals/pid/DK5QPID/shadows").json() == shadows
    assert local.get("/api/1.0/signals/pid/Q_MATRIX/shadows").json() == shadows
    deleted = local.delete(f"/api/1.0/signals/{second['id']}")
    assert deleted.status_code == 200 and deleted.content == b""
    assert [s["id"] for s in local.get("/api/1.0/signals/shadows").json()] == [first["id"]]
    assert local.delete(f"/api/1.0/signals/{second['id']}").status_code == 404


def test_local_by_zone(local: httpx.Client) -> None:
    base = "/api/1.0/signals/pid/DK5QPID/zoneId"
    assert local.get(f"{base}/74/color").text == "#000000"
    local.post("/api/1.0/signals", json={**SIGNAL, "zoneId": "2,2", "color": "#00FF00"})
    assert local.get(f"{base}/KEY_Q/color").text == "#00FF00"
    assert local.get(f"{base}/74").json()["zoneId"] == "2,2"
    assert local.delete(f"{base}/KEY_Q").status_code == 200
    assert local.get(f"{base}/2,2").status_code == 404
    assert LOCAL_APP.state.store.snapshot() == []


def test_local_validation_is_json(local: httpx.Client) -> None:
    bad = local.post("/api/1.0/signals", json={**SIGNAL, "color": "blue"})
    assert bad.status_code == 422 and bad.json()["message"].startswith("color:")
    not_json = local.post("/api/1.0/signals", content=b"\xff\xfe")
    assert not_json.status_code == 400 and not_json.json()["code"] == 400
    assert local.delete("/api/1.0/signals/abc").status_code == 400


def v2_body(zones: list[dict[str, str]], **extra: Any) -> dict[str, Any]:
    return {"actionValue": json.dumps(zones), "pid": "Q_MATRIX", "clientName": "applet-1", **extra}


def test_local_v2_multi_zone(local: httpx.Client) -> None:
    zones = [
        {"zoneId": "1,0", "effect": "SET_COLOR", "color": "#FF0000"},
        {"zoneId": "2,2", "effect": "BLINK", "color": "#00FF00"},
    ]
    created = local.post("/api/2.0/signals", json=v2_body(zones, name="Weather"))
    assert created.status_code == 200, created.text
    signal_id = created.json()["id"]
    assert signal_id < 0 and created.json()["action"] == "DRAW"
    shadows = local.get("/api/2.0/signals/shadows").json()
    assert [(s["id"], s["zoneId"], s["color"]) for s in shadows] == [
        (signal_id, "1,0", "#FF0000"),
        (signal_id, "2,2", "#00FF00"),
    ]
    assert local.get("/api/1.0/signals/pid/DK5QPID/zoneId/KEY_Q/color").text == "#00FF00"
    config = local.get("/api/2.0/zoneConfiguration/KEY_ESCAPE").json()
    assert config["passiveEffect"] == {"name": 0, "color": "#FF0000"}
    by_pid = local.get("/api/2.0/zoneConfiguration/pid/DK5QPID/zoneId/74").json()
    assert by_pid["passiveEffect"] == {"name": 1, "color": "#00FF00"}
    assert local.get(f"/api/2.0/signals/{signal_id}").json()["name"] == "Weather"
    assert local.get("/api/2.0/signals/applets/applet-1").json()["id"] == signal_id
    assert local.delete(f"/api/2.0/signals/{signal_id}").status_code == 200
    assert local.get("/api/2.0/signals/shadows").json() == []
    assert local.get(f"/api/2.0/signals/{signal_id}").status_code == 404


def test_local_v2_applet_delete(local: httpx.Client) -> None:
    for color in ("#111111", "#222222"):
        zones = [{"zoneId": "5,5", "effect": "SET_COLOR", "color": color}]
        local.post("/api/2.0/signals", json=v2_body(zones))
    assert local.get("/api/2.0/signals/applets/applet-1").json()["color"] == "#222222"
    assert local.delete("/api/2.0/signals/applets/applet-1").status_code == 200
    assert local.get("/api/2.0/signals/applets/applet-1").status_code == 404


@pytest.mark.parametrize(
    "action_value",
    [None, 5, "not json", "[]", '{"zoneId": "1,0"}', '[{"zoneId": "Q", "color": "#FFF"}]',
     '[{"zoneId": "1,0", "color": "red"}]', "[1]"],
)  # fmt: skip
def test_local_v2_rejects_bad_action_value(local: httpx.Client, action_value: Any) -> None:
    response = local.post("/api/2.0/signals", json={"actionValue": action_value})
    assert response.status_code == 400, response.text
    assert response.json()["code"] == 400 and "actionValue" in response.json()["message"]


def test_local_prefix_is_case_insensitive(local: httpx.Client) -> None:
    assert local.get("/apI/2.0/").text == "Local api v2 running..."


def test_local_quota_answers_over_quota() -> None:
    with serve(create_local_app()) as url, httpx.Client(base_url=url, timeout=10) as client:
        statuses: list[int] = []
        for _ in range(500):
            response = client.get("/api/1.0/")
            statuses.append(response.status_code)
            if response.status_code == 429:
                assert response.text == "Over quota"
                assert response.headers["content-type"].startswith("text/plain")
                break
        assert statuses[-1] == 429
        # The window holds 50 requests, so at least 50 succeed before the first refusal.
        assert statuses.count(200) >= 50


def test_local_starting_answers_500() -> None:
    with serve(create_local_app(QMockConfig(starting_seconds=600))) as url:
        response = httpx.get(f"{url}/api/1.0/")
        assert response.status_code == 500 and response.text == "Waiting for application to start"


def test_reset_forgets_signals(local: httpx.Client) -> None:
    local.post("/api/1.0/signals", json=SIGNAL)
    assert len(LOCAL_APP.state.store.snapshot()) == 1
    LOCAL_APP.state.mock.reset()
    assert LOCAL_APP.state.store.snapshot() == []
    assert local.post("/api/1.0/signals", json=SIGNAL).json()["id"] == -1
