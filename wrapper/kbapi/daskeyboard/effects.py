"""Signal effects: the nine documented ones, and a validator for user input."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Final

from kbapi._core.errors import InputError
from kbapi._core.text import shown


class Effect(StrEnum):
    """The nine effects documented for the Q API (``GET /api/1.0/{pid}/effects`` on the 5Q).

    Devices differ: older X50Q firmware lacks some, and the 4Q list is undocumented; pass the
    device's list to `validate_effect` when you have it.
    """

    SET_COLOR = "SET_COLOR"
    BLINK = "BLINK"
    BREATHE = "BREATHE"
    COLOR_CYCLE = "COLOR_CYCLE"
    RIPPLE = "RIPPLE"
    INWARD_RIPPLE = "INWARD_RIPPLE"
    BOUNCING_LIGHT = "BOUNCING_LIGHT"
    LASER = "LASER"
    WAVE = "WAVE"


EFFECT_NONE: Final = "NONE"
"""Not in any effect list, but the official examples send ``effect: NONE`` with ``#000`` to switch
a key off. `validate_effect` always accepts it."""

DEFAULT_EFFECT: Final = Effect.SET_COLOR
"""What the API uses when a signal has no ``effect``."""

_CODE_RE: Final = re.compile(r"[A-Z][A-Z0-9_]*", re.ASCII | re.IGNORECASE)
_MAX_TEXT: Final = 64


class EffectError(InputError):
    """The value is not an effect kbapi can send (to this device)."""


def validate_effect(value: str, allowed: Iterable[str] | None = None) -> str:
    """`value` as an upper-case effect code, e.g. ``"breathe"`` -> ``"BREATHE"``.

    Spaces and ``-`` become ``_`` (``"set color"``, the effects endpoint's label, gives
    ``SET_COLOR``). Without `allowed` the code must be an `Effect` or `EFFECT_NONE`; with
    `allowed` (the device's ``GET /{pid}/effects`` codes) it must be in that list or be
    `EFFECT_NONE`. Raises `EffectError` otherwise.
    """
    code = _code(value)
    choices = _choices(allowed)
    if code != EFFECT_NONE and code not in choices:
        where = "this device's effects" if allowed is not None else "the documented effects"
        raise EffectError(
            f"unknown effect {shown(value)}: expected one of {where}: "
            f"{', '.join([*sorted(choices), EFFECT_NONE])}"
        )
    return code


def _code(value: object) -> str:
    if not isinstance(value, str):
        raise EffectError(f"invalid effect {shown(value)}: expected a string such as 'SET_COLOR'")
    text = value.strip()
    code = re.sub(r"[\s-]+", "_", text) if len(text) <= _MAX_TEXT else ""
    if not _CODE_RE.fullmatch(code):
        raise EffectError(f"invalid effect {shown(value)}: expected a code such as 'SET_COLOR'")
    return code.upper()


def _choices(allowed: Iterable[str] | None) -> frozenset[str]:
    if allowed is None:
        return frozenset(Effect)
    if isinstance(allowed, str):
        raise EffectError("allowed effects must be a list of codes, not a single string")
    return frozenset(item.strip().upper() for item in allowed if isinstance(item, str))
