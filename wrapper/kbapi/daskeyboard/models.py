"""The response models of the Q API, as generated from spec/daskeyboard-q.yaml.

Re-exported here so that callers never import the generated package. Optional fields hold
``UNSET`` (falsy) when the server left them out. ``ZoneInfo`` is the server's zone list entry
(``GET /{pid}/zones``), not to be confused with `kbapi.daskeyboard.Zone` from the zone tables;
``EffectInfo`` likewise is the server's effect entry, not the `Effect` enum.
"""

from kbapi._generated.q_api.models import (
    AuthorizedClient,
    Color,
    Device,
    DeviceDefinition,
    LanguageLayout,
    LayoutZone,
    Signal,
    SignalPage,
    User,
    V2Signal,
)
from kbapi._generated.q_api.models import Effect as EffectInfo
from kbapi._generated.q_api.models import Zone as ZoneInfo
from kbapi._generated.q_api.types import UNSET, Unset

__all__ = [
    "UNSET",
    "AuthorizedClient",
    "Color",
    "Device",
    "DeviceDefinition",
    "EffectInfo",
    "LanguageLayout",
    "LayoutZone",
    "Signal",
    "SignalPage",
    "Unset",
    "User",
    "V2Signal",
    "ZoneInfo",
]
