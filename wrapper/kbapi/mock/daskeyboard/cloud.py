"""The Q cloud mock: `/api/1.0/...` (authenticated, per user) and `POST /oauth/1.4/token`.

Errors are JSON `{code, message}`: 400 bad body or query, 401 authentication, 404 unknown
route, signal, zone or pid, 405 wrong method, 413 body too large, 422 invalid field.
`POST /users/api_key` needs no header: its `oneTimeLoginToken` is the credential.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route
from starlette.types import Scope

from kbapi.mock.daskeyboard import catalog
from kbapi.mock.daskeyboard.auth import AuthStore
from kbapi.mock.daskeyboard.config import QAccount, QMockConfig
from kbapi.mock.daskeyboard.http import (
    ApiError,
    api_error,
    empty_response,
    error_response,
    is_form,
    json_response,
    parse_form,
    parse_int,
    parse_json_object,
    read_body,
    read_fields,
)
from kbapi.mock.daskeyboard.paging import SortedListings, envelope, page_request, single_page
from kbapi.mock.daskeyboard.shown import ShownSignals
from kbapi.mock.daskeyboard.store import Light, SignalStore
from kbapi.mock.daskeyboard.validation import SignalInput, signal_input, status_input
from kbapi.mock.daskeyboard.zones import FOUR_Q_PID, load_table

API = "/api/1.0"
Handler = Callable[[Request, QAccount], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


class CloudMock(ShownSignals):
    """State and handlers of one cloud mock instance (what is shown: `ShownSignals`)."""

    def __init__(self, config: QMockConfig, clock: Callable[[], float] | None = None) -> None:
        self.config = config
        self.table = load_table(config.layout)
        self.store = SignalStore(clock=clock or time.time)
        self.auth = AuthStore(config.accounts, config.token_lifetime, clock or time.monotonic)
        self.pids = catalog.known_pids(config.device_pid)
        self.listings = SortedListings()

    def reset(self) -> None:
        """Forget signals, tokens and revocations."""
        self.store.reset()
        self.auth.reset()

    # --- helpers -------------------------------------------------------------------------

    def _authed(self, handler: Handler) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            return await handler(request, self.auth.authenticate(request.headers))

        return endpoint

    def _pid(self, pid: str) -> str:
        if pid not in self.pids:
            raise ApiError(404, f"unknown device pid {pid!r} (known: {', '.join(self.pids)})")
        return pid

    def _route_pid(self, pid: str | None) -> tuple[str, str]:
        known = self._pid(str(pid))  # every cloud route of a zone or device has its pid
        return known, known

    def _page(
        self, request: Request, key: Any, items: Callable[[], list[dict[str, Any]]]
    ) -> Response:
        """One page of `items()` (the listing `key` names), sorted once per store change."""
        query = request.query_params
        paging = page_request(query.get("page"), query.get("size"), query.getlist("sort"))
        ordered = self.listings.get(key, self.store.version, paging.sort, items)
        return json_response(envelope(ordered, paging))

    # --- OAuth ---------------------------------------------------------------------------

    async def token(self, request: Request) -> Response:
        """`POST /oauth/1.4/token`; query parameters count too (documented code form)."""
        body = await read_body(request, self.config.max_body_bytes)
        fields: dict[str, Any] = dict(request.query_params)
        if is_form(request):
            fields.update(parse_form(body))
        elif body.strip():
            fields.update(parse_json_object(body))
        return json_response(self.auth.token(fields))

    # --- signals -------------------------------------------------------------------------

    def _signal_body(self, account: QAccount, signal: SignalInput) -> tuple[dict[str, Any], str]:
        zone_id, client_name = signal.zone_id, signal.client_name
        zone = self.table.by_code(zone_id) if zone_id.startswith("KEY_") else None
        if zone is not None and self.config.rewrite_key_codes and signal.pid != FOUR_Q_PID:
            zone_id = str(zone.linear)
            client_name = (
                f"NOTICE: zoneId automatically converted from {signal.zone_id} to {zone_id}. "
                f"{account.user_id} {account.email} {client_name or 'null'}"
            )
        body: dict[str, Any] = {
            "id": None,
            "name": signal.name,
            "message": signal.message if signal.message is not None else "",
            "zoneId": zone_id,
            "color": signal.color,
            "effect": signal.effect,
            "pid": signal.pid,
            "isArchived": signal.is_archived,
            "isRead": signal.is_read,
            "isMuted": signal.is_muted,
            "userId": account.user_id,
            "clientName": client_name,
            "readAt": None,
            "action": signal.action,
            "createdAt": None,
            "updatedAt": None,
        }
        return body, zone_id

    async def create_signal(self, request: Request, account: QAccount) -> Response:
        """`POST /signals` (JSON or form)."""
        form = is_form(request)
        fields = await read_fields(request, self.config.max_body_bytes, allow_form=True)
        signal = signal_input(fields, form=form)
        # Like a pid in the path or query: a well-formed pid of no device is not found.
        self._pid(signal.pid)
        body, shown_zone = self._signal_body(account, signal)
        zone = self.table.key(signal.zone_id, signal.pid)
        light = Light(signal.pid, zone, shown_zone, signal.color, signal.effect)
        stored = self.store.add(account.user_id, body, [light])
        if signal.is_read:
            stored.body["readAt"] = stored.body["createdAt"]
            self.store.touch()
        return json_response(stored.body)

    async def list_signals(self, request: Request, account: QAccount) -> Response:
        """`GET /signals?pid&page&size&sort`."""
        pid = request.query_params.get("pid")
        if pid is not None:
            self._pid(pid)
        owned = self.store.owned

        def items() -> list[dict[str, Any]]:
            bodies = (s.body for s in owned(account.user_id))
            return [body for body in bodies if pid is None or body["pid"] == pid]

        return self._page(request, ("signals", account.user_id, pid), items)

    async def signals_after(self, request: Request, account: QAccount) -> Response:
        """`GET /signals/after/{epochMillis}`: signals created strictly after that instant."""
        after = parse_int(request.path_params["epoch"], "epochMillis")
        owned = self.store.owned

        def items() -> list[dict[str, Any]]:
            return [s.body for s in owned(account.user_id) if s.body["createdAt"] > after]

        return self._page(request, ("after", account.user_id, after), items)

    async def patch_status(self, request: Request, account: QAccount) -> Response:
        """`PATCH /signals/{id}/status`: isRead / isArchived / isMuted; other fields are ignored."""
        signal = self._stored(request, account)
        form = is_form(request)
        flags = status_input(
            await read_fields(request, self.config.max_body_bytes, allow_form=True), form=form
        )
        if not flags:
            return json_response(signal.body)
        now = self.store.now_ms()
        if flags.get("isRead") is True and not signal.body["isRead"]:
            signal.body["readAt"] = now
        if flags.get("isRead") is False:
            signal.body["readAt"] = None
        signal.body.update(flags, updatedAt=now)
        self.store.touch()
        return json_response(signal.body)

    # --- the 2018 routes of what is shown (the others: `ShownSignals`) --------------------

    async def legacy_shadows(self, request: Request, account: QAccount) -> Response:
        """`GET /signals/shadows/{pid}`: the 2018 page envelope."""
        pid = self._pid(request.path_params["pid"])
        return json_response(single_page(self._shadows(account, pid)))

    async def legacy_color(self, request: Request, account: QAccount) -> Response:
        """`GET /signals/{pid}/{zoneId}`: `{"color": ...}`."""
        return json_response({"color": self._shown_color(request, account)})

    # --- metadata ------------------------------------------------------------------------

    async def authorized_clients(self, request: Request, account: QAccount) -> Response:
        """`GET /users/authorized_clients`."""
        return json_response([{"name": name} for name in self.auth.authorized_clients(account)])

    async def revoke_client(self, request: Request, account: QAccount) -> Response:
        """`POST /users/revoke_client` `{name}`."""
        fields = await read_fields(request, self.config.max_body_bytes, allow_form=True)
        name = fields.get("name")
        if not isinstance(name, str):
            raise ApiError(422, "name: is required")
        if not self.auth.revoke(account, name):
            raise ApiError(404, f"no authorized client named {name!r}")
        return empty_response()

    async def device_definitions(self, request: Request, account: QAccount) -> Response:
        """`GET /device_definitions`."""
        return json_response([catalog.definition(pid, self.table) for pid in self.pids])

    async def devices(self, request: Request, account: QAccount) -> Response:
        """`GET /devices`: one device per user."""
        return json_response([catalog.device(account, self.config.device_pid)])

    async def colors(self, request: Request, account: QAccount) -> Response:
        """`GET /colors`."""
        return json_response(catalog.colors())

    async def zones(self, request: Request, account: QAccount) -> Response:
        """`GET /{pid}/zones`."""
        self._pid(request.path_params["pid"])
        return json_response(self.table.zone_list())

    async def effects(self, request: Request, account: QAccount) -> Response:
        """`GET /{pid}/effects`."""
        self._pid(request.path_params["pid"])
        return json_response(catalog.effects())

    async def me(self, request: Request, account: QAccount) -> Response:
        """`GET /users/me`."""
        return json_response({"id": account.user_id, "email": account.email})

    async def api_key(self, request: Request) -> Response:
        """`POST /users/api_key` `{oneTimeLoginToken}` -> `{value}`."""
        fields = await read_fields(request, self.config.max_body_bytes, allow_form=True)
        token = fields.get("oneTimeLoginToken")
        if not isinstance(token, str):
            raise ApiError(422, "oneTimeLoginToken: is required")
        key = self.auth.api_key_for_login(token) if token else None
        if key is None:
            raise ApiError(401, "invalid oneTimeLoginToken")
        return json_response({"value": key})

    def routes(self) -> list[Route]:
        """The route table; specific paths before the legacy `/signals/{pid}/{zoneId}`."""
        a = self._authed
        zone = f"{API}/signals/pid/{{pid}}/zoneId/{{zoneId}}"
        table: list[tuple[str, Endpoint, str]] = [
            ("/oauth/1.4/token", self.token, "POST"),
            (f"{API}/users/authorized_clients", a(self.authorized_clients), "GET"),
            (f"{API}/users/revoke_client", a(self.revoke_client), "POST"),
            (f"{API}/users/me", a(self.me), "GET"),
            (f"{API}/users/api_key", self.api_key, "POST"),
            (f"{API}/device_definitions", a(self.device_definitions), "GET"),
            (f"{API}/devices", a(self.devices), "GET"),
            (f"{API}/colors", a(self.colors), "GET"),
            (f"{API}/signals", a(self.create_signal), "POST"),
            (f"{API}/signals", a(self.list_signals), "GET"),
            (f"{API}/signals/shadows", a(self.shadows), "GET"),
            (f"{API}/signals/after/{{epoch}}", a(self.signals_after), "GET"),
            (f"{API}/signals/shadows/{{pid}}", a(self.legacy_shadows), "GET"),
            (f"{API}/signals/pid/{{pid}}/shadows", a(self.pid_shadows), "GET"),
            (zone, a(self.zone_signal), "GET"),
            (zone, a(self.delete_zone), "DELETE"),
            (f"{zone}/color", a(self.zone_color), "GET"),
            (f"{API}/signals/{{id}}/status", a(self.patch_status), "PATCH"),
            (f"{API}/signals/{{id}}", a(self.delete_signal), "DELETE"),
            (f"{API}/signals/{{pid}}/{{zoneId}}", a(self.legacy_color), "GET"),
            (f"{API}/{{pid}}/zones", a(self.zones), "GET"),
            (f"{API}/{{pid}}/effects", a(self.effects), "GET"),
        ]
        return routes_by_path(table)


class SignalIdRoute(Route):
    """A route whose `{id}` never captures a literal sibling segment (`/signals/shadows`), so that
    e.g. `DELETE /signals/shadows` answers 405 (with `Allow: GET, HEAD`), not a 400 for the id."""

    RESERVED = frozenset({"shadows"})

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        if match is not Match.NONE and child["path_params"].get("id") in self.RESERVED:
            return Match.NONE, {}
        return match, child


def routes_by_path(table: list[tuple[str, Endpoint, str]]) -> list[Route]:
    """One route per path, dispatching on the method, so that a 405 lists every allowed method in
    `Allow` (Starlette's router reports only the first route's methods)."""
    handlers: dict[str, dict[str, Endpoint]] = {}
    for path, endpoint, method in table:
        handlers.setdefault(path, {})[method] = endpoint
    routes: list[Route] = []
    for path, by_method in handlers.items():
        kind = SignalIdRoute if "{id}" in path else Route
        routes.append(kind(path, _dispatch(by_method), methods=list(by_method)))
    return routes


def _dispatch(by_method: dict[str, Endpoint]) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await by_method[method](request)

    return endpoint


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "Not Found" if exc.status_code == 404 else str(exc.detail)
    return error_response(ApiError(exc.status_code, message, dict(exc.headers or {})))


def create_cloud_app(
    config: QMockConfig | None = None, *, clock: Callable[[], float] | None = None
) -> Starlette:
    """The cloud mock. `app.state.mock` is the `CloudMock` (`.reset()`, `.auth`), and
    `app.state.store` its `SignalStore` (`.reset()`, `.snapshot()`). `clock` (default: the
    real time) drives token expiry and the signals' timestamps (`kbapi.testing.SimClock`)."""
    mock = CloudMock(config or QMockConfig(), clock)
    app = Starlette(
        routes=mock.routes(),
        exception_handlers={ApiError: api_error, HTTPException: _http_error},
    )
    app.state.mock = mock
    app.state.store = mock.store
    return app
