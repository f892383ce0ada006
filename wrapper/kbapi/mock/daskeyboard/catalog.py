"""Static metadata of the cloud mock: devices, device definitions, colours, effects (§4.2-4.6)."""

from __future__ import annotations

from typing import Any

from kbapi.mock.daskeyboard.config import QAccount
from kbapi.mock.daskeyboard.zones import ZoneTable

VID = "24F0"
# pid -> (name, model number, description). Only the 5Q model number is documented.
MODELS: dict[str, tuple[str, str, str]] = {
    "DK5QPID": (
        "Das Keyboard 5Q",
        "DKPK5Q0P0GZS0DEX",
        "DK 5Q - The cloud connected keyboard by Das Keyboard",
    ),
    "DK4QPID": ("Das Keyboard 4Q", "DK4Q", "DK 4Q - The cloud connected keyboard by Das Keyboard"),
    "X50QPID": ("Das Keyboard X50Q", "X50Q", "X50Q - The cloud connected gaming keyboard"),
}
COLORS = (
    ("#F00", "Red"),
    ("#0F0", "Green"),
    ("#00F", "Blue"),
    ("#FF0", "Yellow"),
    ("#0FF", "Cyan"),
    ("#F0F", "Magenta"),
    ("#FFF", "White"),
    ("#000", "Black"),
    ("#F80", "Orange"),
    ("#80F", "Purple"),
    ("#F8C", "Pink"),
    ("#888", "Grey"),
)
# The 9 effects with the cloud's labels, in the order of the local app's effect numbers.
EFFECTS = {
    "SET_COLOR": "set color",
    "BLINK": "Blink",
    "BREATHE": "Breathe",
    "COLOR_CYCLE": "Color cycle",
    "RIPPLE": "Ripple",
    "INWARD_RIPPLE": "Inward ripple",
    "BOUNCING_LIGHT": "Bouncing light",
    "LASER": "Laser",
    "WAVE": "Wave",
}
EPOCH_MS = 1520377021863


def known_pids(device_pid: str) -> tuple[str, ...]:
    """Every pid the cloud mock has a definition for."""
    return tuple(dict.fromkeys((*MODELS, device_pid)))


def _model(pid: str) -> tuple[str, str, str]:
    return MODELS.get(pid, (pid, pid, f"{pid} - Das Keyboard Q device"))


def definition(pid: str, table: ZoneTable) -> dict[str, Any]:
    """One device definition with the configured layout's `languageLayout`."""
    name, model_number, description = _model(pid)
    return {
        "name": name,
        "vid": VID,
        "pid": pid,
        "modelNumber": model_number,
        "description": description,
        "zones": [{"id": zone.code, "description": zone.label} for zone in table.zones],
        "languageLayout": table.language_layout(),
    }


def device(account: QAccount, pid: str) -> dict[str, Any]:
    """The user's one device."""
    return {
        "id": 1000 + account.user_id,
        "userId": account.user_id,
        "pid": pid,
        "firmwareVersion": "0.0.0.0",
        "vid": VID,
        "description": _model(pid)[2],
        "uuid": f"mock-device-{account.user_id}",
        "versionNumber": 1,
        "updateOrigin": None,
        "isDeleted": False,
        "createdAt": EPOCH_MS,
        "updatedAt": EPOCH_MS,
    }


def colors() -> list[dict[str, str]]:
    """`GET /colors`: `[{code, name}]` with `#RGB` codes."""
    return [{"code": code, "name": name} for code, name in COLORS]


def effects() -> list[dict[str, str]]:
    """`GET /{pid}/effects`: the 9 effects as `[{code, label}]`."""
    return [{"code": code, "label": label} for code, label in EFFECTS.items()]
