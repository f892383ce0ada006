"""Draw a Q keyboard in the terminal with rich, each key in its colour (truecolor when the
terminal has it; rich downsamples otherwise).

    console.print(render_keyboard(get_layout("en-US"), {"2,2": "#FF0000"}))

Keys are spaced with their real widths (`kbapi.daskeyboard.keycaps`): 4 columns per key unit
when the console is wide enough (97 columns with the frame), 3 at 80 columns, 2 below. Without
colour (piped, ``NO_COLOR``) lit keys are bracketed, ``[ Q ]``, and a legend lists each lit
zone with its colour and effect; with colour, effects other than SET_COLOR are listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from kbapi.daskeyboard.colors import normalize_color
from kbapi.daskeyboard.effects import DEFAULT_EFFECT
from kbapi.daskeyboard.keycaps import ANSI, ISO, LEFT_PIPE, RIGHT_PIPE, TOTAL_UNITS, Part, fit_label
from kbapi.daskeyboard.paint import ZoneColors, ZoneKey
from kbapi.daskeyboard.signals import Shadow, color_map
from kbapi.daskeyboard.zones import GRID_HEIGHT, EmptyCellError, Layout, Zone

UNLIT: Final = Style(color="grey70", bgcolor="grey23")
PIPE: Final = Style(color="grey50")
FRAME: Final = 4
"""Columns the panel around the drawing takes (border and padding)."""
SCALES: Final = (4, 3, 2)
"""Columns per key unit, widest first."""


def columns(scale: int) -> int:
    """Columns the drawing takes at `scale` columns per key unit (without the frame)."""
    return 2 + _at(TOTAL_UNITS, scale) + 1


def text_color(background: str) -> str:
    """Black or white, whichever reads better on `background` (``#RRGGBB``)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#FFFFFF"


def lit_style(color: str) -> Style:
    """The style of a key lit in `color`."""
    return Style(color=text_color(color), bgcolor=color, bold=True)


def canonical_colors(layout: Layout, colors: ZoneColors[ZoneKey]) -> dict[str, str]:
    """`colors` keyed by canonical ``x,y`` with ``#RRGGBB`` values (raises on bad input)."""
    return {layout.to_xy(zone): normalize_color(color) for zone, color in colors.items()}


def _at(units: float, scale: int) -> int:
    return int(units * scale + 0.5)


class _Canvas:
    """Six rows of styled characters."""

    def __init__(self, width: int) -> None:
        self.chars = [[" "] * width for _ in range(GRID_HEIGHT)]
        self.styles: list[list[Style | None]] = [[None] * width for _ in range(GRID_HEIGHT)]

    def put(self, row: int, col: int, text: str, style: Style | None) -> None:
        for offset, char in enumerate(text):
            self.chars[row][col + offset] = char
            self.styles[row][col + offset] = style

    def text(self) -> Text:
        out = Text(no_wrap=True, overflow="crop")
        for row, (chars, styles) in enumerate(zip(self.chars, self.styles, strict=True)):
            for char, style in zip(chars, styles, strict=True):
                out.append(char, style)
            if row < GRID_HEIGHT - 1:
                out.append("\n")
        return out


def _zones(layout: Layout) -> list[Zone]:
    if layout.has_table:
        return list(layout.zones())
    # 4Q: no table, its grid is the 5Q's shifted left by one column; keys drawn unlabelled.
    found = []
    for x, y in ANSI:
        try:
            found.append(layout.resolve((x - 1, y)))
        except EmptyCellError:
            continue
    return found


def _parts(layout: Layout, zone: Zone) -> tuple[Part, ...]:
    x = zone.x if layout.has_table else zone.x + 1
    iso = layout.has_table and any((z.x, z.y) == (2, 4) for z in layout.zones())
    return (ISO if iso else ANSI).get((x, zone.y), ())


def keyboard_text(
    layout: Layout, colors: Mapping[str, str], *, scale: int = 4, plain: bool = False
) -> Text:
    """The keyboard as rich `Text`, six lines; `colors` maps canonical ``x,y`` to ``#RRGGBB``.

    `scale` is columns per key unit; `plain` marks lit keys with brackets instead of colour.
    """
    width = columns(scale)
    canvas = _Canvas(width)
    for zone in _zones(layout):
        color = colors.get(zone.xy)
        style = lit_style(color) if color else UNLIT
        if (zone.x, zone.y) in (LEFT_PIPE, RIGHT_PIPE) and layout.has_table:
            col = 0 if (zone.x, zone.y) == LEFT_PIPE else width - 1
            for row in range(GRID_HEIGHT):
                canvas.put(row, col, "█" if plain and color else "│", style if color else PIPE)
            continue
        for index, part in enumerate(_parts(layout, zone)):
            start, end = 2 + _at(part.start, scale), 2 + _at(part.start + part.width, scale) - 1
            label = fit_label(zone.label, end - start) if index == 0 else ""
            canvas.put(part.row, start, label.center(end - start), style)
            if plain and color and index == 0:
                left = canvas.chars[part.row][start - 1]
                canvas.put(part.row, start - 1, "|" if left == "]" else "[", None)
                canvas.put(part.row, end, "]", None)
    return canvas.text()


def _legend(layout: Layout, colors: Mapping[str, str], effects: Mapping[str, str]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    for xy, color in sorted(colors.items(), key=lambda item: _order(layout, item[0])):
        zone = layout.resolve(xy)
        table.add_row(zone.label or xy, zone.code or "", xy, color, effects.get(xy, DEFAULT_EFFECT))
    return table


def _order(layout: Layout, xy: str) -> tuple[int, int]:
    zone = layout.resolve(xy)
    return zone.y, zone.x


class KeyboardView:
    """A rich renderable of the keyboard that picks its scale by the width it gets."""

    def __init__(
        self,
        layout: Layout,
        colors: Mapping[str, str],
        title: str,
        effects: Mapping[str, str] | None = None,
    ) -> None:
        self.layout = layout
        self.colors = dict(colors)
        self.effects = dict(effects or {})
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Render as a panel at the widest scale that fits; a legend when colour is off."""
        plain = console.no_color or console.color_system is None
        fitting = [s for s in SCALES if columns(s) + FRAME <= options.max_width]
        scale = fitting[0] if fitting else SCALES[-1]
        parts: list[RenderableType] = [
            keyboard_text(self.layout, self.colors, scale=scale, plain=plain),
            self._footer(),
        ]
        if plain and self.colors:
            parts.append(_legend(self.layout, self.colors, self.effects))
        elif self._effects_line():
            parts.append(self._effects_line())
        yield Panel(Group(*parts), title=self.title, expand=False)

    def _footer(self) -> Text:
        lit = len(self.colors)
        footer = Text(f"{lit} zone{'s' if lit != 1 else ''} lit", style="dim")
        if not self.layout.has_table:
            footer.append(" · no key table is known for the 4Q: cells by x,y only")
        return footer

    def _effects_line(self) -> Text:
        shown: dict[str, list[str]] = {}
        for xy in sorted(self.colors, key=lambda xy: _order(self.layout, xy)):
            effect = self.effects.get(xy, DEFAULT_EFFECT)
            if effect != DEFAULT_EFFECT:
                shown.setdefault(effect, []).append(self.layout.resolve(xy).label or xy)
        return Text("; ".join(f"{effect}: {', '.join(keys)}" for effect, keys in shown.items()))


def render_keyboard(
    layout: Layout,
    colors: ZoneColors[ZoneKey],
    *,
    title: str | None = None,
    effects: Mapping[ZoneKey, str] | None = None,
) -> RenderableType:
    """A panel with the keyboard of `layout`, the zones in `colors` lit in their colours.

    `colors` keys may be any zone form (``KEY_Q``, ``"2,2"``, ``74``); values any colour form.
    `effects` names the effect of lit zones (default SET_COLOR), listed under the drawing.
    """
    heading = title or f"Das Keyboard {layout.device} · {layout.tag}"
    shown = {layout.to_xy(zone): effect.upper() for zone, effect in (effects or {}).items()}
    return KeyboardView(layout, canonical_colors(layout, colors), heading, shown)


def render_shadows(
    layout: Layout, shadows: Iterable[Shadow], *, title: str | None = None
) -> RenderableType:
    """`render_keyboard` with the colours and effects the `shadows` show (``kbapi q show``)."""
    found = list(shadows)
    effects = {s.xy: s.effect for s in found if s.xy is not None and s.effect}
    return render_keyboard(layout, color_map(found), title=title, effects=effects)
