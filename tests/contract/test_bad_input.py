"""Hostile bodies against every body-taking operation of the mocks, in process.

Bad JSON, an empty body, deep nesting, a body over the cap, NaN, a 5000-digit number, wrong types,
Latin-1 bytes and lone surrogates (`"\\ud800"` is JSON but not Unicode): each answer must be a
status the spec documents for the operation, below 500, with a JSON `{code, message}` error body.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from kbapi.mock.daskeyboard import DEMO_API_KEY, QMockConfig, create_cloud_app, create_local_app
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app

from tests.support.contract import q_target_spec, spec

SURROGATE = "\ud800"
STRING_FIELDS = (
    "keyboard", "keymap", "layout", "raw", "id", "name", "pid", "zoneId", "color", "effect",
    "message", "clientName", "actionValue", "grant_type", "client_id", "client_secret", "email",
    "password", "code", "refresh_token", "oneTimeLoginToken",
)  # fmt: skip
WRONG_TYPES = {field: [1, {"a": None}] for field in STRING_FIELDS} | {"layers": "x", "isRead": 2}
HOSTILE: dict[str, bytes] = {
    "not-json": b"{bad",
    "empty": b"",
    "deeply-nested": b"[" * 100_000,
    "over-the-cap": b"x" * (2 * 1024 * 1024),
    "nan": b'{"name": NaN}',
    "huge-number": b'{"name": ' + b"9" * 5000 + b"}",
    "wrong-types": json.dumps(WRONG_TYPES).encode(),
    "latin-1": '{"name": "Caf\xe9"}'.encode("latin-1"),
    "lone-surrogates": json.dumps({f: f"{SURROGATE}x" for f in STRING_FIELDS}).encode(),
    "valid-but-surrogates": json.dumps(
        {
            **{f: SURROGATE for f in ("name", "message", "clientName", "effect", "keymap")},
            **{"pid": "DK5QPID", "zoneId": "KEY_Q", "color": "#F00", "raw": f'["{SURROGATE}"]'},
            "actionValue": json.dumps([{"zoneId": "1,0", "color": "#F00", "effect": SURROGATE}]),
            **{"grant_type": "password", "email": SURROGATE, "password": "x"},
            **{"oneTimeLoginToken": SURROGATE, "isRead": True},
            **{"keyboard": "handwired/onekey/kb2040", "layout": "LAYOUT_ortho_1x1"},
            "layers": [["KC_A"]],
        }
    ).encode(),
}
SIGNAL = {"name": "n", "pid": "DK5QPID", "zoneId": "KEY_Q", "color": "#F00"}
APPS: dict[str, Any] = {
    "qmk": create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0)),
    "local": create_local_app(QMockConfig(local_quota_per_second=0)),
    "cloud": create_cloud_app(QMockConfig()),
}
SPECS = {"qmk": spec("qmk.yaml"), "local": q_target_spec("local"), "cloud": q_target_spec("cloud")}


def send(app: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request to a mock app, in process (the cloud one with the demo key)."""
    headers = {"X-API-KEY": DEMO_API_KEY, **kwargs.pop("headers", {})}

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=APPS[app])
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, path, headers=headers, **kwargs)

    return asyncio.run(go())


def body_operations() -> list[tuple[str, str, str]]:
    """(app, method, spec path) of every operation with a request body."""
    return [
        (app, method.upper(), path)
        for app, data in SPECS.items()
        for path, item in data["paths"].items()
        for method, operation in item.items()
        if "requestBody" in operation
    ]


def url(app: str, path: str) -> str:
    """The path with its `{id}` filled with a signal that exists."""
    if "{id}" not in path:
        return path
    created = send(app, "POST", "/api/1.0/signals", json=SIGNAL)
    return path.replace("{id}", str(created.json()["id"]))


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
@pytest.mark.parametrize(("app", "method", "path"), body_operations())
def test_hostile_bodies_get_documented_json_errors(
    app: str, method: str, path: str, content_type: str
) -> None:
    documented = SPECS[app]["paths"][path][method.lower()]["responses"]
    target = url(app, path)
    for name, content in HOSTILE.items():
        response = send(
            app, method, target, content=content, headers={"content-type": content_type}
        )
        where = f"{method} {path} with {name} as {content_type}: {response.status_code}"
        assert response.status_code < 500, where
        assert str(response.status_code) in documented, where
        if response.status_code >= 400:
            assert response.headers["content-type"].startswith("application/json"), where
            assert response.json()["code"] == response.status_code, where


def test_a_keymap_that_is_not_unicode_ends_as_a_worker_exception() -> None:
    keymap = {
        "keyboard": "handwired/onekey/kb2040",
        "keymap": f"mine{SURROGATE}",
        "layout": "LAYOUT_ortho_1x1",
        "layers": [["KC_A"]],
    }
    submitted = send("qmk", "POST", "/v1/compile", content=json.dumps(keymap).encode())
    assert submitted.status_code == 200
    job_id = submitted.json()["job_id"]
    job = send("qmk", "GET", f"/v1/compile/{job_id}").json()
    assert job["status"] == "finished" and job["is_failed"] is True
    assert job["result"]["returncode"] == -3
    assert job["result"]["exception"] == "UnicodeEncodeError"
    # Nothing was stored: the download handler crashes, as upstream's does for a job without
    # stored metadata (tests/fixtures/recorded/qmk/unknown_kb_after_keymap.json).
    download = send("qmk", "GET", f"/v1/compile/{job_id}/keymap")
    assert download.status_code == 500
    assert download.headers["content-type"].startswith("text/html")
