"""Running the other-language tool chains from tests: commands, locks, failures, skips."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "tools" / "generate_other.sh"
BUILD = ROOT / "tools" / "build_other.sh"
SMOKE_DIR = ROOT / "build" / "other" / "smoke"
INSTALL_TIMEOUT = 300
STEP_TIMEOUT = 120
# .ci/run sets this after installing every tool chain: a missing one is then a failure, not a skip.
REQUIRE_ENV = "KBAPI_REQUIRE_OTHER_LANG"


@contextmanager
def build_lock(name: str) -> Iterator[None]:
    """Serialise the writers of one build area (a smoke build, the generator venv, build/node)
    across pytest-xdist workers."""
    lock = ROOT / "build" / "locks" / f"{name}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run(
    args: list[str], *, timeout: float = STEP_TIMEOUT, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run a command from the repository root, capturing text output."""
    return subprocess.run(
        args,
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def explain(result: subprocess.CompletedProcess[str]) -> str:
    """The command, exit code and output tail, for assertion and skip messages."""
    tail = (result.stdout + result.stderr)[-3000:]
    return f"`{' '.join(map(str, result.args))}` exited {result.returncode}:\n{tail}"


def skip_or_fail(reason: str) -> None:
    """Skip with `reason`, or fail when .ci/run promised every tool chain."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1: .ci/run should have installed it)")
    pytest.skip(reason)


def missing_tools(*tools: str) -> str | None:
    """The first of `tools` that is not on PATH, as a sentence, or None."""
    for tool in tools:
        if shutil.which(tool) is None:
            return f"`{tool}` is not on PATH"
    return None


def node_problem() -> str | None:
    """Why the Node tool chain cannot run here, or None when it can."""
    missing = missing_tools("node", "npm")
    if missing:
        return f"{missing}; install Node.js 20+ and npm"
    version = run(["node", "--version"]).stdout.strip()
    if not re.fullmatch(r"v(\d+)\..*", version) or int(version[1:].split(".")[0]) < 20:
        return f"node {version or '?'} is too old; Node 20+ is needed"
    try:
        # tools/node.sh runs `npm ci` into build/node on first use: needs the registry or a cache.
        with build_lock("node"):
            result = run(
                [str(ROOT / "tools" / "node.sh"), "tsc", "--version"], timeout=INSTALL_TIMEOUT
            )
    except subprocess.TimeoutExpired:
        return f"installing the pinned Node tools (npm ci) took over {INSTALL_TIMEOUT}s"
    if result.returncode != 0:
        return "cannot install the pinned Node tools (npm registry or cache?): " + explain(result)
    return None


def generator_problem() -> str | None:
    """Why openapi-generator cannot run here, or None when it can."""
    missing = missing_tools("java")
    if missing:
        return f"{missing}; openapi-generator needs a Java 17+ runtime"
    # Installs the pinned wheel into build/other/.venv once (a no-op afterwards).
    with build_lock("generator"):
        result = run([str(GENERATE), "--install"], timeout=INSTALL_TIMEOUT)
    if result.returncode != 0:
        return "cannot install openapi-generator-cli from PyPI: " + explain(result)
    return None
