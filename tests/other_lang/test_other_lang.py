"""Other-language clients: TypeScript proven against our mocks, Go and Java generated cleanly.

The TypeScript tests generate the clients with `tools/generate_other.sh typescript`, type-check the
smoke programs in `ts/` together with them (`tsc --strict`) and run them with node against the QMK
and Q local mocks on free loopback ports. They skip, with the reason, when node/npm are missing or
the pinned Node tools cannot be installed (no npm registry and no cache).

The Go/Java test generates every spec with openapi-generator (PyPI wheel, Java) and requires zero
errors; it skips when Java is missing or the wheel cannot be installed.
"""

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
from kbapi.mock.qmk import QMKMockConfig
from kbapi.mock.runner import MockSettings, RunningMocks, running_mocks

ROOT = Path(__file__).resolve().parents[2]
GENERATE = ROOT / "tools" / "generate_other.sh"
TS_DIR = Path(__file__).resolve().parent / "ts"
TSC = ROOT / "build" / "node" / "node_modules" / ".bin" / "tsc"
LOCK = ROOT / "build" / "other.lock"
SPECS = ("qmk", "qmk-keyboards", "daskeyboard-q")
NODE_TOOLS_TIMEOUT = 300
STEP_TIMEOUT = 120
TSC_STRICT_NO_EMIT = [
    "--strict",
    "--noEmit",
    "--target",
    "ES2022",
    "--module",
    "commonjs",
    "--moduleResolution",
    "node10",
    "--lib",
    "ES2022,DOM",
    "--types",
    "node",
    "--typeRoots",
    str(ROOT / "build" / "node" / "node_modules" / "@types"),
]
# openapi-generator's logger prefix ("[main] ERROR o.o.c...") or an uncaught Java exception.
ERROR_LINE = re.compile(r"^\[[^]]*\] ERROR\b|^Exception in thread|^[\w.]+(Exception|Error): ")


@contextmanager
def build_lock() -> Iterator[None]:
    """Serialise writers of build/other and build/node across pytest-xdist workers."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as handle:
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


def node_tools_problem() -> str | None:
    """Why the TypeScript tool chain cannot run here, or None when it can."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            return (
                f"`{tool}` is not on PATH; install Node.js 20+ and npm to run the TypeScript checks"
            )
    version = run(["node", "--version"]).stdout.strip()
    if not re.fullmatch(r"v(\d+)\..*", version) or int(version[1:].split(".")[0]) < 20:
        return f"node {version or '?'} is too old; the TypeScript checks need Node 20+"
    try:
        # tools/node.sh runs `npm ci` into build/node on first use: needs the registry or a cache.
        with build_lock():
            result = run(
                [str(ROOT / "tools" / "node.sh"), "tsc", "--version"], timeout=NODE_TOOLS_TIMEOUT
            )
    except subprocess.TimeoutExpired:
        return f"installing the pinned Node tools (npm ci) took over {NODE_TOOLS_TIMEOUT}s"
    if result.returncode != 0:
        return (
            "cannot install the pinned Node tools (npm registry or cache unreachable?): "
            + explain(result)
        )
    return None


@pytest.fixture(scope="module")
def ts_smoke_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generate the TS clients, type-check the smoke programs strictly and compile them to JS."""
    problem = node_tools_problem()
    if problem:
        pytest.skip(f"TypeScript smoke tests skipped: {problem}")
    out = tmp_path_factory.mktemp("ts-smoke")
    with build_lock():
        generated = run([str(GENERATE), "typescript", *SPECS])
        assert generated.returncode == 0, explain(generated)
        compiled = run([str(TSC), "-p", str(TS_DIR / "tsconfig.json"), "--outDir", str(out)])
    assert compiled.returncode == 0, "tsc --strict failed: " + explain(compiled)
    return out / "tests" / "other_lang" / "ts"


@pytest.fixture(scope="module")
def mocks() -> Iterator[RunningMocks]:
    """QMK and Q mocks on free loopback ports; compile jobs finish after a short run."""
    settings = MockSettings(
        qmk_port=0,
        q_local_port=0,
        q_cloud_port=0,
        qmk=QMKMockConfig(queue_seconds=0.0, run_seconds=0.2),
    )
    with running_mocks(settings) as running:
        yield running


def smoke(program: Path, base_url: str) -> subprocess.CompletedProcess[str]:
    """Run one compiled smoke program against `base_url`."""
    return run(["node", str(program), base_url], timeout=60)


def test_typescript_qmk_compile_job_against_mock(ts_smoke_dir: Path, mocks: RunningMocks) -> None:
    result = smoke(ts_smoke_dir / "qmk_smoke.js", mocks.qmk)
    assert result.returncode == 0, explain(result)
    assert "OK qmk_smoke" in result.stdout
    assert re.search(
        r"firmware: http://127\.0\.0\.1:\d+/v1/compile/[0-9a-f-]+/download", result.stdout
    )


def test_typescript_q_local_signal_against_mock(ts_smoke_dir: Path, mocks: RunningMocks) -> None:
    assert mocks.q_local is not None
    result = smoke(ts_smoke_dir / "q_smoke.js", mocks.q_local)
    assert result.returncode == 0, explain(result)
    assert "OK q_smoke" in result.stdout
    assert "shadow of DK5QPID/KEY_Q: #FF0000" in result.stdout


def test_typescript_smoke_fails_against_the_wrong_server(
    ts_smoke_dir: Path, mocks: RunningMocks
) -> None:
    # The Q smoke program pointed at the QMK mock must fail: its checks are real.
    result = smoke(ts_smoke_dir / "q_smoke.js", mocks.qmk)
    assert result.returncode == 1, explain(result)
    assert "FAIL q_smoke" in result.stderr


def generator_problem() -> str | None:
    """Why openapi-generator cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "`java` is not on PATH; openapi-generator needs a Java 17+ runtime"
    # Installs the pinned wheel into build/other/.venv once (a no-op afterwards).
    with build_lock():
        result = run([str(GENERATE), "--install"], timeout=NODE_TOOLS_TIMEOUT)
    if result.returncode != 0:
        return "cannot install openapi-generator-cli from PyPI: " + explain(result)
    return None


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["go", "java"])
def test_openapi_generator_has_no_errors(lang: str, tmp_path: Path) -> None:
    problem = generator_problem()
    if problem:
        pytest.skip(f"openapi-generator test skipped: {problem}")
    apis = [api for api in SPECS if (ROOT / "spec" / f"{api}.yaml").exists()]
    assert apis, "no spec found in spec/"
    result = run([str(GENERATE), lang, *apis], KBAPI_OTHER_OUT=str(tmp_path))
    assert result.returncode == 0, explain(result)
    for api in apis:
        log = (tmp_path / lang / f"{api}.log").read_text()
        errors = [line for line in log.splitlines() if ERROR_LINE.search(line)]
        assert errors == [], f"{lang}/{api}: {errors}"
        sources = list((tmp_path / lang / api).rglob("*.go" if lang == "go" else "*.java"))
        assert len(sources) > 5, f"{lang}/{api}: only {sources}"


@pytest.mark.slow
def test_openapi_generator_typescript_fetch_passes_tsc_strict(tmp_path: Path) -> None:
    problem = generator_problem() or node_tools_problem()
    if problem:
        pytest.skip(f"typescript-fetch check skipped: {problem}")
    result = run([str(GENERATE), "typescript-fetch", *SPECS], KBAPI_OTHER_OUT=str(tmp_path))
    assert result.returncode == 0, explain(result)
    entries = [str(tmp_path / "typescript-fetch" / api / "src" / "index.ts") for api in SPECS]
    checked = run([str(TSC), *TSC_STRICT_NO_EMIT, *entries])
    assert checked.returncode == 0, "tsc --strict failed on typescript-fetch: " + explain(checked)
