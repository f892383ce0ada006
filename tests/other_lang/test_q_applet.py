"""The official Das Keyboard Q applet SDK (npm `daskeyboard-applet`) against the local Q mock.

`applet/flows.js` drives the SDK's public signal API (DesktopApp.signal, signalError, handleFlash,
Signal.send, Signal.delete); each test runs one flow against a fresh local mock on a free loopback
port and checks the effect through the mock's own routes (shadows, get by id, the applet route),
not through the SDK's return values: its Signal.send() swallows HTTP errors. The SDK is pinned in
tools/node/package.json and installed by tools/node.sh; the tests skip, with the reason, only when
node/npm are missing or the npm registry cannot be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from kbapi.mock.daskeyboard import QMockConfig, create_local_app
from kbapi.testing import serve
from starlette.applications import Starlette

from tests.other_lang.helpers import ROOT, explain, node_problem
from tests.unit.spec_checks import load_spec

FLOWS = Path(__file__).resolve().parent / "applet" / "flows.js"
NODE_MODULES = ROOT / "build" / "node" / "node_modules"
# Independent of the SDK: the spec's documented effects (tests/unit/test_spec_daskeyboard_q.py
# holds them to the reference's list) and the 3x2 block flows.js paints.
DOCUMENTED_EFFECTS = load_spec("daskeyboard-q.yaml")["components"]["schemas"]["EffectName"][
    "examples"
]
BLOCK = {
    "5,1": "#FF0000",
    "6,1": "#00FF00",
    "7,1": "#0000FF",
    "5,2": "#FFFF00",
    "6,2": "#00FFFF",
    "7,2": "#FF00FF",
}
EXTENSION_ID = "kbapi-applet-flows"


@pytest.fixture(scope="module")
def sdk() -> Path:
    """The installed SDK package; skips when the pinned Node tools cannot be installed."""
    problem = node_problem()
    if problem:
        pytest.skip(f"applet SDK tests skipped: {problem}")
    pinned = json.loads((ROOT / "tools" / "node" / "package.json").read_text())
    installed = json.loads((NODE_MODULES / "daskeyboard-applet" / "package.json").read_text())
    assert installed["version"] == pinned["devDependencies"]["daskeyboard-applet"]
    return NODE_MODULES / "daskeyboard-applet"


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Starlette, str]]:
    app = create_local_app(QMockConfig(local_quota_per_second=0))
    with serve(app) as url:
        yield app, url


@pytest.fixture
def mock(server: tuple[Starlette, str]) -> Iterator[tuple[Starlette, httpx.Client]]:
    app, url = server
    app.state.mock.reset()
    with httpx.Client(base_url=url, timeout=10) as client:
        yield app, client


def drive(flow: str, client: httpx.Client, scratch: Path) -> dict[str, Any]:
    """Run one flow of flows.js against the mock; its `RESULT` JSON."""
    log = scratch / "applet.log"
    env = {
        **os.environ,
        "NODE_PATH": str(NODE_MODULES),
        "KBAPI_Q_LOCAL_URL": str(client.base_url).rstrip("/"),
        "KBAPI_APPLET_FLOW": flow,
        "KBAPI_APPLET_DIR": str(scratch),
        # The SDK's winston logger: into a file, so that stdout holds only the result.
        "loggingOptions": json.dumps({"winston": {}, "filename": str(log), "level": "info"}),
    }
    result = subprocess.run(
        ["node", str(FLOWS)],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    logged = log.read_text() if log.exists() else ""
    assert result.returncode == 0, explain(result) + "\nSDK log:\n" + logged[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert len(lines) == 1, result.stdout
    data: dict[str, Any] = json.loads(lines[0].removeprefix("RESULT "))
    return data


def shadows(client: httpx.Client) -> list[dict[str, Any]]:
    response = client.get("/api/2.0/signals/shadows")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


def lit(client: httpx.Client) -> dict[str, tuple[str, int]]:
    """What the keyboard shows: zone -> (colour, signal id)."""
    return {s["zoneId"]: (s["color"], s["id"]) for s in shadows(client)}


def signal(client: httpx.Client, signal_id: int) -> dict[str, Any]:
    response = client.get(f"/api/2.0/signals/{signal_id}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_multi_zone_signal_with_an_extension_id(
    sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path
) -> None:
    _, client = mock
    result = drive("multizone", client, tmp_path)
    assert result["status"] == 200 and result["id"] < 0
    assert lit(client) == {zone: (color, result["id"]) for zone, color in BLOCK.items()}
    stored = signal(client, result["id"])
    assert stored["clientName"] == EXTENSION_ID and stored["action"] == "DRAW"
    assert (stored["name"], stored["message"], stored["pid"]) == (
        "Weather",
        "Rain at 5 pm",
        "Q_MATRIX",
    )
    latest = client.get(f"/api/2.0/signals/applets/{EXTENSION_ID}")
    assert latest.status_code == 200 and latest.json()["id"] == result["id"]


def test_multi_zone_signal_without_an_extension_id(
    sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path
) -> None:
    app, client = mock
    result = drive("anonymous", client, tmp_path)
    shown = lit(client)
    assert {zone: shown[zone] for zone in BLOCK} == {
        zone: (color, result["appId"]) for zone, color in BLOCK.items()
    }
    assert [shown[f"{x},4"] for x in (5, 6, 7)] == [
        (color, result["directId"]) for color in ("#FF0000", "#00FF00", "#0000FF")
    ]
    # Sent without clientName (unconfigured applet) and with clientName: null (Signal.send, whose
    # Signal was built with an extensionId option the SDK drops).
    assert signal(client, result["appId"])["clientName"] is None
    assert signal(client, result["directId"])["clientName"] is None
    assert len(app.state.store.snapshot()) == 2


def test_every_effect(sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path) -> None:
    _, client = mock
    result = drive("effects", client, tmp_path)
    assert result["effects"] == DOCUMENTED_EFFECTS
    effects = {s["zoneId"]: s["effect"] for s in shadows(client)}
    assert effects == {f"{x},3": name for x, name in enumerate(DOCUMENTED_EFFECTS, start=1)}
    config = client.get("/api/2.0/zoneConfiguration/pid/DK5QPID/zoneId/9,3")
    assert config.status_code == 200 and config.json()["passiveEffect"]["color"] == "#123456"


def test_error_signal(sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path) -> None:
    _, client = mock
    result = drive("error", client, tmp_path)
    assert lit(client) == {zone: ("#FF0000", result["id"]) for zone in BLOCK}
    stored = signal(client, result["id"])
    assert stored["action"] == "ERROR" and stored["errors"] == [
        "Service unreachable",
        "retry later",
    ]
    assert stored["clientName"] == EXTENSION_ID


def test_flash_then_the_latest_signal_again(
    sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path
) -> None:
    app, client = mock
    result = drive("flash", client, tmp_path)
    stored = app.state.store.snapshot()
    assert [s["action"] for s in stored] == ["DRAW", "FLASH", "DRAW"]
    flash = stored[1]
    assert flash["clientName"] is None and flash["isMuted"] is False
    assert {item["color"] for item in json.loads(flash["actionValue"])} == {"#000000"}
    resent = stored[2]["id"]
    assert resent not in (result["id"], flash["id"])
    # After the flash the keyboard shows the latest signal again, under its new id.
    assert lit(client) == {zone: (color, resent) for zone, color in BLOCK.items()}


def test_delete_by_id_and_by_signal_object(
    sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path
) -> None:
    app, client = mock
    result = drive("delete", client, tmp_path)
    gone = (result["deletedById"], result["deletedByObject"])
    assert len(set(gone)) == 2 and result["kept"] not in gone
    for signal_id in gone:
        assert client.get(f"/api/2.0/signals/{signal_id}").status_code == 404
    assert lit(client) == {zone: ("#333333", result["kept"]) for zone in BLOCK}
    assert [s["id"] for s in app.state.store.snapshot()] == [result["kept"]]


def test_a_refused_signal_is_swallowed_by_the_sdk(
    sdk: Path, mock: tuple[Starlette, httpx.Client], tmp_path: Path
) -> None:
    _, client = mock
    # The mock answers 400 (not a colour); the SDK only logs it and resolves to undefined.
    assert drive("refused", client, tmp_path) == {"resolved": "undefined"}
    assert shadows(client) == []
    assert "Error sending signal" in (tmp_path / "applet.log").read_text()
