"""An independent description of the Das Keyboard 5Q / X50Q zones, to test the shipped tables.

Nothing here is read from kbapi's data files. It is written from the facts of the reference
(`../shared/reference/daskeyboard-q-api.md` §7):

- the grid and its formula, ``linear = 24 * (y + 1) + x`` (§7.2);
- the cells with no zone on US 104, and ISO 105 as the same minus 122 (§7.2);
- the multi-LED zones and their LED ids (§7.2);
- the keys of a US 104-key ANSI board, row by row in physical order, which fill the non-empty
  cells of each row from left to right (the 104Q.png picture of §7.1);
- each ISO layout as US plus its documented differences (§7.5).
"""

from __future__ import annotations

from dataclasses import dataclass

US_EMPTY = frozenset(
    {26, 31, 62, 86, 98, 110, 112, 113, 114, 118, 122, 133, 134, 136, 138, 142, 148}
    | {149, 150, 152, 153, 154, 158, 163}
)
ISO_TAGS = ("fr-FR", "de-DE", "it-IT", "es-ES")
MULTI_LED = {
    "KEY_LIGHT_PIPE_LEFT": (0, 24, 48, 72, 96, 120, 144, 168, 192),
    "KEY_LIGHT_PIPE_RIGHT": (71, 95, 119, 143, 167, 191, 215),
    "KEY_MACRO_1": (43, 18),
    "KEY_MACRO_2": (44, 19),
    "KEY_MACRO_3": (45, 20),
    "KEY_VOLUME_Q_BUTTON": (21, 46, 47, 22),
}

# A US 104-key board in physical order, row by row (without the KEY_ prefix). The left light pipe
# covers column 0 of every row (its zone is 0,0); the right one column 23 of rows 1-5 (its zone is
# 23,1); the Q button 22,0 and 23,0 (its zone is 22,0).
_US_ROWS = (
    "LIGHT_PIPE_LEFT ESCAPE F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 PRINT_SCREEN SCROLL_LOCK"
    " PAUSE_BREAK MACRO_1 MACRO_2 MACRO_3 VOLUME_Q_BUTTON",
    "BACKTICK 1 2 3 4 5 6 7 8 9 0 SUBTRACT EQUAL BACKSPACE INSERT HOME PAGE_UP NUMLOCK"
    " NUMPAD_DIVIDE NUMPAD_MULTIPLY NUMPAD_SUBTRACT LIGHT_PIPE_RIGHT",
    "TAB Q W E R T Y U I O P OPEN_SQUARE_BRACKET CLOSE_SQUARE_BRACKET BACKSLASH DELETE END"
    " PAGE_DOWN NUMPAD_7 NUMPAD_8 NUMPAD_9 NUMPAD_ADD",
    "CAPS_LOCK A S D F G H J K L SEMICOLON QUOTE ENTER NUMPAD_4 NUMPAD_5 NUMPAD_6",
    "SHIFT_LEFT Z X C V B N M COMMA DOT SLASH SHIFT_RIGHT ARROW_UP NUMPAD_1 NUMPAD_2 NUMPAD_3",
    "CONTROL_LEFT META_LEFT ALT_LEFT SPACE ALT_RIGHT FN_KEY META_RIGHT CONTROL_RIGHT ARROW_LEFT"
    " ARROW_DOWN ARROW_RIGHT NUMPAD_0 NUMPAD_DECIMAL NUMPAD_ENTER",
)

# §7.5: per-layout codes that differ from US, by linear id (without the KEY_ prefix).
ISO_DIFFERENCES = {
    "de-DE": {49: "ROOFTOP", 60: "ESZETT", 61: "ACUTE_ACCENT", 79: "Z", 84: "UBERMUT", 85: "ADD",
              87: "ENTER", 108: "OKONOM", 109: "ARGER", 111: "HASH", 122: "LESS_THAN", 123: "Y",
              132: "SUBTRACT"},
    "it-IT": {49: "BACKSLASH", 60: "QUOTE", 61: "ROOFTOP", 87: "ENTER", 108: "CEDILLA", 109: "HASH",
              111: "DOLLAR_SIGN", 122: "LESS_THAN", 132: "SUBTRACT"},
    "es-ES": {49: "BACKSLASH", 60: "QUOTE", 61: "EXCLAMATION_MARK", 87: "ENTER", 108: "SPANISH_N",
              109: "ACUTE_ACCENT", 111: "CEDILLA", 122: "LESS_THAN", 132: "SUBTRACT"},
    "fr-FR": {49: "EXP_2", 60: "CLOSE_SQUARE_BRACKET", 74: "A", 75: "Z", 84: "ROOFTOP",
              85: "DOLLAR_SIGN", 87: "ENTER", 99: "Q", 108: "M", 109: "PERCENT", 111: "MICRO",
              122: "LESS_THAN", 123: "W", 129: "COMMA", 130: "SEMICOLON", 131: "SLASH",
              132: "EXCLAMATION_MARK"},
}  # fmt: skip


@dataclass(frozen=True)
class ExpectedZone:
    """One zone as the reference describes it."""

    code: str
    linear: int
    led_ids: tuple[int, ...]

    @property
    def x(self) -> int:
        return self.linear % 24

    @property
    def y(self) -> int:
        return self.linear // 24 - 1

    @property
    def xy(self) -> str:
        return f"{self.x},{self.y}"


def linear_of(x: int, y: int) -> int:
    """§7.2: the linear id of a grid cell."""
    return 24 * (y + 1) + x


def _us_codes() -> dict[int, str]:
    codes: dict[int, str] = {}
    for y, row in enumerate(_US_ROWS):
        names = row.split()
        columns = range(0, 23) if y == 0 else [*range(1, 23), *([23] if y == 1 else [])]
        free = [x for x in columns if linear_of(x, y) not in US_EMPTY]
        assert len(free) == len(names), (y, len(free), len(names))
        codes.update({linear_of(x, y): "KEY_" + name for x, name in zip(free, names, strict=True)})
    return codes


def expected_zones(tag: str) -> dict[str, ExpectedZone]:
    """Every zone of a layout, by code."""
    codes = _us_codes()
    if tag in ISO_DIFFERENCES:
        codes.update({linear: "KEY_" + name for linear, name in ISO_DIFFERENCES[tag].items()})
    elif tag not in ("en-US", "ru-RU"):  # §7.5: ru-RU has the US codes
        raise KeyError(tag)
    return {
        code: ExpectedZone(code, linear, MULTI_LED.get(code, (linear,)))
        for linear, code in codes.items()
    }


def empty_cells(tag: str) -> frozenset[int]:
    """§7.2: grid cells with no zone."""
    return US_EMPTY - {122} if tag in ISO_TAGS else US_EMPTY
