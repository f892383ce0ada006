"""The Q cloud's metadata and user methods, and the request plumbing every Q client method uses.

`AsyncQClient` inherits them from `AsyncCloudMethods`; every one of them exists only in the
cloud (the local app raises `TargetError` before sending).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from kbapi._core.async_ops import acall, aparsed
from kbapi._core.errors import InputError
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


class AsyncCloudMethods:
    """The cloud-only methods of a Q client, over its `ClientCore` and generated client."""

    _core: ClientCore
    _api: AuthenticatedClient

    # --- plumbing ------------------------------------------------------------------------

    async def _parsed(
        self, operation: Callable[..., Awaitable[Any]], *args: Any, expect: type[T], **kw: Any
    ) -> T:
        with self._core.hints():
            return await aparsed(operation, *args, client=self._api, expect=expect, **kw)

    async def _call(self, operation: Callable[..., Awaitable[Any]], *args: Any, **kw: Any) -> Any:
        with self._core.hints():
            return await acall(operation, *args, client=self._api, ok=DELETE_OK, **kw)

    # --- metadata (cloud) ----------------------------------------------------------------

    async def devices(self) -> list[Device]:
        """The account's devices."""
        self._core.require("metadata")
        return await self._parsed(list_devices.asyncio_detailed, expect=list)

    async def device_definitions(self) -> list[DeviceDefinition]:
        """The device models, with the account's keyboard layout (``languageLayout``)."""
        self._core.require("metadata")
        return await self._parsed(list_device_definitions.asyncio_detailed, expect=list)

    async def detect_layout(self, pid: str | None = None) -> Layout | None:
        """The layout the cloud reports for `pid` (default: the client's), or None if unknown.

        Pass it as ``layout=`` to later calls, or build a new client with it.
        """
        return self._core.layout_from_definitions(await self.device_definitions(), pid)

    async def colors(self) -> list[Color]:
        """The named colours; later sends accept these names."""
        self._core.require("metadata")
        found: list[Color] = await self._parsed(list_colors.asyncio_detailed, expect=list)
        self._core.learn_colors(found)
        return found

    async def effects(self, pid: str | None = None) -> list[EffectInfo]:
        """The effects `pid` supports; later sends to it are checked against this list."""
        self._core.require("metadata")
        chosen = pid or self._core.pid
        found: list[EffectInfo] = await self._parsed(
            list_effects.asyncio_detailed, chosen, expect=list
        )
        self._core.learn_effects(chosen, found)
        return found

    async def zones(self, pid: str | None = None) -> list[ZoneInfo]:
        """The server's zone list of `pid` (``id`` is the linear id). See also `layout`."""
        self._core.require("metadata")
        return await self._parsed(list_zones.asyncio_detailed, pid or self._core.pid, expect=list)

    async def current_user(self) -> User:
        """The account (``GET /users/me``)."""
        self._core.require("users")
        return await self._parsed(get_current_user.asyncio_detailed, expect=User)

    async def authorized_clients(self) -> list[AuthorizedClient]:
        """The OAuth clients the user has authorized."""
        self._core.require("users")
        return await self._parsed(list_authorized_clients.asyncio_detailed, expect=list)

    async def revoke_client(self, name: str) -> None:
        """Revoke an authorized client (its tokens stop working)."""
        self._core.require("users")
        if not isinstance(name, str) or not name:
            raise InputError("the client name must be a non-empty string")
        await self._call(revoke_client.asyncio_detailed, body=RevokeClientRequest(name=name))
