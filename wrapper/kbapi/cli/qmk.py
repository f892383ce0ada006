"""`kbapi qmk`: validate keymaps, compile them into firmware, look up keyboards."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from kbapi._core.errors import KbapiError
from kbapi.qmk import CompileFailed, Keymap, KeymapError, Progress, QMKClient, keymap_c
from kbapi.qmk.common import DEFAULT_BASE_URL

HELP = (
    "Compile QMK firmware with the QMK compile API (api.qmk.fm or a compatible server, "
    "e.g. `kbapi mock`). Keymaps are checked before anything is sent: layer lengths against "
    "the keyboard's info.json, the layout name, keycode syntax.\n\n"
    "Exit status: 0 success, 1 failure (invalid keymap, failed build, service error)."
)

app = typer.Typer(help=HELP, no_args_is_help=True)

BaseUrl = Annotated[
    str, typer.Option("--base-url", envvar="KBAPI_QMK_URL", help="QMK compile API base URL.")
]
MetadataUrl = Annotated[
    str | None,
    typer.Option(
        "--metadata-url",
        envvar="KBAPI_QMK_METADATA_URL",
        help="keyboards.qmk.fm-style metadata server (default: where the API redirects).",
        show_default=False,
    ),
]
KeymapFile = Annotated[
    Path, typer.Argument(help="Configurator export or keymap.json.", show_default=False)
]

_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _client(base_url: str, metadata_url: str | None) -> Iterator[QMKClient]:
    """A client whose kbapi errors end the command with a readable message and exit 1."""
    try:
        with QMKClient(base_url, metadata_url=metadata_url) as client:
            yield client
    except KeymapError as exc:
        _err.print(f"[red]invalid keymap[/]: {exc}")
        raise typer.Exit(1) from exc
    except CompileFailed as exc:
        _err.print(exc.output, markup=False)
        _err.print(f"[red]build failed[/] (job {exc.job_id}, returncode {exc.returncode})")
        raise typer.Exit(1) from exc
    except KbapiError as exc:
        _err.print(f"[red]error[/]: {exc}", markup=True)
        for note in getattr(exc, "__notes__", []):
            _err.print(note, markup=False)
        raise typer.Exit(1) from exc


def _load(path: Path) -> Keymap:
    try:
        return Keymap.load(path)
    except KeymapError as exc:
        _err.print(f"[red]invalid keymap[/]: {exc}")
        raise typer.Exit(1) from exc
    except OSError as exc:
        _err.print(f"[red]cannot read {path}[/]: {exc.strerror}")
        raise typer.Exit(1) from exc


class _ProgressLine:
    """A live line: the job's last status and the time since it was submitted."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.text = "submitting"

    def update(self, progress: Progress) -> None:
        queue = f", {progress.queue_length} in queue" if progress.queue_length is not None else ""
        self.text = f"{progress.status}{queue}"
        if not _out.is_terminal:
            _out.print(f"{progress.elapsed:6.1f}s  {self.text}")

    def __rich__(self) -> Text:
        return Text(f"{self.text}  {time.monotonic() - self.started:5.1f}s", style="cyan")


@app.command()
def compile(
    keymap: KeymapFile,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the firmware.")] = Path(),
    base_url: BaseUrl = DEFAULT_BASE_URL,
    metadata_url: MetadataUrl = None,
    check: Annotated[
        bool, typer.Option("--check/--no-check", help="Validate the keymap before sending.")
    ] = True,
    timeout: Annotated[float, typer.Option(help="Give up waiting after this many seconds.")] = 1200,
) -> None:
    """Validate, compile and download the firmware; print its path."""
    km = _load(keymap)
    line = _ProgressLine()
    with _client(base_url, metadata_url) as client:
        with Live(line, console=_out, transient=True, refresh_per_second=8):
            job = client.compile(km, check=check)
            _out.print(f"job {job.id} submitted for {km.keyboard}:{km.keymap}")
            result = job.wait(timeout=timeout, on_progress=line.update)
        path = job.download_firmware(out)
    _out.print(
        f"[green]built[/] {result.firmware_filename} in {time.monotonic() - line.started:.1f}s"
    )
    _out.print(str(path), markup=False)


@app.command()
def validate(
    keymap: KeymapFile,
    base_url: BaseUrl = DEFAULT_BASE_URL,
    metadata_url: MetadataUrl = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Syntax only: do not fetch the keyboard's info.json.")
    ] = False,
) -> None:
    """Check a keymap (layer lengths, layout, keycodes) without compiling it."""
    km = _load(keymap)
    if offline:
        problems = km.validate()
    else:
        with _client(base_url, metadata_url) as client:
            problems = client.validate(km)
    for problem in problems:
        _err.print(f"- {problem.message}", markup=False)
    if problems:
        count = len(problems)
        _err.print(f"[red]{count} problem{'s' if count != 1 else ''}[/] in {keymap}")
        raise typer.Exit(1)
    _out.print(f"[green]ok[/]: {km.keyboard}:{km.keymap} ({len(km.layers)} layers)")


@app.command("keymap-c")
def keymap_c_command(
    keymap: KeymapFile,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Print the keymap.c that `qmk json2c` would write (offline)."""
    text = keymap_c(_load(keymap))
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        _err.print(f"wrote {output}")


@app.command()
def keyboards(
    text: Annotated[str, typer.Argument(help="Words the name must contain.")] = "",
    base_url: BaseUrl = DEFAULT_BASE_URL,
) -> None:
    """List keyboard names, optionally only those matching TEXT."""
    with _client(base_url, None) as client:
        names = client.search(text) if text else client.keyboards()
    for name in names:
        typer.echo(name)
    if not names:
        _err.print(f"no keyboard matches {text!r}")
        raise typer.Exit(1)


@app.command()
def info(
    keyboard: Annotated[str, typer.Argument(help="e.g. planck/rev6")],
    base_url: BaseUrl = DEFAULT_BASE_URL,
    metadata_url: MetadataUrl = None,
) -> None:
    """Show a keyboard's layouts, key counts and firmware format."""
    with _client(base_url, metadata_url) as client:
        board = client.info(keyboard)
    _out.print(f"[bold]{board.name}[/] ({board.keyboard})")
    _out.print(
        f"processor {board.processor or '?'}, bootloader {board.bootloader or '?'}, "
        f"firmware .{board.firmware_format}",
        markup=False,
    )
    table = Table("layout", "keys", "aliases")
    for name, keys in board.layouts.items():
        aliases = ", ".join(a for a in board.aliases if board.resolve_layout(a) == name)
        table.add_row(name, str(len(keys)), aliases)
    _out.print(table)


@app.command()
def status(
    job_id: Annotated[str, typer.Argument(help="The job id printed by `compile`.")],
    base_url: BaseUrl = DEFAULT_BASE_URL,
) -> None:
    """Show a compile job's status once (no waiting)."""
    with _client(base_url, None) as client:
        job = client.status(job_id)
    _out.print(f"{job.job_id}: [bold]{job.status}[/] (created {job.created_at})")
    if job.result is not None:
        code = job.result.get("returncode")
        name = job.result.get("firmware_filename") or "no firmware"
        _out.print(f"returncode {code}, {name}", markup=False)
