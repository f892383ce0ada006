# Generated from wrapper/kbapi/daskeyboard/async_base.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""What every Q client has besides signals: properties, request plumbing, the cloud's metadata.

`QClient` inherits it from `QClientBase`. The metadata and user methods exist only in
the cloud (the local app raises `TargetError` before sending).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from kbapi._core.conform import conform
from kbapi._core.errors import InputError, NotFoundError
from kbapi._core.ops import call, parsed, read_json
from kbapi._lazy import defer

# The generated operations and models (attrs) and the signal logic load with the first client
# that uses them, not with this module: `from kbapi.daskeyboard import QClient` stays cheap.
if TYPE_CHECKING:
    from kbapi._core import client as core_client
    from kbapi._generated.q_api import models
    from kbapi._generated.q_api.api.devices import (
        list_colors,
        list_device_definitions,
        list_devices,
        list_effects,
        list_zones,
    )
    from kbapi._generated.q_api.api.shadows import get_shadows, get_shadows_by_pid
    from kbapi._generated.q_api.api.signals import list_signals
    from kbapi._generated.q_api.api.users import (
        get_current_user,
        list_authorized_clients,
        revoke_client,
    )
    from kbapi._generated.q_api.api.zone_signals import (
        delete_signal_by_zone,
        get_signal_by_zone,
        get_signal_color_by_zone,
        get_signal_color_legacy,
    )
    from kbapi._generated.q_api.client import AuthenticatedClient
    from kbapi._generated.q_api.models import (
        AuthorizedClient,
        Color,
        Device,
        DeviceDefinition,
        Signal,
        User,
    )
    from kbapi._generated.q_api.models import Effect as EffectInfo
    from kbapi._generated.q_api.models import Zone as ZoneInfo
    from kbapi.daskeyboard import _shared, responses, signals
    from kbapi.daskeyboard import reconcile as q_reconcile
    from kbapi.daskeyboard._shared import ClientCore
    from kbapi.daskeyboard.options import LayoutLike
    from kbapi.daskeyboard.signals import Shadow
    from kbapi.daskeyboard.targets import TargetKind
    from kbapi.daskeyboard.zones import Layout, ZoneLike
else:
    _OPS = "kbapi._generated.q_api.api"
    defer(
        globals(),
        core_client="kbapi._core.client",
        models="kbapi._generated.q_api.models",
        list_colors=f"{_OPS}.devices.list_colors",
        list_device_definitions=f"{_OPS}.devices.list_device_definitions",
        list_devices=f"{_OPS}.devices.list_devices",
        list_effects=f"{_OPS}.devices.list_effects",
        list_zones=f"{_OPS}.devices.list_zones",
        get_shadows=f"{_OPS}.shadows.get_shadows",
        get_shadows_by_pid=f"{_OPS}.shadows.get_shadows_by_pid",
        list_signals=f"{_OPS}.signals.list_signals",
        get_current_user=f"{_OPS}.users.get_current_user",
        list_authorized_clients=f"{_OPS}.users.list_authorized_clients",
        revoke_client=f"{_OPS}.users.revoke_client",
        delete_signal_by_zone=f"{_OPS}.zone_signals.delete_signal_by_zone",
        get_signal_by_zone=f"{_OPS}.zone_signals.get_signal_by_zone",
        get_signal_color_by_zone=f"{_OPS}.zone_signals.get_signal_color_by_zone",
        get_signal_color_legacy=f"{_OPS}.zone_signals.get_signal_color_legacy",
        _shared="kbapi.daskeyboard._shared",
        signals="kbapi.daskeyboard.signals",
        responses="kbapi.daskeyboard.responses",
        q_reconcile="kbapi.daskeyboard.reconcile",
    )

T = TypeVar("T")


class QClientBase:
    """The parts of a Q client that are not signals, over its `ClientCore` and generated client."""

    _core: ClientCore
    _http: httpx.Client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core!r})"

    @functools.cached_property
    def _api(self) -> AuthenticatedClient:
        """The generated client over `_http`, made on first use (the send path needs none)."""
        from kbapi._generated.q_api.client import AuthenticatedClient

        return core_client.wire(
            AuthenticatedClient(base_url=self._core.base_url, token=""), self._http
        )

    # --- properties --------------------------------------------------------

    @property
    def target(self) -> TargetKind:
        """``"local"`` or ``"cloud"``."""
        return self._core.target

    @property
    def base_url(self) -> str:
        """The host root requests go to."""
        return self._core.base_url

    @property
    def layout(self) -> Layout:
        """The default layout zones are checked and converted with."""
        return self._core.layout

    @property
    def pid(self) -> str:
        """The default device pid of signals."""
        return self._core.pid

    # --- plumbing ------------------------------------------------------------------------

    def _parsed(self, operation: Callable[..., Any], *args: Any, expect: type[T], **kw: Any) -> T:
        with self._core.hints():
            return parsed(
                operation, *args, client=self._api, expect=expect, rules=responses.RULES, **kw
            )

    def _read_json(self, read: Callable[[Any], T], method: str, url: str, **kw: Any) -> T:
        """The lean path of `kbapi._core.ops.read_json`, for the hottest requests; what
        `read` builds is held to its types and the Q rules, as `_parsed` does."""

        def checked(body: Any) -> T:
            return conform(read(body), responses.RULES)

        with self._core.hints():
            return read_json(self._http, method, url, checked, **kw)

    def _call(self, operation: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        with self._core.hints():
            return call(operation, *args, client=self._api, ok=_shared.DELETE_OK, **kw)

    # --- what the zones show ------------------------------------------------------------

    def delete_zone(
        self, zone: ZoneLike, *, layout: LayoutLike | None = None, pid: str | None = None
    ) -> None:
        """Delete the signals of one zone."""
        route = self._core.zone_route(zone, layout, pid)
        self._call(delete_signal_by_zone.sync_detailed, *route)

    def zone_signal(
        self, zone: ZoneLike, *, layout: LayoutLike | None = None, pid: str | None = None
    ) -> Signal | None:
        """The signal a zone displays, or None when the server answers 404 (no signal)."""
        route = self._core.zone_route(zone, layout, pid)
        try:
            return self._parsed(get_signal_by_zone.sync_detailed, *route, expect=models.Signal)
        except NotFoundError:
            return None

    def zone_color(
        self,
        zone: ZoneLike,
        *,
        layout: LayoutLike | None = None,
        pid: str | None = None,
        legacy: bool = False,
    ) -> str:
        """The colour a zone shows as ``#RRGGBB`` (``#000000`` when nothing is shown).

        Reads both documented answers, bare text and ``{"color": ...}``; ``legacy=True``
        uses the 2018 cloud route ``/signals/{pid}/{zoneId}``.
        """
        if legacy:
            self._core.require("legacy_color")
        route = self._core.zone_route(zone, layout, pid)
        operation = get_signal_color_legacy if legacy else get_signal_color_by_zone
        with self._core.hints():
            response = call(operation.sync_detailed, *route, client=self._api)
        return signals.parse_zone_color(response.content)

    def shadows(self, pid: str | None = None) -> list[Shadow]:
        """What every zone displays, one `Shadow` per zone with its zone id normalised."""
        if pid is None:
            found = self._parsed(get_shadows.sync_detailed, expect=list[models.Signal])
        else:
            found = self._parsed(get_shadows_by_pid.sync_detailed, pid, expect=list[models.Signal])
        return self._core.shadows(found)

    def _recent(self, pid: str, since: int) -> list[Signal]:
        """Where a lost send would show: locally the device's shadows, in the cloud the
        signals created since `since`, newest first (see `kbapi.daskeyboard.reconcile`)."""
        if self._core.target == "local":
            return self._parsed(get_shadows_by_pid.sync_detailed, pid, expect=list[models.Signal])
        found: list[Signal] = []
        for page in range(q_reconcile.LOOK_PAGES):
            content = (self._parsed(
                list_signals.sync_detailed, expect=models.SignalPage, pid=pid, page=page,
                size=q_reconcile.LOOK_SIZE, sort=q_reconcile.NEWEST_FIRST,
            )).content  # fmt: skip
            found += content
            if q_reconcile.older_than_send(content, since):
                break
        return found

    # --- metadata (cloud) ----------------------------------------------------------------

    def devices(self) -> list[Device]:
        """The account's devices."""
        self._core.require("metadata")
        return self._parsed(list_devices.sync_detailed, expect=list[models.Device])

    def device_definitions(self) -> list[DeviceDefinition]:
        """The device models, with the account's keyboard layout (``languageLayout``)."""
        self._core.require("metadata")
        return self._parsed(
            list_device_definitions.sync_detailed, expect=list[models.DeviceDefinition]
        )

    def detect_layout(self, pid: str | None = None) -> Layout | None:
        """The layout the cloud reports for `pid` (default: the client's), or None if unknown.

        Pass it as ``layout=`` to later calls, or build a new client with it.
        """
        return self._core.layout_from_definitions(self.device_definitions(), pid)

    def colors(self) -> list[Color]:
        """The named colours; later sends accept these names."""
        self._core.require("metadata")
        found: list[Color] = self._parsed(list_colors.sync_detailed, expect=list[models.Color])
        self._core.learn_colors(found)
        return found

    def effects(self, pid: str | None = None) -> list[EffectInfo]:
        """The effects `pid` supports; later sends to it are checked against this list."""
        self._core.require("metadata")
        chosen = pid or self._core.pid
        found: list[EffectInfo] = self._parsed(
            list_effects.sync_detailed, chosen, expect=list[models.Effect]
        )
        self._core.learn_effects(chosen, found)
        return found

    def zones(self, pid: str | None = None) -> list[ZoneInfo]:
        """The server's zone list of `pid` (``id`` is the linear id). See also `layout`."""
        self._core.require("metadata")
        return self._parsed(
            list_zones.sync_detailed, pid or self._core.pid, expect=list[models.Zone]
        )

    def current_user(self) -> User:
        """The account (``GET /users/me``)."""
        self._core.require("users")
        return self._parsed(get_current_user.sync_detailed, expect=models.User)

    def authorized_clients(self) -> list[AuthorizedClient]:
        """The OAuth clients the user has authorized."""
        self._core.require("users")
        return self._parsed(
            list_authorized_clients.sync_detailed, expect=list[models.AuthorizedClient]
        )

    def revoke_client(self, name: str) -> None:
        """Revoke an authorized client (its tokens stop working)."""
        self._core.require("users")
        if not isinstance(name, str) or not name:
            raise InputError("the client name must be a non-empty string")
        self._call(revoke_client.sync_detailed, body=models.RevokeClientRequest(name=name))
