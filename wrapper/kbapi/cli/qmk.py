"""`kbapi qmk`: validate keymaps, compile them into firmware, resume jobs, look up keyboards."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.table import Table
from rich.text import Text

from kbapi._core.client import TransportOptions
from kbapi.cli.console import (
    FAILED,
    INTERRUPTED,
    Service,
    err_console,
    fail,
    out_console,
    reporting,
)
from kbapi.cli.options import (
    QMK_METADATA_URL_ENV,
    QMK_URL_ENV,
    Runtime,
    SharedOptionsGroup,
    Timeout,
    runtime,
    settings,
)
from kbapi.cli.progress import JobProgress
from kbapi.cli.qmk_offline import KeymapFile, keymap_c_command, load_keymap, migrate
from kbapi.qmk import CompileError, CompileFailed, CompileJob, CompileResult, QMKClient
from kbapi.qmk.common import DEFAULT_BASE_URL, api_root
from kbapi.qmk.downloads import Artifact
from kbapi.qmk.jobs import outcome

HELP = (
    "Compile QMK firmware with the QMK compile API (api.qmk.fm or a compatible server, "
    "e.g. `kbapi mock`). Keymaps are checked before anything is sent: layer lengths against "
    "the keyboard's info.json, the layout name, keycodes against current QMK firmware "
    "(`migrate` rewrites the ones QMK removed). The options below go before "
    "or after the command.\n\n"
    "Exit status: 0 success; 1 the build, the check or the service failed; 2 bad input "
    "(invalid keymap, unknown keyboard or job) or no server at the URL. Ctrl-C while waiting "
    "leaves the job running and prints the command that resumes it (status 130)."
)

app = typer.Typer(help=HELP, no_args_is_help=True, cls=SharedOptionsGroup)

JobId = Annotated[str, typer.Argument(help="The job id printed by `compile`.")]
MaxWait = Annotated[
    float, typer.Option("--max-wait", min=0, help="Give up waiting after this many seconds.")
]


@dataclass(frozen=True)
class QMKSettings:
    """The options every `kbapi qmk` command shares."""

    base_url: str
    metadata_url: str | None
    timeout: float | None
    runtime: Runtime

    def service(self) -> Service:
        """What the error reporter says about the server."""
        return Service("QMK compile API", self.base_url, QMK_URL_ENV)

    @contextmanager
    def connected(self) -> Iterator[QMKClient]:
        """A client whose errors end the command with a message, hints and the exit status."""
        with reporting(self.service()):
            client = QMKClient(
                self.base_url, metadata_url=self.metadata_url, timeout=self.timeout,
                http_options=TransportOptions(sleep=self.runtime.sleep),
                sleep=self.runtime.sleep, clock=self.runtime.clock,
            )  # fmt: skip
            with client:
                try:
                    yield client
                except CompileFailed as exc:
                    _build_failed(exc)

    def resume_command(self, *args: str) -> str:
        """The `kbapi qmk` command line that picks a job up again."""
        url = [] if self.base_url == DEFAULT_BASE_URL else ["--base-url", self.base_url]
        return shlex.join(["kbapi", "qmk", *args, *url])


def _build_failed(exc: CompileFailed) -> NoReturn:
    err = err_console()
    err.print(Text(exc.output.rstrip()))
    err.print(
        Text.assemble(("build failed", "red"), f" (job {exc.job_id}, returncode {exc.returncode})")
    )
    raise typer.Exit(FAILED) from exc


@app.callback()
def options(
    ctx: typer.Context,
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            envvar=QMK_URL_ENV,
            help="QMK compile API root (a trailing /v1 is dropped).",
        ),
    ] = DEFAULT_BASE_URL,
    metadata_url: Annotated[
        str | None,
        typer.Option(
            "--metadata-url",
            envvar=QMK_METADATA_URL_ENV,
            help="keyboards.qmk.fm-style metadata server (default: where the API redirects).",
            show_default=False,
        ),
    ] = None,
    timeout: Timeout = None,
) -> None:
    """Compile QMK firmware."""  # fmt: skip
    with reporting():
        root = api_root(base_url)
        metadata = api_root(metadata_url) if metadata_url else None
    ctx.obj = QMKSettings(root, metadata, timeout, runtime(ctx))


@contextmanager
def _resumable(chosen: QMKSettings, job: CompileJob, *resume: str) -> Iterator[None]:
    """On Ctrl-C, say that the job goes on and how to pick it up again; exit 130."""
    try:
        yield
    except KeyboardInterrupt:
        err = err_console()
        err.print(f"interrupted: job {job.id} goes on on the server.")
        command = Text.assemble("resume with: ", (chosen.resume_command(*resume), "bold"))
        err.print(command, soft_wrap=True)  # one line, to copy
        raise typer.Exit(INTERRUPTED) from None


@contextmanager
def _existing_job(
    ctx: typer.Context, job_id: str, resume: list[str]
) -> Iterator[tuple[CompileJob, JobProgress]]:
    """A handle on a submitted job and a progress line; Ctrl-C prints `resume`."""
    chosen = settings(ctx, QMKSettings)
    progress = JobProgress(err_console(), chosen.runtime.clock)
    with chosen.connected() as client:
        job = client.job(job_id)
        with _resumable(chosen, job, *resume):
            yield job, progress


def _wait(job: CompileJob, progress: JobProgress, max_wait: float) -> CompileResult:
    with progress.live():
        return job.wait(timeout=max_wait, on_progress=progress.update)


def _built(progress: JobProgress, result: CompileResult, path: Path | None) -> None:
    err_console().print(f"[green]built[/] {result.firmware_filename} in {progress.elapsed():.1f}s")
    if path is not None:
        out_console().print(Text(str(path)), soft_wrap=True)  # one line, to copy or capture


@app.command()
def compile(
    ctx: typer.Context,
    keymap: KeymapFile,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the firmware.")] = Path(),
    check: Annotated[
        bool, typer.Option("--check/--no-check", help="Validate the keymap before sending.")
    ] = True,
    max_wait: MaxWait = 1200,
) -> None:
    """Validate, compile and download the firmware; print its path."""
    chosen = settings(ctx, QMKSettings)
    km = load_keymap(keymap)
    progress = JobProgress(err_console(), chosen.runtime.clock)
    with chosen.connected() as client:
        with progress.live():
            job = client.compile(km, check=check)
            progress.console.print(f"job {job.id} submitted for {km.keyboard}:{km.keymap}")
        with _resumable(chosen, job, "wait", job.id, "--out", str(out)):
            result = _wait(job, progress, max_wait)
            path = job.download_firmware(out)
    _built(progress, result, path)


@app.command()
def wait(
    ctx: typer.Context,
    job_id: JobId,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Also download the firmware into this folder."),
    ] = None,
    max_wait: MaxWait = 1200,
) -> None:
    """Wait for a submitted job (e.g. after Ctrl-C in `compile`), then download its firmware."""
    resume = ["wait", job_id, *(["--out", str(out)] if out is not None else [])]
    with _existing_job(ctx, job_id, resume) as (job, progress):
        result = _wait(job, progress, max_wait)
        path = job.download_firmware(out) if out is not None else None
    _built(progress, result, path)


@app.command()
def download(
    ctx: typer.Context,
    job_id: JobId,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to save into.")],
    what: Annotated[Artifact, typer.Option(help="Which file of the job.")] = "firmware",
    max_wait: MaxWait = 1200,
) -> None:
    """Download a job's firmware, keymap JSON or source zip (waiting for the build if needed)."""
    resume = ["download", job_id, "--out", str(out), "--what", what]
    with _existing_job(ctx, job_id, resume) as (job, progress):
        _wait(job, progress, max_wait)
        saver = {
            "firmware": job.download_firmware,
            "keymap": job.download_keymap,
            "source": job.download_source,
        }[what]
        path = saver(out)
    out_console().print(Text(str(path)), soft_wrap=True)


@app.command()
def status(ctx: typer.Context, job_id: JobId) -> None:
    """Show a compile job's status once (no waiting); exit 1 if the build failed."""
    chosen = settings(ctx, QMKSettings)
    with chosen.connected() as client:
        job = client.status(job_id)
    out = out_console()
    out.print(f"{job.job_id}: [bold]{job.status}[/] (created {job.created_at})")
    if job.result is not None:
        code = job.result.returncode
        name = job.result.firmware_filename or "no firmware"
        out.print(Text(f"returncode {code}, {name}"))
    if not job.done:
        return
    try:
        outcome(job)
    except CompileFailed as exc:
        err_console().print(
            Text.assemble(("build failed", "red"), f" (returncode {exc.returncode})")
        )
        raise typer.Exit(FAILED) from exc
    except CompileError as exc:  # the job ended without firmware for another reason
        fail(exc, chosen.service())


@app.command()
def validate(
    ctx: typer.Context,
    keymap: KeymapFile,
    offline: Annotated[
        bool, typer.Option("--offline", help="Syntax only: do not fetch the keyboard's info.json.")
    ] = False,
) -> None:
    """Check a keymap (layer lengths, layout, keycodes) without compiling it; exit 1 if bad."""
    chosen = settings(ctx, QMKSettings)
    km = load_keymap(keymap)
    if offline:
        problems = km.validate()
    else:
        with chosen.connected() as client:
            problems = client.validate(km)
    err = err_console()
    for problem in problems:
        err.print(Text(f"- {problem.message}"))
    if problems:
        count = len(problems)
        err.print(f"[red]{count} problem{'s' if count != 1 else ''}[/] in {keymap}")
        raise typer.Exit(FAILED)
    out_console().print(f"[green]ok[/]: {km.keyboard}:{km.keymap} ({len(km.layers)} layers)")


app.command("keymap-c")(keymap_c_command)
app.command()(migrate)


@app.command()
def keyboards(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words the name must contain.")] = "",
) -> None:
    """List keyboard names, optionally only those matching TEXT."""
    with settings(ctx, QMKSettings).connected() as client:
        names = client.search(text) if text else client.keyboards()
    for name in names:
        typer.echo(name)
    if not names:
        err_console().print(f"no keyboard matches {text!r}")
        raise typer.Exit(FAILED)


@app.command()
def info(
    ctx: typer.Context, keyboard: Annotated[str, typer.Argument(help="e.g. planck/rev6")]
) -> None:
    """Show a keyboard's layouts, key counts and firmware format."""
    with settings(ctx, QMKSettings).connected() as client:
        board = client.info(keyboard)
    out = out_console()
    out.print(f"[bold]{board.name}[/] ({board.keyboard})")
    out.print(
        Text(
            f"processor {board.processor or '?'}, bootloader {board.bootloader or '?'}, "
            f"firmware .{board.firmware_format}"
        )
    )
    table = Table("layout", "keys", "aliases")
    for name, keys in board.layouts.items():
        aliases = ", ".join(a for a in board.aliases if board.resolve_layout(a) == name)
        table.add_row(name, str(len(keys)), aliases)
    out.print(table)
