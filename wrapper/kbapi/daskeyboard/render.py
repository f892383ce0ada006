"""Draw a Q keyboard in the terminal with rich, each key in its colour (truecolor when the
terminal has it; rich downsamples otherwise).

    console.print(render_keyboard(get_layout("en-US"), {"2,2": "#FF0000"}))

The drawing is the 24x6 zone grid: one 3-character cell per grid cell, labelled at the zone's
primary cell; every cell of a multi-LED zone (light pipes, Q button) takes the zone's colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.style import Style
from rich.text import Text

from kbapi.daskeyboard.colors import ColorLike, normalize_color
from kbapi.daskeyboard.paint import ZoneKey
from kbapi.daskeyboard.signals import Shadow, color_map
from kbapi.daskeyboard.zones import (
    GRID_HEIGHT,
    GRID_WIDTH,
    EmptyCellError,
    Layout,
    Zone,
)

CELL: Final = 3
UNLIT: Final = Style(color="grey70", bgcolor="grey15")
UNLIT_ALT: Final = Style(color="grey70", bgcolor="grey27")
WIDE: Final = GRID_WIDTH * (CELL + 1) + 3
"""Columns the spaced drawing needs; narrower consoles get the compact one (no gaps between
cells, unlit keys in a checkerboard of two greys), which fits in 80 columns."""
_ABBREVIATIONS: Final[Mapping[str, str]] = {
    "SPACE": "SPC",
    "Q-BUT": "Q",
    "PRT-SC": "PRT",
    "SRC-LK": "SCR",
    "PAUSE": "PAU",
    "CTR-L": "CTL",
    "CTR-R": "CTR",
    "ALT-L": "ALT",
    "ALT-R": "ALT",
    "WIN-L": "WIN",
    "WIN-R": "WIN",
}


def short_label(label: str | None) -> str:
    """A key label in at most 3 characters (``PRT-SC`` -> ``PRT``)."""
    if not label:
        return ""
    return _ABBREVIATIONS.get(label, label[:CELL])


def text_color(background: str) -> str:
    """Black or white, whichever reads better on `background` (``#RRGGBB``)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#FFFFFF"


def lit_style(color: str) -> Style:
    """The style of a key lit in `color`."""
    return Style(color=text_color(color), bgcolor=color, bold=True)


def canonical_colors(layout: Layout, colors: Mapping[ZoneKey, ColorLike]) -> dict[str, str]:
    """`colors` keyed by canonical ``x,y`` with ``#RRGGBB`` values (raises on bad input)."""
    return {layout.to_xy(zone): normalize_color(color) for zone, color in colors.items()}


def _zone_at(layout: Layout, x: int, y: int) -> Zone | None:
    try:
        return layout.resolve((x, y))
    except EmptyCellError:
        return None


def _cell(layout: Layout, x: int, y: int, colors: Mapping[str, str], compact: bool) -> Text:
    zone = _zone_at(layout, x, y)
    if zone is None:
        return Text(" " * CELL)
    primary = (zone.x, zone.y) == (x, y)
    label = short_label(zone.label) if primary else ""
    color = colors.get(zone.xy)
    unlit = UNLIT_ALT if compact and (zone.x + zone.y) % 2 else UNLIT
    return Text(label.center(CELL)[:CELL], style=lit_style(color) if color else unlit)


def keyboard_text(layout: Layout, colors: Mapping[str, str], *, compact: bool = False) -> Text:
    """The grid as rich `Text`, six lines; `colors` maps canonical ``x,y`` to ``#RRGGBB``.

    `compact` leaves out the gaps between cells (72 instead of 95 columns).
    """
    lines = Text(no_wrap=True, overflow="crop")
    for y in range(GRID_HEIGHT):
        for x in range(GRID_WIDTH):
            if x and not compact:
                lines.append(" ")
            lines.append_text(_cell(layout, x, y, colors, compact))
        if y < GRID_HEIGHT - 1:
            lines.append("\n")
    return lines


class KeyboardView:
    """A rich renderable of the keyboard that picks the spaced or compact drawing by width."""

    def __init__(self, layout: Layout, colors: Mapping[str, str], title: str) -> None:
        self.layout = layout
        self.colors = dict(colors)
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Render as a panel: spaced when `WIDE` columns fit, compact otherwise."""
        compact = options.max_width < WIDE
        lit = len(self.colors)
        footer = Text(f"{lit} zone{'s' if lit != 1 else ''} lit", style="dim")
        if not self.layout.has_table:
            footer.append(" · no key table is known for the 4Q: cells by x,y only")
        grid = keyboard_text(self.layout, self.colors, compact=compact)
        yield Panel(Group(grid, footer), title=self.title, expand=False)


def render_keyboard(
    layout: Layout, colors: Mapping[ZoneKey, ColorLike], *, title: str | None = None
) -> RenderableType:
    """A panel with the keyboard of `layout`, the zones in `colors` lit in their colours.

    `colors` keys may be any zone form (``KEY_Q``, ``"2,2"``, ``74``); values any colour form.
    """
    heading = title or f"Das Keyboard {layout.device} · {layout.tag}"
    return KeyboardView(layout, canonical_colors(layout, colors), heading)


def render_shadows(
    layout: Layout, shadows: Iterable[Shadow], *, title: str | None = None
) -> RenderableType:
    """`render_keyboard` with the colours the `shadows` show (what ``kbapi q show`` draws)."""
    return render_keyboard(layout, color_map(shadows), title=title)
