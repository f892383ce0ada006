"""State and decisions shared by `QClient` and `AsyncQClient` (no I/O).

Both clients hold one `ClientCore`: target, layout, pid, zone format, transport options, the
catalogues learnt from the server (colour names, effects per pid) and the signals the client
created (for `clear()`). Every method here is a decision or bookkeeping, never a request. The
keyword options of the constructors, `send()` and `paint()` are in `kbapi.daskeyboard.options`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from typing import Any, Final, Literal, Unpack

import httpx

from kbapi._core.client import TransportOptions
from kbapi._core.credentials import ensure_secure_url
from kbapi._core.errors import AuthenticationError, InputError, UnknownLayoutError
from kbapi._core.redact import redact_url
from kbapi._core.text import shown
from kbapi._generated.q_api.models import Color, DeviceDefinition, Signal, SignalCreate
from kbapi._generated.q_api.models import Effect as EffectInfo
from kbapi.daskeyboard.arguments import check_concurrency, resolve_layout, transport_options
from kbapi.daskeyboard.colors import ColorLike
from kbapi.daskeyboard.effects import DEFAULT_EFFECT
from kbapi.daskeyboard.options import (
    LayoutLike,
    LimiterChoice,
    SendOptions,
)
from kbapi.daskeyboard.paint import (
    PaintMethod,
    PaintPlan,
    PaintResult,
    SignalKey,
    ZoneColors,
    ZoneKey,
    plan_paint,
)
from kbapi.daskeyboard.reconcile import find_sent
from kbapi.daskeyboard.signals import (
    DEFAULT_CLIENT_NAME,
    Shadow,
    SignalSpec,
    check_pid,
    check_spec,
    layout_on,
    layout_resolver,
    normalize_shadows,
    sent_by,
    signal_body,
    signal_payload,
    wire_zone,
)
from kbapi.daskeyboard.targets import (
    Operation,
    TargetKind,
    auth_hint,
    infer_target,
    normalize_base_url,
    require,
)
from kbapi.daskeyboard.zones import (
    ZONE_KINDS,
    Layout,
    ZoneKind,
    ZoneLike,
    get_layout,
)

MAX_CLEAR_ROUNDS: Final = 64
"""Rounds of reading the shadows and deleting what they show that `clear_all` makes at most."""
DELETE_OK: Final = (200, 204)
"""Statuses a DELETE (or revoke) may answer: the documented 200 with an empty body, or 204."""

REMEMBERED_SIGNALS: Final = 4096
"""How many created signals a client remembers for `clear()` (the newest; older are forgotten)."""


class AuthHints:
    """A block that adds a note saying what to check to an `AuthenticationError` raised in it.

    A class rather than a generator-based context manager: it wraps every request.
    """

    __slots__ = ("_auth",)

    def __init__(self, auth: httpx.Auth | None) -> None:
        self._auth = auth

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, AuthenticationError):
            exc.add_note(auth_hint(self._auth))


class ClientCore:
    """Everything a Q client knows and decides, shared by the sync and async faces; the
    defaults of the clients' options (`ClientOptions`) are the ones here."""

    def __init__(
        self,
        base_url: str,
        *,
        target: TargetKind | None,
        auth: httpx.Auth | None,
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
        self.base_url = normalize_base_url(base_url)
        self.target: TargetKind = infer_target(target, auth is not None)
        if auth is not None:
            ensure_secure_url(self.base_url)
        self.auth = auth
        self._hints = AuthHints(auth)  # stateless, so one serves every request (and task)
        self.layout = resolve_layout(layout, device)
        self.pid = check_pid(pid) if pid is not None else self.layout.pid
        if zone_format not in ZONE_KINDS:
            raise InputError(
                f"zone_format must be one of {ZONE_KINDS}, got {shown(zone_format, 40)}"
            )
        self.zone_format: ZoneKind = zone_format
        self.validate_zones = bool(validate_zones)
        self.concurrency = check_concurrency(max_concurrency, self.target)
        self.options = transport_options(
            self.target, self.base_url, http_options, timeout, rate_limiter
        )
        self.color_names: dict[str, str] = {}
        self.effects: dict[str, tuple[str, ...]] = {}
        self.v2_missing = False
        self._created: dict[int, Literal["v1", "v2"]] = {}
        # The spec of a send with no options, with what it was built from.
        self._plain: tuple[tuple[Any, ...], SignalSpec] | None = None
        self._lock = threading.Lock()
        # Wall clock (epoch seconds), to compare with the server's createdAt when reconciling.
        self.clock = time.time

    def __repr__(self) -> str:
        return (
            f"target={self.target!r}, base_url={redact_url(self.base_url)!r}, "
            f"layout={self.layout!r}, pid={self.pid!r}, auth={self.auth!r}"
        )

    # --- decisions -----------------------------------------------------------------------

    def require(self, operation: Operation) -> None:
        """Raise `TargetError` unless `operation` exists on this client's target."""
        require(operation, self.target)

    def layout_for(self, layout: LayoutLike | None, pid: str | None = None) -> Layout:
        """The layout of one call: `layout` if given, else the client's; on `pid`'s device."""
        base = self.layout if layout is None else resolve_layout(layout, self.layout.device)
        return base if pid is None else layout_on(base, pid)

    def spec(self, **options: Unpack[SendOptions]) -> SignalSpec:
        """The checked `SignalSpec` of one send or paint (effect against the known list)."""
        if not options:  # the common case, built once (until the effect list is learnt)
            made_of = (
                self.effects.get(self.pid),
                self.pid,
                self.layout,
                self.zone_format,
                self.validate_zones,
            )
            if self._plain is None or self._plain[0] != made_of:
                self._plain = (made_of, self._spec())
            return self._plain[1]
        return self._spec(**options)

    def _spec(self, **options: Unpack[SendOptions]) -> SignalSpec:
        unknown = set(options) - SendOptions.__optional_keys__
        if unknown:
            raise TypeError(f"unexpected keyword argument {sorted(unknown)[0]!r}")
        pid = options.get("pid")
        chosen_pid = check_pid(pid) if pid is not None else self.pid
        fmt = options.get("zone_format")
        fmt = self.zone_format if fmt is None else fmt
        if fmt not in ZONE_KINDS:
            raise InputError(f"zone_format must be one of {ZONE_KINDS}, got {shown(fmt, 40)}")
        validate = options.get("validate")
        spec = SignalSpec(
            pid=chosen_pid,
            layout=self.layout_for(options.get("layout"), chosen_pid),
            zone_format=fmt,
            validate=self.validate_zones if validate is None else bool(validate),
            effect=options.get("effect", DEFAULT_EFFECT),
            name=options.get("name", ""),
            message=options.get("message", ""),
            client_name=DEFAULT_CLIENT_NAME,
            action=options.get("action"),
            is_muted=options.get("is_muted"),
        )
        return check_spec(spec, effects=self.effects.get(chosen_pid))

    def signal_body(self, zone: ZoneLike, color: ColorLike, spec: SignalSpec) -> SignalCreate:
        """The validated v1 body of one signal."""
        return signal_body(zone, color, spec, color_names=self.color_names)

    def signal_payload(self, zone: ZoneLike, color: ColorLike, spec: SignalSpec) -> dict[str, Any]:
        """The validated v1 body of one signal as JSON (`signal_body`'s ``to_dict()``)."""
        return signal_payload(zone, color, spec, color_names=self.color_names)

    def plan(self, colors: ZoneColors[ZoneKey], spec: SignalSpec, method: PaintMethod) -> PaintPlan:
        """The checked plan of one paint."""
        if method == "v2":
            self.require("paint_v2")
        return plan_paint(
            colors,
            spec,
            method=method,
            local=self.target == "local",
            v2_known_missing=self.v2_missing,
            color_names=self.color_names,
        )

    def zone_route(
        self, zone: ZoneLike, layout: LayoutLike | None, pid: str | None
    ) -> tuple[str, str]:
        """``(pid, zoneId)`` for the by-zone routes, the zone checked like a send's."""
        chosen_pid = check_pid(pid) if pid is not None else self.pid
        chosen = self.layout_for(layout, chosen_pid)
        return chosen_pid, wire_zone(zone, chosen, self.zone_format, validate=self.validate_zones)

    def shadows(self, signals: Iterable[Signal]) -> list[Shadow]:
        """Server shadows normalised on the client's layout."""
        return normalize_shadows(signals, layout_resolver(self.layout))

    def layout_from_definitions(
        self, definitions: Sequence[DeviceDefinition], pid: str | None
    ) -> Layout | None:
        """The layout the cloud reports for `pid` (``languageLayout.languageTag``), if known."""
        wanted = pid or self.pid
        for definition in definitions:
            language = definition.language_layout
            if definition.pid != wanted or not language:
                continue
            try:
                return get_layout(language.language_tag, wanted)
            except UnknownLayoutError:
                return None
        return None

    def hints(self) -> AuthHints:
        """Add a note saying what to check to any `AuthenticationError` raised in the block."""
        return self._hints

    # --- bookkeeping ---------------------------------------------------------------------

    def learn_colors(self, colors: Iterable[Color]) -> None:
        """Remember the server's colour names for later sends."""
        self.color_names.update({color.name: color.code for color in colors})

    def learn_effects(self, pid: str, effects: Iterable[EffectInfo]) -> None:
        """Remember the effects `pid` supports; later sends are checked against them."""
        self.effects[pid] = tuple(effect.code for effect in effects)

    def created(self, key: SignalKey) -> None:
        """Remember a signal this client created (the newest `REMEMBERED_SIGNALS` only)."""
        with self._lock:
            self._created.pop(key[1], None)
            self._created[key[1]] = key[0]
            if len(self._created) > REMEMBERED_SIGNALS:
                # Bounded, so a long-running client does not grow without end: a keyboard
                # shows at most a few hundred zones, so the oldest are long covered.
                del self._created[next(iter(self._created))]

    def known_ids(self) -> set[int]:
        """The ids of the signals this client created (never adopted as another send's)."""
        with self._lock:
            return set(self._created)

    def now_ms(self) -> int:
        """Now on `clock`, in epoch milliseconds."""
        return int(self.clock() * 1000)

    def find_sent(
        self, signals: Iterable[Signal], body: SignalCreate, since_ms: int
    ) -> Signal | None:
        """The signal among `signals` that a send of `body` at `since_ms` created, if any."""
        layout_for = layout_resolver(self.layout)
        return find_sent(signals, body, since_ms, self.known_ids(), layout_for)

    def forget(self, signal_id: int) -> None:
        """Forget a signal (it was deleted)."""
        with self._lock:
            self._created.pop(signal_id, None)

    def version_of(self, signal_id: int) -> Literal["v1", "v2"]:
        """The API version that created `signal_id` (v1 unless this client made it with v2)."""
        with self._lock:
            return self._created.get(signal_id, "v1")

    def to_clear(self, result: PaintResult | None) -> list[SignalKey]:
        """The signals `clear()` deletes: those of `result`, else all this client created."""
        if result is not None:
            return list(result.signals)
        with self._lock:
            return [(version, signal_id) for signal_id, version in self._created.items()]

    def clear_round(
        self, shadows: Iterable[Shadow], deleted: set[int], client_name: str | None
    ) -> list[SignalKey]:
        """The signals one round of `clear_all` deletes, added to `deleted`.

        Those `shadows` show (only those sent as `client_name`, if given) that no earlier round
        deleted: a signal that is still shown after its delete is not tried forever.
        """
        shown_ids = unique_ids(
            shadow
            for shadow in shadows
            if client_name is None or sent_by(shadow.signal, client_name)
        )
        fresh = [signal_id for signal_id in shown_ids if signal_id not in deleted]
        deleted.update(fresh)
        return [(self.version_of(signal_id), signal_id) for signal_id in fresh]

    def record_paint(self, result: PaintResult) -> None:
        """Learn from a paint (a local app without v2 is not asked again)."""
        if result.v2_missing:
            self.v2_missing = True


def unique_ids(shadows: Iterable[Shadow]) -> list[int]:
    """The distinct signal ids behind `shadows`, in order."""
    return list(dict.fromkeys(shadow.signal_id for shadow in shadows))
