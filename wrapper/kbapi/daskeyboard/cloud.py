# Generated from wrapper/kbapi/daskeyboard/async_cloud.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""The Q cloud's metadata and user methods, and the request plumbing every Q client method uses.

`QClient` inherits them from `CloudMethods`; every one of them exists only in the
cloud (the local app raises `TargetError` before sending).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kbapi._core.errors import InputError
from kbapi._core.ops import call, parsed
from kbapi._generated.q_api.api.devices import (
    list_colors,
    list_device_definitions,
    list_devices,
    list_effects,
    list_zones,
)
from kbapi._generated.q_api.api.users import (
    get_current_user,
    list_authorized_clients,
    revoke_client,
)
from kbapi._generated.q_api.client import AuthenticatedClient
from kbapi._generated.q_api.models import (
    AuthorizedClient,
    Color,
    Device,
    DeviceDefinition,
    RevokeClientRequest,
    User,
)
from kbapi._generated.q_api.models import Effect as EffectInfo
from kbapi._generated.q_api.models import Zone as ZoneInfo
from kbapi.daskeyboard._shared import DELETE_OK, ClientCore
from kbapi.daskeyboard.zones import Layout

T = TypeVar("T")


class CloudMethods:
    """The cloud-only methods of a Q client, over its `ClientCore` and generated client."""

    _core: ClientCore
    _api: AuthenticatedClient

    # --- plumbing ------------------------------------------------------------------------

    def _parsed(self, operation: Callable[..., Any], *args: Any, expect: type[T], **kw: Any) -> T:
        with self._core.hints():
            return parsed(operation, *args, client=self._api, expect=expect, **kw)

    def _call(self, operation: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        with self._core.hints():
            return call(operation, *args, client=self._api, ok=DELETE_OK, **kw)

    # --- metadata (cloud) ----------------------------------------------------------------

    def devices(self) -> list[Device]:
        """The account's devices."""
        self._core.require("metadata")
        return self._parsed(list_devices.sync_detailed, expect=list)

    def device_definitions(self) -> list[DeviceDefinition]:
        """The device models, with the account's keyboard layout (``languageLayout``)."""
        self._core.require("metadata")
        return self._parsed(list_device_definitions.sync_detailed, expect=list)

    def detect_layout(self, pid: str | None = None) -> Layout | None:
        """The layout the cloud reports for `pid` (default: the client's), or None if unknown.

        Pass it as ``layout=`` to later calls, or build a new client with it.
        """
        return self._core.layout_from_definitions(self.device_definitions(), pid)

    def colors(self) -> list[Color]:
        """The named colours; later sends accept these names."""
        self._core.require("metadata")
        found: list[Color] = self._parsed(list_colors.sync_detailed, expect=list)
        self._core.learn_colors(found)
        return found

    def effects(self, pid: str | None = None) -> list[EffectInfo]:
        """The effects `pid` supports; later sends to it are checked against this list."""
        self._core.require("metadata")
        chosen = pid or self._core.pid
        found: list[EffectInfo] = self._parsed(list_effects.sync_detailed, chosen, expect=list)
        self._core.learn_effects(chosen, found)
        return found

    def zones(self, pid: str | None = None) -> list[ZoneInfo]:
        """The server's zone list of `pid` (``id`` is the linear id). See also `layout`."""
        self._core.require("metadata")
        return self._parsed(list_zones.sync_detailed, pid or self._core.pid, expect=list)

    def current_user(self) -> User:
        """The account (``GET /users/me``)."""
        self._core.require("users")
        return self._parsed(get_current_user.sync_detailed, expect=User)

    def authorized_clients(self) -> list[AuthorizedClient]:
        """The OAuth clients the user has authorized."""
        self._core.require("users")
        return self._parsed(list_authorized_clients.sync_detailed, expect=list)

    def revoke_client(self, name: str) -> None:
        """Revoke an authorized client (its tokens stop working)."""
        self._core.require("users")
        if not isinstance(name, str) or not name:
            raise InputError("the client name must be a non-empty string")
        self._call(revoke_client.sync_detailed, body=RevokeClientRequest(name=name))
