"""The Das Keyboard Q client (async): the same constructors, options and methods as `QClient`.

    async with AsyncQClient.local() as q:
        await q.paint({"KEY_Q": "red", "3,2": "#0F0"})

    async with AsyncQClient.cloud(api_key) as q:
        async for signal in q.signals():        # pages are fetched as you iterate
            ...

Decisions are the same pure functions and `ClientCore` the sync client uses; v1 paints and
clears run through `gather_bounded`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from types import TracebackType
from typing import Any, Self, TypeVar, Unpack

import httpx

from kbapi._core.auth import Grant, OAuth2Auth
from kbapi._core.client import TransportOptions, acall, aparsed, wire
from kbapi._core.errors import InputError, NotFoundError
from kbapi._core.ratelimit import gather_bounded
from kbapi._core.redact import Secret
from kbapi._generated.q_api.api.devices import (
    list_colors,
    list_device_definitions,
    list_devices,
    list_effects,
    list_zones,
)
from kbapi._generated.q_api.api.shadows import get_shadows, get_shadows_by_pid
from kbapi._generated.q_api.api.signals import (
    create_signal,
    create_signal_v2,
    delete_signal,
    delete_signal_v2,
    list_signals,
    list_signals_after,
    update_signal_status,
)
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
    RevokeClientRequest,
    Signal,
    SignalCreate,
    SignalPage,
    User,
    V2Signal,
    V2SignalCreate,
)
from kbapi._generated.q_api.models import Effect as EffectInfo
from kbapi._generated.q_api.models import Zone as ZoneInfo
from kbapi._generated.q_api.types import UNSET
from kbapi.daskeyboard._shared import (
    DELETE_OK,
    ClientCore,
    ClientOptions,
    LayoutLike,
    LimiterChoice,
    check_page_size,
    env_target,
    epoch_millis,
    make_auth,
    unique_ids,
)
from kbapi.daskeyboard.colors import ColorLike
from kbapi.daskeyboard.effects import DEFAULT_EFFECT
from kbapi.daskeyboard.paging import AsyncSignalPager
from kbapi.daskeyboard.paint import (
    PaintMethod,
    PaintResult,
    SignalKey,
    ZoneKey,
    arun_paint,
)
from kbapi.daskeyboard.signals import Shadow, parse_zone_color, status_patch
from kbapi.daskeyboard.targets import (
    CLOUD_URL,
    DEFAULT_LOCAL_URL,
    LEGACY_CLOUD_URL,
    TOKEN_PATH,
    TargetKind,
    normalize_base_url,
)
from kbapi.daskeyboard.zones import Layout, ZoneKind, ZoneLike

T = TypeVar("T")


class AsyncQClient:
    """Asynchronous twin of `QClient`: the same constructors, options and methods, awaited.

    ``signals()`` returns an `AsyncSignalPager` (``async for``); `close()` is a coroutine and
    the client is an async context manager.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_LOCAL_URL,
        *,
        target: TargetKind | None = None,
        api_key: str | Secret | None = None,
        auth: httpx.Auth | None = None,
        layout: LayoutLike = "en-US",
        device: str = "5Q",
        pid: str | None = None,
        zone_format: ZoneKind = "xy",
        validate_zones: bool = True,
        max_concurrency: int | None = None,
        timeout: httpx.Timeout | float | None = None,
        rate_limiter: LimiterChoice = "shared",
        http_options: TransportOptions | None = None,
    ) -> None:
        self._core = ClientCore(
            base_url,
            target=target,
            auth=make_auth(api_key, auth),
            layout=layout,
            device=device,
            pid=pid,
            zone_format=zone_format,
            validate_zones=validate_zones,
            max_concurrency=max_concurrency,
            timeout=timeout,
            rate_limiter=rate_limiter,
            http_options=http_options,
        )
        core = self._core
        self._http = core.options.async_client(core.base_url, core.auth)
        self._api = wire(AuthenticatedClient(base_url=core.base_url, token=""), self._http)

    # --- constructors --------------------------------------------------------------------

    @classmethod
    def local(cls, base_url: str = DEFAULT_LOCAL_URL, **options: Unpack[ClientOptions]) -> Self:
        """See `QClient.local`."""
        return cls(base_url, target="local", **options)

    @classmethod
    def cloud(
        cls, api_key: str | Secret, *, base_url: str = CLOUD_URL, **options: Unpack[ClientOptions]
    ) -> Self:
        """See `QClient.cloud`."""
        return cls(base_url, target="cloud", api_key=api_key, **options)

    @classmethod
    def oauth(
        cls,
        grant: Grant,
        *,
        base_url: str = LEGACY_CLOUD_URL,
        token_url: str | None = None,
        refresh_margin: float = 60.0,
        **options: Unpack[ClientOptions],
    ) -> Self:
        """See `QClient.oauth`."""
        root = normalize_base_url(base_url)
        auth = OAuth2Auth(
            token_url or root + TOKEN_PATH, grant, refresh_margin=refresh_margin, body_format="json"
        )
        return cls(root, target="cloud", auth=auth, **options)

    @classmethod
    def from_env(
        cls,
        *,
        base_url: str | None = None,
        api_key: str | Secret | None = None,
        environ: Mapping[str, str] | None = None,
        **options: Unpack[ClientOptions],
    ) -> Self:
        """See `QClient.from_env`."""
        url, key = env_target(base_url, api_key, environ)
        if key:
            return cls(url, target="cloud", api_key=key, **options)
        return cls(url, target="local", **options)

    # --- properties and lifecycle --------------------------------------------------------

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

    async def close(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core!r})"

    # --- plumbing ------------------------------------------------------------------------

    async def _parsed(
        self, operation: Callable[..., Awaitable[Any]], *args: Any, expect: type[T], **kw: Any
    ) -> T:
        with self._core.hints():
            return await aparsed(operation, *args, client=self._api, expect=expect, **kw)

    async def _call(self, operation: Callable[..., Awaitable[Any]], *args: Any, **kw: Any) -> Any:
        with self._core.hints():
            return await acall(operation, *args, client=self._api, ok=DELETE_OK, **kw)

    # --- signals -------------------------------------------------------------------------

    async def send(
        self,
        zone: ZoneLike,
        color: ColorLike,
        *,
        effect: str = DEFAULT_EFFECT,
        name: str = "",
        message: str = "",
        layout: LayoutLike | None = None,
        zone_format: ZoneKind | None = None,
        validate: bool | None = None,
        pid: str | None = None,
        action: str | None = None,
        is_muted: bool | None = None,
    ) -> Signal:
        """See `QClient.send`."""
        spec = self._core.spec(
            effect=effect, name=name, message=message, layout=layout, zone_format=zone_format,
            validate=validate, pid=pid, action=action, is_muted=is_muted,
        )  # fmt: skip
        return await self._create(self._core.signal_body(zone, color, spec))

    async def _create(self, body: SignalCreate) -> Signal:
        signal = await self._parsed(create_signal.asyncio_detailed, body=body, expect=Signal)
        self._core.created(("v1", signal.id))
        return signal

    async def _create_id(self, body: SignalCreate) -> int:
        return (await self._create(body)).id

    async def _create_v2(self, body: V2SignalCreate) -> int:
        signal = await self._parsed(create_signal_v2.asyncio_detailed, body=body, expect=V2Signal)
        self._core.created(("v2", signal.id))
        return signal.id

    def signals(
        self,
        *,
        pid: str | None = None,
        size: int = 50,
        sort: str | None = None,
        start_page: int = 0,
        max_pages: int | None = None,
    ) -> AsyncSignalPager:
        """See `QClient.signals`; iterate with ``async for``."""
        self._core.require("list_signals")
        check_page_size(size)

        async def fetch(page: int) -> SignalPage:
            return await self._parsed(
                list_signals.asyncio_detailed, expect=SignalPage, pid=pid or UNSET, page=page,
                size=size, sort=sort or UNSET,
            )  # fmt: skip

        return AsyncSignalPager(fetch, start_page=start_page, max_pages=max_pages)

    async def signals_after(self, epoch: int | datetime) -> list[Signal]:
        """See `QClient.signals_after`."""
        self._core.require("signals_after")
        millis = epoch_millis(epoch)
        page = await self._parsed(list_signals_after.asyncio_detailed, millis, expect=SignalPage)
        return page.content

    async def update_status(
        self,
        signal_id: int,
        *,
        read: bool | None = None,
        archived: bool | None = None,
        muted: bool | None = None,
    ) -> Signal:
        """See `QClient.update_status`."""
        self._core.require("update_status")
        body = status_patch(read=read, archived=archived, muted=muted)
        return await self._parsed(
            update_signal_status.asyncio_detailed, signal_id, body=body, expect=Signal
        )

    async def delete(self, signal_id: int) -> None:
        """See `QClient.delete`."""
        if self._core.version_of(signal_id) == "v2":
            await self._call(delete_signal_v2.asyncio_detailed, signal_id)
        else:
            await self._call(delete_signal.asyncio_detailed, signal_id)
        self._core.forget(signal_id)

    async def delete_zone(
        self, zone: ZoneLike, *, layout: LayoutLike | None = None, pid: str | None = None
    ) -> None:
        """See `QClient.delete_zone`."""
        route = self._core.zone_route(zone, layout, pid)
        await self._call(delete_signal_by_zone.asyncio_detailed, *route)

    async def zone_signal(
        self, zone: ZoneLike, *, layout: LayoutLike | None = None, pid: str | None = None
    ) -> Signal | None:
        """See `QClient.zone_signal`."""
        route = self._core.zone_route(zone, layout, pid)
        try:
            return await self._parsed(get_signal_by_zone.asyncio_detailed, *route, expect=Signal)
        except NotFoundError:
            return None

    async def zone_color(
        self,
        zone: ZoneLike,
        *,
        layout: LayoutLike | None = None,
        pid: str | None = None,
        legacy: bool = False,
    ) -> str:
        """See `QClient.zone_color`."""
        if legacy:
            self._core.require("legacy_color")
        route = self._core.zone_route(zone, layout, pid)
        operation = get_signal_color_legacy if legacy else get_signal_color_by_zone
        with self._core.hints():
            response = await acall(operation.asyncio_detailed, *route, client=self._api)
        return parse_zone_color(response.content)

    async def shadows(self, pid: str | None = None) -> list[Shadow]:
        """See `QClient.shadows`."""
        if pid is None:
            found = await self._parsed(get_shadows.asyncio_detailed, expect=list)
        else:
            found = await self._parsed(get_shadows_by_pid.asyncio_detailed, pid, expect=list)
        return self._core.shadows(found)

    # --- batch painting ------------------------------------------------------------------

    async def paint(
        self,
        colors: Mapping[ZoneKey, ColorLike],
        *,
        effect: str = DEFAULT_EFFECT,
        method: PaintMethod = "auto",
        layout: LayoutLike | None = None,
        zone_format: ZoneKind | None = None,
        validate: bool | None = None,
        pid: str | None = None,
        name: str = "",
        message: str = "",
        max_concurrency: int | None = None,
    ) -> PaintResult:
        """See `QClient.paint` (v1 requests run through `gather_bounded`)."""
        spec = self._core.spec(
            effect=effect, name=name, message=message, layout=layout, zone_format=zone_format,
            validate=validate, pid=pid,
        )  # fmt: skip
        plan = self._core.plan(colors, spec, method)
        result = await arun_paint(
            plan,
            send_v2=self._create_v2,
            send_v1=self._create_id,
            concurrency=max_concurrency or self._core.concurrency,
        )
        self._core.record_paint(result)
        return result

    async def clear(self, painted: PaintResult | None = None) -> int:
        """See `QClient.clear`."""
        keys = self._core.to_clear(painted)
        return await self._delete_keys(keys)

    async def clear_all(self, pid: str | None = None) -> int:
        """See `QClient.clear_all`."""
        ids = unique_ids(await self.shadows(pid))
        return await self._delete_keys([(self._core.version_of(i), i) for i in ids])

    async def _delete_keys(self, keys: list[SignalKey]) -> int:
        done = await gather_bounded((self._delete_key(k) for k in keys), self._core.concurrency)
        return sum(done)

    async def _delete_key(self, key: SignalKey) -> bool:
        version, signal_id = key
        operation = delete_signal_v2 if version == "v2" else delete_signal
        try:
            await self._call(operation.asyncio_detailed, signal_id)
        except NotFoundError:
            return False
        finally:
            self._core.forget(signal_id)
        return True

    # --- metadata (cloud) ----------------------------------------------------------------

    async def devices(self) -> list[Device]:
        """See `QClient.devices`."""
        self._core.require("metadata")
        return await self._parsed(list_devices.asyncio_detailed, expect=list)

    async def device_definitions(self) -> list[DeviceDefinition]:
        """See `QClient.device_definitions`."""
        self._core.require("metadata")
        return await self._parsed(list_device_definitions.asyncio_detailed, expect=list)

    async def detect_layout(self, pid: str | None = None) -> Layout | None:
        """See `QClient.detect_layout`."""
        return self._core.layout_from_definitions(await self.device_definitions(), pid)

    async def colors(self) -> list[Color]:
        """See `QClient.colors`."""
        self._core.require("metadata")
        found: list[Color] = await self._parsed(list_colors.asyncio_detailed, expect=list)
        self._core.learn_colors(found)
        return found

    async def effects(self, pid: str | None = None) -> list[EffectInfo]:
        """See `QClient.effects`."""
        self._core.require("metadata")
        chosen = pid or self._core.pid
        found: list[EffectInfo] = await self._parsed(
            list_effects.asyncio_detailed, chosen, expect=list
        )
        self._core.learn_effects(chosen, found)
        return found

    async def zones(self, pid: str | None = None) -> list[ZoneInfo]:
        """See `QClient.zones`."""
        self._core.require("metadata")
        return await self._parsed(list_zones.asyncio_detailed, pid or self._core.pid, expect=list)

    async def current_user(self) -> User:
        """See `QClient.current_user`."""
        self._core.require("users")
        return await self._parsed(get_current_user.asyncio_detailed, expect=User)

    async def authorized_clients(self) -> list[AuthorizedClient]:
        """See `QClient.authorized_clients`."""
        self._core.require("users")
        return await self._parsed(list_authorized_clients.asyncio_detailed, expect=list)

    async def revoke_client(self, name: str) -> None:
        """See `QClient.revoke_client`."""
        self._core.require("users")
        if not isinstance(name, str) or not name:
            raise InputError("the client name must be a non-empty string")
        await self._call(revoke_client.asyncio_detailed, body=RevokeClientRequest(name=name))
