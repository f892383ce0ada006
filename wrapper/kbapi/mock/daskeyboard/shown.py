"""The routes of what the keyboards show, served alike by both Q mocks: shadows, one zone's
signal or colour, deleting a zone or a signal. The mocks differ in whose signals a request sees
(the cloud's handlers get the `account`; locally there is none), in the pids a route takes
(`_route_pid`) and in a shadow entry (`_render`: locally with `zoneConfiguration`).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from kbapi.mock.daskeyboard.config import QAccount
from kbapi.mock.daskeyboard.http import (
    ApiError,
    empty_response,
    json_response,
    parse_int,
    text_response,
)
from kbapi.mock.daskeyboard.store import Light, SignalStore, StoredSignal
from kbapi.mock.daskeyboard.zones import ZoneTable, is_zone_id

NO_SIGNAL_COLOR = "#000000"


def owner(account: QAccount | None) -> int | None:
    """Whose signals `account` sees in the store (None: the local app's)."""
    return account.user_id if account is not None else None


class ShownSignals:
    """The routes of what is shown, over a mock's `table` and `store`."""

    table: ZoneTable
    store: SignalStore

    def _route_pid(self, pid: str | None) -> tuple[str | None, str]:
        """``(pid filter or None for every device, device pid)`` of a route's `{pid}`."""
        raise NotImplementedError

    def _render(self, signal: StoredSignal, light: Light) -> dict[str, Any]:
        return signal.render(light)

    def _zone(self, request: Request) -> tuple[str | None, str]:
        pid, device = self._route_pid(request.path_params.get("pid"))
        zone_id = request.path_params["zoneId"]
        if not is_zone_id(zone_id):
            raise ApiError(400, "zoneId must be KEY_<CODE>, a linear id like 74 or x,y like 2,2")
        return pid, self.table.key(zone_id, device)

    def _shown(self, request: Request, account: QAccount | None) -> tuple[StoredSignal, Light]:
        """The signal a zone displays, and its light there; 404 when the zone shows none."""
        pid, zone = self._zone(request)
        found = self.store.in_zone(owner(account), pid, zone)
        if found is None:
            raise ApiError(404, f"no signal in zone {request.path_params['zoneId']}")
        return found

    def _shown_color(self, request: Request, account: QAccount | None) -> str:
        pid, zone = self._zone(request)
        found = self.store.in_zone(owner(account), pid, zone)
        return found[1].color if found else NO_SIGNAL_COLOR

    def _shadows(self, account: QAccount | None, pid: str | None) -> list[dict[str, Any]]:
        return [self._render(*pair) for pair in self.store.shadows(owner(account), pid)]

    def _stored(self, request: Request, account: QAccount | None) -> StoredSignal:
        signal_id = parse_int(request.path_params["id"], "id")
        signal = self.store.get(signal_id, owner(account))
        if signal is None:
            raise ApiError(404, f"signal {signal_id} not found")
        return signal

    async def shadows(self, request: Request, account: QAccount | None = None) -> Response:
        """`GET /signals/shadows`: bare array, one entry per lit zone of every device."""
        return json_response(self._shadows(account, None))

    async def pid_shadows(self, request: Request, account: QAccount | None = None) -> Response:
        """`GET /signals/pid/{pid}/shadows`: bare array, one device."""
        pid = self._route_pid(request.path_params["pid"])[0]
        return json_response(self._shadows(account, pid))

    async def zone_signal(self, request: Request, account: QAccount | None = None) -> Response:
        """`GET /signals/pid/{pid}/zoneId/{zoneId}`: the displayed signal, 404 if none."""
        return json_response(self._render(*self._shown(request, account)))

    async def zone_color(self, request: Request, account: QAccount | None = None) -> Response:
        """`GET /signals/pid/{pid}/zoneId/{zoneId}/color`: text `#RRGGBB`."""
        return text_response(self._shown_color(request, account))

    async def delete_zone(self, request: Request, account: QAccount | None = None) -> Response:
        """`DELETE /signals/pid/{pid}/zoneId/{zoneId}`."""
        pid, zone = self._zone(request)
        self.store.remove_zone(owner(account), pid, zone)
        return empty_response()

    async def delete_signal(self, request: Request, account: QAccount | None = None) -> Response:
        """`DELETE /signals/{id}` (negative ids locally)."""
        self.store.remove(self._stored(request, account).id, owner(account))
        return empty_response()
