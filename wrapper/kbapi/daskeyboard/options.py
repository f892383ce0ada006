"""The keyword options of the Q clients' constructors, `send()` and `paint()` (typed, checked).

`ClientOptions` is what every constructor takes besides its target's own arguments;
`SignalOptions` / `SendOptions` what a paint / a send takes (see `QClient.send`).
"""

from __future__ import annotations

from typing import Literal, TypeAlias, TypedDict

import httpx

from kbapi._core.client import TransportOptions
from kbapi._core.ratelimit import RateLimiter
from kbapi.daskeyboard.zones import Layout, ZoneKind

LimiterChoice: TypeAlias = RateLimiter | Literal["shared"] | None
LayoutLike: TypeAlias = str | Layout


class ClientOptions(TypedDict, total=False):
    """Keyword options every `QClient` / `AsyncQClient` constructor accepts.

    See `QClient` for their meaning.
    """

    layout: LayoutLike
    device: str
    pid: str | None
    zone_format: ZoneKind
    validate_zones: bool
    max_concurrency: int | None
    timeout: httpx.Timeout | float | None
    rate_limiter: LimiterChoice
    http_options: TransportOptions | None


class SignalOptions(TypedDict, total=False):
    """Keyword options of `send()` and `paint()`: what a signal shows and how its zones are read.

    `effect` (default ``SET_COLOR``); `name` and `message` (empty: the signal only lights the
    LEDs); `layout` and `pid` (default: the client's); `zone_format` (how zones are written on
    the wire, default the client's); `validate` (check zones on the layout, default the client's).
    """

    effect: str
    name: str
    message: str
    layout: LayoutLike | None
    zone_format: ZoneKind | None
    validate: bool | None
    pid: str | None


class SendOptions(SignalOptions, total=False):
    """`SignalOptions` plus what only `send()` sets: `action` (``url:https://...``, cloud) and
    `is_muted`."""

    action: str | None
    is_muted: bool | None
