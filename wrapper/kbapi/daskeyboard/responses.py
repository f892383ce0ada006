"""What a Q answer must hold beyond the types of its generated models.

`kbapi._core.conform` holds every parsed model to its annotated types; these rules add what
the spec says and an annotation cannot: the patterns of pids, zone ids and colours, and the
minimum of the page envelope's numbers (spec/daskeyboard-q.yaml `Pid`, `ZoneId`, `ColorCode`,
`SignalPage`). Each Q client passes them with every parsed answer.
"""

from __future__ import annotations

from typing import Final

from kbapi._core.conform import Rules, at_least, matches
from kbapi._generated.q_api.models import (
    Color,
    Device,
    DeviceDefinition,
    EffectSetting,
    Signal,
    SignalPage,
    V2Signal,
)

PID: Final = matches(r"[A-Z][A-Z0-9_]*", "a device pid (upper case, digits, _)")
ZONE_ID: Final = matches(r"KEY_[A-Z0-9_]+|-?\d+|\d+,\d+", "a zone id (KEY_..., 74 or 2,2)")
COLOR: Final = matches(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})", "a colour (#RGB or #RRGGBB)")
NOT_NEGATIVE: Final = at_least(0)

RULES: Final[Rules] = {
    Signal: {"pid": PID, "zone_id": ZONE_ID, "color": COLOR},
    V2Signal: {"pid": PID, "zone_id": ZONE_ID, "color": COLOR},
    EffectSetting: {"color": COLOR},
    Color: {"code": COLOR},
    Device: {"pid": PID},
    DeviceDefinition: {"pid": PID},
    SignalPage: {
        "size": NOT_NEGATIVE,
        "page": NOT_NEGATIVE,
        "total_elements": NOT_NEGATIVE,
        "total_pages": NOT_NEGATIVE,
    },
}
