"""Das Keyboard Q: zone ids, colours and effects (pure), and the API client.

from kbapi.daskeyboard import QClient

with QClient.local() as q:
    q.send("KEY_Q", "red")
    q.paint({"KEY_W": "#00F", "3,2": "green"})
    print(q.shadows())
"""

from kbapi._core.auth import (
    AuthorizationCodeGrant,
    ClientCredentials,
    PasswordGrant,
    RefreshTokenGrant,
)
from kbapi.daskeyboard._shared import ClientOptions
from kbapi.daskeyboard.async_client import AsyncQClient
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
from kbapi.daskeyboard.paging import AsyncSignalPager, SignalPager
from kbapi.daskeyboard.paint import (
    DuplicateZoneError,
    PaintMethod,
    PaintPlan,
    PaintResult,
    plan_paint,
)
from kbapi.daskeyboard.signals import Shadow, SignalSpec, parse_zone_color, wire_zone
from kbapi.daskeyboard.targets import (
    CLOUD_URL,
    DEFAULT_LOCAL_URL,
    LEGACY_CLOUD_URL,
    TargetError,
    TargetKind,
)
from kbapi.daskeyboard.zones import (
    EmptyCellError,
    Layout,
    OffGridError,
    UnknownKeyCodeError,
    UnknownLayoutError,
    UnsupportedConversionError,
    Zone,
    ZoneError,
    ZoneId,
    ZoneKind,
    ZoneLike,
    ZoneSyntaxError,
    get_layout,
    normalize_zone,
    parse_zone_id,
)

__all__ = [
    "CLOUD_URL",
    "DEFAULT_LOCAL_URL",
    "EFFECT_NONE",
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
    "Shadow",
    "Signal",
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
