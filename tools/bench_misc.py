"""Benchmarks of the package and the mocks: import time, mock throughput, contract-suite time."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path
from typing import Any

from bench_util import mock_process, process_cpu

ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / "build" / "bench" / "venvs"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
PYTEST = ("-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider")
IMPORT_GOAL = 1.3
# (name, venv, code): httpx alone in its own venv is the yardstick; kbapi is installed with its
# runtime dependencies only (no extras), as `pip install kbapi` gives users.
IMPORTS = (
    ("import httpx (plain venv)", "httpx", "import httpx"),
    ("import kbapi", "kbapi", "import kbapi"),
    ("from kbapi.qmk import QMKClient", "kbapi", "from kbapi.qmk import QMKClient"),
    ("from kbapi.qmk import AsyncQMKClient", "kbapi", "from kbapi.qmk import AsyncQMKClient"),
    ("from kbapi.daskeyboard import QClient", "kbapi", "from kbapi.daskeyboard import QClient"),
    (
        "from kbapi.daskeyboard import AsyncQClient",
        "kbapi",
        "from kbapi.daskeyboard import AsyncQClient",
    ),
)
CLIENTS = ("QMKClient", "QClient")


def _venv(name: str, *requirements: str, fresh: str | None = None) -> Path:
    """A venv under build/bench/venvs with `requirements` (pinned by the constraints file).

    The venv is kept between runs; `fresh` (a local project among the requirements) is
    installed again each time, without its dependencies, so the figures are of the code as it
    is now, not as it was when the venv was made.
    """
    folder = VENVS / name
    python = folder / "bin" / "python"
    stamp = folder / ".installed"
    wanted = " ".join(requirements)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        venv.create(folder, with_pip=True, clear=True)
        subprocess.run([*pip, "-c", str(CONSTRAINTS), *requirements], check=True)
        stamp.write_text(wanted, encoding="utf-8")
    elif fresh is not None:
        subprocess.run([*pip, "--no-deps", "--force-reinstall", fresh], check=True)
    return python


def _one_run(python: Path, code: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(python), "-c", code], check=True)
    return time.perf_counter() - started


def import_times(runs: int = 41) -> list[dict[str, Any]]:
    """Import cost in fresh processes, net of the interpreter's own start, interleaved: each
    run times `pass` and every import once, in turn; the median of (import - pass) is kept."""
    pythons = {
        "httpx": _venv("httpx", "httpx"),
        "kbapi": _venv("kbapi", str(ROOT), fresh=str(ROOT)),
    }
    net: dict[str, list[float]] = {name: [] for name, _, _ in IMPORTS}
    for _ in range(runs):
        for name, where, code in IMPORTS:
            base = _one_run(pythons[where], "pass")
            net[name].append(_one_run(pythons[where], code) - base)
    yardstick = statistics.median(net[IMPORTS[0][0]])
    rows = []
    for name, _, _ in IMPORTS:
        ms = statistics.median(net[name])
        row: dict[str, Any] = {"import": name, "ms": round(ms * 1000, 1)}
        row["vs_httpx"] = round(ms / yardstick, 2)
        if any(client in name for client in CLIENTS):
            row.update(goal=f"<= {IMPORT_GOAL}", met=ms / yardstick <= IMPORT_GOAL)
        rows.append(row)
    return rows


async def _connection(host: str, port: int, request: bytes, deadline: float) -> int:
    """Send `request` on one kept-alive connection, one at a time, until `deadline`."""
    reader, writer = await asyncio.open_connection(host, port)
    done = 0
    try:
        while time.perf_counter() < deadline:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 2"):
                raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
            done += 1
    finally:
        writer.close()
    return done


async def _load(url: str, request: bytes, seconds: float, connections: int) -> int:
    host, port = url.removeprefix("http://").split(":")
    deadline = time.perf_counter() + seconds
    counts = await asyncio.gather(
        *(_connection(host, int(port), request, deadline) for _ in range(connections))
    )
    return sum(counts)


def _request(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {len(body)}\r\n"
    if body:
        head += "Content-Type: application/json\r\n"
    return head.encode() + b"\r\n" + body


def mock_throughput(seconds: float = 3.0, connections: int = 16) -> list[dict[str, Any]]:
    """Requests per second of `kbapi mock` (its own process), driven from this process by a
    minimal HTTP/1.1 keep-alive load generator (so the client's own cost stays small), and the
    server's CPU per request (from /proc: capacity on one free core)."""
    signal = b'{"zoneId": "2,2", "color": "#F00", "pid": "DK5QPID", "name": "bench"}'
    cases = (
        ("QMK GET /v1", "qmk", _request("GET", "/v1")),
        ("Q local POST /api/1.0/signals", "q_local", _request("POST", "/api/1.0/signals", signal)),
    )
    rows = []
    with mock_process("--quota", "0") as (urls, pid):
        for name, server, request in cases:
            asyncio.run(_load(urls[server], request, 0.5, connections))  # warm-up
            cpu = process_cpu(pid)
            count = asyncio.run(_load(urls[server], request, seconds, connections))
            per_request = (process_cpu(pid) - cpu) / max(count, 1)
            rows.append(
                {
                    "endpoint": name,
                    "requests_per_s": round(count / seconds),
                    "server_cpu_us_per_request": round(per_request * 1e6),
                    "capacity_per_s": round(1 / per_request) if per_request else None,
                }
            )
    return rows


def contract_suite_seconds() -> float:
    """Wall time of the in-process schemathesis suite (tests/contract), as `make test` runs it."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *PYTEST, "tests/contract"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started
