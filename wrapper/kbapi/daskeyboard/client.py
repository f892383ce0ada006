# Generated from wrapper/kbapi/daskeyboard/async_client.py by tools/unasync.py: do not edit.
# Change the async source and run `make generate`.
"""The Das Keyboard Q client: `QClient`, one surface for three targets.

    with QClient.local() as q:               # Q Desktop, http://localhost:27301
        q.send("KEY_Q", "#F00")
        q.paint({"KEY_W": "red", "3,3": "#00FF00", 76: "blue"})

    q = QClient.cloud(api_key)                     # https://q2.daskeyboard.com, X-API-KEY
    q = QClient.oauth(ClientCredentials(id, secret))  # https://q.daskeyboard.com, OAuth2

Zones may be given in any form (``KEY_Q``, ``"2,2"``, ``(2, 2)``, ``74``); they are checked
against the client's layout and sent as XY unless `zone_format` says otherwise. Colours are
``#RGB``, ``#RRGGBB``, ``(r, g, b)`` or a name. Bad input raises an `InputError` subclass
before anything is sent; server trouble raises the `APIError` tree of `kbapi._core.errors`.

Written once, as async code; tools/unasync.py generates the blocking twin from it (DESIGN: the
two faces are one implementation). Each method is a thin shell: decisions live in `signals`,
`paint`, `paging`, `targets` and `_shared.ClientCore`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, Unpack

import httpx

from kbapi._core.errors import NotFoundError
from kbapi._lazy import defer
from kbapi.daskeyboard.base import QClientBase
from kbapi.daskeyboard.targets import (
    CLOUD_URL,
    DEFAULT_LOCAL_URL,
    LEGACY_CLOUD_URL,
    TOKEN_PATH,
    normalize_base_url,
)

# What the class statement needs is imported; the rest loads with the first client (the
# constructor needs `ClientCore`, which brings the signal logic and the generated models) or
# the first call that needs it (OAuth, paint, paging): tests/unit/test_lazy_imports.py.
if TYPE_CHECKING:
    from kbapi._core import auth as core_auth
    from kbapi._core import ratelimit, reconcile
    from kbapi._core.auth import Grant
    from kbapi._core.redact import Secret
    from kbapi._generated.q_api import models
    from kbapi._generated.q_api import types as q_types
    from kbapi._generated.q_api.api.signals import (
        create_signal_v2,
        delete_signal,
        delete_signal_v2,
        list_signals,
        list_signals_after,
        update_signal_status,
    )
    from kbapi._generated.q_api.models import Signal, SignalCreate, SignalPage, V2SignalCreate
    from kbapi.daskeyboard import _shared, arguments, executor, pager, reader
    from kbapi.daskeyboard import reconcile as q_reconcile
    from kbapi.daskeyboard import signals as q_signals
    from kbapi.daskeyboard.colors import ColorLike
    from kbapi.daskeyboard.options import ClientOptions, SendOptions, SignalOptions
    from kbapi.daskeyboard.pager import SignalPager
    from kbapi.daskeyboard.paint import PaintMethod, PaintResult, SignalKey, ZoneColors, ZoneKey
    from kbapi.daskeyboard.targets import TargetKind
    from kbapi.daskeyboard.zones import ZoneLike
else:
    _OPS = "kbapi._generated.q_api.api.signals"
    defer(
        globals(),
        reconcile="kbapi._core.reconcile",
        ratelimit="kbapi._core.ratelimit",
        core_auth="kbapi._core.auth",
        models="kbapi._generated.q_api.models",
        q_types="kbapi._generated.q_api.types",
        create_signal_v2=f"{_OPS}.create_signal_v2",
        delete_signal=f"{_OPS}.delete_signal",
        delete_signal_v2=f"{_OPS}.delete_signal_v2",
        list_signals=f"{_OPS}.list_signals",
        list_signals_after=f"{_OPS}.list_signals_after",
        update_signal_status=f"{_OPS}.update_signal_status",
        _shared="kbapi.daskeyboard._shared",
        arguments="kbapi.daskeyboard.arguments",
        executor="kbapi.daskeyboard.executor",
        pager="kbapi.daskeyboard.pager",
        reader="kbapi.daskeyboard.reader",
        q_reconcile="kbapi.daskeyboard.reconcile",
        q_signals="kbapi.daskeyboard.signals",
    )


def _delete_route(version: str) -> Any:
    """The delete route of a signal, by the API version that created it."""
    return delete_signal if version == "v1" else delete_signal_v2


class QClient(QClientBase):
    """Das Keyboard Q client (local app, cloud with an API key, or OAuth).

    Prefer the constructors `local`, `cloud`, `oauth` and `from_env`. Options:

    - `layout` (``"en-US"``, ``"fr-FR"``, ... or a `Layout`) and `device` (``"5Q"``, ``"X50Q"``,
      ``"4Q"``): how zone ids are checked and converted; `pid` defaults to the device's.
    - `zone_format`: how zones are written on the wire: ``"xy"`` (default, the docs'
      recommendation), ``"code"`` or ``"linear"``.
    - `validate_zones`: refuse zones that do not exist on the layout before sending (default;
      the real service answers 200 and lights nothing for them).
    - `max_concurrency`: parallel requests of a v1 paint or a clear (4 local, 8 cloud).
    - `timeout`, `http_options` (`TransportOptions`: retries, headers, transports for tests)
      and `rate_limiter`: locally a limiter shared by every client of one app keeps requests
      under its 50/s quota (``None`` disables it; or pass your own `RateLimiter`).

    Credentials are never sent over plain http to a non-loopback host (`InputError`). The
    client is a context manager; `close()` releases its connections. The cloud's metadata and
    user methods (`devices`, `colors`, `effects`, ...) and the properties come from
    `QClientBase`.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_LOCAL_URL,
        *,
        target: TargetKind | None = None,
        api_key: str | Secret | None = None,
        auth: httpx.Auth | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        auth = arguments.make_auth(api_key, auth)
        self._core = core = _shared.ClientCore(base_url, target=target, auth=auth, **options)
        self._http = core.options.sync_client(core.base_url, core.auth)

    # --- constructors --------------------------------------------------------------------

    @classmethod
    def local(cls, base_url: str = DEFAULT_LOCAL_URL, **options: Unpack[ClientOptions]) -> Self:
        """A client of the Q Desktop app's local API (no auth, v1 and v2, 50 requests/s)."""
        return cls(base_url, target="local", **options)

    @classmethod
    def cloud(
        cls, api_key: str | Secret, *, base_url: str = CLOUD_URL, **options: Unpack[ClientOptions]
    ) -> Self:
        """A client of the Q cloud with an API key (sent as ``X-API-KEY``)."""
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
        """A client of the (legacy) Q cloud with OAuth2 bearer tokens.

        `grant` is a `ClientCredentials`, `PasswordGrant`, `AuthorizationCodeGrant` or
        `RefreshTokenGrant`. The token comes from `token_url` (default
        ``{base_url}/oauth/1.4/token``) on first use and is refreshed `refresh_margin` seconds
        before it expires and once when a request gets 401 (the request is then resent).
        """
        root = normalize_base_url(base_url)
        token = token_url or root + TOKEN_PATH
        auth = core_auth.OAuth2Auth(token, grant, refresh_margin=refresh_margin, body_format="json")
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
        """A cloud client when an API key is given or in ``KBAPI_Q_API_KEY``, else a local one.

        The URL is `base_url`, else ``KBAPI_Q_URL``, else the target's default host.
        """
        url, key = arguments.env_target(base_url, api_key, environ)
        if key:
            return cls(url, target="cloud", api_key=key, **options)
        return cls(url, target="local", **options)

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- signals -------------------------------------------------------------------------

    def send(self, zone: ZoneLike, color: ColorLike, **options: Unpack[SendOptions]) -> Signal:
        """Light one zone and return the stored signal.

        `zone` in any form, checked on `layout` (default: the client's) and sent in
        `zone_format` (default: XY). With `name` and `message` empty (the default) the signal
        only lights the LEDs. `action` is ``url:https://...`` style (cloud). See `SendOptions`.
        """
        spec = self._core.spec(**options)
        return self._create(self._core.signal_payload(zone, color, spec))

    def _create(self, payload: dict[str, Any]) -> Signal:
        """POST one v1 signal body (its JSON, as `SignalCreate.to_dict()` writes it)."""
        # A send that may have been applied is looked for before it is sent again.
        since = self._core.now_ms()

        def send() -> Signal:
            # The lean path: no generated operation, the answer read by `read_signal`.
            return self._read_json(reader.read_signal, "POST", q_signals.SIGNALS_PATH, json=payload)

        def look() -> Signal | None:
            body = models.SignalCreate.from_dict(payload)  # the model: only when in doubt
            return self._core.find_sent(self._recent(body.pid, since), body, since)

        signal = (reconcile.drive(q_reconcile.SIGNAL_PLAN, send, look)).value
        self._core.created(("v1", signal.id))
        return signal

    def _create_id(self, body: SignalCreate) -> int:
        return (self._create(body.to_dict())).id

    def _create_v2(self, body: V2SignalCreate) -> int:
        operation = create_signal_v2.sync_detailed
        signal = self._parsed(operation, body=body, expect=models.V2Signal)
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
    ) -> SignalPager:
        """Every signal of the account (cloud), fetched page by page as you iterate.

        `sort` is ``field,ASC|DESC`` (e.g. ``createdAt,DESC``); `pid` filters one device.
        """
        self._core.require("list_signals")
        arguments.check_page_size(size)

        def fetch(page: int) -> SignalPage:
            return self._parsed(
                list_signals.sync_detailed, expect=models.SignalPage, pid=pid or q_types.UNSET,
                page=page, size=size, sort=sort or q_types.UNSET,
            )  # fmt: skip

        return pager.SignalPager(fetch, start_page=start_page, max_pages=max_pages)

    def signals_after(self, epoch: int | datetime) -> list[Signal]:
        """Signals created after `epoch` (milliseconds, or an aware datetime); cloud only.

        The route takes no paging parameters: this is the one page the server returns.
        """
        self._core.require("signals_after")
        millis = arguments.epoch_millis(epoch)
        operation = list_signals_after.sync_detailed
        page = self._parsed(operation, millis, expect=models.SignalPage)
        return page.content

    def update_status(
        self,
        signal_id: int,
        *,
        read: bool | None = None,
        archived: bool | None = None,
        muted: bool | None = None,
    ) -> Signal:
        """Set a signal's read / archived / muted flags (cloud) and return it."""
        self._core.require("update_status")
        body = q_signals.status_patch(read=read, archived=archived, muted=muted)
        return self._parsed(
            update_signal_status.sync_detailed, signal_id, body=body, expect=models.Signal
        )

    def delete(self, signal_id: int) -> None:
        """Delete a signal by id (local ids are negative)."""
        route = _delete_route(self._core.version_of(signal_id))
        self._call(route.sync_detailed, signal_id)
        self._core.forget(signal_id)

    # --- batch painting ------------------------------------------------------------------

    def paint(
        self,
        colors: ZoneColors[ZoneKey],
        *,
        method: PaintMethod = "auto",
        max_concurrency: int | None = None,
        **options: Unpack[SignalOptions],
    ) -> PaintResult:
        """Light many zones at once: ``paint({"KEY_Q": "red", "3,2": "#0F0", 76: "blue"})``.

        Locally one v2 multi-zone request (falling back to paced v1 requests when the app has
        no v2); in the cloud one v1 request per zone, `max_concurrency` at a time. Every zone
        and colour is checked before the first request. `options` as for `send`.
        """
        spec = self._core.spec(**options)
        plan = self._core.plan(colors, spec, method)
        result = executor.run_paint(
            plan,
            send_v2=self._create_v2,
            send_v1=self._create_id,
            concurrency=max_concurrency or self._core.concurrency,
        )
        self._core.record_paint(result)
        return result

    def clear(self, painted: PaintResult | None = None) -> int:
        """Delete what `painted` created, or everything this client sent or painted (its
        newest `REMEMBERED_SIGNALS`, 4096: a long-running client forgets older ones).

        Returns how many signals were deleted (already-deleted ones are skipped).
        """
        return self._delete_keys(self._core.to_clear(painted))

    def clear_all(self, pid: str | None = None, *, client_name: str | None = None) -> int:
        """Delete every signal the keyboard shows, until it shows none; return how many.

        A zone shows its latest signal: deleting it uncovers the one beneath, so the shadows
        are read again after each round of deletes. With `client_name` (kbapi sends as
        ``"kbapi"``) only the signals sent under that name are deleted, until none is shown.
        """
        deleted: set[int] = set()
        count = 0
        for _ in range(_shared.MAX_CLEAR_ROUNDS):
            keys = self._core.clear_round(self.shadows(pid), deleted, client_name)
            if not keys:
                break
            count += self._delete_keys(keys)
        return count

    def _delete_keys(self, keys: list[SignalKey]) -> int:
        deleted = ratelimit.map_bounded(self._delete_key, keys, self._core.concurrency)
        return sum(deleted)

    def _delete_key(self, key: SignalKey) -> bool:
        version, signal_id = key
        try:
            self._call(_delete_route(version).sync_detailed, signal_id)
        except NotFoundError:
            return False
        finally:
            self._core.forget(signal_id)
        return True
