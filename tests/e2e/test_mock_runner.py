"""`running_mocks`, `run_mocks` and the `kbapi mock` command, on real loopback sockets."""

from __future__ import annotations

import errno
import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from kbapi.cli import app as cli_app
from kbapi.daskeyboard import QClient
from kbapi.mock.daskeyboard import DEMO_API_KEY, DEMO_CLIENT_ID
from kbapi.mock.faults import FaultConfig
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import (
    MockSettings,
    bind_listener,
    is_loopback,
    run_mocks,
    running_mocks,
)
from kbapi.qmk import QMKClient
from typer.testing import CliRunner

FREE = {"qmk_port": 0, "q_local_port": 0, "q_cloud_port": 0}


def test_qmk_alone_on_a_free_port() -> None:
    settings = MockSettings(
        **FREE, include_q=False, qmk=QMKMockConfig(queue_seconds=0, run_seconds=0)
    )
    with running_mocks(settings) as mocks:
        assert re.match(r"^http://127\.0\.0\.1:\d+$", mocks.qmk)
        assert mocks.q_local is None and mocks.q_cloud is None
        assert httpx.get(f"{mocks.qmk}/v1").json()["queue_length"] == 0
        all_boards = httpx.get(f"{mocks.qmk}/v1/keyboards/all")
        assert all_boards.headers["location"] == f"{mocks.qmk}/metadata/v1/keyboards.json"
    with pytest.raises(httpx.ConnectError, match=r"[Cc]onnection refused"):
        httpx.get(f"{mocks.qmk}/v1", timeout=2)


def test_faults_are_wired_into_every_server() -> None:
    faults = FaultConfig(error_rate=1.0, paths="^/v1/converters$", seed=1)
    with running_mocks(MockSettings(**FREE, include_q=False, faults=faults)) as mocks:
        assert httpx.get(f"{mocks.qmk}/v1/converters").status_code in (500, 503)
        assert httpx.get(f"{mocks.qmk}/v1").status_code == 200
        assert mocks.injectors["qmk"].stats.errors == 1


def test_refuses_remote_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")
    with (
        pytest.raises(ValueError, match="non-loopback"),
        running_mocks(MockSettings(host="0.0.0.0")),
    ):
        pass


def test_busy_port_is_an_error() -> None:
    with running_mocks(MockSettings(**FREE, include_q=False)) as mocks:
        port = int(mocks.qmk.rsplit(":", 1)[1])
        busy = MockSettings(qmk_port=port, include_q=False)
        with pytest.raises(OSError) as caught, running_mocks(busy):
            pass
        assert caught.value.errno == errno.EADDRINUSE
        command = CliRunner().invoke(cli_app, ["mock", "--qmk-port", str(port)])
    assert command.exit_code == 2, command.output
    assert command.stderr.startswith("error: ")
    assert "kbapi mock: cannot start; pick other ports" in command.stderr


def test_run_mocks_prints_urls_and_stops() -> None:
    out = io.StringIO()
    stop = threading.Event()
    settings = MockSettings(**FREE)
    thread = threading.Thread(target=run_mocks, args=(settings,), kwargs={"out": out, "stop": stop})
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while "Ctrl-C" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.02)
        match = re.search(r"QMK API mock:\s+(http://127\.0\.0\.1:\d+)\s", out.getvalue())
        assert match, out.getvalue()
        assert httpx.get(f"{match.group(1)}/v1").status_code == 200
        # The export lines are exactly what the clients take: no /v1/v1, no /api/1.0/api/1.0.
        exports = dict(re.findall(r"export (KBAPI_\w+)=(\S+)", out.getvalue()))
        assert exports["KBAPI_QMK_URL"] == match.group(1)
        with QMKClient(exports["KBAPI_QMK_URL"]) as qmk:
            assert qmk.api_status().status == "running"
        with QClient.from_env(environ=exports) as q:
            assert q.target == "local" and q.shadows() == []
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_cli_help_and_remote_refusal() -> None:
    runner = CliRunner()
    help_text = runner.invoke(cli_app, ["mock", "--help"], env={"COLUMNS": "200"}).output
    for option in ("--qmk-port", "--q-local-port", "--q-cloud-port", "--faults", "--seed"):
        assert option in help_text
    assert "KBAPI_MOCK_FAULTS" in help_text
    refused = runner.invoke(cli_app, ["mock", "--host", "0.0.0.0"])
    assert refused.exit_code == 2
    bad_faults = runner.invoke(cli_app, ["mock", "--faults", "error=7"])
    assert bad_faults.exit_code == 2


def test_all_three_mocks_answer() -> None:
    with running_mocks(MockSettings(**FREE)) as mocks:
        assert mocks.q_local and mocks.q_cloud
        # The banner's demo credentials are the first cloud account's, and they work.
        assert mocks.credentials["api_key"] == DEMO_API_KEY
        assert mocks.credentials["client_id"] == DEMO_CLIENT_ID
        key = {"X-API-KEY": mocks.credentials["api_key"]}
        assert httpx.get(f"{mocks.q_cloud}/api/1.0/devices", headers=key).status_code == 200
        assert len({mocks.qmk, mocks.q_local, mocks.q_cloud}) == 3
        assert httpx.get(f"{mocks.qmk}/v1").status_code == 200
        for base in (mocks.q_local, mocks.q_cloud):
            # Any HTTP answer proves a server is there; the Q routes are tested with the Q mock.
            assert httpx.get(f"{base}/api/1.0/nope").status_code < 600


def test_kbapi_mock_command_runs_and_stops_on_sigterm() -> None:
    command = [sys.executable, "-c", "from kbapi.cli import main; main()", "mock"]
    command += ["--qmk-port", "0", "--q-local-port", "0", "--q-cloud-port", "0", "--quota", "5"]
    env = {**os.environ, "KBAPI_MOCK_FAULTS": ""}
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        try:
            first = process.stdout.readline()
            match = re.search(r"(http://127\.0\.0\.1:\d+)\s", first)
            assert match, first
            assert httpx.get(f"{match.group(1)}/v1", timeout=5).status_code == 200
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=15) == 0


def test_listeners_turn_nagle_off_for_every_connection() -> None:
    # asyncio sets TCP_NODELAY on an accepted socket only if its proto says TCP; accepted
    # sockets copy the listener's proto, and Linux copies the listener's TCP_NODELAY.
    listener = bind_listener("127.0.0.1", 0)
    listener.listen(1)
    with listener, socket.create_connection(listener.getsockname()[:2], timeout=5):
        accepted, _ = listener.accept()
        with accepted:
            assert accepted.proto == socket.IPPROTO_TCP
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
