"""The Das Keyboard Q part of `make demo`: paint keys on a local Q server and draw the keyboard.

`run_q_demo(base_url, console)` lights keys with each of the three zone systems (key code, x,y
and linear id), paints a word in one v2 request, reads the shadows back and draws the keyboard
with the same function as `kbapi q show`.
"""

from __future__ import annotations

from kbapi.daskeyboard import QClient
from kbapi.daskeyboard.render import render_shadows
from rich.console import Console
from rich.table import Table

SINGLE_KEYS = (
    ("KEY_ESCAPE", "#FF0000", "key code"),
    ("17,4", "#FFA500", "x,y (arrow up)"),
    (151, "#00FFFF", "linear id (space bar)"),
)
WORD = {
    "KEY_K": "#8000FF",
    "KEY_B": "#0066FF",
    "KEY_A": "#00CC66",
    "KEY_P": "#FFCC00",
    "KEY_I": "red",
}


def run_q_demo(base_url: str, console: Console) -> None:
    """Paint a few keys on the local Q server at `base_url`, then show the keyboard."""
    with QClient.local(base_url) as q:
        for zone, color, system in SINGLE_KEYS:
            signal = q.send(zone, color, name="", message="")
            console.print(
                f"sent {zone!r:<14} as {system:<22} -> zoneId {signal.zone_id} {color}",
                highlight=False,
            )
        painted = q.paint(WORD)
        console.print(
            f"painted {', '.join(WORD)} with {painted.requests} {painted.mode} request "
            f"(signal {painted.signal_ids[0]})",
            highlight=False,
        )
        shadows = q.shadows()
        table = Table("zone", "key", "zoneId sent", "colour", title="shadows read back")
        for shadow in shadows:
            table.add_row(shadow.xy or "?", shadow.label or "", shadow.zone_id, shadow.color)
        console.print(table)
        console.print(render_shadows(q.layout, shadows))
