"""`kbapi mock`: run the QMK and Das Keyboard Q mock servers in the foreground."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from kbapi.cli.console import fail
from kbapi.mock.faults import ENV_VAR, FaultConfig
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import (
    DEFAULT_HOST,
    DEFAULT_Q_CLOUD_PORT,
    DEFAULT_Q_LOCAL_PORT,
    DEFAULT_QMK_PORT,
    MockSettings,
    is_loopback,
    run_mocks,
)

HELP = (
    "Run the QMK API mock and the Das Keyboard Q local and cloud mocks in one process.\n\n"
    "The QMK mock serves /v1/... like api.qmk.fm plus the keyboards.qmk.fm metadata under "
    "/metadata/v1/...; the Q local mock serves /api/1.0 and /api/2.0 without auth; the Q cloud "
    "mock serves /api/1.0 and /oauth/1.4/token. The base URLs (and the cloud demo credentials) "
    "are printed at start. Port 0 picks a free port. Stop with Ctrl-C or SIGTERM.\n\n"
    "Fault injection is off by default. --faults takes a spec such as "
    '"error=0.2,429=0.05,retry_after=1,latency=0.1,latency_rate=0.1,drop=0.02,drop_after=1,'
    'seed=7,paths=^/v1/compile" (paths must come last). Without --faults the environment '
    f"variable {ENV_VAR} is read, in the same format; --seed overrides its seed.\n\n"
    "Listens on loopback addresses only unless --allow-remote is given."
)

app = typer.Typer(help=HELP, invoke_without_command=True, no_args_is_help=False)


def _q_config(quota: int | None) -> Any:
    if quota is None:
        return None
    from kbapi.mock.daskeyboard.config import QMockConfig

    return QMockConfig(local_quota_per_second=quota)


def _faults(spec: str | None, seed: int | None) -> FaultConfig:
    text = spec if spec is not None else os.environ.get(ENV_VAR, "")
    try:
        return FaultConfig.parse(text, seed=seed)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--faults") from exc


@app.callback()
def mock(
    qmk_port: Annotated[int, typer.Option(help="Port of the QMK API mock.")] = DEFAULT_QMK_PORT,
    q_local_port: Annotated[
        int, typer.Option(help="Port of the Q local API mock.")
    ] = DEFAULT_Q_LOCAL_PORT,
    q_cloud_port: Annotated[
        int, typer.Option(help="Port of the Q cloud API mock.")
    ] = DEFAULT_Q_CLOUD_PORT,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow a non-loopback --host.")
    ] = False,
    queue_seconds: Annotated[
        float, typer.Option(help="Seconds a QMK compile job stays queued (at least).")
    ] = 2.0,
    run_seconds: Annotated[float, typer.Option(help="Seconds a QMK compile job runs.")] = 5.0,
    quota: Annotated[
        int | None, typer.Option(help="Q local API requests allowed per second.")
    ] = None,
    faults: Annotated[
        str | None, typer.Option(help=f"Fault injection spec (default: ${ENV_VAR}).")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed for fault injection.")] = None,
) -> None:
    """Run the mock servers until Ctrl-C."""
    if not allow_remote and not is_loopback(host):
        raise typer.BadParameter(
            f"{host} is not a loopback address; add --allow-remote to listen on it",
            param_hint="--host",
        )
    settings = MockSettings(
        host=host,
        qmk_port=qmk_port,
        q_local_port=q_local_port,
        q_cloud_port=q_cloud_port,
        qmk=QMKMockConfig(queue_seconds=queue_seconds, run_seconds=run_seconds),
        q=_q_config(quota),
        faults=_faults(faults, seed),
        allow_remote=allow_remote,
    )
    try:
        run_mocks(settings)
    except OSError as exc:  # a busy port or an address this machine does not have: exit 2
        exc.add_note("kbapi mock: cannot start; pick other ports (0 = any free port)")
        fail(exc)
