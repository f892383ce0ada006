"""The Q Desktop local mock: `/api/1.0` and `/api/2.0`, no authentication.

Like the Express server of Q Desktop: more than `local_quota_per_second` requests in the current
1-second window answer 429 `text/plain` `Over quota` (the counter resets every second, like
`setInterval`); during `starting_seconds` every request answers 500 `Waiting for application to
start`; unknown routes (and wrong methods) answer Express's 404 page `Cannot GET <path>`; the
`/api` prefix is case-insensitive. Bad bodies answer JSON `{code, message}` (400, 413, 422) and
unknown signal ids or empty zones 404 JSON. Signals get negative ids and `userId: null`; pid
`Q_MATRIX` means every device (here: the configured `device_pid`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from kbapi.mock.daskeyboard.catalog import EFFECTS
from kbapi.mock.daskeyboard.config import QMockConfig
from kbapi.mock.daskeyboard.http import (
    ApiError,
    api_error,
    empty_response,
    express_not_found,
    json_response,
    read_fields,
    text_response,
)
from kbapi.mock.daskeyboard.shown import ShownSignals
from kbapi.mock.daskeyboard.store import Light, SignalStore, StoredSignal
from kbapi.mock.daskeyboard.validation import (
    action_value,
    check_pid,
    field_value,
    signal_input,
    v2_action,
)
from kbapi.mock.daskeyboard.zones import load_table

V1 = "/api/1.0"
V2 = "/api/2.0"
ALL_DEVICES = "Q_MATRIX"
ACTIVE_EFFECT = {"name": 7, "color": "#636363"}


def zone_configuration(color: str, effect: str) -> dict[str, Any]:
    """The local `zoneConfiguration` (effect numbers are undocumented: index in the 9 effects)."""
    number = list(EFFECTS).index(effect) if effect in EFFECTS else 0
    return {"passiveEffect": {"name": number, "color": color}, "activeEffect": dict(ACTIVE_EFFECT)}


class LocalMock(ShownSignals):
    """State and handlers of one local mock instance (what is shown: `ShownSignals`)."""

    def __init__(self, config: QMockConfig, clock: Callable[[], float] | None = None) -> None:
        self.config = config
        self.table = load_table(config.layout)
        self.store = SignalStore(negative_ids=True, clock=clock or time.time)
        self.clock = clock or time.monotonic
        self.started_at = self.clock()
        self._window_start = self.started_at
        self._count = 0
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget signals and the quota counter (the start-up period is not replayed)."""
        self.store.reset()
        with self._lock:
            self._count = 0

    # --- gate ----------------------------------------------------------------------------

    def refusal(self) -> Response | None:
        """The start-up 500 or the quota 429, if this request gets one."""
        now = self.clock()
        if now - self.started_at < self.config.starting_seconds:
            return text_response("Waiting for application to start", 500)
        quota = self.config.local_quota_per_second
        if quota == 0:
            return None
        with self._lock:
            elapsed = int(now - self._window_start)
            if elapsed >= 1:
                self._window_start += elapsed
                self._count = 0
            self._count += 1
            over = self._count > quota
        return text_response("Over quota", 429) if over else None

    # --- helpers -------------------------------------------------------------------------

    def _device(self, pid: str) -> str:
        return self.config.device_pid if pid == ALL_DEVICES else pid

    def _light(self, pid: str, zone_id: str, color: str, effect: str) -> Light:
        device = self._device(pid)
        return Light(device, self.table.key(zone_id, device), zone_id, color, effect)

    def _route_pid(self, pid: str | None) -> tuple[str | None, str]:
        # No pid (v2 `zoneConfiguration/{zoneId}`) and Q_MATRIX: every device.
        pid = check_pid("pid", pid or ALL_DEVICES)
        return None if pid == ALL_DEVICES else pid, self._device(pid)

    def _render(self, signal: StoredSignal, light: Light) -> dict[str, Any]:
        """A shadow entry, with its zone's `zoneConfiguration`."""
        shown = signal.render(light)
        shown["zoneConfiguration"] = zone_configuration(light.color, light.effect)
        return shown

    # --- v1 ------------------------------------------------------------------------------

    async def health_v1(self, request: Request) -> Response:
        """`GET /api/1.0/`."""
        return text_response("Local api v1 running...")

    async def health_v2(self, request: Request) -> Response:
        """`GET /api/2.0/`."""
        return text_response("Local api v2 running...")

    async def create_v1(self, request: Request) -> Response:
        """`POST /api/1.0/signals` (JSON)."""
        fields = await read_fields(request, self.config.max_body_bytes, allow_form=False)
        signal = signal_input(fields)
        body: dict[str, Any] = {
            "zoneId": signal.zone_id,
            "color": signal.color,
            "effect": signal.effect,
            "pid": signal.pid,
            "clientName": signal.client_name,
            "message": signal.message if signal.message is not None else "",
            "name": signal.name,
            "id": None,
            "createdAt": None,
            "updatedAt": None,
            "isArchived": False,
            "isMuted": signal.is_muted,
            "userId": None,
            "zoneConfiguration": zone_configuration(signal.color, signal.effect),
            "isComingFromPublicApiOnly": True,
        }
        light = self._light(signal.pid, signal.zone_id, signal.color, signal.effect)
        return json_response(self.store.add(None, body, [light]).body)

    # --- v2 ------------------------------------------------------------------------------

    async def create_v2(self, request: Request) -> Response:
        """`POST /api/2.0/signals`: one signal lighting every zone of its `actionValue`."""
        fields = await read_fields(request, self.config.max_body_bytes, allow_form=False)
        action = v2_action(fields)
        paints = action_value(fields.get("actionValue"))
        pid = check_pid("pid", field_value(fields, "pid", str))
        errors = field_value(fields, "errors", list, [])
        if not all(isinstance(item, str) for item in errors):
            raise ApiError(422, "errors: must be a list of strings")
        link = field_value(fields, "link", dict, None)
        if link and not all(isinstance(link.get(k, ""), str) for k in ("url", "label")):
            raise ApiError(422, "link: url and label must be strings")
        first = paints[0]
        body: dict[str, Any] = {
            "action": action,
            "actionValue": fields["actionValue"],
            "clientName": field_value(fields, "clientName", str, None),
            "data": field_value(fields, "data", dict, None),
            "link": link,
            "errors": errors,
            "isMuted": field_value(fields, "isMuted", bool, True),
            "message": field_value(fields, "message", str, ""),
            "name": field_value(fields, "name", str, ""),
            "pid": pid,
            "zoneId": first.zone_id,
            "color": first.color,
            "effect": first.effect,
            "id": None,
            "createdAt": None,
            "updatedAt": None,
            "isArchived": False,
            "userId": None,
            "zoneConfiguration": zone_configuration(first.color, first.effect),
            "isComingFromPublicApiOnly": False,
        }
        lights = [self._light(pid, p.zone_id, p.color, p.effect) for p in paints]
        return json_response(self.store.add(None, body, lights).body)

    async def get_v2(self, request: Request) -> Response:
        """`GET /api/2.0/signals/{id}`."""
        return json_response(self._stored(request, None).body)

    def _applet_signals(self, request: Request) -> list[StoredSignal]:
        uuid = request.path_params["uuid"]
        return [s for s in self.store.owned(None) if s.body.get("clientName") == uuid]

    async def applet_signal(self, request: Request) -> Response:
        """`GET /api/2.0/signals/applets/{uuid}`: the applet's latest signal."""
        found = self._applet_signals(request)
        if not found:
            raise ApiError(404, f"no signal from applet {request.path_params['uuid']}")
        return json_response(found[-1].body)

    async def delete_applet(self, request: Request) -> Response:
        """`DELETE /api/2.0/signals/applets/{uuid}`: every signal of that applet."""
        for signal in self._applet_signals(request):
            self.store.remove(signal.id, None)
        return empty_response()

    async def zone_config(self, request: Request) -> Response:
        """`GET /api/2.0/zoneConfiguration[/pid/{pid}/zoneId]/{zoneId}`."""
        light = self._shown(request, None)[1]
        return json_response(zone_configuration(light.color, light.effect))

    def routes(self) -> list[Route]:
        """The route table of both versions."""
        zone = f"{V1}/signals/pid/{{pid}}/zoneId/{{zoneId}}"
        table: list[tuple[str, Callable[[Request], Any], str]] = [
            (V1, self.health_v1, "GET"),
            (f"{V1}/", self.health_v1, "GET"),
            (f"{V1}/signals", self.create_v1, "POST"),
            (f"{V1}/signals/shadows", self.shadows, "GET"),
            (f"{V1}/signals/pid/{{pid}}/shadows", self.pid_shadows, "GET"),
            (zone, self.zone_signal, "GET"),
            (zone, self.delete_zone, "DELETE"),
            (f"{zone}/color", self.zone_color, "GET"),
            (f"{V1}/signals/{{id}}", self.delete_signal, "DELETE"),
            (V2, self.health_v2, "GET"),
            (f"{V2}/", self.health_v2, "GET"),
            (f"{V2}/signals", self.create_v2, "POST"),
            (f"{V2}/signals/shadows", self.shadows, "GET"),
            (f"{V2}/signals/applets/{{uuid}}", self.applet_signal, "GET"),
            (f"{V2}/signals/applets/{{uuid}}", self.delete_applet, "DELETE"),
            (f"{V2}/signals/{{id}}", self.get_v2, "GET"),
            (f"{V2}/signals/{{id}}", self.delete_signal, "DELETE"),
            (f"{V2}/zoneConfiguration/pid/{{pid}}/zoneId/{{zoneId}}", self.zone_config, "GET"),
            (f"{V2}/zoneConfiguration/{{zoneId}}", self.zone_config, "GET"),
        ]
        return [Route(path, endpoint, methods=[method]) for path, endpoint, method in table]


class LocalGate:
    """ASGI middleware: case-insensitive `/api` prefix, start-up 500 and the quota 429."""

    def __init__(self, app: ASGIApp, mock: LocalMock) -> None:
        self.app = app
        self.mock = mock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path[1:4].lower() == "api" and path[1:4] != "api":
            scope = {**scope, "path": "/api" + path[4:]}
        refusal = self.mock.refusal()
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _not_found(request: Request, exc: Exception) -> Response:
    # Express has no 405: any unrouted method/path pair is "Cannot <METHOD> <path>".
    return express_not_found(request.method, request.url.path)


def create_local_app(
    config: QMockConfig | None = None, *, clock: Callable[[], float] | None = None
) -> Starlette:
    """The local mock. `app.state.mock` is the `LocalMock` (`.reset()`), and `app.state.store`
    its `SignalStore` (`.reset()`, `.snapshot()`). `clock` (default: the real time) drives the
    quota window, the start-up period and the signals' timestamps (`kbapi.testing.SimClock`)."""
    mock = LocalMock(config or QMockConfig(), clock)
    app = Starlette(
        routes=mock.routes(),
        middleware=[Middleware(LocalGate, mock=mock)],
        exception_handlers={ApiError: api_error, HTTPException: _not_found},
    )
    app.state.mock = mock
    app.state.store = mock.store
    return app
