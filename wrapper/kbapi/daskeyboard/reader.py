"""Read a stored signal (``POST /signals`` answers it on every send) at a third of the cost.

`read_signal(body)` builds what the generated ``Signal.from_dict(body)`` builds, field for field,
and refuses what it refuses (a missing required key: `KeyError`; not an object: `TypeError` or
`ValueError`). The generated parser imports its nested models and defines a closure per nullable
field on every call, which cost as much as the rest of kbapi's work on a send (callgrind:
77,800 instructions against 40,800 here). tests/unit/test_signal_reader.py compares the two on
bodies of every property the spec gives a Signal, and fails when the spec gains one.
"""

from __future__ import annotations

from typing import Any

from kbapi._generated.q_api.models.effect_setting import EffectSetting
from kbapi._generated.q_api.models.signal import Signal
from kbapi._generated.q_api.models.zone_configuration import ZoneConfiguration
from kbapi._generated.q_api.types import UNSET, Unset


def read_signal(body: Any) -> Signal:
    """``Signal.from_dict(body)``: the keys are read in the generated parser's order."""
    d = dict(body)
    signal = Signal(
        id=d.pop("id"),
        name=d.pop("name"),
        pid=d.pop("pid"),
        zone_id=d.pop("zoneId"),
        color=d.pop("color"),
        created_at=d.pop("createdAt"),
        updated_at=d.pop("updatedAt"),
        message=d.pop("message", UNSET),
        effect=d.pop("effect", UNSET),
        action=d.pop("action", UNSET),
        client_name=d.pop("clientName", UNSET),
        is_read=d.pop("isRead", UNSET),
        is_archived=d.pop("isArchived", UNSET),
        is_muted=d.pop("isMuted", UNSET),
        user_id=d.pop("userId", UNSET),
        read_at=d.pop("readAt", UNSET),
        should_notify=d.pop("shouldNotify", UNSET),
        zone_configuration=_zone_configuration(d.pop("zoneConfiguration", UNSET)),
        is_coming_from_public_api_only=d.pop("isComingFromPublicApiOnly", UNSET),
    )
    signal.additional_properties = d
    return signal


def _zone_configuration(value: Any) -> ZoneConfiguration | Unset:
    if isinstance(value, Unset):
        return UNSET
    d = dict(value)
    config = ZoneConfiguration(
        passive_effect=_effect(d.pop("passiveEffect", UNSET)),
        active_effect=_effect(d.pop("activeEffect", UNSET)),
    )
    config.additional_properties = d
    return config


def _effect(value: Any) -> EffectSetting | Unset:
    if isinstance(value, Unset):
        return UNSET
    d = dict(value)
    effect = EffectSetting(name=d.pop("name", UNSET), color=d.pop("color", UNSET))
    effect.additional_properties = d
    return effect
