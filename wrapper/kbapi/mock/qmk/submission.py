"""What `POST /v1/compile` refuses before it queues a job, in the upstream handler's order."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from kbapi.mock.qmk.http import error, html_error

REQUIRED_KEYS = ("keyboard", "keymap", "layout", "layers")


def refusal(data: Any, live_deviations: bool) -> Response | None:
    """The answer to a compile request body that cannot be queued; None when it can."""
    if not data:
        return error("Invalid JSON data!")
    if live_deviations and _handler_crashes(data):
        return html_error(500)
    if not isinstance(data, dict):
        return error("Invalid JSON data!")
    keyboard, keymap = data.get("keyboard"), data.get("keymap")
    if (isinstance(keyboard, str) and "." in keyboard) or (
        isinstance(keymap, str) and "/" in keymap
    ):
        return error("Buzz off hacker.", 422)
    bad = _missing_keys(data) if live_deviations else _bad_keys(data)
    if bad:
        return error(f"Invalid or missing keys: {', '.join(bad)}")
    return None


def _bad_keys(data: dict[str, Any]) -> list[str]:
    types: dict[str, type] = {"keyboard": str, "keymap": str, "layout": str, "layers": list}
    return [key for key in REQUIRED_KEYS if not isinstance(data.get(key), types[key])]


def _missing_keys(data: dict[str, Any]) -> list[str]:
    return [key for key in REQUIRED_KEYS if key not in data]


def _handler_crashes(data: Any) -> bool:
    """True where upstream's ``'.' in data['keyboard'] or '/' in data['keymap']`` raises."""
    searchable = (str, list, dict)
    if not isinstance(data, dict) or not isinstance(data.get("keyboard"), searchable):
        return True
    if "." in data["keyboard"]:
        return False
    return not isinstance(data.get("keymap"), searchable)
