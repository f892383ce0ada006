"""Das Keyboard Q: zone ids, colours and effects (pure), and the API client."""

from kbapi.daskeyboard.colors import ColorError, normalize_color, to_short
from kbapi.daskeyboard.effects import EFFECT_NONE, Effect, EffectError, validate_effect
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
    ZoneSyntaxError,
    get_layout,
    normalize_zone,
    parse_zone_id,
)

__all__ = [
    "EFFECT_NONE",
    "ColorError",
    "Effect",
    "EffectError",
    "EmptyCellError",
    "Layout",
    "OffGridError",
    "UnknownKeyCodeError",
    "UnknownLayoutError",
    "UnsupportedConversionError",
    "Zone",
    "ZoneError",
    "ZoneId",
    "ZoneSyntaxError",
    "get_layout",
    "normalize_color",
    "normalize_zone",
    "parse_zone_id",
    "to_short",
    "validate_effect",
]
