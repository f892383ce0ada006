"""KLE (keyboard-layout-editor.com) raw data -> QMK info.json layout, like `/v1/converters/kle`.

KLE raw data is JavaScript-ish: rows of arrays, unquoted object keys, an optional leading
metadata object (`{name: "..."}`). Legends are strings; objects before a key set its offset
(`x`, `y`) and size (`w`, `h`) for the next key only, `d: true` marks a decal (skipped).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any


class KLEError(ValueError):
    """The raw data could not be parsed."""


def _quote_keys(raw: str) -> str:
    out: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        char = raw[i]
        if char in "\"'":
            end = _string_end(raw, i)
            out.append(json.dumps(_unescape(raw[i + 1 : end], char)))
            i = end + 1
        elif char.isalpha() or char == "_":
            j = i
            while j < n and (raw[j].isalnum() or raw[j] == "_"):
                j += 1
            word = raw[i:j]
            rest = raw[j:].lstrip()
            out.append(json.dumps(word) if rest.startswith(":") else word)
            i = j
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _string_end(raw: str, start: int) -> int:
    i = start + 1
    while i < len(raw):
        if raw[i] == "\\":
            i += 2
            continue
        if raw[i] == raw[start]:
            return i
        i += 1
    raise KLEError("unterminated string")


def _unescape(body: str, quote: str) -> str:
    try:
        return str(json.loads('"' + body.replace("\\" + quote, quote).replace('"', '\\"') + '"'))
    except json.JSONDecodeError as exc:
        raise KLEError(f"bad string escape: {exc.msg}") from exc


def source(data: Mapping[str, Any], gists: Mapping[str, str]) -> str:
    """The raw KLE data of a request: `raw`, or the gist `id` (or URL) from `gists`."""
    if "id" not in data:
        raw = data["raw"]
    else:
        gist = data["id"]
        if not isinstance(gist, str):
            raise KLEError(f"'{type(gist).__name__}' object has no attribute 'split'")
        name = gist.split("/")[-1]
        if name not in gists:
            raise KLEError(f"no gist {name!r}")
        raw = gists[name][1:-1]  # the outer `[ ]`, as upstream strips it
    if not isinstance(raw, str):
        raise KLEError("raw must be a string")
    return raw


def parse_raw(raw: str) -> list[Any]:
    """Parse KLE raw data into a list of rows (and an optional leading metadata dict)."""
    text = _quote_keys(raw.strip())
    try:
        data = json.loads(f"[{text}]")
    except json.JSONDecodeError as exc:
        raise KLEError(f"{exc.msg} at position {exc.pos}") from exc
    if (
        len(data) == 1
        and isinstance(data[0], list)
        and data[0]
        and isinstance(data[0][0], list | dict)
    ):
        data = data[0]
    if not all(isinstance(row, list | dict) for row in data):
        raise KLEError("every row must be an array")
    return list(data)


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise KLEError(f"{name} must be a finite number")
    return float(value)


def _row_keys(row: list[Any], y: float) -> tuple[list[dict[str, Any]], float]:
    keys: list[dict[str, Any]] = []
    x, w, h, decal = 0.0, 1.0, 1.0, False
    for item in row:
        if isinstance(item, dict):
            x += _number(item.get("x", 0), "x")
            y += _number(item.get("y", 0), "y")
            w = _number(item.get("w", w), "w")
            h = _number(item.get("h", h), "h")
            decal = bool(item.get("d", decal))
            continue
        if not isinstance(item, str):
            raise KLEError("a key legend must be a string")
        if not decal:
            keys.append(_key(item, x, y, w, h))
        x += w
        w, h, decal = 1.0, 1.0, False
    return keys, y


def _key(legend: str, x: float, y: float, w: float, h: float) -> dict[str, Any]:
    key: dict[str, Any] = {}
    label = legend.split("\n")[0]
    if label:
        key["label"] = label
    key["x"], key["y"] = x, y
    if w != 1:
        key["w"] = w
    if h != 1:
        key["h"] = h
    return key


def convert(raw: str) -> dict[str, Any]:
    """Return `{keyboard_name, url, maintainer, layouts: {LAYOUT: {layout: [...]}}}` for `raw`."""
    rows = parse_raw(raw)
    name = ""
    y = 0.0
    layout: list[dict[str, Any]] = []
    for row in rows:
        if isinstance(row, dict):
            name = str(row.get("name", name))
            continue
        keys, y = _row_keys(row, y)
        layout.extend(keys)
        y += 1
    if not layout:
        raise KLEError("no keys found")
    return {
        "keyboard_name": name,
        "url": "",
        "maintainer": "qmk",
        "layouts": {"LAYOUT": {"layout": layout}},
    }


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def render(info: dict[str, Any]) -> str:
    """Pretty-print like the live converter: one line per top-level field, keys inline."""
    keys = ", ".join(
        "{" + ", ".join(f"{json.dumps(k)}:{_render_value(v)}" for k, v in key.items()) + "}"
        for key in info["layouts"]["LAYOUT"]["layout"]
    )
    return (
        "{\n"
        f'    "keyboard_name": {json.dumps(info["keyboard_name"])}, \n'
        f'    "url": {json.dumps(info["url"])}, \n'
        f'    "maintainer": {json.dumps(info["maintainer"])}, \n'
        '    "layouts": {\n'
        '        "LAYOUT": {\n'
        f'            "layout": [{keys}]\n'
        "        }\n"
        "    }\n"
        "}"
    )


def _render_value(value: Any) -> str:
    return _num(value) if isinstance(value, float) else json.dumps(value)
