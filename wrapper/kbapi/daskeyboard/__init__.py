"""Das Keyboard Q: zone ids, colours and effects (pure), and the API client.

from kbapi.daskeyboard import QClient

with QClient.local() as q:
    q.send("KEY_Q", "red")
    q.paint({"KEY_W": "#00F", "3,2": "green"})
    print(q.shadows())
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kbapi._lazy import exports

_EXPORTS = {
    "AuthorizationCodeGrant": "kbapi._core.auth",
    "ClientCredentials": "kbapi._core.auth",
    "PasswordGrant": "kbapi._core.auth",
    "RefreshTokenGrant": "kbapi._core.auth",
    "ClientOptions": "kbapi.daskeyboard.options",
    "SendOptions": "kbapi.daskeyboard.options",
    "SignalOptions": "kbapi.daskeyboard.options",
    "AsyncQClient": "kbapi.daskeyboard.async_client",
    "QClient": "kbapi.daskeyboard.client",
    "ColorError": "kbapi.daskeyboard.colors",
    "ColorLike": "kbapi.daskeyboard.colors",
    "normalize_color": "kbapi.daskeyboard.colors",
    "to_short": "kbapi.daskeyboard.colors",
    "EFFECT_NONE": "kbapi.daskeyboard.effects",
    "Effect": "kbapi.daskeyboard.effects",
    "EffectError": "kbapi.daskeyboard.effects",
    "validate_effect": "kbapi.daskeyboard.effects",
    "AuthorizedClient": "kbapi.daskeyboard.models",
    "Color": "kbapi.daskeyboard.models",
    "Device": "kbapi.daskeyboard.models",
    "DeviceDefinition": "kbapi.daskeyboard.models",
    "EffectInfo": "kbapi.daskeyboard.models",
    "Signal": "kbapi.daskeyboard.models",
    "SignalPage": "kbapi.daskeyboard.models",
    "User": "kbapi.daskeyboard.models",
    "V2Signal": "kbapi.daskeyboard.models",
    "ZoneInfo": "kbapi.daskeyboard.models",
    "AsyncSignalPager": "kbapi.daskeyboard.async_pager",
    "SignalPager": "kbapi.daskeyboard.pager",
    "ZoneColors": "kbapi.daskeyboard.paint",
    "DEFAULT_CLIENT_NAME": "kbapi.daskeyboard.signals",
    "ENV_API_KEY": "kbapi.daskeyboard.arguments",
    "ENV_URL": "kbapi.daskeyboard.arguments",
    "DuplicateZoneError": "kbapi.daskeyboard.paint",
    "PaintMethod": "kbapi.daskeyboard.paint",
    "PaintPlan": "kbapi.daskeyboard.paint",
    "PaintResult": "kbapi.daskeyboard.paint",
    "plan_paint": "kbapi.daskeyboard.paint",
    "Shadow": "kbapi.daskeyboard.signals",
    "SignalSpec": "kbapi.daskeyboard.signals",
    "parse_zone_color": "kbapi.daskeyboard.signals",
    "wire_zone": "kbapi.daskeyboard.signals",
    "CLOUD_URL": "kbapi.daskeyboard.targets",
    "DEFAULT_LOCAL_URL": "kbapi.daskeyboard.targets",
    "LEGACY_CLOUD_URL": "kbapi.daskeyboard.targets",
    "TargetError": "kbapi.daskeyboard.targets",
    "TargetKind": "kbapi.daskeyboard.targets",
    "EmptyCellError": "kbapi.daskeyboard.zones",
    "Layout": "kbapi.daskeyboard.zones",
    "OffGridError": "kbapi.daskeyboard.zones",
    "UnknownKeyCodeError": "kbapi.daskeyboard.zones",
    "UnknownLayoutError": "kbapi._core.errors",
    "UnsupportedConversionError": "kbapi.daskeyboard.zones",
    "Zone": "kbapi.daskeyboard.zone_ids",
    "ZoneError": "kbapi.daskeyboard.zone_ids",
    "ZoneId": "kbapi.daskeyboard.zone_ids",
    "ZoneKind": "kbapi.daskeyboard.zone_ids",
    "ZoneLike": "kbapi.daskeyboard.zone_ids",
    "ZoneSyntaxError": "kbapi.daskeyboard.zone_ids",
    "get_layout": "kbapi.daskeyboard.zones",
    "normalize_zone": "kbapi.daskeyboard.zones",
    "parse_zone_id": "kbapi.daskeyboard.zone_ids",
}

__all__ = [
    "CLOUD_URL",
    "DEFAULT_CLIENT_NAME",
    "DEFAULT_LOCAL_URL",
    "EFFECT_NONE",
    "ENV_API_KEY",
    "ENV_URL",
    "LEGACY_CLOUD_URL",
    "AsyncQClient",
    "AsyncSignalPager",
    "AuthorizationCodeGrant",
    "AuthorizedClient",
    "ClientCredentials",
    "ClientOptions",
    "Color",
    "ColorError",
    "ColorLike",
    "Device",
    "DeviceDefinition",
    "DuplicateZoneError",
    "Effect",
    "EffectError",
    "EffectInfo",
    "EmptyCellError",
    "Layout",
    "OffGridError",
    "PaintMethod",
    "PaintPlan",
    "PaintResult",
    "PasswordGrant",
    "QClient",
    "RefreshTokenGrant",
    "SendOptions",
    "Shadow",
    "Signal",
    "SignalOptions",
    "SignalPage",
    "SignalPager",
    "SignalSpec",
    "TargetError",
    "TargetKind",
    "UnknownKeyCodeError",
    "UnknownLayoutError",
    "UnsupportedConversionError",
    "User",
    "V2Signal",
    "Zone",
    "ZoneColors",
    "ZoneError",
    "ZoneId",
    "ZoneInfo",
    "ZoneKind",
    "ZoneLike",
    "ZoneSyntaxError",
    "get_layout",
    "normalize_color",
    "normalize_zone",
    "parse_zone_color",
    "parse_zone_id",
    "plan_paint",
    "to_short",
    "validate_effect",
    "wire_zone",
]

# The names load on first use; type checkers read them here.
if TYPE_CHECKING:
    from kbapi._core.auth import (
        AuthorizationCodeGrant,
        ClientCredentials,
        PasswordGrant,
        RefreshTokenGrant,
    )
    from kbapi._core.errors import UnknownLayoutError
    from kbapi.daskeyboard.arguments import ENV_API_KEY, ENV_URL
    from kbapi.daskeyboard.async_client import AsyncQClient
    from kbapi.daskeyboard.async_pager import AsyncSignalPager
    from kbapi.daskeyboard.client import QClient
    from kbapi.daskeyboard.colors import ColorError, ColorLike, normalize_color, to_short
    from kbapi.daskeyboard.effects import EFFECT_NONE, Effect, EffectError, validate_effect
    from kbapi.daskeyboard.models import (
        AuthorizedClient,
        Color,
        Device,
        DeviceDefinition,
        EffectInfo,
        Signal,
        SignalPage,
        User,
        V2Signal,
        ZoneInfo,
    )
    from kbapi.daskeyboard.options import ClientOptions, SendOptions, SignalOptions
    from kbapi.daskeyboard.pager import SignalPager
    from kbapi.daskeyboard.paint import (
        DuplicateZoneError,
        PaintMethod,
        PaintPlan,
        PaintResult,
        ZoneColors,
        plan_paint,
    )
    from kbapi.daskeyboard.signals import (
        DEFAULT_CLIENT_NAME,
        Shadow,
        SignalSpec,
        parse_zone_color,
        wire_zone,
    )
    from kbapi.daskeyboard.targets import (
        CLOUD_URL,
        DEFAULT_LOCAL_URL,
        LEGACY_CLOUD_URL,
        TargetError,
        TargetKind,
    )
    from kbapi.daskeyboard.zone_ids import (
        Zone,
        ZoneError,
        ZoneId,
        ZoneKind,
        ZoneLike,
        ZoneSyntaxError,
        parse_zone_id,
    )
    from kbapi.daskeyboard.zones import (
        EmptyCellError,
        Layout,
        OffGridError,
        UnknownKeyCodeError,
        UnsupportedConversionError,
        get_layout,
        normalize_zone,
    )

__getattr__, __dir__ = exports(__name__, _EXPORTS)
