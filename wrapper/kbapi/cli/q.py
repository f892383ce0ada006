"""`kbapi q`: light Das Keyboard Q keys, paint many at once, read and draw what is shown.

The target is the local Q Desktop app (http://localhost:27301) unless an API key is given,
then the Q cloud (https://q2.daskeyboard.com); --base-url / KBAPI_Q_URL points elsewhere (for
example at `kbapi mock`). The API key comes from KBAPI_Q_API_KEY (or --api-key).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kbapi._core.client import TransportOptions
from kbapi._core.errors import InputError
from kbapi.cli.console import Service, out_console, reporting
from kbapi.cli.options import (
    Runtime,
    SharedOptionsGroup,
    Timeout,
    runtime,
    settings,
)
from kbapi.daskeyboard import DEFAULT_CLIENT_NAME, PaintMethod, QClient, Shadow, get_layout
from kbapi.daskeyboard import ENV_API_KEY as Q_API_KEY_ENV
from kbapi.daskeyboard import ENV_URL as Q_URL_ENV
from kbapi.daskeyboard.render import lit_style, render_shadows
from kbapi.daskeyboard.zone_ids import ZoneKind

HELP = (
    "Light Das Keyboard Q keys (local app or cloud). Zones may be key codes (KEY_Q), x,y "
    "cells (2,2) or linear ids (74); they are checked against --layout and sent as x,y. "
    "Colours are #RGB, #RRGGBB or names (red, blue, ...). Target: the local app unless an API "
    f"key is given (${Q_API_KEY_ENV}), then the cloud; --base-url / ${Q_URL_ENV} overrides the "
    "host. The options below go before or after the command. "
    "Exit status: 0 ok, 1 the request failed, 2 bad input or no server at the URL."
)
LOCAL_CHECK = "is Q Desktop running? Its local API listens on http://localhost:27301."

app = typer.Typer(help=HELP, no_args_is_help=True, cls=SharedOptionsGroup)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@dataclass(frozen=True)
class QSettings:
    """The options every `kbapi q` command shares."""

    base_url: str | None
    api_key: str | None
    layout: str
    device: str
    pid: str | None
    timeout: float | None
    runtime: Runtime

    def client(self) -> QClient:
        """A client of the chosen target (raises `InputError` on bad options)."""
        return QClient.from_env(
            base_url=self.base_url, api_key=self.api_key or None, environ={},
            layout=self.layout, device=self.device, pid=self.pid, timeout=self.timeout,
            http_options=TransportOptions(sleep=self.runtime.sleep),
        )  # fmt: skip

    @contextmanager
    def connected(self) -> Iterator[QClient]:
        """The client, with errors reported for its URL and the command ended by them."""
        with reporting():
            client = self.client()
        check = LOCAL_CHECK if client.target == "local" else "check your network connection."
        service = Service("Das Keyboard Q API", client.base_url, Q_URL_ENV, check)
        with reporting(service), client:
            yield client


@app.callback()
def options(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar=Q_URL_ENV,
            help="Q host root, e.g. http://127.0.0.1:27301 (a trailing /api/1.0 is dropped; "
            "default: the local app, or the cloud with a key).",
            show_default=False,
        ),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar=Q_API_KEY_ENV,
            help=f"Cloud API key (prefer ${Q_API_KEY_ENV}: options show up in process lists).",
            show_default=False,
            show_envvar=True,
        ),
    ] = None,
    layout: Annotated[
        str, typer.Option(help="Keyboard layout: en-US, fr-FR, de-DE, it-IT, es-ES, ru-RU.")
    ] = "en-US",
    device: Annotated[str, typer.Option(help="Device: 5Q, X50Q or 4Q.")] = "5Q",
    pid: Annotated[
        str | None,
        typer.Option(
            help="Device pid to send to (default: the device's; Q_MATRIX = all).",
            show_default=False,
        ),
    ] = None,
    timeout: Timeout = None,
) -> None:
    """Light Das Keyboard Q keys."""
    ctx.obj = QSettings(base_url, api_key, layout, device, pid, timeout, runtime(ctx))


def _swatch(color: str) -> Text:
    if not color.startswith("#") or len(color) != 7:
        return Text(color)
    return Text(f" {color} ", style=lit_style(color))


def _shadow_row(shadow: Shadow) -> dict[str, Any]:
    return {
        "zone": shadow.xy,
        "key": shadow.label,
        "zoneId": shadow.zone_id,
        "color": shadow.color,
        "effect": shadow.effect,
        "pid": shadow.pid,
        "id": shadow.signal_id,
        "name": shadow.signal.name,
    }


@app.command("send")
def send(
    ctx: typer.Context,
    zone: Annotated[str, typer.Option("--zone", "-z", help="KEY_Q, 2,2 or 74.")],
    color: Annotated[str, typer.Option("--color", "-c", help="#F00, #FF0000 or a name.")],
    effect: Annotated[str, typer.Option(help="SET_COLOR, BLINK, BREATHE, ...")] = "SET_COLOR",
    name: Annotated[str, typer.Option(help="Notification title (empty: LEDs only).")] = "",
    message: Annotated[str, typer.Option(help="Notification text.")] = "",
    zone_format: Annotated[
        ZoneKind, typer.Option(help="How the zone is written on the wire.")
    ] = "xy",
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Refuse zones not on the layout.")
    ] = True,
) -> None:
    """Light one zone."""
    with settings(ctx, QSettings).connected() as q:
        signal = q.send(
            zone, color, effect=effect, name=name, message=message,
            zone_format=zone_format, validate=validate,
        )  # fmt: skip
        out_console().print(
            f"signal {signal.id}: zone {signal.zone_id} {signal.color} "
            f"{signal.effect or 'SET_COLOR'} on {signal.pid} ({q.target})"
        )


def _read_paint_file(path: Path) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        data = json.loads(text)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise InputError(f"{path} is not JSON: {exc}") from None
    if not isinstance(data, dict) or not data:
        raise InputError(
            f'{path} must hold a JSON object of zone to colour, e.g. {{"KEY_Q": "red"}}'
        )
    return {zone: tuple(c) if isinstance(c, list) else c for zone, c in data.items()}


@app.command("paint")
def paint(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(help='JSON object of zone to colour, e.g. {"KEY_Q": "red"}; - = stdin.'),
    ],
    effect: Annotated[str, typer.Option(help="Effect of every zone.")] = "SET_COLOR",
    method: Annotated[
        PaintMethod, typer.Option(help="auto: one v2 request locally, v1 requests in the cloud.")
    ] = "auto",
) -> None:
    """Light many zones at once from a JSON file."""
    with reporting():
        colors = _read_paint_file(file)
    with settings(ctx, QSettings).connected() as q:
        result = q.paint(colors, effect=effect, method=method)
    fallback = " (the app has no v2: fell back to v1)" if result.v2_missing else ""
    out_console().print(
        f"painted {len(result.zones)} zones with {result.requests} "
        f"{result.mode} request{'s' if result.requests != 1 else ''}{fallback}"
    )


AllOpt = Annotated[
    bool, typer.Option("--all", help="Delete every signal shown, not only those kbapi sent.")
]


@app.command("clear")
def clear(ctx: typer.Context, everything: AllOpt = False) -> None:
    """Delete the signals kbapi lit (--all: every signal shown), until the keyboard shows none."""
    chosen = settings(ctx, QSettings)
    with chosen.connected() as q:
        name = None if everything else DEFAULT_CLIENT_NAME
        deleted = q.clear_all(chosen.pid, client_name=name)
    out_console().print(f"deleted {deleted} signal{'s' if deleted != 1 else ''}")


@app.command("shadows")
def shadows(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List what each zone shows (zone ids normalised to x,y on --layout)."""
    chosen = settings(ctx, QSettings)
    with chosen.connected() as q:
        found = q.shadows(chosen.pid)
    rows = [_shadow_row(shadow) for shadow in found]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table("zone", "key", "zoneId", "color", "effect", "pid", "id", "name")
    for row, shadow in zip(rows, found, strict=True):
        table.add_row(
            row["zone"] or "?", row["key"] or "", row["zoneId"], _swatch(shadow.color),
            row["effect"] or "", row["pid"], str(row["id"]), row["name"],
        )  # fmt: skip
    out_console().print(table if rows else "no zone shows a signal")


@app.command("zones")
def zones(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the zones of a layout: key code, x,y, linear id and label (no request is sent)."""
    chosen = settings(ctx, QSettings)
    with reporting():
        layout = get_layout(chosen.layout, chosen.device)
        table_zones = layout.zones()
    if as_json:
        rows = [
            {"code": z.code, "xy": z.xy, "linear": z.linear, "label": z.label,
             "leds": list(z.led_ids)}
            for z in table_zones
        ]  # fmt: skip
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(
        "code", "x,y", "linear", "label", "LED ids", title=f"{layout.tag} {layout.device}"
    )
    for z in table_zones:
        leds = " ".join(str(led) for led in z.led_ids)
        table.add_row(z.code, z.xy, str(z.linear), z.label, leds)
    out_console().print(table)


@app.command("show")
def show(ctx: typer.Context) -> None:
    """Draw the keyboard with every key in the colour it shows (a text legend without colour)."""
    chosen = settings(ctx, QSettings)
    with chosen.connected() as q:
        found = q.shadows(chosen.pid)
        out_console().print(render_shadows(q.layout, found))
