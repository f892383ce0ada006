"""A typed view of a keyboards.qmk.fm `info.json` object: layouts, aliases, firmware format.

`KeyboardInfo.from_api` takes either the `{"last_updated", "keyboards": {kb: info}}` document
served at `v1/keyboards/<kb>/info.json` or a bare info object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from kbapi._core.errors import InputError, UnknownLayoutError
from kbapi._core.text import shown

FirmwareFormat = Literal["hex", "bin", "uf2"]

MAX_ALIAS_HOPS: Final = 32
_UF2_BOOTLOADERS: Final = frozenset({"rp2040", "tinyuf2", "uf2boot"})
_AVR_PREFIXES: Final = ("atmega", "at90usb", "attiny")


class KeyboardInfoError(InputError):
    """An info.json payload kbapi cannot use (wrong shape, missing keyboard)."""


def unknown_layout(keyboard: str, layout: str, available: list[str]) -> UnknownLayoutError:
    """The error for a keyboard without a layout (or alias) of that name."""
    names = ", ".join(available) or "none"
    return UnknownLayoutError(
        f"{keyboard} has no layout {layout!r}; available: {names}",
        layout=layout,
        keyboard=keyboard,
        available=available,
    )


@dataclass(frozen=True)
class LayoutKey:
    """One key of a layout: position and size in key units, matrix position, optional label."""

    x: float
    y: float
    w: float = 1.0
    h: float = 1.0
    matrix: tuple[int, int] | None = None
    label: str | None = None

    def describe(self) -> str:
        """Short human description, e.g. ``label 'Esc', matrix [0, 0]``."""
        parts = []
        if self.label:
            parts.append(f"label {self.label!r}")
        if self.matrix is not None:
            parts.append(f"matrix [{self.matrix[0]}, {self.matrix[1]}]")
        return ", ".join(parts) or f"x {self.x:g}, y {self.y:g}"


@dataclass(frozen=True)
class KeyboardInfo:
    """The parts of an info.json object kbapi uses. `raw` keeps the whole object."""

    keyboard: str
    name: str
    processor: str
    bootloader: str
    processor_type: str
    layouts: Mapping[str, tuple[LayoutKey, ...]]
    aliases: Mapping[str, str]
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_api(cls, payload: object, keyboard: str | None = None) -> KeyboardInfo:
        """Build from a `{last_updated, keyboards: {kb: info}}` document or a bare info object.

        With the wrapper, `keyboard` picks the entry; it may be omitted when there is only one.
        """
        if not isinstance(payload, Mapping):
            raise KeyboardInfoError(f"info.json must be an object, got {type(payload).__name__}")
        if "keyboards" in payload and "layouts" not in payload:
            return cls._from_wrapper(payload["keyboards"], keyboard)
        return cls.from_info(payload, keyboard)

    @classmethod
    def from_document(cls, payload: object, keyboard: str) -> KeyboardInfo:
        """Build from the metadata server's `{last_updated, keyboards: {kb: info}}` document only
        (what `QMKClient.info` reads: a bare info object there is not the documented answer)."""
        if not isinstance(payload, Mapping) or "keyboards" not in payload:
            raise KeyboardInfoError("info.json must be an object with `keyboards`")
        return cls._from_wrapper(payload["keyboards"], keyboard)

    @classmethod
    def _from_wrapper(cls, boards: object, keyboard: str | None) -> KeyboardInfo:
        if not isinstance(boards, Mapping) or not boards:
            raise KeyboardInfoError("info.json `keyboards` must be a non-empty object")
        if keyboard is None:
            if len(boards) != 1:
                names = ", ".join(sorted(map(str, boards)))
                raise KeyboardInfoError(f"several keyboards in the document, pick one: {names}")
            keyboard = str(next(iter(boards)))
        if keyboard not in boards:
            names = ", ".join(sorted(map(str, boards)))
            raise KeyboardInfoError(f"keyboard {keyboard!r} not in the document; found: {names}")
        return cls.from_info(boards[keyboard], keyboard)

    @classmethod
    def from_info(cls, info: object, keyboard: str | None = None) -> KeyboardInfo:
        """Build from a bare info object (the value of `keyboards[kb]`)."""
        if not isinstance(info, Mapping):
            raise KeyboardInfoError(f"info object must be an object, got {type(info).__name__}")
        folder = keyboard or _text(info, "keyboard_folder") or _text(info, "keyboard_name")
        if not folder:
            raise KeyboardInfoError("info object names no keyboard (keyboard_folder)")
        if "layouts" not in info:  # qmk_firmware info_json() always writes it: {} for none
            raise KeyboardInfoError(f"info object of {folder!r} has no `layouts`")
        return cls(
            keyboard=folder,
            name=_text(info, "keyboard_name") or folder,
            processor=_string(info, "processor"),
            bootloader=_string(info, "bootloader"),
            processor_type=_string(info, "processor_type"),
            layouts=_layouts(info["layouts"]),
            aliases=_aliases(info.get("layout_aliases", {})),
            raw=dict(info),
        )

    def layout_names(self) -> list[str]:
        """Every name `resolve_layout` accepts: real layouts, then aliases."""
        return [*self.layouts, *(a for a in self.aliases if a not in self.layouts)]

    def resolve_layout(self, name: str) -> str:
        """Return the real layout macro behind `name`, following `layout_aliases` chains."""
        seen: list[str] = []
        current = name
        while current not in self.layouts:
            if current in seen or len(seen) >= MAX_ALIAS_HOPS:
                chain = " -> ".join([*seen, current])
                raise KeyboardInfoError(f"{self.keyboard}: layout alias loop {chain}")
            if current not in self.aliases:
                raise unknown_layout(self.keyboard, name, self.layout_names())
            seen.append(current)
            current = self.aliases[current]
        return current

    def layout(self, name: str) -> tuple[LayoutKey, ...]:
        """The keys of layout `name` (aliases resolved), in LAYOUT macro argument order."""
        return self.layouts[self.resolve_layout(name)]

    def key_count(self, layout: str) -> int:
        """How many keycodes each layer of `layout` must have."""
        return len(self.layout(layout))

    @property
    def firmware_format(self) -> FirmwareFormat:
        """File type the build produces: `uf2` (RP2040), `hex` (AVR) or `bin` (other ARM)."""
        processor = self.processor.lower()
        if processor.startswith("rp2040") or self.bootloader.lower() in _UF2_BOOTLOADERS:
            return "uf2"
        if self.processor_type == "avr" or processor.startswith(_AVR_PREFIXES):
            return "hex"
        return "bin"

    def firmware_filename(self, keymap: str) -> str:
        """Name of the built file, e.g. ``planck_rev6_default.bin``."""
        return f"{self.keyboard.replace('/', '_')}_{keymap}.{self.firmware_format}"


def _text(info: Mapping[str, Any], key: str) -> str:
    value = info.get(key)
    return value if isinstance(value, str) else ""


def _string(info: Mapping[str, Any], key: str) -> str:
    """A field the firmware format is decided by: a string, or absent (empty)."""
    value = info.get(key, "")
    if not isinstance(value, str):
        raise KeyboardInfoError(f"info object `{key}` must be a string, got {shown(value, 40)}")
    return value


def _number(raw: Mapping[str, Any], key: str, default: float | None) -> float:
    value = raw.get(key, default)
    if value is None:
        raise KeyboardInfoError(f"layout key without {key!r}: {shown(raw, 60)}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise KeyboardInfoError(f"layout key field {key!r} must be a number, got {value!r}")
    try:
        return float(value)
    except OverflowError:  # an int of hundreds of digits
        raise KeyboardInfoError(f"layout key field {key!r} is out of range") from None


def _matrix(value: object) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, list | tuple) and len(value) == 2:
        row, col = (_index(v) for v in value)
        if row is not None and col is not None:
            return (row, col)
    raise KeyboardInfoError(f"layout key matrix must be [row, col], got {shown(value, 60)}")


def _index(value: object) -> int | None:
    """A matrix index: an int >= 0 (``3.0`` is an integer in JSON too), else None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _key(raw: object) -> LayoutKey:
    if not isinstance(raw, Mapping):
        raise KeyboardInfoError(f"layout key must be an object, got {raw!r}")
    label = raw.get("label")
    return LayoutKey(
        x=_number(raw, "x", None),
        y=_number(raw, "y", None),
        w=_number(raw, "w", 1.0),
        h=_number(raw, "h", 1.0),
        matrix=_matrix(raw.get("matrix")),
        label=label if isinstance(label, str) else None,
    )


def _layouts(raw: object) -> dict[str, tuple[LayoutKey, ...]]:
    if not isinstance(raw, Mapping):
        raise KeyboardInfoError("info object `layouts` must be an object")
    layouts: dict[str, tuple[LayoutKey, ...]] = {}
    for name, entry in raw.items():
        keys = entry.get("layout") if isinstance(entry, Mapping) else None
        if not isinstance(keys, list):
            raise KeyboardInfoError(f"layout {name!r} has no `layout` key list")
        layouts[str(name)] = tuple(_key(k) for k in keys)
    return layouts


def _aliases(raw: object) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
        raise KeyboardInfoError("info object `layout_aliases` must map names to names")
    return {str(k): v for k, v in raw.items()}
