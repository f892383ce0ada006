"""`kbapi contract`: check a server (yours, the live one, or `kbapi mock`) against our specs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from kbapi.cli.console import FAILED, OK, USAGE, out_console, print_error
from kbapi.cli.options import SharedOptionsGroup, Timeout, settings
from kbapi.contract import ContractOptions, plan, render, run_contract, write
from kbapi.contract.reach import ServerUnreachable
from kbapi.contract.runner import Api, Target
from kbapi.daskeyboard.targets import normalize_base_url
from kbapi.qmk.common import api_root

HELP = (
    "Contract-test a server against the OpenAPI specs shipped with kbapi (schemathesis, "
    "in-process). Safe by default: only GET/HEAD operations unless --allow-writes, 2 requests/s "
    "for non-loopback hosts, at most --max-requests requests and --max-time seconds, no redirects "
    "followed, credentials only sent to --url's host and masked in the printed curl lines. "
    "Failures that match the documented deviations of the live services are reported as "
    "'known deviation' and do not fail the run (--no-known-deviations to fail on them). "
    "Credentials the server refuses (401) are a failure. "
    "The options below go before or after the command. "
    "Exit status: 0 passed, 1 contract failures, 2 usage or spec error, or no server at --url."
)

app = typer.Typer(help=HELP, no_args_is_help=True, cls=SharedOptionsGroup)


class ReportFormat(StrEnum):
    """Machine-readable report formats (an enum: typer takes no Literal inside a tuple)."""

    junit = "junit"
    json = "json"


Url = Annotated[
    str, typer.Option("--url", help="Base URL of the server, e.g. http://127.0.0.1:5001")
]
Spec = Annotated[
    Path | None, typer.Option(help="Use this OpenAPI file instead of the packaged spec.")
]
AllowWrites = Annotated[
    bool, typer.Option("--allow-writes", help="Also call POST/PUT/PATCH/DELETE operations.")
]
Rate = Annotated[
    float | None,
    typer.Option(help="Requests per second (0 = unlimited). Default: 2, unlimited on loopback."),
]
MaxRequests = Annotated[int, typer.Option(min=1, help="Hard cap on requests sent.")]
MaxTime = Annotated[float, typer.Option(min=0.1, help="Hard cap on the run time, in seconds.")]
Examples = Annotated[int, typer.Option(min=1, help="Generated cases per operation.")]
KnownDeviations = Annotated[
    bool,
    typer.Option(
        "--known-deviations/--no-known-deviations",
        help="Report documented live-service deviations as known instead of failures.",
    ),
]
ShowSecrets = Annotated[
    bool, typer.Option("--show-secrets", help="Print credentials in the curl lines.")
]
Seed = Annotated[int | None, typer.Option(help="Random seed (default: deterministic cases).")]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="List the operations that would be called and exit.")
]
Report = Annotated[
    tuple[ReportFormat, Path] | None,
    typer.Option(help="Also write a report: --report junit|json FILE.", show_default=False),
]


@dataclass(frozen=True)
class Shared:
    """The options every `kbapi contract` command takes, stored in `ctx.obj` by the callback."""

    options: dict[str, Any]
    dry_run: bool
    report: tuple[ReportFormat, Path] | None
    timeout: float | None


@app.callback()
def shared(
    ctx: typer.Context,
    spec: Spec = None,
    rate: Rate = None,
    max_requests: MaxRequests = 500,
    max_time: MaxTime = 120.0,
    examples: Examples = 10,
    known_deviations: KnownDeviations = True,
    seed: Seed = None,
    dry_run: DryRun = False,
    report: Report = None,
    timeout: Timeout = None,
) -> None:
    """Contract-test a server against the OpenAPI specs shipped with kbapi."""
    options = dict(spec=spec, rate=rate, max_requests=max_requests, max_time=max_time,
                   examples=examples, known_deviations=known_deviations, seed=seed)  # fmt: skip
    ctx.obj = Shared(options, dry_run, report, timeout)


def _run(ctx: typer.Context, api: Api, url: str, **own: Any) -> None:
    """Run the contract of `api` at `url` with the shared options and the command's `own`."""
    chosen = settings(ctx, Shared)
    # The specs' paths carry /v1 or /api/1.0: a URL copied with it would double it.
    root = normalize_base_url(url) if api == "q" else api_root(url)
    options = ContractOptions(api=api, url=root, **chosen.options, **own)
    if chosen.timeout is not None:
        options = replace(options, request_timeout=chosen.timeout)
    console = out_console()
    try:
        result = plan(options) if chosen.dry_run else run_contract(options)
    except (FileNotFoundError, ValueError, ImportError, ServerUnreachable) as exc:
        print_error(exc)
        raise typer.Exit(USAGE) from exc
    render(result, console)
    report = chosen.report
    if report is not None and report[0] is not None:
        write(result, report[0].value, report[1])
        console.print(f"{report[0].value} report written to {report[1]}")
    raise typer.Exit(FAILED if result.failed else OK)


@app.command("qmk")
def qmk(
    ctx: typer.Context,
    url: Url,
    allow_writes: AllowWrites = False,
    show_secrets: ShowSecrets = False,
) -> None:
    """Check a QMK compile API server (api.qmk.fm v1 or self-hosted) against spec/qmk.yaml."""
    _run(ctx, "qmk", url, allow_writes=allow_writes, show_secrets=show_secrets)


@app.command("qmk-keyboards")
def qmk_keyboards(ctx: typer.Context, url: Url) -> None:
    """Check a keyboards.qmk.fm metadata server against spec/qmk-keyboards.yaml."""
    _run(ctx, "qmk-keyboards", url)


@app.command("q")
def q(
    ctx: typer.Context,
    url: Url,
    api_key: Annotated[
        str | None, typer.Option(help="Cloud API key (sent as X-API-KEY).", show_default=False)
    ] = None,
    token: Annotated[
        str | None, typer.Option(help="Cloud OAuth access token (Bearer).", show_default=False)
    ] = None,
    target: Annotated[
        Target | None,
        typer.Option(help="local (Q desktop app) or cloud. Default: cloud with credentials."),
    ] = None,
    allow_writes: AllowWrites = False,
    show_secrets: ShowSecrets = False,
) -> None:
    """Check a Das Keyboard Q server (local app or cloud) against spec/daskeyboard-q.yaml."""
    if api_key and token:
        raise typer.BadParameter("give --api-key or --token, not both", param_hint="--token")
    _run(ctx, "q", url, api_key=api_key, token=token, target=target, allow_writes=allow_writes,
         show_secrets=show_secrets)  # fmt: skip
