"""Benchmarks of the package and the mocks: import time, mock throughput, contract-suite time."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from bench_util import fresh_process_seconds
from kbapi.mock.daskeyboard import QMockConfig, create_local_app
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app

from tests.support.server import serve

ROOT = Path(__file__).resolve().parent.parent
PYTEST = ("-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider")
IMPORTS = {
    "python -c pass": "pass",
    "import httpx": "import httpx",
    "import kbapi": "import kbapi",
    "from kbapi.qmk import QMKClient": "from kbapi.qmk import QMKClient",
    "from kbapi.daskeyboard import QClient": "from kbapi.daskeyboard import QClient",
    "from kbapi import QMKClient, QClient": "from kbapi import QMKClient, QClient",
}


def import_times(runs: int = 15) -> list[dict[str, Any]]:
    """Import cost in fresh processes, net of the interpreter's own start."""
    seconds = {name: fresh_process_seconds(code, runs) for name, code in IMPORTS.items()}
    base = seconds.pop("python -c pass")
    httpx_cost = seconds["import httpx"] - base
    return [
        {
            "import": name,
            "ms": round((value - base) * 1000, 1),
            "vs_httpx": round((value - base) / httpx_cost, 2),
        }
        for name, value in seconds.items()
    ]


async def _hammer(url: str, method: str, path: str, body: Any, seconds: float, workers: int) -> int:
    done = 0
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=url) as client:

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                response = await client.request(method, path, json=body)
                response.raise_for_status()
                done += 1

        await asyncio.gather(*(worker() for _ in range(workers)))
    return done


def mock_throughput(seconds: float = 3.0, workers: int = 16) -> list[dict[str, Any]]:
    """Requests per second the mocks serve on loopback (one uvicorn worker each)."""
    signal = {"zoneId": "2,2", "color": "#F00", "pid": "DK5QPID", "name": "bench"}
    cases = [
        ("QMK GET /v1", create_qmk_app(QMKMockConfig()), "GET", "/v1", None),
        (
            "Q local POST /api/1.0/signals",
            create_local_app(QMockConfig(local_quota_per_second=0)),
            "POST",
            "/api/1.0/signals",
            signal,
        ),
    ]
    rows = []
    for name, app, method, path, body in cases:
        with serve(app) as url:
            count = asyncio.run(_hammer(url, method, path, body, seconds, workers))
        rows.append({"endpoint": name, "requests_per_s": round(count / seconds)})
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
